/* objector-report-private.h — what the report's files share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "objector-report.h"

G_BEGIN_DECLS

/* The report is made in three steps, so that printing can share the last two:
 *
 * 1. Content: the objections are read into a flat list of blocks (a heading,
 *    a labelled field, a table row…) of plain, already redacted text. This
 *    runs on the caller's thread; afterwards nothing touches a GObject of the
 *    model, so the rest may run in a worker thread.
 * 2. Layout: each block's cells become PangoLayouts for a page width, and the
 *    blocks are cut into pages; a block taller than the room left is split
 *    between its lines.
 * 3. Drawing: page N on any cairo_t (a PDF surface, or GtkPrintOperation's). */

#define MM                 (72.0 / 25.4)
#define MARGIN_X           (20 * MM)
#define CONTENT_TOP        (26 * MM)
#define CONTENT_BOTTOM     (24 * MM)   /* from the bottom edge */
#define HEADER_TOP         (13 * MM)
#define HEADER_RULE        (19 * MM)
#define FOOTER_RULE        (19 * MM)   /* from the bottom edge */
#define FOOTER_TOP         (16.5 * MM) /* from the bottom edge */
#define COLUMN_GAP         10.0
#define QUOTE_INDENT       12.0
#define EMAIL_INDENT       12.0

/* Pango picks, character by character, the first family that has a glyph:
 * Latin, Greek and Cyrillic from the first ones, Han from Noto Sans CJK, and
 * Arabic or Hebrew from whatever sans-serif font fontconfig finds. */
#define FONT_FAMILIES      "Cantarell, Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans-serif"

/* Texts repeat across objections (labels, states, titles, links, and the
 * playbook's reason that most people keep): their layouts are made once.
 * Past this length a repeat is unlikely, and hashing would cost. */
#define CACHE_MAX_TEXT     2048

/* Shaping is most of the work of laying out: with enough blocks, it is
 * shared between threads, one font map each. */
#define MAX_SHAPERS        4
#define PARALLEL_MIN_BLOCKS 400

#define MAX_CELLS          6

typedef enum
{
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_MINOR_HEADING,
  STYLE_BODY,
  STYLE_LABEL,
  STYLE_VALUE,
  STYLE_STRONG,
  STYLE_LINK,
  STYLE_ALERT,
  STYLE_NOTE,
  STYLE_TABLE_HEAD,
  STYLE_TABLE,
  STYLE_TABLE_MUTED,
  STYLE_TABLE_ALERT,
  STYLE_TABLE_NUMBER,
  STYLE_HEADER,
  STYLE_FOOTER,
  N_STYLES
} Style;

typedef struct
{
  double         size;
  PangoWeight    weight;
  guint32        color;    /* 0xRRGGBB */
  double         spacing;  /* line height, times the font's */
  PangoAlignment align;
  gboolean       auto_dir; /* right to left when the text starts so */
} StyleInfo;

extern const StyleInfo _objector_report_styles[N_STYLES];

/* How each block's cells sit on the page. */
typedef enum
{
  COLUMNS_FULL,
  COLUMNS_QUOTE,
  COLUMNS_FIELD,
  COLUMNS_EMAIL_FIELD,
  COLUMNS_EMAIL_FULL,
  COLUMNS_TIMELINE,
  COLUMNS_OVERVIEW,
  N_COLUMN_SETS
} ColumnSet;

typedef enum
{
  BLOCK_TITLE,
  BLOCK_SUBTITLE,
  BLOCK_HEADING,
  BLOCK_SUBHEADING,
  BLOCK_MINOR_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_QUOTE,
  BLOCK_FIELD,
  BLOCK_EMAIL_FIELD,
  BLOCK_TIMELINE_HEAD,
  BLOCK_TIMELINE_ROW,
  BLOCK_OVERVIEW_HEAD,
  BLOCK_OVERVIEW_ROW,
  BLOCK_PAGE_BREAK,
  N_BLOCK_KINDS
} BlockKind;

typedef enum
{
  RULE_NONE,
  RULE_HAIRLINE,
  RULE_STRONG,
} Rule;

typedef struct
{
  double    space_before;
  double    space_after;
  double    pad_top;
  double    pad_bottom;
  ColumnSet columns;
  gboolean  keep_with_next;  /* never the last thing on a page */
  gboolean  splittable;      /* may break between lines where it stands */
  Rule      rule_below;
  gboolean  bar;             /* a grey bar on its left: quoted text */
} BlockInfo;

extern const BlockInfo _objector_report_blocks[N_BLOCK_KINDS];

typedef struct
{
  char     *text;
  char     *link;     /* nullable: an https URL the text stands for */
  Style     style;
  gboolean  markup;   /* the text is Pango markup, user texts escaped */
  int       page_of;  /* ≥ 0: shows the first page of that objection */
} Cell;

typedef struct
{
  BlockKind  kind;
  guint      n_cells;
  int        section;  /* ≥ 0 on the heading of each objection */
  char      *outline;  /* with section: its entry in the PDF outline */
  Cell      *cells;
} Block;

/* Everything the layout needs, read from the model: immutable and shared
 * between threads once built. */
typedef struct
{
  GPtrArray *blocks;
  guint      n_sections;
  char      *title;
  char      *subject;
  char      *author;     /* nullable */
  char      *keywords;
  char      *created;    /* ISO 8601, for the PDF metadata */
  char      *header_left;
  char      *header_right;
  char      *footer_note;
} Content;

typedef struct
{
  PangoLayout *layout;
  double       dy;        /* moves the first baseline in line with the row's */
  double       height;
  int          n_lines;   /* -1 until the lines are measured */
  double      *line_top;  /* n_lines + 1 tops, from the layout's top */
} CellBox;

typedef struct
{
  CellBox *cells;
  double   height;  /* the tallest cell, without the block's padding */
} BlockBox;

/* A block, or the lines of it, on one page. */
typedef struct
{
  guint    block;
  double   y;         /* top of the block's padding */
  double   height;    /* without the padding */
  gboolean whole;
  guint32  first[MAX_CELLS];
  guint32  end[MAX_CELLS];
} Fragment;

/* What shapes text. A font map and its context serve one thread at a time,
 * so each thread that lays text out has its own; the layouts they make may
 * be drawn from any thread afterwards. */
typedef struct
{
  PangoFontMap *font_map;
  PangoContext *context;
  GHashTable   *cache;     /* "style width markup text" → PangoLayout */
} Shaper;

typedef struct
{
  Content              *content;
  double                width;
  double                height;
  Shaper               *shaper;    /* the calling thread's */
  PangoFontDescription *fonts[N_STYLES];
  PangoLayout          *header_left;
  PangoLayout          *header_right;
  PangoLayout          *footer_note;
  PangoLayout          *page_number;
  double                column_x[N_COLUMN_SETS][MAX_CELLS];
  double                column_w[N_COLUMN_SETS][MAX_CELLS];
  BlockBox             *boxes;
  GArray               *fragments;
  GArray               *page_starts;  /* guint: each page's first fragment */
  int                  *section_page;
} Layout;

struct _ObjectorReport
{
  GObject                      parent_instance;

  GListModel                  *objections;
  ObjectorPlaybook            *playbook;
  char                        *name;
  gboolean                     redact;
  ObjectorPaper                paper;
  GDateTime                   *generated;
  ObjectorAuthorities         *authorities;  /* nullable */
  char                        *region;       /* nullable */

  Layout                      *layout;  /* for paginate and draw_page */
};

/* objector-report-content.c: what the report says */
Content     *_objector_report_build_content     (ObjectorReport *self);
Content     *_objector_report_content_ref       (Content        *content);
void         _objector_report_content_unref     (Content        *content);
char        *_objector_report_format_time       (GDateTime      *time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Content, _objector_report_content_unref)

/* objector-report-layout.c: the text shaped and cut into pages */
Layout      *_objector_report_layout_new        (Content        *content,
                                                 double          width,
                                                 double          height);
void         _objector_report_layout_free       (Layout         *self);
void         _objector_report_layout_paginate   (Layout         *self);
guint        _objector_report_layout_n_pages    (Layout         *self);
/* A new layout of @text in @style, wrapped at @width (none when ≤ 0). */
PangoLayout *_objector_report_make_layout       (Layout         *self,
                                                 Shaper         *shaper,
                                                 Style           style,
                                                 double          width,
                                                 gboolean        markup,
                                                 const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Layout, _objector_report_layout_free)

/* objector-report-draw.c: the pages on cairo */
void         _objector_report_layout_draw_page  (Layout         *self,
                                                 cairo_t        *cr,
                                                 guint           page_nr);
/* Lays @content out on @paper and writes the whole PDF to @stream. */
gboolean     _objector_report_write_pdf         (Content        *content,
                                                 ObjectorPaper   paper,
                                                 GOutputStream  *stream,
                                                 GCancellable   *cancellable,
                                                 GError        **error);

G_END_DECLS

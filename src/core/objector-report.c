/* objector-report.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "objector-clock.h"
#include "objector-error.h"
#include "objector-files.h"
#include "objector-redact.h"
#include "objector-mail-verdict.h"
#include "objector-report.h"

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

static const StyleInfo style_info[N_STYLES] = {
  [STYLE_TITLE]         = { 20.0, PANGO_WEIGHT_BOLD,     0x1a1a1a, 1.15, PANGO_ALIGN_LEFT },
  [STYLE_SUBTITLE]      = { 11.0, PANGO_WEIGHT_NORMAL,   0x4a4a4a, 1.30, PANGO_ALIGN_LEFT },
  [STYLE_HEADING]       = { 15.0, PANGO_WEIGHT_BOLD,     0x1a1a1a, 1.15, PANGO_ALIGN_LEFT },
  [STYLE_SUBHEADING]    = { 11.5, PANGO_WEIGHT_BOLD,     0x1a1a1a, 1.20, PANGO_ALIGN_LEFT },
  [STYLE_MINOR_HEADING] = { 10.0, PANGO_WEIGHT_BOLD,     0x333333, 1.20, PANGO_ALIGN_LEFT },
  [STYLE_BODY]          = { 10.0, PANGO_WEIGHT_NORMAL,   0x1a1a1a, 1.40, PANGO_ALIGN_LEFT, TRUE },
  [STYLE_LABEL]         = {  9.0, PANGO_WEIGHT_NORMAL,   0x5c5c5c, 1.35, PANGO_ALIGN_LEFT },
  [STYLE_VALUE]         = { 10.0, PANGO_WEIGHT_NORMAL,   0x1a1a1a, 1.30, PANGO_ALIGN_LEFT },
  [STYLE_STRONG]        = { 10.0, PANGO_WEIGHT_SEMIBOLD, 0x1a1a1a, 1.30, PANGO_ALIGN_LEFT },
  [STYLE_LINK]          = { 10.0, PANGO_WEIGHT_NORMAL,   0x1a5fb4, 1.30, PANGO_ALIGN_LEFT },
  [STYLE_ALERT]         = { 10.0, PANGO_WEIGHT_SEMIBOLD, 0xa51d2d, 1.30, PANGO_ALIGN_LEFT },
  [STYLE_NOTE]          = {  9.0, PANGO_WEIGHT_NORMAL,   0x4a4a4a, 1.40, PANGO_ALIGN_LEFT },
  [STYLE_TABLE_HEAD]    = {  8.5, PANGO_WEIGHT_BOLD,     0x4a4a4a, 1.20, PANGO_ALIGN_LEFT },
  [STYLE_TABLE]         = {  9.0, PANGO_WEIGHT_NORMAL,   0x1a1a1a, 1.25, PANGO_ALIGN_LEFT },
  [STYLE_TABLE_MUTED]   = {  9.0, PANGO_WEIGHT_NORMAL,   0x5c5c5c, 1.25, PANGO_ALIGN_LEFT },
  [STYLE_TABLE_ALERT]   = {  9.0, PANGO_WEIGHT_SEMIBOLD, 0xa51d2d, 1.25, PANGO_ALIGN_LEFT },
  [STYLE_TABLE_NUMBER]  = {  9.0, PANGO_WEIGHT_NORMAL,   0x1a5fb4, 1.25, PANGO_ALIGN_RIGHT },
  [STYLE_HEADER]        = {  8.0, PANGO_WEIGHT_NORMAL,   0x666666, 1.20, PANGO_ALIGN_LEFT },
  [STYLE_FOOTER]        = {  8.0, PANGO_WEIGHT_NORMAL,   0x666666, 1.20, PANGO_ALIGN_LEFT },
};

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

static const BlockInfo block_info[N_BLOCK_KINDS] = {
  [BLOCK_TITLE]         = {  0, 4,  0, 0, COLUMNS_FULL,        TRUE,  FALSE, RULE_NONE,     FALSE },
  [BLOCK_SUBTITLE]      = {  0, 14, 0, 0, COLUMNS_FULL,        TRUE,  FALSE, RULE_NONE,     FALSE },
  [BLOCK_HEADING]       = {  0, 6,  0, 5, COLUMNS_FULL,        TRUE,  FALSE, RULE_STRONG,   FALSE },
  [BLOCK_SUBHEADING]    = { 16, 6,  0, 0, COLUMNS_FULL,        TRUE,  FALSE, RULE_NONE,     FALSE },
  [BLOCK_MINOR_HEADING] = { 12, 4,  0, 0, COLUMNS_EMAIL_FULL,  TRUE,  FALSE, RULE_NONE,     FALSE },
  [BLOCK_PARAGRAPH]     = {  0, 8,  0, 0, COLUMNS_FULL,        FALSE, TRUE,  RULE_NONE,     FALSE },
  [BLOCK_NOTE]          = {  6, 8,  0, 0, COLUMNS_FULL,        FALSE, TRUE,  RULE_NONE,     FALSE },
  [BLOCK_QUOTE]         = {  0, 4,  2, 2, COLUMNS_QUOTE,       FALSE, TRUE,  RULE_NONE,     TRUE  },
  [BLOCK_FIELD]         = {  0, 5,  0, 0, COLUMNS_FIELD,       FALSE, TRUE,  RULE_NONE,     FALSE },
  [BLOCK_EMAIL_FIELD]   = {  0, 3,  0, 0, COLUMNS_EMAIL_FIELD, FALSE, TRUE,  RULE_NONE,     FALSE },
  [BLOCK_TIMELINE_HEAD] = {  0, 0,  0, 4, COLUMNS_TIMELINE,    TRUE,  FALSE, RULE_STRONG,   FALSE },
  [BLOCK_TIMELINE_ROW]  = {  0, 0,  4, 4, COLUMNS_TIMELINE,    FALSE, TRUE,  RULE_HAIRLINE, FALSE },
  [BLOCK_OVERVIEW_HEAD] = {  0, 0,  0, 4, COLUMNS_OVERVIEW,    TRUE,  FALSE, RULE_STRONG,   FALSE },
  [BLOCK_OVERVIEW_ROW]  = {  0, 0,  4, 4, COLUMNS_OVERVIEW,    FALSE, FALSE, RULE_HAIRLINE, FALSE },
  [BLOCK_PAGE_BREAK]    = {  0, 0,  0, 0, COLUMNS_FULL,        FALSE, FALSE, RULE_NONE,     FALSE },
};

/* Column widths as parts of the text width; the field sets measure their
 * labels, the timeline its dates (and shares the rest by these parts). */
static const double timeline_parts[] = { 0.34, 0.25, 0.41 };
static const double overview_parts[] = { 0.05, 0.38, 0.23, 0.12, 0.12, 0.10 };

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
  ObjectorReportAuthorityFunc  authority_func;
  gpointer                     authority_data;
  GDestroyNotify               authority_destroy;

  Layout                      *layout;  /* for paginate and draw_page */
};

G_DEFINE_FINAL_TYPE (ObjectorReport, objector_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_REDACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Content */

static void
content_clear (Content *content)
{
  g_clear_pointer (&content->blocks, g_ptr_array_unref);
  g_clear_pointer (&content->title, g_free);
  g_clear_pointer (&content->subject, g_free);
  g_clear_pointer (&content->author, g_free);
  g_clear_pointer (&content->keywords, g_free);
  g_clear_pointer (&content->created, g_free);
  g_clear_pointer (&content->header_left, g_free);
  g_clear_pointer (&content->header_right, g_free);
  g_clear_pointer (&content->footer_note, g_free);
}

static Content *
content_ref (Content *content)
{
  return g_atomic_rc_box_acquire (content);
}

static void
content_unref (Content *content)
{
  g_atomic_rc_box_release_full (content, (GDestroyNotify) content_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Content, content_unref)

static void
block_free (gpointer data)
{
  Block *block = data;

  for (guint i = 0; i < block->n_cells; i++)
    {
      g_free (block->cells[i].text);
      g_free (block->cells[i].link);
    }
  g_free (block->cells);
  g_free (block->outline);
  g_free (block);
}

static Block *
add_block (GPtrArray *blocks,
           BlockKind  kind,
           guint      n_cells)
{
  Block *block = g_new0 (Block, 1);

  g_assert (n_cells <= MAX_CELLS);

  block->kind = kind;
  block->n_cells = n_cells;
  block->section = -1;
  block->cells = g_new0 (Cell, MAX (n_cells, 1));
  for (guint i = 0; i < n_cells; i++)
    block->cells[i].page_of = -1;
  g_ptr_array_add (blocks, block);
  return block;
}

/* Records come from JSON and the person's typing, but a damaged byte must
 * not stop the summary (nor reach Pango, markup escaping or the PDF's
 * strings, which all want UTF-8): it shows as U+FFFD. Takes @text. */
static char *
take_valid (char *text)
{
  char *valid;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;
  valid = g_utf8_make_valid (text, -1);
  g_free (text);
  return valid;
}

/* Takes @text. */
static void
cell_take (Cell  *cell,
           Style  style,
           char  *text)
{
  cell->style = style;
  cell->text = text != NULL ? take_valid (text) : g_strdup ("");
}

static void
add_text (GPtrArray  *blocks,
          BlockKind   kind,
          Style       style,
          const char *text)
{
  Block *block = add_block (blocks, kind, 1);

  cell_take (&block->cells[0], style, g_strdup (text));
}

/* Takes @value. */
static Cell *
add_field (GPtrArray  *blocks,
           BlockKind   kind,
           const char *label,
           Style       style,
           char       *value)
{
  Block *block = add_block (blocks, kind, 2);

  cell_take (&block->cells[0], STYLE_LABEL, g_strdup (label));
  cell_take (&block->cells[1], style, value);
  return &block->cells[1];
}

/* Redaction: each of the person's addresses, in every way it may be
 * written (objector-redact.c), becomes the replacement. */
typedef struct
{
  ObjectorRedactor *addresses;    /* NULL: redaction off */
  const char       *replacement;
} Redactor;

static void
redactor_init (Redactor           *self,
               const char * const *addresses,
               const char         *replacement)
{
  self->replacement = replacement;
  self->addresses = objector_redactor_new (addresses, replacement);
}

static void
redactor_clear (Redactor *self)
{
  g_clear_pointer (&self->addresses, objector_redactor_free);
}

static char *
redact (Redactor   *self,
        const char *text)
{
  if (text == NULL)
    return NULL;
  if (self->addresses == NULL)
    return take_valid (g_strdup (text));

  return take_valid (objector_redactor_apply (self->addresses, text));
}

/* Formatting */

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *offset = NULL;

  if (time == NULL)
    return NULL;

  /* The zone with every time: summer and winter time differ within a year. */
  local = g_date_time_to_local (time);
  when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  offset = g_date_time_format (local, "%:z");
  return g_strdup_printf ("%s UTC%s", when, offset);
}

static char *
format_date (const GDate *date)
{
  char buffer[32];

  if (date == NULL || !g_date_valid (date))
    return NULL;
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

static char *
format_date_of (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d");
}

static const char *
platform_label (const char *platform)
{
  if (g_strcmp0 (platform, "facebook") == 0)
    return "Facebook";
  if (g_strcmp0 (platform, "instagram") == 0)
    return "Instagram";
  /* Translators: the platform of a request that covers all of Meta's services. */
  return _("Meta (all platforms)");
}

static const char *
mail_kind_label (const char *nick)
{
  ObjectorMailKind kind;

  if (nick == NULL || !objector_mail_kind_from_string (nick, &kind))
    return nick;

  switch (kind)
    {
    case OBJECTOR_MAIL_KIND_CODE:      return _("Confirmation code");
    case OBJECTOR_MAIL_KIND_RECEIPT:   return _("Receipt");
    case OBJECTOR_MAIL_KIND_APPROVAL:  return _("Objection accepted");
    case OBJECTOR_MAIL_KIND_REJECTION: return _("Objection rejected");
    case OBJECTOR_MAIL_KIND_EXTENSION: return _("Deadline extended");
    case OBJECTOR_MAIL_KIND_OTHER:     return _("Other message");
    case OBJECTOR_MAIL_KIND_UNRECOGNISED: return _("Not recognised");
    default:                           return nick;
    }
}

/* @texts joined with @separator; NULL when there are none. */
static char *
join_texts (const char * const *texts,
            const char         *separator)
{
  if (texts == NULL || texts[0] == NULL)
    return NULL;
  return g_strjoinv (separator, (char **) texts);
}

static char *
format_email_date (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL ? format_time (time) : g_strdup (text);
}

static char *
dup_or_dash (const char *text)
{
  return g_strdup (text != NULL && *text != '\0' ? text : "—");
}

/* The content of one objection */

typedef struct
{
  ObjectorReport *report;
  GPtrArray      *blocks;
  Redactor        redactor;
  GDateTime      *now;
  guint           n_objections;
} Builder;

static char *
objection_title (Builder           *builder,
                 ObjectorObjection *objection)
{
  const char *path_id = objector_objection_get_path_id (objection);
  ObjectorPath *path = NULL;

  if (builder->report->playbook != NULL && path_id != NULL)
    path = objector_playbook_lookup_path (builder->report->playbook, path_id);

  return take_valid (g_strdup (path != NULL ? objector_path_get_title (path)
                                             : path_id != NULL ? path_id : "—"));
}

static char *
due_text (Builder           *builder,
          ObjectorObjection *objection,
          Style             *style)
{
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  g_autofree char *date = format_date (due);
  ObjectorState state = objector_objection_get_state (objection);
  const char *extended = objector_objection_get_extended (objection)
                         ? _(", extended by Meta") : "";

  *style = STYLE_VALUE;

  if (date == NULL)
    return g_strdup (_("None yet: the objection has not been submitted"));

  if (objector_objection_is_overdue (objection, builder->now))
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (builder->now);
      g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                               g_date_time_get_month (local),
                                               g_date_time_get_year (local));
      int days = g_date_days_between (due, today);

      *style = STYLE_ALERT;
      /* Translators: "2026-02-20 (overdue by 12 days: Meta has not answered in time)" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s%s (overdue by %d day: Meta has not answered in time)",
                                           "%s%s (overdue by %d days: Meta has not answered in time)",
                                           days),
                              date, extended, days);
    }

  if (objector_state_is_awaiting (state))
    return g_strdup_printf (_("%s%s (not yet due)"), date, extended);

  return g_strdup_printf (_("%s%s (no longer awaited: the objection is “%s”)"),
                          date, extended, objector_state_get_label (state));
}

static void
add_overview_row (Builder           *builder,
                  ObjectorObjection *objection,
                  guint              index)
{
  Block *row = add_block (builder->blocks, BLOCK_OVERVIEW_ROW, 6);
  g_autofree char *title = objection_title (builder, objection);
  g_autofree char *account = redact (&builder->redactor,
                                     objector_objection_get_account (objection));
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  g_autofree char *due_date = format_date (due);
  g_autofree char *submitted = format_date_of (objector_objection_get_submitted (objection));
  gboolean overdue = objector_objection_is_overdue (objection, builder->now);
  const char *state = objector_state_get_label (objector_objection_get_state (objection));
  char *objection_cell;

  if (account != NULL && *account != '\0')
    {
      g_autofree char *account_markup = g_markup_escape_text (account, -1);

      objection_cell = g_strdup_printf ("%s\n<span foreground=\"#5c5c5c\">%s</span>",
                                        title_markup, account_markup);
    }
  else
    objection_cell = g_steal_pointer (&title_markup);

  cell_take (&row->cells[0], STYLE_TABLE, g_strdup_printf ("%u", index + 1));
  cell_take (&row->cells[1], STYLE_TABLE, objection_cell);
  row->cells[1].markup = TRUE;
  if (overdue)
    /* Translators: a state in the overview table, followed by "overdue". */
    cell_take (&row->cells[2], STYLE_TABLE_ALERT, g_strdup_printf (_("%s, overdue"), state));
  else
    cell_take (&row->cells[2], STYLE_TABLE, g_strdup (state));
  cell_take (&row->cells[3], STYLE_TABLE, dup_or_dash (submitted));
  cell_take (&row->cells[4], overdue ? STYLE_TABLE_ALERT : STYLE_TABLE, dup_or_dash (due_date));
  cell_take (&row->cells[5], STYLE_TABLE_NUMBER, g_strdup (""));
  row->cells[5].page_of = index;
}

static void
add_timeline (Builder           *builder,
              ObjectorObjection *objection)
{
  GPtrArray *history = objector_objection_get_history (objection);
  g_autofree gboolean *undone = g_new0 (gboolean, MAX (history->len, 1));
  g_autoptr(GArray) standing = g_array_new (FALSE, FALSE, sizeof (guint));
  Block *head;

  /* Which steps a later undo took back, replayed as the objection does. */
  for (guint i = 0; i < history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (history, i);

      if (t->event == OBJECTOR_EVENT_UNDO)
        {
          if (standing->len > 0)
            {
              undone[g_array_index (standing, guint, standing->len - 1)] = TRUE;
              g_array_set_size (standing, standing->len - 1);
            }
        }
      else
        g_array_append_val (standing, i);
    }

  add_text (builder->blocks, BLOCK_SUBHEADING, STYLE_SUBHEADING, _("Timeline"));

  if (history->len == 0)
    {
      add_text (builder->blocks, BLOCK_PARAGRAPH, STYLE_BODY, _("No step recorded yet."));
      return;
    }

  head = add_block (builder->blocks, BLOCK_TIMELINE_HEAD, 4);
  cell_take (&head->cells[0], STYLE_TABLE_HEAD, g_strdup (_("Date and time")));
  cell_take (&head->cells[1], STYLE_TABLE_HEAD, g_strdup (_("Step")));
  cell_take (&head->cells[2], STYLE_TABLE_HEAD, g_strdup (_("State afterwards")));
  cell_take (&head->cells[3], STYLE_TABLE_HEAD, g_strdup (_("Note")));

  for (guint i = 0; i < history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (history, i);
      Block *row = add_block (builder->blocks, BLOCK_TIMELINE_ROW, 4);
      const char *event = objector_flow_step_label (t->event, t->from);

      cell_take (&row->cells[0], STYLE_TABLE, format_time (t->time));
      if (undone[i])
        /* Translators: a step of the timeline that the person took back later. */
        cell_take (&row->cells[1], STYLE_TABLE_MUTED,
                   g_strdup_printf (_("%s (undone later)"), event));
      else
        cell_take (&row->cells[1], STYLE_TABLE, g_strdup (event));
      cell_take (&row->cells[2], STYLE_TABLE, g_strdup (objector_state_get_label (t->to)));
      cell_take (&row->cells[3], STYLE_TABLE_MUTED, redact (&builder->redactor, t->note));
    }
}

static void
add_emails (Builder           *builder,
            ObjectorObjection *objection)
{
  GPtrArray *emails = objector_objection_get_emails (objection);
  guint shown = 0;

  add_text (builder->blocks, BLOCK_SUBHEADING, STYLE_SUBHEADING, _("Emails from Meta"));

  for (guint i = 0; i < emails->len; i++)
    shown += objector_email_record_is_damaged (g_ptr_array_index (emails, i)) ? 0 : 1;

  if (shown == 0)
    {
      add_text (builder->blocks, BLOCK_PARAGRAPH, STYLE_BODY, _("No email logged yet."));
      return;
    }

  for (guint i = 0, number = 0; i < emails->len; i++)
    {
      ObjectorEmailRecord *email = g_ptr_array_index (emails, i);
      ObjectorMailRecordVerdict verdict;
      const char *kind;
      g_autofree char *heading = NULL;
      g_autofree char *date = NULL;
      g_autofree char *to = NULL;
      g_autofree char *notes = NULL;
      g_autofree char *hosts = NULL;
      g_autofree char *excerpt = NULL;
      char *trust;
      Style trust_style = STYLE_VALUE;

      if (objector_email_record_is_damaged (email))
        continue;
      number++;

      kind = mail_kind_label (objector_email_record_get_kind_name (email));
      if (kind != NULL)
        /* Translators: "Email 2 of 3: Receipt" */
        heading = g_strdup_printf (_("Email %u of %u: %s"), number, shown, kind);
      else
        heading = g_strdup_printf (_("Email %u of %u"), number, shown);
      add_text (builder->blocks, BLOCK_MINOR_HEADING, STYLE_MINOR_HEADING, heading);

      date = format_email_date (objector_email_record_get_date_text (email));
      add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Date"), STYLE_VALUE, dup_or_dash (date));
      add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("From"), STYLE_VALUE,
                 redact (&builder->redactor, objector_email_record_get_from (email)));
      if ((to = join_texts (objector_email_record_get_to (email), ", ")) != NULL)
        add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("To"), STYLE_VALUE,
                   redact (&builder->redactor, to));
      add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Subject"), STYLE_STRONG,
                 redact (&builder->redactor, objector_email_record_get_subject (email)));

      verdict = objector_email_record_get_verdict (email);
      notes = join_texts (objector_email_record_get_trust_notes (email), " ");
      hosts = join_texts (objector_email_record_get_foreign_hosts (email), ", ");
      /* Verified only when the receiving server vouched for it; never
       * "every check passed" for what was not checked. */
      trust = objector_email_record_describe_verdict (email);
      if (verdict.verdict != OBJECTOR_MAIL_VERDICT_VERIFIED && !verdict.unchecked)
        trust_style = STYLE_ALERT;
      add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Trust"), trust_style, trust);
      if (notes != NULL)
        add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Why"), STYLE_VALUE,
                   redact (&builder->redactor, notes));
      if (hosts != NULL)
        add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Links lead to"), STYLE_VALUE,
                   redact (&builder->redactor, hosts));

      excerpt = redact (&builder->redactor, objector_email_record_get_excerpt (email));
      if (excerpt != NULL && *excerpt != '\0')
        /* Translators: the first lines of an email, quoted. */
        add_field (builder->blocks, BLOCK_EMAIL_FIELD, _("Excerpt"), STYLE_VALUE,
                   g_strdup_printf ("“%s”", excerpt));
    }
}

static void
add_objection (Builder           *builder,
               ObjectorObjection *objection,
               guint              index)
{
  ObjectorReport *self = builder->report;
  const char *path_id = objector_objection_get_path_id (objection);
  ObjectorPath *path = NULL;
  g_autofree char *title = objection_title (builder, objection);
  g_autofree char *account = redact (&builder->redactor,
                                     objector_objection_get_account (objection));
  g_autofree char *reason = redact (&builder->redactor, objector_objection_get_reason (objection));
  g_autofree char *authority = NULL;
  g_autofree char *heading = NULL;
  const char *email = objector_objection_get_email (objection);
  ObjectorState state = objector_objection_get_state (objection);
  gboolean overdue = objector_objection_is_overdue (objection, builder->now);
  Style due_style;
  char *due;
  Block *block;
  Cell *cell;

  if (self->playbook != NULL && path_id != NULL)
    path = objector_playbook_lookup_path (self->playbook, path_id);

  add_block (builder->blocks, BLOCK_PAGE_BREAK, 0);

  /* Translators: the heading of each objection: "2. Instagram: object to AI training" */
  heading = g_strdup_printf (_("%u. %s"), index + 1, title);
  block = add_block (builder->blocks, BLOCK_HEADING, 1);
  cell_take (&block->cells[0], STYLE_HEADING, g_strdup (heading));
  block->section = index;
  if (account != NULL && *account != '\0')
    block->outline = g_strdup_printf ("%s — %s", heading, account);
  else
    block->outline = g_strdup (heading);

  add_field (builder->blocks, BLOCK_FIELD, _("State"), overdue ? STYLE_ALERT : STYLE_STRONG,
             overdue ? g_strdup_printf (_("%s, and Meta’s answer is overdue"),
                                        objector_state_get_label (state))
                     : g_strdup (objector_state_get_label (state)));
  add_field (builder->blocks, BLOCK_FIELD, _("Request"), STYLE_VALUE,
             g_strdup (path == NULL ? title
                       : objector_path_get_kind (path) == OBJECTOR_PATH_KIND_OBJECTION
                       ? _("Objection to the use of personal data for AI (GDPR Art. 21)")
                       : _("Request about information from third parties")));
  add_field (builder->blocks, BLOCK_FIELD, _("Path"), STYLE_VALUE, g_strdup (title));
  add_field (builder->blocks, BLOCK_FIELD, _("Platform"), STYLE_VALUE,
             g_strdup (platform_label (objector_objection_get_platform (objection))));
  add_field (builder->blocks, BLOCK_FIELD, _("Account"), STYLE_VALUE, dup_or_dash (account));
  add_field (builder->blocks, BLOCK_FIELD, _("Email address"), STYLE_VALUE,
             builder->redactor.addresses != NULL ? g_strdup (builder->redactor.replacement)
                                               : dup_or_dash (email));
  add_field (builder->blocks, BLOCK_FIELD, _("Country of residence"), STYLE_VALUE,
             dup_or_dash (objector_objection_get_country (objection)));
  if (path != NULL)
    {
      cell = add_field (builder->blocks, BLOCK_FIELD, _("Form"), STYLE_LINK,
                        g_strdup (objector_path_get_form_url (path)));
      cell->link = g_strdup (objector_path_get_form_url (path));
    }
  add_field (builder->blocks, BLOCK_FIELD, _("Created"), STYLE_VALUE,
             format_time (objector_objection_get_created (objection)));
  add_field (builder->blocks, BLOCK_FIELD, _("Submitted"), STYLE_VALUE,
             objector_objection_get_submitted (objection) != NULL
             ? format_time (objector_objection_get_submitted (objection))
             : g_strdup (_("Not yet")));
  due = due_text (builder, objection, &due_style);
  add_field (builder->blocks, BLOCK_FIELD, _("Answer due"), due_style, due);

  if (self->authority_func != NULL
      && (authority = self->authority_func (objection, self->authority_data)) != NULL)
    add_field (builder->blocks, BLOCK_FIELD, _("Authority to complain to"), STYLE_VALUE,
               g_steal_pointer (&authority));

  add_field (builder->blocks, BLOCK_FIELD, _("Reference"), STYLE_VALUE,
             dup_or_dash (objector_objection_get_id (objection)));

  add_text (builder->blocks, BLOCK_SUBHEADING, STYLE_SUBHEADING, _("Reason given"));
  add_text (builder->blocks, BLOCK_QUOTE, STYLE_BODY,
            reason != NULL && *reason != '\0' ? reason : _("No reason recorded."));

  add_timeline (builder, objection);
  add_emails (builder, objection);
}

static Content *
build_content (ObjectorReport *self)
{
  GListModel *model = self->objections;
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) addresses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) now = self->generated != NULL ? g_date_time_ref (self->generated)
                                                       : objector_clock_now_local ();
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autofree char *generated = format_time (now);
  g_autofree char *generated_date = format_date_of (now);
  g_autofree char *address_list = NULL;
  guint n_addresses;
  Content *content = g_atomic_rc_box_new0 (Content);
  Builder builder = { 0 };
  Block *head;

  /* The person's addresses, each once whatever its case, in order. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (model, i);
      const char *email = objector_objection_get_email (objection);
      g_autofree char *address = g_strstrip (g_strdup (email != NULL ? email : ""));
      char *folded;

      if (*address == '\0')
        continue;
      folded = g_ascii_strdown (address, -1);
      if (g_hash_table_contains (seen, folded))
        g_free (folded);
      else
        {
          g_hash_table_add (seen, folded);
          g_ptr_array_add (addresses, g_steal_pointer (&address));
        }
    }
  n_addresses = addresses->len;
  g_ptr_array_add (addresses, NULL);

  content->blocks = g_ptr_array_new_with_free_func (block_free);
  content->n_sections = n;
  builder.report = self;
  builder.blocks = content->blocks;
  if (self->redact)
    redactor_init (&builder.redactor, (const char * const *) addresses->pdata, _("[redacted]"));
  else
    builder.redactor.replacement = _("[redacted]");
  builder.now = now;
  builder.n_objections = n;

  content->title = g_strdup (_("Objections to Meta’s use of personal data for AI"));
  content->subject = g_strdup (_("Summary of the objections and requests made with Objector, "
                                 "with the full record of each"));
  content->keywords = g_strdup ("GDPR, Art. 21, objection, Meta, Facebook, Instagram");
  if (self->name != NULL && *self->name != '\0')
    content->author = take_valid (g_strdup (self->name));
  content->created = g_date_time_format (local_now, "%Y-%m-%dT%H:%M:%S%:z");
  content->header_left = g_strdup (content->title);
  if (content->author != NULL)
    /* Translators: the running header: "Zoë Łukasiewicz · 2026-11-21" */
    content->header_right = g_strdup_printf (_("%s · %s"), content->author, generated_date);
  else
    content->header_right = g_strdup (generated_date);
  content->footer_note =
    g_strdup (_("Generated by Objector from the records kept on the person’s own computer."));

  /* The first page: who, when, which playbook, and every objection at a glance. */
  add_text (content->blocks, BLOCK_TITLE, STYLE_TITLE, content->title);
  add_text (content->blocks, BLOCK_SUBTITLE, STYLE_SUBTITLE, content->subject);

  if (content->author != NULL)
    add_field (content->blocks, BLOCK_FIELD, _("Name"), STYLE_STRONG, g_strdup (content->author));

  if (self->redact && n_addresses > 0)
    address_list = g_strdup (builder.redactor.replacement);
  else if (n_addresses > 0)
    address_list = g_strjoinv (", ", (char **) addresses->pdata);
  add_field (content->blocks, BLOCK_FIELD,
             g_dngettext (GETTEXT_PACKAGE, "Email address", "Email addresses",
                          MAX (n_addresses, 1)),
             STYLE_VALUE, dup_or_dash (address_list));
  add_field (content->blocks, BLOCK_FIELD, _("Generated"), STYLE_VALUE, g_strdup (generated));
  if (self->playbook != NULL)
    {
      const char *updated = objector_playbook_get_updated (self->playbook);

      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  objector_playbook_get_version (self->playbook));

      /* Translators: "version 2026112101 of 2026-11-21 (bundled)" */
      add_field (content->blocks, BLOCK_FIELD, _("Playbook"), STYLE_VALUE,
                 g_strdup_printf (_("version %s of %s (%s)"), version,
                                  updated != NULL ? updated : "—",
                                  objector_playbook_get_origin (self->playbook)));
    }
  else
    add_field (content->blocks, BLOCK_FIELD, _("Playbook"), STYLE_VALUE,
               g_strdup (_("Not loaded")));
  add_field (content->blocks, BLOCK_FIELD, _("Objections"), STYLE_VALUE, g_strdup_printf ("%u", n));

  add_text (content->blocks, BLOCK_NOTE, STYLE_NOTE,
            _("Objector keeps these records on the person’s own computer and sends them nowhere. "
              "Each objection below shows the request as it was made, every step with its date "
              "and time, and every email from Meta that was logged against it. Times are "
              "the local time of that computer, with their offset from UTC. An objection "
              "is overdue when Meta has not answered one calendar month after it was "
              "submitted (GDPR Art. 12(3)), or by the date Meta extended it to."));

  add_text (content->blocks, BLOCK_SUBHEADING, STYLE_SUBHEADING, _("Overview"));
  if (n == 0)
    add_text (content->blocks, BLOCK_PARAGRAPH, STYLE_BODY, _("No objection recorded yet."));
  else
    {
      head = add_block (content->blocks, BLOCK_OVERVIEW_HEAD, 6);
      /* Translators: column headings of the overview table; keep them short. */
      cell_take (&head->cells[0], STYLE_TABLE_HEAD, g_strdup (_("No.")));
      cell_take (&head->cells[1], STYLE_TABLE_HEAD, g_strdup (_("Objection")));
      cell_take (&head->cells[2], STYLE_TABLE_HEAD, g_strdup (_("State")));
      cell_take (&head->cells[3], STYLE_TABLE_HEAD, g_strdup (_("Submitted")));
      cell_take (&head->cells[4], STYLE_TABLE_HEAD, g_strdup (_("Due")));
      cell_take (&head->cells[5], STYLE_TABLE_HEAD, g_strdup (_("Page")));
      head->cells[5].style = STYLE_TABLE_HEAD;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObjectorObjection) objection = g_list_model_get_item (model, i);
          add_overview_row (&builder, objection, i);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (model, i);
      add_objection (&builder, objection, i);
    }

  redactor_clear (&builder.redactor);
  return content;
}

/* Layout */

static Shaper *
shaper_new (void)
{
  Shaper *self = g_new0 (Shaper, 1);
  cairo_font_options_t *options;

  /* Unhinted metrics at 72 dpi lay text out the same for any output, so
   * the pages printed are the pages saved. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Strongly: a field that starts in Arabic stays left-aligned. */
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);

  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  return self;
}

/* The layouts it made live on: each holds its context and font map. */
static void
shaper_free (Shaper *self)
{
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self);
}

static void
layout_free (Layout *self)
{
  if (self->boxes != NULL)
    {
      for (guint i = 0; i < self->content->blocks->len; i++)
        {
          Block *block = g_ptr_array_index (self->content->blocks, i);
          BlockBox *box = &self->boxes[i];

          if (box->cells == NULL)
            continue;
          for (guint c = 0; c < block->n_cells; c++)
            {
              g_clear_object (&box->cells[c].layout);
              g_free (box->cells[c].line_top);
            }
          g_free (box->cells);
        }
      g_free (self->boxes);
    }

  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->header_left);
  g_clear_object (&self->header_right);
  g_clear_object (&self->footer_note);
  g_clear_object (&self->page_number);
  g_clear_pointer (&self->shaper, shaper_free);
  g_clear_pointer (&self->fragments, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_pointer (&self->section_page, g_free);
  g_clear_pointer (&self->content, content_unref);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Layout, layout_free)

static PangoLayout *
make_layout (Layout     *self,
             Shaper     *shaper,
             Style       style,
             double      width,
             gboolean    markup,
             const char *text)
{
  const StyleInfo *info = &style_info[style];
  PangoLayout *layout = pango_layout_new (shaper->context);
  PangoAttrList *attributes;

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_line_spacing (layout, info->spacing);
  pango_layout_set_alignment (layout, info->align);
  /* Fields and tables line up on the left whatever their script; Arabic
   * or Hebrew inside still runs right to left. A whole paragraph (the
   * reason) in such a script is right-aligned, as it is written. */
  pango_layout_set_auto_dir (layout, info->auto_dir);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));

  if (!markup)
    pango_layout_set_text (layout, text, -1);
  else
    pango_layout_set_markup (layout, text, -1);

  /* A line broken inside a word gets no hyphen: a name, an address or a
   * link must read exactly as recorded. */
  attributes = pango_layout_get_attributes (layout);
  attributes = attributes != NULL ? pango_attr_list_copy (attributes) : pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

/* A new reference. */
static PangoLayout *
get_layout (Layout     *self,
            Shaper     *shaper,
            Style       style,
            double      width,
            gboolean    markup,
            const char *text)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (strlen (text) > CACHE_MAX_TEXT)
    return make_layout (self, shaper, style, width, markup, text);

  key = g_strdup_printf ("%d %d %d %s", style, (int) (width * 16), markup, text);
  layout = g_hash_table_lookup (shaper->cache, key);
  if (layout == NULL)
    {
      layout = make_layout (self, shaper, style, width, markup, text);
      g_hash_table_insert (shaper->cache, g_steal_pointer (&key), layout);
    }
  return g_object_ref (layout);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* Columns @first… of @set share @width from @x by @parts. */
static void
set_columns (Layout       *self,
             ColumnSet     set,
             guint         first,
             double        x,
             double        width,
             const double *parts,
             guint         n_parts)
{
  double usable = width - COLUMN_GAP * (n_parts - 1);

  g_assert (first + n_parts <= MAX_CELLS);

  for (guint i = 0; i < n_parts; i++)
    {
      self->column_x[set][first + i] = x;
      self->column_w[set][first + i] = usable * parts[i];
      x += self->column_w[set][first + i] + COLUMN_GAP;
    }
}

/* The label column is as wide as the widest label, within limits. */
static void
compute_columns (Layout *self)
{
  double text_width = MAX (self->width - 2 * MARGIN_X, 72.0);
  double label_width = 0;
  double field_parts[2];
  double email_parts[2];

  for (guint i = 0; i < self->content->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->content->blocks, i);
      g_autoptr(PangoLayout) layout = NULL;

      if (block->kind != BLOCK_FIELD && block->kind != BLOCK_EMAIL_FIELD)
        continue;
      layout = get_layout (self, self->shaper, STYLE_LABEL, -1, FALSE, block->cells[0].text);
      label_width = MAX (label_width, layout_width (layout));
    }

  label_width = CLAMP (label_width + COLUMN_GAP, text_width * 0.18, text_width * 0.34);

  self->column_x[COLUMNS_FULL][0] = MARGIN_X;
  self->column_w[COLUMNS_FULL][0] = text_width;
  self->column_x[COLUMNS_QUOTE][0] = MARGIN_X + QUOTE_INDENT;
  self->column_w[COLUMNS_QUOTE][0] = text_width - QUOTE_INDENT;

  field_parts[0] = (label_width - COLUMN_GAP) / (text_width - COLUMN_GAP);
  field_parts[1] = 1 - field_parts[0];
  set_columns (self, COLUMNS_FIELD, 0, MARGIN_X, text_width, field_parts, 2);

  /* Emails are indented, their labels in line with the fields above. */
  email_parts[0] = (label_width - COLUMN_GAP - EMAIL_INDENT)
                   / (text_width - EMAIL_INDENT - COLUMN_GAP);
  email_parts[1] = 1 - email_parts[0];
  set_columns (self, COLUMNS_EMAIL_FIELD, 0, MARGIN_X + EMAIL_INDENT, text_width - EMAIL_INDENT,
               email_parts, 2);

  self->column_x[COLUMNS_EMAIL_FULL][0] = MARGIN_X + EMAIL_INDENT;
  self->column_w[COLUMNS_EMAIL_FULL][0] = text_width - EMAIL_INDENT;

  {
    g_autoptr(GDateTime) sample_time = g_date_time_new_local (2026, 12, 28, 23, 58, 0);
    g_autofree char *sample = format_time (sample_time);
    g_autoptr(PangoLayout) time = get_layout (self, self->shaper, STYLE_TABLE, -1, FALSE, sample);
    double time_width = CLAMP (layout_width (time) + 2, text_width * 0.15, text_width * 0.32);
    double rest = text_width - time_width - COLUMN_GAP;

    self->column_x[COLUMNS_TIMELINE][0] = MARGIN_X;
    self->column_w[COLUMNS_TIMELINE][0] = time_width;
    set_columns (self, COLUMNS_TIMELINE, 1, MARGIN_X + time_width + COLUMN_GAP, rest,
                 timeline_parts, G_N_ELEMENTS (timeline_parts));
  }
  set_columns (self, COLUMNS_OVERVIEW, 0, MARGIN_X, text_width,
               overview_parts, G_N_ELEMENTS (overview_parts));
}

static Layout *
layout_new (Content *content,
            double   width,
            double   height)
{
  Layout *self = g_new0 (Layout, 1);
  double text_width = MAX (width - 2 * MARGIN_X, 72.0);

  self->content = content_ref (content);
  self->width = width;
  self->height = height;
  /* Its own font map: the default one belongs to the thread that made it. */
  self->shaper = shaper_new ();

  for (guint i = 0; i < N_STYLES; i++)
    {
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILIES);
      pango_font_description_set_size (self->fonts[i], (int) (style_info[i].size * PANGO_SCALE));
      pango_font_description_set_weight (self->fonts[i], style_info[i].weight);
    }

  self->boxes = g_new0 (BlockBox, content->blocks->len);
  self->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->section_page = g_new0 (int, MAX (content->n_sections, 1));

  compute_columns (self);

  /* What every page repeats, made once. */
  self->header_left = make_layout (self, self->shaper, STYLE_HEADER, text_width * 0.58, FALSE,
                                   content->header_left);
  pango_layout_set_ellipsize (self->header_left, PANGO_ELLIPSIZE_END);
  self->header_right = make_layout (self, self->shaper, STYLE_HEADER, text_width * 0.40, FALSE,
                                    content->header_right);
  pango_layout_set_ellipsize (self->header_right, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (self->header_right, PANGO_ALIGN_RIGHT);
  self->footer_note = make_layout (self, self->shaper, STYLE_FOOTER, text_width * 0.76, FALSE,
                                   content->footer_note);
  self->page_number = make_layout (self, self->shaper, STYLE_FOOTER, text_width * 0.22, FALSE, "");
  pango_layout_set_alignment (self->page_number, PANGO_ALIGN_RIGHT);

  return self;
}

static BlockBox *
measure_block (Layout *self,
               Shaper *shaper,
               guint   index)
{
  Block *block = g_ptr_array_index (self->content->blocks, index);
  BlockBox *box = &self->boxes[index];
  ColumnSet set = block_info[block->kind].columns;
  int max_baseline = 0;

  if (box->cells != NULL || block->n_cells == 0)
    return box;

  box->cells = g_new0 (CellBox, block->n_cells);
  for (guint c = 0; c < block->n_cells; c++)
    {
      Cell *cell = &block->cells[c];
      CellBox *cell_box = &box->cells[c];

      /* Page numbers are known only once laid out: measure a stand-in. */
      cell_box->layout = get_layout (self, shaper, cell->style, self->column_w[set][c],
                                     cell->markup, cell->page_of >= 0 ? "0000" : cell->text);
      cell_box->n_lines = -1;
      max_baseline = MAX (max_baseline, pango_layout_get_baseline (cell_box->layout));
    }

  for (guint c = 0; c < block->n_cells; c++)
    {
      CellBox *cell_box = &box->cells[c];

      cell_box->dy = (double) (max_baseline - pango_layout_get_baseline (cell_box->layout))
                     / PANGO_SCALE;
      cell_box->height = layout_height (cell_box->layout);
      box->height = MAX (box->height, cell_box->dy + cell_box->height);
    }

  return box;
}

static void
measure_lines (CellBox *cell)
{
  PangoLayoutIter *iter;
  int i = 0;

  if (cell->n_lines >= 0)
    return;

  cell->n_lines = pango_layout_get_line_count (cell->layout);
  cell->line_top = g_new (double, cell->n_lines + 1);

  iter = pango_layout_get_iter (cell->layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      cell->line_top[i++] = cell->dy + (double) y0 / PANGO_SCALE;
    }
  while (i < cell->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  while (i < cell->n_lines)
    cell->line_top[i++] = cell->dy + cell->height;
  cell->line_top[0] = 0;
  cell->line_top[cell->n_lines] = cell->dy + cell->height;
}

static void
start_page (Layout *self)
{
  guint start = self->fragments->len;

  g_array_append_val (self->page_starts, start);
}

static void
place (Layout   *self,
       guint     block,
       double    y,
       double    height,
       gboolean  whole,
       guint32  *first,
       guint32  *end)
{
  Fragment fragment = { 0 };

  fragment.block = block;
  fragment.y = y;
  fragment.height = height;
  fragment.whole = whole;
  if (!whole)
    {
      memcpy (fragment.first, first, sizeof fragment.first);
      memcpy (fragment.end, end, sizeof fragment.end);
    }
  g_array_append_val (self->fragments, fragment);
}

/* The fields of one email, following its heading at @index. */
static double
email_height (Layout *self,
              guint   index)
{
  double height = 0;

  for (guint i = index; i < self->content->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->content->blocks, i);
      const BlockInfo *info = &block_info[block->kind];

      if (block->kind != BLOCK_EMAIL_FIELD)
        break;
      height += info->pad_top + measure_block (self, self->shaper, i)->height + info->pad_bottom
                + info->space_after;
    }
  return height;
}

/* How much of the next block must fit below a heading kept with it. */
static double
min_following (Layout *self,
               guint   index)
{
  Block *block;
  const BlockInfo *info;
  BlockBox *box;

  if (index >= self->content->blocks->len)
    return 0;

  block = g_ptr_array_index (self->content->blocks, index);
  info = &block_info[block->kind];
  if (block->kind == BLOCK_PAGE_BREAK)
    return 0;

  box = measure_block (self, self->shaper, index);

  /* An email heading moves with its whole email, when that is short. */
  if (block->kind == BLOCK_MINOR_HEADING && email_height (self, index + 1) < self->height / 4)
    return info->space_before + box->height + info->space_after + email_height (self, index + 1);

  /* Two lines of it, roughly, or all of it when it is short. */
  return info->space_before + info->pad_top + info->pad_bottom
         + MIN (box->height, 2.6 * style_info[block->cells[0].style].size * 1.4)
         + (info->keep_with_next ? min_following (self, index + 1) : 0);
}

typedef struct
{
  Layout *layout;
  Shaper *shaper;
  guint   first;
  guint   end;
} MeasureJob;

static gpointer
measure_thread (gpointer data)
{
  MeasureJob *job = data;

  for (guint i = job->first; i < job->end; i++)
    measure_block (job->layout, job->shaper, i);
  return NULL;
}

/* Shapes every block, in as many threads as there are processors (up to a
 * few), each a slice of the blocks with its own font map. The slices write
 * to different boxes, and nothing else is shared but read-only content. */
static void
measure_all (Layout *self)
{
  guint n_blocks = self->content->blocks->len;
  guint n_threads = CLAMP (g_get_num_processors (), 1, MAX_SHAPERS);
  MeasureJob jobs[MAX_SHAPERS];
  GThread *threads[MAX_SHAPERS] = { NULL };

  if (n_blocks < PARALLEL_MIN_BLOCKS)
    n_threads = 1;

  for (guint t = 0; t < n_threads; t++)
    {
      jobs[t].layout = self;
      jobs[t].shaper = t == 0 ? self->shaper : shaper_new ();
      jobs[t].first = (guint) ((guint64) n_blocks * t / n_threads);
      jobs[t].end = (guint) ((guint64) n_blocks * (t + 1) / n_threads);
    }

  for (guint t = 1; t < n_threads; t++)
    {
      threads[t] = g_thread_try_new ("objector-report", measure_thread, &jobs[t], NULL);
      /* No thread to be had: this one does that slice afterwards. */
      if (threads[t] == NULL)
        {
          shaper_free (jobs[t].shaper);
          jobs[t].shaper = self->shaper;
        }
    }

  measure_thread (&jobs[0]);

  for (guint t = 1; t < n_threads; t++)
    {
      if (threads[t] != NULL)
        {
          g_thread_join (threads[t]);
          shaper_free (jobs[t].shaper);
        }
      else
        measure_thread (&jobs[t]);
    }
}

static void
paginate (Layout *self)
{
  GPtrArray *blocks = self->content->blocks;
  double top = CONTENT_TOP;
  double bottom = self->height - CONTENT_BOTTOM;
  double y = top;

  /* Tiny paper: keep at least a few lines' room so that every block moves on. */
  if (bottom - top < 72)
    bottom = top + 72;

  measure_all (self);
  start_page (self);

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);
      const BlockInfo *info = &block_info[block->kind];
      guint32 first[MAX_CELLS] = { 0 };
      guint32 end[MAX_CELLS] = { 0 };
      BlockBox *box;
      double pads = info->pad_top + info->pad_bottom;
      double need;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (y > top)
            {
              start_page (self);
              y = top;
            }
          continue;
        }

      box = measure_block (self, self->shaper, i);
      if (block->section >= 0)
        self->section_page[block->section] = self->page_starts->len - 1;

      need = (y > top ? info->space_before : 0) + pads + box->height;
      if (block->kind == BLOCK_MINOR_HEADING && email_height (self, i + 1) < self->height / 4)
        need += info->space_after + email_height (self, i + 1);
      else if (info->keep_with_next)
        need += info->space_after + min_following (self, i + 1);

      if (y + need <= bottom || (y == top && box->height + pads <= bottom - top))
        {
          y += y > top ? info->space_before : 0;
          place (self, i, y, box->height, TRUE, NULL, NULL);
          y += pads + box->height + info->space_after;
          continue;
        }

      if (y > top && (!info->splittable || info->keep_with_next))
        {
          start_page (self);
          y = top;
          if (block->section >= 0)
            self->section_page[block->section] = self->page_starts->len - 1;
          i--;
          continue;
        }

      /* Line by line: what fits here, the rest on the next pages. */
      for (guint c = 0; c < block->n_cells; c++)
        measure_lines (&box->cells[c]);

      while (TRUE)
        {
          double before = y > top ? info->space_before : 0;
          double room = bottom - y - before - pads;
          double rest = 0;
          double height = 0;
          guint placed = 0;
          guint widest = 0;

          for (guint c = 0; c < block->n_cells; c++)
            {
              CellBox *cell = &box->cells[c];

              first[c] = end[c];
              rest = MAX (rest, cell->line_top[cell->n_lines] - cell->line_top[first[c]]);
              if (cell->n_lines - first[c] > box->cells[widest].n_lines - first[widest])
                widest = c;
            }

          if (rest <= room)
            {
              for (guint c = 0; c < block->n_cells; c++)
                end[c] = box->cells[c].n_lines;
              y += before;
              place (self, i, y, rest, FALSE, first, end);
              y += pads + rest + info->space_after;
              break;
            }

          for (guint c = 0; c < block->n_cells; c++)
            {
              CellBox *cell = &box->cells[c];

              end[c] = first[c];
              while (end[c] < (guint32) cell->n_lines
                     && cell->line_top[end[c] + 1] - cell->line_top[first[c]] <= room)
                end[c]++;
              placed += end[c] - first[c];
              height = MAX (height, cell->line_top[end[c]] - cell->line_top[first[c]]);
            }

          /* No single orphaned line at a page's end, unless the page is empty. */
          if (y > top && (placed == 0 || end[widest] - first[widest] < 2))
            {
              for (guint c = 0; c < block->n_cells; c++)
                end[c] = first[c];
              start_page (self);
              y = top;
              continue;
            }

          /* A line taller than a page: let it overflow rather than loop. */
          if (placed == 0)
            for (guint c = 0; c < block->n_cells; c++)
              if (first[c] < (guint32) box->cells[c].n_lines)
                {
                  CellBox *cell = &box->cells[c];

                  end[c] = first[c] + 1;
                  height = MAX (height, cell->line_top[end[c]] - cell->line_top[first[c]]);
                }

          y += before;
          place (self, i, y, height, FALSE, first, end);
          start_page (self);
          y = top;
        }
    }
}

static guint
layout_n_pages (Layout *self)
{
  return self->page_starts->len;
}

/* Drawing */

static void
set_color (cairo_t *cr,
           guint32  color)
{
  cairo_set_source_rgb (cr,
                        ((color >> 16) & 0xff) / 255.0,
                        ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

static void
hairline (cairo_t *cr,
          double   x0,
          double   x1,
          double   y,
          double   width,
          guint32  color)
{
  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* cairo's tag attributes quote strings in single quotes. */
static char *
link_attributes (const char *uri)
{
  g_autoptr(GString) attributes = g_string_new ("uri='");

  for (const char *p = uri; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (attributes, '\\');
      g_string_append_c (attributes, *p);
    }
  g_string_append_c (attributes, '\'');
  return g_string_free (g_steal_pointer (&attributes), FALSE);
}

/* cairo 1.16 writes a broken cross-reference table (an object it never
 * emits) for a link that is not inside a structure element: a paragraph
 * around each link keeps the file valid, and is right for the structure. */
static void
link_begin (cairo_t    *cr,
            const char *attributes)
{
  cairo_tag_begin (cr, "P", NULL);
  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
}

static void
link_end (cairo_t *cr)
{
  cairo_tag_end (cr, CAIRO_TAG_LINK);
  cairo_tag_end (cr, "P");
}

static void
draw_cell_lines (cairo_t     *cr,
                 PangoLayout *layout,
                 CellBox     *cell,
                 double       x,
                 double       y,
                 guint32      first,
                 guint32      end)
{
  PangoLayoutIter *iter = pango_layout_get_iter (cell->layout);
  guint32 i = 0;

  do
    {
      if (i >= first && i < end)
        {
          PangoRectangle logical;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + cell->dy + baseline - (first > 0 ? cell->line_top[first] : 0));
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_fragment (Layout   *self,
               cairo_t  *cr,
               Fragment *fragment)
{
  Block *block = g_ptr_array_index (self->content->blocks, fragment->block);
  const BlockInfo *info = &block_info[block->kind];
  BlockBox *box = &self->boxes[fragment->block];
  ColumnSet set = info->columns;
  double y = fragment->y + info->pad_top;

  for (guint c = 0; c < block->n_cells; c++)
    {
      Cell *cell = &block->cells[c];
      CellBox *cell_box = &box->cells[c];
      double x = self->column_x[set][c];
      g_autoptr(PangoLayout) number = NULL;
      g_autofree char *attributes = NULL;

      if (!fragment->whole && fragment->first[c] >= fragment->end[c])
        continue;

      set_color (cr, style_info[cell->style].color);

      if (cell->page_of >= 0 && (guint) cell->page_of < self->content->n_sections)
        {
          int page = self->section_page[cell->page_of] + 1;
          g_autofree char *text = g_strdup_printf ("%d", page);

          number = make_layout (self, self->shaper, cell->style, self->column_w[set][c],
                                FALSE, text);
          attributes = g_strdup_printf ("page=%d", page);
          link_begin (cr, attributes);
          cairo_move_to (cr, x, y + cell_box->dy);
          pango_cairo_show_layout (cr, number);
          link_end (cr);
          continue;
        }

      if (cell->link != NULL)
        {
          attributes = link_attributes (cell->link);
          link_begin (cr, attributes);
        }

      if (fragment->whole)
        {
          cairo_move_to (cr, x, y + cell_box->dy);
          pango_cairo_show_layout (cr, cell_box->layout);
        }
      else
        draw_cell_lines (cr, cell_box->layout, cell_box, x, y,
                         fragment->first[c], fragment->end[c]);

      if (cell->link != NULL)
        link_end (cr);
    }

  if (info->bar)
    {
      cairo_save (cr);
      set_color (cr, 0xc8c8c8);
      cairo_rectangle (cr, MARGIN_X, fragment->y, 2.5,
                       fragment->height + info->pad_top + info->pad_bottom);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  if (info->rule_below != RULE_NONE)
    {
      double rule_y = fragment->y + info->pad_top + fragment->height + info->pad_bottom;
      double x0 = self->column_x[set][0];
      double x1 = self->width - MARGIN_X;

      if (info->rule_below == RULE_STRONG)
        hairline (cr, x0, x1, rule_y, 0.8, 0x777777);
      else
        hairline (cr, x0, x1, rule_y, 0.4, 0xd4d4d4);
    }
}

static void
draw_header_and_footer (Layout  *self,
                        cairo_t *cr,
                        guint    page_nr)
{
  double text_width = self->width - 2 * MARGIN_X;
  g_autofree char *page_text = NULL;

  set_color (cr, style_info[STYLE_HEADER].color);

  /* The first page has its title instead of the running header. */
  if (page_nr > 0)
    {
      cairo_move_to (cr, MARGIN_X, HEADER_TOP);
      pango_cairo_show_layout (cr, self->header_left);
      cairo_move_to (cr, MARGIN_X + text_width * 0.60, HEADER_TOP);
      pango_cairo_show_layout (cr, self->header_right);
      hairline (cr, MARGIN_X, self->width - MARGIN_X, HEADER_RULE, 0.5, 0xbbbbbb);
    }

  hairline (cr, MARGIN_X, self->width - MARGIN_X, self->height - FOOTER_RULE, 0.5, 0xbbbbbb);

  cairo_move_to (cr, MARGIN_X, self->height - FOOTER_TOP);
  pango_cairo_show_layout (cr, self->footer_note);

  /* Translators: the footer of every page of the PDF summary. */
  page_text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, layout_n_pages (self));
  pango_layout_set_text (self->page_number, page_text, -1);
  cairo_move_to (cr, MARGIN_X + text_width * 0.78, self->height - FOOTER_TOP);
  pango_cairo_show_layout (cr, self->page_number);
}

static void
layout_draw_page (Layout  *self,
                  cairo_t *cr,
                  guint    page_nr)
{
  guint start, end;

  g_assert (page_nr < layout_n_pages (self));

  start = g_array_index (self->page_starts, guint, page_nr);
  end = page_nr + 1 < layout_n_pages (self) ? g_array_index (self->page_starts, guint, page_nr + 1)
                                            : self->fragments->len;

  cairo_save (cr);
  draw_header_and_footer (self, cr, page_nr);
  for (guint i = start; i < end; i++)
    draw_fragment (self, cr, &g_array_index (self->fragments, Fragment, i));
  cairo_restore (cr);
}

/* Writing the PDF */

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *write = closure;

  if (write->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (write->stream, data, length, NULL,
                                  write->cancellable, &write->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_content (Content       *content,
               ObjectorPaper  paper,
               GOutputStream *stream,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(Layout) layout = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autofree char *creator = g_strdup_printf ("Objector %s", PACKAGE_VERSION);
  WriteClosure closure = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  objector_paper_get_size (paper, &width, &height);
  layout = layout_new (content, width, height);
  paginate (layout);

  /* cairo writes a few bytes at a time. */
  buffered = g_buffered_output_stream_new_sized (stream, 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  closure.stream = buffered;
  closure.cancellable = cancellable;

  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, content->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, content->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, content->keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, content->created);
  if (content->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, content->author);

  /* The outline: the first page, then each objection. */
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, _("Summary and overview"),
                                 "page=1", 0);
  for (guint i = 0; i < content->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (content->blocks, i);
      g_autofree char *destination = NULL;

      if (block->section < 0)
        continue;
      destination = g_strdup_printf ("page=%d", layout->section_page[block->section] + 1);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, block->outline,
                                     destination, 0);
    }

  cr = cairo_create (surface);
  for (guint page = 0; page < layout_n_pages (layout); page++)
    {
      if (closure.error != NULL || g_cancellable_is_cancelled (cancellable))
        break;
      layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (closure.error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &closure.error);
  if (closure.error == NULL && status == CAIRO_STATUS_SUCCESS)
    g_output_stream_flush (buffered, cancellable, &closure.error);

  if (closure.error != NULL)
    {
      g_propagate_error (error, closure.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Turns an error from writing @display into one that says which file and what to do. */
static void
export_error (GError     **error,
              GError      *cause,
              const char  *display)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || cause->domain == OBJECTOR_ERROR)
    {
      g_propagate_error (error, cause);
      return;
    }

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                 _("Could not save “%s”: the disk is full. Free some space or choose another place"),
                 display);
  else
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                 _("Could not save “%s”: %s"), display, cause->message);
  g_error_free (cause);
}

static void
errno_error (GError     **error,
             int          saved_errno,
             const char  *display,
             const char  *folder)
{
  g_autofree char *folder_display = g_filename_display_name (folder);

  switch (saved_errno)
    {
    case ENOENT:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: the folder “%s” does not exist. Create it first, or choose another one"),
                   display, folder_display);
      break;
    case ENOTDIR:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: “%s” is a file, not a folder. Choose a file name inside a folder"),
                   display, folder_display);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: the folder “%s” cannot be written to (%s). Choose another folder"),
                   display, folder_display, g_strerror (saved_errno));
      break;
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: the disk is full. Free some space or choose another place"),
                   display);
      break;
    default:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
      break;
    }
}

typedef struct
{
  Content       *content;
  ObjectorPaper  paper;
  GCancellable  *cancellable;
} Writing;

static gboolean
write_pdf_cb (int        fd,
              gpointer   user_data,
              GError   **error)
{
  Writing *writing = user_data;
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (fd, FALSE);

  return write_content (writing->content, writing->paper, stream, writing->cancellable, error)
         && g_output_stream_close (stream, writing->cancellable, error);
}

static gboolean
save_content (Content        *content,
              ObjectorPaper   paper,
              const char     *filename,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autofree char *display = g_filename_display_name (filename);
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  Writing writing = { content, paper, cancellable };
  GError *cause = NULL;
  GStatBuf st;

  if (*filename == '\0')
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("No file name was given for the PDF"));
      return FALSE;
    }

  /* Replace the file a symbolic link points to, not the link. */
  if (!(target = objector_files_resolve_target (filename, &cause)))
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO, cause->message);
      g_error_free (cause);
      return FALSE;
    }
  folder = g_path_get_dirname (target);

  if (g_stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                       _("Could not save “%s”: it is a folder. Give the name of the PDF file to write in it, such as “%s”"),
                       display, "objections.pdf");
          return FALSE;
        }

      /* A pipe or a device (/dev/stdout): there is no folder to put a
       * temporary file in, and nothing to keep whole. */
      if (!S_ISREG (st.st_mode))
        {
          int fd = g_open (target, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
          gboolean written;

          if (fd < 0)
            {
              errno_error (error, errno, display, folder);
              return FALSE;
            }
          written = write_pdf_cb (fd, &writing, &cause);
          close (fd);
          if (!written)
            {
              export_error (error, cause, display);
              return FALSE;
            }
          return TRUE;
        }
    }

  if (!objector_files_replace (target, 0600, write_pdf_cb, &writing, &cause))
    {
      if (cause->domain == G_FILE_ERROR)
        {
          int saved_errno = cause->code == G_FILE_ERROR_NOSPC ? ENOSPC
                            : cause->code == G_FILE_ERROR_NOENT ? ENOENT
                            : cause->code == G_FILE_ERROR_NOTDIR ? ENOTDIR
                            : cause->code == G_FILE_ERROR_ACCES ? EACCES
                            : cause->code == G_FILE_ERROR_PERM ? EPERM
                            : cause->code == G_FILE_ERROR_ROFS ? EROFS
                            : 0;

          if (saved_errno != 0)
            errno_error (error, saved_errno, display, folder);
          else  /* it names the file already */
            g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO, cause->message);
          g_error_free (cause);
          return FALSE;
        }
      export_error (error, cause, display);
      return FALSE;
    }

  return TRUE;
}

/* The object */

static void
objector_report_finalize (GObject *object)
{
  ObjectorReport *self = OBJECTOR_REPORT (object);

  g_clear_pointer (&self->layout, layout_free);
  if (self->authority_destroy != NULL)
    self->authority_destroy (self->authority_data);
  g_clear_object (&self->objections);
  g_clear_object (&self->playbook);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->generated, g_date_time_unref);

  G_OBJECT_CLASS (objector_report_parent_class)->finalize (object);
}

static void
objector_report_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ObjectorReport *self = OBJECTOR_REPORT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REDACT:
      g_value_set_boolean (value, self->redact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_report_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ObjectorReport *self = OBJECTOR_REPORT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      objector_report_set_name (self, g_value_get_string (value));
      break;
    case PROP_REDACT:
      objector_report_set_redact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_report_class_init (ObjectorReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = objector_report_finalize;
  object_class->get_property = objector_report_get_property;
  object_class->set_property = objector_report_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDACT] =
    g_param_spec_boolean ("redact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_report_init (ObjectorReport *self)
{
  self->paper = objector_paper_get_default ();
}

ObjectorReport *
objector_report_new (GListModel       *objections,
                     ObjectorPlaybook *playbook)
{
  ObjectorReport *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (objections), NULL);
  g_return_val_if_fail (playbook == NULL || OBJECTOR_IS_PLAYBOOK (playbook), NULL);

  self = g_object_new (OBJECTOR_TYPE_REPORT, NULL);
  self->objections = g_object_ref (objections);
  self->playbook = playbook != NULL ? g_object_ref (playbook) : NULL;
  return self;
}

const char *
objector_report_get_name (ObjectorReport *self)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), NULL);
  return self->name;
}

void
objector_report_set_name (ObjectorReport *self,
                          const char     *name)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
objector_report_get_redact (ObjectorReport *self)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), FALSE);
  return self->redact;
}

void
objector_report_set_redact (ObjectorReport *self,
                            gboolean        redact)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));

  redact = !!redact;
  if (self->redact == redact)
    return;
  self->redact = redact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDACT]);
}

ObjectorPaper
objector_report_get_paper (ObjectorReport *self)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), OBJECTOR_PAPER_A4);
  return self->paper;
}

void
objector_report_set_paper (ObjectorReport *self,
                           ObjectorPaper   paper)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));
  g_return_if_fail (paper == OBJECTOR_PAPER_A4 || paper == OBJECTOR_PAPER_LETTER);
  self->paper = paper;
}

void
objector_report_set_generated (ObjectorReport *self,
                               GDateTime      *generated)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));

  if (generated != NULL)
    g_date_time_ref (generated);
  g_clear_pointer (&self->generated, g_date_time_unref);
  self->generated = generated;
}

void
objector_report_set_authority_func (ObjectorReport              *self,
                                    ObjectorReportAuthorityFunc  func,
                                    gpointer                     user_data,
                                    GDestroyNotify               destroy)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));

  if (self->authority_destroy != NULL)
    self->authority_destroy (self->authority_data);
  self->authority_func = func;
  self->authority_data = user_data;
  self->authority_destroy = destroy;
}

guint
objector_report_paginate (ObjectorReport *self,
                          double          width,
                          double          height)
{
  g_autoptr(Content) content = NULL;

  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  content = build_content (self);
  g_clear_pointer (&self->layout, layout_free);
  self->layout = layout_new (content, width, height);
  paginate (self->layout);
  return layout_n_pages (self->layout);
}

guint
objector_report_get_n_pages (ObjectorReport *self)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), 0);
  return self->layout != NULL ? layout_n_pages (self->layout) : 0;
}

void
objector_report_draw_page (ObjectorReport *self,
                           cairo_t        *cr,
                           guint           page_nr)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->layout != NULL);
  g_return_if_fail (page_nr < layout_n_pages (self->layout));

  layout_draw_page (self->layout, cr, page_nr);
}

gboolean
objector_report_write (ObjectorReport  *self,
                       GOutputStream   *stream,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(Content) content = NULL;

  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  content = build_content (self);
  return write_content (content, self->paper, stream, cancellable, error);
}

gboolean
objector_report_save (ObjectorReport  *self,
                      const char      *filename,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(Content) content = NULL;

  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  content = build_content (self);
  return save_content (content, self->paper, filename, cancellable, error);
}

typedef struct
{
  Content       *content;
  ObjectorPaper  paper;
  char          *filename;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->content, content_unref);
  g_free (data->filename);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (save_content (data->content, data->paper, data->filename, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
objector_report_save_async (ObjectorReport      *self,
                            const char          *filename,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (OBJECTOR_IS_REPORT (self));
  g_return_if_fail (filename != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_report_save_async);

  /* Read the objections here, on their thread; the worker sees plain text. */
  data = g_new0 (SaveData, 1);
  data->content = build_content (self);
  data->paper = self->paper;
  data->filename = g_strdup (filename);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
objector_report_save_finish (ObjectorReport  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == objector_report_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

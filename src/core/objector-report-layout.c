/* objector-report-layout.c — the report's text shaped with Pango and cut into pages
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-report-private.h"

const StyleInfo _objector_report_styles[N_STYLES] = {
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

const BlockInfo _objector_report_blocks[N_BLOCK_KINDS] = {
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

void
_objector_report_layout_free (Layout *self)
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
  g_clear_pointer (&self->content, _objector_report_content_unref);
  g_free (self);
}

PangoLayout *
_objector_report_make_layout (Layout     *self,
             Shaper     *shaper,
             Style       style,
             double      width,
             gboolean    markup,
             const char *text)
{
  const StyleInfo *info = &_objector_report_styles[style];
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
    return _objector_report_make_layout (self, shaper, style, width, markup, text);

  key = g_strdup_printf ("%d %d %d %s", style, (int) (width * 16), markup, text);
  layout = g_hash_table_lookup (shaper->cache, key);
  if (layout == NULL)
    {
      layout = _objector_report_make_layout (self, shaper, style, width, markup, text);
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
    g_autofree char *sample = _objector_report_format_time (sample_time);
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

Layout *
_objector_report_layout_new (Content *content,
            double   width,
            double   height)
{
  Layout *self = g_new0 (Layout, 1);
  double text_width = MAX (width - 2 * MARGIN_X, 72.0);

  self->content = _objector_report_content_ref (content);
  self->width = width;
  self->height = height;
  /* Its own font map: the default one belongs to the thread that made it. */
  self->shaper = shaper_new ();

  for (guint i = 0; i < N_STYLES; i++)
    {
      self->fonts[i] = pango_font_description_from_string (FONT_FAMILIES);
      pango_font_description_set_size (self->fonts[i], (int) (_objector_report_styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (self->fonts[i], _objector_report_styles[i].weight);
    }

  self->boxes = g_new0 (BlockBox, content->blocks->len);
  self->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->section_page = g_new0 (int, MAX (content->n_sections, 1));

  compute_columns (self);

  /* What every page repeats, made once. */
  self->header_left = _objector_report_make_layout (self, self->shaper, STYLE_HEADER, text_width * 0.58, FALSE,
                                   content->header_left);
  pango_layout_set_ellipsize (self->header_left, PANGO_ELLIPSIZE_END);
  self->header_right = _objector_report_make_layout (self, self->shaper, STYLE_HEADER, text_width * 0.40, FALSE,
                                    content->header_right);
  pango_layout_set_ellipsize (self->header_right, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (self->header_right, PANGO_ALIGN_RIGHT);
  self->footer_note = _objector_report_make_layout (self, self->shaper, STYLE_FOOTER, text_width * 0.76, FALSE,
                                   content->footer_note);
  self->page_number = _objector_report_make_layout (self, self->shaper, STYLE_FOOTER, text_width * 0.22, FALSE, "");
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
  ColumnSet set = _objector_report_blocks[block->kind].columns;
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

/* How much of the next block must fit below a heading kept with it: two
 * lines of it. A heading moves to the next page with the start of what
 * follows, never with all of it: "Emails from Meta" and an email's heading
 * start no new, mostly empty page when their email begins on this one. */
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
  info = &_objector_report_blocks[block->kind];
  if (block->kind == BLOCK_PAGE_BREAK)
    return 0;

  box = measure_block (self, self->shaper, index);

  /* Two lines of it, roughly, or all of it when it is short. */
  return info->space_before + info->pad_top + info->pad_bottom
         + MIN (box->height, 2.6 * _objector_report_styles[block->cells[0].style].size * 1.4)
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

void
_objector_report_layout_paginate (Layout *self)
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
      const BlockInfo *info = &_objector_report_blocks[block->kind];
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
      if (info->keep_with_next)
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

guint
_objector_report_layout_n_pages (Layout *self)
{
  return self->page_starts->len;
}

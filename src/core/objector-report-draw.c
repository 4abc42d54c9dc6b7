/* objector-report-draw.c — the pages drawn with cairo, for the PDF and for printing
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "objector-error.h"
#include "objector-report-private.h"

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
  const BlockInfo *info = &_objector_report_blocks[block->kind];
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

      set_color (cr, _objector_report_styles[cell->style].color);

      if (cell->page_of >= 0 && (guint) cell->page_of < self->content->n_sections)
        {
          int page = self->section_page[cell->page_of] + 1;
          g_autofree char *text = g_strdup_printf ("%d", page);

          number = _objector_report_make_layout (self, self->shaper, cell->style, self->column_w[set][c],
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

  set_color (cr, _objector_report_styles[STYLE_HEADER].color);

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
  page_text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, _objector_report_layout_n_pages (self));
  pango_layout_set_text (self->page_number, page_text, -1);
  cairo_move_to (cr, MARGIN_X + text_width * 0.78, self->height - FOOTER_TOP);
  pango_cairo_show_layout (cr, self->page_number);
}

void
_objector_report_layout_draw_page (Layout  *self,
                  cairo_t *cr,
                  guint    page_nr)
{
  guint start, end;

  g_assert (page_nr < _objector_report_layout_n_pages (self));

  start = g_array_index (self->page_starts, guint, page_nr);
  end = page_nr + 1 < _objector_report_layout_n_pages (self) ? g_array_index (self->page_starts, guint, page_nr + 1)
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

gboolean
_objector_report_write_pdf (Content       *content,
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
  layout = _objector_report_layout_new (content, width, height);
  _objector_report_layout_paginate (layout);

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
  for (guint page = 0; page < _objector_report_layout_n_pages (layout); page++)
    {
      if (closure.error != NULL || g_cancellable_is_cancelled (cancellable))
        break;
      _objector_report_layout_draw_page (layout, cr, page);
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

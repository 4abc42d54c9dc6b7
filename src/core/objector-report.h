/* objector-report.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "objector-authorities.h"
#include "objector-objection.h"
#include "objector-paper.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_REPORT (objector_report_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorReport, objector_report, OBJECTOR, REPORT, GObject)

/* The PDF summary of @objections (a GListModel of ObjectorObjection, such as
 * the store). @playbook (nullable) gives the paths' titles and form links and
 * its version. The objections are read again each time the report is laid
 * out or saved, so it always shows the latest records. */
ObjectorReport *objector_report_new                (GListModel       *objections,
                                                    ObjectorPlaybook *playbook);
/* The report as Objector gives it to the person, the same document whether
 * `objector export-pdf` or the window asks for it: objector_report_new()
 * with everything else the report says.
 * @authorities (nullable): for each objection, the data-protection authority
 * a resident of its country complains to, found as the complaint finds it
 * (objector_authorities_for_country()).
 * @region (nullable): the region the person lives in (the draft's, or
 * --region), which picks among a country's regional authorities (Germany's
 * Länder); without it such a country's objections name no authority.
 * @name (nullable): the person's name, as objector_report_set_name(). */
ObjectorReport *objector_report_new_for_person     (GListModel          *objections,
                                                    ObjectorPlaybook    *playbook,
                                                    ObjectorAuthorities *authorities,
                                                    const char          *region,
                                                    const char          *name);

/* The person's name for the first page and the PDF's author; nullable. */
const char     *objector_report_get_name           (ObjectorReport   *self);
void            objector_report_set_name           (ObjectorReport   *self,
                                                    const char       *name);
/* With redaction on, the person's email addresses are replaced by
 * "[redacted]" in every text before it is laid out: they are nowhere in the
 * file, not in the objections, the reasons, the notes or the emails. */
gboolean        objector_report_get_redact         (ObjectorReport   *self);
void            objector_report_set_redact         (ObjectorReport   *self,
                                                    gboolean          redact);
ObjectorPaper   objector_report_get_paper          (ObjectorReport   *self);
void            objector_report_set_paper          (ObjectorReport   *self,
                                                    ObjectorPaper     paper);
/* When the report was made (shown on it, and the base for "overdue");
 * NULL means now, at each layout. */
void            objector_report_set_generated      (ObjectorReport   *self,
                                                    GDateTime        *generated);

/* Printing (GtkPrintOperation): lay out on pages of @width × @height points
 * in ::begin-print, then draw each page in ::draw-page. The report keeps its
 * own 20 mm margins, so print with the full page (use-full-page) and the
 * unit GTK_UNIT_POINTS. Pages are numbered from 0. */
guint           objector_report_paginate           (ObjectorReport   *self,
                                                    double            width,
                                                    double            height);
guint           objector_report_get_n_pages        (ObjectorReport   *self);
/* Draws page @page_nr with its top-left corner at the origin of @cr, in
 * points. Links become clickable where @cr draws a PDF. */
void            objector_report_draw_page          (ObjectorReport   *self,
                                                    cairo_t          *cr,
                                                    guint             page_nr);

/* The whole PDF (its own layout on the report's paper, with metadata,
 * outline and links) written to @stream, which is left open. */
gboolean        objector_report_write              (ObjectorReport   *self,
                                                    GOutputStream    *stream,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
/* Saves the PDF to @filename (mode 0600: it holds personal data), through a
 * temporary file in the same folder that replaces @filename only once all
 * of it is written; on failure nothing is left behind. An existing file that
 * is not a regular one (a pipe, /dev/stdout) is written to directly.
 * Errors are OBJECTOR_ERROR_EXPORT_IO (or G_IO_ERROR_CANCELLED) with a
 * message that names the file. */
gboolean        objector_report_save               (ObjectorReport   *self,
                                                    const char       *filename,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
/* The same in a worker thread. The objections are read before this returns;
 * the report may be changed or dropped meanwhile. */
void            objector_report_save_async         (ObjectorReport      *self,
                                                    const char          *filename,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean        objector_report_save_finish        (ObjectorReport      *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS

/* objector-test-pdf.h — a PDF's text, as a person's tools read it
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether pdftotext (poppler-utils) is installed; when it is not, the test
 * is marked skipped and FALSE returned. */
gboolean    test_util_have_pdftotext  (void);

/* The words of the PDF @file as pdftotext gives them: any run of white space
 * is one space, and without the invisible direction marks pdftotext puts
 * around Arabic and Hebrew. In reading order; with @raw, in the order it was
 * drawn, which keeps each table cell's lines together however the columns
 * wrap. Fails the test when pdftotext does. */
char       *test_util_pdf_text        (const char   *file,
                                       gboolean      raw);

G_END_DECLS

/* objector-paper.h — the paper a report is printed on, by locale
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OBJECTOR_PAPER_A4,      /* 210 × 297 mm */
  OBJECTOR_PAPER_LETTER,  /* 8.5 × 11 in */
} ObjectorPaper;

/* The paper a locale name ("en_US.UTF-8", "fr_CA", "de_DE@euro") prints on:
 * Letter for US, CA, MX, PH, CL, CO and VE, A4 for everything else (and NULL). */
ObjectorPaper   objector_paper_for_locale          (const char       *locale);
/* The paper of the current LC_PAPER locale (glibc's own answer when that
 * locale is loaded), else of the LC_ALL, LC_PAPER or LANG variable. */
ObjectorPaper   objector_paper_get_default         (void);
/* In points (1/72 inch). */
void            objector_paper_get_size            (ObjectorPaper     paper,
                                                    double           *width,
                                                    double           *height);

G_END_DECLS

/* objector-paper.c — the paper a report is printed on, by locale
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <string.h>

#include "objector-paper.h"

#define MM (72.0 / 25.4)

static const char * const letter_territories[] = { "US", "CA", "MX", "PH", "CL", "CO", "VE", NULL };

ObjectorPaper
objector_paper_for_locale (const char *locale)
{
  const char *underscore;
  char territory[3];

  if (locale == NULL)
    return OBJECTOR_PAPER_A4;

  /* language[_TERRITORY][.codeset][@modifier] */
  underscore = strchr (locale, '_');
  if (underscore == NULL
      || !g_ascii_isalpha (underscore[1]) || !g_ascii_isalpha (underscore[2])
      || (underscore[3] != '\0' && underscore[3] != '.' && underscore[3] != '@'))
    return OBJECTOR_PAPER_A4;

  territory[0] = g_ascii_toupper (underscore[1]);
  territory[1] = g_ascii_toupper (underscore[2]);
  territory[2] = '\0';

  return g_strv_contains (letter_territories, territory) ? OBJECTOR_PAPER_LETTER
                                                         : OBJECTOR_PAPER_A4;
}

#if defined(__GLIBC__) && defined(_NL_PAPER_WIDTH)
static gboolean
is_c_locale (const char *name)
{
  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX")
         || g_str_has_prefix (name, "C.");
}
#endif

ObjectorPaper
objector_paper_get_default (void)
{
  static const char * const variables[] = { "LC_ALL", "LC_PAPER", "LANG" };

#if defined(__GLIBC__) && defined(_NL_PAPER_WIDTH)
  /* A loaded locale knows its paper, even a territory not in our list. */
  if (!is_c_locale (setlocale (LC_PAPER, NULL)))
    {
      int width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);
      int height = (int) (intptr_t) nl_langinfo (_NL_PAPER_HEIGHT);

      if (width == 216 && height == 279)
        return OBJECTOR_PAPER_LETTER;
      if (width > 0 && height > 0)
        return OBJECTOR_PAPER_A4;
    }
#endif

  /* Not loaded (not installed, or setlocale() never called): the variables
   * still say where the person lives, in POSIX's order of precedence. */
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && *value != '\0')
        return objector_paper_for_locale (value);
    }

  return OBJECTOR_PAPER_A4;
}

void
objector_paper_get_size (ObjectorPaper  paper,
                         double        *width,
                         double        *height)
{
  double w, h;

  if (paper == OBJECTOR_PAPER_LETTER)
    {
      w = 8.5 * 72;
      h = 11 * 72;
    }
  else
    {
      w = 210 * MM;
      h = 297 * MM;
    }

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

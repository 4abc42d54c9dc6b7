/* objector-test-pdf.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-test-pdf.h"

gboolean
test_util_have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext is not installed (poppler-utils)");
  return path != NULL;
}

char *
test_util_pdf_text (const char *file,
                    gboolean    raw)
{
  const char *plain[] = { "pdftotext", "-enc", "UTF-8", file, "-", NULL };
  const char *drawn[] = { "pdftotext", "-raw", "-enc", "UTF-8", file, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) squeezed = g_string_new (NULL);
  int wait_status;

  g_spawn_sync (NULL, (char **) (raw ? drawn : plain), NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &text, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, &error))
    g_test_message ("pdftotext %s: %s", file, err);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  /* U+200E, U+200F, U+202A…U+202E, U+2066…U+2069 */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        continue;
      if (g_unichar_isspace (c))
        {
          if (squeezed->len > 0 && squeezed->str[squeezed->len - 1] != ' ')
            g_string_append_c (squeezed, ' ');
        }
      else
        g_string_append_unichar (squeezed, c);
    }
  return g_string_free (g_steal_pointer (&squeezed), FALSE);
}

/* objector-playbook-trust.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-meta-domains.h"
#include "objector-playbook-trust.h"

static gint trust_loopback;

gunichar
objector_playbook_find_forbidden_char (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A newline in a form_url, a tab in a title, an escape sequence for a
       * terminal, or text that reads backwards from where it is drawn. */
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)
          || c == 0x2028 || c == 0x2029
          || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return c;
    }
  return 0;
}

gboolean
objector_playbook_host_is_trusted (const char *host)
{
  if (host == NULL)
    return FALSE;

  if (g_atomic_int_get (&trust_loopback)
      && (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") || g_str_equal (host, "[::1]")))
    return TRUE;

  return objector_meta_domain_is_meta (host);
}

char *
objector_playbook_describe_own (const char *filename)
{
  g_autofree char *display_name = g_filename_display_name (filename);

  return g_strdup_printf (_("The playbook “%s” is your own, not Objector’s: Objector’s maintainers have "
                            "not checked its forms and wording. Its forms still open only on Meta’s sites."),
                          display_name);
}

void
objector_playbook_trust_loopback_for_testing (gboolean trust)
{
  /* Only a test program calls g_test_init(): the app cannot open this door. */
  g_return_if_fail (g_test_initialized ());

  g_atomic_int_set (&trust_loopback, trust ? 1 : 0);
}

gboolean
objector_playbook_trusts_loopback_for_testing (void)
{
  return g_atomic_int_get (&trust_loopback) && g_test_initialized ();
}

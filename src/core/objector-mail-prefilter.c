/* objector-mail-prefilter.c — a scan's quick look at a raw header block
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mailbox holds thousands of messages and a handful from Meta: only those
 * whose From, Sender, Reply-To or Return-Path could be Meta's, or pretend to
 * be, are parsed at all.
 */

#include "config.h"

#include <string.h>

#include "objector-lookalike.h"
#include "objector-mail-private.h"

static gboolean
header_is (const char *line,
           const char *end,
           const char *name)
{
  gsize n = strlen (name);

  return (gsize) (end - line) > n && g_ascii_strncasecmp (line, name, n) == 0 && line[n] == ':';
}

/* Header values beyond this are not looked at by the pre-filter. */
#define MAX_FILTER_VALUE 4096

gboolean
objector_mail_headers_may_be_meta (const char * const *stems,
                                   const char         *headers,
                                   gsize               length)
{
  static const char * const names[] = { "from", "sender", "reply-to", "return-path" };
  const char *end = headers + length;
  const char *p = headers;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      const char *next = nl != NULL ? nl + 1 : end;
      gboolean wanted = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (names) && !wanted; i++)
        wanted = header_is (p, line_end, names[i]);

      if (wanted)
        {
          const char *colon = memchr (p, ':', line_end - p);
          GString *value = g_string_new (NULL);
          gboolean found;

          g_string_append_len (value, colon + 1, line_end - colon - 1);
          /* Folded continuation lines. */
          while (next < end && (*next == ' ' || *next == '\t') && value->len < MAX_FILTER_VALUE)
            {
              const char *cont_nl = memchr (next, '\n', end - next);
              const char *cont_end = cont_nl != NULL ? cont_nl : end;

              g_string_append_len (value, next, cont_end - next);
              next = cont_nl != NULL ? cont_nl + 1 : end;
            }
          if (value->len > MAX_FILTER_VALUE)
            g_string_truncate (value, MAX_FILTER_VALUE);

          /* Punycode hides look-alike letters; encoded words hide names. */
          found = g_strstr_len (value->str, value->len, "xn--") != NULL
                  || g_strstr_len (value->str, value->len, "XN--") != NULL;
          if (!found && g_strstr_len (value->str, value->len, "=?") != NULL)
            {
              g_autofree char *decoded = NULL;

              objector_mail_init_gmime ();
              decoded = g_mime_utils_header_decode_text (NULL, value->str);
              found = objector_lookalike_names_meta (stems, decoded, TRUE);
            }
          if (!found)
            {
              g_autofree char *valid = g_utf8_make_valid (value->str, value->len);

              found = objector_lookalike_names_meta (stems, valid, TRUE);
            }
          g_string_free (value, TRUE);
          if (found)
            return TRUE;
        }
      p = next;
    }
  return FALSE;
}

/* objector-lookalike.c — domains and names that imitate Meta's
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-lookalike.h"
#include "objector-meta-domains.h"

/* Look-alikes */

typedef struct
{
  gunichar from;
  char     to;
} Confusable;

/* Letters of other scripts that look like Latin ones in an address bar. */
static const Confusable confusables[] = {
  { 0x0430, 'a' }, { 0x0435, 'e' }, { 0x043e, 'o' }, { 0x0440, 'p' }, { 0x0441, 'c' },
  { 0x0445, 'x' }, { 0x0443, 'y' }, { 0x0456, 'i' }, { 0x0458, 'j' }, { 0x0455, 's' },
  { 0x043a, 'k' }, { 0x043c, 'm' }, { 0x0442, 't' }, { 0x043d, 'h' }, { 0x0432, 'b' },
  { 0x0501, 'd' }, { 0x051b, 'q' }, { 0x051d, 'w' }, { 0x04bb, 'h' }, { 0x0261, 'g' },
  { 0x03bf, 'o' }, { 0x03b1, 'a' }, { 0x03b5, 'e' }, { 0x03b9, 'i' }, { 0x03ba, 'k' },
  { 0x03bd, 'v' }, { 0x03c1, 'p' }, { 0x03c4, 't' }, { 0x03c5, 'u' }, { 0x03c7, 'x' },
  { 0x0131, 'i' }, { 0x0269, 'i' }, { 0x1d0f, 'o' }, { 0x0578, 'n' }, { 0x057d, 'u' },
};

char *
objector_lookalike_skeleton (const char *text,
                             gssize      length)
{
  g_autofree char *normal = NULL;
  GString *out;
  char *s;
  gsize j = 0;

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);

  /* Plain ASCII needs no normalising: most headers, and fast. */
  {
    gboolean ascii = TRUE;

    for (gssize i = 0; i < length && ascii; i++)
      ascii = (guchar) text[i] < 0x80;
    if (ascii)
      normal = g_strndup (text, length);
  }

  /* NFKD: full-width and styled letters become plain ones, accents separate. */
  if (normal == NULL)
    normal = g_utf8_normalize (text, length, G_NORMALIZE_NFKD);
  if (normal == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (text, length);

      normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKD);
    }

  out = g_string_new (NULL);
  for (const char *p = normal; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) g_ascii_tolower (*p) : g_unichar_tolower (g_utf8_get_char (p));
      char mapped = 0;

      for (guint i = 0; c >= 0x80 && i < G_N_ELEMENTS (confusables) && mapped == 0; i++)
        if (confusables[i].from == c)
          mapped = confusables[i].to;
      if (mapped == 0 && c < 128)
        {
          switch (c)
            {
            case '0': mapped = 'o'; break;
            case '1': case '|': case '!': mapped = 'l'; break;
            case '3': mapped = 'e'; break;
            case '4': mapped = 'a'; break;
            case '5': case '$': mapped = 's'; break;
            default:
              mapped = g_ascii_isalnum (c) ? (char) c : 0;
              break;
            }
        }
      if (mapped == 'i')
        mapped = 'l';
      if (mapped != 0)
        g_string_append_c (out, mapped);
    }

  /* "rn" reads as "m", "vv" as "w". */
  s = out->str;
  for (gsize i = 0; i < out->len; i++)
    {
      if (s[i] == 'r' && s[i + 1] == 'n')
        {
          s[j++] = 'm';
          i++;
        }
      else if (s[i] == 'v' && s[i + 1] == 'v')
        {
          s[j++] = 'w';
          i++;
        }
      else
        s[j++] = s[i];
    }
  g_string_truncate (out, j);
  return g_string_free (out, FALSE);
}

char **
objector_lookalike_dup_stems (ObjectorPlaybook *playbook)
{
  const char * const *domains = objector_playbook_get_mail_domains (playbook);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *stems = g_ptr_array_new ();

  for (guint i = 0; domains != NULL && domains[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (domains[i], ".", -1);
      guint n = g_strv_length (parts);

      /* The name before the top-level domain: "instagram" of mail.instagram.com. */
      if (n >= 2)
        g_ptr_array_add (labels, objector_lookalike_skeleton (parts[n - 2], -1));
      else if (n == 1)
        g_ptr_array_add (labels, objector_lookalike_skeleton (parts[0], -1));
    }

  /* "facebook" covers "facebookmail": keep the shortest stems only. */
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      gboolean covered = *label == '\0';

      for (guint j = 0; j < labels->len && !covered; j++)
        {
          const char *other = g_ptr_array_index (labels, j);

          if (i != j && *other != '\0' && strstr (label, other) != NULL
              && (strlen (other) < strlen (label) || j < i))
            covered = TRUE;
        }
      if (!covered)
        g_ptr_array_add (stems, g_strdup (label));
    }

  g_ptr_array_add (stems, NULL);
  return (char **) g_ptr_array_free (stems, FALSE);
}

/* Short stems ("meta") hide inside ordinary words ("metallica",
 * "metadata"), so they count only as a whole token or at a hyphen. */
#define LONG_STEM 6

static gboolean
token_names_meta (const char * const *stems,
                  const char         *token,
                  gsize               length,
                  gboolean            lenient)
{
  g_autofree char *skeleton = NULL;

  if (length == 0)
    return FALSE;
  skeleton = objector_lookalike_skeleton (token, length);

  for (guint i = 0; stems[i] != NULL; i++)
    {
      const char *stem = stems[i];
      gsize n = strlen (stem);

      if (strstr (skeleton, stem) == NULL)
        continue;
      if (lenient || n >= LONG_STEM || g_str_equal (skeleton, stem))
        return TRUE;

      /* "meta-security", "help-meta", "metamail" (Meta's own label). */
      {
        g_autofree char *lower = g_utf8_strdown (token, length);
        g_auto(GStrv) parts = g_strsplit_set (lower, "-_", -1);

        for (guint j = 0; parts[j] != NULL; j++)
          {
            g_autofree char *part = objector_lookalike_skeleton (parts[j], -1);

            if (g_str_equal (part, stem) || (g_str_has_prefix (part, stem) && g_str_equal (part + n, "mall")))
              return TRUE;
          }
      }
    }
  return FALSE;
}

gboolean
objector_lookalike_names_meta (const char * const *stems,
                               const char         *text,
                               gboolean            lenient)
{
  const char *p = text;

  if (text == NULL || stems == NULL)
    return FALSE;

  /* Leniently, the whole text at once: a name that spans two tokens costs
   * only a closer look, and one skeleton is cheaper than many. */
  if (lenient)
    {
      g_autofree char *skeleton = objector_lookalike_skeleton (text, -1);

      for (guint i = 0; stems[i] != NULL; i++)
        if (strstr (skeleton, stems[i]) != NULL)
          return TRUE;
      return FALSE;
    }

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && strchr (" \t\r\n.@<>\"',;:()[]/", *p) != NULL)
        p++;
      start = p;
      while (*p != '\0' && strchr (" \t\r\n.@<>\"',;:()[]/", *p) == NULL)
        p++;
      if (p > start && token_names_meta (stems, start, p - start, lenient))
        return TRUE;
    }
  return FALSE;
}

/* Domains */

static gboolean
domain_in (const char         *domain,
           const char * const *bases)
{
  if (domain == NULL || *domain == '\0')
    return FALSE;
  for (guint i = 0; bases != NULL && bases[i] != NULL; i++)
    if (objector_domain_is_within (domain, bases[i]))
      return TRUE;
  return FALSE;
}

gboolean
objector_mail_domain_is_meta (ObjectorPlaybook *playbook,
                              const char       *domain)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), FALSE);

  if (domain == NULL)
    return FALSE;

  /* The playbook may narrow Meta's domains, never widen them. */
  return objector_meta_domain_is_meta (domain) &&
         domain_in (domain, objector_playbook_get_mail_domains (playbook));
}

char *
objector_lookalike_dup_unicode (const char *domain)
{
  g_autofree char *unicode = NULL;

  if (domain == NULL || strstr (domain, "xn--") == NULL)
    return NULL;
  unicode = g_hostname_to_unicode (domain);
  if (unicode == NULL || g_str_equal (unicode, domain))
    return NULL;
  return g_steal_pointer (&unicode);
}

const char *
objector_lookalike_imitated_domain (ObjectorPlaybook   *playbook,
                                    const char * const *stems,
                                    const char         *domain)
{
  const char * const *domains = objector_playbook_get_mail_domains (playbook);
  g_autofree char *unicode = NULL;
  g_autofree char *skeleton = NULL;
  g_auto(GStrv) labels = NULL;
  const char *shown;
  guint n;

  if (domain == NULL || objector_mail_domain_is_meta (playbook, domain))
    return NULL;

  unicode = objector_lookalike_dup_unicode (domain);
  shown = unicode != NULL ? unicode : domain;
  labels = g_strsplit (shown, ".", -1);
  n = g_strv_length (labels);

  /* Every label but the top-level one: "facebookmail.com.evil.net" imitates
   * through its first label, "faceb00k-mail.co" through its second-level one. */
  for (guint i = 0; i + 1 < n || (n == 1 && i == 0); i++)
    {
      if (!objector_lookalike_names_meta (stems, labels[i], FALSE))
        continue;

      /* The Meta domain whose name this label echoes, for the message: an
       * exact echo first, then the shortest domain whose name it holds. */
      skeleton = objector_lookalike_skeleton (labels[i], -1);
      for (guint pass = 0; pass < 2; pass++)
        {
          const char *best = NULL;
          guint best_labels = G_MAXUINT;

          for (guint d = 0; domains != NULL && domains[d] != NULL; d++)
            {
              g_auto(GStrv) parts = g_strsplit (domains[d], ".", -1);
              guint m = g_strv_length (parts);
              g_autofree char *name = objector_lookalike_skeleton (m >= 2 ? parts[m - 2] : parts[0], -1);
              gboolean echoes = pass == 0 ? g_str_equal (name, skeleton) : strstr (skeleton, name) != NULL;

              if (echoes && m < best_labels)
                {
                  best = domains[d];
                  best_labels = m;
                }
            }
          if (best != NULL)
            return best;
        }
      return domains != NULL && domains[0] != NULL ? domains[0] : "";
    }
  return NULL;
}

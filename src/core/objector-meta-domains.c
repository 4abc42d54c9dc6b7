/* objector-meta-domains.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-meta-domains.h"

/* Meta Platforms' own registrable domains for Facebook, Instagram, WhatsApp,
 * Threads, Messenger and Meta itself, and the domains its mail is sent from.
 * A change here is a change of code, reviewed like one. */
static const char * const suffixes[] = {
  "facebook.com",
  "facebookmail.com",
  "fb.com",
  "fb.me",
  "fbcdn.net",
  "instagram.com",
  "cdninstagram.com",
  "meta.com",
  "metamail.com",
  "messenger.com",
  "threads.net",
  "threads.com",
  "whatsapp.com",
  "whatsapp.net",
  NULL
};

const char * const *
objector_meta_domain_suffixes (void)
{
  return suffixes;
}

gboolean
objector_domain_is_within (const char *domain,
                           const char *base)
{
  gsize n;
  gsize m;

  g_return_val_if_fail (base != NULL, FALSE);

  if (domain == NULL)
    return FALSE;

  n = strlen (domain);
  m = strlen (base);
  if (n == m)
    return g_ascii_strcasecmp (domain, base) == 0;
  /* A subdomain: "x.facebookmail.com", never "evilfacebookmail.com". */
  return n > m && domain[n - m - 1] == '.' && g_ascii_strcasecmp (domain + n - m, base) == 0;
}

gboolean
objector_meta_domain_is_meta (const char *domain)
{
  if (domain == NULL || *domain == '\0')
    return FALSE;

  /* Meta never writes its domains in punycode or with letters outside
   * ASCII; a name that does imitates one. Nor with an empty label. */
  for (const char *p = domain; *p != '\0'; p++)
    if ((guchar) *p >= 0x80 || !(g_ascii_isalnum (*p) || *p == '-' || *p == '.'))
      return FALSE;
  if (strstr (domain, "xn--") != NULL || strstr (domain, "..") != NULL || *domain == '.')
    return FALSE;

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (objector_domain_is_within (domain, suffixes[i]))
      return TRUE;
  return FALSE;
}

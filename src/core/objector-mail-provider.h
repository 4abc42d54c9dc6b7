/* objector-mail-provider.h — the IMAP servers of well-known mail providers
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-imap-account.h"

G_BEGIN_DECLS

/* What Objector knows of a provider, from a table in
 * objector-mail-provider.c (each entry names the provider's own help page
 * it was checked against). Static data: never freed. */
typedef struct
{
  const char           *id;        /* "gmail", "gmx", "t-online"… */
  const char           *name;      /* "Gmail", "GMX", "Telekom (T-Online)" */
  const char           *host;      /* "imap.gmail.com" */
  guint                 port;      /* 993 */
  ObjectorImapSecurity  security;
  /* The provider wants a password made for the app ("app password") rather
   * than the one the person signs in with on the web. */
  gboolean              app_password;
  /* The user name is the address's part before "@", not the whole address. */
  gboolean              local_part_user;
  /* One sentence for the person, before they type a password (translated);
   * NULL when there is nothing to say. */
  const char           *hint;
} ObjectorMailProvider;

/* The provider of the address @address ("zoe@gmx.de"), by its domain (any
 * case), or NULL when Objector does not know it: the person then gives the
 * server. */
const ObjectorMailProvider *objector_mail_provider_suggest    (const char *address);
/* The provider whose IMAP server is @host, or NULL. */
const ObjectorMailProvider *objector_mail_provider_for_host   (const char *host);
/* The user name to log in to @provider as, for @address (a new string). */
char                       *objector_mail_provider_dup_user   (const ObjectorMailProvider *provider,
                                                               const char                 *address);
/* The translated hint, or NULL. */
const char                 *objector_mail_provider_get_hint   (const ObjectorMailProvider *provider);
/* Every provider, in the table's order, ending with NULL (for tests). */
const ObjectorMailProvider * const *objector_mail_provider_all (void);

G_END_DECLS

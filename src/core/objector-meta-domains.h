/* objector-meta-domains.h — Meta's own domains, fixed in the code
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The playbook names the hosts forms open on and the domains Meta's mail
 * comes from. A playbook can be downloaded, so what it says is only believed
 * where this list agrees: an update can narrow those hosts and domains, never
 * widen them past Meta's own.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The registrable domains Meta uses for its sites and mail, NULL-terminated. */
const char * const *objector_meta_domain_suffixes (void);

/* Whether @domain (a host name or a mail domain, any case) is one of the
 * suffixes or a subdomain of one: "mail.instagram.com" yes,
 * "evilfacebook.com", "facebook.com.evil.example" and any punycode or
 * non-ASCII name no. */
gboolean            objector_meta_domain_is_meta  (const char *domain);

/* Whether @domain is @base or a subdomain of it (ASCII case-insensitive). */
gboolean            objector_domain_is_within     (const char *domain,
                                                   const char *base);

G_END_DECLS

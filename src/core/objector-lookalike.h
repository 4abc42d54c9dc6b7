/* objector-lookalike.h — domains and names that imitate Meta's
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sender who pretends to be Meta writes "faceb00k", "іnstagram" with a
 * Cyrillic "і", "meta-security" or "facebookmail.com.evil.net". Texts are
 * compared as skeletons, in which look-alike letters fold together, against
 * the stems of Meta's mail domains ("facebook", "instagram", "meta"). Knows
 * nothing of emails: the mail files ask it about names and domains.
 */

#pragma once

#include "objector-playbook.h"

G_BEGIN_DECLS

/* Whether @domain is one of Meta's mail domains (exactly, or a subdomain of
 * one): one the playbook names and Meta owns (objector-meta-domains.h). */
gboolean      objector_mail_domain_is_meta       (ObjectorPlaybook   *playbook,
                                                  const char         *domain);

/* Folds a text so that look-alikes compare equal: lower case, Cyrillic and
 * Greek letters that look Latin made Latin, 0→o, 1/i→l, 3→e, 4→a, 5→s,
 * rn→m, vv→w; anything but letters and digits dropped. */
char         *objector_lookalike_skeleton        (const char         *text,
                                                  gssize              length);
/* The names Meta's domains are built on ("facebook", "instagram", "meta"),
 * as skeletons, from the playbook's mail domains. */
char        **objector_lookalike_dup_stems       (ObjectorPlaybook   *playbook);

/* The stems in @text as a sender name or address would show them: a token
 * (split at spaces, dots, "@" and brackets) whose skeleton contains a long
 * stem, or is a short one ("meta") or starts or ends with it next to a "-".
 * @lenient: any stem anywhere in the whole text. */
gboolean      objector_lookalike_names_meta      (const char * const *stems,
                                                  const char         *text,
                                                  gboolean            lenient);

/* Which of Meta's mail domains @domain imitates, or NULL: never one of
 * Meta's own. */
const char   *objector_lookalike_imitated_domain (ObjectorPlaybook   *playbook,
                                                  const char * const *stems,
                                                  const char         *domain);

/* The Unicode form of a punycode domain, for showing; NULL when it has none. */
char         *objector_lookalike_dup_unicode     (const char         *domain);

G_END_DECLS

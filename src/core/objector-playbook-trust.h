/* objector-playbook-trust.h — what a playbook may say, whoever wrote it
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A playbook is data: bundled, downloaded, or the person's own
 * (--playbook FILE). Whatever its origin, the hosts its forms open on and
 * the domains Meta's mail is trusted from must be Meta's own
 * (objector-meta-domains.h), so that a playbook can narrow them but never
 * widen them; and no text in it may hold control characters.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first character no playbook text may hold (C0 and C1 controls, DEL,
 * the line and paragraph separators, bidirectional overrides), or 0. */
gunichar objector_playbook_find_forbidden_char   (const char *text);

/* Whether a form, overview or mail host named by a playbook is Meta's. */
gboolean objector_playbook_host_is_trusted       (const char *host);

/* "the playbook “FILE” is your own…": said on stderr when --playbook is used. */
char    *objector_playbook_describe_own          (const char *filename);

/* For tests only: also trust 127.0.0.1 and ::1, so that playbooks can point
 * at a SoupServer on the loopback interface. Refuses (a critical warning)
 * unless g_test_init() ran: the app cannot turn it on.
 * objector_url_set_loopback_for_testing() turns it on and off. */
void     objector_playbook_trust_loopback_for_testing (gboolean trust);
gboolean objector_playbook_trusts_loopback_for_testing (void);

G_END_DECLS

/* objector-mail-lookup.h — "Look in my mail account": log in, then scan, with progress
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "objector-mail-account.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_MAIL_LOOKUP (objector_mail_lookup_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMailLookup, objector_mail_lookup, OBJECTOR, MAIL_LOOKUP, GObject)

/* Looks for Meta's answers in one of the person's mail accounts, when they
 * ask (nothing connects before objector_mail_lookup_start()): logs in
 * (GNOME Online Accounts, the keyring, or a password the person types in
 * a small dialog, with "Remember it in the keyring"), then runs the IMAP
 * scanner (read-only: docs/imap.md) from the day before the first
 * objection in @objections. A saved account whose password the server
 * refuses asks again; a password typed and kept goes to the keyring only
 * after the server took it.
 *
 * Properties (read-only, notified on the main context):
 *   :busy        a lookup is running (or waits for the password)
 *   :fraction    0.0–1.0, for a progress bar
 *   :phase-text  what it is doing, for the person ("Searching your mailbox…")
 *   :account     the account of the last lookup (ObjectorMailAccount)
 * Signals:
 *   ::found (GPtrArray *mails)  the checked ObjectorMail found, Meta's other
 *                               mail included (possibly none)
 *   ::failed (GError *error)    why not, in words a person can act on;
 *                               G_IO_ERROR_CANCELLED when cancelled
 *   ::note (const char *text)   a quiet remark that is no failure ("No
 *                               keyring is available…") */
ObjectorMailLookup  *objector_mail_lookup_new            (ObjectorPlaybook    *playbook,
                                                          GListModel          *objections);
/* The window the password dialog belongs to. */
void                 objector_mail_lookup_set_parent     (ObjectorMailLookup  *self,
                                                          GtkWindow           *parent);
/* A certificate authority of one's own for the server's certificate
 * (NULL: the system's); the certificate is verified either way. */
void                 objector_mail_lookup_set_ca_file    (ObjectorMailLookup  *self,
                                                          const char          *ca_file);

/* FALSE: never ask the person (the daily look): a password that is not
 * available, or refused, ends the lookup with an error instead. */
void                 objector_mail_lookup_set_interactive (ObjectorMailLookup *self,
                                                           gboolean            interactive);
/* Tests: a certificate authority every lookup made after this trusts (the
 * test's own Dovecot), as objector_mail_lookup_set_ca_file() does. */
void                 objector_mail_lookup_set_ca_file_for_testing (const char *ca_file);

gboolean             objector_mail_lookup_get_busy       (ObjectorMailLookup  *self);
double               objector_mail_lookup_get_fraction   (ObjectorMailLookup  *self);
const char          *objector_mail_lookup_get_phase_text (ObjectorMailLookup  *self);
ObjectorMailAccount *objector_mail_lookup_get_account    (ObjectorMailLookup  *self);
/* The password dialog while it is open, else NULL. */
GtkWidget           *objector_mail_lookup_get_password_dialog (ObjectorMailLookup *self);

/* Starts looking in @account (a running lookup is cancelled first). */
void                 objector_mail_lookup_start          (ObjectorMailLookup  *self,
                                                          ObjectorMailAccount *account);
/* The same for an account added by hand with the password the person just
 * typed (kept in the keyring after a successful login when @remember). */
void                 objector_mail_lookup_start_with_password (ObjectorMailLookup  *self,
                                                               ObjectorMailAccount *account,
                                                               const char          *password,
                                                               gboolean             remember);
void                 objector_mail_lookup_cancel         (ObjectorMailLookup  *self);

G_END_DECLS

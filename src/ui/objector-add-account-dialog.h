/* objector-add-account-dialog.h — adding a mail account by hand
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-mail-accounts.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_ADD_ACCOUNT_DIALOG (objector_add_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorAddAccountDialog, objector_add_account_dialog, OBJECTOR, ADD_ACCOUNT_DIALOG, AdwWindow)

/* The address first; the server, port, encryption and user name filled in
 * from objector_mail_provider_suggest() (with the provider's hint: an app
 * password needed…) and editable under "Server Settings"; then, if the
 * person wishes, the password and "Remember it in the keyring". "Add"
 * (Enter) saves the account in @accounts (never the password) and emits
 * ::added (ObjectorMailAccount *account, const char *password or NULL,
 * gboolean remember), then closes: the caller looks in it, and keeps the
 * password only once the server took it. Escape closes. Nothing here
 * connects anywhere. */
GtkWidget  *objector_add_account_dialog_new         (GtkWindow            *parent,
                                                     ObjectorMailAccounts *accounts);

/* What the fields hold (for tests). */
const char *objector_add_account_dialog_get_server  (ObjectorAddAccountDialog *self);
guint       objector_add_account_dialog_get_port    (ObjectorAddAccountDialog *self);
const char *objector_add_account_dialog_get_user    (ObjectorAddAccountDialog *self);
ObjectorImapSecurity objector_add_account_dialog_get_security (ObjectorAddAccountDialog *self);
/* The provider's hint as shown, or NULL when none is shown. */
const char *objector_add_account_dialog_get_hint    (ObjectorAddAccountDialog *self);

G_END_DECLS

/* objector-mail-account-row.h — one of the person's mail accounts, with "Look"
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-mail-account.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_MAIL_ACCOUNT_ROW (objector_mail_account_row_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMailAccountRow, objector_mail_account_row, OBJECTOR, MAIL_ACCOUNT_ROW, AdwActionRow)

/* The account's label, where it comes from and whether it can be used; a
 * "Look" button (signal ::look), or, for an online account that needs
 * signing in again or has mail off, "Open Settings" (Settings → Online
 * Accounts); for an account added in Objector, a "Remove" button (signal
 * ::remove). */
GtkWidget           *objector_mail_account_row_new         (ObjectorMailAccount    *account);
ObjectorMailAccount *objector_mail_account_row_get_account (ObjectorMailAccountRow *self);

G_END_DECLS

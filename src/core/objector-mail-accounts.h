/* objector-mail-accounts.h — the person's mail accounts: online ones, and those added by hand
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of ObjectorMailAccount: first the accounts of GNOME Online
 * Accounts that have IMAP mail (in its order), then those the person added
 * in Objector (in the order added). Made empty: nothing is read and no
 * D-Bus call is made until objector_mail_accounts_refresh_async(), which
 * the app calls only when the person asks to look in a mail account. The
 * accounts added by hand are saved in the user data folder
 * (accounts.json, 0600: server, port, user, mailbox and address, never a
 * password).
 */

#pragma once

#include "objector-mail-account.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_MAIL_ACCOUNTS (objector_mail_accounts_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMailAccounts, objector_mail_accounts, OBJECTOR, MAIL_ACCOUNTS, GObject)

/* @directory: where accounts.json is (NULL: the user data folder). */
ObjectorMailAccounts *objector_mail_accounts_new            (const char            *directory);

/* Asks GNOME Online Accounts for its mail accounts and reads the saved
 * ones, then replaces the list's items. GNOME Online Accounts missing or
 * not running is no failure: the list then holds the saved accounts only,
 * and objector_mail_accounts_get_online_error() says why. Fails with
 * OBJECTOR_ERROR_STORE_DAMAGED when the saved accounts' file could not be
 * read (it is moved aside, the message names where; the list holds the
 * online accounts) or OBJECTOR_ERROR_STORE_IO. */
void                  objector_mail_accounts_refresh_async  (ObjectorMailAccounts  *self,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
gboolean              objector_mail_accounts_refresh_finish (ObjectorMailAccounts  *self,
                                                             GAsyncResult          *result,
                                                             GError               **error);
/* Why the last refresh found no online accounts service
 * (OBJECTOR_ERROR_UNAVAILABLE: "GNOME Online Accounts is not running on this
 * computer"), or NULL. */
const GError         *objector_mail_accounts_get_online_error (ObjectorMailAccounts *self);

/* The account whose id is @id or starts with it (unique), or NULL with
 * OBJECTOR_ERROR_NOT_FOUND or OBJECTOR_ERROR_AMBIGUOUS. A new reference. */
ObjectorMailAccount  *objector_mail_accounts_lookup         (ObjectorMailAccounts  *self,
                                                             const char            *id,
                                                             GError               **error);

/* Adds an account by hand and saves the list: @address (nullable) is the
 * person's address, @imap where its mail is. The same server, port, user
 * and mailbox twice is OBJECTOR_ERROR_INVALID_INPUT. Returns the new
 * account (a new reference). The password is not asked here: see
 * objector_keyring_store_async(). */
ObjectorMailAccount  *objector_mail_accounts_add            (ObjectorMailAccounts  *self,
                                                             const char            *address,
                                                             ObjectorImapAccount   *imap,
                                                             GError               **error);
/* Removes an account added by hand and saves the list (its kept password
 * stays in the keyring until objector_keyring_delete_async()). An online
 * account is OBJECTOR_ERROR_INVALID_INPUT: it is removed in Settings. */
gboolean              objector_mail_accounts_remove         (ObjectorMailAccounts  *self,
                                                             ObjectorMailAccount   *account,
                                                             GError               **error);

G_END_DECLS

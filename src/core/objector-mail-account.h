/* objector-mail-account.h — one of the person's mail accounts, and logging in to it
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Either an account of GNOME Online Accounts (Settings → Online Accounts)
 * that has IMAP mail, or one the person added in Objector by hand (its
 * server, port, user and mailbox saved in Objector's folder; its password,
 * when the person wants it kept, in the keyring). Made by
 * ObjectorMailAccounts; immutable.
 */

#pragma once

#include "objector-imap-account.h"

G_BEGIN_DECLS

typedef enum
{
  OBJECTOR_MAIL_ACCOUNT_ONLINE,  /* GNOME Online Accounts */
  OBJECTOR_MAIL_ACCOUNT_SAVED,   /* added in Objector */
} ObjectorMailAccountOrigin;

typedef enum
{
  OBJECTOR_MAIL_ACCOUNT_READY,
  /* GNOME Online Accounts wants the person to sign in again (Settings). */
  OBJECTOR_MAIL_ACCOUNT_NEEDS_SIGN_IN,
  /* Mail is turned off for this online account (Settings). */
  OBJECTOR_MAIL_ACCOUNT_MAIL_DISABLED,
} ObjectorMailAccountStatus;

#define OBJECTOR_TYPE_MAIL_ACCOUNT (objector_mail_account_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMailAccount, objector_mail_account, OBJECTOR, MAIL_ACCOUNT, GObject)

/* "goa:account_1700000000_0" for an online account, "saved:USER@HOST" (with
 * ":PORT" when not the usual one, "/MAILBOX" when not INBOX) for a saved one. */
const char                *objector_mail_account_get_id            (ObjectorMailAccount *self);
ObjectorMailAccountOrigin  objector_mail_account_get_origin        (ObjectorMailAccount *self);
/* What the person calls it: the address ("zoe@gmx.de"), else the user name. */
const char                *objector_mail_account_get_label         (ObjectorMailAccount *self);
/* "Google", "IMAP and SMTP" (GNOME Online Accounts' names), "GMX"…; NULL
 * for a saved account of a provider Objector does not know. */
const char                *objector_mail_account_get_provider_name (ObjectorMailAccount *self);
ObjectorMailAccountStatus  objector_mail_account_get_status        (ObjectorMailAccount *self);
/* How it logs in: a password, or an OAuth2 token (Google, Microsoft). */
ObjectorImapCredentialKind objector_mail_account_get_auth          (ObjectorMailAccount *self);
/* Where the mail is; NULL when mail is turned off, or when the online
 * account's server is not one Objector can use (no encryption to a server
 * that is not on this computer). */
ObjectorImapAccount       *objector_mail_account_get_imap          (ObjectorMailAccount *self);

/* Everything needed to scan: a new ObjectorImapAccount (its CA file may be
 * set by the caller) and the credential, asked for now — from GNOME Online
 * Accounts (a password, or an access token it refreshes when needed), or,
 * for a saved account, from the keyring. Errors a person can act on:
 *
 * - OBJECTOR_ERROR_ACCOUNT_SETTINGS: sign in again, or mail turned off, in
 *   Settings → Online Accounts;
 * - OBJECTOR_ERROR_UNAVAILABLE: GNOME Online Accounts is not running;
 * - OBJECTOR_ERROR_NEEDS_PASSWORD: a saved account whose password is not
 *   kept (or no keyring): ask the person, then make the credential with
 *   objector_imap_credential_new_password() (and keep it with
 *   objector_keyring_store_async() if they wish);
 * - G_IO_ERROR_CANCELLED. */
void                       objector_mail_account_login_async       (ObjectorMailAccount  *self,
                                                                    GCancellable         *cancellable,
                                                                    GAsyncReadyCallback   callback,
                                                                    gpointer              user_data);
ObjectorImapAccount       *objector_mail_account_login_finish      (ObjectorMailAccount     *self,
                                                                    GAsyncResult            *result,
                                                                    ObjectorImapCredential **credential,
                                                                    GError                 **error);

G_END_DECLS

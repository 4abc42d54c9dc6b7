/* objector-imap-account.h — a mail account to look into, and how to log in
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  OBJECTOR_IMAP_SECURITY_TLS,       /* TLS from the first byte (imaps, port 993) */
  OBJECTOR_IMAP_SECURITY_STARTTLS,  /* plain greeting, then STARTTLS before anything else (port 143) */
  OBJECTOR_IMAP_SECURITY_NONE,      /* no encryption: only to a loopback address (127.0.0.0/8, ::1) */
} ObjectorImapSecurity;

/* "tls", "starttls" or "none": the word saved in accounts.json and printed
 * by `objector accounts --json`. */
const char *objector_imap_security_to_string (ObjectorImapSecurity security);

#define OBJECTOR_IMAP_PORT      143
#define OBJECTOR_IMAP_TLS_PORT  993

#define OBJECTOR_TYPE_IMAP_ACCOUNT (objector_imap_account_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorImapAccount, objector_imap_account, OBJECTOR, IMAP_ACCOUNT, GObject)

/* Where the mail is: the server, its port (0: the usual one for @security),
 * the user name to log in with, and the mailbox (NULL: "INBOX"). Immutable.
 * Fails with OBJECTOR_ERROR_INVALID_INPUT for an empty host or user, and for
 * OBJECTOR_IMAP_SECURITY_NONE to anything but a loopback address: a password
 * never crosses a network in the clear. */
ObjectorImapAccount *objector_imap_account_new        (const char            *host,
                                                       guint                  port,
                                                       const char            *user,
                                                       const char            *mailbox,
                                                       ObjectorImapSecurity   security,
                                                       GError               **error);
/* "imaps://USER@HOST[:PORT][/MAILBOX]" (TLS), or "imap://USER@127.0.0.1[:PORT][/MAILBOX]"
 * (no encryption, loopback only). The user name and mailbox may be
 * %-encoded ("zoe%40example.org", "Archives%2F2026"). */
ObjectorImapAccount *objector_imap_account_new_from_uri (const char          *uri,
                                                         GError             **error);
/* TRUE when @text looks like an account URI rather than a file name. */
gboolean             objector_imap_account_is_uri     (const char            *text);

const char          *objector_imap_account_get_host     (ObjectorImapAccount *self);
guint                objector_imap_account_get_port     (ObjectorImapAccount *self);
const char          *objector_imap_account_get_user     (ObjectorImapAccount *self);
const char          *objector_imap_account_get_mailbox  (ObjectorImapAccount *self);
ObjectorImapSecurity objector_imap_account_get_security (ObjectorImapAccount *self);
/* "INBOX on imap.example.org": what a person calls it, and what found
 * messages name as their source. */
char                *objector_imap_account_dup_label    (ObjectorImapAccount *self);

/* A certificate authority of one's own (a PEM file) that the server's
 * certificate must lead to, instead of the system's; NULL: the system's.
 * Either way the certificate is verified, host name included. A relative
 * name is taken from the current folder. */
const char          *objector_imap_account_get_ca_file  (ObjectorImapAccount *self);
void                 objector_imap_account_set_ca_file  (ObjectorImapAccount *self,
                                                         const char          *ca_file);

/* How to log in: a password (IMAP LOGIN) or an OAuth2 access token (SASL
 * XOAUTH2, as Google and Microsoft want), given by the caller: from standard
 * input, the keyring or GNOME Online Accounts. The secret is wiped from
 * memory when the credential is freed; it is sent only to the account's
 * server, after TLS (or to a loopback address). */
typedef enum
{
  OBJECTOR_IMAP_CREDENTIAL_PASSWORD,
  OBJECTOR_IMAP_CREDENTIAL_OAUTH2,
} ObjectorImapCredentialKind;

typedef struct _ObjectorImapCredential ObjectorImapCredential;

#define OBJECTOR_TYPE_IMAP_CREDENTIAL (objector_imap_credential_get_type ())
GType                   objector_imap_credential_get_type      (void) G_GNUC_CONST;

ObjectorImapCredential *objector_imap_credential_new_password  (const char *password);
ObjectorImapCredential *objector_imap_credential_new_oauth2    (const char *access_token);
ObjectorImapCredential *objector_imap_credential_copy          (const ObjectorImapCredential *self);
void                    objector_imap_credential_free          (ObjectorImapCredential *self);
ObjectorImapCredentialKind objector_imap_credential_get_kind   (const ObjectorImapCredential *self);
const char             *objector_imap_credential_get_secret    (const ObjectorImapCredential *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorImapCredential, objector_imap_credential_free)

G_END_DECLS

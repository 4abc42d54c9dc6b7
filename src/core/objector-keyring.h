/* objector-keyring.h — mail passwords in the person's keyring (libsecret)
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A password the person asks Objector to remember goes to the Secret
 * Service (GNOME Keyring, KeePassXC…) under the schema
 * "org.gnome.Objector.MailAccount", attributes "server", "port" and "user":
 * never into Objector's files, never into a log or a message. Nothing here
 * talks to D-Bus until one of these functions is called.
 *
 * When no Secret Service can be reached the error is
 * OBJECTOR_ERROR_UNAVAILABLE: "No keyring is available: the password is
 * asked each time and not kept".
 */

#pragma once

#include "objector-imap-account.h"

G_BEGIN_DECLS

#define OBJECTOR_KEYRING_SCHEMA "org.gnome.Objector.MailAccount"

/* Keeps @password for @account's server, port and user (replacing one kept
 * before). The keyring may ask the person to unlock it. */
void                    objector_keyring_store_async   (ObjectorImapAccount  *account,
                                                        const char           *password,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean                objector_keyring_store_finish  (GAsyncResult         *result,
                                                        GError              **error);

/* The password kept for @account, as a credential; NULL without an error
 * when none is kept. */
void                    objector_keyring_lookup_async  (ObjectorImapAccount  *account,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
ObjectorImapCredential *objector_keyring_lookup_finish (GAsyncResult         *result,
                                                        GError              **error);

/* Forgets the password kept for @account; TRUE also when none was kept. */
void                    objector_keyring_delete_async  (ObjectorImapAccount  *account,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean                objector_keyring_delete_finish (GAsyncResult         *result,
                                                        GError              **error);

G_END_DECLS

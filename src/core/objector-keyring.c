/* objector-keyring.c — mail passwords in the person's keyring (libsecret)
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "objector-error.h"
#include "objector-keyring.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    OBJECTOR_KEYRING_SCHEMA, SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static GHashTable *
attributes_for (ObjectorImapAccount *account)
{
  return secret_attributes_build (get_schema (),
                                  "server", objector_imap_account_get_host (account),
                                  "port", (int) objector_imap_account_get_port (account),
                                  "user", objector_imap_account_get_user (account),
                                  NULL);
}

/* A task for the keyring function @source_tag. */
static GTask *
keyring_task_new (gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

/* What went wrong, for a person: no Secret Service at all is the usual
 * case (no session bus, nothing that answers on it); anything else keeps
 * libsecret's own words. */
static GError *
keyring_error (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR
      || g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
    return g_error_new_literal (OBJECTOR_ERROR, OBJECTOR_ERROR_UNAVAILABLE,
                                _("No keyring is available: the password is asked each time and not kept"));
  return g_error_new (OBJECTOR_ERROR, OBJECTOR_ERROR_UNAVAILABLE,
                      _("The keyring did not answer (%s): the password is asked each time and not kept"),
                      error->message);
}

/* Storing */

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
objector_keyring_store_async (ObjectorImapAccount *account,
                              const char          *password,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (account));
  g_return_if_fail (password != NULL);

  attributes = attributes_for (account);
  /* What the keyring's own window (Passwords and Keys) shows. */
  label = g_strdup_printf (_("Objector: %s on %s"), objector_imap_account_get_user (account),
                           objector_imap_account_get_host (account));
  secret_password_storev (get_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, store_cb,
                          keyring_task_new (objector_keyring_store_async, cancellable, callback, user_data));
}

gboolean
objector_keyring_store_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Looking up */

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else if (password == NULL)
    g_task_return_pointer (task, NULL, NULL);
  else
    {
      ObjectorImapCredential *credential = objector_imap_credential_new_password (password);

      /* Wiped, as the credential wipes its copy. */
      secret_password_free (password);
      g_task_return_pointer (task, credential, (GDestroyNotify) objector_imap_credential_free);
    }
}

void
objector_keyring_lookup_async (ObjectorImapAccount *account,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (account));

  attributes = attributes_for (account);
  secret_password_lookupv (get_schema (), attributes, cancellable, lookup_cb,
                           keyring_task_new (objector_keyring_lookup_async, cancellable, callback, user_data));
}

ObjectorImapCredential *
objector_keyring_lookup_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Forgetting */

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was nothing to forget. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
objector_keyring_delete_async (ObjectorImapAccount *account,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (account));

  attributes = attributes_for (account);
  secret_password_clearv (get_schema (), attributes, cancellable, delete_cb,
                          keyring_task_new (objector_keyring_delete_async, cancellable, callback, user_data));
}

gboolean
objector_keyring_delete_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

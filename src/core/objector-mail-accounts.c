/* objector-mail-accounts.c — the person's mail accounts: online ones, and those added by hand
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-error.h"
#include "objector-files.h"
#include "objector-json.h"
#include "objector-mail-account-private.h"
#include "objector-mail-accounts.h"

#define ACCOUNTS_BASENAME "accounts.json"
#define ACCOUNTS_VERSION  1
/* A few accounts of a few hundred bytes each: anything this large was not
 * written by Objector. */
#define ACCOUNTS_MAX_SIZE (256 * 1024)

struct _ObjectorMailAccounts
{
  GObject     parent_instance;

  char       *filename;
  GPtrArray  *online;       /* of ObjectorMailAccount */
  GPtrArray  *saved;        /* of ObjectorMailAccount */
  GError     *online_error;
  /* Saved by a newer Objector: shown as nothing, never overwritten. */
  gboolean    read_only;
  gboolean    loaded;
  GoaClient  *client;
};

static void objector_mail_accounts_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ObjectorMailAccounts, objector_mail_accounts, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      objector_mail_accounts_list_model_init))

static void
objector_mail_accounts_dispose (GObject *object)
{
  ObjectorMailAccounts *self = OBJECTOR_MAIL_ACCOUNTS (object);

  g_clear_pointer (&self->online, g_ptr_array_unref);
  g_clear_pointer (&self->saved, g_ptr_array_unref);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (objector_mail_accounts_parent_class)->dispose (object);
}

static void
objector_mail_accounts_finalize (GObject *object)
{
  ObjectorMailAccounts *self = OBJECTOR_MAIL_ACCOUNTS (object);

  g_free (self->filename);
  g_clear_error (&self->online_error);

  G_OBJECT_CLASS (objector_mail_accounts_parent_class)->finalize (object);
}

static void
objector_mail_accounts_class_init (ObjectorMailAccountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = objector_mail_accounts_dispose;
  object_class->finalize = objector_mail_accounts_finalize;
}

static void
objector_mail_accounts_init (ObjectorMailAccounts *self)
{
  self->online = g_ptr_array_new_with_free_func (g_object_unref);
  self->saved = g_ptr_array_new_with_free_func (g_object_unref);
}

/* GListModel */

static GType
objector_mail_accounts_get_item_type (GListModel *model)
{
  return OBJECTOR_TYPE_MAIL_ACCOUNT;
}

static guint
objector_mail_accounts_get_n_items (GListModel *model)
{
  ObjectorMailAccounts *self = OBJECTOR_MAIL_ACCOUNTS (model);

  return self->online->len + self->saved->len;
}

static gpointer
objector_mail_accounts_get_item (GListModel *model,
                                 guint       position)
{
  ObjectorMailAccounts *self = OBJECTOR_MAIL_ACCOUNTS (model);

  if (position < self->online->len)
    return g_object_ref (g_ptr_array_index (self->online, position));
  position -= self->online->len;
  if (position < self->saved->len)
    return g_object_ref (g_ptr_array_index (self->saved, position));
  return NULL;
}

static void
objector_mail_accounts_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = objector_mail_accounts_get_item_type;
  iface->get_n_items = objector_mail_accounts_get_n_items;
  iface->get_item = objector_mail_accounts_get_item;
}

ObjectorMailAccounts *
objector_mail_accounts_new (const char *directory)
{
  ObjectorMailAccounts *self = g_object_new (OBJECTOR_TYPE_MAIL_ACCOUNTS, NULL);

  if (directory != NULL)
    self->filename = g_build_filename (directory, ACCOUNTS_BASENAME, NULL);
  else
    self->filename = objector_files_dup_data_file (ACCOUNTS_BASENAME);
  return self;
}

/* The saved accounts' file */

static gboolean
read_account (JsonNode     *node,
              const char   *path,
              GPtrArray    *accounts,
              GError      **error)
{
  ObjectorJsonFlags text = OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY | OBJECTOR_JSON_NO_CONTROLS;
  g_autoptr(ObjectorImapAccount) imap = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  const char *host, *user, *mailbox, *security_name, *address;
  ObjectorImapSecurity security;
  gint64 port = 0;

  if (!objector_json_read_object (node, path, &object, error)
      || !objector_json_get_string (object, path, "host", text, &host, error)
      || !objector_json_get_int (object, path, "port", OBJECTOR_JSON_REQUIRED, 1, 65535, &port, error)
      || !objector_json_get_string (object, path, "user", text, &user, error)
      || !objector_json_get_string (object, path, "mailbox", text & ~OBJECTOR_JSON_REQUIRED, &mailbox, error)
      || !objector_json_get_string (object, path, "security", text, &security_name, error)
      || !objector_json_get_string (object, path, "address", text & ~OBJECTOR_JSON_REQUIRED, &address, error))
    return FALSE;

  if (g_str_equal (security_name, "tls"))
    security = OBJECTOR_IMAP_SECURITY_TLS;
  else if (g_str_equal (security_name, "starttls"))
    security = OBJECTOR_IMAP_SECURITY_STARTTLS;
  else if (g_str_equal (security_name, "none"))
    security = OBJECTOR_IMAP_SECURITY_NONE;
  else
    {
      g_autofree char *member = objector_json_member_path (path, "security");

      return objector_json_fail (error, member, "not “tls”, “starttls” or “none”");
    }

  imap = objector_imap_account_new (host, (guint) port, user, mailbox, security, &local_error);
  if (imap == NULL)
    return objector_json_fail (error, path, "%s", local_error->message);

  g_ptr_array_add (accounts, objector_mail_account_new_saved (address, imap));
  return TRUE;
}

/* The file's accounts into @accounts; the file as a whole in a G_FILE_ERROR
 * when it cannot be read, OBJECTOR_ERROR_INVALID_DATA with the JSON path of
 * the fault when it is damaged. */
static gboolean
read_file (const char  *filename,
           GPtrArray   *accounts,
           gint64      *version,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root;
  JsonArray *list = NULL;

  /* Too large, too deep (json-glib recurses), not JSON, no object. */
  root = objector_json_load_file (parser, filename, ACCOUNTS_MAX_SIZE, error);
  if (root == NULL
      || !objector_json_get_int (root, NULL, "version", OBJECTOR_JSON_REQUIRED, 1, G_MAXINT, version, error))
    return FALSE;
  if (*version > ACCOUNTS_VERSION)
    return TRUE;
  if (!objector_json_get_array (root, NULL, "accounts", OBJECTOR_JSON_REQUIRED, &list, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *path = objector_json_element_path ("accounts", i);

      if (!read_account (json_array_get_element (list, i), path, accounts, error))
        return FALSE;
    }
  return TRUE;
}

/* Fills self->saved. A damaged file is moved aside and reported; the list
 * is then empty, as a new one. */
static gboolean
load_saved (ObjectorMailAccounts  *self,
            GError               **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *aside = NULL;
  gint64 version = 0;

  self->read_only = FALSE;
  self->loaded = TRUE;
  g_ptr_array_set_size (self->saved, 0);

  if (read_file (self->filename, accounts, &version, &local_error))
    {
      if (version > ACCOUNTS_VERSION)
        {
          self->read_only = TRUE;
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY,
                       _("The mail accounts you added were saved by a newer version of Objector: "
                         "update Objector to use them. “%s” is left as it is."), self->filename);
          return FALSE;
        }
      g_ptr_array_extend_and_steal (self->saved, g_steal_pointer (&accounts));
      return TRUE;
    }
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return TRUE;
  if (!g_error_matches (local_error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA))
    {
      /* Unreadable (permissions, a folder in its place): left alone, and
       * nothing is saved over it. */
      self->read_only = TRUE;
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not read the mail accounts you added: %s"), local_error->message);
      return FALSE;
    }

  aside = objector_files_move_aside (self->filename, NULL);
  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED,
               _("The mail accounts you added could not be read (%s), so none are listed; add them "
                 "again. Your objections are not affected. The damaged file was kept as “%s”."),
               local_error->message, aside != NULL ? aside : self->filename);
  return FALSE;
}

static gboolean
save (ObjectorMailAccounts  *self,
      GError               **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, ACCOUNTS_VERSION);
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->saved->len; i++)
    {
      ObjectorMailAccount *account = g_ptr_array_index (self->saved, i);
      ObjectorImapAccount *imap = objector_mail_account_get_imap (account);

      json_builder_begin_object (builder);
      objector_json_add_string (builder, "address", objector_mail_account_get_address (account));
      objector_json_add_string (builder, "host", objector_imap_account_get_host (imap));
      json_builder_set_member_name (builder, "port");
      json_builder_add_int_value (builder, objector_imap_account_get_port (imap));
      objector_json_add_string (builder, "user", objector_imap_account_get_user (imap));
      objector_json_add_string (builder, "mailbox", objector_imap_account_get_mailbox (imap));
      objector_json_add_string (builder, "security",
                                objector_imap_security_to_string (objector_imap_account_get_security (imap)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  data = objector_json_to_data (root, &length);
  if (!objector_files_write_private (self->filename, data, length, &local_error))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not save your mail accounts: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Refreshing */

typedef struct
{
  GError *saved_error;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_error (&refresh->saved_error);
  g_free (refresh);
}

static int
compare_online (gconstpointer a,
                gconstpointer b)
{
  ObjectorMailAccount *account_a = *(ObjectorMailAccount **) a;
  ObjectorMailAccount *account_b = *(ObjectorMailAccount **) b;
  int by_label = g_utf8_collate (objector_mail_account_get_label (account_a),
                                 objector_mail_account_get_label (account_b));

  return by_label != 0 ? by_label : g_strcmp0 (objector_mail_account_get_id (account_a),
                                               objector_mail_account_get_id (account_b));
}

static void
finish_refresh (ObjectorMailAccounts *self,
                GTask                *task,
                guint                 old_n_items)
{
  Refresh *refresh = g_task_get_task_data (task);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items,
                              self->online->len + self->saved->len);
  if (refresh->saved_error != NULL)
    g_task_return_error (task, g_steal_pointer (&refresh->saved_error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
goa_client_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ObjectorMailAccounts *self = g_task_get_source_object (task);
  guint old_n_items = self->online->len + self->saved->len;
  g_autoptr(GError) error = NULL;
  g_autoptr(GoaClient) client = goa_client_new_finish (result, &error);
  GDBusObjectManager *manager;
  g_autofree char *owner = NULL;
  GList *objects;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The old list stays until the new one is complete. */
  g_clear_error (&self->online_error);
  g_clear_object (&self->client);
  g_ptr_array_set_size (self->online, 0);
  /* A damaged file is reported when the refresh finishes, the list complete. */
  load_saved (self, &((Refresh *) g_task_get_task_data (task))->saved_error);

  manager = client != NULL ? goa_client_get_object_manager (client) : NULL;
  owner = manager != NULL ? g_dbus_object_manager_client_get_name_owner (G_DBUS_OBJECT_MANAGER_CLIENT (manager))
                          : NULL;
  if (owner == NULL)
    {
      /* No session bus, or nothing owns org.gnome.OnlineAccounts and D-Bus
       * could not start it. */
      g_debug ("GNOME Online Accounts: %s", error != NULL ? error->message : "no name owner");
      self->online_error = g_error_new_literal (OBJECTOR_ERROR, OBJECTOR_ERROR_UNAVAILABLE,
                                                _("GNOME Online Accounts is not running on this computer"));
      finish_refresh (self, task, old_n_items);
      return;
    }

  objects = goa_client_get_accounts (client);
  for (GList *l = objects; l != NULL; l = l->next)
    {
      ObjectorMailAccount *account = objector_mail_account_new_online (l->data);

      if (account != NULL)
        g_ptr_array_add (self->online, account);
    }
  g_list_free_full (objects, g_object_unref);
  g_ptr_array_sort (self->online, compare_online);

  self->client = g_steal_pointer (&client);
  finish_refresh (self, task, old_n_items);
}

void
objector_mail_accounts_refresh_async (ObjectorMailAccounts *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OBJECTOR_IS_MAIL_ACCOUNTS (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_mail_accounts_refresh_async);
  g_task_set_task_data (task, g_new0 (Refresh, 1), (GDestroyNotify) refresh_free);

  /* Registers GNOME Online Accounts' D-Bus errors, so that its answers
   * come back as GOA_ERROR (NOT_AUTHORIZED: sign in again). */
  (void) goa_error_quark ();
  goa_client_new (cancellable, goa_client_cb, g_steal_pointer (&task));
}

gboolean
objector_mail_accounts_refresh_finish (ObjectorMailAccounts  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const GError *
objector_mail_accounts_get_online_error (ObjectorMailAccounts *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNTS (self), NULL);

  return self->online_error;
}

/* Finding, adding, removing */

/* Adding to or removing from a list never read would save over the file. */
static gboolean
ensure_loaded (ObjectorMailAccounts  *self,
               GError               **error)
{
  guint old_n_items = self->online->len + self->saved->len;

  if (!self->loaded)
    {
      gboolean ok = load_saved (self, error);

      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->online->len + self->saved->len);
      if (!ok)
        return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY,
                   _("The mail accounts you added cannot be changed now: “%s” could not be read"),
                   self->filename);
      return FALSE;
    }
  return TRUE;
}

ObjectorMailAccount *
objector_mail_accounts_lookup (ObjectorMailAccounts  *self,
                               const char            *id,
                               GError               **error)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self));
  g_autoptr(ObjectorMailAccount) found = NULL;
  guint n_found = 0;

  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNTS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ObjectorMailAccount) account = g_list_model_get_item (G_LIST_MODEL (self), i);
      const char *account_id = objector_mail_account_get_id (account);

      if (g_str_equal (account_id, id))
        return g_steal_pointer (&account);
      if (*id != '\0' && g_str_has_prefix (account_id, id))
        {
          n_found++;
          g_set_object (&found, account);
        }
    }

  if (n_found == 1)
    return g_steal_pointer (&found);
  if (n_found > 1)
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_AMBIGUOUS,
                 _("“%s” names more than one mail account: give more of its id"), id);
  else
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
                 _("No mail account has the id “%s”"), id);
  return NULL;
}

ObjectorMailAccount *
objector_mail_accounts_add (ObjectorMailAccounts  *self,
                            const char            *address,
                            ObjectorImapAccount   *imap,
                            GError               **error)
{
  g_autoptr(ObjectorMailAccount) account = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNTS (self), NULL);
  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (imap), NULL);

  if (!ensure_loaded (self, error))
    return NULL;

  id = objector_mail_account_make_saved_id (imap);
  for (guint i = 0; i < self->saved->len; i++)
    if (g_str_equal (objector_mail_account_get_id (g_ptr_array_index (self->saved, i)), id))
      {
        g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                     _("This mail account is already in the list"));
        return NULL;
      }

  account = objector_mail_account_new_saved (address, imap);
  g_ptr_array_add (self->saved, g_object_ref (account));
  if (!save (self, error))
    {
      g_ptr_array_remove_index (self->saved, self->saved->len - 1);
      return NULL;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), self->online->len + self->saved->len - 1, 0, 1);
  return g_steal_pointer (&account);
}

gboolean
objector_mail_accounts_remove (ObjectorMailAccounts  *self,
                               ObjectorMailAccount   *account,
                               GError               **error)
{
  g_autoptr(ObjectorMailAccount) removed = NULL;
  guint index;

  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNTS (self), FALSE);
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (account), FALSE);

  if (objector_mail_account_get_origin (account) == OBJECTOR_MAIL_ACCOUNT_ONLINE)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("This account belongs to GNOME Online Accounts: remove it in Settings → Online Accounts"));
      return FALSE;
    }
  if (!ensure_loaded (self, error))
    return FALSE;
  if (!g_ptr_array_find (self->saved, account, &index))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
                   _("No mail account has the id “%s”"), objector_mail_account_get_id (account));
      return FALSE;
    }

  removed = g_ptr_array_steal_index (self->saved, index);
  if (!save (self, error))
    {
      g_ptr_array_insert (self->saved, index, g_steal_pointer (&removed));
      return FALSE;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), self->online->len + index, 1, 0);
  return TRUE;
}

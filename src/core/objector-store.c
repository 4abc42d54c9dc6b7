/* objector-store.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-files.h"
#include "objector-json.h"
#include "objector-objection-private.h"
#include "objector-store.h"

#define STORE_FORMAT_NAME "objector"
#define STORE_BASENAME    "objections.json"
#define LOCK_BASENAME     ".objections.lock"

/* A store of 100 objections with 100 answers each is a few MB; past this it
 * is not one Objector wrote, and reading it would only exhaust memory. */
#define STORE_MAX_SIZE    (64 * 1024 * 1024)

struct _ObjectorStore
{
  GObject    parent_instance;

  char      *directory;
  char      *filename;
  char      *lock_filename;

  GPtrArray *items;           /* of ObjectorObjection */
  char      *last_checksum;   /* of the bytes last read or written; NULL: none */

  char      *read_only_reason;
  char      *damaged_copy;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ObjectorStore, objector_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_READ_ONLY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
objector_store_get_item_type (GListModel *model)
{
  return OBJECTOR_TYPE_OBJECTION;
}

static guint
objector_store_get_n_items (GListModel *model)
{
  return OBJECTOR_STORE (model)->items->len;
}

static gpointer
objector_store_get_item (GListModel *model,
                         guint       position)
{
  ObjectorStore *self = OBJECTOR_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = objector_store_get_item_type;
  iface->get_n_items = objector_store_get_n_items;
  iface->get_item = objector_store_get_item;
}

static void
objector_store_finalize (GObject *object)
{
  ObjectorStore *self = OBJECTOR_STORE (object);

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->lock_filename, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->last_checksum, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->damaged_copy, g_free);

  G_OBJECT_CLASS (objector_store_parent_class)->finalize (object);
}

static void
objector_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ObjectorStore *self = OBJECTOR_STORE (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, objector_store_get_read_only (self));
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_store_class_init (ObjectorStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = objector_store_finalize;
  object_class->get_property = objector_store_get_property;

  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_store_init (ObjectorStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

ObjectorStore *
objector_store_new (const char *directory)
{
  ObjectorStore *self = g_object_new (OBJECTOR_TYPE_STORE, NULL);

  if (directory != NULL)
    self->directory = g_strdup (directory);
  else
    self->directory = objector_files_dup_data_dir ();

  self->filename = g_build_filename (self->directory, STORE_BASENAME, NULL);
  self->lock_filename = g_build_filename (self->directory, LOCK_BASENAME, NULL);
  return self;
}

const char *
objector_store_get_directory (ObjectorStore *self)
{
  g_return_val_if_fail (OBJECTOR_IS_STORE (self), NULL);
  return self->directory;
}

const char *
objector_store_get_filename (ObjectorStore *self)
{
  g_return_val_if_fail (OBJECTOR_IS_STORE (self), NULL);
  return self->filename;
}

gboolean
objector_store_get_read_only (ObjectorStore *self)
{
  g_return_val_if_fail (OBJECTOR_IS_STORE (self), FALSE);
  return self->read_only_reason != NULL;
}

const char *
objector_store_get_read_only_reason (ObjectorStore *self)
{
  g_return_val_if_fail (OBJECTOR_IS_STORE (self), NULL);
  return self->read_only_reason;
}

const char *
objector_store_get_damaged_copy (ObjectorStore *self)
{
  g_return_val_if_fail (OBJECTOR_IS_STORE (self), NULL);
  return self->damaged_copy;
}

static void
take_string (char **field,
             char  *value)
{
  g_free (*field);
  *field = value;
}

/* Locking: the GUI and the CLI may both write. Every change happens under an
 * exclusive flock() on a separate lock file, after rereading the data file,
 * so neither overwrites what the other saved. The data file itself is only
 * ever replaced by rename, so readers need no lock. */

static gboolean
ensure_directory (ObjectorStore  *self,
                  GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (objector_files_ensure_private_dir (self->directory, &local_error))
    return TRUE;

  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
               _("Your objections cannot be saved: %s"), local_error->message);
  return FALSE;
}

static int
lock_store (ObjectorStore  *self,
            GError        **error)
{
  if (!ensure_directory (self, error))
    return -1;

  return objector_files_lock (self->lock_filename, error);
}

static void
unlock_store (int fd)
{
  if (fd >= 0)
    close (fd);  /* releases the flock */
}

/* Reading */

typedef struct
{
  GPtrArray *items;         /* of ObjectorObjection */
  gint64     version;
  guint      n_total;
  guint      n_bad;
  char      *first_problem; /* for the message */
} Parsed;

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->items, g_ptr_array_unref);
  g_clear_pointer (&parsed->first_problem, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

/* FALSE when nothing in @bytes can be trusted; TRUE with n_bad > 0 when some
 * objections could not be read. */
static gboolean
parse_store (GBytes  *bytes,
             Parsed  *parsed,
             GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;

  parsed->items = g_ptr_array_new_with_free_func (g_object_unref);
  data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED, _("the file is empty"));
      return FALSE;
    }

  /* Size and nesting are limited before json-glib, which recurses, reads
   * a byte: 80,000 "[" must be a damaged file, not a crash. */
  if (!objector_json_load (parser, data, size, STORE_MAX_SIZE, &local_error))
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED, local_error->message);
      return FALSE;
    }

  node = json_parser_get_root (parser);
  root = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (root == NULL || g_strcmp0 (objector_json_lookup_string (root, "format"), STORE_FORMAT_NAME) != 0)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED,
                   _("it does not hold Objector’s data"));
      return FALSE;
    }

  if (!objector_json_get_int (root, NULL, "version", OBJECTOR_JSON_REQUIRED, G_MININT64, G_MAXINT64,
                              &parsed->version, NULL)
      || parsed->version < 1)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED,
                   _("version: missing or not a positive whole number"));
      return FALSE;
    }

  if (!objector_json_get_array (root, NULL, "objections", OBJECTOR_JSON_REQUIRED, &array, NULL))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED,
                   _("objections: missing or not a list"));
      return FALSE;
    }

  parsed->n_total = json_array_get_length (array);

  for (guint i = 0; i < parsed->n_total; i++)
    {
      g_autofree char *path = objector_json_element_path ("objections", i);
      g_autoptr(GError) item_error = NULL;
      g_autoptr(ObjectorObjection) objection = NULL;

      objection = _objector_objection_read (json_array_get_element (array, i), path, &item_error);
      if (objection != NULL && g_hash_table_contains (seen, objector_objection_get_id (objection)))
        {
          objector_json_fail_member (&item_error, path, "id", _("“%s” appears twice"),
                                     objector_objection_get_id (objection));
          g_clear_object (&objection);
        }

      if (objection == NULL)
        {
          parsed->n_bad++;
          if (parsed->first_problem == NULL)
            parsed->first_problem = g_strdup (item_error->message);
          continue;
        }

      g_hash_table_add (seen, (gpointer) objector_objection_get_id (objection));
      g_ptr_array_add (parsed->items, g_steal_pointer (&objection));
    }

  return TRUE;
}

/* Moves the damaged file aside, never over another copy: returns its new name. */
static char *
move_aside (ObjectorStore  *self,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  char *target = objector_files_move_aside (self->filename, &local_error);

  if (target == NULL)
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                 _("Your saved objections in “%s” are damaged, and could not be set aside (%s). "
                   "Nothing was changed: copy the file somewhere safe, then remove it."),
                 self->filename, local_error->message);
  return target;
}

static gboolean save_locked (ObjectorStore *self, GError **error);

/* Puts @objections in place of the current items, keeping the objects of
 * objections that are still there so views bound to them stay valid. */
static void
replace_items (ObjectorStore *self,
               GPtrArray     *objections)
{
  g_autoptr(GHashTable) current = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_len = self->items->len;

  for (guint i = 0; i < self->items->len; i++)
    {
      ObjectorObjection *o = g_ptr_array_index (self->items, i);
      g_hash_table_insert (current, (gpointer) objector_objection_get_id (o), o);
    }

  for (guint i = 0; i < objections->len; i++)
    {
      ObjectorObjection *fresh = g_ptr_array_index (objections, i);
      ObjectorObjection *known = g_hash_table_lookup (current, objector_objection_get_id (fresh));

      if (known != NULL)
        {
          g_autoptr(JsonNode) a = objector_objection_to_json (known);
          g_autoptr(JsonNode) b = objector_objection_to_json (fresh);

          if (!json_node_equal (a, b))
            objector_objection_sync_from (known, fresh);
          g_ptr_array_add (items, g_object_ref (known));
        }
      else
        g_ptr_array_add (items, g_object_ref (fresh));
    }

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&items);

  if (old_len != 0 || self->items->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
  if (old_len != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_read_only_reason (ObjectorStore *self,
                      char          *reason)
{
  gboolean was = self->read_only_reason != NULL;

  g_free (self->read_only_reason);
  self->read_only_reason = reason;
  if (was != (reason != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Rereads the file if its bytes changed since we last saw them. Call with
 * the lock held when a damaged file may have to be moved aside. */
static gboolean
reload_locked (ObjectorStore  *self,
               GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *checksum = NULL;
  g_auto(Parsed) parsed = { 0 };
  g_autofree char *aside = NULL;
  gboolean readable;

  bytes = objector_json_read_file (self->filename, STORE_MAX_SIZE, &local_error);
  if (bytes == NULL && !g_error_matches (local_error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

          g_clear_pointer (&self->last_checksum, g_free);
          set_read_only_reason (self, NULL);
          replace_items (self, none);
          return TRUE;
        }

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not read your saved objections: %s"), local_error->message);
      return FALSE;
    }

  /* Too large to read is damaged too: set aside like any other. */
  if (bytes != NULL)
    {
      checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if (g_strcmp0 (checksum, self->last_checksum) == 0)
        return TRUE;
    }

  readable = bytes != NULL && parse_store (bytes, &parsed, &local_error);
  if (!readable)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

      if (!(aside = move_aside (self, error)))
        return FALSE;

      take_string (&self->damaged_copy, g_strdup (aside));
      g_clear_pointer (&self->last_checksum, g_free);
      set_read_only_reason (self, NULL);
      replace_items (self, none);

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED,
                   _("Your saved objections in “%s” are damaged and could not be read (%s). "
                     "The damaged file was kept as “%s”; Objector starts afresh without it. "
                     "Keep that copy: it can be repaired by hand or by a later version."),
                   self->filename, local_error->message, aside);
      return FALSE;
    }

  if (parsed.version > OBJECTOR_STORE_FORMAT_VERSION)
    {
      /* Never write what we do not fully understand: show it, change nothing. */
      set_read_only_reason (self,
        g_strdup_printf (_("“%s” was saved by a newer version of Objector (format %d; this "
                           "version reads format %d). It is shown read-only so that "
                           "nothing in it is lost: update Objector to make changes."),
                         self->filename, (int) MIN (parsed.version, G_MAXINT),
                         OBJECTOR_STORE_FORMAT_VERSION));
      take_string (&self->last_checksum, g_steal_pointer (&checksum));
      replace_items (self, parsed.items);
      return TRUE;
    }

  set_read_only_reason (self, NULL);

  if (parsed.n_bad > 0)
    {
      /* Keep every byte of the original, go on with what can be trusted. */
      if (!(aside = move_aside (self, error)))
        return FALSE;

      take_string (&self->damaged_copy, g_strdup (aside));
      g_clear_pointer (&self->last_checksum, g_free);
      replace_items (self, parsed.items);

      if (!save_locked (self, error))
        return FALSE;

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u of your %u saved objections could not be read (%s). "
                                "The whole file was kept as “%s”; the other objections are safe and Objector goes on with them.",
                                "%u of your %u saved objections could not be read (%s). "
                                "The whole file was kept as “%s”; the other objections are safe and Objector goes on with them.",
                                parsed.n_bad),
                   parsed.n_bad, parsed.n_total, parsed.first_problem, aside);
      return FALSE;
    }

  take_string (&self->last_checksum, g_steal_pointer (&checksum));
  replace_items (self, parsed.items);
  return TRUE;
}

gboolean
objector_store_load (ObjectorStore  *self,
                     GError        **error)
{
  int fd;
  gboolean ret;

  g_return_val_if_fail (OBJECTOR_IS_STORE (self), FALSE);

  /* Without a folder there is nothing to read, and no reason to create one yet. */
  if (!g_file_test (self->directory, G_FILE_TEST_IS_DIR))
    return reload_locked (self, error);

  if ((fd = lock_store (self, error)) < 0)
    return FALSE;
  ret = reload_locked (self, error);
  unlock_store (fd);
  return ret;
}

gboolean
objector_store_reload (ObjectorStore  *self,
                       GError        **error)
{
  return objector_store_load (self, error);
}

/* Writing */

static GBytes *
serialize (ObjectorStore *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length;
  char *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, STORE_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, OBJECTOR_STORE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "Objector " PACKAGE_VERSION);
  json_builder_set_member_name (builder, "objections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->items->len; i++)
    json_builder_add_value (builder, objector_objection_to_json (g_ptr_array_index (self->items, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  data = objector_json_to_data (root, &length);
  return g_bytes_new_take (data, length);
}

static gboolean
save_locked (ObjectorStore  *self,
             GError        **error)
{
  g_autoptr(GBytes) bytes = serialize (self);
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  if (!ensure_directory (self, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!objector_files_write_private (self->filename, data, length, &local_error))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not save your objections: %s. What was saved before is unchanged."),
                   local_error->message);
      return FALSE;
    }

  take_string (&self->last_checksum,
                  g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length));
  return TRUE;
}

typedef gboolean (*ChangeFunc) (ObjectorStore  *self,
                                gpointer        user_data,
                                GError        **error);

/* Lock, reread, change, save, unlock. On any failure the file is untouched
 * and the items are reread from it, so memory never runs ahead of disk. */
static gboolean
transact (ObjectorStore  *self,
          ChangeFunc      change,
          gpointer        user_data,
          GError        **error)
{
  gboolean ok;
  int fd;

  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY,
                           self->read_only_reason);
      return FALSE;
    }

  if ((fd = lock_store (self, error)) < 0)
    return FALSE;

  ok = reload_locked (self, error);
  if (ok && self->read_only_reason != NULL)
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY,
                           self->read_only_reason);
      ok = FALSE;
    }

  if (ok)
    {
      ok = change (self, user_data, error) && save_locked (self, error);
      if (!ok)
        {
          g_clear_pointer (&self->last_checksum, g_free);
          reload_locked (self, NULL);
        }
    }

  unlock_store (fd);
  return ok;
}

static gboolean
add_change (ObjectorStore  *self,
            gpointer        user_data,
            GError        **error)
{
  ObjectorObjection *objection = user_data;

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (objector_objection_get_id (g_ptr_array_index (self->items, i)),
                   objector_objection_get_id (objection)) == 0)
      {
        g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_FAILED,
                     _("An objection with the id “%s” is already saved"),
                     objector_objection_get_id (objection));
        return FALSE;
      }

  g_ptr_array_add (self->items, g_object_ref (objection));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

gboolean
objector_store_add (ObjectorStore      *self,
                    ObjectorObjection  *objection,
                    GError            **error)
{
  g_return_val_if_fail (OBJECTOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), FALSE);

  return transact (self, add_change, objection, error);
}

ObjectorObjection *
objector_store_lookup (ObjectorStore  *self,
                       const char     *id_or_prefix,
                       GError        **error)
{
  ObjectorObjection *found = NULL;
  guint n_found = 0;
  gsize prefix_len;

  g_return_val_if_fail (OBJECTOR_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_prefix != NULL, NULL);

  prefix_len = strlen (id_or_prefix);
  if (prefix_len == 0)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
                   _("No objection id given"));
      return NULL;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      ObjectorObjection *o = g_ptr_array_index (self->items, i);
      const char *id = objector_objection_get_id (o);

      if (g_ascii_strcasecmp (id, id_or_prefix) == 0)
        return o;

      if (g_ascii_strncasecmp (id, id_or_prefix, prefix_len) == 0)
        {
          found = o;
          n_found++;
        }
    }

  if (n_found == 1)
    return found;

  if (n_found == 0)
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
                 _("No saved objection has an id starting with “%s”"), id_or_prefix);
  else
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_AMBIGUOUS,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” starts the ids of %u objections: give more of the id",
                              "“%s” starts the ids of %u objections: give more of the id",
                              n_found),
                 id_or_prefix, n_found);
  return NULL;
}

typedef struct
{
  const char            *id;
  ObjectorStoreEditFunc  func;
  gpointer               user_data;
} EditData;

static gboolean
edit_change (ObjectorStore  *self,
             gpointer        user_data,
             GError        **error)
{
  EditData *edit = user_data;

  for (guint i = 0; i < self->items->len; i++)
    {
      ObjectorObjection *o = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (objector_objection_get_id (o), edit->id) == 0)
        return edit->func (o, edit->user_data, error);
    }

  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
               _("The objection “%s” is no longer saved: it may have been removed by another window or command"),
               edit->id);
  return FALSE;
}

gboolean
objector_store_edit (ObjectorStore          *self,
                     const char             *id,
                     ObjectorStoreEditFunc   func,
                     gpointer                user_data,
                     GError                **error)
{
  EditData edit = { id, func, user_data };
  g_autofree char *id_copy = NULL;

  g_return_val_if_fail (OBJECTOR_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* The caller may pass the id of an item that a reload replaces. */
  edit.id = id_copy = g_strdup (id);
  return transact (self, edit_change, &edit, error);
}

typedef struct
{
  ObjectorEvent  event;
  const char    *note;
  GDateTime     *now;
} ApplyData;

static gboolean
apply_edit (ObjectorObjection  *objection,
            gpointer            user_data,
            GError            **error)
{
  ApplyData *apply = user_data;

  return objector_objection_apply (objection, apply->event, apply->note, apply->now, error);
}

gboolean
objector_store_apply (ObjectorStore  *self,
                      const char     *id,
                      ObjectorEvent   event,
                      const char     *note,
                      GDateTime      *now,
                      GError        **error)
{
  ApplyData apply = { event, note, now };

  return objector_store_edit (self, id, apply_edit, &apply, error);
}

/* objector-playbook.c — the playbook: paths, regions, deadlines and mail rules, as loaded
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-files.h"
#include "objector-path-private.h"
#include "objector-playbook-private.h"
#include "objector-resources.h"

G_DEFINE_FINAL_TYPE (ObjectorPlaybook, objector_playbook, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERSION,
  PROP_ORIGIN,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
objector_playbook_dispose (GObject *object)
{
  ObjectorPlaybook *self = (ObjectorPlaybook *)object;

  g_clear_object (&self->paths);

  G_OBJECT_CLASS (objector_playbook_parent_class)->dispose (object);
}

static void
objector_playbook_finalize (GObject *object)
{
  ObjectorPlaybook *self = (ObjectorPlaybook *)object;

  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->updated, g_free);
  g_clear_pointer (&self->regions, g_hash_table_unref);
  g_clear_pointer (&self->region_ids, g_strfreev);
  g_clear_pointer (&self->mail_domains, g_strfreev);
  g_clear_pointer (&self->mail_rules, g_ptr_array_unref);
  g_clear_pointer (&self->mail_languages, g_ptr_array_unref);

  G_OBJECT_CLASS (objector_playbook_parent_class)->finalize (object);
}

static void
objector_playbook_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ObjectorPlaybook *self = OBJECTOR_PLAYBOOK (object);

  switch (prop_id)
    {
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    case PROP_UPDATED:
      g_value_set_string (value, self->updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_playbook_class_init (ObjectorPlaybookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = objector_playbook_dispose;
  object_class->finalize = objector_playbook_finalize;
  object_class->get_property = objector_playbook_get_property;

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_playbook_init (ObjectorPlaybook *self)
{
  self->paths = g_list_store_new (OBJECTOR_TYPE_PATH);
  self->regions = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         g_free, (GDestroyNotify) g_strfreev);
  self->mail_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) _objector_mail_rule_free);
  self->mail_languages = g_ptr_array_new_with_free_func ((GDestroyNotify) _objector_mail_language_free);
  self->answer_months = 1;
  self->extension_months = 2;
}

ObjectorPlaybook *
objector_playbook_new_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Pulls the resource object out of the static library, which registers it. */
  (void) objector_get_resource ();

  bytes = g_resources_lookup_data (OBJECTOR_PLAYBOOK_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return objector_playbook_new_from_bytes (bytes, "bundled", error);
}

char *
objector_playbook_dup_user_filename (void)
{
  return objector_files_dup_data_file ("playbook.json");
}

ObjectorPlaybook *
objector_playbook_load_default (const char  *override_file,
                                GError     **error)
{
  g_autoptr(ObjectorPlaybook) bundled = NULL;
  g_autoptr(ObjectorPlaybook) user = NULL;
  g_autoptr(GError) user_error = NULL;
  g_autofree char *user_file = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (override_file != NULL)
    return objector_playbook_new_from_file (override_file, error);

  bundled = objector_playbook_new_bundled (error);
  if (bundled == NULL)
    return NULL;

  user_file = objector_playbook_dup_user_filename ();
  if (!g_file_test (user_file, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&bundled);

  /* A bad download must never stop the app: the bundled copy still works. */
  user = objector_playbook_new_from_file (user_file, &user_error);
  if (user == NULL)
    {
      g_debug ("Ignoring the updated playbook: %s", user_error->message);
      return g_steal_pointer (&bundled);
    }

  if (user->version <= bundled->version)
    {
      g_debug ("Ignoring the updated playbook “%s”: its version %" G_GINT64_FORMAT
               " is not newer than the bundled %" G_GINT64_FORMAT,
               user_file, user->version, bundled->version);
      return g_steal_pointer (&bundled);
    }

  return g_steal_pointer (&user);
}

gint64
objector_playbook_get_version (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), 0);

  return self->version;
}

const char *
objector_playbook_get_origin (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);

  return self->origin;
}

const char *
objector_playbook_get_updated (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);

  return self->updated;
}

GListModel *
objector_playbook_get_paths (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);

  return G_LIST_MODEL (self->paths);
}

ObjectorPath *
objector_playbook_lookup_path (ObjectorPlaybook *self,
                               const char       *path_id)
{
  guint n;

  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);

  if (path_id == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->paths));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (G_LIST_MODEL (self->paths), i);

      if (g_strcmp0 (path->id, path_id) == 0)
        return path;  /* the store keeps it alive */
    }

  return NULL;
}

gboolean
objector_playbook_path_applies (ObjectorPlaybook *self,
                                ObjectorPath     *path,
                                const char       *country)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), FALSE);
  g_return_val_if_fail (OBJECTOR_IS_PATH (path), FALSE);
  g_return_val_if_fail (country != NULL, FALSE);

  upper = g_ascii_strup (country, -1);

  for (guint i = 0; path->regions[i] != NULL; i++)
    {
      const char * const *members;

      if (strcmp (path->regions[i], "*") == 0)
        return TRUE;

      members = g_hash_table_lookup (self->regions, path->regions[i]);
      if (members != NULL && g_strv_contains (members, upper))
        return TRUE;
    }

  return FALSE;
}

GListModel *
objector_playbook_paths_for_country (ObjectorPlaybook *self,
                                     const char       *country)
{
  GListStore *store;
  guint n;

  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);
  g_return_val_if_fail (country != NULL, NULL);

  store = g_list_store_new (OBJECTOR_TYPE_PATH);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->paths));

  /* Objections first: where they exist they are the stronger right. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObjectorPath) path = g_list_model_get_item (G_LIST_MODEL (self->paths), i);
          gboolean is_objection = path->kind == OBJECTOR_PATH_KIND_OBJECTION;

          if (is_objection == (pass == 0) &&
              objector_playbook_path_applies (self, path, country))
            g_list_store_append (store, path);
        }
    }

  return G_LIST_MODEL (store);
}

const char * const *
objector_playbook_get_region (ObjectorPlaybook *self,
                              const char       *region_id)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);
  g_return_val_if_fail (region_id != NULL, NULL);

  return g_hash_table_lookup (self->regions, region_id);
}

const char * const *
objector_playbook_get_region_ids (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);

  return (const char * const *) self->region_ids;
}

const char * const *
objector_playbook_get_mail_domains (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);

  return (const char * const *) self->mail_domains;
}

GPtrArray *
objector_playbook_get_mail_rules (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);

  return self->mail_rules;
}

GPtrArray *
objector_playbook_get_mail_languages (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), NULL);

  return self->mail_languages;
}

guint
objector_playbook_get_answer_months (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), 0);

  return self->answer_months;
}

guint
objector_playbook_get_extension_months (ObjectorPlaybook *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (self), 0);

  return self->extension_months;
}


/* objector-draft.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "objector-draft.h"
#include "objector-error.h"
#include "objector-files.h"
#include "objector-json.h"

#define DRAFT_BASENAME "wizard.json"
#define DRAFT_VERSION  1
/* A reason, an address, a few accounts and ids: a few KB at most. */
#define DRAFT_MAX_SIZE (1024 * 1024)

struct _ObjectorDraft
{
  GObject    parent_instance;

  char      *filename;

  char      *country;
  char      *region;
  char      *name;
  char      *email;
  char      *reason_kind;
  char      *reason;
  char      *page;
  gboolean   finished;
  gboolean   no_account;
  gboolean   accounts_linked;
  GArray    *accounts;     /* of ObjectorAccount */
  GStrv      objections;
};

G_DEFINE_FINAL_TYPE (ObjectorDraft, objector_draft, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
account_clear (ObjectorAccount *account)
{
  g_clear_pointer (&account->platform, g_free);
  g_clear_pointer (&account->label, g_free);
}

static void
clear_fields (ObjectorDraft *self)
{
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->objections, g_strfreev);
  g_free (self->reason_kind);
  self->reason_kind = g_strdup ("short");
  self->finished = FALSE;
  self->no_account = FALSE;
  self->accounts_linked = FALSE;
  g_array_set_size (self->accounts, 0);
}

static void
objector_draft_finalize (GObject *object)
{
  ObjectorDraft *self = OBJECTOR_DRAFT (object);

  clear_fields (self);
  g_clear_pointer (&self->reason_kind, g_free);
  g_clear_pointer (&self->accounts, g_array_unref);
  g_clear_pointer (&self->filename, g_free);

  G_OBJECT_CLASS (objector_draft_parent_class)->finalize (object);
}

static void
objector_draft_class_init (ObjectorDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = objector_draft_finalize;

  /* Any change; the owner decides when to save. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
objector_draft_init (ObjectorDraft *self)
{
  self->accounts = g_array_new (FALSE, TRUE, sizeof (ObjectorAccount));
  g_array_set_clear_func (self->accounts, (GDestroyNotify) account_clear);
  self->reason_kind = g_strdup ("short");
}

ObjectorDraft *
objector_draft_new (const char *directory)
{
  ObjectorDraft *self = g_object_new (OBJECTOR_TYPE_DRAFT, NULL);

  if (directory != NULL)
    self->filename = g_build_filename (directory, DRAFT_BASENAME, NULL);
  else
    self->filename = objector_files_dup_data_file (DRAFT_BASENAME);
  return self;
}

static void
emit_changed (ObjectorDraft *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_string (ObjectorDraft  *self,
            char          **field,
            const char     *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  emit_changed (self);
}

void
objector_draft_reset (ObjectorDraft *self)
{
  g_return_if_fail (OBJECTOR_IS_DRAFT (self));
  clear_fields (self);
  emit_changed (self);
}

#define STRING_ACCESSORS(name)                                               \
  const char *                                                               \
  objector_draft_get_##name (ObjectorDraft *self)                            \
  {                                                                          \
    g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), NULL);                   \
    return self->name;                                                       \
  }                                                                          \
  void                                                                       \
  objector_draft_set_##name (ObjectorDraft *self,                            \
                             const char    *value)                           \
  {                                                                          \
    g_return_if_fail (OBJECTOR_IS_DRAFT (self));                             \
    set_string (self, &self->name, value);                                   \
  }

STRING_ACCESSORS (country)
STRING_ACCESSORS (region)
STRING_ACCESSORS (name)
STRING_ACCESSORS (email)
STRING_ACCESSORS (reason)
STRING_ACCESSORS (page)

const char *
objector_draft_get_reason_kind (ObjectorDraft *self)
{
  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), NULL);
  return self->reason_kind;
}

void
objector_draft_set_reason_kind (ObjectorDraft *self,
                                const char    *kind)
{
  g_return_if_fail (OBJECTOR_IS_DRAFT (self));
  g_return_if_fail (g_strcmp0 (kind, "short") == 0 || g_strcmp0 (kind, "full") == 0
                    || g_strcmp0 (kind, "custom") == 0);
  set_string (self, &self->reason_kind, kind);
}

gboolean
objector_draft_get_finished (ObjectorDraft *self)
{
  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), FALSE);
  return self->finished;
}

void
objector_draft_set_finished (ObjectorDraft *self,
                             gboolean       finished)
{
  g_return_if_fail (OBJECTOR_IS_DRAFT (self));
  if (self->finished == !!finished)
    return;
  self->finished = !!finished;
  emit_changed (self);
}

gboolean
objector_draft_get_no_account (ObjectorDraft *self)
{
  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), FALSE);
  return self->no_account;
}

void
objector_draft_set_no_account (ObjectorDraft *self,
                               gboolean       no_account)
{
  g_return_if_fail (OBJECTOR_IS_DRAFT (self));
  if (self->no_account == !!no_account)
    return;
  self->no_account = !!no_account;
  emit_changed (self);
}

gboolean
objector_draft_get_accounts_linked (ObjectorDraft *self)
{
  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), FALSE);
  return self->accounts_linked;
}

void
objector_draft_set_accounts_linked (ObjectorDraft *self,
                                    gboolean       linked)
{
  g_return_if_fail (OBJECTOR_IS_DRAFT (self));
  if (self->accounts_linked == !!linked)
    return;
  self->accounts_linked = !!linked;
  emit_changed (self);
}

guint
objector_draft_get_n_accounts (ObjectorDraft *self)
{
  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), 0);
  return self->accounts->len;
}

const ObjectorAccount *
objector_draft_get_account (ObjectorDraft *self,
                            guint          index)
{
  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), NULL);
  g_return_val_if_fail (index < self->accounts->len, NULL);
  return &g_array_index (self->accounts, ObjectorAccount, index);
}

gboolean
objector_draft_is_account_platform (const char *platform)
{
  return g_strcmp0 (platform, "facebook") == 0 || g_strcmp0 (platform, "instagram") == 0
         || g_strcmp0 (platform, "whatsapp") == 0;
}

void
objector_draft_add_account (ObjectorDraft *self,
                            const char    *platform,
                            const char    *label)
{
  ObjectorAccount account;

  g_return_if_fail (OBJECTOR_IS_DRAFT (self));
  g_return_if_fail (objector_draft_is_account_platform (platform));

  account.platform = g_strdup (platform);
  account.label = g_strdup (label != NULL ? label : "");
  g_array_append_val (self->accounts, account);
  emit_changed (self);
}

void
objector_draft_set_account_label (ObjectorDraft *self,
                                  guint          index,
                                  const char    *label)
{
  ObjectorAccount *account;

  g_return_if_fail (OBJECTOR_IS_DRAFT (self));
  g_return_if_fail (index < self->accounts->len);

  account = &g_array_index (self->accounts, ObjectorAccount, index);
  set_string (self, &account->label, label != NULL ? label : "");
}

void
objector_draft_remove_account (ObjectorDraft *self,
                               guint          index)
{
  g_return_if_fail (OBJECTOR_IS_DRAFT (self));
  g_return_if_fail (index < self->accounts->len);

  g_array_remove_index (self->accounts, index);
  emit_changed (self);
}

guint
objector_draft_count_platform (ObjectorDraft *self,
                               const char    *platform)
{
  guint n = 0;

  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), 0);

  for (guint i = 0; i < self->accounts->len; i++)
    if (g_strcmp0 (g_array_index (self->accounts, ObjectorAccount, i).platform, platform) == 0)
      n++;
  return n;
}

const char * const *
objector_draft_get_objections (ObjectorDraft *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), NULL);
  return self->objections != NULL ? (const char * const *) self->objections : none;
}

void
objector_draft_set_objections (ObjectorDraft      *self,
                               const char * const *ids)
{
  g_return_if_fail (OBJECTOR_IS_DRAFT (self));

  if (self->objections != NULL && ids != NULL
      && g_strv_equal ((const char * const *) self->objections, ids))
    return;
  g_strfreev (self->objections);
  self->objections = g_strdupv ((char **) ids);
  emit_changed (self);
}

/* Saving and loading */

gboolean
objector_draft_save (ObjectorDraft  *self,
                     GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DRAFT_VERSION);
  objector_json_add_string (builder, "country", self->country);
  objector_json_add_string (builder, "region", self->region);
  objector_json_add_string (builder, "name", self->name);
  objector_json_add_string (builder, "email", self->email);
  objector_json_add_string (builder, "reason_kind", self->reason_kind);
  objector_json_add_string (builder, "reason", self->reason);
  objector_json_add_string (builder, "page", self->page);
  json_builder_set_member_name (builder, "finished");
  json_builder_add_boolean_value (builder, self->finished);
  json_builder_set_member_name (builder, "no_account");
  json_builder_add_boolean_value (builder, self->no_account);
  json_builder_set_member_name (builder, "accounts_linked");
  json_builder_add_boolean_value (builder, self->accounts_linked);

  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      ObjectorAccount *account = &g_array_index (self->accounts, ObjectorAccount, i);

      json_builder_begin_object (builder);
      objector_json_add_string (builder, "platform", account->platform);
      objector_json_add_string (builder, "label", account->label);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "objections");
  json_builder_begin_array (builder);
  for (guint i = 0; self->objections != NULL && self->objections[i] != NULL; i++)
    json_builder_add_string_value (builder, self->objections[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (!objector_json_save_file (builder, self->filename, &local_error))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not save where you are in the wizard: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load (ObjectorDraft  *self,
      gboolean        set_aside,
      GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *aside = NULL;
  const char *kind;
  JsonObject *root;
  JsonArray *array;

  clear_fields (self);

  /* Too large, too deeply nested (json-glib recurses), not JSON; or empty,
   * which parses with no root (found by tests/fuzz). */
  root = objector_json_load_file (parser, self->filename, DRAFT_MAX_SIZE, &local_error);
  if (root == NULL && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      emit_changed (self);
      return TRUE;
    }
  if (root == NULL && !g_error_matches (local_error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not read where you were in the wizard: %s"), local_error->message);
      return FALSE;
    }
  if (root == NULL && !set_aside)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED,
                   _("Where you were in the wizard could not be read: %s"), local_error->message);
      emit_changed (self);
      return FALSE;
    }
  if (root == NULL)
    {
      /* Only the wizard's place is lost: objections live in their own file. */
      aside = objector_files_move_aside (self->filename, NULL);
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED,
                   _("Where you were in the wizard could not be read, so it starts again; "
                     "your objections are not affected. The damaged file was kept as “%s”."),
                   aside != NULL ? aside : self->filename);
      emit_changed (self);
      return FALSE;
    }

  self->country = g_strdup (objector_json_lookup_string (root, "country"));
  self->region = g_strdup (objector_json_lookup_string (root, "region"));
  self->name = g_strdup (objector_json_lookup_string (root, "name"));
  self->email = g_strdup (objector_json_lookup_string (root, "email"));
  self->reason = g_strdup (objector_json_lookup_string (root, "reason"));
  self->page = g_strdup (objector_json_lookup_string (root, "page"));
  kind = objector_json_lookup_string (root, "reason_kind");
  if (g_strcmp0 (kind, "full") == 0 || g_strcmp0 (kind, "custom") == 0)
    {
      g_free (self->reason_kind);
      self->reason_kind = g_strdup (kind);
    }
  self->finished = objector_json_lookup_boolean (root, "finished", FALSE);
  self->no_account = objector_json_lookup_boolean (root, "no_account", FALSE);
  self->accounts_linked = objector_json_lookup_boolean (root, "accounts_linked", FALSE);

  if ((array = objector_json_lookup_array (root, "accounts")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *node = json_array_get_element (array, i);
        JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
        const char *platform = objector_json_lookup_string (object, "platform");
        const char *label = objector_json_lookup_string (object, "label");
        ObjectorAccount account;

        if (!objector_draft_is_account_platform (platform))
          continue;
        account.platform = g_strdup (platform);
        account.label = g_strdup (label != NULL ? label : "");
        g_array_append_val (self->accounts, account);
      }

  self->objections = objector_json_lookup_strv (root, "objections");
  if (self->objections == NULL)
    self->objections = g_new0 (char *, 1);

  emit_changed (self);
  return TRUE;
}

gboolean
objector_draft_load (ObjectorDraft  *self,
                     GError        **error)
{
  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), FALSE);
  return load (self, TRUE, error);
}

gboolean
objector_draft_load_read_only (ObjectorDraft  *self,
                               GError        **error)
{
  g_return_val_if_fail (OBJECTOR_IS_DRAFT (self), FALSE);
  return load (self, FALSE, error);
}

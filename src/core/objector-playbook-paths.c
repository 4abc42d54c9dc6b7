/* objector-playbook-paths.c — the paths of a playbook: forms, fields, steps, reasons
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-json.h"
#include "objector-path-private.h"
#include "objector-playbook-private.h"
#include "objector-playbook-trust.h"
#include "objector-url-policy.h"

/* Meta's 2024 form reportedly refused shorter reasons. */
#define REASON_MIN_CHARS 100

static char *
describe_known_regions (ObjectorPlaybook *self)
{
  GString *known = g_string_new (NULL);

  for (guint i = 0; self->region_ids[i] != NULL; i++)
    g_string_append_printf (known, "%s, ", self->region_ids[i]);
  g_string_append (known, "*");

  return g_string_free (known, FALSE);
}

static gboolean
check_region_id (const char  *value,
                 const char  *path,
                 gpointer     user_data,
                 GError     **error)
{
  ObjectorPlaybook *self = user_data;
  g_autofree char *known = NULL;

  if (strcmp (value, "*") == 0 || g_hash_table_contains (self->regions, value))
    return TRUE;

  known = describe_known_regions (self);

  return objector_json_fail (error, path, _("unknown region “%s” (known: %s)"), value, known);
}

static gboolean
check_url (JsonObject  *object,
           const char  *path,
           const char  *key,
           gboolean     required,
           char       **allowed_hosts,
           char       **out,
           GError     **error)
{
  g_autofree char *child = objector_json_member_path (path, key);
  g_autofree char *host = NULL;
  const char *url = NULL;

  *out = NULL;

  if (!objector_json_get_string (object, path, key, required ? PLAYBOOK_REQUIRED_TEXT : PLAYBOOK_TEXT, &url, error))
    return FALSE;
  if (url == NULL)
    return TRUE;

  switch (objector_url_check (url, (const char * const *) allowed_hosts, &host))
    {
    case OBJECTOR_URL_OK:
      if (!objector_playbook_host_is_trusted (host))
        return objector_json_fail (error, child, _("host “%s” is not one of Meta’s domains"), host);
      *out = g_strdup (url);
      return TRUE;

    case OBJECTOR_URL_INVALID:
      return objector_json_fail (error, child, _("not a valid URL: “%s”"), url);

    case OBJECTOR_URL_NOT_HTTPS:
      return objector_json_fail (error, child, _("not an https URL"));

    case OBJECTOR_URL_HAS_USER:
      return objector_json_fail (error, child, _("must not contain a user name"));

    case OBJECTOR_URL_NO_HOST:
      return objector_json_fail (error, child, _("has no host name"));

    case OBJECTOR_URL_HOST_NOT_ALLOWED:
      return objector_json_fail (error, child, _("host “%s” is not in allowed_hosts"), host);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
get_id (JsonObject  *object,
        const char  *path,
        GHashTable  *seen,
        const char **out,
        GError     **error)
{
  g_autofree char *child = objector_json_member_path (path, "id");

  if (!objector_json_get_string (object, path, "id", PLAYBOOK_REQUIRED_TEXT, out, error))
    return FALSE;

  if (!_objector_playbook_is_id (*out))
    return objector_json_fail (error, child, _("invalid id “%s” (use a-z, 0-9 and “-”)"), *out);

  if (!g_hash_table_add (seen, (gpointer) *out))
    return objector_json_fail (error, child, _("duplicate id “%s”"), *out);

  return TRUE;
}

/* @key is "platform", "app" or "fill"; @known is NULL-terminated. */
static gboolean
get_choice (JsonObject          *object,
            const char          *path,
            const char          *key,
            const char * const  *known,
            const char         **out,
            GError             **error)
{
  g_autofree char *child = objector_json_member_path (path, key);
  g_autofree char *known_list = NULL;

  if (!objector_json_get_string (object, path, key, PLAYBOOK_REQUIRED_TEXT, out, error))
    return FALSE;

  if (g_strv_contains (known, *out))
    return TRUE;

  known_list = g_strjoinv (", ", (char **) known);

  /* Translators: the first %s is a JSON key such as “platform”, the last a list
   * of the values it may have. */
  return objector_json_fail (error, child, _("unknown %s “%s” (known: %s)"), key, *out, known_list);
}

static const char * const platforms[] = { "facebook", "instagram", "whatsapp", "none", NULL };
static const char * const apps[] = { "facebook", "instagram", "whatsapp", NULL };
static const char * const form_kinds[] = { "form", "page", NULL };
static const char * const fills[] = {
  "email", "country", "reason", "name", "account", "none", NULL
};

/* What reading the lists of a path needs. */
typedef struct
{
  ObjectorPlaybookLoader *loader;
  ObjectorPath           *path;   /* NULL while reading the list of paths */
  GHashTable             *seen;   /* the ids or URLs of the list so far */
} PathList;

static gboolean
load_app_route (JsonObject  *object,
                const char  *path,
                gpointer     user_data,
                GError     **error)
{
  PathList *list = user_data;
  g_autoptr(ObjectorAppRoute) route = objector_app_route_new ();
  const char *app = NULL;

  if (!get_choice (object, path, "app", apps, &app, error) ||
      !objector_json_get_text_list (object, path, "steps", PLAYBOOK_REQUIRED_TEXT, list->loader->languages, &route->steps, error))
    return FALSE;

  route->app = g_strdup (app);
  g_ptr_array_add (list->path->app_routes, g_steal_pointer (&route));
  return TRUE;
}

static gboolean
load_field (JsonObject  *object,
            const char  *path,
            gpointer     user_data,
            GError     **error)
{
  PathList *list = user_data;
  const char * const *languages = list->loader->languages;
  g_autoptr(ObjectorField) field = objector_field_new ();
  const char *id = NULL;
  const char *fill = NULL;

  if (!get_id (object, path, list->seen, &id, error) ||
      !objector_json_get_text (object, path, "label", PLAYBOOK_REQUIRED_TEXT, languages, 0, &field->label, error) ||
      !objector_json_get_text (object, path, "hint", PLAYBOOK_TEXT, languages, 0, &field->hint, error) ||
      !get_choice (object, path, "fill", fills, &fill, error) ||
      !objector_json_get_boolean (object, path, "required", OBJECTOR_JSON_REQUIRED, &field->required, error))
    return FALSE;

  field->id = g_strdup (id);
  field->fill = strcmp (fill, "none") != 0 ? g_strdup (fill) : NULL;
  g_ptr_array_add (list->path->fields, g_steal_pointer (&field));
  return TRUE;
}

static ObjectorFormCandidate *
form_candidate (const char *url,
                const char *label,
                gboolean    is_form)
{
  ObjectorFormCandidate *form = objector_form_candidate_new ();

  form->url = g_strdup (url);
  form->label = g_strdup (label);
  form->is_form = is_form;
  return form;
}

static gboolean
load_form (JsonObject  *object,
           const char  *path,
           gpointer     user_data,
           GError     **error)
{
  PathList *list = user_data;
  g_autofree char *kind_path = objector_json_member_path (path, "kind");
  g_autoptr(ObjectorFormCandidate) form = objector_form_candidate_new ();
  const char *date = NULL;
  const char *kind = "form";

  if (!check_url (object, path, "url", TRUE, list->path->allowed_hosts, &form->url, error) ||
      !objector_json_get_text (object, path, "label", PLAYBOOK_REQUIRED_TEXT, list->loader->languages, 0, &form->label, error) ||
      !objector_json_get_date (object, path, "last_checked", PLAYBOOK_TEXT, &date, error))
    return FALSE;
  form->last_checked = g_strdup (date);

  if (json_object_get_member (object, "kind") != NULL &&
      !get_choice (object, path, "kind", form_kinds, &kind, error))
    return FALSE;
  form->is_form = g_str_equal (kind, "form");
  if (list->path->forms->len == 0 && !form->is_form)
    return objector_json_fail (error, kind_path, _("the first of the forms must be a form, not a page"));

  if (!g_hash_table_add (list->seen, form->url))
    {
      g_autofree char *url_path = objector_json_member_path (path, "url");

      return objector_json_fail (error, url_path, _("“%s” is listed twice"), form->url);
    }

  g_ptr_array_add (list->path->forms, g_steal_pointer (&form));
  return TRUE;
}

/* "forms": where the form may be, in the order to try. A playbook without
 * the list (older ones) still gives one: its form, alternative form and
 * overview page. */
static gboolean
load_forms (ObjectorPlaybookLoader  *loader,
            JsonObject              *object,
            const char              *path,
            ObjectorPath            *result,
            GError                 **error)
{
  g_autofree char *form_url_path = objector_json_member_path (path, "form_url");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  PathList list = { loader, result, seen };
  const char *first;

  if (json_object_get_member (object, "forms") == NULL)
    {
      g_ptr_array_add (result->forms, form_candidate (result->form_url, _("Meta’s form"), TRUE));
      if (result->alternative_form_url != NULL)
        g_ptr_array_add (result->forms,
                         form_candidate (result->alternative_form_url, _("Meta’s other form"), TRUE));
      g_ptr_array_add (result->forms, form_candidate (result->overview_url, _("Meta’s overview page"), FALSE));
      return TRUE;
    }

  if (!objector_json_foreach_object (object, path, "forms", OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY,
                                     load_form, &list, error))
    return FALSE;

  /* Older versions of Objector read form_url only: it must be the first. */
  first = ((ObjectorFormCandidate *) g_ptr_array_index (result->forms, 0))->url;
  if (g_strcmp0 (result->form_url, first) != 0)
    return objector_json_fail (error, form_url_path, _("must be the first of the forms (%s)"), first);

  return TRUE;
}

static gboolean
load_path (JsonObject  *object,
           const char  *path,
           gpointer     user_data,
           GError     **error)
{
  PathList *paths = user_data;
  ObjectorPlaybookLoader *loader = paths->loader;
  ObjectorPlaybook *self = loader->playbook;
  g_autoptr(ObjectorPath) result = objector_path_new ();
  g_autofree char *kind_path = objector_json_member_path (path, "kind");
  g_autofree char *reasons_path = objector_json_member_path (path, "reasons");
  g_autofree char *deadline_path = objector_json_member_path (path, "deadline");
  g_autoptr(GHashTable) field_ids = g_hash_table_new (g_str_hash, g_str_equal);
  PathList fields = { loader, result, field_ids };
  PathList app_routes = { loader, result, NULL };
  JsonObject *reasons = NULL;
  JsonObject *deadline = NULL;
  const char *id = NULL;
  const char *platform = NULL;
  const char *kind = NULL;

  if (!get_id (object, path, paths->seen, &id, error))
    return FALSE;
  result->id = g_strdup (id);

  if (!get_choice (object, path, "platform", platforms, &platform, error))
    return FALSE;
  result->platform = g_strdup (platform);

  if (!objector_json_get_string (object, path, "kind", PLAYBOOK_REQUIRED_TEXT, &kind, error))
    return FALSE;
  if (!objector_path_kind_from_string (kind, &result->kind))
    return objector_json_fail (error, kind_path,
                 _("unknown kind “%s” (known: objection, third-party)"), kind);

  if (!objector_json_get_strv (object, path, "regions", PLAYBOOK_REQUIRED_TEXT,
                        check_region_id, self, &result->regions, error) ||
      !objector_json_get_text (object, path, "title", PLAYBOOK_REQUIRED_TEXT, loader->languages, 0, &result->title, error) ||
      !objector_json_get_text (object, path, "summary", PLAYBOOK_REQUIRED_TEXT, loader->languages, 0, &result->summary, error) ||
      !objector_json_get_strv (object, path, "allowed_hosts", PLAYBOOK_REQUIRED_TEXT,
                        _objector_playbook_check_host_name, NULL, &result->allowed_hosts, error) ||
      !check_url (object, path, "form_url", TRUE,
                  result->allowed_hosts, &result->form_url, error) ||
      !check_url (object, path, "alternative_form_url", FALSE,
                  result->allowed_hosts, &result->alternative_form_url, error) ||
      !check_url (object, path, "overview_url", TRUE,
                  result->allowed_hosts, &result->overview_url, error) ||
      !load_forms (loader, object, path, result, error) ||
      !objector_json_get_text_list (object, path, "steps", PLAYBOOK_REQUIRED_TEXT, loader->languages, &result->steps, error) ||
      !objector_json_foreach_object (object, path, "app_routes", OBJECTOR_JSON_REQUIRED,
                                     load_app_route, &app_routes, error) ||
      !objector_json_foreach_object (object, path, "fields", OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY,
                                     load_field, &fields, error))
    return FALSE;

  if (!objector_json_get_object (object, path, "reasons", OBJECTOR_JSON_REQUIRED, &reasons, error) ||
      !objector_json_get_text (reasons, reasons_path, "short", PLAYBOOK_REQUIRED_TEXT, loader->languages, 0, &result->reason_short, error) ||
      !objector_json_get_text (reasons, reasons_path, "full", PLAYBOOK_REQUIRED_TEXT, loader->languages, REASON_MIN_CHARS,
                 &result->reason_full, error))
    return FALSE;

  if (!objector_json_get_boolean (object, path, "code_step", OBJECTOR_JSON_REQUIRED, &result->has_code_step, error))
    return FALSE;

  result->answer_months = self->answer_months;
  result->extension_months = self->extension_months;
  if (!objector_json_get_object (object, path, "deadline", OBJECTOR_JSON_OPTIONAL, &deadline, error))
    return FALSE;
  if (deadline != NULL &&
      (!_objector_playbook_get_months (deadline, deadline_path, "answer_months", FALSE,
                    &result->answer_months, error) ||
       !_objector_playbook_get_months (deadline, deadline_path, "extension_months", FALSE,
                    &result->extension_months, error)))
    return FALSE;

  g_list_store_append (self->paths, result);
  return TRUE;
}

gboolean
_objector_playbook_load_paths (ObjectorPlaybookLoader  *loader,
                               JsonObject              *root,
                               GError                 **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  PathList paths = { loader, NULL, seen };

  return objector_json_foreach_object (root, NULL, "paths", OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY,
                                       load_path, &paths, error);
}

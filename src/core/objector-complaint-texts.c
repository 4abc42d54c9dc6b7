/* objector-complaint-texts.c — the bundled texts complaints are written in, and their checks
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "objector-complaint-private.h"
#include "objector-country.h"
#include "objector-error.h"
#include "objector-json.h"
#include "objector-resources.h"

/* Larger input is refused before it is parsed: the real file is 30 kB. */
#define MAX_SIZE (1024 * 1024)

/* Every text a language must have. */
static const char * const required_texts[] = {
  "subject", "greeting", "intro_rejected", "intro_no_answer",
  "facts_heading", "complainant", "complainant_region", "controller",
  "account", "account_unnamed", "no_account", "prepared", "submitted", "submitted_no_form",
  "reason", "receipt", "due", "due_extended", "answer_rejected", "answer_none",
  "timeline_heading", "timeline_entry", "timeline_note", "emails_heading", "email_entry",
  "request_heading", "request_intro", "request_examine", "request_order", "request_inform",
  "attachments_heading", "attachment_summary", "attachment_email",
  "closing", "fill_in_name",
  "people_title", "people_text", "people_text_no_account", "people_forms_fallback",
  NULL
};

static const char * const law_names[] = { "gdpr", "uk-gdpr", "ch-fadp", NULL };
static const char * const law_texts[] = { "complaint", "objection", "deadline", "order", "progress", NULL };
static const char * const platform_names[] = { "facebook", "instagram", NULL };

/* What "{…}" in a text may name; anything else is a typo caught at load. */
static const char * const placeholders[] = {
  "account", "answer_date", "complaint_article", "controller", "controller_address",
  "country", "created", "date", "deadline_article", "due", "email", "event", "form_url",
  "forms", "from", "note", "objection_article", "order_article", "platform",
  "progress_article", "reason", "receipt_date", "region", "subject", "submitted", "today",
  NULL
};

static const char * const date_placeholders[] = { "day", "month", "year", NULL };

struct _ObjectorComplaintTexts
{
  GObject     parent_instance;

  JsonNode   *root;
  JsonObject *languages;   /* borrowed from root */
  char      **language_ids;
  char       *controller;
  char       *controller_address;
};

G_DEFINE_FINAL_TYPE (ObjectorComplaintTexts, objector_complaint_texts, G_TYPE_OBJECT)

static void
objector_complaint_texts_finalize (GObject *object)
{
  ObjectorComplaintTexts *self = OBJECTOR_COMPLAINT_TEXTS (object);

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->language_ids, g_strfreev);
  g_clear_pointer (&self->controller, g_free);
  g_clear_pointer (&self->controller_address, g_free);

  G_OBJECT_CLASS (objector_complaint_texts_parent_class)->finalize (object);
}

static void
objector_complaint_texts_class_init (ObjectorComplaintTextsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = objector_complaint_texts_finalize;
}

static void
objector_complaint_texts_init (ObjectorComplaintTexts *self)
{
}

/* Validation: every fault names its JSON path. */

static gboolean
is_name_char (char c)
{
  return g_ascii_islower (c) || c == '_';
}

/* Checks that every "{name}" in @text is one of @allowed. */
static gboolean
check_placeholders (const char         *text,
                    const char * const *allowed,
                    const char         *path,
                    GError            **error)
{
  for (const char *p = strchr (text, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *end = p + 1;
      g_autofree char *name = NULL;

      while (is_name_char (*end))
        end++;
      if (*end != '}' || end == p + 1)
        continue;

      name = g_strndup (p + 1, end - p - 1);
      if (!g_strv_contains (allowed, name))
        return objector_json_fail (error, path, _("unknown placeholder “{%s}”"), name);
    }

  return TRUE;
}

/* A non-empty text whose placeholders are all in @allowed; an optional
 * one (@flags without OBJECTOR_JSON_REQUIRED) may be absent. */
static gboolean
get_text (JsonObject          *object,
          const char          *parent,
          const char          *key,
          ObjectorJsonFlags    flags,
          const char * const  *allowed,
          const char         **out,
          GError             **error)
{
  g_autofree char *path = objector_json_member_path (parent, key);
  const char *text;

  if (!objector_json_get_string (object, parent, key, flags | OBJECTOR_JSON_NON_EMPTY, &text, error)
      || (text != NULL && !check_placeholders (text, allowed, path, error)))
    return FALSE;

  if (out != NULL)
    *out = text;
  return TRUE;
}

static const char * const no_placeholders[] = { NULL };

/* The object @key of @parent, holding a text for each of @keys, and maybe
 * one for @optional (nullable), with the placeholders in @allowed. */
static gboolean
check_texts (JsonObject          *parent,
             const char          *path,
             const char          *key,
             const char * const  *keys,
             const char          *optional,
             const char * const  *allowed,
             JsonObject         **out,
             GError             **error)
{
  g_autofree char *child = objector_json_member_path (path, key);
  JsonObject *object;

  if (!objector_json_get_object (parent, path, key, OBJECTOR_JSON_REQUIRED, &object, error))
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    if (!get_text (object, child, keys[i], OBJECTOR_JSON_REQUIRED, allowed, NULL, error))
      return FALSE;
  if (optional != NULL
      && !get_text (object, child, optional, OBJECTOR_JSON_OPTIONAL, allowed, NULL, error))
    return FALSE;

  if (out != NULL)
    *out = object;
  return TRUE;
}

static gboolean
check_country_names (JsonObject  *language,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *child = objector_json_member_path (path, "countries");
  g_autoptr(GList) codes = NULL;
  JsonObject *countries;

  if (!objector_json_get_object (language, path, "countries", OBJECTOR_JSON_REQUIRED, &countries, error))
    return FALSE;

  codes = json_object_get_members (countries);
  for (const GList *l = codes; l != NULL; l = l->next)
    {
      if (!objector_country_code_is_valid (l->data))
        return objector_json_fail (error, child, _("“%s” is not a country code"), (const char *) l->data);
      if (!get_text (countries, child, l->data, OBJECTOR_JSON_REQUIRED, no_placeholders, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_language (JsonObject  *language,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *laws_path = objector_json_member_path (path, "laws");
  const char *events[OBJECTOR_N_EVENTS + 1] = { NULL };
  g_auto(GStrv) months = NULL;
  JsonObject *laws;

  for (ObjectorEvent e = 0; e < OBJECTOR_N_EVENTS; e++)
    events[e] = objector_event_to_string (e);

  if (!get_text (language, path, "date", OBJECTOR_JSON_REQUIRED, date_placeholders, NULL, error)
      || !get_text (language, path, "first_day", OBJECTOR_JSON_OPTIONAL, no_placeholders, NULL, error)
      || !objector_json_get_strv (language, path, "months", OBJECTOR_JSON_REQUIRED, NULL, NULL, &months, error))
    return FALSE;
  if (g_strv_length (months) != 12)
    return objector_json_fail_member (error, path, "months", _("expected a list of the twelve month names"));

  if (!check_country_names (language, path, error)
      || !check_texts (language, path, "platforms", platform_names, NULL, no_placeholders, NULL, error)
      || !check_texts (language, path, "events", events, NULL, no_placeholders, NULL, error)
      || !objector_json_get_object (language, path, "laws", OBJECTOR_JSON_REQUIRED, &laws, error))
    return FALSE;
  for (guint i = 0; law_names[i] != NULL; i++)
    if (!check_texts (laws, laws_path, law_names[i], law_texts, "lead_note", no_placeholders, NULL, error))
      return FALSE;

  return check_texts (language, path, "texts", required_texts, NULL, placeholders, NULL, error);
}

static int
compare_languages (gconstpointer a,
                   gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;

  /* English first: it is the fallback. */
  if (g_str_equal (x, "en") != g_str_equal (y, "en"))
    return g_str_equal (x, "en") ? -1 : 1;
  return strcmp (x, y);
}

ObjectorComplaintTexts *
objector_complaint_texts_new_from_bytes (GBytes  *bytes,
                                         GError **error)
{
  g_autoptr(ObjectorComplaintTexts) self = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  static const char * const controller_texts[] = { "name", "address", NULL };
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  JsonObject *root;
  JsonObject *controller;
  gint64 format = 0;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!(root = objector_json_parse_object (parser, bytes, MAX_SIZE, error)))
    return NULL;

  if (!objector_json_get_int (root, NULL, "format", OBJECTOR_JSON_REQUIRED, G_MININT64, G_MAXINT64, &format, NULL)
      || format != OBJECTOR_COMPLAINT_TEXTS_FORMAT)
    {
      objector_json_fail (error, "format", _("missing, or not a format this version reads (%d)"),
            OBJECTOR_COMPLAINT_TEXTS_FORMAT);
      return NULL;
    }

  self = g_object_new (OBJECTOR_TYPE_COMPLAINT_TEXTS, NULL);
  self->root = json_node_ref (json_parser_get_root (parser));

  if (!check_texts (root, NULL, "controller", controller_texts, NULL, no_placeholders, &controller, error))
    return NULL;
  self->controller = g_strdup (objector_json_lookup_string (controller, "name"));
  self->controller_address = g_strdup (objector_json_lookup_string (controller, "address"));

  if (!objector_json_get_object (root, NULL, "languages", OBJECTOR_JSON_REQUIRED, &self->languages, error))
    return NULL;

  members = json_object_get_members (self->languages);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *path = objector_json_member_path ("languages", l->data);
      JsonObject *language;

      if (!objector_json_is_language_code (l->data))
        {
          objector_json_fail (error, path, _("not a language code (like “de”)"));
          return NULL;
        }
      if (!objector_json_read_object (json_object_get_member (self->languages, l->data), path, &language, error)
          || !validate_language (language, path, error))
        return NULL;
      g_ptr_array_add (ids, g_strdup (l->data));
    }

  if (!json_object_has_member (self->languages, "en"))
    {
      objector_json_fail (error, "languages.en", _("missing: English is the fallback"));
      return NULL;
    }

  g_ptr_array_sort (ids, compare_languages);
  g_ptr_array_add (ids, NULL);
  self->language_ids = (char **) g_ptr_array_steal (ids, NULL);

  return g_steal_pointer (&self);
}

ObjectorComplaintTexts *
objector_complaint_texts_load (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  ObjectorComplaintTexts *self;

  /* Pulls the resource object out of the static library, which registers it. */
  (void) objector_get_resource ();

  bytes = g_resources_lookup_data (OBJECTOR_COMPLAINT_TEXTS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  self = objector_complaint_texts_new_from_bytes (bytes, error);
  if (self == NULL)
    g_prefix_error (error, "“%s”: ", OBJECTOR_COMPLAINT_TEXTS_RESOURCE);
  return self;
}

const char * const *
objector_complaint_texts_get_languages (ObjectorComplaintTexts *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT_TEXTS (self), NULL);
  return (const char * const *) self->language_ids;
}

gboolean
objector_complaint_texts_has_language (ObjectorComplaintTexts *self,
                                       const char             *language)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT_TEXTS (self), FALSE);
  return language != NULL && g_strv_contains ((const char * const *) self->language_ids, language);
}

/* "de_AT.UTF-8@euro" → "de", if there are texts in it. */
static const char *
match_language (ObjectorComplaintTexts *self,
                const char             *name)
{
  g_autofree char *full = NULL;
  g_autofree char *base = NULL;

  if (name == NULL)
    return NULL;
  /* "pt_BR.UTF-8" → "pt_BR" exactly, else the language alone, else the
   * same language of another territory ("pt" → "pt_BR"). */
  full = g_strndup (name, strcspn (name, ".@"));
  base = g_strndup (name, strcspn (name, "_.@"));
  for (guint i = 0; self->language_ids[i] != NULL; i++)
    if (g_str_equal (self->language_ids[i], full))
      return self->language_ids[i];
  for (guint i = 0; self->language_ids[i] != NULL; i++)
    if (g_str_equal (self->language_ids[i], base))
      return self->language_ids[i];
  for (guint i = 0; self->language_ids[i] != NULL; i++)
    if (g_str_has_prefix (self->language_ids[i], base) && self->language_ids[i][strlen (base)] == '_')
      return self->language_ids[i];
  return NULL;
}

static const char *
user_language (ObjectorComplaintTexts *self,
               const char             *language)
{
  const char * const *names;
  const char *match;

  if ((match = match_language (self, language)) != NULL)
    return match;

  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    if ((match = match_language (self, names[i])) != NULL)
      return match;

  return "en";
}

const char *
objector_complaint_texts_resolve_language (ObjectorComplaintTexts *self,
                                           const char             *language)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT_TEXTS (self), NULL);
  return match_language (self, language);
}

const char *
_objector_complaint_texts_get_controller (ObjectorComplaintTexts *self)
{
  return self->controller;
}

const char *
_objector_complaint_texts_get_controller_address (ObjectorComplaintTexts *self)
{
  return self->controller_address;
}

/* The texts of one language */

void
_objector_complaint_lang_init (ObjectorComplaintLang  *lang,
                               ObjectorComplaintTexts *texts,
                               const char             *language,
                               const char             *law)
{
  lang->block = json_object_get_object_member (texts->languages, language);
  lang->texts = json_object_get_object_member (lang->block, "texts");
  lang->law = law != NULL
              ? json_object_get_object_member (json_object_get_object_member (lang->block, "laws"), law)
              : NULL;
}

const char *
_objector_complaint_lang_text (ObjectorComplaintLang *lang,
                               const char            *key)
{
  return json_object_get_string_member (lang->texts, key);
}

const char *
_objector_complaint_lang_law_text (ObjectorComplaintLang *lang,
                                   const char            *key)
{
  return objector_json_lookup_string (lang->law, key);
}

/* The text @key of the map @member ("countries", "events", "platforms"). */
static const char *
lookup (ObjectorComplaintLang *lang,
        const char            *member,
        const char            *key)
{
  if (key == NULL)
    return NULL;
  return objector_json_lookup_string (objector_json_lookup_object (lang->block, member), key);
}

const char *
_objector_complaint_lang_country (ObjectorComplaintLang *lang,
                                  const char            *code)
{
  return lookup (lang, "countries", code);
}

const char *
_objector_complaint_lang_event (ObjectorComplaintLang *lang,
                                ObjectorEvent          event)
{
  return lookup (lang, "events", objector_event_to_string (event));
}

const char *
_objector_complaint_lang_platform (ObjectorComplaintLang *lang,
                                   const char            *platform)
{
  const char *label = lookup (lang, "platforms", platform);

  return label != NULL ? label : platform;
}

char *
_objector_complaint_lang_expand (ObjectorComplaintLang *lang,
                                 const char            *key,
                                 GHashTable            *vars)
{
  return _objector_complaint_expand (_objector_complaint_lang_text (lang, key), vars);
}

/* A date in the complaint's language, where the person lives: "5. März 2026". */
char *
_objector_complaint_lang_format_date (ObjectorComplaintLang *lang,
                                      GDateTime             *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GHashTable) vars = _objector_complaint_vars_new ();
  JsonArray *months = json_object_get_array_member (lang->block, "months");
  int day = g_date_time_get_day_of_month (local);

  if (day == 1 && objector_json_lookup_string (lang->block, "first_day") != NULL)
    _objector_complaint_vars_set (vars, "day", objector_json_lookup_string (lang->block, "first_day"));
  else
    _objector_complaint_vars_take (vars, "day", g_strdup_printf ("%d", day));
  _objector_complaint_vars_set (vars, "month", json_array_get_string_element (months, g_date_time_get_month (local) - 1));
  _objector_complaint_vars_take (vars, "year", g_strdup_printf ("%d", g_date_time_get_year (local)));

  return _objector_complaint_expand (json_object_get_string_member (lang->block, "date"), vars);
}

/* Placeholders */

GHashTable *
_objector_complaint_vars_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

void
_objector_complaint_vars_set (GHashTable *vars,
                              const char *name,
                              const char *value)
{
  g_hash_table_replace (vars, (gpointer) name, g_strdup (value != NULL ? value : ""));
}

void
_objector_complaint_vars_take (GHashTable *vars,
                               const char *name,
                               char       *value)
{
  g_hash_table_replace (vars, (gpointer) name, value != NULL ? value : g_strdup (""));
}

char *
_objector_complaint_expand (const char *template,
                            GHashTable *vars)
{
  GString *out = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *end;
      g_autofree char *name = NULL;
      const char *value;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);
      end = open + 1;
      while (is_name_char (*end))
        end++;

      if (*end == '}' && end > open + 1)
        {
          name = g_strndup (open + 1, end - open - 1);
          value = g_hash_table_lookup (vars, name);
          if (value != NULL)
            {
              g_string_append (out, value);
              p = end + 1;
              continue;
            }
        }

      g_string_append_c (out, '{');
      p = open + 1;
    }

  return g_string_free (out, FALSE);
}

char *
objector_complaint_texts_dup_people_message (ObjectorComplaintTexts  *self,
                                             ObjectorPlaybook        *playbook,
                                             const char              *language,
                                             gboolean                 has_account,
                                             char                   **title)
{
  g_autoptr(GHashTable) vars = _objector_complaint_vars_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *forms = g_string_new (NULL);
  ObjectorComplaintLang lang;

  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT_TEXTS (self), NULL);
  g_return_val_if_fail (playbook == NULL || OBJECTOR_IS_PLAYBOOK (playbook), NULL);

  _objector_complaint_lang_init (&lang, self, user_language (self, language), NULL);

  /* One form per platform: the objection paths, which the friends need. */
  if (playbook != NULL)
    {
      GListModel *paths = objector_playbook_get_paths (playbook);

      for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
        {
          g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
          const char *platform = objector_path_get_platform (path);

          if (objector_path_get_kind (path) != OBJECTOR_PATH_KIND_OBJECTION
              || g_hash_table_contains (seen, platform))
            continue;
          g_hash_table_add (seen, (gpointer) platform);
          g_string_append_printf (forms, "%s%s: %s", forms->len > 0 ? "\n" : "",
                                  _objector_complaint_lang_platform (&lang, platform),
                                  objector_path_get_form_url (path));
        }
    }

  if (forms->len == 0)
    g_string_append (forms, _objector_complaint_lang_text (&lang, "people_forms_fallback"));

  _objector_complaint_vars_take (vars, "forms", g_string_free (forms, FALSE));

  if (title != NULL)
    *title = g_strdup (_objector_complaint_lang_text (&lang, "people_title"));
  /* "Even though I have objected for my own accounts" only from someone who has one. */
  return _objector_complaint_expand (_objector_complaint_lang_text (&lang, has_account ? "people_text"
                                                                                     : "people_text_no_account"),
                                     vars);
}

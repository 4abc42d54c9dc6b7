/* objector-complaint.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "objector-clock.h"
#include "objector-complaint.h"
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
  "people_title", "people_text", "people_forms_fallback",
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

/* Texts of one language; validated at load, so members are there. */
typedef struct
{
  JsonObject *block;
  JsonObject *texts;
  JsonObject *law;
} Lang;

static void
lang_init (Lang                   *lang,
           ObjectorComplaintTexts *self,
           const char             *language,
           const char             *law)
{
  lang->block = json_object_get_object_member (self->languages, language);
  lang->texts = json_object_get_object_member (lang->block, "texts");
  lang->law = law != NULL
              ? json_object_get_object_member (json_object_get_object_member (lang->block, "laws"), law)
              : NULL;
}

static const char *
text (Lang       *lang,
      const char *key)
{
  return json_object_get_string_member (lang->texts, key);
}

static const char *
lookup (JsonObject *object,
        const char *member,
        const char *key)
{
  JsonObject *map = json_object_get_object_member (object, member);
  JsonNode *node;

  if (key == NULL)
    return NULL;
  node = json_object_get_member (map, key);
  return node != NULL ? json_node_get_string (node) : NULL;
}

/* Fills "{name}" from @vars in one pass: what a value holds (a reason with
 * braces in it) is never expanded again. Unknown names stay as they are. */
static char *
expand (const char *template,
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

static void
set_var (GHashTable *vars,
         const char *name,
         const char *value)
{
  g_hash_table_replace (vars, (gpointer) name, g_strdup (value != NULL ? value : ""));
}

static void
take_var (GHashTable *vars,
          const char *name,
          char       *value)
{
  g_hash_table_replace (vars, (gpointer) name, value != NULL ? value : g_strdup (""));
}

static GHashTable *
new_vars (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
}

static const char *
platform_label (Lang       *lang,
                const char *platform)
{
  const char *label = lookup (lang->block, "platforms", platform);

  return label != NULL ? label : platform;
}

char *
objector_complaint_texts_dup_people_message (ObjectorComplaintTexts  *self,
                                             ObjectorPlaybook        *playbook,
                                             const char              *language,
                                             char                   **title)
{
  g_autoptr(GHashTable) vars = new_vars ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *forms = g_string_new (NULL);
  Lang lang;

  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT_TEXTS (self), NULL);
  g_return_val_if_fail (playbook == NULL || OBJECTOR_IS_PLAYBOOK (playbook), NULL);

  lang_init (&lang, self, user_language (self, language), NULL);

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
                                  platform_label (&lang, platform),
                                  objector_path_get_form_url (path));
        }
    }

  if (forms->len == 0)
    g_string_append (forms, text (&lang, "people_forms_fallback"));

  take_var (vars, "forms", g_string_free (forms, FALSE));

  if (title != NULL)
    *title = g_strdup (text (&lang, "people_title"));
  return expand (text (&lang, "people_text"), vars);
}

/* Grounds */

static char *
format_local_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a due date, as in “21 December 2026”; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y"));
}

gboolean
objector_complaint_check_grounds (ObjectorObjection  *objection,
                                  GDateTime          *now,
                                  GError            **error)
{
  ObjectorState state;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), FALSE);

  state = objector_objection_get_state (objection);
  switch (state)
    {
    case OBJECTOR_STATE_REJECTED:
    case OBJECTOR_STATE_ESCALATED:
      return TRUE;

    case OBJECTOR_STATE_SUBMITTED:
    case OBJECTOR_STATE_CONFIRMED:
    case OBJECTOR_STATE_ACKNOWLEDGED:
      {
        g_autoptr(GDate) due = NULL;
        g_autoptr(GTimeZone) zone = NULL;
        g_autoptr(GDateTime) due_time = NULL;
        g_autofree char *due_text = NULL;

        if (objector_objection_is_overdue (objection, now))
          return TRUE;

        due = objector_objection_dup_due_date (objection);
        if (due == NULL)
          break;
        zone = g_time_zone_new_local ();
        due_time = g_date_time_new (zone, g_date_get_year (due), g_date_get_month (due),
                                    g_date_get_day (due), 12, 0, 0);
        due_text = format_local_day (due_time);
        g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS,
                     _("Meta still has until %s to answer this objection. If it refuses, or "
                       "has not answered by then, you can complain to your data-protection authority."),
                     due_text);
        return FALSE;
      }

    case OBJECTOR_STATE_APPROVED:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS,
                   _("Meta accepted this objection, so there is no refusal to complain about"));
      return FALSE;

    case OBJECTOR_STATE_WITHDRAWN:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS,
                   _("You withdrew this objection, so there is nothing to complain about"));
      return FALSE;

    case OBJECTOR_STATE_DRAFT:
    case OBJECTOR_STATE_READY:
    case OBJECTOR_STATE_FORM_OPENED:
    default:
      break;
    }

  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS,
               _("This objection has not been sent to Meta yet. Send it first: if Meta refuses it, "
                 "or leaves it unanswered for a month, you can complain."));
  return FALSE;
}

/* The complaint */

struct _ObjectorComplaint
{
  GObject            parent_instance;

  ObjectorAuthority *authority;
  char              *language;
  char              *subject;
  char              *text;
  char             **attachments;
};

G_DEFINE_FINAL_TYPE (ObjectorComplaint, objector_complaint, G_TYPE_OBJECT)

static void
objector_complaint_dispose (GObject *object)
{
  ObjectorComplaint *self = OBJECTOR_COMPLAINT (object);

  g_clear_object (&self->authority);

  G_OBJECT_CLASS (objector_complaint_parent_class)->dispose (object);
}

static void
objector_complaint_finalize (GObject *object)
{
  ObjectorComplaint *self = OBJECTOR_COMPLAINT (object);

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->attachments, g_strfreev);

  G_OBJECT_CLASS (objector_complaint_parent_class)->finalize (object);
}

static void
objector_complaint_class_init (ObjectorComplaintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = objector_complaint_dispose;
  object_class->finalize = objector_complaint_finalize;
}

static void
objector_complaint_init (ObjectorComplaint *self)
{
}

ObjectorAuthority *
objector_complaint_get_authority (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return self->authority;
}

const char *
objector_complaint_get_language (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return self->language;
}

const char *
objector_complaint_get_subject (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return self->subject;
}

const char *
objector_complaint_get_text (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return self->text;
}

const char * const *
objector_complaint_get_attachments (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return (const char * const *) self->attachments;
}

/* A date in the complaint's language, where the person lives: "5. März 2026". */
static char *
format_date_in (Lang      *lang,
                GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GHashTable) vars = new_vars ();
  JsonArray *months = json_object_get_array_member (lang->block, "months");
  int day = g_date_time_get_day_of_month (local);

  if (day == 1 && objector_json_lookup_string (lang->block, "first_day") != NULL)
    set_var (vars, "day", objector_json_lookup_string (lang->block, "first_day"));
  else
    take_var (vars, "day", g_strdup_printf ("%d", day));
  set_var (vars, "month", json_array_get_string_element (months, g_date_time_get_month (local) - 1));
  take_var (vars, "year", g_strdup_printf ("%d", g_date_time_get_year (local)));

  return expand (json_object_get_string_member (lang->block, "date"), vars);
}

static char *
format_gdate_in (Lang        *lang,
                 const GDate *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) noon = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                                               g_date_get_day (date), 12, 0, 0);

  return format_date_in (lang, noon);
}

/* An email's date as logged ("2026-03-02T08:00:00Z"), or as it came. */
static char *
format_email_date_in (Lang       *lang,
                      const char *text_date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (text_date == NULL || *text_date == '\0')
    return g_strdup ("?");
  time = g_date_time_new_from_iso8601 (text_date, utc);
  return time != NULL ? format_date_in (lang, time) : g_strdup (text_date);
}

/* The latest step of @event still in effect: the history replayed with
 * every undo taking back the latest step still standing. */
static ObjectorTransition *
latest_effective (ObjectorObjection *objection,
                  ObjectorEvent      event)
{
  GPtrArray *history = objector_objection_get_history (objection);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  for (guint i = 0; i < history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (history, i);

      if (t->event == OBJECTOR_EVENT_UNDO)
        {
          if (stack->len > 0)
            g_ptr_array_set_size (stack, stack->len - 1);
        }
      else
        g_ptr_array_add (stack, t);
    }

  for (guint i = stack->len; i > 0; i--)
    {
      ObjectorTransition *t = g_ptr_array_index (stack, i - 1);

      if (t->event == event)
        return t;
    }

  return NULL;
}

static void
append_paragraph (GString    *out,
                  const char *paragraph)
{
  if (out->len > 0)
    g_string_append (out, "\n\n");
  g_string_append (out, paragraph);
}

static void
append_item (GString    *out,
             const char *item)
{
  g_string_append_printf (out, "\n- %s", item);
}

static void
append_expanded_item (GString    *out,
                      Lang       *lang,
                      const char *key,
                      GHashTable *vars)
{
  g_autofree char *line = expand (text (lang, key), vars);

  append_item (out, line);
}

ObjectorComplaint *
objector_complaint_new (ObjectorComplaintTexts  *texts,
                        ObjectorObjection       *objection,
                        ObjectorAuthority       *authority,
                        ObjectorPath            *path,
                        const char              *region,
                        const char              *language,
                        GDateTime               *now,
                        GError                 **error)
{
  g_autoptr(ObjectorComplaint) self = NULL;
  g_autoptr(GHashTable) vars = new_vars ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDate) due = NULL;
  g_autoptr(GStrvBuilder) attachments = g_strv_builder_new ();
  g_autofree char *intro = NULL;
  g_autofree char *line = NULL;
  GString *out;
  ObjectorTransition *rejection;
  ObjectorTransition *receipt;
  GPtrArray *history;
  GPtrArray *emails;
  const char *platform;
  const char *account;
  const char *country;
  const char *email;
  const char *reason;
  const char *law;
  Lang lang;

  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT_TEXTS (texts), NULL);
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), NULL);
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (authority), NULL);
  g_return_val_if_fail (path == NULL || OBJECTOR_IS_PATH (path), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (language != NULL && !objector_complaint_texts_has_language (texts, language))
    {
      g_autofree char *known = g_strjoinv (", ", texts->language_ids);

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("There is no complaint text in “%s”; the languages are: %s"), language, known);
      return NULL;
    }

  when = now != NULL ? g_date_time_ref (now) : objector_clock_now ();
  if (!objector_complaint_check_grounds (objection, when, error))
    return NULL;

  if (language == NULL)
    language = objector_complaint_texts_has_language (texts, objector_authority_get_complaint_language (authority))
               ? objector_authority_get_complaint_language (authority) : "en";

  law = objector_authority_get_law (authority);
  lang_init (&lang, texts, language, law);

  self = g_object_new (OBJECTOR_TYPE_COMPLAINT, NULL);
  self->authority = g_object_ref (authority);
  self->language = g_strdup (language);

  platform = objector_objection_get_platform (objection);
  account = objector_objection_get_account (objection);
  country = objector_objection_get_country (objection);
  email = objector_objection_get_email (objection);
  reason = objector_objection_get_reason (objection);
  due = objector_objection_dup_due_date (objection);
  rejection = latest_effective (objection, OBJECTOR_EVENT_LOG_REJECTION);
  receipt = latest_effective (objection, OBJECTOR_EVENT_LOG_RECEIPT);

  set_var (vars, "controller", texts->controller);
  set_var (vars, "controller_address", texts->controller_address);
  set_var (vars, "complaint_article", json_object_get_string_member (lang.law, "complaint"));
  set_var (vars, "objection_article", json_object_get_string_member (lang.law, "objection"));
  set_var (vars, "deadline_article", json_object_get_string_member (lang.law, "deadline"));
  set_var (vars, "order_article", json_object_get_string_member (lang.law, "order"));
  set_var (vars, "progress_article", json_object_get_string_member (lang.law, "progress"));
  set_var (vars, "email", email != NULL && *email != '\0' ? email : "?");
  set_var (vars, "country", lookup (lang.block, "countries", country) != NULL
                            ? lookup (lang.block, "countries", country) : country);
  set_var (vars, "region", region);
  set_var (vars, "platform", platform_label (&lang, platform));
  set_var (vars, "account", account);
  set_var (vars, "reason", reason);
  set_var (vars, "form_url", path != NULL ? objector_path_get_form_url (path) : NULL);
  take_var (vars, "created", format_date_in (&lang, objector_objection_get_created (objection)));
  take_var (vars, "today", format_date_in (&lang, when));
  if (objector_objection_get_submitted (objection) != NULL)
    take_var (vars, "submitted", format_date_in (&lang, objector_objection_get_submitted (objection)));
  if (due != NULL)
    take_var (vars, "due", format_gdate_in (&lang, due));
  if (rejection != NULL)
    take_var (vars, "answer_date", format_date_in (&lang, rejection->time));
  if (receipt != NULL)
    take_var (vars, "receipt_date", format_date_in (&lang, receipt->time));

  self->subject = expand (text (&lang, "subject"), vars);

  out = g_string_new (objector_authority_get_name (authority));
  g_string_append_printf (out, "\n%s", objector_authority_get_address (authority));
  append_paragraph (out, self->subject);
  append_paragraph (out, text (&lang, "greeting"));

  /* Rejected, or escalated after a rejection: Meta's refusal is the
   * grievance. Otherwise its silence past the deadline. */
  intro = expand (text (&lang, rejection != NULL ? "intro_rejected" : "intro_no_answer"), vars);
  append_paragraph (out, intro);

  /* 1. Facts */
  append_paragraph (out, text (&lang, "facts_heading"));
  append_expanded_item (out, &lang, region != NULL && *region != '\0' ? "complainant_region" : "complainant", vars);
  append_expanded_item (out, &lang, "controller", vars);
  if (g_strcmp0 (platform, "facebook") != 0 && g_strcmp0 (platform, "instagram") != 0)
    append_expanded_item (out, &lang, "no_account", vars);
  else if (account != NULL && *account != '\0')
    append_expanded_item (out, &lang, "account", vars);
  else
    append_expanded_item (out, &lang, "account_unnamed", vars);
  append_expanded_item (out, &lang, "prepared", vars);
  if (objector_objection_get_submitted (objection) != NULL)
    append_expanded_item (out, &lang, path != NULL ? "submitted" : "submitted_no_form", vars);
  if (reason != NULL && *reason != '\0')
    append_expanded_item (out, &lang, "reason", vars);
  if (receipt != NULL)
    append_expanded_item (out, &lang, "receipt", vars);
  if (due != NULL)
    append_expanded_item (out, &lang, objector_objection_get_extended (objection) ? "due_extended" : "due", vars);
  append_expanded_item (out, &lang, rejection != NULL ? "answer_rejected" : "answer_none", vars);

  /* 2. Timeline: every step, undone ones too, as the person recorded it. */
  append_paragraph (out, text (&lang, "timeline_heading"));
  history = objector_objection_get_history (objection);
  for (guint i = 0; i < history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (history, i);
      g_autoptr(GHashTable) entry = new_vars ();

      take_var (entry, "date", format_date_in (&lang, t->time));
      set_var (entry, "event", lookup (lang.block, "events", objector_event_to_string (t->event)));
      set_var (entry, "note", t->note);
      g_free (line);
      line = expand (text (&lang, t->note != NULL ? "timeline_note" : "timeline_entry"), entry);
      append_item (out, line);
    }

  g_strv_builder_add (attachments, text (&lang, "attachment_summary"));

  emails = objector_objection_get_emails (objection);
  if (emails->len > 0)
    {
      append_paragraph (out, text (&lang, "emails_heading"));
    }
  for (guint i = 0; i < emails->len; i++)
    {
      ObjectorEmailRecord *logged = g_ptr_array_index (emails, i);
      g_autoptr(GHashTable) entry = new_vars ();
      const char *subject = objector_email_record_get_subject (logged);
      const char *from = objector_email_record_get_from (logged);

      if (objector_email_record_is_damaged (logged))
        continue;

      take_var (entry, "date", format_email_date_in (&lang, objector_email_record_get_date_text (logged)));
      set_var (entry, "subject", subject != NULL ? subject : "");
      set_var (entry, "from", from != NULL ? from : "?");
      g_free (line);
      line = expand (text (&lang, "email_entry"), entry);
      append_item (out, line);

      g_free (line);
      line = expand (text (&lang, "attachment_email"), entry);
      g_strv_builder_add (attachments, line);
    }

  /* 3. Requests */
  append_paragraph (out, text (&lang, "request_heading"));
  append_paragraph (out, text (&lang, "request_intro"));
  append_expanded_item (out, &lang, "request_examine", vars);
  append_expanded_item (out, &lang, "request_order", vars);
  append_expanded_item (out, &lang, "request_inform", vars);

  /* Meta Platforms Ireland Limited's lead authority is the Irish one
   * (GDPR Art. 56); any other EU/EEA authority hands the case to it. */
  if (objector_json_lookup_string (lang.law, "lead_note") != NULL
      && !g_strv_contains (objector_authority_get_countries (authority), "IE"))
    append_paragraph (out, objector_json_lookup_string (lang.law, "lead_note"));

  append_paragraph (out, g_hash_table_lookup (vars, "today"));
  append_paragraph (out, text (&lang, "closing"));
  g_string_append_printf (out, "\n%s\n%s", text (&lang, "fill_in_name"),
                          (const char *) g_hash_table_lookup (vars, "email"));

  self->attachments = g_strv_builder_end (attachments);
  append_paragraph (out, text (&lang, "attachments_heading"));
  for (guint i = 0; self->attachments[i] != NULL; i++)
    append_item (out, self->attachments[i]);
  g_string_append (out, "\n");

  self->text = g_string_free (out, FALSE);
  return g_steal_pointer (&self);
}

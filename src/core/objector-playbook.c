/* objector-playbook.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "objector-error.h"
#include "objector-files.h"
#include "objector-json.h"
#include "objector-meta-domains.h"
#include "objector-path-private.h"
#include "objector-playbook.h"
#include "objector-playbook-trust.h"
#include "objector-resources.h"

/* The playbook format (format 1), as this file checks it:
 *
 *   format        1; anything else is refused before the rest is read
 *   version       positive integer, YYYYMMDDNN; a higher one replaces a lower
 *   updated       "YYYY-MM-DD"
 *   regions       {"eu": ["AT", …], …}: ids [a-z0-9-]+, ISO 3166-1 alpha-2 codes
 *   deadline      {"answer_months", "extension_months"}: 1 to 12 (GDPR Art. 12(3))
 *   mail          {"domains": [host, …],
 *                  "languages" (optional): {lang: {"markers", "negations", "breaks",
 *                             "conditionals", "regret", "topic", "quotes", "footers":
 *                             [phrase, …] (each optional; markers, breaks and
 *                             conditionals single words), "contractions": {"won't":
 *                             "will not", …} (optional)}, …},
 *                  "rules": [{"kind": code|receipt|approval|rejection|extension|other,
 *                             "subject": {lang: [phrase, …]}, "body": {…},
 *                             "negated": kind (optional), "weight": 1–3 (optional, 2),
 *                             "senders": [local part, …] (optional)}, …]}
 *                 A phrase is words; "word*" matches words that start so and "…"
 *                 (between two words) up to four other words.
 *   paths         [{"id", "platform": facebook|instagram|whatsapp|none,
 *                   "kind": objection|third-party, "regions": [id or "*", …],
 *                   "title", "summary": text,
 *                   "form_url", "alternative_form_url" (optional), "overview_url":
 *                     https URLs whose hosts are in "allowed_hosts" (lowercase hosts),
 *                   "forms" (optional): [{"url", "label": text, "last_checked":
 *                     "YYYY-MM-DD" (optional), "kind": form|page (optional, form)}, …],
 *                     where the form may be, in the order to try; the first is a
 *                     form and its url is form_url; no url twice,
 *                   "steps": [text, …],
 *                   "app_routes": [{"app": facebook|instagram, "steps": [text, …]}, …],
 *                   "fields": [{"id", "label": text, "hint": text (optional),
 *                               "fill": email|country|reason|name|account|none,
 *                               "required": bool}, …],
 *                   "reasons": {"short": text, "full": text of 100 characters or more},
 *                   "code_step": bool,
 *                   "deadline": {…} (optional, overrides the top level per key)}, …]
 *
 * A text is an English string or {"en": …, "de": …, "pt_BR": …} with "en"
 * required. Members that are absent or null are "missing"; unknown members
 * are ignored so that older versions can read newer playbooks. */

/* Meta's 2024 form reportedly refused shorter reasons. */
#define REASON_MIN_CHARS 100

#define MIN_MONTHS 1
#define MAX_MONTHS 12

struct _ObjectorPlaybook
{
  GObject      parent_instance;

  gint64       version;
  char        *origin;
  char        *updated;
  GListStore  *paths;
  GHashTable  *regions;       /* region id → char ** of country codes */
  char       **region_ids;    /* in playbook order */
  char       **mail_domains;
  GPtrArray   *mail_rules;    /* of ObjectorMailRule */
  GPtrArray   *mail_languages; /* of ObjectorMailLanguage */
  guint        answer_months;
  guint        extension_months;
};

G_DEFINE_FINAL_TYPE (ObjectorPlaybook, objector_playbook, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VERSION,
  PROP_ORIGIN,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What one load needs besides the playbook under construction. */
typedef struct
{
  ObjectorPlaybook   *playbook;
  const char * const *languages;
} Loader;

static void
mail_rule_free (ObjectorMailRule *rule)
{
  if (rule == NULL)
    return;

  g_strfreev (rule->subject);
  g_strfreev (rule->body);
  g_strfreev (rule->subject_languages);
  g_strfreev (rule->body_languages);
  g_strfreev (rule->senders);
  g_free (rule);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorMailRule, mail_rule_free)

static void
mail_language_free (ObjectorMailLanguage *language)
{
  if (language == NULL)
    return;

  g_free (language->code);
  g_strfreev (language->markers);
  g_strfreev (language->negations);
  g_strfreev (language->contractions);
  g_strfreev (language->breaks);
  g_strfreev (language->conditionals);
  g_strfreev (language->regret);
  g_strfreev (language->topic);
  g_strfreev (language->quotes);
  g_strfreev (language->footers);
  g_free (language);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorMailLanguage, mail_language_free)

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
  self->mail_rules = g_ptr_array_new_with_free_func ((GDestroyNotify) mail_rule_free);
  self->mail_languages = g_ptr_array_new_with_free_func ((GDestroyNotify) mail_language_free);
  self->answer_months = 1;
  self->extension_months = 2;
}

/* Every playbook text: never empty, no control characters. */
#define TEXT          (OBJECTOR_JSON_NON_EMPTY | OBJECTOR_JSON_NO_CONTROLS)
#define REQUIRED_TEXT (OBJECTOR_JSON_REQUIRED | TEXT)

/* Character classes of the small grammars the playbook uses. */

static gboolean
is_id (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;

  for (; *s != '\0'; s++)
    {
      if (!g_ascii_islower (*s) && !g_ascii_isdigit (*s) && *s != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_country_code (const char *s)
{
  return s != NULL &&
         g_ascii_isupper (s[0]) && g_ascii_isupper (s[1]) && s[2] == '\0';
}

/* Checks for objector_json_get_strv(). */

static gboolean
check_country_code (const char  *value,
                    const char  *path,
                    gpointer     user_data,
                    GError     **error)
{
  if (!is_country_code (value))
    return objector_json_fail (error, path,
                 _("“%s” is not a country code (two capital letters, like “DE”)"), value);

  return TRUE;
}

static gboolean
check_host_name (const char  *value,
                 const char  *path,
                 gpointer     user_data,
                 GError     **error)
{
  if (!objector_is_host_name (value))
    return objector_json_fail (error, path, _("“%s” is not a lowercase host name"), value);

  /* Whoever wrote the playbook, forms open and mail is trusted only where
   * the code itself says Meta is: a playbook narrows, never widens. */
  if (!objector_playbook_host_is_trusted (value))
    {
      g_autofree char *meta = g_strjoinv (", ", (char **) objector_meta_domain_suffixes ());

      return objector_json_fail (error, path, _("“%s” is not one of Meta’s domains (%s or their subdomains)"), value, meta);
    }

  return TRUE;
}

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

  if (!objector_json_get_string (object, path, key, required ? REQUIRED_TEXT : TEXT, &url, error))
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

  if (!objector_json_get_string (object, path, "id", REQUIRED_TEXT, out, error))
    return FALSE;

  if (!is_id (*out))
    return objector_json_fail (error, child, _("invalid id “%s” (use a-z, 0-9 and “-”)"), *out);

  if (!g_hash_table_add (seen, (gpointer) *out))
    return objector_json_fail (error, child, _("duplicate id “%s”"), *out);

  return TRUE;
}

/* @key is "platform", "app" or "fill"; @known is NULL-terminated. */
static gboolean
get_choice (JsonObject         *object,
            const char         *path,
            const char         *key,
            const char * const *known,
            const char        **out,
            GError            **error)
{
  g_autofree char *child = objector_json_member_path (path, key);
  g_autofree char *known_list = NULL;

  if (!objector_json_get_string (object, path, key, REQUIRED_TEXT, out, error))
    return FALSE;

  if (g_strv_contains (known, *out))
    return TRUE;

  known_list = g_strjoinv (", ", (char **) known);

  /* Translators: the first %s is a JSON key such as “platform”, the last a list
   * of the values it may have. */
  return objector_json_fail (error, child, _("unknown %s “%s” (known: %s)"), key, *out, known_list);
}

static gboolean
get_months (JsonObject  *object,
            const char  *path,
            const char  *key,
            gboolean     required,
            guint       *out,
            GError     **error)
{
  gint64 months = *out;

  if (!objector_json_get_int (object, path, key,
                              required ? OBJECTOR_JSON_REQUIRED : OBJECTOR_JSON_OPTIONAL,
                              MIN_MONTHS, MAX_MONTHS, &months, error))
    return FALSE;

  *out = (guint) months;
  return TRUE;
}

/* The sections of the playbook, in the order they are checked. */

static gboolean
load_header (Loader      *loader,
             JsonObject  *root,
             GError     **error)
{
  ObjectorPlaybook *self = loader->playbook;
  gint64 format = 0;
  const char *updated = NULL;

  /* The format comes first: a newer format may mean anything below. */
  if (!objector_json_get_int (root, NULL, "format", OBJECTOR_JSON_REQUIRED,
                              G_MININT64, G_MAXINT64, &format, error))
    return FALSE;
  if (format != OBJECTOR_PLAYBOOK_FORMAT)
    return objector_json_fail (error, "format",
                 _("unsupported format %lld (this version of Objector reads format %d)"),
                 (long long) format, OBJECTOR_PLAYBOOK_FORMAT);

  if (!objector_json_get_int (root, NULL, "version", OBJECTOR_JSON_REQUIRED,
                              G_MININT64, G_MAXINT64, &self->version, error))
    return FALSE;
  if (self->version <= 0)
    return objector_json_fail (error, "version", _("must be a positive integer"));

  if (!objector_json_get_date (root, NULL, "updated", REQUIRED_TEXT, &updated, error))
    return FALSE;
  self->updated = g_strdup (updated);

  return TRUE;
}

static gboolean
load_regions (Loader      *loader,
              JsonObject  *root,
              GError     **error)
{
  ObjectorPlaybook *self = loader->playbook;
  g_autoptr(GList) ids = NULL;
  g_autoptr(GPtrArray) region_ids = g_ptr_array_new_with_free_func (g_free);
  JsonObject *regions = NULL;

  if (!objector_json_get_object (root, NULL, "regions", OBJECTOR_JSON_REQUIRED, &regions, error))
    return FALSE;

  ids = json_object_get_members (regions);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      const char *id = l->data;
      char **members;

      if (!is_id (id))
        return objector_json_fail (error, "regions",
                     _("invalid region id “%s” (use a-z, 0-9 and “-”)"), id);

      if (!objector_json_get_strv (regions, "regions", id, REQUIRED_TEXT,
                            check_country_code, NULL, &members, error))
        return FALSE;

      g_hash_table_insert (self->regions, g_strdup (id), members);
      g_ptr_array_add (region_ids, g_strdup (id));
    }

  g_ptr_array_add (region_ids, NULL);
  self->region_ids = (char **) g_ptr_array_steal (region_ids, NULL);

  return TRUE;
}

static gboolean
load_deadline (Loader      *loader,
               JsonObject  *root,
               GError     **error)
{
  ObjectorPlaybook *self = loader->playbook;
  JsonObject *deadline = NULL;

  return objector_json_get_object (root, NULL, "deadline", OBJECTOR_JSON_REQUIRED, &deadline, error) &&
         get_months (deadline, "deadline", "answer_months", TRUE,
                     &self->answer_months, error) &&
         get_months (deadline, "deadline", "extension_months", TRUE,
                     &self->extension_months, error);
}

/* A phrase of the mail rules: words, where "…" stands between two of them. */
static gboolean
check_phrase (const char  *value,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));

  if (*trimmed == '\0')
    return objector_json_fail (error, path, _("must not be empty"));
  if (g_str_has_prefix (trimmed, "…") || g_str_has_suffix (trimmed, "…"))
    return objector_json_fail (error, path, _("“…” must stand between two words: “%s”"), value);

  return TRUE;
}

/* One word: the clause breaks and conditionals are compared word by word. */
static gboolean
check_word (const char  *value,
            const char  *path,
            gpointer     user_data,
            GError     **error)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0x2026)
      return objector_json_fail (error, path, _("must be a single word: “%s”"), value);

  return TRUE;
}

/* "security", "advertise-noreply": what comes before the "@". */
static gboolean
check_sender (const char  *value,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '.' && *p != '_')
      return objector_json_fail (error, path, _("“%s” is not the lowercase part of an address before the “@”"), value);

  return TRUE;
}

/* {"en": ["phrase", …], "de": […]}: appends every phrase to @phrases and
 * its language to @languages. */
static gboolean
load_phrases (JsonObject  *rule,
              const char  *path,
              const char  *key,
              GPtrArray   *phrases,
              GPtrArray   *languages,
              GError     **error)
{
  g_autofree char *child = objector_json_member_path (path, key);
  g_autoptr(GList) codes = NULL;
  JsonObject *by_language = NULL;

  if (!objector_json_get_object (rule, path, key, OBJECTOR_JSON_OPTIONAL, &by_language, error))
    return FALSE;
  if (by_language == NULL)
    return TRUE;

  codes = json_object_get_members (by_language);
  for (const GList *l = codes; l != NULL; l = l->next)
    {
      const char *language = l->data;
      g_auto(GStrv) list = NULL;

      if (!objector_json_is_language_code (language))
        {
          g_autofree char *language_path = objector_json_member_path (child, language);

          return objector_json_fail (error, language_path,
                       _("not a language code (like “de” or “pt_BR”)"));
        }

      if (!objector_json_get_strv (by_language, child, language, OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NO_CONTROLS, check_phrase, NULL, &list, error))
        return FALSE;

      for (guint i = 0; list[i] != NULL; i++)
        {
          g_ptr_array_add (phrases, g_strdup (list[i]));
          g_ptr_array_add (languages, g_strdup (language));
        }
    }

  return TRUE;
}

static char **
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (char **) g_ptr_array_steal (array, NULL);
}

/* A list that may be left out: NULL becomes an empty list. */
static gboolean
get_optional_list (JsonObject             *object,
                   const char             *path,
                   const char             *key,
                   ObjectorJsonCheckFunc   check,
                   char                 ***out,
                   GError                **error)
{
  if (!objector_json_get_strv (object, path, key, OBJECTOR_JSON_NO_CONTROLS, check, NULL, out, error))
    return FALSE;

  if (*out == NULL)
    *out = g_new0 (char *, 1);
  return TRUE;
}

/* {"won't": "will not", "n'": "ne ", …}: a contraction holds an apostrophe. */
static gboolean
load_contractions (JsonObject   *object,
                   const char   *path,
                   char       ***out,
                   GError      **error)
{
  g_autofree char *child = objector_json_member_path (path, "contractions");
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) keys = NULL;
  JsonObject *contractions = NULL;

  if (!objector_json_get_object (object, path, "contractions", OBJECTOR_JSON_OPTIONAL, &contractions, error))
    return FALSE;

  if (contractions != NULL)
    keys = json_object_get_members (contractions);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *key_path = objector_json_member_path (child, l->data);
      const char *expansion = NULL;

      if (strchr (l->data, '\'') == NULL)
        return objector_json_fail (error, key_path, _("a contraction must contain an apostrophe (')"));
      if (!objector_json_get_string (contractions, child, l->data, REQUIRED_TEXT, &expansion, error))
        return FALSE;

      g_ptr_array_add (pairs, g_strdup (l->data));
      g_ptr_array_add (pairs, g_strdup (expansion));
    }

  *out = steal_strv (pairs);

  return TRUE;
}

static gboolean
load_mail_languages (Loader      *loader,
                     JsonObject  *mail,
                     GError     **error)
{
  ObjectorPlaybook *self = loader->playbook;
  g_autoptr(GList) codes = NULL;
  JsonObject *languages = NULL;

  if (!objector_json_get_object (mail, "mail", "languages", OBJECTOR_JSON_OPTIONAL, &languages, error))
    return FALSE;
  if (languages == NULL)
    return TRUE;

  codes = json_object_get_members (languages);
  for (const GList *l = codes; l != NULL; l = l->next)
    {
      g_autofree char *path = objector_json_member_path ("mail.languages", l->data);
      g_autoptr(ObjectorMailLanguage) language = g_new0 (ObjectorMailLanguage, 1);
      JsonObject *object = NULL;

      if (!objector_json_is_language_code (l->data))
        return objector_json_fail (error, path, _("not a language code (like “de” or “pt_BR”)"));

      if (!objector_json_read_object (json_object_get_member (languages, l->data), path, &object, error) ||
          !get_optional_list (object, path, "markers", check_word, &language->markers, error) ||
          !get_optional_list (object, path, "negations", check_phrase, &language->negations, error) ||
          !load_contractions (object, path, &language->contractions, error) ||
          !get_optional_list (object, path, "breaks", check_word, &language->breaks, error) ||
          !get_optional_list (object, path, "conditionals", check_word, &language->conditionals, error) ||
          !get_optional_list (object, path, "regret", check_phrase, &language->regret, error) ||
          !get_optional_list (object, path, "topic", check_phrase, &language->topic, error) ||
          !get_optional_list (object, path, "quotes", check_phrase, &language->quotes, error) ||
          !get_optional_list (object, path, "footers", check_phrase, &language->footers, error))
        return FALSE;

      language->code = g_strdup (l->data);
      g_ptr_array_add (self->mail_languages, g_steal_pointer (&language));
    }

  return TRUE;
}

static gboolean
load_mail_rule (JsonObject        *object,
                const char        *path,
                ObjectorMailRule  *rule,
                GError           **error)
{
  g_autofree char *kind_path = objector_json_member_path (path, "kind");
  g_autofree char *negated_path = objector_json_member_path (path, "negated");
  g_autoptr(GPtrArray) subject = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) subject_languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) body_languages = g_ptr_array_new_with_free_func (g_free);
  const char *kind = NULL;
  const char *negated = NULL;
  gint64 weight = 2;

  if (!objector_json_get_string (object, path, "kind", REQUIRED_TEXT, &kind, error))
    return FALSE;
  /* "unrecognised" is what no rule says. */
  if (!objector_mail_kind_from_string (kind, &rule->kind) ||
      rule->kind == OBJECTOR_MAIL_KIND_UNRECOGNISED)
    return objector_json_fail (error, kind_path,
                 _("unknown kind “%s” "
                   "(known: code, receipt, approval, rejection, extension, other)"),
                 kind);

  rule->negated = OBJECTOR_MAIL_KIND_UNRECOGNISED;
  if (!objector_json_get_string (object, path, "negated", TEXT, &negated, error))
    return FALSE;
  if (negated != NULL &&
      (!objector_mail_kind_from_string (negated, &rule->negated) ||
       rule->negated == OBJECTOR_MAIL_KIND_UNRECOGNISED || rule->negated == rule->kind))
    return objector_json_fail (error, negated_path,
                 _("“%s” is not another kind of email "
                   "(known: code, receipt, approval, rejection, extension, other)"),
                 negated);

  if (!objector_json_get_int (object, path, "weight", OBJECTOR_JSON_OPTIONAL, 1, 3, &weight, error))
    return FALSE;
  rule->weight = (guint) weight;

  if (!get_optional_list (object, path, "senders", check_sender, &rule->senders, error) ||
      !load_phrases (object, path, "subject", subject, subject_languages, error) ||
      !load_phrases (object, path, "body", body, body_languages, error))
    return FALSE;

  if (subject->len == 0 && body->len == 0 && rule->senders[0] == NULL)
    return objector_json_fail (error, path, _("no subject or body phrases"));

  rule->subject = steal_strv (subject);
  rule->subject_languages = steal_strv (subject_languages);
  rule->body = steal_strv (body);
  rule->body_languages = steal_strv (body_languages);

  return TRUE;
}

static gboolean
load_mail (Loader      *loader,
           JsonObject  *root,
           GError     **error)
{
  ObjectorPlaybook *self = loader->playbook;
  JsonObject *mail = NULL;
  JsonArray *rules = NULL;
  guint n;

  if (!objector_json_get_object (root, NULL, "mail", OBJECTOR_JSON_REQUIRED, &mail, error))
    return FALSE;

  if (!objector_json_get_strv (mail, "mail", "domains", REQUIRED_TEXT,
                        check_host_name, NULL, &self->mail_domains, error))
    return FALSE;

  if (!load_mail_languages (loader, mail, error))
    return FALSE;

  if (!objector_json_get_array (mail, "mail", "rules", OBJECTOR_JSON_REQUIRED, &rules, error))
    return FALSE;

  n = json_array_get_length (rules);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = objector_json_element_path ("mail.rules", i);
      g_autoptr(ObjectorMailRule) rule = g_new0 (ObjectorMailRule, 1);
      JsonObject *object = NULL;

      if (!objector_json_read_object (json_array_get_element (rules, i), path, &object, error) ||
          !load_mail_rule (object, path, rule, error))
        return FALSE;

      g_ptr_array_add (self->mail_rules, g_steal_pointer (&rule));
    }

  return TRUE;
}

static const char * const platforms[] = { "facebook", "instagram", "whatsapp", "none", NULL };
static const char * const apps[] = { "facebook", "instagram", "whatsapp", NULL };
static const char * const form_kinds[] = { "form", "page", NULL };
static const char * const fills[] = {
  "email", "country", "reason", "name", "account", "none", NULL
};

static gboolean
load_app_routes (Loader       *loader,
                 JsonObject   *object,
                 const char   *path,
                 ObjectorPath *result,
                 GError      **error)
{
  g_autofree char *routes_path = objector_json_member_path (path, "app_routes");
  JsonArray *routes = NULL;
  guint n;

  if (!objector_json_get_array (object, path, "app_routes", OBJECTOR_JSON_REQUIRED, &routes, error))
    return FALSE;

  n = json_array_get_length (routes);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *route_path = objector_json_element_path (routes_path, i);
      g_autoptr(ObjectorAppRoute) route = objector_app_route_new ();
      JsonObject *route_object = NULL;
      const char *app = NULL;

      if (!objector_json_read_object (json_array_get_element (routes, i), route_path, &route_object, error) ||
          !get_choice (route_object, route_path, "app", apps, &app, error) ||
          !objector_json_get_text_list (route_object, route_path, "steps", REQUIRED_TEXT, loader->languages, &route->steps, error))
        return FALSE;

      route->app = g_strdup (app);
      g_ptr_array_add (result->app_routes, g_steal_pointer (&route));
    }

  return TRUE;
}

static gboolean
load_fields (Loader       *loader,
             JsonObject   *object,
             const char   *path,
             ObjectorPath *result,
             GError      **error)
{
  g_autofree char *fields_path = objector_json_member_path (path, "fields");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *fields = NULL;
  guint n;

  if (!objector_json_get_array (object, path, "fields", OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY, &fields, error))
    return FALSE;

  n = json_array_get_length (fields);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *field_path = objector_json_element_path (fields_path, i);
      g_autoptr(ObjectorField) field = objector_field_new ();
      JsonObject *field_object = NULL;
      const char *id = NULL;
      const char *fill = NULL;

      if (!objector_json_read_object (json_array_get_element (fields, i), field_path, &field_object, error) ||
          !get_id (field_object, field_path, seen, &id, error) ||
          !objector_json_get_text (field_object, field_path, "label", REQUIRED_TEXT, loader->languages, 0, &field->label, error) ||
          !objector_json_get_text (field_object, field_path, "hint", TEXT, loader->languages, 0, &field->hint, error) ||
          !get_choice (field_object, field_path, "fill", fills, &fill, error) ||
          !objector_json_get_boolean (field_object, field_path, "required", OBJECTOR_JSON_REQUIRED, &field->required, error))
        return FALSE;

      field->id = g_strdup (id);
      field->fill = strcmp (fill, "none") != 0 ? g_strdup (fill) : NULL;
      g_ptr_array_add (result->fields, g_steal_pointer (&field));
    }

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

/* "forms": where the form may be, in the order to try. A playbook without
 * the list (older ones) still gives one: its form, alternative form and
 * overview page. */
static gboolean
load_forms (Loader        *loader,
            JsonObject    *object,
            const char    *path,
            ObjectorPath  *result,
            GError       **error)
{
  g_autofree char *forms_path = objector_json_member_path (path, "forms");
  g_autofree char *form_url_path = objector_json_member_path (path, "form_url");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *forms = NULL;
  guint n;

  if (json_object_get_member (object, "forms") == NULL)
    {
      g_ptr_array_add (result->forms, form_candidate (result->form_url, _("Meta’s form"), TRUE));
      if (result->alternative_form_url != NULL)
        g_ptr_array_add (result->forms,
                         form_candidate (result->alternative_form_url, _("Meta’s other form"), TRUE));
      g_ptr_array_add (result->forms, form_candidate (result->overview_url, _("Meta’s overview page"), FALSE));
      return TRUE;
    }

  if (!objector_json_get_array (object, path, "forms", OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY, &forms, error))
    return FALSE;

  n = json_array_get_length (forms);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *form_path = objector_json_element_path (forms_path, i);
      g_autofree char *kind_path = objector_json_member_path (form_path, "kind");
      g_autoptr(ObjectorFormCandidate) form = objector_form_candidate_new ();
      JsonObject *form_object = NULL;
      const char *date = NULL;
      const char *kind = "form";

      if (!objector_json_read_object (json_array_get_element (forms, i), form_path, &form_object, error) ||
          !check_url (form_object, form_path, "url", TRUE, result->allowed_hosts, &form->url, error) ||
          !objector_json_get_text (form_object, form_path, "label", REQUIRED_TEXT, loader->languages, 0, &form->label, error) ||
          !objector_json_get_date (form_object, form_path, "last_checked", TEXT, &date, error))
        return FALSE;
      form->last_checked = g_strdup (date);

      if (json_object_get_member (form_object, "kind") != NULL &&
          !get_choice (form_object, form_path, "kind", form_kinds, &kind, error))
        return FALSE;
      form->is_form = g_str_equal (kind, "form");
      if (i == 0 && !form->is_form)
        return objector_json_fail (error, kind_path, _("the first of the forms must be a form, not a page"));

      if (!g_hash_table_add (seen, form->url))
        {
          g_autofree char *url_path = objector_json_member_path (form_path, "url");

          return objector_json_fail (error, url_path, _("“%s” is listed twice"), form->url);
        }

      g_ptr_array_add (result->forms, g_steal_pointer (&form));
    }

  /* Older versions of Objector read form_url only: it must be the first. */
  if (g_strcmp0 (result->form_url,
                 ((ObjectorFormCandidate *) g_ptr_array_index (result->forms, 0))->url) != 0)
    return objector_json_fail (error, form_url_path, _("must be the first of the forms (%s)"),
                 ((ObjectorFormCandidate *) g_ptr_array_index (result->forms, 0))->url);

  return TRUE;
}

static gboolean
load_path (Loader        *loader,
           JsonObject    *object,
           const char    *path,
           GHashTable    *seen,
           ObjectorPath **out,
           GError       **error)
{
  ObjectorPlaybook *self = loader->playbook;
  g_autoptr(ObjectorPath) result = objector_path_new ();
  g_autofree char *kind_path = objector_json_member_path (path, "kind");
  g_autofree char *reasons_path = objector_json_member_path (path, "reasons");
  g_autofree char *deadline_path = objector_json_member_path (path, "deadline");
  JsonObject *reasons = NULL;
  JsonObject *deadline = NULL;
  const char *id = NULL;
  const char *platform = NULL;
  const char *kind = NULL;

  if (!get_id (object, path, seen, &id, error))
    return FALSE;
  result->id = g_strdup (id);

  if (!get_choice (object, path, "platform", platforms, &platform, error))
    return FALSE;
  result->platform = g_strdup (platform);

  if (!objector_json_get_string (object, path, "kind", REQUIRED_TEXT, &kind, error))
    return FALSE;
  if (!objector_path_kind_from_string (kind, &result->kind))
    return objector_json_fail (error, kind_path,
                 _("unknown kind “%s” (known: objection, third-party)"), kind);

  if (!objector_json_get_strv (object, path, "regions", REQUIRED_TEXT,
                        check_region_id, self, &result->regions, error) ||
      !objector_json_get_text (object, path, "title", REQUIRED_TEXT, loader->languages, 0, &result->title, error) ||
      !objector_json_get_text (object, path, "summary", REQUIRED_TEXT, loader->languages, 0, &result->summary, error) ||
      !objector_json_get_strv (object, path, "allowed_hosts", REQUIRED_TEXT,
                        check_host_name, NULL, &result->allowed_hosts, error) ||
      !check_url (object, path, "form_url", TRUE,
                  result->allowed_hosts, &result->form_url, error) ||
      !check_url (object, path, "alternative_form_url", FALSE,
                  result->allowed_hosts, &result->alternative_form_url, error) ||
      !check_url (object, path, "overview_url", TRUE,
                  result->allowed_hosts, &result->overview_url, error) ||
      !load_forms (loader, object, path, result, error) ||
      !objector_json_get_text_list (object, path, "steps", REQUIRED_TEXT, loader->languages, &result->steps, error) ||
      !load_app_routes (loader, object, path, result, error) ||
      !load_fields (loader, object, path, result, error))
    return FALSE;

  if (!objector_json_get_object (object, path, "reasons", OBJECTOR_JSON_REQUIRED, &reasons, error) ||
      !objector_json_get_text (reasons, reasons_path, "short", REQUIRED_TEXT, loader->languages, 0, &result->reason_short, error) ||
      !objector_json_get_text (reasons, reasons_path, "full", REQUIRED_TEXT, loader->languages, REASON_MIN_CHARS,
                 &result->reason_full, error))
    return FALSE;

  if (!objector_json_get_boolean (object, path, "code_step", OBJECTOR_JSON_REQUIRED, &result->has_code_step, error))
    return FALSE;

  result->answer_months = self->answer_months;
  result->extension_months = self->extension_months;
  if (!objector_json_get_object (object, path, "deadline", OBJECTOR_JSON_OPTIONAL, &deadline, error))
    return FALSE;
  if (deadline != NULL &&
      (!get_months (deadline, deadline_path, "answer_months", FALSE,
                    &result->answer_months, error) ||
       !get_months (deadline, deadline_path, "extension_months", FALSE,
                    &result->extension_months, error)))
    return FALSE;

  *out = g_steal_pointer (&result);

  return TRUE;
}

static gboolean
load_paths (Loader      *loader,
            JsonObject  *root,
            GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *paths = NULL;
  guint n;

  if (!objector_json_get_array (root, NULL, "paths", OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY, &paths, error))
    return FALSE;

  n = json_array_get_length (paths);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = objector_json_element_path ("paths", i);
      g_autoptr(ObjectorPath) result = NULL;
      JsonObject *object = NULL;

      if (!objector_json_read_object (json_array_get_element (paths, i), path, &object, error) ||
          !load_path (loader, object, path, seen, &result, error))
        return FALSE;

      g_list_store_append (loader->playbook->paths, result);
    }

  return TRUE;
}

/* json-glib says "<data>:3:5: Parse error: …"; we say "line 3, column 5: Parse error: …". */
static void
set_syntax_error (GError       **error,
                  const GError  *json_error)
{
  /* json-glib quotes the token it stopped at, cut at any byte: never pass
   * broken UTF-8 on to a terminal or a label (found by tests/fuzz). */
  g_autofree char *valid = g_utf8_make_valid (json_error->message, -1);
  const char *message = valid;
  const char *prefix = "<data>:";

  if (g_str_has_prefix (message, prefix))
    {
      const char *p = message + strlen (prefix);
      char *end;
      guint64 line;
      guint64 column;

      line = g_ascii_strtoull (p, &end, 10);
      if (end != p && *end == ':')
        {
          p = end + 1;
          column = g_ascii_strtoull (p, &end, 10);
          if (end != p && *end == ':')
            {
              p = end + 1;
              while (g_ascii_isspace (*p))
                p++;

              g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK,
                           _("line %llu, column %llu: %s"),
                           (unsigned long long) line, (unsigned long long) column, p);
              return;
            }
        }
    }

  objector_json_fail (error, NULL, "%s", message);
}

/* "\u0000" in any case of its hex digits. */
static gboolean
has_escaped_nul (const char *data,
                 gsize       size)
{
  for (const char *p = memchr (data, '\\', size); p != NULL && p + 6 <= data + size;
       p = memchr (p + 1, '\\', data + size - p - 1))
    if (g_ascii_strncasecmp (p, "\\u0000", 6) == 0)
      return TRUE;
  return FALSE;
}

static ObjectorPlaybook *
load_playbook (GBytes      *bytes,
               const char  *origin,
               GError     **error)
{
  g_autoptr(ObjectorPlaybook) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  JsonNode *root = NULL;
  const char *data = NULL;
  gsize size;
  Loader loader;

  data = g_bytes_get_data (bytes, &size);

  if (size > OBJECTOR_PLAYBOOK_MAX_SIZE)
    {
      objector_json_fail (error, NULL, _("too large: %llu bytes (the limit is 4 MiB)"),
            (unsigned long long) size);
      return NULL;
    }

  if (size == 0)
    {
      objector_json_fail (error, NULL, _("the playbook is empty"));
      return NULL;
    }

  /* json-glib cuts a string at an escaped NUL: "www.facebook.com\u0000…"
   * would be read as less than it says. */
  if (has_escaped_nul (data, size))
    {
      objector_json_fail (error, NULL, _("holds an escaped NUL character (\\u0000), which no playbook text may"));
      return NULL;
    }

  /* json-glib recurses into every list and object: deep nesting must be
   * refused before it starts, or the stack runs out. */
  if (!objector_json_check_depth (data, size, OBJECTOR_JSON_MAX_DEPTH, &json_error))
    {
      objector_json_fail (error, NULL, "%s", json_error->message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &json_error))
    {
      set_syntax_error (error, json_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      objector_json_fail (error, NULL, _("the playbook is empty"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      objector_json_fail (error, NULL, _("not a JSON object"));
      return NULL;
    }

  self = g_object_new (OBJECTOR_TYPE_PLAYBOOK, NULL);
  self->origin = g_strdup (origin);

  loader.playbook = self;
  loader.languages = g_get_language_names ();

  if (!load_header (&loader, json_node_get_object (root), error) ||
      !load_regions (&loader, json_node_get_object (root), error) ||
      !load_deadline (&loader, json_node_get_object (root), error) ||
      !load_mail (&loader, json_node_get_object (root), error) ||
      !load_paths (&loader, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * objector_playbook_new_from_bytes:
 * @bytes: the playbook's JSON text
 * @origin: (nullable): where it came from, for objector_playbook_get_origin()
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the playbook, or %NULL when it is
 *   invalid (OBJECTOR_ERROR_INVALID_PLAYBOOK, "<json path>: <problem>")
 */
ObjectorPlaybook *
objector_playbook_new_from_bytes (GBytes      *bytes,
                                  const char  *origin,
                                  GError     **error)
{
  ObjectorPlaybook *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = load_playbook (bytes, origin, error);
  if (self == NULL)
    objector_json_set_error_code (error, OBJECTOR_ERROR_INVALID_PLAYBOOK);
  return self;
}

/**
 * objector_playbook_new_from_file:
 * @filename: a playbook file
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the playbook; on failure the error
 *   message starts with the quoted file name
 */
ObjectorPlaybook *
objector_playbook_new_from_file (const char  *filename,
                                 GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  ObjectorPlaybook *self;
  GStatBuf st;
  gsize length = 0;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (filename);

  if (g_stat (filename, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("“%s”: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("“%s”: %s"), display_name, g_strerror (EISDIR));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("“%s”: not a regular file"), display_name);
      return NULL;
    }

  /* Refuse before reading it all into memory. */
  if (st.st_size > OBJECTOR_PLAYBOOK_MAX_SIZE)
    {
      objector_json_fail (&local_error, NULL, _("too large: %llu bytes (the limit is 4 MiB)"),
            (unsigned long long) st.st_size);
      objector_json_set_error_code (&local_error, OBJECTOR_ERROR_INVALID_PLAYBOOK);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("“%s”: "), display_name);
      return NULL;
    }

  if (!g_file_get_contents (filename, &contents, &length, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  self = objector_playbook_new_from_bytes (bytes, filename, &local_error);
  if (self == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                _("“%s”: "), display_name);

  return self;
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

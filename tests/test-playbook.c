/* test-playbook.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "objector-error.h"
#include "objector-playbook.h"
#include "objector-resources.h"
#include "objector-test-util.h"

#define BUNDLED_VERSION 2026120301

/* Helpers */

static GBytes *
bundled_bytes (void)
{
  g_autoptr(GError) error = NULL;

  (void) objector_get_resource ();
  GBytes *bytes = g_resources_lookup_data (OBJECTOR_PLAYBOOK_RESOURCE,
                                           G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  return bytes;
}

static ObjectorPlaybook *
load_bundled (void)
{
  return test_util_bundled_playbook ();
}

static char *
fixture (const char *name)
{
  return test_util_data_path ("playbook", name, NULL);
}

static void
write_file (const char *filename,
            GBytes     *bytes)
{
  g_free (test_util_write_file (filename, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
}

/* Loading @file fails with @domain, @code and @message; with @by_default,
 * loading the default playbook with @file as the override. */
static void
assert_file_refused (gboolean    by_default,
                     const char *file,
                     GQuark      domain,
                     int         code,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = by_default ? objector_playbook_load_default (file, &error)
                                                    : objector_playbook_new_from_file (file, &error);

  g_assert_null (playbook);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_bytes_refused (GBytes     *bytes,
                      const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_bytes (bytes, "test", &error);

  g_assert_null (playbook);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK);
  g_assert_cmpstr (error->message, ==, message);
}

/* The default playbook (with @override, if any) loads, and comes from @origin. */
static ObjectorPlaybook *
load_default_from (const char *override,
                   const char *origin)
{
  g_autoptr(GError) error = NULL;
  ObjectorPlaybook *playbook = objector_playbook_load_default (override, &error);

  g_assert_no_error (error);
  g_assert_nonnull (playbook);
  g_assert_cmpstr (objector_playbook_get_origin (playbook), ==, origin);
  return playbook;
}

/* Splits "paths[2].form_url" into "paths", "[2]", "form_url". */
static GPtrArray *
split_json_path (const char *path)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  const char *p = path;

  while (*p != '\0')
    {
      gsize len;

      if (*p == '.')
        p++;

      if (*p == '[')
        len = strchr (p, ']') - p + 1;
      else
        len = strcspn (p, ".[");

      g_assert_cmpuint (len, >, 0);
      g_ptr_array_add (parts, g_strndup (p, len));
      p += len;
    }

  return parts;
}

static JsonNode *
child_node (JsonNode   *node,
            const char *part)
{
  if (part[0] == '[')
    return json_array_get_element (json_node_get_array (node), atoi (part + 1));

  return json_object_get_member (json_node_get_object (node), part);
}

/* Sets the value at @path to @value_json, or removes it when that is NULL. */
static void
mutate (JsonNode   *root,
        const char *path,
        const char *value_json)
{
  g_autoptr(GPtrArray) parts = split_json_path (path);
  g_autoptr(JsonNode) value = NULL;
  JsonNode *node = root;

  for (guint i = 0; i + 1 < parts->len; i++)
    {
      node = child_node (node, g_ptr_array_index (parts, i));
      g_assert_nonnull (node);
    }

  const char *last = g_ptr_array_index (parts, parts->len - 1);

  if (value_json != NULL)
    {
      g_autoptr(GError) error = NULL;

      value = json_from_string (value_json, &error);
      g_assert_no_error (error);
    }

  if (last[0] == '[')
    {
      JsonArray *array = json_node_get_array (node);
      guint index = atoi (last + 1);

      if (value != NULL)
        {
          /* JsonArray has no setter: take every element out and put them back. */
          g_autoptr(GPtrArray) elements = NULL;
          guint n = json_array_get_length (array);

          elements = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
          g_assert_cmpuint (index, <, n);
          for (guint i = 0; i < n; i++)
            g_ptr_array_add (elements, json_node_ref (json_array_get_element (array, i)));
          while (json_array_get_length (array) > 0)
            json_array_remove_element (array, 0);
          for (guint i = 0; i < n; i++)
            json_array_add_element (array, json_node_ref (i == index ? value : elements->pdata[i]));
        }
      else
        json_array_remove_element (array, index);
    }
  else
    {
      JsonObject *object = json_node_get_object (node);

      if (value != NULL)
        json_object_set_member (object, last, g_steal_pointer (&value));
      else
        json_object_remove_member (object, last);
    }
}

static GBytes *
mutated_bundled (const char *path,
                 const char *value_json)
{
  g_autoptr(JsonNode) root = test_util_bundled_playbook_json ();

  mutate (root, path, value_json);

  return test_util_json_bytes (root);
}

static ObjectorPath *
nth_path (GListModel *model,
          guint       position)
{
  ObjectorPath *path = g_list_model_get_item (model, position);

  /* The model keeps it alive; tests only borrow it. */
  g_object_unref (path);

  return path;
}

static void
assert_ids (GListModel         *model,
            const char * const *expected)
{
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (objector_path_get_id (nth_path (model, i)), ==, expected[i]);
}

static const char *
first_app (ObjectorPath *path)
{
  GPtrArray *routes = objector_path_get_app_routes (path);

  return routes != NULL && routes->len > 0 ? ((ObjectorAppRoute *) g_ptr_array_index (routes, 0))->app : NULL;
}

/* The bundled playbook */

/* Its paths, in their order. */
typedef struct
{
  const char       *id;
  const char       *platform;
  ObjectorPathKind  kind;
  const char       *form_url;
  const char       *overview_url;
  const char       *alternative_form_url;
  gboolean          has_code_step;
  const char       *first_app;
} BundledPath;

static const BundledPath bundled_paths[] = {
  /* Meta's 2025 forms first; the 2024 ones are fallbacks (test-playbook-forms). */
  { "facebook-objection", "facebook", OBJECTOR_PATH_KIND_OBJECTION,
    "https://www.facebook.com/help/contact/712876720715583", "https://www.facebook.com/privacy/genai",
    "https://www.facebook.com/help/contact/6359191084165019", TRUE, "facebook" },
  { "instagram-objection", "instagram", OBJECTOR_PATH_KIND_OBJECTION,
    "https://help.instagram.com/contact/767264225370182", "https://privacycenter.instagram.com/privacy/genai",
    "https://help.instagram.com/contact/233964459562201", TRUE, "instagram" },
  /* No menu route in the WhatsApp app that Objector could vouch for. */
  { "whatsapp-objection", "whatsapp", OBJECTOR_PATH_KIND_OBJECTION,
    "https://www.whatsapp.com/contact/forms/382532939919295", "https://faq.whatsapp.com/1285115568956956",
    NULL, FALSE, NULL },
  { "third-party", "none", OBJECTOR_PATH_KIND_THIRD_PARTY,
    "https://www.facebook.com/help/contact/510058597920541", "https://www.facebook.com/privacy/genai",
    "https://www.facebook.com/help/contact/1266025207620918", FALSE, "instagram" },
};

static void
test_bundled_loads (void)
{
  g_autoptr(ObjectorPlaybook) playbook = load_bundled ();
  GListModel *paths = objector_playbook_get_paths (playbook);

  g_assert_cmpstr (objector_playbook_get_origin (playbook), ==, "bundled");
  g_assert_cmpint (objector_playbook_get_version (playbook), ==, BUNDLED_VERSION);
  g_assert_cmpstr (objector_playbook_get_updated (playbook), ==, "2026-12-03");
  g_assert_cmpuint (objector_playbook_get_answer_months (playbook), ==, 1);
  g_assert_cmpuint (objector_playbook_get_extension_months (playbook), ==, 2);
  g_assert_true (g_type_is_a (g_list_model_get_item_type (paths), OBJECTOR_TYPE_PATH));
  g_assert_cmpuint (g_list_model_get_n_items (paths), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (bundled_paths); i++)
    {
      const BundledPath *expected = &bundled_paths[i];
      ObjectorPath *path = objector_playbook_lookup_path (playbook, expected->id);

      g_test_message ("path %s", expected->id);
      g_assert_true (path == nth_path (paths, i));
      g_assert_cmpstr (objector_path_get_platform (path), ==, expected->platform);
      g_assert_cmpint (objector_path_get_kind (path), ==, expected->kind);
      g_assert_cmpstr (objector_path_get_form_url (path), ==, expected->form_url);
      g_assert_cmpstr (objector_path_get_overview_url (path), ==, expected->overview_url);
      g_assert_cmpstr (objector_path_get_alternative_form_url (path), ==, expected->alternative_form_url);
      g_assert_cmpint (objector_path_get_has_code_step (path), ==, expected->has_code_step);
      g_assert_cmpstr (first_app (path), ==, expected->first_app);
    }
  g_assert_null (objector_playbook_lookup_path (playbook, "nope"));
  g_assert_true (g_strv_equal (objector_path_get_regions (objector_playbook_lookup_path (playbook, "third-party")),
                               (const char * const[]) { "*", NULL }));

  for (guint i = 0; i < 4; i++)
    {
      ObjectorPath *path = nth_path (paths, i);

      /* WhatsApp (index 2) has no menu route Objector could vouch for. */
      if (i == 2)
        continue;
      GPtrArray *fields = objector_path_get_fields (path);
      GPtrArray *routes = objector_path_get_app_routes (path);
      gboolean has_email = FALSE, has_country = FALSE, has_reason = FALSE;

      g_assert_nonnull (objector_path_get_title (path));
      g_assert_nonnull (objector_path_get_summary (path));
      g_assert_cmpuint (g_strv_length ((char **) objector_path_get_steps (path)), >=, 5);
      g_assert_cmpuint (routes->len, ==, 1);
      g_assert_cmpuint (g_strv_length (((ObjectorAppRoute *) routes->pdata[0])->steps), >=, 5);
      g_assert_cmpint (g_utf8_strlen (objector_path_get_reason_full (path), -1), >=, 100);
      g_assert_nonnull (objector_path_get_reason_short (path));
      g_assert_cmpuint (objector_path_get_answer_months (path), ==, 1);
      g_assert_cmpuint (objector_path_get_extension_months (path), ==, 2);

      for (guint j = 0; j < fields->len; j++)
        {
          ObjectorField *field = fields->pdata[j];

          g_assert_nonnull (field->id);
          g_assert_nonnull (field->label);
          has_email |= g_strcmp0 (field->fill, "email") == 0;
          has_country |= g_strcmp0 (field->fill, "country") == 0;
          has_reason |= g_strcmp0 (field->fill, "reason") == 0;
        }
      g_assert_true (has_email && has_country && has_reason);
    }

}

static void
test_bundled_regions_and_mail (void)
{
  g_autoptr(ObjectorPlaybook) playbook = load_bundled ();
  const char * const *domains = objector_playbook_get_mail_domains (playbook);
  GPtrArray *rules = objector_playbook_get_mail_rules (playbook);
  const ObjectorMailKind kinds[] = {
    OBJECTOR_MAIL_KIND_CODE, OBJECTOR_MAIL_KIND_RECEIPT, OBJECTOR_MAIL_KIND_APPROVAL,
    OBJECTOR_MAIL_KIND_REJECTION, OBJECTOR_MAIL_KIND_EXTENSION,
  };

  g_assert_true (g_strv_equal (objector_playbook_get_region_ids (playbook),
                               (const char * const[]) { "eu", "eea", "uk", NULL }));
  g_assert_cmpuint (g_strv_length ((char **) objector_playbook_get_region (playbook, "eu")),
                    ==, 27);
  g_assert_true (g_strv_equal (objector_playbook_get_region (playbook, "eea"),
                               (const char * const[]) { "IS", "LI", "NO", NULL }));
  g_assert_true (g_strv_equal (objector_playbook_get_region (playbook, "uk"),
                               (const char * const[]) { "GB", NULL }));
  g_assert_null (objector_playbook_get_region (playbook, "mars"));

  for (const char * const *d = (const char * const[]) {
         "facebookmail.com", "mail.instagram.com", "support.facebook.com",
         "facebook.com", "instagram.com", "meta.com", "metamail.com", NULL }; *d; d++)
    g_assert_true (g_strv_contains (domains, *d));

  /* Every kind has rules with phrases in every language (several rules a
   * kind since issue 14: verbs whose negation means a refusal, phrases…). */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint phrases = 0;

      for (guint i = 0; i < rules->len; i++)
        {
          ObjectorMailRule *rule = rules->pdata[i];

          if (rule->kind == kinds[k])
            phrases += g_strv_length (rule->subject) + g_strv_length (rule->body);
        }
      g_assert_cmpuint (phrases, >=, 16);
    }
  g_assert_cmpuint (objector_playbook_get_mail_languages (playbook)->len, ==, 8);
  ObjectorMailRule *code_rule = g_ptr_array_index (rules, 0);
  g_assert_cmpint (code_rule->kind, ==, OBJECTOR_MAIL_KIND_CODE);
  g_assert_true (g_strv_contains ((const char * const *) code_rule->subject, "bestätigungscode"));
}

/* Each mail rule has phrases in the languages the app promises. */
static void
test_bundled_mail_languages (void)
{
  g_autoptr(JsonNode) root = test_util_bundled_playbook_json ();
  JsonObject *mail = json_object_get_object_member (json_node_get_object (root), "mail");
  JsonArray *rules = json_object_get_array_member (mail, "rules");
  const char * const languages[] = { "en", "de", "fr", "es", "it", "nl", "pl", "pt" };

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);

      for (guint j = 0; j < G_N_ELEMENTS (languages); j++)
        {
          JsonObject *subject = json_object_get_object_member (rule, "subject");
          JsonObject *body = json_object_get_object_member (rule, "body");

          g_assert_true (json_object_has_member (subject, languages[j]));
          g_assert_true (json_object_has_member (body, languages[j]));
        }
    }
}

static void
test_mail_kind_strings (void)
{
  for (ObjectorMailKind kind = OBJECTOR_MAIL_KIND_CODE; kind <= OBJECTOR_MAIL_KIND_OTHER; kind++)
    {
      ObjectorMailKind parsed;

      g_assert_true (objector_mail_kind_from_string (objector_mail_kind_to_string (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
    }

  for (ObjectorPathKind kind = OBJECTOR_PATH_KIND_OBJECTION;
       kind <= OBJECTOR_PATH_KIND_THIRD_PARTY;
       kind++)
    {
      ObjectorPathKind parsed;

      g_assert_true (objector_path_kind_from_string (objector_path_kind_to_string (kind), &parsed));
      g_assert_cmpint (parsed, ==, kind);
    }

  {
    ObjectorMailKind mail_kind;
    ObjectorPathKind path_kind;

    g_assert_false (objector_mail_kind_from_string ("spam", &mail_kind));
    g_assert_false (objector_mail_kind_from_string (NULL, &mail_kind));
    g_assert_false (objector_path_kind_from_string ("opt-out", &path_kind));
  }
}

static void
test_paths_for_country (void)
{
  g_autoptr(ObjectorPlaybook) playbook = load_bundled ();
  const char * const all[] = { "facebook-objection", "instagram-objection", "whatsapp-objection", "third-party", NULL };
  const char * const third_party_only[] = { "third-party", NULL };
  const struct {
    const char *country;
    const char * const *ids;
  } cases[] = {
    { "DE", all },
    { "de", all },
    { "dE", all },
    { "FR", all },
    { "GR", all },
    { "GB", all },
    { "gb", all },
    { "NO", all },
    { "IS", all },
    { "LI", all },
    { "US", third_party_only },
    { "us", third_party_only },
    { "CH", third_party_only },
    { "BR", third_party_only },
    { "UK", third_party_only },  /* the region id, not a country code */
    { "", third_party_only },
  };
  ObjectorPath *facebook, *instagram;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) model = NULL;

      model = objector_playbook_paths_for_country (playbook, cases[i].country);

      g_test_message ("country “%s”", cases[i].country);
      assert_ids (model, cases[i].ids);
    }

  facebook = objector_playbook_lookup_path (playbook, "facebook-objection");
  instagram = objector_playbook_lookup_path (playbook, "instagram-objection");
  g_assert_true (objector_playbook_path_applies (playbook, facebook, "at"));
  g_assert_false (objector_playbook_path_applies (playbook, instagram, "CA"));
}

/* Objections come first even when the playbook lists them later. */
static void
test_paths_for_country_order (void)
{
  g_autoptr(JsonNode) root = test_util_bundled_playbook_json ();
  g_autoptr(GError) error = NULL;
  JsonArray *paths = json_object_get_array_member (json_node_get_object (root), "paths");
  JsonNode *first = json_node_ref (json_array_get_element (paths, 0));

  /* facebook-objection to the end: instagram-, whatsapp-objection, third-party, facebook-objection */
  json_array_remove_element (paths, 0);
  json_array_add_element (paths, first);
  g_autoptr(GBytes) bytes = test_util_json_bytes (root);
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_bytes (bytes, "test", &error);
  g_assert_no_error (error);

  g_autoptr(GListModel) model = objector_playbook_paths_for_country (playbook, "SE");
  assert_ids (model, (const char * const[]) {
                "instagram-objection", "whatsapp-objection", "facebook-objection", "third-party", NULL });
}

static void
test_urls_allowed (void)
{
  g_autoptr(ObjectorPlaybook) playbook = load_bundled ();
  GListModel *paths = objector_playbook_get_paths (playbook);
  ObjectorPath *facebook = objector_playbook_lookup_path (playbook, "facebook-objection");
  ObjectorPath *instagram = objector_playbook_lookup_path (playbook, "instagram-objection");
  const char * const allowed[] = {
    "https://facebook.com/privacy/genai",
    "HTTPS://WWW.FACEBOOK.COM/help",
  };
  const char * const refused[] = {
    "http://www.facebook.com/help/contact/6359191084165019",
    "https://www.facebook.com.evil.example/",
    "https://www.facebook.com@evil.example/",
    "https://user@www.facebook.com/",
    "https://help.instagram.com/contact/233964459562201",
    "www.facebook.com/help",
    "javascript:alert(1)",
    "https:///help",
    "",
  };

  for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
    {
      ObjectorPath *path = nth_path (paths, i);
      const char *alternative = objector_path_get_alternative_form_url (path);

      g_assert_true (objector_path_url_is_allowed (path, objector_path_get_form_url (path)));
      g_assert_true (objector_path_url_is_allowed (path, objector_path_get_overview_url (path)));
      if (alternative != NULL)
        g_assert_true (objector_path_url_is_allowed (path, alternative));
    }

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    g_assert_true (objector_path_url_is_allowed (facebook, allowed[i]));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("URL “%s”", refused[i]);
      g_assert_false (objector_path_url_is_allowed (facebook, refused[i]));
    }
  g_assert_false (objector_path_url_is_allowed (facebook, NULL));
  g_assert_false (objector_path_url_is_allowed (instagram, objector_path_get_form_url (facebook)));
}

/* Localisation: texts are picked when the playbook is loaded. */

typedef struct
{
  const char *language;
  const char *title;
} LanguageCase;

static void
with_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_localisation_bundled (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  const LanguageCase cases[] = {
    { "de", "Facebook: Widerspruch gegen KI-Training" },
    { "de_DE", "Facebook: Widerspruch gegen KI-Training" },
    { "fr_BE:de", "Facebook : s’opposer à l’entraînement de l’IA" },
    { "sv:fr", "Facebook : s’opposer à l’entraînement de l’IA" },
    { "sv", "Facebook: object to AI training" },
    { "en_GB", "Facebook: object to AI training" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObjectorPlaybook) playbook = NULL;
      ObjectorPath *path;

      with_language (cases[i].language);
      playbook = load_bundled ();
      path = objector_playbook_lookup_path (playbook, "facebook-objection");

      g_test_message ("LANGUAGE=%s", cases[i].language);
      g_assert_cmpstr (objector_path_get_title (path), ==, cases[i].title);

      if (g_str_has_prefix (cases[i].language, "de"))
        {
          ObjectorField *field = objector_path_get_fields (path)->pdata[0];

          g_assert_cmpstr (field->label, ==, "Land des Wohnsitzes");
          g_assert_cmpstr (objector_path_get_steps (path)[2], ==,
                           "Wenn das Formular nach Ihrem Land fragt, wählen Sie das Land, in dem Sie wohnen.");
          g_assert_true (g_str_has_prefix (objector_path_get_reason_full (path),
                                           "Gemäß Art. 21 Abs. 1 DSGVO"));
        }
    }

  with_language (saved);
}

static void
test_localisation_regional (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *filename = fixture ("minimal.json");
  const LanguageCase cases[] = {
    { "de_AT", "Einspruch erheben" },   /* exact match first */
    { "de_CH", "Widersprechen" },       /* then the language */
    { "de", "Widersprechen" },
    { "pt_BR", "Opor-se" },
    { "fr", "Object" },                 /* then English */
    { "nl:de_AT", "Einspruch erheben" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObjectorPlaybook) playbook = NULL;
      g_autoptr(GError) error = NULL;
      ObjectorPath *path;

      with_language (cases[i].language);
      playbook = objector_playbook_new_from_file (filename, &error);
      g_assert_no_error (error);
      path = objector_playbook_lookup_path (playbook, "alpine-objection");

      g_test_message ("LANGUAGE=%s", cases[i].language);
      g_assert_cmpstr (objector_path_get_title (path), ==, cases[i].title);
      /* Plain strings are English and the same everywhere. */
      g_assert_cmpstr (objector_path_get_summary (path), ==, "A plain English summary.");
    }

  with_language ("de");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_file (filename, &error);
    ObjectorPath *path = objector_playbook_lookup_path (playbook, "alpine-objection");

    g_assert_no_error (error);
    g_assert_true (g_strv_equal (objector_path_get_steps (path),
                                 (const char * const[]) { "Open the form.", "Abschicken.", NULL }));
  }

  with_language (saved);
}

/* A small playbook read from a file: plain strings, overrides, unknown keys. */
static void
test_minimal_file (void)
{
  g_autofree char *filename = fixture ("minimal.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_file (filename, &error);
  gint64 version = 0;
  g_autofree char *origin = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (objector_playbook_get_origin (playbook), ==, filename);
  g_assert_cmpint (objector_playbook_get_version (playbook), ==, 7);
  g_object_get (playbook, "version", &version, "origin", &origin, NULL);
  g_assert_cmpint (version, ==, 7);
  g_assert_cmpstr (origin, ==, filename);

  ObjectorPath *path = objector_playbook_lookup_path (playbook, "alpine-objection");
  g_assert_cmpuint (objector_path_get_answer_months (path), ==, 1);
  g_assert_cmpuint (objector_path_get_extension_months (path), ==, 3);
  g_assert_false (objector_path_get_has_code_step (path));
  g_assert_cmpuint (objector_path_get_app_routes (path)->len, ==, 0);
  g_assert_null (objector_path_get_alternative_form_url (path));

  ObjectorField *notes = objector_path_get_fields (path)->pdata[1];
  g_assert_cmpstr (notes->id, ==, "notes");
  g_assert_cmpstr (notes->hint, ==, "Anything else.");
  g_assert_null (notes->fill);
  g_assert_false (notes->required);
  g_assert_null (((ObjectorField *) objector_path_get_fields (path)->pdata[0])->hint);

  ObjectorMailRule *rule = objector_playbook_get_mail_rules (playbook)->pdata[0];
  g_assert_cmpint (rule->kind, ==, OBJECTOR_MAIL_KIND_OTHER);
  g_assert_true (g_strv_equal ((const char * const *) rule->subject,
                               (const char * const[]) { "hello", NULL }));
  g_assert_cmpuint (g_strv_length (rule->body), ==, 0);

  g_autoptr(GListModel) at = objector_playbook_paths_for_country (playbook, "at");
  g_autoptr(GListModel) de = objector_playbook_paths_for_country (playbook, "DE");
  assert_ids (at, (const char * const[]) { "alpine-objection", NULL });
  assert_ids (de, (const char * const[]) { NULL });

  {
    g_autofree char *title = NULL;
    ObjectorPathKind kind;
    gboolean has_code_step = TRUE;

    g_object_get (path, "title", &title, "kind", &kind, "has-code-step", &has_code_step, NULL);
    g_assert_nonnull (title);
    g_assert_cmpint (kind, ==, OBJECTOR_PATH_KIND_OBJECTION);
    g_assert_false (has_code_step);
  }
}

static void
test_file_errors (void)
{
  g_autofree char *broken = fixture ("http-form-url.json");
  g_autofree char *expected = g_strdup_printf ("“%s”: paths[0].form_url: not an https URL", broken);
  g_autofree char *dir = fixture ("");
  g_autofree char *expected_dir = g_strdup_printf ("“%s”: Is a directory", dir);

  assert_file_refused (FALSE, "/nonexistent/playbook.json", G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       "“/nonexistent/playbook.json”: No such file or directory");
  assert_file_refused (FALSE, broken, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK, expected);
  assert_file_refused (FALSE, dir, G_FILE_ERROR, G_FILE_ERROR_ISDIR, expected_dir);
}

/* Size limits, checked before parsing */

static void
test_size_limit (void)
{
  g_autoptr(GBytes) bundled = bundled_bytes ();
  g_autoptr(GByteArray) padded = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = g_build_filename (g_get_user_data_dir (), "huge.json", NULL);
  g_autofree char *expected = g_strdup_printf ("“%s”: (root): too large: 4194305 bytes (the limit is 4 MiB)",
                                               filename);
  gsize size;
  const guint8 *data = g_bytes_get_data (bundled, &size);

  /* Exactly 4 MiB of valid JSON loads … */
  g_byte_array_append (padded, data, size);
  while (padded->len < OBJECTOR_PLAYBOOK_MAX_SIZE)
    g_byte_array_append (padded, (const guint8 *) " ", 1);
  g_autoptr(GBytes) exact = g_bytes_new (padded->data, padded->len);
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_bytes (exact, "test", &error);
  g_assert_no_error (error);
  g_assert_nonnull (playbook);
  g_clear_object (&playbook);

  /* … one byte more does not. */
  g_byte_array_append (padded, (const guint8 *) " ", 1);
  g_autoptr(GBytes) over = g_bytes_new (padded->data, padded->len);
  assert_bytes_refused (over, "(root): too large: 4194305 bytes (the limit is 4 MiB)");

  write_file (filename, over);
  assert_file_refused (FALSE, filename, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK, expected);
}

/* objector_playbook_load_default(). The harness points XDG_DATA_HOME at a
 * folder of this program's own; each test starts without a user playbook. */

static void
reset_user_data (void)
{
  test_util_reset_data ();
}

static void
write_user_playbook (gint64      version,
                     const char *path,
                     const char *value_json)
{
  g_autoptr(JsonNode) root = test_util_bundled_playbook_json ();
  g_autofree char *filename = objector_playbook_dup_user_filename ();
  g_autofree char *version_json = g_strdup_printf ("%" G_GINT64_FORMAT, version);

  mutate (root, "version", version_json);
  if (path != NULL)
    mutate (root, path, value_json);
  g_autoptr(GBytes) bytes = test_util_json_bytes (root);
  write_file (filename, bytes);
}

static void
test_default_bundled (void)
{
  g_autofree char *filename = objector_playbook_dup_user_filename ();
  g_autofree char *expected = g_build_filename (g_getenv ("XDG_DATA_HOME"),
                                                "objector", "playbook.json", NULL);

  reset_user_data ();
  g_autoptr(ObjectorPlaybook) playbook = load_default_from (NULL, "bundled");
  g_assert_cmpstr (filename, ==, expected);
  g_assert_false (g_file_test (filename, G_FILE_TEST_EXISTS));
  g_assert_cmpint (objector_playbook_get_version (playbook), ==, BUNDLED_VERSION);
}

static void
test_default_user_newer (void)
{
  g_autofree char *filename = objector_playbook_dup_user_filename ();

  reset_user_data ();
  write_user_playbook (BUNDLED_VERSION + 1, "paths[3].forms[1].url",
                       "\"https://www.facebook.com/help/contact/999\"");
  g_autoptr(ObjectorPlaybook) playbook = load_default_from (NULL, filename);
  g_assert_cmpint (objector_playbook_get_version (playbook), ==, BUNDLED_VERSION + 1);
  ObjectorPath *third_party = objector_playbook_lookup_path (playbook, "third-party");
  g_assert_cmpstr (((ObjectorFormCandidate *) g_ptr_array_index (objector_path_get_forms (third_party), 1))->url, ==,
                   "https://www.facebook.com/help/contact/999");
}

static void
test_default_user_older (void)
{
  reset_user_data ();
  write_user_playbook (BUNDLED_VERSION - 1, NULL, NULL);
  g_object_unref (load_default_from (NULL, "bundled"));

  /* The same version is not newer either. */
  write_user_playbook (BUNDLED_VERSION, NULL, NULL);
  g_object_unref (load_default_from (NULL, "bundled"));
}

static void
test_default_user_invalid (void)
{
  g_autoptr(GBytes) garbage = g_bytes_new_static ("{\"format\": 1,", 13);
  g_autofree char *filename = objector_playbook_dup_user_filename ();

  /* Newer but invalid: ignored quietly (g_debug, so fatal-warnings passes). */
  reset_user_data ();
  write_user_playbook (BUNDLED_VERSION + 1, "paths[0].form_url", "\"http://www.facebook.com/\"");
  g_object_unref (load_default_from (NULL, "bundled"));

  write_file (filename, garbage);
  g_object_unref (load_default_from (NULL, "bundled"));

  /* A directory where the file should be. */
  g_assert_cmpint (g_remove (filename), ==, 0);
  g_assert_cmpint (g_mkdir (filename, 0700), ==, 0);
  g_object_unref (load_default_from (NULL, "bundled"));
}

static void
test_default_override (void)
{
  g_autofree char *minimal = fixture ("minimal.json");
  g_autofree char *broken = fixture ("http-form-url.json");
  g_autofree char *expected = g_strdup_printf ("“%s”: paths[0].form_url: not an https URL", broken);

  /* The override wins over a newer user copy, even with a lower version. */
  reset_user_data ();
  write_user_playbook (BUNDLED_VERSION + 1, NULL, NULL);
  g_autoptr(ObjectorPlaybook) playbook = load_default_from (minimal, minimal);
  g_assert_cmpint (objector_playbook_get_version (playbook), ==, 7);

  /* Its errors are returned: no fallback. */
  assert_file_refused (TRUE, broken, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK, expected);
  assert_file_refused (TRUE, "/nonexistent/override.json", G_FILE_ERROR, G_FILE_ERROR_NOENT,
                       "“/nonexistent/override.json”: No such file or directory");
}

/* Broken playbooks: each case changes one thing in the bundled playbook
 * (or replaces it with @raw) and names the exact message. */

typedef struct
{
  const char *name;
  const char *target;   /* JSON path to change */
  const char *value;    /* JSON text to put there; NULL removes it */
  const char *raw;      /* instead of a mutation: the whole input */
  const char *message;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  /* The input as a whole */
  { "syntax-missing-colon", NULL, NULL,
    "{\n  \"format\": 1,\n  \"version\" 2\n}",
    "line 3, column 11: Parse error: "
    "unexpected string constant \"version\", expected character `:'" },
  { "syntax-trailing-comma", NULL, NULL,
    "{\"format\": 1, \"paths\": [1, 2,]}",
    "line 1, column 29: Parse error: unexpected character `,', expected character `]'" },
  { "syntax-trailing-garbage", NULL, NULL,
    "{} x",
    "line 1, column 4: Parse error: unexpected identifier `x', expected end of file" },
  { "not-utf8", NULL, NULL, "{\"format\": \"\xff\"}",
    "(root): JSON data must be UTF-8 encoded" },
  { "empty", NULL, NULL, "", "(root): the playbook is empty" },
  { "blank", NULL, NULL, " \n\t ", "(root): the playbook is empty" },
  { "root-array", NULL, NULL, "[{\"format\": 1}]", "(root): not a JSON object" },
  { "root-string", NULL, NULL, "\"playbook\"", "(root): not a JSON object" },

  /* The header */
  { "format-missing", "format", NULL, NULL, "format: missing" },
  { "format-newer", "format", "2", NULL,
    "format: unsupported format 2 (this version of Objector reads format 1)" },
  { "format-string", "format", "\"1\"", NULL, "format: expected an integer" },
  { "version-missing", "version", NULL, NULL, "version: missing" },
  { "version-null", "version", "null", NULL, "version: missing" },
  { "version-zero", "version", "0", NULL, "version: must be a positive integer" },
  { "version-negative", "version", "-2026112101", NULL, "version: must be a positive integer" },
  { "version-fraction", "version", "2026112101.5", NULL, "version: expected an integer" },
  { "version-string", "version", "\"2026112101\"", NULL, "version: expected an integer" },
  { "updated-impossible-date", "updated", "\"2026-02-30\"", NULL,
    "updated: not a date in the form YYYY-MM-DD: “2026-02-30”" },
  { "updated-other-format", "updated", "\"21.11.2026\"", NULL,
    "updated: not a date in the form YYYY-MM-DD: “21.11.2026”" },

  /* Regions, deadline, mail */
  { "regions-array", "regions", "[\"eu\"]", NULL, "regions: expected an object" },
  { "region-bad-id", "regions.EU", "[\"DE\"]", NULL,
    "regions: invalid region id “EU” (use a-z, 0-9 and “-”)" },
  { "region-lowercase-country", "regions.eu[3]", "\"hr\"", NULL,
    "regions.eu[3]: “hr” is not a country code (two capital letters, like “DE”)" },
  { "region-three-letters", "regions.uk[0]", "\"GBR\"", NULL,
    "regions.uk[0]: “GBR” is not a country code (two capital letters, like “DE”)" },
  { "region-empty", "regions.eea", "[]", NULL, "regions.eea: must not be empty" },
  { "deadline-missing", "deadline", NULL, NULL, "deadline: missing" },
  { "deadline-zero", "deadline.answer_months", "0", NULL,
    "deadline.answer_months: 0 is out of range (1 to 12)" },
  { "deadline-too-long", "deadline.extension_months", "13", NULL,
    "deadline.extension_months: 13 is out of range (1 to 12)" },
  { "mail-domain-uppercase", "mail.domains[0]", "\"Facebookmail.com\"", NULL,
    "mail.domains[0]: “Facebookmail.com” is not a lowercase host name" },
  { "mail-domain-url", "mail.domains[1]", "\"https://mail.instagram.com\"", NULL,
    "mail.domains[1]: “https://mail.instagram.com” is not a lowercase host name" },
  { "mail-rule-kind", "mail.rules[1].kind", "\"spam\"", NULL,
    "mail.rules[1].kind: unknown kind “spam” "
    "(known: code, receipt, approval, rejection, extension, other)" },
  { "mail-rule-language", "mail.rules[0].subject.DE", "[\"Code\"]", NULL,
    "mail.rules[0].subject.DE: not a language code (like “de” or “pt_BR”)" },
  { "mail-rule-phrase-type", "mail.rules[2].body.fr[1]", "42", NULL,
    "mail.rules[2].body.fr[1]: expected a string" },
  { "mail-rule-no-phrases", "mail.rules[4]",
    "{\"kind\": \"other\", \"subject\": {\"en\": []}}", NULL,
    "mail.rules[4]: no subject or body phrases" },

  /* Paths */
  { "paths-empty", "paths", "[]", NULL, "paths: must not be empty" },
  { "paths-object", "paths", "{}", NULL, "paths: expected a list" },
  { "path-not-object", "paths[1]", "\"instagram-objection\"", NULL,
    "paths[1]: expected an object" },
  { "path-duplicate-id", "paths[1].id", "\"facebook-objection\"", NULL,
    "paths[1].id: duplicate id “facebook-objection”" },
  { "path-bad-id", "paths[0].id", "\"Facebook Objection\"", NULL,
    "paths[0].id: invalid id “Facebook Objection” (use a-z, 0-9 and “-”)" },
  { "path-empty-id", "paths[0].id", "\"\"", NULL, "paths[0].id: must not be empty" },
  { "path-platform", "paths[0].platform", "\"tiktok\"", NULL,
    "paths[0].platform: unknown platform “tiktok” (known: facebook, instagram, whatsapp, none)" },
  { "path-kind", "paths[2].kind", "\"opt-out\"", NULL,
    "paths[2].kind: unknown kind “opt-out” (known: objection, third-party)" },
  { "path-unknown-region", "paths[0].regions[1]", "\"xx\"", NULL,
    "paths[0].regions[1]: unknown region “xx” (known: eu, eea, uk, *)" },
  { "path-no-regions", "paths[1].regions", "[]", NULL, "paths[1].regions: must not be empty" },
  { "path-title-no-english", "paths[0].title",
    "{\"de\": \"Widerspruch\", \"fr\": \"Opposition\"}", NULL,
    "paths[0].title: missing the English (“en”) text" },
  { "path-title-number", "paths[0].title", "42", NULL,
    "paths[0].title: expected a string or an object of translations" },
  { "path-title-missing", "paths[1].title", NULL, NULL, "paths[1].title: missing" },
  { "path-title-empty-translation", "paths[0].title.de", "\"\"", NULL,
    "paths[0].title.de: must not be empty" },
  { "path-title-bad-language", "paths[0].title.German", "\"Widerspruch\"", NULL,
    "paths[0].title.German: not a language code (like “de” or “pt_BR”)" },
  { "path-summary-translation-type", "paths[2].summary.fr", "[\"Pour tout le monde\"]", NULL,
    "paths[2].summary.fr: expected a string" },
  { "path-host-uppercase", "paths[0].allowed_hosts[0]", "\"WWW.facebook.com\"", NULL,
    "paths[0].allowed_hosts[0]: “WWW.facebook.com” is not a lowercase host name" },
  { "path-host-with-port", "paths[1].allowed_hosts[0]", "\"help.instagram.com:443\"", NULL,
    "paths[1].allowed_hosts[0]: “help.instagram.com:443” is not a lowercase host name" },
  { "path-form-url-http", "paths[2].form_url",
    "\"http://www.facebook.com/help/contact/510058597920541\"", NULL,
    "paths[2].form_url: not an https URL" },
  { "path-form-url-missing", "paths[0].form_url", NULL, NULL, "paths[0].form_url: missing" },
  { "path-form-url-host", "paths[0].form_url",
    "\"https://evil.example.com/help/contact/6359191084165019\"", NULL,
    "paths[0].form_url: host “evil.example.com” is not in allowed_hosts" },
  { "path-form-url-user", "paths[0].form_url",
    "\"https://www.facebook.com@evil.example.com/\"", NULL,
    "paths[0].form_url: must not contain a user name" },
  { "path-form-url-relative", "paths[1].form_url",
    "\"help.instagram.com/contact/233964459562201\"", NULL,
    "paths[1].form_url: not a valid URL: “help.instagram.com/contact/233964459562201”" },
  { "path-overview-url-no-host", "paths[1].overview_url", "\"https:///privacy/genai\"", NULL,
    "paths[1].overview_url: has no host name" },
  { "path-overview-url-other-platform", "paths[1].overview_url",
    "\"https://www.facebook.com/privacy/genai\"", NULL,
    "paths[1].overview_url: host “www.facebook.com” is not in allowed_hosts" },
  { "path-alternative-url-http", "paths[2].alternative_form_url",
    "\"http://www.facebook.com/help/contact/1266025207620918\"", NULL,
    "paths[2].alternative_form_url: not an https URL" },
  { "path-steps-empty", "paths[0].steps", "[]", NULL, "paths[0].steps: must not be empty" },
  { "path-step-no-english", "paths[0].steps[1]", "{\"fr\": \"Choisissez le pays.\"}", NULL,
    "paths[0].steps[1]: missing the English (“en”) text" },
  { "path-app-route-app", "paths[0].app_routes[0].app", "\"tiktok\"", NULL,
    "paths[0].app_routes[0].app: unknown app “tiktok” (known: facebook, instagram, whatsapp)" },
  { "path-app-route-steps-type", "paths[1].app_routes[0].steps", "\"Open your profile.\"", NULL,
    "paths[1].app_routes[0].steps: expected a list" },
  { "path-fields-missing", "paths[2].fields", NULL, NULL, "paths[2].fields: missing" },
  { "path-field-fill", "paths[0].fields[2].fill", "\"phone\"", NULL,
    "paths[0].fields[2].fill: unknown fill “phone” "
    "(known: email, country, reason, name, account, none)" },
  { "path-field-duplicate-id", "paths[0].fields[1].id", "\"country\"", NULL,
    "paths[0].fields[1].id: duplicate id “country”" },
  { "path-field-required-missing", "paths[2].fields[3].required", NULL, NULL,
    "paths[2].fields[3].required: missing" },
  { "path-reasons-missing", "paths[1].reasons", NULL, NULL, "paths[1].reasons: missing" },
  { "path-reason-full-short", "paths[0].reasons.full.fr", "\"Je m’oppose au traitement.\"", NULL,
    "paths[0].reasons.full.fr: too short (26 of at least 100 characters)" },
  { "path-reason-full-plain-short", "paths[2].reasons.full", "\"Please stop.\"", NULL,
    "paths[2].reasons.full: too short (12 of at least 100 characters)" },
  { "path-code-step-type", "paths[0].code_step", "\"yes\"", NULL,
    "paths[0].code_step: expected true or false" },
  { "path-code-step-missing", "paths[2].code_step", NULL, NULL, "paths[2].code_step: missing" },
  { "path-deadline-type", "paths[0].deadline", "3", NULL, "paths[0].deadline: expected an object" },
  { "path-deadline-range", "paths[0].deadline", "{\"answer_months\": 13}", NULL,
    "paths[0].deadline.answer_months: 13 is out of range (1 to 12)" },

  /* Issue 14: where the form may be, and how Meta's mail is read */
  { "path-forms-empty", "paths[0].forms", "[]", NULL, "paths[0].forms: must not be empty" },
  { "path-forms-object", "paths[1].forms", "{}", NULL, "paths[1].forms: expected a list" },
  { "path-form-http", "paths[0].forms[1].url", "\"http://www.facebook.com/help/contact/6359191084165019\"", NULL,
    "paths[0].forms[1].url: not an https URL" },
  { "path-form-host", "paths[1].forms[2].url", "\"https://help.meta.com.evil.example/support\"", NULL,
    "paths[1].forms[2].url: host “help.meta.com.evil.example” is not in allowed_hosts" },
  { "path-candidate-url-missing", "paths[3].forms[1].url", NULL, NULL, "paths[3].forms[1].url: missing" },
  { "path-form-twice", "paths[0].forms[1].url", "\"https://www.facebook.com/help/contact/712876720715583\"", NULL,
    "paths[0].forms[1].url: “https://www.facebook.com/help/contact/712876720715583” is listed twice" },
  { "path-form-label-missing", "paths[0].forms[0].label", NULL, NULL, "paths[0].forms[0].label: missing" },
  { "path-form-label-no-english", "paths[1].forms[1].label", "{\"de\": \"Formular\"}", NULL,
    "paths[1].forms[1].label: missing the English (“en”) text" },
  { "path-form-date", "paths[0].forms[0].last_checked", "\"2025-13-01\"", NULL,
    "paths[0].forms[0].last_checked: not a date in the form YYYY-MM-DD: “2025-13-01”" },
  { "path-form-date-type", "paths[2].forms[0].last_checked", "20250527", NULL,
    "paths[2].forms[0].last_checked: expected a string" },
  { "path-form-kind", "paths[0].forms[2].kind", "\"pdf\"", NULL,
    "paths[0].forms[2].kind: unknown kind “pdf” (known: form, page)" },
  { "path-form-first-is-page", "paths[0].forms[0].kind", "\"page\"", NULL,
    "paths[0].forms[0].kind: the first of the forms must be a form, not a page" },
  { "path-form-url-not-first", "paths[0].form_url", "\"https://www.facebook.com/help/contact/6359191084165019\"", NULL,
    "paths[0].form_url: must be the first of the forms (https://www.facebook.com/help/contact/712876720715583)" },
  { "path-platform-threads", "paths[1].platform", "\"threads\"", NULL,
    "paths[1].platform: unknown platform “threads” (known: facebook, instagram, whatsapp, none)" },
  { "mail-language-code", "mail.languages.EN", "{}", NULL,
    "mail.languages.EN: not a language code (like “de” or “pt_BR”)" },
  { "mail-language-type", "mail.languages.de", "[]", NULL, "mail.languages.de: expected an object" },
  { "mail-language-break-words", "mail.languages.en.breaks[0]", "\"and then\"", NULL,
    "mail.languages.en.breaks[0]: must be a single word: “and then”" },
  { "mail-language-negation-empty", "mail.languages.de.negations[0]", "\" \"", NULL,
    "mail.languages.de.negations[0]: must not be empty" },
  { "mail-language-contraction", "mail.languages.en.contractions.wont", "\"will not\"", NULL,
    "mail.languages.en.contractions.wont: a contraction must contain an apostrophe (')" },
  { "mail-language-contraction-type", "mail.languages.fr.contractions", "[\"n'\"]", NULL,
    "mail.languages.fr.contractions: expected an object" },
  { "mail-rule-unrecognised", "mail.rules[2].kind", "\"unrecognised\"", NULL,
    "mail.rules[2].kind: unknown kind “unrecognised” "
    "(known: code, receipt, approval, rejection, extension, other)" },
  { "mail-rule-negated", "mail.rules[3].negated", "\"approval\"", NULL,
    "mail.rules[3].negated: “approval” is not another kind of email "
    "(known: code, receipt, approval, rejection, extension, other)" },
  { "mail-rule-negated-unknown", "mail.rules[3].negated", "\"maybe\"", NULL,
    "mail.rules[3].negated: “maybe” is not another kind of email "
    "(known: code, receipt, approval, rejection, extension, other)" },
  { "mail-rule-weight", "mail.rules[2].weight", "5", NULL, "mail.rules[2].weight: 5 is out of range (1 to 3)" },
  { "mail-rule-weight-type", "mail.rules[2].weight", "\"strong\"", NULL, "mail.rules[2].weight: expected an integer" },
  { "mail-rule-sender", "mail.rules[0].senders", "[\"Security\"]", NULL,
    "mail.rules[0].senders[0]: “Security” is not the lowercase part of an address before the “@”" },
  { "mail-rule-gap-first", "mail.rules[0].body.en[0]", "\"… code\"", NULL,
    "mail.rules[0].body.en[0]: “…” must stand between two words: “… code”" },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *broken = data;
  g_autoptr(GBytes) bytes = NULL;

  if (broken->raw != NULL)
    bytes = g_bytes_new_static (broken->raw, strlen (broken->raw));
  else
    bytes = mutated_bundled (broken->target, broken->value);

  assert_bytes_refused (bytes, broken->message);
}

/* Unknown keys are allowed, so that older versions read newer playbooks. */
static void
test_unknown_keys (void)
{
  g_autoptr(JsonNode) root = test_util_bundled_playbook_json ();
  g_autoptr(GError) error = NULL;

  mutate (root, "signature", "\"abc\"");
  mutate (root, "paths[0].checked", "\"2026-11-20\"");
  mutate (root, "paths[0].fields[0].placeholder", "{\"en\": \"Germany\"}");
  mutate (root, "mail.rules[0].weight", "2");
  mutate (root, "paths[3].alternative_form_url", NULL);
  mutate (root, "paths[1].deadline", "{\"answer_months\": 2}");
  g_autoptr(GBytes) bytes = test_util_json_bytes (root);

  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (objector_playbook_get_origin (playbook));
  ObjectorPath *path = objector_playbook_lookup_path (playbook, "third-party");
  g_assert_null (objector_path_get_alternative_form_url (path));
  path = objector_playbook_lookup_path (playbook, "instagram-objection");
  g_assert_cmpuint (objector_path_get_answer_months (path), ==, 2);
  g_assert_cmpuint (objector_path_get_extension_months (path), ==, 2);
}

/* The test helper itself: replacing an array element keeps the order. */
static void
test_mutate_helper (void)
{
  g_autoptr(JsonNode) root = json_from_string ("{\"a\": [1, 2, 3]}", NULL);

  mutate (root, "a[1]", "\"x\"");
  g_autofree char *text = json_to_string (root, FALSE);
  g_assert_cmpstr (text, ==, "{\"a\":[1,\"x\",3]}");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "playbook");

  g_test_add_func ("/playbook/mutate-helper", test_mutate_helper);
  g_test_add_func ("/playbook/bundled/loads", test_bundled_loads);
  g_test_add_func ("/playbook/bundled/regions-and-mail", test_bundled_regions_and_mail);
  g_test_add_func ("/playbook/bundled/mail-languages", test_bundled_mail_languages);
  g_test_add_func ("/playbook/kind-strings", test_mail_kind_strings);
  g_test_add_func ("/playbook/paths-for-country", test_paths_for_country);
  g_test_add_func ("/playbook/paths-for-country-order", test_paths_for_country_order);
  g_test_add_func ("/playbook/urls-allowed", test_urls_allowed);
  g_test_add_func ("/playbook/localisation/bundled", test_localisation_bundled);
  g_test_add_func ("/playbook/localisation/regional", test_localisation_regional);
  g_test_add_func ("/playbook/file/minimal", test_minimal_file);
  g_test_add_func ("/playbook/file/errors", test_file_errors);
  g_test_add_func ("/playbook/size-limit", test_size_limit);
  g_test_add_func ("/playbook/unknown-keys", test_unknown_keys);
  g_test_add_func ("/playbook/default/bundled", test_default_bundled);
  g_test_add_func ("/playbook/default/user-newer", test_default_user_newer);
  g_test_add_func ("/playbook/default/user-older", test_default_user_older);
  g_test_add_func ("/playbook/default/user-invalid", test_default_user_invalid);
  g_test_add_func ("/playbook/default/override", test_default_override);

  TEST_UTIL_ADD_CASES ("/playbook/invalid", broken_cases, test_broken);

  return test_util_run_tests ();
}

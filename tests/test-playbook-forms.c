/* test-playbook-forms.c — the bundled playbook as Meta is today: forms, hosts, translations
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Faults in the new fields are in test-playbook's table of broken playbooks.
 */

#include "config.h"

#include <string.h>

#include "objector-meta-domains.h"
#include "objector-playbook.h"
#include "objector-resources.h"
#include "objector-test-util.h"

#define FB_2025 "https://www.facebook.com/help/contact/712876720715583"
#define FB_2024 "https://www.facebook.com/help/contact/6359191084165019"
#define IG_2025 "https://help.instagram.com/contact/767264225370182"
#define IG_2024 "https://help.instagram.com/contact/233964459562201"
#define HELP    "https://help.meta.com/support/privacy"

static ObjectorPlaybook *playbook;

static void
assert_forms (const char         *path_id,
              const char * const *urls)
{
  ObjectorPath *path = objector_playbook_lookup_path (playbook, path_id);
  GPtrArray *forms = objector_path_get_forms (path);

  g_assert_cmpuint (forms->len, ==, g_strv_length ((char **) urls));
  for (guint i = 0; urls[i] != NULL; i++)
    {
      ObjectorFormCandidate *form = g_ptr_array_index (forms, i);

      g_assert_cmpstr (form->url, ==, urls[i]);
      g_assert_nonnull (form->label);
      g_assert_nonnull (form->last_checked);
      g_assert_true (objector_path_url_is_allowed (path, form->url));
    }
  g_assert_cmpstr (objector_path_get_form_url (path), ==, urls[0]);
  g_assert_true (((ObjectorFormCandidate *) g_ptr_array_index (forms, 0))->is_form);
}

/* The 2025 forms first, the 2024 ones next, then the pages that link to them. */
static void
test_bundled_order (void)
{
  assert_forms ("facebook-objection", (const char * const[]) {
                  FB_2025, FB_2024, HELP, "https://www.facebook.com/privacy/genai", NULL });
  assert_forms ("instagram-objection", (const char * const[]) {
                  IG_2025, IG_2024, HELP, "https://privacycenter.instagram.com/privacy/genai", NULL });
  assert_forms ("whatsapp-objection", (const char * const[]) {
                  "https://www.whatsapp.com/contact/forms/382532939919295", "https://faq.whatsapp.com/1285115568956956", NULL });
  assert_forms ("third-party", (const char * const[]) {
                  "https://www.facebook.com/help/contact/510058597920541",
                  "https://www.facebook.com/help/contact/1266025207620918",
                  "https://www.facebook.com/privacy/genai", NULL });
  g_assert_cmpstr (objector_path_get_alternative_form_url (objector_playbook_lookup_path (playbook, "instagram-objection")),
                   ==, IG_2024);
}

/* Every host a path opens is one of Meta's own (objector-meta-domains.h):
 * help.meta.com and WhatsApp's hosts included. */
static void
test_hosts_are_meta (void)
{
  GListModel *paths = objector_playbook_get_paths (playbook);

  for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
      const char * const *hosts = objector_path_get_allowed_hosts (path);

      for (guint h = 0; hosts[h] != NULL; h++)
        {
          g_test_message ("%s: %s", objector_path_get_id (path), hosts[h]);
          g_assert_true (objector_meta_domain_is_meta (hosts[h]));
        }
    }
}

/* The 2025 steps: logged in, the in-app question, the reason invited and
 * why, the code only if Meta asks; the reason no longer required. */
static void
test_steps_2025 (void)
{
  ObjectorPath *path = objector_playbook_lookup_path (playbook, "facebook-objection");
  const char * const *steps = objector_path_get_steps (path);
  GPtrArray *fields = objector_path_get_fields (path);
  g_autofree char *all = g_strjoinv ("\n", (char **) steps);
  g_autofree char *route = g_strjoinv ("\n", ((ObjectorAppRoute *) g_ptr_array_index (objector_path_get_app_routes (path), 0))->steps);

  test_util_assert_contains (all, "log in");
  test_util_assert_contains (all, "Does your request relate to AI at Meta?");
  test_util_assert_contains (all, "may not be effective");
  test_util_assert_contains (all, "Only if Meta asks for a code");
  test_util_assert_contains (route, "Does your request relate to AI at Meta?");
  for (guint i = 0; i < fields->len; i++)
    {
      ObjectorField *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (field->fill, "reason") == 0)
        {
          g_assert_false (field->required);
          test_util_assert_contains (field->hint, "Article 21(1)");
        }
    }
  g_assert_true (objector_path_get_has_code_step (path));
}

/* Every text of the bundled playbook is there in the eight languages. */
static void
check_texts (JsonNode   *node,
             const char *where)
{
  const char * const languages[] = { "en", "de", "fr", "es", "it", "nl", "pl", "pt_BR" };

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", where, i);

          check_texts (json_array_get_element (array, i), child);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      if (json_object_has_member (object, "en") && json_object_has_member (object, "pt_BR"))
        {
          for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
            if (!json_object_has_member (object, languages[l]))
              g_error ("%s has no “%s” text", where, languages[l]);
          return;
        }
      for (const GList *m = members; m != NULL; m = m->next)
        {
          g_autofree char *child = g_strdup_printf ("%s.%s", where, (const char *) m->data);

          check_texts (json_object_get_member (object, m->data), child);
        }
    }
}

static void
test_translations (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  (void) objector_get_resource ();
  bytes = g_resources_lookup_data (OBJECTOR_PLAYBOOK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  check_texts (json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "paths"), "paths");
}

/* Done when: `objector paths --country DE --json` offers the 2025 Facebook
 * and Instagram forms first, with the older ones as fallbacks. */
static void
test_cli_paths (void)
{
  g_auto(TestRun) run = { 0 };
  g_autoptr(JsonArray) paths = NULL;
  const char *expected[][2] = { { FB_2025, FB_2024 }, { IG_2025, IG_2024 } };

  TEST_RUN (&run, "paths", "--country", "DE", "--json");
  g_assert_cmpint (run.status, ==, 0);
  paths = test_util_parse_array (run.out);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *path = json_array_get_object_element (paths, i);
      JsonArray *forms = json_object_get_array_member (path, "form_urls");
      JsonObject *first = json_array_get_object_element (forms, 0);
      JsonObject *second = json_array_get_object_element (forms, 1);

      g_assert_cmpstr (json_object_get_string_member (path, "form_url"), ==, expected[i][0]);
      g_assert_cmpstr (json_object_get_string_member (first, "url"), ==, expected[i][0]);
      g_assert_cmpstr (json_object_get_string_member (first, "label"), ==, "Meta’s 2025 form");
      g_assert_cmpstr (json_object_get_string_member (first, "last_checked"), ==, "2025-05-27");
      g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "form");
      g_assert_cmpstr (json_object_get_string_member (second, "url"), ==, expected[i][1]);
      g_assert_cmpstr (json_object_get_string_member (second, "label"), ==, "Meta’s 2024 form");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (forms, 2), "kind"), ==, "page");
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (paths, 2), "id"), ==,
                   "whatsapp-objection");
}

/* An older playbook without "forms" still gives a list: its form, its
 * alternative form and its overview page. */
static void
test_older_playbook (void)
{
  g_autofree char *path = test_util_data_path ("playbook", "minimal.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) minimal = objector_playbook_new_from_file (path, &error);
  GPtrArray *forms;

  g_assert_no_error (error);
  forms = objector_path_get_forms (objector_playbook_lookup_path (minimal, "alpine-objection"));
  g_assert_cmpuint (forms->len, ==, 2);
  g_assert_cmpstr (((ObjectorFormCandidate *) g_ptr_array_index (forms, 0))->url, ==, "https://www.facebook.com/help/contact/100");
  g_assert_false (((ObjectorFormCandidate *) g_ptr_array_index (forms, 1))->is_form);
  g_assert_null (objector_path_get_last_checked (objector_playbook_lookup_path (minimal, "alpine-objection")));
  g_assert_cmpuint (objector_playbook_get_mail_languages (minimal)->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_util_init (&argc, &argv, "playbook-forms");
  playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/playbook-forms/bundled-order", test_bundled_order);
  g_test_add_func ("/playbook-forms/hosts-are-meta", test_hosts_are_meta);
  g_test_add_func ("/playbook-forms/steps-2025", test_steps_2025);
  g_test_add_func ("/playbook-forms/translations", test_translations);
  g_test_add_func ("/playbook-forms/cli-paths", test_cli_paths);
  g_test_add_func ("/playbook-forms/older-playbook", test_older_playbook);

  status = test_util_run_tests ();
  g_clear_object (&playbook);
  return status;
}

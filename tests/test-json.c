/* test-json.c — the typed JSON readers, and the same rule for every loader
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib turns a lone surrogate ("\ud800") into bytes that are not
 * UTF-8. Every loader reads its strings through objector-json.c, so each
 * refuses such a string with the same words (or, reading a file Objector
 * wrote itself, counts it as absent), and never hands it on.
 */

#include "config.h"

#include <string.h>

#include "objector-authorities.h"
#include "objector-complaint.h"
#include "objector-draft.h"
#include "objector-error.h"
#include "objector-json.h"
#include "objector-objection.h"
#include "objector-test-util.h"

#define NOT_TEXT "not valid text (an escape such as “\\ud800” stands for no character)"

static JsonObject *
parse (JsonParser *parser,
       const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_fault (GError     *error,
              const char *message)
{
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_strings (void)
{
  /* What each rule refuses, in its own words. */
  static const struct
  {
    const char        *member;
    ObjectorJsonFlags  flags;
    const char        *message;
  } refused[] = {
    { "null", OBJECTOR_JSON_REQUIRED, "a.null: missing" },
    { "n", OBJECTOR_JSON_OPTIONAL, "a.n: expected a string" },
    { "empty", OBJECTOR_JSON_NON_EMPTY, "a.empty: must not be empty" },
    { "bad", OBJECTOR_JSON_OPTIONAL, "a.bad: " NOT_TEXT },
    { "tab", OBJECTOR_JSON_NO_CONTROLS, "a.tab: holds a control character (U+0009), which no text in this file may" },
    { "rlo", OBJECTOR_JSON_NO_CONTROLS, "a.rlo: holds a control character (U+202E), which no text in this file may" },
  };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = parse (parser, "{\"a\": {\"s\": \"x\", \"empty\": \"\", \"n\": 3, \"null\": null, "
                                    "\"bad\": \"x\\ud800y\", \"tab\": \"a\\tb\", \"rlo\": \"\\u202e\"}}");
  JsonObject *a = json_object_get_object_member (root, "a");
  const char *text = "unset";
  char *copy = NULL;
  GError *error = NULL;

  g_assert_true (objector_json_get_string (a, "a", "s", OBJECTOR_JSON_REQUIRED, &text, &error));
  g_assert_cmpstr (text, ==, "x");

  /* Absent and null are both "missing", or fine when optional. */
  g_assert_true (objector_json_get_string (a, "a", "none", OBJECTOR_JSON_OPTIONAL, &text, &error));
  g_assert_null (text);
  g_assert_true (objector_json_get_string (a, "a", "null", OBJECTOR_JSON_OPTIONAL, &text, &error));
  g_assert_null (text);
  /* Empty, or with control characters: fine unless the rule says otherwise. */
  g_assert_true (objector_json_get_string (a, "a", "empty", OBJECTOR_JSON_OPTIONAL, &text, &error));
  g_assert_cmpstr (text, ==, "");
  g_assert_true (objector_json_get_string (a, "a", "tab", OBJECTOR_JSON_OPTIONAL, &text, &error));

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (objector_json_get_string (a, "a", refused[i].member, refused[i].flags, &text, &error));
      assert_fault (error, refused[i].message);
      g_clear_error (&error);
    }

  /* What is not text is never handed on. */
  text = "unset";
  g_assert_false (objector_json_get_string (a, "a", "bad", OBJECTOR_JSON_OPTIONAL, &text, &error));
  g_assert_null (text);
  g_clear_error (&error);

  /* At the root, a member is named alone. */
  g_assert_false (objector_json_dup_string (root, NULL, "b", OBJECTOR_JSON_REQUIRED, &copy, &error));
  assert_fault (error, "b: missing");
  g_assert_null (copy);
  g_clear_error (&error);

  /* Lenient: what is not a valid string is absent; shown text is repaired. */
  g_assert_cmpstr (objector_json_lookup_string (a, "s"), ==, "x");
  g_assert_null (objector_json_lookup_string (a, "bad"));
  g_assert_null (objector_json_lookup_string (a, "n"));
  g_assert_null (objector_json_lookup_string (NULL, "s"));
  copy = objector_json_dup_shown_string (json_object_get_member (a, "bad"));
  g_assert_true (g_utf8_validate (copy, -1, NULL));
  g_assert_cmpstr (copy, !=, "");
  g_free (copy);
  g_assert_null (objector_json_dup_shown_string (json_object_get_member (a, "n")));
}

static void
test_values (void)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = parse (parser, "{\"n\": 13, \"f\": 1.5, \"b\": true, \"s\": \"yes\", \"o\": {}, "
                                    "\"l\": [\"a\", \"\", 3], \"e\": [], \"d\": \"2026-02-30\", "
                                    "\"t\": \"2026-11-20T09:00:00Z\", \"tt\": \"soon\"}");
  g_auto(GStrv) strv = NULL;
  g_autoptr(GDateTime) time = NULL;
  JsonObject *object = NULL;
  JsonArray *array = NULL;
  const char *date = NULL;
  gboolean b = FALSE;
  gint64 n = 7;
  GError *error = NULL;

  g_assert_true (objector_json_get_int (root, NULL, "absent", OBJECTOR_JSON_OPTIONAL, 1, 12, &n, &error));
  g_assert_cmpint (n, ==, 7);
  g_assert_false (objector_json_get_int (root, NULL, "n", OBJECTOR_JSON_OPTIONAL, 1, 12, &n, &error));
  assert_fault (error, "n: 13 is out of range (1 to 12)");
  g_clear_error (&error);
  g_assert_false (objector_json_get_int (root, NULL, "f", OBJECTOR_JSON_OPTIONAL, 1, 12, &n, &error));
  assert_fault (error, "f: expected an integer");
  g_clear_error (&error);

  g_assert_true (objector_json_get_boolean (root, NULL, "b", OBJECTOR_JSON_REQUIRED, &b, &error));
  g_assert_true (b);
  g_assert_false (objector_json_get_boolean (root, NULL, "s", OBJECTOR_JSON_REQUIRED, &b, &error));
  assert_fault (error, "s: expected true or false");
  g_clear_error (&error);

  g_assert_true (objector_json_get_object (root, NULL, "o", OBJECTOR_JSON_REQUIRED, &object, &error));
  g_assert_nonnull (object);
  g_assert_false (objector_json_get_object (root, NULL, "l", OBJECTOR_JSON_REQUIRED, &object, &error));
  assert_fault (error, "l: expected an object");
  g_clear_error (&error);

  g_assert_false (objector_json_get_array (root, NULL, "o", OBJECTOR_JSON_REQUIRED, &array, &error));
  assert_fault (error, "o: expected a list");
  g_clear_error (&error);
  g_assert_false (objector_json_get_array (root, NULL, "e", OBJECTOR_JSON_NON_EMPTY, &array, &error));
  assert_fault (error, "e: must not be empty");
  g_clear_error (&error);

  /* The strings of a list are named one by one, and never empty. */
  g_assert_false (objector_json_get_strv (root, NULL, "l", OBJECTOR_JSON_REQUIRED, NULL, NULL, &strv, &error));
  assert_fault (error, "l[1]: must not be empty");
  g_assert_null (strv);
  g_clear_error (&error);
  g_assert_true (objector_json_get_strv (root, NULL, "absent", OBJECTOR_JSON_OPTIONAL, NULL, NULL, &strv, &error));
  g_assert_null (strv);
  strv = objector_json_lookup_strv (root, "l");
  g_assert_cmpuint (g_strv_length (strv), ==, 2);

  g_assert_false (objector_json_get_date (root, NULL, "d", OBJECTOR_JSON_REQUIRED, &date, &error));
  assert_fault (error, "d: not a date in the form YYYY-MM-DD: “2026-02-30”");
  g_assert_null (date);
  g_clear_error (&error);

  g_assert_true (objector_json_get_time (root, NULL, "t", OBJECTOR_JSON_REQUIRED, &time, &error));
  g_assert_cmpint (g_date_time_get_hour (time), ==, 9);
  g_clear_pointer (&time, g_date_time_unref);
  g_assert_false (objector_json_get_time (root, NULL, "tt", OBJECTOR_JSON_REQUIRED, &time, &error));
  assert_fault (error, "tt: “soon” is not a date and time");
  g_clear_error (&error);

  /* A fault at a path that is not text still gives a message that is. */
  objector_json_fail (&error, "languages.\xed\xa0\x80", "expected an object");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);
}

static void
test_texts (void)
{
  static const char * const german[] = { "de_DE", "de", "C", NULL };
  static const char * const brazil[] = { "pt_BR.UTF-8", "pt_BR", "pt", NULL };
  /* Each in the person's first language that has it. */
  static const struct
  {
    const char         *member;
    const char * const *languages;
    const char         *text;
  } found[] = {
    { "plain", german, "Hello" },
    { "t", german, "Hallo" },
    { "t", brazil, "Olá" },
  };
  static const struct
  {
    const char *member;
    guint       min_chars;
    const char *message;
  } refused[] = {
    { "plain", 10, "plain: too short (5 of at least 10 characters)" },
    { "no_en", 0, "no_en: missing the English (“en”) text" },
    { "bad_code", 0, "bad_code.German: not a language code (like “de” or “pt_BR”)" },
  };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *root = parse (parser, "{\"plain\": \"Hello\", \"t\": {\"en\": \"Hello\", \"de\": \"Hallo\", \"pt_BR\": \"Olá\"}, "
                                    "\"no_en\": {\"de\": \"Hallo\"}, \"bad_code\": {\"en\": \"x\", \"German\": \"y\"}, "
                                    "\"list\": [\"One\", {\"en\": \"Two\", \"de\": \"Zwei\"}]}");
  g_auto(GStrv) list = NULL;
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_autofree char *text = NULL;

      g_assert_true (objector_json_get_text (root, NULL, found[i].member, OBJECTOR_JSON_REQUIRED,
                                             found[i].languages, 0, &text, &error));
      g_assert_cmpstr (text, ==, found[i].text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *text = NULL;

      g_assert_false (objector_json_get_text (root, NULL, refused[i].member, OBJECTOR_JSON_REQUIRED,
                                              german, refused[i].min_chars, &text, &error));
      assert_fault (error, refused[i].message);
      g_clear_error (&error);
    }

  g_assert_true (objector_json_get_text_list (root, NULL, "list", OBJECTOR_JSON_REQUIRED, german, &list, &error));
  g_assert_cmpstr (list[0], ==, "One");
  g_assert_cmpstr (list[1], ==, "Zwei");
  g_assert_null (list[2]);

  g_assert_true (objector_json_is_language_code ("sr@latin"));
  g_assert_false (objector_json_is_language_code ("DE"));
  g_assert_false (objector_json_is_language_code ("de_"));
}

/* Collects the "n" of each element; refuses n = 0. */
static gboolean
collect_n (JsonObject  *element,
           const char  *path,
           gpointer     user_data,
           GError     **error)
{
  GString *seen = user_data;
  gint64 n = 0;

  if (!objector_json_get_int (element, path, "n", OBJECTOR_JSON_REQUIRED, 1, 9, &n, error))
    return FALSE;
  g_string_append_printf (seen, "%s=%d ", path, (int) n);
  return TRUE;
}

static void
test_lists_of_objects (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = parse (parser, "{\"good\": [{\"n\": 1}, {\"n\": 2}], \"empty\": [], "
                                      "\"not_object\": [{\"n\": 1}, 2], \"bad_n\": [{\"n\": 1}, {\"n\": 0}, {\"n\": 3}]}");
  g_autoptr(GString) seen = g_string_new (NULL);
  GError *error = NULL;

  /* Each element in order, with its JSON path. */
  g_assert_true (objector_json_foreach_object (object, "a", "good", OBJECTOR_JSON_REQUIRED, collect_n, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen->str, ==, "a.good[0]=1 a.good[1]=2 ");

  /* Absent: nothing, unless required. */
  g_string_truncate (seen, 0);
  g_assert_true (objector_json_foreach_object (object, "a", "none", OBJECTOR_JSON_OPTIONAL, collect_n, seen, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (seen->str, ==, "");
  g_assert_false (objector_json_foreach_object (object, "a", "none", OBJECTOR_JSON_REQUIRED, collect_n, seen, &error));
  assert_fault (error, "a.none: missing");
  g_clear_error (&error);
  g_assert_false (objector_json_foreach_object (object, NULL, "empty", OBJECTOR_JSON_NON_EMPTY, collect_n, seen, &error));
  assert_fault (error, "empty: must not be empty");
  g_clear_error (&error);

  /* An element that is no object, or that the reader refuses, stops the list there. */
  g_assert_false (objector_json_foreach_object (object, NULL, "not_object", OBJECTOR_JSON_REQUIRED, collect_n, seen, &error));
  assert_fault (error, "not_object[1]: expected an object");
  g_clear_error (&error);
  g_string_truncate (seen, 0);
  g_assert_false (objector_json_foreach_object (object, NULL, "bad_n", OBJECTOR_JSON_REQUIRED, collect_n, seen, &error));
  assert_fault (error, "bad_n[1].n: 0 is out of range (1 to 9)");
  g_clear_error (&error);
  g_assert_cmpstr (seen->str, ==, "bad_n[0]=1 ");
}

/* The same lone surrogate, in a string of each loader. */
static void
test_every_loader (void)
{
  const char *authorities = "{\"format\": 1, \"lead\": \"xx\", \"authorities\": [{\"slug\": \"xx\", "
                            "\"name\": \"X\\ud800Y\", \"countries\": [\"IE\"], \"address\": \"a\", "
                            "\"email\": \"a@b.ie\", \"complaint_language\": \"en\", \"law\": \"gdpr\"}]}";
  const char *objection = "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"reason\": \"\\udfffa\"}";
  const char *draft = "{\"version\": 1, \"country\": \"DE\", \"email\": \"zo\\ud800e@example.org\", "
                      "\"objections\": [\"a\", \"\\ud800b\"]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (authorities, strlen (authorities));
  g_autoptr(JsonNode) node = json_from_string (objection, NULL);
  g_autoptr(ObjectorAuthorities) loaded = NULL;
  g_autoptr(ObjectorObjection) read = NULL;
  g_autoptr(ObjectorDraft) wizard = objector_draft_new (NULL);
  g_autofree char *dir = test_util_data_dir ();
  g_autofree char *file = g_build_filename (dir, "wizard.json", NULL);
  GError *error = NULL;

  loaded = objector_authorities_new_from_bytes (bytes, &error);
  g_assert_null (loaded);
  assert_fault (error, "authorities[0].name: " NOT_TEXT);
  g_clear_error (&error);

  read = objector_objection_new_from_json (node, &error);
  g_assert_null (read);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  g_assert_cmpstr (error->message, ==, "reason: " NOT_TEXT);
  g_clear_error (&error);

  /* The draft is Objector's own: what is not text is simply not there. */
  test_util_reset_data ();
  g_free (test_util_write_file (file, draft, -1));
  g_assert_true (objector_draft_load (wizard, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (objector_draft_get_country (wizard), ==, "DE");
  g_assert_null (objector_draft_get_email (wizard));
  g_assert_cmpuint (g_strv_length ((char **) objector_draft_get_objections (wizard)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "json");

  g_test_add_func ("/json/strings", test_strings);
  g_test_add_func ("/json/values", test_values);
  g_test_add_func ("/json/texts", test_texts);
  g_test_add_func ("/json/lists-of-objects", test_lists_of_objects);
  g_test_add_func ("/json/every-loader", test_every_loader);

  return test_util_run_tests ();
}

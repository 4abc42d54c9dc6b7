/* test-cli.c — the command line end to end, in a temporary XDG_DATA_HOME
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "objector-test-util.h"

static void
test_version_and_help (void)
{
  g_auto(TestRun) run = { 0 };

  TEST_RUN (&run, "--version");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "objector " PACKAGE_VERSION "\n");

  TEST_RUN (&run, "--help");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains_all (run.out,
                                 "paths",
                                 "status",
                                 "--playbook");

  TEST_RUN (&run, "mark", "--help");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "log-rejection");
}

static void
assert_path_ids (JsonArray          *array,
                 const char * const *expected)
{
  g_assert_cmpuint (json_array_get_length (array), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, expected[i]);
      g_assert_true (json_object_has_member (o, "platform"));
      g_assert_true (json_object_has_member (o, "title"));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (o, "form_url"), "https://"));
      g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==,
                       g_str_equal (expected[i], "third-party") ? "third-party" : "objection");
    }
}

static void
test_paths (void)
{
  g_auto(TestRun) run = { 0 };
  const char * const eu[] = { "facebook-objection", "instagram-objection", "whatsapp-objection", "third-party", NULL };
  const char * const us[] = { "third-party", NULL };

  TEST_RUN (&run, "paths", "--country", "DE", "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_autoptr(JsonArray) de_paths = test_util_parse_array (run.out);
  assert_path_ids (de_paths, eu);

  TEST_RUN (&run, "paths", "--country", "de");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "facebook-objection");
  test_util_assert_contains (run.out, "https://www.facebook.com/help/contact/6359191084165019");

  /* Options may come before the command word. */
  TEST_RUN (&run, "--json", "paths", "--country", "US");
  g_assert_cmpint (run.status, ==, 0);
  g_autoptr(JsonArray) us_paths = test_util_parse_array (run.out);
  assert_path_ids (us_paths, us);

  TEST_RUN (&run, "paths", "--country", "US");
  test_util_assert_lacks (run.out, "facebook-objection");
  test_util_assert_contains (run.out, "no right to object");

  TEST_RUN (&run, "paths", "--country", "Germany");
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains (run.err, "“Germany” is not a country code");
}

static void
test_start_mark_status (void)
{
  g_auto(TestRun) open = { 0 };
  g_auto(TestRun) submit = { 0 };
  g_auto(TestRun) status = { 0 };
  g_auto(TestRun) text = { 0 };
  /* Submitted at TEST_UTIL_NOW, 20 November 2026: due a calendar month later. */
  const char *due_text = "2026-12-20";

  test_util_reset_data ();
  g_autofree char *id = test_util_cli_start_account ("facebook-objection", "de", "Zoë");
  g_assert_true (g_uuid_string_is_valid (id));
  g_autofree char *prefix = g_strndup (id, 6);

  TEST_RUN (&open, "mark", prefix, "open-form");
  g_assert_cmpint (open.status, ==, 0);
  test_util_assert_contains (open.out, "ready → form-opened");

  TEST_RUN (&submit, "mark", id, "submit", "--note", "typed the code later");
  g_assert_cmpint (submit.status, ==, 0);
  test_util_assert_contains (submit.out, "form-opened → submitted");

  TEST_RUN (&status, "status", "--json");
  g_assert_cmpint (status.status, ==, 0);
  g_autoptr(JsonArray) array = test_util_parse_array (status.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  JsonObject *o = json_array_get_object_element (array, 0);

  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (o, "path"), ==, "facebook-objection");
  g_assert_cmpstr (json_object_get_string_member (o, "platform"), ==, "facebook");
  g_assert_cmpstr (json_object_get_string_member (o, "country"), ==, "DE");
  g_assert_cmpstr (json_object_get_string_member (o, "email"), ==, "zoe@example.org");
  g_assert_cmpstr (json_object_get_string_member (o, "account"), ==, "Zoë");
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "submitted");
  g_assert_nonnull (json_object_get_string_member (o, "created"));
  g_assert_nonnull (json_object_get_string_member (o, "submitted"));
  g_assert_false (json_object_get_boolean_member (o, "overdue"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "emails")), ==, 0);
  g_assert_nonnull (json_object_get_string_member (o, "reason"));  /* the playbook's short reason */
  g_assert_cmpstr (json_object_get_string_member (o, "reason"), !=, "");

  /* Due one calendar month after submission. */
  g_assert_cmpstr (json_object_get_string_member (o, "due"), ==, due_text);
  test_util_assert_contains (submit.out, due_text);

  JsonArray *history = json_object_get_array_member (o, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 2), "note"),
                   ==, "typed the code later");

  TEST_RUN (&text, "status");
  g_assert_cmpint (text.status, ==, 0);
  test_util_assert_contains_all (text.out,
                                 prefix,
                                 "submitted",
                                 due_text);
}

static void
test_illegal_event (void)
{
  g_autofree char *file = test_util_store_file ();
  g_auto(TestRun) run = { 0 };

  test_util_reset_data ();
  g_autofree char *id = test_util_cli_start_account ("instagram-objection", "FR", "Zoë");
  g_autofree char *before = test_util_read_file (file, NULL);

  TEST_RUN (&run, "mark", id, "log-approval");
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains_all (run.err,
                                 "“ready”",
                                 "“log-approval”",
                                 "Possible now: complete-details, open-form, submit, withdraw, undo");
  g_assert_cmpstr (run.out, ==, "");

  g_autofree char *after = test_util_read_file (file, NULL);
  g_assert_cmpstr (before, ==, after);
}

static void
test_usage_errors (void)
{
  struct {
    const char *args[8];
    int status;
    const char *message;
  } cases[] = {
    { { "frobnicate" }, 2, "“frobnicate” is not a command" },
    { { "status", "--bogus" }, 2, "Unknown option --bogus" },
    { { "start", "facebook-objection", "--country", "DE" }, 2, "needs --email" },
    { { "start", "facebook-objection", "--email", "a@example.org" }, 2, "needs --country" },
    { { "start", "--country", "DE", "--email", "a@example.org" }, 2, "Missing arguments" },
    { { "mark", "abc" }, 2, "Missing arguments" },
    { { "mark", "abc", "approve" }, 2, "“approve” is not an event" },
    { { "status", "extra" }, 2, "Unexpected “extra”" },
    { { "start", "facebook-objection", "--country", "US", "--email", "a@example.org" }, 1,
      "is not open to residents of US" },
    { { "start", "no-such-path", "--country", "DE", "--email", "a@example.org" }, 1,
      "There is no path “no-such-path”" },
    { { "start", "third-party", "--country", "XY", "--email", "a@example.org" }, 1,
      "“XY” is not a country code" },
    { { "start", "third-party", "--country", "US", "--email", "not-an-address" }, 1,
      "“not-an-address” is not an email address" },
    { { "mark", "ffffffff-nothing", "submit" }, 1, "No saved objection has an id starting with" },
    { { "paths", "--playbook", "/nonexistent/playbook.json" }, 1, "/nonexistent/playbook.json" },
  };

  test_util_reset_data ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TestRun) run = { 0 };

      test_util_run_argv (&run, NULL, cases[i].args);
      g_assert_cmpint (run.status, ==, cases[i].status);
      if (strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].message, run.err);
      /* One line says why (a usage error adds where to look for help). */
      g_assert_true (g_str_has_prefix (run.err, "objector: "));
    }

  /* Nothing of that was saved. */
  {
    g_autofree char *file = test_util_store_file ();
    g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  }
}

static void
test_us_resident (void)
{
  g_auto(TestRun) status = { 0 };

  test_util_reset_data ();
  g_autofree char *id = test_util_cli_start_account ("third-party", "US", "Zoë");
  TEST_RUN (&status, "status", "--json");
  g_autoptr(JsonArray) array = test_util_parse_array (status.out);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "platform"),
                   ==, "none");
}

/* Garble the state file: the next command says so and exits 1, the damaged
 * bytes are kept beside it, and new objections can be started. */
static void
test_damaged_store (void)
{
  g_auto(TestRun) run = { 0 };
  static const char garbage[] = "{\"format\": \"objector\", \"version\": 1, \"objections\": [{\"id\": \"x\"";
  g_autofree char *file = test_util_store_file ();
  g_autofree char *dir = g_path_get_dirname (file);

  test_util_reset_data ();
  g_free (test_util_cli_start_account ("facebook-objection", "AT", "Zoë"));
  g_free (test_util_write_file (file, garbage, -1));

  TEST_RUN (&run, "status");
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains (run.err, "damaged");
  test_util_assert_contains (run.err, ".damaged-");
  /* One line: the message and nothing else. */
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);

  g_auto(GStrv) copies = test_util_damaged_copies ();
  g_assert_cmpuint (g_strv_length (copies), ==, 1);
  g_autofree char *kept_path = g_build_filename (dir, copies[0], NULL);
  g_autofree char *kept = test_util_read_file (kept_path, NULL);
  g_assert_cmpstr (kept, ==, garbage);

  g_autofree char *id = test_util_cli_start_account ("facebook-objection", "AT", "Zoë");
  TEST_RUN (&run, "status");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "facebook-objection");
}

static void
test_newer_store (void)
{
  g_auto(TestRun) run = { 0 };
  static const char newer[] = "{\"format\": \"objector\", \"version\": 99, \"objections\": []}";
  g_autofree char *file = test_util_store_file ();

  test_util_reset_data ();
  g_free (test_util_write_file (file, newer, -1));

  TEST_RUN (&run, "status");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.err, "newer version");

  TEST_RUN (&run, "start", "third-party", "--country", "US", "--email", "a@example.org");
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains (run.err, "read-only");

  g_autofree char *after = test_util_read_file (file, NULL);
  g_assert_cmpstr (after, ==, newer);
}

/* Several processes writing at once lose nothing. */
static void
test_concurrent_processes (void)
{
  g_auto(TestRun) run = { 0 };
  enum { N = 8 };
  GSubprocess *processes[N];

  test_util_reset_data ();
  for (guint i = 0; i < N; i++)
    processes[i] = test_util_spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                    (const char * const[]) {
                                      "start", "third-party", "--country", "US", "--email", "a@example.org", NULL });

  for (guint i = 0; i < N; i++)
    {
      test_util_run_wait (&run, processes[i], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_object_unref (processes[i]);
    }

  TEST_RUN (&run, "status", "--json");
  g_autoptr(JsonArray) array = test_util_parse_array (run.out);
  g_assert_cmpuint (json_array_get_length (array), ==, N);
}

static void
test_playbook_override (void)
{
  g_autofree char *file = test_util_write_file ("broken-playbook.json", "{\"format\": 1}", -1);
  g_auto(TestRun) before = { 0 };
  g_auto(TestRun) after = { 0 };


  TEST_RUN (&before, "--playbook", file, "paths");
  g_assert_cmpint (before.status, ==, 1);
  test_util_assert_contains (before.err, "version");

  TEST_RUN (&after, "paths", "--playbook", file);
  g_assert_cmpint (after.status, ==, 1);
  g_assert_cmpstr (before.err, ==, after.err);
}

static void
test_store_is_private (void)
{
  g_autofree char *file = test_util_store_file ();
  g_autofree char *dir = test_util_data_dir ();

  test_util_reset_data ();
  g_free (test_util_cli_start_account ("third-party", "BR", "Zoë"));
  test_util_assert_mode (file, 0600);
  test_util_assert_mode (dir, 0700);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "cli");

  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/paths", test_paths);
  g_test_add_func ("/cli/start-mark-status", test_start_mark_status);
  g_test_add_func ("/cli/illegal-event", test_illegal_event);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/us-resident", test_us_resident);
  g_test_add_func ("/cli/damaged-store", test_damaged_store);
  g_test_add_func ("/cli/newer-store", test_newer_store);
  g_test_add_func ("/cli/concurrent-processes", test_concurrent_processes);
  g_test_add_func ("/cli/playbook-override", test_playbook_override);
  g_test_add_func ("/cli/store-is-private", test_store_is_private);

  return test_util_run_tests ();
}

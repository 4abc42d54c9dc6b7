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

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
binary (void)
{
  const char *path = g_getenv ("OBJECTOR_BINARY");

  g_assert_nonnull (path);
  return path;
}

static GSubprocess *
spawn_argv (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* No display: the command line must not need one. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  /* This test's own folders (GLib's isolation does not export them). */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static void
finish (GSubprocess *process,
        Run         *run)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
run_args (Run                *run,
          const char * const *args)
{
  g_autoptr(GSubprocess) process = spawn_argv (args);

  finish (process, run);
  g_test_message ("objector %s → %d\n%s%s", args[0] ? args[0] : "", run->status, run->out, run->err);
}

#define RUN(run, ...) run_args (run, (const char * const[]) { __VA_ARGS__, NULL })

static char *
store_file (void)
{
  return g_build_filename (g_get_user_data_dir (), "objector", "objections.json", NULL);
}

static void
reset_store (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "objector", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
}

static JsonArray *
parse_array (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_ref (json_node_get_array (node));
}

static char *
start_objection (const char *path,
                 const char *country)
{
  g_auto(Run) run = { 0 };

  RUN (&run, "start", path, "--country", country, "--email", "zoe@example.org", "--account", "Zoë");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return g_strstrip (g_strdup (run.out));
}

static void
test_version_and_help (void)
{
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };
  g_auto(Run) mark_help = { 0 };

  RUN (&version, "--version");
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "objector " PACKAGE_VERSION "\n");

  RUN (&help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "paths"));
  g_assert_nonnull (strstr (help.out, "status"));
  g_assert_nonnull (strstr (help.out, "--playbook"));

  RUN (&mark_help, "mark", "--help");
  g_assert_cmpint (mark_help.status, ==, 0);
  g_assert_nonnull (strstr (mark_help.out, "log-rejection"));
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
  const char * const eu[] = { "facebook-objection", "instagram-objection", "whatsapp-objection", "third-party", NULL };
  const char * const us[] = { "third-party", NULL };
  g_auto(Run) de = { 0 };
  g_auto(Run) de_text = { 0 };
  g_auto(Run) us_run = { 0 };
  g_auto(Run) us_text = { 0 };
  g_auto(Run) bad = { 0 };
  g_autoptr(JsonArray) de_paths = NULL;
  g_autoptr(JsonArray) us_paths = NULL;

  RUN (&de, "paths", "--country", "DE", "--json");
  g_assert_cmpint (de.status, ==, 0);
  de_paths = parse_array (de.out);
  assert_path_ids (de_paths, eu);

  RUN (&de_text, "paths", "--country", "de");
  g_assert_cmpint (de_text.status, ==, 0);
  g_assert_nonnull (strstr (de_text.out, "facebook-objection"));
  g_assert_nonnull (strstr (de_text.out, "https://www.facebook.com/help/contact/6359191084165019"));

  /* Options may come before the command word. */
  RUN (&us_run, "--json", "paths", "--country", "US");
  g_assert_cmpint (us_run.status, ==, 0);
  us_paths = parse_array (us_run.out);
  assert_path_ids (us_paths, us);

  RUN (&us_text, "paths", "--country", "US");
  g_assert_null (strstr (us_text.out, "facebook-objection"));
  g_assert_nonnull (strstr (us_text.out, "no right to object"));

  RUN (&bad, "paths", "--country", "Germany");
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "“Germany” is not a country code"));
}

static void
test_start_mark_status (void)
{
  g_autofree char *id = NULL;
  g_autofree char *prefix = NULL;
  g_auto(Run) open = { 0 };
  g_auto(Run) submit = { 0 };
  g_auto(Run) status = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) due = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                          g_date_time_get_month (now),
                                          g_date_time_get_year (now));
  char due_text[16];
  JsonObject *o;
  JsonArray *history;

  reset_store ();
  id = start_objection ("facebook-objection", "de");
  g_assert_true (g_uuid_string_is_valid (id));
  prefix = g_strndup (id, 6);

  RUN (&open, "mark", prefix, "open-form");
  g_assert_cmpint (open.status, ==, 0);
  g_assert_nonnull (strstr (open.out, "ready → form-opened"));

  RUN (&submit, "mark", id, "submit", "--note", "typed the code later");
  g_assert_cmpint (submit.status, ==, 0);
  g_assert_nonnull (strstr (submit.out, "form-opened → submitted"));

  RUN (&status, "status", "--json");
  g_assert_cmpint (status.status, ==, 0);
  array = parse_array (status.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  o = json_array_get_object_element (array, 0);

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
  g_date_add_months (due, 1);
  g_date_strftime (due_text, sizeof due_text, "%Y-%m-%d", due);
  g_assert_cmpstr (json_object_get_string_member (o, "due"), ==, due_text);
  g_assert_nonnull (strstr (submit.out, due_text));

  history = json_object_get_array_member (o, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 2), "note"),
                   ==, "typed the code later");

  RUN (&text, "status");
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, prefix));
  g_assert_nonnull (strstr (text.out, "submitted"));
  g_assert_nonnull (strstr (text.out, due_text));
}

static void
test_illegal_event (void)
{
  g_autofree char *id = NULL;
  g_autofree char *file = store_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(Run) run = { 0 };

  reset_store ();
  id = start_objection ("instagram-objection", "FR");
  g_assert_true (g_file_get_contents (file, &before, NULL, NULL));

  RUN (&run, "mark", id, "submit");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“ready”"));
  g_assert_nonnull (strstr (run.err, "“submit”"));
  g_assert_nonnull (strstr (run.err, "Possible now: complete-details, open-form, withdraw, undo"));
  g_assert_cmpstr (run.out, ==, "");

  g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
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

  reset_store ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_args (&run, cases[i].args);
      g_assert_cmpint (run.status, ==, cases[i].status);
      if (strstr (run.err, cases[i].message) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].message, run.err);
      /* One line says why (a usage error adds where to look for help). */
      g_assert_true (g_str_has_prefix (run.err, "objector: "));
    }

  /* Nothing of that was saved. */
  {
    g_autofree char *file = store_file ();
    g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  }
}

static void
test_us_resident (void)
{
  g_autofree char *id = NULL;
  g_auto(Run) status = { 0 };
  g_autoptr(JsonArray) array = NULL;

  reset_store ();
  id = start_objection ("third-party", "US");
  RUN (&status, "status", "--json");
  array = parse_array (status.out);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "platform"),
                   ==, "none");
}

/* Garble the state file: the next command says so and exits 1, the damaged
 * bytes are kept beside it, and new objections can be started. */
static void
test_damaged_store (void)
{
  static const char garbage[] = "{\"format\": \"objector\", \"version\": 1, \"objections\": [{\"id\": \"x\"";
  g_autofree char *file = store_file ();
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *id = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_copies = 0;

  reset_store ();
  g_free (start_objection ("facebook-objection", "AT"));
  g_assert_true (g_file_set_contents (file, garbage, -1, NULL));

  RUN (&first, "status");
  g_assert_cmpint (first.status, ==, 1);
  g_assert_nonnull (strstr (first.err, "damaged"));
  g_assert_nonnull (strstr (first.err, ".damaged-"));
  /* One line: the message and nothing else. */
  g_assert_true (strchr (first.err, '\n') == first.err + strlen (first.err) - 1);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, "objections.json.damaged-"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *kept = NULL;

        g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
        g_assert_cmpstr (kept, ==, garbage);
        n_copies++;
      }
  g_assert_cmpuint (n_copies, ==, 1);

  id = start_objection ("facebook-objection", "AT");
  RUN (&second, "status");
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "facebook-objection"));
}

static void
test_newer_store (void)
{
  static const char newer[] = "{\"format\": \"objector\", \"version\": 99, \"objections\": []}";
  g_autofree char *file = store_file ();
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *after = NULL;
  g_auto(Run) status = { 0 };
  g_auto(Run) start = { 0 };

  reset_store ();
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (file, newer, -1, NULL));

  RUN (&status, "status");
  g_assert_cmpint (status.status, ==, 0);
  g_assert_nonnull (strstr (status.err, "newer version"));

  RUN (&start, "start", "third-party", "--country", "US", "--email", "a@example.org");
  g_assert_cmpint (start.status, ==, 1);
  g_assert_nonnull (strstr (start.err, "read-only"));

  g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, newer);
}

/* Several processes writing at once lose nothing. */
static void
test_concurrent_processes (void)
{
  enum { N = 8 };
  GSubprocess *processes[N];
  g_auto(Run) status = { 0 };
  g_autoptr(JsonArray) array = NULL;

  reset_store ();
  for (guint i = 0; i < N; i++)
    processes[i] = spawn_argv ((const char * const[]) {
      "start", "third-party", "--country", "US", "--email", "a@example.org", NULL });

  for (guint i = 0; i < N; i++)
    {
      g_auto(Run) run = { 0 };

      finish (processes[i], &run);
      g_assert_cmpint (run.status, ==, 0);
      g_object_unref (processes[i]);
    }

  RUN (&status, "status", "--json");
  array = parse_array (status.out);
  g_assert_cmpuint (json_array_get_length (array), ==, N);
}

static void
test_playbook_override (void)
{
  g_autofree char *file = g_build_filename (g_get_tmp_dir (), "broken-playbook.json", NULL);
  g_auto(Run) before = { 0 };
  g_auto(Run) after = { 0 };

  g_assert_true (g_file_set_contents (file, "{\"format\": 1}", -1, NULL));

  RUN (&before, "--playbook", file, "paths");
  g_assert_cmpint (before.status, ==, 1);
  g_assert_nonnull (strstr (before.err, "version"));

  RUN (&after, "paths", "--playbook", file);
  g_assert_cmpint (after.status, ==, 1);
  g_assert_cmpstr (before.err, ==, after.err);
  g_unlink (file);
}

static void
test_store_is_private (void)
{
  g_autofree char *file = store_file ();
  g_autofree char *dir = g_path_get_dirname (file);
  GStatBuf st;

  reset_store ();
  g_free (start_objection ("third-party", "BR"));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

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

  return g_test_run ();
}

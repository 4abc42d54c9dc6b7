/* objector-test-util.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "objector-clock.h"
#include "objector-draft.h"
#include "objector-playbook.h"
#include "objector-resources.h"
#include "objector-test-util.h"

static char *root;
static GSList *at_end;   /* of AtEnd, the last added first */

typedef struct
{
  GDestroyNotify func;
  gpointer       data;
} AtEnd;

/* Set-up */

static char *
make_subdir (const char *name)
{
  char *path = g_build_filename (root, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

void
test_util_init_environment (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("objector-%s-XXXXXX", name);
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *state = NULL;
  g_autofree char *runtime = NULL;

  g_assert_null (root);
  root = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);

  /* Folders of our own, set before GLib first reads them. Not
   * G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its strings, which the
   * sanitizer build reports. */
  data = make_subdir ("data");
  config = make_subdir ("config");
  cache = make_subdir ("cache");
  state = make_subdir ("state");
  g_setenv ("HOME", root, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  /* The same zone and instant here and in every process started from here. */
  g_setenv ("TZ", "UTC", TRUE);
  tzset ();
  g_setenv (OBJECTOR_CLOCK_ENV, TEST_UTIL_NOW, TRUE);
  if (!objector_clock_pin_from_environment (&error))
    g_error ("%s", error->message);

  setlocale (LC_ALL, "");
}

void
test_util_init (int          *argc,
                char       ***argv,
                const char   *name)
{
  /* What the tests compare with is English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  test_util_init_environment (name);
  g_test_init (argc, argv, NULL);
}

void
test_util_clean_up (void)
{
  objector_clock_pin (NULL);
  if (root != NULL && g_getenv ("OBJECTOR_TEST_KEEP") == NULL)
    test_util_rm_rf (root);
  g_clear_pointer (&root, g_free);
}

void
test_util_at_end (GDestroyNotify func,
                  gpointer       data)
{
  AtEnd *end = g_new (AtEnd, 1);

  *end = (AtEnd) { func, data };
  at_end = g_slist_prepend (at_end, end);
}

int
test_util_run_tests (void)
{
  int status = g_test_run ();

  while (at_end != NULL)
    {
      AtEnd *end = at_end->data;

      at_end = g_slist_delete_link (at_end, at_end);
      end->func (end->data);
      g_free (end);
    }
  test_util_clean_up ();
  return status;
}

void
test_util_add_cases (const char    *prefix,
                     gconstpointer  cases,
                     gsize          size,
                     guint          n_cases,
                     GTestDataFunc  func)
{
  for (guint i = 0; i < n_cases; i++)
    {
      gconstpointer item = (const char *) cases + i * size;
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, *(const char * const *) item);

      g_test_add_data_func (path, item, func);
    }
}

const char *
test_util_root (void)
{
  g_assert_nonnull (root);
  return root;
}

/* Time */

GDateTime *
test_util_time (const char *iso8601)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso8601, NULL);

  if (time == NULL)
    g_error ("“%s” is not an ISO 8601 time with an offset", iso8601);
  return time;
}

GDateTime *
test_util_now (void)
{
  return objector_clock_now ();
}

void
test_util_pin_clock (const char *iso8601)
{
  g_autoptr(GDateTime) when = test_util_time (iso8601);

  objector_clock_pin (when);
  g_setenv (OBJECTOR_CLOCK_ENV, iso8601, TRUE);
}

void
test_util_use_time_zone (const char *zone)
{
  g_autoptr(GTimeZone) local = NULL;

  g_setenv ("TZ", zone, TRUE);
  tzset ();
  /* GLib rereads TZ when it changes; make sure it did. */
  local = g_time_zone_new_local ();
  g_assert_cmpstr (g_time_zone_get_identifier (local), ==, zone);
}

/* Files */

/* NAME under the private root, or NAME itself when it is absolute. */
static char *
files_path (const char *name)
{
  if (g_path_is_absolute (name))
    return g_strdup (name);
  return g_build_filename (test_util_root (), "files", name, NULL);
}

char *
test_util_make_dir (const char *name)
{
  char *path = files_path (name);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

char *
test_util_write_file (const char *name,
                      const char *contents,
                      gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = files_path (name);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
test_util_read_file (const char *path,
                     gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

void
test_util_assert_mode_impl (const char *file,
                            int         line,
                            const char *path,
                            guint       mode)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", path, g_strerror (errno));

      g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, message);
    }
  else if ((st.st_mode & 0777) != mode)
    {
      g_autofree char *message = g_strdup_printf ("%s has mode %03o, not %03o", path,
                                                  (guint) (st.st_mode & 0777), mode);

      g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, message);
    }
}

static char *
data_path_va (const char *first,
              va_list     args)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) g_test_get_dir (G_TEST_DIST));
  g_ptr_array_add (parts, (gpointer) "data");
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
test_util_data_path (const char *first,
                     ...)
{
  va_list args;
  char *path;

  va_start (args, first);
  path = data_path_va (first, args);
  va_end (args);
  return path;
}

char *
test_util_read_data (gsize      *length,
                     const char *first,
                     ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  va_list args;

  va_start (args, first);
  path = data_path_va (first, args);
  va_end (args);

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

char *
test_util_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "objector", NULL);
}

char *
test_util_store_file (void)
{
  return g_build_filename (g_get_user_data_dir (), "objector", "objections.json", NULL);
}

void
test_util_reset_data (void)
{
  g_autofree char *dir = test_util_data_dir ();

  test_util_rm_rf (dir);
}

void
test_util_choose_region (const char *country,
                         const char *region)
{
  g_autoptr(ObjectorDraft) draft = objector_draft_new (NULL);
  g_autoptr(GError) error = NULL;

  objector_draft_load (draft, &error);
  g_assert_no_error (error);
  objector_draft_set_country (draft, country);
  objector_draft_set_region (draft, region);
  objector_draft_save (draft, &error);
  g_assert_no_error (error);
}

char *
test_util_write_store (const char * const *objections)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"objector\", \"version\": 1, \"objections\": [");
  g_autofree char *dir = test_util_data_dir ();
  char *file = test_util_store_file ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; objections[i] != NULL; i++)
    g_string_append_printf (json, "%s%s", i > 0 ? "," : "", objections[i]);
  g_string_append (json, "]}");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (file, json->str, json->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
  return file;
}

char **
test_util_damaged_copies (void)
{
  g_autofree char *dir = test_util_data_dir ();

  return test_util_list_dir (dir, "objections.json.damaged-");
}

JsonNode *
test_util_parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

JsonArray *
test_util_parse_array (const char *text)
{
  g_autoptr(JsonNode) node = test_util_parse_json (text);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_ref (json_node_get_array (node));
}

ObjectorPlaybook *
test_util_bundled_playbook (void)
{
  g_autoptr(GError) error = NULL;
  ObjectorPlaybook *playbook = objector_playbook_new_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (playbook);
  return playbook;
}

JsonNode *
test_util_bundled_playbook_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  (void) objector_get_resource ();
  bytes = g_resources_lookup_data (OBJECTOR_PLAYBOOK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return test_util_parse_json (text);
}

GBytes *
test_util_json_bytes (JsonNode *node)
{
  char *text = json_to_string (node, TRUE);

  return g_bytes_new_take (text, strlen (text));
}

void
test_util_assert_contains_impl (const char *file,
                                int         line,
                                const char *expression,
                                const char *haystack,
                                const char *needle,
                                gboolean    wanted)
{
  gboolean found = haystack != NULL && strstr (haystack, needle) != NULL;

  if (found != wanted)
    {
      g_autofree char *message =
        g_strdup_printf ("%s %s “%s”; it is:\n%s", expression,
                         wanted ? "does not contain" : "contains", needle,
                         haystack != NULL ? haystack : "(null)");

      g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, message);
    }
}

void
test_util_assert_contains_all_impl (const char         *file,
                                    int                 line,
                                    const char         *expression,
                                    const char         *haystack,
                                    const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    test_util_assert_contains_impl (file, line, expression, haystack, needles[i], TRUE);
}

void
test_util_assert_message_impl (const char *file,
                               int         line,
                               const char *message,
                               const char *expected)
{
  gboolean prefix = g_str_has_suffix (expected, "…");
  gsize length = strlen (expected) - (prefix ? strlen ("…") : 0);
  gboolean matches = message != NULL
                     && (prefix ? strncmp (message, expected, length) == 0 : g_str_equal (message, expected));

  g_test_message ("%s", message != NULL ? message : "(no message)");
  if (!matches)
    {
      g_autofree char *text = g_strdup_printf ("the message is “%s”, not %s“%s”",
                                               message != NULL ? message : "(null)",
                                               prefix ? "one that begins " : "", expected);

      g_assertion_message (G_LOG_DOMAIN, file, line, G_STRFUNC, text);
    }
}

/* The command line */

void
test_run_clear (TestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

const char *
test_util_binary (void)
{
  const char *path = g_getenv ("OBJECTOR_BINARY");

  if (path == NULL)
    g_error ("OBJECTOR_BINARY is not set: run the tests with `meson test`");
  return path;
}

GSubprocessLauncher *
test_util_launcher (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  /* The command line must not need a display. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  /* HOME, the XDG folders, TZ and OBJECTOR_TEST_NOW come from this
   * process's environment, set by test_util_init(). */
  return launcher;
}

GSubprocess *
test_util_spawn_with (GSubprocessLauncher *launcher,
                      const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) test_util_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

GSubprocess *
test_util_spawn (GSubprocessFlags    flags,
                 const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = test_util_launcher (flags);

  return test_util_spawn_with (launcher, args);
}

typedef struct
{
  TestRun  *run;
  gboolean  done;
  GError   *error;
} Communication;

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Communication *c = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result,
                                        &c->run->out, &c->run->err, &c->error);
  c->done = TRUE;
}

void
test_util_run_wait (TestRun     *run,
                    GSubprocess *process,
                    const char  *input)
{
  Communication c = { run, FALSE, NULL };

  test_run_clear (run);
  g_subprocess_communicate_utf8_async (process, input, NULL, communicate_cb, &c);
  test_util_wait_until (c.done);
  g_assert_no_error (c.error);

  /* communicate() returns once the pipes close; the exit comes after. */
  g_subprocess_wait (process, NULL, NULL);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

void
test_util_run_argv (TestRun            *run,
                    const char         *input,
                    const char * const *args)
{
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *command = g_strjoinv (" ", (char **) args);

  if (input != NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  process = test_util_spawn (flags, args);
  test_util_run_wait (run, process, input);
  g_test_message ("objector %s → %d\n%s%s", command, run->status, run->out, run->err);
}

char *
test_util_cli_start_account (const char *path,
                             const char *country,
                             const char *account)
{
  g_auto(TestRun) run = { 0 };

  if (account != NULL)
    TEST_RUN (&run, "start", path, "--country", country, "--email", "zoe@example.org", "--account", account);
  else
    TEST_RUN (&run, "start", path, "--country", country, "--email", "zoe@example.org");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return g_strstrip (g_strdup (run.out));
}

char *
test_util_cli_start (const char *path,
                     const char *country)
{
  return test_util_cli_start_account (path, country, NULL);
}

char *
test_util_cli_submitted (const char *path,
                         const char *country)
{
  g_auto(TestRun) open = { 0 };
  g_auto(TestRun) submit = { 0 };
  char *id = test_util_cli_start (path, country);

  TEST_RUN (&open, "mark", id, "open-form");
  g_assert_cmpint (open.status, ==, 0);
  TEST_RUN (&submit, "mark", id, "submit");
  g_assert_cmpint (submit.status, ==, 0);
  return id;
}

char *
test_util_cli_fresh_objection (char **shown)
{
  char *id;

  test_util_reset_data ();
  id = test_util_cli_submitted ("facebook-objection", "DE");
  if (shown != NULL)
    *shown = g_strndup (id, 8);
  return id;
}

JsonObject *
test_util_cli_status_of (const char *id)
{
  g_auto(TestRun) run = { 0 };
  g_autoptr(JsonArray) array = NULL;

  TEST_RUN (&run, "status", "--json");
  g_assert_cmpint (run.status, ==, 0);
  array = test_util_parse_array (run.out);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        return json_object_ref (object);
    }
  g_error ("`objector status --json` does not list %s", id);
}

/* Objections in this process */

void
test_util_apply_at (ObjectorObjection *objection,
                    ObjectorEvent      event,
                    const char        *note,
                    const char        *iso8601)
{
  g_autoptr(GDateTime) when = test_util_time (iso8601);
  g_autoptr(GError) error = NULL;

  objector_objection_apply (objection, event, note, when, &error);
  g_assert_no_error (error);
}

ObjectorStore *
test_util_store_submitted (const char  *name,
                           char       **id)
{
  g_autofree char *dir = test_util_make_dir (name);
  g_autoptr(ObjectorStore) store = objector_store_new (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorObjection) objection = NULL;

  g_assert_true (objector_store_load (store, &error));
  g_assert_no_error (error);
  objection = test_util_objection_at ("facebook-objection", "DE", TEST_UTIL_NOW,
                                      OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-11-20T09:00:30Z",
                                      OBJECTOR_EVENT_OPEN_FORM, "2026-11-20T09:01:00Z",
                                      OBJECTOR_EVENT_SUBMIT, "2026-11-20T09:05:00Z", -1);
  g_assert_true (objector_store_add (store, objection, &error));
  g_assert_no_error (error);
  *id = g_strdup (objector_objection_get_id (objection));
  return g_steal_pointer (&store);
}

static void
apply_events_va (ObjectorObjection *objection,
                 va_list            args)
{
  int event;

  while ((event = va_arg (args, int)) >= 0)
    test_util_apply_at (objection, (ObjectorEvent) event, NULL, va_arg (args, const char *));
}

void
test_util_apply_events (ObjectorObjection *objection,
                        ...)
{
  va_list args;

  va_start (args, objection);
  apply_events_va (objection, args);
  va_end (args);
}

ObjectorObjection *
test_util_objection_new (const char *path_id,
                         gboolean    code_step,
                         const char *country,
                         const char *created)
{
  g_autoptr(GDateTime) when = test_util_time (created);
  g_autofree char *platform = NULL;
  ObjectorObjection *objection;
  const char *dash = strchr (path_id, '-');

  /* "facebook-objection" → facebook; other paths ("third-party") belong to
   * no platform. */
  platform = g_str_has_suffix (path_id, "-objection") && dash != NULL ? g_strndup (path_id, dash - path_id)
                                                                      : g_strdup ("none");
  objection = objector_objection_new (path_id, platform, code_step, when);
  objector_objection_set_country (objection, country);
  objector_objection_set_email (objection, "zoe@example.org");
  return objection;
}

ObjectorObjection *
test_util_objection_at (const char *path_id,
                        const char *country,
                        const char *created,
                        ...)
{
  ObjectorObjection *objection =
    test_util_objection_new (path_id, g_str_has_suffix (path_id, "-objection"), country, created);
  va_list args;

  va_start (args, created);
  apply_events_va (objection, args);
  va_end (args);

  return objection;
}

char *
test_util_due_date (ObjectorObjection *objection)
{
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  char text[16];

  if (due == NULL)
    return NULL;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", due);
  return g_strdup (text);
}

gboolean
test_util_overdue_at (ObjectorObjection *objection,
                      const char        *iso8601)
{
  g_autoptr(GDateTime) when = test_util_time (iso8601);

  return objector_objection_is_overdue (objection, when);
}

JsonObject *
test_util_email (const char *date,
                 const char *from,
                 const char *subject,
                 const char *kind,
                 gboolean    trusted)
{
  JsonObject *email = json_object_new ();

  json_object_set_string_member (email, "date", date);
  json_object_set_string_member (email, "from", from);
  json_object_set_string_member (email, "subject", subject);
  json_object_set_string_member (email, "kind", kind);
  json_object_set_boolean_member (email, "trusted", trusted);
  return email;
}

gboolean
test_util_add_email (ObjectorObjection *objection,
                     JsonObject        *email)
{
  g_autoptr(ObjectorEmailRecord) record = objector_email_record_new_from_object (email);

  return objector_objection_add_email (objection, record);
}

/* Servers on loopback */

guint
test_util_closed_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) local = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  local = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_socket_close (socket, NULL);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
}

static void
set_links (JsonObject *path,
           const char *form,
           const char *alternative,
           const char *overview)
{
  JsonArray *hosts = json_array_new ();

  json_object_set_string_member (path, "form_url", form);
  if (alternative != NULL)
    json_object_set_string_member (path, "alternative_form_url", alternative);
  else
    json_object_remove_member (path, "alternative_form_url");
  json_object_set_string_member (path, "overview_url", overview);
  json_array_add_string_element (hosts, "127.0.0.1");
  json_object_set_array_member (path, "allowed_hosts", hosts);
}

char *
test_util_loopback_playbook (const char *name,
                             const char *form,
                             const char *alternative,
                             const char *overview,
                             const char *second_form,
                             const char *second_overview)
{
  g_autofree char *minimal = test_util_read_data (NULL, "playbook", "minimal.json", NULL);
  g_autoptr(JsonNode) playbook = test_util_parse_json (minimal);
  JsonArray *paths = json_object_get_array_member (json_node_get_object (playbook), "paths");
  g_autofree char *text = NULL;

  if (second_form != NULL)
    {
      /* A deep copy of the first path (json_node_copy() would share the object). */
      g_autofree char *first = json_to_string (json_array_get_element (paths, 0), FALSE);
      g_autoptr(JsonNode) copy = test_util_parse_json (first);
      JsonObject *second = json_node_get_object (copy);

      json_object_set_string_member (second, "id", "second-path");
      set_links (second, second_form, NULL, second_overview);
      json_array_add_object_element (paths, json_object_ref (second));
    }
  set_links (json_array_get_object_element (paths, 0), form, alternative, overview);

  text = json_to_string (playbook, TRUE);
  return test_util_write_file (name, text, -1);
}

/* Waiting */

gint64
test_util_wait_deadline (void)
{
  return g_get_monotonic_time () + (gint64) TEST_UTIL_WAIT_SECONDS * G_USEC_PER_SEC;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
test_util_wait_step (const char *what,
                     gint64      deadline)
{
  guint wake;

  if (g_get_monotonic_time () > deadline)
    g_error ("Waited %d s for %s, in vain", TEST_UTIL_WAIT_SECONDS, what);

  /* Turns the loop once, waking at least every 20 ms to look again: the
   * condition may change without any source of this context firing (another
   * thread, another process). */
  wake = g_timeout_add (20, wake_cb, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

void
test_util_wait_for (const char        *what,
                    TestUtilCondition  condition,
                    gpointer           user_data)
{
  gint64 deadline = test_util_wait_deadline ();

  while (!condition (user_data))
    test_util_wait_step (what, deadline);
}

void
test_util_store_result_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
test_util_wait_result (GAsyncResult **result)
{
  test_util_wait_until (*result != NULL);
  return *result;
}

void
test_util_set_true (gpointer flag)
{
  *(gboolean *) flag = TRUE;
}

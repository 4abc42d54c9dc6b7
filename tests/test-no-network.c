/* test-no-network.c — nothing but check-links, update-playbook and scan-mail imaps://… opens an internet socket
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "objector-test-dovecot.h"
#include "objector-test-util.h"

/* Every command runs under strace, which logs each connect() and send*();
 * an AF_INET or AF_INET6 address in the log is a socket to the network
 * (loopback included: nothing local should be needed either). */

#define TRACED_CALLS "trace=connect,sendto,sendmsg,sendmmsg"

/* The commands that go on the network when asked to; every other command in
 * `objector --help` is run here. */
static const char * const network_commands[] = { "check-links", "update-playbook", NULL };

static char *strace;
static char *objection_id;
static char *rejected_id;   /* one Meta refused: the complaint has grounds */
static char *closed_url;    /* https on a loopback port nothing listens on */

/* The command line's environment from the harness; with @display, the
 * display the tests run on, and no fatal warnings (this test is about
 * sockets: a warning from a headless X server must not stop the window
 * early). */
static GSubprocessLauncher *
new_launcher (gboolean display)
{
  GSubprocessLauncher *launcher =
    test_util_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);

  if (display)
    {
      g_subprocess_launcher_setenv (launcher, "DISPLAY", g_getenv ("DISPLAY"), TRUE);
      g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
    }
  return launcher;
}

typedef struct
{
  int   status;
  char *out;
  char *err;
  char *trace;
} Traced;

static void
traced_clear (Traced *traced)
{
  g_clear_pointer (&traced->out, g_free);
  g_clear_pointer (&traced->err, g_free);
  g_clear_pointer (&traced->trace, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Traced, traced_clear)

/* Runs @argv (a full command line) under strace, with @input (nullable)
 * on its standard input. */
static void
run_traced_input (Traced             *traced,
                  gboolean            display,
                  const char         *input,
                  const char * const *argv)
{
  static guint counter;
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (display);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) full = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *trace_file = NULL;
  g_autofree char *name = g_strdup_printf ("trace-%u.txt", ++counter);

  trace_file = g_build_filename (test_util_root (), name, NULL);
  g_ptr_array_add (full, strace);
  g_ptr_array_add (full, (gpointer) "-f");
  g_ptr_array_add (full, (gpointer) "-e");
  g_ptr_array_add (full, (gpointer) TRACED_CALLS);
  g_ptr_array_add (full, (gpointer) "-o");
  g_ptr_array_add (full, trace_file);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (full, (gpointer) argv[i]);
  g_ptr_array_add (full, NULL);

  if (input != NULL)
    g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                     | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) full->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &traced->out, &traced->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  traced->status = g_subprocess_get_exit_status (process);

  g_file_get_contents (trace_file, &traced->trace, NULL, &error);
  g_assert_no_error (error);
  /* strace really followed it to the end. */
  test_util_assert_contains (traced->trace, "+++ exited with");

  g_test_message ("%s → %d\n%s%s", argv[1] != NULL ? argv[1] : argv[0], traced->status,
                  traced->out, traced->err);
}

static void
run_traced (Traced             *traced,
            gboolean            display,
            const char * const *argv)
{
  run_traced_input (traced, display, NULL, argv);
}

/* The lines of @trace with an internet address, joined; "" when none. */
static char *
internet_lines (const char *trace)
{
  g_auto(GStrv) lines = g_strsplit (trace, "\n", -1);
  g_autoptr(GString) found = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "AF_INET") != NULL)
      g_string_append_printf (found, "%s\n", lines[i]);

  return g_string_free (g_steal_pointer (&found), FALSE);
}

static void
assert_offline (const Traced *traced)
{
  g_autofree char *lines = internet_lines (traced->trace);

  g_assert_cmpstr (lines, ==, "");
}

static void
run_cli (Traced             *traced,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) test_util_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  run_traced (traced, FALSE, (const char * const *) argv->pdata);
}

#define RUN(traced, ...) run_cli (traced, (const char * const[]) { __VA_ARGS__, NULL })

static char *
work_file (const char *name)
{
  return g_build_filename (test_util_root (), "files", name, NULL);
}

/* Known commands, with arguments that make them do their work */

static void
run_known (const char *command,
           gboolean   *known)
{
  g_autofree char *pdf = work_file ("summary.pdf");
  g_autofree char *eml = work_file ("receipt.eml");
  g_autofree char *mbox = work_file ("mbox");

  *known = TRUE;

  if (g_str_equal (command, "paths"))
    {
      g_auto(Traced) list = { 0 };
      g_auto(Traced) json = { 0 };

      RUN (&list, "paths");
      g_assert_cmpint (list.status, ==, 0);
      assert_offline (&list);
      RUN (&json, "paths", "--country", "DE", "--json");
      g_assert_cmpint (json.status, ==, 0);
      assert_offline (&json);
    }
  else if (g_str_equal (command, "start"))
    {
      g_auto(Traced) start = { 0 };

      RUN (&start, "start", "facebook-objection", "--country", "DE", "--email", "zoe@example.org");
      g_assert_cmpint (start.status, ==, 0);
      assert_offline (&start);
    }
  else if (g_str_equal (command, "mark"))
    {
      g_auto(Traced) mark = { 0 };

      RUN (&mark, "mark", objection_id, "open-form");
      g_assert_cmpint (mark.status, ==, 0);
      assert_offline (&mark);
    }
  else if (g_str_equal (command, "status"))
    {
      g_auto(Traced) status = { 0 };

      RUN (&status, "status", "--json");
      g_assert_cmpint (status.status, ==, 0);
      assert_offline (&status);
    }
  else if (g_str_equal (command, "export-pdf"))
    {
      g_auto(Traced) export = { 0 };

      RUN (&export, "export-pdf", pdf);
      assert_offline (&export);
    }
  else if (g_str_equal (command, "import-email"))
    {
      g_auto(Traced) import = { 0 };

      /* The email has a link: reading it must not follow it. */
      RUN (&import, "import-email", eml, "--to", objection_id);
      assert_offline (&import);
    }
  else if (g_str_equal (command, "scan-mail"))
    {
      g_auto(Traced) scan = { 0 };

      RUN (&scan, "scan-mail", mbox);
      assert_offline (&scan);
    }
  else if (g_str_equal (command, "accounts"))
    {
      /* On a bus of its own with nothing on it (and nothing started by
       * it): the mail accounts are asked of GNOME Online Accounts over
       * D-Bus, never of the network. */
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_autofree char *outer_bus = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
      g_auto(Traced) list = { 0 };
      g_auto(Traced) json = { 0 };

      g_test_dbus_up (bus);
      RUN (&list, "accounts");
      g_assert_cmpint (list.status, ==, 0);
      test_util_assert_contains (list.out, "GNOME Online Accounts is not running");
      assert_offline (&list);
      RUN (&json, "accounts", "--json");
      g_assert_cmpint (json.status, ==, 0);
      assert_offline (&json);
      g_test_dbus_down (bus);
      if (outer_bus != NULL)
        g_setenv ("DBUS_SESSION_BUS_ADDRESS", outer_bus, TRUE);
    }
  else if (g_str_equal (command, "complaint"))
    {
      g_auto(Traced) complaint = { 0 };

      RUN (&complaint, "complaint", rejected_id);
      assert_offline (&complaint);
    }
  else if (g_str_equal (command, "remind"))
    {
      g_auto(Traced) remind = { 0 };

      RUN (&remind, "remind", "--json");
      assert_offline (&remind);
    }
  else
    *known = FALSE;
}

static void
test_command (gconstpointer data)
{
  const char *command = data;
  g_auto(Traced) help = { 0 };
  gboolean known;

  /* Its --help, then the command at work (or, for a command this test does
   * not know yet, on its own). */
  RUN (&help, command, "--help");
  g_assert_cmpint (help.status, ==, 0);
  assert_offline (&help);

  run_known (command, &known);
  if (!known)
    {
      g_auto(Traced) bare = { 0 };

      g_test_message ("“%s” is new to this test: add arguments that make it work", command);
      RUN (&bare, command);
      assert_offline (&bare);
    }
}

static void
test_global_options (void)
{
  g_auto(Traced) help = { 0 };
  g_auto(Traced) version = { 0 };

  RUN (&help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  assert_offline (&help);
  RUN (&version, "--version");
  g_assert_cmpint (version.status, ==, 0);
  assert_offline (&version);
}

/* The detector detects: an update from a loopback address connects. (A
 * playbook may not name a loopback host: forms open only on Meta's.) */
static void
test_detector (void)
{
  g_auto(Traced) traced = { 0 };
  g_autofree char *lines = NULL;

  RUN (&traced, "update-playbook", "--url", closed_url);
  g_assert_cmpint (traced.status, ==, 1);
  lines = internet_lines (traced.trace);
  test_util_assert_contains (lines, "connect(");
  test_util_assert_contains (lines, "127.0.0.1");
}

/* scan-mail imaps://… goes on the network, as asked, and only to the server
 * named: every internet socket of the run is a connect() to it. */
static void
test_imap_connects_only_to_its_server (void)
{
  g_autofree char *unavailable = test_dovecot_unavailable ();
  g_autoptr(TestDovecot) dovecot = NULL;
  g_autoptr(GDateTime) received = NULL;
  g_autofree char *url = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *address = NULL;
  g_auto(GStrv) connects = NULL;
  g_auto(Traced) traced = { 0 };
  g_autofree char *eml = work_file ("receipt.eml");
  g_autofree char *text = NULL;
  gsize length;
  guint n = 0;

  if (unavailable != NULL)
    {
      g_test_skip (unavailable);
      return;
    }

  dovecot = test_dovecot_new ();
  g_file_get_contents (eml, &text, &length, NULL);
  received = g_date_time_new_utc (2026, 12, 2, 10, 0, 5);
  test_dovecot_deliver (dovecot, NULL, text, length, received, FALSE);
  test_dovecot_start (dovecot);
  url = test_dovecot_url (dovecot, "INBOX");

  {
    const char *argv[] = { test_util_binary (), "scan-mail", url, "--password-stdin", "--cafile",
                           test_dovecot_ca_file (dovecot), "--since", "2026-11-19", NULL };

    run_traced_input (&traced, FALSE, TEST_DOVECOT_PASSWORD "\n", argv);
  }
  g_assert_cmpint (traced.status, ==, 0);
  test_util_assert_contains (traced.out, "We received your request");

  address = g_strdup_printf ("sin_port=htons(%u), sin_addr=inet_addr(\"127.0.0.1\")",
                             test_dovecot_imaps_port (dovecot));
  lines = internet_lines (traced.trace);
  connects = g_strsplit (lines, "\n", -1);
  for (guint i = 0; connects[i] != NULL; i++)
    {
      if (*connects[i] == '\0')
        continue;
      test_util_assert_contains (connects[i], "connect(");
      test_util_assert_contains (connects[i], address);
      n++;
    }
  g_assert_cmpuint (n, >=, 1);
}

static void
test_window (void)
{
  g_auto(Traced) traced = { 0 };
  g_autofree char *dbus_run_session = g_find_program_in_path ("dbus-run-session");
  g_autofree char *timeout = g_find_program_in_path ("timeout");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      g_test_skip ("No display (DISPLAY is unset): build-aux/test runs this under Xvfb");
      return;
    }
  if (timeout == NULL)
    {
      g_test_skip ("timeout (coreutils) is not installed");
      return;
    }

  /* A bus of its own, so that another Objector on the session bus cannot
   * take over; killed after 3 seconds of running. */
  if (dbus_run_session != NULL)
    {
      g_ptr_array_add (argv, dbus_run_session);
      g_ptr_array_add (argv, (gpointer) "--");
    }
  g_ptr_array_add (argv, timeout);
  g_ptr_array_add (argv, (gpointer) "-s");
  g_ptr_array_add (argv, (gpointer) "TERM");
  g_ptr_array_add (argv, (gpointer) "3");
  g_ptr_array_add (argv, (gpointer) test_util_binary ());
  g_ptr_array_add (argv, NULL);

  run_traced (&traced, TRUE, (const char * const *) argv->pdata);

  /* 124: still running when timeout stopped it, so it did start. */
  g_assert_cmpint (traced.status, ==, 124);
  assert_offline (&traced);
}

/* Set-up */

static char **
list_commands (void)
{
  g_auto(TestRun) help = { 0 };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  gboolean in_commands = FALSE;

  TEST_RUN (&help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  lines = g_strsplit (help.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (g_str_has_prefix (lines[i], "Commands:"))
        {
          in_commands = TRUE;
          continue;
        }
      if (!in_commands)
        continue;
      if (!g_str_has_prefix (lines[i], "  "))
        break;

      words = g_strsplit_set (g_strstrip (lines[i]), " ", 2);
      if (!g_strv_contains (network_commands, words[0]))
        g_strv_builder_add (builder, words[0]);
    }

  return g_strv_builder_end (builder);
}

static void
write_fixtures (void)
{
  const char *email =
    "From: Facebook <security@facebookmail.com>\n"
    "To: zoe@example.org\n"
    "Subject: We received your request\n"
    "Date: Wed, 02 Dec 2026 10:00:00 +0000\n"
    "Message-ID: <no-network-test@facebookmail.com>\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Hi Zoe, we have received your request and will review it.\n"
    "https://www.facebook.com/help/contact/6359191084165019\n";
  g_autofree char *mbox_text = g_strconcat ("From security@facebookmail.com Wed Dec  2 10:00:00 2026\n",
                                            email, "\n", NULL);
  g_free (test_util_write_file ("receipt.eml", email, -1));
  g_free (test_util_write_file ("mbox", mbox_text, -1));
  /* A port nothing listens on, for the detector's own test. */
  closed_url = g_strdup_printf ("https://127.0.0.1:%u/meta.json", test_util_closed_port ());
}

/* Objections to act on, made outside strace. */
static void
create_objections (void)
{
  g_auto(TestRun) rejection = { 0 };

  objection_id = test_util_cli_start ("facebook-objection", "DE");
  g_assert_cmpstr (objection_id, !=, "");

  rejected_id = test_util_cli_submitted ("instagram-objection", "FR");
  TEST_RUN (&rejection, "mark", rejected_id, "log-rejection");
  g_assert_cmpint (rejection.status, ==, 0);
}

/* strace may be missing, or not allowed to trace (some containers). */
static gboolean
strace_works (void)
{
  g_autofree char *probe = g_build_filename (test_util_root (), "probe.txt", NULL);
  const char *argv[] = { strace, "-f", "-o", probe, "true", NULL };
  int status = 0;

  if (strace == NULL)
    return FALSE;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                       | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
         && g_spawn_check_wait_status (status, NULL);
}

static void
test_skipped (void)
{
  g_test_skip ("strace is not installed or may not trace here (build-aux/test installs it)");
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) commands = NULL;
  int status;

  test_util_init (&argc, &argv, "no-network");
  strace = g_find_program_in_path ("strace");

  if (!strace_works ())
    {
      g_test_add_func ("/no-network/strace", test_skipped);
      g_free (strace);
      return test_util_run_tests ();
    }

  write_fixtures ();
  create_objections ();
  commands = list_commands ();
  /* The table cannot shrink below what the design names. */
  g_assert_true (g_strv_contains ((const char * const *) commands, "paths"));
  g_assert_true (g_strv_contains ((const char * const *) commands, "status"));

  g_test_add_func ("/no-network/cli/global-options", test_global_options);
  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("/no-network/cli/%s", commands[i]);

      g_test_add_data_func (name, commands[i], test_command);
    }
  g_test_add_func ("/no-network/detector", test_detector);
  g_test_add_func ("/no-network/imap-connects-only-to-its-server", test_imap_connects_only_to_its_server);
  g_test_add_func ("/no-network/window", test_window);

  status = test_util_run_tests ();

  g_clear_pointer (&strace, g_free);
  g_clear_pointer (&objection_id, g_free);
  g_clear_pointer (&rejected_id, g_free);
  g_clear_pointer (&closed_url, g_free);

  return status;
}

/* test-imap.c — Meta's answers from a mail account, against a real Dovecot
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server is Dovecot on 127.0.0.1 with a self-signed certificate and a
 * Maildir this test fills (objector-test-dovecot.c); the client is
 * `objector scan-mail imaps://…` and the core API it uses. Skipped only
 * when Dovecot is not installed.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "objector-error.h"
#include "objector-imap-account.h"
#include "objector-imap-scanner.h"
#include "objector-store.h"
#include "objector-test-dovecot.h"
#include "objector-test-util.h"

#define PASSWORD_LINE TEST_DOVECOT_PASSWORD "\n"

/* The server most tests share, and what its INBOX holds. */
static TestDovecot *server;
static char *skip_reason;
static GThread *main_thread;

/* What the server's search must find (Meta's domains, since 2026-11-19):
 * four emails of the fixtures and one notification; the "other" one is
 * counted, not listed. */
static const char * const expected_ids[] = {
  "receipt-en.42@facebookmail.com",       /* Facebook, verified receipt */
  "approval-de.1a2b3c@facebookmail.com",  /* Facebook, verified approval */
  "spoofed.1@mailer.example.net",         /* From facebookmail.com, DKIM/DMARC fail */
  "rejection-fr.77aa@mail.instagram.com", /* Instagram: no objection of that platform */
  NULL
};
/* The command line lists Meta's other mail too (nothing from Meta is hidden):
 * after those, Facebook's notification, which nothing verifies. */
#define NOTIFICATION_ID "notification.1@facebookmail.com"
#define N_META_MATCHES 5

/* Fixtures */

static char *
read_mail (const char *name,
           gsize      *length)
{
  return test_util_read_data (length, "mail", name, NULL);
}

static void
deliver_fixture (TestDovecot *dovecot,
                 const char  *name,
                 const char  *received,
                 gboolean     seen)
{
  gsize length;
  g_autofree char *text = read_mail (name, &length);
  g_autoptr(GDateTime) when = test_util_time (received);

  test_dovecot_deliver (dovecot, NULL, text, length, when, seen);
}

static void
deliver_text (TestDovecot *dovecot,
              const char  *mailbox,
              const char  *text,
              const char  *received,
              gboolean     seen)
{
  g_autoptr(GDateTime) when = test_util_time (received);

  test_dovecot_deliver (dovecot, mailbox, text, strlen (text), when, seen);
}

static char *
ordinary_mail (guint i)
{
  return g_strdup_printf ("From: Friend %u <friend%u@example.net>\n"
                          "To: zoe@example.org\n"
                          "Subject: Dinner on Friday? (%u)\n"
                          "Date: Sat, 21 Nov 2026 12:00:00 +0000\n"
                          "Message-ID: <friend.%u@example.net>\n"
                          "Content-Type: text/plain; charset=utf-8\n"
                          "\n"
                          "Shall we meet at eight? I read about Facebook and Meta in the paper.\n",
                          i, i, i, i);
}

static void
fill_inbox (TestDovecot *dovecot)
{
  gsize length;

  /* Other mail, some read, some not; one names Facebook in its text. */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *text = ordinary_mail (i);

      deliver_text (dovecot, NULL, text, "2026-11-21T12:00:00Z", i % 2 == 0);
    }

  deliver_fixture (dovecot, "receipt-en-crlf.eml", "2026-11-24T02:01:50Z", FALSE);
  deliver_fixture (dovecot, "approval-de.eml", "2026-11-24T08:12:10Z", TRUE);
  deliver_fixture (dovecot, "spoofed.eml", "2026-11-24T08:40:05Z", FALSE);
  /* A look-alike domain: not Meta's, so the server's search leaves it. */
  deliver_fixture (dovecot, "lookalike.eml", "2026-11-24T08:30:05Z", FALSE);
  deliver_fixture (dovecot, "rejection-fr.eml", "2026-11-25T14:30:05Z", FALSE);

  deliver_text (dovecot, NULL,
                "From: Facebook <notification@facebookmail.com>\n"
                "To: zoe@example.org\n"
                "Subject: Zoe, you have 3 new notifications\n"
                "Date: Thu, 26 Nov 2026 07:00:00 +0000\n"
                "Message-ID: <notification.1@facebookmail.com>\n"
                "Content-Type: text/plain; charset=utf-8\n"
                "\n"
                "See what your friends have been up to.\n",
                "2026-11-26T07:00:05Z", FALSE);

  /* Meta's, but before the first objection: outside the search. */
  g_autofree char *old_code = read_mail ("code-es.eml", &length);
  {
    g_autoptr(GString) text = g_string_new_len (old_code, length);

    g_string_replace (text, "Sun, 22 Nov 2026", "Sat, 01 Mar 2025", 0);
    g_string_replace (text, "<code-es.9@facebookmail.com>", "<code-es.old@facebookmail.com>", 0);
    deliver_text (dovecot, NULL, text->str, "2025-03-01T09:00:05Z", TRUE);
  }

  for (guint i = 12; i < 20; i++)
    {
      g_autofree char *text = ordinary_mail (i);

      deliver_text (dovecot, NULL, text, "2026-11-27T12:00:00Z", i % 3 == 0);
    }
}

static TestDovecot *
shared_server (void)
{
  if (server == NULL)
    {
      server = test_dovecot_new ();
      fill_inbox (server);
      test_dovecot_start (server);
    }
  return server;
}

#define SKIP_WITHOUT_DOVECOT() \
  G_STMT_START { \
    if (skip_reason != NULL) \
      { \
        g_test_skip (skip_reason); \
        return; \
      } \
  } G_STMT_END

static void
assert_one_line (const char *text)
{
  g_assert_cmpstr (text, !=, "");
  g_assert_null (strchr (text, '\n') != NULL && strchr (text, '\n')[1] != '\0' ? text : NULL);
}

/* The command line against Dovecot */

static JsonArray *
scan_json (TestDovecot *dovecot,
           const char  *since)
{
  g_autofree char *url = test_dovecot_url (dovecot, "INBOX");
  g_auto(TestRun) run = { 0 };

  if (since != NULL)
    TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin",
                    "--cafile", test_dovecot_ca_file (dovecot), "--since", since, "--json");
  else
    TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin",
                    "--cafile", test_dovecot_ca_file (dovecot), "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return test_util_parse_array (run.out);
}

static void
test_cli_finds_answers (void)
{
  SKIP_WITHOUT_DOVECOT ();
  TestDovecot *dovecot = shared_server ();
  test_util_reset_data ();

  g_auto(GStrv) files_before = test_dovecot_list_files (dovecot);
  g_autofree char *flags_before = test_dovecot_flags (dovecot);
  g_autofree char *status_before = test_dovecot_status (dovecot);
  g_assert_cmpstr (status_before, ==, "INBOX messages=27 unseen=16");
  guint logouts = test_dovecot_n_logouts (dovecot);

  g_autoptr(JsonArray) found = scan_json (dovecot, "2026-11-19");

  /* Meta's answers and the forgery on Meta's domain, in the server's order,
   * and nothing else. */
  g_assert_cmpuint (json_array_get_length (found), ==, g_strv_length ((char **) expected_ids) + 1);
  for (guint i = 0; expected_ids[i] != NULL; i++)
    {
      JsonObject *mail = json_array_get_object_element (found, i);

      g_assert_cmpstr (json_object_get_string_member (mail, "message_id"), ==, expected_ids[i]);
      g_assert_cmpstr (json_object_get_string_member (mail, "source"), ==, "INBOX on 127.0.0.1");
      g_assert_true (json_object_get_null_member (mail, "objection"));
      g_assert_cmpint (json_object_get_boolean_member (mail, "trusted"), ==,
                       !g_str_has_prefix (expected_ids[i], "spoofed"));
    }
  {
    JsonObject *notification = json_array_get_object_element (found, g_strv_length ((char **) expected_ids));

    g_assert_cmpstr (json_object_get_string_member (notification, "message_id"), ==, NOTIFICATION_ID);
    g_assert_cmpstr (json_object_get_string_member (notification, "kind"), ==, "unrecognised");
    g_assert_cmpstr (json_object_get_string_member (notification, "verdict"), ==, "unverifiable");
    g_assert_false (json_object_get_boolean_member (notification, "trusted"));
  }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (found, 1), "kind"), ==,
                   "approval");

  /* Only what the search found was downloaded: Dovecot counts the bodies. */
  g_assert_cmpint (test_dovecot_logout_counter (dovecot, logouts + 1, "body_count"), ==, N_META_MATCHES);

  /* Nothing marked read: the Maildir's names (flags and new/ vs cur/) and
   * what Dovecot itself says are as before. */
  g_auto(GStrv) files_after = test_dovecot_list_files (dovecot);
  g_assert_cmpstrv (files_after, files_before);
  g_autofree char *flags_after = test_dovecot_flags (dovecot);
  g_assert_cmpstr (flags_after, ==, flags_before);
  g_autofree char *status_after = test_dovecot_status (dovecot);
  g_assert_cmpstr (status_after, ==, status_before);
}

static void
test_cli_text_output (void)
{
  SKIP_WITHOUT_DOVECOT ();
  TestDovecot *dovecot = shared_server ();
  test_util_reset_data ();
  g_autofree char *url = test_dovecot_url (dovecot, "INBOX");

  g_auto(TestRun) run = { 0 };
  TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin",
                  "--cafile", test_dovecot_ca_file (dovecot), "--since", "2026-11-19");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains_all (run.out,
                                 "2026-11-24  approval        verified      -         Facebook <noreply@facebookmail.com>",
                                 "2026-11-24  approval        FAILED        -         Facebook <noreply@facebookmail.com>",
                                 "5 emails from Meta, or pretending to be, in INBOX on 127.0.0.1 since 2026-11-19.",
                                 "The server searched its 27 messages and found 5 from Meta’s addresses",
                                 /* Nothing from Meta is hidden: what no rule reads is listed. */
                                 "2026-11-26  not recognised  unverifiable  -         Facebook <notification@facebookmail.com>",
                                 "1 of them is not recognised");
  test_util_assert_lacks (run.out, "lookalike");
  test_util_assert_lacks (run.out, "Dinner");

  /* From the day before the first objection, without --since: the old code
   * email is outside either way. */
  g_clear_pointer (&run.out, g_free);
  TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin", "--cafile",
                  test_dovecot_ca_file (dovecot), "--since", "2025-01-01");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "6 emails from Meta");
  test_util_assert_contains (run.out, "Tu código de confirmación");
}

static void
test_cli_log (void)
{
  SKIP_WITHOUT_DOVECOT ();
  TestDovecot *dovecot = shared_server ();
  g_autofree char *url = test_dovecot_url (dovecot, "INBOX");
  g_auto(GStrv) files_before = test_dovecot_list_files (dovecot);

  /* Submitted on 2026-11-20: the search starts on the 19th by itself. */
  g_autofree char *shown = NULL;
  g_autofree char *facebook = test_util_cli_fresh_objection (&shown);

  g_auto(TestRun) run = { 0 };
  TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin",
                  "--cafile", test_dovecot_ca_file (dovecot), "--log");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "since 2026-11-19");
  g_autofree char *line = g_strdup_printf ("INBOX on 127.0.0.1, message 14: receipt, verified — logged on %s, submitted → acknowledged", shown);
  test_util_assert_contains (run.out, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("INBOX on 127.0.0.1, message 15: approval, verified — logged on %s, acknowledged → approved", shown);
  test_util_assert_contains (run.out, line);
  test_util_assert_contains (run.out, "INBOX on 127.0.0.1, message 17: approval, not verified — not logged");
  test_util_assert_contains (run.out, "INBOX on 127.0.0.1, message 18: rejection, verified — not logged: it matches no objection");

  g_autoptr(JsonObject) status = test_util_cli_status_of (facebook);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "approved");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "emails")), ==, 2);

  /* Again: logged before, nothing changes. */
  g_auto(TestRun) again = { 0 };
  TEST_RUN_INPUT (&again, PASSWORD_LINE, "scan-mail", url, "--password-stdin",
                  "--cafile", test_dovecot_ca_file (dovecot), "--log", "--json");
  g_assert_cmpint (again.status, ==, 0);
  test_util_assert_contains (again.err, "already logged on");
  json_node_unref (test_util_parse_json (again.out));
  g_clear_pointer (&status, json_object_unref);
  status = test_util_cli_status_of (facebook);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "emails")), ==, 2);

  g_auto(GStrv) files_after = test_dovecot_list_files (dovecot);
  g_assert_cmpstrv (files_after, files_before);
}

/* --log is the same for a file: verified answers only. */
static void
test_cli_log_file (void)
{
  gsize length;
  g_autofree char *shown = NULL;
  g_autofree char *facebook = test_util_cli_fresh_objection (&shown);

  g_autofree char *approval = read_mail ("approval-de.eml", &length);
  g_autofree char *spoofed = read_mail ("spoofed.eml", &length);
  g_autoptr(GString) text = g_string_new (NULL);
  g_string_append_printf (text, "From noreply@facebookmail.com Tue Nov 24 09:12:03 2026\n%s\n", approval);
  g_string_append_printf (text, "From bounce@mailer.example.net Tue Nov 24 09:40:00 2026\n%s\n", spoofed);
  g_autofree char *mbox = test_util_write_file ("answers.mbox", text->str, text->len);

  g_auto(TestRun) run = { 0 };
  TEST_RUN (&run, "scan-mail", mbox, "--log");
  g_assert_cmpint (run.status, ==, 0);
  g_autofree char *line = g_strdup_printf ("answers.mbox, message 1: approval, verified — logged on %s, submitted → approved", shown);
  test_util_assert_contains (run.out, line);
  test_util_assert_contains (run.out, "answers.mbox, message 2: approval, not verified — not logged");

  g_autoptr(JsonObject) status = test_util_cli_status_of (facebook);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "approved");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "emails")), ==, 1);
}

static void
test_cli_wrong_password (void)
{
  SKIP_WITHOUT_DOVECOT ();
  TestDovecot *dovecot = shared_server ();
  g_autofree char *url = test_dovecot_url (dovecot, "INBOX");

  g_auto(TestRun) run = { 0 };
  TEST_RUN_INPUT (&run, "not the password\n", "scan-mail", url, "--password-stdin",
                  "--cafile", test_dovecot_ca_file (dovecot), "--since", "2026-11-19");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);
  test_util_assert_contains (run.err, "objector: The mail server 127.0.0.1 refused the user name “zoe” or its password");
}

static void
test_cli_untrusted_certificate (void)
{
  SKIP_WITHOUT_DOVECOT ();
  TestDovecot *dovecot = shared_server ();
  g_autofree char *url = test_dovecot_url (dovecot, "INBOX");
  g_autofree char *log_before = test_dovecot_log (dovecot);

  /* No --cafile: the self-signed certificate leads to no trusted authority. */
  g_auto(TestRun) run = { 0 };
  TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin", "--since", "2026-11-19");
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  test_util_assert_contains (run.err, "did not prove who it is");
  test_util_assert_contains (run.err, "not signed by an authority this computer trusts");

  /* No password went out: Dovecot saw no login attempt. */
  g_autofree char *log_after = test_dovecot_log (dovecot);
  test_util_assert_lacks (log_after + strlen (log_before), "user=<zoe>");
}

static void
test_cli_missing_mailbox (void)
{
  SKIP_WITHOUT_DOVECOT ();
  TestDovecot *dovecot = shared_server ();
  g_autofree char *url = test_dovecot_url (dovecot, "Receipts");

  g_auto(TestRun) run = { 0 };
  TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin",
                  "--cafile", test_dovecot_ca_file (dovecot), "--since", "2026-11-19");
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  test_util_assert_contains (run.err, "There is no mailbox “Receipts” on 127.0.0.1");
}

static void
test_cli_plain_loopback (void)
{
  SKIP_WITHOUT_DOVECOT ();
  TestDovecot *dovecot = shared_server ();
  test_util_reset_data ();
  g_autofree char *url = g_strdup_printf ("imap://%s@127.0.0.1:%u/INBOX", TEST_DOVECOT_USER,
                                          test_dovecot_imap_port (dovecot));

  g_auto(TestRun) run = { 0 };
  TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin", "--since", "2026-11-19", "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_autoptr(JsonArray) found = test_util_parse_array (run.out);
  g_assert_cmpuint (json_array_get_length (found), ==, g_strv_length ((char **) expected_ids) + 1);
}

/* Failures that need no server, or not this one */

static GSocket *
silent_listener (guint *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);

  /* Listening, never accepting: the kernel completes the connection and
   * then nothing is ever said. */
  GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  return socket;
}

/* `objector scan-mail URL --password-stdin …` with a time limit of one second. */
static void
run_with_short_time_limit (TestRun    *run,
                           const char *url)
{
  g_autoptr(GError) error = NULL;

  g_autoptr(GSubprocessLauncher) launcher =
    test_util_launcher (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "OBJECTOR_IMAP_TIMEOUT", "1", TRUE);
  g_autoptr(GSubprocess) process = g_subprocess_launcher_spawn (launcher, &error, test_util_binary (), "scan-mail", url,
                                                                "--password-stdin", "--since", "2026-11-19", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, PASSWORD_LINE, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_cli_silent_server (void)
{
  guint port;
  g_autoptr(GSocket) socket = silent_listener (&port);
  g_autofree char *tls_url = g_strdup_printf ("imaps://zoe@127.0.0.1:%u/INBOX", port);
  g_autofree char *plain_url = g_strdup_printf ("imap://zoe@127.0.0.1:%u/INBOX", port);
  g_auto(TestRun) tls = { 0 };
  g_auto(TestRun) plain = { 0 };

  /* The time limit fires whatever the machine's speed: nothing ever comes,
   * neither the TLS handshake nor the greeting. */
  run_with_short_time_limit (&tls, tls_url);
  g_assert_cmpint (tls.status, ==, 1);
  g_assert_cmpstr (tls.out, ==, "");
  g_assert_cmpstr (tls.err, ==, "objector: The mail server 127.0.0.1 did not answer within 1 second\n");

  run_with_short_time_limit (&plain, plain_url);
  g_assert_cmpint (plain.status, ==, 1);
  g_assert_cmpstr (plain.err, ==, "objector: The mail server 127.0.0.1 did not answer within 1 second\n");
}

static void
test_cli_unreachable (void)
{
  guint port;

  /* A port nobody listens on any more. */
  g_autoptr(GSocket) socket = silent_listener (&port);
  g_socket_close (socket, NULL);
  g_autofree char *url = g_strdup_printf ("imaps://zoe@127.0.0.1:%u/INBOX", port);

  g_auto(TestRun) run = { 0 };
  TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin", "--since", "2026-11-19");
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  test_util_assert_contains (run.err, "objector: Could not reach the mail server 127.0.0.1");
}

static void
test_cli_usage (void)
{
  g_auto(TestRun) plain = { 0 };
  g_auto(TestRun) no_password = { 0 };
  g_auto(TestRun) bad_day = { 0 };
  g_auto(TestRun) no_since = { 0 };
  g_auto(TestRun) file_option = { 0 };
  g_autofree char *mbox = test_util_write_file ("empty.mbox", "", 0);

  test_util_reset_data ();

  TEST_RUN_INPUT (&plain, PASSWORD_LINE, "scan-mail", "imap://zoe@192.0.2.1/INBOX", "--password-stdin");
  g_assert_cmpint (plain.status, ==, 2);
  test_util_assert_contains (plain.err, "only with TLS");

  TEST_RUN (&no_password, "scan-mail", "imaps://zoe@192.0.2.1/INBOX", "--since", "2026-11-19");
  g_assert_cmpint (no_password.status, ==, 2);
  test_util_assert_contains (no_password.err, "--password-stdin");

  TEST_RUN_INPUT (&bad_day, PASSWORD_LINE, "scan-mail", "imaps://zoe@192.0.2.1/INBOX", "--password-stdin",
                  "--since", "19.11.2026");
  g_assert_cmpint (bad_day.status, ==, 2);
  test_util_assert_contains (bad_day.err, "“19.11.2026” is not a day");

  /* No objection, no --since: no day to search from. */
  TEST_RUN_INPUT (&no_since, PASSWORD_LINE, "scan-mail", "imaps://zoe@192.0.2.1/INBOX", "--password-stdin");
  g_assert_cmpint (no_since.status, ==, 2);
  test_util_assert_contains (no_since.err, "--since YYYY-MM-DD");

  TEST_RUN (&file_option, "scan-mail", mbox, "--since", "2026-11-19");
  g_assert_cmpint (file_option.status, ==, 2);
  test_util_assert_contains (file_option.err, "--since is for a mail account");
}

/* The core API, as the app will use it */

typedef struct
{
  GPtrArray *found;
  GError    *error;
  gboolean   done;
  GArray    *phases;
  guint      n_found_signals;
} AsyncScan;

static void
phase_cb (ObjectorImapScanner *scanner,
          GParamSpec          *pspec,
          AsyncScan           *scan)
{
  ObjectorImapPhase phase = objector_imap_scanner_get_phase (scanner);

  /* Notified in this thread, the one that called _scan_async(). */
  g_assert_true (g_thread_self () == main_thread);
  g_array_append_val (scan->phases, phase);
}

static void
found_cb (ObjectorImapScanner *scanner,
          ObjectorMail        *mail,
          AsyncScan           *scan)
{
  g_assert_true (objector_mail_get_claims_meta (mail));
  scan->n_found_signals++;
}

static void
scan_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncScan *scan = user_data;

  scan->found = objector_imap_scanner_scan_finish (OBJECTOR_IMAP_SCANNER (object), result, &scan->error);
  scan->done = TRUE;
}

static ObjectorImapScanner *
new_scanner (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_bundled (&error);
  g_autoptr(GDateTime) since = test_util_time ("2026-11-19T00:00:00Z");

  g_assert_no_error (error);
  ObjectorImapScanner *scanner = objector_imap_scanner_new (playbook);
  objector_imap_scanner_set_since (scanner, since);
  /* Well inside the test's own wait: a server that stops answering fails
   * the scan with its reason, not the wait. */
  objector_imap_scanner_set_timeout (scanner, TEST_UTIL_WAIT_SECONDS / 4);
  return scanner;
}

static void
run_async (ObjectorImapScanner          *scanner,
           ObjectorImapAccount          *account,
           const ObjectorImapCredential *credential,
           GCancellable                 *cancellable,
           AsyncScan                    *scan)
{
  scan->phases = g_array_new (FALSE, FALSE, sizeof (ObjectorImapPhase));
  g_signal_connect (scanner, "notify::phase", G_CALLBACK (phase_cb), scan);
  g_signal_connect (scanner, "found", G_CALLBACK (found_cb), scan);
  objector_imap_scanner_scan_async (scanner, account, credential, cancellable, scan_done_cb, scan);
}

static void
async_scan_clear (AsyncScan *scan)
{
  g_clear_pointer (&scan->found, g_ptr_array_unref);
  g_clear_error (&scan->error);
  g_clear_pointer (&scan->phases, g_array_unref);
}

static void
test_core_starttls_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorImapCredential) credential = objector_imap_credential_new_password (TEST_DOVECOT_PASSWORD);
  g_autoptr(ObjectorImapScanner) scanner = new_scanner ();
  AsyncScan scan = { 0 };
  const ObjectorImapPhase expected[] = {
    OBJECTOR_IMAP_PHASE_CONNECTING, OBJECTOR_IMAP_PHASE_LOGGING_IN, OBJECTOR_IMAP_PHASE_SEARCHING,
    OBJECTOR_IMAP_PHASE_FETCHING, OBJECTOR_IMAP_PHASE_DONE,
  };

  SKIP_WITHOUT_DOVECOT ();
  TestDovecot *dovecot = shared_server ();

  /* STARTTLS on the plain port. (By address: under libfaketime, which the
   * gate runs the suite with, resolving "localhost" in a thread hangs.) */
  g_autoptr(ObjectorImapAccount) account = objector_imap_account_new ("127.0.0.1", test_dovecot_imap_port (dovecot), TEST_DOVECOT_USER, "INBOX",
                                       OBJECTOR_IMAP_SECURITY_STARTTLS, &error);
  g_assert_no_error (error);
  objector_imap_account_set_ca_file (account, test_dovecot_ca_file (dovecot));

  run_async (scanner, account, credential, NULL, &scan);
  g_assert_true (objector_scanner_get_busy (OBJECTOR_SCANNER (scanner)));
  test_util_wait_until (scan.done);

  g_assert_no_error (scan.error);
  /* Meta's answers, and the notification no rule reads (not recognised,
   * so listed for the person: only Meta's recognised other mail is left out). */
  g_assert_cmpuint (scan.found->len, ==, g_strv_length ((char **) expected_ids) + 1);
  g_assert_cmpuint (scan.n_found_signals, ==, scan.found->len);
  g_assert_cmpuint (scan.phases->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (g_array_index (scan.phases, ObjectorImapPhase, i), ==, expected[i]);
  g_assert_false (objector_scanner_get_busy (OBJECTOR_SCANNER (scanner)));
  g_assert_cmpuint (objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)), ==, 27);
  g_assert_cmpuint (objector_imap_scanner_get_n_matched (scanner), ==, N_META_MATCHES);
  g_assert_cmpuint (objector_imap_scanner_get_n_fetched (scanner), ==, N_META_MATCHES);
  g_assert_cmpuint (objector_scanner_get_n_other (OBJECTOR_SCANNER (scanner)), ==, 0);
  g_assert_cmpfloat (objector_scanner_get_fraction (OBJECTOR_SCANNER (scanner)), ==, 1.0);
  g_assert_cmpuint (objector_imap_scanner_get_bytes_received (scanner), >, 0);

  /* Every one read and checked like a file: the same ObjectorMail. */
  g_assert_cmpstr (objector_mail_get_message_id (g_ptr_array_index (scan.found, 1)), ==, expected_ids[1]);
  g_assert_true (objector_mail_get_trusted (g_ptr_array_index (scan.found, 1)));
  async_scan_clear (&scan);
}

static void
test_core_xoauth2 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorImapScanner) scanner = new_scanner ();

  SKIP_WITHOUT_DOVECOT ();
  TestDovecot *dovecot = shared_server ();

  g_autoptr(ObjectorImapAccount) account = objector_imap_account_new ("127.0.0.1", test_dovecot_imaps_port (dovecot), TEST_DOVECOT_USER, NULL,
                                       OBJECTOR_IMAP_SECURITY_TLS, &error);
  g_assert_no_error (error);
  objector_imap_account_set_ca_file (account, test_dovecot_ca_file (dovecot));

  /* Dovecot checks an XOAUTH2 token against its passdb like a password. */
  g_autoptr(ObjectorImapCredential) token = objector_imap_credential_new_oauth2 (TEST_DOVECOT_PASSWORD);
  g_autoptr(GPtrArray) found = objector_imap_scanner_scan (scanner, account, token, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, g_strv_length ((char **) expected_ids) + 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  g_autoptr(ObjectorImapCredential) bad_token = objector_imap_credential_new_oauth2 ("expired-token");
  found = objector_imap_scanner_scan (scanner, account, bad_token, NULL, &error);
  g_assert_null (found);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_AUTH_FAILED);
}

typedef struct
{
  GCancellable *cancellable;
  GSocket      *accepted;
} Canceller;

/* The scan has connected and waits for the server's first words: now. */
static gboolean
accepted_cb (GSocket      *listener,
             GIOCondition  condition,
             gpointer      user_data)
{
  Canceller *canceller = user_data;

  canceller->accepted = g_socket_accept (listener, NULL, NULL);
  if (canceller->accepted == NULL)
    return G_SOURCE_CONTINUE;
  g_cancellable_cancel (canceller->cancellable);
  return G_SOURCE_REMOVE;
}

static void
test_core_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorImapCredential) credential = objector_imap_credential_new_password ("x");
  g_autoptr(ObjectorImapScanner) scanner = new_scanner ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Canceller canceller = { cancellable, NULL };
  AsyncScan scan = { 0 };
  guint port;

  /* A server that accepts and never answers, and a time limit longer than
   * the test waits for anything: only cancelling can end this scan in time. */
  g_autoptr(GSocket) socket = silent_listener (&port);
  g_socket_set_blocking (socket, FALSE);
  g_autoptr(GSource) source = g_socket_create_source (socket, G_IO_IN, NULL);
  g_source_set_callback (source, (GSourceFunc) (GCallback) accepted_cb, &canceller, NULL);
  g_source_attach (source, NULL);

  g_autoptr(ObjectorImapAccount) account = objector_imap_account_new ("127.0.0.1", port, "zoe", NULL, OBJECTOR_IMAP_SECURITY_TLS, &error);
  g_assert_no_error (error);
  objector_imap_scanner_set_timeout (scanner, 10 * TEST_UTIL_WAIT_SECONDS);

  run_async (scanner, account, credential, cancellable, &scan);
  test_util_wait_until (scan.done);

  g_assert_nonnull (canceller.accepted);
  g_assert_null (scan.found);
  g_assert_error (scan.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (objector_scanner_get_busy (OBJECTOR_SCANNER (scanner)));
  g_assert_cmpint (objector_imap_scanner_get_phase (scanner), ==, OBJECTOR_IMAP_PHASE_IDLE);
  g_source_destroy (source);
  g_clear_object (&canceller.accepted);
  async_scan_clear (&scan);
}

/* 20,000 messages: the search stays on the server */

static void
test_large_mailbox (void)
{
  const guint n_messages = 20000;
  const guint every = 2000;   /* one of Meta's answers every 2,000 messages */

  SKIP_WITHOUT_DOVECOT ();
  g_autoptr(TestDovecot) dovecot = test_dovecot_new ();
  for (guint i = 0; i < n_messages; i++)
    {
      g_autofree char *text = NULL;

      if (i % every == every - 1)
        text = g_strdup_printf ("From: Facebook <noreply@facebookmail.com>\n"
                                "To: zoe@example.org\n"
                                "Subject: We received your request\n"
                                "Date: Tue, 24 Nov 2026 09:00:00 +0000\n"
                                "Message-ID: <large.%u@facebookmail.com>\n"
                                "\n"
                                "Hi Zoe, we have received your request and will review it.\n", i);
      else
        text = ordinary_mail (i);
      deliver_text (dovecot, NULL, text, "2026-11-24T09:00:00Z", i % 2 == 0);
    }
  test_dovecot_start (dovecot);
  g_autofree char *url = test_dovecot_url (dovecot, "INBOX");

  g_auto(TestRun) run = { 0 };
  TEST_RUN_INPUT (&run, PASSWORD_LINE, "scan-mail", url, "--password-stdin", "--cafile",
                  test_dovecot_ca_file (dovecot), "--since", "2026-11-19", "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_autoptr(JsonArray) found = test_util_parse_array (run.out);
  g_assert_cmpuint (json_array_get_length (found), ==, n_messages / every);

  /* Ten bodies came over the wire, and no headers of the others: the
   * 19,990 other messages never left the server. */
  g_assert_cmpint (test_dovecot_logout_counter (dovecot, 1, "body_count"), ==, n_messages / every);
  g_assert_cmpint (test_dovecot_logout_counter (dovecot, 1, "hdr_count"), ==, 0);
  g_assert_cmpint (test_dovecot_logout_counter (dovecot, 1, "out"), <, 20000);
}

static void
stop_shared_server (void)
{
  g_clear_pointer (&server, test_dovecot_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_util_init (&argc, &argv, "test-imap");
  main_thread = g_thread_self ();
  skip_reason = test_dovecot_unavailable ();

  g_test_add_func ("/imap/cli/finds-answers-nothing-marked-read", test_cli_finds_answers);
  g_test_add_func ("/imap/cli/text-output", test_cli_text_output);
  g_test_add_func ("/imap/cli/log", test_cli_log);
  g_test_add_func ("/imap/cli/log-file", test_cli_log_file);
  g_test_add_func ("/imap/cli/wrong-password", test_cli_wrong_password);
  g_test_add_func ("/imap/cli/untrusted-certificate", test_cli_untrusted_certificate);
  g_test_add_func ("/imap/cli/missing-mailbox", test_cli_missing_mailbox);
  g_test_add_func ("/imap/cli/plain-loopback", test_cli_plain_loopback);
  g_test_add_func ("/imap/cli/silent-server", test_cli_silent_server);
  g_test_add_func ("/imap/cli/unreachable", test_cli_unreachable);
  g_test_add_func ("/imap/cli/usage", test_cli_usage);
  g_test_add_func ("/imap/core/starttls-async-progress", test_core_starttls_async);
  g_test_add_func ("/imap/core/xoauth2", test_core_xoauth2);
  g_test_add_func ("/imap/core/cancel", test_core_cancel);
  g_test_add_func ("/imap/large-mailbox", test_large_mailbox);

  status = g_test_run ();
  stop_shared_server ();
  g_free (skip_reason);
  test_util_clean_up ();
  return status;
}

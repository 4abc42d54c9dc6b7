/* test-cli-mail.c — `objector import-email` and `scan-mail` end to end, in a
 * temporary XDG_DATA_HOME
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

static char *
mail_file (const char *name)
{
  return test_util_data_path ("mail", name, NULL);
}

/* The file @name (under the private root) holding the text of @format. */
static char *
write_mail (const char *name,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static char *
write_mail (const char *name,
            const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  g_autofree char *text = g_strdup_vprintf (format, args);
  va_end (args);
  return test_util_write_file (name, text, -1);
}

/* `objector import-email ARGS…` works, says each of @said, and leaves the
 * objection @id in @state. */
static void
assert_imported (const char * const *args,
                 const char * const *said,
                 const char         *id,
                 const char         *state)
{
  g_auto(TestRun) run = { 0 };

  test_util_run_argv (&run, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; said[i] != NULL; i++)
    test_util_assert_contains (run.out, said[i]);
  test_util_cli_assert_state (id, state);
}

/* `objector import-email ARGS…` fails (status 1), writes nothing on
 * standard output, and says each of @said on standard error. */
static void
assert_refused (const char * const *args,
                const char * const *said)
{
  g_auto(TestRun) run = { 0 };

  test_util_run_argv (&run, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  for (guint i = 0; said[i] != NULL; i++)
    test_util_assert_contains (run.err, said[i]);
}

#define IMPORT(...) ((const char * const[]) { "import-email", __VA_ARGS__, NULL })
#define SAID(...) ((const char * const[]) { __VA_ARGS__, NULL })

static void
test_approval_and_rejection (void)
{
  g_autofree char *fb_short = NULL;
  g_autofree char *fb = test_util_cli_fresh_objection (&fb_short);
  g_autofree char *approval = mail_file ("approval-de.eml");
  g_auto(TestRun) run = { 0 };

  /* A unique prefix is enough. */
  TEST_RUN (&run, "import-email", approval, "--to", fb_short);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_autofree char *line = g_strdup_printf ("approval-de.eml: approval, verified — logged on %s, submitted → approved\n",
                                           fb_short);
  g_assert_cmpstr (run.out, ==, line);

  g_autoptr(JsonObject) status = test_util_cli_status_of (fb);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "approved");
  JsonArray *emails = json_object_get_array_member (status, "emails");
  g_assert_cmpuint (json_array_get_length (emails), ==, 1);
  JsonObject *email = json_array_get_object_element (emails, 0);
  g_assert_cmpstr (json_object_get_string_member (email, "date"), ==, "2026-11-24T08:12:03Z");
  g_assert_cmpstr (json_object_get_string_member (email, "from"), ==, "Facebook <noreply@facebookmail.com>");
  g_assert_cmpstr (json_object_get_string_member (email, "subject"), ==, "Dein Widerspruch gegen die Nutzung deiner Informationen");
  g_assert_cmpstr (json_object_get_string_member (email, "kind"), ==, "approval");
  g_assert_true (json_object_get_boolean_member (email, "trusted"));

  /* The same Message-ID again: not logged twice, nothing changes. */
  TEST_RUN (&run, "import-email", approval, "--to", fb);
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "already logged on");
  g_clear_pointer (&status, json_object_unref);
  status = test_util_cli_status_of (fb);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "emails")), ==, 1);

  /* Instagram, in French: rejected. */
  g_autofree char *ig = test_util_cli_submitted ("instagram-objection", "FR");
  g_autofree char *rejection = mail_file ("rejection-fr.eml");
  assert_imported (IMPORT (rejection, "--to", ig),
                   SAID ("rejection-fr.eml: rejection, verified — logged on ", "submitted → rejected"),
                   ig, "rejected");
}

static void
test_untrusted (void)
{
  g_autofree char *shown = NULL;
  g_autofree char *fb = test_util_cli_fresh_objection (&shown);
  g_autofree char *lookalike = mail_file ("lookalike.eml");
  g_autofree char *spoofed = mail_file ("spoofed.eml");
  g_auto(TestRun) run = { 0 };

  TEST_RUN (&run, "import-email", lookalike, spoofed, "--to", fb);
  g_assert_cmpint (run.status, ==, 0);
  g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  /* One line each: the kind, why it is not trusted, what happened. */
  test_util_assert_contains (lines[0], "lookalike.eml: approval, FAILED or suspicious: The sender’s domain “facebookmail.co” imitates Meta’s “facebookmail.com” but is not Meta’s");
  test_util_assert_contains (lines[0], "state unchanged (submitted): it failed the checks or looks suspicious, so it never changes the state");
  g_autofree char *hint = g_strdup_printf ("if you know Meta answered so, record it as your own statement: objector mark %s log-approval", shown);
  test_util_assert_contains (lines[0], hint);
  test_util_assert_contains (lines[1], "spoofed.eml: approval, FAILED or suspicious: The receiving mail server reports DKIM “fail”; "
                             "The receiving mail server reports DMARC “fail”; The receiving mail server reports SPF “fail”");
  test_util_assert_contains (lines[1], "state unchanged (submitted)");

  g_autoptr(JsonObject) status = test_util_cli_status_of (fb);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "submitted");
  JsonArray *emails = json_object_get_array_member (status, "emails");
  g_assert_cmpuint (json_array_get_length (emails), ==, 2);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (emails, 0), "trusted"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (emails, 1), "trusted"));
}

static void
test_matching_without_to (void)
{
  g_autofree char *fb = test_util_cli_fresh_objection (NULL);
  g_autofree char *ig = test_util_cli_submitted ("instagram-objection", "FR");

  /* Dated just after the objections were made, as Meta's answer would be. */
  g_autoptr(GDateTime) now = test_util_now ();
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (now, 5);
  g_autofree char *date = g_date_time_format (soon, "%a, %d %b %Y %H:%M:%S +0000");
  g_autofree char *receipt =
    write_mail ("receipt.eml",
                "From: Instagram <no-reply@mail.instagram.com>\n"
                "Authentication-Results: mx.example.org; dkim=pass header.d=mail.instagram.com; spf=pass; dmarc=pass header.from=mail.instagram.com\n"
                "To: zoe@example.org\nDate: %s\nSubject: Request received\nMessage-ID: <r1@mail.instagram.com>\n\n"
                "We have received your objection and we'll review your request.\n", date);

  assert_imported (IMPORT (receipt), SAID ("receipt.eml: receipt, verified — logged on ", "submitted → acknowledged"),
                   ig, "acknowledged");
  test_util_cli_assert_state (fb, "submitted");

  /* Written to another address: no objection fits, and the command says so. */
  g_autofree char *stranger =
    write_mail ("stranger.eml",
                "From: Facebook <noreply@facebookmail.com>\nTo: max@example.net\nDate: %s\n"
                "Subject: Request received\n\nWe have received your objection.\n", date);
  assert_refused (IMPORT (stranger),
                  SAID ("objector: stranger.eml (receipt, from Facebook <noreply@facebookmail.com>) matches no objection",
                        "--to ID"));

  /* A friend's email is nobody's answer. */
  g_autofree char *friend =
    write_mail ("friend.eml",
                "From: Max <max@example.net>\nTo: zoe@example.org\nDate: %s\n"
                "Subject: We received your request\n\nSee you!\n", date);
  assert_refused (IMPORT (friend),
                  SAID ("objector: friend.eml (from Max <max@example.net>) is not from Meta, so it belongs to no objection"));

  /* In a mailbox, other mail is left out without fuss; Meta's is logged. */
  g_autofree char *inbox =
    write_mail ("inbox.mbox",
                "From max Tue Nov 24 10:00:00 2026\nFrom: Max <max@example.net>\nTo: zoe@example.org\n"
                "Date: %s\nSubject: Hi\n\nSee you!\n\n"
                "From meta Tue Nov 24 10:00:00 2026\nFrom: Facebook <noreply@facebookmail.com>\n"
                "Authentication-Results: mx; dkim=pass header.d=facebookmail.com; spf=pass; dmarc=pass header.from=facebookmail.com\n"
                "To: zoe@example.org\nDate: %s\nSubject: Request received\nMessage-ID: <r2@facebookmail.com>\n\n"
                "We have received your objection.\n\n"
                "From anna Tue Nov 24 10:00:00 2026\nFrom: Anna <anna@example.net>\nTo: zoe@example.org\n"
                "Date: %s\nSubject: Lunch\n\nTomorrow?\n", date, date, date);
  assert_imported (IMPORT (inbox),
                   SAID ("inbox.mbox, message 2: receipt, verified — logged on ",
                         "inbox.mbox: 2 messages are not from Meta and were left out.\n"),
                   fb, "acknowledged");
}

static void
test_refused_files (void)
{
  g_autofree char *fb = test_util_cli_fresh_objection (NULL);
  g_autofree char *empty = test_util_write_file ("empty.eml", "", -1);
  g_autofree char *text = test_util_write_file ("x.txt", "Dear Meta,\nI object.\n", -1);
  g_autofree char *missing = test_util_write_file ("gone.eml", "x", -1);
  g_autofree char *good = mail_file ("receipt-en-crlf.eml");
  g_auto(TestRun) run = { 0 };

  g_unlink (missing);

  /* The good one is logged; each bad one gets a line; the status says some failed. */
  TEST_RUN (&run, "import-email", empty, text, good, missing, "--to", fb);
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains_all (run.err,
                                 "objector: “empty.eml” is empty\n",
                                 "objector: “x.txt” is not an email message: no header lines\n",
                                 "gone.eml");
  test_util_assert_contains (run.out, "receipt-en-crlf.eml: receipt, verified — logged on ");
  test_util_cli_assert_state (fb, "acknowledged");

  TEST_RUN (&run, "import-email", good, "--kind", "thanks");
  g_assert_cmpint (run.status, ==, 2);
  test_util_assert_contains (run.err, "“thanks” is not a kind of email");

  TEST_RUN (&run, "import-email", good, "--to", "ffffffff-no-such");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_mbox_and_kind (void)
{
  static const char * const names[] = { "code-es.eml", "receipt-en-crlf.eml", "approval-de.eml" };
  g_autofree char *fb = test_util_cli_fresh_objection (NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *contents = test_util_read_data (NULL, "mail", names[i], NULL);

      g_string_append_printf (text, "From meta@facebookmail.com Tue Nov 24 10:0%u:00 2026\n%s\n", i, contents);
    }
  g_autofree char *mbox = test_util_write_file ("meta.mbox", text->str, -1);

  /* Every message of the mbox file, in order: the code confirms, the
   * receipt acknowledges, the approval approves. */
  assert_imported (IMPORT (mbox, "--to", fb),
                   SAID ("meta.mbox, message 1: code, verified — logged on ", "submitted → confirmed",
                         "meta.mbox, message 2: receipt, verified", "confirmed → acknowledged",
                         "meta.mbox, message 3: approval, verified", "acknowledged → approved"),
                   fb, "approved");
  g_autoptr(JsonObject) status = test_util_cli_status_of (fb);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "emails")), ==, 3);
}

static void
test_person_sets_kind (void)
{
  g_autofree char *fb = test_util_cli_fresh_objection (NULL);
  g_autofree char *path = test_util_write_file ("unclear.eml",
                               "From: Facebook <noreply@facebookmail.com>\nTo: zoe@example.org\n"
                               "Authentication-Results: mx; dkim=pass header.d=facebookmail.com; spf=pass; dmarc=pass header.from=facebookmail.com\n"
                                               "Subject: Your objection request\nMessage-ID: <u1@facebookmail.com>\n\nThank you.\n",
                                               -1);

  assert_imported (IMPORT (path, "--to", fb, "--kind", "approval"),
                   SAID ("unclear.eml: approval, verified — logged on ", "submitted → approved"),
                   fb, "approved");
}

static void
test_scan_mail (void)
{
  static const char * const names[] = {
    "approval-de.eml", "lookalike.eml", "receipt-nl.eml", "spoofed.eml",
  };
  g_autofree char *shown = NULL;
  g_autofree char *fb = test_util_cli_fresh_objection (&shown);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(TestRun) run = { 0 };

  g_string_append (text, "From shop@example.com Mon Nov 23 10:00:00 2026\nFrom: Shop <shop@example.com>\n"
                         "Subject: Sale\n\nEverything must go.\n\n");
  g_string_append (text, "From n@facebookmail.com Mon Nov 23 11:00:00 2026\nFrom: Facebook <notification@facebookmail.com>\n"
                         "Subject: You have 3 new friend requests\n\nSee them.\n\n");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *contents = test_util_read_data (NULL, "mail", names[i], NULL);

      g_string_append_printf (text, "From x Tue Nov 24 10:00:00 2026\n%s\n", contents);
    }
  g_autofree char *mbox = test_util_write_file ("inbox.mbox", text->str, -1);

  TEST_RUN (&run, "scan-mail", mbox);
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains_all (run.out,
                                 "2026-11-24  approval        verified      ",
                                 "2026-11-24  approval        FAILED        ",
                                 "! The sender’s domain “facebookmail.co” imitates Meta’s “facebookmail.com” but is not Meta’s",
                                 "Dein Widerspruch gegen die Nutzung deiner Informationen",
                                 shown,
                                 /* Every email from Meta is listed (issue 14): what no rule
                                  * recognises, and Meta's other mail, apart from an objection. */
                                 "5 emails from Meta, or pretending to be, among 6 messages.",
                                 "2026-11-24  not recognised  verified      ",
                                 "1 of them is not recognised: read it, then log it with",
                                 "-           other           unverifiable  -         Facebook <notification@facebookmail.com>",
                                 "1 of them is Meta’s other mail");
  test_util_assert_lacks (run.out, "left out");
  g_assert_true (strstr (run.out, "Sale") == NULL);
  test_util_assert_contains (run.out, "friend requests");

  TEST_RUN (&run, "scan-mail", mbox, "--all");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "friend requests");

  /* Listed, not logged. */
  g_autoptr(JsonObject) status = test_util_cli_status_of (fb);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "emails")), ==, 0);

  TEST_RUN (&run, "scan-mail", mbox, "--json");
  g_assert_cmpint (run.status, ==, 0);
  g_autoptr(JsonArray) array = test_util_parse_array (run.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "kind"), ==, "other");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (array, 0), "objection"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "kind"), ==, "approval");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 1), "trusted"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "objection"), ==, fb);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 2), "trusted"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (array, 2),
                                                                         "trust_notes")), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 3), "kind"), ==, "unrecognised");

  /* A Maildir: cur/ and new/ */
  g_autofree char *maildir = g_build_filename (g_get_user_data_dir (), "..", "Maildir", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *sub = g_build_filename (maildir, i % 2 ? "cur" : "new", NULL);
      g_autofree char *name = g_strdup_printf ("17000000%02u.M1P2.host:2,S", i);
      g_autofree char *target = g_build_filename (sub, name, NULL);
      g_autofree char *contents = test_util_read_data (NULL, "mail", names[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
      g_assert_true (g_file_set_contents (target, contents, -1, NULL));
    }
  TEST_RUN (&run, "scan-mail", maildir);
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "4 emails from Meta, or pretending to be, among 4 messages.");

  g_autofree char *not_maildir = g_build_filename (g_get_user_data_dir (), "..", "Pictures", NULL);
  g_assert_cmpint (g_mkdir_with_parents (not_maildir, 0700), ==, 0);
  TEST_RUN (&run, "scan-mail", not_maildir);
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains (run.err, "objector: “Pictures” is a folder but not a Maildir");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "cli-mail");

  g_test_add_func ("/cli-mail/approval-and-rejection", test_approval_and_rejection);
  g_test_add_func ("/cli-mail/untrusted", test_untrusted);
  g_test_add_func ("/cli-mail/matching-without-to", test_matching_without_to);
  g_test_add_func ("/cli-mail/refused-files", test_refused_files);
  g_test_add_func ("/cli-mail/mbox", test_mbox_and_kind);
  g_test_add_func ("/cli-mail/person-sets-kind", test_person_sets_kind);
  g_test_add_func ("/cli-mail/scan-mail", test_scan_mail);

  return test_util_run_tests ();
}

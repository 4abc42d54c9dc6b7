/* test-hostile-mail.c — mail written to hurt: huge, endless, special files, escape codes
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is kept of a hostile email is bounded (a 10 MB subject, 200,000
 * links, 100,000 recipients), a Maildir with a named pipe, a device and a
 * socket in it is scanned to the end, and no escape sequence of a sender's
 * reaches the terminal. How fast is measured in tests/bench/bench-hostile-mail.c,
 * not here.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "objector-mail.h"
#include "objector-mail-links.h"
#include "objector-mail-scanner.h"
#include "objector-test-util.h"

/* How many addresses the recipients test writes. Under AddressSanitizer,
 * whose realloc() always moves the block, GMime's header parser copies a
 * header once a line it grows: 100,000 addresses took 71 s there (0.5 s in a
 * plain build), so the sanitizer build writes a tenth of them. */
#if defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define OBJECTOR_TEST_ASAN 1
# endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(OBJECTOR_TEST_ASAN)
# define N_RECIPIENTS 10000
#else
# define N_RECIPIENTS 100000
#endif

#define AUTH_RESULTS "Authentication-Results: mx.example.org; dkim=pass header.d=facebookmail.com; " \
                     "spf=pass smtp.mailfrom=noreply@facebookmail.com; dmarc=pass header.from=facebookmail.com\n"
#define HEADERS "Return-Path: <noreply@facebookmail.com>\n" AUTH_RESULTS \
                "From: Facebook <noreply@facebookmail.com>\nDate: Tue, 24 Nov 2026 09:12:03 +0100\n"
#define APPROVAL "We will honour your objection: it will be applied from now on.\n"

static ObjectorPlaybook *playbook;

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* The logged email of a fresh objection, as `status --json` and the store show it. */
static JsonObject *
stored_email (const char *id)
{
  g_autofree char *file = test_util_store_file ();
  g_autofree char *text = test_util_read_file (file, NULL);
  g_autoptr(JsonNode) root = test_util_parse_json (text);
  JsonArray *objections = json_object_get_array_member (json_node_get_object (root), "objections");
  for (guint i = 0; i < json_array_get_length (objections); i++)
    {
      JsonObject *objection = json_array_get_object_element (objections, i);

      if (g_str_equal (json_object_get_string_member (objection, "id"), id))
        return json_object_ref (json_array_get_object_element (json_object_get_array_member (objection, "emails"), 0));
    }
  g_assert_not_reached ();
}

static void
import_and_export (const char *path,
                   const char *id,
                   TestRun    *import)
{
  g_autofree char *pdf = g_build_filename (test_util_root (), "summary.pdf", NULL);
  g_auto(TestRun) export = { 0 };

  test_util_run_argv (import, NULL, (const char * const[]) { "import-email", path, "--to", id, NULL });
  g_assert_cmpint (import->status, ==, 0);
  TEST_RUN (&export, "export-pdf", pdf);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpuint (file_size (pdf), >, 1000);
  g_unlink (pdf);
}

static void
test_huge_subject (void)
{
  g_autoptr(GString) text = g_string_new (HEADERS "To: zoe@example.org\nSubject: Your objection request ");
  g_auto(TestRun) run = { 0 };

  /* 10 MB of subject, in letters of one to four bytes. */
  while (text->len < 10 * 1000 * 1000)
    g_string_append (text, "Zoë 李 𝔉 ");
  g_string_append (text, "\nMessage-ID: <huge-subject@facebookmail.com>\n\n" APPROVAL);
  g_autofree char *path = test_util_write_file ("huge-subject.eml", text->str, text->len);

  g_autofree char *id = test_util_cli_fresh_objection (NULL);
  import_and_export (path, id, &run);
  /* The line that echoes it is bounded too. */
  g_assert_cmpuint (strlen (run.out), <, 8 * 1024);

  g_autoptr(JsonObject) email = stored_email (id);
  const char *subject = json_object_get_string_member (email, "subject");
  g_assert_cmpuint (strlen (subject), <=, OBJECTOR_MAIL_MAX_TEXT_BYTES);
  g_assert_true (g_str_has_prefix (subject, "Your objection request Zoë 李 𝔉"));
  g_assert_true (g_str_has_suffix (subject, "…"));
  g_assert_true (g_utf8_validate (subject, -1, NULL));
  g_assert_cmpuint (strlen (json_object_get_string_member (email, "excerpt")), <=, OBJECTOR_MAIL_MAX_TEXT_BYTES);
  g_autofree char *store = test_util_store_file ();
  g_assert_cmpuint (file_size (store), <, 64 * 1024);
}

static void
test_many_links (void)
{
  g_autoptr(GString) text = g_string_new (HEADERS "To: zoe@example.org\nSubject: Your objection request\n"
                                          "Message-ID: <many-links@facebookmail.com>\n"
                                          "Content-Type: multipart/alternative; boundary=b\n\n"
                                          "--b\nContent-Type: text/html; charset=utf-8\n\n<p>" APPROVAL "</p>\n");
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) run = { 0 };

  /* 200,000 links to as many hosts in the HTML, and each once more in the text. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "<a href=\"https://h%u.evil.example/\">x</a>\n", i);
  g_string_append (text, "\n--b\nContent-Type: text/plain; charset=utf-8\n\n" APPROVAL);
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "https://h%u.evil.example/\n", i);
  g_string_append (text, "--b--\n");
  g_autofree char *path = test_util_write_file ("many-links.eml", text->str, text->len);

  g_autoptr(ObjectorMail) mail = objector_mail_new_from_file (path, &error);
  g_assert_no_error (error);
  objector_mail_check (mail, playbook);
  g_assert_cmpuint (objector_mail_get_n_links (mail), ==, 200000);
  g_assert_cmpuint (g_strv_length ((char **) objector_mail_get_links (mail)), ==, OBJECTOR_LINK_SET_MAX_LISTED);
  g_assert_cmpuint (g_strv_length ((char **) objector_mail_get_foreign_hosts (mail)), ==, 20);
  g_assert_cmpint (objector_mail_get_verdict (mail), ==, OBJECTOR_MAIL_VERDICT_SUSPICIOUS);

  g_autofree char *id = test_util_cli_fresh_objection (NULL);
  import_and_export (path, id, &run);
  /* Listed with "and N more", never all of them. */
  test_util_assert_contains (run.out, "Links lead away from Meta, to h0.evil.example, h1.evil.example");
  test_util_assert_contains (run.out, "h19.evil.example and 199980 more");
  test_util_assert_lacks (run.out, "h20.evil.example");
  g_assert_cmpuint (strlen (run.out), <, 8 * 1024);

  g_autoptr(JsonObject) email = stored_email (id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (email, "foreign_hosts")), ==, 20);
  test_util_assert_contains (json_array_get_string_element (json_object_get_array_member (email, "trust_notes"), 0),
                             "and 199980 more");
  g_autofree char *store = test_util_store_file ();
  g_assert_cmpuint (file_size (store), <, 64 * 1024);
}

static void
test_many_recipients (void)
{
  g_autoptr(GString) text = g_string_new (HEADERS "Subject: Your objection request\nMessage-ID: <many-to@facebookmail.com>\nTo: ");
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) run = { 0 };

  /* 100,000 addresses, each twice (To and Cc), the person's among them. */
  for (guint i = 0; i < N_RECIPIENTS; i++)
    g_string_append_printf (text, "%sr%u@example.net", i ? ",\n " : "", i);
  g_string_append (text, ",\n zoe@example.org\nCc: ");
  for (guint i = 0; i < N_RECIPIENTS; i++)
    g_string_append_printf (text, "%sR%u@Example.NET", i ? ",\n " : "", i);
  g_string_append (text, "\n\n" APPROVAL);
  g_autofree char *path = test_util_write_file ("many-recipients.eml", text->str, text->len);

  g_autoptr(ObjectorMail) mail = objector_mail_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) objector_mail_get_recipients (mail)), ==, N_RECIPIENTS + 1);

  g_free (test_util_cli_fresh_objection (NULL));
  /* Without --to: matched by the person's address among them all. */
  TEST_RUN (&run, "import-email", path);
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "many-recipients.eml: approval, verified — logged on ");
}

/* A million header lines, and a From header of 5 MB: what is read is
 * bounded, and an email that could not be read whole is not verified. */
static void
test_huge_headers (void)
{
  g_autoptr(GString) many = g_string_new (HEADERS "To: zoe@example.org\nSubject: Your objection request\n");
  g_autoptr(GString) wide = g_string_new ("Return-Path: <noreply@facebookmail.com>\n" AUTH_RESULTS
                                          "Date: Tue, 24 Nov 2026 09:12:03 +0100\nTo: zoe@example.org\n"
                                          "Subject: Your objection request\nFrom: Facebook <noreply@facebookmail.com>");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (many, "X-A: b\n");
  g_string_append (many, "\n" APPROVAL);
  g_autofree char *many_path = test_util_write_file ("many-headers.eml", many->str, many->len);
  for (guint i = 0; i < 500000; i++)
    g_string_append (wide, ",\n x@evil.example");
  g_string_append (wide, "\n\n" APPROVAL);
  g_autofree char *wide_path = test_util_write_file ("wide-from.eml", wide->str, wide->len);

  g_autoptr(ObjectorMail) many_mail = objector_mail_new_from_file (many_path, &error);
  g_assert_no_error (error);
  objector_mail_check (many_mail, playbook);
  g_assert_cmpint (objector_mail_get_verdict (many_mail), ==, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE);
  test_util_assert_contains (objector_mail_get_trust_notes (many_mail)[0], "990006 header lines");
  g_assert_cmpstr (objector_mail_get_from_address (many_mail), ==, "noreply@facebookmail.com");

  g_autoptr(ObjectorMail) wide_mail = objector_mail_new_from_file (wide_path, &error);
  g_assert_no_error (error);
  objector_mail_check (wide_mail, playbook);
  /* Without its From, DMARC's pass is for no sender of this email's. */
  g_assert_cmpint (objector_mail_get_verdict (wide_mail), !=, OBJECTOR_MAIL_VERDICT_VERIFIED);
  g_autofree char *notes = g_strjoinv (" | ", (char **) objector_mail_get_trust_notes (wide_mail));
  test_util_assert_contains (notes, "A header line of 8.5 MB is too large to read");
  g_assert_null (objector_mail_get_from_address (wide_mail));
}

/* A Maildir with everything in it that is no message. */
static void
test_maildir_special_files (void)
{
  g_autofree char *maildir = test_util_make_dir ("Maildir");
  g_autofree char *cur = g_build_filename (maildir, "cur", NULL);
  g_autofree char *new = g_build_filename (maildir, "new", NULL);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (cur, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (new, 0700), ==, 0);
  g_autofree char *folder = g_build_filename (cur, "1700000004.folder", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* A named pipe nobody writes to: opening it to read would wait forever. */
  g_autofree char *fifo = g_build_filename (cur, "1700000001.fifo:2,S", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  /* A device that never ends. */
  g_autofree char *device = g_build_filename (new, "1700000002.device", NULL);
  g_assert_cmpint (symlink ("/dev/zero", device), ==, 0);
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  g_autofree char *socket_path = g_build_filename (cur, "1700000003.socket:2,S", NULL);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (socket_path);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_no_error (error);
  g_autofree char *message = g_build_filename (new, "1700000005.approval", NULL);
  g_autofree char *approval = test_util_read_data (&length, "mail", "approval-de.eml", NULL);
  g_assert_true (g_file_set_contents (message, approval, length, NULL));

  g_autoptr(ObjectorMailScanner) scanner = objector_mail_scanner_new (playbook);
  g_autoptr(GPtrArray) found = objector_mail_scanner_scan (scanner, maildir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_autofree char *notes = g_strjoinv ("\n", (char **) objector_scanner_get_notes (OBJECTOR_SCANNER (scanner)));
  test_util_assert_contains (notes, "“1700000001.fifo:2,S” in cur is a named pipe (FIFO), not a message: skipped");
  test_util_assert_contains (notes, "“1700000002.device” in new is a device, not a message: skipped");
  test_util_assert_contains (notes, "“1700000003.socket:2,S” in cur is a socket, not a message: skipped");
  test_util_assert_contains (notes, "“1700000004.folder” in cur is a folder, not a message: skipped");

  /* The command line says so too, and ends. */
  g_auto(TestRun) run = { 0 };
  TEST_RUN (&run, "scan-mail", maildir);
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "Dein Widerspruch gegen die Nutzung deiner Informationen");
  test_util_assert_contains (run.out, "is a named pipe (FIFO), not a message: skipped");
  test_util_assert_contains (run.out, "is a device, not a message: skipped");
  test_util_assert_contains (run.out, "is a socket, not a message: skipped");

  /* Named directly, it is refused, not opened. */
  g_auto(TestRun) direct = { 0 };
  TEST_RUN (&direct, "import-email", fifo);
  g_assert_cmpint (direct.status, ==, 1);
  test_util_assert_contains (direct.err, "is not a regular file");

  g_socket_close (socket, NULL);
  test_util_rm_rf (maildir);
}

/* No sender's escape sequence, control or bidi override reaches the terminal. */
static void
test_escape_codes (void)
{
  static const char evil[] = "\033[2J\033[1;1H\033]0;owned\007\xc2\x9b" "31m\xe2\x80\xae" "moc.liamkoobecaf\033]8;;https://evil.example\033\\";
  g_autofree char *encoded = g_base64_encode ((const guchar *) evil, strlen (evil));
  g_auto(TestRun) import = { 0 };
  g_auto(TestRun) scan = { 0 };
  g_auto(TestRun) status = { 0 };
  g_auto(TestRun) json = { 0 };
  g_auto(TestRun) scan_json = { 0 };
  g_auto(TestRun) bad = { 0 };
  g_auto(TestRun) rejected = { 0 };
  g_auto(TestRun) complaint = { 0 };
  TestRun *runs[] = { &import, &scan, &status, &json, &scan_json, &bad, &complaint };

  g_autofree char *text = g_strdup_printf ("Return-Path: <x@evil%s.example>\nReply-To: a%s@evil.example\n"
                                           "From: =?UTF-8?B?%s?= <noreply@facebookmail.com>\nTo: zoe@example.org\n"
                                           "Date: Tue, 24 Nov 2026 09:12:03 +0100\nSubject: Your objection request %s\n"
                                           "Message-ID: <escape@facebookmail.com>\nContent-Type: text/html; charset=utf-8\n\n"
                                           "<p>" APPROVAL "%s</p><a href=\"https://evil%s.example/\">x</a>\n",
                                           evil, evil, encoded, evil, evil, evil);
  g_autofree char *path = test_util_write_file ("evil\033[2J\033]0;name\007.eml", text, -1);
  g_autofree char *mbox_text = g_strdup_printf ("From x Tue Nov 24 10:00:00 2026\n%s\n", text);
  g_autofree char *mbox = test_util_write_file ("inbox.mbox", mbox_text, -1);

  g_autofree char *id = test_util_cli_fresh_objection (NULL);
  TEST_RUN (&import, "import-email", path, "--to", id);
  g_assert_cmpint (import.status, ==, 0);
  TEST_RUN (&scan, "scan-mail", mbox);
  g_assert_cmpint (scan.status, ==, 0);
  TEST_RUN (&status, "status");
  TEST_RUN (&json, "status", "--json");
  TEST_RUN (&scan_json, "scan-mail", mbox, "--json");
  /* The complaint quotes the logged emails. */
  TEST_RUN (&rejected, "mark", id, "log-rejection");
  g_assert_cmpint (rejected.status, ==, 0);
  TEST_RUN (&complaint, "complaint", id, "--region", "Berlin");
  g_assert_cmpint (complaint.status, ==, 0);
  test_util_assert_contains (complaint.out, "Your objection request");
  /* An error that names the file. */
  TEST_RUN (&bad, "import-email", "missing\033[31m.eml");
  g_assert_cmpint (bad.status, ==, 1);

  /* The file's name, and the link's host, with their escapes taken out. */
  test_util_assert_contains (import.out, "evil.eml: approval, FAILED or suspicious");
  test_util_assert_contains (import.out, "moc.liamkoobecaf");
  test_util_assert_contains (scan.out, "Your objection request");
  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    for (guint stream = 0; stream < 2; stream++)
      {
        const char *output = stream == 0 ? runs[i]->out : runs[i]->err;

        g_test_message ("run %u, %s", i, stream == 0 ? "out" : "err");
        g_assert_null (strchr (output, '\033'));
        g_assert_null (strchr (output, '\007'));
        test_util_assert_lacks (output, "\xc2\x9b");
        test_util_assert_lacks (output, "\xe2\x80\xae");
      }
  /* JSON keeps the data, escaped. */
  test_util_assert_contains (json.out, "\\u001b[2J");
  test_util_assert_contains (json.out, "\\u202emoc.liamkoobecaf");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_util_init (&argc, &argv, "hostile-mail");
  playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/hostile-mail/huge-subject", test_huge_subject);
  g_test_add_func ("/hostile-mail/many-links", test_many_links);
  g_test_add_func ("/hostile-mail/many-recipients", test_many_recipients);
  g_test_add_func ("/hostile-mail/huge-headers", test_huge_headers);
  g_test_add_func ("/hostile-mail/maildir-special-files", test_maildir_special_files);
  g_test_add_func ("/hostile-mail/escape-codes", test_escape_codes);

  status = test_util_run_tests ();
  g_clear_object (&playbook);
  return status;
}

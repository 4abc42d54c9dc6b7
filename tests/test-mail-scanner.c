/* test-mail-scanner.c — finding Meta's emails in mbox files and Maildir folders
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-lookalike.h"
#include "objector-mail-private.h"
#include "objector-mail-scanner.h"
#include "objector-test-util.h"

static ObjectorPlaybook *playbook;

static const char * const meta_files[] = {
  "approval-de.eml", "rejection-fr.eml", "receipt-en-crlf.eml", "code-es.eml",
  "extension-it.eml", "lookalike.eml", "spoofed.eml", "phishing-link.eml",
};

static char *
read_data (const char *name)
{
  return test_util_read_data (NULL, "mail", name, NULL);
}

/* An mbox of @n_filler ordinary messages with Meta's emails among them;
 * every one of meta_files appears once, and a Facebook notification after
 * every tenth ordinary message; written as FOLDER/inbox.mbox under the
 * harness's root. */
static char *
make_mbox (const char *folder,
           guint       n_filler)
{
  g_autofree char *name = g_build_filename (folder, "inbox.mbox", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  guint next_meta = 0;

  for (guint i = 0; i < n_filler; i++)
    {
      g_string_append_printf (text,
                              "From friend%u@example.org Mon Nov 23 10:00:00 2026\n"
                              "From: Friend %u <friend%u@example.org>\nTo: zoe@example.org\n"
                              "Subject: Holiday pictures %u\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n\n"
                              "Here are the pictures from the lake. From there we went on.\n\n",
                              i, i, i, i);
      if (i % 10 == 9)
        g_string_append (text, "From n@facebookmail.com Mon Nov 23 11:00:00 2026\n"
                               "From: Facebook <notification@facebookmail.com>\nTo: zoe@example.org\n"
                               "Subject: You have 3 new friend requests\n\nSee them.\n\n");
      if (i % 7 == 3 && next_meta < G_N_ELEMENTS (meta_files))
        {
          g_autofree char *mail = read_data (meta_files[next_meta++]);

          g_string_append_printf (text, "From meta Tue Nov 24 10:00:00 2026\n%s\n", mail);
        }
    }
  while (next_meta < G_N_ELEMENTS (meta_files))
    {
      g_autofree char *mail = read_data (meta_files[next_meta++]);

      g_string_append_printf (text, "From meta Tue Nov 24 10:00:00 2026\n%s\n", mail);
    }

  return test_util_write_file (name, text->str, text->len);
}

static void
assert_found_all (GPtrArray *found)
{
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (meta_files));
  for (guint i = 0; i < found->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (found, i);

      g_assert_true (objector_mail_get_claims_meta (mail));
      g_assert_cmpint (objector_mail_get_kind (mail), !=, OBJECTOR_MAIL_KIND_OTHER);
    }
}

static void
test_scan_mbox (void)
{
  g_autofree char *path = make_mbox ("mbox", 100);
  g_autoptr(ObjectorMailScanner) scanner = objector_mail_scanner_new (playbook);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  guint trusted = 0;

  found = objector_mail_scanner_scan (scanner, path, NULL, &error);
  g_assert_no_error (error);
  assert_found_all (found);

  for (guint i = 0; i < found->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (found, i);

      g_assert_cmpstr (objector_mail_get_source (mail), ==, "inbox.mbox");
      g_assert_cmpuint (objector_mail_get_source_index (mail), >, 0);
      if (objector_mail_get_trusted (mail))
        trusted++;
    }
  /* In file order; the three look-alike, spoofed and phishing ones are not trusted. */
  g_assert_cmpstr (objector_mail_get_source (g_ptr_array_index (found, 0)), ==, "inbox.mbox");
  g_assert_cmpstr (objector_mail_get_message_id (g_ptr_array_index (found, 0)), ==, "approval-de.1a2b3c@facebookmail.com");
  g_assert_cmpuint (trusted, ==, 5);

  g_assert_cmpuint (objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)), ==, 100 + 10 + G_N_ELEMENTS (meta_files));
  g_assert_cmpuint (objector_scanner_get_n_found (OBJECTOR_SCANNER (scanner)), ==, G_N_ELEMENTS (meta_files));
  g_assert_cmpuint (objector_scanner_get_n_other (OBJECTOR_SCANNER (scanner)), ==, 10);
  g_assert_cmpuint (objector_scanner_get_n_skipped (OBJECTOR_SCANNER (scanner)), ==, 0);
  g_assert_cmpfloat (objector_scanner_get_fraction (OBJECTOR_SCANNER (scanner)), ==, 1.0);
  g_assert_false (objector_scanner_get_busy (OBJECTOR_SCANNER (scanner)));

  /* Asked for, Meta's other emails are kept too. */
  objector_scanner_set_include_other (OBJECTOR_SCANNER (scanner), TRUE);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = objector_mail_scanner_scan (scanner, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (meta_files) + 10);
  g_assert_cmpuint (objector_scanner_get_n_other (OBJECTOR_SCANNER (scanner)), ==, 0);
}

typedef struct
{
  GAsyncResult *result;
  GPtrArray *found;
  GError    *error;
  guint      n_signals;
  guint      n_fraction_notes;
  double     last_fraction;
  gboolean   went_backwards;
  GThread   *main_thread;
  gboolean   wrong_thread;
} AsyncData;

static void
found_cb (ObjectorMailScanner *scanner,
          ObjectorMail        *mail,
          AsyncData           *data)
{
  data->n_signals++;
  if (g_thread_self () != data->main_thread)
    data->wrong_thread = TRUE;
  g_assert_true (OBJECTOR_IS_MAIL (mail));
}

static void
fraction_cb (ObjectorMailScanner *scanner,
             GParamSpec          *pspec,
             AsyncData           *data)
{
  double fraction = objector_scanner_get_fraction (OBJECTOR_SCANNER (scanner));

  data->n_fraction_notes++;
  if (g_thread_self () != data->main_thread)
    data->wrong_thread = TRUE;
  if (fraction < data->last_fraction && fraction != 0.0)
    data->went_backwards = TRUE;
  data->last_fraction = fraction;
}

/* Waits for the scan started with &@data->result and takes its outcome. */
static void
finish_scan (ObjectorMailScanner *scanner,
             AsyncData           *data)
{
  test_util_wait_until (data->result != NULL);
  data->found = objector_mail_scanner_scan_finish (scanner, data->result, &data->error);
  g_clear_object (&data->result);
}

static void
test_scan_async (void)
{
  g_autofree char *path = make_mbox ("async", 3000);
  g_autoptr(ObjectorMailScanner) scanner = objector_mail_scanner_new (playbook);
  g_autoptr(GError) error = NULL;
  AsyncData data = { 0 };

  data.main_thread = g_thread_self ();
  g_signal_connect (scanner, "found", G_CALLBACK (found_cb), &data);
  g_signal_connect (scanner, "notify::fraction", G_CALLBACK (fraction_cb), &data);

  objector_mail_scanner_scan_async (scanner, path, NULL, test_util_store_result_cb, &data.result);
  g_assert_true (objector_scanner_get_busy (OBJECTOR_SCANNER (scanner)));

  /* A second scan waits for the first. */
  g_assert_null (objector_mail_scanner_scan (scanner, path, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);

  finish_scan (scanner, &data);

  g_assert_no_error (data.error);
  assert_found_all (data.found);
  g_assert_cmpuint (data.n_signals, ==, G_N_ELEMENTS (meta_files));
  g_assert_cmpuint (data.n_fraction_notes, >=, 1);
  g_assert_false (data.went_backwards);
  g_assert_false (data.wrong_thread);
  g_assert_cmpfloat (objector_scanner_get_fraction (OBJECTOR_SCANNER (scanner)), ==, 1.0);
  g_assert_cmpuint (objector_scanner_get_n_found (OBJECTOR_SCANNER (scanner)), ==, G_N_ELEMENTS (meta_files));
  g_assert_cmpuint (objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)), ==, 3000 + 300 + G_N_ELEMENTS (meta_files));
  g_assert_cmpuint (objector_scanner_get_n_other (OBJECTOR_SCANNER (scanner)), ==, 300);
  g_assert_false (objector_scanner_get_busy (OBJECTOR_SCANNER (scanner)));

  g_ptr_array_unref (data.found);
}

static void
test_scan_cancelled (void)
{
  g_autofree char *path = make_mbox ("cancelled", 50);
  g_autoptr(ObjectorMailScanner) scanner = objector_mail_scanner_new (playbook);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData data = { 0 };

  g_cancellable_cancel (cancellable);
  objector_mail_scanner_scan_async (scanner, path, cancellable, test_util_store_result_cb, &data.result);
  finish_scan (scanner, &data);

  g_assert_null (data.found);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (objector_scanner_get_busy (OBJECTOR_SCANNER (scanner)));
  g_clear_error (&data.error);
}

static void
test_scan_maildir (void)
{
  g_autofree char *dir = test_util_make_dir ("maildir");
  g_autofree char *tmp = g_build_filename (dir, "tmp", NULL);
  g_autoptr(ObjectorMailScanner) scanner = objector_mail_scanner_new (playbook);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (meta_files) + 20; i++)
    {
      g_autofree char *sub = g_build_filename (dir, i % 2 ? "cur" : "new", NULL);
      g_autofree char *name = g_strdup_printf ("17000%05u.M%uP1.host%s", i, i, i % 2 ? ":2,S" : "");
      g_autofree char *file = g_build_filename (sub, name, NULL);
      g_autofree char *contents = NULL;

      g_mkdir_with_parents (sub, 0700);
      if (i < G_N_ELEMENTS (meta_files))
        contents = read_data (meta_files[i]);
      else
        contents = g_strdup_printf ("From: friend@example.org\nSubject: hello %u\n\nhi\n", i);
      g_assert_true (g_file_set_contents (file, contents, -1, NULL));
    }
  /* Dot files and files being delivered (tmp/) are not messages yet. */
  {
    g_autofree char *hidden = g_build_filename (dir, "cur", ".index", NULL);
    g_autofree char *partial = g_build_filename (tmp, "1.partial", NULL);
    g_autofree char *meta = read_data ("approval-de.eml");

    g_assert_true (g_file_set_contents (hidden, meta, -1, NULL));
    g_assert_true (g_file_set_contents (partial, meta, -1, NULL));
  }

  found = objector_mail_scanner_scan (scanner, dir, NULL, &error);
  g_assert_no_error (error);
  assert_found_all (found);
  g_assert_cmpuint (objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)), ==, G_N_ELEMENTS (meta_files) + 20);
  /* Name order: the order of delivery. */
  g_assert_cmpstr (objector_mail_get_message_id (g_ptr_array_index (found, 0)), ==, "approval-de.1a2b3c@facebookmail.com");
  g_assert_cmpstr (objector_mail_get_source (g_ptr_array_index (found, 0)), ==, "1700000000.M0P1.host");

  test_util_rm_rf (dir);
}

static void
test_scan_refused (void)
{
  g_autofree char *dir = test_util_make_dir ("refused");
  g_autofree char *empty = g_build_filename (dir, "empty.mbox", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.mbox", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain", NULL);
  g_autofree char *single = test_util_data_path ("mail", "approval-de.eml", NULL);
  g_autofree char *outlook = test_util_data_path ("mail", "approval-nl.msg", NULL);
  g_autoptr(ObjectorMailScanner) scanner = objector_mail_scanner_new (playbook);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (g_mkdir (plain, 0700), ==, 0);

  g_assert_null (objector_mail_scanner_scan (scanner, empty, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  g_assert_cmpstr (error->message, ==, "“empty.mbox” is empty");
  g_clear_error (&error);

  g_assert_null (objector_mail_scanner_scan (scanner, missing, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_assert_null (objector_mail_scanner_scan (scanner, plain, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  g_assert_true (strstr (error->message, "is a folder but not a Maildir") != NULL);
  g_clear_error (&error);
  g_assert_false (objector_scanner_get_busy (OBJECTOR_SCANNER (scanner)));

  /* A header block of 2 MB: that message is skipped, the scan goes on. */
  {
    g_autofree char *huge = g_build_filename (dir, "huge.mbox", NULL);
    g_autoptr(GString) text = g_string_new ("From x Tue Nov 24 10:00:00 2026\n"
                                            "From: Facebook <noreply@facebookmail.com>\n");
    g_autofree char *meta = read_data ("approval-de.eml");
    g_autoptr(GPtrArray) mails = NULL;

    for (guint i = 0; i < 30000; i++)
      g_string_append (text, "X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n");
    g_string_append_printf (text, "Subject: huge\n\nbody\n\nFrom y Tue Nov 24 10:00:00 2026\n%s", meta);
    g_assert_true (g_file_set_contents (huge, text->str, text->len, NULL));

    mails = objector_mail_scanner_scan (scanner, huge, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (mails->len, ==, 1);
    g_assert_cmpuint (objector_scanner_get_n_skipped (OBJECTOR_SCANNER (scanner)), ==, 1);
    g_assert_cmpuint (objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)), ==, 2);
  }

  /* One message on its own is a mailbox of one; so is an Outlook file. */
  found = objector_mail_scanner_scan (scanner, single, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = objector_mail_scanner_scan (scanner, outlook, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (objector_mail_get_subject (g_ptr_array_index (found, 0)), ==, "Je bezwaarverzoek");

  test_util_rm_rf (dir);
}

/* The pre-filter decides from From, Sender, Reply-To and Return-Path. */
static void
test_scan_prefilter (void)
{
  static const struct { const char *headers; gboolean meta; } cases[] = {
    { "From: Facebook <security@facebookmail.com>\nSubject: x\n", TRUE },
    { "Subject: facebook\nFrom: friend@example.org\n", FALSE },
    { "From: friend@example.org\nReply-To: help@faceb00k-help.example\n", TRUE },
    { "Return-Path: <bounce@mail.instagram.com>\nFrom: x@example.org\n", TRUE },
    { "From: =?UTF-8?B?RmFjZWJvb2s=?= <x@example.org>\n", TRUE },  /* "Facebook", encoded */
    { "From: x@xn--facebok-fjg.com\n", TRUE },
    { "From: Friend\n\t<friend@meta-mail.example>\n", TRUE },           /* folded */
    { "From: shop@example.com\nSender: list@lists.example.org\n", FALSE },
    { "", FALSE },
  };
  g_auto(GStrv) stems = objector_lookalike_dup_stems (playbook);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].headers);
      g_assert_cmpint (objector_mail_headers_may_be_meta ((const char * const *) stems, cases[i].headers,
                                                         strlen (cases[i].headers)), ==, cases[i].meta);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_util_init (&argc, &argv, "mail-scanner");
  playbook = test_util_bundled_playbook ();

  g_test_add_func ("/mail-scanner/mbox", test_scan_mbox);
  g_test_add_func ("/mail-scanner/async", test_scan_async);
  g_test_add_func ("/mail-scanner/cancelled", test_scan_cancelled);
  g_test_add_func ("/mail-scanner/maildir", test_scan_maildir);
  g_test_add_func ("/mail-scanner/refused", test_scan_refused);
  g_test_add_func ("/mail-scanner/prefilter", test_scan_prefilter);

  status = test_util_run_tests ();
  g_clear_object (&playbook);
  return status;
}

/* bench-imap.c — how long a scan of a large mailbox on an IMAP server takes
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts Dovecot on 127.0.0.1 (objector-test-dovecot.c) with a Maildir of
 * N ordinary messages among which ten are Meta's answers, and scans it with
 * the IMAP scanner over TLS, as `scan-mail imaps://…` does: the first scan
 * (Dovecot has no index yet and reads every message for the search), then
 * the best of three more (Dovecot's index and cache are warm, as on a real
 * server). Prints seconds, the messages fetched and the bytes received.
 * What should hold: the bytes received do not grow with N (only Meta's
 * messages come over the wire), and the time grows with the server's own
 * search, not with Objector.
 *
 * Usage: bench-imap [N…]   (default: 20000 50000)
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "objector-imap-scanner.h"
#include "objector-test-dovecot.h"
#include "objector-test-util.h"

#define ROUNDS 3
#define N_META 10

static char *
message (guint i,
         guint n)
{
  if (i % (n / N_META) == n / N_META - 1)
    return g_strdup_printf ("From: Facebook <noreply@facebookmail.com>\n"
                            "To: zoe@example.org\n"
                            "Subject: We received your request\n"
                            "Date: Tue, 24 Nov 2026 09:00:00 +0000\n"
                            "Message-ID: <bench.%u@facebookmail.com>\n"
                            "\n"
                            "Hi Zoe, we have received your request and will review it.\n", i);

  return g_strdup_printf ("From: Friend %u <friend%u@example.net>\n"
                          "To: zoe@example.org\n"
                          "Subject: Pictures from the lake (%u)\n"
                          "Date: Tue, 24 Nov 2026 09:00:00 +0000\n"
                          "Message-ID: <bench.%u@example.net>\n"
                          "Content-Type: text/plain; charset=utf-8\n"
                          "\n"
                          "Here are the pictures from the weekend. The children loved the boat,\n"
                          "and the weather held until the evening. See you on Friday!\n",
                          i, i % 97, i, i);
}

static double
scan_once (ObjectorImapScanner    *scanner,
           ObjectorImapAccount    *account,
           ObjectorImapCredential *credential,
           guint                   expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 start = g_get_monotonic_time ();

  found = objector_imap_scanner_scan (scanner, account, credential, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, expected);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
bench (guint n)
{
  g_autoptr(TestDovecot) dovecot = test_dovecot_new ();
  g_autoptr(GDateTime) received = test_util_time ("2026-11-24T09:00:00Z");
  g_autoptr(GDateTime) since = test_util_time ("2026-11-19T00:00:00Z");
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorImapScanner) scanner = NULL;
  g_autoptr(ObjectorImapAccount) account = NULL;
  g_autoptr(ObjectorImapCredential) credential = objector_imap_credential_new_password (TEST_DOVECOT_PASSWORD);
  g_autoptr(GError) error = NULL;
  double cold;
  double warm = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = message (i, n);

      test_dovecot_deliver (dovecot, NULL, text, strlen (text), received, i % 2 == 0);
    }
  test_dovecot_start (dovecot);

  playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);
  scanner = objector_imap_scanner_new (playbook);
  objector_imap_scanner_set_since (scanner, since);
  account = objector_imap_account_new ("127.0.0.1", test_dovecot_imaps_port (dovecot), TEST_DOVECOT_USER,
                                       "INBOX", OBJECTOR_IMAP_SECURITY_TLS, &error);
  g_assert_no_error (error);
  objector_imap_account_set_ca_file (account, test_dovecot_ca_file (dovecot));

  cold = scan_once (scanner, account, credential, N_META);
  for (guint round = 0; round < ROUNDS; round++)
    warm = MIN (warm, scan_once (scanner, account, credential, N_META));

  printf ("%8u  %7u  %7u  %14" G_GUINT64_FORMAT "  %9.2f  %9.2f\n", n,
          objector_imap_scanner_get_n_matched (scanner), objector_imap_scanner_get_n_fetched (scanner),
          objector_imap_scanner_get_bytes_received (scanner), cold, warm);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *unavailable = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));

  test_util_init_environment ("bench-imap");

  if ((unavailable = test_dovecot_unavailable ()) != NULL)
    {
      printf ("# skipped: %s\n", unavailable);
      test_util_clean_up ();
      return 77;
    }

  for (int i = 1; i < argc; i++)
    {
      guint64 n;
      guint size;

      if (!g_ascii_string_to_unsigned (argv[i], 10, N_META, 10000000, &n, NULL))
        {
          fprintf (stderr, "usage: bench-imap [N…] (messages, at least %d)\n", N_META);
          return 2;
        }
      size = n;
      g_array_append_val (sizes, size);
    }
  if (sizes->len == 0)
    {
      guint defaults[] = { 20000, 50000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }

  printf ("# messages  matched  fetched  bytes_received  cold_s     warm_s\n");
  for (guint i = 0; i < sizes->len; i++)
    bench (g_array_index (sizes, guint, i));

  test_util_clean_up ();
  return 0;
}

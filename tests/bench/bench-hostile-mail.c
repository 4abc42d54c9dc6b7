/* bench-hostile-mail.c — how long hostile mail takes to import and export, and in how much memory
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes (in the harness's private folder) an email with a 10 MB subject, one
 * with 200,000 links to as many hosts, one with 100,000 recipients, and
 * Meta's ordinary German approval for comparison. For each: a fresh store
 * with one submitted objection, then `objector import-email FILE --to ID`
 * and `objector export-pdf`, each a child process timed from fork to exit,
 * its peak memory from wait4(). Best of three. Target: about a second each,
 * not minutes. tests/test-hostile-mail.c checks what is kept, not the time.
 *
 * Usage: bench-hostile-mail
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "objector-test-util.h"

#define ROUNDS 3

#define HEADERS "Return-Path: <noreply@facebookmail.com>\n" \
                "Authentication-Results: mx.example.org; dkim=pass header.d=facebookmail.com; " \
                "spf=pass smtp.mailfrom=noreply@facebookmail.com; dmarc=pass header.from=facebookmail.com\n" \
                "From: Facebook <noreply@facebookmail.com>\nDate: Tue, 24 Nov 2026 09:12:03 +0100\n"
#define APPROVAL "We will honour your objection: it will be applied from now on.\n"

typedef struct
{
  double seconds;
  double peak_mb;
  int    status;
} Measure;

/* Runs objector with @args; the time from start to exit and its peak memory. */
static Measure
measure (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  struct rusage usage;
  Measure m = { 0 };
  gint64 start;
  pid_t pid;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) test_util_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execv (g_ptr_array_index (argv, 0), (char **) argv->pdata);
      _exit (127);
    }
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  m.seconds = (g_get_monotonic_time () - start) / 1e6;
  m.peak_mb = usage.ru_maxrss / 1024.0;
  m.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return m;
}

static void
bench (const char *what,
       const char *path)
{
  g_autofree char *pdf = g_build_filename (test_util_root (), "bench.pdf", NULL);
  Measure best_import = { G_MAXDOUBLE, 0, 0 };
  Measure best_export = { G_MAXDOUBLE, 0, 0 };

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *id = NULL;
      Measure import;
      Measure export;

      test_util_reset_data ();
      id = test_util_cli_submitted ("facebook-objection", "DE");
      import = measure ((const char * const[]) { "import-email", path, "--to", id, NULL });
      export = measure ((const char * const[]) { "export-pdf", pdf, NULL });
      if (import.status != 0 || export.status != 0)
        g_error ("%s: import-email exited with %d, export-pdf with %d", what, import.status, export.status);
      if (import.seconds < best_import.seconds)
        best_import = import;
      if (export.seconds < best_export.seconds)
        best_export = export;
    }

  printf ("%-24s import-email %6.2f s %7.1f MB   export-pdf %6.2f s %7.1f MB\n", what,
          best_import.seconds, best_import.peak_mb, best_export.seconds, best_export.peak_mb);
  fflush (stdout);
}

static char *
write_mail (const char *name,
            GString    *text)
{
  return test_util_write_file (name, text->str, text->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) subject = g_string_new (HEADERS "To: zoe@example.org\nSubject: Your objection request ");
  g_autoptr(GString) links = g_string_new (HEADERS "To: zoe@example.org\nSubject: Your objection request\n"
                                           "Content-Type: text/html; charset=utf-8\n\n<p>" APPROVAL "</p>\n");
  g_autoptr(GString) recipients = g_string_new (HEADERS "Subject: Your objection request\nTo: ");
  g_autofree char *subject_file = NULL;
  g_autofree char *links_file = NULL;
  g_autofree char *recipients_file = NULL;
  g_autofree char *ordinary = NULL;

  test_util_init (&argc, &argv, "bench-hostile-mail");

  while (subject->len < 10 * 1000 * 1000)
    g_string_append (subject, "Zoë 李 𝔉 ");
  g_string_append (subject, "\n\n" APPROVAL);
  subject_file = write_mail ("subject.eml", subject);

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (links, "<a href=\"https://h%u.evil.example/\">x</a>\n", i);
  links_file = write_mail ("links.eml", links);

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (recipients, "%sr%u@example.net", i ? ",\n " : "", i);
  g_string_append (recipients, ",\n zoe@example.org\n\n" APPROVAL);
  recipients_file = write_mail ("recipients.eml", recipients);

  ordinary = test_util_data_path ("mail", "approval-de.eml", NULL);

  printf ("Best of %u, each a fresh store with one submitted objection:\n", ROUNDS);
  bench ("ordinary (approval-de)", ordinary);
  bench ("10 MB subject", subject_file);
  bench ("200,000 links (8 MB)", links_file);
  bench ("100,000 recipients", recipients_file);

  test_util_clean_up ();
  return 0;
}

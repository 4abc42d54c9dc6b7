/* bench-mail-scan.c — how fast `scan-mail` reads a large mailbox, and in how much memory
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a 200 MB and a 50 MB mbox file (in a temporary folder, deleted
 * afterwards) of ordinary mail — personal messages, HTML newsletters, base64
 * attachments, Facebook notifications — with Meta's answers from
 * tests/data/mail/ scattered through it. Scans each with the scanner, in a
 * fresh child process so that its peak memory (VmHWM) is the scan's alone,
 * and times `grep -c '^From '` over the same file, both on a warm page cache,
 * best of three. Prints MB/s for both, the ratio, and the peak memory.
 * Target: at least a third of grep's throughput, and the same memory for
 * 50 MB and 200 MB. A last line shows the worst case, a 20 MB mailbox of
 * nothing but Meta's emails, where every message is parsed in full.
 *
 * Usage: bench-mail-scan [SIZE_MB…]         (default: 50 200)
 *        bench-mail-scan --write FILE SIZE_MB (only write the mbox, to profile with)
 *        bench-mail-scan --child FILE       (internal: one scan, prints numbers)
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "objector-mail-scanner.h"
#include "objector-test-util.h"

#define ROUNDS 3

static const char * const meta_files[] = {
  "approval-de.eml", "rejection-fr.eml", "receipt-en-crlf.eml", "code-es.eml",
  "extension-it.eml", "receipt-nl.eml", "approval-pl.eml", "rejection-pt.eml",
  "lookalike.eml", "spoofed.eml", "phishing-link.eml",
};

static const char * const words[] = {
  "the", "lake", "pictures", "tomorrow", "meeting", "project", "garden", "weekend", "train",
  "dinner", "report", "invoice", "holiday", "children", "school", "music", "concert", "bicycle",
  "Über", "café", "naïve", "résumé", "delivery", "package", "account", "library", "weather",
};

static void
append_words (GString *out,
              GRand   *rand,
              gsize    bytes)
{
  gsize start = out->len;
  gsize line = 0;

  while (out->len - start < bytes)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      g_string_append (out, word);
      line += strlen (word) + 1;
      if (line > 70)
        {
          g_string_append_c (out, '\n');
          line = 0;
        }
      else
        g_string_append_c (out, ' ');
    }
  g_string_append_c (out, '\n');
}

static void
append_headers (GString    *out,
                GRand      *rand,
                guint       n,
                const char *from,
                const char *subject,
                const char *content_type)
{
  g_string_append_printf (out,
                          "From %s Mon Nov 23 %02u:%02u:00 2026\n"
                          "Return-Path: <%s>\n"
                          "Delivered-To: zoe@example.org\n"
                          "Received: from mail%u.example.net (mail%u.example.net [192.0.2.%u])\n"
                          "\tby mx.example.org (Postfix) with ESMTPS id %08X\n"
                          "\tfor <zoe@example.org>; Mon, 23 Nov 2026 10:00:00 +0000 (UTC)\n"
                          "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=s1;\n"
                          "\th=from:to:subject:date:message-id; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\n"
                          "\tb=dzdVyOfAKCdLXdJOc9G2q8LoXSlEniSbav+yuU4zGeeruD00lszZVoG4ZHRNiYzR\n"
                          "Authentication-Results: mx.example.org; dkim=pass header.d=example.net; spf=pass; dmarc=pass\n"
                          "From: %s\n"
                          "To: Zoe <zoe@example.org>\n"
                          "Subject: %s %u\n"
                          "Date: Mon, 23 Nov 2026 10:00:00 +0000\n"
                          "Message-ID: <%u.%08X@example.net>\n"
                          "MIME-Version: 1.0\n"
                          "Content-Type: %s\n\n",
                          from, n % 24, n % 60, from, n % 9, n % 9, n % 250, g_rand_int (rand),
                          from, subject, n, n, g_rand_int (rand), content_type);
}

/* One ordinary message, of one of four sorts. */
static void
append_message (GString *out,
                GRand   *rand,
                guint    n)
{
  guint sort = g_rand_int_range (rand, 0, 100);

  if (sort < 65)
    {
      append_headers (out, rand, n, "Friend <friend@example.org>", "Pictures from the lake",
                      "text/plain; charset=utf-8");
      append_words (out, rand, g_rand_int_range (rand, 800, 6000));
      /* Body lines that begin like a separator, as real mail has. */
      g_string_append (out, ">From the look of it, see you soon.\nFrom here on, all fine.\n\n");
    }
  else if (sort < 85)
    {
      append_headers (out, rand, n, "Newsletter <news@shop.example.com>", "This week’s offers",
                      "text/html; charset=utf-8");
      g_string_append (out, "<html><body><table>");
      for (guint i = g_rand_int_range (rand, 20, 200); i > 0; i--)
        {
          g_string_append (out, "<tr><td><a href=\"https://shop.example.com/p?id=1\">");
          append_words (out, rand, 120);
          g_string_append (out, "</a></td></tr>\n");
        }
      g_string_append (out, "</table></body></html>\n\n");
    }
  else if (sort < 93)
    {
      guint kb = g_rand_int_range (rand, 50, 600);

      append_headers (out, rand, n, "Office <office@work.example>", "The report",
                      "multipart/mixed; boundary=\"b\"");
      g_string_append (out, "--b\nContent-Type: text/plain\n\nThe report is attached.\n--b\n"
                            "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n");
      for (guint i = 0; i < kb * 1024 / 77; i++)
        {
          for (guint j = 0; j < 76; j++)
            g_string_append_c (out, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(i * 7 + j * 13) % 64]);
          g_string_append_c (out, '\n');
        }
      g_string_append (out, "--b--\n\n");
    }
  else
    {
      /* Facebook's everyday notifications: they pass the pre-filter and are
       * parsed in full, as in a real mailbox. */
      append_headers (out, rand, n, "Facebook <notification@facebookmail.com>",
                      "You have new notifications", "text/plain; charset=utf-8");
      g_string_append (out, "You have 3 new friend requests and 5 notifications.\n"
                            "https://www.facebook.com/notifications\n\n");
    }
}

/* @all_meta: every message from Meta (or pretending), the pre-filter's
 * worst case: each one is parsed in full. */
static guint
write_mbox (const char *path,
            guint64     size,
            const char *data_dir,
            gboolean    all_meta)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  g_autoptr(GString) chunk = g_string_sized_new (4 * 1024 * 1024);
  g_autoptr(GPtrArray) meta = g_ptr_array_new_with_free_func (g_free);
  guint64 written = 0;
  guint n_meta = 0;
  FILE *file;

  for (guint i = 0; i < G_N_ELEMENTS (meta_files); i++)
    {
      g_autofree char *name = g_build_filename (data_dir, "data", "mail", meta_files[i], NULL);
      char *contents = NULL;

      if (!g_file_get_contents (name, &contents, NULL, NULL))
        g_error ("Cannot read %s: is G_TEST_SRCDIR the tests folder?", name);
      g_ptr_array_add (meta, contents);
    }

  file = g_fopen (path, "wb");
  g_assert (file != NULL);
  for (guint n = 0; written < size; n++)
    {
      if (!all_meta)
        append_message (chunk, rand, n);
      /* Meta's answers, scattered: one in every 400 messages or so. */
      if (all_meta || n % 397 == 200)
        {
          g_string_append_printf (chunk, "From meta Tue Nov 24 10:00:00 2026\n%s\n",
                                  (const char *) g_ptr_array_index (meta, n_meta % meta->len));
          n_meta++;
        }
      if (chunk->len > 2 * 1024 * 1024)
        {
          fwrite (chunk->str, 1, chunk->len, file);
          written += chunk->len;
          g_string_truncate (chunk, 0);
        }
    }
  fwrite (chunk->str, 1, chunk->len, file);
  fclose (file);
  return n_meta;
}

static guint64
vm_hwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || !(line = strstr (status, "VmHWM:")))
    return 0;
  return g_ascii_strtoull (line + 6, NULL, 10);
}

/* The child: one scan, then "seconds found messages baseline_kb peak_kb". */
static int
run_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_bundled (&error);
  g_autoptr(ObjectorMailScanner) scanner = NULL;
  g_autoptr(GPtrArray) found = NULL;
  guint64 baseline;
  gint64 start;

  g_assert_no_error (error);
  scanner = objector_mail_scanner_new (playbook);
  baseline = vm_hwm_kb ();

  start = g_get_monotonic_time ();
  found = objector_mail_scanner_scan (scanner, path, NULL, &error);
  g_assert_no_error (error);

  printf ("%.6f %u %u %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
          (g_get_monotonic_time () - start) / 1e6, found->len,
          objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)), baseline, vm_hwm_kb ());
  return 0;
}

static double
time_grep (const char *path)
{
  const char *argv[] = { "grep", "-c", "^From ", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *env[] = { "LC_ALL=C", "PATH=/usr/bin:/bin", NULL };
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, (char **) env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, NULL, &status, &error))
    g_error ("grep: %s", error->message);
  return (g_get_monotonic_time () - start) / 1e6;
}

typedef struct
{
  double  seconds;
  guint   found;
  guint   messages;
  guint64 baseline_kb;
  guint64 peak_kb;
} ChildResult;

static ChildResult
time_scanner (const char *self,
              const char *path)
{
  const char *argv[] = { self, "--child", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  ChildResult result = { 0 };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("scan: %s", error->message);
  if (sscanf (out, "%lf %u %u %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
              &result.seconds, &result.found, &result.messages,
              &result.baseline_kb, &result.peak_kb) != 5)
    g_error ("scan: unexpected output “%s”", out);
  return result;
}

/* Reads the file once, so that both contestants find it in the page cache. */
static void
warm (const char *path)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  gsize length;
  volatile guint sum = 0;

  g_assert (mapped != NULL);
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  for (gsize i = 0; i < length; i += 4096)
    sum += data[i];
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *data_dir = g_getenv ("G_TEST_SRCDIR");

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "--write") && data_dir != NULL)
    {
      write_mbox (argv[2], g_ascii_strtoull (argv[3], NULL, 10) * 1000 * 1000, data_dir, FALSE);
      return 0;
    }

  for (int i = 1; i < argc; i++)
    {
      guint mb = (guint) g_ascii_strtoull (argv[i], NULL, 10);

      if (mb > 0)
        g_array_append_val (sizes, mb);
    }
  if (sizes->len == 0)
    {
      guint defaults[] = { 50, 200 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }
  if (data_dir == NULL)
    g_error ("Set G_TEST_SRCDIR to the tests folder (meson benchmark does)");

  self = g_file_read_link ("/proc/self/exe", NULL);
  g_assert (self != NULL);
  test_util_init_environment ("bench-mail-scan");
  dir = test_util_make_dir ("mbox");

  printf ("# size_MB  messages  meta  found  scan_MB/s  grep_MB/s  ratio  baseline_RSS_MB  peak_RSS_MB\n");
  for (guint s = 0; s <= sizes->len; s++)
    {
      /* Last, the worst case: 20 MB of nothing but Meta's emails. */
      gboolean all_meta = s == sizes->len;
      guint mb = all_meta ? 20 : g_array_index (sizes, guint, s);
      g_autofree char *name = g_strdup_printf ("bench-%u%s.mbox", mb, all_meta ? "-all-meta" : "");
      g_autofree char *path = g_build_filename (dir, name, NULL);
      ChildResult best = { 0 };
      double grep_best = 0.0;
      GStatBuf st;
      double real_mb;
      guint n_meta;

      n_meta = write_mbox (path, (guint64) mb * 1000 * 1000, data_dir, all_meta);
      g_assert (g_stat (path, &st) == 0);
      real_mb = st.st_size / 1e6;
      warm (path);

      for (guint r = 0; r < ROUNDS; r++)
        {
          ChildResult result = time_scanner (self, path);
          double grep = time_grep (path);

          if (r == 0 || result.seconds < best.seconds)
            best = result;
          if (r == 0 || grep < grep_best)
            grep_best = grep;
          best.peak_kb = MAX (best.peak_kb, result.peak_kb);
        }

      printf ("%9.1f  %8u  %4u  %5u  %9.1f  %9.1f  %5.2f  %15.1f  %11.1f%s\n",
              real_mb, best.messages, n_meta, best.found,
              real_mb / best.seconds, real_mb / grep_best, (real_mb / best.seconds) / (real_mb / grep_best),
              best.baseline_kb / 1024.0, best.peak_kb / 1024.0,
              all_meta ? "  (every message Meta's: the pre-filter's worst case)" : "");
      fflush (stdout);
      g_unlink (path);
    }

  test_util_clean_up ();
  return 0;
}

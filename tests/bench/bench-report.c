/* bench-report.c — how long the PDF summary takes, and how much memory
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For 10, 100 and 1,000 objections with three emails each, in a fresh
 * process each (so that the peak memory is that size's own, and the font
 * set-up is paid as the command line pays it): the time to lay out and
 * save the PDF, and the peak resident memory. `bench-report N` measures one
 * size and prints one line. Target: 1,000 objections in under a second,
 * growing linearly.
 *
 * Every objection's texts and times differ (its number is in each), so no
 * layout is shared between objections: the worst case for the layout cache.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "objector-objection.h"
#include "objector-playbook.h"
#include "objector-report.h"
#include "objector-test-util.h"

static const guint sizes[] = { 10, 100, 1000 };

/* VmHWM: the most resident memory this process had, in kB. */
static guint64
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

/* A time on day @day of March 2026, @minutes past 08:00. */
static char *
iso_time (guint day,
          guint minutes)
{
  return g_strdup_printf ("2026-03-%02uT%02u:%02u:00Z", day, 8 + (minutes / 60) % 12, minutes % 60);
}

/* Processor time of this process, every thread, user and system, in seconds:
 * on a shared machine it says more than the wall clock. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
add_email (ObjectorObjection *objection,
           guint              index,
           guint              number,
           const char        *kind,
           gboolean           trusted)
{
  g_autofree char *id = g_strdup_printf ("<%u.%u@mail.example>", index, number);
  g_autofree char *subject = g_strdup_printf ("Wir haben deinen Widerspruch Nr. %u erhalten", index);
  g_autofree char *date = iso_time (3 + number, index + number);
  g_autofree char *excerpt = g_strdup_printf ("Hallo Zoë, wir haben deine Anfrage Nr. %u erhalten und werden sie "
                                              "prüfen. Wir melden uns innerhalb eines Monats bei dir unter der "
                                              "Adresse, die du angegeben hast. Dein Facebook-Team.", index);
  g_autoptr(JsonObject) email = test_util_email (date, "Facebook <notification@facebookmail.com>", subject,
                                                 kind, trusted);

  json_object_set_string_member (email, "logged", date);
  json_object_set_string_member (email, "message_id", id);
  json_object_set_string_member (email, "excerpt", excerpt);
  if (!trusted)
    {
      JsonArray *notes = json_array_new ();

      json_array_add_string_element (notes, "The sender’s domain is not Meta’s.");
      json_object_set_array_member (email, "trust_notes", notes);
    }
  test_util_add_email (objection, email);
}

static void
step (ObjectorObjection *objection,
      ObjectorEvent      event,
      guint              day,
      guint              minutes)
{
  g_autofree char *iso = iso_time (day, minutes);

  test_util_apply_at (objection, event, NULL, iso);
}

static GListStore *
make_objections (guint n)
{
  GListStore *store = g_list_store_new (OBJECTOR_TYPE_OBJECTION);

  for (guint i = 0; i < n; i++)
    {
      gboolean facebook = i % 2 == 0;
      g_autoptr(ObjectorObjection) objection =
        test_util_objection_new (facebook ? "facebook-objection" : "instagram-objection", TRUE,
                                 facebook ? "DE" : "FR", "2026-03-02T09:00:00Z");
      g_autofree char *account = g_strdup_printf ("Zoë Łukasiewicz 李小龍 Αλέξης Дмитрий שלום %u", i);
      g_autofree char *reason = g_strdup_printf ("Ich widerspreche der Verarbeitung meiner personenbezogenen "
                                                 "Daten für das Training von KI-Modellen durch Meta gemäß "
                                                 "Art. 21 DSGVO (Widerspruch Nr. %u). Ich habe kein Interesse "
                                                 "daran, dass meine Beiträge, Fotos und Kommentare dafür "
                                                 "verwendet werden.", i);

      objector_objection_set_account (objection, account);
      objector_objection_set_reason (objection, reason);
      step (objection, OBJECTOR_EVENT_COMPLETE_DETAILS, 2, i);
      step (objection, OBJECTOR_EVENT_OPEN_FORM, 2, i + 1);
      step (objection, OBJECTOR_EVENT_SUBMIT, 2, i + 2);
      step (objection, OBJECTOR_EVENT_CONFIRM_CODE, 2, i + 3);
      step (objection, OBJECTOR_EVENT_LOG_RECEIPT, 3, i + 4);
      add_email (objection, i, 1, "code", TRUE);
      add_email (objection, i, 2, "receipt", TRUE);
      add_email (objection, i, 3, "other", FALSE);
      g_list_store_append (store, objection);
    }

  return store;
}

/* One size, in this process:
 * "objections pages bytes layout-s save-s save-cpu-s peak-kB base-kB". */
static int
measure (guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = test_util_bundled_playbook ();
  g_autoptr(GListStore) objections = NULL;
  g_autoptr(ObjectorReport) report = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *file = NULL;
  gint64 start, saved, laid_out;
  double cpu_start, cpu_saved;
  guint64 base, peak;
  guint pages;
  GStatBuf st;

  objections = make_objections (n);
  report = objector_report_new (G_LIST_MODEL (objections), playbook);
  objector_report_set_paper (report, OBJECTOR_PAPER_A4);
  folder = test_util_make_dir ("pdf");
  file = g_build_filename (folder, "summary.pdf", NULL);
  base = peak_kb ();

  /* The whole PDF: content, layout, drawing, writing… */
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  if (!objector_report_save (report, file, NULL, &error))
    g_error ("%s", error->message);
  saved = g_get_monotonic_time ();
  cpu_saved = cpu_seconds ();
  peak = peak_kb ();

  /* …and laying out alone, what printing does before its first page. */
  pages = objector_report_paginate (report, 595.28, 841.89);
  laid_out = g_get_monotonic_time ();

  g_stat (file, &st);
  printf ("%u %u %" G_GINT64_FORMAT " %.3f %.3f %.3f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
          n, pages, (gint64) st.st_size, (laid_out - saved) / 1e6, (saved - start) / 1e6,
          cpu_saved - cpu_start, peak, base);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  double per_objection[G_N_ELEMENTS (sizes)];

  if (argc == 2)
    {
      int status;

      test_util_init_environment ("bench-report");
      status = measure ((guint) g_ascii_strtoull (argv[1], NULL, 10));
      test_util_clean_up ();
      return status;
    }

  printf ("PDF summary, A4, three emails per objection; each size in a fresh process\n\n");
  printf ("%11s %6s %9s %10s %9s %8s %13s %10s %10s\n",
          "objections", "pages", "PDF (kB)", "layout (s)", "save (s)", "cpu (s)", "ms/objection",
          "peak (MB)", "+data (MB)");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *size = g_strdup_printf ("%u", sizes[i]);
      const char *child_argv[] = { argv[0], size, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      guint n, pages;
      gint64 bytes;
      double layout, save, cpu;
      guint64 peak, base;
      int wait_status;

      g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                    &out, NULL, &wait_status, &error);
      if (error != NULL || !g_spawn_check_wait_status (wait_status, &error))
        g_error ("%s", error->message);
      if (sscanf (out, "%u %u %" G_GINT64_FORMAT " %lf %lf %lf %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT,
                  &n, &pages, &bytes, &layout, &save, &cpu, &peak, &base) != 8)
        g_error ("unexpected output: %s", out);

      per_objection[i] = save * 1000 / n;
      printf ("%11u %6u %9" G_GINT64_FORMAT " %10.3f %9.3f %8.3f %13.2f %10.1f %10.1f\n",
              n, pages, bytes / 1024, layout, save, cpu, per_objection[i],
              peak / 1024.0, (peak - base) / 1024.0);
    }

  printf ("\nsave: the whole PDF (content, layout, drawing, writing to a file), wall clock;\n"
          "cpu: the processor time of the save, all threads (layout shapes text in several);\n"
          "layout: objector_report_paginate() alone, as printing does before its first page;\n"
          "peak: the process's resident high-water mark when the PDF is saved;\n"
          "+data: that, less the mark before (the objections and the playbook).\n");
  printf ("growth from 100 to 1,000 objections: %.2f × the time per objection\n",
          per_objection[2] / per_objection[1]);
  return 0;
}

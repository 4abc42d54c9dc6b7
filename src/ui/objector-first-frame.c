/* objector-first-frame.c — start-up measurement for tests/bench/bench-startup
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the app and by tests/bench/bare-window.c, so that both are
 * measured by the same code. Needs GTK only.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "objector-first-frame.h"

/* Microseconds since this process started, on the clock of @now_monotonic. */
static gint64
elapsed_since_start (gint64 now_monotonic)
{
  const char *spawned = g_getenv ("OBJECTOR_SPAWN_TIME_US");
  g_autofree char *stat = NULL;
  struct timespec boot;
  const char *fields;
  guint64 start_ticks = 0;
  long ticks_per_second;

  /* The benchmark's own clock reading: the same CLOCK_MONOTONIC as ours. */
  if (spawned != NULL && *spawned != '\0')
    return now_monotonic - g_ascii_strtoll (spawned, NULL, 10);

  /* Field 22 of /proc/self/stat: start time in clock ticks since boot. The
   * command name (field 2) may hold spaces, so count from its ")". */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || (fields = strrchr (stat, ')')) == NULL
      || clock_gettime (CLOCK_BOOTTIME, &boot) != 0)
    return -1;

  fields += 2;
  for (int field = 3; field < 22 && fields != NULL; field++)
    {
      fields = strchr (fields, ' ');
      if (fields != NULL)
        fields++;
    }
  if (fields == NULL)
    return -1;
  start_ticks = g_ascii_strtoull (fields, NULL, 10);
  ticks_per_second = sysconf (_SC_CLK_TCK);
  if (ticks_per_second <= 0)
    return -1;

  return (gint64) boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000
         - (gint64) (start_ticks * G_USEC_PER_SEC / (guint64) ticks_per_second);
}

/* VmHWM from /proc/self/status, in kB; -1 when unknown. */
static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "\nVmHWM:")) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("\nVmHWM:"), NULL, 10);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 elapsed = elapsed_since_start (g_get_monotonic_time ());
  GtkApplication *application = gtk_window_get_application (window);

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);

  printf ("first-frame-us=%" G_GINT64_FORMAT " peak-rss-kb=%" G_GINT64_FORMAT "\n",
          elapsed, peak_rss_kb ());
  fflush (stdout);

  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
  else
    exit (0);
}

static void
realize_cb (GtkWidget *widget,
            gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, realize_cb, user_data);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), widget, 0);
}

gboolean
objector_first_frame_report_if_asked (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  if (g_strcmp0 (g_getenv ("OBJECTOR_REPORT_FIRST_FRAME"), "1") != 0)
    return FALSE;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  return TRUE;
}

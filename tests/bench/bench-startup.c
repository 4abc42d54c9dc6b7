/* bench-startup.c — time to the first frame and peak memory, beside a bare window
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts `objector` (OBJECTOR_BINARY) and the two windows of
 * tests/bench/bare-window (OBJECTOR_BARE_WINDOW) ROUNDS times each, taking
 * turns, on the same display: the bare libadwaita window a new app opens (a
 * header bar and "Hello, World!") and, for reference, an empty window that
 * shows no text at all. Each prints, at its window's first "after-paint",
 * the microseconds since it was spawned and its peak RSS
 * (OBJECTOR_REPORT_FIRST_FRAME=1, src/ui/objector-first-frame.c), and quits.
 * Prints every run, the medians and the ratios; the targets are at most
 * 1.25× the bare window's time and 1.2× its memory. (Against the empty
 * window the ratio also counts what the first line of text costs any app:
 * fontconfig, the fonts, text shaping and their shaders, ≈ 60 ms under Xvfb.)
 * A number, not a test: it always exits 0 when the programs ran (77 without
 * a display).
 *
 *   xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" dbus-run-session -- \
 *     meson test -C _build --benchmark bench-startup -v
 *
 * (-noreset: by default Xvfb resets when its last client leaves, and the
 * next program to start in that moment finds no display.)
 *
 * Objector starts as a person's first start does: empty data folder, the
 * wizard's welcome page. One warm-up run of each comes first, unmeasured, so
 * that neither pays for a cold disk cache.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "objector-test-util.h"

#define ROUNDS 10

typedef struct
{
  const char *name;
  const char *binary;
  const char *argument;          /* nullable */
  gint64      us[ROUNDS];
  gint64      kb[ROUNDS];
} Program;

/* One start; FALSE when the program did not report a first frame. */
static gboolean
run_once (const Program *program,
          gint64        *us,
          gint64        *kb)
{
  /* HOME and the XDG folders are the harness's, in this process's environment. */
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *spawned = NULL;
  const char *line;

  /* Every run is a first start: no objections, no wizard place. */
  test_util_reset_data ();

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "OBJECTOR_REPORT_FIRST_FRAME", "1", TRUE);

  spawned = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_subprocess_launcher_setenv (launcher, "OBJECTOR_SPAWN_TIME_US", spawned, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, program->binary, program->argument, NULL);
  if (process == NULL)
    {
      g_printerr ("bench-startup: could not start %s: %s\n", program->binary, error->message);
      return FALSE;
    }

  if (!g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error))
    {
      g_printerr ("bench-startup: %s: %s\n", program->name, error->message);
      return FALSE;
    }

  line = out != NULL ? strstr (out, "first-frame-us=") : NULL;
  if (line == NULL
      || sscanf (line, "first-frame-us=%" G_GINT64_FORMAT " peak-rss-kb=%" G_GINT64_FORMAT, us, kb) != 2)
    {
      g_printerr ("bench-startup: %s reported no first frame (exit status %d); output: %s\n",
                  program->name, g_subprocess_get_exit_status (process), out ? out : "");
      return FALSE;
    }
  return TRUE;
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median (const gint64 *values)
{
  gint64 sorted[ROUNDS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, ROUNDS, sizeof sorted[0], compare_gint64);
  return (sorted[(ROUNDS - 1) / 2] + sorted[ROUNDS / 2]) / 2.0;
}

int
main (int   argc,
      char *argv[])
{
  Program programs[] = {
    { "objector", g_getenv ("OBJECTOR_BINARY"), NULL, { 0 }, { 0 } },
    { "bare window", g_getenv ("OBJECTOR_BARE_WINDOW"), NULL, { 0 }, { 0 } },
    { "empty window", g_getenv ("OBJECTOR_BARE_WINDOW"), "--empty", { 0 }, { 0 } },
  };
  const guint n_programs = G_N_ELEMENTS (programs);
  double time_ratio, memory_ratio;
  gint64 us, kb;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("bench-startup: needs a display: run it under “xvfb-run -a”\n");
      return 77;
    }
  if (programs[0].binary == NULL || programs[1].binary == NULL)
    {
      g_printerr ("bench-startup: set OBJECTOR_BINARY and OBJECTOR_BARE_WINDOW (meson does)\n");
      return 1;
    }

  test_util_init_environment ("bench-startup");

  for (guint p = 0; p < n_programs; p++)
    if (!run_once (&programs[p], &us, &kb))
      return 1;

  printf ("%-5s %13s %9s %13s %9s %13s %9s\n", "run",
          "objector ms", "MB", "bare ms", "MB", "empty ms", "MB");
  for (guint i = 0; i < ROUNDS; i++)
    {
      /* Taking turns, and changing who goes first, spreads any drift evenly. */
      for (guint k = 0; k < n_programs; k++)
        {
          guint p = (i + k) % n_programs;

          if (!run_once (&programs[p], &programs[p].us[i], &programs[p].kb[i]))
            return 1;
        }
      printf ("%-5u", i + 1);
      for (guint p = 0; p < n_programs; p++)
        printf (" %13.1f %9.1f", programs[p].us[i] / 1000.0, programs[p].kb[i] / 1024.0);
      printf ("\n");
    }

  for (guint p = 1; p < n_programs; p++)
    {
      time_ratio = median (programs[0].us) / median (programs[p].us);
      memory_ratio = median (programs[0].kb) / median (programs[p].kb);

      printf ("against the %s:\n", programs[p].name);
      printf ("  median first frame: objector %.1f ms, %s %.1f ms: ratio %.2f%s\n",
              median (programs[0].us) / 1000.0, programs[p].name, median (programs[p].us) / 1000.0,
              time_ratio, p == 1 ? (time_ratio <= 1.25 ? " (target ≤ 1.25: met)" : " (target ≤ 1.25: MISSED)") : "");
      printf ("  median peak RSS:    objector %.1f MB, %s %.1f MB: ratio %.2f%s\n",
              median (programs[0].kb) / 1024.0, programs[p].name, median (programs[p].kb) / 1024.0,
              memory_ratio, p == 1 ? (memory_ratio <= 1.2 ? " (target ≤ 1.2: met)" : " (target ≤ 1.2: MISSED)") : "");
    }

  test_util_clean_up ();
  return 0;
}

/* test-app-start.c — the installed way in: `objector` opens its window
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI tests link the app's code into themselves; this one starts the real
 * `objector` program (src/main.c), which loads the app's private library
 * (libobjector-app.so, through its run path) and calls objector_main. With
 * OBJECTOR_REPORT_FIRST_FRAME=1 the window quits once it has painted its
 * first frame, printing "first-frame-us=… peak-rss-kb=…" (what
 * tests/bench/bench-startup measures): the test asserts that it got there,
 * at a first start (the welcome page) and with objections saved (the
 * overview). Needs a display: build-aux/test runs it under Xvfb.
 */

#include "config.h"

#include "objector-test-util.h"

/* Starts the window on this test's display and data, and waits for it to end. */
static void
run_window (TestRun *run)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "OBJECTOR_REPORT_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  process = test_util_spawn_with (launcher, (const char * const[]) { NULL });
  test_util_run_wait (run, process, NULL);
}

/* TRUE, and the test skipped, when there is no display to open a window on. */
static gboolean
skipped_without_display (void)
{
  if (g_getenv ("DISPLAY") != NULL && *g_getenv ("DISPLAY") != '\0')
    return FALSE;
  g_test_skip ("No display (DISPLAY is unset): build-aux/test runs this under Xvfb");
  return TRUE;
}

static void
assert_painted (const TestRun *run)
{
  g_autoptr(GRegex) line = g_regex_new ("^first-frame-us=[0-9]+ peak-rss-kb=[0-9]+$",
                                        G_REGEX_MULTILINE, 0, NULL);

  if (run->status != 0 || !g_regex_match (line, run->out, 0, NULL))
    g_error ("objector ended with status %d before a first frame; out: %s; err: %s",
             run->status, run->out, run->err);
}

static void
test_first_start (void)
{
  g_auto(TestRun) run = { 0 };

  if (skipped_without_display ())
    return;

  test_util_reset_data ();
  run_window (&run);
  assert_painted (&run);
}

static void
test_with_objections (void)
{
  g_autofree char *id = NULL;
  g_auto(TestRun) run = { 0 };

  if (skipped_without_display ())
    return;

  test_util_reset_data ();
  id = test_util_cli_start ("facebook-objection", "DE");
  run_window (&run);
  assert_painted (&run);
  /* The window read the store and left it as it was. */
  test_util_cli_assert_state (id, "ready");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "app-start");

  g_test_add_func ("/app-start/first-start", test_first_start);
  g_test_add_func ("/app-start/with-objections", test_with_objections);

  return test_util_run_tests ();
}

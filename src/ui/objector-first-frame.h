/* objector-first-frame.h — start-up measurement for tests/bench/bench-startup
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* With OBJECTOR_REPORT_FIRST_FRAME=1 in the environment (and only then),
 * waits for @window's first painted frame, prints one line to standard output
 *
 *   first-frame-us=182345 peak-rss-kb=61234
 *
 * (microseconds since the process started, and VmHWM), and quits the
 * application. The start is OBJECTOR_SPAWN_TIME_US, a g_get_monotonic_time()
 * value the benchmark takes just before it spawns the process, or else the
 * process's start time from /proc/self/stat (10 ms resolution). Hidden: for
 * the benchmark, not for people. Returns TRUE when it is watching. */
gboolean objector_first_frame_report_if_asked (GtkWindow *window);

G_END_DECLS

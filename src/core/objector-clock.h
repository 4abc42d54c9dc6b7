/* objector-clock.h — the one source of "now"
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The environment variable that pins the clock of a process, for tests only:
 * an ISO 8601 time with its offset, such as "2026-11-20T09:00:00Z". The app
 * and the command line read it once at start; nothing of Objector sets it. */
#define OBJECTOR_CLOCK_ENV "OBJECTOR_TEST_NOW"

/* Every "now" of core, command line and app comes from here. */
GDateTime *objector_clock_now                   (void);
GDateTime *objector_clock_now_local             (void);

/* Pins the clock at @when (any zone) until it is pinned again; %NULL lets it
 * follow the system clock again. Thread-safe. */
void       objector_clock_pin                   (GDateTime  *when);
gboolean   objector_clock_is_pinned             (void);

/* Pins the clock at $OBJECTOR_TEST_NOW when it is set. A value that is not a
 * time with an offset is refused (OBJECTOR_ERROR_INVALID_INPUT), so a typo in a
 * test never lets it run at the real time unnoticed. The message is not
 * translated: only tests set the variable. */
gboolean   objector_clock_pin_from_environment  (GError    **error);

/* @time (any zone) in UTC as Objector stores and prints times:
 * "2026-11-20T09:00:00Z"; NULL for a NULL @time. */
char      *objector_clock_format_utc            (GDateTime  *time);
/* @date as "YYYY-MM-DD", the form every file and the PDF use; NULL for
 * NULL or an invalid date. */
char      *objector_clock_format_date           (const GDate *date);

G_END_DECLS

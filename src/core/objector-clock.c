/* objector-clock.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "objector-clock.h"
#include "objector-error.h"

/* Read by worker threads (mail scans, link checks) too. */
G_LOCK_DEFINE_STATIC (pinned);
static GDateTime *pinned;

GDateTime *
objector_clock_now (void)
{
  GDateTime *now = NULL;

  G_LOCK (pinned);
  if (pinned != NULL)
    now = g_date_time_ref (pinned);
  G_UNLOCK (pinned);

  return now != NULL ? now : g_date_time_new_now_utc ();
}

GDateTime *
objector_clock_now_local (void)
{
  g_autoptr(GDateTime) now = objector_clock_now ();

  return g_date_time_to_local (now);
}

void
objector_clock_pin (GDateTime *when)
{
  GDateTime *utc = when != NULL ? g_date_time_to_utc (when) : NULL;
  GDateTime *old;

  G_LOCK (pinned);
  old = pinned;
  pinned = utc;
  G_UNLOCK (pinned);

  g_clear_pointer (&old, g_date_time_unref);
}

gboolean
objector_clock_is_pinned (void)
{
  gboolean is_pinned;

  G_LOCK (pinned);
  is_pinned = pinned != NULL;
  G_UNLOCK (pinned);

  return is_pinned;
}

gboolean
objector_clock_pin_from_environment (GError **error)
{
  const char *value = g_getenv (OBJECTOR_CLOCK_ENV);
  g_autoptr(GDateTime) when = NULL;

  if (value == NULL)
    return TRUE;

  /* No default zone: "2026-11-20T09:00:00" without an offset is refused. */
  when = g_date_time_new_from_iso8601 (value, NULL);
  if (when == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (value, -1);

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   "%s is not a time with its offset, such as “2026-11-20T09:00:00Z”: “%s”",
                   OBJECTOR_CLOCK_ENV, shown);
      return FALSE;
    }

  objector_clock_pin (when);
  return TRUE;
}

char *
objector_clock_format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  /* Four digits always: "%Y" writes the year 947 as "947", which ISO 8601
   * and so the next load refuse (found by tests/fuzz). GDateTime years are
   * 1–9999. */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

char *
objector_clock_format_date (const GDate *date)
{
  char buffer[16];

  if (date == NULL || !g_date_valid (date))
    return NULL;
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", date);
  return g_strdup (buffer);
}

/* objector-progress.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-progress.h"

gboolean
objector_progress_due (gint64   *last,
                       gboolean  force)
{
  gint64 now = g_get_monotonic_time ();

  if (!force && now - *last < OBJECTOR_PROGRESS_INTERVAL_USEC)
    return FALSE;
  *last = now;
  return TRUE;
}

void
objector_progress_post (GMainContext   *context,
                        GSourceFunc     apply,
                        gpointer        data,
                        GDestroyNotify  free)
{
  g_autoptr(GSource) source = NULL;

  if (context == NULL)
    {
      apply (data);
      free (data);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, apply, data, free);
  g_source_set_static_name (source, "[objector] scan progress");
  g_source_attach (source, context);
}

void
objector_progress_set_uint (GObject    *object,
                            guint      *field,
                            guint       value,
                            GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

/* objector-progress.h — progress from a worker thread to the caller's main context
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the mail scanners share: a scan runs in a GTask thread and reports
 * its numbers as GObject properties in the thread-default main context of
 * whoever started it, at most ten times a second.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How often progress reaches the interface at most. */
#define OBJECTOR_PROGRESS_INTERVAL_USEC (100 * 1000)

/* TRUE when a report is due: @force, or the interval has passed since
 * *@last (then *@last is now). */
gboolean objector_progress_due         (gint64         *last,
                                        gboolean        force);

/* Calls @apply (@data) in @context, then @free (@data); with @context NULL,
 * at once in this thread (a scan run without a thread). Never through
 * g_main_context_invoke(): with no loop running yet, it would call back in
 * the scanning thread. */
void     objector_progress_post        (GMainContext   *context,
                                        GSourceFunc     apply,
                                        gpointer        data,
                                        GDestroyNotify  free);

/* Sets *@field to @value and notifies @pspec on @object when it changed. */
void     objector_progress_set_uint    (GObject        *object,
                                        guint          *field,
                                        guint           value,
                                        GParamSpec     *pspec);

G_END_DECLS

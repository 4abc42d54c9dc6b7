/* objector-scan.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-scan-private.h"

/* Progress */

gboolean
_objector_scan_report_due (gint64   *last,
                           gboolean  force)
{
  gint64 now = g_get_monotonic_time ();

  if (!force && now - *last < OBJECTOR_SCAN_REPORT_INTERVAL_USEC)
    return FALSE;
  *last = now;
  return TRUE;
}

void
_objector_scan_post (GMainContext   *context,
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
_objector_scan_set_uint (GObject    *object,
                         guint      *field,
                         guint       value,
                         GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

void
_objector_scan_set_counts (GObject                      *scanner,
                           ObjectorScanCounts           *now,
                           const ObjectorScanCounts     *counts,
                           const ObjectorScanCountProps *props)
{
  if (now->fraction != counts->fraction)
    {
      now->fraction = counts->fraction;
      g_object_notify_by_pspec (scanner, props->fraction);
    }
  _objector_scan_set_uint (scanner, &now->n_messages, counts->n_messages, props->n_messages);
  _objector_scan_set_uint (scanner, &now->n_found, counts->n_found, props->n_found);
  _objector_scan_set_uint (scanner, &now->n_skipped, counts->n_skipped, props->n_skipped);
  _objector_scan_set_uint (scanner, &now->n_other, counts->n_other, props->n_other);
  if (now->busy != counts->busy)
    {
      now->busy = counts->busy;
      g_object_notify_by_pspec (scanner, props->busy);
    }
}

GParamSpec *
_objector_scan_count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

/* Messages */

ObjectorScanVerdict
_objector_scan_sort (ObjectorMail      *mail,
                     ObjectorMailRules *rules,
                     gboolean           include_other)
{
  objector_mail_check_with_rules (mail, rules);
  if (!objector_mail_get_claims_meta (mail))
    return OBJECTOR_SCAN_PASSED;
  if (!include_other && objector_mail_get_kind (mail) == OBJECTOR_MAIL_KIND_OTHER)
    return OBJECTOR_SCAN_OTHER;
  return OBJECTOR_SCAN_FOUND;
}

/* Running a job */

GPtrArray *
_objector_scan_run (const ObjectorScanJobFuncs  *funcs,
                    gpointer                     job,
                    GCancellable                *cancellable,
                    GError                     **error)
{
  GPtrArray *found = funcs->run (job, cancellable, error);

  funcs->finish (job, found);
  funcs->free (job);
  return found;
}

typedef struct
{
  const ObjectorScanJobFuncs *funcs;
  gpointer                    job;
} TaskData;

static void
task_data_free (TaskData *data)
{
  data->funcs->free (data->job);
  g_free (data);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  GPtrArray *found = data->funcs->run (data->job, cancellable, &error);

  /* Posted before the result, so the last numbers arrive first. */
  data->funcs->finish (data->job, found);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

void
_objector_scan_run_async (gpointer                     source,
                          gpointer                     source_tag,
                          const ObjectorScanJobFuncs  *funcs,
                          gpointer                     job,
                          GError                      *error,
                          GCancellable                *cancellable,
                          GAsyncReadyCallback          callback,
                          gpointer                     user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  TaskData *data;

  g_task_set_source_tag (task, source_tag);

  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (TaskData, 1);
  data->funcs = funcs;
  data->job = job;
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, scan_thread);
}

GPtrArray *
_objector_scan_run_finish (gpointer       source,
                           gpointer       source_tag,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

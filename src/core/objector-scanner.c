/* objector-scanner.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-scanner-private.h"

typedef struct
{
  ObjectorPlaybook   *playbook;
  ObjectorScanCounts  counts;
  gboolean            include_other;
  char              **notes;
} ObjectorScannerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ObjectorScanner, objector_scanner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAYBOOK,
  PROP_FRACTION,
  PROP_N_MESSAGES,
  PROP_N_FOUND,
  PROP_N_SKIPPED,
  PROP_N_OTHER,
  PROP_BUSY,
  PROP_INCLUDE_OTHER,
  N_PROPS
};

enum {
  FOUND,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
objector_scanner_dispose (GObject *object)
{
  ObjectorScannerPrivate *priv = objector_scanner_get_instance_private (OBJECTOR_SCANNER (object));

  g_clear_object (&priv->playbook);

  G_OBJECT_CLASS (objector_scanner_parent_class)->dispose (object);
}

static void
objector_scanner_finalize (GObject *object)
{
  ObjectorScannerPrivate *priv = objector_scanner_get_instance_private (OBJECTOR_SCANNER (object));

  g_strfreev (priv->notes);

  G_OBJECT_CLASS (objector_scanner_parent_class)->finalize (object);
}

static void
objector_scanner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ObjectorScannerPrivate *priv = objector_scanner_get_instance_private (OBJECTOR_SCANNER (object));

  switch (prop_id)
    {
    case PROP_PLAYBOOK:
      g_value_set_object (value, priv->playbook);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, priv->counts.fraction);
      break;
    case PROP_N_MESSAGES:
      g_value_set_uint (value, priv->counts.n_messages);
      break;
    case PROP_N_FOUND:
      g_value_set_uint (value, priv->counts.n_found);
      break;
    case PROP_N_SKIPPED:
      g_value_set_uint (value, priv->counts.n_skipped);
      break;
    case PROP_N_OTHER:
      g_value_set_uint (value, priv->counts.n_other);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, priv->counts.busy);
      break;
    case PROP_INCLUDE_OTHER:
      g_value_set_boolean (value, priv->include_other);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_scanner_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ObjectorScanner *self = OBJECTOR_SCANNER (object);
  ObjectorScannerPrivate *priv = objector_scanner_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PLAYBOOK:
      priv->playbook = g_value_dup_object (value);
      break;
    case PROP_INCLUDE_OTHER:
      objector_scanner_set_include_other (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_scanner_class_init (ObjectorScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = objector_scanner_dispose;
  object_class->finalize = objector_scanner_finalize;
  object_class->get_property = objector_scanner_get_property;
  object_class->set_property = objector_scanner_set_property;

  properties[PROP_PLAYBOOK] =
    g_param_spec_object ("playbook", NULL, NULL, OBJECTOR_TYPE_PLAYBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, read_only);
  properties[PROP_N_MESSAGES] = _objector_scanner_count_property ("n-messages");
  properties[PROP_N_FOUND] = _objector_scanner_count_property ("n-found");
  properties[PROP_N_SKIPPED] = _objector_scanner_count_property ("n-skipped");
  properties[PROP_N_OTHER] = _objector_scanner_count_property ("n-other");
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, read_only);
  properties[PROP_INCLUDE_OTHER] =
    g_param_spec_boolean ("include-other", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A find, as it comes: the interface can list it before the scan ends. */
  signals[FOUND] =
    g_signal_new ("found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, OBJECTOR_TYPE_MAIL);
}

static void
objector_scanner_init (ObjectorScanner *self)
{
}

static ObjectorScannerPrivate *
get_private (ObjectorScanner *self)
{
  return objector_scanner_get_instance_private (self);
}

ObjectorPlaybook *
objector_scanner_get_playbook (ObjectorScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_SCANNER (self), NULL);
  return get_private (self)->playbook;
}

double
objector_scanner_get_fraction (ObjectorScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_SCANNER (self), 0.0);
  return get_private (self)->counts.fraction;
}

guint
objector_scanner_get_n_messages (ObjectorScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_SCANNER (self), 0);
  return get_private (self)->counts.n_messages;
}

guint
objector_scanner_get_n_found (ObjectorScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_SCANNER (self), 0);
  return get_private (self)->counts.n_found;
}

guint
objector_scanner_get_n_skipped (ObjectorScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_SCANNER (self), 0);
  return get_private (self)->counts.n_skipped;
}

guint
objector_scanner_get_n_other (ObjectorScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_SCANNER (self), 0);
  return get_private (self)->counts.n_other;
}

gboolean
objector_scanner_get_busy (ObjectorScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_SCANNER (self), FALSE);
  return get_private (self)->counts.busy;
}

gboolean
objector_scanner_get_include_other (ObjectorScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_SCANNER (self), FALSE);
  return get_private (self)->include_other;
}

void
objector_scanner_set_include_other (ObjectorScanner *self,
                                    gboolean         include_other)
{
  ObjectorScannerPrivate *priv;

  g_return_if_fail (OBJECTOR_IS_SCANNER (self));

  priv = get_private (self);
  include_other = !!include_other;
  if (priv->include_other == include_other)
    return;
  priv->include_other = include_other;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_OTHER]);
}

const char * const *
objector_scanner_get_notes (ObjectorScanner *self)
{
  static const char * const none[] = { NULL };
  ObjectorScannerPrivate *priv;

  g_return_val_if_fail (OBJECTOR_IS_SCANNER (self), NULL);

  priv = get_private (self);
  return priv->notes != NULL ? (const char * const *) priv->notes : none;
}

/* For subclasses */

GParamSpec *
_objector_scanner_count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

void
_objector_scanner_set_uint (GObject    *object,
                            guint      *field,
                            guint       value,
                            GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

/* Progress, from the scanning thread to the scanner's */

typedef struct
{
  ObjectorScanner     *scanner;
  ObjectorScanCounts   counts;
  ObjectorMail        *found;
  char               **notes;     /* with the last report only */
  gpointer             progress;  /* the subclass's own numbers */
} Report;

static Report *
report_new (ObjectorScanJob *job,
            ObjectorMail    *found)
{
  ObjectorScannerClass *klass = OBJECTOR_SCANNER_GET_CLASS (job->scanner);
  Report *report = g_new0 (Report, 1);

  report->scanner = g_object_ref (job->scanner);
  report->counts = job->counts;
  report->counts.fraction = CLAMP (job->counts.fraction, 0.0, 1.0);
  report->found = found != NULL ? g_object_ref (found) : NULL;
  if (!job->counts.busy)
    {
      GStrvBuilder *notes = g_strv_builder_new ();

      for (guint i = 0; i < job->notes->len; i++)
        g_strv_builder_add (notes, g_ptr_array_index (job->notes, i));
      report->notes = g_strv_builder_end (notes);
      g_strv_builder_unref (notes);
    }
  if (klass->copy_progress != NULL)
    report->progress = klass->copy_progress (job);
  return report;
}

static void
report_free (gpointer data)
{
  Report *report = data;

  if (report->progress != NULL)
    OBJECTOR_SCANNER_GET_CLASS (report->scanner)->free_progress (report->progress);
  g_object_unref (report->scanner);
  g_clear_object (&report->found);
  g_strfreev (report->notes);
  g_free (report);
}

static void
set_counts (ObjectorScanner          *self,
            const ObjectorScanCounts *counts)
{
  ObjectorScanCounts *now = &get_private (self)->counts;
  GObject *object = G_OBJECT (self);

  if (now->fraction != counts->fraction)
    {
      now->fraction = counts->fraction;
      g_object_notify_by_pspec (object, properties[PROP_FRACTION]);
    }
  _objector_scanner_set_uint (object, &now->n_messages, counts->n_messages, properties[PROP_N_MESSAGES]);
  _objector_scanner_set_uint (object, &now->n_found, counts->n_found, properties[PROP_N_FOUND]);
  _objector_scanner_set_uint (object, &now->n_skipped, counts->n_skipped, properties[PROP_N_SKIPPED]);
  _objector_scanner_set_uint (object, &now->n_other, counts->n_other, properties[PROP_N_OTHER]);
  /* :busy last: whoever waits for it sees the final numbers. */
  if (now->busy != counts->busy)
    {
      now->busy = counts->busy;
      g_object_notify_by_pspec (object, properties[PROP_BUSY]);
    }
}

static gboolean
apply_report (gpointer data)
{
  Report *report = data;
  ObjectorScanner *self = report->scanner;
  ObjectorScannerPrivate *priv = get_private (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (report->notes != NULL)
    {
      g_strfreev (priv->notes);
      priv->notes = g_steal_pointer (&report->notes);
    }
  if (report->progress != NULL)
    OBJECTOR_SCANNER_GET_CLASS (self)->apply_progress (self, report->progress);
  set_counts (self, &report->counts);
  g_object_thaw_notify (G_OBJECT (self));

  if (report->found != NULL)
    g_signal_emit (self, signals[FOUND], 0, report->found);

  return G_SOURCE_REMOVE;
}

/* Applies @report in @job's context, then frees it; with no context (a
 * scan run without a thread), at once. Never through
 * g_main_context_invoke(): with no loop running yet, it would call back in
 * the scanning thread. */
static void
post_report (ObjectorScanJob *job,
             Report          *report)
{
  g_autoptr(GSource) source = NULL;

  if (job->context == NULL)
    {
      apply_report (report);
      report_free (report);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, apply_report, report, report_free);
  g_source_set_static_name (source, "[objector] scan progress");
  g_source_attach (source, job->context);
}

static void
report_now_or_later (ObjectorScanJob *job,
                     ObjectorMail    *found,
                     gboolean         force)
{
  gint64 now = g_get_monotonic_time ();

  if (!force && now - job->last_report < OBJECTOR_SCAN_REPORT_INTERVAL_USEC)
    return;
  job->last_report = now;
  post_report (job, report_new (job, found));
}

/* The scan's job */

void
_objector_scan_job_init (ObjectorScanJob *job,
                         ObjectorScanner *scanner)
{
  ObjectorScannerPrivate *priv = get_private (scanner);

  job->scanner = g_object_ref (scanner);
  job->rules = objector_mail_rules_new (priv->playbook);
  job->include_other = priv->include_other;
  job->counts.busy = TRUE;
  job->found = g_ptr_array_new_with_free_func (g_object_unref);
  job->notes = g_ptr_array_new_with_free_func (g_free);
}

static void
scan_job_free (ObjectorScanJob *job)
{
  OBJECTOR_SCANNER_GET_CLASS (job->scanner)->clear_job (job);
  g_clear_object (&job->scanner);
  g_clear_pointer (&job->rules, objector_mail_rules_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_pointer (&job->found, g_ptr_array_unref);
  g_clear_pointer (&job->notes, g_ptr_array_unref);
  g_free (job);
}

void
_objector_scan_job_report (ObjectorScanJob *job,
                           gboolean         force)
{
  report_now_or_later (job, NULL, force);
}

void
_objector_scan_job_consider (ObjectorScanJob *job,
                             ObjectorMail    *mail)
{
  if (mail == NULL)
    {
      job->counts.n_skipped++;
      return;
    }

  objector_mail_check_with_rules (mail, job->rules);
  if (!objector_mail_get_claims_meta (mail))
    return;
  /* A mailbox may hold tens of thousands of Meta's notifications. */
  if (!job->include_other && objector_mail_get_kind (mail) == OBJECTOR_MAIL_KIND_OTHER)
    {
      job->counts.n_other++;
      return;
    }

  g_ptr_array_add (job->found, g_object_ref (mail));
  job->counts.n_found++;
  report_now_or_later (job, mail, TRUE);
}

void
_objector_scan_job_add_note (ObjectorScanJob *job,
                             char            *note)
{
  g_ptr_array_add (job->notes, note);
}

/* Running a job */

static gboolean
begin (ObjectorScanner  *self,
       ObjectorScanJob  *job,
       GError          **error)
{
  ObjectorScannerPrivate *priv = get_private (self);
  Report *start;

  if (priv->counts.busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING, _("A scan is already running"));
      return FALSE;
    }

  /* Busy, with the job's numbers as they start; only what changed is
   * notified. */
  g_clear_pointer (&priv->notes, g_strfreev);
  start = report_new (job, NULL);
  apply_report (start);
  report_free (start);
  return TRUE;
}

static GPtrArray *
run_job (ObjectorScanJob  *job,
         GCancellable     *cancellable,
         GError          **error)
{
  gboolean ok = OBJECTOR_SCANNER_GET_CLASS (job->scanner)->run (job, cancellable, error);

  /* The last numbers, posted before the result so they arrive first. */
  job->counts.busy = FALSE;
  if (ok)
    job->counts.fraction = 1.0;
  report_now_or_later (job, NULL, TRUE);

  return ok ? g_ptr_array_ref (job->found) : NULL;
}

GPtrArray *
_objector_scanner_run (ObjectorScanner  *self,
                       ObjectorScanJob  *job,
                       GCancellable     *cancellable,
                       GError          **error)
{
  GPtrArray *found = NULL;

  if (begin (self, job, error))
    found = run_job (job, cancellable, error);
  scan_job_free (job);
  return found;
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *found = run_job (task_data, cancellable, &error);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

void
_objector_scanner_run_async (ObjectorScanner     *self,
                             gpointer             source_tag,
                             ObjectorScanJob     *job,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);

  if (!begin (self, job, &error))
    {
      scan_job_free (job);
      g_task_return_error (task, error);
      return;
    }

  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify) scan_job_free);
  g_task_run_in_thread (task, scan_thread);
}

GPtrArray *
_objector_scanner_run_finish (ObjectorScanner  *self,
                              gpointer          source_tag,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

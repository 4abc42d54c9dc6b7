/* objector-scanner-private.h — what a scanner of Meta's email builds on
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A subclass of ObjectorScanner makes a job (its own struct, with an
 * ObjectorScanJob first, set up with _objector_scan_job_init()) and hands
 * it to _objector_scanner_run() or _objector_scanner_run_async(). The class's
 * run() then reads in the worker thread and gives each message to
 * _objector_scan_job_consider(); the numbers reach the scanner, in the
 * thread-default main context of whoever started the scan, at most ten
 * times a second.
 */

#pragma once

#include <gio/gio.h>

#include "objector-mail-private.h"
#include "objector-scanner.h"

G_BEGIN_DECLS

/* How often progress reaches the interface at most. */
#define OBJECTOR_SCAN_REPORT_INTERVAL_USEC (100 * 1000)

/* The numbers every scanner reports, each a property of the same name
 * (:fraction, :n-messages, …). */
typedef struct
{
  double    fraction;
  guint     n_messages;
  guint     n_found;
  guint     n_skipped;
  guint     n_other;
  gboolean  busy;
} ObjectorScanCounts;

/* A scan, in its worker thread. Its fields are the thread's alone. */
struct _ObjectorScanJob
{
  ObjectorScanner    *scanner;
  ObjectorMailRules  *rules;
  gboolean            include_other;
  GMainContext       *context;      /* NULL: report in this thread */
  gint64              last_report;
  ObjectorScanCounts  counts;       /* fraction and n_messages are the subclass's to set */
  GPtrArray          *found;        /* of ObjectorMail */
  GPtrArray          *notes;        /* what was passed over, for the person */
};

/* Sets up @job, the first member of a subclass's job, for a scan by
 * @scanner with its playbook and :include-other as they are now. The job
 * is freed by the scan it is given to. */
void        _objector_scan_job_init       (ObjectorScanJob  *job,
                                           ObjectorScanner  *scanner);

/* Sends @job's numbers to the scanner when @force or when the last report
 * is old enough. */
void        _objector_scan_job_report     (ObjectorScanJob  *job,
                                           gboolean          force);

/* A message read, or NULL when it could not be (counted as skipped):
 * checked (objector_mail_check_with_rules()), then kept and reported at
 * once when it is from Meta or pretends to be; Meta's everyday mail
 * (notifications, "other") only counted unless :include-other. */
void        _objector_scan_job_consider   (ObjectorScanJob  *job,
                                           ObjectorMail     *mail);

/* Adds @note (taken) to what the scan passed over. */
void        _objector_scan_job_add_note   (ObjectorScanJob  *job,
                                           char             *note);

/* Runs @job in the calling thread: a GPtrArray of the checked ObjectorMail
 * found, or NULL with @error set (G_IO_ERROR_PENDING while another scan
 * runs). */
GPtrArray  *_objector_scanner_run         (ObjectorScanner  *self,
                                           ObjectorScanJob  *job,
                                           GCancellable     *cancellable,
                                           GError          **error);
/* Runs @job in a worker thread, for _objector_scanner_run_finish() with
 * the same @source_tag. */
void        _objector_scanner_run_async   (ObjectorScanner     *self,
                                           gpointer             source_tag,
                                           ObjectorScanJob     *job,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GPtrArray  *_objector_scanner_run_finish  (ObjectorScanner  *self,
                                           gpointer          source_tag,
                                           GAsyncResult     *result,
                                           GError          **error);

/* A read-only count property (0 to G_MAXUINT), notified explicitly. */
GParamSpec *_objector_scanner_count_property (const char *name);

/* Sets *@field to @value and notifies @pspec on @object when it changed. */
void        _objector_scanner_set_uint    (GObject     *object,
                                           guint       *field,
                                           guint        value,
                                           GParamSpec  *pspec);

G_END_DECLS

/* objector-scan-private.h — what the two mail scanners share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ObjectorMailScanner (files) and ObjectorImapScanner (a mailbox on a
 * server) run a scan in a GTask thread, sort each message they read the
 * same way, and report their numbers as GObject properties in the
 * thread-default main context of whoever started the scan, at most ten
 * times a second.
 */

#pragma once

#include <gio/gio.h>

#include "objector-mail-private.h"

G_BEGIN_DECLS

/* How often progress reaches the interface at most. */
#define OBJECTOR_SCAN_REPORT_INTERVAL_USEC (100 * 1000)

/* TRUE when a report is due: @force, or the interval has passed since
 * *@last (then *@last is now). */
gboolean    _objector_scan_report_due   (gint64         *last,
                                         gboolean        force);

/* Calls @apply (@data) in @context, then @free (@data); with @context NULL,
 * at once in this thread (a scan run without a thread). Never through
 * g_main_context_invoke(): with no loop running yet, it would call back in
 * the scanning thread. */
void        _objector_scan_post         (GMainContext   *context,
                                         GSourceFunc     apply,
                                         gpointer        data,
                                         GDestroyNotify  free);

/* Sets *@field to @value and notifies @pspec on @object when it changed. */
void        _objector_scan_set_uint     (GObject        *object,
                                         guint          *field,
                                         guint           value,
                                         GParamSpec     *pspec);

/* The numbers both scanners report, each a property of the same name
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

/* A scanner's properties for those numbers. */
typedef struct
{
  GParamSpec *fraction;
  GParamSpec *n_messages;
  GParamSpec *n_found;
  GParamSpec *n_skipped;
  GParamSpec *n_other;
  GParamSpec *busy;
} ObjectorScanCountProps;

/* Sets *@now to @counts on @scanner and notifies each property that
 * changed; :busy last. */
void        _objector_scan_set_counts   (GObject                      *scanner,
                                         ObjectorScanCounts           *now,
                                         const ObjectorScanCounts     *counts,
                                         const ObjectorScanCountProps *props);

/* A read-only count (0 to G_MAXUINT), notified explicitly. */
GParamSpec *_objector_scan_count_property (const char   *name);

typedef enum
{
  OBJECTOR_SCAN_PASSED,   /* neither Meta's nor pretending to be */
  OBJECTOR_SCAN_OTHER,    /* Meta's everyday mail, only counted */
  OBJECTOR_SCAN_FOUND,    /* to keep */
} ObjectorScanVerdict;

/* Checks @mail (objector_mail_check_with_rules()) and says what becomes of
 * it: kept when it is from Meta or pretends to be; Meta's everyday mail
 * (notifications, "other") only counted unless @include_other, for a
 * mailbox may hold tens of thousands. */
ObjectorScanVerdict _objector_scan_sort (ObjectorMail      *mail,
                                         ObjectorMailRules *rules,
                                         gboolean           include_other);

/* What a scanner's job does: the scan itself, which returns the checked
 * ObjectorMail found (a new GPtrArray) or NULL with @error set; then the
 * last report, posted before the result; then the job is freed. */
typedef struct
{
  GPtrArray     *(*run)    (gpointer       job,
                            GCancellable  *cancellable,
                            GError       **error);
  void           (*finish) (gpointer       job,
                            GPtrArray     *found);
  GDestroyNotify   free;
} ObjectorScanJobFuncs;

/* Runs @job in the calling thread. */
GPtrArray  *_objector_scan_run          (const ObjectorScanJobFuncs  *funcs,
                                         gpointer                     job,
                                         GCancellable                *cancellable,
                                         GError                     **error);
/* Runs @job in a worker thread, for @source's _finish(); with @job NULL,
 * returns @error (owned) instead: the scan could not start. */
void        _objector_scan_run_async    (gpointer                     source,
                                         gpointer                     source_tag,
                                         const ObjectorScanJobFuncs  *funcs,
                                         gpointer                     job,
                                         GError                      *error,
                                         GCancellable                *cancellable,
                                         GAsyncReadyCallback          callback,
                                         gpointer                     user_data);
GPtrArray  *_objector_scan_run_finish   (gpointer                     source,
                                         gpointer                     source_tag,
                                         GAsyncResult                *result,
                                         GError                     **error);

G_END_DECLS

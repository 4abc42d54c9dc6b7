/* objector-scanner.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "objector-mail.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_SCANNER (objector_scanner_get_type ())
G_DECLARE_DERIVABLE_TYPE (ObjectorScanner, objector_scanner, OBJECTOR, SCANNER, GObject)

/* A scan as its worker thread sees it: objector-scanner-private.h. */
typedef struct _ObjectorScanJob ObjectorScanJob;

/* What a scanner reads, and how (see objector-scanner-private.h). The scan
 * runs on a job the subclass makes, in a worker thread that never touches
 * the scanner: its numbers reach the scanner in reports. */
struct _ObjectorScannerClass
{
  GObjectClass parent_class;

  /* In the worker thread: reads what @job names and gives each message to
   * _objector_scan_job_consider(); FALSE with @error set when it failed. */
  gboolean  (*run)            (ObjectorScanJob  *job,
                               GCancellable     *cancellable,
                               GError          **error);
  /* Frees what the subclass keeps in @job (not the job itself). */
  void      (*clear_job)      (ObjectorScanJob  *job);

  /* Optional, for numbers of the subclass's own: a copy of them for a report
   * (in the worker thread, or when the scan starts), freed with
   * @free_progress; and what applies such a copy to the scanner, in its
   * thread-default main context, notifications frozen. */
  gpointer  (*copy_progress)  (ObjectorScanJob  *job);
  void      (*apply_progress) (ObjectorScanner  *self,
                               gconstpointer     progress);
  GDestroyNotify free_progress;
};

/* What the scanners of Meta's email share: ObjectorMailScanner (files) and
 * ObjectorImapScanner (a mailbox on a server). Each message read goes
 * through the same reader and checks (objector_mail_check()); Meta's
 * emails and those that pretend to be are kept. A scan runs in the calling
 * thread or in a worker thread; nothing is logged.
 *
 * Properties (read-only, notified at most ten times a second, in the
 * thread-default main context of the caller of the scanner's _scan_async()):
 *   :fraction    0.0–1.0, how far the scan is
 *   :n-messages  messages looked at (in a mailbox: the messages it holds)
 *   :n-found     Meta's emails found so far
 *   :n-skipped   messages that might have been Meta's but could not be read
 *   :n-other     Meta's other emails (notifications…): counted, and kept
 *                only with :include-other
 *   :busy        a scan is running
 * :playbook (construct-only) gives the rules; :include-other (read-write,
 * FALSE) keeps Meta's emails of the kind "other" too: a mailbox may hold
 * tens of thousands of them.
 * Signal ::found (ObjectorMail *mail): each find, checked, as it comes. */
ObjectorPlaybook    *objector_scanner_get_playbook      (ObjectorScanner *self);
double               objector_scanner_get_fraction      (ObjectorScanner *self);
guint                objector_scanner_get_n_messages    (ObjectorScanner *self);
guint                objector_scanner_get_n_found       (ObjectorScanner *self);
guint                objector_scanner_get_n_skipped     (ObjectorScanner *self);
guint                objector_scanner_get_n_other       (ObjectorScanner *self);
gboolean             objector_scanner_get_busy          (ObjectorScanner *self);
gboolean             objector_scanner_get_include_other (ObjectorScanner *self);
void                 objector_scanner_set_include_other (ObjectorScanner *self,
                                                         gboolean         include_other);
/* What the last scan passed over, one sentence each (in a Maildir: files
 * that are no messages, never opened). Set when a scan ends; empty, never
 * NULL. */
const char * const  *objector_scanner_get_notes         (ObjectorScanner *self);

G_END_DECLS

/* objector-mail-scanner.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "objector-mail.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_MAIL_SCANNER (objector_mail_scanner_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMailScanner, objector_mail_scanner, OBJECTOR, MAIL_SCANNER, GObject)

/* Finds Meta's emails, and those that pretend to be, in an mbox file, a
 * Maildir folder (cur/ and new/) or a single message file. The file is
 * streamed through one buffer, so memory does not grow with its size; only
 * messages whose From, Sender, Reply-To or Return-Path could be Meta's are
 * parsed in full. Nothing is logged.
 *
 * Properties (read-only, notified at most ten times a second, and in the
 * thread-default main context of the caller of _scan_async()):
 *   :fraction    0.0–1.0, the share of bytes (or Maildir files) read
 *   :n-messages  messages looked at
 *   :n-found     Meta's emails found so far
 *   :n-skipped   messages that might have been Meta's but could not be read
 *   :n-other     Meta's other emails (notifications…): counted, and kept
 *                only with :include-other
 *   :busy        a scan is running
 * :include-other (read-write, FALSE) keeps Meta's emails of the kind
 * "other" too: a mailbox may hold tens of thousands of them.
 * Signal ::found (ObjectorMail *mail): each find, checked, as it comes. */
ObjectorMailScanner *objector_mail_scanner_new            (ObjectorPlaybook     *playbook);
ObjectorPlaybook    *objector_mail_scanner_get_playbook   (ObjectorMailScanner  *self);
double               objector_mail_scanner_get_fraction   (ObjectorMailScanner  *self);
guint                objector_mail_scanner_get_n_messages (ObjectorMailScanner  *self);
guint                objector_mail_scanner_get_n_found    (ObjectorMailScanner  *self);
guint                objector_mail_scanner_get_n_skipped  (ObjectorMailScanner  *self);
guint                objector_mail_scanner_get_n_other    (ObjectorMailScanner  *self);
gboolean             objector_mail_scanner_get_include_other (ObjectorMailScanner *self);
void                 objector_mail_scanner_set_include_other (ObjectorMailScanner *self,
                                                              gboolean             include_other);
gboolean             objector_mail_scanner_get_busy       (ObjectorMailScanner  *self);
/* What the last scan passed over, one sentence each: files in a Maildir
 * that are no messages (named pipes, devices, sockets, folders), which are
 * never opened. Set when a scan ends; empty, never NULL. */
const char * const  *objector_mail_scanner_get_notes      (ObjectorMailScanner  *self);

/* Returns a GPtrArray of checked ObjectorMail (objector_mail_check() has
 * run), in the order of the file or of the Maildir's file names. Fails
 * with G_IO_ERROR_CANCELLED, G_IO_ERROR_PENDING (a scan is running),
 * OBJECTOR_ERROR_INVALID_MAIL (neither an mbox file nor a Maildir folder,
 * or empty) or a G_FILE_ERROR. Runs in the calling thread. */
GPtrArray           *objector_mail_scanner_scan           (ObjectorMailScanner  *self,
                                                           const char           *path,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
/* The same in a worker thread. */
void                 objector_mail_scanner_scan_async     (ObjectorMailScanner  *self,
                                                           const char           *path,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GPtrArray           *objector_mail_scanner_scan_finish    (ObjectorMailScanner  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS

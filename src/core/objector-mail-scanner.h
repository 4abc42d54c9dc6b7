/* objector-mail-scanner.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "objector-scanner.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_MAIL_SCANNER (objector_mail_scanner_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMailScanner, objector_mail_scanner, OBJECTOR, MAIL_SCANNER, ObjectorScanner)

/* Finds Meta's emails, and those that pretend to be, in an mbox file, a
 * Maildir folder (cur/ and new/) or a single message file. The file is
 * streamed through one buffer, so memory does not grow with its size; only
 * messages whose From, Sender, Reply-To or Return-Path could be Meta's are
 * parsed in full. Its numbers and ::found are ObjectorScanner's: :fraction
 * is the share of bytes (or Maildir files) read, :n-messages the messages
 * looked at; its notes name the files in a Maildir that are no messages
 * (named pipes, devices, sockets, folders), which are never opened. */
ObjectorMailScanner *objector_mail_scanner_new            (ObjectorPlaybook     *playbook);

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

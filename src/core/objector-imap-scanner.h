/* objector-imap-scanner.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "objector-imap-account.h"
#include "objector-scanner.h"

G_BEGIN_DECLS

typedef enum
{
  OBJECTOR_IMAP_PHASE_IDLE,
  OBJECTOR_IMAP_PHASE_CONNECTING,  /* reaching the server, TLS */
  OBJECTOR_IMAP_PHASE_LOGGING_IN,
  OBJECTOR_IMAP_PHASE_SEARCHING,   /* EXAMINE and the search, on the server */
  OBJECTOR_IMAP_PHASE_FETCHING,    /* the messages the search found */
  OBJECTOR_IMAP_PHASE_DONE,
} ObjectorImapPhase;

/* Seconds a read or a write waits for the server before the scan fails. */
#define OBJECTOR_IMAP_DEFAULT_TIMEOUT 60

#define OBJECTOR_TYPE_IMAP_SCANNER (objector_imap_scanner_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorImapScanner, objector_imap_scanner, OBJECTOR, IMAP_SCANNER, ObjectorScanner)

/* Finds Meta's emails, and those that pretend to be, in a mailbox on an
 * IMAP server, without changing anything there: the mailbox is opened
 * read-only (EXAMINE), the server searches it for messages from Meta's
 * domains since a day, and only those are fetched, with BODY.PEEK (nothing
 * is marked read). Each goes through the same reader, checks and kinds as a
 * file (ObjectorMail, objector_mail_check()). Nothing is logged, and nothing
 * is kept on this computer but the results.
 *
 * Its numbers and ::found are ObjectorScanner's: :fraction is the share of
 * matching messages fetched, :n-messages the messages in the mailbox,
 * :n-skipped the messages that could not be read or were too large. Its
 * own (read-only, notified like those):
 *   :phase       ObjectorImapPhase
 *   :n-matched   messages the server's search found
 *   :n-fetched   messages fetched so far
 * Read-write: :since (GDateTime, nullable: the whole mailbox), the first
 * day searched; :timeout (seconds, default OBJECTOR_IMAP_DEFAULT_TIMEOUT),
 * how long the server may stay silent. */
ObjectorImapScanner *objector_imap_scanner_new              (ObjectorPlaybook    *playbook);
ObjectorImapPhase    objector_imap_scanner_get_phase        (ObjectorImapScanner *self);
guint                objector_imap_scanner_get_n_matched    (ObjectorImapScanner *self);
guint                objector_imap_scanner_get_n_fetched    (ObjectorImapScanner *self);
/* Bytes received from the server by the last scan. */
guint64              objector_imap_scanner_get_bytes_received (ObjectorImapScanner *self);

GDateTime           *objector_imap_scanner_get_since        (ObjectorImapScanner *self);
void                 objector_imap_scanner_set_since        (ObjectorImapScanner *self,
                                                             GDateTime           *since);
guint                objector_imap_scanner_get_timeout      (ObjectorImapScanner *self);
void                 objector_imap_scanner_set_timeout      (ObjectorImapScanner *self,
                                                             guint                seconds);

/* The domains the server is asked for (FROM each, OR'ed): the playbook's
 * mail domains that are Meta's own (objector_meta_domain_is_meta()),
 * without those another one already covers as a substring. Sorted. */
char               **objector_imap_scanner_dup_search_domains (ObjectorPlaybook  *playbook);

/* The day to search from for @objections (a GListModel of
 * ObjectorObjection): the day before the earliest submission, or, when none
 * was submitted, before the earliest creation (a form may have been sent
 * before it was recorded); midnight UTC. NULL when there are none. */
GDateTime           *objector_imap_scanner_default_since    (GListModel          *objections);

/* Returns a GPtrArray of checked ObjectorMail, in UID order. Fails with
 * G_IO_ERROR_CANCELLED, G_IO_ERROR_PENDING (a scan is running),
 * OBJECTOR_ERROR_AUTH_FAILED (user name, password or token refused),
 * OBJECTOR_ERROR_NOT_FOUND (no such mailbox), OBJECTOR_ERROR_INVALID_INPUT
 * (an unusable CA file) or OBJECTOR_ERROR_NETWORK (unreachable, TLS or
 * certificate failure, time limit, a server that breaks the protocol).
 * Runs in the calling thread. */
GPtrArray           *objector_imap_scanner_scan             (ObjectorImapScanner          *self,
                                                             ObjectorImapAccount          *account,
                                                             const ObjectorImapCredential *credential,
                                                             GCancellable                 *cancellable,
                                                             GError                      **error);
/* The same in a worker thread. */
void                 objector_imap_scanner_scan_async       (ObjectorImapScanner          *self,
                                                             ObjectorImapAccount          *account,
                                                             const ObjectorImapCredential *credential,
                                                             GCancellable                 *cancellable,
                                                             GAsyncReadyCallback           callback,
                                                             gpointer                      user_data);
GPtrArray           *objector_imap_scanner_scan_finish      (ObjectorImapScanner          *self,
                                                             GAsyncResult                 *result,
                                                             GError                      **error);

G_END_DECLS

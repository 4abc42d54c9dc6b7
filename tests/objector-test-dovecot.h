/* objector-test-dovecot.h — a real IMAP server for the tests
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dovecot (Debian's dovecot-imapd), started by the test itself: its own
 * folder in the temporary directory with its configuration, a passwd-file
 * with one user, a Maildir, a self-signed certificate made by openssl for
 * the run (for 127.0.0.1 and localhost), its log, and its sockets. It
 * listens on 127.0.0.1 only, on two free ports: "imap" (plain, STARTTLS
 * offered; Dovecot lets loopback clients log in without TLS) and "imaps"
 * (TLS from the first byte), with ssl = required.
 *
 * Run as root, Dovecot's login processes run as "nobody" and the mail as
 * its uid; run as anyone else, every process runs as that user (no chroot,
 * which only root may do). It is stopped by test_dovecot_free(), and, if
 * the test dies first, by the kernel (PR_SET_PDEATHSIG).
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TEST_DOVECOT_USER     "zoe"
#define TEST_DOVECOT_PASSWORD "correct horse battery staple"

typedef struct _TestDovecot TestDovecot;

/* NULL when Dovecot can be used; otherwise why not, for g_test_skip(). */
char        *test_dovecot_unavailable   (void);

/* A server, not started yet: fill its Maildir first (or later). */
TestDovecot *test_dovecot_new           (void);
void         test_dovecot_free          (TestDovecot *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestDovecot, test_dovecot_free)

void         test_dovecot_start         (TestDovecot *self);
void         test_dovecot_stop          (TestDovecot *self);

guint        test_dovecot_imap_port     (TestDovecot *self);
guint        test_dovecot_imaps_port    (TestDovecot *self);
/* The certificate, which is its own authority (for --cafile). */
const char  *test_dovecot_ca_file       (TestDovecot *self);
/* The Maildir of INBOX. */
const char  *test_dovecot_maildir       (TestDovecot *self);
/* "imaps://zoe@127.0.0.1:PORT/@mailbox". */
char        *test_dovecot_url           (TestDovecot *self,
                                         const char  *mailbox);

/* Delivers @text into @mailbox (NULL: INBOX; another is made as a Maildir++
 * folder), received at @received (the INTERNALDATE: the file's time), in
 * cur/ with the \Seen flag when @seen, else in new/ unread. */
void         test_dovecot_deliver       (TestDovecot *self,
                                         const char  *mailbox,
                                         const char  *text,
                                         gsize        length,
                                         GDateTime   *received,
                                         gboolean     seen);

/* One server for several processes: test_dovecot_describe() says where a
 * running server is, in one line (for the environment of a process the
 * test starts); test_dovecot_new_attached() is, in that process, a handle
 * on it, which test_dovecot_free() leaves running. */
char        *test_dovecot_describe      (TestDovecot *self);
TestDovecot *test_dovecot_new_attached  (const char  *description);

/* Waits until the server holds no connection and has logged the end of
 * every one, so that what it logs from now on is what the next test
 * caused. Leaves a connection of its own in the log, which did not log in
 * ("ID sent: name=objector-idle-N"). */
void         test_dovecot_wait_idle     (TestDovecot *self);

/* A server started with Meta's receipt (receipt-en.42@facebookmail.com) and
 * approval (approval-de.1a2b3c@facebookmail.com) in INBOX, received on
 * 2026-11-24, and a look-alike that the search for Meta's domains leaves. */
TestDovecot *test_dovecot_new_with_answers (void);

/* Delivers tests/data/mail/@name into INBOX, unread, received at @received
 * (ISO 8601). */
void         test_dovecot_deliver_data  (TestDovecot *self,
                                         const char  *name,
                                         const char  *received);

/* The file names of INBOX's Maildir (new/ and cur/, with their flags), sorted. */
char       **test_dovecot_list_files    (TestDovecot *self);
/* What Dovecot itself says through doveadm: "uid flags" of every message
 * of INBOX, and "messages=N unseen=N". */
char        *test_dovecot_flags         (TestDovecot *self);
char        *test_dovecot_status        (TestDovecot *self);
/* Its log so far. */
char        *test_dovecot_log           (TestDovecot *self);
/* How many IMAP sessions have ended with LOGOUT so far. */
guint        test_dovecot_n_logouts     (TestDovecot *self);
/* A counter of the @n-th "Logged out" line of the log (1 for the first),
 * waiting for it: body_count, body_bytes, hdr_count, in, out…; -1 when the
 * line lacks it. */
gint64       test_dovecot_logout_counter (TestDovecot *self,
                                          guint        n,
                                          const char  *name);

G_END_DECLS

/* objector-test-session.h — a private desktop session: D-Bus, GNOME Keyring, GNOME Online Accounts
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session bus of the test's own (GTestDBus: a real dbus-daemon, with no
 * service activation, so nothing starts unless the test starts it), and on
 * it, when asked, the real daemons:
 *
 * - gnome-keyring-daemon --foreground --unlock --components=secrets, its
 *   password on standard input: a "login" keyring in the private
 *   XDG_DATA_HOME, unlocked, answering as org.freedesktop.secrets;
 * - /usr/libexec/goa-daemon, reading the accounts the test wrote into
 *   $XDG_CONFIG_HOME/goa-1.0/accounts.conf and their passwords from that
 *   keyring, answering as org.gnome.OnlineAccounts.
 *
 * Each is stopped by test_session_free() (and by the kernel if the test
 * dies first: PR_SET_PDEATHSIG); the bus is stopped last. libsecret keeps
 * its connection to the bus for the life of the process: run each test
 * that uses a session in a process of its own (g_test_trap_subprocess()).
 */

#pragma once

#include <gio/gio.h>

#include "objector-imap-account.h"
#include "objector-test-dovecot.h"

G_BEGIN_DECLS

typedef struct _TestSession TestSession;

/* NULL when the session can be made (dbus-daemon is there); otherwise why
 * not, for g_test_skip(). */
char        *test_session_unavailable       (void);
/* NULL when gnome-keyring-daemon is there (goa-daemon too when @goa). */
char        *test_session_daemons_missing   (gboolean     goa);

/* Brings the bus up and points this process's session bus at it. */
TestSession *test_session_new               (void);
void         test_session_free              (TestSession *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSession, test_session_free)

/* Starts the keyring and waits until it answers. */
void         test_session_start_keyring     (TestSession *self);
/* Stores what goa-daemon keeps for account @id of provider "imap_smtp":
 * its IMAP password, under GNOME Online Accounts' own schema. */
void         test_session_store_goa_password (TestSession *self,
                                              const char  *id,
                                              const char  *password);
/* Appends a group "[Account @id]" with @keys ("Key=value\n" lines) to
 * accounts.conf. */
void         test_session_add_goa_account   (TestSession *self,
                                             const char  *id,
                                             const char  *keys);
/* Starts goa-daemon, waits until it answers and until every account it
 * lists has been checked (it logs in to each mail server at start). */
void         test_session_start_goa         (TestSession *self);

/* Three "IMAP and SMTP" accounts of GNOME Online Accounts for
 * zoe@example.org, their mail on Dovecot at 127.0.0.1:@imaps_port with TLS
 * (user TEST_DOVECOT_USER): the right password, a wrong one (goa-daemon
 * then wants the person to sign in again), and one with mail turned off.
 * Stores their passwords and starts goa-daemon; the keyring must run. */
#define TEST_SESSION_GOA_READY    "account_1700000000_0"
#define TEST_SESSION_GOA_WRONG    "account_1700000000_1"
#define TEST_SESSION_GOA_MAIL_OFF "account_1700000000_2"
void         test_session_start_goa_on_dovecot (TestSession *self,
                                                guint        imaps_port);

/* Keeps @password in the keyring for @imap, as Objector does. */
void         test_session_keep_password     (ObjectorImapAccount *imap,
                                             const char          *password);

/* Skips the test with the reason @reason_expression gives, unless NULL. */
#define TEST_SESSION_SKIP_UNLESS(reason_expression) \
  G_STMT_START { \
    g_autofree char *skip_reason_ = (reason_expression); \
    if (skip_reason_ != NULL) \
      { \
        g_test_skip (skip_reason_); \
        return; \
      } \
  } G_STMT_END

/* Adds @body as the test @path, run in a process of its own (libsecret
 * keeps its bus for the life of the process); skipped when the bus, the
 * keyring (@keyring or @goa), goa-daemon (@goa) or Dovecot (@dovecot) are
 * missing. */
void         test_session_add_isolated      (const char  *path,
                                             GTestFunc    body,
                                             gboolean     keyring,
                                             gboolean     goa,
                                             gboolean     dovecot);

/* Adds @body as the test @path, run in a process of its own on the
 * session the program's tests share: the bus with the keyring and
 * goa-daemon with the three accounts of test_session_start_goa_on_dovecot()
 * on Dovecot with Meta's answers (test_dovecot_new_with_answers()). This
 * process starts them for the first such test and stops them when the tests
 * end; every test process it starts from then on has that bus as its
 * session bus, so in a program with such tests the others (of
 * test_session_add_isolated()) bring up a bus of their own
 * (test_session_new()) or use no bus at all.
 *
 * Before each test the keyring holds none of Objector's passwords and
 * Dovecot is idle, its log holding what came before; after it, INBOX must
 * be as it was. A test must leave the accounts of GNOME Online Accounts and
 * the mail as it found them; its folders (HOME, XDG) are its own, as for
 * every test. Skipped when the bus, the daemons or Dovecot are missing. */
void         test_session_add_shared        (const char  *path,
                                             GTestFunc    body);
/* In such a test: the shared Dovecot, left running when freed. */
TestDovecot *test_session_shared_dovecot    (void);

G_END_DECLS

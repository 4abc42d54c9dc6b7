/* test-cli-accounts.c — `objector accounts` and `objector scan-mail --account ID`
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real components: a private session bus with gnome-keyring-daemon and
 * goa-daemon on it (objector-test-session.h), their accounts pointing at
 * Dovecot on 127.0.0.1 (objector-test-dovecot.h). The command line runs as
 * a child with this process's environment: the private bus and folders.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "objector-error.h"
#include "objector-keyring.h"
#include "objector-mail-accounts.h"
#include "objector-test-dovecot.h"
#include "objector-test-session.h"
#include "objector-test-util.h"

#define GOA_READY     TEST_SESSION_GOA_READY
#define GOA_WRONG     TEST_SESSION_GOA_WRONG
#define GOA_MAIL_OFF  TEST_SESSION_GOA_MAIL_OFF

#define RECEIPT_ID    "receipt-en.42@facebookmail.com"
#define APPROVAL_ID   "approval-de.1a2b3c@facebookmail.com"

/* Exactly one line on standard error, holding @says; no output. */
static void
assert_one_line (TestRun    *run,
                 const char *says)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  test_util_assert_contains (run->err, says);
  g_assert_true (g_str_has_prefix (run->err, "objector: "));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

/* The message ids of `scan-mail --json`'s verified finds. */
static void
assert_found_answers (const char *json)
{
  g_autoptr(JsonArray) array = test_util_parse_array (json);
  gboolean receipt = FALSE, approval = FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *id = json_object_get_string_member (object, "message_id");

      receipt |= g_strcmp0 (id, RECEIPT_ID) == 0;
      approval |= g_strcmp0 (id, APPROVAL_ID) == 0;
    }
  g_assert_true (receipt);
  g_assert_true (approval);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  test_util_assert_lacks (json, "lookalike");
}

static JsonObject *
account_of (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        return object;
    }
  g_error ("`objector accounts --json` does not list %s", id);
}

/* GNOME Online Accounts: three accounts on Dovecot */

static void
test_goa (void)
{
  g_autoptr(TestDovecot) dovecot = test_dovecot_new_with_answers ();
  g_autoptr(TestSession) session = test_session_new ();
  g_autofree char *shown = NULL;
  g_autofree char *facebook = NULL;
  const char *ca = test_dovecot_ca_file (dovecot);
  g_autoptr(JsonArray) array = NULL;
  JsonObject *ready;

  test_session_start_keyring (session);
  test_session_start_goa_on_dovecot (session, test_dovecot_imaps_port (dovecot));
  facebook = test_util_cli_fresh_objection (&shown);

  /* The list, with each account's status as goa-daemon found it. */
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "accounts", "--json");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    array = test_util_parse_array (run.out);
    g_assert_cmpuint (json_array_get_length (array), ==, 3);
    ready = account_of (array, "goa:" GOA_READY);
    g_assert_cmpstr (json_object_get_string_member (ready, "label"), ==, "zoe@example.org");
    g_assert_cmpstr (json_object_get_string_member (ready, "origin"), ==, "online");
    g_assert_cmpstr (json_object_get_string_member (ready, "provider"), ==, "IMAP and SMTP");
    g_assert_cmpstr (json_object_get_string_member (ready, "status"), ==, "ready");
    g_assert_cmpstr (json_object_get_string_member (ready, "auth"), ==, "password");
    g_assert_cmpstr (json_object_get_string_member (ready, "server"), ==, "127.0.0.1");
    g_assert_cmpint (json_object_get_int_member (ready, "port"), ==, test_dovecot_imaps_port (dovecot));
    g_assert_cmpstr (json_object_get_string_member (ready, "security"), ==, "tls");
    g_assert_cmpstr (json_object_get_string_member (account_of (array, "goa:" GOA_WRONG), "status"), ==,
                     "needs-sign-in");
    g_assert_cmpstr (json_object_get_string_member (account_of (array, "goa:" GOA_MAIL_OFF), "status"), ==,
                     "mail-disabled");
    g_assert_true (json_object_get_null_member (account_of (array, "goa:" GOA_MAIL_OFF), "server"));
  }
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "accounts");
    g_assert_cmpint (run.status, ==, 0);
    test_util_assert_contains_all (run.out,
                                   "goa:" GOA_READY "  ready          zoe@example.org (IMAP and SMTP, in GNOME Online Accounts)",
                                   "goa:" GOA_WRONG "  sign in again  zoe@example.org",
                                   "goa:" GOA_MAIL_OFF "  mail off       zoe@example.org",
                                   "is fixed in Settings → Online Accounts",
                                   "objector scan-mail --account ID");
  }

  /* Meta's answers through the account's password from GNOME Online
   * Accounts, found by the id's beginning; the look-alike is not searched. */
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "scan-mail", "--account", "goa:" GOA_READY, "--cafile", ca, "--json");
    g_assert_cmpint (run.status, ==, 0);
    assert_found_answers (run.out);
  }
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "scan-mail", "--account", "goa:account_1700000000_0", "--cafile", ca);
    g_assert_cmpint (run.status, ==, 0);
    test_util_assert_contains (run.out, "2 emails from Meta, or pretending to be, in INBOX on 127.0.0.1 since 2026-11-19.");
  }

  /* --log moves the objection they answer. */
  {
    g_auto(TestRun) run = { 0 };
    g_autofree char *line = NULL;

    test_util_cli_assert_state (facebook, "submitted");
    TEST_RUN (&run, "scan-mail", "--account", "goa:" GOA_READY, "--cafile", ca, "--log");
    g_assert_cmpint (run.status, ==, 0);
    line = g_strdup_printf ("approval, verified — logged on %s, acknowledged → approved", shown);
    test_util_assert_contains (run.out, line);
    test_util_cli_assert_state (facebook, "approved");
  }

  /* Without the CA file the test's certificate is refused: verified always. */
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "scan-mail", "--account", "goa:" GOA_READY, "--json");
    assert_one_line (&run, "certificate");
  }

  /* What the person must do, in one line each. */
  {
    g_auto(TestRun) wrong = { 0 };
    g_auto(TestRun) off = { 0 };
    g_auto(TestRun) password = { 0 };
    g_auto(TestRun) ambiguous = { 0 };
    g_auto(TestRun) unknown = { 0 };
    g_auto(TestRun) both = { 0 };

    TEST_RUN (&wrong, "scan-mail", "--account", "goa:" GOA_WRONG, "--cafile", ca);
    assert_one_line (&wrong, "GNOME Online Accounts needs you to sign in to this account again: "
                             "open Settings → Online Accounts");
    TEST_RUN (&off, "scan-mail", "--account", "goa:" GOA_MAIL_OFF, "--cafile", ca);
    assert_one_line (&off, "This account has mail turned off in Settings → Online Accounts");
    TEST_RUN (&ambiguous, "scan-mail", "--account", "goa:", "--cafile", ca);
    assert_one_line (&ambiguous, "names more than one mail account");
    TEST_RUN (&unknown, "scan-mail", "--account", "saved:nobody", "--cafile", ca);
    assert_one_line (&unknown, "No mail account has the id “saved:nobody”: “objector accounts” lists them");

    /* Usage errors: exit status 2. */
    TEST_RUN_INPUT (&password, "x\n", "scan-mail", "--account", "goa:" GOA_READY, "--password-stdin");
    g_assert_cmpint (password.status, ==, 2);
    test_util_assert_contains (password.err, "--password-stdin is for an account added in Objector");
    TEST_RUN (&both, "scan-mail", "--account", "goa:" GOA_READY, "imaps://zoe@127.0.0.1/INBOX");
    g_assert_cmpint (both.status, ==, 2);
    test_util_assert_contains (both.err, "not both");
  }
}

/* An account added in Objector, its password in the keyring */

static ObjectorImapAccount *
add_saved_account (TestDovecot *dovecot)
{
  g_autoptr(ObjectorMailAccounts) accounts = objector_mail_accounts_new (NULL);
  g_autoptr(ObjectorMailAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  ObjectorImapAccount *imap;

  imap = objector_imap_account_new ("127.0.0.1", test_dovecot_imaps_port (dovecot), TEST_DOVECOT_USER, NULL,
                                    OBJECTOR_IMAP_SECURITY_TLS, &error);
  g_assert_no_error (error);
  account = objector_mail_accounts_add (accounts, "zoe@example.org", imap, &error);
  g_assert_no_error (error);
  return imap;
}

static void
test_saved (void)
{
  g_autoptr(TestDovecot) dovecot = test_dovecot_new_with_answers ();
  g_autoptr(TestSession) session = test_session_new ();
  g_autoptr(ObjectorImapAccount) imap = NULL;
  g_autofree char *id = NULL;
  g_autofree char *facebook = test_util_cli_fresh_objection (NULL);
  const char *ca = test_dovecot_ca_file (dovecot);

  test_session_start_keyring (session);
  imap = add_saved_account (dovecot);
  id = g_strdup_printf ("saved:" TEST_DOVECOT_USER "@127.0.0.1:%u", test_dovecot_imaps_port (dovecot));

  /* Listed; GNOME Online Accounts is not on this bus, and says so. */
  {
    g_auto(TestRun) run = { 0 };
    g_autoptr(JsonArray) array = NULL;
    JsonObject *saved;

    TEST_RUN (&run, "accounts", "--json");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "objector: GNOME Online Accounts is not running on this computer\n");
    array = test_util_parse_array (run.out);
    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    saved = account_of (array, id);
    g_assert_cmpstr (json_object_get_string_member (saved, "origin"), ==, "saved");
    g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "ready");
    g_assert_cmpstr (json_object_get_string_member (saved, "user"), ==, TEST_DOVECOT_USER);
  }

  /* No password kept yet: one line, or the password on standard input. */
  {
    g_auto(TestRun) none = { 0 };
    g_auto(TestRun) typed = { 0 };

    TEST_RUN (&none, "scan-mail", "--account", "saved:", "--cafile", ca);
    assert_one_line (&none, "No password is kept in the keyring for zoe@example.org: give it with --password-stdin");
    TEST_RUN_INPUT (&typed, TEST_DOVECOT_PASSWORD "\n", "scan-mail", "--account", "saved:", "--cafile", ca,
                    "--password-stdin", "--json");
    g_assert_cmpint (typed.status, ==, 0);
    assert_found_answers (typed.out);
  }

  /* Kept in the keyring: it scans with it, and --log logs. */
  test_session_keep_password (imap, TEST_DOVECOT_PASSWORD);
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "scan-mail", "--account", id, "--cafile", ca, "--json");
    g_assert_cmpint (run.status, ==, 0);
    assert_found_answers (run.out);
  }
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "scan-mail", "--account", id, "--cafile", ca, "--log", "--json");
    g_assert_cmpint (run.status, ==, 0);
    test_util_assert_contains (run.err, "acknowledged → approved");
    test_util_cli_assert_state (facebook, "approved");
  }

  /* A wrong password kept: the server's refusal, one line. */
  test_session_keep_password (imap, "not the password");
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "scan-mail", "--account", id, "--cafile", ca);
    g_assert_cmpint (run.status, ==, 1);
    assert_one_line (&run, "password");
  }
}

/* No GNOME Online Accounts and no keyring on the bus */

static void
test_no_daemons (void)
{
  g_autoptr(TestSession) session = test_session_new ();
  g_autoptr(ObjectorImapAccount) imap = NULL;
  g_autoptr(GError) error = NULL;

  test_util_reset_data ();

  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "accounts");
    g_assert_cmpint (run.status, ==, 0);
    test_util_assert_contains_all (run.out,
                                   "GNOME Online Accounts is not running on this computer: "
                                   "only the accounts added in Objector are listed.",
                                   "No mail accounts.");
  }
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "scan-mail", "--account", "goa:" GOA_READY, "--since", "2026-11-19");
    assert_one_line (&run, "GNOME Online Accounts is not running on this computer");
  }

  imap = objector_imap_account_new ("imap.gmx.net", 0, "zoe@gmx.de", NULL, OBJECTOR_IMAP_SECURITY_TLS, &error);
  g_assert_no_error (error);
  {
    g_autoptr(ObjectorMailAccounts) accounts = objector_mail_accounts_new (NULL);
    g_autoptr(ObjectorMailAccount) account = objector_mail_accounts_add (accounts, "zoe@gmx.de", imap, &error);

    g_assert_no_error (error);
  }
  {
    g_auto(TestRun) run = { 0 };

    TEST_RUN (&run, "scan-mail", "--account", "saved:zoe", "--since", "2026-11-19");
    assert_one_line (&run, "No keyring is available to take the password of zoe@gmx.de from: "
                           "give it with --password-stdin");
  }
}

int
main (int    argc,
      char **argv)
{
  test_util_init (&argc, &argv, "test-cli-accounts");

  test_session_add_isolated ("/cli-accounts/goa", test_goa, TRUE, TRUE, TRUE);
  test_session_add_isolated ("/cli-accounts/saved", test_saved, TRUE, FALSE, TRUE);
  test_session_add_isolated ("/cli-accounts/no-daemons", test_no_daemons, FALSE, FALSE, FALSE);

  return test_util_run_tests ();
}

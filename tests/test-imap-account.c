/* test-imap-account.c — mail accounts, what is searched for, and from which day
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of the IMAP core that need no server; test-imap.c has the rest,
 * against Dovecot.
 */

#include "config.h"

#include <gio/gio.h>

#include "objector-error.h"
#include "objector-imap-account.h"
#include "objector-imap-scanner.h"
#include "objector-test-util.h"

/* The account */

static void
test_account_uri (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorImapAccount) account = NULL;
  g_autofree char *label = NULL;
  static const struct {
    const char *uri;
    const char *needle;
  } refused[] = {
    { "imap://zoe@imap.example.org/INBOX", "only with TLS" },
    { "imap://zoe@10.0.0.1/INBOX", "only with TLS" },
    { "imaps://zoe:secret@imap.example.org/INBOX", "holds a password" },
    { "imaps://zoe:secret@example.org@imap.example.org", "holds a password" },
    { "imaps://imap.example.org/INBOX", "user name is missing" },
    { "imaps://zoe@/INBOX", "not a host name" },
    { "imaps://zoe@imap.example.org/Entw%C3%BCrfe", "outside ASCII" },
    { "imaps://zoe@imap.example.org/INBOX?x=1", "nothing after the mailbox" },
    { "pop3://zoe@imap.example.org", "not a mail account address" },
  };

  /* An email address as the user name, "@" and all. */
  account = objector_imap_account_new_from_uri ("imaps://zoe@example.org@imap.example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_imap_account_get_user (account), ==, "zoe@example.org");
  g_assert_cmpstr (objector_imap_account_get_host (account), ==, "imap.example.org");
  g_assert_cmpuint (objector_imap_account_get_port (account), ==, 993);
  g_assert_cmpstr (objector_imap_account_get_mailbox (account), ==, "INBOX");
  g_assert_cmpint (objector_imap_account_get_security (account), ==, OBJECTOR_IMAP_SECURITY_TLS);
  label = objector_imap_account_dup_label (account);
  g_assert_cmpstr (label, ==, "INBOX on imap.example.org");
  g_clear_object (&account);

  account = objector_imap_account_new_from_uri ("IMAPS://zoe%40example.org@imap.example.org:1993/Archives%2F2026",
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_imap_account_get_user (account), ==, "zoe@example.org");
  g_assert_cmpuint (objector_imap_account_get_port (account), ==, 1993);
  g_assert_cmpstr (objector_imap_account_get_mailbox (account), ==, "Archives/2026");
  g_clear_object (&account);

  /* Without TLS: this computer only. */
  account = objector_imap_account_new_from_uri ("imap://zoe@127.0.0.5/Sent", &error);
  g_assert_no_error (error);
  g_assert_cmpint (objector_imap_account_get_security (account), ==, OBJECTOR_IMAP_SECURITY_NONE);
  g_assert_cmpuint (objector_imap_account_get_port (account), ==, 143);
  g_clear_object (&account);
  account = objector_imap_account_new_from_uri ("imap://zoe@[::1]:1143", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_imap_account_get_host (account), ==, "::1");
  g_clear_object (&account);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) refusal = NULL;

      g_assert_null (objector_imap_account_new_from_uri (refused[i].uri, &refusal));
      g_assert_error (refusal, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT);
      test_util_assert_contains (refusal->message, refused[i].needle);
    }

  /* The same rule through the constructor the app will use. */
  g_assert_null (objector_imap_account_new ("imap.example.org", 0, "zoe", NULL,
                                            OBJECTOR_IMAP_SECURITY_NONE, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  account = objector_imap_account_new ("imap.example.org", 0, "zoe", NULL, OBJECTOR_IMAP_SECURITY_STARTTLS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (objector_imap_account_get_port (account), ==, 143);
}

static void
test_search_domains (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_bundled (&error);
  g_auto(GStrv) domains = NULL;
  const char * const expected[] = {
    "facebook.com", "facebookmail.com", "instagram.com", "meta.com", "metamail.com", NULL
  };

  g_assert_no_error (error);
  domains = objector_imap_scanner_dup_search_domains (playbook);
  g_assert_cmpstrv (domains, expected);
}

static void
test_default_since (void)
{
  g_autoptr(GListStore) objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(ObjectorObjection) late = NULL;
  g_autoptr(ObjectorObjection) early = NULL;
  g_autoptr(ObjectorObjection) draft = NULL;
  g_autoptr(GDateTime) since = NULL;
  g_autofree char *text = NULL;

  g_assert_null (objector_imap_scanner_default_since (G_LIST_MODEL (objections)));

  /* Only drafts: from the day before the first was started. */
  draft = test_util_objection_at ("facebook-objection", "DE", "2026-10-03T10:00:00Z", -1);
  g_list_store_append (objections, draft);
  since = objector_imap_scanner_default_since (G_LIST_MODEL (objections));
  text = g_date_time_format_iso8601 (since);
  g_assert_cmpstr (text, ==, "2026-10-02T00:00:00Z");
  g_clear_pointer (&since, g_date_time_unref);
  g_clear_pointer (&text, g_free);

  /* Submitted ones win: the earliest submission, a day early. */
  late = test_util_objection_at ("instagram-objection", "FR", "2026-11-01T10:00:00Z",
                                 OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-11-01T10:01:00Z",
                                 OBJECTOR_EVENT_OPEN_FORM, "2026-11-01T10:05:00Z",
                                 OBJECTOR_EVENT_SUBMIT, "2026-11-12T00:30:00Z", -1);
  early = test_util_objection_at ("facebook-objection", "FR", "2026-11-01T10:00:00Z",
                                  OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-11-01T10:01:00Z",
                                  OBJECTOR_EVENT_OPEN_FORM, "2026-11-01T10:05:00Z",
                                  OBJECTOR_EVENT_SUBMIT, "2026-11-05T23:59:00Z", -1);
  g_list_store_append (objections, late);
  g_list_store_append (objections, early);
  since = objector_imap_scanner_default_since (G_LIST_MODEL (objections));
  text = g_date_time_format_iso8601 (since);
  g_assert_cmpstr (text, ==, "2026-11-04T00:00:00Z");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "test-imap-account");

  g_test_add_func ("/imap/account/uri", test_account_uri);
  g_test_add_func ("/imap/search-domains", test_search_domains);
  g_test_add_func ("/imap/default-since", test_default_since);

  return test_util_run_tests ();
}

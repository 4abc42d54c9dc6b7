/* test-mail-accounts.c — mail accounts: providers, those added by hand, the keyring, GNOME Online Accounts
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real components: a private session bus, gnome-keyring-daemon and
 * goa-daemon on it (objector-test-session.h), Dovecot on 127.0.0.1
 * (objector-test-dovecot.h). Every test that touches D-Bus makes its own
 * bus, so nothing reaches the desktop session the suite may run in.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "objector-error.h"
#include "objector-files.h"
#include "objector-imap-scanner.h"
#include "objector-keyring.h"
#include "objector-mail-accounts.h"
#include "objector-mail-provider.h"
#include "objector-playbook.h"
#include "objector-test-dovecot.h"
#include "objector-test-session.h"
#include "objector-test-util.h"

#define GOA_READY       TEST_SESSION_GOA_READY
#define GOA_WRONG       TEST_SESSION_GOA_WRONG
#define GOA_MAIL_OFF    TEST_SESSION_GOA_MAIL_OFF

/* Providers */

typedef struct
{
  const char           *address;
  const char           *host;
  guint                 port;
  ObjectorImapSecurity  security;
  gboolean              app_password;
  const char           *user;
  const char           *hint_says;   /* NULL: no hint */
} ProviderCase;

static const ProviderCase provider_cases[] = {
  { "zoe@gmail.com", "imap.gmail.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe@gmail.com", "app password" },
  { "Zoe@GoogleMail.COM", "imap.gmail.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "Zoe@GoogleMail.COM", "Online Accounts" },
  { "zoe@outlook.com", "outlook.office365.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe@outlook.com", "Microsoft" },
  { "zoe@hotmail.co.uk", "outlook.office365.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe@hotmail.co.uk", NULL },
  { "zoe@live.fr", "outlook.office365.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe@live.fr", NULL },
  { "zoe@msn.com", "outlook.office365.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe@msn.com", NULL },
  { "zoe@yahoo.fr", "imap.mail.yahoo.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe@yahoo.fr", "app password" },
  { "zoe.appleseed@icloud.com", "imap.mail.me.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe.appleseed", "app-specific" },
  { "zoe@me.com", "imap.mail.me.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe", NULL },
  { "zoe@gmx.de", "imap.gmx.net", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@gmx.de", "IMAP" },
  { "zoe@gmx.net", "imap.gmx.net", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@gmx.net", NULL },
  { "zoe@gmx.at", "imap.gmx.net", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@gmx.at", NULL },
  { "zoe@gmx.ch", "imap.gmx.net", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@gmx.ch", NULL },
  { "zoe@web.de", "imap.web.de", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@web.de", "IMAP" },
  { "zoe@t-online.de", "secureimap.t-online.de", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe@t-online.de", "e-mail password" },
  { "zoe@orange.fr", "imap.orange.fr", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@orange.fr", NULL },
  { "zoe@wanadoo.fr", "imap.orange.fr", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@wanadoo.fr", NULL },
  { "zoe@free.fr", "imap.free.fr", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@free.fr", NULL },
  { "zoe@sfr.fr", "imap.sfr.fr", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@sfr.fr", NULL },
  { "zoe@libero.it", "imapmail.libero.it", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@libero.it", NULL },
  { "zoe@virgilio.it", "in.virgilio.it", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@virgilio.it", NULL },
  { "zoe@posteo.de", "posteo.de", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@posteo.de", NULL },
  { "zoe@mailbox.org", "imap.mailbox.org", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@mailbox.org", NULL },
  { "zoe@proton.me", "127.0.0.1", 1143, OBJECTOR_IMAP_SECURITY_STARTTLS, TRUE, "zoe@proton.me", "Proton Mail Bridge" },
  { "zoe@pm.me", "127.0.0.1", 1143, OBJECTOR_IMAP_SECURITY_STARTTLS, TRUE, "zoe@pm.me", "Bridge" },
  { "zoe@fastmail.com", "imap.fastmail.com", 993, OBJECTOR_IMAP_SECURITY_TLS, TRUE, "zoe@fastmail.com", "app password" },
  { "zoe@zohomail.eu", "imap.zoho.eu", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@zohomail.eu", "IMAP" },
  { "zoe@zoho.com", "imap.zoho.com", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@zoho.com", NULL },
  { "zoe@o2.pl", "poczta.o2.pl", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@o2.pl", NULL },
  { "zoe@wp.pl", "imap.wp.pl", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@wp.pl", NULL },
  { "zoe@onet.pl", "imap.poczta.onet.pl", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@onet.pl", NULL },
  { "zoe@op.pl", "imap.poczta.onet.pl", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@op.pl", NULL },
  { "zoe@ziggo.nl", "imap.ziggo.nl", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@ziggo.nl", NULL },
  { "zoe@kpnmail.nl", "imap.kpnmail.nl", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@kpnmail.nl", NULL },
  { "zoe@telenet.be", "imap.telenet.be", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@telenet.be", NULL },
  { "zoe@skynet.be", "imap.proximus.be", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@skynet.be", NULL },
  { "zoe@seznam.cz", "imap.seznam.cz", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@seznam.cz", "IMAP" },
  { "zoe@email.cz", "imap.seznam.cz", 993, OBJECTOR_IMAP_SECURITY_TLS, FALSE, "zoe@email.cz", NULL },
};

static void
test_providers (void)
{
  const ObjectorMailProvider * const *all = objector_mail_provider_all ();

  for (guint i = 0; i < G_N_ELEMENTS (provider_cases); i++)
    {
      const ProviderCase *c = &provider_cases[i];
      const ObjectorMailProvider *provider = objector_mail_provider_suggest (c->address);
      g_autofree char *user = NULL;

      g_test_message ("%s", c->address);
      g_assert_nonnull (provider);
      g_assert_cmpstr (provider->host, ==, c->host);
      g_assert_cmpuint (provider->port, ==, c->port);
      g_assert_cmpint (provider->security, ==, c->security);
      g_assert_cmpint (provider->app_password, ==, c->app_password);
      user = objector_mail_provider_dup_user (provider, c->address);
      g_assert_cmpstr (user, ==, c->user);
      if (c->hint_says != NULL)
        test_util_assert_contains (objector_mail_provider_get_hint (provider), c->hint_says);
    }

  /* Unknown, or no address at all: the person gives the server. */
  g_assert_null (objector_mail_provider_suggest ("zoe@example.org"));
  g_assert_null (objector_mail_provider_suggest ("zoe@mail.gmail.com.example.net"));
  g_assert_null (objector_mail_provider_suggest ("gmail.com"));
  g_assert_null (objector_mail_provider_suggest ("zoe@"));
  g_assert_null (objector_mail_provider_suggest (""));

  /* Every provider that wants an app password says so, in one sentence;
   * every server is a usable account. */
  for (guint i = 0; all[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ObjectorImapAccount) account =
        objector_imap_account_new (all[i]->host, all[i]->port, "zoe", NULL, all[i]->security, &error);

      g_assert_no_error (error);
      g_assert_nonnull (account);
      if (all[i]->app_password)
        g_assert_nonnull (objector_mail_provider_get_hint (all[i]));
      if (objector_mail_provider_get_hint (all[i]) != NULL)
        g_assert_true (g_str_has_suffix (objector_mail_provider_get_hint (all[i]), "."));
    }
  g_assert_true (objector_mail_provider_for_host ("IMAP.GMX.NET") == objector_mail_provider_suggest ("a@gmx.de"));
  g_assert_null (objector_mail_provider_for_host ("127.0.0.1"));
}

/* Refreshing, waiting on the main context */

static gboolean
refresh (ObjectorMailAccounts  *accounts,
         GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  objector_mail_accounts_refresh_async (accounts, NULL, test_util_store_result_cb, &result);
  test_util_wait_result (&result);
  return objector_mail_accounts_refresh_finish (accounts, result, error);
}

static ObjectorImapAccount *
login (ObjectorMailAccount     *account,
       ObjectorImapCredential **credential,
       GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  objector_mail_account_login_async (account, NULL, test_util_store_result_cb, &result);
  test_util_wait_result (&result);
  return objector_mail_account_login_finish (account, result, credential, error);
}

static ObjectorImapAccount *
new_imap (const char *host,
          guint       port,
          const char *user)
{
  g_autoptr(GError) error = NULL;
  ObjectorImapAccount *imap = objector_imap_account_new (host, port, user, NULL, OBJECTOR_IMAP_SECURITY_TLS, &error);

  g_assert_no_error (error);
  return imap;
}

/* Accounts added by hand */

static char *
accounts_file (void)
{
  return objector_files_dup_data_file ("accounts.json");
}

static void
test_saved_accounts (void)
{
  g_autoptr(TestSession) session = NULL;
  g_autoptr(ObjectorMailAccounts) accounts = NULL;
  g_autoptr(ObjectorMailAccounts) again = NULL;
  g_autoptr(ObjectorMailAccount) gmx = NULL;
  g_autoptr(ObjectorMailAccount) found = NULL;
  g_autoptr(ObjectorImapAccount) imap = new_imap ("imap.gmx.net", 0, "zoe@gmx.de");
  g_autoptr(ObjectorImapAccount) other = new_imap ("mail.example.org", 1993, "zoe");
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = accounts_file ();
  g_autofree char *text = NULL;
  struct stat st;

  TEST_SESSION_SKIP_UNLESS (test_session_unavailable ());
  test_util_reset_data ();
  /* A bus with no GNOME Online Accounts on it. */
  session = test_session_new ();

  accounts = objector_mail_accounts_new (NULL);
  /* Nothing is read until asked. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 0);
  g_assert_true (refresh (accounts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 0);
  g_assert_error (objector_mail_accounts_get_online_error (accounts), OBJECTOR_ERROR, OBJECTOR_ERROR_UNAVAILABLE);
  g_assert_cmpstr (objector_mail_accounts_get_online_error (accounts)->message, ==,
                   "GNOME Online Accounts is not running on this computer");

  gmx = objector_mail_accounts_add (accounts, "zoe@gmx.de", imap, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_mail_account_get_id (gmx), ==, "saved:zoe@gmx.de@imap.gmx.net");
  g_assert_cmpstr (objector_mail_account_get_label (gmx), ==, "zoe@gmx.de");
  g_assert_cmpstr (objector_mail_account_get_provider_name (gmx), ==, "GMX");
  g_assert_cmpint (objector_mail_account_get_origin (gmx), ==, OBJECTOR_MAIL_ACCOUNT_SAVED);
  g_assert_cmpint (objector_mail_account_get_status (gmx), ==, OBJECTOR_MAIL_ACCOUNT_READY);
  g_clear_object (&gmx);
  gmx = objector_mail_accounts_add (accounts, NULL, other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_mail_account_get_id (gmx), ==, "saved:zoe@mail.example.org:1993");
  g_assert_null (objector_mail_account_get_provider_name (gmx));

  /* The same account twice is refused. */
  g_assert_null (objector_mail_accounts_add (accounts, "zoe@gmx.de", imap, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Saved 0600, without a password (none was given: nothing to leak). */
  g_assert_cmpint (stat (filename, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (filename, &text, NULL, NULL));
  test_util_assert_contains (text, "\"host\" : \"imap.gmx.net\"");
  test_util_assert_lacks (text, "password");

  /* Read back by another list, in order; found by a prefix of its id. */
  again = objector_mail_accounts_new (NULL);
  g_assert_true (refresh (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  found = objector_mail_accounts_lookup (again, "saved:zoe@mail", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (objector_imap_account_get_port (objector_mail_account_get_imap (found)), ==, 1993);
  g_clear_object (&found);
  g_assert_null (objector_mail_accounts_lookup (again, "saved:", &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_AMBIGUOUS);
  g_clear_error (&error);
  g_assert_null (objector_mail_accounts_lookup (again, "goa:", &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Removed, and saved so. */
  found = objector_mail_accounts_lookup (again, "saved:zoe@gmx", &error);
  g_assert_true (objector_mail_accounts_remove (again, found, &error));
  g_assert_no_error (error);
  g_clear_object (&again);
  again = objector_mail_accounts_new (NULL);
  g_assert_true (refresh (again, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);

  /* Adding to a list never read keeps what the file holds. */
  g_clear_object (&again);
  g_clear_object (&gmx);
  again = objector_mail_accounts_new (NULL);
  gmx = objector_mail_accounts_add (again, "zoe@gmx.de", imap, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
}

static void
assert_moved_aside (const char *contents,
                    const char *says)
{
  g_autoptr(ObjectorMailAccounts) accounts = objector_mail_accounts_new (NULL);
  g_autoptr(ObjectorMailAccount) added = NULL;
  g_autoptr(ObjectorImapAccount) imap = new_imap ("imap.web.de", 0, "zoe@web.de");
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = accounts_file ();
  g_autofree char *folder = g_path_get_dirname (filename);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_aside = 0;

  test_util_reset_data ();
  g_assert_true (objector_files_write_private (filename, contents, strlen (contents), NULL));

  g_assert_false (refresh (accounts, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  test_util_assert_contains (error->message, says);
  test_util_assert_contains (error->message, "The damaged file was kept as");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 0);
  g_assert_false (g_file_test (filename, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "accounts.json.damaged-"))
      n_aside++;
  g_assert_cmpuint (n_aside, ==, 1);

  /* A new list can be made after it. */
  added = objector_mail_accounts_add (accounts, NULL, imap, &error);
  g_assert_no_error (error);
}

static void
test_saved_damaged (void)
{
  g_autoptr(TestSession) session = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"version\": 1, \"accounts\": ");

  TEST_SESSION_SKIP_UNLESS (test_session_unavailable ());
  session = test_session_new ();

  assert_moved_aside ("{\"version\": 1, \"accounts\": [", "could not be read");
  assert_moved_aside ("", "could not be read");
  assert_moved_aside ("[]", "could not be read");
  assert_moved_aside ("{\"version\": 1, \"accounts\": [{\"host\": \"imap.gmx.net\", \"port\": 0, "
                      "\"user\": \"zoe\", \"security\": \"tls\"}]}", "accounts[0].port");
  assert_moved_aside ("{\"version\": 1, \"accounts\": [{\"host\": \"imap.gmx.net\", \"port\": 993, "
                      "\"user\": \"zoe\", \"security\": \"rot13\"}]}", "accounts[0].security");
  /* No encryption to a server elsewhere is refused as if typed. */
  assert_moved_aside ("{\"version\": 1, \"accounts\": [{\"host\": \"imap.gmx.net\", \"port\": 143, "
                      "\"user\": \"zoe\", \"security\": \"none\"}]}", "accounts[0]");
  assert_moved_aside ("{\"version\": 1, \"accounts\": [{\"host\": \"imap.gmx.net\\u001b[2J\", \"port\": 993, "
                      "\"user\": \"zoe\", \"security\": \"tls\"}]}", "accounts[0].host");

  /* Nested deeper than any JSON reader of Objector allows. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_moved_aside (deep->str, "could not be read");
}

static void
test_saved_newer (void)
{
  g_autoptr(TestSession) session = NULL;
  g_autoptr(ObjectorMailAccounts) accounts = objector_mail_accounts_new (NULL);
  g_autoptr(ObjectorImapAccount) imap = new_imap ("imap.web.de", 0, "zoe@web.de");
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = accounts_file ();
  g_autofree char *after = NULL;
  const char *newer = "{\"version\": 7, \"accounts\": {\"what\": \"we do not know yet\"}}";

  TEST_SESSION_SKIP_UNLESS (test_session_unavailable ());
  session = test_session_new ();
  test_util_reset_data ();
  g_assert_true (objector_files_write_private (filename, newer, strlen (newer), NULL));

  g_assert_false (refresh (accounts, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (objector_mail_accounts_add (accounts, NULL, imap, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY);
  g_assert_true (g_file_get_contents (filename, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, newer);
}

/* The keyring */

static gboolean
keyring_store (ObjectorImapAccount  *imap,
               const char           *password,
               GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  objector_keyring_store_async (imap, password, NULL, test_util_store_result_cb, &result);
  test_util_wait_result (&result);
  return objector_keyring_store_finish (result, error);
}

static ObjectorImapCredential *
keyring_lookup (ObjectorImapAccount  *imap,
                GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  objector_keyring_lookup_async (imap, NULL, test_util_store_result_cb, &result);
  test_util_wait_result (&result);
  return objector_keyring_lookup_finish (result, error);
}

static gboolean
keyring_delete (ObjectorImapAccount  *imap,
                GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  objector_keyring_delete_async (imap, NULL, test_util_store_result_cb, &result);
  test_util_wait_result (&result);
  return objector_keyring_delete_finish (result, error);
}

/* Every file under @folder, none holding @secret. */
static void
assert_no_file_holds (const char *folder,
                      const char *secret)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_no_file_holds (path, secret);
      else if (g_file_get_contents (path, &text, &length, NULL))
        g_assert_null (g_strstr_len (text, length, secret));
    }
}

static void
test_keyring (void)
{
  g_autoptr(TestSession) session = NULL;
  g_autoptr(ObjectorMailAccounts) accounts = NULL;
  g_autoptr(ObjectorMailAccount) saved = NULL;
  g_autoptr(ObjectorImapAccount) imap = new_imap ("imap.gmx.net", 0, "zoe@gmx.de");
  g_autoptr(ObjectorImapAccount) other_user = new_imap ("imap.gmx.net", 0, "max@gmx.de");
  g_autoptr(ObjectorImapAccount) other_port = new_imap ("imap.gmx.net", 1993, "zoe@gmx.de");
  g_autoptr(ObjectorImapAccount) logged_in = NULL;
  g_autoptr(ObjectorImapCredential) credential = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *objector_folder = objector_files_dup_data_dir ();
  const char *secret = "Kennwort mit Umlauten: äöü ß 🔑";

  TEST_SESSION_SKIP_UNLESS (test_session_unavailable ());
  TEST_SESSION_SKIP_UNLESS (test_session_daemons_missing (FALSE));
  test_util_reset_data ();
  session = test_session_new ();
  test_session_start_keyring (session);

  /* Nothing kept yet. */
  g_assert_null (keyring_lookup (imap, &error));
  g_assert_no_error (error);

  g_assert_true (keyring_store (imap, secret, &error));
  g_assert_no_error (error);
  credential = keyring_lookup (imap, &error);
  g_assert_no_error (error);
  g_assert_nonnull (credential);
  g_assert_cmpint (objector_imap_credential_get_kind (credential), ==, OBJECTOR_IMAP_CREDENTIAL_PASSWORD);
  g_assert_cmpstr (objector_imap_credential_get_secret (credential), ==, secret);
  g_clear_pointer (&credential, objector_imap_credential_free);

  /* Kept per server, port and user. */
  g_assert_null (keyring_lookup (other_user, &error));
  g_assert_no_error (error);
  g_assert_null (keyring_lookup (other_port, &error));
  g_assert_no_error (error);

  /* A saved account logs in with it. */
  accounts = objector_mail_accounts_new (NULL);
  saved = objector_mail_accounts_add (accounts, "zoe@gmx.de", imap, &error);
  g_assert_no_error (error);
  logged_in = login (saved, &credential, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_imap_account_get_host (logged_in), ==, "imap.gmx.net");
  g_assert_cmpstr (objector_imap_credential_get_secret (credential), ==, secret);
  g_clear_pointer (&credential, objector_imap_credential_free);
  g_clear_object (&logged_in);

  /* Replaced, then forgotten; forgetting twice is no error. */
  g_assert_true (keyring_store (imap, "second", &error));
  credential = keyring_lookup (imap, &error);
  g_assert_cmpstr (objector_imap_credential_get_secret (credential), ==, "second");
  g_clear_pointer (&credential, objector_imap_credential_free);
  g_assert_true (keyring_delete (imap, &error));
  g_assert_no_error (error);
  g_assert_true (keyring_delete (imap, &error));
  g_assert_no_error (error);
  g_assert_null (keyring_lookup (imap, &error));
  g_assert_no_error (error);

  /* With no password kept, the person is asked. */
  g_assert_null (login (saved, &credential, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_PASSWORD);
  g_assert_cmpstr (error->message, ==, "No password is kept for zoe@gmx.de: type it");
  g_assert_null (credential);

  /* Never in Objector's files. */
  assert_no_file_holds (objector_folder, secret);
  assert_no_file_holds (objector_folder, "second");
}

static void
test_keyring_unavailable (void)
{
  g_autoptr(TestSession) session = NULL;
  g_autoptr(ObjectorMailAccounts) accounts = NULL;
  g_autoptr(ObjectorMailAccount) saved = NULL;
  g_autoptr(ObjectorImapAccount) imap = new_imap ("imap.gmx.net", 0, "zoe@gmx.de");
  g_autoptr(ObjectorImapCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  TEST_SESSION_SKIP_UNLESS (test_session_unavailable ());
  test_util_reset_data ();
  /* A bus with no Secret Service on it, and none to start. */
  session = test_session_new ();

  g_assert_false (keyring_store (imap, "secret", &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_UNAVAILABLE);
  g_assert_cmpstr (error->message, ==, "No keyring is available: the password is asked each time and not kept");
  g_clear_error (&error);
  g_assert_null (keyring_lookup (imap, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  /* Logging in asks the person, and says why. */
  accounts = objector_mail_accounts_new (NULL);
  saved = objector_mail_accounts_add (accounts, "zoe@gmx.de", imap, &error);
  g_assert_no_error (error);
  g_assert_null (login (saved, &credential, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_PASSWORD);
  test_util_assert_contains (error->message, "No keyring is available");
}

/* GNOME Online Accounts: the real goa-daemon, its accounts pointing at Dovecot */

static GPtrArray *
scan (ObjectorImapAccount          *imap,
      const ObjectorImapCredential *credential,
      GError                      **error)
{
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_bundled (NULL);
  g_autoptr(ObjectorImapScanner) scanner = objector_imap_scanner_new (playbook);
  g_autoptr(GDateTime) since = test_util_time ("2026-11-19T00:00:00Z");
  g_autoptr(GAsyncResult) result = NULL;

  objector_imap_scanner_set_since (scanner, since);
  objector_imap_scanner_set_timeout (scanner, TEST_UTIL_WAIT_SECONDS / 4);
  objector_imap_scanner_scan_async (scanner, imap, credential, NULL, test_util_store_result_cb, &result);
  test_util_wait_result (&result);
  return objector_imap_scanner_scan_finish (scanner, result, error);
}

static void
test_goa (void)
{
  g_autoptr(TestDovecot) dovecot = NULL;
  g_autoptr(TestSession) session = NULL;
  g_autoptr(ObjectorMailAccounts) accounts = NULL;
  g_autoptr(ObjectorMailAccount) ready = NULL;
  g_autoptr(ObjectorMailAccount) wrong = NULL;
  g_autoptr(ObjectorMailAccount) mail_off = NULL;
  g_autoptr(ObjectorImapAccount) imap = NULL;
  g_autoptr(ObjectorImapCredential) credential = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gboolean receipt = FALSE, approval = FALSE;

  TEST_SESSION_SKIP_UNLESS (test_session_unavailable ());
  TEST_SESSION_SKIP_UNLESS (test_session_daemons_missing (TRUE));
  TEST_SESSION_SKIP_UNLESS (test_dovecot_unavailable ());
  test_util_reset_data ();

  dovecot = test_dovecot_new_with_answers ();

  session = test_session_new ();
  test_session_start_keyring (session);
  test_session_start_goa_on_dovecot (session, test_dovecot_imaps_port (dovecot));

  accounts = objector_mail_accounts_new (NULL);
  g_assert_true (refresh (accounts, &error));
  g_assert_no_error (error);
  g_assert_null (objector_mail_accounts_get_online_error (accounts));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 3);

  ready = objector_mail_accounts_lookup (accounts, "goa:" GOA_READY, &error);
  g_assert_no_error (error);
  wrong = objector_mail_accounts_lookup (accounts, "goa:" GOA_WRONG, &error);
  mail_off = objector_mail_accounts_lookup (accounts, "goa:" GOA_MAIL_OFF, &error);
  g_assert_no_error (error);

  g_assert_cmpint (objector_mail_account_get_origin (ready), ==, OBJECTOR_MAIL_ACCOUNT_ONLINE);
  g_assert_cmpstr (objector_mail_account_get_label (ready), ==, "zoe@example.org");
  g_assert_cmpstr (objector_mail_account_get_provider_name (ready), ==, "IMAP and SMTP");
  g_assert_cmpint (objector_mail_account_get_auth (ready), ==, OBJECTOR_IMAP_CREDENTIAL_PASSWORD);
  /* goa-daemon logged in to Dovecot at start: this one passed, that one not. */
  g_assert_cmpint (objector_mail_account_get_status (ready), ==, OBJECTOR_MAIL_ACCOUNT_READY);
  g_assert_cmpint (objector_mail_account_get_status (wrong), ==, OBJECTOR_MAIL_ACCOUNT_NEEDS_SIGN_IN);
  g_assert_cmpint (objector_mail_account_get_status (mail_off), ==, OBJECTOR_MAIL_ACCOUNT_MAIL_DISABLED);
  g_assert_null (objector_mail_account_get_imap (mail_off));

  /* Where the mail is, from GNOME Online Accounts' "host:port". */
  imap = login (ready, &credential, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_imap_account_get_host (imap), ==, "127.0.0.1");
  g_assert_cmpuint (objector_imap_account_get_port (imap), ==, test_dovecot_imaps_port (dovecot));
  g_assert_cmpstr (objector_imap_account_get_user (imap), ==, TEST_DOVECOT_USER);
  g_assert_cmpint (objector_imap_account_get_security (imap), ==, OBJECTOR_IMAP_SECURITY_TLS);
  g_assert_cmpstr (objector_imap_credential_get_secret (credential), ==, TEST_DOVECOT_PASSWORD);

  /* The scan through it finds Meta's answers, the certificate verified. */
  objector_imap_account_set_ca_file (imap, test_dovecot_ca_file (dovecot));
  found = scan (imap, credential, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (found, i);
      const char *id = objector_mail_get_message_id (mail);

      receipt |= g_strcmp0 (id, "receipt-en.42@facebookmail.com") == 0 && objector_mail_get_trusted (mail);
      approval |= g_strcmp0 (id, "approval-de.1a2b3c@facebookmail.com") == 0 && objector_mail_get_trusted (mail);
    }
  g_assert_true (receipt);
  g_assert_true (approval);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&credential, objector_imap_credential_free);
  g_clear_object (&imap);

  /* Without the CA file, the certificate GNOME Online Accounts was told to
   * accept is still refused. */
  imap = login (ready, &credential, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = scan (imap, credential, &error);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK);
  g_assert_null (found);
  g_clear_error (&error);
  g_clear_pointer (&credential, objector_imap_credential_free);

  /* What the person must do, in Settings. */
  g_assert_null (login (wrong, &credential, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ACCOUNT_SETTINGS);
  g_assert_cmpstr (error->message, ==, "GNOME Online Accounts needs you to sign in to this account again: "
                                       "open Settings → Online Accounts");
  g_clear_error (&error);
  g_assert_null (login (mail_off, &credential, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ACCOUNT_SETTINGS);
  g_assert_cmpstr (error->message, ==, "This account has mail turned off in Settings → Online Accounts");
  g_clear_error (&error);

  /* An online account is not Objector's to remove. */
  g_assert_false (objector_mail_accounts_remove (accounts, ready, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT);
}

int
main (int    argc,
      char **argv)
{
  test_util_init (&argc, &argv, "test-mail-accounts");

  g_test_add_func ("/mail-accounts/providers", test_providers);
  test_session_add_isolated ("/mail-accounts/saved", test_saved_accounts, FALSE, FALSE, FALSE);
  test_session_add_isolated ("/mail-accounts/saved-damaged", test_saved_damaged, FALSE, FALSE, FALSE);
  test_session_add_isolated ("/mail-accounts/saved-newer", test_saved_newer, FALSE, FALSE, FALSE);
  test_session_add_isolated ("/mail-accounts/keyring", test_keyring, TRUE, FALSE, FALSE);
  test_session_add_isolated ("/mail-accounts/keyring-unavailable", test_keyring_unavailable, FALSE, FALSE, FALSE);
  test_session_add_isolated ("/mail-accounts/goa", test_goa, TRUE, TRUE, TRUE);

  return test_util_run_tests ();
}

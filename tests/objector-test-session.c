/* objector-test-session.c — a private desktop session: D-Bus, GNOME Keyring, GNOME Online Accounts
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "objector-keyring.h"
#include "objector-test-daemon.h"
#include "objector-test-dovecot.h"
#include "objector-test-session.h"
#include "objector-test-util.h"

#define KEYRING_PASSWORD "test keyring password"
#define GOA_DAEMON       "/usr/libexec/goa-daemon"
/* Where the shared Dovecot is, for the test processes (test_dovecot_describe()). */
#define SHARED_DOVECOT_ENV "OBJECTOR_TEST_SHARED_DOVECOT"

struct _TestSession
{
  GTestDBus   *bus;
  GPid         keyring_pid;
  GPid         goa_pid;
  char        *goa_log;
};

static GList *stopped_buses;

char *
test_session_unavailable (void)
{
  g_autofree char *daemon = g_find_program_in_path ("dbus-daemon");

  if (daemon == NULL)
    return g_strdup ("dbus-daemon is not installed");
  return NULL;
}

char *
test_session_daemons_missing (gboolean goa)
{
  g_autofree char *keyring = g_find_program_in_path ("gnome-keyring-daemon");

  if (keyring == NULL)
    return g_strdup ("gnome-keyring-daemon is not installed (Debian: gnome-keyring)");
  if (goa && !g_file_test (GOA_DAEMON, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (GOA_DAEMON " is not installed (Debian: gnome-online-accounts)");
  return NULL;
}

TestSession *
test_session_new (void)
{
  TestSession *self = g_new0 (TestSession, 1);

  self->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (self->bus);
  return self;
}

/* On the real clock, as Dovecot (objector-test-daemon.h), with the bus and
 * the private folders of this process. */
static GStrv
daemon_environment (void)
{
  GStrv envp = test_daemon_environment ();

  /* Not Objector's: its GLib warnings are no failure of ours. */
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  return envp;
}

/* Stops the daemons and the bus and frees @self; test_session_free()
 * also takes the bus out of the environment. */
static void
session_end (TestSession *self)
{
  secret_service_disconnect ();
  test_daemon_stop (&self->goa_pid);
  test_daemon_stop (&self->keyring_pid);
  /* Stopped rather than taken down: libsecret keeps a reference to the
   * connection for the life of the process, which g_test_dbus_down() (also
   * run when a GTestDBus that is still up is freed) would wait for in vain.
   * So the stopped bus object stays until the process ends, and each test
   * that uses a bus runs in a process of its own. */
  g_test_dbus_stop (self->bus);
  stopped_buses = g_list_prepend (stopped_buses, g_steal_pointer (&self->bus));
  if (self->goa_log != NULL && g_getenv ("OBJECTOR_TEST_KEEP") == NULL)
    g_unlink (self->goa_log);
  g_free (self->goa_log);
  g_free (self);
}

void
test_session_free (TestSession *self)
{
  session_end (self);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
}

static gboolean
name_has_owner (const char *name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static gboolean
name_owned_cb (gpointer user_data)
{
  return name_has_owner (user_data);
}

void
test_session_start_keyring (TestSession *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = daemon_environment ();
  const char *argv[] = { "gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets", NULL };
  int in_fd;

  g_assert_cmpint (self->keyring_pid, ==, 0);
  g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                            G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                            test_daemon_child_setup, NULL, &self->keyring_pid, &in_fd, NULL, NULL, &error);
  g_assert_no_error (error);
  /* --unlock reads the login keyring's password until the end of input. */
  g_assert_cmpint (write (in_fd, KEYRING_PASSWORD, strlen (KEYRING_PASSWORD)), ==, strlen (KEYRING_PASSWORD));
  close (in_fd);

  test_util_wait_for ("gnome-keyring-daemon on the bus", name_owned_cb, (gpointer) "org.freedesktop.secrets");
}

void
test_session_store_goa_password (TestSession *self,
                                 const char  *id,
                                 const char  *password)
{
  /* goa-daemon's own schema (goautils.c): one attribute, "goa-identity" =
   * "PROVIDER:genGENERATION:ID", and the credentials as a printed a{sv}. */
  static const SecretSchema goa_schema = {
    "org.gnome.OnlineAccounts", SECRET_SCHEMA_DONT_MATCH_NAME,
    { { "goa-identity", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *identity = g_strdup_printf ("imap_smtp:gen0:%s", id);
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) credentials = NULL;
  g_autofree char *text = NULL;

  g_variant_builder_add (builder, "{sv}", "imap-password", g_variant_new_string (password));
  g_variant_builder_add (builder, "{sv}", "smtp-password", g_variant_new_string (password));
  credentials = g_variant_ref_sink (g_variant_builder_end (builder));
  text = g_variant_print (credentials, TRUE);

  secret_password_store_sync (&goa_schema, SECRET_COLLECTION_DEFAULT, "GOA imap_smtp credentials",
                              text, NULL, &error, "goa-identity", identity, NULL);
  g_assert_no_error (error);
}

void
test_session_add_goa_account (TestSession *self,
                              const char  *id,
                              const char  *keys)
{
  g_autofree char *folder = g_build_filename (g_get_user_config_dir (), "goa-1.0", NULL);
  g_autofree char *file = g_build_filename (folder, "accounts.conf", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  if (!g_file_get_contents (file, &before, NULL, NULL))
    before = g_strdup ("");
  after = g_strdup_printf ("%s[Account %s]\n%s\n", before, id, keys);
  g_file_set_contents (file, after, -1, &error);
  g_assert_no_error (error);
}

/* goa-daemon logs this once per account when it has checked its
 * credentials at start. */
static gboolean
accounts_checked_cb (gpointer user_data)
{
  TestSession *self = user_data;
  g_autofree char *conf = g_build_filename (g_get_user_config_dir (), "goa-1.0", "accounts.conf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *log = NULL;
  guint n_accounts = 0, n_checked = 0;

  if (g_file_get_contents (conf, &text, NULL, NULL))
    for (const char *p = text; (p = strstr (p, "[Account ")) != NULL; p++)
      n_accounts++;
  if (g_file_get_contents (self->goa_log, &log, NULL, NULL))
    for (const char *p = log; (p = strstr (p, "Handled EnsureCredentials")) != NULL; p++)
      n_checked++;
  return name_has_owner ("org.gnome.OnlineAccounts") && n_checked >= n_accounts;
}

void
test_session_start_goa (TestSession *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = daemon_environment ();
  const char *argv[] = { GOA_DAEMON, "--replace", NULL };
  int log_fd;

  g_assert_cmpint (self->goa_pid, ==, 0);
  log_fd = g_file_open_tmp ("objector-goa-XXXXXX.log", &self->goa_log, &error);
  g_assert_no_error (error);
  /* Its debug lines say when it has checked each account. */
  envp = g_environ_setenv (envp, "G_MESSAGES_DEBUG", "all", TRUE);
  g_spawn_async_with_fds (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, test_daemon_child_setup, NULL,
                          &self->goa_pid, -1, log_fd, log_fd, &error);
  g_assert_no_error (error);
  close (log_fd);

  test_util_wait_for ("goa-daemon on the bus, its accounts checked", accounts_checked_cb, self);
}

static char *
goa_imap_keys (guint    imaps_port,
               gboolean enabled)
{
  return g_strdup_printf ("Provider=imap_smtp\n"
                          "Identity=zoe@example.org\n"
                          "PresentationIdentity=zoe@example.org\n"
                          "Enabled=%s\n"
                          "EmailAddress=zoe@example.org\n"
                          "Name=Zoe\n"
                          "ImapHost=127.0.0.1:%u\n"
                          "ImapUserName=" TEST_DOVECOT_USER "\n"
                          "ImapUseSsl=true\n"
                          "ImapUseTls=false\n"
                          /* For goa-daemon's own check at start (its system
                           * authorities do not know the test's certificate);
                           * Objector always verifies, against the CA file. */
                          "ImapAcceptSslErrors=true\n"
                          "SmtpHost=127.0.0.1:1\n"
                          "SmtpUseAuth=false\n"
                          "SmtpUseSsl=false\n"
                          "SmtpUseTls=true\n",
                          enabled ? "true" : "false", imaps_port);
}

void
test_session_start_goa_on_dovecot (TestSession *self,
                                   guint        imaps_port)
{
  g_autofree char *keys = goa_imap_keys (imaps_port, TRUE);
  g_autofree char *keys_off = goa_imap_keys (imaps_port, FALSE);

  test_session_add_goa_account (self, TEST_SESSION_GOA_READY, keys);
  test_session_store_goa_password (self, TEST_SESSION_GOA_READY, TEST_DOVECOT_PASSWORD);
  test_session_add_goa_account (self, TEST_SESSION_GOA_WRONG, keys);
  test_session_store_goa_password (self, TEST_SESSION_GOA_WRONG, "not the password");
  test_session_add_goa_account (self, TEST_SESSION_GOA_MAIL_OFF, keys_off);
  test_session_store_goa_password (self, TEST_SESSION_GOA_MAIL_OFF, TEST_DOVECOT_PASSWORD);
  test_session_start_goa (self);
}

void
test_session_keep_password (ObjectorImapAccount *imap,
                            const char          *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  objector_keyring_store_async (imap, password, NULL, test_util_store_result_cb, &result);
  test_util_wait_result (&result);
  g_assert_true (objector_keyring_store_finish (result, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GTestFunc body;
  gboolean  keyring;
  gboolean  goa;
  gboolean  dovecot;
} Isolated;

static void
run_isolated (gconstpointer data)
{
  const Isolated *isolated = data;

  if (g_test_subprocess ())
    {
      isolated->body ();
      return;
    }

  TEST_SESSION_SKIP_UNLESS (test_session_unavailable ());
  if (isolated->keyring || isolated->goa)
    TEST_SESSION_SKIP_UNLESS (test_session_daemons_missing (isolated->goa));
  if (isolated->dovecot)
    TEST_SESSION_SKIP_UNLESS (test_dovecot_unavailable ());
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

void
test_session_add_isolated (const char *path,
                           GTestFunc   body,
                           gboolean    keyring,
                           gboolean    goa,
                           gboolean    dovecot)
{
  Isolated *isolated = g_new0 (Isolated, 1);

  *isolated = (Isolated) { body, keyring, goa, dovecot };
  g_test_add_data_func_full (path, isolated, run_isolated, g_free);
}

/* The session the program's tests share */

typedef struct
{
  TestSession *session;
  TestDovecot *dovecot;
  char        *flags;    /* INBOX's flags as Dovecot started */
} Shared;

static Shared *shared;

static void
shared_stop (gpointer data)
{
  /* At the end of the program: its environment no longer matters. */
  g_clear_pointer (&shared->session, session_end);
  g_clear_pointer (&shared->dovecot, test_dovecot_free);
  g_free (shared->flags);
  g_clear_pointer (&shared, g_free);
}

/* Started in this process, which then stays on the private bus: the
 * processes of the tests it starts from then on inherit the bus's address
 * and Dovecot's description. Its environment is set before the first
 * connection to the bus, which starts GDBus's thread (setenv() is not safe
 * beside a thread that may read the environment). */
static void
shared_start (void)
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autofree char *description = NULL;

  shared = g_new0 (Shared, 1);
  shared->dovecot = test_dovecot_new_with_answers ();
  description = test_dovecot_describe (shared->dovecot);
  g_setenv (SHARED_DOVECOT_ENV, description, TRUE);
  shared->session = test_session_new ();
  /* GTestDBus empties DISPLAY (against X11's D-Bus autolaunch). */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  test_session_start_keyring (shared->session);
  test_session_start_goa_on_dovecot (shared->session, test_dovecot_imaps_port (shared->dovecot));
  shared->flags = test_dovecot_flags (shared->dovecot);
  test_util_at_end (shared_stop, NULL);
}

/* Before each test: what a test may have changed, as it was. */
static void
shared_reset (void)
{
  /* Objector's passwords: every item of its schema, whatever the account. */
  static const SecretSchema objector_schema = { OBJECTOR_KEYRING_SCHEMA, SECRET_SCHEMA_NONE, { { NULL, 0 } } };
  g_autoptr(GError) error = NULL;

  secret_password_clear_sync (&objector_schema, NULL, &error, NULL);
  g_assert_no_error (error);
  /* What the test finds in Dovecot's log is what it caused. */
  test_dovecot_wait_idle (shared->dovecot);
}

static void
run_shared (gconstpointer data)
{
  const GTestFunc *body = data;
  g_autofree char *flags = NULL;

  if (g_test_subprocess ())
    {
      (*body) ();
      return;
    }

  TEST_SESSION_SKIP_UNLESS (test_session_unavailable ());
  TEST_SESSION_SKIP_UNLESS (test_session_daemons_missing (TRUE));
  TEST_SESSION_SKIP_UNLESS (test_dovecot_unavailable ());
  if (shared == NULL)
    shared_start ();
  shared_reset ();

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* The mail as it was: the tests share it (\Seen set or taken, a
   * message moved or deleted, would change what the next one finds). */
  flags = test_dovecot_flags (shared->dovecot);
  g_assert_cmpstr (flags, ==, shared->flags);
}

void
test_session_add_shared (const char *path,
                         GTestFunc   body)
{
  GTestFunc *data = g_new (GTestFunc, 1);

  *data = body;
  g_test_add_data_func_full (path, data, run_shared, g_free);
}

TestDovecot *
test_session_shared_dovecot (void)
{
  const char *description = g_getenv (SHARED_DOVECOT_ENV);

  g_assert_nonnull (description);
  return test_dovecot_new_attached (description);
}

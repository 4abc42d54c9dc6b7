/* objector-test-dovecot.c — a real IMAP server for the tests
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "objector-test-daemon.h"
#include "objector-test-dovecot.h"
#include "objector-test-util.h"

/* How long Dovecot may take to start (its auth process answers last). A
 * wait ends as soon as the server greets; this only bounds a broken one. */
#define START_SECONDS 60

struct _TestDovecot
{
  char    *dir;
  char    *conf;
  char    *maildir;
  char    *ca_file;
  char    *log_file;
  char    *dovecot;
  char    *doveadm;
  guint    imap_port;
  guint    imaps_port;
  GPid     pid;
  gboolean running;
  uid_t    mail_uid;
  gid_t    mail_gid;
  guint    delivered;
  /* A handle on a server another process started and stops. */
  gboolean attached;
  guint    n_idle_checks;
};

static char *
find_tool (const char *name)
{
  char *path = g_find_program_in_path (name);
  g_autofree char *sbin = g_build_filename ("/usr/sbin", name, NULL);

  if (path == NULL && g_file_test (sbin, G_FILE_TEST_IS_EXECUTABLE))
    path = g_steal_pointer (&sbin);
  return path;
}

char *
test_dovecot_unavailable (void)
{
  g_autofree char *dovecot = find_tool ("dovecot");
  g_autofree char *doveadm = find_tool ("doveadm");
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *imap = g_strdup ("/usr/lib/dovecot/imap");

  if (dovecot == NULL || doveadm == NULL)
    return g_strdup ("Dovecot is not installed (Debian: dovecot-imapd; build-aux/test installs it)");
  if (!g_file_test (imap, G_FILE_TEST_IS_EXECUTABLE) && !g_file_test ("/usr/libexec/dovecot/imap", G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup ("Dovecot's IMAP server is not installed (Debian: dovecot-imapd)");
  if (openssl == NULL)
    return g_strdup ("openssl is not installed: it makes the server's certificate");
  return NULL;
}

static void
run_or_fail (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s%s", argv[0], out, err);
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  local = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
}

static void
make_maildir (TestDovecot *self,
              const char  *path)
{
  static const char * const subs[] = { "cur", "new", "tmp" };

  for (guint i = 0; i < G_N_ELEMENTS (subs); i++)
    {
      g_autofree char *sub = g_build_filename (path, subs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
      if (geteuid () == 0)
        g_assert_cmpint (chown (sub, self->mail_uid, self->mail_gid), ==, 0);
    }
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, self->mail_uid, self->mail_gid), ==, 0);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The tools, the files in @dir and who owns the mail. */
static TestDovecot *
new_in (char *dir)
{
  TestDovecot *self = g_new0 (TestDovecot, 1);

  self->dovecot = find_tool ("dovecot");
  self->doveadm = find_tool ("doveadm");
  g_assert_nonnull (self->dovecot);

  self->dir = dir;
  self->conf = g_build_filename (self->dir, "dovecot.conf", NULL);
  self->maildir = g_build_filename (self->dir, "Maildir", NULL);
  self->ca_file = g_build_filename (self->dir, "cert.pem", NULL);
  self->log_file = g_build_filename (self->dir, "dovecot.log", NULL);

  if (geteuid () == 0)
    {
      /* Dovecot refuses to give mail to root: "nobody" reads it. */
      struct passwd *nobody = getpwnam ("nobody");

      self->mail_uid = nobody != NULL ? nobody->pw_uid : 65534;
      self->mail_gid = nobody != NULL ? nobody->pw_gid : 65534;
    }
  else
    {
      self->mail_uid = geteuid ();
      self->mail_gid = getegid ();
    }
  return self;
}

TestDovecot *
test_dovecot_new (void)
{
  TestDovecot *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *passwd = NULL;
  g_autofree char *passwd_line = NULL;
  /* Unix socket paths are short: /tmp, not a deep private folder. */
  char *dir = g_dir_make_tmp ("objector-dovecot-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (strlen (dir), <, 60);
  self = new_in (dir);
  /* As root, the mail's owner ("nobody") must be able to pass through. */
  if (geteuid () == 0)
    g_assert_cmpint (g_chmod (self->dir, 0711), ==, 0);

  key = g_build_filename (self->dir, "key.pem", NULL);
  passwd = g_build_filename (self->dir, "passwd", NULL);

  make_maildir (self, self->maildir);

  {
    const char *argv[] = {
      "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
      "-nodes", "-keyout", key, "-out", self->ca_file, "-days", "2", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", NULL
    };

    run_or_fail (argv);
  }

  passwd_line = g_strdup_printf ("%s:{PLAIN}%s:%u:%u::%s::\n", TEST_DOVECOT_USER, TEST_DOVECOT_PASSWORD,
                                 (guint) self->mail_uid, (guint) self->mail_gid, self->maildir);
  write_file (passwd, passwd_line);

  return self;
}

static void
write_config (TestDovecot *self)
{
  g_autoptr(GString) conf = g_string_new (NULL);
  g_autofree char *run = g_build_filename (self->dir, "run", NULL);
  g_autofree char *state = g_build_filename (self->dir, "state", NULL);
  g_autofree char *key = g_build_filename (self->dir, "key.pem", NULL);
  g_autofree char *passwd = g_build_filename (self->dir, "passwd", NULL);
  gboolean root = geteuid () == 0;
  const char *internal_user;
  const char *internal_group;
  const char *login_user;

  if (root)
    {
      struct group *group = getgrgid (0);

      internal_user = "root";
      internal_group = group != NULL ? group->gr_name : "root";
      login_user = "nobody";
    }
  else
    {
      struct passwd *me = getpwuid (geteuid ());
      struct group *group = getgrgid (getegid ());

      g_assert_nonnull (me);
      g_assert_nonnull (group);
      internal_user = login_user = me->pw_name;
      internal_group = group->gr_name;
    }

  g_assert_cmpint (g_mkdir_with_parents (state, 0700), ==, 0);

  g_string_append_printf (conf,
                          "base_dir = %s\n"
                          "state_dir = %s\n"
                          "log_path = %s\n"
                          "instance_name = objector-test-%d\n"
                          "protocols = imap\n"
                          "listen = 127.0.0.1\n"
                          "ssl = required\n"
                          "ssl_cert = <%s\n"
                          "ssl_key = <%s\n"
                          "auth_mechanisms = plain login xoauth2\n"
                          /* A refused login is answered at once: no
                           * delay of 2 s before the answer, and no growing
                           * penalty (2, 4, 8, 15 s) for the next login from
                           * the same address, even the right one, which
                           * anvil counts across sessions. Both are timers
                           * against guessing, nothing a test asserts. */
                          "auth_failure_delay = 0\n"
                          /* For test_dovecot_wait_idle()'s own connection. */
                          "imap_id_log = name\n"
                          "default_internal_user = %s\n"
                          "default_internal_group = %s\n"
                          "default_login_user = %s\n"
                          "mail_location = maildir:%s\n"
                          "passdb {\n  driver = passwd-file\n  args = %s\n}\n"
                          "userdb {\n  driver = passwd-file\n  args = %s\n}\n"
                          "service imap-login {\n%s"
                          "  inet_listener imap {\n    port = %u\n  }\n"
                          "  inet_listener imaps {\n    port = %u\n    ssl = yes\n  }\n"
                          "}\n"
                          "service anvil {\n"
                          "  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n"
                          "}\n",
                          run, state, self->log_file, (int) getpid (), self->ca_file, key,
                          internal_user, internal_group, login_user, self->maildir,
                          passwd, passwd, root ? "" : "  chroot =\n",
                          self->imap_port, self->imaps_port);

  /* Only root may chroot: elsewhere the services that would do so run as
   * they are. */
  if (!root)
    {
      static const char * const chrooted[] = {
        "anvil", "ipc", "old-stats", "aggregator", "director", "imap-urlauth-login",
      };

      for (guint i = 0; i < G_N_ELEMENTS (chrooted); i++)
        g_string_append_printf (conf, "service %s {\n  chroot =\n}\n", chrooted[i]);
    }

  write_file (self->conf, conf->str);
}

/* Greeted on the plain port: "* OK [CAPABILITY …] … ready." (earlier lines
 * say the authentication process is still starting). */
static gboolean
greets (TestDovecot *self)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GDataInputStream) in = NULL;

  g_socket_client_set_timeout (client, 5);
  g_socket_client_set_enable_proxy (client, FALSE);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", self->imap_port, NULL, NULL);
  if (connection == NULL)
    return FALSE;

  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, NULL);

      if (line == NULL)
        return FALSE;
      if (strstr (line, "[CAPABILITY") != NULL)
        return TRUE;
    }
}

static gboolean
has_exited (TestDovecot *self)
{
  int status;

  if (waitpid (self->pid, &status, WNOHANG) == self->pid)
    {
      self->running = FALSE;
      return TRUE;
    }
  return FALSE;
}

void
test_dovecot_start (TestDovecot *self)
{
  g_return_if_fail (!self->running);
  g_return_if_fail (!self->attached);

  /* A port found free may be taken before Dovecot binds it: try again. */
  for (guint attempt = 0; attempt < 5 && !self->running; attempt++)
    {
      g_autoptr(GError) error = NULL;
      const char *argv[] = { self->dovecot, "-F", "-c", self->conf, NULL };
      gint64 deadline = g_get_monotonic_time () + START_SECONDS * G_USEC_PER_SEC;

      self->imap_port = free_port ();
      do
        self->imaps_port = free_port ();
      while (self->imaps_port == self->imap_port);
      write_config (self);

      /* On the real clock (objector-test-daemon.h). Objector checks the
       * certificate against the moved date, at which the test made it. */
      g_auto(GStrv) envp = test_daemon_environment ();

      g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                     test_daemon_child_setup, NULL, &self->pid, &error);
      g_assert_no_error (error);
      self->running = TRUE;

      while (!greets (self))
        {
          if (has_exited (self))
            break;
          if (g_get_monotonic_time () > deadline)
            {
              g_autofree char *log = test_dovecot_log (self);

              g_error ("Dovecot did not greet within %d s; its log:\n%s", START_SECONDS, log);
            }
          g_usleep (20 * 1000);
        }

      if (!self->running)
        {
          g_autofree char *log = test_dovecot_log (self);

          g_test_message ("Dovecot stopped at start (attempt %u); its log:\n%s", attempt + 1, log);
        }
    }

  if (!self->running)
    {
      g_autofree char *log = test_dovecot_log (self);

      g_error ("Dovecot would not start; its log:\n%s", log);
    }
}

void
test_dovecot_stop (TestDovecot *self)
{
  if (!self->running)
    return;
  test_daemon_stop (&self->pid);
  self->running = FALSE;
}

char *
test_dovecot_describe (TestDovecot *self)
{
  g_return_val_if_fail (self->running, NULL);
  return g_strdup_printf ("%u %u %s", self->imap_port, self->imaps_port, self->dir);
}

TestDovecot *
test_dovecot_new_attached (const char *description)
{
  g_auto(GStrv) parts = g_strsplit (description, " ", 3);
  TestDovecot *self;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  self = new_in (g_strdup (parts[2]));
  self->attached = TRUE;
  self->imap_port = (guint) g_ascii_strtoull (parts[0], NULL, 10);
  self->imaps_port = (guint) g_ascii_strtoull (parts[1], NULL, 10);
  g_assert_cmpuint (self->imap_port, >, 0);
  g_assert_cmpuint (self->imaps_port, >, 0);
  g_assert_true (g_file_test (self->conf, G_FILE_TEST_IS_REGULAR));
  return self;
}

void
test_dovecot_free (TestDovecot *self)
{
  if (self == NULL)
    return;
  test_dovecot_stop (self);
  if (!self->attached && g_getenv ("OBJECTOR_TEST_KEEP") == NULL)
    test_util_rm_rf (self->dir);
  g_free (self->dir);
  g_free (self->conf);
  g_free (self->maildir);
  g_free (self->ca_file);
  g_free (self->log_file);
  g_free (self->dovecot);
  g_free (self->doveadm);
  g_free (self);
}

guint
test_dovecot_imap_port (TestDovecot *self)
{
  return self->imap_port;
}

guint
test_dovecot_imaps_port (TestDovecot *self)
{
  return self->imaps_port;
}

const char *
test_dovecot_ca_file (TestDovecot *self)
{
  return self->ca_file;
}

const char *
test_dovecot_maildir (TestDovecot *self)
{
  return self->maildir;
}

char *
test_dovecot_url (TestDovecot *self,
                  const char  *mailbox)
{
  return g_strdup_printf ("imaps://%s@127.0.0.1:%u/%s", TEST_DOVECOT_USER, self->imaps_port, mailbox);
}

void
test_dovecot_deliver (TestDovecot *self,
                      const char  *mailbox,
                      const char  *text,
                      gsize        length,
                      GDateTime   *received,
                      gboolean     seen)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf times;
  gint64 when = g_date_time_to_unix (received);

  if (mailbox == NULL || g_str_equal (mailbox, "INBOX"))
    folder = g_strdup (self->maildir);
  else
    {
      g_autofree char *dot = g_strconcat (".", mailbox, NULL);

      folder = g_build_filename (self->maildir, dot, NULL);
      if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
        make_maildir (self, folder);
    }

  /* Maildir names: time, a unique part, the host; flags after ":2,". */
  self->delivered++;
  name = g_strdup_printf ("%" G_GINT64_FORMAT ".M%uP%d.objector-test%s", when, self->delivered,
                          (int) getpid (), seen ? ":2,S" : "");
  path = g_build_filename (folder, seen ? "cur" : "new", name, NULL);

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  times.actime = times.modtime = when;
  g_assert_cmpint (utime (path, &times), ==, 0);
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, self->mail_uid, self->mail_gid), ==, 0);
}

static void
add_names (GPtrArray  *names,
           const char *folder,
           const char *sub)
{
  g_autofree char *path = g_build_filename (folder, sub, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (sub, name, NULL));
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
test_dovecot_list_files (TestDovecot *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  add_names (names, self->maildir, "new");
  add_names (names, self->maildir, "cur");
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static char *
doveadm (TestDovecot        *self,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, self->doveadm);
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, self->conf);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("doveadm failed:\n%s%s", out, err);
  return g_steal_pointer (&out);
}

char *
test_dovecot_flags (TestDovecot *self)
{
  const char *args[] = { "fetch", "-u", TEST_DOVECOT_USER, "uid flags", "mailbox", "INBOX", "all", NULL };
  g_autofree char *out = doveadm (self, args);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(GString) flags = g_string_new (NULL);

  /* \Recent belongs to whichever session saw a message first, not to it. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "uid: ") || g_str_has_prefix (lines[i], "flags:"))
      {
        g_autofree char *line = g_strdup (lines[i]);
        char *recent;

        while ((recent = strstr (line, "\\Recent")) != NULL)
          memmove (recent, recent + 7, strlen (recent + 7) + 1);
        g_string_append_printf (flags, "%s\n", g_strstrip (line));
      }
  return g_string_free (g_steal_pointer (&flags), FALSE);
}

char *
test_dovecot_status (TestDovecot *self)
{
  const char *args[] = { "mailbox", "status", "-u", TEST_DOVECOT_USER, "messages unseen", "INBOX", NULL };

  return g_strstrip (doveadm (self, args));
}

char *
test_dovecot_log (TestDovecot *self)
{
  char *log = NULL;

  if (!g_file_get_contents (self->log_file, &log, NULL, NULL))
    return g_strdup ("");
  return log;
}

static guint
count_logouts (const char *log)
{
  guint n = 0;

  for (const char *p = log; (p = strstr (p, "Disconnected: Logged out")) != NULL; p++)
    n++;
  return n;
}

guint
test_dovecot_n_logouts (TestDovecot *self)
{
  g_autofree char *log = test_dovecot_log (self);

  return count_logouts (log);
}

gint64
test_dovecot_logout_counter (TestDovecot *self,
                             guint        n,
                             const char  *name)
{
  g_autofree char *log = NULL;
  g_autofree char *key = g_strconcat (" ", name, "=", NULL);
  gint64 deadline = g_get_monotonic_time () + START_SECONDS * G_USEC_PER_SEC;
  const char *line = NULL;
  const char *at;

  /* Dovecot's log process writes the line a moment after the client left. */
  for (;;)
    {
      g_clear_pointer (&log, g_free);
      log = test_dovecot_log (self);
      if (count_logouts (log) >= n)
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("Dovecot logged no logout number %u; its log:\n%s", n, log);
      g_usleep (10 * 1000);
    }

  for (const char *p = log; (p = strstr (p, "Disconnected: Logged out")) != NULL; p++)
    if (--n == 0)
      {
        line = p;
        break;
      }
  if (line == NULL || (at = strstr (line, key)) == NULL)
    return -1;
  return g_ascii_strtoll (at + strlen (key), NULL, 10);
}

/* Idle */

/* Whether the server still holds a connection on one of its ports, in the
 * kernel's table of TCP sockets: open (ESTABLISHED 1, SYN_RECV 3) or
 * closed by the client but not yet by the server (CLOSE_WAIT 8). Dovecot
 * logs the end of a connection before it closes its end. */
static gboolean
holds_connections (TestDovecot *self)
{
  g_autofree char *table = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_file_get_contents ("/proc/net/tcp", &table, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (table, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      unsigned int port, state;

      if (sscanf (lines[i], " %*u: %*x:%x %*x:%*x %x", &port, &state) == 2
          && (port == self->imap_port || port == self->imaps_port)
          && (state == 1 || state == 3 || state == 8))
        return TRUE;
    }
  return FALSE;
}

/* The first line of @lines from @from on that holds @a and @b, or -1. */
static int
find_line (char       **lines,
           int          from,
           const char  *a,
           const char  *b)
{
  for (int i = from; lines[i] != NULL; i++)
    if (strstr (lines[i], a) != NULL && strstr (lines[i], b) != NULL)
      return i;
  return -1;
}

/* "session=<ID>" of @line, or NULL. */
static char *
session_of (const char *line)
{
  const char *start = strstr (line, "session=<");
  const char *end = start != NULL ? strchr (start, '>') : NULL;

  return end != NULL ? g_strndup (start, end + 1 - start) : NULL;
}

/* Whether each session that logged in ("imap-login: Info: Login: …,
 * session=<ID>") has logged its end ("imap(zoe)<PID><ID>: Info:
 * Disconnected: …"): the IMAP process that served it writes that line
 * through a pipe of its own, after the login process closed the
 * connection. */
static gboolean
sessions_ended (char **lines)
{
  for (int i = 0; (i = find_line (lines, i, "imap-login: Info: Login: ", "")) >= 0; i++)
    {
      g_autofree char *session = session_of (lines[i]);
      g_autofree char *ended = NULL;

      if (session == NULL)
        return FALSE;
      /* "<ID>: Info: Disconnected" */
      ended = g_strdup_printf ("%s: Info: Disconnected", session + strlen ("session="));
      if (find_line (lines, i + 1, ended, "") < 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
idle_cb (gpointer user_data)
{
  TestDovecot *self = user_data;
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;

  if (holds_connections (self))
    return FALSE;
  log = test_dovecot_log (self);
  lines = g_strsplit (log, "\n", -1);
  return sessions_ended (lines);
}

/* A connection to the plain port that says who it is and leaves:
 * imap-login logs "ID sent: name=@name: …, session=<ID>" (imap_id_log) at
 * once, and "Disconnected: … session=<ID>" as the connection ends. */
static void
connect_as (TestDovecot *self,
            const char  *name)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup_printf ("a ID (\"name\" \"%s\")\r\n", name);

  g_socket_client_set_timeout (client, START_SECONDS);
  g_socket_client_set_enable_proxy (client, FALSE);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", self->imap_port, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), command, strlen (command),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  /* The greeting, "* ID …", then "a OK ID completed.". */
  in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "a "))
        {
          g_assert_true (g_str_has_prefix (line, "a OK "));
          break;
        }
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

typedef struct
{
  TestDovecot *self;
  const char  *logged;   /* "name=objector-idle-N:" */
} Leaving;

/* Whether the connection of connect_as() has logged its end. */
static gboolean
left_cb (gpointer user_data)
{
  Leaving *leaving = user_data;
  g_autofree char *log = test_dovecot_log (leaving->self);
  g_auto(GStrv) lines = g_strsplit (log, "\n", -1);
  int sent = find_line (lines, 0, "imap-login: Info: ID sent: ", leaving->logged);
  g_autofree char *session = sent >= 0 ? session_of (lines[sent]) : NULL;

  return session != NULL && find_line (lines, sent + 1, "imap-login: Info: Disconnected", session) >= 0;
}

void
test_dovecot_wait_idle (TestDovecot *self)
{
  g_autofree char *name = g_strdup_printf ("objector-idle-%u", ++self->n_idle_checks);
  g_autofree char *logged = g_strdup_printf ("name=%s:", name);

  test_util_wait_for ("Dovecot to close every connection and log the end of each session", idle_cb, self);
  /* The login processes of the connections that ended wrote their last
   * lines before they closed them, into the one pipe to Dovecot's log
   * process that they share with the next one: once that one's last line
   * is in the log, theirs are. */
  connect_as (self, name);
  test_util_wait_for ("Dovecot to log the end of the test's own connection", left_cb,
                      &(Leaving) { self, logged });
}

void
test_dovecot_deliver_data (TestDovecot *self,
                           const char  *name,
                           const char  *received)
{
  gsize length;
  g_autofree char *text = test_util_read_data (&length, "mail", name, NULL);
  g_autoptr(GDateTime) when = test_util_time (received);

  test_dovecot_deliver (self, NULL, text, length, when, FALSE);
}

TestDovecot *
test_dovecot_new_with_answers (void)
{
  TestDovecot *self = test_dovecot_new ();

  test_dovecot_deliver_data (self, "receipt-en-crlf.eml", "2026-11-24T02:01:50Z");
  test_dovecot_deliver_data (self, "approval-de.eml", "2026-11-24T08:12:10Z");
  test_dovecot_deliver_data (self, "lookalike.eml", "2026-11-24T08:30:05Z");
  test_dovecot_start (self);
  return self;
}

/* test-stall.c — the main loop keeps ticking while a mail scan and link checks run
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window lives on the main loop: a scan of a large mbox file
 * (objector_mail_scanner_scan_async) and link checks against a slow server
 * (objector_net_check_link_async) must leave it free. A 10 ms timeout
 * source records the longest gap between its ticks while both run; it must
 * stay under 50 ms. The server is a SoupServer on 127.0.0.1 that answers
 * each request only after a delay, on the same main loop, as a slow site
 * would.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "objector-mail-scanner.h"
#include "objector-net.h"
#include "objector-net-private.h"
#include "objector-playbook.h"

#define TICK_MS        10
#define MAX_GAP_MS     50
#define MBOX_MESSAGES  40000   /* about 75 MB */
#define META_EVERY     100
#define SLOW_REPLY_MS  600
#define N_LINKS        6

typedef struct
{
  GMainLoop *loop;
  gint64     last_tick;
  gint64     longest_gap;
  guint      n_ticks;
  guint      pending;        /* operations still running */
  GPtrArray *found;          /* the scan's result */
  guint      n_found_signals;
  guint      n_links_done;
  guint      n_links_reachable;
  gint64     scan_began;
  gint64     scan_took;
} Stall;

static gboolean
tick_cb (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last_tick != 0)
    stall->longest_gap = MAX (stall->longest_gap, now - stall->last_tick);
  stall->last_tick = now;
  stall->n_ticks++;
  return G_SOURCE_CONTINUE;
}

static void
operation_done (Stall *stall)
{
  if (--stall->pending == 0)
    g_main_loop_quit (stall->loop);
}

/* The mbox: ordinary mail, and one in META_EVERY from Meta. */
static char *
write_mbox (const char *dir)
{
  g_autofree char *filename = g_build_filename (dir, "large.mbox", NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  FILE *file;

  for (guint i = 0; i < 20; i++)
    g_string_append (body, "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n");

  file = g_fopen (filename, "w");
  g_assert_nonnull (file);
  for (guint i = 0; i < MBOX_MESSAGES; i++)
    {
      if (i % META_EVERY == 0)
        fprintf (file,
                 "From noreply@facebookmail.com Tue Nov 24 11:00:00 2026\n"
                 "From: Facebook <noreply@facebookmail.com>\n"
                 "To: zoe@example.org\n"
                 "Subject: We received your request\n"
                 "Date: Tue, 24 Nov 2026 11:00:00 +0100\n"
                 "Message-ID: <stall-%u@facebookmail.com>\n"
                 "Content-Type: text/plain; charset=utf-8\n"
                 "\n"
                 "We received your request and will review it.\n%s\n",
                 i, body->str);
      else
        fprintf (file,
                 "From friend@example.org Tue Nov 24 11:00:00 2026\n"
                 "From: A friend <friend@example.org>\n"
                 "To: zoe@example.org\n"
                 "Subject: Message %u\n"
                 "Date: Tue, 24 Nov 2026 11:00:00 +0100\n"
                 "Message-ID: <stall-%u@example.org>\n"
                 "\n"
                 "%s\n",
                 i, i, body->str);
    }
  g_assert_cmpint (fclose (file), ==, 0);
  return g_steal_pointer (&filename);
}

static void
found_cb (ObjectorMailScanner *scanner,
          ObjectorMail        *mail,
          Stall               *stall)
{
  stall->n_found_signals++;
}

static void
scan_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Stall *stall = user_data;
  g_autoptr(GError) error = NULL;

  stall->found = objector_mail_scanner_scan_finish (OBJECTOR_MAIL_SCANNER (source), result, &error);
  g_assert_no_error (error);
  stall->scan_took = g_get_monotonic_time () - stall->scan_began;
  operation_done (stall);
}

static void
link_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Stall *stall = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorLinkResult) link = NULL;

  link = objector_net_check_link_finish (OBJECTOR_NET (source), result, &error);
  g_assert_no_error (error);
  stall->n_links_done++;
  if (objector_link_result_get_verdict (link) == OBJECTOR_LINK_VERDICT_REACHABLE)
    stall->n_links_reachable++;
  operation_done (stall);
}

/* The slow site: every answer comes SLOW_REPLY_MS late. */
static gboolean
answer_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;
  static const char page[] = "<!DOCTYPE html><title>Form</title>";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
slow_server_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  soup_server_message_pause (msg);
  g_timeout_add_full (G_PRIORITY_DEFAULT, SLOW_REPLY_MS, answer_cb,
                      g_object_ref (msg), g_object_unref);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_scan_and_link_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("objector-stall-XXXXXX", &error);
  g_autofree char *mbox = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorMailScanner) scanner = NULL;
  g_autoptr(ObjectorNet) net = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoslist(GUri) uris = NULL;
  const char * const allowed[] = { "127.0.0.1", NULL };
  Stall stall = { 0 };
  guint tick;

  g_assert_no_error (error);
  mbox = write_mbox (dir);

  playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, slow_server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);

  stall.loop = g_main_loop_new (NULL, FALSE);
  tick = g_timeout_add (TICK_MS, tick_cb, &stall);

  scanner = objector_mail_scanner_new (playbook);
  g_signal_connect (scanner, "found", G_CALLBACK (found_cb), &stall);
  stall.scan_began = g_get_monotonic_time ();
  objector_mail_scanner_scan_async (scanner, mbox, cancellable, scan_finished_cb, &stall);
  stall.pending++;

  net = objector_net_new ();
  for (guint i = 0; i < N_LINKS; i++)
    {
      g_autofree char *base = g_uri_to_string (uris->data);
      g_autofree char *url = g_strdup_printf ("%sform/%u", base, i);

      objector_net_check_link_async (net, url, allowed, cancellable, link_checked_cb, &stall);
      stall.pending++;
    }

  g_main_loop_run (stall.loop);
  g_source_remove (tick);

  g_test_message ("scan of %d messages took %.0f ms; %u ticks; longest gap %.1f ms",
                  MBOX_MESSAGES, stall.scan_took / 1000.0, stall.n_ticks, stall.longest_gap / 1000.0);

  /* Both really ran, and really took time. */
  g_assert_nonnull (stall.found);
  g_assert_cmpuint (stall.found->len, ==, MBOX_MESSAGES / META_EVERY);
  g_assert_cmpuint (stall.n_found_signals, ==, MBOX_MESSAGES / META_EVERY);
  g_assert_cmpuint (stall.n_links_done, ==, N_LINKS);
  g_assert_cmpuint (stall.n_links_reachable, ==, N_LINKS);
  g_assert_cmpuint (stall.n_ticks, >=, SLOW_REPLY_MS / TICK_MS / 2);
  g_assert_cmpint (stall.scan_took, >=, 5 * TICK_MS * 1000);

  g_assert_cmpint (stall.longest_gap, <, MAX_GAP_MS * 1000);

  g_ptr_array_unref (stall.found);
  g_main_loop_unref (stall.loop);
  soup_server_disconnect (server);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("objector-stall-home-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int status;

  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);
  /* Plain http to 127.0.0.1 for the local server; every other rule holds. */
  objector_net_set_insecure_loopback_for_testing (TRUE);

  g_test_add_func ("/stall/scan-and-link-check", test_scan_and_link_check);
  status = g_test_run ();

  remove_tree (home);
  return status;
}

/* test-stall.c — the main loop keeps turning while a mail scan and link checks run
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window lives on the main loop: a scan of a large mbox file
 * (objector_mail_scanner_scan_async) and link checks against a slow server
 * (objector_net_check_link_async) must leave it free. Proven without a stopwatch:
 *
 * - the scan is held at chosen messages (a test hook in the scanning thread)
 *   until the main loop has turned again; if the scan ran on the main loop it
 *   would wait for ever, and the test fails after a minute;
 * - the slow server is a SoupServer on 127.0.0.1 that answers each request
 *   from a timeout on this same main loop: a link check that blocked the loop
 *   would never get its answer.
 *
 * Built as bench-stall (-DOBJECTOR_BENCH), the same run without the hook
 * measures the longest gap between the ticks of a 10 ms timeout and prints it.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "objector-mail-scanner-private.h"
#include "objector-net.h"
#include "objector-net-private.h"
#include "objector-playbook.h"
#include "objector-test-soup.h"
#include "objector-test-util.h"
#include "objector-url-policy.h"

#define TICK_MS        10
#define HOLD_EVERY     5000    /* messages between two holds of the scan */
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

  /* The handshake with the scanning thread. */
  GMutex     lock;
  GCond      turned;
  guint      turns;          /* ticks of the main loop, under lock */
  guint      holds;          /* times the scan waited for the loop and saw it turn */
  gboolean   held_in_vain;   /* the loop never turned while the scan waited */
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

  g_mutex_lock (&stall->lock);
  stall->turns++;
  g_cond_broadcast (&stall->turned);
  g_mutex_unlock (&stall->lock);
  return G_SOURCE_CONTINUE;
}

#ifndef OBJECTOR_BENCH
/* In the scanning thread: every HOLD_EVERY messages, wait until the main
 * loop has turned twice (the first turn may have begun before we came). */
static void
hold_scan (guint    n_messages,
           gpointer user_data)
{
  Stall *stall = user_data;
  gint64 deadline = g_get_monotonic_time () + (gint64) TEST_UTIL_WAIT_SECONDS * G_USEC_PER_SEC;

  if (n_messages % HOLD_EVERY != 1)
    return;

  g_mutex_lock (&stall->lock);
  guint wanted = stall->turns + 2;
  while (stall->turns < wanted)
    if (!g_cond_wait_until (&stall->turned, &stall->lock, deadline))
      {
        stall->held_in_vain = TRUE;
        break;
      }
  if (stall->turns >= wanted)
    stall->holds++;
  g_mutex_unlock (&stall->lock);
}
#endif

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

  for (guint i = 0; i < 20; i++)
    g_string_append (body, "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n");

  FILE *file = g_fopen (filename, "w");
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

#ifdef OBJECTOR_BENCH
static double
mbox_megabytes (const char *filename)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (filename, &st), ==, 0);
  return st.st_size / 1e6;
}
#endif

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

  g_autoptr(ObjectorLinkResult) link = objector_net_check_link_finish (OBJECTOR_NET (source), result, &error);
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
slow_server_cb (SoupServerMessage *msg,
               const char        *path)
{
  soup_server_message_pause (msg);
  g_timeout_add_full (G_PRIORITY_DEFAULT, SLOW_REPLY_MS, answer_cb,
                      g_object_ref (msg), g_object_unref);
}

static void
test_scan_and_link_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_util_make_dir ("stall");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *base = NULL;
  const char * const allowed[] = { "127.0.0.1", NULL };
  Stall stall = { 0 };

  g_autofree char *mbox = write_mbox (dir);

  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);

  g_autoptr(SoupServer) server = test_util_soup_serve (slow_server_cb, NULL, &base);

  stall.loop = g_main_loop_new (NULL, FALSE);
  g_mutex_init (&stall.lock);
  g_cond_init (&stall.turned);
  guint tick = g_timeout_add (TICK_MS, tick_cb, &stall);
#ifndef OBJECTOR_BENCH
  objector_mail_scanner_set_test_hook (hold_scan, &stall);
#endif

  g_autoptr(ObjectorMailScanner) scanner = objector_mail_scanner_new (playbook);
  g_signal_connect (scanner, "found", G_CALLBACK (found_cb), &stall);
  stall.scan_began = g_get_monotonic_time ();
  objector_mail_scanner_scan_async (scanner, mbox, cancellable, scan_finished_cb, &stall);
  stall.pending++;

  g_autoptr(ObjectorNet) net = objector_net_new ();
  for (guint i = 0; i < N_LINKS; i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/form/%u", base, i);

      objector_net_check_link_async (net, url, allowed, cancellable, link_checked_cb, &stall);
      stall.pending++;
    }

  g_main_loop_run (stall.loop);
  g_source_remove (tick);

  objector_mail_scanner_set_test_hook (NULL, NULL);

#ifdef OBJECTOR_BENCH
  g_print ("scan of %d messages (%.0f MB) with %d slow link checks: %.0f ms; "
           "the main loop ticked %u times, longest gap %.1f ms (a tick is due every %d ms)\n",
           MBOX_MESSAGES, mbox_megabytes (mbox), N_LINKS, stall.scan_took / 1000.0, stall.n_ticks,
           stall.longest_gap / 1000.0, TICK_MS);
#else
  g_test_message ("scan of %d messages took %.0f ms; %u ticks; longest gap %.1f ms (not asserted: "
                  "bench-stall measures it)",
                  MBOX_MESSAGES, stall.scan_took / 1000.0, stall.n_ticks, stall.longest_gap / 1000.0);

  /* The loop turned while the scan was held, every time. */
  g_assert_false (stall.held_in_vain);
  g_assert_cmpuint (stall.holds, ==, (MBOX_MESSAGES + HOLD_EVERY - 1) / HOLD_EVERY);
#endif

  /* Both really ran to the end: the scan found every message from Meta, and
   * every link check got its answer from the server on this loop. */
  g_assert_nonnull (stall.found);
  g_assert_cmpuint (stall.found->len, ==, MBOX_MESSAGES / META_EVERY);
  g_assert_cmpuint (stall.n_found_signals, ==, MBOX_MESSAGES / META_EVERY);
  g_assert_cmpuint (stall.n_links_done, ==, N_LINKS);
  g_assert_cmpuint (stall.n_links_reachable, ==, N_LINKS);

  g_ptr_array_unref (stall.found);
  g_main_loop_unref (stall.loop);
  soup_server_disconnect (server);
  g_mutex_clear (&stall.lock);
  g_cond_clear (&stall.turned);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "stall");
  /* Plain http to 127.0.0.1 for the local server; every other rule holds. */
  objector_url_set_loopback_for_testing (TRUE);

  g_test_add_func ("/stall/scan-and-link-check", test_scan_and_link_check);

  return test_util_run_tests ();
}

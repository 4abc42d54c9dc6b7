/* bench-net.c — what a link check and a playbook update cost, on loopback
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against a SoupServer on 127.0.0.1 (so the numbers are Objector's and
 * libsoup's own, without a real network's latency):
 *
 * - one link check (HEAD, 200), one after the other;
 * - a redirect chain of two hops (three requests);
 * - 50 checks started at once, against the 4 connections per host allowed;
 * - a playbook update of the bundled playbook's size: download, validation
 *   in a thread, atomic 0600 save;
 * - refusing an endless body at the 4 MiB cap.
 *
 * Prints one line per measurement. Uses the tests' loopback exception, so it
 * calls g_test_init() (and runs no test).
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "objector-error.h"
#include "objector-net-private.h"
#include "objector-playbook.h"
#include "objector-test-playbooks.h"
#include "objector-test-soup.h"
#include "objector-test-util.h"
#include "objector-url-policy.h"

#define SEQUENTIAL_CHECKS 200
#define CONCURRENT_CHECKS 50
#define UPDATES 20

static GBytes *playbook_bytes;
static char *playbook_signature;  /* by the test key, as a release is signed */
static const char * const loopback_hosts[] = { "127.0.0.1", NULL };

static void
server_cb (SoupServerMessage *msg,
          const char        *path)
{
  if (g_str_equal (path, "/ok"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<p>form</p>", 11);
    }
  else if (g_str_equal (path, "/hop-1"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/hop-2");
  else if (g_str_equal (path, "/hop-2"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/ok");
  else if (g_str_equal (path, "/playbook.json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (playbook_bytes, NULL),
                                        g_bytes_get_size (playbook_bytes));
    }
  else if (g_str_equal (path, "/playbook.json.sig"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                        playbook_signature, strlen (playbook_signature));
    }
  else if (g_str_equal (path, "/endless.json"))
    test_util_soup_respond_endless (msg, "application/json");
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GPtrArray *results = user_data;

  g_ptr_array_add (results, g_object_ref (result));
}

static void
wait_for (GPtrArray *results,
          guint      n)
{
  test_util_wait_until (results->len >= n);
}

static ObjectorLinkVerdict
check_once (ObjectorNet *net,
            const char  *url)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);

  objector_net_check_link_async (net, url, loopback_hosts, NULL, store_result_cb, results);
  wait_for (results, 1);
  g_autoptr(ObjectorLinkResult) found = objector_net_check_link_finish (net, results->pdata[0], NULL);
  return objector_link_result_get_verdict (found);
}

/* @n checks of @url, one after the other: each must give @verdict. */
static guint
time_checks (ObjectorNet         *net,
             const char          *url,
             ObjectorLinkVerdict  verdict,
             guint                n,
             const char          *what)
{
  gint64 start = g_get_monotonic_time ();
  guint failures = 0;

  for (guint i = 0; i < n; i++)
    failures += check_once (net, url) != verdict;
  g_print ("%-32s %7.3f ms each (%u checks)\n", what, (g_get_monotonic_time () - start) / 1000.0 / n, n);
  return failures;
}

static void
quiet_handler (const char     *log_domain,
               GLogLevelFlags  log_level,
               const char     *message,
               gpointer        user_data)
{
  if ((log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO)) == 0)
    g_log_default_handler (log_domain, log_level, message, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) newer = test_util_bundled_playbook_json ();
  g_autofree char *base = NULL;
  gint64 start, elapsed;
  guint failures = 0;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  test_util_init (&argc, &argv, "bench-net");
  /* A test program shows every debug message: not wanted between numbers. */
  g_log_set_default_handler (quiet_handler, NULL);
  objector_url_set_loopback_for_testing (TRUE);

  json_object_set_int_member (json_node_get_object (newer), "version", 2099010101);
  playbook_bytes = test_util_json_bytes (newer);
  /* Updates must be signed: this program trusts the tests' key, and the
   * update it serves is signed with it (the signature check is part of
   * what an update costs). */
  test_playbooks_trust_test_key ();
  playbook_signature = test_playbooks_sign (playbook_bytes);
  g_autoptr(SoupServer) server = test_util_soup_serve (server_cb, NULL, &base);
  g_autofree char *ok = g_strconcat (base, "/ok", NULL);
  g_autofree char *hop = g_strconcat (base, "/hop-1", NULL);
  g_autofree char *playbook_url = g_strconcat (base, "/playbook.json", NULL);
  g_autofree char *endless_url = g_strconcat (base, "/endless.json", NULL);

  g_autoptr(ObjectorNet) net = objector_net_new ();

  /* Warm-up: the first connection, the TLS backend and proxy look-ups. */
  check_once (net, ok);

  failures += time_checks (net, ok, OBJECTOR_LINK_VERDICT_REACHABLE, SEQUENTIAL_CHECKS,
                           "link check, one at a time:");
  failures += time_checks (net, hop, OBJECTOR_LINK_VERDICT_MOVED, SEQUENTIAL_CHECKS,
                           "two redirects to the page:");

  {
    g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);

    start = g_get_monotonic_time ();
    for (guint i = 0; i < CONCURRENT_CHECKS; i++)
      objector_net_check_link_async (net, ok, loopback_hosts, NULL, store_result_cb, results);
    wait_for (results, CONCURRENT_CHECKS);
    elapsed = g_get_monotonic_time () - start;
    for (guint i = 0; i < results->len; i++)
      {
        g_autoptr(ObjectorLinkResult) found = objector_net_check_link_finish (net, results->pdata[i], NULL);
        failures += objector_link_result_get_verdict (found) != OBJECTOR_LINK_VERDICT_REACHABLE;
      }
    g_print ("%u checks at once:               %7.3f ms in all\n", CONCURRENT_CHECKS, elapsed / 1000.0);
  }

  g_autoptr(ObjectorPlaybook) bundled = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < UPDATES; i++)
    {
      g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(ObjectorPlaybook) updated = NULL;
      ObjectorPlaybookUpdateResult outcome;

      test_util_reset_data ();
      objector_net_update_playbook_async (net, playbook_url, bundled, NULL, store_result_cb, results);
      wait_for (results, 1);
      updated = objector_net_update_playbook_finish (net, results->pdata[0], &outcome, NULL);
      failures += updated == NULL || outcome != OBJECTOR_PLAYBOOK_UPDATE_INSTALLED;
    }
  elapsed = g_get_monotonic_time () - start;
  g_print ("playbook update (%5.1f KiB):      %7.3f ms each, fetch + signature + validate + save (%u updates)\n",
           g_bytes_get_size (playbook_bytes) / 1024.0, elapsed / 1000.0 / UPDATES, UPDATES);

  {
    g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GError) update_error = NULL;
    g_autoptr(ObjectorPlaybook) updated = NULL;

    test_util_reset_data ();
    start = g_get_monotonic_time ();
    objector_net_update_playbook_async (net, endless_url, bundled, NULL, store_result_cb, results);
    wait_for (results, 1);
    updated = objector_net_update_playbook_finish (net, results->pdata[0], NULL, &update_error);
    elapsed = g_get_monotonic_time () - start;
    failures += !g_error_matches (update_error, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE);
    g_print ("endless body refused at 4 MiB:   %7.3f ms\n", elapsed / 1000.0);
  }

  g_bytes_unref (playbook_bytes);
  g_free (playbook_signature);
  test_util_clean_up ();

  if (failures > 0)
    {
      g_printerr ("bench-net: %u results were not what they should be\n", failures);
      return 1;
    }

  return 0;
}

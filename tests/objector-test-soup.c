/* objector-test-soup.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-test-soup.h"

char *
test_util_soup_listen (SoupServer *server,
                       gboolean    https)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *base;

  soup_server_listen_local (server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY | (https ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  if (error != NULL)
    g_error ("The test server cannot listen on 127.0.0.1: %s", error->message);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("%s://127.0.0.1:%d", https ? "https" : "http", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return base;
}

static void
serve_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  TestUtilSoupHandler handler = (TestUtilSoupHandler) user_data;

  handler (msg, path);
}

SoupServer *
test_util_soup_serve (TestUtilSoupHandler   handler,
                      GTlsCertificate      *certificate,
                      char                **base)
{
  SoupServer *server = soup_server_new ("server-header", "objector-test",
                                        "tls-certificate", certificate,
                                        NULL);

  soup_server_add_handler (server, NULL, serve_cb, (gpointer) handler, NULL);
  *base = test_util_soup_listen (server, certificate != NULL);
  return server;
}

static void
wrote_chunk_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  static char chunk[64 * 1024];

  memset (chunk, ' ', sizeof chunk);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            chunk, sizeof chunk);
}

void
test_util_soup_respond_endless (SoupServerMessage *msg,
                                const char        *content_type)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, content_type, NULL);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (wrote_chunk_cb), NULL);
  wrote_chunk_cb (msg, NULL);
}

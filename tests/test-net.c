/* test-net.c — link checks and playbook updates against SoupServers on 127.0.0.1
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "objector-enums.h"
#include "objector-error.h"
#include "objector-net-private.h"
#include "objector-playbook.h"
#include "objector-resources.h"
#include "objector-test-util.h"

#define NEWER_VERSION 2099010101
#define OLDER_VERSION 2020010101
#define ETAG "\"playbook-v1\""
#define LAST_MODIFIED "Wed, 01 Jan 2099 00:00:00 GMT"
#define NO_OUTCOME ((ObjectorPlaybookUpdateResult) 99)

/* A resolver that knows no name: nothing here may reach a real DNS server,
 * and it tells how often it was asked. With @hang it never answers. */

#define FAKE_TYPE_RESOLVER (fake_resolver_get_type ())
G_DECLARE_FINAL_TYPE (FakeResolver, fake_resolver, FAKE, RESOLVER, GResolver)

struct _FakeResolver
{
  GResolver parent_instance;
  guint     lookups;
  gboolean  hang;
};

G_DEFINE_FINAL_TYPE (FakeResolver, fake_resolver, G_TYPE_RESOLVER)

static GList *
fake_lookup_by_name (GResolver     *resolver,
                     const char    *hostname,
                     GCancellable  *cancellable,
                     GError       **error)
{
  FAKE_RESOLVER (resolver)->lookups++;
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
               "The test resolver knows no “%s”", hostname);
  return NULL;
}

static GList *
fake_lookup_by_name_with_flags (GResolver                 *resolver,
                                const char                *hostname,
                                GResolverNameLookupFlags   flags,
                                GCancellable              *cancellable,
                                GError                   **error)
{
  return fake_lookup_by_name (resolver, hostname, cancellable, error);
}

static gboolean
return_cancelled_cb (gpointer user_data)
{
  GTask *task = user_data;

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Lookup cancelled");
  return G_SOURCE_REMOVE;
}

static void
on_lookup_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  /* Not from inside the signal: the caller may still hold locks. */
  g_idle_add_full (G_PRIORITY_DEFAULT, return_cancelled_cb, g_object_ref (user_data), g_object_unref);
}

static void
fake_lookup_by_name_with_flags_async (GResolver                *resolver,
                                      const char               *hostname,
                                      GResolverNameLookupFlags  flags,
                                      GCancellable             *cancellable,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data)
{
  FakeResolver *self = FAKE_RESOLVER (resolver);
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);
  GError *error = NULL;

  if (self->hang && cancellable != NULL)
    {
      self->lookups++;
      g_task_set_check_cancellable (task, FALSE);
      g_cancellable_connect (cancellable, G_CALLBACK (on_lookup_cancelled),
                             g_object_ref (task), g_object_unref);
      return;
    }

  fake_lookup_by_name (resolver, hostname, cancellable, &error);
  g_task_return_error (task, error);
}

static void
fake_lookup_by_name_async (GResolver           *resolver,
                           const char          *hostname,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  fake_lookup_by_name_with_flags_async (resolver, hostname, G_RESOLVER_NAME_LOOKUP_FLAGS_DEFAULT,
                                        cancellable, callback, user_data);
}

static GList *
fake_lookup_by_name_finish (GResolver     *resolver,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
fake_resolver_class_init (FakeResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = fake_lookup_by_name;
  resolver_class->lookup_by_name_async = fake_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = fake_lookup_by_name_finish;
  resolver_class->lookup_by_name_with_flags = fake_lookup_by_name_with_flags;
  resolver_class->lookup_by_name_with_flags_async = fake_lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = fake_lookup_by_name_finish;
}

static void
fake_resolver_init (FakeResolver *self)
{
}

/* The servers */

static FakeResolver *resolver;
static SoupServer *server;        /* plain http */
static SoupServer *tls_server;    /* https, certificate from a CA made for this run; NULL without openssl */
static GTlsDatabase *test_ca;     /* trusts that CA */
static char *base;                /* "http://127.0.0.1:PORT" */
static char *tls_base;            /* "https://127.0.0.1:PORT" */
static char *work_dir;
static GPtrArray *requests;       /* "METHOD /path", since the last reset */
static char *last_user_agent;
static gboolean saw_cookie;
static gboolean saw_referer;
static char *last_if_none_match;
static GBytes *newer_playbook;
static GBytes *older_playbook;

static const char * const loopback_hosts[] = { "127.0.0.1", NULL };

static void
reset (void)
{
  g_ptr_array_set_size (requests, 0);
  g_clear_pointer (&last_user_agent, g_free);
  g_clear_pointer (&last_if_none_match, g_free);
  saw_cookie = FALSE;
  saw_referer = FALSE;
  resolver->lookups = 0;
  resolver->hang = FALSE;
}

static guint
count_requests (const char *line)
{
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    if (g_str_equal (g_ptr_array_index (requests, i), line))
      n++;
  return n;
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         GBytes            *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                      g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
respond_text (SoupServerMessage *msg,
              guint              status,
              const char        *text)
{
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

  respond (msg, status, "text/html", body);
}

/* An endless chunked body: another chunk every time one was written. */
static void
on_wrote_chunk (SoupServerMessage *msg,
                gpointer           user_data)
{
  static char chunk[64 * 1024];

  memset (chunk, ' ', sizeof chunk);
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_STATIC,
                            chunk, sizeof chunk);
}

static void
server_cb (SoupServer        *soup_server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  gboolean head = g_str_equal (method, "HEAD");

  g_ptr_array_add (requests, g_strdup_printf ("%s %s", method, path));
  g_free (last_user_agent);
  last_user_agent = g_strdup (soup_message_headers_get_one (request_headers, "User-Agent"));
  saw_cookie |= soup_message_headers_get_one (request_headers, "Cookie") != NULL;
  saw_referer |= soup_message_headers_get_one (request_headers, "Referer") != NULL;

  if (g_str_equal (path, "/ok"))
    respond_text (msg, SOUP_STATUS_OK, "<p>the form</p>");
  else if (g_str_equal (path, "/set-cookie"))
    {
      soup_message_headers_append (response_headers, "Set-Cookie", "session=secret; Path=/");
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/ok");
    }
  else if (g_str_equal (path, "/head-refused"))
    respond_text (msg, head ? SOUP_STATUS_METHOD_NOT_ALLOWED : SOUP_STATUS_OK, "<p>GET only</p>");
  else if (g_str_equal (path, "/head-not-implemented"))
    respond_text (msg, head ? SOUP_STATUS_NOT_IMPLEMENTED : SOUP_STATUS_OK, "<p>GET only</p>");
  else if (g_str_equal (path, "/head-refused-endless"))
    {
      if (head)
        respond_text (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "");
      else
        {
          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
          soup_message_headers_set_encoding (response_headers, SOUP_ENCODING_CHUNKED);
          soup_message_headers_set_content_type (response_headers, "text/html", NULL);
          g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_wrote_chunk), NULL);
          on_wrote_chunk (msg, NULL);
        }
    }
  else if (g_str_equal (path, "/redirect-1"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/redirect-2");
  else if (g_str_equal (path, "/redirect-2"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/ok");
  else if (g_str_equal (path, "/redirect-to-gone"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_TEMPORARY_REDIRECT, "/gone");
  else if (g_str_equal (path, "/loop-a"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop-b");
  else if (g_str_equal (path, "/loop-b"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop-a");
  else if (g_str_has_prefix (path, "/many/"))
    {
      g_autofree char *next = g_strdup_printf ("/many/%u", (guint) g_ascii_strtoull (path + 6, NULL, 10) + 1);
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, next);
    }
  else if (g_str_equal (path, "/foreign"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "https://evil.example/phish");
  else if (g_str_equal (path, "/downgrade"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "http://www.facebook.com/form");
  else if (g_str_equal (path, "/disguised"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "https://127.0.0.1@evil.example/");
  else if (g_str_equal (path, "/no-location"))
    respond_text (msg, SOUP_STATUS_FOUND, "");
  else if (g_str_equal (path, "/gone"))
    respond_text (msg, SOUP_STATUS_NOT_FOUND, "<p>gone</p>");
  else if (g_str_equal (path, "/forbidden"))
    respond_text (msg, SOUP_STATUS_FORBIDDEN, "<p>no</p>");
  else if (g_str_equal (path, "/broken"))
    respond_text (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "<p>oops</p>");
  else if (g_str_equal (path, "/unavailable"))
    respond_text (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "<p>later</p>");
  /* Playbook updates */
  else if (g_str_equal (path, "/playbook/newer.json"))
    {
      const char *if_none_match = soup_message_headers_get_one (request_headers, "If-None-Match");

      g_free (last_if_none_match);
      last_if_none_match = g_strdup (if_none_match);
      soup_message_headers_replace (response_headers, "ETag", ETAG);
      soup_message_headers_replace (response_headers, "Last-Modified", LAST_MODIFIED);
      if (g_strcmp0 (if_none_match, ETAG) == 0)
        soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      else
        respond (msg, SOUP_STATUS_OK, "application/json; charset=utf-8", newer_playbook);
    }
  else if (g_str_equal (path, "/playbook/as-text"))
    respond (msg, SOUP_STATUS_OK, "text/plain; charset=utf-8", newer_playbook);
  else if (g_str_equal (path, "/playbook/moved"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/playbook/newer.json");
  else if (g_str_equal (path, "/playbook/moved-away"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "https://evil.example/meta.json");
  else if (g_str_equal (path, "/playbook/older.json"))
    respond (msg, SOUP_STATUS_OK, "application/json", older_playbook);
  else if (g_str_equal (path, "/playbook/invalid.json"))
    {
      const char *text = "{\"format\": 1, \"version\": ";
      g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));
      respond (msg, SOUP_STATUS_OK, "application/json", body);
    }
  else if (g_str_equal (path, "/playbook/wrong-schema.json"))
    {
      const char *text = "{\"format\": 1}";
      g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));
      respond (msg, SOUP_STATUS_OK, "application/json", body);
    }
  else if (g_str_equal (path, "/playbook/page.html"))
    respond (msg, SOUP_STATUS_OK, "text/html", newer_playbook);
  else if (g_str_equal (path, "/playbook/no-type"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg), newer_playbook);
    }
  else if (g_str_equal (path, "/playbook/huge.json"))
    {
      gsize size = OBJECTOR_PLAYBOOK_MAX_SIZE + 1;
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                        g_malloc0 (size), size);
    }
  else if (g_str_equal (path, "/playbook/endless.json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response_headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (response_headers, "application/json", NULL);
      g_signal_connect (msg, "wrote-chunk", G_CALLBACK (on_wrote_chunk), NULL);
      on_wrote_chunk (msg, NULL);
    }
  else if (g_str_equal (path, "/playbook/missing.json"))
    respond_text (msg, SOUP_STATUS_NOT_FOUND, "<p>no playbook</p>");
  else if (g_str_equal (path, "/playbook/unsolicited-304"))
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
  else
    respond_text (msg, SOUP_STATUS_NOT_FOUND, "<p>unknown test path</p>");
}

/* Helpers */

static char *
url (const char *path)
{
  return g_strconcat (base, path, NULL);
}

static char *
tls_url (const char *path)
{
  return g_strconcat (tls_base, path, NULL);
}

/* A server that takes the connection (the kernel does, from the backlog)
 * and never says a word. */
static GSocket *
silent_server (guint *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) local = NULL;

  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (socket, &error);
  g_assert_no_error (error);
  local = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));

  return g_steal_pointer (&socket);
}

static gboolean
on_plain_incoming (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source_object,
                   gpointer           user_data)
{
  const char *answer = "HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  g_output_stream_write_all (output, answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/* A server that speaks plain HTTP at once, whatever it is sent: what a TLS
 * client meets when something on the way is not what it claims to be. */
static GSocketService *
plain_server (guint *port)
{
  g_autoptr(GError) error = NULL;
  GSocketService *service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (service, "incoming", G_CALLBACK (on_plain_incoming), NULL);
  g_socket_service_start (service);

  return service;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static void
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static ObjectorNet *
quick_net (void)
{
  ObjectorNet *net = objector_net_new ();

  /* Roomy: only the time-limit tests should ever meet a limit, even under
   * valgrind. */
  objector_net_set_request_timeout (net, 10000);
  objector_net_set_overall_timeout (net, 30000);
  return net;
}

static ObjectorLinkResult *
check_hosts (ObjectorNet        *net,
             const char         *link,
             const char * const *hosts)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ObjectorLinkResult *found;

  objector_net_check_link_async (net, link, hosts, NULL, store_result_cb, &result);
  wait_for (&result);
  found = objector_net_check_link_finish (net, result, &error);
  g_assert_no_error (error);
  g_assert_true (OBJECTOR_IS_LINK_RESULT (found));
  g_test_message ("%s → %s: %s", link,
                  objector_link_verdict_to_string (objector_link_result_get_verdict (found)),
                  objector_link_result_get_message (found));

  return found;
}

static ObjectorLinkResult *
check (ObjectorNet *net,
       const char  *link)
{
  return check_hosts (net, link, loopback_hosts);
}

static void
assert_verdict (ObjectorLinkResult  *found,
                ObjectorLinkVerdict  verdict)
{
  g_assert_cmpstr (objector_link_verdict_to_string (objector_link_result_get_verdict (found)), ==,
                   objector_link_verdict_to_string (verdict));
  g_assert_nonnull (objector_link_result_get_message (found));
  g_assert_cmpstr (objector_link_result_get_message (found), !=, "");
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

/* Link checks */

static void
test_reachable (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *link = url ("/ok");
  g_autoptr(ObjectorLinkResult) found = NULL;

  reset ();
  found = check (net, link);

  assert_verdict (found, OBJECTOR_LINK_VERDICT_REACHABLE);
  g_assert_cmpuint (objector_link_result_get_http_status (found), ==, 200);
  g_assert_cmpstr (objector_link_result_get_url (found), ==, link);
  g_assert_null (objector_link_result_get_final_url (found));
  g_assert_true (objector_link_result_is_usable (found));
  /* HEAD first: only the status matters. */
  g_assert_cmpuint (requests->len, ==, 1);
  g_assert_cmpuint (count_requests ("HEAD /ok"), ==, 1);
  g_assert_cmpstr (last_user_agent, ==, "Objector/" PACKAGE_VERSION);
}

static void
test_head_refused (void)
{
  const char * const paths[] = { "/head-refused", "/head-not-implemented" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(ObjectorNet) net = quick_net ();
      g_autofree char *link = url (paths[i]);
      g_autofree char *head = g_strconcat ("HEAD ", paths[i], NULL);
      g_autofree char *get = g_strconcat ("GET ", paths[i], NULL);
      g_autoptr(ObjectorLinkResult) found = NULL;

      reset ();
      found = check (net, link);
      assert_verdict (found, OBJECTOR_LINK_VERDICT_REACHABLE);
      g_assert_cmpuint (count_requests (head), ==, 1);
      g_assert_cmpuint (count_requests (get), ==, 1);
    }
}

/* A GET fallback needs the status, not the body: a body that never ends
 * must not keep the check waiting until the time limit. */
static void
test_get_body_not_read (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autofree char *link = url ("/head-refused-endless");
  g_autoptr(ObjectorLinkResult) found = NULL;
  gint64 start;

  /* Well under the time limit, which is what reading would run into. */
  objector_net_set_request_timeout (net, 20000);
  reset ();
  start = g_get_monotonic_time ();
  found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_REACHABLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_redirect_chain (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *link = url ("/redirect-1");
  g_autofree char *final = url ("/ok");
  g_autoptr(ObjectorLinkResult) found = NULL;

  reset ();
  found = check (net, link);

  assert_verdict (found, OBJECTOR_LINK_VERDICT_MOVED);
  g_assert_cmpstr (objector_link_result_get_final_url (found), ==, final);
  g_assert_cmpuint (objector_link_result_get_http_status (found), ==, 200);
  g_assert_true (objector_link_result_is_usable (found));
  g_assert_true (contains (objector_link_result_get_message (found), final));
  /* Every hop was requested by us (301, then 302, then the page). */
  g_assert_cmpuint (count_requests ("HEAD /redirect-1"), ==, 1);
  g_assert_cmpuint (count_requests ("HEAD /redirect-2"), ==, 1);
  g_assert_cmpuint (count_requests ("HEAD /ok"), ==, 1);
}

static void
test_redirect_to_gone (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *link = url ("/redirect-to-gone");
  g_autofree char *final = url ("/gone");
  g_autoptr(ObjectorLinkResult) found = NULL;

  reset ();
  found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_GONE);
  g_assert_cmpstr (objector_link_result_get_final_url (found), ==, final);
  g_assert_false (objector_link_result_is_usable (found));
}

static void
test_redirect_foreign (void)
{
  struct {
    const char *path;
    const char *host;
  } cases[] = {
    { "/foreign", "evil.example" },
    { "/downgrade", "www.facebook.com" },  /* allowed host, but plain http */
    { "/disguised", "evil.example" },      /* https://127.0.0.1@evil.example/ */
  };
  const char * const hosts[] = { "127.0.0.1", "www.facebook.com", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObjectorNet) net = quick_net ();
      g_autofree char *link = url (cases[i].path);
      g_autoptr(ObjectorLinkResult) found = NULL;

      reset ();
      found = check_hosts (net, link, hosts);

      assert_verdict (found, OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT);
      g_assert_cmpstr (objector_link_result_get_foreign_host (found), ==, cases[i].host);
      g_assert_true (contains (objector_link_result_get_message (found), cases[i].host));
      g_assert_false (objector_link_result_is_usable (found));
      /* Not followed: not even looked up. */
      g_assert_cmpuint (requests->len, ==, 1);
      g_assert_cmpuint (resolver->lookups, ==, 0);
    }
}

static void
test_redirect_broken (void)
{
  const char * const paths[] = { "/loop-a", "/many/0", "/no-location" };
  const char * const words[] = { "circle", "more than 10", "without saying where" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(ObjectorNet) net = quick_net ();
      g_autofree char *link = url (paths[i]);
      g_autoptr(ObjectorLinkResult) found = NULL;

      reset ();
      found = check (net, link);
      assert_verdict (found, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE);
      g_assert_true (contains (objector_link_result_get_message (found), words[i]));
      g_assert_cmpuint (requests->len, <=, OBJECTOR_NET_MAX_REDIRECTS + 1);
    }
}

static void
test_status_verdicts (void)
{
  struct {
    const char          *path;
    ObjectorLinkVerdict  verdict;
    guint                status;
  } cases[] = {
    { "/gone", OBJECTOR_LINK_VERDICT_GONE, 404 },
    { "/forbidden", OBJECTOR_LINK_VERDICT_GONE, 403 },
    { "/broken", OBJECTOR_LINK_VERDICT_SERVER_ERROR, 500 },
    { "/unavailable", OBJECTOR_LINK_VERDICT_SERVER_ERROR, 503 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObjectorNet) net = quick_net ();
      g_autofree char *link = url (cases[i].path);
      g_autofree char *status = g_strdup_printf ("%u", cases[i].status);
      g_autoptr(ObjectorLinkResult) found = NULL;

      reset ();
      found = check (net, link);
      assert_verdict (found, cases[i].verdict);
      g_assert_cmpuint (objector_link_result_get_http_status (found), ==, cases[i].status);
      g_assert_true (contains (objector_link_result_get_message (found), status));
      g_assert_null (objector_link_result_get_final_url (found));
      g_assert_false (objector_link_result_is_usable (found));
    }
}

static void
test_no_cookies_no_referer (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *link = url ("/set-cookie");
  g_autofree char *again = url ("/ok");
  g_autoptr(ObjectorLinkResult) first = NULL;
  g_autoptr(ObjectorLinkResult) second = NULL;

  reset ();
  first = check (net, link);
  assert_verdict (first, OBJECTOR_LINK_VERDICT_MOVED);
  second = check (net, again);
  assert_verdict (second, OBJECTOR_LINK_VERDICT_REACHABLE);

  /* The cookie set by the first answer went nowhere, and no hop said where
   * it came from. */
  g_assert_cmpuint (requests->len, ==, 3);
  g_assert_false (saw_cookie);
  g_assert_false (saw_referer);
}

static void
test_refused_connection (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *link = g_strdup_printf ("http://127.0.0.1:%u/ok", test_util_closed_port ());
  g_autoptr(ObjectorLinkResult) found = NULL;

  found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_OFFLINE);
  g_assert_cmpuint (objector_link_result_get_http_status (found), ==, 0);
  g_assert_true (contains (objector_link_result_get_message (found), "online"));
}

static void
test_unknown_host (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  const char * const hosts[] = { "forms.example.org", NULL };
  g_autoptr(ObjectorLinkResult) found = NULL;

  reset ();
  found = check_hosts (net, "https://forms.example.org/object", hosts);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_OFFLINE);
  g_assert_true (contains (objector_link_result_get_message (found), "forms.example.org"));
  g_assert_cmpuint (resolver->lookups, >=, 1);
}

/* A DNS server that never answers: the time limit ends it, and it reads as
 * offline (the site itself was never reached). */
static void
test_lookup_hangs (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  const char * const hosts[] = { "forms.example.org", NULL };
  g_autoptr(ObjectorLinkResult) found = NULL;
  gint64 start;

  objector_net_set_request_timeout (net, 300);
  reset ();
  resolver->hang = TRUE;
  start = g_get_monotonic_time ();
  found = check_hosts (net, "https://forms.example.org/object", hosts);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_OFFLINE);
  g_assert_true (contains (objector_link_result_get_message (found), "Looking up forms.example.org"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
test_never_answers (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(GSocket) silent = NULL;
  g_autofree char *link = NULL;
  g_autoptr(ObjectorLinkResult) found = NULL;
  guint port;
  gint64 start, elapsed;

  silent = silent_server (&port);
  link = g_strdup_printf ("http://127.0.0.1:%u/form", port);
  objector_net_set_request_timeout (net, 300);

  start = g_get_monotonic_time ();
  found = check (net, link);
  elapsed = g_get_monotonic_time () - start;

  assert_verdict (found, OBJECTOR_LINK_VERDICT_TIMEOUT);
  g_assert_true (contains (objector_link_result_get_message (found), "0.3 seconds"));
  g_assert_cmpint (elapsed, >=, 250 * 1000);
  g_assert_cmpint (elapsed, <, 3 * G_USEC_PER_SEC);
}

static void
test_overall_time_limit (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(GSocket) silent = NULL;
  g_autofree char *link = NULL;
  g_autoptr(ObjectorLinkResult) found = NULL;
  guint port;
  gint64 start;

  silent = silent_server (&port);
  link = g_strdup_printf ("http://127.0.0.1:%u/form", port);
  objector_net_set_request_timeout (net, 10000);
  objector_net_set_overall_timeout (net, 400);

  start = g_get_monotonic_time ();
  found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_TIMEOUT);
  g_assert_true (contains (objector_link_result_get_message (found), "overall time limit"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
test_cancel (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GSocket) silent = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorLinkResult) found = NULL;
  g_autofree char *link = NULL;
  guint port;
  gint64 start;

  silent = silent_server (&port);
  link = g_strdup_printf ("http://127.0.0.1:%u/form", port);

  start = g_get_monotonic_time ();
  objector_net_check_link_async (net, link, loopback_hosts, cancellable, store_result_cb, &result);
  g_timeout_add_once (100, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  wait_for (&result);

  found = objector_net_check_link_finish (net, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (found);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
}

static void
test_tls_plain_server (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autoptr(GSocketService) plain = NULL;
  g_autofree char *link = NULL;
  g_autoptr(ObjectorLinkResult) found = NULL;
  guint port;

  plain = plain_server (&port);
  link = g_strdup_printf ("https://127.0.0.1:%u/ok", port);
  reset ();
  found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_TLS_FAILURE);
  g_assert_true (contains (objector_link_result_get_message (found), "nothing was sent"));
  g_assert_cmpuint (requests->len, ==, 0);
}

static void
test_tls_untrusted_certificate (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autoptr(ObjectorLinkResult) found = NULL;
  g_autofree char *link = NULL;

  if (tls_server == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }

  /* The system does not know the test CA: the certificate must be refused,
   * never accepted with a warning, and the request never sent. */
  link = tls_url ("/ok");
  reset ();
  found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_TLS_FAILURE);
  g_assert_cmpuint (requests->len, ==, 0);
}

static void
test_tls_trusted_certificate (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autoptr(ObjectorLinkResult) found = NULL;
  g_autoptr(ObjectorLinkResult) moved = NULL;
  g_autofree char *link = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *final = NULL;

  if (tls_server == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }

  objector_net_set_tls_database_for_testing (net, test_ca);
  link = tls_url ("/ok");
  redirect = tls_url ("/redirect-1");
  final = tls_url ("/ok");

  reset ();
  found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_REACHABLE);
  moved = check (net, redirect);
  assert_verdict (moved, OBJECTOR_LINK_VERDICT_MOVED);
  g_assert_cmpstr (objector_link_result_get_final_url (moved), ==, final);
}

static void
test_not_allowed (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  const char * const hosts[] = { "www.facebook.com", NULL };
  const char * const links[] = {
    "http://www.facebook.com/help/contact/1",         /* not https */
    "https://evil.example/help/contact/1",            /* not an allowed host */
    "https://www.facebook.com@evil.example/",         /* a disguised host */
    "https:///no-host",
    "not a url",
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(ObjectorLinkResult) found = NULL;

      reset ();
      found = check_hosts (net, links[i], hosts);
      assert_verdict (found, OBJECTOR_LINK_VERDICT_NOT_ALLOWED);
      g_assert_true (g_str_has_prefix (objector_link_result_get_message (found), "Not checked"));
      g_assert_cmpuint (resolver->lookups, ==, 0);
    }

  /* A loopback URL is not allowed unless the playbook allows the host. */
  {
    g_autofree char *link = url ("/ok");
    g_autoptr(ObjectorLinkResult) found = NULL;

    reset ();
    found = check_hosts (net, link, hosts);
    assert_verdict (found, OBJECTOR_LINK_VERDICT_NOT_ALLOWED);
    g_assert_cmpuint (requests->len, ==, 0);
  }
}

/* The test-only exception lets http through to 127.0.0.1 and ::1, and
 * nowhere else. */
static void
test_loopback_exception (void)
{
  const char * const loopback[] = { "127.0.0.1", "::1", NULL };
  const char * const others[] = { "localhost", "10.0.0.1", "127.0.0.2", "www.facebook.com",
                                  "127.0.0.1.evil.example", NULL };

  g_assert_true (objector_net_url_is_allowed ("http://127.0.0.1:8080/form", loopback));
  g_assert_true (objector_net_url_is_allowed ("http://[::1]:8080/form", loopback));
  g_assert_true (objector_net_url_is_allowed ("https://127.0.0.1/form", loopback));

  g_assert_false (objector_net_url_is_allowed ("http://localhost/form", others));
  g_assert_false (objector_net_url_is_allowed ("http://10.0.0.1/form", others));
  g_assert_false (objector_net_url_is_allowed ("http://127.0.0.2/form", others));
  g_assert_false (objector_net_url_is_allowed ("http://www.facebook.com/form", others));
  g_assert_false (objector_net_url_is_allowed ("http://127.0.0.1.evil.example/form", others));
  g_assert_false (objector_net_url_is_allowed ("http://user@127.0.0.1/form", loopback));
  g_assert_false (objector_net_url_is_allowed ("ftp://127.0.0.1/form", loopback));
  /* Still only hosts on the list. */
  g_assert_false (objector_net_url_is_allowed ("http://127.0.0.1/form", others));

  objector_net_set_insecure_loopback_for_testing (FALSE);
  g_assert_false (objector_net_url_is_allowed ("http://127.0.0.1:8080/form", loopback));
  g_assert_false (objector_net_url_is_allowed ("http://[::1]:8080/form", loopback));
  g_assert_true (objector_net_url_is_allowed ("https://127.0.0.1/form", loopback));
  objector_net_set_insecure_loopback_for_testing (TRUE);
}

static void
test_classify_error (void)
{
  struct {
    GQuark               domain;
    int                  code;
    gboolean             resolving;
    ObjectorLinkVerdict  verdict;
  } cases[] = {
    { 0, G_RESOLVER_ERROR_NOT_FOUND, FALSE, OBJECTOR_LINK_VERDICT_OFFLINE },
    { 0, G_RESOLVER_ERROR_TEMPORARY_FAILURE, FALSE, OBJECTOR_LINK_VERDICT_OFFLINE },
    { 1, G_IO_ERROR_CONNECTION_REFUSED, FALSE, OBJECTOR_LINK_VERDICT_OFFLINE },
    { 1, G_IO_ERROR_NETWORK_UNREACHABLE, FALSE, OBJECTOR_LINK_VERDICT_OFFLINE },
    { 1, G_IO_ERROR_HOST_UNREACHABLE, FALSE, OBJECTOR_LINK_VERDICT_OFFLINE },
    { 1, G_IO_ERROR_TIMED_OUT, FALSE, OBJECTOR_LINK_VERDICT_TIMEOUT },
    { 1, G_IO_ERROR_TIMED_OUT, TRUE, OBJECTOR_LINK_VERDICT_OFFLINE },
    { 1, G_IO_ERROR_CANCELLED, FALSE, OBJECTOR_LINK_VERDICT_TIMEOUT },
    { 1, G_IO_ERROR_CONNECTION_CLOSED, FALSE, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE },
    { 2, G_TLS_ERROR_BAD_CERTIFICATE, FALSE, OBJECTOR_LINK_VERDICT_TLS_FAILURE },
    { 2, G_TLS_ERROR_NOT_TLS, FALSE, OBJECTOR_LINK_VERDICT_TLS_FAILURE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GQuark domain = cases[i].domain == 0 ? G_RESOLVER_ERROR
                      : cases[i].domain == 1 ? G_IO_ERROR : G_TLS_ERROR;
      g_autoptr(GError) error = g_error_new_literal (domain, cases[i].code, "test");

      g_assert_cmpint (objector_net_classify_error (error, cases[i].resolving), ==, cases[i].verdict);
    }
}

static void
test_verdict_names (void)
{
  GEnumClass *enum_class = g_type_class_ref (OBJECTOR_TYPE_LINK_VERDICT);

  /* The nicks GObject knows are the ones the command line prints. */
  for (guint i = 0; i < enum_class->n_values; i++)
    {
      ObjectorLinkVerdict verdict = enum_class->values[i].value;

      g_assert_cmpstr (objector_link_verdict_to_string (verdict), ==, enum_class->values[i].value_nick);
      g_assert_nonnull (objector_link_verdict_get_label (verdict));
      g_assert_cmpint (objector_link_verdict_is_usable (verdict), ==,
                       verdict == OBJECTOR_LINK_VERDICT_REACHABLE || verdict == OBJECTOR_LINK_VERDICT_MOVED);
    }
  g_type_class_unref (enum_class);
}

/* Whole playbooks */

static char *
write_playbook (const char *name,
                const char *form_a,
                const char *alternative_a,
                const char *overview_a,
                const char *form_b,
                const char *overview_b)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "playbook", "minimal.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *filename = g_build_filename (work_dir, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) copy = NULL;
  JsonArray *paths;
  JsonObject *a, *b;
  JsonArray *hosts;

  json_parser_load_from_file (parser, minimal, &error);
  g_assert_no_error (error);
  paths = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "paths");
  a = json_array_get_object_element (paths, 0);
  json_object_set_string_member (a, "form_url", form_a);
  json_object_set_string_member (a, "alternative_form_url", alternative_a);
  json_object_set_string_member (a, "overview_url", overview_a);
  hosts = json_array_new ();
  json_array_add_string_element (hosts, "127.0.0.1");
  json_object_set_array_member (a, "allowed_hosts", hosts);

  /* json_node_copy() would share the object: a deep copy through text. */
  text = json_to_string (json_array_get_element (paths, 0), FALSE);
  copy = json_from_string (text, &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  b = json_object_ref (json_node_get_object (copy));
  json_object_set_string_member (b, "id", "second-path");
  json_object_set_string_member (b, "form_url", form_b);
  json_object_remove_member (b, "alternative_form_url");
  json_object_set_string_member (b, "overview_url", overview_b);
  json_array_add_object_element (paths, b);

  text = json_to_string (json_parser_get_root (parser), TRUE);
  g_file_set_contents (filename, text, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&filename);
}

static GListModel *
check_playbook (ObjectorNet      *net,
                ObjectorPlaybook *playbook)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *results;

  objector_net_check_playbook_async (net, playbook, NULL, store_result_cb, &result);
  wait_for (&result);
  results = objector_net_check_playbook_finish (net, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static void
assert_result (GListModel          *results,
               guint                position,
               const char          *path_id,
               ObjectorLinkRole     role,
               const char          *link,
               ObjectorLinkVerdict  verdict)
{
  g_autoptr(ObjectorLinkResult) found = g_list_model_get_item (results, position);

  g_assert_nonnull (found);
  g_test_message ("%u: %s %s", position, objector_link_result_get_url (found),
                  objector_link_result_get_message (found));
  g_assert_cmpstr (objector_link_result_get_path_id (found), ==, path_id);
  g_assert_cmpint (objector_link_result_get_role (found), ==, role);
  g_assert_cmpstr (objector_link_result_get_url (found), ==, link);
  assert_verdict (found, verdict);
}

static void
test_playbook_links (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *ok = NULL, *gone = NULL, *moved = NULL, *offline = NULL;

  if (tls_server == NULL)
    {
      g_test_skip ("openssl is not installed: playbooks need https, and https a certificate");
      return;
    }

  objector_net_set_tls_database_for_testing (net, test_ca);
  ok = tls_url ("/ok");
  gone = tls_url ("/gone");
  moved = tls_url ("/redirect-1");
  offline = g_strdup_printf ("https://127.0.0.1:%u/form", test_util_closed_port ());
  filename = write_playbook ("links.json", ok, gone, moved, ok, offline);
  playbook = objector_playbook_new_from_file (filename, &error);
  g_assert_no_error (error);

  reset ();
  results = check_playbook (net, playbook);

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 5);
  assert_result (results, 0, "alpine-objection", OBJECTOR_LINK_ROLE_FORM, ok, OBJECTOR_LINK_VERDICT_REACHABLE);
  assert_result (results, 1, "alpine-objection", OBJECTOR_LINK_ROLE_ALTERNATIVE_FORM, gone, OBJECTOR_LINK_VERDICT_GONE);
  assert_result (results, 2, "alpine-objection", OBJECTOR_LINK_ROLE_OVERVIEW, moved, OBJECTOR_LINK_VERDICT_MOVED);
  assert_result (results, 3, "second-path", OBJECTOR_LINK_ROLE_FORM, ok, OBJECTOR_LINK_VERDICT_REACHABLE);
  assert_result (results, 4, "second-path", OBJECTOR_LINK_ROLE_OVERVIEW, offline, OBJECTOR_LINK_VERDICT_OFFLINE);
  /* The form both paths share was asked for once; the redirect's target once more. */
  g_assert_cmpuint (count_requests ("HEAD /ok"), ==, 2);
}

/* Every link at once: a playbook of silent servers takes one time limit,
 * not one per link. */
static void
test_playbook_concurrent (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  GSocket *silent[4];
  char *links[4];
  g_autofree char *filename = NULL;
  gint64 start, elapsed;

  for (guint i = 0; i < G_N_ELEMENTS (silent); i++)
    {
      guint port;

      silent[i] = silent_server (&port);
      links[i] = g_strdup_printf ("https://127.0.0.1:%u/link", port);
    }
  filename = write_playbook ("silent.json", links[0], links[1], links[2], links[3], links[0]);
  playbook = objector_playbook_new_from_file (filename, &error);
  g_assert_no_error (error);

  objector_net_set_request_timeout (net, 1500);
  start = g_get_monotonic_time ();
  results = check_playbook (net, playbook);
  elapsed = g_get_monotonic_time () - start;

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ObjectorLinkResult) found = g_list_model_get_item (results, i);
      assert_verdict (found, OBJECTOR_LINK_VERDICT_TIMEOUT);
    }
  /* One after the other, they would take 6 s. */
  g_test_message ("4 silent servers, 1.5 s limit each: %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (elapsed, >=, 1400 * 1000);
  g_assert_cmpint (elapsed, <, 4500 * 1000);

  for (guint i = 0; i < G_N_ELEMENTS (silent); i++)
    {
      g_clear_object (&silent[i]);
      g_clear_pointer (&links[i], g_free);
    }
}

static void
test_playbook_cancel (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) silent = NULL;
  g_autofree char *link = NULL;
  g_autofree char *filename = NULL;
  guint port;

  silent = silent_server (&port);
  link = g_strdup_printf ("https://127.0.0.1:%u/link", port);
  filename = write_playbook ("cancel.json", link, link, link, link, link);
  playbook = objector_playbook_new_from_file (filename, &error);
  g_assert_no_error (error);

  objector_net_check_playbook_async (net, playbook, cancellable, store_result_cb, &result);
  g_timeout_add_once (100, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  wait_for (&result);
  results = objector_net_check_playbook_finish (net, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
}

/* Playbook updates */

static void
clear_data_dir (void)
{
  g_autofree char *user_file = objector_playbook_dup_user_filename ();
  g_autofree char *state_file = objector_net_dup_update_state_filename ();

  g_unlink (user_file);
  g_unlink (state_file);
}

static ObjectorPlaybook *
update (ObjectorNet                   *net,
        const char                    *from,
        ObjectorPlaybook              *current,
        ObjectorPlaybookUpdateResult  *outcome,
        GError                       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  ObjectorPlaybook *playbook;

  objector_net_update_playbook_async (net, from, current, NULL, store_result_cb, &result);
  wait_for (&result);
  playbook = objector_net_update_playbook_finish (net, result, outcome, error);
  if (error != NULL && *error != NULL)
    g_test_message ("update from %s: %s", from, (*error)->message);
  return playbook;
}

static ObjectorPlaybook *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  ObjectorPlaybook *playbook = objector_playbook_load_default (NULL, &error);

  g_assert_no_error (error);
  return playbook;
}

static void
assert_private_file (const char *filename)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (filename, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
assert_no_user_playbook (void)
{
  g_autofree char *user_file = objector_playbook_dup_user_filename ();

  g_assert_false (g_file_test (user_file, G_FILE_TEST_EXISTS));
}

static void
test_update_installs (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autoptr(ObjectorPlaybook) bundled = NULL;
  g_autoptr(ObjectorPlaybook) updated = NULL;
  g_autoptr(ObjectorPlaybook) again = NULL;
  g_autoptr(ObjectorPlaybook) reloaded = NULL;
  g_autoptr(ObjectorPlaybook) unchanged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = url ("/playbook/newer.json");
  g_autofree char *user_file = objector_playbook_dup_user_filename ();
  g_autofree char *state_file = objector_net_dup_update_state_filename ();
  g_autofree char *state = NULL;
  ObjectorPlaybookUpdateResult outcome = NO_OUTCOME;

  clear_data_dir ();
  reset ();
  bundled = load_default ();
  g_assert_cmpstr (objector_playbook_get_origin (bundled), ==, "bundled");

  updated = update (net, from, bundled, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, OBJECTOR_PLAYBOOK_UPDATE_INSTALLED);
  g_assert_cmpint (objector_playbook_get_version (updated), ==, NEWER_VERSION);
  g_assert_cmpstr (objector_playbook_get_origin (updated), ==, user_file);
  g_assert_null (last_if_none_match);
  assert_private_file (user_file);
  assert_private_file (state_file);
  g_assert_true (g_file_get_contents (state_file, &state, NULL, NULL));
  g_assert_true (contains (state, "playbook-v1"));
  g_assert_true (contains (state, LAST_MODIFIED));

  /* The loader now prefers it. */
  reloaded = load_default ();
  g_assert_cmpint (objector_playbook_get_version (reloaded), ==, NEWER_VERSION);

  /* Asked again: a conditional request, answered 304. */
  again = update (net, from, reloaded, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, OBJECTOR_PLAYBOOK_UPDATE_NOT_MODIFIED);
  g_assert_cmpstr (last_if_none_match, ==, ETAG);
  g_assert_true (again == reloaded);

  /* The same version again, unconditionally (another URL): not newer, so
   * nothing is written. */
  {
    g_autofree char *as_text = url ("/playbook/as-text");
    GStatBuf before, after;

    g_assert_cmpint (g_stat (user_file, &before), ==, 0);
    unchanged = update (net, as_text, reloaded, &outcome, &error);
    g_assert_no_error (error);
    g_assert_cmpint (outcome, ==, OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER);
    g_assert_true (unchanged == reloaded);
    g_assert_cmpint (g_stat (user_file, &after), ==, 0);
    g_assert_cmpint (before.st_ino, ==, after.st_ino);
  }
}

/* A stale caller (it still uses the bundled playbook) cannot make an older
 * or equal download replace the newer copy on disk. */
static void
test_update_never_downgrades (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autoptr(ObjectorPlaybook) bundled = NULL;
  g_autoptr(ObjectorPlaybook) first = NULL;
  g_autoptr(ObjectorPlaybook) second = NULL;
  g_autoptr(ObjectorPlaybook) older = NULL;
  g_autoptr(ObjectorPlaybook) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newer_url = url ("/playbook/as-text");
  g_autofree char *older_url = url ("/playbook/older.json");
  ObjectorPlaybookUpdateResult outcome = NO_OUTCOME;

  clear_data_dir ();
  bundled = load_default ();

  older = update (net, older_url, bundled, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER);
  g_assert_true (older == bundled);
  assert_no_user_playbook ();

  first = update (net, newer_url, bundled, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, OBJECTOR_PLAYBOOK_UPDATE_INSTALLED);

  second = update (net, newer_url, bundled, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER);

  after = load_default ();
  g_assert_cmpint (objector_playbook_get_version (after), ==, NEWER_VERSION);
}

static void
test_update_follows_same_host_redirect (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autoptr(ObjectorPlaybook) bundled = NULL;
  g_autoptr(ObjectorPlaybook) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = url ("/playbook/moved");
  ObjectorPlaybookUpdateResult outcome = NO_OUTCOME;

  clear_data_dir ();
  reset ();
  bundled = load_default ();
  updated = update (net, from, bundled, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, OBJECTOR_PLAYBOOK_UPDATE_INSTALLED);
  g_assert_cmpuint (count_requests ("GET /playbook/moved"), ==, 1);
  g_assert_cmpuint (count_requests ("GET /playbook/newer.json"), ==, 1);
}

static void
test_update_refused (void)
{
  struct {
    const char *path;
    GQuark      domain;
    int         code;
    const char *words;
  } cases[] = {
    { "/playbook/invalid.json", 0, OBJECTOR_ERROR_INVALID_PLAYBOOK, "line 1" },
    { "/playbook/wrong-schema.json", 0, OBJECTOR_ERROR_INVALID_PLAYBOOK, "version: missing" },
    { "/playbook/page.html", 0, OBJECTOR_ERROR_BAD_UPDATE, "text/html" },
    { "/playbook/no-type", 0, OBJECTOR_ERROR_BAD_UPDATE, "not JSON" },
    { "/playbook/huge.json", 0, OBJECTOR_ERROR_BAD_UPDATE, "4194305 bytes" },
    { "/playbook/endless.json", 0, OBJECTOR_ERROR_BAD_UPDATE, "download was stopped" },
    { "/playbook/missing.json", 0, OBJECTOR_ERROR_NETWORK, "404" },
    { "/playbook/moved-away", 0, OBJECTOR_ERROR_NETWORK, "evil.example" },
    { "/playbook/unsolicited-304", 0, OBJECTOR_ERROR_BAD_UPDATE, "not conditional" },
    { "/broken", 0, OBJECTOR_ERROR_NETWORK, "500" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObjectorNet) net = objector_net_new ();
      g_autoptr(ObjectorPlaybook) bundled = NULL;
      g_autoptr(ObjectorPlaybook) updated = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *from = url (cases[i].path);
      g_autofree char *state_file = objector_net_dup_update_state_filename ();
      ObjectorPlaybookUpdateResult outcome = NO_OUTCOME;
      gint64 start = g_get_monotonic_time ();

      objector_net_set_request_timeout (net, 30000);

      clear_data_dir ();
      reset ();
      bundled = load_default ();
      updated = update (net, from, bundled, &outcome, &error);

      g_assert_error (error, OBJECTOR_ERROR, cases[i].code);
      g_assert_true (contains (error->message, cases[i].words));
      g_assert_null (updated);
      g_assert_cmpint (outcome, ==, NO_OUTCOME);
      assert_no_user_playbook ();
      g_assert_false (g_file_test (state_file, G_FILE_TEST_EXISTS));
      /* Refused as soon as it was known, not at the time limit (30 s). */
      g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
    }
}

static void
test_update_unreachable (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(ObjectorPlaybook) bundled = load_default ();
  g_autoptr(GSocket) silent = NULL;
  guint port;

  clear_data_dir ();

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *from = g_strdup_printf ("http://127.0.0.1:%u/meta.json", test_util_closed_port ());
    g_autoptr(ObjectorPlaybook) updated = update (net, from, bundled, NULL, &error);

    g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK);
    g_assert_true (contains (error->message, "online"));
    g_assert_null (updated);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *from = NULL;
    g_autoptr(ObjectorPlaybook) updated = NULL;

    silent = silent_server (&port);
    from = g_strdup_printf ("http://127.0.0.1:%u/meta.json", port);
    objector_net_set_request_timeout (net, 300);
    updated = update (net, from, bundled, NULL, &error);
    objector_net_set_request_timeout (net, 10000);
    g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK);
    g_assert_true (contains (error->message, "did not answer within 0.3 seconds"));
    g_assert_null (updated);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GSocketService) plain = plain_server (&port);
    g_autofree char *from = g_strdup_printf ("https://127.0.0.1:%u/meta.json", port);
    g_autoptr(ObjectorPlaybook) updated = update (net, from, bundled, NULL, &error);

    g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK);
    g_assert_true (contains (error->message, "secure connection"));
    g_assert_null (updated);
  }

  assert_no_user_playbook ();
}

static void
test_update_url_validation (void)
{
  const char * const bad[] = {
    "http://objector.github.io/playbook/meta.json",
    "https://me@objector.github.io/playbook/meta.json",
    "https:///meta.json",
    "objector.github.io/playbook/meta.json",
    "",
    "file:///etc/passwd",
  };
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autoptr(ObjectorPlaybook) bundled = load_default ();

  g_assert_true (objector_net_validate_update_url (OBJECTOR_PLAYBOOK_UPDATE_URL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ObjectorPlaybook) updated = NULL;

      g_assert_false (objector_net_validate_update_url (bad[i], &error));
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT);
      g_assert_true (contains (error->message, "https"));
      g_clear_error (&error);

      /* The async call checks it the same way, before any request. */
      reset ();
      updated = update (net, bad[i], bundled, NULL, &error);
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT);
      g_assert_null (updated);
      g_assert_cmpuint (resolver->lookups, ==, 0);
    }
}

/* The GSettings keys the app reads; their default is the core's. */
static void
test_settings_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) enabled = NULL;
  g_autoptr(GSettingsSchemaKey) address = NULL;
  g_autoptr(GVariant) enabled_default = NULL;
  g_autoptr(GVariant) address_default = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The schema is not compiled here (GSETTINGS_SCHEMA_DIR)");
      return;
    }

  enabled = g_settings_schema_get_key (schema, "playbook-updates");
  enabled_default = g_settings_schema_key_get_default_value (enabled);
  g_assert_false (g_variant_get_boolean (enabled_default));

  address = g_settings_schema_get_key (schema, "playbook-update-url");
  address_default = g_settings_schema_key_get_default_value (address);
  g_assert_cmpstr (g_variant_get_string (address_default, NULL), ==, OBJECTOR_PLAYBOOK_UPDATE_URL);
  g_assert_true (objector_net_validate_update_url (g_variant_get_string (address_default, NULL), NULL));
}

/* The command line, against the same servers (https only: the binary has no
 * loopback exception). */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  store_result_cb (object, result, user_data);
}

/* Runs objector while this process keeps serving. */
static void
run_cli (Run                *run,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("OBJECTOR_BINARY");

  if (binary == NULL)
    {
      g_test_skip ("OBJECTOR_BINARY is not set");
      return;
    }

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &result);
  wait_for (&result);
  g_subprocess_communicate_utf8_finish (process, result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("objector %s → %d\n%s%s", args[0], run->status, run->out, run->err);
}

#define RUN(run, ...) run_cli (run, (const char * const[]) { __VA_ARGS__, NULL })

static void
test_cli_check_links (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) json = { 0 };
  g_autoptr(GSocket) silent = NULL;
  g_autoptr(GSocketService) plain = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *json_filename = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *not_tls = NULL;
  g_autofree char *quiet = NULL;
  JsonArray *array;
  guint port;
  gint64 start, elapsed;

  plain = plain_server (&port);
  not_tls = g_strdup_printf ("https://127.0.0.1:%u/ok", port);
  silent = silent_server (&port);
  refused = g_strdup_printf ("https://127.0.0.1:%u/form", test_util_closed_port ());
  quiet = g_strdup_printf ("https://127.0.0.1:%u/overview", port);
  filename = write_playbook ("cli.json", refused, not_tls, quiet, refused, not_tls);

  /* One link never answers: the whole run still ends at the request limit
   * (10 s), well within a minute. */
  start = g_get_monotonic_time ();
  RUN (&run, "check-links", "--playbook", filename);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("check-links with a silent server: %" G_GINT64_FORMAT " ms", elapsed / 1000);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpint (elapsed, <, 30 * G_USEC_PER_SEC);
  g_assert_true (contains (run.out, "alpine-objection"));
  g_assert_true (contains (run.out, "offline"));
  g_assert_true (contains (run.out, "insecure"));
  g_assert_true (contains (run.out, "no answer"));
  g_assert_true (contains (run.out, refused));
  g_assert_true (contains (run.err, "objector: 5 of 5 links do not work"));
  /* One line per link, after the heading. */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines) - 2, ==, 5);

  g_clear_object (&silent);
  json_filename = write_playbook ("cli-json.json", refused, not_tls, not_tls, refused, not_tls);
  RUN (&json, "check-links", "--json", "--playbook", json_filename);
  g_assert_cmpint (json.status, ==, 1);
  root = json_from_string (json.out, &error);
  g_assert_no_error (error);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "verdict"), ==, "offline");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "verdict"), ==, "tls-failure");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "role"), ==, "alternative-form");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 1), "usable"));
}

static void
test_cli_refuses_http_playbook (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "data", "playbook", "http-form-url.json", NULL);

  RUN (&run, "check-links", "--playbook", filename);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (contains (run.err, "form_url: not an https URL"));
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_cli_update_playbook (void)
{
  g_auto(Run) refused = { 0 };
  g_auto(Run) http = { 0 };
  g_auto(Run) override = { 0 };
  g_autofree char *closed = g_strdup_printf ("https://127.0.0.1:%u/meta.json", test_util_closed_port ());
  g_autofree char *plain = url ("/playbook/newer.json");
  g_auto(GStrv) lines = NULL;

  clear_data_dir ();

  RUN (&refused, "update-playbook", "--url", closed);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_true (contains (refused.err, "Could not reach 127.0.0.1"));
  g_assert_true (contains (refused.err, "stays the same: version 2026120301, bundled"));
  lines = g_strsplit (refused.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);

  /* The binary has no loopback exception: plain http is refused, unasked. */
  reset ();
  RUN (&http, "update-playbook", "--url", plain);
  g_assert_cmpint (http.status, ==, 1);
  g_assert_true (contains (http.err, "not an https address"));
  g_assert_cmpuint (requests->len, ==, 0);

  RUN (&override, "update-playbook", "--playbook", plain);
  g_assert_cmpint (override.status, ==, 2);

  assert_no_user_playbook ();
}

/* Set-up */

static GBytes *
playbook_with_version (gint64 version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  char *text;

  (void) objector_get_resource ();
  bundled = g_resources_lookup_data (OBJECTOR_PLAYBOOK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled), &error);
  g_assert_no_error (error);
  json_object_set_int_member (json_node_get_object (json_parser_get_root (parser)), "version", version);
  text = json_to_string (json_parser_get_root (parser), FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static gboolean
run_quietly (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (work_dir, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                     | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* A CA and a certificate for 127.0.0.1 that it signed, made for this run. */
static void
start_tls_server (void)
{
  const char * const ca[] = {
    "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
    "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Objector Test CA",
    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    NULL };
  const char * const request[] = {
    "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1", NULL };
  const char * const sign[] = {
    "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
    "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *ext = g_build_filename (work_dir, "server.ext", NULL);
  g_autofree char *ca_file = g_build_filename (work_dir, "ca.pem", NULL);
  g_autofree char *cert_file = g_build_filename (work_dir, "server.pem", NULL);
  g_autofree char *key_file = g_build_filename (work_dir, "server.key", NULL);
  GSList *uris;

  g_file_set_contents (ext, "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n", -1, &error);
  g_assert_no_error (error);

  if (!run_quietly (ca) || !run_quietly (request) || !run_quietly (sign))
    return;

  certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error);
  g_assert_no_error (error);
  test_ca = g_tls_file_database_new (ca_file, &error);
  g_assert_no_error (error);

  tls_server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (tls_server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (tls_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (tls_server);
  tls_base = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  GSList *uris;
  int status;

  /* Our own folders, set before GLib reads them (G_TEST_OPTION_ISOLATE_DIRS
   * would leak under valgrind), and no proxy from the environment. */
  work_dir = g_dir_make_tmp ("objector-test-net-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (work_dir, "data", NULL);
  config_home = g_build_filename (work_dir, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");

  g_test_init (&argc, &argv, NULL);

  objector_net_set_insecure_loopback_for_testing (TRUE);
  resolver = g_object_new (FAKE_TYPE_RESOLVER, NULL);
  g_resolver_set_default (G_RESOLVER (resolver));

  requests = g_ptr_array_new_with_free_func (g_free);
  newer_playbook = playbook_with_version (NEWER_VERSION);
  older_playbook = playbook_with_version (OLDER_VERSION);

  server = soup_server_new ("server-header", "objector-test", NULL);
  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  start_tls_server ();

  g_test_add_func ("/net/link/reachable", test_reachable);
  g_test_add_func ("/net/link/head-refused", test_head_refused);
  g_test_add_func ("/net/link/get-body-not-read", test_get_body_not_read);
  g_test_add_func ("/net/link/redirect-chain", test_redirect_chain);
  g_test_add_func ("/net/link/redirect-to-gone", test_redirect_to_gone);
  g_test_add_func ("/net/link/redirect-foreign", test_redirect_foreign);
  g_test_add_func ("/net/link/redirect-broken", test_redirect_broken);
  g_test_add_func ("/net/link/status", test_status_verdicts);
  g_test_add_func ("/net/link/no-cookies-no-referer", test_no_cookies_no_referer);
  g_test_add_func ("/net/link/refused", test_refused_connection);
  g_test_add_func ("/net/link/unknown-host", test_unknown_host);
  g_test_add_func ("/net/link/lookup-hangs", test_lookup_hangs);
  g_test_add_func ("/net/link/never-answers", test_never_answers);
  g_test_add_func ("/net/link/overall-time-limit", test_overall_time_limit);
  g_test_add_func ("/net/link/cancel", test_cancel);
  g_test_add_func ("/net/link/tls-plain-server", test_tls_plain_server);
  g_test_add_func ("/net/link/tls-untrusted", test_tls_untrusted_certificate);
  g_test_add_func ("/net/link/tls-trusted", test_tls_trusted_certificate);
  g_test_add_func ("/net/link/not-allowed", test_not_allowed);
  g_test_add_func ("/net/link/loopback-exception", test_loopback_exception);
  g_test_add_func ("/net/link/classify", test_classify_error);
  g_test_add_func ("/net/link/verdict-names", test_verdict_names);
  g_test_add_func ("/net/playbook/links", test_playbook_links);
  g_test_add_func ("/net/playbook/concurrent", test_playbook_concurrent);
  g_test_add_func ("/net/playbook/cancel", test_playbook_cancel);
  g_test_add_func ("/net/update/installs", test_update_installs);
  g_test_add_func ("/net/update/never-downgrades", test_update_never_downgrades);
  g_test_add_func ("/net/update/same-host-redirect", test_update_follows_same_host_redirect);
  g_test_add_func ("/net/update/refused", test_update_refused);
  g_test_add_func ("/net/update/unreachable", test_update_unreachable);
  g_test_add_func ("/net/update/url-validation", test_update_url_validation);
  g_test_add_func ("/net/update/settings-schema", test_settings_schema);
  g_test_add_func ("/net/cli/check-links", test_cli_check_links);
  g_test_add_func ("/net/cli/http-playbook", test_cli_refuses_http_playbook);
  g_test_add_func ("/net/cli/update-playbook", test_cli_update_playbook);

  status = g_test_run ();

  /* Lets the servers see their clients go before they are freed. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  soup_server_disconnect (server);
  g_clear_object (&server);
  if (tls_server != NULL)
    soup_server_disconnect (tls_server);
  g_clear_object (&tls_server);
  g_clear_object (&test_ca);
  g_clear_object (&resolver);
  g_clear_pointer (&requests, g_ptr_array_unref);
  g_clear_pointer (&newer_playbook, g_bytes_unref);
  g_clear_pointer (&older_playbook, g_bytes_unref);
  g_clear_pointer (&last_user_agent, g_free);
  g_clear_pointer (&last_if_none_match, g_free);
  g_clear_pointer (&base, g_free);
  g_clear_pointer (&tls_base, g_free);
  remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);

  return status;
}

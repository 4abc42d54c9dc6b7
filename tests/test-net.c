/* test-net.c — link checks and playbook updates against SoupServers on 127.0.0.1
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "objector-cli.h"
#include "objector-enums.h"
#include "objector-error.h"
#include "objector-net-private.h"
#include "objector-playbook.h"
#include "objector-test-playbooks.h"
#include "objector-test-soup.h"
#include "objector-test-util.h"
#include "objector-url-policy.h"

#define NEWER_VERSION 2099010101
#define OLDER_VERSION 2020010101
#define ETAG "\"playbook-v1\""
#define LAST_MODIFIED "Wed, 01 Jan 2099 00:00:00 GMT"
#define NO_OUTCOME ((ObjectorPlaybookUpdateResult) 99)
#define INVALID_TEXT "{\"format\": 1, \"version\": "
#define WRONG_SCHEMA_TEXT "{\"format\": 1}"

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
static char *work_dir;            /* openssl's files */
static GPtrArray *requests;       /* "METHOD /path", since the last reset */
static char *last_user_agent;
static gboolean saw_cookie;
static gboolean saw_referer;
static char *last_if_none_match;
static GBytes *newer_playbook;
static GBytes *older_playbook;

static const char * const loopback_hosts[] = { "127.0.0.1", NULL };

/* Connections open to any silent server now, and the most at once, since reset(). */
static guint silent_open;
static guint silent_most_open;

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
  silent_open = 0;
  silent_most_open = 0;
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

/* The playbook this server gives at @path, if any: it is signed too. */
static GBytes *
served_playbook (const char *path)
{
  if (g_str_equal (path, "/playbook/newer.json") || g_str_equal (path, "/playbook/as-text"))
    return g_bytes_ref (newer_playbook);
  if (g_str_equal (path, "/playbook/older.json"))
    return g_bytes_ref (older_playbook);
  if (g_str_equal (path, "/playbook/invalid.json"))
    return g_bytes_new_static (INVALID_TEXT, strlen (INVALID_TEXT));
  if (g_str_equal (path, "/playbook/wrong-schema.json"))
    return g_bytes_new_static (WRONG_SCHEMA_TEXT, strlen (WRONG_SCHEMA_TEXT));
  return NULL;
}

static void
server_cb (SoupServerMessage *msg,
          const char        *path)
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

  /* Beside each playbook, its signature by the test key (test-signed-update
   * tries the others). */
  if (g_str_has_suffix (path, ".sig"))
    {
      g_autofree char *signed_path = g_strndup (path, strlen (path) - strlen (".sig"));
      g_autoptr(GBytes) served = served_playbook (signed_path);
      g_autofree char *signature = served != NULL ? test_playbooks_sign (served) : NULL;

      if (signature != NULL)
        respond_text (msg, SOUP_STATUS_OK, signature);
      else
        respond_text (msg, SOUP_STATUS_NOT_FOUND, "no signature");
    }
  else if (g_str_equal (path, "/ok"))
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
        test_util_soup_respond_endless (msg, "text/html");
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
      g_autoptr(GBytes) body = g_bytes_new_static (INVALID_TEXT, strlen (INVALID_TEXT));
      respond (msg, SOUP_STATUS_OK, "application/json", body);
    }
  else if (g_str_equal (path, "/playbook/wrong-schema.json"))
    {
      g_autoptr(GBytes) body = g_bytes_new_static (WRONG_SCHEMA_TEXT, strlen (WRONG_SCHEMA_TEXT));
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
    test_util_soup_respond_endless (msg, "application/json");
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

/* A socket service on 127.0.0.1, at a port of its own, that takes what
 * @incoming does not refuse. */
static GSocketService *
loopback_service (guint     *port,
                  GCallback  incoming,
                  gpointer   user_data)
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
  g_signal_connect (service, "incoming", incoming, user_data);
  g_socket_service_start (service);

  return service;
}

/* A server that takes every connection and never says a word: it reads what
 * it is sent until the client hangs up, and counts the connections (see
 * silent_open). */
typedef struct
{
  GSocketService *service;
  GCancellable   *cancellable;
  GPtrArray      *connections;
  guint           port;
  guint           accepted;
} SilentServer;

static void
silent_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  SilentServer *silent = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the server is gone */
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      silent_open--;
      return;
    }
  g_input_stream_read_bytes_async (G_INPUT_STREAM (source), 4096, G_PRIORITY_DEFAULT,
                                   silent->cancellable, silent_read_cb, silent);
}

static gboolean
on_silent_incoming (GSocketService    *service,
                    GSocketConnection *connection,
                    GObject           *source_object,
                    gpointer           user_data)
{
  SilentServer *silent = user_data;

  g_ptr_array_add (silent->connections, g_object_ref (connection));
  silent->accepted++;
  silent_open++;
  silent_most_open = MAX (silent_most_open, silent_open);
  g_input_stream_read_bytes_async (g_io_stream_get_input_stream (G_IO_STREAM (connection)), 4096,
                                   G_PRIORITY_DEFAULT, silent->cancellable, silent_read_cb, silent);
  return TRUE;
}

static SilentServer *
silent_server_new (void)
{
  SilentServer *silent = g_new0 (SilentServer, 1);

  silent->cancellable = g_cancellable_new ();
  silent->connections = g_ptr_array_new_with_free_func (g_object_unref);
  silent->service = loopback_service (&silent->port, G_CALLBACK (on_silent_incoming), silent);
  return silent;
}

static void
silent_server_free (SilentServer *silent)
{
  g_cancellable_cancel (silent->cancellable);
  g_socket_service_stop (silent->service);
  g_socket_listener_close (G_SOCKET_LISTENER (silent->service));
  for (guint i = 0; i < silent->connections->len; i++)
    g_io_stream_close (g_ptr_array_index (silent->connections, i), NULL, NULL);
  g_ptr_array_unref (silent->connections);
  g_object_unref (silent->service);
  g_object_unref (silent->cancellable);
  g_free (silent);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SilentServer, silent_server_free)

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
  return loopback_service (port, G_CALLBACK (on_plain_incoming), NULL);
}

/* Longer than any wait of a test (TEST_UTIL_WAIT_SECONDS): whatever ended
 * only at a time limit this long would fail the test, however fast or slow
 * the machine. */
#define NEVER_MS (2 * TEST_UTIL_WAIT_SECONDS * 1000)

/* A net whose time limits are longer than the test waits. */
static ObjectorNet *
patient_net (void)
{
  ObjectorNet *net = objector_net_new ();

  objector_net_set_request_timeout (net, NEVER_MS);
  objector_net_set_overall_timeout (net, NEVER_MS);
  return net;
}

/* Cancels @cancellable once @silent has the call's connection; the call's
 * result, when it has ended. */
static GAsyncResult *
cancel_once_connected (SilentServer  *silent,
                       GCancellable  *cancellable,
                       GAsyncResult **result)
{
  test_util_wait_until (silent->accepted == 1);
  g_cancellable_cancel (cancellable);
  return test_util_wait_result (result);
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

  objector_net_check_link_async (net, link, hosts, NULL, test_util_store_result_cb, &result);
  ObjectorLinkResult *found = objector_net_check_link_finish (net, test_util_wait_result (&result), &error);
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

/* Link checks */

/* One link on the plain server, and what checking it must give. */
typedef struct
{
  const char          *name;
  const char          *path;
  gboolean             facebook_too;   /* www.facebook.com is allowed as well as 127.0.0.1 */
  ObjectorLinkVerdict  verdict;
  guint                http_status;    /* 0: not looked at */
  const char          *final;          /* the path it ended at; "": none; NULL: not looked at */
  const char          *in_message;     /* words of the message; a path stands for its URL */
  const char          *foreign_host;
  const char          *once[4];        /* requests made exactly once each */
  guint                n_requests;     /* every request; 0: not counted */
  guint                most_requests;  /* 0: not counted */
} LinkCase;

static const LinkCase link_cases[] = {
  /* HEAD first: only the status matters. */
  { "reachable", "/ok", FALSE, OBJECTOR_LINK_VERDICT_REACHABLE, 200, "", NULL, NULL,
    { "HEAD /ok" }, 1, 0 },
  /* A server that refuses HEAD is asked with GET. */
  { "head-refused", "/head-refused", FALSE, OBJECTOR_LINK_VERDICT_REACHABLE, 0, NULL, NULL, NULL,
    { "HEAD /head-refused", "GET /head-refused" }, 0, 0 },
  { "head-not-implemented", "/head-not-implemented", FALSE, OBJECTOR_LINK_VERDICT_REACHABLE, 0, NULL,
    NULL, NULL, { "HEAD /head-not-implemented", "GET /head-not-implemented" }, 0, 0 },
  /* Every hop was requested by us (301, then 302, then the page). */
  { "redirect-chain", "/redirect-1", FALSE, OBJECTOR_LINK_VERDICT_MOVED, 200, "/ok", "/ok", NULL,
    { "HEAD /redirect-1", "HEAD /redirect-2", "HEAD /ok" }, 0, 0 },
  { "redirect-to-gone", "/redirect-to-gone", FALSE, OBJECTOR_LINK_VERDICT_GONE, 0, "/gone", NULL, NULL,
    { NULL }, 0, 0 },
  /* Not followed: not even looked up. */
  { "redirect-foreign", "/foreign", TRUE, OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT, 0, NULL,
    "evil.example", "evil.example", { NULL }, 1, 0 },
  /* An allowed host, but plain http. */
  { "redirect-downgrade", "/downgrade", TRUE, OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT, 0, NULL,
    "www.facebook.com", "www.facebook.com", { NULL }, 1, 0 },
  /* https://127.0.0.1@evil.example/ */
  { "redirect-disguised", "/disguised", TRUE, OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT, 0, NULL,
    "evil.example", "evil.example", { NULL }, 1, 0 },
  { "redirect-loop", "/loop-a", FALSE, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, 0, NULL, "circle", NULL,
    { NULL }, 0, OBJECTOR_NET_MAX_REDIRECTS + 1 },
  { "redirect-too-many", "/many/0", FALSE, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, 0, NULL,
    "more than 10", NULL, { NULL }, 0, OBJECTOR_NET_MAX_REDIRECTS + 1 },
  { "redirect-nowhere", "/no-location", FALSE, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, 0, NULL,
    "without saying where", NULL, { NULL }, 0, OBJECTOR_NET_MAX_REDIRECTS + 1 },
  { "status-404", "/gone", FALSE, OBJECTOR_LINK_VERDICT_GONE, 404, "", "404", NULL, { NULL }, 0, 0 },
  { "status-403", "/forbidden", FALSE, OBJECTOR_LINK_VERDICT_GONE, 403, "", "403", NULL, { NULL }, 0, 0 },
  { "status-500", "/broken", FALSE, OBJECTOR_LINK_VERDICT_SERVER_ERROR, 500, "", "500", NULL, { NULL }, 0, 0 },
  { "status-503", "/unavailable", FALSE, OBJECTOR_LINK_VERDICT_SERVER_ERROR, 503, "", "503", NULL,
    { NULL }, 0, 0 },
};

static void
test_link_case (gconstpointer data)
{
  const LinkCase *expected = data;
  const char * const facebook_too[] = { "127.0.0.1", "www.facebook.com", NULL };
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *link = url (expected->path);
  g_autoptr(ObjectorLinkResult) found = NULL;
  ObjectorLinkVerdict verdict = expected->verdict;

  reset ();
  found = check_hosts (net, link, expected->facebook_too ? facebook_too : loopback_hosts);

  assert_verdict (found, verdict);
  g_assert_cmpstr (objector_link_result_get_url (found), ==, link);
  g_assert_cmpint (objector_link_result_is_usable (found), ==,
                   verdict == OBJECTOR_LINK_VERDICT_REACHABLE || verdict == OBJECTOR_LINK_VERDICT_MOVED);
  if (expected->http_status != 0)
    g_assert_cmpuint (objector_link_result_get_http_status (found), ==, expected->http_status);
  if (expected->final != NULL && *expected->final == '\0')
    g_assert_null (objector_link_result_get_final_url (found));
  else if (expected->final != NULL)
    {
      g_autofree char *final = url (expected->final);

      g_assert_cmpstr (objector_link_result_get_final_url (found), ==, final);
    }
  if (expected->in_message != NULL)
    {
      g_autofree char *words = expected->in_message[0] == '/' ? url (expected->in_message)
                                                               : g_strdup (expected->in_message);

      test_util_assert_contains (objector_link_result_get_message (found), words);
    }
  g_assert_cmpstr (objector_link_result_get_foreign_host (found), ==, expected->foreign_host);

  for (guint i = 0; i < G_N_ELEMENTS (expected->once) && expected->once[i] != NULL; i++)
    g_assert_cmpuint (count_requests (expected->once[i]), ==, 1);
  if (expected->n_requests != 0)
    g_assert_cmpuint (requests->len, ==, expected->n_requests);
  if (expected->most_requests != 0)
    g_assert_cmpuint (requests->len, <=, expected->most_requests);
  /* Loopback by its address: nothing to look up, and nothing elsewhere was. */
  g_assert_cmpuint (resolver->lookups, ==, 0);
  if (requests->len > 0)
    g_assert_cmpstr (last_user_agent, ==, "Objector/" PACKAGE_VERSION);
}

/* A GET fallback needs the status, not the body: a body that never ends must
 * not keep the check waiting until a time limit (longer than the test waits). */
static void
test_get_body_not_read (void)
{
  g_autoptr(ObjectorNet) net = patient_net ();
  g_autofree char *link = url ("/head-refused-endless");

  reset ();
  g_autoptr(ObjectorLinkResult) found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_REACHABLE);
}

static void
test_no_cookies_no_referer (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *link = url ("/set-cookie");
  g_autofree char *again = url ("/ok");

  reset ();
  g_autoptr(ObjectorLinkResult) first = check (net, link);
  assert_verdict (first, OBJECTOR_LINK_VERDICT_MOVED);
  g_autoptr(ObjectorLinkResult) second = check (net, again);
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

  g_autoptr(ObjectorLinkResult) found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_OFFLINE);
  g_assert_cmpuint (objector_link_result_get_http_status (found), ==, 0);
  test_util_assert_contains (objector_link_result_get_message (found), "online");
}

static void
test_unknown_host (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  const char * const hosts[] = { "forms.example.org", NULL };

  reset ();
  g_autoptr(ObjectorLinkResult) found = check_hosts (net, "https://forms.example.org/object", hosts);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_OFFLINE);
  test_util_assert_contains (objector_link_result_get_message (found), "forms.example.org");
  g_assert_cmpuint (resolver->lookups, >=, 1);
}

/* The time limits: each ends a check that nothing else would end, and not
 * before it is up. The other limit is longer than the test waits, so the one
 * under test is the one that ended it. */
typedef struct
{
  const char          *name;
  gboolean             lookup_hangs;   /* a DNS server that never answers; else a silent server */
  guint                request_ms;
  guint                overall_ms;
  ObjectorLinkVerdict  verdict;
  const char          *in_message;
  guint                limit_ms;
} LimitCase;

static const LimitCase limit_cases[] = {
  /* Offline: the site itself was never reached. */
  { "lookup-hangs", TRUE, 300, NEVER_MS, OBJECTOR_LINK_VERDICT_OFFLINE, "Looking up forms.example.org", 300 },
  { "never-answers", FALSE, 300, NEVER_MS, OBJECTOR_LINK_VERDICT_TIMEOUT, "0.3 seconds", 300 },
  { "overall-time-limit", FALSE, NEVER_MS, 400, OBJECTOR_LINK_VERDICT_TIMEOUT, "overall time limit", 400 },
};

static void
test_time_limit (gconstpointer data)
{
  const LimitCase *limit = data;
  const char * const hosts[] = { "forms.example.org", NULL };
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(SilentServer) silent = silent_server_new ();
  g_autofree char *link = g_strdup_printf ("http://127.0.0.1:%u/form", silent->port);
  g_autoptr(ObjectorLinkResult) found = NULL;
  gint64 start, elapsed;

  objector_net_set_request_timeout (net, limit->request_ms);
  objector_net_set_overall_timeout (net, limit->overall_ms);
  reset ();
  resolver->hang = limit->lookup_hangs;

  start = g_get_monotonic_time ();
  if (limit->lookup_hangs)
    found = check_hosts (net, "https://forms.example.org/object", hosts);
  else
    found = check (net, link);
  elapsed = g_get_monotonic_time () - start;

  assert_verdict (found, limit->verdict);
  test_util_assert_contains (objector_link_result_get_message (found), limit->in_message);
  /* Not before the limit (less a timer's slack). */
  g_assert_cmpint (elapsed, >=, (gint64) (limit->limit_ms - 50) * 1000);
  g_assert_cmpuint (silent->accepted, ==, limit->lookup_hangs ? 0 : 1);
}

/* Cancelled while the server keeps it waiting: the check ends at once (no
 * time limit would end it while the test waits). */
static void
test_cancel (void)
{
  g_autoptr(ObjectorNet) net = patient_net ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SilentServer) silent = silent_server_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *link = g_strdup_printf ("http://127.0.0.1:%u/form", silent->port);

  objector_net_check_link_async (net, link, loopback_hosts, cancellable, test_util_store_result_cb, &result);
  g_autoptr(ObjectorLinkResult) found =
    objector_net_check_link_finish (net, cancel_once_connected (silent, cancellable, &result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (found);
}

static void
test_tls_plain_server (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  guint port;

  g_autoptr(GSocketService) plain = plain_server (&port);
  g_autofree char *link = g_strdup_printf ("https://127.0.0.1:%u/ok", port);
  reset ();
  g_autoptr(ObjectorLinkResult) found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_TLS_FAILURE);
  test_util_assert_contains (objector_link_result_get_message (found), "nothing was sent");
  g_assert_cmpuint (requests->len, ==, 0);
}

static void
test_tls_untrusted_certificate (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();

  if (tls_server == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }

  /* The system does not know the test CA: the certificate must be refused,
   * never accepted with a warning, and the request never sent. */
  g_autofree char *link = tls_url ("/ok");
  reset ();
  g_autoptr(ObjectorLinkResult) found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_TLS_FAILURE);
  g_assert_cmpuint (requests->len, ==, 0);
}

static void
test_tls_trusted_certificate (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();

  if (tls_server == NULL)
    {
      g_test_skip ("openssl is not installed: no certificate to test with");
      return;
    }

  objector_net_set_tls_database_for_testing (net, test_ca);
  g_autofree char *link = tls_url ("/ok");
  g_autofree char *redirect = tls_url ("/redirect-1");
  g_autofree char *final = tls_url ("/ok");

  reset ();
  g_autoptr(ObjectorLinkResult) found = check (net, link);
  assert_verdict (found, OBJECTOR_LINK_VERDICT_REACHABLE);
  g_autoptr(ObjectorLinkResult) moved = check (net, redirect);
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

  g_assert_true (objector_url_is_allowed ("http://127.0.0.1:8080/form", loopback));
  g_assert_true (objector_url_is_allowed ("http://[::1]:8080/form", loopback));
  g_assert_true (objector_url_is_allowed ("https://127.0.0.1/form", loopback));

  g_assert_false (objector_url_is_allowed ("http://localhost/form", others));
  g_assert_false (objector_url_is_allowed ("http://10.0.0.1/form", others));
  g_assert_false (objector_url_is_allowed ("http://127.0.0.2/form", others));
  g_assert_false (objector_url_is_allowed ("http://www.facebook.com/form", others));
  g_assert_false (objector_url_is_allowed ("http://127.0.0.1.evil.example/form", others));
  g_assert_false (objector_url_is_allowed ("http://user@127.0.0.1/form", loopback));
  g_assert_false (objector_url_is_allowed ("ftp://127.0.0.1/form", loopback));
  /* Still only hosts on the list. */
  g_assert_false (objector_url_is_allowed ("http://127.0.0.1/form", others));

  objector_url_set_loopback_for_testing (FALSE);
  g_assert_false (objector_url_is_allowed ("http://127.0.0.1:8080/form", loopback));
  g_assert_false (objector_url_is_allowed ("http://[::1]:8080/form", loopback));
  g_assert_true (objector_url_is_allowed ("https://127.0.0.1/form", loopback));
  objector_url_set_loopback_for_testing (TRUE);
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

      g_assert_cmpint (objector_http_classify_error (error, cases[i].resolving), ==, cases[i].verdict);
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

static GListModel *
check_playbook (ObjectorNet      *net,
                ObjectorPlaybook *playbook)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  objector_net_check_playbook_async (net, playbook, NULL, test_util_store_result_cb, &result);
  GListModel *results = objector_net_check_playbook_finish (net, test_util_wait_result (&result), &error);
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
  g_autoptr(GError) error = NULL;

  if (tls_server == NULL)
    {
      g_test_skip ("openssl is not installed: playbooks need https, and https a certificate");
      return;
    }

  objector_net_set_tls_database_for_testing (net, test_ca);
  g_autofree char *ok = tls_url ("/ok");
  g_autofree char *gone = tls_url ("/gone");
  g_autofree char *moved = tls_url ("/redirect-1");
  g_autofree char *offline = g_strdup_printf ("https://127.0.0.1:%u/form", test_util_closed_port ());
  g_autofree char *filename = test_util_loopback_playbook ("links.json", ok, gone, moved, ok, offline);
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_file (filename, &error);
  g_assert_no_error (error);

  reset ();
  g_autoptr(GListModel) results = check_playbook (net, playbook);

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 5);
  assert_result (results, 0, "alpine-objection", OBJECTOR_LINK_ROLE_FORM, ok, OBJECTOR_LINK_VERDICT_REACHABLE);
  assert_result (results, 1, "alpine-objection", OBJECTOR_LINK_ROLE_ALTERNATIVE_FORM, gone, OBJECTOR_LINK_VERDICT_GONE);
  assert_result (results, 2, "alpine-objection", OBJECTOR_LINK_ROLE_OVERVIEW, moved, OBJECTOR_LINK_VERDICT_MOVED);
  assert_result (results, 3, "second-path", OBJECTOR_LINK_ROLE_FORM, ok, OBJECTOR_LINK_VERDICT_REACHABLE);
  assert_result (results, 4, "second-path", OBJECTOR_LINK_ROLE_OVERVIEW, offline, OBJECTOR_LINK_VERDICT_OFFLINE);
  /* The form both paths share was asked for once; the redirect's target once more. */
  g_assert_cmpuint (count_requests ("HEAD /ok"), ==, 2);
}

/* Every link at once: a playbook of four silent servers has the four
 * connections open at the same time, and takes one time limit, not four. */
static void
test_playbook_concurrent (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(GError) error = NULL;
  SilentServer *silent[4];
  char *links[4];
  gint64 start, elapsed;

  for (guint i = 0; i < G_N_ELEMENTS (silent); i++)
    {
      silent[i] = silent_server_new ();
      links[i] = g_strdup_printf ("https://127.0.0.1:%u/link", silent[i]->port);
    }
  g_autofree char *filename =
    test_util_loopback_playbook ("silent.json", links[0], links[1], links[2], links[3], links[0]);
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_file (filename, &error);
  g_assert_no_error (error);

  objector_net_set_request_timeout (net, 1500);
  reset ();
  start = g_get_monotonic_time ();
  g_autoptr(GListModel) results = check_playbook (net, playbook);
  elapsed = g_get_monotonic_time () - start;

  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(ObjectorLinkResult) found = g_list_model_get_item (results, i);
      assert_verdict (found, OBJECTOR_LINK_VERDICT_TIMEOUT);
    }
  /* One after the other, no two would have been open together. */
  g_test_message ("4 silent servers, 1.5 s limit each: %" G_GINT64_FORMAT " ms, %u connections at once",
                  elapsed / 1000, silent_most_open);
  g_assert_cmpuint (silent_most_open, ==, 4);
  g_assert_cmpint (elapsed, >=, 1400 * 1000);

  for (guint i = 0; i < G_N_ELEMENTS (silent); i++)
    {
      g_assert_cmpuint (silent[i]->accepted, ==, 1);
      g_clear_pointer (&silent[i], silent_server_free);
      g_clear_pointer (&links[i], g_free);
    }
}

/* Cancelled while its server keeps it waiting: ended at once (no time limit
 * would end it while the test waits). */
static void
test_playbook_cancel (void)
{
  g_autoptr(ObjectorNet) net = patient_net ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SilentServer) silent = silent_server_new ();
  g_autofree char *link = g_strdup_printf ("https://127.0.0.1:%u/link", silent->port);
  g_autofree char *filename = test_util_loopback_playbook ("cancel.json", link, link, link, link, link);

  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_file (filename, &error);
  g_assert_no_error (error);

  objector_net_check_playbook_async (net, playbook, cancellable, test_util_store_result_cb, &result);
  g_autoptr(GListModel) results =
    objector_net_check_playbook_finish (net, cancel_once_connected (silent, cancellable, &result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
}

/* Playbook updates */

static void
clear_data_dir (void)
{
  test_util_reset_data ();
}

static ObjectorPlaybook *
update (ObjectorNet                   *net,
        const char                    *from,
        ObjectorPlaybook              *current,
        ObjectorPlaybookUpdateResult  *outcome,
        GError                       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  objector_net_update_playbook_async (net, from, current, NULL, test_util_store_result_cb, &result);
  ObjectorPlaybook *playbook =
    objector_net_update_playbook_finish (net, test_util_wait_result (&result), outcome, error);
  if (error != NULL && *error != NULL)
    g_test_message ("update from %s: %s", from, (*error)->message);
  return playbook;
}

/* An update that works, with the outcome @expected. */
static ObjectorPlaybook *
update_ok (ObjectorNet                  *net,
           const char                   *from,
           ObjectorPlaybook             *current,
           ObjectorPlaybookUpdateResult  expected)
{
  g_autoptr(GError) error = NULL;
  ObjectorPlaybookUpdateResult outcome = NO_OUTCOME;
  ObjectorPlaybook *playbook = update (net, from, current, &outcome, &error);

  g_assert_no_error (error);
  g_assert_nonnull (playbook);
  g_assert_cmpint (outcome, ==, expected);
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
assert_no_user_playbook (void)
{
  g_autofree char *user_file = objector_playbook_dup_user_filename ();

  g_assert_false (g_file_test (user_file, G_FILE_TEST_EXISTS));
}

static void
test_update_installs (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *from = url ("/playbook/newer.json");
  g_autofree char *as_text = url ("/playbook/as-text");
  g_autofree char *user_file = objector_playbook_dup_user_filename ();
  g_autofree char *state_file = objector_net_dup_update_state_filename ();
  GStatBuf before, after;

  clear_data_dir ();
  reset ();
  g_autoptr(ObjectorPlaybook) bundled = load_default ();
  g_assert_cmpstr (objector_playbook_get_origin (bundled), ==, "bundled");

  g_autoptr(ObjectorPlaybook) updated = update_ok (net, from, bundled, OBJECTOR_PLAYBOOK_UPDATE_INSTALLED);
  g_assert_cmpint (objector_playbook_get_version (updated), ==, NEWER_VERSION);
  g_assert_cmpstr (objector_playbook_get_origin (updated), ==, user_file);
  g_assert_null (last_if_none_match);
  test_util_assert_mode (user_file, 0600);
  test_util_assert_mode (state_file, 0600);
  g_autofree char *state = test_util_read_file (state_file, NULL);
  test_util_assert_contains (state, "playbook-v1");
  test_util_assert_contains (state, LAST_MODIFIED);

  /* The loader now prefers it. */
  g_autoptr(ObjectorPlaybook) reloaded = load_default ();
  g_assert_cmpint (objector_playbook_get_version (reloaded), ==, NEWER_VERSION);

  /* Asked again: a conditional request, answered 304. */
  g_autoptr(ObjectorPlaybook) again = update_ok (net, from, reloaded, OBJECTOR_PLAYBOOK_UPDATE_NOT_MODIFIED);
  g_assert_cmpstr (last_if_none_match, ==, ETAG);
  g_assert_true (again == reloaded);

  /* The same version again, unconditionally (another URL): not newer, so
   * nothing is written. */
  g_assert_cmpint (g_stat (user_file, &before), ==, 0);
  g_autoptr(ObjectorPlaybook) unchanged = update_ok (net, as_text, reloaded, OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER);
  g_assert_true (unchanged == reloaded);
  g_assert_cmpint (g_stat (user_file, &after), ==, 0);
  g_assert_cmpint (before.st_ino, ==, after.st_ino);
}

/* A stale caller (it still uses the bundled playbook) cannot make an older
 * or equal download replace the newer copy on disk. */
static void
test_update_never_downgrades (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *newer_url = url ("/playbook/as-text");
  g_autofree char *older_url = url ("/playbook/older.json");

  clear_data_dir ();
  g_autoptr(ObjectorPlaybook) bundled = load_default ();

  g_autoptr(ObjectorPlaybook) older = update_ok (net, older_url, bundled, OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER);
  g_assert_true (older == bundled);
  assert_no_user_playbook ();

  g_object_unref (update_ok (net, newer_url, bundled, OBJECTOR_PLAYBOOK_UPDATE_INSTALLED));
  g_object_unref (update_ok (net, newer_url, bundled, OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER));

  g_autoptr(ObjectorPlaybook) after = load_default ();
  g_assert_cmpint (objector_playbook_get_version (after), ==, NEWER_VERSION);
}

static void
test_update_follows_same_host_redirect (void)
{
  g_autoptr(ObjectorNet) net = quick_net ();
  g_autofree char *from = url ("/playbook/moved");

  clear_data_dir ();
  reset ();
  g_autoptr(ObjectorPlaybook) bundled = load_default ();
  g_object_unref (update_ok (net, from, bundled, OBJECTOR_PLAYBOOK_UPDATE_INSTALLED));
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
      /* Refused as soon as it was known, not at a time limit (which is
       * longer than the test waits). */
      g_autoptr(ObjectorNet) net = patient_net ();
      g_autoptr(ObjectorPlaybook) bundled = NULL;
      g_autoptr(ObjectorPlaybook) updated = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *from = url (cases[i].path);
      g_autofree char *state_file = objector_net_dup_update_state_filename ();
      ObjectorPlaybookUpdateResult outcome = NO_OUTCOME;

      clear_data_dir ();
      reset ();
      bundled = load_default ();
      updated = update (net, from, bundled, &outcome, &error);

      g_assert_error (error, OBJECTOR_ERROR, cases[i].code);
      test_util_assert_contains (error->message, cases[i].words);
      g_assert_null (updated);
      g_assert_cmpint (outcome, ==, NO_OUTCOME);
      assert_no_user_playbook ();
      g_assert_false (g_file_test (state_file, G_FILE_TEST_EXISTS));
    }
}

static void
test_update_unreachable (void)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(ObjectorPlaybook) bundled = load_default ();
  g_autoptr(SilentServer) silent = silent_server_new ();
  guint port;

  clear_data_dir ();

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *from = g_strdup_printf ("http://127.0.0.1:%u/meta.json", test_util_closed_port ());
    g_autoptr(ObjectorPlaybook) updated = update (net, from, bundled, NULL, &error);

    g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK);
    test_util_assert_contains (error->message, "online");
    g_assert_null (updated);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *from = NULL;
    g_autoptr(ObjectorPlaybook) updated = NULL;

    from = g_strdup_printf ("http://127.0.0.1:%u/meta.json", silent->port);
    objector_net_set_request_timeout (net, 300);
    updated = update (net, from, bundled, NULL, &error);
    objector_net_set_request_timeout (net, 10000);
    g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK);
    test_util_assert_contains (error->message, "did not answer within 0.3 seconds");
    g_assert_null (updated);
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GSocketService) plain = plain_server (&port);
    g_autofree char *from = g_strdup_printf ("https://127.0.0.1:%u/meta.json", port);
    g_autoptr(ObjectorPlaybook) updated = update (net, from, bundled, NULL, &error);

    g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK);
    test_util_assert_contains (error->message, "secure connection");
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
      test_util_assert_contains (error->message, "https");
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

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The schema is not compiled here (GSETTINGS_SCHEMA_DIR)");
      return;
    }

  g_autoptr(GSettingsSchemaKey) enabled = g_settings_schema_get_key (schema, "playbook-updates");
  g_autoptr(GVariant) enabled_default = g_settings_schema_key_get_default_value (enabled);
  g_assert_false (g_variant_get_boolean (enabled_default));

  g_autoptr(GSettingsSchemaKey) address = g_settings_schema_get_key (schema, "playbook-update-url");
  g_autoptr(GVariant) address_default = g_settings_schema_key_get_default_value (address);
  g_assert_cmpstr (g_variant_get_string (address_default, NULL), ==, OBJECTOR_PLAYBOOK_UPDATE_URL);
  g_assert_true (objector_net_validate_update_url (g_variant_get_string (address_default, NULL), NULL));
}

/* The command line, against the same servers (https only: the binary has no
 * loopback exception). */

/* The command line in this process, where the loopback exception holds
 * (the binary refuses a playbook that names a loopback host: forms open
 * only on Meta's): its standard output and error are caught in files. */
static void
run_cli_in_process (TestRun            *run,
                    const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out_file = g_build_filename (work_dir, "cli-out", NULL);
  g_autofree char *err_file = g_build_filename (work_dir, "cli-err", NULL);
  int out_fd = g_open (out_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err_fd = g_open (err_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int saved_out = dup (STDOUT_FILENO);
  int saved_err = dup (STDERR_FILENO);

  test_run_clear (run);
  g_ptr_array_add (argv, (gpointer) "objector");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (out_fd, >=, 0);
  g_assert_cmpint (err_fd, >=, 0);
  fflush (stdout);
  fflush (stderr);
  dup2 (out_fd, STDOUT_FILENO);
  dup2 (err_fd, STDERR_FILENO);
  run->status = objector_cli_run (argv->len - 1, (char **) argv->pdata);
  fflush (stdout);
  fflush (stderr);
  dup2 (saved_out, STDOUT_FILENO);
  dup2 (saved_err, STDERR_FILENO);
  close (saved_out);
  close (saved_err);
  close (out_fd);
  close (err_fd);

  g_assert_true (g_file_get_contents (out_file, &run->out, NULL, NULL));
  g_assert_true (g_file_get_contents (err_file, &run->err, NULL, NULL));
  /* Only what the command printed, as from the binary: not the debug
   * messages a test program writes as "# " lines on standard output. */
  {
    g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);
    GString *out = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      if (!g_str_has_prefix (lines[i], "# "))
        g_string_append_printf (out, "%s%s", lines[i], lines[i + 1] != NULL ? "\n" : "");
    g_free (run->out);
    run->out = g_string_free (out, FALSE);
  }
  g_test_message ("objector %s (in this process) → %d\n%s%s", args[0], run->status, run->out, run->err);
}

#define RUN_IN_PROCESS(run, ...) run_cli_in_process (run, (const char * const[]) { __VA_ARGS__, NULL })

static void
test_cli_check_links (void)
{
  g_auto(TestRun) run = { 0 };
  g_auto(TestRun) binary = { 0 };
  g_autoptr(SilentServer) silent = silent_server_new ();
  guint port;

  g_autoptr(GSocketService) plain = plain_server (&port);
  g_autofree char *not_tls = g_strdup_printf ("https://127.0.0.1:%u/ok", port);
  g_autofree char *refused = g_strdup_printf ("https://127.0.0.1:%u/form", test_util_closed_port ());
  g_autofree char *quiet = g_strdup_printf ("https://127.0.0.1:%u/overview", silent->port);
  g_autofree char *filename = test_util_loopback_playbook ("cli.json", refused, not_tls, quiet, refused, not_tls);

  /* One link never answers: the whole run still ends, at the request limit
   * (10 s), well within the minute a run may take; it says "no answer". */
  RUN_IN_PROCESS (&run, "check-links", "--playbook", filename);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (silent->accepted, ==, 1);
  test_util_assert_contains_all (run.out,
                                 "alpine-objection",
                                 "offline",
                                 "insecure",
                                 "no answer",
                                 refused);
  test_util_assert_contains (run.err, "objector: 5 of 5 links do not work");
  /* One line per link, after the heading. */
  g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines) - 2, ==, 5);

  g_clear_pointer (&silent, silent_server_free);
  g_autofree char *json_filename =
    test_util_loopback_playbook ("cli-json.json", refused, not_tls, not_tls, refused, not_tls);
  RUN_IN_PROCESS (&run, "check-links", "--json", "--playbook", json_filename);
  g_assert_cmpint (run.status, ==, 1);
  g_autoptr(JsonArray) array = test_util_parse_array (run.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "verdict"), ==, "offline");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "verdict"), ==, "tls-failure");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "role"), ==, "alternative-form");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 1), "usable"));

  /* The binary has no loopback exception: such a playbook is refused. */
  TEST_RUN (&binary, "check-links", "--playbook", json_filename);
  g_assert_cmpint (binary.status, ==, 1);
  test_util_assert_contains (binary.err, "allowed_hosts[0]: “127.0.0.1” is not one of Meta’s domains");
  g_assert_cmpstr (binary.out, ==, "");
}

static void
test_cli_refuses_http_playbook (void)
{
  g_auto(TestRun) run = { 0 };
  g_autofree char *filename = test_util_data_path ("playbook", "http-form-url.json", NULL);

  TEST_RUN (&run, "check-links", "--playbook", filename);
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains (run.err, "form_url: not an https URL");
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_cli_update_playbook (void)
{
  g_auto(TestRun) run = { 0 };
  g_autofree char *closed = g_strdup_printf ("https://127.0.0.1:%u/meta.json", test_util_closed_port ());
  g_autofree char *plain = url ("/playbook/newer.json");

  clear_data_dir ();

  TEST_RUN (&run, "update-playbook", "--url", closed);
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains (run.err, "Could not reach 127.0.0.1");
  test_util_assert_contains (run.err, "stays the same: version 2026120301, bundled");
  g_auto(GStrv) lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);

  /* The binary has no loopback exception: plain http is refused, unasked. */
  reset ();
  TEST_RUN (&run, "update-playbook", "--url", plain);
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains (run.err, "not an https address");
  g_assert_cmpuint (requests->len, ==, 0);

  TEST_RUN (&run, "update-playbook", "--playbook", plain);
  g_assert_cmpint (run.status, ==, 2);

  assert_no_user_playbook ();
}

/* Set-up */

static GBytes *
playbook_with_version (gint64 version)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, version);

  return test_playbooks_bundled_with ("version", text, NULL);
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
  g_autofree char *ext = g_build_filename (work_dir, "server.ext", NULL);
  g_autofree char *ca_file = g_build_filename (work_dir, "ca.pem", NULL);
  g_autofree char *cert_file = g_build_filename (work_dir, "server.pem", NULL);
  g_autofree char *key_file = g_build_filename (work_dir, "server.key", NULL);

  g_file_set_contents (ext, "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n", -1, &error);
  g_assert_no_error (error);

  if (!run_quietly (ca) || !run_quietly (request) || !run_quietly (sign))
    return;

  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error);
  g_assert_no_error (error);
  test_ca = g_tls_file_database_new (ca_file, &error);
  g_assert_no_error (error);

  tls_server = test_util_soup_serve (server_cb, certificate, &tls_base);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* No proxy from the environment. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  test_util_init (&argc, &argv, "net");
  work_dir = test_util_make_dir ("tls");

  objector_url_set_loopback_for_testing (TRUE);
  test_playbooks_trust_test_key ();
  resolver = g_object_new (FAKE_TYPE_RESOLVER, NULL);
  g_resolver_set_default (G_RESOLVER (resolver));

  requests = g_ptr_array_new_with_free_func (g_free);
  newer_playbook = playbook_with_version (NEWER_VERSION);
  older_playbook = playbook_with_version (OLDER_VERSION);

  server = test_util_soup_serve (server_cb, NULL, &base);

  start_tls_server ();

  TEST_UTIL_ADD_CASES ("/net/link", link_cases, test_link_case);
  g_test_add_func ("/net/link/get-body-not-read", test_get_body_not_read);
  g_test_add_func ("/net/link/no-cookies-no-referer", test_no_cookies_no_referer);
  g_test_add_func ("/net/link/refused", test_refused_connection);
  g_test_add_func ("/net/link/unknown-host", test_unknown_host);
  TEST_UTIL_ADD_CASES ("/net/link", limit_cases, test_time_limit);
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
  g_clear_pointer (&work_dir, g_free);
  test_util_clean_up ();

  return status;
}

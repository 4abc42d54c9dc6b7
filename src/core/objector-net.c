/* objector-net.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "objector-enums.h"
#include "objector-error.h"
#include "objector-net-internal.h"
#include "objector-net-private.h"
#include "objector-url-policy.h"

struct _ObjectorNet
{
  GObject      parent_instance;

  SoupSession *session;
  guint        request_timeout;  /* ms */
  guint        overall_timeout;  /* ms */
};

G_DEFINE_FINAL_TYPE (ObjectorNet, objector_net, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REQUEST_TIMEOUT,
  PROP_OVERALL_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
objector_net_set_tls_database_for_testing (ObjectorNet  *self,
                                           GTlsDatabase *database)
{
  g_return_if_fail (g_test_initialized ());
  g_return_if_fail (OBJECTOR_IS_NET (self));
  g_return_if_fail (G_IS_TLS_DATABASE (database));

  g_object_set (self->session, "tls-database", database, NULL);
}

char *
objector_net_format_duration (guint msec)
{
  if (msec % 1000 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", msec / 1000),
                            msec / 1000);

  return g_strdup_printf (_("%.1f seconds"), msec / 1000.0);
}

void
objector_net_exchange_free (ObjectorNetExchange *exchange)
{
  if (exchange == NULL)
    return;

  if (exchange->outer != NULL)
    {
      g_cancellable_disconnect (exchange->outer, exchange->outer_handler);
      g_object_unref (exchange->outer);
    }

  if (exchange->timer != NULL)
    {
      g_source_destroy (exchange->timer);
      g_source_unref (exchange->timer);
    }

  if (exchange->message != NULL)
    {
      g_signal_handlers_disconnect_by_data (exchange->message, exchange);
      g_object_unref (exchange->message);
    }

  g_clear_object (&exchange->cancellable);
  g_free (exchange);
}

static void
on_outer_cancelled (GCancellable *outer,
                    gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_exchange_timeout (gpointer user_data)
{
  ObjectorNetExchange *exchange = user_data;

  exchange->timed_out = TRUE;
  g_cancellable_cancel (exchange->cancellable);

  return G_SOURCE_REMOVE;
}

static void
on_network_event (SoupMessage        *message,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  ObjectorNetExchange *exchange = user_data;

  exchange->resolving = event == G_SOCKET_CLIENT_RESOLVING;
}

SoupMessage *
objector_net_new_message (const char *method,
                          const char *url)
{
  SoupMessage *message = soup_message_new (method, url);
  SoupMessageHeaders *headers;

  if (message == NULL)
    return NULL;

  /* Every hop is checked before it is taken. */
  soup_message_set_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  /* Nothing that says who the person is or where they came from. */
  headers = soup_message_get_request_headers (message);
  soup_message_headers_remove (headers, "Referer");
  soup_message_headers_remove (headers, "Cookie");

  return message;
}

gboolean
objector_net_next_timeout (ObjectorNet *self,
                           gint64       deadline,
                           guint       *timeout_ms,
                           gboolean    *overall_limit)
{
  gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;

  if (left_ms <= 0)
    return FALSE;

  *overall_limit = left_ms < self->request_timeout;
  *timeout_ms = *overall_limit ? (guint) left_ms : self->request_timeout;

  return TRUE;
}

ObjectorNetExchange *
objector_net_exchange_new (SoupMessage  *message,
                           GCancellable *outer,
                           guint         timeout_ms,
                           gboolean      overall_limit)
{
  ObjectorNetExchange *exchange = g_new0 (ObjectorNetExchange, 1);

  exchange->message = message;
  exchange->cancellable = g_cancellable_new ();
  exchange->timeout_ms = timeout_ms;
  exchange->overall_limit = overall_limit;

  if (outer != NULL)
    {
      exchange->outer = g_object_ref (outer);
      exchange->outer_handler = g_cancellable_connect (outer, G_CALLBACK (on_outer_cancelled),
                                                       g_object_ref (exchange->cancellable),
                                                       g_object_unref);
    }

  g_signal_connect (message, "network-event", G_CALLBACK (on_network_event), exchange);

  exchange->timer = g_timeout_source_new (timeout_ms);
  g_source_set_callback (exchange->timer, on_exchange_timeout, exchange, NULL);
  g_source_set_name (exchange->timer, "[objector] request time limit");
  g_source_attach (exchange->timer, g_main_context_get_thread_default ());

  return exchange;
}

ObjectorLinkVerdict
objector_net_classify_error (const GError *error,
                             gboolean      resolving)
{
  g_return_val_if_fail (error != NULL, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE);

  if (error->domain == G_RESOLVER_ERROR)
    return OBJECTOR_LINK_VERDICT_OFFLINE;

  if (error->domain == G_TLS_ERROR)
    return OBJECTOR_LINK_VERDICT_TLS_FAILURE;

  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_NETWORK_UNREACHABLE:
        case G_IO_ERROR_HOST_UNREACHABLE:
        case G_IO_ERROR_HOST_NOT_FOUND:
        case G_IO_ERROR_PROXY_FAILED:
        case G_IO_ERROR_PROXY_NOT_ALLOWED:
        case G_IO_ERROR_PROXY_AUTH_FAILED:
        case G_IO_ERROR_PROXY_NEED_AUTH:
          return OBJECTOR_LINK_VERDICT_OFFLINE;

        /* Our own time limit cancels; the session's reports TIMED_OUT. */
        case G_IO_ERROR_TIMED_OUT:
        case G_IO_ERROR_CANCELLED:
          return resolving ? OBJECTOR_LINK_VERDICT_OFFLINE : OBJECTOR_LINK_VERDICT_TIMEOUT;

        default:
          break;
        }
    }

  return OBJECTOR_LINK_VERDICT_INVALID_RESPONSE;
}

char *
objector_net_describe_failure (ObjectorLinkVerdict  verdict,
                               const char          *host,
                               const GError        *error,
                               ObjectorNetExchange *exchange)
{
  g_autofree char *limit = objector_net_format_duration (exchange->timeout_ms);

  switch (verdict)
    {
    case OBJECTOR_LINK_VERDICT_OFFLINE:
      if (exchange->timed_out)
        return g_strdup_printf (_("Looking up %s took longer than %s: check that this computer is online."),
                                host, limit);
      return g_strdup_printf (_("Could not reach %s (%s): check that this computer is online."),
                              host, error->message);

    case OBJECTOR_LINK_VERDICT_TIMEOUT:
      if (exchange->overall_limit)
        return g_strdup_printf (_("%s had not answered when the overall time limit ran out; try again later."),
                                host);
      return g_strdup_printf (_("%s did not answer within %s; try again later."), host, limit);

    case OBJECTOR_LINK_VERDICT_TLS_FAILURE:
      return g_strdup_printf (_("The secure connection to %s failed (%s), so nothing was sent. "
                                "If this persists, something on this network may be intercepting it."),
                              host, error->message);

    case OBJECTOR_LINK_VERDICT_INVALID_RESPONSE:
    default:
      return g_strdup_printf (_("%s gave an answer that could not be read (%s); try again later."),
                              host, error->message);
    }
}

/* Link checks */

typedef struct
{
  ObjectorLinkVerdict  verdict;
  guint                http_status;
  char                *final_url;
  char                *foreign_host;
  char                *message;
} Finding;

static void
finding_free (Finding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->final_url);
  g_free (finding->foreign_host);
  g_free (finding->message);
  g_free (finding);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Finding, finding_free)

typedef struct
{
  char      *url;
  char     **allowed_hosts;
  gint64     deadline;     /* monotonic µs */
  char      *current_url;
  char      *host;         /* of current_url */
  GPtrArray *visited;
  guint      redirects;
  gboolean   use_get;
  ObjectorNetExchange *exchange;
} LinkCheck;

static void
link_check_free (LinkCheck *check)
{
  g_free (check->url);
  g_strfreev (check->allowed_hosts);
  g_free (check->current_url);
  g_free (check->host);
  g_ptr_array_unref (check->visited);
  objector_net_exchange_free (check->exchange);
  g_free (check);
}

/* Ends a check; takes @message. */
static void
link_check_return (GTask               *task,
                   ObjectorLinkVerdict  verdict,
                   guint                http_status,
                   const char          *final_url,
                   const char          *foreign_host,
                   char                *message)
{
  LinkCheck *check = g_task_get_task_data (task);
  Finding *finding = g_new0 (Finding, 1);

  finding->verdict = verdict;
  finding->http_status = http_status;
  finding->final_url = g_strdup (final_url);
  finding->foreign_host = g_strdup (foreign_host);
  finding->message = message;

  g_clear_pointer (&check->exchange, objector_net_exchange_free);
  g_task_return_pointer (task, finding, (GDestroyNotify) finding_free);
}

static void link_check_sent_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);

/* Sends the next request of the check; takes @task. */
static void
link_check_send (GTask *task)
{
  ObjectorNet *self = g_task_get_source_object (task);
  LinkCheck *check = g_task_get_task_data (task);
  SoupMessage *message;
  gboolean overall_limit = FALSE;
  guint timeout_ms = 0;

  g_clear_pointer (&check->exchange, objector_net_exchange_free);

  if (!objector_net_next_timeout (self, check->deadline, &timeout_ms, &overall_limit))
    {
      link_check_return (task, OBJECTOR_LINK_VERDICT_TIMEOUT, 0, NULL, NULL,
                         g_strdup_printf (_("%s had not answered when the overall time limit ran out; try again later."),
                                          check->host));
      g_object_unref (task);
      return;
    }

  message = objector_net_new_message (check->use_get ? SOUP_METHOD_GET : SOUP_METHOD_HEAD, check->current_url);
  if (message == NULL)
    {
      /* Every URL was checked before; should libsoup still refuse one, the
       * person reads why instead of the app crashing. */
      link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, 0, NULL, NULL,
                         g_strdup_printf (_("“%s” is not a valid address."), check->current_url));
      g_object_unref (task);
      return;
    }

  check->exchange = objector_net_exchange_new (message, g_task_get_cancellable (task), timeout_ms, overall_limit);
  soup_session_send_async (self->session, message, G_PRIORITY_DEFAULT,
                           check->exchange->cancellable, link_check_sent_cb, task);
}

/* A 3xx: checks the destination and goes on there, or ends the check.
 * Takes @owned_task. */
static void
link_check_follow (GTask       *owned_task,
                   guint        status,
                   const char  *location)
{
  g_autoptr(GTask) task = owned_task;
  LinkCheck *check = g_task_get_task_data (task);
  g_autoptr(GUri) next = NULL;
  g_autofree char *next_url = NULL;
  g_autofree char *next_host = NULL;
  ObjectorUrlCheck url_check;

  if (location == NULL || *location == '\0')
    {
      link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, check->current_url, NULL,
                         g_strdup_printf (_("%s answered with a redirect (HTTP %u) without saying where to."),
                                          check->host, status));
      return;
    }

  if (objector_url_is_printable_ascii (location))
    next = g_uri_parse_relative (soup_message_get_uri (check->exchange->message), location,
                                 SOUP_HTTP_URI_FLAGS, NULL);
  if (next != NULL)
    next_url = g_uri_to_string (next);

  url_check = next_url != NULL ? objector_url_check_request (next_url, (const char * const *) check->allowed_hosts, &next_host)
                               : OBJECTOR_URL_INVALID;
  if (url_check == OBJECTOR_URL_INVALID)
    {
      link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, check->current_url, NULL,
                         g_strdup_printf (_("%s redirects to something that is not a valid address."),
                                          check->host));
      return;
    }

  if (url_check != OBJECTOR_URL_OK)
    {
      g_autofree char *why = NULL;

      /* objector_url_check() names no host for a URL it refuses early. */
      if (next_host == NULL)
        next_host = objector_url_dup_host (next_url);
      why = objector_url_describe_refusal (url_check, next_url, next_host);
      link_check_return (task, OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT, status, next_url, next_host,
                         g_strdup_printf (_("The page redirects to %s, which was not followed: %s "
                                            "Do not enter your details there; look for a newer playbook."),
                                          next_url, why));
      return;
    }

  for (guint i = 0; i < check->visited->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (check->visited, i), next_url))
        {
          link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, next_url, NULL,
                             g_strdup_printf (_("The redirects from %s go round in a circle."), check->url));
          return;
        }
    }

  if (++check->redirects > OBJECTOR_NET_MAX_REDIRECTS)
    {
      link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, check->current_url, NULL,
                         g_strdup_printf (_("%s redirects more than %u times."), check->url,
                                          OBJECTOR_NET_MAX_REDIRECTS));
      return;
    }

  g_ptr_array_add (check->visited, g_strdup (next_url));
  g_free (check->current_url);
  check->current_url = g_steal_pointer (&next_url);
  g_free (check->host);
  check->host = g_steal_pointer (&next_host);

  link_check_send (g_steal_pointer (&task));
}

static void
link_check_sent_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LinkCheck *check = g_task_get_task_data (task);
  ObjectorNetExchange *exchange = check->exchange;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  const char *moved_to;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (stream == NULL)
    {
      ObjectorLinkVerdict verdict;

      if (g_task_return_error_if_cancelled (task))
        return;

      verdict = objector_net_classify_error (error, exchange->resolving);
      link_check_return (task, verdict, 0, check->redirects > 0 ? check->current_url : NULL, NULL,
                         objector_net_describe_failure (verdict, check->host, error, exchange));
      return;
    }

  status = soup_message_get_status (exchange->message);

  /* Only the status matters: a GET's body is dropped with its connection
   * rather than downloaded. */
  if (check->use_get)
    g_cancellable_cancel (exchange->cancellable);
  g_clear_object (&stream);

  if (!check->use_get
      && (status == SOUP_STATUS_METHOD_NOT_ALLOWED || status == SOUP_STATUS_NOT_IMPLEMENTED))
    {
      check->use_get = TRUE;
      link_check_send (g_steal_pointer (&task));
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      const char *location = soup_message_headers_get_one (soup_message_get_response_headers (exchange->message),
                                                           "Location");

      link_check_follow (g_steal_pointer (&task), status, location);
      return;
    }

  moved_to = check->redirects > 0 ? check->current_url : NULL;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (moved_to != NULL)
        link_check_return (task, OBJECTOR_LINK_VERDICT_MOVED, status, moved_to, NULL,
                           g_strdup_printf (_("The page moved to %s, which answers (HTTP %u); "
                                              "the playbook may need an update."),
                                            moved_to, status));
      else
        link_check_return (task, OBJECTOR_LINK_VERDICT_REACHABLE, status, NULL, NULL,
                           g_strdup_printf (_("The page answers (HTTP %u)."), status));
    }
  else if (SOUP_STATUS_IS_CLIENT_ERROR (status))
    link_check_return (task, OBJECTOR_LINK_VERDICT_GONE, status, moved_to, NULL,
                       g_strdup_printf (_("%s answers HTTP %u %s: the page is gone or refused; "
                                          "look for a newer playbook."),
                                        moved_to != NULL ? moved_to : check->url,
                                        status, soup_status_get_phrase (status)));
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    link_check_return (task, OBJECTOR_LINK_VERDICT_SERVER_ERROR, status, moved_to, NULL,
                       g_strdup_printf (_("%s answers HTTP %u %s: the site has a problem; try again later."),
                                        check->host, status, soup_status_get_phrase (status)));
  else
    link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, moved_to, NULL,
                       g_strdup_printf (_("%s answers HTTP %u, which is not an answer a page gives."),
                                        check->host, status));
}

/* Checks @url; the task returns a Finding. Shares @deadline with the other
 * checks of a batch. */
static void
link_check_start (ObjectorNet         *self,
                  const char          *url,
                  const char * const  *allowed_hosts,
                  gint64               deadline,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *host = NULL;
  LinkCheck *check;
  ObjectorUrlCheck url_check;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, link_check_start);

  check = g_new0 (LinkCheck, 1);
  check->url = g_strdup (url);
  check->allowed_hosts = g_strdupv ((char **) allowed_hosts);
  check->deadline = deadline;
  check->current_url = g_strdup (url);
  check->visited = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (check->visited, g_strdup (url));
  g_task_set_task_data (task, check, (GDestroyNotify) link_check_free);

  url_check = objector_url_check_request (url, allowed_hosts, &host);
  check->host = host != NULL ? g_strdup (host) : g_strdup (url);

  if (url_check != OBJECTOR_URL_OK)
    {
      g_autofree char *why = objector_url_describe_refusal (url_check, url, host);

      link_check_return (task, OBJECTOR_LINK_VERDICT_NOT_ALLOWED, 0, NULL, NULL,
                         g_strdup_printf (_("Not checked: %s"), why));
      return;
    }

  link_check_send (g_steal_pointer (&task));
}

static Finding *
link_check_finish (GAsyncResult  *result,
                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static ObjectorLinkResult *
link_result_new (const char       *url,
                 ObjectorLinkRole  role,
                 const char       *path_id,
                 Finding          *finding)
{
  return g_object_new (OBJECTOR_TYPE_LINK_RESULT,
                       "url", url,
                       "role", role,
                       "path-id", path_id,
                       "verdict", finding->verdict,
                       "http-status", finding->http_status,
                       "final-url", finding->final_url,
                       "foreign-host", finding->foreign_host,
                       "message", finding->message,
                       NULL);
}

static void
check_link_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Finding) finding = NULL;

  finding = link_check_finish (result, &error);
  if (finding == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task,
                         link_result_new (g_task_get_task_data (task), OBJECTOR_LINK_ROLE_OTHER,
                                          NULL, finding),
                         g_object_unref);
}

void
objector_net_check_link_async (ObjectorNet         *self,
                               const char          *url,
                               const char * const  *allowed_hosts,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gint64 deadline;

  g_return_if_fail (OBJECTOR_IS_NET (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_net_check_link_async);
  g_task_set_task_data (task, g_strdup (url), g_free);

  deadline = g_get_monotonic_time () + (gint64) self->overall_timeout * 1000;
  link_check_start (self, url, allowed_hosts, deadline, cancellable,
                    check_link_cb, g_steal_pointer (&task));
}

ObjectorLinkResult *
objector_net_check_link_finish (ObjectorNet   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (OBJECTOR_IS_NET (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == objector_net_check_link_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Checking a whole playbook */

typedef struct
{
  char             *path_id;
  ObjectorLinkRole  role;
  char             *url;
  char             *key;   /* URL and allowed hosts: what is requested once */
} BatchEntry;

typedef struct
{
  GPtrArray  *entries;    /* of BatchEntry, in playbook order */
  GHashTable *findings;   /* key → Finding, once checked */
  guint       pending;
  GError     *error;
} Batch;

typedef struct
{
  GTask *task;   /* the batch's */
  char  *key;
} BatchCheck;

static void
batch_entry_free (BatchEntry *entry)
{
  g_free (entry->path_id);
  g_free (entry->url);
  g_free (entry->key);
  g_free (entry);
}

static void
batch_free (Batch *batch)
{
  g_ptr_array_unref (batch->entries);
  g_hash_table_unref (batch->findings);
  g_clear_error (&batch->error);
  g_free (batch);
}

static void
batch_return (GTask *task)
{
  Batch *batch = g_task_get_task_data (task);
  GListStore *results;

  if (batch->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&batch->error));
      return;
    }

  results = g_list_store_new (OBJECTOR_TYPE_LINK_RESULT);
  for (guint i = 0; i < batch->entries->len; i++)
    {
      BatchEntry *entry = g_ptr_array_index (batch->entries, i);
      Finding *finding = g_hash_table_lookup (batch->findings, entry->key);
      g_autoptr(ObjectorLinkResult) link = NULL;

      g_assert (finding != NULL);
      link = link_result_new (entry->url, entry->role, entry->path_id, finding);
      g_list_store_append (results, link);
    }

  g_task_return_pointer (task, results, g_object_unref);
}

static void
batch_check_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BatchCheck *data = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&data->task);
  g_autofree char *key = g_steal_pointer (&data->key);
  Batch *batch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  Finding *finding;

  g_free (data);

  finding = link_check_finish (result, &error);
  if (finding != NULL)
    g_hash_table_replace (batch->findings, g_steal_pointer (&key), finding);
  else if (batch->error == NULL)
    batch->error = g_steal_pointer (&error);

  if (--batch->pending == 0)
    batch_return (task);
}

static void
batch_add (Batch              *batch,
           ObjectorPath       *path,
           ObjectorLinkRole    role,
           const char         *url)
{
  const char * const *hosts = objector_path_get_allowed_hosts (path);
  BatchEntry *entry;
  g_autofree char *joined = NULL;

  if (url == NULL)
    return;

  joined = g_strjoinv (" ", (char **) hosts);
  entry = g_new0 (BatchEntry, 1);
  entry->path_id = g_strdup (objector_path_get_id (path));
  entry->role = role;
  entry->url = g_strdup (url);
  entry->key = g_strconcat (url, "\n", joined, NULL);
  g_ptr_array_add (batch->entries, entry);
}

void
objector_net_check_playbook_async (ObjectorNet         *self,
                                   ObjectorPlaybook    *playbook,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) started = NULL;
  GListModel *paths;
  Batch *batch;
  gint64 deadline;

  g_return_if_fail (OBJECTOR_IS_NET (self));
  g_return_if_fail (OBJECTOR_IS_PLAYBOOK (playbook));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_net_check_playbook_async);

  batch = g_new0 (Batch, 1);
  batch->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_entry_free);
  batch->findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) finding_free);
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);

  paths = objector_playbook_get_paths (playbook);
  for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);

      GPtrArray *forms = objector_path_get_forms (path);

      batch_add (batch, path, OBJECTOR_LINK_ROLE_FORM, objector_path_get_form_url (path));
      batch_add (batch, path, OBJECTOR_LINK_ROLE_ALTERNATIVE_FORM,
                 objector_path_get_alternative_form_url (path));
      batch_add (batch, path, OBJECTOR_LINK_ROLE_OVERVIEW, objector_path_get_overview_url (path));
      /* The other places the form may be (help.meta.com…). */
      for (guint f = 0; f < forms->len; f++)
        {
          const char *url = ((ObjectorFormCandidate *) g_ptr_array_index (forms, f))->url;

          if (g_strcmp0 (url, objector_path_get_form_url (path)) != 0
              && g_strcmp0 (url, objector_path_get_alternative_form_url (path)) != 0
              && g_strcmp0 (url, objector_path_get_overview_url (path)) != 0)
            batch_add (batch, path, OBJECTOR_LINK_ROLE_ALTERNATIVE_FORM, url);
        }
    }

  if (batch->entries->len == 0)
    {
      batch_return (task);
      return;
    }

  /* Counted before any check starts, as one may end at once. */
  started = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < batch->entries->len; i++)
    {
      BatchEntry *entry = g_ptr_array_index (batch->entries, i);

      if (g_hash_table_add (started, entry->key))
        batch->pending++;
    }

  deadline = g_get_monotonic_time () + (gint64) self->overall_timeout * 1000;
  g_hash_table_remove_all (started);
  for (guint i = 0; i < batch->entries->len; i++)
    {
      BatchEntry *entry = g_ptr_array_index (batch->entries, i);
      g_autoptr(ObjectorPath) path = NULL;
      BatchCheck *data;

      if (!g_hash_table_add (started, entry->key))
        continue;

      path = g_object_ref (objector_playbook_lookup_path (playbook, entry->path_id));
      data = g_new0 (BatchCheck, 1);
      data->task = g_object_ref (task);
      data->key = g_strdup (entry->key);
      link_check_start (self, entry->url, objector_path_get_allowed_hosts (path), deadline,
                        cancellable, batch_check_cb, data);
    }
}

GListModel *
objector_net_check_playbook_finish (ObjectorNet   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (OBJECTOR_IS_NET (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == objector_net_check_playbook_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The object */

static void
objector_net_dispose (GObject *object)
{
  ObjectorNet *self = (ObjectorNet *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (objector_net_parent_class)->dispose (object);
}

static void
objector_net_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ObjectorNet *self = OBJECTOR_NET (object);

  switch (prop_id)
    {
    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
      break;

    case PROP_OVERALL_TIMEOUT:
      g_value_set_uint (value, self->overall_timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_net_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ObjectorNet *self = OBJECTOR_NET (object);

  switch (prop_id)
    {
    case PROP_REQUEST_TIMEOUT:
      objector_net_set_request_timeout (self, g_value_get_uint (value));
      break;

    case PROP_OVERALL_TIMEOUT:
      objector_net_set_overall_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_net_class_init (ObjectorNetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = objector_net_dispose;
  object_class->get_property = objector_net_get_property;
  object_class->set_property = objector_net_set_property;

  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL,
                       1, G_MAXUINT, OBJECTOR_NET_REQUEST_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERALL_TIMEOUT] =
    g_param_spec_uint ("overall-timeout", NULL, NULL,
                       1, G_MAXUINT, OBJECTOR_NET_OVERALL_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The session's own I/O limit (whole seconds) only backs up our timers. */
static void
update_session_timeout (ObjectorNet *self)
{
  g_object_set (self->session, "timeout", self->request_timeout / 1000 + 2, NULL);
}

static void
objector_net_init (ObjectorNet *self)
{
  self->request_timeout = OBJECTOR_NET_REQUEST_TIMEOUT_MS;
  self->overall_timeout = OBJECTOR_NET_OVERALL_TIMEOUT_MS;

  /* A plain User-Agent (libsoup adds nothing when it does not end in a
   * space), no cookie jar, no Accept-Language. Certificates are checked
   * against the system's CAs, and nothing connects to
   * SoupMessage::accept-certificate, so a bad one always fails. */
  self->session = soup_session_new_with_options ("user-agent", "Objector/" PACKAGE_VERSION,
                                                 "max-conns-per-host", 4,
                                                 NULL);
  /* We never log in anywhere: answer no authentication challenge. */
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_AUTH_MANAGER);
  update_session_timeout (self);
}

ObjectorNet *
objector_net_new (void)
{
  return g_object_new (OBJECTOR_TYPE_NET, NULL);
}

SoupSession *
objector_net_get_session (ObjectorNet *self)
{
  g_return_val_if_fail (OBJECTOR_IS_NET (self), NULL);

  return self->session;
}

guint
objector_net_get_request_timeout (ObjectorNet *self)
{
  g_return_val_if_fail (OBJECTOR_IS_NET (self), 0);

  return self->request_timeout;
}

void
objector_net_set_request_timeout (ObjectorNet *self,
                                  guint        msec)
{
  g_return_if_fail (OBJECTOR_IS_NET (self));
  g_return_if_fail (msec > 0);

  if (self->request_timeout == msec)
    return;

  self->request_timeout = msec;
  update_session_timeout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_TIMEOUT]);
}

guint
objector_net_get_overall_timeout (ObjectorNet *self)
{
  g_return_val_if_fail (OBJECTOR_IS_NET (self), 0);

  return self->overall_timeout;
}

void
objector_net_set_overall_timeout (ObjectorNet *self,
                                  guint        msec)
{
  g_return_if_fail (OBJECTOR_IS_NET (self));
  g_return_if_fail (msec > 0);

  if (self->overall_timeout == msec)
    return;

  self->overall_timeout = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERALL_TIMEOUT]);
}

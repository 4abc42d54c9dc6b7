/* objector-link-checker.c — checking one link, and every link of a playbook
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A link is requested with HEAD (GET when a server refuses HEAD), its
 * redirects followed one by one while the URL policy allows them; what it
 * answers, or why it did not, is an ObjectorLinkResult, never an error.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-net-private.h"

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
  ObjectorHttpRoute     route;
  gint64                deadline;     /* monotonic µs */
  gboolean              use_get;
  ObjectorHttpExchange *exchange;
} LinkCheck;

static void
link_check_free (LinkCheck *check)
{
  objector_http_route_clear (&check->route);
  objector_http_exchange_free (check->exchange);
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

  g_clear_pointer (&check->exchange, objector_http_exchange_free);
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

  g_clear_pointer (&check->exchange, objector_http_exchange_free);

  message = objector_http_message_new (check->use_get ? SOUP_METHOD_GET : SOUP_METHOD_HEAD,
                                       check->route.current_url);
  if (message == NULL)
    {
      /* Every URL was checked before; should libsoup still refuse one, the
       * person reads why instead of the app crashing. */
      link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, 0, NULL, NULL,
                         g_strdup_printf (_("“%s” is not a valid address."), check->route.current_url));
      g_object_unref (task);
      return;
    }

  check->exchange = objector_net_send (self, message, check->deadline, g_task_get_cancellable (task),
                                       link_check_sent_cb, task);
  if (check->exchange == NULL)
    {
      link_check_return (task, OBJECTOR_LINK_VERDICT_TIMEOUT, 0, NULL, NULL,
                         g_strdup_printf (_("%s had not answered when the overall time limit ran out; try again later."),
                                          check->route.host));
      g_object_unref (task);
    }
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
  ObjectorHttpRoute *route = &check->route;
  g_autofree char *next_url = NULL;
  g_autofree char *next_host = NULL;
  g_autofree char *why = NULL;
  ObjectorUrlCheck url_check;

  switch (objector_http_route_follow (route, check->exchange->message, location,
                                      &next_url, &next_host, &url_check))
    {
    case OBJECTOR_HTTP_REDIRECT_FOLLOW:
      link_check_send (g_steal_pointer (&task));
      return;

    case OBJECTOR_HTTP_REDIRECT_NOWHERE:
      link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, route->current_url, NULL,
                         g_strdup_printf (_("%s answered with a redirect (HTTP %u) without saying where to."),
                                          route->host, status));
      return;

    case OBJECTOR_HTTP_REDIRECT_INVALID:
      link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, route->current_url, NULL,
                         g_strdup_printf (_("%s redirects to something that is not a valid address."),
                                          route->host));
      return;

    case OBJECTOR_HTTP_REDIRECT_REFUSED:
      why = objector_url_describe_refusal (url_check, next_url, next_host);
      link_check_return (task, OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT, status, next_url, next_host,
                         g_strdup_printf (_("The page redirects to %s, which was not followed: %s "
                                            "Do not enter your details there; look for a newer playbook."),
                                          next_url, why));
      return;

    case OBJECTOR_HTTP_REDIRECT_LOOP:
      link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, next_url, NULL,
                         g_strdup_printf (_("The redirects from %s go round in a circle."), route->url));
      return;

    case OBJECTOR_HTTP_REDIRECT_TOO_MANY:
    default:
      link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, route->current_url, NULL,
                         g_strdup_printf (_("%s redirects more than %u times."), route->url,
                                          OBJECTOR_NET_MAX_REDIRECTS));
      return;
    }
}

static void
link_check_sent_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LinkCheck *check = g_task_get_task_data (task);
  ObjectorHttpExchange *exchange = check->exchange;
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

      verdict = objector_http_classify_error (error, exchange->resolving);
      link_check_return (task, verdict, 0, check->route.redirects > 0 ? check->route.current_url : NULL, NULL,
                         objector_http_describe_failure (verdict, check->route.host, error, exchange));
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

  moved_to = check->route.redirects > 0 ? check->route.current_url : NULL;

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
                                        moved_to != NULL ? moved_to : check->route.url,
                                        status, soup_status_get_phrase (status)));
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    link_check_return (task, OBJECTOR_LINK_VERDICT_SERVER_ERROR, status, moved_to, NULL,
                       g_strdup_printf (_("%s answers HTTP %u %s: the site has a problem; try again later."),
                                        check->route.host, status, soup_status_get_phrase (status)));
  else
    link_check_return (task, OBJECTOR_LINK_VERDICT_INVALID_RESPONSE, status, moved_to, NULL,
                       g_strdup_printf (_("%s answers HTTP %u, which is not an answer a page gives."),
                                        check->route.host, status));
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

  url_check = objector_url_check_request (url, allowed_hosts, &host);

  check = g_new0 (LinkCheck, 1);
  objector_http_route_init (&check->route, url, allowed_hosts, host);
  check->deadline = deadline;
  g_task_set_task_data (task, check, (GDestroyNotify) link_check_free);

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

  deadline = objector_net_get_deadline (self);
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

  deadline = objector_net_get_deadline (self);
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


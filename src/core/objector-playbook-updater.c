/* objector-playbook-updater.c — fetching a newer playbook, signed by Objector's maintainers
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An update is two downloads from the update URL's own host, both over
 * https with every redirect checked (objector-http.c's rules): the playbook,
 * then its detached signature at the address it finally came from with
 * ".sig" appended to the path. Only when the signature is valid for one of
 * the compiled-in keys (objector-signature.c) is the playbook read at all;
 * then it must be valid (objector-playbook.c, Meta's hosts only) and newer
 * than the one in use. Anything less changes nothing on disk.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "objector-clock.h"
#include "objector-error.h"
#include "objector-files.h"
#include "objector-json.h"
#include "objector-net-private.h"
#include "objector-signature.h"
#include "objector-url-policy.h"

#define UPDATE_STATE_FORMAT 1
#define UPDATE_STATE_MAX_SIZE (64 * 1024)
#define ACCEPT_PLAYBOOK "application/json, text/plain;q=0.5"

/* What the last download left: for conditional requests. */
typedef struct
{
  char   *url;
  char   *etag;
  char   *last_modified;
  gint64  version;
} UpdateState;

static void
update_state_free (UpdateState *state)
{
  if (state == NULL)
    return;

  g_free (state->url);
  g_free (state->etag);
  g_free (state->last_modified);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UpdateState, update_state_free)

char *
objector_net_dup_update_state_filename (void)
{
  return objector_files_dup_data_file ("playbook-update.json");
}

/* NULL when there is none or it cannot be used: then the request is simply
 * not conditional. */
static UpdateState *
update_state_load (const char *filename)
{
  /* They go into request headers: a control character is damage. */
  const ObjectorJsonFlags header = OBJECTOR_JSON_NO_CONTROLS;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UpdateState) state = NULL;
  gint64 format = 0;
  JsonObject *object;

  if (!g_file_test (filename, G_FILE_TEST_EXISTS))
    return NULL;

  /* A URL, two validators and a version: never more than a few hundred bytes. */
  object = objector_json_load_file (parser, filename, UPDATE_STATE_MAX_SIZE, &error);
  if (object == NULL
      || !objector_json_get_int (object, NULL, "format", OBJECTOR_JSON_REQUIRED,
                                 G_MININT64, G_MAXINT64, &format, &error))
    {
      g_debug ("Ignoring %s: %s", filename, error->message);
      return NULL;
    }
  if (format != UPDATE_STATE_FORMAT)
    return NULL;

  state = g_new0 (UpdateState, 1);
  if (!objector_json_dup_string (object, NULL, "url", OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY | header,
                                 &state->url, &error)
      || !objector_json_dup_string (object, NULL, "etag", header, &state->etag, &error)
      || !objector_json_dup_string (object, NULL, "last_modified", header, &state->last_modified, &error)
      || !objector_json_get_int (object, NULL, "version", OBJECTOR_JSON_REQUIRED,
                                 G_MININT64, G_MAXINT64, &state->version, &error))
    {
      g_debug ("Ignoring %s: %s", filename, error->message);
      return NULL;
    }

  return state->version > 0 ? g_steal_pointer (&state) : NULL;
}

/* Failing to remember is not worth failing an update for: the next request
 * is then unconditional. */
static void
update_state_save (const char *filename,
                   const char *url,
                   const char *etag,
                   const char *last_modified,
                   gint64      version)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) now = objector_clock_now ();
  g_autofree char *checked = objector_clock_format_utc (now);
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, UPDATE_STATE_FORMAT);
  objector_json_add_string (builder, "url", url);
  objector_json_add_string (builder, "etag", etag);
  objector_json_add_string (builder, "last_modified", last_modified);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
  objector_json_add_string (builder, "checked", checked);
  json_builder_end_object (builder);

  if (!objector_json_save_file (builder, filename, &error))
    g_debug ("Could not remember the playbook download: %s", error->message);
}

typedef struct
{
  ObjectorPlaybook             *playbook;
  ObjectorPlaybookUpdateResult  outcome;
} UpdateOutcome;

static void
update_outcome_free (UpdateOutcome *outcome)
{
  g_clear_object (&outcome->playbook);
  g_free (outcome);
}

typedef struct
{
  ObjectorHttpRoute     route;             /* allowed: the update URL's own host */
  gint64                deadline;
  ObjectorPlaybook     *current;
  UpdateState          *state;
  gboolean              conditional;
  gboolean              signature_phase;   /* the playbook is in; now its signature */
  ObjectorHttpExchange *exchange;
  GInputStream         *stream;
  GByteArray           *body;              /* of the download under way */
  GBytes               *playbook;          /* once it is in */
  char                 *etag;
  char                 *last_modified;
  char                 *user_file;
  char                 *state_file;
} Update;

static void
update_free (Update *update)
{
  objector_http_route_clear (&update->route);
  g_clear_object (&update->current);
  update_state_free (update->state);
  g_clear_object (&update->stream);
  objector_http_exchange_free (update->exchange);
  g_clear_pointer (&update->body, g_byte_array_unref);
  g_clear_pointer (&update->playbook, g_bytes_unref);
  g_free (update->etag);
  g_free (update->last_modified);
  g_free (update->user_file);
  g_free (update->state_file);
  g_free (update);
}

static void
update_return (GTask                        *task,
               ObjectorPlaybook             *playbook,
               ObjectorPlaybookUpdateResult  result)
{
  UpdateOutcome *outcome = g_new0 (UpdateOutcome, 1);

  outcome->playbook = g_object_ref (playbook);
  outcome->outcome = result;
  g_task_return_pointer (task, outcome, (GDestroyNotify) update_outcome_free);
}

static void update_fail (GTask      *task,
                         GQuark      domain,
                         int         code,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

static void
update_fail (GTask      *task,
             GQuark      domain,
             int         code,
             const char *format,
             ...)
{
  Update *update = g_task_get_task_data (task);
  g_autofree char *message = NULL;
  va_list args;

  /* Drops the connection too, when the answer is refused half-read. */
  if (update->exchange != NULL)
    g_cancellable_cancel (update->exchange->cancellable);
  g_clear_object (&update->stream);
  g_clear_pointer (&update->exchange, objector_http_exchange_free);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_task_return_new_error (task, domain, code, "%s", message);
}

static void update_sent_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data);

/* Takes @task. */
static void
update_send (GTask *task)
{
  ObjectorNet *self = g_task_get_source_object (task);
  Update *update = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  SoupMessage *message;

  g_clear_pointer (&update->exchange, objector_http_exchange_free);

  message = objector_http_message_new (SOUP_METHOD_GET, update->route.current_url);
  g_assert (message != NULL);
  headers = soup_message_get_request_headers (message);
  if (update->signature_phase)
    soup_message_headers_replace (headers, "Accept", "*/*");
  else
    {
      soup_message_headers_replace (headers, "Accept", ACCEPT_PLAYBOOK);
      if (update->conditional && update->state->etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", update->state->etag);
      if (update->conditional && update->state->last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", update->state->last_modified);
    }

  update->exchange = objector_net_send (self, message, update->deadline, g_task_get_cancellable (task),
                                        update_sent_cb, task);
  if (update->exchange == NULL)
    {
      g_task_return_new_error (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                               _("Could not fetch the playbook update: %s had not answered when the time limit ran out."),
                               update->route.host);
      g_object_unref (task);
    }
}

static void
update_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Update *update = task_data;
  g_autoptr(GBytes) signature = g_byte_array_free_to_bytes (g_steal_pointer (&update->body));
  GBytes *bytes = update->playbook;
  g_autoptr(ObjectorPlaybook) downloaded = NULL;
  g_autoptr(ObjectorPlaybook) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 newest = objector_playbook_get_version (update->current);
  gint64 version;
  gsize length;
  const char *data;

  /* Not a byte of it is read before its signature is known to be good. */
  if (!objector_signature_verify_playbook (bytes, signature, &error))
    {
      g_task_return_new_error (task, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
                               _("The playbook at %s was not used, and nothing changed: %s."),
                               update->route.url, error->message);
      return;
    }

  downloaded = objector_playbook_new_from_bytes (bytes, update->user_file, &error);
  if (downloaded == NULL)
    {
      g_task_return_new_error (task, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK,
                               _("The playbook at %s is not valid, so it was not used: %s"),
                               update->route.url, error->message);
      return;
    }
  version = objector_playbook_get_version (downloaded);

  /* A copy saved earlier may be newer than the one the caller uses. */
  if (g_file_test (update->user_file, G_FILE_TEST_EXISTS)
      && (saved = objector_playbook_new_from_file (update->user_file, NULL)) != NULL)
    newest = MAX (newest, objector_playbook_get_version (saved));

  if (g_task_return_error_if_cancelled (task))
    return;

  if (version <= newest)
    {
      update_state_save (update->state_file, update->route.url, update->etag, update->last_modified, version);
      update_return (task, update->current, OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  if (!objector_files_write_private (update->user_file, data, length, &error))
    {
      g_task_return_new_error (task, G_FILE_ERROR, error->code,
                               _("The playbook update could not be saved: %s"), error->message);
      return;
    }

  update_state_save (update->state_file, update->route.url, update->etag, update->last_modified, version);
  update_return (task, downloaded, OBJECTOR_PLAYBOOK_UPDATE_INSTALLED);
}

static void
fail_signature_too_large (GTask *task)
{
  Update *update = g_task_get_task_data (task);

  update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
               _("The playbook at %s was not used, and nothing changed: its signature file at %s "
                 "is larger than any signature."),
               update->route.url, update->route.current_url);
}

/* The address of the signature: the playbook's final address with ".sig"
 * after its path (no query, no fragment). */
static char *
signature_url_for (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  g_autoptr(GUri) signature = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  path = g_strconcat (*g_uri_get_path (uri) != '\0' ? g_uri_get_path (uri) : "/", ".sig", NULL);
  signature = g_uri_build (g_uri_get_flags (uri), g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                           g_uri_get_port (uri), path, NULL, NULL);
  return g_uri_to_string (signature);
}

/* Takes @task: the same rules as for the playbook (this host, https, each
 * redirect checked), within the same overall time limit. */
static void
fetch_signature (GTask *task)
{
  Update *update = g_task_get_task_data (task);
  g_autofree char *signature_url = signature_url_for (update->route.current_url);

  update->playbook = g_byte_array_free_to_bytes (g_steal_pointer (&update->body));
  update->signature_phase = TRUE;
  objector_http_route_restart (&update->route, signature_url);
  update_send (task);
}

static void
update_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Update *update = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *limit = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      if (g_task_return_error_if_cancelled (task))
        return;

      if (update->exchange->timed_out)
        {
          limit = objector_http_format_duration (update->exchange->timeout_ms);
          update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                       _("Could not fetch the playbook update: the download from %s took longer than %s."),
                       update->route.host, limit);
        }
      else
        update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                     _("Could not fetch the playbook update: the download from %s broke off (%s)."),
                     update->route.host, error->message);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_clear_object (&update->stream);
      g_clear_pointer (&update->exchange, objector_http_exchange_free);

      /* The playbook is in: its signature next, beside it. */
      if (!update->signature_phase)
        {
          fetch_signature (g_steal_pointer (&task));
          return;
        }

      /* Both are here: checking the signature and validating up to 4 MiB
       * of JSON is work for a thread, not for the main loop. */
      g_task_run_in_thread (task, update_worker);
      return;
    }

  g_byte_array_append (update->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  if (update->signature_phase && update->body->len > OBJECTOR_SIGNATURE_MAX_SIZE)
    {
      fail_signature_too_large (task);
      return;
    }
  if (!update->signature_phase && update->body->len > OBJECTOR_PLAYBOOK_MAX_SIZE)
    {
      limit = g_format_size_full (OBJECTOR_PLAYBOOK_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
                   _("The playbook at %s is larger than %s, the most a playbook may be; "
                     "the download was stopped and nothing changed."),
                   update->route.url, limit);
      return;
    }

  g_input_stream_read_bytes_async (update->stream, OBJECTOR_HTTP_READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   update->exchange->cancellable, update_read_cb,
                                   g_steal_pointer (&task));
}

/* A header we send back later; only if it is plain printable ASCII. */
static char *
dup_validator (SoupMessageHeaders *headers,
               const char         *name)
{
  const char *value = soup_message_headers_get_one (headers, name);

  if (value == NULL || *value == '\0')
    return NULL;

  for (const char *p = value; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p > 0x7e)
      return NULL;

  return g_strdup (value);
}

static gboolean
is_playbook_type (const char *content_type)
{
  return content_type != NULL
         && (g_ascii_strcasecmp (content_type, "application/json") == 0
             || g_ascii_strcasecmp (content_type, "text/plain") == 0);
}

/* A 3xx: goes on only to https on the same host. Takes @owned_task. */
static void
update_follow (GTask      *owned_task,
               guint       status,
               const char *location)
{
  g_autoptr(GTask) task = owned_task;
  Update *update = g_task_get_task_data (task);
  ObjectorHttpRoute *route = &update->route;
  g_autofree char *next_url = NULL;

  switch (objector_http_route_follow (route, update->exchange->message, location, &next_url, NULL, NULL))
    {
    case OBJECTOR_HTTP_REDIRECT_FOLLOW:
      update_send (g_steal_pointer (&task));
      return;

    case OBJECTOR_HTTP_REDIRECT_NOWHERE:
    case OBJECTOR_HTTP_REDIRECT_INVALID:
      update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                   _("Could not fetch the playbook update: %s redirects (HTTP %u) to no valid address."),
                   route->host, status);
      return;

    case OBJECTOR_HTTP_REDIRECT_REFUSED:
      update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                   _("Could not fetch the playbook update: %s redirects to %s, which is not https on the same host; "
                     "the redirect was not followed. Check the update address."),
                   route->host, next_url);
      return;

    case OBJECTOR_HTTP_REDIRECT_LOOP:
      update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                   _("Could not fetch the playbook update: the redirects from %s go round in a circle."),
                   route->url);
      return;

    case OBJECTOR_HTTP_REDIRECT_TOO_MANY:
    default:
      update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                   _("Could not fetch the playbook update: %s redirects more than %u times."),
                   route->url, OBJECTOR_NET_MAX_REDIRECTS);
      return;
    }
}

static void
update_sent_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Update *update = g_task_get_task_data (task);
  ObjectorHttpExchange *exchange = update->exchange;
  SoupMessageHeaders *headers;
  g_autoptr(GError) error = NULL;
  const char *content_type;
  guint status;

  update->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (update->stream == NULL)
    {
      ObjectorLinkVerdict verdict;
      g_autofree char *why = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      verdict = objector_http_classify_error (error, exchange->resolving);
      why = objector_http_describe_failure (verdict, update->route.host, error, exchange);
      update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                   _("Could not fetch the playbook update: %s"), why);
      return;
    }

  status = soup_message_get_status (exchange->message);
  headers = soup_message_get_response_headers (exchange->message);

  if (status == SOUP_STATUS_NOT_MODIFIED && !update->signature_phase)
    {
      if (!update->conditional)
        {
          update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
                       _("%s answered “not modified” to a request that was not conditional; nothing changed."),
                       update->route.host);
          return;
        }

      g_clear_object (&update->stream);
      g_clear_pointer (&update->exchange, objector_http_exchange_free);
      update_state_save (update->state_file, update->route.url, update->state->etag,
                         update->state->last_modified, update->state->version);
      update_return (task, update->current, OBJECTOR_PLAYBOOK_UPDATE_NOT_MODIFIED);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");

      g_clear_object (&update->stream);
      update_follow (g_steal_pointer (&task), status, location);
      return;
    }

  /* A playbook without a signature is not used: nobody vouches for it. */
  if (update->signature_phase && (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE))
    {
      update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
                   _("The playbook at %s was not used, and nothing changed: it has no signature beside it "
                     "(%s answered HTTP %u), and Objector uses only playbooks its maintainers signed."),
                   update->route.url, update->route.current_url, status);
      return;
    }

  if (update->signature_phase && status != SOUP_STATUS_OK)
    {
      update_fail (task, OBJECTOR_ERROR,
                   SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_NOT_MODIFIED
                   ? OBJECTOR_ERROR_BAD_UPDATE : OBJECTOR_ERROR_NETWORK,
                   _("Could not fetch the playbook’s signature: %s answered HTTP %u %s; nothing changed."),
                   update->route.current_url, status, soup_status_get_phrase (status));
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      update_fail (task, OBJECTOR_ERROR,
                   SOUP_STATUS_IS_SUCCESSFUL (status) ? OBJECTOR_ERROR_BAD_UPDATE : OBJECTOR_ERROR_NETWORK,
                   _("Could not fetch the playbook update: %s answered HTTP %u %s."),
                   update->route.current_url, status, soup_status_get_phrase (status));
      return;
    }

  /* A signature is text of a few dozen bytes, whatever type its server says. */
  if (update->signature_phase)
    {
      if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
          && soup_message_headers_get_content_length (headers) > OBJECTOR_SIGNATURE_MAX_SIZE)
        {
          fail_signature_too_large (task);
          return;
        }

      update->body = g_byte_array_new ();
      g_input_stream_read_bytes_async (update->stream, OBJECTOR_HTTP_READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                       exchange->cancellable, update_read_cb, g_steal_pointer (&task));
      return;
    }

  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (!is_playbook_type (content_type))
    {
      update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
                   _("The answer from %s is not a playbook: its type is “%s”, not JSON; nothing changed."),
                   update->route.current_url,
                   content_type != NULL && objector_url_is_printable_ascii (content_type) ? content_type : _("unknown"));
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_content_length (headers) > OBJECTOR_PLAYBOOK_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (soup_message_headers_get_content_length (headers),
                                                  G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (OBJECTOR_PLAYBOOK_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      update_fail (task, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
                   _("The playbook at %s is %s, more than the %s a playbook may be; "
                     "it was not downloaded and nothing changed."),
                   update->route.url, size, limit);
      return;
    }

  update->etag = dup_validator (headers, "ETag");
  update->last_modified = dup_validator (headers, "Last-Modified");

  update->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (update->stream, OBJECTOR_HTTP_READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   exchange->cancellable, update_read_cb, g_steal_pointer (&task));
}

gboolean
objector_net_validate_update_url (const char  *url,
                                  GError     **error)
{
  g_autofree char *host = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (objector_url_check_request (url, NULL, &host))
    {
    /* No list of hosts: the person chose this one. */
    case OBJECTOR_URL_OK:
    case OBJECTOR_URL_HOST_NOT_ALLOWED:
      return TRUE;

    case OBJECTOR_URL_NOT_HTTPS:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("“%s” is not an https address: playbook updates are only fetched over https, "
                     "such as %s"), url, OBJECTOR_PLAYBOOK_UPDATE_URL);
      return FALSE;

    case OBJECTOR_URL_HAS_USER:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("“%s” puts a name before the host, a way to disguise the real site: "
                     "give the address without it"), url);
      return FALSE;

    case OBJECTOR_URL_NO_HOST:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("“%s” names no host: give a full address such as %s"),
                   url, OBJECTOR_PLAYBOOK_UPDATE_URL);
      return FALSE;

    case OBJECTOR_URL_INVALID:
    default:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("“%s” is not a valid address: give a full https address such as %s"),
                   url != NULL ? url : "", OBJECTOR_PLAYBOOK_UPDATE_URL);
      return FALSE;
    }
}

void
objector_net_update_playbook_async (ObjectorNet         *self,
                                    const char          *url,
                                    ObjectorPlaybook    *current,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;
  const char *allowed_hosts[2] = { NULL, NULL };
  Update *update;

  g_return_if_fail (OBJECTOR_IS_NET (self));
  g_return_if_fail (OBJECTOR_IS_PLAYBOOK (current));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_net_update_playbook_async);

  if (!objector_net_validate_update_url (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  update = g_new0 (Update, 1);
  host = objector_url_dup_host (url);
  allowed_hosts[0] = host;
  objector_http_route_init (&update->route, url, allowed_hosts, host);
  update->deadline = objector_net_get_deadline (self);
  update->current = g_object_ref (current);
  update->user_file = objector_playbook_dup_user_filename ();
  update->state_file = objector_net_dup_update_state_filename ();
  g_task_set_task_data (task, update, (GDestroyNotify) update_free);

  /* Conditional only while what the server sent last time is no newer than
   * the playbook in use: else a "not modified" would hide a newer version
   * that is no longer on disk. */
  update->state = update_state_load (update->state_file);
  update->conditional = update->state != NULL
                        && g_str_equal (update->state->url, url)
                        && update->state->version <= objector_playbook_get_version (current)
                        && (update->state->etag != NULL || update->state->last_modified != NULL);

  update_send (g_steal_pointer (&task));
}

ObjectorPlaybook *
objector_net_update_playbook_finish (ObjectorNet                   *self,
                                     GAsyncResult                  *result,
                                     ObjectorPlaybookUpdateResult  *outcome,
                                     GError                       **error)
{
  UpdateOutcome *update_outcome;
  ObjectorPlaybook *playbook;

  g_return_val_if_fail (OBJECTOR_IS_NET (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == objector_net_update_playbook_async, NULL);

  update_outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (update_outcome == NULL)
    return NULL;

  if (outcome != NULL)
    *outcome = update_outcome->outcome;
  playbook = g_steal_pointer (&update_outcome->playbook);
  update_outcome_free (update_outcome);

  return playbook;
}


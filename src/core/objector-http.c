/* objector-http.c — one HTTP exchange under Objector's rules
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-http.h"
#include "objector-net.h"

/* The session */

SoupSession *
objector_http_session_new (guint request_timeout_ms)
{
  SoupSession *session;

  /* A plain User-Agent (libsoup adds nothing when it does not end in a
   * space), no cookie jar, no Accept-Language. Certificates are checked
   * against the system's CAs, and nothing connects to
   * SoupMessage::accept-certificate, so a bad one always fails. */
  session = soup_session_new_with_options ("user-agent", "Objector/" PACKAGE_VERSION,
                                           "max-conns-per-host", 4,
                                           NULL);
  /* We never log in anywhere: answer no authentication challenge. */
  soup_session_remove_feature_by_type (session, SOUP_TYPE_AUTH_MANAGER);
  objector_http_session_set_request_timeout (session, request_timeout_ms);

  return session;
}

void
objector_http_session_set_request_timeout (SoupSession *session,
                                           guint        request_timeout_ms)
{
  g_object_set (session, "timeout", request_timeout_ms / 1000 + 2, NULL);
}

SoupMessage *
objector_http_message_new (const char *method,
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

/* Exchanges */

static void
on_outer_cancelled (GCancellable *outer,
                    gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_exchange_timeout (gpointer user_data)
{
  ObjectorHttpExchange *exchange = user_data;

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
  ObjectorHttpExchange *exchange = user_data;

  exchange->resolving = event == G_SOCKET_CLIENT_RESOLVING;
}

ObjectorHttpExchange *
objector_http_exchange_new (SoupMessage  *message,
                            GCancellable *outer,
                            guint         timeout_ms,
                            gboolean      overall_limit)
{
  ObjectorHttpExchange *exchange = g_new0 (ObjectorHttpExchange, 1);

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

void
objector_http_exchange_free (ObjectorHttpExchange *exchange)
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

/* Failures */

ObjectorLinkVerdict
objector_http_classify_error (const GError *error,
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
objector_http_format_duration (guint msec)
{
  if (msec % 1000 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", msec / 1000),
                            msec / 1000);

  return g_strdup_printf (_("%.1f seconds"), msec / 1000.0);
}

char *
objector_http_describe_failure (ObjectorLinkVerdict   verdict,
                                const char           *host,
                                const GError         *error,
                                ObjectorHttpExchange *exchange)
{
  g_autofree char *limit = objector_http_format_duration (exchange->timeout_ms);

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

/* Redirects */

void
objector_http_route_init (ObjectorHttpRoute  *route,
                          const char         *url,
                          const char * const *allowed_hosts,
                          const char         *host)
{
  route->url = g_strdup (url);
  route->allowed_hosts = g_strdupv ((char **) allowed_hosts);
  route->current_url = g_strdup (url);
  route->host = host != NULL ? g_strdup (host) : objector_url_dup_host (url);
  if (route->host == NULL)
    route->host = g_strdup (url);
  route->visited = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (route->visited, g_strdup (url));
  route->redirects = 0;
}

void
objector_http_route_clear (ObjectorHttpRoute *route)
{
  g_clear_pointer (&route->url, g_free);
  g_clear_pointer (&route->allowed_hosts, g_strfreev);
  g_clear_pointer (&route->current_url, g_free);
  g_clear_pointer (&route->host, g_free);
  g_clear_pointer (&route->visited, g_ptr_array_unref);
}

void
objector_http_route_restart (ObjectorHttpRoute *route,
                             const char        *url)
{
  g_free (route->current_url);
  route->current_url = g_strdup (url);
  route->redirects = 0;
  g_ptr_array_set_size (route->visited, 0);
  g_ptr_array_add (route->visited, g_strdup (url));
}

ObjectorHttpRedirect
objector_http_route_follow (ObjectorHttpRoute  *route,
                            SoupMessage        *answered,
                            const char         *location,
                            char              **next_url_out,
                            char              **next_host_out,
                            ObjectorUrlCheck   *check_out)
{
  g_autoptr(GUri) next = NULL;
  g_autofree char *next_url = NULL;
  g_autofree char *next_host = NULL;
  ObjectorHttpRedirect redirect = OBJECTOR_HTTP_REDIRECT_FOLLOW;
  ObjectorUrlCheck check = OBJECTOR_URL_INVALID;

  if (location == NULL || *location == '\0')
    redirect = OBJECTOR_HTTP_REDIRECT_NOWHERE;
  else
    {
      if (objector_url_is_printable_ascii (location))
        next = g_uri_parse_relative (soup_message_get_uri (answered), location, SOUP_HTTP_URI_FLAGS, NULL);
      if (next != NULL)
        next_url = g_uri_to_string (next);
      if (next_url != NULL)
        check = objector_url_check_request (next_url, (const char * const *) route->allowed_hosts,
                                            &next_host);

      if (check == OBJECTOR_URL_INVALID)
        redirect = OBJECTOR_HTTP_REDIRECT_INVALID;
      else if (check != OBJECTOR_URL_OK)
        {
          /* objector_url_check() names no host for a URL it refuses early. */
          if (next_host == NULL)
            next_host = objector_url_dup_host (next_url);
          redirect = OBJECTOR_HTTP_REDIRECT_REFUSED;
        }
      else
        {
          for (guint i = 0; i < route->visited->len && redirect == OBJECTOR_HTTP_REDIRECT_FOLLOW; i++)
            if (g_str_equal (g_ptr_array_index (route->visited, i), next_url))
              redirect = OBJECTOR_HTTP_REDIRECT_LOOP;
          if (redirect == OBJECTOR_HTTP_REDIRECT_FOLLOW && ++route->redirects > OBJECTOR_NET_MAX_REDIRECTS)
            redirect = OBJECTOR_HTTP_REDIRECT_TOO_MANY;
        }
    }

  if (check_out != NULL)
    *check_out = check;
  if (next_url_out != NULL)
    *next_url_out = g_strdup (next_url);
  if (next_host_out != NULL)
    *next_host_out = g_strdup (next_host);

  if (redirect == OBJECTOR_HTTP_REDIRECT_FOLLOW)
    {
      g_ptr_array_add (route->visited, g_strdup (next_url));
      g_free (route->current_url);
      route->current_url = g_steal_pointer (&next_url);
      g_free (route->host);
      route->host = g_steal_pointer (&next_host);
    }

  return redirect;
}

/* objector-http.h — one HTTP exchange under Objector's rules
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the network files only (objector-net.c, objector-link-checker.c,
 * objector-playbook-updater.c). Every request Objector sends is built and
 * judged here:
 *
 * - one libsoup session: a plain User-Agent, no cookie jar, no
 *   Accept-Language, no authentication, certificates always verified;
 * - a GET or HEAD that libsoup never redirects on its own and that sends no
 *   Referer or Cookie: each hop is checked first (objector-url-policy.c) on
 *   a route that remembers where it has been;
 * - each exchange with its own time limit and cancellable, which the
 *   caller's cancellable cancels too;
 * - a failure without an HTTP answer judged (offline, time limit, TLS,
 *   unreadable) and put in a sentence a person can act on.
 */

#pragma once

#include <libsoup/soup.h>

#include "objector-link-result.h"
#include "objector-url-policy.h"

G_BEGIN_DECLS

#define OBJECTOR_HTTP_READ_CHUNK_SIZE (64 * 1024)

/* The session every request goes through; its own I/O limit (whole seconds)
 * only backs up the exchanges' timers. */
SoupSession         *objector_http_session_new      (guint                 request_timeout_ms);
void                 objector_http_session_set_request_timeout (SoupSession *session,
                                                                guint        request_timeout_ms);

/* A GET or HEAD that follows no redirect and sends no Referer or Cookie;
 * NULL when libsoup refuses @url. */
SoupMessage         *objector_http_message_new      (const char           *method,
                                                     const char           *url);

/* One HTTP exchange: its message, its own cancellable (cancelled by the
 * caller's and by the time limit), the time limit, and whether it was still
 * looking up the host name, so that a DNS server that never answers reads as
 * "offline" rather than "slow site". */
typedef struct
{
  SoupMessage  *message;
  GCancellable *cancellable;
  GCancellable *outer;
  gulong        outer_handler;
  GSource      *timer;
  guint         timeout_ms;
  gboolean      overall_limit;  /* the limit was what was left of the overall one */
  gboolean      timed_out;
  gboolean      resolving;
} ObjectorHttpExchange;

/* Takes @message; the timer runs in the thread-default main context. */
ObjectorHttpExchange *objector_http_exchange_new    (SoupMessage          *message,
                                                     GCancellable         *outer,
                                                     guint                 timeout_ms,
                                                     gboolean              overall_limit);
void                 objector_http_exchange_free    (ObjectorHttpExchange *exchange);

/* How a failed exchange is judged; @resolving is TRUE when it failed while
 * the host name was being looked up. */
ObjectorLinkVerdict  objector_http_classify_error   (const GError         *error,
                                                     gboolean              resolving);
/* A sentence for an exchange that got no HTTP answer. */
char                *objector_http_describe_failure (ObjectorLinkVerdict   verdict,
                                                     const char           *host,
                                                     const GError         *error,
                                                     ObjectorHttpExchange *exchange);
/* "10 seconds", "2.5 seconds". */
char                *objector_http_format_duration  (guint                 msec);

/* Redirects, followed one at a time: where a request started, where it is
 * now, and every address it passed. */
typedef struct
{
  char       *url;            /* where it started */
  char      **allowed_hosts;
  char       *current_url;
  char       *host;           /* of current_url, for messages */
  GPtrArray  *visited;
  guint       redirects;
} ObjectorHttpRoute;

typedef enum
{
  OBJECTOR_HTTP_REDIRECT_FOLLOW,    /* the route moved on to the new address */
  OBJECTOR_HTTP_REDIRECT_NOWHERE,   /* no Location */
  OBJECTOR_HTTP_REDIRECT_INVALID,   /* a Location that is not a valid address */
  OBJECTOR_HTTP_REDIRECT_REFUSED,   /* an address the URL policy refuses */
  OBJECTOR_HTTP_REDIRECT_LOOP,      /* an address passed before */
  OBJECTOR_HTTP_REDIRECT_TOO_MANY,  /* more than OBJECTOR_NET_MAX_REDIRECTS */
} ObjectorHttpRedirect;

/* @host: for messages; nullable, then the host of @url, else @url itself. */
void                 objector_http_route_init       (ObjectorHttpRoute    *route,
                                                     const char           *url,
                                                     const char * const   *allowed_hosts,
                                                     const char           *host);
void                 objector_http_route_clear      (ObjectorHttpRoute    *route);
/* Starts again at @url, counting no redirect: a second download on the same
 * route (a signature beside its file). */
void                 objector_http_route_restart    (ObjectorHttpRoute    *route,
                                                     const char           *url);
/* Judges the redirect @answered got to @location (nullable, as the server
 * sent it) and, when it may be followed, moves the route there. *@next_url
 * and *@next_host (nullable outs) get the address and its host whenever
 * @location is a valid address; *@check (nullable) what the URL policy says
 * of it. */
ObjectorHttpRedirect objector_http_route_follow     (ObjectorHttpRoute    *route,
                                                     SoupMessage          *answered,
                                                     const char           *location,
                                                     char                **next_url,
                                                     char                **next_host,
                                                     ObjectorUrlCheck     *check);

G_END_DECLS

/* objector-net-internal.h — what objector-net.c shares with objector-net-update.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "objector-net.h"
#include "objector-url-policy.h"

G_BEGIN_DECLS

#define OBJECTOR_NET_READ_CHUNK_SIZE (64 * 1024)

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
} ObjectorNetExchange;

/* Takes @message. */
ObjectorNetExchange *objector_net_exchange_new      (SoupMessage          *message,
                                                     GCancellable         *outer,
                                                     guint                 timeout_ms,
                                                     gboolean              overall_limit);
void                 objector_net_exchange_free     (ObjectorNetExchange  *exchange);

SoupSession         *objector_net_get_session       (ObjectorNet          *self);
/* A GET or HEAD that follows no redirect and sends no Referer or Cookie. */
SoupMessage         *objector_net_new_message       (const char           *method,
                                                     const char           *url);
/* The time limit of the next exchange: the per-request one, or what is left
 * of the overall one. FALSE when nothing is left. */
gboolean             objector_net_next_timeout      (ObjectorNet          *self,
                                                     gint64                deadline,
                                                     guint                *timeout_ms,
                                                     gboolean             *overall_limit);
/* A sentence for an exchange that got no HTTP answer. */
char                *objector_net_describe_failure  (ObjectorLinkVerdict   verdict,
                                                     const char           *host,
                                                     const GError         *error,
                                                     ObjectorNetExchange  *exchange);

char                *objector_net_format_duration   (guint                 msec);

G_END_DECLS

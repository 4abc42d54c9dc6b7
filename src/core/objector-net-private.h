/* objector-net-private.h — what the network files share, and the tests' hooks
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-http.h"
#include "objector-net.h"

G_BEGIN_DECLS

/* The end of an operation that starts now (monotonic µs): :overall-timeout
 * from now. */
gint64                objector_net_get_deadline (ObjectorNet         *self);

/* Sends @message (taken) as the next request of an operation that must end
 * by @deadline: its time limit is :request-timeout, or what is left of the
 * overall one. @callback gets the SoupSession as its source; the exchange
 * under way is returned, or NULL (the message dropped) when no time is left. */
ObjectorHttpExchange *objector_net_send         (ObjectorNet         *self,
                                                 SoupMessage         *message,
                                                 gint64               deadline,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);

/* For tests only: verifies certificates against @database (a test CA)
 * instead of the system's; verification itself stays on. It refuses to work
 * (with a critical warning) unless g_test_init() ran. */
void                  objector_net_set_tls_database_for_testing (ObjectorNet  *self,
                                                                 GTlsDatabase *database);

G_END_DECLS

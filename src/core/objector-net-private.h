/* objector-net-private.h — for tests only
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-net.h"

G_BEGIN_DECLS

/* Lets plain http through, to 127.0.0.1 and ::1 only, so that tests can use
 * a SoupServer on the loopback interface. Every other rule still holds (the
 * host must be allowed, redirects are checked). It refuses to work (with a
 * critical warning) unless g_test_init() ran, so the app cannot turn it on;
 * nothing but tests/ calls it. */
void                objector_net_set_insecure_loopback_for_testing (gboolean enabled);

/* Verifies certificates against @database (a test CA) instead of the
 * system's; verification itself stays on. Same guard as above. */
void                objector_net_set_tls_database_for_testing (ObjectorNet  *self,
                                                               GTlsDatabase *database);

/* How a failed exchange is judged; @resolving is TRUE when it failed while
 * the host name was being looked up. */
ObjectorLinkVerdict objector_net_classify_error (const GError *error,
                                                 gboolean      resolving);

G_END_DECLS

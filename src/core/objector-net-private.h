/* objector-net-private.h — for tests only
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-net.h"

G_BEGIN_DECLS

/* Verifies certificates against @database (a test CA) instead of the
 * system's; verification itself stays on. Same guard as above. */
void                objector_net_set_tls_database_for_testing (ObjectorNet  *self,
                                                               GTlsDatabase *database);

/* How a failed exchange is judged; @resolving is TRUE when it failed while
 * the host name was being looked up. */
ObjectorLinkVerdict objector_net_classify_error (const GError *error,
                                                 gboolean      resolving);

G_END_DECLS

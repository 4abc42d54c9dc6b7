/* objector-mail-scanner-private.h — the scanner's hook for tests
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-mail-scanner.h"

G_BEGIN_DECLS

/* For tests only: @hook is called in the scanning thread after each message
 * of an mbox, so a test can hold the scan at a chosen point. */
typedef void (*ObjectorScanTestHook) (guint    n_messages,
                                      gpointer user_data);
void objector_mail_scanner_set_test_hook (ObjectorScanTestHook hook,
                                          gpointer             user_data);

G_END_DECLS

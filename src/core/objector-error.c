/* objector-error.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-error.h"

G_DEFINE_QUARK (objector-error-quark, objector_error)

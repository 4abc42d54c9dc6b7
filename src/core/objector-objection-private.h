/* objector-objection-private.h — what the store needs of an objection besides its API
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-objection.h"

G_BEGIN_DECLS

/* objector_objection_new_from_json() for the objection at @path of a larger
 * file (nullable: it is the root), which faults name: "objections[2].id:
 * missing". Fails with OBJECTOR_ERROR_STORE_DAMAGED. */
ObjectorObjection *_objector_objection_read (JsonNode    *node,
                                             const char  *path,
                                             GError     **error);

G_END_DECLS

/* objector-json.h — what the bundled data loaders share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Sets OBJECTOR_ERROR_INVALID_DATA as "PATH: message" and returns FALSE. */
gboolean    objector_json_fail         (GError     **error,
                                        const char  *path,
                                        const char  *format,
                                        ...) G_GNUC_PRINTF (3, 4);

/* Parses @bytes (at most @max_size) with @parser and returns its root
 * object, or NULL with the fault at "(root)". */
JsonObject *objector_json_parse_object (JsonParser  *parser,
                                        GBytes      *bytes,
                                        gsize        max_size,
                                        GError     **error);

G_END_DECLS

/* objector-json.h — what every JSON reader shares: limits before parsing
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How deep lists and objects may nest in any JSON file Objector reads. The
 * files it reads need fewer than 10 levels; json-glib parses by recursion,
 * so a limit must hold before it starts. */
#define OBJECTOR_JSON_MAX_DEPTH 64

/* Sets OBJECTOR_ERROR_INVALID_DATA as "PATH: message" and returns FALSE. */
gboolean    objector_json_fail         (GError     **error,
                                        const char  *path,
                                        const char  *format,
                                        ...) G_GNUC_PRINTF (3, 4);

/* Parses @bytes (at most @max_size, nested at most OBJECTOR_JSON_MAX_DEPTH)
 * with @parser and returns its root object, or NULL with the fault at
 * "(root)". */
JsonObject *objector_json_parse_object (JsonParser  *parser,
                                        GBytes      *bytes,
                                        gsize        max_size,
                                        GError     **error);

/* OBJECTOR_ERROR_INVALID_DATA when lists and objects in @data nest deeper
 * than @max_depth: one linear pass, no recursion, brackets inside strings
 * and comments not counted (as json-glib 1.6 reads them). */
gboolean    objector_json_check_depth  (const char  *data,
                                        gsize        size,
                                        guint        max_depth,
                                        GError     **error);

/* json_parser_load_from_data(), after refusing more than @max_size bytes or
 * deeper nesting than OBJECTOR_JSON_MAX_DEPTH (OBJECTOR_ERROR_INVALID_DATA).
 * The message is valid UTF-8 and names the problem, not the file. */
gboolean    objector_json_load         (JsonParser  *parser,
                                        const char  *data,
                                        gsize        size,
                                        gsize        max_size,
                                        GError     **error);

/* Reads a whole file of at most @max_size bytes, refusing a larger one
 * before reading it (OBJECTOR_ERROR_INVALID_DATA) and anything that is not a
 * regular file (G_FILE_ERROR_INVAL, or _ISDIR), without blocking on a FIFO.
 * A missing file is G_FILE_ERROR_NOENT. */
GBytes     *objector_json_read_file    (const char  *filename,
                                        gsize        max_size,
                                        GError     **error);

G_END_DECLS

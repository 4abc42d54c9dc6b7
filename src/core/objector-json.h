/* objector-json.h — reading JSON files: limits before parsing, one typed reader set after
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every JSON file Objector reads goes through here: the playbook, the
 * authorities, the complaint texts, the saved objections and their logged
 * emails, the wizard's draft, the reminders ledger, the playbook updater's
 * state and iso-codes' country names.
 *
 * Two kinds of reader:
 *
 * - Strict readers (objector_json_get_*(), objector_json_read_*()) check a
 *   file whose faults a person must be told about, one at a time, each named
 *   by its JSON path: "paths[2].form_url: not an https URL". They fail with
 *   OBJECTOR_ERROR_INVALID_DATA and a message that is always valid UTF-8.
 *   A member that is absent or JSON null is "missing"; an optional one then
 *   leaves the output as the caller set it and the read succeeds.
 * - Lenient lookups (objector_json_lookup_*(), objector_json_dup_*()) read
 *   files Objector wrote itself, where a damaged member simply counts as
 *   absent: they never fail.
 *
 * Every string either kind returns is valid UTF-8: json-glib turns a lone
 * surrogate ("\ud800") into bytes that are not, so each string read is
 * checked the same way here, and nowhere else.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "objector-error.h"

G_BEGIN_DECLS

/* How deep lists and objects may nest in any JSON file Objector reads. The
 * files it reads need fewer than 10 levels; json-glib parses by recursion,
 * so a limit must hold before it starts. */
#define OBJECTOR_JSON_MAX_DEPTH 64

/* Limits before parsing (objector-json-file.c) */

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

/* Parses @bytes (at most @max_size, nested at most OBJECTOR_JSON_MAX_DEPTH)
 * with @parser and returns its root object (owned by @parser), or NULL with
 * OBJECTOR_ERROR_INVALID_DATA and the fault at "(root)". */
JsonObject *objector_json_parse_object (JsonParser  *parser,
                                        GBytes      *bytes,
                                        gsize        max_size,
                                        GError     **error);

/* objector_json_read_file() and objector_json_parse_object() in one: the
 * root object of @filename (owned by @parser). A file that cannot be read
 * gives its G_FILE_ERROR (G_FILE_ERROR_NOENT when there is none), one that
 * is too large, is not JSON or holds no object OBJECTOR_ERROR_INVALID_DATA. */
JsonObject *objector_json_load_file    (JsonParser  *parser,
                                        const char  *filename,
                                        gsize        max_size,
                                        GError     **error);

/* Writing */

/* @root as indented JSON text, as every file Objector saves is written. */
char       *objector_json_to_data      (JsonNode    *root,
                                        gsize       *length);
/* What @builder built, as objector_json_to_data() writes it, saved with
 * objector_files_write_private() (errors are G_FILE_ERROR). */
gboolean    objector_json_save_file    (JsonBuilder *builder,
                                        const char  *filename,
                                        GError     **error);
/* Adds the member @name = @value to the object @builder is in, unless
 * @value is NULL. */
void        objector_json_add_string   (JsonBuilder *builder,
                                        const char  *name,
                                        const char  *value);

/* Strict readers */

typedef enum
{
  OBJECTOR_JSON_OPTIONAL    = 0,
  /* Absent or null is a fault: "missing". */
  OBJECTOR_JSON_REQUIRED    = 1 << 0,
  /* "" (a string) or [] (a list) is a fault: "must not be empty". The
   * strings of a list must never be empty. */
  OBJECTOR_JSON_NON_EMPTY   = 1 << 1,
  /* A string holding a control character (C0 and C1 controls, DEL, the line
   * and paragraph separators, bidirectional overrides) is a fault: for text
   * that ends up in URLs, headers, labels and terminals. */
  OBJECTOR_JSON_NO_CONTROLS = 1 << 2,
} ObjectorJsonFlags;

/* A further check of one string for objector_json_get_strv(); sets @error
 * (objector_json_fail() at @path) and returns FALSE to refuse it. */
typedef gboolean (*ObjectorJsonCheckFunc) (const char  *value,
                                           const char  *path,
                                           gpointer     user_data,
                                           GError     **error);

/* The JSON path of member @key of the object at @path ("paths[2].title"),
 * or of a member of the root object (@path NULL: "version"). */
char       *objector_json_member_path  (const char  *path,
                                        const char  *key);
/* "paths[2]": the @index-th element of the list at @path. */
char       *objector_json_element_path (const char  *path,
                                        guint        index);

/* Sets OBJECTOR_ERROR_INVALID_DATA as "PATH: message" ("(root): message"
 * for a NULL @path), made valid UTF-8, and returns FALSE. */
gboolean    objector_json_fail         (GError     **error,
                                        const char  *path,
                                        const char  *format,
                                        ...) G_GNUC_PRINTF (3, 4);

/* The same at member @key of the object at @path: "PATH.KEY: message". */
gboolean    objector_json_fail_member  (GError     **error,
                                        const char  *path,
                                        const char  *key,
                                        const char  *format,
                                        ...) G_GNUC_PRINTF (4, 5);

/* Hands a reader's fault on with the @code a loader promises its callers
 * (OBJECTOR_ERROR_INVALID_PLAYBOOK, OBJECTOR_ERROR_STORE_DAMAGED). */
void        objector_json_set_error_code (GError       **error,
                                          ObjectorError  code);

/* A string: valid UTF-8, owned by @object. @out is set to NULL first, and
 * stays so when the member is absent. */
gboolean    objector_json_get_string   (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        const char        **out,
                                        GError            **error);
/* A copy of the string, as objector_json_get_string() reads it. */
gboolean    objector_json_dup_string   (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        char              **out,
                                        GError            **error);
/* An integer from @min to @max (G_MININT64 and G_MAXINT64 for any; other
 * bounds must be within int); @out is unchanged when the member is absent. */
gboolean    objector_json_get_int      (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        gint64              min,
                                        gint64              max,
                                        gint64             *out,
                                        GError            **error);
/* true or false; @out is unchanged when the member is absent. */
gboolean    objector_json_get_boolean  (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        gboolean           *out,
                                        GError            **error);
gboolean    objector_json_read_object  (JsonNode           *node,
                                        const char         *path,
                                        JsonObject        **out,
                                        GError            **error);
/* @out is set to NULL first, and stays so when the member is absent. */
gboolean    objector_json_get_object   (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        JsonObject        **out,
                                        GError            **error);
/* @out is set to NULL first, and stays so when the member is absent. */
gboolean    objector_json_get_array    (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        JsonArray         **out,
                                        GError            **error);
/* Reads one element of a list of objects for objector_json_foreach_object():
 * @element is at @path ("paths[2]"). FALSE with @error set stops the list. */
typedef gboolean (*ObjectorJsonObjectFunc) (JsonObject  *element,
                                            const char  *path,
                                            gpointer     user_data,
                                            GError     **error);
/* The list @key, each element an object given to @func in order; nothing
 * when the member is absent. */
gboolean    objector_json_foreach_object (JsonObject             *object,
                                          const char             *path,
                                          const char             *key,
                                          ObjectorJsonFlags       flags,
                                          ObjectorJsonObjectFunc  func,
                                          gpointer                user_data,
                                          GError                **error);
/* A list of non-empty strings, each passing @check (nullable), as a new
 * NULL-terminated array; NULL when the member is absent. */
gboolean    objector_json_get_strv     (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        ObjectorJsonCheckFunc check,
                                        gpointer            user_data,
                                        char             ***out,
                                        GError            **error);
/* A calendar date "YYYY-MM-DD" (owned by @object); NULL when absent. */
gboolean    objector_json_get_date     (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        const char        **out,
                                        GError            **error);
/* A date and time in ISO 8601 (a new reference); NULL when absent. */
gboolean    objector_json_get_time     (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        GDateTime         **out,
                                        GError            **error);

/* Translated texts: an English string, or {"en": …, "de": …, "pt_BR": …}
 * with "en" required, every language code of gettext's shape and every text
 * a string of at least @min_chars characters (under @flags). The result (a
 * copy) is in the first of @languages (g_get_language_names()) that has a
 * translation, else English. @out is set to NULL first, and stays so when
 * the member is absent. */
gboolean    objector_json_get_text     (JsonObject         *object,
                                        const char         *path,
                                        const char         *key,
                                        ObjectorJsonFlags   flags,
                                        const char * const *languages,
                                        guint               min_chars,
                                        char              **out,
                                        GError            **error);
/* A list of translated texts, as a new NULL-terminated array; NULL when absent. */
gboolean    objector_json_get_text_list (JsonObject         *object,
                                         const char         *path,
                                         const char         *key,
                                         ObjectorJsonFlags   flags,
                                         const char * const *languages,
                                         char             ***out,
                                         GError            **error);
/* "de", "pt_BR", "sr@latin": the shape of a gettext language name. */
gboolean    objector_json_is_language_code (const char *code);

/* Lenient lookups: a member of the wrong type, or a string that is not
 * valid UTF-8, counts as absent. */

/* The string member @key (owned by @object), or NULL. */
const char *objector_json_lookup_string  (JsonObject  *object,
                                          const char  *key);
gboolean    objector_json_lookup_boolean (JsonObject  *object,
                                          const char  *key,
                                          gboolean     fallback);
gint64      objector_json_lookup_int     (JsonObject  *object,
                                          const char  *key,
                                          gint64       fallback);
JsonObject *objector_json_lookup_object  (JsonObject  *object,
                                          const char  *key);
JsonArray  *objector_json_lookup_array   (JsonObject  *object,
                                          const char  *key);
/* The strings of the list member @key (others left out), as a new
 * NULL-terminated array; NULL when there is no such list. */
char      **objector_json_lookup_strv    (JsonObject  *object,
                                          const char  *key);

/* For text to show, not to act on: a copy of the string @node holds, where
 * bytes that are not UTF-8 become U+FFFD; NULL when @node (nullable) is not
 * a string. */
char       *objector_json_dup_shown_string (JsonNode *node);

G_END_DECLS

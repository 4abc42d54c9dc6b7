/* objector-json-file.c — limits before json-glib parses anything, and reading whole files
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-files.h"
#include "objector-json.h"

JsonObject *
objector_json_parse_object (JsonParser  *parser,
                            GBytes      *bytes,
                            gsize        max_size,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;
  const char *data;
  gsize size;

  data = g_bytes_get_data (bytes, &size);
  if (!objector_json_load (parser, data, size, max_size, &local_error))
    {
      objector_json_fail (error, "(root)", "%s", local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      objector_json_fail (error, "(root)", _("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* Nesting, in one pass and without recursion.
 *
 * json-glib 1.6 parses nested lists and objects by recursion, so that a file
 * of 80,000 "[" overflows the stack before it can say anything. This scan
 * comes first and refuses what nests too deep. It must see the brackets the
 * parser sees, so it reads the text the way json-glib's scanner does:
 * "double-quoted" strings with backslash escapes, 'single-quoted' strings
 * without, and comments from one "/" to the next (json-glib 1.6 takes
 * "/ … /" as a comment, C comments among them). A bracket in any of those
 * is no bracket. Where the scan and the scanner could part ways (an
 * unterminated string or comment), the parser stops at an error there, so
 * nothing after it is ever parsed. */

typedef enum
{
  SCAN_VALUE,
  SCAN_STRING,
  SCAN_STRING_ESCAPE,
  SCAN_SINGLE_QUOTED,
  SCAN_COMMENT,
} ScanState;

gboolean
objector_json_check_depth (const char  *data,
                           gsize        size,
                           guint        max_depth,
                           GError     **error)
{
  ScanState state = SCAN_VALUE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      switch (state)
        {
        case SCAN_STRING:
          if (c == '\\')
            state = SCAN_STRING_ESCAPE;
          else if (c == '"')
            state = SCAN_VALUE;
          break;

        case SCAN_STRING_ESCAPE:
          state = SCAN_STRING;
          break;

        case SCAN_SINGLE_QUOTED:
          if (c == '\'')
            state = SCAN_VALUE;
          break;

        case SCAN_COMMENT:
          if (c == '/')
            state = SCAN_VALUE;
          break;

        case SCAN_VALUE:
        default:
          if (c == '"')
            state = SCAN_STRING;
          else if (c == '\'')
            state = SCAN_SINGLE_QUOTED;
          else if (c == '/')
            state = SCAN_COMMENT;
          else if (c == '[' || c == '{')
            {
              if (++depth > max_depth)
                {
                  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA,
                               _("lists and objects nested more than %u deep (at byte %lu), "
                                 "which no valid file is"),
                               max_depth, (unsigned long) (i + 1));
                  return FALSE;
                }
            }
          else if ((c == ']' || c == '}') && depth > 0)
            depth--;
          break;
        }
    }

  return TRUE;
}

/* "64 MiB", "64 KiB", "12 bytes": limits are round numbers, said plainly. */
static char *
format_limit (gsize size)
{
  if (size >= 1024 * 1024 && size % (1024 * 1024) == 0 && size / (1024 * 1024) <= G_MAXUINT)
    return g_strdup_printf (_("%u MiB"), (guint) (size / (1024 * 1024)));
  if (size >= 1024 && size % 1024 == 0 && size / 1024 <= G_MAXUINT)
    return g_strdup_printf (_("%u KiB"), (guint) (size / 1024));
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
}

gboolean
objector_json_load (JsonParser  *parser,
                    const char  *data,
                    gsize        size,
                    gsize        max_size,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);

  if (size > max_size)
    {
      g_autofree char *limit = format_limit (max_size);

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA,
                   _("larger than %s, the most this file may be"), limit);
      return FALSE;
    }

  if (!objector_json_check_depth (data, size, OBJECTOR_JSON_MAX_DEPTH, error))
    return FALSE;

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", size, &local_error))
    {
      /* json-glib quotes the token it stopped at, cut at any byte: never
       * hand broken UTF-8 to a terminal or a label (found by tests/fuzz). */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error_literal (error, local_error->domain, local_error->code, message);
      return FALSE;
    }

  return TRUE;
}

GBytes *
objector_json_read_file (const char  *filename,
                         gsize        max_size,
                         GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GByteArray) contents = NULL;
  struct stat st;
  int fd;
  int saved_errno;

  g_return_val_if_fail (filename != NULL, NULL);

  display_name = g_filename_display_name (filename);

  /* O_NONBLOCK: a FIFO put where the file should be must not hang us. */
  fd = g_open (filename, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open “%s”: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                   _("“%s” is not a regular file"), display_name);
      return NULL;
    }

  /* Refused before reading it into memory; and what grows meanwhile is
   * caught by reading one byte more than allowed. */
  contents = g_byte_array_sized_new (MIN ((guint64) st.st_size, (guint64) max_size) + 1);
  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize n;

      if (contents->len > max_size || (guint64) st.st_size > max_size)
        {
          g_autofree char *limit = format_limit (max_size);

          close (fd);
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA,
                       _("larger than %s, the most this file may be"), limit);
          return NULL;
        }

      n = read (fd, buffer, MIN (sizeof buffer, max_size + 1 - contents->len));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not read “%s”: %s"), display_name, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (contents, buffer, n);
    }

  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

JsonObject *
objector_json_load_file (JsonParser  *parser,
                         const char  *filename,
                         gsize        max_size,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (JSON_IS_PARSER (parser), NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (!(bytes = objector_json_read_file (filename, max_size, error)))
    return NULL;
  return objector_json_parse_object (parser, bytes, max_size, error);
}

/* Writing */

char *
objector_json_to_data (JsonNode *root,
                       gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

gboolean
objector_json_save_file (JsonBuilder  *builder,
                         const char   *filename,
                         GError      **error)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = NULL;
  gsize length;

  data = objector_json_to_data (root, &length);
  return objector_files_write_private (filename, data, length, error);
}

void
objector_json_add_string (JsonBuilder *builder,
                          const char  *name,
                          const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

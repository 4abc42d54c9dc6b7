/* objector-json.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-error.h"
#include "objector-json.h"

gboolean
objector_json_fail (GError     **error,
                    const char  *path,
                    const char  *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA, "%s: %s", path, message);
  return FALSE;
}

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
  if (size > max_size)
    {
      objector_json_fail (error, "(root)", _("larger than %u bytes"), (guint) max_size);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data != NULL ? data : "", size, &local_error))
    {
      /* json-glib quotes the token it stopped at, cut at any byte. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      objector_json_fail (error, "(root)", "%s", message);
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

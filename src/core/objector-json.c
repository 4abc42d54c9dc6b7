/* objector-json.c — the typed readers every JSON loader uses
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-json.h"
#include "objector-playbook-trust.h"

/* Paths and faults */

char *
objector_json_member_path (const char *path,
                           const char *key)
{
  if (path == NULL)
    return g_strdup (key);
  return g_strdup_printf ("%s.%s", path, key);
}

char *
objector_json_element_path (const char *path,
                            guint       index)
{
  return g_strdup_printf ("%s[%u]", path != NULL ? path : "(root)", index);
}

gboolean
objector_json_fail (GError     **error,
                    const char  *path,
                    const char  *format,
                    ...)
{
  g_autofree char *problem = NULL;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* A path or a quoted value may hold what json-glib made of a lone
   * surrogate ("\ud800"), which is not UTF-8: the message must stay text. */
  message = g_strdup_printf ("%s: %s", path != NULL ? path : "(root)", problem);
  valid = g_utf8_make_valid (message, -1);
  g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA, valid);
  return FALSE;
}

gboolean
objector_json_fail_member (GError     **error,
                           const char  *path,
                           const char  *key,
                           const char  *format,
                           ...)
{
  g_autofree char *child = objector_json_member_path (path, key);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  return objector_json_fail (error, child, "%s", problem);
}

void
objector_json_set_error_code (GError       **error,
                              ObjectorError  code)
{
  if (error != NULL && *error != NULL && (*error)->domain == OBJECTOR_ERROR)
    (*error)->code = code;
}

/* Values */

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Member @key of @object and its JSON path (@child, a new string): FALSE
 * on a fault (a missing member under OBJECTOR_JSON_REQUIRED), TRUE with
 * *node NULL when an optional member is absent or null. */
static gboolean
find_member (JsonObject         *object,
             const char         *path,
             const char         *key,
             ObjectorJsonFlags   flags,
             JsonNode          **node,
             char              **child,
             GError            **error)
{
  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  *node = json_object_get_member (object, key);
  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node))
    *node = NULL;

  if (*node == NULL && (flags & OBJECTOR_JSON_REQUIRED))
    {
      g_autofree char *missing = objector_json_member_path (path, key);

      return objector_json_fail (error, missing, _("missing"));
    }

  *child = *node != NULL ? objector_json_member_path (path, key) : NULL;
  return TRUE;
}

/* The string of @node (at @path): owned by @node, valid UTF-8. */
static gboolean
read_string (JsonNode           *node,
             const char         *path,
             ObjectorJsonFlags   flags,
             const char        **out,
             GError            **error)
{
  const char *text;
  gunichar control;

  *out = NULL;

  if (!holds (node, G_TYPE_STRING))
    return objector_json_fail (error, path, _("expected a string"));

  text = json_node_get_string (node);
  if ((flags & OBJECTOR_JSON_NON_EMPTY) && *text == '\0')
    return objector_json_fail (error, path, _("must not be empty"));
  if (!g_utf8_validate (text, -1, NULL))
    return objector_json_fail (error, path,
                               _("not valid text (an escape such as “\\ud800” stands for no character)"));
  /* A newline inside a URL, a tab in a title, an escape sequence. */
  if ((flags & OBJECTOR_JSON_NO_CONTROLS) && (control = objector_playbook_find_forbidden_char (text)) != 0)
    return objector_json_fail (error, path,
                               _("holds a control character (U+%04X), which no text in this file may"),
                               (guint) control);

  *out = text;
  return TRUE;
}

gboolean
objector_json_get_string (JsonObject         *object,
                          const char         *path,
                          const char         *key,
                          ObjectorJsonFlags   flags,
                          const char        **out,
                          GError            **error)
{
  g_autofree char *child = NULL;
  JsonNode *node;

  *out = NULL;
  return find_member (object, path, key, flags, &node, &child, error)
         && (node == NULL || read_string (node, child, flags, out, error));
}

gboolean
objector_json_dup_string (JsonObject         *object,
                          const char         *path,
                          const char         *key,
                          ObjectorJsonFlags   flags,
                          char              **out,
                          GError            **error)
{
  const char *text;

  *out = NULL;

  if (!objector_json_get_string (object, path, key, flags, &text, error))
    return FALSE;

  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_int (JsonNode    *node,
          const char  *path,
          gint64       min,
          gint64       max,
          gint64      *out,
          GError     **error)
{
  gint64 value;

  if (!holds (node, G_TYPE_INT64))
    return objector_json_fail (error, path, _("expected an integer"));

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_assert (min >= G_MININT && max <= G_MAXINT);
      return objector_json_fail (error, path, _("%lld is out of range (%d to %d)"),
                                 (long long) value, (int) min, (int) max);
    }

  *out = value;
  return TRUE;
}

gboolean
objector_json_get_int (JsonObject         *object,
                       const char         *path,
                       const char         *key,
                       ObjectorJsonFlags   flags,
                       gint64              min,
                       gint64              max,
                       gint64             *out,
                       GError            **error)
{
  g_autofree char *child = NULL;
  JsonNode *node;

  return find_member (object, path, key, flags, &node, &child, error)
         && (node == NULL || read_int (node, child, min, max, out, error));
}

gboolean
objector_json_get_boolean (JsonObject         *object,
                           const char         *path,
                           const char         *key,
                           ObjectorJsonFlags   flags,
                           gboolean           *out,
                           GError            **error)
{
  g_autofree char *child = NULL;
  JsonNode *node;

  if (!find_member (object, path, key, flags, &node, &child, error))
    return FALSE;
  if (node != NULL && !holds (node, G_TYPE_BOOLEAN))
    return objector_json_fail (error, child, _("expected true or false"));

  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
objector_json_read_object (JsonNode    *node,
                           const char  *path,
                           JsonObject **out,
                           GError     **error)
{
  *out = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return objector_json_fail (error, path, _("expected an object"));

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
objector_json_get_object (JsonObject         *object,
                          const char         *path,
                          const char         *key,
                          ObjectorJsonFlags   flags,
                          JsonObject        **out,
                          GError            **error)
{
  g_autofree char *child = NULL;
  JsonNode *node;

  *out = NULL;
  return find_member (object, path, key, flags, &node, &child, error)
         && (node == NULL || objector_json_read_object (node, child, out, error));
}

static gboolean
read_array (JsonNode           *node,
            const char         *path,
            ObjectorJsonFlags   flags,
            JsonArray         **out,
            GError            **error)
{
  *out = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return objector_json_fail (error, path, _("expected a list"));

  *out = json_node_get_array (node);
  if ((flags & OBJECTOR_JSON_NON_EMPTY) && json_array_get_length (*out) == 0)
    return objector_json_fail (error, path, _("must not be empty"));

  return TRUE;
}

gboolean
objector_json_get_array (JsonObject         *object,
                         const char         *path,
                         const char         *key,
                         ObjectorJsonFlags   flags,
                         JsonArray         **out,
                         GError            **error)
{
  g_autofree char *child = NULL;
  JsonNode *node;

  *out = NULL;
  return find_member (object, path, key, flags, &node, &child, error)
         && (node == NULL || read_array (node, child, flags, out, error));
}

/* Lists */

gboolean
objector_json_foreach_object (JsonObject              *object,
                              const char              *path,
                              const char              *key,
                              ObjectorJsonFlags        flags,
                              ObjectorJsonObjectFunc   func,
                              gpointer                 user_data,
                              GError                 **error)
{
  g_autofree char *child = objector_json_member_path (path, key);
  JsonArray *array;

  if (!objector_json_get_array (object, path, key, flags, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *element_path = objector_json_element_path (child, i);
      JsonObject *element;

      if (!objector_json_read_object (json_array_get_element (array, i), element_path, &element, error)
          || !func (element, element_path, user_data, error))
        return FALSE;
    }
  return TRUE;
}

static char **
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (char **) g_ptr_array_free (array, FALSE);
}

typedef gboolean (*ReadElementFunc) (JsonNode           *node,
                                     const char         *path,
                                     ObjectorJsonFlags   flags,
                                     gpointer            data,
                                     char              **out,
                                     GError            **error);

/* The list @key, each element read into a new string by @read. */
static gboolean
get_list (JsonObject         *object,
          const char         *path,
          const char         *key,
          ObjectorJsonFlags   flags,
          ReadElementFunc     read,
          gpointer            data,
          char             ***out,
          GError            **error)
{
  g_autofree char *child = objector_json_member_path (path, key);
  g_autoptr(GPtrArray) values = NULL;
  JsonArray *array;
  guint n;

  *out = NULL;

  if (!objector_json_get_array (object, path, key, flags, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n = json_array_get_length (array);
  values = g_ptr_array_new_full (n + 1, g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_path = objector_json_element_path (child, i);
      char *value;

      if (!read (json_array_get_element (array, i), item_path, flags, data, &value, error))
        return FALSE;
      g_ptr_array_add (values, value);
    }

  *out = steal_strv (g_steal_pointer (&values));
  return TRUE;
}

typedef struct
{
  ObjectorJsonCheckFunc  check;
  gpointer               user_data;
} Check;

/* A non-empty string that passes the check. */
static gboolean
read_checked_string (JsonNode           *node,
                     const char         *path,
                     ObjectorJsonFlags   flags,
                     gpointer            data,
                     char              **out,
                     GError            **error)
{
  Check *check = data;
  const char *value;

  if (!read_string (node, path, (flags & OBJECTOR_JSON_NO_CONTROLS) | OBJECTOR_JSON_NON_EMPTY,
                                  &value, error)
      || (check->check != NULL && !check->check (value, path, check->user_data, error)))
    return FALSE;

  *out = g_strdup (value);
  return TRUE;
}

gboolean
objector_json_get_strv (JsonObject             *object,
                        const char             *path,
                        const char             *key,
                        ObjectorJsonFlags       flags,
                        ObjectorJsonCheckFunc   check,
                        gpointer                user_data,
                        char                 ***out,
                        GError                **error)
{
  Check data = { check, user_data };

  return get_list (object, path, key, flags, read_checked_string, &data, out, error);
}

static gboolean
is_date (const char *s)
{
  guint year, month, day;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
        return FALSE;
    }

  year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  month = (s[5] - '0') * 10 + (s[6] - '0');
  day = (s[8] - '0') * 10 + (s[9] - '0');

  return g_date_valid_dmy (day, month, year);
}

gboolean
objector_json_get_date (JsonObject         *object,
                        const char         *path,
                        const char         *key,
                        ObjectorJsonFlags   flags,
                        const char        **out,
                        GError            **error)
{
  if (!objector_json_get_string (object, path, key, flags, out, error))
    return FALSE;

  if (*out != NULL && !is_date (*out))
    {
      g_autofree char *child = objector_json_member_path (path, key);

      objector_json_fail (error, child, _("not a date in the form YYYY-MM-DD: “%s”"), *out);
      *out = NULL;
      return FALSE;
    }
  return TRUE;
}

gboolean
objector_json_get_time (JsonObject         *object,
                        const char         *path,
                        const char         *key,
                        ObjectorJsonFlags   flags,
                        GDateTime         **out,
                        GError            **error)
{
  const char *text;

  *out = NULL;

  if (!objector_json_get_string (object, path, key, flags, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  *out = g_date_time_new_from_iso8601 (text, NULL);
  if (*out == NULL)
    {
      g_autofree char *child = objector_json_member_path (path, key);

      return objector_json_fail (error, child, _("“%s” is not a date and time"), text);
    }
  return TRUE;
}

/* Translated texts */

gboolean
objector_json_is_language_code (const char *s)
{
  guint n = 0;

  if (s == NULL)
    return FALSE;

  while (g_ascii_islower (s[n]))
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  s += n;

  if (*s == '_')
    {
      if (!g_ascii_isupper (s[1]) || !g_ascii_isupper (s[2]))
        return FALSE;
      s += 3;
    }

  if (*s == '@')
    {
      s++;
      n = 0;
      while (g_ascii_islower (s[n]))
        n++;
      if (n == 0)
        return FALSE;
      s += n;
    }

  return *s == '\0';
}

static const char *
pick_translation (JsonObject         *translations,
                  const char * const *languages)
{
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      JsonNode *node;

      if (!objector_json_is_language_code (languages[i]))
        continue;

      node = json_object_get_member (translations, languages[i]);
      if (node != NULL)
        return json_node_get_string (node);
    }

  return json_object_get_string_member (translations, "en");
}

static gboolean
read_one_text (JsonNode           *node,
               const char         *path,
               ObjectorJsonFlags   flags,
               guint               min_chars,
               const char        **out,
               GError            **error)
{
  glong n_chars;

  if (!read_string (node, path, flags, out, error))
    return FALSE;

  n_chars = g_utf8_strlen (*out, -1);
  if (n_chars < (glong) min_chars)
    return objector_json_fail (error, path, _("too short (%ld of at least %u characters)"),
                               n_chars, min_chars);
  return TRUE;
}

static gboolean
read_text (JsonNode           *node,
           const char         *path,
           ObjectorJsonFlags   flags,
           const char * const *languages,
           guint               min_chars,
           char              **out,
           GError            **error)
{
  g_autoptr(GList) codes = NULL;
  JsonObject *translations;
  const char *text;

  *out = NULL;

  if (holds (node, G_TYPE_STRING))
    {
      if (!read_one_text (node, path, flags, min_chars, &text, error))
        return FALSE;
      *out = g_strdup (text);
      return TRUE;
    }

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return objector_json_fail (error, path, _("expected a string or an object of translations"));

  translations = json_node_get_object (node);
  if (!json_object_has_member (translations, "en"))
    return objector_json_fail (error, path, _("missing the English (“en”) text"));

  codes = json_object_get_members (translations);
  for (const GList *l = codes; l != NULL; l = l->next)
    {
      g_autofree char *child = objector_json_member_path (path, l->data);

      if (!objector_json_is_language_code (l->data))
        return objector_json_fail (error, child, _("not a language code (like “de” or “pt_BR”)"));
      if (!read_one_text (json_object_get_member (translations, l->data), child, flags, min_chars,
                          &text, error))
        return FALSE;
    }

  *out = g_strdup (pick_translation (translations, languages));
  return TRUE;
}

gboolean
objector_json_get_text (JsonObject         *object,
                        const char         *path,
                        const char         *key,
                        ObjectorJsonFlags   flags,
                        const char * const *languages,
                        guint               min_chars,
                        char              **out,
                        GError            **error)
{
  g_autofree char *child = NULL;
  JsonNode *node;

  *out = NULL;
  return find_member (object, path, key, flags, &node, &child, error)
         && (node == NULL || read_text (node, child, flags, languages, min_chars, out, error));
}

static gboolean
read_text_element (JsonNode           *node,
                   const char         *path,
                   ObjectorJsonFlags   flags,
                   gpointer            languages,
                   char              **out,
                   GError            **error)
{
  return read_text (node, path, flags, languages, 0, out, error);
}

gboolean
objector_json_get_text_list (JsonObject         *object,
                             const char         *path,
                             const char         *key,
                             ObjectorJsonFlags   flags,
                             const char * const *languages,
                             char             ***out,
                             GError            **error)
{
  return get_list (object, path, key, flags, read_text_element, (gpointer) languages, out, error);
}

/* Lenient lookups */

static JsonNode *
lookup (JsonObject *object,
        const char *key,
        GType       type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return holds (node, type) ? node : NULL;
}

const char *
objector_json_lookup_string (JsonObject *object,
                             const char *key)
{
  JsonNode *node = lookup (object, key, G_TYPE_STRING);
  const char *text = node != NULL ? json_node_get_string (node) : NULL;

  return text != NULL && g_utf8_validate (text, -1, NULL) ? text : NULL;
}

gboolean
objector_json_lookup_boolean (JsonObject *object,
                              const char *key,
                              gboolean    fallback)
{
  JsonNode *node = lookup (object, key, G_TYPE_BOOLEAN);

  return node != NULL ? json_node_get_boolean (node) : fallback;
}

gint64
objector_json_lookup_int (JsonObject *object,
                          const char *key,
                          gint64      fallback)
{
  JsonNode *node = lookup (object, key, G_TYPE_INT64);

  return node != NULL ? json_node_get_int (node) : fallback;
}

JsonObject *
objector_json_lookup_object (JsonObject *object,
                             const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
objector_json_lookup_array (JsonObject *object,
                            const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

char **
objector_json_lookup_strv (JsonObject *object,
                           const char *key)
{
  JsonArray *array = objector_json_lookup_array (object, key);
  GPtrArray *values;

  if (array == NULL)
    return NULL;

  values = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *text = holds (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;

      if (text != NULL && g_utf8_validate (text, -1, NULL))
        g_ptr_array_add (values, g_strdup (text));
    }
  return steal_strv (values);
}

char *
objector_json_dup_shown_string (JsonNode *node)
{
  const char *text = holds (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;

  if (text == NULL)
    return NULL;
  return g_utf8_validate (text, -1, NULL) ? g_strdup (text) : g_utf8_make_valid (text, -1);
}

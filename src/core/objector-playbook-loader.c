/* objector-playbook-loader.c — reading and checking a playbook
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-json.h"
#include "objector-meta-domains.h"
#include "objector-path-private.h"
#include "objector-playbook-private.h"
#include "objector-playbook-trust.h"

/* The playbook format (format 1), as objector-playbook-loader.c,
 * objector-playbook-mail.c and objector-playbook-paths.c check it:
 *
 *   format        1; anything else is refused before the rest is read
 *   version       positive integer, YYYYMMDDNN; a higher one replaces a lower
 *   updated       "YYYY-MM-DD"
 *   regions       {"eu": ["AT", …], …}: ids [a-z0-9-]+, ISO 3166-1 alpha-2 codes
 *   deadline      {"answer_months", "extension_months"}: 1 to 12 (GDPR Art. 12(3))
 *   mail          {"domains": [host, …],
 *                  "languages" (optional): {lang: {"markers", "negations", "breaks",
 *                             "conditionals", "regret", "topic", "quotes", "footers":
 *                             [phrase, …] (each optional; markers, breaks and
 *                             conditionals single words), "contractions": {"won't":
 *                             "will not", …} (optional)}, …},
 *                  "rules": [{"kind": code|receipt|approval|rejection|extension|other,
 *                             "subject": {lang: [phrase, …]}, "body": {…},
 *                             "negated": kind (optional), "weight": 1–3 (optional, 2),
 *                             "senders": [local part, …] (optional)}, …]}
 *                 A phrase is words; "word*" matches words that start so and "…"
 *                 (between two words) up to four other words.
 *   paths         [{"id", "platform": facebook|instagram|whatsapp|none,
 *                   "kind": objection|third-party, "regions": [id or "*", …],
 *                   "title", "summary": text,
 *                   "form_url", "alternative_form_url" (optional), "overview_url":
 *                     https URLs whose hosts are in "allowed_hosts" (lowercase hosts),
 *                   "forms" (optional): [{"url", "label": text, "last_checked":
 *                     "YYYY-MM-DD" (optional), "kind": form|page (optional, form)}, …],
 *                     where the form may be, in the order to try; the first is a
 *                     form and its url is form_url; no url twice,
 *                   "steps": [text, …],
 *                   "app_routes": [{"app": facebook|instagram, "steps": [text, …]}, …],
 *                   "fields": [{"id", "label": text, "hint": text (optional),
 *                               "fill": email|country|reason|name|account|none,
 *                               "required": bool}, …],
 *                   "reasons": {"short": text, "full": text of 100 characters or more},
 *                   "code_step": bool,
 *                   "deadline": {…} (optional, overrides the top level per key)}, …]
 *
 * A text is an English string or {"en": …, "de": …, "pt_BR": …} with "en"
 * required. Members that are absent or null are "missing"; unknown members
 * are ignored so that older versions can read newer playbooks. */

#define MIN_MONTHS 1
#define MAX_MONTHS 12

/* Character classes of the small grammars the playbook uses. */

gboolean
_objector_playbook_is_id (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;

  for (; *s != '\0'; s++)
    {
      if (!g_ascii_islower (*s) && !g_ascii_isdigit (*s) && *s != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_country_code (const char *s)
{
  return s != NULL &&
         g_ascii_isupper (s[0]) && g_ascii_isupper (s[1]) && s[2] == '\0';
}

/* Checks for objector_json_get_strv(). */

static gboolean
check_country_code (const char  *value,
                    const char  *path,
                    gpointer     user_data,
                    GError     **error)
{
  if (!is_country_code (value))
    return objector_json_fail (error, path,
                 _("“%s” is not a country code (two capital letters, like “DE”)"), value);

  return TRUE;
}

gboolean
_objector_playbook_check_host_name (const char  *value,
                                    const char  *path,
                                    gpointer     user_data,
                                    GError     **error)
{
  if (!objector_is_host_name (value))
    return objector_json_fail (error, path, _("“%s” is not a lowercase host name"), value);

  /* Whoever wrote the playbook, forms open and mail is trusted only where
   * the code itself says Meta is: a playbook narrows, never widens. */
  if (!objector_playbook_host_is_trusted (value))
    {
      g_autofree char *meta = g_strjoinv (", ", (char **) objector_meta_domain_suffixes ());

      return objector_json_fail (error, path, _("“%s” is not one of Meta’s domains (%s or their subdomains)"), value, meta);
    }

  return TRUE;
}

gboolean
_objector_playbook_get_months (JsonObject  *object,
                               const char  *path,
                               const char  *key,
                               gboolean     required,
                               guint       *out,
                               GError     **error)
{
  gint64 months = *out;

  if (!objector_json_get_int (object, path, key,
                              required ? OBJECTOR_JSON_REQUIRED : OBJECTOR_JSON_OPTIONAL,
                              MIN_MONTHS, MAX_MONTHS, &months, error))
    return FALSE;

  *out = (guint) months;
  return TRUE;
}

/* The sections of the playbook, in the order they are checked. */

static gboolean
load_header (ObjectorPlaybookLoader  *loader,
             JsonObject              *root,
             GError                 **error)
{
  ObjectorPlaybook *self = loader->playbook;
  gint64 format = 0;
  const char *updated = NULL;

  /* The format comes first: a newer format may mean anything below. */
  if (!objector_json_get_int (root, NULL, "format", OBJECTOR_JSON_REQUIRED,
                              G_MININT64, G_MAXINT64, &format, error))
    return FALSE;
  if (format != OBJECTOR_PLAYBOOK_FORMAT)
    return objector_json_fail (error, "format",
                 _("unsupported format %lld (this version of Objector reads format %d)"),
                 (long long) format, OBJECTOR_PLAYBOOK_FORMAT);

  if (!objector_json_get_int (root, NULL, "version", OBJECTOR_JSON_REQUIRED,
                              G_MININT64, G_MAXINT64, &self->version, error))
    return FALSE;
  if (self->version <= 0)
    return objector_json_fail (error, "version", _("must be a positive integer"));

  if (!objector_json_get_date (root, NULL, "updated", PLAYBOOK_REQUIRED_TEXT, &updated, error))
    return FALSE;
  self->updated = g_strdup (updated);

  return TRUE;
}

static gboolean
load_regions (ObjectorPlaybookLoader  *loader,
              JsonObject              *root,
              GError                 **error)
{
  ObjectorPlaybook *self = loader->playbook;
  g_autoptr(GList) ids = NULL;
  g_autoptr(GPtrArray) region_ids = g_ptr_array_new_with_free_func (g_free);
  JsonObject *regions = NULL;

  if (!objector_json_get_object (root, NULL, "regions", OBJECTOR_JSON_REQUIRED, &regions, error))
    return FALSE;

  ids = json_object_get_members (regions);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      const char *id = l->data;
      char **members;

      if (!_objector_playbook_is_id (id))
        return objector_json_fail (error, "regions",
                     _("invalid region id “%s” (use a-z, 0-9 and “-”)"), id);

      if (!objector_json_get_strv (regions, "regions", id, PLAYBOOK_REQUIRED_TEXT,
                            check_country_code, NULL, &members, error))
        return FALSE;

      g_hash_table_insert (self->regions, g_strdup (id), members);
      g_ptr_array_add (region_ids, g_strdup (id));
    }

  g_ptr_array_add (region_ids, NULL);
  self->region_ids = (char **) g_ptr_array_steal (region_ids, NULL);

  return TRUE;
}

static gboolean
load_deadline (ObjectorPlaybookLoader  *loader,
               JsonObject              *root,
               GError                 **error)
{
  ObjectorPlaybook *self = loader->playbook;
  JsonObject *deadline = NULL;

  return objector_json_get_object (root, NULL, "deadline", OBJECTOR_JSON_REQUIRED, &deadline, error) &&
         _objector_playbook_get_months (deadline, "deadline", "answer_months", TRUE,
                     &self->answer_months, error) &&
         _objector_playbook_get_months (deadline, "deadline", "extension_months", TRUE,
                     &self->extension_months, error);
}

/* json-glib says "<data>:3:5: Parse error: …"; we say "line 3, column 5: Parse error: …". */
static void
set_syntax_error (GError       **error,
                  const GError  *json_error)
{
  /* json-glib quotes the token it stopped at, cut at any byte: never pass
   * broken UTF-8 on to a terminal or a label (found by tests/fuzz). */
  g_autofree char *valid = g_utf8_make_valid (json_error->message, -1);
  const char *message = valid;
  const char *prefix = "<data>:";

  if (g_str_has_prefix (message, prefix))
    {
      const char *p = message + strlen (prefix);
      char *end;
      guint64 line;
      guint64 column;

      line = g_ascii_strtoull (p, &end, 10);
      if (end != p && *end == ':')
        {
          p = end + 1;
          column = g_ascii_strtoull (p, &end, 10);
          if (end != p && *end == ':')
            {
              p = end + 1;
              while (g_ascii_isspace (*p))
                p++;

              g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK,
                           _("line %llu, column %llu: %s"),
                           (unsigned long long) line, (unsigned long long) column, p);
              return;
            }
        }
    }

  objector_json_fail (error, NULL, "%s", message);
}

/* "\u0000" in any case of its hex digits. */
static gboolean
has_escaped_nul (const char *data,
                 gsize       size)
{
  for (const char *p = memchr (data, '\\', size); p != NULL && p + 6 <= data + size;
       p = memchr (p + 1, '\\', data + size - p - 1))
    if (g_ascii_strncasecmp (p, "\\u0000", 6) == 0)
      return TRUE;
  return FALSE;
}

static ObjectorPlaybook *
load_playbook (GBytes      *bytes,
               const char  *origin,
               GError     **error)
{
  g_autoptr(ObjectorPlaybook) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  JsonNode *root = NULL;
  const char *data = NULL;
  gsize size;
  ObjectorPlaybookLoader loader;

  data = g_bytes_get_data (bytes, &size);

  if (size > OBJECTOR_PLAYBOOK_MAX_SIZE)
    {
      objector_json_fail (error, NULL, _("too large: %llu bytes (the limit is 4 MiB)"),
            (unsigned long long) size);
      return NULL;
    }

  if (size == 0)
    {
      objector_json_fail (error, NULL, _("the playbook is empty"));
      return NULL;
    }

  /* json-glib cuts a string at an escaped NUL: "www.facebook.com\u0000…"
   * would be read as less than it says. */
  if (has_escaped_nul (data, size))
    {
      objector_json_fail (error, NULL, _("holds an escaped NUL character (\\u0000), which no playbook text may"));
      return NULL;
    }

  /* json-glib recurses into every list and object: deep nesting must be
   * refused before it starts, or the stack runs out. */
  if (!objector_json_check_depth (data, size, OBJECTOR_JSON_MAX_DEPTH, &json_error))
    {
      objector_json_fail (error, NULL, "%s", json_error->message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &json_error))
    {
      set_syntax_error (error, json_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      objector_json_fail (error, NULL, _("the playbook is empty"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      objector_json_fail (error, NULL, _("not a JSON object"));
      return NULL;
    }

  self = g_object_new (OBJECTOR_TYPE_PLAYBOOK, NULL);
  self->origin = g_strdup (origin);

  loader.playbook = self;
  loader.languages = g_get_language_names ();

  if (!load_header (&loader, json_node_get_object (root), error) ||
      !load_regions (&loader, json_node_get_object (root), error) ||
      !load_deadline (&loader, json_node_get_object (root), error) ||
      !_objector_playbook_load_mail (&loader, json_node_get_object (root), error) ||
      !_objector_playbook_load_paths (&loader, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * objector_playbook_new_from_bytes:
 * @bytes: the playbook's JSON text
 * @origin: (nullable): where it came from, for objector_playbook_get_origin()
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the playbook, or %NULL when it is
 *   invalid (OBJECTOR_ERROR_INVALID_PLAYBOOK, "<json path>: <problem>")
 */
ObjectorPlaybook *
objector_playbook_new_from_bytes (GBytes      *bytes,
                                  const char  *origin,
                                  GError     **error)
{
  ObjectorPlaybook *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = load_playbook (bytes, origin, error);
  if (self == NULL)
    objector_json_set_error_code (error, OBJECTOR_ERROR_INVALID_PLAYBOOK);
  return self;
}

/**
 * objector_playbook_new_from_file:
 * @filename: a playbook file
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the playbook; on failure the error
 *   message starts with the quoted file name
 */
ObjectorPlaybook *
objector_playbook_new_from_file (const char  *filename,
                                 GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  ObjectorPlaybook *self;
  GStatBuf st;
  gsize length = 0;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (filename);

  if (g_stat (filename, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("“%s”: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("“%s”: %s"), display_name, g_strerror (EISDIR));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("“%s”: not a regular file"), display_name);
      return NULL;
    }

  /* Refuse before reading it all into memory. */
  if (st.st_size > OBJECTOR_PLAYBOOK_MAX_SIZE)
    {
      objector_json_fail (&local_error, NULL, _("too large: %llu bytes (the limit is 4 MiB)"),
            (unsigned long long) st.st_size);
      objector_json_set_error_code (&local_error, OBJECTOR_ERROR_INVALID_PLAYBOOK);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("“%s”: "), display_name);
      return NULL;
    }

  if (!g_file_get_contents (filename, &contents, &length, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  self = objector_playbook_new_from_bytes (bytes, filename, &local_error);
  if (self == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                _("“%s”: "), display_name);

  return self;
}


/* objector-playbook-mail.c — how a playbook says Meta's mail is read: rules and languages
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-json.h"
#include "objector-playbook-private.h"

void
_objector_mail_rule_free (ObjectorMailRule *rule)
{
  if (rule == NULL)
    return;

  g_strfreev (rule->subject);
  g_strfreev (rule->body);
  g_strfreev (rule->subject_languages);
  g_strfreev (rule->body_languages);
  g_strfreev (rule->senders);
  g_free (rule);
}


void
_objector_mail_language_free (ObjectorMailLanguage *language)
{
  if (language == NULL)
    return;

  g_free (language->code);
  g_strfreev (language->markers);
  g_strfreev (language->negations);
  g_strfreev (language->contractions);
  g_strfreev (language->breaks);
  g_strfreev (language->conditionals);
  g_strfreev (language->regret);
  g_strfreev (language->topic);
  g_strfreev (language->quotes);
  g_strfreev (language->footers);
  g_free (language);
}


/* A phrase of the mail rules: words, where "…" stands between two of them. */
static gboolean
check_phrase (const char  *value,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));

  if (*trimmed == '\0')
    return objector_json_fail (error, path, _("must not be empty"));
  if (g_str_has_prefix (trimmed, "…") || g_str_has_suffix (trimmed, "…"))
    return objector_json_fail (error, path, _("“…” must stand between two words: “%s”"), value);

  return TRUE;
}

/* One word: the clause breaks and conditionals are compared word by word. */
static gboolean
check_word (const char  *value,
            const char  *path,
            gpointer     user_data,
            GError     **error)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0x2026)
      return objector_json_fail (error, path, _("must be a single word: “%s”"), value);

  return TRUE;
}

/* "security", "advertise-noreply": what comes before the "@". */
static gboolean
check_sender (const char  *value,
              const char  *path,
              gpointer     user_data,
              GError     **error)
{
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '.' && *p != '_')
      return objector_json_fail (error, path, _("“%s” is not the lowercase part of an address before the “@”"), value);

  return TRUE;
}

/* {"en": ["phrase", …], "de": […]}: appends every phrase to @phrases and
 * its language to @languages. */
static gboolean
load_phrases (JsonObject  *rule,
              const char  *path,
              const char  *key,
              GPtrArray   *phrases,
              GPtrArray   *languages,
              GError     **error)
{
  g_autofree char *child = objector_json_member_path (path, key);
  g_autoptr(GList) codes = NULL;
  JsonObject *by_language = NULL;

  if (!objector_json_get_object (rule, path, key, OBJECTOR_JSON_OPTIONAL, &by_language, error))
    return FALSE;
  if (by_language == NULL)
    return TRUE;

  codes = json_object_get_members (by_language);
  for (const GList *l = codes; l != NULL; l = l->next)
    {
      const char *language = l->data;
      g_auto(GStrv) list = NULL;

      if (!objector_json_is_language_code (language))
        {
          g_autofree char *language_path = objector_json_member_path (child, language);

          return objector_json_fail (error, language_path,
                       _("not a language code (like “de” or “pt_BR”)"));
        }

      if (!objector_json_get_strv (by_language, child, language, OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NO_CONTROLS, check_phrase, NULL, &list, error))
        return FALSE;

      for (guint i = 0; list[i] != NULL; i++)
        {
          g_ptr_array_add (phrases, g_strdup (list[i]));
          g_ptr_array_add (languages, g_strdup (language));
        }
    }

  return TRUE;
}

static char **
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (char **) g_ptr_array_steal (array, NULL);
}

/* A list that may be left out: NULL becomes an empty list. */
static gboolean
get_optional_list (JsonObject              *object,
                   const char              *path,
                   const char              *key,
                   ObjectorJsonCheckFunc    check,
                   char                  ***out,
                   GError                 **error)
{
  if (!objector_json_get_strv (object, path, key, OBJECTOR_JSON_NO_CONTROLS, check, NULL, out, error))
    return FALSE;

  if (*out == NULL)
    *out = g_new0 (char *, 1);
  return TRUE;
}

/* {"won't": "will not", "n'": "ne ", …}: a contraction holds an apostrophe. */
static gboolean
load_contractions (JsonObject   *object,
                   const char   *path,
                   char       ***out,
                   GError      **error)
{
  g_autofree char *child = objector_json_member_path (path, "contractions");
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) keys = NULL;
  JsonObject *contractions = NULL;

  if (!objector_json_get_object (object, path, "contractions", OBJECTOR_JSON_OPTIONAL, &contractions, error))
    return FALSE;

  if (contractions != NULL)
    keys = json_object_get_members (contractions);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *key_path = objector_json_member_path (child, l->data);
      const char *expansion = NULL;

      if (strchr (l->data, '\'') == NULL)
        return objector_json_fail (error, key_path, _("a contraction must contain an apostrophe (')"));
      if (!objector_json_get_string (contractions, child, l->data, PLAYBOOK_REQUIRED_TEXT, &expansion, error))
        return FALSE;

      g_ptr_array_add (pairs, g_strdup (l->data));
      g_ptr_array_add (pairs, g_strdup (expansion));
    }

  *out = steal_strv (pairs);

  return TRUE;
}

static gboolean
load_mail_languages (ObjectorPlaybookLoader  *loader,
                     JsonObject              *mail,
                     GError                 **error)
{
  ObjectorPlaybook *self = loader->playbook;
  g_autoptr(GList) codes = NULL;
  JsonObject *languages = NULL;

  if (!objector_json_get_object (mail, "mail", "languages", OBJECTOR_JSON_OPTIONAL, &languages, error))
    return FALSE;
  if (languages == NULL)
    return TRUE;

  codes = json_object_get_members (languages);
  for (const GList *l = codes; l != NULL; l = l->next)
    {
      g_autofree char *path = objector_json_member_path ("mail.languages", l->data);
      g_autoptr(ObjectorMailLanguage) language = g_new0 (ObjectorMailLanguage, 1);
      JsonObject *object = NULL;

      if (!objector_json_is_language_code (l->data))
        return objector_json_fail (error, path, _("not a language code (like “de” or “pt_BR”)"));

      if (!objector_json_read_object (json_object_get_member (languages, l->data), path, &object, error) ||
          !get_optional_list (object, path, "markers", check_word, &language->markers, error) ||
          !get_optional_list (object, path, "negations", check_phrase, &language->negations, error) ||
          !load_contractions (object, path, &language->contractions, error) ||
          !get_optional_list (object, path, "breaks", check_word, &language->breaks, error) ||
          !get_optional_list (object, path, "conditionals", check_word, &language->conditionals, error) ||
          !get_optional_list (object, path, "regret", check_phrase, &language->regret, error) ||
          !get_optional_list (object, path, "topic", check_phrase, &language->topic, error) ||
          !get_optional_list (object, path, "quotes", check_phrase, &language->quotes, error) ||
          !get_optional_list (object, path, "footers", check_phrase, &language->footers, error))
        return FALSE;

      language->code = g_strdup (l->data);
      g_ptr_array_add (self->mail_languages, g_steal_pointer (&language));
    }

  return TRUE;
}

static gboolean
load_mail_rule (JsonObject  *object,
                const char  *path,
                gpointer     user_data,
                GError     **error)
{
  ObjectorPlaybook *self = user_data;
  g_autoptr(ObjectorMailRule) rule = g_new0 (ObjectorMailRule, 1);
  g_autofree char *kind_path = objector_json_member_path (path, "kind");
  g_autofree char *negated_path = objector_json_member_path (path, "negated");
  g_autoptr(GPtrArray) subject = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) subject_languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) body_languages = g_ptr_array_new_with_free_func (g_free);
  const char *kind = NULL;
  const char *negated = NULL;
  gint64 weight = 2;

  if (!objector_json_get_string (object, path, "kind", PLAYBOOK_REQUIRED_TEXT, &kind, error))
    return FALSE;
  /* "unrecognised" is what no rule says. */
  if (!objector_mail_kind_from_string (kind, &rule->kind) ||
      rule->kind == OBJECTOR_MAIL_KIND_UNRECOGNISED)
    return objector_json_fail (error, kind_path,
                 _("unknown kind “%s” "
                   "(known: code, receipt, approval, rejection, extension, other)"),
                 kind);

  rule->negated = OBJECTOR_MAIL_KIND_UNRECOGNISED;
  if (!objector_json_get_string (object, path, "negated", PLAYBOOK_TEXT, &negated, error))
    return FALSE;
  if (negated != NULL &&
      (!objector_mail_kind_from_string (negated, &rule->negated) ||
       rule->negated == OBJECTOR_MAIL_KIND_UNRECOGNISED || rule->negated == rule->kind))
    return objector_json_fail (error, negated_path,
                 _("“%s” is not another kind of email "
                   "(known: code, receipt, approval, rejection, extension, other)"),
                 negated);

  if (!objector_json_get_int (object, path, "weight", OBJECTOR_JSON_OPTIONAL, 1, 3, &weight, error))
    return FALSE;
  rule->weight = (guint) weight;

  if (!get_optional_list (object, path, "senders", check_sender, &rule->senders, error) ||
      !load_phrases (object, path, "subject", subject, subject_languages, error) ||
      !load_phrases (object, path, "body", body, body_languages, error))
    return FALSE;

  if (subject->len == 0 && body->len == 0 && rule->senders[0] == NULL)
    return objector_json_fail (error, path, _("no subject or body phrases"));

  rule->subject = steal_strv (subject);
  rule->subject_languages = steal_strv (subject_languages);
  rule->body = steal_strv (body);
  rule->body_languages = steal_strv (body_languages);

  g_ptr_array_add (self->mail_rules, g_steal_pointer (&rule));
  return TRUE;
}

gboolean
_objector_playbook_load_mail (ObjectorPlaybookLoader  *loader,
                              JsonObject              *root,
                              GError                 **error)
{
  ObjectorPlaybook *self = loader->playbook;
  JsonObject *mail = NULL;

  if (!objector_json_get_object (root, NULL, "mail", OBJECTOR_JSON_REQUIRED, &mail, error))
    return FALSE;

  if (!objector_json_get_strv (mail, "mail", "domains", PLAYBOOK_REQUIRED_TEXT,
                        _objector_playbook_check_host_name, NULL, &self->mail_domains, error))
    return FALSE;

  if (!load_mail_languages (loader, mail, error))
    return FALSE;

  return objector_json_foreach_object (mail, "mail", "rules", OBJECTOR_JSON_REQUIRED, load_mail_rule, self, error);
}


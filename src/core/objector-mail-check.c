/* objector-mail-check.c — what an email is and where it belongs
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-clock.h"
#include "objector-mail-private.h"
#include "objector-meta-domains.h"

/* Some minutes of clock difference between Meta's servers and this computer
 * must not make an answer look older than the objection it answers. */
#define CLOCK_SKEW_SECONDS (15 * 60)

/* Matching text */

/* Case, accents' composition, apostrophes and line breaks differ between
 * the playbook's phrases and what mail programs write: fold them all. */
static char *
fold_text (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *normal = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (normal));
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xa0 || c == 0x202f)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }
      switch (c)
        {
        case 0x2018: case 0x2019: case 0x201b: case 0x02bc: case 0x00b4: case 0x0060:
          g_string_append_c (out, '\'');
          break;
        case 0x201c: case 0x201d: case 0x201e: case 0x00ab: case 0x00bb:
          g_string_append_c (out, '"');
          break;
        case 0x00ad: case 0x200b: case 0x200c: case 0x200d:
          break;
        default:
          g_string_append_unichar (out, c);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  ObjectorMailKind   kind;
  char             **subject;
  char             **body;
} FoldedRule;

static void
folded_rule_free (FoldedRule *rule)
{
  g_strfreev (rule->subject);
  g_strfreev (rule->body);
  g_free (rule);
}

static char **
fold_phrases (char **phrases)
{
  GPtrArray *folded = g_ptr_array_new ();

  for (guint i = 0; phrases != NULL && phrases[i] != NULL; i++)
    {
      char *phrase = fold_text (phrases[i]);

      if (*phrase != '\0')
        g_ptr_array_add (folded, phrase);
      else
        g_free (phrase);
    }
  g_ptr_array_add (folded, NULL);
  return (char **) g_ptr_array_free (folded, FALSE);
}

static GPtrArray *
fold_rules (ObjectorPlaybook *playbook)
{
  GPtrArray *rules = objector_playbook_get_mail_rules (playbook);
  GPtrArray *folded = g_ptr_array_new_with_free_func ((GDestroyNotify) folded_rule_free);

  for (guint i = 0; rules != NULL && i < rules->len; i++)
    {
      ObjectorMailRule *rule = g_ptr_array_index (rules, i);
      FoldedRule *copy = g_new0 (FoldedRule, 1);

      copy->kind = rule->kind;
      copy->subject = fold_phrases (rule->subject);
      copy->body = fold_phrases (rule->body);
      g_ptr_array_add (folded, copy);
    }
  return folded;
}

/* A phrase counts where it starts and ends at word boundaries:
 * "extension" is no hit in "extensions" of a newsletter's footer. */
static gboolean
contains_phrase (const char *text,
                 const char *phrase)
{
  gsize n = strlen (phrase);

  for (const char *p = strstr (text, phrase); p != NULL; p = strstr (p + 1, phrase))
    {
      gboolean start_ok = p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean end_ok = p[n] == '\0' || !g_unichar_isalnum (g_utf8_get_char (p + n));

      if (start_ok && end_ok)
        return TRUE;
    }
  return FALSE;
}

/* Scores each kind: a subject phrase is worth 2, each body phrase 3 (the
 * body says more: "your objection request" is the subject of approvals and
 * rejections alike). A tie between two kinds leaves the email "other" for
 * the person to decide rather than guess an approval. */
static ObjectorMailKind
recognise_kind (GPtrArray  *rules,
                const char *subject,
                const char *body)
{
  guint scores[OBJECTOR_MAIL_KIND_OTHER + 1] = { 0 };
  ObjectorMailKind best = OBJECTOR_MAIL_KIND_OTHER;
  guint best_score = 0;
  gboolean tie = FALSE;

  for (guint i = 0; i < rules->len; i++)
    {
      FoldedRule *rule = g_ptr_array_index (rules, i);
      guint score = 0;

      for (guint j = 0; rule->subject[j] != NULL; j++)
        if (contains_phrase (subject, rule->subject[j]))
          {
            score += 2;
            break;
          }
      for (guint j = 0; rule->body[j] != NULL; j++)
        if (contains_phrase (body, rule->body[j]))
          score += 3;

      if (rule->kind <= OBJECTOR_MAIL_KIND_OTHER)
        scores[rule->kind] = MAX (scores[rule->kind], score);
    }

  for (ObjectorMailKind kind = 0; kind <= OBJECTOR_MAIL_KIND_OTHER; kind++)
    {
      if (scores[kind] > best_score)
        {
          best = kind;
          best_score = scores[kind];
          tie = FALSE;
        }
      else if (scores[kind] > 0 && scores[kind] == best_score)
        tie = TRUE;
    }

  return tie ? OBJECTOR_MAIL_KIND_OTHER : best;
}

static char *
find_code (const char *subject,
           const char *body)
{
  static GRegex *regex;
  const char *texts[] = { subject, body };

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("(?<![0-9])[0-9]{6}(?![0-9])", G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (compiled != NULL);
      g_once_init_leave (&regex, compiled);
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (texts[i] != NULL && g_regex_match (regex, texts[i], 0, &match))
        return g_match_info_fetch (match, 0);
    }
  return NULL;
}

/* Checking */

static const char *
platform_of_domain (ObjectorPlaybook *playbook,
                    const char       *domain)
{
  g_autofree char *skeleton = NULL;
  GListModel *paths = objector_playbook_get_paths (playbook);
  guint n = g_list_model_get_n_items (paths);

  if (domain == NULL)
    return NULL;
  skeleton = objector_mail_skeleton (domain, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
      const char *platform = objector_path_get_platform (path);
      g_autofree char *name = objector_mail_skeleton (platform, -1);

      if (!g_str_equal (platform, "none") && *name != '\0' && strstr (skeleton, name) != NULL)
        return g_intern_string (platform);
    }
  return NULL;
}

static guint
count_word (const char *text,
            const char *word)
{
  gsize n = strlen (word);
  guint count = 0;

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + n, word))
    count++;
  return count;
}

/* Which platform the text is about, when the sender does not say. */
static const char *
platform_of_text (ObjectorPlaybook *playbook,
                  const char       *folded)
{
  GListModel *paths = objector_playbook_get_paths (playbook);
  guint n = g_list_model_get_n_items (paths);
  const char *best = NULL;
  guint best_count = 0;
  gboolean tie = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
      const char *platform = objector_path_get_platform (path);
      g_autofree char *name = NULL;
      guint count;

      if (g_str_equal (platform, "none") || (best != NULL && g_str_equal (best, platform)))
        continue;
      name = fold_text (platform);
      count = count_word (folded, name);
      if (count > best_count)
        {
          best = g_intern_string (platform);
          best_count = count;
          tie = FALSE;
        }
      else if (count > 0 && count == best_count)
        tie = TRUE;
    }
  return tie ? NULL : best;
}

struct _ObjectorMailRules
{
  ObjectorPlaybook  *playbook;
  GPtrArray         *rules;    /* of FoldedRule */
  char             **stems;
};

ObjectorMailRules *
objector_mail_rules_new (ObjectorPlaybook *playbook)
{
  ObjectorMailRules *self = g_new0 (ObjectorMailRules, 1);

  self->playbook = g_object_ref (playbook);
  self->rules = fold_rules (playbook);
  self->stems = objector_mail_dup_meta_stems (playbook);
  return self;
}

void
objector_mail_rules_free (ObjectorMailRules *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->playbook);
  g_ptr_array_unref (self->rules);
  g_strfreev (self->stems);
  g_free (self);
}

const char * const *
objector_mail_rules_get_stems (ObjectorMailRules *self)
{
  return (const char * const *) self->stems;
}

ObjectorPlaybook *
objector_mail_rules_get_playbook (ObjectorMailRules *self)
{
  return self->playbook;
}

void
objector_mail_check (ObjectorMail     *self,
                     ObjectorPlaybook *playbook)
{
  g_autoptr(ObjectorMailRules) rules = NULL;

  g_return_if_fail (OBJECTOR_IS_MAIL (self));
  g_return_if_fail (OBJECTOR_IS_PLAYBOOK (playbook));

  if (self->error != NULL)
    return;

  rules = objector_mail_rules_new (playbook);
  objector_mail_check_with_rules (self, rules);
}

void
objector_mail_check_with_rules (ObjectorMail      *self,
                                ObjectorMailRules *compiled)
{
  ObjectorPlaybook *playbook = compiled->playbook;
  GPtrArray *rules = compiled->rules;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *all = NULL;
  ObjectorMailKind old_kind = self->kind;
  const char *old_platform = self->platform;
  ObjectorMailVerdict old_verdict = self->verdict;
  gboolean old_from_meta = self->from_meta;

  if (self->error != NULL)
    return;

  subject = fold_text (self->subject);
  body = fold_text (self->body);
  all = g_strconcat (subject, " ", body, NULL);

  if (!self->kind_corrected)
    self->kind = recognise_kind (rules, subject, body);
  g_clear_pointer (&self->code, g_free);
  if (self->kind == OBJECTOR_MAIL_KIND_CODE)
    self->code = find_code (self->subject, self->body);

  /* Who sent it (objector-mail-trust.c). */
  objector_mail_judge (self, compiled);

  /* The platform: the sender's domain says it, else the text. */
  self->platform = self->from_meta ? platform_of_domain (playbook, self->from_domain) : NULL;
  if (self->platform == NULL)
    self->platform = platform_of_text (playbook, all);

  objector_mail_notify_checked (self, old_kind, old_platform, old_verdict, old_from_meta);
}

ObjectorMailKind
objector_mail_get_kind (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), OBJECTOR_MAIL_KIND_OTHER);
  return self->kind;
}

void
objector_mail_set_kind (ObjectorMail     *self,
                        ObjectorMailKind  kind)
{
  g_return_if_fail (OBJECTOR_IS_MAIL (self));
  g_return_if_fail (kind <= OBJECTOR_MAIL_KIND_OTHER);

  self->kind_corrected = TRUE;
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_clear_pointer (&self->code, g_free);
  if (kind == OBJECTOR_MAIL_KIND_CODE)
    self->code = find_code (self->subject, self->body);
  objector_mail_notify_kind (self);
}

const char *
objector_mail_get_platform (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->platform;
}

const char *
objector_mail_get_code (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->code;
}

gboolean
objector_mail_get_from_meta (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), FALSE);
  return self->from_meta;
}

gboolean
objector_mail_get_claims_meta (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), FALSE);
  return self->claims_meta;
}

ObjectorMailVerdict
objector_mail_get_verdict (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), OBJECTOR_MAIL_VERDICT_SUSPICIOUS);
  return self->verdict;
}

gboolean
objector_mail_get_trusted (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), FALSE);
  return self->verdict == OBJECTOR_MAIL_VERDICT_VERIFIED;
}

const char * const *
objector_mail_get_trust_notes (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return (const char * const *) self->trust_notes;
}

const char * const *
objector_mail_get_foreign_hosts (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return (const char * const *) self->foreign_hosts;
}

/* Events */

gboolean
objector_mail_get_event (ObjectorMail      *self,
                         ObjectorObjection *objection,
                         ObjectorEvent     *event)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), FALSE);
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  return objector_mail_kind_get_event (self->kind, objection, event);
}

gboolean
objector_mail_kind_get_event (ObjectorMailKind   kind,
                              ObjectorObjection *objection,
                              ObjectorEvent     *event)
{
  switch (kind)
    {
    case OBJECTOR_MAIL_KIND_RECEIPT:
      *event = OBJECTOR_EVENT_LOG_RECEIPT;
      return TRUE;
    case OBJECTOR_MAIL_KIND_APPROVAL:
      *event = OBJECTOR_EVENT_LOG_APPROVAL;
      return TRUE;
    case OBJECTOR_MAIL_KIND_REJECTION:
      *event = OBJECTOR_EVENT_LOG_REJECTION;
      return TRUE;
    case OBJECTOR_MAIL_KIND_EXTENSION:
      *event = OBJECTOR_EVENT_EXTEND;
      return TRUE;
    case OBJECTOR_MAIL_KIND_CODE:
      /* The code confirms the form only on paths that ask for one, and
       * only while the objection waits for it. */
      if (!objector_objection_get_has_code_step (objection)
          || objector_objection_get_state (objection) != OBJECTOR_STATE_SUBMITTED)
        return FALSE;
      *event = OBJECTOR_EVENT_CONFIRM_CODE;
      return TRUE;
    case OBJECTOR_MAIL_KIND_OTHER:
    default:
      return FALSE;
    }
}

/* Matching */

static gboolean
has_recipient (ObjectorMail *self,
               const char   *address)
{
  for (guint i = 0; self->recipients[i] != NULL; i++)
    if (g_ascii_strcasecmp (self->recipients[i], address) == 0)
      return TRUE;
  return FALSE;
}

ObjectorObjection *
objector_mail_match (ObjectorMail *self,
                     GListModel   *objections)
{
  ObjectorObjection *best = NULL;
  int best_score = -1;
  GDateTime *best_time = NULL;
  guint n;

  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (objections), NULL);

  /* A friend's email to the same address is no answer from Meta. */
  if (self->error != NULL || !self->claims_meta)
    return NULL;

  n = g_list_model_get_n_items (objections);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (objections, i);
      const char *platform = objector_objection_get_platform (objection);
      const char *email = objector_objection_get_email (objection);
      GDateTime *created = objector_objection_get_created (objection);
      GDateTime *submitted = objector_objection_get_submitted (objection);
      const GTimeSpan skew = -(GTimeSpan) CLOCK_SKEW_SECONDS * G_TIME_SPAN_SECOND;
      ObjectorEvent event;
      int score = 0;

      /* An objection on Facebook does not get Instagram's answers; a path
       * without a platform (third-party requests) takes Meta's emails of
       * either. */
      if (self->platform != NULL && platform != NULL && !g_str_equal (platform, "none")
          && !g_str_equal (platform, self->platform))
        continue;
      if (self->platform != NULL && platform != NULL && g_str_equal (platform, self->platform))
        score += 1;

      /* Meta writes to the address the form was sent with. */
      if (email != NULL && self->recipients[0] != NULL && !has_recipient (self, email))
        continue;

      /* An answer cannot be older than the question. */
      if (self->date != NULL && created != NULL && g_date_time_difference (self->date, created) < skew)
        continue;

      if (submitted != NULL && (self->date == NULL || g_date_time_difference (self->date, submitted) >= skew))
        score += 4;
      if (objector_mail_get_event (self, objection, &event)
          && objector_objection_can_apply (objection, event, NULL))
        score += 2;

      /* Equal scores: the most recent objection is the likelier one. */
      if (score > best_score
          || (score == best_score && best_time != NULL && created != NULL
              && g_date_time_compare (created, best_time) > 0))
        {
          g_clear_object (&best);
          best = g_object_ref (objection);
          best_score = score;
          best_time = created;
        }
    }

  return best;
}

/* Storing */

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonArray *
strv_to_json (char **strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

JsonObject *
objector_mail_to_json (ObjectorMail *self,
                       GDateTime    *logged)
{
  JsonObject *object;
  g_autofree char *date = NULL;
  g_autofree char *logged_text = NULL;
  g_autofree char *excerpt = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);

  if (logged == NULL)
    logged = now = objector_clock_now ();

  date = format_utc (self->date);
  logged_text = format_utc (logged);
  excerpt = objector_mail_dup_excerpt (self);

  object = json_object_new ();
  set_string_or_null (object, "date", date);
  set_string_or_null (object, "from", self->from);
  set_string_or_null (object, "subject", self->subject);
  json_object_set_string_member (object, "kind", objector_mail_kind_to_string (self->kind));
  json_object_set_string_member (object, "verdict", objector_mail_verdict_to_string (self->verdict));
  json_object_set_boolean_member (object, "trusted", self->verdict == OBJECTOR_MAIL_VERDICT_VERIFIED);
  set_string_or_null (object, "message_id", self->message_id);
  set_string_or_null (object, "digest", self->digest);
  set_string_or_null (object, "platform", self->platform);
  json_object_set_string_member (object, "excerpt", excerpt);
  json_object_set_array_member (object, "trust_notes", strv_to_json (self->trust_notes));
  json_object_set_array_member (object, "foreign_hosts", strv_to_json (self->foreign_hosts));
  json_object_set_string_member (object, "logged", logged_text);
  set_string_or_null (object, "source", self->source);
  if (self->source_index > 0)
    json_object_set_int_member (object, "source_index", self->source_index);
  return object;
}

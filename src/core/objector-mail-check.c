/* objector-mail-check.c — what an email is and where it belongs
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-lookalike.h"
#include "objector-mail-match.h"
#include "objector-mail-private.h"
#include "objector-mail-words.h"

/* Some minutes of clock difference between Meta's servers and this computer
 * must not make an answer look older than the objection it answers. */
#define CLOCK_SKEW_SECONDS (15 * 60)

struct _ObjectorMailRules
{
  ObjectorPlaybook  *playbook;
  char             **stems;
};

ObjectorMailRules *
objector_mail_rules_new (ObjectorPlaybook *playbook)
{
  ObjectorMailRules *self = g_new0 (ObjectorMailRules, 1);

  self->playbook = g_object_ref (playbook);
  self->stems = objector_lookalike_dup_stems (playbook);
  return self;
}

void
objector_mail_rules_free (ObjectorMailRules *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->playbook);
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
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *all = NULL;
  ObjectorMailKind old_kind = self->kind;
  const char *old_platform = self->platform;
  ObjectorMailVerdict old_verdict = self->verdict;
  gboolean old_from_meta = self->from_meta;

  if (self->error != NULL)
    return;

  subject = objector_mail_fold_text (self->subject);
  body = objector_mail_fold_text (self->body);
  all = g_strconcat (subject, " ", body, NULL);

  if (!self->kind_corrected)
    /* The rules are compiled on first use, in the thread that reads the
     * mail (a scan's worker), and kept with the playbook. */
    self->kind = objector_mail_matcher_read (objector_mail_matcher_get (playbook), self->subject, self->body,
                                             self->from_address, NULL);
  g_clear_pointer (&self->code, g_free);
  if (self->kind == OBJECTOR_MAIL_KIND_CODE)
    self->code = objector_mail_find_code (self->subject, self->body);

  /* Who sent it (objector-mail-trust.c). */
  objector_mail_judge (self, compiled);

  /* The platform: the sender's domain says it, else the text. */
  self->platform = self->from_meta ? objector_mail_platform_of_domain (playbook, self->from_domain) : NULL;
  if (self->platform == NULL)
    self->platform = objector_mail_platform_of_text (playbook, all);

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
  g_return_if_fail (kind <= OBJECTOR_MAIL_KIND_UNRECOGNISED);

  self->kind_corrected = TRUE;
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_clear_pointer (&self->code, g_free);
  if (kind == OBJECTOR_MAIL_KIND_CODE)
    self->code = objector_mail_find_code (self->subject, self->body);
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
    case OBJECTOR_MAIL_KIND_UNRECOGNISED:
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

/* objector-mail-match.h — what kind of email from Meta it is, by the playbook's rules
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules (which words mean what, per language) are data in the playbook;
 * this is the engine that reads an email with them. It never guesses: an
 * answer kind needs an email that is about an objection, signals strong
 * enough, and none that contradict them. An acceptance is never taken where
 * anything in the email speaks of refusal, nor a refusal where anything
 * speaks of acceptance; whatever is unclear is "unrecognised", and the person
 * decides.
 */

#pragma once

#include "objector-objection.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

/* The playbook's rules, compiled once for many emails (a scan). */
typedef struct _ObjectorMailMatcher ObjectorMailMatcher;

/* What the rules found in one email, for tests and for telling the person why. */
typedef struct
{
  ObjectorMailKind  kind;
  const char       *language;                              /* the one it reads best in; NULL when none */
  gboolean          topic;                                 /* it is about an objection or a data request */
  gboolean          has_code;                              /* it holds a six-digit number */
  int               score[OBJECTOR_MAIL_KIND_UNRECOGNISED]; /* evidence for each kind */
  int               doubt[OBJECTOR_MAIL_KIND_UNRECOGNISED]; /* negated, conditional or contradicted evidence */
} ObjectorMailReading;

ObjectorMailMatcher *objector_mail_matcher_new      (ObjectorPlaybook     *playbook);
void                 objector_mail_matcher_free     (ObjectorMailMatcher  *self);
/* The playbook's rules compiled once and kept with it (any thread): valid
 * as long as @playbook is. */
ObjectorMailMatcher *objector_mail_matcher_get      (ObjectorPlaybook     *playbook);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorMailMatcher, objector_mail_matcher_free)

/* Reads an email: @subject and @body as the reader gave them (nullable),
 * @from_address the sender's address (nullable). @reading (nullable) gets
 * the details. */
ObjectorMailKind     objector_mail_matcher_read     (ObjectorMailMatcher  *self,
                                                     const char           *subject,
                                                     const char           *body,
                                                     const char           *from_address,
                                                     ObjectorMailReading  *reading);

/* The first six-digit number of @subject, else of @body; NULL when none. */
char                *objector_mail_find_code        (const char           *subject,
                                                     const char           *body);
/* Which platform the sender's domain names ("facebook", "instagram",
 * "whatsapp": interned), or NULL. */
const char          *objector_mail_platform_of_domain (ObjectorPlaybook   *playbook,
                                                       const char         *domain);
/* Which platform a folded text speaks of most, or NULL on a tie or none. */
const char          *objector_mail_platform_of_text (ObjectorPlaybook     *playbook,
                                                     const char           *folded);

/* Whether an email of @kind was logged on @objection since it was last
 * submitted: Meta's 2025 forms send no code, so a code is awaited only
 * once Meta has sent one. */
gboolean             objector_mail_logged_since_submission (ObjectorObjection *objection,
                                                            ObjectorMailKind   kind);

G_END_DECLS

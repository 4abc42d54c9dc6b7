/* objector-mail-verdict.h — whether an email is Meta's: three verdicts, honestly named
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An email that says it is Meta's answer is
 *  - verified: the receiving mail server's topmost Authentication-Results
 *    says a DKIM signature by one of Meta's domains, aligned with the From
 *    domain, passed, and DMARC passed for that From domain; nothing else
 *    about it is wrong. Only a verified email moves an objection by itself.
 *  - unverifiable: nothing proves it either way (no such header, only ARC
 *    headers, a copy without headers, a result missing, a part too large to
 *    look at). The person may confirm it is genuine; the record then says
 *    "confirmed by you, not verified".
 *  - suspicious (failed or suspicious): a check failed, or something points
 *    elsewhere: a look-alike sender, a signature or DMARC pass for another
 *    domain, several senders, Reply-To, Return-Path, Sender or links outside
 *    Meta, javascript: or data: links. It never moves the state, even if the
 *    person asks; they can still record Meta's answer by hand as their own
 *    statement (objector mark).
 */

#pragma once

#include <json-glib/json-glib.h>

#include "objector-flow.h"

G_BEGIN_DECLS

/* In order of distrust: a judgement only ever moves down this list. */
typedef enum
{
  OBJECTOR_MAIL_VERDICT_VERIFIED,
  OBJECTOR_MAIL_VERDICT_UNVERIFIABLE,
  OBJECTOR_MAIL_VERDICT_SUSPICIOUS,
} ObjectorMailVerdict;

/* "verified", "unverifiable", "suspicious": what the store and JSON say. */
const char *objector_mail_verdict_to_string   (ObjectorMailVerdict  verdict);
gboolean    objector_mail_verdict_from_string (const char          *nick,
                                               ObjectorMailVerdict *verdict);
/* In words, translated: "Verified", "Unverifiable", "Failed or suspicious". */
const char *objector_mail_verdict_get_label   (ObjectorMailVerdict  verdict);

/* A verdict in the making: the worst level seen, and a sentence for the
 * person for each thing that lowered it. */
typedef struct
{
  ObjectorMailVerdict  verdict;
  GPtrArray           *notes;    /* of char *, translated sentences */
} ObjectorMailJudgement;

void        objector_mail_judgement_init      (ObjectorMailJudgement *judgement);
void        objector_mail_judgement_clear     (ObjectorMailJudgement *judgement);
/* Adds @note (taken) and lowers the verdict to @level when it is worse. */
void        objector_mail_judgement_add       (ObjectorMailJudgement *judgement,
                                               ObjectorMailVerdict    level,
                                               char                  *note);
void        objector_mail_judgement_addf      (ObjectorMailJudgement *judgement,
                                               ObjectorMailVerdict    level,
                                               const char            *format,
                                               ...) G_GNUC_PRINTF (3, 4);

/* Mail text quoted in a note, cut to a length a sentence can hold. */
char       *objector_mail_quote               (const char            *text);

/* Lists at most @max of @items (all distinct) joined by ", ", then "and N
 * more" for the rest; @n_items may exceed the length of @items (only the
 * first ones were kept). */
char       *objector_mail_list_some           (const char * const    *items,
                                               guint                  n_items,
                                               guint                  max);

/* The verdict of a logged email (objector_email_record_get_verdict()). */
typedef struct
{
  ObjectorMailVerdict verdict;
  gboolean            confirmed_by_user;  /* the person said it is genuine */
  gboolean            legacy;             /* logged by an older Objector: no "verdict" */
  gboolean            unchecked;          /* no verdict recorded at all */
} ObjectorMailRecordVerdict;

/* The history note of a step the person records by hand (objector mark,
 * the answer buttons): Meta's answers (receipt, approval, rejection,
 * extension) are then the person's own statement, and the record says so,
 * followed by @note when given. Other events keep @note as it is. */
char       *objector_mail_own_statement_note  (ObjectorEvent          event,
                                               const char            *note);

G_END_DECLS

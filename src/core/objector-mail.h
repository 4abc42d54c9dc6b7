/* objector-mail.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "objector-mail-verdict.h"
#include "objector-objection.h"
#include "objector-path.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

/* One message larger than this is refused before it is parsed: Meta's
 * emails are a few hundred kilobytes at most. Scans of mbox files and
 * Maildir folders stream, so they have no limit of their own. */
#define OBJECTOR_MAIL_MAX_SIZE (64 * 1000 * 1000)

/* How much of the body a logged email keeps as "excerpt": this many
 * characters, and never more than OBJECTOR_MAIL_MAX_TEXT_BYTES. */
#define OBJECTOR_MAIL_EXCERPT_CHARS 300

/* The most bytes of a subject, sender or excerpt an email keeps: a hostile
 * message may have a subject of megabytes. Longer ones end in "…". */
#define OBJECTOR_MAIL_MAX_TEXT_BYTES 1024

/* A text or HTML part larger than this, or beyond this much text in all,
 * is not looked at for links: the email then cannot be verified. */
#define OBJECTOR_MAIL_MAX_SCAN_PART  (16 * 1000 * 1000)
#define OBJECTOR_MAIL_MAX_SCAN_TOTAL (32 * 1000 * 1000)

#define OBJECTOR_TYPE_MAIL (objector_mail_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMail, objector_mail, OBJECTOR, MAIL, GObject)

/* Reading. Every constructor fails with OBJECTOR_ERROR_INVALID_MAIL and a
 * message that names @source ("“x.txt” is not an email message: no header
 * lines", "“x” is empty", "“x” is too large: 2.1 GB, the limit is 64 MB").
 * @source is what the person knows the message by: a file name, or NULL for
 * text pasted into the app. Every text the object returns is valid UTF-8. */
ObjectorMail       *objector_mail_new_from_bytes     (GBytes        *bytes,
                                                      const char    *source,
                                                      GError       **error);
ObjectorMail       *objector_mail_new_from_string    (const char    *text,
                                                      const char    *source,
                                                      GError       **error);
/* One message: an .eml (or any RFC 822 text), or an Outlook .msg file,
 * whose original Internet headers and body are read from its properties. */
ObjectorMail       *objector_mail_new_from_file      (const char    *filename,
                                                      GError       **error);

/* Every message of a file: one for an .eml, each one of an mbox file (in
 * order). Messages of an mbox file that cannot be read are returned too, as
 * ObjectorMail objects whose objector_mail_get_error() says why, so that a
 * caller can report each; the call fails only when the file as a whole
 * cannot be read. A GPtrArray of ObjectorMail. */
GPtrArray          *objector_mail_load_file          (const char    *filename,
                                                      GCancellable  *cancellable,
                                                      GError       **error);
void                objector_mail_load_file_async    (const char          *filename,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray          *objector_mail_load_file_finish   (GAsyncResult  *result,
                                                      GError       **error);

/* Set on the placeholders objector_mail_load_file() returns for messages it
 * could not read; NULL on every readable message. */
const GError       *objector_mail_get_error          (ObjectorMail  *self);

/* Where it came from: the file's base name, or NULL for pasted text, and the
 * message's position in an mbox file (1 for the first; 0 for a lone message). */
const char         *objector_mail_get_source         (ObjectorMail  *self);
guint               objector_mail_get_source_index   (ObjectorMail  *self);
/* "file.mbox, message 3", "file.eml", or "pasted text": for messages to people. */
char               *objector_mail_dup_source_label   (ObjectorMail  *self);

/* Headers, decoded. "From" as written ("Facebook <security@facebookmail.com>"),
 * cut to OBJECTOR_MAIL_MAX_TEXT_BYTES; the (first) address and its domain in
 * lower case; NULL when missing. */
const char         *objector_mail_get_from           (ObjectorMail  *self);
const char         *objector_mail_get_from_name      (ObjectorMail  *self);
const char         *objector_mail_get_from_address   (ObjectorMail  *self);
const char         *objector_mail_get_from_domain    (ObjectorMail  *self);
/* Every recipient address in lower case, once each: To, Cc, Bcc,
 * Delivered-To, X-Original-To, Envelope-To. */
const char * const *objector_mail_get_recipients     (ObjectorMail  *self);
GDateTime          *objector_mail_get_date           (ObjectorMail  *self);
/* Cut to OBJECTOR_MAIL_MAX_TEXT_BYTES. */
const char         *objector_mail_get_subject        (ObjectorMail  *self);
/* Without the angle brackets. */
const char         *objector_mail_get_message_id     (ObjectorMail  *self);
const char         *objector_mail_get_reply_to       (ObjectorMail  *self);  /* address */
const char         *objector_mail_get_return_path    (ObjectorMail  *self);  /* address */
const char         *objector_mail_get_sender         (ObjectorMail  *self);  /* address */
/* Every Authentication-Results header, the topmost (the receiving server's) first. */
const char * const *objector_mail_get_authentication_results (ObjectorMail *self);
/* The text: text/plain first, else HTML turned into readable text. */
const char         *objector_mail_get_body           (ObjectorMail  *self);
/* The links of every text and HTML part (attachments too), as written, in
 * order, without repeats: the first OBJECTOR_LINK_SET_MAX_LISTED of
 * objector_mail_get_n_links(). */
const char * const *objector_mail_get_links          (ObjectorMail  *self);
guint               objector_mail_get_n_links        (ObjectorMail  *self);
/* SHA-256 of the raw message: tells pasted copies apart without a Message-ID. */
const char         *objector_mail_get_digest         (ObjectorMail  *self);
/* The first OBJECTOR_MAIL_EXCERPT_CHARS characters of the body, on one line. */
char               *objector_mail_dup_excerpt        (ObjectorMail  *self);

/* Recognition and the verdict, by the playbook's rules (objector-mail-check.c,
 * objector-mail-trust.c). Until objector_mail_check() runs, the kind is
 * "other" and the verdict unverifiable. */
void                objector_mail_check              (ObjectorMail     *self,
                                                      ObjectorPlaybook *playbook);
ObjectorMailKind    objector_mail_get_kind           (ObjectorMail  *self);
/* The person's correction; kept over what the rules said. */
void                objector_mail_set_kind           (ObjectorMail     *self,
                                                      ObjectorMailKind  kind);
/* "facebook", "instagram", or NULL when neither the sender nor the text tell. */
const char         *objector_mail_get_platform       (ObjectorMail  *self);
/* The six-digit code of a "code" email, or NULL. */
const char         *objector_mail_get_code           (ObjectorMail  *self);
/* The sender's domain is one of Meta's (exactly, or a subdomain of one). */
gboolean            objector_mail_get_from_meta      (ObjectorMail  *self);
/* It is from Meta, or pretends to be: a look-alike domain, or a sender
 * name, Reply-To or Return-Path that names Facebook, Instagram or Meta. */
gboolean            objector_mail_get_claims_meta    (ObjectorMail  *self);
/* Verified, unverifiable, or failed or suspicious (objector-mail-verdict.h).
 * Only a verified email moves an objection's state by itself. */
ObjectorMailVerdict objector_mail_get_verdict        (ObjectorMail  *self);
/* The verdict is verified: kept for the "trusted" of older callers. */
gboolean            objector_mail_get_trusted        (ObjectorMail  *self);
/* Why it is not verified, one sentence each, for the person; empty when verified. */
const char * const *objector_mail_get_trust_notes    (ObjectorMail  *self);
/* Hosts the links lead to that are not Meta's (the first OBJECTOR_MAIL_MAX_LISTED). */
const char * const *objector_mail_get_foreign_hosts  (ObjectorMail  *self);

/* The objection among @objections (a GListModel of ObjectorObjection, such as
 * the store) this email most likely answers: the same platform, its email
 * address among the recipients, dated after the objection was created; the
 * one that was submitted before it and can take its event wins, then the most
 * recent. NULL when none fits, or when the email is not from Meta and does
 * not pretend to be (objector_mail_check() must have run). Returns a new
 * reference. */
ObjectorObjection  *objector_mail_match              (ObjectorMail  *self,
                                                      GListModel    *objections);

/* The event this email's kind stands for on @objection, whether or not its
 * state allows it now: receipt → log-receipt, approval → log-approval,
 * rejection → log-rejection, extension → extend, code → confirm-code when the
 * path has a code step and the objection is submitted. FALSE for none. */
gboolean            objector_mail_get_event          (ObjectorMail      *self,
                                                      ObjectorObjection *objection,
                                                      ObjectorEvent     *event);

/* What is stored on an objection: "date" (ISO 8601 UTC, or null), "from",
 * "subject", "kind", "verdict" ("verified", "unverifiable", "suspicious"),
 * "trusted" (the verdict is verified; for older readers), "message_id",
 * "digest", "platform", "excerpt", "trust_notes", "foreign_hosts",
 * "logged" (@logged, ISO 8601 UTC), "source" and, inside an mbox file,
 * "source_index". objector_mail_log() adds "event", and
 * "confirmed_by_user" and "confirmed" when the person confirmed it; the
 * objection keeps it as an ObjectorEmailRecord (objector-email-record.h). */
JsonObject         *objector_mail_to_json            (ObjectorMail  *self,
                                                      GDateTime     *logged);

/* Logging (objector-mail-log.c). */
typedef enum
{
  OBJECTOR_MAIL_LOG_LOGGED,          /* logged as evidence; the state did not change */
  OBJECTOR_MAIL_LOG_APPLIED,         /* logged, and its event moved the state */
  OBJECTOR_MAIL_LOG_ALREADY_LOGGED,  /* the same message was logged before: nothing changed */
} ObjectorMailLogOutcome;

typedef struct
{
  ObjectorMailLogOutcome  outcome;
  char                   *objection_id;
  gboolean                has_event;  /* the kind stands for an event */
  ObjectorEvent           event;
  ObjectorState           before;
  ObjectorState           after;
  /* Why the state did not change, for the person: a clause to follow a
   * colon ("it could not be verified, so it changes the state only when
   * you confirm it is genuine"); nullable. */
  char                   *reason;
  gboolean                confirmed;  /* the person's confirmation moved the state */
} ObjectorMailLogResult;

void                objector_mail_log_result_free    (ObjectorMailLogResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorMailLogResult, objector_mail_log_result_free)

/* Logs @mail on the objection @objection_id (a full id) through
 * objector_store_edit(), and, when @mail is verified and the state machine
 * allows it, applies its event in the same change. The kind and the
 * objection are the caller's: the rules' guess or the person's choice. An
 * email logged before (same Message-ID, or the same bytes) is not logged
 * twice. @now: nullable, the time to record. */
gboolean            objector_mail_log                (ObjectorStore          *store,
                                                      const char             *objection_id,
                                                      ObjectorMail           *mail,
                                                      GDateTime              *now,
                                                      ObjectorMailLogResult **result,
                                                      GError                **error);

/* The person's own step: they say the unverifiable email @mail is genuine.
 * Logs it (unless it was logged before) and records "confirmed_by_user":
 * true and "confirmed" (@now) on its record, and applies its event, noted
 * "confirmed by you, not verified", all in one change. Fails with
 * OBJECTOR_ERROR_ILLEGAL_EVENT, changing nothing, when the email is not
 * unverifiable (a verified one needs no confirmation; a failed or
 * suspicious one is never recorded as Meta's answer), stands for no event,
 * was applied or confirmed already, or the state does not allow its event. */
gboolean            objector_mail_confirm            (ObjectorStore          *store,
                                                      const char             *objection_id,
                                                      ObjectorMail           *mail,
                                                      GDateTime              *now,
                                                      ObjectorMailLogResult **result,
                                                      GError                **error);
/* Whether objector_mail_confirm_logged() would record the @index-th logged
 * email of @objection now: it is unverifiable, not yet confirmed or applied,
 * its kind stands for an event and the state allows that event. */
gboolean            objector_mail_can_confirm_logged (ObjectorObjection      *objection,
                                                      guint                   index);
/* The same for an email logged already: the @index-th of the objection's
 * "emails" (objector_objection_get_emails()). */
gboolean            objector_mail_confirm_logged     (ObjectorStore          *store,
                                                      const char             *objection_id,
                                                      guint                   index,
                                                      GDateTime              *now,
                                                      ObjectorMailLogResult **result,
                                                      GError                **error);

G_END_DECLS

/* objector-email-record.h — one of Meta's emails, as logged on an objection
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the store keeps of a logged email: what Objector read from it
 * (objector_mail_to_json()), what logging it did ("event"), and the person's
 * confirmation. A record never changes: confirming one makes a new record.
 *
 * The JSON a record was read from is kept member for member, those this
 * version does not know included, and objector_email_record_to_json() gives
 * it back, so that a save writes what a newer version wrote. A member of the
 * wrong type reads as absent; every text a getter returns is valid UTF-8
 * (bytes that were not are shown as U+FFFD).
 */

#pragma once

#include <json-glib/json-glib.h>

#include "objector-flow.h"
#include "objector-mail-verdict.h"
#include "objector-path.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_EMAIL_RECORD (objector_email_record_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorEmailRecord, objector_email_record, OBJECTOR, EMAIL_RECORD, GObject)

/* Reads @node (transfer none: copied). Never fails: a logged element that
 * is not a JSON object (a damaged or hand-edited file) is kept as it is, and
 * the record is "damaged". */
ObjectorEmailRecord *objector_email_record_new_from_json   (JsonNode            *node);
/* A record of the members of @object (transfer none: copied), such as
 * objector_mail_to_json() gives. */
ObjectorEmailRecord *objector_email_record_new_from_object (JsonObject          *object);
/* Returns: (transfer full): the record as the store keeps it. */
JsonNode            *objector_email_record_to_json         (ObjectorEmailRecord *self);

/* Returns: (transfer full): @self with "event": the name of @event when
 * @has_event (logging it moved the state), else null. */
ObjectorEmailRecord *objector_email_record_new_with_event  (ObjectorEmailRecord *self,
                                                            gboolean             has_event,
                                                            ObjectorEvent        event);
/* Returns: (transfer full): @self as the person confirmed it at @when:
 * "confirmed_by_user": true, "confirmed" (ISO 8601 UTC) and "event". */
ObjectorEmailRecord *objector_email_record_new_confirmed   (ObjectorEmailRecord *self,
                                                            ObjectorEvent        event,
                                                            GDateTime           *when);

/* Not a JSON object at all: kept, but shown nowhere and never confirmed. */
gboolean             objector_email_record_is_damaged      (ObjectorEmailRecord *self);

/* The email's own date, as stored (ISO 8601 UTC), and read (a time zone
 * left out is UTC); NULL when there is none, or it is not a date. */
const char          *objector_email_record_get_date_text   (ObjectorEmailRecord *self);
GDateTime           *objector_email_record_get_date        (ObjectorEmailRecord *self);
/* "From" as written, the subject, the first lines of the body; nullable. */
const char          *objector_email_record_get_from        (ObjectorEmailRecord *self);
const char          *objector_email_record_get_subject     (ObjectorEmailRecord *self);
const char          *objector_email_record_get_excerpt     (ObjectorEmailRecord *self);
/* The recipients, the reasons it is not verified, the hosts its links lead
 * to that are not Meta's: never NULL, maybe empty. */
const char * const  *objector_email_record_get_to          (ObjectorEmailRecord *self);
const char * const  *objector_email_record_get_trust_notes (ObjectorEmailRecord *self);
const char * const  *objector_email_record_get_foreign_hosts (ObjectorEmailRecord *self);
/* The kind as stored ("receipt", or a word a newer version uses), nullable;
 * and as a kind this version knows (FALSE for none). */
const char          *objector_email_record_get_kind_name   (ObjectorEmailRecord *self);
gboolean             objector_email_record_get_kind        (ObjectorEmailRecord *self,
                                                            ObjectorMailKind    *kind);
/* The verdict (objector-mail-verdict.h): emails an older Objector logged as
 * only "trusted" read as unverifiable (true) or suspicious (false), never as
 * verified; a record with neither reads as unverifiable and unchecked. */
ObjectorMailRecordVerdict objector_email_record_get_verdict (ObjectorEmailRecord *self);
/* One line for the person, translated: "Verified: …", "Unverifiable —
 * confirmed by you, not verified", … */
char                *objector_email_record_describe_verdict (ObjectorEmailRecord *self);
/* Whether logging it, or the person's confirmation, moved the state
 * ("event" is set); @event (optional) is that event when this version knows it. */
gboolean             objector_email_record_get_event       (ObjectorEmailRecord *self,
                                                            ObjectorEvent       *event);
/* Whether the person may confirm it: unverifiable, not confirmed yet, and
 * it moved no state. */
gboolean             objector_email_record_can_confirm     (ObjectorEmailRecord *self);
/* When the person confirmed it; NULL when they did not. */
GDateTime           *objector_email_record_get_confirmed   (ObjectorEmailRecord *self);
/* Without the angle brackets; nullable. */
const char          *objector_email_record_get_message_id  (ObjectorEmailRecord *self);
/* SHA-256 of the raw message; nullable. */
const char          *objector_email_record_get_digest      (ObjectorEmailRecord *self);
/* "facebook", "instagram", or NULL. */
const char          *objector_email_record_get_platform    (ObjectorEmailRecord *self);
/* When it was logged; nullable. */
GDateTime           *objector_email_record_get_logged      (ObjectorEmailRecord *self);
/* The file it came from (base name; NULL for pasted text), and its place in
 * an mbox file (1 for the first; 0 for a lone message). */
const char          *objector_email_record_get_source      (ObjectorEmailRecord *self);
guint                objector_email_record_get_source_index (ObjectorEmailRecord *self);

G_END_DECLS

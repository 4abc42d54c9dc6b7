/* objector-objection.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "objector-email-record.h"
#include "objector-flow.h"

G_BEGIN_DECLS

/* One step in an objection's history. Times are UTC. */
typedef struct
{
  GDateTime     *time;
  ObjectorEvent  event;
  ObjectorState  from;
  ObjectorState  to;
  char          *note;   /* nullable */
} ObjectorTransition;

/* Adds @transition to @builder as an object (time, event, from, to, note),
 * as the store saves it; with @null_note a step without a note has
 * "note": null, as `objector status --json` prints it, instead of no note. */
void objector_transition_add_json (const ObjectorTransition *transition,
                                   JsonBuilder              *builder,
                                   gboolean                  null_note);

#define OBJECTOR_TYPE_TRANSITION (objector_transition_get_type ())
GType               objector_transition_get_type (void) G_GNUC_CONST;
ObjectorTransition *objector_transition_copy     (const ObjectorTransition *self);
void                objector_transition_free     (ObjectorTransition       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorTransition, objector_transition_free)

#define OBJECTOR_TYPE_OBJECTION (objector_objection_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorObjection, objector_objection, OBJECTOR, OBJECTION, GObject)

ObjectorObjection *objector_objection_new              (const char         *path_id,
                                                        const char         *platform,
                                                        gboolean            has_code_step,
                                                        GDateTime          *created);
ObjectorObjection *objector_objection_new_from_json    (JsonNode           *node,
                                                        GError            **error);
JsonNode          *objector_objection_to_json          (ObjectorObjection  *self);
void               objector_objection_sync_from        (ObjectorObjection  *self,
                                                        ObjectorObjection  *other);

const char        *objector_objection_get_id           (ObjectorObjection  *self);
const char        *objector_objection_get_path_id      (ObjectorObjection  *self);
const char        *objector_objection_get_platform     (ObjectorObjection  *self);
gboolean           objector_objection_get_has_code_step (ObjectorObjection *self);
GDateTime         *objector_objection_get_created      (ObjectorObjection  *self);
ObjectorState      objector_objection_get_state        (ObjectorObjection  *self);

const char        *objector_objection_get_account      (ObjectorObjection  *self);
void               objector_objection_set_account      (ObjectorObjection  *self,
                                                        const char         *account);
const char        *objector_objection_get_country      (ObjectorObjection  *self);
void               objector_objection_set_country      (ObjectorObjection  *self,
                                                        const char         *country);
const char        *objector_objection_get_email        (ObjectorObjection  *self);
void               objector_objection_set_email        (ObjectorObjection  *self,
                                                        const char         *email);
const char        *objector_objection_get_reason       (ObjectorObjection  *self);
void               objector_objection_set_reason       (ObjectorObjection  *self,
                                                        const char         *reason);

/* The history, oldest first: a GPtrArray of ObjectorTransition. */
GPtrArray         *objector_objection_get_history      (ObjectorObjection  *self);

/* The latest step of @event still in effect (the history replayed, every
 * undo taking back the latest step still standing), or NULL: owned by the
 * history. */
ObjectorTransition *objector_objection_get_latest_step (ObjectorObjection *self,
                                                        ObjectorEvent      event);

/* Meta's emails logged on the objection, oldest first: a GPtrArray of
 * ObjectorEmailRecord. Records never change; the list changes only through
 * the two calls below. */
GPtrArray         *objector_objection_get_emails       (ObjectorObjection  *self);
/* Appends @email (keeping a reference) and emits ::changed. Returns FALSE,
 * changing nothing, when an email with the same non-empty Message-ID is
 * already logged. */
gboolean           objector_objection_add_email        (ObjectorObjection   *self,
                                                        ObjectorEmailRecord *email);
/* Puts @email (keeping a reference) in the place of the @index-th logged
 * email, as when the person confirms one. Emits ::changed. FALSE, changing
 * nothing, when there is no such email. */
gboolean           objector_objection_replace_email    (ObjectorObjection   *self,
                                                        guint                index,
                                                        ObjectorEmailRecord *email);

gboolean           objector_objection_apply            (ObjectorObjection  *self,
                                                        ObjectorEvent       event,
                                                        const char         *note,
                                                        GDateTime          *now,
                                                        GError            **error);
gboolean           objector_objection_can_apply        (ObjectorObjection  *self,
                                                        ObjectorEvent       event,
                                                        GDateTime          *now);
char              *objector_objection_describe_allowed (ObjectorObjection  *self,
                                                        GDateTime          *now);

/* Derived, never stored: when it was (last) submitted, when Meta's answer is
 * due (local calendar date), and whether that date has passed. */
GDateTime         *objector_objection_get_submitted    (ObjectorObjection  *self);
gboolean           objector_objection_get_extended     (ObjectorObjection  *self);
GDate             *objector_objection_dup_due_date     (ObjectorObjection  *self);
gboolean           objector_objection_is_overdue       (ObjectorObjection  *self,
                                                        GDateTime          *now);

gboolean           objector_email_address_is_valid     (const char         *address);

G_END_DECLS

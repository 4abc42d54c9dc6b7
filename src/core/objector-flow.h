/* objector-flow.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where one objection stands. The nicks ("form-opened") are what the store,
 * the command line and `status --json` use; never renumber, only append. */
typedef enum
{
  OBJECTOR_STATE_DRAFT,
  OBJECTOR_STATE_READY,
  OBJECTOR_STATE_FORM_OPENED,
  OBJECTOR_STATE_SUBMITTED,
  OBJECTOR_STATE_CONFIRMED,
  OBJECTOR_STATE_ACKNOWLEDGED,
  OBJECTOR_STATE_APPROVED,
  OBJECTOR_STATE_REJECTED,
  OBJECTOR_STATE_ESCALATED,
  OBJECTOR_STATE_WITHDRAWN,
} ObjectorState;

#define OBJECTOR_N_STATES (OBJECTOR_STATE_WITHDRAWN + 1)

/* What can happen to it. UNDO reverts the latest step that has not been
 * undone yet; the history keeps both the step and its undoing. */
typedef enum
{
  OBJECTOR_EVENT_COMPLETE_DETAILS,
  OBJECTOR_EVENT_OPEN_FORM,
  OBJECTOR_EVENT_SUBMIT,
  OBJECTOR_EVENT_CONFIRM_CODE,
  OBJECTOR_EVENT_LOG_RECEIPT,
  OBJECTOR_EVENT_LOG_APPROVAL,
  OBJECTOR_EVENT_LOG_REJECTION,
  OBJECTOR_EVENT_EXTEND,
  OBJECTOR_EVENT_ESCALATE,
  OBJECTOR_EVENT_RETRY,
  OBJECTOR_EVENT_WITHDRAW,
  OBJECTOR_EVENT_UNDO,
} ObjectorEvent;

#define OBJECTOR_N_EVENTS (OBJECTOR_EVENT_UNDO + 1)

/* Facts about one objection that some transitions depend on. */
typedef struct
{
  gboolean has_code_step;  /* the path confirms with an emailed code */
  gboolean overdue;        /* awaiting an answer past the due date */
  gboolean extended;       /* Meta already extended the deadline once */
} ObjectorFlowGuards;

gboolean      objector_flow_next             (ObjectorState              from,
                                              ObjectorEvent              event,
                                              const ObjectorFlowGuards  *guards,
                                              ObjectorState             *to,
                                              GError                   **error);
gboolean      objector_state_is_awaiting     (ObjectorState              state);
gboolean      objector_state_is_final        (ObjectorState              state);

const char   *objector_state_to_string       (ObjectorState              state);
gboolean      objector_state_from_string     (const char                *nick,
                                              ObjectorState             *state);
const char   *objector_state_get_label       (ObjectorState              state);
const char   *objector_event_to_string       (ObjectorEvent              event);
gboolean      objector_event_from_string     (const char                *nick,
                                              ObjectorEvent             *event);
const char   *objector_event_get_label       (ObjectorEvent              event);
/* The label of one step of a history: objector_event_get_label(), but a
 * submission straight from "ready" says that Objector never opened the form. */
const char   *objector_flow_step_label       (ObjectorEvent              event,
                                              ObjectorState              from);

G_END_DECLS

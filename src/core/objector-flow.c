/* objector-flow.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-enum-private.h"
#include "objector-enums.h"
#include "objector-error.h"
#include "objector-flow.h"

typedef enum
{
  GUARD_NONE,
  GUARD_CODE_STEP,     /* only paths confirmed by an emailed code */
  GUARD_OVERDUE,       /* only once the answer is overdue */
  GUARD_NOT_EXTENDED,  /* Art. 12(3) allows one extension */
} Guard;

#define S(x) (1u << OBJECTOR_STATE_##x)
#define AWAITING (S (SUBMITTED) | S (CONFIRMED) | S (ACKNOWLEDGED))
#define ANY_STATE ((1u << OBJECTOR_N_STATES) - 1)

/* The state machine at a glance. "to" = -1 keeps the state. The first row
 * whose "from" set holds the state and whose guard passes wins. UNDO is not
 * here: it depends on the history, so ObjectorObjection handles it. */
static const struct {
  guint         from;
  ObjectorEvent event;
  Guard         guard;
  int           to;
} transitions[] = {
  { S (DRAFT),                   OBJECTOR_EVENT_COMPLETE_DETAILS, GUARD_NONE,         OBJECTOR_STATE_READY },
  { S (READY),                   OBJECTOR_EVENT_COMPLETE_DETAILS, GUARD_NONE,         -1 },
  { S (READY) | S (FORM_OPENED), OBJECTOR_EVENT_OPEN_FORM,        GUARD_NONE,         OBJECTOR_STATE_FORM_OPENED },
  /* From "ready" too: sent from the phone or another browser, the form was
   * never opened here, and no opening is recorded that did not happen. */
  { S (READY) | S (FORM_OPENED), OBJECTOR_EVENT_SUBMIT,           GUARD_NONE,         OBJECTOR_STATE_SUBMITTED },
  { S (SUBMITTED),               OBJECTOR_EVENT_CONFIRM_CODE,     GUARD_CODE_STEP,    OBJECTOR_STATE_CONFIRMED },
  { S (SUBMITTED) | S (CONFIRMED), OBJECTOR_EVENT_LOG_RECEIPT,    GUARD_NONE,         OBJECTOR_STATE_ACKNOWLEDGED },
  { AWAITING | S (ESCALATED),    OBJECTOR_EVENT_LOG_APPROVAL,     GUARD_NONE,         OBJECTOR_STATE_APPROVED },
  { AWAITING | S (ESCALATED),    OBJECTOR_EVENT_LOG_REJECTION,    GUARD_NONE,         OBJECTOR_STATE_REJECTED },
  { AWAITING,                    OBJECTOR_EVENT_EXTEND,           GUARD_NOT_EXTENDED, -1 },
  { S (REJECTED),                OBJECTOR_EVENT_ESCALATE,         GUARD_NONE,         OBJECTOR_STATE_ESCALATED },
  { AWAITING,                    OBJECTOR_EVENT_ESCALATE,         GUARD_OVERDUE,      OBJECTOR_STATE_ESCALATED },
  { S (REJECTED),                OBJECTOR_EVENT_RETRY,            GUARD_NONE,         OBJECTOR_STATE_READY },
  { ANY_STATE & ~(S (APPROVED) | S (WITHDRAWN)),
                                 OBJECTOR_EVENT_WITHDRAW,         GUARD_NONE,         OBJECTOR_STATE_WITHDRAWN },
};


static gboolean
guard_passes (Guard                     guard,
              const ObjectorFlowGuards *guards)
{
  switch (guard)
    {
    case GUARD_NONE:
      return TRUE;
    case GUARD_CODE_STEP:
      return guards->has_code_step;
    case GUARD_OVERDUE:
      return guards->overdue;
    case GUARD_NOT_EXTENDED:
      return !guards->extended;
    default:
      g_assert_not_reached ();
    }
}

static const char *
guard_explanation (Guard guard)
{
  switch (guard)
    {
    case GUARD_CODE_STEP:
      return _("this form does not send a code to confirm");
    case GUARD_OVERDUE:
      return _("Meta’s answer is not overdue yet");
    case GUARD_NOT_EXTENDED:
      return _("the deadline was already extended once; the law allows only one extension");
    case GUARD_NONE:
    default:
      return NULL;
    }
}

gboolean
objector_flow_next (ObjectorState              from,
                    ObjectorEvent              event,
                    const ObjectorFlowGuards  *guards,
                    ObjectorState             *to,
                    GError                   **error)
{
  static const ObjectorFlowGuards no_guards = { 0 };
  const char *why = NULL;

  g_return_val_if_fail (from < OBJECTOR_N_STATES, FALSE);
  g_return_val_if_fail (event < OBJECTOR_N_EVENTS, FALSE);

  if (guards == NULL)
    guards = &no_guards;

  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      if (transitions[i].event != event || !(transitions[i].from & (1u << from)))
        continue;

      if (!guard_passes (transitions[i].guard, guards))
        {
          why = guard_explanation (transitions[i].guard);
          continue;
        }

      if (to != NULL)
        *to = transitions[i].to < 0 ? from : (ObjectorState) transitions[i].to;
      return TRUE;
    }

  if (why != NULL)
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT,
                 /* Translators: "An objection that is “submitted” cannot take the event “confirm-code”: …" */
                 _("An objection that is “%s” cannot take the event “%s”: %s"),
                 objector_state_to_string (from), objector_event_to_string (event), why);
  else
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT,
                 _("An objection that is “%s” cannot take the event “%s”"),
                 objector_state_to_string (from), objector_event_to_string (event));
  return FALSE;
}

gboolean
objector_state_is_awaiting (ObjectorState state)
{
  return ((1u << state) & AWAITING) != 0;
}

gboolean
objector_state_is_final (ObjectorState state)
{
  return state == OBJECTOR_STATE_APPROVED || state == OBJECTOR_STATE_WITHDRAWN;
}

const char *
objector_state_to_string (ObjectorState state)
{
  return _objector_enum_to_nick (OBJECTOR_TYPE_STATE, state);
}

gboolean
objector_state_from_string (const char    *nick,
                            ObjectorState *state)
{
  int value;

  if (!_objector_enum_from_nick (OBJECTOR_TYPE_STATE, nick, &value))
    return FALSE;
  *state = value;
  return TRUE;
}

const char *
objector_event_to_string (ObjectorEvent event)
{
  return _objector_enum_to_nick (OBJECTOR_TYPE_EVENT, event);
}

gboolean
objector_event_from_string (const char    *nick,
                            ObjectorEvent *event)
{
  int value;

  if (!_objector_enum_from_nick (OBJECTOR_TYPE_EVENT, nick, &value))
    return FALSE;
  *event = value;
  return TRUE;
}

const char *
objector_state_get_label (ObjectorState state)
{
  switch (state)
    {
    case OBJECTOR_STATE_DRAFT:        return _("Details missing");
    case OBJECTOR_STATE_READY:        return _("Ready to send");
    case OBJECTOR_STATE_FORM_OPENED:  return _("Form opened");
    case OBJECTOR_STATE_SUBMITTED:    return _("Submitted");
    case OBJECTOR_STATE_CONFIRMED:    return _("Confirmed with the code");
    case OBJECTOR_STATE_ACKNOWLEDGED: return _("Received by Meta");
    case OBJECTOR_STATE_APPROVED:     return _("Accepted");
    case OBJECTOR_STATE_REJECTED:     return _("Rejected");
    case OBJECTOR_STATE_ESCALATED:    return _("Complaint filed");
    case OBJECTOR_STATE_WITHDRAWN:    return _("Withdrawn");
    default:                          g_return_val_if_reached (NULL);
    }
}

const char *
objector_event_get_label (ObjectorEvent event)
{
  switch (event)
    {
    case OBJECTOR_EVENT_COMPLETE_DETAILS: return _("Details completed");
    case OBJECTOR_EVENT_OPEN_FORM:        return _("Form opened");
    case OBJECTOR_EVENT_SUBMIT:           return _("Form submitted");
    case OBJECTOR_EVENT_CONFIRM_CODE:     return _("Code from the email typed in");
    case OBJECTOR_EVENT_LOG_RECEIPT:      return _("Meta confirmed receipt");
    case OBJECTOR_EVENT_LOG_APPROVAL:     return _("Meta accepted the objection");
    case OBJECTOR_EVENT_LOG_REJECTION:    return _("Meta rejected the objection");
    case OBJECTOR_EVENT_EXTEND:           return _("Meta extended the deadline");
    case OBJECTOR_EVENT_ESCALATE:         return _("Complaint filed with the authority");
    case OBJECTOR_EVENT_RETRY:            return _("Trying again");
    case OBJECTOR_EVENT_WITHDRAW:         return _("Withdrawn");
    case OBJECTOR_EVENT_UNDO:             return _("Previous step undone");
    default:                              g_return_val_if_reached (NULL);
    }
}

const char *
objector_flow_step_label (ObjectorEvent event,
                          ObjectorState from)
{
  /* What the record shows, and no more: submitted, without Objector having
   * opened the form. */
  if (event == OBJECTOR_EVENT_SUBMIT && from == OBJECTOR_STATE_READY)
    return _("Form submitted (not opened from Objector)");

  return objector_event_get_label (event);
}

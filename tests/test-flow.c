/* test-flow.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-error.h"
#include "objector-flow.h"
#include "objector-test-util.h"

/* The state machine, restated independently of the table in objector-flow.c:
 * returns the target state, or -1 where the event must be refused. */
static int
expected_next (ObjectorState             s,
               ObjectorEvent             e,
               const ObjectorFlowGuards *g)
{
  gboolean awaiting = s == OBJECTOR_STATE_SUBMITTED || s == OBJECTOR_STATE_CONFIRMED
                      || s == OBJECTOR_STATE_ACKNOWLEDGED;

  switch (e)
    {
    case OBJECTOR_EVENT_COMPLETE_DETAILS:
      return (s == OBJECTOR_STATE_DRAFT || s == OBJECTOR_STATE_READY) ? OBJECTOR_STATE_READY : -1;
    case OBJECTOR_EVENT_OPEN_FORM:
      return (s == OBJECTOR_STATE_READY || s == OBJECTOR_STATE_FORM_OPENED) ? OBJECTOR_STATE_FORM_OPENED : -1;
    case OBJECTOR_EVENT_SUBMIT:
      /* From "ready" too: submitted without opening the form here. */
      return (s == OBJECTOR_STATE_READY || s == OBJECTOR_STATE_FORM_OPENED) ? OBJECTOR_STATE_SUBMITTED : -1;
    case OBJECTOR_EVENT_CONFIRM_CODE:
      return (s == OBJECTOR_STATE_SUBMITTED && g->has_code_step) ? OBJECTOR_STATE_CONFIRMED : -1;
    case OBJECTOR_EVENT_LOG_RECEIPT:
      return (s == OBJECTOR_STATE_SUBMITTED || s == OBJECTOR_STATE_CONFIRMED) ? OBJECTOR_STATE_ACKNOWLEDGED : -1;
    case OBJECTOR_EVENT_LOG_APPROVAL:
      return (awaiting || s == OBJECTOR_STATE_ESCALATED) ? OBJECTOR_STATE_APPROVED : -1;
    case OBJECTOR_EVENT_LOG_REJECTION:
      return (awaiting || s == OBJECTOR_STATE_ESCALATED) ? OBJECTOR_STATE_REJECTED : -1;
    case OBJECTOR_EVENT_EXTEND:
      return (awaiting && !g->extended) ? (int) s : -1;
    case OBJECTOR_EVENT_ESCALATE:
      return (s == OBJECTOR_STATE_REJECTED || (awaiting && g->overdue)) ? OBJECTOR_STATE_ESCALATED : -1;
    case OBJECTOR_EVENT_RETRY:
      return s == OBJECTOR_STATE_REJECTED ? OBJECTOR_STATE_READY : -1;
    case OBJECTOR_EVENT_WITHDRAW:
      return (s != OBJECTOR_STATE_APPROVED && s != OBJECTOR_STATE_WITHDRAWN) ? OBJECTOR_STATE_WITHDRAWN : -1;
    case OBJECTOR_EVENT_UNDO:
      return -1;  /* depends on history: ObjectorObjection's business */
    default:
      g_assert_not_reached ();
    }
}

static void
test_every_transition (void)
{
  guint n_legal = 0, n_illegal = 0;

  for (guint guard_bits = 0; guard_bits < 8; guard_bits++)
    {
      ObjectorFlowGuards guards = {
        .has_code_step = (guard_bits & 1) != 0,
        .overdue = (guard_bits & 2) != 0,
        .extended = (guard_bits & 4) != 0,
      };

      for (ObjectorState s = 0; s < OBJECTOR_N_STATES; s++)
        for (ObjectorEvent e = 0; e < OBJECTOR_N_EVENTS; e++)
          {
            g_autoptr(GError) error = NULL;
            ObjectorState to = 999;
            int expected = expected_next (s, e, &guards);
            gboolean ok = objector_flow_next (s, e, &guards, &to, &error);

            if (expected >= 0)
              {
                if (!ok)
                  g_error ("%s --%s--> should be %s, got: %s", objector_state_to_string (s),
                           objector_event_to_string (e), objector_state_to_string (expected),
                           error->message);
                g_assert_no_error (error);
                g_assert_cmpint (to, ==, expected);
                n_legal++;
              }
            else
              {
                if (ok)
                  g_error ("%s --%s--> should be refused, went to %s (guards %u)",
                           objector_state_to_string (s), objector_event_to_string (e),
                           objector_state_to_string (to), guard_bits);
                g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
                /* The message names the state and the event. */
                test_util_assert_contains (error->message, objector_state_to_string (s));
                test_util_assert_contains (error->message, objector_event_to_string (e));
                g_assert_cmpint (to, ==, 999);  /* untouched */
                n_illegal++;
              }
          }
    }

  g_test_message ("%u legal and %u illegal combinations checked", n_legal, n_illegal);
  g_assert_cmpuint (n_legal + n_illegal, ==, 8 * OBJECTOR_N_STATES * OBJECTOR_N_EVENTS);
}

static void
test_guard_messages (void)
{
  ObjectorFlowGuards none = { 0 };
  ObjectorFlowGuards extended = { .extended = TRUE };
  g_autoptr(GError) error = NULL;

  g_assert_false (objector_flow_next (OBJECTOR_STATE_SUBMITTED, OBJECTOR_EVENT_CONFIRM_CODE, &none, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "An objection that is “submitted” cannot take the event “confirm-code”: "
                   "this form does not send a code to confirm");
  g_clear_error (&error);

  g_assert_false (objector_flow_next (OBJECTOR_STATE_SUBMITTED, OBJECTOR_EVENT_ESCALATE, &none, NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "An objection that is “submitted” cannot take the event “escalate”: "
                   "Meta’s answer is not overdue yet");
  g_clear_error (&error);

  g_assert_false (objector_flow_next (OBJECTOR_STATE_ACKNOWLEDGED, OBJECTOR_EVENT_EXTEND, &extended, NULL, &error));
  test_util_assert_contains (error->message, "only one extension");
  g_clear_error (&error);

  g_assert_false (objector_flow_next (OBJECTOR_STATE_DRAFT, OBJECTOR_EVENT_SUBMIT, &none, NULL, &error));
  g_assert_cmpstr (error->message, ==, "An objection that is “draft” cannot take the event “submit”");
}

static void
test_names (void)
{
  for (ObjectorState s = 0; s < OBJECTOR_N_STATES; s++)
    {
      ObjectorState back;

      g_assert_nonnull (objector_state_to_string (s));
      g_assert_nonnull (objector_state_get_label (s));
      g_assert_true (objector_state_from_string (objector_state_to_string (s), &back));
      g_assert_cmpint (back, ==, s);
    }

  for (ObjectorEvent e = 0; e < OBJECTOR_N_EVENTS; e++)
    {
      ObjectorEvent back;

      g_assert_nonnull (objector_event_get_label (e));
      g_assert_true (objector_event_from_string (objector_event_to_string (e), &back));
      g_assert_cmpint (back, ==, e);
    }

  /* The names the command line and the JSON files use. */
  g_assert_cmpstr (objector_state_to_string (OBJECTOR_STATE_FORM_OPENED), ==, "form-opened");
  g_assert_cmpstr (objector_event_to_string (OBJECTOR_EVENT_LOG_REJECTION), ==, "log-rejection");
  g_assert_cmpstr (objector_event_to_string (OBJECTOR_EVENT_COMPLETE_DETAILS), ==, "complete-details");

  {
    ObjectorState s;
    ObjectorEvent e;

    g_assert_false (objector_state_from_string ("Submitted", &s));
    g_assert_false (objector_state_from_string (NULL, &s));
    g_assert_false (objector_event_from_string ("", &e));
    g_assert_false (objector_event_from_string ("approve", &e));
  }
}

static void
test_kinds_of_state (void)
{
  g_assert_true (objector_state_is_awaiting (OBJECTOR_STATE_SUBMITTED));
  g_assert_true (objector_state_is_awaiting (OBJECTOR_STATE_CONFIRMED));
  g_assert_true (objector_state_is_awaiting (OBJECTOR_STATE_ACKNOWLEDGED));
  g_assert_false (objector_state_is_awaiting (OBJECTOR_STATE_REJECTED));
  g_assert_false (objector_state_is_awaiting (OBJECTOR_STATE_ESCALATED));
  g_assert_true (objector_state_is_final (OBJECTOR_STATE_APPROVED));
  g_assert_true (objector_state_is_final (OBJECTOR_STATE_WITHDRAWN));
  g_assert_false (objector_state_is_final (OBJECTOR_STATE_REJECTED));
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "flow");

  g_test_add_func ("/flow/every-transition", test_every_transition);
  g_test_add_func ("/flow/guard-messages", test_guard_messages);
  g_test_add_func ("/flow/names", test_names);
  g_test_add_func ("/flow/kinds-of-state", test_kinds_of_state);

  return test_util_run_tests ();
}

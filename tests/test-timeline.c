/* test-timeline.c — the record shows only the steps that happened
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Submitting from "ready" (the form was sent from the phone, or opened in a
 * browser without Objector) records the submission alone: never an
 * invented "Form opened". The state machine, the history, `objector mark`,
 * `status --json` and the PDF summary all say so. (The app's side, a
 * browser that does not open, is in test-ui-truth.c.)
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-flow.h"
#include "objector-objection.h"
#include "objector-test-util.h"

static guint
count_events (GPtrArray     *history,
              ObjectorEvent  event)
{
  guint n = 0;

  for (guint i = 0; i < history->len; i++)
    if (((ObjectorTransition *) g_ptr_array_index (history, i))->event == event)
      n++;
  return n;
}

static void
test_flow (void)
{
  g_autoptr(GError) error = NULL;
  ObjectorState to = OBJECTOR_STATE_DRAFT;

  g_assert_true (objector_flow_next (OBJECTOR_STATE_READY, OBJECTOR_EVENT_SUBMIT, NULL, &to, &error));
  g_assert_no_error (error);
  g_assert_cmpint (to, ==, OBJECTOR_STATE_SUBMITTED);

  g_assert_true (objector_flow_next (OBJECTOR_STATE_FORM_OPENED, OBJECTOR_EVENT_SUBMIT, NULL, &to, &error));
  g_assert_cmpint (to, ==, OBJECTOR_STATE_SUBMITTED);

  /* Details still missing: nothing can have been sent. */
  g_assert_false (objector_flow_next (OBJECTOR_STATE_DRAFT, OBJECTOR_EVENT_SUBMIT, NULL, &to, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);

  /* What the timeline calls each: the submission says where the form was opened. */
  g_assert_cmpstr (objector_flow_step_label (OBJECTOR_EVENT_SUBMIT, OBJECTOR_STATE_READY), ==,
                   "Form submitted (not opened from Objector)");
  g_assert_cmpstr (objector_flow_step_label (OBJECTOR_EVENT_SUBMIT, OBJECTOR_STATE_FORM_OPENED), ==,
                   "Form submitted");
  g_assert_cmpstr (objector_flow_step_label (OBJECTOR_EVENT_OPEN_FORM, OBJECTOR_STATE_READY), ==,
                   "Form opened");
}

static void
test_history (void)
{
  g_autoptr(ObjectorObjection) o = test_util_objection_at ("instagram-objection", "FR", "2026-11-02T10:00:00Z",
                                                           OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-11-02T10:00:00Z",
                                                           OBJECTOR_EVENT_SUBMIT, "2026-11-02T10:30:00Z",
                                                           -1);
  GPtrArray *history = objector_objection_get_history (o);
  ObjectorTransition *submit;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_SUBMITTED);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpuint (count_events (history, OBJECTOR_EVENT_OPEN_FORM), ==, 0);
  submit = g_ptr_array_index (history, 1);
  g_assert_cmpint (submit->event, ==, OBJECTOR_EVENT_SUBMIT);
  g_assert_cmpint (submit->from, ==, OBJECTOR_STATE_READY);
  g_assert_nonnull (objector_objection_get_submitted (o));

  /* Undone, it is "ready" again: the state before the step, not an opening. */
  g_assert_true (objector_objection_apply (o, OBJECTOR_EVENT_UNDO, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_READY);
  g_assert_cmpuint (count_events (history, OBJECTOR_EVENT_OPEN_FORM), ==, 0);
}

static void
test_cli (void)
{
  g_autofree char *id = NULL;
  g_auto(TestRun) submit = { 0 };
  g_autoptr(JsonObject) status = NULL;
  JsonArray *history;

  test_util_reset_data ();
  id = test_util_cli_start ("facebook-objection", "DE");

  TEST_RUN (&submit, "mark", id, "submit");
  g_assert_cmpint (submit.status, ==, 0);
  test_util_assert_contains (submit.out, "ready → submitted");

  status = test_util_cli_status_of (id);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "submitted");
  g_assert_nonnull (json_object_get_string_member (status, "submitted"));
  g_assert_nonnull (json_object_get_string_member (status, "due"));
  history = json_object_get_array_member (status, "history");
  for (guint i = 0; i < json_array_get_length (history); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, i), "event"),
                     !=, "open-form");
  {
    JsonObject *last = json_array_get_object_element (history, json_array_get_length (history) - 1);

    g_assert_cmpstr (json_object_get_string_member (last, "event"), ==, "submit");
    g_assert_cmpstr (json_object_get_string_member (last, "from"), ==, "ready");
  }
}

/* The PDF's timeline says the same, and shows no opening. */
static void
test_pdf (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *file = g_build_filename (test_util_root (), "timeline.pdf", NULL);
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_auto(TestRun) submit = { 0 };
  g_auto(TestRun) export = { 0 };
  int wait_status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }

  test_util_reset_data ();
  id = test_util_cli_start ("facebook-objection", "DE");
  TEST_RUN (&submit, "mark", id, "submit");
  g_assert_cmpint (submit.status, ==, 0);
  TEST_RUN (&export, "export-pdf", file);
  g_assert_cmpint (export.status, ==, 0);

  g_spawn_sync (NULL, (char *[]) { pdftotext, (char *) "-raw", (char *) "-enc", (char *) "UTF-8", file, (char *) "-", NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  squeezed = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
  test_util_assert_contains (squeezed, "Form submitted (not opened from Objector)");
  test_util_assert_lacks (squeezed, "Form opened");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "timeline");

  g_test_add_func ("/timeline/flow", test_flow);
  g_test_add_func ("/timeline/history", test_history);
  g_test_add_func ("/timeline/cli", test_cli);
  g_test_add_func ("/timeline/pdf", test_pdf);

  return test_util_run_tests ();
}

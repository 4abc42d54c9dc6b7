/* test-objection.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-error.h"
#include "objector-objection.h"
#include "objector-test-util.h"

static ObjectorObjection *
new_objection (gboolean code_step)
{
  ObjectorObjection *o = test_util_objection_new ("facebook-objection", code_step, "DE", "2026-01-20T09:00:00Z");

  objector_objection_set_reason (o, "I object.");
  return o;
}

/* Takes the objection to "submitted" at @iso. */
static ObjectorObjection *
submitted_at (const char *iso)
{
  ObjectorObjection *o = new_objection (TRUE);

  test_util_apply_events (o,
                          OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-01-20T09:00:00Z",
                          OBJECTOR_EVENT_OPEN_FORM, "2026-01-20T09:01:00Z",
                          OBJECTOR_EVENT_SUBMIT, iso,
                          -1);
  return o;
}

/* The due date, as year, month and day. */
static void
assert_due (ObjectorObjection *o,
            int                year,
            int                month,
            int                day)
{
  g_autofree char *expected = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

  test_util_assert_due (o, expected);
}

static void
test_history (void)
{
  g_autoptr(ObjectorObjection) o = new_objection (TRUE);
  g_autoptr(GDateTime) when = test_util_time ("2026-02-01T10:00:00Z");
  g_autoptr(GError) error = NULL;
  GPtrArray *history;
  ObjectorTransition *t;

  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_DRAFT);
  g_assert_true (objector_objection_apply (o, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, when, &error));
  g_assert_true (objector_objection_apply (o, OBJECTOR_EVENT_OPEN_FORM, "", when, &error));
  g_assert_true (objector_objection_apply (o, OBJECTOR_EVENT_SUBMIT, "sent from my laptop", when, &error));
  g_assert_no_error (error);
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_SUBMITTED);

  history = objector_objection_get_history (o);
  g_assert_cmpuint (history->len, ==, 3);
  t = g_ptr_array_index (history, 2);
  g_assert_cmpint (t->event, ==, OBJECTOR_EVENT_SUBMIT);
  g_assert_cmpint (t->from, ==, OBJECTOR_STATE_FORM_OPENED);
  g_assert_cmpint (t->to, ==, OBJECTOR_STATE_SUBMITTED);
  g_assert_cmpstr (t->note, ==, "sent from my laptop");
  g_assert_true (g_date_time_equal (t->time, when));
  g_assert_null (((ObjectorTransition *) g_ptr_array_index (history, 1))->note);  /* "" is no note */
}

static void
count_cb (gpointer  instance,
          gpointer  param_or_nothing,
          guint    *count)
{
  (*count)++;
}

static void
test_illegal_changes_nothing (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-03-10T12:00:00Z");
  g_autoptr(JsonNode) before = objector_objection_to_json (o);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (o, "changed", G_CALLBACK (count_cb), &changes);

  g_assert_false (objector_objection_apply (o, OBJECTOR_EVENT_RETRY, NULL, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
  g_assert_cmpstr (error->message, ==, "An objection that is “submitted” cannot take the event “retry”");

  after = objector_objection_to_json (o);
  g_assert_true (json_node_equal (before, after));
  g_assert_cmpuint (changes, ==, 0);
}

static void
test_signals (void)
{
  g_autoptr(ObjectorObjection) o = new_objection (FALSE);
  guint state_notifies = 0, changes = 0, email_notifies = 0;

  g_signal_connect (o, "notify::state", G_CALLBACK (count_cb), &state_notifies);
  g_signal_connect (o, "notify::email", G_CALLBACK (count_cb), &email_notifies);
  g_signal_connect (o, "changed", G_CALLBACK (count_cb), &changes);

  objector_objection_set_email (o, "zoe@example.org");  /* unchanged: no notify */
  g_assert_cmpuint (email_notifies, ==, 0);
  objector_objection_set_email (o, "other@example.org");
  g_assert_cmpuint (email_notifies, ==, 1);

  test_util_apply_at (o, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, "2026-01-20T09:00:00Z");
  g_assert_cmpuint (state_notifies, ==, 1);
  test_util_apply_at (o, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, "2026-01-20T09:00:00Z");  /* ready → ready */
  g_assert_cmpuint (state_notifies, ==, 1);
  g_assert_cmpuint (changes, ==, 3);
}

static void
test_code_step_guard (void)
{
  g_autoptr(ObjectorObjection) with_code = submitted_at ("2026-03-10T12:00:00Z");
  g_autoptr(ObjectorObjection) without = new_objection (FALSE);
  g_autoptr(GError) error = NULL;

  test_util_apply_at (with_code, OBJECTOR_EVENT_CONFIRM_CODE, NULL, "2026-03-10T12:05:00Z");
  g_assert_cmpint (objector_objection_get_state (with_code), ==, OBJECTOR_STATE_CONFIRMED);

  test_util_apply_at (without, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, "2026-03-10T12:00:00Z");
  test_util_apply_at (without, OBJECTOR_EVENT_OPEN_FORM, NULL, "2026-03-10T12:00:00Z");
  test_util_apply_at (without, OBJECTOR_EVENT_SUBMIT, NULL, "2026-03-10T12:00:00Z");
  g_assert_false (objector_objection_apply (without, OBJECTOR_EVENT_CONFIRM_CODE, NULL, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
  g_assert_cmpint (objector_objection_get_state (without), ==, OBJECTOR_STATE_SUBMITTED);
}

/* Submitted on 31 January 2026 → due 28 February, overdue from 1 March. */
static void
test_due_month_end (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-01-31T10:00:00Z");
  g_autoptr(GDateTime) submitted = test_util_time ("2026-01-31T10:00:00Z");

  g_assert_true (g_date_time_equal (objector_objection_get_submitted (o), submitted));
  assert_due (o, 2026, 2, 28);
  g_assert_false (test_util_overdue_at (o, "2026-02-01T10:00:00Z"));
  g_assert_false (test_util_overdue_at (o, "2026-02-28T22:59:59Z"));  /* 23:59 in Berlin */
  g_assert_true (test_util_overdue_at (o, "2026-03-01T09:00:00Z"));
  g_assert_true (test_util_overdue_at (o, "2026-03-02T09:00:00Z"));
}

static void
test_due_leap_year (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2028-01-31T10:00:00Z");

  assert_due (o, 2028, 2, 29);
  g_assert_false (test_util_overdue_at (o, "2028-02-29T12:00:00Z"));
  g_assert_true (test_util_overdue_at (o, "2028-03-01T12:00:00Z"));
}

static void
test_due_ordinary (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-11-21T14:00:00Z");

  assert_due (o, 2026, 12, 21);
}

/* The due date is a calendar date where the person lives (TZ=Europe/Berlin
 * in this test): 23:30 UTC on 30 January is already 31 January there. */
static void
test_due_time_zone (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-01-30T23:30:00Z");

  assert_due (o, 2026, 2, 28);
  g_assert_false (test_util_overdue_at (o, "2026-02-28T22:30:00Z"));  /* 23:30 on the 28th in Berlin */
  g_assert_true (test_util_overdue_at (o, "2026-02-28T23:30:00Z"));   /* 00:30 on 1 March in Berlin */
}

static void
test_extension (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-01-31T10:00:00Z");
  g_autoptr(GError) error = NULL;

  g_assert_false (objector_objection_get_extended (o));
  test_util_apply_at (o, OBJECTOR_EVENT_EXTEND, NULL, "2026-02-10T10:00:00Z");
  g_assert_true (objector_objection_get_extended (o));
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_SUBMITTED);
  assert_due (o, 2026, 4, 30);  /* three months after 31 January */
  g_assert_false (test_util_overdue_at (o, "2026-03-15T10:00:00Z"));
  g_assert_true (test_util_overdue_at (o, "2026-05-01T10:00:00Z"));

  /* Only one extension. */
  g_assert_false (objector_objection_apply (o, OBJECTOR_EVENT_EXTEND, NULL, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
}

static void
test_overdue_only_while_awaiting (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-01-31T10:00:00Z");
  g_autoptr(GDateTime) late = test_util_time ("2026-03-05T10:00:00Z");
  g_autoptr(GDateTime) early = g_date_time_add_days (late, -30);

  g_assert_true (objector_objection_is_overdue (o, late));
  /* Overdue opens the way to a complaint. */
  g_assert_true (objector_objection_can_apply (o, OBJECTOR_EVENT_ESCALATE, late));
  g_assert_false (objector_objection_can_apply (o, OBJECTOR_EVENT_ESCALATE,
                                                early));

  test_util_apply_at (o, OBJECTOR_EVENT_LOG_APPROVAL, NULL, "2026-03-04T10:00:00Z");
  g_assert_false (objector_objection_is_overdue (o, late));

  /* Never submitted: no due date at all. */
  {
    g_autoptr(ObjectorObjection) fresh = new_objection (TRUE);
    g_autoptr(GDate) due = objector_objection_dup_due_date (fresh);

    g_assert_null (due);
    g_assert_null (objector_objection_get_submitted (fresh));
    g_assert_false (objector_objection_is_overdue (fresh, late));
  }
}

static void
test_undo (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-01-31T10:00:00Z");
  g_autoptr(GError) error = NULL;
  GPtrArray *history = objector_objection_get_history (o);
  ObjectorTransition *last;

  /* A mistaken rejection, undone: back to submitted, both steps kept. */
  test_util_apply_at (o, OBJECTOR_EVENT_LOG_REJECTION, NULL, "2026-02-02T10:00:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_UNDO, NULL, "2026-02-02T10:01:00Z");
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_SUBMITTED);
  g_assert_cmpuint (history->len, ==, 5);
  last = g_ptr_array_index (history, 4);
  g_assert_cmpint (last->event, ==, OBJECTOR_EVENT_UNDO);
  g_assert_cmpint (last->from, ==, OBJECTOR_STATE_REJECTED);
  g_assert_cmpint (last->to, ==, OBJECTOR_STATE_SUBMITTED);
  assert_due (o, 2026, 2, 28);

  /* Undo again takes back the submission itself: no due date any more. */
  test_util_apply_at (o, OBJECTOR_EVENT_UNDO, NULL, "2026-02-02T10:02:00Z");
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_FORM_OPENED);
  g_assert_null (objector_objection_get_submitted (o));

  test_util_apply_at (o, OBJECTOR_EVENT_UNDO, NULL, "2026-02-02T10:03:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_UNDO, NULL, "2026-02-02T10:04:00Z");
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_DRAFT);

  g_assert_false (objector_objection_apply (o, OBJECTOR_EVENT_UNDO, NULL, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
  g_assert_cmpstr (error->message, ==,
                   "An objection that is “draft” cannot take the event “undo”: there is no step left to undo");
  g_assert_cmpuint (history->len, ==, 8);
}

static void
test_undo_extension (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-01-31T10:00:00Z");

  test_util_apply_at (o, OBJECTOR_EVENT_EXTEND, NULL, "2026-02-10T10:00:00Z");
  assert_due (o, 2026, 4, 30);
  test_util_apply_at (o, OBJECTOR_EVENT_UNDO, NULL, "2026-02-10T10:01:00Z");
  g_assert_false (objector_objection_get_extended (o));
  assert_due (o, 2026, 2, 28);
}

static void
test_retry_resubmits (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-01-31T10:00:00Z");

  test_util_apply_at (o, OBJECTOR_EVENT_LOG_REJECTION, NULL, "2026-02-05T10:00:00Z");
  g_assert_false (objector_objection_is_overdue (o, NULL));  /* rejected: not awaiting */
  test_util_apply_at (o, OBJECTOR_EVENT_RETRY, NULL, "2026-02-06T10:00:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_OPEN_FORM, NULL, "2026-02-06T10:01:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_SUBMIT, NULL, "2026-02-06T10:05:00Z");
  assert_due (o, 2026, 3, 6);
}

static void
test_json_round_trip (void)
{
  g_autoptr(ObjectorObjection) o = submitted_at ("2026-01-31T10:00:00Z");
  g_autoptr(ObjectorObjection) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;

  objector_objection_set_account (o, "Zoë Łukasiewicz 李小龍 Αλέξης Дмитрий שלום");
  test_util_apply_at (o, OBJECTOR_EVENT_LOG_RECEIPT, NULL, "2026-02-01T08:00:00Z");

  node = objector_objection_to_json (o);
  back = objector_objection_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);

  g_assert_cmpstr (objector_objection_get_id (back), ==, objector_objection_get_id (o));
  g_assert_cmpstr (objector_objection_get_account (back), ==, objector_objection_get_account (o));
  g_assert_cmpint (objector_objection_get_state (back), ==, OBJECTOR_STATE_ACKNOWLEDGED);
  g_assert_true (objector_objection_get_has_code_step (back));
  g_assert_cmpuint (objector_objection_get_history (back)->len, ==, 4);
  assert_due (back, 2026, 2, 28);

  again = objector_objection_to_json (back);
  g_assert_true (json_node_equal (node, again));
}

/* Each damaged record is refused with the member at fault named. */
static void
test_json_faults (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "(root): expected an object" },
    { "{}", "id: missing" },
    { "{\"id\": 3}", "id: expected a string" },
    { "{\"id\": \"\", \"path\": \"p\", \"platform\": \"facebook\"}", "id: must not be empty" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"created\": \"yesterday\", \"state\": \"draft\"}",
      "created: “yesterday” is not a date and time" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"country\": \"XX\"}",
      "country: “XX” is not a country code" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"code_step\": \"yes\"}",
      "code_step: expected true or false" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"created\": \"2026-01-01T00:00:00Z\", \"state\": \"sent\"}",
      "state: unknown state “sent”" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"created\": \"2026-01-01T00:00:00Z\", \"state\": \"approved\", \"history\": []}",
      "state: “approved” does not match its history, which ends in “draft”" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"created\": \"2026-01-01T00:00:00Z\", \"state\": \"ready\", "
      "\"history\": [{\"time\": \"2026-01-01T00:00:00Z\", \"event\": \"complete-details\", \"from\": \"ready\", \"to\": \"ready\"}]}",
      "history[0].from: “ready” does not follow the previous state “draft”" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"created\": \"2026-01-01T00:00:00Z\", \"state\": \"ready\", "
      "\"history\": [{\"time\": \"2026-01-01T00:00:00Z\", \"event\": \"approve\", \"from\": \"draft\", \"to\": \"ready\"}]}",
      "history[0].event: unknown event “approve”" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"created\": \"2026-01-01T00:00:00Z\", \"state\": \"ready\", "
      "\"history\": [{\"event\": \"complete-details\", \"from\": \"draft\", \"to\": \"ready\"}]}",
      "history[0].time: missing" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"created\": \"2026-01-01T00:00:00Z\", \"state\": \"draft\", \"history\": {}}",
      "history: expected a list" },
    { "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"created\": \"2026-01-01T00:00:00Z\", \"state\": \"draft\", \"emails\": 5}",
      "emails: expected a list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ObjectorObjection) o = NULL;

      g_assert_nonnull (node);
      o = objector_objection_new_from_json (node, &error);
      g_assert_null (o);
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_email_addresses (void)
{
  const char *good[] = { "zoe@example.org", "a.b+c@sub.example.co.uk", "łukasz@przykład.pl", NULL };
  const char *bad[] = { "", "zoe", "zoe@", "@example.org", "zoe@example", "zoe@@example.org",
                        "zoe@example.org.", "zoe@.example.org", "zoe @example.org",
                        "zoe@exa..mple.org", "Zoë <zoe@example.org>", "a@b.c,d@e.f", NULL };

  for (guint i = 0; good[i]; i++)
    g_assert_true (objector_email_address_is_valid (good[i]));
  for (guint i = 0; bad[i]; i++)
    if (objector_email_address_is_valid (bad[i]))
      g_error ("“%s” should be refused", bad[i]);
  g_assert_false (objector_email_address_is_valid (NULL));
}

static void
test_sync_from (void)
{
  g_autoptr(ObjectorObjection) mine = submitted_at ("2026-01-31T10:00:00Z");
  g_autoptr(JsonNode) node = objector_objection_to_json (mine);
  g_autoptr(ObjectorObjection) theirs = objector_objection_new_from_json (node, NULL);
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  guint state_notifies = 0;

  test_util_apply_at (theirs, OBJECTOR_EVENT_LOG_APPROVAL, NULL, "2026-02-03T10:00:00Z");
  objector_objection_set_email (theirs, "new@example.org");

  g_signal_connect (mine, "notify::state", G_CALLBACK (count_cb), &state_notifies);
  objector_objection_sync_from (mine, theirs);

  g_assert_cmpuint (state_notifies, ==, 1);
  g_assert_cmpint (objector_objection_get_state (mine), ==, OBJECTOR_STATE_APPROVED);
  a = objector_objection_to_json (mine);
  b = objector_objection_to_json (theirs);
  g_assert_true (json_node_equal (a, b));
}

/* Logged emails as any version may have stored them: every member, the
 * unknown and the odd ones too, is saved again as it was. */
static void
test_json_emails_kept (void)
{
  static const char *json =
    "{\"id\": \"a\", \"path\": \"p\", \"platform\": \"facebook\", \"created\": \"2026-01-01T00:00:00Z\", "
    "\"state\": \"draft\", \"history\": [], \"emails\": ["
    "{\"date\": \"2026-03-02T08:00:00Z\", \"from\": \"Facebook <security@facebookmail.com>\", "
    "\"subject\": \"Über \\ud800x\", \"kind\": \"receipt\", \"verdict\": \"verified\", \"trusted\": true, "
    "\"message_id\": \"m1@facebookmail.com\", \"to\": [\"zoe@example.org\", \"\", 3], "
    "\"trust_notes\": [], \"foreign_hosts\": \"evil.example\", \"logged\": \"2026-03-02T09:00:00Z\", "
    "\"source\": \"x.mbox\", \"source_index\": 3, \"event\": \"log-receipt\", "
    "\"from_a_later_version\": {\"kept\": [1, 2, 3]}},"
    "\"not an email\","
    "{\"date\": 12, \"subject\": [\"odd\"], \"kind\": \"no-such-kind\", \"trusted\": false, \"event\": null}"
    "]}";
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorObjection) o = NULL;
  ObjectorEmailRecord *first, *damaged, *odd;
  ObjectorMailRecordVerdict verdict;
  ObjectorMailKind kind;
  ObjectorEvent event;
  GPtrArray *emails;

  g_assert_nonnull (node);
  o = objector_objection_new_from_json (node, &error);
  g_assert_no_error (error);
  emails = objector_objection_get_emails (o);
  g_assert_cmpuint (emails->len, ==, 3);
  first = g_ptr_array_index (emails, 0);
  damaged = g_ptr_array_index (emails, 1);
  odd = g_ptr_array_index (emails, 2);

  g_assert_false (objector_email_record_is_damaged (first));
  g_assert_cmpstr (objector_email_record_get_date_text (first), ==, "2026-03-02T08:00:00Z");
  g_assert_cmpint (g_date_time_get_hour (objector_email_record_get_date (first)), ==, 8);
  g_assert_cmpstr (objector_email_record_get_from (first), ==, "Facebook <security@facebookmail.com>");
  /* A lone surrogate is shown, never handed on as bytes that are not text. */
  g_assert_true (g_utf8_validate (objector_email_record_get_subject (first), -1, NULL));
  g_assert_true (g_str_has_prefix (objector_email_record_get_subject (first), "Über "));
  g_assert_true (objector_email_record_get_kind (first, &kind));
  g_assert_cmpint (kind, ==, OBJECTOR_MAIL_KIND_RECEIPT);
  verdict = objector_email_record_get_verdict (first);
  g_assert_cmpint (verdict.verdict, ==, OBJECTOR_MAIL_VERDICT_VERIFIED);
  g_assert_false (verdict.legacy);
  g_assert_true (objector_email_record_get_event (first, &event));
  g_assert_cmpint (event, ==, OBJECTOR_EVENT_LOG_RECEIPT);
  g_assert_false (objector_email_record_can_confirm (first));
  g_assert_cmpstr (objector_email_record_get_message_id (first), ==, "m1@facebookmail.com");
  g_assert_cmpuint (g_strv_length ((char **) objector_email_record_get_to (first)), ==, 1);
  g_assert_cmpstr (objector_email_record_get_foreign_hosts (first)[0], ==, "evil.example");
  g_assert_null (objector_email_record_get_trust_notes (first)[0]);
  g_assert_cmpstr (objector_email_record_get_source (first), ==, "x.mbox");
  g_assert_cmpuint (objector_email_record_get_source_index (first), ==, 3);
  g_assert_nonnull (objector_email_record_get_logged (first));

  g_assert_true (objector_email_record_is_damaged (damaged));
  g_assert_false (objector_email_record_can_confirm (damaged));

  /* Members of the wrong type read as absent; an unknown kind keeps its word. */
  g_assert_null (objector_email_record_get_date (odd));
  g_assert_null (objector_email_record_get_subject (odd));
  g_assert_cmpstr (objector_email_record_get_kind_name (odd), ==, "no-such-kind");
  g_assert_false (objector_email_record_get_kind (odd, &kind));
  verdict = objector_email_record_get_verdict (odd);
  g_assert_cmpint (verdict.verdict, ==, OBJECTOR_MAIL_VERDICT_SUSPICIOUS);
  g_assert_true (verdict.legacy);
  g_assert_false (objector_email_record_get_event (odd, NULL));

  /* Saved again: the very same JSON. */
  again = objector_objection_to_json (o);
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (node), "emails"),
                                  json_object_get_member (json_node_get_object (again), "emails")));
}

/* The person's confirmation makes a new record that keeps every member. */
static void
test_email_confirmed (void)
{
  g_autoptr(JsonObject) fields = test_util_email ("2026-03-02T08:00:00Z", "Facebook <a@facebookmail.com>",
                                                  "Your objection", "approval", TRUE);
  g_autoptr(ObjectorEmailRecord) logged = NULL;
  g_autoptr(ObjectorEmailRecord) unchanged = NULL;
  g_autoptr(ObjectorEmailRecord) confirmed = NULL;
  g_autoptr(GDateTime) when = test_util_time ("2026-03-03T10:00:00Z");
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *described = NULL;
  JsonObject *object;

  json_object_set_string_member (fields, "verdict", "unverifiable");
  json_object_set_string_member (fields, "later", "kept");
  logged = objector_email_record_new_from_object (fields);
  unchanged = objector_email_record_new_with_event (logged, FALSE, 0);
  g_assert_true (objector_email_record_can_confirm (unchanged));
  g_assert_null (objector_email_record_get_confirmed (unchanged));

  confirmed = objector_email_record_new_confirmed (unchanged, OBJECTOR_EVENT_LOG_APPROVAL, when);
  g_assert_false (objector_email_record_can_confirm (confirmed));
  g_assert_true (objector_email_record_get_verdict (confirmed).confirmed_by_user);
  g_assert_true (g_date_time_equal (objector_email_record_get_confirmed (confirmed), when));
  described = objector_email_record_describe_verdict (confirmed);
  test_util_assert_contains (described, "confirmed by you, not verified");

  node = objector_email_record_to_json (confirmed);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "later"), ==, "kept");
  g_assert_cmpstr (json_object_get_string_member (object, "event"), ==, "log-approval");
  g_assert_cmpstr (json_object_get_string_member (object, "confirmed"), ==, "2026-03-03T10:00:00Z");
  /* The record it came from is as it was. */
  g_assert_true (objector_email_record_can_confirm (unchanged));
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "objection");
  /* Due dates are calendar dates where the person lives. */
  test_util_use_time_zone ("Europe/Berlin");

  g_test_add_func ("/objection/history", test_history);
  g_test_add_func ("/objection/illegal-changes-nothing", test_illegal_changes_nothing);
  g_test_add_func ("/objection/signals", test_signals);
  g_test_add_func ("/objection/code-step-guard", test_code_step_guard);
  g_test_add_func ("/objection/due/month-end", test_due_month_end);
  g_test_add_func ("/objection/due/leap-year", test_due_leap_year);
  g_test_add_func ("/objection/due/ordinary", test_due_ordinary);
  g_test_add_func ("/objection/due/time-zone", test_due_time_zone);
  g_test_add_func ("/objection/due/extension", test_extension);
  g_test_add_func ("/objection/overdue-only-while-awaiting", test_overdue_only_while_awaiting);
  g_test_add_func ("/objection/undo", test_undo);
  g_test_add_func ("/objection/undo-extension", test_undo_extension);
  g_test_add_func ("/objection/retry-resubmits", test_retry_resubmits);
  g_test_add_func ("/objection/json/round-trip", test_json_round_trip);
  g_test_add_func ("/objection/json/faults", test_json_faults);
  g_test_add_func ("/objection/json/emails-kept", test_json_emails_kept);
  g_test_add_func ("/objection/email-confirmed", test_email_confirmed);
  g_test_add_func ("/objection/email-addresses", test_email_addresses);
  g_test_add_func ("/objection/sync-from", test_sync_from);

  return test_util_run_tests ();
}

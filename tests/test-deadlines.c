/* test-deadlines.c — when Meta's answer is due (GDPR Art. 12(3)), and when it is late
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-error.h"
#include "objector-objection.h"
#include "objector-test-util.h"

/* An objection sent at @iso (a time with its offset), prepared ten minutes before. */
static ObjectorObjection *
sent_at (const char *iso)
{
  g_autoptr(GDateTime) sent = test_util_time (iso);
  g_autoptr(GDateTime) before = g_date_time_add_minutes (sent, -10);
  g_autofree char *before_iso = g_date_time_format_iso8601 (before);

  return test_util_objection_at ("instagram-objection", "DE", before_iso,
                                 OBJECTOR_EVENT_COMPLETE_DETAILS, before_iso,
                                 OBJECTOR_EVENT_OPEN_FORM, before_iso,
                                 OBJECTOR_EVENT_SUBMIT, iso,
                                 -1);
}

/* An objection sent at @sent where the person lives (@zone, or
 * Europe/Berlin): when Meta's answer is due, and whether it is late at a
 * few instants. */
typedef struct
{
  const char *name;
  const char *zone;
  const char *sent;
  const char *due;
  const char *on_time[2];
  const char *late[2];
} DeadlineCase;

static const DeadlineCase deadline_cases[] = {
  /* The example of the issue: 31 January → 28 February, late on 2 March. */
  { "month-end", NULL, "2026-01-31T10:00:00+01:00", "2026-02-28",
    { "2026-02-28T00:00:00+01:00", "2026-02-28T23:59:59+01:00" },
    { "2026-03-01T00:00:01+01:00", "2026-03-02T12:00:00+01:00" } },
  /* A month after the 31st is the last day of a shorter month. */
  { "short-months/march-31", NULL, "2026-03-31T12:00:00+02:00", "2026-04-30" },
  { "short-months/may-31", NULL, "2026-05-31T12:00:00+02:00", "2026-06-30" },
  { "short-months/august-31", NULL, "2026-08-31T12:00:00+02:00", "2026-09-30" },
  { "short-months/october-31", NULL, "2026-10-31T12:00:00+01:00", "2026-11-30" },
  { "short-months/january-30", NULL, "2026-01-30T12:00:00+01:00", "2026-02-28" },
  { "short-months/january-29", NULL, "2026-01-29T12:00:00+01:00", "2026-02-28" },
  { "short-months/january-28", NULL, "2026-01-28T12:00:00+01:00", "2026-02-28" },
  { "short-months/february-28", NULL, "2026-02-28T12:00:00+01:00", "2026-03-28" },
  /* A leap year, */
  { "leap-years/january-31", NULL, "2028-01-31T12:00:00+01:00", "2028-02-29",
    { "2028-02-29T23:00:00+01:00" }, { "2028-03-01T00:30:00+01:00" } },
  { "leap-years/january-30", NULL, "2028-01-30T12:00:00+01:00", "2028-02-29" },
  { "leap-years/january-29", NULL, "2028-01-29T12:00:00+01:00", "2028-02-29" },
  /* sent on the leap day, */
  { "leap-years/leap-day", NULL, "2028-02-29T12:00:00+01:00", "2028-03-29" },
  /* not a leap year, */
  { "leap-years/2027", NULL, "2027-01-29T12:00:00+01:00", "2027-02-28" },
  /* a century, not a leap year, */
  { "leap-years/2100", NULL, "2100-01-31T12:00:00+01:00", "2100-02-28" },
  /* divisible by 400: a leap year. */
  { "leap-years/2000", NULL, "2000-01-31T12:00:00+01:00", "2000-02-29" },
  { "year-end", NULL, "2026-12-31T23:30:00+01:00", "2027-01-31",
    { "2027-01-31T23:59:00+01:00" }, { "2027-02-01T00:01:00+01:00" } },
  /* West of UTC: 22:00 on 31 January in New York is already 1 February in
   * UTC, and the due date follows the local calendar: 23:30 on 28 February
   * there is on time, 00:30 on 1 March late. */
  { "time-zone/west", "America/New_York", "2026-02-01T03:00:00Z", "2026-02-28",
    { "2026-03-01T04:30:00Z" }, { "2026-03-01T05:30:00Z" } },
  /* East of UTC: 00:30 on 31 January in Auckland (NZDT, UTC+13) is still
   * 30 January in UTC; 23:59 on 28 February there is on time, 00:01 late. */
  { "time-zone/east", "Pacific/Auckland", "2026-01-30T11:30:00Z", "2026-02-28",
    { "2026-02-28T10:59:00Z" }, { "2026-02-28T11:01:00Z" } },
  /* Across the change to summer time (sent at 00:30 on 1 March, CET), the
   * day ends at local midnight, whichever offset the clock shows then:
   * 23:59 CEST on time, 00:00:30 on 2 April CEST late. */
  { "time-zone/daylight-saving", NULL, "2026-02-28T23:30:00Z", "2026-04-01",
    { "2026-04-01T21:59:00Z" }, { "2026-04-01T22:00:30Z" } },
};

static void
test_deadline (gconstpointer data)
{
  const DeadlineCase *deadline = data;
  g_autoptr(ObjectorObjection) o = NULL;

  test_util_use_time_zone (deadline->zone != NULL ? deadline->zone : "Europe/Berlin");
  o = sent_at (deadline->sent);
  test_util_assert_due (o, deadline->due);
  for (guint i = 0; i < G_N_ELEMENTS (deadline->on_time) && deadline->on_time[i] != NULL; i++)
    g_assert_false (test_util_overdue_at (o, deadline->on_time[i]));
  for (guint i = 0; i < G_N_ELEMENTS (deadline->late) && deadline->late[i] != NULL; i++)
    g_assert_true (test_util_overdue_at (o, deadline->late[i]));
  test_util_use_time_zone ("Europe/Berlin");
}

/* Art. 12(3): two more months, once, and only while Meta still owes an answer. */
static void
test_extension (void)
{
  const struct { const char *sent; const char *due; } cases[] = {
    { "2026-01-31T10:00:00+01:00", "2026-04-30" },
    { "2026-11-30T10:00:00+01:00", "2027-02-28" },
    { "2027-11-30T10:00:00+01:00", "2028-02-29" },  /* into a leap February */
    { "2026-12-31T10:00:00+01:00", "2027-03-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObjectorObjection) o = sent_at (cases[i].sent);
      g_autoptr(GDateTime) sent = test_util_time (cases[i].sent);
      g_autoptr(GDateTime) later = g_date_time_add_days (sent, 10);
      g_autoptr(GError) error = NULL;

      g_test_message ("sent %s", cases[i].sent);
      g_assert_true (objector_objection_apply (o, OBJECTOR_EVENT_EXTEND, NULL, later, &error));
      g_assert_no_error (error);
      g_assert_true (objector_objection_get_extended (o));
      test_util_assert_due (o, cases[i].due);
    }

  /* Extended, then Meta acknowledges: the extended date still holds. */
  {
    g_autoptr(ObjectorObjection) o = sent_at ("2026-01-31T10:00:00+01:00");

    test_util_apply_at (o, OBJECTOR_EVENT_EXTEND, NULL, "2026-02-20T10:00:00+01:00");
    test_util_apply_at (o, OBJECTOR_EVENT_CONFIRM_CODE, NULL, "2026-02-21T10:00:00+01:00");
    test_util_apply_at (o, OBJECTOR_EVENT_LOG_RECEIPT, NULL, "2026-02-22T10:00:00+01:00");
    test_util_assert_due (o, "2026-04-30");
    g_assert_false (test_util_overdue_at (o, "2026-03-02T12:00:00+01:00"));
    g_assert_false (test_util_overdue_at (o, "2026-04-30T23:00:00+02:00"));
    g_assert_true (test_util_overdue_at (o, "2026-05-01T00:30:00+02:00"));
  }
}

/* A new submission after a refusal starts a new month, without the old
 * extension. */
static void
test_resubmission_resets (void)
{
  g_autoptr(ObjectorObjection) o = sent_at ("2026-01-31T10:00:00+01:00");

  test_util_apply_at (o, OBJECTOR_EVENT_EXTEND, NULL, "2026-02-10T10:00:00+01:00");
  test_util_assert_due (o, "2026-04-30");
  test_util_apply_at (o, OBJECTOR_EVENT_LOG_REJECTION, NULL, "2026-03-10T10:00:00+01:00");
  g_assert_false (test_util_overdue_at (o, "2026-06-01T10:00:00+02:00"));  /* refused: nothing owed */
  test_util_apply_at (o, OBJECTOR_EVENT_RETRY, NULL, "2026-03-11T10:00:00+01:00");
  test_util_apply_at (o, OBJECTOR_EVENT_OPEN_FORM, NULL, "2026-03-11T10:01:00+01:00");
  test_util_apply_at (o, OBJECTOR_EVENT_SUBMIT, NULL, "2026-03-31T10:05:00+02:00");

  g_assert_false (objector_objection_get_extended (o));
  test_util_assert_due (o, "2026-04-30");
  g_assert_true (test_util_overdue_at (o, "2026-05-01T09:00:00+02:00"));
}

/* Escalating is possible once the answer is late, and not before. */
static void
test_escalate_when_late (void)
{
  g_autoptr(ObjectorObjection) o = sent_at ("2026-01-31T10:00:00+01:00");
  g_autoptr(GDateTime) on_time = test_util_time ("2026-02-28T20:00:00+01:00");
  g_autoptr(GDateTime) late = test_util_time ("2026-03-02T09:00:00+01:00");
  g_autoptr(GError) error = NULL;

  g_assert_false (objector_objection_apply (o, OBJECTOR_EVENT_ESCALATE, NULL, on_time, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
  g_clear_error (&error);

  g_assert_true (objector_objection_apply (o, OBJECTOR_EVENT_ESCALATE, NULL, late, &error));
  g_assert_no_error (error);
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_ESCALATED);
  /* Escalated: no longer awaiting, so no longer "overdue". */
  g_assert_false (objector_objection_is_overdue (o, late));
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "deadlines");
  /* Due dates are calendar dates where the person lives, so every test names
   * its time zone: Europe/Berlin unless it says otherwise. */
  test_util_use_time_zone ("Europe/Berlin");

  TEST_UTIL_ADD_CASES ("/deadlines", deadline_cases, test_deadline);
  g_test_add_func ("/deadlines/extension", test_extension);
  g_test_add_func ("/deadlines/resubmission-resets", test_resubmission_resets);
  g_test_add_func ("/deadlines/escalate-when-late", test_escalate_when_late);

  return test_util_run_tests ();
}

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

/* The example of the issue: 31 January → 28 February, late on 2 March. */
static void
test_month_end (void)
{
  g_autoptr(ObjectorObjection) o = sent_at ("2026-01-31T10:00:00+01:00");

  test_util_assert_due (o, "2026-02-28");
  g_assert_false (test_util_overdue_at (o, "2026-02-28T00:00:00+01:00"));
  g_assert_false (test_util_overdue_at (o, "2026-02-28T23:59:59+01:00"));
  g_assert_true (test_util_overdue_at (o, "2026-03-01T00:00:01+01:00"));
  g_assert_true (test_util_overdue_at (o, "2026-03-02T12:00:00+01:00"));
}

/* A month after the 31st is the last day of a shorter month. */
static void
test_short_months (void)
{
  const struct { const char *sent; const char *due; } cases[] = {
    { "2026-03-31T12:00:00+02:00", "2026-04-30" },
    { "2026-05-31T12:00:00+02:00", "2026-06-30" },
    { "2026-08-31T12:00:00+02:00", "2026-09-30" },
    { "2026-10-31T12:00:00+01:00", "2026-11-30" },
    { "2026-01-30T12:00:00+01:00", "2026-02-28" },
    { "2026-01-29T12:00:00+01:00", "2026-02-28" },
    { "2026-01-28T12:00:00+01:00", "2026-02-28" },
    { "2026-02-28T12:00:00+01:00", "2026-03-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObjectorObjection) o = sent_at (cases[i].sent);

      g_test_message ("sent %s", cases[i].sent);
      test_util_assert_due (o, cases[i].due);
    }
}

static void
test_leap_years (void)
{
  const struct { const char *sent; const char *due; } cases[] = {
    { "2028-01-31T12:00:00+01:00", "2028-02-29" },  /* leap year */
    { "2028-01-30T12:00:00+01:00", "2028-02-29" },
    { "2028-01-29T12:00:00+01:00", "2028-02-29" },
    { "2028-02-29T12:00:00+01:00", "2028-03-29" },  /* sent on the leap day */
    { "2027-01-29T12:00:00+01:00", "2027-02-28" },  /* not a leap year */
    { "2100-01-31T12:00:00+01:00", "2100-02-28" },  /* a century, not a leap year */
    { "2000-01-31T12:00:00+01:00", "2000-02-29" },  /* divisible by 400: a leap year */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObjectorObjection) o = sent_at (cases[i].sent);

      g_test_message ("sent %s", cases[i].sent);
      test_util_assert_due (o, cases[i].due);
    }

  {
    g_autoptr(ObjectorObjection) o = sent_at ("2028-01-31T12:00:00+01:00");

    g_assert_false (test_util_overdue_at (o, "2028-02-29T23:00:00+01:00"));
    g_assert_true (test_util_overdue_at (o, "2028-03-01T00:30:00+01:00"));
  }
}

static void
test_year_end (void)
{
  g_autoptr(ObjectorObjection) o = sent_at ("2026-12-31T23:30:00+01:00");

  test_util_assert_due (o, "2027-01-31");
  g_assert_false (test_util_overdue_at (o, "2027-01-31T23:59:00+01:00"));
  g_assert_true (test_util_overdue_at (o, "2027-02-01T00:01:00+01:00"));
}

/* West of UTC: the evening of 31 January in New York is already
 * 1 February in UTC, and the due date follows the local calendar. */
static void
test_time_zone_west (void)
{
  g_autoptr(ObjectorObjection) o = NULL;

  test_util_use_time_zone ("America/New_York");
  o = sent_at ("2026-02-01T03:00:00Z");  /* 22:00 on 31 January in New York */

  test_util_assert_due (o, "2026-02-28");
  g_assert_false (test_util_overdue_at (o, "2026-03-01T04:30:00Z"));  /* 23:30 on 28 February there */
  g_assert_true (test_util_overdue_at (o, "2026-03-01T05:30:00Z"));   /* 00:30 on 1 March there */

  test_util_use_time_zone ("Europe/Berlin");
}

/* East of UTC: 00:30 on 31 January in Auckland is still 30 January in UTC. */
static void
test_time_zone_east (void)
{
  g_autoptr(ObjectorObjection) o = NULL;

  test_util_use_time_zone ("Pacific/Auckland");
  o = sent_at ("2026-01-30T11:30:00Z");  /* NZDT, UTC+13 */

  test_util_assert_due (o, "2026-02-28");
  g_assert_false (test_util_overdue_at (o, "2026-02-28T10:59:00Z"));  /* 23:59 on 28 February there */
  g_assert_true (test_util_overdue_at (o, "2026-02-28T11:01:00Z"));   /* 00:01 on 1 March there */

  test_util_use_time_zone ("Europe/Berlin");
}

/* A deadline across the change to summer time: the day ends at local
 * midnight, whichever offset the clock shows then. */
static void
test_daylight_saving (void)
{
  g_autoptr(ObjectorObjection) o = sent_at ("2026-02-28T23:30:00Z");  /* 00:30 on 1 March, CET */

  test_util_assert_due (o, "2026-04-01");
  g_assert_false (test_util_overdue_at (o, "2026-04-01T21:59:00Z"));  /* 23:59 CEST */
  g_assert_true (test_util_overdue_at (o, "2026-04-01T22:00:30Z"));   /* 00:00:30 on 2 April, CEST */
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

  g_test_add_func ("/deadlines/month-end", test_month_end);
  g_test_add_func ("/deadlines/short-months", test_short_months);
  g_test_add_func ("/deadlines/leap-years", test_leap_years);
  g_test_add_func ("/deadlines/year-end", test_year_end);
  g_test_add_func ("/deadlines/time-zone/west", test_time_zone_west);
  g_test_add_func ("/deadlines/time-zone/east", test_time_zone_east);
  g_test_add_func ("/deadlines/time-zone/daylight-saving", test_daylight_saving);
  g_test_add_func ("/deadlines/extension", test_extension);
  g_test_add_func ("/deadlines/resubmission-resets", test_resubmission_resets);
  g_test_add_func ("/deadlines/escalate-when-late", test_escalate_when_late);

  return test_util_run_tests ();
}

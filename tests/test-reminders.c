/* test-reminders.c — what to remind the person of, once each
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-reminders.h"
#include "objector-store.h"
#include "objector-test-util.h"

typedef struct
{
  char       *directory;
  GListStore *objections;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->directory = test_util_make_dir ("reminders");
  f->objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_util_rm_rf (f->directory);
  g_clear_pointer (&f->directory, g_free);
  g_clear_object (&f->objections);
}

/* Meta's email with a code, logged: only then is a code awaited (its 2025
 * forms send none). */
static void
log_code_email (ObjectorObjection *o,
                const char        *iso)
{
  g_autoptr(JsonObject) email = test_util_email (iso, "Facebook <security@facebookmail.com>",
                                                 "Your confirmation code", "code", TRUE);

  json_object_set_string_member (email, "message_id", iso);
  g_assert_true (test_util_add_email (o, email));
}

/* Sent on 31 January 2026 at 11:00 in Berlin: due 28 February. */
static ObjectorObjection *
add_sent (Fixture    *f,
          const char *platform,
          gboolean    code_step,
          const char *account)
{
  g_autofree char *path = g_strdup_printf ("%s-objection", platform);
  ObjectorObjection *o = test_util_objection_new (path, code_step, "DE", "2026-01-31T09:00:00Z");

  objector_objection_set_account (o, account);
  test_util_apply_events (o,
                          OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-01-31T09:00:00Z",
                          OBJECTOR_EVENT_OPEN_FORM, "2026-01-31T09:30:00Z",
                          OBJECTOR_EVENT_SUBMIT, "2026-01-31T10:00:00Z",
                          -1);
  if (code_step)
    log_code_email (o, "2026-01-31T10:05:00Z");
  g_list_store_append (f->objections, o);
  return o;
}

static GPtrArray *
take (ObjectorReminders *reminders,
      GListModel        *objections,
      const char        *now_iso)
{
  g_autoptr(GDateTime) now = test_util_time (now_iso);
  g_autoptr(GError) error = NULL;
  GPtrArray *given = objector_reminders_take (reminders, objections, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (given);
  return given;
}

static ObjectorReminder *
find (GPtrArray  *reminders,
      const char *id)
{
  for (guint i = 0; i < reminders->len; i++)
    {
      ObjectorReminder *reminder = g_ptr_array_index (reminders, i);

      if (g_str_equal (reminder->id, id))
        return reminder;
    }
  return NULL;
}

static void
test_compute (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ObjectorObjection) coded = add_sent (f, "facebook", TRUE, "Zoë");
  g_autoptr(ObjectorObjection) plain = add_sent (f, "instagram", FALSE, NULL);
  g_autoptr(GDateTime) hour_later = test_util_time ("2026-01-31T11:00:00Z");
  g_autoptr(GDateTime) day_later = test_util_time ("2026-02-01T10:00:00Z");
  g_autoptr(GDateTime) late = test_util_time ("2026-03-01T09:00:00Z");
  g_autofree char *code_id = g_strdup_printf ("code:%s:2026-01-31T10:00:00Z", objector_objection_get_id (coded));
  g_autofree char *overdue_id = g_strdup_printf ("overdue:%s:2026-02-28", objector_objection_get_id (coded));
  g_autofree char *plain_id = g_strdup_printf ("overdue:%s:2026-02-28", objector_objection_get_id (plain));

  g_autoptr(GPtrArray) none = objector_reminders_compute (G_LIST_MODEL (f->objections), hour_later);
  g_autoptr(GPtrArray) code = objector_reminders_compute (G_LIST_MODEL (f->objections), day_later);
  g_autoptr(GPtrArray) overdue = objector_reminders_compute (G_LIST_MODEL (f->objections), late);

  /* Within the day: nothing yet. */
  g_assert_cmpuint (none->len, ==, 0);

  /* A day on, the code was never confirmed; the path without a code step
   * needs no reminder. */
  g_assert_cmpuint (code->len, ==, 1);
  ObjectorReminder *reminder = g_ptr_array_index (code, 0);
  g_assert_cmpstr (reminder->id, ==, code_id);
  g_assert_cmpint (reminder->kind, ==, OBJECTOR_REMINDER_CODE);
  g_assert_cmpstr (reminder->objection_id, ==, objector_objection_get_id (coded));
  g_assert_cmpstr (reminder->title, ==, "Confirm your objection with Meta’s code");
  test_util_assert_contains (reminder->body, "You sent your Facebook objection for “Zoë” on 31 January 2026");
  test_util_assert_contains (reminder->body, "six-digit code");
  g_autoptr(GDateTime) since = test_util_time ("2026-02-01T10:00:00Z");
  g_assert_true (g_date_time_equal (reminder->since, since));

  /* Past the due date, both are overdue (and the code still unconfirmed). */
  g_assert_cmpuint (overdue->len, ==, 3);
  reminder = find (overdue, overdue_id);
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->kind, ==, OBJECTOR_REMINDER_OVERDUE);
  g_assert_cmpstr (reminder->title, ==, "Meta’s answer is overdue");
  test_util_assert_contains (reminder->body, "Meta had until 28 February 2026 to answer your Facebook objection for “Zoë”, sent on 31 January 2026");
  test_util_assert_contains (reminder->body, "complain to your data-protection authority");
  g_clear_pointer (&since, g_date_time_unref);
  since = test_util_time ("2026-03-01T00:00:00+01:00");
  g_assert_true (g_date_time_equal (reminder->since, since));

  reminder = find (overdue, plain_id);
  g_assert_nonnull (reminder);
  test_util_assert_contains (reminder->body, "your Instagram objection, sent on");
  g_assert_nonnull (find (overdue, code_id));

  /* Confirmed: no more code reminder; answered: nothing at all. */
  test_util_apply_at (coded, OBJECTOR_EVENT_CONFIRM_CODE, NULL, "2026-02-02T10:00:00Z");
  test_util_apply_at (plain, OBJECTOR_EVENT_LOG_APPROVAL, NULL, "2026-02-02T10:00:00Z");
  {
    g_autoptr(GPtrArray) after = objector_reminders_compute (G_LIST_MODEL (f->objections), late);

    g_assert_cmpuint (after->len, ==, 1);
    g_assert_cmpstr (((ObjectorReminder *) g_ptr_array_index (after, 0))->id, ==, overdue_id);
  }
}

/* The heart of it: given once, not at every start. */
static void
test_fires_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = add_sent (f, "facebook", FALSE, NULL);
  g_autoptr(ObjectorReminders) reminders = objector_reminders_new (f->directory);
  g_autoptr(ObjectorReminders) other = objector_reminders_new (f->directory);
  g_autoptr(GPtrArray) early = take (reminders, G_LIST_MODEL (f->objections), "2026-02-20T10:00:00Z");
  g_autoptr(GDateTime) now = test_util_time ("2026-03-05T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("overdue:%s:2026-02-28", objector_objection_get_id (o));

  g_assert_cmpuint (early->len, ==, 0);
  /* Nothing given, nothing written. */
  g_assert_false (g_file_test (objector_reminders_get_filename (reminders), G_FILE_TEST_EXISTS));

  /* Peeking shows it without giving it. */
  g_autoptr(GPtrArray) peeked = objector_reminders_peek (reminders, G_LIST_MODEL (f->objections), now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (peeked->len, ==, 1);
  g_assert_false (objector_reminders_was_given (reminders, id));

  g_autoptr(GPtrArray) first = take (reminders, G_LIST_MODEL (f->objections), "2026-03-05T10:00:00Z");
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpstr (((ObjectorReminder *) g_ptr_array_index (first, 0))->id, ==, id);
  g_assert_true (objector_reminders_was_given (reminders, id));

  /* The ledger is private. */
  test_util_assert_mode (objector_reminders_get_filename (reminders), 0600);

  /* The next start, a day later, and another process: nothing. */
  g_autoptr(GPtrArray) second = take (reminders, G_LIST_MODEL (f->objections), "2026-03-06T10:00:00Z");
  g_assert_cmpuint (second->len, ==, 0);
  g_autoptr(GPtrArray) from_other = take (other, G_LIST_MODEL (f->objections), "2026-03-07T10:00:00Z");
  g_assert_cmpuint (from_other->len, ==, 0);
  g_clear_pointer (&peeked, g_ptr_array_unref);
  peeked = objector_reminders_peek (other, G_LIST_MODEL (f->objections), now, &error);
  g_assert_cmpuint (peeked->len, ==, 0);
}

/* A new fact is a new reminder: a new due date after an extension, and a
 * new submission after a refusal and a retry. */
static void
test_new_due_date (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = add_sent (f, "instagram", TRUE, NULL);
  g_autoptr(ObjectorReminders) reminders = objector_reminders_new (f->directory);
  const char *oid = objector_objection_get_id (o);
  g_autofree char *first_id = g_strdup_printf ("overdue:%s:2026-02-28", oid);
  g_autofree char *extended_id = g_strdup_printf ("overdue:%s:2026-04-30", oid);
  g_autofree char *code_id = g_strdup_printf ("code:%s:2026-06-01T08:00:00Z", oid);
  g_autofree char *resubmitted_id = g_strdup_printf ("overdue:%s:2026-07-01", oid);

  test_util_apply_at (o, OBJECTOR_EVENT_CONFIRM_CODE, NULL, "2026-01-31T10:10:00Z");

  g_autoptr(GPtrArray) first = take (reminders, G_LIST_MODEL (f->objections), "2026-03-02T10:00:00Z");
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpstr (((ObjectorReminder *) g_ptr_array_index (first, 0))->id, ==, first_id);

  /* Meta extends the deadline (late, but it does): not overdue until May. */
  test_util_apply_at (o, OBJECTOR_EVENT_EXTEND, NULL, "2026-03-03T10:00:00Z");
  g_autoptr(GPtrArray) again = take (reminders, G_LIST_MODEL (f->objections), "2026-04-10T10:00:00Z");
  g_assert_cmpuint (again->len, ==, 0);
  g_autoptr(GPtrArray) extended = take (reminders, G_LIST_MODEL (f->objections), "2026-05-01T10:00:00Z");
  g_assert_cmpuint (extended->len, ==, 1);
  g_assert_cmpstr (((ObjectorReminder *) g_ptr_array_index (extended, 0))->id, ==, extended_id);
  test_util_assert_contains (((ObjectorReminder *) g_ptr_array_index (extended, 0))->body, "30 April 2026");

  /* Refused, retried, sent again: the unconfirmed code and the new due date
   * are reminded afresh. */
  test_util_apply_at (o, OBJECTOR_EVENT_LOG_REJECTION, NULL, "2026-05-10T10:00:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_RETRY, NULL, "2026-06-01T07:00:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_OPEN_FORM, NULL, "2026-06-01T07:30:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_SUBMIT, NULL, "2026-06-01T08:00:00Z");
  log_code_email (o, "2026-06-01T08:05:00Z");
  g_autoptr(GPtrArray) resubmitted = take (reminders, G_LIST_MODEL (f->objections), "2026-06-01T12:00:00Z");
  g_assert_cmpuint (resubmitted->len, ==, 0);
  g_autoptr(GPtrArray) code = take (reminders, G_LIST_MODEL (f->objections), "2026-06-02T09:00:00Z");
  g_assert_cmpuint (code->len, ==, 1);
  g_assert_cmpstr (((ObjectorReminder *) g_ptr_array_index (code, 0))->id, ==, code_id);
  g_autoptr(GPtrArray) overdue = take (reminders, G_LIST_MODEL (f->objections), "2026-07-02T09:00:00Z");
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (((ObjectorReminder *) g_ptr_array_index (overdue, 0))->id, ==, resubmitted_id);

  g_assert_true (objector_reminders_was_given (reminders, first_id));
  g_assert_true (objector_reminders_was_given (reminders, extended_id));
}

static void
write_ledger (ObjectorReminders *reminders,
              const char        *contents,
              gssize             length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (objector_reminders_get_filename (reminders), contents, length, &error);
  g_assert_no_error (error);
}

/* A damaged ledger never stops anything: at worst a reminder comes again,
 * and the ledger is replaced by a good one. */
static void
test_damaged_ledger (Fixture       *f,
                     gconstpointer  data)
{
  static const char binary[] = { '\xff', '\xfe', '\0', '{', '\x80' };
  const struct { const char *name; const char *contents; gssize length; } damages[] = {
    { "empty", "", 0 },
    { "truncated", "{\"format\": \"objector-reminders\", \"given\": [{\"id\": \"overdue:", -1 },
    { "not ours", "{\"format\": \"something-else\", \"given\": []}", -1 },
    { "wrong shapes", "{\"format\": \"objector-reminders\", \"given\": [1, \"x\", {\"id\": 7}, null, {}]}", -1 },
    { "binary", binary, sizeof binary },
    { "array", "[]", -1 },
  };
  g_autoptr(ObjectorObjection) o = add_sent (f, "facebook", FALSE, NULL);
  g_autoptr(ObjectorReminders) reminders = objector_reminders_new (f->directory);

  g_assert_cmpint (g_mkdir_with_parents (f->directory, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autoptr(GPtrArray) given = NULL;
      g_autoptr(GPtrArray) again = NULL;

      g_test_message ("ledger: %s", damages[i].name);
      write_ledger (reminders, damages[i].contents, damages[i].length);

      given = take (reminders, G_LIST_MODEL (f->objections), "2026-03-05T10:00:00Z");
      g_assert_cmpuint (given->len, ==, 1);

      /* Replaced: the next start is quiet. */
      again = take (reminders, G_LIST_MODEL (f->objections), "2026-03-06T10:00:00Z");
      g_assert_cmpuint (again->len, ==, 0);
    }

  /* Entries of the right shape in a partly odd file are kept. */
  {
    g_autofree char *ledger = g_strdup_printf ("{\"format\": \"objector-reminders\", \"version\": 99, \"given\": "
                                               "[42, {\"id\": \"overdue:%s:2026-02-28\", \"extra\": true}]}",
                                               objector_objection_get_id (o));
    g_autoptr(GPtrArray) given = NULL;

    write_ledger (reminders, ledger, -1);
    given = take (reminders, G_LIST_MODEL (f->objections), "2026-03-07T10:00:00Z");
    g_assert_cmpuint (given->len, ==, 0);
  }
}

/* Objections that are gone are forgotten; an empty list (a store that
 * could not be read) forgets nothing. */
static void
test_forgets_deleted (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ObjectorObjection) kept = add_sent (f, "facebook", FALSE, NULL);
  g_autoptr(ObjectorObjection) deleted = add_sent (f, "instagram", FALSE, NULL);
  g_autoptr(ObjectorReminders) reminders = objector_reminders_new (f->directory);
  g_autoptr(GListStore) empty = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(GPtrArray) both = take (reminders, G_LIST_MODEL (f->objections), "2026-03-05T10:00:00Z");
  g_autofree char *kept_id = g_strdup_printf ("overdue:%s:2026-02-28", objector_objection_get_id (kept));
  g_autofree char *deleted_id = g_strdup_printf ("overdue:%s:2026-02-28", objector_objection_get_id (deleted));

  g_assert_cmpuint (both->len, ==, 2);

  g_autoptr(GPtrArray) none = take (reminders, G_LIST_MODEL (empty), "2026-03-06T10:00:00Z");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_true (objector_reminders_was_given (reminders, deleted_id));

  g_list_store_remove (f->objections, 1);
  g_autoptr(GPtrArray) rest = take (reminders, G_LIST_MODEL (f->objections), "2026-03-07T10:00:00Z");
  g_assert_cmpuint (rest->len, ==, 0);
  g_assert_true (objector_reminders_was_given (reminders, kept_id));
  g_assert_false (objector_reminders_was_given (reminders, deleted_id));
}

static void
test_mark_given (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = add_sent (f, "facebook", FALSE, NULL);
  g_autoptr(ObjectorReminders) reminders = objector_reminders_new (f->directory);
  g_autoptr(GDateTime) now = test_util_time ("2026-03-05T10:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shown = objector_reminders_peek (reminders, G_LIST_MODEL (f->objections), now, &error);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_true (objector_reminders_mark_given (reminders, empty, now, &error));
  g_assert_true (objector_reminders_mark_given (reminders, shown, now, &error));
  g_assert_no_error (error);
  g_autoptr(GPtrArray) after = objector_reminders_peek (reminders, G_LIST_MODEL (f->objections), now, &error);
  g_assert_cmpuint (after->len, ==, 0);
}

/* A ledger that cannot be written gives nothing, and says why. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = add_sent (f, "facebook", FALSE, NULL);
  g_autofree char *blocker = g_build_filename (f->directory, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "objector", NULL);
  g_autoptr(ObjectorReminders) reminders = objector_reminders_new (inside);
  g_autoptr(GDateTime) now = test_util_time ("2026-03-05T10:00:00Z");
  g_autoptr(GError) error = NULL;

  /* A file where the folder should be: fails even for root. */
  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);

  g_autoptr(GPtrArray) given = objector_reminders_take (reminders, G_LIST_MODEL (f->objections), now, &error);
  g_assert_null (given);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO);
  test_util_assert_contains (error->message, "not-a-folder");
}

static GPtrArray *
take_async (ObjectorReminders  *reminders,
            GListModel         *objections,
            GDateTime          *now,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  objector_reminders_take_async (reminders, objections, now, cancellable, test_util_store_result_cb, &result);
  return objector_reminders_take_finish (reminders, test_util_wait_result (&result), error);
}

/* The window takes reminders without blocking; cancelled, it gives none. */
static void
test_take_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = add_sent (f, "facebook", TRUE, NULL);
  g_autoptr(ObjectorReminders) reminders = objector_reminders_new (f->directory);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GDateTime) now = test_util_time ("2026-03-05T10:00:00Z");
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancelled);
  g_autoptr(GPtrArray) none = take_async (reminders, G_LIST_MODEL (f->objections), now, cancelled, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_autoptr(GPtrArray) given = take_async (reminders, G_LIST_MODEL (f->objections), now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (given->len, ==, 2);

  g_autoptr(GPtrArray) again = take_async (reminders, G_LIST_MODEL (f->objections), now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
}

static void
test_with_store (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ObjectorStore) store = objector_store_new (f->directory);
  g_autoptr(ObjectorObjection) o = add_sent (f, "facebook", TRUE, NULL);
  g_autoptr(ObjectorReminders) reminders = objector_reminders_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *default_dir = g_build_filename (g_get_user_data_dir (), "objector", "reminders.json", NULL);

  g_assert_cmpstr (objector_reminders_get_filename (reminders), ==, default_dir);
  g_clear_object (&reminders);

  g_assert_true (objector_store_load (store, &error));
  g_assert_true (objector_store_add (store, o, &error));
  g_assert_no_error (error);

  reminders = objector_reminders_new (objector_store_get_directory (store));
  g_autoptr(GPtrArray) given = take (reminders, G_LIST_MODEL (store), "2026-03-05T10:00:00Z");
  g_assert_cmpuint (given->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "reminders");
  /* Due dates are calendar dates where the person lives. */
  test_util_use_time_zone ("Europe/Berlin");

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reminders/compute", test_compute);
  ADD ("/reminders/fires-once", test_fires_once);
  ADD ("/reminders/new-due-date", test_new_due_date);
  ADD ("/reminders/damaged-ledger", test_damaged_ledger);
  ADD ("/reminders/forgets-deleted", test_forgets_deleted);
  ADD ("/reminders/mark-given", test_mark_given);
  ADD ("/reminders/unwritable", test_unwritable);
  ADD ("/reminders/take-async", test_take_async);
  ADD ("/reminders/with-store", test_with_store);

  return test_util_run_tests ();
}

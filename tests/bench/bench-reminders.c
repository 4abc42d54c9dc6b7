/* bench-reminders.c — the cost of reminders, authorities and complaints
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app pays at start (the window and `objector remind` at login):
 * loading the authorities and the complaint texts, computing the reminders
 * for 10, 100 and 1,000 objections, and taking them (reading, merging and
 * atomically rewriting the ledger under its lock) when the ledger already
 * holds an entry per objection; and writing one complaint. Prints one line
 * per measurement. Target: all of it well under 100 ms for 1,000 objections.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "objector-authorities.h"
#include "objector-complaint.h"
#include "objector-reminders.h"
#include "objector-test-util.h"

static const guint sizes[] = { 10, 100, 1000 };

#define ROUNDS 20

static GListStore *
make_objections (guint n)
{
  GListStore *store = g_list_store_new (OBJECTOR_TYPE_OBJECTION);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) o = test_util_objection_new ("facebook-objection", i % 2 == 0, "DE",
                                                                "2026-01-20T09:00:00Z");

      test_util_apply_events (o,
                              OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-01-20T09:00:00Z",
                              OBJECTOR_EVENT_OPEN_FORM, "2026-01-31T09:00:00Z",
                              OBJECTOR_EVENT_SUBMIT, "2026-01-31T10:00:00Z",
                              -1);
      if (i % 3 == 0)
        test_util_apply_at (o, OBJECTOR_EVENT_LOG_REJECTION, NULL, "2026-02-10T10:00:00Z");
      g_list_store_append (store, o);
    }

  return store;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;

  test_util_init_environment ("bench-reminders");
  test_util_use_time_zone ("Europe/Berlin");
  g_autoptr(GDateTime) late = test_util_time ("2026-03-05T10:00:00Z");
  g_autoptr(GDateTime) later = test_util_time ("2026-03-06T10:00:00Z");

  gint64 start = g_get_monotonic_time ();
  g_autoptr(ObjectorAuthorities) authorities = objector_authorities_load (&error);
  g_assert_no_error (error);
  printf ("authorities: load and validate %u records: %.2f ms\n",
          g_list_model_get_n_items (objector_authorities_get_all (authorities)), ms_since (start));

  start = g_get_monotonic_time ();
  g_autoptr(ObjectorComplaintTexts) texts = objector_complaint_texts_load (&error);
  g_assert_no_error (error);
  printf ("complaint texts: load and validate %u languages: %.2f ms\n",
          g_strv_length ((char **) objector_complaint_texts_get_languages (texts)), ms_since (start));

  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GListStore) objections = make_objections (sizes[s]);
      g_autoptr(ObjectorReminders) reminders = NULL;
      g_autoptr(GPtrArray) first = NULL;
      g_autoptr(GPtrArray) second = NULL;
      double compute_ms;
      double take_ms;
      double again_ms;
      guint n_due = 0;
      GStatBuf st;

      directory = test_util_make_dir ("reminders");
      reminders = objector_reminders_new (directory);

      start = g_get_monotonic_time ();
      for (guint r = 0; r < ROUNDS; r++)
        {
          g_autoptr(GPtrArray) due = objector_reminders_compute (G_LIST_MODEL (objections), late);

          n_due = due->len;
        }
      compute_ms = ms_since (start) / ROUNDS;

      start = g_get_monotonic_time ();
      first = objector_reminders_take (reminders, G_LIST_MODEL (objections), late, &error);
      g_assert_no_error (error);
      take_ms = ms_since (start);

      /* The common case: everything already given, nothing written. */
      start = g_get_monotonic_time ();
      second = objector_reminders_take (reminders, G_LIST_MODEL (objections), later, &error);
      g_assert_no_error (error);
      again_ms = ms_since (start);
      g_assert_cmpuint (second->len, ==, 0);

      g_stat (objector_reminders_get_filename (reminders), &st);
      printf ("reminders: %4u objections, %4u due: compute %.2f ms, take (write ledger) %.2f ms, "
              "take again (quiet) %.2f ms, ledger %lld bytes\n",
              sizes[s], n_due, compute_ms, take_ms, again_ms, (long long) st.st_size);

      test_util_rm_rf (directory);
      g_clear_pointer (&directory, g_free);
    }

  {
    g_autoptr(GListStore) objections = make_objections (1);
    g_autoptr(ObjectorObjection) o = g_list_model_get_item (G_LIST_MODEL (objections), 0);
    ObjectorAuthority *authority = objector_authorities_for_country (authorities, "DE", "Bayern", &error);
    gsize length = 0;

    g_assert_no_error (error);
    start = g_get_monotonic_time ();
    for (guint r = 0; r < ROUNDS * 10; r++)
      {
        g_autoptr(ObjectorComplaint) complaint =
          objector_complaint_new (texts, o, authority,
                                  objector_playbook_lookup_path (playbook, "facebook-objection"),
                                  "Bayern", NULL, late, &error);

        g_assert_no_error (error);
        length = strlen (objector_complaint_get_text (complaint));
      }
    printf ("complaint: write one (%" G_GSIZE_FORMAT " bytes of German): %.3f ms\n",
            length, ms_since (start) / (ROUNDS * 10));
  }

  test_util_clean_up ();
  return 0;
}

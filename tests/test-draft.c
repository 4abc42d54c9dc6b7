/* test-draft.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "objector-draft.h"
#include "objector-error.h"
#include "objector-test-util.h"

static char *
draft_file (void)
{
  g_autofree char *dir = test_util_data_dir ();

  return g_build_filename (dir, "wizard.json", NULL);
}

static void
test_round_trip (void)
{
  g_autoptr(ObjectorDraft) draft = objector_draft_new (NULL);
  g_autoptr(ObjectorDraft) again = objector_draft_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = draft_file ();
  const char *ids[] = { "a-1", "b-2", NULL };

  objector_draft_set_country (draft, "DE");
  objector_draft_set_region (draft, "Bayern");
  objector_draft_set_email (draft, "zoe@example.org");
  objector_draft_set_name (draft, "Zoë Müller");
  objector_draft_set_reason_kind (draft, "full");
  objector_draft_set_reason (draft, "Ich widerspreche.");
  objector_draft_set_page (draft, "details");
  objector_draft_add_account (draft, "facebook", "Zoë");
  objector_draft_add_account (draft, "instagram", "zoe_photos");
  objector_draft_add_account (draft, "facebook", "Work");
  objector_draft_set_account_label (draft, 2, "Büro");
  objector_draft_set_objections (draft, ids);
  g_assert_true (objector_draft_save (draft, &error));
  g_assert_no_error (error);

  test_util_assert_mode (file, 0600);

  g_assert_true (objector_draft_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (objector_draft_get_country (again), ==, "DE");
  g_assert_cmpstr (objector_draft_get_region (again), ==, "Bayern");
  g_assert_cmpstr (objector_draft_get_email (again), ==, "zoe@example.org");
  g_assert_cmpstr (objector_draft_get_name (again), ==, "Zoë Müller");
  g_assert_cmpstr (objector_draft_get_reason_kind (again), ==, "full");
  g_assert_cmpstr (objector_draft_get_reason (again), ==, "Ich widerspreche.");
  g_assert_cmpstr (objector_draft_get_page (again), ==, "details");
  g_assert_cmpuint (objector_draft_get_n_accounts (again), ==, 3);
  g_assert_cmpstr (objector_draft_get_account (again, 2)->label, ==, "Büro");
  g_assert_cmpuint (objector_draft_count_platform (again, "facebook"), ==, 2);
  g_assert_cmpuint (objector_draft_count_platform (again, "instagram"), ==, 1);
  g_assert_true (g_strv_equal (objector_draft_get_objections (again), ids));

  objector_draft_remove_account (again, 0);
  g_assert_cmpuint (objector_draft_count_platform (again, "facebook"), ==, 1);

  objector_draft_reset (again);
  g_assert_null (objector_draft_get_country (again));
  g_assert_null (objector_draft_get_name (again));
  g_assert_cmpstr (objector_draft_get_reason_kind (again), ==, "short");
  g_assert_cmpuint (objector_draft_get_n_accounts (again), ==, 0);
  g_assert_null (objector_draft_get_objections (again)[0]);
}

static void
count_cb (ObjectorDraft *draft,
          guint         *count)
{
  (*count)++;
}

static void
test_changed_only_on_change (void)
{
  g_autoptr(ObjectorDraft) draft = objector_draft_new (NULL);
  guint changes = 0;

  g_signal_connect (draft, "changed", G_CALLBACK (count_cb), &changes);
  objector_draft_set_country (draft, "FR");
  objector_draft_set_country (draft, "FR");
  objector_draft_set_finished (draft, FALSE);
  objector_draft_set_no_account (draft, TRUE);
  g_assert_cmpuint (changes, ==, 2);
}

static void
test_missing_and_damaged (void)
{
  g_autoptr(ObjectorDraft) draft = objector_draft_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = draft_file ();

  g_unlink (file);
  g_assert_true (objector_draft_load (draft, &error));
  g_assert_no_error (error);
  g_assert_null (objector_draft_get_country (draft));

  g_free (test_util_write_file (file, "{\"country\": \"DE\", ", -1));
  /* A reader that changes nothing leaves the damaged file where it is. */
  g_assert_false (objector_draft_load_read_only (draft, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  test_util_assert_lacks (error->message, ".damaged-");
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_null (objector_draft_get_country (draft));
  g_clear_error (&error);

  g_assert_false (objector_draft_load (draft, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  test_util_assert_contains (error->message, "your objections are not affected");
  test_util_assert_contains (error->message, ".damaged-");
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_null (objector_draft_get_country (draft));

  /* Wrong types are ignored member by member, not fatal. */
  g_clear_error (&error);
  g_file_set_contents (file, "{\"country\": 5, \"email\": \"a@example.org\", \"accounts\": [1, {\"platform\": \"myspace\"}, {\"platform\": \"instagram\"}], \"objections\": [\"x\", 3]}", -1, NULL);
  g_assert_true (objector_draft_load (draft, &error));
  g_assert_no_error (error);
  g_assert_null (objector_draft_get_country (draft));
  g_assert_cmpstr (objector_draft_get_email (draft), ==, "a@example.org");
  g_assert_cmpuint (objector_draft_get_n_accounts (draft), ==, 1);
  g_assert_cmpstr (objector_draft_get_account (draft, 0)->label, ==, "");
  g_assert_cmpstr (objector_draft_get_objections (draft)[0], ==, "x");
  g_assert_null (objector_draft_get_objections (draft)[1]);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "draft");

  g_test_add_func ("/draft/round-trip", test_round_trip);
  g_test_add_func ("/draft/changed-only-on-change", test_changed_only_on_change);
  g_test_add_func ("/draft/missing-and-damaged", test_missing_and_damaged);

  return test_util_run_tests ();
}

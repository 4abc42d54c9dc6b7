/* test-store.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-store.h"
#include "objector-test-util.h"

static ObjectorStore *
loaded_store (void)
{
  ObjectorStore *store = objector_store_new (NULL);
  g_autoptr(GError) error = NULL;

  objector_store_load (store, &error);
  g_assert_no_error (error);
  return store;
}

static ObjectorObjection *
add_objection (ObjectorStore *store,
               const char    *email)
{
  g_autoptr(ObjectorObjection) o = test_util_objection_at ("facebook-objection", "DE", TEST_UTIL_NOW,
                                                          OBJECTOR_EVENT_COMPLETE_DETAILS, TEST_UTIL_NOW, -1);
  g_autoptr(GError) error = NULL;

  objector_objection_set_email (o, email);
  objector_store_add (store, o, &error);
  g_assert_no_error (error);
  return o;  /* the store holds a reference */
}

/* Adding a new objection to @store fails with @code, saying @in_message,
 * and leaves the @n_items it has. */
static void
assert_add_fails (ObjectorStore *store,
                  int            code,
                  const char    *in_message,
                  guint          n_items)
{
  g_autoptr(ObjectorObjection) o = objector_objection_new ("facebook-objection", "facebook", TRUE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (objector_store_add (store, o, &error));
  g_assert_error (error, OBJECTOR_ERROR, code);
  test_util_assert_contains (error->message, in_message);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_items);
}

static void
test_empty (void)
{
  g_autofree char *dir = test_util_data_dir ();

  test_util_reset_data ();
  g_autoptr(ObjectorStore) store = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == OBJECTOR_TYPE_OBJECTION);
  /* Reading creates nothing on disk. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  ObjectorObjection *first, *second;

  test_util_reset_data ();
  g_autoptr(ObjectorStore) store = loaded_store ();
  first = add_objection (store, "one@example.org");
  second = add_objection (store, "two@example.org");
  objector_objection_set_account (second, "Zoë Łukasiewicz 李小龍");

  g_assert_true (objector_store_apply (store, objector_objection_get_id (first),
                                       OBJECTOR_EVENT_OPEN_FORM, "first try", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (objector_objection_get_state (first), ==, OBJECTOR_STATE_FORM_OPENED);

  g_autoptr(ObjectorStore) again = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  g_autoptr(ObjectorObjection) reread = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_autoptr(JsonNode) a = objector_objection_to_json (first);
  g_autoptr(JsonNode) b = objector_objection_to_json (reread);
  g_assert_true (json_node_equal (a, b));
  g_assert_cmpint (objector_objection_get_state (reread), ==, OBJECTOR_STATE_FORM_OPENED);
}

static void
test_permissions (void)
{
  g_autofree char *dir = test_util_data_dir ();
  g_autofree char *file = test_util_store_file ();

  test_util_reset_data ();
  /* Even a folder that exists with loose permissions is made private. */
  g_mkdir_with_parents (dir, 0755);
  g_chmod (dir, 0755);

  g_autoptr(ObjectorStore) store = loaded_store ();
  add_objection (store, "one@example.org");

  test_util_assert_mode (file, 0600);
  test_util_assert_mode (dir, 0700);
}

static void
test_illegal_event_leaves_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = test_util_store_file ();

  test_util_reset_data ();
  g_autoptr(ObjectorStore) store = loaded_store ();
  ObjectorObjection *o = add_objection (store, "one@example.org");
  g_autofree char *before = test_util_read_file (file, NULL);

  g_assert_false (objector_store_apply (store, objector_objection_get_id (o),
                                        OBJECTOR_EVENT_LOG_APPROVAL, NULL, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
  g_assert_cmpstr (error->message, ==, "An objection that is “ready” cannot take the event “log-approval”");

  g_autofree char *after = test_util_read_file (file, NULL);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_READY);
}

static void
test_damaged (void)
{
  static const char garbage[] = "{\"format\": \"objector\", \"version\": 1, \"objections\": [ {\"id\": ";
  g_autoptr(GError) error = NULL;
  g_autofree char *file = test_util_store_file ();
  g_autofree char *dir = test_util_data_dir ();

  test_util_reset_data ();
  g_free (test_util_write_file (file, garbage, -1));

  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  g_assert_false (objector_store_load (store, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  g_test_message ("%s", error->message);
  test_util_assert_contains (error->message, "are damaged and could not be read");
  test_util_assert_contains (error->message, file);

  /* The damaged bytes are kept beside it, byte for byte, and named. */
  g_auto(GStrv) copies = test_util_damaged_copies ();
  g_assert_cmpuint (g_strv_length (copies), ==, 1);
  g_autofree char *kept_path = g_build_filename (dir, copies[0], NULL);
  test_util_assert_contains (error->message, kept_path);
  g_assert_cmpstr (objector_store_get_damaged_copy (store), ==, kept_path);
  g_autofree char *kept = test_util_read_file (kept_path, NULL);
  g_assert_cmpstr (kept, ==, garbage);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  /* The store goes on: new objections can be started. */
  g_clear_error (&error);
  add_objection (store, "new@example.org");
  g_autoptr(ObjectorStore) after = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 1);

  /* A second damaged file never overwrites the first copy. */
  g_free (test_util_write_file (file, "not json at all", -1));
  g_clear_object (&after);
  after = objector_store_new (NULL);
  g_assert_false (objector_store_load (after, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  g_strfreev (copies);
  copies = test_util_damaged_copies ();
  g_assert_cmpuint (g_strv_length (copies), ==, 2);
  g_free (kept);
  kept = test_util_read_file (kept_path, NULL);
  g_assert_cmpstr (kept, ==, garbage);
}

static void
test_damaged_kinds (void)
{
  const char *files[] = {
    "",
    "\xff\xfe\x00garbage",
    "[]",
    "{\"format\": \"something-else\", \"version\": 1, \"objections\": []}",
    "{\"format\": \"objector\", \"version\": \"one\", \"objections\": []}",
    "{\"format\": \"objector\", \"version\": 1, \"objections\": {}}",
  };
  const char *reasons[] = {
    "the file is empty",
    NULL,  /* json-glib's own words */
    "it does not hold Objector’s data",
    "it does not hold Objector’s data",
    "version: missing or not a positive whole number",
    "objections: missing or not a list",
  };
  g_autofree char *file = test_util_store_file ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(ObjectorStore) store = objector_store_new (NULL);
      g_autoptr(GError) error = NULL;

      test_util_reset_data ();
      g_free (test_util_write_file (file, files[i], i == 1 ? 10 : -1));
      g_assert_false (objector_store_load (store, &error));
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
      if (reasons[i] != NULL)
        test_util_assert_contains (error->message, reasons[i]);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
    }
}

/* One bad record among good ones: the good ones are kept and saved, the
 * whole original is set aside. */
static void
test_partly_damaged (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = test_util_store_file ();
  g_autofree char *dir = test_util_data_dir ();
  g_autofree char *broken = NULL;

  test_util_reset_data ();
  g_autoptr(ObjectorStore) store = loaded_store ();
  add_objection (store, "one@example.org");
  add_objection (store, "two@example.org");
  add_objection (store, "three@example.org");
  g_clear_object (&store);

  g_autofree char *original = test_util_read_file (file, NULL);
  /* Break the second record's state. */
  {
    char *first = strstr (original, "\"state\" : \"ready\"");
    char *second;

    g_assert_nonnull (first);
    second = strstr (first + 1, "\"state\" : \"ready\"");
    g_assert_nonnull (second);
    broken = g_strdup (original);
    memcpy (broken + (second - original), "\"state\" : \"rEady\"", strlen ("\"state\" : \"rEady\""));
  }
  g_free (test_util_write_file (file, broken, -1));

  store = objector_store_new (NULL);
  g_assert_false (objector_store_load (store, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  g_test_message ("%s", error->message);
  test_util_assert_contains (error->message, "1 of your 3 saved objections could not be read");
  test_util_assert_contains (error->message, "objections[1].state: unknown state “rEady”");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  g_auto(GStrv) copies = test_util_damaged_copies ();
  g_assert_cmpuint (g_strv_length (copies), ==, 1);
  g_autofree char *kept_path = g_build_filename (dir, copies[0], NULL);
  g_autofree char *kept = test_util_read_file (kept_path, NULL);
  g_assert_cmpstr (kept, ==, broken);

  /* The trusted two were saved: the next start reports nothing. */
  g_autoptr(ObjectorStore) reader = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reader)), ==, 2);
}

static void
test_newer_version (void)
{
  static const char newer[] =
    "{\"format\": \"objector\", \"version\": 7, \"objections\": ["
    " {\"id\": \"abc\", \"path\": \"facebook-objection\", \"platform\": \"facebook\","
    "  \"created\": \"2026-01-01T00:00:00Z\", \"state\": \"draft\", \"history\": [],"
    "  \"something_new\": {\"x\": 1}}]}";
  g_autoptr(GError) error = NULL;
  g_autofree char *file = test_util_store_file ();

  test_util_reset_data ();
  g_free (test_util_write_file (file, newer, -1));

  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  g_assert_true (objector_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (objector_store_get_read_only (store));
  test_util_assert_contains (objector_store_get_read_only_reason (store), "newer version of Objector (format 7");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  assert_add_fails (store, OBJECTOR_ERROR_STORE_READ_ONLY, "", 1);
  g_assert_false (objector_store_apply (store, "abc", OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY);

  g_autofree char *after = test_util_read_file (file, NULL);
  g_assert_cmpstr (after, ==, newer);
}

/* The GUI and the CLI each hold a store over the same file. */
static void
test_two_writers (void)
{
  g_autoptr(GError) error = NULL;
  ObjectorObjection *from_gui, *from_cli, *seen;

  test_util_reset_data ();
  g_autoptr(ObjectorStore) gui = loaded_store ();
  g_autoptr(ObjectorStore) cli = loaded_store ();

  from_gui = add_objection (gui, "gui@example.org");
  /* The CLI's store never saw it, yet adding keeps it. */
  from_cli = add_objection (cli, "cli@example.org");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cli)), ==, 2);

  /* The GUI changes its objection without rereading first: the CLI's survives. */
  g_assert_true (objector_store_apply (gui, objector_objection_get_id (from_gui),
                                       OBJECTOR_EVENT_OPEN_FORM, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gui)), ==, 2);

  /* The CLI applies an event to the GUI's objection; the GUI's object follows
   * on reload, keeping its identity. */
  g_assert_true (objector_store_apply (cli, objector_objection_get_id (from_gui),
                                       OBJECTOR_EVENT_SUBMIT, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (objector_store_reload (gui, &error));
  g_assert_no_error (error);
  g_assert_cmpint (objector_objection_get_state (from_gui), ==, OBJECTOR_STATE_SUBMITTED);

  seen = objector_store_lookup (gui, objector_objection_get_id (from_cli), &error);
  g_assert_no_error (error);
  g_assert_nonnull (seen);

  g_autoptr(ObjectorStore) check = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (check)), ==, 2);
}

static void
test_many_writers (void)
{
  enum { N_STORES = 4, N_EACH = 25 };
  ObjectorStore *stores[N_STORES];

  test_util_reset_data ();
  for (guint i = 0; i < N_STORES; i++)
    stores[i] = loaded_store ();

  /* Interleaved: every store writes after the others without rereading. */
  for (guint n = 0; n < N_EACH; n++)
    for (guint i = 0; i < N_STORES; i++)
      {
        g_autofree char *email = g_strdup_printf ("w%u-%u@example.org", i, n);
        add_objection (stores[i], email);
      }

  g_autoptr(ObjectorStore) check = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (check)), ==, N_STORES * N_EACH);

  for (guint i = 0; i < N_STORES; i++)
    g_object_unref (stores[i]);
}

static void
test_lookup (void)
{
  g_autoptr(GError) error = NULL;

  test_util_reset_data ();
  g_autoptr(ObjectorStore) store = loaded_store ();
  ObjectorObjection *o = add_objection (store, "one@example.org");
  add_objection (store, "two@example.org");
  const char *id = objector_objection_get_id (o);

  g_assert_true (objector_store_lookup (store, id, &error) == o);
  g_autofree char *prefix = g_strndup (id, 8);
  g_assert_true (objector_store_lookup (store, prefix, &error) == o);
  g_autofree char *upper = g_ascii_strup (prefix, -1);
  g_assert_true (objector_store_lookup (store, upper, &error) == o);
  g_assert_no_error (error);

  g_assert_null (objector_store_lookup (store, "zzzz", &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No saved objection has an id starting with “zzzz”");
  g_clear_error (&error);

  g_assert_null (objector_store_lookup (store, "", &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Ambiguous: with more than 16 ids, two share their first hex digit. */
  for (guint i = 0; i < 20; i++)
    add_objection (store, "more@example.org");
  {
    guint counts[256] = { 0 };
    char first[2] = { 0, 0 };

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
      {
        g_autoptr(ObjectorObjection) item = g_list_model_get_item (G_LIST_MODEL (store), i);
        guchar c = objector_objection_get_id (item)[0];

        if (++counts[c] == 2)
          first[0] = c;
      }
    g_assert_cmpint (first[0], !=, 0);
    g_assert_null (objector_store_lookup (store, first, &error));
    g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_AMBIGUOUS);
  }
}

static void
test_unwritable (void)
{
  g_autofree char *dir = test_util_data_dir ();
  g_autofree char *file = test_util_store_file ();

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores folder permissions");
      return;
    }

  test_util_reset_data ();
  g_autoptr(ObjectorStore) store = loaded_store ();
  add_objection (store, "one@example.org");
  g_autofree char *before = test_util_read_file (file, NULL);
  g_chmod (dir, 0500);

  assert_add_fails (store, OBJECTOR_ERROR_STORE_IO, "", 1);

  g_chmod (dir, 0700);
  g_autofree char *after = test_util_read_file (file, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* Whoever runs the tests, root included: a file where the folder should be. */
static void
test_folder_is_a_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_util_data_dir ();

  test_util_reset_data ();
  g_free (test_util_write_file (dir, "I am not a folder", -1));

  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  objector_store_load (store, &error);
  g_clear_error (&error);

  assert_add_fails (store, OBJECTOR_ERROR_STORE_IO, dir, 0);
  g_unlink (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "store");

  g_test_add_func ("/store/empty", test_empty);
  g_test_add_func ("/store/round-trip", test_round_trip);
  g_test_add_func ("/store/permissions", test_permissions);
  g_test_add_func ("/store/illegal-event-leaves-file", test_illegal_event_leaves_file);
  g_test_add_func ("/store/damaged", test_damaged);
  g_test_add_func ("/store/damaged-kinds", test_damaged_kinds);
  g_test_add_func ("/store/partly-damaged", test_partly_damaged);
  g_test_add_func ("/store/newer-version", test_newer_version);
  g_test_add_func ("/store/two-writers", test_two_writers);
  g_test_add_func ("/store/many-writers", test_many_writers);
  g_test_add_func ("/store/lookup", test_lookup);
  g_test_add_func ("/store/unwritable", test_unwritable);
  g_test_add_func ("/store/folder-is-a-file", test_folder_is_a_file);

  return test_util_run_tests ();
}

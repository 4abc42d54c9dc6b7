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

static char *
store_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "objector", NULL);
}

static char *
store_file (void)
{
  return g_build_filename (g_get_user_data_dir (), "objector", "objections.json", NULL);
}

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
  g_autoptr(ObjectorObjection) o = objector_objection_new ("facebook-objection", "facebook", TRUE, NULL);
  g_autoptr(GError) error = NULL;

  objector_objection_set_country (o, "DE");
  objector_objection_set_email (o, email);
  objector_objection_apply (o, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, NULL, &error);
  g_assert_no_error (error);
  objector_store_add (store, o, &error);
  g_assert_no_error (error);
  return o;  /* the store holds a reference */
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char **
damaged_copies (void)
{
  g_autofree char *dir = store_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, "objections.json.damaged-"))
      g_strv_builder_add (builder, name);

  return g_strv_builder_end (builder);
}

static void
remove_store (void)
{
  g_autofree char *dir = store_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_empty (void)
{
  g_autoptr(ObjectorStore) store = NULL;
  g_autofree char *dir = store_dir ();

  remove_store ();
  store = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == OBJECTOR_TYPE_OBJECTION);
  /* Reading creates nothing on disk. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static void
test_round_trip (void)
{
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(ObjectorStore) again = NULL;
  g_autoptr(ObjectorObjection) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  ObjectorObjection *first, *second;

  remove_store ();
  store = loaded_store ();
  first = add_objection (store, "one@example.org");
  second = add_objection (store, "two@example.org");
  objector_objection_set_account (second, "Zoë Łukasiewicz 李小龍");

  g_assert_true (objector_store_apply (store, objector_objection_get_id (first),
                                       OBJECTOR_EVENT_OPEN_FORM, "first try", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (objector_objection_get_state (first), ==, OBJECTOR_STATE_FORM_OPENED);

  again = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  reread = g_list_model_get_item (G_LIST_MODEL (again), 0);
  a = objector_objection_to_json (first);
  b = objector_objection_to_json (reread);
  g_assert_true (json_node_equal (a, b));
  g_assert_cmpint (objector_objection_get_state (reread), ==, OBJECTOR_STATE_FORM_OPENED);
}

static void
test_permissions (void)
{
  g_autoptr(ObjectorStore) store = NULL;
  g_autofree char *dir = store_dir ();
  g_autofree char *file = store_file ();
  GStatBuf st;

  remove_store ();
  /* Even a folder that exists with loose permissions is made private. */
  g_mkdir_with_parents (dir, 0755);
  g_chmod (dir, 0755);

  store = loaded_store ();
  add_objection (store, "one@example.org");

  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_illegal_event_leaves_file (void)
{
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = store_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ObjectorObjection *o;

  remove_store ();
  store = loaded_store ();
  o = add_objection (store, "one@example.org");
  before = read_file (file);

  g_assert_false (objector_store_apply (store, objector_objection_get_id (o),
                                        OBJECTOR_EVENT_LOG_APPROVAL, NULL, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
  g_assert_cmpstr (error->message, ==, "An objection that is “ready” cannot take the event “log-approval”");

  after = read_file (file);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_READY);
}

static void
test_damaged (void)
{
  static const char garbage[] = "{\"format\": \"objector\", \"version\": 1, \"objections\": [ {\"id\": ";
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(ObjectorStore) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = store_file ();
  g_autofree char *dir = store_dir ();
  g_autofree char *kept = NULL;
  g_autofree char *kept_path = NULL;
  g_auto(GStrv) copies = NULL;

  remove_store ();
  write_file (file, garbage);

  store = objector_store_new (NULL);
  g_assert_false (objector_store_load (store, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "are damaged and could not be read"));
  g_assert_nonnull (strstr (error->message, file));

  /* The damaged bytes are kept beside it, byte for byte, and named. */
  copies = damaged_copies ();
  g_assert_cmpuint (g_strv_length (copies), ==, 1);
  kept_path = g_build_filename (dir, copies[0], NULL);
  g_assert_nonnull (strstr (error->message, kept_path));
  g_assert_cmpstr (objector_store_get_damaged_copy (store), ==, kept_path);
  kept = read_file (kept_path);
  g_assert_cmpstr (kept, ==, garbage);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  /* The store goes on: new objections can be started. */
  g_clear_error (&error);
  add_objection (store, "new@example.org");
  after = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (after)), ==, 1);

  /* A second damaged file never overwrites the first copy. */
  write_file (file, "not json at all");
  g_clear_object (&after);
  after = objector_store_new (NULL);
  g_assert_false (objector_store_load (after, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  g_strfreev (copies);
  copies = damaged_copies ();
  g_assert_cmpuint (g_strv_length (copies), ==, 2);
  g_free (kept);
  kept = read_file (kept_path);
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
  g_autofree char *file = store_file ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(ObjectorStore) store = objector_store_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = store_dir ();

      remove_store ();
      g_mkdir_with_parents (dir, 0700);
      g_file_set_contents (file, files[i], i == 1 ? 10 : -1, NULL);
      g_assert_false (objector_store_load (store, &error));
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
      if (reasons[i] != NULL)
        g_assert_nonnull (strstr (error->message, reasons[i]));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
    }
}

/* One bad record among good ones: the good ones are kept and saved, the
 * whole original is set aside. */
static void
test_partly_damaged (void)
{
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(ObjectorStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = store_file ();
  g_autofree char *dir = store_dir ();
  g_autofree char *original = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_path = NULL;
  g_auto(GStrv) copies = NULL;

  remove_store ();
  store = loaded_store ();
  add_objection (store, "one@example.org");
  add_objection (store, "two@example.org");
  add_objection (store, "three@example.org");
  g_clear_object (&store);

  original = read_file (file);
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
  write_file (file, broken);

  store = objector_store_new (NULL);
  g_assert_false (objector_store_load (store, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "1 of your 3 saved objections could not be read"));
  g_assert_nonnull (strstr (error->message, "objections[1].state: unknown state “rEady”"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);

  copies = damaged_copies ();
  g_assert_cmpuint (g_strv_length (copies), ==, 1);
  kept_path = g_build_filename (dir, copies[0], NULL);
  kept = read_file (kept_path);
  g_assert_cmpstr (kept, ==, broken);

  /* The trusted two were saved: the next start reports nothing. */
  reader = loaded_store ();
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
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = store_file ();
  g_autofree char *after = NULL;
  g_autoptr(ObjectorObjection) o = NULL;

  remove_store ();
  write_file (file, newer);

  store = objector_store_new (NULL);
  g_assert_true (objector_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_true (objector_store_get_read_only (store));
  g_assert_nonnull (strstr (objector_store_get_read_only_reason (store), "newer version of Objector (format 7"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  o = objector_objection_new ("facebook-objection", "facebook", TRUE, NULL);
  g_assert_false (objector_store_add (store, o, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (objector_store_apply (store, "abc", OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_READ_ONLY);

  after = read_file (file);
  g_assert_cmpstr (after, ==, newer);
}

/* The GUI and the CLI each hold a store over the same file. */
static void
test_two_writers (void)
{
  g_autoptr(ObjectorStore) gui = NULL;
  g_autoptr(ObjectorStore) cli = NULL;
  g_autoptr(ObjectorStore) check = NULL;
  g_autoptr(GError) error = NULL;
  ObjectorObjection *from_gui, *from_cli, *seen;

  remove_store ();
  gui = loaded_store ();
  cli = loaded_store ();

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

  check = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (check)), ==, 2);
}

static void
test_many_writers (void)
{
  enum { N_STORES = 4, N_EACH = 25 };
  ObjectorStore *stores[N_STORES];
  g_autoptr(ObjectorStore) check = NULL;

  remove_store ();
  for (guint i = 0; i < N_STORES; i++)
    stores[i] = loaded_store ();

  /* Interleaved: every store writes after the others without rereading. */
  for (guint n = 0; n < N_EACH; n++)
    for (guint i = 0; i < N_STORES; i++)
      {
        g_autofree char *email = g_strdup_printf ("w%u-%u@example.org", i, n);
        add_objection (stores[i], email);
      }

  check = loaded_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (check)), ==, N_STORES * N_EACH);

  for (guint i = 0; i < N_STORES; i++)
    g_object_unref (stores[i]);
}

static void
test_lookup (void)
{
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *upper = NULL;
  ObjectorObjection *o;
  const char *id;

  remove_store ();
  store = loaded_store ();
  o = add_objection (store, "one@example.org");
  add_objection (store, "two@example.org");
  id = objector_objection_get_id (o);

  g_assert_true (objector_store_lookup (store, id, &error) == o);
  prefix = g_strndup (id, 8);
  g_assert_true (objector_store_lookup (store, prefix, &error) == o);
  upper = g_ascii_strup (prefix, -1);
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
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorObjection) o = NULL;
  g_autofree char *dir = store_dir ();
  g_autofree char *file = store_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores folder permissions");
      return;
    }

  remove_store ();
  store = loaded_store ();
  add_objection (store, "one@example.org");
  before = read_file (file);
  g_chmod (dir, 0500);

  o = objector_objection_new ("facebook-objection", "facebook", TRUE, NULL);
  g_assert_false (objector_store_add (store, o, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  g_chmod (dir, 0700);
  after = read_file (file);
  g_assert_cmpstr (before, ==, after);
}

/* Whoever runs the tests, root included: a file where the folder should be. */
static void
test_folder_is_a_file (void)
{
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorObjection) o = NULL;
  g_autofree char *dir = store_dir ();

  remove_store ();
  write_file (dir, "I am not a folder");

  store = objector_store_new (NULL);
  objector_store_load (store, &error);
  g_clear_error (&error);

  o = objector_objection_new ("facebook-objection", "facebook", TRUE, NULL);
  g_assert_false (objector_store_add (store, o, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_unlink (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

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

  return g_test_run ();
}

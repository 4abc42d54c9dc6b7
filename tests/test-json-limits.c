/* test-json-limits.c — nesting and size limits on every JSON file Objector reads
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib 1.6 parses lists and objects by recursion: 80,000 "[" in a file
 * once overflowed the stack of every command and of the app. Each reader is
 * given such files (80,000 and 100,000 levels, of "[" and of {"a": …}) and
 * must answer with a message, never crash; brackets inside strings and
 * comments are not nesting and must still load.
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "objector-authorities.h"
#include "objector-complaint.h"
#include "objector-draft.h"
#include "objector-error.h"
#include "objector-json.h"
#include "objector-net-private.h"
#include "objector-playbook.h"
#include "objector-reminders.h"
#include "objector-store.h"
#include "objector-test-util.h"

/* What every reader is given: 80,000 and 100,000 levels, of lists and of
 * objects. */
typedef struct
{
  guint    depth;
  gboolean objects;
} TooDeep;

static const TooDeep too_deep[] = {
  { 80000, FALSE }, { 80000, TRUE }, { 100000, FALSE }, { 100000, TRUE },
};

/* Nesting of @depth levels: "[[[…" or {"a": {"a": …, closed or not. */
static char *
nested (guint    depth,
        gboolean objects,
        gboolean closed)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, objects ? "{\"a\": " : "[");
  if (closed)
    {
      g_string_append (text, "1");
      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, objects ? '}' : ']');
    }
  return g_string_free (text, FALSE);
}

/* too_deep[@i] as text: opened, never closed. */
static char *
too_deep_text (guint i)
{
  return nested (too_deep[i].depth, too_deep[i].objects, FALSE);
}

static void
write_private (const char *path,
               const char *contents,
               gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (path, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

/* Every file in @dir whose name starts with @prefix. */
static guint
count_files (const char *dir,
             const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      n++;
  return n;
}

/* The scan itself */

static void
test_depth_scan (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at_limit = nested (OBJECTOR_JSON_MAX_DEPTH, FALSE, TRUE);
  g_autofree char *over = nested (OBJECTOR_JSON_MAX_DEPTH + 1, FALSE, TRUE);
  g_autofree char *objects = nested (OBJECTOR_JSON_MAX_DEPTH + 1, TRUE, TRUE);
  g_autofree char *deep = nested (100000, FALSE, FALSE);

  g_assert_true (objector_json_check_depth (at_limit, strlen (at_limit), OBJECTOR_JSON_MAX_DEPTH, &error));
  g_assert_no_error (error);

  g_assert_false (objector_json_check_depth (over, strlen (over), OBJECTOR_JSON_MAX_DEPTH, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "lists and objects nested more than 64 deep (at byte 65), which no valid file is");
  g_clear_error (&error);

  g_assert_false (objector_json_check_depth (objects, strlen (objects), OBJECTOR_JSON_MAX_DEPTH, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Side by side is not nested: a long list of lists is fine. */
  {
    g_autoptr(GString) flat = g_string_new ("[");

    for (guint i = 0; i < 100000; i++)
      g_string_append (flat, i == 0 ? "[]" : ",[]");
    g_string_append (flat, "]");
    g_assert_true (objector_json_check_depth (flat->str, flat->len, OBJECTOR_JSON_MAX_DEPTH, &error));
    g_assert_no_error (error);
  }

  /* Brackets inside strings (with escaped quotes), single-quoted strings and
   * comments are what json-glib 1.6 reads them as: no nesting. */
  g_autofree char *in_string = g_strdup_printf ("{\"note\": \"\\\"%s\\\\\", \"b\": '%s', /* %s */ \"c\": / %s / 1}",
                                                deep, deep, deep, deep);
  g_assert_true (objector_json_check_depth (in_string, strlen (in_string), OBJECTOR_JSON_MAX_DEPTH, &error));
  g_assert_no_error (error);

  /* …and json-glib agrees: it parses without recursing. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (objector_json_load (parser, in_string, strlen (in_string), G_MAXSIZE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (strlen (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                             "note")), ==, 100000 + 2);
  }

  /* A quote escaped inside a string does not end it; after the string ends,
   * brackets count again. */
  {
    g_autofree char *after = g_strdup_printf ("[\"\\\"]\", %s", deep);

    g_assert_false (objector_json_check_depth (after, strlen (after), OBJECTOR_JSON_MAX_DEPTH, &error));
    g_clear_error (&error);
  }

  /* Closing more than was opened never goes below zero. */
  {
    g_autofree char *closers = g_strconcat ("]]]]]]]]]]", over, NULL);

    g_assert_false (objector_json_check_depth (closers, strlen (closers), OBJECTOR_JSON_MAX_DEPTH, &error));
    g_clear_error (&error);
  }
}

static void
test_size_limit (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file = test_util_write_file ("eleven.json", "[1, 2, 3, 4]", -1);

  g_assert_false (objector_json_load (parser, "[1, 2, 3]", 9, 8, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "larger than 8 bytes, the most this file may be");
  g_clear_error (&error);

  g_autoptr(GBytes) bytes = objector_json_read_file (file, 11, &error);
  g_assert_null (bytes);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA);
  g_clear_error (&error);
  bytes = objector_json_read_file (file, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 12);
  g_clear_pointer (&bytes, g_bytes_unref);

  /* A FIFO where a file should be: refused at once, never waited on. */
  {
    g_autofree char *fifo = g_build_filename (test_util_root (), "fifo.json", NULL);

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    bytes = objector_json_read_file (fifo, 1024, &error);
    g_assert_null (bytes);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
    g_clear_error (&error);
  }

  bytes = objector_json_read_file ("/nonexistent/x.json", 1024, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* The store: moved aside like any damaged store, with a message */

static void
assert_store_set_aside (const char *contents,
                        gsize       length,
                        const char *words)
{
  g_autofree char *file = test_util_store_file ();
  g_autofree char *dir = test_util_data_dir ();
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  g_autoptr(ObjectorStore) again = objector_store_new (NULL);
  g_autoptr(GError) error = NULL;

  test_util_reset_data ();
  write_private (file, contents, length);

  g_assert_false (objector_store_load (store, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  test_util_assert_contains (error->message, words);
  test_util_assert_contains (error->message, "The damaged file was kept as");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir, "objections.json.damaged-"), ==, 1);
  g_clear_error (&error);

  /* Every byte kept, and the next start is clean. */
  g_assert_true (objector_store_load (again, &error));
  g_assert_no_error (error);
}

static void
test_store (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (too_deep); i++)
    {
      g_autofree char *deep = too_deep_text (i);
      g_autofree char *inside = NULL;

      g_test_message ("%u levels of %s", too_deep[i].depth, too_deep[i].objects ? "objects" : "lists");
      assert_store_set_aside (deep, strlen (deep), "nested more than 64 deep");

      /* Inside the list of objections, after a valid beginning. */
      inside = g_strconcat ("{\"format\": \"objector\", \"version\": 1, \"objections\": [", deep, NULL);
      assert_store_set_aside (inside, strlen (inside), "nested more than 64 deep");
    }
}

/* A note full of brackets is text, and loads. */
static void
test_store_brackets_in_text (void)
{
  g_autofree char *file = test_util_store_file ();
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  g_autoptr(ObjectorStore) reread = objector_store_new (NULL);
  g_autoptr(ObjectorObjection) o = objector_objection_new ("third-party", "none", FALSE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strnfill (100000, '[');
  g_autofree char *curly = g_strnfill (100000, '{');
  g_autofree char *both = g_strconcat (note, curly, "\"'/", NULL);

  test_util_reset_data ();
  g_assert_true (objector_store_load (store, &error));
  objector_objection_set_email (o, "zoe@example.org");
  g_assert_true (objector_objection_apply (o, OBJECTOR_EVENT_COMPLETE_DETAILS, both, NULL, &error));
  g_assert_true (objector_store_add (store, o, &error));
  g_assert_no_error (error);

  g_assert_true (objector_store_load (reread, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  ObjectorObjection *back = g_list_model_get_item (G_LIST_MODEL (reread), 0);
  ObjectorTransition *t = g_ptr_array_index (objector_objection_get_history (back), 0);
  g_assert_cmpstr (t->note, ==, both);
  g_object_unref (back);
}

static void
test_store_size (void)
{
  g_autofree char *file = test_util_store_file ();
  g_autofree char *dir = test_util_data_dir ();
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  g_autoptr(GError) error = NULL;

  /* 65 MiB without writing them: a sparse file. Refused before reading. */
  test_util_reset_data ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  int fd = g_open (file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 65 * 1024 * 1024), ==, 0);
  close (fd);

  g_assert_false (objector_store_load (store, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
  test_util_assert_contains (error->message, "larger than 64 MiB, the most this file may be");
  g_assert_cmpuint (count_files (dir, "objections.json.damaged-"), ==, 1);
}

/* The command line: a message, exit 1, never a crash; then it goes on. */
static void
test_cli_store (void)
{
  g_autofree char *file = test_util_store_file ();

  for (guint i = 0; i < G_N_ELEMENTS (too_deep); i++)
    {
      g_autofree char *deep = too_deep_text (i);
      g_auto(TestRun) status = { 0 };
      g_auto(TestRun) after = { 0 };
      g_auto(TestRun) start = { 0 };

      test_util_reset_data ();
      write_private (file, deep, -1);
      TEST_RUN (&status, "status");
      g_assert_cmpint (status.status, ==, 1);
      test_util_assert_contains (status.err, "objector: Your saved objections in");
      test_util_assert_contains (status.err, "nested more than 64 deep");
      test_util_assert_contains (status.err, "The damaged file was kept as");

      TEST_RUN (&after, "status", "--json");
      g_assert_cmpint (after.status, ==, 0);
      g_assert_cmpstr (g_strstrip (after.out), ==, "[]");

      /* The same through a command that writes. */
      write_private (file, deep, -1);
      TEST_RUN (&start, "start", "third-party", "--country", "BR", "--email", "zoe@example.org");
      g_assert_cmpint (start.status, ==, 1);
      test_util_assert_contains (start.err, "nested more than 64 deep");
    }
}

/* The wizard's place, the reminders ledger, the update state */

static void
test_draft (void)
{
  g_autofree char *dir = test_util_data_dir ();
  g_autofree char *file = g_build_filename (dir, "wizard.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (too_deep); i++)
    {
      g_autofree char *deep = too_deep_text (i);
      g_autoptr(ObjectorDraft) draft = objector_draft_new (NULL);
      g_autoptr(GError) error = NULL;

      test_util_reset_data ();
      write_private (file, deep, -1);
      g_assert_false (objector_draft_load (draft, &error));
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_DAMAGED);
      test_util_assert_contains (error->message, "your objections are not affected");
      g_assert_null (objector_draft_get_country (draft));
      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (count_files (dir, "wizard.json.damaged-"), ==, 1);
    }
}

static void
test_reminders (void)
{
  g_autofree char *dir = test_util_data_dir ();
  g_autofree char *file = g_build_filename (dir, "reminders.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (too_deep); i++)
    {
      g_autofree char *deep = too_deep_text (i);
      g_autoptr(ObjectorReminders) reminders = objector_reminders_new (NULL);
      g_autoptr(GListStore) none = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
      g_autoptr(GPtrArray) due = NULL;
      g_autoptr(GPtrArray) peeked = NULL;
      g_autoptr(GError) error = NULL;

      test_util_reset_data ();
      write_private (file, deep, -1);
      /* Forgotten, not fatal: at worst a reminder comes again. */
      peeked = objector_reminders_peek (reminders, G_LIST_MODEL (none), NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (peeked);
      due = objector_reminders_take (reminders, G_LIST_MODEL (none), NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (due);
      g_assert_cmpuint (due->len, ==, 0);
      g_assert_false (objector_reminders_was_given (reminders, "anything"));
    }
}

static void
update_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_update_state (void)
{
  g_autofree char *state = objector_net_dup_update_state_filename ();
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;

  /* A port nothing listens on: the update reads its state, then fails to connect. */
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%u/meta.json",
                                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)));
  g_socket_close (socket, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (too_deep); i++)
    {
      g_autofree char *deep = too_deep_text (i);
      g_autoptr(ObjectorNet) net = objector_net_new ();
      g_autoptr(ObjectorPlaybook) bundled = objector_playbook_new_bundled (&error);
      g_autoptr(ObjectorPlaybook) updated = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) update_error = NULL;

      g_assert_no_error (error);
      test_util_reset_data ();
      write_private (state, deep, -1);
      objector_net_update_playbook_async (net, url, bundled, NULL, update_cb, &result);
      test_util_wait_until (result != NULL);
      updated = objector_net_update_playbook_finish (net, result, NULL, &update_error);
      g_assert_null (updated);
      g_assert_error (update_error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK);
    }
}

/* Playbooks: bundled data, --playbook, the user's copy */

static void
test_playbook (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (too_deep); i++)
    {
      g_autofree char *deep = too_deep_text (i);
      g_autofree char *user_file = objector_playbook_dup_user_filename ();
      g_autoptr(GBytes) bytes = g_bytes_new (deep, strlen (deep));
      g_autoptr(ObjectorPlaybook) playbook = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *file = test_util_write_file ("deep-playbook.json", deep, -1);
      g_autofree char *expected = g_strdup_printf ("“%s”: (root): lists and objects nested more than 64 deep "
                                                   "(at byte %u), which no valid file is",
                                                   file, too_deep[i].objects ? 6 * 64 + 1 : 65);
      g_auto(TestRun) run = { 0 };

      playbook = objector_playbook_new_from_bytes (bytes, NULL, &error);
      g_assert_null (playbook);
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK);
      test_util_assert_contains (error->message, "(root): lists and objects nested more than 64 deep");
      g_clear_error (&error);

      playbook = objector_playbook_new_from_file (file, &error);
      g_assert_null (playbook);
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);

      /* A deep "newer" copy in the data folder: ignored, the bundled one serves. */
      test_util_reset_data ();
      write_private (user_file, deep, -1);
      playbook = objector_playbook_load_default (NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (objector_playbook_get_origin (playbook), ==, "bundled");

      TEST_RUN (&run, "paths", "--playbook", file);
      g_assert_cmpint (run.status, ==, 1);
      test_util_assert_contains (run.err, "nested more than 64 deep");
    }
}

static void
test_bundled_data (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (too_deep); i++)
    {
      g_autofree char *deep = too_deep_text (i);
      g_autoptr(GBytes) bytes = g_bytes_new (deep, strlen (deep));
      g_autoptr(ObjectorAuthorities) authorities = NULL;
      g_autoptr(ObjectorComplaintTexts) texts = NULL;
      g_autoptr(GError) error = NULL;

      authorities = objector_authorities_new_from_bytes (bytes, &error);
      g_assert_null (authorities);
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA);
      test_util_assert_contains (error->message, "(root): lists and objects nested more than 64 deep");
      g_clear_error (&error);

      texts = objector_complaint_texts_new_from_bytes (bytes, &error);
      g_assert_null (texts);
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA);
      test_util_assert_contains (error->message, "(root): lists and objects nested more than 64 deep");
    }
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "json-limits");

  g_test_add_func ("/json-limits/depth-scan", test_depth_scan);
  g_test_add_func ("/json-limits/size", test_size_limit);
  g_test_add_func ("/json-limits/store", test_store);
  g_test_add_func ("/json-limits/store-brackets-in-text", test_store_brackets_in_text);
  g_test_add_func ("/json-limits/store-size", test_store_size);
  g_test_add_func ("/json-limits/cli-store", test_cli_store);
  g_test_add_func ("/json-limits/draft", test_draft);
  g_test_add_func ("/json-limits/reminders", test_reminders);
  g_test_add_func ("/json-limits/update-state", test_update_state);
  g_test_add_func ("/json-limits/playbook", test_playbook);
  g_test_add_func ("/json-limits/bundled-data", test_bundled_data);

  return test_util_run_tests ();
}

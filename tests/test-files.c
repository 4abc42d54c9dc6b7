/* test-files.c — saving and reading the person's files: links, pipes, devices
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-files.h"
#include "objector-json.h"
#include "objector-test-util.h"

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static int
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_write_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_util_make_dir ("private/inner");
  g_autofree char *file = g_build_filename (dir, "data.json", NULL);

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (objector_files_write_private (file, "one", 3, &error));
  g_assert_no_error (error);
  g_assert_true (objector_files_write_private (file, "two!", 4, &error));
  g_assert_no_error (error);
  g_autofree char *text = read_text (file);
  g_assert_cmpstr (text, ==, "two!");
  g_assert_cmpint (mode_of (file), ==, 0600);
  g_assert_cmpint (mode_of (dir), ==, 0700);
  /* Nothing left beside it. */
  g_assert_cmpuint (count_entries (dir), ==, 1);
}

/* A store the person keeps elsewhere through a link: written through the
 * link, which stays. */
static void
test_write_through_link (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_util_make_dir ("linked");
  g_autofree char *elsewhere = test_util_make_dir ("elsewhere");
  g_autofree char *real = g_build_filename (elsewhere, "real.json", NULL);
  g_autofree char *link = g_build_filename (dir, "data.json", NULL);
  GStatBuf st;

  g_assert_cmpint (symlink ("../elsewhere/real.json", link), ==, 0);

  /* The target does not exist yet, then it does. */
  for (guint i = 0; i < 2; i++)
    {
      const char *text_i = i == 0 ? "first" : "second";

      g_assert_true (objector_files_write_private (link, text_i, strlen (text_i), &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_lstat (link, &st), ==, 0);
      g_assert_true (S_ISLNK (st.st_mode));
    }
  g_autofree char *text = read_text (real);
  g_assert_cmpstr (text, ==, "second");
  g_autofree char *target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "../elsewhere/real.json");
}

static void
test_refused_targets (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_util_make_dir ("refused");
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *loop1 = g_build_filename (dir, "loop1", NULL);
  g_autofree char *loop2 = g_build_filename (dir, "loop2", NULL);
  g_autofree char *to_fifo = g_build_filename (dir, "to-pipe.json", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("pipe.json", to_fifo), ==, 0);
  g_assert_cmpint (symlink ("loop2", loop1), ==, 0);
  g_assert_cmpint (symlink ("loop1", loop2), ==, 0);

  /* A pipe is neither replaced nor waited on. */
  g_assert_false (objector_files_write_private (fifo, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  test_util_assert_contains (error->message, "is not a regular file");
  g_clear_error (&error);
  g_assert_false (objector_files_write_private (to_fifo, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);
  g_assert_null (objector_json_read_file (fifo, 1024, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  g_assert_false (objector_files_write_private (loop1, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP);
  test_util_assert_contains (error->message, "too many links");
  g_clear_error (&error);

  g_assert_null (objector_json_read_file ("/dev/zero", 1024, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
}

/* The lock file is never followed through a link. */
static void
test_lock_link (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_util_make_dir ("lock");
  g_autofree char *lock = g_build_filename (dir, "x.lock", NULL);
  g_autofree char *victim = g_build_filename (dir, "victim", NULL);

  g_assert_cmpint (symlink ("victim", lock), ==, 0);
  int fd = objector_files_lock (lock, &error);
  g_assert_cmpint (fd, ==, -1);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO);
  test_util_assert_contains (error->message, "it is a link");
  g_assert_false (g_file_test (victim, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (lock), ==, 0);
  fd = objector_files_lock (lock, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (mode_of (lock), ==, 0600);
  close (fd);
}

/* The same through the command line: the store behind a link, a pipe where
 * the store should be, a PDF sent to a device or a pipe. */
static void
test_cli_store_link (void)
{
  g_autofree char *store = test_util_store_file ();
  g_autofree char *elsewhere = test_util_make_dir ("cli-elsewhere");
  g_autofree char *real = g_build_filename (elsewhere, "objections.json", NULL);
  GStatBuf st;

  test_util_reset_data ();
  g_autofree char *first = test_util_cli_start ("third-party", "US");
  g_assert_cmpint (g_rename (store, real), ==, 0);
  g_assert_cmpint (symlink (real, store), ==, 0);

  g_autofree char *second = test_util_cli_start ("third-party", "US");
  g_assert_cmpint (g_lstat (store, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  /* Both there: the first through the link, the second written through it. */
  g_autoptr(JsonObject) status = test_util_cli_status_of (first);
  g_clear_pointer (&status, json_object_unref);
  status = test_util_cli_status_of (second);
  g_assert_cmpint (mode_of (real), ==, 0600);
  g_assert_cmpint (g_unlink (store), ==, 0);
}

static void
test_cli_store_pipe (void)
{
  g_autofree char *store = test_util_store_file ();
  g_autofree char *dir = test_util_data_dir ();
  g_auto(TestRun) status = { 0 };
  g_auto(TestRun) start = { 0 };

  test_util_reset_data ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (store, 0600), ==, 0);

  /* It would wait for ever for a writer if it opened the pipe plainly. */
  TEST_RUN (&status, "status");
  g_assert_cmpint (status.status, ==, 1);
  test_util_assert_contains (status.err, "is not a regular file");
  TEST_RUN (&start, "start", "third-party", "--country", "US", "--email", "zoe@example.org");
  g_assert_cmpint (start.status, ==, 1);

  /* Left as it was: not replaced by a file. */
  {
    GStatBuf st;

    g_assert_cmpint (g_lstat (store, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
  }
  test_util_reset_data ();
}

static void
test_cli_export_special (void)
{
  g_autofree char *dir = test_util_make_dir ("pdf");
  g_autofree char *link = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *real = g_build_filename (dir, "real.pdf", NULL);
  g_auto(TestRun) device = { 0 };
  g_auto(TestRun) linked = { 0 };
  GStatBuf st;

  test_util_reset_data ();
  g_autofree char *id = test_util_cli_start ("third-party", "US");

  TEST_RUN (&device, "export-pdf", "/dev/null");
  g_assert_cmpint (device.status, ==, 0);
  g_assert_cmpstr (device.out, ==, "");
  test_util_assert_contains (device.err, "“/dev/null” is a device, not a file: the summary was written to it, and no file was kept.");

  g_assert_cmpint (symlink ("real.pdf", link), ==, 0);
  TEST_RUN (&linked, "export-pdf", link);
  g_assert_cmpint (linked.status, ==, 0);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_size, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "files");

  g_test_add_func ("/files/write-private", test_write_private);
  g_test_add_func ("/files/write-through-link", test_write_through_link);
  g_test_add_func ("/files/refused-targets", test_refused_targets);
  g_test_add_func ("/files/lock-link", test_lock_link);
  g_test_add_func ("/files/cli/store-link", test_cli_store_link);
  g_test_add_func ("/files/cli/store-pipe", test_cli_store_pipe);
  g_test_add_func ("/files/cli/export-special", test_cli_export_special);

  return test_util_run_tests ();
}

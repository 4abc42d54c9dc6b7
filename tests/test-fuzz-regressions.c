/* test-fuzz-regressions.c — every fuzz seed and every input that once broke a promise
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs each fuzz target of tests/fuzz/objector-fuzz.c (the same code the
 * libFuzzer programs run) over the folders tests/fuzz/seeds.txt names and
 * over tests/data/fuzz-regressions/TARGET/, one test case per file. Under the
 * sanitizer build and valgrind this is where a fixed crash stays fixed.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "objector-fuzz.h"
#include "objector-test-util.h"

typedef struct
{
  const ObjectorFuzzTarget *target;
  char                     *filename;
} Input;

static void
input_free (gpointer data)
{
  Input *input = data;

  g_free (input->filename);
  g_free (input);
}

static void
test_input (gconstpointer data)
{
  const Input *input = data;
  gsize length;
  g_autofree char *contents = test_util_read_file (input->filename, &length);

  g_test_message ("%s ← %s (%zu bytes)", input->target->name, input->filename, length);

  /* The target aborts (g_error) on any broken promise. */
  input->target->func ((const guint8 *) contents, length);
}

static void
test_target_has_inputs (gconstpointer data)
{
  const guint *counts = data;
  guint n_targets;
  const ObjectorFuzzTarget *targets = objector_fuzz_get_targets (&n_targets);

  for (guint i = 0; i < n_targets; i++)
    {
      g_test_message ("%s: %u inputs", targets[i].name, counts[i]);
      if (counts[i] == 0)
        g_test_fail_printf ("The fuzz target “%s” has no input in the repository", targets[i].name);
    }
}

/* Adds one test case per regular file of @folder; returns how many. */
static guint
add_folder (const ObjectorFuzzTarget *target,
            const char               *source_root,
            const char               *folder)
{
  g_autofree char *path = g_build_filename (source_root, folder, NULL);
  g_auto(GStrv) names = test_util_list_dir (path, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *base = names[i];
      g_autofree char *filename = g_build_filename (path, base, NULL);
      g_autofree char *test_path = NULL;
      Input *input;

      if (!g_file_test (filename, G_FILE_TEST_IS_REGULAR))
        continue;

      input = g_new0 (Input, 1);
      input->target = target;
      input->filename = g_steal_pointer (&filename);
      test_path = g_strdup_printf ("/fuzz/%s/%s/%s", target->name, folder, base);
      g_test_add_data_func_full (test_path, input, test_input, input_free);
    }
  return g_strv_length (names);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *source_root = NULL;
  g_autofree char *seeds_file = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint counts[16] = { 0 };
  const ObjectorFuzzTarget *targets;
  guint n_targets;
  int status;

  /* The harness's clock, zone and locale; then, before anything asks GLib
   * where the data folder is, the targets' own private XDG folders. */
  test_util_init (&argc, &argv, "fuzz-regressions");
  objector_fuzz_setup ();

  targets = objector_fuzz_get_targets (&n_targets);
  g_assert_cmpuint (n_targets, <=, G_N_ELEMENTS (counts));

  source_root = g_test_build_filename (G_TEST_DIST, "..", NULL);
  seeds_file = g_build_filename (source_root, "tests", "fuzz", "seeds.txt", NULL);
  contents = test_util_read_file (seeds_file, NULL);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      const ObjectorFuzzTarget *target;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit_set (lines[i], " \t", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      target = objector_fuzz_lookup (fields[0]);
      if (target == NULL)
        g_error ("%s: “%s” is not a fuzz target", seeds_file, fields[0]);

      /* A folder outside the repository may be missing; one inside must not be. */
      if (!g_str_has_prefix (fields[1], "../"))
        {
          g_autofree char *path = g_build_filename (source_root, fields[1], NULL);

          if (!g_file_test (path, G_FILE_TEST_IS_DIR))
            g_error ("%s names a missing folder: %s", seeds_file, fields[1]);
          counts[target - targets] += add_folder (target, source_root, fields[1]);
        }
      else
        add_folder (target, source_root, fields[1]);
    }

  for (guint i = 0; i < n_targets; i++)
    {
      g_autofree char *folder = g_build_filename ("tests", "data", "fuzz-regressions",
                                                  targets[i].name, NULL);
      counts[i] += add_folder (&targets[i], source_root, folder);
    }

  g_test_add_data_func ("/fuzz/inputs", counts, test_target_has_inputs);

  status = test_util_run_tests ();
  objector_fuzz_teardown ();
  return status;
}

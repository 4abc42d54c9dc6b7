/* test-durability.c — SIGKILL at random moments never costs a saved change
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs 200 `objector start` and `objector mark` processes against one store,
 * one or two at a time, and kills about half of them with SIGKILL after a
 * random delay that spans a whole run (start-up, lock, reread, write, fsync,
 * rename). After every round the store must load as it is (no damaged copy
 * set aside, no read-only fallback, mode 0600), and it must hold every
 * change a process reported as saved: each id that `start` printed with exit
 * status 0, and each event that `mark` reported with exit status 0.
 *
 * The seed is fixed (OBJECTOR_DURABILITY_SEED overrides it to reproduce a
 * failure found with another); the whole test takes a few seconds.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "objector-store.h"

#define N_WRITES        200
#define DEFAULT_SEED    20260121
#define PATH_ID         "facebook-objection"

typedef struct
{
  GSubprocess *process;
  char        *id;          /* mark: the objection */
  gboolean     is_start;
  ObjectorEvent event;      /* mark: the event */
  gint64       kill_after;  /* microseconds after the spawn; -1: let it finish */
  gint64       spawned;
} Job;

typedef struct
{
  char       *dir;          /* the store's folder */
  GRand      *rand;
  GPtrArray  *reported_ids; /* of char*: what `start` said it saved */
  GHashTable *reported;     /* "ID EVENT" → count reported saved */
  guint       n_killed;     /* processes that died of SIGKILL */
  guint       n_saved;      /* processes that reported success */
  guint       n_refused;    /* exited non-zero: e.g. a mark that a racing mark made illegal */
  gint64      window;       /* how long one command takes, in µs */
} Fixture;

static const char *
binary (void)
{
  const char *path = g_getenv ("OBJECTOR_BINARY");

  g_assert_nonnull (path);
  return path;
}

static GSubprocess *
spawn (const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static char *
reported_key (const char    *id,
              ObjectorEvent  event)
{
  return g_strdup_printf ("%s %s", id, objector_event_to_string (event));
}

/* The event that moves an objection on, in a cycle that never ends. */
static gboolean
next_event (ObjectorState  state,
            ObjectorEvent *event)
{
  switch (state)
    {
    case OBJECTOR_STATE_READY:        *event = OBJECTOR_EVENT_OPEN_FORM; return TRUE;
    case OBJECTOR_STATE_FORM_OPENED:  *event = OBJECTOR_EVENT_SUBMIT; return TRUE;
    case OBJECTOR_STATE_SUBMITTED:    *event = OBJECTOR_EVENT_LOG_RECEIPT; return TRUE;
    case OBJECTOR_STATE_CONFIRMED:    *event = OBJECTOR_EVENT_LOG_RECEIPT; return TRUE;
    case OBJECTOR_STATE_ACKNOWLEDGED: *event = OBJECTOR_EVENT_LOG_REJECTION; return TRUE;
    case OBJECTOR_STATE_REJECTED:     *event = OBJECTOR_EVENT_RETRY; return TRUE;
    case OBJECTOR_STATE_DRAFT:
    case OBJECTOR_STATE_APPROVED:
    case OBJECTOR_STATE_ESCALATED:
    case OBJECTOR_STATE_WITHDRAWN:
    default:
      return FALSE;
    }
}

/* How many times @event appears in the history of @objection. */
static guint
count_event (ObjectorObjection *objection,
             ObjectorEvent      event)
{
  GPtrArray *history = objector_objection_get_history (objection);
  guint n = 0;

  for (guint i = 0; i < history->len; i++)
    if (((ObjectorTransition *) g_ptr_array_index (history, i))->event == event)
      n++;
  return n;
}

/* The store as the next process will find it: loadable, intact, complete. */
static ObjectorStore *
check_store (Fixture *fixture)
{
  g_autoptr(ObjectorStore) store = objector_store_new (fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *filename = g_build_filename (fixture->dir, "objections.json", NULL);
  GHashTableIter iter;
  gpointer key, value;
  const char *name;
  GStatBuf st;

  objector_store_load (store, &error);
  g_assert_no_error (error);
  g_assert_null (objector_store_get_damaged_copy (store));
  g_assert_false (objector_store_get_read_only (store));

  if (g_stat (filename, &st) == 0)
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".damaged-") != NULL)
      g_error ("A damaged copy was made: %s", name);

  for (guint i = 0; i < fixture->reported_ids->len; i++)
    {
      const char *id = g_ptr_array_index (fixture->reported_ids, i);

      if (objector_store_lookup (store, id, NULL) == NULL)
        g_error ("`objector start` reported %s as saved, but the store does not hold it", id);
    }

  g_hash_table_iter_init (&iter, fixture->reported);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, " ", 2);
      ObjectorObjection *objection = objector_store_lookup (store, parts[0], NULL);
      ObjectorEvent event;

      g_assert_nonnull (objection);
      g_assert_true (objector_event_from_string (parts[1], &event));
      if (count_event (objection, event) < GPOINTER_TO_UINT (value))
        g_error ("`objector mark %s %s` reported success %u times, but the history holds it %u times",
                 parts[0], parts[1], GPOINTER_TO_UINT (value), count_event (objection, event));
    }

  return g_steal_pointer (&store);
}

static Job *
job_new (Fixture       *fixture,
         ObjectorStore *store)
{
  Job *job = g_new0 (Job, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  job->kill_after = -1;
  if (g_rand_int_range (fixture->rand, 0, 2) == 0)
    job->kill_after = g_rand_int_range (fixture->rand, 0, (gint32) fixture->window + 1);

  /* A third of the writes create, the rest move one along. */
  if (n > 0 && g_rand_int_range (fixture->rand, 0, 3) != 0)
    {
      g_autoptr(ObjectorObjection) objection =
        g_list_model_get_item (G_LIST_MODEL (store), g_rand_int_range (fixture->rand, 0, (gint32) n));

      if (next_event (objector_objection_get_state (objection), &job->event))
        {
          job->id = g_strdup (objector_objection_get_id (objection));
          job->spawned = g_get_monotonic_time ();
          job->process = spawn ((const char * const[]) {
            "mark", job->id, objector_event_to_string (job->event), "--note", "durability", NULL });
          return job;
        }
    }

  job->is_start = TRUE;
  job->spawned = g_get_monotonic_time ();
  job->process = spawn ((const char * const[]) {
    "start", PATH_ID, "--country", "DE", "--email", "durability@example.org", NULL });
  return job;
}

static void
job_finish (Fixture *fixture,
            Job     *job)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8 (job->process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_if_signaled (job->process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (job->process), ==, SIGKILL);
      fixture->n_killed++;
    }
  else if (g_subprocess_get_exit_status (job->process) != 0)
    {
      /* Refused, never half-done: a racing mark took the state first. */
      g_assert_true (g_str_has_prefix (err, "objector: "));
      fixture->n_refused++;
    }
  else if (job->is_start)
    {
      g_autofree char *id = g_strstrip (g_strdup (out));

      g_assert_cmpuint (strlen (id), ==, 36);
      g_ptr_array_add (fixture->reported_ids, g_steal_pointer (&id));
      fixture->n_saved++;
    }
  else
    {
      g_autofree char *key = reported_key (job->id, job->event);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->reported, key));

      g_assert_nonnull (strstr (out, "→"));
      g_hash_table_replace (fixture->reported, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
      fixture->n_saved++;
    }

  g_clear_object (&job->process);
  g_free (job->id);
  g_free (job);
}

/* How long one write takes from spawn to exit, so that kill delays span it all. */
static gint64
measure_window (Fixture *fixture)
{
  gint64 longest = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ObjectorStore) store = check_store (fixture);
      Job *job = job_new (fixture, store);
      gint64 start = job->spawned;

      job->kill_after = -1;
      g_subprocess_wait (job->process, NULL, NULL);
      longest = MAX (longest, g_get_monotonic_time () - start);
      job_finish (fixture, job);
    }
  return longest;
}

static void
test_sigkill (void)
{
  Fixture fixture = { 0 };
  const char *seed_text = g_getenv ("OBJECTOR_DURABILITY_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : DEFAULT_SEED;
  gint64 began = g_get_monotonic_time ();
  guint n_writes = 0;

  fixture.dir = g_build_filename (g_get_user_data_dir (), "objector", NULL);
  fixture.rand = g_rand_new_with_seed (seed);
  fixture.reported_ids = g_ptr_array_new_with_free_func (g_free);
  fixture.reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture.window = 20000;

  /* The delays are 0–20 ms, or longer if one write takes longer here
   * (a sanitizer build, a slow disk): a kill must be able to land anywhere. */
  fixture.window = MAX (fixture.window, measure_window (&fixture) * 6 / 5);
  n_writes = 3;
  g_test_message ("seed %u; kill delays 0–%.1f ms", seed, fixture.window / 1000.0);

  while (n_writes < N_WRITES)
    {
      g_autoptr(ObjectorStore) store = check_store (&fixture);
      Job *jobs[2] = { NULL, NULL };
      guint n_jobs = (N_WRITES - n_writes >= 2 && g_rand_int_range (fixture.rand, 0, 4) == 0) ? 2 : 1;

      for (guint j = 0; j < n_jobs; j++)
        jobs[j] = job_new (&fixture, store);

      /* Kill in the order the delays fall due. */
      for (;;)
        {
          Job *due = NULL;

          for (guint j = 0; j < n_jobs; j++)
            if (jobs[j]->kill_after >= 0
                && (due == NULL || jobs[j]->spawned + jobs[j]->kill_after < due->spawned + due->kill_after))
              due = jobs[j];
          if (due == NULL)
            break;

          {
            gint64 wait = due->spawned + due->kill_after - g_get_monotonic_time ();

            if (wait > 0)
              g_usleep (wait);
          }
          /* A process that already exited is not signalled (GSubprocess checks). */
          g_subprocess_send_signal (due->process, SIGKILL);
          due->kill_after = -1;
        }

      for (guint j = 0; j < n_jobs; j++)
        job_finish (&fixture, jobs[j]);
      n_writes += n_jobs;
    }

  {
    /* The last round, checked like every other. */
    g_autoptr(ObjectorStore) last = check_store (&fixture);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (last)), >=, fixture.reported_ids->len);
  }

  g_test_message ("%u writes in %.1f s: %u reported saved, %u killed, %u refused; "
                  "%u objections reported created",
                  n_writes, (g_get_monotonic_time () - began) / 1e6, fixture.n_saved,
                  fixture.n_killed, fixture.n_refused, fixture.reported_ids->len);

  /* The test means something only if both happened often. */
  g_assert_cmpuint (fixture.n_killed, >=, N_WRITES / 5);
  g_assert_cmpuint (fixture.n_saved, >=, N_WRITES / 5);
  g_assert_cmpuint (g_hash_table_size (fixture.reported), >, 0);

  g_rand_free (fixture.rand);
  g_ptr_array_unref (fixture.reported_ids);
  g_hash_table_unref (fixture.reported);
  g_free (fixture.dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("objector-durability-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  int status;

  /* Our own folders, set before GLib reads them (not G_TEST_OPTION_ISOLATE_DIRS,
   * whose bookkeeping valgrind reports as leaks in GLib 2.74). */
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/durability/sigkill", test_sigkill);
  status = g_test_run ();

  remove_tree (home);
  return status;
}

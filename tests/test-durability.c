/* test-durability.c — a change reported as saved survives SIGKILL at any moment
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two ways, neither of which depends on how fast the machine is:
 *
 * - At chosen points: `objector start` and `objector mark` kill themselves
 *   (OBJECTOR_TEST_CRASH_AT, see objector_files_crash_point()) at each step of
 *   a save — lock taken, temporary file created, written, synced, renamed,
 *   folder synced. The store must load as it is, hold every change reported
 *   before, and hold the killed change exactly when the kill came after the
 *   rename (all or nothing); the next save clears the temporary file left.
 *
 * - At random moments: 200 `start` and `mark` processes, one or two at a time,
 *   about half killed after a random delay spanning a whole run (the seed is
 *   fixed; OBJECTOR_DURABILITY_SEED reproduces another). After every round the
 *   store loads as it is and holds every change a process reported as saved.
 *   Where the kills land depends on the machine; what is asserted does not.
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "objector-store.h"
#include "objector-test-util.h"

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
  guint       n_spared;     /* processes no kill was meant for */
  gint64      window;       /* how long one command takes, in µs */
} Fixture;

static GSubprocess *
spawn (const char          *crash_at,
       const char * const  *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    test_util_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);

  if (crash_at != NULL)
    g_subprocess_launcher_setenv (launcher, "OBJECTOR_TEST_CRASH_AT", crash_at, TRUE);
  return test_util_spawn_with (launcher, args);
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

static guint
count_temporaries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".objections.json."))
      n++;
  return n;
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
  else
    fixture->n_spared++;

  /* A third of the writes create, the rest move one along. */
  if (n > 0 && g_rand_int_range (fixture->rand, 0, 3) != 0)
    {
      g_autoptr(ObjectorObjection) objection =
        g_list_model_get_item (G_LIST_MODEL (store), g_rand_int_range (fixture->rand, 0, (gint32) n));

      if (next_event (objector_objection_get_state (objection), &job->event))
        {
          job->id = g_strdup (objector_objection_get_id (objection));
          job->spawned = g_get_monotonic_time ();
          job->process = spawn (NULL, (const char * const[]) {
            "mark", job->id, objector_event_to_string (job->event), "--note", "durability", NULL });
          return job;
        }
    }

  job->is_start = TRUE;
  job->spawned = g_get_monotonic_time ();
  job->process = spawn (NULL, (const char * const[]) {
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
test_random_moments (void)
{
  Fixture fixture = { 0 };
  const char *seed_text = g_getenv ("OBJECTOR_DURABILITY_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : DEFAULT_SEED;
  gint64 began = g_get_monotonic_time ();
  guint n_writes = 0;
  gint64 measured;

  test_util_reset_data ();
  fixture.dir = test_util_data_dir ();
  fixture.rand = g_rand_new_with_seed (seed);
  fixture.reported_ids = g_ptr_array_new_with_free_func (g_free);
  fixture.reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture.window = 20000;

  /* The delays are 0–20 ms, or longer if one write takes longer here
   * (a sanitizer build, a slow disk): a kill must be able to land anywhere.
   * (Not inside MAX (), which would measure twice.) */
  measured = measure_window (&fixture) * 6 / 5;
  fixture.window = MAX (fixture.window, measured);
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
    /* The last round, checked like every other; then one more save clears
     * the temporary files the killed ones left. */
    g_autoptr(ObjectorStore) last = check_store (&fixture);
    g_autofree char *id = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (last)), >=, fixture.reported_ids->len);
    id = test_util_cli_start (PATH_ID, "DE");
    g_assert_cmpuint (count_temporaries (fixture.dir), ==, 0);
  }

  g_test_message ("%u writes in %.1f s: %u reported saved, %u killed, %u refused; "
                  "%u objections reported created",
                  n_writes, (g_get_monotonic_time () - began) / 1e6, fixture.n_saved,
                  fixture.n_killed, fixture.n_refused, fixture.reported_ids->len);

  /* Every process is accounted for; which of them a kill reached depends on
   * the machine, so no count of kills is asserted. */
  g_assert_cmpuint (fixture.n_saved + fixture.n_killed + fixture.n_refused, ==, n_writes);
  g_assert_cmpuint (fixture.n_saved, >=, fixture.n_spared - fixture.n_refused);

  g_rand_free (fixture.rand);
  g_ptr_array_unref (fixture.reported_ids);
  g_hash_table_unref (fixture.reported);
  g_free (fixture.dir);
}

/* At chosen points */

static const char * const points[] = {
  "locked", "temporary-created", "temporary-written", "temporary-synced", "renamed", "folder-synced",
};

/* Whether a kill at @point comes after the new file took the old one's name. */
static gboolean
point_is_after_rename (const char *point)
{
  return g_str_equal (point, "renamed") || g_str_equal (point, "folder-synced");
}

/* Runs @args killed at @point: it must die there, of SIGKILL. */
static void
run_killed_at (const char         *point,
               const char * const *args)
{
  g_autoptr(GSubprocess) process = spawn (point, args);
  g_autoptr(GError) error = NULL;

  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_signaled (process))
    g_error ("`objector %s` was to be killed at “%s” but exited with status %d: that point was never reached",
             args[0], point, g_subprocess_get_exit_status (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
}

static void
test_crash_point (gconstpointer data)
{
  const char *point = data;
  gboolean after = point_is_after_rename (point);
  g_autofree char *id = NULL;
  g_autofree char *dir = test_util_data_dir ();
  Fixture fixture = { 0 };
  ObjectorObjection *objection;

  test_util_reset_data ();
  fixture.dir = dir;
  fixture.reported_ids = g_ptr_array_new_with_free_func (g_free);
  fixture.reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* What was reported saved before. */
  id = test_util_cli_start (PATH_ID, "DE");
  g_ptr_array_add (fixture.reported_ids, g_strdup (id));
  {
    g_auto(TestRun) open = { 0 };

    TEST_RUN (&open, "mark", id, "open-form");
    g_assert_cmpint (open.status, ==, 0);
    g_hash_table_replace (fixture.reported, reported_key (id, OBJECTOR_EVENT_OPEN_FORM), GUINT_TO_POINTER (1));
  }

  /* A new objection, killed at @point: all of it or none of it. */
  run_killed_at (point, (const char * const[]) {
    "start", PATH_ID, "--country", "DE", "--email", "killed@example.org", NULL });
  {
    g_autoptr(ObjectorStore) store = check_store (&fixture);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, after ? 2 : 1);
  }

  /* A step, killed at @point: recorded whole or not at all. */
  run_killed_at (point, (const char * const[]) { "mark", id, "submit", NULL });
  {
    g_autoptr(ObjectorStore) store = check_store (&fixture);

    objection = objector_store_lookup (store, id, NULL);
    g_assert_nonnull (objection);
    g_assert_cmpint (objector_objection_get_state (objection), ==,
                     after ? OBJECTOR_STATE_SUBMITTED : OBJECTOR_STATE_FORM_OPENED);
    g_assert_cmpuint (count_event (objection, OBJECTOR_EVENT_SUBMIT), ==, after ? 1 : 0);
  }

  /* The next save works and clears what the killed ones left behind. */
  {
    g_auto(TestRun) again = { 0 };

    TEST_RUN (&again, "mark", id, after ? "log-receipt" : "submit");
    g_assert_cmpint (again.status, ==, 0);
    g_assert_cmpuint (count_temporaries (dir), ==, 0);
    g_object_unref (check_store (&fixture));
  }

  g_ptr_array_unref (fixture.reported_ids);
  g_hash_table_unref (fixture.reported);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "durability");

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autofree char *name = g_strdup_printf ("/durability/crash-at/%s", points[i]);

      g_test_add_data_func (name, points[i], test_crash_point);
    }
  g_test_add_func ("/durability/random-moments", test_random_moments);

  return test_util_run_tests ();
}

/* objector-test-util.h — the harness every test program shares
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test program calls test_util_init() first and returns test_util_run_tests().
 * In between it runs in folders of its own (HOME and the XDG folders), at a
 * fixed instant (TEST_UTIL_NOW, for itself and for every `objector` it starts),
 * in a fixed time zone (UTC) and locale (C.UTF-8), so its outcome does not
 * depend on the day, the machine, or the person running it. It waits on
 * conditions, never for a time.
 *
 * Also in the harness: objector-test-files.h (folders, GLib only, shared with
 * the fuzz targets) and objector-test-soup.h (HTTP servers on loopback).
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "objector-flow.h"
#include "objector-objection.h"
#include "objector-playbook.h"
#include "objector-store.h"
#include "objector-test-files.h"

G_BEGIN_DECLS

/* The instant tests run at: a few days before the fixture emails in
 * tests/data/mail (22 November to 17 December 2026), so objections created
 * "now" are older than Meta's answers to them. */
#define TEST_UTIL_NOW "2026-11-20T09:00:00Z"

/* How long a wait for a condition may take before the test fails. Long on
 * purpose: a wait ends as soon as its condition holds, so this only bounds a
 * test that is already broken, on however slow a machine. */
#define TEST_UTIL_WAIT_SECONDS 60

/* Set-up and the end of the run: test_util_init() is LC_ALL=C.UTF-8 (and no
 * LANGUAGE), test_util_init_environment() and g_test_init(); a program that
 * runs no GLib test (a benchmark) or needs another locale (test-wizard's
 * --dump-texts) calls test_util_init_environment() alone, which takes the
 * locale from the environment. test_util_run_tests() is g_test_run() and
 * test_util_clean_up(), which removes the folders (unless OBJECTOR_TEST_KEEP
 * is set, to look at them after a failure). test_util_root() is the private
 * folder itself. */
void        test_util_init            (int          *argc,
                                       char       ***argv,
                                       const char   *name);
void        test_util_init_environment (const char  *name);
int         test_util_run_tests       (void);
/* What test_util_run_tests() does when the tests have run, before it
 * removes the folders: @func (@data), the last added first (a server the
 * tests shared, stopped). */
void        test_util_at_end          (GDestroyNotify func,
                                       gpointer       data);
void        test_util_clean_up        (void);
const char *test_util_root            (void);

/* Table-driven tests: one test case "PREFIX/NAME" per element of @cases,
 * an array of structs that each begin with their name (a const char *),
 * run by @func with a pointer to the element. */
#define TEST_UTIL_ADD_CASES(prefix, cases, func) \
  test_util_add_cases ((prefix), (cases), sizeof (cases)[0], G_N_ELEMENTS (cases), (func))
void        test_util_add_cases       (const char    *prefix,
                                       gconstpointer  cases,
                                       gsize          size,
                                       guint          n_cases,
                                       GTestDataFunc  func);

/* Time. test_util_use_time_zone() sets the zone (a tz database name such as
 * "Europe/Berlin") for this process and every process it starts from then
 * on; due dates are calendar dates where the person lives. */
GDateTime  *test_util_time            (const char   *iso8601);
GDateTime  *test_util_now             (void);
void        test_util_pin_clock       (const char   *iso8601);
void        test_util_use_time_zone   (const char   *zone);

/* Files. test_util_make_dir() and test_util_write_file() work under the
 * private root ("files/NAME"), or at NAME itself when it is an absolute path;
 * either way they create the folders on the way (0700) and return the path.
 * test_util_read_file() fails the test when the file cannot be read;
 * test_util_assert_mode() when the permission bits of a file or folder are
 * not @mode (0600, 0700). test_util_rm_rf() and test_util_list_dir() are in
 * objector-test-files.h. */
char       *test_util_make_dir        (const char   *name);
char       *test_util_write_file      (const char   *name,
                                       const char   *contents,
                                       gssize        length);
char       *test_util_read_file       (const char   *path,
                                       gsize        *length);
#define test_util_assert_mode(path, mode) \
  test_util_assert_mode_impl (__FILE__, __LINE__, (path), (mode))
void        test_util_assert_mode_impl (const char  *file,
                                        int          line,
                                        const char  *path,
                                        guint        mode);

/* Fixtures: the path of tests/data/FIRST/…, and its contents. */
char       *test_util_data_path       (const char   *first,
                                       ...) G_GNUC_NULL_TERMINATED;
char       *test_util_read_data       (gsize        *length,
                                       const char   *first,
                                       ...) G_GNUC_NULL_TERMINATED;

/* Objector's data folder (XDG_DATA_HOME/objector), its objections.json,
 * and a data folder emptied (removed: the next save creates it again).
 * test_util_write_store() writes objections.json by hand, 0600 in a 0700
 * folder, from the JSON texts of its objections (a %NULL-terminated list),
 * as the store's format 1 holds them; test_util_damaged_copies() lists the
 * damaged files the store set aside beside it ("objections.json.damaged-…"). */
char       *test_util_store_file      (void);
char       *test_util_data_dir        (void);
void        test_util_reset_data      (void);
char       *test_util_write_store     (const char * const *objections);
char      **test_util_damaged_copies  (void);
/* The country and region (a Land, for Germany) the person chose in the app,
 * saved in the wizard's file as the window's wizard saves them. */
void        test_util_choose_region   (const char         *country,
                                       const char         *region);

/* JSON: a text that must parse; the bundled playbook (meta.json) as JSON, to
 * change before loading; a node as bytes, to load or serve. The bundled
 * playbook loaded, failing the test if it does not load. */
JsonNode   *test_util_parse_json      (const char   *text);
JsonArray  *test_util_parse_array     (const char   *text);
JsonNode   *test_util_bundled_playbook_json (void);
GBytes     *test_util_json_bytes      (JsonNode     *node);
ObjectorPlaybook *test_util_bundled_playbook (void);

/* Text: @needle is in @haystack, or is not. */
#define test_util_assert_contains(haystack, needle) \
  test_util_assert_contains_impl (__FILE__, __LINE__, #haystack, (haystack), (needle), TRUE)
#define test_util_assert_lacks(haystack, needle) \
  test_util_assert_contains_impl (__FILE__, __LINE__, #haystack, (haystack), (needle), FALSE)
/* Each of the strings after @haystack is in it. */
#define test_util_assert_contains_all(haystack, ...) \
  test_util_assert_contains_all_impl (__FILE__, __LINE__, #haystack, (haystack), \
                                      (const char * const[]) { __VA_ARGS__, NULL })
void        test_util_assert_contains_impl (const char *file,
                                            int         line,
                                            const char *expression,
                                            const char *haystack,
                                            const char *needle,
                                            gboolean    wanted);
void        test_util_assert_contains_all_impl (const char         *file,
                                                int                 line,
                                                const char         *expression,
                                                const char         *haystack,
                                                const char * const *needles);

/* An error message is @expected; an @expected that ends in "…" need only
 * begin the message (for a library's own words after ours, which vary
 * between its versions). */
#define test_util_assert_message(message, expected) \
  test_util_assert_message_impl (__FILE__, __LINE__, (message), (expected))
void        test_util_assert_message_impl  (const char *file,
                                            int         line,
                                            const char *message,
                                            const char *expected);

/* The command line. Every run has no display, this program's folders, the
 * fixed locale, zone and instant; it is run while this process's main context
 * keeps turning, so a server of the test (a SoupServer) goes on answering. */
typedef struct
{
  int   status;   /* the exit status; -1 when a signal ended it */
  char *out;
  char *err;
} TestRun;

void                 test_run_clear       (TestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_run_clear)

/* test_util_spawn() starts `objector ARGS…` so (test_util_spawn_with() with
 * a launcher from test_util_launcher() the caller changed); test_util_run_wait() gives
 * its @input, collects its output into @run and waits for it to end (several
 * processes can be started before the first is waited for). */
const char          *test_util_binary     (void);
GSubprocessLauncher *test_util_launcher   (GSubprocessFlags     flags);
GSubprocess         *test_util_spawn      (GSubprocessFlags     flags,
                                           const char * const  *args);
GSubprocess         *test_util_spawn_with (GSubprocessLauncher *launcher,
                                           const char * const  *args);
void                 test_util_run_wait   (TestRun             *run,
                                           GSubprocess         *process,
                                           const char          *input);
void                 test_util_run_argv   (TestRun             *run,
                                           const char          *input,
                                           const char * const  *args);

#define TEST_RUN(run, ...) \
  test_util_run_argv ((run), NULL, (const char * const[]) { __VA_ARGS__, NULL })
#define TEST_RUN_INPUT(run, input, ...) \
  test_util_run_argv ((run), (input), (const char * const[]) { __VA_ARGS__, NULL })

/* Objections through the command line: `start` (zoe@example.org, and the
 * account's name when @account is not %NULL) and the steps to "submitted",
 * each returning the new id; an objection's object in `status --json`, and
 * the check of its state there. */
char       *test_util_cli_start       (const char   *path,
                                       const char   *country);
char       *test_util_cli_start_account (const char *path,
                                         const char *country,
                                         const char *account);
char       *test_util_cli_submitted   (const char   *path,
                                       const char   *country);
JsonObject *test_util_cli_status_of   (const char   *id);
/* The objection most mail tests log Meta's answers to, alone in an emptied
 * data folder: test_util_reset_data(), then test_util_cli_submitted
 * ("facebook-objection", "DE"). Returns its id; @shown, when not %NULL, is
 * set to the id as the command line shows it (its first 8 characters). */
char       *test_util_cli_fresh_objection (char      **shown);
#define test_util_cli_assert_state(id, state) \
  G_STMT_START { \
    g_autoptr(JsonObject) test_util_status_ = test_util_cli_status_of (id); \
    g_assert_cmpstr (json_object_get_string_member (test_util_status_, "state"), ==, (state)); \
  } G_STMT_END

/* Objections in this process, at given times, for zoe@example.org in
 * @country. The platform is the path's ("facebook-objection" → facebook;
 * any other path, such as "third-party", belongs to none).
 * test_util_objection_at() creates one at @created (with the code step that
 * the bundled playbook gives the path: every "*-objection" has one), then
 * applies each (ObjectorEvent, const char *iso8601) pair, up to -1;
 * test_util_objection_new() only creates it, with or without the code step;
 * test_util_apply_events() applies pairs as test_util_objection_at() does;
 * test_util_apply_at() one event, with its note. */
ObjectorObjection *test_util_objection_at (const char *path_id,
                                           const char *country,
                                           const char *created,
                                           ...);
ObjectorObjection *test_util_objection_new (const char *path_id,
                                            gboolean    code_step,
                                            const char *country,
                                            const char *created);
void        test_util_apply_events    (ObjectorObjection *objection,
                                       ...);
void        test_util_apply_at        (ObjectorObjection *objection,
                                       ObjectorEvent      event,
                                       const char        *note,
                                       const char        *iso8601);
/* A store in the folder @name (under the private root), loaded, holding
 * one Facebook objection (DE) created at TEST_UTIL_NOW and submitted five
 * minutes later; @id is set to its id. */
ObjectorStore *test_util_store_submitted (const char  *name,
                                          char       **id);

/* When Meta's answer is due, as "YYYY-MM-DD" (%NULL before a submission),
 * and whether it is overdue at @iso8601. */
char       *test_util_due_date        (ObjectorObjection *objection);
gboolean    test_util_overdue_at      (ObjectorObjection *objection,
                                       const char        *iso8601);
#define test_util_assert_due(objection, expected) \
  G_STMT_START { \
    g_autofree char *test_util_due_ = test_util_due_date (objection); \
    g_assert_cmpstr (test_util_due_, ==, (expected)); \
  } G_STMT_END

/* An email as the store keeps it (date, from, subject, kind, trusted), to
 * give test_util_add_email() after adding what else a test needs. */
JsonObject *test_util_email           (const char   *date,
                                       const char   *from,
                                       const char   *subject,
                                       const char   *kind,
                                       gboolean      trusted);
/* objector_objection_add_email() of a record of @email's members. */
gboolean    test_util_add_email       (ObjectorObjection *objection,
                                       JsonObject        *email);

/* Servers on loopback: a port nothing listens on (bound, then closed), and a
 * copy of tests/data/playbook/minimal.json named @name (under the private
 * root) whose path may be checked on 127.0.0.1: the path's form, alternative
 * form and overview links are the ones given (%NULL leaves the alternative
 * out); with @second_form, a second path "second-path" like it, with its own
 * form and overview. Returns the file's name. */
guint       test_util_closed_port     (void);
char       *test_util_loopback_playbook (const char *name,
                                         const char *form,
                                         const char *alternative,
                                         const char *overview,
                                         const char *second_form,
                                         const char *second_overview);

/* Waiting on conditions, never on time: turns the default main context until
 * @condition holds, and fails the test (naming @what) if it has not after
 * TEST_UTIL_WAIT_SECONDS. For an asynchronous call, give
 * test_util_store_result_cb with the address of a GAsyncResult pointer
 * (%NULL first): test_util_wait_result() waits until the call has finished
 * and returns the result, which the pointer holds (a reference). */
typedef gboolean (*TestUtilCondition) (gpointer user_data);

void        test_util_wait_for        (const char        *what,
                                       TestUtilCondition  condition,
                                       gpointer           user_data);
#define test_util_wait_until(expression) \
  G_STMT_START { \
    gint64 test_util_deadline_ = test_util_wait_deadline (); \
    while (!(expression)) \
      test_util_wait_step (#expression, test_util_deadline_); \
  } G_STMT_END
gint64      test_util_wait_deadline   (void);
void        test_util_wait_step       (const char        *what,
                                       gint64             deadline);
void        test_util_store_result_cb (GObject           *source,
                                       GAsyncResult      *result,
                                       gpointer           user_data);
GAsyncResult *test_util_wait_result   (GAsyncResult     **result);

/* Flags that tests set from callbacks. */
void        test_util_set_true        (gpointer           flag);

G_END_DECLS

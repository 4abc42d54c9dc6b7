/* objector-test-util.h — the harness every test program shares
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test program calls test_util_init() first and returns test_util_run_tests().
 * In between it runs in folders of its own (HOME and the XDG folders), at a
 * fixed instant (TEST_UTIL_NOW, for itself and for every `objector` it starts),
 * in a fixed time zone (UTC) and locale (C.UTF-8), so its outcome does not
 * depend on the day, the machine, or the person running it.
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "objector-flow.h"
#include "objector-objection.h"

G_BEGIN_DECLS

/* The instant tests run at: a few days before the fixture emails in
 * tests/data/mail (22 November to 17 December 2026), so objections created
 * "now" are older than Meta's answers to them. */
#define TEST_UTIL_NOW "2026-11-20T09:00:00Z"

/* How long a wait for a condition may take before the test fails. Long on
 * purpose: a wait ends as soon as its condition holds, so this only bounds a
 * test that is already broken, on however slow a machine. */
#define TEST_UTIL_WAIT_SECONDS 60

/* Set-up and the end of the run: test_util_init() is
 * test_util_init_environment() and g_test_init(); test_util_run_tests() is
 * g_test_run() and test_util_clean_up(), which removes the folders (unless
 * OBJECTOR_TEST_KEEP is set, to look at them after a failure). */
void        test_util_init            (int          *argc,
                                       char       ***argv,
                                       const char   *name);
void        test_util_init_environment (const char  *name);
int         test_util_run_tests       (void);
void        test_util_clean_up        (void);
const char *test_util_root            (void);

/* Time. */
GDateTime  *test_util_time            (const char   *iso8601);
GDateTime  *test_util_now             (void);
void        test_util_pin_clock       (const char   *iso8601);

/* Files. */
void        test_util_rm_rf           (const char   *path);
char       *test_util_make_dir        (const char   *name);
char       *test_util_write_file      (const char   *name,
                                       const char   *contents,
                                       gssize        length);
char       *test_util_data_path       (const char   *first,
                                       ...) G_GNUC_NULL_TERMINATED;
char       *test_util_read_data       (gsize        *length,
                                       const char   *first,
                                       ...) G_GNUC_NULL_TERMINATED;
char       *test_util_store_file      (void);
char       *test_util_data_dir        (void);
void        test_util_reset_data      (void);
JsonNode   *test_util_parse_json      (const char   *text);
JsonArray  *test_util_parse_array     (const char   *text);

#define test_util_assert_contains(haystack, needle) \
  test_util_assert_contains_impl (__FILE__, __LINE__, #haystack, (haystack), (needle), TRUE)
#define test_util_assert_lacks(haystack, needle) \
  test_util_assert_contains_impl (__FILE__, __LINE__, #haystack, (haystack), (needle), FALSE)
void        test_util_assert_contains_impl (const char *file,
                                            int         line,
                                            const char *expression,
                                            const char *haystack,
                                            const char *needle,
                                            gboolean    wanted);

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

const char          *test_util_binary     (void);
GSubprocessLauncher *test_util_launcher   (GSubprocessFlags     flags);
GSubprocess         *test_util_spawn      (GSubprocessFlags     flags,
                                           const char * const  *args);
void                 test_util_run_argv   (TestRun             *run,
                                           const char          *input,
                                           const char * const  *args);

#define TEST_RUN(run, ...) \
  test_util_run_argv ((run), NULL, (const char * const[]) { __VA_ARGS__, NULL })
#define TEST_RUN_INPUT(run, input, ...) \
  test_util_run_argv ((run), (input), (const char * const[]) { __VA_ARGS__, NULL })

/* Objections through the command line: `start` (zoe@example.org) and the
 * steps to "submitted"; an objection's object in `status --json`. */
char       *test_util_cli_start       (const char   *path,
                                       const char   *country);
char       *test_util_cli_submitted   (const char   *path,
                                       const char   *country);
JsonObject *test_util_cli_status_of   (const char   *id);

/* Objections in this process, at given times: created at @created, then each
 * (ObjectorEvent, const char *iso8601) pair, up to -1. */
ObjectorObjection *test_util_objection_at (const char *path_id,
                                           const char *country,
                                           const char *created,
                                           ...);
void        test_util_apply_at        (ObjectorObjection *objection,
                                       ObjectorEvent      event,
                                       const char        *note,
                                       const char        *iso8601);

/* Waiting on conditions, never on time: turns the default main context until
 * @condition holds, and fails the test (naming @what) if it has not after
 * TEST_UTIL_WAIT_SECONDS. */
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

/* Flags that tests set from callbacks. */
void        test_util_set_true        (gpointer           flag);

/* A port on 127.0.0.1 that nothing listens on: bound, then closed again. */
guint       test_util_closed_port     (void);

G_END_DECLS

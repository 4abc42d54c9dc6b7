/* objector-fuzz.h — what each fuzz target does with one input
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reports a broken promise on standard error and aborts. */
G_NORETURN
void                       objector_fuzz_fail          (const char   *format,
                                                        ...) G_GNUC_PRINTF (1, 2);

/* One entry per loader. Each feeds @data to the loader the way a file on
 * disk or a pasted text would reach it, then checks what the loader promises
 * (a clear error of the right domain, valid UTF-8, every byte of a damaged
 * file kept aside, a saved file that reads back the same). A broken promise
 * aborts, so that libFuzzer and the regression test both see it. */
typedef void (*ObjectorFuzzFunc) (const guint8 *data,
                                  gsize         size);

typedef struct
{
  const char       *name;   /* "playbook", "store", …: also the folder of its seeds and regressions */
  ObjectorFuzzFunc  func;
} ObjectorFuzzTarget;

/* Once per process, before the first input: private XDG folders in a
 * temporary directory, warnings made fatal as in the tests. */
void                       objector_fuzz_setup         (void);
/* Removes the temporary directory. */
void                       objector_fuzz_teardown      (void);

/* Every target, and the one named @name (%NULL when there is none): the
 * regression test runs them all, a libFuzzer program the one it was built
 * for. */
const ObjectorFuzzTarget  *objector_fuzz_get_targets   (guint        *n_targets);
const ObjectorFuzzTarget  *objector_fuzz_lookup        (const char   *name);

G_END_DECLS

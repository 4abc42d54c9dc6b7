/* fuzz-entry.c — the libFuzzer entry points of one fuzz target
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per target with -DOBJECTOR_FUZZ_TARGET='"NAME"'; the work is
 * in objector-fuzz.c, which the regression test shares.
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "objector-fuzz.h"

#ifndef OBJECTOR_FUZZ_TARGET
#error "Build with -DOBJECTOR_FUZZ_TARGET='\"NAME\"'"
#endif

static ObjectorFuzzFunc fuzz_func;

/* libFuzzer's interface: it declares them nowhere we can include. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const ObjectorFuzzTarget *target = objector_fuzz_lookup (OBJECTOR_FUZZ_TARGET);

  if (target == NULL)
    objector_fuzz_fail ("There is no fuzz target “%s”", OBJECTOR_FUZZ_TARGET);
  fuzz_func = target->func;
  objector_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_func (data, size);
  return 0;
}

/* fuzz-entry.c — the libFuzzer entry points of one fuzz target
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once per target with -DOBJECTOR_FUZZ_FUNC=objector_fuzz_NAME; the
 * work is in objector-fuzz.c, which the regression test shares.
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "objector-fuzz.h"

#ifndef OBJECTOR_FUZZ_FUNC
#error "Build with -DOBJECTOR_FUZZ_FUNC=objector_fuzz_NAME"
#endif

/* libFuzzer's interface: it declares them nowhere we can include. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  objector_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  OBJECTOR_FUZZ_FUNC (data, size);
  return 0;
}

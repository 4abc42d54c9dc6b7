/* objector-test-files.h — folders and files, for the tests and the fuzz targets
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of the test harness that needs nothing but GLib: no GLib test
 * framework (no g_assert, no g_test_*), no Objector core. The libFuzzer
 * targets link it as well as every test program (through objector-test-util.h),
 * so it reports failure by its return value and leaves the verdict to the
 * caller.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path: a file, a symbolic link (not what it points to) or a whole
 * folder, whatever permissions a test took away from the folders in it.
 * Nothing happens when @path does not exist. */
void        test_util_rm_rf           (const char   *path);

/* The names of the entries of the folder @dir that start with @prefix (every
 * entry with %NULL), sorted by strcmp(): a folder's order on disk is chance.
 * An empty list when @dir does not exist or cannot be read. */
char      **test_util_list_dir        (const char   *dir,
                                       const char   *prefix);

G_END_DECLS

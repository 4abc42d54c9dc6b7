/* objector-files.h — private files in the user's data folder
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Creates @directory (and parents) readable by the user alone (0700). */
gboolean  objector_files_ensure_private_dir (const char  *directory,
                                             GError     **error);
/* Atomically replaces @filename with @data, mode 0600: a crash leaves the
 * old file or the new one, never half of one. Errors are G_FILE_ERROR. */
gboolean  objector_files_write_private      (const char  *filename,
                                             const char  *data,
                                             gsize        length,
                                             GError     **error);
/* Renames @filename to "FILENAME.damaged-YYYYMMDD-HHMMSS[-N]", never over an
 * existing file. Returns the new name. Errors are G_FILE_ERROR. */
char     *objector_files_move_aside         (const char  *filename,
                                             GError     **error);

/* Takes an exclusive flock() on @lock_filename (created 0600), waiting for
 * other processes: returns the descriptor to close() to let go, or -1. The
 * error is OBJECTOR_ERROR_STORE_IO. */
int       objector_files_lock               (const char  *lock_filename,
                                             GError     **error);

G_END_DECLS

/* objector-files.h — private files in the user's data folder
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Objector's own folder in the user's data folder, $XDG_DATA_HOME/objector:
 * the objections, the wizard's draft, the reminders ledger, an updated
 * playbook and the updater's state live there, and nothing else does. */
char     *objector_files_dup_data_dir       (void);
/* The file @basename in that folder. */
char     *objector_files_dup_data_file      (const char  *basename);

/* Creates @directory (and parents) readable by the user alone (0700). */
gboolean  objector_files_ensure_private_dir (const char  *directory,
                                             GError     **error);
/* Fills the temporary file @fd (open for writing) with what is to be saved. */
typedef gboolean (*ObjectorFilesWriteFunc) (int          fd,
                                            gpointer     user_data,
                                            GError     **error);

/* Where a write to @filename lands: @filename itself, or, when it is a
 * symbolic link, the file it leads to (existing or not), so that saving keeps
 * the link. Something there that is not a regular file (a device, a pipe,
 * also behind a link like /dev/stdout) gives @filename back: the caller
 * decides. A loop of links is refused with a G_FILE_ERROR. */
char     *objector_files_resolve_target     (const char  *filename,
                                             GError     **error);

/* Atomically replaces @target (a regular file, or none yet) with what @write
 * puts in a temporary file beside it, created with @mode: the data is synced
 * before the rename and the folder after it, so a crash at any moment leaves
 * the old file or the new one, never half of one, and no temporary file that
 * a later save does not clear away. Errors are G_FILE_ERROR, or @write's. */
gboolean  objector_files_replace            (const char              *target,
                                             int                      mode,
                                             ObjectorFilesWriteFunc   write,
                                             gpointer                 user_data,
                                             GError                 **error);

/* Atomically replaces @filename (or the file it links to) with @data, mode
 * 0600, in a folder made 0700. Errors are G_FILE_ERROR. */
gboolean  objector_files_write_private      (const char  *filename,
                                             const char  *data,
                                             gsize        length,
                                             GError     **error);
/* Renames @filename to "FILENAME.damaged-YYYYMMDD-HHMMSS[-N]", never over an
 * existing file. Returns the new name. Errors are G_FILE_ERROR. */
char     *objector_files_move_aside         (const char  *filename,
                                             GError     **error);

/* Takes an exclusive flock() on @lock_filename (created 0600), waiting for
 * other processes: returns the descriptor to close() to let go, or -1. A lock
 * file that is a symbolic link is never followed. The error is
 * OBJECTOR_ERROR_STORE_IO. */
int       objector_files_lock               (const char  *lock_filename,
                                             GError     **error);

/* For tests only: when the environment variable OBJECTOR_TEST_CRASH_AT names
 * @point, the process kills itself there with SIGKILL, as a power cut or
 * `kill -9` would. The points, in the order a save passes them: "locked"
 * (the store's lock taken), "temporary-created", "temporary-written",
 * "temporary-synced", "renamed", "folder-synced". Nothing of Objector sets
 * the variable. */
void      objector_files_crash_point        (const char  *point);

G_END_DECLS

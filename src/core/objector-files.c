/* objector-files.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "objector-clock.h"
#include "objector-error.h"
#include "objector-files.h"

char *
objector_files_dup_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "objector", NULL);
}

char *
objector_files_dup_data_file (const char *basename)
{
  g_return_val_if_fail (basename != NULL, NULL);

  return g_build_filename (g_get_user_data_dir (), "objector", basename, NULL);
}

gboolean
objector_files_ensure_private_dir (const char  *directory,
                                   GError     **error)
{
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"),
                   directory, g_strerror (saved_errno));
      return FALSE;
    }

  /* Our own folder: keep it private even if something loosened it. */
  if (g_chmod (directory, 0700) != 0)
    g_debug ("Could not make %s private: %s", directory, g_strerror (errno));

  return TRUE;
}

void
objector_files_crash_point (const char *point)
{
  static const char *wanted;
  static gsize checked;

  if (g_once_init_enter (&checked))
    {
      wanted = g_getenv ("OBJECTOR_TEST_CRASH_AT");
      g_once_init_leave (&checked, 1);
    }

  if (wanted != NULL && g_str_equal (wanted, point))
    kill (getpid (), SIGKILL);
}

char *
objector_files_resolve_target (const char  *filename,
                               GError     **error)
{
  g_autofree char *path = g_strdup (filename);
  GStatBuf st;

  /* Something that is there and is not a file (a device, a pipe, also
   * through a link like /dev/stdout): the caller decides. */
  if (g_stat (filename, &st) == 0 && !S_ISREG (st.st_mode))
    return g_steal_pointer (&path);

  /* A link the person made (their data kept elsewhere): write through it,
   * to the file it names, whether that exists yet or not. */
  for (guint depth = 0; depth < 40; depth++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *link = NULL;
      g_autofree char *folder = NULL;

      if (g_lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&path);

      if (!(link = g_file_read_link (path, &local_error)))
        {
          g_autofree char *display = g_filename_display_name (filename);

          g_set_error (error, G_FILE_ERROR, local_error->code,
                       _("Could not follow the link “%s”: %s"), display, local_error->message);
          return NULL;
        }
      folder = g_path_get_dirname (path);
      g_free (path);
      path = g_canonicalize_filename (link, folder);
    }

  {
    g_autofree char *display = g_filename_display_name (filename);

    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP,
                 _("Could not follow the link “%s”: it leads through too many links. Remove the link"),
                 display);
  }
  return NULL;
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *filename)
{
  g_autofree char *display = g_filename_display_name (filename);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
}

/* Temporary files of earlier saves of @base in @folder whose writer is gone
 * (killed mid-save: its flock() went with it). */
static void
remove_stale_temporaries (const char *folder,
                          const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      int fd;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 6)
        continue;

      path = g_build_filename (folder, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

static gboolean
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0 || errno == EINVAL;  /* some file systems cannot */
  close (fd);
  return ok;
}

/* One attempt; FALSE with *again set when a cleaner of another process took
 * our temporary file away in the instant before we locked it. */
static gboolean
replace_once (const char              *target,
              const char              *folder,
              const char              *base,
              int                      mode,
              ObjectorFilesWriteFunc   write,
              gpointer                 user_data,
              gboolean                *again,
              GError                 **error)
{
  g_autofree char *temporary = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  int fd;

  *again = FALSE;
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    {
      set_errno_error (error, errno, target);
      return FALSE;
    }
  /* Held until the rename: other saves leave this file alone while it is. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      *again = TRUE;
      return FALSE;
    }
  objector_files_crash_point ("temporary-created");

  if (!write (fd, user_data, error))
    {
      g_unlink (temporary);
      close (fd);
      return FALSE;
    }
  objector_files_crash_point ("temporary-written");

  /* The data on the disk before the name points to it. */
  if (fsync (fd) != 0)
    {
      set_errno_error (error, errno, target);
      g_unlink (temporary);
      close (fd);
      return FALSE;
    }
  objector_files_crash_point ("temporary-synced");

  if (g_rename (temporary, target) != 0)
    {
      int saved_errno = errno;

      close (fd);
      if (saved_errno == ENOENT && !g_file_test (temporary, G_FILE_TEST_EXISTS))
        {
          *again = TRUE;
          return FALSE;
        }
      g_unlink (temporary);
      set_errno_error (error, saved_errno, target);
      return FALSE;
    }
  close (fd);
  objector_files_crash_point ("renamed");

  /* The new name on the disk too. */
  if (!sync_folder (folder))
    g_debug ("Could not sync the folder %s: %s", folder, g_strerror (errno));
  objector_files_crash_point ("folder-synced");

  return TRUE;
}

gboolean
objector_files_replace (const char              *target,
                        int                      mode,
                        ObjectorFilesWriteFunc   write,
                        gpointer                 user_data,
                        GError                 **error)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);

  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (write != NULL, FALSE);

  remove_stale_temporaries (folder, base);

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      gboolean again = FALSE;

      if (replace_once (target, folder, base, mode, write, user_data, &again, error))
        return TRUE;
      if (!again)
        return FALSE;
    }

  set_errno_error (error, EAGAIN, target);
  return FALSE;
}

typedef struct
{
  const char *data;
  gsize       length;
} Buffer;

static gboolean
write_buffer (int        fd,
              gpointer   user_data,
              GError   **error)
{
  Buffer *buffer = user_data;
  gsize done = 0;

  while (done < buffer->length)
    {
      gssize n = write (fd, buffer->data + done, buffer->length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

gboolean
objector_files_write_private (const char  *filename,
                              const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (filename);
  g_autofree char *target = NULL;
  Buffer buffer = { data, length };

  GStatBuf st;

  if (!objector_files_ensure_private_dir (directory, error))
    return FALSE;
  if (!(target = objector_files_resolve_target (filename, error)))
    return FALSE;
  if (g_stat (target, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (filename);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("“%s” is not a regular file, and Objector does not replace it. Move it away"),
                   display);
      return FALSE;
    }

  return objector_files_replace (target, 0600, write_buffer, &buffer, error);
}

char *
objector_files_move_aside (const char  *filename,
                           GError     **error)
{
  g_autoptr(GDateTime) now = objector_clock_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *base = g_strdup_printf ("%s.damaged-%s", filename, stamp);

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *target = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      int saved_errno;

      /* link() fails rather than replace an existing file. */
      if (link (filename, target) == 0)
        {
          g_unlink (filename);
          return g_steal_pointer (&target);
        }

      saved_errno = errno;
      if (saved_errno != EEXIST)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not set “%s” aside: %s"), filename, g_strerror (saved_errno));
          return NULL;
        }
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               _("Could not set “%s” aside: too many damaged copies exist beside it"), filename);
  return NULL;
}

int
objector_files_lock (const char  *lock_filename,
                     GError     **error)
{
  /* Never through a link: it could make us create or lock any file. */
  int fd = g_open (lock_filename, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0600);
  GStatBuf st;

  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ELOOP)
        g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                     _("Could not open “%s”: it is a link, which Objector does not follow for its lock file. Remove the link"),
                     lock_filename);
      else
        g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                     _("Could not open “%s”: %s"), lock_filename, g_strerror (saved_errno));
      return -1;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not open “%s”: it is not a regular file. Remove it"), lock_filename);
      close (fd);
      return -1;
    }

  while (flock (fd, LOCK_EX) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EINTR)
        continue;

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not lock “%s”: %s"), lock_filename, g_strerror (saved_errno));
      close (fd);
      return -1;
    }

  objector_files_crash_point ("locked");
  return fd;
}

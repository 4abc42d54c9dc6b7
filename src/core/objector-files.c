/* objector-files.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "objector-clock.h"
#include "objector-error.h"
#include "objector-files.h"

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

gboolean
objector_files_write_private (const char  *filename,
                              const char  *data,
                              gsize        length,
                              GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (filename);

  if (!objector_files_ensure_private_dir (directory, error))
    return FALSE;

  return g_file_set_contents_full (filename, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
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
  int fd = g_open (lock_filename, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not open “%s”: %s"), lock_filename, g_strerror (saved_errno));
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

  return fd;
}

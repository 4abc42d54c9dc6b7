/* objector-mail-scanner.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-mail-mbox.h"
#include "objector-mail-private.h"
#include "objector-mail-scanner-private.h"
#include "objector-scanner-private.h"

/* Enough of a Maildir file to hold its headers. */
#define MAILDIR_HEAD_SIZE (64 * 1024)

/* Special files named one by one; more are counted. */
#define MAX_NOTES 20

struct _ObjectorMailScanner
{
  ObjectorScanner parent_instance;
};

G_DEFINE_FINAL_TYPE (ObjectorMailScanner, objector_mail_scanner, OBJECTOR_TYPE_SCANNER)

typedef struct
{
  ObjectorScanJob  parent;
  char            *path;
  guint            n_special;
} ScanJob;

static ScanJob *
scan_job_new (ObjectorMailScanner *scanner,
              const char          *path)
{
  ScanJob *job = g_new0 (ScanJob, 1);

  _objector_scan_job_init (&job->parent, OBJECTOR_SCANNER (scanner));
  job->path = g_strdup (path);
  return job;
}

static void
scan_job_clear (ObjectorScanJob *data)
{
  ScanJob *job = (ScanJob *) data;

  g_clear_pointer (&job->path, g_free);
}

static gboolean
filter_headers (const char *headers,
                gsize       length,
                gpointer    user_data)
{
  ScanJob *job = user_data;

  job->parent.counts.n_messages++;
  return length > 0 && objector_mail_headers_may_be_meta (objector_mail_rules_get_stems (job->parent.rules),
                                                          headers, length);
}

static ObjectorScanTestHook test_hook;
static gpointer test_hook_data;

void
objector_mail_scanner_set_test_hook (ObjectorScanTestHook hook,
                                     gpointer             user_data)
{
  test_hook = hook;
  test_hook_data = user_data;
}

static gboolean
scan_mbox (ScanJob       *job,
           const char    *filename,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(ObjectorMbox) mbox = NULL;
  g_autofree char *name = g_path_get_basename (filename);
  GError *local_error = NULL;
  guint64 size;

  if (!(mbox = objector_mbox_open (filename, error)))
    return FALSE;
  size = objector_mbox_get_size (mbox);

  for (;;)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ObjectorMail) mail = NULL;
      guint64 too_large = 0;
      guint index;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!objector_mbox_next (mbox, filter_headers, job, &index, &bytes, &too_large, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          break;
        }

      if (too_large > 0)
        job->parent.counts.n_skipped++;
      else if (bytes != NULL)
        {
          mail = objector_mail_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                              name, index, NULL);
          _objector_scan_job_consider (&job->parent, mail);
        }

      job->parent.counts.fraction = size > 0 ? (double) objector_mbox_get_position (mbox) / size : 1.0;
      _objector_scan_job_report (&job->parent, FALSE);
      if (test_hook != NULL)
        test_hook (job->parent.counts.n_messages, test_hook_data);
    }

  return TRUE;
}

static int
compare_basenames (gconstpointer a,
                   gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  const char *bx = strrchr (x, G_DIR_SEPARATOR);
  const char *by = strrchr (y, G_DIR_SEPARATOR);

  return strcmp (bx != NULL ? bx + 1 : x, by != NULL ? by + 1 : y);
}

/* A file in a Maildir that is no message (a named pipe, a device, a
 * socket, a folder) is passed over with a note, never opened: a pipe would
 * wait for a writer forever, a device could be endless. */
static void
note_special (ScanJob    *job,
              const char *filename,
              const char *what)
{
  g_autofree char *name = g_path_get_basename (filename);
  g_autofree char *parent = g_path_get_dirname (filename);
  g_autofree char *folder = g_path_get_basename (parent);

  if (job->n_special++ < MAX_NOTES)
    /* Translators: "“1700000000.x” in cur is a named pipe (FIFO), not a message: skipped". */
    _objector_scan_job_add_note (&job->parent, g_strdup_printf (_("“%s” in %s is %s, not a message: skipped"),
                                                                name, folder, what));
}

/* Reads the head of a Maildir file; the whole of it when the head says
 * it may be Meta's. */
static ObjectorMail *
read_maildir_file (ScanJob    *job,
                   const char *filename,
                   gboolean   *skipped)
{
  g_autofree char *head = NULL;
  g_autofree char *name = g_path_get_basename (filename);
  g_autoptr(GError) error = NULL;
  const char *header_end;
  const char *special;
  GStatBuf lst;
  struct stat st;
  gsize got = 0;
  gsize size;
  int fd;

  *skipped = FALSE;

  /* What it is, before it is opened: a link is judged by its target. */
  if (g_lstat (filename, &lst) != 0 || (S_ISLNK (lst.st_mode) && g_stat (filename, &lst) != 0))
    {
      *skipped = TRUE;
      return NULL;
    }
  if ((special = objector_mail_describe_special (lst.st_mode)) != NULL)
    {
      note_special (job, filename, special);
      return NULL;
    }

  if ((fd = objector_mail_open_regular (filename, &st, &error)) < 0)
    {
      if (g_error_matches (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL))
        note_special (job, filename, objector_mail_describe_special (st.st_mode));
      else
        *skipped = TRUE;
      return NULL;
    }

  head = g_malloc (MAILDIR_HEAD_SIZE);
  while (got < MAILDIR_HEAD_SIZE)
    {
      gssize n = read (fd, head + got, MAILDIR_HEAD_SIZE - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }

  job->parent.counts.n_messages++;
  header_end = g_strstr_len (head, got, "\n\n");
  if (header_end == NULL)
    header_end = g_strstr_len (head, got, "\r\n\r\n");
  if (got == 0 || !objector_mail_headers_may_be_meta (objector_mail_rules_get_stems (job->parent.rules), head,
                                                      header_end != NULL ? (gsize) (header_end - head) : got))
    {
      close (fd);
      return NULL;
    }

  if ((guint64) st.st_size > OBJECTOR_MAIL_MAX_SIZE)
    {
      close (fd);
      *skipped = TRUE;
      return NULL;
    }

  /* The rest from the same descriptor: the name may point elsewhere by now. */
  size = MAX ((gsize) st.st_size, got);
  head = g_realloc (head, size + 1);
  while (got < size)
    {
      gssize n = read (fd, head + got, size - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
  close (fd);

  {
    ObjectorMail *mail = objector_mail_new_from_data (head, got, name, 0, NULL);

    *skipped = mail == NULL;
    return mail;
  }
}

static gboolean
scan_maildir (ScanJob       *job,
              const char    *folder,
              GCancellable  *cancellable,
              GError       **error)
{
  static const char * const subfolders[] = { "cur", "new" };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < G_N_ELEMENTS (subfolders); s++)
    {
      g_autofree char *sub = g_build_filename (folder, subfolders[s], NULL);
      g_autoptr(GDir) dir = NULL;
      const char *entry;

      if (!g_file_test (sub, G_FILE_TEST_IS_DIR))
        continue;
      if (!(dir = g_dir_open (sub, 0, error)))
        return FALSE;
      while ((entry = g_dir_read_name (dir)) != NULL)
        if (entry[0] != '.')
          g_ptr_array_add (files, g_build_filename (sub, entry, NULL));
    }

  /* Maildir names start with the delivery time: name order is date order. */
  g_ptr_array_sort (files, compare_basenames);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(ObjectorMail) mail = NULL;
      gboolean skipped;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      mail = read_maildir_file (job, g_ptr_array_index (files, i), &skipped);
      if (skipped)
        job->parent.counts.n_skipped++;
      if (mail != NULL)
        _objector_scan_job_consider (&job->parent, mail);

      job->parent.counts.fraction = (double) (i + 1) / files->len;
      _objector_scan_job_report (&job->parent, FALSE);
    }

  return TRUE;
}

/* Outlook's binary .msg: no headers to pre-filter, one message to read. */
static gboolean
is_outlook_file (const char *path)
{
  static const guchar magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
  guchar head[sizeof magic];
  gboolean found = FALSE;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      found = read (fd, head, sizeof head) == (gssize) sizeof head && memcmp (head, magic, sizeof magic) == 0;
      close (fd);
    }
  return found;
}

static gboolean
scan_single_file (ScanJob     *job,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(ObjectorMail) mail = objector_mail_new_from_file (path, error);

  if (mail == NULL)
    return FALSE;
  job->parent.counts.n_messages++;
  _objector_scan_job_consider (&job->parent, mail);
  return TRUE;
}

static gboolean
scan_path (ScanJob       *job,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *name = g_path_get_basename (job->path);
  GStatBuf st;

  if (g_stat (job->path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "“%s”: %s", job->path, g_strerror (saved));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_autofree char *cur = g_build_filename (job->path, "cur", NULL);
      g_autofree char *new = g_build_filename (job->path, "new", NULL);

      if (!g_file_test (cur, G_FILE_TEST_IS_DIR) && !g_file_test (new, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
                       _("“%s” is a folder but not a Maildir: it has no “cur” or “new” folder. "
                         "Give an mbox file or a Maildir folder"),
                       name);
          return FALSE;
        }
      return scan_maildir (job, job->path, cancellable, error);
    }
  if (S_ISREG (st.st_mode))
    {
      if (st.st_size == 0)
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
                       _("“%s” is empty"), name);
          return FALSE;
        }
      return is_outlook_file (job->path)
             ? scan_single_file (job, job->path, error)
             : scan_mbox (job, job->path, cancellable, error);
    }

  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
               _("“%s” is neither an mbox file nor a Maildir folder"), name);
  return FALSE;
}

static gboolean
objector_mail_scanner_run (ObjectorScanJob  *data,
                           GCancellable     *cancellable,
                           GError          **error)
{
  ScanJob *job = (ScanJob *) data;
  gboolean ok = scan_path (job, cancellable, error);

  /* Said even when the scan failed: what it passed over, it did. */
  if (job->n_special > MAX_NOTES)
    _objector_scan_job_add_note (data, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                     "%u more special file was skipped",
                                                                     "%u more special files were skipped",
                                                                     job->n_special - MAX_NOTES),
                                                        job->n_special - MAX_NOTES));
  return ok;
}

static void
objector_mail_scanner_class_init (ObjectorMailScannerClass *klass)
{
  ObjectorScannerClass *scanner_class = OBJECTOR_SCANNER_CLASS (klass);

  scanner_class->run = objector_mail_scanner_run;
  scanner_class->clear_job = scan_job_clear;
}

static void
objector_mail_scanner_init (ObjectorMailScanner *self)
{
}

ObjectorMailScanner *
objector_mail_scanner_new (ObjectorPlaybook *playbook)
{
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), NULL);

  return g_object_new (OBJECTOR_TYPE_MAIL_SCANNER, "playbook", playbook, NULL);
}

GPtrArray *
objector_mail_scanner_scan (ObjectorMailScanner  *self,
                            const char           *path,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _objector_scanner_run (OBJECTOR_SCANNER (self), &scan_job_new (self, path)->parent,
                                cancellable, error);
}

void
objector_mail_scanner_scan_async (ObjectorMailScanner  *self,
                                  const char           *path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_return_if_fail (OBJECTOR_IS_MAIL_SCANNER (self));
  g_return_if_fail (path != NULL);

  _objector_scanner_run_async (OBJECTOR_SCANNER (self), objector_mail_scanner_scan_async,
                               &scan_job_new (self, path)->parent, cancellable, callback, user_data);
}

GPtrArray *
objector_mail_scanner_scan_finish (ObjectorMailScanner  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), NULL);

  return _objector_scanner_run_finish (OBJECTOR_SCANNER (self), objector_mail_scanner_scan_async,
                                       result, error);
}

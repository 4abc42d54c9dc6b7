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
#include "objector-scan-private.h"

/* Enough of a Maildir file to hold its headers. */
#define MAILDIR_HEAD_SIZE (64 * 1024)

/* Special files named one by one; more are counted. */
#define MAX_NOTES 20

struct _ObjectorMailScanner
{
  GObject           parent_instance;

  ObjectorPlaybook   *playbook;
  ObjectorScanCounts  counts;
  gboolean            include_other;
  char              **notes;
};

G_DEFINE_FINAL_TYPE (ObjectorMailScanner, objector_mail_scanner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAYBOOK,
  PROP_FRACTION,
  PROP_N_MESSAGES,
  PROP_N_FOUND,
  PROP_N_SKIPPED,
  PROP_N_OTHER,
  PROP_INCLUDE_OTHER,
  PROP_BUSY,
  N_PROPS
};

enum {
  FOUND,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static ObjectorScanCountProps count_props;

static void
objector_mail_scanner_dispose (GObject *object)
{
  ObjectorMailScanner *self = OBJECTOR_MAIL_SCANNER (object);

  g_clear_object (&self->playbook);

  G_OBJECT_CLASS (objector_mail_scanner_parent_class)->dispose (object);
}

static void
objector_mail_scanner_finalize (GObject *object)
{
  ObjectorMailScanner *self = OBJECTOR_MAIL_SCANNER (object);

  g_strfreev (self->notes);

  G_OBJECT_CLASS (objector_mail_scanner_parent_class)->finalize (object);
}

static void
objector_mail_scanner_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ObjectorMailScanner *self = OBJECTOR_MAIL_SCANNER (object);

  switch (prop_id)
    {
    case PROP_PLAYBOOK:
      g_value_set_object (value, self->playbook);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->counts.fraction);
      break;
    case PROP_N_MESSAGES:
      g_value_set_uint (value, self->counts.n_messages);
      break;
    case PROP_N_FOUND:
      g_value_set_uint (value, self->counts.n_found);
      break;
    case PROP_N_SKIPPED:
      g_value_set_uint (value, self->counts.n_skipped);
      break;
    case PROP_N_OTHER:
      g_value_set_uint (value, self->counts.n_other);
      break;
    case PROP_INCLUDE_OTHER:
      g_value_set_boolean (value, self->include_other);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->counts.busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_mail_scanner_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ObjectorMailScanner *self = OBJECTOR_MAIL_SCANNER (object);

  switch (prop_id)
    {
    case PROP_PLAYBOOK:
      self->playbook = g_value_dup_object (value);
      break;
    case PROP_INCLUDE_OTHER:
      objector_mail_scanner_set_include_other (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_mail_scanner_class_init (ObjectorMailScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = objector_mail_scanner_dispose;
  object_class->finalize = objector_mail_scanner_finalize;
  object_class->get_property = objector_mail_scanner_get_property;
  object_class->set_property = objector_mail_scanner_set_property;

  properties[PROP_PLAYBOOK] =
    g_param_spec_object ("playbook", NULL, NULL, OBJECTOR_TYPE_PLAYBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MESSAGES] = _objector_scan_count_property ("n-messages");
  properties[PROP_N_FOUND] = _objector_scan_count_property ("n-found");
  properties[PROP_N_SKIPPED] = _objector_scan_count_property ("n-skipped");
  properties[PROP_N_OTHER] = _objector_scan_count_property ("n-other");
  properties[PROP_INCLUDE_OTHER] =
    g_param_spec_boolean ("include-other", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  count_props = (ObjectorScanCountProps) {
    properties[PROP_FRACTION], properties[PROP_N_MESSAGES], properties[PROP_N_FOUND],
    properties[PROP_N_SKIPPED], properties[PROP_N_OTHER], properties[PROP_BUSY],
  };

  /* A find, as it comes: the interface can list it before the scan ends. */
  signals[FOUND] =
    g_signal_new ("found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, OBJECTOR_TYPE_MAIL);
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

ObjectorPlaybook *
objector_mail_scanner_get_playbook (ObjectorMailScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), NULL);
  return self->playbook;
}

double
objector_mail_scanner_get_fraction (ObjectorMailScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), 0.0);
  return self->counts.fraction;
}

guint
objector_mail_scanner_get_n_messages (ObjectorMailScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), 0);
  return self->counts.n_messages;
}

guint
objector_mail_scanner_get_n_found (ObjectorMailScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), 0);
  return self->counts.n_found;
}

guint
objector_mail_scanner_get_n_skipped (ObjectorMailScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), 0);
  return self->counts.n_skipped;
}

guint
objector_mail_scanner_get_n_other (ObjectorMailScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), 0);
  return self->counts.n_other;
}

gboolean
objector_mail_scanner_get_include_other (ObjectorMailScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), FALSE);
  return self->include_other;
}

void
objector_mail_scanner_set_include_other (ObjectorMailScanner *self,
                                         gboolean             include_other)
{
  g_return_if_fail (OBJECTOR_IS_MAIL_SCANNER (self));

  include_other = !!include_other;
  if (self->include_other == include_other)
    return;
  self->include_other = include_other;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_OTHER]);
}

const char * const *
objector_mail_scanner_get_notes (ObjectorMailScanner *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), NULL);
  return self->notes != NULL ? (const char * const *) self->notes : none;
}

gboolean
objector_mail_scanner_get_busy (ObjectorMailScanner *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), FALSE);
  return self->counts.busy;
}

/* Progress, from the scanning thread to the scanner's */

typedef struct
{
  ObjectorMailScanner *scanner;
  ObjectorScanCounts   counts;
  ObjectorMail        *found;
  char               **notes;     /* with the last report only */
} Report;

static void
report_free (gpointer data)
{
  Report *report = data;

  g_object_unref (report->scanner);
  g_clear_object (&report->found);
  g_strfreev (report->notes);
  g_free (report);
}

static gboolean
apply_report (gpointer data)
{
  Report *report = data;
  ObjectorMailScanner *self = report->scanner;

  g_object_freeze_notify (G_OBJECT (self));
  if (report->notes != NULL)
    {
      g_strfreev (self->notes);
      self->notes = g_steal_pointer (&report->notes);
    }
  _objector_scan_set_counts (G_OBJECT (self), &self->counts, &report->counts, &count_props);
  g_object_thaw_notify (G_OBJECT (self));

  if (report->found != NULL)
    g_signal_emit (self, signals[FOUND], 0, report->found);

  return G_SOURCE_REMOVE;
}

typedef struct
{
  ObjectorMailScanner  *scanner;
  ObjectorMailRules    *rules;
  char                 *path;
  gboolean              include_other;
  GMainContext         *context;  /* NULL: report in this thread */
  gint64                last_report;

  ObjectorScanCounts    counts;
  GPtrArray            *notes;     /* what was passed over, for the person */
  guint                 n_special;
} ScanJob;

static void
scan_job_free (ScanJob *job)
{
  g_clear_object (&job->scanner);
  g_clear_pointer (&job->rules, objector_mail_rules_free);
  g_free (job->path);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_ptr_array_unref (job->notes);
  g_free (job);
}

static ScanJob *
scan_job_new (ObjectorMailScanner *scanner,
              const char          *path,
              GMainContext        *context)
{
  ScanJob *job = g_new0 (ScanJob, 1);

  job->scanner = g_object_ref (scanner);
  job->rules = objector_mail_rules_new (scanner->playbook);
  job->path = g_strdup (path);
  job->include_other = scanner->include_other;
  job->context = context != NULL ? g_main_context_ref (context) : NULL;
  job->notes = g_ptr_array_new_with_free_func (g_free);
  return job;
}

static void
report (ScanJob      *job,
        ObjectorMail *found,
        gboolean      busy,
        gboolean      force)
{
  Report *r;

  if (!_objector_scan_report_due (&job->last_report, force || found != NULL))
    return;

  r = g_new0 (Report, 1);
  r->scanner = g_object_ref (job->scanner);
  r->counts = job->counts;
  r->counts.fraction = CLAMP (job->counts.fraction, 0.0, 1.0);
  r->counts.busy = busy;
  r->found = found != NULL ? g_object_ref (found) : NULL;
  if (!busy)
    {
      GPtrArray *notes = g_ptr_array_new ();

      for (guint i = 0; i < job->notes->len; i++)
        g_ptr_array_add (notes, g_strdup (g_ptr_array_index (job->notes, i)));
      if (job->n_special > MAX_NOTES)
        g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u more special file was skipped",
                                                              "%u more special files were skipped",
                                                              job->n_special - MAX_NOTES),
                                                 job->n_special - MAX_NOTES));
      g_ptr_array_add (notes, NULL);
      r->notes = (char **) g_ptr_array_free (notes, FALSE);
    }

  _objector_scan_post (job->context, apply_report, r, report_free);
}

/* A message the pre-filter let through. */
static void
consider (ScanJob      *job,
          ObjectorMail *mail,
          GPtrArray    *found)
{
  ObjectorScanVerdict verdict = _objector_scan_sort (mail, job->rules, job->include_other);

  if (verdict == OBJECTOR_SCAN_OTHER)
    job->counts.n_other++;
  else if (verdict == OBJECTOR_SCAN_FOUND)
    {
      g_ptr_array_add (found, g_object_ref (mail));
      job->counts.n_found++;
      report (job, mail, TRUE, TRUE);
    }
}

static gboolean
filter_headers (const char *headers,
                gsize       length,
                gpointer    user_data)
{
  ScanJob *job = user_data;

  job->counts.n_messages++;
  return length > 0 && objector_mail_headers_may_be_meta (objector_mail_rules_get_stems (job->rules),
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
           GPtrArray     *found,
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
        job->counts.n_skipped++;
      else if (bytes != NULL)
        {
          mail = objector_mail_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                              name, index, NULL);
          if (mail == NULL)
            job->counts.n_skipped++;
          else
            consider (job, mail, found);
        }

      job->counts.fraction = size > 0 ? (double) objector_mbox_get_position (mbox) / size : 1.0;
      report (job, NULL, TRUE, FALSE);
      if (test_hook != NULL)
        test_hook (job->counts.n_messages, test_hook_data);
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
    g_ptr_array_add (job->notes, g_strdup_printf (_("“%s” in %s is %s, not a message: skipped"),
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

  job->counts.n_messages++;
  header_end = g_strstr_len (head, got, "\n\n");
  if (header_end == NULL)
    header_end = g_strstr_len (head, got, "\r\n\r\n");
  if (got == 0 || !objector_mail_headers_may_be_meta (objector_mail_rules_get_stems (job->rules), head,
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
              GPtrArray     *found,
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
        job->counts.n_skipped++;
      if (mail != NULL)
        consider (job, mail, found);

      job->counts.fraction = (double) (i + 1) / files->len;
      report (job, NULL, TRUE, FALSE);
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
                  GPtrArray   *found,
                  GError     **error)
{
  g_autoptr(ObjectorMail) mail = objector_mail_new_from_file (path, error);

  if (mail == NULL)
    return FALSE;
  job->counts.n_messages++;
  consider (job, mail, found);
  return TRUE;
}

static GPtrArray *
scan_run (gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  ScanJob *job = data;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *name = g_path_get_basename (job->path);
  GStatBuf st;
  gboolean ok;

  if (g_stat (job->path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "“%s”: %s", job->path, g_strerror (saved));
      return NULL;
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
          return NULL;
        }
      ok = scan_maildir (job, job->path, found, cancellable, error);
    }
  else if (S_ISREG (st.st_mode))
    {
      if (st.st_size == 0)
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
                       _("“%s” is empty"), name);
          return NULL;
        }
      ok = is_outlook_file (job->path)
           ? scan_single_file (job, job->path, found, error)
           : scan_mbox (job, job->path, found, cancellable, error);
    }
  else
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
                   _("“%s” is neither an mbox file nor a Maildir folder"), name);
      return NULL;
    }

  if (!ok)
    return NULL;
  return g_steal_pointer (&found);
}

static gboolean
begin (ObjectorMailScanner  *self,
       GError              **error)
{
  if (self->counts.busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           _("A scan is already running"));
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  self->counts = (ObjectorScanCounts) { .busy = TRUE };
  g_clear_pointer (&self->notes, g_strfreev);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MESSAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FOUND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SKIPPED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OTHER]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/* The last numbers, before the result. */
static void
finish (gpointer   data,
        GPtrArray *found)
{
  ScanJob *job = data;

  if (found != NULL)
    job->counts.fraction = 1.0;
  report (job, NULL, FALSE, TRUE);
}

static const ObjectorScanJobFuncs scan_job_funcs = {
  scan_run,
  finish,
  (GDestroyNotify) scan_job_free,
};

GPtrArray *
objector_mail_scanner_scan (ObjectorMailScanner  *self,
                            const char           *path,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!begin (self, error))
    return NULL;

  return _objector_scan_run (&scan_job_funcs, scan_job_new (self, path, NULL), cancellable, error);
}

void
objector_mail_scanner_scan_async (ObjectorMailScanner  *self,
                                  const char           *path,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GMainContext) context = NULL;
  GError *error = NULL;
  ScanJob *job = NULL;

  g_return_if_fail (OBJECTOR_IS_MAIL_SCANNER (self));
  g_return_if_fail (path != NULL);

  if (begin (self, &error))
    {
      context = g_main_context_ref_thread_default ();
      job = scan_job_new (self, path, context);
    }
  _objector_scan_run_async (self, objector_mail_scanner_scan_async, &scan_job_funcs, job, error,
                            cancellable, callback, user_data);
}

GPtrArray *
objector_mail_scanner_scan_finish (ObjectorMailScanner  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_SCANNER (self), NULL);

  return _objector_scan_run_finish (self, objector_mail_scanner_scan_async, result, error);
}

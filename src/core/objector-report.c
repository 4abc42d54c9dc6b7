/* objector-report.c — the PDF summary: what a caller sets, saves and prints
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-files.h"
#include "objector-report-private.h"

G_DEFINE_FINAL_TYPE (ObjectorReport, objector_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_REDACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Saving */

/* Turns an error from writing @display into one that says which file and what to do. */
static void
export_error (GError     **error,
              GError      *cause,
              const char  *display)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || cause->domain == OBJECTOR_ERROR)
    {
      g_propagate_error (error, cause);
      return;
    }

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                 _("Could not save “%s”: the disk is full. Free some space or choose another place"),
                 display);
  else
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                 _("Could not save “%s”: %s"), display, cause->message);
  g_error_free (cause);
}

static void
errno_error (GError     **error,
             int          saved_errno,
             const char  *display,
             const char  *folder)
{
  g_autofree char *folder_display = g_filename_display_name (folder);

  switch (saved_errno)
    {
    case ENOENT:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: the folder “%s” does not exist. Create it first, or choose another one"),
                   display, folder_display);
      break;
    case ENOTDIR:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: “%s” is a file, not a folder. Choose a file name inside a folder"),
                   display, folder_display);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: the folder “%s” cannot be written to (%s). Choose another folder"),
                   display, folder_display, g_strerror (saved_errno));
      break;
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: the disk is full. Free some space or choose another place"),
                   display);
      break;
    default:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("Could not save “%s”: %s"), display, g_strerror (saved_errno));
      break;
    }
}

typedef struct
{
  Content       *content;
  ObjectorPaper  paper;
  GCancellable  *cancellable;
} Writing;

static gboolean
write_pdf_cb (int        fd,
              gpointer   user_data,
              GError   **error)
{
  Writing *writing = user_data;
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (fd, FALSE);

  return _objector_report_write_pdf (writing->content, writing->paper, stream, writing->cancellable, error)
         && g_output_stream_close (stream, writing->cancellable, error);
}

static gboolean
save_content (Content        *content,
              ObjectorPaper   paper,
              const char     *filename,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autofree char *display = g_filename_display_name (filename);
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  Writing writing = { content, paper, cancellable };
  GError *cause = NULL;
  GStatBuf st;

  if (*filename == '\0')
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                   _("No file name was given for the PDF"));
      return FALSE;
    }

  /* Replace the file a symbolic link points to, not the link. */
  if (!(target = objector_files_resolve_target (filename, &cause)))
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO, cause->message);
      g_error_free (cause);
      return FALSE;
    }
  folder = g_path_get_dirname (target);

  if (g_stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO,
                       _("Could not save “%s”: it is a folder. Give the name of the PDF file to write in it, such as “%s”"),
                       display, "objections.pdf");
          return FALSE;
        }

      /* A pipe or a device (/dev/stdout): there is no folder to put a
       * temporary file in, and nothing to keep whole. */
      if (!S_ISREG (st.st_mode))
        {
          int fd = g_open (target, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
          gboolean written;

          if (fd < 0)
            {
              errno_error (error, errno, display, folder);
              return FALSE;
            }
          written = write_pdf_cb (fd, &writing, &cause);
          close (fd);
          if (!written)
            {
              export_error (error, cause, display);
              return FALSE;
            }
          return TRUE;
        }
    }

  if (!objector_files_replace (target, 0600, write_pdf_cb, &writing, &cause))
    {
      if (cause->domain == G_FILE_ERROR)
        {
          int saved_errno = cause->code == G_FILE_ERROR_NOSPC ? ENOSPC
                            : cause->code == G_FILE_ERROR_NOENT ? ENOENT
                            : cause->code == G_FILE_ERROR_NOTDIR ? ENOTDIR
                            : cause->code == G_FILE_ERROR_ACCES ? EACCES
                            : cause->code == G_FILE_ERROR_PERM ? EPERM
                            : cause->code == G_FILE_ERROR_ROFS ? EROFS
                            : 0;

          if (saved_errno != 0)
            errno_error (error, saved_errno, display, folder);
          else  /* it names the file already */
            g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO, cause->message);
          g_error_free (cause);
          return FALSE;
        }
      export_error (error, cause, display);
      return FALSE;
    }

  return TRUE;
}

/* The object */

static void
objector_report_finalize (GObject *object)
{
  ObjectorReport *self = OBJECTOR_REPORT (object);

  g_clear_pointer (&self->layout, _objector_report_layout_free);
  g_clear_object (&self->objections);
  g_clear_object (&self->playbook);
  g_clear_object (&self->authorities);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->generated, g_date_time_unref);

  G_OBJECT_CLASS (objector_report_parent_class)->finalize (object);
}

static void
objector_report_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ObjectorReport *self = OBJECTOR_REPORT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_REDACT:
      g_value_set_boolean (value, self->redact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_report_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ObjectorReport *self = OBJECTOR_REPORT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      objector_report_set_name (self, g_value_get_string (value));
      break;
    case PROP_REDACT:
      objector_report_set_redact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_report_class_init (ObjectorReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = objector_report_finalize;
  object_class->get_property = objector_report_get_property;
  object_class->set_property = objector_report_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDACT] =
    g_param_spec_boolean ("redact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_report_init (ObjectorReport *self)
{
  self->paper = objector_paper_get_default ();
}

ObjectorReport *
objector_report_new (GListModel       *objections,
                     ObjectorPlaybook *playbook)
{
  ObjectorReport *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (objections), NULL);
  g_return_val_if_fail (playbook == NULL || OBJECTOR_IS_PLAYBOOK (playbook), NULL);

  self = g_object_new (OBJECTOR_TYPE_REPORT, NULL);
  self->objections = g_object_ref (objections);
  self->playbook = playbook != NULL ? g_object_ref (playbook) : NULL;
  return self;
}

ObjectorReport *
objector_report_new_for_person (GListModel          *objections,
                                ObjectorPlaybook    *playbook,
                                ObjectorAuthorities *authorities,
                                const char          *region,
                                const char          *name)
{
  ObjectorReport *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (objections), NULL);
  g_return_val_if_fail (playbook == NULL || OBJECTOR_IS_PLAYBOOK (playbook), NULL);
  g_return_val_if_fail (authorities == NULL || OBJECTOR_IS_AUTHORITIES (authorities), NULL);

  self = objector_report_new (objections, playbook);
  self->authorities = authorities != NULL ? g_object_ref (authorities) : NULL;
  self->region = g_strdup (region);
  self->name = g_strdup (name);
  return self;
}

const char *
objector_report_get_name (ObjectorReport *self)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), NULL);
  return self->name;
}

void
objector_report_set_name (ObjectorReport *self,
                          const char     *name)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
objector_report_get_redact (ObjectorReport *self)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), FALSE);
  return self->redact;
}

void
objector_report_set_redact (ObjectorReport *self,
                            gboolean        redact)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));

  redact = !!redact;
  if (self->redact == redact)
    return;
  self->redact = redact;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDACT]);
}

ObjectorPaper
objector_report_get_paper (ObjectorReport *self)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), OBJECTOR_PAPER_A4);
  return self->paper;
}

void
objector_report_set_paper (ObjectorReport *self,
                           ObjectorPaper   paper)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));
  g_return_if_fail (paper == OBJECTOR_PAPER_A4 || paper == OBJECTOR_PAPER_LETTER);
  self->paper = paper;
}

void
objector_report_set_generated (ObjectorReport *self,
                               GDateTime      *generated)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));

  if (generated != NULL)
    g_date_time_ref (generated);
  g_clear_pointer (&self->generated, g_date_time_unref);
  self->generated = generated;
}

guint
objector_report_paginate (ObjectorReport *self,
                          double          width,
                          double          height)
{
  g_autoptr(Content) content = NULL;

  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  content = _objector_report_build_content (self);
  g_clear_pointer (&self->layout, _objector_report_layout_free);
  self->layout = _objector_report_layout_new (content, width, height);
  _objector_report_layout_paginate (self->layout);
  return _objector_report_layout_n_pages (self->layout);
}

guint
objector_report_get_n_pages (ObjectorReport *self)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), 0);
  return self->layout != NULL ? _objector_report_layout_n_pages (self->layout) : 0;
}

void
objector_report_draw_page (ObjectorReport *self,
                           cairo_t        *cr,
                           guint           page_nr)
{
  g_return_if_fail (OBJECTOR_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->layout != NULL);
  g_return_if_fail (page_nr < _objector_report_layout_n_pages (self->layout));

  _objector_report_layout_draw_page (self->layout, cr, page_nr);
}

gboolean
objector_report_write (ObjectorReport  *self,
                       GOutputStream   *stream,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autoptr(Content) content = NULL;

  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  content = _objector_report_build_content (self);
  return _objector_report_write_pdf (content, self->paper, stream, cancellable, error);
}

gboolean
objector_report_save (ObjectorReport  *self,
                      const char      *filename,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(Content) content = NULL;

  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  content = _objector_report_build_content (self);
  return save_content (content, self->paper, filename, cancellable, error);
}

typedef struct
{
  Content       *content;
  ObjectorPaper  paper;
  char          *filename;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->content, _objector_report_content_unref);
  g_free (data->filename);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (save_content (data->content, data->paper, data->filename, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
objector_report_save_async (ObjectorReport      *self,
                            const char          *filename,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (OBJECTOR_IS_REPORT (self));
  g_return_if_fail (filename != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_report_save_async);

  /* Read the objections here, on their thread; the worker sees plain text. */
  data = g_new0 (SaveData, 1);
  data->content = _objector_report_build_content (self);
  data->paper = self->paper;
  data->filename = g_strdup (filename);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
objector_report_save_finish (ObjectorReport  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (OBJECTOR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == objector_report_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* objector-mail.c
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

#include "objector-enums.h"
#include "objector-error.h"
#include "objector-mail-mbox.h"
#include "objector-mail-private.h"

/* The first bytes of an OLE compound file: Outlook's binary .msg format. */
static const guchar ole_magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

G_DEFINE_FINAL_TYPE (ObjectorMail, objector_mail, G_TYPE_OBJECT)

/* Read-only but for "kind" (the person's correction), so that lists in
 * the interface can bind to them. */
enum {
  PROP_0,
  PROP_SOURCE,
  PROP_FROM,
  PROP_SUBJECT,
  PROP_DATE,
  PROP_KIND,
  PROP_PLATFORM,
  PROP_TRUSTED,
  PROP_VERDICT,
  PROP_FROM_META,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GMimeParserOptions *parser_options;

GMimeParserOptions *
objector_mail_get_parser_options (void)
{
  objector_mail_init_gmime ();
  return parser_options;
}

void
objector_mail_init_gmime (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* Undeclared 8-bit headers are UTF-8 when they are valid UTF-8, else
       * what Western mail programs wrote before UTF-8. */
      static const char *fallback[] = { "utf-8", "windows-1252", NULL };

      g_mime_init ();
      parser_options = g_mime_parser_options_new ();
      g_mime_parser_options_set_fallback_charsets (parser_options, fallback);
      g_mime_parser_options_set_rfc2047_compliance_mode (parser_options, GMIME_RFC_COMPLIANCE_LOOSE);
      g_mime_parser_options_set_address_compliance_mode (parser_options, GMIME_RFC_COMPLIANCE_LOOSE);
      g_mime_parser_options_set_parameter_compliance_mode (parser_options, GMIME_RFC_COMPLIANCE_LOOSE);
      g_once_init_leave (&initialized, 1);
    }
}

static void
objector_mail_finalize (GObject *object)
{
  ObjectorMail *self = OBJECTOR_MAIL (object);

  g_clear_error (&self->error);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->from_name, g_free);
  g_clear_pointer (&self->from_address, g_free);
  g_clear_pointer (&self->from_domain, g_free);
  g_clear_pointer (&self->sender, g_free);
  g_clear_pointer (&self->recipients, g_strfreev);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->message_id, g_free);
  g_clear_pointer (&self->reply_to, g_free);
  g_clear_pointer (&self->return_path, g_free);
  g_clear_pointer (&self->authentication_results, g_strfreev);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->links, objector_link_set_free);
  g_clear_pointer (&self->digest, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->trust_notes, g_strfreev);
  g_clear_pointer (&self->foreign_hosts, g_strfreev);

  G_OBJECT_CLASS (objector_mail_parent_class)->finalize (object);
}

static void
objector_mail_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ObjectorMail *self = OBJECTOR_MAIL (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;
    case PROP_TRUSTED:
      g_value_set_boolean (value, self->verdict == OBJECTOR_MAIL_VERDICT_VERIFIED);
      break;
    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;
    case PROP_FROM_META:
      g_value_set_boolean (value, self->from_meta);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_mail_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ObjectorMail *self = OBJECTOR_MAIL (object);

  switch (prop_id)
    {
    case PROP_KIND:
      objector_mail_set_kind (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_mail_class_init (ObjectorMailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = objector_mail_finalize;
  object_class->get_property = objector_mail_get_property;
  object_class->set_property = objector_mail_set_property;

  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, readable);
  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, readable);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, readable);
  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME, readable);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OBJECTOR_TYPE_MAIL_KIND, OBJECTOR_MAIL_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLATFORM] = g_param_spec_string ("platform", NULL, NULL, NULL, readable);
  properties[PROP_TRUSTED] = g_param_spec_boolean ("trusted", NULL, NULL, FALSE, readable);
  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL, OBJECTOR_TYPE_MAIL_VERDICT,
                       OBJECTOR_MAIL_VERDICT_UNVERIFIABLE, readable);
  properties[PROP_FROM_META] = g_param_spec_boolean ("from-meta", NULL, NULL, FALSE, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* After objector_mail_check(): what it changed. */
void
objector_mail_notify_checked (ObjectorMail     *self,
                              ObjectorMailKind  old_kind,
                              const char       *old_platform,
                              ObjectorMailVerdict old_verdict,
                              gboolean          old_from_meta)
{
  gboolean trusted = self->verdict == OBJECTOR_MAIL_VERDICT_VERIFIED;
  gboolean old_trusted = old_verdict == OBJECTOR_MAIL_VERDICT_VERIFIED;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->kind != old_kind)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  if (self->platform != old_platform)  /* interned strings */
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLATFORM]);
  if (trusted != old_trusted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUSTED]);
  if (self->verdict != old_verdict)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
  if (self->from_meta != old_from_meta)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_META]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
objector_mail_notify_kind (ObjectorMail *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
objector_mail_init (ObjectorMail *self)
{
  self->kind = OBJECTOR_MAIL_KIND_OTHER;
  self->recipients = g_new0 (char *, 1);
  self->authentication_results = g_new0 (char *, 1);
  self->links = objector_link_set_new ();
  self->verdict = OBJECTOR_MAIL_VERDICT_UNVERIFIABLE;
  self->trust_notes = g_new0 (char *, 1);
  self->foreign_hosts = g_new0 (char *, 1);
  self->body = g_strdup ("");
}

/* Sizes and names in messages */

char *
objector_mail_format_size (guint64 size)
{
  static const char * const units[] = { "kB", "MB", "GB", "TB" };
  double value = size;
  guint unit = 0;

  if (size < 1000)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u byte", "%u bytes", (gulong) size),
                            (guint) size);

  value /= 1000.0;
  while (value >= 999.95 && unit + 1 < G_N_ELEMENTS (units))
    {
      value /= 1000.0;
      unit++;
    }

  /* "64 MB", not "64.0 MB"; "2.1 GB" */
  if (value - (guint64) value < 0.05)
    return g_strdup_printf ("%u %s", (guint) value, units[unit]);
  return g_strdup_printf ("%.1f %s", value, units[unit]);
}

/* "“x.eml”", "Message 3 of “x.mbox”", "The pasted text": the subject of
 * every error sentence below. */
static char *
error_subject (const char *source,
               guint       source_index)
{
  if (source == NULL)
    return g_strdup (_("The pasted text"));
  if (source_index > 0)
    return g_strdup_printf (_("Message %u of “%s”"), source_index, source);
  return g_strdup_printf ("“%s”", source);
}

static void
set_invalid (GError     **error,
             const char  *source,
             guint        source_index,
             const char  *problem)
{
  g_autofree char *subject = error_subject (source, source_index);

  /* Translators: "“x.txt” is not an email message: no header lines". */
  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
               _("%s is not an email message: %s"), subject, problem);
}

static void
set_empty (GError     **error,
           const char  *source,
           guint        source_index)
{
  g_autofree char *subject = error_subject (source, source_index);

  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
               _("%s is empty"), subject);
}

static void
set_too_large (GError     **error,
               const char  *source,
               guint        source_index,
               guint64      size)
{
  g_autofree char *subject = error_subject (source, source_index);
  g_autofree char *shown = objector_mail_format_size (size);
  g_autofree char *limit = objector_mail_format_size (OBJECTOR_MAIL_MAX_SIZE);

  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
               _("%s is too large: %s, the limit is %s. Meta’s emails are far smaller; "
                 "save the one email on its own and import that"),
               subject, shown, limit);
}

/* Reading */

static const char *
next_line (const char *p,
           const char *end)
{
  const char *nl = memchr (p, '\n', end - p);

  return nl != NULL ? nl + 1 : end;
}

ObjectorMail *
objector_mail_new_failed (const char *source,
                          guint       source_index,
                          GError     *error)
{
  ObjectorMail *self = g_object_new (OBJECTOR_TYPE_MAIL, NULL);

  self->source = g_strdup (source);
  self->source_index = source_index;
  self->error = error;
  return self;
}

ObjectorMail *
objector_mail_new_from_data (const char  *data,
                             gsize        length,
                             const char  *source,
                             guint        source_index,
                             GError     **error)
{
  g_autoptr(ObjectorMail) self = NULL;
  g_autoptr(GMimeStream) stream = NULL;
  g_autoptr(GMimeParser) parser = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  const char *p = data;
  const char *end = data + length;
  const char *line_end;

  objector_mail_init_gmime ();

  if (length > OBJECTOR_MAIL_MAX_SIZE)
    {
      set_too_large (error, source, source_index, length);
      return NULL;
    }

  /* Outlook's binary format: rebuilt as text, then read like any other. */
  if (length >= sizeof ole_magic && memcmp (data, ole_magic, sizeof ole_magic) == 0)
    {
      g_autofree char *subject = error_subject (source, source_index);
      gboolean has_headers = FALSE;
      g_autoptr(GBytes) text = objector_mail_msg_to_rfc822 ((const guint8 *) data, length, subject,
                                                            &has_headers, error);
      ObjectorMail *mail;
      gsize text_length;
      const char *text_data;

      if (text == NULL)
        return NULL;
      text_data = g_bytes_get_data (text, &text_length);
      if (text_length >= sizeof ole_magic && memcmp (text_data, ole_magic, sizeof ole_magic) == 0)
        {
          set_invalid (error, source, source_index, _("no header lines"));
          return NULL;
        }
      mail = objector_mail_new_from_data (text_data, text_length, source, source_index, error);
      if (mail != NULL)
        mail->no_headers = !has_headers;
      return mail;
    }

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  /* Pasted text often starts with blank lines; an mbox-style "From " line
   * is no header, and GMime must not see it in message mode. */
  while (p < end && (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t'))
    {
      const char *q = p;

      while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
        q++;
      if (q < end && *q != '\n')
        break;
      p = q < end ? q + 1 : end;
    }
  if (p == end)
    {
      set_empty (error, source, source_index);
      return NULL;
    }
  if (end - p > 5 && memcmp (p, "From ", 5) == 0)
    p = next_line (p, end);

  line_end = memchr (p, '\n', end - p);
  if (!objector_mail_is_header_line (p, (line_end ? line_end : end) - p))
    {
      set_invalid (error, source, source_index, _("no header lines"));
      return NULL;
    }

  self = g_object_new (OBJECTOR_TYPE_MAIL, NULL);
  self->source = g_strdup (source);
  self->source_index = source_index;
  self->digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) p, end - p);

  /* GMime takes seconds and hundreds of megabytes for a header of ten:
   * what cannot matter is cut first. The digest is of the bytes as they are. */
  {
    g_autoptr(GString) bounded = objector_mail_bound_headers (p, end, &self->n_headers_dropped, &self->largest_dropped);

    stream = bounded != NULL ? g_mime_stream_mem_new_with_buffer (bounded->str, bounded->len)
                             : g_mime_stream_mem_new_with_buffer (p, end - p);
  }
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  message = g_mime_parser_construct_message (parser, parser_options);
  if (message == NULL)
    {
      set_invalid (error, source, source_index, _("its headers cannot be read"));
      return NULL;
    }

  objector_mail_read_message (self, message);

  if (self->from == NULL && self->subject == NULL && self->date == NULL)
    {
      set_invalid (error, source, source_index, _("it has no sender, subject or date"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

ObjectorMail *
objector_mail_new_from_bytes (GBytes      *bytes,
                              const char  *source,
                              GError     **error)
{
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      set_empty (error, source, 0);
      return NULL;
    }
  return objector_mail_new_from_data (data, length, source, 0, error);
}

ObjectorMail *
objector_mail_new_from_string (const char  *text,
                               const char  *source,
                               GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0')
    {
      set_empty (error, source, 0);
      return NULL;
    }
  return objector_mail_new_from_data (text, strlen (text), source, 0, error);
}

/* Checks the file before reading it; the base name goes into messages. */
static gboolean
check_file (const char  *filename,
            const char  *name,
            gboolean     limit_size,
            guint64     *size,
            GError     **error)
{
  GStatBuf st;

  if (g_stat (filename, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "“%s”: %s", filename, g_strerror (saved));
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
                   _("“%s” is a folder: give the email files in it, "
                     "or scan a Maildir folder with “objector scan-mail”"),
                   name);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
                   _("“%s” is not a regular file"), name);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      set_empty (error, name, 0);
      return FALSE;
    }
  if (limit_size && (guint64) st.st_size > OBJECTOR_MAIL_MAX_SIZE)
    {
      set_too_large (error, name, 0, st.st_size);
      return FALSE;
    }

  *size = st.st_size;
  return TRUE;
}

ObjectorMail *
objector_mail_new_from_file (const char  *filename,
                             GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  guint64 size;
  gsize length;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_path_get_basename (filename);
  if (!check_file (filename, name, TRUE, &size, error))
    return NULL;

  /* One byte more than the limit tells a file that grew since. */
  if (!objector_mail_read_regular_file (filename, OBJECTOR_MAIL_MAX_SIZE + 1, &contents, &length, error))
    return NULL;
  if (length == 0)
    {
      set_empty (error, name, 0);
      return NULL;
    }
  return objector_mail_new_from_data (contents, length, name, 0, error);
}

GPtrArray *
objector_mail_load_file (const char    *filename,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GPtrArray) mails = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ObjectorMbox) mbox = NULL;
  g_autofree char *name = NULL;
  GError *local_error = NULL;
  guint64 size;
  guint64 too_large;
  guint index;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_path_get_basename (filename);
  if (!check_file (filename, name, FALSE, &size, error))
    return NULL;

  if (!(mbox = objector_mbox_open (filename, error)))
    return NULL;

  if (!objector_mbox_is_mbox (mbox))
    {
      ObjectorMail *mail;

      if (!(mail = objector_mail_new_from_file (filename, error)))
        return NULL;
      g_ptr_array_add (mails, mail);
      return g_steal_pointer (&mails);
    }

  for (;;)
    {
      g_autoptr(GBytes) message = NULL;
      ObjectorMail *mail;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      too_large = 0;
      if (!objector_mbox_next (mbox, NULL, NULL, &index, &message, &too_large, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          break;
        }

      if (message == NULL)
        {
          set_too_large (&local_error, name, index, too_large);
          g_ptr_array_add (mails, objector_mail_new_failed (name, index, g_steal_pointer (&local_error)));
          continue;
        }

      if (g_bytes_get_size (message) == 0)
        {
          set_empty (&local_error, name, index);
          mail = NULL;
        }
      else
        mail = objector_mail_new_from_data (g_bytes_get_data (message, NULL),
                                            g_bytes_get_size (message),
                                            name, index, &local_error);
      if (mail == NULL)
        mail = objector_mail_new_failed (name, index, g_steal_pointer (&local_error));
      g_ptr_array_add (mails, mail);
    }

  if (mails->len == 0)
    {
      set_empty (error, name, 0);
      return NULL;
    }

  return g_steal_pointer (&mails);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *mails = objector_mail_load_file (task_data, cancellable, &error);

  if (mails == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, mails, (GDestroyNotify) g_ptr_array_unref);
}

void
objector_mail_load_file_async (const char          *filename,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (filename != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_mail_load_file_async);
  g_task_set_task_data (task, g_strdup (filename), g_free);
  g_task_run_in_thread (task, load_file_thread);
}

GPtrArray *
objector_mail_load_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == objector_mail_load_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Getters */

const GError *
objector_mail_get_error (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->error;
}

const char *
objector_mail_get_source (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->source;
}

guint
objector_mail_get_source_index (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), 0);
  return self->source_index;
}

char *
objector_mail_dup_source_label (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);

  if (self->source == NULL)
    return g_strdup (_("pasted text"));
  if (self->source_index > 0)
    /* Translators: a file name and a message's position in it. */
    return g_strdup_printf (_("%s, message %u"), self->source, self->source_index);
  return g_strdup (self->source);
}

const char *
objector_mail_get_from (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->from;
}

const char *
objector_mail_get_from_name (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->from_name;
}

const char *
objector_mail_get_from_address (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->from_address;
}

const char *
objector_mail_get_from_domain (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->from_domain;
}

const char * const *
objector_mail_get_recipients (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return (const char * const *) self->recipients;
}

GDateTime *
objector_mail_get_date (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->date;
}

const char *
objector_mail_get_subject (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->subject;
}

const char *
objector_mail_get_message_id (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->message_id;
}

const char *
objector_mail_get_reply_to (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->reply_to;
}

const char *
objector_mail_get_return_path (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->return_path;
}

const char * const *
objector_mail_get_authentication_results (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return (const char * const *) self->authentication_results;
}

const char *
objector_mail_get_body (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->body;
}

const char *
objector_mail_get_sender (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->sender;
}

const char * const *
objector_mail_get_links (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return objector_link_set_get_links (self->links);
}

guint
objector_mail_get_n_links (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), 0);
  return objector_link_set_get_n_links (self->links);
}

const char *
objector_mail_get_digest (ObjectorMail *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);
  return self->digest;
}

char *
objector_mail_dup_excerpt (ObjectorMail *self)
{
  g_autoptr(GString) excerpt = NULL;
  gboolean space = FALSE;
  guint n = 0;

  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);

  excerpt = g_string_new (NULL);
  for (const char *p = self->body; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = excerpt->len > 0;
          continue;
        }
      /* Characters, and bytes: four-byte letters must not make it larger. */
      if (n >= OBJECTOR_MAIL_EXCERPT_CHARS
          || excerpt->len + 1 + 4 + strlen ("…") > OBJECTOR_MAIL_MAX_TEXT_BYTES)
        {
          g_string_append (excerpt, "…");
          break;
        }
      if (space)
        {
          /* The space counts too, and is never the last (found by tests/fuzz). */
          if (n + 1 >= OBJECTOR_MAIL_EXCERPT_CHARS)
            {
              g_string_append (excerpt, "…");
              break;
            }
          g_string_append_c (excerpt, ' ');
          n++;
          space = FALSE;
        }
      g_string_append_unichar (excerpt, c);
      n++;
    }
  return g_string_free (g_steal_pointer (&excerpt), FALSE);
}

/* objector-mail-mbox.c — a streaming mbox splitter
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

/* One buffer for the whole file: memory does not grow with the mailbox. */
#define BUFFER_SIZE (1024 * 1024)

/* A "From " line longer than this is taken for text. */
#define MAX_FROM_LINE 4096

/* What a scan keeps of a header block to decide on: real ones are a few
 * kilobytes; a larger one makes the message unreadable, not the scan big. */
#define MAX_FILTERED_HEADERS (1024 * 1024)

struct _ObjectorMbox
{
  int         fd;
  char       *name;
  guint64     size;
  gboolean    is_mbox;

  char       *buffer;
  gsize       start;          /* unread data is [start, end) */
  gsize       end;
  guint64     buffer_offset;  /* the file offset of buffer[0] */
  gboolean    eof;
  gboolean    midline;        /* the last line returned had no end yet */
  gboolean    done;

  guint       index;
  GByteArray *headers;
  GByteArray *carry;          /* the first header line of the next message */
};

void
objector_mbox_free (ObjectorMbox *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->name);
  g_free (self->buffer);
  g_byte_array_unref (self->headers);
  g_byte_array_unref (self->carry);
  g_free (self);
}

static gboolean
refill (ObjectorMbox  *self,
        GError       **error)
{
  if (self->start > 0)
    {
      memmove (self->buffer, self->buffer + self->start, self->end - self->start);
      self->buffer_offset += self->start;
      self->end -= self->start;
      self->start = 0;
    }

  while (!self->eof && self->end < BUFFER_SIZE)
    {
      gssize n = read (self->fd, self->buffer + self->end, BUFFER_SIZE - self->end);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not read “%s”: %s"), self->name, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        self->eof = TRUE;
      self->end += n;
    }
  return TRUE;
}

/* The next line, with its "\n"; valid until the next call. A line longer
 * than the buffer comes in pieces, each but the first with *@continued set. */
static gboolean
read_line (ObjectorMbox  *self,
           const char   **line,
           gsize         *length,
           guint64       *offset,
           gboolean      *continued,
           GError       **error)
{
  for (;;)
    {
      if (self->start < self->end)
        {
          const char *p = self->buffer + self->start;
          const char *nl = memchr (p, '\n', self->end - self->start);

          if (nl != NULL || self->eof || (self->start == 0 && self->end == BUFFER_SIZE))
            {
              gsize n = nl != NULL ? (gsize) (nl - p) + 1 : self->end - self->start;

              *line = p;
              *length = n;
              *offset = self->buffer_offset + self->start;
              *continued = self->midline;
              self->midline = nl == NULL;
              self->start += n;
              return TRUE;
            }
        }
      else if (self->eof)
        return FALSE;

      if (!refill (self, error))
        return FALSE;
    }
}

/* Skips the body of a message nobody keeps: nothing is copied or counted,
 * only the next "\nFrom " is looked for. Leaves the reader at the start of
 * that line, or at the end of the file. */
static gboolean
skip_to_from_line (ObjectorMbox  *self,
                   GError       **error)
{
  for (;;)
    {
      const char *p = self->buffer + self->start;
      gsize available = self->end - self->start;
      const char *hit;

      /* At a line start already (the caller's invariant): the line itself may be one. */
      if (!self->midline && available >= 5 && memcmp (p, "From ", 5) == 0)
        return TRUE;

      /* Line by line with memchr() beats memmem() here: lines are short,
       * and memchr() is vectorised. */
      for (hit = memchr (p, '\n', available); hit != NULL;
           hit = memchr (hit + 1, '\n', available - (hit + 1 - p)))
        {
          gsize rest = available - (hit + 1 - p);

          if (rest < 5)
            break;
          if (memcmp (hit + 1, "From ", 5) == 0)
            {
              self->start += (hit - p) + 1;
              self->midline = FALSE;
              return TRUE;
            }
        }

      if (self->eof)
        {
          self->start = self->end;
          return TRUE;
        }

      /* Keep the last partial line: a "\nFrom " may straddle the refill. */
      {
        const char *last = available > 0 ? memrchr (p, '\n', available) : NULL;

        if (last != NULL)
          {
            self->start += (last - p) + 1;
            self->midline = FALSE;
          }
        else if (available >= BUFFER_SIZE / 2)
          {
            self->start = self->end;
            self->midline = TRUE;
          }
      }

      if (!refill (self, error))
        return FALSE;
    }
}

static gboolean
is_blank (const char *line,
          gsize       length)
{
  return (length == 1 && line[0] == '\n') || (length == 2 && line[0] == '\r' && line[1] == '\n');
}

static gboolean
is_from_line (const char *line,
              gsize       length)
{
  return length >= 5 && memcmp (line, "From ", 5) == 0;
}

static gboolean
has_time_of_day (const char *text,
                 gsize       length)
{
  for (gsize i = 0; i + 4 < length; i++)
    if (g_ascii_isdigit (text[i]) && g_ascii_isdigit (text[i + 1]) && text[i + 2] == ':'
        && g_ascii_isdigit (text[i + 3]) && g_ascii_isdigit (text[i + 4]))
      return TRUE;
  return FALSE;
}

/* A separator is "From ", the sender (or "-"), and nothing or a date:
 * "From sender@example.org Tue Nov 24 10:00:00 2026", "From - ", "From
 * 1844347792267117879@xxx". "From Russia with love" is text. */
static gboolean
is_separator (const char *line,
              gsize       length)
{
  gsize i = 5;

  while (i < length && line[i] == ' ')
    i++;
  if (i == length || line[i] == '\n' || line[i] == '\r')
    return TRUE;
  while (i < length && line[i] != ' ' && line[i] != '\t' && line[i] != '\n' && line[i] != '\r')
    i++;
  while (i < length && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'))
    i++;
  return i == length || has_time_of_day (line + i, length - i);
}

ObjectorMbox *
objector_mbox_open (const char  *filename,
                    GError     **error)
{
  ObjectorMbox *self;
  struct stat st;
  int fd;

  if ((fd = objector_mail_open_regular (filename, &st, error)) < 0)
    return NULL;

#ifdef POSIX_FADV_SEQUENTIAL
  posix_fadvise (fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif

  self = g_new0 (ObjectorMbox, 1);
  self->fd = fd;
  self->name = g_path_get_basename (filename);
  self->size = st.st_size;
  self->buffer = g_malloc (BUFFER_SIZE);
  self->headers = g_byte_array_new ();
  self->carry = g_byte_array_new ();

  if (!refill (self, error))
    {
      objector_mbox_free (self);
      return NULL;
    }

  if (self->end >= 3 && memcmp (self->buffer, "\xef\xbb\xbf", 3) == 0)
    self->start = 3;

  /* Some tools write blank lines before the first "From " line. */
  while (self->start < self->end && (self->buffer[self->start] == '\n' || self->buffer[self->start] == '\r'))
    self->start++;

  self->is_mbox = is_from_line (self->buffer + self->start, self->end - self->start);
  if (self->is_mbox)
    {
      const char *line;
      gsize length;
      guint64 offset;
      gboolean continued;

      /* The first message's "From " line. */
      if (!read_line (self, &line, &length, &offset, &continued, error))
        {
          objector_mbox_free (self);
          return NULL;
        }
    }

  return self;
}

guint64
objector_mbox_get_size (ObjectorMbox *self)
{
  return self->size;
}

guint64
objector_mbox_get_position (ObjectorMbox *self)
{
  return self->buffer_offset + self->start;
}

gboolean
objector_mbox_is_mbox (ObjectorMbox *self)
{
  return self->is_mbox;
}

/* The value of a Content-Length header in the raw @headers, or -1. */
static gint64
content_length (const GByteArray *headers)
{
  const char *p = (const char *) headers->data;
  const char *end;

  /* An empty array has no data pointer; NULL + 0 is undefined behaviour
   * (found by tests/fuzz under UBSan). */
  if (headers->len == 0)
    return -1;
  end = p + headers->len;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;

      if (line_end - p > 15 && g_ascii_strncasecmp (p, "Content-Length:", 15) == 0)
        {
          const char *q = p + 15;
          guint64 value = 0;
          guint digits = 0;

          while (q < line_end && (*q == ' ' || *q == '\t'))
            q++;
          for (; q < line_end && g_ascii_isdigit (*q) && digits < 15; q++, digits++)
            value = value * 10 + (*q - '0');
          while (q < line_end && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
          return digits > 0 && q == line_end ? (gint64) value : -1;
        }
      p = nl != NULL ? nl + 1 : end;
    }
  return -1;
}

/* A Content-Length counts only when it lands on the next "From " line or
 * the end of the file: mbox files lie about it as often as not. Returns
 * where the next "From " line starts, or 0 when the header is not to be
 * believed. */
static guint64
check_content_length (ObjectorMbox *self,
                      guint64       body_start,
                      gint64        length)
{
  char probe[8];
  guint64 target;
  gssize n;

  if (length < 0 || (guint64) length > self->size || body_start + length > self->size)
    return 0;

  target = body_start + length;
  if (target == self->size)
    return target;

  n = pread (self->fd, probe, sizeof probe, target);
  if (n >= 5 && memcmp (probe, "From ", 5) == 0)
    return target;
  if (n >= 6 && probe[0] == '\n' && memcmp (probe + 1, "From ", 5) == 0)
    return target + 1;
  if (n >= 7 && probe[0] == '\r' && probe[1] == '\n' && memcmp (probe + 2, "From ", 5) == 0)
    return target + 2;
  if (n == 1 && probe[0] == '\n' && target + 1 == self->size)
    return target + 1;
  return 0;
}

typedef struct
{
  GByteArray *kept;      /* the message's bytes when it is kept */
  guint64     total;     /* its size */
  gboolean    keep;
  gboolean    over;      /* larger than OBJECTOR_MAIL_MAX_SIZE */
} Message;

static void
message_append (Message    *message,
                const char *data,
                gsize       length)
{
  message->total += length;
  if (!message->keep || message->over)
    return;
  if (message->total > OBJECTOR_MAIL_MAX_SIZE)
    {
      message->over = TRUE;
      g_clear_pointer (&message->kept, g_byte_array_unref);
      return;
    }
  g_byte_array_append (message->kept, (const guint8 *) data, length);
}

gboolean
objector_mbox_next (ObjectorMbox        *self,
                    ObjectorMboxFilter   filter,
                    gpointer             user_data,
                    guint               *index,
                    GBytes             **bytes,
                    guint64             *too_large,
                    GError             **error)
{
  Message message = { NULL, 0, FALSE, FALSE };
  GByteArray *headers = self->headers;
  gboolean in_headers = TRUE;
  guint64 body_end = 0;
  GError *local_error = NULL;

  *bytes = NULL;
  *too_large = 0;

  if (self->done)
    return FALSE;

  /* Nothing but a BOM or blank lines. */
  if (self->index == 0 && !self->is_mbox && self->start == self->end && self->eof)
    {
      self->done = TRUE;
      return FALSE;
    }

  self->index++;
  *index = self->index;
  g_byte_array_set_size (headers, 0);
  if (self->carry->len > 0)
    {
      g_byte_array_append (headers, self->carry->data, self->carry->len);
      message.total = self->carry->len;
      g_byte_array_set_size (self->carry, 0);
    }

  for (;;)
    {
      const char *line;
      gsize length;
      guint64 offset;
      gboolean continued;

      /* The body of a message the filter turned down: nothing to keep or
       * count, so jump to where the next one may start. */
      if (!in_headers && !message.keep && body_end == 0
          && !skip_to_from_line (self, &local_error))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }

      if (!read_line (self, &line, &length, &offset, &continued, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          self->done = TRUE;
          break;
        }

      if (in_headers)
        {
          if (!continued && is_blank (line, length))
            {
              in_headers = FALSE;
              message.keep = filter == NULL || filter ((const char *) headers->data, headers->len, user_data);
              if (message.keep)
                {
                  message.over = message.total > headers->len;
                  if (!message.over)
                    {
                      message.kept = g_byte_array_sized_new (headers->len + 4096);
                      g_byte_array_append (message.kept, headers->data, headers->len);
                    }
                }
              message_append (&message, line, length);
              body_end = check_content_length (self, offset + length, content_length (headers));
              continue;
            }

          message.total += length;
          if (message.total <= (filter != NULL ? MAX_FILTERED_HEADERS : OBJECTOR_MAIL_MAX_SIZE))
            g_byte_array_append (headers, (const guint8 *) line, length);
          continue;
        }

      /* A believable Content-Length says where the next message starts. */
      if (body_end > 0)
        {
          if (offset < body_end)
            {
              message_append (&message, line, length);
              continue;
            }
          if (offset == body_end && !continued && is_from_line (line, length))
            break;
          body_end = 0;
        }

      if (!continued && is_from_line (line, length) && length <= MAX_FROM_LINE
          && is_separator (line, length))
        {
          g_autofree char *from_line = g_strndup (line, length);
          gsize from_length = length;

          /* Only a header line after it makes it a new message. */
          if (!read_line (self, &line, &length, &offset, &continued, &local_error))
            {
              if (local_error != NULL)
                {
                  g_propagate_error (error, local_error);
                  g_clear_pointer (&message.kept, g_byte_array_unref);
                  return FALSE;
                }
              message_append (&message, from_line, from_length);
              self->done = TRUE;
              break;
            }
          if (!continued && objector_mail_is_header_line (line, length))
            {
              g_byte_array_append (self->carry, (const guint8 *) line, length);
              break;
            }
          message_append (&message, from_line, from_length);
        }

      message_append (&message, line, length);
    }

  /* A message that ends inside its headers. */
  if (in_headers)
    {
      message.keep = filter == NULL || filter ((const char *) headers->data, headers->len, user_data);
      message.over = message.total > headers->len;
      if (message.keep && !message.over)
        message.kept = g_byte_array_ref (headers);
    }

  if (message.keep && message.over)
    *too_large = message.total;
  else if (message.keep)
    {
      if (message.kept == headers)
        {
          *bytes = g_bytes_new (headers->data, headers->len);
          g_byte_array_unref (message.kept);
        }
      else
        *bytes = g_byte_array_free_to_bytes (message.kept);
    }
  else
    g_clear_pointer (&message.kept, g_byte_array_unref);

  return TRUE;
}

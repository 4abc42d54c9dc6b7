/* objector-mail-read.c — from the bytes of a message to what Objector keeps of it
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header block bounded before GMime reads it, the headers and text
 * parts read from GMime's message (every link of every text part, the
 * body's first megabytes, each kept once and capped), and files read
 * without ever opening anything but a regular file.
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
#include "objector-html-text.h"
#include "objector-mail-private.h"

/* Text beyond this is cut: recognition needs the first lines, and a
 * malicious message should not cost memory beyond its size. */
#define MAX_BODY_BYTES (4 * 1024 * 1024)

/* Parts nested deeper than this are not read for text. */
#define MAX_PART_DEPTH 32

/* Bounds on the header block, before GMime reads it (see objector_mail_bound_headers()). */
#define MAX_HEADER_FIELDS  10000
#define MAX_DISPLAY_HEADER (16 * 1024)
#define MAX_HEADER         (4 * 1000 * 1000)

/* Text */

/* Windows-1252 for 0x80–0x9f; the rest of the high half is Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
};

static char *
decode_cp1252 (const char *data,
               gsize       length)
{
  GString *text = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar c = (guchar) data[i];

      if (c < 0x80)
        g_string_append_c (text, (char) c);
      else if (c < 0xa0)
        g_string_append_unichar (text, cp1252_high[c - 0x80]);
      else
        g_string_append_unichar (text, c);
    }
  return g_string_free (text, FALSE);
}

/* NUL bytes would cut strings short; they never belong in text. Line ends
 * become "\n" whatever the sender's system wrote. */
static char *
finish_text (char  *text,
             gsize  length)
{
  gsize j = 0;
  char *valid;

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          text[j++] = '\n';
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        text[j++] = text[i] == '\0' ? ' ' : text[i];
    }
  valid = g_utf8_make_valid (text, j);
  g_free (text);
  return valid;
}

/* Decoded part bytes to UTF-8: the declared charset when it converts
 * cleanly, else UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 * Latin-1 is read as Windows-1252 as browsers do: mail programs that say
 * ISO-8859-1 often write Windows quotes and dashes. */
static char *
text_to_utf8 (const char *data,
              gsize       length,
              const char *charset)
{
  const char *name = NULL;
  gsize written = 0;
  char *text;

  if (data == NULL || length == 0)
    return g_strdup ("");

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (charset != NULL && *charset != '\0')
    name = g_mime_charset_iconv_name (charset);

  if (name != NULL
      && (g_ascii_strcasecmp (name, "iso-8859-1") == 0
          || g_ascii_strcasecmp (name, "us-ascii") == 0
          || g_ascii_strcasecmp (name, "ascii") == 0
          || g_ascii_strcasecmp (name, "latin1") == 0
          || g_ascii_strcasecmp (name, "cp1252") == 0
          || g_ascii_strcasecmp (name, "windows-1252") == 0))
    {
      if (g_utf8_validate (data, length, NULL) && g_ascii_strcasecmp (name, "us-ascii") == 0)
        return finish_text (g_strndup (data, length), length);
      text = decode_cp1252 (data, length);
      return finish_text (text, strlen (text));
    }

  if (name != NULL && g_ascii_strcasecmp (name, "utf-8") != 0
      && g_ascii_strcasecmp (name, "utf8") != 0)
    {
      text = g_convert (data, length, "UTF-8", name, NULL, &written, NULL);
      if (text != NULL)
        return finish_text (text, written);
    }

  if (g_utf8_validate_len (data, length, NULL))
    return finish_text (g_strndup (data, length), length);

  text = decode_cp1252 (data, length);
  return finish_text (text, strlen (text));
}

/* Header values from GMime are decoded already, but not always valid. */
static char *
header_text (const char *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    return NULL;
  valid = g_utf8_make_valid (value, -1);
  return g_strdup (g_strstrip (valid));
}

/* Cut to OBJECTOR_MAIL_MAX_TEXT_BYTES at a character's end, "…" included. */
static char *
capped (char *text)
{
  const char *end;

  if (text == NULL || strlen (text) <= OBJECTOR_MAIL_MAX_TEXT_BYTES)
    return text;
  end = text + OBJECTOR_MAIL_MAX_TEXT_BYTES - strlen ("…");
  while (end > text && ((guchar) *end & 0xc0) == 0x80)
    end--;
  strcpy ((char *) end, "…");
  return text;
}

/* A part's content, decoded from its transfer encoding. */
static GByteArray *
part_bytes (GMimePart *part)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  g_autoptr(GMimeStream) stream = NULL;
  GByteArray *bytes;

  if (content == NULL)
    return NULL;

  stream = g_mime_stream_mem_new ();
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (stream), FALSE);
  if (g_mime_data_wrapper_write_to_stream (content, stream) < 0)
    {
      g_byte_array_unref (g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream)));
      return NULL;
    }
  bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  return bytes;
}

/* Recognition needs the first lines: the body keeps MAX_BODY_BYTES at
 * most, cut at a character's end. */
static void
append_body (GString    *body,
             const char *text)
{
  gsize room;
  gsize n = strlen (text);

  if (body->len >= MAX_BODY_BYTES)
    return;
  if (body->len > 0)
    g_string_append (body, "\n\n");
  room = MAX_BODY_BYTES - MIN (body->len, MAX_BODY_BYTES);
  if (n > room)
    {
      n = room;
      while (n > 0 && ((guchar) text[n] & 0xc0) == 0x80)
        n--;
    }
  g_string_append_len (body, text, n);
}

typedef struct
{
  ObjectorMail *mail;
  GString      *plain;
  GString      *html;
  guint64       scanned;   /* bytes of text looked at for links */
} BodyWalk;

static void walk_parts (GMimeObject *object,
                        BodyWalk    *walk,
                        guint        depth,
                        gboolean     own);

/* One text part: every link it holds, wherever it is (an attachment, a
 * forwarded message); its text, when it is this email's own body. */
static void
read_text_part (GMimePart *part,
                BodyWalk  *walk,
                gboolean   own)
{
  ObjectorMail *self = walk->mail;
  GMimeContentType *type = g_mime_object_get_content_type (GMIME_OBJECT (part));
  GMimeContentDisposition *disposition = g_mime_object_get_content_disposition (GMIME_OBJECT (part));
  const char *subtype = type != NULL ? g_mime_content_type_get_media_subtype (type) : NULL;
  gboolean html = subtype != NULL && strstr (subtype, "html") != NULL;
  gboolean plain = type == NULL || g_mime_content_type_is_type (type, "text", "plain");
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *html_text = NULL;
  GString *body;

  if (type != NULL && !g_mime_content_type_is_type (type, "text", "*") && !html)
    return;

  if (!(bytes = part_bytes (part)))
    return;

  /* A part too large to look at is said so: what it holds is unknown. */
  if (bytes->len > OBJECTOR_MAIL_MAX_SCAN_PART || walk->scanned + bytes->len > OBJECTOR_MAIL_MAX_SCAN_TOTAL)
    {
      self->n_unscanned++;
      self->largest_unscanned = MAX (self->largest_unscanned, bytes->len);
      return;
    }
  walk->scanned += bytes->len;

  text = text_to_utf8 ((const char *) bytes->data, bytes->len,
                       g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "charset"));
  g_clear_pointer (&bytes, g_byte_array_unref);

  if (html)
    html_text = objector_html_read (text, strlen (text), self->links);
  else
    objector_link_set_add_text (self->links, text, strlen (text));

  /* Attachments and other kinds of text are not the email's words. */
  if (!own || (disposition != NULL && g_mime_content_disposition_is_attachment (disposition)))
    return;
  if (html && type != NULL && g_mime_content_type_is_type (type, "text", "html"))
    body = walk->html;
  else if (plain && !html)
    body = walk->plain;
  else
    return;
  append_body (body, html ? html_text : text);
}

static void
walk_parts (GMimeObject *object,
            BodyWalk    *walk,
            guint        depth,
            gboolean     own)
{
  if (depth > MAX_PART_DEPTH)
    return;

  if (GMIME_IS_MULTIPART (object))
    {
      int n = g_mime_multipart_get_count (GMIME_MULTIPART (object));

      for (int i = 0; i < n; i++)
        walk_parts (g_mime_multipart_get_part (GMIME_MULTIPART (object), i), walk, depth + 1, own);
      return;
    }

  /* An attached message/rfc822 is another email (a forwarded one, a
   * bounce's copy): its text is not this email's, but its links are in it. */
  if (GMIME_IS_MESSAGE_PART (object))
    {
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));
      GMimeObject *body = inner != NULL ? g_mime_message_get_mime_part (inner) : NULL;

      if (body != NULL)
        walk_parts (body, walk, depth + 1, FALSE);
      return;
    }

  if (GMIME_IS_PART (object))
    read_text_part (GMIME_PART (object), walk, own);
}

static char *
trimmed (GString *string)
{
  return g_strdup (g_strstrip (string->str));
}

/* Addresses */

static void
collect_mailboxes (InternetAddressList *list,
                   GPtrArray           *mailboxes,
                   guint                depth)
{
  int n;

  if (list == NULL || depth > 4)
    return;

  n = internet_address_list_length (list);
  for (int i = 0; i < n; i++)
    {
      InternetAddress *address = internet_address_list_get_address (list, i);

      if (INTERNET_ADDRESS_IS_MAILBOX (address))
        g_ptr_array_add (mailboxes, address);
      else if (INTERNET_ADDRESS_IS_GROUP (address))
        collect_mailboxes (internet_address_group_get_members (INTERNET_ADDRESS_GROUP (address)),
                           mailboxes, depth + 1);
    }
}

static gboolean
has_group (InternetAddressList *list)
{
  int n = list != NULL ? internet_address_list_length (list) : 0;

  for (int i = 0; i < n; i++)
    if (INTERNET_ADDRESS_IS_GROUP (internet_address_list_get_address (list, i)))
      return TRUE;
  return FALSE;
}

/* In ASCII: a domain in other letters comes as punycode ("xn--…"), which
 * is what the checks compare and what tells look-alikes apart. */
static char *
mailbox_address (InternetAddress *address)
{
  InternetAddressMailbox *mailbox = INTERNET_ADDRESS_MAILBOX (address);
  const char *addr = internet_address_mailbox_get_addr (mailbox);
  g_autofree char *valid = NULL;

  /* Converting costs: only for addresses that need it. */
  for (const char *p = addr; p != NULL && *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        addr = internet_address_mailbox_get_idn_addr (mailbox);
        break;
      }

  if (addr == NULL || *addr == '\0')
    return NULL;
  valid = g_utf8_make_valid (addr, -1);
  return g_utf8_strdown (valid, -1);
}

static char *
address_domain (const char *address)
{
  const char *at;
  char *domain;
  gsize length;

  if (address == NULL || !(at = strrchr (address, '@')))
    return NULL;

  domain = g_strdup (at + 1);
  length = strlen (domain);
  while (length > 0 && domain[length - 1] == '.')
    domain[--length] = '\0';
  if (length == 0)
    g_clear_pointer (&domain, g_free);
  return domain;
}

static char *
first_address (InternetAddressList *list)
{
  g_autoptr(GPtrArray) mailboxes = g_ptr_array_new ();

  collect_mailboxes (list, mailboxes, 0);
  for (guint i = 0; i < mailboxes->len; i++)
    {
      char *address = mailbox_address (g_ptr_array_index (mailboxes, i));

      if (address != NULL)
        return address;
    }
  return NULL;
}

/* Once each, in linear time however many there are. */
static void
add_recipients (GPtrArray           *recipients,
                GHashTable          *seen,
                InternetAddressList *list)
{
  g_autoptr(GPtrArray) mailboxes = g_ptr_array_new ();

  collect_mailboxes (list, mailboxes, 0);
  for (guint i = 0; i < mailboxes->len; i++)
    {
      char *address = mailbox_address (g_ptr_array_index (mailboxes, i));

      if (address == NULL || g_hash_table_contains (seen, address))
        {
          g_free (address);
          continue;
        }
      g_hash_table_add (seen, address);
      g_ptr_array_add (recipients, g_strdup (address));
    }
}

static InternetAddressList *
parse_address_header (GMimeMessage *message,
                      const char   *name)
{
  const char *value = g_mime_object_get_header (GMIME_OBJECT (message), name);

  if (value == NULL)
    return NULL;
  return internet_address_list_parse (objector_mail_get_parser_options (), value);
}

static char **
strv_from_array (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (char **) g_ptr_array_free (array, FALSE);
}

static void
read_from (ObjectorMail *self,
           GMimeMessage *message)
{
  InternetAddressList *from = g_mime_message_get_from (message);
  g_autoptr(GPtrArray) mailboxes = g_ptr_array_new ();
  g_autofree char *shown = NULL;

  if (from == NULL || internet_address_list_length (from) == 0)
    return;

  shown = internet_address_list_to_string (from, NULL, FALSE);
  self->from = capped (header_text (shown));
  self->from_group = has_group (from);
  collect_mailboxes (from, mailboxes, 0);
  self->n_from_mailboxes = mailboxes->len;
  if (mailboxes->len > 0)
    {
      InternetAddress *first = g_ptr_array_index (mailboxes, 0);

      self->from_name = capped (header_text (internet_address_get_name (first)));
      if (self->from_name != NULL && *self->from_name == '\0')
        g_clear_pointer (&self->from_name, g_free);
      self->from_address = mailbox_address (first);
      self->from_domain = address_domain (self->from_address);
    }
}

void
objector_mail_read_message (ObjectorMail *self,
              GMimeMessage *message)
{
  GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (message));
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) results = g_ptr_array_new ();
  GDateTime *date;
  GMimeObject *body;
  int n;

  read_from (self, message);

  add_recipients (recipients, seen, g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_TO));
  add_recipients (recipients, seen, g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_CC));
  add_recipients (recipients, seen, g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_BCC));
  {
    g_autoptr(InternetAddressList) delivered = parse_address_header (message, "Delivered-To");
    g_autoptr(InternetAddressList) original = parse_address_header (message, "X-Original-To");
    g_autoptr(InternetAddressList) envelope = parse_address_header (message, "Envelope-To");

    add_recipients (recipients, seen, delivered);
    add_recipients (recipients, seen, original);
    add_recipients (recipients, seen, envelope);
  }
  g_strfreev (self->recipients);
  self->recipients = strv_from_array (g_steal_pointer (&recipients));

  if ((date = g_mime_message_get_date (message)) != NULL)
    self->date = g_date_time_to_utc (date);

  self->subject = capped (header_text (g_mime_message_get_subject (message)));
  self->message_id = capped (header_text (g_mime_message_get_message_id (message)));
  if (self->message_id != NULL && *self->message_id == '\0')
    g_clear_pointer (&self->message_id, g_free);

  self->reply_to = first_address (g_mime_message_get_reply_to (message));
  {
    g_autoptr(InternetAddressList) return_path = parse_address_header (message, "Return-Path");
    g_autoptr(InternetAddressList) sender = parse_address_header (message, "Sender");

    self->return_path = first_address (return_path);
    self->sender = first_address (sender);
  }

  n = g_mime_header_list_get_count (headers);
  for (int i = 0; i < n; i++)
    {
      GMimeHeader *header = g_mime_header_list_get_header_at (headers, i);
      const char *name = g_mime_header_get_name (header);

      if (g_ascii_strcasecmp (name, "Authentication-Results") == 0)
        {
          /* As the server wrote it: no encoded words decoded. */
          const char *raw = g_mime_header_get_raw_value (header);
          char *value = header_text (raw != NULL ? raw : g_mime_header_get_value (header));

          if (value != NULL)
            g_ptr_array_add (results, value);
        }
      else if (g_ascii_strcasecmp (name, "From") == 0)
        self->n_from_headers++;
      else if (g_ascii_strncasecmp (name, "ARC-", 4) == 0)
        self->has_arc = TRUE;
    }
  g_strfreev (self->authentication_results);
  self->authentication_results = strv_from_array (g_steal_pointer (&results));

  if ((body = g_mime_message_get_mime_part (message)) != NULL)
    {
      BodyWalk walk = { self, g_string_new (NULL), g_string_new (NULL), 0 };

      walk_parts (body, &walk, 0, TRUE);
      g_free (self->body);
      self->body = trimmed (walk.plain->len > 0 && *g_strstrip (walk.plain->str) != '\0'
                            ? walk.plain : walk.html);
      g_string_free (walk.plain, TRUE);
      g_string_free (walk.html, TRUE);
    }
}

/* Raw header blocks */

gboolean
objector_mail_is_header_line (const char *line,
                              gsize       length)
{
  gsize i = 0;

  while (i < length && line[i] > ' ' && line[i] < 127 && line[i] != ':')
    i++;
  if (i == 0)
    return FALSE;
  while (i < length && (line[i] == ' ' || line[i] == '\t'))
    i++;
  return i < length && line[i] == ':';
}

/* Headers whose text is only shown, never judged: the start is enough. */
static gboolean
is_display_header (const char *name,
                   gsize       length)
{
  static const char * const names[] = { "Subject", "Comments", "Keywords", "Thread-Topic", "Thread-Index" };

  if (length > 2 && g_ascii_strncasecmp (name, "X-", 2) == 0)
    return !(length == strlen ("X-Original-To") && g_ascii_strncasecmp (name, "X-Original-To", length) == 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (length == strlen (names[i]) && g_ascii_strncasecmp (name, names[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* The message with its header block bounded: display headers cut to
 * MAX_DISPLAY_HEADER bytes, any other header larger than MAX_HEADER
 * dropped whole (cut, an address list or a result could say something
 * else), and no more than MAX_HEADER_FIELDS fields. NULL when nothing had
 * to change. *@n_dropped counts the fields dropped, *@largest the largest. */
GString *
objector_mail_bound_headers (const char *start,
               const char *end,
               guint      *n_dropped,
               guint64    *largest)
{
  GString *out = NULL;
  const char *p = start;
  guint n_fields = 0;

  while (p < end && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n'))
    {
      const char *field = p;
      const char *colon;
      gsize length;
      gsize keep;

      /* One field: its line and the folded lines after it. */
      do
        {
          const char *nl = memchr (p, '\n', end - p);

          p = nl != NULL ? nl + 1 : end;
        }
      while (p < end && (*p == ' ' || *p == '\t'));
      length = p - field;
      colon = memchr (field, ':', length);

      keep = length;
      if (++n_fields > MAX_HEADER_FIELDS)
        keep = 0;
      else if (colon != NULL && is_display_header (field, colon - field))
        keep = MIN (length, MAX_DISPLAY_HEADER);
      else if (length > MAX_HEADER)
        keep = 0;

      if (keep < length && out == NULL)
        {
          out = g_string_sized_new (end - start);
          g_string_append_len (out, start, field - start);
        }
      if (keep == 0)
        {
          (*n_dropped)++;
          *largest = MAX (*largest, length);
        }
      else if (out != NULL)
        {
          g_string_append_len (out, field, keep);
          if (keep < length)
            g_string_append_c (out, '\n');
        }
    }

  if (out != NULL)
    g_string_append_len (out, p, end - p);
  return out;
}

const char *
objector_mail_describe_special (unsigned int mode)
{
  if (S_ISREG (mode))
    return NULL;
  if (S_ISFIFO (mode))
    return _("a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISDIR (mode))
    return _("a folder");
  return _("not a regular file");
}

int
objector_mail_open_regular (const char  *filename,
                            struct stat *st,
                            GError     **error)
{
  g_autofree char *name = g_path_get_basename (filename);
  const char *special;
  int fd;

  /* O_NONBLOCK: a named pipe put there since it was looked at must not
   * make the open wait for a writer. It changes nothing for files. */
  fd = g_open (filename, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0 || fstat (fd, st) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "“%s”: %s", filename, g_strerror (saved));
      return -1;
    }
  if ((special = objector_mail_describe_special (st->st_mode)) != NULL)
    {
      close (fd);
      /* Translators: "“x” is a named pipe (FIFO), not an email file: it is not read". */
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
                   _("“%s” is %s, not an email file: it is not read"), name, special);
      return -1;
    }
  return fd;
}

/* Up to @max bytes of a regular file, never blocking on anything else. */
gboolean
objector_mail_read_regular_file (const char  *filename,
                   gsize        max,
                   char       **contents,
                   gsize       *length,
                   GError     **error)
{
  struct stat st;
  GByteArray *bytes;
  guint8 buffer[64 * 1024];
  int fd;

  if ((fd = objector_mail_open_regular (filename, &st, error)) < 0)
    return FALSE;

  bytes = g_byte_array_sized_new (MIN ((gsize) st.st_size, max) + 1);
  while (bytes->len < max)
    {
      gssize n = read (fd, buffer, MIN (sizeof buffer, max - bytes->len));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_byte_array_unref (bytes);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "“%s”: %s", filename, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      g_byte_array_append (bytes, buffer, n);
    }
  close (fd);

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (bytes, FALSE);
  return TRUE;
}


/* objector-mail-msg.c — Outlook .msg files, read as far as Objector needs
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An Outlook .msg file is a Compound File (MS-CFB) whose streams hold MAPI
 * properties (MS-OXMSG). A received email keeps its original Internet
 * headers in PR_TRANSPORT_MESSAGE_HEADERS, Authentication-Results
 * included, so the message is rebuilt as RFC 822 text from those headers
 * and the body, and read like any .eml. Everything in the file is
 * distrusted: every sector number, chain and size is checked against the
 * file before use.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-error.h"
#include "objector-mail-private.h"

#define FREE_SECTOR    0xffffffffu
#define END_OF_CHAIN   0xfffffffeu
#define MAX_REG_SECTOR 0xfffffffau
#define NO_STREAM      0xffffffffu

#define DIR_ENTRY_SIZE 128
#define HEADER_DIFAT   109

/* Property streams of the message itself (not of its attachments). */
#define PROP_TRANSPORT_HEADERS "__substg1.0_007D"
#define PROP_BODY              "__substg1.0_1000"
#define PROP_HTML              "__substg1.0_1013"
#define PROP_SUBJECT           "__substg1.0_0037"
#define PROP_SENDER_NAME       "__substg1.0_0C1A"
#define PROP_SENDER_ADDRESS    "__substg1.0_0C1F"
#define PROP_DISPLAY_TO        "__substg1.0_0E04"

typedef struct
{
  const guint8 *data;
  gsize         length;
  guint         sector_size;
  guint         mini_sector_size;
  guint32       mini_cutoff;
  guint32       n_sectors;     /* whole sectors after the header */
  guint32      *fat;
  guint32       fat_length;
  guint32      *mini_fat;
  guint32       mini_fat_length;
  GByteArray   *directory;
  GByteArray   *mini_stream;
} Compound;

static void
compound_clear (Compound *cf)
{
  g_free (cf->fat);
  g_free (cf->mini_fat);
  g_clear_pointer (&cf->directory, g_byte_array_unref);
  g_clear_pointer (&cf->mini_stream, g_byte_array_unref);
}

static guint16
read16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
read32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static const guint8 *
sector (Compound *cf,
        guint32   n)
{
  if (n >= cf->n_sectors)
    return NULL;
  return cf->data + (gsize) (n + 1) * cf->sector_size;
}

/* Follows a FAT chain; a chain that loops, leaves the file or is longer
 * than @max_bytes needs is damage. */
static GByteArray *
read_chain (Compound *cf,
            guint32   start,
            guint64   max_bytes)
{
  GByteArray *out = g_byte_array_new ();
  guint32 n = start;
  guint32 steps = 0;

  while (n != END_OF_CHAIN)
    {
      const guint8 *s = sector (cf, n);

      if (s == NULL || n >= cf->fat_length || ++steps > cf->n_sectors
          || out->len >= max_bytes + cf->sector_size)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      g_byte_array_append (out, s, cf->sector_size);
      n = cf->fat[n];
    }
  return out;
}

/* Follows a mini FAT chain in the mini stream until @size bytes are read;
 * a chain that loops or leaves the mini stream is damage. */
static GByteArray *
read_mini_chain (Compound *cf,
                 guint32   start,
                 guint64   size)
{
  GByteArray *out = g_byte_array_new ();
  guint32 n = start;
  guint32 steps = 0;

  while (n != END_OF_CHAIN && out->len < size)
    {
      gsize offset = (gsize) n * cf->mini_sector_size;

      if (cf->mini_stream == NULL || n >= cf->mini_fat_length
          || offset + cf->mini_sector_size > cf->mini_stream->len
          || ++steps > cf->mini_fat_length)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      g_byte_array_append (out, cf->mini_stream->data + offset, cf->mini_sector_size);
      n = cf->mini_fat[n];
    }
  return out;
}

static gboolean
compound_open (Compound     *cf,
               const guint8 *data,
               gsize         length)
{
  guint shift, mini_shift;
  guint32 n_fat, first_dir, first_mini_fat, n_mini_fat, first_difat, n_difat;
  g_autoptr(GArray) fat_sectors = g_array_new (FALSE, FALSE, sizeof (guint32));
  GByteArray *mini_fat_bytes;
  const guint8 *root;

  memset (cf, 0, sizeof *cf);
  if (length < 512 || read16 (data + 0x1c) != 0xfffe)
    return FALSE;

  shift = read16 (data + 0x1e);
  mini_shift = read16 (data + 0x20);
  if ((shift != 9 && shift != 12) || mini_shift != 6)
    return FALSE;

  cf->data = data;
  cf->length = length;
  cf->sector_size = 1u << shift;
  cf->mini_sector_size = 1u << mini_shift;
  cf->mini_cutoff = read32 (data + 0x38);
  if (length < cf->sector_size)
    return FALSE;
  cf->n_sectors = (guint32) MIN ((length - cf->sector_size) / cf->sector_size, (gsize) MAX_REG_SECTOR);

  n_fat = read32 (data + 0x2c);
  first_dir = read32 (data + 0x30);
  first_mini_fat = read32 (data + 0x3c);
  n_mini_fat = read32 (data + 0x40);
  first_difat = read32 (data + 0x44);
  n_difat = read32 (data + 0x48);
  if (n_fat > cf->n_sectors || n_mini_fat > cf->n_sectors || n_difat > cf->n_sectors)
    return FALSE;

  /* Where the FAT is: 109 sectors named in the header, more in DIFAT sectors. */
  for (guint i = 0; i < HEADER_DIFAT && fat_sectors->len < n_fat; i++)
    {
      guint32 n = read32 (data + 0x4c + 4 * i);

      if (n == FREE_SECTOR)
        break;
      g_array_append_val (fat_sectors, n);
    }
  for (guint32 d = first_difat, steps = 0; d != END_OF_CHAIN && d != FREE_SECTOR && fat_sectors->len < n_fat;)
    {
      const guint8 *s = sector (cf, d);
      guint per = cf->sector_size / 4 - 1;

      if (s == NULL || ++steps > n_difat)
        return FALSE;
      for (guint i = 0; i < per && fat_sectors->len < n_fat; i++)
        {
          guint32 n = read32 (s + 4 * i);

          g_array_append_val (fat_sectors, n);
        }
      d = read32 (s + 4 * per);
    }
  if (fat_sectors->len == 0)
    return FALSE;

  cf->fat_length = fat_sectors->len * (cf->sector_size / 4);
  cf->fat = g_new (guint32, cf->fat_length);
  for (guint i = 0; i < fat_sectors->len; i++)
    {
      const guint8 *s = sector (cf, g_array_index (fat_sectors, guint32, i));

      if (s == NULL)
        return FALSE;
      for (guint j = 0; j < cf->sector_size / 4; j++)
        cf->fat[i * (cf->sector_size / 4) + j] = read32 (s + 4 * j);
    }

  if (!(cf->directory = read_chain (cf, first_dir, length)) || cf->directory->len < DIR_ENTRY_SIZE)
    return FALSE;

  if (first_mini_fat != END_OF_CHAIN && n_mini_fat > 0)
    {
      if (!(mini_fat_bytes = read_chain (cf, first_mini_fat, (guint64) n_mini_fat * cf->sector_size)))
        return FALSE;
      cf->mini_fat_length = mini_fat_bytes->len / 4;
      cf->mini_fat = g_new (guint32, MAX (cf->mini_fat_length, 1));
      for (guint32 i = 0; i < cf->mini_fat_length; i++)
        cf->mini_fat[i] = read32 (mini_fat_bytes->data + 4 * i);
      g_byte_array_unref (mini_fat_bytes);
    }

  /* The root entry's stream is the mini stream that holds small streams. */
  root = cf->directory->data;
  if (root[0x42] != 5)
    return FALSE;
  if (read32 (root + 0x74) != END_OF_CHAIN && read32 (root + 0x78) > 0)
    {
      guint64 size = read32 (root + 0x78);

      if (size > length || !(cf->mini_stream = read_chain (cf, read32 (root + 0x74), size)))
        return FALSE;
      g_byte_array_set_size (cf->mini_stream, MIN (cf->mini_stream->len, size));
    }

  return TRUE;
}

/* The name of directory entry @i in ASCII ("?" for anything else). */
static char *
entry_name (Compound *cf,
            guint32   i)
{
  const guint8 *e = cf->directory->data + (gsize) i * DIR_ENTRY_SIZE;
  guint n = MIN (read16 (e + 0x40), 64) / 2;
  GString *name = g_string_new (NULL);

  for (guint k = 0; k + 1 < n; k++)
    {
      guint16 c = read16 (e + 2 * k);

      g_string_append_c (name, c < 128 ? (char) c : '?');
    }
  return g_string_free (name, FALSE);
}

/* The streams directly under the root (the message's own properties):
 * a walk of the root's child tree, every entry visited once. */
static GPtrArray *
top_level_streams (Compound *cf)
{
  guint32 n_entries = cf->directory->len / DIR_ENTRY_SIZE;
  g_autofree gboolean *seen = g_new0 (gboolean, n_entries);
  g_autoptr(GArray) todo = g_array_new (FALSE, FALSE, sizeof (guint32));
  GPtrArray *entries = g_ptr_array_new ();
  guint32 child = read32 (cf->directory->data + 0x4c);

  g_array_append_val (todo, child);
  while (todo->len > 0)
    {
      guint32 i = g_array_index (todo, guint32, todo->len - 1);
      const guint8 *e;

      g_array_set_size (todo, todo->len - 1);
      if (i == NO_STREAM || i >= n_entries || seen[i])
        continue;
      seen[i] = TRUE;
      e = cf->directory->data + (gsize) i * DIR_ENTRY_SIZE;
      if (e[0x42] == 2)
        g_ptr_array_add (entries, GUINT_TO_POINTER (i));
      {
        guint32 left = read32 (e + 0x44);
        guint32 right = read32 (e + 0x48);

        g_array_append_val (todo, left);
        g_array_append_val (todo, right);
      }
    }
  return entries;
}

static GByteArray *
read_stream (Compound *cf,
             guint32   i)
{
  const guint8 *e = cf->directory->data + (gsize) i * DIR_ENTRY_SIZE;
  guint32 start = read32 (e + 0x74);
  guint64 size = read32 (e + 0x78);
  GByteArray *bytes;

  if (size > cf->length)
    return NULL;

  /* Small streams live in the mini stream. */
  bytes = size < cf->mini_cutoff ? read_mini_chain (cf, start, size) : read_chain (cf, start, size);
  if (bytes == NULL || bytes->len < size)
    {
      g_clear_pointer (&bytes, g_byte_array_unref);
      return NULL;
    }
  g_byte_array_set_size (bytes, size);
  return bytes;
}

/* A string property: "…001F" is UTF-16LE, "…001E" the sender's 8-bit
 * code page (read as Windows-1252, as Outlook in the West writes it). */
static char *
string_property (Compound   *cf,
                 GPtrArray  *streams,
                 const char *prefix)
{
  for (guint i = 0; i < streams->len; i++)
    {
      guint32 entry = GPOINTER_TO_UINT (g_ptr_array_index (streams, i));
      g_autofree char *name = entry_name (cf, entry);
      g_autoptr(GByteArray) bytes = NULL;
      char *text;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != strlen (prefix) + 4)
        continue;
      if (!(bytes = read_stream (cf, entry)))
        continue;

      if (g_str_equal (name + strlen (prefix), "001F"))
        {
          g_autofree gunichar2 *units = g_new0 (gunichar2, bytes->len / 2 + 1);
          gsize n = bytes->len / 2;

          for (gsize k = 0; k < n; k++)
            units[k] = read16 (bytes->data + 2 * k);
          while (n > 0 && units[n - 1] == 0)
            n--;
          text = g_utf16_to_utf8 (units, n, NULL, NULL, NULL);
          if (text == NULL)
            continue;
          return text;
        }
      if (g_str_equal (name + strlen (prefix), "001E") || g_str_equal (name + strlen (prefix), "0102"))
        {
          g_byte_array_append (bytes, (const guint8 *) "", 1);
          return g_strdup ((const char *) bytes->data);
        }
    }
  return NULL;
}

/* The transport headers without what described the original body: the
 * body that follows is the decoded text. */
static void
append_headers (GString    *out,
                const char *headers)
{
  g_auto(GStrv) lines = g_strsplit (headers, "\n", -1);
  gboolean skipping = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize n = strlen (line);

      if (n > 0 && line[n - 1] == '\r')
        line[--n] = '\0';
      if (n == 0)
        break;
      if (line[0] == ' ' || line[0] == '\t')
        {
          if (!skipping)
            g_string_append_printf (out, "%s\n", line);
          continue;
        }
      skipping = g_ascii_strncasecmp (line, "Content-Type:", 13) == 0
                 || g_ascii_strncasecmp (line, "Content-Transfer-Encoding:", 26) == 0
                 || g_ascii_strncasecmp (line, "MIME-Version:", 13) == 0;
      if (!skipping)
        g_string_append_printf (out, "%s\n", line);
    }
}

/* One header line from a property: no line breaks may slip in. */
static void
append_header (GString    *out,
               const char *name,
               const char *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL || *value == '\0')
    return;
  clean = g_strdup (value);
  g_strdelimit (clean, "\r\n", ' ');
  g_string_append_printf (out, "%s: %s\n", name, clean);
}

GBytes *
objector_mail_msg_to_rfc822 (const guint8  *data,
                             gsize          length,
                             const char    *subject,
                             gboolean      *has_headers,
                             GError       **error)
{
  Compound cf;
  g_autoptr(GPtrArray) streams = NULL;
  g_autofree char *headers = NULL;
  g_autofree char *body = NULL;
  g_autofree char *html = NULL;
  GString *out;

  if (!compound_open (&cf, data, length))
    {
      compound_clear (&cf);
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL,
                   _("%s is a damaged Outlook message file: save the email from Outlook again, "
                     "or as an .eml file"), subject);
      return NULL;
    }

  streams = top_level_streams (&cf);
  headers = string_property (&cf, streams, PROP_TRANSPORT_HEADERS);
  body = string_property (&cf, streams, PROP_BODY);
  if (body == NULL)
    html = string_property (&cf, streams, PROP_HTML);

  out = g_string_new (NULL);
  *has_headers = headers != NULL && *g_strstrip (headers) != '\0';
  if (*has_headers)
    append_headers (out, headers);
  else
    {
      /* A message never sent through the Internet (a draft, or one the
       * sender kept): only what Outlook kept of it. */
      g_autofree char *subject_text = string_property (&cf, streams, PROP_SUBJECT);
      g_autofree char *sender_name = string_property (&cf, streams, PROP_SENDER_NAME);
      g_autofree char *sender_address = string_property (&cf, streams, PROP_SENDER_ADDRESS);
      g_autofree char *from = NULL;

      if (sender_address != NULL && strchr (sender_address, '@') != NULL)
        from = sender_name != NULL ? g_strdup_printf ("\"%s\" <%s>", sender_name, sender_address)
                                   : g_strdup (sender_address);
      append_header (out, "From", from);
      if (subject_text != NULL)
        {
          g_autofree char *encoded = g_mime_utils_header_encode_text (NULL, subject_text, "utf-8");

          append_header (out, "Subject", encoded);
        }
    }
  compound_clear (&cf);

  g_string_append (out, "MIME-Version: 1.0\n");
  if (body != NULL)
    g_string_append (out, "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n");
  else
    g_string_append (out, "Content-Type: text/html\nContent-Transfer-Encoding: 8bit\n\n");
  g_string_append (out, body != NULL ? body : html != NULL ? html : "");
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

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
#include "objector-mail-private.h"

/* Text beyond this is cut: recognition needs the first lines, and a
 * malicious message should not cost memory beyond its size. */
#define MAX_BODY_BYTES (4 * 1024 * 1024)

/* Parts nested deeper than this are not read for text. */
#define MAX_PART_DEPTH 32

/* Bounds on the header block, before GMime reads it (see bound_headers()). */
#define MAX_HEADER_FIELDS  10000
#define MAX_DISPLAY_HEADER (16 * 1024)
#define MAX_HEADER         (4 * 1000 * 1000)

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
  return internet_address_list_parse (parser_options, value);
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

static void
read_message (ObjectorMail *self,
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

/* Reading */

static gboolean
is_header_line (const char *line,
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

static const char *
next_line (const char *p,
           const char *end)
{
  const char *nl = memchr (p, '\n', end - p);

  return nl != NULL ? nl + 1 : end;
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
static GString *
bound_headers (const char *start,
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
  if (!is_header_line (p, (line_end ? line_end : end) - p))
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
    g_autoptr(GString) bounded = bound_headers (p, end, &self->n_headers_dropped, &self->largest_dropped);

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

  read_message (self, message);

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
static gboolean
read_regular_file (const char  *filename,
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
  if (!read_regular_file (filename, OBJECTOR_MAIL_MAX_SIZE + 1, &contents, &length, error))
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

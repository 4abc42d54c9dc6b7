/* test-mail.c — reading, recognising, trusting, matching and logging emails
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-mail.h"
#include "objector-lookalike.h"
#include "objector-html-text.h"
#include "objector-store.h"
#include "objector-test-util.h"

static ObjectorPlaybook *playbook;

static char *
data_file (const char *name)
{
  return test_util_data_path ("mail", name, NULL);
}

static ObjectorMail *
read_mail (const char *name)
{
  g_autofree char *path = data_file (name);
  g_autoptr(GError) error = NULL;
  ObjectorMail *mail = objector_mail_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (mail);
  objector_mail_check (mail, playbook);
  return mail;
}

static ObjectorMail *
mail_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  ObjectorMail *mail = objector_mail_new_from_string (text, NULL, &error);

  g_assert_no_error (error);
  objector_mail_check (mail, playbook);
  return mail;
}

static char *
date_string (ObjectorMail *mail)
{
  g_assert_nonnull (objector_mail_get_date (mail));
  return g_date_time_format (objector_mail_get_date (mail), "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
notes_contain (ObjectorMail *mail,
               const char   *needle)
{
  const char * const *notes = objector_mail_get_trust_notes (mail);

  for (guint i = 0; notes[i] != NULL; i++)
    if (strstr (notes[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Parsing */

static void
test_parse_german_qp (void)
{
  g_autoptr(ObjectorMail) mail = read_mail ("approval-de.eml");
  g_autofree char *date = date_string (mail);
  g_autofree char *excerpt = objector_mail_dup_excerpt (mail);

  g_assert_cmpstr (objector_mail_get_from (mail), ==, "Facebook <noreply@facebookmail.com>");
  g_assert_cmpstr (objector_mail_get_from_name (mail), ==, "Facebook");
  g_assert_cmpstr (objector_mail_get_from_address (mail), ==, "noreply@facebookmail.com");
  g_assert_cmpstr (objector_mail_get_from_domain (mail), ==, "facebookmail.com");
  g_assert_cmpstr (objector_mail_get_subject (mail), ==, "Dein Widerspruch gegen die Nutzung deiner Informationen");
  g_assert_cmpstr (objector_mail_get_message_id (mail), ==, "approval-de.1a2b3c@facebookmail.com");
  g_assert_cmpstr (date, ==, "2026-11-24T08:12:03Z");
  g_assert_true (g_strv_contains (objector_mail_get_recipients (mail), "zoe@example.org"));
  g_assert_cmpuint (g_strv_length ((char **) objector_mail_get_authentication_results (mail)), ==, 1);
  test_util_assert_contains (objector_mail_get_authentication_results (mail)[0], "dmarc=pass");
  g_assert_cmpstr (objector_mail_get_return_path (mail), ==, "noreply@facebookmail.com");
  g_assert_null (objector_mail_get_reply_to (mail));

  /* Quoted-printable soft breaks joined, UTF-8 decoded. */
  test_util_assert_contains (objector_mail_get_body (mail), "Hallo Zoë,");
  test_util_assert_contains (objector_mail_get_body (mail), "Wir werden deinem Widerspruch nachkommen: Er wird ab sofort angewendet");
  g_assert_true (g_strv_contains (objector_mail_get_links (mail), "https://www.facebook.com/privacy/genai"));
  g_assert_true (g_str_has_prefix (excerpt, "Hallo Zoë, vielen Dank für deine Nachricht."));
  g_assert_cmpuint (g_utf8_strlen (excerpt, -1), <=, OBJECTOR_MAIL_EXCERPT_CHARS + 1);
  g_assert_cmpuint (objector_mail_get_source_index (mail), ==, 0);
  g_assert_cmpstr (objector_mail_get_source (mail), ==, "approval-de.eml");
  g_assert_cmpuint (strlen (objector_mail_get_digest (mail)), ==, 64);
}

static void
test_parse_html_only_base64 (void)
{
  g_autoptr(ObjectorMail) mail = read_mail ("rejection-fr.eml");
  const char *body = objector_mail_get_body (mail);

  g_assert_cmpstr (objector_mail_get_subject (mail), ==, "Votre demande d’opposition");
  test_util_assert_contains (body, "Nous avons examiné votre demande d’opposition.");
  /* Entities decoded, tags gone, one line per paragraph. */
  test_util_assert_contains_all (body,
                                 "car nous n’avons pas pu établir",
                                 "En savoir plus : Centre d’aide\n",
                                 "Bonjour,\n");
  test_util_assert_lacks (body, "<");
  test_util_assert_lacks (body, "track(");   /* script */
  test_util_assert_lacks (body, "#262626");  /* style */
  g_assert_true (g_strv_contains (objector_mail_get_links (mail),
                                  "https://help.instagram.com/contact/233964459562201?ref=mail&lang=fr"));
}

static void
test_parse_multipart_crlf (void)
{
  g_autoptr(ObjectorMail) mail = read_mail ("receipt-en-crlf.eml");
  g_autofree char *date = date_string (mail);

  g_assert_cmpstr (date, ==, "2026-11-24T02:01:44Z");
  g_assert_cmpstr (objector_mail_get_from (mail), ==, "Facebook <noreply@facebookmail.com>");
  /* text/plain wins over the HTML alternative. */
  test_util_assert_contains (objector_mail_get_body (mail), "We've received your request to object");
  test_util_assert_contains (objector_mail_get_body (mail), "The Facebook Privacy Team");
  test_util_assert_lacks (objector_mail_get_body (mail), "<p>");
  test_util_assert_lacks (objector_mail_get_body (mail), "\r");
  g_assert_cmpuint (g_strv_length ((char **) objector_mail_get_links (mail)), ==, 1);
}

static void
test_parse_charsets (void)
{
  g_autoptr(ObjectorMail) es = read_mail ("code-es.eml");
  g_autoptr(ObjectorMail) it = read_mail ("extension-it.eml");
  g_autoptr(ObjectorMail) pl = read_mail ("approval-pl.eml");
  g_autoptr(ObjectorMail) pt = read_mail ("rejection-pt.eml");
  g_autoptr(ObjectorMail) nl = read_mail ("receipt-nl.eml");

  /* ISO-8859-1, quoted-printable, encoded subject */
  g_assert_cmpstr (objector_mail_get_subject (es), ==, "Tu código de confirmación: 482913");
  test_util_assert_contains (objector_mail_get_body (es), "Introduce este código para confirmar tu solicitud de oposición:");

  /* windows-1252, 8bit: typographic quotes live in 0x80–0x9f */
  g_assert_cmpstr (objector_mail_get_subject (it), ==, "Ci serve più tempo per la tua richiesta");
  test_util_assert_contains (objector_mail_get_body (it), "ai sensi dell’articolo 12");
  test_util_assert_contains (objector_mail_get_body (it), "“Grazie per la pazienza”");

  /* base64 UTF-8 */
  g_assert_cmpstr (objector_mail_get_subject (pl), ==, "Twój wniosek o sprzeciw");
  test_util_assert_contains (objector_mail_get_body (pl), "uwzględnimy Twój sprzeciw");

  /* HTML only, Latin-1, quoted-printable, named entities */
  g_assert_cmpstr (objector_mail_get_subject (pt), ==, "O seu pedido de oposição");
  test_util_assert_contains (objector_mail_get_body (pt), "Olá,\nAnalisámos o seu pedido de oposição.");
  test_util_assert_contains (objector_mail_get_body (pt), "não podemos atender");

  /* 8bit UTF-8 */
  test_util_assert_contains (objector_mail_get_body (nl), "We hebben je verzoek ontvangen");
}

static void
test_parse_pasted (void)
{
  g_autoptr(GError) error = NULL;

  /* What a person pastes: blank lines first, then the original message. */
  g_autoptr(ObjectorMail) mail =
    mail_from_text ("\n  \n\r\nFrom: Instagram <no-reply@mail.instagram.com>\n"
                    "To: zoe@example.org\nSubject: Request received\n\n"
                    "We have received your request.\n");
  g_assert_cmpstr (objector_mail_get_from_domain (mail), ==, "mail.instagram.com");
  g_assert_cmpstr (objector_mail_get_body (mail), ==, "We have received your request.");
  g_assert_null (objector_mail_get_source (mail));
  g_assert_null (objector_mail_get_date (mail));
  g_assert_null (objector_mail_get_message_id (mail));
  g_autofree char *label = objector_mail_dup_source_label (mail);
  g_assert_cmpstr (label, ==, "pasted text");
  /* It does not say it is about an objection: the person decides. */
  g_assert_cmpint (objector_mail_get_kind (mail), ==, OBJECTOR_MAIL_KIND_UNRECOGNISED);
  g_assert_cmpstr (objector_mail_get_platform (mail), ==, "instagram");

  /* An mbox separator line on top, and a byte-order mark. */
  g_autoptr(GBytes) bytes =
    g_bytes_new_static ("From someone Tue Nov 24 10:00:00 2026\nFrom: a@example.org\nSubject: x\n\nbody\n", 73);
  g_autoptr(ObjectorMail) from_line = objector_mail_new_from_bytes (bytes, "x.eml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_mail_get_subject (from_line), ==, "x");

  g_autoptr(ObjectorMail) bom =
    objector_mail_new_from_string ("\xef\xbb\xbf" "Subject: with a BOM\n\nhello\n", "bom.eml", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_mail_get_subject (bom), ==, "with a BOM");
}

static void
test_refused (void)
{
  static const struct
  {
    const char *text;
    const char *name;
    const char *message;
  } texts[] = {
    { "", NULL, "The pasted text is empty" },
    { "\n\n  \n", "blank.txt", "“blank.txt” is empty" },
    { "Dear Meta, I object.\n", "x.txt", "“x.txt” is not an email message: no header lines" },
    { "Note: buy milk\n\nand bread\n", "note.txt",
      "“note.txt” is not an email message: it has no sender, subject or date" },
  };
  static const char ole_bytes[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_util_make_dir ("refused");
  g_autofree char *big = g_build_filename (dir, "big.eml", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.eml", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.eml", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(ObjectorMail) pasted = objector_mail_new_from_string (texts[i].text, texts[i].name, &error);

      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
      g_assert_cmpstr (error->message, ==, texts[i].message);
      g_clear_error (&error);
    }

  g_autoptr(GBytes) ole = g_bytes_new_static (ole_bytes, sizeof ole_bytes);
  g_autoptr(ObjectorMail) mail = objector_mail_new_from_bytes (ole, "answer.msg", &error);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  g_assert_cmpstr (error->message, ==, "“answer.msg” is a damaged Outlook message file: "
                   "save the email from Outlook again, or as an .eml file");
  g_clear_error (&error);

  /* A sparse file: refused by its size, before anything is read. */
  int fd = g_open (big, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (goffset) 2100 * 1000 * 1000), ==, 0);
  close (fd);
  mail = objector_mail_new_from_file (big, &error);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  test_util_assert_contains (error->message, "“big.eml” is too large: 2.1 GB, the limit is 64 MB");
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  mail = objector_mail_new_from_file (empty, &error);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  g_assert_cmpstr (error->message, ==, "“empty.eml” is empty");
  g_clear_error (&error);

  mail = objector_mail_new_from_file (missing, &error);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  test_util_assert_contains (error->message, "missing.eml");
  g_clear_error (&error);

  mail = objector_mail_new_from_file (dir, &error);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
  test_util_assert_contains (error->message, "is a folder");
  g_clear_error (&error);

  test_util_rm_rf (dir);
}

/* Outlook's .msg: the original headers come back from its properties. */
static void
test_parse_outlook_msg (void)
{
  g_autoptr(ObjectorMail) mail = read_mail ("approval-nl.msg");
  g_autoptr(ObjectorMail) copy = read_mail ("kept-copy.msg");
  g_autofree char *date = date_string (mail);

  g_assert_cmpstr (objector_mail_get_from (mail), ==, "Instagram <no-reply@mail.instagram.com>");
  g_assert_cmpstr (objector_mail_get_subject (mail), ==, "Je bezwaarverzoek");
  g_assert_cmpstr (objector_mail_get_message_id (mail), ==, "approval-nl.msg.6@mail.instagram.com");
  g_assert_cmpstr (date, ==, "2026-11-26T10:15:00Z");
  g_assert_true (g_strv_contains (objector_mail_get_recipients (mail), "zoe@example.org"));
  test_util_assert_contains (objector_mail_get_authentication_results (mail)[0], "dkim=pass header.d=mail.instagram.com");
  test_util_assert_contains (objector_mail_get_body (mail), "Hallo Zoë,\n\nWe zullen je bezwaar honoreren");
  /* The attachment's properties are the attachment's. */
  test_util_assert_lacks (objector_mail_get_body (mail), "the attachment");
  g_assert_true (g_strv_contains (objector_mail_get_links (mail), "https://help.instagram.com/contact/233964459562201"));
  g_assert_cmpint (objector_mail_get_kind (mail), ==, OBJECTOR_MAIL_KIND_APPROVAL);
  g_assert_cmpstr (objector_mail_get_platform (mail), ==, "instagram");
  g_assert_true (objector_mail_get_trusted (mail));

  /* A copy without Internet headers: what Outlook says of the sender cannot be checked. */
  g_assert_cmpstr (objector_mail_get_from (copy), ==, "Facebook <noreply@facebookmail.com>");
  g_assert_cmpstr (objector_mail_get_subject (copy), ==, "Request received – copy");
  g_assert_cmpstr (objector_mail_get_body (copy), ==, "We have received your request.");
  g_assert_cmpint (objector_mail_get_kind (copy), ==, OBJECTOR_MAIL_KIND_UNRECOGNISED);
  g_assert_false (objector_mail_get_trusted (copy));
  g_assert_true (notes_contain (copy, "keeps none of the email’s Internet headers"));
}

/* Damaged .msg files: cut short, or with bytes changed anywhere. Each is
 * read or refused; none crashes, hangs or leaks (run it under ASan). */
static void
test_damaged_outlook_msg (void)
{
  g_autofree char *path = data_file ("approval-nl.msg");
  g_autofree char *contents = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  gsize length;
  guint n_read = 0, n_refused = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ObjectorMail) mail = NULL;
      g_autoptr(GError) error = NULL;
      gsize used = length;

      if (i < 64)
        used = 8 + (length - 8) * i / 64;  /* cut short */
      else
        for (guint k = g_rand_int_range (rand, 1, 9); k > 0; k--)
          {
            /* Sector numbers, sizes and names live in the first sectors. */
            gsize at = g_rand_boolean (rand) ? g_rand_int_range (rand, 8, 1536) : g_rand_int_range (rand, 8, length);

            copy[at] = (char) g_rand_int_range (rand, 0, 256);
          }

      bytes = g_bytes_new (copy, used);
      mail = objector_mail_new_from_bytes (bytes, "x.msg", &error);
      if (mail != NULL)
        {
          objector_mail_check (mail, playbook);
          g_assert_true (g_utf8_validate (objector_mail_get_body (mail), -1, NULL));
          n_read++;
        }
      else
        {
          g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_MAIL);
          n_refused++;
        }
    }
  g_test_message ("damaged .msg: %u read, %u refused", n_read, n_refused);
  g_assert_cmpuint (n_refused, >=, 60);
  g_assert_cmpuint (n_read, >=, 100);
}

/* The same for text messages and mbox files: bytes changed, lines cut. */
static void
test_damaged_text (void)
{
  static const char * const names[] = { "rejection-fr.eml", "phishing-link.eml", "mimekit/simple.mbox" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *dir = test_util_make_dir ("damaged-text");
  g_autofree char *target = g_build_filename (dir, "damaged.mbox", NULL);
  guint n_read = 0;

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path = data_file (names[f]);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      for (guint i = 0; i < 300; i++)
        {
          g_autofree char *copy = g_memdup2 (contents, length);
          g_autoptr(GPtrArray) mails = NULL;
          g_autoptr(GError) error = NULL;
          static const char noise[] = "\n\r:=?<>\"-;\0\xff\xc3" "From ";

          for (guint k = g_rand_int_range (rand, 1, 12); k > 0; k--)
            copy[g_rand_int_range (rand, 0, length)] = noise[g_rand_int_range (rand, 0, sizeof noise - 1)];
          g_assert_true (g_file_set_contents_full (target, copy, g_rand_int_range (rand, 1, length + 1),
                                                   G_FILE_SET_CONTENTS_NONE, 0600, NULL));

          mails = objector_mail_load_file (target, NULL, &error);
          for (guint m = 0; mails != NULL && m < mails->len; m++)
            {
              ObjectorMail *mail = g_ptr_array_index (mails, m);

              objector_mail_check (mail, playbook);
              if (objector_mail_get_error (mail) == NULL)
                {
                  g_assert_true (g_utf8_validate (objector_mail_get_body (mail), -1, NULL));
                  n_read++;
                }
            }
          g_assert_true (mails != NULL || error != NULL);
        }
    }
  g_assert_cmpuint (n_read, >, 300);
  test_util_rm_rf (dir);
}

/* Recognition */

typedef struct
{
  const char       *file;
  ObjectorMailKind  kind;
  const char       *platform;
} Expected;

static void
test_recognise (void)
{
  static const Expected expected[] = {
    { "approval-de.eml", OBJECTOR_MAIL_KIND_APPROVAL, "facebook" },
    { "rejection-fr.eml", OBJECTOR_MAIL_KIND_REJECTION, "instagram" },
    { "receipt-en-crlf.eml", OBJECTOR_MAIL_KIND_RECEIPT, "facebook" },
    { "code-es.eml", OBJECTOR_MAIL_KIND_CODE, "facebook" },
    { "extension-it.eml", OBJECTOR_MAIL_KIND_EXTENSION, "instagram" },
    /* "We have received your request" of no objection: the person decides. */
    { "receipt-nl.eml", OBJECTOR_MAIL_KIND_UNRECOGNISED, "facebook" },
    { "approval-pl.eml", OBJECTOR_MAIL_KIND_APPROVAL, "instagram" },
    { "rejection-pt.eml", OBJECTOR_MAIL_KIND_REJECTION, "facebook" },
    { "lookalike.eml", OBJECTOR_MAIL_KIND_APPROVAL, "facebook" },
    { "spoofed.eml", OBJECTOR_MAIL_KIND_APPROVAL, "facebook" },
    { "phishing-link.eml", OBJECTOR_MAIL_KIND_REJECTION, "facebook" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(ObjectorMail) mail = read_mail (expected[i].file);

      g_test_message ("%s", expected[i].file);
      g_assert_cmpstr (objector_mail_kind_to_string (objector_mail_get_kind (mail)), ==,
                       objector_mail_kind_to_string (expected[i].kind));
      g_assert_cmpstr (objector_mail_get_platform (mail), ==, expected[i].platform);
      g_assert_true (objector_mail_get_claims_meta (mail));
      if (expected[i].kind == OBJECTOR_MAIL_KIND_CODE)
        g_assert_cmpstr (objector_mail_get_code (mail), ==, "482913");
      else
        g_assert_null (objector_mail_get_code (mail));
    }
}

static void
test_recognise_edge_cases (void)
{
  /* The subject alone fits approvals and rejections alike: no guess. */
  g_autoptr(ObjectorMail) ambiguous =
    mail_from_text ("From: Facebook <noreply@facebookmail.com>\nSubject: Your objection request\n\nHello.\n");
  g_assert_cmpint (objector_mail_get_kind (ambiguous), ==, OBJECTOR_MAIL_KIND_UNRECOGNISED);

  g_autoptr(ObjectorMail) unrelated =
    mail_from_text ("From: Facebook <notification@facebookmail.com>\nSubject: You have 3 new friend requests\n\n"
                    "See who wants to be friends. Extensions are cool.\n");
  g_assert_cmpint (objector_mail_get_kind (unrelated), ==, OBJECTOR_MAIL_KIND_OTHER);
  g_assert_true (objector_mail_get_trusted (unrelated) || objector_mail_get_trust_notes (unrelated)[0] != NULL);

  /* meta.com says nothing of the platform; the text does. */
  g_autoptr(ObjectorMail) meta =
    mail_from_text ("From: Meta Privacy <privacy@meta.com>\nSubject: Update on your request\n\n"
                    "We're unable to honour your objection for your Instagram account.\n");
  g_assert_cmpint (objector_mail_get_kind (meta), ==, OBJECTOR_MAIL_KIND_REJECTION);
  g_assert_cmpstr (objector_mail_get_platform (meta), ==, "instagram");
  g_assert_cmpint (objector_mail_get_verdict (meta), ==, OBJECTOR_MAIL_VERDICT_UNVERIFIABLE);  /* no Authentication-Results */

  /* A phrase broken over two lines, in capitals, with a typographic
   * apostrophe where the playbook has a straight one. */
  g_autoptr(ObjectorMail) wrapped =
    mail_from_text ("From: Facebook <noreply@facebookmail.com>\nSubject: Hello\n\n"
                    "WE’RE UNABLE TO HONOUR YOUR OBJECTION BECAUSE OF THE REASONS\n  YOU GAVE.\n");
  g_assert_cmpint (objector_mail_get_kind (wrapped), ==, OBJECTOR_MAIL_KIND_REJECTION);

  /* The person corrects the kind; a later check keeps it. */
  g_autoptr(ObjectorMail) corrected =
    mail_from_text ("From: Facebook <noreply@facebookmail.com>\nSubject: Your objection request\n\nHello.\n");
  objector_mail_set_kind (corrected, OBJECTOR_MAIL_KIND_APPROVAL);
  objector_mail_check (corrected, playbook);
  g_assert_cmpint (objector_mail_get_kind (corrected), ==, OBJECTOR_MAIL_KIND_APPROVAL);
}

/* Trust */

static void
test_trust_verdicts (void)
{
  static const char * const trusted[] = {
    "approval-de.eml", "rejection-fr.eml", "receipt-en-crlf.eml", "code-es.eml",
    "extension-it.eml", "receipt-nl.eml", "approval-pl.eml", "rejection-pt.eml",
  };
  g_autoptr(ObjectorMail) lookalike = read_mail ("lookalike.eml");
  g_autoptr(ObjectorMail) spoofed = read_mail ("spoofed.eml");
  g_autoptr(ObjectorMail) phishing = read_mail ("phishing-link.eml");
  const char * const *hosts;

  for (guint i = 0; i < G_N_ELEMENTS (trusted); i++)
    {
      g_autoptr(ObjectorMail) mail = read_mail (trusted[i]);

      g_test_message ("%s", trusted[i]);
      g_assert_true (objector_mail_get_from_meta (mail));
      g_assert_true (objector_mail_get_trusted (mail));
      g_assert_null (objector_mail_get_trust_notes (mail)[0]);
      g_assert_null (objector_mail_get_foreign_hosts (mail)[0]);
    }

  g_assert_false (objector_mail_get_trusted (lookalike));
  g_assert_false (objector_mail_get_from_meta (lookalike));
  g_assert_true (notes_contain (lookalike, "“facebookmail.co” imitates Meta’s “facebookmail.com”"));
  g_assert_true (notes_contain (lookalike, "Return-Path"));

  /* Facebook's own address, but the receiving server says it is forged;
   * the "pass" header below it was written by the sender and counts for nothing. */
  g_assert_true (objector_mail_get_from_meta (spoofed));
  g_assert_false (objector_mail_get_trusted (spoofed));
  g_assert_true (notes_contain (spoofed, "DKIM “fail”"));
  g_assert_true (notes_contain (spoofed, "SPF “fail”"));
  g_assert_true (notes_contain (spoofed, "DMARC “fail”"));
  g_assert_true (notes_contain (spoofed, "bounce@mailer.example.net"));

  g_assert_true (objector_mail_get_from_meta (phishing));
  g_assert_false (objector_mail_get_trusted (phishing));
  hosts = objector_mail_get_foreign_hosts (phishing);
  g_assert_cmpuint (g_strv_length ((char **) hosts), ==, 2);
  g_assert_cmpstr (hosts[0], ==, "facebook.com.account-check.example.net");
  g_assert_cmpstr (hosts[1], ==, "evil.example.com");
  g_assert_true (notes_contain (phishing, "Links lead away from Meta, to facebook.com.account-check.example.net, evil.example.com"));
  g_assert_true (notes_contain (phishing, "Replies would go to “support@fb-help.example.net”"));
}

static void
test_trust_domains (void)
{
  static const char * const meta[] = {
    "facebookmail.com", "FacebookMail.COM", "mail.instagram.com", "x.y.facebookmail.com",
    "meta.com", "support.facebook.com",
  };
  static const char * const not_meta[] = {
    "facebookmail.com.evil.net", "faceb00kmail.com", "facebook-mail.com", "evilfacebookmail.com",
    "facebookmail.co", "xn--facebookmal-4kb.com", "facebооkmail.com" /* Cyrillic о */,
    "instagram.com.xn--80ak6aa92e.com", "", "com", "mail.instagram.co",
  };

  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    g_assert_true (objector_mail_domain_is_meta (playbook, meta[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_meta); i++)
    {
      g_test_message ("%s", not_meta[i]);
      g_assert_false (objector_mail_domain_is_meta (playbook, not_meta[i]));
    }
}

typedef struct
{
  const char *from;
  const char *note;       /* expected in a trust note */
  gboolean    claims;     /* pretends to be Meta */
} SenderCase;

static void
test_trust_senders (void)
{
  static const SenderCase cases[] = {
    { "Facebook <security@faceb00kmail.com>", "“faceb00kmail.com” imitates Meta’s “facebookmail.com”", TRUE },
    { "Support <help@facebook-security.com>", "“facebook-security.com” imitates Meta’s “facebook.com”", TRUE },
    { "x <noreply@facebookmail.com.evil.net>", "“facebookmail.com.evil.net” imitates Meta’s “facebookmail.com”", TRUE },
    { "Instagram <a@1nstagram-help.com>", "“1nstagram-help.com” imitates Meta’s “instagram.com”", TRUE },
    { "Meta <a@meta-privacy.net>", "“meta-privacy.net” imitates Meta’s “meta.com”", TRUE },
    { "Meta <a@xn--facebok-fjg.com>", "“xn--facebok-fjg.com” imitates Meta’s “facebook.com” with look-alike letters (it reads “faceboоk.com”)", TRUE },
    { "Meta <a@faceboоk.com>" /* Cyrillic о, unencoded */, "(it reads “faceboоk.com”)", TRUE },
    { "Facebook Team <team@mailer.example.net>", "“team@mailer.example.net” does not write from one of Meta’s domains", TRUE },
    { "A shop <news@metallica.example>", "does not write from one of Meta’s domains", FALSE },
    { "Zoë <zoe@example.org>", "“zoe@example.org” does not write from one of Meta’s domains", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("From: %s\nTo: zoe@example.org\nSubject: Your objection request\n\n"
                                               "We will honour your objection.\n", cases[i].from);
      g_autoptr(ObjectorMail) mail = mail_from_text (text);

      g_test_message ("%s", cases[i].from);
      g_assert_false (objector_mail_get_from_meta (mail));
      g_assert_false (objector_mail_get_trusted (mail));
      g_assert_true (notes_contain (mail, cases[i].note));
      g_assert_cmpint (objector_mail_get_claims_meta (mail), ==, cases[i].claims);
    }
}

typedef struct
{
  const char *results;
  const char *note;      /* NULL: trusted */
} AuthCase;

static void
test_trust_authentication (void)
{
  static const AuthCase cases[] = {
    { "mx.example.org; dkim=pass header.d=facebookmail.com; spf=pass smtp.mailfrom=facebookmail.com; dmarc=pass header.from=facebookmail.com", NULL },
    /* Semicolons inside comments do not split results. */
    { "mx.example.org (a; b); dkim=pass (good; signature) header.i=@facebookmail.com; spf=pass; dmarc=pass header.from=facebookmail.com", NULL },
    /* Two signatures, one of them Meta's: that one counts. */
    { "mx; dkim=pass header.d=esp.example; dkim=pass header.d=facebookmail.com; spf=pass; dmarc=pass header.from=facebookmail.com", NULL },
    { "mx; dkim=pass header.d=facebookmail.com; spf=softfail; dmarc=pass", "SPF “softfail”" },
    { "mx; dkim=none; spf=pass; dmarc=pass", "DKIM “none”" },
    { "mx; dkim=pass header.d=facebookmail.com; spf=pass", "no DMARC result" },
    { "mx; none", "checked nothing" },
    { "mx; dkim=pass header.d=evil.example; spf=pass; dmarc=pass", "signed (DKIM) by “evil.example”, not by Meta" },
    { "mx; DKIM=FAIL; SPF=PASS; DMARC=PASS", "DKIM “fail”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Authentication-Results: %s\nFrom: Facebook <noreply@facebookmail.com>\n"
                                               "To: zoe@example.org\nSubject: Request received\n\nhi\n", cases[i].results);
      g_autoptr(ObjectorMail) mail = mail_from_text (text);

      g_test_message ("%s", cases[i].results);
      if (cases[i].note == NULL)
        {
          g_assert_true (objector_mail_get_trusted (mail));
          g_assert_null (objector_mail_get_trust_notes (mail)[0]);
        }
      else
        {
          g_assert_false (objector_mail_get_trusted (mail));
          g_assert_true (notes_contain (mail, cases[i].note));
        }
    }
}

static void
test_links (void)
{
  static const struct { const char *link; const char *host; } hosts[] = {
    { "https://www.facebook.com/privacy", "www.facebook.com" },
    { "HTTPS://WWW.Facebook.COM./x", "www.facebook.com" },
    { "https://www.facebook.com@evil.example/", "evil.example" },
    { "https://evil.example\\@www.facebook.com/", "evil.example" },
    { "www.instagram.com/accounts", NULL },  /* a browser reads it as a relative link */
    { "//cdn.example.net/x.png", "cdn.example.net" },
    { "https://[2001:db8::1]/x", "2001:db8::1" },
    { "mailto:zoe@example.org", NULL },
    { "javascript:alert(1)", NULL },
    { "#top", NULL },
  };
  static const char html[] =
    "<p>A&amp;B &lt;3 &#233;&#xE9; &eacute &unknown; a < b</p>"
    "<!-- <a href='https://hidden.example/'>x</a> -->"
    "<ul><li>one</li><li>two<br>three</li></ul>"
    "<a\nhref = \"https://x.example/?a=1&amp;b=2\" >x</a>"
    "<A HREF=https://y.example/>y</A><style>a{}</style>";
  g_autoptr(ObjectorLinkSet) links = objector_link_set_new ();
  g_autoptr(ObjectorLinkSet) html_links = objector_link_set_new ();
  const char *text_links = "See https://www.facebook.com/help. Or (www.instagram.com/x), "
                           "and <https://a.example/b?c=d&e=f>!";

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_autofree char *host = NULL;

      objector_link_resolve (hosts[i].link, NULL, &host);
      g_assert_cmpstr (host, ==, hosts[i].host);
    }

  objector_link_set_add_text (links, text_links, strlen (text_links));
  g_assert_cmpuint (objector_link_set_get_n_links (links), ==, 3);
  g_assert_cmpstr (objector_link_set_get_links (links)[0], ==, "https://www.facebook.com/help");
  g_assert_cmpstr (objector_link_set_get_links (links)[1], ==, "www.instagram.com/x");
  g_assert_cmpstr (objector_link_set_get_links (links)[2], ==, "https://a.example/b?c=d&e=f");

  /* libxml2 decodes what HTML 4 knows; "&eacute" without ";" stays text. */
  g_autofree char *text = objector_html_read (html, strlen (html), html_links);
  g_assert_cmpstr (text, ==, "A&B <3 éé &eacute &unknown; a < b\n\none\ntwo\nthree\nxy");
  g_assert_cmpuint (objector_link_set_get_n_links (html_links), ==, 2);
  g_assert_cmpstr (objector_link_set_get_links (html_links)[0], ==, "https://x.example/?a=1&b=2");
  g_assert_cmpstr (objector_link_set_get_links (html_links)[1], ==, "https://y.example/");
}

static void
test_skeleton (void)
{
  static const struct { const char *text; const char *skeleton; } cases[] = {
    { "Facebook", "facebook" },
    { "FACEB00K", "facebook" },
    { "faсebook" /* Cyrillic с */, "facebook" },
    { "ｆａｃｅｂｏｏｋ" /* full width */, "facebook" },
    { "1nstagram", "lnstagram" },
    { "instagrarn", "lnstagram" },
    { "face-book.com", "facebookcom" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *skeleton = objector_lookalike_skeleton (cases[i].text, -1);

      g_assert_cmpstr (skeleton, ==, cases[i].skeleton);
    }
}

/* Matching */

/* Ready at @created, for @email in Germany; sent at @submitted unless it is NULL. */
static ObjectorObjection *
objection_at (const char *path,
              const char *email,
              const char *created,
              const char *submitted)
{
  ObjectorObjection *objection = test_util_objection_new (path, !g_str_equal (path, "third-party"), "DE", created);

  objector_objection_set_email (objection, email);
  test_util_apply_events (objection, OBJECTOR_EVENT_COMPLETE_DETAILS, created, -1);
  if (submitted != NULL)
    test_util_apply_events (objection,
                            OBJECTOR_EVENT_OPEN_FORM, submitted,
                            OBJECTOR_EVENT_SUBMIT, submitted,
                            -1);
  return objection;
}

static void
test_match (void)
{
  g_autoptr(GListStore) store = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(ObjectorObjection) fb_old = objection_at ("facebook-objection", "zoe@example.org",
                                                      "2026-10-01T10:00:00Z", "2026-10-01T10:05:00Z");
  g_autoptr(ObjectorObjection) fb = objection_at ("facebook-objection", "Zoe@Example.org",
                                                  "2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z");
  g_autoptr(ObjectorObjection) fb_draft = objection_at ("facebook-objection", "zoe@example.org",
                                                        "2026-11-21T10:00:00Z", NULL);
  g_autoptr(ObjectorObjection) fb_other = objection_at ("facebook-objection", "max@example.org",
                                                        "2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z");
  g_autoptr(ObjectorObjection) fb_later = objection_at ("facebook-objection", "zoe@example.org",
                                                        "2026-12-20T10:00:00Z", "2026-12-20T10:05:00Z");
  g_autoptr(ObjectorObjection) ig = objection_at ("instagram-objection", "zoe@example.org",
                                                  "2026-11-20T11:00:00Z", "2026-11-20T11:05:00Z");
  g_autoptr(ObjectorMail) approval = read_mail ("approval-de.eml");
  g_autoptr(ObjectorMail) rejection = read_mail ("rejection-fr.eml");
  g_autoptr(ObjectorMail) extension = read_mail ("extension-it.eml");
  g_autoptr(GError) error = NULL;

  /* The old one was approved already: its state no longer takes an approval. */
  objector_objection_apply (fb_old, OBJECTOR_EVENT_LOG_APPROVAL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_list_store_append (store, fb_old);
  g_list_store_append (store, fb);
  g_list_store_append (store, fb_draft);
  g_list_store_append (store, fb_other);
  g_list_store_append (store, fb_later);
  g_list_store_append (store, ig);

  /* Facebook, to zoe@, dated after it was submitted, and waiting for an answer. */
  g_autoptr(ObjectorObjection) match = objector_mail_match (approval, G_LIST_MODEL (store));
  g_assert_true (match == fb);
  g_clear_object (&match);

  match = objector_mail_match (rejection, G_LIST_MODEL (store));
  g_assert_true (match == ig);
  g_clear_object (&match);

  match = objector_mail_match (extension, G_LIST_MODEL (store));
  g_assert_true (match == ig);
  g_clear_object (&match);

  /* Written to somebody else. */
  g_autoptr(ObjectorMail) stranger =
    mail_from_text ("From: Facebook <noreply@facebookmail.com>\nTo: nobody@example.net\n"
                    "Date: Tue, 24 Nov 2026 09:12:03 +0100\nSubject: Request received\n\nhi\n");
  g_assert_null (objector_mail_match (stranger, G_LIST_MODEL (store)));

  /* Nothing older than the email. */
  g_list_store_remove_all (store);
  g_list_store_append (store, fb_later);
  g_assert_null (objector_mail_match (approval, G_LIST_MODEL (store)));
}

/* Logging */

static void
test_log (void)
{
  g_autofree char *dir = test_util_make_dir ("log");
  g_autoptr(ObjectorStore) store = objector_store_new (dir);
  g_autoptr(ObjectorObjection) fb = objection_at ("facebook-objection", "zoe@example.org",
                                                  "2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z");
  g_autoptr(ObjectorObjection) third = objection_at ("third-party", "zoe@example.org",
                                                     "2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z");
  g_autoptr(ObjectorMailLogResult) result = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 25, 12, 0, 0);
  g_autoptr(GError) error = NULL;

  objector_store_load (store, &error);
  g_assert_no_error (error);
  objector_store_add (store, fb, &error);
  g_assert_no_error (error);
  objector_store_add (store, third, &error);
  g_assert_no_error (error);

  /* Untrusted: logged as evidence, the state stays. */
  g_autoptr(ObjectorMail) spoofed = read_mail ("spoofed.eml");
  g_assert_true (objector_mail_log (store, objector_objection_get_id (fb), spoofed, now, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result->outcome, ==, OBJECTOR_MAIL_LOG_LOGGED);
  g_assert_true (result->has_event);
  g_assert_cmpint (result->event, ==, OBJECTOR_EVENT_LOG_APPROVAL);
  g_assert_cmpint (result->after, ==, OBJECTOR_STATE_SUBMITTED);
  test_util_assert_contains (result->reason, "never changes the state");
  g_clear_pointer (&result, objector_mail_log_result_free);

  /* Trusted, and the state allows it: approved. */
  g_autoptr(ObjectorMail) approval = read_mail ("approval-de.eml");
  g_assert_true (objector_mail_log (store, objector_objection_get_id (fb), approval, now, &result, &error));
  g_assert_cmpint (result->outcome, ==, OBJECTOR_MAIL_LOG_APPLIED);
  g_assert_cmpint (result->before, ==, OBJECTOR_STATE_SUBMITTED);
  g_assert_cmpint (result->after, ==, OBJECTOR_STATE_APPROVED);
  g_assert_null (result->reason);
  g_clear_pointer (&result, objector_mail_log_result_free);

  /* Once only. */
  g_assert_true (objector_mail_log (store, objector_objection_get_id (fb), approval, now, &result, &error));
  g_assert_cmpint (result->outcome, ==, OBJECTOR_MAIL_LOG_ALREADY_LOGGED);
  g_clear_pointer (&result, objector_mail_log_result_free);

  /* A code on a path without a code step changes nothing. */
  g_autoptr(ObjectorMail) code = read_mail ("code-es.eml");
  g_assert_true (objector_mail_log (store, objector_objection_get_id (third), code, now, &result, &error));
  g_assert_cmpint (result->outcome, ==, OBJECTOR_MAIL_LOG_LOGGED);
  g_assert_false (result->has_event);
  test_util_assert_contains (result->reason, "no code step");
  g_clear_pointer (&result, objector_mail_log_result_free);

  /* What was saved, read back by another store, as status --json shows it. */
  g_autoptr(ObjectorStore) reread = objector_store_new (dir);
  objector_store_load (reread, &error);
  g_assert_no_error (error);
  ObjectorObjection *stored =
    objector_store_lookup (reread, objector_objection_get_id (fb), &error);
  g_assert_no_error (error);
  g_assert_cmpint (objector_objection_get_state (stored), ==, OBJECTOR_STATE_APPROVED);
  GPtrArray *emails = objector_objection_get_emails (stored);
  g_assert_cmpuint (emails->len, ==, 2);

  /* As the store keeps it. */
  g_autoptr(JsonNode) node = objector_email_record_to_json (g_ptr_array_index (emails, 1));
  JsonObject *logged = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (logged, "date"), ==, "2026-11-24T08:12:03Z");
  g_assert_cmpstr (json_object_get_string_member (logged, "from"), ==, "Facebook <noreply@facebookmail.com>");
  g_assert_cmpstr (json_object_get_string_member (logged, "subject"), ==, "Dein Widerspruch gegen die Nutzung deiner Informationen");
  g_assert_cmpstr (json_object_get_string_member (logged, "kind"), ==, "approval");
  g_assert_true (json_object_get_boolean_member (logged, "trusted"));
  g_assert_cmpstr (json_object_get_string_member (logged, "message_id"), ==, "approval-de.1a2b3c@facebookmail.com");
  g_assert_cmpstr (json_object_get_string_member (logged, "logged"), ==, "2026-11-25T12:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (logged, "source"), ==, "approval-de.eml");
  g_assert_cmpstr (json_object_get_string_member (logged, "event"), ==, "log-approval");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (logged, "excerpt"), "Hallo Zoë,"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (logged, "trust_notes")), ==, 0);

  g_clear_pointer (&node, json_node_unref);
  node = objector_email_record_to_json (g_ptr_array_index (emails, 0));
  logged = json_node_get_object (node);
  g_assert_false (json_object_get_boolean_member (logged, "trusted"));
  g_assert_true (json_object_get_null_member (logged, "event"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (logged, "trust_notes")), ==, 4);

  /* The history says where the step came from. */
  {
    GPtrArray *history = objector_objection_get_history (stored);
    ObjectorTransition *last = g_ptr_array_index (history, history->len - 1);

    g_assert_cmpint (last->event, ==, OBJECTOR_EVENT_LOG_APPROVAL);
    test_util_assert_contains (last->note, "Dein Widerspruch");
  }

  /* Personal data stays private. */
  g_autofree char *file = g_build_filename (dir, "objections.json", NULL);
  test_util_assert_mode (file, 0600);

  test_util_rm_rf (dir);
}

static void
test_log_code (void)
{
  g_autofree char *dir = test_util_make_dir ("log-code");
  g_autoptr(ObjectorStore) store = objector_store_new (dir);
  g_autoptr(ObjectorObjection) fb = objection_at ("facebook-objection", "zoe@example.org",
                                                  "2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z");
  g_autoptr(ObjectorObjection) ready = objection_at ("facebook-objection", "zoe@example.org",
                                                     "2026-11-20T10:00:00Z", NULL);
  g_autoptr(ObjectorMail) code = read_mail ("code-es.eml");
  g_autoptr(ObjectorMailLogResult) result = NULL;
  g_autoptr(GError) error = NULL;

  objector_store_load (store, &error);
  objector_store_add (store, fb, &error);
  objector_store_add (store, ready, &error);
  g_assert_no_error (error);

  g_assert_true (objector_mail_log (store, objector_objection_get_id (fb), code, NULL, &result, &error));
  g_assert_cmpint (result->outcome, ==, OBJECTOR_MAIL_LOG_APPLIED);
  g_assert_cmpint (result->after, ==, OBJECTOR_STATE_CONFIRMED);
  g_clear_pointer (&result, objector_mail_log_result_free);

  /* Not submitted yet: the code is kept, the state waits. */
  g_assert_true (objector_mail_log (store, objector_objection_get_id (ready), code, NULL, &result, &error));
  g_assert_cmpint (result->outcome, ==, OBJECTOR_MAIL_LOG_LOGGED);
  g_assert_cmpint (result->after, ==, OBJECTOR_STATE_READY);
  test_util_assert_contains (result->reason, "only a submitted objection");
  g_clear_pointer (&result, objector_mail_log_result_free);

  /* No such objection. */
  g_assert_false (objector_mail_log (store, "0000-no-such", code, NULL, &result, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND);
  g_assert_null (result);

  test_util_rm_rf (dir);
}

/* mbox */

/* @text, written as the mbox file @name and read: @n_expected messages. */
static GPtrArray *
load_mbox (const char *name,
           const char *text,
           guint       n_expected)
{
  g_autofree char *path = test_util_write_file (name, text, -1);
  g_autoptr(GError) error = NULL;
  GPtrArray *mails = objector_mail_load_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mails->len, ==, n_expected);
  return mails;
}

static void
test_mbox_files (void)
{
  g_autofree char *unmunged = data_file ("mimekit/unmunged.mbox");
  g_autofree char *simple = data_file ("mimekit/simple.mbox");
  g_autoptr(GError) error = NULL;

  /* "From Russia with love" after a blank line is text, not a new message. */
  g_autoptr(GPtrArray) mails = objector_mail_load_file (unmunged, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mails->len, ==, 2);
  ObjectorMail *mail = g_ptr_array_index (mails, 0);
  g_assert_null (objector_mail_get_error (mail));
  g_assert_cmpuint (objector_mail_get_source_index (mail), ==, 1);
  g_assert_cmpstr (objector_mail_get_subject (mail), ==, "This is a test message with an unmunged From line");
  test_util_assert_contains (objector_mail_get_body (mail), "From Russia with love\n\nWhat does Thunderbird do?");
  mail = g_ptr_array_index (mails, 1);
  g_assert_cmpstr (objector_mail_get_subject (mail), ==, "Another test message with an unmunged From line");
  test_util_assert_contains (objector_mail_get_body (mail), "Year: 1963");
  g_clear_pointer (&mails, g_ptr_array_unref);

  mails = objector_mail_load_file (simple, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mails->len, ==, 3);
  for (guint i = 0; i < mails->len; i++)
    {
      g_autofree char *label = NULL;

      mail = g_ptr_array_index (mails, i);
      g_assert_null (objector_mail_get_error (mail));
      label = objector_mail_dup_source_label (mail);
      g_assert_true (g_str_has_prefix (label, "simple.mbox, message "));
    }
}

static void
test_mbox_content_length (void)
{
  /* The first message's body holds a line that looks like a separator;
   * its Content-Length (64) covers it. The second lies about its length. */
  const char *text =
    "From a@example.org Tue Nov 24 10:00:00 2026\n"
    "From: a@example.org\nSubject: one\nContent-Length: 64\n\n"
    "line\n\nFrom b@example.org Tue Nov 24 10:00:00 2026\nSubject: fake\n"
    "\nFrom c@example.org Tue Nov 24 10:00:00 2026\n"
    "From: c@example.org\nSubject: two\nContent-Length: 9999\n\nbody two\n"
    "\nFrom d@example.org Tue Nov 24 10:00:00 2026\n"
    "From: d@example.org\nSubject: three\n\nbody three\n";

  g_autoptr(GPtrArray) mails = load_mbox ("cl.mbox", text, 3);
  g_assert_cmpstr (objector_mail_get_subject (g_ptr_array_index (mails, 0)), ==, "one");
  test_util_assert_contains (objector_mail_get_body (g_ptr_array_index (mails, 0)), "Subject: fake");
  g_assert_cmpstr (objector_mail_get_subject (g_ptr_array_index (mails, 1)), ==, "two");
  g_assert_cmpstr (objector_mail_get_body (g_ptr_array_index (mails, 1)), ==, "body two");
  g_assert_cmpstr (objector_mail_get_subject (g_ptr_array_index (mails, 2)), ==, "three");
}

static void
test_mbox_bad_messages (void)
{
  const char *text =
    "From a Tue Nov 24 10:00:00 2026\n"
    "From: a@example.org\nSubject: good\n\nfine\n"
    "\nFrom b Tue Nov 24 10:00:00 2026\n"
    "Note: buy milk\n\nand bread\n";

  g_autoptr(GPtrArray) mails = load_mbox ("bad.mbox", text, 2);
  g_assert_null (objector_mail_get_error (g_ptr_array_index (mails, 0)));
  g_assert_nonnull (objector_mail_get_error (g_ptr_array_index (mails, 1)));
  g_assert_cmpstr (objector_mail_get_error (g_ptr_array_index (mails, 1))->message, ==,
                   "Message 2 of “bad.mbox” is not an email message: it has no sender, subject or date");
}

/* A multipart nested far deeper than any mail program writes. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("From: Facebook <noreply@facebookmail.com>\nSubject: deep\n"
                                          "Content-Type: multipart/mixed; boundary=\"b0\"\n\n");
  g_autoptr(GError) error = NULL;
  const guint depth = 20000;

  for (guint i = 1; i <= depth; i++)
    g_string_append_printf (text, "--b%u\nContent-Type: multipart/mixed; boundary=\"b%u\"\n\n", i - 1, i);
  g_string_append_printf (text, "--b%u\nContent-Type: text/plain\n\nWe have received your request.\n", depth);

  g_autoptr(ObjectorMail) mail = objector_mail_new_from_string (text->str, "deep.eml", &error);
  g_assert_no_error (error);
  objector_mail_check (mail, playbook);
  g_assert_cmpstr (objector_mail_get_subject (mail), ==, "deep");
}

static void
test_load_async (void)
{
  g_autofree char *path = data_file ("mimekit/simple.mbox");
  g_autofree char *missing = data_file ("no-such.mbox");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  objector_mail_load_file_async (path, NULL, test_util_store_result_cb, &result);
  g_autoptr(GPtrArray) mails =
    objector_mail_load_file_finish (test_util_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mails->len, ==, 3);
  g_assert_cmpstr (objector_mail_get_subject (g_ptr_array_index (mails, 2)), ==,
                   "if a mime parser can correctly handle this, I'm impressed");
  g_clear_pointer (&mails, g_ptr_array_unref);

  g_assert_null (objector_mail_load_file (missing, NULL, NULL));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(GListStore) objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(ObjectorObjection) objection = objection_at ("facebook-objection", "zoe@example.org",
                                                         "2026-11-01T10:00:00Z", "2026-11-01T10:05:00Z");
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *platform = NULL;
  ObjectorMailKind kind;
  gboolean trusted;
  guint kind_notes = 0;
  guint trusted_notes = 0;
  g_autoptr(GError) error = NULL;

  g_autoptr(ObjectorMail) mail =
    objector_mail_new_from_string ("Authentication-Results: mx.example.org; dkim=pass header.d=facebookmail.com; "
                                   "dmarc=pass header.from=facebookmail.com\n"
                                   "From: Facebook <noreply@facebookmail.com>\nTo: zoe@example.org\n"
                                   "Date: Tue, 24 Nov 2026 09:12:03 +0100\n"
                                   "Subject: Your objection request\n\nHello.\n", "x.eml", &error);
  g_assert_no_error (error);
  g_signal_connect (mail, "notify::kind", G_CALLBACK (count_notify_cb), &kind_notes);
  g_signal_connect (mail, "notify::trusted", G_CALLBACK (count_notify_cb), &trusted_notes);

  objector_mail_check (mail, playbook);
  g_assert_cmpuint (trusted_notes, ==, 1);
  g_assert_cmpuint (kind_notes, ==, 1);  /* "other" before, "unrecognised" after */
  objector_mail_check (mail, playbook);
  g_assert_cmpuint (trusted_notes, ==, 1);

  g_object_set (mail, "kind", OBJECTOR_MAIL_KIND_REJECTION, NULL);
  g_assert_cmpuint (kind_notes, ==, 2);
  objector_mail_set_kind (mail, OBJECTOR_MAIL_KIND_REJECTION);
  g_assert_cmpuint (kind_notes, ==, 2);

  g_object_get (mail, "subject", &subject, "kind", &kind, "trusted", &trusted,
                "platform", &platform, "date", &date, NULL);
  g_assert_cmpstr (subject, ==, "Your objection request");
  g_assert_cmpint (kind, ==, OBJECTOR_MAIL_KIND_REJECTION);
  g_assert_true (trusted);
  g_assert_cmpstr (platform, ==, "facebook");
  g_assert_cmpint (g_date_time_get_hour (date), ==, 8);

  /* A friend's email to the same address answers no objection. */
  g_list_store_append (objections, objection);
  g_autoptr(ObjectorMail) friend =
    mail_from_text ("From: Max <max@example.net>\nTo: zoe@example.org\n"
                    "Date: Tue, 24 Nov 2026 09:12:03 +0100\nSubject: We received your request\n\nHi!\n");
  g_assert_false (objector_mail_get_claims_meta (friend));
  g_assert_null (objector_mail_match (friend, G_LIST_MODEL (objections)));
}

/* The corpus: every message read or refused with a reason, none crashes. */

static void
check_corpus_file (const char *path,
                   guint      *n_read,
                   guint      *n_refused)
{
  g_autoptr(GError) error = NULL;

  g_autoptr(GPtrArray) mails = objector_mail_load_file (path, NULL, &error);
  if (mails == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      g_test_message ("%s: refused: %s", path, error->message);
      (*n_refused)++;
      return;
    }

  for (guint i = 0; i < mails->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (mails, i);
      g_autoptr(JsonObject) json = NULL;
      g_autofree char *excerpt = NULL;

      if (objector_mail_get_error (mail) != NULL)
        {
          g_assert_cmpstr (objector_mail_get_error (mail)->message, !=, "");
          g_test_message ("%s #%u: refused: %s", path, i + 1, objector_mail_get_error (mail)->message);
          (*n_refused)++;
          continue;
        }
      objector_mail_check (mail, playbook);
      g_assert_true (g_utf8_validate (objector_mail_get_body (mail), -1, NULL));
      g_assert_true (objector_mail_get_subject (mail) == NULL
                     || g_utf8_validate (objector_mail_get_subject (mail), -1, NULL));
      g_assert_false (objector_mail_get_trusted (mail));  /* none of them is Meta's */
      json = objector_mail_to_json (mail, NULL);
      excerpt = objector_mail_dup_excerpt (mail);
      g_test_message ("%s #%u: “%s”, %s", path, i + 1,
                      objector_mail_get_subject (mail) ? objector_mail_get_subject (mail) : "",
                      objector_mail_kind_to_string (objector_mail_get_kind (mail)));
      (*n_read)++;
    }
}

static void
check_corpus_dir (const char *dir,
                  guint      *n_files,
                  guint      *n_read,
                  guint      *n_refused)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, "LICENSE") == NULL && strstr (name, "README") == NULL)
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  for (guint i = 0; i < names->len; i++)
    {
      check_corpus_file (g_ptr_array_index (names, i), n_read, n_refused);
      (*n_files)++;
    }
}

static void
test_corpus_copies (void)
{
  g_autofree char *dir = data_file ("mimekit");
  guint n_files = 0, n_read = 0, n_refused = 0;

  check_corpus_dir (dir, &n_files, &n_read, &n_refused);
  g_assert_cmpuint (n_files, >=, 4);
  g_assert_cmpuint (n_read, >=, 6);
}

static void
test_corpus_shared (void)
{
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "corpora", "email", NULL);
  g_autofree char *messages = g_build_filename (root, "messages", NULL);
  g_autofree char *mbox = g_build_filename (root, "mbox", NULL);
  guint n_files = 0, n_read = 0, n_refused = 0;

  if (!g_file_test (messages, G_FILE_TEST_IS_DIR) || !g_file_test (mbox, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The shared corpus (../shared/corpora/email beside the checkout) is not there");
      return;
    }

  check_corpus_dir (messages, &n_files, &n_read, &n_refused);
  check_corpus_dir (mbox, &n_files, &n_read, &n_refused);
  g_test_message ("corpus: %u files, %u messages read, %u refused", n_files, n_read, n_refused);
  g_assert_cmpuint (n_files, ==, 36);
  g_assert_cmpuint (n_read + n_refused, >=, 60);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_util_init (&argc, &argv, "mail");
  playbook = test_util_bundled_playbook ();

  g_test_add_func ("/mail/parse/german-quoted-printable", test_parse_german_qp);
  g_test_add_func ("/mail/parse/html-only-base64", test_parse_html_only_base64);
  g_test_add_func ("/mail/parse/multipart-crlf", test_parse_multipart_crlf);
  g_test_add_func ("/mail/parse/charsets", test_parse_charsets);
  g_test_add_func ("/mail/parse/pasted", test_parse_pasted);
  g_test_add_func ("/mail/parse/refused", test_refused);
  g_test_add_func ("/mail/parse/deep-nesting", test_deep_nesting);
  g_test_add_func ("/mail/parse/outlook-msg", test_parse_outlook_msg);
  g_test_add_func ("/mail/parse/damaged-outlook-msg", test_damaged_outlook_msg);
  g_test_add_func ("/mail/parse/damaged-text", test_damaged_text);
  g_test_add_func ("/mail/recognise/kinds", test_recognise);
  g_test_add_func ("/mail/recognise/edge-cases", test_recognise_edge_cases);
  g_test_add_func ("/mail/trust/verdicts", test_trust_verdicts);
  g_test_add_func ("/mail/trust/domains", test_trust_domains);
  g_test_add_func ("/mail/trust/senders", test_trust_senders);
  g_test_add_func ("/mail/trust/authentication", test_trust_authentication);
  g_test_add_func ("/mail/trust/links", test_links);
  g_test_add_func ("/mail/trust/skeleton", test_skeleton);
  g_test_add_func ("/mail/match", test_match);
  g_test_add_func ("/mail/log", test_log);
  g_test_add_func ("/mail/log/code", test_log_code);
  g_test_add_func ("/mail/mbox/files", test_mbox_files);
  g_test_add_func ("/mail/mbox/content-length", test_mbox_content_length);
  g_test_add_func ("/mail/mbox/bad-messages", test_mbox_bad_messages);
  g_test_add_func ("/mail/load-async", test_load_async);
  g_test_add_func ("/mail/properties", test_properties);
  g_test_add_func ("/mail/corpus/copies", test_corpus_copies);
  g_test_add_func ("/mail/corpus/shared", test_corpus_shared);

  status = test_util_run_tests ();
  g_clear_object (&playbook);
  return status;
}

/* test-report.c — the PDF summary, through the core API and `objector export-pdf`
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are checked with the tools a person would use: pdfinfo (pages,
 * metadata), pdftotext (every field and every script comes back as text),
 * qpdf (structure, outline, and the decompressed streams for redaction).
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "objector-authorities.h"
#include "objector-error.h"
#include "objector-objection.h"
#include "objector-playbook.h"
#include "objector-report.h"
#include "objector-store.h"
#include "objector-test-pdf.h"
#include "objector-test-util.h"

#define ACCOUNT_DE  "Zoë Łukasiewicz 李小龍 Αλέξης Дмитрий שלום"
#define ACCOUNT_FR  "محمد Dupont-Lefèvre"
#define EMAIL_DE    "zoe.lukasiewicz@example.org"
#define EMAIL_FR    "m.dupont@exemple.fr"
#define SUBJECT_1   "Wir haben deinen Widerspruch erhalten"
#define SUBJECT_2   "Dein Bestätigungscode: 482913"
#define SUBJECT_3   "Handeln Sie jetzt: Ihr Konto wird gesperrt"
#define SUBJECT_FR  "Nous avons bien reçu votre demande"
#define URL_FB      "https://www.facebook.com/help/contact/712876720715583"
#define URL_IG      "https://help.instagram.com/contact/767264225370182"

static char *tmp_root;  /* the PDFs, under the harness's root */

/* Tools */

static gboolean
have_tools (void)
{
  const char *tools[] = { "pdfinfo", "pdftotext", "qpdf" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s is not installed (poppler-utils, qpdf)", tools[i]);
          g_test_skip (message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Runs @argv; returns its standard output, and its exit status in @status. */
static char *
run_tool (const char * const *argv,
          int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  if (*status != 0)
    g_test_message ("%s failed: %s%s", argv[0], out, err);
  return out;
}

#define TOOL(status, ...) run_tool ((const char * const[]) { __VA_ARGS__, NULL }, status)

static char *
pdf_text (const char *file)
{
  return test_util_pdf_text (file, FALSE);
}

static char *
pdf_info (const char *file,
          const char *key)
{
  int status;
  g_autofree char *info = TOOL (&status, "pdfinfo", file);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

static guint
pdf_pages (const char *file)
{
  g_autofree char *pages = pdf_info (file, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static void
assert_qpdf_check (const char *file)
{
  int status;
  g_autofree char *out = TOOL (&status, "qpdf", "--check", file);

  g_assert_cmpint (status, ==, 0);
  test_util_assert_contains (out, "No syntax or stream encoding errors found");
}

/* Every byte of the file, streams decompressed and outside object streams. */
static GBytes *
pdf_uncompressed (const char *file)
{
  g_autofree char *qdf = g_strconcat (file, ".qdf", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;
  int status;

  out = TOOL (&status, "qpdf", "--qdf", "--object-streams=disable", file, qdf);
  g_assert_cmpint (status, ==, 0);
  g_file_get_contents (qdf, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (qdf);
  return g_bytes_new_take (contents, length);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return memmem (data, length, needle, strlen (needle)) != NULL;
}

/* @text as it may be stored in a PDF's strings: plain, UTF-16BE in hex
 * (either case, as in outline titles and metadata), or raw UTF-16BE. */
static gboolean
bytes_contain_text (GBytes     *bytes,
                    const char *text)
{
  g_autoptr(GString) upper = g_string_new (NULL);
  g_autoptr(GString) lower = g_string_new (NULL);
  g_autoptr(GString) raw = g_string_new (NULL);
  glong n_units = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (bytes_contain (bytes, text))
    return TRUE;

  for (glong i = 0; i < n_units; i++)
    {
      g_string_append_printf (upper, "%04X", utf16[i]);
      g_string_append_printf (lower, "%04x", utf16[i]);
      g_string_append_c (raw, (char) (utf16[i] >> 8));
      g_string_append_c (raw, (char) (utf16[i] & 0xff));
    }

  return bytes_contain (bytes, upper->str) || bytes_contain (bytes, lower->str)
         || memmem (data, length, raw->str, raw->len) != NULL;
}

static void
assert_text_has (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the PDF's text:\n%s", needle, text);
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;
  return n;
}

/* Every font is embedded, each face once (the layout shapes in several
 * threads, each with its own font map: they must share the subsets). */
static void
assert_fonts_embedded (const char *file)
{
  int status;
  g_autofree char *fonts = TOOL (&status, "pdffonts", file);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (status != 0 || fonts == NULL)
    return;  /* pdffonts is part of poppler-utils, but older ones may differ */

  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      const char *plus;
      char *key;

      if (*lines[i] == '\0')
        continue;
      test_util_assert_contains (lines[i], " yes ");
      /* "ABCDEF+NotoSans-Regular  CID TrueType …": the face and its kind. */
      plus = strchr (lines[i], '+');
      key = g_strndup (plus != NULL ? plus + 1 : lines[i], 60);
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* Building objections */

static void
step (ObjectorObjection *objection,
      ObjectorEvent      event,
      const char        *iso,
      const char        *note)
{
  test_util_apply_at (objection, event, note, iso);
}

static void
add_email (ObjectorObjection *objection,
           const char        *date,
           const char        *from,
           const char        *subject,
           const char        *kind,
           gboolean           trusted,
           const char        *excerpt,
           const char        *trust_note,
           const char        *foreign_host)
{
  g_autoptr(JsonObject) email = test_util_email (date, from, subject, kind, trusted);
  g_autofree char *id = g_strdup_printf ("<%s.%s@mail.example>", date, kind);

  json_object_set_string_member (email, "excerpt", excerpt);
  json_object_set_string_member (email, "message_id", id);
  json_object_set_string_member (email, "logged", date);
  if (trust_note != NULL)
    {
      JsonArray *notes = json_array_new ();
      json_array_add_string_element (notes, trust_note);
      json_object_set_array_member (email, "trust_notes", notes);
    }
  if (foreign_host != NULL)
    {
      JsonArray *hosts = json_array_new ();
      json_array_add_string_element (hosts, foreign_host);
      json_object_set_array_member (email, "foreign_hosts", hosts);
    }
  g_assert_true (test_util_add_email (objection, email));
}

static ObjectorObjection *
german_facebook (void)
{
  ObjectorObjection *o = test_util_objection_new ("facebook-objection", TRUE, "DE", "2026-03-02T09:00:00Z");

  objector_objection_set_email (o, EMAIL_DE);
  objector_objection_set_account (o, ACCOUNT_DE);
  objector_objection_set_reason (o, "Ich widerspreche der Verwendung meiner Daten für KI-Training "
                                    "gemäß Art. 21 DSGVO. Antworten bitte an " EMAIL_DE ".");
  step (o, OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-03-02T09:00:00Z", NULL);
  step (o, OBJECTOR_EVENT_OPEN_FORM, "2026-03-02T09:05:00Z", NULL);
  step (o, OBJECTOR_EVENT_SUBMIT, "2026-03-02T09:20:00Z", "Formular abgeschickt, Kopie an " EMAIL_DE);
  step (o, OBJECTOR_EVENT_CONFIRM_CODE, "2026-03-02T09:31:00Z", NULL);
  step (o, OBJECTOR_EVENT_LOG_RECEIPT, "2026-03-03T08:15:00Z", NULL);

  add_email (o, "2026-03-02T09:29:00Z", "Facebook <security@facebookmail.com>", SUBJECT_2,
             "code", TRUE, "Hallo Zoë, gib diesen Code ein: 482913. Gesendet an " EMAIL_DE ".", NULL, NULL);
  add_email (o, "2026-03-03T08:12:00Z", "Facebook <notification@facebookmail.com>", SUBJECT_1,
             "receipt", TRUE, "Wir haben deinen Widerspruch erhalten und melden uns.", NULL, NULL);
  add_email (o, "2026-03-04T17:40:00Z", "Facebook Support <alert@faceb00k-support.com>", SUBJECT_3,
             "other", FALSE, "Klicken Sie hier: https://faceb00k-support.com/login?email=zoe.lukasiewicz%40example.org",
             "The sender’s domain faceb00k-support.com is not Meta’s.", "faceb00k-support.com");
  return o;
}

static ObjectorObjection *
french_instagram (void)
{
  ObjectorObjection *o = test_util_objection_new ("instagram-objection", TRUE, "FR", "2026-03-10T14:00:00Z");

  objector_objection_set_email (o, EMAIL_FR);
  objector_objection_set_account (o, ACCOUNT_FR);
  objector_objection_set_reason (o, "Je m’oppose au traitement de mes données personnelles pour "
                                    "l’entraînement de l’IA de Meta (article 21 du RGPD).");
  step (o, OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-03-10T14:00:00Z", NULL);
  step (o, OBJECTOR_EVENT_OPEN_FORM, "2026-03-10T14:02:00Z", NULL);
  step (o, OBJECTOR_EVENT_SUBMIT, "2026-03-10T14:10:00Z", NULL);
  /* A mistaken step, undone: the timeline shows both. */
  step (o, OBJECTOR_EVENT_LOG_REJECTION, "2026-03-11T10:00:00Z", NULL);
  step (o, OBJECTOR_EVENT_UNDO, "2026-03-11T10:01:00Z", "Mauvais bouton");

  add_email (o, "2026-03-10T14:12:00Z", "Instagram <no-reply@mail.instagram.com>", SUBJECT_FR,
             "receipt", TRUE, "Bonjour, nous avons bien reçu votre demande.", NULL, NULL);
  return o;
}

static GListStore *
two_objections (void)
{
  GListStore *store = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(ObjectorObjection) de = german_facebook ();
  g_autoptr(ObjectorObjection) fr = french_instagram ();

  g_list_store_append (store, de);
  g_list_store_append (store, fr);
  return store;
}

static ObjectorReport *
new_report (GListModel *objections)
{
  g_autoptr(ObjectorPlaybook) book = test_util_bundled_playbook ();
  g_autoptr(GDateTime) generated = test_util_time ("2026-05-01T12:00:00Z");
  ObjectorReport *report = objector_report_new (objections, book);

  objector_report_set_generated (report, generated);
  objector_report_set_paper (report, OBJECTOR_PAPER_A4);
  return report;
}

static char *
tmp_file (const char *name)
{
  return g_build_filename (tmp_root, name, NULL);
}

static void
save (ObjectorReport *report,
      const char     *file)
{
  g_autoptr(GError) error = NULL;

  objector_report_save (report, file, NULL, &error);
  g_assert_no_error (error);
}

/* No leftovers: the folder holds exactly @n_expected entries. */
static void
assert_folder_count (const char *folder,
                     guint       n_expected)
{
  g_auto(GStrv) names = test_util_list_dir (folder, NULL);

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  for (guint i = 0; names[i] != NULL; i++)
    g_test_message ("in %s: %s", folder, names[i]);
  g_assert_cmpuint (g_strv_length (names), ==, n_expected);
}

/* Tests: paper */

static void
test_paper (void)
{
  /* Letter where it is the custom, A4 elsewhere and for anything unclear. */
  static const char * const letter[] = {
    "en_US.UTF-8", "fr_CA", "es_MX.utf8", "fil_PH", "es_CL@euro", "es_co", "es_VE.UTF-8",
  };
  static const char * const a4[] = { "en_GB.UTF-8", "de_DE@euro", "en_USA", "C.UTF-8", "_", "", NULL };
  double width, height;
  const char *saved[] = { "LC_ALL", "LC_PAPER", "LANG" };
  char *values[G_N_ELEMENTS (saved)];

  for (guint i = 0; i < G_N_ELEMENTS (letter); i++)
    g_assert_cmpint (objector_paper_for_locale (letter[i]), ==, OBJECTOR_PAPER_LETTER);
  for (guint i = 0; i < G_N_ELEMENTS (a4); i++)
    g_assert_cmpint (objector_paper_for_locale (a4[i]), ==, OBJECTOR_PAPER_A4);

  objector_paper_get_size (OBJECTOR_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  objector_paper_get_size (OBJECTOR_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);

  /* The variables, in POSIX's order, when no such locale is loaded. */
  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    values[i] = g_strdup (g_getenv (saved[i]));

  g_unsetenv ("LC_ALL");
  g_setenv ("LC_PAPER", "en_CA.UTF-8", TRUE);
  g_setenv ("LANG", "de_DE.UTF-8", TRUE);
  g_assert_cmpint (objector_paper_get_default (), ==, OBJECTOR_PAPER_LETTER);
  g_setenv ("LC_ALL", "de_AT.UTF-8", TRUE);
  g_assert_cmpint (objector_paper_get_default (), ==, OBJECTOR_PAPER_A4);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_PAPER");
  g_setenv ("LANG", "en_US.UTF-8", TRUE);
  g_assert_cmpint (objector_paper_get_default (), ==, OBJECTOR_PAPER_LETTER);

  for (guint i = 0; i < G_N_ELEMENTS (saved); i++)
    {
      if (values[i] != NULL)
        g_setenv (saved[i], values[i], TRUE);
      else
        g_unsetenv (saved[i]);
      g_free (values[i]);
    }
}

/* Tests: content */

static void
test_two_objections (void)
{
  g_autoptr(GListStore) objections = two_objections ();
  g_autoptr(ObjectorReport) report = new_report (G_LIST_MODEL (objections));
  g_autofree char *file = tmp_file ("two.pdf");
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *size = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *outline = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *last_page = NULL;
  guint pages;
  int status;
  const char *expected[] = {
    /* who, when, which playbook */
    "Zoë Łukasiewicz", "Generated", "2026-05-01 12:00 UTC+00:00", "Playbook", "version 2026",
    /* every script */
    "Zoë", "Łukasiewicz", "李小龍", "Αλέξης", "Дмитрий", "שלום", "محمد", "Dupont-Lefèvre",
    /* every address and link */
    EMAIL_DE, EMAIL_FR, URL_FB, URL_IG,
    /* the fields */
    "Facebook: object to AI training", "Instagram: object to AI training",
    "Country of residence", "Germany", "France", "Ich widerspreche der Verwendung meiner Daten",
    "Je m’oppose au traitement de mes données",
    /* the emails */
    SUBJECT_1, SUBJECT_2, SUBJECT_3, SUBJECT_FR, "security@facebookmail.com",
    "Failed or suspicious", "faceb00k-support.com is not Meta’s", "Unverifiable",
    /* the deadlines: FR was submitted on 10 March, so due on 10 April, and overdue on 1 May */
    "2026-04-02", "overdue by 29 days", "2026-04-10", "overdue by 21 days",
    "Generated by Objector from the records kept on the person’s own computer",
  };

  if (!have_tools ())
    return;

  objector_report_set_name (report, "Zoë Łukasiewicz");
  save (report, file);

  test_util_assert_mode (file, 0600);

  assert_qpdf_check (file);
  pages = pdf_pages (file);
  g_assert_cmpuint (pages, >=, 3);

  title = pdf_info (file, "Title");
  g_assert_cmpstr (title, ==, "Objections to Meta’s use of personal data for AI");
  author = pdf_info (file, "Author");
  g_assert_cmpstr (author, ==, "Zoë Łukasiewicz");
  creator = pdf_info (file, "Creator");
  g_assert_cmpstr (creator, ==, "Objector " PACKAGE_VERSION);
  size = pdf_info (file, "Page size");
  test_util_assert_contains (size, "(A4)");

  text = pdf_text (file);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_text_has (text, expected[i]);
  /* The whole account name, in logical order, as pdftotext gives it back. */
  assert_text_has (text, ACCOUNT_DE);

  /* The timeline, with the undone step, cell by cell. */
  {
    g_autofree char *raw = test_util_pdf_text (file, TRUE);
    const char *timeline[] = {
      "2026-03-02 09:20 UTC+00:00", "Form submitted", "Meta confirmed receipt", "Received by Meta",
      "Formular abgeschickt, Kopie an " EMAIL_DE, "Meta rejected the objection (undone later)",
      "Previous step undone", "Mauvais bouton", "Code from the email typed in",
    };

    for (guint i = 0; i < G_N_ELEMENTS (timeline); i++)
      assert_text_has (raw, timeline[i]);
  }

  /* "Page N of M" on every page. */
  last_page = g_strdup_printf ("Page %u of %u", pages, pages);
  assert_text_has (text, last_page);
  g_assert_cmpuint (count_occurrences (text, "Page 1 of"), ==, 1);
  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i, pages);
      assert_text_has (text, footer);
    }

  /* The outline: the summary, then one entry per objection. */
  outline = TOOL (&status, "qpdf", "--json", "--json-key=outlines", file);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (count_occurrences (outline, "\"title\""), ==, 3);
  test_util_assert_contains (outline, "1. Facebook: object to AI training");
  test_util_assert_contains (outline, "2. Instagram: object to AI training");

  assert_fonts_embedded (file);
}

static void
test_links (void)
{
  g_autoptr(GListStore) objections = two_objections ();
  g_autoptr(ObjectorReport) report = new_report (G_LIST_MODEL (objections));
  g_autofree char *file = tmp_file ("links.pdf");
  g_autoptr(GBytes) bytes = NULL;

  if (!have_tools ())
    return;

  save (report, file);
  bytes = pdf_uncompressed (file);

  /* The form links are clickable: link annotations to each URI. */
  g_assert_true (bytes_contain (bytes, "/URI (" URL_FB ")"));
  g_assert_true (bytes_contain (bytes, "/URI (" URL_IG ")"));
  g_assert_true (bytes_contain (bytes, "/Subtype /Link"));
  /* An email's link is shown as text, never made clickable: it may be phishing. */
  g_assert_false (bytes_contain (bytes, "/URI (https://faceb00k-support.com"));
}

static void
test_redact (void)
{
  g_autoptr(GListStore) objections = two_objections ();
  g_autoptr(ObjectorReport) report = new_report (G_LIST_MODEL (objections));
  g_autofree char *file = tmp_file ("redacted.pdf");
  g_autofree char *plain_file = tmp_file ("plain.pdf");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) plain_bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  gsize raw_length;
  g_autoptr(ObjectorObjection) first = NULL;

  if (!have_tools ())
    return;

  /* The address also hides in another case inside a note, and in the
   * account label, which goes into the outline: a string in the file. */
  first = g_list_model_get_item (G_LIST_MODEL (objections), 0);
  step (first, OBJECTOR_EVENT_EXTEND, "2026-03-20T10:00:00Z", "Meta wrote to ZOE.Lukasiewicz@Example.ORG");
  objector_objection_set_account (first, "Zoë <" EMAIL_DE ">");

  save (report, plain_file);
  plain_bytes = pdf_uncompressed (plain_file);
  /* The checks below can fail: without redaction the address is in the file. */
  g_assert_true (bytes_contain_text (plain_bytes, EMAIL_DE));

  objector_report_set_redact (report, TRUE);
  g_assert_true (objector_report_get_redact (report));
  save (report, file);
  assert_qpdf_check (file);

  bytes = pdf_uncompressed (file);
  g_assert_false (bytes_contain_text (bytes, EMAIL_DE));
  g_assert_false (bytes_contain_text (bytes, EMAIL_FR));
  g_assert_false (bytes_contain_text (bytes, "zoe.lukasiewicz"));
  g_assert_false (bytes_contain_text (bytes, "ZOE.Lukasiewicz"));
  g_assert_false (bytes_contain_text (bytes, "m.dupont"));
  g_assert_true (bytes_contain_text (bytes, "Zoë <[redacted]>"));

  g_file_get_contents (file, &raw, &raw_length, NULL);
  g_assert_null (memmem (raw, raw_length, EMAIL_DE, strlen (EMAIL_DE)));

  text = pdf_text (file);
  test_util_assert_lacks (text, "zoe.lukasiewicz");
  test_util_assert_lacks (text, "@example.org");
  test_util_assert_lacks (text, "@exemple.fr");
  assert_text_has (text, "[redacted]");
  /* Only the address goes: the rest of each text stays. */
  assert_text_has (text, "Antworten bitte an [redacted].");
  assert_text_has (text, "Meta wrote to [redacted]");
  assert_text_has (text, "login?email=[redacted]");
  assert_text_has (text, "Zoë <[redacted]>");
  assert_text_has (text, SUBJECT_1);
}

/* A reason of many pages breaks between lines, and nothing overlaps. */

typedef struct
{
  double x0, y0, x1, y1;
} Box;

static void
assert_no_overlap (const char *file,
                   double      page_width,
                   double      page_height)
{
  int status;
  g_autofree char *html = TOOL (&status, "pdftotext", "-bbox", file, "-");
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  const char *p = html;
  guint n_pages = 0;
  guint n_words = 0;

  g_assert_cmpint (status, ==, 0);

  while (TRUE)
    {
      const char *page = strstr (p, "<page ");
      const char *next;

      if (page == NULL)
        break;
      next = strstr (page + 1, "<page ");
      g_array_set_size (boxes, 0);
      n_pages++;

      for (const char *w = strstr (page, "<word "); w != NULL && (next == NULL || w < next);
           w = strstr (w + 1, "<word "))
        {
          Box box;

          g_assert_cmpint (sscanf (w, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                                   &box.x0, &box.y0, &box.x1, &box.y1), ==, 4);
          /* Within the paper, and the margins of 20 mm at the sides. */
          g_assert_cmpfloat (box.x0, >=, 20 * 72 / 25.4 - 1);
          g_assert_cmpfloat (box.x1, <=, page_width - 20 * 72 / 25.4 + 1);
          g_assert_cmpfloat (box.y0, >=, 0);
          g_assert_cmpfloat (box.y1, <=, page_height);

          for (guint i = 0; i < boxes->len; i++)
            {
              Box *other = &g_array_index (boxes, Box, i);
              double w_overlap = MIN (box.x1, other->x1) - MAX (box.x0, other->x0);
              double h_overlap = MIN (box.y1, other->y1) - MAX (box.y0, other->y0);
              double smaller = MIN ((box.x1 - box.x0) * (box.y1 - box.y0),
                                    (other->x1 - other->x0) * (other->y1 - other->y0));

              /* Font boxes of neighbouring lines may touch; words must not cover each other. */
              if (w_overlap > 0 && h_overlap > 0 && w_overlap * h_overlap > 0.25 * smaller)
                g_error ("Two words overlap on page %u: %.80s… and a word at %.1f,%.1f",
                         n_pages, w, other->x0, other->y0);
            }
          g_array_append_val (boxes, box);
          n_words++;
        }
      p = page + 1;
    }

  g_assert_cmpuint (n_pages, >, 0);
  g_assert_cmpuint (n_words, >, 0);
}

static void
test_long_text (void)
{
  g_autoptr(GListStore) objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(ObjectorObjection) objection = german_facebook ();
  g_autoptr(ObjectorReport) report = NULL;
  g_autoptr(GString) reason = g_string_new (NULL);
  g_autoptr(GString) account = g_string_new (NULL);
  g_autofree char *file = tmp_file ("long.pdf");
  g_autofree char *text = NULL;
  guint pages;

  if (!have_tools ())
    return;

  for (guint i = 1; i <= 400; i++)
    g_string_append_printf (reason, "Satz %u: Ich widerspreche, Αλέξης Дмитрий 李小龍 שלום محمد. ", i);
  g_string_append (reason, "ENDE-DER-BEGRÜNDUNG");
  objector_objection_set_reason (objection, reason->str);

  /* A name with no space to break at must wrap too, not run off the page. */
  for (guint i = 0; i < 30; i++)
    g_string_append (account, "Łukasiewicz");
  objector_objection_set_account (objection, account->str);

  /* A long note in the timeline table. */
  step (objection, OBJECTOR_EVENT_EXTEND, "2026-03-20T10:00:00Z",
        g_utf8_find_next_char (reason->str + reason->len / 2, NULL));

  g_list_store_append (objections, objection);
  report = new_report (G_LIST_MODEL (objections));
  save (report, file);
  assert_qpdf_check (file);

  pages = pdf_pages (file);
  g_assert_cmpuint (pages, >=, 6);

  text = pdf_text (file);
  assert_text_has (text, "Satz 1:");
  assert_text_has (text, "Satz 200:");
  assert_text_has (text, "Satz 400:");
  assert_text_has (text, "ENDE-DER-BEGRÜNDUNG");
  assert_text_has (text, SUBJECT_3);
  /* The overlong account name came through whole (pdftotext joins wrapped lines with a space). */
  g_assert_cmpuint (count_occurrences (text, "Łukasiewicz"), >=, 30);

  assert_no_overlap (file, 595.28, 841.89);
}

static void
test_many (void)
{
  g_autoptr(GListStore) objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(ObjectorReport) report = NULL;
  g_autofree char *file = tmp_file ("many.pdf");
  g_autofree char *outline = NULL;
  g_autofree char *text = NULL;
  int status;

  if (!have_tools ())
    return;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(ObjectorObjection) objection = i % 2 ? french_instagram () : german_facebook ();
      g_autofree char *account = g_strdup_printf ("Konto Nummer %03u", i + 1);

      objector_objection_set_account (objection, account);
      g_list_store_append (objections, objection);
    }

  report = new_report (G_LIST_MODEL (objections));
  objector_report_set_paper (report, OBJECTOR_PAPER_LETTER);
  save (report, file);
  assert_qpdf_check (file);

  /* A page or more for each, after the overview. */
  g_assert_cmpuint (pdf_pages (file), >, 300);
  {
    g_autofree char *size = pdf_info (file, "Page size");
    test_util_assert_contains (size, "612 x 792");
  }

  outline = TOOL (&status, "qpdf", "--json", "--json-key=outlines", file);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (count_occurrences (outline, "\"title\""), ==, 301);
  assert_fonts_embedded (file);

  text = pdf_text (file);
  assert_text_has (text, "Konto Nummer 001");
  assert_text_has (text, "Konto Nummer 300");
  assert_text_has (text, "300. Instagram: object to AI training");
}

static void
test_empty (void)
{
  g_autoptr(GListStore) objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(ObjectorReport) report = new_report (G_LIST_MODEL (objections));
  g_autofree char *file = tmp_file ("empty.pdf");
  g_autofree char *text = NULL;
  g_autofree char *author = NULL;

  if (!have_tools ())
    return;

  save (report, file);
  assert_qpdf_check (file);
  g_assert_cmpuint (pdf_pages (file), ==, 1);
  text = pdf_text (file);
  assert_text_has (text, "No objection recorded yet.");
  assert_text_has (text, "Page 1 of 1");
  /* No name given: no author. */
  author = pdf_info (file, "Author");
  g_assert_null (author);
}

/* Emails as other versions may store them: missing members, odd types. */
static void
test_odd_emails (void)
{
  g_autoptr(GListStore) objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(GDateTime) created = test_util_time ("2026-03-02T09:00:00Z");
  g_autoptr(ObjectorObjection) objection = objector_objection_new ("no-such-path", "facebook", FALSE, created);
  g_autoptr(ObjectorReport) report = NULL;
  g_autoptr(JsonObject) odd = json_object_new ();
  g_autoptr(JsonObject) bare = json_object_new ();
  g_autofree char *file = tmp_file ("odd.pdf");
  g_autofree char *text = NULL;

  if (!have_tools ())
    return;

  json_object_set_int_member (odd, "date", 12);
  json_object_set_string_member (odd, "from", "Meta <x@facebookmail.com>");
  json_object_set_string_member (odd, "subject", "Ein Betreff ohne Datum");
  json_object_set_string_member (odd, "kind", "no-such-kind");
  json_object_set_string_member (odd, "trusted", "yes");
  json_object_set_int_member (odd, "trust_notes", 3);
  json_object_set_string_member (odd, "to", "Zoë <" EMAIL_DE ">");
  /* Not UTF-8: shown with a replacement character, not refused. */
  json_object_set_string_member (odd, "excerpt", "Kaputt: \xff\xfe Ende");
  test_util_add_email (objection, odd);
  test_util_add_email (objection, bare);

  /* Cut inside a character, at the very end: in the overview it goes
   * through markup escaping, and into the outline and the header. */
  objector_objection_set_account (objection, "Konto \xe4");

  g_list_store_append (objections, objection);
  report = new_report (G_LIST_MODEL (objections));
  objector_report_set_redact (report, TRUE);
  objector_report_set_name (report, "Zoë \xc5");
  save (report, file);
  assert_qpdf_check (file);

  text = pdf_text (file);
  assert_text_has (text, "Konto \xef\xbf\xbd");
  assert_text_has (text, "Zoë \xef\xbf\xbd");
  /* A path the playbook does not know is shown by its id. */
  assert_text_has (text, "1. no-such-path");
  assert_text_has (text, "Ein Betreff ohne Datum");
  assert_text_has (text, "no-such-kind");
  assert_text_has (text, "Email 2 of 2");
  assert_text_has (text, "Not checked");
  /* No address was given for this objection: the one in To stays (nothing to redact). */
  assert_text_has (text, EMAIL_DE);
  assert_text_has (text, "No step recorded yet.");
  assert_text_has (text, "Kaputt: \xef\xbf\xbd\xef\xbf\xbd Ende");
}

/* Each objection names the authority its country's residents complain to;
 * a country of regional authorities only once the region is known. */
static void
test_authority (void)
{
  g_autoptr(GListStore) objections = two_objections ();
  g_autoptr(ObjectorPlaybook) book = test_util_bundled_playbook ();
  g_autoptr(ObjectorAuthorities) authorities = objector_authorities_load (NULL);
  g_autoptr(GDateTime) generated = test_util_time ("2026-05-01T12:00:00Z");
  g_autofree char *file = tmp_file ("authority.pdf");
  g_autofree char *text = NULL;
  const char *regions[] = { NULL, "BY" };

  if (!have_tools ())
    return;

  g_assert_nonnull (authorities);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autoptr(ObjectorReport) report =
        objector_report_new_for_person (G_LIST_MODEL (objections), book, authorities, regions[i],
                                        "Zoë Łukasiewicz");

      objector_report_set_generated (report, generated);
      save (report, file);
      g_clear_pointer (&text, g_free);
      text = pdf_text (file);
      assert_text_has (text, "Zoë Łukasiewicz");
      assert_text_has (text, "Commission nationale de l’informatique et des libertés (CNIL)");
      assert_text_has (text, "www.cnil.fr/");
      g_assert_cmpuint (count_occurrences (text, "Authority to complain to"), ==, i + 1);
      g_assert_cmpuint (count_occurrences (text, "Bayerisches Landesamt"), ==, i);
    }
}

/* Printing: the same pages drawn on any cairo_t. */
static void
test_paginate_and_draw (void)
{
  g_autoptr(GListStore) objections = two_objections ();
  g_autoptr(ObjectorReport) report = new_report (G_LIST_MODEL (objections));
  g_autofree char *file = tmp_file ("drawn.pdf");
  g_autofree char *saved = tmp_file ("saved.pdf");
  g_autofree char *drawn_text = NULL;
  g_autofree char *saved_text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  n_pages = objector_report_paginate (report, 612, 792);
  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (objector_report_get_n_pages (report), ==, n_pages);

  /* On an image, as a print preview would. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      objector_report_draw_page (report, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    }
  cairo_surface_flush (surface);
  {
    /* Something was drawn: not every pixel is white. */
    unsigned char *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint dark = 0;

    for (int y = 0; y < 792; y++)
      for (int x = 0; x < 612; x++)
        dark += data[y * stride + x * 4] < 128;
    g_assert_cmpuint (dark, >, 1000);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  if (!have_tools ())
    return;

  /* On a PDF surface the caller made, as GtkPrintOperation's would be. */
  surface = cairo_pdf_surface_create (file, 612, 792);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      objector_report_draw_page (report, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpuint (pdf_pages (file), ==, n_pages);
  objector_report_set_paper (report, OBJECTOR_PAPER_LETTER);
  save (report, saved);
  g_assert_cmpuint (pdf_pages (saved), ==, n_pages);

  /* The printed pages are the saved pages. */
  drawn_text = pdf_text (file);
  saved_text = pdf_text (saved);
  g_assert_cmpstr (drawn_text, ==, saved_text);
}

/* Tests: saving */

static void
test_save_replaces (void)
{
  g_autoptr(GListStore) objections = two_objections ();
  g_autoptr(ObjectorReport) report = new_report (G_LIST_MODEL (objections));
  g_autofree char *folder = tmp_file ("replace");
  g_autofree char *file = g_build_filename (folder, "summary.pdf", NULL);
  g_autofree char *link = g_build_filename (folder, "link.pdf", NULL);
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_free (test_util_write_file (file, "old contents", -1));
  g_assert_cmpint (g_chmod (file, 0644), ==, 0);

  save (report, file);
  contents = test_util_read_file (file, NULL);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  test_util_assert_mode (file, 0600);
  assert_folder_count (folder, 1);

  /* Through a symbolic link, the file it points to is replaced. */
  g_assert_cmpint (symlink ("summary.pdf", link), ==, 0);
  save (report, link);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_folder_count (folder, 2);
}

static void
assert_save_fails (ObjectorReport *report,
                   const char     *file,
                   const char     *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (objector_report_save (report, file, NULL, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_EXPORT_IO);
  g_test_message ("%s: %s", file, error->message);
  test_util_assert_contains (error->message, message_part);
}

static void
test_save_errors (void)
{
  g_autoptr(GListStore) objections = two_objections ();
  g_autoptr(ObjectorReport) report = new_report (G_LIST_MODEL (objections));
  g_autofree char *folder = tmp_file ("errors");
  g_autofree char *missing = g_build_filename (folder, "no-such-folder", "x.pdf", NULL);
  g_autofree char *regular = g_build_filename (folder, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (regular, "x.pdf", NULL);
  g_autofree char *read_only = g_build_filename (folder, "read-only", NULL);
  g_autofree char *in_read_only = g_build_filename (read_only, "x.pdf", NULL);

  g_free (test_util_write_file (regular, "", 0));

  assert_save_fails (report, missing, "does not exist");
  assert_save_fails (report, under_file, "is a file, not a folder");
  assert_save_fails (report, folder, "it is a folder");
  assert_save_fails (report, "", "No file name");

  /* root writes anywhere: the permission check only means something for others. */
  g_assert_cmpint (g_mkdir (read_only, 0500), ==, 0);
  if (geteuid () != 0)
    assert_save_fails (report, in_read_only, "cannot be written to");

  /* A full disk. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    assert_save_fails (report, "/dev/full", "the disk is full");

  /* Nothing was left behind: the regular file and the read-only folder only. */
  assert_folder_count (folder, 2);
  assert_folder_count (read_only, 0);
}

/* A stream that fills up part way: the error comes back, not a short PDF. */
static void
test_write_error (void)
{
  g_autoptr(GListStore) objections = two_objections ();
  g_autoptr(ObjectorReport) report = new_report (G_LIST_MODEL (objections));
  g_autoptr(GOutputStream) small = NULL;
  g_autoptr(GOutputStream) large = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *buffer = g_malloc (20000);
  g_autoptr(GBytes) bytes = NULL;

  small = g_memory_output_stream_new (buffer, 20000, NULL, NULL);
  g_assert_false (objector_report_write (report, small, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  large = g_memory_output_stream_new_resizable ();
  g_assert_true (objector_report_write (report, large, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (large, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (large));
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 20000);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF-", 5) == 0);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  objector_report_save_finish (OBJECTOR_REPORT (source), result, error);
  *error = *error != NULL ? *error : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_save_async (void)
{
  g_autoptr(GListStore) objections = two_objections ();
  g_autoptr(ObjectorReport) report = new_report (G_LIST_MODEL (objections));
  g_autofree char *folder = tmp_file ("async");
  g_autofree char *file = g_build_filename (folder, "summary.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  /* "done" stands for success, so that the loop knows the callback ran. */
  objector_report_save_async (report, file, NULL, save_done_cb, &error);
  /* The report may change meanwhile: the worker has its own copy of the content. */
  g_list_store_remove_all (objections);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_unlink (file), ==, 0);

  g_cancellable_cancel (cancellable);
  objector_report_save_async (report, file, cancellable, save_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_folder_count (folder, 0);
}

/* Tests: the command line */

static void
assert_one_line_failure (TestRun    *run,
                         int         status,
                         const char *part)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_true (g_str_has_prefix (run->err, "objector: "));
  test_util_assert_contains (run->err, part);
  if (status == 1)
    g_assert_cmpuint (count_occurrences (run->err, "\n"), ==, 1);
}

static void
test_cli (void)
{
  g_auto(TestRun) run = { 0 };
  g_autofree char *folder = tmp_file ("cli");
  g_autofree char *file = g_build_filename (folder, "summary.pdf", NULL);
  g_autofree char *redacted_file = g_build_filename (folder, "redacted.pdf", NULL);
  g_autofree char *missing_file = g_build_filename (folder, "nope", "x.pdf", NULL);
  g_autofree char *regular = g_build_filename (folder, "plain", NULL);
  g_autofree char *under_regular = g_build_filename (regular, "x.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *author = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!have_tools ())
    return;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  TEST_RUN (&run, "export-pdf", file);
  assert_one_line_failure (&run, 1, "no objection to summarise");
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  TEST_RUN (&run, "start", "facebook-objection", "--country", "DE", "--email", EMAIL_DE,
       "--account", ACCOUNT_DE, "--reason", "Ich widerspreche. Post an " EMAIL_DE);
  g_assert_cmpint (run.status, ==, 0);
  TEST_RUN (&run, "start", "instagram-objection", "--country", "fr", "--email", EMAIL_FR,
       "--account", ACCOUNT_FR);
  g_assert_cmpint (run.status, ==, 0);

  TEST_RUN (&run, "export-pdf", file, "--name", "Zoë Łukasiewicz");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  test_util_assert_contains (run.out, "Saved the summary of 2 objections");
  test_util_assert_mode (file, 0600);
  assert_qpdf_check (file);
  author = pdf_info (file, "Author");
  g_assert_cmpstr (author, ==, "Zoë Łukasiewicz");
  text = pdf_text (file);
  assert_text_has (text, ACCOUNT_DE);
  assert_text_has (text, "محمد");
  assert_text_has (text, EMAIL_DE);
  assert_text_has (text, EMAIL_FR);
  assert_text_has (text, URL_FB);
  assert_text_has (text, URL_IG);
  assert_text_has (text, "Ready to send");
  g_clear_pointer (&text, g_free);

  TEST_RUN (&run, "export-pdf", "--redact", redacted_file);
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "without your email address");
  assert_qpdf_check (redacted_file);
  bytes = pdf_uncompressed (redacted_file);
  g_assert_false (bytes_contain_text (bytes, EMAIL_DE));
  g_assert_false (bytes_contain_text (bytes, EMAIL_FR));
  text = pdf_text (redacted_file);
  assert_text_has (text, "Post an [redacted]");
  assert_text_has (text, ACCOUNT_DE);

  TEST_RUN (&run, "export-pdf", missing_file);
  assert_one_line_failure (&run, 1, "does not exist");

  g_free (test_util_write_file (regular, "", 0));
  TEST_RUN (&run, "export-pdf", under_regular);
  assert_one_line_failure (&run, 1, "is a file, not a folder");

  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      TEST_RUN (&run, "export-pdf", "/dev/full");
      assert_one_line_failure (&run, 1, "the disk is full");
    }

  TEST_RUN (&run, "export-pdf");
  assert_one_line_failure (&run, 2, "export-pdf");

  TEST_RUN (&run, "export-pdf", "--help");
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.out, "--redact");
  test_util_assert_contains (run.out, "--name");

  /* The two PDFs and the plain file; no temporary file left behind. */
  assert_folder_count (folder, 3);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_util_init (&argc, &argv, "report");
  tmp_root = test_util_make_dir ("pdf");

  g_test_add_func ("/report/paper", test_paper);
  g_test_add_func ("/report/two-objections", test_two_objections);
  g_test_add_func ("/report/links", test_links);
  g_test_add_func ("/report/redact", test_redact);
  g_test_add_func ("/report/long-text", test_long_text);
  g_test_add_func ("/report/many", test_many);
  g_test_add_func ("/report/empty", test_empty);
  g_test_add_func ("/report/odd-emails", test_odd_emails);
  g_test_add_func ("/report/authority", test_authority);
  g_test_add_func ("/report/paginate-and-draw", test_paginate_and_draw);
  g_test_add_func ("/report/save-replaces", test_save_replaces);
  g_test_add_func ("/report/save-errors", test_save_errors);
  g_test_add_func ("/report/write-error", test_write_error);
  g_test_add_func ("/report/save-async", test_save_async);
  g_test_add_func ("/report/cli", test_cli);

  /* OBJECTOR_TEST_KEEP=1 keeps the PDFs to look at. */
  status = test_util_run_tests ();
  g_free (tmp_root);
  return status;
}

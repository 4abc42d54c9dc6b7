/* test-redact.c — `export-pdf --redact` removes the address in every form it takes
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The redactor on its own (each way of writing an address: fullwidth "＠",
 * a quoted local part, spelled out, encoded, with invisible characters), then
 * the PDF summary with every form in every text it shows (notes, reasons,
 * emails' subjects, recipients and excerpts, the account label in the
 * outline), read back with pdftotext and, decompressed, with qpdf --qdf.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "objector-objection.h"
#include "objector-playbook.h"
#include "objector-redact.h"
#include "objector-report.h"
#include "objector-test-util.h"

#define ADDRESS   "quincy.vaughan@example.org"
#define QUOTED    "\"quincy vaughan\"@example.net"
#define IDN       "quincy@exämple.org"
#define R         "[redacted]"

static const struct {
  const char *text;
  const char *expected;
} forms[] = {
  { "Write to quincy.vaughan@example.org.", "Write to " R "." },
  { "QUINCY.Vaughan@Example.ORG", R },
  { "fullwidth: quincy.vaughan＠example.org", "fullwidth: " R },
  { "small: quincy.vaughan﹫example.org", "small: " R },
  { "ｑｕｉｎｃｙ．ｖａｕｇｈａｎ＠ｅｘａｍｐｌｅ．ｏｒｇ", R },
  { "quoted: \"quincy.vaughan\"@example.org, then", "quoted: " R ", then" },
  { "curly: “quincy.vaughan”@example.org", "curly: " R },
  { "quincy.vaughan at example dot org", R },
  { "Mail quincy.vaughan AT example DOT org today", "Mail " R " today" },
  { "quincy.vaughan [at] example.org", R },
  { "quincy.vaughan(at)example.org", R },
  { "quincy.vaughan (at) example (dot) org", R },
  { "quincy.vaughan {at} example [dot] org", R },
  { "quincy.vaughan <at> example <dot> org", R },
  { "quincy.vaughan _at_ example _dot_ org", R },
  { "quincy.vaughan [@] example [.] org", R },
  { "quincy.vaughan @ example . org", R },
  { "quincy dot vaughan at example dot org", R },
  { "quincy.vaughan at\nexample dot\norg", R },
  { "https://evil.example/login?email=quincy.vaughan%40example.org&x=1",
    "https://evil.example/login?email=" R "&x=1" },
  { "quincy.vaughan&#64;example.org, quincy.vaughan&#x40;example.org, quincy.vaughan&commat;example.org",
    R ", " R ", " R },
  { "zero width: quincy.vau\xe2\x80\x8bghan@exam\xc2\xad" "ple.org", "zero width: " R },
  { "ideographic: quincy.vaughan@example。org", "ideographic: " R },
  /* The quoted local part, and spelled out with its space. */
  { "\"quincy vaughan\"@example.net", R },
  { "quincy vaughan at example dot net", R },
  /* The domain in punycode, for an address written in Unicode. */
  { "quincy@xn--exmple-cua.org and quincy@EXÄMPLE.org", R " and " R },
  /* Nothing else goes. */
  { "Looked at the form at example dot org: nothing to hide", NULL },
  { "anna@example.org and quincy.vaughan.sr@example.com", NULL },
  { "Meet at 10 at the station", NULL },
};

static ObjectorRedactor *
new_redactor (void)
{
  const char * const addresses[] = { ADDRESS, QUOTED, IDN, NULL };

  return objector_redactor_new (addresses, R);
}

static void
test_forms (void)
{
  g_autoptr(ObjectorRedactor) redactor = new_redactor ();

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *out = objector_redactor_apply (redactor, forms[i].text);

      g_test_message ("%s → %s", forms[i].text, out);
      g_assert_cmpstr (out, ==, forms[i].expected != NULL ? forms[i].expected : forms[i].text);
    }

  g_assert_null (objector_redactor_apply (redactor, NULL));
}

static void
test_edges (void)
{
  g_autoptr(ObjectorRedactor) redactor = new_redactor ();
  const char * const none[] = { "no at sign here", "@", "x@", NULL };
  g_autoptr(ObjectorRedactor) empty = objector_redactor_new (none, R);
  g_autofree char *broken = objector_redactor_apply (redactor, "bad \xff byte quincy.vaughan@example.org");
  g_autofree char *untouched = objector_redactor_apply (empty, "quincy.vaughan@example.org");
  g_autoptr(GString) long_text = g_string_new (NULL);

  /* Invalid UTF-8 is made valid, and the address still goes. */
  g_assert_cmpstr (broken, ==, "bad \xef\xbf\xbd byte " R);
  g_assert_cmpstr (untouched, ==, "quincy.vaughan@example.org");

  /* Long runs of spaces, brackets and "at"s stay linear and change nothing. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (long_text, "  [ ( at dot _ - . @ ");
  g_string_append (long_text, "quincy.vaughan@example.org");
  g_autofree char *long_out = objector_redactor_apply (redactor, long_text->str);
  g_assert_true (g_str_has_suffix (long_out, R));
  g_assert_cmpuint (strlen (long_out), ==, long_text->len - strlen (ADDRESS) + strlen (R));
}

/* The PDF */

static void
log_email (ObjectorObjection *o,
           const char        *date,
           const char        *subject,
           const char        *to,
           const char        *excerpt)
{
  g_autoptr(JsonObject) email = json_object_new ();
  JsonArray *recipients = json_array_new ();
  g_autofree char *id = g_strdup_printf ("<%s@facebookmail.com>", date);

  json_object_set_string_member (email, "date", date);
  json_object_set_string_member (email, "from", "Facebook <notification@facebookmail.com>");
  json_object_set_string_member (email, "subject", subject);
  json_array_add_string_element (recipients, to);
  json_object_set_array_member (email, "to", recipients);
  json_object_set_string_member (email, "kind", "receipt");
  json_object_set_boolean_member (email, "trusted", FALSE);
  json_object_set_string_member (email, "excerpt", excerpt);
  json_object_set_string_member (email, "message_id", id);
  g_assert_true (test_util_add_email (o, email));
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Folded as the redactor folds: NFKC, lower case, no invisible characters,
 * so that no fullwidth or zero-width variant slips past the checks. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *lower = g_utf8_casefold (normal, -1);
  GString *out = g_string_new (NULL);

  /* …and any run of white space one space, as pdftotext breaks lines. */
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else if (g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* @needle as a PDF may hold it: as is, or as UTF-16BE (raw, or in hex as in
 * outline titles and metadata). */
static gboolean
pdf_holds (GBytes     *bytes,
           const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  glong n_units = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (needle, -1, NULL, &n_units, NULL);
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(GString) hex = g_string_new (NULL);

  if (memmem (data, length, needle, strlen (needle)) != NULL)
    return TRUE;
  for (glong i = 0; i < n_units; i++)
    {
      g_string_append_c (raw, (char) (utf16[i] >> 8));
      g_string_append_c (raw, (char) (utf16[i] & 0xff));
      g_string_append_printf (hex, "%04x", utf16[i]);
    }
  if (memmem (data, length, raw->str, raw->len) != NULL)
    return TRUE;
  g_autoptr(GString) data_lower = g_string_new_len (data, length);
  for (gsize i = 0; i < data_lower->len; i++)
    data_lower->str[i] = g_ascii_tolower (data_lower->str[i]);
  return memmem (data_lower->str, data_lower->len, hex->str, hex->len) != NULL;
}

static void
test_pdf (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GDateTime) created = test_util_time ("2026-11-02T09:00:00Z");
  g_autoptr(ObjectorObjection) o = objector_objection_new ("facebook-objection", "facebook", TRUE, created);
  g_autoptr(GListStore) objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_bundled (&error);
  g_autofree char *plain = g_build_filename (test_util_root (), "plain.pdf", NULL);
  g_autofree char *redacted = g_build_filename (test_util_root (), "redacted.pdf", NULL);
  g_autofree char *qdf = g_build_filename (test_util_root (), "redacted.qdf", NULL);
  g_autofree char *qdf_contents = NULL;
  gsize qdf_length;

  if (pdftotext == NULL || qpdf == NULL)
    {
      g_test_skip ("pdftotext or qpdf is not installed (poppler-utils, qpdf)");
      return;
    }
  g_assert_no_error (error);

  objector_objection_set_country (o, "DE");
  objector_objection_set_email (o, ADDRESS);
  objector_objection_set_account (o, "Zed <quincy.vaughan＠example.org>");
  objector_objection_set_reason (o, "I object under Art. 21 GDPR. Answer to quincy.vaughan at example dot org, "
                                    "or \"quincy vaughan\"@example.net.");
  test_util_apply_at (o, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, "2026-11-02T09:00:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_SUBMIT, "copy sent to quincy.vaughan(at)example.org", "2026-11-02T09:20:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_LOG_RECEIPT, "ＱＵＩＮＣＹ．ＶＡＵＧＨＡＮ＠ＥＸＡＭＰＬＥ．ＯＲＧ", "2026-11-03T08:15:00Z");
  log_email (o, "2026-11-03T08:12:00Z", "Your request, quincy.vaughan [at] example.org",
             "\"quincy.vaughan\"@example.org",
             "Hi, we sent this to quincy dot vaughan at example dot org and "
             "https://x.test/?e=quincy.vaughan%40example.org and quincy.vau\xe2\x80\x8bghan@example.org.");
  g_list_store_append (objections, o);

  /* A second request, under an address with a quoted local part. */
  {
    g_autoptr(ObjectorObjection) quoted = objector_objection_new ("third-party", "none", FALSE, created);

    objector_objection_set_country (quoted, "DE");
    objector_objection_set_email (quoted, QUOTED);
    test_util_apply_at (quoted, OBJECTOR_EVENT_COMPLETE_DETAILS, "as quincy vaughan at example dot net", "2026-11-02T09:00:00Z");
    test_util_apply_at (quoted, OBJECTOR_EVENT_SUBMIT, "sent as \"quincy vaughan\"@example.net", "2026-11-02T09:30:00Z");
    g_list_store_append (objections, quoted);
  }

  g_autoptr(ObjectorReport) report = objector_report_new (G_LIST_MODEL (objections), playbook);
  objector_report_set_generated (report, created);

  /* Without redaction, the forms are all there: the checks below can fail. */
  g_assert_true (objector_report_save (report, plain, NULL, &error));
  g_assert_no_error (error);
  g_autofree char *text = run_tool ((const char * const[]) { pdftotext, "-enc", "UTF-8", plain, "-", NULL });
  g_autofree char *plain_text = fold (text);
  g_clear_pointer (&text, g_free);
  test_util_assert_contains (plain_text, "quincy");
  test_util_assert_contains (plain_text, "vaughan");

  objector_report_set_redact (report, TRUE);
  g_assert_true (objector_report_save (report, redacted, NULL, &error));
  g_assert_no_error (error);

  /* What a reader sees: no part of any form of the address. */
  text = run_tool ((const char * const[]) { pdftotext, "-enc", "UTF-8", redacted, "-", NULL });
  g_autofree char *folded = fold (text);
  test_util_assert_lacks (folded, "quincy");
  test_util_assert_lacks (folded, "vaughan");
  test_util_assert_lacks (folded, "example");
  test_util_assert_lacks (folded, "xn--");
  /* Only the address went: the words around it stay. */
  test_util_assert_contains (folded, "copy sent to [redacted]");
  test_util_assert_contains (folded, "your request, [redacted]");
  guint i = 0;
  for (const char *p = strstr (text, R); p != NULL; p = strstr (p + 1, R))
    i++;
  g_assert_cmpuint (i, >=, 10);

  /* What the file holds, streams decompressed: the outline and metadata too. */
  g_free (run_tool ((const char * const[]) { qpdf, "--qdf", "--object-streams=disable", redacted, qdf, NULL }));
  g_assert_true (g_file_get_contents (qdf, &qdf_contents, &qdf_length, NULL));
  g_autoptr(GBytes) qdf_bytes = g_bytes_new_take (g_steal_pointer (&qdf_contents), qdf_length);
  {
    const char * const needles[] = {
      "quincy", "QUINCY", "vaughan", "ｑｕｉｎｃｙ", "ＱＵＩＮＣＹ", "example.org", "example.net",
      "＠example", "%40example",
    };

    /* The account label goes into the outline: there, only the address went. */
    g_assert_true (pdf_holds (qdf_bytes, "Zed <" R ">"));
    for (guint n = 0; n < G_N_ELEMENTS (needles); n++)
      {
        g_test_message ("qdf: %s", needles[n]);
        g_assert_false (pdf_holds (qdf_bytes, needles[n]));
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "redact");

  g_test_add_func ("/redact/forms", test_forms);
  g_test_add_func ("/redact/edges", test_edges);
  g_test_add_func ("/redact/pdf", test_pdf);

  return test_util_run_tests ();
}

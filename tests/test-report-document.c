/* test-report-document.c — one PDF summary for the command line and the app
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `objector export-pdf` and the window's "Save PDF Summary…" both build the
 * report with objector_report_new_for_person() from the same records: the
 * objections, the playbook, the authorities and the region chosen in the
 * wizard. These tests read the PDFs with pdftotext, as a person would.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "objector-authorities.h"
#include "objector-draft.h"
#include "objector-playbook.h"
#include "objector-report.h"
#include "objector-store.h"
#include "objector-test-pdf.h"
#include "objector-test-util.h"

#define AUTHORITY_LABEL "Authority to complain to"
#define CNIL            "Commission nationale de l’informatique et des libertés (CNIL)"
#define ICO             "Information Commissioner’s Office (ICO), https://ico.org.uk/"
#define BAYLDA          "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)"
#define LDI_NRW         "Landesbeauftragte für Datenschutz und Informationsfreiheit"

/* A German, a French and a British resident's objections, all sent. */
static void
three_residents (void)
{
  const char *countries[] = { "DE", "FR", "GB" };

  test_util_reset_data ();
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    g_free (test_util_cli_submitted ("facebook-objection", countries[i]));
}

static char *
pdf_file (const char *name)
{
  return g_build_filename (test_util_root (), name, NULL);
}

/* `objector export-pdf FILE ARGS…`, which must succeed; the PDF's text. */
#define EXPORT_TEXT(file, ...) export_text ((file), (const char * const[]) { __VA_ARGS__, NULL })

static char *
export_text (const char         *file,
             const char * const *extra)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(TestRun) run = { 0 };

  g_ptr_array_add (args, (char *) "export-pdf");
  g_ptr_array_add (args, (char *) file);
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (args, (char *) extra[i]);
  g_ptr_array_add (args, NULL);

  test_util_run_argv (&run, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  return test_util_pdf_text (file, FALSE);
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Each resident's objection names the authority they complain to: the CNIL
 * and the ICO always, the German authority of the Land once it is known. */
static void
test_cli_authorities (void)
{
  g_autofree char *file = pdf_file ("authorities.pdf");
  g_autofree char *text = NULL;

  if (!test_util_have_pdftotext ())
    return;
  three_residents ();

  text = EXPORT_TEXT (file, NULL);
  test_util_assert_contains (text, CNIL ", https://");
  test_util_assert_contains (text, ICO);
  test_util_assert_lacks (text, BAYLDA);
  g_assert_cmpuint (count (text, AUTHORITY_LABEL), ==, 2);
  g_clear_pointer (&text, g_free);

  /* The Land chosen in the app, as the complaint takes it. */
  test_util_choose_region ("DE", "Bayern");
  text = EXPORT_TEXT (file, NULL);
  test_util_assert_contains (text, BAYLDA ", https://");
  test_util_assert_contains (text, CNIL);
  test_util_assert_contains (text, ICO);
  g_assert_cmpuint (count (text, AUTHORITY_LABEL), ==, 3);
  g_clear_pointer (&text, g_free);

  /* --region, by code, says otherwise for this summary alone. */
  text = EXPORT_TEXT (file, "--region", "NW");
  test_util_assert_contains (text, LDI_NRW);
  test_util_assert_lacks (text, BAYLDA);
  test_util_assert_contains (text, CNIL);
  g_assert_cmpuint (count (text, AUTHORITY_LABEL), ==, 3);
}

/* A region that is none is said, and no PDF is written. */
static void
test_cli_unknown_region (void)
{
  g_autofree char *file = pdf_file ("narnia.pdf");
  g_auto(TestRun) run = { 0 };

  three_residents ();
  TEST_RUN (&run, "export-pdf", file, "--region", "Narnia");
  g_assert_cmpint (run.status, ==, 2);
  test_util_assert_contains (run.err, "“Narnia” is not a region of DE");
  test_util_assert_contains (run.err, "Bayern");
  test_util_assert_contains (run.err, "objector export-pdf --help");
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  /* Without German objections, a region has nothing to pick. */
  test_util_reset_data ();
  g_free (test_util_cli_submitted ("facebook-objection", "FR"));
  test_run_clear (&run);
  TEST_RUN (&run, "export-pdf", file, "--region", "Narnia");
  g_assert_cmpint (run.status, ==, 0);
}

/* A wizard file that cannot be read does not stop the summary, and stays
 * where it is: export-pdf only reads. */
static void
test_cli_damaged_draft (void)
{
  g_autofree char *file = pdf_file ("damaged.pdf");
  g_autofree char *dir = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) entries = NULL;
  g_auto(TestRun) run = { 0 };

  if (!test_util_have_pdftotext ())
    return;
  three_residents ();
  dir = test_util_data_dir ();
  draft = g_build_filename (dir, "wizard.json", NULL);
  g_assert_true (g_file_set_contents (draft, "{\"region\": \"Bay", -1, NULL));

  TEST_RUN (&run, "export-pdf", file);
  g_assert_cmpint (run.status, ==, 0);
  test_util_assert_contains (run.err, "Where you were in the wizard could not be read");
  test_util_assert_contains (run.err, "--region");
  after = test_util_read_file (draft, NULL);
  g_assert_cmpstr (after, ==, "{\"region\": \"Bay");
  entries = test_util_list_dir (dir, "wizard.json");
  g_assert_cmpuint (g_strv_length (entries), ==, 1);

  text = test_util_pdf_text (file, FALSE);
  test_util_assert_contains (text, CNIL);
  test_util_assert_lacks (text, BAYLDA);
}

/* The name the person gave in the app (the details page), as it saves it. */
static void
give_name (const char *name)
{
  g_autoptr(ObjectorDraft) draft = objector_draft_new (NULL);
  g_autoptr(GError) error = NULL;

  objector_draft_load (draft, &error);
  g_assert_no_error (error);
  objector_draft_set_name (draft, name);
  objector_draft_save (draft, &error);
  g_assert_no_error (error);
}

/* The summary is headed by the name given in the app, unless --name says
 * otherwise; without either it names nobody. */
static void
test_cli_name (void)
{
  g_autofree char *file = pdf_file ("name.pdf");
  g_autofree char *text = NULL;

  if (!test_util_have_pdftotext ())
    return;
  three_residents ();

  text = EXPORT_TEXT (file, NULL);
  test_util_assert_lacks (text, "Zoë Müller");
  g_clear_pointer (&text, g_free);

  give_name ("Zoë Müller");
  text = EXPORT_TEXT (file, NULL);
  test_util_assert_contains (text, "Zoë Müller");
  g_clear_pointer (&text, g_free);

  text = EXPORT_TEXT (file, "--name", "Z. M.");
  test_util_assert_contains (text, "Z. M.");
  test_util_assert_lacks (text, "Zoë Müller");
}

/* The report as the window builds it for "Save PDF Summary…" (and for
 * printing): the application's store, playbook and authorities, and the
 * wizard's draft. */
static ObjectorReport *
app_report (gboolean redact)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorAuthorities) authorities = NULL;
  g_autoptr(ObjectorDraft) draft = objector_draft_new (NULL);
  g_autoptr(GError) error = NULL;
  ObjectorReport *report;

  objector_store_load (store, &error);
  g_assert_no_error (error);
  playbook = objector_playbook_load_default (NULL, &error);
  g_assert_no_error (error);
  authorities = objector_authorities_load (&error);
  g_assert_no_error (error);
  objector_draft_load (draft, &error);
  g_assert_no_error (error);

  report = objector_report_new_for_person (G_LIST_MODEL (store), playbook, authorities,
                                           objector_draft_get_region (draft),
                                           objector_draft_get_name (draft));
  objector_report_set_redact (report, redact);
  return report;
}

/* The app's PDF and the command line's are one document: the same text, and
 * the same bytes, the time of writing being the same pinned clock. */
static void
test_same_as_app (void)
{
  if (!test_util_have_pdftotext ())
    return;
  three_residents ();
  test_util_choose_region ("DE", "Bayern");
  give_name ("Zoë Müller");

  for (guint redact = 0; redact <= 1; redact++)
    {
      g_autoptr(ObjectorReport) report = app_report (redact);
      g_autofree char *app_file = pdf_file ("app.pdf");
      g_autofree char *cli_file = pdf_file ("cli.pdf");
      g_autofree char *app_text = NULL;
      g_autofree char *cli_text = NULL;
      g_autofree char *app_bytes = NULL;
      g_autofree char *cli_bytes = NULL;
      gsize app_length, cli_length;
      g_autoptr(GError) error = NULL;

      objector_report_save (report, app_file, NULL, &error);
      g_assert_no_error (error);
      cli_text = redact ? EXPORT_TEXT (cli_file, "--redact") : EXPORT_TEXT (cli_file, NULL);
      app_text = test_util_pdf_text (app_file, FALSE);

      test_util_assert_contains (app_text, BAYLDA);
      test_util_assert_contains (app_text, "Zoë Müller");
      test_util_assert_contains (app_text, CNIL);
      test_util_assert_contains (app_text, ICO);
      g_assert_cmpstr (cli_text, ==, app_text);

      app_bytes = test_util_read_file (app_file, &app_length);
      cli_bytes = test_util_read_file (cli_file, &cli_length);
      g_assert_cmpmem (cli_bytes, cli_length, app_bytes, app_length);
    }
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "report-document");

  g_test_add_func ("/report-document/cli-authorities", test_cli_authorities);
  g_test_add_func ("/report-document/cli-unknown-region", test_cli_unknown_region);
  g_test_add_func ("/report-document/cli-damaged-draft", test_cli_damaged_draft);
  g_test_add_func ("/report-document/cli-name", test_cli_name);
  g_test_add_func ("/report-document/same-as-app", test_same_as_app);

  return test_util_run_tests ();
}

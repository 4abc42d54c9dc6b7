/* test-extension.c — Meta needs more time: two more months, shown everywhere
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GDPR Art. 12(3): one month to answer, two more when Meta says it needs
 * them. An extension email, once logged, moves the due date; `status`,
 * `status --json` and the PDF say so. Across month ends and into a leap
 * February.
 */

#include "config.h"

#include <string.h>

#include "objector-test-util.h"

/* Meta's email saying it needs two more months, dated @date (RFC 5322). */
static char *
extension_email (const char *date,
                 const char *name)
{
  return g_strdup_printf ("From: Facebook <noreply@facebookmail.com>\n"
                          "To: zoe@example.org\n"
                          "Authentication-Results: mx.example.org; dkim=pass header.d=facebookmail.com; spf=pass; dmarc=pass header.from=facebookmail.com\n"
                          "Date: %s\n"
                          "Subject: We need more time to respond to your request\n"
                          "Message-ID: <extension.%s@facebookmail.com>\n\n"
                          "Hello,\n\nThank you for your objection request. We need more time to review it: as "
                          "permitted under\nArticle 12(3) GDPR, we are extending the period to respond by two "
                          "further months.\n", date, name);
}

/* `objector import-email NAME.eml --to ID` of that email, which works. */
static void
import_extension (TestRun    *run,
                  const char *id,
                  const char *name,
                  const char *date)
{
  g_autofree char *text = extension_email (date, name);
  g_autofree char *file_name = g_strconcat (name, ".eml", NULL);
  g_autofree char *eml = test_util_write_file (file_name, text, -1);

  TEST_RUN (run, "import-email", eml, "--to", id);
  g_assert_cmpint (run->status, ==, 0);
}

/* The one objection in an emptied data folder, submitted at @sent (where
 * the clock stays). */
static char *
submitted_at (const char *sent)
{
  test_util_pin_clock (sent);
  return test_util_cli_fresh_objection (NULL);
}

typedef struct
{
  const char *sent;      /* submitted at */
  const char *due;       /* one month later */
  const char *answered;  /* the extension email */
  const char *extended;  /* three months after submission */
} Case;

static void
check_case (const Case *c)
{
  g_autoptr(GDateTime) date = test_util_time (c->answered);
  g_autofree char *rfc = g_date_time_format (date, "%a, %d %b %Y %H:%M:%S +0000");
  g_auto(TestRun) log = { 0 };
  g_auto(TestRun) status = { 0 };

  g_test_message ("sent %s", c->sent);
  g_autofree char *id = submitted_at (c->sent);
  g_autoptr(JsonObject) before = test_util_cli_status_of (id);
  g_assert_cmpstr (json_object_get_string_member (before, "due"), ==, c->due);
  g_assert_false (json_object_get_boolean_member (before, "extended"));

  test_util_pin_clock (c->answered);
  import_extension (&log, id, "extension", rfc);
  test_util_assert_contains (log.out, "extension.eml: extension, verified — logged on ");

  g_autoptr(JsonObject) after = test_util_cli_status_of (id);
  g_assert_cmpstr (json_object_get_string_member (after, "due"), ==, c->extended);
  g_assert_true (json_object_get_boolean_member (after, "extended"));
  g_assert_false (json_object_get_boolean_member (after, "overdue"));

  TEST_RUN (&status, "status");
  g_assert_cmpint (status.status, ==, 0);
  test_util_assert_contains (status.out, c->extended);
  test_util_assert_contains (status.out, "(extended by Meta)");
}

static void
test_month_ends (void)
{
  const Case cases[] = {
    { "2026-01-31T10:00:00Z", "2026-02-28", "2026-02-10T09:00:00Z", "2026-04-30" },
    { "2026-11-30T10:00:00Z", "2026-12-30", "2026-12-15T09:00:00Z", "2027-02-28" },
    { "2027-11-30T10:00:00Z", "2027-12-30", "2027-12-01T09:00:00Z", "2028-02-29" },  /* into a leap February */
    { "2026-12-31T10:00:00Z", "2027-01-31", "2027-01-05T09:00:00Z", "2027-03-31" },
    { "2026-03-31T10:00:00Z", "2026-04-30", "2026-04-29T09:00:00Z", "2026-06-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_case (&cases[i]);
}

/* The law allows one extension: a second email changes nothing. */
static void
test_once (void)
{
  g_autofree char *id = submitted_at ("2026-01-31T10:00:00Z");
  g_auto(TestRun) one = { 0 };
  g_auto(TestRun) two = { 0 };

  test_util_pin_clock ("2026-02-10T09:00:00Z");
  import_extension (&one, id, "one", "Tue, 10 Feb 2026 09:00:00 +0000");
  import_extension (&two, id, "two", "Tue, 24 Feb 2026 09:00:00 +0000");
  test_util_assert_contains (two.out, "state unchanged");
  g_autoptr(JsonObject) status = test_util_cli_status_of (id);
  g_assert_cmpstr (json_object_get_string_member (status, "due"), ==, "2026-04-30");
}

/* The PDF summary gives the extended date and says Meta extended it. */
static void
test_pdf (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_autofree char *id = submitted_at ("2026-01-31T10:00:00Z");
  g_auto(TestRun) log = { 0 };
  test_util_pin_clock ("2026-02-10T09:00:00Z");
  import_extension (&log, id, "pdf", "Tue, 10 Feb 2026 09:00:00 +0000");

  g_autofree char *pdf = g_build_filename (test_util_root (), "summary.pdf", NULL);
  g_auto(TestRun) export = { 0 };
  TEST_RUN (&export, "export-pdf", pdf);
  g_assert_cmpint (export.status, ==, 0);
  g_spawn_sync (NULL, (char *[]) { pdftotext, (char *) "-enc", (char *) "UTF-8", pdf, (char *) "-", NULL },
                NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  test_util_assert_contains (out, "2026-04-30, extended by Meta");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "extension");

  g_test_add_func ("/extension/month-ends", test_month_ends);
  g_test_add_func ("/extension/once", test_once);
  g_test_add_func ("/extension/pdf", test_pdf);

  return test_util_run_tests ();
}

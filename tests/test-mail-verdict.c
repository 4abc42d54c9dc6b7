/* test-mail-verdict.c — the three verdicts in the record: confirmation, old stores, the PDF
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An unverifiable answer moves the state only when the person confirms it,
 * and every record says so ("confirmed by you, not verified"); a failed one
 * never does; an answer recorded by hand is the person's own statement.
 * Emails an older Objector logged as "trusted" read as unverifiable, and
 * nothing they hold is lost.
 */

#include "config.h"

#include <string.h>

#include "objector-error.h"
#include "objector-mail.h"
#include "objector-store.h"
#include "objector-test-util.h"

static char *
forgery (const char *name)
{
  return test_util_data_path ("forgeries", name, NULL);
}

static JsonObject *
last_history (JsonObject *status)
{
  JsonArray *history = json_object_get_array_member (status, "history");

  return json_array_get_object_element (history, json_array_get_length (history) - 1);
}

/* The PDF's text, or NULL when pdftotext is missing. */
static char *
pdf_text (void)
{
  g_autofree char *pdf = g_build_filename (test_util_root (), "verdict.pdf", NULL);
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_auto(TestRun) run = { 0 };
  int status = 0;

  TEST_RUN (&run, "export-pdf", pdf);
  g_assert_cmpint (run.status, ==, 0);
  if (tool == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char *[]) { tool, "-layout", pdf, "-", NULL }, NULL, 0, NULL, NULL,
                               &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

/* Through the command line: --confirm, once, and never for what failed. */
static void
test_confirm_command_line (void)
{
  g_autofree char *shown = NULL;
  g_autofree char *id = test_util_cli_fresh_objection (&shown);
  g_autofree char *unverifiable = forgery ("no-auth-results.eml");

  /* Logged, it changes nothing, and says how to confirm it. */
  g_auto(TestRun) plain = { 0 };
  TEST_RUN (&plain, "import-email", unverifiable, "--to", id);
  g_assert_cmpint (plain.status, ==, 0);
  g_autofree char *expected = g_strdup_printf ("if it is genuine: objector import-email %s --to %s --confirm", unverifiable, shown);
  test_util_assert_contains (plain.out, expected);
  test_util_assert_contains (plain.out, "state unchanged (submitted)");

  /* The person confirms it: the step is recorded, as theirs. */
  g_auto(TestRun) confirm = { 0 };
  TEST_RUN (&confirm, "import-email", unverifiable, "--to", id, "--confirm");
  g_assert_cmpint (confirm.status, ==, 0);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("no-auth-results.eml: approval, confirmed by you, not verified — logged on %s, "
                              "submitted → approved\n", shown);
  g_assert_cmpstr (confirm.out, ==, expected);

  g_autoptr(JsonObject) status = test_util_cli_status_of (id);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "approved");
  JsonArray *emails = json_object_get_array_member (status, "emails");
  g_assert_cmpuint (json_array_get_length (emails), ==, 1);
  JsonObject *email = json_array_get_object_element (emails, 0);
  g_assert_cmpstr (json_object_get_string_member (email, "verdict"), ==, "unverifiable");
  g_assert_true (json_object_get_boolean_member (email, "confirmed_by_user"));
  g_assert_false (json_object_get_boolean_member (email, "trusted"));
  g_assert_cmpstr (json_object_get_string_member (email, "verdict_note"), ==,
                   "Unverifiable — confirmed by you, not verified");
  g_assert_cmpstr (json_object_get_string_member (last_history (status), "event"), ==, "log-approval");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (last_history (status), "note"),
                                   "Confirmed by you, not verified: the email “Your objection request” of 2026-11-24"));

  /* `status` says what the state rests on. */
  g_auto(TestRun) listed = { 0 };
  TEST_RUN (&listed, "status");
  test_util_assert_contains (listed.out, "approved");
  test_util_assert_contains (listed.out, "the email “Your objection request”: confirmed by you, not verified");

  /* Once is enough. */
  g_auto(TestRun) again = { 0 };
  TEST_RUN (&again, "import-email", unverifiable, "--to", id, "--confirm");
  g_assert_cmpint (again.status, ==, 1);
  test_util_assert_contains (again.err, "You confirmed this email already");

  /* What failed is never recorded as Meta's answer, whatever the person says. */
  g_autofree char *failed = forgery ("reply-to-outside.eml");
  g_auto(TestRun) refused = { 0 };
  TEST_RUN (&refused, "import-email", failed, "--to", id, "--confirm");
  g_assert_cmpint (refused.status, ==, 1);
  test_util_assert_contains (refused.err, "failed the checks or looks suspicious, so Objector does not record it");
  test_util_assert_contains (refused.out, "reply-to-outside.eml: approval, FAILED or suspicious");

  /* The PDF says the same, and never that every check passed. */
  g_autofree char *text = pdf_text ();
  if (text != NULL)
    {
      test_util_assert_contains (text, "confirmed by you, not verified");
      test_util_assert_contains (text, "Confirmed by you, not verified:");
      test_util_assert_contains (text, "Failed or suspicious");
      test_util_assert_lacks (text, "every check passed");
    }
}

/* In-process, and from the record alone (the timeline's button). */
static void
test_confirm_logged (void)
{
  const char *files[] = { "no-auth-results.eml", "display-name-only.eml" };
  g_autoptr(ObjectorPlaybook) playbook = test_util_bundled_playbook ();
  g_autofree char *id = NULL;
  g_autoptr(ObjectorStore) store = test_util_store_submitted ("confirm-store", &id);
  g_autoptr(ObjectorMailLogResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = forgery (files[i]);
      g_autoptr(ObjectorMail) mail = objector_mail_new_from_file (path, &error);

      g_assert_no_error (error);
      objector_mail_check (mail, playbook);
      g_assert_true (objector_mail_log (store, id, mail, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  ObjectorObjection *stored = objector_store_lookup (store, id, NULL);
  g_assert_true (objector_mail_can_confirm_logged (stored, 0));
  g_assert_false (objector_mail_can_confirm_logged (stored, 1));   /* failed */
  g_assert_false (objector_mail_can_confirm_logged (stored, 2));   /* none */

  g_assert_false (objector_mail_confirm_logged (store, id, 1, NULL, &result, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
  g_clear_error (&error);
  stored = objector_store_lookup (store, id, NULL);
  g_assert_cmpint (objector_objection_get_state (stored), ==, OBJECTOR_STATE_SUBMITTED);

  g_assert_true (objector_mail_confirm_logged (store, id, 0, test_util_time ("2026-11-25T10:00:00Z"), &result, &error));
  g_assert_no_error (error);
  g_assert_true (result->confirmed);
  g_assert_cmpint (result->after, ==, OBJECTOR_STATE_APPROVED);
  stored = objector_store_lookup (store, id, NULL);
  g_autoptr(JsonNode) node = objector_email_record_to_json (g_ptr_array_index (objector_objection_get_emails (stored), 0));
  JsonObject *record = json_node_get_object (node);
  g_assert_true (json_object_get_boolean_member (record, "confirmed_by_user"));
  g_assert_cmpstr (json_object_get_string_member (record, "confirmed"), ==, "2026-11-25T10:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (record, "event"), ==, "log-approval");
  g_assert_cmpstr (json_object_get_string_member (record, "verdict"), ==, "unverifiable");
  g_assert_false (objector_mail_can_confirm_logged (stored, 0));
}

/* Meta's answer recorded by hand is the person's own statement. */
static void
test_mark_is_own_statement (void)
{
  g_autofree char *id = test_util_cli_fresh_objection (NULL);
  g_auto(TestRun) receipt = { 0 };
  g_auto(TestRun) approval = { 0 };

  TEST_RUN (&receipt, "mark", id, "log-receipt");
  g_assert_cmpint (receipt.status, ==, 0);
  g_autoptr(JsonObject) status = test_util_cli_status_of (id);
  g_assert_cmpstr (json_object_get_string_member (last_history (status), "note"), ==,
                   "Recorded by you, not from a verified email");
  g_clear_pointer (&status, json_object_unref);

  TEST_RUN (&approval, "mark", id, "log-approval", "--note", "Letter of 3 December");
  g_assert_cmpint (approval.status, ==, 0);
  status = test_util_cli_status_of (id);
  g_assert_cmpstr (json_object_get_string_member (last_history (status), "note"), ==,
                   "Recorded by you, not from a verified email: Letter of 3 December");
}

/* A store an older Objector wrote: its "trusted" emails read as
 * unverifiable, never verified; every field is kept. */
static void
test_old_store (void)
{
  static const char * const old_emails[] = {
    "{\"date\": \"2026-11-24T08:12:03Z\", \"from\": \"Facebook <noreply@facebookmail.com>\", "
    "\"subject\": \"Your objection request\", \"kind\": \"approval\", \"trusted\": true, "
    "\"message_id\": \"old-1@facebookmail.com\", \"trust_notes\": [], \"event\": null, "
    "\"a_later_field\": {\"kept\": [1, 2, 3]}}",
    "{\"date\": \"2026-11-24T09:00:00Z\", \"from\": \"Facebook <x@faceb00k.example>\", "
    "\"subject\": \"Your objection request\", \"kind\": \"approval\", \"trusted\": false, "
    "\"message_id\": \"old-2@faceb00k.example\", \"event\": null}",
    "{\"date\": \"2026-11-24T10:00:00Z\", \"subject\": \"No verdict at all\", \"kind\": \"other\"}",
  };

  g_autofree char *id = test_util_cli_fresh_objection (NULL);
  g_autofree char *file = test_util_store_file ();
  g_autofree char *text = test_util_read_file (file, NULL);
  g_autoptr(JsonNode) root = test_util_parse_json (text);
  JsonArray *objections = json_object_get_array_member (json_node_get_object (root), "objections");
  JsonArray *emails = json_object_get_array_member (json_array_get_object_element (objections, 0), "emails");
  for (guint i = 0; i < G_N_ELEMENTS (old_emails); i++)
    {
      g_autoptr(JsonNode) node = test_util_parse_json (old_emails[i]);

      json_array_add_element (emails, g_steal_pointer (&node));
    }
  g_autofree char *older = json_to_string (root, TRUE);
  g_assert_true (g_file_set_contents (file, older, -1, NULL));

  g_autoptr(JsonObject) status = test_util_cli_status_of (id);
  emails = json_object_get_array_member (status, "emails");
  JsonObject *email = json_array_get_object_element (emails, 0);
  g_assert_false (json_object_get_boolean_member (email, "trusted"));
  g_assert_cmpstr (json_object_get_string_member (email, "verdict"), ==, "unverifiable");
  test_util_assert_contains (json_object_get_string_member (email, "verdict_note"), "older version of Objector");
  email = json_array_get_object_element (emails, 1);
  g_assert_cmpstr (json_object_get_string_member (email, "verdict"), ==, "suspicious");
  test_util_assert_contains (json_object_get_string_member (email, "verdict_note"), "older version of Objector");
  email = json_array_get_object_element (emails, 2);
  g_assert_cmpstr (json_object_get_string_member (email, "verdict"), ==, "unverifiable");
  g_assert_cmpstr (json_object_get_string_member (email, "verdict_note"), ==, "Not checked");

  /* A change saves the store again: what the old emails held is all there. */
  g_auto(TestRun) mark = { 0 };
  TEST_RUN (&mark, "mark", id, "log-receipt");
  g_assert_cmpint (mark.status, ==, 0);
  g_autofree char *saved = test_util_read_file (file, NULL);
  test_util_assert_contains (saved, "\"a_later_field\"");
  test_util_assert_contains (saved, "\"kept\"");
  test_util_assert_contains (saved, "\"trusted\" : true");

  g_autofree char *pdf = pdf_text ();
  if (pdf != NULL)
    {
      test_util_assert_contains (pdf, "older version of Objector");
      test_util_assert_lacks (pdf, "every check passed");
      test_util_assert_lacks (pdf, "Verified:");
    }
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "mail-verdict");

  g_test_add_func ("/mail-verdict/confirm/command-line", test_confirm_command_line);
  g_test_add_func ("/mail-verdict/confirm/logged", test_confirm_logged);
  g_test_add_func ("/mail-verdict/mark", test_mark_is_own_statement);
  g_test_add_func ("/mail-verdict/old-store", test_old_store);

  return test_util_run_tests ();
}

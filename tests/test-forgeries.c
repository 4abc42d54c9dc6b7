/* test-forgeries.c — forged answers from Meta never move an objection
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of tests/data/forgeries/ (its README says what each tries) is an
 * approval that pretends to be Meta's. Imported into a submitted objection,
 * through `objector import-email FILE --to ID` and in-process, none may move
 * the state, none may be verified, a failed one may not be confirmed even
 * when the person asks, and each must say why. The genuine answers of
 * tests/data/forgeries/genuine/ must still verify and move the state.
 */

#include "config.h"

#include <string.h>

#include "objector-error.h"
#include "objector-mail.h"
#include "objector-store.h"
#include "objector-test-util.h"

typedef struct
{
  const char          *file;
  ObjectorMailVerdict  verdict;
  const char          *note;     /* in one of its notes */
} Forgery;

#define U OBJECTOR_MAIL_VERDICT_UNVERIFIABLE
#define F OBJECTOR_MAIL_VERDICT_SUSPICIOUS

static const Forgery forgeries[] = {
  /* The sender */
  { "no-auth-results", U, "no Authentication-Results header" },
  { "pasted-three-lines", U, "no Authentication-Results header" },
  { "display-name-only", F, "“security@evil.example” does not write from one of Meta’s domains" },
  { "display-name-address", F, "“attacker@evil.example” does not write from one of Meta’s domains" },
  { "lookalike-digits", F, "“faceb00kmail.com” imitates Meta’s “facebookmail.com”" },
  { "lookalike-tld", F, "“facebookmail.co” imitates Meta’s “facebookmail.com”" },
  { "homoglyph-cyrillic", F, "with look-alike letters (it reads “facebооkmail.com”)" },
  { "homoglyph-punycode", F, "with look-alike letters (it reads “facebookmaіl.com”)" },
  { "subdomain-suffix", F, "“facebookmail.com.evil.example” imitates Meta’s “facebookmail.com”" },
  { "subdomain-hyphen", F, "“mail-facebook.com-secure.example” imitates Meta’s “facebook.com”" },
  { "two-from-headers", F, "It has 2 From headers" },
  { "several-from-addresses", F, "It names 2 senders (From)" },
  { "from-group", F, "a group of addresses" },
  { "sender-outside", F, "Its Sender header “bulk@evil.example” is outside Meta’s domains" },
  { "reply-to-outside", F, "Replies would go to “support@fb-help.example.net”" },
  { "return-path-outside", F, "Its return address (Return-Path) “bounce@evil.example”" },
  /* Authentication-Results */
  { "ar-pass-below-topmost", F, "reports DKIM “none”" },
  { "ar-authserv-meta", F, "says Meta’s own “facebookmail.com” checked it" },
  { "ar-inside-quoted-string", F, "reports no DKIM result" },
  { "ar-semicolon-in-mailfrom", F, "reports DKIM “fail”" },
  { "ar-pass-in-comment", F, "reports DMARC “fail”" },
  { "ar-paren-in-quote", F, "reports DKIM “neutral”" },
  { "ar-unclosed-comment", U, "cannot be read: a comment is not closed" },
  { "ar-encoded-word", U, "cannot be read" },
  { "ar-none", U, "checked nothing" },
  { "ar-arc-only", U, "only ARC headers" },
  { "ar-dkim-other-domain", F, "signed (DKIM) by “evil.example”, not by Meta" },
  { "ar-dkim-misaligned", F, "does not match the sender’s domain “mail.instagram.com”" },
  { "ar-dmarc-other-domain", F, "DMARC passed for “evil.example”" },
  { "ar-dmarc-missing", U, "reports no DMARC result" },
  { "ar-dmarc-no-domain", U, "DMARC pass but not for which domain" },
  { "ar-dkim-pass-no-domain", U, "DKIM pass but not for which domain" },
  { "ar-two-dkim-one-fails", F, "2 DKIM results and not all passed" },
  { "ar-spf-envelope-outside", F, "envelope sender (SPF) is at “evil.example”" },
  /* Links */
  { "link-https-colon", F, "leads away from Meta, to evil.example" },
  { "link-triple-slash", F, "leads away from Meta, to evil.example" },
  { "link-entity-colon", F, "leads away from Meta, to evil.example" },
  { "link-tab-in-scheme", F, "to evil.example, evil2.example" },
  { "link-backslash", F, "leads away from Meta, to evil.example" },
  { "link-backslash-scheme", F, "leads away from Meta, to evil.example" },
  { "link-userinfo", F, "leads away from Meta, to evil.example" },
  { "link-protocol-relative", F, "leads away from Meta, to evil.example" },
  { "link-javascript", F, "runs code or hides a page (javascript:, data:): javascript:" },
  { "link-javascript-obfuscated", F, "runs code or hides a page (javascript:, data:): JaVaScRiPt:alert(1)" },
  { "link-data", F, "runs code or hides a page (javascript:, data:): data:text/html" },
  { "link-percent-host", F, "leads away from Meta, to www.facebook.com.evil.example" },
  { "link-fullwidth-host", F, "leads away from Meta, to evil.example" },
  { "link-punycode-host", F, "xn--facebok-fjg.com (faceboоk.com)" },
  { "link-meta-refresh", F, "leads away from Meta, to evil.example" },
  { "link-form-action", F, "leads away from Meta, to evil.example" },
  { "link-img-src", F, "leads away from Meta, to tracker.evil.example" },
  { "link-srcset", F, "leads away from Meta, to evil.example" },
  { "link-base-href", F, "leads away from Meta, to evil.example" },
  { "link-ping", F, "leads away from Meta, to evil.example" },
  { "link-text-in-html", F, "leads away from Meta, to evil.example" },
  { "link-plain-text-bare", F, "leads away from Meta, to evil.example" },
  { "link-plain-text-www", F, "leads away from Meta, to www.facebook.com.evil.example" },
  { "link-in-text-attachment", F, "leads away from Meta, to evil.example" },
  { "link-in-html-attachment", F, "leads away from Meta, to evil.example" },
  { "link-in-forwarded-message", F, "leads away from Meta, to evil.example" },
  { "link-in-amp-part", F, "leads away from Meta, to evil.example" },
  { "link-app-scheme", F, "open a program instead of a web page (ms-msdt)" },
};

typedef struct
{
  const char    *file;
  const char    *path;
  ObjectorState  after;
} Genuine;

static const Genuine genuine[] = {
  { "facebook-approval-html", "facebook-objection", OBJECTOR_STATE_APPROVED },
  { "facebook-approval-gmail", "facebook-objection", OBJECTOR_STATE_APPROVED },
  { "facebook-rejection-header-i", "facebook-objection", OBJECTOR_STATE_REJECTED },
  { "instagram-receipt-outlook", "instagram-objection", OBJECTOR_STATE_ACKNOWLEDGED },
};

static ObjectorPlaybook *playbook;

static char *
forgery_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".eml", NULL);

  return test_util_data_path ("forgeries", file, NULL);
}

static ObjectorMail *
read_checked (const char *path)
{
  g_autoptr(GError) error = NULL;
  ObjectorMail *mail = objector_mail_new_from_file (path, &error);

  g_assert_no_error (error);
  objector_mail_check (mail, playbook);
  return mail;
}

/* Every file of the folder is in the table, and every row has its file. */
static void
test_table_is_complete (void)
{
  g_autofree char *folder = test_util_data_path ("forgeries", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (!g_str_has_suffix (name, ".eml"))
        continue;
      n++;
      for (guint i = 0; i < G_N_ELEMENTS (forgeries) && !listed; i++)
        listed = strncmp (name, forgeries[i].file, strlen (name) - 4) == 0
                 && strlen (forgeries[i].file) == strlen (name) - 4;
      if (!listed)
        g_test_fail_printf ("%s is not in the table of test-forgeries.c", name);
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (forgeries));
  g_assert_cmpuint (n, >=, 40);
}

/* In-process: the verdict and its reason, logging without a step, and no
 * confirmation for what failed. */
static void
test_in_process (void)
{
  g_autofree char *id = NULL;
  g_autoptr(ObjectorStore) store = test_util_store_submitted ("forgery-store", &id);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (forgeries); i++)
    {
      const Forgery *forgery = &forgeries[i];
      g_autofree char *path = forgery_path (forgery->file);
      g_autoptr(ObjectorMail) mail = read_checked (path);
      g_autoptr(ObjectorMailLogResult) result = NULL;
      g_autoptr(ObjectorMailLogResult) confirmed = NULL;

      g_test_message ("%s", forgery->file);
      /* An approval, as the attacker means it to be read. */
      g_assert_cmpint (objector_mail_get_kind (mail), ==, OBJECTOR_MAIL_KIND_APPROVAL);
      g_assert_false (objector_mail_get_trusted (mail));
      g_assert_cmpint (objector_mail_get_verdict (mail), ==, forgery->verdict);
      g_autofree char *notes = g_strjoinv (" | ", (char **) objector_mail_get_trust_notes (mail));
      test_util_assert_contains (notes, forgery->note);

      g_assert_true (objector_mail_log (store, id, mail, NULL, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpint (result->outcome, ==, OBJECTOR_MAIL_LOG_LOGGED);
      g_assert_cmpint (result->after, ==, OBJECTOR_STATE_SUBMITTED);
      g_assert_nonnull (result->reason);

      /* A failed one stays failed, whatever the person says. */
      if (forgery->verdict == OBJECTOR_MAIL_VERDICT_SUSPICIOUS)
        {
          g_assert_false (objector_mail_confirm (store, id, mail, NULL, &confirmed, &error));
          g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT);
          test_util_assert_contains (error->message, "failed the checks");
          g_clear_error (&error);
        }

      ObjectorObjection *stored = objector_store_lookup (store, id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (objector_objection_get_state (stored), ==, OBJECTOR_STATE_SUBMITTED);
      g_assert_cmpuint (objector_objection_get_emails (stored)->len, ==, i + 1);
    }
}

/* Through the command line, as a person would. */
static void
test_command_line (void)
{
  g_autofree char *shown = NULL;
  g_autofree char *id = test_util_cli_fresh_objection (&shown);

  for (guint i = 0; i < G_N_ELEMENTS (forgeries); i++)
    {
      const Forgery *forgery = &forgeries[i];
      g_autofree char *path = forgery_path (forgery->file);
      g_autofree char *unchanged = g_strdup_printf ("logged on %s, state unchanged (submitted)", shown);
      g_auto(TestRun) run = { 0 };
      g_auto(TestRun) again = { 0 };

      g_test_message ("%s", forgery->file);
      TEST_RUN (&run, "import-email", path, "--to", id);
      g_assert_cmpint (run.status, ==, 0);
      test_util_assert_contains (run.out, unchanged);
      test_util_assert_contains (run.out, forgery->note);
      test_util_assert_contains (run.out, forgery->verdict == OBJECTOR_MAIL_VERDICT_SUSPICIOUS
                                          ? ", FAILED or suspicious: " : ", unverifiable: ");
      test_util_assert_lacks (run.out, "verified —");

      /* "It is genuine" changes nothing for a failed one. */
      if (forgery->verdict == OBJECTOR_MAIL_VERDICT_SUSPICIOUS)
        {
          TEST_RUN (&again, "import-email", path, "--to", id, "--confirm");
          g_assert_cmpint (again.status, ==, 1);
          test_util_assert_contains (again.err, "failed the checks or looks suspicious");
          test_util_assert_contains (again.out, "already logged");
        }
    }

  g_autoptr(JsonObject) status = test_util_cli_status_of (id);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "submitted");
  JsonArray *emails = json_object_get_array_member (status, "emails");
  g_assert_cmpuint (json_array_get_length (emails), ==, G_N_ELEMENTS (forgeries));
  for (guint i = 0; i < json_array_get_length (emails); i++)
    {
      JsonObject *email = json_array_get_object_element (emails, i);

      g_assert_false (json_object_get_boolean_member (email, "trusted"));
      g_assert_cmpstr (json_object_get_string_member (email, "verdict"), ==,
                       objector_mail_verdict_to_string (forgeries[i].verdict));
      g_assert_false (json_object_get_boolean_member (email, "confirmed_by_user"));
    }
}

/* Meta's real answers, as three kinds of mail server write their headers. */
static void
test_genuine (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (genuine); i++)
    {
      g_autofree char *name = g_strconcat (genuine[i].file, ".eml", NULL);
      g_autofree char *path = test_util_data_path ("forgeries", "genuine", name, NULL);
      g_autoptr(ObjectorMail) mail = read_checked (path);
      g_auto(TestRun) run = { 0 };

      g_test_message ("%s", genuine[i].file);
      g_assert_cmpint (objector_mail_get_verdict (mail), ==, OBJECTOR_MAIL_VERDICT_VERIFIED);
      g_assert_null (objector_mail_get_trust_notes (mail)[0]);

      test_util_reset_data ();
      g_autofree char *id = test_util_cli_submitted (genuine[i].path, "DE");
      TEST_RUN (&run, "import-email", path, "--to", id);
      g_assert_cmpint (run.status, ==, 0);
      test_util_assert_contains (run.out, ", verified — logged on ");
      g_autoptr(JsonObject) status = test_util_cli_status_of (id);
      g_assert_cmpstr (json_object_get_string_member (status, "state"), ==,
                       objector_state_to_string (genuine[i].after));
      JsonObject *email = json_array_get_object_element (json_object_get_array_member (status, "emails"), 0);
      g_assert_true (json_object_get_boolean_member (email, "trusted"));
      g_assert_cmpstr (json_object_get_string_member (email, "verdict"), ==, "verified");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_util_init (&argc, &argv, "forgeries");
  playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/forgeries/table", test_table_is_complete);
  g_test_add_func ("/forgeries/in-process", test_in_process);
  g_test_add_func ("/forgeries/command-line", test_command_line);
  g_test_add_func ("/forgeries/genuine", test_genuine);

  status = test_util_run_tests ();
  g_clear_object (&playbook);
  return status;
}

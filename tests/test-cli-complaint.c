/* test-cli-complaint.c — `objector complaint` and `objector remind` end to end
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "objector-test-util.h"

/* Writes the store by hand, with dates in the past: each objection was
 * prepared on 20 January 2026 and sent on 31 January (due 28 February);
 * @rejected adds Meta's refusal on 12 February. */
static char *
objection_json (const char *id,
                const char *path,
                const char *platform,
                const char *country,
                const char *account,
                gboolean    rejected)
{
  return g_strdup_printf (
    "{\"id\": \"%s\", \"path\": \"%s\", \"platform\": \"%s\", \"code_step\": false,"
    " \"created\": \"2026-01-20T09:00:00Z\", \"state\": \"%s\","
    " %s%s%s \"country\": \"%s\", \"email\": \"zoe@example.org\","
    " \"reason\": \"I do not want my photos used to train AI.\","
    " \"history\": ["
    "  {\"time\": \"2026-01-20T09:00:00Z\", \"event\": \"complete-details\", \"from\": \"draft\", \"to\": \"ready\"},"
    "  {\"time\": \"2026-01-31T09:00:00Z\", \"event\": \"open-form\", \"from\": \"ready\", \"to\": \"form-opened\"},"
    "  {\"time\": \"2026-01-31T10:00:00Z\", \"event\": \"submit\", \"from\": \"form-opened\", \"to\": \"submitted\"}"
    "  %s"
    " ],"
    " \"emails\": [%s]}",
    id, path, platform, rejected ? "rejected" : "submitted",
    account != NULL ? "\"account\": \"" : "", account != NULL ? account : "", account != NULL ? "\"," : "",
    country,
    rejected ? ", {\"time\": \"2026-02-12T09:00:00Z\", \"event\": \"log-rejection\", \"from\": \"submitted\","
               " \"to\": \"rejected\", \"note\": \"legitimate interest, they say\"}" : "",
    rejected ? "{\"date\": \"2026-02-12T08:00:00Z\", \"from\": \"Facebook <notification@facebookmail.com>\","
               " \"subject\": \"Update on your objection request\", \"kind\": \"rejection\", \"trusted\": true}" : "");
}

#define ID_IE "11111111-1111-4111-8111-111111111111"
#define ID_FR "22222222-2222-4222-8222-222222222222"
#define ID_GB "33333333-3333-4333-8333-333333333333"
#define ID_AT "44444444-4444-4444-8444-444444444444"
#define ID_DE "55555555-5555-4555-8555-555555555555"
#define ID_US "66666666-6666-4666-8666-666666666666"

static void
write_residents (void)
{
  g_autofree char *ie = objection_json (ID_IE, "facebook-objection", "facebook", "IE", "Zoë Murphy", TRUE);
  g_autofree char *fr = objection_json (ID_FR, "instagram-objection", "instagram", "FR", NULL, FALSE);
  g_autofree char *gb = objection_json (ID_GB, "instagram-objection", "instagram", "GB", "zoe.photos", TRUE);
  g_autofree char *at = objection_json (ID_AT, "facebook-objection", "facebook", "AT", NULL, FALSE);
  g_autofree char *de = objection_json (ID_DE, "facebook-objection", "facebook", "DE", NULL, TRUE);
  g_autofree char *us = objection_json (ID_US, "third-party", "none", "US", NULL, TRUE);
  const char * const lines[] = { ie, fr, gb, at, de, us, NULL };

  test_util_reset_data ();
  g_free (test_util_write_store (lines));
}

/* The four residents of the issue: each complaint names the right authority,
 * cites Art. 77, and carries the email address and the dates. */
static void
test_complaint_residents (void)
{
  g_auto(TestRun) ie = { 0 };
  g_auto(TestRun) fr = { 0 };
  g_auto(TestRun) gb = { 0 };
  g_auto(TestRun) at = { 0 };

  write_residents ();

  TEST_RUN (&ie, "complaint", "1111");
  g_assert_cmpint (ie.status, ==, 0);
  g_assert_cmpstr (ie.err, ==, "");
  g_assert_true (g_str_has_prefix (ie.out, "Authority: Data Protection Commission"));
  test_util_assert_contains (ie.out, "Web form:  https://forms.dataprotection.ie/contact");
  test_util_assert_contains (ie.out, "Email:     info@dataprotection.ie");
  test_util_assert_contains (ie.out, "Post:      21 Fitzwilliam Square South\n           Dublin 2\n");
  test_util_assert_contains (ie.out, "Article 77 of the General Data Protection Regulation (GDPR)");
  test_util_assert_contains (ie.out, "zoe@example.org");
  test_util_assert_contains (ie.out, "my Facebook account “Zoë Murphy”");
  test_util_assert_contains (ie.out, "I prepared the objection on 20 January 2026.");
  test_util_assert_contains (ie.out, "I sent it to Meta on 31 January 2026 through Meta’s form at https://www.facebook.com/help/contact/6359191084165019.");
  test_util_assert_contains (ie.out, "that is by 28 February 2026.");
  test_util_assert_contains (ie.out, "On 12 February 2026 Meta refused my objection.");
  test_util_assert_contains (ie.out, "- 12 February 2026: Meta refused the objection (legitimate interest, they say)");
  test_util_assert_contains (ie.out, "- 12 February 2026: “Update on your objection request” from Facebook <notification@facebookmail.com>");
  test_util_assert_contains (ie.out, "- Meta’s email of 12 February 2026: “Update on your objection request”");

  /* Overdue (no answer since 28 February), in French. */
  TEST_RUN (&fr, "complaint", ID_FR);
  g_assert_cmpint (fr.status, ==, 0);
  g_assert_true (g_str_has_prefix (fr.out, "Authority: Commission nationale de l’informatique et des libertés (CNIL)"));
  test_util_assert_contains (fr.out, "Web form:  https://www.cnil.fr/fr/plaintes");
  test_util_assert_contains (fr.out, "Language:  fr");
  test_util_assert_contains (fr.out, "l’article 77 du règlement général sur la protection des données (RGPD)");
  test_util_assert_contains (fr.out, "Plaignant(e) : zoe@example.org ; pays de résidence : France.");
  test_util_assert_contains (fr.out, "J’ai préparé l’opposition le 20 janvier 2026.");
  test_util_assert_contains (fr.out, "Je l’ai envoyée à Meta le 31 janvier 2026");
  test_util_assert_contains (fr.out, "Meta devait me répondre au plus tard le 28 février 2026");

  TEST_RUN (&gb, "complaint", ID_GB);
  g_assert_cmpint (gb.status, ==, 0);
  g_assert_true (g_str_has_prefix (gb.out, "Authority: Information Commissioner’s Office (ICO)"));
  test_util_assert_contains (gb.out, "Email:     casework@ico.org.uk");
  test_util_assert_contains (gb.out, "Article 77 of the UK GDPR and section 165 of the Data Protection Act 2018");
  test_util_assert_contains (gb.out, "zoe@example.org");
  test_util_assert_contains (gb.out, "I sent it to Meta on 31 January 2026 through Meta’s form at https://help.instagram.com/contact/233964459562201.");
  test_util_assert_contains (gb.out, "On 12 February 2026 Meta refused my objection.");

  TEST_RUN (&at, "complaint", ID_AT);
  g_assert_cmpint (at.status, ==, 0);
  g_assert_true (g_str_has_prefix (at.out, "Authority: Österreichische Datenschutzbehörde"));
  test_util_assert_contains (at.out, "Email:     dsb@dsb.gv.at");
  test_util_assert_contains (at.out, "Post:      Barichgasse 40-42\n           1030 Wien\n           Österreich\n");
  test_util_assert_contains (at.out, "Beschwerde nach Art. 77 der Datenschutz-Grundverordnung (DSGVO)");
  test_util_assert_contains (at.out, "Beschwerdeführende Person: zoe@example.org; Wohnsitzland: Österreich.");
  test_util_assert_contains (at.out, "Ich habe den Widerspruch am 20. Januar 2026 vorbereitet.");
  test_util_assert_contains (at.out, "Am 31. Januar 2026 habe ich ihn über das Formular von Meta");
  test_util_assert_contains (at.out, "Meta hätte bis zum 28. Februar 2026 antworten müssen");
}

static void
test_complaint_regions (void)
{
  g_auto(TestRun) ask = { 0 };
  g_auto(TestRun) bavaria = { 0 };
  g_auto(TestRun) unknown = { 0 };
  g_auto(TestRun) lead = { 0 };

  write_residents ();

  /* Germany: which Land? The list, and a usage error. */
  TEST_RUN (&ask, "complaint", ID_DE);
  g_assert_cmpint (ask.status, ==, 2);
  test_util_assert_contains (ask.out, "Bayern");
  test_util_assert_contains (ask.out, "BY");
  test_util_assert_contains (ask.out, "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)");
  test_util_assert_contains (ask.out, "Thüringen");
  test_util_assert_contains (ask.out, "Nordrhein-Westfalen");
  test_util_assert_contains (ask.err, "--region");

  TEST_RUN (&bavaria, "complaint", ID_DE, "--region", "by");
  g_assert_cmpint (bavaria.status, ==, 0);
  g_assert_true (g_str_has_prefix (bavaria.out, "Authority: Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)"));
  test_util_assert_contains (bavaria.out, "Web form:  https://www.lda.bayern.de/de/beschwerde.html");
  test_util_assert_contains (bavaria.out, "Wohnsitzland: Deutschland (Bayern).");

  TEST_RUN (&unknown, "complaint", "--region", "Atlantis", ID_DE);
  g_assert_cmpint (unknown.status, ==, 2);
  test_util_assert_contains (unknown.err, "“Atlantis” is not a region of DE");
  test_util_assert_contains (unknown.out, "Sachsen-Anhalt");

  /* Meta's lead authority takes anyone's complaint. */
  TEST_RUN (&lead, "complaint", ID_DE, "--authority", "iedpc");
  g_assert_cmpint (lead.status, ==, 0);
  g_assert_true (g_str_has_prefix (lead.out, "Authority: Data Protection Commission"));
  test_util_assert_contains (lead.out, "country of residence: Germany.");
}

static void
test_complaint_refused (void)
{
  g_auto(TestRun) early = { 0 };
  g_auto(TestRun) us = { 0 };
  g_auto(TestRun) bad_authority = { 0 };
  g_auto(TestRun) bad_language = { 0 };
  g_auto(TestRun) french = { 0 };
  g_auto(TestRun) missing = { 0 };
  g_auto(TestRun) no_id = { 0 };
  g_autofree char *id = NULL;

  write_residents ();

  /* Sent today (TEST_UTIL_NOW, 20 November 2026): Meta still has a month. */
  id = test_util_cli_submitted ("facebook-objection", "IE");
  TEST_RUN (&early, "complaint", id);
  g_assert_cmpint (early.status, ==, 1);
  g_assert_cmpstr (early.out, ==, "");
  g_assert_true (g_str_has_prefix (early.err,
                                   "objector: Meta still has until 20 December 2026 to answer this objection."));

  /* No authority for the US: said so, with the way out. */
  TEST_RUN (&us, "complaint", ID_US);
  g_assert_cmpint (us.status, ==, 1);
  test_util_assert_contains (us.err, "residents of US");
  test_util_assert_contains (us.err, "--authority iedpc");

  TEST_RUN (&bad_authority, "complaint", ID_AT, "--authority", "nonesuch");
  g_assert_cmpint (bad_authority.status, ==, 2);
  test_util_assert_contains (bad_authority.err, "“nonesuch” is not an authority");

  TEST_RUN (&bad_language, "complaint", ID_AT, "--language", "tlh");
  g_assert_cmpint (bad_language.status, ==, 2);
  test_util_assert_contains (bad_language.err, "en, de, es, fr, it, nl, pl, pt_BR");

  TEST_RUN (&french, "complaint", ID_AT, "--language", "fr");
  g_assert_cmpint (french.status, ==, 0);
  test_util_assert_contains (french.out, "pays de résidence : Autriche");

  TEST_RUN (&missing, "complaint", "99999999");
  g_assert_cmpint (missing.status, ==, 1);

  TEST_RUN (&no_id, "complaint");
  g_assert_cmpint (no_id.status, ==, 2);
}

static void
test_remind_once (void)
{
  g_autofree char *ledger = NULL;
  g_autofree char *dir = test_util_data_dir ();
  g_autofree char *ie = objection_json (ID_IE, "facebook-objection", "facebook", "IE", "Zoë", FALSE);
  g_autofree char *fr = objection_json (ID_FR, "instagram-objection", "instagram", "FR", NULL, FALSE);
  const char * const one[] = { ie, NULL };
  const char * const two[] = { ie, fr, NULL };
  g_auto(TestRun) first = { 0 };
  g_auto(TestRun) second = { 0 };
  g_auto(TestRun) json = { 0 };
  g_auto(TestRun) quiet = { 0 };
  g_autoptr(JsonArray) array = NULL;
  JsonObject *o;

  test_util_reset_data ();
  g_free (test_util_write_store (one));

  TEST_RUN (&first, "remind");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.err, ==, "");
  g_assert_true (g_str_has_prefix (first.out, "Meta’s answer is overdue (11111111)\n"));
  test_util_assert_contains (first.out, "Meta had until 28 February 2026 to answer your Facebook objection for “Zoë”, sent on 31 January 2026");

  ledger = g_build_filename (dir, "reminders.json", NULL);
  test_util_assert_mode (ledger, 0600);

  /* Given once: the next login is quiet. */
  TEST_RUN (&second, "remind");
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, "");

  /* A second objection: only it is new. */
  g_free (test_util_write_store (two));
  TEST_RUN (&json, "remind", "--json");
  g_assert_cmpint (json.status, ==, 0);
  array = test_util_parse_array (json.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  o = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "overdue:" ID_FR ":2026-02-28");
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "overdue");
  g_assert_cmpstr (json_object_get_string_member (o, "objection"), ==, ID_FR);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Meta’s answer is overdue");
  test_util_assert_contains (json_object_get_string_member (o, "body"), "your Instagram objection, sent on 31 January 2026");
  g_assert_cmpstr (json_object_get_string_member (o, "since"), ==, "2026-02-28T23:00:00Z");

  TEST_RUN (&quiet, "remind", "--json");
  g_assert_cmpstr (quiet.out, ==, "[]\n");
}

/* The window and the login run may overlap: each reminder is given by one. */
static void
test_remind_concurrent (void)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GSubprocess *processes[6];
  const char * const args[] = { "remind", "--json", NULL };

  test_util_reset_data ();
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("%08x-aaaa-4aaa-8aaa-%012x", i, i);

      g_ptr_array_add (lines, objection_json (id, "facebook-objection", "facebook", "IE", NULL, FALSE));
    }
  g_ptr_array_add (lines, NULL);
  g_free (test_util_write_store ((const char * const *) lines->pdata));

  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    processes[i] = test_util_spawn (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, args);

  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      g_auto(TestRun) run = { 0 };
      g_autoptr(JsonArray) array = NULL;

      test_util_run_wait (&run, processes[i], NULL);
      g_object_unref (processes[i]);
      g_assert_cmpint (run.status, ==, 0);
      array = test_util_parse_array (run.out);
      for (guint j = 0; j < json_array_get_length (array); j++)
        {
          const char *id = json_object_get_string_member (json_array_get_object_element (array, j), "id");

          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, g_strdup (id));
        }
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, 20);
}

static void
test_remind_damaged_store (void)
{
  g_autofree char *file = test_util_store_file ();
  g_auto(TestRun) run = { 0 };

  test_util_reset_data ();
  g_free (test_util_write_file (file, "{ not json", -1));

  TEST_RUN (&run, "remind");
  g_assert_cmpint (run.status, ==, 1);
  test_util_assert_contains (run.err, "objector: ");
  test_util_assert_contains (run.err, "damaged");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "cli-complaint");
  /* Due dates are calendar dates where the person lives. */
  test_util_use_time_zone ("Europe/Berlin");

  g_test_add_func ("/cli-complaint/residents", test_complaint_residents);
  g_test_add_func ("/cli-complaint/regions", test_complaint_regions);
  g_test_add_func ("/cli-complaint/refused", test_complaint_refused);
  g_test_add_func ("/cli-complaint/remind-once", test_remind_once);
  g_test_add_func ("/cli-complaint/remind-concurrent", test_remind_concurrent);
  g_test_add_func ("/cli-complaint/remind-damaged-store", test_remind_damaged_store);

  return test_util_run_tests ();
}

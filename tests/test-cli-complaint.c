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

/* One `objector complaint` run over the store of write_residents(), and
 * what it must say. */
typedef struct
{
  const char *name;
  const char *args[6];   /* after "complaint" */
  int         status;
  const char *out_start; /* how the output begins; NULL: not looked at */
  const char *out[14];   /* in the output */
  const char *err[3];    /* in the error output; with status 0 there must be none */
  const char *app_region; /* the Land chosen in the app (the wizard's file), if any */
} ComplaintRun;

static const ComplaintRun complaint_runs[] = {
  /* The four residents of the issue: each complaint names the right
   * authority, cites Art. 77, and carries the email address and the dates. */
  { "residents/ireland", { "1111" }, 0, "Authority: Data Protection Commission",
    { "Web form:  https://forms.dataprotection.ie/contact", "Email:     info@dataprotection.ie",
      "Post:      21 Fitzwilliam Square South\n           Dublin 2\n",
      "Article 77 of the General Data Protection Regulation (GDPR)", "zoe@example.org",
      "my Facebook account “Zoë Murphy”", "I prepared the objection on 20 January 2026.",
      "I sent it to Meta on 31 January 2026 through Meta’s form at https://www.facebook.com/help/contact/712876720715583.",
      "that is by 28 February 2026.", "On 12 February 2026 Meta refused my objection.",
      "- 12 February 2026: Meta refused the objection (legitimate interest, they say)",
      "- 12 February 2026: “Update on your objection request” from Facebook <notification@facebookmail.com>",
      "- Meta’s email of 12 February 2026: “Update on your objection request”" } },
  /* Overdue (no answer since 28 February), in French. */
  { "residents/france", { ID_FR }, 0, "Authority: Commission nationale de l’informatique et des libertés (CNIL)",
    { "Web form:  https://www.cnil.fr/fr/plaintes", "Language:  fr",
      "l’article 77 du règlement général sur la protection des données (RGPD)",
      "Plaignant(e) : zoe@example.org ; pays de résidence : France.",
      "J’ai préparé l’opposition le 20 janvier 2026.", "Je l’ai envoyée à Meta le 31 janvier 2026",
      "Meta devait me répondre au plus tard le 28 février 2026" } },
  { "residents/united-kingdom", { ID_GB }, 0, "Authority: Information Commissioner’s Office (ICO)",
    { "Email:     casework@ico.org.uk",
      "Article 77 of the UK GDPR and section 165 of the Data Protection Act 2018", "zoe@example.org",
      "I sent it to Meta on 31 January 2026 through Meta’s form at https://help.instagram.com/contact/767264225370182.",
      "On 12 February 2026 Meta refused my objection." } },
  { "residents/austria", { ID_AT }, 0, "Authority: Österreichische Datenschutzbehörde",
    { "Email:     dsb@dsb.gv.at", "Post:      Barichgasse 40-42\n           1030 Wien\n           Österreich\n",
      "Beschwerde nach Art. 77 der Datenschutz-Grundverordnung (DSGVO)",
      "Beschwerdeführende Person: zoe@example.org; Wohnsitzland: Österreich.",
      "Ich habe den Widerspruch am 20. Januar 2026 vorbereitet.",
      "Am 31. Januar 2026 habe ich ihn über das Formular von Meta",
      "Meta hätte bis zum 28. Februar 2026 antworten müssen" } },
  /* Germany: which Land? The list, and a usage error. */
  { "regions/ask", { ID_DE }, 2, NULL,
    { "Bayern", "BY", "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)", "Thüringen",
      "Nordrhein-Westfalen" },
    { "--region" } },
  { "regions/bavaria", { ID_DE, "--region", "by" }, 0,
    "Authority: Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)",
    { "Web form:  https://www.lda.bayern.de/de/beschwerde.html", "Wohnsitzland: Deutschland (Bayern)." } },
  /* The Land chosen in the app is the one meant, unless --region says otherwise;
   * it picks nothing for another country. */
  { "regions/from-the-app", { ID_DE }, 0, "Authority: Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)",
    { "Wohnsitzland: Deutschland (Bayern)." }, { NULL }, "Bayern" },
  { "regions/option-over-app", { ID_DE, "--region", "NW" }, 0,
    "Authority: Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
    { "Wohnsitzland: Deutschland (Nordrhein-Westfalen)." }, { NULL }, "Bayern" },
  { "regions/app-region-elsewhere", { ID_FR }, 0,
    "Authority: Commission nationale de l’informatique et des libertés (CNIL)", { NULL }, { NULL }, "Bayern" },
  { "regions/unknown", { "--region", "Atlantis", ID_DE }, 2, NULL,
    { "Sachsen-Anhalt" }, { "“Atlantis” is not a region of DE" } },
  /* Meta's lead authority takes anyone's complaint. */
  { "regions/lead-authority", { ID_DE, "--authority", "iedpc" }, 0, "Authority: Data Protection Commission",
    { "country of residence: Germany." } },
  /* No authority for the US: said so, with the way out. */
  { "refused/united-states", { ID_US }, 1, NULL, { NULL }, { "residents of US", "--authority iedpc" } },
  { "refused/bad-authority", { ID_AT, "--authority", "nonesuch" }, 2, NULL, { NULL },
    { "“nonesuch” is not an authority" } },
  { "refused/bad-language", { ID_AT, "--language", "tlh" }, 2, NULL, { NULL },
    { "en, de, es, fr, it, nl, pl, pt_BR" } },
  { "language", { ID_AT, "--language", "fr" }, 0, NULL, { "pays de résidence : Autriche" } },
  { "refused/missing", { "99999999" }, 1, NULL, { NULL }, { NULL } },
  { "refused/no-id", { NULL }, 2, NULL, { NULL }, { NULL } },
};

static void
test_complaint_run (gconstpointer data)
{
  const ComplaintRun *expected = data;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(TestRun) run = { 0 };

  write_residents ();
  if (expected->app_region != NULL)
    test_util_choose_region ("DE", expected->app_region);
  g_ptr_array_add (args, (gpointer) "complaint");
  for (guint i = 0; i < G_N_ELEMENTS (expected->args) && expected->args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) expected->args[i]);
  g_ptr_array_add (args, NULL);

  test_util_run_argv (&run, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, expected->status);
  if (expected->status == 0)
    g_assert_cmpstr (run.err, ==, "");
  if (expected->out_start != NULL && !g_str_has_prefix (run.out, expected->out_start))
    g_error ("The complaint does not begin “%s”:\n%s", expected->out_start, run.out);
  for (guint i = 0; i < G_N_ELEMENTS (expected->out) && expected->out[i] != NULL; i++)
    test_util_assert_contains (run.out, expected->out[i]);
  for (guint i = 0; i < G_N_ELEMENTS (expected->err) && expected->err[i] != NULL; i++)
    test_util_assert_contains (run.err, expected->err[i]);
}

/* Sent today (TEST_UTIL_NOW, 20 November 2026): Meta still has a month. */
static void
test_complaint_too_early (void)
{
  g_autofree char *id = NULL;
  g_auto(TestRun) early = { 0 };

  write_residents ();
  id = test_util_cli_submitted ("facebook-objection", "IE");
  TEST_RUN (&early, "complaint", id);
  g_assert_cmpint (early.status, ==, 1);
  g_assert_cmpstr (early.out, ==, "");
  g_assert_true (g_str_has_prefix (early.err,
                                   "objector: Meta still has until 20 December 2026 to answer this objection."));
}

static void
test_remind_once (void)
{
  g_auto(TestRun) run = { 0 };
  g_autofree char *ledger = NULL;
  g_autofree char *dir = test_util_data_dir ();
  g_autofree char *ie = objection_json (ID_IE, "facebook-objection", "facebook", "IE", "Zoë", FALSE);
  g_autofree char *fr = objection_json (ID_FR, "instagram-objection", "instagram", "FR", NULL, FALSE);
  const char * const one[] = { ie, NULL };
  const char * const two[] = { ie, fr, NULL };
  g_autoptr(JsonArray) array = NULL;
  JsonObject *o;

  test_util_reset_data ();
  g_free (test_util_write_store (one));

  TEST_RUN (&run, "remind");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Meta’s answer is overdue (11111111)\n"));
  test_util_assert_contains (run.out, "Meta had until 28 February 2026 to answer your Facebook objection for “Zoë”, sent on 31 January 2026");

  ledger = g_build_filename (dir, "reminders.json", NULL);
  test_util_assert_mode (ledger, 0600);

  /* Given once: the next login is quiet. */
  TEST_RUN (&run, "remind");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");

  /* A second objection: only it is new. */
  g_free (test_util_write_store (two));
  TEST_RUN (&run, "remind", "--json");
  g_assert_cmpint (run.status, ==, 0);
  array = test_util_parse_array (run.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  o = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "overdue:" ID_FR ":2026-02-28");
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "overdue");
  g_assert_cmpstr (json_object_get_string_member (o, "objection"), ==, ID_FR);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Meta’s answer is overdue");
  test_util_assert_contains (json_object_get_string_member (o, "body"), "your Instagram objection, sent on 31 January 2026");
  g_assert_cmpstr (json_object_get_string_member (o, "since"), ==, "2026-02-28T23:00:00Z");

  TEST_RUN (&run, "remind", "--json");
  g_assert_cmpstr (run.out, ==, "[]\n");
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

  TEST_UTIL_ADD_CASES ("/cli-complaint", complaint_runs, test_complaint_run);
  g_test_add_func ("/cli-complaint/refused/too-early", test_complaint_too_early);
  g_test_add_func ("/cli-complaint/remind-once", test_remind_once);
  g_test_add_func ("/cli-complaint/remind-concurrent", test_remind_concurrent);
  g_test_add_func ("/cli-complaint/remind-damaged-store", test_remind_damaged_store);

  return test_util_run_tests ();
}

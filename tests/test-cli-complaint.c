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

/* This test's own data folder, set in main() before anything else so that
 * the runs under valgrind need no GLib test isolation. */
static char *data_home;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static GSubprocess *
spawn_argv (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("OBJECTOR_BINARY");
  GSubprocess *process;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* No display: the command line must not need one. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "TZ", "Europe/Berlin", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static void
finish (GSubprocess *process,
        Run         *run)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
run_args (Run                *run,
          const char * const *args)
{
  g_autoptr(GSubprocess) process = spawn_argv (args);

  finish (process, run);
  g_test_message ("objector %s → %d\n%s%s", args[0], run->status, run->out, run->err);
}

#define RUN(run, ...) run_args (run, (const char * const[]) { __VA_ARGS__, NULL })

#define assert_has(text, part) \
  G_STMT_START { \
    if (strstr ((text), (part)) == NULL) \
      g_error ("“%s” is missing from:\n%s", (part), (text)); \
  } G_STMT_END

static char *
objector_dir (void)
{
  return g_build_filename (data_home, "objector", NULL);
}

static void
reset_store (void)
{
  g_autofree char *dir = objector_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
}

/* Writes the store by hand, with dates in the past: each objection was
 * prepared on 20 January 2026 and sent on 31 January (due 28 February);
 * @rejected adds Meta's refusal on 12 February. */
static void
write_store (const char * const *lines)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"objector\", \"version\": 1, \"objections\": [");
  g_autofree char *dir = objector_dir ();
  g_autofree char *file = g_build_filename (dir, "objections.json", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (json, "%s%s", i > 0 ? "," : "", lines[i]);
  g_string_append (json, "]}");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (file, json->str, json->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

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

  reset_store ();
  write_store (lines);
}

/* The four residents of the issue: each complaint names the right authority,
 * cites Art. 77, and carries the email address and the dates. */
static void
test_complaint_residents (void)
{
  g_auto(Run) ie = { 0 };
  g_auto(Run) fr = { 0 };
  g_auto(Run) gb = { 0 };
  g_auto(Run) at = { 0 };

  write_residents ();

  RUN (&ie, "complaint", "1111");
  g_assert_cmpint (ie.status, ==, 0);
  g_assert_cmpstr (ie.err, ==, "");
  g_assert_true (g_str_has_prefix (ie.out, "Authority: Data Protection Commission"));
  assert_has (ie.out, "Web form:  https://forms.dataprotection.ie/contact");
  assert_has (ie.out, "Email:     info@dataprotection.ie");
  assert_has (ie.out, "Post:      21 Fitzwilliam Square South\n           Dublin 2\n");
  assert_has (ie.out, "Article 77 of the General Data Protection Regulation (GDPR)");
  assert_has (ie.out, "zoe@example.org");
  assert_has (ie.out, "my Facebook account “Zoë Murphy”");
  assert_has (ie.out, "I prepared the objection on 20 January 2026.");
  assert_has (ie.out, "I sent it to Meta on 31 January 2026 through Meta’s form at https://www.facebook.com/help/contact/712876720715583.");
  assert_has (ie.out, "that is by 28 February 2026.");
  assert_has (ie.out, "On 12 February 2026 Meta refused my objection.");
  assert_has (ie.out, "- 12 February 2026: Meta refused the objection (legitimate interest, they say)");
  assert_has (ie.out, "- 12 February 2026: “Update on your objection request” from Facebook <notification@facebookmail.com>");
  assert_has (ie.out, "- Meta’s email of 12 February 2026: “Update on your objection request”");

  /* Overdue (no answer since 28 February), in French. */
  RUN (&fr, "complaint", ID_FR);
  g_assert_cmpint (fr.status, ==, 0);
  g_assert_true (g_str_has_prefix (fr.out, "Authority: Commission nationale de l’informatique et des libertés (CNIL)"));
  assert_has (fr.out, "Web form:  https://www.cnil.fr/fr/plaintes");
  assert_has (fr.out, "Language:  fr");
  assert_has (fr.out, "l’article 77 du règlement général sur la protection des données (RGPD)");
  assert_has (fr.out, "Plaignant(e) : zoe@example.org ; pays de résidence : France.");
  assert_has (fr.out, "J’ai préparé l’opposition le 20 janvier 2026.");
  assert_has (fr.out, "Je l’ai envoyée à Meta le 31 janvier 2026");
  assert_has (fr.out, "Meta devait me répondre au plus tard le 28 février 2026");

  RUN (&gb, "complaint", ID_GB);
  g_assert_cmpint (gb.status, ==, 0);
  g_assert_true (g_str_has_prefix (gb.out, "Authority: Information Commissioner’s Office (ICO)"));
  assert_has (gb.out, "Email:     casework@ico.org.uk");
  assert_has (gb.out, "Article 77 of the UK GDPR and section 165 of the Data Protection Act 2018");
  assert_has (gb.out, "zoe@example.org");
  assert_has (gb.out, "I sent it to Meta on 31 January 2026 through Meta’s form at https://help.instagram.com/contact/767264225370182.");
  assert_has (gb.out, "On 12 February 2026 Meta refused my objection.");

  RUN (&at, "complaint", ID_AT);
  g_assert_cmpint (at.status, ==, 0);
  g_assert_true (g_str_has_prefix (at.out, "Authority: Österreichische Datenschutzbehörde"));
  assert_has (at.out, "Email:     dsb@dsb.gv.at");
  assert_has (at.out, "Post:      Barichgasse 40-42\n           1030 Wien\n           Österreich\n");
  assert_has (at.out, "Beschwerde nach Art. 77 der Datenschutz-Grundverordnung (DSGVO)");
  assert_has (at.out, "Beschwerdeführende Person: zoe@example.org; Wohnsitzland: Österreich.");
  assert_has (at.out, "Ich habe den Widerspruch am 20. Januar 2026 vorbereitet.");
  assert_has (at.out, "Am 31. Januar 2026 habe ich ihn über das Formular von Meta");
  assert_has (at.out, "Meta hätte bis zum 28. Februar 2026 antworten müssen");
}

static void
test_complaint_regions (void)
{
  g_auto(Run) ask = { 0 };
  g_auto(Run) bavaria = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) lead = { 0 };

  write_residents ();

  /* Germany: which Land? The list, and a usage error. */
  RUN (&ask, "complaint", ID_DE);
  g_assert_cmpint (ask.status, ==, 2);
  assert_has (ask.out, "Bayern");
  assert_has (ask.out, "BY");
  assert_has (ask.out, "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)");
  assert_has (ask.out, "Thüringen");
  assert_has (ask.out, "Nordrhein-Westfalen");
  assert_has (ask.err, "--region");

  RUN (&bavaria, "complaint", ID_DE, "--region", "by");
  g_assert_cmpint (bavaria.status, ==, 0);
  g_assert_true (g_str_has_prefix (bavaria.out, "Authority: Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)"));
  assert_has (bavaria.out, "Web form:  https://www.lda.bayern.de/de/beschwerde.html");
  assert_has (bavaria.out, "Wohnsitzland: Deutschland (Bayern).");

  RUN (&unknown, "complaint", "--region", "Atlantis", ID_DE);
  g_assert_cmpint (unknown.status, ==, 2);
  assert_has (unknown.err, "“Atlantis” is not a region of DE");
  assert_has (unknown.out, "Sachsen-Anhalt");

  /* Meta's lead authority takes anyone's complaint. */
  RUN (&lead, "complaint", ID_DE, "--authority", "iedpc");
  g_assert_cmpint (lead.status, ==, 0);
  g_assert_true (g_str_has_prefix (lead.out, "Authority: Data Protection Commission"));
  assert_has (lead.out, "country of residence: Germany.");
}

static void
test_complaint_refused (void)
{
  g_auto(Run) start = { 0 };
  g_auto(Run) open = { 0 };
  g_auto(Run) submit = { 0 };
  g_auto(Run) early = { 0 };
  g_auto(Run) us = { 0 };
  g_auto(Run) bad_authority = { 0 };
  g_auto(Run) bad_language = { 0 };
  g_auto(Run) french = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) no_id = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) due = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                          g_date_time_get_year (now));
  g_autofree char *expected = NULL;
  g_autofree char *id = NULL;
  char due_text[64];

  write_residents ();

  /* Sent today: Meta still has a month. */
  RUN (&start, "start", "facebook-objection", "--country", "IE", "--email", "zoe@example.org");
  g_assert_cmpint (start.status, ==, 0);
  id = g_strstrip (g_strdup (start.out));
  RUN (&open, "mark", id, "open-form");
  RUN (&submit, "mark", id, "submit");
  g_assert_cmpint (submit.status, ==, 0);

  g_date_add_months (due, 1);
  g_date_strftime (due_text, sizeof due_text, "%-d %B %Y", due);
  expected = g_strdup_printf ("objector: Meta still has until %s to answer this objection.", due_text);
  RUN (&early, "complaint", id);
  g_assert_cmpint (early.status, ==, 1);
  g_assert_cmpstr (early.out, ==, "");
  g_assert_true (g_str_has_prefix (early.err, expected));

  /* No authority for the US: said so, with the way out. */
  RUN (&us, "complaint", ID_US);
  g_assert_cmpint (us.status, ==, 1);
  assert_has (us.err, "residents of US");
  assert_has (us.err, "--authority iedpc");

  RUN (&bad_authority, "complaint", ID_AT, "--authority", "nonesuch");
  g_assert_cmpint (bad_authority.status, ==, 2);
  assert_has (bad_authority.err, "“nonesuch” is not an authority");

  RUN (&bad_language, "complaint", ID_AT, "--language", "tlh");
  g_assert_cmpint (bad_language.status, ==, 2);
  assert_has (bad_language.err, "en, de, es, fr, it, nl, pl, pt_BR");

  RUN (&french, "complaint", ID_AT, "--language", "fr");
  g_assert_cmpint (french.status, ==, 0);
  assert_has (french.out, "pays de résidence : Autriche");

  RUN (&missing, "complaint", "99999999");
  g_assert_cmpint (missing.status, ==, 1);

  RUN (&no_id, "complaint");
  g_assert_cmpint (no_id.status, ==, 2);
}

static JsonArray *
parse_array (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_ref (json_node_get_array (node));
}

static void
test_remind_once (void)
{
  g_autofree char *ledger = NULL;
  g_autofree char *dir = objector_dir ();
  g_autofree char *ie = objection_json (ID_IE, "facebook-objection", "facebook", "IE", "Zoë", FALSE);
  g_autofree char *fr = objection_json (ID_FR, "instagram-objection", "instagram", "FR", NULL, FALSE);
  const char * const one[] = { ie, NULL };
  const char * const two[] = { ie, fr, NULL };
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) quiet = { 0 };
  g_autoptr(JsonArray) array = NULL;
  JsonObject *o;
  GStatBuf st;

  reset_store ();
  write_store (one);

  RUN (&first, "remind");
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.err, ==, "");
  g_assert_true (g_str_has_prefix (first.out, "Meta’s answer is overdue (11111111)\n"));
  assert_has (first.out, "Meta had until 28 February 2026 to answer your Facebook objection for “Zoë”, sent on 31 January 2026");

  ledger = g_build_filename (dir, "reminders.json", NULL);
  g_assert_cmpint (g_stat (ledger, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Given once: the next login is quiet. */
  RUN (&second, "remind");
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, "");

  /* A second objection: only it is new. */
  write_store (two);
  RUN (&json, "remind", "--json");
  g_assert_cmpint (json.status, ==, 0);
  array = parse_array (json.out);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  o = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "overdue:" ID_FR ":2026-02-28");
  g_assert_cmpstr (json_object_get_string_member (o, "kind"), ==, "overdue");
  g_assert_cmpstr (json_object_get_string_member (o, "objection"), ==, ID_FR);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Meta’s answer is overdue");
  assert_has (json_object_get_string_member (o, "body"), "your Instagram objection, sent on 31 January 2026");
  g_assert_cmpstr (json_object_get_string_member (o, "since"), ==, "2026-02-28T23:00:00Z");

  RUN (&quiet, "remind", "--json");
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

  reset_store ();
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("%08x-aaaa-4aaa-8aaa-%012x", i, i);

      g_ptr_array_add (lines, objection_json (id, "facebook-objection", "facebook", "IE", NULL, FALSE));
    }
  g_ptr_array_add (lines, NULL);
  write_store ((const char * const *) lines->pdata);

  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    processes[i] = spawn_argv (args);

  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    {
      g_auto(Run) run = { 0 };
      g_autoptr(JsonArray) array = NULL;

      finish (processes[i], &run);
      g_object_unref (processes[i]);
      g_assert_cmpint (run.status, ==, 0);
      array = parse_array (run.out);
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
  g_autofree char *dir = objector_dir ();
  g_autofree char *file = g_build_filename (dir, "objections.json", NULL);
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;

  reset_store ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (file, "{ not json", -1, &error);
  g_assert_no_error (error);

  RUN (&run, "remind");
  g_assert_cmpint (run.status, ==, 1);
  assert_has (run.err, "objector: ");
  assert_has (run.err, "damaged");
}

static void
remove_tree (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (directory);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  data_home = g_dir_make_tmp ("objector-cli-complaint-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("TZ", "Europe/Berlin", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-complaint/residents", test_complaint_residents);
  g_test_add_func ("/cli-complaint/regions", test_complaint_regions);
  g_test_add_func ("/cli-complaint/refused", test_complaint_refused);
  g_test_add_func ("/cli-complaint/remind-once", test_remind_once);
  g_test_add_func ("/cli-complaint/remind-concurrent", test_remind_concurrent);
  g_test_add_func ("/cli-complaint/remind-damaged-store", test_remind_damaged_store);

  status = g_test_run ();
  remove_tree (data_home);
  g_free (data_home);
  return status;
}

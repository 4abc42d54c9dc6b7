/* test-complaint.c — the complaint text, and the message to the people around you
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "objector-complaint.h"
#include "objector-error.h"
#include "objector-test-util.h"

typedef struct
{
  ObjectorAuthorities    *authorities;
  ObjectorComplaintTexts *texts;
  ObjectorPlaybook       *playbook;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->authorities = objector_authorities_load (&error);
  g_assert_no_error (error);
  f->texts = objector_complaint_texts_load (&error);
  g_assert_no_error (error);
  f->playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->authorities);
  g_clear_object (&f->texts);
  g_clear_object (&f->playbook);
}

/* Prepared on 20 January 2026, sent on 31 January: due 28 February. */
static ObjectorObjection *
sent_objection (const char *platform,
                const char *country,
                const char *account)
{
  g_autofree char *path = g_strdup_printf ("%s-objection", platform);
  ObjectorObjection *o = test_util_objection_new (path, TRUE, country, "2026-01-20T09:00:00Z");

  objector_objection_set_account (o, account);
  objector_objection_set_reason (o, "My photos are {mine}: I do not want them used to train AI.");
  test_util_apply_events (o,
                          OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-01-20T09:00:00Z",
                          OBJECTOR_EVENT_OPEN_FORM, "2026-01-31T09:00:00Z",
                          -1);
  test_util_apply_at (o, OBJECTOR_EVENT_SUBMIT, "sent from the laptop", "2026-01-31T10:00:00Z");
  return o;
}

static void
add_email (ObjectorObjection *o,
           const char        *date,
           const char        *subject,
           const char        *kind)
{
  g_autoptr(JsonObject) email = test_util_email (date, "Facebook <security@facebookmail.com>", subject, kind, TRUE);

  test_util_add_email (o, email);
}

/* TAP wants every line of a message commented. */
static void
log_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_test_message ("%s", lines[i]);
}

/* No "{name}" left unfilled (the test reason holds "{mine}" on purpose). */
static void
assert_filled (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("\\{(?!mine\\})[a-z_]+\\}", 0, 0, NULL);

  if (g_regex_match (regex, text, 0, NULL))
    g_error ("A placeholder is left in:\n%s", text);
}

static ObjectorComplaint *
complain (Fixture           *f,
          ObjectorObjection *o,
          const char        *country,
          const char        *region,
          const char        *language,
          const char        *now_iso)
{
  g_autoptr(GDateTime) now = test_util_time (now_iso);
  g_autoptr(GError) error = NULL;
  ObjectorAuthority *authority = objector_authorities_for_country (f->authorities, country, region, &error);
  ObjectorPath *path;
  ObjectorComplaint *complaint;

  g_assert_no_error (error);
  path = objector_playbook_lookup_path (f->playbook, objector_objection_get_path_id (o));
  complaint = objector_complaint_new (f->texts, o, authority, path,
                                      objector_authority_get_region (authority), language, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (complaint);
  log_text (objector_complaint_get_text (complaint));
  assert_filled (objector_complaint_get_text (complaint));
  return complaint;
}

static void
test_texts_bundled (Fixture       *f,
                    gconstpointer  data)
{
  const char * const *languages = objector_complaint_texts_get_languages (f->texts);

  /* English first (the fallback), then German and French at least. */
  g_assert_cmpstr (languages[0], ==, "en");
  g_assert_true (g_strv_contains (languages, "de"));
  g_assert_true (g_strv_contains (languages, "fr"));
  g_assert_true (objector_complaint_texts_has_language (f->texts, "de"));
  g_assert_false (objector_complaint_texts_has_language (f->texts, "xx"));
  g_assert_false (objector_complaint_texts_has_language (f->texts, NULL));
}

/* A complaint written for an objection sent on 31 January 2026 (see
 * sent_objection()), after @steps, on @now, and what it must say. */
typedef struct
{
  ObjectorEvent  event;
  const char    *time;
  const char    *note;
  const char    *email_time;     /* Meta's email that came first, or NULL */
  const char    *email_subject;
  const char    *email_kind;
} Step;

typedef struct
{
  const char *name;
  const char *platform;
  const char *country;
  const char *account;
  Step        steps[3];
  const char *region;
  const char *now;
  const char *language;         /* the complaint's; NULL: not looked at */
  const char *slug;             /* the authority's; NULL: not looked at */
  const char *subject;          /* in the subject; NULL: not looked at */
  const char *start;            /* how the text begins; NULL: not looked at */
  const char *text[22];
  const char *not_text[2];
  const char *attachments[4];   /* all of them, in order; none listed: not looked at */
} TextCase;

static const TextCase text_cases[] = {
  /* English, to the Irish DPC, after Meta refused. */
  { "rejected-english", "facebook", "IE", "Zoë Murphy",
    { { OBJECTOR_EVENT_CONFIRM_CODE, "2026-01-31T10:06:00Z", NULL,
        "2026-01-31T10:05:00Z", "Your confirmation code", "code" },
      { OBJECTOR_EVENT_LOG_REJECTION, "2026-02-12T09:00:00Z", "They say legitimate interest",
        "2026-02-12T08:00:00Z", "Update on your objection request", "rejection" } },
    NULL, "2026-02-13T12:00:00Z", "en", "iedpc", "Article 77", "Data Protection Commission",
    { "21 Fitzwilliam Square South", "Article 77 of the General Data Protection Regulation (GDPR)",
      "Article 21(1) GDPR", "Complainant: zoe@example.org; country of residence: Ireland.",
      "Meta Platforms Ireland Limited, 4 Grand Canal Square",
      "my Facebook account “Zoë Murphy”, registered with the email address zoe@example.org",
      "I prepared the objection on 20 January 2026.",
      "I sent it to Meta on 31 January 2026 through Meta’s form at https://www.facebook.com/help/contact/712876720715583.",
      /* The reason verbatim: braces in it are not placeholders. */
      "“My photos are {mine}: I do not want them used to train AI.”",
      "that is by 28 February 2026.", "On 12 February 2026 Meta refused my objection.",
      /* The whole timeline, with the person's notes. */
      "- 20 January 2026: Objection prepared", "- 31 January 2026: Objection sent to Meta (sent from the laptop)",
      "- 31 January 2026: Objection confirmed with the code Meta emailed",
      "- 12 February 2026: Meta refused the objection (They say legitimate interest)",
      "- 12 February 2026: “Update on your objection request” from Facebook <security@facebookmail.com>",
      /* What the person asks for. */
      "to examine whether Meta’s processing of my personal data for training its AI is lawful",
      "to order Meta under Article 58(2)(c) GDPR to honour my objection", "Article 77(2) GDPR",
      "13 February 2026", "Yours faithfully,",
      "\nAttachments\n- Summary of my objection and its history (PDF)\n" },
    /* The DPC is the lead authority itself: no note asking it to cooperate with itself. */
    { "lead supervisory authority" },
    { "Summary of my objection and its history (PDF)",
      "Meta’s email of 31 January 2026: “Your confirmation code”",
      "Meta’s email of 12 February 2026: “Update on your objection request”" } },
  /* German, to the Bavarian authority, after Meta stayed silent. */
  { "overdue-german", "instagram", "DE", NULL, { { 0 } }, "BY", "2026-03-02T12:00:00Z", "de", NULL,
    "Beschwerde nach Art. 77 der Datenschutz-Grundverordnung (DSGVO)",
    "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)\nPostfach 1349\n91504 Ansbach",
    { "Sehr geehrte Damen und Herren,",
      "Meta hätte bis zum 28. Februar 2026 antworten müssen (Art. 12 Abs. 3 DSGVO) und hat bis heute nicht geantwortet.",
      "Beschwerdeführende Person: zoe@example.org; Wohnsitzland: Deutschland (Bayern).",
      "Der Widerspruch betrifft mein Instagram-Konto, registriert mit der E-Mail-Adresse zoe@example.org.",
      "Ich habe den Widerspruch am 20. Januar 2026 vorbereitet.",
      "Am 31. Januar 2026 habe ich ihn über das Formular von Meta unter https://help.instagram.com/contact/767264225370182 gesendet.",
      "also bis zum 28. Februar 2026.",
      "Bis heute (2. März 2026) hat Meta auf meinen Widerspruch nicht geantwortet.",
      "- 31. Januar 2026: Widerspruch an Meta gesendet (sent from the laptop)",
      "Meta nach Art. 58 Abs. 2 lit. c DSGVO anzuweisen",
      /* Not the lead authority: it is asked to work with the DPC. */
      "Federführende Aufsichtsbehörde für Meta ist die irische Data Protection Commission",
      "Mit freundlichen Grüßen",
      "\nAnlagen\n- Zusammenfassung meines Widerspruchs und seines Verlaufs (PDF)\n" } },
  /* French, to the CNIL, after an extension and an escalation. */
  { "escalated-french", "facebook", "FR", "Zoé",
    { { OBJECTOR_EVENT_LOG_RECEIPT, "2026-02-01T08:00:00Z" }, { OBJECTOR_EVENT_EXTEND, "2026-02-20T08:00:00Z" },
      { OBJECTOR_EVENT_ESCALATE, "2026-05-04T08:00:00Z" } },
    NULL, "2026-05-04T12:00:00Z", "fr", NULL,
    "Plainte au titre de l’article 77 du règlement général sur la protection des données (RGPD)",
    "Commission nationale de l’informatique et des libertés (CNIL)\n3 Place de Fontenoy",
    { "Madame, Monsieur,", "Meta devait me répondre au plus tard le 30 avril 2026",
      "Plaignant(e) : zoe@example.org ; pays de résidence : France.", "mon compte Facebook « Zoé »",
      "J’ai préparé l’opposition le 20 janvier 2026.", "Meta a accusé réception le 1er février 2026.",
      "elle a prolongé ce délai de deux mois, jusqu’au 30 avril 2026.",
      "À ce jour (4 mai 2026), Meta n’a pas répondu à mon opposition.",
      "- 20 février 2026 : Meta a prolongé le délai", "- 4 mai 2026 : Décision de saisir l’autorité de contrôle",
      "L’autorité de contrôle chef de file pour Meta est la Data Protection Commission irlandaise",
      "\nPièces jointes\n- Résumé de mon opposition et de son historique (PDF)\n" } },
  /* The UK cites the UK GDPR and the Data Protection Act 2018. */
  { "uk", "instagram", "GB", "zoe.photos", { { OBJECTOR_EVENT_LOG_REJECTION, "2026-02-03T10:00:00Z" } },
    NULL, "2026-02-04T10:00:00Z", "en", NULL, NULL, NULL,
    { "Information Commissioner’s Office (ICO)\nWycliffe House",
      "Article 77 of the UK GDPR and section 165 of the Data Protection Act 2018", "Article 21(1) UK GDPR",
      "country of residence: the United Kingdom.", "On 3 February 2026 Meta refused my objection." },
    { "Article 60 GDPR" } },
  /* A rejection taken back with undo is no rejection. */
  { "undone-rejection", "facebook", "IE", NULL,
    { { OBJECTOR_EVENT_LOG_REJECTION, "2026-02-02T10:00:00Z" }, { OBJECTOR_EVENT_UNDO, "2026-02-02T10:01:00Z" } },
    NULL, "2026-03-03T10:00:00Z", NULL, NULL, NULL, NULL,
    { "has not answered to this day", "- 2 February 2026: Previous entry corrected" },
    { "Meta refused my objection" } },
};

static void
test_text_case (gconstpointer data)
{
  const TextCase *expected = data;
  Fixture f;
  g_autoptr(ObjectorObjection) o = sent_objection (expected->platform, expected->country, expected->account);
  g_autoptr(ObjectorComplaint) complaint = NULL;
  const char *text;

  fixture_set_up (&f, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected->steps) && expected->steps[i].time != NULL; i++)
    {
      const Step *step = &expected->steps[i];

      if (step->email_time != NULL)
        add_email (o, step->email_time, step->email_subject, step->email_kind);
      test_util_apply_at (o, step->event, step->note, step->time);
    }

  complaint = complain (&f, o, expected->country, expected->region, NULL, expected->now);
  text = objector_complaint_get_text (complaint);

  if (expected->language != NULL)
    g_assert_cmpstr (objector_complaint_get_language (complaint), ==, expected->language);
  if (expected->slug != NULL)
    g_assert_cmpstr (objector_authority_get_slug (objector_complaint_get_authority (complaint)), ==, expected->slug);
  if (expected->subject != NULL)
    test_util_assert_contains (objector_complaint_get_subject (complaint), expected->subject);
  if (expected->start != NULL && !g_str_has_prefix (text, expected->start))
    g_error ("The complaint does not begin “%s”", expected->start);
  for (guint i = 0; i < G_N_ELEMENTS (expected->text) && expected->text[i] != NULL; i++)
    test_util_assert_contains (text, expected->text[i]);
  for (guint i = 0; i < G_N_ELEMENTS (expected->not_text) && expected->not_text[i] != NULL; i++)
    test_util_assert_lacks (text, expected->not_text[i]);
  if (expected->attachments[0] != NULL)
    {
      const char * const *attachments = objector_complaint_get_attachments (complaint);

      g_assert_true (g_strv_equal (attachments, expected->attachments));
    }
  fixture_tear_down (&f, NULL);
}

/* Templates exist for some languages; the rest fall back to English, and a
 * language can be chosen. */
static void
test_languages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = sent_objection ("facebook", "IT", NULL);
  g_autoptr(ObjectorComplaint) italian = complain (f, o, "IT", NULL, NULL, "2026-03-05T10:00:00Z");
  g_autoptr(ObjectorComplaint) german = complain (f, o, "IT", NULL, "de", "2026-03-05T10:00:00Z");
  g_autoptr(ObjectorComplaint) none = NULL;
  g_autoptr(ObjectorAuthority) austria = NULL;
  g_autoptr(ObjectorComplaint) austrian = NULL;
  g_autoptr(GDateTime) now = test_util_time ("2026-03-05T10:00:00Z");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (objector_authority_get_complaint_language (objector_complaint_get_authority (italian)), ==, "it");
  /* In the authority's language where there is a text in it... */
  g_assert_cmpstr (objector_complaint_get_language (italian), ==, "it");
  test_util_assert_contains (objector_complaint_get_text (italian), "Garante per la protezione dei dati personali");
  /* ...otherwise in English. */
  {
    g_autoptr(ObjectorObjection) se = sent_objection ("facebook", "SE", NULL);
    g_autoptr(ObjectorComplaint) swedish = complain (f, se, "SE", NULL, NULL, "2026-03-05T10:00:00Z");

    g_assert_cmpstr (objector_complaint_get_language (swedish), ==, "en");
    test_util_assert_contains (objector_complaint_get_text (swedish), "country of residence: Sweden.");
  }

  g_assert_cmpstr (objector_complaint_get_language (german), ==, "de");
  test_util_assert_contains (objector_complaint_get_text (german), "Wohnsitzland: Italien.");

  none = objector_complaint_new (f->texts, o, objector_complaint_get_authority (italian), NULL, NULL,
                                 "tlh", now, &error);
  g_assert_null (none);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT);
  test_util_assert_contains (error->message, "no complaint text in “tlh”");
  test_util_assert_contains (error->message, "en, de, es, fr, it, nl, pl, pt_BR");
  g_clear_error (&error);

  /* Austria complains in German. */
  austria = g_object_ref (objector_authorities_for_country (f->authorities, "AT", NULL, &error));
  g_assert_no_error (error);
  austrian = objector_complaint_new (f->texts, o, austria, NULL, NULL, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_complaint_get_language (austrian), ==, "de");
  /* Without the path in the playbook, the form is described, not linked. */
  test_util_assert_contains (objector_complaint_get_text (austrian), "über das Formular gesendet, das Meta dafür vorsieht");
}

static void
test_third_party (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o =
    test_util_objection_at ("third-party", "NL", "2026-01-20T09:00:00Z",
                            OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-01-20T09:00:00Z",
                            OBJECTOR_EVENT_OPEN_FORM, "2026-01-20T09:05:00Z",
                            OBJECTOR_EVENT_SUBMIT, "2026-01-20T09:10:00Z",
                            OBJECTOR_EVENT_LOG_REJECTION, "2026-01-25T09:10:00Z",
                            -1);
  g_autoptr(ObjectorComplaint) complaint = NULL;

  complaint = complain (f, o, "NL", NULL, "en", "2026-01-26T10:00:00Z");
  test_util_assert_contains (objector_complaint_get_text (complaint),
              "The objection concerns personal information about me that Meta obtained from third parties.");
  test_util_assert_lacks (objector_complaint_get_text (complaint), "account");
  test_util_assert_contains (objector_complaint_get_text (complaint), "https://www.facebook.com/help/contact/");
}

static void
test_grounds (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = sent_objection ("facebook", "IE", NULL);
  g_autoptr(GDateTime) early = test_util_time ("2026-02-10T10:00:00Z");
  g_autoptr(GDateTime) late = test_util_time ("2026-03-01T10:00:00Z");
  g_autoptr(GError) error = NULL;
  ObjectorAuthority *dpc = objector_authorities_get_lead (f->authorities);
  g_autoptr(ObjectorComplaint) complaint = NULL;

  /* Meta still has time. */
  g_assert_false (objector_complaint_check_grounds (o, early, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS);
  test_util_assert_contains (error->message, "Meta still has until 28 February 2026 to answer");
  g_clear_error (&error);

  complaint = objector_complaint_new (f->texts, o, dpc, NULL, NULL, NULL, early, &error);
  g_assert_null (complaint);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS);
  g_clear_error (&error);

  /* Then it does not. */
  g_assert_true (objector_complaint_check_grounds (o, late, &error));
  g_assert_no_error (error);

  /* Accepted: nothing to complain about. */
  test_util_apply_at (o, OBJECTOR_EVENT_LOG_APPROVAL, NULL, "2026-02-11T10:00:00Z");
  g_assert_false (objector_complaint_check_grounds (o, late, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS);
  test_util_assert_contains (error->message, "Meta accepted this objection");
  g_clear_error (&error);

  /* Not sent yet. */
  {
    g_autoptr(ObjectorObjection) draft = test_util_objection_at ("facebook-objection", "IE", "2026-01-20T09:00:00Z", -1);

    g_assert_false (objector_complaint_check_grounds (draft, late, &error));
    g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS);
    test_util_assert_contains (error->message, "not been sent to Meta yet");
    g_clear_error (&error);

    test_util_apply_at (draft, OBJECTOR_EVENT_WITHDRAW, NULL, "2026-01-21T09:00:00Z");
    g_assert_false (objector_complaint_check_grounds (draft, late, &error));
    test_util_assert_contains (error->message, "You withdrew this objection");
  }
}

static void
test_people_message (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *en_title = NULL;
  g_autofree char *en = objector_complaint_texts_dup_people_message (f->texts, f->playbook, "en", TRUE, &en_title);
  g_autofree char *de = objector_complaint_texts_dup_people_message (f->texts, f->playbook, "de_AT.UTF-8", TRUE, NULL);
  g_autofree char *fr_title = NULL;
  g_autofree char *fr = objector_complaint_texts_dup_people_message (f->texts, f->playbook, "fr", TRUE, &fr_title);
  g_autofree char *fallback = objector_complaint_texts_dup_people_message (f->texts, NULL, "en", TRUE, NULL);
  g_autofree char *unknown = objector_complaint_texts_dup_people_message (f->texts, f->playbook, "tlh", TRUE, NULL);

  log_text (en);
  log_text (de);
  log_text (fr);

  g_assert_cmpstr (en_title, ==, "Ask the people around you to object too");
  test_util_assert_contains_all (en,
                                 "photos of me and posts that mention me",
                                 "Facebook: https://www.facebook.com/help/contact/712876720715583",
                                 "Instagram: https://help.instagram.com/contact/767264225370182");
  /* The objection forms only, once each: not the third-party request. */
  test_util_assert_lacks (en, "510058597920541");
  assert_filled (en);
  assert_filled (de);
  assert_filled (fr);

  test_util_assert_contains_all (de,
                                 "Fotos von mir",
                                 "Facebook: https://www.facebook.com/help/contact/712876720715583",
                                 "Wenn du in der EU, im EWR oder im Vereinigten Königreich wohnst");

  g_assert_cmpstr (fr_title, ==, "Demandez à vos proches de s’opposer eux aussi");
  test_util_assert_contains (fr, "des photos de moi");
  test_util_assert_contains (fr, "Instagram: https://help.instagram.com/contact/767264225370182");

  /* Without a playbook, where to find the form in the apps. */
  test_util_assert_contains (fallback, "Submit an objection request");
  test_util_assert_lacks (fallback, "https://");

  /* An unknown language falls back to the user's languages, then English:
   * the tests run in C.UTF-8. */
  g_assert_cmpstr (unknown, ==, en);

  /* Someone without an account of their own has objected for none (issue 15). */
  test_util_assert_contains (en, "objected for my own accounts");
  for (const char **language = (const char *[]) { "en", "de", "fr", "es", "it", "nl", "pl", "pt_BR", NULL };
       *language != NULL; language++)
    {
      g_autofree char *with = objector_complaint_texts_dup_people_message (f->texts, f->playbook, *language, TRUE, NULL);
      g_autofree char *without = objector_complaint_texts_dup_people_message (f->texts, f->playbook, *language, FALSE, NULL);

      assert_filled (without);
      g_assert_cmpuint (strlen (without), <, strlen (with));
      test_util_assert_contains (without, "https://www.facebook.com/help/contact/712876720715583");
    }
  {
    g_autofree char *none = objector_complaint_texts_dup_people_message (f->texts, f->playbook, "en", FALSE, NULL);
    test_util_assert_lacks (none, "objected");
    test_util_assert_contains (none, "photos of me and posts that mention me.");
  }
}

static void
assert_invalid (const char *json,
                const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorComplaintTexts) texts = objector_complaint_texts_new_from_bytes (bytes, &error);

  g_assert_null (texts);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA);
  /* json-glib's own words after "(root): " vary between versions. */
  test_util_assert_message (error->message, message);
}

/* Each fault of the texts is named by its JSON path. */
static void
test_validation (void)
{
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *de;
  JsonObject *texts;
  g_autofree char *json = NULL;

  bundled = g_resources_lookup_data (OBJECTOR_COMPLAINT_TEXTS_RESOURCE, 0, &error);
  g_assert_no_error (error);

  assert_invalid ("{", "(root): <data>:1:…");
  assert_invalid ("{\"format\": 7}", "format: missing, or not a format this version reads (1)");

  /* A typo in a placeholder, and a missing text, in German. */
  root = json_from_string (g_bytes_get_data (bundled, NULL), &error);
  g_assert_no_error (error);
  de = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "languages"), "de");
  texts = json_object_get_object_member (de, "texts");

  json_object_set_string_member (texts, "subject", "Beschwerde nach {complaint_artikel}");
  json = json_to_string (root, FALSE);
  assert_invalid (json, "languages.de.texts.subject: unknown placeholder “{complaint_artikel}”");
  g_clear_pointer (&json, g_free);

  json_object_set_string_member (texts, "subject", "Beschwerde nach {complaint_article}");
  json_object_remove_member (texts, "closing");
  json = json_to_string (root, FALSE);
  assert_invalid (json, "languages.de.texts.closing: missing");
  g_clear_pointer (&json, g_free);

  json_object_set_string_member (texts, "closing", "Mit freundlichen Grüßen");
  json_object_remove_member (json_object_get_object_member (de, "events"), "extend");
  json = json_to_string (root, FALSE);
  assert_invalid (json, "languages.de.events.extend: missing");
  g_clear_pointer (&json, g_free);

  json_object_set_string_member (json_object_get_object_member (de, "events"), "extend", "Frist verlängert");
  json_object_remove_member (json_object_get_object_member (json_node_get_object (root), "languages"), "en");
  json = json_to_string (root, FALSE);
  assert_invalid (json, "languages.en: missing: English is the fallback");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "complaint");
  /* Due dates are calendar dates where the person lives. */
  test_util_use_time_zone ("Europe/Berlin");

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/complaint/texts-bundled", test_texts_bundled);
  TEST_UTIL_ADD_CASES ("/complaint", text_cases, test_text_case);
  ADD ("/complaint/languages", test_languages);
  ADD ("/complaint/third-party", test_third_party);
  ADD ("/complaint/grounds", test_grounds);
  ADD ("/complaint/people-message", test_people_message);
  g_test_add_func ("/complaint/validation", test_validation);

  return test_util_run_tests ();
}

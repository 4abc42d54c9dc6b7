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

static GDateTime *
at (const char *iso)
{
  GDateTime *dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return dt;
}

static void
apply_at (ObjectorObjection *o,
          ObjectorEvent      event,
          const char        *note,
          const char        *iso)
{
  g_autoptr(GDateTime) when = at (iso);
  g_autoptr(GError) error = NULL;

  objector_objection_apply (o, event, note, when, &error);
  g_assert_no_error (error);
}

/* Prepared on 20 January 2026, sent on 31 January: due 28 February. */
static ObjectorObjection *
sent_objection (const char *platform,
                const char *country,
                const char *account)
{
  g_autoptr(GDateTime) created = at ("2026-01-20T09:00:00Z");
  g_autofree char *path = g_strdup_printf ("%s-objection", platform);
  ObjectorObjection *o = objector_objection_new (path, platform, TRUE, created);

  objector_objection_set_country (o, country);
  objector_objection_set_email (o, "zoe@example.org");
  objector_objection_set_account (o, account);
  objector_objection_set_reason (o, "My photos are {mine}: I do not want them used to train AI.");
  apply_at (o, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, "2026-01-20T09:00:00Z");
  apply_at (o, OBJECTOR_EVENT_OPEN_FORM, NULL, "2026-01-31T09:00:00Z");
  apply_at (o, OBJECTOR_EVENT_SUBMIT, "sent from the laptop", "2026-01-31T10:00:00Z");
  return o;
}

static void
add_email (ObjectorObjection *o,
           const char        *date,
           const char        *subject,
           const char        *kind)
{
  JsonObject *email = json_object_new ();

  json_object_set_string_member (email, "date", date);
  json_object_set_string_member (email, "from", "Facebook <security@facebookmail.com>");
  json_object_set_string_member (email, "subject", subject);
  json_object_set_string_member (email, "kind", kind);
  json_object_set_boolean_member (email, "trusted", TRUE);
  objector_objection_add_email (o, email);
  json_object_unref (email);
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
  g_autoptr(GDateTime) now = at (now_iso);
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

#define assert_has(text, part) \
  G_STMT_START { \
    if (strstr ((text), (part)) == NULL) \
      g_error ("“%s” is missing from:\n%s", (part), (text)); \
  } G_STMT_END

#define assert_lacks(text, part) \
  G_STMT_START { \
    if (strstr ((text), (part)) != NULL) \
      g_error ("“%s” should not be in:\n%s", (part), (text)); \
  } G_STMT_END

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

/* English, to the Irish DPC, after Meta refused. */
static void
test_rejected_english (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = sent_objection ("facebook", "IE", "Zoë Murphy");
  g_autoptr(ObjectorComplaint) complaint = NULL;
  const char *text;
  const char * const *attachments;

  add_email (o, "2026-01-31T10:05:00Z", "Your confirmation code", "code");
  apply_at (o, OBJECTOR_EVENT_CONFIRM_CODE, NULL, "2026-01-31T10:06:00Z");
  add_email (o, "2026-02-12T08:00:00Z", "Update on your objection request", "rejection");
  apply_at (o, OBJECTOR_EVENT_LOG_REJECTION, "They say legitimate interest", "2026-02-12T09:00:00Z");

  complaint = complain (f, o, "IE", NULL, NULL, "2026-02-13T12:00:00Z");
  text = objector_complaint_get_text (complaint);

  g_assert_cmpstr (objector_complaint_get_language (complaint), ==, "en");
  g_assert_cmpstr (objector_authority_get_slug (objector_complaint_get_authority (complaint)), ==, "iedpc");
  assert_has (objector_complaint_get_subject (complaint), "Article 77");
  g_assert_true (g_str_has_prefix (text, "Data Protection Commission"));
  assert_has (text, "21 Fitzwilliam Square South");
  assert_has (text, "Article 77 of the General Data Protection Regulation (GDPR)");
  assert_has (text, "Article 21(1) GDPR");
  assert_has (text, "Complainant: zoe@example.org; country of residence: Ireland.");
  assert_has (text, "Meta Platforms Ireland Limited, 4 Grand Canal Square");
  assert_has (text, "my Facebook account “Zoë Murphy”, registered with the email address zoe@example.org");
  assert_has (text, "I prepared the objection on 20 January 2026.");
  assert_has (text, "I sent it to Meta on 31 January 2026 through Meta’s form at https://www.facebook.com/help/contact/712876720715583.");
  /* The reason verbatim: braces in it are not placeholders. */
  assert_has (text, "“My photos are {mine}: I do not want them used to train AI.”");
  assert_has (text, "that is by 28 February 2026.");
  assert_has (text, "On 12 February 2026 Meta refused my objection.");
  /* The whole timeline, with the person's notes. */
  assert_has (text, "- 20 January 2026: Objection prepared");
  assert_has (text, "- 31 January 2026: Objection sent to Meta (sent from the laptop)");
  assert_has (text, "- 31 January 2026: Objection confirmed with the code Meta emailed");
  assert_has (text, "- 12 February 2026: Meta refused the objection (They say legitimate interest)");
  assert_has (text, "- 12 February 2026: “Update on your objection request” from Facebook <security@facebookmail.com>");
  /* What the person asks for. */
  assert_has (text, "to examine whether Meta’s processing of my personal data for training its AI is lawful");
  assert_has (text, "to order Meta under Article 58(2)(c) GDPR to honour my objection");
  assert_has (text, "Article 77(2) GDPR");
  /* The DPC is the lead authority itself: no note asking it to cooperate with itself. */
  assert_lacks (text, "lead supervisory authority");
  assert_has (text, "13 February 2026");
  assert_has (text, "Yours faithfully,");
  assert_has (text, "\nAttachments\n- Summary of my objection and its history (PDF)\n");

  attachments = objector_complaint_get_attachments (complaint);
  g_assert_cmpuint (g_strv_length ((char **) attachments), ==, 3);
  g_assert_cmpstr (attachments[0], ==, "Summary of my objection and its history (PDF)");
  g_assert_cmpstr (attachments[1], ==, "Meta’s email of 31 January 2026: “Your confirmation code”");
  g_assert_cmpstr (attachments[2], ==, "Meta’s email of 12 February 2026: “Update on your objection request”");
}

/* German, to the Bavarian authority, after Meta stayed silent. */
static void
test_overdue_german (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = sent_objection ("instagram", "DE", NULL);
  g_autoptr(ObjectorComplaint) complaint = complain (f, o, "DE", "BY", NULL, "2026-03-02T12:00:00Z");
  const char *text = objector_complaint_get_text (complaint);

  g_assert_cmpstr (objector_complaint_get_language (complaint), ==, "de");
  assert_has (objector_complaint_get_subject (complaint), "Beschwerde nach Art. 77 der Datenschutz-Grundverordnung (DSGVO)");
  g_assert_true (g_str_has_prefix (text, "Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)\nPostfach 1349\n91504 Ansbach"));
  assert_has (text, "Sehr geehrte Damen und Herren,");
  assert_has (text, "Meta hätte bis zum 28. Februar 2026 antworten müssen (Art. 12 Abs. 3 DSGVO) und hat bis heute nicht geantwortet.");
  assert_has (text, "Beschwerdeführende Person: zoe@example.org; Wohnsitzland: Deutschland (Bayern).");
  assert_has (text, "Der Widerspruch betrifft mein Instagram-Konto, registriert mit der E-Mail-Adresse zoe@example.org.");
  assert_has (text, "Ich habe den Widerspruch am 20. Januar 2026 vorbereitet.");
  assert_has (text, "Am 31. Januar 2026 habe ich ihn über das Formular von Meta unter https://help.instagram.com/contact/767264225370182 gesendet.");
  assert_has (text, "also bis zum 28. Februar 2026.");
  assert_has (text, "Bis heute (2. März 2026) hat Meta auf meinen Widerspruch nicht geantwortet.");
  assert_has (text, "- 31. Januar 2026: Widerspruch an Meta gesendet (sent from the laptop)");
  assert_has (text, "Meta nach Art. 58 Abs. 2 lit. c DSGVO anzuweisen");
  /* Not the lead authority: it is asked to work with the DPC. */
  assert_has (text, "Federführende Aufsichtsbehörde für Meta ist die irische Data Protection Commission");
  assert_has (text, "Mit freundlichen Grüßen");
  assert_has (text, "\nAnlagen\n- Zusammenfassung meines Widerspruchs und seines Verlaufs (PDF)\n");
}

/* French, to the CNIL, after an extension and an escalation. */
static void
test_escalated_french (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = sent_objection ("facebook", "FR", "Zoé");
  g_autoptr(ObjectorComplaint) complaint = NULL;
  const char *text;

  apply_at (o, OBJECTOR_EVENT_LOG_RECEIPT, NULL, "2026-02-01T08:00:00Z");
  apply_at (o, OBJECTOR_EVENT_EXTEND, NULL, "2026-02-20T08:00:00Z");
  apply_at (o, OBJECTOR_EVENT_ESCALATE, NULL, "2026-05-04T08:00:00Z");

  complaint = complain (f, o, "FR", NULL, NULL, "2026-05-04T12:00:00Z");
  text = objector_complaint_get_text (complaint);

  g_assert_cmpstr (objector_complaint_get_language (complaint), ==, "fr");
  assert_has (objector_complaint_get_subject (complaint), "Plainte au titre de l’article 77 du règlement général sur la protection des données (RGPD)");
  g_assert_true (g_str_has_prefix (text, "Commission nationale de l’informatique et des libertés (CNIL)\n3 Place de Fontenoy"));
  assert_has (text, "Madame, Monsieur,");
  assert_has (text, "Meta devait me répondre au plus tard le 30 avril 2026");
  assert_has (text, "Plaignant(e) : zoe@example.org ; pays de résidence : France.");
  assert_has (text, "mon compte Facebook « Zoé »");
  assert_has (text, "J’ai préparé l’opposition le 20 janvier 2026.");
  assert_has (text, "Meta a accusé réception le 1er février 2026.");
  assert_has (text, "elle a prolongé ce délai de deux mois, jusqu’au 30 avril 2026.");
  assert_has (text, "À ce jour (4 mai 2026), Meta n’a pas répondu à mon opposition.");
  assert_has (text, "- 20 février 2026 : Meta a prolongé le délai");
  assert_has (text, "- 4 mai 2026 : Décision de saisir l’autorité de contrôle");
  assert_has (text, "L’autorité de contrôle chef de file pour Meta est la Data Protection Commission irlandaise");
  assert_has (text, "\nPièces jointes\n- Résumé de mon opposition et de son historique (PDF)\n");
}

/* The UK cites the UK GDPR and the Data Protection Act 2018. */
static void
test_uk (Fixture       *f,
         gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = sent_objection ("instagram", "GB", "zoe.photos");
  g_autoptr(ObjectorComplaint) complaint = NULL;
  const char *text;

  apply_at (o, OBJECTOR_EVENT_LOG_REJECTION, NULL, "2026-02-03T10:00:00Z");
  complaint = complain (f, o, "GB", NULL, NULL, "2026-02-04T10:00:00Z");
  text = objector_complaint_get_text (complaint);

  g_assert_cmpstr (objector_complaint_get_language (complaint), ==, "en");
  assert_has (text, "Information Commissioner’s Office (ICO)\nWycliffe House");
  assert_has (text, "Article 77 of the UK GDPR and section 165 of the Data Protection Act 2018");
  assert_has (text, "Article 21(1) UK GDPR");
  assert_has (text, "country of residence: the United Kingdom.");
  assert_has (text, "On 3 February 2026 Meta refused my objection.");
  assert_lacks (text, "Article 60 GDPR");
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
  g_autoptr(GDateTime) now = at ("2026-03-05T10:00:00Z");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (objector_authority_get_complaint_language (objector_complaint_get_authority (italian)), ==, "it");
  /* In the authority's language where there is a text in it... */
  g_assert_cmpstr (objector_complaint_get_language (italian), ==, "it");
  assert_has (objector_complaint_get_text (italian), "Garante per la protezione dei dati personali");
  /* ...otherwise in English. */
  {
    g_autoptr(ObjectorObjection) se = sent_objection ("facebook", "SE", NULL);
    g_autoptr(ObjectorComplaint) swedish = complain (f, se, "SE", NULL, NULL, "2026-03-05T10:00:00Z");

    g_assert_cmpstr (objector_complaint_get_language (swedish), ==, "en");
    assert_has (objector_complaint_get_text (swedish), "country of residence: Sweden.");
  }

  g_assert_cmpstr (objector_complaint_get_language (german), ==, "de");
  assert_has (objector_complaint_get_text (german), "Wohnsitzland: Italien.");

  none = objector_complaint_new (f->texts, o, objector_complaint_get_authority (italian), NULL, NULL,
                                 "tlh", now, &error);
  g_assert_null (none);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT);
  assert_has (error->message, "no complaint text in “tlh”");
  assert_has (error->message, "en, de, es, fr, it, nl, pl, pt_BR");
  g_clear_error (&error);

  /* Austria complains in German. */
  austria = g_object_ref (objector_authorities_for_country (f->authorities, "AT", NULL, &error));
  g_assert_no_error (error);
  austrian = objector_complaint_new (f->texts, o, austria, NULL, NULL, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_complaint_get_language (austrian), ==, "de");
  /* Without the path in the playbook, the form is described, not linked. */
  assert_has (objector_complaint_get_text (austrian), "über das Formular gesendet, das Meta dafür vorsieht");
}

static void
test_third_party (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) created = at ("2026-01-20T09:00:00Z");
  g_autoptr(ObjectorObjection) o = objector_objection_new ("third-party", "none", FALSE, created);
  g_autoptr(ObjectorComplaint) complaint = NULL;

  objector_objection_set_country (o, "NL");
  objector_objection_set_email (o, "zoe@example.org");
  apply_at (o, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, "2026-01-20T09:00:00Z");
  apply_at (o, OBJECTOR_EVENT_OPEN_FORM, NULL, "2026-01-20T09:05:00Z");
  apply_at (o, OBJECTOR_EVENT_SUBMIT, NULL, "2026-01-20T09:10:00Z");
  apply_at (o, OBJECTOR_EVENT_LOG_REJECTION, NULL, "2026-01-25T09:10:00Z");

  complaint = complain (f, o, "NL", NULL, "en", "2026-01-26T10:00:00Z");
  assert_has (objector_complaint_get_text (complaint),
              "The objection concerns personal information about me that Meta obtained from third parties.");
  assert_lacks (objector_complaint_get_text (complaint), "account");
  assert_has (objector_complaint_get_text (complaint), "https://www.facebook.com/help/contact/");
}

static void
test_grounds (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = sent_objection ("facebook", "IE", NULL);
  g_autoptr(GDateTime) early = at ("2026-02-10T10:00:00Z");
  g_autoptr(GDateTime) late = at ("2026-03-01T10:00:00Z");
  g_autoptr(GError) error = NULL;
  ObjectorAuthority *dpc = objector_authorities_get_lead (f->authorities);
  g_autoptr(ObjectorComplaint) complaint = NULL;

  /* Meta still has time. */
  g_assert_false (objector_complaint_check_grounds (o, early, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS);
  assert_has (error->message, "Meta still has until 28 February 2026 to answer");
  g_clear_error (&error);

  complaint = objector_complaint_new (f->texts, o, dpc, NULL, NULL, NULL, early, &error);
  g_assert_null (complaint);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS);
  g_clear_error (&error);

  /* Then it does not. */
  g_assert_true (objector_complaint_check_grounds (o, late, &error));
  g_assert_no_error (error);

  /* Accepted: nothing to complain about. */
  apply_at (o, OBJECTOR_EVENT_LOG_APPROVAL, NULL, "2026-02-11T10:00:00Z");
  g_assert_false (objector_complaint_check_grounds (o, late, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS);
  assert_has (error->message, "Meta accepted this objection");
  g_clear_error (&error);

  /* Not sent yet. */
  {
    g_autoptr(GDateTime) created = at ("2026-01-20T09:00:00Z");
    g_autoptr(ObjectorObjection) draft = objector_objection_new ("facebook-objection", "facebook", TRUE, created);

    g_assert_false (objector_complaint_check_grounds (draft, late, &error));
    g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS);
    assert_has (error->message, "not been sent to Meta yet");
    g_clear_error (&error);

    apply_at (draft, OBJECTOR_EVENT_WITHDRAW, NULL, "2026-01-21T09:00:00Z");
    g_assert_false (objector_complaint_check_grounds (draft, late, &error));
    assert_has (error->message, "You withdrew this objection");
  }
}

/* A rejection taken back with undo is no rejection. */
static void
test_undone_rejection (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ObjectorObjection) o = sent_objection ("facebook", "IE", NULL);
  g_autoptr(ObjectorComplaint) complaint = NULL;

  apply_at (o, OBJECTOR_EVENT_LOG_REJECTION, NULL, "2026-02-02T10:00:00Z");
  apply_at (o, OBJECTOR_EVENT_UNDO, NULL, "2026-02-02T10:01:00Z");
  complaint = complain (f, o, "IE", NULL, NULL, "2026-03-03T10:00:00Z");

  assert_has (objector_complaint_get_text (complaint), "has not answered to this day");
  assert_lacks (objector_complaint_get_text (complaint), "Meta refused my objection");
  assert_has (objector_complaint_get_text (complaint), "- 2 February 2026: Previous entry corrected");
}

static void
test_people_message (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *en_title = NULL;
  g_autofree char *en = objector_complaint_texts_dup_people_message (f->texts, f->playbook, "en", &en_title);
  g_autofree char *de = objector_complaint_texts_dup_people_message (f->texts, f->playbook, "de_AT.UTF-8", NULL);
  g_autofree char *fr_title = NULL;
  g_autofree char *fr = objector_complaint_texts_dup_people_message (f->texts, f->playbook, "fr", &fr_title);
  g_autofree char *fallback = objector_complaint_texts_dup_people_message (f->texts, NULL, "en", NULL);
  g_autofree char *unknown = objector_complaint_texts_dup_people_message (f->texts, f->playbook, "tlh", NULL);

  log_text (en);
  log_text (de);
  log_text (fr);

  g_assert_cmpstr (en_title, ==, "Ask the people around you to object too");
  assert_has (en, "photos of me and posts that mention me");
  assert_has (en, "Facebook: https://www.facebook.com/help/contact/712876720715583");
  assert_has (en, "Instagram: https://help.instagram.com/contact/767264225370182");
  /* The objection forms only, once each: not the third-party request. */
  assert_lacks (en, "510058597920541");
  assert_filled (en);
  assert_filled (de);
  assert_filled (fr);

  assert_has (de, "Fotos von mir");
  assert_has (de, "Facebook: https://www.facebook.com/help/contact/712876720715583");
  assert_has (de, "Wenn du in der EU, im EWR oder im Vereinigten Königreich wohnst");

  g_assert_cmpstr (fr_title, ==, "Demandez à vos proches de s’opposer eux aussi");
  assert_has (fr, "des photos de moi");
  assert_has (fr, "Instagram: https://help.instagram.com/contact/767264225370182");

  /* Without a playbook, where to find the form in the apps. */
  assert_has (fallback, "Submit an objection request");
  assert_lacks (fallback, "https://");

  /* An unknown language falls back to the user's languages, then English:
   * the tests run in C.UTF-8. */
  g_assert_cmpstr (unknown, ==, en);
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
  g_test_message ("%s", error->message);
  /* json-glib's own words after "(root): " vary between versions. */
  if (g_str_has_suffix (message, "…"))
    {
      g_autofree char *prefix = g_strndup (message, strlen (message) - strlen ("…"));

      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
  else
    g_assert_cmpstr (error->message, ==, message);
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
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/complaint/texts-bundled", test_texts_bundled);
  ADD ("/complaint/rejected-english", test_rejected_english);
  ADD ("/complaint/overdue-german", test_overdue_german);
  ADD ("/complaint/escalated-french", test_escalated_french);
  ADD ("/complaint/uk", test_uk);
  ADD ("/complaint/languages", test_languages);
  ADD ("/complaint/third-party", test_third_party);
  ADD ("/complaint/grounds", test_grounds);
  ADD ("/complaint/undone-rejection", test_undone_rejection);
  ADD ("/complaint/people-message", test_people_message);
  g_test_add_func ("/complaint/validation", test_validation);

  return g_test_run ();
}

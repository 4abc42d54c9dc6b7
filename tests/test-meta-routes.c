/* test-meta-routes.c — every Meta route: Accounts Center, Threads, WhatsApp, no account, codes
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-draft.h"
#include "objector-mail-match.h"
#include "objector-plan.h"
#include "objector-reminders.h"
#include "objector-store.h"
#include "objector-test-util.h"

static ObjectorPlaybook *playbook;

typedef struct
{
  ObjectorStore *store;
  ObjectorDraft *draft;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_util_reset_data ();
  f->store = objector_store_new (NULL);
  g_assert_true (objector_store_load (f->store, &error));
  g_assert_no_error (error);
  f->draft = objector_draft_new (NULL);
  objector_draft_set_country (f->draft, "DE");
  objector_draft_set_email (f->draft, "zoe@example.org");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->draft);
  g_clear_object (&f->store);
}

/* Plans and returns the draft's objections, "path:account" each. */
static GStrv
plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *ids;

  g_assert_true (objector_plan_objections (f->store, playbook, f->draft, NULL, &error));
  g_assert_no_error (error);
  ids = objector_draft_get_objections (f->draft);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      ObjectorObjection *o = objector_store_lookup (f->store, ids[i], NULL);
      g_autofree char *entry = NULL;

      g_assert_nonnull (o);
      entry = g_strdup_printf ("%s:%s", objector_objection_get_path_id (o),
                               objector_objection_get_account (o) ? objector_objection_get_account (o) : "");
      g_strv_builder_add (builder, entry);
    }
  return g_strv_builder_end (builder);
}

static void
assert_plan (GStrv               got,
             const char * const *expected)
{
  g_autofree char *joined = g_strjoinv (" | ", got);

  g_test_message ("planned: %s", joined);
  g_assert_true (g_strv_equal ((const char * const *) got, expected));
}

static ObjectorObjection *
objection_of (Fixture    *f,
              const char *path_id)
{
  const char * const *ids = objector_draft_get_objections (f->draft);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      ObjectorObjection *o = objector_store_lookup (f->store, ids[i], NULL);

      if (g_str_equal (objector_objection_get_path_id (o), path_id))
        return o;
    }
  return NULL;
}

/* Unlinked accounts get one objection each, as before. */
static void
test_unlinked (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) got = NULL;

  objector_draft_add_account (f->draft, "facebook", "Zoë");
  objector_draft_add_account (f->draft, "instagram", "zoe_photos");
  got = plan (f);
  assert_plan (got, (const char * const[]) {
                 "facebook-objection:Zoë", "instagram-objection:zoe_photos", "third-party:", NULL });
}

/* Linked in one Accounts Center: one objection, through Facebook's form,
 * that says which accounts it covers; unlinking again brings the second. */
static void
test_linked (Fixture       *f,
             gconstpointer  data)
{
  g_auto(GStrv) linked = NULL;
  g_auto(GStrv) unlinked = NULL;
  ObjectorObjection *o;
  ObjectorTransition *first;

  objector_draft_add_account (f->draft, "facebook", "Zoë");
  objector_draft_add_account (f->draft, "instagram", "zoe_photos");
  objector_draft_add_account (f->draft, "instagram", "");
  objector_draft_set_accounts_linked (f->draft, TRUE);
  linked = plan (f);
  assert_plan (linked, (const char * const[]) {
                 "facebook-objection:Zoë (Facebook), zoe_photos (Instagram), Instagram", "third-party:", NULL });

  o = objection_of (f, "facebook-objection");
  first = g_ptr_array_index (objector_objection_get_history (o), 0);
  g_assert_cmpint (first->event, ==, OBJECTOR_EVENT_COMPLETE_DETAILS);
  g_assert_cmpstr (first->note, ==,
                   "Covers the accounts linked in one Accounts Center: Zoë (Facebook), zoe_photos (Instagram), Instagram");
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_READY);

  objector_draft_set_accounts_linked (f->draft, FALSE);
  unlinked = plan (f);
  assert_plan (unlinked, (const char * const[]) {
                 "facebook-objection:Zoë", "instagram-objection:zoe_photos", "instagram-objection:",
                 "third-party:", NULL });
  /* The same objection, renamed while it was not sent yet. */
  g_assert_true (objection_of (f, "facebook-objection") == o);
}

/* An objection already sent for Instagram stays when the accounts are
 * linked afterwards: it is on record. */
static void
test_linked_after_sending (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(GError) error = NULL;
  ObjectorObjection *ig;

  objector_draft_add_account (f->draft, "facebook", "Zoë");
  objector_draft_add_account (f->draft, "instagram", "zoe_photos");
  before = plan (f);
  ig = objection_of (f, "instagram-objection");
  g_assert_true (objector_store_apply (f->store, objector_objection_get_id (ig), OBJECTOR_EVENT_OPEN_FORM, NULL, NULL, &error));
  g_assert_true (objector_store_apply (f->store, objector_objection_get_id (ig), OBJECTOR_EVENT_SUBMIT, NULL, NULL, &error));
  g_assert_no_error (error);

  objector_draft_set_accounts_linked (f->draft, TRUE);
  after = plan (f);
  assert_plan (after, (const char * const[]) {
                 "facebook-objection:Zoë (Facebook), zoe_photos (Instagram)", "third-party:",
                 "instagram-objection:zoe_photos", NULL });
}

/* Linking needs an account on each: with Facebook alone it changes nothing. */
static void
test_linked_one_platform (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(GStrv) got = NULL;

  objector_draft_add_account (f->draft, "facebook", "Zoë");
  objector_draft_set_accounts_linked (f->draft, TRUE);
  got = plan (f);
  assert_plan (got, (const char * const[]) { "facebook-objection:Zoë", "third-party:", NULL });
}

/* WhatsApp is its own, optional path; not offered outside the EU, EEA and UK. */
static void
test_whatsapp (Fixture       *f,
               gconstpointer  data)
{
  g_auto(GStrv) de = NULL;
  g_auto(GStrv) us = NULL;
  ObjectorPath *path = objector_playbook_lookup_path (playbook, "whatsapp-objection");

  g_assert_nonnull (path);
  g_assert_cmpstr (objector_path_get_platform (path), ==, "whatsapp");
  g_assert_cmpstr (objector_path_get_form_url (path), ==, "https://www.whatsapp.com/contact/forms/382532939919295");
  /* The honest note: Meta may answer that it concerns Meta AI instead. */
  test_util_assert_contains (objector_path_get_summary (path), "concerns Meta AI rather than WhatsApp");

  objector_draft_add_account (f->draft, "whatsapp", "+49 151 23456789");
  objector_draft_add_account (f->draft, "instagram", "zoe_photos");
  de = plan (f);
  assert_plan (de, (const char * const[]) {
                 "instagram-objection:zoe_photos", "whatsapp-objection:+49 151 23456789", "third-party:", NULL });

  objector_draft_set_country (f->draft, "US");
  us = plan (f);
  assert_plan (us, (const char * const[]) { "third-party:", NULL });
}

/* No account at all: the third-party request is the route. */
static void
test_no_account (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(GStrv) got = NULL;
  ObjectorPath *path = objector_playbook_lookup_path (playbook, "third-party");

  objector_draft_add_account (f->draft, "facebook", "Zoë");
  objector_draft_set_no_account (f->draft, TRUE);
  got = plan (f);
  assert_plan (got, (const char * const[]) { "third-party:", NULL });
  test_util_assert_contains (objector_path_get_summary (path), "even without a Facebook or Instagram account");
  g_assert_cmpuint (objector_path_get_forms (path)->len, ==, 3);
}

/* Threads is covered by Instagram, and the app says so. */
static void
test_threads (void)
{
  ObjectorPath *path = objector_playbook_lookup_path (playbook, "instagram-objection");

  test_util_assert_contains (objector_path_get_summary (path), "Threads profile is part of your Instagram account");
}

/* What the wizard asked is kept, the linking and WhatsApp included. */
static void
test_draft_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(ObjectorDraft) again = objector_draft_new (NULL);
  g_autoptr(GError) error = NULL;

  objector_draft_add_account (f->draft, "whatsapp", "+49 151 23456789");
  objector_draft_set_accounts_linked (f->draft, TRUE);
  g_assert_true (objector_draft_save (f->draft, &error));
  g_assert_true (objector_draft_load (again, &error));
  g_assert_no_error (error);
  g_assert_true (objector_draft_get_accounts_linked (again));
  g_assert_cmpuint (objector_draft_count_platform (again, "whatsapp"), ==, 1);
  g_assert_cmpstr (objector_draft_get_account (again, 0)->label, ==, "+49 151 23456789");
}

/* The code step is only "if Meta asks for one": an objection on a path that
 * may ask goes from submitted to received and answered without it, and no
 * reminder asks for a code Meta never sent. */
static void
test_code_only_if_asked (void)
{
  g_autoptr(ObjectorObjection) o = test_util_objection_at ("facebook-objection", "DE", "2026-11-01T10:00:00Z",
                                                           OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-11-01T10:00:00Z",
                                                           OBJECTOR_EVENT_OPEN_FORM, "2026-11-01T10:01:00Z",
                                                           OBJECTOR_EVENT_SUBMIT, "2026-11-01T10:05:00Z",
                                                           -1);
  g_autoptr(GListStore) objections = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(GDateTime) days_later = test_util_time ("2026-11-04T10:00:00Z");
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(JsonObject) code = json_object_new ();

  g_assert_true (objector_path_get_has_code_step (objector_playbook_lookup_path (playbook, "facebook-objection")));
  g_assert_true (objector_objection_get_has_code_step (o));
  g_list_store_append (objections, o);

  reminders = objector_reminders_compute (G_LIST_MODEL (objections), days_later);
  g_assert_cmpuint (reminders->len, ==, 0);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Meta sent a code after all: now it is awaited, and reminded. */
  json_object_set_string_member (code, "date", "2026-11-01T10:06:00Z");
  json_object_set_string_member (code, "kind", "code");
  json_object_set_string_member (code, "message_id", "code-1@facebookmail.com");
  g_assert_true (test_util_add_email (o, code));
  g_assert_true (objector_mail_logged_since_submission (o, OBJECTOR_MAIL_KIND_CODE));
  reminders = objector_reminders_compute (G_LIST_MODEL (objections), days_later);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpint (((ObjectorReminder *) g_ptr_array_index (reminders, 0))->kind, ==, OBJECTOR_REMINDER_CODE);

  /* Never blocking: Meta's receipt and answer move it on without the code. */
  test_util_apply_at (o, OBJECTOR_EVENT_LOG_RECEIPT, NULL, "2026-11-02T09:00:00Z");
  test_util_apply_at (o, OBJECTOR_EVENT_LOG_APPROVAL, NULL, "2026-11-03T09:00:00Z");
  g_assert_cmpint (objector_objection_get_state (o), ==, OBJECTOR_STATE_APPROVED);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  test_util_init (&argc, &argv, "meta-routes");
  playbook = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);

  g_test_add ("/meta-routes/accounts-center/unlinked", Fixture, NULL, fixture_set_up, test_unlinked, fixture_tear_down);
  g_test_add ("/meta-routes/accounts-center/linked", Fixture, NULL, fixture_set_up, test_linked, fixture_tear_down);
  g_test_add ("/meta-routes/accounts-center/linked-after-sending", Fixture, NULL, fixture_set_up,
              test_linked_after_sending, fixture_tear_down);
  g_test_add ("/meta-routes/accounts-center/one-platform", Fixture, NULL, fixture_set_up,
              test_linked_one_platform, fixture_tear_down);
  g_test_add ("/meta-routes/whatsapp", Fixture, NULL, fixture_set_up, test_whatsapp, fixture_tear_down);
  g_test_add ("/meta-routes/no-account", Fixture, NULL, fixture_set_up, test_no_account, fixture_tear_down);
  g_test_add ("/meta-routes/draft", Fixture, NULL, fixture_set_up, test_draft_round_trip, fixture_tear_down);
  g_test_add_func ("/meta-routes/threads", test_threads);
  g_test_add_func ("/meta-routes/code-only-if-asked", test_code_only_if_asked);

  status = test_util_run_tests ();
  g_clear_object (&playbook);
  return status;
}

/* test-wizard.c — the wizard driven as a person would, under Xvfb
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include <glib/gstdio.h>

#include "objector-application.h"
#include "objector-background.h"
#include "objector-link-result.h"
#include "objector-preferences.h"
#include "objector-scan-dialog.h"
#include "objector-mail-list.h"
#include "objector-objection-page.h"
#include "objector-ui-util.h"
#include "objector-window.h"
#include "objector-wizard.h"
#include "objector-test-ui.h"
#include "objector-test-util.h"

static void fresh_data (void);

/* The toast with the button labelled @button sits in the wizard, wholly
 * above the bar with Back and Next. */
static void
assert_toast_above_bar (ObjectorWindow *window,
                        const char     *button)
{
  GtkWidget *wizard = GTK_WIDGET (objector_window_get_wizard (window));
  GtkWidget *found, *toast, *bar;
  graphene_rect_t toast_bounds, bar_bounds;

  test_util_wait_until ((found = test_ui_find (wizard, test_ui_is_button_labelled, button)) != NULL);
  toast = gtk_widget_get_ancestor (found, g_type_from_name ("AdwToastWidget"));
  bar = test_ui_find (wizard, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_ACTION_BAR));
  g_assert_nonnull (toast);
  g_assert_nonnull (bar);
  test_ui_wait_drawn (toast);
  g_assert_true (gtk_widget_compute_bounds (toast, wizard, &toast_bounds));
  g_assert_true (gtk_widget_compute_bounds (bar, wizard, &bar_bounds));
  g_assert_cmpfloat (toast_bounds.origin.y + toast_bounds.size.height, <=, bar_bounds.origin.y);
}

/* A German resident with a Facebook and an Instagram account. */
static void
german_script (ObjectorApplication *app,
               ObjectorWindow      *window,
               gpointer             data)
{
  int width = GPOINTER_TO_INT (data);
  ObjectorDraft *draft = objector_application_get_draft (app);
  ObjectorPlaybook *playbook = objector_application_get_playbook (app);
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *search, *row, *countries;
  const char * const *ids;
  g_autofree char *fb = NULL;
  g_autofree char *ig = NULL;
  g_autofree char *tp = NULL;

  g_assert_cmpstr (objector_window_get_view (window), ==, "wizard");
  g_assert_cmpstr (test_ui_current_page (window), ==, "welcome");
  test_ui_look (window, width);
  {
    /* The privacy promise is in view without scrolling. */
    GtkWidget *promise = test_ui_find (w, test_ui_is_label_text, "Everything you enter stays on this computer");
    GtkWidget *scrolled = gtk_widget_get_ancestor (promise, GTK_TYPE_SCROLLED_WINDOW);
    double x, y;

    g_assert_true (gtk_widget_translate_coordinates (promise, scrolled, 0, gtk_widget_get_height (promise), &x, &y));
    g_assert_cmpfloat (y, <=, gtk_widget_get_height (scrolled));
  }

  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "country");
  g_assert_false (objector_page_get_complete (objector_wizard_get_current_page (objector_window_get_wizard (window))));
  search = test_ui_find (w, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  countries = test_ui_find (w, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  g_assert_nonnull (countries);
  g_assert_cmpuint (test_ui_count_shown_rows (GTK_LIST_BOX (countries)), >, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "germ");
  /* search-changed comes a moment later: wait for the filter to show Germany alone. */
  test_util_wait_until (test_ui_count_shown_rows (GTK_LIST_BOX (countries)) == 1);
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (objector_draft_get_country (draft), ==, "DE");
  test_ui_look (window, width);

  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "accounts");
  test_ui_click (w, "Add a _Facebook Account");
  row = test_ui_find (w, test_ui_is_entry_row_titled, "Facebook name");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Zoë");
  test_ui_click (w, "Add an _Instagram Account");
  row = test_ui_find (w, test_ui_is_entry_row_titled, "Instagram name");
  gtk_editable_set_text (GTK_EDITABLE (row), "zoe_photos");
  g_assert_cmpuint (objector_draft_get_n_accounts (draft), ==, 2);
  test_ui_look (window, width);

  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "details");
  g_assert_false (objector_page_get_complete (objector_wizard_get_current_page (objector_window_get_wizard (window))));
  row = test_ui_find (w, test_ui_is_entry_row_titled, "_Email address");
  gtk_editable_set_text (GTK_EDITABLE (row), "not an address");
  /* Nothing complains while one types; Next does, and stays. */
  g_assert_null (test_ui_find (w, test_ui_is_label_text, "This does not look like an email address"));
  g_assert_false (objector_wizard_next (objector_window_get_wizard (window)));
  g_assert_cmpstr (test_ui_current_page (window), ==, "details");
  g_assert_nonnull (test_ui_find (w, test_ui_is_label_text, "This does not look like an email address"));
  gtk_editable_set_text (GTK_EDITABLE (row), "zoe@example.org");
  g_assert_null (test_ui_find (w, test_ui_is_label_text, "This does not look like an email address"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_ui_find (w, test_ui_is_check_labelled,
                                                       "A _fuller statement citing the GDPR, Article 21(1)")), TRUE);
  g_assert_cmpstr (objector_draft_get_reason_kind (draft), ==, "full");
  test_util_assert_contains (objector_draft_get_reason (draft), "21(1)");
  g_assert_true (objector_page_get_complete (objector_wizard_get_current_page (objector_window_get_wizard (window))));
  test_ui_look (window, width);

  /* Leaving the details makes one objection per account and path. */
  test_ui_next (window);
  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 3);
  fb = g_strdup (ids[0]);
  ig = g_strdup (ids[1]);
  tp = g_strdup (ids[2]);
  g_assert_true (g_str_has_suffix (test_ui_current_page (window), fb));
  g_assert_cmpint (test_ui_stored_state (fb), ==, OBJECTOR_STATE_READY);
  test_ui_look (window, width);

  /* Facebook: open the form, submit, type the code. */
  g_ptr_array_set_size (test_ui_launched, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (objector_wizard_get_current_page (objector_window_get_wizard (window))),
                                             "path.open-form", NULL));
  g_assert_cmpuint (test_ui_launched->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (test_ui_launched, 0), ==,
                   objector_path_get_form_url (objector_playbook_lookup_path (playbook, "facebook-objection")));
  g_assert_cmpint (test_ui_stored_state (fb), ==, OBJECTOR_STATE_FORM_OPENED);
  {
    /* The history says which of Meta's forms was opened. */
    g_autoptr(ObjectorStore) store = objector_store_new (NULL);
    GPtrArray *history;

    g_assert_true (objector_store_load (store, NULL));
    history = objector_objection_get_history (objector_store_lookup (store, fb, NULL));
    g_assert_cmpstr (((ObjectorTransition *) g_ptr_array_index (history, history->len - 1))->note, ==,
                     "Meta’s 2025 form: https://www.facebook.com/help/contact/712876720715583");
  }
  test_ui_click (w, "I Have _Submitted the Form");
  g_assert_cmpint (test_ui_stored_state (fb), ==, OBJECTOR_STATE_SUBMITTED);
  test_ui_choose (w, "More Actions", "I Typed In the Six-Digit Code From Meta’s Email");
  g_assert_cmpint (test_ui_stored_state (fb), ==, OBJECTOR_STATE_CONFIRMED);
  test_ui_look (window, width);

  /* Instagram: sent from the phone, never opened here. */
  test_ui_next (window);
  g_assert_true (g_str_has_suffix (test_ui_current_page (window), ig));
  test_ui_click (w, "I Have _Submitted the Form");
  g_assert_cmpint (test_ui_stored_state (ig), ==, OBJECTOR_STATE_SUBMITTED);
  /* Only what happened: no opening of the form is invented. */
  g_assert_cmpuint (test_ui_count_events (ig, OBJECTOR_EVENT_OPEN_FORM), ==, 0);
  /* A mistake, undone from its toast: the history keeps both. The toast
   * is the wizard's, above Back and Next, never over them. */
  assert_toast_above_bar (window, "_Undo");
  test_ui_click (w, "_Undo");
  g_assert_cmpint (test_ui_stored_state (ig), ==, OBJECTOR_STATE_READY);
  test_ui_click (w, "I Have _Submitted the Form");
  g_assert_cmpint (test_ui_stored_state (ig), ==, OBJECTOR_STATE_SUBMITTED);
  g_assert_cmpuint (test_ui_count_events (ig, OBJECTOR_EVENT_SUBMIT), ==, 2);
  g_assert_cmpuint (test_ui_count_events (ig, OBJECTOR_EVENT_UNDO), ==, 1);
  test_ui_look (window, width);

  /* The third-party request, skipped for now. */
  test_ui_next (window);
  g_assert_true (g_str_has_suffix (test_ui_current_page (window), tp));
  g_assert_cmpint (test_ui_stored_state (tp), ==, OBJECTOR_STATE_READY);
  test_ui_look (window, width);

  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "done");
  test_ui_look (window, width);

  /* Ask the people around: a message to copy. */
  test_ui_click (w, "Ask Friends and Family to _Object Too");
  {
    GtkWidget *dialog = test_ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    test_util_assert_contains (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "https://");
    test_ui_save_screenshot (dialog, "ask-people", width);
    /* As a person closes it: its button answers and closes it. */
    test_ui_click (dialog, "_Close");
    test_util_wait_until (test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  }

  test_ui_next (window);
  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");
  g_assert_true (objector_draft_get_finished (draft));
  test_ui_assert_fits (w, "dashboard");
  test_ui_assert_accessible (w, "dashboard");
  test_ui_save_screenshot (w, "dashboard", width);
}

static void
dashboard_script (ObjectorApplication *app,
                  ObjectorWindow      *window,
                  gpointer             data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  /* Reopened: the same place, the overview, with each objection. */
  g_assert_cmpuint (test_ui_dashboard_rows (window), ==, 3);
  test_ui_collect (GTK_WIDGET (window), test_ui_is_activatable_row, NULL, rows);

  /* A row opens its objection, to continue it. */
  gtk_widget_activate (g_ptr_array_index (rows, 2));
  g_assert_cmpstr (objector_window_get_view (window), ==, "detail");
  test_ui_assert_accessible (GTK_WIDGET (window), "detail");
  test_ui_save_screenshot (GTK_WIDGET (window), "detail", GPOINTER_TO_INT (data));

  /* The About window credits the data sources and names the playbook. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  {
    GtkWidget *about = test_ui_wait_toplevel (ADW_TYPE_ABOUT_WINDOW);

    test_util_assert_contains (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)), "bundled");
    gtk_window_destroy (GTK_WINDOW (about));
  }
}

static void
test_german_resident (gconstpointer data)
{
  fresh_data ();
  test_ui_launched = g_ptr_array_new_with_free_func (g_free);
  objector_ui_set_uri_launcher_for_testing (test_ui_record_launch);

  test_ui_run_app (GPOINTER_TO_INT (data), german_script, (gpointer) data);
  test_ui_run_app (GPOINTER_TO_INT (data), dashboard_script, (gpointer) data);

  g_clear_pointer (&test_ui_launched, g_ptr_array_unref);
}

/* Closed in the middle, reopened days later: the same step, all filled in. */
static void
stop_at_details (ObjectorApplication *app,
                 ObjectorWindow      *window,
                 gpointer             data)
{
  ObjectorDraft *draft = objector_application_get_draft (app);

  test_ui_next (window);
  objector_draft_set_country (draft, "FR");
  test_ui_next (window);
  test_ui_click (GTK_WIDGET (window), "Add an _Instagram Account");
  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "details");
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find (GTK_WIDGET (window), test_ui_is_entry_row_titled, "_Email address")),
                         "camille@example.fr");
}

static void
resume_at_details (ObjectorApplication *app,
                   ObjectorWindow      *window,
                   gpointer             data)
{
  GtkWidget *row;

  g_assert_cmpstr (objector_window_get_view (window), ==, "wizard");
  g_assert_cmpstr (test_ui_current_page (window), ==, "details");
  row = test_ui_find (GTK_WIDGET (window), test_ui_is_entry_row_titled, "_Email address");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "camille@example.fr");
  g_assert_cmpuint (objector_draft_get_n_accounts (objector_application_get_draft (app)), ==, 1);
}

static void
test_resume (void)
{
  fresh_data ();
  test_ui_run_app (1280, stop_at_details, NULL);
  test_ui_run_app (1280, resume_at_details, NULL);
}

/* A US resident: no objection path, only the third-party request; and a
 * change of country withdraws what no longer applies. */
static void
us_script (ObjectorApplication *app,
           ObjectorWindow      *window,
           gpointer             data)
{
  ObjectorDraft *draft = objector_application_get_draft (app);
  ObjectorWizard *wizard = objector_window_get_wizard (window);
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  const char * const *ids;
  g_autofree char *first_fb = NULL;

  /* First as a German with a Facebook account... */
  test_ui_next (window);
  objector_draft_set_country (draft, "DE");
  test_ui_next (window);
  test_ui_click (GTK_WIDGET (window), "Add a _Facebook Account");
  test_ui_next (window);
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find (GTK_WIDGET (window), test_ui_is_entry_row_titled, "_Email address")),
                         "sam@example.com");
  test_ui_next (window);
  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  first_fb = g_strdup (ids[0]);

  /* ...then back to say they live in the US. */
  objector_wizard_go_to (wizard, "country");
  objector_draft_set_country (draft, "US");
  g_assert_false (objector_page_get_applies (objector_wizard_get_page (wizard, "accounts")));
  test_ui_wait_shown (window);
  g_assert_null (test_ui_find (GTK_WIDGET (window), test_ui_is_label_text, "You live in"));
  g_assert_nonnull (test_ui_find (GTK_WIDGET (window), test_ui_is_label_text, "In United States, Meta offers no way to object"));
  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "details");  /* accounts skipped */
  /* No GDPR article for a request that is not an objection; no account's address. */
  g_assert_null (test_ui_find (GTK_WIDGET (window), test_ui_is_check_labelled, "A _fuller statement citing the GDPR, Article 21(1)"));
  g_assert_null (test_ui_find (GTK_WIDGET (window), test_ui_is_label_text, "Article 21"));
  /* The name, optional, kept for the forms that ask for it and the PDF. */
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find (GTK_WIDGET (window), test_ui_is_entry_row_titled,
                                                     "Your _name (optional)")),
                         " Sam Example ");
  g_assert_cmpstr (objector_draft_get_name (draft), ==, "Sam Example");
  test_ui_next (window);
  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 1);
  g_assert_cmpint (test_ui_stored_state (first_fb), ==, OBJECTOR_STATE_WITHDRAWN);
  {
    g_autoptr(ObjectorStore) store = objector_store_new (NULL);
    objector_store_load (store, NULL);
    g_assert_cmpstr (objector_objection_get_path_id (objector_store_lookup (store, ids[0], NULL)), ==, "third-party");
  }

  /* The request's form asks for a first and last name: the one given. */
  g_assert_nonnull (test_ui_find (GTK_WIDGET (window), test_ui_is_label_text, "Sam Example"));
  test_ui_click (GTK_WIDGET (window), "I Have _Submitted the Form");
  g_assert_cmpint (test_ui_stored_state (ids[0]), ==, OBJECTOR_STATE_SUBMITTED);
  /* No GDPR deadline for a request from outside the EU, the EEA and the UK. */
  g_assert_null (test_ui_find (GTK_WIDGET (window), test_ui_is_label_text, "must answer"));
  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "done");
  /* Outside the EU, the EEA and the UK: no GDPR deadline, no authority. */
  g_assert_null (test_ui_find (GTK_WIDGET (window), test_ui_is_label_text, "one month"));
  g_assert_null (test_ui_find (GTK_WIDGET (window), test_ui_is_label_text, "answer due by"));
  g_assert_null (test_ui_find (GTK_WIDGET (window), test_ui_is_label_text, "data protection authority"));
  g_assert_nonnull (test_ui_find (GTK_WIDGET (window), test_ui_is_label_text, "does not bind"));
  test_ui_look (window, 1280);
  /* No account: the message to friends claims no objection of one's own. */
  test_ui_click (GTK_WIDGET (window), "Ask Friends and Family to _Object Too");
  {
    GtkWidget *dialog = test_ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    test_util_assert_lacks (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "objected");
    test_ui_click (dialog, "_Close");
    test_util_wait_until (test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  }
  test_ui_next (window);
  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");
}

/* A fresh start, and what reaches the browser recorded. */
static void
run_fresh (int           width,
           TestUiScript  script,
           gpointer      data)
{
  fresh_data ();
  test_ui_launched = g_ptr_array_new_with_free_func (g_free);
  objector_ui_set_uri_launcher_for_testing (test_ui_record_launch);
  test_ui_run_app (width, script, data);
  g_clear_pointer (&test_ui_launched, g_ptr_array_unref);
}

static void
test_us_resident (void)
{
  run_fresh (1280, us_script, NULL);
}

/* Issue 14: Facebook and Instagram linked in one Accounts Center go through
 * one form; WhatsApp is its own, optional objection. At 360 px. */
static gboolean
is_switch (GtkWidget    *widget,
           gconstpointer data)
{
  return GTK_IS_SWITCH (widget);
}

static void
linked_script (ObjectorApplication *app,
               ObjectorWindow      *window,
               gpointer             data)
{
  ObjectorDraft *draft = objector_application_get_draft (app);
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *linked;
  const char * const *ids;
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  ObjectorObjection *facebook;

  test_ui_next (window);
  objector_draft_set_country (draft, "DE");
  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "accounts");
  test_ui_click (w, "Add a _Facebook Account");
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find (w, test_ui_is_entry_row_titled, "Facebook name")), "Zoë");
  /* One platform only: nothing to link yet. */
  g_assert_null (test_ui_find (w, is_switch, NULL));
  test_ui_click (w, "Add an _Instagram Account");
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find (w, test_ui_is_entry_row_titled, "Instagram name")), "zoe_photos");
  linked = test_ui_find (w, is_switch, NULL);
  g_assert_nonnull (linked);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (linked)));
  gtk_switch_set_active (GTK_SWITCH (linked), TRUE);
  g_assert_true (objector_draft_get_accounts_linked (draft));
  test_ui_click (w, "Add a _WhatsApp Account");
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find (w, test_ui_is_entry_row_titled, "WhatsApp phone number")), "+49 151 23456789");
  test_ui_look (window, 360);

  test_ui_next (window);
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find (w, test_ui_is_entry_row_titled, "_Email address")), "zoe@example.org");
  test_ui_next (window);

  /* One objection for both accounts, one for WhatsApp, the third-party request. */
  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 3);
  g_assert_true (objector_store_load (store, NULL));
  facebook = objector_store_lookup (store, ids[0], NULL);
  g_assert_cmpstr (objector_objection_get_path_id (facebook), ==, "facebook-objection");
  g_assert_cmpstr (objector_objection_get_account (facebook), ==, "Zoë (Facebook), zoe_photos (Instagram)");
  g_assert_cmpstr (objector_objection_get_path_id (objector_store_lookup (store, ids[1], NULL)), ==,
                   "whatsapp-objection");
  test_ui_look (window, 360);

  test_ui_next (window);
  g_assert_true (g_str_has_suffix (test_ui_current_page (window), ids[1]));
  test_ui_look (window, 360);
}

static void
test_linked_accounts (void)
{
  run_fresh (360, linked_script, NULL);
}


/* --dump-texts FILE: walk the wizard at 360 px as a German resident would and
 * write every text a person sees, page by page ("page<TAB>text"), for
 * tests/check-translations.py to look for English in other languages. It
 * fails as the tests do on a cut label. */
static void
dump_page (FILE       *out,
           GtkWidget  *root,
           const char *page)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_ui_assert_fits (root, page);
  /* What the texts look like there, per language: tests/screenshots/<lang>-<page>-360.png */
  {
    g_autofree char *name = g_strdup_printf ("%s-%s", g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C", page);

    test_ui_save_screenshot (root, name, 360);
  }
  test_ui_collect (root, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      g_autofree char *text = NULL;

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)) || *gtk_label_get_text (label) == '\0')
        continue;
      text = g_strdup (gtk_label_get_text (label));
      g_strdelimit (text, "\n\t", ' ');
      fprintf (out, "%s\t%s\n", page, text);
    }
}

static void
dump_script (ObjectorApplication *app,
             ObjectorWindow      *window,
             gpointer             data)
{
  FILE *out = fopen (data, "w");
  ObjectorDraft *draft = objector_application_get_draft (app);
  GtkWidget *w = GTK_WIDGET (window);

  g_assert_nonnull (out);
  dump_page (out, w, "welcome");
  test_ui_next (window);
  objector_draft_set_country (draft, "DE");
  objector_wizard_go_to (objector_window_get_wizard (window), "country");
  test_ui_wait_shown (window);
  dump_page (out, w, "country");
  test_ui_next (window);
  objector_draft_add_account (draft, "facebook", "Zoë");
  objector_wizard_go_to (objector_window_get_wizard (window), "accounts");
  test_ui_wait_shown (window);
  dump_page (out, w, "accounts");
  test_ui_next (window);
  gtk_editable_set_text (GTK_EDITABLE (test_ui_find (w, test_ui_is_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW))),
                         "zoe@example.org");
  dump_page (out, w, "details");
  test_ui_next (window);
  dump_page (out, w, "objection");
  gtk_widget_activate_action (GTK_WIDGET (objector_wizard_get_current_page (objector_window_get_wizard (window))),
                              "path.mark-submitted", NULL);
  test_ui_wait_shown (window);
  dump_page (out, w, "submitted");
  test_ui_next (window);
  dump_page (out, w, "third-party");
  test_ui_next (window);
  dump_page (out, w, "done");
  test_ui_next (window);
  dump_page (out, w, "dashboard");
  fclose (out);
}

/* Each test starts with no saved objections and no wizard draft. GLib's own
 * isolation is not used here: it also hides the system's data folders, where
 * GTK finds its icons and the MIME database. */
static void
fresh_data (void)
{
  test_util_reset_data ();
}


/* Issue 15: Enter right after typing, before the search entry's delayed
 * "search-changed", picks the country typed, not the first of the list. */
static void
fast_typing_script (ObjectorApplication *app,
                    ObjectorWindow      *window,
                    gpointer             data)
{
  static const struct { const char *typed, *code; } cases[] = {
    { "Italy", "IT" }, { "France", "FR" }, { "Poland", "PL" }, { "AUSTRIA", "AT" }, { "germ", "DE" },
  };
  ObjectorDraft *draft = objector_application_get_draft (app);
  GtkWidget *search;

  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "country");
  search = test_ui_find (GTK_WIDGET (window), test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Typed and entered in one main-loop iteration: no filter ran between. */
      gtk_editable_set_text (GTK_EDITABLE (search), cases[i].typed);
      g_signal_emit_by_name (search, "activate");
      g_assert_cmpstr (objector_draft_get_country (draft), ==, cases[i].code);
      test_ui_wait_drawn (search);
    }
  /* What nothing matches changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (search), "Atlantis");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (objector_draft_get_country (draft), ==, "DE");
}

static void
test_country_fast_typing (void)
{
  run_fresh (1280, fast_typing_script, NULL);
}

/* Under a German locale, Germany is suggested first and chosen until the
 * person chooses otherwise; under C, nothing is. */
static void
suggested_script (ObjectorApplication *app,
                  ObjectorWindow      *window,
                  gpointer             data)
{
  ObjectorDraft *draft = objector_application_get_draft (app);
  GtkWidget *search, *first;

  test_ui_next (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "country");
  g_assert_cmpstr (objector_draft_get_country (draft), ==, data);
  g_assert_cmpint (objector_page_get_complete (objector_wizard_get_current_page (objector_window_get_wizard (window))),
                   ==, data != NULL);
  if (data == NULL)
    return;

  /* The first list shown is the suggestion, and Enter with nothing typed takes it. */
  first = test_ui_find (GTK_WIDGET (window), test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  g_assert_cmpuint (test_ui_count_shown_rows (GTK_LIST_BOX (first)), ==, 1);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (first), 0)), "code"),
                   ==, data);
  test_ui_wait_shown (window);
  test_ui_assert_fits (GTK_WIDGET (window), "country");
  test_ui_assert_accessible (GTK_WIDGET (window), "country");
  test_ui_save_screenshot (GTK_WIDGET (window), "country-suggested", 360);
  search = test_ui_find (GTK_WIDGET (window), test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  objector_draft_set_country (draft, "FR");
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (objector_draft_get_country (draft), ==, data);
}

static void
test_country_suggested (void)
{
  g_autofree char *lc_all = g_strdup (g_getenv ("LC_ALL"));

  run_fresh (1280, suggested_script, NULL);

  g_unsetenv ("LC_ALL");
  g_setenv ("LANG", "de_DE.UTF-8", TRUE);
  run_fresh (360, suggested_script, (gpointer) "DE");
  g_setenv ("LC_ALL", lc_all, TRUE);
  g_unsetenv ("LANG");
}

/* What opening a form does after the link check: never blocked by being offline,
 * never into a host that is not Meta's. */
static void
test_link_actions (void)
{
  g_assert_cmpint (objector_ui_link_action (OBJECTOR_LINK_VERDICT_REACHABLE), ==, OBJECTOR_LINK_ACTION_OPEN);
  g_assert_cmpint (objector_ui_link_action (OBJECTOR_LINK_VERDICT_MOVED), ==, OBJECTOR_LINK_ACTION_OPEN_FINAL);
  g_assert_cmpint (objector_ui_link_action (OBJECTOR_LINK_VERDICT_OFFLINE), ==, OBJECTOR_LINK_ACTION_OPEN_UNCHECKED);
  g_assert_cmpint (objector_ui_link_action (OBJECTOR_LINK_VERDICT_TIMEOUT), ==, OBJECTOR_LINK_ACTION_OPEN_UNCHECKED);
  g_assert_cmpint (objector_ui_link_action (OBJECTOR_LINK_VERDICT_GONE), ==, OBJECTOR_LINK_ACTION_ASK);
  g_assert_cmpint (objector_ui_link_action (OBJECTOR_LINK_VERDICT_SERVER_ERROR), ==, OBJECTOR_LINK_ACTION_ASK);
  g_assert_cmpint (objector_ui_link_action (OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT), ==, OBJECTOR_LINK_ACTION_REFUSE);
  g_assert_cmpint (objector_ui_link_action (OBJECTOR_LINK_VERDICT_NOT_ALLOWED), ==, OBJECTOR_LINK_ACTION_REFUSE);
}

/* Reminders while closed: an autostart entry that runs the headless check. */
static void
preferences_script (ObjectorApplication *app,
                    ObjectorWindow      *window,
                    gpointer             data)
{
  g_autofree char *autostart = objector_background_get_autostart_file ();
  g_autofree char *entry = NULL;
  GtkWidget *prefs, *sw;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = test_ui_wait_toplevel (OBJECTOR_TYPE_PREFERENCES);
  test_ui_assert_accessible (prefs, "preferences");
  test_ui_save_screenshot (prefs, "preferences", 1280);

  /* No signing key ships yet: updates are said to be unavailable, not offered. */
  g_assert_nonnull (test_ui_find (prefs, test_ui_is_label_text, "Updates are not available in this version"));
  g_assert_null (test_ui_find (prefs, test_ui_is_label_text, "Playbook"));
  g_assert_null (test_ui_find (prefs, test_ui_is_entry_row_titled, "Update _address"));

  sw = test_ui_find (prefs, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  gtk_switch_set_active (GTK_SWITCH (sw), TRUE);
  g_assert_true (g_file_get_contents (autostart, &entry, NULL, NULL));
  test_util_assert_contains (entry, "remind --notify");
  test_util_assert_contains (entry, "Type=Application");

  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_preferences (void)
{
  fresh_data ();
  test_ui_run_app (1280, preferences_script, NULL);
}


/* Issue 15, keyboard: every accelerator the application sets is in the
 * shortcuts window; Escape closes each dialog; Alt+Left leaves an objection
 * for the overview. */
static gboolean
accel_in (const char * const *accels,
          guint               key,
          GdkModifierType     mods)
{
  guint listed_key = 0;
  GdkModifierType listed_mods = 0;

  for (guint i = 0; accels != NULL && accels[i] != NULL; i++)
    if (gtk_accelerator_parse (accels[i], &listed_key, &listed_mods) && listed_key == key && listed_mods == mods)
      return TRUE;
  return FALSE;
}

/* @accel is shown in the shortcuts window: written there, or through the
 * action a shortcut names. */
static gboolean
listed_in_shortcuts (GtkApplication *app,
                     GSList         *shortcuts,
                     const char     *accel)
{
  guint key = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  for (GSList *l = shortcuts; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_auto(GStrv) written = NULL;
      g_auto(GStrv) of_action = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action_name, NULL);
      written = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      if (action_name != NULL)
        of_action = gtk_application_get_accels_for_action (app, action_name);
      if (accel_in ((const char * const *) written, key, mods)
          || accel_in ((const char * const *) of_action, key, mods))
        return TRUE;
    }
  return FALSE;
}

static void
keyboard_script (ObjectorApplication *app,
                 ObjectorWindow      *window,
                 gpointer             data)
{
  const char *id = data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/objector/Objector/objector-shortcuts-window.ui");
  g_autoptr(GSList) shortcuts = gtk_builder_get_objects (builder);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GFile) approval = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "mail", "approval-de.eml", NULL));
  g_auto(GStrv) back = NULL;
  GtkWidget *dialog;
  ObjectorMailList *list;

  /* The ones the issue named are among them. */
  for (const char **named = (const char *[]) { "<Control>s", "<Control>p", "<Alt>Left", "Escape", "<Control>q", NULL };
       *named != NULL; named++)
    g_assert_true (listed_in_shortcuts (GTK_APPLICATION (app), shortcuts, *named));
  g_assert_cmpuint (g_strv_length (actions), >=, 6);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        if (!listed_in_shortcuts (GTK_APPLICATION (app), shortcuts, accels[j]))
          g_error ("%s (%s) is not in the shortcuts window", accels[j], actions[i]);
    }
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  /* Alt+Left: from an objection back to the overview. */
  back = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.go-back");
  g_assert_cmpstr (back[0], ==, "<Alt>Left");
  objector_window_show_objection (window, id);
  g_assert_cmpstr (objector_window_get_view (window), ==, "detail");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");

  /* Escape closes "Log Meta's Email", Preferences and "Find Meta's Emails". */
  objector_window_show_objection (window, id);
  objector_mail_list_show_file (GTK_WINDOW (window), objector_application_get_store (app),
                                objector_application_get_playbook (app), approval, id);
  list = test_ui_wait_for_mail_list ();
  g_assert_true (test_ui_takes_key (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW), GDK_KEY_Escape, 0));
  test_util_wait_until (test_ui_find_mail_list () == NULL);
  g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_SUBMITTED);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = test_ui_wait_toplevel (OBJECTOR_TYPE_PREFERENCES);
  g_assert_true (test_ui_takes_key (dialog, GDK_KEY_Escape, 0));
  test_util_wait_until (test_ui_find_toplevel (OBJECTOR_TYPE_PREFERENCES) == NULL);

  dialog = objector_scan_dialog_new (GTK_WINDOW (window), objector_application_get_store (app),
                                     objector_application_get_playbook (app), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  test_ui_wait_drawn (dialog);
  g_assert_true (test_ui_takes_key (dialog, GDK_KEY_Escape, 0));
  test_util_wait_until (test_ui_find_toplevel (OBJECTOR_TYPE_SCAN_DIALOG) == NULL);
}

static void
test_keyboard (void)
{
  g_autofree char *id = NULL;

  fresh_data ();
  id = test_ui_submitted_objection ("DE");
  test_ui_run_app (1280, keyboard_script, id);
}

/* A German resident files both objections with the keyboard alone, and on
 * each objection page the next step is in view at 1280×800. */
static GtkWidget *
focused_next (GtkWidget *w)
{
  GtkWidget *next = test_ui_assert_next_in_view (w, TRUE);
  GtkWidget *focus;

  /* The focus follows the step once the page is drawn as it now is. */
  test_ui_wait_drawn (w);
  test_util_wait_until ((focus = gtk_root_get_focus (GTK_ROOT (w))) != NULL
                        && (focus == next || gtk_widget_is_ancestor (focus, next)));

  if (focus != next && !gtk_widget_is_ancestor (focus, next))
    {
      GString *chain = g_string_new (NULL);
      for (GtkWidget *f = focus; f; f = gtk_widget_get_parent (f))
        g_string_append_printf (chain, " %s", G_OBJECT_TYPE_NAME (f));
      g_error ("the focus is on%s, not on the next step %s", chain->str, G_OBJECT_TYPE_NAME (next));
    }
  return next;
}

static void
keyboard_alone_script (ObjectorApplication *app,
                       ObjectorWindow      *window,
                       gpointer             data)
{
  ObjectorDraft *draft = objector_application_get_draft (app);
  GtkWidget *w = GTK_WIDGET (window);
  const char * const *ids;
  g_autofree char *fb = NULL;
  g_autofree char *ig = NULL;

  g_assert_cmpstr (test_ui_current_page (window), ==, "welcome");
  test_ui_press (w, GDK_KEY_Right, GDK_ALT_MASK);
  test_ui_wait_shown (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "country");
  test_ui_tab_to (w, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  test_ui_type_text (w, "Germany");
  test_util_wait_until (test_ui_count_shown_rows (GTK_LIST_BOX (test_ui_find (w, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX)))) == 1);
  test_ui_press (w, GDK_KEY_Return, 0);
  g_assert_cmpstr (objector_draft_get_country (draft), ==, "DE");

  test_ui_press (w, GDK_KEY_Right, GDK_ALT_MASK);
  test_ui_wait_shown (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "accounts");
  test_ui_tab_to (w, test_ui_is_button_labelled, "Add a _Facebook Account");
  test_ui_press (w, GDK_KEY_Return, 0);
  test_ui_tab_to (w, test_ui_is_entry_row_titled, "Facebook name");
  test_ui_type_text (w, "Zoë");
  test_ui_tab_to (w, test_ui_is_button_labelled, "Add an _Instagram Account");
  test_ui_press (w, GDK_KEY_Return, 0);
  test_ui_tab_to (w, test_ui_is_entry_row_titled, "Instagram name");
  test_ui_type_text (w, "zoe_photos");

  test_ui_press (w, GDK_KEY_Right, GDK_ALT_MASK);
  test_ui_wait_shown (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "details");
  test_ui_tab_to (w, test_ui_is_entry_row_titled, "_Email address");
  test_ui_type_text (w, "zoe@example.org");
  test_ui_press (w, GDK_KEY_Right, GDK_ALT_MASK);
  test_ui_wait_shown (window);

  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 3);
  fb = g_strdup (ids[0]);
  ig = g_strdup (ids[1]);

  /* Each objection: the page starts on its next step; Enter takes it. */
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? fb : ig;

      g_assert_true (g_str_has_suffix (test_ui_current_page (window), id));
      g_assert_true (test_ui_is_button_labelled (focused_next (w), "_Open the Form in Your Browser"));
      test_ui_press (w, GDK_KEY_Return, 0);
      g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_FORM_OPENED);
      g_assert_true (test_ui_is_button_labelled (focused_next (w), "I Have _Submitted the Form"));
      test_ui_press (w, GDK_KEY_Return, 0);
      g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_SUBMITTED);
      /* Sent: the focus stays in the card, on what comes next. */
      g_assert_true (GTK_IS_MENU_BUTTON (focused_next (w)));
      test_ui_press (w, GDK_KEY_Right, GDK_ALT_MASK);
      test_ui_wait_shown (window);
    }

  /* The third-party request, skipped; then the end and the overview. */
  g_assert_true (g_str_has_suffix (test_ui_current_page (window), ids[2]));
  test_ui_assert_next_in_view (w, TRUE);
  test_ui_press (w, GDK_KEY_Right, GDK_ALT_MASK);
  test_ui_wait_shown (window);
  g_assert_cmpstr (test_ui_current_page (window), ==, "done");
  test_ui_press (w, GDK_KEY_Right, GDK_ALT_MASK);
  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");
  g_assert_cmpuint (test_ui_dashboard_rows (window), ==, 3);
}

static void
test_keyboard_alone (void)
{
  run_fresh (1280, keyboard_alone_script, NULL);
}


/* With nothing filed, the wizard; with objections filed elsewhere (the
 * command line) and no wizard in progress, the overview. */
static void
opens_wizard (ObjectorApplication *app,
              ObjectorWindow      *window,
              gpointer             data)
{
  g_assert_cmpstr (objector_window_get_view (window), ==, "wizard");
  g_assert_cmpstr (test_ui_current_page (window), ==, "welcome");
}

static void
opens_dashboard (ObjectorApplication *app,
                 ObjectorWindow      *window,
                 gpointer             data)
{
  g_assert_cmpuint (test_ui_dashboard_rows (window), ==, 2);
}

static void
test_first_view (void)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);

  fresh_data ();
  test_ui_run_app (1280, opens_wizard, NULL);

  fresh_data ();
  g_assert_true (objector_store_load (store, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ObjectorObjection) o = objector_objection_new ("third-party", "none", FALSE, NULL);
      g_assert_true (objector_store_add (store, o, NULL));
    }
  test_ui_run_app (1280, opens_dashboard, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (argc == 3 && g_str_equal (argv[1], "--dump-texts"))
    {
      /* Translated texts come from the build's catalogues. */
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OBJECTOR_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      setlocale (LC_ALL, "");
    }

  test_util_init_environment ("wizard");
  /* An accessibility context that keeps what widgets tell a screen reader. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (argc == 3 && g_str_equal (argv[1], "--dump-texts"))
    {
      gtk_init ();
      objector_ui_set_check_links_for_testing (FALSE);
      test_ui_launched = g_ptr_array_new_with_free_func (g_free);
      objector_ui_set_uri_launcher_for_testing (test_ui_record_launch);
      test_ui_run_app (360, dump_script, argv[2]);
      test_util_clean_up ();
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  /* No network here: opening a form goes straight to the (recorded) browser. */
  objector_ui_set_check_links_for_testing (FALSE);

  g_test_add_data_func ("/wizard/german-resident/360", GINT_TO_POINTER (360), test_german_resident);
  g_test_add_data_func ("/wizard/german-resident/1280", GINT_TO_POINTER (1280), test_german_resident);
  g_test_add_func ("/wizard/first-view", test_first_view);
  g_test_add_func ("/wizard/keyboard", test_keyboard);
  g_test_add_func ("/wizard/keyboard-alone", test_keyboard_alone);
  g_test_add_func ("/wizard/country-fast-typing", test_country_fast_typing);
  g_test_add_func ("/wizard/country-suggested", test_country_suggested);
  g_test_add_func ("/wizard/link-actions", test_link_actions);
  g_test_add_func ("/wizard/preferences", test_preferences);
  g_test_add_func ("/wizard/resume", test_resume);
  g_test_add_func ("/wizard/us-resident", test_us_resident);
  g_test_add_func ("/wizard/linked-accounts", test_linked_accounts);

  status = g_test_run ();
  test_util_clean_up ();
  return status;
}

/* test-objection-page.c — an objection's page and the overview, driven as a
 * person would, under Xvfb
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page of one objection (its status card with the one next step, the
 * "Meta Answered…" and "More Actions" menus, toasts with Undo, the
 * complaint, Meta's emails on the timeline) and the overview grouped by what
 * each objection needs. The wizard that leads there is test-wizard.c's.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "objector-application.h"
#include "objector-complaint-section.h"
#include "objector-mail-list.h"
#include "objector-scan-dialog.h"
#include "objector-ui-util.h"
#include "objector-window.h"
#include "objector-test-ui.h"
#include "objector-test-util.h"

static const char *tmp_home;

/* Each test starts with no saved objections and no wizard draft. */
static void
fresh_data (void)
{
  test_util_reset_data ();
}

/* @script, in a window @width wide, on a German resident's objection just sent. */
static void
run_submitted (int          width,
               TestUiScript script)
{
  g_autofree char *id = NULL;

  fresh_data ();
  id = test_ui_submitted_objection ("DE");
  test_ui_run_app (width, script, id);
}

/* The overview: an empty state; then, as objections come, each under the
 * heading of what it needs, needs-you first; the third-party requests too,
 * under the same headings as objections in their state. */
static gboolean
is_group (GtkWidget    *widget,
          gconstpointer data)
{
  return ADW_IS_PREFERENCES_GROUP (widget);
}

/* A row's status icon: the image that says where it stands. */
static gboolean
is_status_icon (GtkWidget    *widget,
                gconstpointer data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_get_tooltip_text (widget) != NULL;
}

static gboolean
is_row_titled_start (GtkWidget    *widget,
                     gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

static guint
group_rows (GtkWidget *group)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_ui_collect (group, test_ui_is_activatable_row, NULL, rows);
  return rows->len;
}

static void
add_objection (ObjectorStore     *store,
               ObjectorObjection *objection)
{
  objector_objection_set_reason (objection, "I object.");
  g_assert_true (objector_store_add (store, objection, NULL));
  g_object_unref (objection);
}

static void
overview_script (ObjectorApplication *app,
                 ObjectorWindow      *window,
                 gpointer             data)
{
  ObjectorStore *store = objector_application_get_store (app);
  GtkWidget *w = GTK_WIDGET (window);
  const char *headings[] = { "Needs You", "Time to Complain", "Waiting for Meta", "Done", "Withdrawn" };
  const guint rows[] = { 2, 1, 3, 1, 1 };
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *empty;

  /* Nothing yet: a status page that says so and offers to start. */
  objector_window_show_dashboard (window);
  test_ui_wait_drawn (w);
  empty = test_ui_find (w, test_ui_is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Objections Yet");
  g_assert_cmpuint (test_ui_dashboard_rows (window), ==, 0);

  /* The store changes: the overview follows. */
  add_objection (store, test_util_objection_at ("facebook-objection", "DE", TEST_UTIL_NOW,
                                                OBJECTOR_EVENT_COMPLETE_DETAILS, TEST_UTIL_NOW, -1));
  add_objection (store, test_util_objection_at ("instagram-objection", "DE", "2026-11-01T09:00:00Z",
                                                OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-11-01T09:00:00Z",
                                                OBJECTOR_EVENT_SUBMIT, "2026-11-01T10:00:00Z",
                                                OBJECTOR_EVENT_LOG_REJECTION, "2026-11-10T10:00:00Z", -1));
  add_objection (store, test_util_objection_at ("facebook-objection", "DE", "2026-11-01T09:00:00Z",
                                                OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-11-01T09:00:00Z",
                                                OBJECTOR_EVENT_SUBMIT, "2026-11-01T10:00:00Z", -1));
  add_objection (store, test_util_objection_at ("whatsapp-objection", "DE", "2026-11-01T09:00:00Z",
                                                OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-11-01T09:00:00Z",
                                                OBJECTOR_EVENT_SUBMIT, "2026-11-01T10:00:00Z",
                                                OBJECTOR_EVENT_EXTEND, "2026-11-15T10:00:00Z", -1));
  add_objection (store, test_util_objection_at ("instagram-objection", "DE", "2026-10-01T09:00:00Z",
                                                OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-10-01T09:00:00Z",
                                                OBJECTOR_EVENT_SUBMIT, "2026-10-01T10:00:00Z",
                                                OBJECTOR_EVENT_LOG_APPROVAL, "2026-10-20T10:00:00Z", -1));
  add_objection (store, test_util_objection_at ("facebook-objection", "DE", "2026-10-01T09:00:00Z",
                                                OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-10-01T09:00:00Z",
                                                OBJECTOR_EVENT_WITHDRAW, "2026-10-02T10:00:00Z", -1));
  add_objection (store, test_util_objection_at ("third-party", "DE", TEST_UTIL_NOW,
                                                OBJECTOR_EVENT_COMPLETE_DETAILS, TEST_UTIL_NOW, -1));
  add_objection (store, test_util_objection_at ("third-party", "DE", "2026-11-01T09:00:00Z",
                                                OBJECTOR_EVENT_COMPLETE_DETAILS, "2026-11-01T09:00:00Z",
                                                OBJECTOR_EVENT_SUBMIT, "2026-11-01T10:00:00Z", -1));
  test_util_wait_until (test_ui_dashboard_rows (window) == 8);
  test_ui_wait_drawn (w);

  test_ui_collect (w, is_group, NULL, groups);
  g_assert_cmpuint (groups->len, ==, G_N_ELEMENTS (headings));
  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (groups, i);

      g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, headings[i]);
      g_assert_cmpuint (group_rows (group), ==, rows[i]);
    }
  /* The request not sent yet needs the person as the objection not sent
   * yet does: the same heading, status and icon, and words that say the
   * form is still to be sent. */
  {
    GtkWidget *needs_you = g_ptr_array_index (groups, 0);
    GtkWidget *objection = test_ui_find (needs_you, is_row_titled_start, "Facebook");
    GtkWidget *request = test_ui_find (needs_you, is_row_titled_start, "Information about you from other sources");
    GtkWidget *objection_icon, *request_icon;
    const char *objection_icon_name, *request_icon_name;

    g_assert_nonnull (objection);
    g_assert_nonnull (request);
    objection_icon = test_ui_find (objection, is_status_icon, NULL);
    request_icon = test_ui_find (request, is_status_icon, NULL);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (objection_icon), ==, "Not sent yet");
    g_assert_cmpstr (gtk_widget_get_tooltip_text (request_icon), ==, "Not sent yet");
    objection_icon_name = gtk_image_get_icon_name (GTK_IMAGE (objection_icon));
    request_icon_name = gtk_image_get_icon_name (GTK_IMAGE (request_icon));
    g_assert_cmpstr (request_icon_name, ==, objection_icon_name);
    g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (request)),
                                     "fill it in with the answers Objector keeps ready, and send it."));
    /* The one sent waits for Meta with the objections that do. */
    g_assert_nonnull (test_ui_find (g_ptr_array_index (groups, 2), is_row_titled_start,
                                    "Information about you from other sources"));
  }
  /* Each row says where it stands, in words and with an icon. */
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();

    test_ui_collect (w, test_ui_is_activatable_row, NULL, all);
    for (guint i = 0; i < all->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (all, i);

        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, "");
        g_assert_nonnull (test_ui_find (row, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_IMAGE)));
      }
  }
  test_ui_assert_fits (w, "overview");
  test_ui_assert_accessible (w, "overview");
  test_ui_save_screenshot (w, "overview", GPOINTER_TO_INT (data));

  /* By keyboard: Tab to the first row, Enter opens it. */
  gtk_widget_grab_focus (test_ui_find (w, test_ui_is_menu_button_labelled, "Main Menu"));
  test_ui_tab_to (w, test_ui_is_activatable_row, NULL);
  test_ui_press (w, GDK_KEY_Return, 0);
  g_assert_cmpstr (objector_window_get_view (window), ==, "detail");
}

static void
test_overview (gconstpointer data)
{
  fresh_data ();
  test_ui_run_app (GPOINTER_TO_INT (data), overview_script, (gpointer) data);
}

/* "Meta answered…" → "Rejected": one step, a toast that offers to undo
 * it, and Undo puts the record back. */
static void
answer_script (ObjectorApplication *app,
               ObjectorWindow      *window,
               gpointer             data)
{
  const char *id = data;
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *next;

  objector_window_show_objection (window, id);
  test_ui_wait_drawn (w);
  /* Waiting for Meta: recording its answer is the next step. */
  next = test_ui_assert_next_in_view (w, TRUE);
  g_assert_true (GTK_IS_MENU_BUTTON (next));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (next)), ==, "_Meta Answered…");

  test_ui_choose (w, "_Meta Answered…", "Meta Rejected It");
  g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_REJECTED);
  g_assert_nonnull (test_ui_find (w, test_ui_is_label_text, "Rejection recorded"));
  test_ui_save_screenshot (w, "answer-toast", 1280);

  test_ui_click (w, "_Undo");
  g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_SUBMITTED);
  g_assert_cmpuint (test_ui_count_events (id, OBJECTOR_EVENT_LOG_REJECTION), ==, 1);
  g_assert_cmpuint (test_ui_count_events (id, OBJECTOR_EVENT_UNDO), ==, 1);
  g_assert_nonnull (test_ui_find (w, test_ui_is_label_text, "Step undone"));
  /* Undone: waiting again, and no undo of the undo. */
  g_assert_null (test_ui_find (w, test_ui_is_button_labelled, "_Undo"));
  g_assert_true (GTK_IS_MENU_BUTTON (test_ui_assert_next_in_view (w, TRUE)));
}

static void
test_answer_undo (void)
{
  run_submitted (1280, answer_script);
}


/* Meta rejects: the person records it and complains to their Land's authority. */
static void
complaint_script (ObjectorApplication *app,
                  ObjectorWindow      *window,
                  gpointer             data)
{
  const char *id = data;
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *section, *region;
  const char *text;
  int width = gtk_widget_get_width (w) < 600 ? 360 : 1280;
  const char *land = width == 360 ? "Mecklenburg-Vorpommern" : "Bayern";
  GListModel *lands;

  objector_window_show_objection (window, id);
  g_assert_cmpstr (objector_window_get_view (window), ==, "detail");

  /* No grounds yet: no complaint offered. */
  g_assert_null (test_ui_find (w, test_ui_is_type, GSIZE_TO_POINTER (OBJECTOR_TYPE_COMPLAINT_SECTION)));

  test_ui_choose (w, "_Meta Answered…", "Meta Rejected It");
  g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_REJECTED);
  section = test_ui_find (w, test_ui_is_type, GSIZE_TO_POINTER (OBJECTOR_TYPE_COMPLAINT_SECTION));
  g_assert_nonnull (section);

  /* Germany: the Land first. Before it, no authority and no letter (not
   * Ireland's, not in English). */
  region = test_ui_find (section, test_ui_is_type, GSIZE_TO_POINTER (ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (region);
  g_assert_null (objector_complaint_section_get_text (OBJECTOR_COMPLAINT_SECTION (section)));
  g_assert_null (test_ui_find (section, test_ui_is_label_text, "Data Protection Commission"));
  g_assert_null (test_ui_find (section, test_ui_is_button_labelled, "_Copy the Complaint"));
  g_assert_nonnull (test_ui_find (section, test_ui_is_label_text, "Choose your Land first"));

  lands = adw_combo_row_get_model (ADW_COMBO_ROW (region));
  for (guint i = 0; i < g_list_model_get_n_items (lands); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (lands), i), land) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (region), i);
  g_assert_cmpstr (objector_draft_get_region (objector_application_get_draft (app)), ==, land);

  /* Then the Land's authority, and the letter in German, shown whole. */
  text = objector_complaint_section_get_text (OBJECTOR_COMPLAINT_SECTION (section));
  g_assert_nonnull (text);
  test_util_assert_contains_all (text, "77", "zoe@example.org");
  test_util_assert_contains (text, width == 360 ? "Mecklenburg" : "Bay");
  g_assert_nonnull (test_ui_find (section, test_ui_is_label_text, text));
  g_assert_null (test_ui_find (section, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW)));
  g_assert_nonnull (test_ui_find (section, test_ui_is_button_labelled, "_Copy the Complaint"));
  g_assert_nonnull (test_ui_find (section, test_ui_is_button_labelled, "_Save the Complaint…"));
  test_ui_assert_accessible (w, "complaint");
  gtk_widget_grab_focus (test_ui_find (w, test_ui_is_button_labelled, "I Have _Filed the Complaint"));
  test_ui_wait_drawn (w);
  test_ui_assert_fits (w, "complaint");
  {
    /* The screenshot shows the complaint: the page scrolled to it. */
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (section, GTK_TYPE_SCROLLED_WINDOW)));

    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v) - 300);
  }
  test_ui_save_screenshot (w, "complaint", width);

  test_ui_click (w, "I Have _Filed the Complaint");
  g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_ESCALATED);
}

static void
test_complaint (gconstpointer data)
{
  run_submitted (GPOINTER_TO_INT (data), complaint_script);
}

static gboolean
is_row_titled_prefix (GtkWidget    *widget,
                      gconstpointer data)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

static gboolean
is_group_titled (GtkWidget    *widget,
                 gconstpointer data)
{
  return ADW_IS_PREFERENCES_GROUP (widget)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), data) == 0;
}

/* Meta's emails: a spoofed one is kept as evidence and changes nothing; the
 * real approval, once the person logs it, marks the objection accepted. */
static void
email_script (ObjectorApplication *app,
              ObjectorWindow      *window,
              gpointer             data)
{
  const char *id = data;
  ObjectorMailList *list;
  g_autoptr(GFile) spoofed = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "mail", "spoofed.eml", NULL));
  g_autoptr(GFile) approval = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "mail", "approval-de.eml", NULL));

  objector_window_show_objection (window, id);

  objector_mail_list_show_file (GTK_WINDOW (window), objector_application_get_store (app),
                                objector_application_get_playbook (app), spoofed, id);
  list = test_ui_wait_for_mail_list ();
  g_assert_nonnull (list);
  /* Its window, and only the group that holds it: Meta's answers. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW))), ==,
                   "Log Meta’s Email");
  g_assert_nonnull (test_ui_find (GTK_WIDGET (list), is_group_titled, "Emails"));
  g_assert_null (test_ui_find (GTK_WIDGET (list), is_group_titled, "Not Recognised"));
  g_assert_null (test_ui_find (GTK_WIDGET (list), is_group_titled, "Other Emails From Meta"));
  g_assert_null (test_ui_find (GTK_WIDGET (list), test_ui_is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE)));
  test_ui_assert_accessible (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW), "mail");
  g_assert_true (objector_mail_list_log (list, 0));
  g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_SUBMITTED);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW)));
  test_util_wait_until (test_ui_find_mail_list () == NULL);

  objector_mail_list_show_file (GTK_WINDOW (window), objector_application_get_store (app),
                                objector_application_get_playbook (app), approval, id);
  list = test_ui_wait_for_mail_list ();
  g_assert_nonnull (list);
  test_ui_save_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW), "mail", 1280);
  g_assert_true (objector_mail_list_log (list, 0));
  g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_APPROVED);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW)));
  test_util_wait_until (test_ui_find_mail_list () == NULL);

  /* Both are in the timeline, at the end of the page. */
  g_assert_nonnull (test_ui_find (GTK_WIDGET (window), is_row_titled_prefix, "Email: Your objection request"));
  {
    GtkWidget *row = test_ui_find (GTK_WIDGET (window), is_row_titled_prefix, "Email: Dein Widerspruch");
    GtkAdjustment *adjustment;

    g_assert_nonnull (row);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW)));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  test_ui_save_screenshot (GTK_WIDGET (window), "timeline", 1280);
}

/* Thunderbird's inbox holds Meta's approval among other mail: found, listed, logged. */
static void
scan_script (ObjectorApplication *app,
             ObjectorWindow      *window,
             gpointer             data)
{
  const char *id = data;
  g_autofree char *home = g_build_filename (tmp_home, "home", NULL);
  g_autofree char *folder = g_build_filename (home, ".thunderbird", "abc.default", "Mail", "Local Folders", NULL);
  g_autofree char *inbox = g_build_filename (folder, "Inbox", NULL);
  g_autofree char *other = g_build_filename (folder, "Friends", NULL);
  g_autofree char *approval = NULL;
  g_autofree char *mbox = NULL;
  g_autoptr(GPtrArray) places = NULL;
  GtkWidget *dialog;
  GtkWidget *empty = NULL;
  ObjectorMailList *list = NULL;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "mail", "approval-de.eml", NULL),
                                      &approval, NULL, NULL));
  /* With Meta's mail that no rule recognises, and its other mail: listed too. */
  mbox = g_strdup_printf ("From someone@example.org Mon Nov  2 10:00:00 2026\n"
                          "From: Someone <someone@example.org>\nSubject: Lunch\n\nSee you.\n\n"
                          "From noreply@facebookmail.com Tue Nov 24 08:12:00 2026\n%s\n"
                          "From noreply@facebookmail.com Tue Nov 24 09:00:00 2026\n"
                          "From: Facebook <noreply@facebookmail.com>\nSubject: Your receipt from Facebook Pay\n\n"
                          "Thanks for your purchase of 3,99 EUR.\n\n"
                          "From security@facebookmail.com Tue Nov 24 09:30:00 2026\n"
                          "From: Facebook <security@facebookmail.com>\nSubject: New login to Facebook\n\n"
                          "We noticed a new login to your account from Firefox on Linux.\n", approval);
  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (inbox, mbox, -1, NULL));

  places = objector_scan_dialog_find_mailboxes (home);
  g_assert_cmpuint (places->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (places, 0), ==, inbox);

  dialog = objector_scan_dialog_new (GTK_WINDOW (window), objector_application_get_store (app),
                                     objector_application_get_playbook (app), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  /* A mailbox with nothing from Meta: the list says so, and nothing else. */
  g_assert_true (g_file_set_contents (other, "From someone@example.org Mon Nov  2 10:00:00 2026\n"
                                             "From: Someone <someone@example.org>\nSubject: Lunch\n\nSee you.\n",
                                      -1, NULL));
  objector_scan_dialog_scan (OBJECTOR_SCAN_DIALOG (dialog), other);
  test_util_wait_until ((empty = test_ui_find (dialog, test_ui_is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE))) != NULL);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Emails From Meta");
  g_assert_nonnull (gtk_widget_get_ancestor (empty, OBJECTOR_TYPE_MAIL_LIST));
  g_assert_null (test_ui_find (dialog, is_group, NULL));
  test_ui_wait_drawn (dialog);
  test_ui_assert_fits (dialog, "scan-empty");
  test_ui_save_screenshot (dialog, "scan-empty", 1280);

  objector_scan_dialog_scan (OBJECTOR_SCAN_DIALOG (dialog), inbox);
  /* The scan runs in a worker thread; its list replaces the progress. */
  test_util_wait_until ((list = (ObjectorMailList *) test_ui_find (dialog, test_ui_is_type,
                                                           GSIZE_TO_POINTER (OBJECTOR_TYPE_MAIL_LIST))) != NULL
                        && test_ui_find (GTK_WIDGET (list), is_group, NULL) != NULL);
  g_assert_nonnull (list);
  g_assert_null (test_ui_find (dialog, test_ui_is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE)));
  test_ui_assert_accessible (dialog, "scan");
  test_ui_save_screenshot (dialog, "scan", 1280);
  g_assert_nonnull (test_ui_find (dialog, is_row_titled_prefix, "Your receipt from Facebook Pay"));
  g_assert_nonnull (test_ui_find (dialog, is_row_titled_prefix, "New login to Facebook"));
  g_assert_nonnull (test_ui_find (dialog, is_group_titled, "Not Recognised"));
  g_assert_nonnull (test_ui_find (dialog, is_group_titled, "Other Emails From Meta"));

  /* Logged on the objection it matches (the address it was sent to). */
  g_assert_true (objector_mail_list_log (list, 0));
  g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_APPROVED);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_scan (void)
{
  run_submitted (1280, scan_script);
}

static void
test_email (void)
{
  run_submitted (1280, email_script);
}

/* An answer nothing verifies: logged, it changes nothing; the person's
 * "This is genuine: record it" on the timeline records the step, marked as
 * theirs. At 360 px, every control named. */
static void
confirm_script (ObjectorApplication *app,
                ObjectorWindow      *window,
                gpointer             data)
{
  const char *id = data;
  const char *label = "This Is _Genuine: Record It";
  g_autoptr(GFile) unverifiable = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "forgeries",
                                                                             "no-auth-results.eml", NULL));
  ObjectorMailList *list;
  GtkWidget *mail_window;
  GtkWidget *row;

  objector_window_show_objection (window, id);
  objector_mail_list_show_file (GTK_WINDOW (window), objector_application_get_store (app),
                                objector_application_get_playbook (app), unverifiable, id);
  list = test_ui_wait_for_mail_list ();
  g_assert_nonnull (list);
  mail_window = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (test_ui_find (mail_window, test_ui_is_type,
                                                         GSIZE_TO_POINTER (ADW_TYPE_EXPANDER_ROW))), TRUE);
  test_util_wait_until (test_ui_find (mail_window, test_ui_is_button_labelled, label) != NULL);
  test_ui_wait_drawn (mail_window);
  test_ui_assert_accessible (mail_window, "mail-confirm");
  g_assert_true (objector_mail_list_log (list, 0));
  g_assert_cmpint (test_ui_stored_state (id), ==, OBJECTOR_STATE_SUBMITTED);
  gtk_window_destroy (GTK_WINDOW (mail_window));
  test_util_wait_until (test_ui_find_mail_list () == NULL);

  row = test_ui_find (GTK_WIDGET (window), is_row_titled_prefix, "Email: Your objection request");
  g_assert_nonnull (row);
  test_util_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Unverifiable: nothing shows who sent it");
  gtk_widget_grab_focus (test_ui_find (GTK_WIDGET (window), test_ui_is_button_labelled, label));
  test_ui_wait_drawn (GTK_WIDGET (window));
  test_ui_assert_fits (GTK_WIDGET (window), "timeline");
  test_ui_assert_accessible (GTK_WIDGET (window), "timeline");

  test_ui_click (GTK_WIDGET (window), label);
  test_util_wait_until (test_ui_stored_state (id) == OBJECTOR_STATE_APPROVED);
  test_ui_wait_drawn (GTK_WIDGET (window));
  g_assert_null (test_ui_find (GTK_WIDGET (window), test_ui_is_button_labelled, label));
  row = test_ui_find (GTK_WIDGET (window), is_row_titled_prefix, "Email: Your objection request");
  test_util_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                             "Unverifiable — confirmed by you, not verified");
}

static void
test_email_confirm (void)
{
  run_submitted (360, confirm_script);
}


int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "objection-page");
  tmp_home = test_util_root ();
  /* An accessibility context that keeps what widgets tell a screen reader. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  /* No network here: opening a form goes straight to the (recorded) browser. */
  objector_ui_set_check_links_for_testing (FALSE);

  g_test_add_data_func ("/objection-page/overview/360", GINT_TO_POINTER (360), test_overview);
  g_test_add_data_func ("/objection-page/overview/1280", GINT_TO_POINTER (1280), test_overview);
  g_test_add_func ("/objection-page/answer-undo", test_answer_undo);
  g_test_add_data_func ("/objection-page/complaint/360", GINT_TO_POINTER (360), test_complaint);
  g_test_add_data_func ("/objection-page/complaint/1280", GINT_TO_POINTER (1280), test_complaint);
  g_test_add_func ("/objection-page/email", test_email);
  g_test_add_func ("/objection-page/email-confirm", test_email_confirm);
  g_test_add_func ("/objection-page/scan", test_scan);

  return test_util_run_tests ();
}

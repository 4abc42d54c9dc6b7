/* test-ui-truth.c — the app records only what happened, and starts on hostile files
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb (build-aux/test). A browser that cannot be opened leaves the
 * objection as it was and says so once, instead of "opened anyway" and a
 * "Form opened" step; the overview page opening is no step at all; and a
 * store nested 80,000 levels deep is set aside with a message while the app
 * starts as usual.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "objector-application.h"
#include "objector-draft.h"
#include "objector-objection-page.h"
#include "objector-store.h"
#include "objector-ui-util.h"
#include "objector-window.h"
#include "objector-test-util.h"

static GPtrArray *launched;
static guint failed_launches;

static gboolean
browser_opens (GtkWindow   *parent,
               const char  *uri,
               GError     **error)
{
  g_ptr_array_add (launched, g_strdup (uri));
  return TRUE;
}

static gboolean
no_browser (GtkWindow   *parent,
            const char  *uri,
            GError     **error)
{
  failed_launches++;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No application is registered as handling this file");
  return FALSE;
}

/* Widgets */

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many labels on show hold @text. */
static guint
count_shown (GtkWidget  *root,
             const char *text)
{
  guint n = 0;

  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return 0;
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_shown (child, text);
  return n;
}

static gboolean
set_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Pending idles and redraws first: a condition, not a guess at time. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, set_done, &done, NULL);
  test_util_wait_until (done);
}

/* The app under test */

typedef void (*Script) (ObjectorApplication *app, ObjectorWindow *window);

static void
activate_cb (GApplication *app,
             Script        script)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  settle ();
  script (OBJECTOR_APPLICATION (app), OBJECTOR_WINDOW (window));
  g_object_set_data (G_OBJECT (app), "ran", GINT_TO_POINTER (TRUE));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
run_app (Script script)
{
  g_autoptr(ObjectorApplication) app = objector_application_new ();
  char *argv[] = { (char *) "objector", NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), script);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (app), "ran")));
}

/* One ready objection, the wizard done: the app opens on the overview. */
static void
one_ready_objection (void)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  g_autoptr(ObjectorDraft) draft = objector_draft_new (NULL);
  g_autoptr(ObjectorObjection) o = objector_objection_new ("facebook-objection", "facebook", TRUE, NULL);
  g_autoptr(GError) error = NULL;

  test_util_reset_data ();
  g_assert_true (objector_store_load (store, &error));
  objector_objection_set_country (o, "DE");
  objector_objection_set_email (o, "zoe@example.org");
  g_assert_true (objector_objection_apply (o, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, NULL, &error));
  g_assert_true (objector_store_add (store, o, &error));
  objector_draft_set_finished (draft, TRUE);
  g_assert_true (objector_draft_save (draft, &error));
  g_assert_no_error (error);
}

static ObjectorObjection *
stored_objection (void)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);

  g_assert_true (objector_store_load (store, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  return g_list_model_get_item (G_LIST_MODEL (store), 0);
}

static guint
count_events (ObjectorObjection *o,
              ObjectorEvent      event)
{
  GPtrArray *history = objector_objection_get_history (o);
  guint n = 0;

  for (guint i = 0; i < history->len; i++)
    if (((ObjectorTransition *) g_ptr_array_index (history, i))->event == event)
      n++;
  return n;
}

static GtkWidget *
open_detail (ObjectorWindow *window)
{
  GtkWidget *list = find_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  GtkWidget *page;

  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  settle ();
  g_assert_cmpstr (objector_window_get_view (window), ==, "detail");
  page = find_type (GTK_WIDGET (window), OBJECTOR_TYPE_OBJECTION_PAGE);
  g_assert_nonnull (page);
  return page;
}

static void
no_browser_script (ObjectorApplication *app,
                   ObjectorWindow      *window)
{
  GtkWidget *page = open_detail (window);
  g_autoptr(ObjectorObjection) after_failure = NULL;
  g_autoptr(ObjectorObjection) after_overview = NULL;
  g_autoptr(ObjectorObjection) after_success = NULL;

  /* No browser: nothing moves, and one message says so. */
  objector_ui_set_uri_launcher_for_testing (no_browser);
  g_assert_true (gtk_widget_activate_action (page, "path.open-form", NULL));
  settle ();
  g_assert_cmpuint (failed_launches, ==, 1);
  after_failure = stored_objection ();
  g_assert_cmpint (objector_objection_get_state (after_failure), ==, OBJECTOR_STATE_READY);
  g_assert_cmpuint (count_events (after_failure, OBJECTOR_EVENT_OPEN_FORM), ==, 0);
  g_assert_cmpuint (count_shown (GTK_WIDGET (window), "No web browser could be opened"), ==, 1);
  g_assert_cmpuint (count_shown (GTK_WIDGET (window), "nothing was recorded"), ==, 1);
  g_assert_cmpuint (count_shown (GTK_WIDGET (window), "opened anyway"), ==, 0);
  g_assert_cmpuint (count_shown (GTK_WIDGET (window), "Copy the address instead"), ==, 0);

  /* The overview page is not the form: opening it records nothing. */
  objector_ui_set_uri_launcher_for_testing (browser_opens);
  g_assert_true (gtk_widget_activate_action (page, "path.open-overview", NULL));
  settle ();
  g_assert_cmpuint (launched->len, ==, 1);
  after_overview = stored_objection ();
  g_assert_cmpint (objector_objection_get_state (after_overview), ==, OBJECTOR_STATE_READY);
  /* The earlier message went with the new attempt. */
  g_assert_cmpuint (count_shown (GTK_WIDGET (window), "No web browser could be opened"), ==, 0);

  /* A browser opens the form: now, and only now, it is "form opened". */
  g_assert_true (gtk_widget_activate_action (page, "path.open-form", NULL));
  settle ();
  g_assert_cmpuint (launched->len, ==, 2);
  after_success = stored_objection ();
  g_assert_cmpint (objector_objection_get_state (after_success), ==, OBJECTOR_STATE_FORM_OPENED);
  g_assert_cmpuint (count_events (after_success, OBJECTOR_EVENT_OPEN_FORM), ==, 1);
}

static void
test_no_browser (void)
{
  launched = g_ptr_array_new_with_free_func (g_free);
  failed_launches = 0;
  objector_ui_set_check_links_for_testing (FALSE);
  one_ready_objection ();

  run_app (no_browser_script);

  g_clear_pointer (&launched, g_ptr_array_unref);
}

/* Submitted from the phone: one step, shown as what it was. */
static void
phone_script (ObjectorApplication *app,
              ObjectorWindow      *window)
{
  GtkWidget *page = open_detail (window);
  g_autoptr(ObjectorObjection) after = NULL;

  g_assert_true (gtk_widget_activate_action (page, "path.mark-submitted", NULL));
  settle ();
  after = stored_objection ();
  g_assert_cmpint (objector_objection_get_state (after), ==, OBJECTOR_STATE_SUBMITTED);
  g_assert_cmpuint (count_events (after, OBJECTOR_EVENT_OPEN_FORM), ==, 0);
  g_assert_cmpuint (count_shown (GTK_WIDGET (window), "Form submitted (not opened from Objector)"), ==, 1);
  g_assert_cmpuint (count_shown (GTK_WIDGET (window), "Form opened"), ==, 0);
}

static void
test_submitted_from_phone (void)
{
  one_ready_objection ();
  run_app (phone_script);
}

/* A store of 80,000 "[": the app starts, and says what happened to it. */
static void
deep_store_script (ObjectorApplication *app,
                   ObjectorWindow      *window)
{
  g_autofree char *file = test_util_store_file ();

  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_shown (GTK_WIDGET (window), "are damaged and could not be read"), ==, 1);
  g_assert_cmpuint (count_shown (GTK_WIDGET (window), "nested more than 64 deep"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (objector_application_get_store (app))), ==, 0);
}

static void
test_deep_store (void)
{
  g_autofree char *file = test_util_store_file ();
  g_autofree char *dir = g_path_get_dirname (file);
  g_autofree char *deep = g_strnfill (80000, '[');
  g_autoptr(GError) error = NULL;

  test_util_reset_data ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (file, deep, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  run_app (deep_store_script);
}

static void
test_needs_display (void)
{
  g_test_skip ("No display: build-aux/test runs this under Xvfb");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "ui-truth");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_add_func ("/ui-truth/needs-display", test_needs_display);
      return test_util_run_tests ();
    }

  g_test_add_func ("/ui-truth/no-browser", test_no_browser);
  g_test_add_func ("/ui-truth/submitted-from-phone", test_submitted_from_phone);
  g_test_add_func ("/ui-truth/deep-store", test_deep_store);

  return test_util_run_tests ();
}

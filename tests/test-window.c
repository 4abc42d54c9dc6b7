/* test-window.c — the window opens and shows the saved objections (under Xvfb)
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-application.h"
#include "objector-window.h"

typedef gboolean (*Predicate) (GtkWidget *widget);

static GtkWidget *
find_widget (GtkWidget *root,
             Predicate  predicate)
{
  if (predicate (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window's own stack, not one inside a libadwaita widget. */
static gboolean
is_page_stack (GtkWidget *widget)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "empty") != NULL;
}

static gboolean
is_list_box (GtkWidget *widget)
{
  return GTK_IS_LIST_BOX (widget);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

typedef struct
{
  GApplication *app;
  guint       expected_rows;
  const char *expected_page;
  gboolean    checked;
} Expect;

static gboolean
check_window_cb (gpointer user_data)
{
  Expect *expect = user_data;
  GApplication *app = expect->app;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkStack *stack;
  GtkListBox *list;

  g_assert_true (OBJECTOR_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  stack = GTK_STACK (find_widget (GTK_WIDGET (window), is_page_stack));
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, expect->expected_page);

  list = GTK_LIST_BOX (find_widget (gtk_stack_get_child_by_name (stack, "list"), is_list_box));
  g_assert_nonnull (list);
  g_assert_cmpuint (count_rows (list), ==, expect->expected_rows);

  expect->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app,
             Expect       *expect)
{
  g_timeout_add (200, check_window_cb, expect);
}

static void
run_app (Expect *expect)
{
  g_autoptr(ObjectorApplication) app = objector_application_new ();
  char *argv[] = { (char *) "objector", NULL };

  expect->app = G_APPLICATION (app);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), expect);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (expect->checked);
}

static void
test_empty_window (void)
{
  Expect expect = { NULL, 0, "empty", FALSE };

  run_app (&expect);
}

static void
test_window_lists_objections (void)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  g_autoptr(GError) error = NULL;
  Expect expect = { NULL, 2, "list", FALSE };

  objector_store_load (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ObjectorObjection) o = objector_objection_new ("third-party", "none", FALSE, NULL);

      objector_objection_set_country (o, "US");
      objector_store_add (store, o, &error);
      g_assert_no_error (error);
    }

  run_app (&expect);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/window/empty", test_empty_window);
  g_test_add_func ("/window/lists-objections", test_window_lists_objections);

  return g_test_run ();
}

/* objector-test-ui.h — driving the app's window under Xvfb as a person would
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finding widgets by what a person sees, waiting for what is drawn (never
 * for a time), screenshots, the 360 px and accessible-name checks, and
 * running the application with a script. Shared by the UI tests.
 */

#pragma once

#include <adwaita.h>

#include "objector-application.h"
#include "objector-mail-list.h"
#include "objector-objection.h"
#include "objector-window.h"

G_BEGIN_DECLS

typedef gboolean (*TestUiPredicate) (GtkWidget *widget, gconstpointer data);
typedef void (*TestUiScript) (ObjectorApplication *app, ObjectorWindow *window, gpointer data);

/* What reached the "browser" (test_ui_record_launch, the URI launcher). */
extern GPtrArray *test_ui_launched;

/* Widgets a person can see (not the stack's hidden pages), found by a predicate. */
void           test_ui_collect (GtkWidget *root, TestUiPredicate predicate, gconstpointer data, GPtrArray *found);
GtkWidget     *test_ui_find (GtkWidget *root, TestUiPredicate predicate, gconstpointer data);
gboolean       test_ui_is_button_labelled (GtkWidget *widget, gconstpointer data);
gboolean       test_ui_is_type (GtkWidget *widget, gconstpointer data);
gboolean       test_ui_is_entry_row_titled (GtkWidget *widget, gconstpointer data);
gboolean       test_ui_is_check_labelled (GtkWidget *widget, gconstpointer data);
gboolean       test_ui_is_label_text (GtkWidget *widget, gconstpointer data);
/* A menu button by its label, or its tooltip when it shows an icon. */
gboolean       test_ui_is_menu_button_labelled (GtkWidget *widget, gconstpointer data);
/* A row a person can open (the overview's objections, for one). */
gboolean       test_ui_is_activatable_row (GtkWidget *widget, gconstpointer data);
/* Clicks the sensitive button labelled @label (its mnemonic label), or fails. */
void           test_ui_click (GtkWidget *root, const char *label);
/* Picks @item of the menu of the button labelled @menu, as a person does. */
void           test_ui_choose (GtkWidget *root, const char *menu, const char *item);
/* The keyboard, as GTK delivers a key: to the focus, then up its ancestors. */
void           test_ui_press (GtkWidget *window, guint keyval, GdkModifierType modifiers);
/* Runs the shortcut of @widget itself (not of its children) that the key triggers. */
gboolean       test_ui_takes_key (GtkWidget *widget, guint keyval, GdkModifierType modifiers);
GtkWidget     *test_ui_tab_to (GtkWidget *window, TestUiPredicate predicate, gconstpointer data);
void           test_ui_type_text (GtkWidget *window, const char *text);
/* Waiting for what a person would see: a condition, never a time. */
void           test_ui_wait_drawn (GtkWidget *widget);
GtkWidget     *test_ui_find_toplevel (GType type);
GtkWidget     *test_ui_wait_toplevel (GType type);
/* The URI launcher for tests: records into test_ui_launched. */
gboolean       test_ui_record_launch (GtkWindow *parent, const char *uri, GError **error);
/* Screenshots into the build dir, and what every page must hold: nothing
 * wider than 360 px, nothing cut, every control named. */
void           test_ui_save_screenshot (GtkWidget *window, const char *name, int width);
void           test_ui_assert_fits (GtkWidget *window, const char *page);
void           test_ui_assert_accessible (GtkWidget *window, const char *page);
/* The stored truth, read back as another process would. */
ObjectorState  test_ui_stored_state (const char *id);
guint          test_ui_count_events (const char *id, ObjectorEvent event);
/* Saved, sent to Meta now (TEST_UTIL_NOW) from @country: its id. */
char          *test_ui_submitted_objection (const char *country);
/* Runs the application at @width with @script once its window is drawn. */
void           test_ui_run_app (int width, TestUiScript script, gpointer data);
const char    *test_ui_current_page (ObjectorWindow *window);
void           test_ui_wait_shown (ObjectorWindow *window);
void           test_ui_next (ObjectorWindow *window);
guint          test_ui_dashboard_rows (ObjectorWindow *window);
guint          test_ui_count_shown_rows (GtkListBox *list);
/* On an objection page, exactly one suggested (blue) button: the next
 * step; with @in_view, shown without scrolling. Returns it. */
GtkWidget     *test_ui_assert_next_in_view (GtkWidget *window, gboolean in_view);
void           test_ui_look (ObjectorWindow *window, int width);
/* The window listing emails (read in a worker thread), or NULL. */
ObjectorMailList *test_ui_find_mail_list (void);
ObjectorMailList *test_ui_wait_for_mail_list (void);

G_END_DECLS

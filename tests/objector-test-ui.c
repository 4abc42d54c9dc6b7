/* objector-test-ui.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-objection-page.h"
#include "objector-test-ui.h"
#include "objector-test-util.h"
#include "objector-wizard.h"

/* Widgets */

void
test_ui_collect (GtkWidget      *root,
                 TestUiPredicate predicate,
                 gconstpointer   data,
                 GPtrArray      *found)
{
  /* Only what a person can see: not the stack's hidden pages. */
  if (!gtk_widget_get_child_visible (root) || !gtk_widget_get_visible (root))
    return;
  if (predicate (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    test_ui_collect (child, predicate, data, found);
}

GtkWidget *
test_ui_find (GtkWidget      *root,
              TestUiPredicate predicate,
              gconstpointer   data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_ui_collect (root, predicate, data, found);
  if (found->len == 0)
    return NULL;
  return g_ptr_array_index (found, 0);
}

gboolean
test_ui_is_button_labelled (GtkWidget    *widget,
                            gconstpointer data)
{
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget) || GTK_IS_TOGGLE_BUTTON (widget))
    return FALSE;
  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0)
    return TRUE;
  child = gtk_button_get_child (GTK_BUTTON (widget));
  return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), data) == 0;
}

gboolean
test_ui_is_type (GtkWidget    *widget,
                 gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

gboolean
test_ui_is_entry_row_titled (GtkWidget    *widget,
                             gconstpointer data)
{
  return ADW_IS_ENTRY_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

gboolean
test_ui_is_check_labelled (GtkWidget    *widget,
                           gconstpointer data)
{
  GtkWidget *child;

  if (!GTK_IS_CHECK_BUTTON (widget))
    return FALSE;
  if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), data) == 0)
    return TRUE;
  child = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget));
  return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), data) == 0;
}

gboolean
test_ui_is_label_text (GtkWidget    *widget,
                       gconstpointer data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
is_label_exactly (GtkWidget    *widget,
                  gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

gboolean
test_ui_is_menu_button_labelled (GtkWidget    *widget,
                                 gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget)
         && (g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0
             || g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0);
}

gboolean
test_ui_is_activatable_row (GtkWidget    *widget,
                            gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));
}

void
test_ui_click (GtkWidget  *root,
               const char *label)
{
  GtkWidget *button = test_ui_find (root, test_ui_is_button_labelled, label);

  if (button == NULL)
    g_error ("no button “%s”", label);
  if (!gtk_widget_is_sensitive (button))
    g_error ("button “%s” is not sensitive", label);
  g_signal_emit_by_name (button, "clicked");
}

/* Opens the menu, then activates the item. */
void
test_ui_choose (GtkWidget  *root,
                const char *menu,
                const char *item)
{
  GtkWidget *button = test_ui_find (root, test_ui_is_menu_button_labelled, menu);
  GtkWidget *popover, *label;

  if (button == NULL)
    g_error ("no menu “%s”", menu);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  test_util_wait_until (gtk_widget_get_mapped (popover));
  label = test_ui_find (popover, is_label_exactly, item);
  if (label == NULL)
    g_error ("no item “%s” in the menu “%s”", item, menu);
  gtk_widget_activate (gtk_widget_get_ancestor (label, g_type_from_name ("GtkModelButton")));
}

/* Keyboard: a key goes to the focus first, then up through its ancestors,
 * to the first of their shortcuts it triggers, as GTK delivers it: the
 * window's Tab and Enter, the wizard's Alt+Right, a list's Enter. */
static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 GtkShortcutTrigger *key)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), key)
           || trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), key);
  return gtk_shortcut_trigger_equal (trigger, key);
}

/* Runs the first of @widget's own shortcuts that @key triggers, if any. */
static gboolean
widget_takes_key (GtkWidget          *widget,
                  GtkShortcutTrigger *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), key)
              && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               widget, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

static void
count_clicked_cb (GtkButton *button,
                  guint     *clicked)
{
  (*clicked)++;
}

gboolean
test_ui_takes_key (GtkWidget      *widget,
                   guint           keyval,
                   GdkModifierType modifiers)
{
  g_autoptr(GtkShortcutTrigger) key = gtk_keyval_trigger_new (keyval, modifiers);

  return widget_takes_key (widget, key);
}

void
test_ui_press (GtkWidget      *window,
               guint           keyval,
               GdkModifierType modifiers)
{
  g_autoptr(GtkShortcutTrigger) key = gtk_keyval_trigger_new (keyval, modifiers);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  guint clicked = 0;
  gulong handler = 0;

  /* A button activated by a key is clicked a moment later, when GTK
   * releases it: wait for that, not for a time. */
  if (GTK_IS_BUTTON (focus))
    handler = g_signal_connect (focus, "clicked", G_CALLBACK (count_clicked_cb), &clicked);
  for (GtkWidget *w = focus != NULL ? focus : window; w != NULL; w = gtk_widget_get_parent (w))
    if (widget_takes_key (w, key))
      {
        if (handler != 0 && (keyval == GDK_KEY_Return || keyval == GDK_KEY_space))
          test_util_wait_until (clicked > 0);
        if (handler != 0)
          g_signal_handler_disconnect (focus, handler);
        return;
      }
  g_error ("nothing took the key %s", gtk_accelerator_name (keyval, modifiers));
}

/* Tab until the focus is on (or in) a widget @predicate accepts. */
GtkWidget *
test_ui_tab_to (GtkWidget      *window,
                TestUiPredicate predicate,
                gconstpointer   data)
{
  for (guint i = 0; i < 80; i++)
    {
      for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_parent (w))
        if (predicate (w, data))
          return w;
      test_ui_press (window, GDK_KEY_Tab, 0);
    }
  g_error ("Tab never reached the widget");
}

/* Types @text where the focus is, as an input method would commit it. */
void
test_ui_type_text (GtkWidget  *window,
                   const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
}

/* Waiting for what a person would see: never for a time, always for a
 * condition (bounded by the harness's TEST_UTIL_WAIT_SECONDS). */

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *painted)
{
  (*painted)++;
}

static gboolean
keep_ticking_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

/* @widget is mapped, has been given a size, and its window has laid out and
 * painted two whole frames since: it is drawn as it now is. (A frame lays
 * out before it paints; a size found in one frame's layout may ask for
 * another, which the second frame does.) */
void
test_ui_wait_drawn (GtkWidget *widget)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gulong handler;
  guint tick;

  test_util_wait_until (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &painted);
  /* A widget with a tick callback keeps its window's clock making frames. */
  tick = gtk_widget_add_tick_callback (widget, keep_ticking_cb, NULL, NULL);
  test_util_wait_until (painted >= 2);
  gtk_widget_remove_tick_callback (widget, tick);
  g_signal_handler_disconnect (clock, handler);
}

/* The first toplevel window of @type, or NULL. */
GtkWidget *
test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return GTK_WIDGET (toplevel);
    }
  return NULL;
}

/* A window of @type is open, and drawn. */
GtkWidget *
test_ui_wait_toplevel (GType type)
{
  GtkWidget *toplevel;

  test_util_wait_until ((toplevel = test_ui_find_toplevel (type)) != NULL);
  test_ui_wait_drawn (toplevel);
  return toplevel;
}

/* What reached the "browser" */
GPtrArray *test_ui_launched;

gboolean
test_ui_record_launch (GtkWindow  *parent,
                       const char *uri,
                       GError    **error)
{
  g_ptr_array_add (test_ui_launched, g_strdup (uri));
  return TRUE;
}

/* Screenshots and width */

void
test_ui_save_screenshot (GtkWidget  *window,
                         const char *name,
                         int         width)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s-%d.png", name, width);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int w, h;

  test_ui_wait_drawn (window);
  w = gtk_widget_get_width (window);
  h = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL || renderer == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_mkdir_with_parents (dir, 0755);
  gdk_texture_save_to_png (texture, path);
  g_test_message ("screenshot %s (%d×%d)", path, w, h);
}

static void
report_widths (GtkWidget *widget,
               int        depth)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= 300 || depth > 14)
    return;
  g_printerr ("%*s%s %d\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget), minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      report_widths (child, depth + 1);
}

/* Nothing may ask for more than the narrowest phone. */
void
test_ui_assert_fits (GtkWidget  *window,
                     const char *page)
{
  /* The main window's content, a dialog's content, or the whole of a message dialog. */
  GtkWidget *content = ADW_IS_APPLICATION_WINDOW (window) ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))
                       : ADW_IS_WINDOW (window) ? adw_window_get_content (ADW_WINDOW (window))
                       : window;
  int minimum = 0;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 360)
    report_widths (content, 0);
  if (minimum > 360)
    g_error ("page %s needs %d px, more than 360", page, minimum);

  /* No text is cut: a label that may ellipsize has all the room it wants. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    test_ui_collect (content, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
    for (guint i = 0; i < labels->len; i++)
      {
        GtkLabel *label = g_ptr_array_index (labels, i);

        /* Zero-width labels are parts a widget keeps folded away, not text on show. */
        if (!gtk_widget_get_mapped (GTK_WIDGET (label))
            || gtk_widget_get_width (GTK_WIDGET (label)) == 0
            || gtk_label_get_ellipsize (label) == PANGO_ELLIPSIZE_NONE)
          continue;
        if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
          {
            int natural = 0;
            gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
            g_error ("page %s: “%s” is cut (%d px, wants %d)", page, gtk_label_get_text (label),
                     gtk_widget_get_width (GTK_WIDGET (label)), natural);
          }
      }
  }
}

/* Accessibility: every control a person can reach has a name. */

static gboolean
has_text_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (has_text_label (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_named (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL)
      || gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_LIST_BOX_ROW (widget))
    return has_text_label (widget);
  return FALSE;
}

static gboolean
needs_name (GtkWidget    *widget,
            gconstpointer data)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  /* Library-internal parts take their name from the widget around them. */
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON) != NULL && !GTK_IS_MENU_BUTTON (widget))
    return FALSE;
  if (GTK_IS_TEXT (widget) && (gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_ENTRY)
                               || gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW)))
    return FALSE;
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return FALSE;

  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget)
         || GTK_IS_TEXT_VIEW (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_TEXT (widget)
         || GTK_IS_MENU_BUTTON (widget) || ADW_IS_ENTRY_ROW (widget)
         || (GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget))
             && gtk_widget_get_focusable (widget));
}

void
test_ui_assert_accessible (GtkWidget  *window,
                           const char *page)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();

  test_ui_collect (window, needs_name, NULL, controls);
  g_assert_cmpuint (controls->len, >, 0);
  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (controls, i);

      if (!is_named (w))
        g_error ("page %s: a %s has no accessible name", page, G_OBJECT_TYPE_NAME (w));
    }
}

/* The stored truth, read back as another process would. */
ObjectorState
test_ui_stored_state (const char *id)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  ObjectorObjection *o;

  g_assert_true (objector_store_load (store, NULL));
  o = objector_store_lookup (store, id, NULL);
  g_assert_nonnull (o);
  return objector_objection_get_state (o);
}

guint
test_ui_count_events (const char   *id,
                      ObjectorEvent event)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  ObjectorObjection *o;
  GPtrArray *history;
  guint n = 0;

  g_assert_true (objector_store_load (store, NULL));
  o = objector_store_lookup (store, id, NULL);
  history = objector_objection_get_history (o);
  for (guint i = 0; i < history->len; i++)
    if (((ObjectorTransition *) g_ptr_array_index (history, i))->event == event)
      n++;
  return n;
}

char *
test_ui_submitted_objection (const char *country)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  g_autoptr(ObjectorObjection) o =
    test_util_objection_at ("facebook-objection", country, TEST_UTIL_NOW,
                            OBJECTOR_EVENT_COMPLETE_DETAILS, TEST_UTIL_NOW,
                            OBJECTOR_EVENT_OPEN_FORM, TEST_UTIL_NOW,
                            OBJECTOR_EVENT_SUBMIT, TEST_UTIL_NOW,
                            -1);

  g_assert_true (objector_store_load (store, NULL));
  objector_objection_set_reason (o, "I object.");
  g_assert_true (objector_store_add (store, o, NULL));
  return g_strdup (objector_objection_get_id (o));
}

/* The application under test */

typedef struct
{
  TestUiScript   script;
  gpointer data;
  gboolean ran;
} Run;

static void
activate_cb (GApplication *app,
             Run          *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* No transitions: the page shown is the only page there. */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                /* GNOME's own title bar buttons, not Xvfb's fallback set. */
                "gtk-decoration-layout", "appmenu:close",
                NULL);
  test_ui_wait_drawn (GTK_WIDGET (window));
  run->script (OBJECTOR_APPLICATION (app), OBJECTOR_WINDOW (window), run->data);
  run->ran = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

void
test_ui_run_app (int          width,
                 TestUiScript script,
                 gpointer     data)
{
  g_autoptr(ObjectorApplication) app = objector_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  char *argv[] = { (char *) "objector", NULL };
  Run run = { script, data, FALSE };

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", width < 600 ? 640 : 800);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  g_assert_true (run.ran);
}

const char *
test_ui_current_page (ObjectorWindow *window)
{
  return objector_page_get_id (objector_wizard_get_current_page (objector_window_get_wizard (window)));
}

/* What the window shows now (in the wizard, its current page) is on
 * screen and drawn. */
void
test_ui_wait_shown (ObjectorWindow *window)
{
  if (g_strcmp0 (objector_window_get_view (window), "wizard") == 0)
    {
      GtkWidget *page = GTK_WIDGET (objector_wizard_get_current_page (objector_window_get_wizard (window)));
      GtkStack *stack = GTK_STACK (gtk_widget_get_parent (page));

      test_util_wait_until (gtk_stack_get_visible_child (stack) == page);
      test_ui_wait_drawn (page);
    }
  test_ui_wait_drawn (GTK_WIDGET (window));
}

void
test_ui_next (ObjectorWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (objector_window_get_wizard (window)), "wizard.next", NULL));
  test_ui_wait_shown (window);
}

/* The objections the overview lists, under all its headings. */
guint
test_ui_dashboard_rows (ObjectorWindow *window)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");
  test_ui_collect (GTK_WIDGET (window), test_ui_is_activatable_row, NULL, rows);
  return rows->len;
}

/* The rows of @list that its filter lets through. */
guint
test_ui_count_shown_rows (GtkListBox *list)
{
  guint n = 0;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      n++;
  return n;
}

static gboolean
is_suggested (GtkWidget    *widget,
              gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "suggested-action") && gtk_widget_get_mapped (widget);
}

GtkWidget *
test_ui_assert_next_in_view (GtkWidget *window,
                             gboolean   in_view)
{
  g_autoptr(GPtrArray) suggested = g_ptr_array_new ();
  GtkWidget *next, *scrolled;
  graphene_rect_t bounds;

  test_ui_wait_drawn (window);
  test_ui_collect (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), is_suggested, NULL, suggested);
  g_assert_cmpuint (suggested->len, ==, 1);
  next = g_ptr_array_index (suggested, 0);
  scrolled = gtk_widget_get_ancestor (next, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  if (in_view)
    {
      g_assert_true (gtk_widget_compute_bounds (next, scrolled, &bounds));
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
    }
  return next;
}

/* What every wizard page must hold, and its screenshot; on an objection
 * page, one blue button: the next step, in view at 1280 px. */
void
test_ui_look (ObjectorWindow *window,
              int             width)
{
  const char *page = test_ui_current_page (window);
  g_autofree char *name = g_strdup (g_str_has_prefix (page, "objection:") ? "objection" : page);
  GtkWidget *current = GTK_WIDGET (objector_wizard_get_current_page (objector_window_get_wizard (window)));

  if (OBJECTOR_IS_OBJECTION_PAGE (current))
    {
      g_free (name);
      name = g_strdup_printf ("objection-%s", objector_page_get_title (OBJECTOR_PAGE (current)));
      g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", '-');
    }

  test_ui_wait_shown (window);
  test_ui_assert_fits (GTK_WIDGET (window), page);
  test_ui_assert_accessible (GTK_WIDGET (window), page);
  if (OBJECTOR_IS_OBJECTION_PAGE (current))
    test_ui_assert_next_in_view (GTK_WIDGET (window), width >= 1280);
  test_ui_save_screenshot (GTK_WIDGET (window), name, width);
}

ObjectorMailList *
test_ui_find_mail_list (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) t = g_list_model_get_item (toplevels, i);
      GtkWidget *list = test_ui_find (GTK_WIDGET (t), test_ui_is_type, GSIZE_TO_POINTER (OBJECTOR_TYPE_MAIL_LIST));

      if (list != NULL)
        return OBJECTOR_MAIL_LIST (list);
    }
  return NULL;
}

ObjectorMailList *
test_ui_wait_for_mail_list (void)
{
  ObjectorMailList *list;

  test_util_wait_until ((list = test_ui_find_mail_list ()) != NULL);
  test_ui_wait_drawn (GTK_WIDGET (list));
  return list;
}

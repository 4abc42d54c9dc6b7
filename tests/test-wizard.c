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
#include "objector-complaint-section.h"
#include "objector-dashboard.h"
#include "objector-mail-list.h"
#include "objector-objection-page.h"
#include "objector-ui-util.h"
#include "objector-window.h"
#include "objector-wizard.h"
#include "objector-test-util.h"

/* Widgets */

typedef gboolean (*Predicate) (GtkWidget *widget, gconstpointer data);

static void
collect (GtkWidget  *root,
         Predicate   predicate,
         gconstpointer data,
         GPtrArray  *found)
{
  /* Only what a person can see: not the stack's hidden pages. */
  if (!gtk_widget_get_child_visible (root) || !gtk_widget_get_visible (root))
    return;
  if (predicate (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect (child, predicate, data, found);
}

static GtkWidget *
find (GtkWidget    *root,
      Predicate     predicate,
      gconstpointer data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, predicate, data, found);
  if (found->len == 0)
    return NULL;
  return g_ptr_array_index (found, 0);
}

static gboolean
is_button_labelled (GtkWidget    *widget,
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

static gboolean
is_type (GtkWidget    *widget,
         gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
is_entry_row_titled (GtkWidget    *widget,
                     gconstpointer data)
{
  return ADW_IS_ENTRY_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_check_labelled (GtkWidget    *widget,
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

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find (root, is_button_labelled, label);

  if (button == NULL)
    g_error ("no button “%s”", label);
  if (!gtk_widget_is_sensitive (button))
    g_error ("button “%s” is not sensitive", label);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_label_text (GtkWidget    *widget,
               gconstpointer data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* A menu button by its label, or its tooltip when it shows an icon. */
static gboolean
is_menu_button_labelled (GtkWidget    *widget,
                         gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget)
         && (g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0
             || g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0);
}

static gboolean
is_suggested (GtkWidget    *widget,
              gconstpointer data)
{
  return gtk_widget_has_css_class (widget, "suggested-action") && gtk_widget_get_mapped (widget);
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

static void
press (GtkWidget       *window,
       guint            keyval,
       GdkModifierType  modifiers)
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
static GtkWidget *
tab_to (GtkWidget    *window,
        Predicate     predicate,
        gconstpointer data)
{
  for (guint i = 0; i < 80; i++)
    {
      for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_parent (w))
        if (predicate (w, data))
          return w;
      press (window, GDK_KEY_Tab, 0);
    }
  g_error ("Tab never reached the widget");
}

/* Types @text where the focus is, as an input method would commit it. */
static void
type_text (GtkWidget  *window,
           const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), text);
}

/* Picks @item of the menu of the button labelled @menu, as a person does:
 * opens it, then activates the item. */
static void
choose (GtkWidget  *root,
        const char *menu,
        const char *item)
{
  GtkWidget *button = find (root, is_menu_button_labelled, menu);
  GtkWidget *popover, *label;

  if (button == NULL)
    g_error ("no menu “%s”", menu);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  test_util_wait_until (gtk_widget_get_mapped (popover));
  label = find (popover, is_label_text, item);
  if (label == NULL)
    g_error ("no item “%s” in the menu “%s”", item, menu);
  gtk_widget_activate (gtk_widget_get_ancestor (label, g_type_from_name ("GtkModelButton")));
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
static void
wait_drawn (GtkWidget *widget)
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
static GtkWidget *
find_toplevel (GType type)
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
static GtkWidget *
wait_toplevel (GType type)
{
  GtkWidget *toplevel;

  test_util_wait_until ((toplevel = find_toplevel (type)) != NULL);
  wait_drawn (toplevel);
  return toplevel;
}

static void fresh_data (void);

/* What reached the "browser" */
static GPtrArray *launched;

static gboolean
record_launch (GtkWindow   *parent,
               const char  *uri,
               GError     **error)
{
  g_ptr_array_add (launched, g_strdup (uri));
  return TRUE;
}

/* Screenshots and width */

static void
save_screenshot (GtkWidget  *window,
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

  wait_drawn (window);
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
static void
assert_fits (GtkWidget  *window,
             const char *page)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int minimum = 0;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 360)
    report_widths (content, 0);
  if (minimum > 360)
    g_error ("page %s needs %d px, more than 360", page, minimum);

  /* No text is cut: a label that may ellipsize has all the room it wants. */
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    collect (content, is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
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

static void
assert_accessible (GtkWidget  *window,
                   const char *page)
{
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();

  collect (window, needs_name, NULL, controls);
  g_assert_cmpuint (controls->len, >, 0);
  for (guint i = 0; i < controls->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (controls, i);

      if (!is_named (w))
        g_error ("page %s: a %s has no accessible name", page, G_OBJECT_TYPE_NAME (w));
    }
}

/* The stored truth, read back as another process would. */
static ObjectorState
stored_state (const char *id)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);
  ObjectorObjection *o;

  g_assert_true (objector_store_load (store, NULL));
  o = objector_store_lookup (store, id, NULL);
  g_assert_nonnull (o);
  return objector_objection_get_state (o);
}

static guint
count_events (const char    *id,
              ObjectorEvent  event)
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

/* The application under test */

typedef void (*Script) (ObjectorApplication *app, ObjectorWindow *window, gpointer data);

typedef struct
{
  Script   script;
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
  wait_drawn (GTK_WIDGET (window));
  run->script (OBJECTOR_APPLICATION (app), OBJECTOR_WINDOW (window), run->data);
  run->ran = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
run_app (int      width,
         Script   script,
         gpointer data)
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

static const char *
current_page (ObjectorWindow *window)
{
  return objector_page_get_id (objector_wizard_get_current_page (objector_window_get_wizard (window)));
}

/* What the window shows now (in the wizard, its current page) is on
 * screen and drawn. */
static void
wait_shown (ObjectorWindow *window)
{
  if (g_strcmp0 (objector_window_get_view (window), "wizard") == 0)
    {
      GtkWidget *page = GTK_WIDGET (objector_wizard_get_current_page (objector_window_get_wizard (window)));
      GtkStack *stack = GTK_STACK (gtk_widget_get_parent (page));

      test_util_wait_until (gtk_stack_get_visible_child (stack) == page);
      wait_drawn (page);
    }
  wait_drawn (GTK_WIDGET (window));
}

static void
next (ObjectorWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (objector_window_get_wizard (window)), "wizard.next", NULL));
  wait_shown (window);
}

static gboolean
is_activatable_row (GtkWidget    *widget,
                    gconstpointer data)
{
  return ADW_IS_ACTION_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget));
}

/* The objections the overview lists. */
static guint
dashboard_rows (ObjectorWindow *window)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");
  collect (GTK_WIDGET (window), is_activatable_row, NULL, rows);
  return rows->len;
}

/* The rows of @list that its filter lets through. */
static guint
count_shown_rows (GtkListBox *list)
{
  guint n = 0;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      n++;
  return n;
}

/* On an objection page, one button is suggested: the next step. With
 * @in_view (a window 1280×800), it shows without scrolling. Returns it. */
static GtkWidget *
assert_next_in_view (GtkWidget *window,
                     gboolean   in_view)
{
  g_autoptr(GPtrArray) suggested = g_ptr_array_new ();
  GtkWidget *next, *scrolled;
  graphene_rect_t bounds;

  wait_drawn (window);
  collect (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), is_suggested, NULL, suggested);
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

static void
look (ObjectorWindow *window,
      int             width)
{
  const char *page = current_page (window);
  g_autofree char *name = g_strdup (g_str_has_prefix (page, "objection:") ? "objection" : page);
  GtkWidget *current = GTK_WIDGET (objector_wizard_get_current_page (objector_window_get_wizard (window)));

  if (OBJECTOR_IS_OBJECTION_PAGE (current))
    {
      g_free (name);
      name = g_strdup_printf ("objection-%s", objector_page_get_title (OBJECTOR_PAGE (current)));
      g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-", '-');
    }

  wait_shown (window);
  assert_fits (GTK_WIDGET (window), page);
  assert_accessible (GTK_WIDGET (window), page);
  if (OBJECTOR_IS_OBJECTION_PAGE (current))
    assert_next_in_view (GTK_WIDGET (window), width >= 1280);
  save_screenshot (GTK_WIDGET (window), name, width);
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
  g_assert_cmpstr (current_page (window), ==, "welcome");
  look (window, width);

  next (window);
  g_assert_cmpstr (current_page (window), ==, "country");
  g_assert_false (objector_page_get_complete (objector_wizard_get_current_page (objector_window_get_wizard (window))));
  search = find (w, is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  countries = find (w, is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX));
  g_assert_nonnull (countries);
  g_assert_cmpuint (count_shown_rows (GTK_LIST_BOX (countries)), >, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "germ");
  /* search-changed comes a moment later: wait for the filter to show Germany alone. */
  test_util_wait_until (count_shown_rows (GTK_LIST_BOX (countries)) == 1);
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (objector_draft_get_country (draft), ==, "DE");
  look (window, width);

  next (window);
  g_assert_cmpstr (current_page (window), ==, "accounts");
  click (w, "Add a _Facebook Account");
  row = find (w, is_entry_row_titled, "Facebook name");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Zoë");
  click (w, "Add an _Instagram Account");
  row = find (w, is_entry_row_titled, "Instagram name");
  gtk_editable_set_text (GTK_EDITABLE (row), "zoe_photos");
  g_assert_cmpuint (objector_draft_get_n_accounts (draft), ==, 2);
  look (window, width);

  next (window);
  g_assert_cmpstr (current_page (window), ==, "details");
  g_assert_false (objector_page_get_complete (objector_wizard_get_current_page (objector_window_get_wizard (window))));
  row = find (w, is_entry_row_titled, "_Email address");
  gtk_editable_set_text (GTK_EDITABLE (row), "not an address");
  g_assert_false (objector_page_get_complete (objector_wizard_get_current_page (objector_window_get_wizard (window))));
  gtk_editable_set_text (GTK_EDITABLE (row), "zoe@example.org");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (w, is_check_labelled,
                                                       "A _fuller statement citing the GDPR, Article 21(1)")), TRUE);
  g_assert_cmpstr (objector_draft_get_reason_kind (draft), ==, "full");
  test_util_assert_contains (objector_draft_get_reason (draft), "21(1)");
  g_assert_true (objector_page_get_complete (objector_wizard_get_current_page (objector_window_get_wizard (window))));
  look (window, width);

  /* Leaving the details makes one objection per account and path. */
  next (window);
  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 3);
  fb = g_strdup (ids[0]);
  ig = g_strdup (ids[1]);
  tp = g_strdup (ids[2]);
  g_assert_true (g_str_has_suffix (current_page (window), fb));
  g_assert_cmpint (stored_state (fb), ==, OBJECTOR_STATE_READY);
  look (window, width);

  /* Facebook: open the form, submit, type the code. */
  g_ptr_array_set_size (launched, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (objector_wizard_get_current_page (objector_window_get_wizard (window))),
                                             "path.open-form", NULL));
  g_assert_cmpuint (launched->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (launched, 0), ==,
                   objector_path_get_form_url (objector_playbook_lookup_path (playbook, "facebook-objection")));
  g_assert_cmpint (stored_state (fb), ==, OBJECTOR_STATE_FORM_OPENED);
  {
    /* The history says which of Meta's forms was opened. */
    g_autoptr(ObjectorStore) store = objector_store_new (NULL);
    GPtrArray *history;

    g_assert_true (objector_store_load (store, NULL));
    history = objector_objection_get_history (objector_store_lookup (store, fb, NULL));
    g_assert_cmpstr (((ObjectorTransition *) g_ptr_array_index (history, history->len - 1))->note, ==,
                     "Meta’s 2025 form: https://www.facebook.com/help/contact/712876720715583");
  }
  click (w, "I Have _Submitted the Form");
  g_assert_cmpint (stored_state (fb), ==, OBJECTOR_STATE_SUBMITTED);
  choose (w, "More Actions", "I Typed In the Six-Digit Code From Meta’s Email");
  g_assert_cmpint (stored_state (fb), ==, OBJECTOR_STATE_CONFIRMED);
  look (window, width);

  /* Instagram: sent from the phone, never opened here. */
  next (window);
  g_assert_true (g_str_has_suffix (current_page (window), ig));
  click (w, "I Have _Submitted the Form");
  g_assert_cmpint (stored_state (ig), ==, OBJECTOR_STATE_SUBMITTED);
  /* Only what happened: no opening of the form is invented. */
  g_assert_cmpuint (count_events (ig, OBJECTOR_EVENT_OPEN_FORM), ==, 0);
  /* A mistake, undone from its toast: the history keeps both. */
  click (w, "_Undo");
  g_assert_cmpint (stored_state (ig), ==, OBJECTOR_STATE_READY);
  click (w, "I Have _Submitted the Form");
  g_assert_cmpint (stored_state (ig), ==, OBJECTOR_STATE_SUBMITTED);
  g_assert_cmpuint (count_events (ig, OBJECTOR_EVENT_SUBMIT), ==, 2);
  g_assert_cmpuint (count_events (ig, OBJECTOR_EVENT_UNDO), ==, 1);
  look (window, width);

  /* The third-party request, skipped for now. */
  next (window);
  g_assert_true (g_str_has_suffix (current_page (window), tp));
  g_assert_cmpint (stored_state (tp), ==, OBJECTOR_STATE_READY);
  look (window, width);

  next (window);
  g_assert_cmpstr (current_page (window), ==, "done");
  look (window, width);

  /* Ask the people around: a message to copy. */
  click (w, "Ask Friends and Family to _Object Too");
  {
    GtkWidget *dialog = wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    test_util_assert_contains (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "https://");
    save_screenshot (dialog, "ask-people", width);
    /* As a person closes it: its button answers and closes it. */
    click (dialog, "_Close");
    test_util_wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  }

  next (window);
  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");
  g_assert_true (objector_draft_get_finished (draft));
  assert_fits (w, "dashboard");
  assert_accessible (w, "dashboard");
  save_screenshot (w, "dashboard", width);
}

static void
dashboard_script (ObjectorApplication *app,
                  ObjectorWindow      *window,
                  gpointer             data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  /* Reopened: the same place, the overview, with each objection. */
  g_assert_cmpuint (dashboard_rows (window), ==, 3);
  collect (GTK_WIDGET (window), is_activatable_row, NULL, rows);

  /* A row opens its objection, to continue it. */
  gtk_widget_activate (g_ptr_array_index (rows, 2));
  g_assert_cmpstr (objector_window_get_view (window), ==, "detail");
  assert_accessible (GTK_WIDGET (window), "detail");
  save_screenshot (GTK_WIDGET (window), "detail", GPOINTER_TO_INT (data));

  /* The About window credits the data sources and names the playbook. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  {
    GtkWidget *about = wait_toplevel (ADW_TYPE_ABOUT_WINDOW);

    test_util_assert_contains (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)), "bundled");
    gtk_window_destroy (GTK_WINDOW (about));
  }
}

static void
test_german_resident (gconstpointer data)
{
  fresh_data ();
  launched = g_ptr_array_new_with_free_func (g_free);
  objector_ui_set_uri_launcher_for_testing (record_launch);

  run_app (GPOINTER_TO_INT (data), german_script, (gpointer) data);
  run_app (GPOINTER_TO_INT (data), dashboard_script, (gpointer) data);

  g_clear_pointer (&launched, g_ptr_array_unref);
}

/* Closed in the middle, reopened days later: the same step, all filled in. */
static void
stop_at_details (ObjectorApplication *app,
                 ObjectorWindow      *window,
                 gpointer             data)
{
  ObjectorDraft *draft = objector_application_get_draft (app);

  next (window);
  objector_draft_set_country (draft, "FR");
  next (window);
  click (GTK_WIDGET (window), "Add an _Instagram Account");
  next (window);
  g_assert_cmpstr (current_page (window), ==, "details");
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (window), is_entry_row_titled, "_Email address")),
                         "camille@example.fr");
}

static void
resume_at_details (ObjectorApplication *app,
                   ObjectorWindow      *window,
                   gpointer             data)
{
  GtkWidget *row;

  g_assert_cmpstr (objector_window_get_view (window), ==, "wizard");
  g_assert_cmpstr (current_page (window), ==, "details");
  row = find (GTK_WIDGET (window), is_entry_row_titled, "_Email address");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "camille@example.fr");
  g_assert_cmpuint (objector_draft_get_n_accounts (objector_application_get_draft (app)), ==, 1);
}

static void
test_resume (void)
{
  fresh_data ();
  run_app (1280, stop_at_details, NULL);
  run_app (1280, resume_at_details, NULL);
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
  next (window);
  objector_draft_set_country (draft, "DE");
  next (window);
  click (GTK_WIDGET (window), "Add a _Facebook Account");
  next (window);
  gtk_editable_set_text (GTK_EDITABLE (find (GTK_WIDGET (window), is_entry_row_titled, "_Email address")),
                         "sam@example.com");
  next (window);
  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 2);
  first_fb = g_strdup (ids[0]);

  /* ...then back to say they live in the US. */
  objector_wizard_go_to (wizard, "country");
  objector_draft_set_country (draft, "US");
  g_assert_false (objector_page_get_applies (objector_wizard_get_page (wizard, "accounts")));
  next (window);
  g_assert_cmpstr (current_page (window), ==, "details");  /* accounts skipped */
  next (window);
  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 1);
  g_assert_cmpint (stored_state (first_fb), ==, OBJECTOR_STATE_WITHDRAWN);
  {
    g_autoptr(ObjectorStore) store = objector_store_new (NULL);
    objector_store_load (store, NULL);
    g_assert_cmpstr (objector_objection_get_path_id (objector_store_lookup (store, ids[0], NULL)), ==, "third-party");
  }

  click (GTK_WIDGET (window), "I Have _Submitted the Form");
  g_assert_cmpint (stored_state (ids[0]), ==, OBJECTOR_STATE_SUBMITTED);
  next (window);
  next (window);
  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");
}

/* A fresh start, and what reaches the browser recorded. */
static void
run_fresh (int      width,
           Script   script,
           gpointer data)
{
  fresh_data ();
  launched = g_ptr_array_new_with_free_func (g_free);
  objector_ui_set_uri_launcher_for_testing (record_launch);
  run_app (width, script, data);
  g_clear_pointer (&launched, g_ptr_array_unref);
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

  next (window);
  objector_draft_set_country (draft, "DE");
  next (window);
  g_assert_cmpstr (current_page (window), ==, "accounts");
  click (w, "Add a _Facebook Account");
  gtk_editable_set_text (GTK_EDITABLE (find (w, is_entry_row_titled, "Facebook name")), "Zoë");
  /* One platform only: nothing to link yet. */
  g_assert_null (find (w, is_switch, NULL));
  click (w, "Add an _Instagram Account");
  gtk_editable_set_text (GTK_EDITABLE (find (w, is_entry_row_titled, "Instagram name")), "zoe_photos");
  linked = find (w, is_switch, NULL);
  g_assert_nonnull (linked);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (linked)));
  gtk_switch_set_active (GTK_SWITCH (linked), TRUE);
  g_assert_true (objector_draft_get_accounts_linked (draft));
  click (w, "Add a _WhatsApp Account");
  gtk_editable_set_text (GTK_EDITABLE (find (w, is_entry_row_titled, "WhatsApp phone number")), "+49 151 23456789");
  look (window, 360);

  next (window);
  gtk_editable_set_text (GTK_EDITABLE (find (w, is_entry_row_titled, "_Email address")), "zoe@example.org");
  next (window);

  /* One objection for both accounts, one for WhatsApp, the third-party request. */
  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 3);
  g_assert_true (objector_store_load (store, NULL));
  facebook = objector_store_lookup (store, ids[0], NULL);
  g_assert_cmpstr (objector_objection_get_path_id (facebook), ==, "facebook-objection");
  g_assert_cmpstr (objector_objection_get_account (facebook), ==, "Zoë (Facebook), zoe_photos (Instagram)");
  g_assert_cmpstr (objector_objection_get_path_id (objector_store_lookup (store, ids[1], NULL)), ==,
                   "whatsapp-objection");
  look (window, 360);

  next (window);
  g_assert_true (g_str_has_suffix (current_page (window), ids[1]));
  look (window, 360);
}

static void
test_linked_accounts (void)
{
  run_fresh (360, linked_script, NULL);
}

/* The overview: an empty state; then, as objections come, each under the
 * heading of what it needs, needs-you first, and the third-party request
 * under its own heading. */
static gboolean
is_group (GtkWidget    *widget,
          gconstpointer data)
{
  return ADW_IS_PREFERENCES_GROUP (widget);
}

static guint
group_rows (GtkWidget *group)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (group, is_activatable_row, NULL, rows);
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
  const char *headings[] = { "Needs You", "Time to Complain", "Waiting for Meta", "Done", "Withdrawn",
                             "Requests About What Others Share" };
  const guint rows[] = { 1, 1, 2, 1, 1, 1 };
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  GtkWidget *empty;

  /* Nothing yet: a status page that says so and offers to start. */
  objector_window_show_dashboard (window);
  wait_drawn (w);
  empty = find (w, is_type, GSIZE_TO_POINTER (ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Objections Yet");
  g_assert_cmpuint (dashboard_rows (window), ==, 0);

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
  test_util_wait_until (dashboard_rows (window) == 7);
  wait_drawn (w);

  collect (w, is_group, NULL, groups);
  g_assert_cmpuint (groups->len, ==, G_N_ELEMENTS (headings));
  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (groups, i);

      g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, headings[i]);
      g_assert_cmpuint (group_rows (group), ==, rows[i]);
    }
  /* Each row says where it stands, in words and with an icon. */
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();

    collect (w, is_activatable_row, NULL, all);
    for (guint i = 0; i < all->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (all, i);

        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, "");
        g_assert_nonnull (find (row, is_type, GSIZE_TO_POINTER (GTK_TYPE_IMAGE)));
      }
  }
  assert_fits (w, "overview");
  assert_accessible (w, "overview");
  save_screenshot (w, "overview", GPOINTER_TO_INT (data));

  /* By keyboard: Tab to the first row, Enter opens it. */
  gtk_widget_grab_focus (find (w, is_menu_button_labelled, "Main Menu"));
  tab_to (w, is_activatable_row, NULL);
  press (w, GDK_KEY_Return, 0);
  g_assert_cmpstr (objector_window_get_view (window), ==, "detail");
}

static void
test_overview (gconstpointer data)
{
  fresh_data ();
  run_app (GPOINTER_TO_INT (data), overview_script, (gpointer) data);
}

static void run_submitted (int width, Script script);

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
  wait_drawn (w);
  /* Waiting for Meta: recording its answer is the next step. */
  next = assert_next_in_view (w, TRUE);
  g_assert_true (GTK_IS_MENU_BUTTON (next));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (next)), ==, "_Meta Answered…");

  choose (w, "_Meta Answered…", "Meta Rejected It");
  g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_REJECTED);
  g_assert_nonnull (find (w, is_label_text, "Rejection recorded"));
  save_screenshot (w, "answer-toast", 1280);

  click (w, "_Undo");
  g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_SUBMITTED);
  g_assert_cmpuint (count_events (id, OBJECTOR_EVENT_LOG_REJECTION), ==, 1);
  g_assert_cmpuint (count_events (id, OBJECTOR_EVENT_UNDO), ==, 1);
  g_assert_nonnull (find (w, is_label_text, "Step undone"));
  /* Undone: waiting again, and no undo of the undo. */
  g_assert_null (find (w, is_button_labelled, "_Undo"));
  g_assert_true (GTK_IS_MENU_BUTTON (assert_next_in_view (w, TRUE)));
}

static void
test_answer_undo (void)
{
  run_submitted (1280, answer_script);
}

/* A German resident files both objections with the keyboard alone, and on
 * each objection page the next step is in view at 1280×800. */
static GtkWidget *
focused_next (GtkWidget *w)
{
  GtkWidget *next = assert_next_in_view (w, TRUE);
  GtkWidget *focus;

  /* The focus follows the step once the page is drawn as it now is. */
  wait_drawn (w);
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
keyboard_script (ObjectorApplication *app,
                 ObjectorWindow      *window,
                 gpointer             data)
{
  ObjectorDraft *draft = objector_application_get_draft (app);
  GtkWidget *w = GTK_WIDGET (window);
  const char * const *ids;
  g_autofree char *fb = NULL;
  g_autofree char *ig = NULL;

  g_assert_cmpstr (current_page (window), ==, "welcome");
  press (w, GDK_KEY_Right, GDK_ALT_MASK);
  wait_shown (window);
  g_assert_cmpstr (current_page (window), ==, "country");
  tab_to (w, is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  type_text (w, "Germany");
  test_util_wait_until (count_shown_rows (GTK_LIST_BOX (find (w, is_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_BOX)))) == 1);
  press (w, GDK_KEY_Return, 0);
  g_assert_cmpstr (objector_draft_get_country (draft), ==, "DE");

  press (w, GDK_KEY_Right, GDK_ALT_MASK);
  wait_shown (window);
  g_assert_cmpstr (current_page (window), ==, "accounts");
  tab_to (w, is_button_labelled, "Add a _Facebook Account");
  press (w, GDK_KEY_Return, 0);
  tab_to (w, is_entry_row_titled, "Facebook name");
  type_text (w, "Zoë");
  tab_to (w, is_button_labelled, "Add an _Instagram Account");
  press (w, GDK_KEY_Return, 0);
  tab_to (w, is_entry_row_titled, "Instagram name");
  type_text (w, "zoe_photos");

  press (w, GDK_KEY_Right, GDK_ALT_MASK);
  wait_shown (window);
  g_assert_cmpstr (current_page (window), ==, "details");
  tab_to (w, is_entry_row_titled, "_Email address");
  type_text (w, "zoe@example.org");
  press (w, GDK_KEY_Right, GDK_ALT_MASK);
  wait_shown (window);

  ids = objector_draft_get_objections (draft);
  g_assert_cmpuint (g_strv_length ((char **) ids), ==, 3);
  fb = g_strdup (ids[0]);
  ig = g_strdup (ids[1]);

  /* Each objection: the page starts on its next step; Enter takes it. */
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? fb : ig;

      g_assert_true (g_str_has_suffix (current_page (window), id));
      g_assert_true (is_button_labelled (focused_next (w), "_Open the Form in Your Browser"));
      press (w, GDK_KEY_Return, 0);
      g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_FORM_OPENED);
      g_assert_true (is_button_labelled (focused_next (w), "I Have _Submitted the Form"));
      press (w, GDK_KEY_Return, 0);
      g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_SUBMITTED);
      /* Sent: the focus stays in the card, on what comes next. */
      g_assert_true (GTK_IS_MENU_BUTTON (focused_next (w)));
      press (w, GDK_KEY_Right, GDK_ALT_MASK);
      wait_shown (window);
    }

  /* The third-party request, skipped; then the end and the overview. */
  g_assert_true (g_str_has_suffix (current_page (window), ids[2]));
  assert_next_in_view (w, TRUE);
  press (w, GDK_KEY_Right, GDK_ALT_MASK);
  wait_shown (window);
  g_assert_cmpstr (current_page (window), ==, "done");
  press (w, GDK_KEY_Right, GDK_ALT_MASK);
  g_assert_cmpstr (objector_window_get_view (window), ==, "dashboard");
  g_assert_cmpuint (dashboard_rows (window), ==, 3);
}

static void
test_keyboard (void)
{
  run_fresh (1280, keyboard_script, NULL);
}

static const char *tmp_home;

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

  assert_fits (root, page);
  /* What the texts look like there, per language: tests/screenshots/<lang>-<page>-360.png */
  {
    g_autofree char *name = g_strdup_printf ("%s-%s", g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C", page);

    save_screenshot (root, name, 360);
  }
  collect (root, is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL), labels);
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
  next (window);
  objector_draft_set_country (draft, "DE");
  objector_wizard_go_to (objector_window_get_wizard (window), "country");
  wait_shown (window);
  dump_page (out, w, "country");
  next (window);
  objector_draft_add_account (draft, "facebook", "Zoë");
  objector_wizard_go_to (objector_window_get_wizard (window), "accounts");
  wait_shown (window);
  dump_page (out, w, "accounts");
  next (window);
  gtk_editable_set_text (GTK_EDITABLE (find (w, is_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW))),
                         "zoe@example.org");
  dump_page (out, w, "details");
  next (window);
  dump_page (out, w, "objection");
  gtk_widget_activate_action (GTK_WIDGET (objector_wizard_get_current_page (objector_window_get_wizard (window))),
                              "path.mark-submitted", NULL);
  wait_shown (window);
  dump_page (out, w, "submitted");
  next (window);
  dump_page (out, w, "third-party");
  next (window);
  dump_page (out, w, "done");
  next (window);
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

  objector_window_show_objection (window, id);
  g_assert_cmpstr (objector_window_get_view (window), ==, "detail");

  /* No grounds yet: no complaint offered. */
  g_assert_null (find (w, is_type, GSIZE_TO_POINTER (OBJECTOR_TYPE_COMPLAINT_SECTION)));

  choose (w, "_Meta Answered…", "Meta Rejected It");
  g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_REJECTED);
  section = find (w, is_type, GSIZE_TO_POINTER (OBJECTOR_TYPE_COMPLAINT_SECTION));
  g_assert_nonnull (section);

  /* Germany: the Land decides the authority. */
  region = find (section, is_type, GSIZE_TO_POINTER (ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (region);
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (region))); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (region))), i),
                   "Bayern") == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (region), i);
  g_assert_cmpstr (objector_draft_get_region (objector_application_get_draft (app)), ==, "Bayern");

  text = objector_complaint_section_get_text (OBJECTOR_COMPLAINT_SECTION (section));
  g_assert_nonnull (text);
  test_util_assert_contains_all (text,
                                 "77",
                                 "zoe@example.org",
                                 "Bay");
  assert_accessible (w, "complaint");
  gtk_widget_grab_focus (find (w, is_button_labelled, "I Have _Filed the Complaint"));
  save_screenshot (w, "complaint", 1280);

  click (w, "I Have _Filed the Complaint");
  g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_ESCALATED);
}

static void
test_complaint (void)
{
  run_submitted (1280, complaint_script);
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
  prefs = wait_toplevel (OBJECTOR_TYPE_PREFERENCES);
  assert_accessible (prefs, "preferences");
  save_screenshot (prefs, "preferences", 1280);

  sw = find (prefs, is_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH));
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
  run_app (1280, preferences_script, NULL);
}

/* The list of emails in an open window, or NULL. */
static ObjectorMailList *
find_mail_list (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) t = g_list_model_get_item (toplevels, i);
      GtkWidget *list = find (GTK_WIDGET (t), is_type, GSIZE_TO_POINTER (OBJECTOR_TYPE_MAIL_LIST));

      if (list != NULL)
        return OBJECTOR_MAIL_LIST (list);
    }
  return NULL;
}

/* The email file is read in a worker thread; then its window opens. */
static ObjectorMailList *
wait_for_mail_list (void)
{
  ObjectorMailList *list;

  test_util_wait_until ((list = find_mail_list ()) != NULL);
  wait_drawn (GTK_WIDGET (list));
  return list;
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
  list = wait_for_mail_list ();
  g_assert_nonnull (list);
  assert_accessible (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW), "mail");
  g_assert_true (objector_mail_list_log (list, 0));
  g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_SUBMITTED);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW)));
  test_util_wait_until (find_mail_list () == NULL);

  objector_mail_list_show_file (GTK_WINDOW (window), objector_application_get_store (app),
                                objector_application_get_playbook (app), approval, id);
  list = wait_for_mail_list ();
  g_assert_nonnull (list);
  save_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW), "mail", 1280);
  g_assert_true (objector_mail_list_log (list, 0));
  g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_APPROVED);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW)));
  test_util_wait_until (find_mail_list () == NULL);

  /* Both are in the timeline, at the end of the page. */
  g_assert_nonnull (find (GTK_WIDGET (window), is_row_titled_prefix, "Email: Your objection request"));
  {
    GtkWidget *row = find (GTK_WIDGET (window), is_row_titled_prefix, "Email: Dein Widerspruch");
    GtkAdjustment *adjustment;

    g_assert_nonnull (row);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW)));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  save_screenshot (GTK_WIDGET (window), "timeline", 1280);
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
  g_autofree char *approval = NULL;
  g_autofree char *mbox = NULL;
  g_autoptr(GPtrArray) places = NULL;
  GtkWidget *dialog;
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
                                     objector_application_get_playbook (app));
  gtk_window_present (GTK_WINDOW (dialog));
  objector_scan_dialog_scan (OBJECTOR_SCAN_DIALOG (dialog), inbox);
  /* The scan runs in a worker thread; its list replaces the progress. */
  test_util_wait_until ((list = (ObjectorMailList *) find (dialog, is_type,
                                                           GSIZE_TO_POINTER (OBJECTOR_TYPE_MAIL_LIST))) != NULL);
  g_assert_nonnull (list);
  assert_accessible (dialog, "scan");
  save_screenshot (dialog, "scan", 1280);
  g_assert_nonnull (find (dialog, is_row_titled_prefix, "Your receipt from Facebook Pay"));
  g_assert_nonnull (find (dialog, is_row_titled_prefix, "New login to Facebook"));
  g_assert_nonnull (find (dialog, is_group_titled, "Not Recognised"));
  g_assert_nonnull (find (dialog, is_group_titled, "Other Emails From Meta"));

  /* Logged on the objection it matches (the address it was sent to). */
  g_assert_true (objector_mail_list_log (list, 0));
  g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_APPROVED);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_scan (void)
{
  run_submitted (1280, scan_script);
}

/* Saved, sent to Meta now (TEST_UTIL_NOW): its id. */
static char *
submitted_objection (const char *country)
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

/* @script, in a window @width wide, on a German resident's objection just sent. */
static void
run_submitted (int    width,
               Script script)
{
  g_autofree char *id = NULL;

  fresh_data ();
  id = submitted_objection ("DE");
  run_app (width, script, id);
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
  list = wait_for_mail_list ();
  g_assert_nonnull (list);
  mail_window = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_WINDOW);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find (mail_window, is_type,
                                                         GSIZE_TO_POINTER (ADW_TYPE_EXPANDER_ROW))), TRUE);
  test_util_wait_until (find (mail_window, is_button_labelled, label) != NULL);
  wait_drawn (mail_window);
  assert_accessible (mail_window, "mail-confirm");
  g_assert_true (objector_mail_list_log (list, 0));
  g_assert_cmpint (stored_state (id), ==, OBJECTOR_STATE_SUBMITTED);
  gtk_window_destroy (GTK_WINDOW (mail_window));
  test_util_wait_until (find_mail_list () == NULL);

  row = find (GTK_WIDGET (window), is_row_titled_prefix, "Email: Your objection request");
  g_assert_nonnull (row);
  test_util_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Unverifiable: nothing shows who sent it");
  gtk_widget_grab_focus (find (GTK_WIDGET (window), is_button_labelled, label));
  wait_drawn (GTK_WIDGET (window));
  assert_fits (GTK_WIDGET (window), "timeline");
  assert_accessible (GTK_WIDGET (window), "timeline");

  click (GTK_WIDGET (window), label);
  test_util_wait_until (stored_state (id) == OBJECTOR_STATE_APPROVED);
  wait_drawn (GTK_WIDGET (window));
  g_assert_null (find (GTK_WIDGET (window), is_button_labelled, label));
  row = find (GTK_WIDGET (window), is_row_titled_prefix, "Email: Your objection request");
  test_util_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                             "Unverifiable — confirmed by you, not verified");
}

static void
test_email_confirm (void)
{
  run_submitted (360, confirm_script);
}

/* With nothing filed, the wizard; with objections filed elsewhere (the
 * command line) and no wizard in progress, the overview. */
static void
opens_wizard (ObjectorApplication *app,
              ObjectorWindow      *window,
              gpointer             data)
{
  g_assert_cmpstr (objector_window_get_view (window), ==, "wizard");
  g_assert_cmpstr (current_page (window), ==, "welcome");
}

static void
opens_dashboard (ObjectorApplication *app,
                 ObjectorWindow      *window,
                 gpointer             data)
{
  g_assert_cmpuint (dashboard_rows (window), ==, 2);
}

static void
test_first_view (void)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);

  fresh_data ();
  run_app (1280, opens_wizard, NULL);

  fresh_data ();
  g_assert_true (objector_store_load (store, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ObjectorObjection) o = objector_objection_new ("third-party", "none", FALSE, NULL);
      g_assert_true (objector_store_add (store, o, NULL));
    }
  run_app (1280, opens_dashboard, NULL);
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
  tmp_home = test_util_root ();
  /* An accessibility context that keeps what widgets tell a screen reader. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (argc == 3 && g_str_equal (argv[1], "--dump-texts"))
    {
      gtk_init ();
      objector_ui_set_check_links_for_testing (FALSE);
      launched = g_ptr_array_new_with_free_func (g_free);
      objector_ui_set_uri_launcher_for_testing (record_launch);
      run_app (360, dump_script, argv[2]);
      test_util_clean_up ();
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

  /* No network here: opening a form goes straight to the (recorded) browser. */
  objector_ui_set_check_links_for_testing (FALSE);

  g_test_add_data_func ("/wizard/german-resident/360", GINT_TO_POINTER (360), test_german_resident);
  g_test_add_data_func ("/wizard/german-resident/1280", GINT_TO_POINTER (1280), test_german_resident);
  g_test_add_func ("/wizard/first-view", test_first_view);
  g_test_add_func ("/wizard/link-actions", test_link_actions);
  g_test_add_func ("/wizard/preferences", test_preferences);
  g_test_add_func ("/wizard/complaint", test_complaint);
  g_test_add_func ("/wizard/email", test_email);
  g_test_add_func ("/wizard/email-confirm", test_email_confirm);
  g_test_add_func ("/wizard/scan", test_scan);
  g_test_add_func ("/wizard/resume", test_resume);
  g_test_add_func ("/wizard/us-resident", test_us_resident);
  g_test_add_func ("/wizard/linked-accounts", test_linked_accounts);
  g_test_add_data_func ("/wizard/overview/360", GINT_TO_POINTER (360), test_overview);
  g_test_add_data_func ("/wizard/overview/1280", GINT_TO_POINTER (1280), test_overview);
  g_test_add_func ("/wizard/answer-undo", test_answer_undo);
  g_test_add_func ("/wizard/keyboard", test_keyboard);

  status = g_test_run ();
  test_util_clean_up ();
  return status;
}

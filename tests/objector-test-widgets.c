/* objector-test-widgets.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-test-widgets.h"
#include "objector-ui-resources.h"

/* GTestDBus empties DISPLAY (against X11's D-Bus autolaunch): kept here. */
static char *display;

gboolean
test_widgets_have_display (void)
{
  g_free (display);
  display = g_strdup (g_getenv ("DISPLAY"));
  return (display != NULL && *display != '\0') || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

void
test_widgets_start (void)
{
  if (display != NULL && *display != '\0')
    g_setenv ("DISPLAY", display, TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  adw_init ();
  /* Links the UI's templates in (the application does the same). */
  (void) objector_ui_get_resource ();
}

static const char *
text_of (GtkWidget *widget)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      if (GTK_IS_LABEL (child))
        return gtk_label_get_label (GTK_LABEL (child));
      return gtk_button_get_label (GTK_BUTTON (widget));
    }
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  return NULL;
}

static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_child_visible (widget);
}

GtkWidget *
test_widgets_find (GtkWidget  *root,
                   GType       type,
                   const char *text)
{
  if (!shown (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (text == NULL || g_strcmp0 (text_of (root), text) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_widgets_find (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
test_widgets_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* A control a person reaches: a button, a check, a switch, an entry, an
 * activatable row. Parts inside a widget that names them are its own. */
static gboolean
is_control (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL)
    return FALSE;
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return FALSE;
  if (GTK_IS_LIST_BOX_ROW (widget))
    return gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) && gtk_widget_get_focusable (widget);
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_TEXT (widget)
         || GTK_IS_DROP_DOWN (widget);
}

static gboolean
has_label_inside (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0') || has_label_inside (child))
      return TRUE;
  return FALSE;
}

static void
assert_named_below (GtkWidget  *widget,
                    const char *what,
                    guint      *n_controls)
{
  if (!shown (widget) || !gtk_widget_get_mapped (widget))
    return;
  if (is_control (widget))
    {
      GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

      (*n_controls)++;
      if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL)
          && !gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY)
          && !has_label_inside (widget))
        g_error ("%s: a %s has no accessible name", what, G_OBJECT_TYPE_NAME (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    assert_named_below (child, what, n_controls);
}

void
test_widgets_assert_accessible (GtkWidget  *window,
                                const char *what)
{
  guint n_controls = 0;

  assert_named_below (window, what, &n_controls);
  g_assert_cmpuint (n_controls, >, 0);
}

void
test_widgets_assert_fits_360 (GtkWidget  *window,
                              const char *what)
{
  int minimum = 0;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 360)
    g_error ("%s needs %d px, more than 360", what, minimum);
}

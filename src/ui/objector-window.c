/* objector-window.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-window.h"

struct _ObjectorWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkListBox           *objections_list;

  ObjectorStore        *store;
};

G_DEFINE_FINAL_TYPE (ObjectorWindow, objector_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
describe_objection (ObjectorObjection *objection)
{
  ObjectorState state = objector_objection_get_state (objection);
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;

  if (due == NULL || !objector_state_is_awaiting (state))
    return g_strdup (objector_state_get_label (state));

  when = g_date_time_new_local (g_date_get_year (due), g_date_get_month (due),
                                g_date_get_day (due), 12, 0, 0);
  /* Translators: a due date, as in “21 December 2026”; see g_date_time_format() */
  date = g_date_time_format (when, _("%-d %B %Y"));
  if (objector_objection_is_overdue (objection, NULL))
    /* Translators: “Submitted · answer overdue since 21 December 2026” */
    return g_strdup_printf (_("%s · answer overdue since %s"), objector_state_get_label (state), date);
  /* Translators: “Submitted · answer due by 21 December 2026” */
  return g_strdup_printf (_("%s · answer due by %s"), objector_state_get_label (state), date);
}

static void
update_row (GtkWidget         *row,
            GParamSpec        *pspec,
            ObjectorObjection *objection)
{
  g_autofree char *subtitle = describe_objection (objection);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
objection_changed_cb (ObjectorObjection *objection,
                      GtkWidget         *row)
{
  update_row (row, NULL, objection);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ObjectorObjection *objection = item;
  ObjectorWindow *self = user_data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  ObjectorPlaybook *playbook = app ? objector_application_get_playbook (OBJECTOR_APPLICATION (app)) : NULL;
  ObjectorPath *path = NULL;
  const char *title;
  GtkWidget *row = adw_action_row_new ();

  if (playbook != NULL)
    path = objector_playbook_lookup_path (playbook, objector_objection_get_path_id (objection));
  title = path != NULL ? objector_path_get_title (path) : objector_objection_get_path_id (objection);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  update_row (row, NULL, objection);
  g_signal_connect_object (objection, "changed", G_CALLBACK (objection_changed_cb), row, 0);
  return row;
}

static void
update_view (ObjectorWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
store_items_changed_cb (GListModel     *model,
                        guint           position,
                        guint           removed,
                        guint           added,
                        ObjectorWindow *self)
{
  update_view (self);
}

void
objector_window_show_error (ObjectorWindow *self,
                            const char     *message)
{
  AdwToast *toast;

  g_return_if_fail (OBJECTOR_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);  /* stays until dismissed: it matters */
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
objector_window_dispose (GObject *object)
{
  ObjectorWindow *self = OBJECTOR_WINDOW (object);

  if (self->objections_list != NULL)
    gtk_list_box_bind_model (self->objections_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), OBJECTOR_TYPE_WINDOW);

  G_OBJECT_CLASS (objector_window_parent_class)->dispose (object);
}

static void
objector_window_class_init (ObjectorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = objector_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWindow, objections_list);
}

static void
objector_window_init (ObjectorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ObjectorWindow *
objector_window_new (ObjectorApplication *application)
{
  ObjectorWindow *self;

  g_return_val_if_fail (OBJECTOR_IS_APPLICATION (application), NULL);

  self = g_object_new (OBJECTOR_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (objector_application_get_store (application));

  gtk_list_box_bind_model (self->objections_list, G_LIST_MODEL (self->store),
                           create_row, self, NULL);
  g_signal_connect_object (self->store, "items-changed",
                           G_CALLBACK (store_items_changed_cb), self, 0);
  update_view (self);
  return self;
}

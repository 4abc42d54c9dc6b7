/* objector-window.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-dashboard.h"
#include "objector-pages.h"
#include "objector-window.h"
#include "objector-wizard.h"

struct _ObjectorWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *views;
  AdwWindowTitle       *detail_title;
  AdwBin               *detail_bin;
  AdwStatusPage        *error_page;

  ObjectorStore        *store;
  ObjectorPlaybook     *playbook;
  ObjectorDraft        *draft;
  ObjectorWizard       *wizard;
  GtkWidget            *dashboard;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (ObjectorWindow, objector_window, ADW_TYPE_APPLICATION_WINDOW)

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

const char *
objector_window_get_view (ObjectorWindow *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->views);
}

ObjectorWizard *
objector_window_get_wizard (ObjectorWindow *self)
{
  g_return_val_if_fail (OBJECTOR_IS_WINDOW (self), NULL);
  return self->wizard;
}

static void
save_draft (ObjectorWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!objector_draft_save (self->draft, &error))
    objector_window_show_error (self, error->message);
}

void
objector_window_show_dashboard (ObjectorWindow *self)
{
  g_return_if_fail (OBJECTOR_IS_WINDOW (self));

  /* The overview is where the person is now: reopening lands here too. */
  objector_draft_set_finished (self->draft, TRUE);
  save_draft (self);
  gtk_stack_set_visible_child_name (self->views, "dashboard");
  adw_bin_set_child (self->detail_bin, NULL);
}

void
objector_window_show_wizard (ObjectorWindow *self)
{
  g_return_if_fail (OBJECTOR_IS_WINDOW (self));

  if (self->wizard == NULL)
    return;
  objector_draft_set_finished (self->draft, FALSE);
  objector_wizard_resume (self->wizard);
  gtk_stack_set_visible_child_name (self->views, "wizard");
}

void
objector_window_show_objection (ObjectorWindow *self,
                                const char     *objection_id)
{
  ObjectorPage *page;

  g_return_if_fail (OBJECTOR_IS_WINDOW (self));

  if (self->playbook == NULL)
    return;

  page = objector_path_page_new (self->store, self->playbook, objection_id);
  if (page == NULL)
    {
      objector_window_show_error (self, _("This objection’s path is not in the playbook any more, "
                                          "so its steps cannot be shown."));
      return;
    }

  adw_window_title_set_title (self->detail_title, objector_page_get_title (page));
  adw_bin_set_child (self->detail_bin, GTK_WIDGET (page));
  gtk_stack_set_visible_child_name (self->views, "detail");
}

static void
wizard_finished_cb (ObjectorWizard *wizard,
                    ObjectorWindow *self)
{
  objector_window_show_dashboard (self);
}

static void
objection_activated_cb (ObjectorDashboard *dashboard,
                        const char        *objection_id,
                        ObjectorWindow    *self)
{
  objector_window_show_objection (self, objection_id);
}

static void
show_dashboard_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  objector_window_show_dashboard (OBJECTOR_WINDOW (widget));
}

static void
start_another_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObjectorWindow *self = OBJECTOR_WINDOW (widget);

  if (self->wizard == NULL)
    return;

  /* Keep what the person told us; start at the accounts (or, where no
   * objection applies, at the country). */
  objector_draft_set_finished (self->draft, FALSE);
  objector_draft_set_page (self->draft, objector_draft_get_country (self->draft) ? "accounts" : "welcome");
  save_draft (self);
  objector_wizard_resume (self->wizard);
  gtk_stack_set_visible_child_name (self->views, "wizard");
}

static void
load_window_size (ObjectorWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Run from a build tree without the compiled schema: just no memory of size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return;

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
objector_window_close_request (GtkWindow *window)
{
  ObjectorWindow *self = OBJECTOR_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  save_draft (self);
  return GTK_WINDOW_CLASS (objector_window_parent_class)->close_request (window);
}

static void
objector_window_dispose (GObject *object)
{
  ObjectorWindow *self = OBJECTOR_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), OBJECTOR_TYPE_WINDOW);
  self->wizard = NULL;
  self->dashboard = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->playbook);
  g_clear_object (&self->draft);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (objector_window_parent_class)->dispose (object);
}

static void
objector_window_class_init (ObjectorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = objector_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = objector_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWindow, views);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWindow, detail_bin);
  gtk_widget_class_bind_template_child (widget_class, ObjectorWindow, error_page);

  gtk_widget_class_install_action (widget_class, "win.show-dashboard", NULL, show_dashboard_action);
  gtk_widget_class_install_action (widget_class, "win.start-another", NULL, start_another_action);
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
  self->draft = g_object_ref (objector_application_get_draft (application));
  if (objector_application_get_playbook (application) != NULL)
    self->playbook = g_object_ref (objector_application_get_playbook (application));

  load_window_size (self);

  self->dashboard = objector_dashboard_new (self->store, self->playbook);
  g_signal_connect (self->dashboard, "objection-activated", G_CALLBACK (objection_activated_cb), self);
  gtk_stack_add_named (self->views, self->dashboard, "dashboard");

  if (self->playbook == NULL)
    {
      /* Nothing to walk through without the playbook; the overview still works. */
      adw_status_page_set_description (self->error_page,
                                       _("Objector cannot guide you without it. Start Objector without "
                                         "--playbook, or fix the file it names."));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-another", FALSE);
      gtk_stack_set_visible_child_name (self->views,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0
                                        ? "dashboard" : "error");
      return self;
    }

  self->wizard = objector_wizard_new (self->store, self->playbook, self->draft);
  g_signal_connect (self->wizard, "finished", G_CALLBACK (wizard_finished_cb), self);
  gtk_stack_add_named (self->views, GTK_WIDGET (self->wizard), "wizard");

  /* With nothing filed yet, the wizard; afterwards, wherever the person left off. */
  if (objector_draft_get_finished (self->draft)
      || (objector_draft_get_page (self->draft) == NULL
          && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0))
    gtk_stack_set_visible_child_name (self->views, "dashboard");
  else
    {
      objector_wizard_resume (self->wizard);
      gtk_stack_set_visible_child_name (self->views, "wizard");
    }

  return self;
}

/* objector-window.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-clock.h"
#include "objector-dashboard.h"
#include "objector-objection-page.h"
#include "objector-report.h"
#include "objector-scan-dialog.h"
#include "objector-ui-util.h"
#include "objector-window.h"
#include "objector-wizard.h"
#include "objector-ui-resources.h"

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
  g_return_if_fail (OBJECTOR_IS_WINDOW (self));

  /* Stays until dismissed: it matters. */
  objector_ui_toast (GTK_WIDGET (self->toast_overlay), message, TRUE);
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

static void objection_activated_cb (ObjectorDashboard *dashboard,
                                    const char        *objection_id,
                                    ObjectorWindow    *self);

/* The overview is built when first shown: a first start never needs it
 * before its first frame. */
static void
show_view (ObjectorWindow *self,
           const char     *name)
{
  if (g_str_equal (name, "dashboard") && self->dashboard == NULL)
    {
      self->dashboard = objector_dashboard_new (self->store, self->wizard);
      g_signal_connect (self->dashboard, "objection-activated", G_CALLBACK (objection_activated_cb), self);
      gtk_stack_add_named (self->views, self->dashboard, "dashboard");
    }
  gtk_stack_set_visible_child_name (self->views, name);
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
  show_view (self, "dashboard");
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
  show_view (self, "wizard");
}

void
objector_window_show_objection (ObjectorWindow *self,
                                const char     *objection_id)
{
  ObjectorPage *page;

  g_return_if_fail (OBJECTOR_IS_WINDOW (self));

  if (self->wizard == NULL)
    return;

  page = objector_objection_page_new (self->wizard, objection_id);
  if (page == NULL)
    {
      objector_window_show_error (self, _("This objection’s path is not in the playbook any more, "
                                          "so its steps cannot be shown."));
      return;
    }

  adw_window_title_set_title (self->detail_title, objector_page_get_title (page));
  adw_bin_set_child (self->detail_bin, GTK_WIDGET (page));
  show_view (self, "detail");
}

static void
playbook_changed_cb (ObjectorApplication *app,
                     GParamSpec          *pspec,
                     ObjectorWindow      *self)
{
  ObjectorPlaybook *playbook = objector_application_get_playbook (app);

  if (playbook == NULL || !g_set_object (&self->playbook, playbook))
    return;
  if (self->wizard != NULL)
    objector_wizard_set_playbook (self->wizard, playbook);
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

/* Alt+Left: from an objection back to the overview; in the wizard, a step back. */
static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObjectorWindow *self = OBJECTOR_WINDOW (widget);
  const char *view = objector_window_get_view (self);

  if (g_strcmp0 (view, "detail") == 0)
    objector_window_show_dashboard (self);
  else if (g_strcmp0 (view, "wizard") == 0 && self->wizard != NULL)
    objector_wizard_back (self->wizard);
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
  show_view (self, "wizard");
}

/* The PDF summary: proof of everything submitted */

static ObjectorReport *
make_report (ObjectorWindow *self,
             gboolean        redact)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  ObjectorAuthorities *authorities = NULL;
  ObjectorReport *report;

  if (app != NULL)
    authorities = objector_application_get_authorities (OBJECTOR_APPLICATION (app));
  /* The document `objector export-pdf` writes: core assembles it. */
  report = objector_report_new_for_person (G_LIST_MODEL (self->store), self->playbook, authorities,
                                           objector_draft_get_region (self->draft),
                                           objector_draft_get_name (self->draft));
  objector_report_set_redact (report, redact);
  return report;
}

static void
open_saved_response_cb (AdwToast       *toast,
                        ObjectorWindow *self)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GFile) file = g_file_new_for_uri (uri);
    g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
    gtk_file_launcher_launch (launcher, GTK_WINDOW (self), NULL, NULL, NULL);
  }
#else
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
#endif
}

static void
summary_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ObjectorWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *filename = g_object_get_data (source, "filename");
  g_autofree char *uri = NULL;
  g_autofree char *message = NULL;
  g_autofree char *basename = NULL;
  AdwToast *toast;

  if (!objector_report_save_finish (OBJECTOR_REPORT (source), result, &error))
    {
      objector_window_show_error (self, error->message);
      return;
    }

  uri = g_filename_to_uri (filename, NULL, NULL);
  basename = g_path_get_basename (filename);
  message = g_strdup_printf (_("Saved “%s”"), basename);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_steal_pointer (&uri), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_saved_response_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
save_summary_to (ObjectorWindow *self,
                 GFile          *file,
                 gboolean        redact)
{
  g_autoptr(ObjectorReport) report = make_report (self, redact);
  g_autofree char *filename = g_file_get_path (file);

  if (filename == NULL)
    {
      objector_window_show_error (self, _("The summary can only be saved to a folder on this computer."));
      return;
    }
  g_object_set_data_full (G_OBJECT (report), "filename", g_strdup (filename), g_free);
  objector_report_save_async (report, filename, NULL, summary_saved_cb, g_object_ref (self));
}

static char *
suggested_name (void)
{
  g_autoptr(GDateTime) now = objector_clock_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  /* Translators: the file name offered for the PDF summary; keep the .pdf */
  return g_strdup_printf (_("objector-summary-%s.pdf"), date);
}

typedef struct
{
  ObjectorWindow *window;
  gboolean        redact;
} SummaryRequest;

static void
summary_request_free (gpointer data)
{
  SummaryRequest *request = data;

  g_object_unref (request->window);
  g_free (request);
}

static void
summary_file_chosen_cb (GFile    *file,
                        gpointer  user_data)
{
  SummaryRequest *request = user_data;

  if (file != NULL)
    save_summary_to (request->window, file, request->redact);
}

static void
save_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ObjectorWindow *self = OBJECTOR_WINDOW (widget);
  gboolean redact = g_variant_get_boolean (parameter);
  g_autofree char *name = suggested_name ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  SummaryRequest *request;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");

  request = g_new0 (SummaryRequest, 1);
  request->window = g_object_ref (self);
  request->redact = redact;
  objector_ui_choose_save_file (GTK_WINDOW (self),
                                redact ? _("Save Summary Without Your Email Address") : _("Save Summary"),
                                name, filter, summary_file_chosen_cb, request, summary_request_free);
}

/* Printing draws with the same code as the PDF. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                ObjectorReport    *report)
{
  guint n = objector_report_paginate (report, gtk_print_context_get_width (context),
                                      gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              ObjectorReport    *report)
{
  objector_report_draw_page (report, gtk_print_context_get_cairo_context (context), page_nr);
}

static void
print_summary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObjectorWindow *self = OBJECTOR_WINDOW (widget);
  g_autoptr(ObjectorReport) report = make_report (self, FALSE);
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Objector summary"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), report, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), report, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    objector_window_show_error (self, error->message);
}

static void
scan_mail_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObjectorWindow *self = OBJECTOR_WINDOW (widget);

  if (self->playbook == NULL)
    return;
  gtk_window_present (GTK_WINDOW (objector_scan_dialog_new (GTK_WINDOW (self), self->store, self->playbook, self->settings)));
}

/* Built when asked for, not with every window as GTK does with
 * gtk/help-overlay.ui: most starts never show it. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/objector/Objector/objector-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
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

  /* Links the UI bundle in, which registers itself. */
  (void) objector_ui_get_resource ();

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
  gtk_widget_class_install_action (widget_class, "win.save-summary", "b", save_summary_action);
  gtk_widget_class_install_action (widget_class, "win.print-summary", NULL, print_summary_action);
  gtk_widget_class_install_action (widget_class, "win.scan-mail", NULL, scan_mail_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
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

  if (self->playbook == NULL)
    {
      /* Nothing to walk through without the playbook; the overview still works. */
      adw_status_page_set_description (self->error_page,
                                       _("Objector cannot guide you without it. Start Objector without "
                                         "--playbook, or fix the file it names."));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-another", FALSE);
      show_view (self, g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0 ? "dashboard" : "error");
      return self;
    }

  g_signal_connect_object (application, "notify::playbook", G_CALLBACK (playbook_changed_cb), self, 0);

  self->wizard = objector_wizard_new (application);
  g_signal_connect (self->wizard, "finished", G_CALLBACK (wizard_finished_cb), self);
  gtk_stack_add_named (self->views, GTK_WIDGET (self->wizard), "wizard");

  /* With nothing filed yet, the wizard; afterwards, wherever the person left off. */
  if (objector_draft_get_finished (self->draft)
      || (objector_draft_get_page (self->draft) == NULL
          && g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0))
    show_view (self, "dashboard");
  else
    {
      objector_wizard_resume (self->wizard);
      show_view (self, "wizard");
    }

  return self;
}

/* objector-application.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-application.h"
#include "objector-window.h"

struct _ObjectorApplication
{
  AdwApplication    parent_instance;

  char             *playbook_file;   /* --playbook FILE, or NULL */
  ObjectorPlaybook *playbook;
  ObjectorStore    *store;
  ObjectorDraft    *draft;
  GFileMonitor     *store_monitor;   /* follows what the command line saves */
  GError           *startup_error;   /* shown once the window exists */
};

G_DEFINE_FINAL_TYPE (ObjectorApplication, objector_application, ADW_TYPE_APPLICATION)

ObjectorApplication *
objector_application_new (void)
{
  return g_object_new (OBJECTOR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/objector/Objector",
                       NULL);
}

ObjectorStore *
objector_application_get_store (ObjectorApplication *self)
{
  g_return_val_if_fail (OBJECTOR_IS_APPLICATION (self), NULL);
  return self->store;
}

ObjectorDraft *
objector_application_get_draft (ObjectorApplication *self)
{
  g_return_val_if_fail (OBJECTOR_IS_APPLICATION (self), NULL);
  return self->draft;
}

ObjectorPlaybook *
objector_application_get_playbook (ObjectorApplication *self)
{
  g_return_val_if_fail (OBJECTOR_IS_APPLICATION (self), NULL);
  return self->playbook;
}

static int
objector_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  ObjectorApplication *self = OBJECTOR_APPLICATION (app);

  g_variant_dict_lookup (options, "playbook", "^ay", &self->playbook_file);
  return -1;
}

static void
store_file_changed_cb (GFileMonitor        *monitor,
                       GFile               *file,
                       GFile               *other_file,
                       GFileMonitorEvent    event,
                       ObjectorApplication *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_CHANGED)
    return;  /* wait for the rename or the end of the change */

  if (objector_store_reload (self->store, &error))
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (OBJECTOR_IS_WINDOW (window))
    objector_window_show_error (OBJECTOR_WINDOW (window), error->message);
}

static void
objector_application_startup (GApplication *app)
{
  ObjectorApplication *self = OBJECTOR_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (objector_application_parent_class)->startup (app);

  {
    static gsize named = 0;

    /* Once per process: tests start the application more than once. */
    if (g_once_init_enter (&named))
      {
        g_set_application_name (_("Objector"));
        g_once_init_leave (&named, 1);
      }
  }
  gtk_window_set_default_icon_name (APP_ID);

  self->playbook = objector_playbook_load_default (self->playbook_file, &error);
  if (self->playbook == NULL)
    {
      g_debug ("Playbook: %s", error->message);
      g_propagate_error (&self->startup_error, g_steal_pointer (&error));
    }

  self->store = objector_store_new (NULL);
  if (!objector_store_load (self->store, &error))
    {
      g_debug ("Store: %s", error->message);
      if (self->startup_error == NULL)
        g_propagate_error (&self->startup_error, g_steal_pointer (&error));
      g_clear_error (&error);
    }

  self->draft = objector_draft_new (NULL);
  if (!objector_draft_load (self->draft, &error))
    {
      if (self->startup_error == NULL)
        g_propagate_error (&self->startup_error, g_steal_pointer (&error));
      g_clear_error (&error);
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (objector_store_get_filename (self->store));

    self->store_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
    if (self->store_monitor != NULL)
      g_signal_connect_object (self->store_monitor, "changed",
                               G_CALLBACK (store_file_changed_cb), self, 0);
    else
      g_debug ("Not following changes of the store: %s", error->message);
  }
}

static void
objector_application_activate (GApplication *app)
{
  ObjectorApplication *self = OBJECTOR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (objector_window_new (self));
      if (self->startup_error != NULL)
        objector_window_show_error (OBJECTOR_WINDOW (window), self->startup_error->message);
      g_clear_error (&self->startup_error);
    }

  gtk_window_present (window);
}

static void
objector_application_finalize (GObject *object)
{
  ObjectorApplication *self = OBJECTOR_APPLICATION (object);

  g_clear_pointer (&self->playbook_file, g_free);
  g_clear_object (&self->playbook);
  if (self->store_monitor != NULL)
    g_file_monitor_cancel (self->store_monitor);
  g_clear_object (&self->store_monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->draft);
  g_clear_error (&self->startup_error);

  G_OBJECT_CLASS (objector_application_parent_class)->finalize (object);
}

static void
objector_application_class_init (ObjectorApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = objector_application_finalize;
  app_class->handle_local_options = objector_application_handle_local_options;
  app_class->startup = objector_application_startup;
  app_class->activate = objector_application_activate;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing each window lets it save its state; the application ends with the last. */
  while (windows != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (windows->data));
      windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  ObjectorApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Objector authors"), NULL };
  g_autofree char *playbook = NULL;
  GtkWidget *about;

  if (self->playbook != NULL)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  objector_playbook_get_version (self->playbook));

      playbook = g_strdup_printf (_("Playbook version %s (%s)"), version,
                                  objector_playbook_get_origin (self->playbook));
    }

  about = adw_about_window_new ();
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Objector"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("The Objector authors"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Object to Meta using your Facebook and Instagram data to train its AI, "
                                   "and keep proof of it. Everything stays on this computer."));
  /* Translators: "translator-credits" lists the translators, one per line */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  if (playbook != NULL)
    adw_about_window_set_debug_info (ADW_ABOUT_WINDOW (about), playbook);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Data protection authorities"),
                                      _("The records of the data protection authorities and of Meta’s companies "
                                        "come from the Datenanfragen.de project, released to the public domain "
                                        "(CC0 1.0), with corrections."),
                                      GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Test messages"),
                                      _("Some test email messages come from the MimeKit project."),
                                      GTK_LICENSE_MIT_X11, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static void
objector_application_init (ObjectorApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  g_application_add_main_option (G_APPLICATION (self), "playbook", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Use this playbook instead of the bundled one"), _("FILE"));
}

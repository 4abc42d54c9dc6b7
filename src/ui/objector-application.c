/* objector-application.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-application.h"
#include "objector-signature.h"
#include "objector-first-frame.h"
#include "objector-mail.h"
#include "objector-mail-watch.h"
#include "objector-playbook-trust.h"
#include "objector-preferences.h"
#include "objector-reminders.h"
#include "objector-window.h"
#include "objector-ui-resources.h"

struct _ObjectorApplication
{
  AdwApplication    parent_instance;

  char             *playbook_file;   /* --playbook FILE, or NULL */
  ObjectorPlaybook *playbook;
  ObjectorStore    *store;
  ObjectorDraft    *draft;
  ObjectorAuthorities    *authorities;
  ObjectorComplaintTexts *complaint_texts;
  ObjectorNet            *net;
  GCancellable           *cancellable;     /* cancelled at shutdown */
  gboolean                checked_once;    /* reminders and updates, once per run */
  GFileMonitor     *store_monitor;   /* follows what the command line saves */
  GError           *startup_error;   /* shown once the window exists */
  ObjectorMailWatch *mail_watch;     /* the daily look for Meta's answers, if turned on */
};

G_DEFINE_FINAL_TYPE (ObjectorApplication, objector_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_PLAYBOOK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ObjectorApplication *
objector_application_new (void)
{
  /* main() has set the locale already; GTK setting it again, while the
   * playbook is read on another thread (startup), is not safe. Tests
   * initialise GTK themselves, before. */
  if (!gtk_is_initialized ())
    gtk_disable_setlocale ();

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

ObjectorAuthorities *
objector_application_get_authorities (ObjectorApplication *self)
{
  g_return_val_if_fail (OBJECTOR_IS_APPLICATION (self), NULL);

  /* Loaded when first needed: most starts never show a complaint. */
  if (self->authorities == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->authorities = objector_authorities_load (&error);
      if (self->authorities == NULL)
        g_critical ("The bundled authorities are broken: %s", error->message);
    }
  return self->authorities;
}

ObjectorComplaintTexts *
objector_application_get_complaint_texts (ObjectorApplication *self)
{
  g_return_val_if_fail (OBJECTOR_IS_APPLICATION (self), NULL);

  if (self->complaint_texts == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->complaint_texts = objector_complaint_texts_load (&error);
      if (self->complaint_texts == NULL)
        g_critical ("The bundled complaint texts are broken: %s", error->message);
    }
  return self->complaint_texts;
}

ObjectorNet *
objector_application_get_net (ObjectorApplication *self)
{
  g_return_val_if_fail (OBJECTOR_IS_APPLICATION (self), NULL);

  /* Made only when the person asks for something on the network. */
  if (self->net == NULL)
    self->net = objector_net_new ();
  return self->net;
}

void
objector_application_set_playbook (ObjectorApplication *self,
                                   ObjectorPlaybook    *playbook)
{
  g_return_if_fail (OBJECTOR_IS_APPLICATION (self));
  g_return_if_fail (OBJECTOR_IS_PLAYBOOK (playbook));

  if (g_set_object (&self->playbook, playbook))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYBOOK]);
}

GSettings *
objector_application_dup_settings (ObjectorApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
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

typedef struct
{
  const char       *file;       /* --playbook FILE, or NULL */
  ObjectorPlaybook *playbook;
  GError           *error;
} PlaybookLoad;

static gpointer
load_playbook_thread (gpointer data)
{
  PlaybookLoad *load = data;

  load->playbook = objector_playbook_load_default (load->file, &load->error);
  return NULL;
}

static void
objector_application_startup (GApplication *app)
{
  ObjectorApplication *self = OBJECTOR_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  PlaybookLoad load = { self->playbook_file, NULL, NULL };
  GThread *loading;

  /* The playbook (160 kB of JSON) is read on a thread of its own while GTK
   * starts on this one: the first frame waits for the longer of the two,
   * not for both. (GTK does not set the locale meanwhile: see
   * objector_application_new().) */
  loading = g_thread_new ("objector-playbook", load_playbook_thread, &load);
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

  g_thread_join (loading);
  self->playbook = load.playbook;
  error = load.error;
  if (self->playbook == NULL)
    {
      g_debug ("Playbook: %s", error->message);
      g_propagate_error (&self->startup_error, g_steal_pointer (&error));
    }
  else if (self->playbook_file != NULL)
    {
      /* The person's choice, said as such: not a playbook Objector vouches for. */
      g_autofree char *notice = objector_playbook_describe_own (self->playbook_file);

      g_printerr ("objector: %s\n", notice);
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
reminders_taken_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ObjectorApplication) self = user_data;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;

  due = objector_reminders_take_finish (OBJECTOR_REMINDERS (source), result, &error);
  if (due == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Reminders: %s", error->message);
      return;
    }

  for (guint i = 0; i < due->len; i++)
    {
      ObjectorReminder *reminder = g_ptr_array_index (due, i);
      g_autoptr(GNotification) notification = objector_reminder_new_notification (reminder, NULL);

      g_application_send_notification (G_APPLICATION (self), reminder->id, notification);
    }
}

/* Overdue answers and forgotten codes: each told once, whenever Objector starts. */
static void
check_reminders (ObjectorApplication *self)
{
  g_autoptr(ObjectorReminders) reminders = objector_reminders_new (objector_store_get_directory (self->store));

  if (objector_store_get_read_only (self->store))
    return;
  objector_reminders_take_async (reminders, G_LIST_MODEL (self->store), NULL, self->cancellable,
                                 reminders_taken_cb, g_object_ref (self));
}

static void
update_checked_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ObjectorApplication) self = user_data;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(GError) error = NULL;
  ObjectorPlaybookUpdateResult outcome;

  playbook = objector_net_update_playbook_finish (OBJECTOR_NET (source), result, &outcome, &error);
  if (playbook == NULL)
    {
      /* The playbook in use stays; a failed check at start is not worth a toast. */
      g_debug ("Playbook update: %s", error->message);
      return;
    }
  if (outcome == OBJECTOR_PLAYBOOK_UPDATE_INSTALLED)
    objector_application_set_playbook (self, playbook);
}

/* Only when the person turned updates on: otherwise nothing touches the network. */
static void
check_for_update (ObjectorApplication *self)
{
  g_autoptr(GSettings) settings = objector_application_dup_settings (self);
  g_autofree char *url = NULL;

  /* Without a key to check an update with, asking could only fail. */
  if (settings == NULL || !g_settings_get_boolean (settings, "playbook-updates") || self->playbook == NULL
      || self->playbook_file != NULL || objector_signature_get_n_keys () == 0)
    return;

  url = g_settings_get_string (settings, "playbook-update-url");
  objector_net_update_playbook_async (objector_application_get_net (self),
                                      *url != '\0' ? url : OBJECTOR_PLAYBOOK_UPDATE_URL,
                                      self->playbook, self->cancellable,
                                      update_checked_cb, g_object_ref (self));
}

/* The daily look for Meta's answers (Preferences): what it found, told. */
static void
answers_found_cb (ObjectorMailWatch   *watch,
                  GPtrArray           *mails,
                  ObjectorApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(ObjectorObjection) match = objector_mail_match (g_ptr_array_index (mails, 0), G_LIST_MODEL (self->store));
  g_autofree char *body = NULL;

  notification = g_notification_new (_("Meta May Have Answered"));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Objector found %u email from Meta in your mail account that is not "
                                       "logged yet. Open Find Meta’s Emails to check it and log it.",
                                       "Objector found %u emails from Meta in your mail account that are not "
                                       "logged yet. Open Find Meta’s Emails to check them and log them.",
                                       mails->len),
                          mails->len);
  g_notification_set_body (notification, body);
  if (match != NULL)
    g_notification_set_default_action_and_target (notification, "app.show-objection", "s",
                                                  objector_objection_get_id (match));
  g_application_send_notification (G_APPLICATION (self), "meta-answers", notification);
}

/* Never before the window's first frame: started once it is painted. */
static void
first_frame_painted_cb (GdkFrameClock       *clock,
                        ObjectorApplication *self)
{
  g_autoptr(GSettings) settings = objector_application_dup_settings (self);

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  if (settings == NULL || self->playbook == NULL || self->mail_watch != NULL)
    return;
  self->mail_watch = objector_mail_watch_new (self->store, self->playbook, settings);
  g_signal_connect_object (self->mail_watch, "found", G_CALLBACK (answers_found_cb), self, 0);
  objector_mail_watch_start (self->mail_watch);
}

static void
window_realized_cb (GtkWidget           *window,
                    ObjectorApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), self, 0);
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
      /* OBJECTOR_REPORT_FIRST_FRAME=1: tests/bench/bench-startup's measurement. */
      objector_first_frame_report_if_asked (window);
      g_signal_connect_object (window, "realize", G_CALLBACK (window_realized_cb), self, 0);
    }

  gtk_window_present (window);

  if (!self->checked_once)
    {
      self->checked_once = TRUE;
      check_reminders (self);
      check_for_update (self);
    }
}

static void
objector_application_shutdown (GApplication *app)
{
  ObjectorApplication *self = OBJECTOR_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->mail_watch);
  G_APPLICATION_CLASS (objector_application_parent_class)->shutdown (app);
}

static void
objector_application_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ObjectorApplication *self = OBJECTOR_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_PLAYBOOK:
      g_value_set_object (value, self->playbook);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_application_finalize (GObject *object)
{
  ObjectorApplication *self = OBJECTOR_APPLICATION (object);

  g_clear_object (&self->net);
  g_clear_object (&self->cancellable);

  g_clear_pointer (&self->playbook_file, g_free);
  g_clear_object (&self->playbook);
  if (self->store_monitor != NULL)
    g_file_monitor_cancel (self->store_monitor);
  g_clear_object (&self->store_monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->draft);
  g_clear_object (&self->authorities);
  g_clear_object (&self->complaint_texts);
  g_clear_error (&self->startup_error);

  G_OBJECT_CLASS (objector_application_parent_class)->finalize (object);
}

static void
objector_application_class_init (ObjectorApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* Links the UI bundle in, which registers itself. */
  (void) objector_ui_get_resource ();

  object_class->finalize = objector_application_finalize;
  object_class->get_property = objector_application_get_property;
  app_class->shutdown = objector_application_shutdown;

  properties[PROP_PLAYBOOK] =
    g_param_spec_object ("playbook", NULL, NULL, OBJECTOR_TYPE_PLAYBOOK,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

static void
show_objection_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  ObjectorApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (OBJECTOR_IS_WINDOW (window))
    objector_window_show_objection (OBJECTOR_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ObjectorApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (objector_preferences_new (self, window)));
}

static const GActionEntry app_actions[] = {
  { "show-objection", show_objection_activated, "s", NULL, NULL, { 0 } },
  { "preferences", preferences_activated, NULL, NULL, NULL, { 0 } },
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static void
objector_application_init (ObjectorApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *save_accels[] = { "<Control>s", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *back_accels[] = { "<Alt>Left", NULL };

  self->cancellable = g_cancellable_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);
  /* Every accelerator here is listed in objector-shortcuts-window.ui (test-wizard checks). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save-summary(false)", save_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print-summary", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.go-back", back_accels);

  g_application_add_main_option (G_APPLICATION (self), "playbook", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Use this playbook instead of the bundled one"), _("FILE"));
}

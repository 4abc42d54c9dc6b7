/* objector-preferences.c — reminders while closed, and playbook updates
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-background.h"
#include "objector-net.h"
#include "objector-preferences.h"
#include "objector-signature.h"
#include "objector-ui-util.h"

struct _ObjectorPreferences
{
  AdwPreferencesWindow  parent_instance;

  ObjectorApplication  *application;
  GSettings            *settings;
  GtkWidget            *remind_switch;
  GtkWidget            *look_daily_switch;
  GtkWidget            *updates_row;
  GtkWidget            *updates_switch;
  GtkWidget            *advanced_row;
  AdwPreferencesGroup  *forms_group;
  GtkWidget            *url_row;
  GtkWidget            *playbook_row;
  GtkWidget            *check_button;
  GCancellable         *cancellable;
  gboolean              reverting;
};

G_DEFINE_FINAL_TYPE (ObjectorPreferences, objector_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (ObjectorPreferences *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
show_playbook (ObjectorPreferences *self)
{
  ObjectorPlaybook *playbook = objector_application_get_playbook (self->application);
  g_autofree char *version = NULL;
  g_autofree char *text = NULL;

  if (playbook == NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->playbook_row), _("None could be read"));
      return;
    }

  version = g_strdup_printf ("%" G_GINT64_FORMAT, objector_playbook_get_version (playbook));
  /* Translators: “version 2026112101, updated 2026-11-21, from bundled” */
  text = g_strdup_printf (_("Version %s, updated %s, from %s"), version,
                          objector_playbook_get_updated (playbook),
                          g_str_equal (objector_playbook_get_origin (playbook), "bundled")
                          ? _("this copy of Objector") : objector_playbook_get_origin (playbook));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->playbook_row), text);
}

static void
remind_toggled_cb (GtkSwitch           *sw,
                   GParamSpec          *pspec,
                   ObjectorPreferences *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (sw);

  if (self->reverting)
    return;

  if (!objector_background_set_enabled (active, &error))
    {
      toast (self, error->message);
      self->reverting = TRUE;
      gtk_switch_set_active (sw, !active);
      self->reverting = FALSE;
      return;
    }
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "remind-in-background", active);
}

static void
update_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ObjectorPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  ObjectorPlaybookUpdateResult outcome;

  playbook = objector_net_update_playbook_finish (OBJECTOR_NET (source), result, &outcome, &error);
  gtk_widget_set_sensitive (self->check_button, TRUE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (playbook == NULL)
    {
      /* The playbook in use stays in use. */
      toast (self, error->message);
      return;
    }

  switch (outcome)
    {
    case OBJECTOR_PLAYBOOK_UPDATE_INSTALLED:
      objector_application_set_playbook (self->application, playbook);
      show_playbook (self);
      toast (self, _("Newer information about Meta’s forms is now in use"));
      break;
    case OBJECTOR_PLAYBOOK_UPDATE_NOT_MODIFIED:
    case OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER:
    default:
      toast (self, _("The information in use is the newest"));
      break;
    }
}

static void
check_now_cb (GtkButton           *button,
              ObjectorPreferences *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  g_autoptr(GError) error = NULL;

  if (*url == '\0')
    url = OBJECTOR_PLAYBOOK_UPDATE_URL;
  if (!objector_net_validate_update_url (url, &error))
    {
      toast (self, error->message);
      return;
    }

  gtk_widget_set_sensitive (self->check_button, FALSE);
  objector_net_update_playbook_async (objector_application_get_net (self->application), url,
                                      objector_application_get_playbook (self->application),
                                      self->cancellable, update_finished_cb, g_object_ref (self));
}

static void
url_apply_cb (AdwEntryRow         *row,
              ObjectorPreferences *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (*url != '\0' && !objector_net_validate_update_url (url, &error))
    {
      toast (self, error->message);
      return;
    }
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "playbook-update-url", url);
}

static void
objector_preferences_dispose (GObject *object)
{
  ObjectorPreferences *self = OBJECTOR_PREFERENCES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (objector_preferences_parent_class)->dispose (object);
}

static void
objector_preferences_class_init (ObjectorPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorPreferences, remind_switch);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPreferences, look_daily_switch);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPreferences, updates_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPreferences, updates_switch);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPreferences, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPreferences, forms_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPreferences, url_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPreferences, playbook_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPreferences, check_button);
  gtk_widget_class_bind_template_callback (widget_class, url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_now_cb);
}

static void
objector_preferences_init (ObjectorPreferences *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  objector_ui_close_on_escape (GTK_WINDOW (self));

  /* No signing key ships yet (objector-playbook-keys.h), so every update
   * would be refused: say so, rather than offer what can only fail. */
  if (objector_signature_get_n_keys () == 0)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->updates_row),
                                   _("Updates are not available in this version"));
      gtk_widget_set_sensitive (self->updates_switch, FALSE);
      gtk_widget_set_sensitive (self->updates_row, FALSE);
      gtk_widget_set_visible (self->advanced_row, FALSE);
      gtk_widget_set_visible (self->check_button, FALSE);
      adw_preferences_group_set_description (self->forms_group,
                                             _("Objector knows where Meta’s forms are and what they ask."));
    }
}

GtkWidget *
objector_preferences_new (ObjectorApplication *application,
                          GtkWindow           *parent)
{
  ObjectorPreferences *self = g_object_new (OBJECTOR_TYPE_PREFERENCES,
                                            "transient-for", parent,
                                            "modal", TRUE,
                                            NULL);

  self->application = g_object_ref (application);
  self->settings = objector_application_dup_settings (application);

  if (self->settings != NULL)
    {
      g_autofree char *url = g_settings_get_string (self->settings, "playbook-update-url");

      gtk_switch_set_active (GTK_SWITCH (self->remind_switch),
                             g_settings_get_boolean (self->settings, "remind-in-background"));
      g_settings_bind (self->settings, "look-for-answers-daily", self->look_daily_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      if (objector_signature_get_n_keys () > 0)
        g_settings_bind (self->settings, "playbook-updates", self->updates_switch, "active",
                         G_SETTINGS_BIND_DEFAULT);
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
    }
  else
    {
      gtk_widget_set_sensitive (self->remind_switch, FALSE);
      gtk_widget_set_sensitive (self->updates_switch, FALSE);
      gtk_widget_set_sensitive (self->look_daily_switch, FALSE);
    }
  g_signal_connect (self->remind_switch, "notify::active", G_CALLBACK (remind_toggled_cb), self);

  show_playbook (self);
  return GTK_WIDGET (self);
}

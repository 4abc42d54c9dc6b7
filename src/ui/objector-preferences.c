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
#include "objector-ui-util.h"

struct _ObjectorPreferences
{
  AdwPreferencesWindow  parent_instance;

  ObjectorApplication  *application;
  GSettings            *settings;
  GtkWidget            *remind_switch;
  GtkWidget            *updates_switch;
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
      toast (self, _("A newer playbook is now in use"));
      break;
    case OBJECTOR_PLAYBOOK_UPDATE_NOT_MODIFIED:
    case OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER:
    default:
      toast (self, _("The playbook in use is the newest"));
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
  G_OBJECT_CLASS (klass)->dispose = objector_preferences_dispose;
}

static GtkWidget *
switch_row (const char *title,
            const char *subtitle,
            GtkWidget **sw)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  *sw = gtk_switch_new ();
  gtk_widget_set_valign (*sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *sw);
  return row;
}

static void
objector_preferences_init (ObjectorPreferences *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;

  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  objector_ui_close_on_escape (GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 520);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Reminders"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("When Objector starts, it tells you about answers that became "
                                           "overdue and codes never typed in, once each."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (_("_Remind Me While Objector Is Closed"),
                                         _("Checks once each time you log in"),
                                         &self->remind_switch));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Playbook"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The playbook says where Meta’s forms are and what they ask. "
                                           "Meta moves its forms; a newer playbook follows them. Nothing is "
                                           "fetched unless you turn this on or check now."));
  self->playbook_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->playbook_row), _("In use"));
  gtk_widget_add_css_class (self->playbook_row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->playbook_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             switch_row (_("_Fetch Updates"),
                                         _("Looks for a newer playbook when Objector starts"),
                                         &self->updates_switch));
  self->url_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("Update _address"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->url_row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->url_row), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->url_row), GTK_INPUT_PURPOSE_URL);
  g_signal_connect (self->url_row, "apply", G_CALLBACK (url_apply_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->url_row);
  self->check_button = gtk_button_new_with_mnemonic (_("_Check Now"));
  gtk_widget_set_halign (self->check_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->check_button, 12);
  g_signal_connect (self->check_button, "clicked", G_CALLBACK (check_now_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->check_button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
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
      g_settings_bind (self->settings, "playbook-updates", self->updates_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
    }
  else
    {
      gtk_widget_set_sensitive (self->remind_switch, FALSE);
      gtk_widget_set_sensitive (self->updates_switch, FALSE);
    }
  g_signal_connect (self->remind_switch, "notify::active", G_CALLBACK (remind_toggled_cb), self);

  show_playbook (self);
  return GTK_WIDGET (self);
}

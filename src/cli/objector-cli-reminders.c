/* objector-cli-reminders.c — `objector remind`
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "objector-cli-private.h"
#include "objector-clock.h"
#include "objector-reminders.h"

/* The autostart entry runs `objector remind --notify` at login: each reminder
 * becomes a desktop notification that opens the objection when clicked (the
 * desktop starts Objector through D-Bus for that). */
static gboolean
notify_reminders (GPtrArray  *due,
                  GError    **error)
{
  g_autoptr(GApplication) app = NULL;
  GDBusConnection *bus;

  if (due->len == 0)
    return TRUE;

  app = g_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (app, NULL, error))
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    {
      ObjectorReminder *reminder = g_ptr_array_index (due, i);
      g_autoptr(GNotification) notification = objector_reminder_new_notification (reminder,
                                                                                   _("Open Objector"));

      g_application_send_notification (app, reminder->id, notification);
    }

  /* The notifications are D-Bus messages: make sure they left before exiting. */
  bus = g_application_get_dbus_connection (app);
  if (bus != NULL)
    g_dbus_connection_flush_sync (bus, NULL, NULL);
  return TRUE;
}

/* Prints the reminders that are due and records them as given, so that the
 * next run (at the next login, from the autostart entry) stays quiet about
 * them. Prints nothing in text mode when nothing is due: it runs unattended. */
int
objector_cli_remind (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(ObjectorReminders) reminders = NULL;
  g_autoptr(GPtrArray) due = NULL;

  if (!(store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  reminders = objector_reminders_new (objector_store_get_directory (store));

  if (options->notify)
    {
      /* Given only once shown: a desktop without a session bus keeps them for later. */
      if (!(due = objector_reminders_peek (reminders, G_LIST_MODEL (store), NULL, &error))
          || !notify_reminders (due, &error)
          || !objector_reminders_mark_given (reminders, due, NULL, &error))
        return objector_cli_fail (error);
      return OBJECTOR_EXIT_OK;
    }

  if (!(due = objector_reminders_take (reminders, G_LIST_MODEL (store), NULL, &error)))
    return objector_cli_fail (error);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < due->len; i++)
        {
          ObjectorReminder *reminder = g_ptr_array_index (due, i);
          g_autofree char *since = objector_clock_format_utc (reminder->since);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, reminder->id);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, objector_reminder_kind_to_string (reminder->kind));
          json_builder_set_member_name (builder, "objection");
          json_builder_add_string_value (builder, reminder->objection_id);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, reminder->title);
          json_builder_set_member_name (builder, "body");
          json_builder_add_string_value (builder, reminder->body);
          json_builder_set_member_name (builder, "since");
          json_builder_add_string_value (builder, since);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      objector_cli_print_json (root);
      return OBJECTOR_EXIT_OK;
    }

  for (guint i = 0; i < due->len; i++)
    {
      ObjectorReminder *reminder = g_ptr_array_index (due, i);
      g_autofree char *shown = g_strndup (reminder->objection_id, 8);

      g_print ("%s%s (%s)\n%s\n", i > 0 ? "\n" : "", reminder->title, shown, reminder->body);
    }

  return OBJECTOR_EXIT_OK;
}

/* objector-background.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "objector-background.h"

char *
objector_background_get_autostart_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID "-reminders.desktop", NULL);
}

/* Flatpak: org.freedesktop.portal.Background writes the entry for us. */
static gboolean
request_from_portal (gboolean   enabled,
                     GError   **error)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder options;
  const char *commandline[] = { "objector", "remind", "--notify", NULL };

  if (bus == NULL)
    return FALSE;

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("To remind you when Meta’s answer is overdue")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.portal.Desktop",
                                       "/org/freedesktop/portal/desktop",
                                       "org.freedesktop.portal.Background", "RequestBackground",
                                       g_variant_new ("(sa{sv})", "", &options),
                                       G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, 10000,
                                       NULL, error);
  return reply != NULL;
}

/* Desktop entries quote with double quotes, and escape " ` $ and \ inside. */
static char *
desktop_quote (const char *path)
{
  GString *out;

  if (strpbrk (path, " \t\n\"'\\><~|&;$*?#()`=%") == NULL)
    return g_strdup (path);

  out = g_string_new ("\"");
  for (const char *p = path; *p; p++)
    {
      if (strchr ("\"`$\\", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

gboolean
objector_background_set_enabled (gboolean   enabled,
                                 GError   **error)
{
  g_autofree char *file = objector_background_get_autostart_file ();
  g_autofree char *exe = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *dir = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return request_from_portal (enabled, error);

  if (!enabled)
    {
      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not remove “%s”: %s"), file, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  /* The binary that is running now, wherever it was installed. */
  exe = g_file_read_link ("/proc/self/exe", NULL);
  quoted = desktop_quote (exe != NULL ? exe : "objector");
  entry = g_strdup_printf ("[Desktop Entry]\n"
                           "Type=Application\n"
                           "Name=%s\n"
                           "Comment=%s\n"
                           "Exec=%s remind --notify\n"
                           "Icon=" APP_ID "\n"
                           "NoDisplay=true\n"
                           "X-GNOME-Autostart-enabled=true\n",
                           _("Objector Reminders"),
                           _("Tells you when Meta’s answer to an objection is overdue"),
                           quoted);

  dir = g_path_get_dirname (file);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents_full (file, entry, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

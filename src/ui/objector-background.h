/* objector-background.h — reminders while Objector is closed
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the XDG autostart entry lives ($XDG_CONFIG_HOME/autostart/…). */
char     *objector_background_get_autostart_file (void);
/* Writes or removes the autostart entry that runs `objector remind --notify`
 * at login. Inside Flatpak the sandbox cannot write it: the Background
 * portal is asked instead. */
gboolean  objector_background_set_enabled        (gboolean   enabled,
                                                  GError   **error);

G_END_DECLS

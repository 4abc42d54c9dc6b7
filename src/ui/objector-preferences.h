/* objector-preferences.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-application.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_PREFERENCES (objector_preferences_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorPreferences, objector_preferences, OBJECTOR, PREFERENCES, AdwPreferencesWindow)

GtkWidget *objector_preferences_new (ObjectorApplication *application,
                                     GtkWindow           *parent);

G_END_DECLS

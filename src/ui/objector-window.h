/* objector-window.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-application.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_WINDOW (objector_window_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorWindow, objector_window, OBJECTOR, WINDOW, AdwApplicationWindow)

ObjectorWindow *objector_window_new        (ObjectorApplication *application);
void            objector_window_show_error (ObjectorWindow      *self,
                                            const char          *message);

G_END_DECLS

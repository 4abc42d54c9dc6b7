/* objector-window.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-application.h"
#include "objector-wizard.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_WINDOW (objector_window_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorWindow, objector_window, OBJECTOR, WINDOW, AdwApplicationWindow)

ObjectorWindow *objector_window_new            (ObjectorApplication *application);
void            objector_window_show_error     (ObjectorWindow      *self,
                                                const char          *message);
/* "wizard", "dashboard", "detail" or "error" */
const char     *objector_window_get_view       (ObjectorWindow      *self);
ObjectorWizard *objector_window_get_wizard     (ObjectorWindow      *self);
void            objector_window_show_dashboard (ObjectorWindow      *self);
void            objector_window_show_wizard    (ObjectorWindow      *self);
void            objector_window_show_objection (ObjectorWindow      *self,
                                                const char          *objection_id);

G_END_DECLS

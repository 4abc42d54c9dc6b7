/* objector-mail-window.h — "Log Meta’s Email": the window around a list of Meta's emails
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-mail-list.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_MAIL_WINDOW (objector_mail_window_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMailWindow, objector_mail_window, OBJECTOR, MAIL_WINDOW, AdwWindow)

/* A modal window over @parent (nullable) that shows @list and its toasts;
 * Escape closes it. Not yet presented. */
GtkWidget *objector_mail_window_new (GtkWindow        *parent,
                                     ObjectorMailList *list);

G_END_DECLS

/* objector-ui-util.h — small widgets and helpers the pages share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A vertical page body in a clamp inside a scrolled window; returns the
 * scrolled window and sets *@box to the box to fill. Never scrolls sideways. */
GtkWidget  *objector_ui_page_body         (GtkWidget  **box);
GtkWidget  *objector_ui_heading           (const char  *text);
GtkWidget  *objector_ui_paragraph         (const char  *text);
/* A button whose label wraps, so that long labels fit at 360 px. */
GtkWidget  *objector_ui_wrapping_button   (const char  *mnemonic_label);
/* An icon button that copies @text, with a tooltip and accessible label. */
GtkWidget  *objector_ui_copy_button       (const char  *what,
                                           const char  *text);

/* The country's name in the user's language (iso-codes), or the code. */
char       *objector_ui_country_name      (const char  *code);

/* Opens an https URL in the browser; tests replace how. */
typedef void (*ObjectorUriLauncher) (GtkWindow  *parent,
                                     const char *uri);
void        objector_ui_launch_uri        (GtkWindow  *parent,
                                           const char *uri);
void        objector_ui_set_uri_launcher_for_testing (ObjectorUriLauncher launcher);

G_END_DECLS

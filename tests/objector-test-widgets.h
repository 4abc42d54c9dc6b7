/* objector-test-widgets.h — looking at widgets as a person (or a screen reader) would
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the tests under Xvfb. test_widgets_start() sets GTK_A11Y=test (so
 * that accessible names can be read back) before GTK starts, then starts
 * libadwaita. GTK connects to the session bus as it starts: a test that
 * brings up a bus of its own (objector-test-session.h) starts GTK after.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Whether there is a display to start GTK on (call it first: main()). */
gboolean    test_widgets_have_display      (void);
void        test_widgets_start             (void);

/* The first visible widget under @root (itself included) of @type whose
 * label, title or button text is @text (NULL: any). */
GtkWidget  *test_widgets_find              (GtkWidget   *root,
                                            GType        type,
                                            const char  *text);
/* The toplevel window of @type that is shown, or NULL. */
GtkWidget  *test_widgets_find_toplevel     (GType        type);

/* Fails the test unless every control of @window that a person can reach
 * has an accessible name, and @window fits 360 px wide. */
void        test_widgets_assert_accessible (GtkWidget   *window,
                                            const char  *what);
void        test_widgets_assert_fits_360   (GtkWidget   *window,
                                            const char  *what);

G_END_DECLS

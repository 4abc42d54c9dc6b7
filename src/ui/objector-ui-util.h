/* objector-ui-util.h — small widgets and helpers the pages share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-mail-verdict.h"

G_BEGIN_DECLS

GtkWidget  *objector_ui_heading           (const char  *text);
GtkWidget  *objector_ui_paragraph         (const char  *text);
/* A button whose label wraps, so that long labels fit at 360 px. */
GtkWidget  *objector_ui_wrapping_button   (const char  *mnemonic_label);
/* A check button whose label wraps (GTK's own does not). */
GtkWidget  *objector_ui_wrapping_check    (const char  *mnemonic_label);
/* Shows @message in the toast overlay around @widget (found upwards, or, for a
 * window, downwards from its content); @persistent toasts stay until
 * dismissed. Logged at debug level too, so that tests and bug reports see it. */
void        objector_ui_toast             (GtkWidget   *widget,
                                           const char  *message,
                                           gboolean     persistent);
/* Shows @toast (taken) in the same overlay as objector_ui_toast(): in the
 * wizard, its own, above Back and Next; elsewhere the window's. */
void        objector_ui_add_toast         (GtkWidget   *widget,
                                           AdwToast    *toast);
/* Asks where to save a file (GtkFileDialog from GTK 4.10, a native chooser
 * before). @callback gets the file, or NULL when the person cancelled;
 * @notify then frees @user_data. @filter is nullable. */
typedef void (*ObjectorFileChosenFunc) (GFile    *file,
                                        gpointer  user_data);
void        objector_ui_choose_save_file  (GtkWindow              *parent,
                                           const char             *title,
                                           const char             *initial_name,
                                           GtkFileFilter          *filter,
                                           ObjectorFileChosenFunc  callback,
                                           gpointer                user_data,
                                           GDestroyNotify          notify);
/* Escape closes @window, as it does a message dialog. */
void        objector_ui_close_on_escape   (GtkWindow   *window);
/* An icon button that copies @text, with a tooltip and accessible label. */
GtkWidget  *objector_ui_copy_button       (const char  *what,
                                           const char  *text);

/* An icon for an email's verdict, its words as tooltip and accessible
 * name: a shield for verified, a question for unverifiable (a check once
 * the person confirmed it), a warning for failed or suspicious. */
GtkWidget  *objector_ui_verdict_badge     (ObjectorMailVerdict  verdict,
                                           gboolean             confirmed);


/* Opens an https URL in the browser; a failure is a toast on @parent. */
void        objector_ui_launch_uri        (GtkWindow  *parent,
                                           const char *uri);

/* The same, telling @callback whether the browser opened it: @launched is
 * FALSE, with @error saying why, when no browser could. Nothing is to be
 * recorded as opened before that. Not called when the launch was cancelled;
 * @notify frees @user_data in every case. */
typedef void (*ObjectorUriLaunchedFunc) (gboolean      launched,
                                         const GError *error,
                                         gpointer      user_data);
void        objector_ui_launch_uri_then   (GtkWindow               *parent,
                                           const char              *uri,
                                           ObjectorUriLaunchedFunc  callback,
                                           gpointer                 user_data,
                                           GDestroyNotify           notify);

/* Tests replace the browser: the launcher returns FALSE (and may set
 * @error) to act as a computer where none opens. It answers at once, so the
 * callback above runs before objector_ui_launch_uri_then() returns. */
typedef gboolean (*ObjectorUriLauncher) (GtkWindow   *parent,
                                         const char  *uri,
                                         GError     **error);
void        objector_ui_set_uri_launcher_for_testing (ObjectorUriLauncher launcher);

/* What opening a form does after its link was checked. */
typedef enum
{
  OBJECTOR_LINK_ACTION_OPEN,            /* it answers: open it */
  OBJECTOR_LINK_ACTION_OPEN_FINAL,      /* moved within Meta: open where it went */
  OBJECTOR_LINK_ACTION_OPEN_UNCHECKED,  /* could not check (offline…): open anyway, say so */
  OBJECTOR_LINK_ACTION_ASK,             /* gone or failing: offer the overview, or open anyway */
  OBJECTOR_LINK_ACTION_REFUSE,          /* leads away from Meta: offer the overview only */
} ObjectorLinkAction;

ObjectorLinkAction objector_ui_link_action (int verdict);  /* an ObjectorLinkVerdict */

/* Link checks before opening a form; tests without a network turn them off. */
gboolean    objector_ui_get_check_links   (void);
void        objector_ui_set_check_links_for_testing (gboolean check);

G_END_DECLS

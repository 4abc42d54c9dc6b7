/* objector-password-dialog.h — asks the password of a mail account
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OBJECTOR_TYPE_PASSWORD_DIALOG (objector_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorPasswordDialog, objector_password_dialog, OBJECTOR, PASSWORD_DIALOG, AdwMessageDialog)

/* A small dialog: the password of @label (the person's address or user
 * name) on @host, a check "Remember it in the keyring" (@remember first),
 * the provider's @hint and, after a refusal, @problem (both nullable).
 * Its responses are "look" (Enter) and "cancel" (Escape). */
GtkWidget  *objector_password_dialog_new          (GtkWindow  *parent,
                                                   const char *label,
                                                   const char *host,
                                                   const char *hint,
                                                   const char *problem,
                                                   gboolean    remember);
const char *objector_password_dialog_get_password (ObjectorPasswordDialog *self);
gboolean    objector_password_dialog_get_remember (ObjectorPasswordDialog *self);
/* Types @password and answers "look", as a person would (for tests). */
void        objector_password_dialog_submit       (ObjectorPasswordDialog *self,
                                                   const char             *password,
                                                   gboolean                remember);

G_END_DECLS

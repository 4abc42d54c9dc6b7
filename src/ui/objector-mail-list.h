/* objector-mail-list.h — Meta's emails, checked, ready to log as evidence
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-mail.h"
#include "objector-store.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_MAIL_LIST (objector_mail_list_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMailList, objector_mail_list, OBJECTOR, MAIL_LIST, AdwBin)

/* @mails: ObjectorMail, checked; none: a status page says so.
 * @objection_id: where to log them, or NULL to log each on the objection it
 * matches. */
GtkWidget *objector_mail_list_new        (ObjectorStore *store,
                                          GPtrArray     *mails,
                                          const char    *objection_id);
/* Logs the email at @index as the row shows it; FALSE with a message shown
 * when it cannot be logged. */
gboolean   objector_mail_list_log        (ObjectorMailList *self,
                                          guint             index);
/* The person says the unverifiable email at @index is genuine: logs it and
 * records its step, marked "confirmed by you, not verified" (the row's
 * "This is genuine: record it" button). FALSE with a message shown when it
 * cannot be recorded. */
gboolean   objector_mail_list_confirm    (ObjectorMailList *self,
                                          guint             index);

/* A window ("Log Meta’s Email", objector-mail-window.h) that reads @file
 * (an .eml file or an mbox) and lists what it holds for the person to log
 * on @objection_id. */
void       objector_mail_list_show_file  (GtkWindow     *parent,
                                          ObjectorStore *store,
                                          ObjectorPlaybook *playbook,
                                          GFile         *file,
                                          const char    *objection_id);
/* The same for text pasted in. */
void       objector_mail_list_show_text  (GtkWindow     *parent,
                                          ObjectorStore *store,
                                          ObjectorPlaybook *playbook,
                                          const char    *text,
                                          const char    *objection_id);

G_END_DECLS

/* objector-scan-dialog.h — find Meta's emails in the person's own mail
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-mail-lookup.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_SCAN_DIALOG (objector_scan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorScanDialog, objector_scan_dialog, OBJECTOR, SCAN_DIALOG, AdwWindow)

GtkWidget *objector_scan_dialog_new   (GtkWindow          *parent,
                                       ObjectorStore      *store,
                                       ObjectorPlaybook   *playbook,
                                       GSettings          *settings);
/* Scans @path (an mbox file or a Maildir folder) in a worker thread. */
void       objector_scan_dialog_scan  (ObjectorScanDialog *self,
                                       const char         *path);
/* Lists the person's mail accounts (asking GNOME Online Accounts and
 * reading the saved ones now), each with Look, and "Add an Account…". */
void       objector_scan_dialog_show_accounts   (ObjectorScanDialog *self);
/* "Look for Meta's Answer Now" on an objection's page: looks at once in
 * the account last looked in (or the only usable one), else lists the
 * accounts to choose from; what is found is logged on @objection_id. */
void       objector_scan_dialog_look_for_answer (ObjectorScanDialog *self,
                                                 const char         *objection_id);
/* The lookup behind "Look" (progress, Cancel), for tests. */
ObjectorMailLookup *objector_scan_dialog_get_lookup (ObjectorScanDialog *self);
/* The usual places of Thunderbird's and Evolution's local mail that exist. */
GPtrArray *objector_scan_dialog_find_mailboxes (const char *home);

G_END_DECLS

/* objector-mail-account-private.h — what ObjectorMailAccounts needs of an account
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#define GOA_API_IS_SUBJECT_TO_CHANGE
#include <goa/goa.h>

#include "objector-mail-account.h"

G_BEGIN_DECLS

/* An account added by hand: @address (nullable) is what the person typed. */
ObjectorMailAccount *objector_mail_account_new_saved    (const char          *address,
                                                         ObjectorImapAccount *imap);
/* The account of @object, or NULL when it has no IMAP mail (a calendar-only
 * account, Exchange…). */
ObjectorMailAccount *objector_mail_account_new_online   (GoaObject           *object);
/* "saved:USER@HOST[:PORT][/MAILBOX]" */
char                *objector_mail_account_make_saved_id (ObjectorImapAccount *imap);
/* The address, or NULL. */
const char          *objector_mail_account_get_address  (ObjectorMailAccount *self);

G_END_DECLS

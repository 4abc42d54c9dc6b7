/* objector-accounts-page.h — the Facebook, Instagram and WhatsApp accounts to object for
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-page.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_ACCOUNTS_PAGE (objector_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorAccountsPage, objector_accounts_page, OBJECTOR, ACCOUNTS_PAGE, ObjectorPage)

ObjectorPage *objector_accounts_page_new (ObjectorWizard *wizard);

G_END_DECLS

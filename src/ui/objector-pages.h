/* objector-pages.h — the wizard's pages
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-page.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_WELCOME_PAGE (objector_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorWelcomePage, objector_welcome_page, OBJECTOR, WELCOME_PAGE, ObjectorPage)
ObjectorPage *objector_welcome_page_new (void);

#define OBJECTOR_TYPE_COUNTRY_PAGE (objector_country_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorCountryPage, objector_country_page, OBJECTOR, COUNTRY_PAGE, ObjectorPage)
ObjectorPage *objector_country_page_new (void);

#define OBJECTOR_TYPE_ACCOUNTS_PAGE (objector_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorAccountsPage, objector_accounts_page, OBJECTOR, ACCOUNTS_PAGE, ObjectorPage)
ObjectorPage *objector_accounts_page_new (void);

#define OBJECTOR_TYPE_DETAILS_PAGE (objector_details_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorDetailsPage, objector_details_page, OBJECTOR, DETAILS_PAGE, ObjectorPage)
ObjectorPage *objector_details_page_new (void);

#define OBJECTOR_TYPE_PATH_PAGE (objector_path_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorPathPage, objector_path_page, OBJECTOR, PATH_PAGE, ObjectorPage)
/* NULL when the store has no such objection. */
ObjectorPage *objector_path_page_new              (ObjectorStore    *store,
                                                   ObjectorPlaybook *playbook,
                                                   const char       *objection_id);
const char   *objector_path_page_get_objection_id (ObjectorPathPage *self);

#define OBJECTOR_TYPE_DONE_PAGE (objector_done_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorDonePage, objector_done_page, OBJECTOR, DONE_PAGE, ObjectorPage)
ObjectorPage *objector_done_page_new (void);

G_END_DECLS

/* objector-details-page.h — the email address and the reason the forms ask for
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-page.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_DETAILS_PAGE (objector_details_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorDetailsPage, objector_details_page, OBJECTOR, DETAILS_PAGE, ObjectorPage)

ObjectorPage *objector_details_page_new (ObjectorWizard *wizard);

G_END_DECLS

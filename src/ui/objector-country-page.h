/* objector-country-page.h — where the person lives, which decides what they can ask
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-page.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_COUNTRY_PAGE (objector_country_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorCountryPage, objector_country_page, OBJECTOR, COUNTRY_PAGE, ObjectorPage)

ObjectorPage *objector_country_page_new (ObjectorWizard *wizard);

G_END_DECLS

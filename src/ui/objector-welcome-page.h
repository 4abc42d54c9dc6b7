/* objector-welcome-page.h — the first page: what Meta uses and what Objector does
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-page.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_WELCOME_PAGE (objector_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorWelcomePage, objector_welcome_page, OBJECTOR, WELCOME_PAGE, ObjectorPage)

ObjectorPage *objector_welcome_page_new (ObjectorWizard *wizard);

G_END_DECLS

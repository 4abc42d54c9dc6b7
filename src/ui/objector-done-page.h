/* objector-done-page.h — the last page: what was filed, and what comes next
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-page.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_DONE_PAGE (objector_done_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorDonePage, objector_done_page, OBJECTOR, DONE_PAGE, ObjectorPage)

ObjectorPage *objector_done_page_new (ObjectorWizard *wizard);

G_END_DECLS

/* objector-objection-page.h — one objection: the form, its fields, and each step
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-page.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_OBJECTION_PAGE (objector_objection_page_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorObjectionPage, objector_objection_page, OBJECTOR, OBJECTION_PAGE, ObjectorPage)

/* NULL when the store has no such objection, or the playbook no longer has its path. */
ObjectorPage *objector_objection_page_new              (ObjectorWizard        *wizard,
                                                        const char            *objection_id);
const char   *objector_objection_page_get_objection_id (ObjectorObjectionPage *self);

G_END_DECLS

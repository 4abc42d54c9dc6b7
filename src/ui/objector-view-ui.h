/* objector-view-ui.h — an objection's view-model, made for the pages
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-objection-view.h"
#include "objector-page.h"

G_BEGIN_DECLS

/* The view of @objection now, with what @wizard knows of the person (its
 * draft, the store, the authorities) and the country named in the user's
 * language. NULL when the wizard has no playbook. */
ObjectorObjectionView *objector_ui_view_new              (ObjectorWizard    *wizard,
                                                          ObjectorObjection *objection);
/* Calls @func once, just after the next local midnight: a view made
 * yesterday may be out of date (an answer becomes overdue). Returns the
 * source id. */
guint                  objector_ui_add_midnight_timeout  (GSourceFunc        func,
                                                          gpointer           data);

G_END_DECLS

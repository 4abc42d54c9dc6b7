/* objector-dashboard.h — every objection, where it stands, what comes next
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-store.h"
#include "objector-wizard.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_DASHBOARD (objector_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorDashboard, objector_dashboard, OBJECTOR, DASHBOARD, AdwBin)

/* The overview of @store's objections, grouped by what each needs (its
 * view-model's category). @wizard, nullable, knows the person and the
 * playbook; without it (no playbook) each row says its state alone. */
GtkWidget *objector_dashboard_new (ObjectorStore  *store,
                                   ObjectorWizard *wizard);

G_END_DECLS

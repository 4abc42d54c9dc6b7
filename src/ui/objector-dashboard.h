/* objector-dashboard.h — every objection, where it stands, what comes next
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_DASHBOARD (objector_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorDashboard, objector_dashboard, OBJECTOR, DASHBOARD, AdwBin)

GtkWidget *objector_dashboard_new              (ObjectorStore     *store,
                                                ObjectorPlaybook  *playbook);
/* What the row says comes next, in words. */
char      *objector_dashboard_describe_next    (ObjectorObjection *objection,
                                                GDateTime         *now);

G_END_DECLS

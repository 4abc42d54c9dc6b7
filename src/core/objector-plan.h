/* objector-plan.h — from the wizard's draft to the objections it calls for
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-draft.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

/* One objection per account on each objection path open where the person
 * lives (one for all Facebook and Instagram accounts when the draft says
 * they are linked in one Accounts Center: through Facebook's form, its
 * account naming each and its history saying so), and the third-party
 * request. Creates what is missing, brings the
 * details of those not sent yet up to date, withdraws unsent ones no longer
 * wanted (the history says why), keeps sent ones, and records the list in
 * the draft. */
gboolean    objector_plan_objections (ObjectorStore     *store,
                                      ObjectorPlaybook  *playbook,
                                      ObjectorDraft     *draft,
                                      GDateTime         *now,
                                      GError           **error);

/* The reason to submit on @path: the person's own words where they wrote
 * them (objection paths), otherwise the path's template of the chosen kind. */
const char *objector_plan_reason_for  (ObjectorDraft     *draft,
                                      ObjectorPath      *path);

G_END_DECLS

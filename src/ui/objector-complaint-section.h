/* objector-complaint-section.h — complaining to the authority, when Meta
 * refuses or stays silent
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-store.h"
#include "objector-page.h"
#include "objector-path.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_COMPLAINT_SECTION (objector_complaint_section_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorComplaintSection, objector_complaint_section, OBJECTOR, COMPLAINT_SECTION, AdwBin)

/* Hidden while the objection gives no grounds for a complaint. */
GtkWidget  *objector_complaint_section_new      (ObjectorWizard    *wizard,
                                                 ObjectorObjection *objection,
                                                 ObjectorPath      *path);
/* The complaint as it stands, or NULL when none can be written. */
const char *objector_complaint_section_get_text (ObjectorComplaintSection *self);

G_END_DECLS

/* objector-application.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-authorities.h"
#include "objector-complaint.h"
#include "objector-draft.h"
#include "objector-net.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_APPLICATION (objector_application_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorApplication, objector_application, OBJECTOR, APPLICATION, AdwApplication)

ObjectorApplication *objector_application_new          (void);
ObjectorStore       *objector_application_get_store    (ObjectorApplication *self);
ObjectorPlaybook    *objector_application_get_playbook (ObjectorApplication *self);
ObjectorDraft       *objector_application_get_draft    (ObjectorApplication *self);
/* Bundled data; NULL only if the build itself is broken. */
ObjectorAuthorities    *objector_application_get_authorities     (ObjectorApplication *self);
ObjectorComplaintTexts *objector_application_get_complaint_texts (ObjectorApplication *self);
ObjectorNet            *objector_application_get_net             (ObjectorApplication *self);
/* A newer playbook takes effect at once: windows follow :playbook. */
void                    objector_application_set_playbook        (ObjectorApplication *self,
                                                                  ObjectorPlaybook    *playbook);
/* NULL when the schema is not installed (a build run from the tree). */
GSettings              *objector_application_dup_settings        (ObjectorApplication *self);

G_END_DECLS

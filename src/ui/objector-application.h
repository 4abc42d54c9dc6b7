/* objector-application.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-draft.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_APPLICATION (objector_application_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorApplication, objector_application, OBJECTOR, APPLICATION, AdwApplication)

ObjectorApplication *objector_application_new          (void);
ObjectorStore       *objector_application_get_store    (ObjectorApplication *self);
ObjectorPlaybook    *objector_application_get_playbook (ObjectorApplication *self);
ObjectorDraft       *objector_application_get_draft    (ObjectorApplication *self);

G_END_DECLS

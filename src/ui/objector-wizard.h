/* objector-wizard.h — the navigator that walks the pages
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "objector-application.h"
#include "objector-draft.h"
#include "objector-page.h"
#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_WIZARD (objector_wizard_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorWizard, objector_wizard, OBJECTOR, WIZARD, AdwBin)

/* The driver of the pages, after GNOME Initial Setup: every page gets what it
 * needs from its wizard, never from the application singleton. */
ObjectorWizard   *objector_wizard_new              (ObjectorApplication *application);
ObjectorStore    *objector_wizard_get_store        (ObjectorWizard   *self);
ObjectorPlaybook *objector_wizard_get_playbook     (ObjectorWizard   *self);
void              objector_wizard_set_playbook     (ObjectorWizard   *self,
                                                    ObjectorPlaybook *playbook);
ObjectorDraft    *objector_wizard_get_draft        (ObjectorWizard   *self);
/* Loaded or made when first asked for. */
ObjectorNet            *objector_wizard_get_net             (ObjectorWizard *self);
ObjectorAuthorities    *objector_wizard_get_authorities     (ObjectorWizard *self);
ObjectorComplaintTexts *objector_wizard_get_complaint_texts (ObjectorWizard *self);
GSettings        *objector_wizard_dup_settings     (ObjectorWizard   *self);

/* Goes to the page the draft remembers (or the first one). */
void              objector_wizard_resume           (ObjectorWizard   *self);
void              objector_wizard_go_to            (ObjectorWizard   *self,
                                                    const char       *page_id);
ObjectorPage     *objector_wizard_get_current_page (ObjectorWizard   *self);
ObjectorPage     *objector_wizard_get_page         (ObjectorWizard   *self,
                                                    const char       *page_id);
gboolean          objector_wizard_next             (ObjectorWizard   *self);
void              objector_wizard_back             (ObjectorWizard   *self);
/* Makes one page per objection the draft lists, before the last page. */
void              objector_wizard_sync_objection_pages (ObjectorWizard *self);
void              objector_wizard_show_message     (ObjectorWizard   *self,
                                                    const char       *message);

G_END_DECLS

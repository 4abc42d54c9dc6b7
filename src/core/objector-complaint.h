/* objector-complaint.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "objector-authorities.h"
#include "objector-complaint-texts.h"
#include "objector-objection.h"
#include "objector-path.h"

G_BEGIN_DECLS

/* Whether @objection gives grounds for a complaint at @now (nullable: the
 * current time): Meta refused it, the person escalated it, or Meta's answer
 * is overdue. Otherwise FALSE with OBJECTOR_ERROR_NO_GROUNDS and a message
 * saying why and when, as in “Meta still has until 28 February 2026 to
 * answer this objection…”. */
gboolean                objector_complaint_check_grounds        (ObjectorObjection      *objection,
                                                                 GDateTime              *now,
                                                                 GError                **error);

/* One complaint under GDPR Art. 77 (UK GDPR and DPA 2018 for the ICO; the
 * FADP for Switzerland's FDPIC), written out. */
#define OBJECTOR_TYPE_COMPLAINT (objector_complaint_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorComplaint, objector_complaint, OBJECTOR, COMPLAINT, GObject)

/* Writes the complaint about @objection to @authority.
 * @path (nullable): the objection's path, for the form's address.
 * @region (nullable): the region the person lives in, named in the text.
 * @language (nullable): a language of @texts; by default the authority's
 * complaint language, or English where there is no text in it.
 * Fails with OBJECTOR_ERROR_NO_GROUNDS (see check_grounds) or
 * OBJECTOR_ERROR_INVALID_INPUT for a language without texts. */
ObjectorComplaint      *objector_complaint_new                  (ObjectorComplaintTexts *texts,
                                                                 ObjectorObjection      *objection,
                                                                 ObjectorAuthority      *authority,
                                                                 ObjectorPath           *path,
                                                                 const char             *region,
                                                                 const char             *language,
                                                                 GDateTime              *now,
                                                                 GError                **error);

ObjectorAuthority      *objector_complaint_get_authority        (ObjectorComplaint      *self);
const char             *objector_complaint_get_language         (ObjectorComplaint      *self);
const char             *objector_complaint_get_subject          (ObjectorComplaint      *self);
/* The letter: plain text, paragraphs separated by blank lines, lists as
 * lines starting with "- ". Ends with the attachments. */
const char             *objector_complaint_get_text             (ObjectorComplaint      *self);
/* What to attach, in the complaint's language: the PDF summary, then each of
 * Meta's emails. */
const char * const     *objector_complaint_get_attachments      (ObjectorComplaint      *self);

G_END_DECLS

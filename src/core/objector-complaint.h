/* objector-complaint.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "objector-authorities.h"
#include "objector-objection.h"
#include "objector-path.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

#define OBJECTOR_COMPLAINT_TEXTS_RESOURCE "/io/github/objector/Objector/complaints.json"

/* The only "format" this version reads. */
#define OBJECTOR_COMPLAINT_TEXTS_FORMAT 1

/* The texts of data/complaints.json: the complaint to a data-protection
 * authority and the message to the people around you, per language. Texts
 * live in data, not in C, because a complaint is written in the authority's
 * language, whatever language Objector runs in. */
#define OBJECTOR_TYPE_COMPLAINT_TEXTS (objector_complaint_texts_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorComplaintTexts, objector_complaint_texts, OBJECTOR, COMPLAINT_TEXTS, GObject)

/* Validates every language (all texts present, only known placeholders);
 * faults give OBJECTOR_ERROR_INVALID_DATA with the JSON path:
 * "languages.de.texts.subject: unknown placeholder “{nmae}”". */
ObjectorComplaintTexts *objector_complaint_texts_new_from_bytes (GBytes                 *bytes,
                                                                 GError                **error);
/* The texts bundled in the gresource. */
ObjectorComplaintTexts *objector_complaint_texts_load           (GError                **error);
/* The languages that have texts, "en" first, then sorted. */
const char * const     *objector_complaint_texts_get_languages  (ObjectorComplaintTexts *self);
gboolean                objector_complaint_texts_has_language   (ObjectorComplaintTexts *self,
                                                                 const char             *language);
/* The texts' language for @language ("pt" → "pt_BR", "de_AT.UTF-8" → "de"), or NULL. */
const char             *objector_complaint_texts_resolve_language (ObjectorComplaintTexts *self,
                                                                   const char             *language);

/* "The people around you": a short message to copy or share, asking friends
 * and family who post about the person to object too, with the objection
 * forms of @playbook (nullable: then where to find them in the apps).
 * @language (nullable): the user's language, from g_get_language_names();
 * English when there is no text in it. @title (out) (optional). */
char                   *objector_complaint_texts_dup_people_message (ObjectorComplaintTexts *self,
                                                                     ObjectorPlaybook       *playbook,
                                                                     const char             *language,
                                                                     char                  **title);

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

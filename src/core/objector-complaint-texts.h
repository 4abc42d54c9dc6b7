/* objector-complaint-texts.h — the texts complaints are written in, per language
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

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
 * English when there is no text in it. @has_account: whether the person has
 * an account of their own (and so objected for it). @title (out) (optional). */
char                   *objector_complaint_texts_dup_people_message (ObjectorComplaintTexts *self,
                                                                     ObjectorPlaybook       *playbook,
                                                                     const char             *language,
                                                                     gboolean                has_account,
                                                                     char                  **title);

G_END_DECLS

/* objector-complaint-private.h — what a complaint needs of its texts
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * objector-complaint-texts.c loads and checks the texts and fills their
 * "{placeholders}"; objector-complaint.c writes one complaint with them.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "objector-complaint-texts.h"
#include "objector-flow.h"

G_BEGIN_DECLS

/* The texts of one language, and of one law (nullable), as
 * objector_complaint_texts_new_from_bytes() checked them: every text the
 * getters below ask for is there. */
typedef struct
{
  JsonObject *block;
  JsonObject *texts;
  JsonObject *law;
} ObjectorComplaintLang;

void        _objector_complaint_lang_init        (ObjectorComplaintLang  *lang,
                                                  ObjectorComplaintTexts *texts,
                                                  const char             *language,
                                                  const char             *law);
/* A text of "texts" ("subject", "greeting", …). */
const char *_objector_complaint_lang_text        (ObjectorComplaintLang  *lang,
                                                  const char             *key);
/* A text of the law ("complaint", "objection", …, "lead_note"); NULL for
 * an optional one that is not there. */
const char *_objector_complaint_lang_law_text    (ObjectorComplaintLang  *lang,
                                                  const char             *key);
/* What the language calls a country (NULL when it has no name for it), an
 * event, a platform (@platform itself when it has no name for it). */
const char *_objector_complaint_lang_country     (ObjectorComplaintLang  *lang,
                                                  const char             *code);
const char *_objector_complaint_lang_event       (ObjectorComplaintLang  *lang,
                                                  ObjectorEvent           event);
const char *_objector_complaint_lang_platform    (ObjectorComplaintLang  *lang,
                                                  const char             *platform);
/* A date as the language writes it ("5. März 2026"), where the person lives. */
char       *_objector_complaint_lang_format_date (ObjectorComplaintLang  *lang,
                                                  GDateTime              *time);
/* The text @key of "texts", its placeholders filled from @vars. */
char       *_objector_complaint_lang_expand      (ObjectorComplaintLang  *lang,
                                                  const char             *key,
                                                  GHashTable             *vars);

/* Meta Platforms Ireland Limited's name and address, as the texts give them. */
const char *_objector_complaint_texts_get_controller         (ObjectorComplaintTexts *self);
const char *_objector_complaint_texts_get_controller_address (ObjectorComplaintTexts *self);

/* Placeholders: name (static) → value (owned); a NULL value is "". */
GHashTable *_objector_complaint_vars_new         (void);
void        _objector_complaint_vars_set         (GHashTable             *vars,
                                                  const char             *name,
                                                  const char             *value);
void        _objector_complaint_vars_take        (GHashTable             *vars,
                                                  const char             *name,
                                                  char                   *value);
/* Fills "{name}" from @vars in one pass: what a value holds (a reason with
 * braces in it) is never expanded again. Unknown names stay as they are. */
char       *_objector_complaint_expand           (const char             *template,
                                                  GHashTable             *vars);

G_END_DECLS

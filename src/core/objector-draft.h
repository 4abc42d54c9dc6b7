/* objector-draft.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the wizard knows before and while objections exist: where the person
 * lives, their accounts, the details the forms ask for, and the step they
 * were on. Saved beside the objections (0600) so that closing the app at any
 * step and coming back days later lands on the same step, all filled in. */

typedef struct
{
  char *platform;  /* "facebook", "instagram" or "whatsapp" */
  char *label;     /* how the person tells their accounts apart; may be "" */
} ObjectorAccount;

#define OBJECTOR_TYPE_DRAFT (objector_draft_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorDraft, objector_draft, OBJECTOR, DRAFT, GObject)

ObjectorDraft      *objector_draft_new              (const char     *directory);
/* A missing file is an empty draft; a damaged one is set aside and reported,
 * and the draft starts empty (objections themselves live elsewhere). */
gboolean            objector_draft_load             (ObjectorDraft  *self,
                                                     GError        **error);
/* The same for a reader that changes nothing (`objector export-pdf`): a
 * damaged file stays where it is, for the app to set aside when it starts. */
gboolean            objector_draft_load_read_only   (ObjectorDraft  *self,
                                                     GError        **error);
gboolean            objector_draft_save             (ObjectorDraft  *self,
                                                     GError        **error);
void                objector_draft_reset            (ObjectorDraft  *self);

const char         *objector_draft_get_country      (ObjectorDraft  *self);
void                objector_draft_set_country      (ObjectorDraft  *self,
                                                     const char     *country);
/* For countries whose complaints go to a regional authority (Germany's
 * Länder): the region's name, as the authorities list gives it. */
const char         *objector_draft_get_region       (ObjectorDraft  *self);
void                objector_draft_set_region       (ObjectorDraft  *self,
                                                     const char     *region);
/* The person's name, optional: it fills a form's name field and heads the
 * PDF summary; no objection needs it. */
const char         *objector_draft_get_name         (ObjectorDraft  *self);
void                objector_draft_set_name         (ObjectorDraft  *self,
                                                     const char     *name);
const char         *objector_draft_get_email        (ObjectorDraft  *self);
void                objector_draft_set_email        (ObjectorDraft  *self,
                                                     const char     *email);
/* "short", "full" or "custom" */
const char         *objector_draft_get_reason_kind  (ObjectorDraft  *self);
void                objector_draft_set_reason_kind  (ObjectorDraft  *self,
                                                     const char     *kind);
const char         *objector_draft_get_reason       (ObjectorDraft  *self);
void                objector_draft_set_reason       (ObjectorDraft  *self,
                                                     const char     *reason);
const char         *objector_draft_get_page         (ObjectorDraft  *self);
void                objector_draft_set_page         (ObjectorDraft  *self,
                                                     const char     *page);
gboolean            objector_draft_get_finished     (ObjectorDraft  *self);
void                objector_draft_set_finished     (ObjectorDraft  *self,
                                                     gboolean        finished);
gboolean            objector_draft_get_no_account   (ObjectorDraft  *self);
void                objector_draft_set_no_account   (ObjectorDraft  *self,
                                                     gboolean        no_account);

/* The person's Facebook and Instagram accounts are linked in one Meta
 * Accounts Center: one objection covers them all (the plan sends them
 * through one form). */
gboolean            objector_draft_get_accounts_linked (ObjectorDraft *self);
void                objector_draft_set_accounts_linked (ObjectorDraft *self,
                                                        gboolean       linked);

/* Accounts, in the order the person added them. */
gboolean            objector_draft_is_account_platform (const char    *platform);
guint               objector_draft_get_n_accounts   (ObjectorDraft  *self);
const ObjectorAccount *objector_draft_get_account   (ObjectorDraft  *self,
                                                     guint           index);
void                objector_draft_add_account      (ObjectorDraft  *self,
                                                     const char     *platform,
                                                     const char     *label);
void                objector_draft_set_account_label (ObjectorDraft *self,
                                                     guint           index,
                                                     const char     *label);
void                objector_draft_remove_account   (ObjectorDraft  *self,
                                                     guint           index);
guint               objector_draft_count_platform   (ObjectorDraft  *self,
                                                     const char     *platform);

/* The objections this wizard run created, in the order it walks them. */
const char * const *objector_draft_get_objections   (ObjectorDraft  *self);
void                objector_draft_set_objections   (ObjectorDraft  *self,
                                                     const char * const *ids);

G_END_DECLS

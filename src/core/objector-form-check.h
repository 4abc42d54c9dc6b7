/* objector-form-check.h — which of a path's forms to open
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meta moves its forms. A path lists where the form may be, the current
 * form first; before opening it, each address is checked in turn and the
 * first that answers on an allowed host wins. Nothing else is requested:
 * the check stops at the first that works.
 */

#pragma once

#include "objector-net.h"
#include "objector-path.h"

G_BEGIN_DECLS

typedef enum
{
  OBJECTOR_FORM_CHOICE_OPEN,            /* one answers: open @url */
  OBJECTOR_FORM_CHOICE_OPEN_UNCHECKED,  /* none could be checked (offline…): open @url, say so */
  OBJECTOR_FORM_CHOICE_ASK,             /* none answered as it should: offer to open @url anyway */
  OBJECTOR_FORM_CHOICE_REFUSE,          /* each leads away from Meta or is not allowed: open nothing */
} ObjectorFormChoiceAction;

typedef struct
{
  ObjectorFormChoiceAction  action;
  guint                     index;    /* of the candidate chosen (or offered) */
  char                     *url;      /* to open; where it moved, for a form that moved within Meta */
  GPtrArray                *results;  /* ObjectorLinkResult of each candidate checked, in order */
  /* For the person: which was opened and why not the ones before it
   * ("Opened Meta’s 2024 form: Meta’s 2025 form did not answer (gone)."),
   * or NULL when the first answered where it should. */
  char                     *message;
} ObjectorFormChoice;

void                objector_form_choice_free  (ObjectorFormChoice  *choice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorFormChoice, objector_form_choice_free)

/* @candidates: a GPtrArray of ObjectorFormCandidate (objector_path_get_forms()),
 * never empty; @allowed_hosts: the path's. Fails only when cancelled. */
void                objector_form_check_async  (ObjectorNet          *net,
                                                GPtrArray            *candidates,
                                                const char * const   *allowed_hosts,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ObjectorFormChoice *objector_form_check_finish (ObjectorNet          *net,
                                                GAsyncResult         *result,
                                                GError              **error);

/* "Meta’s 2025 form, as of May 2025", or the label alone without a date. */
char               *objector_form_candidate_describe (const ObjectorFormCandidate *form);

G_END_DECLS

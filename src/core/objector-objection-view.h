/* objector-objection-view.h — what one objection asks of the person, in words
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view-model of one objection: from the objection, its path, what
 * Objector knows of the person and the time, where it stands (a category,
 * a title, one sentence, an icon), the one thing to do next and every other
 * step possible now, each with its label. The overview, the objection page
 * and the wizard render it; none of them compares states or writes its own
 * status texts.
 *
 * A view is a snapshot: it never changes once made. Make a new one when the
 * objection changes (its ::changed signal) or the day changes (an answer
 * becomes overdue at midnight). It is a GObject rather than a boxed struct so
 * that it can sit in a GListModel (the overview, sorted and grouped by
 * category) and be looked up from a template (a GtkExpression on "title").
 *
 * A page shows the title, the description and the icon; makes the next
 * action its one suggested button; puts the six answers
 * (objector_view_action_is_answer()) behind "Meta answered…" and the rest in
 * a menu; and does for each action what its comment below says, through the
 * store (undo: objector_store_apply() with OBJECTOR_EVENT_UNDO).
 */

#pragma once

#include <glib-object.h>

#include "objector-authorities.h"
#include "objector-draft.h"
#include "objector-objection.h"
#include "objector-path.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

/* What the objection needs, most urgent first: sorting by it groups the
 * overview. Only append. */
typedef enum
{
  OBJECTOR_VIEW_CATEGORY_NEEDS_YOU,        /* a step only the person can take: send it, type a code, check an email */
  OBJECTOR_VIEW_CATEGORY_NEEDS_COMPLAINT,  /* Meta refused, or is late where the GDPR sets a deadline */
  OBJECTOR_VIEW_CATEGORY_WAITING_FOR_META, /* sent (or complained about): Meta has to answer */
  OBJECTOR_VIEW_CATEGORY_DONE,             /* Meta accepted; or refused where no authority takes complaints */
  OBJECTOR_VIEW_CATEGORY_WITHDRAWN,        /* the person stopped it: neither done nor waiting */
} ObjectorViewCategory;

#define OBJECTOR_VIEW_N_CATEGORIES (OBJECTOR_VIEW_CATEGORY_WITHDRAWN + 1)

/* What the person can do. The nicks ("open-form") suit action names. Only
 * append. */
typedef enum
{
  OBJECTOR_VIEW_ACTION_NONE,
  /* The state machine's own steps. */
  OBJECTOR_VIEW_ACTION_COMPLETE_DETAILS,  /* complete-details: the wizard's details page */
  OBJECTOR_VIEW_ACTION_OPEN_FORM,         /* open-form, once the browser opened it */
  OBJECTOR_VIEW_ACTION_MARK_SUBMITTED,    /* submit */
  OBJECTOR_VIEW_ACTION_ENTER_CODE,        /* confirm-code */
  OBJECTOR_VIEW_ACTION_COMPLAIN,          /* the complaint; escalate once it is filed */
  OBJECTOR_VIEW_ACTION_RETRY,             /* retry */
  OBJECTOR_VIEW_ACTION_WITHDRAW,          /* withdraw */
  OBJECTOR_VIEW_ACTION_UNDO,              /* undo: the label names the step it takes back */
  /* Meta's answer: one control ("Meta answered…") holds these six. */
  OBJECTOR_VIEW_ACTION_ANSWER_RECEIPT,    /* log-receipt, as the person's own statement */
  OBJECTOR_VIEW_ACTION_ANSWER_ACCEPTED,   /* log-approval, likewise */
  OBJECTOR_VIEW_ACTION_ANSWER_REJECTED,   /* log-rejection, likewise */
  OBJECTOR_VIEW_ACTION_ANSWER_EXTENDED,   /* extend, likewise */
  OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE,    /* an email file, logged as evidence (it may move the state) */
  OBJECTOR_VIEW_ACTION_PASTE_EMAIL,       /* the same, pasted */
  /* The next action only: opens the control of the six above. */
  OBJECTOR_VIEW_ACTION_LOG_ANSWER,
  /* The person says an unverifiable email is Meta's (objector_mail_confirm_logged()). */
  OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL,
  /* The wizard only: on to the next page, this one unsent. Records nothing. */
  OBJECTOR_VIEW_ACTION_SKIP,
} ObjectorViewAction;

#define OBJECTOR_VIEW_N_ACTIONS (OBJECTOR_VIEW_ACTION_SKIP + 1)

#define OBJECTOR_TYPE_VIEW_CATEGORY (objector_view_category_get_type ())
#define OBJECTOR_TYPE_VIEW_ACTION (objector_view_action_get_type ())
GType               objector_view_category_get_type    (void) G_GNUC_CONST;
GType               objector_view_action_get_type      (void) G_GNUC_CONST;

/* "needs-you", "needs-complaint", …; "open-form", "answer-accepted", … */
const char         *objector_view_category_to_string   (ObjectorViewCategory  category);
const char         *objector_view_action_to_string     (ObjectorViewAction    action);
gboolean            objector_view_action_from_string   (const char           *nick,
                                                        ObjectorViewAction   *action);
/* A heading for the overview's group: "Needs You", "Waiting for Meta", … */
const char         *objector_view_category_get_title   (ObjectorViewCategory  category);
/* The event @action records by itself; FALSE for those that record none
 * (none, skip), several (log-answer) or what an email says (log-email-file,
 * paste-email, confirm-email: see objector_objection_view_get_email_to_confirm()). */
gboolean            objector_view_action_get_event     (ObjectorViewAction    action,
                                                        ObjectorEvent        *event);
/* One of the six of "Meta answered…". */
gboolean            objector_view_action_is_answer     (ObjectorViewAction    action);

/* What the view needs to know of the person. Borrowed, never kept: the
 * view copies what it uses. objector_view_facts_init() fills it from the
 * wizard's draft and the store; the caller names the country. */
typedef struct
{
  /* Where the person lives, as the interface names it ("United States"),
   * for "Where you live (United States), …"; nullable. */
  const char *country_name;
  /* The GDPR or the UK GDPR protects the person where they live: Meta
   * must answer within a month (Art. 12(3)), and an authority takes
   * complaints (Art. 77). */
  gboolean    gdpr;
  /* A data-protection authority Objector knows takes complaints from where
   * they live: TRUE with gdpr, and for Switzerland's FDPIC. */
  gboolean    authority;
  /* An account on the path's platform; for the third-party request, any
   * Meta account. */
  gboolean    has_account;
  /* An objection for one of their own accounts was sent (and not
   * withdrawn). */
  gboolean    objected_own;
} ObjectorViewFacts;

/* Fills @facts for @objection: the country is the objection's (else the
 * draft's), the GDPR's reach is the playbook's regions "eu", "eea" and
 * "uk", an authority is one of @authorities (nullable: then only with the
 * GDPR), the accounts are the draft's (nullable: then an objection path
 * counts as having one, and the third-party request when @objections hold
 * a sent objection), own objections are those of @objections (nullable: a
 * GListModel of ObjectorObjection, such as the store) on objection paths.
 * country_name is left NULL for the caller. */
void                objector_view_facts_init           (ObjectorViewFacts    *facts,
                                                        ObjectorObjection    *objection,
                                                        ObjectorPlaybook     *playbook,
                                                        ObjectorAuthorities  *authorities,
                                                        ObjectorDraft        *draft,
                                                        GListModel           *objections);

/* One action on offer, with its words. */
typedef struct
{
  ObjectorViewAction  action;
  const char         *label;        /* a button or menu label with a mnemonic: "Meta _Accepted It" */
  const char         *description;  /* one clause for the accessible description and the tooltip */
} ObjectorViewChoice;

#define OBJECTOR_TYPE_OBJECTION_VIEW (objector_objection_view_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorObjectionView, objector_objection_view, OBJECTOR, OBJECTION_VIEW, GObject)

/* The view of @objection at @now (never NULL: the caller's clock).
 * @path: the objection's path; nullable for one a later playbook dropped
 * (then it is worded as an objection when its platform is not "none"). */
ObjectorObjectionView *objector_objection_view_new              (ObjectorObjection       *objection,
                                                                 ObjectorPath            *path,
                                                                 const ObjectorViewFacts *facts,
                                                                 GDateTime               *now);

ObjectorObjection     *objector_objection_view_get_objection    (ObjectorObjectionView   *self);
ObjectorViewCategory   objector_objection_view_get_category     (ObjectorObjectionView   *self);
/* "Waiting for Meta’s answer" */
const char            *objector_objection_view_get_title        (ObjectorObjectionView   *self);
/* "Meta must answer by 20 December 2026." */
const char            *objector_objection_view_get_description  (ObjectorObjectionView   *self);
/* A symbolic icon of the Adwaita theme. */
const char            *objector_objection_view_get_icon_name    (ObjectorObjectionView   *self);

/* The one next action (the page's only suggested button), or NULL when
 * there is none (accepted, withdrawn). Owned by the view. */
const ObjectorViewChoice *objector_objection_view_get_next      (ObjectorObjectionView   *self);
ObjectorViewAction     objector_objection_view_get_next_action  (ObjectorObjectionView   *self);
/* Every other action possible now, in the order to show them: a GArray of
 * ObjectorViewChoice, owned by the view; never holds the next action, nor
 * log-answer (the six it opens are here, objector_view_action_is_answer()). */
GArray                *objector_objection_view_get_secondary    (ObjectorObjectionView   *self);
/* Whether @action is on offer, as the next action or another; log-answer is
 * when any of the six of "Meta answered…" is. */
gboolean               objector_objection_view_offers           (ObjectorObjectionView   *self,
                                                                 ObjectorViewAction       action);
/* The offered @action with its words, or NULL (log-answer has words only
 * as the next action). Owned by the view. */
const ObjectorViewChoice *objector_objection_view_lookup        (ObjectorObjectionView   *self,
                                                                 ObjectorViewAction       action);
/* The logged email confirm-email records (the index among
 * objector_objection_get_emails()), or -1. */
int                    objector_objection_view_get_email_to_confirm (ObjectorObjectionView *self);

G_END_DECLS

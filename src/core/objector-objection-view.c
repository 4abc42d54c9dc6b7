/* objector-objection-view.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-enum-private.h"
#include "objector-mail.h"
#include "objector-mail-match.h"
#include "objector-objection-view.h"

G_DEFINE_ENUM_TYPE (ObjectorViewCategory, objector_view_category,
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_CATEGORY_NEEDS_YOU, "needs-you"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_CATEGORY_NEEDS_COMPLAINT, "needs-complaint"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_CATEGORY_WAITING_FOR_META, "waiting-for-meta"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_CATEGORY_DONE, "done"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_CATEGORY_WITHDRAWN, "withdrawn"))

G_DEFINE_ENUM_TYPE (ObjectorViewAction, objector_view_action,
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_COMPLETE_DETAILS, "complete-details"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_OPEN_FORM, "open-form"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_MARK_SUBMITTED, "mark-submitted"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_ENTER_CODE, "enter-code"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_COMPLAIN, "complain"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_RETRY, "retry"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_WITHDRAW, "withdraw"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_UNDO, "undo"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_ANSWER_RECEIPT, "answer-receipt"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_ANSWER_ACCEPTED, "answer-accepted"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_ANSWER_REJECTED, "answer-rejected"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_ANSWER_EXTENDED, "answer-extended"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE, "log-email-file"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_PASTE_EMAIL, "paste-email"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_LOG_ANSWER, "log-answer"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL, "confirm-email"),
  G_DEFINE_ENUM_VALUE (OBJECTOR_VIEW_ACTION_SKIP, "skip"))

/* The order in which the other actions are shown: the steps of sending,
 * Meta's answer, the complaint, then what changes the record's course. */
static const ObjectorViewAction display_order[] = {
  OBJECTOR_VIEW_ACTION_MARK_SUBMITTED,
  OBJECTOR_VIEW_ACTION_OPEN_FORM,
  OBJECTOR_VIEW_ACTION_ENTER_CODE,
  OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL,
  OBJECTOR_VIEW_ACTION_ANSWER_RECEIPT,
  OBJECTOR_VIEW_ACTION_ANSWER_ACCEPTED,
  OBJECTOR_VIEW_ACTION_ANSWER_REJECTED,
  OBJECTOR_VIEW_ACTION_ANSWER_EXTENDED,
  OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE,
  OBJECTOR_VIEW_ACTION_PASTE_EMAIL,
  OBJECTOR_VIEW_ACTION_COMPLAIN,
  OBJECTOR_VIEW_ACTION_RETRY,
  OBJECTOR_VIEW_ACTION_COMPLETE_DETAILS,
  OBJECTOR_VIEW_ACTION_SKIP,
  OBJECTOR_VIEW_ACTION_UNDO,
  OBJECTOR_VIEW_ACTION_WITHDRAW,
};

/* Every action but "none" and the next-only "log-answer", once. */
G_STATIC_ASSERT (G_N_ELEMENTS (display_order) == OBJECTOR_VIEW_N_ACTIONS - 2);

struct _ObjectorObjectionView
{
  GObject               parent_instance;

  ObjectorObjection    *objection;
  ObjectorViewCategory  category;
  char                 *title;
  char                 *description;
  const char           *icon_name;
  ObjectorViewChoice    next;        /* action "none" when there is none */
  GArray               *secondary;   /* of ObjectorViewChoice */
  gboolean              offered[OBJECTOR_VIEW_N_ACTIONS];
  int                   email_to_confirm;
};

G_DEFINE_FINAL_TYPE (ObjectorObjectionView, objector_objection_view, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OBJECTION,
  PROP_CATEGORY,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_ICON_NAME,
  PROP_NEXT_ACTION,
  PROP_NEXT_LABEL,
  PROP_NEXT_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Enums */

const char *
objector_view_category_to_string (ObjectorViewCategory category)
{
  return _objector_enum_to_nick (OBJECTOR_TYPE_VIEW_CATEGORY, category);
}

const char *
objector_view_action_to_string (ObjectorViewAction action)
{
  return _objector_enum_to_nick (OBJECTOR_TYPE_VIEW_ACTION, action);
}

gboolean
objector_view_action_from_string (const char         *nick,
                                  ObjectorViewAction *action)
{
  int value;

  g_return_val_if_fail (action != NULL, FALSE);

  if (!_objector_enum_from_nick (OBJECTOR_TYPE_VIEW_ACTION, nick, &value))
    return FALSE;
  *action = value;
  return TRUE;
}

const char *
objector_view_category_get_title (ObjectorViewCategory category)
{
  switch (category)
    {
    /* Translators: headings of the overview's groups of requests */
    case OBJECTOR_VIEW_CATEGORY_NEEDS_YOU:        return _("Needs You");
    case OBJECTOR_VIEW_CATEGORY_NEEDS_COMPLAINT:  return _("Time to Complain");
    case OBJECTOR_VIEW_CATEGORY_WAITING_FOR_META: return _("Waiting for Meta");
    case OBJECTOR_VIEW_CATEGORY_DONE:             return _("Done");
    case OBJECTOR_VIEW_CATEGORY_WITHDRAWN:        return _("Withdrawn");
    default:                                      g_return_val_if_reached (NULL);
    }
}

gboolean
objector_view_action_get_event (ObjectorViewAction  action,
                                ObjectorEvent      *event)
{
  ObjectorEvent e;

  switch (action)
    {
    case OBJECTOR_VIEW_ACTION_COMPLETE_DETAILS: e = OBJECTOR_EVENT_COMPLETE_DETAILS; break;
    case OBJECTOR_VIEW_ACTION_OPEN_FORM:        e = OBJECTOR_EVENT_OPEN_FORM;        break;
    case OBJECTOR_VIEW_ACTION_MARK_SUBMITTED:   e = OBJECTOR_EVENT_SUBMIT;           break;
    case OBJECTOR_VIEW_ACTION_ENTER_CODE:       e = OBJECTOR_EVENT_CONFIRM_CODE;     break;
    case OBJECTOR_VIEW_ACTION_COMPLAIN:         e = OBJECTOR_EVENT_ESCALATE;         break;
    case OBJECTOR_VIEW_ACTION_RETRY:            e = OBJECTOR_EVENT_RETRY;            break;
    case OBJECTOR_VIEW_ACTION_WITHDRAW:         e = OBJECTOR_EVENT_WITHDRAW;         break;
    case OBJECTOR_VIEW_ACTION_UNDO:             e = OBJECTOR_EVENT_UNDO;             break;
    case OBJECTOR_VIEW_ACTION_ANSWER_RECEIPT:   e = OBJECTOR_EVENT_LOG_RECEIPT;      break;
    case OBJECTOR_VIEW_ACTION_ANSWER_ACCEPTED:  e = OBJECTOR_EVENT_LOG_APPROVAL;     break;
    case OBJECTOR_VIEW_ACTION_ANSWER_REJECTED:  e = OBJECTOR_EVENT_LOG_REJECTION;    break;
    case OBJECTOR_VIEW_ACTION_ANSWER_EXTENDED:  e = OBJECTOR_EVENT_EXTEND;           break;
    case OBJECTOR_VIEW_ACTION_NONE:
    case OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE:
    case OBJECTOR_VIEW_ACTION_PASTE_EMAIL:
    case OBJECTOR_VIEW_ACTION_LOG_ANSWER:
    case OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL:
    case OBJECTOR_VIEW_ACTION_SKIP:
    default:
      return FALSE;
    }

  if (event != NULL)
    *event = e;
  return TRUE;
}

gboolean
objector_view_action_is_answer (ObjectorViewAction action)
{
  return action >= OBJECTOR_VIEW_ACTION_ANSWER_RECEIPT && action <= OBJECTOR_VIEW_ACTION_PASTE_EMAIL;
}

/* What Objector knows of the person */

static gboolean
country_has_gdpr (ObjectorPlaybook *playbook,
                  const char       *country)
{
  /* The playbook's regions are where the law applies: the EU and the EEA
   * (GDPR), the United Kingdom (UK GDPR). */
  static const char * const gdpr_regions[] = { "eu", "eea", "uk" };
  g_autofree char *code = NULL;

  if (country == NULL)
    return FALSE;

  code = g_ascii_strup (country, -1);
  for (guint i = 0; i < G_N_ELEMENTS (gdpr_regions); i++)
    {
      const char * const *members = objector_playbook_get_region (playbook, gdpr_regions[i]);

      if (members != NULL && g_strv_contains (members, code))
        return TRUE;
    }
  return FALSE;
}

static gboolean
country_has_authority (ObjectorAuthorities *authorities,
                       const char          *country)
{
  return country != NULL
         && (objector_authorities_has_regions (authorities, country)
             || objector_authorities_for_country (authorities, country, NULL, NULL) != NULL);
}

static gboolean
is_third_party (ObjectorPath      *path,
                ObjectorObjection *objection)
{
  if (path != NULL)
    return objector_path_get_kind (path) == OBJECTOR_PATH_KIND_THIRD_PARTY;
  return g_strcmp0 (objector_objection_get_platform (objection), "none") == 0;
}

/* An objection on one of the person's own accounts that went to Meta. */
static gboolean
sent_own_objection (GListModel       *objections,
                    ObjectorPlaybook *playbook)
{
  for (guint i = 0; i < g_list_model_get_n_items (objections); i++)
    {
      g_autoptr(ObjectorObjection) other = g_list_model_get_item (objections, i);
      ObjectorPath *path = objector_playbook_lookup_path (playbook, objector_objection_get_path_id (other));

      if (!is_third_party (path, other)
          && objector_objection_get_submitted (other) != NULL
          && objector_objection_get_state (other) != OBJECTOR_STATE_WITHDRAWN)
        return TRUE;
    }
  return FALSE;
}

void
objector_view_facts_init (ObjectorViewFacts   *facts,
                          ObjectorObjection   *objection,
                          ObjectorPlaybook    *playbook,
                          ObjectorAuthorities *authorities,
                          ObjectorDraft       *draft,
                          GListModel          *objections)
{
  const char *country;
  gboolean third_party;

  g_return_if_fail (facts != NULL);
  g_return_if_fail (OBJECTOR_IS_OBJECTION (objection));
  g_return_if_fail (OBJECTOR_IS_PLAYBOOK (playbook));
  g_return_if_fail (authorities == NULL || OBJECTOR_IS_AUTHORITIES (authorities));
  g_return_if_fail (draft == NULL || OBJECTOR_IS_DRAFT (draft));
  g_return_if_fail (objections == NULL || G_IS_LIST_MODEL (objections));

  *facts = (ObjectorViewFacts) { 0 };

  /* What was sent names the country; the draft, what the wizard knows. */
  country = objector_objection_get_country (objection);
  if (country == NULL && draft != NULL)
    country = objector_draft_get_country (draft);

  facts->gdpr = country_has_gdpr (playbook, country);
  facts->authority = facts->gdpr || (authorities != NULL && country_has_authority (authorities, country));
  facts->objected_own = objections != NULL && sent_own_objection (objections, playbook);

  third_party = is_third_party (objector_playbook_lookup_path (playbook, objector_objection_get_path_id (objection)),
                                objection);
  if (draft == NULL || (objector_draft_get_n_accounts (draft) == 0 && !objector_draft_get_no_account (draft)))
    /* Nothing said about accounts: an objection is for one, and whoever
     * sent one has one. */
    facts->has_account = !third_party || facts->objected_own;
  else if (third_party)
    facts->has_account = objector_draft_get_n_accounts (draft) > 0;
  else
    facts->has_account = objector_draft_count_platform (draft, objector_objection_get_platform (objection)) > 0;
}

/* Working out the view */

typedef struct
{
  ObjectorObjection       *objection;
  GDateTime               *now;
  const ObjectorViewFacts *facts;
  ObjectorState            state;
  gboolean                 third_party;
  gboolean                 authority;   /* a complaint can go somewhere */
  gboolean                 overdue;     /* past the deadline the GDPR sets */
  gboolean                 code_asked;  /* Meta emailed a code since the submission */
  int                      confirm;     /* the logged email the person may confirm, or -1 */
  ObjectorTransition      *latest;      /* the step undo takes back, or NULL */
  gboolean                 offered[OBJECTOR_VIEW_N_ACTIONS];
} Context;

static gboolean
is_sent (ObjectorState state)
{
  return objector_state_is_awaiting (state) || state == OBJECTOR_STATE_APPROVED
         || state == OBJECTOR_STATE_REJECTED || state == OBJECTOR_STATE_ESCALATED;
}

/* The latest step still in effect: the one an undo takes back. */
static ObjectorTransition *
latest_step (ObjectorObjection *objection)
{
  GPtrArray *history = objector_objection_get_history (objection);
  ObjectorTransition *latest = NULL;
  guint latest_index = 0;

  for (ObjectorEvent e = 0; e < OBJECTOR_N_EVENTS; e++)
    {
      ObjectorTransition *t = objector_objection_get_latest_step (objection, e);
      guint index;

      if (t != NULL && g_ptr_array_find (history, t, &index) && (latest == NULL || index > latest_index))
        {
          latest = t;
          latest_index = index;
        }
    }
  return latest;
}

/* The first logged answer the person may confirm. Not a code: typing it
 * into Meta's form is their step (enter-code), not the email's. */
static int
find_email_to_confirm (ObjectorObjection *objection)
{
  GPtrArray *emails = objector_objection_get_emails (objection);

  for (guint i = 0; i < emails->len; i++)
    {
      ObjectorMailKind kind;

      if (objector_email_record_get_kind (g_ptr_array_index (emails, i), &kind) && kind == OBJECTOR_MAIL_KIND_CODE)
        continue;
      if (objector_mail_can_confirm_logged (objection, i))
        return (int) i;
    }
  return -1;
}

/* What is on offer: what the state machine accepts now, narrowed where the
 * person's situation asks for it, and the steps that record no event. */
static void
find_offers (Context *ctx)
{
  for (ObjectorViewAction a = 0; a < OBJECTOR_VIEW_N_ACTIONS; a++)
    {
      ObjectorEvent event;

      if (objector_view_action_get_event (a, &event))
        ctx->offered[a] = objector_objection_can_apply (ctx->objection, event, ctx->now);
    }

  /* A complaint needs an authority to go to, and silence counts only where
   * the law sets Meta a deadline. */
  ctx->offered[OBJECTOR_VIEW_ACTION_COMPLAIN] &=
    ctx->authority && (ctx->state == OBJECTOR_STATE_REJECTED || ctx->overdue);
  /* The details step is the wizard's: its page changes the details. */
  ctx->offered[OBJECTOR_VIEW_ACTION_UNDO] &=
    ctx->latest != NULL && ctx->latest->event != OBJECTOR_EVENT_COMPLETE_DETAILS;

  /* Meta's emails are evidence at any time once it was sent. */
  ctx->offered[OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE] = is_sent (ctx->state);
  ctx->offered[OBJECTOR_VIEW_ACTION_PASTE_EMAIL] = is_sent (ctx->state);
  ctx->offered[OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL] = ctx->confirm >= 0;
  ctx->offered[OBJECTOR_VIEW_ACTION_SKIP] = ctx->state == OBJECTOR_STATE_DRAFT
                                            || ctx->state == OBJECTOR_STATE_READY
                                            || ctx->state == OBJECTOR_STATE_FORM_OPENED;

  for (ObjectorViewAction a = 0; a < OBJECTOR_VIEW_N_ACTIONS; a++)
    if (objector_view_action_is_answer (a) && ctx->offered[a])
      ctx->offered[OBJECTOR_VIEW_ACTION_LOG_ANSWER] = TRUE;
}

static const char *
undo_label (ObjectorEvent event)
{
  switch (event)
    {
    /* Translators: the quoted words name the step the button takes back, as the timeline does */
    case OBJECTOR_EVENT_OPEN_FORM:     return _("_Undo “Form opened”");
    case OBJECTOR_EVENT_SUBMIT:        return _("_Undo “Marked as sent”");
    case OBJECTOR_EVENT_CONFIRM_CODE:  return _("_Undo “Code typed in”");
    case OBJECTOR_EVENT_LOG_RECEIPT:   return _("_Undo “Meta confirmed receipt”");
    case OBJECTOR_EVENT_LOG_APPROVAL:  return _("_Undo “Meta accepted it”");
    case OBJECTOR_EVENT_LOG_REJECTION: return _("_Undo “Meta rejected it”");
    case OBJECTOR_EVENT_EXTEND:        return _("_Undo “Deadline extended”");
    case OBJECTOR_EVENT_ESCALATE:      return _("_Undo “Complaint filed”");
    case OBJECTOR_EVENT_RETRY:         return _("_Undo “Trying again”");
    case OBJECTOR_EVENT_WITHDRAW:      return _("_Undo “Withdrawn”");
    case OBJECTOR_EVENT_COMPLETE_DETAILS:
    case OBJECTOR_EVENT_UNDO:
    default:                           return _("_Undo the Last Step");
    }
}

/* The words of one action; @next: it is the one next action. */
static ObjectorViewChoice
choice_for (const Context      *ctx,
            ObjectorViewAction  action,
            gboolean            next)
{
  ObjectorViewChoice c = { action, NULL, NULL };

  switch (action)
    {
    case OBJECTOR_VIEW_ACTION_COMPLETE_DETAILS:
      c.label = ctx->state == OBJECTOR_STATE_DRAFT ? _("_Fill In Your Details") : _("_Change Your Details");
      c.description = _("Your email address and the reason Meta’s form asks for");
      break;
    case OBJECTOR_VIEW_ACTION_OPEN_FORM:
      c.label = next ? _("_Open the Form in Your Browser") : _("Open the Form _Again");
      c.description = _("Opens Meta’s form in your web browser");
      break;
    case OBJECTOR_VIEW_ACTION_MARK_SUBMITTED:
      c.label = _("I Have _Submitted the Form");
      c.description = ctx->facts->gdpr ? _("Records that you sent the form, which starts the month Meta has to answer")
                                       : _("Records that you sent the form, and when");
      break;
    case OBJECTOR_VIEW_ACTION_ENTER_CODE:
      c.label = _("I _Typed In the Six-Digit Code From Meta’s Email");
      c.description = _("Records that you typed the code from Meta’s email into the form");
      break;
    case OBJECTOR_VIEW_ACTION_COMPLAIN:
      c.label = _("_Complain to the Authority");
      c.description = _("Prepares a complaint to the data protection authority where you live");
      break;
    case OBJECTOR_VIEW_ACTION_RETRY:
      c.label = _("Send the Form _Again");
      c.description = _("Makes the form ready to send once more; the record keeps Meta’s refusal");
      break;
    case OBJECTOR_VIEW_ACTION_WITHDRAW:
      c.label = ctx->third_party ? _("_Withdraw This Request") : _("_Withdraw This Objection");
      c.description = _("Records that you no longer pursue it; its record stays");
      break;
    case OBJECTOR_VIEW_ACTION_UNDO:
      c.label = undo_label (ctx->latest != NULL ? ctx->latest->event : OBJECTOR_EVENT_UNDO);
      c.description = _("Takes back the last step; the record keeps both the step and its undoing");
      break;
    case OBJECTOR_VIEW_ACTION_ANSWER_RECEIPT:
      c.label = _("Meta Confirmed Re_ceipt");
      c.description = _("Records, as your own statement, that Meta confirmed receipt");
      break;
    case OBJECTOR_VIEW_ACTION_ANSWER_ACCEPTED:
      c.label = _("Meta _Accepted It");
      c.description = _("Records, as your own statement, that Meta accepted it");
      break;
    case OBJECTOR_VIEW_ACTION_ANSWER_REJECTED:
      c.label = _("Meta _Rejected It");
      c.description = _("Records, as your own statement, that Meta rejected it");
      break;
    case OBJECTOR_VIEW_ACTION_ANSWER_EXTENDED:
      c.label = _("Meta _Extended the Deadline");
      c.description = _("Records, as your own statement, that Meta extended its deadline");
      break;
    case OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE:
      c.label = _("Log an _Email File…");
      c.description = _("Reads Meta’s email from a file and keeps it as evidence");
      break;
    case OBJECTOR_VIEW_ACTION_PASTE_EMAIL:
      c.label = _("_Paste an Email…");
      c.description = _("Reads Meta’s email from text you paste, with its headers, and keeps it as evidence");
      break;
    case OBJECTOR_VIEW_ACTION_LOG_ANSWER:
      c.label = _("_Meta Answered…");
      c.description = _("Log Meta’s email, or record what Meta answered");
      break;
    case OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL:
      c.label = _("This Is _Genuine: Record It");
      c.description = _("Records what the email says, as confirmed by you and not verified");
      break;
    case OBJECTOR_VIEW_ACTION_SKIP:
      c.label = _("_Skip for Now");
      c.description = _("Leaves it unsent for now; you can send it later from the overview");
      break;
    case OBJECTOR_VIEW_ACTION_NONE:
    default:
      g_assert_not_reached ();
    }

  return c;
}

static char *
format_due (ObjectorObjection *objection)
{
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) noon = NULL;

  if (due == NULL)
    return NULL;
  zone = g_time_zone_new_local ();
  noon = g_date_time_new (zone, g_date_get_year (due), g_date_get_month (due), g_date_get_day (due), 12, 0, 0);
  /* Translators: a date as in “21 December 2026”; see g_date_time_format() */
  return g_date_time_format (noon, _("%-d %B %Y"));
}

static void
set_status (ObjectorObjectionView *self,
            ObjectorViewCategory   category,
            const char            *icon_name,
            const char            *title,
            char                  *description)
{
  self->category = category;
  self->icon_name = icon_name;
  self->title = g_strdup (title);
  self->description = description;
}

/* Before it is sent: what is left to do, and what this request is for in the
 * person's situation. A request's says, as an objection's does, that the form
 * is still to be sent: the overview shows this sentence under its title. */
static const char *
describe_unsent (const Context *ctx)
{
  if (!ctx->third_party)
    return ctx->facts->has_account
           ? _("Open Meta’s form while signed in to your account, fill it in with the answers "
               "Objector keeps ready, and send it.")
           : _("Meta’s form needs you to be signed in, but you told Objector you have no account "
               "there: withdraw this objection if it does not apply.");

  if (!ctx->facts->has_account)
    return _("Without a Meta account, this request is how you ask Meta not to use what others "
             "share about you: open its form, fill it in with the answers Objector keeps ready, "
             "and send it.");
  if (ctx->facts->objected_own)
    return _("Your objections cover your own accounts; to ask Meta not to use what others share "
             "about you too, open this request’s form, fill it in with the answers Objector keeps "
             "ready, and send it.");
  return _("To ask Meta not to use what others share about you, such as photos, captions and "
           "mentions, open this request’s form, fill it in with the answers Objector keeps ready, "
           "and send it.");
}

static char *
describe_waiting (const Context *ctx)
{
  g_autofree char *due = format_due (ctx->objection);

  if (ctx->facts->gdpr && due != NULL)
    return g_strdup_printf (objector_objection_get_extended (ctx->objection)
                            ? _("Meta extended its deadline by two months (GDPR Art. 12(3)): it must answer by %s.")
                            : _("Meta must answer by %s."), due);

  /* No deadline is known: say so rather than invent one. */
  if (ctx->facts->country_name != NULL)
    /* Translators: %s is the country where the person lives, as in “Where you live (United States), …” */
    return g_strdup_printf (_("Where you live (%s), no law Objector knows of sets Meta a deadline to answer; "
                              "record its answer when it comes."), ctx->facts->country_name);
  return g_strdup (_("No law Objector knows of sets Meta a deadline to answer where you live; "
                     "record its answer when it comes."));
}

static char *
describe_refused_without_authority (const Context *ctx)
{
  if (ctx->facts->country_name != NULL)
    /* Translators: %s is the country where the person lives, as in “Where you live (United States), …” */
    return g_strdup_printf (_("Where you live (%s), Objector knows no data protection authority to complain to; "
                              "you can send the form again, saying more about your situation."),
                            ctx->facts->country_name);
  return g_strdup (_("Objector knows no data protection authority where you live to complain to; "
                     "you can send the form again, saying more about your situation."));
}

static char *
describe_accepted (const Context *ctx)
{
  if (!ctx->facts->gdpr)
    return g_strdup (_("Keep Meta’s email as your proof of what it agreed to."));
  return g_strdup (ctx->third_party
                   ? _("Meta must no longer use what others shared about you to train its AI; "
                       "keep its email as your proof.")
                   : _("Meta must no longer use your information to train its AI; "
                       "keep its email as your proof."));
}

static char *
describe_email_to_confirm (const Context *ctx)
{
  ObjectorEmailRecord *email = g_ptr_array_index (objector_objection_get_emails (ctx->objection), ctx->confirm);
  const char *subject = objector_email_record_get_subject (email);

  /* Translators: %s is the subject of Meta's email */
  return g_strdup_printf (_("Objector could not verify the email “%s”: if you know it is from Meta, "
                            "record what it says."),
                          subject != NULL ? subject : _("(no subject)"));
}

/* Where it stands and the one next action: the only place that reads the state. */
static ObjectorViewAction
decide (const Context         *ctx,
        ObjectorObjectionView *self)
{
  switch (ctx->state)
    {
    case OBJECTOR_STATE_DRAFT:
      set_status (self, OBJECTOR_VIEW_CATEGORY_NEEDS_YOU, "document-edit-symbolic",
                  objector_state_get_label (ctx->state),
                  g_strdup (ctx->third_party
                            ? _("Objector needs your email address and reason before this request can be sent.")
                            : _("Objector needs your email address and reason before this objection can be sent.")));
      return OBJECTOR_VIEW_ACTION_COMPLETE_DETAILS;

    case OBJECTOR_STATE_READY:
      set_status (self, OBJECTOR_VIEW_CATEGORY_NEEDS_YOU, "mail-send-symbolic", _("Not sent yet"),
                  g_strdup (describe_unsent (ctx)));
      return OBJECTOR_VIEW_ACTION_OPEN_FORM;

    case OBJECTOR_STATE_FORM_OPENED:
      set_status (self, OBJECTOR_VIEW_CATEGORY_NEEDS_YOU, "mail-send-symbolic", _("Not sent yet"),
                  g_strdup (ctx->facts->gdpr
                            ? _("Once you have sent the form, say so here: Objector then counts the month Meta has to answer.")
                            : _("Once you have sent the form, say so here, so that your record shows when.")));
      return OBJECTOR_VIEW_ACTION_MARK_SUBMITTED;

    case OBJECTOR_STATE_WITHDRAWN:
      set_status (self, OBJECTOR_VIEW_CATEGORY_WITHDRAWN, "action-unavailable-symbolic",
                  objector_state_get_label (ctx->state),
                  g_strdup (ctx->third_party ? _("You withdrew this request; its record stays here.")
                                             : _("You withdrew this objection; its record stays here.")));
      return OBJECTOR_VIEW_ACTION_NONE;

    default:
      break;
    }

  /* Sent. An email only the person can vouch for comes first: it may be
   * Meta's answer, which decides everything else. */
  if (ctx->confirm >= 0)
    {
      set_status (self, OBJECTOR_VIEW_CATEGORY_NEEDS_YOU, "mail-unread-symbolic", _("Check Meta’s email"),
                  describe_email_to_confirm (ctx));
      return OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL;
    }

  switch (ctx->state)
    {
    case OBJECTOR_STATE_APPROVED:
      set_status (self, OBJECTOR_VIEW_CATEGORY_DONE, "object-select-symbolic",
                  ctx->third_party ? _("Meta accepted your request") : _("Meta accepted your objection"),
                  describe_accepted (ctx));
      return OBJECTOR_VIEW_ACTION_NONE;

    case OBJECTOR_STATE_REJECTED:
      if (!ctx->authority)
        {
          /* Nothing more the law offers that Objector knows of: it is over. */
          set_status (self, OBJECTOR_VIEW_CATEGORY_DONE, "dialog-warning-symbolic",
                      ctx->third_party ? _("Meta refused your request") : _("Meta rejected your objection"),
                      describe_refused_without_authority (ctx));
          return OBJECTOR_VIEW_ACTION_NONE;
        }
      set_status (self, OBJECTOR_VIEW_CATEGORY_NEEDS_COMPLAINT, "dialog-warning-symbolic",
                  ctx->third_party ? _("Meta refused your request") : _("Meta rejected your objection"),
                  g_strdup (_("You can complain to the data protection authority, or send the form again.")));
      return OBJECTOR_VIEW_ACTION_COMPLAIN;

    case OBJECTOR_STATE_ESCALATED:
      set_status (self, OBJECTOR_VIEW_CATEGORY_WAITING_FOR_META, "appointment-soon-symbolic",
                  objector_state_get_label (ctx->state),
                  g_strdup (_("You complained to the data protection authority; keep its answers with Meta’s, "
                              "and record Meta’s answer when it comes.")));
      return OBJECTOR_VIEW_ACTION_LOG_ANSWER;

    default:
      break;
    }

  /* Awaiting Meta's answer. */
  if (ctx->overdue && ctx->authority)
    {
      g_autofree char *due = format_due (ctx->objection);

      set_status (self, OBJECTOR_VIEW_CATEGORY_NEEDS_COMPLAINT, "dialog-warning-symbolic",
                  _("Meta’s answer is overdue"),
                  g_strdup_printf (_("Meta had to answer by %s and has not: you can complain to your data protection authority."),
                                   due));
      return OBJECTOR_VIEW_ACTION_COMPLAIN;
    }
  if (ctx->code_asked)
    {
      set_status (self, OBJECTOR_VIEW_CATEGORY_NEEDS_YOU, "dialog-password-symbolic", _("Type in Meta’s code"),
                  g_strdup (_("Meta emailed you a six-digit code: type it into the form, then say so here.")));
      return OBJECTOR_VIEW_ACTION_ENTER_CODE;
    }
  set_status (self, OBJECTOR_VIEW_CATEGORY_WAITING_FOR_META, "appointment-soon-symbolic",
              ctx->state == OBJECTOR_STATE_ACKNOWLEDGED ? objector_state_get_label (ctx->state)
                                                        : _("Waiting for Meta’s answer"),
              describe_waiting (ctx));
  return OBJECTOR_VIEW_ACTION_LOG_ANSWER;
}

ObjectorObjectionView *
objector_objection_view_new (ObjectorObjection       *objection,
                             ObjectorPath            *path,
                             const ObjectorViewFacts *facts,
                             GDateTime               *now)
{
  ObjectorObjectionView *self;
  ObjectorViewAction next;
  Context ctx = { 0 };

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), NULL);
  g_return_val_if_fail (path == NULL || OBJECTOR_IS_PATH (path), NULL);
  g_return_val_if_fail (facts != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  ctx.objection = objection;
  ctx.now = now;
  ctx.facts = facts;
  ctx.state = objector_objection_get_state (objection);
  ctx.third_party = is_third_party (path, objection);
  ctx.authority = facts->authority || facts->gdpr;
  ctx.overdue = facts->gdpr && objector_objection_is_overdue (objection, now);
  ctx.code_asked = ctx.state == OBJECTOR_STATE_SUBMITTED
                   && objector_objection_can_apply (objection, OBJECTOR_EVENT_CONFIRM_CODE, now)
                   && objector_mail_logged_since_submission (objection, OBJECTOR_MAIL_KIND_CODE);
  ctx.confirm = find_email_to_confirm (objection);
  ctx.latest = latest_step (objection);
  find_offers (&ctx);

  self = g_object_new (OBJECTOR_TYPE_OBJECTION_VIEW, NULL);
  self->objection = g_object_ref (objection);
  self->email_to_confirm = ctx.confirm;
  memcpy (self->offered, ctx.offered, sizeof self->offered);

  next = decide (&ctx, self);
  /* The next action is always one the state machine takes now. */
  g_assert (next == OBJECTOR_VIEW_ACTION_NONE || ctx.offered[next]);
  if (next != OBJECTOR_VIEW_ACTION_NONE)
    self->next = choice_for (&ctx, next, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (display_order); i++)
    if (display_order[i] != next && ctx.offered[display_order[i]])
      {
        ObjectorViewChoice c = choice_for (&ctx, display_order[i], FALSE);

        g_array_append_val (self->secondary, c);
      }

  return self;
}

/* The object */

static void
objector_objection_view_finalize (GObject *object)
{
  ObjectorObjectionView *self = OBJECTOR_OBJECTION_VIEW (object);

  g_clear_object (&self->objection);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->secondary, g_array_unref);

  G_OBJECT_CLASS (objector_objection_view_parent_class)->finalize (object);
}

static void
objector_objection_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ObjectorObjectionView *self = OBJECTOR_OBJECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_OBJECTION:
      g_value_set_object (value, self->objection);
      break;
    case PROP_CATEGORY:
      g_value_set_enum (value, self->category);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->icon_name);
      break;
    case PROP_NEXT_ACTION:
      g_value_set_enum (value, self->next.action);
      break;
    case PROP_NEXT_LABEL:
      g_value_set_string (value, self->next.label);
      break;
    case PROP_NEXT_DESCRIPTION:
      g_value_set_string (value, self->next.description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_objection_view_class_init (ObjectorObjectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = objector_objection_view_finalize;
  object_class->get_property = objector_objection_view_get_property;

  /* Read-only: a view never changes; a new one replaces it. */
  properties[PROP_OBJECTION] =
    g_param_spec_object ("objection", NULL, NULL, OBJECTOR_TYPE_OBJECTION, flags);
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL, OBJECTOR_TYPE_VIEW_CATEGORY,
                       OBJECTOR_VIEW_CATEGORY_NEEDS_YOU, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_ACTION] =
    g_param_spec_enum ("next-action", NULL, NULL, OBJECTOR_TYPE_VIEW_ACTION,
                       OBJECTOR_VIEW_ACTION_NONE, flags);
  properties[PROP_NEXT_LABEL] = g_param_spec_string ("next-label", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_DESCRIPTION] = g_param_spec_string ("next-description", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_objection_view_init (ObjectorObjectionView *self)
{
  self->secondary = g_array_new (FALSE, FALSE, sizeof (ObjectorViewChoice));
  self->email_to_confirm = -1;
}

ObjectorObjection *
objector_objection_view_get_objection (ObjectorObjectionView *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), NULL);
  return self->objection;
}

ObjectorViewCategory
objector_objection_view_get_category (ObjectorObjectionView *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), OBJECTOR_VIEW_CATEGORY_NEEDS_YOU);
  return self->category;
}

const char *
objector_objection_view_get_title (ObjectorObjectionView *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), NULL);
  return self->title;
}

const char *
objector_objection_view_get_description (ObjectorObjectionView *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), NULL);
  return self->description;
}

const char *
objector_objection_view_get_icon_name (ObjectorObjectionView *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), NULL);
  return self->icon_name;
}

const ObjectorViewChoice *
objector_objection_view_get_next (ObjectorObjectionView *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), NULL);
  return self->next.action != OBJECTOR_VIEW_ACTION_NONE ? &self->next : NULL;
}

ObjectorViewAction
objector_objection_view_get_next_action (ObjectorObjectionView *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), OBJECTOR_VIEW_ACTION_NONE);
  return self->next.action;
}

GArray *
objector_objection_view_get_secondary (ObjectorObjectionView *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), NULL);
  return self->secondary;
}

gboolean
objector_objection_view_offers (ObjectorObjectionView *self,
                                ObjectorViewAction     action)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), FALSE);
  g_return_val_if_fail (action < OBJECTOR_VIEW_N_ACTIONS, FALSE);
  return self->offered[action];
}

const ObjectorViewChoice *
objector_objection_view_lookup (ObjectorObjectionView *self,
                                ObjectorViewAction     action)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), NULL);

  if (action != OBJECTOR_VIEW_ACTION_NONE && self->next.action == action)
    return &self->next;
  for (guint i = 0; i < self->secondary->len; i++)
    if (g_array_index (self->secondary, ObjectorViewChoice, i).action == action)
      return &g_array_index (self->secondary, ObjectorViewChoice, i);
  return NULL;
}

int
objector_objection_view_get_email_to_confirm (ObjectorObjectionView *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_VIEW (self), -1);
  return self->offered[OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL] ? self->email_to_confirm : -1;
}

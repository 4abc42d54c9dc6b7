/* test-objection-view.c — what the view-model says and offers, state by state
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-mail.h"
#include "objector-objection-view.h"
#include "objector-test-util.h"

/* Sent at TEST_UTIL_NOW (20 November 2026): Meta's answer is due on
 * 20 December 2026; a day before that and a day after it. */
#define CREATED  "2026-11-19T09:00:00Z"
#define SENT     "2026-11-20T09:00:00Z"
#define ANSWERED "2026-11-30T10:00:00Z"
#define BEFORE   "2026-12-01T12:00:00Z"
#define AFTER    "2026-12-21T12:00:00Z"

static ObjectorPlaybook *playbook;

/* Who asks: the path, where they live, and what the law gives them there. */
typedef enum
{
  FACEBOOK_DE,     /* an objection, under the GDPR */
  THIRD_PARTY_DE,  /* the third-party request, under the GDPR */
  THIRD_PARTY_US,  /* the third-party request, with no law Objector knows of */
  N_PEOPLE
} Person;

static const struct {
  const char *path;
  const char *country;
  const char *country_name;
  gboolean    gdpr;
} people[N_PEOPLE] = {
  { "facebook-objection", "DE", "Germany", TRUE },
  { "third-party", "DE", "Germany", TRUE },
  { "third-party", "US", "United States", FALSE },
};

/* What they told the wizard about their accounts. */
typedef enum
{
  NO_ACCOUNT,
  ACCOUNT,            /* an account, no objection sent for it */
  ACCOUNT_OBJECTED,   /* an account, and an objection sent for it */
  N_ACCOUNTS
} Accounts;

typedef struct
{
  ObjectorEvent event;
  const char   *time;
} Step;

/* What the view must say: the category, the next action, every other
 * action in the order shown (their nicks), and a phrase of the title or
 * the description. */
typedef struct
{
  ObjectorViewCategory category;
  ObjectorViewAction   next;
  const char          *secondary;
  const char          *phrase;
} Expect;

#define NEEDS_YOU        OBJECTOR_VIEW_CATEGORY_NEEDS_YOU
#define NEEDS_COMPLAINT  OBJECTOR_VIEW_CATEGORY_NEEDS_COMPLAINT
#define WAITING          OBJECTOR_VIEW_CATEGORY_WAITING_FOR_META
#define DONE             OBJECTOR_VIEW_CATEGORY_DONE
#define WITHDRAWN        OBJECTOR_VIEW_CATEGORY_WITHDRAWN

#define ANSWERS4 "answer-receipt answer-accepted answer-rejected answer-extended log-email-file paste-email"
#define ANSWERS3 "answer-accepted answer-rejected answer-extended log-email-file paste-email"
#define ANSWERS_BUT_EXTENSION "answer-receipt answer-accepted answer-rejected log-email-file paste-email"
#define AFTER_REFUSAL "log-email-file paste-email retry undo withdraw"
#define UNSENT_TP_PHRASE "what others share about you"

typedef struct
{
  const char    *name;
  ObjectorState  state;
  Step           steps[6];           /* up to the first with time NULL */
  const char    *undo;               /* the step the undo label names, or NULL when none is offered */
  gboolean       objection_only;     /* a code step: only objection paths have one */
  Expect         expect[N_PEOPLE][2];  /* [person][before, after the due date] */
} Scenario;

#define S(e, t) { OBJECTOR_EVENT_##e, t }
#define OPENED  S (COMPLETE_DETAILS, CREATED), S (OPEN_FORM, "2026-11-20T08:00:00Z")
#define SUBMIT  OPENED, S (SUBMIT, SENT)

/* The same before and after the due date; the same for everyone. */
#define BOTH(category, next, secondary, phrase) \
  { { category, OBJECTOR_VIEW_ACTION_##next, secondary, phrase }, \
    { category, OBJECTOR_VIEW_ACTION_##next, secondary, phrase } }
#define EVERYONE(...) { BOTH (__VA_ARGS__), BOTH (__VA_ARGS__), BOTH (__VA_ARGS__) }
#define E(category, next, secondary, phrase) { category, OBJECTOR_VIEW_ACTION_##next, secondary, phrase }

static const Scenario scenarios[] = {
  { "draft", OBJECTOR_STATE_DRAFT, { { 0 } }, NULL, FALSE, {
      BOTH (NEEDS_YOU, COMPLETE_DETAILS, "skip withdraw", "before this objection can be sent"),
      BOTH (NEEDS_YOU, COMPLETE_DETAILS, "skip withdraw", "before this request can be sent"),
      BOTH (NEEDS_YOU, COMPLETE_DETAILS, "skip withdraw", "before this request can be sent") } },

  /* Undo would take back the wizard's details step: not offered. */
  { "ready", OBJECTOR_STATE_READY, { S (COMPLETE_DETAILS, CREATED) }, NULL, FALSE, {
      BOTH (NEEDS_YOU, OPEN_FORM, "mark-submitted complete-details skip withdraw", "Not sent yet"),
      BOTH (NEEDS_YOU, OPEN_FORM, "mark-submitted complete-details skip withdraw", UNSENT_TP_PHRASE),
      BOTH (NEEDS_YOU, OPEN_FORM, "mark-submitted complete-details skip withdraw", UNSENT_TP_PHRASE) } },

  { "form-opened", OBJECTOR_STATE_FORM_OPENED, { OPENED }, "Form opened", FALSE, {
      BOTH (NEEDS_YOU, MARK_SUBMITTED, "open-form skip undo withdraw", "counts the month Meta has to answer"),
      BOTH (NEEDS_YOU, MARK_SUBMITTED, "open-form skip undo withdraw", "counts the month Meta has to answer"),
      BOTH (NEEDS_YOU, MARK_SUBMITTED, "open-form skip undo withdraw", "so that your record shows when") } },

  { "submitted", OBJECTOR_STATE_SUBMITTED, { SUBMIT }, "Marked as sent", FALSE, {
      { E (WAITING, LOG_ANSWER, "enter-code " ANSWERS4 " undo withdraw", "Meta must answer by 20 December 2026."),
        E (NEEDS_COMPLAINT, COMPLAIN, "enter-code " ANSWERS4 " undo withdraw",
           "Meta had to answer by 20 December 2026 and has not") },
      { E (WAITING, LOG_ANSWER, ANSWERS4 " undo withdraw", "Meta must answer by 20 December 2026."),
        E (NEEDS_COMPLAINT, COMPLAIN, ANSWERS4 " undo withdraw", "Meta had to answer by 20 December 2026 and has not") },
      BOTH (WAITING, LOG_ANSWER, ANSWERS4 " undo withdraw", "Where you live (United States), no law") } },

  /* Sent from the phone: no opening was recorded, and none is undone. */
  { "submitted-elsewhere", OBJECTOR_STATE_SUBMITTED, { S (COMPLETE_DETAILS, CREATED), S (SUBMIT, SENT) },
    "Marked as sent", FALSE, {
      { E (WAITING, LOG_ANSWER, "enter-code " ANSWERS4 " undo withdraw", "Waiting for Meta’s answer"),
        E (NEEDS_COMPLAINT, COMPLAIN, "enter-code " ANSWERS4 " undo withdraw", "Meta’s answer is overdue") },
      { E (WAITING, LOG_ANSWER, ANSWERS4 " undo withdraw", "Waiting for Meta’s answer"),
        E (NEEDS_COMPLAINT, COMPLAIN, ANSWERS4 " undo withdraw", "Meta’s answer is overdue") },
      BOTH (WAITING, LOG_ANSWER, ANSWERS4 " undo withdraw", "Waiting for Meta’s answer") } },

  { "confirmed", OBJECTOR_STATE_CONFIRMED, { SUBMIT, S (CONFIRM_CODE, "2026-11-20T10:00:00Z") },
    "Code typed in", TRUE, {
      { E (WAITING, LOG_ANSWER, ANSWERS4 " undo withdraw", "Meta must answer by 20 December 2026."),
        E (NEEDS_COMPLAINT, COMPLAIN, ANSWERS4 " undo withdraw", "Meta had to answer by 20 December 2026") } } },

  { "acknowledged", OBJECTOR_STATE_ACKNOWLEDGED, { SUBMIT, S (LOG_RECEIPT, "2026-11-21T10:00:00Z") },
    "Meta confirmed receipt", FALSE, {
      { E (WAITING, LOG_ANSWER, ANSWERS3 " undo withdraw", "Received by Meta"),
        E (NEEDS_COMPLAINT, COMPLAIN, ANSWERS3 " undo withdraw", "Meta had to answer by 20 December 2026") },
      { E (WAITING, LOG_ANSWER, ANSWERS3 " undo withdraw", "Received by Meta"),
        E (NEEDS_COMPLAINT, COMPLAIN, ANSWERS3 " undo withdraw", "Meta had to answer by 20 December 2026") },
      { E (WAITING, LOG_ANSWER, ANSWERS3 " undo withdraw", "Received by Meta"),
        E (WAITING, LOG_ANSWER, ANSWERS3 " undo withdraw", "no law Objector knows of sets Meta a deadline") } } },

  /* Two months more: not overdue on 21 December; only one extension. */
  { "extended", OBJECTOR_STATE_SUBMITTED, { SUBMIT, S (EXTEND, "2026-11-25T10:00:00Z") }, "Deadline extended", FALSE, {
      BOTH (WAITING, LOG_ANSWER, "enter-code " ANSWERS_BUT_EXTENSION " undo withdraw", "it must answer by 20 February 2027"),
      BOTH (WAITING, LOG_ANSWER, ANSWERS_BUT_EXTENSION " undo withdraw", "it must answer by 20 February 2027"),
      BOTH (WAITING, LOG_ANSWER, ANSWERS_BUT_EXTENSION " undo withdraw", "Where you live (United States)") } },

  { "approved", OBJECTOR_STATE_APPROVED, { SUBMIT, S (LOG_APPROVAL, ANSWERED) }, "Meta accepted it", FALSE, {
      { E (DONE, NONE, "log-email-file paste-email undo", "Meta accepted your objection"),
        E (DONE, NONE, "log-email-file paste-email undo", "must no longer use your information") },
      { E (DONE, NONE, "log-email-file paste-email undo", "Meta accepted your request"),
        E (DONE, NONE, "log-email-file paste-email undo", "what others shared about you") },
      { E (DONE, NONE, "log-email-file paste-email undo", "Meta accepted your request"),
        E (DONE, NONE, "log-email-file paste-email undo", "proof of what it agreed to") } } },

  { "rejected", OBJECTOR_STATE_REJECTED, { SUBMIT, S (LOG_REJECTION, ANSWERED) }, "Meta rejected it", FALSE, {
      { E (NEEDS_COMPLAINT, COMPLAIN, AFTER_REFUSAL, "Meta rejected your objection"),
        E (NEEDS_COMPLAINT, COMPLAIN, AFTER_REFUSAL, "complain to the data protection authority") },
      { E (NEEDS_COMPLAINT, COMPLAIN, AFTER_REFUSAL, "Meta refused your request"),
        E (NEEDS_COMPLAINT, COMPLAIN, AFTER_REFUSAL, "complain to the data protection authority") },
      /* No authority to go to: said, and the form can go again. */
      { E (DONE, NONE, AFTER_REFUSAL, "Where you live (United States), Objector knows no data protection authority"),
        E (DONE, NONE, AFTER_REFUSAL, "Meta refused your request") } } },

  { "escalated", OBJECTOR_STATE_ESCALATED,
    { SUBMIT, S (LOG_REJECTION, ANSWERED), S (ESCALATE, "2026-11-30T12:00:00Z") }, "Complaint filed", FALSE,
    EVERYONE (WAITING, LOG_ANSWER, "answer-accepted answer-rejected log-email-file paste-email undo withdraw",
              "Complaint filed") },

  { "withdrawn-unsent", OBJECTOR_STATE_WITHDRAWN, { S (COMPLETE_DETAILS, CREATED), S (WITHDRAW, SENT) },
    "Withdrawn", FALSE, {
      BOTH (WITHDRAWN, NONE, "undo", "You withdrew this objection"),
      BOTH (WITHDRAWN, NONE, "undo", "You withdrew this request"),
      BOTH (WITHDRAWN, NONE, "undo", "You withdrew this request") } },

  /* Withdrawn after sending: not overdue, nothing to complain about. */
  { "withdrawn-sent", OBJECTOR_STATE_WITHDRAWN, { SUBMIT, S (WITHDRAW, ANSWERED) }, "Withdrawn", FALSE,
    EVERYONE (WITHDRAWN, NONE, "undo", "its record stays here") },

  /* Sent again after a refusal: the old due date no longer counts. */
  { "retried", OBJECTOR_STATE_READY,
    { SUBMIT, S (LOG_REJECTION, ANSWERED), S (RETRY, "2026-11-30T12:00:00Z") }, "Trying again", FALSE,
    EVERYONE (NEEDS_YOU, OPEN_FORM, "mark-submitted complete-details skip undo withdraw", "Not sent yet") },

  /* "Submitted" taken back: the step before it is the one undo names next. */
  { "submission-undone", OBJECTOR_STATE_FORM_OPENED, { SUBMIT, S (UNDO, "2026-11-20T09:05:00Z") }, "Form opened", FALSE,
    EVERYONE (NEEDS_YOU, MARK_SUBMITTED, "open-form skip undo withdraw", "Not sent yet") },
};

static ObjectorObjection *
objection_for (const Scenario *scenario,
               Person          person)
{
  ObjectorObjection *objection = test_util_objection_new (people[person].path, person == FACEBOOK_DE,
                                                          people[person].country, CREATED);

  for (guint i = 0; i < G_N_ELEMENTS (scenario->steps) && scenario->steps[i].time != NULL; i++)
    test_util_apply_at (objection, scenario->steps[i].event, NULL, scenario->steps[i].time);
  g_assert_cmpint (objector_objection_get_state (objection), ==, scenario->state);
  return objection;
}

static ObjectorViewFacts
facts_for (Person   person,
           Accounts accounts)
{
  return (ObjectorViewFacts) {
    .country_name = people[person].country_name,
    .gdpr = people[person].gdpr,
    .authority = people[person].gdpr,
    .has_account = accounts != NO_ACCOUNT,
    .objected_own = accounts == ACCOUNT_OBJECTED,
  };
}

static ObjectorObjectionView *
view_at (ObjectorObjection       *objection,
         const ObjectorViewFacts *facts,
         const char              *now)
{
  ObjectorPath *path = objector_playbook_lookup_path (playbook, objector_objection_get_path_id (objection));
  g_autoptr(GDateTime) when = test_util_time (now);

  g_assert_nonnull (path);
  return objector_objection_view_new (objection, path, facts, when);
}

static char *
secondary_nicks (ObjectorObjectionView *view)
{
  GArray *secondary = objector_objection_view_get_secondary (view);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) nicks = NULL;

  for (guint i = 0; i < secondary->len; i++)
    g_strv_builder_add (builder, objector_view_action_to_string (g_array_index (secondary, ObjectorViewChoice, i).action));
  nicks = g_strv_builder_end (builder);
  return g_strjoinv (" ", nicks);
}

/* Every word the view shows: its title, its description, every label and
 * description of its actions. */
static char *
all_words (ObjectorObjectionView *view)
{
  GString *words = g_string_new (NULL);
  const ObjectorViewChoice *next = objector_objection_view_get_next (view);
  GArray *secondary = objector_objection_view_get_secondary (view);

  g_string_append_printf (words, "%s\n%s\n", objector_objection_view_get_title (view),
                          objector_objection_view_get_description (view));
  if (next != NULL)
    g_string_append_printf (words, "%s\n%s\n", next->label, next->description);
  for (guint i = 0; i < secondary->len; i++)
    {
      ObjectorViewChoice *c = &g_array_index (secondary, ObjectorViewChoice, i);

      g_string_append_printf (words, "%s\n%s\n", c->label, c->description);
    }
  return g_string_free (words, FALSE);
}

/* The view agrees with the state machine, independently of how it decides:
 * every action it offers is a step the objection takes now, and every step
 * the objection takes now is offered, but for the two it withholds on
 * purpose. Returns the events withheld, as bits. */
static guint
assert_agrees_with_flow (ObjectorObjectionView   *view,
                         ObjectorObjection       *objection,
                         const ObjectorViewFacts *facts,
                         GDateTime               *now)
{
  gboolean covered[OBJECTOR_N_EVENTS] = { FALSE };
  const ObjectorViewChoice *next = objector_objection_view_get_next (view);
  GArray *secondary = objector_objection_view_get_secondary (view);
  ObjectorState state = objector_objection_get_state (objection);
  guint withheld = 0;

  for (int i = -1; i < (int) secondary->len; i++)
    {
      const ObjectorViewChoice *c = i < 0 ? next : &g_array_index (secondary, ObjectorViewChoice, i);
      ObjectorEvent event;

      if (c == NULL)
        continue;
      g_assert_true (objector_objection_view_offers (view, c->action));
      g_assert_true (objector_objection_view_lookup (view, c->action) == c);
      if (objector_view_action_get_event (c->action, &event))
        {
          g_assert_true (objector_objection_can_apply (objection, event, now));
          covered[event] = TRUE;
        }
      else if (c->action == OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL)
        g_assert_true (objector_mail_can_confirm_logged (objection, objector_objection_view_get_email_to_confirm (view)));
      else if (c->action == OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE || c->action == OBJECTOR_VIEW_ACTION_PASTE_EMAIL)
        /* Evidence, once sent: it moves the state only as the state machine allows. */
        g_assert_nonnull (objector_objection_get_submitted (objection));
      else if (c->action == OBJECTOR_VIEW_ACTION_SKIP)
        /* The wizard's way on, while it is unsent. */
        g_assert_true (state == OBJECTOR_STATE_DRAFT || state == OBJECTOR_STATE_READY
                       || state == OBJECTOR_STATE_FORM_OPENED);
      else
        /* Opens the answers, which are offered themselves. */
        g_assert_cmpint (c->action, ==, OBJECTOR_VIEW_ACTION_LOG_ANSWER);
    }

  for (ObjectorEvent e = 0; e < OBJECTOR_N_EVENTS; e++)
    {
      ObjectorTransition *details = objector_objection_get_latest_step (objection, OBJECTOR_EVENT_COMPLETE_DETAILS);

      if (!objector_objection_can_apply (objection, e, now) || covered[e])
        continue;

      /* Withheld on purpose, and only so: a complaint where no authority
       * takes it, or about silence where no law sets a deadline; and undoing
       * the wizard's own details step. */
      if (e == OBJECTOR_EVENT_ESCALATE)
        g_assert_true (!facts->gdpr && (!facts->authority || objector_state_is_awaiting (state)));
      else if (e == OBJECTOR_EVENT_UNDO)
        {
          GPtrArray *history = objector_objection_get_history (objection);
          guint index;

          g_assert_nonnull (details);
          g_assert_true (g_ptr_array_find (history, details, &index));
          /* Nothing later still stands: the details step is the last. */
          for (ObjectorEvent other = 0; other < OBJECTOR_N_EVENTS; other++)
            {
              ObjectorTransition *t = objector_objection_get_latest_step (objection, other);
              guint other_index;

              if (t != NULL && t != details && g_ptr_array_find (history, t, &other_index))
                g_assert_cmpuint (other_index, <, index);
            }
        }
      else
        g_error ("The view offers no way to the event “%s” the objection takes in “%s”",
                 objector_event_to_string (e), objector_state_to_string (state));
      withheld |= 1u << e;
    }
  return withheld;
}

static void
assert_words (const char              *words,
              Accounts                 accounts,
              const ObjectorViewFacts *facts)
{
  test_util_assert_lacks (words, "You live in");
  test_util_assert_lacks (words, "%");
  if (!facts->gdpr)
    {
      test_util_assert_lacks (words, "must answer");
      test_util_assert_lacks (words, "GDPR");
      test_util_assert_lacks (words, "Art.");
      test_util_assert_lacks (words, "can complain");
      test_util_assert_lacks (words, "Complain to the Authority");
    }
  if (accounts != ACCOUNT_OBJECTED)
    test_util_assert_lacks (words, "own accounts");
}

/* The description is one sentence: it ends once, with a full stop. */
static void
assert_one_sentence (const char *description)
{
  g_assert_true (g_str_has_suffix (description, "."));
  if (g_regex_match_simple ("\\. \\p{Lu}", description, 0, 0))
    g_error ("More than one sentence: %s", description);
}

static void
test_scenario (gconstpointer data)
{
  const Scenario *scenario = data;

  for (Person person = 0; person < N_PEOPLE; person++)
    {
      g_autoptr(ObjectorObjection) objection = NULL;

      if (scenario->objection_only && person != FACEBOOK_DE)
        continue;
      objection = objection_for (scenario, person);

      for (Accounts accounts = 0; accounts < N_ACCOUNTS; accounts++)
        for (guint after = 0; after < 2; after++)
          {
            const Expect *expect = &scenario->expect[person][after];
            ObjectorViewFacts facts = facts_for (person, accounts);
            g_autoptr(GDateTime) now = test_util_time (after ? AFTER : BEFORE);
            g_autoptr(ObjectorObjectionView) view = view_at (objection, &facts, after ? AFTER : BEFORE);
            g_autofree char *label = g_strdup_printf ("%s, %s %s, accounts %d, %s", scenario->name, people[person].path,
                                                      people[person].country, accounts, after ? "after" : "before");
            g_autofree char *got = NULL;
            g_autofree char *want = NULL;
            g_autofree char *secondary = secondary_nicks (view);
            g_autofree char *words = all_words (view);
            const ObjectorViewChoice *undo = objector_objection_view_lookup (view, OBJECTOR_VIEW_ACTION_UNDO);

            got = g_strdup_printf ("%s: %s, next %s, then %s", label,
                                   objector_view_category_to_string (objector_objection_view_get_category (view)),
                                   objector_view_action_to_string (objector_objection_view_get_next_action (view)),
                                   secondary);
            want = g_strdup_printf ("%s: %s, next %s, then %s", label, objector_view_category_to_string (expect->category),
                                    objector_view_action_to_string (expect->next), expect->secondary);
            g_assert_cmpstr (got, ==, want);

            test_util_assert_contains (words, expect->phrase);
            assert_one_sentence (objector_objection_view_get_description (view));
            assert_words (words, accounts, &facts);
            assert_agrees_with_flow (view, objection, &facts, now);

            if (scenario->undo != NULL)
              {
                g_autofree char *quoted = g_strdup_printf ("_Undo “%s”", scenario->undo);

                g_assert_nonnull (undo);
                g_assert_cmpstr (undo->label, ==, quoted);
              }
            else
              g_assert_null (undo);
          }
    }
}

/* Sent at SENT, through the form's own page or not. */
static ObjectorObjection *
sent_objection (const char *path,
                const char *country)
{
  return test_util_objection_at (path, country, CREATED, OBJECTOR_EVENT_COMPLETE_DETAILS, CREATED,
                                 OBJECTOR_EVENT_SUBMIT, SENT, -1);
}

/* Before it is sent, the words fit the person's accounts. */
static void
test_unsent_wording (void)
{
  static const struct {
    Person      person;
    Accounts    accounts;
    const char *says;
  } cases[] = {
    { FACEBOOK_DE, ACCOUNT, "while signed in to your account" },
    { FACEBOOK_DE, ACCOUNT_OBJECTED, "while signed in to your account" },
    { FACEBOOK_DE, NO_ACCOUNT, "you told Objector you have no account there" },
    { THIRD_PARTY_DE, ACCOUNT_OBJECTED, "Your objections cover your own accounts; to ask Meta not to use" },
    { THIRD_PARTY_DE, ACCOUNT, "To ask Meta not to use what others share about you" },
    { THIRD_PARTY_DE, NO_ACCOUNT, "Without a Meta account, this request is how you ask Meta" },
    { THIRD_PARTY_US, ACCOUNT_OBJECTED, "Your objections cover your own accounts" },
    { THIRD_PARTY_US, NO_ACCOUNT, "Without a Meta account" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ObjectorObjection) objection = test_util_objection_at (people[cases[i].person].path,
                                                                       people[cases[i].person].country, CREATED,
                                                                       OBJECTOR_EVENT_COMPLETE_DETAILS, CREATED, -1);
      ObjectorViewFacts facts = facts_for (cases[i].person, cases[i].accounts);
      g_autoptr(ObjectorObjectionView) view = view_at (objection, &facts, BEFORE);

      test_util_assert_contains (objector_objection_view_get_description (view), cases[i].says);
      /* What is left to do, for a request as for an objection. */
      if (cases[i].person != FACEBOOK_DE || cases[i].accounts != NO_ACCOUNT)
        g_assert_true (g_str_has_suffix (objector_objection_view_get_description (view),
                                         "fill it in with the answers Objector keeps ready, and send it."));
      if (cases[i].accounts != ACCOUNT_OBJECTED)
        test_util_assert_lacks (objector_objection_view_get_description (view), "own accounts");
    }
}

/* A request says where it stands as an objection does: in every state the
 * same category (the overview's heading) and icon; before it is sent, the
 * same status word, and a description that says the form is still to be
 * sent, never only what the request is for. */
static void
test_request_like_objection (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    {
      g_autoptr(ObjectorObjection) objection = NULL;
      g_autoptr(ObjectorObjection) request = NULL;

      if (scenarios[s].objection_only)
        continue;
      objection = objection_for (&scenarios[s], FACEBOOK_DE);
      request = objection_for (&scenarios[s], THIRD_PARTY_DE);

      for (Accounts accounts = 0; accounts < N_ACCOUNTS; accounts++)
        for (guint after = 0; after < 2; after++)
          {
            ObjectorViewFacts objection_facts = facts_for (FACEBOOK_DE, accounts);
            ObjectorViewFacts request_facts = facts_for (THIRD_PARTY_DE, accounts);
            g_autoptr(ObjectorObjectionView) o = view_at (objection, &objection_facts, after ? AFTER : BEFORE);
            g_autoptr(ObjectorObjectionView) r = view_at (request, &request_facts, after ? AFTER : BEFORE);
            ObjectorState state = objector_objection_get_state (request);
            const char *description = objector_objection_view_get_description (r);
            g_autofree char *label = g_strdup_printf ("%s, accounts %d, %s", scenarios[s].name, accounts,
                                                      after ? "after" : "before");

            g_test_message ("%s", label);
            g_assert_cmpint (objector_objection_view_get_category (r), ==, objector_objection_view_get_category (o));
            g_assert_cmpstr (objector_objection_view_get_icon_name (r), ==, objector_objection_view_get_icon_name (o));
            g_assert_cmpint (objector_objection_view_get_next_action (r), ==, objector_objection_view_get_next_action (o));
            if (state == OBJECTOR_STATE_DRAFT || state == OBJECTOR_STATE_READY || state == OBJECTOR_STATE_FORM_OPENED)
              {
                g_assert_cmpint (objector_objection_view_get_category (r), ==, OBJECTOR_VIEW_CATEGORY_NEEDS_YOU);
                g_assert_cmpstr (objector_objection_view_get_title (r), ==, objector_objection_view_get_title (o));
                g_assert_true (strstr (description, "send") != NULL || strstr (description, "sent") != NULL);
              }
            if (state == OBJECTOR_STATE_READY)
              {
                g_assert_cmpstr (objector_objection_view_get_title (r), ==, "Not sent yet");
                g_assert_cmpstr (objector_objection_view_get_icon_name (r), ==, "mail-send-symbolic");
                g_assert_true (g_str_has_suffix (description, "and send it."));
              }
          }
    }
}

/* Meta emailed a code since the submission: typing it in comes next. */
static void
test_code_asked (void)
{
  g_autoptr(ObjectorObjection) objection = sent_objection ("facebook-objection", "DE");
  g_autoptr(JsonObject) email = test_util_email ("2026-11-20T09:02:00Z", "Facebook <security@facebookmail.com>",
                                                 "Your confirmation code", "code", TRUE);
  ObjectorViewFacts facts = facts_for (FACEBOOK_DE, ACCOUNT);
  g_autoptr(ObjectorObjectionView) before = NULL;
  g_autoptr(ObjectorObjectionView) after = NULL;
  g_autoptr(GDateTime) now = test_util_time (BEFORE);

  /* Without the email, the code is only on offer, not asked for. */
  before = view_at (objection, &facts, BEFORE);
  g_assert_cmpint (objector_objection_view_get_next_action (before), ==, OBJECTOR_VIEW_ACTION_LOG_ANSWER);
  g_assert_true (objector_objection_view_offers (before, OBJECTOR_VIEW_ACTION_ENTER_CODE));
  g_clear_object (&before);

  g_assert_true (test_util_add_email (objection, email));
  before = view_at (objection, &facts, BEFORE);
  g_assert_cmpint (objector_objection_view_get_category (before), ==, OBJECTOR_VIEW_CATEGORY_NEEDS_YOU);
  g_assert_cmpint (objector_objection_view_get_next_action (before), ==, OBJECTOR_VIEW_ACTION_ENTER_CODE);
  g_assert_cmpstr (objector_objection_view_get_icon_name (before), ==, "dialog-password-symbolic");
  /* The email is not what is confirmed: the person types its code in. */
  g_assert_cmpint (objector_objection_view_get_email_to_confirm (before), ==, -1);
  test_util_assert_contains (objector_objection_view_get_description (before), "six-digit code");
  g_assert_false (objector_objection_view_offers (before, OBJECTOR_VIEW_ACTION_COMPLAIN));
  assert_agrees_with_flow (before, objection, &facts, now);

  /* A month on, the silence outweighs the code. */
  after = view_at (objection, &facts, AFTER);
  g_assert_cmpint (objector_objection_view_get_next_action (after), ==, OBJECTOR_VIEW_ACTION_COMPLAIN);
  g_assert_nonnull (objector_objection_view_lookup (after, OBJECTOR_VIEW_ACTION_ENTER_CODE));
}

/* An answer Objector could not verify: the person checks it first, even
 * when the deadline has passed (Meta may have answered in time). */
static void
test_email_to_confirm (void)
{
  g_autoptr(ObjectorObjection) objection = sent_objection ("third-party", "DE");
  g_autoptr(JsonObject) email = test_util_email ("2026-12-10T10:00:00Z", "Meta <noreply@support.facebook.com>",
                                                 "Your request", "rejection", TRUE);
  ObjectorViewFacts facts = facts_for (THIRD_PARTY_DE, NO_ACCOUNT);

  json_object_set_string_member (email, "verdict", "unverifiable");
  g_assert_true (test_util_add_email (objection, email));

  for (guint after = 0; after < 2; after++)
    {
      g_autoptr(GDateTime) now = test_util_time (after ? AFTER : BEFORE);
      g_autoptr(ObjectorObjectionView) view = view_at (objection, &facts, after ? AFTER : BEFORE);
      const ObjectorViewChoice *next = objector_objection_view_get_next (view);

      g_assert_cmpint (objector_objection_view_get_category (view), ==, OBJECTOR_VIEW_CATEGORY_NEEDS_YOU);
      g_assert_nonnull (next);
      g_assert_cmpint (next->action, ==, OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL);
      g_assert_cmpstr (next->label, ==, "This Is _Genuine: Record It");
      g_assert_cmpint (objector_objection_view_get_email_to_confirm (view), ==, 0);
      test_util_assert_contains (objector_objection_view_get_description (view), "“Your request”");
      g_assert_cmpstr (objector_objection_view_get_icon_name (view), ==, "mail-unread-symbolic");
      /* Meta's other answers, and the complaint once overdue, stay on offer. */
      g_assert_true (objector_objection_view_offers (view, OBJECTOR_VIEW_ACTION_LOG_ANSWER));
      g_assert_cmpint (objector_objection_view_offers (view, OBJECTOR_VIEW_ACTION_COMPLAIN), ==, after);
      assert_agrees_with_flow (view, objection, &facts, now);
    }
}

/* Switzerland: an authority takes complaints (the FDPIC), but no deadline
 * Objector knows of: a refusal can go to it, a silence cannot. */
static void
test_authority_without_gdpr (void)
{
  ObjectorViewFacts facts = { "Switzerland", FALSE, TRUE, FALSE, FALSE };
  g_autoptr(ObjectorObjection) waiting = sent_objection ("third-party", "CH");
  g_autoptr(ObjectorObjection) refused = sent_objection ("third-party", "CH");
  g_autoptr(ObjectorObjectionView) silent = NULL;
  g_autoptr(ObjectorObjectionView) rejected = NULL;
  g_autoptr(GDateTime) now = test_util_time (AFTER);

  test_util_apply_at (refused, OBJECTOR_EVENT_LOG_REJECTION, NULL, ANSWERED);
  silent = view_at (waiting, &facts, AFTER);
  rejected = view_at (refused, &facts, AFTER);

  g_assert_cmpint (objector_objection_view_get_category (silent), ==, OBJECTOR_VIEW_CATEGORY_WAITING_FOR_META);
  g_assert_false (objector_objection_view_offers (silent, OBJECTOR_VIEW_ACTION_COMPLAIN));
  test_util_assert_contains (objector_objection_view_get_description (silent), "Where you live (Switzerland), no law");
  g_assert_cmpuint (assert_agrees_with_flow (silent, waiting, &facts, now), ==, 1u << OBJECTOR_EVENT_ESCALATE);

  g_assert_cmpint (objector_objection_view_get_category (rejected), ==, OBJECTOR_VIEW_CATEGORY_NEEDS_COMPLAINT);
  g_assert_cmpint (objector_objection_view_get_next_action (rejected), ==, OBJECTOR_VIEW_ACTION_COMPLAIN);
  g_assert_cmpuint (assert_agrees_with_flow (rejected, refused, &facts, now), ==, 0);
}

/* Without the country's name, the sentence still reads. */
static void
test_no_country_name (void)
{
  ObjectorViewFacts facts = facts_for (THIRD_PARTY_US, NO_ACCOUNT);
  g_autoptr(ObjectorObjection) waiting = sent_objection ("third-party", "US");
  g_autoptr(ObjectorObjection) refused = sent_objection ("third-party", "US");
  g_autoptr(ObjectorObjectionView) silent = NULL;
  g_autoptr(ObjectorObjectionView) rejected = NULL;

  facts.country_name = NULL;
  test_util_apply_at (refused, OBJECTOR_EVENT_LOG_REJECTION, NULL, ANSWERED);
  silent = view_at (waiting, &facts, BEFORE);
  rejected = view_at (refused, &facts, BEFORE);
  g_assert_cmpstr (objector_objection_view_get_description (silent), ==,
                   "No law Objector knows of sets Meta a deadline to answer where you live; "
                   "record its answer when it comes.");
  test_util_assert_contains (objector_objection_view_get_description (rejected),
                             "Objector knows no data protection authority where you live");
  test_util_assert_lacks (objector_objection_view_get_description (rejected), "(");
}

typedef void (*ViewFunc) (ObjectorObjectionView   *view,
                          ObjectorObjection       *objection,
                          const ObjectorViewFacts *facts,
                          GDateTime               *now,
                          gpointer                 data);

/* Calls @func with the view of every scenario, for every person, before
 * and after the due date. */
static void
each_view (Accounts accounts,
           ViewFunc func,
           gpointer data)
{
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    for (Person person = 0; person < N_PEOPLE; person++)
      {
        g_autoptr(ObjectorObjection) objection = NULL;

        if (scenarios[s].objection_only && person != FACEBOOK_DE)
          continue;
        objection = objection_for (&scenarios[s], person);
        for (guint after = 0; after < 2; after++)
          {
            ObjectorViewFacts facts = facts_for (person, accounts);
            g_autoptr(GDateTime) now = test_util_time (after ? AFTER : BEFORE);
            g_autoptr(ObjectorObjectionView) view = view_at (objection, &facts, after ? AFTER : BEFORE);

            func (view, objection, &facts, now, data);
          }
      }
}

typedef struct
{
  guint    withheld;
  gboolean offered[OBJECTOR_VIEW_N_ACTIONS];
} Coverage;

static void
cover (ObjectorObjectionView   *view,
       ObjectorObjection       *objection,
       const ObjectorViewFacts *facts,
       GDateTime               *now,
       gpointer                 data)
{
  Coverage *coverage = data;

  coverage->withheld |= assert_agrees_with_flow (view, objection, facts, now);
  for (ObjectorViewAction a = 0; a < OBJECTOR_VIEW_N_ACTIONS; a++)
    coverage->offered[a] |= objector_objection_view_offers (view, a);
}

/* Every event the objection takes in some state is reachable from the view
 * somewhere, and the two withheld ones are withheld only where said. */
static void
test_flow_coverage (void)
{
  Coverage coverage = { 0 };

  each_view (ACCOUNT_OBJECTED, cover, &coverage);

  /* Undoing the details step ("ready"), a complaint about silence in the US. */
  g_assert_cmpuint (coverage.withheld, ==, (1u << OBJECTOR_EVENT_UNDO) | (1u << OBJECTOR_EVENT_ESCALATE));
  /* Every action is on offer somewhere (confirm-email in its own test). */
  for (ObjectorViewAction a = OBJECTOR_VIEW_ACTION_NONE + 1; a < OBJECTOR_VIEW_N_ACTIONS; a++)
    if (a != OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL)
      g_assert_true (coverage.offered[a]);
}

#define ADWAITA "/usr/share/icons/Adwaita"

static void
assert_icon_exists (ObjectorObjectionView   *view,
                    ObjectorObjection       *objection,
                    const ObjectorViewFacts *facts,
                    GDateTime               *now,
                    gpointer                 data)
{
  static const char * const folders[] = { "scalable/status", "scalable/actions", "scalable/emblems",
                                          "symbolic/status", "symbolic/actions", "symbolic/emblems" };
  const char *icon = objector_objection_view_get_icon_name (view);
  g_autofree char *file = g_strconcat (icon, ".svg", NULL);

  g_assert_true (g_str_has_suffix (icon, "-symbolic"));
  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *path = g_build_filename (ADWAITA, folders[f], file, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return;
    }
  g_error ("The icon “%s” is not in %s", icon, ADWAITA);
}

/* Every icon is one the Adwaita theme has (where it is installed). */
static void
test_icons (void)
{
  if (!g_file_test (ADWAITA, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The Adwaita icon theme is not installed");
      return;
    }
  each_view (ACCOUNT, assert_icon_exists, NULL);
}

/* The facts, from the wizard's draft, the store and the lists of regions
 * and authorities. */
static void
test_facts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorAuthorities) authorities = objector_authorities_load (&error);
  g_autofree char *dir = test_util_make_dir ("facts");
  g_autoptr(ObjectorDraft) draft = objector_draft_new (dir);
  g_autoptr(ObjectorDraft) nothing_said = objector_draft_new (dir);
  g_autoptr(GListStore) store = g_list_store_new (OBJECTOR_TYPE_OBJECTION);
  g_autoptr(ObjectorObjection) facebook = test_util_objection_at ("facebook-objection", "DE", CREATED,
                                                                  OBJECTOR_EVENT_COMPLETE_DETAILS, CREATED, -1);
  g_autoptr(ObjectorObjection) instagram = test_util_objection_at ("instagram-objection", "GB", CREATED, -1);
  g_autoptr(ObjectorObjection) us = test_util_objection_at ("third-party", "US", CREATED, -1);
  g_autoptr(ObjectorObjection) swiss = test_util_objection_at ("third-party", "CH", CREATED, -1);
  g_autoptr(ObjectorObjection) unknown = test_util_objection_new ("third-party", FALSE, NULL, CREATED);
  ObjectorViewFacts facts;

  g_assert_no_error (error);
  objector_draft_set_country (draft, "AT");
  objector_draft_add_account (draft, "facebook", "Zoë");

  objector_view_facts_init (&facts, facebook, playbook, authorities, draft, NULL);
  g_assert_true (facts.gdpr && facts.authority && facts.has_account && !facts.objected_own);
  g_assert_null (facts.country_name);

  /* Instagram: no such account in the draft; the UK: the UK GDPR. */
  objector_view_facts_init (&facts, instagram, playbook, authorities, draft, NULL);
  g_assert_true (facts.gdpr && facts.authority && !facts.has_account);

  objector_view_facts_init (&facts, us, playbook, authorities, draft, NULL);
  g_assert_true (!facts.gdpr && !facts.authority && facts.has_account);

  objector_view_facts_init (&facts, swiss, playbook, authorities, NULL, NULL);
  g_assert_true (!facts.gdpr && facts.authority && !facts.has_account);
  /* Without the authorities, only the GDPR's. */
  objector_view_facts_init (&facts, swiss, playbook, NULL, NULL, NULL);
  g_assert_false (facts.authority);

  /* No country on the objection: the draft's (Austria). */
  objector_view_facts_init (&facts, unknown, playbook, authorities, draft, NULL);
  g_assert_true (facts.gdpr);

  /* Own objections: only one sent and still standing counts. */
  g_list_store_append (store, us);
  g_list_store_append (store, facebook);
  objector_view_facts_init (&facts, us, playbook, authorities, nothing_said, G_LIST_MODEL (store));
  g_assert_false (facts.objected_own);
  g_assert_false (facts.has_account);  /* nothing said, nothing sent */
  test_util_apply_at (facebook, OBJECTOR_EVENT_SUBMIT, NULL, SENT);
  objector_view_facts_init (&facts, us, playbook, authorities, nothing_said, G_LIST_MODEL (store));
  g_assert_true (facts.objected_own && facts.has_account);
  test_util_apply_at (facebook, OBJECTOR_EVENT_WITHDRAW, NULL, ANSWERED);
  objector_view_facts_init (&facts, us, playbook, authorities, nothing_said, G_LIST_MODEL (store));
  g_assert_false (facts.objected_own);

  /* The person said they have no account. */
  objector_draft_set_no_account (nothing_said, TRUE);
  objector_view_facts_init (&facts, facebook, playbook, authorities, nothing_said, NULL);
  g_assert_false (facts.has_account);
}

/* A path a later playbook dropped: worded by the objection's platform. */
static void
test_dropped_path (void)
{
  g_autoptr(ObjectorObjection) objection = test_util_objection_at ("facebook-objection", "DE", CREATED,
                                                                   OBJECTOR_EVENT_COMPLETE_DETAILS, CREATED, -1);
  g_autoptr(ObjectorObjection) request = test_util_objection_at ("third-party", "DE", CREATED,
                                                                 OBJECTOR_EVENT_COMPLETE_DETAILS, CREATED, -1);
  ObjectorViewFacts facts = facts_for (THIRD_PARTY_DE, ACCOUNT);
  g_autoptr(GDateTime) now = test_util_time (BEFORE);
  g_autoptr(ObjectorObjectionView) objection_view = objector_objection_view_new (objection, NULL, &facts, now);
  g_autoptr(ObjectorObjectionView) request_view = objector_objection_view_new (request, NULL, &facts, now);

  test_util_assert_contains (objector_objection_view_get_description (objection_view), "signed in to your account");
  g_assert_cmpstr (objector_objection_view_lookup (objection_view, OBJECTOR_VIEW_ACTION_WITHDRAW)->label, ==,
                   "_Withdraw This Objection");
  test_util_assert_contains (objector_objection_view_get_description (request_view), UNSENT_TP_PHRASE);
  g_assert_cmpstr (objector_objection_view_lookup (request_view, OBJECTOR_VIEW_ACTION_WITHDRAW)->label, ==,
                   "_Withdraw This Request");
}

/* Properties, names and the actions' own facts. */
static void
test_object (void)
{
  g_autoptr(ObjectorObjection) objection = sent_objection ("facebook-objection", "DE");
  ObjectorViewFacts facts = facts_for (FACEBOOK_DE, ACCOUNT);
  g_autoptr(ObjectorObjectionView) view = view_at (objection, &facts, BEFORE);
  g_autoptr(ObjectorObjection) got_objection = NULL;
  g_autofree char *title = NULL;
  g_autofree char *next_label = NULL;
  ObjectorViewCategory category;
  ObjectorViewAction next;
  guint n_answers = 0;

  g_object_get (view, "objection", &got_objection, "category", &category, "title", &title,
                "next-action", &next, "next-label", &next_label, NULL);
  g_assert_true (got_objection == objection);
  g_assert_cmpint (category, ==, OBJECTOR_VIEW_CATEGORY_WAITING_FOR_META);
  g_assert_cmpstr (title, ==, "Waiting for Meta’s answer");
  g_assert_cmpint (next, ==, OBJECTOR_VIEW_ACTION_LOG_ANSWER);
  g_assert_cmpstr (next_label, ==, "_Meta Answered…");
  g_assert_cmpstr (objector_objection_view_get_icon_name (view), ==, "appointment-soon-symbolic");
  g_assert_cmpint (objector_objection_view_get_email_to_confirm (view), ==, -1);

  for (ObjectorViewAction a = 0; a < OBJECTOR_VIEW_N_ACTIONS; a++)
    {
      ObjectorViewAction back;

      g_assert_true (objector_view_action_from_string (objector_view_action_to_string (a), &back));
      g_assert_cmpint (back, ==, a);
      n_answers += objector_view_action_is_answer (a);
    }
  g_assert_cmpuint (n_answers, ==, 6);
  for (ObjectorViewCategory c = 0; c < OBJECTOR_VIEW_N_CATEGORIES; c++)
    g_assert_nonnull (objector_view_category_get_title (c));
  g_assert_cmpstr (objector_view_category_to_string (OBJECTOR_VIEW_CATEGORY_WAITING_FOR_META), ==, "waiting-for-meta");

  /* Every offered action has a label with a mnemonic and a description. */
  for (ObjectorViewAction a = OBJECTOR_VIEW_ACTION_NONE + 1; a < OBJECTOR_VIEW_N_ACTIONS; a++)
    {
      const ObjectorViewChoice *c = objector_objection_view_lookup (view, a);

      if (c == NULL)
        continue;
      g_assert_nonnull (strchr (c->label, '_'));
      g_assert_cmpuint (strlen (c->description), >, 10);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  test_util_init (&argc, &argv, "test-objection-view");
  playbook = test_util_bundled_playbook ();

  TEST_UTIL_ADD_CASES ("/objection-view/state", scenarios, test_scenario);
  g_test_add_func ("/objection-view/unsent-wording", test_unsent_wording);
  g_test_add_func ("/objection-view/request-like-objection", test_request_like_objection);
  g_test_add_func ("/objection-view/code-asked", test_code_asked);
  g_test_add_func ("/objection-view/email-to-confirm", test_email_to_confirm);
  g_test_add_func ("/objection-view/authority-without-gdpr", test_authority_without_gdpr);
  g_test_add_func ("/objection-view/no-country-name", test_no_country_name);
  g_test_add_func ("/objection-view/flow-coverage", test_flow_coverage);
  g_test_add_func ("/objection-view/icons", test_icons);
  g_test_add_func ("/objection-view/facts", test_facts);
  g_test_add_func ("/objection-view/dropped-path", test_dropped_path);
  g_test_add_func ("/objection-view/object", test_object);

  status = test_util_run_tests ();
  g_clear_object (&playbook);
  return status;
}

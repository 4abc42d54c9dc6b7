/* objector-complaint.c — one complaint to a data-protection authority
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-clock.h"
#include "objector-complaint.h"
#include "objector-complaint-private.h"
#include "objector-error.h"

/* Grounds */

static char *
format_local_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a due date, as in “21 December 2026”; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y"));
}

gboolean
objector_complaint_check_grounds (ObjectorObjection  *objection,
                                  GDateTime          *now,
                                  GError            **error)
{
  ObjectorState state;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), FALSE);

  state = objector_objection_get_state (objection);
  switch (state)
    {
    case OBJECTOR_STATE_REJECTED:
    case OBJECTOR_STATE_ESCALATED:
      return TRUE;

    case OBJECTOR_STATE_SUBMITTED:
    case OBJECTOR_STATE_CONFIRMED:
    case OBJECTOR_STATE_ACKNOWLEDGED:
      {
        g_autoptr(GDate) due = NULL;
        g_autoptr(GTimeZone) zone = NULL;
        g_autoptr(GDateTime) due_time = NULL;
        g_autofree char *due_text = NULL;

        if (objector_objection_is_overdue (objection, now))
          return TRUE;

        due = objector_objection_dup_due_date (objection);
        if (due == NULL)
          break;
        zone = g_time_zone_new_local ();
        due_time = g_date_time_new (zone, g_date_get_year (due), g_date_get_month (due),
                                    g_date_get_day (due), 12, 0, 0);
        due_text = format_local_day (due_time);
        g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS,
                     _("Meta still has until %s to answer this objection. If it refuses, or "
                       "has not answered by then, you can complain to your data-protection authority."),
                     due_text);
        return FALSE;
      }

    case OBJECTOR_STATE_APPROVED:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS,
                   _("Meta accepted this objection, so there is no refusal to complain about"));
      return FALSE;

    case OBJECTOR_STATE_WITHDRAWN:
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS,
                   _("You withdrew this objection, so there is nothing to complain about"));
      return FALSE;

    case OBJECTOR_STATE_DRAFT:
    case OBJECTOR_STATE_READY:
    case OBJECTOR_STATE_FORM_OPENED:
    default:
      break;
    }

  g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NO_GROUNDS,
               _("This objection has not been sent to Meta yet. Send it first: if Meta refuses it, "
                 "or leaves it unanswered for a month, you can complain."));
  return FALSE;
}

/* The complaint */

struct _ObjectorComplaint
{
  GObject            parent_instance;

  ObjectorAuthority *authority;
  char              *language;
  char              *subject;
  char              *text;
  char             **attachments;
};

G_DEFINE_FINAL_TYPE (ObjectorComplaint, objector_complaint, G_TYPE_OBJECT)

static void
objector_complaint_dispose (GObject *object)
{
  ObjectorComplaint *self = OBJECTOR_COMPLAINT (object);

  g_clear_object (&self->authority);

  G_OBJECT_CLASS (objector_complaint_parent_class)->dispose (object);
}

static void
objector_complaint_finalize (GObject *object)
{
  ObjectorComplaint *self = OBJECTOR_COMPLAINT (object);

  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->attachments, g_strfreev);

  G_OBJECT_CLASS (objector_complaint_parent_class)->finalize (object);
}

static void
objector_complaint_class_init (ObjectorComplaintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = objector_complaint_dispose;
  object_class->finalize = objector_complaint_finalize;
}

static void
objector_complaint_init (ObjectorComplaint *self)
{
}

ObjectorAuthority *
objector_complaint_get_authority (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return self->authority;
}

const char *
objector_complaint_get_language (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return self->language;
}

const char *
objector_complaint_get_subject (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return self->subject;
}

const char *
objector_complaint_get_text (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return self->text;
}

const char * const *
objector_complaint_get_attachments (ObjectorComplaint *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT (self), NULL);
  return (const char * const *) self->attachments;
}

/* Writing: the letter, section by section */

typedef struct
{
  ObjectorComplaintLang  lang;
  ObjectorObjection     *objection;
  GHashTable            *vars;         /* the placeholders every section fills from */
  GString               *out;          /* the letter so far */
  GStrvBuilder          *attachments;
  ObjectorTransition    *rejection;    /* nullable: Meta's refusal, still in effect */
  ObjectorTransition    *receipt;      /* nullable */
  GDate                 *due;          /* nullable */
} Writer;

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->vars, g_hash_table_unref);
  if (w->out != NULL)
    g_string_free (g_steal_pointer (&w->out), TRUE);
  g_clear_pointer (&w->attachments, g_strv_builder_unref);
  g_clear_pointer (&w->due, g_date_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static void
append_paragraph (Writer     *w,
                  const char *paragraph)
{
  if (w->out->len > 0)
    g_string_append (w->out, "\n\n");
  g_string_append (w->out, paragraph);
}

static void
append_item (Writer     *w,
             const char *item)
{
  g_string_append_printf (w->out, "\n- %s", item);
}

/* The text @key as an item of a list, its placeholders filled. */
static void
append_text_item (Writer     *w,
                  const char *key)
{
  g_autofree char *line = _objector_complaint_lang_expand (&w->lang, key, w->vars);

  append_item (w, line);
}

static char *
format_day_in (ObjectorComplaintLang *lang,
               const GDate           *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) noon = g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                                               g_date_get_day (date), 12, 0, 0);

  return _objector_complaint_lang_format_date (lang, noon);
}

/* An email's date as logged ("2026-03-02T08:00:00Z"), or as it came. */
static char *
format_email_date_in (ObjectorComplaintLang *lang,
                      ObjectorEmailRecord   *email)
{
  if (objector_email_record_get_date (email) != NULL)
    return _objector_complaint_lang_format_date (lang, objector_email_record_get_date (email));
  if (objector_email_record_get_date_text (email) != NULL && *objector_email_record_get_date_text (email) != '\0')
    return g_strdup (objector_email_record_get_date_text (email));
  return g_strdup ("?");
}

/* The facts of the case, as every section may name them. */
static void
fill_vars (Writer                 *w,
           ObjectorComplaintTexts *texts,
           ObjectorPath           *path,
           const char             *region,
           GDateTime              *when)
{
  ObjectorObjection *objection = w->objection;
  ObjectorComplaintLang *lang = &w->lang;
  const char *email = objector_objection_get_email (objection);
  const char *country = objector_objection_get_country (objection);
  GDateTime *submitted = objector_objection_get_submitted (objection);
  GHashTable *vars = w->vars;

  _objector_complaint_vars_set (vars, "controller", _objector_complaint_texts_get_controller (texts));
  _objector_complaint_vars_set (vars, "controller_address", _objector_complaint_texts_get_controller_address (texts));
  _objector_complaint_vars_set (vars, "complaint_article", _objector_complaint_lang_law_text (lang, "complaint"));
  _objector_complaint_vars_set (vars, "objection_article", _objector_complaint_lang_law_text (lang, "objection"));
  _objector_complaint_vars_set (vars, "deadline_article", _objector_complaint_lang_law_text (lang, "deadline"));
  _objector_complaint_vars_set (vars, "order_article", _objector_complaint_lang_law_text (lang, "order"));
  _objector_complaint_vars_set (vars, "progress_article", _objector_complaint_lang_law_text (lang, "progress"));
  _objector_complaint_vars_set (vars, "email", email != NULL && *email != '\0' ? email : "?");
  _objector_complaint_vars_set (vars, "country", _objector_complaint_lang_country (lang, country) != NULL
                                                 ? _objector_complaint_lang_country (lang, country) : country);
  _objector_complaint_vars_set (vars, "region", region);
  _objector_complaint_vars_set (vars, "platform",
                                _objector_complaint_lang_platform (lang, objector_objection_get_platform (objection)));
  _objector_complaint_vars_set (vars, "account", objector_objection_get_account (objection));
  _objector_complaint_vars_set (vars, "reason", objector_objection_get_reason (objection));
  _objector_complaint_vars_set (vars, "form_url", path != NULL ? objector_path_get_form_url (path) : NULL);
  _objector_complaint_vars_take (vars, "created",
                                 _objector_complaint_lang_format_date (lang, objector_objection_get_created (objection)));
  _objector_complaint_vars_take (vars, "today", _objector_complaint_lang_format_date (lang, when));
  if (submitted != NULL)
    _objector_complaint_vars_take (vars, "submitted", _objector_complaint_lang_format_date (lang, submitted));
  if (w->due != NULL)
    _objector_complaint_vars_take (vars, "due", format_day_in (lang, w->due));
  if (w->rejection != NULL)
    _objector_complaint_vars_take (vars, "answer_date", _objector_complaint_lang_format_date (lang, w->rejection->time));
  if (w->receipt != NULL)
    _objector_complaint_vars_take (vars, "receipt_date", _objector_complaint_lang_format_date (lang, w->receipt->time));
}

/* To whom, about what, and why. */
static void
write_opening (Writer            *w,
               ObjectorAuthority *authority,
               const char        *subject)
{
  g_autofree char *intro = NULL;

  g_string_append_printf (w->out, "%s\n%s", objector_authority_get_name (authority),
                          objector_authority_get_address (authority));
  append_paragraph (w, subject);
  append_paragraph (w, _objector_complaint_lang_text (&w->lang, "greeting"));

  /* Rejected, or escalated after a rejection: Meta's refusal is the
   * grievance. Otherwise its silence past the deadline. */
  intro = _objector_complaint_lang_expand (&w->lang, w->rejection != NULL ? "intro_rejected" : "intro_no_answer",
                                           w->vars);
  append_paragraph (w, intro);
}

/* 1. Facts */
static void
write_facts (Writer       *w,
             ObjectorPath *path,
             const char   *region)
{
  const char *platform = objector_objection_get_platform (w->objection);
  const char *account = objector_objection_get_account (w->objection);
  const char *reason = objector_objection_get_reason (w->objection);

  append_paragraph (w, _objector_complaint_lang_text (&w->lang, "facts_heading"));
  append_text_item (w, region != NULL && *region != '\0' ? "complainant_region" : "complainant");
  append_text_item (w, "controller");
  if (g_strcmp0 (platform, "facebook") != 0 && g_strcmp0 (platform, "instagram") != 0)
    append_text_item (w, "no_account");
  else if (account != NULL && *account != '\0')
    append_text_item (w, "account");
  else
    append_text_item (w, "account_unnamed");
  append_text_item (w, "prepared");
  if (objector_objection_get_submitted (w->objection) != NULL)
    append_text_item (w, path != NULL ? "submitted" : "submitted_no_form");
  if (reason != NULL && *reason != '\0')
    append_text_item (w, "reason");
  if (w->receipt != NULL)
    append_text_item (w, "receipt");
  if (w->due != NULL)
    append_text_item (w, objector_objection_get_extended (w->objection) ? "due_extended" : "due");
  append_text_item (w, w->rejection != NULL ? "answer_rejected" : "answer_none");
}

/* 2. Timeline: every step, undone ones too, as the person recorded it. */
static void
write_timeline (Writer *w)
{
  GPtrArray *history = objector_objection_get_history (w->objection);

  append_paragraph (w, _objector_complaint_lang_text (&w->lang, "timeline_heading"));
  for (guint i = 0; i < history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (history, i);
      g_autoptr(GHashTable) entry = _objector_complaint_vars_new ();
      g_autofree char *line = NULL;

      _objector_complaint_vars_take (entry, "date", _objector_complaint_lang_format_date (&w->lang, t->time));
      _objector_complaint_vars_set (entry, "event", _objector_complaint_lang_event (&w->lang, t->event));
      _objector_complaint_vars_set (entry, "note", t->note);
      line = _objector_complaint_lang_expand (&w->lang, t->note != NULL ? "timeline_note" : "timeline_entry", entry);
      append_item (w, line);
    }
}

/* Meta's emails, each also an attachment. */
static void
write_emails (Writer *w)
{
  GPtrArray *emails = objector_objection_get_emails (w->objection);

  if (emails->len > 0)
    append_paragraph (w, _objector_complaint_lang_text (&w->lang, "emails_heading"));

  for (guint i = 0; i < emails->len; i++)
    {
      ObjectorEmailRecord *email = g_ptr_array_index (emails, i);
      g_autoptr(GHashTable) entry = _objector_complaint_vars_new ();
      const char *subject = objector_email_record_get_subject (email);
      const char *from = objector_email_record_get_from (email);
      g_autofree char *line = NULL;
      g_autofree char *attachment = NULL;

      if (objector_email_record_is_damaged (email))
        continue;

      _objector_complaint_vars_take (entry, "date", format_email_date_in (&w->lang, email));
      _objector_complaint_vars_set (entry, "subject", subject != NULL ? subject : "");
      _objector_complaint_vars_set (entry, "from", from != NULL ? from : "?");
      line = _objector_complaint_lang_expand (&w->lang, "email_entry", entry);
      append_item (w, line);

      attachment = _objector_complaint_lang_expand (&w->lang, "attachment_email", entry);
      g_strv_builder_add (w->attachments, attachment);
    }
}

/* 3. Requests */
static void
write_requests (Writer            *w,
                ObjectorAuthority *authority)
{
  const char *lead_note = _objector_complaint_lang_law_text (&w->lang, "lead_note");

  append_paragraph (w, _objector_complaint_lang_text (&w->lang, "request_heading"));
  append_paragraph (w, _objector_complaint_lang_text (&w->lang, "request_intro"));
  append_text_item (w, "request_examine");
  append_text_item (w, "request_order");
  append_text_item (w, "request_inform");

  /* Meta Platforms Ireland Limited's lead authority is the Irish one
   * (GDPR Art. 56); any other EU/EEA authority hands the case to it. */
  if (lead_note != NULL && !g_strv_contains (objector_authority_get_countries (authority), "IE"))
    append_paragraph (w, lead_note);
}

/* The date, the signature to fill in, and what is attached. */
static char **
write_closing (Writer *w)
{
  char **attachments;

  append_paragraph (w, g_hash_table_lookup (w->vars, "today"));
  append_paragraph (w, _objector_complaint_lang_text (&w->lang, "closing"));
  g_string_append_printf (w->out, "\n%s\n%s", _objector_complaint_lang_text (&w->lang, "fill_in_name"),
                          (const char *) g_hash_table_lookup (w->vars, "email"));

  attachments = g_strv_builder_end (w->attachments);
  append_paragraph (w, _objector_complaint_lang_text (&w->lang, "attachments_heading"));
  for (guint i = 0; attachments[i] != NULL; i++)
    append_item (w, attachments[i]);
  g_string_append (w->out, "\n");
  return attachments;
}

/* @language, checked, or the authority's language, or English. */
static const char *
choose_language (ObjectorComplaintTexts  *texts,
                 ObjectorAuthority       *authority,
                 const char              *language,
                 GError                 **error)
{
  const char *authority_language = objector_authority_get_complaint_language (authority);

  if (language == NULL)
    return objector_complaint_texts_has_language (texts, authority_language) ? authority_language : "en";

  if (!objector_complaint_texts_has_language (texts, language))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) objector_complaint_texts_get_languages (texts));

      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("There is no complaint text in “%s”; the languages are: %s"), language, known);
      return NULL;
    }
  return language;
}

ObjectorComplaint *
objector_complaint_new (ObjectorComplaintTexts  *texts,
                        ObjectorObjection       *objection,
                        ObjectorAuthority       *authority,
                        ObjectorPath            *path,
                        const char              *region,
                        const char              *language,
                        GDateTime               *now,
                        GError                 **error)
{
  g_autoptr(ObjectorComplaint) self = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_auto(Writer) w = { 0 };

  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT_TEXTS (texts), NULL);
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), NULL);
  g_return_val_if_fail (OBJECTOR_IS_AUTHORITY (authority), NULL);
  g_return_val_if_fail (path == NULL || OBJECTOR_IS_PATH (path), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (language != NULL && !choose_language (texts, authority, language, error))
    return NULL;

  when = now != NULL ? g_date_time_ref (now) : objector_clock_now ();
  if (!objector_complaint_check_grounds (objection, when, error))
    return NULL;

  self = g_object_new (OBJECTOR_TYPE_COMPLAINT, NULL);
  self->authority = g_object_ref (authority);
  self->language = g_strdup (choose_language (texts, authority, language, NULL));

  _objector_complaint_lang_init (&w.lang, texts, self->language, objector_authority_get_law (authority));
  w.objection = objection;
  w.vars = _objector_complaint_vars_new ();
  w.out = g_string_new (NULL);
  w.attachments = g_strv_builder_new ();
  w.rejection = objector_objection_get_latest_step (objection, OBJECTOR_EVENT_LOG_REJECTION);
  w.receipt = objector_objection_get_latest_step (objection, OBJECTOR_EVENT_LOG_RECEIPT);
  w.due = objector_objection_dup_due_date (objection);

  fill_vars (&w, texts, path, region, when);
  self->subject = _objector_complaint_lang_expand (&w.lang, "subject", w.vars);
  g_strv_builder_add (w.attachments, _objector_complaint_lang_text (&w.lang, "attachment_summary"));

  write_opening (&w, authority, self->subject);
  write_facts (&w, path, region);
  write_timeline (&w);
  write_emails (&w);
  write_requests (&w, authority);
  self->attachments = write_closing (&w);

  self->text = g_string_free (g_steal_pointer (&w.out), FALSE);
  return g_steal_pointer (&self);
}

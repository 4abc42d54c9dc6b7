/* objector-mail-log.c — logging an email on its objection, and the person's confirmation
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-clock.h"
#include "objector-error.h"
#include "objector-mail-private.h"

void
objector_mail_log_result_free (ObjectorMailLogResult *result)
{
  if (result == NULL)
    return;
  g_free (result->objection_id);
  g_free (result->reason);
  g_free (result);
}

/* What is stored */

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static JsonArray *
strv_to_json (char **strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

JsonObject *
objector_mail_to_json (ObjectorMail *self,
                       GDateTime    *logged)
{
  JsonObject *object;
  g_autofree char *date = NULL;
  g_autofree char *logged_text = NULL;
  g_autofree char *excerpt = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (OBJECTOR_IS_MAIL (self), NULL);

  if (logged == NULL)
    logged = now = objector_clock_now ();

  date = objector_clock_format_utc (self->date);
  logged_text = objector_clock_format_utc (logged);
  excerpt = objector_mail_dup_excerpt (self);

  object = json_object_new ();
  set_string_or_null (object, "date", date);
  set_string_or_null (object, "from", self->from);
  set_string_or_null (object, "subject", self->subject);
  json_object_set_string_member (object, "kind", objector_mail_kind_to_string (self->kind));
  json_object_set_string_member (object, "verdict", objector_mail_verdict_to_string (self->verdict));
  json_object_set_boolean_member (object, "trusted", self->verdict == OBJECTOR_MAIL_VERDICT_VERIFIED);
  set_string_or_null (object, "message_id", self->message_id);
  set_string_or_null (object, "digest", self->digest);
  set_string_or_null (object, "platform", self->platform);
  json_object_set_string_member (object, "excerpt", excerpt);
  json_object_set_array_member (object, "trust_notes", strv_to_json (self->trust_notes));
  json_object_set_array_member (object, "foreign_hosts", strv_to_json (self->foreign_hosts));
  json_object_set_string_member (object, "logged", logged_text);
  set_string_or_null (object, "source", self->source);
  if (self->source_index > 0)
    json_object_set_int_member (object, "source_index", self->source_index);
  return object;
}

/* Where the same Message-ID, or the very same bytes (pasted twice), is
 * logged; -1 when nowhere. */
static int
find_logged (ObjectorObjection *objection,
             ObjectorMail      *mail)
{
  GPtrArray *emails = objector_objection_get_emails (objection);
  const char *message_id = objector_mail_get_message_id (mail);
  const char *digest = objector_mail_get_digest (mail);

  for (guint i = 0; i < emails->len; i++)
    {
      ObjectorEmailRecord *logged = g_ptr_array_index (emails, i);

      if (message_id != NULL && g_strcmp0 (objector_email_record_get_message_id (logged), message_id) == 0)
        return (int) i;
      if (digest != NULL && g_strcmp0 (objector_email_record_get_digest (logged), digest) == 0)
        return (int) i;
    }
  return -1;
}

/* What logging @mail now stores. */
static ObjectorEmailRecord *
record_of (ObjectorMail  *mail,
           GDateTime     *now,
           gboolean       has_event,
           ObjectorEvent  event)
{
  g_autoptr(JsonObject) fields = objector_mail_to_json (mail, now);
  g_autoptr(ObjectorEmailRecord) read = objector_email_record_new_from_object (fields);

  return objector_email_record_new_with_event (read, has_event, event);
}

static char *
history_note (const char *subject,
              const char *date,
              gboolean    confirmed)
{
  g_autoptr(GDateTime) time = date != NULL ? g_date_time_new_from_iso8601 (date, NULL) : NULL;
  g_autofree char *day = time != NULL ? g_date_time_format (time, "%Y-%m-%d") : NULL;

  if (subject == NULL)
    subject = "";
  if (confirmed)
    {
      if (day != NULL)
        /* Translators: a note in the history: the person said the email is genuine. */
        return g_strdup_printf (_("Confirmed by you, not verified: the email “%s” of %s"), subject, day);
      return g_strdup_printf (_("Confirmed by you, not verified: the email “%s”"), subject);
    }
  if (day != NULL)
    /* Translators: a note in the history: the email's subject and date. */
    return g_strdup_printf (_("From the email “%s” of %s"), subject, day);
  return g_strdup_printf (_("From the email “%s”"), subject);
}

static char *
not_possible (ObjectorObjection *objection,
              ObjectorEvent      event)
{
  return g_strdup_printf (_("the objection is “%s”, where “%s” is not possible"),
                          objector_state_to_string (objector_objection_get_state (objection)),
                          objector_event_to_string (event));
}

static char *
no_event_reason (ObjectorMailKind   kind,
                 ObjectorObjection *objection)
{
  if (kind == OBJECTOR_MAIL_KIND_UNRECOGNISED)
    return g_strdup (_("Objector cannot tell what this email says; say what it is "
                       "to record Meta’s answer"));
  if (kind != OBJECTOR_MAIL_KIND_CODE)
    return g_strdup (_("emails of this kind do not change the state"));
  if (!objector_objection_get_has_code_step (objection))
    return g_strdup (_("this path has no code step"));
  return g_strdup_printf (_("a code confirms only a submitted objection, and this one is “%s”"),
                          objector_state_to_string (objector_objection_get_state (objection)));
}

typedef struct
{
  ObjectorMail          *mail;     /* NULL: confirm the logged email at index */
  guint                  index;
  gboolean               confirm;
  GDateTime             *now;
  ObjectorMailLogResult *result;
} LogData;

static gboolean
log_edit (ObjectorObjection  *objection,
          gpointer            user_data,
          GError            **error)
{
  LogData *data = user_data;
  ObjectorMail *mail = data->mail;
  ObjectorMailLogResult *result = data->result;
  g_autoptr(ObjectorEmailRecord) email = NULL;
  gboolean apply = FALSE;

  g_clear_pointer (&result->reason, g_free);
  result->before = result->after = objector_objection_get_state (objection);
  result->has_event = objector_mail_get_event (mail, objection, &result->event);

  if (find_logged (objection, mail) >= 0)
    {
      result->outcome = OBJECTOR_MAIL_LOG_ALREADY_LOGGED;
      result->reason = g_strdup (_("it was logged before"));
      return TRUE;
    }

  if (!result->has_event)
    result->reason = no_event_reason (objector_mail_get_kind (mail), objection);
  else
    switch (objector_mail_get_verdict (mail))
      {
      case OBJECTOR_MAIL_VERDICT_VERIFIED:
        if (!objector_objection_can_apply (objection, result->event, data->now))
          result->reason = not_possible (objection, result->event);
        else
          apply = TRUE;
        break;
      case OBJECTOR_MAIL_VERDICT_UNVERIFIABLE:
        result->reason = g_strdup (_("it could not be verified, so it changes the state only when you "
                                     "confirm it is genuine"));
        break;
      case OBJECTOR_MAIL_VERDICT_SUSPICIOUS:
      default:
        result->reason = g_strdup (_("it failed the checks or looks suspicious, so it never changes "
                                     "the state"));
        break;
      }

  email = record_of (mail, data->now, apply, result->event);
  if (!objector_objection_add_email (objection, email))
    {
      result->outcome = OBJECTOR_MAIL_LOG_ALREADY_LOGGED;
      g_free (result->reason);
      result->reason = g_strdup (_("it was logged before"));
      return TRUE;
    }
  result->outcome = OBJECTOR_MAIL_LOG_LOGGED;

  if (apply)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *note = history_note (objector_email_record_get_subject (email),
                                            objector_email_record_get_date_text (email), FALSE);

      /* The email stays logged even if the step fails after all. */
      if (objector_objection_apply (objection, result->event, note, data->now, &local_error))
        result->outcome = OBJECTOR_MAIL_LOG_APPLIED;
      else
        result->reason = g_strdup (local_error->message);
    }

  result->after = objector_objection_get_state (objection);
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT, message);
  return FALSE;
}

/* Why a record cannot be confirmed, as an error; TRUE when it can. */
static gboolean
check_confirmable (ObjectorEmailRecord  *record,
                   GError              **error)
{
  ObjectorMailRecordVerdict verdict = objector_email_record_get_verdict (record);

  switch (verdict.verdict)
    {
    case OBJECTOR_MAIL_VERDICT_VERIFIED:
      return refuse (error, _("This email is verified: it needs no confirmation"));
    case OBJECTOR_MAIL_VERDICT_SUSPICIOUS:
      return refuse (error, _("This email failed the checks or looks suspicious, so Objector does not "
                              "record it as Meta’s answer, even when you confirm it. If you are sure "
                              "of Meta’s answer, record the step yourself: it is then your own "
                              "statement"));
    case OBJECTOR_MAIL_VERDICT_UNVERIFIABLE:
    default:
      break;
    }
  if (verdict.confirmed_by_user)
    return refuse (error, _("You confirmed this email already"));
  if (objector_email_record_get_event (record, NULL))
    return refuse (error, _("This email changed the state already"));
  return TRUE;
}

/* The person says the @index-th logged email is genuine. */
static gboolean
confirm_record (ObjectorObjection      *objection,
                guint                   index,
                GDateTime              *now,
                ObjectorMailLogResult  *result,
                GError                **error)
{
  GPtrArray *emails = objector_objection_get_emails (objection);
  ObjectorEmailRecord *record = index < emails->len ? g_ptr_array_index (emails, index) : NULL;
  g_autoptr(ObjectorEmailRecord) confirmed = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;
  ObjectorMailKind kind = OBJECTOR_MAIL_KIND_OTHER;

  if (record == NULL || objector_email_record_is_damaged (record))
    return refuse (error, _("There is no such logged email"));
  if (!check_confirmable (record, error))
    return FALSE;

  result->before = result->after = objector_objection_get_state (objection);
  if (!objector_email_record_get_kind (record, &kind)
      || !(result->has_event = objector_mail_kind_get_event (kind, objection, &result->event)))
    {
      reason = no_event_reason (kind, objection);
      /* Translators: "This email cannot be recorded: emails of this kind do not change the state". */
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT,
                   _("This email cannot be recorded: %s"), reason);
      return FALSE;
    }
  if (!objector_objection_can_apply (objection, result->event, now))
    {
      reason = not_possible (objection, result->event);
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT,
                   _("This email cannot be recorded: %s"), reason);
      return FALSE;
    }

  /* A new record: every field kept, the confirmation added. */
  confirmed = objector_email_record_new_confirmed (record, result->event, now);
  if (!objector_objection_replace_email (objection, index, confirmed))
    return refuse (error, _("There is no such logged email"));

  note = history_note (objector_email_record_get_subject (confirmed),
                       objector_email_record_get_date_text (confirmed), TRUE);
  if (!objector_objection_apply (objection, result->event, note, now, error))
    return FALSE;

  result->outcome = OBJECTOR_MAIL_LOG_APPLIED;
  result->confirmed = TRUE;
  result->after = objector_objection_get_state (objection);
  return TRUE;
}

static gboolean
confirm_edit (ObjectorObjection  *objection,
              gpointer            user_data,
              GError            **error)
{
  LogData *data = user_data;
  int index;

  if (data->mail == NULL)
    return confirm_record (objection, data->index, data->now, data->result, error);

  /* Logged before: its record is confirmed. Otherwise logged now, with
   * the same change. */
  if ((index = find_logged (objection, data->mail)) < 0)
    {
      g_autoptr(ObjectorEmailRecord) email = record_of (data->mail, data->now, FALSE, 0);

      if (!check_confirmable (email, error))
        return FALSE;
      if (!objector_objection_add_email (objection, email))
        return refuse (error, _("There is no such logged email"));
      index = (int) objector_objection_get_emails (objection)->len - 1;
    }
  return confirm_record (objection, (guint) index, data->now, data->result, error);
}

static gboolean
run (ObjectorStore          *store,
     const char             *objection_id,
     LogData                *data,
     ObjectorStoreEditFunc   func,
     ObjectorMailLogResult **result,
     GError                **error)
{
  g_autoptr(ObjectorMailLogResult) local_result = NULL;
  g_autoptr(GDateTime) default_now = NULL;

  if (data->now == NULL)
    data->now = default_now = objector_clock_now ();

  local_result = g_new0 (ObjectorMailLogResult, 1);
  local_result->objection_id = g_strdup (objection_id);
  data->result = local_result;

  if (!objector_store_edit (store, objection_id, func, data, error))
    return FALSE;

  if (result != NULL)
    *result = g_steal_pointer (&local_result);
  return TRUE;
}

gboolean
objector_mail_log (ObjectorStore          *store,
                   const char             *objection_id,
                   ObjectorMail           *mail,
                   GDateTime              *now,
                   ObjectorMailLogResult **result,
                   GError                **error)
{
  LogData data = { mail, 0, FALSE, now, NULL };

  g_return_val_if_fail (OBJECTOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (objection_id != NULL, FALSE);
  g_return_val_if_fail (OBJECTOR_IS_MAIL (mail), FALSE);
  g_return_val_if_fail (objector_mail_get_error (mail) == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run (store, objection_id, &data, log_edit, result, error);
}

gboolean
objector_mail_confirm (ObjectorStore          *store,
                       const char             *objection_id,
                       ObjectorMail           *mail,
                       GDateTime              *now,
                       ObjectorMailLogResult **result,
                       GError                **error)
{
  LogData data = { mail, 0, TRUE, now, NULL };

  g_return_val_if_fail (OBJECTOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (objection_id != NULL, FALSE);
  g_return_val_if_fail (OBJECTOR_IS_MAIL (mail), FALSE);
  g_return_val_if_fail (objector_mail_get_error (mail) == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run (store, objection_id, &data, confirm_edit, result, error);
}

gboolean
objector_mail_can_confirm_logged (ObjectorObjection *objection,
                                  guint              index)
{
  GPtrArray *emails;
  ObjectorEmailRecord *record;
  ObjectorMailKind kind;
  ObjectorEvent event;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), FALSE);

  emails = objector_objection_get_emails (objection);
  record = index < emails->len ? g_ptr_array_index (emails, index) : NULL;
  return record != NULL && objector_email_record_can_confirm (record)
         && objector_email_record_get_kind (record, &kind)
         && objector_mail_kind_get_event (kind, objection, &event)
         && objector_objection_can_apply (objection, event, NULL);
}

gboolean
objector_mail_confirm_logged (ObjectorStore          *store,
                              const char             *objection_id,
                              guint                   index,
                              GDateTime              *now,
                              ObjectorMailLogResult **result,
                              GError                **error)
{
  LogData data = { NULL, index, TRUE, now, NULL };

  g_return_val_if_fail (OBJECTOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (objection_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run (store, objection_id, &data, confirm_edit, result, error);
}

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

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Where the same Message-ID, or the very same bytes (pasted twice), is
 * logged; -1 when nowhere. */
static int
find_logged (ObjectorObjection *objection,
             ObjectorMail      *mail)
{
  JsonArray *emails = objector_objection_get_emails (objection);
  const char *message_id = objector_mail_get_message_id (mail);
  const char *digest = objector_mail_get_digest (mail);

  for (guint i = 0; i < json_array_get_length (emails); i++)
    {
      JsonNode *node = json_array_get_element (emails, i);
      JsonObject *logged;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      logged = json_node_get_object (node);
      if (message_id != NULL && g_strcmp0 (member_string (logged, "message_id"), message_id) == 0)
        return (int) i;
      if (digest != NULL && g_strcmp0 (member_string (logged, "digest"), digest) == 0)
        return (int) i;
    }
  return -1;
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
  g_autoptr(JsonObject) email = NULL;
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

  email = objector_mail_to_json (mail, data->now);
  if (apply)
    json_object_set_string_member (email, "event", objector_event_to_string (result->event));
  else
    json_object_set_null_member (email, "event");

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
      g_autofree char *note = history_note (member_string (email, "subject"), member_string (email, "date"), FALSE);

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
check_confirmable (JsonObject  *record,
                   GError     **error)
{
  ObjectorMailRecordVerdict verdict = objector_mail_record_get_verdict (record);

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
  if (member_string (record, "event") != NULL)
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
  JsonArray *emails = objector_objection_get_emails (objection);
  JsonNode *node = index < json_array_get_length (emails) ? json_array_get_element (emails, index) : NULL;
  g_autoptr(JsonObject) confirmed = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *when = NULL;
  g_autofree char *note = NULL;
  g_autofree char *reason = NULL;
  JsonObject *record;
  GList *members;
  ObjectorMailKind kind = OBJECTOR_MAIL_KIND_OTHER;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, _("There is no such logged email"));
  record = json_node_get_object (node);
  if (!check_confirmable (record, error))
    return FALSE;

  result->before = result->after = objector_objection_get_state (objection);
  if (!objector_mail_kind_from_string (member_string (record, "kind"), &kind)
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
  confirmed = json_object_new ();
  members = json_object_get_members (record);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (confirmed, l->data, json_node_copy (json_object_get_member (record, l->data)));
  g_list_free (members);
  utc = g_date_time_to_utc (now);
  when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  json_object_set_boolean_member (confirmed, "confirmed_by_user", TRUE);
  json_object_set_string_member (confirmed, "confirmed", when);
  json_object_set_string_member (confirmed, "event", objector_event_to_string (result->event));
  if (!objector_objection_replace_email (objection, index, confirmed))
    return refuse (error, _("There is no such logged email"));

  note = history_note (member_string (confirmed, "subject"), member_string (confirmed, "date"), TRUE);
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
      g_autoptr(JsonObject) email = objector_mail_to_json (data->mail, data->now);

      if (!check_confirmable (email, error))
        return FALSE;
      json_object_set_null_member (email, "event");
      if (!objector_objection_add_email (objection, email))
        return refuse (error, _("There is no such logged email"));
      index = (int) json_array_get_length (objector_objection_get_emails (objection)) - 1;
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
  JsonArray *emails;
  JsonNode *node;
  ObjectorMailKind kind;
  ObjectorEvent event;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), FALSE);

  emails = objector_objection_get_emails (objection);
  node = index < json_array_get_length (emails) ? json_array_get_element (emails, index) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || !objector_mail_record_can_confirm (json_node_get_object (node)))
    return FALSE;
  return objector_mail_kind_from_string (member_string (json_node_get_object (node), "kind"), &kind)
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

/* objector-mail-log.c — logging an email on its objection
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-clock.h"
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

/* The same Message-ID, or the very same bytes (pasted twice). */
static gboolean
already_logged (ObjectorObjection *objection,
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
        return TRUE;
      if (digest != NULL && g_strcmp0 (member_string (logged, "digest"), digest) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  ObjectorMail          *mail;
  GDateTime             *now;
  ObjectorMailLogResult *result;
} LogData;

static char *
history_note (ObjectorMail *mail)
{
  GDateTime *date = objector_mail_get_date (mail);
  const char *subject = objector_mail_get_subject (mail);
  g_autofree char *day = date != NULL ? g_date_time_format (date, "%Y-%m-%d") : NULL;

  if (day != NULL)
    /* Translators: a note in the history: the email's subject and date. */
    return g_strdup_printf (_("From the email “%s” of %s"), subject != NULL ? subject : "", day);
  return g_strdup_printf (_("From the email “%s”"), subject != NULL ? subject : "");
}

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

  if (already_logged (objection, mail))
    {
      result->outcome = OBJECTOR_MAIL_LOG_ALREADY_LOGGED;
      result->reason = g_strdup (_("it was logged before"));
      return TRUE;
    }

  if (!result->has_event)
    {
      switch (objector_mail_get_kind (mail))
        {
        case OBJECTOR_MAIL_KIND_CODE:
          if (!objector_objection_get_has_code_step (objection))
            result->reason = g_strdup (_("this path has no code step"));
          else
            result->reason = g_strdup_printf (_("a code confirms only a submitted objection, and this one is “%s”"),
                                              objector_state_to_string (result->before));
          break;
        case OBJECTOR_MAIL_KIND_UNRECOGNISED:
          result->reason = g_strdup (_("Objector cannot tell what this email says; say what it is "
                                       "to record Meta’s answer"));
          break;
        case OBJECTOR_MAIL_KIND_RECEIPT:
        case OBJECTOR_MAIL_KIND_APPROVAL:
        case OBJECTOR_MAIL_KIND_REJECTION:
        case OBJECTOR_MAIL_KIND_EXTENSION:
        case OBJECTOR_MAIL_KIND_OTHER:
        default:
          result->reason = g_strdup (_("emails of this kind do not change the state"));
          break;
        }
    }
  else if (!objector_mail_get_trusted (mail))
    result->reason = g_strdup (_("an email that is not trusted never changes the state by itself"));
  else if (!objector_objection_can_apply (objection, result->event, data->now))
    result->reason = g_strdup_printf (_("the objection is “%s”, where “%s” is not possible"),
                                      objector_state_to_string (result->before),
                                      objector_event_to_string (result->event));
  else
    apply = TRUE;

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
      g_autofree char *note = history_note (mail);

      /* The email stays logged even if the step fails after all. */
      if (objector_objection_apply (objection, result->event, note, data->now, &local_error))
        result->outcome = OBJECTOR_MAIL_LOG_APPLIED;
      else
        result->reason = g_strdup (local_error->message);
    }

  result->after = objector_objection_get_state (objection);
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
  g_autoptr(ObjectorMailLogResult) local_result = NULL;
  g_autoptr(GDateTime) default_now = NULL;
  LogData data;

  g_return_val_if_fail (OBJECTOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (objection_id != NULL, FALSE);
  g_return_val_if_fail (OBJECTOR_IS_MAIL (mail), FALSE);
  g_return_val_if_fail (objector_mail_get_error (mail) == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (now == NULL)
    now = default_now = objector_clock_now ();

  local_result = g_new0 (ObjectorMailLogResult, 1);
  local_result->objection_id = g_strdup (objection_id);
  data.mail = mail;
  data.now = now;
  data.result = local_result;

  if (!objector_store_edit (store, objection_id, log_edit, &data, error))
    return FALSE;

  if (result != NULL)
    *result = g_steal_pointer (&local_result);
  return TRUE;
}

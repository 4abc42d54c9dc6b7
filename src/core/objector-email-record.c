/* objector-email-record.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-clock.h"
#include "objector-email-record.h"
#include "objector-json.h"

struct _ObjectorEmailRecord
{
  GObject                    parent_instance;

  JsonNode                  *json;  /* as stored: an object, unless damaged */

  char                      *date_text;
  GDateTime                 *date;
  char                      *from;
  char                      *subject;
  char                      *excerpt;
  char                     **to;
  char                     **trust_notes;
  char                     **foreign_hosts;
  char                      *kind_name;
  ObjectorMailRecordVerdict  verdict;
  char                      *event_name;
  GDateTime                 *confirmed;
  char                      *message_id;
  char                      *digest;
  char                      *platform;
  GDateTime                 *logged;
  char                      *source;
  guint                      source_index;
};

G_DEFINE_FINAL_TYPE (ObjectorEmailRecord, objector_email_record, G_TYPE_OBJECT)

static void
objector_email_record_finalize (GObject *object)
{
  ObjectorEmailRecord *self = OBJECTOR_EMAIL_RECORD (object);

  g_clear_pointer (&self->json, json_node_unref);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->excerpt, g_free);
  g_clear_pointer (&self->to, g_strfreev);
  g_clear_pointer (&self->trust_notes, g_strfreev);
  g_clear_pointer (&self->foreign_hosts, g_strfreev);
  g_clear_pointer (&self->kind_name, g_free);
  g_clear_pointer (&self->event_name, g_free);
  g_clear_pointer (&self->confirmed, g_date_time_unref);
  g_clear_pointer (&self->message_id, g_free);
  g_clear_pointer (&self->digest, g_free);
  g_clear_pointer (&self->platform, g_free);
  g_clear_pointer (&self->logged, g_date_time_unref);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (objector_email_record_parent_class)->finalize (object);
}

static void
objector_email_record_class_init (ObjectorEmailRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = objector_email_record_finalize;
}

static void
objector_email_record_init (ObjectorEmailRecord *self)
{
}

/* Reading */

static char *
dup_text (JsonObject *object,
          const char *key)
{
  return objector_json_dup_shown_string (json_object_get_member (object, key));
}

static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}

static GDateTime *
dup_time (JsonObject *object,
          const char *key)
{
  g_autofree char *text = dup_text (object, key);

  return parse_time (text);
}

/* A string, or a list of strings: the non-empty ones. */
static char **
dup_texts (JsonObject *object,
           const char *key)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *text = objector_json_dup_shown_string (json_array_get_element (array, i));

          if (text != NULL && *text != '\0')
            g_strv_builder_add (texts, text);
        }
    }
  else
    {
      g_autofree char *text = objector_json_dup_shown_string (node);

      if (text != NULL && *text != '\0')
        g_strv_builder_add (texts, text);
    }

  return g_strv_builder_end (texts);
}

static ObjectorMailRecordVerdict
read_verdict (JsonObject *object)
{
  ObjectorMailRecordVerdict result = { OBJECTOR_MAIL_VERDICT_UNVERIFIABLE, FALSE, FALSE, FALSE };
  g_autofree char *verdict = dup_text (object, "verdict");
  JsonNode *trusted = json_object_get_member (object, "trusted");

  if (verdict != NULL)
    {
      /* An unknown word is no verification: unverifiable. */
      if (!objector_mail_verdict_from_string (verdict, &result.verdict))
        result.verdict = OBJECTOR_MAIL_VERDICT_UNVERIFIABLE;
    }
  else if (trusted != NULL && JSON_NODE_HOLDS_VALUE (trusted)
           && json_node_get_value_type (trusted) == G_TYPE_BOOLEAN)
    {
      /* An older Objector called "trusted" what had no Authentication-Results
       * header at all: never read as verified. */
      result.legacy = TRUE;
      result.verdict = json_node_get_boolean (trusted)
                       ? OBJECTOR_MAIL_VERDICT_UNVERIFIABLE : OBJECTOR_MAIL_VERDICT_SUSPICIOUS;
    }
  else
    result.unchecked = TRUE;

  result.confirmed_by_user = result.verdict == OBJECTOR_MAIL_VERDICT_UNVERIFIABLE
                             && objector_json_lookup_boolean (object, "confirmed_by_user", FALSE);
  return result;
}

/* Takes @node. */
static ObjectorEmailRecord *
record_new_take (JsonNode *node)
{
  ObjectorEmailRecord *self = g_object_new (OBJECTOR_TYPE_EMAIL_RECORD, NULL);
  static const char * const none[] = { NULL };
  JsonObject *object;

  self->json = node;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      self->to = g_strdupv ((char **) none);
      self->trust_notes = g_strdupv ((char **) none);
      self->foreign_hosts = g_strdupv ((char **) none);
      self->verdict.verdict = OBJECTOR_MAIL_VERDICT_UNVERIFIABLE;
      self->verdict.unchecked = TRUE;
      return self;
    }

  object = json_node_get_object (node);
  self->date_text = dup_text (object, "date");
  self->date = parse_time (self->date_text);
  self->from = dup_text (object, "from");
  self->subject = dup_text (object, "subject");
  self->excerpt = dup_text (object, "excerpt");
  self->to = dup_texts (object, "to");
  self->trust_notes = dup_texts (object, "trust_notes");
  self->foreign_hosts = dup_texts (object, "foreign_hosts");
  self->kind_name = dup_text (object, "kind");
  self->verdict = read_verdict (object);
  self->event_name = dup_text (object, "event");
  self->confirmed = dup_time (object, "confirmed");
  self->message_id = dup_text (object, "message_id");
  self->digest = dup_text (object, "digest");
  self->platform = dup_text (object, "platform");
  self->logged = dup_time (object, "logged");
  self->source = dup_text (object, "source");
  self->source_index = (guint) CLAMP (objector_json_lookup_int (object, "source_index", 0), 0, G_MAXUINT);
  return self;
}

ObjectorEmailRecord *
objector_email_record_new_from_json (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return record_new_take (json_node_copy (node));
}

ObjectorEmailRecord *
objector_email_record_new_from_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  node = json_node_init_object (json_node_alloc (), object);
  return record_new_take (json_node_copy (node));
}

JsonNode *
objector_email_record_to_json (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);

  return json_node_copy (self->json);
}

/* Changes: a copy of every member, some set anew */

static JsonObject *
copy_members (ObjectorEmailRecord *self)
{
  JsonObject *record = json_node_get_object (self->json);
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (record);

  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (record, l->data)));
  return copy;
}

static ObjectorEmailRecord *
record_new_from_members (JsonObject *members)
{
  return record_new_take (json_node_init_object (json_node_alloc (), members));
}

ObjectorEmailRecord *
objector_email_record_new_with_event (ObjectorEmailRecord *self,
                                      gboolean             has_event,
                                      ObjectorEvent        event)
{
  g_autoptr(JsonObject) members = NULL;

  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  g_return_val_if_fail (!objector_email_record_is_damaged (self), NULL);

  members = copy_members (self);
  if (has_event)
    json_object_set_string_member (members, "event", objector_event_to_string (event));
  else
    json_object_set_null_member (members, "event");
  return record_new_from_members (members);
}

ObjectorEmailRecord *
objector_email_record_new_confirmed (ObjectorEmailRecord *self,
                                     ObjectorEvent        event,
                                     GDateTime           *when)
{
  g_autoptr(JsonObject) members = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  g_return_val_if_fail (!objector_email_record_is_damaged (self), NULL);
  g_return_val_if_fail (when != NULL, NULL);

  text = objector_clock_format_utc (when);
  members = copy_members (self);
  json_object_set_boolean_member (members, "confirmed_by_user", TRUE);
  json_object_set_string_member (members, "confirmed", text);
  json_object_set_string_member (members, "event", objector_event_to_string (event));
  return record_new_from_members (members);
}

/* What it says */

gboolean
objector_email_record_is_damaged (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), TRUE);
  return !JSON_NODE_HOLDS_OBJECT (self->json);
}

const char *
objector_email_record_get_date_text (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->date_text;
}

GDateTime *
objector_email_record_get_date (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->date;
}

const char *
objector_email_record_get_from (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->from;
}

const char *
objector_email_record_get_subject (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->subject;
}

const char *
objector_email_record_get_excerpt (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->excerpt;
}

const char * const *
objector_email_record_get_to (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return (const char * const *) self->to;
}

const char * const *
objector_email_record_get_trust_notes (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return (const char * const *) self->trust_notes;
}

const char * const *
objector_email_record_get_foreign_hosts (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return (const char * const *) self->foreign_hosts;
}

const char *
objector_email_record_get_kind_name (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->kind_name;
}

gboolean
objector_email_record_get_kind (ObjectorEmailRecord *self,
                                ObjectorMailKind    *kind)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), FALSE);
  return self->kind_name != NULL && objector_mail_kind_from_string (self->kind_name, kind);
}

ObjectorMailRecordVerdict
objector_email_record_get_verdict (ObjectorEmailRecord *self)
{
  ObjectorMailRecordVerdict none = { OBJECTOR_MAIL_VERDICT_UNVERIFIABLE, FALSE, FALSE, TRUE };

  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), none);
  return self->verdict;
}

char *
objector_email_record_describe_verdict (ObjectorEmailRecord *self)
{
  ObjectorMailRecordVerdict v;

  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);

  v = self->verdict;
  switch (v.verdict)
    {
    case OBJECTOR_MAIL_VERDICT_VERIFIED:
      return g_strdup (_("Verified: the receiving mail server confirmed Meta’s signature (DKIM) "
                         "and DMARC for the sender’s domain"));
    case OBJECTOR_MAIL_VERDICT_UNVERIFIABLE:
      if (v.confirmed_by_user)
        return g_strdup (_("Unverifiable — confirmed by you, not verified"));
      if (v.legacy)
        return g_strdup (_("Unverifiable: logged by an older version of Objector, whose checks were "
                           "too lenient to verify it"));
      if (v.unchecked)
        return g_strdup (_("Not checked"));
      return g_strdup (_("Unverifiable: nothing shows who sent it"));
    case OBJECTOR_MAIL_VERDICT_SUSPICIOUS:
    default:
      if (v.legacy)
        return g_strdup (_("Failed or suspicious: it failed the checks of an older version of Objector"));
      return g_strdup (_("Failed or suspicious: it may not come from Meta"));
    }
}

gboolean
objector_email_record_get_event (ObjectorEmailRecord *self,
                                 ObjectorEvent       *event)
{
  ObjectorEvent known;

  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), FALSE);

  if (self->event_name == NULL)
    return FALSE;
  if (event != NULL && objector_event_from_string (self->event_name, &known))
    *event = known;
  return TRUE;
}

gboolean
objector_email_record_can_confirm (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), FALSE);

  return !objector_email_record_is_damaged (self)
         && self->verdict.verdict == OBJECTOR_MAIL_VERDICT_UNVERIFIABLE
         && !self->verdict.confirmed_by_user && self->event_name == NULL;
}

GDateTime *
objector_email_record_get_confirmed (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->confirmed;
}

const char *
objector_email_record_get_message_id (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->message_id;
}

const char *
objector_email_record_get_digest (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->digest;
}

const char *
objector_email_record_get_platform (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->platform;
}

GDateTime *
objector_email_record_get_logged (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->logged;
}

const char *
objector_email_record_get_source (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), NULL);
  return self->source;
}

guint
objector_email_record_get_source_index (ObjectorEmailRecord *self)
{
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (self), 0);
  return self->source_index;
}

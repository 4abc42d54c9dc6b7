/* objector-objection.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-clock.h"
#include "objector-country.h"
#include "objector-enums.h"
#include "objector-error.h"
#include "objector-json.h"
#include "objector-objection-private.h"

/* GDPR Art. 12(3): one month to answer, two more if Meta says so in time.
 * The law, not Meta's forms, so it lives here rather than in the playbook. */
#define ANSWER_MONTHS    1
#define EXTENSION_MONTHS 2

struct _ObjectorObjection
{
  GObject        parent_instance;

  char          *id;
  char          *path_id;
  char          *platform;
  gboolean       has_code_step;
  GDateTime     *created;

  char          *account;
  char          *country;
  char          *email;
  char          *reason;

  ObjectorState  state;
  GPtrArray     *history;  /* of ObjectorTransition */
  GPtrArray     *emails;   /* of ObjectorEmailRecord */
};

G_DEFINE_FINAL_TYPE (ObjectorObjection, objector_objection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATH_ID,
  PROP_PLATFORM,
  PROP_ACCOUNT,
  PROP_COUNTRY,
  PROP_EMAIL,
  PROP_REASON,
  PROP_STATE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_BOXED_TYPE (ObjectorTransition, objector_transition,
                     objector_transition_copy, objector_transition_free)

ObjectorTransition *
objector_transition_copy (const ObjectorTransition *self)
{
  ObjectorTransition *copy = g_new0 (ObjectorTransition, 1);

  copy->time = g_date_time_ref (self->time);
  copy->event = self->event;
  copy->from = self->from;
  copy->to = self->to;
  copy->note = g_strdup (self->note);
  return copy;
}

void
objector_transition_free (ObjectorTransition *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->note, g_free);
  g_free (self);
}

static void
objector_objection_finalize (GObject *object)
{
  ObjectorObjection *self = OBJECTOR_OBJECTION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->path_id, g_free);
  g_clear_pointer (&self->platform, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->account, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->emails, g_ptr_array_unref);

  G_OBJECT_CLASS (objector_objection_parent_class)->finalize (object);
}

static void
objector_objection_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ObjectorObjection *self = OBJECTOR_OBJECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PATH_ID:
      g_value_set_string (value, self->path_id);
      break;
    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;
    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_objection_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ObjectorObjection *self = OBJECTOR_OBJECTION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      objector_objection_set_account (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      objector_objection_set_country (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      objector_objection_set_email (self, g_value_get_string (value));
      break;
    case PROP_REASON:
      objector_objection_set_reason (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_objection_class_init (ObjectorObjectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = objector_objection_finalize;
  object_class->get_property = objector_objection_get_property;
  object_class->set_property = objector_objection_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH_ID] =
    g_param_spec_string ("path-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       OBJECTOR_TYPE_STATE, OBJECTOR_STATE_DRAFT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after any change: a step, an edited detail, a logged email. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
objector_objection_init (ObjectorObjection *self)
{
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_transition_free);
  self->emails = g_ptr_array_new_with_free_func (g_object_unref);
  self->state = OBJECTOR_STATE_DRAFT;
}

static GDateTime *
now_or_default (GDateTime *now)
{
  return now != NULL ? g_date_time_to_utc (now) : objector_clock_now ();
}

ObjectorObjection *
objector_objection_new (const char *path_id,
                        const char *platform,
                        gboolean    has_code_step,
                        GDateTime  *created)
{
  ObjectorObjection *self;

  g_return_val_if_fail (path_id != NULL, NULL);
  g_return_val_if_fail (platform != NULL, NULL);

  self = g_object_new (OBJECTOR_TYPE_OBJECTION, NULL);
  self->id = g_uuid_string_random ();
  self->path_id = g_strdup (path_id);
  self->platform = g_strdup (platform);
  self->has_code_step = !!has_code_step;
  self->created = now_or_default (created);
  return self;
}

const char *
objector_objection_get_id (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->id;
}

const char *
objector_objection_get_path_id (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->path_id;
}

const char *
objector_objection_get_platform (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->platform;
}

gboolean
objector_objection_get_has_code_step (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), FALSE);
  return self->has_code_step;
}

GDateTime *
objector_objection_get_created (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->created;
}

ObjectorState
objector_objection_get_state (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), OBJECTOR_STATE_DRAFT);
  return self->state;
}

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_string (ObjectorObjection  *self,
            char              **field,
            const char         *value,
            int                 prop)
{
  if (replace_string (field, value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

const char *
objector_objection_get_account (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->account;
}

void
objector_objection_set_account (ObjectorObjection *self,
                                const char        *account)
{
  g_return_if_fail (OBJECTOR_IS_OBJECTION (self));
  set_string (self, &self->account, account, PROP_ACCOUNT);
}

const char *
objector_objection_get_country (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->country;
}

void
objector_objection_set_country (ObjectorObjection *self,
                                const char        *country)
{
  g_return_if_fail (OBJECTOR_IS_OBJECTION (self));
  set_string (self, &self->country, country, PROP_COUNTRY);
}

const char *
objector_objection_get_email (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->email;
}

void
objector_objection_set_email (ObjectorObjection *self,
                              const char        *email)
{
  g_return_if_fail (OBJECTOR_IS_OBJECTION (self));
  set_string (self, &self->email, email, PROP_EMAIL);
}

const char *
objector_objection_get_reason (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->reason;
}

void
objector_objection_set_reason (ObjectorObjection *self,
                               const char        *reason)
{
  g_return_if_fail (OBJECTOR_IS_OBJECTION (self));
  set_string (self, &self->reason, reason, PROP_REASON);
}

GPtrArray *
objector_objection_get_history (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->history;
}

GPtrArray *
objector_objection_get_emails (ObjectorObjection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);
  return self->emails;
}

gboolean
objector_objection_add_email (ObjectorObjection   *self,
                              ObjectorEmailRecord *email)
{
  const char *message_id;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), FALSE);
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (email), FALSE);

  message_id = objector_email_record_get_message_id (email);
  if (message_id != NULL && *message_id != '\0')
    for (guint i = 0; i < self->emails->len; i++)
      if (g_strcmp0 (objector_email_record_get_message_id (g_ptr_array_index (self->emails, i)),
                     message_id) == 0)
        return FALSE;

  g_ptr_array_add (self->emails, g_object_ref (email));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
objector_objection_replace_email (ObjectorObjection   *self,
                                  guint                index,
                                  ObjectorEmailRecord *email)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), FALSE);
  g_return_val_if_fail (OBJECTOR_IS_EMAIL_RECORD (email), FALSE);

  if (index >= self->emails->len)
    return FALSE;

  /* Records never change, so a copy of this objection may share them; the
   * list itself is this objection's own. */
  g_object_unref (g_ptr_array_index (self->emails, index));
  g_ptr_array_index (self->emails, index) = g_object_ref (email);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* The steps still in effect, oldest first: the history replayed with every
 * undo taking back the latest step still standing. */
static GPtrArray *
effective_steps (ObjectorObjection *self)
{
  GPtrArray *stack = g_ptr_array_new ();

  for (guint i = 0; i < self->history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (self->history, i);

      if (t->event == OBJECTOR_EVENT_UNDO)
        {
          if (stack->len > 0)
            g_ptr_array_set_size (stack, stack->len - 1);
        }
      else
        g_ptr_array_add (stack, t);
    }

  return stack;
}

ObjectorTransition *
objector_objection_get_latest_step (ObjectorObjection *self,
                                    ObjectorEvent      event)
{
  g_autoptr(GPtrArray) steps = NULL;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);

  steps = effective_steps (self);
  for (guint i = steps->len; i > 0; i--)
    {
      ObjectorTransition *t = g_ptr_array_index (steps, i - 1);

      if (t->event == event)
        return t;
    }
  return NULL;
}

/* The latest submission still in effect, and whether an extension followed it. */
static ObjectorTransition *
find_submission (ObjectorObjection *self,
                 gboolean          *extended)
{
  g_autoptr(GPtrArray) steps = effective_steps (self);
  gboolean ext = FALSE;

  for (guint i = steps->len; i > 0; i--)
    {
      ObjectorTransition *t = g_ptr_array_index (steps, i - 1);

      if (t->event == OBJECTOR_EVENT_EXTEND)
        ext = TRUE;
      else if (t->event == OBJECTOR_EVENT_SUBMIT)
        {
          if (extended != NULL)
            *extended = ext;
          return t;
        }
    }

  if (extended != NULL)
    *extended = FALSE;
  return NULL;
}

GDateTime *
objector_objection_get_submitted (ObjectorObjection *self)
{
  ObjectorTransition *t;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);

  t = find_submission (self, NULL);
  return t != NULL ? t->time : NULL;
}

gboolean
objector_objection_get_extended (ObjectorObjection *self)
{
  gboolean extended;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), FALSE);

  find_submission (self, &extended);
  return extended;
}

static GDate *
local_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  return g_date_new_dmy (g_date_time_get_day_of_month (local),
                         g_date_time_get_month (local),
                         g_date_time_get_year (local));
}

GDate *
objector_objection_dup_due_date (ObjectorObjection *self)
{
  ObjectorTransition *submission;
  gboolean extended;
  GDate *due;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);

  submission = find_submission (self, &extended);
  if (submission == NULL)
    return NULL;

  /* Calendar months, clamped to the month's end: 31 January → 28/29 February. */
  due = local_date (submission->time);
  g_date_add_months (due, ANSWER_MONTHS + (extended ? EXTENSION_MONTHS : 0));
  return due;
}

gboolean
objector_objection_is_overdue (ObjectorObjection *self,
                               GDateTime         *now)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDate) due = NULL;
  g_autoptr(GDate) today = NULL;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), FALSE);

  if (!objector_state_is_awaiting (self->state))
    return FALSE;

  due = objector_objection_dup_due_date (self);
  if (due == NULL)
    return FALSE;

  when = now_or_default (now);
  today = local_date (when);
  return g_date_compare (today, due) > 0;
}

static void
fill_guards (ObjectorObjection  *self,
             GDateTime          *now,
             ObjectorFlowGuards *guards)
{
  guards->has_code_step = self->has_code_step;
  guards->overdue = objector_objection_is_overdue (self, now);
  guards->extended = objector_objection_get_extended (self);
}

static gboolean
next_state (ObjectorObjection  *self,
            ObjectorEvent       event,
            GDateTime          *now,
            ObjectorState      *to,
            GError            **error)
{
  ObjectorFlowGuards guards;

  if (event == OBJECTOR_EVENT_UNDO)
    {
      g_autoptr(GPtrArray) steps = effective_steps (self);
      ObjectorTransition *last;

      if (steps->len == 0)
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT,
                       _("An objection that is “%s” cannot take the event “%s”: there is no step left to undo"),
                       objector_state_to_string (self->state),
                       objector_event_to_string (event));
          return FALSE;
        }

      last = g_ptr_array_index (steps, steps->len - 1);
      *to = last->from;
      return TRUE;
    }

  fill_guards (self, now, &guards);
  return objector_flow_next (self->state, event, &guards, to, error);
}

gboolean
objector_objection_can_apply (ObjectorObjection *self,
                              ObjectorEvent      event,
                              GDateTime         *now)
{
  ObjectorState to;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), FALSE);
  return next_state (self, event, now, &to, NULL);
}

char *
objector_objection_describe_allowed (ObjectorObjection *self,
                                     GDateTime         *now)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);

  for (ObjectorEvent e = 0; e < OBJECTOR_N_EVENTS; e++)
    if (objector_objection_can_apply (self, e, now))
      g_strv_builder_add (builder, objector_event_to_string (e));

  names = g_strv_builder_end (builder);
  return g_strjoinv (", ", names);
}

gboolean
objector_objection_apply (ObjectorObjection  *self,
                          ObjectorEvent       event,
                          const char         *note,
                          GDateTime          *now,
                          GError            **error)
{
  ObjectorTransition *t;
  ObjectorState to;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), FALSE);
  g_return_val_if_fail (event < OBJECTOR_N_EVENTS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!next_state (self, event, now, &to, error))
    return FALSE;

  t = g_new0 (ObjectorTransition, 1);
  t->time = now_or_default (now);
  t->event = event;
  t->from = self->state;
  t->to = to;
  t->note = (note != NULL && *note != '\0') ? g_strdup (note) : NULL;
  g_ptr_array_add (self->history, t);

  if (self->state != to)
    {
      self->state = to;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
objector_email_address_is_valid (const char *address)
{
  const char *at;
  const char *domain;

  if (address == NULL || strlen (address) > 254 || !g_utf8_validate (address, -1, NULL))
    return FALSE;

  for (const char *p = address; *p; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || *p == ',' || *p == '<' || *p == '>')
      return FALSE;

  at = strchr (address, '@');
  if (at == NULL || at == address || strchr (at + 1, '@') != NULL)
    return FALSE;

  domain = at + 1;
  if (*domain == '.' || strchr (domain, '.') == NULL || g_str_has_suffix (domain, ".")
      || strstr (domain, "..") != NULL)
    return FALSE;

  return TRUE;
}

/* Serialisation */

void
objector_transition_add_json (const ObjectorTransition *transition,
                              JsonBuilder              *builder,
                              gboolean                  null_note)
{
  g_autofree char *time = objector_clock_format_utc (transition->time);

  json_builder_begin_object (builder);
  objector_json_add_string (builder, "time", time);
  objector_json_add_string (builder, "event", objector_event_to_string (transition->event));
  objector_json_add_string (builder, "from", objector_state_to_string (transition->from));
  objector_json_add_string (builder, "to", objector_state_to_string (transition->to));
  if (transition->note != NULL || !null_note)
    objector_json_add_string (builder, "note", transition->note);
  else
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

JsonNode *
objector_objection_to_json (ObjectorObjection *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created = NULL;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (self), NULL);

  created = objector_clock_format_utc (self->created);

  json_builder_begin_object (builder);
  objector_json_add_string (builder, "id", self->id);
  objector_json_add_string (builder, "path", self->path_id);
  objector_json_add_string (builder, "platform", self->platform);
  json_builder_set_member_name (builder, "code_step");
  json_builder_add_boolean_value (builder, self->has_code_step);
  objector_json_add_string (builder, "created", created);
  objector_json_add_string (builder, "state", objector_state_to_string (self->state));
  objector_json_add_string (builder, "account", self->account);
  objector_json_add_string (builder, "country", self->country);
  objector_json_add_string (builder, "email", self->email);
  objector_json_add_string (builder, "reason", self->reason);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->history->len; i++)
    objector_transition_add_json (g_ptr_array_index (self->history, i), builder, FALSE);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "emails");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->emails->len; i++)
    json_builder_add_value (builder, objector_email_record_to_json (g_ptr_array_index (self->emails, i)));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Reading: every fault names the member, so a person (or a test) can find it. */

static gboolean
read_state (JsonObject     *object,
            const char     *path,
            const char     *key,
            ObjectorState  *state,
            GError        **error)
{
  const char *text;

  if (!objector_json_get_string (object, path, key, OBJECTOR_JSON_REQUIRED, &text, error))
    return FALSE;
  if (!objector_state_from_string (text, state))
    return objector_json_fail_member (error, path, key, _("unknown state “%s”"), text);
  return TRUE;
}

static ObjectorTransition *
read_transition (JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(ObjectorTransition) t = g_new0 (ObjectorTransition, 1);
  JsonObject *object;
  const char *event;

  if (!objector_json_read_object (node, path, &object, error)
      || !objector_json_get_time (object, path, "time", OBJECTOR_JSON_REQUIRED, &t->time, error)
      || !objector_json_get_string (object, path, "event", OBJECTOR_JSON_REQUIRED, &event, error))
    return NULL;
  if (!objector_event_from_string (event, &t->event))
    {
      objector_json_fail_member (error, path, "event", _("unknown event “%s”"), event);
      return NULL;
    }
  if (!read_state (object, path, "from", &t->from, error)
      || !read_state (object, path, "to", &t->to, error)
      || !objector_json_dup_string (object, path, "note", OBJECTOR_JSON_OPTIONAL, &t->note, error))
    return NULL;

  return g_steal_pointer (&t);
}

/* The history, which must chain from "draft": one edited by hand or
 * damaged would make the due date and the state lie. */
static gboolean
read_history (ObjectorObjection  *self,
              JsonObject         *object,
              const char         *path,
              GError            **error)
{
  g_autofree char *history_path = objector_json_member_path (path, "history");
  JsonArray *array;

  if (!objector_json_get_array (object, path, "history", OBJECTOR_JSON_OPTIONAL, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *step_path = objector_json_element_path (history_path, i);
      ObjectorTransition *t = read_transition (json_array_get_element (array, i), step_path, error);

      if (t == NULL)
        return FALSE;
      if (t->from != self->state)
        {
          objector_json_fail_member (error, step_path, "from", _("“%s” does not follow the previous state “%s”"),
                                     objector_state_to_string (t->from), objector_state_to_string (self->state));
          objector_transition_free (t);
          return FALSE;
        }
      self->state = t->to;
      g_ptr_array_add (self->history, t);
    }
  return TRUE;
}

ObjectorObjection *
_objector_objection_read (JsonNode    *node,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(ObjectorObjection) self = g_object_new (OBJECTOR_TYPE_OBJECTION, NULL);
  JsonObject *object;
  JsonArray *emails;
  ObjectorState stored_state;

  if (!objector_json_read_object (node, path, &object, error)
      || !objector_json_dup_string (object, path, "id", OBJECTOR_JSON_REQUIRED | OBJECTOR_JSON_NON_EMPTY,
                                    &self->id, error)
      || !objector_json_dup_string (object, path, "path", OBJECTOR_JSON_REQUIRED, &self->path_id, error)
      || !objector_json_dup_string (object, path, "platform", OBJECTOR_JSON_REQUIRED, &self->platform, error)
      || !objector_json_dup_string (object, path, "account", OBJECTOR_JSON_OPTIONAL, &self->account, error)
      || !objector_json_dup_string (object, path, "country", OBJECTOR_JSON_OPTIONAL, &self->country, error)
      || !objector_json_dup_string (object, path, "email", OBJECTOR_JSON_OPTIONAL, &self->email, error)
      || !objector_json_dup_string (object, path, "reason", OBJECTOR_JSON_OPTIONAL, &self->reason, error))
    goto fail;

  if (self->country != NULL && !objector_country_code_is_valid (self->country))
    {
      objector_json_fail_member (error, path, "country", _("“%s” is not a country code"), self->country);
      goto fail;
    }

  if (!objector_json_get_boolean (object, path, "code_step", OBJECTOR_JSON_OPTIONAL, &self->has_code_step, error)
      || !objector_json_get_time (object, path, "created", OBJECTOR_JSON_REQUIRED, &self->created, error)
      || !read_state (object, path, "state", &stored_state, error)
      || !read_history (self, object, path, error))
    goto fail;

  if (stored_state != self->state)
    {
      objector_json_fail_member (error, path, "state", _("“%s” does not match its history, which ends in “%s”"),
                                 objector_state_to_string (stored_state), objector_state_to_string (self->state));
      goto fail;
    }

  if (!objector_json_get_array (object, path, "emails", OBJECTOR_JSON_OPTIONAL, &emails, error))
    goto fail;
  for (guint i = 0; emails != NULL && i < json_array_get_length (emails); i++)
    g_ptr_array_add (self->emails, objector_email_record_new_from_json (json_array_get_element (emails, i)));

  return g_steal_pointer (&self);

fail:
  objector_json_set_error_code (error, OBJECTOR_ERROR_STORE_DAMAGED);
  return NULL;
}

ObjectorObjection *
objector_objection_new_from_json (JsonNode  *node,
                                  GError   **error)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _objector_objection_read (node, NULL, error);
}

/* Takes over @other's contents, keeping @self's identity, so that widgets
 * bound to it follow a change another process saved. */
void
objector_objection_sync_from (ObjectorObjection *self,
                              ObjectorObjection *other)
{
  gboolean state_changed;

  g_return_if_fail (OBJECTOR_IS_OBJECTION (self));
  g_return_if_fail (OBJECTOR_IS_OBJECTION (other));
  g_return_if_fail (g_strcmp0 (self->id, other->id) == 0);

  g_object_freeze_notify (G_OBJECT (self));

  replace_string (&self->path_id, other->path_id);
  replace_string (&self->platform, other->platform);
  self->has_code_step = other->has_code_step;
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = g_date_time_ref (other->created);

  objector_objection_set_account (self, other->account);
  objector_objection_set_country (self, other->country);
  objector_objection_set_email (self, other->email);
  objector_objection_set_reason (self, other->reason);

  g_ptr_array_set_size (self->history, 0);
  for (guint i = 0; i < other->history->len; i++)
    g_ptr_array_add (self->history,
                     objector_transition_copy (g_ptr_array_index (other->history, i)));

  g_ptr_array_set_size (self->emails, 0);
  for (guint i = 0; i < other->emails->len; i++)
    g_ptr_array_add (self->emails, g_object_ref (g_ptr_array_index (other->emails, i)));

  state_changed = self->state != other->state;
  self->state = other->state;
  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);

  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

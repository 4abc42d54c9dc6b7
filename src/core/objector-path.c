/* objector-path.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-enums.h"
#include "objector-path-private.h"
#include "objector-playbook-trust.h"
#include "objector-url-policy.h"

G_DEFINE_FINAL_TYPE (ObjectorPath, objector_path, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PLATFORM,
  PROP_KIND,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_FORM_URL,
  PROP_ALTERNATIVE_FORM_URL,
  PROP_OVERVIEW_URL,
  PROP_HAS_CODE_STEP,
  PROP_ANSWER_MONTHS,
  PROP_EXTENSION_MONTHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
objector_path_finalize (GObject *object)
{
  ObjectorPath *self = (ObjectorPath *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->platform, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->form_url, g_free);
  g_clear_pointer (&self->alternative_form_url, g_free);
  g_clear_pointer (&self->forms, g_ptr_array_unref);
  g_clear_pointer (&self->overview_url, g_free);
  g_clear_pointer (&self->allowed_hosts, g_strfreev);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->steps, g_strfreev);
  g_clear_pointer (&self->app_routes, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->reason_short, g_free);
  g_clear_pointer (&self->reason_full, g_free);

  G_OBJECT_CLASS (objector_path_parent_class)->finalize (object);
}

static void
objector_path_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ObjectorPath *self = OBJECTOR_PATH (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PLATFORM:
      g_value_set_string (value, self->platform);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_FORM_URL:
      g_value_set_string (value, self->form_url);
      break;

    case PROP_ALTERNATIVE_FORM_URL:
      g_value_set_string (value, self->alternative_form_url);
      break;

    case PROP_OVERVIEW_URL:
      g_value_set_string (value, self->overview_url);
      break;

    case PROP_HAS_CODE_STEP:
      g_value_set_boolean (value, self->has_code_step);
      break;

    case PROP_ANSWER_MONTHS:
      g_value_set_uint (value, self->answer_months);
      break;

    case PROP_EXTENSION_MONTHS:
      g_value_set_uint (value, self->extension_months);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_path_class_init (ObjectorPathClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = objector_path_finalize;
  object_class->get_property = objector_path_get_property;

  /* Read-only: a path is built by ObjectorPlaybook and never changes, so
   * list rows can bind to these without ever being notified. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLATFORM] =
    g_param_spec_string ("platform", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       OBJECTOR_TYPE_PATH_KIND, OBJECTOR_PATH_KIND_OBJECTION,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORM_URL] =
    g_param_spec_string ("form-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALTERNATIVE_FORM_URL] =
    g_param_spec_string ("alternative-form-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERVIEW_URL] =
    g_param_spec_string ("overview-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_CODE_STEP] =
    g_param_spec_boolean ("has-code-step", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWER_MONTHS] =
    g_param_spec_uint ("answer-months", NULL, NULL, 0, 12, 1,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXTENSION_MONTHS] =
    g_param_spec_uint ("extension-months", NULL, NULL, 0, 12, 2,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_path_init (ObjectorPath *self)
{
  self->app_routes = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_app_route_free);
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_field_free);
  self->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_form_candidate_free);
  self->answer_months = 1;
  self->extension_months = 2;
}

ObjectorPath *
objector_path_new (void)
{
  return g_object_new (OBJECTOR_TYPE_PATH, NULL);
}

ObjectorField *
objector_field_new (void)
{
  return g_new0 (ObjectorField, 1);
}

void
objector_field_free (ObjectorField *field)
{
  if (field == NULL)
    return;

  g_free (field->id);
  g_free (field->label);
  g_free (field->hint);
  g_free (field->fill);
  g_free (field);
}

ObjectorFormCandidate *
objector_form_candidate_new (void)
{
  return g_new0 (ObjectorFormCandidate, 1);
}

void
objector_form_candidate_free (ObjectorFormCandidate *form)
{
  if (form == NULL)
    return;

  g_free (form->url);
  g_free (form->label);
  g_free (form->last_checked);
  g_free (form);
}

ObjectorAppRoute *
objector_app_route_new (void)
{
  return g_new0 (ObjectorAppRoute, 1);
}

void
objector_app_route_free (ObjectorAppRoute *route)
{
  if (route == NULL)
    return;

  g_free (route->app);
  g_strfreev (route->steps);
  g_free (route);
}

/* A plain DNS name: at least two dot-separated labels of lowercase ASCII
 * letters, digits and inner hyphens. No port, no trailing dot, no IP. */
gboolean
objector_is_host_name (const char *name)
{
  gsize label_len = 0;
  guint n_labels = 1;
  gsize len;

  if (name == NULL)
    return FALSE;

  len = strlen (name);
  if (len == 0 || len > 253)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = name[i];

      if (c == '.')
        {
          if (label_len == 0 || name[i - 1] == '-')
            return FALSE;
          label_len = 0;
          n_labels++;
          continue;
        }

      if (!g_ascii_islower (c) && !g_ascii_isdigit (c) && c != '-')
        return FALSE;
      if (c == '-' && label_len == 0)
        return FALSE;
      if (++label_len > 63)
        return FALSE;
    }

  return label_len > 0 && name[len - 1] != '-' && n_labels >= 2;
}

const char *
objector_path_get_id (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->id;
}

const char *
objector_path_get_platform (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->platform;
}

ObjectorPathKind
objector_path_get_kind (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), OBJECTOR_PATH_KIND_OBJECTION);

  return self->kind;
}

const char *
objector_path_kind_to_string (ObjectorPathKind kind)
{
  switch (kind)
    {
    case OBJECTOR_PATH_KIND_OBJECTION:
      return "objection";
    case OBJECTOR_PATH_KIND_THIRD_PARTY:
      return "third-party";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
objector_path_kind_from_string (const char       *nick,
                                ObjectorPathKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (g_strcmp0 (nick, "objection") == 0)
    *kind = OBJECTOR_PATH_KIND_OBJECTION;
  else if (g_strcmp0 (nick, "third-party") == 0)
    *kind = OBJECTOR_PATH_KIND_THIRD_PARTY;
  else
    return FALSE;

  return TRUE;
}

const char *
objector_path_get_title (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->title;
}

const char *
objector_path_get_summary (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->summary;
}

const char *
objector_path_get_form_url (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->form_url;
}

GPtrArray *
objector_path_get_forms (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->forms;
}

const char *
objector_path_get_last_checked (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  if (self->forms->len == 0)
    return NULL;
  return ((ObjectorFormCandidate *) g_ptr_array_index (self->forms, 0))->last_checked;
}

const char *
objector_path_get_alternative_form_url (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->alternative_form_url;
}

const char *
objector_path_get_overview_url (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->overview_url;
}

const char * const *
objector_path_get_allowed_hosts (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return (const char * const *) self->allowed_hosts;
}

const char * const *
objector_path_get_regions (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return (const char * const *) self->regions;
}

const char * const *
objector_path_get_steps (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return (const char * const *) self->steps;
}

GPtrArray *
objector_path_get_app_routes (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->app_routes;
}

GPtrArray *
objector_path_get_fields (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->fields;
}

const char *
objector_path_get_reason_short (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->reason_short;
}

const char *
objector_path_get_reason_full (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), NULL);

  return self->reason_full;
}

gboolean
objector_path_get_has_code_step (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), FALSE);

  return self->has_code_step;
}

guint
objector_path_get_answer_months (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), 0);

  return self->answer_months;
}

guint
objector_path_get_extension_months (ObjectorPath *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH (self), 0);

  return self->extension_months;
}

gboolean
objector_path_url_is_allowed (ObjectorPath *self,
                              const char   *url)
{
  g_autofree char *host = NULL;

  g_return_val_if_fail (OBJECTOR_IS_PATH (self), FALSE);

  if (url == NULL)
    return FALSE;

  /* The playbook's hosts, and never one that is not Meta's. */
  return objector_url_check (url, (const char * const *) self->allowed_hosts, &host) == OBJECTOR_URL_OK
         && objector_playbook_host_is_trusted (host);
}

const char *
objector_mail_kind_to_string (ObjectorMailKind kind)
{
  switch (kind)
    {
    case OBJECTOR_MAIL_KIND_CODE:
      return "code";
    case OBJECTOR_MAIL_KIND_RECEIPT:
      return "receipt";
    case OBJECTOR_MAIL_KIND_APPROVAL:
      return "approval";
    case OBJECTOR_MAIL_KIND_REJECTION:
      return "rejection";
    case OBJECTOR_MAIL_KIND_EXTENSION:
      return "extension";
    case OBJECTOR_MAIL_KIND_OTHER:
      return "other";
    case OBJECTOR_MAIL_KIND_UNRECOGNISED:
      return "unrecognised";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
objector_mail_kind_from_string (const char       *nick,
                                ObjectorMailKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  for (guint i = OBJECTOR_MAIL_KIND_CODE; i <= OBJECTOR_MAIL_KIND_UNRECOGNISED; i++)
    {
      if (strcmp (nick, objector_mail_kind_to_string (i)) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

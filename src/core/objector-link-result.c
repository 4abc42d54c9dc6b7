/* objector-link-result.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-enums.h"
#include "objector-link-result.h"

struct _ObjectorLinkResult
{
  GObject              parent_instance;

  char                *url;
  ObjectorLinkVerdict  verdict;
  ObjectorLinkRole     role;
  char                *path_id;
  guint                http_status;
  char                *final_url;
  char                *foreign_host;
  char                *message;
};

G_DEFINE_FINAL_TYPE (ObjectorLinkResult, objector_link_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_VERDICT,
  PROP_ROLE,
  PROP_PATH_ID,
  PROP_HTTP_STATUS,
  PROP_FINAL_URL,
  PROP_FOREIGN_HOST,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
objector_link_result_finalize (GObject *object)
{
  ObjectorLinkResult *self = (ObjectorLinkResult *)object;

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->path_id, g_free);
  g_clear_pointer (&self->final_url, g_free);
  g_clear_pointer (&self->foreign_host, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (objector_link_result_parent_class)->finalize (object);
}

static void
objector_link_result_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ObjectorLinkResult *self = OBJECTOR_LINK_RESULT (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_PATH_ID:
      g_value_set_string (value, self->path_id);
      break;

    case PROP_HTTP_STATUS:
      g_value_set_uint (value, self->http_status);
      break;

    case PROP_FINAL_URL:
      g_value_set_string (value, self->final_url);
      break;

    case PROP_FOREIGN_HOST:
      g_value_set_string (value, self->foreign_host);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_link_result_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ObjectorLinkResult *self = OBJECTOR_LINK_RESULT (object);

  switch (prop_id)
    {
    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_VERDICT:
      self->verdict = g_value_get_enum (value);
      break;

    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;

    case PROP_PATH_ID:
      self->path_id = g_value_dup_string (value);
      break;

    case PROP_HTTP_STATUS:
      self->http_status = g_value_get_uint (value);
      break;

    case PROP_FINAL_URL:
      self->final_url = g_value_dup_string (value);
      break;

    case PROP_FOREIGN_HOST:
      self->foreign_host = g_value_dup_string (value);
      break;

    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_link_result_class_init (ObjectorLinkResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = objector_link_result_finalize;
  object_class->get_property = objector_link_result_get_property;
  object_class->set_property = objector_link_result_set_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL,
                       OBJECTOR_TYPE_LINK_VERDICT, OBJECTOR_LINK_VERDICT_REACHABLE, flags);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       OBJECTOR_TYPE_LINK_ROLE, OBJECTOR_LINK_ROLE_OTHER, flags);
  properties[PROP_PATH_ID] =
    g_param_spec_string ("path-id", NULL, NULL, NULL, flags);
  properties[PROP_HTTP_STATUS] =
    g_param_spec_uint ("http-status", NULL, NULL, 0, 999, 0, flags);
  properties[PROP_FINAL_URL] =
    g_param_spec_string ("final-url", NULL, NULL, NULL, flags);
  properties[PROP_FOREIGN_HOST] =
    g_param_spec_string ("foreign-host", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_link_result_init (ObjectorLinkResult *self)
{
}

const char *
objector_link_result_get_url (ObjectorLinkResult *self)
{
  g_return_val_if_fail (OBJECTOR_IS_LINK_RESULT (self), NULL);

  return self->url;
}

ObjectorLinkVerdict
objector_link_result_get_verdict (ObjectorLinkResult *self)
{
  g_return_val_if_fail (OBJECTOR_IS_LINK_RESULT (self), OBJECTOR_LINK_VERDICT_NOT_ALLOWED);

  return self->verdict;
}

ObjectorLinkRole
objector_link_result_get_role (ObjectorLinkResult *self)
{
  g_return_val_if_fail (OBJECTOR_IS_LINK_RESULT (self), OBJECTOR_LINK_ROLE_OTHER);

  return self->role;
}

const char *
objector_link_result_get_path_id (ObjectorLinkResult *self)
{
  g_return_val_if_fail (OBJECTOR_IS_LINK_RESULT (self), NULL);

  return self->path_id;
}

guint
objector_link_result_get_http_status (ObjectorLinkResult *self)
{
  g_return_val_if_fail (OBJECTOR_IS_LINK_RESULT (self), 0);

  return self->http_status;
}

const char *
objector_link_result_get_final_url (ObjectorLinkResult *self)
{
  g_return_val_if_fail (OBJECTOR_IS_LINK_RESULT (self), NULL);

  return self->final_url;
}

const char *
objector_link_result_get_foreign_host (ObjectorLinkResult *self)
{
  g_return_val_if_fail (OBJECTOR_IS_LINK_RESULT (self), NULL);

  return self->foreign_host;
}

const char *
objector_link_result_get_message (ObjectorLinkResult *self)
{
  g_return_val_if_fail (OBJECTOR_IS_LINK_RESULT (self), NULL);

  return self->message;
}

gboolean
objector_link_result_is_usable (ObjectorLinkResult *self)
{
  g_return_val_if_fail (OBJECTOR_IS_LINK_RESULT (self), FALSE);

  return objector_link_verdict_is_usable (self->verdict);
}

const char *
objector_link_verdict_to_string (ObjectorLinkVerdict verdict)
{
  switch (verdict)
    {
    case OBJECTOR_LINK_VERDICT_REACHABLE:
      return "reachable";
    case OBJECTOR_LINK_VERDICT_MOVED:
      return "moved";
    case OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT:
      return "foreign-redirect";
    case OBJECTOR_LINK_VERDICT_GONE:
      return "gone";
    case OBJECTOR_LINK_VERDICT_SERVER_ERROR:
      return "server-error";
    case OBJECTOR_LINK_VERDICT_OFFLINE:
      return "offline";
    case OBJECTOR_LINK_VERDICT_TIMEOUT:
      return "timeout";
    case OBJECTOR_LINK_VERDICT_TLS_FAILURE:
      return "tls-failure";
    case OBJECTOR_LINK_VERDICT_INVALID_RESPONSE:
      return "invalid-response";
    case OBJECTOR_LINK_VERDICT_NOT_ALLOWED:
      return "not-allowed";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
objector_link_verdict_get_label (ObjectorLinkVerdict verdict)
{
  switch (verdict)
    {
    /* Translators: the verdicts of a link check, shown in a column; keep them short. */
    case OBJECTOR_LINK_VERDICT_REACHABLE:
      return _("reachable");
    case OBJECTOR_LINK_VERDICT_MOVED:
      return _("moved");
    case OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT:
      return _("leaves the site");
    case OBJECTOR_LINK_VERDICT_GONE:
      return _("gone");
    case OBJECTOR_LINK_VERDICT_SERVER_ERROR:
      return _("server error");
    case OBJECTOR_LINK_VERDICT_OFFLINE:
      return _("offline");
    case OBJECTOR_LINK_VERDICT_TIMEOUT:
      return _("no answer");
    case OBJECTOR_LINK_VERDICT_TLS_FAILURE:
      return _("insecure");
    case OBJECTOR_LINK_VERDICT_INVALID_RESPONSE:
      return _("broken");
    case OBJECTOR_LINK_VERDICT_NOT_ALLOWED:
      return _("not allowed");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
objector_link_verdict_is_usable (ObjectorLinkVerdict verdict)
{
  return verdict == OBJECTOR_LINK_VERDICT_REACHABLE || verdict == OBJECTOR_LINK_VERDICT_MOVED;
}

const char *
objector_link_role_to_string (ObjectorLinkRole role)
{
  switch (role)
    {
    case OBJECTOR_LINK_ROLE_OTHER:
      return "other";
    case OBJECTOR_LINK_ROLE_FORM:
      return "form";
    case OBJECTOR_LINK_ROLE_ALTERNATIVE_FORM:
      return "alternative-form";
    case OBJECTOR_LINK_ROLE_OVERVIEW:
      return "overview";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* objector-net.c — ObjectorNet: one libsoup session and its time limits
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-net-private.h"

struct _ObjectorNet
{
  GObject      parent_instance;

  SoupSession *session;
  guint        request_timeout;  /* ms */
  guint        overall_timeout;  /* ms */
};

G_DEFINE_FINAL_TYPE (ObjectorNet, objector_net, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REQUEST_TIMEOUT,
  PROP_OVERALL_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
objector_net_dispose (GObject *object)
{
  ObjectorNet *self = (ObjectorNet *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (objector_net_parent_class)->dispose (object);
}

static void
objector_net_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ObjectorNet *self = OBJECTOR_NET (object);

  switch (prop_id)
    {
    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
      break;

    case PROP_OVERALL_TIMEOUT:
      g_value_set_uint (value, self->overall_timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_net_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ObjectorNet *self = OBJECTOR_NET (object);

  switch (prop_id)
    {
    case PROP_REQUEST_TIMEOUT:
      objector_net_set_request_timeout (self, g_value_get_uint (value));
      break;

    case PROP_OVERALL_TIMEOUT:
      objector_net_set_overall_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_net_class_init (ObjectorNetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = objector_net_dispose;
  object_class->get_property = objector_net_get_property;
  object_class->set_property = objector_net_set_property;

  properties[PROP_REQUEST_TIMEOUT] =
    g_param_spec_uint ("request-timeout", NULL, NULL,
                       1, G_MAXUINT, OBJECTOR_NET_REQUEST_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERALL_TIMEOUT] =
    g_param_spec_uint ("overall-timeout", NULL, NULL,
                       1, G_MAXUINT, OBJECTOR_NET_OVERALL_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_net_init (ObjectorNet *self)
{
  self->request_timeout = OBJECTOR_NET_REQUEST_TIMEOUT_MS;
  self->overall_timeout = OBJECTOR_NET_OVERALL_TIMEOUT_MS;

  self->session = objector_http_session_new (self->request_timeout);
}

ObjectorNet *
objector_net_new (void)
{
  return g_object_new (OBJECTOR_TYPE_NET, NULL);
}

guint
objector_net_get_request_timeout (ObjectorNet *self)
{
  g_return_val_if_fail (OBJECTOR_IS_NET (self), 0);

  return self->request_timeout;
}

void
objector_net_set_request_timeout (ObjectorNet *self,
                                  guint        msec)
{
  g_return_if_fail (OBJECTOR_IS_NET (self));
  g_return_if_fail (msec > 0);

  if (self->request_timeout == msec)
    return;

  self->request_timeout = msec;
  objector_http_session_set_request_timeout (self->session, msec);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST_TIMEOUT]);
}

guint
objector_net_get_overall_timeout (ObjectorNet *self)
{
  g_return_val_if_fail (OBJECTOR_IS_NET (self), 0);

  return self->overall_timeout;
}

void
objector_net_set_overall_timeout (ObjectorNet *self,
                                  guint        msec)
{
  g_return_if_fail (OBJECTOR_IS_NET (self));
  g_return_if_fail (msec > 0);

  if (self->overall_timeout == msec)
    return;

  self->overall_timeout = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERALL_TIMEOUT]);
}

/* Shared by the network files (objector-net-private.h) */

gint64
objector_net_get_deadline (ObjectorNet *self)
{
  g_return_val_if_fail (OBJECTOR_IS_NET (self), 0);

  return g_get_monotonic_time () + (gint64) self->overall_timeout * 1000;
}

ObjectorHttpExchange *
objector_net_send (ObjectorNet         *self,
                   SoupMessage         *message,
                   gint64               deadline,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  ObjectorHttpExchange *exchange;
  gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;
  gboolean overall_limit;

  g_return_val_if_fail (OBJECTOR_IS_NET (self), NULL);
  g_return_val_if_fail (SOUP_IS_MESSAGE (message), NULL);

  if (left_ms <= 0)
    {
      g_object_unref (message);
      return NULL;
    }

  overall_limit = left_ms < self->request_timeout;
  exchange = objector_http_exchange_new (message, cancellable,
                                         overall_limit ? (guint) left_ms : self->request_timeout,
                                         overall_limit);
  soup_session_send_async (self->session, message, G_PRIORITY_DEFAULT, exchange->cancellable,
                           callback, user_data);
  return exchange;
}

void
objector_net_set_tls_database_for_testing (ObjectorNet  *self,
                                           GTlsDatabase *database)
{
  g_return_if_fail (g_test_initialized ());
  g_return_if_fail (OBJECTOR_IS_NET (self));
  g_return_if_fail (G_IS_TLS_DATABASE (database));

  g_object_set (self->session, "tls-database", database, NULL);
}

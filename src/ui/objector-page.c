/* objector-page.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-page.h"
#include "objector-wizard.h"

typedef struct
{
  char           *id;
  char           *title;
  char           *next_label;
  gboolean        complete;
  gboolean        applies;
  ObjectorWizard *wizard;  /* weak: the wizard (or its window) owns the page */
} ObjectorPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ObjectorPage, objector_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_APPLIES,
  PROP_NEXT_LABEL,
  PROP_WIZARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PRIV(self) ((ObjectorPagePrivate *) objector_page_get_instance_private (self))

static void
objector_page_constructed (GObject *object)
{
  ObjectorPage *self = OBJECTOR_PAGE (object);

  G_OBJECT_CLASS (objector_page_parent_class)->constructed (object);

  /* Every page is made for a wizard, which serves it all it needs. */
  g_assert (OBJECTOR_IS_WIZARD (PRIV (self)->wizard));
  if (OBJECTOR_PAGE_GET_CLASS (self)->attached != NULL)
    OBJECTOR_PAGE_GET_CLASS (self)->attached (self);
}

static void
objector_page_dispose (GObject *object)
{
  ObjectorPagePrivate *priv = objector_page_get_instance_private (OBJECTOR_PAGE (object));

  g_clear_weak_pointer (&priv->wizard);

  G_OBJECT_CLASS (objector_page_parent_class)->dispose (object);
}

static void
objector_page_finalize (GObject *object)
{
  ObjectorPagePrivate *priv = objector_page_get_instance_private (OBJECTOR_PAGE (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->next_label, g_free);

  G_OBJECT_CLASS (objector_page_parent_class)->finalize (object);
}

static void
objector_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ObjectorPage *self = OBJECTOR_PAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, objector_page_get_id (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, objector_page_get_title (self));
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, objector_page_get_complete (self));
      break;
    case PROP_APPLIES:
      g_value_set_boolean (value, objector_page_get_applies (self));
      break;
    case PROP_NEXT_LABEL:
      g_value_set_string (value, objector_page_get_next_label (self));
      break;
    case PROP_WIZARD:
      g_value_set_object (value, objector_page_get_wizard (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ObjectorPage *self = OBJECTOR_PAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      objector_page_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      objector_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_COMPLETE:
      objector_page_set_complete (self, g_value_get_boolean (value));
      break;
    case PROP_APPLIES:
      objector_page_set_applies (self, g_value_get_boolean (value));
      break;
    case PROP_NEXT_LABEL:
      objector_page_set_next_label (self, g_value_get_string (value));
      break;
    case PROP_WIZARD:
      g_set_weak_pointer (&PRIV (self)->wizard, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_page_class_init (ObjectorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = objector_page_constructed;
  object_class->dispose = objector_page_dispose;
  object_class->finalize = objector_page_finalize;
  object_class->get_property = objector_page_get_property;
  object_class->set_property = objector_page_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLIES] =
    g_param_spec_boolean ("applies", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEXT_LABEL] =
    g_param_spec_string ("next-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The driver, after GNOME Initial Setup: the store, the playbook, the
   * draft, the network and the bundled texts all come from it. */
  properties[PROP_WIZARD] =
    g_param_spec_object ("wizard", NULL, NULL, OBJECTOR_TYPE_WIZARD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_page_init (ObjectorPage *self)
{
  ObjectorPagePrivate *priv = objector_page_get_instance_private (self);

  priv->complete = TRUE;
  priv->applies = TRUE;
}

static void
set_string_property (ObjectorPage  *self,
                     char         **field,
                     const char    *value,
                     int            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_boolean_property (ObjectorPage *self,
                      gboolean     *field,
                      gboolean      value,
                      int           prop)
{
  if (*field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
objector_page_get_id (ObjectorPage *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PAGE (self), NULL);
  return PRIV (self)->id;
}

void
objector_page_set_id (ObjectorPage *self,
                      const char   *id)
{
  g_return_if_fail (OBJECTOR_IS_PAGE (self));
  set_string_property (self, &PRIV (self)->id, id, PROP_ID);
}

const char *
objector_page_get_title (ObjectorPage *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PAGE (self), NULL);
  return PRIV (self)->title;
}

void
objector_page_set_title (ObjectorPage *self,
                         const char   *title)
{
  g_return_if_fail (OBJECTOR_IS_PAGE (self));
  set_string_property (self, &PRIV (self)->title, title, PROP_TITLE);
}

const char *
objector_page_get_next_label (ObjectorPage *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PAGE (self), NULL);
  return PRIV (self)->next_label;
}

void
objector_page_set_next_label (ObjectorPage *self,
                              const char   *label)
{
  g_return_if_fail (OBJECTOR_IS_PAGE (self));
  set_string_property (self, &PRIV (self)->next_label, label, PROP_NEXT_LABEL);
}

gboolean
objector_page_get_complete (ObjectorPage *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PAGE (self), FALSE);
  return PRIV (self)->complete;
}

void
objector_page_set_complete (ObjectorPage *self,
                            gboolean      complete)
{
  g_return_if_fail (OBJECTOR_IS_PAGE (self));
  set_boolean_property (self, &PRIV (self)->complete, complete, PROP_COMPLETE);
}

gboolean
objector_page_get_applies (ObjectorPage *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PAGE (self), FALSE);
  return PRIV (self)->applies;
}

void
objector_page_set_applies (ObjectorPage *self,
                           gboolean      applies)
{
  g_return_if_fail (OBJECTOR_IS_PAGE (self));
  set_boolean_property (self, &PRIV (self)->applies, applies, PROP_APPLIES);
}

ObjectorWizard *
objector_page_get_wizard (ObjectorPage *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PAGE (self), NULL);
  return PRIV (self)->wizard;
}

void
objector_page_shown (ObjectorPage *self)
{
  g_return_if_fail (OBJECTOR_IS_PAGE (self));

  if (OBJECTOR_PAGE_GET_CLASS (self)->shown != NULL)
    OBJECTOR_PAGE_GET_CLASS (self)->shown (self);
}

gboolean
objector_page_leave (ObjectorPage  *self,
                     GError       **error)
{
  g_return_val_if_fail (OBJECTOR_IS_PAGE (self), FALSE);

  if (OBJECTOR_PAGE_GET_CLASS (self)->leave != NULL)
    return OBJECTOR_PAGE_GET_CLASS (self)->leave (self, error);
  return TRUE;
}

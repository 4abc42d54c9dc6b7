/* objector-welcome-page.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-welcome-page.h"
#include "objector-wizard.h"

struct _ObjectorWelcomePage
{
  ObjectorPage  parent_instance;

  GtkImage     *icon;
};

G_DEFINE_FINAL_TYPE (ObjectorWelcomePage, objector_welcome_page, OBJECTOR_TYPE_PAGE)

static void
objector_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (objector_welcome_page_parent_class)->dispose (object);
}

static void
objector_welcome_page_class_init (ObjectorWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorWelcomePage, icon);
}

static void
objector_welcome_page_init (ObjectorWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The development build has its own id, and icon. */
  gtk_image_set_from_icon_name (self->icon, APP_ID);
}

ObjectorPage *
objector_welcome_page_new (ObjectorWizard *wizard)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);

  return g_object_new (OBJECTOR_TYPE_WELCOME_PAGE, "wizard", wizard, NULL);
}

/* objector-mail-window.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-mail-window.h"
#include "objector-ui-util.h"

struct _ObjectorMailWindow
{
  AdwWindow  parent_instance;

  AdwBin    *list_bin;
};

G_DEFINE_FINAL_TYPE (ObjectorMailWindow, objector_mail_window, ADW_TYPE_WINDOW)

static void
objector_mail_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_MAIL_WINDOW);

  G_OBJECT_CLASS (objector_mail_window_parent_class)->dispose (object);
}

static void
objector_mail_window_class_init (ObjectorMailWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_mail_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-mail-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorMailWindow, list_bin);
}

static void
objector_mail_window_init (ObjectorMailWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  objector_ui_close_on_escape (GTK_WINDOW (self));
}

GtkWidget *
objector_mail_window_new (GtkWindow        *parent,
                          ObjectorMailList *list)
{
  ObjectorMailWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OBJECTOR_IS_MAIL_LIST (list), NULL);

  self = g_object_new (OBJECTOR_TYPE_MAIL_WINDOW, "transient-for", parent, NULL);
  adw_bin_set_child (self->list_bin, GTK_WIDGET (list));
  return GTK_WIDGET (self);
}

/* objector-password-dialog.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-password-dialog.h"

struct _ObjectorPasswordDialog
{
  AdwMessageDialog  parent_instance;

  GtkLabel         *problem_label;
  GtkLabel         *hint_label;
  AdwEntryRow      *password_row;
  GtkCheckButton   *remember_check;
};

G_DEFINE_FINAL_TYPE (ObjectorPasswordDialog, objector_password_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
password_changed_cb (GtkEditable            *editable,
                     ObjectorPasswordDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "look",
                                           *gtk_editable_get_text (editable) != '\0');
}

static void
objector_password_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_PASSWORD_DIALOG);

  G_OBJECT_CLASS (objector_password_dialog_parent_class)->dispose (object);
}

static void
objector_password_dialog_class_init (ObjectorPasswordDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_password_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/objector/Objector/objector-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorPasswordDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPasswordDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPasswordDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorPasswordDialog, remember_check);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
}

static void
objector_password_dialog_init (ObjectorPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
objector_password_dialog_new (GtkWindow  *parent,
                              const char *label,
                              const char *host,
                              const char *hint,
                              const char *problem,
                              gboolean    remember)
{
  ObjectorPasswordDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (label != NULL && host != NULL, NULL);

  self = g_object_new (OBJECTOR_TYPE_PASSWORD_DIALOG, "transient-for", parent, NULL);
  /* Translators: the person's address (or user name), then the mail server. */
  body = g_strdup_printf (_("Objector needs the password of %s to look for Meta’s answers on %s. "
                            "It is sent to that server only, over an encrypted connection."),
                          label, host);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
  gtk_check_button_set_active (self->remember_check, remember);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));

  return GTK_WIDGET (self);
}

const char *
objector_password_dialog_get_password (ObjectorPasswordDialog *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PASSWORD_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->password_row));
}

gboolean
objector_password_dialog_get_remember (ObjectorPasswordDialog *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PASSWORD_DIALOG (self), FALSE);

  return gtk_check_button_get_active (self->remember_check);
}

void
objector_password_dialog_submit (ObjectorPasswordDialog *self,
                                 const char             *password,
                                 gboolean                remember)
{
  g_return_if_fail (OBJECTOR_IS_PASSWORD_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  gtk_check_button_set_active (self->remember_check, remember);
  /* What Enter in the password row gives: the default response. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "look");
}

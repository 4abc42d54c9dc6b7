/* objector-mail-account-row.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-mail-account-row.h"
#include "objector-ui-util.h"

struct _ObjectorMailAccountRow
{
  AdwActionRow         parent_instance;

  ObjectorMailAccount *account;

  GtkWidget           *look_button;
  GtkWidget           *settings_button;
  GtkWidget           *remove_button;
};

G_DEFINE_FINAL_TYPE (ObjectorMailAccountRow, objector_mail_account_row, ADW_TYPE_ACTION_ROW)

enum
{
  SIGNAL_LOOK,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
look_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_LOOK], 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_REMOVE], 0);
}

/* Settings → Online Accounts, where such an account is fixed. */
static void
settings_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GAppInfo) settings = NULL;
  g_autoptr(GError) error = NULL;

  settings = g_app_info_create_from_commandline ("gnome-control-center online-accounts", NULL,
                                                 G_APP_INFO_CREATE_NONE, &error);
  if (settings == NULL || !g_app_info_launch (settings, NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open Settings: %s. Open Settings → Online Accounts yourself."),
                                                  error->message);
      objector_ui_toast (widget, message, FALSE);
    }
}

static void
objector_mail_account_row_dispose (GObject *object)
{
  ObjectorMailAccountRow *self = OBJECTOR_MAIL_ACCOUNT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_MAIL_ACCOUNT_ROW);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (objector_mail_account_row_parent_class)->dispose (object);
}

static void
objector_mail_account_row_class_init (ObjectorMailAccountRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_mail_account_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/objector/Objector/objector-mail-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorMailAccountRow, look_button);
  gtk_widget_class_bind_template_child (widget_class, ObjectorMailAccountRow, settings_button);
  gtk_widget_class_bind_template_child (widget_class, ObjectorMailAccountRow, remove_button);
  gtk_widget_class_install_action (widget_class, "account-row.look", NULL, look_action);
  gtk_widget_class_install_action (widget_class, "account-row.settings", NULL, settings_action);
  gtk_widget_class_install_action (widget_class, "account-row.remove", NULL, remove_action);

  signals[SIGNAL_LOOK] =
    g_signal_new ("look", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
objector_mail_account_row_init (ObjectorMailAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "Gmail · GNOME Online Accounts", and what is wrong, if anything. */
static char *
describe (ObjectorMailAccount *account)
{
  const char *provider = objector_mail_account_get_provider_name (account);
  gboolean online = objector_mail_account_get_origin (account) == OBJECTOR_MAIL_ACCOUNT_ONLINE;
  const char *where = online ? _("GNOME Online Accounts") : _("Added in Objector");
  g_autofree char *origin = provider ? g_strdup_printf ("%s · %s", provider, where) : g_strdup (where);

  switch (objector_mail_account_get_status (account))
    {
    case OBJECTOR_MAIL_ACCOUNT_NEEDS_SIGN_IN:
      /* Translators: under a mail account; the first part says where it comes from. */
      return g_strdup_printf (_("%s — sign in again in Settings to look in it"), origin);
    case OBJECTOR_MAIL_ACCOUNT_MAIL_DISABLED:
      /* Translators: under a mail account; the first part says where it comes from. */
      return g_strdup_printf (_("%s — mail is turned off for it in Settings"), origin);
    case OBJECTOR_MAIL_ACCOUNT_READY:
    default:
      return g_steal_pointer (&origin);
    }
}

GtkWidget *
objector_mail_account_row_new (ObjectorMailAccount *account)
{
  ObjectorMailAccountRow *self;
  const char *label;
  g_autofree char *subtitle = NULL;
  g_autofree char *look_name = NULL;
  g_autofree char *settings_name = NULL;
  g_autofree char *remove_name = NULL;
  gboolean ready;

  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (account), NULL);

  self = g_object_new (OBJECTOR_TYPE_MAIL_ACCOUNT_ROW, NULL);
  self->account = g_object_ref (account);
  label = objector_mail_account_get_label (account);
  ready = objector_mail_account_get_status (account) == OBJECTOR_MAIL_ACCOUNT_READY
          && objector_mail_account_get_imap (account) != NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);
  subtitle = describe (account);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_widget_set_visible (self->look_button, ready);
  gtk_widget_set_visible (self->settings_button,
                          !ready && objector_mail_account_get_origin (account) == OBJECTOR_MAIL_ACCOUNT_ONLINE);
  gtk_widget_set_visible (self->remove_button,
                          objector_mail_account_get_origin (account) == OBJECTOR_MAIL_ACCOUNT_SAVED);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self),
                                         ready ? self->look_button
                                               : gtk_widget_get_visible (self->settings_button) ? self->settings_button
                                                                                                : NULL);

  /* Translators: the accessible names of a mail account's buttons; %s is the account. */
  look_name = g_strdup_printf (_("Look for Meta’s answers in %s"), label);
  settings_name = g_strdup_printf (_("Open Settings → Online Accounts for %s"), label);
  remove_name = g_strdup_printf (_("Remove %s from Objector"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->look_button), GTK_ACCESSIBLE_PROPERTY_LABEL, look_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->settings_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  settings_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);

  return GTK_WIDGET (self);
}

ObjectorMailAccount *
objector_mail_account_row_get_account (ObjectorMailAccountRow *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT_ROW (self), NULL);

  return self->account;
}

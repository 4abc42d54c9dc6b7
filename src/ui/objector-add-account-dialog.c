/* objector-add-account-dialog.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "objector-add-account-dialog.h"
#include "objector-mail-provider.h"
#include "objector-ui-util.h"

struct _ObjectorAddAccountDialog
{
  AdwWindow             parent_instance;

  ObjectorMailAccounts *accounts;
  /* What the address filled in last: replaced when the address changes,
   * unless the person typed something else since. */
  char                 *filled_server;
  char                 *filled_port;
  char                 *filled_user;
  gboolean              hint_shown;

  AdwEntryRow          *address_row;
  GtkLabel             *hint_label;
  AdwExpanderRow       *server_expander;
  AdwEntryRow          *server_row;
  AdwEntryRow          *port_row;
  AdwComboRow          *security_row;
  AdwEntryRow          *user_row;
  AdwEntryRow          *password_row;
  GtkCheckButton       *remember_check;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (ObjectorAddAccountDialog, objector_add_account_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The port typed, or 0 when it is not one. */
static guint
parse_port (const char *text)
{
  guint64 port = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 65535, &port, NULL))
    return 0;
  return port;
}

static ObjectorImapSecurity
selected_security (ObjectorAddAccountDialog *self)
{
  return adw_combo_row_get_selected (self->security_row) == 1 ? OBJECTOR_IMAP_SECURITY_STARTTLS
                                                              : OBJECTOR_IMAP_SECURITY_TLS;
}

static void
update_state (ObjectorAddAccountDialog *self)
{
  const char *address = text_of (self->address_row);
  const char *server = text_of (self->server_row);
  const char *user = text_of (self->user_row);
  guint port = parse_port (text_of (self->port_row));
  g_autofree char *summary = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.add",
                                 strchr (address, '@') != NULL && *server != '\0' && *user != '\0' && port != 0);

  if (*server != '\0' && port != 0)
    /* Translators: under "Server Settings": the server, its port, and the encryption. */
    summary = g_strdup_printf (_("%s, port %u, %s"), server, port,
                               selected_security (self) == OBJECTOR_IMAP_SECURITY_STARTTLS ? "STARTTLS" : "TLS");
  adw_expander_row_set_subtitle (self->server_expander, summary ? summary : "");
}

static void
field_changed_cb (GtkEditable              *editable,
                  ObjectorAddAccountDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update_state (self);
}

static void
security_changed_cb (AdwComboRow              *row,
                     GParamSpec               *pspec,
                     ObjectorAddAccountDialog *self)
{
  const char *port = text_of (self->port_row);

  /* The usual port of the other kind follows the choice. */
  if (*port == '\0' || g_str_equal (port, "993") || g_str_equal (port, "143"))
    gtk_editable_set_text (GTK_EDITABLE (self->port_row),
                           selected_security (self) == OBJECTOR_IMAP_SECURITY_STARTTLS ? "143" : "993");
  update_state (self);
}

/* Puts @value into @row unless the person typed something of their own. */
static void
fill (AdwEntryRow  *row,
      char        **filled,
      const char   *value)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (row));

  if (*current == '\0' || g_strcmp0 (current, *filled) == 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_free (*filled);
  *filled = g_strdup (value ? value : "");
}

static void
show_hint (ObjectorAddAccountDialog *self,
           const char               *hint)
{
  self->hint_shown = hint != NULL;
  gtk_label_set_text (self->hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

static void
address_changed_cb (GtkEditable              *editable,
                    ObjectorAddAccountDialog *self)
{
  const char *address = gtk_editable_get_text (editable);
  const ObjectorMailProvider *provider = objector_mail_provider_suggest (address);
  const char *at = strchr (address, '@');

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (provider != NULL)
    {
      g_autofree char *port = g_strdup_printf ("%u", provider->port);
      g_autofree char *user = objector_mail_provider_dup_user (provider, address);

      fill (self->server_row, &self->filled_server, provider->host);
      fill (self->port_row, &self->filled_port, port);
      fill (self->user_row, &self->filled_user, user);
      adw_combo_row_set_selected (self->security_row,
                                  provider->security == OBJECTOR_IMAP_SECURITY_STARTTLS ? 1 : 0);
      show_hint (self, objector_mail_provider_get_hint (provider));
    }
  else
    {
      /* Unknown: no server is guessed; the user name is most often the address. */
      fill (self->server_row, &self->filled_server, NULL);
      fill (self->port_row, &self->filled_port, "993");
      fill (self->user_row, &self->filled_user, address);
      if (at != NULL && strchr (at, '.') != NULL)
        {
          show_hint (self, _("Objector does not know this provider’s mail server: type it under Server "
                             "Settings (your provider’s help pages name its IMAP server)."));
          adw_expander_row_set_expanded (self->server_expander, TRUE);
        }
      else
        show_hint (self, NULL);
    }
  update_state (self);
}

static void
show_error (ObjectorAddAccountDialog *self,
            const char               *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ObjectorAddAccountDialog *self = OBJECTOR_ADD_ACCOUNT_DIALOG (widget);
  g_autoptr(ObjectorImapAccount) imap = NULL;
  g_autoptr(ObjectorMailAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *address = g_strstrip (g_strdup (text_of (self->address_row)));
  g_autofree char *server = g_strstrip (g_strdup (text_of (self->server_row)));
  g_autofree char *user = g_strstrip (g_strdup (text_of (self->user_row)));
  guint port = parse_port (text_of (self->port_row));

  if (port == 0)
    {
      show_error (self, _("The port must be a number from 1 to 65535, such as 993."));
      return;
    }
  imap = objector_imap_account_new (server, port, user, NULL, selected_security (self), &error);
  if (imap == NULL)
    {
      show_error (self, error->message);
      return;
    }
  account = objector_mail_accounts_add (self->accounts, address, imap, &error);
  if (account == NULL)
    {
      show_error (self, error->message);
      return;
    }

  if (*text_of (self->password_row) != '\0')
    password = g_strdup (text_of (self->password_row));
  g_signal_emit (self, signals[SIGNAL_ADDED], 0, account, password,
                 password != NULL && gtk_check_button_get_active (self->remember_check));
  if (password != NULL)
    explicit_bzero (password, strlen (password));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_window_close (GTK_WINDOW (self));
}

static void
objector_add_account_dialog_dispose (GObject *object)
{
  ObjectorAddAccountDialog *self = OBJECTOR_ADD_ACCOUNT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_ADD_ACCOUNT_DIALOG);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (objector_add_account_dialog_parent_class)->dispose (object);
}

static void
objector_add_account_dialog_finalize (GObject *object)
{
  ObjectorAddAccountDialog *self = OBJECTOR_ADD_ACCOUNT_DIALOG (object);

  g_free (self->filled_server);
  g_free (self->filled_port);
  g_free (self->filled_user);

  G_OBJECT_CLASS (objector_add_account_dialog_parent_class)->finalize (object);
}

static void
objector_add_account_dialog_class_init (ObjectorAddAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = objector_add_account_dialog_dispose;
  object_class->finalize = objector_add_account_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/objector/Objector/objector-add-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, server_expander);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, server_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, security_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, remember_check);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAddAccountDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, security_changed_cb);

  gtk_widget_class_install_action (widget_class, "account.add", NULL, add_action);

  signals[SIGNAL_ADDED] =
    g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, OBJECTOR_TYPE_MAIL_ACCOUNT, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
objector_add_account_dialog_init (ObjectorAddAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  objector_ui_close_on_escape (GTK_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), "993");
  update_state (self);
}

GtkWidget *
objector_add_account_dialog_new (GtkWindow            *parent,
                                 ObjectorMailAccounts *accounts)
{
  ObjectorAddAccountDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNTS (accounts), NULL);

  self = g_object_new (OBJECTOR_TYPE_ADD_ACCOUNT_DIALOG, "transient-for", parent, NULL);
  self->accounts = g_object_ref (accounts);
  gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
  return GTK_WIDGET (self);
}

const char *
objector_add_account_dialog_get_server (ObjectorAddAccountDialog *self)
{
  g_return_val_if_fail (OBJECTOR_IS_ADD_ACCOUNT_DIALOG (self), NULL);

  return text_of (self->server_row);
}

guint
objector_add_account_dialog_get_port (ObjectorAddAccountDialog *self)
{
  g_return_val_if_fail (OBJECTOR_IS_ADD_ACCOUNT_DIALOG (self), 0);

  return parse_port (text_of (self->port_row));
}

const char *
objector_add_account_dialog_get_user (ObjectorAddAccountDialog *self)
{
  g_return_val_if_fail (OBJECTOR_IS_ADD_ACCOUNT_DIALOG (self), NULL);

  return text_of (self->user_row);
}

ObjectorImapSecurity
objector_add_account_dialog_get_security (ObjectorAddAccountDialog *self)
{
  g_return_val_if_fail (OBJECTOR_IS_ADD_ACCOUNT_DIALOG (self), OBJECTOR_IMAP_SECURITY_TLS);

  return selected_security (self);
}

const char *
objector_add_account_dialog_get_hint (ObjectorAddAccountDialog *self)
{
  g_return_val_if_fail (OBJECTOR_IS_ADD_ACCOUNT_DIALOG (self), NULL);

  return self->hint_shown ? gtk_label_get_text (self->hint_label) : NULL;
}

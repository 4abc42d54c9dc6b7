/* objector-mail-account.c — one of the person's mail accounts, and logging in to it
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-enums.h"
#include "objector-error.h"
#include "objector-keyring.h"
#include "objector-mail-account-private.h"
#include "objector-mail-provider.h"

struct _ObjectorMailAccount
{
  GObject                     parent_instance;

  char                       *id;
  ObjectorMailAccountOrigin   origin;
  char                       *label;
  char                       *address;
  char                       *provider_name;
  ObjectorMailAccountStatus   status;
  ObjectorImapCredentialKind  auth;
  ObjectorImapAccount        *imap;      /* NULL: not usable */
  GoaObject                  *goa;       /* online accounts only */
};

G_DEFINE_FINAL_TYPE (ObjectorMailAccount, objector_mail_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ORIGIN,
  PROP_LABEL,
  PROP_PROVIDER_NAME,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
objector_mail_account_dispose (GObject *object)
{
  ObjectorMailAccount *self = OBJECTOR_MAIL_ACCOUNT (object);

  g_clear_object (&self->imap);
  g_clear_object (&self->goa);

  G_OBJECT_CLASS (objector_mail_account_parent_class)->dispose (object);
}

static void
objector_mail_account_finalize (GObject *object)
{
  ObjectorMailAccount *self = OBJECTOR_MAIL_ACCOUNT (object);

  g_free (self->id);
  g_free (self->label);
  g_free (self->address);
  g_free (self->provider_name);

  G_OBJECT_CLASS (objector_mail_account_parent_class)->finalize (object);
}

static void
objector_mail_account_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ObjectorMailAccount *self = OBJECTOR_MAIL_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_PROVIDER_NAME:
      g_value_set_string (value, self->provider_name);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_mail_account_class_init (ObjectorMailAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = objector_mail_account_dispose;
  object_class->finalize = objector_mail_account_finalize;
  object_class->get_property = objector_mail_account_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL, OBJECTOR_TYPE_MAIL_ACCOUNT_ORIGIN,
                       OBJECTOR_MAIL_ACCOUNT_SAVED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVIDER_NAME] =
    g_param_spec_string ("provider-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, OBJECTOR_TYPE_MAIL_ACCOUNT_STATUS,
                       OBJECTOR_MAIL_ACCOUNT_READY, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_mail_account_init (ObjectorMailAccount *self)
{
}

/* Made by ObjectorMailAccounts */

char *
objector_mail_account_make_saved_id (ObjectorImapAccount *imap)
{
  GString *id = g_string_new ("saved:");
  guint port = objector_imap_account_get_port (imap);
  ObjectorImapSecurity security = objector_imap_account_get_security (imap);
  guint usual = security == OBJECTOR_IMAP_SECURITY_TLS ? OBJECTOR_IMAP_TLS_PORT : OBJECTOR_IMAP_PORT;

  g_string_append_printf (id, "%s@%s", objector_imap_account_get_user (imap),
                          objector_imap_account_get_host (imap));
  if (port != usual)
    g_string_append_printf (id, ":%u", port);
  if (!g_str_equal (objector_imap_account_get_mailbox (imap), "INBOX"))
    g_string_append_printf (id, "/%s", objector_imap_account_get_mailbox (imap));
  return g_string_free (id, FALSE);
}

ObjectorMailAccount *
objector_mail_account_new_saved (const char          *address,
                                 ObjectorImapAccount *imap)
{
  ObjectorMailAccount *self;
  const ObjectorMailProvider *provider;

  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (imap), NULL);

  self = g_object_new (OBJECTOR_TYPE_MAIL_ACCOUNT, NULL);
  self->id = objector_mail_account_make_saved_id (imap);
  self->origin = OBJECTOR_MAIL_ACCOUNT_SAVED;
  self->address = g_strdup (address);
  self->label = g_strdup (address != NULL ? address : objector_imap_account_get_user (imap));
  provider = address != NULL ? objector_mail_provider_suggest (address) : NULL;
  if (provider == NULL)
    provider = objector_mail_provider_for_host (objector_imap_account_get_host (imap));
  self->provider_name = provider != NULL ? g_strdup (provider->name) : NULL;
  self->status = OBJECTOR_MAIL_ACCOUNT_READY;
  self->auth = OBJECTOR_IMAP_CREDENTIAL_PASSWORD;
  self->imap = g_object_ref (imap);
  return self;
}

/* GNOME Online Accounts' ImapHost is "host" or "host:port". */
static ObjectorImapAccount *
imap_from_goa (GoaMail *mail)
{
  g_autoptr(GSocketConnectable) address = NULL;
  ObjectorImapSecurity security;
  guint usual;

  if (goa_mail_get_imap_use_ssl (mail))
    security = OBJECTOR_IMAP_SECURITY_TLS;
  else if (goa_mail_get_imap_use_tls (mail))
    security = OBJECTOR_IMAP_SECURITY_STARTTLS;
  else
    security = OBJECTOR_IMAP_SECURITY_NONE;
  usual = security == OBJECTOR_IMAP_SECURITY_TLS ? OBJECTOR_IMAP_TLS_PORT : OBJECTOR_IMAP_PORT;

  if (goa_mail_get_imap_host (mail) == NULL || goa_mail_get_imap_user_name (mail) == NULL)
    return NULL;
  address = g_network_address_parse (goa_mail_get_imap_host (mail), usual, NULL);
  if (address == NULL)
    return NULL;

  /* NULL for no encryption to a server elsewhere: Objector never sends a
   * password in the clear, whatever the account's settings say. */
  return objector_imap_account_new (g_network_address_get_hostname (G_NETWORK_ADDRESS (address)),
                                    g_network_address_get_port (G_NETWORK_ADDRESS (address)),
                                    goa_mail_get_imap_user_name (mail), "INBOX", security, NULL);
}

/* Providers of GNOME Online Accounts that read mail over IMAP. */
static gboolean
is_mail_provider (const char *type)
{
  return g_strcmp0 (type, "imap_smtp") == 0 || g_strcmp0 (type, "google") == 0
         || g_strcmp0 (type, "windows_live") == 0;
}

ObjectorMailAccount *
objector_mail_account_new_online (GoaObject *object)
{
  ObjectorMailAccount *self;
  GoaAccount *account;
  GoaMail *mail;
  const char *label;

  g_return_val_if_fail (GOA_IS_OBJECT (object), NULL);

  account = goa_object_peek_account (object);
  mail = goa_object_peek_mail (object);
  if (account == NULL)
    return NULL;
  /* With mail turned off the Mail interface is gone: the provider says
   * whether it would have IMAP. */
  if (mail != NULL ? !goa_mail_get_imap_supported (mail)
                   : !(goa_account_get_mail_disabled (account)
                       && is_mail_provider (goa_account_get_provider_type (account))))
    return NULL;

  self = g_object_new (OBJECTOR_TYPE_MAIL_ACCOUNT, NULL);
  self->id = g_strconcat ("goa:", goa_account_get_id (account), NULL);
  self->origin = OBJECTOR_MAIL_ACCOUNT_ONLINE;
  self->goa = g_object_ref (object);
  self->provider_name = g_strdup (goa_account_get_provider_name (account));
  if (mail != NULL && goa_mail_get_email_address (mail) != NULL && *goa_mail_get_email_address (mail) != '\0')
    self->address = g_strdup (goa_mail_get_email_address (mail));
  label = self->address != NULL ? self->address : goa_account_get_presentation_identity (account);
  self->label = g_strdup (label != NULL ? label : goa_account_get_identity (account));
  self->auth = goa_object_peek_oauth2_based (object) != NULL ? OBJECTOR_IMAP_CREDENTIAL_OAUTH2
                                                             : OBJECTOR_IMAP_CREDENTIAL_PASSWORD;
  if (mail == NULL || goa_account_get_mail_disabled (account))
    self->status = OBJECTOR_MAIL_ACCOUNT_MAIL_DISABLED;
  else if (goa_account_get_attention_needed (account))
    self->status = OBJECTOR_MAIL_ACCOUNT_NEEDS_SIGN_IN;
  else
    self->status = OBJECTOR_MAIL_ACCOUNT_READY;
  if (mail != NULL)
    self->imap = imap_from_goa (mail);
  return self;
}

/* Getters */

const char *
objector_mail_account_get_id (ObjectorMailAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self), NULL);
  return self->id;
}

ObjectorMailAccountOrigin
objector_mail_account_get_origin (ObjectorMailAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self), OBJECTOR_MAIL_ACCOUNT_SAVED);
  return self->origin;
}

const char *
objector_mail_account_get_label (ObjectorMailAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self), NULL);
  return self->label;
}

const char *
objector_mail_account_get_address (ObjectorMailAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self), NULL);
  return self->address;
}

const char *
objector_mail_account_get_provider_name (ObjectorMailAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self), NULL);
  return self->provider_name;
}

ObjectorMailAccountStatus
objector_mail_account_get_status (ObjectorMailAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self), OBJECTOR_MAIL_ACCOUNT_READY);
  return self->status;
}

ObjectorImapCredentialKind
objector_mail_account_get_auth (ObjectorMailAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self), OBJECTOR_IMAP_CREDENTIAL_PASSWORD);
  return self->auth;
}

ObjectorImapAccount *
objector_mail_account_get_imap (ObjectorMailAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self), NULL);
  return self->imap;
}

/* Logging in */

typedef struct
{
  ObjectorImapAccount    *imap;
  ObjectorImapCredential *credential;
} Login;

static void
login_free (Login *login)
{
  g_clear_object (&login->imap);
  g_clear_pointer (&login->credential, objector_imap_credential_free);
  g_free (login);
}

/* A copy the caller may change (its CA file) without touching ours. */
static ObjectorImapAccount *
copy_imap (ObjectorImapAccount *imap)
{
  ObjectorImapAccount *copy = objector_imap_account_new (objector_imap_account_get_host (imap),
                                                         objector_imap_account_get_port (imap),
                                                         objector_imap_account_get_user (imap),
                                                         objector_imap_account_get_mailbox (imap),
                                                         objector_imap_account_get_security (imap),
                                                         NULL);

  objector_imap_account_set_ca_file (copy, objector_imap_account_get_ca_file (imap));
  return copy;
}

static void
return_login (GTask                  *task,
              ObjectorImapAccount    *imap,
              ObjectorImapCredential *credential)
{
  Login *login = g_new0 (Login, 1);

  login->imap = copy_imap (imap);
  login->credential = credential;
  g_task_return_pointer (task, login, (GDestroyNotify) login_free);
}

static GError *
settings_error (const char *message)
{
  return g_error_new_literal (OBJECTOR_ERROR, OBJECTOR_ERROR_ACCOUNT_SETTINGS, message);
}

/* What GNOME Online Accounts' answer means for the person. */
static GError *
online_error (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, GOA_ERROR, GOA_ERROR_NOT_AUTHORIZED))
    return settings_error (_("GNOME Online Accounts needs you to sign in to this account again: "
                             "open Settings → Online Accounts"));
  if (error->domain == G_DBUS_ERROR || error->domain == G_IO_ERROR)
    return g_error_new_literal (OBJECTOR_ERROR, OBJECTOR_ERROR_UNAVAILABLE,
                                _("GNOME Online Accounts is not running on this computer"));
  g_dbus_error_strip_remote_error (error);
  return g_error_new (OBJECTOR_ERROR, OBJECTOR_ERROR_UNAVAILABLE,
                      _("GNOME Online Accounts could not give this account’s password: %s"),
                      error->message);
}

static void
got_password_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ObjectorMailAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  if (!goa_password_based_call_get_password_finish (GOA_PASSWORD_BASED (source), &password, result, &error))
    {
      g_task_return_error (task, online_error (error));
      return;
    }
  return_login (task, self->imap, objector_imap_credential_new_password (password));
  explicit_bzero (password, strlen (password));
}

static void
got_token_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ObjectorMailAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  if (!goa_oauth2_based_call_get_access_token_finish (GOA_OAUTH2_BASED (source), &token, NULL, result, &error))
    {
      g_task_return_error (task, online_error (error));
      return;
    }
  return_login (task, self->imap, objector_imap_credential_new_oauth2 (token));
  explicit_bzero (token, strlen (token));
}

static void
login_online (ObjectorMailAccount *self,
              GTask               *task)
{
  GoaAccount *account = goa_object_peek_account (self->goa);
  GoaMail *mail = goa_object_peek_mail (self->goa);
  GoaOAuth2Based *oauth2 = goa_object_peek_oauth2_based (self->goa);
  GoaPasswordBased *password = goa_object_peek_password_based (self->goa);
  GCancellable *cancellable = g_task_get_cancellable (task);

  /* The daemon's present view, not the one when the list was made. */
  if (mail == NULL || goa_account_get_mail_disabled (account))
    g_task_return_error (task, settings_error (_("This account has mail turned off in "
                                                 "Settings → Online Accounts")));
  else if (goa_account_get_attention_needed (account))
    g_task_return_error (task, settings_error (_("GNOME Online Accounts needs you to sign in to this "
                                                 "account again: open Settings → Online Accounts")));
  else if (self->imap == NULL)
    g_task_return_error (task, settings_error (_("This account’s mail server is set up without "
                                                 "encryption in Settings → Online Accounts: Objector "
                                                 "never sends a password unencrypted")));
  else if (oauth2 != NULL)
    goa_oauth2_based_call_get_access_token (oauth2, cancellable, got_token_cb, g_object_ref (task));
  else if (password != NULL)
    goa_password_based_call_get_password (password, "imap-password", cancellable, got_password_cb,
                                          g_object_ref (task));
  else
    g_task_return_error (task, settings_error (_("GNOME Online Accounts gives no password or sign-in "
                                                 "for this account")));
}

static void
keyring_lookup_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ObjectorMailAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  ObjectorImapCredential *credential = objector_keyring_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (error != NULL)
    g_task_return_new_error (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_PASSWORD, "%s", error->message);
  else if (credential == NULL)
    g_task_return_new_error (task, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_PASSWORD,
                             _("No password is kept for %s: type it"), self->label);
  else
    return_login (task, self->imap, credential);
}

void
objector_mail_account_login_async (ObjectorMailAccount *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_mail_account_login_async);

  if (self->origin == OBJECTOR_MAIL_ACCOUNT_ONLINE)
    login_online (self, task);
  else
    objector_keyring_lookup_async (self->imap, cancellable, keyring_lookup_cb, g_object_ref (task));
}

ObjectorImapAccount *
objector_mail_account_login_finish (ObjectorMailAccount     *self,
                                    GAsyncResult            *result,
                                    ObjectorImapCredential **credential,
                                    GError                 **error)
{
  Login *login;
  ObjectorImapAccount *imap;

  g_return_val_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (credential != NULL, NULL);

  *credential = NULL;
  login = g_task_propagate_pointer (G_TASK (result), error);
  if (login == NULL)
    return NULL;
  imap = g_steal_pointer (&login->imap);
  *credential = g_steal_pointer (&login->credential);
  login_free (login);
  return imap;
}

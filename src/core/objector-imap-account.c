/* objector-imap-account.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-enums.h"
#include "objector-error.h"
#include "objector-imap-account.h"

struct _ObjectorImapAccount
{
  GObject               parent_instance;

  char                 *host;
  guint                 port;
  char                 *user;
  char                 *mailbox;
  ObjectorImapSecurity  security;
  char                 *ca_file;
};

G_DEFINE_FINAL_TYPE (ObjectorImapAccount, objector_imap_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HOST,
  PROP_PORT,
  PROP_USER,
  PROP_MAILBOX,
  PROP_SECURITY,
  PROP_CA_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
objector_imap_account_finalize (GObject *object)
{
  ObjectorImapAccount *self = OBJECTOR_IMAP_ACCOUNT (object);

  g_free (self->host);
  g_free (self->user);
  g_free (self->mailbox);
  g_free (self->ca_file);

  G_OBJECT_CLASS (objector_imap_account_parent_class)->finalize (object);
}

static void
objector_imap_account_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ObjectorImapAccount *self = OBJECTOR_IMAP_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    case PROP_MAILBOX:
      g_value_set_string (value, self->mailbox);
      break;
    case PROP_SECURITY:
      g_value_set_enum (value, self->security);
      break;
    case PROP_CA_FILE:
      g_value_set_string (value, self->ca_file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_imap_account_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ObjectorImapAccount *self = OBJECTOR_IMAP_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_HOST:
      self->host = g_value_dup_string (value);
      break;
    case PROP_PORT:
      self->port = g_value_get_uint (value);
      break;
    case PROP_USER:
      self->user = g_value_dup_string (value);
      break;
    case PROP_MAILBOX:
      self->mailbox = g_value_dup_string (value);
      break;
    case PROP_SECURITY:
      self->security = g_value_get_enum (value);
      break;
    case PROP_CA_FILE:
      objector_imap_account_set_ca_file (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_imap_account_class_init (ObjectorImapAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = objector_imap_account_finalize;
  object_class->get_property = objector_imap_account_get_property;
  object_class->set_property = objector_imap_account_set_property;

  properties[PROP_HOST] = g_param_spec_string ("host", NULL, NULL, NULL, construct);
  properties[PROP_PORT] = g_param_spec_uint ("port", NULL, NULL, 1, 65535, OBJECTOR_IMAP_TLS_PORT, construct);
  properties[PROP_USER] = g_param_spec_string ("user", NULL, NULL, NULL, construct);
  properties[PROP_MAILBOX] = g_param_spec_string ("mailbox", NULL, NULL, "INBOX", construct);
  properties[PROP_SECURITY] =
    g_param_spec_enum ("security", NULL, NULL, OBJECTOR_TYPE_IMAP_SECURITY,
                       OBJECTOR_IMAP_SECURITY_TLS, construct);
  properties[PROP_CA_FILE] =
    g_param_spec_string ("ca-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
objector_imap_account_init (ObjectorImapAccount *self)
{
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
is_printable_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f)
      return FALSE;
  return TRUE;
}

ObjectorImapAccount *
objector_imap_account_new (const char            *host,
                           guint                  port,
                           const char            *user,
                           const char            *mailbox,
                           ObjectorImapSecurity   security,
                           GError               **error)
{
  g_return_val_if_fail (security <= OBJECTOR_IMAP_SECURITY_NONE, NULL);
  g_return_val_if_fail (port <= 65535, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (host == NULL || *host == '\0' || !is_printable_ascii (host) || strpbrk (host, " /@") != NULL)
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                           _("The mail server’s name is missing or not a host name, such as imap.example.org"));
      return NULL;
    }
  if (user == NULL || *user == '\0')
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                           _("The user name is missing: give the one you log in to your mail with, "
                             "such as imaps://zoe@example.org@imap.example.org"));
      return NULL;
    }
  if (!g_utf8_validate (user, -1, NULL) || strpbrk (user, "\r\n") != NULL)
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                           _("The user name has characters a mail server cannot take"));
      return NULL;
    }
  if (mailbox == NULL || *mailbox == '\0')
    mailbox = "INBOX";
  /* IMAP names other mailboxes in a modified UTF-7 of its own. */
  if (!is_printable_ascii (mailbox))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("The mailbox “%s” has letters outside ASCII, which Objector cannot ask for yet: "
                     "look in INBOX, or in a folder with a plain name"),
                   g_utf8_validate (mailbox, -1, NULL) ? mailbox : "?");
      return NULL;
    }
  if (security == OBJECTOR_IMAP_SECURITY_NONE && !host_is_loopback (host))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("Objector connects to “%s” only with TLS: without it, your password and "
                     "mail would cross the network readable by anyone on the way. Use imaps://"),
                   host);
      return NULL;
    }

  if (port == 0)
    port = security == OBJECTOR_IMAP_SECURITY_TLS ? OBJECTOR_IMAP_TLS_PORT : OBJECTOR_IMAP_PORT;

  return g_object_new (OBJECTOR_TYPE_IMAP_ACCOUNT,
                       "host", host,
                       "port", port,
                       "user", user,
                       "mailbox", mailbox,
                       "security", security,
                       NULL);
}

const char *
objector_imap_security_to_string (ObjectorImapSecurity security)
{
  switch (security)
    {
    case OBJECTOR_IMAP_SECURITY_STARTTLS:
      return "starttls";
    case OBJECTOR_IMAP_SECURITY_NONE:
      return "none";
    case OBJECTOR_IMAP_SECURITY_TLS:
    default:
      return "tls";
    }
}

gboolean
objector_imap_account_is_uri (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return g_ascii_strncasecmp (text, "imaps://", 8) == 0 || g_ascii_strncasecmp (text, "imap://", 7) == 0;
}

ObjectorImapAccount *
objector_imap_account_new_from_uri (const char  *uri,
                                    GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *fixed = NULL;
  ObjectorImapSecurity security;
  const char *scheme_end;
  const char *authority;
  const char *path;
  const char *last_at;
  const char *slash;
  gint port;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!objector_imap_account_is_uri (uri))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("“%s” is not a mail account address: write imaps://USER@HOST/MAILBOX"), uri);
      return NULL;
    }

  /* People write their address as the user name, "@" and all:
   * imaps://zoe@example.org@imap.example.org. The last "@" ends it. */
  scheme_end = strstr (uri, "://") + 3;
  slash = strchr (scheme_end, '/');
  authority = scheme_end;
  last_at = g_strrstr_len (authority, slash != NULL ? slash - authority : -1, "@");
  if (last_at != NULL && memchr (authority, '@', last_at - authority) != NULL)
    {
      g_autofree char *user = g_strndup (authority, last_at - authority);
      g_autofree char *escaped = NULL;

      if (strchr (user, ':') != NULL)
        {
          g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                               _("The address holds a password: leave it out, other programs on this "
                                 "computer could read it there"));
          return NULL;
        }
      escaped = g_uri_escape_string (user, NULL, FALSE);
      fixed = g_strdup_printf ("%.*s%s%s", (int) (scheme_end - uri), uri, escaped, last_at);
    }

  parsed = g_uri_parse (fixed != NULL ? fixed : uri, G_URI_FLAGS_HAS_PASSWORD, &local_error);
  if (parsed == NULL)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("“%s” is not a mail account address (%s): write imaps://USER@HOST/MAILBOX"),
                   uri, local_error->message);
      return NULL;
    }

  if (g_uri_get_password (parsed) != NULL)
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                           _("The address holds a password: leave it out, other programs on this "
                             "computer could read it there"));
      return NULL;
    }
  if (g_uri_get_query (parsed) != NULL || g_uri_get_fragment (parsed) != NULL)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("“%s” is not a mail account address: write imaps://USER@HOST/MAILBOX, "
                     "with nothing after the mailbox"), uri);
      return NULL;
    }

  security = g_ascii_strcasecmp (g_uri_get_scheme (parsed), "imaps") == 0
             ? OBJECTOR_IMAP_SECURITY_TLS : OBJECTOR_IMAP_SECURITY_NONE;
  port = g_uri_get_port (parsed);
  path = g_uri_get_path (parsed);
  while (*path == '/')
    path++;

  return objector_imap_account_new (g_uri_get_host (parsed), port > 0 ? (guint) port : 0,
                                    g_uri_get_user (parsed), path, security, error);
}

const char *
objector_imap_account_get_host (ObjectorImapAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (self), NULL);
  return self->host;
}

guint
objector_imap_account_get_port (ObjectorImapAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (self), 0);
  return self->port;
}

const char *
objector_imap_account_get_user (ObjectorImapAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (self), NULL);
  return self->user;
}

const char *
objector_imap_account_get_mailbox (ObjectorImapAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (self), NULL);
  return self->mailbox;
}

ObjectorImapSecurity
objector_imap_account_get_security (ObjectorImapAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (self), OBJECTOR_IMAP_SECURITY_TLS);
  return self->security;
}

char *
objector_imap_account_dup_label (ObjectorImapAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (self), NULL);

  /* Translators: a mailbox and the mail server it is on: "INBOX on imap.example.org". */
  return g_strdup_printf (_("%s on %s"), self->mailbox, self->host);
}

const char *
objector_imap_account_get_ca_file (ObjectorImapAccount *self)
{
  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (self), NULL);
  return self->ca_file;
}

void
objector_imap_account_set_ca_file (ObjectorImapAccount *self,
                                   const char          *ca_file)
{
  g_return_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (self));

  g_autofree char *absolute = ca_file != NULL ? g_canonicalize_filename (ca_file, NULL) : NULL;

  if (g_strcmp0 (self->ca_file, absolute) == 0)
    return;
  g_free (self->ca_file);
  self->ca_file = g_steal_pointer (&absolute);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CA_FILE]);
}

/* Credentials */

struct _ObjectorImapCredential
{
  ObjectorImapCredentialKind  kind;
  char                       *secret;
};

G_DEFINE_BOXED_TYPE (ObjectorImapCredential, objector_imap_credential,
                     objector_imap_credential_copy, objector_imap_credential_free)

static ObjectorImapCredential *
credential_new (ObjectorImapCredentialKind  kind,
                const char                 *secret)
{
  ObjectorImapCredential *self = g_new0 (ObjectorImapCredential, 1);

  self->kind = kind;
  self->secret = g_strdup (secret);
  return self;
}

ObjectorImapCredential *
objector_imap_credential_new_password (const char *password)
{
  g_return_val_if_fail (password != NULL, NULL);
  return credential_new (OBJECTOR_IMAP_CREDENTIAL_PASSWORD, password);
}

ObjectorImapCredential *
objector_imap_credential_new_oauth2 (const char *access_token)
{
  g_return_val_if_fail (access_token != NULL, NULL);
  return credential_new (OBJECTOR_IMAP_CREDENTIAL_OAUTH2, access_token);
}

ObjectorImapCredential *
objector_imap_credential_copy (const ObjectorImapCredential *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return credential_new (self->kind, self->secret);
}

void
objector_imap_credential_free (ObjectorImapCredential *self)
{
  if (self == NULL)
    return;
  if (self->secret != NULL)
    {
      explicit_bzero (self->secret, strlen (self->secret));
      g_free (self->secret);
    }
  g_free (self);
}

ObjectorImapCredentialKind
objector_imap_credential_get_kind (const ObjectorImapCredential *self)
{
  g_return_val_if_fail (self != NULL, OBJECTOR_IMAP_CREDENTIAL_PASSWORD);
  return self->kind;
}

const char *
objector_imap_credential_get_secret (const ObjectorImapCredential *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->secret;
}

/* objector-imap-session.c — one read-only IMAP session through libetpan
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only these commands are ever sent: CAPABILITY, STARTTLS, LOGIN or
 * AUTHENTICATE XOAUTH2, EXAMINE (never SELECT: the mailbox is read-only on
 * the server's side), UID SEARCH, UID FETCH (UID RFC822.SIZE) and UID FETCH
 * (UID BODY.PEEK[]) (PEEK: nothing is marked read), LOGOUT. Nothing is
 * stored, moved, flagged or deleted, and nothing is cached on this computer.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-error.h"
#include "objector-imap-private.h"

/* libetpan's read buffer; a message of any size is read through it. */
#define STREAM_BUFFER_SIZE 8192

/* At most this many UIDs (as ranges) in one command: a server limits the
 * length of a command line (Dovecot to 64 kB). */
#define MAX_SET_ITEMS 500

struct _ObjectorImapSession
{
  ObjectorImapAccount     *account;
  guint                    timeout;
  GCancellable            *cancellable;
  ObjectorImapStreamState  state;
  mailimap                *imap;
};

ObjectorImapSession *
objector_imap_session_new (ObjectorImapAccount *account,
                           guint                timeout,
                           GCancellable        *cancellable)
{
  ObjectorImapSession *self;

  g_return_val_if_fail (OBJECTOR_IS_IMAP_ACCOUNT (account), NULL);
  g_return_val_if_fail (timeout > 0, NULL);

  self = g_new0 (ObjectorImapSession, 1);
  self->account = g_object_ref (account);
  self->timeout = timeout;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->state.cancellable = self->cancellable;
  return self;
}

void
objector_imap_session_free (ObjectorImapSession *self)
{
  if (self == NULL)
    return;

  /* Closes the stream, and with it the connection. */
  g_clear_pointer (&self->imap, mailimap_free);
  g_clear_error (&self->state.error);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  g_free (self);
}

guint64
objector_imap_session_get_bytes_read (ObjectorImapSession *self)
{
  return self->state.bytes_read;
}

/* Errors */

static const char *
host (ObjectorImapSession *self)
{
  return objector_imap_account_get_host (self->account);
}

/* What the server said last, made safe to show: one line, no control
 * characters, at most 200 characters; NULL when it said nothing. */
static char *
server_says (ObjectorImapSession *self)
{
  g_autofree char *text = NULL;
  GString *clean;

  if (self->imap == NULL || self->imap->imap_response == NULL || *self->imap->imap_response == '\0')
    return NULL;

  text = g_utf8_make_valid (self->imap->imap_response, -1);
  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0' && g_utf8_strlen (clean->str, -1) < 200; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (clean, g_unichar_iscntrl (c) ? ' ' : c);
    }
  g_strstrip (clean->str);
  if (clean->str[0] == '\0')
    {
      g_string_free (clean, TRUE);
      return NULL;
    }
  return g_string_free (clean, FALSE);
}

/* A GIO error while connecting or during TLS, as a sentence. */
static void
set_io_error (ObjectorImapSession  *self,
              GError               *cause,
              GError              **error)
{
  guint port = objector_imap_account_get_port (self->account);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                 g_dngettext (GETTEXT_PACKAGE,
                              "The mail server %s did not answer within %u second",
                              "The mail server %s did not answer within %u seconds",
                              self->timeout),
                 host (self), self->timeout);
  else if (g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_NOT_TLS))
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                 _("The mail server %s does not speak TLS on port %u: check the port "
                   "(993 is the usual one for imaps://)"),
                 host (self), port);
  else
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                 _("The connection to the mail server %s (port %u) failed: %s"),
                 host (self), port, cause->message);
}

/* libetpan gave up: a broken or stopped stream (the reason is in the
 * stream's state), or an answer it could not parse. */
static void
set_protocol_error (ObjectorImapSession  *self,
                    int                   code,
                    const char           *doing,
                    GError              **error)
{
  if (self->state.error != NULL)
    {
      set_io_error (self, self->state.error, error);
      return;
    }
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return;

  if (code == MAILIMAP_ERROR_STREAM)
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                 _("The mail server %s closed the connection while %s"), host (self), doing);
  else
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                 _("The mail server %s gave an answer Objector cannot read while %s (libetpan error %d)"),
                 host (self), doing, code);
}

/* The server answered "NO" or "BAD". */
static void
set_refused (ObjectorImapSession  *self,
             int                   code,
             const char           *message,
             GError              **error)
{
  g_autofree char *says = server_says (self);

  if (says != NULL)
    g_set_error (error, OBJECTOR_ERROR, code, _("%s (the server says: “%s”)"), message, says);
  else
    g_set_error_literal (error, OBJECTOR_ERROR, code, message);
}

static gboolean
is_refusal (int code)
{
  return code != MAILIMAP_ERROR_STREAM && code != MAILIMAP_ERROR_PARSE
         && code != MAILIMAP_ERROR_MEMORY && code != MAILIMAP_ERROR_FATAL
         && code != MAILIMAP_ERROR_BAD_STATE && code != MAILIMAP_ERROR_CONNECTION_REFUSED;
}

/* Connecting */

static char *
describe_certificate_errors (GTlsCertificateFlags flags)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    g_ptr_array_add (reasons, (gpointer) _("it is not signed by an authority this computer trusts"));
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    g_ptr_array_add (reasons, (gpointer) _("it is made out to another server"));
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    g_ptr_array_add (reasons, (gpointer) _("it is not valid yet"));
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    g_ptr_array_add (reasons, (gpointer) _("it has expired"));
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    g_ptr_array_add (reasons, (gpointer) _("it was revoked"));
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    g_ptr_array_add (reasons, (gpointer) _("it uses insecure cryptography"));
  if (reasons->len == 0)
    g_ptr_array_add (reasons, (gpointer) _("it could not be checked"));
  g_ptr_array_add (reasons, NULL);

  return g_strjoinv ("; ", (char **) reasons->pdata);
}

/* A verified TLS session over @base: GLib's certificate checks, host name
 * included; a certificate that fails them ends the connection, and no
 * password has been sent by then. */
static GIOStream *
start_tls (ObjectorImapSession  *self,
           GIOStream            *base,
           GError              **error)
{
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GSocketConnectable) identity = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *ca_file = objector_imap_account_get_ca_file (self->account);

  identity = g_network_address_new (host (self), objector_imap_account_get_port (self->account));
  tls = g_tls_client_connection_new (base, identity, &local_error);
  if (tls == NULL)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                   _("TLS is not available on this computer (%s): install glib-networking"),
                   local_error->message);
      return NULL;
    }

  if (ca_file != NULL)
    {
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (ca_file, &local_error);

      if (database == NULL)
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                       _("“%s” holds no certificate authority Objector can use: %s"),
                       ca_file, local_error->message);
          return NULL;
        }
      g_tls_connection_set_database (G_TLS_CONNECTION (tls), database);
    }

  if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls), self->cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
        {
          GTlsCertificateFlags flags = g_tls_connection_get_peer_certificate_errors (G_TLS_CONNECTION (tls));
          g_autofree char *why = describe_certificate_errors (flags);

          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                       _("The mail server %s did not prove who it is: its certificate failed "
                         "the check (%s). Nothing was sent to it"),
                       host (self), why);
        }
      else
        set_io_error (self, local_error, error);
      return NULL;
    }

  return g_steal_pointer (&tls);
}

static gboolean
refresh_capabilities (ObjectorImapSession  *self,
                      GError              **error)
{
  struct mailimap_capability_data *capabilities = NULL;
  int r = mailimap_capability (self->imap, &capabilities);

  if (r != MAILIMAP_NO_ERROR)
    {
      set_protocol_error (self, r, _("listing what it can do"), error);
      return FALSE;
    }
  mailimap_capability_data_free (capabilities);
  return TRUE;
}

/* STARTTLS, then the stream goes on inside TLS. Anything the server sent
 * after its answer and before the handshake is refused by libetpan (it
 * could be an injected response), and what it said it can do before TLS is
 * asked again. */
static gboolean
upgrade_to_tls (ObjectorImapSession  *self,
                GIOStream            *plain,
                GError              **error)
{
  g_autoptr(GIOStream) tls = NULL;
  mailstream_low *old_low;
  mailstream_low *low;
  int r;

  if (!mailimap_has_extension (self->imap, "STARTTLS"))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                   _("The mail server %s offers no encryption (STARTTLS) on port %u, so Objector "
                     "did not log in: use imaps:// and port 993"),
                   host (self), objector_imap_account_get_port (self->account));
      return FALSE;
    }

  r = mailimap_starttls (self->imap);
  if (r != MAILIMAP_NO_ERROR)
    {
      if (r == MAILIMAP_ERROR_STARTTLS)
        set_refused (self, OBJECTOR_ERROR_NETWORK, _("The mail server refused to start encryption (STARTTLS)"),
                     error);
      else
        set_protocol_error (self, r, _("starting encryption"), error);
      return FALSE;
    }

  if (!(tls = start_tls (self, plain, error)))
    return FALSE;

  low = objector_imap_stream_new (tls, &self->state);
  old_low = mailstream_get_low (self->imap->imap_stream);
  mailstream_set_low (self->imap->imap_stream, low);
  mailstream_low_free (old_low);

  return refresh_capabilities (self, error);
}

gboolean
objector_imap_session_connect (ObjectorImapSession  *self,
                               GError              **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GIOStream) io = NULL;
  g_autoptr(GError) local_error = NULL;
  ObjectorImapSecurity security = objector_imap_account_get_security (self->account);
  mailstream_low *low;
  mailstream *stream;
  int r;

  g_return_val_if_fail (self->imap == NULL, FALSE);

  g_socket_client_set_timeout (client, self->timeout);
  /* Straight to the server named, nowhere else: no proxy, and so no
   * proxy auto-discovery (WPAD) asking the network where one is. */
  g_socket_client_set_enable_proxy (client, FALSE);

  connection = g_socket_client_connect_to_host (client, host (self),
                                                objector_imap_account_get_port (self->account),
                                                self->cancellable, &local_error);
  if (connection == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        set_io_error (self, local_error, error);
      else
        g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                     _("Could not reach the mail server %s (port %u): %s"),
                     host (self), objector_imap_account_get_port (self->account), local_error->message);
      return FALSE;
    }

  if (security == OBJECTOR_IMAP_SECURITY_TLS)
    {
      if (!(io = start_tls (self, G_IO_STREAM (connection), error)))
        return FALSE;
    }
  else
    io = G_IO_STREAM (g_object_ref (connection));

  self->imap = mailimap_new (0, NULL);
  low = objector_imap_stream_new (io, &self->state);
  stream = mailstream_new (low, STREAM_BUFFER_SIZE);

  r = mailimap_connect (self->imap, stream);
  if (r != MAILIMAP_NO_ERROR_NON_AUTHENTICATED && r != MAILIMAP_NO_ERROR_AUTHENTICATED)
    {
      if (r == MAILIMAP_ERROR_DONT_ACCEPT_CONNECTION)
        set_refused (self, OBJECTOR_ERROR_NETWORK, _("The mail server does not accept connections now"), error);
      else
        set_protocol_error (self, r, _("greeting"), error);
      return FALSE;
    }

  if (security == OBJECTOR_IMAP_SECURITY_STARTTLS)
    {
      /* A server that logs in before TLS cannot be upgraded: refused. */
      if (r == MAILIMAP_NO_ERROR_AUTHENTICATED)
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NETWORK,
                       _("The mail server %s logged in before encryption started, so Objector stopped"),
                       host (self));
          return FALSE;
        }
      if (!refresh_capabilities (self, error) || !upgrade_to_tls (self, G_IO_STREAM (connection), error))
        return FALSE;
    }
  else if (!refresh_capabilities (self, error))
    return FALSE;

  return TRUE;
}

gboolean
objector_imap_session_login (ObjectorImapSession           *self,
                             const ObjectorImapCredential  *credential,
                             GError                       **error)
{
  const char *user = objector_imap_account_get_user (self->account);
  g_autofree char *message = NULL;
  int r;

  g_return_val_if_fail (self->imap != NULL, FALSE);
  g_return_val_if_fail (credential != NULL, FALSE);

  if (self->imap->imap_state == MAILIMAP_STATE_AUTHENTICATED)
    return TRUE;

  switch (objector_imap_credential_get_kind (credential))
    {
    case OBJECTOR_IMAP_CREDENTIAL_OAUTH2:
      if (!mailimap_has_authentication (self->imap, "XOAUTH2"))
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_AUTH_FAILED,
                       _("The mail server %s does not take OAuth2 tokens (XOAUTH2): log in with a password"),
                       host (self));
          return FALSE;
        }
      r = mailimap_oauth2_authenticate (self->imap, user, objector_imap_credential_get_secret (credential));
      break;
    case OBJECTOR_IMAP_CREDENTIAL_PASSWORD:
    default:
      if (mailimap_has_extension (self->imap, "LOGINDISABLED"))
        {
          g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_AUTH_FAILED,
                       _("The mail server %s does not take a password here"), host (self));
          return FALSE;
        }
      r = mailimap_login (self->imap, user, objector_imap_credential_get_secret (credential));
      break;
    }

  if (r == MAILIMAP_NO_ERROR)
    return TRUE;

  if (r == MAILIMAP_ERROR_LOGIN)
    {
      message = g_strdup_printf (_("The mail server %s refused the user name “%s” or its password"),
                                 host (self), user);
      set_refused (self, OBJECTOR_ERROR_AUTH_FAILED, message, error);
    }
  else
    set_protocol_error (self, r, _("logging in"), error);
  return FALSE;
}

gboolean
objector_imap_session_examine (ObjectorImapSession  *self,
                               guint                *n_messages,
                               GError              **error)
{
  const char *mailbox = objector_imap_account_get_mailbox (self->account);
  int r;

  g_return_val_if_fail (self->imap != NULL, FALSE);

  r = mailimap_examine (self->imap, mailbox);
  if (r != MAILIMAP_NO_ERROR)
    {
      if (is_refusal (r))
        {
          g_autofree char *message = g_strdup_printf (_("There is no mailbox “%s” on %s, or it cannot be opened"),
                                                      mailbox, host (self));

          set_refused (self, OBJECTOR_ERROR_NOT_FOUND, message, error);
        }
      else
        set_protocol_error (self, r, _("opening the mailbox"), error);
      return FALSE;
    }

  if (n_messages != NULL)
    *n_messages = self->imap->imap_selection_info != NULL ? self->imap->imap_selection_info->sel_exists : 0;
  return TRUE;
}

/* Searching */

static struct mailimap_search_key *
search_key_new (const char * const *domains,
                GDateTime          *since)
{
  struct mailimap_search_key *from = NULL;
  struct mailimap_search_key *all;
  int year, month, day;

  for (guint i = 0; domains[i] != NULL; i++)
    {
      struct mailimap_search_key *key = mailimap_search_key_new_from (strdup (domains[i]));

      from = from == NULL ? key : mailimap_search_key_new_or (from, key);
    }

  if (since == NULL)
    return from;

  g_date_time_get_ymd (since, &year, &month, &day);
  all = mailimap_search_key_new_multiple_empty ();
  mailimap_search_key_multiple_add (all, mailimap_search_key_new_since (mailimap_date_new (day, month, year)));
  mailimap_search_key_multiple_add (all, from);
  return all;
}

static int
compare_uids (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

GArray *
objector_imap_session_search (ObjectorImapSession  *self,
                              const char * const   *domains,
                              GDateTime            *since,
                              GError              **error)
{
  struct mailimap_search_key *key;
  clist *result = NULL;
  GArray *uids;
  int r;

  g_return_val_if_fail (self->imap != NULL, NULL);
  g_return_val_if_fail (domains != NULL && domains[0] != NULL, NULL);

  key = search_key_new (domains, since);
  r = mailimap_uid_search (self->imap, NULL, key, &result);
  mailimap_search_key_free (key);

  if (r != MAILIMAP_NO_ERROR)
    {
      if (is_refusal (r))
        set_refused (self, OBJECTOR_ERROR_NETWORK, _("The mail server refused the search"), error);
      else
        set_protocol_error (self, r, _("searching"), error);
      return NULL;
    }

  uids = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (clistiter *i = clist_begin (result); i != NULL; i = clist_next (i))
    {
      guint32 uid = *(uint32_t *) clist_content (i);

      g_array_append_val (uids, uid);
    }
  mailimap_search_result_free (result);

  g_array_sort (uids, compare_uids);
  return uids;
}

/* Fetching */

/* @uids are ascending: runs become ranges ("4:9,12"). */
static struct mailimap_set *
uid_set_new (const guint32 *uids,
             guint          n_uids)
{
  struct mailimap_set *set = mailimap_set_new_empty ();

  for (guint i = 0; i < n_uids;)
    {
      guint j = i;

      while (j + 1 < n_uids && uids[j + 1] == uids[j] + 1)
        j++;
      if (i == j)
        mailimap_set_add_single (set, uids[i]);
      else
        mailimap_set_add_interval (set, uids[i], uids[j]);
      i = j + 1;
    }
  return set;
}

static guint
count_runs (const guint32 *uids,
            guint          n_uids,
            guint          max_runs)
{
  guint runs = 0;
  guint i;

  for (i = 0; i < n_uids; i++)
    if (i == 0 || uids[i] != uids[i - 1] + 1)
      {
        if (runs == max_runs)
          break;
        runs++;
      }
  return i;
}

typedef struct
{
  guint32      uid;
  gboolean     has_uid;
  guint32      size;
  gboolean     has_size;
  const char  *body;
  gsize        length;
} MessageAttributes;

static void
read_attributes (struct mailimap_msg_att *att,
                 MessageAttributes       *out)
{
  memset (out, 0, sizeof *out);
  for (clistiter *i = clist_begin (att->att_list); i != NULL; i = clist_next (i))
    {
      struct mailimap_msg_att_item *item = clist_content (i);
      struct mailimap_msg_att_static *value;

      if (item->att_type != MAILIMAP_MSG_ATT_ITEM_STATIC || item->att_data.att_static == NULL)
        continue;
      value = item->att_data.att_static;
      switch (value->att_type)
        {
        case MAILIMAP_MSG_ATT_UID:
          out->uid = value->att_data.att_uid;
          out->has_uid = TRUE;
          break;
        case MAILIMAP_MSG_ATT_RFC822_SIZE:
          out->size = value->att_data.att_rfc822_size;
          out->has_size = TRUE;
          break;
        case MAILIMAP_MSG_ATT_BODY_SECTION:
          if (value->att_data.att_body_section != NULL && value->att_data.att_body_section->sec_body_part != NULL)
            {
              out->body = value->att_data.att_body_section->sec_body_part;
              out->length = value->att_data.att_body_section->sec_length;
            }
          break;
        default:
          break;
        }
    }
}

static clist *
uid_fetch (ObjectorImapSession         *self,
           const guint32               *uids,
           guint                        n_uids,
           struct mailimap_fetch_att   *what,
           GError                     **error)
{
  struct mailimap_fetch_type *type = mailimap_fetch_type_new_fetch_att_list_empty ();
  struct mailimap_set *set = uid_set_new (uids, n_uids);
  clist *result = NULL;
  int r;

  mailimap_fetch_type_new_fetch_att_list_add (type, mailimap_fetch_att_new_uid ());
  mailimap_fetch_type_new_fetch_att_list_add (type, what);
  r = mailimap_uid_fetch (self->imap, set, type, &result);
  mailimap_fetch_type_free (type);
  mailimap_set_free (set);

  if (r != MAILIMAP_NO_ERROR)
    {
      if (is_refusal (r))
        set_refused (self, OBJECTOR_ERROR_NETWORK, _("The mail server refused to send the messages"), error);
      else
        set_protocol_error (self, r, _("fetching messages"), error);
      return NULL;
    }
  return result;
}

GArray *
objector_imap_session_fetch_sizes (ObjectorImapSession  *self,
                                   const guint32        *uids,
                                   guint                 n_uids,
                                   GError              **error)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (ObjectorImapMessageSize));

  g_return_val_if_fail (self->imap != NULL, NULL);

  for (guint done = 0; done < n_uids;)
    {
      guint n = count_runs (uids + done, n_uids - done, MAX_SET_ITEMS);
      clist *result = uid_fetch (self, uids + done, n, mailimap_fetch_att_new_rfc822_size (), error);

      if (result == NULL)
        return NULL;
      for (clistiter *i = clist_begin (result); i != NULL; i = clist_next (i))
        {
          MessageAttributes attributes;

          read_attributes (clist_content (i), &attributes);
          if (attributes.has_uid && attributes.has_size)
            {
              ObjectorImapMessageSize size = { attributes.uid, attributes.size };

              g_array_append_val (sizes, size);
            }
        }
      mailimap_fetch_list_free (result);
      done += n;
    }

  /* The server may answer in any order; the scan goes in UID order
   * (an ObjectorImapMessageSize starts with its UID). */
  g_array_sort (sizes, compare_uids);
  return g_steal_pointer (&sizes);
}

gboolean
objector_imap_session_fetch (ObjectorImapSession    *self,
                             const guint32          *uids,
                             guint                   n_uids,
                             ObjectorImapFetchFunc   func,
                             gpointer                user_data,
                             GError                **error)
{
  g_return_val_if_fail (self->imap != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  for (guint done = 0; done < n_uids;)
    {
      guint n = count_runs (uids + done, n_uids - done, MAX_SET_ITEMS);
      struct mailimap_fetch_att *body = mailimap_fetch_att_new_body_peek_section (mailimap_section_new (NULL));
      clist *result = uid_fetch (self, uids + done, n, body, error);
      gboolean ok = TRUE;

      if (result == NULL)
        return FALSE;
      for (clistiter *i = clist_begin (result); ok && i != NULL; i = clist_next (i))
        {
          MessageAttributes attributes;

          read_attributes (clist_content (i), &attributes);
          /* A FETCH the server sends on its own (a flag changed elsewhere)
           * has no body: not one of ours. */
          if (attributes.has_uid && attributes.body != NULL)
            ok = func (attributes.uid, attributes.body, attributes.length, user_data, error);
        }
      mailimap_fetch_list_free (result);
      if (!ok)
        return FALSE;
      done += n;
    }

  return TRUE;
}

void
objector_imap_session_logout (ObjectorImapSession *self)
{
  if (self->imap == NULL || self->imap->imap_stream == NULL)
    return;
  if (g_cancellable_is_cancelled (self->cancellable) || self->state.error != NULL)
    return;
  mailimap_logout (self->imap);
}

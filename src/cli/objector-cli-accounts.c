/* objector-cli-accounts.c — objector accounts, and scan-mail --account ID
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's mail accounts (GNOME Online Accounts' with IMAP mail, and
 * those added in Objector's window), and a scan of one of them. Only these
 * two commands talk to GNOME Online Accounts and the keyring.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-cli-private.h"
#include "objector-error.h"
#include "objector-keyring.h"
#include "objector-mail-accounts.h"

/* Waiting for the core's asynchronous calls */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Asks GNOME Online Accounts and reads the saved accounts. FALSE with
 * @error when the saved accounts' file could not be read; the list then
 * still holds the online accounts. */
static gboolean
refresh_accounts (ObjectorMailAccounts  *accounts,
                  GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  objector_mail_accounts_refresh_async (accounts, NULL, store_result_cb, &result);
  wait_for_result (&result);
  return objector_mail_accounts_refresh_finish (accounts, result, error);
}

/* Words for scripts (--json) */

static const char *
origin_to_string (ObjectorMailAccountOrigin origin)
{
  return origin == OBJECTOR_MAIL_ACCOUNT_ONLINE ? "online" : "saved";
}

static const char *
status_to_string (ObjectorMailAccountStatus status)
{
  switch (status)
    {
    case OBJECTOR_MAIL_ACCOUNT_NEEDS_SIGN_IN:
      return "needs-sign-in";
    case OBJECTOR_MAIL_ACCOUNT_MAIL_DISABLED:
      return "mail-disabled";
    case OBJECTOR_MAIL_ACCOUNT_READY:
    default:
      return "ready";
    }
}

static JsonNode *
account_json (ObjectorMailAccount *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  ObjectorImapAccount *imap = objector_mail_account_get_imap (account);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, objector_mail_account_get_id (account));
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, objector_mail_account_get_label (account));
  json_builder_set_member_name (builder, "origin");
  json_builder_add_string_value (builder, origin_to_string (objector_mail_account_get_origin (account)));
  objector_cli_add_string_or_null (builder, "provider", objector_mail_account_get_provider_name (account));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, status_to_string (objector_mail_account_get_status (account)));
  json_builder_set_member_name (builder, "auth");
  json_builder_add_string_value (builder,
                                 objector_mail_account_get_auth (account) == OBJECTOR_IMAP_CREDENTIAL_OAUTH2
                                 ? "oauth2" : "password");
  /* Where the mail is: null when mail is off, or the server is not usable. */
  objector_cli_add_string_or_null (builder, "server", imap ? objector_imap_account_get_host (imap) : NULL);
  json_builder_set_member_name (builder, "port");
  if (imap != NULL)
    json_builder_add_int_value (builder, objector_imap_account_get_port (imap));
  else
    json_builder_add_null_value (builder);
  objector_cli_add_string_or_null (builder, "user", imap ? objector_imap_account_get_user (imap) : NULL);
  objector_cli_add_string_or_null (builder, "mailbox", imap ? objector_imap_account_get_mailbox (imap) : NULL);
  objector_cli_add_string_or_null (builder, "security",
                                   imap ? objector_imap_security_to_string (objector_imap_account_get_security (imap)) : NULL);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* objector accounts */

static const char *
status_to_text (ObjectorMailAccountStatus status)
{
  switch (status)
    {
    case OBJECTOR_MAIL_ACCOUNT_NEEDS_SIGN_IN:
      /* Translators: a column of “objector accounts”; keep it short. */
      return _("sign in again");
    case OBJECTOR_MAIL_ACCOUNT_MAIL_DISABLED:
      /* Translators: a column of “objector accounts”; keep it short. */
      return _("mail off");
    case OBJECTOR_MAIL_ACCOUNT_READY:
    default:
      /* Translators: a column of “objector accounts”; keep it short. */
      return _("ready");
    }
}

static void
print_accounts (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  gboolean settings_needed = FALSE;
  int id_width = strlen (_("ID"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorMailAccount) account = g_list_model_get_item (list, i);

      id_width = MAX (id_width, (int) strlen (objector_mail_account_get_id (account)));
    }

  /* Translators: column headings of “objector accounts”; keep them short. */
  g_print ("%-*s  %-13s  %s\n", id_width, _("ID"), _("STATUS"), _("ACCOUNT"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorMailAccount) account = g_list_model_get_item (list, i);
      const char *provider = objector_mail_account_get_provider_name (account);
      ObjectorMailAccountStatus status = objector_mail_account_get_status (account);
      g_autofree char *where = NULL;
      g_autofree char *line = NULL;

      if (objector_mail_account_get_origin (account) == OBJECTOR_MAIL_ACCOUNT_ONLINE)
        /* Translators: in “objector accounts”: the provider (“Google”), then where the account is set up. */
        where = g_strdup_printf (_("%s, in GNOME Online Accounts"), provider ? provider : "IMAP");
      else if (provider != NULL)
        /* Translators: in “objector accounts”: the provider (“GMX”), then where the account is set up. */
        where = g_strdup_printf (_("%s, added in Objector"), provider);
      else
        where = g_strdup (_("added in Objector"));

      line = g_strdup_printf ("%-*s  %-13s  %s (%s)", id_width, objector_mail_account_get_id (account),
                              status_to_text (status), objector_mail_account_get_label (account), where);
      objector_cli_print_safe (FALSE, line);
      settings_needed |= status != OBJECTOR_MAIL_ACCOUNT_READY;
    }

  if (settings_needed)
    g_print (_("\nAn account marked “sign in again” or “mail off” is fixed in Settings → Online Accounts.\n"));
  g_print (_("\nLook for Meta’s answers in one with “objector scan-mail --account ID”.\n"));
}

int
objector_cli_accounts (CliOptions *options)
{
  g_autoptr(ObjectorMailAccounts) accounts = objector_mail_accounts_new (NULL);
  g_autoptr(GError) error = NULL;
  const GError *online_error;
  GListModel *list = G_LIST_MODEL (accounts);
  int status = OBJECTOR_EXIT_OK;

  /* A damaged file of saved accounts is said, and the online ones listed. */
  if (!refresh_accounts (accounts, &error))
    status = objector_cli_fail (error);
  online_error = objector_mail_accounts_get_online_error (accounts);

  if (options->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(ObjectorMailAccount) account = g_list_model_get_item (list, i);

          json_array_add_element (array, account_json (account));
        }
      json_node_set_array (root, array);
      objector_cli_print_json (root);
      if (online_error != NULL)
        g_printerr ("objector: %s\n", online_error->message);
      return status;
    }

  if (online_error != NULL)
    g_print (_("%s: only the accounts added in Objector are listed.\n"), online_error->message);

  if (g_list_model_get_n_items (list) == 0)
    {
      g_print (_("No mail accounts. Add one in Settings → Online Accounts, or in Objector’s window "
                 "(Find Meta’s Emails → Look in My Mail Account).\n"));
      return status;
    }

  print_accounts (list);
  return status;
}

/* objector scan-mail --account ID */

/* The account whose id is or begins with @id, after a refresh. */
static ObjectorMailAccount *
find_account (const char  *id,
              GError     **error)
{
  g_autoptr(ObjectorMailAccounts) accounts = objector_mail_accounts_new (NULL);
  g_autoptr(GError) refresh_error = NULL;
  g_autoptr(GError) lookup_error = NULL;
  ObjectorMailAccount *account;
  const GError *online_error;

  refresh_accounts (accounts, &refresh_error);
  online_error = objector_mail_accounts_get_online_error (accounts);

  account = objector_mail_accounts_lookup (accounts, id, &lookup_error);
  if (account != NULL)
    {
      /* The saved accounts' file was set aside, yet this one is there. */
      if (refresh_error != NULL)
        g_printerr ("objector: %s\n", refresh_error->message);
      return account;
    }

  /* Say why it is not there, if we know. */
  if (online_error != NULL && g_str_has_prefix (id, "goa"))
    g_propagate_error (error, g_error_copy (online_error));
  else if (refresh_error != NULL && g_str_has_prefix (id, "saved"))
    g_propagate_error (error, g_steal_pointer (&refresh_error));
  else if (g_error_matches (lookup_error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND))
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
                 _("No mail account has the id “%s”: “objector accounts” lists them"), id);
  else
    g_propagate_error (error, g_steal_pointer (&lookup_error));
  return NULL;
}

/* The server and credential of a saved account, its password from the
 * keyring (the person set it up in the app), or from standard input. */
static ObjectorImapAccount *
saved_login (ObjectorMailAccount     *account,
             gboolean                 password_stdin,
             ObjectorImapCredential **credential,
             GError                 **error)
{
  ObjectorImapAccount *imap = objector_mail_account_get_imap (account);
  g_autoptr(ObjectorImapAccount) copy = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) keyring_error = NULL;

  /* A copy, so that --cafile changes nothing of the listed account. */
  copy = objector_imap_account_new (objector_imap_account_get_host (imap),
                                    objector_imap_account_get_port (imap),
                                    objector_imap_account_get_user (imap),
                                    objector_imap_account_get_mailbox (imap),
                                    objector_imap_account_get_security (imap), error);
  if (copy == NULL)
    return NULL;

  if (password_stdin)
    {
      g_autofree char *password = objector_cli_read_password (copy, error);

      if (password == NULL)
        return NULL;
      *credential = objector_imap_credential_new_password (password);
      explicit_bzero (password, strlen (password));
      return g_steal_pointer (&copy);
    }

  objector_keyring_lookup_async (copy, NULL, store_result_cb, &result);
  wait_for_result (&result);
  *credential = objector_keyring_lookup_finish (result, &keyring_error);
  if (g_error_matches (keyring_error, OBJECTOR_ERROR, OBJECTOR_ERROR_UNAVAILABLE))
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_PASSWORD,
                 _("No keyring is available to take the password of %s from: give it with --password-stdin"),
                 objector_mail_account_get_label (account));
  else if (keyring_error != NULL)
    g_propagate_error (error, g_steal_pointer (&keyring_error));
  else if (*credential == NULL)
    g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_PASSWORD,
                 _("No password is kept in the keyring for %s: give it with --password-stdin"),
                 objector_mail_account_get_label (account));
  else
    return g_steal_pointer (&copy);
  return NULL;
}

/* An online account's server and credential, from GNOME Online Accounts now. */
static ObjectorImapAccount *
online_login (ObjectorMailAccount     *account,
              ObjectorImapCredential **credential,
              GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  objector_mail_account_login_async (account, NULL, store_result_cb, &result);
  wait_for_result (&result);
  return objector_mail_account_login_finish (account, result, credential, error);
}

int
objector_cli_scan_account (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorMailAccount) account = NULL;
  g_autoptr(ObjectorImapAccount) imap = NULL;
  g_autoptr(ObjectorImapCredential) credential = NULL;
  g_auto(CliImapScan) scan = { 0 };
  int status;

  if (g_strv_length (options->args) > 0)
    return objector_cli_usage_error ("scan-mail",
                                     _("Give either --account ID or a file or imaps:// address, not both"));
  if ((status = objector_cli_imap_scan_check_since (options, &scan)) != OBJECTOR_EXIT_OK)
    return status;

  if (!(account = find_account (options->account, &error)))
    return objector_cli_fail (error);

  if (options->password_stdin && objector_mail_account_get_origin (account) == OBJECTOR_MAIL_ACCOUNT_ONLINE)
    return objector_cli_usage_error ("scan-mail",
                                     _("--password-stdin is for an account added in Objector: GNOME Online "
                                       "Accounts gives the password of its own accounts"));

  if ((status = objector_cli_imap_scan_prepare (options, &scan)) != OBJECTOR_EXIT_OK)
    return status;

  if (objector_mail_account_get_origin (account) == OBJECTOR_MAIL_ACCOUNT_ONLINE)
    imap = online_login (account, &credential, &error);
  else
    imap = saved_login (account, options->password_stdin, &credential, &error);
  if (imap == NULL)
    return objector_cli_fail (error);

  return objector_cli_imap_scan_run (options, &scan, imap, credential);
}

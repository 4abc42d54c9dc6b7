/* objector-cli-imap.c — scan-mail imaps://…, and scan-mail --log
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "objector-cli-private.h"
#include "objector-error.h"
#include "objector-imap-account.h"
#include "objector-imap-scanner.h"

/* A password longer than this is no password. */
#define MAX_SECRET_LENGTH 4096

gboolean
objector_cli_scan_check_file_options (CliOptions *options)
{
  const char *option = NULL;
  g_autofree char *message = NULL;

  if (options->password_stdin)
    option = "--password-stdin";
  else if (options->cafile != NULL)
    option = "--cafile";
  else if (options->since != NULL)
    option = "--since";
  if (option == NULL)
    return TRUE;

  message = g_strdup_printf (_("%s is for a mail account (imaps://USER@HOST/MAILBOX), not a file"), option);
  objector_cli_usage_error ("scan-mail", message);
  return FALSE;
}

/* Logging what was found */

int
objector_cli_log_found (ObjectorStore *store,
                        GPtrArray     *found,
                        gboolean       to_stderr)
{
  int status = OBJECTOR_EXIT_OK;

  for (guint i = 0; i < found->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (found, i);
      g_autoptr(ObjectorObjection) match = NULL;
      g_autoptr(ObjectorMailLogResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *label = NULL;
      g_autofree char *line = NULL;
      ObjectorMailKind kind = objector_mail_get_kind (mail);

      /* Only answers to an objection: Meta's other mail is no step, and
       * what the rules cannot read waits for the person. */
      if (kind == OBJECTOR_MAIL_KIND_OTHER || kind == OBJECTOR_MAIL_KIND_UNRECOGNISED)
        continue;

      label = objector_mail_dup_source_label (mail);
      match = objector_mail_match (mail, G_LIST_MODEL (store));

      if (objector_mail_get_verdict (mail) != OBJECTOR_MAIL_VERDICT_VERIFIED)
        line = g_strdup_printf (_("%s: %s, not verified — not logged: only a verified answer is "
                                  "logged by itself. Check it in your mail; if it is genuine, "
                                  "save it and use “objector import-email”"),
                                label, objector_mail_kind_to_string (kind));
      else if (match == NULL)
        line = g_strdup_printf (_("%s: %s, verified — not logged: it matches no objection (none has its "
                                  "platform, its recipient and an earlier date)"),
                                label, objector_mail_kind_to_string (kind));
      else if (!objector_mail_log (store, objector_objection_get_id (match), mail, NULL, &result, &error))
        {
          objector_cli_print_safe (TRUE, error->message);
          status = OBJECTOR_EXIT_FAILED;
          continue;
        }
      else
        line = objector_cli_describe_logged (mail, NULL, result);

      objector_cli_print_safe (to_stderr, line);
    }

  return status;
}

/* The password */

/* One line from standard input, without its line end; with the terminal's
 * echo off when it is a terminal. NULL at once on end of input. */
static char *
read_secret (const char  *prompt,
             GError     **error)
{
  g_autoptr(GString) secret = g_string_new (NULL);
  gboolean tty = isatty (STDIN_FILENO);
  struct termios saved;
  gboolean echo_off = FALSE;
  char c;

  if (tty)
    {
      struct termios quiet;

      g_printerr ("%s", prompt);
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }

  for (;;)
    {
      gssize n = read (STDIN_FILENO, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || c == '\n')
        break;
      if (secret->len >= MAX_SECRET_LENGTH)
        break;
      g_string_append_c (secret, c);
    }

  if (echo_off)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (secret->len > 0 && secret->str[secret->len - 1] == '\r')
    g_string_truncate (secret, secret->len - 1);

  if (secret->len == 0 || secret->len >= MAX_SECRET_LENGTH)
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                           secret->len == 0 ? _("No password came on standard input")
                                            : _("What came on standard input is too long to be a password"));
      explicit_bzero (secret->str, secret->len);
      return NULL;
    }

  {
    char *copy = g_strndup (secret->str, secret->len);

    explicit_bzero (secret->str, secret->len);
    return copy;
  }
}

/* The scan */

static void
imap_progress_cb (ObjectorImapScanner *scanner,
                  GParamSpec          *pspec,
                  gpointer             user_data)
{
  const char *host = user_data;

  g_printerr ("\r\033[K");
  switch (objector_imap_scanner_get_phase (scanner))
    {
    case OBJECTOR_IMAP_PHASE_CONNECTING:
      g_printerr (_("Connecting to %s…"), host);
      break;
    case OBJECTOR_IMAP_PHASE_LOGGING_IN:
      g_printerr (_("Logging in to %s…"), host);
      break;
    case OBJECTOR_IMAP_PHASE_SEARCHING:
      g_printerr (_("Searching…"));
      break;
    case OBJECTOR_IMAP_PHASE_FETCHING:
      /* Translators: progress of a mail account scan: messages downloaded, of how many. */
      g_printerr (_("Downloading Meta’s messages… %u of %u"),
                  objector_imap_scanner_get_n_fetched (scanner),
                  objector_imap_scanner_get_n_matched (scanner));
      break;
    case OBJECTOR_IMAP_PHASE_IDLE:
    case OBJECTOR_IMAP_PHASE_DONE:
    default:
      break;
    }
}

static GDateTime *
parse_day (const char *text)
{
  int year, month, day;

  /* YYYY-MM-DD, nothing else. */
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return NULL;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

/* OBJECTOR_IMAP_TIMEOUT: seconds, for slow servers (and for tests). */
static guint
timeout_from_environment (void)
{
  const char *text = g_getenv ("OBJECTOR_IMAP_TIMEOUT");
  guint64 seconds = 0;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 3600, &seconds, NULL))
    return seconds;
  return OBJECTOR_IMAP_DEFAULT_TIMEOUT;
}

static void
print_summary (ObjectorImapScanner *scanner,
               const char          *label,
               const char          *since,
               guint                shown)
{
  guint matched = objector_imap_scanner_get_n_matched (scanner);
  guint messages = objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner));
  guint skipped = objector_scanner_get_n_skipped (OBJECTOR_SCANNER (scanner));

  if (shown == 0)
    g_print (_("No answers from Meta in %s since %s.\n"), label, since);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "\n%u email from Meta, or pretending to be, in %s since %s.\n",
                          "\n%u emails from Meta, or pretending to be, in %s since %s.\n", shown),
             shown, label, since);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The server searched its %u message and found %u from Meta’s addresses: "
                        "only those were downloaded.\n",
                        "The server searched its %u messages and found %u from Meta’s addresses: "
                        "only those were downloaded.\n", messages),
           messages, matched);
  if (skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u message that may be from Meta could not be read.\n",
                          "%u messages that may be from Meta could not be read.\n", skipped),
             skipped);
}

void
objector_cli_imap_scan_clear (CliImapScan *scan)
{
  g_clear_object (&scan->playbook);
  g_clear_object (&scan->store);
  g_clear_pointer (&scan->since, g_date_time_unref);
}

int
objector_cli_imap_scan_check_since (CliOptions  *options,
                                    CliImapScan *scan)
{
  if (options->since != NULL && !(scan->since = parse_day (options->since)))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a day: write it as YYYY-MM-DD, such as 2026-06-01"),
                                                  options->since);
      return objector_cli_usage_error ("scan-mail", message);
    }
  return OBJECTOR_EXIT_OK;
}

int
objector_cli_imap_scan_prepare (CliOptions  *options,
                                CliImapScan *scan)
{
  g_autoptr(GError) error = NULL;

  if (options->cafile != NULL && !g_file_test (options->cafile, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (&error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("There is no file “%s” to take the certificate authority from"), options->cafile);
      return objector_cli_fail (error);
    }

  if (!(scan->playbook = objector_cli_load_playbook (options, &error)))
    return objector_cli_fail (error);
  if (!(scan->store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  if (scan->since == NULL && !(scan->since = objector_imap_scanner_default_since (G_LIST_MODEL (scan->store))))
    return objector_cli_usage_error ("scan-mail",
                                     _("You have no objection yet, so Objector does not know from which day "
                                       "to search: give --since YYYY-MM-DD"));
  return OBJECTOR_EXIT_OK;
}

char *
objector_cli_read_password (ObjectorImapAccount  *account,
                            GError              **error)
{
  g_autofree char *prompt = NULL;

  /* Translators: asked on the terminal; the user name and the mail server. */
  prompt = g_strdup_printf (_("Password for %s on %s: "), objector_imap_account_get_user (account),
                            objector_imap_account_get_host (account));
  return read_secret (prompt, error);
}

int
objector_cli_imap_scan_run (CliOptions                   *options,
                            CliImapScan                  *scan,
                            ObjectorImapAccount          *account,
                            const ObjectorImapCredential *credential)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorImapScanner) scanner = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *label = NULL;
  g_autofree char *since_day = NULL;
  gboolean show_progress = !options->json && isatty (STDERR_FILENO);
  guint shown;
  guint unrecognised;
  guint other;
  int status;

  if (options->cafile != NULL)
    objector_imap_account_set_ca_file (account, options->cafile);
  since_day = g_date_time_format (scan->since, "%Y-%m-%d");

  scanner = objector_imap_scanner_new (scan->playbook);
  /* Nothing from Meta is hidden, as for a file. */
  objector_scanner_set_include_other (OBJECTOR_SCANNER (scanner), TRUE);
  objector_imap_scanner_set_since (scanner, scan->since);
  objector_imap_scanner_set_timeout (scanner, timeout_from_environment ());
  if (show_progress)
    {
      g_signal_connect (scanner, "notify::phase", G_CALLBACK (imap_progress_cb),
                        (gpointer) objector_imap_account_get_host (account));
      g_signal_connect (scanner, "notify::n-fetched", G_CALLBACK (imap_progress_cb),
                        (gpointer) objector_imap_account_get_host (account));
    }

  found = objector_imap_scanner_scan (scanner, account, credential, NULL, &error);
  if (show_progress)
    g_printerr ("\r\033[K");
  if (found == NULL)
    return objector_cli_fail (error);

  label = objector_imap_account_dup_label (account);

  if (options->json)
    {
      g_autoptr(JsonNode) root = NULL;

      status = options->log ? objector_cli_log_found (scan->store, found, TRUE) : OBJECTOR_EXIT_OK;
      root = objector_cli_scan_json (found, scan->store);
      objector_cli_print_json (root);
      return status;
    }

  shown = objector_cli_print_found (found, scan->store, &unrecognised, &other);
  print_summary (scanner, label, since_day, shown);
  objector_cli_print_found_kinds (unrecognised, other);

  if (!options->log)
    {
      if (shown > 0)
        g_print (_("“--log” logs the verified answers on their objections.\n"));
      return OBJECTOR_EXIT_OK;
    }

  if (shown > 0)
    g_print ("\n");
  return objector_cli_log_found (scan->store, found, FALSE);
}

int
objector_cli_scan_imap (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorImapAccount) account = NULL;
  g_autoptr(ObjectorImapCredential) credential = NULL;
  g_auto(CliImapScan) scan = { 0 };
  g_autofree char *password = NULL;
  int status;

  if (!(account = objector_imap_account_new_from_uri (options->args[0], &error)))
    return objector_cli_usage_error ("scan-mail", error->message);

  if ((status = objector_cli_imap_scan_check_since (options, &scan)) != OBJECTOR_EXIT_OK)
    return status;

  if (!options->password_stdin)
    return objector_cli_usage_error ("scan-mail",
                                     _("Objector needs the password of your mail account: give it on standard input "
                                       "with --password-stdin (from a password manager, such as "
                                       "“secret-tool lookup … | objector scan-mail imaps://… --password-stdin”, "
                                       "or typed when asked). Never on the command line: other programs could read it there"));

  if ((status = objector_cli_imap_scan_prepare (options, &scan)) != OBJECTOR_EXIT_OK)
    return status;

  if (!(password = objector_cli_read_password (account, &error)))
    return objector_cli_fail (error);
  credential = objector_imap_credential_new_password (password);
  explicit_bzero (password, strlen (password));

  return objector_cli_imap_scan_run (options, &scan, account, credential);
}

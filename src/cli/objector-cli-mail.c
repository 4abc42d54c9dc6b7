/* objector-cli-mail.c — import-email and scan-mail
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "objector-cli-private.h"
#include "objector-error.h"
#include "objector-imap-account.h"
#include "objector-mail.h"
#include "objector-mail-scanner.h"

static char *
short_id (const char *id)
{
  return g_strndup (id, 8);
}

/* "trusted", or "NOT trusted: reason; reason". */
static char *
describe_trust (ObjectorMail *mail)
{
  const char * const *notes = objector_mail_get_trust_notes (mail);
  g_autofree char *joined = NULL;

  if (objector_mail_get_trusted (mail))
    return g_strdup (_("trusted"));
  joined = g_strjoinv ("; ", (char **) notes);
  if (*joined == '\0')
    return g_strdup (_("NOT trusted"));
  /* Translators: followed by the reasons, such as "The receiving mail server reports DKIM “fail”". */
  return g_strdup_printf (_("NOT trusted: %s"), joined);
}

static gboolean
parse_kind (CliOptions       *options,
            ObjectorMailKind *kind,
            int              *status)
{
  g_autofree char *message = NULL;

  if (options->kind == NULL)
    return TRUE;
  if (objector_mail_kind_from_string (options->kind, kind))
    return TRUE;

  message = g_strdup_printf (_("“%s” is not a kind of email; the kinds are: "
                               "code, receipt, approval, rejection, extension, other"),
                             options->kind);
  *status = objector_cli_usage_error ("import-email", message);
  return FALSE;
}

/* One line per email: where it came from, its kind, the trust verdict, and
 * what happened to the objection. */
char *
objector_cli_describe_logged (ObjectorMail          *mail,
                              ObjectorMailLogResult *result)
{
  g_autofree char *label = objector_mail_dup_source_label (mail);
  g_autofree char *trust = describe_trust (mail);
  g_autofree char *shown = short_id (result->objection_id);
  const char *kind = objector_mail_kind_to_string (objector_mail_get_kind (mail));
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "%s: %s, %s — ", label, kind, trust);

  switch (result->outcome)
    {
    case OBJECTOR_MAIL_LOG_APPLIED:
      g_string_append_printf (line, _("logged on %s, %s → %s"), shown,
                              objector_state_to_string (result->before),
                              objector_state_to_string (result->after));
      break;
    case OBJECTOR_MAIL_LOG_ALREADY_LOGGED:
      g_string_append_printf (line, _("already logged on %s, nothing changed"), shown);
      break;
    case OBJECTOR_MAIL_LOG_LOGGED:
    default:
      g_string_append_printf (line, _("logged on %s, state unchanged (%s)"), shown,
                              objector_state_to_string (result->after));
      if (result->reason != NULL)
        g_string_append_printf (line, ": %s", result->reason);
      if (result->has_event && !objector_mail_get_trusted (mail))
        g_string_append_printf (line, _("; if it is genuine: objector mark %s %s"), shown,
                                objector_event_to_string (result->event));
      break;
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

int
objector_cli_import_email (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorStore) store = NULL;
  g_autofree char *to_id = NULL;
  ObjectorMailKind kind = OBJECTOR_MAIL_KIND_OTHER;
  int status = OBJECTOR_EXIT_OK;

  if (!parse_kind (options, &kind, &status))
    return status;

  if (!(playbook = objector_cli_load_playbook (options, &error)))
    return objector_cli_fail (error);
  if (!(store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  if (options->to != NULL)
    {
      ObjectorObjection *objection = objector_store_lookup (store, options->to, &error);

      if (objection == NULL)
        return objector_cli_fail (error);
      to_id = g_strdup (objector_objection_get_id (objection));
    }

  for (guint f = 0; options->args[f] != NULL; f++)
    {
      g_autoptr(GPtrArray) mails = NULL;

      if (!(mails = objector_mail_load_file (options->args[f], NULL, &error)))
        {
          g_printerr ("objector: %s\n", error->message);
          g_clear_error (&error);
          status = OBJECTOR_EXIT_FAILED;
          continue;
        }

      guint not_meta = 0;

      for (guint i = 0; i < mails->len; i++)
        {
          ObjectorMail *mail = g_ptr_array_index (mails, i);
          g_autoptr(ObjectorMailLogResult) result = NULL;
          g_autofree char *objection_id = NULL;
          g_autofree char *line = NULL;

          if (objector_mail_get_error (mail) != NULL)
            {
              g_printerr ("objector: %s\n", objector_mail_get_error (mail)->message);
              status = OBJECTOR_EXIT_FAILED;
              continue;
            }

          objector_mail_check (mail, playbook);
          if (options->kind != NULL)
            objector_mail_set_kind (mail, kind);

          if (to_id != NULL)
            objection_id = g_strdup (to_id);
          else
            {
              g_autoptr(ObjectorObjection) match = objector_mail_match (mail, G_LIST_MODEL (store));

              if (match != NULL)
                objection_id = g_strdup (objector_objection_get_id (match));
            }

          /* A mailbox holds other mail too: that is no failure, but a lone
           * file that is not from Meta probably is a mistake. */
          if (objection_id == NULL && !objector_mail_get_claims_meta (mail)
              && objector_mail_get_source_index (mail) > 0)
            {
              not_meta++;
              continue;
            }

          if (objection_id == NULL && !objector_mail_get_claims_meta (mail))
            {
              g_autofree char *label = objector_mail_dup_source_label (mail);
              const char *from = objector_mail_get_from (mail);

              g_printerr (_("objector: %s (from %s) is not from Meta, so it belongs to no objection. "
                            "To keep it with one anyway, say which with --to ID\n"),
                          label, from != NULL ? from : _("an unknown sender"));
              status = OBJECTOR_EXIT_FAILED;
              continue;
            }

          if (objection_id == NULL)
            {
              g_autofree char *label = objector_mail_dup_source_label (mail);
              const char *from = objector_mail_get_from (mail);

              g_printerr (_("objector: %s (%s, from %s) matches no objection: none has its platform, "
                            "its recipient and an earlier date. Say which one it belongs to with --to ID\n"),
                          label, objector_mail_kind_to_string (objector_mail_get_kind (mail)),
                          from != NULL ? from : _("an unknown sender"));
              status = OBJECTOR_EXIT_FAILED;
              continue;
            }

          if (!objector_mail_log (store, objection_id, mail, NULL, &result, &error))
            {
              g_printerr ("objector: %s\n", error->message);
              g_clear_error (&error);
              status = OBJECTOR_EXIT_FAILED;
              continue;
            }
          line = objector_cli_describe_logged (mail, result);
          g_print ("%s\n", line);
        }

      if (not_meta > 0)
        {
          g_autofree char *name = g_path_get_basename (options->args[f]);

          g_print (g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u message is not from Meta and was left out.\n",
                                "%s: %u messages are not from Meta and were left out.\n",
                                not_meta),
                   name, not_meta);
        }
    }

  return status;
}

/* scan-mail */

static void
scan_progress_cb (ObjectorMailScanner *scanner,
                  GParamSpec          *pspec,
                  gpointer             user_data)
{
  /* Translators: progress of a scan: a percentage and a count of messages. */
  g_printerr (_("\rScanning… %3.0f %% (%u messages)"),
              100.0 * objector_mail_scanner_get_fraction (scanner),
              objector_mail_scanner_get_n_messages (scanner));
}

static char *
format_day (GDateTime *date)
{
  if (date == NULL)
    return g_strdup ("-");
  return g_date_time_format (date, "%Y-%m-%d");
}

JsonNode *
objector_cli_scan_json (GPtrArray     *found,
                        ObjectorStore *store)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < found->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (found, i);
      g_autoptr(ObjectorObjection) match = NULL;
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(JsonNode) node = NULL;

      match = objector_mail_match (mail, G_LIST_MODEL (store));
      object = objector_mail_to_json (mail, NULL);
      json_object_remove_member (object, "logged");
      json_object_remove_member (object, "digest");
      if (match != NULL)
        json_object_set_string_member (object, "objection", objector_objection_get_id (match));
      else
        json_object_set_null_member (object, "objection");

      node = json_node_init_object (json_node_alloc (), object);
      json_builder_add_value (builder, g_steal_pointer (&node));
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* The table of found emails (a heading, then two lines each and a line per
 * reason not to trust it); returns how many it listed. */
guint
objector_cli_print_found (GPtrArray     *found,
                          ObjectorStore *store)
{
  guint shown = 0;

  for (guint i = 0; i < found->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (found, i);
      g_autoptr(ObjectorObjection) match = NULL;
      g_autofree char *day = NULL;
      g_autofree char *id = NULL;
      const char * const *notes;

      if (shown++ == 0)
        /* Translators: column headings of “objector scan-mail”; keep them short. */
        g_print ("%-10s  %-9s  %-11s  %-8s  %s\n", _("DATE"), _("KIND"), _("TRUSTED"),
                 _("MATCH"), _("FROM / SUBJECT"));

      match = objector_mail_match (mail, G_LIST_MODEL (store));
      day = format_day (objector_mail_get_date (mail));
      id = match != NULL ? objector_cli_short_id (match) : g_strdup ("-");
      g_print ("%-10s  %-9s  %-11s  %-8s  %s\n", day,
               objector_mail_kind_to_string (objector_mail_get_kind (mail)),
               objector_mail_get_trusted (mail) ? _("trusted") : _("NOT trusted"),
               id,
               objector_mail_get_from (mail) != NULL ? objector_mail_get_from (mail) : "");
      g_print ("%-10s  %-9s  %-11s  %-8s  %s\n", "", "", "", "",
               objector_mail_get_subject (mail) != NULL ? objector_mail_get_subject (mail) : "");

      /* What is wrong, right under the email it is wrong with. */
      notes = objector_mail_get_trust_notes (mail);
      for (guint n = 0; notes[n] != NULL; n++)
        g_print ("%-10s  %-9s  %-11s  %-8s  ! %s\n", "", "", "", "", notes[n]);
    }

  return shown;
}

int
objector_cli_scan_mail (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(ObjectorMailScanner) scanner = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char *path = options->args[0];
  gboolean show_progress = !options->json && isatty (STDERR_FILENO);
  guint shown;
  guint hidden;

  if (objector_imap_account_is_uri (path))
    return objector_cli_scan_imap (options);
  if (!objector_cli_scan_check_file_options (options))
    return OBJECTOR_EXIT_USAGE;

  if (!(playbook = objector_cli_load_playbook (options, &error)))
    return objector_cli_fail (error);
  if (!(store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  scanner = objector_mail_scanner_new (playbook);
  objector_mail_scanner_set_include_other (scanner, options->all);
  if (show_progress)
    g_signal_connect (scanner, "notify::fraction", G_CALLBACK (scan_progress_cb), NULL);

  found = objector_mail_scanner_scan (scanner, path, NULL, &error);
  if (show_progress)
    g_printerr ("\r\033[K");
  if (found == NULL)
    return objector_cli_fail (error);

  if (options->json)
    {
      int status = options->log ? objector_cli_log_found (store, found, TRUE) : OBJECTOR_EXIT_OK;
      g_autoptr(JsonNode) root = objector_cli_scan_json (found, store);

      objector_cli_print_json (root);
      return status;
    }

  shown = objector_cli_print_found (found, store);

  hidden = objector_mail_scanner_get_n_other (scanner);
  if (shown == 0)
    g_print (_("No answers from Meta in “%s” (%u messages looked at).\n"),
             path, objector_mail_scanner_get_n_messages (scanner));
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "\n%u email from Meta, or pretending to be, among %u messages. "
                          "“objector import-email” logs it.\n",
                          "\n%u emails from Meta, or pretending to be, among %u messages. "
                          "“objector import-email” logs them.\n", shown),
             shown, objector_mail_scanner_get_n_messages (scanner));
  if (hidden > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u other email from Meta (no answer to an objection) left out: --all lists it.\n",
                          "%u other emails from Meta (no answers to an objection) left out: --all lists them.\n",
                          hidden),
             hidden);
  if (objector_mail_scanner_get_n_skipped (scanner) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u message that may be from Meta could not be read.\n",
                          "%u messages that may be from Meta could not be read.\n",
                          objector_mail_scanner_get_n_skipped (scanner)),
             objector_mail_scanner_get_n_skipped (scanner));

  if (options->log && shown > 0)
    {
      g_print ("\n");
      return objector_cli_log_found (store, found, FALSE);
    }
  return OBJECTOR_EXIT_OK;
}

/* objector-cli-mail.c — import-email and scan-mail
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "objector-cli-private.h"
#include "objector-error.h"
#include "objector-imap-account.h"
#include "objector-mail.h"
#include "objector-mail-scanner.h"
#include "objector-safe-text.h"

static char *
short_id (const char *id)
{
  return g_strndup (id, 8);
}

/* Every line that holds mail text (a subject, a sender, a file name) is
 * printed through here: nothing of it may act on the terminal. */
void
objector_cli_print_safe (gboolean    to_stderr,
                         const char *line)
{
  g_autofree char *safe = objector_safe_text (line, -1);

  if (to_stderr)
    g_printerr ("%s\n", safe);
  else
    g_print ("%s\n", safe);
}

static void
print_safe (const char *line)
{
  objector_cli_print_safe (FALSE, line);
}

static void
printerr_safe (const char *line)
{
  objector_cli_print_safe (TRUE, line);
}

G_GNUC_PRINTF (1, 2)
static void
printerr_safef (const char *format,
                ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  printerr_safe (line);
}

/* The verdict in a word, for lines and columns. */
static const char *
verdict_word (ObjectorMailVerdict verdict)
{
  switch (verdict)
    {
    case OBJECTOR_MAIL_VERDICT_VERIFIED:
      return _("verified");
    case OBJECTOR_MAIL_VERDICT_UNVERIFIABLE:
      return _("unverifiable");
    case OBJECTOR_MAIL_VERDICT_SUSPICIOUS:
    default:
      /* Translators: keep it short, and in capitals if your language has them. */
      return _("FAILED");
    }
}

/* "verified", or "unverifiable: reason; reason", "FAILED or suspicious: …". */
static char *
describe_verdict (ObjectorMail *mail,
                  gboolean      confirmed)
{
  const char * const *notes = objector_mail_get_trust_notes (mail);
  g_autofree char *joined = NULL;

  if (objector_mail_get_verdict (mail) == OBJECTOR_MAIL_VERDICT_VERIFIED)
    return g_strdup (_("verified"));
  if (confirmed)
    return g_strdup (_("confirmed by you, not verified"));

  joined = g_strjoinv ("; ", (char **) notes);
  if (objector_mail_get_verdict (mail) == OBJECTOR_MAIL_VERDICT_UNVERIFIABLE)
    /* Translators: followed by the reasons, such as "It has no Authentication-Results header…". */
    return g_strdup_printf (_("unverifiable: %s"), joined);
  /* Translators: followed by the reasons, such as "The receiving mail server reports DKIM “fail”". */
  return g_strdup_printf (_("FAILED or suspicious: %s"), joined);
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

/* One line per email: where it came from, its kind, the verdict, and
 * what happened to the objection. @filename: the file it was read from, for
 * the hint on confirming it; NULL when it came from a mail account. */
char *
objector_cli_describe_logged (ObjectorMail          *mail,
                              const char            *filename,
                              ObjectorMailLogResult *result)
{
  g_autofree char *label = objector_mail_dup_source_label (mail);
  g_autofree char *verdict = describe_verdict (mail, result->confirmed);
  g_autofree char *shown = short_id (result->objection_id);
  const char *kind = objector_mail_kind_to_string (objector_mail_get_kind (mail));
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "%s: %s, %s — ", label, kind, verdict);

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
      if (!result->has_event)
        break;
      if (objector_mail_get_verdict (mail) == OBJECTOR_MAIL_VERDICT_UNVERIFIABLE && filename != NULL)
        g_string_append_printf (line, _("; if it is genuine: objector import-email %s --to %s --confirm"),
                                filename, shown);
      else if (objector_mail_get_verdict (mail) == OBJECTOR_MAIL_VERDICT_UNVERIFIABLE)
        g_string_append_printf (line, _("; if it is genuine, save it from your mail and use "
                                        "objector import-email FILE --to %s --confirm"), shown);
      else if (objector_mail_get_verdict (mail) == OBJECTOR_MAIL_VERDICT_SUSPICIOUS)
        g_string_append_printf (line, _("; if you know Meta answered so, record it as your own "
                                        "statement: objector mark %s %s"),
                                shown, objector_event_to_string (result->event));
      break;
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
print_logged (ObjectorMail          *mail,
              const char            *filename,
              ObjectorMailLogResult *result)
{
  g_autofree char *line = objector_cli_describe_logged (mail, filename, result);

  print_safe (line);
}

/* Logs @mail, or with --confirm, records the person's confirmation of an
 * unverifiable one. */
static gboolean
log_one (CliOptions    *options,
         ObjectorStore *store,
         const char    *objection_id,
         ObjectorMail  *mail,
         const char    *filename)
{
  g_autoptr(ObjectorMailLogResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = objector_mail_dup_source_label (mail);
  gboolean ok = TRUE;

  if (options->confirm && objector_mail_get_verdict (mail) != OBJECTOR_MAIL_VERDICT_VERIFIED)
    {
      if (objector_mail_confirm (store, objection_id, mail, NULL, &result, &error))
        {
          print_logged (mail, filename, result);
          return TRUE;
        }
      /* Not confirmed: it is still kept as evidence, below. */
      printerr_safef ("objector: %s: %s", label, error->message);
      g_clear_error (&error);
      ok = FALSE;
    }

  if (!objector_mail_log (store, objection_id, mail, NULL, &result, &error))
    {
      printerr_safef ("objector: %s", error->message);
      return FALSE;
    }
  print_logged (mail, filename, result);
  return ok;
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
          printerr_safef ("objector: %s", error->message);
          g_clear_error (&error);
          status = OBJECTOR_EXIT_FAILED;
          continue;
        }

      guint not_meta = 0;

      for (guint i = 0; i < mails->len; i++)
        {
          ObjectorMail *mail = g_ptr_array_index (mails, i);
          g_autofree char *objection_id = NULL;

          if (objector_mail_get_error (mail) != NULL)
            {
              printerr_safef ("objector: %s", objector_mail_get_error (mail)->message);
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

              printerr_safef (_("objector: %s (from %s) is not from Meta, so it belongs to no objection. "
                                "To keep it with one anyway, say which with --to ID"),
                              label, from != NULL ? from : _("an unknown sender"));
              status = OBJECTOR_EXIT_FAILED;
              continue;
            }

          if (objection_id == NULL)
            {
              g_autofree char *label = objector_mail_dup_source_label (mail);
              const char *from = objector_mail_get_from (mail);

              printerr_safef (_("objector: %s (%s, from %s) matches no objection: none has its platform, "
                                "its recipient and an earlier date. Say which one it belongs to with --to ID"),
                              label, objector_mail_kind_to_string (objector_mail_get_kind (mail)),
                              from != NULL ? from : _("an unknown sender"));
              status = OBJECTOR_EXIT_FAILED;
              continue;
            }

          if (!log_one (options, store, objection_id, mail, options->args[f]))
            status = OBJECTOR_EXIT_FAILED;
        }

      if (not_meta > 0)
        {
          g_autofree char *name = g_path_get_basename (options->args[f]);
          g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s: %u message is not from Meta and was left out.",
                                                                "%s: %u messages are not from Meta and were left out.",
                                                                not_meta),
                                                   name, not_meta);

          print_safe (line);
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
              100.0 * objector_scanner_get_fraction (OBJECTOR_SCANNER (scanner)),
              objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)));
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

      if (objector_mail_get_kind (mail) != OBJECTOR_MAIL_KIND_OTHER)
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

/* The table of what a scan found; returns how many rows. Counts those
 * the rules did not recognise and Meta's other mail in @unrecognised and
 * @other. */
guint
objector_cli_print_found (GPtrArray     *found,
                          ObjectorStore *store,
                          guint         *unrecognised,
                          guint         *other)
{
  guint shown = 0;

  *unrecognised = *other = 0;
  for (guint i = 0; i < found->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (found, i);
      g_autoptr(ObjectorObjection) match = NULL;
      g_autofree char *day = NULL;
      g_autofree char *id = NULL;
      char *line = NULL;
      const char * const *notes;
      ObjectorMailKind kind;

      if (shown++ == 0)
        /* Translators: column headings of “objector scan-mail”; keep them short. */
        g_print ("%-10s  %-14s  %-12s  %-8s  %s\n", _("DATE"), _("KIND"), _("VERDICT"),
                 _("MATCH"), _("FROM / SUBJECT"));

      kind = objector_mail_get_kind (mail);
      *unrecognised += kind == OBJECTOR_MAIL_KIND_UNRECOGNISED;
      *other += kind == OBJECTOR_MAIL_KIND_OTHER;
      /* Meta's other mail answers no objection, whatever it has in common with one. */
      match = kind != OBJECTOR_MAIL_KIND_OTHER ? objector_mail_match (mail, G_LIST_MODEL (store)) : NULL;
      day = format_day (objector_mail_get_date (mail));
      id = match != NULL ? objector_cli_short_id (match) : g_strdup ("-");
      line = g_strdup_printf ("%-10s  %-14s  %-12s  %-8s  %s", day,
                              /* Translators: the kind of an email the rules cannot tell, in “objector scan-mail” */
                              kind == OBJECTOR_MAIL_KIND_UNRECOGNISED ? _("not recognised")
                                                                      : objector_mail_kind_to_string (kind),
                              verdict_word (objector_mail_get_verdict (mail)), id,
                              objector_mail_get_from (mail) != NULL ? objector_mail_get_from (mail) : "");
      print_safe (line);
      g_free (line);
      line = g_strdup_printf ("%-10s  %-14s  %-12s  %-8s  %s", "", "", "", "",
                              objector_mail_get_subject (mail) != NULL ? objector_mail_get_subject (mail) : "");
      print_safe (line);
      g_free (line);

      /* What is wrong, right under the email it is wrong with. */
      notes = objector_mail_get_trust_notes (mail);
      for (guint n = 0; notes[n] != NULL; n++)
        {
          line = g_strdup_printf ("%-10s  %-14s  %-12s  %-8s  ! %s", "", "", "", "", notes[n]);
          print_safe (line);
          g_free (line);
        }
      line = NULL;
    }


  return shown;
}

/* What the rows of the table are, where some need the person. */
void
objector_cli_print_found_kinds (guint unrecognised,
                                guint other)
{
  if (unrecognised > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u of them is not recognised: read it, then log it with "
                          "“objector import-email FILE --kind KIND”.\n",
                          "%u of them are not recognised: read each, then log it with "
                          "“objector import-email FILE --kind KIND”.\n", unrecognised),
             unrecognised);
  if (other > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u of them is Meta’s other mail (sign-in alerts, newsletters…): no answer to an objection.\n",
                          "%u of them are Meta’s other mail (sign-in alerts, newsletters…): no answers to an objection.\n",
                          other),
             other);
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
  guint unrecognised;
  guint other;

  if (options->account != NULL)
    return objector_cli_scan_account (options);
  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Missing arguments: usage is “objector %s %s”"), "scan-mail",
                                                  "PATH|imaps://USER@HOST[:PORT][/MAILBOX]|--account ID");
      return objector_cli_usage_error ("scan-mail", message);
    }
  if (objector_imap_account_is_uri (path))
    return objector_cli_scan_imap (options);
  if (!objector_cli_scan_check_file_options (options))
    return OBJECTOR_EXIT_USAGE;

  if (!(playbook = objector_cli_load_playbook (options, &error)))
    return objector_cli_fail (error);
  if (!(store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  scanner = objector_mail_scanner_new (playbook);
  /* Nothing from Meta is hidden (--all is what it always does now). */
  objector_scanner_set_include_other (OBJECTOR_SCANNER (scanner), TRUE);
  if (show_progress)
    g_signal_connect (scanner, "notify::fraction", G_CALLBACK (scan_progress_cb), NULL);

  found = objector_mail_scanner_scan (scanner, path, NULL, &error);
  if (show_progress)
    g_printerr ("\r\033[K");
  if (found == NULL)
    return objector_cli_fail (error);

  if (options->json)
    {
      /* What --log did goes to standard error: standard output stays JSON. */
      int status = options->log ? objector_cli_log_found (store, found, TRUE) : OBJECTOR_EXIT_OK;
      g_autoptr(JsonNode) root = objector_cli_scan_json (found, store);

      objector_cli_print_json (root);
      return status;
    }

  shown = objector_cli_print_found (found, store, &unrecognised, &other);

  if (shown == 0)
    {
      g_autofree char *line = g_strdup_printf (_("No answers from Meta in “%s” (%u messages looked at)."),
                                               path, objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)));

      print_safe (line);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "\n%u email from Meta, or pretending to be, among %u messages. "
                          "“objector import-email” logs it.\n",
                          "\n%u emails from Meta, or pretending to be, among %u messages. "
                          "“objector import-email” logs them.\n", shown),
             shown, objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)));
  objector_cli_print_found_kinds (unrecognised, other);
  if (objector_scanner_get_n_skipped (OBJECTOR_SCANNER (scanner)) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u message that may be from Meta could not be read.\n",
                          "%u messages that may be from Meta could not be read.\n",
                          objector_scanner_get_n_skipped (OBJECTOR_SCANNER (scanner))),
             objector_scanner_get_n_skipped (OBJECTOR_SCANNER (scanner)));
  /* Named pipes, devices and sockets in a Maildir: passed over, never opened. */
  for (const char * const *note = objector_scanner_get_notes (OBJECTOR_SCANNER (scanner)); *note != NULL; note++)
    print_safe (*note);

  if (!options->log)
    return OBJECTOR_EXIT_OK;
  if (shown > 0)
    g_print ("\n");
  return objector_cli_log_found (store, found, FALSE);
}

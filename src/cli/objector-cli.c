/* objector-cli.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "objector-clock.h"
#include "objector-cli-private.h"
#include "objector-mail-verdict.h"
#include "objector-country.h"
#include "objector-draft.h"
#include "objector-error.h"
#include "objector-form-check.h"
#include "objector-playbook.h"
#include "objector-playbook-trust.h"
#include "objector-safe-text.h"
#include "objector-store.h"

static void
cli_options_clear (CliOptions *options)
{
  g_clear_pointer (&options->playbook_file, g_free);
  g_clear_pointer (&options->country, g_free);
  g_clear_pointer (&options->email, g_free);
  g_clear_pointer (&options->account, g_free);
  g_clear_pointer (&options->reason, g_free);
  g_clear_pointer (&options->note, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->name, g_free);
  g_clear_pointer (&options->url, g_free);
  g_clear_pointer (&options->region, g_free);
  g_clear_pointer (&options->authority, g_free);
  g_clear_pointer (&options->language, g_free);
  g_clear_pointer (&options->kind, g_free);
  g_clear_pointer (&options->cafile, g_free);
  g_clear_pointer (&options->since, g_free);
  g_clear_pointer (&options->args, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliOptions, cli_options_clear)

static int cmd_paths  (CliOptions *options);
static int cmd_start  (CliOptions *options);
static int cmd_mark   (CliOptions *options);
static int cmd_status (CliOptions *options);

/* Every command, in the order --help lists them. Commands that live in
 * other files declare their function in objector-cli-private.h. */
static const Command commands[] = {
  { "paths",  "[--country CC] [--json]", N_("The objection paths that apply"),
    0, 0, "country json", cmd_paths },
  { "start",  "PATH --country CC --email ADDRESS [--account NAME] [--reason TEXT]",
    N_("Create an objection and print its id"),
    1, 1, "country email account reason", cmd_start },
  { "mark",   "ID EVENT [--note TEXT]", N_("Record a step of an objection"),
    2, 2, "note", cmd_mark },
  { "status", "[--json]", N_("Every objection and where it stands"),
    0, 0, "json", cmd_status },
  { "export-pdf", "FILE [--redact] [--name NAME] [--region LAND]",
    N_("Save the PDF summary: proof of every objection"),
    1, 1, "redact name region", objector_cli_export_pdf },
  { "check-links", "[--json]", N_("Check every link of the playbook (goes on the network)"),
    0, 0, "json", objector_cli_check_links },
  { "update-playbook", "[--url URL]", N_("Fetch a newer playbook (goes on the network)"),
    0, 0, "url", objector_cli_update_playbook },
  { "remind", "[--json] [--notify]", N_("Print the reminders that are due, each once"),
    0, 0, "json notify", objector_cli_remind },
  { "complaint", "ID [--region LAND] [--authority SLUG] [--language LL]",
    N_("The complaint to your data-protection authority"),
    1, 1, "region authority language", objector_cli_complaint },
  { "import-email", "FILE… [--to ID] [--kind KIND] [--confirm]",
    N_("Log Meta’s emails (.eml, .msg or mbox) on their objections"),
    1, -1, "to kind confirm", objector_cli_import_email },
  { "scan-mail", "PATH|imaps://USER@HOST[:PORT][/MAILBOX]|--account ID [--password-stdin] [--cafile FILE] "
    "[--since DATE] [--all] [--json] [--log]",
    N_("Find Meta’s emails in an mbox file or Maildir folder"),
    0, 1, "all json password-stdin cafile since log mail-account", objector_cli_scan_mail },
  { "accounts", "[--json]", N_("Your mail accounts that scan-mail --account can look in"),
    0, 0, "json", objector_cli_accounts },
};

/* Options that take a value, so that the value is not taken for the command word. */
static const char * const value_options[] = {
  "--playbook", "--country", "--email", "--account", "--reason", "--note", "--to", "--name", "--url",
  "--region", "--authority", "--language", "--kind", "--cafile", "--since", NULL,
};

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

/* The first argument that is neither an option nor an option's value. */
static int
find_command_word (int    argc,
                   char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--") == 0)
        return i + 1 < argc ? i + 1 : -1;

      if (argv[i][0] != '-')
        return i;

      if (g_strv_contains (value_options, argv[i]))
        i++;
    }
  return -1;
}

gboolean
objector_cli_wanted (int    argc,
                     char **argv)
{
  if (find_command_word (argc, argv) >= 0)
    return TRUE;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h")
        || g_str_equal (argv[i], "--version") || g_str_equal (argv[i], "--help-all"))
      return TRUE;

  return FALSE;
}

int
objector_cli_fail (GError *error)
{
  g_printerr ("objector: %s\n", error->message);
  return OBJECTOR_EXIT_FAILED;
}

int
objector_cli_usage_error (const char *command,
                          const char *message)
{
  g_printerr ("objector: %s\n", message);
  if (command != NULL)
    g_printerr (_("Try “objector %s --help”.\n"), command);
  else
    g_printerr (_("Try “objector --help”.\n"));
  return OBJECTOR_EXIT_USAGE;
}

void
objector_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  safe = objector_safe_json (text);
  g_print ("%s\n", safe);
}

ObjectorPlaybook *
objector_cli_load_playbook (CliOptions  *options,
                            GError     **error)
{
  ObjectorPlaybook *playbook = objector_playbook_load_default (options->playbook_file, error);

  /* The person's choice, said as such: not a playbook Objector vouches for. */
  if (playbook != NULL && options->playbook_file != NULL)
    {
      g_autofree char *notice = objector_playbook_describe_own (options->playbook_file);

      g_printerr ("objector: %s\n", notice);
    }
  return playbook;
}

/* Loads the store; a damaged file has been set aside by then, and the
 * command stops so that the person reads what happened. */
ObjectorStore *
objector_cli_load_store (GError **error)
{
  g_autoptr(ObjectorStore) store = objector_store_new (NULL);

  if (!objector_store_load (store, error))
    return NULL;

  if (objector_store_get_read_only (store))
    g_printerr ("objector: %s\n", objector_store_get_read_only_reason (store));

  return g_steal_pointer (&store);
}

/* paths */

static int
cmd_paths (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(GListModel) paths = NULL;
  g_autofree char *country = NULL;
  gboolean any_objection = FALSE;
  guint n;

  if (!(playbook = objector_cli_load_playbook (options, &error)))
    return objector_cli_fail (error);

  if (options->country != NULL)
    {
      if (!(country = objector_country_normalize (options->country, &error)))
        return objector_cli_fail (error);
      paths = objector_playbook_paths_for_country (playbook, country);
    }
  else
    paths = g_object_ref (objector_playbook_get_paths (playbook));

  n = g_list_model_get_n_items (paths);

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
          const char * const *regions = objector_path_get_regions (path);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, objector_path_get_id (path));
          json_builder_set_member_name (builder, "platform");
          json_builder_add_string_value (builder, objector_path_get_platform (path));
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, objector_path_kind_to_string (objector_path_get_kind (path)));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, objector_path_get_title (path));
          json_builder_set_member_name (builder, "summary");
          json_builder_add_string_value (builder, objector_path_get_summary (path));
          json_builder_set_member_name (builder, "form_url");
          json_builder_add_string_value (builder, objector_path_get_form_url (path));
          /* Where the form may be, in the order the app tries them. */
          json_builder_set_member_name (builder, "form_urls");
          json_builder_begin_array (builder);
          for (guint f = 0; f < objector_path_get_forms (path)->len; f++)
            {
              ObjectorFormCandidate *form = g_ptr_array_index (objector_path_get_forms (path), f);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "url");
              json_builder_add_string_value (builder, form->url);
              json_builder_set_member_name (builder, "label");
              json_builder_add_string_value (builder, form->label);
              json_builder_set_member_name (builder, "last_checked");
              if (form->last_checked != NULL)
                json_builder_add_string_value (builder, form->last_checked);
              else
                json_builder_add_null_value (builder);
              json_builder_set_member_name (builder, "kind");
              json_builder_add_string_value (builder, form->is_form ? "form" : "page");
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "overview_url");
          json_builder_add_string_value (builder, objector_path_get_overview_url (path));
          json_builder_set_member_name (builder, "code_step");
          json_builder_add_boolean_value (builder, objector_path_get_has_code_step (path));
          json_builder_set_member_name (builder, "regions");
          json_builder_begin_array (builder);
          for (guint r = 0; regions != NULL && regions[r] != NULL; r++)
            json_builder_add_string_value (builder, regions[r]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      objector_cli_print_json (root);
      return OBJECTOR_EXIT_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);

      if (objector_path_get_kind (path) == OBJECTOR_PATH_KIND_OBJECTION)
        any_objection = TRUE;

      g_print ("%-22s %-12s %s\n", objector_path_get_id (path),
               objector_path_kind_to_string (objector_path_get_kind (path)),
               objector_path_get_title (path));
      /* The form first, then where to look if it has moved. */
      for (guint f = 0; f < objector_path_get_forms (path)->len; f++)
        {
          ObjectorFormCandidate *form = g_ptr_array_index (objector_path_get_forms (path), f);
          g_autofree char *described = objector_form_candidate_describe (form);

          g_print ("%-22s %s%s (%s)\n", "", f > 0 ? _("or ") : "", form->url, described);
        }
    }

  if (country != NULL && !any_objection)
    g_print (_("\nThere is no right to object to Meta’s AI training in %s. "
               "The request about information from third parties is what remains, "
               "and you can ask friends and family who post about you to object if they can.\n"),
             country);

  return OBJECTOR_EXIT_OK;
}

/* start */

static int
cmd_start (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(ObjectorObjection) objection = NULL;
  g_autofree char *country = NULL;
  g_autofree char *email = NULL;
  g_autofree char *reason_text = NULL;
  const char *path_id = options->args[0];
  const char *reason;
  ObjectorPath *path;

  if (options->country == NULL)
    return objector_cli_usage_error ("start", _("“start” needs --country CC: the country you live in, such as DE"));
  if (options->email == NULL)
    return objector_cli_usage_error ("start", _("“start” needs --email ADDRESS: the address Meta will answer to"));

  if (!(playbook = objector_cli_load_playbook (options, &error)))
    return objector_cli_fail (error);

  if (!(path = objector_playbook_lookup_path (playbook, path_id)))
    {
      g_set_error (&error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
                   _("There is no path “%s”: “objector paths” lists them"), path_id);
      return objector_cli_fail (error);
    }

  if (!(country = objector_country_normalize (options->country, &error)))
    return objector_cli_fail (error);

  if (!objector_playbook_path_applies (playbook, path, country))
    {
      g_set_error (&error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("The path “%s” is not open to residents of %s: “objector paths --country %s” lists the ones that are"),
                   path_id, country, country);
      return objector_cli_fail (error);
    }

  email = g_strstrip (g_strdup (options->email));
  if (!objector_email_address_is_valid (email))
    {
      g_set_error (&error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("“%s” is not an email address: give the one Meta should answer to, such as name@example.org"),
                   options->email);
      return objector_cli_fail (error);
    }

  /* Without a reason (or with an empty one), the playbook's short one: the
   * form wants something, and the person can edit it before submitting. */
  reason_text = g_strstrip (g_strdup (options->reason != NULL ? options->reason : ""));
  reason = *reason_text != '\0' ? reason_text : objector_path_get_reason_short (path);

  if (!(store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  objection = objector_objection_new (objector_path_get_id (path),
                                      objector_path_get_platform (path),
                                      objector_path_get_has_code_step (path),
                                      NULL);
  objector_objection_set_country (objection, country);
  objector_objection_set_email (objection, email);
  objector_objection_set_account (objection, options->account);
  objector_objection_set_reason (objection, reason);

  if (!objector_objection_apply (objection, OBJECTOR_EVENT_COMPLETE_DETAILS, NULL, NULL, &error)
      || !objector_store_add (store, objection, &error))
    return objector_cli_fail (error);

  g_print ("%s\n", objector_objection_get_id (objection));
  return OBJECTOR_EXIT_OK;
}

/* mark */

char *
objector_cli_short_id (ObjectorObjection *objection)
{
  return g_strndup (objector_objection_get_id (objection), 8);
}

char *
objector_cli_dup_app_choice (const char           *given,
                             ObjectorDraftGetter   getter,
                             GError              **error)
{
  g_autoptr(ObjectorDraft) draft = NULL;

  if (given != NULL)
    return g_strdup (given);

  draft = objector_draft_new (NULL);
  if (!objector_draft_load_read_only (draft, error))
    return NULL;
  return g_strdup (getter (draft));
}

static int
cmd_mark (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorStore) store = NULL;
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *due = NULL;
  g_autoptr(GDate) due_date = NULL;
  g_autofree char *note = NULL;
  ObjectorObjection *objection;
  ObjectorEvent event;
  ObjectorState before;

  if (!objector_event_from_string (options->args[1], &event))
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (ObjectorEvent e = 0; e < OBJECTOR_N_EVENTS; e++)
        g_string_append_printf (names, "%s%s", e ? ", " : "", objector_event_to_string (e));
      message = g_strdup_printf (_("“%s” is not an event; the events are: %s"),
                                 options->args[1], names->str);
      return objector_cli_usage_error ("mark", message);
    }

  if (!(store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  if (!(objection = objector_store_lookup (store, options->args[0], &error)))
    return objector_cli_fail (error);

  id = g_strdup (objector_objection_get_id (objection));
  shown = objector_cli_short_id (objection);
  before = objector_objection_get_state (objection);

  note = objector_mail_own_statement_note (event, options->note);
  if (!objector_store_apply (store, id, event, note, NULL, &error))
    {
      if (g_error_matches (error, OBJECTOR_ERROR, OBJECTOR_ERROR_ILLEGAL_EVENT))
        {
          g_autofree char *allowed = objector_objection_describe_allowed (objection, NULL);

          g_printerr ("objector: %s %s\n", shown, error->message);
          if (*allowed != '\0')
            g_printerr (_("Possible now: %s\n"), allowed);
          return OBJECTOR_EXIT_FAILED;
        }
      return objector_cli_fail (error);
    }

  objection = objector_store_lookup (store, id, NULL);
  g_assert (objection != NULL);

  g_print ("%s: %s → %s", shown, objector_state_to_string (before),
           objector_state_to_string (objector_objection_get_state (objection)));
  due_date = objector_objection_dup_due_date (objection);
  if (due_date != NULL && objector_state_is_awaiting (objector_objection_get_state (objection)))
    {
      due = objector_clock_format_date (due_date);
      g_print (_(" (answer due by %s)"), due);
    }
  g_print ("\n");
  return OBJECTOR_EXIT_OK;
}

/* status */

void
objector_cli_add_string_or_null (JsonBuilder *builder,
                                 const char  *name,
                                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
objection_status_json (ObjectorObjection *objection,
                       GDateTime         *now)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDate) due_date = objector_objection_dup_due_date (objection);
  g_autofree char *created = objector_clock_format_utc (objector_objection_get_created (objection));
  g_autofree char *submitted = objector_clock_format_utc (objector_objection_get_submitted (objection));
  g_autofree char *due = objector_clock_format_date (due_date);
  GPtrArray *history = objector_objection_get_history (objection);
  GPtrArray *emails = objector_objection_get_emails (objection);

  json_builder_begin_object (builder);
  objector_cli_add_string_or_null (builder, "id", objector_objection_get_id (objection));
  objector_cli_add_string_or_null (builder, "path", objector_objection_get_path_id (objection));
  objector_cli_add_string_or_null (builder, "platform", objector_objection_get_platform (objection));
  objector_cli_add_string_or_null (builder, "account", objector_objection_get_account (objection));
  objector_cli_add_string_or_null (builder, "country", objector_objection_get_country (objection));
  objector_cli_add_string_or_null (builder, "email", objector_objection_get_email (objection));
  objector_cli_add_string_or_null (builder, "reason", objector_objection_get_reason (objection));
  objector_cli_add_string_or_null (builder, "state", objector_state_to_string (objector_objection_get_state (objection)));
  objector_cli_add_string_or_null (builder, "created", created);
  objector_cli_add_string_or_null (builder, "submitted", submitted);
  objector_cli_add_string_or_null (builder, "due", due);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, objector_objection_is_overdue (objection, now));
  json_builder_set_member_name (builder, "extended");
  json_builder_add_boolean_value (builder, objector_objection_get_extended (objection));

  json_builder_set_member_name (builder, "emails");
  json_builder_begin_array (builder);
  for (guint i = 0; i < emails->len; i++)
    {
      ObjectorEmailRecord *email = g_ptr_array_index (emails, i);
      ObjectorMailRecordVerdict verdict = objector_email_record_get_verdict (email);
      g_autofree char *described = NULL;

      if (objector_email_record_is_damaged (email))
        continue;
      described = objector_email_record_describe_verdict (email);

      json_builder_begin_object (builder);
      objector_cli_add_string_or_null (builder, "date", objector_email_record_get_date_text (email));
      objector_cli_add_string_or_null (builder, "from", objector_email_record_get_from (email));
      objector_cli_add_string_or_null (builder, "subject", objector_email_record_get_subject (email));
      objector_cli_add_string_or_null (builder, "kind", objector_email_record_get_kind_name (email));
      /* Emails an older Objector logged as "trusted" read as unverifiable:
       * "trusted" is true only for what is verified now. */
      json_builder_set_member_name (builder, "trusted");
      json_builder_add_boolean_value (builder, verdict.verdict == OBJECTOR_MAIL_VERDICT_VERIFIED);
      json_builder_set_member_name (builder, "verdict");
      json_builder_add_string_value (builder, objector_mail_verdict_to_string (verdict.verdict));
      json_builder_set_member_name (builder, "confirmed_by_user");
      json_builder_add_boolean_value (builder, verdict.confirmed_by_user);
      json_builder_set_member_name (builder, "verdict_note");
      json_builder_add_string_value (builder, described);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    objector_transition_add_json (g_ptr_array_index (history, i), builder, TRUE);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Steps the person's confirmation moved, under the objection's line: its
 * state rests on their word, not on a verified email. */
static void
print_confirmed_emails (ObjectorObjection *objection)
{
  GPtrArray *emails = objector_objection_get_emails (objection);

  for (guint i = 0; i < emails->len; i++)
    {
      ObjectorEmailRecord *email = g_ptr_array_index (emails, i);
      const char *subject = objector_email_record_get_subject (email);
      g_autofree char *line = NULL;
      g_autofree char *safe = NULL;

      if (!objector_email_record_get_verdict (email).confirmed_by_user)
        continue;
      /* Translators: under an objection in “objector status”. */
      line = g_strdup_printf (_("the email “%s”: confirmed by you, not verified"),
                              subject != NULL ? subject : "");
      safe = objector_safe_text (line, -1);
      g_print ("%-9s %s\n", "", safe);
    }
}

static int
cmd_status (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(GDateTime) now = objector_clock_now ();
  guint n;

  if (!(store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (options->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonArray) array = json_array_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObjectorObjection) objection = g_list_model_get_item (G_LIST_MODEL (store), i);
          json_array_add_element (array, objection_status_json (objection, now));
        }

      json_node_set_array (root, array);
      objector_cli_print_json (root);
      return OBJECTOR_EXIT_OK;
    }

  if (n == 0)
    {
      g_print (_("No objections yet. Open Objector, or start one with “objector start”.\n"));
      return OBJECTOR_EXIT_OK;
    }

  /* Translators: column headings of “objector status”; keep them short. */
  g_print ("%-9s %-22s %-7s %-13s %s\n", _("ID"), _("PATH"), _("COUNTRY"), _("STATE"), _("DUE"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(GDate) due_date = objector_objection_dup_due_date (objection);
      g_autofree char *shown = objector_cli_short_id (objection);
      g_autofree char *due = NULL;
      ObjectorState state = objector_objection_get_state (objection);

      if (due_date != NULL && objector_state_is_awaiting (state))
        due = objector_clock_format_date (due_date);

      g_print ("%-9s %-22s %-7s %-13s %s%s%s\n", shown,
               objector_objection_get_path_id (objection),
               objector_objection_get_country (objection) ? objector_objection_get_country (objection) : "",
               objector_state_to_string (state),
               due ? due : "",
               due != NULL && objector_objection_get_extended (objection) ? _(" (extended by Meta)") : "",
               objector_objection_is_overdue (objection, now) ? _(" (overdue)") : "");
      print_confirmed_emails (objection);
    }

  return OBJECTOR_EXIT_OK;
}

/* Parsing */

static GOptionEntry global_entries[] = {
  { "playbook", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use this playbook instead of the bundled one"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  G_OPTION_ENTRY_NULL
};

static GOptionContext *
make_context (const Command *command,
              CliOptions    *options)
{
  GOptionContext *context;
  GOptionEntry entries[G_N_ELEMENTS (global_entries) + 24];
  g_auto(GStrv) wanted = NULL;
  guint n = 0;

  const GOptionEntry command_entries[] = {
    { "country", 0, 0, G_OPTION_ARG_STRING, &options->country, N_("The country you live in, as a two-letter code (DE, FR, US…)"), N_("CC") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &options->email, N_("The email address Meta will answer to"), N_("ADDRESS") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &options->account, N_("A label for the account, such as your profile name"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &options->reason, N_("Why you object (the playbook’s short reason if left out)"), N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &options->note, N_("A note to keep with this step"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json, N_("Print JSON for other programs"), NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to, N_("The objection the emails belong to"), N_("ID") },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &options->redact, N_("Leave your email address out of the file"), NULL },
    { "notify", 0, 0, G_OPTION_ARG_NONE, &options->notify, N_("Show the reminders as desktop notifications"), NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &options->name, N_("Your name, for the first page (left out if not given)"), N_("NAME") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &options->url, N_("Fetch the playbook from this https address"), N_("URL") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &options->region, N_("The region you live in, where authorities are regional (the German Länder: Bayern, BY…)"), N_("LAND") },
    { "authority", 0, 0, G_OPTION_ARG_STRING, &options->authority, N_("Complain to this authority instead, such as iedpc (Meta’s lead authority)"), N_("SLUG") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &options->language, N_("Write the complaint in this language (en, de, es, fr, it, nl, pl, pt_BR)"), N_("LL") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options->kind, N_("What the email is, when the guess is wrong: code, receipt, approval, rejection, extension or other"), N_("KIND") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &options->all, N_("Kept for older scripts: every email from Meta is listed"), NULL },
    { "confirm", 0, 0, G_OPTION_ARG_NONE, &options->confirm, N_("You say these emails are genuine: an unverifiable one then records its step, marked “confirmed by you, not verified”"), NULL },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &options->password_stdin, N_("Read the mail account’s password from standard input"), NULL },
    { "cafile", 0, 0, G_OPTION_ARG_FILENAME, &options->cafile, N_("Trust the mail server’s certificate only if this authority (a PEM file) signed it"), N_("FILE") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &options->since, N_("Search the mail account from this day on (YYYY-MM-DD; default: your first objection)"), N_("DATE") },
    { "log", 0, 0, G_OPTION_ARG_NONE, &options->log, N_("Log each verified answer on the objection it answers"), NULL },
  };
  /* scan-mail's --account names a mail account, not a label. */
  const GOptionEntry mail_account_entry =
    { "account", 0, 0, G_OPTION_ARG_STRING, &options->account, N_("Look in this mail account (its id from “objector accounts”, or the id’s beginning)"), N_("ID") };

  for (guint i = 0; global_entries[i].long_name != NULL; i++)
    {
      entries[n] = global_entries[i];
      entries[n].arg_data = i == 0 ? (gpointer) &options->playbook_file : (gpointer) &options->version;
      n++;
    }

  if (command != NULL)
    {
      wanted = g_strsplit (command->options, " ", -1);
      for (guint i = 0; i < G_N_ELEMENTS (command_entries); i++)
        if (g_strv_contains ((const char * const *) wanted, command_entries[i].long_name))
          {
            g_assert (n + 1 < G_N_ELEMENTS (entries));
            entries[n++] = command_entries[i];
          }
      if (g_strv_contains ((const char * const *) wanted, "mail-account"))
        entries[n++] = mail_account_entry;
    }
  entries[n] = (GOptionEntry) G_OPTION_ENTRY_NULL;

  if (command != NULL)
    {
      g_autofree char *parameter = g_strdup_printf ("%s %s", command->name, command->parameters);

      context = g_option_context_new (parameter);
      g_option_context_set_summary (context, _(command->summary));
      if (g_str_equal (command->name, "mark"))
        {
          g_autoptr(GString) events = g_string_new (_("Events:"));

          for (ObjectorEvent e = 0; e < OBJECTOR_N_EVENTS; e++)
            g_string_append_printf (events, "\n  %-18s %s", objector_event_to_string (e),
                                    objector_event_get_label (e));
          g_string_append (events, _("\n\nID may be any unique beginning of the id that “objector status” shows."));
          g_option_context_set_description (context, events->str);
        }
    }
  else
    {
      g_autoptr(GString) description = g_string_new (_("Commands:"));

      context = g_option_context_new (_("[COMMAND] [OPTIONS…]"));
      g_option_context_set_summary (context,
                                    _("Object to Meta using your Facebook and Instagram data to train its AI.\n"
                                      "Without a command, Objector opens its window."));
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        g_string_append_printf (description, "\n  %-14s %s", commands[i].name, _(commands[i].summary));
      g_string_append (description, _("\n\n“objector COMMAND --help” tells more of each command.\n"
                                      "Exit status: 0 success, 1 the request failed, 2 a usage error."));
      g_option_context_set_description (context, description->str);
    }

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

int
objector_cli_run (int    argc,
                  char **argv)
{
  g_auto(CliOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) strv = NULL;
  const Command *command = NULL;
  int word;
  guint n_args;

  word = find_command_word (argc, argv);
  if (word >= 0)
    {
      command = find_command (argv[word]);
      if (command == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a command"), argv[word]);
          return objector_cli_usage_error (NULL, message);
        }
    }

  context = make_context (command, &options);

  strv = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    strv[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &strv, &error))
    return objector_cli_usage_error (command ? command->name : NULL, error->message);

  if (options.version)
    {
      g_print ("objector %s\n", PACKAGE_VERSION);
      return OBJECTOR_EXIT_OK;
    }

  if (command == NULL)
    {
      /* Only --help and the like bring us here; GOption has answered them. */
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_print ("%s", help);
      return OBJECTOR_EXIT_OK;
    }

  /* strv is now: program, command word, positional arguments. */
  n_args = g_strv_length (strv);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    gboolean seen_command = FALSE;

    for (guint i = 1; i < n_args; i++)
      {
        if (!seen_command && g_str_equal (strv[i], command->name))
          {
            seen_command = TRUE;
            continue;
          }
        if (g_str_equal (strv[i], "--"))
          continue;
        g_strv_builder_add (builder, strv[i]);
      }
    options.args = g_strv_builder_end (builder);
  }

  if (g_strv_length (options.args) < command->min_args
      || (command->max_args >= 0 && g_strv_length (options.args) > (guint) command->max_args))
    {
      g_autofree char *message = NULL;

      if (g_strv_length (options.args) > command->min_args)
        message = g_strdup_printf (_("Unexpected “%s”: usage is “objector %s %s”"),
                                   options.args[command->max_args], command->name, command->parameters);
      else
        message = g_strdup_printf (_("Missing arguments: usage is “objector %s %s”"),
                                   command->name, command->parameters);
      return objector_cli_usage_error (command->name, message);
    }

  return command->run (&options);
}

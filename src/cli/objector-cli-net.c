/* objector-cli-net.c — the two commands that go on the network
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-cli-private.h"
#include "objector-error.h"
#include "objector-net.h"

/* Runs the main loop until an async call ends, then hands its result over. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
wait_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
wait_run (Wait *wait)
{
  g_main_loop_run (wait->loop);
  g_clear_pointer (&wait->loop, g_main_loop_unref);
  return wait->result;
}

static char *
describe_playbook (ObjectorPlaybook *playbook)
{
  long long version = objector_playbook_get_version (playbook);
  const char *origin = objector_playbook_get_origin (playbook);

  if (g_strcmp0 (origin, "bundled") == 0)
    return g_strdup_printf (_("version %lld, bundled with Objector"), version);

  return g_strdup_printf (_("version %lld from “%s”"), version, origin);
}

/* check-links */

static void
print_results_json (GListModel *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = g_list_model_get_n_items (results);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorLinkResult) link = g_list_model_get_item (results, i);

      json_builder_begin_object (builder);
      objector_cli_add_string_or_null (builder, "path", objector_link_result_get_path_id (link));
      objector_cli_add_string_or_null (builder, "role", objector_link_role_to_string (objector_link_result_get_role (link)));
      objector_cli_add_string_or_null (builder, "url", objector_link_result_get_url (link));
      objector_cli_add_string_or_null (builder, "verdict",
                                       objector_link_verdict_to_string (objector_link_result_get_verdict (link)));
      json_builder_set_member_name (builder, "usable");
      json_builder_add_boolean_value (builder, objector_link_result_is_usable (link));
      json_builder_set_member_name (builder, "http_status");
      if (objector_link_result_get_http_status (link) != 0)
        json_builder_add_int_value (builder, objector_link_result_get_http_status (link));
      else
        json_builder_add_null_value (builder);
      objector_cli_add_string_or_null (builder, "final_url", objector_link_result_get_final_url (link));
      objector_cli_add_string_or_null (builder, "foreign_host", objector_link_result_get_foreign_host (link));
      objector_cli_add_string_or_null (builder, "message", objector_link_result_get_message (link));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  objector_cli_print_json (root);
}

static void
print_results_text (GListModel *results)
{
  guint n = g_list_model_get_n_items (results);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorLinkResult) link = g_list_model_get_item (results, i);
      ObjectorLinkVerdict verdict = objector_link_result_get_verdict (link);

      /* One line per link; what was found, and what to do, unless all is well. */
      g_print ("%-20s %-16s %-15s %s%s%s\n",
               objector_link_result_get_path_id (link),
               objector_link_role_to_string (objector_link_result_get_role (link)),
               objector_link_verdict_get_label (verdict),
               objector_link_result_get_url (link),
               verdict == OBJECTOR_LINK_VERDICT_REACHABLE ? "" : "  ",
               verdict == OBJECTOR_LINK_VERDICT_REACHABLE ? "" : objector_link_result_get_message (link));
    }
}

int
objector_cli_check_links (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorNet) net = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *described = NULL;
  Wait wait = { 0 };
  guint n, n_usable = 0;

  if (!(playbook = objector_cli_load_playbook (options, &error)))
    return objector_cli_fail (error);

  net = objector_net_new ();
  wait.loop = g_main_loop_new (NULL, FALSE);
  objector_net_check_playbook_async (net, playbook, NULL, wait_done_cb, &wait);
  result = wait_run (&wait);

  if (!(results = objector_net_check_playbook_finish (net, result, &error)))
    return objector_cli_fail (error);

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorLinkResult) link = g_list_model_get_item (results, i);

      if (objector_link_result_is_usable (link))
        n_usable++;
    }

  if (options->json)
    print_results_json (results);
  else
    {
      described = describe_playbook (playbook);
      /* Translators: the first line of “objector check-links”; %s is
       * “version N, bundled with Objector” or “version N from “FILE”” */
      g_print (_("Links of the playbook, %s:\n"), described);
      print_results_text (results);
    }

  if (n_usable < n)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "objector: %u of %u link does not work\n",
                               "objector: %u of %u links do not work\n", n),
                  n - n_usable, n);
      return OBJECTOR_EXIT_FAILED;
    }

  return OBJECTOR_EXIT_OK;
}

/* update-playbook */

/* The URL the person chose in the app's preferences, when the schema is
 * installed; else the project's own. */
static char *
dup_configured_update_url (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *url = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "playbook-update-url"))
    return g_strdup (OBJECTOR_PLAYBOOK_UPDATE_URL);

  settings = g_settings_new_full (schema, NULL, NULL);
  url = g_settings_get_string (settings, "playbook-update-url");
  if (*url == '\0')
    return g_strdup (OBJECTOR_PLAYBOOK_UPDATE_URL);

  return g_steal_pointer (&url);
}

int
objector_cli_update_playbook (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) current = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorNet) net = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *url = NULL;
  g_autofree char *described = NULL;
  ObjectorPlaybookUpdateResult outcome = OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER;
  Wait wait = { 0 };

  /* The update replaces the copy in the data folder, which --playbook bypasses. */
  if (options->playbook_file != NULL)
    return objector_cli_usage_error ("update-playbook",
                                     _("“update-playbook” updates the playbook in your data folder; "
                                       "--playbook FILE does not go with it"));

  url = options->url != NULL ? g_strstrip (g_strdup (options->url)) : dup_configured_update_url ();
  if (!objector_net_validate_update_url (url, &error))
    return objector_cli_fail (error);

  if (!(current = objector_playbook_load_default (NULL, &error)))
    return objector_cli_fail (error);

  net = objector_net_new ();
  wait.loop = g_main_loop_new (NULL, FALSE);
  objector_net_update_playbook_async (net, url, current, NULL, wait_done_cb, &wait);
  result = wait_run (&wait);

  playbook = objector_net_update_playbook_finish (net, result, &outcome, &error);
  if (playbook == NULL)
    {
      described = describe_playbook (current);
      g_printerr (_("objector: %s The playbook in use stays the same: %s.\n"),
                  error->message, described);
      return OBJECTOR_EXIT_FAILED;
    }

  described = describe_playbook (playbook);
  switch (outcome)
    {
    case OBJECTOR_PLAYBOOK_UPDATE_INSTALLED:
      g_print (_("Updated from %s: the playbook in use is now %s.\n"), url, described);
      break;

    case OBJECTOR_PLAYBOOK_UPDATE_NOT_MODIFIED:
      g_print (_("The playbook at %s has not changed since the last check; the one in use stays: %s.\n"),
               url, described);
      break;

    case OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER:
    default:
      g_print (_("The playbook at %s is not newer than the one in use, which stays: %s.\n"),
               url, described);
      break;
    }

  return OBJECTOR_EXIT_OK;
}

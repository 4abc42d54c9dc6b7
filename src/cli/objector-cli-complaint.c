/* objector-cli-complaint.c — `objector complaint`
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "objector-clock.h"
#include "objector-authorities.h"
#include "objector-cli-private.h"
#include "objector-complaint.h"
#include "objector-error.h"
#include "objector-safe-text.h"

static void
print_field (const char *label,
             const char *value)
{
  g_auto(GStrv) lines = NULL;

  if (value == NULL)
    return;

  /* Multi-line values (the postal address) stay aligned under the first. */
  lines = g_strsplit (value, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("%-10s %s\n", i == 0 ? label : "", lines[i]);
}

static void
print_regions (GListModel *regions)
{
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(ObjectorAuthority) authority = g_list_model_get_item (regions, i);
      const char *code = objector_authority_get_region_code (authority);
      const char *dash = code != NULL ? strchr (code, '-') : NULL;

      g_print ("  %-24s %-3s %s\n", objector_authority_get_region (authority),
               dash != NULL ? dash + 1 : "", objector_authority_get_name (authority));
    }
}

static int
usage_with_regions (ObjectorAuthorities *authorities,
                    const char          *country,
                    const char          *message)
{
  g_autoptr(GListModel) regions = objector_authorities_list_regions (authorities, country);

  g_print (_("The data-protection authorities of %s, one per region:\n"), country);
  print_regions (regions);
  return objector_cli_usage_error ("complaint", message);
}

/* The authority to complain to: --authority, else the one for the country
 * (and --region) the objection was made from. Returns an exit status other
 * than OBJECTOR_EXIT_OK when it cannot be found. */
static int
pick_authority (CliOptions           *options,
                ObjectorAuthorities  *authorities,
                ObjectorObjection    *objection,
                ObjectorAuthority   **out)
{
  g_autoptr(GError) error = NULL;
  const char *country = objector_objection_get_country (objection);
  g_autofree char *region = NULL;

  if (options->authority != NULL)
    {
      g_autofree char *message = NULL;

      *out = objector_authorities_lookup (authorities, options->authority);
      if (*out != NULL)
        return OBJECTOR_EXIT_OK;

      message = g_strdup_printf (_("“%s” is not an authority Objector knows; Meta’s lead authority, "
                                   "the Irish Data Protection Commission, is “%s”"),
                                 options->authority,
                                 objector_authority_get_slug (objector_authorities_get_lead (authorities)));
      return objector_cli_usage_error ("complaint", message);
    }

  if (country == NULL)
    {
      g_set_error (&error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("This objection records no country, so the authority is unknown: "
                     "name one with --authority SLUG, such as %s (Meta’s lead authority)"),
                   objector_authority_get_slug (objector_authorities_get_lead (authorities)));
      return objector_cli_fail (error);
    }

  /* --region, else the region chosen in the app; a wizard file that cannot
   * be read only means asking for --region below. */
  region = objector_cli_dup_app_choice (options->region, objector_draft_get_region, NULL);
  *out = objector_authorities_for_country (authorities, country, region, &error);
  if (*out != NULL)
    return OBJECTOR_EXIT_OK;

  if (g_error_matches (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_REGION))
    {
      return usage_with_regions (authorities, country,
                                 _("Say which region you live in with --region, such as "
                                   "“--region Bayern” or “--region BY”"));
    }

  if (region != NULL && objector_authorities_has_regions (authorities, country))
    return usage_with_regions (authorities, country, error->message);

  {
    g_autofree char *message =
      g_strdup_printf (_("%s. Meta’s lead authority, the Irish Data Protection Commission, "
                         "may still take it: add “--authority %s”"),
                       error->message,
                       objector_authority_get_slug (objector_authorities_get_lead (authorities)));

    g_printerr ("objector: %s\n", message);
  }
  return OBJECTOR_EXIT_FAILED;
}

int
objector_cli_complaint (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorAuthorities) authorities = NULL;
  g_autoptr(ObjectorComplaintTexts) texts = NULL;
  g_autoptr(ObjectorComplaint) complaint = NULL;
  g_autoptr(GDateTime) now = objector_clock_now ();
  ObjectorAuthority *authority = NULL;
  ObjectorObjection *objection;
  const char *region = NULL;
  int status;

  if (!(texts = objector_complaint_texts_load (&error)))
    return objector_cli_fail (error);

  if (options->language != NULL && !objector_complaint_texts_has_language (texts, options->language))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) objector_complaint_texts_get_languages (texts));
      g_autofree char *message = g_strdup_printf (_("There is no complaint text in “%s”; the languages are: %s"),
                                                  options->language, known);

      return objector_cli_usage_error ("complaint", message);
    }

  if (!(store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  if (!(objection = objector_store_lookup (store, options->args[0], &error)))
    return objector_cli_fail (error);

  /* Before asking anything else: is there a complaint to make at all? */
  if (!objector_complaint_check_grounds (objection, now, &error))
    return objector_cli_fail (error);

  if (!(authorities = objector_authorities_load (&error)))
    return objector_cli_fail (error);

  if ((status = pick_authority (options, authorities, objection, &authority)) != OBJECTOR_EXIT_OK)
    return status;

  /* The text names the region as the authority knows it ("Bayern"), not as
   * it was typed ("by"). */
  if (objector_authority_get_region (authority) != NULL)
    region = objector_authority_get_region (authority);

  if (!(playbook = objector_cli_load_playbook (options, &error)))
    return objector_cli_fail (error);

  complaint = objector_complaint_new (texts, objection, authority,
                                      objector_playbook_lookup_path (playbook,
                                                                     objector_objection_get_path_id (objection)),
                                      region, options->language, now, &error);
  if (complaint == NULL)
    return objector_cli_fail (error);

  /* Translators: labels of `objector complaint`, padded to ten columns */
  print_field (_("Authority:"), objector_authority_get_name (authority));
  print_field (_("Web form:"), objector_authority_get_webform (authority));
  print_field (_("Email:"), objector_authority_get_email (authority));
  print_field (_("Phone:"), objector_authority_get_phone (authority));
  print_field (_("Post:"), objector_authority_get_address (authority));
  print_field (_("Website:"), objector_authority_get_web (authority));
  print_field (_("Language:"), objector_complaint_get_language (complaint));
  g_print ("\n");
  /* It quotes the subjects and senders of the emails logged: line by
   * line, nothing of theirs may act on the terminal. */
  {
    g_auto(GStrv) lines = g_strsplit (objector_complaint_get_text (complaint), "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_autofree char *safe = objector_safe_text (lines[i], -1);

        g_print (lines[i + 1] != NULL ? "%s\n" : "%s", safe);
      }
  }

  return OBJECTOR_EXIT_OK;
}

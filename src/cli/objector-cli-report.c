/* objector-cli-report.c — objector export-pdf FILE [--redact] [--name NAME] [--region LAND]
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "objector-authorities.h"
#include "objector-cli-private.h"
#include "objector-error.h"
#include "objector-report.h"

/* A --region that names no region of a country the objections are from is a
 * mistake to say, not a summary without the authority. */
static gboolean
check_region (CliOptions           *options,
              ObjectorAuthorities  *authorities,
              GListModel           *objections,
              GError              **error)
{
  if (options->region == NULL)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (objections); i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (objections, i);
      const char *country = objector_objection_get_country (objection);

      if (country != NULL && objector_authorities_has_regions (authorities, country)
          && objector_authorities_for_country (authorities, country, options->region, error) == NULL)
        return FALSE;
    }
  return TRUE;
}

int
objector_cli_export_pdf (CliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = NULL;
  g_autoptr(ObjectorStore) store = NULL;
  g_autoptr(ObjectorAuthorities) authorities = NULL;
  g_autoptr(ObjectorReport) report = NULL;
  g_autofree char *name = NULL;
  g_autofree char *region = NULL;
  g_autofree char *display = NULL;
  const char *filename = options->args[0];
  gboolean regular;
  GStatBuf st;
  guint n;

  if (*filename == '\0')
    return objector_cli_usage_error ("export-pdf",
                                     _("“export-pdf” needs the name of the PDF file to write, "
                                       "such as objections.pdf"));

  if (!(playbook = objector_cli_load_playbook (options, &error)))
    return objector_cli_fail (error);

  if (!(store = objector_cli_load_store (&error)))
    return objector_cli_fail (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (n == 0)
    {
      g_set_error (&error, OBJECTOR_ERROR, OBJECTOR_ERROR_NOT_FOUND,
                   _("There is no objection to summarise yet: start one in Objector or with “objector start”"));
      return objector_cli_fail (error);
    }

  if (!(authorities = objector_authorities_load (&error)))
    return objector_cli_fail (error);
  if (!check_region (options, authorities, G_LIST_MODEL (store), &error))
    return objector_cli_usage_error ("export-pdf", error->message);

  {
    g_autoptr(GError) draft_error = NULL;

    region = objector_cli_dup_app_choice (options->region, objector_draft_get_region, &draft_error);
    if (draft_error != NULL)
      /* Translators: the first %s says why the wizard's file could not be read */
      g_printerr (_("objector: %s. The summary names no regional authority: say which region "
                    "you live in with --region.\n"), draft_error->message);
    /* --name, else the name given in the app (none if its file is damaged:
     * said just above). */
    name = objector_cli_dup_app_choice (options->name, objector_draft_get_name, NULL);
    if (name != NULL)
      g_strstrip (name);
  }
  /* The document the app's “Save PDF Summary…” writes: core assembles it. */
  report = objector_report_new_for_person (G_LIST_MODEL (store), playbook, authorities, region,
                                           name != NULL && *name != '\0' ? name : NULL);
  objector_report_set_redact (report, options->redact);

  if (!objector_report_save (report, filename, NULL, &error))
    return objector_cli_fail (error);

  /* Nothing on standard output when the PDF itself went there (/dev/stdout, a
   * pipe): what happened goes to standard error then. */
  display = g_filename_display_name (filename);
  regular = g_stat (filename, &st) == 0 && S_ISREG (st.st_mode);
  if (!regular && S_ISCHR (st.st_mode))
    g_printerr (_("objector: “%s” is a device, not a file: the summary was written to it, and no file was kept.\n"),
                display);
  else if (!regular)
    g_printerr (_("objector: “%s” is a pipe, not a file: the summary was written into it, and no file was kept.\n"),
                display);
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Saved the summary of %u objection to “%s”%s.\n",
                            "Saved the summary of %u objections to “%s”%s.\n", n),
               n, display, options->redact ? _(", without your email address") : "");
    }

  return OBJECTOR_EXIT_OK;
}

/* objector-view-ui.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-clock.h"
#include "objector-country.h"
#include "objector-view-ui.h"
#include "objector-wizard.h"

ObjectorObjectionView *
objector_ui_view_new (ObjectorWizard    *wizard,
                      ObjectorObjection *objection)
{
  ObjectorPlaybook *playbook;
  ObjectorDraft *draft;
  ObjectorViewFacts facts;
  g_autoptr(GDateTime) now = objector_clock_now ();
  g_autofree char *country_name = NULL;
  const char *country;

  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), NULL);

  playbook = objector_wizard_get_playbook (wizard);
  if (playbook == NULL)
    return NULL;
  draft = objector_wizard_get_draft (wizard);

  objector_view_facts_init (&facts, objection, playbook, objector_wizard_get_authorities (wizard), draft,
                            G_LIST_MODEL (objector_wizard_get_store (wizard)));
  /* The same country the facts were worked out for. */
  country = objector_objection_get_country (objection);
  if (country == NULL && draft != NULL)
    country = objector_draft_get_country (draft);
  if (country != NULL)
    facts.country_name = country_name = objector_country_dup_name (country);

  return objector_objection_view_new (objection,
                                      objector_playbook_lookup_path (playbook, objector_objection_get_path_id (objection)),
                                      &facts, now);
}

guint
objector_ui_add_midnight_timeout (GSourceFunc func,
                                  gpointer    data)
{
  g_autoptr(GDateTime) now = objector_clock_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                                                g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                                                0, 0, 0);
  g_autoptr(GDateTime) midnight = g_date_time_add_days (today, 1);
  GTimeSpan until = g_date_time_difference (midnight, now);

  /* A second late rather than early: the view must see the new day. */
  return g_timeout_add_seconds ((guint) (until / G_TIME_SPAN_SECOND) + 1, func, data);
}

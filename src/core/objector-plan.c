/* objector-plan.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-error.h"
#include "objector-plan.h"

typedef struct
{
  ObjectorPath *path;
  const char   *account;  /* NULL for none */
  char         *id;       /* the objection serving it, once known */
  gboolean      linked;   /* it covers the accounts linked in one Accounts Center */
} Want;

static void
want_clear (Want *want)
{
  g_clear_pointer (&want->id, g_free);
}

const char *
objector_plan_reason_for (ObjectorDraft *draft,
                          ObjectorPath  *path)
{
  const char *kind = objector_draft_get_reason_kind (draft);
  const char *reason = objector_draft_get_reason (draft);

  if (objector_path_get_kind (path) == OBJECTOR_PATH_KIND_OBJECTION
      && g_strcmp0 (kind, "custom") == 0 && reason != NULL && *reason != '\0')
    return reason;

  if (g_strcmp0 (kind, "full") == 0)
    return objector_path_get_reason_full (path);
  return objector_path_get_reason_short (path);
}

static const char *
nonempty (const char *s)
{
  return (s != NULL && *s != '\0') ? s : NULL;
}

typedef struct
{
  ObjectorDraft *draft;
  ObjectorPath  *path;
  const char    *account;
  GDateTime     *now;
  const char    *note;     /* for the history, when the details are first complete */
} Details;

/* Only for objections not sent yet: what was submitted stays as submitted. */
static gboolean
update_details (ObjectorObjection  *objection,
                gpointer            user_data,
                GError            **error)
{
  Details *details = user_data;
  ObjectorState state = objector_objection_get_state (objection);

  if (state != OBJECTOR_STATE_DRAFT && state != OBJECTOR_STATE_READY)
    return TRUE;

  objector_objection_set_country (objection, objector_draft_get_country (details->draft));
  objector_objection_set_email (objection, objector_draft_get_email (details->draft));
  objector_objection_set_account (objection, details->account);
  objector_objection_set_reason (objection, objector_plan_reason_for (details->draft, details->path));

  if (state == OBJECTOR_STATE_DRAFT)
    return objector_objection_apply (objection, OBJECTOR_EVENT_COMPLETE_DETAILS, details->note, details->now, error);
  return TRUE;
}

static gboolean
withdraw_unsent (ObjectorObjection  *objection,
                 gpointer            user_data,
                 GError            **error)
{
  ObjectorState state = objector_objection_get_state (objection);

  if (state != OBJECTOR_STATE_DRAFT && state != OBJECTOR_STATE_READY)
    return TRUE;
  return objector_objection_apply (objection, OBJECTOR_EVENT_WITHDRAW,
                                   _("No longer needed after a change in the wizard"),
                                   user_data, error);
}

/* "Zoë (Facebook), zoe_photos (Instagram)": the accounts one objection
 * covers when they are linked in one Accounts Center. */
static char *
linked_accounts_label (ObjectorDraft *draft)
{
  GString *label = g_string_new (NULL);

  for (guint a = 0; a < objector_draft_get_n_accounts (draft); a++)
    {
      const ObjectorAccount *account = objector_draft_get_account (draft, a);
      const char *name = g_str_equal (account->platform, "facebook") ? "Facebook"
                         : g_str_equal (account->platform, "instagram") ? "Instagram" : NULL;

      if (name == NULL)
        continue;
      if (label->len > 0)
        g_string_append (label, ", ");
      if (nonempty (account->label) != NULL)
        g_string_append_printf (label, "%s (%s)", account->label, name);
      else
        g_string_append (label, name);
    }
  return g_string_free (label, FALSE);
}

static gboolean
links_through_accounts_center (const char *platform)
{
  return g_strcmp0 (platform, "facebook") == 0 || g_strcmp0 (platform, "instagram") == 0;
}

gboolean
objector_plan_objections (ObjectorStore     *store,
                          ObjectorPlaybook  *playbook,
                          ObjectorDraft     *draft,
                          GDateTime         *now,
                          GError           **error)
{
  g_autoptr(GArray) wants = g_array_new (FALSE, TRUE, sizeof (Want));
  g_autoptr(GListModel) paths = NULL;
  g_autoptr(GPtrArray) previous = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *linked_label = NULL;
  gboolean linked;
  const char *country = objector_draft_get_country (draft);
  const char * const *known;

  g_return_val_if_fail (OBJECTOR_IS_STORE (store), FALSE);
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), FALSE);
  g_return_val_if_fail (OBJECTOR_IS_DRAFT (draft), FALSE);

  g_array_set_clear_func (wants, (GDestroyNotify) want_clear);

  if (country == NULL)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("Choose the country where you live first"));
      return FALSE;
    }
  if (!objector_email_address_is_valid (objector_draft_get_email (draft)))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                   _("Give the email address Meta should answer to, such as name@example.org"));
      return FALSE;
    }

  /* Accounts linked in one Accounts Center go through one form, Facebook's,
   * and the objection says which accounts it covers. */
  linked = objector_draft_get_accounts_linked (draft)
           && objector_draft_count_platform (draft, "facebook") > 0
           && objector_draft_count_platform (draft, "instagram") > 0;
  if (linked)
    linked_label = linked_accounts_label (draft);

  paths = objector_playbook_paths_for_country (playbook, country);
  for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);

      if (objector_path_get_kind (path) == OBJECTOR_PATH_KIND_OBJECTION)
        {
          if (objector_draft_get_no_account (draft))
            continue;
          if (linked && links_through_accounts_center (objector_path_get_platform (path)))
            {
              Want want = { path, linked_label, NULL, TRUE };

              if (g_str_equal (objector_path_get_platform (path), "facebook"))
                g_array_append_val (wants, want);
              continue;
            }
          for (guint a = 0; a < objector_draft_get_n_accounts (draft); a++)
            {
              const ObjectorAccount *account = objector_draft_get_account (draft, a);
              Want want = { path, nonempty (account->label), NULL, FALSE };

              if (g_strcmp0 (account->platform, objector_path_get_platform (path)) == 0)
                g_array_append_val (wants, want);
            }
        }
      else
        {
          Want want = { path, NULL, NULL, FALSE };
          g_array_append_val (wants, want);
        }
    }

  /* Match what this wizard made before: same path and account first, then
   * the same path under a name the person has since changed. */
  known = objector_draft_get_objections (draft);
  for (guint i = 0; known[i] != NULL; i++)
    if (objector_store_lookup (store, known[i], NULL) != NULL)
      g_ptr_array_add (previous, g_strdup (known[i]));

  for (guint pass = 0; pass < 2; pass++)
    for (guint w = 0; w < wants->len; w++)
      {
        Want *want = &g_array_index (wants, Want, w);

        for (guint p = 0; want->id == NULL && p < previous->len; p++)
          {
            ObjectorObjection *o = objector_store_lookup (store, g_ptr_array_index (previous, p), NULL);

            if (o == NULL || objector_objection_get_state (o) == OBJECTOR_STATE_WITHDRAWN
                || g_strcmp0 (objector_objection_get_path_id (o), objector_path_get_id (want->path)) != 0)
              continue;
            if (pass == 0 && g_strcmp0 (nonempty (objector_objection_get_account (o)), want->account) != 0)
              continue;
            if (pass == 1 && objector_objection_get_state (o) > OBJECTOR_STATE_READY)
              continue;  /* a sent objection keeps its account name */

            want->id = g_ptr_array_steal_index (previous, p);
          }
      }

  for (guint w = 0; w < wants->len; w++)
    {
      Want *want = &g_array_index (wants, Want, w);
      g_autofree char *note = want->linked
                              ? g_strdup_printf (_("Covers the accounts linked in one Accounts Center: %s"), want->account)
                              : NULL;
      Details details = { draft, want->path, want->account, now, note };

      if (want->id == NULL)
        {
          g_autoptr(ObjectorObjection) o = objector_objection_new (objector_path_get_id (want->path),
                                                                   objector_path_get_platform (want->path),
                                                                   objector_path_get_has_code_step (want->path),
                                                                   now);

          if (!update_details (o, &details, error) || !objector_store_add (store, o, error))
            return FALSE;
          want->id = g_strdup (objector_objection_get_id (o));
        }
      else if (!objector_store_edit (store, want->id, update_details, &details, error))
        return FALSE;

      g_strv_builder_add (ids, want->id);
    }

  /* Left over: unsent ones are withdrawn; sent ones stay to be followed. */
  for (guint p = 0; p < previous->len; p++)
    {
      const char *id = g_ptr_array_index (previous, p);
      ObjectorObjection *o = objector_store_lookup (store, id, NULL);

      if (o == NULL || objector_objection_get_state (o) == OBJECTOR_STATE_WITHDRAWN)
        continue;
      if (objector_objection_get_state (o) <= OBJECTOR_STATE_READY)
        {
          if (!objector_store_edit (store, id, withdraw_unsent, now, error))
            return FALSE;
          continue;
        }
      g_strv_builder_add (ids, id);
    }

  list = g_strv_builder_end (ids);
  objector_draft_set_objections (draft, (const char * const *) list);
  return TRUE;
}

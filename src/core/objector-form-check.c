/* objector-form-check.c — which of a path's forms to open
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "objector-form-check.h"

typedef struct
{
  GPtrArray *candidates;      /* of ObjectorFormCandidate */
  GStrv      allowed_hosts;
  GPtrArray *results;         /* of ObjectorLinkResult */
  guint      next;
  int        unchecked;       /* the first that could not be checked, or -1 */
  int        failing;         /* the first that answered badly, or -1 */
} Check;

static void
check_free (Check *check)
{
  g_ptr_array_unref (check->candidates);
  g_strfreev (check->allowed_hosts);
  g_ptr_array_unref (check->results);
  g_free (check);
}

void
objector_form_choice_free (ObjectorFormChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->url);
  g_clear_pointer (&choice->results, g_ptr_array_unref);
  g_free (choice->message);
  g_free (choice);
}

char *
objector_form_candidate_describe (const ObjectorFormCandidate *form)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *month = NULL;
  int y, m, d;

  g_return_val_if_fail (form != NULL, NULL);

  if (form->last_checked == NULL || sscanf (form->last_checked, "%d-%d-%d", &y, &m, &d) != 3
      || (date = g_date_time_new_utc (y, m, d, 12, 0, 0)) == NULL)
    return g_strdup (form->label);

  /* Translators: a month and year, as in “May 2025”; %OB is the month's name
   * on its own (see g_date_time_format()). */
  month = g_date_time_format (date, _("%OB %Y"));
  /* Translators: “Meta’s 2025 form, as of May 2025”: the last time a source
   * confirmed that this is where the form is. */
  return g_strdup_printf (_("%s, as of %s"), form->label, month);
}

/* Why a candidate was passed over, as a clause: "Meta’s 2025 form did not answer (gone)". */
static char *
why_not (const ObjectorFormCandidate *form,
         ObjectorLinkResult          *result)
{
  ObjectorLinkVerdict verdict = objector_link_result_get_verdict (result);

  switch (verdict)
    {
    case OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT:
      /* Translators: “Meta’s 2025 form now leads away from Meta, to evil.example” */
      return g_strdup_printf (_("%s now leads away from Meta, to %s"), form->label,
                              objector_link_result_get_foreign_host (result) ? objector_link_result_get_foreign_host (result)
                                                                              : objector_link_result_get_url (result));
    case OBJECTOR_LINK_VERDICT_NOT_ALLOWED:
      return g_strdup_printf (_("%s is not at an address Objector trusts"), form->label);
    default:
      /* Translators: “Meta’s 2025 form did not answer (gone)” */
      return g_strdup_printf (_("%s did not answer (%s)"), form->label, objector_link_verdict_get_label (verdict));
    }
}

static ObjectorFormChoice *
choose (Check                    *check,
        ObjectorFormChoiceAction  action,
        guint                     index,
        const char               *url)
{
  ObjectorFormChoice *choice = g_new0 (ObjectorFormChoice, 1);
  const ObjectorFormCandidate *chosen = g_ptr_array_index (check->candidates, index);
  g_autoptr(GString) reasons = g_string_new (NULL);

  choice->action = action;
  choice->index = index;
  choice->url = g_strdup (url != NULL ? url : chosen->url);
  choice->results = g_ptr_array_ref (check->results);

  /* Only an opening needs explaining here: the others explain themselves. */
  if (action != OBJECTOR_FORM_CHOICE_OPEN || index == 0)
    return choice;

  for (guint i = 0; i < index && i < check->results->len; i++)
    {
      g_autofree char *why = why_not (g_ptr_array_index (check->candidates, i),
                                      g_ptr_array_index (check->results, i));

      if (reasons->len > 0)
        g_string_append (reasons, "; ");
      g_string_append (reasons, why);
    }
  /* Translators: “Opened Meta’s 2024 form: Meta’s 2025 form did not answer (gone).” */
  choice->message = g_strdup_printf (_("Opened %s: %s."), chosen->label, reasons->str);
  return choice;
}

static void check_next (GTask *task);

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Check *check = g_task_get_task_data (task);
  g_autoptr(ObjectorLinkResult) found = NULL;
  GError *error = NULL;
  guint index = check->next - 1;

  found = objector_net_check_link_finish (OBJECTOR_NET (source), result, &error);
  if (found == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_add (check->results, g_object_ref (found));

  switch (objector_link_result_get_verdict (found))
    {
    case OBJECTOR_LINK_VERDICT_REACHABLE:
      g_task_return_pointer (task, choose (check, OBJECTOR_FORM_CHOICE_OPEN, index, NULL),
                             (GDestroyNotify) objector_form_choice_free);
      return;

    case OBJECTOR_LINK_VERDICT_MOVED:
      g_task_return_pointer (task, choose (check, OBJECTOR_FORM_CHOICE_OPEN, index,
                                           objector_link_result_get_final_url (found)),
                             (GDestroyNotify) objector_form_choice_free);
      return;

    case OBJECTOR_LINK_VERDICT_OFFLINE:
      /* No network: the others cannot be checked either. */
      if (check->unchecked < 0)
        check->unchecked = (int) index;
      check->next = check->candidates->len;
      break;

    case OBJECTOR_LINK_VERDICT_TIMEOUT:
    case OBJECTOR_LINK_VERDICT_TLS_FAILURE:
    case OBJECTOR_LINK_VERDICT_INVALID_RESPONSE:
      if (check->unchecked < 0)
        check->unchecked = (int) index;
      break;

    case OBJECTOR_LINK_VERDICT_GONE:
    case OBJECTOR_LINK_VERDICT_SERVER_ERROR:
      if (check->failing < 0)
        check->failing = (int) index;
      break;

    case OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT:
    case OBJECTOR_LINK_VERDICT_NOT_ALLOWED:
    default:
      break;
    }

  check_next (g_steal_pointer (&task));
}

static void
check_next (GTask *task)
{
  Check *check = g_task_get_task_data (task);
  const ObjectorFormCandidate *form;

  if (check->next < check->candidates->len)
    {
      form = g_ptr_array_index (check->candidates, check->next++);
      objector_net_check_link_async (g_task_get_source_object (task), form->url,
                                     (const char * const *) check->allowed_hosts,
                                     g_task_get_cancellable (task), checked_cb, task);
      return;
    }

  /* None answered as it should. Being offline never stops the person; a
   * form that is gone may be back; a form that leads away is never opened. */
  if (check->unchecked >= 0)
    g_task_return_pointer (task, choose (check, OBJECTOR_FORM_CHOICE_OPEN_UNCHECKED, check->unchecked, NULL),
                           (GDestroyNotify) objector_form_choice_free);
  else if (check->failing >= 0)
    g_task_return_pointer (task, choose (check, OBJECTOR_FORM_CHOICE_ASK, check->failing, NULL),
                           (GDestroyNotify) objector_form_choice_free);
  else
    g_task_return_pointer (task, choose (check, OBJECTOR_FORM_CHOICE_REFUSE, 0, NULL),
                           (GDestroyNotify) objector_form_choice_free);
  g_object_unref (task);
}

void
objector_form_check_async (ObjectorNet         *net,
                           GPtrArray           *candidates,
                           const char * const  *allowed_hosts,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  Check *check;

  g_return_if_fail (OBJECTOR_IS_NET (net));
  g_return_if_fail (candidates != NULL && candidates->len > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (net, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_form_check_async);

  check = g_new0 (Check, 1);
  check->candidates = g_ptr_array_ref (candidates);
  check->allowed_hosts = g_strdupv ((char **) allowed_hosts);
  check->results = g_ptr_array_new_with_free_func (g_object_unref);
  check->unchecked = -1;
  check->failing = -1;
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);

  check_next (task);
}

ObjectorFormChoice *
objector_form_check_finish (ObjectorNet   *net,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, net), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == objector_form_check_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

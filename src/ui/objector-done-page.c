/* objector-done-page.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-done-page.h"
#include "objector-wizard.h"

struct _ObjectorDonePage
{
  ObjectorPage  parent_instance;

  GtkWidget    *group;
  GtkWidget    *deadline;
  GtkWidget    *no_deadline;
  GtkWidget    *complaint;
  GPtrArray    *rows;
};

G_DEFINE_FINAL_TYPE (ObjectorDonePage, objector_done_page, OBJECTOR_TYPE_PAGE)

/* Whether the GDPR (or the UK's) gives the person of @country a right to
 * object, a deadline for Meta's answer and an authority to complain to:
 * where the playbook has an objection path for them. */
static gboolean
gdpr_applies (ObjectorPlaybook *playbook,
              const char       *country)
{
  g_autoptr(GListModel) paths = NULL;

  if (country == NULL)
    return FALSE;
  paths = objector_playbook_paths_for_country (playbook, country);
  for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);

      if (objector_path_get_kind (path) == OBJECTOR_PATH_KIND_OBJECTION)
        return TRUE;
    }
  return FALSE;
}

static char *
describe (ObjectorObjection *objection,
          gboolean           has_deadline)
{
  ObjectorState state = objector_objection_get_state (objection);
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;

  if (due == NULL || !has_deadline || !objector_state_is_awaiting (state))
    return g_strdup (state <= OBJECTOR_STATE_FORM_OPENED
                     ? _("Not sent yet: you can send it later from the overview")
                     : objector_state_get_label (state));

  when = g_date_time_new_local (g_date_get_year (due), g_date_get_month (due), g_date_get_day (due), 12, 0, 0);
  /* Translators: a date as in “21 December 2026”; see g_date_time_format() */
  date = g_date_time_format (when, _("%-d %B %Y"));
  /* Translators: “Submitted · answer due by 21 December 2026” */
  return g_strdup_printf (_("%s · answer due by %s"), objector_state_get_label (state), date);
}

static void
objector_done_page_shown (ObjectorPage *page)
{
  ObjectorDonePage *self = OBJECTOR_DONE_PAGE (page);
  ObjectorWizard *wizard = objector_page_get_wizard (page);
  ObjectorStore *store = objector_wizard_get_store (wizard);
  ObjectorPlaybook *playbook = objector_wizard_get_playbook (wizard);
  ObjectorDraft *draft = objector_wizard_get_draft (wizard);
  const char * const *ids = objector_draft_get_objections (draft);
  gboolean gdpr = gdpr_applies (playbook, objector_draft_get_country (draft));

  gtk_widget_set_visible (self->deadline, gdpr);
  gtk_widget_set_visible (self->no_deadline, !gdpr);
  gtk_widget_set_visible (self->complaint, gdpr);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      ObjectorObjection *objection = objector_store_lookup (store, ids[i], NULL);
      ObjectorPath *path;
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (objection == NULL)
        continue;
      path = objector_playbook_lookup_path (playbook, objector_objection_get_path_id (objection));
      title = objector_objection_get_account (objection) && *objector_objection_get_account (objection)
              ? g_strdup_printf ("%s (%s)", path ? objector_path_get_title (path) : objector_objection_get_path_id (objection),
                                 objector_objection_get_account (objection))
              : g_strdup (path ? objector_path_get_title (path) : objector_objection_get_path_id (objection));
      subtitle = describe (objection, gdpr_applies (playbook, objector_objection_get_country (objection)));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
people_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  if (g_strcmp0 (response, "copy") == 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)),
                            g_object_get_data (G_OBJECT (dialog), "message"));
}

/* Whether the person objected for accounts of their own: they have some,
 * and live where one can object. */
static gboolean
objected_for_own (ObjectorWizard *wizard)
{
  ObjectorDraft *draft = objector_wizard_get_draft (wizard);

  return objector_draft_get_n_accounts (draft) > 0
         && gdpr_applies (objector_wizard_get_playbook (wizard), objector_draft_get_country (draft));
}

/* Meta also trains on what others post about the person: ask them to object too. */
static void
ask_people (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ObjectorWizard *wizard = objector_page_get_wizard (OBJECTOR_PAGE (widget));
  ObjectorComplaintTexts *texts = objector_wizard_get_complaint_texts (wizard);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  const char * const *languages = g_get_language_names ();
  const char *language = "en";
  AdwMessageDialog *dialog;

  if (texts == NULL)
    return;

  for (guint i = 0; languages[i] != NULL; i++)
    if (objector_complaint_texts_resolve_language (texts, languages[i]) != NULL)
      {
        language = objector_complaint_texts_resolve_language (texts, languages[i]);
        break;
      }

  message = objector_complaint_texts_dup_people_message (texts, objector_wizard_get_playbook (wizard), language,
                                                         objected_for_own (wizard), &title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       title, message));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "message", g_strdup (message), g_free);
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "copy", _("_Copy Message"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "copy");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (dialog, "response", G_CALLBACK (people_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
objector_done_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_DONE_PAGE);
  G_OBJECT_CLASS (objector_done_page_parent_class)->dispose (object);
}

static void
objector_done_page_finalize (GObject *object)
{
  g_clear_pointer (&OBJECTOR_DONE_PAGE (object)->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (objector_done_page_parent_class)->finalize (object);
}

static void
objector_done_page_class_init (ObjectorDonePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_done_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = objector_done_page_finalize;
  OBJECTOR_PAGE_CLASS (klass)->shown = objector_done_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorDonePage, group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDonePage, deadline);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDonePage, no_deadline);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDonePage, complaint);
  gtk_widget_class_install_action (widget_class, "done.ask-people", NULL, ask_people);
}

static void
objector_done_page_init (ObjectorDonePage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

ObjectorPage *
objector_done_page_new (ObjectorWizard *wizard)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);

  return g_object_new (OBJECTOR_TYPE_DONE_PAGE, "wizard", wizard, NULL);
}

/* objector-details-page.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-objection.h"
#include "objector-details-page.h"
#include "objector-plan.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"

struct _ObjectorDetailsPage
{
  ObjectorPage   parent_instance;

  GtkWidget     *email_row;
  GtkWidget     *email_error;
  GtkWidget     *kind_buttons[3];   /* short, full, custom */
  GtkTextBuffer *reason_buffer;
  GtkWidget     *reason_view;
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (ObjectorDetailsPage, objector_details_page, OBJECTOR_TYPE_PAGE)

static const char * const kinds[] = { "short", "full", "custom" };

static ObjectorDraft *
get_draft (ObjectorDetailsPage *self)
{
  return objector_wizard_get_draft (objector_page_get_wizard (OBJECTOR_PAGE (self)));
}

/* The path whose templates the page offers: the first objection path open to
 * the person, else the third-party request. */
static ObjectorPath *
template_path (ObjectorDetailsPage *self)
{
  ObjectorWizard *wizard = objector_page_get_wizard (OBJECTOR_PAGE (self));
  const char *country = objector_draft_get_country (get_draft (self));
  g_autoptr(GListModel) paths = NULL;
  g_autoptr(ObjectorPath) first = NULL;

  if (country == NULL)
    return NULL;
  paths = objector_playbook_paths_for_country (objector_wizard_get_playbook (wizard), country);
  if (g_list_model_get_n_items (paths) == 0)
    return NULL;
  first = g_list_model_get_item (paths, 0);
  return first;  /* the playbook keeps it alive */
}

static void
update_complete (ObjectorDetailsPage *self)
{
  ObjectorDraft *draft = get_draft (self);
  const char *email = objector_draft_get_email (draft);
  const char *reason = objector_draft_get_reason (draft);
  gboolean email_ok = objector_email_address_is_valid (email);

  if (email != NULL && *email != '\0' && !email_ok)
    {
      gtk_widget_add_css_class (self->email_row, "error");
      gtk_widget_set_visible (self->email_error, TRUE);
    }
  else
    {
      gtk_widget_remove_css_class (self->email_row, "error");
      gtk_widget_set_visible (self->email_error, FALSE);
    }

  objector_page_set_complete (OBJECTOR_PAGE (self), email_ok && reason != NULL && *reason != '\0');
}

static void
show_reason (ObjectorDetailsPage *self)
{
  ObjectorDraft *draft = get_draft (self);
  const char *kind = objector_draft_get_reason_kind (draft);
  ObjectorPath *path = template_path (self);
  const char *text;

  if (g_strcmp0 (kind, "custom") == 0 || path == NULL)
    text = objector_draft_get_reason (draft);
  else
    text = objector_plan_reason_for (draft, path);

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->kind_buttons[i]), TRUE);
  gtk_text_buffer_set_text (self->reason_buffer, text ? text : "", -1);
  self->updating = FALSE;

  objector_draft_set_reason (draft, text);
  update_complete (self);
}

static void
email_changed_cb (GtkEditable         *editable,
                  ObjectorDetailsPage *self)
{
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  objector_draft_set_email (get_draft (self), email);
  update_complete (self);
}

static void
kind_toggled_cb (GtkCheckButton      *button,
                 ObjectorDetailsPage *self)
{
  const char *kind = g_object_get_data (G_OBJECT (button), "kind");

  if (self->updating || !gtk_check_button_get_active (button))
    return;

  objector_draft_set_reason_kind (get_draft (self), kind);
  if (!g_str_equal (kind, "custom"))
    show_reason (self);
}

static void
reason_changed_cb (GtkTextBuffer       *buffer,
                   ObjectorDetailsPage *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->updating)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* Once edited, the words are the person's own: keep them as they are. */
  objector_draft_set_reason_kind (get_draft (self), "custom");
  objector_draft_set_reason (get_draft (self), text);
  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->kind_buttons[2]), TRUE);
  self->updating = FALSE;
  update_complete (self);
}

static void
objector_details_page_shown (ObjectorPage *page)
{
  ObjectorDetailsPage *self = OBJECTOR_DETAILS_PAGE (page);
  const char *email = objector_draft_get_email (get_draft (self));

  g_signal_handlers_block_by_func (self->email_row, email_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");
  g_signal_handlers_unblock_by_func (self->email_row, email_changed_cb, self);
  show_reason (self);

  /* Straight into the first thing to type. */
  if (email == NULL || *email == '\0')
    gtk_widget_grab_focus (self->email_row);
}

static gboolean
objector_details_page_leave (ObjectorPage  *page,
                             GError       **error)
{
  ObjectorWizard *wizard = objector_page_get_wizard (page);

  if (!objector_plan_objections (objector_wizard_get_store (wizard),
                                 objector_wizard_get_playbook (wizard),
                                 objector_wizard_get_draft (wizard),
                                 NULL, error))
    return FALSE;

  objector_wizard_sync_objection_pages (wizard);
  return TRUE;
}

static void
objector_details_page_class_init (ObjectorDetailsPageClass *klass)
{
  OBJECTOR_PAGE_CLASS (klass)->shown = objector_details_page_shown;
  OBJECTOR_PAGE_CLASS (klass)->leave = objector_details_page_leave;
}

static void
objector_details_page_init (ObjectorDetailsPage *self)
{
  const char *kind_labels[] = {
    N_("A _short reason"),
    N_("A _fuller statement citing the GDPR, Article 21(1)"),
    N_("My _own words"),
  };
  GtkWidget *box;
  GtkWidget *body = objector_ui_page_body (&box);
  GtkWidget *group;
  GtkWidget *frame;
  GtkWidget *label;

  objector_page_set_id (OBJECTOR_PAGE (self), "details");
  objector_page_set_title (OBJECTOR_PAGE (self), _("Your Details"));
  objector_page_set_complete (OBJECTOR_PAGE (self), FALSE);

  gtk_box_append (GTK_BOX (box), objector_ui_heading (_("What the Forms Ask For")));
  gtk_box_append (GTK_BOX (box),
                  objector_ui_paragraph (_("Objector keeps these ready for every form, to copy and paste. "
                                           "They stay on this computer.")));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Email Address"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Meta sends its answer, and sometimes a code to confirm, to this address. "
                                           "Use the one of your account."));
  self->email_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email_row), _("_Email address"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->email_row), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->email_row), GTK_INPUT_PURPOSE_EMAIL);
  g_signal_connect (self->email_row, "changed", G_CALLBACK (email_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->email_row);
  gtk_box_append (GTK_BOX (box), group);

  self->email_error = objector_ui_paragraph (_("This does not look like an email address: it needs a name, "
                                               "an @ and a domain, such as name@example.org."));
  gtk_widget_add_css_class (self->email_error, "error");
  gtk_widget_set_visible (self->email_error, FALSE);
  gtk_box_append (GTK_BOX (box), self->email_error);

  label = gtk_label_new (_("Why You Object"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box),
                  objector_ui_paragraph (_("Meta’s 2025 forms mark the reason optional, but give one: an "
                                           "objection under Article 21(1) GDPR rests on grounds relating to "
                                           "your particular situation, and one with no reason of your own "
                                           "may not be effective. A sentence or two about you is enough; "
                                           "change the words to make them yours.")));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *check = objector_ui_wrapping_check (_(kind_labels[i]));

      g_object_set_data (G_OBJECT (check), "kind", (gpointer) kinds[i]);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (self->kind_buttons[0]));
      g_signal_connect (check, "toggled", G_CALLBACK (kind_toggled_cb), self);
      self->kind_buttons[i] = check;
      gtk_box_append (GTK_BOX (box), check);
    }

  self->reason_view = gtk_text_view_new ();
  self->reason_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->reason_view));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->reason_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->reason_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->reason_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->reason_view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->reason_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->reason_view), 12);
  gtk_widget_set_size_request (self->reason_view, -1, 160);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your reason"), -1);
  g_signal_connect (self->reason_buffer, "changed", G_CALLBACK (reason_changed_cb), self);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), self->reason_view);
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (box), frame);

  adw_bin_set_child (ADW_BIN (self), body);
}

ObjectorPage *
objector_details_page_new (ObjectorWizard *wizard)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);

  return g_object_new (OBJECTOR_TYPE_DETAILS_PAGE, "wizard", wizard, NULL);
}

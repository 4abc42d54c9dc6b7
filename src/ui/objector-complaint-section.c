/* objector-complaint-section.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-complaint-section.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"

struct _ObjectorComplaintSection
{
  AdwBin             parent_instance;

  ObjectorWizard    *wizard;  /* weak: the wizard's window holds the page that holds this */
  ObjectorStore     *store;
  ObjectorObjection *objection;
  ObjectorPath      *path;
  ObjectorComplaint *complaint;
  GListModel        *regions;

  GtkWidget         *group;
  GtkWidget         *region_row;
  GtkWidget         *authority_row;
  GtkWidget         *email_row;
  GtkWidget         *address_row;
  GtkWidget         *text_view;
  GtkWidget         *webform_button;
  GtkWidget         *filed_button;
  GtkWidget         *problem;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (ObjectorComplaintSection, objector_complaint_section, ADW_TYPE_BIN)

const char *
objector_complaint_section_get_text (ObjectorComplaintSection *self)
{
  g_return_val_if_fail (OBJECTOR_IS_COMPLAINT_SECTION (self), NULL);
  return self->complaint != NULL ? objector_complaint_get_text (self->complaint) : NULL;
}

static void
show_message (ObjectorComplaintSection *self,
              const char               *message)
{
  objector_ui_toast (GTK_WIDGET (self), message, FALSE);
}

/* The complaint goes in the language the authority reads, where Objector has it. */
static const char *
complaint_language (ObjectorAuthority      *authority,
                    ObjectorComplaintTexts *texts)
{
  const char *language = objector_complaint_texts_resolve_language (texts,
                                                                    objector_authority_get_complaint_language (authority));

  return language != NULL ? language : "en";
}

static void
set_row (GtkWidget  *row,
         const char *value)
{
  GtkWidget *copy = g_object_get_data (G_OBJECT (row), "copy");

  gtk_widget_set_visible (row, value != NULL && *value != '\0');
  if (value == NULL)
    return;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  if (copy != NULL)
    g_object_set_data_full (G_OBJECT (copy), "objector-copy-text", g_strdup (value), g_free);
}

static void
update (ObjectorComplaintSection *self)
{
  ObjectorAuthorities *authorities;
  ObjectorComplaintTexts *texts;
  ObjectorDraft *draft;
  const char *country = objector_objection_get_country (self->objection);
  g_autoptr(GError) error = NULL;
  ObjectorAuthority *authority;
  gboolean has_regions;

  g_clear_object (&self->complaint);
  if (self->wizard == NULL)
    return;
  authorities = objector_wizard_get_authorities (self->wizard);
  texts = objector_wizard_get_complaint_texts (self->wizard);
  draft = objector_wizard_get_draft (self->wizard);

  if (authorities == NULL || texts == NULL
      || !objector_complaint_check_grounds (self->objection, NULL, NULL))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  has_regions = objector_authorities_has_regions (authorities, country);
  gtk_widget_set_visible (self->region_row, has_regions);
  if (has_regions && self->regions == NULL)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      self->regions = objector_authorities_list_regions (authorities, country);
      for (guint i = 0; i < g_list_model_get_n_items (self->regions); i++)
        {
          g_autoptr(ObjectorAuthority) a = g_list_model_get_item (self->regions, i);
          gtk_string_list_append (names, objector_authority_get_region (a));
        }
      self->updating = TRUE;
      adw_combo_row_set_model (ADW_COMBO_ROW (self->region_row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->region_row), GTK_INVALID_LIST_POSITION);
      for (guint i = 0; i < g_list_model_get_n_items (self->regions); i++)
        {
          g_autoptr(ObjectorAuthority) a = g_list_model_get_item (self->regions, i);
          if (g_strcmp0 (objector_authority_get_region (a), objector_draft_get_region (draft)) == 0)
            adw_combo_row_set_selected (ADW_COMBO_ROW (self->region_row), i);
        }
      self->updating = FALSE;
    }

  authority = objector_authorities_for_country (authorities, country,
                                                has_regions ? objector_draft_get_region (draft) : NULL,
                                                &error);
  if (authority == NULL)
    {
      /* Germany before a Land is chosen, or a country with no authority listed. */
      gtk_label_set_text (GTK_LABEL (self->problem),
                          has_regions ? _("Choose your Land: complaints go to the authority where you live.")
                                      : error->message);
      gtk_widget_set_visible (self->problem, TRUE);
      g_clear_error (&error);
      authority = objector_authorities_get_lead (authorities);
    }
  else
    gtk_widget_set_visible (self->problem, FALSE);

  self->complaint = objector_complaint_new (texts, self->objection, authority, self->path,
                                            objector_draft_get_region (draft),
                                            complaint_language (authority, texts),
                                            NULL, &error);
  if (self->complaint == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->problem), error->message);
      gtk_widget_set_visible (self->problem, TRUE);
      return;
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->authority_row), objector_authority_get_name (authority));
  set_row (self->email_row, objector_authority_get_email (authority));
  set_row (self->address_row, objector_authority_get_address (authority));
  gtk_widget_set_visible (self->webform_button, objector_authority_get_webform (authority) != NULL);
  g_object_set_data_full (G_OBJECT (self->webform_button), "url",
                          g_strdup (objector_authority_get_webform (authority)), g_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)),
                            objector_complaint_get_text (self->complaint), -1);
  gtk_widget_set_sensitive (self->filed_button,
                            objector_objection_can_apply (self->objection, OBJECTOR_EVENT_ESCALATE, NULL));
}

static void
region_selected_cb (AdwComboRow              *row,
                    GParamSpec               *pspec,
                    ObjectorComplaintSection *self)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(ObjectorAuthority) authority = NULL;

  if (self->updating || self->regions == NULL || selected == GTK_INVALID_LIST_POSITION
      || self->wizard == NULL)
    return;

  authority = g_list_model_get_item (self->regions, selected);
  objector_draft_set_region (objector_wizard_get_draft (self->wizard),
                             objector_authority_get_region (authority));
  objector_draft_save (objector_wizard_get_draft (self->wizard), NULL);
  update (self);
}

static void
copy_clicked_cb (GtkButton                *button,
                 ObjectorComplaintSection *self)
{
  if (self->complaint == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)),
                          objector_complaint_get_text (self->complaint));
  show_message (self, _("The complaint was copied"));
}

static void
webform_clicked_cb (GtkButton                *button,
                    ObjectorComplaintSection *self)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  /* Authority forms come from the bundled list; still, https only. */
  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
    {
      show_message (self, _("The authority’s form has no secure address, so it was not opened."));
      return;
    }
  objector_ui_launch_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), url);
}

static void
filed_clicked_cb (GtkButton                *button,
                  ObjectorComplaintSection *self)
{
  g_autoptr(GError) error = NULL;

  if (!objector_store_apply (self->store, objector_objection_get_id (self->objection),
                             OBJECTOR_EVENT_ESCALATE,
                             objector_authority_get_name (objector_complaint_get_authority (self->complaint)),
                             NULL, &error))
    show_message (self, error->message);
}

static void
objection_changed_cb (ObjectorObjection        *objection,
                      ObjectorComplaintSection *self)
{
  update (self);
}

static void
objector_complaint_section_dispose (GObject *object)
{
  ObjectorComplaintSection *self = OBJECTOR_COMPLAINT_SECTION (object);

  if (self->objection != NULL)
    g_signal_handlers_disconnect_by_data (self->objection, self);
  g_clear_object (&self->objection);
  g_clear_weak_pointer (&self->wizard);
  g_clear_object (&self->store);
  g_clear_object (&self->path);
  g_clear_object (&self->complaint);
  g_clear_object (&self->regions);

  G_OBJECT_CLASS (objector_complaint_section_parent_class)->dispose (object);
}

static void
objector_complaint_section_class_init (ObjectorComplaintSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = objector_complaint_section_dispose;
}

static GtkWidget *
info_row (const char *title,
          const char *what)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  if (what != NULL)
    {
      GtkWidget *copy = objector_ui_copy_button (what, "");

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), copy);
      g_object_set_data (G_OBJECT (row), "copy", copy);
    }
  return row;
}

static void
objector_complaint_section_init (ObjectorComplaintSection *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *frame, *copy, *buttons;

  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Complain to the Authority"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("Meta refused, or did not answer in time. The data protection "
                                           "authority where you live can examine this and order Meta to stop "
                                           "(GDPR, Article 77). Send the complaint below, with the PDF summary "
                                           "and Meta’s emails."));

  self->region_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->region_row), _("Your _Land"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->region_row), TRUE);
  g_signal_connect (self->region_row, "notify::selected", G_CALLBACK (region_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->region_row);

  self->authority_row = info_row (_("Authority"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->authority_row);
  self->email_row = info_row (_("Email"), _("the authority’s email address"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->email_row);
  self->address_row = info_row (_("Postal address"), _("the authority’s postal address"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->address_row);
  gtk_box_append (GTK_BOX (box), self->group);

  self->problem = objector_ui_paragraph ("");
  gtk_widget_add_css_class (self->problem, "warning");
  gtk_box_append (GTK_BOX (box), self->problem);

  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), TRUE);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The complaint"), -1);
  frame = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (frame), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (frame), 240);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (frame), 480);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (frame), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (frame), self->text_view);
  gtk_widget_add_css_class (frame, "card");
  gtk_box_append (GTK_BOX (box), frame);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  copy = objector_ui_wrapping_button (_("_Copy the Complaint"));
  g_signal_connect (copy, "clicked", G_CALLBACK (copy_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), copy);
  self->webform_button = objector_ui_wrapping_button (_("Open the Authority’s _Complaint Form"));
  g_signal_connect (self->webform_button, "clicked", G_CALLBACK (webform_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->webform_button);
  self->filed_button = objector_ui_wrapping_button (_("I Have _Filed the Complaint"));
  gtk_widget_add_css_class (self->filed_button, "suggested-action");
  g_signal_connect (self->filed_button, "clicked", G_CALLBACK (filed_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->filed_button);
  gtk_box_append (GTK_BOX (box), buttons);

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
objector_complaint_section_new (ObjectorWizard    *wizard,
                                ObjectorObjection *objection,
                                ObjectorPath      *path)
{
  ObjectorComplaintSection *self;

  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);

  self = g_object_new (OBJECTOR_TYPE_COMPLAINT_SECTION, NULL);
  g_set_weak_pointer (&self->wizard, wizard);
  self->store = g_object_ref (objector_wizard_get_store (wizard));
  self->objection = g_object_ref (objection);
  self->path = g_object_ref (path);
  g_signal_connect (objection, "changed", G_CALLBACK (objection_changed_cb), self);
  update (self);
  return GTK_WIDGET (self);
}

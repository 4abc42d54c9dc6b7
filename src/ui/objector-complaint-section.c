/* objector-complaint-section.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

  AdwPreferencesGroup *group;
  AdwComboRow       *region_row;
  AdwActionRow      *authority_row;
  AdwActionRow      *email_row;
  AdwActionRow      *address_row;
  GtkWidget         *email_copy;
  GtkWidget         *address_copy;
  GtkLabel          *problem;
  GtkWidget         *letter_box;
  GtkLabel          *letter;
  GtkWidget         *webform_button;
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
set_row (AdwActionRow *row,
         GtkWidget    *copy,
         const char   *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && *value != '\0');
  if (value == NULL)
    return;
  adw_action_row_set_subtitle (row, value);
  if (copy != NULL)
    g_object_set_data_full (G_OBJECT (copy), "objector-copy-text", g_strdup (value), g_free);
}

/* Only what is known is shown: before the Land is chosen (or where no
 * authority is known) no authority, no address and no letter. */
static void
show_problem (ObjectorComplaintSection *self,
              const char               *problem)
{
  gtk_label_set_text (self->problem, problem);
  gtk_widget_set_visible (GTK_WIDGET (self->problem), problem != NULL);
  if (problem == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->authority_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->email_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->address_row), FALSE);
  gtk_widget_set_visible (self->letter_box, FALSE);
}

static void
fill_regions (ObjectorComplaintSection *self,
              ObjectorAuthorities      *authorities,
              const char               *country,
              const char               *region)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->regions = objector_authorities_list_regions (authorities, country);
  for (guint i = 0; i < g_list_model_get_n_items (self->regions); i++)
    {
      g_autoptr(ObjectorAuthority) a = g_list_model_get_item (self->regions, i);
      gtk_string_list_append (names, objector_authority_get_region (a));
    }
  self->updating = TRUE;
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->region_row, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < g_list_model_get_n_items (self->regions); i++)
    {
      g_autoptr(ObjectorAuthority) a = g_list_model_get_item (self->regions, i);
      if (g_strcmp0 (objector_authority_get_region (a), region) == 0)
        adw_combo_row_set_selected (self->region_row, i);
    }
  self->updating = FALSE;
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
  gtk_widget_set_visible (GTK_WIDGET (self->region_row), has_regions);
  if (has_regions && self->regions == NULL)
    fill_regions (self, authorities, country, objector_draft_get_region (draft));

  authority = objector_authorities_for_country (authorities, country,
                                                has_regions ? objector_draft_get_region (draft) : NULL,
                                                &error);
  if (authority == NULL)
    {
      /* Germany before a Land is chosen; or a country where Objector knows
       * no authority, which the core's message says. */
      adw_preferences_group_set_description (self->group,
                                             has_regions ? NULL : _("Meta refused, or did not answer in time."));
      show_problem (self, has_regions ? _("Choose your Land first: complaints go to the data protection "
                                          "authority of the Land where you live.")
                                      : error->message);
      return;
    }

  self->complaint = objector_complaint_new (texts, self->objection, authority, self->path,
                                            objector_draft_get_region (draft),
                                            complaint_language (authority, texts),
                                            NULL, &error);
  if (self->complaint == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  show_problem (self, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->authority_row), TRUE);
  adw_action_row_set_subtitle (self->authority_row, objector_authority_get_name (authority));
  set_row (self->email_row, self->email_copy, objector_authority_get_email (authority));
  set_row (self->address_row, self->address_copy, objector_authority_get_address (authority));
  gtk_widget_set_visible (self->webform_button, objector_authority_get_webform (authority) != NULL);
  gtk_label_set_text (self->letter, objector_complaint_get_text (self->complaint));
  gtk_widget_set_visible (self->letter_box, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "complaint.filed",
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
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObjectorComplaintSection *self = OBJECTOR_COMPLAINT_SECTION (widget);

  if (self->complaint == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), objector_complaint_get_text (self->complaint));
  show_message (self, _("The complaint was copied"));
}

static void
letter_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ObjectorComplaintSection) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The complaint could not be saved: %s"), error->message);
      show_message (self, message);
      return;
    }
  show_message (self, _("The complaint was saved"));
}

static void
save_letter_to (ObjectorComplaintSection *self,
                GFile                    *file)
{
  const char *text;
  g_autoptr(GBytes) bytes = NULL;

  if (self->complaint == NULL || file == NULL)
    return;
  text = objector_complaint_get_text (self->complaint);
  bytes = g_bytes_new (text, strlen (text));
  /* The letter names the person: readable by them alone. */
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL,
                                       letter_saved_cb, g_object_ref (self));
}

static void
letter_file_chosen_cb (GFile    *file,
                       gpointer  user_data)
{
  save_letter_to (user_data, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObjectorComplaintSection *self = OBJECTOR_COMPLAINT_SECTION (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  /* Translators: the file name offered for the complaint letter; keep the .txt */
  const char *name = _("complaint.txt");

  if (self->complaint == NULL)
    return;
  objector_ui_choose_save_file (parent, _("Save the Complaint"), name, NULL,
                                letter_file_chosen_cb, g_object_ref (self), g_object_unref);
}

static void
open_form_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ObjectorComplaintSection *self = OBJECTOR_COMPLAINT_SECTION (widget);
  const char *url = self->complaint != NULL
                    ? objector_authority_get_webform (objector_complaint_get_authority (self->complaint)) : NULL;
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  /* Authority forms come from the bundled list; still, https only. */
  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
    {
      show_message (self, _("The authority’s form has no secure address, so it was not opened."));
      return;
    }
  objector_ui_launch_uri (GTK_WINDOW (gtk_widget_get_root (widget)), url);
}

static void
filed_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ObjectorComplaintSection *self = OBJECTOR_COMPLAINT_SECTION (widget);
  g_autoptr(GError) error = NULL;

  if (self->complaint == NULL)
    return;
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

/* The Land list wraps long names ("Mecklenburg-Vorpommern") instead of
 * cutting them in a narrow window. */
static void
setup_region_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_region_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (name));
}

static void
objector_complaint_section_dispose (GObject *object)
{
  ObjectorComplaintSection *self = OBJECTOR_COMPLAINT_SECTION (object);

  if (self->objection != NULL)
    g_signal_handlers_disconnect_by_data (self->objection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBJECTOR_TYPE_COMPLAINT_SECTION);
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_complaint_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-complaint-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorComplaintSection, group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorComplaintSection, region_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorComplaintSection, authority_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorComplaintSection, email_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorComplaintSection, address_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorComplaintSection, problem);
  gtk_widget_class_bind_template_child (widget_class, ObjectorComplaintSection, letter_box);
  gtk_widget_class_bind_template_child (widget_class, ObjectorComplaintSection, letter);
  gtk_widget_class_bind_template_child (widget_class, ObjectorComplaintSection, webform_button);
  gtk_widget_class_bind_template_callback (widget_class, region_selected_cb);

  gtk_widget_class_install_action (widget_class, "complaint.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "complaint.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "complaint.open-form", NULL, open_form_action);
  gtk_widget_class_install_action (widget_class, "complaint.filed", NULL, filed_action);
}

static void
objector_complaint_section_init (ObjectorComplaintSection *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_region_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_region_cb), NULL);
  adw_combo_row_set_list_factory (self->region_row, factory);

  /* The copy buttons carry the text they copy: made by the shared helper. */
  self->email_copy = objector_ui_copy_button (_("the authority’s email address"), "");
  adw_action_row_add_suffix (self->email_row, self->email_copy);
  self->address_copy = objector_ui_copy_button (_("the authority’s postal address"), "");
  adw_action_row_add_suffix (self->address_row, self->address_copy);
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

/* objector-details-page.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-error.h"
#include "objector-objection.h"
#include "objector-details-page.h"
#include "objector-plan.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"

struct _ObjectorDetailsPage
{
  ObjectorPage   parent_instance;

  AdwPreferencesGroup *email_group;
  GtkWidget     *email_row;
  GtkWidget     *name_row;
  GtkWidget     *email_error;
  GtkWidget     *reason_intro;
  GtkWidget     *request_intro;
  GtkWidget     *short_button;
  GtkWidget     *full_button;
  GtkWidget     *custom_button;
  GtkTextView   *reason_view;
  GtkTextBuffer *reason_buffer;
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (ObjectorDetailsPage, objector_details_page, OBJECTOR_TYPE_PAGE)

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

static GtkWidget *
kind_button (ObjectorDetailsPage *self,
             const char          *kind)
{
  if (g_strcmp0 (kind, "full") == 0)
    return self->full_button;
  if (g_strcmp0 (kind, "custom") == 0)
    return self->custom_button;
  return self->short_button;
}

static const char *
button_kind (ObjectorDetailsPage *self,
             GtkWidget           *button)
{
  return button == self->full_button ? "full" : button == self->custom_button ? "custom" : "short";
}

static void
show_email_error (ObjectorDetailsPage *self,
                  gboolean             shown)
{
  if (shown)
    gtk_widget_add_css_class (self->email_row, "error");
  else
    gtk_widget_remove_css_class (self->email_row, "error");
  gtk_widget_set_visible (self->email_error, shown);
}

/* Next is possible once both are filled in; whether the address is one is
 * said when the person leaves the field or presses Next, not while typing. */
static void
update_complete (ObjectorDetailsPage *self)
{
  ObjectorDraft *draft = get_draft (self);
  const char *email = objector_draft_get_email (draft);
  const char *reason = objector_draft_get_reason (draft);

  if (gtk_widget_get_visible (self->email_error) && objector_email_address_is_valid (email))
    show_email_error (self, FALSE);
  objector_page_set_complete (OBJECTOR_PAGE (self),
                              email != NULL && *email != '\0' && reason != NULL && *reason != '\0');
}

static void
email_focus_left_cb (GtkEventControllerFocus *controller,
                     ObjectorDetailsPage     *self)
{
  const char *email = objector_draft_get_email (get_draft (self));

  show_email_error (self, email != NULL && *email != '\0' && !objector_email_address_is_valid (email));
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
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kind_button (self, kind)), TRUE);
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
name_changed_cb (GtkEditable         *editable,
                 ObjectorDetailsPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  objector_draft_set_name (get_draft (self), *name != '\0' ? name : NULL);
}

static void
kind_toggled_cb (GtkCheckButton      *button,
                 ObjectorDetailsPage *self)
{
  const char *kind = button_kind (self, GTK_WIDGET (button));

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
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->custom_button), TRUE);
  self->updating = FALSE;
  update_complete (self);
}

/* Only what applies: a request about third-party information is not an
 * objection under Article 21 and cites no GDPR article; without an account
 * there is no account's address to use. */
static void
update_texts (ObjectorDetailsPage *self)
{
  ObjectorDraft *draft = get_draft (self);
  ObjectorPath *path = template_path (self);
  gboolean objection = path != NULL && objector_path_get_kind (path) == OBJECTOR_PATH_KIND_OBJECTION;

  gtk_widget_set_visible (self->reason_intro, objection);
  gtk_widget_set_visible (self->request_intro, !objection);
  gtk_widget_set_visible (self->full_button, objection);
  if (!objection && g_strcmp0 (objector_draft_get_reason_kind (draft), "full") == 0)
    objector_draft_set_reason_kind (draft, "short");
  adw_preferences_group_set_description (self->email_group,
                                         objection && objector_draft_get_n_accounts (draft) > 0
                                         ? _("Meta sends its answer, and sometimes a code to confirm, to this "
                                             "address. Use the address your account is registered with.")
                                         : _("Meta sends its answer, and sometimes a code to confirm, to this "
                                             "address."));
}

static void
objector_details_page_shown (ObjectorPage *page)
{
  ObjectorDetailsPage *self = OBJECTOR_DETAILS_PAGE (page);
  const char *email = objector_draft_get_email (get_draft (self));
  const char *name = objector_draft_get_name (get_draft (self));

  g_signal_handlers_block_by_func (self->name_row, name_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
  g_signal_handlers_unblock_by_func (self->name_row, name_changed_cb, self);
  g_signal_handlers_block_by_func (self->email_row, email_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");
  g_signal_handlers_unblock_by_func (self->email_row, email_changed_cb, self);
  update_texts (self);
  show_reason (self);

  /* Straight into the first thing to type. */
  if (email == NULL || *email == '\0')
    gtk_widget_grab_focus (self->email_row);
}

static gboolean
objector_details_page_leave (ObjectorPage  *page,
                             GError       **error)
{
  ObjectorDetailsPage *self = OBJECTOR_DETAILS_PAGE (page);
  ObjectorWizard *wizard = objector_page_get_wizard (page);

  if (!objector_email_address_is_valid (objector_draft_get_email (get_draft (self))))
    {
      show_email_error (self, TRUE);
      gtk_widget_grab_focus (self->email_row);
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_INPUT,
                           _("Check the email address"));
      return FALSE;
    }

  if (!objector_plan_objections (objector_wizard_get_store (wizard),
                                 objector_wizard_get_playbook (wizard),
                                 objector_wizard_get_draft (wizard),
                                 NULL, error))
    return FALSE;

  objector_wizard_sync_objection_pages (wizard);
  return TRUE;
}

static void
objector_details_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_DETAILS_PAGE);
  G_OBJECT_CLASS (objector_details_page_parent_class)->dispose (object);
}

static void
objector_details_page_class_init (ObjectorDetailsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_details_page_dispose;
  OBJECTOR_PAGE_CLASS (klass)->shown = objector_details_page_shown;
  OBJECTOR_PAGE_CLASS (klass)->leave = objector_details_page_leave;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-details-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, email_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, email_error);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, reason_intro);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, request_intro);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, short_button);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, full_button);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, custom_button);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDetailsPage, reason_view);
  gtk_widget_class_bind_template_callback (widget_class, email_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_focus_left_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
}

static void
objector_details_page_init (ObjectorDetailsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reason_buffer = gtk_text_view_get_buffer (self->reason_view);
  g_signal_connect (self->reason_buffer, "changed", G_CALLBACK (reason_changed_cb), self);
}

ObjectorPage *
objector_details_page_new (ObjectorWizard *wizard)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);

  return g_object_new (OBJECTOR_TYPE_DETAILS_PAGE, "wizard", wizard, NULL);
}

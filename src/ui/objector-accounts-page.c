/* objector-accounts-page.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-accounts-page.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"

struct _ObjectorAccountsPage
{
  ObjectorPage  parent_instance;

  GtkWidget    *facebook_group;
  GtkWidget    *instagram_group;
  GtkWidget    *whatsapp_group;
  GtkWidget    *groups[3];      /* the three above: Facebook, Instagram, WhatsApp */
  GPtrArray    *rows;           /* the rows currently in the groups */
  GtkWidget    *linked_group;   /* shown with a Facebook and an Instagram account */
  GtkWidget    *linked;
  GtkWidget    *no_account;
};

G_DEFINE_FINAL_TYPE (ObjectorAccountsPage, objector_accounts_page, OBJECTOR_TYPE_PAGE)

static const char * const platforms[] = { "facebook", "instagram", "whatsapp" };

static guint
platform_index (const char *platform)
{
  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    if (g_strcmp0 (platforms[i], platform) == 0)
      return i;
  g_return_val_if_reached (0);
}

static ObjectorDraft *
get_draft (ObjectorAccountsPage *self)
{
  return objector_wizard_get_draft (objector_page_get_wizard (OBJECTOR_PAGE (self)));
}

static gboolean
can_object (ObjectorAccountsPage *self)
{
  ObjectorWizard *wizard = objector_page_get_wizard (OBJECTOR_PAGE (self));
  const char *country = objector_draft_get_country (get_draft (self));
  g_autoptr(GListModel) paths = NULL;

  if (wizard == NULL || country == NULL)
    return FALSE;

  paths = objector_playbook_paths_for_country (objector_wizard_get_playbook (wizard), country);
  for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
      if (objector_path_get_kind (path) == OBJECTOR_PATH_KIND_OBJECTION)
        return TRUE;
    }
  return FALSE;
}

static void update_complete (ObjectorAccountsPage *self);
static void rebuild (ObjectorAccountsPage *self);

static void
label_changed_cb (GtkEditable          *editable,
                  ObjectorAccountsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "index"));

  objector_draft_set_account_label (get_draft (self), index, gtk_editable_get_text (editable));
}

static void
remove_clicked_cb (GtkButton            *button,
                   ObjectorAccountsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  objector_draft_remove_account (get_draft (self), index);
  rebuild (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ObjectorAccountsPage *self = OBJECTOR_ACCOUNTS_PAGE (widget);
  const char *platform = platforms[platform_index (g_variant_get_string (parameter, NULL))];
  ObjectorDraft *draft = get_draft (self);
  GtkWidget *row;

  objector_draft_add_account (draft, platform, "");
  objector_draft_set_no_account (draft, FALSE);
  rebuild (self);

  /* Straight on to naming it. */
  row = g_ptr_array_index (self->rows, self->rows->len - 1);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *candidate = g_ptr_array_index (self->rows, i);
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (candidate), "index"))
          == objector_draft_get_n_accounts (draft) - 1)
        row = candidate;
    }
  gtk_widget_grab_focus (row);
}

static void
no_account_toggled_cb (GtkCheckButton       *check,
                       ObjectorAccountsPage *self)
{
  objector_draft_set_no_account (get_draft (self), gtk_check_button_get_active (check));
  update_complete (self);
}

static void
linked_cb (GtkSwitch            *linked,
           GParamSpec           *pspec,
           ObjectorAccountsPage *self)
{
  objector_draft_set_accounts_linked (get_draft (self), gtk_switch_get_active (linked));
}

static void
update_complete (ObjectorAccountsPage *self)
{
  ObjectorDraft *draft = get_draft (self);
  gboolean none = objector_draft_get_no_account (draft);

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    gtk_widget_set_sensitive (self->groups[i], !none);
  /* Linking only matters with an account on each. */
  gtk_widget_set_visible (self->linked_group,
                          !none && objector_draft_count_platform (draft, "facebook") > 0
                          && objector_draft_count_platform (draft, "instagram") > 0);
  objector_page_set_complete (OBJECTOR_PAGE (self), none || objector_draft_get_n_accounts (draft) > 0);
}

static void
rebuild (ObjectorAccountsPage *self)
{
  ObjectorDraft *draft = get_draft (self);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < objector_draft_get_n_accounts (draft); i++)
    {
      const ObjectorAccount *account = objector_draft_get_account (draft, i);
      guint index = platform_index (account->platform);
      const char *remove_labels[] = {
        _("Remove this Facebook account"), _("Remove this Instagram account"), _("Remove this WhatsApp account"),
      };
      const char *titles[] = { _("Facebook name"), _("Instagram name"), _("WhatsApp phone number") };
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      const char *remove_label = remove_labels[index];

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), titles[index]);
      gtk_editable_set_text (GTK_EDITABLE (row), account->label);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "changed", G_CALLBACK (label_changed_cb), self);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->groups[index]), row);
      g_ptr_array_add (self->rows, row);
    }

  update_complete (self);
}

static void
objector_accounts_page_shown (ObjectorPage *page)
{
  ObjectorAccountsPage *self = OBJECTOR_ACCOUNTS_PAGE (page);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->no_account),
                               objector_draft_get_no_account (get_draft (self)));
  gtk_switch_set_active (GTK_SWITCH (self->linked), objector_draft_get_accounts_linked (get_draft (self)));
  rebuild (self);
}

static void
draft_changed_cb (ObjectorDraft        *draft,
                  ObjectorAccountsPage *self)
{
  objector_page_set_applies (OBJECTOR_PAGE (self), can_object (self));
}

static void
objector_accounts_page_attached (ObjectorPage *page)
{
  ObjectorAccountsPage *self = OBJECTOR_ACCOUNTS_PAGE (page);
  ObjectorWizard *wizard = objector_page_get_wizard (page);

  g_signal_connect_object (objector_wizard_get_draft (wizard), "changed",
                           G_CALLBACK (draft_changed_cb), self, 0);
  draft_changed_cb (NULL, self);
}

static void
objector_accounts_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_ACCOUNTS_PAGE);
  G_OBJECT_CLASS (objector_accounts_page_parent_class)->dispose (object);
}

static void
objector_accounts_page_finalize (GObject *object)
{
  g_clear_pointer (&OBJECTOR_ACCOUNTS_PAGE (object)->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (objector_accounts_page_parent_class)->finalize (object);
}

static void
objector_accounts_page_class_init (ObjectorAccountsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_accounts_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = objector_accounts_page_finalize;
  OBJECTOR_PAGE_CLASS (klass)->attached = objector_accounts_page_attached;
  OBJECTOR_PAGE_CLASS (klass)->shown = objector_accounts_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorAccountsPage, facebook_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAccountsPage, instagram_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAccountsPage, whatsapp_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAccountsPage, linked_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAccountsPage, linked);
  gtk_widget_class_bind_template_child (widget_class, ObjectorAccountsPage, no_account);
  gtk_widget_class_bind_template_callback (widget_class, linked_cb);
  gtk_widget_class_bind_template_callback (widget_class, no_account_toggled_cb);
  gtk_widget_class_install_action (widget_class, "accounts.add", "s", add_action);
}

static void
objector_accounts_page_init (ObjectorAccountsPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups[0] = self->facebook_group;
  self->groups[1] = self->instagram_group;
  self->groups[2] = self->whatsapp_group;
}

ObjectorPage *
objector_accounts_page_new (ObjectorWizard *wizard)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);

  return g_object_new (OBJECTOR_TYPE_ACCOUNTS_PAGE, "wizard", wizard, NULL);
}

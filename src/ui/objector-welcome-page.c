/* objector-welcome-page.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-welcome-page.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"

struct _ObjectorWelcomePage
{
  ObjectorPage parent_instance;
};

G_DEFINE_FINAL_TYPE (ObjectorWelcomePage, objector_welcome_page, OBJECTOR_TYPE_PAGE)

static void
objector_welcome_page_class_init (ObjectorWelcomePageClass *klass)
{
}

static GtkWidget *
bullet_group (const char         *title,
              const char * const *items)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  for (guint i = 0; items[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(items[i]));
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
objector_welcome_page_init (ObjectorWelcomePage *self)
{
  static const char * const used[] = {
    N_("Your public posts, photos and their captions"),
    N_("Your public comments"),
    N_("What you write to Meta AI"),
    N_("Information about you that others post, even if you have no account"),
    NULL
  };
  static const char * const steps[] = {
    N_("Find out which requests you can make where you live"),
    N_("Prepare what Meta’s forms ask for, ready to copy"),
    N_("Open each form and guide you through it"),
    N_("Remember where each request stands and when Meta must answer"),
    NULL
  };
  GtkWidget *box;
  GtkWidget *body = objector_ui_page_body (&box);
  GtkWidget *icon = gtk_image_new_from_icon_name (APP_ID);

  objector_page_set_id (OBJECTOR_PAGE (self), "welcome");
  objector_page_set_title (OBJECTOR_PAGE (self), _("Welcome"));
  objector_page_set_next_label (OBJECTOR_PAGE (self), _("_Start"));

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Objector"), -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), objector_ui_heading (_("Say No to Meta’s AI Training")));
  gtk_box_append (GTK_BOX (box),
                  objector_ui_paragraph (_("Meta trains its artificial intelligence on what people share on "
                                           "Facebook and Instagram. In Europe and the UK the law lets you object, "
                                           "and Meta must then stop unless it has compelling reasons. "
                                           "Elsewhere you can still ask Meta about information others share about you.")));
  gtk_box_append (GTK_BOX (box), bullet_group (_("What Meta uses"), used));
  gtk_box_append (GTK_BOX (box),
                  objector_ui_paragraph (_("Meta says it does not use your private messages.")));
  gtk_box_append (GTK_BOX (box), bullet_group (_("What Objector does"), steps));
  gtk_box_append (GTK_BOX (box),
                  objector_ui_paragraph (_("Everything you enter stays on this computer. Objector sends nothing "
                                           "anywhere: you send each form yourself, in your browser.")));

  adw_bin_set_child (ADW_BIN (self), body);
}

ObjectorPage *
objector_welcome_page_new (ObjectorWizard *wizard)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);

  return g_object_new (OBJECTOR_TYPE_WELCOME_PAGE, "wizard", wizard, NULL);
}

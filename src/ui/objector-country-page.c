/* objector-country-page.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "objector-country.h"
#include "objector-country-page.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"

struct _ObjectorCountryPage
{
  ObjectorPage    parent_instance;

  GtkWidget      *search_entry;
  GtkListBox     *list;
  GtkWidget      *verdict;
  GtkWidget      *selected_row;
  char           *filter;
};

G_DEFINE_FINAL_TYPE (ObjectorCountryPage, objector_country_page, OBJECTOR_TYPE_PAGE)

static gboolean
country_can_object (ObjectorPlaybook *playbook,
                    const char       *code)
{
  g_autoptr(GListModel) paths = objector_playbook_paths_for_country (playbook, code);

  for (guint i = 0; i < g_list_model_get_n_items (paths); i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);

      if (objector_path_get_kind (path) == OBJECTOR_PATH_KIND_OBJECTION)
        return TRUE;
    }
  return FALSE;
}

static void
update_verdict (ObjectorCountryPage *self)
{
  ObjectorWizard *wizard = objector_page_get_wizard (OBJECTOR_PAGE (self));
  const char *code = objector_draft_get_country (objector_wizard_get_draft (wizard));
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  objector_page_set_complete (OBJECTOR_PAGE (self), code != NULL);
  if (code == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->verdict), _("Choose the country where you live."));
      return;
    }

  name = objector_ui_country_name (code);
  if (country_can_object (objector_wizard_get_playbook (wizard), code))
    text = g_strdup_printf (_("You live in %s: the law gives you the right to object to Meta "
                              "using your information to train its AI."), name);
  else
    text = g_strdup_printf (_("You live in %s. There, Meta offers no way to object to its AI "
                              "training. You can still ask Meta about information from third parties, "
                              "and ask friends and family in Europe who post about you to object."), name);
  gtk_label_set_text (GTK_LABEL (self->verdict), text);
}

static void
mark_selected (ObjectorCountryPage *self,
               GtkWidget           *row)
{
  if (self->selected_row != NULL)
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->selected_row), "check"), FALSE);
  self->selected_row = row;
  if (row != NULL)
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "check"), TRUE);
}

static void
row_activated_cb (GtkListBox          *list,
                  GtkListBoxRow       *row,
                  ObjectorCountryPage *self)
{
  ObjectorWizard *wizard = objector_page_get_wizard (OBJECTOR_PAGE (self));
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  objector_draft_set_country (objector_wizard_get_draft (wizard), code);
  mark_selected (self, GTK_WIDGET (row));
  update_verdict (self);
}

static gboolean
filter_cb (GtkListBoxRow *row,
           gpointer       user_data)
{
  ObjectorCountryPage *self = user_data;
  const char *key = g_object_get_data (G_OBJECT (row), "search-key");

  return self->filter == NULL || *self->filter == '\0' || strstr (key, self->filter) != NULL;
}

static char *
search_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  /* Accents do not matter when searching: "osterreich" finds Österreich. */
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static char *stripped_key (const char *text);

static void
search_changed_cb (GtkSearchEntry      *entry,
                   ObjectorCountryPage *self)
{
  g_free (self->filter);
  self->filter = stripped_key (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_list_box_invalidate_filter (self->list);
}

static void
search_activate_cb (GtkSearchEntry      *entry,
                    ObjectorCountryPage *self)
{
  /* Enter in the search picks the first country that matches. */
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
        {
          row_activated_cb (self->list, row, self);
          break;
        }
    }
}

static char *
stripped_key (const char *text)
{
  g_autofree char *key = search_key (text);
  GString *out = g_string_new (NULL);

  for (const char *p = key; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char *code;
  char *name;
  char *collate;
} Country;

static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  return g_strcmp0 (((const Country *) a)->collate, ((const Country *) b)->collate);
}

static void
populate (ObjectorCountryPage *self)
{
  const char * const *codes = objector_country_list_codes ();
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (Country));

  for (guint i = 0; codes[i] != NULL; i++)
    {
      Country c;

      c.code = g_strdup (codes[i]);
      c.name = objector_ui_country_name (codes[i]);
      c.collate = g_utf8_collate_key (c.name, -1);
      g_array_append_val (countries, c);
    }
  g_array_sort (countries, compare_countries);

  for (guint i = 0; i < countries->len; i++)
    {
      Country *c = &g_array_index (countries, Country, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      g_autofree char *key_text = g_strdup_printf ("%s %s", c->name, c->code);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_visible (check, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (c->code), g_free);
      g_object_set_data_full (G_OBJECT (row), "search-key", stripped_key (key_text), g_free);
      gtk_list_box_append (self->list, row);

      g_free (c->code);
      g_free (c->name);
      g_free (c->collate);
    }
}

static void
objector_country_page_shown (ObjectorPage *page)
{
  ObjectorCountryPage *self = OBJECTOR_COUNTRY_PAGE (page);
  const char *code = objector_draft_get_country (objector_wizard_get_draft (objector_page_get_wizard (page)));

  if (gtk_list_box_get_row_at_index (self->list, 0) == NULL)
    populate (self);

  mark_selected (self, NULL);
  for (int i = 0; code != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row == NULL)
        break;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "code"), code) == 0)
        {
          mark_selected (self, GTK_WIDGET (row));
          break;
        }
    }
  update_verdict (self);
}

static void
draft_changed_cb (ObjectorDraft       *draft,
                  ObjectorCountryPage *self)
{
  update_verdict (self);
}

static void
objector_country_page_attached (ObjectorPage *page)
{
  ObjectorWizard *wizard = objector_page_get_wizard (page);

  g_signal_connect_object (objector_wizard_get_draft (wizard), "changed",
                           G_CALLBACK (draft_changed_cb), page, 0);
  update_verdict (OBJECTOR_COUNTRY_PAGE (page));
}

static void
objector_country_page_finalize (GObject *object)
{
  g_clear_pointer (&OBJECTOR_COUNTRY_PAGE (object)->filter, g_free);
  G_OBJECT_CLASS (objector_country_page_parent_class)->finalize (object);
}

static void
objector_country_page_class_init (ObjectorCountryPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = objector_country_page_finalize;
  OBJECTOR_PAGE_CLASS (klass)->attached = objector_country_page_attached;
  OBJECTOR_PAGE_CLASS (klass)->shown = objector_country_page_shown;
}

static void
objector_country_page_init (ObjectorCountryPage *self)
{
  GtkWidget *box;
  GtkWidget *body = objector_ui_page_body (&box);
  GtkWidget *label;

  objector_page_set_id (OBJECTOR_PAGE (self), "country");
  objector_page_set_title (OBJECTOR_PAGE (self), _("Where You Live"));
  objector_page_set_complete (OBJECTOR_PAGE (self), FALSE);

  gtk_box_append (GTK_BOX (box), objector_ui_heading (_("Where Do You Live?")));
  gtk_box_append (GTK_BOX (box),
                  objector_ui_paragraph (_("Your rights depend on the country you live in, "
                                           "not on your nationality.")));

  self->search_entry = gtk_search_entry_new ();
  label = gtk_label_new_with_mnemonic (_("_Search for your country"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->search_entry);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search for your country"), -1);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->search_entry);

  self->verdict = objector_ui_paragraph ("");
  gtk_box_append (GTK_BOX (box), self->verdict);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (self->list, filter_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Countries"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  adw_bin_set_child (ADW_BIN (self), body);
}

ObjectorPage *
objector_country_page_new (ObjectorWizard *wizard)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);

  return g_object_new (OBJECTOR_TYPE_COUNTRY_PAGE, "wizard", wizard, NULL);
}

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

  GtkEditable    *search_entry;
  GtkListBox     *suggested_list;
  GtkListBox     *list;
  GtkLabel       *verdict;
  GtkWidget      *suggested_box;
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
      gtk_label_set_text (self->verdict, _("Choose the country where you live."));
      return;
    }

  name = objector_country_dup_name (code);
  if (country_can_object (objector_wizard_get_playbook (wizard), code))
    text = g_strdup_printf (_("You live in %s: the law gives you the right to object to Meta "
                              "using your information to train its AI."), name);
  else
    /* Translators: %s is a country, e.g. “In the United States, Meta…” reads
     * better in some languages with an article: adapt freely. */
    text = g_strdup_printf (_("In %s, Meta offers no way to object to its AI training. You can "
                              "still ask Meta about information from third parties, and ask friends "
                              "and family in Europe who post about you to object."), name);
  gtk_label_set_text (self->verdict, text);
}

/* Shows the check on every row of @code (the suggested one and its twin in
 * the full list), and on no other. */
static void
mark_selected (ObjectorCountryPage *self,
               const char          *code)
{
  GtkListBox *lists[] = { self->suggested_list, self->list };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GtkListBoxRow *row;

      for (int i = 0; (row = gtk_list_box_get_row_at_index (lists[l], i)) != NULL; i++)
        gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "check"),
                                code != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (row), "code"), code) == 0);
    }
}

static void
choose (ObjectorCountryPage *self,
        GtkListBoxRow       *row)
{
  ObjectorWizard *wizard = objector_page_get_wizard (OBJECTOR_PAGE (self));
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  objector_draft_set_country (objector_wizard_get_draft (wizard), code);
  mark_selected (self, code);
  update_verdict (self);
}

static void
row_activated_cb (GtkListBox          *list,
                  GtkListBoxRow       *row,
                  ObjectorCountryPage *self)
{
  choose (self, row);
}

static gboolean
row_matches (ObjectorCountryPage *self,
             GtkListBoxRow       *row)
{
  const char *key = g_object_get_data (G_OBJECT (row), "search-key");

  return self->filter == NULL || *self->filter == '\0' || strstr (key, self->filter) != NULL;
}

static gboolean
filter_cb (GtkListBoxRow *row,
           gpointer       user_data)
{
  return row_matches (user_data, row);
}

static char *
stripped_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  /* Accents do not matter when searching: "osterreich" finds Österreich. */
  g_autofree char *key = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  GString *out = g_string_new (NULL);

  for (const char *p = key; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Filters both lists by what the search entry holds now. GtkSearchEntry
 * tells of a change a moment after the typing; Enter must not wait for it. */
static void
apply_filter (ObjectorCountryPage *self)
{
  g_autofree char *filter = stripped_key (gtk_editable_get_text (self->search_entry));
  GtkListBoxRow *suggested = gtk_list_box_get_row_at_index (self->suggested_list, 0);

  if (g_strcmp0 (filter, self->filter) == 0)
    return;
  g_free (self->filter);
  self->filter = g_steal_pointer (&filter);
  gtk_list_box_invalidate_filter (self->suggested_list);
  gtk_list_box_invalidate_filter (self->list);
  gtk_widget_set_visible (self->suggested_box, suggested != NULL && row_matches (self, suggested));
}

static void
search_changed_cb (GtkSearchEntry      *entry,
                   ObjectorCountryPage *self)
{
  apply_filter (self);
}

static void
search_activate_cb (GtkSearchEntry      *entry,
                    ObjectorCountryPage *self)
{
  GtkListBox *lists[] = { self->suggested_list, self->list };

  /* Enter picks the first country that matches what is typed now, however
   * fast it was typed: the filter catches up first. */
  apply_filter (self);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      GtkListBoxRow *row;

      for (int i = 0; (row = gtk_list_box_get_row_at_index (lists[l], i)) != NULL; i++)
        if (row_matches (self, row))
          {
            choose (self, row);
            return;
          }
    }
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

static GtkWidget *
country_row (const char *code,
             const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  g_autofree char *key_text = g_strdup_printf ("%s %s", name, code);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_visible (check, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chosen"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (code), g_free);
  g_object_set_data_full (G_OBJECT (row), "search-key", stripped_key (key_text), g_free);
  return row;
}

static void
populate (ObjectorCountryPage *self)
{
  const char * const *codes = objector_country_list_codes ();
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (Country));
  g_autofree char *suggested = objector_country_suggested ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      Country c;

      c.code = g_strdup (codes[i]);
      c.name = objector_country_dup_name (codes[i]);
      c.collate = g_utf8_collate_key (c.name, -1);
      g_array_append_val (countries, c);
    }
  g_array_sort (countries, compare_countries);

  for (guint i = 0; i < countries->len; i++)
    {
      Country *c = &g_array_index (countries, Country, i);

      if (g_strcmp0 (c->code, suggested) == 0)
        gtk_list_box_append (self->suggested_list, country_row (c->code, c->name));
      gtk_list_box_append (self->list, country_row (c->code, c->name));
      g_free (c->code);
      g_free (c->name);
      g_free (c->collate);
    }
  gtk_widget_set_visible (self->suggested_box, gtk_list_box_get_row_at_index (self->suggested_list, 0) != NULL);
}

static void
objector_country_page_shown (ObjectorPage *page)
{
  ObjectorCountryPage *self = OBJECTOR_COUNTRY_PAGE (page);
  ObjectorDraft *draft = objector_wizard_get_draft (objector_page_get_wizard (page));
  GtkListBoxRow *suggested;

  if (gtk_list_box_get_row_at_index (self->list, 0) == NULL)
    populate (self);

  /* The suggestion is chosen until the person chooses otherwise; the
   * verdict says what it means, and Next is theirs to press. */
  suggested = gtk_list_box_get_row_at_index (self->suggested_list, 0);
  if (objector_draft_get_country (draft) == NULL && suggested != NULL)
    objector_draft_set_country (draft, g_object_get_data (G_OBJECT (suggested), "code"));

  mark_selected (self, objector_draft_get_country (draft));
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
objector_country_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OBJECTOR_TYPE_COUNTRY_PAGE);
  G_OBJECT_CLASS (objector_country_page_parent_class)->dispose (object);
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_country_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = objector_country_page_finalize;
  OBJECTOR_PAGE_CLASS (klass)->attached = objector_country_page_attached;
  OBJECTOR_PAGE_CLASS (klass)->shown = objector_country_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-country-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorCountryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ObjectorCountryPage, suggested_list);
  gtk_widget_class_bind_template_child (widget_class, ObjectorCountryPage, list);
  gtk_widget_class_bind_template_child (widget_class, ObjectorCountryPage, verdict);
  gtk_widget_class_bind_template_child (widget_class, ObjectorCountryPage, suggested_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
objector_country_page_init (ObjectorCountryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->suggested_list, filter_cb, self, NULL);
  gtk_list_box_set_filter_func (self->list, filter_cb, self, NULL);
}

ObjectorPage *
objector_country_page_new (ObjectorWizard *wizard)
{
  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);

  return g_object_new (OBJECTOR_TYPE_COUNTRY_PAGE, "wizard", wizard, NULL);
}

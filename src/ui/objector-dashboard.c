/* objector-dashboard.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per request, with the icon and the words of its view-model, under
 * a heading per category ("Needs You" first). Objections and third-party
 * requests alike: a request not sent yet needs the person as much as an
 * objection does, and its title says which it is. Rebuilt whenever the
 * store or one of its objections changes, and at midnight.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-dashboard.h"
#include "objector-ui-util.h"
#include "objector-view-ui.h"

struct _ObjectorDashboard
{
  AdwBin            parent_instance;

  ObjectorStore    *store;
  ObjectorWizard   *wizard;
  GPtrArray        *groups;    /* the groups in groups_box */
  GPtrArray        *watched;   /* the objections whose ::changed rebuilds */
  guint             rebuild_source;
  guint             midnight;

  GtkStack         *stack;
  GtkWidget        *groups_box;
  GtkWidget        *menu_button;
};

G_DEFINE_FINAL_TYPE (ObjectorDashboard, objector_dashboard, ADW_TYPE_BIN)

enum {
  OBJECTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One request as the overview shows it. */
typedef struct
{
  ObjectorObjection     *objection;
  ObjectorObjectionView *view;        /* NULL without a playbook */
} Item;

static void
item_clear (Item *item)
{
  g_clear_object (&item->objection);
  g_clear_object (&item->view);
}

static void
row_activated_cb (AdwActionRow      *row,
                  ObjectorDashboard *self)
{
  g_signal_emit (self, signals[OBJECTION_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "objection-id"));
}

static GtkWidget *
create_row (ObjectorDashboard *self,
            const Item        *item)
{
  ObjectorPlaybook *playbook = self->wizard ? objector_wizard_get_playbook (self->wizard) : NULL;
  ObjectorPath *path = playbook ? objector_playbook_lookup_path (playbook, objector_objection_get_path_id (item->objection))
                                : NULL;
  const char *account = objector_objection_get_account (item->objection);
  const char *title = path ? objector_path_get_title (path) : objector_objection_get_path_id (item->objection);
  g_autofree char *full_title = account && *account ? g_strdup_printf ("%s (%s)", title, account) : g_strdup (title);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), full_title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (item->view != NULL)
    {
      /* Where it stands, as the icon and the sentence of its view. */
      GtkWidget *icon = gtk_image_new_from_icon_name (objector_objection_view_get_icon_name (item->view));
      const char *status = objector_objection_view_get_title (item->view);

      gtk_widget_set_tooltip_text (icon, status);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, status, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), objector_objection_view_get_description (item->view));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status, -1);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                 objector_state_get_label (objector_objection_get_state (item->objection)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "objection-id", g_strdup (objector_objection_get_id (item->objection)), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
  return row;
}

static GtkWidget *
add_group (ObjectorDashboard *self,
           const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->groups_box), group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/* The items of @items, most urgent first: a group per category, as their
 * views say. */
static void
add_groups (ObjectorDashboard *self,
            GArray            *items)
{
  for (ObjectorViewCategory c = 0; c < OBJECTOR_VIEW_N_CATEGORIES; c++)
    {
      GtkWidget *group = NULL;

      for (guint i = 0; i < items->len; i++)
        {
          Item *item = &g_array_index (items, Item, i);

          if (objector_objection_view_get_category (item->view) != c)
            continue;
          if (group == NULL)
            group = add_group (self, objector_view_category_get_title (c));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_row (self, item));
        }
    }
}

static void objection_changed_cb (ObjectorObjection *objection,
                                  ObjectorDashboard *self);

static void
rebuild (ObjectorDashboard *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  ObjectorPlaybook *playbook = self->wizard ? objector_wizard_get_playbook (self->wizard) : NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));

  g_array_set_clear_func (items, (GDestroyNotify) item_clear);
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->groups_box), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), objection_changed_cb, self);
  g_ptr_array_set_size (self->watched, 0);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  for (guint i = 0; i < n; i++)
    {
      Item item = { g_list_model_get_item (G_LIST_MODEL (self->store), i), NULL };

      g_signal_connect (item.objection, "changed", G_CALLBACK (objection_changed_cb), self);
      g_ptr_array_add (self->watched, g_object_ref (item.objection));
      if (playbook != NULL)
        item.view = objector_ui_view_new (self->wizard, item.objection);
      g_array_append_val (items, item);
    }

  if (playbook == NULL)
    {
      /* Nothing to say what each needs: the states alone, in one list. */
      GtkWidget *group = n > 0 ? add_group (self, _("Your Objections")) : NULL;

      for (guint i = 0; i < items->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), create_row (self, &g_array_index (items, Item, i)));
      return;
    }

  add_groups (self, items);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  ObjectorDashboard *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (a step, then the store's save): one rebuild. */
static void
queue_rebuild (ObjectorDashboard *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

static void
objection_changed_cb (ObjectorObjection *objection,
                      ObjectorDashboard *self)
{
  queue_rebuild (self);
}

static void
items_changed_cb (GListModel        *model,
                  guint              position,
                  guint              removed,
                  guint              added,
                  ObjectorDashboard *self)
{
  queue_rebuild (self);
}

static gboolean
midnight_cb (gpointer user_data)
{
  ObjectorDashboard *self = user_data;

  rebuild (self);
  self->midnight = objector_ui_add_midnight_timeout (midnight_cb, self);
  return G_SOURCE_REMOVE;
}

static void
objector_dashboard_dispose (GObject *object)
{
  ObjectorDashboard *self = OBJECTOR_DASHBOARD (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_handle_id (&self->midnight, g_source_remove);
  for (guint i = 0; self->watched != NULL && i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), objection_changed_cb, self);
  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  /* The bin drops its child first: the template's would leave it a dangling pointer. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBJECTOR_TYPE_DASHBOARD);
  g_clear_object (&self->store);
  g_clear_object (&self->wizard);

  G_OBJECT_CLASS (objector_dashboard_parent_class)->dispose (object);
}

static void
objector_dashboard_class_init (ObjectorDashboardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_dashboard_dispose;

  /* The person picked an objection to look at or continue. */
  signals[OBJECTION_ACTIVATED] =
    g_signal_new ("objection-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorDashboard, stack);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDashboard, groups_box);
  gtk_widget_class_bind_template_child (widget_class, ObjectorDashboard, menu_button);
}

static void
objector_dashboard_init (ObjectorDashboard *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);

  builder = gtk_builder_new_from_resource ("/io/github/objector/Objector/objector-menus.ui");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button),
                                  G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
}

GtkWidget *
objector_dashboard_new (ObjectorStore  *store,
                        ObjectorWizard *wizard)
{
  ObjectorDashboard *self;

  g_return_val_if_fail (OBJECTOR_IS_STORE (store), NULL);
  g_return_val_if_fail (wizard == NULL || OBJECTOR_IS_WIZARD (wizard), NULL);

  self = g_object_new (OBJECTOR_TYPE_DASHBOARD, NULL);
  self->store = g_object_ref (store);
  self->wizard = wizard ? g_object_ref (wizard) : NULL;
  g_signal_connect_object (store, "items-changed", G_CALLBACK (items_changed_cb), self, 0);
  rebuild (self);
  self->midnight = objector_ui_add_midnight_timeout (midnight_cb, self);
  return GTK_WIDGET (self);
}

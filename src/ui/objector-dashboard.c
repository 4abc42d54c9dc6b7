/* objector-dashboard.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-dashboard.h"
#include "objector-mail-match.h"
#include "objector-ui-util.h"

struct _ObjectorDashboard
{
  AdwBin            parent_instance;

  ObjectorStore    *store;
  ObjectorPlaybook *playbook;
  GtkStack         *stack;
  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (ObjectorDashboard, objector_dashboard, ADW_TYPE_BIN)

enum {
  OBJECTION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  /* Translators: a date as in “21 December 2026”; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

char *
objector_dashboard_describe_next (ObjectorObjection *objection,
                                  GDateTime         *now)
{
  ObjectorState state = objector_objection_get_state (objection);
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  g_autofree char *date = due ? format_date (due) : NULL;

  switch (state)
    {
    case OBJECTOR_STATE_DRAFT:
    case OBJECTOR_STATE_READY:
      return g_strdup (_("Next: open the form and send it"));
    case OBJECTOR_STATE_FORM_OPENED:
      return g_strdup (_("Next: send the form, then say so here"));
    case OBJECTOR_STATE_SUBMITTED:
    case OBJECTOR_STATE_CONFIRMED:
    case OBJECTOR_STATE_ACKNOWLEDGED:
      if (objector_objection_is_overdue (objection, now))
        return g_strdup_printf (_("Meta’s answer is overdue since %s: you can complain"), date);
      /* Meta's 2025 forms send no code: only one Meta did send is awaited. */
      if (state == OBJECTOR_STATE_SUBMITTED && objector_objection_get_has_code_step (objection)
          && objector_mail_logged_since_submission (objection, OBJECTOR_MAIL_KIND_CODE))
        return g_strdup_printf (_("Next: type in the code from Meta’s email · answer due by %s"), date);
      if (objector_objection_get_extended (objection))
        /* Translators: GDPR Art. 12(3): Meta told the person it needs two more months */
        return g_strdup_printf (_("Meta extended its deadline: answer due by %s"), date);
      return g_strdup_printf (_("Waiting for Meta’s answer, due by %s"), date);
    case OBJECTOR_STATE_APPROVED:
      return g_strdup (_("Meta accepted it"));
    case OBJECTOR_STATE_REJECTED:
      return g_strdup (_("Meta rejected it: you can complain or try again"));
    case OBJECTOR_STATE_ESCALATED:
      return g_strdup (_("You complained to the data protection authority"));
    case OBJECTOR_STATE_WITHDRAWN:
      return g_strdup (_("Withdrawn"));
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_row (AdwActionRow      *row,
            ObjectorObjection *objection)
{
  g_autofree char *next = objector_dashboard_describe_next (objection, NULL);
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "badge");
  gboolean overdue = objector_objection_is_overdue (objection, NULL);

  /* The subtitle says where it stands; only an overdue answer needs a flag. */
  adw_action_row_set_subtitle (row, next);
  gtk_widget_set_visible (badge, overdue);
}

static void
objection_changed_cb (ObjectorObjection *objection,
                      AdwActionRow      *row)
{
  update_row (row, objection);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ObjectorObjection *objection = item;
  ObjectorDashboard *self = user_data;
  ObjectorPath *path = self->playbook
                       ? objector_playbook_lookup_path (self->playbook, objector_objection_get_path_id (objection))
                       : NULL;
  const char *account = objector_objection_get_account (objection);
  const char *title = path ? objector_path_get_title (path) : objector_objection_get_path_id (objection);
  g_autofree char *full_title = account && *account ? g_strdup_printf ("%s (%s)", title, account) : g_strdup (title);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (_("Overdue"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), full_title);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, "error");
  g_object_set_data (G_OBJECT (row), "badge", badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "objection-id", g_strdup (objector_objection_get_id (objection)), g_free);

  update_row (ADW_ACTION_ROW (row), objection);
  g_signal_connect_object (objection, "changed", G_CALLBACK (objection_changed_cb), row, 0);
  return row;
}

static void
update_view (ObjectorDashboard *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0 ? "list" : "empty");
}

static void
items_changed_cb (GListModel        *model,
                  guint              position,
                  guint              removed,
                  guint              added,
                  ObjectorDashboard *self)
{
  update_view (self);
}

static void
row_activated_cb (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  ObjectorDashboard *self)
{
  g_signal_emit (self, signals[OBJECTION_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "objection-id"));
}

static void
objector_dashboard_dispose (GObject *object)
{
  ObjectorDashboard *self = OBJECTOR_DASHBOARD (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  self->list = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->playbook);

  G_OBJECT_CLASS (objector_dashboard_parent_class)->dispose (object);
}

static void
objector_dashboard_class_init (ObjectorDashboardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = objector_dashboard_dispose;

  /* The person picked an objection to look at or continue. */
  signals[OBJECTION_ACTIVATED] =
    g_signal_new ("objection-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
objector_dashboard_init (ObjectorDashboard *self)
{
}

GtkWidget *
objector_dashboard_new (ObjectorStore    *store,
                        ObjectorPlaybook *playbook)
{
  ObjectorDashboard *self = g_object_new (OBJECTOR_TYPE_DASHBOARD, NULL);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *start = gtk_button_new_with_mnemonic (_("_Start"));
  GtkWidget *box;
  GtkWidget *body = objector_ui_page_body (&box);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/objector/Objector/objector-menus.ui");

  self->store = g_object_ref (store);
  self->playbook = playbook ? g_object_ref (playbook) : NULL;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Your Objections"), NULL));
  gtk_widget_set_tooltip_text (add, _("Start Another Objection"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Start Another Objection"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.start-another");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu),
                                  G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
  gtk_menu_button_set_primary (GTK_MENU_BUTTON (menu), TRUE);
  gtk_widget_set_tooltip_text (menu, _("Main Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  gtk_box_append (GTK_BOX (outer), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "io.github.objector.Objector-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Objections Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Objector walks you through every objection that applies to you."));
  gtk_widget_add_css_class (start, "pill");
  gtk_widget_add_css_class (start, "suggested-action");
  gtk_widget_set_halign (start, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "win.start-another");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), start);
  gtk_stack_add_named (self->stack, empty, "empty");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your objections"), -1);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (store), create_row, self, NULL);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_stack_add_named (self->stack, body, "list");

  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), outer);

  g_signal_connect_object (store, "items-changed", G_CALLBACK (items_changed_cb), self, 0);
  update_view (self);
  return GTK_WIDGET (self);
}

/* objector-path-page.c — one objection: the form, its fields, and each step
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-pages.h"
#include "objector-qr.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"

struct _ObjectorPathPage
{
  ObjectorPage       parent_instance;

  ObjectorStore     *store;
  ObjectorPlaybook  *playbook;
  ObjectorObjection *objection;
  ObjectorPath      *path;

  GtkWidget         *state_row;
  GtkWidget         *fields_group;
  GPtrArray         *field_rows;
  GtkWidget         *open_button;
  GtkWidget         *submitted_button;
  GtkWidget         *code_button;
  GtkWidget         *undo_button;
};

G_DEFINE_FINAL_TYPE (ObjectorPathPage, objector_path_page, OBJECTOR_TYPE_PAGE)

const char *
objector_path_page_get_objection_id (ObjectorPathPage *self)
{
  g_return_val_if_fail (OBJECTOR_IS_PATH_PAGE (self), NULL);
  return objector_objection_get_id (self->objection);
}

static void
show_message (ObjectorPathPage *self,
              const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_debug ("%s", message);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static char *
format_due (ObjectorObjection *objection)
{
  g_autoptr(GDate) due = objector_objection_dup_due_date (objection);
  g_autoptr(GDateTime) when = NULL;

  if (due == NULL)
    return NULL;
  when = g_date_time_new_local (g_date_get_year (due), g_date_get_month (due), g_date_get_day (due), 12, 0, 0);
  /* Translators: a date as in “21 December 2026”; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static const char *
field_value (ObjectorPathPage *self,
             const char       *fill,
             char            **owned)
{
  if (g_strcmp0 (fill, "email") == 0)
    return objector_objection_get_email (self->objection);
  if (g_strcmp0 (fill, "reason") == 0)
    return objector_objection_get_reason (self->objection);
  if (g_strcmp0 (fill, "account") == 0)
    return objector_objection_get_account (self->objection);
  if (g_strcmp0 (fill, "country") == 0)
    return *owned = objector_ui_country_name (objector_objection_get_country (self->objection));
  return NULL;
}

static void
rebuild_fields (ObjectorPathPage *self)
{
  GPtrArray *fields = objector_path_get_fields (self->path);

  for (guint i = 0; i < self->field_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->fields_group),
                                  g_ptr_array_index (self->field_rows, i));
  g_ptr_array_set_size (self->field_rows, 0);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      ObjectorField *field = g_ptr_array_index (fields, i);
      g_autofree char *owned = NULL;
      const char *value = field_value (self, field->fill, &owned);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field->label);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (value != NULL && *value != '\0')
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), objector_ui_copy_button (field->label, value));
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     field->hint ? field->hint : _("Fill this in yourself on the form."));
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->fields_group), row);
      g_ptr_array_add (self->field_rows, row);
    }
}

static void
update (ObjectorPathPage *self)
{
  ObjectorState state = objector_objection_get_state (self->objection);
  g_autofree char *due = format_due (self->objection);
  g_autofree char *subtitle = NULL;
  gboolean sent = state >= OBJECTOR_STATE_SUBMITTED && state != OBJECTOR_STATE_WITHDRAWN;

  if (state == OBJECTOR_STATE_WITHDRAWN)
    subtitle = g_strdup (_("You withdrew this request."));
  else if (due != NULL && objector_state_is_awaiting (state))
    subtitle = g_strdup_printf (objector_objection_is_overdue (self->objection, NULL)
                                ? _("Meta had to answer by %s and has not: you can complain to your data protection authority.")
                                : _("Meta must answer by %s."), due);
  else if (state <= OBJECTOR_STATE_FORM_OPENED)
    subtitle = g_strdup (_("Not sent yet."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), objector_state_get_label (state));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->state_row), subtitle ? subtitle : "");

  gtk_widget_set_sensitive (self->open_button, state <= OBJECTOR_STATE_FORM_OPENED);
  gtk_widget_set_sensitive (self->submitted_button, state <= OBJECTOR_STATE_FORM_OPENED);
  gtk_widget_set_visible (self->code_button, objector_objection_get_has_code_step (self->objection));
  gtk_widget_set_sensitive (self->code_button, state == OBJECTOR_STATE_SUBMITTED);
  gtk_widget_set_sensitive (self->undo_button,
                            state > OBJECTOR_STATE_READY
                            && objector_objection_can_apply (self->objection, OBJECTOR_EVENT_UNDO, NULL));

  objector_page_set_next_label (OBJECTOR_PAGE (self), sent ? NULL : _("_Skip for Now"));
  rebuild_fields (self);
}

static void
objection_changed_cb (ObjectorObjection *objection,
                      ObjectorPathPage  *self)
{
  update (self);
}

static gboolean
apply (ObjectorPathPage *self,
       ObjectorEvent     event)
{
  g_autoptr(GError) error = NULL;

  if (!objector_store_apply (self->store, objector_objection_get_id (self->objection),
                             event, NULL, NULL, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
open_form (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ObjectorPathPage *self = OBJECTOR_PATH_PAGE (widget);
  const char *url = objector_path_get_form_url (self->path);

  /* Only what the playbook allows ever reaches the browser. */
  if (!objector_path_url_is_allowed (self->path, url))
    {
      show_message (self, _("This form’s address is not one Objector trusts, so it was not opened."));
      return;
    }

  objector_ui_launch_uri (GTK_WINDOW (gtk_widget_get_root (widget)), url);
  if (objector_objection_get_state (self->objection) == OBJECTOR_STATE_READY)
    apply (self, OBJECTOR_EVENT_OPEN_FORM);
}

static void
mark_submitted (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObjectorPathPage *self = OBJECTOR_PATH_PAGE (widget);

  /* Sent from the phone, the form was never opened here: record both steps. */
  if (objector_objection_get_state (self->objection) == OBJECTOR_STATE_READY
      && !apply (self, OBJECTOR_EVENT_OPEN_FORM))
    return;
  apply (self, OBJECTOR_EVENT_SUBMIT);
}

static void
mark_code_confirmed (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  apply (OBJECTOR_PATH_PAGE (widget), OBJECTOR_EVENT_CONFIRM_CODE);
}

static void
undo_step (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  apply (OBJECTOR_PATH_PAGE (widget), OBJECTOR_EVENT_UNDO);
}

static void
copy_url (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  ObjectorPathPage *self = OBJECTOR_PATH_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), objector_path_get_form_url (self->path));
  show_message (self, _("The form’s address was copied"));
}

static GtkWidget *
steps_group (const char         *title,
             const char * const *steps)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *badge = gtk_label_new (number);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steps[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (badge, "dim-label");
      gtk_widget_add_css_class (badge, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static const char *
app_name (const char *app)
{
  if (g_strcmp0 (app, "facebook") == 0)
    return _("In the Facebook App");
  if (g_strcmp0 (app, "instagram") == 0)
    return _("In the Instagram App");
  return app;
}

static const char *
short_title (ObjectorPath *path)
{
  const char *platform = objector_path_get_platform (path);

  if (objector_path_get_kind (path) == OBJECTOR_PATH_KIND_THIRD_PARTY)
    return _("Third-Party Request");
  if (g_strcmp0 (platform, "facebook") == 0)
    return _("Facebook");
  if (g_strcmp0 (platform, "instagram") == 0)
    return _("Instagram");
  return objector_path_get_title (path);
}

static void
build (ObjectorPathPage *self)
{
  GtkWidget *box;
  GtkWidget *body = objector_ui_page_body (&box);
  const char *account = objector_objection_get_account (self->objection);
  GPtrArray *routes = objector_path_get_app_routes (self->path);
  GtkWidget *group, *buttons, *phone, *picture, *copy;
  g_autoptr(GdkTexture) qr = NULL;
  g_autofree char *page_id = g_strconcat ("objection:", objector_objection_get_id (self->objection), NULL);

  objector_page_set_id (OBJECTOR_PAGE (self), page_id);
  /* The header is narrow on a phone: a short name there, the full title below. */
  objector_page_set_title (OBJECTOR_PAGE (self), short_title (self->path));

  gtk_box_append (GTK_BOX (box), objector_ui_heading (objector_path_get_title (self->path)));
  if (account != NULL && *account != '\0')
    {
      /* Translators: which of the person's accounts this objection is for */
      g_autofree char *text = g_strdup_printf (_("For the account “%s”"), account);
      GtkWidget *label = objector_ui_paragraph (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_box_append (GTK_BOX (box), objector_ui_paragraph (objector_path_get_summary (self->path)));

  group = adw_preferences_group_new ();
  self->state_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->state_row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->state_row), 0);
  gtk_widget_set_focusable (self->state_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->state_row);
  gtk_box_append (GTK_BOX (box), group);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->open_button = objector_ui_wrapping_button (_("_Open the Form in Your Browser"));
  gtk_widget_add_css_class (self->open_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "path.open-form");
  gtk_box_append (GTK_BOX (buttons), self->open_button);
  copy = gtk_button_new_with_mnemonic (_("_Copy the Form’s Address"));
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_halign (copy, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "path.copy-url");
  gtk_box_append (GTK_BOX (buttons), copy);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_box_append (GTK_BOX (box), steps_group (_("In Your Browser"), objector_path_get_steps (self->path)));

  self->fields_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->fields_group), _("What to Fill In"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->fields_group),
                                         _("Copy each answer into the form."));
  gtk_box_append (GTK_BOX (box), self->fields_group);

  /* On the phone: the app's own menus, or the form through the QR code. */
  phone = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (phone), _("On Your Phone"));
  for (guint i = 0; routes != NULL && i < routes->len; i++)
    {
      ObjectorAppRoute *route = g_ptr_array_index (routes, i);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), app_name (route->app));
      for (guint s = 0; route->steps != NULL && route->steps[s] != NULL; s++)
        {
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *number = g_strdup_printf ("%u", s + 1);
          GtkWidget *badge = gtk_label_new (number);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), route->steps[s]);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
          gtk_widget_add_css_class (badge, "dim-label");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
          gtk_widget_set_focusable (row, FALSE);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (phone), expander);
    }
  qr = objector_qr_texture_new (objector_path_get_form_url (self->path), 4);
  if (qr != NULL)
    {
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *row = gtk_list_box_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Scan the Form’s Address"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     _("Point your phone’s camera at the code to open the form there."));
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (qr));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_top (picture, 12);
      gtk_widget_set_margin_bottom (picture, 12);
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("QR code of the form’s address"), -1);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), picture);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (phone), expander);
    }
  gtk_box_append (GTK_BOX (box), phone);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (buttons), objector_ui_paragraph (_("Once you have sent the form, say so here: "
                                                              "Objector then counts the month Meta has to answer.")));
  self->submitted_button = objector_ui_wrapping_button (_("I Have _Submitted the Form"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->submitted_button), "path.submitted");
  gtk_box_append (GTK_BOX (buttons), self->submitted_button);
  self->code_button = objector_ui_wrapping_button (_("I _Typed In the Six-Digit Code From Meta’s Email"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->code_button), "path.code-confirmed");
  gtk_box_append (GTK_BOX (buttons), self->code_button);
  self->undo_button = gtk_button_new_with_mnemonic (_("_Undo the Last Step"));
  gtk_widget_add_css_class (self->undo_button, "flat");
  gtk_widget_set_halign (self->undo_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->undo_button), "path.undo");
  gtk_box_append (GTK_BOX (buttons), self->undo_button);
  gtk_box_append (GTK_BOX (box), buttons);

  adw_bin_set_child (ADW_BIN (self), body);
  update (self);
}

static void
objector_path_page_dispose (GObject *object)
{
  ObjectorPathPage *self = OBJECTOR_PATH_PAGE (object);

  if (self->objection != NULL)
    g_signal_handlers_disconnect_by_data (self->objection, self);
  g_clear_object (&self->objection);
  g_clear_object (&self->store);
  g_clear_object (&self->playbook);
  g_clear_object (&self->path);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (objector_path_page_parent_class)->dispose (object);
}

static void
objector_path_page_class_init (ObjectorPathPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_path_page_dispose;

  gtk_widget_class_install_action (widget_class, "path.open-form", NULL, open_form);
  gtk_widget_class_install_action (widget_class, "path.copy-url", NULL, copy_url);
  gtk_widget_class_install_action (widget_class, "path.submitted", NULL, mark_submitted);
  gtk_widget_class_install_action (widget_class, "path.code-confirmed", NULL, mark_code_confirmed);
  gtk_widget_class_install_action (widget_class, "path.undo", NULL, undo_step);
}

static void
objector_path_page_init (ObjectorPathPage *self)
{
  self->field_rows = g_ptr_array_new ();
}

ObjectorPage *
objector_path_page_new (ObjectorStore    *store,
                        ObjectorPlaybook *playbook,
                        const char       *objection_id)
{
  ObjectorPathPage *self;
  ObjectorObjection *objection;
  ObjectorPath *path;

  g_return_val_if_fail (OBJECTOR_IS_STORE (store), NULL);
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), NULL);

  objection = objector_store_lookup (store, objection_id, NULL);
  if (objection == NULL)
    return NULL;
  path = objector_playbook_lookup_path (playbook, objector_objection_get_path_id (objection));
  if (path == NULL)
    return NULL;  /* a path a later playbook dropped: the overview still lists it */

  self = g_object_new (OBJECTOR_TYPE_PATH_PAGE, NULL);
  self->store = g_object_ref (store);
  self->playbook = g_object_ref (playbook);
  self->objection = g_object_ref (objection);
  self->path = g_object_ref (path);
  g_signal_connect (objection, "changed", G_CALLBACK (objection_changed_cb), self);

  build (self);
  return OBJECTOR_PAGE (self);
}

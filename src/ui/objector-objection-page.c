/* objector-objection-page.c — one objection: where it stands, its next step, the form, the timeline
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the page shows, all of it from the objection's view-model
 * (objector-objection-view.h): the page never decides by the state itself.
 * What its actions do is in objector-objection-page-actions.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-complaint-section.h"
#include "objector-form-check.h"
#include "objector-objection-page-private.h"
#include "objector-qr.h"
#include "objector-country.h"
#include "objector-ui-util.h"
#include "objector-view-ui.h"
#include "objector-wizard.h"

G_DEFINE_FINAL_TYPE (ObjectorObjectionPage, objector_objection_page, OBJECTOR_TYPE_PAGE)

const char *
objector_objection_page_get_objection_id (ObjectorObjectionPage *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_PAGE (self), NULL);
  return objector_objection_get_id (self->objection);
}

static const char *
field_value (ObjectorObjectionPage  *self,
             const char             *fill,
             char                  **owned)
{
  if (g_strcmp0 (fill, "email") == 0)
    return objector_objection_get_email (self->objection);
  if (g_strcmp0 (fill, "reason") == 0)
    return objector_objection_get_reason (self->objection);
  if (g_strcmp0 (fill, "account") == 0)
    return objector_objection_get_account (self->objection);
  if (g_strcmp0 (fill, "country") == 0)
    return *owned = objector_country_dup_name (objector_objection_get_country (self->objection));
  /* The name given on the details page, if any (optional). */
  if (g_strcmp0 (fill, "name") == 0)
    return objector_draft_get_name (objector_wizard_get_draft (objector_page_get_wizard (OBJECTOR_PAGE (self))));
  return NULL;
}

static void
clear_rows (GtkWidget *group,
            GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
rebuild_fields (ObjectorObjectionPage *self)
{
  GPtrArray *fields = objector_path_get_fields (self->path);

  clear_rows (self->fields_group, self->field_rows);
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

typedef struct
{
  GDateTime *time;
  char      *title;
  char      *subtitle;
  int        email;      /* index among the logged emails; -1 for a step */
  ObjectorMailRecordVerdict verdict;
} Moment;

static void
moment_clear (Moment *m)
{
  g_clear_pointer (&m->time, g_date_time_unref);
  g_clear_pointer (&m->title, g_free);
  g_clear_pointer (&m->subtitle, g_free);
}

static int
compare_moments (gconstpointer a,
                 gconstpointer b)
{
  const Moment *ma = a, *mb = b;

  if (ma->time == NULL || mb->time == NULL)
    return (ma->time == NULL) - (mb->time == NULL);
  return g_date_time_compare (ma->time, mb->time);
}

static char *
format_moment (GDateTime *time)
{
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  /* Translators: a date and time, as in “21 December 2026, 14:05” */
  return local ? g_date_time_format (local, _("%-d %B %Y, %H:%M")) : g_strdup (_("unknown date"));
}

/* Every step and every logged email, oldest first: the record of what happened. */
static void
rebuild_timeline (ObjectorObjectionPage *self)
{
  g_autoptr(GArray) moments = g_array_new (FALSE, TRUE, sizeof (Moment));
  GPtrArray *history = objector_objection_get_history (self->objection);
  GPtrArray *emails = objector_objection_get_emails (self->objection);

  g_array_set_clear_func (moments, (GDestroyNotify) moment_clear);
  clear_rows (self->timeline_group, self->timeline_rows);

  for (guint i = 0; i < history->len; i++)
    {
      ObjectorTransition *t = g_ptr_array_index (history, i);
      g_autofree char *when = format_moment (t->time);
      Moment m = { g_date_time_ref (t->time), g_strdup (objector_flow_step_label (t->event, t->from)), NULL, -1 };

      m.subtitle = t->note ? g_strdup_printf ("%s · %s", when, t->note) : g_steal_pointer (&when);
      g_array_append_val (moments, m);
    }

  for (guint i = 0; i < emails->len; i++)
    {
      ObjectorEmailRecord *email = g_ptr_array_index (emails, i);
      const char *subject, *from, *excerpt;
      g_autofree char *when = NULL;
      g_autofree char *verdict = NULL;
      Moment m = { 0 };

      if (objector_email_record_is_damaged (email))
        continue;
      subject = objector_email_record_get_subject (email);
      from = objector_email_record_get_from (email);
      excerpt = objector_email_record_get_excerpt (email);
      /* Verified, unverifiable (confirmed by the person or not), or failed. */
      m.verdict = objector_email_record_get_verdict (email);
      m.email = (int) i;
      verdict = objector_email_record_describe_verdict (email);

      m.time = objector_email_record_get_date (email) != NULL
               ? g_date_time_ref (objector_email_record_get_date (email)) : NULL;
      when = format_moment (m.time);
      /* Translators: the title of a logged email in the timeline: “Email: <subject>” */
      m.title = g_strdup_printf (_("Email: %s"), subject ? subject : _("(no subject)"));
      m.subtitle = g_strdup_printf ("%s · %s · %s%s%s", when, from ? from : "?", verdict,
                                    excerpt ? "\n" : "", excerpt ? excerpt : "");
      g_array_append_val (moments, m);
    }

  g_array_sort (moments, compare_moments);
  for (guint i = 0; i < moments->len; i++)
    {
      Moment *m = &g_array_index (moments, Moment, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), m->subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (m->email >= 0)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   objector_ui_verdict_badge (m->verdict.verdict, m->verdict.confirmed_by_user));
      gtk_widget_set_focusable (row, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->timeline_group), row);
      g_ptr_array_add (self->timeline_rows, row);
    }
  gtk_widget_set_visible (self->timeline_group, moments->len > 0);
}

/* The menus of the status card: Meta's answers behind "Meta answered…",
 * every other step the view offers behind "More". */
static void
rebuild_menus (ObjectorObjectionPage *self)
{
  GArray *secondary = objector_objection_view_get_secondary (self->view);
  g_autoptr(GMenu) answers = g_menu_new ();
  g_autoptr(GMenu) statements = g_menu_new ();
  g_autoptr(GMenu) emails = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  gboolean sending = objector_objection_view_offers (self->view, OBJECTOR_VIEW_ACTION_MARK_SUBMITTED);

  for (guint i = 0; i < secondary->len; i++)
    {
      const ObjectorViewChoice *c = &g_array_index (secondary, ObjectorViewChoice, i);
      g_autofree char *name = g_strconcat ("path.", objector_view_action_to_string (c->action), NULL);

      if (objector_view_action_is_answer (c->action))
        {
          ObjectorEvent event;

          /* The person's own statements, then the emails that prove them. */
          g_menu_append (objector_view_action_get_event (c->action, &event) ? statements : emails, c->label, name);
        }
      /* Skipping is the wizard's Next; "I have submitted" has its button below the form's answers. */
      else if (c->action != OBJECTOR_VIEW_ACTION_SKIP
               && !(sending && c->action == OBJECTOR_VIEW_ACTION_MARK_SUBMITTED))
        g_menu_append (more, c->label, name);
    }
  /* First, looking for the answer in the person's mail account. */
  if (objector_objection_view_offers (self->view, OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE))
    {
      g_autoptr(GMenu) looking = g_menu_new ();

      g_menu_append (looking, _("_Look for Meta’s Answer Now"), "path.look-in-mail");
      g_menu_append_section (answers, NULL, G_MENU_MODEL (looking));
    }
  g_menu_append_section (answers, NULL, G_MENU_MODEL (statements));
  g_menu_append_section (answers, NULL, G_MENU_MODEL (emails));

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->answer_button), G_MENU_MODEL (answers));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->more_button), G_MENU_MODEL (more));
  gtk_widget_set_visible (self->answer_button, objector_objection_view_offers (self->view, OBJECTOR_VIEW_ACTION_LOG_ANSWER));
  gtk_widget_set_visible (self->more_button, g_menu_model_get_n_items (G_MENU_MODEL (more)) > 0);
}

/* The status card: the view's icon, title and sentence, and its next action
 * as the page's one suggested button. */
static void
update_status (ObjectorObjectionPage *self)
{
  const ObjectorViewChoice *next = objector_objection_view_get_next (self->view);
  gboolean answer_next = objector_objection_view_get_next_action (self->view) == OBJECTOR_VIEW_ACTION_LOG_ANSWER;

  gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), objector_objection_view_get_icon_name (self->view));
  gtk_label_set_text (GTK_LABEL (self->status_title), objector_objection_view_get_title (self->view));
  gtk_label_set_text (GTK_LABEL (self->status_description), objector_objection_view_get_description (self->view));

  /* "Meta answered…" opens its menu: when it is the next step, it is the suggested button itself. */
  gtk_widget_set_visible (self->next_button, next != NULL && !answer_next);
  if (next != NULL && !answer_next)
    {
      g_autofree char *name = g_strconcat ("path.", objector_view_action_to_string (next->action), NULL);

      gtk_label_set_text_with_mnemonic (GTK_LABEL (self->next_label), next->label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), name);
      gtk_widget_set_tooltip_text (self->next_button, next->description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, next->description, -1);
    }
  if (answer_next)
    {
      gtk_widget_add_css_class (self->answer_button, "suggested-action");
      gtk_widget_add_css_class (self->answer_button, "pill");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, next->description, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->answer_button, "suggested-action");
      gtk_widget_remove_css_class (self->answer_button, "pill");
    }
}

static void focus_next (ObjectorObjectionPage *self);

static gboolean
focus_in_card (ObjectorObjectionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, self->status_card);
}

static gboolean
refocus_cb (gpointer user_data)
{
  ObjectorObjectionPage *self = user_data;

  self->refocus = 0;
  if (!focus_in_card (self))
    focus_next (self);
  return G_SOURCE_REMOVE;
}

static void
update (ObjectorObjectionPage *self)
{
  gboolean sending;
  gboolean had_focus = focus_in_card (self);
  const ObjectorViewChoice *submit;

  g_clear_object (&self->view);
  self->view = objector_ui_view_new (objector_page_get_wizard (OBJECTOR_PAGE (self)), self->objection);
  g_return_if_fail (self->view != NULL);

  rebuild_menus (self);
  update_status (self);
  _objector_objection_page_sync_actions (self);

  /* Until it is sent (and again after "send again"): how to send it. */
  sending = objector_objection_view_offers (self->view, OBJECTOR_VIEW_ACTION_MARK_SUBMITTED);
  gtk_widget_set_visible (self->send_box, sending);
  submit = objector_objection_view_lookup (self->view, OBJECTOR_VIEW_ACTION_MARK_SUBMITTED);
  gtk_label_set_text (GTK_LABEL (self->submitted_hint), submit != NULL ? submit->description : "");
  if (submit != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->submitted_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, submit->description, -1);

  /* The answers to copy come before "I have submitted"; once sent, they
   * are what was sent, after the timeline. */
  {
    GtkWidget *parent = sending ? self->send_box : self->box;
    GtkWidget *after = sending ? self->steps_group : gtk_widget_get_last_child (self->box);

    if (gtk_widget_get_parent (self->fields_group) != parent)
      {
        g_object_ref (self->fields_group);
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->fields_group)), self->fields_group);
        gtk_box_insert_child_after (GTK_BOX (parent), self->fields_group, after);
        g_object_unref (self->fields_group);
      }
  }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->fields_group),
                                   sending ? _("What to Fill In") : _("What You Sent"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->fields_group),
                                         sending ? _("Copy each answer into the form.") : NULL);
  gtk_widget_set_visible (self->fields_group, sending || objector_objection_get_submitted (self->objection) != NULL);

  /* In the wizard, Next leaves it unsent for now. */
  {
    const ObjectorViewChoice *skip = objector_objection_view_lookup (self->view, OBJECTOR_VIEW_ACTION_SKIP);

    objector_page_set_next_label (OBJECTOR_PAGE (self), skip != NULL ? skip->label : NULL);
  }

  rebuild_fields (self);
  rebuild_timeline (self);

  /* A keyboard user who just took a step stays in the card, on the next
   * one, also when the button they were on went (GTK moves the focus of a
   * widget hidden or made insensitive, at once or a moment later). */
  if (had_focus)
    {
      if (!focus_in_card (self))
        focus_next (self);
      if (self->refocus == 0)
        self->refocus = g_idle_add_full (G_PRIORITY_LOW, refocus_cb, self, NULL);
    }
}

static gboolean midnight_cb (gpointer user_data);

/* A new view now, and another after midnight. */
static void
refresh (ObjectorObjectionPage *self)
{
  update (self);
  g_clear_handle_id (&self->midnight, g_source_remove);
  self->midnight = objector_ui_add_midnight_timeout (midnight_cb, self);
}

static gboolean
midnight_cb (gpointer user_data)
{
  ObjectorObjectionPage *self = user_data;

  self->midnight = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
objection_changed_cb (ObjectorObjection     *objection,
                      ObjectorObjectionPage *self)
{
  refresh (self);
  _objector_objection_page_toast_step (self);
}

static GtkWidget *
numbered_row (const char *text,
              guint       number)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *digits = g_strdup_printf ("%u", number);
  GtkWidget *badge = gtk_label_new (digits);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (badge, "dim-label");
  gtk_widget_add_css_class (badge, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static const char *
app_name (const char *app)
{
  if (g_strcmp0 (app, "facebook") == 0)
    return _("In the Facebook App");
  if (g_strcmp0 (app, "instagram") == 0)
    return _("In the Instagram App");
  if (g_strcmp0 (app, "whatsapp") == 0)
    return _("In the WhatsApp App");
  return app;
}

static const char *
short_title (ObjectorPath *path)
{
  const char *platform = objector_path_get_platform (path);

  if (objector_path_get_kind (path) == OBJECTOR_PATH_KIND_THIRD_PARTY)
    /* Translators: a title in the narrow header bar of a phone: keep it under 20 characters */
    return _("Third-Party Request");
  if (g_strcmp0 (platform, "facebook") == 0)
    return _("Facebook");
  if (g_strcmp0 (platform, "instagram") == 0)
    return _("Instagram");
  if (g_strcmp0 (platform, "whatsapp") == 0)
    return _("WhatsApp");
  return objector_path_get_title (path);
}

/* On the phone: the app's own menus, or the form through the QR code. */
static void
build_phone_group (ObjectorObjectionPage *self)
{
  GPtrArray *routes = objector_path_get_app_routes (self->path);
  g_autoptr(GdkTexture) qr = NULL;

  for (guint i = 0; routes != NULL && i < routes->len; i++)
    {
      ObjectorAppRoute *route = g_ptr_array_index (routes, i);
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), app_name (route->app));
      for (guint s = 0; route->steps != NULL && route->steps[s] != NULL; s++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), numbered_row (route->steps[s], s + 1));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->phone_group), expander);
    }

  qr = objector_qr_texture_new (objector_path_get_form_url (self->path), 4);
  if (qr != NULL)
    {
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (qr));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Scan the Form’s Address"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     _("Point your phone’s camera at the code to open the form there."));
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
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->phone_group), expander);
    }
  gtk_widget_set_visible (self->phone_group, (routes != NULL && routes->len > 0) || qr != NULL);
}

/* What never changes: the path's title, its steps, the phone's ways. */
static void
build (ObjectorObjectionPage *self)
{
  const char *account = objector_objection_get_account (self->objection);
  const char * const *steps = objector_path_get_steps (self->path);
  g_autofree char *page_id = g_strconcat ("objection:", objector_objection_get_id (self->objection), NULL);
  g_autofree char *as_of = objector_form_candidate_describe (g_ptr_array_index (objector_path_get_forms (self->path), 0));

  objector_page_set_id (OBJECTOR_PAGE (self), page_id);
  /* The header is narrow on a phone: a short name there, the full title below. */
  objector_page_set_title (OBJECTOR_PAGE (self), short_title (self->path));
  gtk_label_set_text (GTK_LABEL (self->heading), objector_path_get_title (self->path));
  if (account != NULL && *account != '\0')
    {
      /* Translators: which of the person's accounts this objection is for */
      g_autofree char *text = g_strdup_printf (_("For the account “%s”"), account);

      gtk_label_set_text (GTK_LABEL (self->account_label), text);
      gtk_widget_set_visible (self->account_label, TRUE);
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), objector_path_get_summary (self->path));

  /* Which form the steps describe, and how recent that is. */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->steps_group), as_of);
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->steps_group), numbered_row (steps[i], i + 1));
  build_phone_group (self);

  adw_bin_set_child (ADW_BIN (self->complaint_bin),
                     objector_complaint_section_new (objector_page_get_wizard (OBJECTOR_PAGE (self)),
                                                     self->objection, self->path));

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (_objector_objection_page_drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }

  self->known_steps = objector_objection_get_history (self->objection)->len;
  refresh (self);
}

static void
focus_next (ObjectorObjectionPage *self)
{
  self->focus_on_map = FALSE;
  if (gtk_widget_get_visible (self->next_button))
    gtk_widget_grab_focus (self->next_button);
  else if (gtk_widget_get_visible (self->answer_button))
    gtk_widget_grab_focus (self->answer_button);
  else if (gtk_widget_get_visible (self->more_button))
    gtk_widget_grab_focus (self->more_button);
}

/* Every visit starts at the top, on the next step: the keyboard's focus too. */
static void
objector_objection_page_shown (ObjectorPage *page)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (page);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  /* A page not yet on screen takes no focus: it does once mapped. */
  self->focus_on_map = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_next (self);
}

static void
objector_objection_page_map (GtkWidget *widget)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);

  GTK_WIDGET_CLASS (objector_objection_page_parent_class)->map (widget);
  if (self->focus_on_map)
    focus_next (self);
}

static void
objector_objection_page_dispose (GObject *object)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->midnight, g_source_remove);
  g_clear_handle_id (&self->refocus, g_source_remove);
  if (self->objection != NULL)
    g_signal_handlers_disconnect_by_data (self->objection, self);
  /* The bin drops its child first: the template's would leave it a dangling pointer. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBJECTOR_TYPE_OBJECTION_PAGE);
  g_clear_object (&self->view);
  g_clear_object (&self->objection);
  g_clear_object (&self->store);
  g_clear_object (&self->playbook);
  g_clear_object (&self->path);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->timeline_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (objector_objection_page_parent_class)->dispose (object);
}

static void
objector_objection_page_class_init (ObjectorObjectionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_objection_page_dispose;
  OBJECTOR_PAGE_CLASS (klass)->shown = objector_objection_page_shown;
  widget_class->map = objector_objection_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-objection-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, ObjectorObjectionPage, name)
  BIND (scrolled);
  BIND (box);
  BIND (heading);
  BIND (account_label);
  BIND (status_card);
  BIND (status_icon);
  BIND (status_title);
  BIND (status_description);
  BIND (next_button);
  BIND (next_label);
  BIND (answer_button);
  BIND (more_button);
  BIND (about_expander);
  BIND (summary_label);
  BIND (link_banner);
  BIND (link_message);
  BIND (link_overview);
  BIND (link_anyway);
  BIND (complaint_bin);
  BIND (send_box);
  BIND (steps_group);
  BIND (fields_group);
  BIND (phone_group);
  BIND (submitted_hint);
  BIND (submitted_button);
  BIND (timeline_group);
#undef BIND

  _objector_objection_page_class_add_actions (widget_class);
}

static void
objector_objection_page_init (ObjectorObjectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->field_rows = g_ptr_array_new ();
  self->timeline_rows = g_ptr_array_new ();
}

ObjectorPage *
objector_objection_page_new (ObjectorWizard *wizard,
                             const char     *objection_id)
{
  ObjectorObjectionPage *self;
  ObjectorObjection *objection;
  ObjectorStore *store;
  ObjectorPlaybook *playbook;
  ObjectorPath *path;

  g_return_val_if_fail (OBJECTOR_IS_WIZARD (wizard), NULL);
  g_return_val_if_fail (objection_id != NULL, NULL);

  store = objector_wizard_get_store (wizard);
  playbook = objector_wizard_get_playbook (wizard);

  objection = objector_store_lookup (store, objection_id, NULL);
  if (objection == NULL)
    return NULL;
  path = objector_playbook_lookup_path (playbook, objector_objection_get_path_id (objection));
  if (path == NULL)
    return NULL;  /* a path a later playbook dropped: the overview still lists it */

  self = g_object_new (OBJECTOR_TYPE_OBJECTION_PAGE, "wizard", wizard, NULL);
  self->store = g_object_ref (store);
  self->playbook = g_object_ref (playbook);
  self->objection = g_object_ref (objection);
  self->path = g_object_ref (path);
  g_signal_connect (objection, "changed", G_CALLBACK (objection_changed_cb), self);

  build (self);
  return OBJECTOR_PAGE (self);
}

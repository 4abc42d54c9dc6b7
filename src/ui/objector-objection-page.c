/* objector-objection-page.c — one objection: the form, its fields, and each step
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the page shows; what its buttons do is in objector-objection-page-actions.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-complaint-section.h"
#include "objector-form-check.h"
#include "objector-mail-list.h"
#include "objector-objection-page-private.h"
#include "objector-qr.h"
#include "objector-country.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"

/* What Meta can answer, and the step each answer records. */
static const struct {
  ObjectorEvent  event;
  const char    *label;
} answers[] = {
  { OBJECTOR_EVENT_LOG_RECEIPT,   N_("Meta Confirmed Re_ceipt") },
  { OBJECTOR_EVENT_LOG_APPROVAL,  N_("Meta _Accepted It") },
  { OBJECTOR_EVENT_LOG_REJECTION, N_("Meta _Rejected It") },
  { OBJECTOR_EVENT_EXTEND,        N_("Meta _Extended the Deadline") },
};

G_DEFINE_FINAL_TYPE (ObjectorObjectionPage, objector_objection_page, OBJECTOR_TYPE_PAGE)

const char *
objector_objection_page_get_objection_id (ObjectorObjectionPage *self)
{
  g_return_val_if_fail (OBJECTOR_IS_OBJECTION_PAGE (self), NULL);
  return objector_objection_get_id (self->objection);
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
  return NULL;
}

static void
rebuild_fields (ObjectorObjectionPage *self)
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

static void
confirm_clicked_cb (GtkButton             *button,
                    ObjectorObjectionPage *self)
{
  g_autoptr(ObjectorMailLogResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "email"));

  if (!objector_mail_confirm_logged (self->store, objector_objection_get_id (self->objection), index,
                                     NULL, &result, &error))
    objector_ui_toast (GTK_WIDGET (self), error->message, FALSE);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Recorded as confirmed by you, not verified: %s"),
                                                  objector_state_get_label (result->after));

      objector_ui_toast (GTK_WIDGET (self), message, FALSE);
    }
}

/* "This is genuine: record it", under an unverifiable email of the timeline. */
static GtkWidget *
confirm_row (ObjectorObjectionPage *self,
             guint                  email,
             const char            *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *button = objector_ui_wrapping_button (_("This Is _Genuine: Record It"));
  /* Translators: the accessible name of the button under "Email: <subject>". */
  g_autofree char *name = g_strdup_printf (_("This is genuine: record “%s”"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 6);
  g_object_set_data (G_OBJECT (button), "email", GUINT_TO_POINTER (email));
  g_signal_connect (button, "clicked", G_CALLBACK (confirm_clicked_cb), self);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_ptr_array_add (self->timeline_rows, row);
  return row;
}

/* Every step and every logged email, oldest first: the record of what happened. */
static void
rebuild_timeline (ObjectorObjectionPage *self)
{
  g_autoptr(GArray) moments = g_array_new (FALSE, TRUE, sizeof (Moment));
  GPtrArray *history = objector_objection_get_history (self->objection);
  GPtrArray *emails = objector_objection_get_emails (self->objection);

  g_array_set_clear_func (moments, (GDestroyNotify) moment_clear);

  for (guint i = 0; i < self->timeline_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->timeline_group),
                                  g_ptr_array_index (self->timeline_rows, i));
  g_ptr_array_set_size (self->timeline_rows, 0);

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

      /* The person's own step: an unverifiable answer they know is genuine. */
      if (m->email >= 0 && objector_mail_can_confirm_logged (self->objection, m->email))
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->timeline_group),
                                   confirm_row (self, m->email, m->title));
    }
}

static void
update (ObjectorObjectionPage *self)
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
                                : objector_objection_get_extended (self->objection)
                                ? _("Meta extended its deadline by two months (GDPR Art. 12(3)): it must answer by %s.")
                                : _("Meta must answer by %s."), due);
  else if (state <= OBJECTOR_STATE_FORM_OPENED)
    subtitle = g_strdup (_("Not sent yet."));
  else if (state == OBJECTOR_STATE_APPROVED)
    subtitle = g_strdup (_("Meta accepted your objection: it must not use this information to train its AI."));
  else if (state == OBJECTOR_STATE_REJECTED)
    subtitle = g_strdup (_("You can complain to the data protection authority, or send the form again."));
  else if (state == OBJECTOR_STATE_ESCALATED)
    subtitle = g_strdup (_("You complained to the data protection authority. Keep its answers with Meta’s."));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), objector_state_get_label (state));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->state_row), subtitle ? subtitle : "");

  gtk_widget_set_visible (self->send_box, state <= OBJECTOR_STATE_FORM_OPENED);
  gtk_widget_set_visible (self->code_button, objector_objection_get_has_code_step (self->objection)
                                              && state == OBJECTOR_STATE_SUBMITTED);
  gtk_widget_set_visible (self->retry_button, state == OBJECTOR_STATE_REJECTED);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->fields_group),
                                   state <= OBJECTOR_STATE_FORM_OPENED ? _("What to Fill In") : _("What You Sent"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->fields_group),
                                         state <= OBJECTOR_STATE_FORM_OPENED ? _("Copy each answer into the form.") : NULL);
  gtk_widget_set_sensitive (self->undo_button,
                            state > OBJECTOR_STATE_READY
                            && objector_objection_can_apply (self->objection, OBJECTOR_EVENT_UNDO, NULL));

  {
    gboolean any = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
      {
        gboolean can = objector_objection_can_apply (self->objection, answers[i].event, NULL);

        gtk_widget_set_visible (self->answer_buttons[i], can);
        any = any || can;
      }
    /* Emails can be logged as evidence at any time after sending. */
    gtk_widget_set_visible (self->answer_group, any || sent);
  }

  objector_page_set_next_label (OBJECTOR_PAGE (self), sent ? NULL : _("_Skip for Now"));
  rebuild_fields (self);
  rebuild_timeline (self);
}

static void
objection_changed_cb (ObjectorObjection     *objection,
                      ObjectorObjectionPage *self)
{
  update (self);
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

static void
build (ObjectorObjectionPage *self)
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

  /* Sending: shown until the form is sent (and again after "retry"). */
  self->send_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (box), self->send_box);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->open_button = objector_ui_wrapping_button (_("_Open the Form in Your Browser"));
  gtk_widget_add_css_class (self->open_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "path.open-form");
  gtk_box_append (GTK_BOX (buttons), self->open_button);
  {
    /* Which form the steps describe, and how recent that is. */
    g_autofree char *as_of = objector_form_candidate_describe (g_ptr_array_index (objector_path_get_forms (self->path), 0));
    GtkWidget *label = objector_ui_paragraph (as_of);

    gtk_label_set_xalign (GTK_LABEL (label), 0.5);
    gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
    gtk_widget_add_css_class (label, "dim-label");
    gtk_box_append (GTK_BOX (buttons), label);
  }
  copy = gtk_button_new_with_mnemonic (_("_Copy the Form’s Address"));
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_halign (copy, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "path.copy-url");
  gtk_box_append (GTK_BOX (buttons), copy);
  gtk_box_append (GTK_BOX (self->send_box), buttons);

  /* What the link check found, when it is not simply "fine". */
  self->link_banner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (self->link_banner, "card");
  self->link_message = objector_ui_paragraph ("");
  gtk_widget_set_margin_top (self->link_message, 12);
  gtk_widget_set_margin_start (self->link_message, 12);
  gtk_widget_set_margin_end (self->link_message, 12);
  gtk_box_append (GTK_BOX (self->link_banner), self->link_message);
  self->link_overview = objector_ui_wrapping_button (_("Open the _Overview Page"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->link_overview), "path.open-overview");
  gtk_box_append (GTK_BOX (self->link_banner), self->link_overview);
  self->link_anyway = gtk_button_new_with_mnemonic (_("Open the Form _Anyway"));
  gtk_widget_add_css_class (self->link_anyway, "flat");
  gtk_widget_set_halign (self->link_anyway, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom (self->link_anyway, 12);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->link_anyway), "path.open-anyway");
  gtk_box_append (GTK_BOX (self->link_banner), self->link_anyway);
  gtk_widget_set_visible (self->link_banner, FALSE);
  gtk_box_append (GTK_BOX (self->send_box), self->link_banner);

  gtk_box_append (GTK_BOX (self->send_box), steps_group (_("In Your Browser"), objector_path_get_steps (self->path)));

  self->fields_group = adw_preferences_group_new ();

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
  gtk_box_append (GTK_BOX (self->send_box), phone);

  /* The fields stay in view once sent: they are what was sent. */
  gtk_box_append (GTK_BOX (box), self->fields_group);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (buttons), objector_ui_paragraph (_("Once you have sent the form, say so here: "
                                                              "Objector then counts the month Meta has to answer.")));
  self->submitted_button = objector_ui_wrapping_button (_("I Have _Submitted the Form"));
  gtk_widget_add_css_class (self->submitted_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->submitted_button), "path.submitted");
  gtk_box_append (GTK_BOX (buttons), self->submitted_button);
  gtk_box_append (GTK_BOX (self->send_box), buttons);

  self->code_button = objector_ui_wrapping_button (_("I _Typed In the Six-Digit Code From Meta’s Email"));
  gtk_widget_add_css_class (self->code_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->code_button), "path.code-confirmed");
  gtk_box_insert_child_after (GTK_BOX (box), self->code_button, self->send_box);

  /* Meta's answer, as the person read it in their email. */
  self->answer_group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  {
    GtkWidget *label = gtk_label_new (_("Meta’s Answer"));

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "heading");
    gtk_box_append (GTK_BOX (self->answer_group), label);
    gtk_box_append (GTK_BOX (self->answer_group),
                    objector_ui_paragraph (_("When Meta’s email arrives, record what it says. Keep the email: "
                                             "it is your proof.")));
  }
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      self->answer_buttons[i] = objector_ui_wrapping_button (_(answers[i].label));
      g_object_set_data (G_OBJECT (self->answer_buttons[i]), "event", GINT_TO_POINTER (answers[i].event));
      g_signal_connect (self->answer_buttons[i], "clicked", G_CALLBACK (_objector_objection_page_answer_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->answer_group), self->answer_buttons[i]);
    }
  {
    GtkWidget *file = objector_ui_wrapping_button (_("Log an _Email File…"));
    GtkWidget *paste = gtk_button_new_with_mnemonic (_("_Paste an Email…"));

    gtk_actionable_set_action_name (GTK_ACTIONABLE (file), "path.log-email-file");
    gtk_box_append (GTK_BOX (self->answer_group), file);
    gtk_widget_add_css_class (paste, "flat");
    gtk_widget_set_halign (paste, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (paste), "path.paste-email");
    gtk_box_append (GTK_BOX (self->answer_group), paste);
  }
  gtk_box_append (GTK_BOX (box), self->answer_group);

  gtk_box_append (GTK_BOX (box), objector_complaint_section_new (objector_page_get_wizard (OBJECTOR_PAGE (self)), self->objection, self->path));

  self->retry_button = objector_ui_wrapping_button (_("Send the Form _Again"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), "path.retry");
  gtk_box_append (GTK_BOX (box), self->retry_button);

  /* The fields come last once the form is sent. */
  gtk_box_reorder_child_after (GTK_BOX (box), self->fields_group, self->retry_button);

  self->timeline_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->timeline_group), _("Timeline"));
  gtk_box_append (GTK_BOX (box), self->timeline_group);

  self->undo_button = gtk_button_new_with_mnemonic (_("_Undo the Last Step"));
  gtk_widget_add_css_class (self->undo_button, "flat");
  gtk_widget_set_halign (self->undo_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->undo_button), "path.undo");
  gtk_box_append (GTK_BOX (box), self->undo_button);

  adw_bin_set_child (ADW_BIN (self), body);

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (target, "drop", G_CALLBACK (_objector_objection_page_drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }
  update (self);
}

static void
objector_objection_page_dispose (GObject *object)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->objection != NULL)
    g_signal_handlers_disconnect_by_data (self->objection, self);
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

  _objector_objection_page_class_add_actions (widget_class);
}

static void
objector_objection_page_init (ObjectorObjectionPage *self)
{
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

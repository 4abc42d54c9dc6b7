/* objector-objection-page-actions.c — what the buttons of an objection's page do
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening the form (after a link check), recording each step the person
 * took, logging Meta's answers. Every step is recorded only once it happened.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-form-check.h"
#include "objector-mail-list.h"
#include "objector-objection-page-private.h"
#include "objector-ui-util.h"
#include "objector-wizard.h"

static gboolean
apply (ObjectorObjectionPage *self,
       ObjectorEvent          event)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = objector_mail_own_statement_note (event, NULL);

  if (!objector_store_apply (self->store, objector_objection_get_id (self->objection),
                             event, note, NULL, &error))
    {
      objector_ui_toast (GTK_WIDGET (self), error->message, FALSE);
      return FALSE;
    }
  return TRUE;
}

/* Records that the form opened at @url; the history says which address it
 * was ("Meta’s 2024 form:
 * https://…"), since Meta's forms change. */
static void
record_form_opened (ObjectorObjectionPage *self,
                    const char            *url)
{
  g_autofree char *note = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *forms = objector_path_get_forms (self->path);

  for (guint i = 0; i < forms->len && note == NULL; i++)
    {
      ObjectorFormCandidate *form = g_ptr_array_index (forms, i);

      if (g_str_equal (form->url, url))
        note = g_strdup_printf ("%s: %s", form->label, url);
    }
  if (note == NULL)
    note = g_strdup (url);
  if (!objector_store_apply (self->store, objector_objection_get_id (self->objection),
                             OBJECTOR_EVENT_OPEN_FORM, note, NULL, &error))
    objector_ui_toast (GTK_WIDGET (self), error->message, FALSE);
}

static void
show_link_banner (ObjectorObjectionPage *self,
                  const char            *message,
                  gboolean               offer_anyway)
{
  gtk_label_set_text (GTK_LABEL (self->link_message), message);
  gtk_widget_set_visible (self->link_anyway, offer_anyway);
  gtk_widget_set_visible (self->link_banner, TRUE);
}

/* What to do once the browser has (or has not) opened an address. */
typedef struct
{
  ObjectorObjectionPage *self;
  char             *url;
  gboolean          is_form;  /* the form itself, not the overview */
  char             *banner;   /* said once it opened; nullable */
  char             *toast;    /* the same, in passing; nullable */
} Launch;

static void
launch_free (Launch *launch)
{
  g_object_unref (launch->self);
  g_free (launch->url);
  g_free (launch->banner);
  g_free (launch->toast);
  g_free (launch);
}

static void
launched_cb (gboolean      launched,
             const GError *error,
             gpointer      user_data)
{
  Launch *launch = user_data;
  ObjectorObjectionPage *self = launch->self;
  g_autofree char *message = NULL;

  if (!launched)
    {
      /* One message, and the record stays as it was: nothing was opened. */
      message = g_strdup_printf (_("No web browser could be opened, so %s was not opened and nothing was "
                                   "recorded. Open the address in a browser yourself, then come back here."),
                                 launch->url);
      show_link_banner (self, message, FALSE);
      return;
    }

  /* Only now did the form open: the step is true. */
  if (launch->is_form && objector_objection_get_state (self->objection) == OBJECTOR_STATE_READY)
    record_form_opened (self, launch->url);
  if (launch->banner != NULL)
    show_link_banner (self, launch->banner, FALSE);
  if (launch->toast != NULL)
    objector_ui_toast (GTK_WIDGET (self), launch->toast, FALSE);
}

/* Takes @banner and @toast. */
static void
launch (ObjectorObjectionPage *self,
        const char            *url,
        gboolean               is_form,
        char                  *banner,
        char                  *toast)
{
  Launch *data = g_new0 (Launch, 1);

  data->self = g_object_ref (self);
  data->url = g_strdup (url);
  data->is_form = is_form;
  data->banner = banner;
  data->toast = toast;
  gtk_widget_set_visible (self->link_banner, FALSE);
  objector_ui_launch_uri_then (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), url,
                               launched_cb, data, (GDestroyNotify) launch_free);
}

static void
form_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ObjectorObjectionPage) self = user_data;
  g_autoptr(ObjectorFormChoice) choice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *url = objector_path_get_form_url (self->path);
  ObjectorFormCandidate *form;
  ObjectorLinkResult *checked;

  choice = objector_form_check_finish (OBJECTOR_NET (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_set_sensitive (self->open_button, TRUE);
  gtk_widget_set_visible (self->link_banner, FALSE);

  if (choice == NULL)
    {
      /* The check itself failed: never a reason to stop the person. */
      launch (self, url, TRUE, NULL, NULL);
      return;
    }

  form = g_ptr_array_index (objector_path_get_forms (self->path), choice->index);
  checked = choice->index < choice->results->len ? g_ptr_array_index (choice->results, choice->index) : NULL;

  switch (choice->action)
    {
    case OBJECTOR_FORM_CHOICE_OPEN:
      /* Said only once the browser did open it. */
      if (choice->message != NULL)
        message = g_strdup (choice->message);
      else if (checked != NULL && objector_link_result_get_verdict (checked) == OBJECTOR_LINK_VERDICT_MOVED)
        message = g_strdup_printf (_("Meta moved this form. It was opened at its new address, %s."), choice->url);
      launch (self, choice->url, TRUE, g_steal_pointer (&message), NULL);
      break;

    case OBJECTOR_FORM_CHOICE_OPEN_UNCHECKED:
      message = g_strdup_printf (_("The form’s address could not be checked (%s). It was opened anyway."),
                                 objector_link_verdict_get_label (objector_link_result_get_verdict (checked)));
      launch (self, choice->url, TRUE, NULL, g_steal_pointer (&message));
      break;

    case OBJECTOR_FORM_CHOICE_ASK:
      /* Translators: the first %s names the form, the second why it failed ("gone") */
      message = g_strdup_printf (_("None of the addresses Objector knows for this form answered as it should; "
                                   "%s answered “%s”. It may have moved: the overview page links to the current form."),
                                 form->label, objector_link_verdict_get_label (objector_link_result_get_verdict (checked)));
      show_link_banner (self, message, TRUE);
      break;

    case OBJECTOR_FORM_CHOICE_REFUSE:
    default:
      message = g_strdup_printf (_("The form’s address now leads away from Meta, to %s, so Objector did not "
                                   "open it. The overview page links to the current form."),
                                 checked != NULL && objector_link_result_get_foreign_host (checked)
                                 ? objector_link_result_get_foreign_host (checked) : url);
      show_link_banner (self, message, FALSE);
      break;
    }
}

static void
open_form (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);
  const char *url = objector_path_get_form_url (self->path);
  ObjectorWizard *wizard = objector_page_get_wizard (OBJECTOR_PAGE (self));

  /* Only what the playbook allows ever reaches the browser. */
  if (!objector_path_url_is_allowed (self->path, url))
    {
      objector_ui_toast (GTK_WIDGET (self), _("This form’s address is not one Objector trusts, so it was not opened."), FALSE);
      return;
    }

  if (!objector_ui_get_check_links ())
    {
      launch (self, url, TRUE, NULL, NULL);
      return;
    }

  /* The person asked to go there: check the addresses first (Meta moves its
   * forms), the current form first, and open the first that answers. */
  gtk_widget_set_sensitive (self->open_button, FALSE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  objector_form_check_async (objector_wizard_get_net (wizard), objector_path_get_forms (self->path),
                             objector_path_get_allowed_hosts (self->path),
                             self->cancellable, form_checked_cb, g_object_ref (self));
}

static void
open_overview (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);
  const char *url = objector_path_get_overview_url (self->path);

  /* The overview is not the form: opening it records nothing. */
  gtk_widget_set_visible (self->link_banner, FALSE);
  if (url != NULL && objector_path_url_is_allowed (self->path, url))
    launch (self, url, FALSE, NULL, NULL);
}

static void
open_anyway (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);

  launch (self, objector_path_get_form_url (self->path), TRUE, NULL, NULL);
}

static void
mark_submitted (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);

  /* Sent from the phone or another browser, the form was never opened
   * here: only the submission is recorded, never an invented opening. */
  apply (self, OBJECTOR_EVENT_SUBMIT);
}

static void
mark_code_confirmed (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  apply (OBJECTOR_OBJECTION_PAGE (widget), OBJECTOR_EVENT_CONFIRM_CODE);
}

static void
retry (GtkWidget  *widget,
       const char *action_name,
       GVariant   *parameter)
{
  apply (OBJECTOR_OBJECTION_PAGE (widget), OBJECTOR_EVENT_RETRY);
}

static void
undo_step (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  apply (OBJECTOR_OBJECTION_PAGE (widget), OBJECTOR_EVENT_UNDO);
}

void
_objector_objection_page_answer_clicked_cb (GtkButton             *button,
                                            ObjectorObjectionPage *self)
{
  apply (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "event")));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
email_file_chosen_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ObjectorObjectionPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    objector_mail_list_show_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                  self->playbook, file, objector_objection_get_id (self->objection));
}
#else
static void
email_chooser_response_cb (GtkNativeDialog       *chooser,
                           int                    response,
                           ObjectorObjectionPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      objector_mail_list_show_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                    self->playbook, file, objector_objection_get_id (self->objection));
    }
  g_object_unref (chooser);
  g_object_unref (self);
}
#endif

static void
log_email_file (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Email messages"));
  gtk_file_filter_add_mime_type (filter, "message/rfc822");
  gtk_file_filter_add_mime_type (filter, "application/mbox");
  gtk_file_filter_add_suffix (filter, "eml");
  gtk_file_filter_add_suffix (filter, "msg");
  gtk_file_filter_add_suffix (filter, "mbox");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, _("Log Meta’s Email"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_open (dialog, parent, NULL, email_file_chosen_cb, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Log Meta’s Email"), parent,
                                                                 GTK_FILE_CHOOSER_ACTION_OPEN,
                                                                 _("_Open"), _("_Cancel"));

    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    g_signal_connect (chooser, "response", G_CALLBACK (email_chooser_response_cb), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

static void
paste_response_cb (AdwMessageDialog      *dialog,
                   const char            *response,
                   ObjectorObjectionPage *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "read") != 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  objector_mail_list_show_text (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                self->playbook, text, objector_objection_get_id (self->objection));
}

static void
paste_email (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);
  GtkWidget *dialog, *view, *scrolled;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Paste Meta’s Email"),
                                   _("Objector needs the whole email, with the lines your email program "
                                     "usually hides (its “source”): they show whether it really comes from Meta. "
                                     "Open Meta’s email, then:\n"
                                     "• Gmail: the ⋮ menu, “Show original”, then “Copy to clipboard”\n"
                                     "• Outlook: the … menu, “View”, then “View message source”\n"
                                     "• GMX and WEB.DE: the … menu of the message, then the entry that shows its source text\n"
                                     "• Thunderbird: press Ctrl+U\n"
                                     "Copy all of it and paste it here."));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_CHAR);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The email, with its headers"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  g_object_set_data (G_OBJECT (dialog), "buffer", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "read", _("_Read"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (paste_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An email file dropped on the page is read as one from Meta for this objection. */
gboolean
_objector_objection_page_drop_cb (GtkDropTarget         *target,
                                  const GValue          *value,
                                  double                 x,
                                  double                 y,
                                  ObjectorObjectionPage *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    objector_mail_list_show_file (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                  self->playbook, l->data, objector_objection_get_id (self->objection));
  g_slist_free (files);
  return TRUE;
}

static void
copy_url (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), objector_path_get_form_url (self->path));
  objector_ui_toast (GTK_WIDGET (self), _("The form’s address was copied"), FALSE);
}

void
_objector_objection_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "path.open-form", NULL, open_form);
  gtk_widget_class_install_action (widget_class, "path.open-overview", NULL, open_overview);
  gtk_widget_class_install_action (widget_class, "path.open-anyway", NULL, open_anyway);
  gtk_widget_class_install_action (widget_class, "path.copy-url", NULL, copy_url);
  gtk_widget_class_install_action (widget_class, "path.submitted", NULL, mark_submitted);
  gtk_widget_class_install_action (widget_class, "path.code-confirmed", NULL, mark_code_confirmed);
  gtk_widget_class_install_action (widget_class, "path.undo", NULL, undo_step);
  gtk_widget_class_install_action (widget_class, "path.retry", NULL, retry);
  gtk_widget_class_install_action (widget_class, "path.log-email-file", NULL, log_email_file);
  gtk_widget_class_install_action (widget_class, "path.paste-email", NULL, paste_email);
}

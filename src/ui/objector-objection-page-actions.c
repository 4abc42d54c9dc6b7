/* objector-objection-page-actions.c — what the actions of an objection's page do
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget action per action of the view-model ("path.open-form",
 * "path.answer-rejected", …), enabled when the view offers it: opening the
 * form (after a link check), recording each step the person took, logging
 * Meta's answers. Every step is recorded only once it happened, and every
 * step recorded shows a toast that offers to undo it.
 */

#include <string.h>

#include "config.h"

#include <glib/gi18n.h>

#include "objector-form-check.h"
#include "objector-mail-list.h"
#include "objector-objection-page-private.h"
#include "objector-scan-dialog.h"
#include "objector-ui-util.h"
#include "objector-window.h"
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
  ObjectorEvent event;

  for (guint i = 0; i < forms->len && note == NULL; i++)
    {
      ObjectorFormCandidate *form = g_ptr_array_index (forms, i);

      if (g_str_equal (form->url, url))
        note = g_strdup_printf ("%s: %s", form->label, url);
    }
  if (note == NULL)
    note = g_strdup (url);
  if (!objector_view_action_get_event (OBJECTOR_VIEW_ACTION_OPEN_FORM, &event))
    g_return_if_reached ();
  if (!objector_store_apply (self->store, objector_objection_get_id (self->objection),
                             event, note, NULL, &error))
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

  /* Only now did the form open: the step is true. Opened again, it was
   * recorded the first time. */
  if (launch->is_form && self->view != NULL
      && objector_objection_view_get_next_action (self->view) == OBJECTOR_VIEW_ACTION_OPEN_FORM)
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

  self->checking_form = FALSE;
  _objector_objection_page_sync_actions (self);
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
open_form (ObjectorObjectionPage *self)
{
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
  self->checking_form = TRUE;
  _objector_objection_page_sync_actions (self);
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
log_email_file (ObjectorObjectionPage *self)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
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
paste_email (ObjectorObjectionPage *self)
{
  GtkWidget *dialog, *view, *scrolled;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Paste Meta’s Email"),
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

/* The toast's Undo: takes back the step it named, if that is still the latest. */
static void
undo_clicked_cb (AdwToast              *toast,
                 ObjectorObjectionPage *self)
{
  guint steps = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "steps"));
  ObjectorEvent event;

  /* Another step came since: undo would take back that one, not this. */
  if (objector_objection_get_history (self->objection)->len != steps)
    {
      objector_ui_toast (GTK_WIDGET (self), _("Not undone: a newer step came first"), FALSE);
      return;
    }
  if (objector_view_action_get_event (OBJECTOR_VIEW_ACTION_UNDO, &event))
    apply (self, event);
}

/* What a toast says of a step just recorded: short, a toast does not wrap. */
static const char *
step_done (ObjectorEvent event)
{
  switch (event)
    {
    /* Translators: toasts with an Undo button: about 18 characters at most, a toast is one line
     * beside its button on a phone (360 px) */
    case OBJECTOR_EVENT_COMPLETE_DETAILS: return _("Details saved");
    case OBJECTOR_EVENT_OPEN_FORM:        return _("Form opened");
    case OBJECTOR_EVENT_SUBMIT:           return _("Marked as sent");
    case OBJECTOR_EVENT_CONFIRM_CODE:     return _("Code typed in");
    case OBJECTOR_EVENT_LOG_RECEIPT:      return _("Receipt recorded");
    case OBJECTOR_EVENT_LOG_APPROVAL:     return _("Acceptance recorded");
    case OBJECTOR_EVENT_LOG_REJECTION:    return _("Rejection recorded");
    case OBJECTOR_EVENT_EXTEND:           return _("Extension recorded");
    case OBJECTOR_EVENT_ESCALATE:         return _("Complaint recorded");
    case OBJECTOR_EVENT_RETRY:            return _("Ready to send again");
    case OBJECTOR_EVENT_WITHDRAW:         return _("Withdrawn");
    case OBJECTOR_EVENT_UNDO:             return _("Step undone");
    default:                              g_return_val_if_reached ("");
    }
}

void
_objector_objection_page_toast_step (ObjectorObjectionPage *self)
{
  GPtrArray *history = objector_objection_get_history (self->objection);
  ObjectorTransition *step;
  AdwToast *toast;
  guint known = self->known_steps;

  self->known_steps = history->len;
  /* Only the page on screen speaks: the wizard keeps another for the same objection. */
  if (history->len <= known || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  step = g_ptr_array_index (history, history->len - 1);
  toast = adw_toast_new (step_done (step->event));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* An undone step is not offered again; the details are the wizard's page. */
  if (objector_objection_view_offers (self->view, OBJECTOR_VIEW_ACTION_UNDO)
      && objector_objection_get_latest_step (self->objection, step->event) == step)
    {
      g_object_set_data (G_OBJECT (toast), "steps", GUINT_TO_POINTER (history->len));
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
    }
  /* In the wizard, its overlay above Back and Next: never over them. */
  objector_ui_add_toast (GTK_WIDGET (self), toast);
}

/* "Complain": the complaint section, just below the status card. */
static void
show_complaint (ObjectorObjectionPage *self)
{
  GtkWidget *section = adw_bin_get_child (ADW_BIN (self->complaint_bin));

  if (section != NULL && gtk_widget_get_visible (section))
    gtk_widget_child_focus (section, GTK_DIR_TAB_FORWARD);
}

/* "Fill in your details": the wizard's page for them. */
static void
complete_details (ObjectorObjectionPage *self)
{
  ObjectorWizard *wizard = objector_page_get_wizard (OBJECTOR_PAGE (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (gtk_widget_is_ancestor (GTK_WIDGET (self), GTK_WIDGET (wizard)))
    objector_wizard_go_to (wizard, "details");
  else if (OBJECTOR_IS_WINDOW (root))
    {
      objector_draft_set_page (objector_wizard_get_draft (wizard), "details");
      objector_window_show_wizard (OBJECTOR_WINDOW (root));
    }
}

static void
confirm_email (ObjectorObjectionPage *self)
{
  g_autoptr(ObjectorMailLogResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int index = objector_objection_view_get_email_to_confirm (self->view);

  if (index < 0)
    return;
  if (!objector_mail_confirm_logged (self->store, objector_objection_get_id (self->objection), index,
                                     NULL, &result, &error))
    objector_ui_toast (GTK_WIDGET (self), error->message, FALSE);
}

static void
view_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);
  ObjectorViewAction action;
  ObjectorEvent event;

  if (!objector_view_action_from_string (strchr (action_name, '.') + 1, &action))
    g_return_if_reached ();

  switch (action)
    {
    case OBJECTOR_VIEW_ACTION_OPEN_FORM:
      open_form (self);
      break;
    case OBJECTOR_VIEW_ACTION_COMPLETE_DETAILS:
      complete_details (self);
      break;
    case OBJECTOR_VIEW_ACTION_COMPLAIN:
      /* Recorded once the person says they filed it, in the section. */
      show_complaint (self);
      break;
    case OBJECTOR_VIEW_ACTION_CONFIRM_EMAIL:
      confirm_email (self);
      break;
    case OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE:
      log_email_file (self);
      break;
    case OBJECTOR_VIEW_ACTION_PASTE_EMAIL:
      paste_email (self);
      break;
    case OBJECTOR_VIEW_ACTION_LOG_ANSWER:
      gtk_menu_button_popup (GTK_MENU_BUTTON (self->answer_button));
      break;
    case OBJECTOR_VIEW_ACTION_SKIP:
      objector_wizard_next (objector_page_get_wizard (OBJECTOR_PAGE (self)));
      break;
    case OBJECTOR_VIEW_ACTION_NONE:
    default:
      /* The state machine's own steps; Meta's answer as the person's own
       * statement. Sent from the phone, the form was never opened here:
       * only the submission is recorded, never an invented opening. */
      if (objector_view_action_get_event (action, &event))
        apply (self, event);
      break;
    }
}

/* "Look for Meta's Answer Now": in the account last looked in, with
 * progress and Cancel; what is found is logged on this objection. */
static void
look_in_mail (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ObjectorObjectionPage *self = OBJECTOR_OBJECTION_PAGE (widget);
  g_autoptr(GSettings) settings = objector_wizard_dup_settings (objector_page_get_wizard (OBJECTOR_PAGE (self)));
  GtkWidget *dialog = objector_scan_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                                self->playbook, settings);

  gtk_window_present (GTK_WINDOW (dialog));
  objector_scan_dialog_look_for_answer (OBJECTOR_SCAN_DIALOG (dialog), objector_objection_get_id (self->objection));
}

void
_objector_objection_page_sync_actions (ObjectorObjectionPage *self)
{
  for (ObjectorViewAction a = OBJECTOR_VIEW_ACTION_NONE + 1; a < OBJECTOR_VIEW_N_ACTIONS; a++)
    {
      g_autofree char *name = g_strconcat ("path.", objector_view_action_to_string (a), NULL);
      gboolean enabled = self->view != NULL && objector_objection_view_offers (self->view, a);

      /* One link check at a time. */
      if (a == OBJECTOR_VIEW_ACTION_OPEN_FORM && self->checking_form)
        enabled = FALSE;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "path.look-in-mail",
                                 self->view != NULL
                                 && objector_objection_view_offers (self->view, OBJECTOR_VIEW_ACTION_LOG_EMAIL_FILE));
}

void
_objector_objection_page_class_add_actions (GtkWidgetClass *widget_class)
{
  for (ObjectorViewAction a = OBJECTOR_VIEW_ACTION_NONE + 1; a < OBJECTOR_VIEW_N_ACTIONS; a++)
    {
      g_autofree char *name = g_strconcat ("path.", objector_view_action_to_string (a), NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, view_action_cb);
    }
  /* The page's own: around the form, not steps of the objection. */
  gtk_widget_class_install_action (widget_class, "path.open-overview", NULL, open_overview);
  gtk_widget_class_install_action (widget_class, "path.open-anyway", NULL, open_anyway);
  gtk_widget_class_install_action (widget_class, "path.copy-url", NULL, copy_url);
  gtk_widget_class_install_action (widget_class, "path.look-in-mail", NULL, look_in_mail);
}

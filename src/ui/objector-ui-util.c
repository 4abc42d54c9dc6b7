/* objector-ui-util.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "objector-link-result.h"
#include "objector-ui-util.h"

GtkWidget *
objector_ui_heading (const char *text)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "justify", GTK_JUSTIFY_CENTER,
                                   NULL);

  gtk_widget_add_css_class (label, "title-1");
  return label;
}

GtkWidget *
objector_ui_paragraph (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  return label;
}

/* The label of @widget: it wraps, and its mnemonic activates @widget. */
static GtkWidget *
wrapping_mnemonic_label (const char *mnemonic_label,
                         GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic_label);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  return label;
}

GtkWidget *
objector_ui_wrapping_button (const char *mnemonic_label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = wrapping_mnemonic_label (mnemonic_label, button);

  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  return button;
}

GtkWidget *
objector_ui_verdict_badge (ObjectorMailVerdict verdict,
                           gboolean            confirmed)
{
  const char *icon;
  const char *style;
  const char *text;
  GtkWidget *badge;

  switch (verdict)
    {
    case OBJECTOR_MAIL_VERDICT_VERIFIED:
      icon = "security-high-symbolic";
      style = "success";
      text = _("Verified: sent by Meta");
      break;
    case OBJECTOR_MAIL_VERDICT_UNVERIFIABLE:
      icon = confirmed ? "object-select-symbolic" : "dialog-question-symbolic";
      style = "warning";
      text = confirmed ? _("Unverifiable — confirmed by you, not verified")
                       : _("Unverifiable: nothing shows who sent it");
      break;
    case OBJECTOR_MAIL_VERDICT_SUSPICIOUS:
    default:
      icon = "dialog-warning-symbolic";
      style = "error";
      text = _("Failed or suspicious: it may not come from Meta");
      break;
    }

  badge = gtk_image_new_from_icon_name (icon);
  gtk_widget_add_css_class (badge, style);
  gtk_widget_set_tooltip_text (badge, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return badge;
}

GtkWidget *
objector_ui_wrapping_check (const char *mnemonic_label)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = wrapping_mnemonic_label (mnemonic_label, check);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
  return check;
}

void
objector_ui_add_toast (GtkWidget *widget,
                       AdwToast  *toast)
{
  GtkWidget *overlay = NULL;

  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_debug ("%s", adw_toast_get_title (toast));
  /* A toast's own title is cut to one line; on a phone, beside an Undo
   * button, that leaves a dozen letters in some languages. This one wraps. */
  if (adw_toast_get_title (toast) != NULL && adw_toast_get_custom_title (toast) == NULL)
    {
      GtkWidget *title = gtk_label_new (adw_toast_get_title (toast));

      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 20);
      gtk_widget_add_css_class (title, "heading");
      adw_toast_set_custom_title (toast, title);
    }
  if (widget != NULL)
    overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL && GTK_IS_WINDOW (widget))
    for (overlay = gtk_widget_get_first_child (widget);
         overlay != NULL && !ADW_IS_TOAST_OVERLAY (overlay);
         overlay = gtk_widget_get_first_child (overlay))
      ;
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
objector_ui_toast (GtkWidget  *widget,
                   const char *message,
                   gboolean    persistent)
{
  AdwToast *toast;

  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  if (persistent)
    adw_toast_set_timeout (toast, 0);
  objector_ui_add_toast (widget, toast);
}

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *text = g_object_get_data (G_OBJECT (button), "objector-copy-text");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (button));

  gdk_clipboard_set_text (clipboard, text != NULL ? text : "");
  objector_ui_toast (GTK_WIDGET (button), _("Copied"), FALSE);
}

typedef struct
{
  ObjectorFileChosenFunc  callback;
  gpointer                user_data;
  GDestroyNotify          notify;
} SaveChoice;

static void
save_choice_finish (SaveChoice *choice,
                    GFile      *file)
{
  choice->callback (file, choice->user_data);
  if (choice->notify != NULL)
    choice->notify (choice->user_data);
  g_free (choice);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
save_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  save_choice_finish (user_data, file);
}
#else
static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          SaveChoice      *choice)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  save_choice_finish (choice, file);
  g_object_unref (chooser);
}
#endif

void
objector_ui_choose_save_file (GtkWindow              *parent,
                              const char             *title,
                              const char             *initial_name,
                              GtkFileFilter          *filter,
                              ObjectorFileChosenFunc  callback,
                              gpointer                user_data,
                              GDestroyNotify          notify)
{
  SaveChoice *choice = g_new0 (SaveChoice, 1);

  choice->callback = callback;
  choice->user_data = user_data;
  choice->notify = notify;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_initial_name (dialog, initial_name);
    if (filter != NULL)
      {
        g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

        g_list_store_append (filters, filter);
        gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
      }
    gtk_file_dialog_save (dialog, parent, NULL, save_dialog_done_cb, choice);
  }
#else
  {
    GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                 _("_Save"), _("_Cancel"));

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), initial_name);
    if (filter != NULL)
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), choice);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

void
objector_ui_close_on_escape (GtkWindow *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

GtkWidget *
objector_ui_copy_button (const char *what,
                         const char *text)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  /* Translators: %s names what is copied, e.g. “Email address” */
  g_autofree char *label = g_strdup_printf (_("Copy %s"), what);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "objector-copy-text", g_strdup (text), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), NULL);
  return button;
}

/* Opening the browser */

static ObjectorUriLauncher test_launcher = NULL;

typedef struct
{
  GtkWindow               *parent;     /* owned, nullable */
  ObjectorUriLaunchedFunc  callback;   /* nullable: then a failure is a toast */
  gpointer                 user_data;
  GDestroyNotify           notify;
} Launch;

static void
launch_free (Launch *launch)
{
  if (launch->notify != NULL)
    launch->notify (launch->user_data);
  g_clear_object (&launch->parent);
  g_free (launch);
}

/* Takes @launch. A cancelled launch (the window went away) reports nothing. */
static void
launch_done (Launch       *launch,
             const GError *error)
{
  if (error != NULL)
    g_debug ("Could not open the browser: %s", error->message);

  if (launch->callback != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        launch->callback (error == NULL, error, launch->user_data);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    objector_ui_toast (GTK_WIDGET (launch->parent), _("No web browser could be opened. Copy the address instead."), FALSE);

  launch_free (launch);
}

static void
uri_launched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error);
#else
  gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error);
#endif

  launch_done (user_data, error);
}

void
objector_ui_launch_uri_then (GtkWindow               *parent,
                             const char              *uri,
                             ObjectorUriLaunchedFunc  callback,
                             gpointer                 user_data,
                             GDestroyNotify           notify)
{
  Launch *launch;

  g_return_if_fail (uri != NULL);

  launch = g_new0 (Launch, 1);
  launch->parent = parent != NULL ? g_object_ref (parent) : NULL;
  launch->callback = callback;
  launch->user_data = user_data;
  launch->notify = notify;

  if (test_launcher != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!test_launcher (parent, uri, &error) && error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "the test launcher failed");
      launch_done (launch, error);
      return;
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
    gtk_uri_launcher_launch (launcher, parent, NULL, uri_launched_cb, launch);
  }
#else
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, uri_launched_cb, launch);
#endif
}

void
objector_ui_launch_uri (GtkWindow  *parent,
                        const char *uri)
{
  objector_ui_launch_uri_then (parent, uri, NULL, NULL, NULL);
}

void
objector_ui_set_uri_launcher_for_testing (ObjectorUriLauncher launcher)
{
  test_launcher = launcher;
}

ObjectorLinkAction
objector_ui_link_action (int verdict)
{
  switch ((ObjectorLinkVerdict) verdict)
    {
    case OBJECTOR_LINK_VERDICT_REACHABLE:
      return OBJECTOR_LINK_ACTION_OPEN;
    case OBJECTOR_LINK_VERDICT_MOVED:
      return OBJECTOR_LINK_ACTION_OPEN_FINAL;
    /* Being offline never blocks the wizard: the browser will tell. */
    case OBJECTOR_LINK_VERDICT_OFFLINE:
    case OBJECTOR_LINK_VERDICT_TIMEOUT:
    case OBJECTOR_LINK_VERDICT_TLS_FAILURE:
    case OBJECTOR_LINK_VERDICT_INVALID_RESPONSE:
      return OBJECTOR_LINK_ACTION_OPEN_UNCHECKED;
    case OBJECTOR_LINK_VERDICT_GONE:
    case OBJECTOR_LINK_VERDICT_SERVER_ERROR:
      return OBJECTOR_LINK_ACTION_ASK;
    case OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT:
    case OBJECTOR_LINK_VERDICT_NOT_ALLOWED:
    default:
      return OBJECTOR_LINK_ACTION_REFUSE;
    }
}

static gboolean check_links = TRUE;

gboolean
objector_ui_get_check_links (void)
{
  return check_links;
}

void
objector_ui_set_check_links_for_testing (gboolean check)
{
  check_links = check;
}

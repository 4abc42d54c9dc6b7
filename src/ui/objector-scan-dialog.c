/* objector-scan-dialog.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "objector-add-account-dialog.h"
#include "objector-keyring.h"
#include "objector-mail-account-row.h"
#include "objector-mail-accounts.h"
#include "objector-mail-list.h"
#include "objector-mail-lookup.h"
#include "objector-mail-scanner.h"
#include "objector-scan-dialog.h"
#include "objector-ui-util.h"

struct _ObjectorScanDialog
{
  AdwWindow            parent_instance;

  ObjectorStore       *store;
  ObjectorMailScanner *scanner;
  GCancellable        *cancellable;

  /* The person's mail accounts: asked for only when they want to look there. */
  ObjectorMailAccounts *accounts;
  ObjectorMailLookup  *lookup;
  GCancellable        *refresh_cancellable;
  GSettings           *settings;
  /* Where answers found are logged: an objection's id, or NULL for each on its own. */
  char                *objection_id;
  /* After the refresh: look in the account last used (from an objection's page). */
  gboolean             look_when_listed;
  GPtrArray           *account_rows;

  AdwToastOverlay     *overlay;
  GtkStack            *stack;
  GtkWidget           *accounts_group;
  GtkWidget           *show_accounts_row;
  GtkWidget           *places_group;
  GtkWidget           *scanning_heading;
  GtkWidget           *progress;
  GtkWidget           *counts;
  GtkWidget           *results;
};

G_DEFINE_FINAL_TYPE (ObjectorScanDialog, objector_scan_dialog, ADW_TYPE_WINDOW)

static void
add_if_mailbox (GPtrArray  *found,
                const char *path)
{
  g_autofree char *cur = g_build_filename (path, "cur", NULL);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) || g_file_test (cur, G_FILE_TEST_IS_DIR))
    g_ptr_array_add (found, g_strdup (path));
}

/* Thunderbird keeps each folder as an mbox file (Inbox, INBOX) under
 * profile/Mail/account and profile/ImapMail/server; Evolution keeps local
 * mail as a Maildir. */
GPtrArray *
objector_scan_dialog_find_mailboxes (const char *home)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *thunderbird = g_build_filename (home, ".thunderbird", NULL);
  g_autofree char *evolution = g_build_filename (home, ".local", "share", "evolution", "mail", "local", NULL);
  g_autofree char *home_mbox = g_build_filename (home, "mbox", NULL);
  g_autofree char *home_maildir = g_build_filename (home, "Maildir", NULL);
  g_autoptr(GDir) profiles = g_dir_open (thunderbird, 0, NULL);
  const char *profile;

  while (profiles != NULL && (profile = g_dir_read_name (profiles)))
    {
      const char *kinds[] = { "Mail", "ImapMail" };

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          g_autofree char *base = g_build_filename (thunderbird, profile, kinds[k], NULL);
          g_autoptr(GDir) accounts = g_dir_open (base, 0, NULL);
          const char *account;

          while (accounts != NULL && (account = g_dir_read_name (accounts)))
            {
              const char *inboxes[] = { "Inbox", "INBOX" };

              for (guint i = 0; i < G_N_ELEMENTS (inboxes); i++)
                {
                  g_autofree char *inbox = g_build_filename (base, account, inboxes[i], NULL);
                  add_if_mailbox (found, inbox);
                }
            }
        }
    }

  add_if_mailbox (found, evolution);
  add_if_mailbox (found, home_maildir);
  add_if_mailbox (found, home_mbox);
  return found;
}

static void
show_message (ObjectorScanDialog *self,
              const char         *message)
{
  objector_ui_toast (GTK_WIDGET (self->overlay), message, FALSE);
}

static void
progress_cb (ObjectorMailScanner *scanner,
             GParamSpec          *pspec,
             ObjectorScanDialog  *self)
{
  g_autofree char *counts = NULL;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), objector_scanner_get_fraction (OBJECTOR_SCANNER (scanner)));
  /* Translators: progress of the mail scan */
  counts = g_strdup_printf (_("%u messages read, %u from Meta or claiming to be"),
                            objector_scanner_get_n_messages (OBJECTOR_SCANNER (scanner)),
                            objector_scanner_get_n_found (OBJECTOR_SCANNER (scanner)));
  gtk_label_set_text (GTK_LABEL (self->counts), counts);
}

static void show_results (ObjectorScanDialog *self,
                          GPtrArray          *mails);

static void
scanned_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ObjectorScanDialog) self = user_data;
  g_autoptr(GPtrArray) mails = NULL;
  g_autoptr(GError) error = NULL;

  mails = objector_mail_scanner_scan_finish (OBJECTOR_MAIL_SCANNER (source), result, &error);
  if (mails == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message);
      gtk_stack_set_visible_child_name (self->stack, "choose");
      return;
    }

  show_results (self, mails);
}

static void
show_results (ObjectorScanDialog *self,
              GPtrArray          *mails)
{
  /* With no email from Meta, the list says so itself. */
  GtkWidget *page = objector_mail_list_new (self->store, mails, self->objection_id);

  if (self->results != NULL)
    gtk_stack_remove (self->stack, self->results);

  self->results = page;
  gtk_stack_add_named (self->stack, page, "results");
  gtk_stack_set_visible_child_name (self->stack, "results");
}

void
objector_scan_dialog_scan (ObjectorScanDialog *self,
                           const char         *path)
{
  g_return_if_fail (OBJECTOR_IS_SCAN_DIALOG (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  gtk_label_set_text (GTK_LABEL (self->counts), "");
  gtk_label_set_text (GTK_LABEL (self->scanning_heading), _("Looking Through Your Mail"));
  gtk_stack_set_visible_child_name (self->stack, "scanning");
  objector_mail_scanner_scan_async (self->scanner, path, self->cancellable, scanned_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ObjectorScanDialog *self = OBJECTOR_SCAN_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
  objector_mail_lookup_cancel (self->lookup);
}

static void
place_clicked_cb (GtkButton          *button,
                  ObjectorScanDialog *self)
{
  objector_scan_dialog_scan (self, g_object_get_data (G_OBJECT (button), "path"));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ObjectorScanDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (g_object_get_data (source, "folder") != NULL)
    file = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, NULL);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    objector_scan_dialog_scan (self, path);
}
#else
static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     ObjectorScanDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        objector_scan_dialog_scan (self, path);
    }
  g_object_unref (chooser);
}
#endif

static void
choose (ObjectorScanDialog *self,
        gboolean            folder)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, folder ? _("Choose a Maildir Folder") : _("Choose a Mailbox File"));
  if (folder)
    {
      g_object_set_data (G_OBJECT (dialog), "folder", GINT_TO_POINTER (1));
      gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL, chosen_cb, g_object_ref (self));
    }
  else
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, chosen_cb, g_object_ref (self));
#else
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Choose a Maildir Folder") : _("Choose a Mailbox File"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Scan"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
#endif
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObjectorScanDialog *self = OBJECTOR_SCAN_DIALOG (widget);

  choose (self, FALSE);
}

static void
choose_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ObjectorScanDialog *self = OBJECTOR_SCAN_DIALOG (widget);

  choose (self, TRUE);
}

/* The person's mail accounts */

static void
lookup_progress_cb (ObjectorMailLookup *lookup,
                    GParamSpec         *pspec,
                    ObjectorScanDialog *self)
{
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), objector_mail_lookup_get_fraction (lookup));
  gtk_label_set_text (GTK_LABEL (self->counts), objector_mail_lookup_get_phase_text (lookup));
}

static void
lookup_found_cb (ObjectorMailLookup *lookup,
                 GPtrArray          *mails,
                 ObjectorScanDialog *self)
{
  ObjectorMailAccount *account = objector_mail_lookup_get_account (lookup);

  /* "Look for Meta's Answer Now" looks here next time. */
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "mail-account", objector_mail_account_get_id (account));
  show_results (self, mails);
}

static void
lookup_failed_cb (ObjectorMailLookup *lookup,
                  const GError       *error,
                  ObjectorScanDialog *self)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, error->message);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

static void
lookup_note_cb (ObjectorMailLookup *lookup,
                const char         *note,
                ObjectorScanDialog *self)
{
  show_message (self, note);
}

static void
start_looking (ObjectorScanDialog  *self,
               ObjectorMailAccount *account,
               const char          *password,
               gboolean             remember)
{
  g_autofree char *heading = NULL;

  g_cancellable_cancel (self->cancellable);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  gtk_label_set_text (GTK_LABEL (self->counts), "");
  /* Translators: while Objector looks in a mail account; %s is the account. */
  heading = g_strdup_printf (_("Looking in %s"), objector_mail_account_get_label (account));
  gtk_label_set_text (GTK_LABEL (self->scanning_heading), heading);
  gtk_stack_set_visible_child_name (self->stack, "scanning");
  if (password != NULL)
    objector_mail_lookup_start_with_password (self->lookup, account, password, remember);
  else
    objector_mail_lookup_start (self->lookup, account);
}

static void
row_look_cb (ObjectorMailAccountRow *row,
             ObjectorScanDialog     *self)
{
  start_looking (self, objector_mail_account_row_get_account (row), NULL, FALSE);
}

static void
keyring_deleted_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* No keyring: nothing was kept there either. */
  objector_keyring_delete_finish (result, &error);
}

static void
row_remove_cb (ObjectorMailAccountRow *row,
               ObjectorScanDialog     *self)
{
  ObjectorMailAccount *account = objector_mail_account_row_get_account (row);
  g_autoptr(ObjectorMailAccount) removed = g_object_ref (account);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!objector_mail_accounts_remove (self->accounts, removed, &error))
    {
      show_message (self, error->message);
      return;
    }
  objector_keyring_delete_async (objector_mail_account_get_imap (removed), NULL, keyring_deleted_cb, NULL);
  /* Translators: a toast; %s is the mail account. */
  message = g_strdup_printf (_("%s removed from Objector, its kept password from the keyring"),
                             objector_mail_account_get_label (removed));
  show_message (self, message);
}

static void
account_added_cb (ObjectorAddAccountDialog *dialog,
                  ObjectorMailAccount      *account,
                  const char               *password,
                  gboolean                  remember,
                  ObjectorScanDialog       *self)
{
  start_looking (self, account, password, remember);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ObjectorScanDialog *self = OBJECTOR_SCAN_DIALOG (widget);
  GtkWidget *dialog = objector_add_account_dialog_new (GTK_WINDOW (self), self->accounts);

  g_signal_connect_object (dialog, "added", G_CALLBACK (account_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The rows follow the list: one per account, then "Add an Account…". */
static void
accounts_changed_cb (GListModel         *list,
                     guint               position,
                     guint               removed,
                     guint               added,
                     ObjectorScanDialog *self)
{
  GtkWidget *add_row;

  for (guint i = 0; i < self->account_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->accounts_group),
                                  g_ptr_array_index (self->account_rows, i));
  g_ptr_array_set_size (self->account_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ObjectorMailAccount) account = g_list_model_get_item (list, i);
      GtkWidget *row = objector_mail_account_row_new (account);

      g_signal_connect_object (row, "look", G_CALLBACK (row_look_cb), self, 0);
      g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->accounts_group), row);
      g_ptr_array_add (self->account_rows, row);
    }

  add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("_Add an Account…"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (add_row), TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add_row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_row), "scan.add-account");
  adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->accounts_group), add_row);
  g_ptr_array_add (self->account_rows, add_row);
}

/* The account to look in without asking: the one last looked in, else the
 * only one that can be used. */
static ObjectorMailAccount *
account_to_look_in (ObjectorScanDialog *self)
{
  g_autofree char *last = self->settings ? g_settings_get_string (self->settings, "mail-account") : NULL;
  GListModel *list = G_LIST_MODEL (self->accounts);
  ObjectorMailAccount *ready = NULL;
  guint n_ready = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ObjectorMailAccount) account = g_list_model_get_item (list, i);

      if (objector_mail_account_get_status (account) != OBJECTOR_MAIL_ACCOUNT_READY
          || objector_mail_account_get_imap (account) == NULL)
        continue;
      if (g_strcmp0 (objector_mail_account_get_id (account), last) == 0)
        {
          g_clear_object (&ready);
          return g_steal_pointer (&account);
        }
      n_ready++;
      g_set_object (&ready, account);
    }
  if (n_ready != 1)
    g_clear_object (&ready);
  return ready;
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ObjectorScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorMailAccount) account = NULL;
  const GError *online_error;

  if (!objector_mail_accounts_refresh_finish (OBJECTOR_MAIL_ACCOUNTS (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The saved accounts' file was set aside; the online ones are listed. */
      show_message (self, error->message);
    }

  online_error = objector_mail_accounts_get_online_error (self->accounts);
  if (online_error != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->accounts_group), online_error->message);

  if (self->look_when_listed && (account = account_to_look_in (self)) != NULL)
    {
      self->look_when_listed = FALSE;
      start_looking (self, account, NULL, FALSE);
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "choose");
}

void
objector_scan_dialog_show_accounts (ObjectorScanDialog *self)
{
  g_return_if_fail (OBJECTOR_IS_SCAN_DIALOG (self));

  if (self->accounts == NULL)
    {
      self->accounts = objector_mail_accounts_new (NULL);
      g_signal_connect_object (self->accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self, 0);
      gtk_widget_set_visible (self->show_accounts_row, FALSE);
      accounts_changed_cb (G_LIST_MODEL (self->accounts), 0, 0, 0, self);
    }
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();
  objector_mail_accounts_refresh_async (self->accounts, self->refresh_cancellable, refreshed_cb, g_object_ref (self));
}

void
objector_scan_dialog_look_for_answer (ObjectorScanDialog *self,
                                      const char         *objection_id)
{
  g_return_if_fail (OBJECTOR_IS_SCAN_DIALOG (self));

  g_free (self->objection_id);
  self->objection_id = g_strdup (objection_id);
  self->look_when_listed = TRUE;
  gtk_label_set_text (GTK_LABEL (self->scanning_heading), _("Looking for Meta’s Answer"));
  gtk_label_set_text (GTK_LABEL (self->counts), _("Finding your mail account…"));
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  gtk_stack_set_visible_child_name (self->stack, "scanning");
  objector_scan_dialog_show_accounts (self);
}

ObjectorMailLookup *
objector_scan_dialog_get_lookup (ObjectorScanDialog *self)
{
  g_return_val_if_fail (OBJECTOR_IS_SCAN_DIALOG (self), NULL);

  return self->lookup;
}

static void
show_accounts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  objector_scan_dialog_show_accounts (OBJECTOR_SCAN_DIALOG (widget));
}

static void
objector_scan_dialog_dispose (GObject *object)
{
  ObjectorScanDialog *self = OBJECTOR_SCAN_DIALOG (object);

  /* Closing the window stops the scan. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->scanner != NULL)
    g_signal_handlers_disconnect_by_data (self->scanner, self);
  g_clear_object (&self->scanner);
  g_clear_object (&self->store);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  if (self->lookup != NULL)
    {
      objector_mail_lookup_cancel (self->lookup);
      g_signal_handlers_disconnect_by_data (self->lookup, self);
    }
  g_clear_object (&self->lookup);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->account_rows, g_ptr_array_unref);
  g_clear_pointer (&self->objection_id, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OBJECTOR_TYPE_SCAN_DIALOG);

  G_OBJECT_CLASS (objector_scan_dialog_parent_class)->dispose (object);
}

static void
objector_scan_dialog_class_init (ObjectorScanDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = objector_scan_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/objector/Objector/objector-scan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ObjectorScanDialog, overlay);
  gtk_widget_class_bind_template_child (widget_class, ObjectorScanDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ObjectorScanDialog, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorScanDialog, show_accounts_row);
  gtk_widget_class_bind_template_child (widget_class, ObjectorScanDialog, places_group);
  gtk_widget_class_bind_template_child (widget_class, ObjectorScanDialog, scanning_heading);
  gtk_widget_class_bind_template_child (widget_class, ObjectorScanDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, ObjectorScanDialog, counts);
  gtk_widget_class_install_action (widget_class, "scan.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "scan.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "scan.choose-folder", NULL, choose_folder_action);
  gtk_widget_class_install_action (widget_class, "scan.show-accounts", NULL, show_accounts_action);
  gtk_widget_class_install_action (widget_class, "scan.add-account", NULL, add_account_action);
}

static void
objector_scan_dialog_init (ObjectorScanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  objector_ui_close_on_escape (GTK_WINDOW (self));
  self->account_rows = g_ptr_array_new ();
}

GtkWidget *
objector_scan_dialog_new (GtkWindow        *parent,
                          ObjectorStore    *store,
                          ObjectorPlaybook *playbook,
                          GSettings        *settings)
{
  ObjectorScanDialog *self = g_object_new (OBJECTOR_TYPE_SCAN_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GPtrArray) places = objector_scan_dialog_find_mailboxes (g_get_home_dir ());

  /* Where the last look in a mail account went (nullable: no schema installed). */
  if (settings != NULL)
    self->settings = g_object_ref (settings);

  self->store = g_object_ref (store);
  self->scanner = objector_mail_scanner_new (playbook);
  /* Nothing from Meta is hidden: its other mail is listed too, apart. */
  objector_scanner_set_include_other (OBJECTOR_SCANNER (self->scanner), TRUE);
  g_signal_connect (self->scanner, "notify::fraction", G_CALLBACK (progress_cb), self);
  g_signal_connect (self->scanner, "notify::n-found", G_CALLBACK (progress_cb), self);
  self->lookup = objector_mail_lookup_new (playbook, G_LIST_MODEL (store));
  objector_mail_lookup_set_parent (self->lookup, GTK_WINDOW (self));
  g_signal_connect (self->lookup, "notify::fraction", G_CALLBACK (lookup_progress_cb), self);
  g_signal_connect (self->lookup, "notify::phase-text", G_CALLBACK (lookup_progress_cb), self);
  g_signal_connect (self->lookup, "found", G_CALLBACK (lookup_found_cb), self);
  g_signal_connect (self->lookup, "failed", G_CALLBACK (lookup_failed_cb), self);
  g_signal_connect (self->lookup, "note", G_CALLBACK (lookup_note_cb), self);

  if (places->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->places_group),
                                           _("No Thunderbird or Evolution mail was found here. "
                                             "Choose a mailbox file or folder instead."));
  for (guint i = 0; i < places->len; i++)
    {
      const char *path = g_ptr_array_index (places, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *scan = gtk_button_new_with_label (_("Scan"));
      g_autofree char *label = g_strdup_printf (_("Scan %s"), path);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     strstr (path, ".thunderbird") ? _("Thunderbird") :
                                     strstr (path, "evolution") ? _("Evolution") : _("Mailbox"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
      gtk_widget_set_valign (scan, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scan), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (scan), "path", g_strdup (path), g_free);
      g_signal_connect (scan, "clicked", G_CALLBACK (place_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), scan);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), scan);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->places_group), row);
    }

  return GTK_WIDGET (self);
}

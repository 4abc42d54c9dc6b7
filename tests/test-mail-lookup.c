/* test-mail-lookup.c — "Look in my mail account" in the app, under Xvfb
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The add-account dialog, the account rows, the password dialog and the
 * lookup controller (objector-mail-lookup.c) against the real goa-daemon
 * and gnome-keyring-daemon on a private bus (objector-test-session.h) and
 * Dovecot on 127.0.0.1 (objector-test-dovecot.h). Each test runs in a
 * process of its own, on the bus, daemons and Dovecot that the tests share,
 * started once (test_session_add_shared()).
 */

#include "config.h"

#include <string.h>

#include "objector-add-account-dialog.h"
#include "objector-error.h"
#include "objector-keyring.h"
#include "objector-mail.h"
#include "objector-mail-account-row.h"
#include "objector-mail-accounts.h"
#include "objector-mail-lookup.h"
#include "objector-mail-list.h"
#include "objector-mail-watch.h"
#include "objector-objection-page.h"
#include "objector-password-dialog.h"
#include "objector-preferences.h"
#include "objector-scan-dialog.h"
#include "objector-store.h"
#include "objector-test-dovecot.h"
#include "objector-test-session.h"
#include "objector-test-util.h"
#include "objector-test-ui.h"
#include "objector-ui-resources.h"

#define GOA_READY     TEST_SESSION_GOA_READY
#define GOA_WRONG     TEST_SESSION_GOA_WRONG
#define GOA_MAIL_OFF  TEST_SESSION_GOA_MAIL_OFF

#define RECEIPT_ID    "receipt-en.42@facebookmail.com"
#define APPROVAL_ID   "approval-de.1a2b3c@facebookmail.com"

/* GTK, started in each test's own process, which has the bus it is to use
 * from the start (GTK connects to the session bus as it starts). */

static gboolean
have_display (void)
{
  const char *display = g_getenv ("DISPLAY");

  return (display != NULL && *display != '\0') || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

static void
start_gtk (void)
{
  /* An accessibility context that keeps what widgets tell a screen reader. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  adw_init ();
  /* Links the UI's templates in, as the application does. */
  (void) objector_ui_get_resource ();
}

/* The first widget a person sees under @root of @type whose title or label is @text. */
static GtkWidget *
find_titled (GtkWidget  *root,
             GType       type,
             const char *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_ui_collect (root, test_ui_is_type, GSIZE_TO_POINTER (type), found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (found, i);

      if (text == NULL
          || (ADW_IS_PREFERENCES_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0)
          || (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
          || test_ui_is_button_labelled (widget, text))
        return widget;
    }
  return NULL;
}

/* The add-account dialog */

static void
added_cb (ObjectorAddAccountDialog *dialog,
          ObjectorMailAccount      *account,
          const char               *password,
          gboolean                  remember,
          gpointer                  user_data)
{
  GPtrArray *added = user_data;

  g_ptr_array_add (added, g_strdup (objector_mail_account_get_id (account)));
  g_ptr_array_add (added, g_strdup (password));
  g_ptr_array_add (added, g_strdup (remember ? "remember" : "forget"));
}

static void
type_into (GtkWidget  *dialog,
           const char *row_title,
           const char *text)
{
  GtkWidget *row = find_titled (dialog, ADW_TYPE_ENTRY_ROW, row_title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_add_account (void)
{
  g_autoptr(ObjectorMailAccounts) accounts = objector_mail_accounts_new (NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *file = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *dialog;
  ObjectorAddAccountDialog *add;

  start_gtk ();
  test_util_reset_data ();
  dialog = objector_add_account_dialog_new (NULL, accounts);
  add = OBJECTOR_ADD_ACCOUNT_DIALOG (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "added", G_CALLBACK (added_cb), added);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  test_util_wait_until (gtk_widget_get_mapped (dialog));

  /* Nothing to add yet. */
  g_assert_false (gtk_widget_is_sensitive (find_titled (dialog, GTK_TYPE_BUTTON, "_Add")));

  /* Gmail: its server, the address as user name, and the app password hint. */
  type_into (dialog, "Email Address", "someone@gmail.com");
  g_assert_cmpstr (objector_add_account_dialog_get_server (add), ==, "imap.gmail.com");
  g_assert_cmpuint (objector_add_account_dialog_get_port (add), ==, 993);
  g_assert_cmpint (objector_add_account_dialog_get_security (add), ==, OBJECTOR_IMAP_SECURITY_TLS);
  g_assert_cmpstr (objector_add_account_dialog_get_user (add), ==, "someone@gmail.com");
  g_assert_nonnull (objector_add_account_dialog_get_hint (add));
  test_util_assert_contains (objector_add_account_dialog_get_hint (add), "app password");
  g_assert_true (gtk_widget_is_sensitive (find_titled (dialog, GTK_TYPE_BUTTON, "_Add")));

  /* Another address: what was filled in follows it. */
  type_into (dialog, "Email Address", "x@web.de");
  g_assert_cmpstr (objector_add_account_dialog_get_server (add), ==, "imap.web.de");
  g_assert_cmpstr (objector_add_account_dialog_get_user (add), ==, "x@web.de");
  test_util_assert_contains (objector_add_account_dialog_get_hint (add), "IMAP");

  /* What the person typed is theirs: a new address leaves it. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_titled (dialog, ADW_TYPE_EXPANDER_ROW, "Server Settings")),
                                 TRUE);
  test_util_wait_until (find_titled (dialog, ADW_TYPE_ENTRY_ROW, "IMAP Server") != NULL);
  type_into (dialog, "IMAP Server", "mail.example.net");
  type_into (dialog, "Email Address", "zoe@gmx.de");
  g_assert_cmpstr (objector_add_account_dialog_get_server (add), ==, "mail.example.net");
  g_assert_cmpstr (objector_add_account_dialog_get_user (add), ==, "zoe@gmx.de");

  /* A provider Objector does not know: no server guessed, and it says so. */
  type_into (dialog, "IMAP Server", "");
  type_into (dialog, "Email Address", "zoe@example.org");
  g_assert_cmpstr (objector_add_account_dialog_get_server (add), ==, "");
  test_util_assert_contains (objector_add_account_dialog_get_hint (add), "does not know");
  g_assert_false (gtk_widget_is_sensitive (find_titled (dialog, GTK_TYPE_BUTTON, "_Add")));

  test_ui_assert_accessible (dialog, "add-account");
  test_ui_assert_fits (dialog, "add-account");

  /* A port that is no port: said, nothing saved. */
  type_into (dialog, "Email Address", "someone@gmail.com");
  type_into (dialog, "Port", "99999");
  g_assert_false (gtk_widget_is_sensitive (find_titled (dialog, GTK_TYPE_BUTTON, "_Add")));
  type_into (dialog, "Port", "993");

  /* Added: saved without the password, which goes to the caller. */
  type_into (dialog, "Password", "app password 1234");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_titled (dialog, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  gtk_widget_activate_action (dialog, "account.add", NULL);
  test_util_wait_until (dialog == NULL);
  g_assert_cmpuint (added->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (added, 0), ==, "saved:someone@gmail.com@imap.gmail.com");
  g_assert_cmpstr (g_ptr_array_index (added, 1), ==, "app password 1234");
  g_assert_cmpstr (g_ptr_array_index (added, 2), ==, "remember");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 1);

  file = g_build_filename (g_get_user_data_dir (), "objector", "accounts.json", NULL);
  g_assert_true (g_file_get_contents (file, &saved, NULL, NULL));
  test_util_assert_contains (saved, "imap.gmail.com");
  test_util_assert_lacks (saved, "app password 1234");

  /* The same account twice: said in the dialog, which stays open. */
  dialog = objector_add_account_dialog_new (NULL, accounts);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  type_into (dialog, "Email Address", "someone@gmail.com");
  gtk_widget_activate_action (dialog, "account.add", NULL);
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_titled (dialog, GTK_TYPE_LABEL, "This mail account is already in the list"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 1);
  /* Escape, Cancel: the window's close action. */
  gtk_widget_activate_action (dialog, "window.close", NULL);
  test_util_wait_until (dialog == NULL);
}

/* The lookup controller */

typedef struct
{
  GPtrArray *texts;     /* every :phase-text, in order */
  double     last_fraction;
  gboolean   fraction_went_back;
  GPtrArray *found;     /* ::found */
  GError    *error;     /* ::failed */
  gboolean   done;
  /* Cancel when :phase-text starts with this. */
  const char *cancel_at;
} Watch;

static void
watch_clear (Watch *watch)
{
  g_clear_pointer (&watch->texts, g_ptr_array_unref);
  g_clear_pointer (&watch->found, g_ptr_array_unref);
  g_clear_error (&watch->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Watch, watch_clear)

static void
phase_text_cb (ObjectorMailLookup *lookup,
               GParamSpec         *pspec,
               Watch              *watch)
{
  const char *text = objector_mail_lookup_get_phase_text (lookup);

  if (watch->texts == NULL)
    watch->texts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (watch->texts, g_strdup (text));
  if (watch->cancel_at != NULL && g_str_has_prefix (text, watch->cancel_at))
    {
      watch->cancel_at = NULL;
      objector_mail_lookup_cancel (lookup);
    }
}

static void
fraction_cb (ObjectorMailLookup *lookup,
             GParamSpec         *pspec,
             Watch              *watch)
{
  double fraction = objector_mail_lookup_get_fraction (lookup);

  if (objector_mail_lookup_get_busy (lookup) && fraction < watch->last_fraction)
    watch->fraction_went_back = TRUE;
  watch->last_fraction = fraction;
}

static void
found_cb (ObjectorMailLookup *lookup,
          GPtrArray          *mails,
          Watch              *watch)
{
  watch->found = g_ptr_array_ref (mails);
  watch->done = TRUE;
}

static void
failed_cb (ObjectorMailLookup *lookup,
           const GError       *error,
           Watch              *watch)
{
  watch->error = g_error_copy (error);
  watch->done = TRUE;
}

static void
watch_lookup (ObjectorMailLookup *lookup,
              Watch              *watch)
{
  g_signal_connect (lookup, "notify::phase-text", G_CALLBACK (phase_text_cb), watch);
  g_signal_connect (lookup, "notify::fraction", G_CALLBACK (fraction_cb), watch);
  g_signal_connect (lookup, "found", G_CALLBACK (found_cb), watch);
  g_signal_connect (lookup, "failed", G_CALLBACK (failed_cb), watch);
}

static void
watch_reset (Watch *watch)
{
  watch_clear (watch);
  watch->done = FALSE;
  watch->last_fraction = 0.0;
  watch->fraction_went_back = FALSE;
}

static gboolean
saw_text (Watch      *watch,
          const char *prefix)
{
  for (guint i = 0; watch->texts != NULL && i < watch->texts->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (watch->texts, i), prefix))
      return TRUE;
  return FALSE;
}

/* The receipt and the approval, verified; nothing else. */
static void
assert_meta_answers (GPtrArray *mails)
{
  gboolean receipt = FALSE, approval = FALSE;

  g_assert_nonnull (mails);
  for (guint i = 0; i < mails->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (mails, i);
      const char *id = objector_mail_get_message_id (mail);

      receipt |= g_strcmp0 (id, RECEIPT_ID) == 0 && objector_mail_get_trusted (mail);
      approval |= g_strcmp0 (id, APPROVAL_ID) == 0 && objector_mail_get_trusted (mail);
    }
  g_assert_true (receipt);
  g_assert_true (approval);
  g_assert_cmpuint (mails->len, ==, 2);
}

/* What a test of a lookup starts from: the shared Dovecot; the objection
 * the answers are for, alone in a store as the app holds it; the bundled
 * playbook. */
typedef struct
{
  TestDovecot      *dovecot;
  ObjectorStore    *store;
  ObjectorPlaybook *playbook;
  char             *log_mark;   /* Dovecot's log at fixture_mark_log() */
} Fixture;

static Fixture
fixture_start (void)
{
  Fixture fixture = { 0 };

  g_free (test_util_cli_fresh_objection (NULL));
  fixture.dovecot = test_session_shared_dovecot ();
  fixture.store = objector_store_new (NULL);
  g_assert_true (objector_store_load (fixture.store, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture.store)), ==, 1);
  fixture.playbook = objector_playbook_new_bundled (NULL);
  return fixture;
}

/* From here on, nothing is to connect to Dovecot… */
static void
fixture_mark_log (Fixture *fixture)
{
  g_free (fixture->log_mark);
  fixture->log_mark = test_dovecot_log (fixture->dovecot);
}

/* …and nothing has: its log is as it was. */
static void
fixture_assert_no_connection (Fixture *fixture)
{
  g_autofree char *log = test_dovecot_log (fixture->dovecot);

  g_assert_nonnull (fixture->log_mark);
  g_assert_cmpstr (log, ==, fixture->log_mark);
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->log_mark, g_free);
  g_clear_object (&fixture->playbook);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dovecot, test_dovecot_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static void
refresh (ObjectorMailAccounts *accounts)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  objector_mail_accounts_refresh_async (accounts, NULL, test_util_store_result_cb, &result);
  test_util_wait_result (&result);
  g_assert_true (objector_mail_accounts_refresh_finish (accounts, result, &error));
  g_assert_no_error (error);
}

static GtkWidget *
button_of (GtkWidget  *row,
           const char *label)
{
  return find_titled (row, GTK_TYPE_BUTTON, label);
}

static void
test_goa (void)
{
  g_auto(Fixture) fixture = fixture_start ();
  g_autoptr(ObjectorMailAccounts) accounts = NULL;
  g_autoptr(ObjectorMailAccount) ready = NULL;
  g_autoptr(ObjectorMailLookup) lookup = NULL;
  g_auto(Watch) watch = { 0 };
  GtkWidget *window, *list;

  start_gtk ();
  /* goa-daemon logged in to each at its start, before the first test;
   * from here on, only Objector could. */
  fixture_mark_log (&fixture);

  /* The accounts listed, each row saying what can be done. */
  accounts = objector_mail_accounts_new (NULL);
  refresh (accounts);
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 480);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (accounts)); i++)
    {
      g_autoptr(ObjectorMailAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);

      gtk_list_box_append (GTK_LIST_BOX (list), objector_mail_account_row_new (account));
    }
  adw_window_set_content (ADW_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  test_util_wait_until (gtk_widget_get_mapped (window));
  {
    GtkWidget *rows[3];

    for (guint i = 0; i < 3; i++)
      rows[i] = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i));
    g_assert_nonnull (button_of (rows[0], "_Look"));
    g_assert_null (button_of (rows[0], "_Settings"));
    g_assert_null (button_of (rows[1], "_Look"));
    g_assert_nonnull (button_of (rows[1], "_Settings"));
    test_util_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (rows[1])), "sign in again");
    g_assert_nonnull (button_of (rows[2], "_Settings"));
    test_util_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (rows[2])), "mail is turned off");
  }
  test_ui_assert_accessible (window, "account-rows");
  test_ui_assert_fits (window, "account-rows");

  /* Nothing has connected: listing asks GNOME Online Accounts only. */
  lookup = objector_mail_lookup_new (fixture.playbook, G_LIST_MODEL (fixture.store));
  objector_mail_lookup_set_ca_file (lookup, test_dovecot_ca_file (fixture.dovecot));
  objector_mail_lookup_set_parent (lookup, GTK_WINDOW (window));
  watch_lookup (lookup, &watch);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  fixture_assert_no_connection (&fixture);
  g_assert_false (objector_mail_lookup_get_busy (lookup));

  /* "Look": the answers, with progress on the way. */
  ready = objector_mail_accounts_lookup (accounts, "goa:" GOA_READY, NULL);
  objector_mail_lookup_start (lookup, ready);
  g_assert_true (objector_mail_lookup_get_busy (lookup));
  test_util_wait_until (watch.done);
  g_assert_no_error (watch.error);
  assert_meta_answers (watch.found);
  g_assert_true (saw_text (&watch, "Asking GNOME Online Accounts"));
  g_assert_true (saw_text (&watch, "Connecting to 127.0.0.1"));
  g_assert_true (saw_text (&watch, "Searching your mailbox"));
  g_assert_true (saw_text (&watch, "Downloading Meta’s messages… "));
  g_assert_false (watch.fraction_went_back);
  g_assert_cmpfloat (objector_mail_lookup_get_fraction (lookup), ==, 1.0);
  g_assert_false (objector_mail_lookup_get_busy (lookup));
  g_assert_true (objector_mail_lookup_get_account (lookup) == ready);

  /* Cancelled at once, while GNOME Online Accounts is asked. */
  watch_reset (&watch);
  objector_mail_lookup_start (lookup, ready);
  objector_mail_lookup_cancel (lookup);
  test_util_wait_until (watch.done);
  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (watch.found);
  g_assert_false (objector_mail_lookup_get_busy (lookup));

  /* Cancelled while it talks to the server. */
  watch_reset (&watch);
  watch.cancel_at = "Connecting to";
  objector_mail_lookup_start (lookup, ready);
  test_util_wait_until (watch.done);
  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (objector_mail_lookup_get_busy (lookup));

  /* An account to sign in to again: what to do, in words. */
  {
    g_autoptr(ObjectorMailAccount) wrong = objector_mail_accounts_lookup (accounts, "goa:" GOA_WRONG, NULL);

    watch_reset (&watch);
    objector_mail_lookup_start (lookup, wrong);
    test_util_wait_until (watch.done);
    g_assert_error (watch.error, OBJECTOR_ERROR, OBJECTOR_ERROR_ACCOUNT_SETTINGS);
    test_util_assert_contains (watch.error->message, "Settings → Online Accounts");
    g_assert_null (objector_mail_lookup_get_password_dialog (lookup));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An account added in Objector: the password asked, and kept once it worked */

static ObjectorImapCredential *
kept_password (ObjectorImapAccount *imap)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ObjectorImapCredential *credential;

  objector_keyring_lookup_async (imap, NULL, test_util_store_result_cb, &result);
  test_util_wait_result (&result);
  credential = objector_keyring_lookup_finish (result, &error);
  g_assert_no_error (error);
  return credential;
}

static ObjectorPasswordDialog *
wait_for_password_dialog (ObjectorMailLookup *lookup)
{
  test_util_wait_until (objector_mail_lookup_get_password_dialog (lookup) != NULL
                        && gtk_widget_get_mapped (objector_mail_lookup_get_password_dialog (lookup)));
  return OBJECTOR_PASSWORD_DIALOG (objector_mail_lookup_get_password_dialog (lookup));
}

static void
test_password (void)
{
  g_auto(Fixture) fixture = fixture_start ();
  g_autoptr(ObjectorMailAccounts) accounts = objector_mail_accounts_new (NULL);
  g_autoptr(ObjectorMailAccount) account = NULL;
  g_autoptr(ObjectorImapAccount) imap = NULL;
  g_autoptr(ObjectorImapCredential) credential = NULL;
  g_autoptr(ObjectorMailLookup) lookup = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Watch) watch = { 0 };
  ObjectorPasswordDialog *dialog;

  start_gtk ();
  imap = objector_imap_account_new ("127.0.0.1", test_dovecot_imaps_port (fixture.dovecot), TEST_DOVECOT_USER, NULL,
                                    OBJECTOR_IMAP_SECURITY_TLS, &error);
  g_assert_no_error (error);
  account = objector_mail_accounts_add (accounts, "zoe@example.org", imap, &error);
  g_assert_no_error (error);

  lookup = objector_mail_lookup_new (fixture.playbook, G_LIST_MODEL (fixture.store));
  objector_mail_lookup_set_ca_file (lookup, test_dovecot_ca_file (fixture.dovecot));
  watch_lookup (lookup, &watch);

  /* No password kept: asked, and Cancel stops the lookup. */
  objector_mail_lookup_start (lookup, account);
  dialog = wait_for_password_dialog (lookup);
  test_ui_assert_accessible (GTK_WIDGET (dialog), "password");
  test_ui_assert_fits (GTK_WIDGET (dialog), "password");
  g_assert_null (find_titled (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                    "The server refused this password. Check it and try again."));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  test_util_wait_until (watch.done);
  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (objector_mail_lookup_get_password_dialog (lookup));

  /* A wrong password kept: the server refuses it, and the person is asked again. */
  test_session_keep_password (imap, "not the password");
  watch_reset (&watch);
  objector_mail_lookup_start (lookup, account);
  dialog = wait_for_password_dialog (lookup);
  g_assert_nonnull (find_titled (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                       "The server refused this password. Check it and try again."));
  /* Remembering is offered as it was: the kept one is replaced. */
  g_assert_true (objector_password_dialog_get_remember (dialog));
  g_assert_false (watch.done);

  /* A wrong one typed: asked again. */
  objector_password_dialog_submit (dialog, "still not it", TRUE);
  test_util_wait_until (objector_mail_lookup_get_password_dialog (lookup) != NULL
                        && objector_mail_lookup_get_password_dialog (lookup) != GTK_WIDGET (dialog));
  dialog = wait_for_password_dialog (lookup);
  g_assert_false (watch.done);

  /* The right one: the answers, and now kept in the keyring. */
  objector_password_dialog_submit (dialog, TEST_DOVECOT_PASSWORD, TRUE);
  test_util_wait_until (watch.done);
  g_assert_no_error (watch.error);
  assert_meta_answers (watch.found);
  test_util_wait_until ((credential = kept_password (imap)) != NULL
                        && g_str_equal (objector_imap_credential_get_secret (credential), TEST_DOVECOT_PASSWORD));

  /* Next time, from the keyring, with no question. */
  watch_reset (&watch);
  objector_mail_lookup_start (lookup, account);
  test_util_wait_until (watch.done);
  g_assert_no_error (watch.error);
  assert_meta_answers (watch.found);
  g_assert_true (saw_text (&watch, "Looking for the password in the keyring"));
  g_assert_false (saw_text (&watch, "Waiting for your password"));

  /* Added with a password not to remember: used, and what the keyring
   * holds is left as it was. */
  test_session_keep_password (imap, "something else");
  watch_reset (&watch);
  objector_mail_lookup_start_with_password (lookup, account, TEST_DOVECOT_PASSWORD, FALSE);
  test_util_wait_until (watch.done);
  assert_meta_answers (watch.found);
  g_clear_pointer (&credential, objector_imap_credential_free);
  credential = kept_password (imap);
  g_assert_cmpstr (objector_imap_credential_get_secret (credential), ==, "something else");

  /* Its row offers Look and Remove, not Settings. */
  {
    GtkWidget *window = adw_window_new ();
    GtkWidget *row = objector_mail_account_row_new (account);
    GtkWidget *list = gtk_list_box_new ();

    gtk_list_box_append (GTK_LIST_BOX (list), row);
    adw_window_set_content (ADW_WINDOW (window), list);
    gtk_window_present (GTK_WINDOW (window));
    test_util_wait_until (gtk_widget_get_mapped (window));
    g_assert_nonnull (button_of (row, "_Look"));
    g_assert_null (button_of (row, "_Settings"));
    test_util_assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Added in Objector");
    test_ui_assert_accessible (window, "saved-account-row");
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

/* Find Meta's Emails → Your Mail Account */

static void
test_scan_dialog (void)
{
  g_auto(Fixture) fixture = fixture_start ();
  GtkWidget *dialog, *row, *list;

  start_gtk ();
  objector_mail_lookup_set_ca_file_for_testing (test_dovecot_ca_file (fixture.dovecot));
  fixture_mark_log (&fixture);

  dialog = objector_scan_dialog_new (NULL, fixture.store, fixture.playbook, NULL);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  test_ui_wait_drawn (dialog);

  /* Nothing asked of anyone until the person wants their mail account. */
  g_assert_null (find_titled (dialog, OBJECTOR_TYPE_MAIL_ACCOUNT_ROW, NULL));
  row = find_titled (dialog, ADW_TYPE_ACTION_ROW, "_Look in My Mail Account");
  g_assert_nonnull (row);
  test_ui_assert_accessible (dialog, "scan-choose");
  test_ui_assert_fits (dialog, "scan-choose");

  /* The accounts, each with what can be done, and "Add an Account…". */
  gtk_widget_activate (row);
  test_util_wait_until (find_titled (dialog, OBJECTOR_TYPE_MAIL_ACCOUNT_ROW, NULL) != NULL);
  g_assert_nonnull (find_titled (dialog, ADW_TYPE_ACTION_ROW, "_Add an Account…"));
  g_assert_null (find_titled (dialog, ADW_TYPE_ACTION_ROW, "_Look in My Mail Account"));
  test_ui_wait_drawn (dialog);
  test_ui_assert_accessible (dialog, "scan-accounts");
  test_ui_assert_fits (dialog, "scan-accounts");
  fixture_assert_no_connection (&fixture);

  /* Look: progress, then Meta's answers, listed to log. */
  test_ui_click (find_titled (dialog, OBJECTOR_TYPE_MAIL_ACCOUNT_ROW, NULL), "_Look");
  g_assert_true (objector_mail_lookup_get_busy (objector_scan_dialog_get_lookup (OBJECTOR_SCAN_DIALOG (dialog))));
  test_util_wait_until ((list = find_titled (dialog, OBJECTOR_TYPE_MAIL_LIST, NULL)) != NULL);
  g_assert_nonnull (test_ui_find (dialog, test_ui_is_label_text, "We received your"));
  test_ui_wait_drawn (dialog);
  test_ui_assert_accessible (dialog, "scan-account-results");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* "Look for Meta's Answer Now": the account to look in is found by itself,
 * the answers listed for that objection. */
static void
test_look_for_answer (void)
{
  g_auto(Fixture) fixture = fixture_start ();
  g_autoptr(ObjectorObjection) objection = g_list_model_get_item (G_LIST_MODEL (fixture.store), 0);
  GtkWidget *dialog;

  start_gtk ();
  objector_mail_lookup_set_ca_file_for_testing (test_dovecot_ca_file (fixture.dovecot));

  dialog = objector_scan_dialog_new (NULL, fixture.store, fixture.playbook, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  objector_scan_dialog_look_for_answer (OBJECTOR_SCAN_DIALOG (dialog), objector_objection_get_id (objection));
  /* Of the three, one can be used: it is looked in with no question. */
  test_util_wait_until (objector_mail_lookup_get_busy (objector_scan_dialog_get_lookup (OBJECTOR_SCAN_DIALOG (dialog))));
  g_assert_nonnull (test_ui_find (dialog, test_ui_is_button_labelled, "_Cancel"));
  test_util_wait_until (find_titled (dialog, OBJECTOR_TYPE_MAIL_LIST, NULL) != NULL);
  g_assert_nonnull (test_ui_find (dialog, test_ui_is_label_text, "We received your"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Preferences → "Look for Meta's Answers Once a Day", and what it does */

static void
found_daily_cb (ObjectorMailWatch *watch,
                GPtrArray         *mails,
                GPtrArray        **out)
{
  *out = g_ptr_array_ref (mails);
}

static void
test_daily (void)
{
  g_auto(Fixture) fixture = fixture_start ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(ObjectorMailWatch) watch = NULL;
  g_autoptr(GPtrArray) found = NULL;

  objector_mail_lookup_set_ca_file_for_testing (test_dovecot_ca_file (fixture.dovecot));
  settings = g_settings_new (APP_ID);
  watch = objector_mail_watch_new (fixture.store, fixture.playbook, settings);
  g_signal_connect (watch, "found", G_CALLBACK (found_daily_cb), &found);
  fixture_mark_log (&fixture);

  /* Off unless turned on; and only with an account looked in before. */
  g_assert_false (g_settings_get_boolean (settings, "look-for-answers-daily"));
  g_assert_false (objector_mail_watch_check (watch));
  g_settings_set_boolean (settings, "look-for-answers-daily", TRUE);
  g_assert_false (objector_mail_watch_check (watch));
  fixture_assert_no_connection (&fixture);

  /* On, an answer awaited: it looks, and hands over what is not logged. */
  g_settings_set_string (settings, "mail-account", "goa:" GOA_READY);
  g_assert_true (objector_mail_watch_check (watch));
  test_util_wait_until (found != NULL);
  assert_meta_answers (found);

  /* At most once a day. */
  g_assert_false (objector_mail_watch_check (watch));
  test_util_pin_clock ("2026-11-21T08:59:59Z");
  g_assert_false (objector_mail_watch_check (watch));
  test_util_pin_clock ("2026-11-21T09:00:00Z");
  g_clear_pointer (&found, g_ptr_array_unref);
  g_assert_true (objector_mail_watch_check (watch));
  test_util_wait_until (found != NULL);

  /* Only while an answer is awaited. */
  {
    g_autoptr(ObjectorObjection) objection = g_list_model_get_item (G_LIST_MODEL (fixture.store), 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (objector_store_apply (fixture.store, objector_objection_get_id (objection), OBJECTOR_EVENT_WITHDRAW,
                                         NULL, NULL, &error));
    g_assert_no_error (error);
  }
  test_util_pin_clock ("2026-11-25T09:00:00Z");
  g_assert_false (objector_mail_watch_check (watch));
}

static void
preferences_script (ObjectorApplication *app,
                    ObjectorWindow      *window,
                    gpointer             data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *prefs, *row, *sw;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = test_ui_wait_toplevel (OBJECTOR_TYPE_PREFERENCES);
  row = find_titled (prefs, ADW_TYPE_ACTION_ROW, "_Look for Meta’s Answers Once a Day");
  g_assert_nonnull (row);
  sw = test_ui_find (row, test_ui_is_type, GSIZE_TO_POINTER (GTK_TYPE_SWITCH));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
  gtk_widget_activate (row);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_true (g_settings_get_boolean (settings, "look-for-answers-daily"));
  test_ui_assert_accessible (prefs, "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_preferences (void)
{
  start_gtk ();
  test_util_reset_data ();
  test_ui_run_app (360, preferences_script, NULL);
}

/* The promise of issue 16: on an objection's page, two clicks — "Meta
 * Answered…", then "Look for Meta's Answer Now" — and Meta's answers are
 * found in the GNOME Online Accounts account, with progress and Cancel. */

typedef struct
{
  GtkWidget *dialog;
  gboolean   cancel_shown;
  guint      n_phases;
} TwoClicks;

static void
two_clicks_phase_cb (ObjectorMailLookup *lookup,
                     GParamSpec         *pspec,
                     TwoClicks          *seen)
{
  GtkWidget *cancel = test_ui_find (seen->dialog, test_ui_is_button_labelled, "_Cancel");

  seen->n_phases++;
  if (objector_mail_lookup_get_busy (lookup) && cancel != NULL && gtk_widget_is_sensitive (cancel))
    seen->cancel_shown = TRUE;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_action (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_menu_button_labelled (GtkWidget    *widget,
                         gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0;
}

static void
two_clicks_script (ObjectorApplication *app,
                   ObjectorWindow      *window,
                   gpointer             data)
{
  const char *id = data;
  TwoClicks seen = { 0 };
  GtkWidget *page, *answered;
  ObjectorMailLookup *lookup;

  objector_window_show_objection (window, id);
  test_util_wait_until ((page = test_ui_find (GTK_WIDGET (window), test_ui_is_type,
                                              GSIZE_TO_POINTER (OBJECTOR_TYPE_OBJECTION_PAGE))) != NULL);
  test_ui_wait_drawn (page);

  /* Click one: "Meta Answered…", which offers the look first. */
  answered = test_ui_find (page, is_menu_button_labelled, "_Meta Answered…");
  g_assert_nonnull (answered);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (answered)), "path.look-in-mail"));
  gtk_menu_button_popup (GTK_MENU_BUTTON (answered));

  /* Click two: "Look for Meta's Answer Now" (what its menu item does). */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (answered));
  g_assert_true (gtk_widget_activate_action (page, "path.look-in-mail", NULL));
  /* The dialog opens at once; its lookup starts once the accounts are known. */
  seen.dialog = test_ui_find_toplevel (OBJECTOR_TYPE_SCAN_DIALOG);
  g_assert_nonnull (seen.dialog);
  lookup = objector_scan_dialog_get_lookup (OBJECTOR_SCAN_DIALOG (seen.dialog));
  g_signal_connect (lookup, "notify::phase-text", G_CALLBACK (two_clicks_phase_cb), &seen);

  /* Found: the answers, with Log buttons for this objection. */
  test_util_wait_until (test_ui_find (seen.dialog, test_ui_is_type, GSIZE_TO_POINTER (OBJECTOR_TYPE_MAIL_LIST)) != NULL);
  g_assert_nonnull (test_ui_find (seen.dialog, test_ui_is_label_text, "We received your request"));
  g_assert_nonnull (test_ui_find (seen.dialog, test_ui_is_label_text, "Dein Widerspruch"));
  g_assert_cmpuint (seen.n_phases, >, 2);
  g_assert_true (seen.cancel_shown);
  test_ui_wait_drawn (seen.dialog);
  test_ui_assert_accessible (seen.dialog, "two-clicks");
  g_signal_handlers_disconnect_by_data (lookup, &seen);
  gtk_window_destroy (GTK_WINDOW (seen.dialog));
}

static void
test_two_clicks (void)
{
  g_autoptr(TestDovecot) dovecot = test_session_shared_dovecot ();
  g_autofree char *id = NULL;
  g_autoptr(GSettings) settings = NULL;

  id = test_util_cli_fresh_objection (NULL);
  start_gtk ();
  objector_mail_lookup_set_ca_file_for_testing (test_dovecot_ca_file (dovecot));
  /* The account looked in before. */
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "mail-account", "goa:" GOA_READY);

  test_ui_run_app (360, two_clicks_script, id);
}

static void
test_needs_display (void)
{
  g_test_skip ("No display: build-aux/test runs this under Xvfb");
}

int
main (int    argc,
      char **argv)
{
  test_util_init (&argc, &argv, "test-mail-lookup");

  if (!have_display ())
    {
      g_test_add_func ("/mail-lookup/needs-display", test_needs_display);
      return test_util_run_tests ();
    }

  test_session_add_shared ("/mail-lookup/add-account", test_add_account);
  test_session_add_shared ("/mail-lookup/goa", test_goa);
  test_session_add_shared ("/mail-lookup/password", test_password);
  test_session_add_shared ("/mail-lookup/scan-dialog", test_scan_dialog);
  test_session_add_shared ("/mail-lookup/look-for-answer", test_look_for_answer);
  test_session_add_shared ("/mail-lookup/daily", test_daily);
  test_session_add_shared ("/mail-lookup/preferences", test_preferences);
  test_session_add_shared ("/mail-lookup/two-clicks", test_two_clicks);

  return test_util_run_tests ();
}

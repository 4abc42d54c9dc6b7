/* objector-mail-lookup.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "objector-error.h"
#include "objector-imap-scanner.h"
#include "objector-keyring.h"
#include "objector-mail-lookup.h"
#include "objector-mail-provider.h"
#include "objector-password-dialog.h"

struct _ObjectorMailLookup
{
  GObject              parent_instance;

  ObjectorPlaybook    *playbook;
  GListModel          *objections;
  GtkWindow           *parent;       /* weak */
  char                *ca_file;

  ObjectorMailAccount *account;
  ObjectorImapAccount *imap;         /* where the scan goes, once known */
  ObjectorImapScanner *scanner;
  GCancellable        *cancellable;
  GtkWidget           *password_dialog;

  /* A password the person typed, kept until the server took it (then
   * stored in the keyring when @remember), wiped after. */
  char                *typed_password;
  gboolean             remember;
  gboolean             from_keyring;  /* the credential came from the keyring */

  gboolean             interactive;
  gboolean             busy;
  double               fraction;
  char                *phase_text;
};

G_DEFINE_FINAL_TYPE (ObjectorMailLookup, objector_mail_lookup, G_TYPE_OBJECT)

static char *testing_ca_file;

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_FRACTION,
  PROP_PHASE_TEXT,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_FOUND,
  SIGNAL_FAILED,
  SIGNAL_NOTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One asynchronous step of one lookup: its answer counts only while that
 * lookup is the current one (its cancellable still the lookup's). */
typedef struct
{
  ObjectorMailLookup *self;
  GCancellable       *cancellable;
} Call;

static Call *
call_new (ObjectorMailLookup *self)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->cancellable = g_object_ref (self->cancellable);
  return call;
}

static void
call_free (Call *call)
{
  g_object_unref (call->self);
  g_object_unref (call->cancellable);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static gboolean
call_is_current (Call *call)
{
  return call->cancellable == call->self->cancellable;
}

static void scan (ObjectorMailLookup     *self,
                  ObjectorImapAccount    *imap,
                  ObjectorImapCredential *credential);

/* State */

static void
set_progress (ObjectorMailLookup *self,
              double              fraction,
              const char         *text)
{
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (g_strcmp0 (self->phase_text, text) != 0)
    {
      g_free (self->phase_text);
      self->phase_text = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE_TEXT]);
    }
}

static void
set_busy (ObjectorMailLookup *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
forget_password (ObjectorMailLookup *self)
{
  if (self->typed_password != NULL)
    explicit_bzero (self->typed_password, strlen (self->typed_password));
  g_clear_pointer (&self->typed_password, g_free);
}

static void
close_password_dialog (ObjectorMailLookup *self)
{
  GtkWidget *dialog = g_steal_pointer (&self->password_dialog);

  if (dialog == NULL)
    return;
  g_signal_handlers_disconnect_by_data (dialog, self);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The end of a lookup: found, failed or cancelled. */
static void
finish (ObjectorMailLookup *self,
        GPtrArray          *mails,
        const GError       *error)
{
  close_password_dialog (self);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (mails != NULL)
    {
      set_progress (self, 1.0, _("Done"));
      g_signal_emit (self, signals[SIGNAL_FOUND], 0, mails);
    }
  else
    {
      set_progress (self, 0.0, "");
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
    }
}

static void
fail_cancelled (ObjectorMailLookup *self)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));

  forget_password (self);
  finish (self, NULL, error);
}

/* Keeping a password the server took */

static void
keyring_stored_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ObjectorMailLookup) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!objector_keyring_store_finish (result, &error))
    g_signal_emit (self, signals[SIGNAL_NOTE], 0, error->message);
}

/* The password dialog */

static void
password_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      ObjectorMailLookup *self)
{
  ObjectorPasswordDialog *password_dialog = OBJECTOR_PASSWORD_DIALOG (dialog);
  g_autoptr(ObjectorImapCredential) credential = NULL;
  ObjectorImapAccount *imap = objector_mail_account_get_imap (self->account);

  /* The dialog closes itself after this. */
  g_signal_handlers_disconnect_by_data (dialog, self);
  self->password_dialog = NULL;

  if (g_strcmp0 (response, "look") != 0 || imap == NULL)
    {
      fail_cancelled (self);
      return;
    }

  forget_password (self);
  self->typed_password = g_strdup (objector_password_dialog_get_password (password_dialog));
  self->remember = objector_password_dialog_get_remember (password_dialog);
  self->from_keyring = FALSE;
  credential = objector_imap_credential_new_password (self->typed_password);
  scan (self, imap, credential);
}

static void
ask_password (ObjectorMailLookup *self,
              const char         *problem,
              const GError       *error)
{
  ObjectorImapAccount *imap = objector_mail_account_get_imap (self->account);
  const ObjectorMailProvider *provider = objector_mail_provider_for_host (objector_imap_account_get_host (imap));

  if (!self->interactive)
    {
      forget_password (self);
      finish (self, NULL, error);
      return;
    }

  set_progress (self, 0.0, _("Waiting for your password…"));
  close_password_dialog (self);
  self->password_dialog = objector_password_dialog_new (self->parent, objector_mail_account_get_label (self->account),
                                                        objector_imap_account_get_host (imap),
                                                        provider ? objector_mail_provider_get_hint (provider) : NULL,
                                                        problem,
                                                        /* A kept password that failed is replaced if the new one works. */
                                                        self->remember || self->from_keyring);
  g_signal_connect (self->password_dialog, "response", G_CALLBACK (password_response_cb), self);
  gtk_window_present (GTK_WINDOW (self->password_dialog));
}

/* The scan */

static void
scanner_progress_cb (ObjectorImapScanner *scanner,
                     GParamSpec          *pspec,
                     ObjectorMailLookup  *self)
{
  g_autofree char *text = NULL;
  double fraction = 0.0;
  const char *host = objector_imap_account_get_host (self->imap);

  switch (objector_imap_scanner_get_phase (scanner))
    {
    case OBJECTOR_IMAP_PHASE_CONNECTING:
      /* Translators: progress of looking in a mail account; the mail server. */
      text = g_strdup_printf (_("Connecting to %s…"), host);
      fraction = 0.05;
      break;
    case OBJECTOR_IMAP_PHASE_LOGGING_IN:
      text = g_strdup_printf (_("Logging in to %s…"), host);
      fraction = 0.1;
      break;
    case OBJECTOR_IMAP_PHASE_SEARCHING:
      text = g_strdup (_("Searching your mailbox for Meta’s answers…"));
      fraction = 0.2;
      break;
    case OBJECTOR_IMAP_PHASE_FETCHING:
      /* Translators: progress of a mail account scan: messages downloaded, of how many. */
      text = g_strdup_printf (_("Downloading Meta’s messages… %u of %u"),
                              objector_imap_scanner_get_n_fetched (scanner),
                              objector_imap_scanner_get_n_matched (scanner));
      fraction = 0.2 + 0.8 * objector_scanner_get_fraction (OBJECTOR_SCANNER (scanner));
      break;
    case OBJECTOR_IMAP_PHASE_DONE:
      text = g_strdup (_("Done"));
      fraction = 1.0;
      break;
    case OBJECTOR_IMAP_PHASE_IDLE:
    default:
      return;
    }
  set_progress (self, fraction, text);
}

static void
scanned_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  ObjectorMailLookup *self = call->self;
  g_autoptr(GPtrArray) mails = NULL;
  g_autoptr(GError) error = NULL;

  mails = objector_imap_scanner_scan_finish (OBJECTOR_IMAP_SCANNER (source), result, &error);
  /* A lookup started since has replaced this one. */
  if (!call_is_current (call))
    return;
  if (mails == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_cancelled (self);
      else if (g_error_matches (error, OBJECTOR_ERROR, OBJECTOR_ERROR_AUTH_FAILED)
               && objector_mail_account_get_origin (self->account) == OBJECTOR_MAIL_ACCOUNT_SAVED)
        ask_password (self, _("The server refused this password. Check it and try again."), error);
      else
        {
          forget_password (self);
          finish (self, NULL, error);
        }
      return;
    }

  /* The server took the password the person typed: keep it if asked. */
  if (self->typed_password != NULL && self->remember)
    objector_keyring_store_async (self->imap, self->typed_password, NULL, keyring_stored_cb, g_object_ref (self));
  forget_password (self);
  finish (self, mails, NULL);
}

static void
scan (ObjectorMailLookup     *self,
      ObjectorImapAccount    *imap,
      ObjectorImapCredential *credential)
{
  g_autoptr(GDateTime) since = NULL;

  /* A copy: the CA file is set on it, not on the listed account. */
  g_clear_object (&self->imap);
  self->imap = objector_imap_account_new (objector_imap_account_get_host (imap),
                                          objector_imap_account_get_port (imap),
                                          objector_imap_account_get_user (imap),
                                          objector_imap_account_get_mailbox (imap),
                                          objector_imap_account_get_security (imap), NULL);
  g_assert (self->imap != NULL);
  objector_imap_account_set_ca_file (self->imap, self->ca_file);

  if (self->scanner != NULL)
    g_signal_handlers_disconnect_by_data (self->scanner, self);
  g_clear_object (&self->scanner);
  self->scanner = objector_imap_scanner_new (self->playbook);
  /* Nothing from Meta is hidden: its other mail is listed too, apart. */
  objector_scanner_set_include_other (OBJECTOR_SCANNER (self->scanner), TRUE);
  if (self->objections != NULL)
    since = objector_imap_scanner_default_since (self->objections);
  objector_imap_scanner_set_since (self->scanner, since);
  g_signal_connect (self->scanner, "notify::phase", G_CALLBACK (scanner_progress_cb), self);
  g_signal_connect (self->scanner, "notify::fraction", G_CALLBACK (scanner_progress_cb), self);

  set_progress (self, 0.05, "");
  objector_imap_scanner_scan_async (self->scanner, self->imap, credential, self->cancellable,
                                    scanned_cb, call_new (self));
}

/* Logging in */

static void
logged_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  ObjectorMailLookup *self = call->self;
  g_autoptr(ObjectorImapAccount) imap = NULL;
  g_autoptr(ObjectorImapCredential) credential = NULL;
  g_autoptr(GError) error = NULL;

  imap = objector_mail_account_login_finish (OBJECTOR_MAIL_ACCOUNT (source), result, &credential, &error);
  if (!call_is_current (call))
    return;

  if (imap != NULL)
    {
      self->from_keyring = objector_mail_account_get_origin (self->account) == OBJECTOR_MAIL_ACCOUNT_SAVED;
      scan (self, imap, credential);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    fail_cancelled (self);
  else if (g_error_matches (error, OBJECTOR_ERROR, OBJECTOR_ERROR_NEEDS_PASSWORD))
    ask_password (self, NULL, error);
  else
    finish (self, NULL, error);
}

static void
begin (ObjectorMailLookup  *self,
       ObjectorMailAccount *account)
{
  objector_mail_lookup_cancel (self);
  close_password_dialog (self);
  forget_password (self);
  self->remember = FALSE;
  self->from_keyring = FALSE;

  if (self->scanner != NULL)
    g_signal_handlers_disconnect_by_data (self->scanner, self);
  g_clear_object (&self->scanner);
  if (g_set_object (&self->account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
}

void
objector_mail_lookup_start (ObjectorMailLookup  *self,
                            ObjectorMailAccount *account)
{
  g_return_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self));
  g_return_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (account));

  begin (self, account);
  if (objector_mail_account_get_origin (account) == OBJECTOR_MAIL_ACCOUNT_ONLINE)
    set_progress (self, 0.0, _("Asking GNOME Online Accounts…"));
  else
    set_progress (self, 0.0, _("Looking for the password in the keyring…"));
  objector_mail_account_login_async (account, self->cancellable, logged_in_cb, call_new (self));
}

void
objector_mail_lookup_start_with_password (ObjectorMailLookup  *self,
                                          ObjectorMailAccount *account,
                                          const char          *password,
                                          gboolean             remember)
{
  g_autoptr(ObjectorImapCredential) credential = NULL;

  g_return_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self));
  g_return_if_fail (OBJECTOR_IS_MAIL_ACCOUNT (account));
  g_return_if_fail (objector_mail_account_get_imap (account) != NULL);
  g_return_if_fail (password != NULL);

  begin (self, account);
  self->typed_password = g_strdup (password);
  self->remember = remember;
  credential = objector_imap_credential_new_password (password);
  scan (self, objector_mail_account_get_imap (account), credential);
}

void
objector_mail_lookup_cancel (ObjectorMailLookup *self)
{
  g_return_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self));

  if (!self->busy)
    return;
  g_cancellable_cancel (self->cancellable);
  /* Waiting for the password: nothing else runs to say it was cancelled. */
  if (self->password_dialog != NULL)
    fail_cancelled (self);
}

/* The object */

static void
objector_mail_lookup_dispose (GObject *object)
{
  ObjectorMailLookup *self = OBJECTOR_MAIL_LOOKUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  close_password_dialog (self);
  if (self->scanner != NULL)
    g_signal_handlers_disconnect_by_data (self->scanner, self);
  g_clear_object (&self->scanner);
  g_clear_object (&self->imap);
  g_clear_object (&self->account);
  g_clear_object (&self->objections);
  g_clear_object (&self->playbook);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (objector_mail_lookup_parent_class)->dispose (object);
}

static void
objector_mail_lookup_finalize (GObject *object)
{
  ObjectorMailLookup *self = OBJECTOR_MAIL_LOOKUP (object);

  forget_password (self);
  g_free (self->ca_file);
  g_free (self->phase_text);

  G_OBJECT_CLASS (objector_mail_lookup_parent_class)->finalize (object);
}

static void
objector_mail_lookup_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ObjectorMailLookup *self = OBJECTOR_MAIL_LOOKUP (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_PHASE_TEXT:
      g_value_set_string (value, self->phase_text);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
objector_mail_lookup_class_init (ObjectorMailLookupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = objector_mail_lookup_dispose;
  object_class->finalize = objector_mail_lookup_finalize;
  object_class->get_property = objector_mail_lookup_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHASE_TEXT] =
    g_param_spec_string ("phase-text", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, OBJECTOR_TYPE_MAIL_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_FOUND] =
    g_signal_new ("found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SIGNAL_NOTE] =
    g_signal_new ("note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
objector_mail_lookup_init (ObjectorMailLookup *self)
{
  self->phase_text = g_strdup ("");
  self->interactive = TRUE;
  self->ca_file = g_strdup (testing_ca_file);
}

void
objector_mail_lookup_set_ca_file_for_testing (const char *ca_file)
{
  g_free (testing_ca_file);
  testing_ca_file = g_strdup (ca_file);
}

void
objector_mail_lookup_set_interactive (ObjectorMailLookup *self,
                                      gboolean            interactive)
{
  g_return_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self));

  self->interactive = interactive;
}

ObjectorMailLookup *
objector_mail_lookup_new (ObjectorPlaybook *playbook,
                          GListModel       *objections)
{
  ObjectorMailLookup *self;

  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), NULL);
  g_return_val_if_fail (objections == NULL || G_IS_LIST_MODEL (objections), NULL);

  self = g_object_new (OBJECTOR_TYPE_MAIL_LOOKUP, NULL);
  self->playbook = g_object_ref (playbook);
  self->objections = objections ? g_object_ref (objections) : NULL;
  return self;
}

void
objector_mail_lookup_set_parent (ObjectorMailLookup *self,
                                 GtkWindow          *parent)
{
  g_return_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  g_set_weak_pointer (&self->parent, parent);
}

void
objector_mail_lookup_set_ca_file (ObjectorMailLookup *self,
                                  const char         *ca_file)
{
  g_return_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self));

  g_free (self->ca_file);
  self->ca_file = g_strdup (ca_file);
}

gboolean
objector_mail_lookup_get_busy (ObjectorMailLookup *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self), FALSE);

  return self->busy;
}

double
objector_mail_lookup_get_fraction (ObjectorMailLookup *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self), 0.0);

  return self->fraction;
}

const char *
objector_mail_lookup_get_phase_text (ObjectorMailLookup *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self), NULL);

  return self->phase_text;
}

ObjectorMailAccount *
objector_mail_lookup_get_account (ObjectorMailLookup *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self), NULL);

  return self->account;
}

GtkWidget *
objector_mail_lookup_get_password_dialog (ObjectorMailLookup *self)
{
  g_return_val_if_fail (OBJECTOR_IS_MAIL_LOOKUP (self), NULL);

  return self->password_dialog;
}

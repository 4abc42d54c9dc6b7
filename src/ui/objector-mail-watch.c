/* objector-mail-watch.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-clock.h"
#include "objector-email-record.h"
#include "objector-mail.h"
#include "objector-mail-accounts.h"
#include "objector-mail-lookup.h"
#include "objector-mail-watch.h"

#define CHECK_SECONDS (60 * 60)

struct _ObjectorMailWatch
{
  GObject               parent_instance;

  ObjectorStore        *store;
  ObjectorPlaybook     *playbook;
  GSettings            *settings;
  ObjectorMailAccounts *accounts;
  ObjectorMailLookup   *lookup;
  GCancellable         *cancellable;
  guint                 timeout_id;
};

G_DEFINE_FINAL_TYPE (ObjectorMailWatch, objector_mail_watch, G_TYPE_OBJECT)

enum
{
  SIGNAL_FOUND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
answer_awaited (ObjectorMailWatch *self)
{
  GListModel *list = G_LIST_MODEL (self->store);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (list, i);

      if (objector_state_is_awaiting (objector_objection_get_state (objection)))
        return TRUE;
    }
  return FALSE;
}

/* A day or more since the last look (or none yet). */
static gboolean
a_day_since_last_look (ObjectorMailWatch *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "answers-looked-for");
  g_autoptr(GDateTime) last = *text != '\0' ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
  g_autoptr(GDateTime) now = objector_clock_now ();

  return last == NULL || g_date_time_difference (now, last) >= G_TIME_SPAN_DAY
         || g_date_time_compare (last, now) > 0;
}

static gboolean
is_logged (ObjectorMailWatch *self,
           ObjectorMail      *mail)
{
  const char *message_id = objector_mail_get_message_id (mail);
  GListModel *list = G_LIST_MODEL (self->store);

  if (message_id == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (list, i);
      GPtrArray *emails = objector_objection_get_emails (objection);

      for (guint j = 0; emails != NULL && j < emails->len; j++)
        if (g_strcmp0 (objector_email_record_get_message_id (g_ptr_array_index (emails, j)), message_id) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
lookup_found_cb (ObjectorMailLookup *lookup,
                 GPtrArray          *mails,
                 ObjectorMailWatch  *self)
{
  g_autoptr(GPtrArray) new_answers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < mails->len; i++)
    {
      ObjectorMail *mail = g_ptr_array_index (mails, i);
      ObjectorMailKind kind = objector_mail_get_kind (mail);

      if (kind == OBJECTOR_MAIL_KIND_OTHER || kind == OBJECTOR_MAIL_KIND_UNRECOGNISED || is_logged (self, mail))
        continue;
      g_ptr_array_add (new_answers, g_object_ref (mail));
    }
  if (new_answers->len > 0)
    g_signal_emit (self, signals[SIGNAL_FOUND], 0, new_answers);
}

static void
lookup_failed_cb (ObjectorMailLookup *lookup,
                  const GError       *error,
                  ObjectorMailWatch  *self)
{
  /* Nobody is there to ask: tried again tomorrow. */
  g_debug ("The daily look for Meta’s answers did not happen: %s", error->message);
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ObjectorMailWatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorMailAccount) account = NULL;
  g_autofree char *id = g_settings_get_string (self->settings, "mail-account");

  objector_mail_accounts_refresh_finish (OBJECTOR_MAIL_ACCOUNTS (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  account = objector_mail_accounts_lookup (self->accounts, id, NULL);
  if (account == NULL || objector_mail_account_get_status (account) != OBJECTOR_MAIL_ACCOUNT_READY)
    {
      g_debug ("The daily look for Meta’s answers: the account “%s” cannot be used now", id);
      return;
    }
  objector_mail_lookup_start (self->lookup, account);
}

gboolean
objector_mail_watch_check (ObjectorMailWatch *self)
{
  g_autofree char *id = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (OBJECTOR_IS_MAIL_WATCH (self), FALSE);

  id = g_settings_get_string (self->settings, "mail-account");
  if (!g_settings_get_boolean (self->settings, "look-for-answers-daily") || *id == '\0'
      || objector_mail_lookup_get_busy (self->lookup) || !answer_awaited (self) || !a_day_since_last_look (self))
    return FALSE;

  /* Counted as the day's look whatever comes of it: at most one a day. */
  now = objector_clock_now ();
  stamp = g_date_time_format_iso8601 (now);
  g_settings_set_string (self->settings, "answers-looked-for", stamp);

  if (self->accounts == NULL)
    self->accounts = objector_mail_accounts_new (NULL);
  objector_mail_accounts_refresh_async (self->accounts, self->cancellable, refreshed_cb, g_object_ref (self));
  return TRUE;
}

static gboolean
check_cb (gpointer user_data)
{
  objector_mail_watch_check (user_data);
  return G_SOURCE_CONTINUE;
}

void
objector_mail_watch_start (ObjectorMailWatch *self)
{
  g_return_if_fail (OBJECTOR_IS_MAIL_WATCH (self));

  if (self->timeout_id != 0)
    return;
  objector_mail_watch_check (self);
  self->timeout_id = g_timeout_add_seconds (CHECK_SECONDS, check_cb, self);
}

static void
objector_mail_watch_dispose (GObject *object)
{
  ObjectorMailWatch *self = OBJECTOR_MAIL_WATCH (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->lookup != NULL)
    {
      objector_mail_lookup_cancel (self->lookup);
      g_signal_handlers_disconnect_by_data (self->lookup, self);
    }
  g_clear_object (&self->lookup);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_object (&self->playbook);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (objector_mail_watch_parent_class)->dispose (object);
}

static void
objector_mail_watch_class_init (ObjectorMailWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = objector_mail_watch_dispose;

  signals[SIGNAL_FOUND] =
    g_signal_new ("found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
objector_mail_watch_init (ObjectorMailWatch *self)
{
  self->cancellable = g_cancellable_new ();
}

ObjectorMailWatch *
objector_mail_watch_new (ObjectorStore    *store,
                         ObjectorPlaybook *playbook,
                         GSettings        *settings)
{
  ObjectorMailWatch *self;

  g_return_val_if_fail (OBJECTOR_IS_STORE (store), NULL);
  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (OBJECTOR_TYPE_MAIL_WATCH, NULL);
  self->store = g_object_ref (store);
  self->playbook = g_object_ref (playbook);
  self->settings = g_object_ref (settings);
  self->lookup = objector_mail_lookup_new (playbook, G_LIST_MODEL (store));
  objector_mail_lookup_set_interactive (self->lookup, FALSE);
  g_signal_connect (self->lookup, "found", G_CALLBACK (lookup_found_cb), self);
  g_signal_connect (self->lookup, "failed", G_CALLBACK (lookup_failed_cb), self);
  return self;
}

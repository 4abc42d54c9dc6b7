/* objector-reminders.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "objector-clock.h"
#include "objector-error.h"
#include "objector-files.h"
#include "objector-json.h"
#include "objector-mail-match.h"
#include "objector-objection.h"
#include "objector-reminders.h"

#define LEDGER_FORMAT_NAME "objector-reminders"
#define LEDGER_VERSION     1
#define LEDGER_BASENAME    "reminders.json"
#define LOCK_BASENAME      ".reminders.lock"

/* A ledger this large was not written by us: treat it as damaged. */
#define LEDGER_MAX_SIZE    (16 * 1024 * 1024)

/* How long a code may stay unconfirmed before we ask about it: Meta's email
 * comes within minutes, so a day means it was missed or forgotten. */
#define CODE_GRACE G_TIME_SPAN_DAY

G_DEFINE_BOXED_TYPE (ObjectorReminder, objector_reminder,
                     objector_reminder_copy, objector_reminder_free)

ObjectorReminder *
objector_reminder_copy (const ObjectorReminder *self)
{
  ObjectorReminder *copy = g_new0 (ObjectorReminder, 1);

  copy->id = g_strdup (self->id);
  copy->kind = self->kind;
  copy->objection_id = g_strdup (self->objection_id);
  copy->title = g_strdup (self->title);
  copy->body = g_strdup (self->body);
  copy->since = self->since != NULL ? g_date_time_ref (self->since) : NULL;
  return copy;
}

void
objector_reminder_free (ObjectorReminder *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->objection_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->since, g_date_time_unref);
  g_free (self);
}

const char *
objector_reminder_kind_to_string (ObjectorReminderKind kind)
{
  switch (kind)
    {
    case OBJECTOR_REMINDER_OVERDUE:
      return "overdue";
    case OBJECTOR_REMINDER_CODE:
      return "code";
    default:
      g_return_val_if_reached (NULL);
    }
}

GNotification *
objector_reminder_new_notification (const ObjectorReminder *self,
                                    const char             *button_label)
{
  GNotification *notification;

  g_return_val_if_fail (self != NULL, NULL);

  notification = g_notification_new (self->title);
  g_notification_set_body (notification, self->body);
  g_notification_set_default_action_and_target (notification, "app.show-objection", "s", self->objection_id);
  if (button_label != NULL)
    g_notification_add_button_with_target (notification, button_label, "app.show-objection", "s",
                                           self->objection_id);
  return notification;
}

/* Texts */

static char *
format_day (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a due date, as in “21 December 2026”; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y"));
}

static GDateTime *
local_start_of (const GDate *date)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  return g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 0, 0, 0);
}

static char *
format_date (const GDate *date)
{
  g_autoptr(GDateTime) start = local_start_of (date);

  return format_day (start);
}

/* "your Facebook objection for “Zoë”": what the reminder is about. */
static char *
describe_objection (ObjectorObjection *objection)
{
  const char *platform = objector_objection_get_platform (objection);
  const char *account = objector_objection_get_account (objection);
  const char *name;

  if (g_strcmp0 (platform, "facebook") == 0)
    name = "Facebook";
  else if (g_strcmp0 (platform, "instagram") == 0)
    name = "Instagram";
  else
    return g_strdup (_("your request about information from third parties"));

  if (account != NULL && *account != '\0')
    /* Translators: “your Facebook objection for “Zoë””; the second %s is the account's label */
    return g_strdup_printf (_("your %s objection for “%s”"), name, account);

  /* Translators: “your Facebook objection” */
  return g_strdup_printf (_("your %s objection"), name);
}

static ObjectorReminder *
overdue_reminder (ObjectorObjection *objection,
                  const GDate       *due)
{
  ObjectorReminder *reminder = g_new0 (ObjectorReminder, 1);
  g_autofree char *what = describe_objection (objection);
  g_autofree char *due_text = format_date (due);
  g_autofree char *sent_text = format_day (objector_objection_get_submitted (objection));
  g_autoptr(GDate) day_after = g_date_copy (due);
  char due_iso[16];

  g_date_strftime (due_iso, sizeof due_iso, "%Y-%m-%d", due);
  g_date_add_days (day_after, 1);

  reminder->kind = OBJECTOR_REMINDER_OVERDUE;
  reminder->objection_id = g_strdup (objector_objection_get_id (objection));
  reminder->id = g_strdup_printf ("overdue:%s:%s", reminder->objection_id, due_iso);
  reminder->since = local_start_of (day_after);
  reminder->title = g_strdup (_("Meta’s answer is overdue"));
  /* Translators: “Meta had until 28 February 2026 to answer your Facebook
   * objection, sent on 31 January 2026, …” */
  reminder->body = g_strdup_printf (_("Meta had until %s to answer %s, sent on %s, and has not answered. "
                                      "You can now complain to your data-protection authority; "
                                      "Objector prepares the complaint for you."),
                                    due_text, what, sent_text);
  return reminder;
}

static ObjectorReminder *
code_reminder (ObjectorObjection *objection,
               GDateTime         *submitted)
{
  ObjectorReminder *reminder = g_new0 (ObjectorReminder, 1);
  g_autofree char *stamp = objector_clock_format_utc (submitted);
  g_autofree char *what = describe_objection (objection);
  g_autofree char *sent_text = format_day (submitted);

  reminder->kind = OBJECTOR_REMINDER_CODE;
  reminder->objection_id = g_strdup (objector_objection_get_id (objection));
  reminder->id = g_strdup_printf ("code:%s:%s", reminder->objection_id, stamp);
  reminder->since = g_date_time_add (submitted, CODE_GRACE);
  reminder->title = g_strdup (_("Confirm your objection with Meta’s code"));
  /* Translators: “You sent your Facebook objection on 31 January 2026, …” */
  reminder->body = g_strdup_printf (_("You sent %s on %s, but it is not confirmed yet. Meta emails a "
                                      "six-digit code that has to be typed into the form; without it, "
                                      "Meta may never look at the objection. Look for that email "
                                      "(also among spam), enter the code, then mark the objection "
                                      "as confirmed."),
                                    what, sent_text);
  return reminder;
}

GPtrArray *
objector_reminders_compute (GListModel *objections,
                            GDateTime  *now)
{
  g_autoptr(GDateTime) when = NULL;
  GPtrArray *reminders;

  g_return_val_if_fail (G_IS_LIST_MODEL (objections), NULL);

  when = now != NULL ? g_date_time_ref (now) : objector_clock_now ();
  reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_reminder_free);

  for (guint i = 0; i < g_list_model_get_n_items (objections); i++)
    {
      g_autoptr(ObjectorObjection) objection = g_list_model_get_item (objections, i);
      GDateTime *submitted;

      if (!OBJECTOR_IS_OBJECTION (objection))
        continue;

      submitted = objector_objection_get_submitted (objection);

      /* A code never confirmed: only while still "submitted"; a receipt or
       * an answer from Meta shows the objection reached it anyway. And only
       * once Meta sent one: its 2025 forms send none. */
      if (objector_objection_get_has_code_step (objection)
          && objector_objection_get_state (objection) == OBJECTOR_STATE_SUBMITTED
          && objector_mail_logged_since_submission (objection, OBJECTOR_MAIL_KIND_CODE)
          && submitted != NULL
          && g_date_time_difference (when, submitted) >= CODE_GRACE)
        g_ptr_array_add (reminders, code_reminder (objection, submitted));

      if (objector_objection_is_overdue (objection, when))
        {
          g_autoptr(GDate) due = objector_objection_dup_due_date (objection);

          g_ptr_array_add (reminders, overdue_reminder (objection, due));
        }
    }

  return reminders;
}

/* The ledger */

struct _ObjectorReminders
{
  GObject  parent_instance;

  char    *directory;
  char    *filename;
  char    *lock_filename;
};

G_DEFINE_FINAL_TYPE (ObjectorReminders, objector_reminders, G_TYPE_OBJECT)

typedef struct
{
  char *id;
  char *objection_id;
  char *given;  /* ISO 8601, UTC */
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->id);
  g_free (entry->objection_id);
  g_free (entry->given);
  g_free (entry);
}

static void
objector_reminders_finalize (GObject *object)
{
  ObjectorReminders *self = OBJECTOR_REMINDERS (object);

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->lock_filename, g_free);

  G_OBJECT_CLASS (objector_reminders_parent_class)->finalize (object);
}

static void
objector_reminders_class_init (ObjectorRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = objector_reminders_finalize;
}

static void
objector_reminders_init (ObjectorReminders *self)
{
}

ObjectorReminders *
objector_reminders_new (const char *directory)
{
  ObjectorReminders *self = g_object_new (OBJECTOR_TYPE_REMINDERS, NULL);

  if (directory != NULL)
    self->directory = g_strdup (directory);
  else
    self->directory = objector_files_dup_data_dir ();

  self->filename = g_build_filename (self->directory, LEDGER_BASENAME, NULL);
  self->lock_filename = g_build_filename (self->directory, LOCK_BASENAME, NULL);
  return self;
}

const char *
objector_reminders_get_filename (ObjectorReminders *self)
{
  g_return_val_if_fail (OBJECTOR_IS_REMINDERS (self), NULL);
  return self->filename;
}

/* id → Entry. Never fails: whatever cannot be read is left out, and the
 * next write replaces the file. Forgetting means reminding again, which is
 * better than never reminding or refusing to start. */
static GHashTable *
read_ledger (ObjectorReminders *self)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) entry_free);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *given;

  /* Too large or too deeply nested (json-glib recurses) is damaged too. */
  root = objector_json_load_file (parser, self->filename, LEDGER_MAX_SIZE, &error);
  if (root == NULL)
    {
      if (g_error_matches (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_DATA))
        g_debug ("Reminders ledger %s is damaged (%s); it will be replaced", self->filename,
                 error->message);
      else if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Reminders ledger %s not read: %s", self->filename, error->message);
      return g_steal_pointer (&entries);
    }

  if (g_strcmp0 (objector_json_lookup_string (root, "format"), LEDGER_FORMAT_NAME) != 0)
    {
      g_debug ("Reminders ledger %s does not hold reminders; it will be replaced", self->filename);
      return g_steal_pointer (&entries);
    }

  if ((given = objector_json_lookup_array (root, "given")) == NULL)
    return g_steal_pointer (&entries);

  for (guint i = 0; i < json_array_get_length (given); i++)
    {
      JsonNode *element = json_array_get_element (given, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *id = objector_json_lookup_string (object, "id");
      Entry *entry;

      if (id == NULL || *id == '\0' || g_hash_table_contains (entries, id))
        continue;

      entry = g_new0 (Entry, 1);
      entry->id = g_strdup (id);
      entry->objection_id = g_strdup (objector_json_lookup_string (object, "objection"));
      entry->given = g_strdup (objector_json_lookup_string (object, "given"));
      g_hash_table_insert (entries, entry->id, entry);
    }

  return g_steal_pointer (&entries);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(Entry * const *) a;
  const Entry *y = *(Entry * const *) b;
  int by_time = g_strcmp0 (x->given, y->given);

  return by_time != 0 ? by_time : g_strcmp0 (x->id, y->id);
}

static gboolean
write_ledger (ObjectorReminders  *self,
              GHashTable         *entries,
              GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer value;

  /* Sorted, so that the file does not change for nothing. */
  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_entries);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, LEDGER_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, LEDGER_VERSION);
  json_builder_set_member_name (builder, "given");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sorted->len; i++)
    {
      Entry *entry = g_ptr_array_index (sorted, i);

      json_builder_begin_object (builder);
      objector_json_add_string (builder, "id", entry->id);
      objector_json_add_string (builder, "objection", entry->objection_id);
      objector_json_add_string (builder, "given", entry->given);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (!objector_json_save_file (builder, self->filename, &local_error))
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO,
                   _("Could not record which reminders were given in “%s”: %s"),
                   self->filename, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* The GUI and `objector remind` (run at login) may run at once: the ledger
 * changes only under an exclusive flock() on a separate lock file, after
 * rereading it. Readers need no lock: the file is replaced by rename. */
static int
lock_ledger (ObjectorReminders  *self,
             GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!objector_files_ensure_private_dir (self->directory, &local_error))
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_STORE_IO, local_error->message);
      return -1;
    }

  return objector_files_lock (self->lock_filename, error);
}

static char *
format_now (GDateTime *now)
{
  g_autoptr(GDateTime) clock_now = NULL;

  if (now == NULL)
    now = clock_now = objector_clock_now ();
  return objector_clock_format_utc (now);
}

static void
record (GHashTable       *entries,
        ObjectorReminder *reminder,
        const char       *stamp)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->id = g_strdup (reminder->id);
  entry->objection_id = g_strdup (reminder->objection_id);
  entry->given = g_strdup (stamp);
  g_hash_table_replace (entries, entry->id, entry);
}

/* Moves the reminders of @all that @given lacks into a new array. */
static GPtrArray *
not_given (GPtrArray  *all,
           GHashTable *given)
{
  GPtrArray *pending = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_reminder_free);

  for (guint i = 0; i < all->len; i++)
    {
      ObjectorReminder *reminder = g_ptr_array_index (all, i);

      if (!g_hash_table_contains (given, reminder->id))
        g_ptr_array_add (pending, objector_reminder_copy (reminder));
    }

  return pending;
}

GPtrArray *
objector_reminders_peek (ObjectorReminders  *self,
                         GListModel         *objections,
                         GDateTime          *now,
                         GError            **error)
{
  g_autoptr(GHashTable) given = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (OBJECTOR_IS_REMINDERS (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (objections), NULL);

  given = read_ledger (self);
  all = objector_reminders_compute (objections, now);
  return not_given (all, given);
}

/* What taking needs, computed from the objections on the caller's thread
 * (they are GObjects of the main loop), so that the ledger work can run on
 * any thread. */
typedef struct
{
  GPtrArray  *all;      /* of ObjectorReminder */
  GHashTable *present;  /* objection ids; NULL: forget nothing */
  char       *stamp;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->all, g_ptr_array_unref);
  g_clear_pointer (&snapshot->present, g_hash_table_unref);
  g_clear_pointer (&snapshot->stamp, g_free);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

/* An empty list may be a store that failed to load: then the ledger
 * forgets nothing. */
static Snapshot *
snapshot_new (GListModel *objections,
              GDateTime  *now)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  guint n = g_list_model_get_n_items (objections);

  snapshot->all = objector_reminders_compute (objections, now);
  snapshot->stamp = format_now (now);

  if (n > 0)
    {
      snapshot->present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ObjectorObjection) objection = g_list_model_get_item (objections, i);

          if (OBJECTOR_IS_OBJECTION (objection))
            g_hash_table_add (snapshot->present, g_strdup (objector_objection_get_id (objection)));
        }
    }

  return snapshot;
}

/* Drops what the ledger holds about objections that are gone (deleted by
 * the person), so that it does not grow for ever. */
static gboolean
forget_gone (GHashTable *entries,
             GHashTable *present)
{
  GHashTableIter iter;
  gpointer value;
  gboolean changed = FALSE;

  if (present == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (entry->objection_id != NULL && !g_hash_table_contains (present, entry->objection_id))
        {
          g_hash_table_iter_remove (&iter);
          changed = TRUE;
        }
    }

  return changed;
}

/* Lock, reread, record, write, unlock: safe on any thread. */
static GPtrArray *
take_snapshot (ObjectorReminders  *self,
               Snapshot           *snapshot,
               GError            **error)
{
  g_autoptr(GHashTable) given = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  gboolean changed;
  int fd;

  if ((fd = lock_ledger (self, error)) < 0)
    return NULL;

  given = read_ledger (self);
  pending = not_given (snapshot->all, given);

  for (guint i = 0; i < pending->len; i++)
    record (given, g_ptr_array_index (pending, i), snapshot->stamp);
  changed = forget_gone (given, snapshot->present) || pending->len > 0;

  if (changed && !write_ledger (self, given, error))
    {
      close (fd);
      return NULL;
    }

  close (fd);  /* releases the flock */
  return g_steal_pointer (&pending);
}

GPtrArray *
objector_reminders_take (ObjectorReminders  *self,
                         GListModel         *objections,
                         GDateTime          *now,
                         GError            **error)
{
  g_autoptr(Snapshot) snapshot = NULL;

  g_return_val_if_fail (OBJECTOR_IS_REMINDERS (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (objections), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  snapshot = snapshot_new (objections, now);
  return take_snapshot (self, snapshot, error);
}

static void
take_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *pending;

  /* Once the ledger is written the reminders count as given, so a late
   * cancellation must not lose them: it is only honoured before. */
  if (g_task_return_error_if_cancelled (task))
    return;

  pending = take_snapshot (source_object, task_data, &error);
  if (pending == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pending, (GDestroyNotify) g_ptr_array_unref);
}

void
objector_reminders_take_async (ObjectorReminders   *self,
                               GListModel          *objections,
                               GDateTime           *now,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OBJECTOR_IS_REMINDERS (self));
  g_return_if_fail (G_IS_LIST_MODEL (objections));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, objector_reminders_take_async);
  g_task_set_task_data (task, snapshot_new (objections, now), (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, take_thread);
}

GPtrArray *
objector_reminders_take_finish (ObjectorReminders  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (OBJECTOR_IS_REMINDERS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == objector_reminders_take_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
objector_reminders_mark_given (ObjectorReminders  *self,
                               GPtrArray          *reminders,
                               GDateTime          *now,
                               GError            **error)
{
  g_autoptr(GHashTable) given = NULL;
  g_autofree char *stamp = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (OBJECTOR_IS_REMINDERS (self), FALSE);
  g_return_val_if_fail (reminders != NULL, FALSE);

  if (reminders->len == 0)
    return TRUE;

  if ((fd = lock_ledger (self, error)) < 0)
    return FALSE;

  given = read_ledger (self);
  stamp = format_now (now);
  for (guint i = 0; i < reminders->len; i++)
    {
      ObjectorReminder *reminder = g_ptr_array_index (reminders, i);

      if (!g_hash_table_contains (given, reminder->id))
        record (given, reminder, stamp);
    }

  ok = write_ledger (self, given, error);
  close (fd);
  return ok;
}

gboolean
objector_reminders_was_given (ObjectorReminders *self,
                              const char        *id)
{
  g_autoptr(GHashTable) given = NULL;

  g_return_val_if_fail (OBJECTOR_IS_REMINDERS (self), FALSE);

  if (id == NULL)
    return FALSE;
  given = read_ledger (self);
  return g_hash_table_contains (given, id);
}

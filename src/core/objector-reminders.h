/* objector-reminders.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  OBJECTOR_REMINDER_OVERDUE,  /* Meta's answer is past its due date */
  OBJECTOR_REMINDER_CODE,     /* submitted a day ago, the emailed code never confirmed */
} ObjectorReminderKind;

/* Something to tell the person once. The id is stable and names what it is
 * about, so a new fact makes a new reminder:
 *   "overdue:<objection-id>:<due date YYYY-MM-DD>"
 *   "code:<objection-id>:<submission time, ISO 8601 UTC>"
 * Title and body are plain words in the user's language. */
typedef struct
{
  char                 *id;
  ObjectorReminderKind  kind;
  char                 *objection_id;
  char                 *title;
  char                 *body;
  GDateTime            *since;  /* when it became due */
} ObjectorReminder;

#define OBJECTOR_TYPE_REMINDER (objector_reminder_get_type ())
GType             objector_reminder_get_type  (void) G_GNUC_CONST;
ObjectorReminder *objector_reminder_copy      (const ObjectorReminder *self);
void              objector_reminder_free      (ObjectorReminder       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorReminder, objector_reminder_free)

/* "overdue", "code" */
const char       *objector_reminder_kind_to_string (ObjectorReminderKind kind);
/* A desktop notification of @self (its title and body) that, clicked,
 * activates "app.show-objection" with the objection's ID; with
 * @button_label, a button that does the same. */
GNotification    *objector_reminder_new_notification (const ObjectorReminder *self,
                                                      const char             *button_label);

/* Every reminder that applies at @now (nullable: the current time) to the
 * ObjectorObjections in @objections, given before or not: a GPtrArray of
 * ObjectorReminder, in list order. Pure: reads no file. */
GPtrArray        *objector_reminders_compute  (GListModel             *objections,
                                               GDateTime              *now);

/* The ledger of reminders already given, so each is given once and not at
 * every start: reminders.json in the user's data folder, mode 0600, replaced
 * atomically under a lock shared by every process. A damaged ledger is
 * replaced at the next write; at worst a reminder comes again. */
#define OBJECTOR_TYPE_REMINDERS (objector_reminders_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorReminders, objector_reminders, OBJECTOR, REMINDERS, GObject)

/* @directory: nullable; defaults to $XDG_DATA_HOME/objector (the store's). */
ObjectorReminders *objector_reminders_new            (const char         *directory);
const char        *objector_reminders_get_filename   (ObjectorReminders  *self);

/* The reminders that apply and were not given yet. Changes nothing. */
GPtrArray         *objector_reminders_peek           (ObjectorReminders  *self,
                                                      GListModel         *objections,
                                                      GDateTime          *now,
                                                      GError            **error);
/* The same, recorded as given in one step under the lock, so that two
 * processes (the window and `objector remind`) never both give one. The
 * ledger forgets objections no longer in @objections. On error (the ledger
 * cannot be written, OBJECTOR_ERROR_STORE_IO) nothing is given. */
GPtrArray         *objector_reminders_take           (ObjectorReminders  *self,
                                                      GListModel         *objections,
                                                      GDateTime          *now,
                                                      GError            **error);
/* The same without blocking the main loop: the reminders are computed at
 * once (the objections belong to the calling thread), the ledger is read
 * and written in a worker thread. Cancelling before the ledger is written
 * gives nothing (G_IO_ERROR_CANCELLED). */
void               objector_reminders_take_async     (ObjectorReminders  *self,
                                                      GListModel         *objections,
                                                      GDateTime          *now,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
GPtrArray         *objector_reminders_take_finish    (ObjectorReminders  *self,
                                                      GAsyncResult       *result,
                                                      GError            **error);
/* Records @reminders (of ObjectorReminder) as given: for a caller that
 * peeked first and showed them. */
gboolean           objector_reminders_mark_given     (ObjectorReminders  *self,
                                                      GPtrArray          *reminders,
                                                      GDateTime          *now,
                                                      GError            **error);
/* Whether the ledger holds @id. */
gboolean           objector_reminders_was_given      (ObjectorReminders  *self,
                                                      const char         *id);

G_END_DECLS

/* objector-mail-watch.h — looking for Meta's answers once a day, when the person turned it on
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "objector-playbook.h"
#include "objector-store.h"

G_BEGIN_DECLS

#define OBJECTOR_TYPE_MAIL_WATCH (objector_mail_watch_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorMailWatch, objector_mail_watch, OBJECTOR, MAIL_WATCH, GObject)

/* Preferences → "Look for Meta's Answers Once a Day" (the setting
 * "look-for-answers-daily" of @settings, off unless the person turns it
 * on). While Objector runs, a check each hour looks in the mail account
 * last looked in ("mail-account") when the setting is on, some objection
 * in @store awaits Meta's answer, and the last such look
 * ("answers-looked-for") was a day ago or more; it never asks for a
 * password (an account without one available is skipped until the next
 * day). Emails from Meta that answer an objection and are not logged yet
 * are handed to ::found (GPtrArray of ObjectorMail, never empty). */
ObjectorMailWatch *objector_mail_watch_new    (ObjectorStore     *store,
                                               ObjectorPlaybook  *playbook,
                                               GSettings         *settings);
/* Checks now, then every hour. The app calls it once its window has drawn
 * its first frame: never earlier. */
void               objector_mail_watch_start  (ObjectorMailWatch *self);
/* One check now: TRUE when it started a look. */
gboolean           objector_mail_watch_check  (ObjectorMailWatch *self);

G_END_DECLS

/* objector-net.h — ObjectorNet, the only object that goes on the network
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One type whose work is spread over files of one job each, sharing
 * objector-net-private.h: the object and its time limits (objector-net.c),
 * one HTTP exchange (objector-http.c), which URLs may be requested
 * (objector-url-policy.c), checking links (objector-link-checker.c) and
 * fetching a newer playbook (objector-playbook-updater.c).
 */

#pragma once

#include <gio/gio.h>

#include "objector-link-result.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

/* The only code that touches the network, and only when the person asks:
 * checking a form's link before sending them there, checking every link of
 * a playbook, and fetching a newer playbook.
 *
 * - Only https URLs whose host is allowed are requested (the playbook's
 *   allowed_hosts for a link; the update URL's own host for an update).
 *   Redirects are followed one by one, each checked the same way; one that
 *   leaves the allowed hosts or https is reported, never followed.
 * - Certificates are always verified; a bad one is a failure, never a question.
 * - No cookies, no Referer, no Accept-Language; the User-Agent is
 *   "Objector/VERSION".
 * - Every request has a time limit (:request-timeout, per HTTP exchange), and
 *   every operation an overall one (:overall-timeout, for all its requests and
 *   redirects together). Cancelling the GCancellable ends an operation at once
 *   with G_IO_ERROR_CANCELLED. */

#define OBJECTOR_NET_REQUEST_TIMEOUT_MS 10000
#define OBJECTOR_NET_OVERALL_TIMEOUT_MS 45000
#define OBJECTOR_NET_MAX_REDIRECTS      10

/* Where updates come from unless the person chose another URL; the
 * "playbook-update-url" GSettings key has the same default. */
#define OBJECTOR_PLAYBOOK_UPDATE_URL "https://objector.github.io/playbook/meta.json"

typedef enum
{
  OBJECTOR_PLAYBOOK_UPDATE_INSTALLED,     /* a newer playbook was saved and is now in use */
  OBJECTOR_PLAYBOOK_UPDATE_NOT_MODIFIED,  /* the server said 304: nothing new since last time */
  OBJECTOR_PLAYBOOK_UPDATE_NOT_NEWER,     /* the download is valid but not newer than the one in use */
} ObjectorPlaybookUpdateResult;

#define OBJECTOR_TYPE_NET (objector_net_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorNet, objector_net, OBJECTOR, NET, GObject)

ObjectorNet        *objector_net_new                   (void);

/* Milliseconds; 0 is refused. */
guint               objector_net_get_request_timeout   (ObjectorNet         *self);
void                objector_net_set_request_timeout   (ObjectorNet         *self,
                                                        guint                msec);
guint               objector_net_get_overall_timeout   (ObjectorNet         *self);
void                objector_net_set_overall_timeout   (ObjectorNet         *self,
                                                        guint                msec);

/* Links (objector-link-checker.c) */

/* Checks one link. Failing to reach it is a verdict, not an error: the
 * finish function fails only when cancelled. */
void                objector_net_check_link_async      (ObjectorNet         *self,
                                                        const char          *url,
                                                        const char * const  *allowed_hosts,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
ObjectorLinkResult *objector_net_check_link_finish     (ObjectorNet         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Checks every link of @playbook (form, alternative form, overview and the
 * other candidate forms of each path) at once; a URL several paths share is
 * requested once. The result is a GListModel of ObjectorLinkResult in
 * playbook order, each naming its path
 * and role. */
void                objector_net_check_playbook_async  (ObjectorNet         *self,
                                                        ObjectorPlaybook    *playbook,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GListModel         *objector_net_check_playbook_finish (ObjectorNet         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Playbook updates (objector-playbook-updater.c) */

/* OBJECTOR_ERROR_INVALID_INPUT with a message naming the fault when @url
 * cannot serve updates (not https, a user name, no host). */
gboolean            objector_net_validate_update_url   (const char          *url,
                                                        GError             **error);

/* Fetches the playbook at @url, conditionally (ETag, Last-Modified,
 * remembered in objector_net_dup_update_state_filename()). A download that is
 * JSON or plain text, at most OBJECTOR_PLAYBOOK_MAX_SIZE bytes, valid
 * (objector_playbook_new_from_bytes()) and newer than both @current and the
 * saved user copy is saved atomically, mode 0600, as
 * objector_playbook_dup_user_filename(), where objector_playbook_load_default()
 * finds it.
 *
 * @current: the playbook in use, normally objector_playbook_load_default (NULL).
 *
 * Finish returns the playbook to use from now on (the new one, or @current)
 * and sets @outcome. On failure nothing on disk changed and the error says
 * why: OBJECTOR_ERROR_INVALID_INPUT (the URL), OBJECTOR_ERROR_NETWORK (offline,
 * time limit, TLS, an HTTP error status, a refused redirect),
 * OBJECTOR_ERROR_BAD_UPDATE (content type, size, not newer is not an error),
 * OBJECTOR_ERROR_INVALID_PLAYBOOK (validation), G_FILE_ERROR (saving). */
void                objector_net_update_playbook_async  (ObjectorNet                  *self,
                                                         const char                   *url,
                                                         ObjectorPlaybook             *current,
                                                         GCancellable                 *cancellable,
                                                         GAsyncReadyCallback           callback,
                                                         gpointer                      user_data);
ObjectorPlaybook   *objector_net_update_playbook_finish (ObjectorNet                  *self,
                                                         GAsyncResult                 *result,
                                                         ObjectorPlaybookUpdateResult *outcome,
                                                         GError                      **error);

/* $XDG_DATA_HOME/objector/playbook-update.json: the URL, ETag and
 * Last-Modified of the last download, mode 0600. */
char               *objector_net_dup_update_state_filename (void);

G_END_DECLS

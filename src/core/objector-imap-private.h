/* objector-imap-private.h — what the IMAP files share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The protocol is libetpan's (its parser, its commands); the bytes travel
 * through GIO, so that connecting, TLS and certificate checks, time limits
 * and cancelling are GLib's. See docs/imap.md.
 */

#pragma once

#include <gio/gio.h>
#include <libetpan/libetpan.h>

#include "objector-imap-account.h"

G_BEGIN_DECLS

/* What the stream driver reports to the session that owns it. */
typedef struct
{
  GCancellable *cancellable;     /* the scan's; nullable */
  GError       *error;           /* the first read or write failure */
  guint64       bytes_read;
  guint64       bytes_written;
} ObjectorImapStreamState;

/* A libetpan low-level stream over @io (a GSocketConnection or a
 * GTlsConnection on one). Reads and writes block in the calling thread, as
 * libetpan expects, until the socket's time limit or @state's cancellable
 * ends them. Takes a reference on @io; @state must outlive the stream. */
mailstream_low *objector_imap_stream_new (GIOStream               *io,
                                          ObjectorImapStreamState *state);

/* One connection to one server, used from one thread. */
typedef struct _ObjectorImapSession ObjectorImapSession;

typedef struct
{
  guint32 uid;
  guint32 size;
} ObjectorImapMessageSize;

/* Called for each message fetched, in the session's thread; @data is the
 * whole message. Returning FALSE stops the fetch (with @error set). */
typedef gboolean (*ObjectorImapFetchFunc) (guint32       uid,
                                           const char   *data,
                                           gsize         length,
                                           gpointer      user_data,
                                           GError      **error);

/* @timeout: seconds a read or write may wait for the server. */
ObjectorImapSession *objector_imap_session_new          (ObjectorImapAccount     *account,
                                                         guint                    timeout,
                                                         GCancellable            *cancellable);
void                 objector_imap_session_free         (ObjectorImapSession     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorImapSession, objector_imap_session_free)

/* Connects, sets up TLS (verified; STARTTLS before anything else when the
 * account says so) and reads the greeting. */
gboolean             objector_imap_session_connect      (ObjectorImapSession     *self,
                                                         GError                 **error);
/* LOGIN with a password, or AUTHENTICATE XOAUTH2 with a token.
 * OBJECTOR_ERROR_AUTH_FAILED when the server says no. */
gboolean             objector_imap_session_login        (ObjectorImapSession     *self,
                                                         const ObjectorImapCredential *credential,
                                                         GError                 **error);
/* EXAMINE: the mailbox opened read-only. *@n_messages: how many it holds.
 * OBJECTOR_ERROR_NOT_FOUND when the server has no such mailbox. */
gboolean             objector_imap_session_examine      (ObjectorImapSession     *self,
                                                         guint                   *n_messages,
                                                         GError                 **error);
/* UID SEARCH [SINCE @since] FROM d1 OR FROM d2 …: the UIDs of the messages
 * whose From names one of @domains, in ascending order (a GArray of
 * guint32). @since: nullable, the first day (the server's INTERNALDATE). */
GArray              *objector_imap_session_search       (ObjectorImapSession     *self,
                                                         const char * const      *domains,
                                                         GDateTime               *since,
                                                         GError                 **error);
/* UID FETCH (RFC822.SIZE) for @uids: a GArray of ObjectorImapMessageSize. */
GArray              *objector_imap_session_fetch_sizes  (ObjectorImapSession     *self,
                                                         const guint32           *uids,
                                                         guint                    n_uids,
                                                         GError                 **error);
/* UID FETCH (BODY.PEEK[]) for @uids, one command for all of them; @func
 * sees each message as it is parsed. */
gboolean             objector_imap_session_fetch        (ObjectorImapSession     *self,
                                                         const guint32           *uids,
                                                         guint                    n_uids,
                                                         ObjectorImapFetchFunc    func,
                                                         gpointer                 user_data,
                                                         GError                 **error);
/* LOGOUT, without caring whether the server answers. */
void                 objector_imap_session_logout       (ObjectorImapSession     *self);

/* Bytes received so far, for progress and measurements. */
guint64              objector_imap_session_get_bytes_read (ObjectorImapSession   *self);

G_END_DECLS

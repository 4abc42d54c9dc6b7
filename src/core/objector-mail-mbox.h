/* objector-mail-mbox.h — a streaming mbox splitter
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Streaming reader of mbox files: one read buffer, whatever the file size.
 * Messages are split at "From " lines that name a sender and nothing or a
 * date, and are followed by a header line; a Content-Length header is
 * honoured when it points at the next "From " line or the end of the file. */
typedef struct _ObjectorMbox ObjectorMbox;

/* Decides from the raw header block whether to keep a message. */
typedef gboolean (*ObjectorMboxFilter) (const char *headers,
                                        gsize       length,
                                        gpointer    user_data);

ObjectorMbox *objector_mbox_open                (const char   *filename,
                                                 GError      **error);
void          objector_mbox_free                (ObjectorMbox *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorMbox, objector_mbox_free)

guint64       objector_mbox_get_size            (ObjectorMbox *self);
/* Bytes read so far, for progress. */
guint64       objector_mbox_get_position        (ObjectorMbox *self);
/* The file starts with a "From " line. */
gboolean      objector_mbox_is_mbox             (ObjectorMbox *self);

/* Moves to the next message. Returns FALSE at the end of the file or on a
 * read error (@error set). Otherwise *@index is the message's position
 * (1-based) and *@message holds its bytes without the "From " line, or is
 * NULL when @filter turned it down; a message larger than
 * OBJECTOR_MAIL_MAX_SIZE comes back as NULL with *@too_large set to its size. */
gboolean      objector_mbox_next                (ObjectorMbox        *self,
                                                 ObjectorMboxFilter   filter,
                                                 gpointer             user_data,
                                                 guint               *index,
                                                 GBytes             **message,
                                                 guint64             *too_large,
                                                 GError             **error);

G_END_DECLS

/* objector-imap-stream.c — libetpan's bytes through GIO
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libetpan lets a program give it a "low-level stream driver": read, write,
 * close. This one reads and writes a GIOStream, so that the socket, the TLS
 * session (GTlsClientConnection: GLib's certificate checks), the time limit
 * (the GSocket's) and cancelling (a GCancellable) are GLib's, and libetpan
 * only speaks IMAP over them.
 */

#include "config.h"

#include "objector-imap-private.h"

typedef struct
{
  GIOStream               *io;
  ObjectorImapStreamState *state;
} Stream;

static void
keep_error (Stream *stream,
            GError *error)
{
  if (stream->state->error == NULL)
    stream->state->error = error;
  else
    g_error_free (error);
}

static ssize_t
stream_read (mailstream_low *low,
             void           *buffer,
             size_t          count)
{
  Stream *stream = low->data;
  GError *error = NULL;
  gssize n;

  n = g_input_stream_read (g_io_stream_get_input_stream (stream->io), buffer, count,
                           stream->state->cancellable, &error);
  if (n < 0)
    {
      keep_error (stream, error);
      return -1;
    }
  stream->state->bytes_read += n;
  return n;
}

static ssize_t
stream_write (mailstream_low *low,
              const void     *buffer,
              size_t          count)
{
  Stream *stream = low->data;
  GError *error = NULL;
  gssize n;

  n = g_output_stream_write (g_io_stream_get_output_stream (stream->io), buffer, count,
                             stream->state->cancellable, &error);
  if (n < 0)
    {
      keep_error (stream, error);
      return -1;
    }
  stream->state->bytes_written += n;
  return n;
}

static int
stream_close (mailstream_low *low)
{
  Stream *stream = low->data;

  /* Not the scan's cancellable: a cancelled scan still closes its socket. */
  g_io_stream_close (stream->io, NULL, NULL);
  return 0;
}

static int
stream_get_fd (mailstream_low *low)
{
  Stream *stream = low->data;
  GIOStream *base = stream->io;

  if (G_IS_TLS_CONNECTION (base))
    g_object_get (base, "base-io-stream", &base, NULL);
  else
    g_object_ref (base);

  {
    int fd = G_IS_SOCKET_CONNECTION (base)
             ? g_socket_get_fd (g_socket_connection_get_socket (G_SOCKET_CONNECTION (base)))
             : -1;

    g_object_unref (base);
    return fd;
  }
}

static void
stream_free (mailstream_low *low)
{
  Stream *stream = low->data;

  /* The GIOStream closes itself when its last reference goes; after
   * STARTTLS the TLS connection holds one on the socket. */
  g_clear_object (&stream->io);
  g_free (stream);
  free (low);
}

static void
stream_cancel (mailstream_low *low)
{
  Stream *stream = low->data;

  if (stream->state->cancellable != NULL)
    g_cancellable_cancel (stream->state->cancellable);
}

static struct mailstream_cancel *
stream_get_cancel (mailstream_low *low)
{
  return NULL;
}

static carray *
stream_get_certificate_chain (mailstream_low *low)
{
  /* GLib checked the certificate already; libetpan has nothing to add. */
  return NULL;
}

/* IDLE is not used: -1 says "not implemented" to libetpan. */
static int
stream_idle_not_implemented (mailstream_low *low)
{
  return -1;
}

static mailstream_low_driver driver = {
  .mailstream_read = stream_read,
  .mailstream_write = stream_write,
  .mailstream_close = stream_close,
  .mailstream_get_fd = stream_get_fd,
  .mailstream_free = stream_free,
  .mailstream_cancel = stream_cancel,
  .mailstream_get_cancel = stream_get_cancel,
  .mailstream_get_certificate_chain = stream_get_certificate_chain,
  .mailstream_setup_idle = stream_idle_not_implemented,
  .mailstream_unsetup_idle = stream_idle_not_implemented,
  .mailstream_interrupt_idle = stream_idle_not_implemented,
};

mailstream_low *
objector_imap_stream_new (GIOStream               *io,
                          ObjectorImapStreamState *state)
{
  Stream *stream;
  mailstream_low *low;

  g_return_val_if_fail (G_IS_IO_STREAM (io), NULL);
  g_return_val_if_fail (state != NULL, NULL);

  stream = g_new0 (Stream, 1);
  stream->io = g_object_ref (io);
  stream->state = state;

  low = mailstream_low_new (stream, &driver);
  if (low == NULL)
    {
      g_object_unref (stream->io);
      g_free (stream);
      return NULL;
    }
  return low;
}

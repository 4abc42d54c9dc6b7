/* objector-test-soup.h — HTTP servers of the tests' own, on loopback
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the tests and benchmarks of the network code (test-net, bench-net):
 * a SoupServer of theirs answers on 127.0.0.1 while their main context
 * turns (test_util_wait_*(), TEST_RUN() do).
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What a test server does with a request for @path (no query: the tests
 * pass none); @msg is answered when the handler returns unless it pauses it. */
typedef void (*TestUtilSoupHandler) (SoupServerMessage *msg,
                                     const char        *path);

/* A server that passes every request to @handler, listening on 127.0.0.1
 * (test_util_soup_listen()), with TLS when @certificate is given; its base
 * URL is put in @base. Its answers carry "Server: objector-test". */
SoupServer *test_util_soup_serve           (TestUtilSoupHandler handler,
                                            GTlsCertificate   *certificate,
                                            char             **base);

/* Makes @server listen on 127.0.0.1 at a free port, with TLS when @https
 * (the server must have its "tls-certificate"), and returns its base URL,
 * "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT". Fails the program if
 * it cannot. */
char       *test_util_soup_listen          (SoupServer        *server,
                                            gboolean           https);

/* Answers @msg 200 with a body of @content_type that never ends: a chunk of
 * spaces, and another each time one was written. */
void        test_util_soup_respond_endless (SoupServerMessage *msg,
                                            const char        *content_type);

G_END_DECLS

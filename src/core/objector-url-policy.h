/* objector-url-policy.h — which URLs Objector may open or request
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One rule for every URL Objector opens in a browser or requests itself:
 * https, no user name before the host (a way to disguise the real site), and
 * a host on the list that applies: a path's allowed hosts, or the update
 * URL's own host. Which hosts may be on such a list at all (Meta's own) is
 * objector-playbook-trust.h's rule. Tests alone may let plain http through
 * to the loopback interface, where their SoupServer listens.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why a URL is refused; shared by the playbook's validation, the paths and
 * the network, so that all apply the same rule. */
typedef enum
{
  OBJECTOR_URL_OK,
  OBJECTOR_URL_INVALID,
  OBJECTOR_URL_NOT_HTTPS,
  OBJECTOR_URL_HAS_USER,
  OBJECTOR_URL_NO_HOST,
  OBJECTOR_URL_HOST_NOT_ALLOWED,
} ObjectorUrlCheck;

/* The rule. @host: (out) (optional): the URL's host, lowercase, when it has one. */
ObjectorUrlCheck  objector_url_check             (const char         *url,
                                                  const char * const *allowed_hosts,
                                                  char              **host);

/* What the network applies before each request and redirect:
 * objector_url_check(), except that with the tests' loopback exception on,
 * http://127.0.0.1 and http://[::1] URLs are judged as if they were https. */
ObjectorUrlCheck  objector_url_check_request     (const char         *url,
                                                  const char * const *allowed_hosts,
                                                  char              **host);

/* TRUE when @url may be requested: https, no user name, host in @allowed_hosts. */
gboolean          objector_url_is_allowed        (const char         *url,
                                                  const char * const *allowed_hosts);

/* Why @url (whose host is @host, nullable) is refused, in a sentence. */
char             *objector_url_describe_refusal  (ObjectorUrlCheck    check,
                                                  const char         *url,
                                                  const char         *host);

/* A server's Location may hold anything: only printable ASCII (what a
 * valid, encoded URL is made of) is shown and followed. */
gboolean          objector_url_is_printable_ascii (const char        *text);

/* The host of @url in lower case, or NULL when it has none. */
char             *objector_url_dup_host          (const char         *url);

/* For tests only: lets plain http through, to 127.0.0.1 and ::1 only, so
 * that tests can use a SoupServer on the loopback interface; playbooks may
 * then name the loopback hosts too. Every other rule still holds (the host
 * must be allowed, redirects are checked). It refuses to work (with a
 * critical warning) unless g_test_init() ran, so the app cannot turn it on;
 * nothing but tests/ calls it. */
void              objector_url_set_loopback_for_testing (gboolean     enabled);

G_END_DECLS

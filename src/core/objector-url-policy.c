/* objector-url-policy.c — which URLs Objector may open or request
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "objector-playbook-trust.h"
#include "objector-url-policy.h"

static gint loopback_for_testing;

ObjectorUrlCheck
objector_url_check (const char         *url,
                    const char * const *allowed_hosts,
                    char              **host)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *lower_host = NULL;
  const char *uri_host;

  if (host != NULL)
    *host = NULL;

  if (url == NULL)
    return OBJECTOR_URL_INVALID;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return OBJECTOR_URL_INVALID;

  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0)
    return OBJECTOR_URL_NOT_HTTPS;

  /* "https://www.facebook.com@evil.example/" looks like Facebook to a person. */
  if (g_uri_get_userinfo (uri) != NULL)
    return OBJECTOR_URL_HAS_USER;

  uri_host = g_uri_get_host (uri);
  if (uri_host == NULL || *uri_host == '\0')
    return OBJECTOR_URL_NO_HOST;

  lower_host = g_ascii_strdown (uri_host, -1);
  if (host != NULL)
    *host = g_strdup (lower_host);

  if (allowed_hosts == NULL ||
      !g_strv_contains ((const char * const *) allowed_hosts, lower_host))
    return OBJECTOR_URL_HOST_NOT_ALLOWED;

  return OBJECTOR_URL_OK;
}

static gboolean
is_loopback_http (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host;

  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0)
    return FALSE;

  host = g_uri_get_host (uri);
  return g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "::1") == 0;
}

ObjectorUrlCheck
objector_url_check_request (const char         *url,
                            const char * const *allowed_hosts,
                            char              **host)
{
  if (url != NULL && g_atomic_int_get (&loopback_for_testing) && is_loopback_http (url))
    {
      /* is_loopback_http() saw a scheme of exactly four letters. */
      g_autofree char *secure = g_strconcat ("https", url + 4, NULL);

      return objector_url_check (secure, allowed_hosts, host);
    }

  return objector_url_check (url, allowed_hosts, host);
}

void
objector_url_set_loopback_for_testing (gboolean enabled)
{
  /* Only a test program calls g_test_init(): the app cannot open this door. */
  g_return_if_fail (g_test_initialized ());

  g_atomic_int_set (&loopback_for_testing, enabled ? 1 : 0);
  /* …and playbooks may name the loopback hosts, to point at the tests' servers. */
  objector_playbook_trust_loopback_for_testing (enabled);
}

gboolean
objector_url_is_allowed (const char         *url,
                         const char * const *allowed_hosts)
{
  return objector_url_check_request (url, allowed_hosts, NULL) == OBJECTOR_URL_OK;
}

char *
objector_url_describe_refusal (ObjectorUrlCheck  check,
                               const char       *url,
                               const char       *host)
{
  switch (check)
    {
    case OBJECTOR_URL_NOT_HTTPS:
      return g_strdup_printf (_("%s is not a secure (https) address."), url);
    case OBJECTOR_URL_HAS_USER:
      return g_strdup_printf (_("%s puts a name before the host, a way to disguise the real site."), url);
    case OBJECTOR_URL_NO_HOST:
      return g_strdup_printf (_("%s names no host."), url);
    case OBJECTOR_URL_HOST_NOT_ALLOWED:
      return g_strdup_printf (_("%s is not one of the sites the playbook allows for it."), host);
    case OBJECTOR_URL_INVALID:
    case OBJECTOR_URL_OK:
    default:
      return g_strdup_printf (_("“%s” is not a valid address."), url);
    }
}

gboolean
objector_url_is_printable_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x21 || (guchar) *p > 0x7e)
      return FALSE;
  return TRUE;
}

char *
objector_url_dup_host (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;
  return g_ascii_strdown (g_uri_get_host (uri), -1);
}

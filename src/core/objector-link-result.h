/* objector-link-result.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What checking one link found. */
typedef enum
{
  OBJECTOR_LINK_VERDICT_REACHABLE,         /* "reachable": answers 2xx */
  OBJECTOR_LINK_VERDICT_MOVED,             /* "moved": redirects, within the allowed hosts, to a page that answers */
  OBJECTOR_LINK_VERDICT_FOREIGN_REDIRECT,  /* "foreign-redirect": redirects off the allowed hosts (or off https); not followed */
  OBJECTOR_LINK_VERDICT_GONE,              /* "gone": 4xx */
  OBJECTOR_LINK_VERDICT_SERVER_ERROR,      /* "server-error": 5xx */
  OBJECTOR_LINK_VERDICT_OFFLINE,           /* "offline": the host cannot be looked up or connected to */
  OBJECTOR_LINK_VERDICT_TIMEOUT,           /* "timeout": no answer within the time limit */
  OBJECTOR_LINK_VERDICT_TLS_FAILURE,       /* "tls-failure": the certificate or the handshake failed */
  OBJECTOR_LINK_VERDICT_INVALID_RESPONSE,  /* "invalid-response": a redirect loop, a garbled answer, … */
  OBJECTOR_LINK_VERDICT_NOT_ALLOWED,       /* "not-allowed": not https or not an allowed host; never requested */
} ObjectorLinkVerdict;

/* Which link of a path a result is about. */
typedef enum
{
  OBJECTOR_LINK_ROLE_OTHER,             /* "other": checked on its own */
  OBJECTOR_LINK_ROLE_FORM,              /* "form" */
  OBJECTOR_LINK_ROLE_ALTERNATIVE_FORM,  /* "alternative-form" */
  OBJECTOR_LINK_ROLE_OVERVIEW,          /* "overview" */
} ObjectorLinkRole;

#define OBJECTOR_TYPE_LINK_RESULT (objector_link_result_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorLinkResult, objector_link_result, OBJECTOR, LINK_RESULT, GObject)

/* Results are made by ObjectorNet (construct-only properties) and never
 * change afterwards, so a list row can bind to them once. */
const char          *objector_link_result_get_url          (ObjectorLinkResult *self);
ObjectorLinkVerdict  objector_link_result_get_verdict      (ObjectorLinkResult *self);
ObjectorLinkRole     objector_link_result_get_role         (ObjectorLinkResult *self);
/* The playbook path the link belongs to; nullable. */
const char          *objector_link_result_get_path_id      (ObjectorLinkResult *self);
/* The last HTTP status seen, 0 when no answer came. */
guint                objector_link_result_get_http_status  (ObjectorLinkResult *self);
/* Where the redirects led (moved; gone and the like after a redirect), or
 * the refused destination of a foreign-redirect, which was not requested;
 * nullable. Only a moved result's final URL may be opened. */
const char          *objector_link_result_get_final_url    (ObjectorLinkResult *self);
/* The host a refused redirect pointed to (foreign-redirect); nullable. */
const char          *objector_link_result_get_foreign_host (ObjectorLinkResult *self);
/* A sentence, in the user's language, that says what was found and what to do. */
const char          *objector_link_result_get_message      (ObjectorLinkResult *self);
/* TRUE for reachable and moved: the person can get to the page. */
gboolean             objector_link_result_is_usable        (ObjectorLinkResult *self);

const char          *objector_link_verdict_to_string       (ObjectorLinkVerdict verdict);
/* A short, translated name of the verdict for lists ("reachable", "gone"). */
const char          *objector_link_verdict_get_label       (ObjectorLinkVerdict verdict);
gboolean             objector_link_verdict_is_usable       (ObjectorLinkVerdict verdict);
const char          *objector_link_role_to_string          (ObjectorLinkRole    role);

G_END_DECLS

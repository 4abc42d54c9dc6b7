/* objector-path-private.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "objector-path.h"

G_BEGIN_DECLS

/* ObjectorPlaybook validates the JSON and fills these fields directly; an
 * ObjectorPath is never changed after that. Every text is already in the
 * user's language. */
struct _ObjectorPath
{
  GObject           parent_instance;

  char             *id;
  char             *platform;
  ObjectorPathKind  kind;
  char             *title;
  char             *summary;
  char             *form_url;
  char             *alternative_form_url;
  GPtrArray        *forms;
  char             *overview_url;
  char            **allowed_hosts;
  char            **regions;
  char            **steps;
  GPtrArray        *app_routes;
  GPtrArray        *fields;
  char             *reason_short;
  char             *reason_full;
  gboolean          has_code_step;
  guint             answer_months;
  guint             extension_months;
};

/* Why a URL is refused; shared by validation and objector_path_url_is_allowed()
 * so that both apply the same rule. */
typedef enum
{
  OBJECTOR_URL_OK,
  OBJECTOR_URL_INVALID,
  OBJECTOR_URL_NOT_HTTPS,
  OBJECTOR_URL_HAS_USER,
  OBJECTOR_URL_NO_HOST,
  OBJECTOR_URL_HOST_NOT_ALLOWED,
} ObjectorUrlCheck;

ObjectorPath     *objector_path_new          (void);
ObjectorField    *objector_field_new         (void);
void              objector_field_free        (ObjectorField      *field);
ObjectorFormCandidate *objector_form_candidate_new  (void);
void              objector_form_candidate_free (ObjectorFormCandidate *form);
ObjectorAppRoute *objector_app_route_new     (void);
void              objector_app_route_free    (ObjectorAppRoute   *route);

/* @host: (out) (optional): the URL's host, lowercase, when it has one. */
ObjectorUrlCheck  objector_url_check         (const char         *url,
                                              const char * const *allowed_hosts,
                                              char              **host);
gboolean          objector_is_host_name      (const char         *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorField, objector_field_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorAppRoute, objector_app_route_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorFormCandidate, objector_form_candidate_free)

G_END_DECLS

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

ObjectorPath     *objector_path_new          (void);
ObjectorField    *objector_field_new         (void);
void              objector_field_free        (ObjectorField      *field);
ObjectorFormCandidate *objector_form_candidate_new  (void);
void              objector_form_candidate_free (ObjectorFormCandidate *form);
ObjectorAppRoute *objector_app_route_new     (void);
void              objector_app_route_free    (ObjectorAppRoute   *route);

gboolean          objector_is_host_name      (const char         *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorField, objector_field_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorAppRoute, objector_app_route_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorFormCandidate, objector_form_candidate_free)

G_END_DECLS

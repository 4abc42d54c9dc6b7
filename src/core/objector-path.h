/* objector-path.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  OBJECTOR_PATH_KIND_OBJECTION,    /* "objection": GDPR Art. 21 right to object */
  OBJECTOR_PATH_KIND_THIRD_PARTY,  /* "third-party": information from third parties */
} ObjectorPathKind;

/* Kinds of email Meta sends, as the playbook's rules name them. */
typedef enum
{
  OBJECTOR_MAIL_KIND_CODE,
  OBJECTOR_MAIL_KIND_RECEIPT,
  OBJECTOR_MAIL_KIND_APPROVAL,
  OBJECTOR_MAIL_KIND_REJECTION,
  OBJECTOR_MAIL_KIND_EXTENSION,
  OBJECTOR_MAIL_KIND_OTHER,         /* Meta's other mail: sign-in alerts, newsletters… */
  OBJECTOR_MAIL_KIND_UNRECOGNISED,  /* the rules cannot tell: the person decides; never moves a state */
} ObjectorMailKind;

/* One form field as Meta labels it, and which of the person's details fills it. */
typedef struct
{
  char *id;
  char *label;   /* in the user's language */
  char *hint;    /* nullable */
  char *fill;    /* "email", "country", "reason", "name", "account", or NULL */
  gboolean required;
} ObjectorField;

/* One address where the form may be: Meta moves its forms, so a path lists
 * several, the current one first, older ones and the pages that link to
 * the form after it. */
typedef struct
{
  char     *url;
  char     *label;         /* in the user's language: "Meta’s 2025 form" */
  char     *last_checked;  /* "YYYY-MM-DD": when a source last confirmed it; nullable */
  gboolean  is_form;       /* FALSE for a page that links to the form */
} ObjectorFormCandidate;

/* One app's menu route to the form. */
typedef struct
{
  char  *app;     /* "facebook", "instagram" */
  char **steps;   /* in the user's language */
} ObjectorAppRoute;

#define OBJECTOR_TYPE_PATH (objector_path_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorPath, objector_path, OBJECTOR, PATH, GObject)

const char         *objector_path_get_id              (ObjectorPath *self);
const char         *objector_path_get_platform        (ObjectorPath *self);  /* "facebook", "instagram", "whatsapp", "none" */
ObjectorPathKind    objector_path_get_kind            (ObjectorPath *self);
const char         *objector_path_kind_to_string      (ObjectorPathKind kind);
gboolean            objector_path_kind_from_string    (const char       *nick,
                                                       ObjectorPathKind *kind);
const char         *objector_path_get_title           (ObjectorPath *self);
const char         *objector_path_get_summary         (ObjectorPath *self);
/* The first of the forms. */
const char         *objector_path_get_form_url        (ObjectorPath *self);
/* Where the form may be, in the order to try: a GPtrArray of
 * ObjectorFormCandidate, never empty. */
GPtrArray          *objector_path_get_forms           (ObjectorPath *self);
/* The first form's "last checked" date ("YYYY-MM-DD"), or NULL. */
const char         *objector_path_get_last_checked    (ObjectorPath *self);
/* An older or fallback version of the form; nullable. */
const char         *objector_path_get_alternative_form_url (ObjectorPath *self);
const char         *objector_path_get_overview_url    (ObjectorPath *self);
const char * const *objector_path_get_allowed_hosts   (ObjectorPath *self);
const char * const *objector_path_get_regions         (ObjectorPath *self);  /* region ids or "*" */
const char * const *objector_path_get_steps           (ObjectorPath *self);
GPtrArray          *objector_path_get_app_routes      (ObjectorPath *self);  /* of ObjectorAppRoute */
GPtrArray          *objector_path_get_fields          (ObjectorPath *self);  /* of ObjectorField */
const char         *objector_path_get_reason_short    (ObjectorPath *self);
const char         *objector_path_get_reason_full     (ObjectorPath *self);
gboolean            objector_path_get_has_code_step   (ObjectorPath *self);
guint               objector_path_get_answer_months   (ObjectorPath *self);
guint               objector_path_get_extension_months (ObjectorPath *self);
/* TRUE when @url is https, names no user, and its host is in allowed_hosts. */
gboolean            objector_path_url_is_allowed      (ObjectorPath *self,
                                                       const char   *url);

/* "code", "receipt", "approval", "rejection", "extension", "other", "unrecognised". */
const char         *objector_mail_kind_to_string      (ObjectorMailKind  kind);
gboolean            objector_mail_kind_from_string    (const char       *nick,
                                                       ObjectorMailKind *kind);

G_END_DECLS

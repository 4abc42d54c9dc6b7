/* objector-playbook-private.h — what the playbook's files share
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * objector-playbook.c holds the object and its getters;
 * objector-playbook-loader.c reads and checks a playbook, with
 * objector-playbook-mail.c (the mail rules and languages) and
 * objector-playbook-paths.c (the paths) for its two large sections.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "objector-json.h"
#include "objector-playbook.h"

G_BEGIN_DECLS

struct _ObjectorPlaybook
{
  GObject      parent_instance;

  gint64       version;
  char        *origin;
  char        *updated;
  GListStore  *paths;
  GHashTable  *regions;       /* region id → char ** of country codes */
  char       **region_ids;    /* in playbook order */
  char       **mail_domains;
  GPtrArray   *mail_rules;    /* of ObjectorMailRule */
  GPtrArray   *mail_languages; /* of ObjectorMailLanguage */
  guint        answer_months;
  guint        extension_months;
};

/* Every playbook text: never empty, no control characters. */
#define PLAYBOOK_TEXT          (OBJECTOR_JSON_NON_EMPTY | OBJECTOR_JSON_NO_CONTROLS)
#define PLAYBOOK_REQUIRED_TEXT (OBJECTOR_JSON_REQUIRED | PLAYBOOK_TEXT)

/* What one load needs besides the playbook under construction. */
typedef struct
{
  ObjectorPlaybook   *playbook;
  const char * const *languages;   /* to pick translated texts in */
} ObjectorPlaybookLoader;

/* objector-playbook-loader.c: checks the sections share. */
gboolean _objector_playbook_is_id              (const char              *s);
/* An ObjectorJsonCheckFunc: a lowercase host of Meta's. */
gboolean _objector_playbook_check_host_name    (const char              *value,
                                                const char              *path,
                                                gpointer                 user_data,
                                                GError                 **error);
/* A number of months from 1 to 12; @out is unchanged when it is absent. */
gboolean _objector_playbook_get_months         (JsonObject              *object,
                                                const char              *path,
                                                const char              *key,
                                                gboolean                 required,
                                                guint                   *out,
                                                GError                 **error);

/* objector-playbook-mail.c: "mail" */
void     _objector_mail_rule_free              (ObjectorMailRule        *rule);
void     _objector_mail_language_free          (ObjectorMailLanguage    *language);
gboolean _objector_playbook_load_mail          (ObjectorPlaybookLoader  *loader,
                                                JsonObject              *root,
                                                GError                 **error);

/* objector-playbook-paths.c: "paths" (after "regions" and "deadline") */
gboolean _objector_playbook_load_paths         (ObjectorPlaybookLoader  *loader,
                                                JsonObject              *root,
                                                GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorMailRule, _objector_mail_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorMailLanguage, _objector_mail_language_free)

G_END_DECLS

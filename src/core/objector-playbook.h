/* objector-playbook.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "objector-path.h"

G_BEGIN_DECLS

#define OBJECTOR_PLAYBOOK_RESOURCE "/io/github/objector/Objector/playbook/meta.json"

/* Larger input is refused before it is parsed. */
#define OBJECTOR_PLAYBOOK_MAX_SIZE (4 * 1024 * 1024)

/* The only "format" this version reads. */
#define OBJECTOR_PLAYBOOK_FORMAT 1

/* One rule that recognises a kind of email from Meta. The phrases of every
 * language are kept (an email may be in any of them), in playbook order,
 * each with the language it is written in. A phrase is words matched
 * against the email's words: "honour*" matches any word that starts so,
 * and "…" stands for up to four other words. objector-mail-match.c reads
 * them. */
typedef struct
{
  ObjectorMailKind   kind;
  char             **subject;            /* never NULL, maybe empty */
  char             **body;               /* never NULL, maybe empty */
  char             **subject_languages;  /* the language of each subject phrase */
  char             **body_languages;     /* the language of each body phrase */
  /* What a body phrase says when its clause negates it ("we cannot honour
   * your objection"): another kind, or OBJECTOR_MAIL_KIND_UNRECOGNISED when
   * it then only casts doubt. */
  ObjectorMailKind   negated;
  guint              weight;             /* 1–3: what one body phrase counts; a subject phrase counts 1 */
  char             **senders;            /* sender names before the "@" that point to this kind */
} ObjectorMailRule;

/* How one language is read: the words that negate, break a sentence into
 * clauses, make a clause conditional, express regret, say an email is about
 * an objection at all; where quoted earlier mail and the footer begin; how
 * contractions expand. Every list is phrases as in ObjectorMailRule. */
typedef struct
{
  char  *code;           /* "en", "de", "pt" … */
  char **markers;        /* common words that tell the language */
  char **negations;
  char **contractions;   /* pairs: "won't", "will not", "n't", " not", "n'", "ne ", … */
  char **breaks;         /* single words that start a new clause */
  char **conditionals;   /* single words that start a conditional clause */
  char **regret;
  char **topic;
  char **quotes;
  char **footers;
} ObjectorMailLanguage;

#define OBJECTOR_TYPE_PLAYBOOK (objector_playbook_get_type ())
G_DECLARE_FINAL_TYPE (ObjectorPlaybook, objector_playbook, OBJECTOR, PLAYBOOK, GObject)

/* Error messages, one rule throughout:
 *
 * - objector_playbook_new_from_bytes() fails with OBJECTOR_ERROR_INVALID_PLAYBOOK
 *   and a message "<json path>: <problem>", where the JSON path is "(root)",
 *   "version", "regions.eu[3]", "paths[2].form_url", "paths[0].title.de", …:
 *   "paths[2].form_url: not an https URL". A JSON syntax error reads
 *   "line 3, column 5: <json-glib's message>".
 * - Everything that reads a file names it first, once:
 *   "“/x/y.json”: paths[2].form_url: not an https URL" (same domain and code),
 *   and a file that cannot be read gives G_FILE_ERROR with
 *   "“/x/y.json”: No such file or directory".
 *
 * Texts are picked at load time from g_get_language_names(): the first
 * language that has a translation ("de_DE", then "de"), else English. */
ObjectorPlaybook   *objector_playbook_new_from_bytes    (GBytes           *bytes,
                                                         const char       *origin,
                                                         GError          **error);
ObjectorPlaybook   *objector_playbook_new_from_file     (const char       *filename,
                                                         GError          **error);
/* The playbook in the gresource; its origin is "bundled". */
ObjectorPlaybook   *objector_playbook_new_bundled       (GError          **error);
/* The bundled playbook, unless the user data dir holds a valid newer one;
 * @override_file (nullable, `--playbook FILE`) wins over both. An invalid or
 * older user copy is ignored (reported with g_debug()); errors from
 * @override_file are returned. */
ObjectorPlaybook   *objector_playbook_load_default      (const char       *override_file,
                                                         GError          **error);
/* Where an updated playbook goes: $XDG_DATA_HOME/objector/playbook.json. */
char               *objector_playbook_dup_user_filename (void);

gint64              objector_playbook_get_version       (ObjectorPlaybook *self);
const char         *objector_playbook_get_origin        (ObjectorPlaybook *self);
const char         *objector_playbook_get_updated       (ObjectorPlaybook *self);  /* "YYYY-MM-DD" */

/* A GListModel of ObjectorPath, in playbook order. */
GListModel         *objector_playbook_get_paths         (ObjectorPlaybook *self);
ObjectorPath       *objector_playbook_lookup_path       (ObjectorPlaybook *self,
                                                         const char       *path_id);
/* The paths open to a resident of @country (ISO 3166-1 alpha-2, any case),
 * objections first: a new GListStore of ObjectorPath. */
GListModel         *objector_playbook_paths_for_country (ObjectorPlaybook *self,
                                                         const char       *country);
gboolean            objector_playbook_path_applies      (ObjectorPlaybook *self,
                                                         ObjectorPath     *path,
                                                         const char       *country);
/* Region membership, from the playbook's "regions" table: "eu", "eea", "uk".
 * NULL for an unknown region. */
const char * const *objector_playbook_get_region        (ObjectorPlaybook *self,
                                                         const char       *region_id);
/* The region ids, in playbook order (without "*"). */
const char * const *objector_playbook_get_region_ids    (ObjectorPlaybook *self);
/* Sender domains that Meta's emails come from. */
const char * const *objector_playbook_get_mail_domains  (ObjectorPlaybook *self);
/* The email rules, in playbook order: a GPtrArray of ObjectorMailRule. */
GPtrArray          *objector_playbook_get_mail_rules    (ObjectorPlaybook *self);
/* How each language is read: a GPtrArray of ObjectorMailLanguage (empty for
 * a playbook without "mail.languages"). */
GPtrArray          *objector_playbook_get_mail_languages (ObjectorPlaybook *self);
/* The playbook-wide answer deadline (GDPR Art. 12(3)); paths may override it. */
guint               objector_playbook_get_answer_months (ObjectorPlaybook *self);
guint               objector_playbook_get_extension_months (ObjectorPlaybook *self);

G_END_DECLS

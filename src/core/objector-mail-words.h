/* objector-mail-words.h — the words of an email, as the mail rules see them
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For objector-mail-match.c only: phrases compiled to words, each language's
 * reading aids compiled from the playbook, and sentences cut into clauses
 * with their negations marked.
 */

#pragma once

#include "objector-playbook.h"

G_BEGIN_DECLS

/* "…" in a phrase: up to this many other words. */
#define OBJECTOR_MAIL_MAX_GAP 4
/* A clause break among the words, where a comma stood. */
#define OBJECTOR_MAIL_COMMA ","

typedef struct
{
  char     *word;     /* NULL for a gap */
  gboolean  prefix;   /* "honour*" */
} ObjectorMailItem;

typedef struct
{
  guint             n_items;
  ObjectorMailItem *items;
} ObjectorMailPattern;

/* One language of the playbook's "mail.languages", compiled. */
typedef struct
{
  char       *code;
  GHashTable *markers;
  char      **contractions;  /* folded pairs */
  GHashTable *breaks;
  GHashTable *conditionals;
  GPtrArray  *negations;     /* of ObjectorMailPattern */
  GPtrArray  *regret;
  GPtrArray  *topic;
  GPtrArray  *quotes;        /* compiled without contractions: lines are read before the language is known */
  GPtrArray  *footers;
} ObjectorMailLanguageReader;

/* A sentence: its words, the clause of each, which clauses are
 * conditional, and which words belong to a negation. */
typedef struct
{
  GPtrArray *words;
  GArray    *clause;       /* guint per word */
  GArray    *conditional;  /* gboolean per clause */
  guint8    *negation;     /* per word */
} ObjectorMailSentence;

/* Case, composition, apostrophes, quotes and white space folded, so that
 * what mail programs write compares equal to the playbook's phrases. */
char                 *objector_mail_fold_text        (const char                 *text);

void                  objector_mail_pattern_free     (ObjectorMailPattern        *pattern);
/* TRUE when one of @pattern's own words is @word ("not" of "not use … information"). */
gboolean              objector_mail_pattern_says     (const ObjectorMailPattern  *pattern,
                                                      const char                 *word);
/* Each phrase compiled with the contractions of its own language (@codes,
 * parallel to @phrases; nullable). A GPtrArray of ObjectorMailPattern. */
GPtrArray            *objector_mail_patterns_compile (char                      **phrases,
                                                      char                      **codes,
                                                      GPtrArray                  *languages);
/* The playbook's languages compiled: a GPtrArray of ObjectorMailLanguageReader. */
GPtrArray            *objector_mail_languages_compile (ObjectorPlaybook          *playbook);

/* The words of a folded text, OBJECTOR_MAIL_COMMA where one stood, the
 * contractions of @languages expanded. */
GPtrArray            *objector_mail_split_words      (const char                 *folded,
                                                      GPtrArray                  *languages);
ObjectorMailSentence *objector_mail_sentence_new     (const char                 *folded,
                                                      GPtrArray                  *languages);
void                  objector_mail_sentence_free    (ObjectorMailSentence       *sentence);
/* The first place @pattern matches in @sentence from word @from on. */
gboolean              objector_mail_sentence_find    (ObjectorMailPattern        *pattern,
                                                      ObjectorMailSentence       *sentence,
                                                      guint                       from,
                                                      guint                      *start,
                                                      guint                      *end);
/* The sentences of @text: paragraphs split at blank lines, sentences at
 * . ! ? ; : and … before a space. A GPtrArray of ObjectorMailSentence. */
GPtrArray            *objector_mail_sentences_of     (const char                 *text,
                                                      GPtrArray                  *languages);

G_END_DECLS

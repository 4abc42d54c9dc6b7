/* objector-mail-match.c — what kind of email from Meta it is, by the playbook's rules
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How an email is read:
 *
 * 1. Quoted earlier mail (lines starting with ">", and everything from a
 *    line such as "-----Original Message-----" on) is left out; the footer
 *    (from "--" or a line such as "This message was sent to…" on) counts
 *    only for Meta's other mail, never for an answer.
 * 2. The language is the one whose common words the email uses most; its
 *    contractions are expanded ("won't" → "will not") and its negations,
 *    clause breaks and conditionals apply.
 * 3. The text is cut into sentences and each sentence into clauses. Every
 *    rule phrase found counts for its kind, unless a negation in the same
 *    clause turns it around ("we cannot honour your objection" counts for a
 *    rejection) or a negation elsewhere in the sentence, or an "if", makes
 *    it doubtful ("we cannot confirm that your objection was rejected").
 * 4. An answer kind needs an email about an objection, evidence in the body
 *    worth THRESHOLD, and for an acceptance or a refusal no doubt and no
 *    evidence for the other. Whatever is left is Meta's other mail when its
 *    rules say so, and otherwise unrecognised.
 */

#include "config.h"

#include <string.h>

#include "objector-lookalike.h"
#include "objector-mail-match.h"
#include "objector-mail-words.h"

/* A strong phrase (3), or a verb (2) with a second signal. */
#define THRESHOLD 3
#define OTHER_THRESHOLD 2
/* Evidence for the opposite decision that stops one: a verb or more. */
#define CONFLICT 2
/* Lines shorter than this end a sentence: greetings, signatures, links. */
#define SHORT_LINE 40

/* One rule of the playbook, its phrases compiled. */
typedef struct
{
  ObjectorMailKind   kind;
  ObjectorMailKind   negated;
  guint              weight;
  GPtrArray         *subject;  /* of ObjectorMailPattern */
  GPtrArray         *body;
  char             **senders;
} Rule;

static void
rule_free (Rule *rule)
{
  g_ptr_array_unref (rule->subject);
  g_ptr_array_unref (rule->body);
  g_strfreev (rule->senders);
  g_free (rule);
}

struct _ObjectorMailMatcher
{
  GPtrArray *languages;  /* of ObjectorMailLanguageReader */
  GPtrArray *rules;      /* of Rule */
};

ObjectorMailMatcher *
objector_mail_matcher_new (ObjectorPlaybook *playbook)
{
  ObjectorMailMatcher *self = g_new0 (ObjectorMailMatcher, 1);
  GPtrArray *rules = objector_playbook_get_mail_rules (playbook);

  self->languages = objector_mail_languages_compile (playbook);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);

  for (guint i = 0; i < rules->len; i++)
    {
      ObjectorMailRule *source = g_ptr_array_index (rules, i);
      Rule *rule = g_new0 (Rule, 1);

      rule->kind = source->kind;
      rule->negated = source->negated;
      rule->weight = source->weight > 0 ? source->weight : 2;
      rule->subject = objector_mail_patterns_compile (source->subject, source->subject_languages, self->languages);
      rule->body = objector_mail_patterns_compile (source->body, source->body_languages, self->languages);
      rule->senders = g_strdupv (source->senders);
      g_ptr_array_add (self->rules, rule);
    }

  return self;
}

void
objector_mail_matcher_free (ObjectorMailMatcher *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->languages);
  g_ptr_array_unref (self->rules);
  g_free (self);
}

ObjectorMailMatcher *
objector_mail_matcher_get (ObjectorPlaybook *playbook)
{
  static GMutex lock;
  static GQuark quark;
  ObjectorMailMatcher *matcher;

  g_return_val_if_fail (OBJECTOR_IS_PLAYBOOK (playbook), NULL);

  g_mutex_lock (&lock);
  if (quark == 0)
    quark = g_quark_from_static_string ("objector-mail-matcher");
  matcher = g_object_get_qdata (G_OBJECT (playbook), quark);
  if (matcher == NULL)
    {
      matcher = objector_mail_matcher_new (playbook);
      g_object_set_qdata_full (G_OBJECT (playbook), quark, matcher,
                               (GDestroyNotify) objector_mail_matcher_free);
    }
  g_mutex_unlock (&lock);
  return matcher;
}

/* Zones: the answer, its footer, and quoted mail left out */

static gboolean
line_has_marker (const char *folded_line,
                 GPtrArray  *all_languages,
                 gsize       offset)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  ObjectorMailSentence *line = objector_mail_sentence_new (folded_line, none);
  gboolean found = FALSE;

  for (guint l = 0; !found && l < all_languages->len; l++)
    {
      GPtrArray *patterns = G_STRUCT_MEMBER (GPtrArray *, g_ptr_array_index (all_languages, l), offset);

      for (guint i = 0; !found && i < patterns->len; i++)
        {
          guint start, end;

          found = objector_mail_sentence_find (g_ptr_array_index (patterns, i), line, 0, &start, &end);
        }
    }
  objector_mail_sentence_free (line);
  return found;
}

typedef struct
{
  GString *main;    /* the answer: paragraphs end in "\n\n", wrapped lines are joined */
  GString *footer;
} Zones;

/* Meta's answers are short: a body is read for its kind up to this many
 * bytes, so a hostile mail megabytes long costs no more than a real answer. */
#define READ_BODY_MAX (64 * 1024)

/* The lines of the first READ_BODY_MAX bytes of @body (cut at a character),
 * found in one pass: g_strsplit() calls strstr() once a line, each of which
 * a checking allocator (AddressSanitizer) makes read to the end of the text. */
static GStrv
body_lines (const char *body)
{
  GPtrArray *lines = g_ptr_array_new ();
  gsize length = body != NULL ? strnlen (body, READ_BODY_MAX + 1) : 0;
  gsize start = 0;

  if (length > READ_BODY_MAX)
    {
      length = READ_BODY_MAX;
      while (length > 0 && ((guchar) body[length] & 0xc0) == 0x80)
        length--;
    }
  for (gsize i = 0; i <= length; i++)
    if (i == length || body[i] == '\n')
      {
        g_ptr_array_add (lines, g_strndup (body + start, i - start));
        start = i + 1;
      }
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}

static gboolean
ends_paragraph (GString *zone)
{
  return zone->len >= 2 && zone->str[zone->len - 1] == '\n' && zone->str[zone->len - 2] == '\n';
}

static void
split_zones (ObjectorMailMatcher *self,
             const char          *body,
             Zones               *zones)
{
  g_auto(GStrv) lines = body_lines (body);
  gboolean content = FALSE;
  gboolean in_footer = FALSE;

  zones->main = g_string_new (NULL);
  zones->footer = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *folded = NULL;
      GString *zone;

      if (*line == '>')
        continue;
      folded = objector_mail_fold_text (line);
      if (line_has_marker (folded, self->languages, G_STRUCT_OFFSET (ObjectorMailLanguageReader, quotes)))
        break;
      if (content && !in_footer
          && (g_str_equal (line, "--") || line_has_marker (folded, self->languages,
                                                           G_STRUCT_OFFSET (ObjectorMailLanguageReader, footers))))
        in_footer = TRUE;

      zone = in_footer ? zones->footer : zones->main;
      if (*line == '\0')
        {
          if (zone->len > 0 && !ends_paragraph (zone))
            g_string_append (zone, "\n\n");
          continue;
        }
      content = TRUE;
      g_string_append (zone, line);
      /* A short line (a greeting, a name, a link) stands alone; longer
       * ones may be a sentence wrapped over lines. */
      g_string_append (zone, g_utf8_strlen (line, -1) < SHORT_LINE ? "\n\n" : " ");
    }
}

/* The language */

static guint
count_markers (ObjectorMailLanguageReader   *language,
               GPtrArray  *words)
{
  guint n = 0;

  for (guint i = 0; i < words->len; i++)
    if (g_hash_table_contains (language->markers, g_ptr_array_index (words, i)))
      n++;
  return n;
}

/* The languages whose common words the text uses most (several on a tie,
 * every one when none shows). */
static GPtrArray *
detect_languages (ObjectorMailMatcher *self,
                  const char          *text)
{
  g_autofree char *folded = objector_mail_fold_text (text);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) words = objector_mail_split_words (folded, none);
  GPtrArray *best = g_ptr_array_new ();
  guint best_count = 0;

  for (guint i = 0; i < self->languages->len; i++)
    {
      ObjectorMailLanguageReader *language = g_ptr_array_index (self->languages, i);
      guint count = count_markers (language, words);

      if (count > best_count)
        {
          g_ptr_array_set_size (best, 0);
          best_count = count;
        }
      if (count == best_count && count > 0)
        g_ptr_array_add (best, language);
    }
  if (best->len == 0)
    for (guint i = 0; i < self->languages->len; i++)
      g_ptr_array_add (best, g_ptr_array_index (self->languages, i));
  return best;
}

/* Evidence */

typedef struct
{
  Rule     *rule;
  ObjectorMailPattern  *pattern;
  ObjectorMailSentence *sentence;
  guint     start;
  guint     end;
  gboolean  in_subject;
} Found;

static gboolean
disjoint (const Found *a,
          const Found *b)
{
  return a->sentence != b->sentence || a->end < b->start || b->end < a->start;
}

/* Another phrase found elsewhere holds the negation of word @w ("won't use"
 * in "we will honour your objection and won't use your posts"): it says
 * nothing of @found. */
static gboolean
held_elsewhere (GArray      *all,
                const Found *found,
                guint        w)
{
  for (guint i = 0; i < all->len; i++)
    {
      const Found *other = &g_array_index (all, Found, i);

      if (other != found && other->sentence == found->sentence
          && other->start <= w && w <= other->end && disjoint (other, found))
        return TRUE;
    }
  return FALSE;
}

typedef enum
{
  PLAIN,
  NEGATED,   /* its own clause negates it */
  DOUBTFUL,  /* a negation elsewhere in the sentence, or an "if" */
} Reading;

static Reading
read_found (GArray      *all,
            const Found *found)
{
  ObjectorMailSentence *s = found->sentence;
  guint first = g_array_index (s->clause, guint, found->start);
  guint last = g_array_index (s->clause, guint, found->end);
  gboolean doubtful = FALSE;

  for (guint c = first; c <= last; c++)
    doubtful |= g_array_index (s->conditional, gboolean, c);

  for (guint w = 0; w < s->words->len; w++)
    {
      guint clause = g_array_index (s->clause, guint, w);

      if (!s->negation[w] || held_elsewhere (all, found, w))
        continue;
      if (found->start <= w && w <= found->end)
        {
          if (objector_mail_pattern_says (found->pattern, g_ptr_array_index (s->words, w)))
            continue;
          return NEGATED;
        }
      if (clause >= first && clause <= last)
        return NEGATED;
      doubtful = TRUE;
    }
  return doubtful ? DOUBTFUL : PLAIN;
}

static gboolean
any_found (GPtrArray *patterns,
           GPtrArray *sentences)
{
  for (guint p = 0; p < patterns->len; p++)
    for (guint s = 0; s < sentences->len; s++)
      {
        guint start, end;

        if (objector_mail_sentence_find (g_ptr_array_index (patterns, p), g_ptr_array_index (sentences, s), 0, &start, &end))
          return TRUE;
      }
  return FALSE;
}

static gboolean
languages_find (GPtrArray *languages,
                gsize      offset,
                GPtrArray *sentences)
{
  for (guint l = 0; l < languages->len; l++)
    if (any_found (G_STRUCT_MEMBER (GPtrArray *, g_ptr_array_index (languages, l), offset), sentences))
      return TRUE;
  return FALSE;
}

static void
collect (GArray    *all,
         Rule      *rule,
         GPtrArray *patterns,
         GPtrArray *sentences,
         gboolean   in_subject)
{
  for (guint p = 0; p < patterns->len; p++)
    for (guint s = 0; s < sentences->len; s++)
      {
        Found found = { rule, g_ptr_array_index (patterns, p), g_ptr_array_index (sentences, s), 0, 0, in_subject };

        if (objector_mail_sentence_find (g_ptr_array_index (patterns, p), found.sentence, 0, &found.start, &found.end))
          g_array_append_val (all, found);
      }
}

static gboolean
sender_is (Rule       *rule,
           const char *from_address)
{
  g_autofree char *local = NULL;
  const char *at;

  if (from_address == NULL || (at = strchr (from_address, '@')) == NULL)
    return FALSE;
  local = g_ascii_strdown (from_address, at - from_address);
  for (guint i = 0; rule->senders != NULL && rule->senders[i] != NULL; i++)
    if (g_str_has_prefix (local, rule->senders[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_decision (ObjectorMailKind kind)
{
  return kind == OBJECTOR_MAIL_KIND_APPROVAL || kind == OBJECTOR_MAIL_KIND_REJECTION;
}

static ObjectorMailKind
decide (ObjectorMailReading *r,
        const gboolean      *in_body)
{
  gboolean ok[OBJECTOR_MAIL_KIND_UNRECOGNISED] = { FALSE };
  const ObjectorMailKind approval = OBJECTOR_MAIL_KIND_APPROVAL;
  const ObjectorMailKind rejection = OBJECTOR_MAIL_KIND_REJECTION;

  for (ObjectorMailKind k = 0; k < OBJECTOR_MAIL_KIND_OTHER; k++)
    ok[k] = r->topic && in_body[k] && r->score[k] >= THRESHOLD;

  /* A code without words about an objection only where nothing speaks of
   * Meta's other mail (a sign-in or password code). */
  ok[OBJECTOR_MAIL_KIND_CODE] = r->has_code && in_body[OBJECTOR_MAIL_KIND_CODE]
                                && r->score[OBJECTOR_MAIL_KIND_CODE] >= THRESHOLD
                                && (r->topic || r->score[OBJECTOR_MAIL_KIND_OTHER] == 0);

  /* Never an acceptance where anything speaks of refusal, nor the reverse. */
  ok[approval] = ok[approval] && r->doubt[approval] == 0 && r->score[rejection] < CONFLICT;
  ok[rejection] = ok[rejection] && r->doubt[rejection] == 0 && r->score[approval] < CONFLICT;

  if (ok[approval] || ok[rejection])
    {
      if (ok[approval] == ok[rejection] || ok[OBJECTOR_MAIL_KIND_EXTENSION] || ok[OBJECTOR_MAIL_KIND_CODE])
        return OBJECTOR_MAIL_KIND_UNRECOGNISED;
      return ok[approval] ? approval : rejection;
    }
  if (ok[OBJECTOR_MAIL_KIND_EXTENSION])
    return ok[OBJECTOR_MAIL_KIND_CODE] ? OBJECTOR_MAIL_KIND_UNRECOGNISED : OBJECTOR_MAIL_KIND_EXTENSION;
  if (ok[OBJECTOR_MAIL_KIND_CODE])
    return OBJECTOR_MAIL_KIND_CODE;
  if (ok[OBJECTOR_MAIL_KIND_RECEIPT])
    return OBJECTOR_MAIL_KIND_RECEIPT;
  if (!r->topic && r->score[OBJECTOR_MAIL_KIND_OTHER] >= OTHER_THRESHOLD)
    return OBJECTOR_MAIL_KIND_OTHER;
  return OBJECTOR_MAIL_KIND_UNRECOGNISED;
}

ObjectorMailKind
objector_mail_matcher_read (ObjectorMailMatcher *self,
                            const char          *subject,
                            const char          *body,
                            const char          *from_address,
                            ObjectorMailReading *reading)
{
  ObjectorMailReading local = { 0 };
  ObjectorMailReading *r = reading != NULL ? reading : &local;
  gboolean in_body[OBJECTOR_MAIL_KIND_UNRECOGNISED] = { FALSE };
  g_autoptr(GPtrArray) languages = NULL;
  g_autoptr(GPtrArray) main_sentences = NULL;
  g_autoptr(GPtrArray) footer_sentences = NULL;
  g_autoptr(GPtrArray) subject_sentences = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Found));
  g_autofree char *code = NULL;
  g_autofree char *sample = NULL;
  Zones zones;

  g_return_val_if_fail (self != NULL, OBJECTOR_MAIL_KIND_UNRECOGNISED);

  memset (r, 0, sizeof *r);
  split_zones (self, body, &zones);
  sample = g_strconcat (subject != NULL ? subject : "", "\n", zones.main->str, NULL);
  languages = detect_languages (self, sample);
  if (languages->len == 1)
    r->language = ((ObjectorMailLanguageReader *) g_ptr_array_index (languages, 0))->code;

  main_sentences = objector_mail_sentences_of (zones.main->str, languages);
  footer_sentences = objector_mail_sentences_of (zones.footer->str, languages);
  subject_sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_mail_sentence_free);
  if (subject != NULL)
    {
      g_autofree char *folded = objector_mail_fold_text (subject);
      ObjectorMailSentence *sentence = objector_mail_sentence_new (folded, languages);

      g_ptr_array_add (subject_sentences, sentence);
    }
  g_string_free (zones.main, TRUE);
  g_string_free (zones.footer, TRUE);

  code = objector_mail_find_code (subject, body);
  r->has_code = code != NULL;
  /* The six digits themselves back the word "code" up. */
  if (r->has_code)
    r->score[OBJECTOR_MAIL_KIND_CODE] += 1;
  r->topic = languages_find (self->languages, G_STRUCT_OFFSET (ObjectorMailLanguageReader, topic), subject_sentences)
             || languages_find (self->languages, G_STRUCT_OFFSET (ObjectorMailLanguageReader, topic), main_sentences);

  for (guint i = 0; i < self->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (self->rules, i);

      collect (all, rule, rule->subject, subject_sentences, TRUE);
      collect (all, rule, rule->body, main_sentences, FALSE);
      /* Footers say what Meta's other mail is ("unsubscribe"), never an answer. */
      if (rule->kind == OBJECTOR_MAIL_KIND_OTHER)
        collect (all, rule, rule->body, footer_sentences, FALSE);
      if (sender_is (rule, from_address))
        r->score[rule->kind] += 1;
    }

  for (guint i = 0; i < all->len; i++)
    {
      const Found *found = &g_array_index (all, Found, i);
      Rule *rule = found->rule;
      guint weight = found->in_subject ? 1 : rule->weight;
      ObjectorMailKind kind = rule->kind;

      switch (kind == OBJECTOR_MAIL_KIND_OTHER ? PLAIN : read_found (all, found))
        {
        case NEGATED:
          if (rule->negated == OBJECTOR_MAIL_KIND_UNRECOGNISED)
            {
              r->doubt[kind] += weight;
              continue;
            }
          kind = rule->negated;
          break;
        case DOUBTFUL:
          /* Only an acceptance or a refusal must be beyond doubt. */
          if (is_decision (kind))
            {
              r->doubt[kind] += weight;
              continue;
            }
          break;
        case PLAIN:
        default:
          break;
        }
      r->score[kind] += weight;
      in_body[kind] |= !found->in_subject;
    }

  /* "Unfortunately", "leider": regret speaks against an acceptance. */
  if (languages_find (languages, G_STRUCT_OFFSET (ObjectorMailLanguageReader, regret), subject_sentences)
      || languages_find (languages, G_STRUCT_OFFSET (ObjectorMailLanguageReader, regret), main_sentences))
    {
      r->score[OBJECTOR_MAIL_KIND_REJECTION] += 1;
      r->doubt[OBJECTOR_MAIL_KIND_APPROVAL] += 1;
    }

  r->kind = decide (r, in_body);
  return r->kind;
}

/* Codes and platforms */

char *
objector_mail_find_code (const char *subject,
                         const char *body)
{
  static GRegex *regex;
  const char *texts[] = { subject, body };

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("(?<![0-9])[0-9]{6}(?![0-9])", G_REGEX_OPTIMIZE, 0, NULL);

      g_assert (compiled != NULL);
      g_once_init_leave (&regex, compiled);
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (texts[i] != NULL && g_regex_match (regex, texts[i], 0, &match))
        return g_match_info_fetch (match, 0);
    }
  return NULL;
}

const char *
objector_mail_platform_of_domain (ObjectorPlaybook *playbook,
                                  const char       *domain)
{
  g_autofree char *skeleton = NULL;
  GListModel *paths = objector_playbook_get_paths (playbook);
  guint n = g_list_model_get_n_items (paths);

  if (domain == NULL)
    return NULL;
  skeleton = objector_lookalike_skeleton (domain, -1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
      const char *platform = objector_path_get_platform (path);
      g_autofree char *name = objector_lookalike_skeleton (platform, -1);

      if (!g_str_equal (platform, "none") && *name != '\0' && strstr (skeleton, name) != NULL)
        return g_intern_string (platform);
    }
  return NULL;
}

static guint
count_word (const char *text,
            const char *word)
{
  gsize n = strlen (word);
  guint count = 0;

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + n, word))
    count++;
  return count;
}

const char *
objector_mail_platform_of_text (ObjectorPlaybook *playbook,
                                const char       *folded)
{
  GListModel *paths = objector_playbook_get_paths (playbook);
  guint n = g_list_model_get_n_items (paths);
  const char *best = NULL;
  guint best_count = 0;
  gboolean tie = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ObjectorPath) path = g_list_model_get_item (paths, i);
      const char *platform = objector_path_get_platform (path);
      g_autofree char *name = NULL;
      guint count;

      if (g_str_equal (platform, "none") || (best != NULL && g_str_equal (best, platform)))
        continue;
      name = objector_mail_fold_text (platform);
      count = count_word (folded, name);
      if (count > best_count)
        {
          best = g_intern_string (platform);
          best_count = count;
          tie = FALSE;
        }
      else if (count > 0 && count == best_count)
        tie = TRUE;
    }
  return tie ? NULL : best;
}

gboolean
objector_mail_logged_since_submission (ObjectorObjection *objection,
                                       ObjectorMailKind   kind)
{
  GPtrArray *emails;
  GDateTime *submitted;

  g_return_val_if_fail (OBJECTOR_IS_OBJECTION (objection), FALSE);

  emails = objector_objection_get_emails (objection);
  submitted = objector_objection_get_submitted (objection);
  if (submitted == NULL)
    return FALSE;

  for (guint i = 0; i < emails->len; i++)
    {
      ObjectorEmailRecord *email = g_ptr_array_index (emails, i);
      GDateTime *time;

      if (g_strcmp0 (objector_email_record_get_kind_name (email), objector_mail_kind_to_string (kind)) != 0)
        continue;
      /* The email's own date, else when it was logged. */
      time = objector_email_record_get_date_text (email) != NULL
             ? objector_email_record_get_date (email) : objector_email_record_get_logged (email);
      if (time != NULL && g_date_time_compare (time, submitted) >= 0)
        return TRUE;
    }
  return FALSE;
}

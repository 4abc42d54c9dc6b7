/* objector-mail-words.c — the words of an email, as the mail rules see them
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-mail-words.h"

/* Compiled phrases */

void
objector_mail_pattern_free (ObjectorMailPattern *pattern)
{
  for (guint i = 0; i < pattern->n_items; i++)
    g_free (pattern->items[i].word);
  g_free (pattern->items);
  g_free (pattern);
}

static void
language_free (ObjectorMailLanguageReader *language)
{
  g_free (language->code);
  g_hash_table_unref (language->markers);
  g_strfreev (language->contractions);
  g_hash_table_unref (language->breaks);
  g_hash_table_unref (language->conditionals);
  g_ptr_array_unref (language->negations);
  g_ptr_array_unref (language->regret);
  g_ptr_array_unref (language->topic);
  g_ptr_array_unref (language->quotes);
  g_ptr_array_unref (language->footers);
  g_free (language);
}

/* Folding */

char *
objector_mail_fold_text (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *normal = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  normal = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (normal));
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xa0 || c == 0x202f)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }
      switch (c)
        {
        case 0x2018: case 0x2019: case 0x201b: case 0x02bc: case 0x00b4: case 0x0060:
          g_string_append_c (out, '\'');
          break;
        case 0x201c: case 0x201d: case 0x201e: case 0x00ab: case 0x00bb:
          g_string_append_c (out, '"');
          break;
        case 0x00ad: case 0x200b: case 0x200c: case 0x200d:
          break;
        default:
          g_string_append_unichar (out, c);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* Words */

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Expands the contractions of @languages in a word that holds an
 * apostrophe: an exact entry first ("won't"), then one that starts the word
 * ("n'" of "n'utiliserons"), then one that ends it ("n't" of "don't"). */
static char *
expand_contraction (const char *word,
                    GPtrArray  *languages)
{
  gsize n = strlen (word);

  for (guint pass = 0; pass < 3; pass++)
    for (guint l = 0; languages != NULL && l < languages->len; l++)
      {
        char **pairs = ((ObjectorMailLanguageReader *) g_ptr_array_index (languages, l))->contractions;

        for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
          {
            const char *from = pairs[i];
            gsize m = strlen (from);
            gboolean leading = m > 0 && from[m - 1] == '\'';

            if (pass == 0 && g_str_equal (word, from))
              return g_strdup (pairs[i + 1]);
            if (pass == 1 && leading && n > m && strncmp (word, from, m) == 0)
              return g_strconcat (pairs[i + 1], word + m, NULL);
            if (pass == 2 && !leading && n > m && strcmp (word + n - m, from) == 0)
              {
                g_autofree char *stem = g_strndup (word, n - m);

                return g_strconcat (stem, pairs[i + 1], NULL);
              }
          }
      }
  return NULL;
}

/* Adds the words of @raw (one word that may hold apostrophes) to @words. */
static void
add_word (GPtrArray  *words,
          const char *raw,
          GPtrArray  *languages)
{
  g_autofree char *expanded = NULL;
  g_auto(GStrv) parts = NULL;

  if (strchr (raw, '\'') != NULL)
    expanded = expand_contraction (raw, languages);
  parts = g_strsplit_set (expanded != NULL ? expanded : raw, " '", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
}

/* The words of a folded text, with OBJECTOR_MAIL_COMMA where one stood. Apostrophes
 * inside a word are kept for add_word(); every other sign separates. */
GPtrArray *
objector_mail_split_words (const char *folded,
             GPtrArray  *languages)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (is_word_char (c) || (c == '\'' && word->len > 0)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          add_word (words, word->str, languages);
          g_string_truncate (word, 0);
        }
      if (c == ',' && words->len > 0)
        g_ptr_array_add (words, g_strdup (OBJECTOR_MAIL_COMMA));
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return words;
}

/* "honour* … objection" → honour (prefix), gap, objection. */
static ObjectorMailPattern *
compile (const char *phrase,
         GPtrArray  *languages)
{
  g_autofree char *folded = objector_mail_fold_text (phrase);
  g_auto(GStrv) chunks = g_strsplit (folded, " ", -1);
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (ObjectorMailItem));
  ObjectorMailPattern *pattern = g_new0 (ObjectorMailPattern, 1);

  for (guint c = 0; chunks[c] != NULL; c++)
    {
      const char *chunk = chunks[c];
      gboolean prefix = g_str_has_suffix (chunk, "*");
      g_autofree char *bare = prefix ? g_strndup (chunk, strlen (chunk) - 1) : g_strdup (chunk);
      g_autoptr(GPtrArray) words = NULL;

      if (g_str_equal (chunk, "…") || g_str_equal (chunk, "..."))
        {
          ObjectorMailItem gap = { NULL, FALSE };

          if (items->len > 0 && g_array_index (items, ObjectorMailItem, items->len - 1).word != NULL)
            g_array_append_val (items, gap);
          continue;
        }
      words = objector_mail_split_words (bare, languages);
      for (guint w = 0; w < words->len; w++)
        {
          ObjectorMailItem item = { g_strdup (g_ptr_array_index (words, w)), prefix && w + 1 == words->len };

          if (!g_str_equal (item.word, OBJECTOR_MAIL_COMMA))
            g_array_append_val (items, item);
          else
            g_free (item.word);
        }
    }
  /* A gap at the end finds nothing more. */
  if (items->len > 0 && g_array_index (items, ObjectorMailItem, items->len - 1).word == NULL)
    g_array_set_size (items, items->len - 1);

  pattern->n_items = items->len;
  pattern->items = (ObjectorMailItem *) g_array_free (g_steal_pointer (&items), FALSE);
  return pattern;
}

static GPtrArray *
compile_all (char       **phrases,
             GPtrArray   *languages)
{
  GPtrArray *patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_mail_pattern_free);

  for (guint i = 0; phrases != NULL && phrases[i] != NULL; i++)
    {
      ObjectorMailPattern *pattern = compile (phrases[i], languages);

      if (pattern->n_items > 0)
        g_ptr_array_add (patterns, pattern);
      else
        objector_mail_pattern_free (pattern);
    }
  return patterns;
}

static GHashTable *
word_set (char **words)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    g_hash_table_add (set, objector_mail_fold_text (words[i]));
  return set;
}

/* The languages by their code, for compiling each phrase with its own. */
static GPtrArray *
languages_named (GPtrArray  *all,
                 const char *code)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (((ObjectorMailLanguageReader *) g_ptr_array_index (all, i))->code, code) == 0)
      g_ptr_array_add (found, g_ptr_array_index (all, i));
  return found;
}

GPtrArray *
objector_mail_patterns_compile (char      **phrases,
                      char      **codes,
                      GPtrArray  *languages)
{
  GPtrArray *patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_mail_pattern_free);

  for (guint i = 0; phrases != NULL && phrases[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) own = languages_named (languages, codes != NULL ? codes[i] : NULL);
      ObjectorMailPattern *pattern = compile (phrases[i], own);

      if (pattern->n_items > 0)
        g_ptr_array_add (patterns, pattern);
      else
        objector_mail_pattern_free (pattern);
    }
  return patterns;
}

/* Sentences */

void
objector_mail_sentence_free (ObjectorMailSentence *sentence)
{
  g_ptr_array_unref (sentence->words);
  g_array_unref (sentence->clause);
  g_array_unref (sentence->conditional);
  g_free (sentence->negation);
  g_free (sentence);
}

static gboolean
in_sets (GPtrArray  *languages,
         gsize       offset,
         const char *word)
{
  for (guint i = 0; i < languages->len; i++)
    {
      GHashTable *set = G_STRUCT_MEMBER (GHashTable *, g_ptr_array_index (languages, i), offset);

      if (g_hash_table_contains (set, word))
        return TRUE;
    }
  return FALSE;
}

/* The words of @words after position @at that @pattern matches from there,
 * gaps included: the index past the match, or -1. */
static int
match_at (ObjectorMailPattern   *pattern,
          guint      item,
          GPtrArray *words,
          guint      at)
{
  const ObjectorMailItem *it;

  if (item == pattern->n_items)
    return (int) at;
  it = &pattern->items[item];
  if (it->word == NULL)
    {
      for (guint skip = 0; skip <= OBJECTOR_MAIL_MAX_GAP && at + skip <= words->len; skip++)
        {
          int end = match_at (pattern, item + 1, words, at + skip);

          if (end >= 0)
            return end;
        }
      return -1;
    }
  if (at >= words->len)
    return -1;
  if (it->prefix ? !g_str_has_prefix (g_ptr_array_index (words, at), it->word)
                 : !g_str_equal (g_ptr_array_index (words, at), it->word))
    return -1;
  return match_at (pattern, item + 1, words, at + 1);
}

/* The first place @pattern matches in @sentence, from @from on. */
gboolean
objector_mail_sentence_find (ObjectorMailPattern  *pattern,
      ObjectorMailSentence *sentence,
      guint     from,
      guint    *start,
      guint    *end)
{
  for (guint i = from; i < sentence->words->len; i++)
    {
      int e = match_at (pattern, 0, sentence->words, i);

      if (e > (int) i)
        {
          *start = i;
          *end = (guint) e - 1;
          return TRUE;
        }
    }
  return FALSE;
}

ObjectorMailSentence *
objector_mail_sentence_new (const char *folded,
               GPtrArray  *languages)
{
  g_autoptr(GPtrArray) raw = objector_mail_split_words (folded, languages);
  ObjectorMailSentence *sentence = g_new0 (ObjectorMailSentence, 1);
  guint clause = 0;
  gboolean conditional = FALSE;

  sentence->words = g_ptr_array_new_with_free_func (g_free);
  sentence->clause = g_array_new (FALSE, FALSE, sizeof (guint));
  sentence->conditional = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_array_append_val (sentence->conditional, conditional);

  for (guint i = 0; i < raw->len; i++)
    {
      const char *word = g_ptr_array_index (raw, i);
      gboolean opens = g_str_equal (word, OBJECTOR_MAIL_COMMA)
                       || in_sets (languages, G_STRUCT_OFFSET (ObjectorMailLanguageReader, breaks), word)
                       || in_sets (languages, G_STRUCT_OFFSET (ObjectorMailLanguageReader, conditionals), word);
      gboolean starts_empty = sentence->words->len == 0
                              || g_array_index (sentence->clause, guint, sentence->clause->len - 1) != clause;

      if (opens && !starts_empty)
        {
          /* "whether it is approved or rejected": a clause joined by a word
           * stays conditional; a comma ends the condition ("if this was you,
           * you need not do anything"). */
          if (g_str_equal (word, OBJECTOR_MAIL_COMMA))
            conditional = FALSE;
          clause++;
          g_array_append_val (sentence->conditional, conditional);
        }
      if (g_str_equal (word, OBJECTOR_MAIL_COMMA))
        continue;
      if (in_sets (languages, G_STRUCT_OFFSET (ObjectorMailLanguageReader, conditionals), word))
        conditional = g_array_index (sentence->conditional, gboolean, clause) = TRUE;
      g_ptr_array_add (sentence->words, g_strdup (word));
      g_array_append_val (sentence->clause, clause);
    }

  sentence->negation = g_new0 (guint8, sentence->words->len + 1);
  for (guint l = 0; l < languages->len; l++)
    {
      GPtrArray *negations = ((ObjectorMailLanguageReader *) g_ptr_array_index (languages, l))->negations;

      for (guint n = 0; n < negations->len; n++)
        {
          guint start, end, from = 0;

          while (objector_mail_sentence_find (g_ptr_array_index (negations, n), sentence, from, &start, &end))
            {
              for (guint w = start; w <= end; w++)
                sentence->negation[w] = 1;
              from = start + 1;
            }
        }
    }
  return sentence;
}

/* Cuts a folded paragraph into sentences at . ! ? ; : and …, where a space
 * or the end follows (not in "www.facebook.com" or "12:30"). */
static void
add_sentences (GPtrArray  *sentences,
               const char *folded,
               GPtrArray  *languages)
{
  const char *start = folded;

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0;

      if (!end && (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == 0x2026))
        {
          gunichar next = g_utf8_get_char (g_utf8_next_char (p));

          end = next == 0 || next == ' ';
        }
      if (end)
        {
          g_autofree char *piece = g_strndup (start, p - start);
          ObjectorMailSentence *sentence = objector_mail_sentence_new (piece, languages);

          if (sentence->words->len > 0)
            g_ptr_array_add (sentences, sentence);
          else
            objector_mail_sentence_free (sentence);
          if (c == 0)
            break;
          start = g_utf8_next_char (p);
        }
    }
}

GPtrArray *
objector_mail_sentences_of (const char *text,
              GPtrArray  *languages)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) objector_mail_sentence_free);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *folded = objector_mail_fold_text (paragraphs[i]);

      if (*folded != '\0')
        add_sentences (sentences, folded, languages);
    }
  return sentences;
}

GPtrArray *
objector_mail_languages_compile (ObjectorPlaybook *playbook)
{
  GPtrArray *languages = objector_playbook_get_mail_languages (playbook);
  GPtrArray *compiled = g_ptr_array_new_with_free_func ((GDestroyNotify) language_free);

  /* Contractions first: every other list is compiled with them. */
  for (guint i = 0; i < languages->len; i++)
    {
      ObjectorMailLanguage *source = g_ptr_array_index (languages, i);
      ObjectorMailLanguageReader *language = g_new0 (ObjectorMailLanguageReader, 1);

      language->code = g_strdup (source->code);
      language->contractions = g_new0 (char *, g_strv_length (source->contractions) + 1);
      /* The expansions keep their spaces: "n'" → "ne " makes two words. */
      for (guint c = 0; source->contractions[c] != NULL; c++)
        {
          g_autofree char *casefolded = g_utf8_casefold (source->contractions[c], -1);

          language->contractions[c] = c % 2 == 0 ? objector_mail_fold_text (source->contractions[c])
                                                 : g_utf8_normalize (casefolded, -1, G_NORMALIZE_NFKC);
        }
      g_ptr_array_add (compiled, language);
    }
  for (guint i = 0; i < languages->len; i++)
    {
      ObjectorMailLanguage *source = g_ptr_array_index (languages, i);
      ObjectorMailLanguageReader *language = g_ptr_array_index (compiled, i);
      g_autoptr(GPtrArray) own = languages_named (compiled, source->code);

      language->markers = word_set (source->markers);
      language->breaks = word_set (source->breaks);
      language->conditionals = word_set (source->conditionals);
      language->negations = compile_all (source->negations, own);
      language->regret = compile_all (source->regret, own);
      language->topic = compile_all (source->topic, own);
      language->quotes = compile_all (source->quotes, NULL);
      language->footers = compile_all (source->footers, NULL);
    }

  return compiled;
}

/* The phrase itself says "not" ("we will not use your … information"):
 * that word is part of what it means, not a negation of it. A negation in
 * the gap ("Widerspruch nicht nachkommen") is one. */
gboolean
objector_mail_pattern_says (const ObjectorMailPattern *pattern,
              const char    *word)
{
  for (guint i = 0; i < pattern->n_items; i++)
    {
      const ObjectorMailItem *item = &pattern->items[i];

      if (item->word != NULL
          && (item->prefix ? g_str_has_prefix (word, item->word) : g_str_equal (word, item->word)))
        return TRUE;
    }
  return FALSE;
}


/* objector-redact.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-redact.h"

/* How it works: the text is folded into a canonical form, keeping for each
 * byte of it the stretch of the original it came from. Folding undoes every
 * way of writing an address listed in the header: "%40" and "&#64;" become
 * "@", "＠" becomes "@" (NFKC), letters fold to lower case, invisible
 * characters and quotes go, and " at ", "[at]", "(dot)", " . " become "@"
 * and ".". The addresses are folded the same way, then found around each
 * "@" of the folded text (so a long text with many addresses stays fast);
 * what they cover is replaced in the original. Where two addresses match at
 * one place (one ends the other), the longer wins, so that no part of it is
 * left. */

typedef struct
{
  gsize start;  /* in the original, bytes */
  gsize end;
} Span;

typedef struct
{
  GString *text;   /* folded */
  GArray  *spans;  /* of Span, one per byte of text */
} Folded;

typedef struct
{
  char  *local;   /* folded, before the "@" */
  char  *domain;  /* folded, after it */
  gsize  local_len;
  gsize  domain_len;
  char  *label;   /* the domain's first label, for a quick look */
} Address;

struct _ObjectorRedactor
{
  GArray *addresses;  /* of Address */
  char   *replacement;
};

static void
folded_init (Folded *folded,
             gsize   size)
{
  folded->text = g_string_sized_new (size);
  folded->spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), size);
}

static void
folded_clear (Folded *folded)
{
  if (folded->text != NULL)
    g_string_free (folded->text, TRUE);
  g_clear_pointer (&folded->spans, g_array_unref);
  folded->text = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Folded, folded_clear)

static void
folded_append (Folded     *folded,
               const char *bytes,
               gsize       length,
               gsize       start,
               gsize       end)
{
  Span span = { start, end };

  g_string_append_len (folded->text, bytes, length);
  for (gsize i = 0; i < length; i++)
    g_array_append_val (folded->spans, span);
}

/* Characters */

static gboolean
is_quote (gunichar c)
{
  /* ASCII and fullwidth (which NFKC folds to ASCII) quotes, and the curly
   * ones a mail program or a word processor puts in their place. */
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F
         || c == 0x00AB || c == 0x00BB;
}

/* Appends @c folded: lower case, NFKC, invisible characters dropped. */
static void
fold_char (Folded   *folded,
           gunichar  c,
           gsize     start,
           gsize     end)
{
  g_autofree char *normal = NULL;
  g_autofree char *lower = NULL;
  char buffer[8];
  int length;

  if (c < 0x80)
    {
      char b = g_ascii_tolower ((char) c);

      folded_append (folded, &b, 1, start, end);
      return;
    }

  /* Full stops NFKC keeps apart from ".", and quotes (dropped later). */
  if (c == 0x3002 || c == 0xFF61 || c == 0xFE52)
    {
      folded_append (folded, ".", 1, start, end);
      return;
    }
  if (is_quote (c))
    {
      folded_append (folded, "\"", 1, start, end);
      return;
    }

  /* Zero-width spaces and joiners, soft hyphens, direction marks: nothing
   * a reader sees, so nothing that may split an address. */
  if (g_unichar_type (c) == G_UNICODE_FORMAT)
    return;

  length = g_unichar_to_utf8 (c, buffer);
  normal = g_utf8_normalize (buffer, length, G_NORMALIZE_NFKC);
  if (normal == NULL)
    return;
  lower = g_utf8_casefold (normal, -1);
  folded_append (folded, lower, strlen (lower), start, end);
}

/* "&#64;", "&#x40;", "&commat;", …: its length, with the character in @c; 0
 * when @p starts none. */
static gsize
decode_reference (const char *p,
                  gunichar   *c)
{
  static const struct {
    const char *name;
    gunichar    c;
  } named[] = {
    { "&commat;", '@' },
    { "&period;", '.' },
    { "&quot;", '"' },
    { "&nbsp;", ' ' },
  };
  guint64 value = 0;
  const char *q;
  gboolean hex;

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_ascii_strncasecmp (p, named[i].name, strlen (named[i].name)) == 0)
      {
        *c = named[i].c;
        return strlen (named[i].name);
      }

  if (p[1] != '#')
    return 0;

  hex = p[2] == 'x' || p[2] == 'X';
  q = p + (hex ? 3 : 2);
  for (guint n = 0; n < 8; n++, q++)
    {
      int digit = hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q);

      if (digit < 0)
        break;
      value = value * (hex ? 16 : 10) + digit;
    }

  if (*q != ';' || q == p + (hex ? 3 : 2) || value == 0 || value > 0x10FFFF
      || !g_unichar_validate ((gunichar) value))
    return 0;

  *c = (gunichar) value;
  return q + 1 - p;
}

/* The first pass, character by character. @text is valid UTF-8. */
static void
fold_characters (const char *text,
                 Folded     *folded)
{
  const char *p = text;

  while (*p != '\0')
    {
      gsize start = p - text;
      gunichar c;
      gsize used;

      /* "%40": an address inside a link. */
      if (*p == '%' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          int byte = g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2]);

          if (byte >= 0x20 && byte < 0x7F)
            {
              fold_char (folded, byte, start, start + 3);
              p += 3;
              continue;
            }
        }

      if (*p == '&' && (used = decode_reference (p, &c)) > 0)
        {
          fold_char (folded, c, start, start + used);
          p += used;
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      fold_char (folded, c, start, p - text);
    }
}

/* The second pass: the ways of spelling out "@" and "." */

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static gsize
skip_space (const char *s,
            gsize       length,
            gsize       k)
{
  while (k < length && is_space (s[k]))
    k++;
  return k;
}

/* "at" or "@" (for @separator '@'), "dot" or "." (for '.') at @k: its length. */
static gsize
match_word (const char *s,
            gsize       length,
            gsize       k,
            char        separator)
{
  const char *word = separator == '@' ? "at" : "dot";
  gsize n = strlen (word);

  if (k < length && s[k] == separator)
    return 1;
  if (k + n <= length && memcmp (s + k, word, n) == 0)
    return n;
  return 0;
}

/* A spelled-out @separator starting at @j, spaces before and after it
 * included: "[at]", "(dot)", "_at_", " at ", " @ ", " . ". Returns where it
 * ends, or @j when there is none. @space_end is where the spaces from @j end. */
static gsize
match_separator (const char *s,
                 gsize       length,
                 gsize       j,
                 char        separator,
                 gsize      *space_end)
{
  static const char opening[] = "[({<";
  static const char closing[] = "])}>";
  gsize k = skip_space (s, length, j);
  gsize m, n;
  const char *bracket;

  *space_end = k;
  if (k >= length)
    return j;

  /* "[at]", "( at )", "{dot}", "<.>" */
  if ((bracket = strchr (opening, s[k])) != NULL && s[k] != '\0')
    {
      m = skip_space (s, length, k + 1);
      if ((n = match_word (s, length, m, separator)) > 0)
        {
          m = skip_space (s, length, m + n);
          if (m < length && s[m] == closing[bracket - opening])
            return skip_space (s, length, m + 1);
        }
      return j;
    }

  /* "_at_", "-dot-" */
  if (s[k] == '_' || s[k] == '-')
    {
      n = match_word (s, length, k + 1, separator);
      if (n > 1 && k + 1 + n < length && s[k + 1 + n] == s[k])
        return skip_space (s, length, k + 2 + n);
      return j;
    }

  /* "@" and ".", with any spaces around them */
  if (s[k] == separator)
    return skip_space (s, length, k + 1);

  /* " at ", " dot ": a word of its own, spaces on both sides */
  n = match_word (s, length, k, separator);
  if (n > 1 && k > j && k + n < length && is_space (s[k + n]))
    return skip_space (s, length, k + n);

  return j;
}

static void
fold_separators (const Folded *in,
                 Folded       *out)
{
  const char *s = in->text->str;
  gsize length = in->text->len;
  gsize j = 0;

  while (j < length)
    {
      const Span *spans = (const Span *) (gpointer) in->spans->data;
      const char separators[] = { '@', '.' };
      gsize space_end = j;
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (separators) && !found; i++)
        {
          gsize end = match_separator (s, length, j, separators[i], &space_end);

          if (end > j)
            {
              folded_append (out, &separators[i], 1, spans[j].start, spans[end - 1].end);
              j = end;
              found = TRUE;
            }
        }
      if (found)
        continue;

      /* Nothing here: the spaces, and the byte after them, as they are
       * (each tried once, so that long runs of spaces stay linear). */
      for (gsize k = j; k <= space_end && k < length; k++)
        if (s[k] != '"')
          folded_append (out, s + k, 1, spans[k].start, spans[k].end);
      j = space_end + 1;
    }
}

static void
fold (const char *text,
      Folded     *out)
{
  g_auto(Folded) characters = { 0 };
  gsize length = strlen (text);

  folded_init (&characters, length);
  fold_characters (text, &characters);
  folded_init (out, characters.text->len);
  fold_separators (&characters, out);
}

/* The redactor */

static void
address_clear (gpointer data)
{
  Address *address = data;

  g_free (address->local);
  g_free (address->domain);
  g_free (address->label);
}

static void
add_address (ObjectorRedactor *self,
             const char       *text)
{
  g_auto(Folded) folded = { 0 };
  const char *at;
  Address address;

  fold (text, &folded);
  at = strrchr (folded.text->str, '@');

  /* Without an "@" (a damaged record), nothing can be found by it. */
  if (at == NULL || at == folded.text->str || at[1] == '\0')
    return;

  address.local = g_strndup (folded.text->str, at - folded.text->str);
  address.domain = g_strdup (at + 1);
  address.local_len = strlen (address.local);
  address.domain_len = strlen (address.domain);
  address.label = g_strndup (address.domain, strcspn (address.domain, "."));

  for (guint i = 0; i < self->addresses->len; i++)
    {
      Address *known = &g_array_index (self->addresses, Address, i);

      if (g_str_equal (known->local, address.local) && g_str_equal (known->domain, address.domain))
        {
          address_clear (&address);
          return;
        }
    }
  g_array_append_val (self->addresses, address);
}

ObjectorRedactor *
objector_redactor_new (const char * const *addresses,
                       const char         *replacement)
{
  ObjectorRedactor *self = g_new0 (ObjectorRedactor, 1);

  g_return_val_if_fail (replacement != NULL, NULL);

  self->replacement = g_strdup (replacement);
  self->addresses = g_array_new (FALSE, FALSE, sizeof (Address));
  g_array_set_clear_func (self->addresses, address_clear);

  for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++)
    {
      g_autofree char *valid = g_utf8_make_valid (addresses[i], -1);
      const char *at = strrchr (valid, '@');
      g_autofree char *ascii = NULL;
      g_autofree char *unicode = NULL;

      add_address (self, valid);
      if (at == NULL)
        continue;

      /* The domain as the other form writes it: "xn--exmple-cua.org" for
       * "exämple.org" and the other way round. */
      ascii = g_hostname_to_ascii (at + 1);
      unicode = g_hostname_to_unicode (at + 1);
      if (ascii != NULL)
        {
          g_autofree char *other = g_strdup_printf ("%.*s@%s", (int) (at - valid), valid, ascii);
          add_address (self, other);
        }
      if (unicode != NULL)
        {
          g_autofree char *other = g_strdup_printf ("%.*s@%s", (int) (at - valid), valid, unicode);
          add_address (self, other);
        }
    }

  return self;
}

void
objector_redactor_free (ObjectorRedactor *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->addresses, g_array_unref);
  g_free (self->replacement);
  g_free (self);
}

/* Plain ASCII without "%" or "&" that holds no address's first domain label
 * cannot hold an address: most texts are done with at once. */
static gboolean
may_hold_address (ObjectorRedactor *self,
                  const char       *text)
{
  g_autofree char *lower = NULL;

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80 || *p == '%' || *p == '&')
      return TRUE;

  lower = g_ascii_strdown (text, -1);
  for (guint i = 0; i < self->addresses->len; i++)
    if (strstr (lower, g_array_index (self->addresses, Address, i).label) != NULL)
      return TRUE;
  return FALSE;
}

/* The length (in the folded text) of the longest address whose "@" is at
 * @at, not reaching back before @floor; 0 for none. */
static gsize
match_address (ObjectorRedactor *self,
               const char       *floor,
               const char       *at,
               gsize            *local_len)
{
  gsize best = 0;

  for (guint i = 0; i < self->addresses->len; i++)
    {
      Address *address = &g_array_index (self->addresses, Address, i);

      if ((gsize) (at - floor) < address->local_len
          || memcmp (at - address->local_len, address->local, address->local_len) != 0
          || strncmp (at + 1, address->domain, address->domain_len) != 0)
        continue;

      if (address->local_len + address->domain_len > best)
        {
          best = address->local_len + address->domain_len;
          *local_len = address->local_len;
        }
    }

  return best;
}

/* A quote just before @start opens a quoted local part when the address
 * holds its closing quote: it goes with it. */
static gsize
take_opening_quote (const char *text,
                    gsize       start,
                    gsize       end)
{
  const char *before;
  guint quotes = 0;

  if (start == 0)
    return start;

  before = g_utf8_find_prev_char (text, text + start);
  if (before == NULL || !is_quote (g_utf8_get_char (before)))
    return start;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if (is_quote (g_utf8_get_char (p)))
      quotes++;

  return quotes % 2 == 1 ? (gsize) (before - text) : start;
}

char *
objector_redactor_apply (ObjectorRedactor *self,
                         const char       *text)
{
  g_autofree char *valid = NULL;
  g_auto(Folded) folded = { 0 };
  g_autoptr(GString) out = NULL;
  const char *f;
  const Span *spans;
  gsize floor = 0;
  gsize copied = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  if (self->addresses->len == 0 || !may_hold_address (self, valid))
    return g_steal_pointer (&valid);

  fold (valid, &folded);
  f = folded.text->str;
  spans = (const Span *) (gpointer) folded.spans->data;
  out = g_string_sized_new (strlen (valid));

  for (const char *at = strchr (f, '@'); at != NULL; at = strchr (at + 1, '@'))
    {
      gsize local_len = 0;
      gsize length = match_address (self, f + floor, at, &local_len);
      gsize first, last, start, end;

      if (length == 0)
        continue;

      first = (at - f) - local_len;
      last = (at - f) + (length - local_len);  /* the domain's last byte */
      start = take_opening_quote (valid, spans[first].start, spans[last].end);
      end = spans[last].end;

      g_string_append_len (out, valid + copied, start - copied);
      g_string_append (out, self->replacement);
      copied = end;
      floor = last + 1;
      at = f + last;
    }
  g_string_append (out, valid + copied);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

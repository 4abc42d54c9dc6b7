/* objector-mail-text.c — HTML to text, links, and look-alike names
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-mail-private.h"

/* HTML */

typedef struct
{
  const char *name;
  gunichar    c;
} Entity;

/* The entities mail programs write; the Latin-1 range in full, since
 * older HTML mail spells accented letters that way. */
static const Entity entities[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
  { "nbsp", 0xa0 }, { "iexcl", 0xa1 }, { "cent", 0xa2 }, { "pound", 0xa3 }, { "curren", 0xa4 },
  { "yen", 0xa5 }, { "brvbar", 0xa6 }, { "sect", 0xa7 }, { "uml", 0xa8 }, { "copy", 0xa9 },
  { "ordf", 0xaa }, { "laquo", 0xab }, { "not", 0xac }, { "shy", 0xad }, { "reg", 0xae },
  { "macr", 0xaf }, { "deg", 0xb0 }, { "plusmn", 0xb1 }, { "sup2", 0xb2 }, { "sup3", 0xb3 },
  { "acute", 0xb4 }, { "micro", 0xb5 }, { "para", 0xb6 }, { "middot", 0xb7 }, { "cedil", 0xb8 },
  { "sup1", 0xb9 }, { "ordm", 0xba }, { "raquo", 0xbb }, { "frac14", 0xbc }, { "frac12", 0xbd },
  { "frac34", 0xbe }, { "iquest", 0xbf }, { "Agrave", 0xc0 }, { "Aacute", 0xc1 }, { "Acirc", 0xc2 },
  { "Atilde", 0xc3 }, { "Auml", 0xc4 }, { "Aring", 0xc5 }, { "AElig", 0xc6 }, { "Ccedil", 0xc7 },
  { "Egrave", 0xc8 }, { "Eacute", 0xc9 }, { "Ecirc", 0xca }, { "Euml", 0xcb }, { "Igrave", 0xcc },
  { "Iacute", 0xcd }, { "Icirc", 0xce }, { "Iuml", 0xcf }, { "ETH", 0xd0 }, { "Ntilde", 0xd1 },
  { "Ograve", 0xd2 }, { "Oacute", 0xd3 }, { "Ocirc", 0xd4 }, { "Otilde", 0xd5 }, { "Ouml", 0xd6 },
  { "times", 0xd7 }, { "Oslash", 0xd8 }, { "Ugrave", 0xd9 }, { "Uacute", 0xda }, { "Ucirc", 0xdb },
  { "Uuml", 0xdc }, { "Yacute", 0xdd }, { "THORN", 0xde }, { "szlig", 0xdf }, { "agrave", 0xe0 },
  { "aacute", 0xe1 }, { "acirc", 0xe2 }, { "atilde", 0xe3 }, { "auml", 0xe4 }, { "aring", 0xe5 },
  { "aelig", 0xe6 }, { "ccedil", 0xe7 }, { "egrave", 0xe8 }, { "eacute", 0xe9 }, { "ecirc", 0xea },
  { "euml", 0xeb }, { "igrave", 0xec }, { "iacute", 0xed }, { "icirc", 0xee }, { "iuml", 0xef },
  { "eth", 0xf0 }, { "ntilde", 0xf1 }, { "ograve", 0xf2 }, { "oacute", 0xf3 }, { "ocirc", 0xf4 },
  { "otilde", 0xf5 }, { "ouml", 0xf6 }, { "divide", 0xf7 }, { "oslash", 0xf8 }, { "ugrave", 0xf9 },
  { "uacute", 0xfa }, { "ucirc", 0xfb }, { "uuml", 0xfc }, { "yacute", 0xfd }, { "thorn", 0xfe },
  { "yuml", 0xff }, { "OElig", 0x152 }, { "oelig", 0x153 }, { "Scaron", 0x160 }, { "scaron", 0x161 },
  { "Zcaron", 0x17d }, { "zcaron", 0x17e }, { "Yuml", 0x178 }, { "ndash", 0x2013 },
  { "mdash", 0x2014 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "sbquo", 0x201a },
  { "ldquo", 0x201c }, { "rdquo", 0x201d }, { "bdquo", 0x201e }, { "bull", 0x2022 },
  { "hellip", 0x2026 }, { "lsaquo", 0x2039 }, { "rsaquo", 0x203a }, { "euro", 0x20ac },
  { "trade", 0x2122 }, { "zwnj", 0x200c }, { "zwj", 0x200d }, { "lrm", 0x200e }, { "rlm", 0x200f },
};

/* Decodes the entity at @p (just after '&'); returns where it ends, or
 * NULL when it is not one (the '&' is then text). */
static const char *
decode_entity (const char *p,
               const char *end,
               gunichar   *c)
{
  char name[12];
  gsize n = 0;

  if (p < end && *p == '#')
    {
      guint64 value = 0;
      gboolean hex = FALSE;
      const char *q = p + 1;
      gsize digits = 0;

      if (q < end && (*q == 'x' || *q == 'X'))
        {
          hex = TRUE;
          q++;
        }
      for (; q < end && digits < 8; q++, digits++)
        {
          if (hex && g_ascii_isxdigit (*q))
            value = value * 16 + g_ascii_xdigit_value (*q);
          else if (!hex && g_ascii_isdigit (*q))
            value = value * 10 + g_ascii_digit_value (*q);
          else
            break;
        }
      if (digits == 0)
        return NULL;
      while (q < end && g_ascii_isxdigit (*q))
        q++;
      if (q < end && *q == ';')
        q++;
      *c = (value == 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
           ? 0xfffd : (gunichar) value;
      return q;
    }

  while (p + n < end && n < sizeof name - 1 && g_ascii_isalnum (p[n]))
    {
      name[n] = p[n];
      n++;
    }
  name[n] = '\0';
  if (n == 0)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strcmp (entities[i].name, name) == 0)
      {
        *c = entities[i].c;
        return p + n < end && p[n] == ';' ? p + n + 1 : p + n;
      }
  return NULL;
}

static char *
decode_attribute (const char *value,
                  gsize       length)
{
  GString *out = g_string_sized_new (length);
  const char *end = value + length;

  for (const char *p = value; p < end;)
    {
      const char *after;
      gunichar c;

      if (*p == '&' && (after = decode_entity (p + 1, end, &c)) != NULL)
        {
          g_string_append_unichar (out, c);
          p = after;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* Tags that end a line, and those whose content is never text. */
static const char * const block_tags[] = {
  "address", "article", "aside", "blockquote", "br", "center", "dd", "div", "dl", "dt",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
  "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", NULL,
};
static const char * const hidden_tags[] = {
  "script", "style", "title", "template", "xml", NULL,
};

static gboolean
name_in (const char         *name,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
trim_trailing_spaces (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

static void
end_line (GString *out,
          guint    max_newlines)
{
  guint n = 0;

  trim_trailing_spaces (out);
  if (out->len == 0)
    return;
  for (gsize i = out->len; i > 0 && out->str[i - 1] == '\n'; i--)
    n++;
  for (; n < max_newlines; n++)
    g_string_append_c (out, '\n');
}

/* Case-insensitive search for "</@name" from @p. */
static const char *
find_closing_tag (const char *p,
                  const char *end,
                  const char *name)
{
  gsize n = strlen (name);

  for (; p + n + 2 <= end; p++)
    {
      p = memchr (p, '<', end - p);
      if (p == NULL || p + n + 2 > end)
        return NULL;
      if (p[1] == '/' && g_ascii_strncasecmp (p + 2, name, n) == 0)
        return p;
    }
  return NULL;
}

char *
objector_mail_html_to_text (const char *html,
                            gsize       length,
                            GPtrArray  *links)
{
  GString *out = g_string_sized_new (length / 2);
  const char *p = html;
  const char *end = html + length;
  gboolean space = FALSE;

  while (p < end)
    {
      if (*p == '<')
        {
          const char *q = p + 1;
          gboolean closing = FALSE;
          char name[16];
          gsize n = 0;

          if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            {
              const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

              p = close != NULL ? close + 3 : end;
              continue;
            }
          if (q < end && (*q == '!' || *q == '?'))
            {
              const char *close = memchr (q, '>', end - q);

              p = close != NULL ? close + 1 : end;
              continue;
            }
          if (q < end && *q == '/')
            {
              closing = TRUE;
              q++;
            }
          while (q < end && g_ascii_isalnum (*q))
            {
              if (n < sizeof name - 1)
                name[n++] = g_ascii_tolower (*q);
              q++;
            }
          name[n] = '\0';

          if (n == 0)
            {
              /* "a < b": text, not a tag. */
              if (space && out->len > 0 && out->str[out->len - 1] != '\n')
                g_string_append_c (out, ' ');
              space = FALSE;
              g_string_append_c (out, '<');
              p++;
              continue;
            }

          /* Attributes, up to the closing '>' outside quotes. */
          while (q < end && *q != '>')
            {
              const char *attr = q;
              gsize attr_length;

              if (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '/')
                {
                  q++;
                  continue;
                }
              while (q < end && *q != '=' && *q != '>' && *q != ' ' && *q != '\t'
                     && *q != '\n' && *q != '\r')
                q++;
              attr_length = q - attr;
              while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
                q++;
              if (q < end && *q == '=')
                {
                  const char *value;
                  gsize value_length;

                  q++;
                  while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
                    q++;
                  if (q < end && (*q == '"' || *q == '\''))
                    {
                      char quote = *q++;
                      const char *close = memchr (q, quote, end - q);

                      value = q;
                      value_length = (close != NULL ? close : end) - q;
                      q = close != NULL ? close + 1 : end;
                    }
                  else
                    {
                      value = q;
                      while (q < end && *q != '>' && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r')
                        q++;
                      value_length = q - value;
                    }

                  if (links != NULL && !closing && attr_length == 4
                      && g_ascii_strncasecmp (attr, "href", 4) == 0
                      && (strcmp (name, "a") == 0 || strcmp (name, "area") == 0))
                    {
                      char *href = decode_attribute (value, value_length);

                      if (*href != '\0')
                        g_ptr_array_add (links, href);
                      else
                        g_free (href);
                    }
                }
            }
          p = q < end ? q + 1 : end;

          if (!closing && name_in (name, hidden_tags))
            {
              const char *close = find_closing_tag (p, end, name);

              if (close == NULL)
                break;
              close = memchr (close, '>', end - close);
              p = close != NULL ? close + 1 : end;
              continue;
            }

          if (name_in (name, block_tags))
            {
              gboolean paragraph = name[0] == 'p' || name[0] == 'h' || strcmp (name, "table") == 0
                                   || strcmp (name, "blockquote") == 0;

              end_line (out, strcmp (name, "br") == 0 ? 1 : paragraph ? 2 : 1);
              if (strcmp (name, "br") == 0 && out->len > 0 && out->str[out->len - 1] != '\n')
                g_string_append_c (out, '\n');
              space = FALSE;
            }
          else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
            space = TRUE;
          continue;
        }

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        {
          space = TRUE;
          p++;
          continue;
        }

      if (space && out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append_c (out, ' ');
      space = FALSE;

      if (*p == '&')
        {
          gunichar c;
          const char *after = decode_entity (p + 1, end, &c);

          if (after != NULL)
            {
              if (c == 0xa0)
                c = ' ';
              if (c != 0x200c && c != 0x200d && c != 0x200e && c != 0x200f && c != 0xad)
                g_string_append_unichar (out, c);
              p = after;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }

  trim_trailing_spaces (out);
  return g_strstrip (g_string_free (out, FALSE));
}

/* Links */

static GRegex *
link_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      GRegex *compiled = g_regex_new ("(?:https?://|www\\.)[^\\s<>\"'`{}|\\\\^\\[\\]]+",
                                      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (compiled != NULL);
      g_once_init_leave (&regex, compiled);
    }
  return regex;
}

void
objector_mail_find_text_links (const char *text,
                               GPtrArray  *links)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (link_regex (), text, 0, &match);
  while (g_match_info_matches (match))
    {
      char *link = g_match_info_fetch (match, 0);
      gsize n = strlen (link);

      /* Punctuation that ends a sentence is not part of the link. */
      while (n > 0 && strchr (".,;:!?)", link[n - 1]) != NULL)
        link[--n] = '\0';
      if (n > 0)
        g_ptr_array_add (links, link);
      else
        g_free (link);
      g_match_info_next (match, NULL);
    }
}

char *
objector_mail_link_host (const char *link)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *full = NULL;
  const char *scheme;
  const char *host;
  char *lower;
  gsize n;

  if (link == NULL)
    return NULL;

  while (*link == ' ' || *link == '\t')
    link++;
  if (g_ascii_strncasecmp (link, "www.", 4) == 0)
    link = full = g_strconcat ("http://", link, NULL);
  else if (g_str_has_prefix (link, "//"))
    link = full = g_strconcat ("https:", link, NULL);

  /* Browsers read "\" as "/" in web links: so must we, or
   * "https://evil.example\@facebook.com" would hide its host. */
  if (strchr (link, '\\') != NULL)
    {
      char *copy = g_strdup (link);

      g_strdelimit (copy, "\\", '/');
      g_free (full);
      link = full = copy;
    }

  if (!(uri = g_uri_parse (link, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL)))
    return NULL;

  scheme = g_uri_get_scheme (uri);
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    return NULL;

  lower = g_ascii_strdown (host, -1);
  n = strlen (lower);
  while (n > 0 && lower[n - 1] == '.')
    lower[--n] = '\0';
  if (n == 0)
    g_clear_pointer (&lower, g_free);
  return lower;
}

/* Look-alikes */

typedef struct
{
  gunichar from;
  char     to;
} Confusable;

/* Letters of other scripts that look like Latin ones in an address bar. */
static const Confusable confusables[] = {
  { 0x0430, 'a' }, { 0x0435, 'e' }, { 0x043e, 'o' }, { 0x0440, 'p' }, { 0x0441, 'c' },
  { 0x0445, 'x' }, { 0x0443, 'y' }, { 0x0456, 'i' }, { 0x0458, 'j' }, { 0x0455, 's' },
  { 0x043a, 'k' }, { 0x043c, 'm' }, { 0x0442, 't' }, { 0x043d, 'h' }, { 0x0432, 'b' },
  { 0x0501, 'd' }, { 0x051b, 'q' }, { 0x051d, 'w' }, { 0x04bb, 'h' }, { 0x0261, 'g' },
  { 0x03bf, 'o' }, { 0x03b1, 'a' }, { 0x03b5, 'e' }, { 0x03b9, 'i' }, { 0x03ba, 'k' },
  { 0x03bd, 'v' }, { 0x03c1, 'p' }, { 0x03c4, 't' }, { 0x03c5, 'u' }, { 0x03c7, 'x' },
  { 0x0131, 'i' }, { 0x0269, 'i' }, { 0x1d0f, 'o' }, { 0x0578, 'n' }, { 0x057d, 'u' },
};

char *
objector_mail_skeleton (const char *text,
                        gssize      length)
{
  g_autofree char *normal = NULL;
  GString *out;
  char *s;
  gsize j = 0;

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);

  /* Plain ASCII needs no normalising: most headers, and fast. */
  {
    gboolean ascii = TRUE;

    for (gssize i = 0; i < length && ascii; i++)
      ascii = (guchar) text[i] < 0x80;
    if (ascii)
      normal = g_strndup (text, length);
  }

  /* NFKD: full-width and styled letters become plain ones, accents separate. */
  if (normal == NULL)
    normal = g_utf8_normalize (text, length, G_NORMALIZE_NFKD);
  if (normal == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (text, length);

      normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKD);
    }

  out = g_string_new (NULL);
  for (const char *p = normal; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) g_ascii_tolower (*p) : g_unichar_tolower (g_utf8_get_char (p));
      char mapped = 0;

      for (guint i = 0; c >= 0x80 && i < G_N_ELEMENTS (confusables) && mapped == 0; i++)
        if (confusables[i].from == c)
          mapped = confusables[i].to;
      if (mapped == 0 && c < 128)
        {
          switch (c)
            {
            case '0': mapped = 'o'; break;
            case '1': case '|': case '!': mapped = 'l'; break;
            case '3': mapped = 'e'; break;
            case '4': mapped = 'a'; break;
            case '5': case '$': mapped = 's'; break;
            default:
              mapped = g_ascii_isalnum (c) ? (char) c : 0;
              break;
            }
        }
      if (mapped == 'i')
        mapped = 'l';
      if (mapped != 0)
        g_string_append_c (out, mapped);
    }

  /* "rn" reads as "m", "vv" as "w". */
  s = out->str;
  for (gsize i = 0; i < out->len; i++)
    {
      if (s[i] == 'r' && s[i + 1] == 'n')
        {
          s[j++] = 'm';
          i++;
        }
      else if (s[i] == 'v' && s[i + 1] == 'v')
        {
          s[j++] = 'w';
          i++;
        }
      else
        s[j++] = s[i];
    }
  g_string_truncate (out, j);
  return g_string_free (out, FALSE);
}

char **
objector_mail_dup_meta_stems (ObjectorPlaybook *playbook)
{
  const char * const *domains = objector_playbook_get_mail_domains (playbook);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *stems = g_ptr_array_new ();

  for (guint i = 0; domains != NULL && domains[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (domains[i], ".", -1);
      guint n = g_strv_length (parts);

      /* The name before the top-level domain: "instagram" of mail.instagram.com. */
      if (n >= 2)
        g_ptr_array_add (labels, objector_mail_skeleton (parts[n - 2], -1));
      else if (n == 1)
        g_ptr_array_add (labels, objector_mail_skeleton (parts[0], -1));
    }

  /* "facebook" covers "facebookmail": keep the shortest stems only. */
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      gboolean covered = *label == '\0';

      for (guint j = 0; j < labels->len && !covered; j++)
        {
          const char *other = g_ptr_array_index (labels, j);

          if (i != j && *other != '\0' && strstr (label, other) != NULL
              && (strlen (other) < strlen (label) || j < i))
            covered = TRUE;
        }
      if (!covered)
        g_ptr_array_add (stems, g_strdup (label));
    }

  g_ptr_array_add (stems, NULL);
  return (char **) g_ptr_array_free (stems, FALSE);
}

/* Short stems ("meta") hide inside ordinary words ("metallica",
 * "metadata"), so they count only as a whole token or at a hyphen. */
#define LONG_STEM 6

static gboolean
token_names_meta (const char * const *stems,
                  const char         *token,
                  gsize               length,
                  gboolean            lenient)
{
  g_autofree char *skeleton = NULL;

  if (length == 0)
    return FALSE;
  skeleton = objector_mail_skeleton (token, length);

  for (guint i = 0; stems[i] != NULL; i++)
    {
      const char *stem = stems[i];
      gsize n = strlen (stem);

      if (strstr (skeleton, stem) == NULL)
        continue;
      if (lenient || n >= LONG_STEM || g_str_equal (skeleton, stem))
        return TRUE;

      /* "meta-security", "help-meta", "metamail" (Meta's own label). */
      {
        g_autofree char *lower = g_utf8_strdown (token, length);
        g_auto(GStrv) parts = g_strsplit_set (lower, "-_", -1);

        for (guint j = 0; parts[j] != NULL; j++)
          {
            g_autofree char *part = objector_mail_skeleton (parts[j], -1);

            if (g_str_equal (part, stem) || (g_str_has_prefix (part, stem) && g_str_equal (part + n, "mall")))
              return TRUE;
          }
      }
    }
  return FALSE;
}

gboolean
objector_mail_text_names_meta (const char * const *stems,
                               const char         *text,
                               gboolean            lenient)
{
  const char *p = text;

  if (text == NULL || stems == NULL)
    return FALSE;

  /* Leniently, the whole text at once: a name that spans two tokens costs
   * only a closer look, and one skeleton is cheaper than many. */
  if (lenient)
    {
      g_autofree char *skeleton = objector_mail_skeleton (text, -1);

      for (guint i = 0; stems[i] != NULL; i++)
        if (strstr (skeleton, stems[i]) != NULL)
          return TRUE;
      return FALSE;
    }

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && strchr (" \t\r\n.@<>\"',;:()[]/", *p) != NULL)
        p++;
      start = p;
      while (*p != '\0' && strchr (" \t\r\n.@<>\"',;:()[]/", *p) == NULL)
        p++;
      if (p > start && token_names_meta (stems, start, p - start, lenient))
        return TRUE;
    }
  return FALSE;
}

static gboolean
header_is (const char *line,
           const char *end,
           const char *name)
{
  gsize n = strlen (name);

  return (gsize) (end - line) > n && g_ascii_strncasecmp (line, name, n) == 0 && line[n] == ':';
}

/* Header values beyond this are not looked at by the pre-filter. */
#define MAX_FILTER_VALUE 4096

gboolean
objector_mail_headers_may_be_meta (const char * const *stems,
                                   const char         *headers,
                                   gsize               length)
{
  static const char * const names[] = { "from", "sender", "reply-to", "return-path" };
  const char *end = headers + length;
  const char *p = headers;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      const char *next = nl != NULL ? nl + 1 : end;
      gboolean wanted = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (names) && !wanted; i++)
        wanted = header_is (p, line_end, names[i]);

      if (wanted)
        {
          const char *colon = memchr (p, ':', line_end - p);
          GString *value = g_string_new (NULL);
          gboolean found;

          g_string_append_len (value, colon + 1, line_end - colon - 1);
          /* Folded continuation lines. */
          while (next < end && (*next == ' ' || *next == '\t') && value->len < MAX_FILTER_VALUE)
            {
              const char *cont_nl = memchr (next, '\n', end - next);
              const char *cont_end = cont_nl != NULL ? cont_nl : end;

              g_string_append_len (value, next, cont_end - next);
              next = cont_nl != NULL ? cont_nl + 1 : end;
            }
          if (value->len > MAX_FILTER_VALUE)
            g_string_truncate (value, MAX_FILTER_VALUE);

          /* Punycode hides look-alike letters; encoded words hide names. */
          found = g_strstr_len (value->str, value->len, "xn--") != NULL
                  || g_strstr_len (value->str, value->len, "XN--") != NULL;
          if (!found && g_strstr_len (value->str, value->len, "=?") != NULL)
            {
              g_autofree char *decoded = NULL;

              objector_mail_init_gmime ();
              decoded = g_mime_utils_header_decode_text (NULL, value->str);
              found = objector_mail_text_names_meta (stems, decoded, TRUE);
            }
          if (!found)
            {
              g_autofree char *valid = g_utf8_make_valid (value->str, value->len);

              found = objector_mail_text_names_meta (stems, valid, TRUE);
            }
          g_string_free (value, TRUE);
          if (found)
            return TRUE;
        }
      p = next;
    }
  return FALSE;
}

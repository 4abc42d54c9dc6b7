/* objector-mail-links.c — links resolved as a browser would, and kept once each
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-mail-links.h"

/* Resolving */

static const char * const web_schemes[] = { "http", "https", "ftp", "ws", "wss", NULL };
static const char * const dangerous_schemes[] = { "javascript", "vbscript", "data", "file", NULL };
static const char * const local_schemes[] = {
  "mailto", "tel", "sms", "cid", "mid", "about", "callto", NULL
};

/* The WHATWG URL parser's first steps: leading and trailing C0 controls
 * and spaces go, and every tab and line break inside goes too
 * ("java\tscript:" is "javascript:"). */
static char *
strip_like_a_browser (const char *raw,
                      gsize       length)
{
  const char *start = raw;
  const char *end = raw + length;
  char *out;
  gsize j = 0;

  while (start < end && (guchar) *start <= 0x20)
    start++;
  while (end > start && (guchar) end[-1] <= 0x20)
    end--;

  out = g_malloc (end - start + 1);
  for (const char *p = start; p < end; p++)
    if (*p != '\t' && *p != '\n' && *p != '\r')
      out[j++] = *p;
  out[j] = '\0';
  return out;
}

static gboolean
is_slash (char c)
{
  return c == '/' || c == '\\';
}

/* %xx in a host is decoded by browsers before anything else. NULL when
 * it decodes to a NUL, which no browser takes. */
static char *
percent_decode (const char *text,
                gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '%' && i + 2 < length && g_ascii_isxdigit (text[i + 1]) && g_ascii_isxdigit (text[i + 2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (text[i + 1]) * 16
                                          + g_ascii_xdigit_value (text[i + 2])));
          i += 2;
        }
      else
        g_string_append_c (out, text[i]);
    }
  if (strlen (out->str) != out->len)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The host of an authority ("user:pw@host:port"), as a browser takes it. */
static char *
authority_host (const char *authority,
                gsize       length)
{
  const char *at = NULL;
  const char *start;
  const char *end = authority + length;
  const char *stop;
  g_autofree char *decoded = NULL;
  char *host;
  gsize n;

  for (const char *p = authority; p < end; p++)
    if (*p == '@')
      at = p;
  start = at != NULL ? at + 1 : authority;

  if (start < end && *start == '[')
    {
      stop = memchr (start, ']', end - start);
      if (stop == NULL || stop == start + 1)
        return NULL;
      return g_ascii_strdown (start + 1, stop - start - 1);
    }
  stop = memchr (start, ':', end - start);
  if (stop == NULL)
    stop = end;

  decoded = percent_decode (start, stop - start);
  if (decoded == NULL || *decoded == '\0')
    return NULL;

  if (!g_str_is_ascii (decoded))
    {
      g_autofree char *valid = g_utf8_make_valid (decoded, -1);
      g_autofree char *ascii = g_hostname_to_ascii (valid);

      /* What cannot be turned into ASCII stays as it is: never Meta's. */
      host = ascii != NULL ? g_ascii_strdown (ascii, -1) : g_utf8_strdown (valid, -1);
    }
  else
    host = g_ascii_strdown (decoded, -1);

  n = strlen (host);
  while (n > 0 && host[n - 1] == '.')
    host[--n] = '\0';
  if (n == 0)
    g_clear_pointer (&host, g_free);
  return host;
}

ObjectorLinkKind
objector_link_resolve (const char  *raw,
                       char       **scheme_out,
                       char       **host_out)
{
  g_autofree char *link = NULL;
  g_autofree char *scheme = NULL;
  const char *rest;
  const char *p;
  const char *authority;
  ObjectorLinkKind kind;

  if (scheme_out != NULL)
    *scheme_out = NULL;
  if (host_out != NULL)
    *host_out = NULL;
  if (raw == NULL)
    return OBJECTOR_LINK_NONE;

  link = strip_like_a_browser (raw, strlen (raw));

  /* A scheme: a letter, then letters, digits, "+", "-" or ".", then ":". */
  p = link;
  if (g_ascii_isalpha (*p))
    {
      while (g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.')
        p++;
      if (*p == ':')
        scheme = g_ascii_strdown (link, p - link);
    }

  if (scheme != NULL)
    {
      rest = p + 1;
      if (g_strv_contains (dangerous_schemes, scheme))
        kind = OBJECTOR_LINK_DANGEROUS;
      else if (g_strv_contains (local_schemes, scheme))
        kind = OBJECTOR_LINK_LOCAL;
      else if (g_strv_contains (web_schemes, scheme))
        kind = OBJECTOR_LINK_WEB;
      else
        kind = OBJECTOR_LINK_OTHER;
    }
  else if (is_slash (link[0]) && is_slash (link[1]))
    {
      /* "//host/…": the page's own scheme, which for mail read on the web is https. */
      rest = link;
      scheme = g_strdup ("https");
      kind = OBJECTOR_LINK_WEB;
    }
  else
    return OBJECTOR_LINK_NONE;

  if (scheme_out != NULL)
    *scheme_out = g_strdup (scheme);
  if (kind != OBJECTOR_LINK_WEB)
    return kind;

  /* Web schemes take every "/" and "\" after the colon, however many or
   * few: "https:evil.example", "https:///evil", "https:\\evil". */
  while (is_slash (*rest))
    rest++;
  authority = rest;
  while (*rest != '\0' && !is_slash (*rest) && *rest != '?' && *rest != '#')
    rest++;

  if (host_out != NULL)
    *host_out = authority_host (authority, rest - authority);
  return kind;
}

/* Sets */

struct _ObjectorLinkSet
{
  GHashTable *seen;          /* links as written, trimmed */
  GPtrArray  *listed;        /* the first ones, NULL-terminated */
  guint       n_links;
  GHashTable *host_set;
  GPtrArray  *hosts;         /* NULL-terminated, owns its strings */
  GPtrArray  *dangerous;     /* NULL-terminated */
  guint       n_dangerous;
  GHashTable *scheme_set;
  GPtrArray  *schemes;       /* NULL-terminated */
};

ObjectorLinkSet *
objector_link_set_new (void)
{
  ObjectorLinkSet *self = g_new0 (ObjectorLinkSet, 1);

  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->listed = g_ptr_array_new_null_terminated (1, NULL, TRUE);
  self->host_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->hosts = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->dangerous = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->scheme_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->schemes = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  return self;
}

void
objector_link_set_free (ObjectorLinkSet *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->listed);
  g_hash_table_unref (self->seen);
  g_hash_table_unref (self->host_set);
  g_ptr_array_unref (self->hosts);
  g_ptr_array_unref (self->dangerous);
  g_hash_table_unref (self->scheme_set);
  g_ptr_array_unref (self->schemes);
  g_free (self);
}

static void
add_resolved (ObjectorLinkSet *self,
              char            *link,       /* taken */
              const char      *resolve_as)
{
  g_autofree char *scheme = NULL;
  g_autofree char *host = NULL;
  ObjectorLinkKind kind;

  if (*link == '\0' || g_hash_table_contains (self->seen, link))
    {
      g_free (link);
      return;
    }
  g_hash_table_add (self->seen, link);
  self->n_links++;
  if (self->listed->len < OBJECTOR_LINK_SET_MAX_LISTED)
    g_ptr_array_add (self->listed, link);

  kind = objector_link_resolve (resolve_as != NULL ? resolve_as : link, &scheme, &host);
  switch (kind)
    {
    case OBJECTOR_LINK_WEB:
      if (host != NULL && !g_hash_table_contains (self->host_set, host))
        {
          g_hash_table_add (self->host_set, host);
          g_ptr_array_add (self->hosts, g_steal_pointer (&host));
        }
      break;
    case OBJECTOR_LINK_DANGEROUS:
      if (self->n_dangerous++ < OBJECTOR_LINK_SET_MAX_DANGEROUS)
        g_ptr_array_add (self->dangerous, g_strdup (link));
      break;
    case OBJECTOR_LINK_OTHER:
      if (!g_hash_table_contains (self->scheme_set, scheme))
        {
          g_hash_table_add (self->scheme_set, scheme);
          g_ptr_array_add (self->schemes, g_steal_pointer (&scheme));
        }
      break;
    case OBJECTOR_LINK_NONE:
    case OBJECTOR_LINK_LOCAL:
    default:
      break;
    }
}

void
objector_link_set_add (ObjectorLinkSet *self,
                       const char      *raw,
                       gssize           length)
{
  g_return_if_fail (self != NULL);

  if (raw == NULL)
    return;
  if (length < 0)
    length = strlen (raw);
  add_resolved (self, strip_like_a_browser (raw, length), NULL);
}

guint
objector_link_set_get_n_links (ObjectorLinkSet *self)
{
  return self->n_links;
}

const char * const *
objector_link_set_get_links (ObjectorLinkSet *self)
{
  return (const char * const *) self->listed->pdata;
}

const char * const *
objector_link_set_get_hosts (ObjectorLinkSet *self)
{
  return (const char * const *) self->hosts->pdata;
}

guint
objector_link_set_get_n_dangerous (ObjectorLinkSet *self)
{
  return self->n_dangerous;
}

const char * const *
objector_link_set_get_dangerous (ObjectorLinkSet *self)
{
  return (const char * const *) self->dangerous->pdata;
}

const char * const *
objector_link_set_get_other_schemes (ObjectorLinkSet *self)
{
  return (const char * const *) self->schemes->pdata;
}

/* Links in text */

static GRegex *
text_link_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    {
      /* Linear: a literal start, then one run of characters. */
      GRegex *compiled = g_regex_new ("(?:(?:https?|ftp):|www\\.)[^\\s<>\"'`]+",
                                      G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (compiled != NULL);
      g_once_init_leave (&regex, compiled);
    }
  return regex;
}

void
objector_link_set_add_text (ObjectorLinkSet *self,
                            const char      *text,
                            gsize            length)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_return_if_fail (self != NULL);

  if (text == NULL || length == 0)
    return;

  g_regex_match_full (text_link_regex (), text, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      int start, end;

      g_match_info_fetch_pos (match, 0, &start, &end);
      /* Punctuation that ends a sentence is not part of the link. */
      while (end > start && strchr (".,;:!?)", text[end - 1]) != NULL)
        end--;
      if (end > start)
        {
          char *link = g_strndup (text + start, end - start);

          if (g_ascii_strncasecmp (link, "www.", 4) == 0)
            {
              g_autofree char *full = g_strconcat ("http://", link, NULL);

              add_resolved (self, link, full);
            }
          else
            add_resolved (self, link, NULL);
        }
      g_match_info_next (match, NULL);
    }
}

/* objector-mail-links.c — links resolved as a browser would, HTML read by libxml2
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

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

/* HTML */

/* Attributes that lead somewhere when a browser follows, loads or submits them. */
static const char * const url_attributes[] = {
  "href", "src", "action", "formaction", "background", "poster", "data", "cite", "longdesc",
  "lowsrc", "dynsrc", "codebase", "manifest", "xlink:href", "icon", NULL
};

/* Tags that end a line, and those whose content a reader never sees. */
static const char * const block_tags[] = {
  "address", "article", "aside", "blockquote", "br", "center", "dd", "div", "dl", "dt",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
  "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul", NULL,
};
static const char * const hidden_tags[] = {
  "head", "script", "style", "title", "template", "xml", NULL,
};

/* Named references HTML5 added, which libxml2's HTML 4 parser leaves as
 * they are but a browser decodes: "javascript&colon;" is "javascript:". */
static const struct { const char *name; char c; } html5_references[] = {
  { "&colon;", ':' }, { "&sol;", '/' }, { "&bsol;", '\\' }, { "&Tab;", '\t' }, { "&NewLine;", '\n' },
  { "&period;", '.' }, { "&commat;", '@' }, { "&num;", '#' }, { "&quest;", '?' }, { "&excl;", '!' },
  { "&percnt;", '%' }, { "&lpar;", '(' }, { "&rpar;", ')' }, { "&equals;", '=' }, { "&plus;", '+' },
  { "&comma;", ',' }, { "&semi;", ';' }, { "&lowbar;", '_' }, { "&dollar;", '$' }, { "&ast;", '*' },
};

static char *
decode_html5_references (const char *value)
{
  GString *out;

  if (strchr (value, '&') == NULL)
    return g_strdup (value);

  out = g_string_sized_new (strlen (value));
  for (const char *p = value; *p != '\0';)
    {
      gboolean found = FALSE;

      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (html5_references) && !found; i++)
          {
            gsize n = strlen (html5_references[i].name);

            if (strncmp (p, html5_references[i].name, n) == 0)
              {
                g_string_append_c (out, html5_references[i].c);
                p += n;
                found = TRUE;
              }
          }
      if (!found)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  GString         *out;
  ObjectorLinkSet *links;
  guint            hidden;   /* depth inside hidden tags */
  gboolean         space;
} HtmlWalk;

static void
add_attribute_link (HtmlWalk   *walk,
                    const char *value)
{
  g_autofree char *decoded = decode_html5_references (value);

  objector_link_set_add (walk->links, decoded, -1);
}

/* "srcset": "a.png 1x, b.png 2x"; "ping": URLs apart by spaces. */
static void
add_list_links (HtmlWalk   *walk,
                const char *value,
                const char *separators,
                gboolean    first_word)
{
  g_autofree char *decoded = decode_html5_references (value);
  g_auto(GStrv) items = g_strsplit_set (decoded, separators, -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);

      if (first_word)
        {
          char *space = strpbrk (item, " \t\n\r\f");

          if (space != NULL)
            *space = '\0';
        }
      if (*item != '\0')
        objector_link_set_add (walk->links, item, -1);
    }
}

/* <meta http-equiv="refresh" content="0; url='https://…'">, by the HTML
 * standard's steps. */
static void
add_refresh_link (HtmlWalk   *walk,
                  const char *content)
{
  const char *p = content;
  const char *end;
  char quote = 0;

  while (g_ascii_isspace (*p))
    p++;
  while (g_ascii_isdigit (*p) || *p == '.')
    p++;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == ';' || *p == ',')
    p++;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    return;
  if (g_ascii_strncasecmp (p, "url", 3) == 0)
    {
      const char *q = p + 3;

      while (g_ascii_isspace (*q))
        q++;
      if (*q == '=')
        {
          p = q + 1;
          while (g_ascii_isspace (*p))
            p++;
        }
    }
  if (*p == '"' || *p == '\'')
    quote = *p++;
  end = quote != 0 ? strchr (p, quote) : NULL;
  if (end == NULL)
    end = p + strlen (p);
  {
    g_autofree char *url = g_strndup (p, end - p);

    add_attribute_link (walk, url);
  }
}

static void
end_line (GString *out,
          guint    max_newlines)
{
  guint n = 0;

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    return;
  for (gsize i = out->len; i > 0 && out->str[i - 1] == '\n'; i--)
    n++;
  for (; n < max_newlines; n++)
    g_string_append_c (out, '\n');
}

static void
html_start_cb (void           *ctx,
               const xmlChar  *name,
               const xmlChar **attributes)
{
  HtmlWalk *walk = ((htmlParserCtxtPtr) ctx)->_private;
  const char *tag = (const char *) name;
  const char *http_equiv = NULL;
  const char *content = NULL;

  for (guint i = 0; walk->links != NULL && attributes != NULL && attributes[i] != NULL; i += 2)
    {
      const char *attribute = (const char *) attributes[i];
      const char *value = (const char *) attributes[i + 1];

      if (value == NULL)
        continue;
      if (g_strv_contains (url_attributes, attribute))
        add_attribute_link (walk, value);
      else if (g_str_equal (attribute, "srcset") || g_str_equal (attribute, "imagesrcset"))
        add_list_links (walk, value, ",", TRUE);
      else if (g_str_equal (attribute, "ping") || g_str_equal (attribute, "archive"))
        add_list_links (walk, value, " \t\n\r\f,", FALSE);
      else if (g_str_equal (attribute, "http-equiv"))
        http_equiv = value;
      else if (g_str_equal (attribute, "content"))
        content = value;
    }
  if (g_str_equal (tag, "meta") && http_equiv != NULL && content != NULL)
    {
      g_autofree char *equiv = g_strstrip (g_strdup (http_equiv));

      if (g_ascii_strcasecmp (equiv, "refresh") == 0)
        add_refresh_link (walk, content);
    }

  if (g_strv_contains (hidden_tags, tag))
    walk->hidden++;
  else if (walk->hidden == 0 && g_strv_contains (block_tags, tag))
    {
      gboolean paragraph = tag[0] == 'p' || tag[0] == 'h' || g_str_equal (tag, "table")
                           || g_str_equal (tag, "blockquote");

      if (g_str_equal (tag, "br"))
        {
          while (walk->out->len > 0 && walk->out->str[walk->out->len - 1] == ' ')
            g_string_truncate (walk->out, walk->out->len - 1);
          if (walk->out->len > 0)
            g_string_append_c (walk->out, '\n');
        }
      else
        end_line (walk->out, paragraph ? 2 : 1);
      walk->space = FALSE;
    }
  else if (g_str_equal (tag, "td") || g_str_equal (tag, "th"))
    walk->space = TRUE;
}

static void
html_end_cb (void          *ctx,
             const xmlChar *name)
{
  HtmlWalk *walk = ((htmlParserCtxtPtr) ctx)->_private;
  const char *tag = (const char *) name;

  if (g_strv_contains (hidden_tags, tag))
    {
      if (walk->hidden > 0)
        walk->hidden--;
    }
  else if (walk->hidden == 0 && g_strv_contains (block_tags, tag) && !g_str_equal (tag, "br"))
    {
      gboolean paragraph = tag[0] == 'p' || tag[0] == 'h' || g_str_equal (tag, "table")
                           || g_str_equal (tag, "blockquote");

      end_line (walk->out, paragraph ? 2 : 1);
      walk->space = FALSE;
    }
}

static void
html_text_cb (void          *ctx,
              const xmlChar *text,
              int            length)
{
  HtmlWalk *walk = ((htmlParserCtxtPtr) ctx)->_private;
  GString *out = walk->out;
  const char *p = (const char *) text;
  const char *end = p + length;

  if (walk->hidden > 0)
    return;

  while (p < end)
    {
      gboolean blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
      gsize n = 1;

      /* No-break spaces are spaces to a reader. */
      if (!blank && end - p >= 2 && (guchar) p[0] == 0xc2 && (guchar) p[1] == 0xa0)
        {
          blank = TRUE;
          n = 2;
        }
      if (blank)
        {
          walk->space = TRUE;
          p += n;
          continue;
        }
      if (walk->space && out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append_c (out, ' ');
      walk->space = FALSE;
      g_string_append_c (out, *p++);
    }
}

static void
init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

char *
objector_html_read (const char      *html,
                    gsize            length,
                    ObjectorLinkSet *links)
{
  htmlParserCtxtPtr context;
  HtmlWalk walk = { 0 };
  char *text;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  init_libxml ();

  walk.out = g_string_sized_new (length / 2);
  walk.links = links;

  /* libxml2 takes an int. Larger parts are never read here (see
   * objector-mail.c), but the cut keeps the promise anyway. */
  length = MIN (length, (gsize) G_MAXINT / 2);
  context = length > 0 ? htmlCreateMemoryParserCtxt (html, (int) length) : NULL;
  if (context != NULL)
    {
      /* Only the events we need, no document tree: memory does not grow
       * with the number of elements. */
      memset (context->sax, 0, sizeof (htmlSAXHandler));
      context->sax->startElement = html_start_cb;
      context->sax->endElement = html_end_cb;
      context->sax->characters = html_text_cb;
      context->sax->ignorableWhitespace = html_text_cb;
      context->_private = &walk;
      htmlCtxtUseOptions (context, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                                   | HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC);
      /* The text is UTF-8 already, whatever a <meta charset> inside says. */
      xmlSwitchEncoding (context, XML_CHAR_ENCODING_UTF8);
      htmlParseDocument (context);
      htmlFreeParserCtxt (context);
    }

  while (walk.out->len > 0 && (walk.out->str[walk.out->len - 1] == ' ' || walk.out->str[walk.out->len - 1] == '\n'))
    g_string_truncate (walk.out, walk.out->len - 1);
  /* Whatever libxml2 made of a broken character reference, the text is UTF-8. */
  text = g_utf8_make_valid (walk.out->str, walk.out->len);
  g_string_free (walk.out, TRUE);

  if (links != NULL)
    objector_link_set_add_text (links, text, strlen (text));
  return g_strstrip (text);
}

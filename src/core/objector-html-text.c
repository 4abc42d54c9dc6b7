/* objector-html-text.c — HTML read as a browser reads it, with libxml2
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "objector-html-text.h"

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

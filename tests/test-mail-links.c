/* test-mail-links.c — links resolved as a browser would, HTML read with libxml2
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-html-text.h"
#include "objector-test-util.h"

typedef struct
{
  const char       *link;
  ObjectorLinkKind  kind;
  const char       *host;
} ResolveCase;

#define WEB OBJECTOR_LINK_WEB
#define BAD OBJECTOR_LINK_DANGEROUS
#define LOCAL OBJECTOR_LINK_LOCAL
#define OTHER OBJECTOR_LINK_OTHER
#define NONE OBJECTOR_LINK_NONE

static const ResolveCase resolve_cases[] = {
  { "https://www.facebook.com/privacy", WEB, "www.facebook.com" },
  { "HTTPS://WWW.Facebook.COM./x", WEB, "www.facebook.com" },
  { "http://facebook.com:8080/x", WEB, "facebook.com" },
  { "  \t https://evil.example/  \n", WEB, "evil.example" },
  { "https:evil.example/login", WEB, "evil.example" },
  { "https:/evil.example", WEB, "evil.example" },
  { "https:///evil.example", WEB, "evil.example" },
  { "https:\\\\evil.example\\x", WEB, "evil.example" },
  { "https:/\\evil.example", WEB, "evil.example" },
  { "ht\ttps://evil.example", WEB, "evil.example" },
  { "h\nt\rtps://evil.example", WEB, "evil.example" },
  { "https://ev\til.example", WEB, "evil.example" },
  { "https://www.facebook.com@evil.example/", WEB, "evil.example" },
  { "https://user:pass@www.facebook.com:443@evil.example/", WEB, "evil.example" },
  { "https://evil.example\\@www.facebook.com/", WEB, "evil.example" },
  { "https://evil.example#@www.facebook.com/", WEB, "evil.example" },
  { "https://evil.example?@www.facebook.com/", WEB, "evil.example" },
  { "https://www.facebook.com%2eevil.example/", WEB, "www.facebook.com.evil.example" },
  { "https://%77%77%77.facebook.com/", WEB, "www.facebook.com" },
  { "https://www.facebook.com%00.evil.example/", WEB, NULL },
  { "https://\xef\xbd\x85\xef\xbd\x96\xef\xbd\x89\xef\xbd\x8c.example/", WEB, "evil.example" },
  { "https://faceb\xd0\xbe\xd0\xbek.com/", WEB, "xn--facebk-0qfa.com" },
  { "https://[2001:db8::1]/x", WEB, "2001:db8::1" },
  { "https://0x7f.1/", WEB, "0x7f.1" },
  { "//evil.example/x", WEB, "evil.example" },
  { "\\\\evil.example\\x", WEB, "evil.example" },
  { "/\\evil.example", WEB, "evil.example" },
  { "ftp://files.evil.example/", WEB, "files.evil.example" },
  { "wss://socket.evil.example/", WEB, "socket.evil.example" },
  { "https://", WEB, NULL },
  { "javascript:alert(1)", BAD, NULL },
  { "JaVaScRiPt:alert(1)", BAD, NULL },
  { " java\tscript:alert(1)", BAD, NULL },
  { "\x01javascript:alert(1)", BAD, NULL },
  { "vbscript:msgbox", BAD, NULL },
  { "data:text/html,<script>alert(1)</script>", BAD, NULL },
  { "file:///etc/passwd", BAD, NULL },
  { "mailto:zoe@example.org", LOCAL, NULL },
  { "tel:+4930123", LOCAL, NULL },
  { "cid:logo@facebookmail.com", LOCAL, NULL },
  { "about:blank", LOCAL, NULL },
  { "ms-msdt:/id PCWDiagnostic", OTHER, NULL },
  { "intent://evil#Intent;end", OTHER, NULL },
  { "#top", NONE, NULL },
  { "/help", NONE, NULL },
  { "login.php?x=1", NONE, NULL },
  { "www.facebook.com", NONE, NULL },
  { "javascript%3Aalert(1)", NONE, NULL },
  { "1https://evil.example", NONE, NULL },
  { "", NONE, NULL },
};

static void
test_resolve (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (resolve_cases); i++)
    {
      const ResolveCase *c = &resolve_cases[i];
      g_autofree char *host = NULL;
      g_autofree char *scheme = NULL;
      ObjectorLinkKind kind;

      g_test_message ("%s", c->link);
      kind = objector_link_resolve (c->link, &scheme, &host);
      g_assert_cmpint (kind, ==, c->kind);
      g_assert_cmpstr (host, ==, c->host);
      if (kind == WEB)
        g_assert_nonnull (scheme);
    }
}

/* HTML: every link a browser would follow, load or submit. */
typedef struct
{
  const char *html;
  const char *hosts;      /* the distinct web hosts, in order, joined by " " */
  guint       dangerous;
  const char *schemes;    /* other schemes */
} HtmlCase;

static const HtmlCase html_cases[] = {
  { "<a href=\"https://a.example/\">a</a> <A HREF=https://b.example/>b</A>", "a.example b.example", 0, "" },
  { "<a href='https://a.example/' href='https://b.example/'>x</a>", "a.example", 0, "" },
  { "<a href=\"https&#58;//a.example\">x</a>", "a.example", 0, "" },
  { "<a href=\"https&#x3a;//a.example\">x</a><a href=\"https&#58//b.example\">y</a>", "a.example b.example", 0, "" },
  { "<a href=\"https&colon;//a.example\">x</a>", "a.example", 0, "" },
  { "<a href=\"ht&#9;tps://a.example\">x</a><a href=\"ht&Tab;tps://b.example\">y</a>", "a.example b.example", 0, "" },
  { "<a href=\"h&#10;ttps://a.example\">x</a>", "a.example", 0, "" },
  { "<a href=\"javascript:alert(1)\">x</a><a href=\"&#106;avascript:alert(2)\">y</a>", "", 2, "" },
  { "<a href=\"javascript&colon;alert(1)\">x</a>", "", 1, "" },
  { "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "", 1, "" },
  { "<img src=\"https://img.example/x.png\"><iframe src=\"//frame.example/\"></iframe>", "img.example frame.example", 0, "" },
  { "<form action=\"https://post.example/\"><button formaction=\"https://button.example/\">b</button></form>",
    "post.example button.example", 0, "" },
  { "<meta http-equiv=\"refresh\" content=\"0;url=https://r.example/\">", "r.example", 0, "" },
  { "<meta http-equiv=\" REFRESH \" content=\"5; URL = 'https://r.example/x'\">", "r.example", 0, "" },
  { "<meta http-equiv=\"refresh\" content=\"0,https://r.example/\">", "r.example", 0, "" },
  { "<meta http-equiv=\"refresh\" content=\"0; url=javascript:alert(1)\">", "", 1, "" },
  { "<meta name=\"refresh\" content=\"0;url=https://not.example/\">", "", 0, "" },
  { "<base href=\"https://base.example/\"><a href=\"x\">x</a>", "base.example", 0, "" },
  { "<img srcset=\"https://a.example/1.png 1x, https://b.example/2.png 2x\">", "a.example b.example", 0, "" },
  { "<a href=\"https://a.example/\" ping=\"https://p.example/ https://q.example/\">x</a>", "a.example p.example q.example", 0, "" },
  { "<body background=\"https://bg.example/b.png\"><video poster=\"https://v.example/p.png\"></video></body>",
    "bg.example v.example", 0, "" },
  { "<object data=\"https://o.example/x.swf\"></object><blockquote cite=\"https://c.example/\">q</blockquote>",
    "o.example c.example", 0, "" },
  { "<svg><a xlink:href=\"https://svg.example/\">s</a></svg>", "svg.example", 0, "" },
  { "<p>Go to https://text.example/login or www.www.example/x.</p>", "text.example www.www.example", 0, "" },
  { "<p>https:text.example/login</p>", "text.example", 0, "" },
  { "<!-- <a href=\"https://comment.example/\">x</a> -->", "", 0, "" },
  { "<script>location='https://script.example/'</script><style>a{background:url(https://css.example/)}</style>", "", 0, "" },
  { "<a href=\"ms-msdt:/id x\">x</a><a href=\"mailto:a@b.example\">m</a><a href=\"#top\">t</a>", "", 0, "ms-msdt" },
  { "<a href=\"https://a.example/\"><a href=\"https://b.example/\">nested</a></a><p><a href=https://c.example>unclosed",
    "a.example b.example c.example", 0, "" },
  { "<a href=\"https://a.example/\" <a href=\"https://b.example/\">broken</a>", "a.example", 0, "" },
  { "<<a href=\"https://a.example/\">x</a>>", "a.example", 0, "" },
  { "<meta charset=\"utf-16\"><a href=\"https://\xc3\xa9.example/\">x</a>", "xn--9ca.example", 0, "" },
  { "<a href=\"https://www.facebook.com/\">https://evil.example/</a>", "www.facebook.com evil.example", 0, "" },
};

static char *
joined (const char * const *strv)
{
  return g_strjoinv (" ", (char **) strv);
}

static void
test_html (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (html_cases); i++)
    {
      const HtmlCase *c = &html_cases[i];
      g_autoptr(ObjectorLinkSet) links = objector_link_set_new ();
      g_autofree char *text = NULL;
      g_autofree char *hosts = NULL;
      g_autofree char *schemes = NULL;

      g_test_message ("%s", c->html);
      text = objector_html_read (c->html, strlen (c->html), links);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      hosts = joined (objector_link_set_get_hosts (links));
      schemes = joined (objector_link_set_get_other_schemes (links));
      g_assert_cmpstr (hosts, ==, c->hosts);
      g_assert_cmpuint (objector_link_set_get_n_dangerous (links), ==, c->dangerous);
      g_assert_cmpstr (schemes, ==, c->schemes);
    }
}

static void
test_html_text (void)
{
  static const struct { const char *html; const char *text; } cases[] = {
    { "<p>Hello</p><p>World</p>", "Hello\n\nWorld" },
    { "<div>one</div><div>two<br>three</div>", "one\ntwo\nthree" },
    { "A&amp;B &lt;3 &eacute;&#233; &nbsp;x", "A&B <3 éé x" },
    { "<html><head><title>T</title><style>p{}</style></head><body>Body</body></html>", "Body" },
    { "<table><tr><td>a</td><td>b</td></tr></table>", "a b" },
    { "<script>alert(1)</script>Visible", "Visible" },
    { "  spaced \n\n  out  ", "spaced out" },
    { "<p>&#xD800;&#0;&#x110000;</p>", NULL },  /* valid UTF-8, whatever it holds */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = objector_html_read (cases[i].html, strlen (cases[i].html), NULL);

      g_test_message ("%s", cases[i].html);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      if (cases[i].text != NULL)
        g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_text_links (void)
{
  g_autoptr(ObjectorLinkSet) links = objector_link_set_new ();
  const char *text = "See https://www.facebook.com/help. Or (www.instagram.com/x), and <https://a.example/b?c=d&e=f>! "
                     "HTTP://UPPER.example, ftp://f.example; \"https://q.example\" https://www.facebook.com/help "
                     "javascript:alert(1) not a link: https";
  const char * const *listed;

  objector_link_set_add_text (links, text, strlen (text));
  listed = objector_link_set_get_links (links);
  g_assert_cmpuint (objector_link_set_get_n_links (links), ==, 6);
  g_assert_cmpstr (listed[0], ==, "https://www.facebook.com/help");
  g_assert_cmpstr (listed[1], ==, "www.instagram.com/x");
  g_assert_cmpstr (listed[2], ==, "https://a.example/b?c=d&e=f");
  g_assert_cmpstr (listed[3], ==, "HTTP://UPPER.example");
  g_assert_cmpstr (listed[4], ==, "ftp://f.example");
  g_assert_cmpstr (listed[5], ==, "https://q.example");
  g_assert_null (listed[6]);
  /* Plain text runs nothing: "javascript:" in it is only words. */
  g_assert_cmpuint (objector_link_set_get_n_dangerous (links), ==, 0);
}

/* Many links: each kept once, the list capped, the hosts all there. */
static void
test_set_caps (void)
{
  g_autoptr(ObjectorLinkSet) links = objector_link_set_new ();

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *link = g_strdup_printf ("https://h%u.example/", i % 1000);
      g_autofree char *bad = g_strdup_printf ("javascript:alert(%u)", i);

      objector_link_set_add (links, link, -1);
      objector_link_set_add (links, bad, -1);
    }
  g_assert_cmpuint (objector_link_set_get_n_links (links), ==, 1000 + 3000);
  g_assert_cmpuint (g_strv_length ((char **) objector_link_set_get_links (links)), ==, OBJECTOR_LINK_SET_MAX_LISTED);
  g_assert_cmpuint (g_strv_length ((char **) objector_link_set_get_hosts (links)), ==, 1000);
  g_assert_cmpuint (objector_link_set_get_n_dangerous (links), ==, 3000);
  g_assert_cmpuint (g_strv_length ((char **) objector_link_set_get_dangerous (links)), ==,
                    OBJECTOR_LINK_SET_MAX_DANGEROUS);
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "mail-links");

  g_test_add_func ("/mail-links/resolve", test_resolve);
  g_test_add_func ("/mail-links/html", test_html);
  g_test_add_func ("/mail-links/html-text", test_html_text);
  g_test_add_func ("/mail-links/text", test_text_links);
  g_test_add_func ("/mail-links/caps", test_set_caps);

  return test_util_run_tests ();
}

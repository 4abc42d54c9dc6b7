/* objector-mail-links.h — an email's links, the way a browser sees them
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A link's text is written by the sender; where it leads is decided by the
 * browser that opens it. So every attribute of an email's HTML that leads
 * somewhere is taken (href, src, action, …, <meta http-equiv=refresh>:
 * objector-html-text.c), and each link is resolved as the WHATWG URL
 * standard says a browser does: spaces and controls around it dropped, tabs
 * and line breaks inside it dropped, "https:evil.example" and
 * "https:///evil" taken to the host "evil…", "\" read as "/", "//evil" as a
 * link to the host "evil", the host decoded and turned into ASCII. Sets of
 * links are kept in linear time, whatever their number.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OBJECTOR_LINK_NONE,       /* relative, a fragment, empty: leads nowhere on its own */
  OBJECTOR_LINK_WEB,        /* http, https, ftp, ws, wss, or "//host": has a host */
  OBJECTOR_LINK_DANGEROUS,  /* javascript:, vbscript:, data:, file: */
  OBJECTOR_LINK_LOCAL,      /* mailto:, tel:, sms:, cid:, mid:, about: — no web host */
  OBJECTOR_LINK_OTHER,      /* any other scheme: an app or a handler outside the web */
} ObjectorLinkKind;

/* Resolves @raw as a browser would. *@scheme (nullable out) gets the
 * scheme in lower case ("https"; "https" for "//host"); *@host (nullable
 * out) the lower-case ASCII host of a web link, without brackets, port or
 * trailing dots, when it has one. */
ObjectorLinkKind  objector_link_resolve      (const char  *raw,
                                              char       **scheme,
                                              char       **host);

/* Every link of an email, once each. */
typedef struct _ObjectorLinkSet ObjectorLinkSet;

/* How many distinct links a set lists (objector_link_set_get_links()), and
 * how many dangerous ones it quotes; the rest are only counted. */
#define OBJECTOR_LINK_SET_MAX_LISTED    500
#define OBJECTOR_LINK_SET_MAX_DANGEROUS 20

ObjectorLinkSet    *objector_link_set_new            (void);
void                objector_link_set_free           (ObjectorLinkSet *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorLinkSet, objector_link_set_free)

/* Adds one link as written (an attribute's value, a URL in text). */
void                objector_link_set_add            (ObjectorLinkSet *self,
                                                      const char      *raw,
                                                      gssize           length);
/* Distinct links added, and the first OBJECTOR_LINK_SET_MAX_LISTED of them
 * as written (trimmed), in order. */
guint               objector_link_set_get_n_links    (ObjectorLinkSet *self);
const char * const *objector_link_set_get_links      (ObjectorLinkSet *self);
/* Every distinct host of the web links, in order of first appearance. */
const char * const *objector_link_set_get_hosts      (ObjectorLinkSet *self);
/* javascript:, data:, … links: how many, and the first ones as written. */
guint               objector_link_set_get_n_dangerous (ObjectorLinkSet *self);
const char * const *objector_link_set_get_dangerous  (ObjectorLinkSet *self);
/* Schemes of links outside the web ("intent", "ms-msdt"), distinct. */
const char * const *objector_link_set_get_other_schemes (ObjectorLinkSet *self);

/* Finds the web addresses written in plain text ("https://…", "http:…",
 * "ftp://…", "www.…") and adds them to @links. */
void                objector_link_set_add_text       (ObjectorLinkSet *self,
                                                      const char      *text,
                                                      gsize            length);

G_END_DECLS

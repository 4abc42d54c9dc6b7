/* objector-html-text.h — HTML to readable text, and the links in it
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An email's HTML is read with libxml2's HTML parser, which forgives broken
 * markup the way browsers do, so that what Objector reads is what the
 * person saw, and every link a browser would follow is found.
 */

#pragma once

#include "objector-mail-links.h"

G_BEGIN_DECLS

/* Reads HTML (@html: UTF-8, @length bytes) with libxml2's HTML parser; adds
 * every link to @links (nullable): the URL attributes of every element,
 * <meta http-equiv="refresh">, and web addresses in its text. Returns its
 * readable text: tags dropped, blocks on lines of their own, script, style
 * and the head left out. */
char               *objector_html_read               (const char      *html,
                                                      gsize            length,
                                                      ObjectorLinkSet *links);

G_END_DECLS

/* objector-safe-text.h — mail text made safe to show on a terminal
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An email's subject, sender name, links and file names are written by
 * whoever sent it. Echoed to a terminal as they are, an escape sequence in
 * them could move the cursor, rewrite lines already printed ("verified"
 * over "NOT verified"), set the window title or a hyperlink (OSC 8), and a
 * right-to-left override could show "moc.liamkoobecaf" as Meta's domain.
 * Every line of the command line that echoes mail text goes through
 * objector_safe_text() first.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A copy of @text (@length bytes, or up to its NUL when -1) that is valid
 * UTF-8 and holds nothing a terminal would act on:
 *  - escape sequences are removed whole: ESC [ … final (CSI), ESC ] … BEL or
 *    ST (OSC), ESC P/X/^/_ … ST (DCS, SOS, PM, APC), and other ESC sequences;
 *  - C1 controls (U+0080–U+009F) go, CSI and OSC among them with what follows
 *    them as above;
 *  - tabs, line breaks and the Unicode line and paragraph separators become
 *    one space each; every other C0 control and DEL goes;
 *  - bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
 *    U+2066–U+2069), invisible characters (U+200B–U+200D, U+2060–U+2064,
 *    U+FEFF, U+180E, U+FFF9–U+FFFB) and tag characters (U+E0000–U+E007F) go.
 * Invalid UTF-8 becomes U+FFFD. NULL gives NULL. */
char     *objector_safe_text        (const char *text,
                                     gssize      length);

/* @json (JSON text, as json-glib writes it) with every character that
 * objector_safe_text() would remove written as a \uXXXX escape instead:
 * the data stays the same for a program that reads it, and a terminal that
 * shows it sees nothing to act on. (json-glib escapes C0 controls already.) */
char     *objector_safe_json        (const char *json);

/* Whether @text holds anything objector_safe_text() would remove or change
 * (other than making it valid UTF-8). */
gboolean  objector_safe_text_needed (const char *text);

G_END_DECLS

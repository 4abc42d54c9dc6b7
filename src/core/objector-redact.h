/* objector-redact.h — the person's email addresses out of a text, in every form
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds each of some email addresses in a text however it is written, and
 * puts a replacement in its place. Besides "zoe@example.org" in any case:
 *
 * - "%40" and HTML character references ("&#64;", "&commat;") for "@";
 * - look-alike characters that NFKC folds to ASCII: the fullwidth "＠",
 *   "﹫", "．", fullwidth letters; and the ideographic full stop "。";
 * - invisible characters inside it (zero-width space, soft hyphen);
 * - a quoted local part: "\"zoe\"@example.org", "\"zoe smith\"@example.org";
 * - spelled out: "zoe at example dot org", "zoe [at] example.org",
 *   "zoe(at)example(dot)org", "zoe {at} example [.] org", "zoe _at_ …",
 *   "zoe @ example . org";
 * - the domain in punycode or in Unicode, whichever the address was not.
 *
 * Only the address goes; the text around it stays as it was. */
typedef struct _ObjectorRedactor ObjectorRedactor;

/* @addresses: NULL-terminated; those without an "@" are left out. */
ObjectorRedactor *objector_redactor_new   (const char * const *addresses,
                                           const char         *replacement);
void              objector_redactor_free  (ObjectorRedactor   *self);

/* A new string: @text, with every address found replaced; invalid UTF-8 in
 * @text is replaced too (U+FFFD). NULL for NULL. */
char             *objector_redactor_apply (ObjectorRedactor   *self,
                                           const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ObjectorRedactor, objector_redactor_free)

G_END_DECLS

/* objector-country.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ISO 3166-1 alpha-2 codes. Names for display come from iso-codes in the UI. */
gboolean  objector_country_code_is_valid  (const char *code);
/* Upper-cases and validates; NULL with OBJECTOR_ERROR_INVALID_INPUT otherwise. */
char     *objector_country_normalize      (const char *code,
                                           GError    **error);
const char * const *objector_country_list_codes (void);
/* The country's name in the user's language (iso-codes: "Germany",
 * "Deutschland"), or the code when iso-codes does not name it. */
char     *objector_country_dup_name       (const char *code);
/* The country of a POSIX locale name ("de_DE.UTF-8@euro" → "DE"), or NULL
 * when it names none (C, POSIX, "de"). */
char     *objector_country_from_locale    (const char *locale);
/* The country of the person's locale for messages (LC_ALL, else
 * LC_MESSAGES, else LANG, as setlocale() reads them), or NULL. A suggestion
 * only: people live in other countries than their language's. */
char     *objector_country_suggested      (void);

G_END_DECLS

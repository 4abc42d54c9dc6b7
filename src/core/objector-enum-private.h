/* objector-enum-private.h — enum values as the words saved on disk
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of @value in the enum @type (from objector-enums.h), or NULL
 * when @type has no such value. */
const char *_objector_enum_to_nick   (GType       type,
                                      int         value);
/* The value whose nick is @nick; FALSE (and *@value untouched) when @nick
 * is NULL or no nick of @type. */
gboolean    _objector_enum_from_nick (GType       type,
                                      const char *nick,
                                      int        *value);

G_END_DECLS

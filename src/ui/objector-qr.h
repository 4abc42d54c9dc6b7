/* objector-qr.h — a QR code to carry a form's address to a phone
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Black modules on white with the standard four-module quiet zone, each
 * module @scale pixels wide. NULL if @text cannot be encoded. */
GdkTexture *objector_qr_texture_new (const char *text,
                                     int         scale);

G_END_DECLS

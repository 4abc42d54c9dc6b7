/* objector-qr.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <qrencode.h>

#include "objector-qr.h"

#define QUIET_ZONE 4

GdkTexture *
objector_qr_texture_new (const char *text,
                         int         scale)
{
  QRcode *code;
  g_autoptr(GBytes) bytes = NULL;
  guchar *pixels;
  int modules, size, stride;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    return NULL;

  modules = code->width + 2 * QUIET_ZONE;
  size = modules * scale;
  stride = size * 3;
  pixels = g_malloc (stride * size);
  memset (pixels, 0xff, stride * size);

  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      {
        if (!(code->data[y * code->width + x] & 1))
          continue;
        for (int dy = 0; dy < scale; dy++)
          memset (pixels + ((y + QUIET_ZONE) * scale + dy) * stride + (x + QUIET_ZONE) * scale * 3,
                  0x00, scale * 3);
      }

  QRcode_free (code);
  bytes = g_bytes_new_take (pixels, stride * size);
  return gdk_memory_texture_new (size, size, GDK_MEMORY_R8G8B8, bytes, stride);
}

/* objector-safe-text.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-safe-text.h"

#define ESC 0x1b
#define BEL 0x07

/* What to do with one character outside an escape sequence. */
typedef enum
{
  KEEP,
  DROP,
  SPACE,
} Action;

static Action
classify (gunichar c)
{
  if (c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x2028 || c == 0x2029
      || c == 0x85)
    return SPACE;
  if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
    return DROP;
  switch (c)
    {
    case 0x061c:                  /* Arabic letter mark */
    case 0x180e:                  /* Mongolian vowel separator */
    case 0x200b: case 0x200c: case 0x200d: case 0x200e: case 0x200f:
    case 0x202a: case 0x202b: case 0x202c: case 0x202d: case 0x202e:
    case 0x2060: case 0x2061: case 0x2062: case 0x2063: case 0x2064:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
    case 0xfeff:
    case 0xfff9: case 0xfffa: case 0xfffb:
      return DROP;
    default:
      break;
    }
  if (c >= 0xe0000 && c <= 0xe007f)
    return DROP;
  return KEEP;
}

/* Skips a control string (OSC, DCS, SOS, PM, APC) that starts at @p: up to
 * and including BEL, ESC \ or ST (U+009C), or to the end. */
static const char *
skip_string (const char *p,
             const char *end)
{
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == BEL || c == 0x9c)
        return next;
      if (c == ESC)
        return next < end && *next == '\\' ? next + 1 : next;
      p = next;
    }
  return end;
}

/* Skips the parameters, intermediates and final byte of a CSI sequence. A
 * character that cannot belong to one ends it there, unconsumed. */
static const char *
skip_csi (const char *p,
          const char *end)
{
  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c >= 0x40 && c <= 0x7e)
        return p + 1;
      if (c < 0x20 || c > 0x3f)
        return p;
      p++;
    }
  return end;
}

/* @p is just after an ESC. */
static const char *
skip_escape (const char *p,
             const char *end)
{
  guchar c;

  if (p >= end)
    return end;
  c = (guchar) *p;
  if (c == '[')
    return skip_csi (p + 1, end);
  if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
    return skip_string (p + 1, end);
  /* nF sequences: intermediates, then one final byte. */
  while (p < end && (guchar) *p >= 0x20 && (guchar) *p <= 0x2f)
    p++;
  if (p < end && (guchar) *p >= 0x30 && (guchar) *p <= 0x7e)
    return p + 1;
  return p;
}

char *
objector_safe_text (const char *text,
                    gssize      length)
{
  g_autofree char *valid = NULL;
  const char *p;
  const char *end;
  GString *out;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, length);
  p = valid;
  end = valid + strlen (valid);
  out = g_string_sized_new (end - p);

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == ESC)
        {
          p = skip_escape (next, end);
          continue;
        }
      if (c == 0x9b)
        {
          p = skip_csi (next, end);
          continue;
        }
      if (c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f)
        {
          p = skip_string (next, end);
          continue;
        }

      switch (classify (c))
        {
        case KEEP:
          g_string_append_len (out, p, next - p);
          break;
        case SPACE:
          g_string_append_c (out, ' ');
          break;
        case DROP:
        default:
          break;
        }
      p = next;
    }

  return g_string_free (out, FALSE);
}

char *
objector_safe_json (const char *json)
{
  GString *out;

  if (json == NULL)
    return NULL;

  out = g_string_sized_new (strlen (json));
  for (const char *p = json; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if ((guchar) *p < 0x80 || c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_c (out, *p);
          if ((guchar) *p >= 0x80)
            break;  /* not UTF-8: json-glib never writes that */
          continue;
        }
      if (classify (c) != KEEP)
        {
          if (c > 0xffff)
            {
              gunichar v = c - 0x10000;

              g_string_append_printf (out, "\\u%04x\\u%04x", 0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
            }
          else
            g_string_append_printf (out, "\\u%04x", c);
        }
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

gboolean
objector_safe_text_needed (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return FALSE;
  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ESC || classify (c) != KEEP)
        return TRUE;
    }
  return FALSE;
}

/* test-safe-text.c — mail text made safe for a terminal
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "objector-safe-text.h"
#include "objector-test-util.h"

typedef struct
{
  const char *text;
  const char *safe;
} SafeCase;

static const SafeCase cases[] = {
  { "Your objection request", "Your objection request" },
  { "Zoë, 李小龍, שלום", "Zoë, 李小龍, שלום" },
  /* CSI: colours, cursor moves, erasing a line */
  { "\033[1;31mverified\033[0m", "verified" },
  { "NOT\033[2K\033[1Gverified", "NOTverified" },
  { "a\033[?25lb", "ab" },
  { "a\033[", "a" },
  { "a\033[12", "a" },
  /* OSC: window title, hyperlinks, ended by BEL or ST */
  { "\033]0;owned\007title", "title" },
  { "\033]8;;https://evil.example\033\\click\033]8;;\033\\", "click" },
  { "\033]52;c;ZXZpbA==\007x", "x" },
  { "a\033]0;never ended", "a" },
  /* DCS, SOS, PM, APC, other ESC sequences, a lone ESC */
  { "\033P+q544e\033\\x", "x" },
  { "\033_apc\033\\y", "y" },
  { "\033(0z", "z" },
  { "\033cq", "q" },
  { "x\033", "x" },
  /* C1 controls as UTF-8: CSI, OSC, NEL */
  { "\xc2\x9b" "31mred", "red" },
  { "\xc2\x9d" "0;t\xc2\x9c" "ok", "ok" },
  { "a\xc2\x85" "b", "a b" },
  { "a\xc2\x90" "dcs\xc2\x9c" "b", "ab" },
  /* C0 controls and DEL; tabs and line breaks become spaces */
  { "a\tb\nc\rd", "a b c d" },
  { "bell\007, back\010space, del\177", "bell, backspace, del" },
  { "a\013b\014c", "a b c" },
  /* Bidirectional controls and invisible characters */
  { "\xe2\x80\xae" "moc.liamkoobecaf", "moc.liamkoobecaf" },
  { "a\xe2\x80\xaa" "b\xe2\x80\xab" "c\xe2\x80\xac" "d\xe2\x80\xad" "e", "abcde" },
  { "a\xe2\x81\xa6" "b\xe2\x81\xa7" "c\xe2\x81\xa8" "d\xe2\x81\xa9" "e", "abcde" },
  { "a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c" "d", "abcd" },
  { "face\xe2\x80\x8b" "book\xef\xbb\xbf", "facebook" },
  { "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "a b c" },
  { "tag\xf3\xa0\x80\x81\xf3\xa0\x81\xb4", "tag" },
  /* Not UTF-8: replaced, never passed on */
  { "bad \xff\xfe bytes", "bad \xef\xbf\xbd\xef\xbf\xbd bytes" },
  { "\xc2", "\xef\xbf\xbd" },
};

static void
test_safe_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = objector_safe_text (cases[i].text, -1);
      g_autofree char *shown = g_strescape (cases[i].text, NULL);

      g_test_message ("%s", shown);
      g_assert_cmpstr (safe, ==, cases[i].safe);
      g_assert_false (objector_safe_text_needed (safe));
    }
  g_assert_null (objector_safe_text (NULL, -1));
  g_assert_true (objector_safe_text_needed ("\033[0m"));
  g_assert_false (objector_safe_text_needed ("plain Zoë"));
}

/* Whatever the bytes, nothing a terminal acts on is left. */
static void
test_safe_text_any_bytes (void)
{
  GRand *rand = g_rand_new_with_seed (20261120);

  for (guint round = 0; round < 2000; round++)
    {
      guint8 bytes[64];
      g_autofree char *safe = NULL;

      for (guint i = 0; i < sizeof bytes; i++)
        {
          /* Mostly the dangerous ones. */
          static const guint8 pool[] = { 0x1b, '[', ']', 0x07, 0x9b, 0xc2, 0xe2, 0x80, 0xae, 'a', ';', '\\', 0x00, 0x9d };

          bytes[i] = g_rand_boolean (rand) ? pool[g_rand_int_range (rand, 0, G_N_ELEMENTS (pool))]
                                           : (guint8) g_rand_int_range (rand, 0, 256);
        }
      safe = objector_safe_text ((const char *) bytes, sizeof bytes);
      g_assert_true (g_utf8_validate (safe, -1, NULL));
      g_assert_null (strchr (safe, 0x1b));
      g_assert_false (objector_safe_text_needed (safe));
    }
  g_rand_free (rand);
}

static void
test_safe_json (void)
{
  const char *json = "{\"subject\": \"\xe2\x80\xae" "evil\xc2\x9b" "2J \xe2\x80\xa8 ok Zoë\"}";
  g_autofree char *safe = objector_safe_json (json);
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpstr (safe, ==, "{\"subject\": \"\\u202eevil\\u009b2J \\u2028 ok Zoë\"}");
  /* The same data for a program. */
  node = test_util_parse_json (safe);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "subject"), ==,
                   "\xe2\x80\xae" "evil\xc2\x9b" "2J \xe2\x80\xa8 ok Zoë");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "safe-text");

  g_test_add_func ("/safe-text/cases", test_safe_text);
  g_test_add_func ("/safe-text/any-bytes", test_safe_text_any_bytes);
  g_test_add_func ("/safe-text/json", test_safe_json);

  return test_util_run_tests ();
}

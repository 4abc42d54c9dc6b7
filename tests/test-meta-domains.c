/* test-meta-domains.c — Meta's own domains, fixed in the code
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "objector-meta-domains.h"
#include "objector-test-util.h"

static void
test_meta_and_not (void)
{
  static const char * const meta[] = {
    "facebook.com", "www.facebook.com", "FACEBOOK.COM", "facebookmail.com",
    "mail.instagram.com", "help.instagram.com", "help.meta.com", "www.whatsapp.com",
    "support.facebook.com", "fb.com", "www.threads.net",
  };
  static const char * const not_meta[] = {
    "", "evilfacebook.com", "facebook.com.evil.example", "facebookmail.co",
    "faceb00k.com", "xn--facebok-y0a.com", "fаcebook.com" /* Cyrillic а */,
    "facebook.com.", ".facebook.com", "www..facebook.com", "face book.com",
    "instagram.com@evil.example", "meta.com/evil", "example.org",
  };

  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    {
      g_test_message ("%s", meta[i]);
      g_assert_true (objector_meta_domain_is_meta (meta[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_meta); i++)
    {
      g_test_message ("%s", not_meta[i]);
      g_assert_false (objector_meta_domain_is_meta (not_meta[i]));
    }
  g_assert_false (objector_meta_domain_is_meta (NULL));
}

static void
test_within (void)
{
  g_assert_true (objector_domain_is_within ("a.b.example", "b.example"));
  g_assert_true (objector_domain_is_within ("B.Example", "b.example"));
  g_assert_false (objector_domain_is_within ("ab.example", "b.example"));
  g_assert_false (objector_domain_is_within ("example", "b.example"));
  g_assert_false (objector_domain_is_within (NULL, "b.example"));
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "meta-domains");

  g_test_add_func ("/meta-domains/meta-and-not", test_meta_and_not);
  g_test_add_func ("/meta-domains/within", test_within);

  return test_util_run_tests ();
}

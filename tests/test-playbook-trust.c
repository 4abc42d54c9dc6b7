/* test-playbook-trust.c — what any playbook may say, whoever wrote it
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundled, downloaded, the saved update or --playbook FILE: each is held to
 * Meta's own domains (objector-meta-domains.c) for the hosts its forms open
 * on and the domains mail is trusted from, so that it can narrow them and
 * never widen them; no text in it may hold a control character; and a
 * playbook of the person's own is said to be theirs on standard error.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "objector-error.h"
#include "objector-playbook.h"
#include "objector-playbook-trust.h"
#include "objector-test-playbooks.h"
#include "objector-test-util.h"
#include "objector-url-policy.h"

static void
assert_refused (GBytes     *bytes,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_bytes (bytes, NULL, &error);

  g_assert_null (playbook);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_loads (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (playbook);
}

/* Control characters */

static void
test_control_characters (void)
{
  static const struct {
    const char *target;
    const char *value;
    const char *message;
  } cases[] = {
    { "paths[0].form_url", "\"https://www.facebook.com/help/contact/\\n6359191084165019\"",
      "paths[0].form_url: holds a control character (U+000A), which no text in this file may" },
    { "paths[0].overview_url", "\"https://www.facebook.com/privacy/genai\\r\"",
      "paths[0].overview_url: holds a control character (U+000D), which no text in this file may" },
    { "paths[0].title", "\"Object\\tto AI training\"",
      "paths[0].title: holds a control character (U+0009), which no text in this file may" },
    { "paths[0].title", "{\"en\": \"Object\", \"de\": \"Wider\\u001b[31mspruch\"}",
      "paths[0].title.de: holds a control character (U+001B), which no text in this file may" },
    { "paths[0].summary", "\"Rubout\\u007f\"",
      "paths[0].summary: holds a control character (U+007F), which no text in this file may" },
    { "paths[0].summary", "\"Next line\\u0085here\"",
      "paths[0].summary: holds a control character (U+0085), which no text in this file may" },
    { "paths[0].summary", "\"Reads \\u202ebackwards\"",
      "paths[0].summary: holds a control character (U+202E), which no text in this file may" },
    { "paths[0].summary", "\"Line\\u2028separator\"",
      "paths[0].summary: holds a control character (U+2028), which no text in this file may" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = test_playbooks_bundled_with (cases[i].target, cases[i].value, NULL);

      g_test_message ("%s = %s", cases[i].target, cases[i].value);
      assert_refused (bytes, cases[i].message);
    }

  /* json-glib would cut a string at an escaped NUL, "www.facebook.com\u0000…"
   * reading as less than it says: refused before it is parsed. */
  {
    g_autoptr(GBytes) marked = test_playbooks_bundled_with ("paths[0].allowed_hosts", "[\"www.facebook.com@NUL@.evil.example\"]", NULL);
    g_autofree char *text = g_strndup (g_bytes_get_data (marked, NULL), g_bytes_get_size (marked));
    g_auto(GStrv) halves = g_strsplit (text, "@NUL@", 2);
    g_autofree char *joined = g_strjoinv ("\\u0000", halves);
    g_autoptr(GBytes) bytes = g_bytes_new (joined, strlen (joined));

    g_assert_nonnull (strstr (joined, "www.facebook.com\\u0000.evil.example"));
    assert_refused (bytes, "(root): holds an escaped NUL character (\\u0000), which no playbook text may");
  }

  /* Ordinary text stays fine: quotes, accents, emoji, RTL marks. */
  {
    g_autoptr(GBytes) bytes = test_playbooks_bundled_with ("paths[0].summary", "\"«Zoë» says: 👍 \\u200f\"", NULL);
    assert_loads (bytes);
  }
  g_assert_cmpuint (objector_playbook_find_forbidden_char ("plain text, «quoted», ünïcode"), ==, 0);
  g_assert_cmpuint (objector_playbook_find_forbidden_char ("a\x7f"), ==, 0x7f);
}

/* Meta's domains, and nothing wider */

static void
test_meta_hosts_only (void)
{
  static const struct {
    const char *target;
    const char *value;
    const char *message;
  } cases[] = {
    { "paths[0].allowed_hosts", "[\"www.facebook.com\", \"facebook.com\", \"evil.example\"]",
      "paths[0].allowed_hosts[2]: “evil.example” is not one of Meta’s domains (facebook.com, "
      "facebookmail.com, fb.com, fb.me, fbcdn.net, instagram.com, cdninstagram.com, meta.com, metamail.com, "
      "messenger.com, threads.net, threads.com, whatsapp.com, whatsapp.net or their subdomains)" },
    { "paths[0].allowed_hosts", "[\"www.facebook.com\", \"facebook.com.evil.example\"]", NULL },
    { "paths[0].allowed_hosts", "[\"www.facebook.com\", \"evilfacebook.com\"]", NULL },
    { "paths[0].allowed_hosts", "[\"www.facebook.com\", \"xn--facebok-p3a.com\"]", NULL },
    { "paths[0].allowed_hosts", "[\"www.facebook.com\", \"127.0.0.1\"]", NULL },
    { "mail.domains", "[\"facebookmail.com\", \"mail.example.org\"]", NULL },
    { "mail.domains", "[\"facebookmail.com.example.org\"]", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = test_playbooks_bundled_with (cases[i].target, cases[i].value, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ObjectorPlaybook) playbook = objector_playbook_new_from_bytes (bytes, NULL, &error);

      g_test_message ("%s = %s", cases[i].target, cases[i].value);
      g_assert_null (playbook);
      g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      else
        test_util_assert_contains (error->message, "is not one of Meta’s domains");
      test_util_assert_contains (error->message, g_str_has_prefix (cases[i].target, "mail") ? "mail.domains[" : "allowed_hosts[");
    }

  /* Narrower is fine: fewer hosts, fewer mail domains. */
  {
    g_autoptr(GBytes) hosts = test_playbooks_bundled_with ("paths[0].allowed_hosts", "[\"www.facebook.com\", \"help.meta.com\"]", NULL);
    g_autoptr(GBytes) mail = test_playbooks_bundled_with ("mail.domains", "[\"facebookmail.com\"]", NULL);

    assert_loads (hosts);
    assert_loads (mail);
  }
}

/* Tests may point playbooks at their loopback servers; nothing else may. */
static void
test_loopback_only_in_tests (void)
{
  g_autoptr(GBytes) bytes = test_playbooks_bundled_with ("paths[0].allowed_hosts", "[\"www.facebook.com\", \"help.meta.com\", \"127.0.0.1\"]", NULL);

  g_assert_false (objector_playbook_trusts_loopback_for_testing ());
  g_assert_false (objector_playbook_host_is_trusted ("127.0.0.1"));
  assert_refused (bytes, "paths[0].allowed_hosts[2]: “127.0.0.1” is not one of Meta’s domains (facebook.com, "
                         "facebookmail.com, fb.com, fb.me, fbcdn.net, instagram.com, cdninstagram.com, meta.com, "
                         "metamail.com, messenger.com, threads.net, threads.com, whatsapp.com, whatsapp.net or "
                         "their subdomains)");

  objector_url_set_loopback_for_testing (TRUE);
  g_assert_true (objector_playbook_host_is_trusted ("127.0.0.1"));
  assert_loads (bytes);
  objector_url_set_loopback_for_testing (FALSE);
  g_assert_false (objector_playbook_host_is_trusted ("127.0.0.1"));
}

/* Every way a playbook comes in */

static void
test_every_loader (void)
{
  g_autoptr(GBytes) foreign = test_playbooks_bundled_with ("mail.domains", "[\"facebookmail.com\", \"evil.example\"]", NULL);
  g_autofree char *file = test_util_write_file ("own.json", g_bytes_get_data (foreign, NULL),
                                                g_bytes_get_size (foreign));
  g_autofree char *user_file = objector_playbook_dup_user_filename ();
  g_autofree char *dir = test_util_data_dir ();
  g_autoptr(ObjectorPlaybook) bundled = NULL;
  g_autoptr(ObjectorPlaybook) own = NULL;
  g_autoptr(ObjectorPlaybook) in_use = NULL;
  g_autoptr(GError) error = NULL;

  /* The bundled one keeps to them, of course. */
  bundled = objector_playbook_new_bundled (&error);
  g_assert_no_error (error);
  for (const char * const *d = objector_playbook_get_mail_domains (bundled); *d != NULL; d++)
    g_assert_true (objector_playbook_host_is_trusted (*d));

  /* --playbook FILE: the person's own, but not past Meta's domains. */
  own = objector_playbook_new_from_file (file, &error);
  g_assert_null (own);
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_INVALID_PLAYBOOK);
  test_util_assert_contains (error->message, "mail.domains[1]: “evil.example” is not one of Meta’s domains");
  g_clear_error (&error);

  /* A saved update that names another domain (written by an older
   * version, or by hand) is ignored: the bundled playbook serves. */
  test_util_reset_data ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr(GBytes) newer = test_playbooks_bundled_with ("version", "2099010101",
                                                           "mail.domains", "[\"facebookmail.com.evil.example\"]",
                                                           NULL);

    g_file_set_contents_full (user_file, g_bytes_get_data (newer, NULL), g_bytes_get_size (newer),
                              G_FILE_SET_CONTENTS_NONE, 0600, &error);
    g_assert_no_error (error);
  }
  in_use = objector_playbook_load_default (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (objector_playbook_get_origin (in_use), ==, "bundled");
}

/* --playbook FILE says it is the person's own */

static void
test_own_playbook_said (void)
{
  g_autofree char *minimal = test_util_data_path ("playbook", "minimal.json", NULL);
  g_autofree char *broken = test_util_data_path ("playbook", "http-form-url.json", NULL);
  g_auto(TestRun) own = { 0 };
  g_auto(TestRun) bundled = { 0 };
  g_auto(TestRun) refused = { 0 };
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("objector: The playbook “%s” is your own, not Objector’s: Objector’s maintainers have "
                              "not checked its forms and wording. Its forms still open only on Meta’s sites.\n",
                              minimal);

  TEST_RUN (&own, "paths", "--playbook", minimal, "--country", "AT");
  g_assert_cmpint (own.status, ==, 0);
  g_assert_cmpstr (own.err, ==, expected);
  test_util_assert_contains (own.out, "alpine-objection");

  /* Not said for the bundled one, nor for one that was refused. */
  TEST_RUN (&bundled, "paths", "--country", "DE");
  g_assert_cmpint (bundled.status, ==, 0);
  g_assert_cmpstr (bundled.err, ==, "");

  TEST_RUN (&refused, "paths", "--playbook", broken);
  g_assert_cmpint (refused.status, ==, 1);
  test_util_assert_lacks (refused.err, "is your own");
  test_util_assert_contains (refused.err, "form_url: not an https URL");
}

int
main (int   argc,
      char *argv[])
{
  test_util_init (&argc, &argv, "playbook-trust");

  g_test_add_func ("/playbook-trust/control-characters", test_control_characters);
  g_test_add_func ("/playbook-trust/meta-hosts-only", test_meta_hosts_only);
  g_test_add_func ("/playbook-trust/loopback-only-in-tests", test_loopback_only_in_tests);
  g_test_add_func ("/playbook-trust/every-loader", test_every_loader);
  g_test_add_func ("/playbook-trust/own-playbook-said", test_own_playbook_said);

  return test_util_run_tests ();
}

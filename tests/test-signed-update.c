/* test-signed-update.c — a playbook update is used only when Objector's maintainers signed it
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on 127.0.0.1 serves playbooks with and without signatures:
 * unsigned, signed by another key, changed after signing, a signature cut
 * short or not one at all, too large, or behind a redirect that leaves the
 * host. Only a good signature by the trusted key (here the tests' own,
 * objector-test-playbooks.c) gets a playbook used; every other answer is
 * refused with a message and leaves the files on disk exactly as they were.
 * A signed playbook must still be valid, so a signature cannot widen where
 * forms open either.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "objector-error.h"
#include "objector-net-private.h"
#include "objector-playbook.h"
#include "objector-signature.h"
#include "objector-test-playbooks.h"
#include "objector-test-soup.h"
#include "objector-test-util.h"
#include "objector-url-policy.h"

#define NEWER_VERSION 2099010101

static SoupServer *server;
static char *base;
static GHashTable *bodies;      /* path → GBytes */
static GHashTable *signatures;  /* path of the .sig → char * */
static GPtrArray *requests;

/* Playbooks */

/* The bundled playbook at @version, with @target (a member of the first
 * path) set to @value (JSON text), or as it is when @target is NULL. */
static GBytes *
playbook (gint64      version,
          const char *target,
          const char *value)
{
  g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  g_autofree char *member = target != NULL ? g_strconcat ("paths[0].", target, NULL) : NULL;

  return test_playbooks_bundled_with ("version", version_text, member, value, NULL);
}

static void
serve (const char *path,
       GBytes     *body,
       const char *signature)
{
  g_hash_table_insert (bodies, g_strdup (path), g_bytes_ref (body));
  if (signature != NULL)
    g_hash_table_insert (signatures, g_strconcat (path, ".sig", NULL), g_strdup (signature));
}

static void
server_cb (SoupServerMessage *msg,
          const char        *path)
{
  GBytes *body = g_hash_table_lookup (bodies, path);
  const char *signature = g_hash_table_lookup (signatures, path);

  g_ptr_array_add (requests, g_strdup (path));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);

  if (g_str_equal (path, "/moved/meta.json"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/good/meta.json");
  else if (g_str_equal (path, "/sig-away/meta.json.sig"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "https://evil.example/meta.json.sig");
  else if (body != NULL)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  else if (signature != NULL)
    soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                      signature, strlen (signature));
  else
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "not here", 8);
    }
}

/* Updating */

static ObjectorPlaybook *
update (const char                    *path,
        ObjectorPlaybookUpdateResult  *outcome,
        GError                       **error)
{
  g_autoptr(ObjectorNet) net = objector_net_new ();
  g_autoptr(ObjectorPlaybook) bundled = objector_playbook_new_bundled (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *url = g_strconcat (base, path, NULL);

  objector_net_update_playbook_async (net, url, bundled, NULL, test_util_store_result_cb, &result);
  test_util_wait_until (result != NULL);
  ObjectorPlaybook *playbook = objector_net_update_playbook_finish (net, result, outcome, error);
  if (error != NULL && *error != NULL)
    g_test_message ("%s: %s", path, (*error)->message);
  return playbook;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* What the data folder holds: every file's name and bytes, and inode. */
static char *
snapshot (void)
{
  g_autofree char *dir = test_util_data_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *contents = NULL;
      g_autofree char *checksum = NULL;
      gsize length = 0;
      GStatBuf st;

      g_assert_cmpint (g_stat (file, &st), ==, 0);
      if (S_ISREG (st.st_mode))
        g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) (contents ? contents : ""),
                                              length);
      g_string_append_printf (out, "%s %lu %s\n", (char *) g_ptr_array_index (names, i),
                              (unsigned long) st.st_ino, checksum);
    }
  return g_string_free (out, FALSE);
}

/* An older update already in place, so that "nothing changed" is tested on
 * files that exist, not only on their absence. */
static void
earlier_update_in_place (void)
{
  g_autoptr(GBytes) earlier = playbook (NEWER_VERSION - 100, NULL, NULL);
  g_autofree char *user_file = objector_playbook_dup_user_filename ();
  g_autofree char *state_file = objector_net_dup_update_state_filename ();
  g_autofree char *dir = test_util_data_dir ();
  g_autoptr(GError) error = NULL;

  test_util_reset_data ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents_full (user_file, g_bytes_get_data (earlier, NULL), g_bytes_get_size (earlier),
                            G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (state_file, "{\"format\": 1, \"url\": \"https://objector.example/x\", "
                            "\"etag\": \"\\\"e1\\\"\", \"last_modified\": null, \"version\": 1}", -1,
                            G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
}

static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  ObjectorPlaybookUpdateResult outcome = 99;

  earlier_update_in_place ();
  g_autofree char *before = snapshot ();

  g_autoptr(ObjectorPlaybook) updated = update (path, &outcome, &error);
  g_assert_null (updated);
  g_assert_error (error, OBJECTOR_ERROR, code);
  test_util_assert_contains (error->message, words);
  g_assert_cmpint (outcome, ==, 99);

  g_autofree char *after = snapshot ();
  g_assert_cmpstr (after, ==, before);

  /* And the app goes on with what it had. */
  g_clear_error (&error);
  g_autoptr(ObjectorPlaybook) in_use = objector_playbook_load_default (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (objector_playbook_get_version (in_use), ==, NEWER_VERSION - 100);
}

static void
test_unsigned (void)
{
  assert_refused ("/unsigned/meta.json", OBJECTOR_ERROR_BAD_UPDATE, "it has no signature beside it");
}

static void
test_wrong_key (void)
{
  assert_refused ("/wrong-key/meta.json", OBJECTOR_ERROR_BAD_UPDATE, "its signature does not match");
}

static void
test_tampered (void)
{
  assert_refused ("/tampered/meta.json", OBJECTOR_ERROR_BAD_UPDATE, "its signature does not match");
}

static void
test_truncated_signature (void)
{
  assert_refused ("/truncated/meta.json", OBJECTOR_ERROR_BAD_UPDATE, "does not hold a signature");
  assert_refused ("/not-base64/meta.json", OBJECTOR_ERROR_BAD_UPDATE, "does not hold a signature");
  assert_refused ("/empty-sig/meta.json", OBJECTOR_ERROR_BAD_UPDATE, "does not hold a signature");
  assert_refused ("/huge-sig/meta.json", OBJECTOR_ERROR_BAD_UPDATE, "larger than any signature");
}

static void
test_signature_elsewhere (void)
{
  assert_refused ("/sig-away/meta.json", OBJECTOR_ERROR_NETWORK, "evil.example");
}

/* Signed, yet not usable: a signature vouches for the bytes, and the
 * playbook must still keep to Meta's hosts and to plain text. */
static void
test_signed_but_invalid (void)
{
  assert_refused ("/signed-foreign-host/meta.json", OBJECTOR_ERROR_INVALID_PLAYBOOK,
                  "paths[0].allowed_hosts[2]: “evil.example” is not one of Meta’s domains");
  assert_refused ("/signed-newline/meta.json", OBJECTOR_ERROR_INVALID_PLAYBOOK,
                  "paths[0].form_url: holds a control character (U+000A)");
}

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user_file = objector_playbook_dup_user_filename ();
  g_autofree char *saved = NULL;
  g_autoptr(GBytes) expected = playbook (NEWER_VERSION, NULL, NULL);
  ObjectorPlaybookUpdateResult outcome = 99;

  earlier_update_in_place ();
  g_ptr_array_set_size (requests, 0);
  g_autoptr(ObjectorPlaybook) updated = update ("/good/meta.json", &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, OBJECTOR_PLAYBOOK_UPDATE_INSTALLED);
  g_assert_cmpint (objector_playbook_get_version (updated), ==, NEWER_VERSION);
  /* The playbook, then its signature beside it. */
  g_assert_cmpuint (requests->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (requests, 0), ==, "/good/meta.json");
  g_assert_cmpstr (g_ptr_array_index (requests, 1), ==, "/good/meta.json.sig");

  /* Saved as it was signed, byte for byte; the app now uses it. */
  g_assert_true (g_file_get_contents (user_file, &saved, NULL, NULL));
  g_assert_cmpmem (saved, strlen (saved), g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_autoptr(ObjectorPlaybook) reloaded = objector_playbook_load_default (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (objector_playbook_get_version (reloaded), ==, NEWER_VERSION);

  /* Moved on the same host: the signature is looked for where it went. */
  earlier_update_in_place ();
  g_ptr_array_set_size (requests, 0);
  g_autoptr(ObjectorPlaybook) moved = update ("/moved/meta.json", &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, OBJECTOR_PLAYBOOK_UPDATE_INSTALLED);
  g_assert_cmpstr (g_ptr_array_index (requests, requests->len - 1), ==, "/good/meta.json.sig");
}

/* The tests' key counts only in a test program with the loopback exception
 * on; the app, which can turn on neither, accepts nothing signed with it. */
static void
test_key_needs_test_mode (void)
{
  g_autoptr(GBytes) body = playbook (NEWER_VERSION, NULL, NULL);
  g_autofree char *text = test_playbooks_sign (body);
  g_autoptr(GBytes) signature = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;

  guint n_keys = objector_signature_get_n_keys ();

  g_assert_true (objector_signature_verify_playbook (body, signature, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_keys, >=, 1);

  objector_url_set_loopback_for_testing (FALSE);
  g_assert_cmpuint (objector_signature_get_n_keys (), ==, n_keys - 1);
  g_assert_false (objector_signature_verify_playbook (body, signature, &error));
  g_assert_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE);
  g_clear_error (&error);
  objector_url_set_loopback_for_testing (TRUE);

  /* Forgotten, it is no key at all. */
  objector_signature_trust_key_for_testing (NULL);
  g_assert_cmpuint (objector_signature_get_n_keys (), ==, n_keys - 1);
  assert_refused ("/good/meta.json", OBJECTOR_ERROR_BAD_UPDATE, "was not used, and nothing changed");
  test_playbooks_trust_test_key ();
}

/* build-aux/sign-playbook writes what Objector checks. */
static void
test_sign_script (void)
{
  g_autofree char *script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "build-aux", "sign-playbook", NULL);
  g_autofree char *key_file = g_build_filename (test_util_root (), "test.key", NULL);
  g_autofree char *pem = test_playbooks_private_pem ();
  g_autoptr(GBytes) body = playbook (NEWER_VERSION, NULL, NULL);
  g_autofree char *playbook_file = test_util_write_file ("meta.json", g_bytes_get_data (body, NULL),
                                                         g_bytes_get_size (body));
  g_autofree char *sig_file = g_strconcat (playbook_file, ".sig", NULL);
  g_autofree char *sig_text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TestRun) check = { 0 };
  g_autofree char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE)
                            ? g_strdup ("/usr/bin/python3") : g_find_program_in_path ("python3");
  g_autofree char *out = NULL;
  int status = 0;

  if (python == NULL
      || !g_spawn_sync (NULL, (char *[]) { python, (char *) "-c", (char *) "import cryptography", NULL }, NULL,
                        G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("python3-cryptography is not installed: build-aux/sign-playbook needs it");
      return;
    }

  g_file_set_contents_full (key_file, pem, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);

  /* The public key it prints is the test key. */
  g_spawn_sync (NULL, (char *[]) { python, script, (char *) "public-key", key_file, NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  test_util_assert_contains (out, test_playbooks_public_key ());

  g_spawn_sync (NULL, (char *[]) { python, script, (char *) "sign", key_file, playbook_file, NULL }, NULL,
                G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (g_file_get_contents (sig_file, &sig_text, NULL, NULL));
  g_autoptr(GBytes) signature = g_bytes_new (sig_text, strlen (sig_text));
  g_assert_true (objector_signature_verify_playbook (body, signature, &error));
  g_assert_no_error (error);
  /* Ed25519 is deterministic: the same bytes as the tests' own signing. */
  {
    g_autofree char *own = test_playbooks_sign (body);
    g_assert_cmpstr (sig_text, ==, own);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  test_util_init (&argc, &argv, "signed-update");
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  test_playbooks_trust_test_key ();

  bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  signatures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  requests = g_ptr_array_new_with_free_func (g_free);

  g_autoptr(GBytes) newer = playbook (NEWER_VERSION, NULL, NULL);
  g_autofree char *good = test_playbooks_sign (newer);
  g_autofree char *other = test_playbooks_sign_other (newer);
  g_autoptr(GBytes) tampered = playbook (NEWER_VERSION, "form_url", "\"https://www.facebook.com/help/contact/1\"");
  g_autoptr(GBytes) foreign =
    playbook (NEWER_VERSION, "allowed_hosts", "[\"www.facebook.com\", \"facebook.com\", \"evil.example\"]");
  g_autoptr(GBytes) newline =
    playbook (NEWER_VERSION, "form_url", "\"https://www.facebook.com/help/contact/\\n6359191084165019\"");
  g_autofree char *cut = g_strndup (good, 40);
  g_autofree char *huge = g_strnfill (10 * 1024, 'A');

  serve ("/good/meta.json", newer, good);
  serve ("/unsigned/meta.json", newer, NULL);
  serve ("/wrong-key/meta.json", newer, other);
  serve ("/tampered/meta.json", tampered, good);
  serve ("/truncated/meta.json", newer, cut);
  serve ("/not-base64/meta.json", newer, "not a signature at all!\n");
  serve ("/empty-sig/meta.json", newer, "\n");
  serve ("/huge-sig/meta.json", newer, huge);
  serve ("/sig-away/meta.json", newer, NULL);
  {
    g_autofree char *foreign_sig = test_playbooks_sign (foreign);
    g_autofree char *newline_sig = test_playbooks_sign (newline);

    serve ("/signed-foreign-host/meta.json", foreign, foreign_sig);
    serve ("/signed-newline/meta.json", newline, newline_sig);
  }

  server = test_util_soup_serve (server_cb, NULL, &base);

  g_test_add_func ("/signed-update/unsigned", test_unsigned);
  g_test_add_func ("/signed-update/wrong-key", test_wrong_key);
  g_test_add_func ("/signed-update/tampered", test_tampered);
  g_test_add_func ("/signed-update/truncated-signature", test_truncated_signature);
  g_test_add_func ("/signed-update/signature-elsewhere", test_signature_elsewhere);
  g_test_add_func ("/signed-update/signed-but-invalid", test_signed_but_invalid);
  g_test_add_func ("/signed-update/valid", test_valid);
  g_test_add_func ("/signed-update/key-needs-test-mode", test_key_needs_test_mode);
  g_test_add_func ("/signed-update/sign-script", test_sign_script);

  {
    int status = test_util_run_tests ();

    soup_server_disconnect (server);
    g_clear_object (&server);
    g_clear_pointer (&bodies, g_hash_table_unref);
    g_clear_pointer (&signatures, g_hash_table_unref);
    g_clear_pointer (&requests, g_ptr_array_unref);
    g_clear_pointer (&base, g_free);
    return status;
  }
}

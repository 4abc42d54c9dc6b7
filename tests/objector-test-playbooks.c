/* objector-test-playbooks.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <nettle/eddsa.h>

#include "objector-playbook.h"
#include "objector-resources.h"
#include "objector-signature.h"
#include "objector-test-playbooks.h"
#include "objector-test-util.h"
#include "objector-url-policy.h"

/* Seeds, not secrets: these keys sign test data only. */
static const guint8 test_seed[ED25519_KEY_SIZE] = {
  0x4f, 0x62, 0x6a, 0x65, 0x63, 0x74, 0x6f, 0x72, 0x20, 0x74, 0x65, 0x73, 0x74, 0x20, 0x6b, 0x65,
  0x79, 0x2c, 0x20, 0x6e, 0x65, 0x76, 0x65, 0x72, 0x20, 0x74, 0x72, 0x75, 0x73, 0x74, 0x65, 0x64,
};
static const guint8 other_seed[ED25519_KEY_SIZE] = {
  0x41, 0x6e, 0x6f, 0x74, 0x68, 0x65, 0x72, 0x20, 0x6b, 0x65, 0x79, 0x20, 0x6e, 0x6f, 0x62, 0x6f,
  0x64, 0x79, 0x20, 0x74, 0x72, 0x75, 0x73, 0x74, 0x73, 0x20, 0x61, 0x74, 0x20, 0x61, 0x6c, 0x6c,
};

static char *
sign_with (const guint8 *seed,
           GBytes       *body)
{
  guint8 public_key[ED25519_KEY_SIZE];
  guint8 signature[ED25519_SIGNATURE_SIZE];
  gsize length;
  const guint8 *data = g_bytes_get_data (body, &length);
  g_autofree char *text = NULL;

  ed25519_sha512_public_key (public_key, seed);
  ed25519_sha512_sign (public_key, seed, length, data != NULL ? data : (const guint8 *) "", signature);
  text = g_base64_encode (signature, sizeof signature);
  return g_strconcat (text, "\n", NULL);
}

const char *
test_playbooks_public_key (void)
{
  static char *key = NULL;

  if (g_once_init_enter (&key))
    {
      guint8 public_key[ED25519_KEY_SIZE];

      ed25519_sha512_public_key (public_key, test_seed);
      g_once_init_leave (&key, g_base64_encode (public_key, sizeof public_key));
    }
  return key;
}

void
test_playbooks_trust_test_key (void)
{
  objector_url_set_loopback_for_testing (TRUE);
  objector_signature_trust_key_for_testing (test_playbooks_public_key ());
}

char *
test_playbooks_sign (GBytes *body)
{
  return sign_with (test_seed, body);
}

char *
test_playbooks_sign_other (GBytes *body)
{
  return sign_with (other_seed, body);
}

char *
test_playbooks_private_pem (void)
{
  /* PKCS #8 for Ed25519 (RFC 8410): a fixed prefix, then the 32-byte seed. */
  static const guint8 prefix[] = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
  };
  guint8 der[sizeof prefix + ED25519_KEY_SIZE];
  g_autofree char *text = NULL;

  memcpy (der, prefix, sizeof prefix);
  memcpy (der + sizeof prefix, test_seed, ED25519_KEY_SIZE);
  text = g_base64_encode (der, sizeof der);
  return g_strdup_printf ("-----BEGIN PRIVATE KEY-----\n%s\n-----END PRIVATE KEY-----\n", text);
}

GBytes *
test_playbooks_bundled_with (const char *target,
                             ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  va_list args;
  char *text;

  (void) objector_get_resource ();
  bundled = g_resources_lookup_data (OBJECTOR_PLAYBOOK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled), &error);
  g_assert_no_error (error);

  va_start (args, target);
  for (; target != NULL; target = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      g_auto(GStrv) parts = g_strsplit (target, ".", -1);
      JsonNode *node = json_parser_get_root (parser);

      /* Every part but the last names an object, or "name[i]" an element. */
      for (guint i = 0; parts[i + 1] != NULL; i++)
        {
          g_auto(GStrv) name_index = g_strsplit (parts[i], "[", 2);

          node = json_object_get_member (json_node_get_object (node), name_index[0]);
          if (name_index[1] != NULL)
            node = json_array_get_element (json_node_get_array (node),
                                           (guint) g_ascii_strtoull (name_index[1], NULL, 10));
        }
      json_object_set_member (json_node_get_object (node), parts[g_strv_length (parts) - 1],
                              test_util_parse_json (value));
    }
  va_end (args);

  text = json_to_string (json_parser_get_root (parser), FALSE);
  return g_bytes_new_take (text, strlen (text));
}

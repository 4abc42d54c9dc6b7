/* objector-test-signing.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <nettle/eddsa.h>

#include "objector-net-private.h"
#include "objector-signature.h"
#include "objector-test-signing.h"

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
test_signing_public_key (void)
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
test_signing_trust_test_key (void)
{
  objector_net_set_insecure_loopback_for_testing (TRUE);
  objector_signature_trust_key_for_testing (test_signing_public_key ());
}

char *
test_signing_sign (GBytes *body)
{
  return sign_with (test_seed, body);
}

char *
test_signing_sign_other (GBytes *body)
{
  return sign_with (other_seed, body);
}

char *
test_signing_private_pem (void)
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

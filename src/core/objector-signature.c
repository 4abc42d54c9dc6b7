/* objector-signature.c
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <nettle/eddsa.h>

#include "objector-error.h"
#include "objector-playbook-keys.h"
#include "objector-playbook-trust.h"
#include "objector-signature.h"

G_LOCK_DEFINE_STATIC (test_key);
static char *test_key;

void
objector_signature_trust_key_for_testing (const char *public_key)
{
  /* Only a test program calls g_test_init(): the app cannot open this door. */
  g_return_if_fail (g_test_initialized ());

  G_LOCK (test_key);
  g_free (test_key);
  test_key = g_strdup (public_key);
  G_UNLOCK (test_key);
}

/* The keys to try: the compiled-in ones, and the tests' own while a test
 * program has its loopback exception on. */
static GPtrArray *
dup_keys (void)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; objector_playbook_keys[i] != NULL; i++)
    g_ptr_array_add (keys, g_strdup (objector_playbook_keys[i]));

  G_LOCK (test_key);
  if (test_key != NULL && objector_playbook_trusts_loopback_for_testing ())
    g_ptr_array_add (keys, g_strdup (test_key));
  G_UNLOCK (test_key);

  return keys;
}

guint
objector_signature_get_n_keys (void)
{
  g_autoptr(GPtrArray) keys = dup_keys ();

  return keys->len;
}

/* The 64 bytes of a signature file: base64 on one line, spaces around it
 * allowed; NULL when it is anything else. */
static guchar *
decode_signature (GBytes *signature,
                  gsize  *length)
{
  gsize size;
  const char *data = g_bytes_get_data (signature, &size);
  g_autofree char *text = NULL;

  *length = 0;
  if (data == NULL || size == 0 || size > OBJECTOR_SIGNATURE_MAX_SIZE)
    return NULL;

  text = g_strndup (data, size);
  if (strlen (text) != size)
    return NULL;  /* a NUL byte */
  g_strstrip (text);
  if (*text == '\0')
    return NULL;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return NULL;
  if (strlen (text) % 4 != 0)
    return NULL;

  return g_base64_decode (text, length);
}

gboolean
objector_signature_verify_playbook (GBytes  *playbook,
                                    GBytes  *signature,
                                    GError **error)
{
  g_autoptr(GPtrArray) keys = dup_keys ();
  g_autofree guchar *raw = NULL;
  const guchar *message;
  gsize message_length;
  gsize length = 0;

  g_return_val_if_fail (playbook != NULL, FALSE);
  g_return_val_if_fail (signature != NULL, FALSE);

  if (keys->len == 0)
    {
      g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
                           _("this copy of Objector holds no key of its maintainers to check a playbook "
                             "update with, so it accepts none"));
      return FALSE;
    }

  raw = decode_signature (signature, &length);
  if (raw == NULL || length != ED25519_SIGNATURE_SIZE)
    {
      g_set_error (error, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
                   _("its signature file does not hold a signature (%u bytes of base64 text were expected, "
                     "for a %u-byte Ed25519 signature)"),
                   88u, (guint) ED25519_SIGNATURE_SIZE);
      return FALSE;
    }

  message = g_bytes_get_data (playbook, &message_length);
  for (guint i = 0; i < keys->len; i++)
    {
      g_autofree guchar *key = NULL;
      gsize key_length = 0;

      key = g_base64_decode (g_ptr_array_index (keys, i), &key_length);
      if (key_length != ED25519_KEY_SIZE)
        {
          g_critical ("Playbook key %u is not an Ed25519 public key", i);
          continue;
        }
      if (ed25519_sha512_verify (key, message_length, message != NULL ? message : (const guchar *) "", raw))
        return TRUE;
    }

  g_set_error_literal (error, OBJECTOR_ERROR, OBJECTOR_ERROR_BAD_UPDATE,
                       _("its signature does not match: it was not signed by Objector’s maintainers, "
                         "or it was changed after they signed it"));
  return FALSE;
}

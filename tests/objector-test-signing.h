/* objector-test-signing.h — a key pair for signing playbooks in tests
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two fixed Ed25519 key pairs, made from seeds written here in the open: the
 * test key, which test_signing_trust_test_key() makes this test program
 * accept (objector_signature_trust_key_for_testing(): only a program that
 * called g_test_init() and turned on the loopback exception), and another
 * key that nothing trusts. Neither is ever accepted by the app.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The test key's public half, base64. */
const char *test_signing_public_key  (void);
/* Trusts the test key, and turns on the loopback exception it needs. */
void        test_signing_trust_test_key (void);

/* A signature file for @body: base64 and a newline, as build-aux/sign-playbook
 * writes it; by the test key, or by the other one. */
char       *test_signing_sign         (GBytes   *body);
char       *test_signing_sign_other   (GBytes   *body);

/* The test key's private half as a PEM file (PKCS #8), for
 * build-aux/sign-playbook. */
char       *test_signing_private_pem  (void);

G_END_DECLS

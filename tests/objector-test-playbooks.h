/* objector-test-playbooks.h — playbooks for tests: the bundled one changed, and signed
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two fixed Ed25519 key pairs, made from seeds written here in the open: the
 * test key, which test_playbooks_trust_test_key() makes this test program
 * accept (objector_signature_trust_key_for_testing(): only a program that
 * called g_test_init() and turned on the loopback exception), and another
 * key that nothing trusts. Neither is ever accepted by the app.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The test key's public half, base64. */
const char *test_playbooks_public_key  (void);
/* Trusts the test key, and turns on the loopback exception it needs. */
void        test_playbooks_trust_test_key (void);

/* A signature file for @body: base64 and a newline, as build-aux/sign-playbook
 * writes it; by the test key, or by the other one. */
char       *test_playbooks_sign         (GBytes   *body);
char       *test_playbooks_sign_other   (GBytes   *body);

/* The test key's private half as a PEM file (PKCS #8), for
 * build-aux/sign-playbook. */
char       *test_playbooks_private_pem  (void);

/* The bundled playbook with each member at a target ("version",
 * "paths[0].title", "mail.domains") set to a value (JSON text): pairs, then
 * NULL. Every part of a target but the last names an object, or "name[i]"
 * an element of a list. */
GBytes     *test_playbooks_bundled_with (const char *target,
                                         ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS

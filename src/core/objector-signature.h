/* objector-signature.h — detached Ed25519 signatures on playbook updates
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A playbook update is published as two files: the playbook, and beside it
 * the same address with ".sig" appended to its path, holding the Ed25519
 * signature (RFC 8032) of the playbook's exact bytes, in base64 on one line
 * (build-aux/sign-playbook writes it). It is checked with Nettle against the
 * keys compiled into Objector (objector-playbook-keys.h) before anything in
 * the playbook is read.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most a signature file may be: 88 characters of base64 and a line end,
 * with room to spare. */
#define OBJECTOR_SIGNATURE_MAX_SIZE 1024

/* TRUE when @signature (the .sig file's contents) is a valid signature of
 * @playbook by one of the compiled-in keys. Otherwise FALSE with
 * OBJECTOR_ERROR_BAD_UPDATE and a message saying what is wrong (no key in
 * this build, not a signature, or a signature that does not match). */
gboolean objector_signature_verify_playbook (GBytes      *playbook,
                                             GBytes      *signature,
                                             GError     **error);

/* How many keys this build trusts. */
guint    objector_signature_get_n_keys      (void);

/* For tests only: also trust @public_key (base64 of 32 bytes; NULL forgets
 * it). Refuses (a critical warning) unless g_test_init() ran, and the key is
 * used only while the tests' loopback exception is on
 * (objector_url_set_loopback_for_testing()): the app can neither
 * set it nor use it. */
void     objector_signature_trust_key_for_testing (const char *public_key);

G_END_DECLS

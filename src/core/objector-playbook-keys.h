/* objector-playbook-keys.h — the keys a downloaded playbook must be signed with
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ed25519 public keys of Objector's maintainers, base64 (32 bytes each),
 * NULL-terminated. A playbook update is accepted only with a detached
 * signature by one of them (objector-signature.c). Two keys may stand here
 * while one replaces the other.
 *
 * A maintainer makes a key with
 *
 *     build-aux/sign-playbook new-key ~/.config/objector-release/playbook.key
 *
 * which prints the line to put below; the private key never enters this
 * repository, a build machine or a CI secret (README: "Signing a playbook").
 *
 * None is here yet: until the maintainers add theirs, this build accepts no
 * playbook update at all, and says so. The tests use a key of their own,
 * which only a test program can turn on (objector-signature.h).
 */

#pragma once

static const char * const objector_playbook_keys[] = {
  NULL
};

/* objector-test-daemon.h — the real servers and daemons a test starts
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dovecot (objector-test-dovecot.h), gnome-keyring-daemon and goa-daemon
 * (objector-test-session.h) run as children of the test, on the real
 * clock: when the suite runs under libfaketime (build-aux/test moves the
 * clock years ahead), what is tested is Objector, not them, whose own
 * timers and TLS did not always survive the shifted clock.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* This process's environment without libfaketime, for g_spawn_*(). */
GStrv       test_daemon_environment  (void);
/* As the child setup of g_spawn_*(): the kernel stops the daemon with
 * SIGTERM if the test dies first (PR_SET_PDEATHSIG). */
void        test_daemon_child_setup  (gpointer  user_data);
/* Stops the daemon @pid (started with G_SPAWN_DO_NOT_REAP_CHILD) with
 * SIGTERM and waits until it has ended; sets @pid to 0. Nothing when 0. */
void        test_daemon_stop         (GPid     *pid);

G_END_DECLS

/* objector-test-daemon.c — the real servers and daemons a test starts
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>

#include "objector-test-daemon.h"

GStrv
test_daemon_environment (void)
{
  GStrv envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "LD_PRELOAD");
  envp = g_environ_unsetenv (envp, "FAKETIME");
  envp = g_environ_unsetenv (envp, "FAKETIME_DONT_FAKE_MONOTONIC");
  return envp;
}

void
test_daemon_child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

void
test_daemon_stop (GPid *pid)
{
  int status;

  if (*pid == 0)
    return;
  kill (*pid, SIGTERM);
  while (waitpid (*pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (*pid);
  *pid = 0;
}

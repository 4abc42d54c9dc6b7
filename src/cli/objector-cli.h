/* objector-cli.h
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line. */
enum {
  OBJECTOR_EXIT_OK = 0,
  OBJECTOR_EXIT_FAILED = 1,  /* the request failed; one line on stderr says why */
  OBJECTOR_EXIT_USAGE = 2,   /* the command line itself is wrong */
};

/* TRUE when @argv asks for the command line (a subcommand, --help or
 * --version) rather than the window. */
gboolean objector_cli_wanted (int    argc,
                              char **argv);
int      objector_cli_run    (int    argc,
                              char **argv);

G_END_DECLS

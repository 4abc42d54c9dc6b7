/* objector-main.c — the app's entry point, in its private library
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * src/main.c (the `objector` program) loads libobjector-app, which holds
 * this function and everything else, and calls it: main.c says why.
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <gmodule.h>

#include "objector-application.h"
#include "objector-clock.h"
#include "objector-cli.h"

/* The one symbol the library exports (see src/meson.build). */
G_MODULE_EXPORT int objector_main (int   argc,
                                   char *argv[]);

G_MODULE_EXPORT int
objector_main (int   argc,
               char *argv[])
{
  g_autoptr(ObjectorApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  /* Run from the build tree (build-aux/run, the tests), the catalogues are there. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OBJECTOR_LOCALEDIR") ? g_getenv ("OBJECTOR_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Tests pin the clock of the app and of every command (OBJECTOR_TEST_NOW). */
  if (!objector_clock_pin_from_environment (&error))
    {
      g_printerr ("objector: %s\n", error->message);
      return 2;
    }

  /* A subcommand needs no display: never touch GTK for it. */
  if (objector_cli_wanted (argc, argv))
    return objector_cli_run (argc, argv);

  app = objector_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

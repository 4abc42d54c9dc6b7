/* main.c — the `objector` program: loads the app and runs it
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app itself (src/objector-main.c and all it links: GTK, libadwaita,
 * libsoup, GMime, libxml2, libetpan, libsecret, libgoa…) is a private
 * library, libobjector-app.so, installed in LIBDIR/objector and found
 * through this program's run path. It is loaded with RTLD_LOCAL so that its
 * hundred libraries stay out of the global scope: every symbol that a
 * library loaded later resolves (the GL driver, with LLVM's ~380,000
 * relocations under Mesa's llvmpipe or radeonsi) is first looked up in each
 * library of the global scope. Linked directly, that walk was the largest
 * single cost Objector added to a window's first frame (see
 * tests/bench/bench-startup.c and docs/DESIGN.md, "Before the first frame").
 *
 * Nothing else happens here: no GLib, no GTK, only the C library.
 */

#include "config.h"

#include <dlfcn.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>

#define APP_LIBRARY "libobjector-app.so"

typedef int (*AppMain) (int argc, char *argv[]);

#ifdef OBJECTOR_LINK_APP
/* Sanitizer builds link the app in (src/meson.build): LeakSanitizer's
 * tracer does not survive a library loaded this way whose threads are
 * still running at exit. */
int objector_main (int   argc,
                   char *argv[]);

int
main (int   argc,
      char *argv[])
{
  return objector_main (argc, argv);
}
#else
int
main (int   argc,
      char *argv[])
{
  void *library = dlopen (APP_LIBRARY, RTLD_NOW | RTLD_LOCAL);
  AppMain app_main = library != NULL ? (AppMain) dlsym (library, "objector_main") : NULL;

  if (app_main == NULL)
    {
      const char *reason = dlerror ();

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      /* Translators: %s is the system's reason, e.g. "libobjector-app.so: cannot open shared
       * object file: No such file or directory" */
      fprintf (stderr, dgettext (GETTEXT_PACKAGE, "objector: Objector is not installed completely (%s). "
                                 "Install it again."),
               reason != NULL ? reason : APP_LIBRARY);
      fputc ('\n', stderr);
      return 1;
    }

  return app_main (argc, argv);
}
#endif

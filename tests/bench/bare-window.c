/* bare-window.c — the yardstick of bench-startup: an empty libadwaita window
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What any libadwaita app pays before its first frame: an AdwApplication and
 * an empty AdwApplicationWindow of Objector's default size. Measured by the
 * same code as the app (src/ui/objector-first-frame.c), so the two numbers
 * differ only by what Objector itself does.
 */

#include "config.h"

#include <adwaita.h>

#include "objector-first-frame.h"

static void
activate_cb (GApplication *application,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  objector_first_frame_report_if_asked (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("io.github.objector.BareWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}

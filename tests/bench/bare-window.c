/* bare-window.c — the yardsticks of bench-startup: a bare libadwaita window
 *
 * Copyright 2026 The Objector authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What any libadwaita app pays before its first frame, at Objector's default
 * size, measured by the same code as the app (src/ui/objector-first-frame.c)
 * so that the numbers differ only by what Objector itself does:
 *
 *   bare-window          the window a new libadwaita app opens (the one GNOME
 *                        Builder's "GNOME Application" template makes): a
 *                        header bar with the main menu's button and one line
 *                        of text, "Hello, World!", in the title style;
 *   bare-window --empty  an AdwApplicationWindow with nothing in it: no header
 *                        bar (it can be neither moved nor closed with the
 *                        mouse) and no text, so it never loads a font.
 */

#include "config.h"

#include <adwaita.h>

#include "objector-first-frame.h"

static void
activate_cb (GApplication *application,
             gpointer      user_data)
{
  gboolean empty = GPOINTER_TO_INT (user_data);
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 640);
  if (!empty)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = adw_header_bar_new ();
      GtkWidget *menu_button = gtk_menu_button_new ();
      GtkWidget *label = gtk_label_new ("Hello, World!");

      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
      gtk_menu_button_set_primary (GTK_MENU_BUTTON (menu_button), TRUE);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);
      gtk_box_append (GTK_BOX (box), header);
      gtk_widget_add_css_class (label, "title-1");
      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
    }
  objector_first_frame_report_if_asked (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;
  gboolean empty = argc > 1 && g_str_equal (argv[1], "--empty");

  application = adw_application_new ("io.github.objector.BareWindow", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), GINT_TO_POINTER (empty));
  /* The option is this program's, not GApplication's. */
  return g_application_run (G_APPLICATION (application), 1, argv);
}

/* bench-bare-window.c — the baseline for the GUI's start-up figure
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bare AdwApplicationWindow with a header bar and a status page, the
 * size of the app's window, that quits after its first frame is painted:
 * what any libadwaita app costs before it does anything of its own.
 */

#include <adwaita.h>

static void
after_paint (GdkFrameClock *clock,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_map (GtkWidget *window,
        gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), user_data);
}

static void
activate (GtkApplication *app,
          gpointer        user_data)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Uppföljning");
  adw_status_page_set_description (ADW_STATUS_PAGE (page), "Bare window");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  /* bench/run measures until the window is mapped when the app has no
   * first-frame hook yet; then the bare window stays up like the app. */
  if (g_getenv ("BENCH_BARE_STAY") == NULL)
    g_signal_connect (window, "map", G_CALLBACK (on_map), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("se.lysekil.Uppfoljning.BenchBare", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

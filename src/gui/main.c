/* main.c — the uppfoljning executable
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "upp-application.h"

/* For bench/run: UPP_EXIT_AFTER_FIRST_FRAME=1 quits as soon as the first
 * window has painted its first frame, so that start-up can be timed from
 * outside against a bare libadwaita window. */
static void
on_after_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  g_application_quit (app);
}

static void
on_window_realized (GtkWidget    *window,
                    GApplication *app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (on_after_paint), app, 0);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realized), app,
                           G_CONNECT_AFTER);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UppApplication) app = NULL;
  const char *localedir = g_getenv ("UPP_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* UPP_LOCALEDIR lets an uninstalled build find its translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Follow-up"));

  app = upp_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  if (g_strcmp0 (g_getenv ("UPP_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

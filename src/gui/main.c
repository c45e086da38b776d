/* main.c — the uppfoljning executable
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "upp-application.h"
#include "upp-window.h"

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

/* For bench/run: UPP_EXIT_AFTER_IMPORT=1 imports the files on the command
 * line without asking whose they are (upp-import-confirm.c), quits when
 * that first import has been shown, and with it
 * UPP_MEASURE_STALLS=1 prints the longest time the main loop could not run
 * while that import ran: a timer due every STALL_TICK_USEC that comes late
 * by that much. A frame can't be drawn sooner than that either. What
 * follows the import counts too: its results shown, the dashboard
 * reloaded and drawn: the measurement ends at the first tick
 * AFTER_IMPORT_MSEC after ::imported (by then the window is idle again). */
#define STALL_TICK_USEC 2000
#define AFTER_IMPORT_MSEC 3000

static gint64 last_tick;
static gint64 longest_stall;
static gboolean measuring;
static gboolean ticking;
static gboolean stop_at_next_tick;
static GApplication *measured_app;

static gboolean
on_stall_tick (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (measuring && last_tick != 0)
    longest_stall = MAX (longest_stall, now - last_tick - STALL_TICK_USEC);
  last_tick = now;
  if (stop_at_next_tick)
    {
      stop_at_next_tick = FALSE;
      measuring = FALSE;
      g_application_quit (measured_app);
      g_clear_object (&measured_app);
    }
  return G_SOURCE_CONTINUE;
}

static void
on_importing (UppSession *session)
{
  if (upp_session_get_importing (session))
    measuring = TRUE;
}

/* The import and what follows it are done: stop at the next tick, which
 * counts how late it is. */
static gboolean
on_after_import (gpointer user_data)
{
  if (!ticking)
    {
      g_application_quit (user_data);
      g_object_unref (user_data);
      return G_SOURCE_REMOVE;
    }
  measured_app = user_data;
  stop_at_next_tick = TRUE;
  return G_SOURCE_REMOVE;
}

static void
on_imported_quit (UppSession   *session,
                  GPtrArray    *results,
                  gboolean      from_folder,
                  GApplication *app)
{
  g_timeout_add (AFTER_IMPORT_MSEC, on_after_import, g_object_ref (app));
}

static void
on_window_added_quit_after_import (GtkApplication *app,
                                   GtkWindow      *window)
{
  if (!UPP_IS_WINDOW (window))
    return;
  g_signal_connect (upp_window_get_session (UPP_WINDOW (window)), "notify::importing",
                    G_CALLBACK (on_importing), NULL);
  g_signal_connect_object (upp_window_get_session (UPP_WINDOW (window)), "imported",
                           G_CALLBACK (on_imported_quit), app, G_CONNECT_AFTER);
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
  if (g_strcmp0 (g_getenv ("UPP_EXIT_AFTER_IMPORT"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_quit_after_import), NULL);
  if (g_strcmp0 (g_getenv ("UPP_MEASURE_STALLS"), "1") == 0)
    {
      int status;

      ticking = TRUE;
      g_timeout_add_full (G_PRIORITY_HIGH, STALL_TICK_USEC / 1000, on_stall_tick, NULL, NULL);
      status = g_application_run (G_APPLICATION (app), argc, argv);
      g_printerr ("longest main-thread stall during the import: %.1f ms\n",
                  longest_stall / 1000.0);
      return status;
    }
  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* test-session.c — imports through the window's session: one at a time,
 * cancel keeps what is stored, files opened from any window arrive
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "upp-application.h"
#include "upp-gui-test-util.h"
#include "upp-import.h"
#include "upp-report-window.h"
#include "upp-test-util.h"
#include "upp-window.h"

static UppGuiTest gui;

static UppWindow *
open_window (const char *db)
{
  g_autoptr(UppSession) session = upp_session_new ();
  UppWindow *window = g_object_ref (upp_window_new (GTK_APPLICATION (gui.app), session));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  upp_session_open (session, db);
  upp_test_wait_idle (window);
  return window;
}

static void
close_window (UppWindow *window)
{
  upp_test_wait_idle (window);
  gtk_window_destroy (GTK_WINDOW (window));
  upp_test_drain ();
  g_assert_finalize_object (window);
}

static char *
demo_path (const char *name)
{
  return g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "data", "demo", name, NULL);
}

static guint
count_documents (UppWindow *window)
{
  g_autoptr(UppStore) store = upp_test_open_store_of (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = upp_store_list_documents (store, &error);

  g_assert_no_error (error);
  return documents->len;
}

typedef struct
{
  guint n_imported;      /* ::imported emissions */
  guint n_failed;
  guint n_stopped;
  guint n_stored;
  guint n_not_stored;
  guint max_waiting;
} Events;

static void
on_imported (UppSession *session,
             GPtrArray  *results,
             gboolean    from_folder,
             Events     *events)
{
  events->n_imported++;
}

static void
on_failed (UppSession *session,
           const char *message,
           Events     *events)
{
  g_test_message ("failed: %s", message);
  events->n_failed++;
}

static void
on_stopped (UppSession *session,
            guint       n_stored,
            guint       n_not_stored,
            Events     *events)
{
  events->n_stopped++;
  events->n_stored = n_stored;
  events->n_not_stored = n_not_stored;
}

static void
on_waiting (UppSession *session,
            GParamSpec *pspec,
            Events     *events)
{
  events->max_waiting = MAX (events->max_waiting, upp_session_get_imports_waiting (session));
}

static void
connect_events (UppSession *session,
                Events     *events)
{
  g_signal_connect (session, "imported", G_CALLBACK (on_imported), events);
  g_signal_connect (session, "failed", G_CALLBACK (on_failed), events);
  g_signal_connect (session, "import-stopped", G_CALLBACK (on_stopped), events);
  g_signal_connect (session, "notify::imports-waiting", G_CALLBACK (on_waiting), events);
}

/* Two imports started back to back: the second waits for the first, and
 * both are stored. */
static void
test_imports_queued (void)
{
  g_autofree char *db = g_build_filename (gui.tmp_dir, "queued.db", NULL);
  UppWindow *window = open_window (db);
  UppSession *session = upp_window_get_session (window);
  g_autofree char *package = demo_path ("package.json");
  g_autofree char *reports = demo_path ("reports");
  const char *first[] = { package, NULL };
  const char *second[] = { reports, NULL };
  Events events = { 0 };

  connect_events (session, &events);
  upp_session_import (session, first);
  upp_session_import (session, second);
  g_assert_true (upp_session_get_importing (session));
  g_assert_cmpuint (upp_session_get_imports_waiting (session), ==, 1);
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "import-queued");
  upp_test_wait_idle (window);

  g_assert_cmpuint (events.max_waiting, ==, 1);
  g_assert_cmpuint (events.n_imported, ==, 2);
  g_assert_cmpuint (events.n_failed, ==, 0);
  g_assert_cmpuint (upp_session_get_imports_waiting (session), ==, 0);
  /* The package, then every demo report up to "today" (week 40). */
  {
    GPtrArray *results = upp_session_get_last_results (session);
    guint stored = 0;

    for (guint i = 0; i < results->len; i++)
      if (((UppImportResult *) g_ptr_array_index (results, i))->status != UPP_IMPORT_REJECTED)
        stored++;
    g_assert_cmpuint (results->len, ==, 96);
    g_assert_cmpuint (stored, >, 50);
    g_assert_cmpuint (count_documents (window), ==, 1 + stored);
  }

  g_signal_handlers_disconnect_by_data (session, &events);
  close_window (window);
}

static void
cancel_after_some (UppSession *session,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  if (upp_session_get_import_done (session) >= 5)
    {
      g_signal_handlers_disconnect_by_func (session, cancel_after_some, user_data);
      upp_session_cancel_import (session);
    }
}

/* Cancel keeps what was stored, says how much, and shows it. */
static void
test_cancel_keeps_stored (void)
{
  g_autofree char *db = g_build_filename (gui.tmp_dir, "cancel.db", NULL);
  UppWindow *window = open_window (db);
  UppSession *session = upp_window_get_session (window);
  g_autofree char *package = demo_path ("package.json");
  g_autofree char *reports = demo_path ("reports");
  const char *paths[] = { package, reports, NULL };
  const char *again[] = { reports, NULL };
  Events events = { 0 };

  connect_events (session, &events);
  g_signal_connect (session, "notify::import-done", G_CALLBACK (cancel_after_some), NULL);
  upp_session_import (session, paths);
  /* Queued behind it; the cancel drops it. */
  upp_session_import (session, again);
  upp_test_wait_idle (window);

  g_assert_cmpuint (events.n_failed, ==, 0);
  g_assert_cmpuint (events.n_stopped, ==, 1);
  g_assert_cmpuint (events.n_imported, ==, 1);
  g_assert_cmpuint (upp_session_get_imports_waiting (session), ==, 0);
  g_assert_cmpuint (events.n_stored + events.n_not_stored, ==,
                    upp_session_get_last_results (session)->len);
  g_assert_cmpuint (events.n_stored, >=, 1);
  /* What it said it stored is in the database, and the window shows it. */
  g_assert_cmpuint (count_documents (window), ==, events.n_stored);
  g_assert_false (upp_dashboard_is_empty (upp_session_get_dashboard (session)));
  g_assert_cmpstr (upp_window_get_state (window), ==, "dashboard");
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "import-stopped");

  g_signal_handlers_disconnect_by_data (session, &events);
  close_window (window);
}

static gboolean
has_results (gpointer data)
{
  return upp_session_get_last_results (data) != NULL;
}

/* A folder opened with the app while the report form has the focus goes
 * to the main window and is imported there. */
static void
test_open_while_form_focused (void)
{
  g_autofree char *db = g_build_filename (gui.tmp_dir, "open.db", NULL);
  UppWindow *window = open_window (db);
  UppSession *session = upp_window_get_session (window);
  g_autofree char *package = demo_path ("package.json");
  g_autoptr(GFile) file = g_file_new_for_path (package);
  UppReportWindow *form = upp_report_window_new (window);

  gtk_window_present (GTK_WINDOW (form));
  upp_test_wait_for (upp_test_is_drawn, form, "the report form");
  g_assert_true (gtk_application_get_windows (GTK_APPLICATION (gui.app))->data == form);

  /* What g_application_open() does in the primary instance (the test app
   * does not take files from its command line). */
  g_signal_emit_by_name (gui.app, "open", &file, 1, "");
  {
    g_autofree char *question = upp_test_answer_dialog (window, "import");

    g_assert_nonnull (strstr (question, "• Revision 1 of the action package"));
  }
  upp_test_wait_for (has_results, session, "the opened package to be imported");
  upp_test_wait_idle (window);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (upp_session_get_last_results (session),
                                                           0))->status, ==, UPP_IMPORT_IMPORTED);
  g_assert_cmpuint (count_documents (window), ==, 1);

  gtk_window_destroy (GTK_WINDOW (form));
  close_window (window);
}

typedef struct
{
  UppSession *session;
  guint       n_documents;
} DocumentWait;

static gboolean
dashboard_has_documents (gpointer data)
{
  DocumentWait *wait = data;
  UppDashboard *dashboard = upp_session_get_dashboard (wait->session);

  return dashboard != NULL && dashboard->documents->len == wait->n_documents;
}

/* Another program (uppfoljning-cli import in a terminal) imports into the
 * database the window has open: the window shows it without a restart. */
static void
test_outside_import (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "outside");
  UppWindow *window = open_window (db);
  UppSession *session = upp_window_get_session (window);
  g_autofree char *report = g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "tests", "gui",
                                              "data", "SOC-2026-W40-rev2.json", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  DocumentWait wait = { session, upp_session_get_dashboard (session)->documents->len + 1 };

  /* Where the user is: an action chosen, a department filtered on. */
  upp_window_show_view (window, "actions");
  upp_session_set_selected_action (session, "A12");
  upp_session_set_department (session, "SOC");
  upp_test_wait_idle (window);
  {
    /* Its own connection, as another process has. */
    g_autoptr(UppStore) other = upp_store_open (db, &error);

    g_assert_no_error (error);
    g_ptr_array_add (files, g_strdup (report));
    results = upp_import_files (other, files, NULL, NULL, NULL);
    g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                     UPP_IMPORT_SUPERSEDED);
  }
  upp_test_wait_for (dashboard_has_documents, &wait, "the window to show the other import");
  upp_test_wait_idle (window);
  /* SOC's correction counts (A12 delayed now), and the user is still where
   * they were. */
  g_assert_cmpint (upp_dashboard_find_status (upp_session_get_dashboard (session), "A12")->state,
                   ==, UPP_STATE_DELAYED);
  g_assert_cmpstr (upp_session_get_selected_action (session), ==, "A12");
  g_assert_cmpstr (upp_session_get_filter (session)->department, ==, "SOC");
  g_assert_cmpstr (upp_window_get_view (window), ==, "actions");
  close_window (window);
}

/* A database on a network drive (stubbed): the window opens it, alone, and
 * says so; the toast's text is whole. */
static void
test_network_drive (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "network");
  UppWindow *window;

  g_setenv ("UPP_TEST_FILESYSTEM", "cifs", TRUE);
  window = open_window (db);
  g_assert_cmpstr (upp_store_get_network_filesystem (upp_session_get_store (
                     upp_window_get_session (window))), ==, "cifs");
  {
    g_autofree char *text = upp_test_answer_dialog (window, "close");

    g_assert_nonnull (strstr (text, "share the folder of documents instead."));
  }
  close_window (window);
  g_unsetenv ("UPP_TEST_FILESYSTEM");
}

int
main (int   argc,
      char *argv[])
{
  if (!upp_gui_test_init (&gui, &argc, &argv, "se.lysekil.Uppfoljning.TestSession", "2026-10-02"))
    return 0;

  g_test_add_func ("/session/imports-queued", test_imports_queued);
  g_test_add_func ("/session/cancel-keeps-stored", test_cancel_keeps_stored);
  g_test_add_func ("/session/open-while-form-focused", test_open_while_form_focused);
  g_test_add_func ("/session/outside-import", test_outside_import);
  g_test_add_func ("/session/network-drive", test_network_drive);

  return upp_gui_test_run (&gui);
}

/* upp-gui-test-util.c — waiting and screenshots for the GUI tests
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "upp-gui-test-util.h"
#include "upp-session.h"
#include "upp-test-util.h"

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * upp_test_wait_for:
 * @condition: checked after each main loop iteration
 * @data: for @condition
 * @what: for the message when it never comes true
 *
 * Runs the main loop until @condition holds; fails the test after 20 s.
 */
void
upp_test_wait_for (UppTestCondition  condition,
                   gpointer          data,
                   const char       *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (20, wake_up, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

/* Lets notifications, idles and a frame run. */
void
upp_test_drain (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
session_idle (gpointer data)
{
  UppSession *session = upp_window_get_session (data);

  return !upp_session_get_busy (session) && !upp_session_get_loading (session) &&
         !upp_session_get_importing (session) && upp_session_get_dashboard (session) != NULL;
}

void
upp_test_wait_idle (UppWindow *window)
{
  upp_test_wait_for (session_idle, window, "the session to finish its work");
  upp_test_drain ();
}

/**
 * upp_test_open_store_of:
 * @window: a window with an open database
 *
 * The window's database through a connection of the test's own, as another
 * desktop would read it: the session's store refuses queries on the main
 * thread (upp_store_check_blocking), which is where the test runs.
 *
 * Returns: (transfer full): the store
 */
UppStore *
upp_test_open_store_of (UppWindow *window)
{
  UppStore *store = upp_session_get_store (upp_window_get_session (window));
  g_autoptr(GError) error = NULL;
  UppStore *own;

  g_assert_nonnull (store);
  own = upp_store_open (upp_store_get_path (store), &error);
  g_assert_no_error (error);
  return own;
}

static gboolean
report_idle (gpointer data)
{
  return !upp_report_window_get_busy (data);
}

/**
 * upp_test_wait_report:
 * @report: a report form
 *
 * Runs the main loop until the form has done its work: its load, the
 * check of its values and its draft writes run in worker threads.
 */
void
upp_test_wait_report (UppReportWindow *report)
{
  upp_test_wait_for (report_idle, report, "the report form to finish its work");
  upp_test_drain ();
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

void
upp_test_settle (int msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  upp_test_wait_for (time_passed, &until, "time to pass");
}

/* A condition: @data, a widget, is mapped and has a size. */
gboolean
upp_test_is_drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/**
 * upp_test_save_screenshot:
 * @widget: a widget in a window on screen
 * @dir: the folder (created if needed), such as <build>/tests/gui/screenshots
 * @name: the file name without “.png”
 *
 * Saves what @widget shows, for people to look at, once transitions have
 * finished.
 */
void
upp_test_save_screenshot (GtkWidget  *widget,
                          const char *dir,
                          const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GskRenderer *renderer;
  int width, height;

  upp_test_wait_for (upp_test_is_drawn, widget, "the window to be drawn");
  /* Let transitions (leaflet, stack, squeezer) finish. */
  upp_test_settle (400);
  gtk_test_widget_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);

  g_mkdir_with_parents (dir, 0755);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Set-up */

/**
 * upp_gui_test_init:
 * @test: filled in
 * @argc: the program's
 * @argv: the program's
 * @app_id: the application id, one for each test program
 * @today: the date the tests run on (`UPP_TODAY`)
 *
 * Sets up a GUI test program: the demo database, imported in a scratch
 * folder as of 2026-11-27 (the demo's last week), GTK and libadwaita, and
 * a registered application. Without a display it prints a TAP skip
 * instead and returns %FALSE: the program should then exit with 0.
 *
 * Returns: whether the tests can run
 */
gboolean
upp_gui_test_init (UppGuiTest   *test,
                   int          *argc,
                   char       ***argv,
                   const char   *app_id,
                   const char   *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) store = NULL;
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return FALSE;
    }

  /* Reports may not be from the future: the demo runs to week 48. */
  g_setenv ("UPP_TODAY", "2026-11-27", TRUE);
  test->tmp_dir = g_dir_make_tmp ("upp-gui-XXXXXX", &error);
  g_assert_no_error (error);
  test->demo_db = g_build_filename (test->tmp_dir, "demo.db", NULL);
  store = upp_test_open_demo (test->demo_db);
  g_clear_object (&store);
  g_setenv ("UPP_TODAY", today, TRUE);
  test->screenshot_dir = g_build_filename (builddir != NULL ? builddir : ".", "screenshots", NULL);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* What GNOME shows by default: a close button only. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  test->app = upp_application_new (app_id, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (test->app), NULL, &error);
  g_assert_no_error (error);
  return TRUE;
}

/**
 * upp_gui_test_run:
 * @test: set up by upp_gui_test_init()
 *
 * Runs the tests added, then removes the scratch folder and frees @test.
 *
 * Returns: what g_test_run() returns
 */
int
upp_gui_test_run (UppGuiTest *test)
{
  int rc = g_test_run ();

  g_clear_object (&test->app);
  upp_test_remove_tree (test->tmp_dir);
  g_clear_pointer (&test->tmp_dir, g_free);
  g_clear_pointer (&test->demo_db, g_free);
  g_clear_pointer (&test->screenshot_dir, g_free);
  return rc;
}

/**
 * upp_gui_test_copy_demo:
 * @test: set up by upp_gui_test_init()
 * @name: a name for the copy
 *
 * A copy of the demo database for one test to change.
 *
 * Returns: (transfer full): the copy's path, NAME.db in the scratch folder
 */
char *
upp_gui_test_copy_demo (const UppGuiTest *test,
                        const char       *name)
{
  g_autofree char *file = g_strconcat (name, ".db", NULL);
  char *path = g_build_filename (test->tmp_dir, file, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (test->demo_db);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

typedef struct
{
  GtkWindow *parent;
  GtkWindow *found;
} DialogSearch;

static gboolean
find_message_dialog (gpointer data)
{
  DialogSearch *search = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) == search->parent &&
        g_object_get_data (l->data, "upp-test-answered") == NULL)
      search->found = l->data;
  return search->found != NULL;
}

/**
 * upp_test_answer_dialog:
 * @window: the window the message dialog is for
 * @response: its response: "import", "cancel", "close"…
 *
 * Waits for a message dialog over @window (whose files they are, say),
 * and answers it.
 *
 * Returns: (transfer full): what the dialog said
 */
char *
upp_test_answer_dialog (UppWindow  *window,
                        const char *response)
{
  DialogSearch search = { GTK_WINDOW (window), NULL };
  char *body;

  upp_test_wait_for (find_message_dialog, &search, "a message dialog");
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (search.found)));
  /* It closes as it answers; until it is gone it is no new question. */
  g_object_set_data (G_OBJECT (search.found), "upp-test-answered", GINT_TO_POINTER (TRUE));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (search.found), response);
  upp_test_drain ();
  return body;
}

/**
 * upp_test_collect:
 * @root: a widget
 * @type: a widget type
 * @found: (element-type GtkWidget): where the widgets go
 *
 * Every widget of @type under @root (itself included), depth first.
 */
void
upp_test_collect (GtkWidget *root,
                  GType      type,
                  GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    upp_test_collect (child, type, found);
}

/**
 * upp_test_find_button:
 * @root: a widget
 * @label: a button's label, as set (with its underscore)
 *
 * Returns: (transfer none) (nullable): the first button under @root with
 *   that label
 */
GtkWidget *
upp_test_find_button (GtkWidget  *root,
                      const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  upp_test_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  return NULL;
}

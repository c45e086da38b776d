/* test-packages.c — several action packages side by side: the switcher
 * lists those in the data folder, each opens in a window of its own
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "upp-application.h"
#include "upp-gui-test-util.h"
#include "upp-import.h"
#include "upp-package-switcher.h"
#include "upp-packages.h"
#include "upp-test-util.h"
#include "upp-window.h"

static UppGuiTest gui;

static gboolean
has_rows (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  upp_test_collect (data, ADW_TYPE_ACTION_ROW, rows);
  return rows->len == 2;
}

static gboolean
is_loaded (gpointer data)
{
  UppSession *session = upp_window_get_session (data);

  return upp_session_get_dashboard (session) != NULL && !upp_session_get_busy (session);
}

static guint
count_main_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (gui.app)); l != NULL; l = l->next)
    n += UPP_IS_WINDOW (l->data);
  return n;
}

static const char *
package_code (UppWindow *window)
{
  return upp_session_get_dashboard (upp_window_get_session (window))->package->code;
}

/* Two packages in the data folder: the demo's and the importer tests'. The
 * switcher lists both; choosing the other opens it in a second window;
 * each shows its own actions and weeks; closing one leaves the other. */
static void
test_switch (void)
{
  g_autofree char *demo_path = upp_packages_find ("LYS-TRYGG-2026", TRUE, NULL);
  g_autofree char *test_path = upp_packages_find ("TEST-PKG", TRUE, NULL);
  g_autofree char *package = g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "tests", "data",
                                               "import", "good", NULL);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWindow *first;
  GtkWindow *second;
  GtkWindow *switcher;
  GtkWidget *other = NULL;

  g_assert_true (g_str_has_prefix (demo_path, g_getenv ("XDG_DATA_HOME")));
  g_object_unref (upp_test_open_demo (demo_path));
  {
    g_autoptr(UppStore) store = upp_store_open (test_path, &error);
    const char *paths[] = { package, NULL };

    g_assert_no_error (error);
    files = upp_import_collect_files (paths, &error);
    g_assert_no_error (error);
    results = upp_import_files (store, files, NULL, NULL, NULL);
  }

  first = upp_application_open_database (gui.app, demo_path);
  upp_test_wait_for (is_loaded, first, "the demo package");
  g_assert_cmpstr (package_code (UPP_WINDOW (first)), ==, "LYS-TRYGG-2026");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (gui.app), "open-package"));
  switcher = upp_package_switcher_new (first);
  upp_test_wait_for (has_rows, switcher, "the packages to be listed");
  upp_test_save_screenshot (GTK_WIDGET (switcher), gui.screenshot_dir, "package-switcher");
  upp_test_collect (GTK_WIDGET (switcher), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (rows->pdata[i], "upp-code"), "TEST-PKG") == 0)
      other = rows->pdata[i];
  g_assert_nonnull (other);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (other)), ==,
                   "Testpaket för importen");
  g_signal_emit_by_name (other, "activated");
  upp_test_drain ();
  g_assert_cmpuint (count_main_windows (), ==, 2);

  second = gtk_application_get_active_window (GTK_APPLICATION (gui.app));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (gui.app)); l != NULL; l = l->next)
    if (UPP_IS_WINDOW (l->data) && l->data != (gpointer) first)
      second = l->data;
  upp_test_wait_for (is_loaded, second, "the second package");
  g_assert_cmpstr (package_code (UPP_WINDOW (second)), ==, "TEST-PKG");
  g_assert_cmpuint (upp_session_get_dashboard (upp_window_get_session (UPP_WINDOW (second)))
                      ->statuses->len, ==, 4);
  g_assert_cmpuint (upp_session_get_dashboard (upp_window_get_session (UPP_WINDOW (first)))
                      ->statuses->len, ==, 14);

  /* Opening one already open brings its window forward. */
  g_assert_true (upp_application_open_database (gui.app, test_path) == second);
  g_assert_cmpuint (count_main_windows (), ==, 2);

  /* Closing one leaves the other working: a week further back. */
  gtk_window_destroy (second);
  upp_test_drain ();
  upp_session_step_week (upp_window_get_session (UPP_WINDOW (first)), -1);
  upp_test_wait_for (is_loaded, first, "the demo package a week back");
  g_assert_cmpstr (package_code (UPP_WINDOW (first)), ==, "LYS-TRYGG-2026");
  gtk_window_destroy (first);
  upp_test_drain ();
}

static gboolean
has_open_package_button (gpointer data)
{
  return upp_test_find_button (data, "_Open Package") != NULL;
}

static gboolean
has_two_windows (gpointer data)
{
  return count_main_windows () == 2;
}

/* Another package's file imported into this one's window is refused by
 * the store, but not left at that: Open Package opens that package in its
 * own database (new, in the data folder) and window, with the file in. */
static void
test_other_package (void)
{
  g_autofree char *demo_path = upp_packages_find ("LYS-TRYGG-2026", TRUE, NULL);
  g_autofree char *package = g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "tests", "data",
                                               "import", "good", "package.json", NULL);
  const char *paths[] = { package, NULL };
  GtkWindow *first;
  GtkWindow *second = NULL;

  g_object_unref (upp_test_open_demo (demo_path));
  first = upp_application_open_database (gui.app, demo_path);
  upp_test_wait_for (is_loaded, first, "the demo package");
  upp_session_import (upp_window_get_session (UPP_WINDOW (first)), paths);
  upp_test_wait_for (has_open_package_button, first, "the offer to open the other package");
  g_signal_emit_by_name (upp_test_find_button (GTK_WIDGET (first), "_Open Package"), "clicked");
  upp_test_wait_for (has_two_windows, NULL, "the other package's window");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (gui.app)); l != NULL; l = l->next)
    if (UPP_IS_WINDOW (l->data) && l->data != (gpointer) first)
      second = l->data;
  upp_test_wait_for (is_loaded, second, "the other package");
  upp_test_wait_idle (UPP_WINDOW (second));
  g_assert_cmpstr (package_code (UPP_WINDOW (second)), ==, "TEST-PKG");
  g_assert_cmpstr (package_code (UPP_WINDOW (first)), ==, "LYS-TRYGG-2026");
  gtk_window_destroy (second);
  gtk_window_destroy (first);
  upp_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("upp-packages-XXXXXX", NULL);

  /* Before GLib reads it, once for the process. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!upp_gui_test_init (&gui, &argc, &argv, "se.lysekil.Uppfoljning.TestPackages", "2026-12-04"))
    return 0;

  g_test_add_func ("/packages/other-package", test_other_package);
  g_test_add_func ("/packages/switch", test_switch);

  return upp_gui_test_run (&gui);
}

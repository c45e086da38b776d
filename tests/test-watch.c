/* test-watch.c — the watched folder: its work stays off the caller's thread,
 * and dropping the watch stops it
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sqlite3.h>

#include "upp-blocking.h"
#include "upp-import.h"
#include "upp-store.h"
#include "upp-test-util.h"
#include "upp-watch.h"

static char *
demo_file (const char *name)
{
  return g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "data", "demo", name, NULL);
}

static UppStore *
open_store_with_package (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) store = upp_store_open (path, &error);
  g_autofree char *package = demo_file ("package.json");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;

  g_assert_no_error (error);
  g_ptr_array_add (files, g_steal_pointer (&package));
  results = upp_import_files (store, files, NULL, NULL, NULL);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                   UPP_IMPORT_IMPORTED);
  return g_steal_pointer (&store);
}

static guint
count_documents (UppStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = upp_store_list_documents (store, &error);

  g_assert_no_error (error);
  return documents->len;
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
spin (guint msec)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add (msec, quit_loop, loop);
  g_main_loop_run (loop);
}

static void
on_imported_count (UppWatch  *watch,
                   GPtrArray *results,
                   guint     *n_batches)
{
  (*n_batches)++;
}

static void
on_imported_problems (UppWatch  *watch,
                      GPtrArray *results,
                      GString   *problems)
{
  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);

      for (guint j = 0; j < result->problems->len; j++)
        g_string_append_printf (problems, "%s\n",
                                (const char *) g_ptr_array_index (result->problems, j));
    }
}

/* A watch whose import waits for the database (another program holds the
 * write lock) is dropped: it goes at once, its import is cancelled, and
 * once the lock is free it stores nothing. */
static void
test_watch_stops_when_dropped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-watch-XXXXXX", &error);
  g_autofree char *inbox = g_build_filename (dir, "inbox", NULL);
  g_autofree char *db_path = g_build_filename (dir, "watch.db", NULL);
  g_autofree char *report = demo_file ("reports/SOC-2026-W30.json");
  g_autofree char *copy = g_build_filename (inbox, "SOC-2026-W30.json", NULL);
  g_autoptr(UppStore) store = NULL;
  UppWatch *watch;
  sqlite3 *other = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  guint n_batches = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (inbox, 0700), ==, 0);
  g_assert_true (g_file_get_contents (report, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  store = open_store_with_package (db_path);
  g_assert_cmpuint (count_documents (store), ==, 1);

  g_assert_cmpint (sqlite3_open (db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  watch = upp_watch_new (store, inbox, &error);
  g_assert_no_error (error);
  g_signal_connect (watch, "imported", G_CALLBACK (on_imported_count), &n_batches);
  g_object_add_weak_pointer (G_OBJECT (watch), (gpointer *) &watch);

  /* The file settles after a second; then the import waits for the lock. */
  spin (2000);
  g_object_unref (watch);
  g_assert_null (watch);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  spin (1500);

  g_assert_cmpuint (n_batches, ==, 0);
  g_assert_cmpuint (count_documents (store), ==, 1);

  g_clear_object (&store);
  upp_test_remove_tree (dir);
}

/* The folder is listed by the watch's worker, not when the watch is made:
 * the files already there are imported all the same. */
static void
on_watch_made (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  UppWatch **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = upp_watch_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

/* Made with upp_watch_new_async(), or with upp_watch_new(). */
static void
imports_what_is_there (gboolean made_async)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-watch-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "watch.db", NULL);
  g_autofree char *inbox = g_build_filename (dir, "inbox", NULL);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(UppWatch) watch = NULL;
  /* What lands in the folder, and the demo report each is a copy of. */
  const struct { const char *name, *source; } files[] = {
    { "SOC/SOC-2026-W30.json", "reports/SOC-2026-W30.json" },
    { "KS/KS-2026-W30.json", "reports/KS-2026-W30.json" },
    { "SOC/notes.txt", "reports/SOC-2026-W31.json" },
    { "SOC/.SOC-2026-W31.json", "reports/SOC-2026-W31.json" },
    /* Refused, with the reason: at the top, and in another's folder. */
    { "SOC-2026-W31.json", "reports/SOC-2026-W31.json" },
    { "UTB/SOC-2026-W32.json", "reports/SOC-2026-W32.json" },
  };
  const char *folders[] = { "SOC", "KS", "UTB" };
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_batches = 0;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (inbox, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (inbox, folders[i], NULL);

      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *source = demo_file (files[i].source);
      g_autofree char *target = g_build_filename (inbox, files[i].name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (target, contents, length, NULL));
    }
  /* Another package's report in the same shared folder: left for the
   * database that follows that package, without a word. */
  {
    g_autofree char *source = demo_file ("reports/SOC-2026-W33.json");
    g_autofree char *target = g_build_filename (inbox, "SOC", "LYS-SKOLA-2027-W33.json", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GString) other = NULL;

    g_assert_true (g_file_get_contents (source, &contents, NULL, NULL));
    other = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (other, "LYS-TRYGG-2026", "LYS-SKOLA-2027", 1), ==, 1);
    g_assert_true (g_file_set_contents (target, other->str, other->len, NULL));
  }
  store = open_store_with_package (db_path);

  if (made_async)
    {
      /* Registering the folder, on a share, waits: not in this thread. */
      upp_blocking_forbid_in_this_thread ();
      upp_watch_new_async (store, inbox, NULL, on_watch_made, &watch);
      for (guint i = 0; i < 100 && watch == NULL; i++)
        spin (20);
      upp_blocking_allow_again ();
      g_assert_nonnull (watch);
    }
  else
    {
      watch = upp_watch_new (store, inbox, &error);
      g_assert_no_error (error);
    }
  g_signal_connect (watch, "imported", G_CALLBACK (on_imported_count), &n_batches);
  g_signal_connect (watch, "imported", G_CALLBACK (on_imported_problems), problems);
  for (guint i = 0; i < 100 && n_batches == 0; i++)
    spin (50);

  /* The two reports in their departments' folders, not the text file, not
   * the hidden one; the one at the top and the one in UTB's folder are
   * refused, saying where they belong. */
  g_assert_cmpuint (n_batches, ==, 1);
  g_assert_cmpuint (count_documents (store), ==, 3);
  g_test_message ("%s", problems->str);
  g_assert_nonnull (strstr (problems->str, "SOC-2026-W31.json: is at the top of the shared "
                                           "folder; it is read only from the folder “SOC”"));
  g_assert_nonnull (strstr (problems->str, "UTB/SOC-2026-W32.json: is a report for SOC, but it "
                                           "is in the folder “UTB”"));
  g_assert_null (strstr (problems->str, "LYS-SKOLA-2027"));

  g_clear_object (&watch);
  g_clear_object (&store);
  upp_test_remove_tree (dir);
}

static void
test_watch_imports_what_is_there (void)
{
  imports_what_is_there (FALSE);
}

static void
test_watch_made_in_a_worker (void)
{
  imports_what_is_there (TRUE);
}

/* Where the thread must not wait, making the watch there is caught. */
static void
test_watch_made_where_it_must_not_wait (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-watch-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "watch.db", NULL);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(UppWatch) watch = NULL;

  g_assert_no_error (error);
  store = open_store_with_package (db_path);
  upp_blocking_forbid_in_this_thread ();
  g_test_expect_message ("upp-blocking", G_LOG_LEVEL_CRITICAL,
                         "Watching the shared folder on the main thread*");
  watch = upp_watch_new (store, dir, &error);
  g_test_assert_expected_messages ();
  upp_blocking_allow_again ();
  g_assert_no_error (error);

  g_clear_object (&watch);
  g_clear_object (&store);
  upp_test_remove_tree (dir);
}

static void
on_failed (UppWatch   *watch,
           const char *message,
           char      **out)
{
  *out = g_strdup (message);
}

/* A folder that is not there (a share that went away) is reported by
 * ::failed from the worker; making the watch does not look at it. */
static void
test_watch_missing_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-watch-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "watch.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "share", "inbox", NULL);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(UppWatch) watch = NULL;
  g_autofree char *message = NULL;

  g_assert_no_error (error);
  store = open_store_with_package (db_path);
  watch = upp_watch_new (store, missing, &error);
  g_assert_no_error (error);
  g_signal_connect (watch, "failed", G_CALLBACK (on_failed), &message);
  for (guint i = 0; i < 100 && message == NULL; i++)
    spin (20);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, missing));

  g_clear_object (&watch);
  g_clear_object (&store);
  upp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/watch/stops-when-dropped", test_watch_stops_when_dropped);
  g_test_add_func ("/watch/imports-what-is-there", test_watch_imports_what_is_there);
  g_test_add_func ("/watch/made-in-a-worker", test_watch_made_in_a_worker);
  g_test_add_func ("/watch/made-where-it-must-not-wait", test_watch_made_where_it_must_not_wait);
  g_test_add_func ("/watch/missing-folder", test_watch_missing_folder);

  return g_test_run ();
}

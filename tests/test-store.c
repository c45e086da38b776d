/* test-store.c — schema, migrations and drafts
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "upp-error.h"
#include "upp-store.h"
#include "upp-test-util.h"

static char *
temp_db_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-store-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "sub", "test.db", NULL);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Schema 6: how each document's bytes are stored; 'identity' unless said. */
#define ENCODING_COLUMN \
  "SELECT COUNT(*) FROM pragma_table_info ('document')" \
  " WHERE name = 'encoding' AND type = 'TEXT' AND \"notnull\" AND dflt_value = '''identity'''"

static void
test_create (void)
{
  g_autofree char *path = temp_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (upp_store_has_package (store));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_clear_object (&store);

  g_assert_cmpint (upp_test_query_int64 (path, "PRAGMA user_version"), ==,
                   UPP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (upp_test_query_int64 (path, "SELECT COUNT(*) FROM pragma_journal_mode WHERE "
                                               "journal_mode = 'wal'"), ==, 1);
  g_assert_cmpint (upp_test_query_int64 (path, ENCODING_COLUMN), ==, 1);

  /* Queries on an empty store say what is missing. */
  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (upp_store_query_status (store, UPP_WEEK_INIT (2026, 30), NULL, &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND);
}

/* A version 1 database, as the first release wrote it, gains the drafts
 * table and keeps its data. */
static void
test_migrate_1_to_2 (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  run_sql (path, UPP_TEST_REPORTS_BACK_TO_SCHEMA_7
                 "DROP TABLE draft; ALTER TABLE document DROP COLUMN encoding;"
                 "PRAGMA user_version = 1;"
                 "INSERT INTO goal (code, title, position) VALUES ('G1', 'Närvaro', 0);");

  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (upp_store_save_draft (store, "SOC", UPP_WEEK_INIT (2026, 30), "{}", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (upp_test_query_int64 (path, "PRAGMA user_version"), ==,
                   UPP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (upp_test_query_int64 (path, "SELECT COUNT(*) FROM goal"
                                               " WHERE title = 'Närvaro'"), ==, 1);
  g_assert_cmpint (upp_test_query_int64 (path, ENCODING_COLUMN), ==, 1);
}

static void
test_too_new (void)
{
  g_autofree char *path = temp_db_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  run_sql (path, "PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);");

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  store = upp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_not_a_database (void)
{
  g_autofree char *path = temp_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "this is a text file, not SQLite\n", -1, NULL));
  store = upp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_drafts (void)
{
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *updated = NULL;
  char *gone;

  store = upp_store_open (":memory:", &error);
  g_assert_no_error (error);

  g_assert_null (upp_store_get_draft (store, "SOC", UPP_WEEK_INIT (2026, 49)));
  g_assert_true (upp_store_save_draft (store, "SOC", UPP_WEEK_INIT (2026, 49),
                                       "{\"summary\": \"Första utkast\"}", &error));
  g_assert_true (upp_store_save_draft (store, "SOC", UPP_WEEK_INIT (2026, 49),
                                       "{\"summary\": \"Andra utkast\"}", &error));
  g_assert_true (upp_store_save_draft (store, "UTB", UPP_WEEK_INIT (2026, 49), "{}", &error));
  g_assert_no_error (error);

  updated = upp_store_get_draft (store, "SOC", UPP_WEEK_INIT (2026, 49));
  g_assert_cmpstr (updated, ==, "{\"summary\": \"Andra utkast\"}");
  draft = upp_store_get_draft (store, "UTB", UPP_WEEK_INIT (2026, 49));
  g_assert_cmpstr (draft, ==, "{}");
  g_assert_null (upp_store_get_draft (store, "SOC", UPP_WEEK_INIT (2026, 48)));

  g_assert_true (upp_store_delete_draft (store, "SOC", UPP_WEEK_INIT (2026, 49), &error));
  g_assert_no_error (error);
  gone = upp_store_get_draft (store, "SOC", UPP_WEEK_INIT (2026, 49));
  g_assert_null (gone);

  /* A bad week is a clear error, not a stored draft. */
  g_assert_false (upp_store_save_draft (store, "SOC", UPP_WEEK_INIT (2026, 54), "{}", &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK);
}

/* A database on a network file system (stubbed: no share here) is opened
 * for one program at a time, without the write-ahead log; a second store
 * is refused with how desktops should share instead. */
static void
test_network_filesystem (void)
{
  g_autofree char *path = temp_db_path ();
  g_autoptr(UppStore) store = NULL;
  g_autoptr(UppStore) second = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("UPP_TEST_FILESYSTEM", "nfs", TRUE);
  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upp_store_get_network_filesystem (store), ==, "nfs");

  second = upp_store_open (path, &error);
  g_assert_null (second);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "is on a network drive (nfs)"));
  g_assert_nonnull (strstr (error->message, "share the folder of documents instead"));
  g_clear_error (&error);

  g_clear_object (&store);
  g_unsetenv ("UPP_TEST_FILESYSTEM");
  g_assert_cmpint (upp_test_query_int64 (path, "SELECT COUNT(*) FROM pragma_journal_mode WHERE "
                                               "journal_mode = 'delete'"), ==, 1);

  /* The same file, local again: the write-ahead log, any number of stores. */
  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (upp_store_get_network_filesystem (store));
  second = upp_store_open (path, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/create", test_create);
  g_test_add_func ("/store/migrate-1-to-2", test_migrate_1_to_2);
  g_test_add_func ("/store/too-new", test_too_new);
  g_test_add_func ("/store/not-a-database", test_not_a_database);
  g_test_add_func ("/store/drafts", test_drafts);
  g_test_add_func ("/store/network-filesystem", test_network_filesystem);

  return g_test_run ();
}

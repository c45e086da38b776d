/* upp-test-util.c — what several tests need: the demo store, clean-up, a
 * look into a database file
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <json-glib/json-glib.h>

#include "upp-import.h"
#include "upp-test-util.h"

/**
 * upp_test_open_demo:
 * @path: the database file, or ":memory:"
 *
 * Opens a store and imports the demo package and every demo report
 * (UPP_SOURCE_DIR/data/demo) through the importer, asserting that none
 * is rejected.
 *
 * Returns: (transfer full): the store
 */
UppStore *
upp_test_open_demo (const char *path)
{
  const char *source = g_getenv ("UPP_SOURCE_DIR");
  g_autofree char *folder = NULL;
  g_autofree char *reports = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  UppStore *store;

  g_assert_nonnull (source);
  folder = g_build_filename (source, "data", "demo", NULL);
  reports = g_build_filename (folder, "reports", NULL);

  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  files = upp_import_collect_files ((const char *[]) { folder, reports, NULL }, &error);
  g_assert_no_error (error);
  results = upp_import_files (store, files, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, >, 90);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, i))->status, !=,
                     UPP_IMPORT_REJECTED);
  return store;
}

/**
 * upp_test_remove_tree:
 * @path: a folder
 *
 * Removes @path and everything in it.
 */
void
upp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        upp_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/**
 * upp_test_query_int64:
 * @path: a database file
 * @sql: a query whose first row's first column is an integer
 *
 * Asks the database itself, on a connection of its own, past the store.
 *
 * Returns: that integer
 */
gint64
upp_test_query_int64 (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/**
 * upp_test_accept_revisions:
 * @store: a store
 *
 * Accepts, one at a time, every package revision that waits for a
 * decision, as leadership would after reviewing them.
 *
 * Returns: how many were accepted
 */
guint
upp_test_accept_revisions (UppStore *store)
{
  guint accepted = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) revisions = upp_store_list_revisions (store, &error);
      const UppRevisionInfo *next = NULL;

      g_assert_no_error (error);
      for (guint i = 0; i < revisions->len && next == NULL; i++)
        {
          const UppRevisionInfo *info = g_ptr_array_index (revisions, i);

          if (info->state == UPP_REVISION_PENDING &&
              info->revision == upp_store_get_package_revision (store) + 1)
            next = info;
        }
      if (next == NULL)
        return accepted;
      g_assert_true (upp_import_decide_revision (store, next->sha256, TRUE, "Testet", &error));
      g_assert_no_error (error);
      accepted++;
    }
}

/**
 * upp_test_template_as_form_writes:
 * @template: what upp_report_template() wrote
 *
 * The template as the report form writes the same values: format version
 * 1, without the read-only `about` of each entry, and without the
 * indicators it leaves empty (null) for the department to fill in; and
 * without `submitted` (the template is made now, the form when saved).
 *
 * Returns: (transfer full): the JSON tree
 */
JsonNode *
upp_test_template_as_form_writes (const char *template)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *entries;

  json_parser_load_from_data (parser, template, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 2);
  json_object_set_int_member (root, "version", 1);
  json_object_remove_member (root, "submitted");
  entries = json_object_get_array_member (root, "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonObject *indicators = json_object_has_member (entry, "indicators")
                                 ? json_object_get_object_member (entry, "indicators") : NULL;
      g_autoptr(GList) codes = indicators != NULL ? json_object_get_members (indicators) : NULL;

      g_assert_true (json_object_has_member (entry, "about"));
      json_object_remove_member (entry, "about");
      for (const GList *l = codes; l != NULL; l = l->next)
        if (json_object_get_null_member (indicators, l->data))
          json_object_remove_member (indicators, l->data);
      if (indicators != NULL && json_object_get_size (indicators) == 0)
        json_object_remove_member (entry, "indicators");
    }
  return json_node_copy (json_parser_get_root (parser));
}

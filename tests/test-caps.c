/* test-caps.c — what a hostile shared folder cannot make an import keep or
 * do: problems per document and per batch, memory, work per correction
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here is timed: the tests count (problems, rows a correction
 * changes) or measure memory against the same import of one file.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "upp-import.h"
#include "upp-store.h"
#include "upp-test-util.h"

#define TODAY "2026-07-01"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

/* A report whose every key after the header is unknown, of about @size
 * bytes: one problem per key ("unknown field"), and a few more for the
 * fields it lacks. Returns the number of unknown keys. */
static guint
write_unknown_keys (const char *path,
                    gsize       size)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"uppfoljning-report\",\"version\":1");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  while (text->len + 16 < size)
    g_string_append_printf (text, ",\"%x\":0", n++);
  g_string_append_c (text, '}');
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  return n;
}

static GPtrArray *
import_paths (UppStore           *store,
              const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = upp_import_collect_files (paths, &error);

  g_assert_no_error (error);
  return upp_import_files (store, files, NULL, NULL, NULL);
}

static UppStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  UppStore *store = upp_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* How many problems a file with @n unknown keys has besides them. */
static guint
count_other_problems (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "three-keys.json", NULL);
  g_autoptr(UppDocument) document = NULL;
  guint n = write_unknown_keys (path, 64);

  g_assert_cmpuint (n, >, 0);
  document = upp_document_load (path, NULL);
  g_assert_cmpuint (document->problems->len, >, n);
  g_assert_cmpuint (document->problems->len, <, UPP_MAX_PROBLEMS);
  return document->problems->len - n;
}

/* Each of @results has the first UPP_MAX_PROBLEMS problems and one line
 * that says how many more: @n_more. */
static void
assert_capped (GPtrArray *results,
               guint      n_more)
{
  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);
      g_autofree char *last = g_strdup_printf ("%s: and %u more problems", result->path, n_more);

      g_assert_cmpint (result->status, ==, UPP_IMPORT_REJECTED);
      g_assert_cmpuint (result->problems->len, ==, UPP_MAX_PROBLEMS + 1);
      g_assert_true (g_str_has_suffix (g_ptr_array_index (result->problems, 0),
                                       ": 0: unknown field; expected one of format, version, "
                                       "package, department, week, submitted, reporter, "
                                       "summary, entries"));
      g_assert_cmpstr (g_ptr_array_index (result->problems, UPP_MAX_PROBLEMS), ==, last);
    }
}

/* Memory: a child process imports the files, parsing one at a time
 * (UPP_IMPORT_THREADS=1, set for the whole test), and writes how much its
 * peak resident memory grew by, in KiB, into a file. */

static glong
peak_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

static void
import_in_child (guint n_files)
{
  const char *dir = g_getenv ("UPP_TEST_CAPS_DIR");
  g_autofree char *db = g_strdup_printf ("%s/child-%u.db", dir, n_files);
  g_autofree char *out = g_strdup_printf ("%s/growth-%u.txt", dir, n_files);
  g_autofree char *text = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  glong before;

  if (!g_test_subprocess ())
    return;
  g_assert_nonnull (dir);
  store = open_store (db);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (files, g_strdup_printf ("%s/keys-%02u.json", dir, i));

  before = peak_kib ();
  results = upp_import_files (store, files, NULL, NULL, NULL);
  text = g_strdup_printf ("%ld\n%u\n", peak_kib () - before, results->len);
  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);

      g_assert_cmpuint (result->problems->len, ==, UPP_MAX_PROBLEMS + 1);
      g_assert_nonnull (strstr (g_ptr_array_index (result->problems, UPP_MAX_PROBLEMS),
                                " more problems"));
    }
  g_assert_true (g_file_set_contents (out, text, -1, NULL));
}

static void
import_one_in_child (void)
{
  import_in_child (1);
}

static void
import_ten_in_child (void)
{
  import_in_child (10);
}

static glong
run_child (const char *dir,
           const char *test_path,
           guint       n_files)
{
  g_autofree char *out = g_strdup_printf ("%s/growth-%u.txt", dir, n_files);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_test_trap_subprocess (test_path, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (strtoul (lines[1], NULL, 10), ==, n_files);
  return strtol (lines[0], NULL, 10);
}

/* Ten files of 8 MiB of unknown keys (some 850,000 problems each) as one
 * batch: each keeps UPP_MAX_PROBLEMS problems and says how many more, and
 * the import's peak memory does not grow with the number of files. Before
 * the caps, each file's problems were all kept: ten took 1.5 GB. */
static void
test_unknown_keys_batch (void)
{
  const char *dir = g_getenv ("UPP_TEST_CAPS_DIR");
  g_autofree char *db = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  glong one, ten;
  guint n_keys = 0;
  guint others;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/keys-%02u.json", dir, i);

      n_keys = write_unknown_keys (path, UPP_IMPORT_MAX_BYTES);
    }
  g_test_message ("%u unknown keys in each file", n_keys);
  g_assert_cmpuint (n_keys, >, 800000);
  others = count_other_problems (dir);

  /* The problems, in this process. */
  {
    g_autofree char *path = g_build_filename (dir, "keys-00.json", NULL);
    const char *paths[] = { path, NULL };

    db = g_build_filename (dir, "caps.db", NULL);
    store = open_store (db);
    results = import_paths (store, paths);
    assert_capped (results, n_keys + others - UPP_MAX_PROBLEMS);
    g_clear_pointer (&results, g_ptr_array_unref);
  }

  /* The memory, each import in a process of its own. A sanitizer's
   * allocator keeps freed memory in quarantine and maps its own: the
   * measure means nothing there (and ten files take minutes). */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  g_test_message ("peak memory not measured under a sanitizer");
  g_clear_object (&store);
  return;
#endif
  one = run_child (dir, "/caps/child/one", 1);
  ten = run_child (dir, "/caps/child/ten", 10);
  g_test_message ("peak memory grew by %ld KiB importing one file, %ld KiB importing ten", one,
                  ten);
  /* One file at a time: ten files need about what one needs, the bytes
   * and tree of the file being parsed. Measured, ten grow by 1.5–1.7 times
   * what one does (after the first 8 MiB is freed, glibc raises its mmap
   * threshold and serves the next from the heap, which keeps some); three
   * times is room for that. When every problem was kept, ten needed seven
   * times what one did, and a hundred would need seventy. */
  g_assert_cmpint (one, >, 0);
  g_assert_cmpint (ten, <, 3 * one);

  g_clear_object (&store);
}

/* A problem that quotes a key of 100,000 characters is cut to
 * UPP_MAX_PROBLEM_LENGTH bytes, on a character's boundary, with "…". */
static void
test_long_problem (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\":\"uppfoljning-report\",\"version\":1,\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UppDocument) document = NULL;
  const char *problem;

  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "åb");
  g_string_append (text, "\":0}");
  bytes = g_bytes_new (text->str, text->len);
  document = upp_document_parse ("long.json", bytes, NULL);
  g_assert_cmpuint (document->problems->len, >, 1);
  problem = g_ptr_array_index (document->problems, 0);
  g_assert_true (g_str_has_prefix (problem, "long.json: åbåb"));
  g_assert_true (g_str_has_suffix (problem, "…"));
  g_assert_cmpuint (strlen (problem), <=, UPP_MAX_PROBLEM_LENGTH);
  g_assert_cmpuint (strlen (problem), >, UPP_MAX_PROBLEM_LENGTH - 6);
  g_assert_true (g_utf8_validate (problem, -1, NULL));
}

/* A batch of many files with many problems each keeps them in full until
 * it has kept UPP_IMPORT_BATCH_PROBLEMS; then each file keeps its first
 * problem and a line that says more were not kept. */
static void
test_batch_problems (void)
{
  const char *dir = g_getenv ("UPP_TEST_CAPS_DIR");
  g_autofree char *folder = g_build_filename (dir, "batch", NULL);
  g_autofree char *db = g_build_filename (dir, "batch.db", NULL);
  const char *paths[] = { folder, NULL };
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint n_files = UPP_IMPORT_BATCH_PROBLEMS / (UPP_MAX_PROBLEMS + 1) + 20;
  guint full = UPP_IMPORT_BATCH_PROBLEMS / (UPP_MAX_PROBLEMS + 1);
  guint kept = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/keys-%04u.json", folder, i);

      write_unknown_keys (path, 2000);
    }
  store = open_store (db);
  results = import_paths (store, paths);
  g_assert_cmpuint (results->len, ==, n_files);
  for (guint i = 0; i < n_files; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);

      g_assert_cmpint (result->status, ==, UPP_IMPORT_REJECTED);
      if (i < full)
        g_assert_cmpuint (result->problems->len, ==, UPP_MAX_PROBLEMS + 1);
      else
        {
          g_autofree char *note = g_strdup_printf ("%s: more problems were not kept, as this "
                                                   "import has many; check the file by itself "
                                                   "to see them", result->path);

          g_assert_cmpuint (result->problems->len, ==, 2);
          g_assert_cmpstr (g_ptr_array_index (result->problems, 1), ==, note);
        }
      kept += result->problems->len;
    }
  g_test_message ("%u files kept %u problems", n_files, kept);
  g_assert_cmpuint (kept, <=, UPP_IMPORT_BATCH_PROBLEMS + 2 * (n_files - full));
}

/* Corrections: @n reports of one department and week, submitted a second
 * apart, imported in that order (each a correction of the one before) into
 * a new store. Returns how many report and entry rows were updated: a
 * trigger counts them. */
static gint64
count_updates_for_corrections (guint n)
{
  const char *dir = g_getenv ("UPP_TEST_CAPS_DIR");
  g_autofree char *folder = g_strdup_printf ("%s/corrections-%u", dir, n);
  g_autofree char *db = g_strdup_printf ("%s/corrections-%u.db", dir, n);
  g_autofree char *package = fixture ("good/package.json");
  const char *package_paths[] = { package, NULL };
  const char *paths[] = { folder, NULL };
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = g_date_time_new_utc (2026, 6, 19, 9, 0, 0);
  sqlite3 *sql = NULL;
  gint64 updates;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (first, i);
      g_autofree char *submitted = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      g_autofree char *path = g_strdup_printf ("%s/POL-2026-W25-%05u.json", folder, i);
      g_autofree char *text = g_strdup_printf (
        "{\"format\": \"uppfoljning-report\", \"version\": 1, \"package\": \"TEST-PKG\","
        " \"department\": \"POL\", \"week\": \"2026-W25\", \"submitted\": \"%s\","
        " \"entries\": [{\"action\": \"A4\", \"status\": \"on-track\", \"progress\": %u},"
        " {\"action\": \"A1\", \"status\": \"on-track\", \"progress\": 10,"
        " \"indicators\": {\"met\": %u}}]}", submitted, i % 100, i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
    }

  store = open_store (db);
  results = import_paths (store, package_paths);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                   UPP_IMPORT_IMPORTED);
  g_clear_pointer (&results, g_ptr_array_unref);
  g_clear_object (&store);

  /* The count is kept in the database itself, by triggers of its own. */
  g_assert_cmpint (sqlite3_open (db, &sql), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (sql, "CREATE TABLE test_updates (n INTEGER NOT NULL);"
                                      "INSERT INTO test_updates VALUES (0);"
                                      "CREATE TRIGGER test_report_updated AFTER UPDATE ON report"
                                      " BEGIN UPDATE test_updates SET n = n + 1; END;"
                                      "CREATE TRIGGER test_entry_updated AFTER UPDATE ON entry"
                                      " BEGIN UPDATE test_updates SET n = n + 1; END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (sql), ==, SQLITE_OK);

  store = open_store (db);
  results = import_paths (store, paths);
  g_assert_cmpuint (results->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, i))->status, ==,
                     i == 0 ? UPP_IMPORT_IMPORTED : UPP_IMPORT_SUPERSEDED);

  /* Numbered as before: the latest first, in force, revision n. */
  reports = upp_store_list_reports (store, "POL", UPP_WEEK_INIT (2026, 25), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const UppDocumentInfo *info = g_ptr_array_index (reports, i);
      g_autofree char *name = g_strdup_printf ("POL-2026-W25-%05u.json", n - 1 - i);

      g_assert_cmpint (info->revision, ==, n - i);
      g_assert_cmpint (info->is_current, ==, i == 0);
      g_assert_cmpstr (info->filename, ==, name);
    }
  g_clear_object (&store);

  updates = upp_test_query_int64 (db, "SELECT n FROM test_updates");
  g_test_message ("%u corrections of one week updated %" G_GINT64_FORMAT " rows", n, updates);
  return updates;
}

/* 4,000 corrections of one department and week are four times the work
 * of 1,000, not sixteen: each retires the report before it (one report
 * row, two entry rows) and renumbers nothing. Before, each renumbered the
 * week's every report and entry: 4,000 took three minutes. */
static void
test_corrections_linear (void)
{
  gint64 thousand = count_updates_for_corrections (1000);
  gint64 four_thousand = count_updates_for_corrections (4000);

  g_assert_cmpint (thousand, <=, 3 * 1000);
  g_assert_cmpint (four_thousand, <=, 3 * 4000);
  g_assert_cmpint (four_thousand, <=, 5 * thousand);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  int status;

  /* Before any thread: a child process inherits them. */
  g_setenv ("UPP_TODAY", TODAY, TRUE);
  g_setenv ("UPP_IMPORT_THREADS", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("upp-caps-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("UPP_TEST_CAPS_DIR", dir, TRUE);
    }

  g_test_add_func ("/caps/unknown-keys-batch", test_unknown_keys_batch);
  g_test_add_func ("/caps/long-problem", test_long_problem);
  g_test_add_func ("/caps/batch-problems", test_batch_problems);
  g_test_add_func ("/caps/corrections-linear", test_corrections_linear);
  g_test_add_func ("/caps/child/one", import_one_in_child);
  g_test_add_func ("/caps/child/ten", import_ten_in_child);

  status = g_test_run ();
  if (dir != NULL)
    upp_test_remove_tree (dir);
  return status;
}

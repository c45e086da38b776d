/* test-store-threads.c — one store, queried in one thread while another
 * imports into it and a second connection writes: no torn reads, no NULL
 * without an error, no query waiting for another thread's transaction
 * (run under ThreadSanitizer in CI)
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "upp-import.h"
#include "upp-store-private.h"
#include "upp-test-util.h"

#define N_REVISIONS 40

typedef struct
{
  UppStore *store;
  char     *dir;
  gint      importing;    /* atomic: the importer is still at work */
  guint     n_queries;
} Stress;

static char *
demo_file (const char *name)
{
  return g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "data", "demo", name, NULL);
}

/* Package revisions 2, 3, … of the demo package, each with another title:
 * each one replaces the store's cached definition and its trend. */
static GPtrArray *
write_revisions (const char *dir)
{
  g_autofree char *source = demo_file ("package.json");
  g_autofree char *text = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"revision\": 1,"));
  for (int revision = 2; revision < 2 + N_REVISIONS; revision++)
    {
      g_autoptr(GString) copy = g_string_new (text);
      g_autofree char *number = g_strdup_printf ("\"revision\": %d,", revision);
      g_autofree char *name = g_strdup_printf ("package-rev%d.json", revision);
      char *path = g_build_filename (dir, name, NULL);

      g_string_replace (copy, "\"revision\": 1,", number, 1);
      g_assert_true (g_file_set_contents (path, copy->str, copy->len, NULL));
      g_ptr_array_add (paths, path);
    }
  return paths;
}

static gpointer
import_thread (gpointer user_data)
{
  Stress *stress = user_data;
  g_autoptr(GPtrArray) revisions = write_revisions (stress->dir);
  g_autofree char *db = g_build_filename (stress->dir, "threads.db", NULL);
  g_autoptr(GError) error = NULL;
  /* A second connection: its commits make the first drop its caches. */
  g_autoptr(UppStore) other = upp_store_open (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < revisions->len; i++)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) results = NULL;
      UppStore *target = i % 2 == 0 ? stress->store : other;

      g_ptr_array_add (files, g_strdup (g_ptr_array_index (revisions, i)));
      results = upp_import_files (target, files, NULL, NULL, NULL);
      g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                       UPP_IMPORT_PENDING);
      g_assert_cmpuint (upp_test_accept_revisions (target), ==, 1);
      /* A note from the other connection too. */
      g_assert_true (upp_store_set_note (other, "A3", UPP_WEEK_INIT (2026, 40),
                                         i % 2 == 0 ? "Uppföljs" : "Följs upp", &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&stress->importing, 0);
  return NULL;
}

static void
query_once (Stress *stress)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppPackage) package = upp_store_ref_package (stress->store);
  g_autoptr(GPtrArray) trend = NULL;
  g_autoptr(GPtrArray) statuses = NULL;

  /* The definition stays whole while we hold it, whatever is imported. */
  g_assert_nonnull (package);
  g_assert_cmpstr (package->code, ==, "LYS-TRYGG-2026");
  g_assert_cmpuint (package->actions->len, ==, 14);
  g_assert_cmpint (package->revision, >=, 1);

  trend = upp_store_query_trend (stress->store, UPP_WEEK_INIT (2026, 40), &error);
  g_assert_no_error (error);
  g_assert_nonnull (trend);
  g_assert_cmpuint (trend->len, ==, 16);   /* weeks 25 to 40 */

  statuses = upp_store_query_status (stress->store, UPP_WEEK_INIT (2026, 40), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, 14);
  stress->n_queries++;
}

static void
test_query_while_importing (void)
{
  g_autoptr(GError) error = NULL;
  Stress stress = { 0 };
  g_autofree char *db = NULL;
  GThread *importer;

  stress.dir = g_dir_make_tmp ("upp-threads-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (stress.dir, "threads.db", NULL);
  stress.store = upp_test_open_demo (db);
  stress.importing = 1;

  importer = g_thread_new ("importer", import_thread, &stress);
  while (g_atomic_int_get (&stress.importing))
    query_once (&stress);
  g_thread_join (importer);
  query_once (&stress);

  g_test_message ("%u rounds of queries during %d imports", stress.n_queries, N_REVISIONS);
  g_assert_cmpint (upp_store_get_package_revision (stress.store), ==, 1 + N_REVISIONS);

  g_clear_object (&stress.store);
  upp_test_remove_tree (stress.dir);
  g_free (stress.dir);
}

/* A query from another thread while a transaction is open (an import
 * holds one for 128 files at a time). */
typedef struct
{
  UppStore *store;
  GMutex    mutex;
  GCond     cond;
  gboolean  done;
  int       revision;
  guint     n_statuses;
  guint     n_documents;
} Reading;

static gpointer
read_thread (gpointer user_data)
{
  Reading *reading = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UppPackage) package = upp_store_ref_package (reading->store);
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) trend = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  statuses = upp_store_query_status (reading->store, UPP_WEEK_INIT (2026, 40), NULL, &error);
  g_assert_no_error (error);
  trend = upp_store_query_trend (reading->store, UPP_WEEK_INIT (2026, 40), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 16);
  documents = upp_store_list_documents (reading->store, &error);
  g_assert_no_error (error);

  g_mutex_lock (&reading->mutex);
  reading->revision = package != NULL ? package->revision : 0;
  reading->n_statuses = statuses->len;
  reading->n_documents = documents->len;
  reading->done = TRUE;
  g_cond_signal (&reading->cond);
  g_mutex_unlock (&reading->mutex);
  return NULL;
}

/* Runs the queries of read_thread() in another thread while this one
 * holds a write transaction open; TRUE if they returned before it was let
 * go. Waiting is bounded only so that a query that waits for the
 * transaction fails the test instead of hanging it: the queries need
 * milliseconds, the bound is a minute. */
static gboolean
read_during_transaction (Reading *reading)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  GThread *thread;
  gboolean returned;

  reading->done = FALSE;
  g_assert_true (upp_store_begin (reading->store, &error));
  g_assert_no_error (error);
  thread = g_thread_new ("reader", read_thread, reading);
  g_mutex_lock (&reading->mutex);
  while (!reading->done)
    if (!g_cond_wait_until (&reading->cond, &reading->mutex, deadline))
      break;
  returned = reading->done;
  g_mutex_unlock (&reading->mutex);
  upp_store_rollback (reading->store);
  g_thread_join (thread);
  return returned;
}

static void
test_read_during_transaction (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-threads-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "read.db", NULL);
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  Reading reading = { 0 };

  g_assert_no_error (error);
  reading.store = upp_test_open_demo (db);
  g_mutex_init (&reading.mutex);
  g_cond_init (&reading.cond);

  /* The queries answer from what was committed, without waiting. */
  g_assert_true (read_during_transaction (&reading));
  g_assert_cmpint (reading.revision, ==, 1);
  g_assert_cmpuint (reading.n_statuses, ==, 14);
  g_assert_cmpuint (reading.n_documents, >, 1);

  /* A new revision committed in between: what answers them sees it (it
   * keeps caches of its own, which must not outlive a commit). */
  revisions = write_revisions (dir);
  g_ptr_array_add (files, g_strdup (g_ptr_array_index (revisions, 0)));
  results = upp_import_files (reading.store, files, NULL, NULL, NULL);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                   UPP_IMPORT_PENDING);
  g_assert_cmpuint (upp_test_accept_revisions (reading.store), ==, 1);
  g_assert_true (read_during_transaction (&reading));
  g_assert_cmpint (reading.revision, ==, 2);
  g_assert_cmpuint (reading.n_statuses, ==, 14);

  g_mutex_clear (&reading.mutex);
  g_cond_clear (&reading.cond);
  g_clear_object (&reading.store);
  upp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("UPP_TODAY", "2026-11-27", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/threads/query-while-importing", test_query_while_importing);
  g_test_add_func ("/store/threads/read-during-transaction", test_read_during_transaction);

  return g_test_run ();
}

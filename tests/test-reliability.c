/* test-reliability.c — no data is lost: crashes, concurrency, hostile files
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real command line tool (UPP_CLI) on data made by
 * bench/generate, and looks at the database with the core API and with
 * SQLite directly:
 *
 *   /reliability/crash        SIGKILL during import leaves whole reports only
 *   /reliability/concurrency  a reader and a note writer while the CLI imports
 *   /reliability/hostile      hostile files: one error each, nothing stored
 *   /reliability/surrogate    a lone \ud800 escape is not stored as bad UTF-8
 *   /reliability/data-safety  file modes, newer schemas, backup and restore
 *   /reliability/sql          every SQL statement in src/core binds its data
 *
 * meson runs each path as its own test, so they run in parallel.
 */

/* nftw () */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upp-error.h"
#include "upp-store.h"
#include "upp-text.h"
#include "upp-week.h"

/* Helpers */

typedef struct
{
  int    status;    /* exit status, or -1 when killed by a signal */
  char  *out;
  char  *err;
} CliResult;

static void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

static const char *
cli_path (void)
{
  const char *path = g_getenv ("UPP_CLI");

  g_assert_nonnull (path);
  return path;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize length = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;

  return g_strndup (data != NULL ? data : "", length);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  g_test_message ("killed a command that took longer than its time limit");
  return G_SOURCE_REMOVE;
}

/* Runs argv (NULL-terminated) with a time limit; a hang kills it and fails
 * the test. */
static void
run_argv (const char * const *argv,
          guint               limit_seconds,
          CliResult          *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  guint timer;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  timer = g_timeout_add_seconds (limit_seconds, on_timeout, process);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (g_main_context_find_source_by_id (NULL, timer) != NULL)
    g_source_remove (timer);
  else
    g_error ("%s did not finish within %u s", argv[1], limit_seconds);

  result->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process)
                                                        : -1;
  result->out = bytes_to_string (out);
  result->err = bytes_to_string (err);
}

/* Runs the CLI with the arguments given, NULL-terminated. */
static void
run_cli (CliResult  *result,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path ());
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  run_argv ((const char * const *) argv->pdata, 120, result);
}

static int
remove_one (const char        *path,
            const struct stat *st,
            int                flag,
            struct FTW        *ftw)
{
  return remove (path);
}

static void
remove_tree (const char *path)
{
  nftw (path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

typedef struct
{
  char *dir;
} TempDir;

static void
temp_dir_clear (TempDir *self)
{
  if (self->dir != NULL)
    remove_tree (self->dir);
  g_clear_pointer (&self->dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TempDir, temp_dir_clear)

static void
temp_dir_init (TempDir *self)
{
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("upp-reliability-XXXXXX", &error);
  g_assert_no_error (error);
}

/* Generates ACTIONS × DEPARTMENTS × WEEKS with bench/generate into DIR,
 * ending the week before last so that nothing is in the future: a late
 * report comes up to ten days after its week's Monday. Returns FALSE (and
 * skips) when python3 is missing. */
static gboolean
generate (const char *dir,
          int         actions,
          int         departments,
          int         weeks)
{
  const char *top = g_getenv ("UPP_SOURCE_DIR");
  g_autofree char *script = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *last_week = upp_week_format (upp_week_add (upp_week_today (), -2));
  g_autofree char *a = g_strdup_printf ("%d", actions);
  g_autofree char *d = g_strdup_printf ("%d", departments);
  g_autofree char *w = g_strdup_printf ("%d", weeks);
  g_auto(CliResult) result = { 0 };

  g_assert_nonnull (top);
  if (python == NULL)
    {
      g_test_skip ("python3 is needed to generate test data");
      return FALSE;
    }
  script = g_build_filename (top, "bench", "generate", NULL);
  {
    const char *argv[] = { python, script, "--actions", a, "--departments", d, "--weeks", w,
                           "--last-week", last_week, "--seed", "reliability", "--no-csv",
                           "--out", dir, NULL };
    run_argv (argv, 120, &result);
  }
  if (result.status != 0)
    g_error ("bench/generate failed: %s", result.err);
  return TRUE;
}

static GPtrArray *
list_json (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  return files;
}

static char *
store_dump (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) store = upp_store_open (db, &error);
  char *dump;

  g_assert_no_error (error);
  dump = upp_store_dump (store, &error);
  g_assert_no_error (error);
  return dump;
}

static char *
sqlite_text (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Number of entries and of indicator values in a report's JSON text. */
static void
count_report (const char *data,
              gsize       length,
              int        *out_entries,
              int        *out_values)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "entries");
  *out_entries = json_array_get_length (entries);
  *out_values = 0;
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (json_object_has_member (entry, "indicators"))
        *out_values += json_object_get_size (json_object_get_object_member (entry, "indicators"));
    }
}

/* After a crash: the database is sound, and every report in it is whole —
 * its stored copy, read back through the store (however it is stored),
 * the same bytes as its file, and as many entries and indicator values as
 * that file has. @file_hashes maps each file's SHA-256 to its path.
 * Returns the number of reports stored. */
static guint
check_whole_reports (const char *path,
                     GHashTable *file_hashes)
{
  static const char * const copy_suffixes[] = { "", "-wal", "-shm" };
  sqlite3 *db = NULL;
  sqlite3 *copy_db = NULL;
  sqlite3_backup *backup = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *foreign = NULL;
  guint n_reports = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  integrity = sqlite_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  foreign = sqlite_text (db, "PRAGMA foreign_key_check");
  g_assert_null (foreign);

  /* An empty file, or one killed before the schema was committed, has no
   * tables yet: nothing to check. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT d.id, d.sha256,"
                          " (SELECT COUNT(*) FROM entry e WHERE e.report_id = r.id),"
                          " (SELECT COUNT(*) FROM entry_indicator v WHERE v.report_id = r.id)"
                          " FROM document d JOIN report r ON r.document_id = d.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_assert_cmpstr (sqlite3_errmsg (db), ==, "no such table: document");
      sqlite3_close (db);
      return 0;
    }

  /* Read through the store, as the app reads, but from a copy: the
   * database itself must reach the next import as the kill left it (one
   * killed between two migrations is migrated on by that import). */
  copy = g_strconcat (path, "-copy", NULL);
  g_assert_cmpint (sqlite3_open (copy, &copy_db), ==, SQLITE_OK);
  backup = sqlite3_backup_init (copy_db, "main", db, "main");
  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_backup_step (backup, -1), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_backup_finish (backup), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (copy_db), ==, SQLITE_OK);
  store = upp_store_open (copy, &error);
  g_assert_no_error (error);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 1);
      const char *file = g_hash_table_lookup (file_hashes, sha256);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      int n_entries, n_values;

      g_assert_nonnull (file);
      bytes = upp_store_get_document_bytes (store, sqlite3_column_int64 (stmt, 0), &error);
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);
      count_report (contents, length, &n_entries, &n_values);
      g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, n_entries);
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, n_values);
      n_reports++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (copy_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (copy, copy_suffixes[i], NULL);

      g_remove (file);
    }
  return n_reports;
}

/* Each file's SHA-256 → its path. */
static GHashTable *
hash_files (GPtrArray *files)
{
  GHashTable *hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (g_ptr_array_index (files, i), &data, &length, NULL));
      g_hash_table_insert (hashes, g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                (const guchar *) data, length),
                           g_strdup (g_ptr_array_index (files, i)));
    }
  return hashes;
}

/* Crash safety */

/* The database and its write-ahead log together. */
static gint64
disk_size (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  struct stat st;
  gint64 size = 0;

  if (g_stat (db, &st) == 0)
    size += st.st_size;
  if (g_stat (wal, &st) == 0)
    size += st.st_size;
  return size;
}

static gboolean
process_exited (GSubprocess *process)
{
  /* The identifier is cleared once the child has been reaped; the wait
   * source needs the main context to run for that. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return g_subprocess_get_identifier (process) == NULL;
}

static void
test_crash (void)
{
  g_auto(TempDir) tmp = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *package = NULL;
  g_autofree char *reports = NULL;
  g_autofree char *db = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GHashTable) hashes = NULL;
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(CliResult) full = { 0 };
  g_auto(CliResult) rerun = { 0 };
  static const gint64 fixed_ms[] = { 50, 150, 400 };
  gint64 start, duration, reference_size;
  guint n_partial = 0;

  temp_dir_init (&tmp);
  data = g_build_filename (tmp.dir, "data", NULL);
  if (!generate (data, 300, 10, 40))
    return;
  package = g_build_filename (data, "package.json", NULL);
  reports = g_build_filename (data, "reports", NULL);
  db = g_build_filename (tmp.dir, "crash.db", NULL);
  reference = g_build_filename (tmp.dir, "reference.db", NULL);
  files = list_json (reports);
  hashes = hash_files (files);
  g_test_message ("%u reports", files->len);

  /* An uninterrupted import: what every crashed one must end as, and how
   * long one takes, to spread the kills over it. */
  start = g_get_monotonic_time ();
  run_cli (&full, "import", "--db", reference, package, reports, NULL);
  duration = g_get_monotonic_time () - start;
  g_assert_cmpint (full.status, ==, 0);
  g_test_message ("a whole import takes %.0f ms", duration / 1000.0);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_ms); i++)
    {
      gint64 us = fixed_ms[i] * 1000;
      g_array_append_val (delays, us);
    }
  /* Reading and parsing come first and write nothing, and how long they
   * take varies. So the later kills, each on an empty database, wait until
   * the database and its log hold 10 %, 30 %… of what the whole import
   * wrote: they land while reports are being written. */
  reference_size = disk_size (reference);
  for (guint percent = 10; percent <= 90; percent += 20)
    {
      gint64 bytes = -(reference_size * percent / 100);
      g_array_append_val (delays, bytes);
    }

  for (guint i = 0; i < delays->len; i++)
    {
      const char *argv[] = { cli_path (), "import", "--db", db, package, reports, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) process = NULL;
      gint64 delay = g_array_index (delays, gint64, i);
      guint n_reports;

      if (i >= G_N_ELEMENTS (fixed_ms))
        {
          g_autofree char *wal = g_strconcat (db, "-wal", NULL);
          g_autofree char *shm = g_strconcat (db, "-shm", NULL);

          g_remove (db);
          g_remove (wal);
          g_remove (shm);
        }

      process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                         G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
      g_assert_no_error (error);
      if (delay >= 0)
        g_usleep (delay);
      else
        {
          gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

          while (disk_size (db) < -delay && g_get_monotonic_time () < deadline &&
                 !process_exited (process))
            g_usleep (500);
        }
      g_subprocess_force_exit (process);   /* SIGKILL */
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);

      n_reports = check_whole_reports (db, hashes);
      if (delay >= 0)
        g_test_message ("killed after %.0f ms (%s): %u of %u reports stored", delay / 1000.0,
                        g_subprocess_get_if_signaled (process) ? "mid-import" : "it had finished",
                        n_reports, files->len);
      else
        g_test_message ("killed at %.1f MB written (%s): %u of %u reports stored",
                        -delay / 1e6,
                        g_subprocess_get_if_signaled (process) ? "mid-import" : "it had finished",
                        n_reports, files->len);
      if (n_reports > 0 && n_reports < files->len)
        n_partial++;
    }
  g_test_message ("%u kills left a partly imported folder", n_partial);

  /* A rerun completes the last import, and the result is the same as if
   * nothing had happened. */
  run_cli (&rerun, "import", "--db", db, package, reports, NULL);
  g_assert_cmpint (rerun.status, ==, 0);
  g_assert_null (strstr (rerun.err, "rejected"));
  g_assert_cmpuint (check_whole_reports (db, hashes), ==, files->len);
  expected = store_dump (reference);
  actual = store_dump (db);
  g_assert_cmpstr (actual, ==, expected);
}

/* Concurrency */

static void
on_exited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

static void
test_concurrency (void)
{
  g_auto(TempDir) tmp = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *package = NULL;
  g_autofree char *reports = NULL;
  g_autofree char *db = NULL;
  g_autofree char *err_text = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) reader = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) final_documents = NULL;
  g_autoptr(GPtrArray) status = NULL;
  g_autoptr(GPtrArray) trend = NULL;
  g_autoptr(GInputStream) err_stream = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_auto(CliResult) first = { 0 };
  UppWeek week = upp_week_add (upp_week_today (), -1);
  guint n_queries = 0, n_notes = 0, n_seen_growing = 0, last_count = 0;
  guint n_with_entry = 0;
  gboolean exited = FALSE;

  temp_dir_init (&tmp);
  data = g_build_filename (tmp.dir, "data", NULL);
  if (!generate (data, 300, 10, 30))
    return;
  package = g_build_filename (data, "package.json", NULL);
  reports = g_build_filename (data, "reports", NULL);
  db = g_build_filename (tmp.dir, "shared.db", NULL);
  files = list_json (reports);

  run_cli (&first, "import", "--db", db, package, NULL);
  g_assert_cmpint (first.status, ==, 0);

  reader = upp_store_open (db, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { cli_path (), "import", "--db", db, reports, NULL };
    process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                       G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
    g_assert_no_error (error);
  }

  /* Query (and now and then write a note) until the import has ended, and
   * once more after. The CLI's stderr is small: it cannot fill the pipe. */
  g_subprocess_wait_async (process, NULL, on_exited, &exited);
  for (;;)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) documents = NULL;
      gboolean done;

      while (g_main_context_iteration (NULL, FALSE))
        ;
      done = exited;
      rows = upp_store_query_status (reader, week, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (rows);
      /* The trend too, so that anything the reader keeps between queries
       * is kept while the other process writes. */
      g_clear_pointer (&trend, g_ptr_array_unref);
      trend = upp_store_query_trend (reader, week, &error);
      g_assert_no_error (error);
      documents = upp_store_list_documents (reader, &error);
      g_assert_no_error (error);
      n_queries++;
      if (documents->len > last_count)
        n_seen_growing++;
      g_assert_cmpuint (documents->len, >=, last_count);
      last_count = documents->len;

      if (n_queries % 10 == 0)
        {
          g_autofree char *text = g_strdup_printf ("Anteckning %u under importen", n_queries);
          const UppActionStatus *row = g_ptr_array_index (rows, n_queries % rows->len);

          g_assert_true (upp_store_set_note (reader, row->code, week, text, &error));
          g_assert_no_error (error);
          n_notes++;
        }
      if (done)
        break;
      g_usleep (2000);
    }

  err_stream = g_object_ref (g_subprocess_get_stderr_pipe (process));
  err_bytes = g_input_stream_read_bytes (err_stream, 1 << 20, NULL, &error);
  g_assert_no_error (error);
  err_text = bytes_to_string (err_bytes);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%u status queries and %u notes during the import; the reader saw the "
                  "documents grow %u times", n_queries, n_notes, n_seen_growing);
  g_assert_null (strstr (err_text, "locked"));
  g_assert_null (strstr (err_text, "busy"));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  /* After the import has committed, the same connection sees all of it. */
  final_documents = upp_store_list_documents (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (final_documents->len, ==, files->len + 1);
  status = upp_store_query_status (reader, week, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < status->len; i++)
    n_with_entry += ((UppActionStatus *) g_ptr_array_index (status, i))->has_entry;
  g_assert_cmpuint (n_with_entry, >, 0);

  /* What the long-lived reader answers now is what a store opened after
   * the import answers: nothing it kept from before is stale. */
  {
    g_autoptr(UppStore) fresh = upp_store_open (db, &error);
    g_autoptr(GPtrArray) fresh_status = NULL;
    g_autoptr(GPtrArray) fresh_trend = NULL;

    g_assert_no_error (error);
    fresh_status = upp_store_query_status (fresh, week, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (fresh_status->len, ==, status->len);
    for (guint i = 0; i < status->len; i++)
      {
        const UppActionStatus *a = g_ptr_array_index (status, i);
        const UppActionStatus *b = g_ptr_array_index (fresh_status, i);

        g_assert_cmpstr (a->code, ==, b->code);
        g_assert_cmpint (a->state, ==, b->state);
        g_assert_cmpstr (a->reason, ==, b->reason);
      }

    g_clear_pointer (&trend, g_ptr_array_unref);
    trend = upp_store_query_trend (reader, week, &error);
    g_assert_no_error (error);
    fresh_trend = upp_store_query_trend (fresh, week, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (trend->len, ==, fresh_trend->len);
    for (guint i = 0; i < trend->len; i++)
      {
        const UppTrendPoint *a = g_ptr_array_index (trend, i);
        const UppTrendPoint *b = g_ptr_array_index (fresh_trend, i);

        g_assert_cmpint (upp_week_compare (a->week, b->week), ==, 0);
        if (memcmp (&a->counts, &b->counts, sizeof a->counts) != 0)
          g_error ("the reader's trend for week %d-W%02d is stale after another process "
                   "imported reports", a->week.year, a->week.week);
      }
  }
}

/* Hostile files */

static void
write_file (const char *dir,
            const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* A report with N entries for actions A…, all made up. */
static char *
report_with_entries (const char *department,
                     const char *week,
                     guint       n,
                     gboolean    unique)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "{\"format\": \"uppfoljning-report\", \"version\": 1, "
                                "\"package\": \"BENCH-TRYGG\", \"department\": \"%s\", "
                                "\"week\": \"%s\", \"submitted\": \"2026-01-01T10:00:00+01:00\", "
                                "\"entries\": [", department, week);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"action\": \"X%05u\", \"status\": \"on-track\", "
                                  "\"progress\": 50}", i > 0 ? ", " : "", unique ? i : 1);
  g_string_append (text, "]}\n");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_hostile (void)
{
  g_auto(TempDir) tmp = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *package = NULL;
  g_autofree char *reports = NULL;
  g_autofree char *hostile = NULL;
  g_autofree char *db = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *future_text = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(CliResult) setup = { 0 };
  g_auto(CliResult) result = { 0 };
  const char *department;
  gsize length;
  gint64 start;
  int fd;

  temp_dir_init (&tmp);
  data = g_build_filename (tmp.dir, "data", NULL);
  if (!generate (data, 40, 4, 6))
    return;
  package = g_build_filename (data, "package.json", NULL);
  reports = g_build_filename (data, "reports", NULL);
  hostile = g_build_filename (tmp.dir, "hostile", NULL);
  db = g_build_filename (tmp.dir, "hostile.db", NULL);
  g_assert_cmpint (g_mkdir (hostile, 0700), ==, 0);

  run_cli (&setup, "import", "--db", db, package, reports, NULL);
  g_assert_cmpint (setup.status, ==, 0);
  before = store_dump (db);

  /* A valid report to spoil, for a week that has none yet: the last one
   * of the generated folder is taken, and given a week before the first. */
  files = list_json (reports);
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  g_file_get_contents (g_ptr_array_index (files, files->len - 1), &valid, &length, &error);
  g_assert_no_error (error);
  department = strstr (valid, "\"department\": \"") + strlen ("\"department\": \"");
  week_text = upp_week_format (upp_week_add (upp_week_today (), -1));
  future_text = upp_week_format (upp_week_add (upp_week_today (), 3));

#define ADD(name) g_ptr_array_add (names, g_strdup (name))

  /* Cut in the middle. */
  write_file (hostile, "truncated.json", valid, length / 2);
  ADD ("truncated.json");

  /* Larger than the limit, without using the disk. */
  path = g_build_filename (hostile, "huge.json", NULL);
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 9 * 1024 * 1024), ==, 0);
  close (fd);
  ADD ("huge.json");

  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (42);
    guint8 noise[4096];

    for (guint i = 0; i < sizeof noise; i++)
      noise[i] = g_rand_int_range (rand, 0, 256);
    write_file (hostile, "binary.json", (const char *) noise, sizeof noise);
    ADD ("binary.json");
  }

  {
    gsize n = 0;
    g_autofree char *utf16 = g_convert (valid, length, "UTF-16", "UTF-8", NULL, &n, &error);
    g_autofree char *latin1 = NULL;

    g_assert_no_error (error);
    write_file (hostile, "utf16.json", utf16, n);
    ADD ("utf16.json");
    /* The generated texts have åäö: in Latin-1 they are not UTF-8. */
    latin1 = g_convert (valid, length, "ISO-8859-1", "UTF-8", NULL, &n, &error);
    g_assert_no_error (error);
    write_file (hostile, "latin1.json", latin1, n);
    ADD ("latin1.json");
  }

  {
    g_autoptr(GString) nested = g_string_new (NULL);

    for (int i = 0; i < 100000; i++)
      g_string_append_c (nested, '[');
    for (int i = 0; i < 100000; i++)
      g_string_append_c (nested, ']');
    write_file (hostile, "nested.json", nested->str, nested->len);
    ADD ("nested.json");
  }

  {
    g_autofree char *many = report_with_entries (department, week_text, 10000, TRUE);
    g_autofree char *too_many = report_with_entries (department, week_text, 10001, TRUE);
    g_autofree char *twice = report_with_entries (department, week_text, 3, FALSE);

    write_file (hostile, "ten-thousand-entries.json", many, -1);
    ADD ("ten-thousand-entries.json");
    write_file (hostile, "too-many-entries.json", too_many, -1);
    ADD ("too-many-entries.json");
    write_file (hostile, "same-action-twice.json", twice, -1);
    ADD ("same-action-twice.json");
  }

  /* Names with spaces, quotes and a newline, each with its own fault. */
  {
    g_autofree char *future = NULL;
    g_autofree char *stranger = replace_once (valid, "\"department\": \"",
                                              "\"department\": \"NOBODY");
    g_autofree char *pnr = replace_once (valid, "\"summary\": \"",
                                         "\"summary\": \"Gäller 19121212-1212. ");
    /* What the guard reads is what a person sees: invisible characters,
     * fullwidth digits and an em dash, or a right-to-left override. */
    g_autofree char *hidden = replace_once (valid, "\"summary\": \"",
                                            "\"summary\": \"Gäller 12\u200b1212\u2014"
                                            "\uff11\uff12\uff11\uff12. ");
    g_autofree char *reversed = replace_once (valid, "\"summary\": \"",
                                              "\"summary\": \"Gäller \\u202e2121-212121. ");
    g_autofree char *week_field = g_strdup_printf ("\"week\": \"%s\"", future_text);
    const char *old_week = strstr (valid, "\"week\": \"");
    g_autofree char *old = g_strndup (old_week, strlen ("\"week\": \"2026-W01\""));

    future = replace_once (valid, old, week_field);
    write_file (hostile, "future week.json", future, -1);
    ADD ("future week.json");
    write_file (hostile, "department \"NOBODY\" 'x'.json", stranger, -1);
    ADD ("department \"NOBODY\" 'x'.json");
    write_file (hostile, "personnummer\nnewline.json", pnr, -1);
    ADD ("personnummer\nnewline.json");
    write_file (hostile, "personnummer-hidden.json", hidden, -1);
    ADD ("personnummer-hidden.json");
    write_file (hostile, "personnummer-reversed.json", reversed, -1);
    ADD ("personnummer-reversed.json");
  }

  {
    g_autofree char *nul = g_strdup (valid);
    g_autofree char *escaped = replace_once (valid, "\"summary\": \"",
                                             "\"summary\": \"a\\u0000b");
    g_autofree char *dup = replace_once (valid, "\"version\": 1", "\"version\": 1, \"version\": 1");
    g_autofree char *v2 = replace_once (valid, "\"version\": 1", "\"version\": 3");
    g_autofree char *inf = replace_once (valid, "\"progress\": ", "\"progress\": 1e999, \"x\": ");

    nul[length / 3] = '\0';
    write_file (hostile, "nul-byte.json", nul, length);
    ADD ("nul-byte.json");
    write_file (hostile, "escaped-nul.json", escaped, -1);
    ADD ("escaped-nul.json");
    write_file (hostile, "duplicate-key.json", dup, -1);
    ADD ("duplicate-key.json");
    write_file (hostile, "version-3.json", v2, -1);
    ADD ("version-3.json");
    write_file (hostile, "infinite.json", inf, -1);
    ADD ("infinite.json");
    write_file (hostile, "empty.json", "", 0);
    ADD ("empty.json");
    write_file (hostile, "array.json", "[]", -1);
    ADD ("array.json");
    write_file (hostile, "overlong-utf8.json", "{\"format\": \"\xC0\xAF\"}", -1);
    ADD ("overlong-utf8.json");
  }

  /* Things that are not regular files. */
  {
    g_autofree char *zero = g_build_filename (hostile, "zero.json", NULL);
    g_autofree char *fifo = g_build_filename (hostile, "fifo.json", NULL);
    g_autofree char *loop = g_build_filename (hostile, "loop.json", NULL);
    g_autofree char *dangling = g_build_filename (hostile, "dangling.json", NULL);
    g_autofree char *dir = g_build_filename (hostile, "folder.json", NULL);

    g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
    ADD ("zero.json");
    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    ADD ("fifo.json");
    g_assert_cmpint (symlink ("loop.json", loop), ==, 0);
    ADD ("loop.json");
    g_assert_cmpint (symlink ("does-not-exist.json", dangling), ==, 0);
    ADD ("dangling.json");
    g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
    ADD ("folder.json");
  }
#undef ADD

  start = g_get_monotonic_time ();
  run_cli (&result, "import", "--db", db, hostile, NULL);
  g_test_message ("%u hostile files handled in %.0f ms", names->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpint (result.status, ==, 1);

  /* One clear error per file, each naming it as the CLI spells it: the
   * newline in a name shown as \n, not starting a line of its own. */
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *raw = g_build_filename (hostile, g_ptr_array_index (names, i), NULL);
      g_autofree char *file = upp_text_escape (raw, -1);

      if (strstr (result.err, file) == NULL)
        g_error ("no error names %s:\n%s", file, result.err);
    }
  g_assert_null (strstr (result.err, "\nnewline.json"));
  g_assert_nonnull (strstr (result.out, "0 imported"));

  after = store_dump (db);
  g_assert_cmpstr (after, ==, before);
}

/* A lone UTF-16 surrogate escape decodes to bytes that are not UTF-8; they
 * must not reach the database. */
static void
test_hostile_surrogate (void)
{
  g_auto(TempDir) tmp = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *package = NULL;
  g_autofree char *db = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *spoiled = NULL;
  g_autofree char *file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliResult) setup = { 0 };
  g_auto(CliResult) result = { 0 };

  temp_dir_init (&tmp);
  data = g_build_filename (tmp.dir, "data", NULL);
  if (!generate (data, 20, 3, 3))
    return;
  package = g_build_filename (data, "package.json", NULL);
  db = g_build_filename (tmp.dir, "surrogate.db", NULL);
  run_cli (&setup, "import", "--db", db, package, NULL);
  g_assert_cmpint (setup.status, ==, 0);
  before = store_dump (db);

  {
    g_autofree char *reports = g_build_filename (data, "reports", NULL);
    files = list_json (reports);
  }
  g_file_get_contents (g_ptr_array_index (files, 0), &valid, NULL, &error);
  g_assert_no_error (error);
  spoiled = replace_once (valid, "\"summary\": \"", "\"summary\": \"\\ud800");
  file = g_build_filename (tmp.dir, "lone-surrogate.json", NULL);
  g_file_set_contents (file, spoiled, -1, &error);
  g_assert_no_error (error);

  run_cli (&result, "import", "--db", db, file, NULL);
  after = store_dump (db);
  /* json-glib would turn \ud800 into the bytes ED A0 80. */
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, file));
  g_assert_cmpstr (after, ==, before);
}

/* Data safety */

static mode_t
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

static void
set_user_version (const char *path,
                  const char *journal_mode)
{
  sqlite3 *db = NULL;
  g_autofree char *mode_sql = g_strdup_printf ("PRAGMA journal_mode = %s", journal_mode);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, mode_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
check_newer_schema_refused (const char *original,
                            const char *copy,
                            const char *journal_mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autofree char *wal = g_strconcat (copy, "-wal", NULL);
  g_auto(CliResult) status = { 0 };
  g_auto(CliResult) import = { 0 };
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (original, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);
  set_user_version (copy, journal_mode);
  before = read_bytes (copy);

  run_cli (&status, "status", "--db", copy, NULL);
  g_assert_cmpint (status.status, ==, 1);
  g_assert_nonnull (strstr (status.err, "newer version"));
  g_assert_nonnull (strstr (status.err, copy));

  run_cli (&import, "demo", "--db", copy, NULL);
  g_assert_cmpint (import.status, ==, 1);
  g_assert_nonnull (strstr (import.err, "newer version"));

  store = upp_store_open (copy, &error);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_SCHEMA_TOO_NEW);
  g_assert_null (store);

  after = read_bytes (copy);
  if (!g_bytes_equal (before, after))
    g_error ("opening a %s-mode database of a newer schema changed its bytes", journal_mode);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_data_safety (void)
{
  g_auto(TempDir) tmp = { 0 };
  g_autofree char *data = NULL;
  g_autofree char *package = NULL;
  g_autofree char *reports = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *db = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *week = NULL;
  g_autofree char *dump_original = NULL;
  g_autofree char *dump_backup = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliResult) import = { 0 };
  g_auto(CliResult) saved = { 0 };
  g_auto(CliResult) status_original = { 0 };
  g_auto(CliResult) status_backup = { 0 };

  temp_dir_init (&tmp);
  data = g_build_filename (tmp.dir, "data", NULL);
  if (!generate (data, 60, 5, 8))
    return;
  package = g_build_filename (data, "package.json", NULL);
  reports = g_build_filename (data, "reports", NULL);

  /* A new database and the folders above it are private. */
  folder = g_build_filename (tmp.dir, "new", "uppfoljning", NULL);
  db = g_build_filename (folder, "uppfoljning.db", NULL);
  run_cli (&import, "import", "--db", db, package, reports, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpint (file_mode (db), ==, 0600);
  g_assert_cmpint (file_mode (folder), ==, 0700);

  /* So are the write-ahead log and its index while the store is open. */
  wal = g_strconcat (db, "-wal", NULL);
  shm = g_strconcat (db, "-shm", NULL);
  {
    g_autoptr(UppStore) store = upp_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_true (upp_store_set_note (store, "A0001", upp_week_add (upp_week_today (), -1),
                                       "Privat anteckning", &error));
    g_assert_no_error (error);
    g_assert_cmpint (file_mode (wal), ==, 0600);
    g_assert_cmpint (file_mode (shm), ==, 0600);
  }

  /* Backup: private too, and a full copy — open it with --db to restore. */
  backup = g_build_filename (tmp.dir, "backup.db", NULL);
  run_cli (&saved, "backup", "--db", db, backup, NULL);
  g_assert_cmpint (saved.status, ==, 0);
  g_assert_cmpint (file_mode (backup), ==, 0600);
  week = upp_week_format (upp_week_add (upp_week_today (), -1));
  run_cli (&status_original, "status", "--db", db, "--week", week, NULL);
  run_cli (&status_backup, "status", "--db", backup, "--week", week, NULL);
  g_assert_cmpint (status_original.status, ==, 0);
  g_assert_cmpint (status_backup.status, ==, 0);
  g_assert_cmpstr (status_backup.out, ==, status_original.out);
  dump_original = store_dump (db);
  dump_backup = store_dump (backup);
  g_assert_cmpstr (dump_backup, ==, dump_original);
  g_assert_nonnull (strstr (dump_backup, "Privat anteckning"));

  /* A database from a newer version is refused, with a clear message, and
   * left exactly as it was — in WAL mode and in rollback-journal mode. */
  newer = g_build_filename (tmp.dir, "newer.db", NULL);
  check_newer_schema_refused (backup, newer, "WAL");
  g_test_message ("newer schema in WAL mode: refused, unchanged");
  {
    g_autofree char *newer_delete = g_build_filename (tmp.dir, "newer-delete.db", NULL);
    check_newer_schema_refused (backup, newer_delete, "DELETE");
    g_test_message ("newer schema in rollback-journal mode: refused, unchanged");
  }
}

/* SQL with bound parameters only */

/* The few statements that src/core builds with printf-style formatting.
 * None formats data: each gets a constant or an integer from the code. */
static const struct
{
  const char *file;
  const char *format;
  const char *why;
} sql_exceptions[] = {
  { "upp-store-write.c", "\"SELECT code FROM %s\"",
    "table name: a constant (goal, department, action) chosen by the code" },
  { "upp-store-write.c", "\"DELETE FROM %s WHERE code = ?1\"",
    "table name as above; the code itself is bound" },
  { "upp-store-schema.c", "\"PRAGMA user_version = %d\"",
    "an integer, the schema version; PRAGMAs take no parameters" },
  { "upp-store.c", "\"SAVEPOINT %s\"", "savepoint name: a constant from the importer" },
  { "upp-store.c", "\"RELEASE %s\"", "savepoint name, as above" },
  { "upp-store.c", "\"ROLLBACK TO %s; RELEASE %s\"", "savepoint name, as above" },
};

/* The .c files under @dir, in its subfolders too. */
static void
list_sources (const char *dir,
              GPtrArray  *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_sources (path, paths);
      else if (g_str_has_suffix (name, ".c"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_sql_bound (void)
{
  const char *top = g_getenv ("UPP_SOURCE_DIR");
  g_autofree char *core = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) formatted = NULL;
  g_autoptr(GRegex) savepoint_call = NULL;
  g_autoptr(GRegex) quoted_format = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = 0, n_formatted = 0;
  gboolean used[G_N_ELEMENTS (sql_exceptions)] = { FALSE };

  g_assert_nonnull (top);
  core = g_build_filename (top, "src", "core", NULL);
  list_sources (core, paths);

  /* A formatting call whose format string (possibly split over lines)
   * starts with an SQL keyword. */
  formatted = g_regex_new ("\\b(g_strdup_printf|g_strdup_vprintf|g_string_printf|"
                           "g_string_append_printf|sqlite3_mprintf|sqlite3_snprintf|"
                           "sqlite3_vmprintf|g_strconcat)\\s*\\(\\s*(?:[^\"(),]*,\\s*)?"
                           "(\"\\s*(?:SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|"
                           "PRAGMA|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|WITH|ATTACH)\\b"
                           "[^\"]*\")", G_REGEX_CASELESS, 0, &error);
  g_assert_no_error (error);
  /* An SQL literal with a quoted conversion in it: data pasted into SQL. */
  quoted_format = g_regex_new ("\"[^\"\\n]*\\b(?:SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES|SET|"
                               "LIKE)\\b[^\"\\n]*'%[-0-9.]*[sqdQw]'", 0, 0, &error);
  g_assert_no_error (error);
  /* Savepoint names must be literals at every call. */
  savepoint_call = g_regex_new ("upp_store_(savepoint|release|rollback_to)\\s*\\([^,]+,\\s*"
                                "([^,)]+)", 0, 0, &error);
  g_assert_no_error (error);

  for (guint f = 0; f < paths->len; f++)
    {
      const char *path = paths->pdata[f];
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      n_files++;

      g_regex_match (formatted, text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *format = g_match_info_fetch (match, 2);
          gboolean allowed = FALSE;

          n_formatted++;
          for (guint i = 0; i < G_N_ELEMENTS (sql_exceptions); i++)
            if (g_str_equal (name, sql_exceptions[i].file) &&
                g_str_equal (format, sql_exceptions[i].format))
              {
                allowed = TRUE;
                used[i] = TRUE;
                g_test_message ("%s: %s — allowed: %s", name, format, sql_exceptions[i].why);
              }
          if (!allowed)
            g_error ("%s builds SQL with formatting: %s; bind the data with "
                     "sqlite3_bind_*() instead", name, format);
        }
      g_clear_pointer (&match, g_match_info_free);

      if (g_regex_match (quoted_format, text, 0, &match))
        {
          g_autofree char *what = g_match_info_fetch (match, 0);
          g_error ("%s pastes data into quoted SQL: %s", name, what);
        }
      g_clear_pointer (&match, g_match_info_free);

      g_regex_match (savepoint_call, text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *arg = g_match_info_fetch (match, 2);

          g_strstrip (arg);
          if (!g_regex_match_simple ("^\"[a-z_]+\"$", arg, 0, 0) &&
              !g_str_equal (arg, "const char  *name") && !g_str_equal (arg, "const char *name"))
            g_error ("%s: a savepoint name that is not a literal: %s", name, arg);
        }
    }

  g_test_message ("%u files, %u formatted statements, all on the list of exceptions", n_files,
                  n_formatted);
  g_assert_cmpuint (n_files, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sql_exceptions); i++)
    if (!used[i])
      g_test_message ("exception no longer needed: %s %s", sql_exceptions[i].file,
                      sql_exceptions[i].format);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reliability/crash", test_crash);
  g_test_add_func ("/reliability/concurrency", test_concurrency);
  g_test_add_func ("/reliability/hostile", test_hostile);
  g_test_add_func ("/reliability/surrogate", test_hostile_surrogate);
  g_test_add_func ("/reliability/data-safety", test_data_safety);
  g_test_add_func ("/reliability/sql", test_sql_bound);

  return g_test_run ();
}

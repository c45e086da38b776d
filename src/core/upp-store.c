/* upp-store.c — the SQLite store
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "upp-error.h"
#include "upp-format-limits.h"
#include "upp-store-private.h"

struct _UppStore
{
  GObject     parent_instance;

  /* owned */
  sqlite3    *db;
  char       *path;
  UppPackage *package;      /* cache of the definition in force, or NULL */
  GPtrArray  *retired;      /* earlier caches: other threads may still read them */
  GArray     *trend;        /* UppStateCounts per week from the first week, or NULL */
  gint64      data_version; /* PRAGMA data_version when the caches were filled */
  GHashTable *leads;        /* action code → lead department code, of @package, or NULL */
  GHashTable *statements;   /* SQL text (a literal) → statement prepared once, for
                             * what runs per document or per row */
  GConverter *deflater;     /* compresses each stored document, or NULL until the
                             * first; reset and reused, with the lock held */

  /* The GUI queries from worker threads; one statement sequence at a time. */
  GRecMutex   lock;
};

G_DEFINE_FINAL_TYPE (UppStore, upp_store, G_TYPE_OBJECT)

/* Each entry takes the schema from version i to i + 1. Add a migration by
 * appending to this array and raising UPP_STORE_SCHEMA_VERSION; never edit
 * one that has shipped. */
static const char * const migrations[] = {
  /* 0 → 1: the first schema */
  "CREATE TABLE document ("
  "  id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('package', 'report')),"
  "  filename TEXT NOT NULL,"
  "  imported TEXT NOT NULL,"
  "  bytes BLOB NOT NULL"
  ");"
  "CREATE TABLE package_revision ("
  "  document_id INTEGER PRIMARY KEY REFERENCES document (id),"
  "  code TEXT NOT NULL,"
  "  revision INTEGER NOT NULL,"
  "  UNIQUE (code, revision)"
  ");"
  "CREATE TABLE package ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  document_id INTEGER NOT NULL REFERENCES document (id),"
  "  code TEXT NOT NULL,"
  "  revision INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  organisation TEXT NOT NULL,"
  "  decided TEXT,"
  "  decided_by TEXT,"
  "  first_week INTEGER NOT NULL,"
  "  due_weekday INTEGER NOT NULL CHECK (due_weekday BETWEEN 1 AND 7)"
  ");"
  "CREATE TABLE goal ("
  "  code TEXT PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE department ("
  "  code TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  partner INTEGER NOT NULL,"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE action ("
  "  code TEXT PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  description TEXT,"
  "  goal TEXT NOT NULL REFERENCES goal (code),"
  "  lead TEXT NOT NULL REFERENCES department (code),"
  "  start TEXT,"
  "  deadline TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE action_contributor ("
  "  action TEXT NOT NULL REFERENCES action (code) ON DELETE CASCADE,"
  "  department TEXT NOT NULL REFERENCES department (code),"
  "  PRIMARY KEY (action, department)"
  ") WITHOUT ROWID;"
  "CREATE TABLE indicator ("
  "  action TEXT NOT NULL REFERENCES action (code) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  unit TEXT,"
  "  target REAL,"
  "  direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (action, code)"
  ") WITHOUT ROWID;"
  "CREATE TABLE report ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL UNIQUE REFERENCES document (id),"
  "  department TEXT NOT NULL REFERENCES department (code),"
  "  week INTEGER NOT NULL,"
  "  submitted TEXT NOT NULL,"
  "  submitted_unix INTEGER NOT NULL,"
  "  submitted_date TEXT NOT NULL,"
  "  reporter TEXT,"
  "  summary TEXT,"
  "  revision INTEGER NOT NULL DEFAULT 1,"
  "  is_current INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX report_by_department_week ON report (department, week);"
  "CREATE INDEX report_by_week ON report (week);"
  "CREATE TABLE entry ("
  "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL REFERENCES action (code),"
  "  department TEXT NOT NULL,"
  "  week INTEGER NOT NULL,"
  "  status TEXT NOT NULL"
  "    CHECK (status IN ('not-started', 'on-track', 'at-risk', 'delayed', 'done')),"
  "  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),"
  "  comment TEXT,"
  "  next_steps TEXT,"
  "  risks TEXT,"
  "  is_current INTEGER NOT NULL DEFAULT 0,"
  "  is_lead INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (report_id, action)"
  ");"
  /* The lead's entries in force, by action and week: what every "as of
   * week W" status lookup seeks. */
  "CREATE INDEX entry_lead_history ON entry (action, week) WHERE is_current AND is_lead;"
  "CREATE INDEX entry_by_action ON entry (action, week);"
  "CREATE TABLE entry_indicator ("
  "  report_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  indicator TEXT NOT NULL,"
  "  value REAL NOT NULL,"
  "  PRIMARY KEY (report_id, action, indicator),"
  "  FOREIGN KEY (report_id, action) REFERENCES entry (report_id, action) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE TABLE note ("
  "  action TEXT NOT NULL REFERENCES action (code),"
  "  week INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  PRIMARY KEY (action, week)"
  ");",

  /* 1 → 2: report drafts, kept until saved as a file or discarded */
  "CREATE TABLE draft ("
  "  department TEXT NOT NULL,"
  "  week INTEGER NOT NULL,"
  "  json TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  PRIMARY KEY (department, week)"
  ");",

  /* 2 → 3: the lead-history index covers status and progress, so that the
   * trend over every action and week reads the index only */
  "DROP INDEX entry_lead_history;"
  "CREATE INDEX entry_lead_history ON entry (action, week, status, progress)"
  "  WHERE is_current AND is_lead;",

  /* 3 → 4: the status check written as comparisons. SQLite checks a list
   * of more than two values with a temporary table, which it built and
   * dropped for every row an import wrote: a third of the time storing a
   * report took. A constraint cannot be changed in place: the table is
   * copied (rows, row ids and all) into one with the new definition.
   * upp_store_migrate() turns the foreign keys off meanwhile, so that
   * dropping the old table takes no indicator values along. */
  "CREATE TABLE entry_new ("
  "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL REFERENCES action (code),"
  "  department TEXT NOT NULL,"
  "  week INTEGER NOT NULL,"
  "  status TEXT NOT NULL"
  "    CHECK (status = 'not-started' OR status = 'on-track' OR status = 'at-risk' OR"
  "           status = 'delayed' OR status = 'done'),"
  "  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),"
  "  comment TEXT,"
  "  next_steps TEXT,"
  "  risks TEXT,"
  "  is_current INTEGER NOT NULL DEFAULT 0,"
  "  is_lead INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (report_id, action)"
  ");"
  "INSERT INTO entry_new (rowid, report_id, action, department, week, status, progress, comment,"
  "  next_steps, risks, is_current, is_lead)"
  "  SELECT rowid, report_id, action, department, week, status, progress, comment, next_steps,"
  "    risks, is_current, is_lead FROM entry ORDER BY rowid;"
  "DROP TABLE entry;"
  "ALTER TABLE entry_new RENAME TO entry;"
  "CREATE INDEX entry_lead_history ON entry (action, week, status, progress)"
  "  WHERE is_current AND is_lead;"
  "CREATE INDEX entry_by_action ON entry (action, week);",

  /* 4 → 5: every entry in one index by action, not two: entry_by_action
   * keeps only what entry_lead_history does not (contributions, and what
   * a correction superseded), and the history reads both. An import
   * writes each entry into one index instead of most into two, and a new
   * week's entries, which land on every action, change half the pages. */
  "DROP INDEX entry_by_action;"
  "CREATE INDEX entry_by_action ON entry (action, week) WHERE NOT (is_current AND is_lead);",

  /* 5 → 6: how document.bytes holds the document. 'deflate' is the zlib
   * format (RFC 1950, as in HTTP), which new imports write unless it would
   * not shrink the file: JSON shrinks about ninefold, and with it the
   * documents' share of what an import writes into the database and its
   * log (the entries and indexes are written as before). The rows already
   * stored stay as they are, 'identity': adding a column with a default
   * rewrites no row. */
  "ALTER TABLE document ADD COLUMN encoding TEXT NOT NULL DEFAULT 'identity'"
  "  CHECK (encoding = 'identity' OR encoding = 'deflate');",

  /* 6 → 7: the lead history covers the indicator series too. The series
   * joins each current lead entry's values by (report_id, action); without
   * report_id in the index every one of the 100,000 entries was read from
   * its large table row (comments, risks) to find it: 200 → 80 ms at the
   * benchmark's size, most of a briefing's queries. */
  "DROP INDEX entry_lead_history;"
  "CREATE INDEX entry_lead_history ON entry (action, week, status, progress, report_id)"
  "  WHERE is_current AND is_lead;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == UPP_STORE_SCHEMA_VERSION);

static gboolean
upp_sql_set_error (GError  **error,
                   sqlite3  *db,
                   const char *doing)
{
  g_set_error (error, UPP_ERROR, UPP_ERROR_DATABASE,
               /* Translators: “Could not read the status: database is locked” */
               _("Could not %s: %s"), doing, sqlite3_errmsg (db));
  return FALSE;
}

static sqlite3_stmt *
upp_sql_prepare (UppStore    *self,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("Bad SQL: %s: %s", sqlite3_errmsg (self->db), sql);
      upp_sql_set_error (error, self->db, _("prepare a query"));
      return NULL;
    }
  return stmt;
}

/* A statement that runs for every imported document or row is prepared
 * once per connection. Use it with the lock held; the cleanup resets it, so
 * that a SELECT does not keep a read transaction (and an old snapshot) open
 * after it is done. */
typedef sqlite3_stmt CachedStmt;

static void
upp_sql_cached_stmt_release (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, upp_sql_cached_stmt_release)

static CachedStmt *
upp_sql_prepare_cached (UppStore    *self,
                        const char  *sql,
                        GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("Bad SQL: %s: %s", sqlite3_errmsg (self->db), sql);
      upp_sql_set_error (error, self->db, _("prepare a query"));
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
upp_sql_exec (UppStore    *self,
              const char  *sql,
              GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return upp_sql_set_error (error, self->db, _("write to the database"));
  return TRUE;
}

static void
upp_sql_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* For texts that outlive the statement's step. */
static void
upp_sql_bind_static_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static void
upp_sql_bind_date (sqlite3_stmt *stmt,
                   int           index,
                   const GDate  *date)
{
  g_autofree char *text = NULL;

  if (date != NULL && g_date_valid (date))
    text = upp_date_format (date);
  upp_sql_bind_text (stmt, index, text);
}

static char *
upp_sql_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
upp_sql_column_date (sqlite3_stmt *stmt,
                     int           column,
                     GDate        *out_date)
{
  if (!upp_date_parse ((const char *) sqlite3_column_text (stmt, column), out_date))
    g_date_clear (out_date, 1);
}

static UppStatus
upp_sql_column_status (sqlite3_stmt *stmt,
                       int           column)
{
  UppStatus status = UPP_STATUS_NOT_STARTED;

  /* The CHECK constraint keeps the column to the five strings. */
  upp_status_from_string ((const char *) sqlite3_column_text (stmt, column), &status);
  return status;
}

static gboolean
upp_sql_step_done (UppStore      *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return upp_sql_set_error (error, self->db, _("write to the database"));
  return TRUE;
}

/* Schema */

static int
upp_store_get_user_version (UppStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = upp_sql_prepare (self, "PRAGMA user_version", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
upp_store_refuse_newer_schema (UppStore  *self,
                               GError   **error)
{
  int version = upp_store_get_user_version (self);

  if (version > UPP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_SCHEMA_TOO_NEW,
                   _("%s was written by a newer version of Uppföljning "
                     "(schema %d; this version knows up to %d). It was not changed."),
                   self->path, version, UPP_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* How many rows refer to a missing row: what the foreign keys, off during
 * migrations, would have prevented. */
static gint64
count_dangling (UppStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = upp_sql_prepare (self,
                                                  "SELECT COUNT(*) FROM pragma_foreign_key_check",
                                                  NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
upp_store_migrate (UppStore  *self,
                   GError   **error)
{
  int version = upp_store_get_user_version (self);
  gint64 dangling;

  if (version < 0)
    return upp_sql_set_error (error, self->db, _("read the schema version"));
  if (!upp_store_refuse_newer_schema (self, error))
    return FALSE;
  if (version == UPP_STORE_SCHEMA_VERSION)
    return TRUE;

  /* A migration may copy a table into a new one and drop the old: with
   * foreign keys on, the drop would delete what refers to it. (The pragma
   * has no effect inside a transaction.) */
  if (!upp_sql_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  dangling = count_dangling (self);
  for (; version < UPP_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!upp_store_begin (self, error))
        {
          upp_sql_exec (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      if (!upp_sql_exec (self, migrations[version], error) || !upp_sql_exec (self, bump, error))
        {
          upp_store_rollback (self);
          upp_sql_exec (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      if (count_dangling (self) > dangling)
        {
          g_set_error (error, UPP_ERROR, UPP_ERROR_DATABASE,
                       _("Could not update the database %s to schema %d: rows would refer to "
                         "missing rows"), self->path, version + 1);
          upp_store_rollback (self);
          upp_sql_exec (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      if (!upp_store_commit (self, error))
        {
          upp_sql_exec (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      g_debug ("Migrated %s to schema %d", self->path, version + 1);
    }

  return upp_sql_exec (self, "PRAGMA foreign_keys = ON", error);
}

/* Create the file ourselves so that it is 0600 from the first byte: the
 * reports concern young people, and SQLite would use the umask. */
static gboolean
upp_store_create_private_file (const char  *path,
                               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("Could not create the folder %s: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("Could not create the database %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * upp_store_get_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/uppfoljning/uppfoljning.db`
 */
char *
upp_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "uppfoljning", "uppfoljning.db", NULL);
}

/**
 * upp_store_open:
 * @path: (nullable): a database file, created if missing; %NULL for the
 *   default path, ":memory:" for a throw-away store
 * @error: a #GError
 *
 * Opens the store, creating and migrating its schema as needed. A database
 * from a newer schema is refused and left alone.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
UppStore *
upp_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(UppStore) self = NULL;
  g_autofree char *default_path = NULL;
  gboolean in_memory;

  if (path == NULL)
    path = default_path = upp_store_get_default_path ();
  in_memory = g_str_equal (path, ":memory:");

  self = g_object_new (UPP_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!in_memory && !g_file_test (path, G_FILE_TEST_EXISTS) &&
      !upp_store_create_private_file (path, error))
    return NULL;

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) !=
      SQLITE_OK)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_DATABASE, _("Could not open the database %s: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  /* Another process (the CLI importing while the app reads) may hold the
   * write lock for a while: wait instead of failing. */
  sqlite3_busy_timeout (self->db, 10000);

  /* No memory-mapped reads: they spared a copy per page when the trend
   * read the large entry rows, but the indexes cover those queries now
   * (a week switch at the benchmark's size: 12 ms mapped, 14.5 ms not),
   * and every mapped page counts in the window's memory, 60 to 115 MiB
   * at its first frame instead of 59, depending on how far loading got. */
  if (!upp_sql_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !upp_sql_exec (self, "PRAGMA synchronous = NORMAL", error) ||
      /* The savepoint each imported document is written under keeps its
       * statement journal in a temporary file otherwise: a copy of every
       * page the document changes, written and never read. */
      !upp_sql_exec (self, "PRAGMA temp_store = MEMORY", error) ||
      upp_store_get_user_version (self) < 0)
    goto not_a_database;

  /* Refuse a newer schema before anything writes to the file (switching
   * to WAL rewrites its header). */
  if (!upp_store_refuse_newer_schema (self, error))
    return NULL;
  if (!in_memory && !upp_sql_exec (self, "PRAGMA journal_mode = WAL", error))
    goto not_a_database;
  if (!upp_store_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);

not_a_database:
  g_prefix_error (error, _("%s is not an Uppföljning database: "), path);
  return NULL;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  UppStore *store = upp_store_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * upp_store_open_async:
 * @path: (nullable): as for upp_store_open()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the store is open
 * @user_data: for @callback
 *
 * Opens (and if needed migrates) the store in a worker thread.
 */
void
upp_store_open_async (const char          *path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * upp_store_open_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: a #GError
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
UppStore *
upp_store_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
upp_store_get_path (UppStore *self)
{
  g_return_val_if_fail (UPP_IS_STORE (self), NULL);
  return self->path;
}

static void
upp_store_dispose (GObject *object)
{
  UppStore *self = UPP_STORE (object);

  g_clear_object (&self->deflater);

  G_OBJECT_CLASS (upp_store_parent_class)->dispose (object);
}

static void
upp_store_finalize (GObject *object)
{
  UppStore *self = UPP_STORE (object);

  g_clear_pointer (&self->package, upp_package_free);
  g_ptr_array_unref (self->retired);
  g_clear_pointer (&self->trend, g_array_unref);
  g_clear_pointer (&self->leads, g_hash_table_unref);
  /* Statements first: the connection closes only without them. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (upp_store_parent_class)->finalize (object);
}

static void
upp_store_class_init (UppStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = upp_store_dispose;
  G_OBJECT_CLASS (klass)->finalize = upp_store_finalize;

  /* SQLite counts every allocation under a process-wide mutex, for
   * statistics nothing here reads: an import makes millions. Possible only
   * before SQLite is first used in the process (else a harmless
   * SQLITE_MISUSE), and the first store is made before that. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
upp_store_init (UppStore *self)
{
  g_rec_mutex_init (&self->lock);
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_package_free);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
}

/* The cached definition is handed out by upp_store_peek_package() without a
 * copy; a query in another thread may still read it when a package import
 * replaces it. Package imports are rare, so the old ones are kept until the
 * store goes away. */
static void upp_store_forget_trend (UppStore *self);

static void
upp_store_retire_package (UppStore *self)
{
  upp_store_forget_trend (self);
  g_clear_pointer (&self->leads, g_hash_table_unref);
  if (self->package != NULL)
    g_ptr_array_add (self->retired, g_steal_pointer (&self->package));
}

/* Transactions */

gboolean
upp_store_begin (UppStore  *self,
                 GError   **error)
{
  g_rec_mutex_lock (&self->lock);
  /* IMMEDIATE: take the write lock now, so a concurrent writer makes us wait
   * (busy timeout) here rather than fail half-way. */
  if (!upp_sql_exec (self, "BEGIN IMMEDIATE", error))
    {
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }
  return TRUE;
}

gboolean
upp_store_commit (UppStore  *self,
                  GError   **error)
{
  gboolean ok = upp_sql_exec (self, "COMMIT", error);

  if (!ok)
    {
      upp_sql_exec (self, "ROLLBACK", NULL);
      /* The cached definition may hold what was rolled back. */
      upp_store_retire_package (self);
    }
  g_rec_mutex_unlock (&self->lock);
  return ok;
}

void
upp_store_rollback (UppStore *self)
{
  upp_sql_exec (self, "ROLLBACK", NULL);
  /* The cached definition may hold what was rolled back. */
  upp_store_retire_package (self);
  g_rec_mutex_unlock (&self->lock);
}

gboolean
upp_store_savepoint (UppStore    *self,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SAVEPOINT %s", name);
  return upp_sql_exec (self, sql, error);
}

gboolean
upp_store_release (UppStore    *self,
                   const char  *name,
                   GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("RELEASE %s", name);
  return upp_sql_exec (self, sql, error);
}

void
upp_store_rollback_to (UppStore   *self,
                       const char *name)
{
  g_autofree char *sql = g_strdup_printf ("ROLLBACK TO %s; RELEASE %s", name, name);

  upp_sql_exec (self, sql, NULL);
  upp_store_retire_package (self);
}

/**
 * upp_store_begin_batch:
 * @self: a #UppStore
 *
 * For a batch of imports: a page cache that holds what a transaction of
 * many documents changes (SQLite would spill pages into the log and write
 * them again, and read them back), and fewer, larger checkpoints: one per
 * 64 MB of log instead of one per commit.
 */
void
upp_store_begin_batch (UppStore *self)
{
  g_rec_mutex_lock (&self->lock);
  upp_sql_exec (self, "PRAGMA cache_size = -65536", NULL);
  upp_sql_exec (self, "PRAGMA wal_autocheckpoint = 16384", NULL);
  g_rec_mutex_unlock (&self->lock);
}

/**
 * upp_store_end_batch:
 * @self: a #UppStore
 *
 * Back to the defaults, and the log copied into the database now rather
 * than in the next small write (a note typed in the window).
 */
void
upp_store_end_batch (UppStore *self)
{
  g_rec_mutex_lock (&self->lock);
  upp_sql_exec (self, "PRAGMA cache_size = -2000", NULL);
  upp_sql_exec (self, "PRAGMA wal_autocheckpoint = 1000", NULL);
  upp_sql_exec (self, "PRAGMA wal_checkpoint (PASSIVE)", NULL);
  g_rec_mutex_unlock (&self->lock);
}

/* The package definition */

static gboolean
load_package_header (UppStore    *self,
                     UppPackage  *package)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = upp_sql_prepare (self, "SELECT code, revision, title, organisation, decided, decided_by,"
                                " first_week, due_weekday FROM package WHERE id = 1", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  package->code = upp_sql_column_text (stmt, 0);
  package->revision = sqlite3_column_int (stmt, 1);
  package->title = upp_sql_column_text (stmt, 2);
  package->organisation = upp_sql_column_text (stmt, 3);
  upp_sql_column_date (stmt, 4, &package->decided);
  package->decided_by = upp_sql_column_text (stmt, 5);
  package->first_week = upp_week_from_key (sqlite3_column_int (stmt, 6));
  package->due_weekday = sqlite3_column_int (stmt, 7);
  return TRUE;
}

static void
load_goals_and_departments (UppStore   *self,
                            UppPackage *package)
{
  g_autoptr(sqlite3_stmt) goals = NULL;
  g_autoptr(sqlite3_stmt) departments = NULL;

  goals = upp_sql_prepare (self, "SELECT code, title FROM goal ORDER BY position", NULL);
  while (sqlite3_step (goals) == SQLITE_ROW)
    {
      UppGoal *goal = upp_goal_new ();

      goal->code = upp_sql_column_text (goals, 0);
      goal->title = upp_sql_column_text (goals, 1);
      g_ptr_array_add (package->goals, goal);
    }

  departments = upp_sql_prepare (self,
                                 "SELECT code, name, partner FROM department ORDER BY position",
                                 NULL);
  while (sqlite3_step (departments) == SQLITE_ROW)
    {
      UppDepartment *department = upp_department_new ();

      department->code = upp_sql_column_text (departments, 0);
      department->name = upp_sql_column_text (departments, 1);
      department->partner = sqlite3_column_int (departments, 2);
      g_ptr_array_add (package->departments, department);
    }
}

static void
load_actions (UppStore   *self,
              UppPackage *package)
{
  g_autoptr(sqlite3_stmt) actions = NULL;
  g_autoptr(sqlite3_stmt) contributors = NULL;
  g_autoptr(sqlite3_stmt) indicators = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);

  actions = upp_sql_prepare (self, "SELECT code, title, description, goal, lead, start, deadline"
                                   " FROM action ORDER BY position", NULL);
  while (sqlite3_step (actions) == SQLITE_ROW)
    {
      UppAction *action = upp_action_new ();

      action->code = upp_sql_column_text (actions, 0);
      action->title = upp_sql_column_text (actions, 1);
      action->description = upp_sql_column_text (actions, 2);
      action->goal = upp_sql_column_text (actions, 3);
      action->lead = upp_sql_column_text (actions, 4);
      upp_sql_column_date (actions, 5, &action->start);
      upp_sql_column_date (actions, 6, &action->deadline);
      g_ptr_array_add (package->actions, action);
      g_hash_table_insert (by_code, action->code, action);
    }

  contributors = upp_sql_prepare (self, "SELECT c.action, c.department FROM action_contributor c"
                                        " JOIN department d ON d.code = c.department"
                                        " ORDER BY c.action, d.position", NULL);
  while (sqlite3_step (contributors) == SQLITE_ROW)
    {
      UppAction *action = g_hash_table_lookup (by_code, sqlite3_column_text (contributors, 0));

      if (action != NULL)
        g_ptr_array_add (action->contributors, upp_sql_column_text (contributors, 1));
    }

  indicators = upp_sql_prepare (self, "SELECT action, code, name, unit, target, direction"
                                      " FROM indicator ORDER BY action, position", NULL);
  while (sqlite3_step (indicators) == SQLITE_ROW)
    {
      UppAction *action = g_hash_table_lookup (by_code, sqlite3_column_text (indicators, 0));
      UppIndicator *indicator;

      if (action == NULL)
        continue;
      indicator = upp_indicator_new ();
      indicator->code = upp_sql_column_text (indicators, 1);
      indicator->name = upp_sql_column_text (indicators, 2);
      indicator->unit = upp_sql_column_text (indicators, 3);
      indicator->has_target = sqlite3_column_type (indicators, 4) != SQLITE_NULL;
      indicator->target = sqlite3_column_double (indicators, 4);
      indicator->direction = g_strcmp0 ((const char *) sqlite3_column_text (indicators, 5),
                                        "down") == 0 ? UPP_DIRECTION_DOWN : UPP_DIRECTION_UP;
      g_ptr_array_add (action->indicators, indicator);
    }
}

/**
 * upp_store_peek_package:
 * @self: a #UppStore
 *
 * The package definition in force, cached until the next package import.
 *
 * Returns: (transfer none) (nullable): the definition, or %NULL if the
 *   store holds no package yet
 */
/* Another process (the CLI importing into the app's database) may have
 * committed since the caches were filled: SQLite's data_version says so. */
static void
upp_store_forget_if_changed_elsewhere (UppStore *self)
{
  g_autoptr(CachedStmt) stmt = upp_sql_prepare_cached (self, "PRAGMA data_version", NULL);
  gint64 version;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return;
  version = sqlite3_column_int64 (stmt, 0);
  if (version != self->data_version)
    {
      upp_store_retire_package (self);
      self->data_version = version;
    }
}

const UppPackage *
upp_store_peek_package (UppStore *self)
{
  g_autoptr(UppPackage) package = NULL;

  g_rec_mutex_lock (&self->lock);
  upp_store_forget_if_changed_elsewhere (self);
  if (self->package != NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return self->package;
    }
  /* Another thread may have loaded it while we waited for the lock. */
  package = self->package == NULL ? upp_package_new () : NULL;
  if (package != NULL && load_package_header (self, package))
    {
      load_goals_and_departments (self, package);
      load_actions (self, package);
      self->package = g_steal_pointer (&package);
    }
  g_rec_mutex_unlock (&self->lock);

  return self->package;
}

gboolean
upp_store_has_package (UppStore *self)
{
  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);
  return upp_store_peek_package (self) != NULL;
}

static UppPackage *
copy_package (const UppPackage *src);

/**
 * upp_store_get_package:
 * @self: a #UppStore
 * @error: a #GError
 *
 * Returns: (transfer full): a copy of the package definition in force, or
 *   %NULL with %UPP_ERROR_NOT_FOUND when nothing was imported yet
 */
UppPackage *
upp_store_get_package (UppStore  *self,
                       GError   **error)
{
  const UppPackage *package;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  package = upp_store_peek_package (self);
  if (package == NULL)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
                   _("The database %s holds no action package yet; import one first"),
                   self->path);
      return NULL;
    }
  return copy_package (package);
}

int
upp_store_get_package_revision (UppStore *self)
{
  const UppPackage *package = upp_store_peek_package (self);

  return package != NULL ? package->revision : 0;
}

UppWeek
upp_store_get_first_week (UppStore *self)
{
  const UppPackage *package = upp_store_peek_package (self);

  return package != NULL ? package->first_week : UPP_WEEK_INIT (0, 0);
}

/**
 * upp_store_get_last_report_week:
 * @self: a #UppStore
 *
 * Returns: the latest week any report was imported for, or the package's
 *   first week when there are none
 */
UppWeek
upp_store_get_last_report_week (UppStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  UppWeek week = upp_store_get_first_week (self);

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self, "SELECT MAX(week) FROM report", NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    week = upp_week_from_key (sqlite3_column_int (stmt, 0));
  g_rec_mutex_unlock (&self->lock);

  return week;
}

static UppPackage *
copy_package (const UppPackage *src)
{
  UppPackage *dst = upp_package_new ();

  dst->code = g_strdup (src->code);
  dst->revision = src->revision;
  dst->title = g_strdup (src->title);
  dst->organisation = g_strdup (src->organisation);
  dst->decided = src->decided;
  dst->decided_by = g_strdup (src->decided_by);
  dst->first_week = src->first_week;
  dst->due_weekday = src->due_weekday;

  for (guint i = 0; i < src->goals->len; i++)
    {
      const UppGoal *goal = g_ptr_array_index (src->goals, i);
      UppGoal *copy = upp_goal_new ();

      copy->code = g_strdup (goal->code);
      copy->title = g_strdup (goal->title);
      g_ptr_array_add (dst->goals, copy);
    }

  for (guint i = 0; i < src->departments->len; i++)
    {
      const UppDepartment *department = g_ptr_array_index (src->departments, i);
      UppDepartment *copy = upp_department_new ();

      copy->code = g_strdup (department->code);
      copy->name = g_strdup (department->name);
      copy->partner = department->partner;
      g_ptr_array_add (dst->departments, copy);
    }

  for (guint i = 0; i < src->actions->len; i++)
    {
      const UppAction *action = g_ptr_array_index (src->actions, i);
      UppAction *copy = upp_action_new ();

      copy->code = g_strdup (action->code);
      copy->title = g_strdup (action->title);
      copy->description = g_strdup (action->description);
      copy->goal = g_strdup (action->goal);
      copy->lead = g_strdup (action->lead);
      copy->start = action->start;
      copy->deadline = action->deadline;
      for (guint j = 0; j < action->contributors->len; j++)
        g_ptr_array_add (copy->contributors, g_strdup (g_ptr_array_index (action->contributors, j)));
      for (guint j = 0; j < action->indicators->len; j++)
        {
          const UppIndicator *indicator = g_ptr_array_index (action->indicators, j);
          UppIndicator *icopy = upp_indicator_new ();

          icopy->code = g_strdup (indicator->code);
          icopy->name = g_strdup (indicator->name);
          icopy->unit = g_strdup (indicator->unit);
          icopy->has_target = indicator->has_target;
          icopy->target = indicator->target;
          icopy->direction = indicator->direction;
          g_ptr_array_add (copy->indicators, icopy);
        }
      g_ptr_array_add (dst->actions, copy);
    }

  return dst;
}

/* Writing documents */

gboolean
upp_store_has_document (UppStore   *self,
                        const char *sha256)
{
  CachedStmt *stmt;
  gboolean found;

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare_cached (self, "SELECT 1 FROM document WHERE sha256 = ?1", NULL);
  upp_sql_bind_text (stmt, 1, sha256);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  upp_sql_cached_stmt_release (stmt);
  g_rec_mutex_unlock (&self->lock);

  return found;
}

/**
 * upp_store_get_document_kinds:
 * @self: a #UppStore
 *
 * What a batch checks each file's SHA-256 against before parsing it.
 *
 * Returns: (transfer full): SHA-256 → "package" or "report" (static
 *   strings), for every stored document
 */
GHashTable *
upp_store_get_document_kinds (UppStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_rec_mutex_lock (&self->lock);
  /* The hashes from their index, not from the rows (which hold the
   * documents); the few packages then by their revisions. */
  stmt = upp_sql_prepare (self, "SELECT sha256 FROM document", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (kinds, upp_sql_column_text (stmt, 0), (gpointer) "report");
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = upp_sql_prepare (self, "SELECT sha256 FROM document"
                                " WHERE id IN (SELECT document_id FROM package_revision)", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (kinds, upp_sql_column_text (stmt, 0), (gpointer) "package");
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_rec_mutex_unlock (&self->lock);

  return kinds;
}

/**
 * upp_store_get_reported_actions:
 * @self: a #UppStore
 *
 * Returns: (transfer full): a set of the action codes that any report
 *   entry refers to (the foreign key keeps them among the actions)
 */
GHashTable *
upp_store_get_reported_actions (UppStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_rec_mutex_lock (&self->lock);
  /* One seek per action into each of the two indexes by action. */
  stmt = upp_sql_prepare (self, "SELECT code FROM action a"
                                " WHERE EXISTS (SELECT 1 FROM entry WHERE action = a.code"
                                "               AND is_current AND is_lead)"
                                "    OR EXISTS (SELECT 1 FROM entry WHERE action = a.code"
                                "               AND NOT (is_current AND is_lead))", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (set, upp_sql_column_text (stmt, 0));
  g_rec_mutex_unlock (&self->lock);

  return set;
}

/* Document encodings (schema 6) */

/* Level 1 of 9: on the benchmark's reports it compresses 9.3-fold, level 6
 * 12.3-fold, at less than half the time; the time matters more. */
#define DEFLATE_LEVEL 1

/* Import reads at most UPP_IMPORT_MAX_BYTES; this bound, far above it, only
 * stops a damaged blob from inflating without end. */
#define INFLATED_MAX_BYTES (8 * (gsize) UPP_IMPORT_MAX_BYTES)

/* Runs @size bytes of @data through @converter, from its start, into one
 * buffer of at most @max_size bytes, first @guess big. Fails with
 * G_IO_ERROR_NO_SPACE when the output would be larger, and with
 * G_IO_ERROR_INVALID_DATA when input is left over after the end of the
 * stream. */
static GByteArray *
convert_all (GConverter    *converter,
             const guint8  *data,
             gsize          size,
             gsize          guess,
             gsize          max_size,
             GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  GConverterResult result;
  gsize done = 0;

  g_converter_reset (converter);
  g_byte_array_set_size (out, MIN (MAX (guess, 64), max_size));
  do
    {
      g_autoptr(GError) local_error = NULL;
      gsize n_read = 0;
      gsize n_written = 0;

      result = g_converter_convert (converter, data, size, out->data + done, out->len - done,
                                    G_CONVERTER_INPUT_AT_END, &n_read, &n_written,
                                    &local_error);
      if (result == G_CONVERTER_ERROR &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (result != G_CONVERTER_ERROR)
        {
          if (result != G_CONVERTER_FINISHED && n_read == 0 && n_written == 0)
            {
              /* No progress with room to write: the input is cut short. */
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                   _("the compressed data ends early"));
              return NULL;
            }
          data += n_read;
          size -= n_read;
          done += n_written;
        }
      /* More room: after NO_SPACE, or when the output fills the buffer to
       * the last byte (the converter may have more to write). */
      if (result == G_CONVERTER_ERROR || (result != G_CONVERTER_FINISHED && done == out->len))
        {
          if (out->len >= max_size)
            {
              g_autofree char *limit = g_format_size (max_size);

              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("the result would be larger than %s"), limit);
              return NULL;
            }
          g_byte_array_set_size (out, MIN (out->len * (gsize) 2, max_size));
        }
    }
  while (result != G_CONVERTER_FINISHED);

  if (size != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("data follows the end of the compressed data"));
      return NULL;
    }
  g_byte_array_set_size (out, done);
  return g_steal_pointer (&out);
}

/* What a document is stored as: deflated, or as it is when that saves
 * nothing (a tiny file). Returns the encoding's name and, in
 * @out_deflated, the compressed bytes, or NULL for the document itself. */
static const char *
encode_document (UppStore     *self,
                 const guint8 *data,
                 gsize         size,
                 GByteArray  **out_deflated,
                 GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  *out_deflated = NULL;
  if (size < 2)
    return "identity";
  if (self->deflater == NULL)
    self->deflater = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB,
                                                         DEFLATE_LEVEL));
  *out_deflated = convert_all (self->deflater, data, size, size / 4, size - 1, &local_error);
  if (*out_deflated != NULL)
    return "deflate";
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return "identity";
  g_set_error (error, UPP_ERROR, UPP_ERROR_FAILED, _("Could not compress the document: %s"),
               local_error->message);
  return NULL;
}

/* The document as imported, from a row of the document table. */
static GBytes *
decode_document (gint64         id,
                 const char    *encoding,
                 const guint8  *data,
                 gsize          size,
                 GError       **error)
{
  g_autoptr(GConverter) inflater = NULL;
  g_autoptr(GByteArray) inflated = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_strcmp0 (encoding, "identity") == 0)
    return g_bytes_new (data, size);

  if (g_strcmp0 (encoding, "deflate") == 0)
    {
      inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      inflated = convert_all (inflater, data, size, size * (gsize) 8, INFLATED_MAX_BYTES,
                              &local_error);
      if (inflated != NULL)
        return g_byte_array_free_to_bytes (g_steal_pointer (&inflated));
    }
  else
    g_set_error (&local_error, UPP_ERROR, UPP_ERROR_DATABASE, _("unknown encoding “%s”"),
                 encoding != NULL ? encoding : "NULL");

  g_set_error (error, UPP_ERROR, UPP_ERROR_DATABASE,
               _("The stored copy of document %lld is damaged: %s"), (long long) id,
               local_error->message);
  return NULL;
}

static gint64
upp_store_insert_document (UppStore    *self,
                           const char  *kind,
                           GBytes      *bytes,
                           const char  *sha256,
                           const char  *filename,
                           GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *imported = g_date_time_format_iso8601 (now);
  g_autoptr(GByteArray) deflated = NULL;
  const char *encoding;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  /* @sha256 stays the hash of the bytes as read: re-imports are found by it. */
  encoding = encode_document (self, data, size, &deflated, error);
  if (encoding == NULL)
    return 0;
  if (deflated != NULL)
    {
      data = deflated->data;
      size = deflated->len;
    }

  stmt = upp_sql_prepare_cached (self, "INSERT INTO document (sha256, kind, filename, imported,"
                                       " encoding, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  upp_sql_bind_text (stmt, 1, sha256);
  upp_sql_bind_text (stmt, 2, kind);
  upp_sql_bind_text (stmt, 3, filename);
  upp_sql_bind_text (stmt, 4, imported);
  upp_sql_bind_static_text (stmt, 5, encoding);
  sqlite3_bind_blob64 (stmt, 6, data, size, SQLITE_STATIC);
  if (!upp_sql_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
write_definition_header (UppStore          *self,
                         const UppPackage  *package,
                         gint64             document_id,
                         GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = upp_sql_prepare (self, "INSERT OR REPLACE INTO package (id, document_id, code, revision,"
                                " title, organisation, decided, decided_by, first_week,"
                                " due_weekday)"
                                " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  upp_sql_bind_text (stmt, 2, package->code);
  sqlite3_bind_int (stmt, 3, package->revision);
  upp_sql_bind_text (stmt, 4, package->title);
  upp_sql_bind_text (stmt, 5, package->organisation);
  upp_sql_bind_date (stmt, 6, &package->decided);
  upp_sql_bind_text (stmt, 7, package->decided_by);
  sqlite3_bind_int (stmt, 8, upp_week_to_key (package->first_week));
  sqlite3_bind_int (stmt, 9, package->due_weekday);
  return upp_sql_step_done (self, stmt, error);
}

static gboolean
write_goals_and_departments (UppStore          *self,
                             const UppPackage  *package,
                             GError           **error)
{
  g_autoptr(CachedStmt) goal = NULL;
  g_autoptr(CachedStmt) department = NULL;

  /* Upserts keep the codes that reports refer to stable across revisions. */
  goal = upp_sql_prepare_cached (self, "INSERT INTO goal (code, title, position)"
                                       " VALUES (?1, ?2, ?3)"
                                       " ON CONFLICT (code) DO UPDATE SET title = ?2,"
                                       " position = ?3",
                                 error);
  department = upp_sql_prepare_cached (self, "INSERT INTO department (code, name, partner,"
                                             " position) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (code)"
                                             " DO UPDATE SET name = ?2, partner = ?3,"
                                             " position = ?4",
                                       error);
  if (goal == NULL || department == NULL)
    return FALSE;

  for (guint i = 0; i < package->goals->len; i++)
    {
      const UppGoal *g = g_ptr_array_index (package->goals, i);

      sqlite3_reset (goal);
      upp_sql_bind_text (goal, 1, g->code);
      upp_sql_bind_text (goal, 2, g->title);
      sqlite3_bind_int (goal, 3, i);
      if (!upp_sql_step_done (self, goal, error))
        return FALSE;
    }

  for (guint i = 0; i < package->departments->len; i++)
    {
      const UppDepartment *d = g_ptr_array_index (package->departments, i);

      sqlite3_reset (department);
      upp_sql_bind_text (department, 1, d->code);
      upp_sql_bind_text (department, 2, d->name);
      sqlite3_bind_int (department, 3, d->partner);
      sqlite3_bind_int (department, 4, i);
      if (!upp_sql_step_done (self, department, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_action (UppStore         *self,
              const UppAction  *a,
              guint             position,
              GError          **error)
{
  g_autoptr(CachedStmt) action = NULL;
  g_autoptr(CachedStmt) contributor = NULL;
  g_autoptr(CachedStmt) indicator = NULL;
  g_autoptr(CachedStmt) clear = NULL;
  g_autoptr(CachedStmt) clear_indicators = NULL;

  action = upp_sql_prepare_cached (self, "INSERT INTO action (code, title, description, goal, lead,"
                                         " start, deadline, position)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                         " ON CONFLICT (code) DO UPDATE SET title = ?2,"
                                         " description = ?3, goal = ?4, lead = ?5, start = ?6,"
                                         " deadline = ?7, position = ?8",
                                   error);
  /* Contributors and indicators are replaced whole by each revision. */
  clear = upp_sql_prepare_cached (self, "DELETE FROM action_contributor WHERE action = ?1", error);
  clear_indicators = upp_sql_prepare_cached (self, "DELETE FROM indicator WHERE action = ?1",
                                             error);
  contributor = upp_sql_prepare_cached (self, "INSERT INTO action_contributor (action, department)"
                                              " VALUES (?1, ?2)", error);
  indicator = upp_sql_prepare_cached (self, "INSERT INTO indicator (action, code, name, unit,"
                                            " target, direction, position)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                      error);
  if (action == NULL || clear == NULL || clear_indicators == NULL || contributor == NULL ||
      indicator == NULL)
    return FALSE;

  upp_sql_bind_text (action, 1, a->code);
  upp_sql_bind_text (action, 2, a->title);
  upp_sql_bind_text (action, 3, a->description);
  upp_sql_bind_text (action, 4, a->goal);
  upp_sql_bind_text (action, 5, a->lead);
  upp_sql_bind_date (action, 6, &a->start);
  upp_sql_bind_date (action, 7, &a->deadline);
  sqlite3_bind_int (action, 8, position);
  if (!upp_sql_step_done (self, action, error))
    return FALSE;

  sqlite3_reset (action);
  upp_sql_bind_text (clear, 1, a->code);
  upp_sql_bind_text (clear_indicators, 1, a->code);
  if (!upp_sql_step_done (self, clear, error) || !upp_sql_step_done (self, clear_indicators, error))
    return FALSE;
  for (guint i = 0; i < a->contributors->len; i++)
    {
      sqlite3_reset (contributor);
      upp_sql_bind_text (contributor, 1, a->code);
      upp_sql_bind_text (contributor, 2, g_ptr_array_index (a->contributors, i));
      if (!upp_sql_step_done (self, contributor, error))
        return FALSE;
    }

  for (guint i = 0; i < a->indicators->len; i++)
    {
      const UppIndicator *ind = g_ptr_array_index (a->indicators, i);

      sqlite3_reset (indicator);
      upp_sql_bind_text (indicator, 1, a->code);
      upp_sql_bind_text (indicator, 2, ind->code);
      upp_sql_bind_text (indicator, 3, ind->name);
      upp_sql_bind_text (indicator, 4, ind->unit);
      if (ind->has_target)
        sqlite3_bind_double (indicator, 5, ind->target);
      else
        sqlite3_bind_null (indicator, 5);
      upp_sql_bind_text (indicator, 6, ind->direction == UPP_DIRECTION_DOWN ? "down" : "up");
      sqlite3_bind_int (indicator, 7, i);
      if (!upp_sql_step_done (self, indicator, error))
        return FALSE;
    }
  return TRUE;
}

/* Leadership notes are the one thing only this database has: a revision
 * that drops an action must not take them along silently. */
static gboolean
check_no_notes (UppStore   *self,
                GPtrArray  *actions,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = upp_sql_prepare (self,
                                                  "SELECT COUNT(*) FROM note WHERE action = ?1",
                                                  error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      const char *code = g_ptr_array_index (actions, i);

      sqlite3_reset (stmt);
      upp_sql_bind_text (stmt, 1, code);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
        {
          g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                       _("this revision drops the action “%s”, which has leadership notes; "
                         "keep it in the package"), code);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
delete_codes_not_in (UppStore    *self,
                     const char  *table,
                     GHashTable  *keep,
                     GError     **error)
{
  g_autofree char *select_sql = g_strdup_printf ("SELECT code FROM %s", table);
  g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE code = ?1", table);
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);

  /* The table names are our own constants; only codes are data, and bound. */
  select = upp_sql_prepare (self, select_sql, error);
  delete = upp_sql_prepare (self, delete_sql, error);
  if (select == NULL || delete == NULL)
    return FALSE;

  while (sqlite3_step (select) == SQLITE_ROW)
    if (!g_hash_table_contains (keep, sqlite3_column_text (select, 0)))
      g_ptr_array_add (stale, upp_sql_column_text (select, 0));

  if (g_str_equal (table, "action") && !check_no_notes (self, stale, error))
    return FALSE;

  for (guint i = 0; i < stale->len; i++)
    {
      sqlite3_reset (delete);
      upp_sql_bind_text (delete, 1, g_ptr_array_index (stale, i));
      if (!upp_sql_step_done (self, delete, error))
        return FALSE;
    }
  return TRUE;
}

/* Removes what the new revision no longer defines. The importer refuses
 * revisions that drop an action or department with reports; the foreign
 * keys catch anything else. */
static gboolean
remove_undefined (UppStore          *self,
                  const UppPackage  *package,
                  GError           **error)
{
  g_autoptr(GHashTable) actions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) goals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) departments = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < package->actions->len; i++)
    g_hash_table_add (actions, ((UppAction *) g_ptr_array_index (package->actions, i))->code);
  for (guint i = 0; i < package->goals->len; i++)
    g_hash_table_add (goals, ((UppGoal *) g_ptr_array_index (package->goals, i))->code);
  for (guint i = 0; i < package->departments->len; i++)
    g_hash_table_add (departments,
                      ((UppDepartment *) g_ptr_array_index (package->departments, i))->code);

  return delete_codes_not_in (self, "action", actions, error) &&
         delete_codes_not_in (self, "goal", goals, error) &&
         delete_codes_not_in (self, "department", departments, error);
}

static gboolean
apply_package (UppStore          *self,
               const UppPackage  *package,
               gint64             document_id,
               GError           **error)
{
  if (!write_definition_header (self, package, document_id, error) ||
      !write_goals_and_departments (self, package, error))
    return FALSE;

  for (guint i = 0; i < package->actions->len; i++)
    if (!write_action (self, g_ptr_array_index (package->actions, i), i, error))
      return FALSE;

  if (!remove_undefined (self, package, error))
    return FALSE;

  /* A revision may move an action to another lead department. */
  if (!upp_sql_exec (self, "UPDATE entry SET is_lead = (department ="
                           " (SELECT lead FROM action WHERE action.code = entry.action))", error))
    return FALSE;

  upp_store_retire_package (self);
  return TRUE;
}

/**
 * upp_store_add_package:
 * @self: a #UppStore inside upp_store_begin()
 * @package: a validated definition
 * @bytes: the document as read
 * @sha256: its SHA-256, lower-case hex
 * @filename: its file name, for people
 * @out_outcome: (out): what happened
 * @error: a #GError
 *
 * Stores a package document. The highest revision is the one in force,
 * whatever order revisions arrive in.
 */
gboolean
upp_store_add_package (UppStore          *self,
                       const UppPackage  *package,
                       GBytes            *bytes,
                       const char        *sha256,
                       const char        *filename,
                       UppStoreOutcome   *out_outcome,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) revision = NULL;
  const UppPackage *current = upp_store_peek_package (self);
  gint64 document_id;

  if (upp_store_has_document (self, sha256))
    {
      *out_outcome = UPP_STORE_DUPLICATE;
      return TRUE;
    }

  if (current != NULL && g_strcmp0 (current->code, package->code) != 0)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                   _("this database follows the package %s, not %s"),
                   current->code, package->code);
      return FALSE;
    }

  if (current != NULL && current->revision == package->revision)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                   _("revision %d of %s was already imported with other content; "
                     "a changed package needs a higher revision"),
                   package->revision, package->code);
      return FALSE;
    }

  document_id = upp_store_insert_document (self, "package", bytes, sha256, filename, error);
  if (document_id == 0)
    return FALSE;

  revision = upp_sql_prepare (self, "INSERT INTO package_revision (document_id, code, revision)"
                                    " VALUES (?1, ?2, ?3)", error);
  if (revision == NULL)
    return FALSE;
  sqlite3_bind_int64 (revision, 1, document_id);
  upp_sql_bind_text (revision, 2, package->code);
  sqlite3_bind_int (revision, 3, package->revision);
  if (sqlite3_step (revision) != SQLITE_DONE)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                   _("revision %d of %s was already imported with other content; "
                     "a changed package needs a higher revision"),
                   package->revision, package->code);
      return FALSE;
    }

  if (current != NULL && current->revision > package->revision)
    {
      *out_outcome = UPP_STORE_KEPT_OLDER;
      return TRUE;
    }

  *out_outcome = current != NULL ? UPP_STORE_SUPERSEDED : UPP_STORE_ADDED;
  return apply_package (self, package, document_id, error);
}

/* The lead of each action in force, for is_lead: looked up per entry. */
static GHashTable *
get_leads (UppStore *self)
{
  const UppPackage *package = upp_store_peek_package (self);

  if (self->leads == NULL && package != NULL)
    {
      self->leads = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < package->actions->len; i++)
        {
          const UppAction *action = g_ptr_array_index (package->actions, i);
          g_hash_table_insert (self->leads, action->code, action->lead);
        }
    }
  return self->leads;
}

static gboolean
insert_entries (UppStore         *self,
                const UppReport  *report,
                gint64            report_id,
                gboolean          current,
                GError          **error)
{
  g_autoptr(CachedStmt) entry = NULL;
  g_autoptr(CachedStmt) value = NULL;
  GHashTable *leads = get_leads (self);
  int week = upp_week_to_key (report->week);

  entry = upp_sql_prepare_cached (self, "INSERT INTO entry (report_id, action, department, week,"
                                        " status, progress, comment, next_steps, risks, is_lead,"
                                        " is_current)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                  error);
  value = upp_sql_prepare_cached (self, "INSERT INTO entry_indicator (report_id, action, indicator,"
                                        " value) VALUES (?1, ?2, ?3, ?4)", error);
  if (entry == NULL || value == NULL || leads == NULL)
    return FALSE;

  /* What is the same for every entry is bound once: a reset keeps bindings. */
  sqlite3_bind_int64 (entry, 1, report_id);
  sqlite3_bind_text (entry, 3, report->department, -1, SQLITE_STATIC);
  sqlite3_bind_int (entry, 4, week);
  sqlite3_bind_int (entry, 11, current);
  sqlite3_bind_int64 (value, 1, report_id);

  for (guint i = 0; i < report->entries->len; i++)
    {
      const UppEntry *e = g_ptr_array_index (report->entries, i);

      /* The report outlives the statement's use of its texts. */
      sqlite3_reset (entry);
      sqlite3_bind_text (entry, 2, e->action, -1, SQLITE_STATIC);
      sqlite3_bind_text (entry, 5, upp_status_to_string (e->status), -1, SQLITE_STATIC);
      sqlite3_bind_int (entry, 6, e->progress);
      upp_sql_bind_static_text (entry, 7, e->comment);
      upp_sql_bind_static_text (entry, 8, e->next_steps);
      upp_sql_bind_static_text (entry, 9, e->risks);
      sqlite3_bind_int (entry, 10, g_strcmp0 (g_hash_table_lookup (leads, e->action),
                                              report->department) == 0);
      if (!upp_sql_step_done (self, entry, error))
        return FALSE;

      for (guint j = 0; j < e->indicators->len; j++)
        {
          const UppIndicatorValue *v = g_ptr_array_index (e->indicators, j);

          sqlite3_reset (value);
          sqlite3_bind_text (value, 2, e->action, -1, SQLITE_STATIC);
          sqlite3_bind_text (value, 3, v->indicator, -1, SQLITE_STATIC);
          sqlite3_bind_double (value, 4, v->value);
          if (!upp_sql_step_done (self, value, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Numbers the reports of one department and week by (submitted, sha256) —
 * a total order that does not depend on import order — and lets the last
 * one count. Returns the number of reports and the current one's id. */
static gboolean
renumber_revisions (UppStore    *self,
                    const char  *department,
                    UppWeek      week,
                    int         *out_count,
                    gint64      *out_current,
                    GError     **error)
{
  g_autoptr(CachedStmt) select = NULL;
  g_autoptr(CachedStmt) update = NULL;
  g_autoptr(CachedStmt) entries = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  select = upp_sql_prepare_cached (self, "SELECT r.id FROM report r"
                                         " JOIN document d ON d.id = r.document_id"
                                         " WHERE r.department = ?1 AND r.week = ?2"
                                         " ORDER BY r.submitted_unix, d.sha256", error);
  update = upp_sql_prepare_cached (self, "UPDATE report SET revision = ?2, is_current = ?3"
                                         " WHERE id = ?1", error);
  entries = upp_sql_prepare_cached (self, "UPDATE entry SET is_current = ?2 WHERE report_id = ?1",
                                    error);
  if (select == NULL || update == NULL || entries == NULL)
    return FALSE;

  upp_sql_bind_text (select, 1, department);
  sqlite3_bind_int (select, 2, upp_week_to_key (week));
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (select);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean current = i + 1 == ids->len;

      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, id);
      sqlite3_bind_int (update, 2, i + 1);
      sqlite3_bind_int (update, 3, current);
      sqlite3_reset (entries);
      sqlite3_bind_int64 (entries, 1, id);
      sqlite3_bind_int (entries, 2, current);
      if (!upp_sql_step_done (self, update, error) || !upp_sql_step_done (self, entries, error))
        return FALSE;
    }

  *out_count = ids->len;
  *out_current = ids->len > 0 ? g_array_index (ids, gint64, ids->len - 1) : 0;
  return TRUE;
}

/**
 * upp_store_add_report:
 * @self: a #UppStore inside upp_store_begin()
 * @report: a validated report
 * @bytes: the document as read
 * @sha256: its SHA-256, lower-case hex
 * @filename: its file name, for people
 * @out_outcome: (out): what happened
 * @error: a #GError
 *
 * Stores a report. A second, different report for the same department and
 * week is a correction: both are kept, the later `submitted` counts.
 */
gboolean
upp_store_add_report (UppStore          *self,
                      const UppReport   *report,
                      GBytes            *bytes,
                      const char        *sha256,
                      const char        *filename,
                      UppStoreOutcome   *out_outcome,
                      GError           **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(CachedStmt) others = NULL;
  g_autofree char *submitted_date = NULL;
  gint64 document_id;
  gint64 report_id;
  gint64 current_id;
  gboolean alone;
  int count;

  if (upp_store_has_document (self, sha256))
    {
      *out_outcome = UPP_STORE_DUPLICATE;
      return TRUE;
    }

  /* The first report of its department and week is revision 1 and in
   * force, as renumber_revisions() would make it: written so at once, its
   * entries are written once. */
  others = upp_sql_prepare_cached (self, "SELECT 1 FROM report WHERE department = ?1 AND week = ?2",
                                   error);
  if (others == NULL)
    return FALSE;
  upp_sql_bind_static_text (others, 1, report->department);
  sqlite3_bind_int (others, 2, upp_week_to_key (report->week));
  alone = sqlite3_step (others) == SQLITE_DONE;
  upp_sql_cached_stmt_release (others);

  document_id = upp_store_insert_document (self, "report", bytes, sha256, filename, error);
  if (document_id == 0)
    return FALSE;

  stmt = upp_sql_prepare_cached (self, "INSERT INTO report (document_id, department, week,"
                                       " submitted, submitted_unix, submitted_date, reporter,"
                                       " summary, revision, is_current)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  submitted_date = upp_date_format (&report->submitted_date);
  sqlite3_bind_int64 (stmt, 1, document_id);
  upp_sql_bind_text (stmt, 2, report->department);
  sqlite3_bind_int (stmt, 3, upp_week_to_key (report->week));
  upp_sql_bind_text (stmt, 4, report->submitted);
  sqlite3_bind_int64 (stmt, 5, report->submitted_unix);
  upp_sql_bind_text (stmt, 6, submitted_date);
  upp_sql_bind_text (stmt, 7, report->reporter);
  upp_sql_bind_text (stmt, 8, report->summary);
  sqlite3_bind_int (stmt, 9, alone);
  if (!upp_sql_step_done (self, stmt, error))
    return FALSE;
  report_id = sqlite3_last_insert_rowid (self->db);
  upp_store_forget_trend (self);

  if (!insert_entries (self, report, report_id, alone, error))
    return FALSE;
  if (alone)
    {
      *out_outcome = UPP_STORE_ADDED;
      return TRUE;
    }
  if (!renumber_revisions (self, report->department, report->week, &count, &current_id, error))
    return FALSE;

  if (count == 1)
    *out_outcome = UPP_STORE_ADDED;
  else if (current_id == report_id)
    *out_outcome = UPP_STORE_SUPERSEDED;
  else
    *out_outcome = UPP_STORE_KEPT_OLDER;
  return TRUE;
}

/* Queries "as of week W" */

void
upp_action_status_free (UppActionStatus *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->title);
  g_free (self->goal);
  g_free (self->lead);
  g_free (self->lead_name);
  g_free (self->reason);
  g_free (self->comment);
  g_free (self->next_steps);
  g_free (self->risks);
  g_free (self);
}

void
upp_status_change_free (UppStatusChange *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->title);
  g_free (self->lead);
  g_free (self);
}

void
upp_history_entry_free (UppHistoryEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->action);
  g_free (self->department);
  g_free (self->comment);
  g_free (self->next_steps);
  g_free (self->risks);
  g_free (self->submitted);
  g_free (self);
}

void
upp_note_free (UppNote *self)
{
  if (self == NULL)
    return;
  g_free (self->action);
  g_free (self->text);
  g_free (self->updated);
  g_free (self);
}

void
upp_document_info_free (UppDocumentInfo *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->filename);
  g_free (self->sha256);
  g_free (self->imported);
  g_free (self->department);
  g_free (self->submitted);
  g_free (self);
}

static gboolean
upp_store_check_week (UppWeek   week,
                      GError  **error)
{
  if (upp_week_is_valid (week))
    return TRUE;
  g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK, _("%d-W%02d is not a week"),
               week.year, week.week);
  return FALSE;
}

static gboolean
upp_store_require_package (UppStore  *self,
                           GError   **error)
{
  if (upp_store_peek_package (self) != NULL)
    return TRUE;
  g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
               _("The database %s holds no action package yet; import one first"), self->path);
  return FALSE;
}

/**
 * upp_store_query_status:
 * @self: a #UppStore
 * @week: the week
 * @lead: (nullable): only the actions this department leads
 * @error: a #GError
 *
 * Every action's state as of @week, in package order. One index seek per
 * action finds the lead's latest entry at or before @week.
 *
 * Returns: (transfer full) (element-type UppActionStatus): the rows
 */
GPtrArray *
upp_store_query_status (UppStore    *self,
                        UppWeek      week,
                        const char  *lead,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  if (!upp_store_check_week (week, error) || !upp_store_require_package (self, error))
    return NULL;

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self,
                          "SELECT a.code, a.title, a.goal, a.lead, d.name, a.start, a.deadline,"
                          "       e.week, e.status, e.progress, e.comment, e.next_steps, e.risks"
                          " FROM action a JOIN department d ON d.code = a.lead"
                          " LEFT JOIN entry e ON e.rowid ="
                          "   (SELECT rowid FROM entry WHERE action = a.code"
                          " AND is_current AND is_lead"
                          "    AND week <= ?1 ORDER BY week DESC LIMIT 1)"
                          " WHERE ?2 IS NULL OR a.lead = ?2"
                          " ORDER BY a.position", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int (stmt, 1, upp_week_to_key (week));
  upp_sql_bind_text (stmt, 2, lead);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_action_status_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UppActionStatus *row = g_new0 (UppActionStatus, 1);
      UppLatestEntry latest = { 0 };
      g_auto(UppDerivedState) derived = { 0 };

      row->code = upp_sql_column_text (stmt, 0);
      row->title = upp_sql_column_text (stmt, 1);
      row->goal = upp_sql_column_text (stmt, 2);
      row->lead = upp_sql_column_text (stmt, 3);
      row->lead_name = upp_sql_column_text (stmt, 4);
      upp_sql_column_date (stmt, 5, &row->start);
      upp_sql_column_date (stmt, 6, &row->deadline);
      row->has_entry = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
      if (row->has_entry)
        {
          row->entry_week = upp_week_from_key (sqlite3_column_int (stmt, 7));
          row->entry_status = upp_sql_column_status (stmt, 8);
          row->progress = sqlite3_column_int (stmt, 9);
          row->comment = upp_sql_column_text (stmt, 10);
          row->next_steps = upp_sql_column_text (stmt, 11);
          row->risks = upp_sql_column_text (stmt, 12);
        }

      latest = (UppLatestEntry) { row->has_entry, row->entry_week, row->entry_status,
                                  row->progress };
      upp_derive_state (&row->start, &row->deadline, week, &latest, TRUE, &derived);
      row->state = derived.state;
      row->contradiction = derived.contradiction;
      row->reason = g_steal_pointer (&derived.reason);
      g_ptr_array_add (rows, row);
    }

out:
  g_rec_mutex_unlock (&self->lock);
  return g_steal_pointer (&rows);
}

/**
 * upp_store_count_states:
 * @statuses: (element-type UppActionStatus): rows of upp_store_query_status()
 * @out_counts: (out caller-allocates): the counts
 */
void
upp_store_count_states (GPtrArray      *statuses,
                        UppStateCounts *out_counts)
{
  memset (out_counts, 0, sizeof *out_counts);
  for (guint i = 0; i < statuses->len; i++)
    upp_state_counts_add (out_counts, ((UppActionStatus *) g_ptr_array_index (statuses, i))->state);
}

/**
 * upp_store_query_department_counts:
 * @self: a #UppStore
 * @week: the week
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppDepartmentCounts): every
 *   department, in package order, with the states of the actions it leads
 */
GPtrArray *
upp_store_query_department_counts (UppStore  *self,
                                   UppWeek    week,
                                   GError   **error)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  const UppPackage *package;
  GPtrArray *rows;

  statuses = upp_store_query_status (self, week, NULL, error);
  if (statuses == NULL)
    return NULL;

  package = upp_store_peek_package (self);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_department_counts_free);
  for (guint i = 0; i < package->departments->len; i++)
    {
      const UppDepartment *department = g_ptr_array_index (package->departments, i);
      UppDepartmentCounts *row = g_new0 (UppDepartmentCounts, 1);

      row->code = g_strdup (department->code);
      row->name = g_strdup (department->name);
      row->partner = department->partner;
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_code, row->code, row);
    }

  for (guint i = 0; i < statuses->len; i++)
    {
      const UppActionStatus *status = g_ptr_array_index (statuses, i);
      UppDepartmentCounts *row = g_hash_table_lookup (by_code, status->lead);

      if (row != NULL)
        upp_state_counts_add (&row->counts, status->state);
    }

  return rows;
}

static UppCompliance
judge_compliance (const UppPackage *package,
                  UppWeek           week,
                  int               n_reports,
                  const char       *submitted_date)
{
  GDate due;
  GDate submitted;

  if (upp_week_compare (week, package->first_week) < 0)
    return UPP_COMPLIANCE_NOT_DUE;
  if (n_reports == 0)
    return UPP_COMPLIANCE_MISSING;
  if (n_reports > 1)
    return UPP_COMPLIANCE_CORRECTED;

  upp_week_get_day (week, package->due_weekday, &due);
  if (upp_date_parse (submitted_date, &submitted) && g_date_compare (&submitted, &due) > 0)
    return UPP_COMPLIANCE_LATE;
  return UPP_COMPLIANCE_ON_TIME;
}

/**
 * upp_store_query_compliance:
 * @self: a #UppStore
 * @last_week: the newest week (the right-most column)
 * @n_weeks: how many weeks, @last_week included
 * @error: a #GError
 *
 * How each department that has actions reported in each week: on time (by
 * the package's due weekday, in the time zone the report was written in),
 * late, corrected (more than one report), missing, or not due (before the
 * package's first reporting week).
 *
 * Returns: (transfer full) (element-type UppComplianceRow): one row per
 *   department with actions, in package order
 */
GPtrArray *
upp_store_query_compliance (UppStore  *self,
                            UppWeek    last_week,
                            guint      n_weeks,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = NULL;
  const UppPackage *package;
  UppWeek first_week;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);
  g_return_val_if_fail (n_weeks > 0 && n_weeks <= 1000, NULL);

  if (!upp_store_check_week (last_week, error) || !upp_store_require_package (self, error))
    return NULL;

  package = upp_store_peek_package (self);
  first_week = upp_week_add (last_week, -(int) (n_weeks - 1));
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_compliance_row_free);

  for (guint i = 0; i < package->departments->len; i++)
    {
      const UppDepartment *department = g_ptr_array_index (package->departments, i);
      UppComplianceRow *row;

      if (!upp_package_department_has_actions (package, department->code))
        continue;
      row = g_new0 (UppComplianceRow, 1);
      row->department_code = g_strdup (department->code);
      row->department_name = g_strdup (department->name);
      row->partner = department->partner;
      row->first_week = first_week;
      row->n_weeks = n_weeks;
      row->cells = g_new (UppCompliance, n_weeks);
      for (guint w = 0; w < n_weeks; w++)
        row->cells[w] = judge_compliance (package, upp_week_add (first_week, w), 0, NULL);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_code, row->department_code, row);
    }

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self, "SELECT department, week, COUNT(*),"
                                "  MAX(CASE WHEN is_current THEN submitted_date END)"
                                " FROM report WHERE week BETWEEN ?1 AND ?2"
                                " GROUP BY department, week", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int (stmt, 1, upp_week_to_key (first_week));
      sqlite3_bind_int (stmt, 2, upp_week_to_key (last_week));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          UppComplianceRow *row = g_hash_table_lookup (by_code, sqlite3_column_text (stmt, 0));
          UppWeek week = upp_week_from_key (sqlite3_column_int (stmt, 1));

          if (row == NULL)
            continue;
          row->cells[upp_week_diff (week, first_week)] =
            judge_compliance (package, week, sqlite3_column_int (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3));
        }
    }
  g_rec_mutex_unlock (&self->lock);

  return stmt != NULL ? g_steal_pointer (&rows) : NULL;
}

/**
 * upp_store_list_missing_reports:
 * @self: a #UppStore
 * @week: the week
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppComplianceRow): the departments
 *   whose report for @week is missing (one-column rows)
 */
GPtrArray *
upp_store_list_missing_reports (UppStore  *self,
                                UppWeek    week,
                                GError   **error)
{
  g_autoptr(GPtrArray) rows = upp_store_query_compliance (self, week, 1, error);

  if (rows == NULL)
    return NULL;
  for (guint i = rows->len; i > 0; i--)
    if (((UppComplianceRow *) g_ptr_array_index (rows, i - 1))->cells[0] != UPP_COMPLIANCE_MISSING)
      g_ptr_array_remove_index (rows, i - 1);
  return g_steal_pointer (&rows);
}

/**
 * upp_store_query_changes:
 * @self: a #UppStore
 * @week: the week
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppStatusChange): the actions
 *   whose state as of @week differs from the week before, in package order
 */
GPtrArray *
upp_store_query_changes (UppStore  *self,
                         UppWeek    week,
                         GError   **error)
{
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) before = NULL;
  GPtrArray *changes;

  if (!upp_store_check_week (week, error))
    return NULL;
  now = upp_store_query_status (self, week, NULL, error);
  if (now == NULL)
    return NULL;
  before = upp_store_query_status (self, upp_week_add (week, -1), NULL, error);
  if (before == NULL)
    return NULL;

  /* Both lists hold every action in the same (package) order. */
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_status_change_free);
  for (guint i = 0; i < now->len && i < before->len; i++)
    {
      const UppActionStatus *a = g_ptr_array_index (before, i);
      const UppActionStatus *b = g_ptr_array_index (now, i);
      UppStatusChange *change;

      if (a->state == b->state)
        continue;
      change = g_new0 (UppStatusChange, 1);
      change->code = g_strdup (b->code);
      change->title = g_strdup (b->title);
      change->lead = g_strdup (b->lead);
      change->from = a->state;
      change->to = b->state;
      g_ptr_array_add (changes, change);
    }
  return changes;
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  const UppDeadline *da = *(UppDeadline * const *) a;
  const UppDeadline *db = *(UppDeadline * const *) b;
  int by_date = g_date_compare (&da->deadline, &db->deadline);

  return by_date != 0 ? by_date : g_strcmp0 (da->action_code, db->action_code);
}

/**
 * upp_store_query_deadlines:
 * @self: a #UppStore
 * @week: the week ("today")
 * @n_weeks: how many weeks ahead, @week included
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppDeadline): the overdue actions
 *   and those whose deadline falls in the @n_weeks weeks from @week, by
 *   deadline
 */
GPtrArray *
upp_store_query_deadlines (UppStore  *self,
                           UppWeek    week,
                           guint      n_weeks,
                           GError   **error)
{
  g_autoptr(GPtrArray) statuses = NULL;
  GPtrArray *rows;
  UppWeek last = upp_week_add (week, (int) n_weeks - 1);

  statuses = upp_store_query_status (self, week, NULL, error);
  if (statuses == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_deadline_free);
  for (guint i = 0; i < statuses->len; i++)
    {
      const UppActionStatus *status = g_ptr_array_index (statuses, i);
      UppWeek due = upp_week_from_date (&status->deadline);
      UppDeadline *row;

      if (status->state != UPP_STATE_OVERDUE &&
          (upp_week_compare (due, week) < 0 || upp_week_compare (due, last) > 0))
        continue;
      row = g_new0 (UppDeadline, 1);
      row->action_code = g_strdup (status->code);
      row->title = g_strdup (status->title);
      row->lead_code = g_strdup (status->lead);
      row->deadline = status->deadline;
      row->state = status->state;
      g_ptr_array_add (rows, row);
    }

  g_ptr_array_sort (rows, compare_deadlines);
  return rows;
}

typedef struct
{
  int start_week;     /* week keys, for upp_derive_state_quick() */
  int deadline_week;
} ActionWeeks;

static ActionWeeks
action_weeks (const UppAction *action)
{
  ActionWeeks weeks = { 0, 0 };

  if (g_date_valid (&action->start))
    weeks.start_week = upp_week_to_key (upp_week_from_date (&action->start));
  weeks.deadline_week = upp_week_to_key (upp_week_from_date (&action->deadline));
  return weeks;
}

/* Adds the state of one action in weeks [from, until) of @counts, given the
 * entry in force for those weeks. */
static void
count_weeks (UppStateCounts       *counts,
             const UppWeek        *week_of,
             int                   from,
             int                   until,
             ActionWeeks           weeks,
             const UppLatestEntry *latest)
{
  for (int w = from; w < until; w++)
    upp_state_counts_add (&counts[w], upp_derive_state_quick (weeks.start_week,
                                                              weeks.deadline_week,
                                                              week_of[w], latest, NULL));
}

/* The state counts of every week from the first reporting week up to
 * @n_weeks weeks, in one pass over the lead entries in force (ordered by
 * action and week) instead of one status query per week. */
static GArray *
compute_trend (UppStore  *self,
               int        n_weeks,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (UppStateCounts));
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  const UppPackage *package = upp_store_peek_package (self);
  UppWeek first = package->first_week;
  g_autofree ActionWeeks *weeks = g_new0 (ActionWeeks, package->actions->len);
  g_autofree gboolean *seen = g_new0 (gboolean, package->actions->len);
  g_autofree UppWeek *week_of = g_new (UppWeek, n_weeks);
  g_autofree int *index_of_key = NULL;
  int first_key = upp_week_to_key (first);
  UppStateCounts *c;
  UppLatestEntry latest = { 0 };
  int action = -1;
  int next_week = 0;

  g_array_set_size (counts, n_weeks);
  c = (UppStateCounts *) (gpointer) counts->data;
  for (int w = 0; w < n_weeks; w++)
    week_of[w] = w == 0 ? first : upp_week_add (week_of[w - 1], 1);
  /* Week keys (202653, 202701…) to week indexes, without date arithmetic
   * per row. */
  index_of_key = g_new0 (int, upp_week_to_key (week_of[n_weeks - 1]) - first_key + 1);
  for (int w = 0; w < n_weeks; w++)
    index_of_key[upp_week_to_key (week_of[w]) - first_key] = w;
  for (guint i = 0; i < package->actions->len; i++)
    {
      const UppAction *a = g_ptr_array_index (package->actions, i);

      weeks[i] = action_weeks (a);
      g_hash_table_insert (by_code, a->code, GINT_TO_POINTER (i + 1));
    }

  stmt = upp_sql_prepare (self, "SELECT action, week, status, progress FROM entry"
                                " WHERE is_current AND is_lead AND week <= ?1"
                                " ORDER BY action, week", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, upp_week_to_key (upp_week_add (first, n_weeks - 1)));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      UppWeek entry_week = upp_week_from_key (sqlite3_column_int (stmt, 1));
      int row_action = action;
      int index;

      /* Rows come grouped by action: look the code up once per action. */
      if (action < 0 || !g_str_equal (code, ((UppAction *) g_ptr_array_index (package->actions,
                                                                             action))->code))
        row_action = GPOINTER_TO_INT (g_hash_table_lookup (by_code, code)) - 1;
      if (row_action < 0)
        continue;
      /* The query keeps weeks ≤ the last; earlier ones count from week 0. */
      index = upp_week_to_key (entry_week) < first_key
              ? 0 : index_of_key[upp_week_to_key (entry_week) - first_key];
      if (row_action != action)
        {
          if (action >= 0)
            count_weeks (c, week_of, next_week, n_weeks, weeks[action], &latest);
          action = row_action;
          seen[action] = TRUE;
          latest = (UppLatestEntry) { 0 };
          next_week = 0;
        }
      count_weeks (c, week_of, next_week, index, weeks[action], &latest);
      next_week = MAX (next_week, index);
      latest = (UppLatestEntry) { TRUE, entry_week, upp_sql_column_status (stmt, 2),
                                  sqlite3_column_int (stmt, 3) };
    }
  if (action >= 0)
    count_weeks (c, week_of, next_week, n_weeks, weeks[action], &latest);

  /* Actions nobody ever reported on. */
  for (guint i = 0; i < package->actions->len; i++)
    if (!seen[i])
      count_weeks (c, week_of, 0, n_weeks, weeks[i], &(UppLatestEntry) { 0 });

  return g_steal_pointer (&counts);
}

/* Any write may change the trend. */
static void
upp_store_forget_trend (UppStore *self)
{
  g_clear_pointer (&self->trend, g_array_unref);
}

/**
 * upp_store_query_trend:
 * @self: a #UppStore
 * @week: the last week
 * @error: a #GError
 *
 * The state counts of every week from the package's first reporting week to
 * @week. A week's counts are "as of" that week and do not depend on @week,
 * so they are computed once and kept until the next import: switching the
 * week costs a copy.
 *
 * Returns: (transfer full) (element-type UppTrendPoint): oldest first;
 *   empty when @week is before the first reporting week
 */
GPtrArray *
upp_store_query_trend (UppStore  *self,
                       UppWeek    week,
                       GError   **error)
{
  g_autoptr(GPtrArray) points = NULL;
  UppWeek first;
  int n_weeks;

  if (!upp_store_check_week (week, error) || !upp_store_require_package (self, error))
    return NULL;

  first = upp_store_peek_package (self)->first_week;
  n_weeks = MAX (0, upp_week_diff (week, first) + 1);
  points = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_trend_point_free);

  g_rec_mutex_lock (&self->lock);
  upp_store_forget_if_changed_elsewhere (self);
  if (self->trend == NULL || (int) self->trend->len < n_weeks)
    {
      upp_store_forget_trend (self);
      /* A little ahead, so that stepping forward week by week stays cheap. */
      self->trend = compute_trend (self, n_weeks + 8, error);
    }
  for (int w = 0; self->trend != NULL && w < n_weeks; w++)
    {
      UppTrendPoint *point = g_new0 (UppTrendPoint, 1);

      point->week = upp_week_add (first, w);
      point->counts = g_array_index (self->trend, UppStateCounts, w);
      g_ptr_array_add (points, point);
    }
  g_rec_mutex_unlock (&self->lock);

  return self->trend != NULL ? g_steal_pointer (&points) : NULL;
}

/**
 * upp_store_query_indicator_series:
 * @self: a #UppStore
 * @week: the last week
 * @action: (nullable): one action's indicators, or all
 * @error: a #GError
 *
 * The values the lead department reported for each indicator, up to
 * @week. Indicators without any value are included with no points.
 *
 * Returns: (transfer full) (element-type UppIndicatorSeries): in package
 *   order
 */
GPtrArray *
upp_store_query_indicator_series (UppStore    *self,
                                  UppWeek      week,
                                  const char  *action,
                                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) first_of_action = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) weeks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  const UppPackage *package;
  guint action_first = 0;
  char *current_action = NULL;

  if (!upp_store_check_week (week, error) || !upp_store_require_package (self, error))
    return NULL;

  package = upp_store_peek_package (self);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_indicator_series_free);
  for (guint i = 0; i < package->actions->len; i++)
    {
      const UppAction *a = g_ptr_array_index (package->actions, i);

      if (action != NULL && g_strcmp0 (a->code, action) != 0)
        continue;
      g_hash_table_insert (first_of_action, a->code, GUINT_TO_POINTER (rows->len + 1));
      for (guint j = 0; j < a->indicators->len; j++)
        {
          const UppIndicator *indicator = g_ptr_array_index (a->indicators, j);
          UppIndicatorSeries *series = g_new0 (UppIndicatorSeries, 1);

          series->action_code = g_strdup (a->code);
          series->indicator_code = g_strdup (indicator->code);
          series->name = g_strdup (indicator->name);
          series->unit = g_strdup (indicator->unit);
          series->has_target = indicator->has_target;
          series->target = indicator->target;
          series->direction = indicator->direction;
          g_ptr_array_add (rows, series);
          g_ptr_array_add (weeks, g_array_new (FALSE, FALSE, sizeof (UppWeek)));
          g_ptr_array_add (values, g_array_new (FALSE, FALSE, sizeof (double)));
        }
    }

  g_rec_mutex_lock (&self->lock);
  /* In the order of the lead-history index: no sort. One action, or all:
   * two statements, so that the one-action case seeks instead of scanning. */
  stmt = upp_sql_prepare (self, action != NULL
                          ? "SELECT e.action, v.indicator, e.week, v.value"
                            " FROM entry e JOIN entry_indicator v"
                            "   ON v.report_id = e.report_id AND v.action = e.action"
                            " WHERE e.action = ?2 AND e.is_current AND e.is_lead AND e.week <= ?1"
                            " ORDER BY e.action, e.week"
                          : "SELECT e.action, v.indicator, e.week, v.value"
                            " FROM entry e JOIN entry_indicator v"
                            "   ON v.report_id = e.report_id AND v.action = e.action"
                            " WHERE e.is_current AND e.is_lead AND e.week <= ?1"
                            " ORDER BY e.action, e.week", error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, upp_week_to_key (week));
  if (action != NULL)
    upp_sql_bind_text (stmt, 2, action);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *row_action = (const char *) sqlite3_column_text (stmt, 0);
      const char *row_indicator = (const char *) sqlite3_column_text (stmt, 1);
      UppWeek entry_week = upp_week_from_key (sqlite3_column_int (stmt, 2));
      double value = sqlite3_column_double (stmt, 3);

      /* Rows come grouped by action: look its series up once per action. */
      if (g_strcmp0 (row_action, current_action) != 0)
        {
          g_free (current_action);
          current_action = g_strdup (row_action);
          action_first = GPOINTER_TO_UINT (g_hash_table_lookup (first_of_action, row_action));
        }
      /* An action's series are next to each other, from action_first on. */
      for (guint index = action_first - 1; action_first > 0 && index < rows->len; index++)
        {
          const UppIndicatorSeries *series = g_ptr_array_index (rows, index);

          if (!g_str_equal (series->action_code, current_action))
            break;
          if (g_str_equal (series->indicator_code, row_indicator))
            {
              g_array_append_val (g_ptr_array_index (weeks, index), entry_week);
              g_array_append_val (g_ptr_array_index (values, index), value);
              break;
            }
        }
    }
  g_rec_mutex_unlock (&self->lock);
  g_free (current_action);

  for (guint i = 0; i < rows->len; i++)
    {
      UppIndicatorSeries *series = g_ptr_array_index (rows, i);
      GArray *w = g_ptr_array_index (weeks, i);

      series->n_points = w->len;
      series->weeks = (UppWeek *) g_array_steal (w, NULL);
      series->values = (double *) g_array_steal (g_ptr_array_index (values, i), NULL);
    }

  return g_steal_pointer (&rows);
}

/**
 * upp_store_query_history:
 * @self: a #UppStore
 * @action: an action code
 * @week: the last week
 * @error: a #GError
 *
 * Every entry on @action up to @week from any department, newest week
 * first, lead first, corrections after what they correct.
 *
 * Returns: (transfer full) (element-type UppHistoryEntry): the entries
 */
GPtrArray *
upp_store_query_history (UppStore    *self,
                         const char  *action,
                         UppWeek      week,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (action != NULL, NULL);
  if (!upp_store_check_week (week, error))
    return NULL;

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self, "SELECT e.week, e.department, e.is_lead, e.status, e.progress,"
                                "  e.comment, e.next_steps, e.risks, r.submitted, r.revision,"
                                "  r.is_current"
                                " FROM entry e JOIN report r ON r.id = e.report_id"
                                /* The entries in force of the lead, and the others:
                                 * one index each. */
                                " WHERE e.rowid IN (SELECT rowid FROM entry WHERE action = ?1"
                                "   AND week <= ?2 AND is_current AND is_lead"
                                "   UNION ALL SELECT rowid FROM entry WHERE action = ?1"
                                "   AND week <= ?2 AND NOT (is_current AND is_lead))"
                                " ORDER BY e.week DESC, e.is_lead DESC, e.department,"
                                " r.revision DESC",
                          error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }
  upp_sql_bind_text (stmt, 1, action);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_history_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UppHistoryEntry *row = g_new0 (UppHistoryEntry, 1);

      row->action = g_strdup (action);
      row->week = upp_week_from_key (sqlite3_column_int (stmt, 0));
      row->department = upp_sql_column_text (stmt, 1);
      row->is_lead = sqlite3_column_int (stmt, 2);
      row->status = upp_sql_column_status (stmt, 3);
      row->progress = sqlite3_column_int (stmt, 4);
      row->comment = upp_sql_column_text (stmt, 5);
      row->next_steps = upp_sql_column_text (stmt, 6);
      row->risks = upp_sql_column_text (stmt, 7);
      row->submitted = upp_sql_column_text (stmt, 8);
      row->revision = sqlite3_column_int (stmt, 9);
      row->is_current = sqlite3_column_int (stmt, 10);
      g_ptr_array_add (rows, row);
    }
  g_rec_mutex_unlock (&self->lock);

  return rows;
}

/**
 * upp_store_query_latest_entries:
 * @self: a #UppStore
 * @department: a department code
 * @before: entries before this week count
 * @error: a #GError
 *
 * The department's own latest entry on each action, from the reports in
 * force before @before — what a new report is pre-filled with.
 *
 * Returns: (transfer full) (element-type UppHistoryEntry): one per action
 *   the department ever reported on
 */
GPtrArray *
upp_store_query_latest_entries (UppStore    *self,
                                const char  *department,
                                UppWeek      before,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows;

  g_rec_mutex_lock (&self->lock);
  /* SQLite takes the bare columns from the row that holds MAX(week). */
  stmt = upp_sql_prepare (self, "SELECT action, MAX(week), status, progress, comment, next_steps,"
                                " risks,  is_lead FROM entry"
                                " WHERE department = ?1 AND week < ?2 AND is_current"
                                " GROUP BY action",
                          error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }
  upp_sql_bind_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (before));
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_history_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UppHistoryEntry *row = g_new0 (UppHistoryEntry, 1);

      row->action = upp_sql_column_text (stmt, 0);
      row->week = upp_week_from_key (sqlite3_column_int (stmt, 1));
      row->department = g_strdup (department);
      row->status = upp_sql_column_status (stmt, 2);
      row->progress = sqlite3_column_int (stmt, 3);
      row->comment = upp_sql_column_text (stmt, 4);
      row->next_steps = upp_sql_column_text (stmt, 5);
      row->risks = upp_sql_column_text (stmt, 6);
      row->is_lead = sqlite3_column_int (stmt, 7);
      row->is_current = TRUE;
      g_ptr_array_add (rows, row);
    }
  g_rec_mutex_unlock (&self->lock);

  return rows;
}

/**
 * upp_store_get_indicator_values:
 * @self: a #UppStore
 * @department: a department code
 * @week: the week
 * @action: an action code
 *
 * Returns: (transfer full): indicator code → (double *) value, as the
 *   department reported them in its report in force for @week
 */
GHashTable *
upp_store_get_indicator_values (UppStore   *self,
                                const char *department,
                                UppWeek     week,
                                const char *action)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self, "SELECT v.indicator, v.value FROM entry_indicator v"
                                " JOIN report r ON r.id = v.report_id"
                                " WHERE r.department = ?1 AND r.week = ?2 AND r.is_current"
                                "   AND v.action = ?3", NULL);
  upp_sql_bind_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  upp_sql_bind_text (stmt, 3, action);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (values, upp_sql_column_text (stmt, 0),
                         g_memdup2 (&(double) { sqlite3_column_double (stmt, 1) },
                                    sizeof (double)));
  g_rec_mutex_unlock (&self->lock);

  return values;
}

/* Leadership notes */

char *
upp_store_get_note (UppStore    *self,
                    const char  *action,
                    UppWeek      week,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *text = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self, "SELECT text FROM note WHERE action = ?1 AND week = ?2", error);
  if (stmt != NULL)
    {
      upp_sql_bind_text (stmt, 1, action);
      sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        text = upp_sql_column_text (stmt, 0);
    }
  g_rec_mutex_unlock (&self->lock);

  return text;
}

/**
 * upp_store_set_note:
 * @self: a #UppStore
 * @action: an action code
 * @week: the week the note belongs to
 * @text: (nullable): the note; %NULL or empty removes it
 * @error: a #GError
 *
 * Returns: %TRUE if the note was stored
 */
gboolean
upp_store_set_note (UppStore    *self,
                    const char  *action,
                    UppWeek      week,
                    const char  *text,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = g_date_time_format_iso8601 (now);
  gboolean remove = text == NULL || *text == '\0';

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (!upp_store_check_week (week, error) || !upp_store_begin (self, error))
    return FALSE;

  stmt = upp_sql_prepare (self, remove ? "DELETE FROM note WHERE action = ?1 AND week = ?2"
                                       : "INSERT INTO note (action, week, text, updated)"
                                         " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (action, week)"
                                         " DO UPDATE SET text = ?3, updated = ?4", error);
  if (stmt == NULL)
    {
      upp_store_rollback (self);
      return FALSE;
    }
  upp_sql_bind_text (stmt, 1, action);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  if (!remove)
    {
      upp_sql_bind_text (stmt, 3, text);
      upp_sql_bind_text (stmt, 4, updated);
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
                   _("Could not store the note: %s"), sqlite3_errmsg (self->db));
      upp_store_rollback (self);
      return FALSE;
    }
  return upp_store_commit (self, error);
}

/**
 * upp_store_list_notes:
 * @self: a #UppStore
 * @week: the week
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppNote): the notes of @week, in
 *   package order of their actions
 */
GPtrArray *
upp_store_list_notes (UppStore  *self,
                      UppWeek    week,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows;

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self, "SELECT n.action, n.week, n.text, n.updated FROM note n"
                                " JOIN action a ON a.code = n.action"
                                " WHERE n.week = ?1 ORDER BY a.position", error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, upp_week_to_key (week));
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_note_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UppNote *note = g_new0 (UppNote, 1);

      note->action = upp_sql_column_text (stmt, 0);
      note->week = upp_week_from_key (sqlite3_column_int (stmt, 1));
      note->text = upp_sql_column_text (stmt, 2);
      note->updated = upp_sql_column_text (stmt, 3);
      g_ptr_array_add (rows, note);
    }
  g_rec_mutex_unlock (&self->lock);

  return rows;
}

/* Documents */

/**
 * upp_store_list_documents:
 * @self: a #UppStore
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppDocumentInfo): every imported
 *   document, package definitions first, then reports by week and department
 */
GPtrArray *
upp_store_list_documents (UppStore  *self,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows;

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self,
                          "SELECT d.id, d.kind, d.filename, d.sha256, d.imported, r.department,"
                          " r.week,  r.submitted, COALESCE (r.revision, p.revision),"
                          "  COALESCE (r.is_current, p.revision = (SELECT revision FROM package))"
                          " FROM document d"
                          " LEFT JOIN report r ON r.document_id = d.id"
                          " LEFT JOIN package_revision p ON p.document_id = d.id"
                          " ORDER BY d.kind = 'report', r.week DESC, r.department, r.revision DESC,"
                          "   p.revision DESC", error);
  if (stmt == NULL)
    {
      g_rec_mutex_unlock (&self->lock);
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_info_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UppDocumentInfo *info = g_new0 (UppDocumentInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->kind = upp_sql_column_text (stmt, 1);
      info->filename = upp_sql_column_text (stmt, 2);
      info->sha256 = upp_sql_column_text (stmt, 3);
      info->imported = upp_sql_column_text (stmt, 4);
      info->department = upp_sql_column_text (stmt, 5);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        info->week = upp_week_from_key (sqlite3_column_int (stmt, 6));
      info->submitted = upp_sql_column_text (stmt, 7);
      info->revision = sqlite3_column_int (stmt, 8);
      info->is_current = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (rows, info);
    }
  g_rec_mutex_unlock (&self->lock);

  return rows;
}

/**
 * upp_store_get_document_bytes:
 * @self: a #UppStore
 * @id: a document id from upp_store_list_documents()
 * @error: a #GError
 *
 * Whatever the document is stored as (compressed since schema 6), this is
 * the bytes that were imported; a stored copy that does not decompress is
 * an error.
 *
 * Returns: (transfer full): the document exactly as imported, or %NULL
 *   with @error set
 */
GBytes *
upp_store_get_document_bytes (UppStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *encoding = NULL;

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self, "SELECT encoding, bytes FROM document WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          encoding = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          stored = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
        }
      else
        g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND, _("No document %lld"),
                     (long long) id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_rec_mutex_unlock (&self->lock);

  /* Inflated without the lock: other threads' queries need not wait. */
  if (stored == NULL)
    return NULL;
  return decode_document (id, encoding, g_bytes_get_data (stored, NULL), g_bytes_get_size (stored),
                          error);
}

/* Each query lists natural keys and values only — no row ids, file names or
 * import times — so two stores that imported the same documents in any
 * order dump the same text. */
static const char * const dump_queries[] = {
  "SELECT code, revision, title, organisation, decided, decided_by, first_week, due_weekday"
  " FROM package",
  "SELECT code, title, position FROM goal ORDER BY code",
  "SELECT code, name, partner, position FROM department ORDER BY code",
  "SELECT code, title, description, goal, lead, start, deadline, position FROM action"
  " ORDER BY code",
  "SELECT action, department FROM action_contributor ORDER BY action, department",
  "SELECT action, code, name, unit, target, direction, position FROM indicator"
  " ORDER BY action, code",
  "SELECT sha256, kind FROM document ORDER BY sha256",
  "SELECT d.sha256, p.code, p.revision FROM package_revision p"
  " JOIN document d ON d.id = p.document_id ORDER BY d.sha256",
  "SELECT d.sha256, r.department, r.week, r.submitted, r.submitted_date, r.reporter,"
  " r.summary, r.revision, r.is_current FROM report r JOIN document d ON d.id = r.document_id"
  " ORDER BY d.sha256",
  "SELECT d.sha256, e.action, e.department, e.week, e.status, e.progress, e.comment,"
  " e.next_steps, e.risks, e.is_current, e.is_lead FROM entry e"
  " JOIN report r ON r.id = e.report_id JOIN document d ON d.id = r.document_id"
  " ORDER BY d.sha256, e.action",
  "SELECT d.sha256, v.action, v.indicator, v.value FROM entry_indicator v"
  " JOIN report r ON r.id = v.report_id JOIN document d ON d.id = r.document_id"
  " ORDER BY d.sha256, v.action, v.indicator",
  "SELECT action, week, text FROM note ORDER BY action, week",
};

/**
 * upp_store_dump:
 * @self: a #UppStore
 * @error: a #GError
 *
 * A canonical text form of everything the store knows, for comparing two
 * stores (tests of import order) and for people debugging.
 *
 * Returns: (transfer full): the dump
 */
char *
upp_store_dump (UppStore  *self,
                GError   **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_rec_mutex_lock (&self->lock);
  for (guint q = 0; q < G_N_ELEMENTS (dump_queries); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = upp_sql_prepare (self, dump_queries[q], error);

      if (stmt == NULL)
        {
          g_rec_mutex_unlock (&self->lock);
          return NULL;
        }
      g_string_append_printf (out, "# %s\n", dump_queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append (out, c > 0 ? "\t" : "");
              g_string_append (out, text != NULL ? text : "∅");
            }
          g_string_append_c (out, '\n');
        }
    }
  g_rec_mutex_unlock (&self->lock);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * upp_store_backup:
 * @self: a #UppStore
 * @path: where to write the copy (overwritten)
 * @error: a #GError
 *
 * Copies the whole database with SQLite's online backup API: consistent
 * even while another process writes.
 *
 * Returns: %TRUE on success
 */
gboolean
upp_store_backup (UppStore    *self,
                  const char  *path,
                  GError     **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);

  g_unlink (path);
  if (!upp_store_create_private_file (path, error))
    return FALSE;
  if (sqlite3_open (path, &target) != SQLITE_OK)
    {
      upp_sql_set_error (error, target, _("create the backup"));
      sqlite3_close (target);
      return FALSE;
    }

  g_rec_mutex_lock (&self->lock);
  backup = sqlite3_backup_init (target, "main", self->db, "main");
  if (backup == NULL)
    {
      upp_sql_set_error (error, target, _("create the backup"));
      g_rec_mutex_unlock (&self->lock);
      sqlite3_close (target);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  g_rec_mutex_unlock (&self->lock);

  if (rc != SQLITE_DONE)
    {
      upp_sql_set_error (error, target, _("write the backup"));
      sqlite3_close (target);
      return FALSE;
    }
  sqlite3_close (target);
  return TRUE;
}

/* Report drafts */

/**
 * upp_store_save_draft:
 * @self: a #UppStore
 * @department: the department writing the report
 * @week: the week reported on
 * @json: the draft report as JSON text (need not be valid yet)
 * @error: a #GError
 *
 * Keeps a report being written, so that it survives closing the app. A
 * draft is not a report: no query sees it.
 *
 * Returns: %TRUE if stored
 */
gboolean
upp_store_save_draft (UppStore    *self,
                      const char  *department,
                      UppWeek      week,
                      const char  *json,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);
  g_return_val_if_fail (department != NULL && json != NULL, FALSE);

  if (!upp_store_check_week (week, error) || !upp_store_begin (self, error))
    return FALSE;
  stmt = upp_sql_prepare (self, "INSERT INTO draft (department, week, json, updated)"
                                " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (department, week)"
                                " DO UPDATE SET json = ?3, updated = ?4", error);
  if (stmt == NULL)
    {
      upp_store_rollback (self);
      return FALSE;
    }
  upp_sql_bind_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  upp_sql_bind_text (stmt, 3, json);
  upp_sql_bind_text (stmt, 4, updated);
  if (!upp_sql_step_done (self, stmt, error))
    {
      upp_store_rollback (self);
      return FALSE;
    }
  return upp_store_commit (self, error);
}

/**
 * upp_store_get_draft:
 * @self: a #UppStore
 * @department: a department code
 * @week: the week
 *
 * Returns: (transfer full) (nullable): the draft's JSON text, or %NULL
 */
char *
upp_store_get_draft (UppStore   *self,
                     const char *department,
                     UppWeek     week)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *json = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self, "SELECT json FROM draft WHERE department = ?1 AND week = ?2", NULL);
  upp_sql_bind_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = upp_sql_column_text (stmt, 0);
  g_rec_mutex_unlock (&self->lock);

  return json;
}

/**
 * upp_store_delete_draft:
 * @self: a #UppStore
 * @department: a department code
 * @week: the week
 * @error: a #GError
 *
 * Returns: %TRUE if no such draft remains
 */
gboolean
upp_store_delete_draft (UppStore    *self,
                        const char  *department,
                        UppWeek      week,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);

  if (!upp_store_begin (self, error))
    return FALSE;
  stmt = upp_sql_prepare (self, "DELETE FROM draft WHERE department = ?1 AND week = ?2", error);
  if (stmt == NULL)
    {
      upp_store_rollback (self);
      return FALSE;
    }
  upp_sql_bind_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  if (!upp_sql_step_done (self, stmt, error))
    {
      upp_store_rollback (self);
      return FALSE;
    }
  return upp_store_commit (self, error);
}

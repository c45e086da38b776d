/* upp-store.c — the store: opening it, its lock, transactions
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

#include "upp-blocking.h"
#include "upp-error.h"
#include "upp-store-internal.h"

G_DEFINE_FINAL_TYPE (UppStore, upp_store, G_TYPE_OBJECT)

/* Create the file ourselves so that it is 0600 from the first byte: the
 * reports concern young people, and SQLite would use the umask. */
gboolean
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
/* SQLite counts every allocation under a process-wide mutex, for
 * statistics nothing here reads: an import makes millions. Possible only
 * before SQLite is first used in the process (else a harmless
 * SQLITE_MISUSE): once, before the first store opens its connection. */
static void
configure_sqlite_once (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

static int
on_statement (unsigned int  type,
              void         *user_data,
              void         *statement,
              void         *sql)
{
  UppStore *self = user_data;

  if (g_atomic_int_get (&self->check_blocking))
    upp_blocking_check ("A database query");
  return 0;
}

/**
 * upp_store_check_blocking:
 * @self: a #UppStore
 *
 * From now on, every statement of @self checks upp_blocking_check(): the
 * GUI's session asks for it, so that a query on the window's thread is
 * caught where it is made (a critical, which the tests make fatal).
 */
/**
 * upp_store_get_network_filesystem:
 * @self: a #UppStore
 *
 * Returns: (nullable): the network file system the database lies on
 *   ("nfs", "cifs"…): then no other program or computer can open it while
 *   this store is open. %NULL on a local disk.
 */
const char *
upp_store_get_network_filesystem (UppStore *self)
{
  g_return_val_if_fail (UPP_IS_STORE (self), NULL);
  return self->network_fs;
}

void
upp_store_check_blocking (UppStore *self)
{
  g_return_if_fail (UPP_IS_STORE (self));
  g_atomic_int_set (&self->check_blocking, TRUE);
}

UppStore *
upp_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(UppStore) self = NULL;
  g_autofree char *default_path = NULL;
  gboolean in_memory;

  configure_sqlite_once ();
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
  /* Every statement passes here as it starts: where the GUI asks, a
   * statement on its main thread is caught (upp_store_check_blocking). */
  sqlite3_trace_v2 (self->db, SQLITE_TRACE_STMT, on_statement, self);

  /* On a network file system: a rollback journal, and the file locked for
   * as long as this store is open (from its first read on), so that no
   * second desktop or program writes beside it (upp-store-filesystem.c
   * says why). Another holder is not waited for long. */
  self->network_fs = in_memory ? NULL : upp_store_network_filesystem (path);
  if (self->network_fs != NULL)
    {
      sqlite3_busy_timeout (self->db, 1000);
      if (!upp_sql_exec (self, "PRAGMA locking_mode = EXCLUSIVE", error))
        goto not_a_database;
    }

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
  if (self->network_fs != NULL)
    {
      if (!upp_sql_exec (self, "PRAGMA journal_mode = DELETE", error) ||
          !upp_sql_exec (self, "BEGIN IMMEDIATE; COMMIT", error))
        goto not_a_database;
    }
  else if (!in_memory && !upp_sql_exec (self, "PRAGMA journal_mode = WAL", error))
    goto not_a_database;
  if (!upp_store_migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);

not_a_database:
  if (self->network_fs != NULL && (sqlite3_errcode (self->db) & 0xFF) == SQLITE_BUSY)
    {
      g_clear_error (error);
      g_set_error (error, UPP_ERROR, UPP_ERROR_DATABASE,
                   _("The database %s is on a network drive (%s), where only one computer or "
                     "program at a time may open it, and another has it open now. Keep each "
                     "computer’s database on the computer itself, and share the folder of "
                     "documents instead."), path, self->network_fs);
      return NULL;
    }
  g_prefix_error (error, _("%s is not an Uppföljning database: "), path);
  return NULL;
}

/* Queries from several threads */

static UppStore *
open_reader (UppStore *self)
{
  g_autoptr(UppStore) reader = g_object_new (UPP_TYPE_STORE, NULL);

  reader->path = g_strdup (self->path);
  reader->is_reader = TRUE;
  if (sqlite3_open_v2 (self->path, &reader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_debug ("No read-only connection to %s: %s", self->path,
               reader->db != NULL ? sqlite3_errmsg (reader->db) : g_strerror (ENOMEM));
      return NULL;
    }
  /* A WAL reader waits only in rare moments (the log being reset). */
  sqlite3_busy_timeout (reader->db, 10000);
  /* The owner's setting counts for both connections. */
  sqlite3_trace_v2 (reader->db, SQLITE_TRACE_STMT, on_statement, self);
  if (!upp_sql_exec (reader, "PRAGMA temp_store = MEMORY", NULL))
    return NULL;
  return g_steal_pointer (&reader);
}

/* The read-only connection, opened on first use; NULL for a store in
 * memory (nothing else can see it), one on a network drive, or one whose
 * file can't be opened again. */
static UppStore *
get_reader (UppStore *self)
{
  UppStore *reader;

  /* On a network drive the file is locked for this connection alone. */
  if (self->is_reader || g_str_equal (self->path, ":memory:") || self->network_fs != NULL)
    return NULL;
  g_mutex_lock (&self->reader_lock);
  if (self->reader == NULL && !self->reader_failed)
    {
      self->reader = open_reader (self);
      self->reader_failed = self->reader == NULL;
    }
  reader = self->reader;
  g_mutex_unlock (&self->reader_lock);
  return reader;
}

/**
 * upp_store_read_lock:
 * @self: a #UppStore
 *
 * The connection a query runs on, locked: @self when no other thread holds
 * its lock (this thread may: inside its own transaction a query sees what
 * it wrote), else the read-only connection, which sees what was committed
 * and never waits for the other thread's transaction. Everything a query
 * reads (statements, the cached package and trend) comes from the
 * connection returned; nested queries on it stay on it.
 *
 * Returns: (transfer none): the connection, for upp_store_read_unlock()
 */
UppStore *
upp_store_read_lock (UppStore *self)
{
  UppStore *reader;

  if (g_rec_mutex_trylock (&self->lock))
    return self;
  reader = get_reader (self);
  if (reader == NULL)
    {
      g_rec_mutex_lock (&self->lock);
      return self;
    }
  g_rec_mutex_lock (&reader->lock);
  return reader;
}

void
upp_store_read_unlock (UppStore *conn)
{
  g_rec_mutex_unlock (&conn->lock);
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
  g_clear_object (&self->reader);

  G_OBJECT_CLASS (upp_store_parent_class)->dispose (object);
}

static void
upp_store_finalize (GObject *object)
{
  UppStore *self = UPP_STORE (object);

  g_clear_pointer (&self->package, upp_package_free);
  g_clear_pointer (&self->trend, g_array_unref);
  g_clear_pointer (&self->leads, g_hash_table_unref);
  /* Statements first: the connection closes only without them. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->network_fs);
  g_rec_mutex_clear (&self->lock);
  g_mutex_clear (&self->reader_lock);

  G_OBJECT_CLASS (upp_store_parent_class)->finalize (object);
}

static void
upp_store_class_init (UppStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = upp_store_dispose;
  G_OBJECT_CLASS (klass)->finalize = upp_store_finalize;
}

static void
upp_store_init (UppStore *self)
{
  g_rec_mutex_init (&self->lock);
  g_mutex_init (&self->reader_lock);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sqlite3_finalize);
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

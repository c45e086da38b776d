/* upp-store-internal.h — what the store's own files share: the instance, statement helpers
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "upp-store-private.h"

G_BEGIN_DECLS

/* upp-store-private.h is what the importer may do to the store; this is
 * what only the store's own files see. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _UppStore
{
  GObject     parent_instance;

  /* owned */
  sqlite3    *db;
  char       *path;
  UppPackage *package;      /* cache of the definition in force, or NULL */
  GArray     *trend;        /* UppStateCounts per week from the first week, or NULL */
  gint64      data_version; /* PRAGMA data_version when the caches were filled */
  gint64      seen_version; /* PRAGMA data_version as upp_store_changed_elsewhere() last saw it */
  char       *network_fs;   /* the network file system it lies on, or NULL */
  GHashTable *leads;        /* action code → lead department code, of @package, or NULL */
  GHashTable *statements;   /* SQL text (a literal) → statement prepared once, for
                             * what runs per document or per row */
  GConverter *deflater;     /* compresses each stored document, or NULL until the
                             * first; reset and reused, with the lock held */

  /* The GUI queries from worker threads; one statement sequence at a time. */
  GRecMutex   lock;
  /* Set by the GUI's session: each statement checks upp_blocking_check(). */
  gint        check_blocking; /* atomic */

  /* A second, read-only connection to the same file, for queries from
   * other threads while a transaction (an import's, 128 files long) holds
   * @lock: in WAL mode it reads what was committed without waiting for the
   * writer. It is a store of its own (its own statements and caches, which
   * follow what it sees), opened when first needed; see
   * upp_store_read_lock(). */
  GMutex      reader_lock;    /* guards @reader and @reader_failed */
  UppStore   *reader;         /* owned, or NULL */
  gboolean    reader_failed;  /* could not be opened: wait for @lock instead */
  gboolean    is_reader;      /* this store is another's reader */
};

/* The reports, each with its revision: its place among the reports of its
 * department and week by (submitted, SHA-256), an order that does not
 * depend on the order of import. Counted when read, not stored: a stored
 * number made each correction renumber its week. @filter (a WHERE on
 * `rr`) must keep or drop a department's week whole. */
#define UPP_REPORT_REVISIONS(filter)                                                      \
  "(SELECT rr.*, row_number () OVER (PARTITION BY rr.department, rr.week"                \
  "   ORDER BY rr.submitted_unix, rd.sha256) AS revision"                                 \
  "  FROM report rr JOIN document rd ON rd.id = rr.document_id " filter ")"

/* A statement that runs for every imported document or row is prepared
 * once per connection. Use it with the lock held; the cleanup resets it, so
 * that a SELECT does not keep a read transaction (and an old snapshot) open
 * after it is done. */
typedef sqlite3_stmt CachedStmt;

void          upp_sql_cached_stmt_release   (CachedStmt       *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, upp_sql_cached_stmt_release)

/* upp-store-sql.c: statements, bindings, columns */
gboolean      upp_sql_set_error             (GError          **error,
                                             sqlite3          *db,
                                             const char       *what);
sqlite3_stmt *upp_sql_prepare               (UppStore         *self,
                                             const char       *sql,
                                             GError          **error);
CachedStmt   *upp_sql_prepare_cached        (UppStore         *self,
                                             const char       *sql,
                                             GError          **error);
gboolean      upp_sql_exec                  (UppStore         *self,
                                             const char       *sql,
                                             GError          **error);
void          upp_sql_bind_text             (sqlite3_stmt     *stmt,
                                             int               index,
                                             const char       *text);
void          upp_sql_bind_static_text      (sqlite3_stmt     *stmt,
                                             int               index,
                                             const char       *text);
void          upp_sql_bind_date             (sqlite3_stmt     *stmt,
                                             int               index,
                                             const GDate      *date);
char         *upp_sql_column_text           (sqlite3_stmt     *stmt,
                                             int               column);
void          upp_sql_column_date           (sqlite3_stmt     *stmt,
                                             int               column,
                                             GDate            *out_date);
UppStatus     upp_sql_column_status         (sqlite3_stmt     *stmt,
                                             int               column);
gboolean      upp_sql_step_done             (UppStore         *self,
                                             sqlite3_stmt     *stmt,
                                             GError          **error);

/* upp-store-filesystem.c */
char         *upp_store_network_filesystem  (const char       *path);

/* upp-store.c */
gboolean      upp_store_create_private_file (const char       *path,
                                             GError          **error);
UppStore     *upp_store_read_lock           (UppStore         *self);
void          upp_store_read_unlock         (UppStore         *conn);

/* A query's connection for the whole function: `g_autoptr(UppStoreReading)
 * conn = upp_store_read_lock (self);` */
typedef UppStore UppStoreReading;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppStoreReading, upp_store_read_unlock)

/* upp-store-schema.c */
int           upp_store_get_user_version    (UppStore         *self);
gboolean      upp_store_refuse_newer_schema (UppStore         *self,
                                             GError          **error);
gboolean      upp_store_migrate             (UppStore         *self,
                                             GError          **error);

/* upp-store-package.c: the cached definition, and what hangs on it */
void          upp_store_retire_package      (UppStore         *self);
void          upp_store_forget_if_changed_elsewhere (UppStore *self);
gboolean      upp_store_require_package     (UppStore         *self,
                                             GError          **error);

/* upp-store-write.c */
gboolean      upp_store_apply_package       (UppStore         *self,
                                             const UppPackage *package,
                                             gint64            document_id,
                                             GError          **error);

/* upp-store-trend.c */
void          upp_store_forget_trend        (UppStore         *self);

/* upp-store-status.c */
gboolean      upp_store_check_week          (UppWeek           week,
                                             GError          **error);

/* upp-store-documents.c */
gint64        upp_store_insert_document     (UppStore         *self,
                                             const char       *kind,
                                             GBytes           *bytes,
                                             const char       *sha256,
                                             const char       *filename,
                                             GError          **error);

G_END_DECLS

/* upp-store-sql.c — the statement helpers the store's files share
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-error.h"
#include "upp-store-internal.h"

gboolean
upp_sql_set_error (GError  **error,
                   sqlite3  *db,
                   const char *what)
{
  g_set_error (error, UPP_ERROR, UPP_ERROR_DATABASE,
               /* Translators: what went wrong, then SQLite's reason (in English):
                * “Could not write to the database: database is locked” */
               _("%s: %s"), what, sqlite3_errmsg (db));
  return FALSE;
}

/* A statement that does not prepare: a database that is locked, busy,
 * damaged or unreadable is the user's situation, said in @error; only SQL
 * that SQLite cannot parse is our own mistake, worth a warning in the log
 * too (not a critical: the window goes on). */
static void
report_prepare_failure (UppStore    *self,
                        const char  *sql,
                        GError     **error)
{
  if (sqlite3_errcode (self->db) == SQLITE_ERROR)
    g_warning ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
  upp_sql_set_error (error, self->db, _("Could not prepare a query"));
}

sqlite3_stmt *
upp_sql_prepare (UppStore    *self,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      report_prepare_failure (self, sql, error);
      return NULL;
    }
  return stmt;
}

void
upp_sql_cached_stmt_release (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

CachedStmt *
upp_sql_prepare_cached (UppStore    *self,
                        const char  *sql,
                        GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      report_prepare_failure (self, sql, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
upp_sql_exec (UppStore    *self,
              const char  *sql,
              GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return upp_sql_set_error (error, self->db, _("Could not write to the database"));
  return TRUE;
}

void
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
void
upp_sql_bind_static_text (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

void
upp_sql_bind_date (sqlite3_stmt *stmt,
                   int           index,
                   const GDate  *date)
{
  g_autofree char *text = NULL;

  if (date != NULL && g_date_valid (date))
    text = upp_date_format (date);
  upp_sql_bind_text (stmt, index, text);
}

char *
upp_sql_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
upp_sql_column_date (sqlite3_stmt *stmt,
                     int           column,
                     GDate        *out_date)
{
  if (!upp_date_parse ((const char *) sqlite3_column_text (stmt, column), out_date))
    g_date_clear (out_date, 1);
}

UppStatus
upp_sql_column_status (sqlite3_stmt *stmt,
                       int           column)
{
  UppStatus status = UPP_STATUS_NOT_STARTED;

  /* The CHECK constraint keeps the column to the five strings. */
  upp_status_from_string ((const char *) sqlite3_column_text (stmt, column), &status);
  return status;
}

gboolean
upp_sql_step_done (UppStore      *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return upp_sql_set_error (error, self->db, _("Could not write to the database"));
  return TRUE;
}

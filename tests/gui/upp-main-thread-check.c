/* upp-main-thread-check.c — what the GUI thread asks of the database, for the tests
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test program linked with this file and -Wl,--wrap for the functions
 * below (see tests/gui/meson.build) passes here first whenever the core
 * prepares, steps or executes a statement, and whenever anything outside
 * the store looks at its cached package (which waits on the store's lock
 * as a query does). Between begin and end, what the thread that began
 * asks is written down: the GUI thread must ask nothing, because any
 * query can wait the store's busy timeout behind an import or the command
 * line.
 */

#include <sqlite3.h>

#include "upp-main-thread-check.h"
#include "upp-store.h"

static GMutex lock;
static GThread *watched;
static GPtrArray *seen;

static void
note (const char *what)
{
  g_mutex_lock (&lock);
  if (watched != NULL && watched == g_thread_self ())
    g_ptr_array_add (seen, g_strdup (what != NULL ? what : "(no SQL)"));
  g_mutex_unlock (&lock);
}

/**
 * upp_main_thread_check_begin:
 *
 * Starts writing down the statements the calling thread runs.
 */
void
upp_main_thread_check_begin (void)
{
  g_mutex_lock (&lock);
  g_assert_null (watched);
  watched = g_thread_self ();
  seen = g_ptr_array_new_with_free_func (g_free);
  g_mutex_unlock (&lock);
}

/**
 * upp_main_thread_check_end:
 *
 * Returns: (transfer full) (element-type utf8): the statements (or
 *   function names) the thread that began ran since
 */
GPtrArray *
upp_main_thread_check_end (void)
{
  GPtrArray *result;

  g_mutex_lock (&lock);
  g_assert_true (watched == g_thread_self ());
  watched = NULL;
  result = g_steal_pointer (&seen);
  g_mutex_unlock (&lock);
  return result;
}

/* The wrappers, reached through -Wl,--wrap=NAME. */

int __real_sqlite3_step (sqlite3_stmt *stmt);
int __wrap_sqlite3_step (sqlite3_stmt *stmt);
typedef int (*ExecCallback) (void *, int, char **, char **);

int __real_sqlite3_exec (sqlite3 *db, const char *sql, ExecCallback callback, void *data,
                         char **errmsg);
int __wrap_sqlite3_exec (sqlite3 *db, const char *sql, ExecCallback callback, void *data,
                         char **errmsg);
int __real_sqlite3_prepare_v2 (sqlite3 *db, const char *sql, int length, sqlite3_stmt **stmt,
                               const char **tail);
int __wrap_sqlite3_prepare_v2 (sqlite3 *db, const char *sql, int length, sqlite3_stmt **stmt,
                               const char **tail);
int __real_sqlite3_prepare_v3 (sqlite3 *db, const char *sql, int length, unsigned int flags,
                               sqlite3_stmt **stmt, const char **tail);
int __wrap_sqlite3_prepare_v3 (sqlite3 *db, const char *sql, int length, unsigned int flags,
                               sqlite3_stmt **stmt, const char **tail);
const UppPackage *__real_upp_store_peek_package (UppStore *self);
const UppPackage *__wrap_upp_store_peek_package (UppStore *self);

int
__wrap_sqlite3_step (sqlite3_stmt *stmt)
{
  note (sqlite3_sql (stmt));
  return __real_sqlite3_step (stmt);
}

int
__wrap_sqlite3_exec (sqlite3      *db,
                     const char   *sql,
                     ExecCallback  callback,
                     void         *data,
                     char        **errmsg)
{
  note (sql);
  return __real_sqlite3_exec (db, sql, callback, data, errmsg);
}

int
__wrap_sqlite3_prepare_v2 (sqlite3        *db,
                           const char     *sql,
                           int             length,
                           sqlite3_stmt  **stmt,
                           const char    **tail)
{
  note (sql);
  return __real_sqlite3_prepare_v2 (db, sql, length, stmt, tail);
}

int
__wrap_sqlite3_prepare_v3 (sqlite3        *db,
                           const char     *sql,
                           int             length,
                           unsigned int    flags,
                           sqlite3_stmt  **stmt,
                           const char    **tail)
{
  note (sql);
  return __real_sqlite3_prepare_v3 (db, sql, length, flags, stmt, tail);
}

const UppPackage *
__wrap_upp_store_peek_package (UppStore *self)
{
  note ("upp_store_peek_package");
  return __real_upp_store_peek_package (self);
}

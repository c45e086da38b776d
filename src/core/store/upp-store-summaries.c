/* upp-store-summaries.c — the departments' own summaries of a week
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include "upp-store-internal.h"

/**
 * upp_store_query_summaries:
 * @self: a #UppStore
 * @week: the week
 * @error: a #GError
 *
 * The `summary` of each department's report for @week: the report in
 * force, a correction's rather than the one it corrected.
 *
 * Returns: (transfer full) (element-type utf8 utf8): department code →
 *   summary, only for reports with one
 */
GHashTable *
upp_store_query_summaries (UppStore  *self,
                           UppWeek    week,
                           GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) summaries = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  if (!upp_store_check_week (week, error))
    return NULL;

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare (self, "SELECT department, summary FROM report"
                                " WHERE week = ?1 AND is_current AND summary IS NOT NULL"
                                " AND summary <> ''", error);
  if (stmt != NULL)
    {
      summaries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      sqlite3_bind_int (stmt, 1, upp_week_to_key (week));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_replace (summaries, upp_sql_column_text (stmt, 0),
                              upp_sql_column_text (stmt, 1));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_rec_mutex_unlock (&self->lock);

  return g_steal_pointer (&summaries);
}

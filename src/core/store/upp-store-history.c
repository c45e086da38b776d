/* upp-store-history.c — entries over time: an action's history, latest entries, indicator values
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include "upp-store-internal.h"

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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) first_of_action = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) weeks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(UppPackage) package = NULL;
  guint action_first = 0;
  char *current_action = NULL;

  conn = upp_store_read_lock (self);
  if (!upp_store_check_week (week, error) || !upp_store_require_package (conn, error))
    return NULL;

  package = upp_store_ref_package (conn);
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

  /* In the order of the lead-history index: no sort. One action, or all:
   * two statements, so that the one-action case seeks instead of scanning. */
  stmt = upp_sql_prepare (conn, action != NULL
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
  g_clear_pointer (&stmt, sqlite3_finalize);
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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (action != NULL, NULL);

  conn = upp_store_read_lock (self);
  if (!upp_store_check_week (week, error))
    return NULL;

  stmt = upp_sql_prepare (conn, "SELECT e.week, e.department, e.is_lead, e.status, e.progress,"
                                "  e.comment, e.next_steps, e.risks, r.submitted, r.revision,"
                                "  r.is_current"
                                " FROM entry e JOIN "
                                /* Only the weeks the action's entries are in; found
                                 * as the entries are, one index each. */
                                UPP_REPORT_REVISIONS ("WHERE (rr.department, rr.week) IN"
                                                      " (SELECT department, week FROM entry"
                                                      "  WHERE action = ?1 AND week <= ?2"
                                                      "  AND is_current AND is_lead"
                                                      "  UNION ALL SELECT department, week"
                                                      "  FROM entry WHERE action = ?1"
                                                      "  AND week <= ?2"
                                                      "  AND NOT (is_current AND is_lead))")
                                " r ON r.id = e.report_id"
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
  g_clear_pointer (&stmt, sqlite3_finalize);

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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows;

  conn = upp_store_read_lock (self);
  /* SQLite takes the bare columns from the row that holds MAX(week). */
  stmt = upp_sql_prepare (conn, "SELECT action, MAX(week), status, progress, comment, next_steps,"
                                " risks,  is_lead FROM entry"
                                " WHERE department = ?1 AND week < ?2 AND is_current"
                                " GROUP BY action",
                          error);
  if (stmt == NULL)
    {
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
  g_clear_pointer (&stmt, sqlite3_finalize);

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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, "SELECT v.indicator, v.value FROM entry_indicator v"
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
  g_clear_pointer (&stmt, sqlite3_finalize);

  return values;
}

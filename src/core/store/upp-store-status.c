/* upp-store-status.c — each action's state as of a week, and what is counted from it
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-error.h"
#include "upp-store-internal.h"

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

gboolean
upp_store_check_week (UppWeek   week,
                      GError  **error)
{
  if (upp_week_is_valid (week))
    return TRUE;
  g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK, _("%d-W%02d is not a week"),
               week.year, week.week);
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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(UppPackage) package = NULL;
  GDate today;
  GDate reference;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  conn = upp_store_read_lock (self);
  if (!upp_store_check_week (week, error) || !upp_store_require_package (conn, error))
    return NULL;

  /* The one overdue rule: deadlines are measured from the week's
   * reference day (upp_status_reference_day()). */
  package = upp_store_ref_package (conn);
  upp_status_get_today (&today);
  upp_status_reference_day (week, package->due_weekday, &today, &reference);

  stmt = upp_sql_prepare (conn,
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
      upp_derive_state (&row->start, &row->deadline, week, &reference, &latest, TRUE, &derived);
      row->state = derived.state;
      row->contradiction = derived.contradiction;
      row->reason = g_steal_pointer (&derived.reason);
      g_ptr_array_add (rows, row);
    }

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(UppPackage) package = NULL;
  GPtrArray *rows;

  conn = upp_store_read_lock (self);
  statuses = upp_store_query_status (conn, week, NULL, error);
  if (statuses == NULL)
    return NULL;

  package = upp_store_ref_package (conn);
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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(UppPackage) package = NULL;
  gboolean prepared;
  UppWeek first_week;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);
  g_return_val_if_fail (n_weeks > 0 && n_weeks <= 1000, NULL);

  conn = upp_store_read_lock (self);
  if (!upp_store_check_week (last_week, error) || !upp_store_require_package (conn, error))
    return NULL;

  package = upp_store_ref_package (conn);
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

  stmt = upp_sql_prepare (conn, "SELECT department, week, COUNT(*),"
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
  prepared = stmt != NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  return prepared ? g_steal_pointer (&rows) : NULL;
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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) before = NULL;
  GPtrArray *changes;

  conn = upp_store_read_lock (self);
  if (!upp_store_check_week (week, error))
    return NULL;
  now = upp_store_query_status (conn, week, NULL, error);
  if (now == NULL)
    return NULL;
  before = upp_store_query_status (conn, upp_week_add (week, -1), NULL, error);
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

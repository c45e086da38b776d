/* upp-store-trend.c — the state counts of every week, in one pass, kept until a write
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include "upp-store-internal.h"

typedef struct
{
  int     start_week;     /* a week key and a day, for upp_derive_state_quick() */
  guint32 deadline_day;
} ActionWeeks;

static ActionWeeks
action_weeks (const UppAction *action)
{
  ActionWeeks weeks = { 0, 0 };

  if (g_date_valid (&action->start))
    weeks.start_week = upp_week_to_key (upp_week_from_date (&action->start));
  if (g_date_valid (&action->deadline))
    weeks.deadline_day = g_date_get_julian (&action->deadline);
  return weeks;
}

/* Adds the state of one action in weeks [from, until) of @counts, given the
 * entry in force for those weeks. */
static void
count_weeks (UppStateCounts       *counts,
             const UppWeek        *week_of,
             const guint32        *reference_of,
             int                   from,
             int                   until,
             ActionWeeks           weeks,
             const UppLatestEntry *latest)
{
  for (int w = from; w < until; w++)
    upp_state_counts_add (&counts[w], upp_derive_state_quick (weeks.start_week,
                                                              weeks.deadline_day,
                                                              reference_of[w],
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
  g_autoptr(UppPackage) package = upp_store_ref_package (self);
  UppWeek first = package->first_week;
  g_autofree ActionWeeks *weeks = g_new0 (ActionWeeks, package->actions->len);
  g_autofree gboolean *seen = g_new0 (gboolean, package->actions->len);
  g_autofree UppWeek *week_of = g_new (UppWeek, n_weeks);
  g_autofree guint32 *reference_of = g_new (guint32, n_weeks);
  GDate today;
  g_autofree int *index_of_key = NULL;
  int first_key = upp_week_to_key (first);
  UppStateCounts *c;
  UppLatestEntry latest = { 0 };
  int action = -1;
  int next_week = 0;

  g_array_set_size (counts, n_weeks);
  c = (UppStateCounts *) (gpointer) counts->data;
  upp_status_get_today (&today);
  for (int w = 0; w < n_weeks; w++)
    {
      GDate reference;

      week_of[w] = w == 0 ? first : upp_week_add (week_of[w - 1], 1);
      upp_status_reference_day (week_of[w], package->due_weekday, &today, &reference);
      reference_of[w] = g_date_get_julian (&reference);
    }
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
            count_weeks (c, week_of, reference_of, next_week, n_weeks, weeks[action], &latest);
          action = row_action;
          seen[action] = TRUE;
          latest = (UppLatestEntry) { 0 };
          next_week = 0;
        }
      count_weeks (c, week_of, reference_of, next_week, index, weeks[action], &latest);
      next_week = MAX (next_week, index);
      latest = (UppLatestEntry) { TRUE, entry_week, upp_sql_column_status (stmt, 2),
                                  sqlite3_column_int (stmt, 3) };
    }
  if (action >= 0)
    count_weeks (c, week_of, reference_of, next_week, n_weeks, weeks[action], &latest);

  /* Actions nobody ever reported on. */
  for (guint i = 0; i < package->actions->len; i++)
    if (!seen[i])
      count_weeks (c, week_of, reference_of, 0, n_weeks, weeks[i], &(UppLatestEntry) { 0 });

  return g_steal_pointer (&counts);
}

/* Any write may change the trend. */
void
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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(UppPackage) package = NULL;
  gboolean computed;
  UppWeek first;
  int n_weeks;

  conn = upp_store_read_lock (self);
  if (!upp_store_check_week (week, error) || !upp_store_require_package (conn, error))
    return NULL;

  points = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_trend_point_free);

  /* Everything that reads the cache happens under the lock: another
   * thread's import may forget it as soon as the lock is let go. */
  package = upp_store_ref_package (conn);
  first = package->first_week;
  n_weeks = MAX (0, upp_week_diff (week, first) + 1);
  if (conn->trend == NULL || (int) conn->trend->len < n_weeks)
    {
      upp_store_forget_trend (conn);
      /* A little ahead, so that stepping forward week by week stays cheap. */
      conn->trend = compute_trend (conn, n_weeks + 8, error);
    }
  computed = conn->trend != NULL;
  for (int w = 0; computed && w < n_weeks; w++)
    {
      UppTrendPoint *point = g_new0 (UppTrendPoint, 1);

      point->week = upp_week_add (first, w);
      point->counts = g_array_index (conn->trend, UppStateCounts, w);
      g_ptr_array_add (points, point);
    }

  return computed ? g_steal_pointer (&points) : NULL;
}

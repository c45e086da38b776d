/* upp-store-package.c — the package definition in force: loaded once, cached, copied
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-error.h"
#include "upp-store-internal.h"

/* The package definition */

/* The cached definition is handed out by reference (upp_store_ref_package):
 * a query in another thread keeps the one it got, whole, when an import
 * replaces it, and the last holder frees it. */
void
upp_store_retire_package (UppStore *self)
{
  upp_store_forget_trend (self);
  g_clear_pointer (&self->leads, g_hash_table_unref);
  g_clear_pointer (&self->package, upp_package_unref);
}

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

/* Another process (the CLI importing into the app's database) may have
 * committed since the caches were filled: SQLite's data_version says so. */
void
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

/**
 * upp_store_changed_elsewhere:
 * @self: a #UppStore
 *
 * Whether another connection (another program, such as `uppfoljning-cli
 * import`, or another window) has committed to the database since the
 * last call. The first call says %FALSE. Ask from a worker thread.
 *
 * Returns: %TRUE if the database changed under this store
 */
gboolean
upp_store_changed_elsewhere (UppStore *self)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);

  g_rec_mutex_lock (&self->lock);
  stmt = upp_sql_prepare_cached (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 version = sqlite3_column_int64 (stmt, 0);

      changed = self->seen_version != 0 && version != self->seen_version;
      self->seen_version = version;
    }
  g_clear_pointer (&stmt, upp_sql_cached_stmt_release);
  g_rec_mutex_unlock (&self->lock);
  return changed;
}

/**
 * upp_store_ref_package:
 * @self: a #UppStore
 *
 * The package definition in force, cached until the next package import
 * (or a commit by another connection). The reference stays valid, and the
 * definition unchanged, however long it is held: an import replaces the
 * store's cache, not what was handed out.
 *
 * Returns: (transfer full) (nullable): the definition, or %NULL if the
 *   store holds no package yet
 */
UppPackage *
upp_store_ref_package (UppStore *self)
{
  g_autoptr(UppStoreReading) conn = NULL;
  UppPackage *package = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  conn = upp_store_read_lock (self);
  upp_store_forget_if_changed_elsewhere (conn);
  if (conn->package == NULL)
    {
      g_autoptr(UppPackage) loaded = upp_package_new ();

      if (load_package_header (conn, loaded))
        {
          load_goals_and_departments (conn, loaded);
          load_actions (conn, loaded);
          conn->package = g_steal_pointer (&loaded);
        }
    }
  if (conn->package != NULL)
    package = upp_package_ref (conn->package);

  return package;
}

gboolean
upp_store_has_package (UppStore *self)
{
  g_autoptr(UppPackage) package = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);
  package = upp_store_ref_package (self);
  return package != NULL;
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
  g_autoptr(UppPackage) package = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  package = upp_store_ref_package (self);
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
  g_autoptr(UppPackage) package = upp_store_ref_package (self);

  return package != NULL ? package->revision : 0;
}

UppWeek
upp_store_get_first_week (UppStore *self)
{
  g_autoptr(UppPackage) package = upp_store_ref_package (self);

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
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  UppWeek week;

  conn = upp_store_read_lock (self);
  week = upp_store_get_first_week (conn);
  stmt = upp_sql_prepare (conn, "SELECT MAX(week) FROM report", NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    week = upp_week_from_key (sqlite3_column_int (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

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

gboolean
upp_store_require_package (UppStore  *self,
                           GError   **error)
{
  if (upp_store_has_package (self))
    return TRUE;
  g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
               _("The database %s holds no action package yet; import one first"), self->path);
  return FALSE;
}

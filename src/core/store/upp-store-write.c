/* upp-store-write.c — what an import writes: package definitions and reports
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
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_rec_mutex_unlock (&self->lock);

  return set;
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

/* Puts @package, stored as @document_id, in force (inside a transaction). */
gboolean
upp_store_apply_package (UppStore          *self,
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

/* Whether no revision of @package's number is stored yet, but refused ones. */
static gboolean
number_is_free (UppStore          *self,
                const UppPackage  *package,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = upp_sql_prepare (self, "SELECT 1 FROM package_revision WHERE code = ?1 AND revision = ?2"
                                " AND decision IS NOT 'refused'", error);
  if (stmt == NULL)
    return FALSE;
  upp_sql_bind_text (stmt, 1, package->code);
  sqlite3_bind_int (stmt, 2, package->revision);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                   _("revision %d of %s was already imported with other content; "
                     "a changed package needs a higher revision"),
                   package->revision, package->code);
      return FALSE;
    }
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
 * Stores a package document. The first package of a database takes
 * effect at once: importing it is deciding to follow it. A later revision
 * is only stored, waiting for a decision on this desktop
 * (upp_store_decide_revision()): anyone who can write to the shared
 * folder could have made it. Revisions count up one at a time: one that
 * skips a number is refused; one older than the one in force is kept.
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
  g_autoptr(UppPackage) current = upp_store_ref_package (self);
  gint64 document_id;
  int latest;

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

  latest = upp_store_get_latest_revision (self);
  if (current != NULL && package->revision > latest + 1)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                   _("revision %d of %s skips a revision: revisions count up one at a time, "
                     "and the latest this database holds is %d"),
                   package->revision, package->code, latest);
      return FALSE;
    }

  /* Several candidates for the next revision may wait side by side (a
   * forged one must not keep the genuine one out); below it, a number
   * stands for one definition. */
  if (current != NULL && package->revision < current->revision &&
      !number_is_free (self, package, error))
    return FALSE;

  document_id = upp_store_insert_document (self, "package", bytes, sha256, filename, error);
  if (document_id == 0)
    return FALSE;

  /* The first package is accepted by importing it; earlier revisions that
   * arrive late need no decision, they change nothing in force. */
  revision = upp_sql_prepare (self, "INSERT INTO package_revision (document_id, code, revision,"
                                    " decision) VALUES (?1, ?2, ?3, ?4)", error);
  if (revision == NULL)
    return FALSE;
  sqlite3_bind_int64 (revision, 1, document_id);
  upp_sql_bind_text (revision, 2, package->code);
  sqlite3_bind_int (revision, 3, package->revision);
  if (current == NULL)
    upp_sql_bind_static_text (revision, 4, "accepted");
  if (sqlite3_step (revision) != SQLITE_DONE)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                   _("revision %d of %s was already imported with other content; "
                     "a changed package needs a higher revision"),
                   package->revision, package->code);
      return FALSE;
    }

  if (current == NULL)
    {
      *out_outcome = UPP_STORE_ADDED;
      return upp_store_apply_package (self, package, document_id, error);
    }
  *out_outcome = current->revision > package->revision ? UPP_STORE_KEPT_OLDER : UPP_STORE_PENDING;
  return TRUE;
}

/* The lead of each action in force, for is_lead: looked up per entry. */
static GHashTable *
get_leads (UppStore *self)
{
  g_autoptr(UppPackage) package = upp_store_ref_package (self);

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

/* The report in force of a department and week, if there is one: its id
 * and its place in the order of revisions, (submitted, SHA-256). One seek
 * in the index of reports in force. */
static gboolean
find_current (UppStore    *self,
              const char  *department,
              int          week,
              gint64      *out_id,
              gint64      *out_submitted_unix,
              char       **out_sha256,
              GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  int rc;

  stmt = upp_sql_prepare_cached (self, "SELECT r.id, r.submitted_unix, d.sha256 FROM report r"
                                       " JOIN document d ON d.id = r.document_id"
                                       " WHERE r.department = ?1 AND r.week = ?2 AND r.is_current",
                                 error);
  if (stmt == NULL)
    return FALSE;
  upp_sql_bind_static_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, week);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      *out_submitted_unix = sqlite3_column_int64 (stmt, 1);
      *out_sha256 = upp_sql_column_text (stmt, 2);
      return TRUE;
    }
  *out_id = 0;
  if (rc != SQLITE_DONE)
    return upp_sql_set_error (error, self->db, _("Could not write to the database"));
  return TRUE;
}

/* The report @id and its entries no longer count: a later one does. */
static gboolean
retire_report (UppStore  *self,
               gint64     id,
               GError   **error)
{
  g_autoptr(CachedStmt) report = NULL;
  g_autoptr(CachedStmt) entries = NULL;

  report = upp_sql_prepare_cached (self, "UPDATE report SET is_current = 0 WHERE id = ?1", error);
  entries = upp_sql_prepare_cached (self, "UPDATE entry SET is_current = 0 WHERE report_id = ?1",
                                    error);
  if (report == NULL || entries == NULL)
    return FALSE;
  sqlite3_bind_int64 (report, 1, id);
  sqlite3_bind_int64 (entries, 1, id);
  return upp_sql_step_done (self, report, error) && upp_sql_step_done (self, entries, error);
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
  g_autofree char *submitted_date = NULL;
  g_autofree char *current_sha256 = NULL;
  gint64 current_unix = 0;
  gint64 current_id = 0;
  gint64 document_id;
  gint64 report_id;
  gboolean in_force;
  int week = upp_week_to_key (report->week);

  if (upp_store_has_document (self, sha256))
    {
      *out_outcome = UPP_STORE_DUPLICATE;
      return TRUE;
    }

  /* Among the reports of one department and week, the last by (submitted,
   * SHA-256) counts — whatever the order of import. Only the one in force
   * now is compared with: a report's revision is counted when read
   * (UPP_REPORT_REVISIONS), so a correction changes at most two reports,
   * however many the week has. */
  if (!find_current (self, report->department, week, &current_id, &current_unix, &current_sha256,
                     error))
    return FALSE;
  in_force = current_id == 0 || report->submitted_unix > current_unix ||
             (report->submitted_unix == current_unix && strcmp (sha256, current_sha256) > 0);

  document_id = upp_store_insert_document (self, "report", bytes, sha256, filename, error);
  if (document_id == 0)
    return FALSE;

  if (current_id != 0 && in_force && !retire_report (self, current_id, error))
    return FALSE;

  stmt = upp_sql_prepare_cached (self, "INSERT INTO report (document_id, department, week,"
                                       " submitted, submitted_unix, submitted_date, reporter,"
                                       " summary, is_current)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  submitted_date = upp_date_format (&report->submitted_date);
  sqlite3_bind_int64 (stmt, 1, document_id);
  upp_sql_bind_text (stmt, 2, report->department);
  sqlite3_bind_int (stmt, 3, week);
  upp_sql_bind_text (stmt, 4, report->submitted);
  sqlite3_bind_int64 (stmt, 5, report->submitted_unix);
  upp_sql_bind_text (stmt, 6, submitted_date);
  upp_sql_bind_text (stmt, 7, report->reporter);
  upp_sql_bind_text (stmt, 8, report->summary);
  sqlite3_bind_int (stmt, 9, in_force);
  if (!upp_sql_step_done (self, stmt, error))
    return FALSE;
  report_id = sqlite3_last_insert_rowid (self->db);
  upp_store_forget_trend (self);

  if (!insert_entries (self, report, report_id, in_force, error))
    return FALSE;

  if (current_id == 0)
    *out_outcome = UPP_STORE_ADDED;
  else if (in_force)
    *out_outcome = UPP_STORE_SUPERSEDED;
  else
    *out_outcome = UPP_STORE_KEPT_OLDER;
  return TRUE;
}

/* upp-store-notes.c — what only this database holds: leadership notes and report drafts
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-error.h"
#include "upp-guard.h"
#include "upp-store-internal.h"

/* Leadership notes */

void
upp_note_free (UppNote *self)
{
  if (self == NULL)
    return;
  g_free (self->action);
  g_free (self->text);
  g_free (self->updated);
  g_free (self);
}

char *
upp_store_get_note (UppStore    *self,
                    const char  *action,
                    UppWeek      week,
                    GError     **error)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *text = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, "SELECT text FROM note WHERE action = ?1 AND week = ?2", error);
  if (stmt != NULL)
    {
      upp_sql_bind_text (stmt, 1, action);
      sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        text = upp_sql_column_text (stmt, 0);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return text;
}

/**
 * upp_store_set_note:
 * @self: a #UppStore
 * @action: an action code
 * @week: the week the note belongs to
 * @text: (nullable): the note; %NULL or empty removes it
 * @error: a #GError
 *
 * Returns: %TRUE if the note was stored
 */
gboolean
upp_store_set_note (UppStore    *self,
                    const char  *action,
                    UppWeek      week,
                    const char  *text,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = g_date_time_format_iso8601 (now);
  gboolean remove = text == NULL || *text == '\0';
  g_autofree char *number = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  /* Where the note is typed says so first (upp_note_check_text()); this
   * keeps every other way in shut. */
  number = remove ? NULL : upp_guard_check_text (text);
  if (number != NULL)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_SENSITIVE,
                   _("The note contains a personal identity number (%s); notes give counts and "
                     "progress, never identity numbers"), number);
      return FALSE;
    }

  if (!upp_store_check_week (week, error) || !upp_store_begin (self, error))
    return FALSE;

  stmt = upp_sql_prepare (self, remove ? "DELETE FROM note WHERE action = ?1 AND week = ?2"
                                       : "INSERT INTO note (action, week, text, updated)"
                                         " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (action, week)"
                                         " DO UPDATE SET text = ?3, updated = ?4", error);
  if (stmt == NULL)
    {
      upp_store_rollback (self);
      return FALSE;
    }
  upp_sql_bind_text (stmt, 1, action);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  if (!remove)
    {
      upp_sql_bind_text (stmt, 3, text);
      upp_sql_bind_text (stmt, 4, updated);
    }
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
                   _("Could not store the note: %s"), sqlite3_errmsg (self->db));
      upp_store_rollback (self);
      return FALSE;
    }
  return upp_store_commit (self, error);
}

/**
 * upp_store_list_notes:
 * @self: a #UppStore
 * @week: the week
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppNote): the notes of @week, in
 *   package order of their actions
 */
GPtrArray *
upp_store_list_notes (UppStore  *self,
                      UppWeek    week,
                      GError   **error)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows;

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, "SELECT n.action, n.week, n.text, n.updated FROM note n"
                                " JOIN action a ON a.code = n.action"
                                " WHERE n.week = ?1 ORDER BY a.position", error);
  if (stmt == NULL)
    {
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, upp_week_to_key (week));
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_note_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UppNote *note = g_new0 (UppNote, 1);

      note->action = upp_sql_column_text (stmt, 0);
      note->week = upp_week_from_key (sqlite3_column_int (stmt, 1));
      note->text = upp_sql_column_text (stmt, 2);
      note->updated = upp_sql_column_text (stmt, 3);
      g_ptr_array_add (rows, note);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  return rows;
}

/* Report drafts */

/**
 * upp_store_save_draft:
 * @self: a #UppStore
 * @department: the department writing the report
 * @week: the week reported on
 * @json: the draft report as JSON text (need not be valid yet)
 * @error: a #GError
 *
 * Keeps a report being written, so that it survives closing the app. A
 * draft is not a report: no query sees it.
 *
 * Returns: %TRUE if stored
 */
gboolean
upp_store_save_draft (UppStore    *self,
                      const char  *department,
                      UppWeek      week,
                      const char  *json,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);
  g_return_val_if_fail (department != NULL && json != NULL, FALSE);

  if (!upp_store_check_week (week, error) || !upp_store_begin (self, error))
    return FALSE;
  stmt = upp_sql_prepare (self, "INSERT INTO draft (department, week, json, updated)"
                                " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (department, week)"
                                " DO UPDATE SET json = ?3, updated = ?4", error);
  if (stmt == NULL)
    {
      upp_store_rollback (self);
      return FALSE;
    }
  upp_sql_bind_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  upp_sql_bind_text (stmt, 3, json);
  upp_sql_bind_text (stmt, 4, updated);
  if (!upp_sql_step_done (self, stmt, error))
    {
      upp_store_rollback (self);
      return FALSE;
    }
  return upp_store_commit (self, error);
}

/**
 * upp_store_get_draft:
 * @self: a #UppStore
 * @department: a department code
 * @week: the week
 *
 * Returns: (transfer full) (nullable): the draft's JSON text, or %NULL
 */
char *
upp_store_get_draft (UppStore   *self,
                     const char *department,
                     UppWeek     week)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *json = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, "SELECT json FROM draft WHERE department = ?1 AND week = ?2", NULL);
  upp_sql_bind_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = upp_sql_column_text (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  return json;
}

/**
 * upp_store_delete_draft:
 * @self: a #UppStore
 * @department: a department code
 * @week: the week
 * @error: a #GError
 *
 * Returns: %TRUE if no such draft remains
 */
gboolean
upp_store_delete_draft (UppStore    *self,
                        const char  *department,
                        UppWeek      week,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);

  if (!upp_store_begin (self, error))
    return FALSE;
  stmt = upp_sql_prepare (self, "DELETE FROM draft WHERE department = ?1 AND week = ?2", error);
  if (stmt == NULL)
    {
      upp_store_rollback (self);
      return FALSE;
    }
  upp_sql_bind_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  if (!upp_sql_step_done (self, stmt, error))
    {
      upp_store_rollback (self);
      return FALSE;
    }
  return upp_store_commit (self, error);
}

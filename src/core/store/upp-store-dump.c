/* upp-store-dump.c — the whole store out: a canonical text dump, a backup copy
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "upp-store-internal.h"

/* Each query lists natural keys and values only — no row ids, file names or
 * import times — so two stores that imported the same documents in any
 * order dump the same text. */
static const char * const dump_queries[] = {
  "SELECT code, revision, title, organisation, decided, decided_by, first_week, due_weekday"
  " FROM package",
  "SELECT code, title, position FROM goal ORDER BY code",
  "SELECT code, name, partner, position FROM department ORDER BY code",
  "SELECT code, title, description, goal, lead, start, deadline, position FROM action"
  " ORDER BY code",
  "SELECT action, department FROM action_contributor ORDER BY action, department",
  "SELECT action, code, name, unit, target, direction, position FROM indicator"
  " ORDER BY action, code",
  "SELECT sha256, kind FROM document ORDER BY sha256",
  "SELECT d.sha256, p.code, p.revision, p.decision FROM package_revision p"
  " JOIN document d ON d.id = p.document_id ORDER BY d.sha256",
  "SELECT d.sha256, r.department, r.week, r.submitted, r.submitted_date, r.reporter,"
  " r.summary, r.revision, r.is_current FROM report r JOIN document d ON d.id = r.document_id"
  " ORDER BY d.sha256",
  "SELECT d.sha256, e.action, e.department, e.week, e.status, e.progress, e.comment,"
  " e.next_steps, e.risks, e.is_current, e.is_lead FROM entry e"
  " JOIN report r ON r.id = e.report_id JOIN document d ON d.id = r.document_id"
  " ORDER BY d.sha256, e.action",
  "SELECT d.sha256, v.action, v.indicator, v.value FROM entry_indicator v"
  " JOIN report r ON r.id = v.report_id JOIN document d ON d.id = r.document_id"
  " ORDER BY d.sha256, v.action, v.indicator",
  "SELECT action, week, text FROM note ORDER BY action, week",
};

/**
 * upp_store_dump:
 * @self: a #UppStore
 * @error: a #GError
 *
 * A canonical text form of everything the store knows, for comparing two
 * stores (tests of import order) and for people debugging.
 *
 * Returns: (transfer full): the dump
 */
char *
upp_store_dump (UppStore  *self,
                GError   **error)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  conn = upp_store_read_lock (self);
  for (guint q = 0; q < G_N_ELEMENTS (dump_queries); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = upp_sql_prepare (conn, dump_queries[q], error);

      if (stmt == NULL)
        {
          return NULL;
        }
      g_string_append_printf (out, "# %s\n", dump_queries[q]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              g_string_append (out, c > 0 ? "\t" : "");
              g_string_append (out, text != NULL ? text : "∅");
            }
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * upp_store_backup:
 * @self: a #UppStore
 * @path: where to write the copy (overwritten)
 * @error: a #GError
 *
 * Copies the whole database with SQLite's online backup API: consistent
 * even while another process writes.
 *
 * Returns: %TRUE on success
 */
gboolean
upp_store_backup (UppStore    *self,
                  const char  *path,
                  GError     **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  UppStore *conn;
  int rc;

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);

  g_unlink (path);
  if (!upp_store_create_private_file (path, error))
    return FALSE;
  if (sqlite3_open (path, &target) != SQLITE_OK)
    {
      upp_sql_set_error (error, target, _("Could not create the backup"));
      sqlite3_close (target);
      return FALSE;
    }

  conn = upp_store_read_lock (self);
  backup = sqlite3_backup_init (target, "main", conn->db, "main");
  if (backup == NULL)
    {
      upp_sql_set_error (error, target, _("Could not create the backup"));
      upp_store_read_unlock (conn);
      sqlite3_close (target);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  upp_store_read_unlock (conn);

  if (rc != SQLITE_DONE)
    {
      upp_sql_set_error (error, target, _("Could not write the backup"));
      sqlite3_close (target);
      return FALSE;
    }
  sqlite3_close (target);
  return TRUE;
}

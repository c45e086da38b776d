/* upp-store-dump.c — the whole store out: a canonical text dump, a backup copy
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "upp-error.h"
#include "upp-store-internal.h"

/* The reports' query as the dump has always named it: the revision, once
 * a column, is counted now (UPP_REPORT_REVISIONS), and the dump of the same
 * documents stays the same text across versions. */
#define REPORTS_HEADER                                                                    \
  "SELECT d.sha256, r.department, r.week, r.submitted, r.submitted_date, r.reporter,"     \
  " r.summary, r.revision, r.is_current FROM report r"                                   \
  " JOIN document d ON d.id = r.document_id ORDER BY d.sha256"

#define REPORTS_SQL                                                                       \
  "SELECT d.sha256, r.department, r.week, r.submitted, r.submitted_date, r.reporter,"     \
  " r.summary, r.revision, r.is_current FROM " UPP_REPORT_REVISIONS ("") " r"             \
  " JOIN document d ON d.id = r.document_id ORDER BY d.sha256"

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
  REPORTS_HEADER,
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
      const char *sql = g_str_equal (dump_queries[q], REPORTS_HEADER) ? REPORTS_SQL
                                                                     : dump_queries[q];
      g_autoptr(sqlite3_stmt) stmt = upp_sql_prepare (conn, sql, error);

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

/* Copies the database into @path, a new file in a folder of our own. */
static gboolean
write_copy (UppStore    *self,
            const char  *path,
            GError     **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  UppStore *conn;
  int rc;

  if (!upp_store_create_private_file (path, error))
    return FALSE;
  if (sqlite3_open_v2 (path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) !=
      SQLITE_OK)
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

static gboolean
set_io_error (GError     **error,
              const char  *what)
{
  int saved_errno = errno;

  g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("%s: %s"), what, g_strerror (saved_errno));
  return FALSE;
}

/**
 * upp_store_backup:
 * @self: a #UppStore
 * @path: where to write the copy (replaced if it exists)
 * @error: a #GError
 *
 * Copies the whole database with SQLite's online backup API: consistent
 * even while another process writes.
 *
 * The copy is written in a new folder of its own beside @path (mode 0700,
 * made with mkdtemp()), then renamed to @path. Nothing at @path is opened
 * or followed: a symbolic link planted there (in a shared folder, say) is
 * replaced, not written through, and neither the copy nor SQLite's
 * journal beside it can be redirected.
 *
 * Returns: %TRUE on success
 */
gboolean
upp_store_backup (UppStore    *self,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *copy = NULL;
  gboolean ok;

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_io_error (error, _("Could not create the backup"));
  scratch = g_build_filename (dir, ".uppfoljning-backup-XXXXXX", NULL);
  if (g_mkdtemp_full (scratch, 0700) == NULL)
    return set_io_error (error, _("Could not create the backup"));
  copy = g_build_filename (scratch, name, NULL);

  ok = write_copy (self, copy, error);
  if (ok && g_rename (copy, path) != 0)
    ok = set_io_error (error, _("Could not write the backup"));
  if (!ok)
    g_unlink (copy);
  g_rmdir (scratch);
  return ok;
}

/* upp-store-revisions.c — package revisions: which is in force, which wait for a decision
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A package revision that arrives from a file or the shared folder is only
 * stored: anyone who can write there could have made it. It takes effect
 * when someone on this desktop accepts it, one revision after the one in
 * force, and the decision (who, when) is kept with it.
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-error.h"
#include "upp-store-internal.h"

void
upp_revision_info_free (UppRevisionInfo *self)
{
  if (self == NULL)
    return;
  g_free (self->sha256);
  g_free (self->filename);
  g_free (self->imported);
  g_free (self->decided_by);
  g_free (self->decided_at);
  g_free (self);
}

/**
 * upp_revision_state_get_label:
 * @state: a #UppRevisionState
 *
 * Returns: the state in words, e.g. "waiting for a decision"
 */
const char *
upp_revision_state_get_label (UppRevisionState state)
{
  switch (state)
    {
    case UPP_REVISION_IN_FORCE: return C_("revision", "in force");
    case UPP_REVISION_EARLIER: return C_("revision", "earlier");
    case UPP_REVISION_PENDING: return C_("revision", "waiting for a decision");
    case UPP_REVISION_REFUSED: return C_("revision", "refused");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * upp_store_list_revisions:
 * @self: a #UppStore
 * @error: a #GError
 *
 * Every package revision the store holds, with what was decided about it.
 *
 * Returns: (transfer full) (element-type UppRevisionInfo): by revision,
 *   then by import
 */
GPtrArray *
upp_store_list_revisions (UppStore  *self,
                          GError   **error)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, "SELECT p.revision, d.sha256, d.filename, d.imported, p.decision,"
                                "  p.decided_by, p.decided_at,"
                                "  p.document_id = (SELECT document_id FROM package),"
                                "  p.revision > COALESCE ((SELECT revision FROM package), 0), d.id"
                                " FROM package_revision p JOIN document d ON d.id = p.document_id"
                                " ORDER BY p.revision, d.id", error);
  if (stmt != NULL)
    {
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_revision_info_free);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          UppRevisionInfo *info = g_new0 (UppRevisionInfo, 1);
          const char *decision = (const char *) sqlite3_column_text (stmt, 4);

          info->document_id = sqlite3_column_int64 (stmt, 9);
          info->revision = sqlite3_column_int (stmt, 0);
          info->sha256 = upp_sql_column_text (stmt, 1);
          info->filename = upp_sql_column_text (stmt, 2);
          info->imported = upp_sql_column_text (stmt, 3);
          info->decided_by = upp_sql_column_text (stmt, 5);
          info->decided_at = upp_sql_column_text (stmt, 6);
          if (g_strcmp0 (decision, "refused") == 0)
            info->state = UPP_REVISION_REFUSED;
          else if (sqlite3_column_int (stmt, 7))
            info->state = UPP_REVISION_IN_FORCE;
          else if (decision == NULL && sqlite3_column_int (stmt, 8))
            info->state = UPP_REVISION_PENDING;
          else
            info->state = UPP_REVISION_EARLIER;
          g_ptr_array_add (rows, info);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  return g_steal_pointer (&rows);
}

/**
 * upp_store_get_latest_revision:
 * @self: a #UppStore
 *
 * Returns: the highest revision stored and not refused, 0 if none
 */
int
upp_store_get_latest_revision (UppStore *self)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int latest = 0;

  g_return_val_if_fail (UPP_IS_STORE (self), 0);

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, "SELECT MAX(revision) FROM package_revision"
                                " WHERE decision IS NOT 'refused'", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    latest = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  return latest;
}

/* The pending revision stored as @sha256: its row id and revision. */
static gboolean
find_pending (UppStore    *self,
              const char  *sha256,
              gint64      *out_document_id,
              int         *out_revision,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  stmt = upp_sql_prepare (self, "SELECT p.document_id, p.revision, p.decision,"
                                "  p.revision > COALESCE ((SELECT revision FROM package), 0)"
                                " FROM package_revision p JOIN document d ON d.id = p.document_id"
                                " WHERE d.sha256 = ?1", error);
  if (stmt == NULL)
    return FALSE;
  upp_sql_bind_text (stmt, 1, sha256);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out_document_id = sqlite3_column_int64 (stmt, 0);
      *out_revision = sqlite3_column_int (stmt, 1);
      found = sqlite3_column_type (stmt, 2) == SQLITE_NULL && sqlite3_column_int (stmt, 3);
      if (!found)
        g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                     _("revision %d is not waiting for a decision"), *out_revision);
    }
  else
    g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
                 _("this database holds no package revision with that SHA-256"));
  return found;
}

static gboolean
record_decision (UppStore    *self,
                 const char  *sql,
                 gint64       document_id,
                 int          revision,
                 const char  *by,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  stmt = upp_sql_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, revision);
  upp_sql_bind_text (stmt, 3, by);
  upp_sql_bind_text (stmt, 4, at);
  return upp_sql_step_done (self, stmt, error);
}

/**
 * upp_store_decide_revision:
 * @self: a #UppStore
 * @sha256: the stored revision's SHA-256
 * @package: (nullable): its definition, as parsed and checked again now;
 *   %NULL refuses it
 * @by: who decided, as they want to be named (e.g. "Kommundirektören")
 * @error: a #GError
 *
 * Accepts (puts in force) or refuses a pending package revision, in one
 * transaction, and records who decided and when. A revision is accepted
 * only as the next after the one in force; other candidates for the same
 * revision are refused with it.
 *
 * Returns: %TRUE if the decision was made and recorded
 */
gboolean
upp_store_decide_revision (UppStore          *self,
                           const char        *sha256,
                           const UppPackage  *package,
                           const char        *by,
                           GError           **error)
{
  g_autoptr(UppPackage) current = NULL;
  gint64 document_id = 0;
  int revision = 0;

  g_return_val_if_fail (UPP_IS_STORE (self), FALSE);
  g_return_val_if_fail (sha256 != NULL && by != NULL, FALSE);

  if (!upp_store_begin (self, error))
    return FALSE;
  current = upp_store_ref_package (self);
  if (!find_pending (self, sha256, &document_id, &revision, error))
    goto failed;

  if (package == NULL)
    {
      if (!record_decision (self, "UPDATE package_revision SET decision = 'refused',"
                                  " decided_by = ?3, decided_at = ?4"
                                  " WHERE document_id = ?1 AND revision = ?2", document_id,
                            revision, by, error))
        goto failed;
      return upp_store_commit (self, error);
    }

  g_return_val_if_fail (package->revision == revision, FALSE);
  if (current == NULL || revision != current->revision + 1)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                   _("revision %d cannot take effect before revision %d: revisions take effect "
                     "one at a time"), revision, current != NULL ? current->revision + 1 : 1);
      goto failed;
    }
  if (!record_decision (self, "UPDATE package_revision SET decision = 'accepted',"
                              " decided_by = ?3, decided_at = ?4 WHERE document_id = ?1",
                        document_id, revision, by, error) ||
      !record_decision (self, "UPDATE package_revision SET decision = 'refused',"
                              " decided_by = ?3, decided_at = ?4"
                              " WHERE revision = ?2 AND document_id != ?1 AND decision IS NULL",
                        document_id, revision, by, error) ||
      !upp_store_apply_package (self, package, document_id, error))
    goto failed;
  return upp_store_commit (self, error);

failed:
  upp_store_rollback (self);
  return FALSE;
}

/* upp-store-schema.c — the schema: its migrations, and refusing a newer one
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-error.h"
#include "upp-store-internal.h"

/* Each entry takes the schema from version i to i + 1. Add a migration by
 * appending to this array and raising UPP_STORE_SCHEMA_VERSION; never edit
 * one that has shipped. */
static const char * const migrations[] = {
  /* 0 → 1: the first schema */
  "CREATE TABLE document ("
  "  id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('package', 'report')),"
  "  filename TEXT NOT NULL,"
  "  imported TEXT NOT NULL,"
  "  bytes BLOB NOT NULL"
  ");"
  "CREATE TABLE package_revision ("
  "  document_id INTEGER PRIMARY KEY REFERENCES document (id),"
  "  code TEXT NOT NULL,"
  "  revision INTEGER NOT NULL,"
  "  UNIQUE (code, revision)"
  ");"
  "CREATE TABLE package ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  document_id INTEGER NOT NULL REFERENCES document (id),"
  "  code TEXT NOT NULL,"
  "  revision INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  organisation TEXT NOT NULL,"
  "  decided TEXT,"
  "  decided_by TEXT,"
  "  first_week INTEGER NOT NULL,"
  "  due_weekday INTEGER NOT NULL CHECK (due_weekday BETWEEN 1 AND 7)"
  ");"
  "CREATE TABLE goal ("
  "  code TEXT PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE department ("
  "  code TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  partner INTEGER NOT NULL,"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE action ("
  "  code TEXT PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  description TEXT,"
  "  goal TEXT NOT NULL REFERENCES goal (code),"
  "  lead TEXT NOT NULL REFERENCES department (code),"
  "  start TEXT,"
  "  deadline TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE action_contributor ("
  "  action TEXT NOT NULL REFERENCES action (code) ON DELETE CASCADE,"
  "  department TEXT NOT NULL REFERENCES department (code),"
  "  PRIMARY KEY (action, department)"
  ") WITHOUT ROWID;"
  "CREATE TABLE indicator ("
  "  action TEXT NOT NULL REFERENCES action (code) ON DELETE CASCADE,"
  "  code TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  unit TEXT,"
  "  target REAL,"
  "  direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (action, code)"
  ") WITHOUT ROWID;"
  "CREATE TABLE report ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id INTEGER NOT NULL UNIQUE REFERENCES document (id),"
  "  department TEXT NOT NULL REFERENCES department (code),"
  "  week INTEGER NOT NULL,"
  "  submitted TEXT NOT NULL,"
  "  submitted_unix INTEGER NOT NULL,"
  "  submitted_date TEXT NOT NULL,"
  "  reporter TEXT,"
  "  summary TEXT,"
  "  revision INTEGER NOT NULL DEFAULT 1,"
  "  is_current INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX report_by_department_week ON report (department, week);"
  "CREATE INDEX report_by_week ON report (week);"
  "CREATE TABLE entry ("
  "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL REFERENCES action (code),"
  "  department TEXT NOT NULL,"
  "  week INTEGER NOT NULL,"
  "  status TEXT NOT NULL"
  "    CHECK (status IN ('not-started', 'on-track', 'at-risk', 'delayed', 'done')),"
  "  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),"
  "  comment TEXT,"
  "  next_steps TEXT,"
  "  risks TEXT,"
  "  is_current INTEGER NOT NULL DEFAULT 0,"
  "  is_lead INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (report_id, action)"
  ");"
  /* The lead's entries in force, by action and week: what every "as of
   * week W" status lookup seeks. */
  "CREATE INDEX entry_lead_history ON entry (action, week) WHERE is_current AND is_lead;"
  "CREATE INDEX entry_by_action ON entry (action, week);"
  "CREATE TABLE entry_indicator ("
  "  report_id INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  indicator TEXT NOT NULL,"
  "  value REAL NOT NULL,"
  "  PRIMARY KEY (report_id, action, indicator),"
  "  FOREIGN KEY (report_id, action) REFERENCES entry (report_id, action) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  "CREATE TABLE note ("
  "  action TEXT NOT NULL REFERENCES action (code),"
  "  week INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  PRIMARY KEY (action, week)"
  ");",

  /* 1 → 2: report drafts, kept until saved as a file or discarded */
  "CREATE TABLE draft ("
  "  department TEXT NOT NULL,"
  "  week INTEGER NOT NULL,"
  "  json TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  PRIMARY KEY (department, week)"
  ");",

  /* 2 → 3: the lead-history index covers status and progress, so that the
   * trend over every action and week reads the index only */
  "DROP INDEX entry_lead_history;"
  "CREATE INDEX entry_lead_history ON entry (action, week, status, progress)"
  "  WHERE is_current AND is_lead;",

  /* 3 → 4: the status check written as comparisons. SQLite checks a list
   * of more than two values with a temporary table, which it built and
   * dropped for every row an import wrote: a third of the time storing a
   * report took. A constraint cannot be changed in place: the table is
   * copied (rows, row ids and all) into one with the new definition.
   * upp_store_migrate() turns the foreign keys off meanwhile, so that
   * dropping the old table takes no indicator values along. */
  "CREATE TABLE entry_new ("
  "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
  "  action TEXT NOT NULL REFERENCES action (code),"
  "  department TEXT NOT NULL,"
  "  week INTEGER NOT NULL,"
  "  status TEXT NOT NULL"
  "    CHECK (status = 'not-started' OR status = 'on-track' OR status = 'at-risk' OR"
  "           status = 'delayed' OR status = 'done'),"
  "  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),"
  "  comment TEXT,"
  "  next_steps TEXT,"
  "  risks TEXT,"
  "  is_current INTEGER NOT NULL DEFAULT 0,"
  "  is_lead INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (report_id, action)"
  ");"
  "INSERT INTO entry_new (rowid, report_id, action, department, week, status, progress, comment,"
  "  next_steps, risks, is_current, is_lead)"
  "  SELECT rowid, report_id, action, department, week, status, progress, comment, next_steps,"
  "    risks, is_current, is_lead FROM entry ORDER BY rowid;"
  "DROP TABLE entry;"
  "ALTER TABLE entry_new RENAME TO entry;"
  "CREATE INDEX entry_lead_history ON entry (action, week, status, progress)"
  "  WHERE is_current AND is_lead;"
  "CREATE INDEX entry_by_action ON entry (action, week);",

  /* 4 → 5: every entry in one index by action, not two: entry_by_action
   * keeps only what entry_lead_history does not (contributions, and what
   * a correction superseded), and the history reads both. An import
   * writes each entry into one index instead of most into two, and a new
   * week's entries, which land on every action, change half the pages. */
  "DROP INDEX entry_by_action;"
  "CREATE INDEX entry_by_action ON entry (action, week) WHERE NOT (is_current AND is_lead);",

  /* 5 → 6: how document.bytes holds the document. 'deflate' is the zlib
   * format (RFC 1950, as in HTTP), which new imports write unless it would
   * not shrink the file: JSON shrinks about ninefold, and with it the
   * documents' share of what an import writes into the database and its
   * log (the entries and indexes are written as before). The rows already
   * stored stay as they are, 'identity': adding a column with a default
   * rewrites no row. */
  "ALTER TABLE document ADD COLUMN encoding TEXT NOT NULL DEFAULT 'identity'"
  "  CHECK (encoding = 'identity' OR encoding = 'deflate');",

  /* 6 → 7: the lead history covers the indicator series too. The series
   * joins each current lead entry's values by (report_id, action); without
   * report_id in the index every one of the 100,000 entries was read from
   * its large table row (comments, risks) to find it: 200 → 80 ms at the
   * benchmark's size, most of a briefing's queries. */
  "DROP INDEX entry_lead_history;"
  "CREATE INDEX entry_lead_history ON entry (action, week, status, progress, report_id)"
  "  WHERE is_current AND is_lead;",

  /* 7 → 8: a report's revision is no longer stored but counted when read
   * (UPP_REPORT_REVISIONS): storing it made every correction renumber
   * every report of its department and week, and their entries, so that
   * 4,000 corrections of one week took three minutes. What an import
   * looks up instead is the one report in force of a department and week:
   * an index of its own. */
  "ALTER TABLE report DROP COLUMN revision;"
  "CREATE INDEX report_current ON report (department, week) WHERE is_current;",

  /* 8 → 9: a package revision takes effect only by a decision on this
   * desktop. Each revision records it: 'accepted' (who, when; no one for
   * the revisions in force before decisions were recorded, and for the
   * first package of a database), 'refused', or none yet (pending). Only
   * the accepted ones need distinct numbers: a forged revision N must not
   * keep the genuine revision N out. */
  "CREATE TABLE package_revision_new ("
  "  document_id INTEGER PRIMARY KEY REFERENCES document (id),"
  "  code TEXT NOT NULL,"
  "  revision INTEGER NOT NULL,"
  "  decision TEXT CHECK (decision = 'accepted' OR decision = 'refused'),"
  "  decided_by TEXT,"
  "  decided_at TEXT"
  ");"
  "INSERT INTO package_revision_new (document_id, code, revision, decision)"
  "  SELECT document_id, code, revision, 'accepted' FROM package_revision"
  "  ORDER BY document_id;"
  "DROP TABLE package_revision;"
  "ALTER TABLE package_revision_new RENAME TO package_revision;"
  "CREATE UNIQUE INDEX package_revision_accepted ON package_revision (code, revision)"
  "  WHERE decision = 'accepted';",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == UPP_STORE_SCHEMA_VERSION);

/* Schema */

int
upp_store_get_user_version (UppStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = upp_sql_prepare (self, "PRAGMA user_version", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

gboolean
upp_store_refuse_newer_schema (UppStore  *self,
                               GError   **error)
{
  int version = upp_store_get_user_version (self);

  if (version > UPP_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_SCHEMA_TOO_NEW,
                   _("%s was written by a newer version of Uppföljning "
                     "(schema %d; this version knows up to %d). It was not changed."),
                   self->path, version, UPP_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* How many rows refer to a missing row: what the foreign keys, off during
 * migrations, would have prevented. */
static gint64
count_dangling (UppStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = upp_sql_prepare (self,
                                                  "SELECT COUNT(*) FROM pragma_foreign_key_check",
                                                  NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
upp_store_migrate (UppStore  *self,
                   GError   **error)
{
  int version = upp_store_get_user_version (self);
  gint64 dangling;

  if (version < 0)
    return upp_sql_set_error (error, self->db, _("Could not read the schema version"));
  if (!upp_store_refuse_newer_schema (self, error))
    return FALSE;
  if (version == UPP_STORE_SCHEMA_VERSION)
    return TRUE;

  /* A migration may copy a table into a new one and drop the old: with
   * foreign keys on, the drop would delete what refers to it. (The pragma
   * has no effect inside a transaction.) */
  if (!upp_sql_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  dangling = count_dangling (self);
  for (; version < UPP_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!upp_store_begin (self, error))
        {
          upp_sql_exec (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      if (!upp_sql_exec (self, migrations[version], error) || !upp_sql_exec (self, bump, error))
        {
          upp_store_rollback (self);
          upp_sql_exec (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      if (count_dangling (self) > dangling)
        {
          g_set_error (error, UPP_ERROR, UPP_ERROR_DATABASE,
                       _("Could not update the database %s to schema %d: rows would refer to "
                         "missing rows"), self->path, version + 1);
          upp_store_rollback (self);
          upp_sql_exec (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      if (!upp_store_commit (self, error))
        {
          upp_sql_exec (self, "PRAGMA foreign_keys = ON", NULL);
          return FALSE;
        }
      g_debug ("Migrated %s to schema %d", self->path, version + 1);
    }

  return upp_sql_exec (self, "PRAGMA foreign_keys = ON", error);
}

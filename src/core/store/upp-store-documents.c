/* upp-store-documents.c — the stored documents: found by hash, kept deflated, read back whole
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-error.h"
#include "upp-format-limits.h"
#include "upp-store-internal.h"

/* Writing documents */

gboolean
upp_store_has_document (UppStore   *self,
                        const char *sha256)
{
  g_autoptr(UppStoreReading) conn = NULL;
  CachedStmt *stmt;
  gboolean found;

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare_cached (conn, "SELECT 1 FROM document WHERE sha256 = ?1", NULL);
  upp_sql_bind_text (stmt, 1, sha256);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  upp_sql_cached_stmt_release (stmt);

  return found;
}

/**
 * upp_store_get_document_kinds:
 * @self: a #UppStore
 *
 * What a batch checks each file's SHA-256 against before parsing it.
 *
 * Returns: (transfer full): SHA-256 → "package" or "report" (static
 *   strings), for every stored document
 */
GHashTable *
upp_store_get_document_kinds (UppStore *self)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  conn = upp_store_read_lock (self);
  /* The hashes from their index, not from the rows (which hold the
   * documents); the few packages then by their revisions. */
  stmt = upp_sql_prepare (conn, "SELECT sha256 FROM document", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (kinds, upp_sql_column_text (stmt, 0), (gpointer) "report");
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = upp_sql_prepare (conn, "SELECT sha256 FROM document"
                                " WHERE id IN (SELECT document_id FROM package_revision)", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (kinds, upp_sql_column_text (stmt, 0), (gpointer) "package");
  g_clear_pointer (&stmt, sqlite3_finalize);

  return kinds;
}

/* Document encodings (schema 6) */

/* Level 1 of 9: on the benchmark's reports it compresses 9.3-fold, level 6
 * 12.3-fold, at less than half the time; the time matters more. */
#define DEFLATE_LEVEL 1

/* Import reads at most UPP_IMPORT_MAX_BYTES; this bound, far above it, only
 * stops a damaged blob from inflating without end. */
#define INFLATED_MAX_BYTES (8 * (gsize) UPP_IMPORT_MAX_BYTES)

/* Runs @size bytes of @data through @converter, from its start, into one
 * buffer of at most @max_size bytes, first @guess big. Fails with
 * G_IO_ERROR_NO_SPACE when the output would be larger, and with
 * G_IO_ERROR_INVALID_DATA when input is left over after the end of the
 * stream. */
static GByteArray *
convert_all (GConverter    *converter,
             const guint8  *data,
             gsize          size,
             gsize          guess,
             gsize          max_size,
             GError       **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  GConverterResult result;
  gsize done = 0;

  g_converter_reset (converter);
  g_byte_array_set_size (out, MIN (MAX (guess, 64), max_size));
  do
    {
      g_autoptr(GError) local_error = NULL;
      gsize n_read = 0;
      gsize n_written = 0;

      result = g_converter_convert (converter, data, size, out->data + done, out->len - done,
                                    G_CONVERTER_INPUT_AT_END, &n_read, &n_written,
                                    &local_error);
      if (result == G_CONVERTER_ERROR &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (result != G_CONVERTER_ERROR)
        {
          if (result != G_CONVERTER_FINISHED && n_read == 0 && n_written == 0)
            {
              /* No progress with room to write: the input is cut short. */
              g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                   _("the compressed data ends early"));
              return NULL;
            }
          data += n_read;
          size -= n_read;
          done += n_written;
        }
      /* More room: after NO_SPACE, or when the output fills the buffer to
       * the last byte (the converter may have more to write). */
      if (result == G_CONVERTER_ERROR || (result != G_CONVERTER_FINISHED && done == out->len))
        {
          if (out->len >= max_size)
            {
              g_autofree char *limit = g_format_size (max_size);

              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           _("the result would be larger than %s"), limit);
              return NULL;
            }
          g_byte_array_set_size (out, MIN (out->len * (gsize) 2, max_size));
        }
    }
  while (result != G_CONVERTER_FINISHED);

  if (size != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("data follows the end of the compressed data"));
      return NULL;
    }
  g_byte_array_set_size (out, done);
  return g_steal_pointer (&out);
}

/* What a document is stored as: deflated, or as it is when that saves
 * nothing (a tiny file). Returns the encoding's name and, in
 * @out_deflated, the compressed bytes, or NULL for the document itself. */
static const char *
encode_document (UppStore     *self,
                 const guint8 *data,
                 gsize         size,
                 GByteArray  **out_deflated,
                 GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  *out_deflated = NULL;
  if (size < 2)
    return "identity";
  if (self->deflater == NULL)
    self->deflater = G_CONVERTER (g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB,
                                                         DEFLATE_LEVEL));
  *out_deflated = convert_all (self->deflater, data, size, size / 4, size - 1, &local_error);
  if (*out_deflated != NULL)
    return "deflate";
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    return "identity";
  g_set_error (error, UPP_ERROR, UPP_ERROR_FAILED, _("Could not compress the document: %s"),
               local_error->message);
  return NULL;
}

/* The document as imported, from a row of the document table. */
static GBytes *
decode_document (gint64         id,
                 const char    *encoding,
                 const guint8  *data,
                 gsize          size,
                 GError       **error)
{
  g_autoptr(GConverter) inflater = NULL;
  g_autoptr(GByteArray) inflated = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_strcmp0 (encoding, "identity") == 0)
    return g_bytes_new (data, size);

  if (g_strcmp0 (encoding, "deflate") == 0)
    {
      inflater = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      inflated = convert_all (inflater, data, size, size * (gsize) 8, INFLATED_MAX_BYTES,
                              &local_error);
      if (inflated != NULL)
        return g_byte_array_free_to_bytes (g_steal_pointer (&inflated));
    }
  else
    g_set_error (&local_error, UPP_ERROR, UPP_ERROR_DATABASE, _("unknown encoding “%s”"),
                 encoding != NULL ? encoding : "NULL");

  g_set_error (error, UPP_ERROR, UPP_ERROR_DATABASE,
               _("The stored copy of document %lld is damaged: %s"), (long long) id,
               local_error->message);
  return NULL;
}

gint64
upp_store_insert_document (UppStore    *self,
                           const char  *kind,
                           GBytes      *bytes,
                           const char  *sha256,
                           const char  *filename,
                           GError     **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *imported = g_date_time_format_iso8601 (now);
  g_autoptr(GByteArray) deflated = NULL;
  const char *encoding;
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  /* @sha256 stays the hash of the bytes as read: re-imports are found by it. */
  encoding = encode_document (self, data, size, &deflated, error);
  if (encoding == NULL)
    return 0;
  if (deflated != NULL)
    {
      data = deflated->data;
      size = deflated->len;
    }

  stmt = upp_sql_prepare_cached (self, "INSERT INTO document (sha256, kind, filename, imported,"
                                       " encoding, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  upp_sql_bind_text (stmt, 1, sha256);
  upp_sql_bind_text (stmt, 2, kind);
  upp_sql_bind_text (stmt, 3, filename);
  upp_sql_bind_text (stmt, 4, imported);
  upp_sql_bind_static_text (stmt, 5, encoding);
  sqlite3_bind_blob64 (stmt, 6, data, size, SQLITE_STATIC);
  if (!upp_sql_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/* Documents */

void
upp_document_info_free (UppDocumentInfo *self)
{
  if (self == NULL)
    return;
  g_free (self->kind);
  g_free (self->filename);
  g_free (self->sha256);
  g_free (self->imported);
  g_free (self->department);
  g_free (self->submitted);
  g_free (self);
}

/* A report's revision is not in the row: number_revisions() counts it. */
#define DOCUMENT_INFO_SQL                                                                 \
  "SELECT d.id, d.kind, d.filename, d.sha256, d.imported, r.department,"                  \
  " r.week,  r.submitted, p.revision,"                                                    \
  "  COALESCE (r.is_current, p.document_id = (SELECT document_id FROM package)),"         \
  "  p.decision, p.revision > (SELECT revision FROM package)"                              \
  " FROM document d"                                                                      \
  " LEFT JOIN report r ON r.document_id = d.id"                                           \
  " LEFT JOIN package_revision p ON p.document_id = d.id"

/* The reports of one department and week, latest first: in that order a
 * DOCUMENT_INFO_SQL query must give them, one after another. */
#define LATEST_FIRST " r.submitted_unix DESC, d.sha256 DESC"

static gboolean
same_report_week (const UppDocumentInfo *a,
                  const UppDocumentInfo *b)
{
  return g_strcmp0 (a->kind, "report") == 0 && g_strcmp0 (b->kind, "report") == 0 &&
         g_strcmp0 (a->department, b->department) == 0 && upp_week_compare (a->week, b->week) == 0;
}

/* A report's revision is its place among the reports of its department and
 * week by (submitted, SHA-256), as UPP_REPORT_REVISIONS counts it: @rows
 * hold each department's week's reports together, latest first, and are
 * numbered from the size of each run. (Counted here, not by SQLite's
 * row_number (), which would sort every report once more.) */
static void
number_revisions (GPtrArray *rows)
{
  guint start = 0;

  while (start < rows->len)
    {
      UppDocumentInfo *first = g_ptr_array_index (rows, start);
      guint end = start + 1;

      if (g_strcmp0 (first->kind, "report") != 0)
        {
          start++;
          continue;
        }
      while (end < rows->len && same_report_week (first, g_ptr_array_index (rows, end)))
        end++;
      for (guint i = start; i < end; i++)
        ((UppDocumentInfo *) g_ptr_array_index (rows, i))->revision = end - i;
      start = end;
    }
}

/* The rows of a DOCUMENT_INFO_SQL query, under the lock. */
static GPtrArray *
read_document_infos (sqlite3_stmt *stmt)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_info_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      UppDocumentInfo *info = g_new0 (UppDocumentInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->kind = upp_sql_column_text (stmt, 1);
      info->filename = upp_sql_column_text (stmt, 2);
      info->sha256 = upp_sql_column_text (stmt, 3);
      info->imported = upp_sql_column_text (stmt, 4);
      info->department = upp_sql_column_text (stmt, 5);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        info->week = upp_week_from_key (sqlite3_column_int (stmt, 6));
      info->submitted = upp_sql_column_text (stmt, 7);
      info->revision = sqlite3_column_int (stmt, 8);
      info->is_current = sqlite3_column_int (stmt, 9);
      info->refused = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 10), "refused") == 0;
      info->pending = !info->refused && sqlite3_column_type (stmt, 10) == SQLITE_NULL &&
                      sqlite3_column_int (stmt, 11);
      g_ptr_array_add (rows, info);
    }
  number_revisions (rows);
  return rows;
}

/**
 * upp_store_list_documents:
 * @self: a #UppStore
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppDocumentInfo): every stored
 *   document, packages first, then reports by week (latest first),
 *   department and revision; %NULL with @error set on failure
 */
GPtrArray *
upp_store_list_documents (UppStore  *self,
                          GError   **error)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows;

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, DOCUMENT_INFO_SQL
                          " ORDER BY d.kind = 'report', r.week DESC, r.department," LATEST_FIRST ","
                          "   p.revision DESC", error);
  if (stmt == NULL)
    {
      return NULL;
    }
  rows = read_document_infos (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  return rows;
}

/**
 * upp_store_list_reports:
 * @self: a #UppStore
 * @department: a department's code
 * @week: a week
 * @error: a #GError
 *
 * The revisions of one department's report for one week: what a form or
 * a correction looks for, without listing every document (one seek in the
 * report index).
 *
 * Returns: (transfer full) (element-type UppDocumentInfo): latest revision
 *   first; %NULL with @error set on failure
 */
GPtrArray *
upp_store_list_reports (UppStore    *self,
                        const char  *department,
                        UppWeek      week,
                        GError     **error)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);
  g_return_val_if_fail (department != NULL, NULL);

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, DOCUMENT_INFO_SQL
                          " WHERE r.department = ?1 AND r.week = ?2"
                          " ORDER BY" LATEST_FIRST, error);
  if (stmt == NULL)
    {
      return NULL;
    }
  upp_sql_bind_text (stmt, 1, department);
  sqlite3_bind_int (stmt, 2, upp_week_to_key (week));
  rows = read_document_infos (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  return rows;
}

/**
 * upp_store_get_reporting_departments:
 * @self: a #UppStore
 * @error: a #GError
 *
 * Returns: (transfer full): a set of the codes of the departments that
 *   have sent any report; %NULL with @error set on failure
 */
GHashTable *
upp_store_get_reporting_departments (UppStore  *self,
                                     GError   **error)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *set;

  g_return_val_if_fail (UPP_IS_STORE (self), NULL);

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, "SELECT DISTINCT department FROM report", error);
  if (stmt == NULL)
    {
      return NULL;
    }
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (set, upp_sql_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  return set;
}

/**
 * upp_store_get_document_bytes:
 * @self: a #UppStore
 * @id: a document id from upp_store_list_documents()
 * @error: a #GError
 *
 * Whatever the document is stored as (compressed since schema 6), this is
 * the bytes that were imported; a stored copy that does not decompress is
 * an error.
 *
 * Returns: (transfer full): the document exactly as imported, or %NULL
 *   with @error set
 */
GBytes *
upp_store_get_document_bytes (UppStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(UppStoreReading) conn = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *encoding = NULL;

  conn = upp_store_read_lock (self);
  stmt = upp_sql_prepare (conn, "SELECT encoding, bytes FROM document WHERE id = ?1", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          encoding = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          stored = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
        }
      else
        g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND, _("No document %lld"),
                     (long long) id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Inflated without the lock: other threads' queries need not wait. */
  if (stored == NULL)
    return NULL;
  return decode_document (id, encoding, g_bytes_get_data (stored, NULL), g_bytes_get_size (stored),
                          error);
}

/* upp-import.c — a batch in: parsed in parallel, stored in order, each file whole or not at all
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "upp-import-private.h"

/* How much lower than the window an import runs (nice 0 → 10). */
#define BACKGROUND_NICE 10

/* The documents a transaction stored are kept until it commits (to store
 * again if it must be taken back): a transaction ends after this many bytes
 * of them, as after FILES_PER_TRANSACTION files. */
#define BYTES_PER_TRANSACTION (64 * 1024 * 1024)

/* Batches */

void
upp_import_result_free (UppImportResult *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

static UppImportResult *
result_new (UppDocument *document)
{
  UppImportResult *result = g_new0 (UppImportResult, 1);

  result->path = g_strdup (document->path);
  result->kind = document->kind;
  result->problems = g_ptr_array_ref (document->problems);
  result->status = UPP_IMPORT_REJECTED;
  return result;
}

static UppImportStatus
status_from_outcome (UppStoreOutcome outcome)
{
  switch (outcome)
    {
    case UPP_STORE_ADDED: return UPP_IMPORT_IMPORTED;
    case UPP_STORE_DUPLICATE: return UPP_IMPORT_DUPLICATE;
    case UPP_STORE_SUPERSEDED: return UPP_IMPORT_SUPERSEDED;
    case UPP_STORE_KEPT_OLDER: return UPP_IMPORT_KEPT_OLDER;
    case UPP_STORE_PENDING: return UPP_IMPORT_PENDING;
    default:
      g_return_val_if_reached (UPP_IMPORT_REJECTED);
    }
}

/* Stores one valid document inside the batch's transaction. Carefully,
 * under a savepoint: a failure takes back this file only. Otherwise
 * without one (a savepoint copies every page the file changes, in case),
 * and a failure leaves the transaction half-written: then this returns
 * FALSE, and the caller takes back the whole transaction. */
static gboolean
store_document (UppStore        *store,
                UppDocument     *document,
                UppImportResult *result,
                gboolean         careful)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (document->path);
  UppStoreOutcome outcome = UPP_STORE_ADDED;
  gboolean ok;

  if (careful && !upp_store_savepoint (store, "document", &error))
    goto failed;

  if (document->package != NULL)
    ok = upp_store_add_package (store, document->package, document->bytes, document->sha256,
                                name, &outcome, &error);
  else
    ok = upp_store_add_report (store, document->report, document->bytes, document->sha256,
                               name, &outcome, &error);

  if (!ok && careful)
    upp_store_rollback_to (store, "document");
  if (!ok)
    goto failed;
  if (careful && !upp_store_release (store, "document", &error))
    {
      upp_store_rollback_to (store, "document");
      goto failed;
    }

  result->status = status_from_outcome (outcome);
  return TRUE;

failed:
  upp_add_problem (result->problems, g_strdup_printf ("%s: %s", document->path, error->message));
  result->status = UPP_IMPORT_REJECTED;
  return careful;
}

typedef struct
{
  UppStore      *store;
  GPtrArray     *files;
  guint          n_files;
  GHashTable    *known;          /* SHA-256 → kind, of the documents already stored */
  GCancellable  *cancellable;
  const char    *shared_folder;  /* (nullable): the files are from it; its folder rule holds */
  UppDocument  **documents;
  const char   **known_kind;     /* the stored document's kind, or NULL */
  gint          *claimed;        /* atomic: set by the thread that reads the file */
  gint           next;           /* atomic: the next file for a worker to claim */
  gboolean      *ready;
  /* Stored documents, for the workers to free: freeing tens of thousands
   * of texts is work the storing thread, the slowest, need not do. */
  GPtrArray     *garbage;
  gboolean       stored_all;
  /* Once the packages are stored, the definition in force, for the workers
   * to check reports against as the storing thread would; a new one (a
   * package stored later) has a new generation. Under @mutex. */
  guint          generation;
  UppPackage    *package;
  GHashTable    *actions;
  GPtrArray     *old_actions;    /* earlier @actions: a worker may still read one */
  GPtrArray     *old_packages;   /* and the definitions they point into */
  guint         *checked;        /* the generation a report was checked against, or 0 */
  GMutex         mutex;
  GCond          cond;
} Batch;

static gboolean
claim_file (Batch *batch,
            guint  index)
{
  return g_atomic_int_compare_and_exchange (&batch->claimed[index], 0, 1);
}

/* Checks a report against the definition in force, if the packages of the
 * batch are stored already: work the storing thread need not do. */
static void
check_report (Batch       *batch,
              guint        index,
              UppDocument *document)
{
  Checker checker = { document->path, document->problems };
  const UppPackage *package;
  GHashTable *actions;
  guint generation;

  g_mutex_lock (&batch->mutex);
  generation = batch->generation;
  package = batch->package;
  actions = batch->actions;
  g_mutex_unlock (&batch->mutex);
  if (generation == 0)
    return;
  upp_import_validate_report (&checker, document->report, package, actions);
  upp_checker_finish (&checker);
  batch->checked[index] = generation;
}

/* Whether two cached definitions are the same: a changed definition has a
 * higher revision. */
static gboolean
same_package (const UppPackage *a,
              const UppPackage *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->revision == b->revision && g_strcmp0 (a->code, b->code) == 0;
}

/* Makes the definition in force now the one reports are checked against. */
static void
publish_package (Batch    *batch,
                 UppStore *store)
{
  GHashTable *actions;
  UppPackage *package = upp_store_ref_package (store);

  actions = upp_import_index_actions (package);
  g_mutex_lock (&batch->mutex);
  if (batch->actions != NULL)
    g_ptr_array_add (batch->old_actions, batch->actions);
  if (batch->package != NULL)
    g_ptr_array_add (batch->old_packages, batch->package);
  batch->actions = actions;
  batch->package = package;
  batch->generation++;
  g_mutex_unlock (&batch->mutex);
}

/* Reads, hashes and parses a file this thread has claimed. */
static void
process_file (Batch *batch,
              guint  index)
{
  const char *path = g_ptr_array_index (batch->files, index);
  g_autoptr(GError) error = NULL;
  UppDocument *document = upp_document_new (path);

  document->bytes = upp_import_read_document_bytes (path, &error);
  if (document->bytes == NULL)
    upp_document_problem (document, error->message);
  else
    {
      /* A file the store already has is not parsed again: whatever it
       * says, importing it is a no-op. */
      document->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document->bytes);
      batch->known_kind[index] = g_hash_table_lookup (batch->known, document->sha256);
      if (batch->known_kind[index] == NULL && !g_cancellable_is_cancelled (batch->cancellable))
        upp_format_parse_document (document);
    }
  if (document->report != NULL && document->problems->len == 0)
    check_report (batch, index, document);
  /* A rejected file's bytes are not needed again: not kept while it waits
   * for the storing thread. */
  if (document->problems->len > 0)
    g_clear_pointer (&document->bytes, g_bytes_unref);

  g_mutex_lock (&batch->mutex);
  batch->documents[index] = document;
  batch->ready[index] = TRUE;
  g_cond_broadcast (&batch->cond);
  g_mutex_unlock (&batch->mutex);
}

/* Processes the next file in order that no thread has claimed; FALSE when
 * there is none left. */
static gboolean
process_next_file (Batch *batch)
{
  while ((guint) g_atomic_int_get (&batch->next) < batch->n_files)
    {
      guint index = g_atomic_int_add (&batch->next, 1);

      if (index < batch->n_files && claim_file (batch, index))
        {
          process_file (batch, index);
          return TRUE;
        }
    }
  return FALSE;
}

/* Frees what the storing thread is done with; with @wait, waits for more
 * until it has stored all. */
static void
free_garbage (Batch    *batch,
              gboolean  wait)
{
  g_mutex_lock (&batch->mutex);
  for (;;)
    {
      g_autoptr(GPtrArray) garbage = NULL;

      while (wait && batch->garbage->len == 0 && !batch->stored_all)
        g_cond_wait (&batch->cond, &batch->mutex);
      if (batch->garbage->len == 0)
        break;
      garbage = g_steal_pointer (&batch->garbage);
      batch->garbage = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_free);
      g_mutex_unlock (&batch->mutex);
      g_clear_pointer (&garbage, g_ptr_array_unref);
      g_mutex_lock (&batch->mutex);
      if (!wait)
        break;
    }
  g_mutex_unlock (&batch->mutex);
}

static gpointer
parse_thread (gpointer data)
{
  while (process_next_file (data))
    free_garbage (data, FALSE);
  free_garbage (data, TRUE);
  return NULL;
}

/* The first worker loads the package definition in force (which every
 * report is checked against) while the storing thread looks for packages
 * among the files: it is cached, and ready when the first report is. */
static gpointer
first_parse_thread (gpointer data)
{
  Batch *batch = data;
  UppPackage *package = upp_store_ref_package (batch->store);

  g_clear_pointer (&package, upp_package_unref);
  return parse_thread (data);
}

static gboolean
is_ready (Batch *batch,
          guint  index)
{
  gboolean ready;

  g_mutex_lock (&batch->mutex);
  ready = batch->ready[index];
  g_mutex_unlock (&batch->mutex);
  return ready;
}

/* The document of file @index, parsed: by this thread if no other has
 * begun it; and rather than wait idle, this thread parses others. */
static UppDocument *
wait_for_document (Batch *batch,
                   guint  index)
{
  while (!is_ready (batch, index))
    {
      if (claim_file (batch, index))
        process_file (batch, index);
      else if (!process_next_file (batch))
        {
          g_mutex_lock (&batch->mutex);
          while (!batch->ready[index])
            g_cond_wait (&batch->cond, &batch->mutex);
          g_mutex_unlock (&batch->mutex);
        }
    }
  return batch->documents[index];
}

#define FILES_PER_TRANSACTION 128

typedef struct
{
  UppStore          *store;
  GPtrArray         *results;
  UppPackage        *package;         /* what @actions indexes */
  GHashTable        *actions;
  gboolean           in_transaction;
  guint              in_this_transaction;
  /* What the open transaction stored, kept until it commits: to store
   * again if it must be taken back. */
  GPtrArray         *stored;          /* UppDocument */
  GArray            *stored_index;    /* guint, into @results */
  gsize              stored_bytes;    /* of @stored */
  gboolean           careful;         /* a savepoint per file, after a failure */
  guint              kept_problems;   /* in @results, against UPP_IMPORT_BATCH_PROBLEMS */
  UppImportProgress  progress;
  gpointer           user_data;
  guint              done;
  Batch             *batch;
} Writer;

/* The transaction is over: its documents go to the workers to free. */
static void
writer_forget_stored (Writer *writer)
{
  Batch *batch = writer->batch;

  g_mutex_lock (&batch->mutex);
  for (guint i = 0; i < writer->stored->len; i++)
    g_ptr_array_add (batch->garbage, g_steal_pointer (&writer->stored->pdata[i]));
  g_cond_broadcast (&batch->cond);
  g_mutex_unlock (&batch->mutex);
  g_ptr_array_set_size (writer->stored, 0);
  g_array_set_size (writer->stored_index, 0);
  writer->stored_bytes = 0;
}

static void
writer_commit (Writer *writer)
{
  g_autoptr(GError) error = NULL;

  if (!writer->in_transaction)
    return;
  if (!upp_store_commit (writer->store, &error))
    {
      /* Nothing of the transaction is stored: say so for each file. */
      for (guint i = 0; i < writer->stored->len; i++)
        {
          UppDocument *document = g_ptr_array_index (writer->stored, i);
          UppImportResult *result =
            g_ptr_array_index (writer->results, g_array_index (writer->stored_index, guint, i));

          upp_add_problem (result->problems,
                           g_strdup_printf ("%s: %s", document->path, error->message));
          result->status = UPP_IMPORT_REJECTED;
        }
    }
  writer_forget_stored (writer);
  writer->in_transaction = FALSE;
  writer->in_this_transaction = 0;
  writer->careful = FALSE;
}

/* What reports are checked against: the definition in force now. */
static void
writer_index_package (Writer *writer)
{
  g_clear_pointer (&writer->actions, g_hash_table_unref);
  g_clear_pointer (&writer->package, upp_package_unref);
  writer->package = upp_store_ref_package (writer->store);
  writer->actions = upp_import_index_actions (writer->package);
}

static gboolean
writer_begin (Writer  *writer,
              GError **error)
{
  if (writer->in_transaction)
    return TRUE;
  if (!upp_store_begin (writer->store, error))
    return FALSE;
  writer->in_transaction = TRUE;
  return TRUE;
}

/* A file failed half-way without a savepoint: takes back the transaction
 * and stores again, each under a savepoint now, what it held before. The
 * store is then as it was when they were first stored, so they are
 * stored the same. */
static void
writer_take_back (Writer *writer)
{
  g_autoptr(GPtrArray) stored = g_steal_pointer (&writer->stored);
  g_autoptr(GArray) stored_index = g_steal_pointer (&writer->stored_index);
  g_autoptr(GError) error = NULL;

  upp_store_rollback (writer->store);
  writer->in_transaction = FALSE;
  writer->in_this_transaction = 0;
  writer->careful = TRUE;
  g_clear_pointer (&writer->actions, g_hash_table_unref);
  g_clear_pointer (&writer->package, upp_package_unref);
  writer->stored = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_free);
  writer->stored_index = g_array_new (FALSE, FALSE, sizeof (guint));
  writer->stored_bytes = 0;

  for (guint i = 0; i < stored->len; i++)
    {
      UppDocument *document = g_ptr_array_index (stored, i);
      guint index = g_array_index (stored_index, guint, i);
      UppImportResult *result = g_ptr_array_index (writer->results, index);

      if (!writer_begin (writer, &error))
        {
          upp_add_problem (result->problems,
                           g_strdup_printf ("%s: %s", document->path, error->message));
          result->status = UPP_IMPORT_REJECTED;
          g_clear_error (&error);
          continue;
        }
      writer->in_this_transaction++;
      if (store_document (writer->store, document, result, TRUE) &&
          result->status != UPP_IMPORT_REJECTED)
        {
          stored->pdata[i] = NULL;
          writer->stored_bytes += g_bytes_get_size (document->bytes);
          g_ptr_array_add (writer->stored, document);
          g_array_append_val (writer->stored_index, index);
        }
    }
}

/* Counts @result's problems against UPP_IMPORT_BATCH_PROBLEMS; past it,
 * keeps only the first. */
static void
writer_keep_problems (Writer          *writer,
                      UppImportResult *result)
{
  GPtrArray *problems = result->problems;

  if (problems->len > 1 && writer->kept_problems + problems->len > UPP_IMPORT_BATCH_PROBLEMS)
    {
      result->problems = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (result->problems, g_steal_pointer (&problems->pdata[0]));
      upp_add_problem (result->problems,
                       g_strdup_printf (_("%s: more problems were not kept, as this import has "
                                          "many; check the file by itself to see them"),
                                        result->path));
      g_ptr_array_unref (problems);
    }
  writer->kept_problems += result->problems->len;
}

/* Validates one parsed document against the store and stores it, in
 * transactions of up to FILES_PER_TRANSACTION files; a package is
 * committed at once. Takes @document. */
static void
write_document (Writer       *writer,
                Batch        *batch,
                guint         index,
                GCancellable *cancellable)
{
  UppDocument *document = g_steal_pointer (&batch->documents[index]);
  UppStore *store = writer->store;
  UppImportResult *result;
  UppDocumentKind kind;
  g_autoptr(UppPackage) current = NULL;
  g_autoptr(GError) error = NULL;

  result = result_new (document);
  writer->results->pdata[index] = result;

  if (batch->known_kind[index] != NULL)
    {
      result->kind = g_str_equal (batch->known_kind[index], "package") ? UPP_DOCUMENT_PACKAGE
                                                                       : UPP_DOCUMENT_REPORT;
      result->status = UPP_IMPORT_DUPLICATE;
      goto done;
    }

  /* A shared folder may hold several packages' files: each database takes
   * its own package's, and leaves the rest without complaint (even those a
   * worker found not to be this package's). */
  if (batch->shared_folder != NULL && (document->package != NULL || document->report != NULL))
    {
      g_autoptr(UppPackage) following = upp_store_ref_package (store);
      const char *code = document->package != NULL ? document->package->code
                                                   : document->report->package;

      if (following != NULL && g_strcmp0 (code, following->code) != 0)
        {
          g_ptr_array_set_size (result->problems, 0);
          result->kind = document->kind;
          result->status = UPP_IMPORT_OTHER_PACKAGE;
          goto done;
        }
    }

  /* Only a package or a report can be stored; upp_format_parse_document() gives
   * anything else a problem, this makes sure of it. */
  if (document->package == NULL && document->report == NULL && document->problems->len == 0 &&
      document->bytes != NULL && !g_cancellable_is_cancelled (cancellable))
    upp_add_problem (result->problems, g_strdup_printf ("%s: %s", document->path,
                                                        _("is neither a package nor a report")));
  if (document->problems->len > 0 || g_cancellable_is_cancelled (cancellable) ||
      (document->package == NULL && document->report == NULL))
    {
      if (document->problems->len == 0)
        upp_add_problem (result->problems, g_strdup_printf ("%s: %s", document->path,
                                                            _("import cancelled")));
      goto done;
    }

  /* Packages change what reports are checked against: one at a time. */
  if (writer->actions == NULL || document->kind == UPP_DOCUMENT_PACKAGE)
    writer_index_package (writer);

  if (!writer_begin (writer, &error))
    {
      upp_add_problem (result->problems,
                       g_strdup_printf ("%s: %s", document->path, error->message));
      goto done;
    }
  /* Beginning may have waited for another writer: a cancel meanwhile
   * still means the files not yet stored stay out. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      upp_add_problem (result->problems, g_strdup_printf ("%s: %s", document->path,
                                                          _("import cancelled")));
      goto done;
    }

  kind = document->kind;
  /* A worker may have checked it against the definition in force. (If
   * another process imported a revision meanwhile, it was another.) */
  current = upp_store_ref_package (store);
  if (!same_package (writer->package, current))
    writer_index_package (writer);
  if (document->report == NULL || batch->checked[index] != batch->generation ||
      !same_package (batch->package, current))
    upp_import_validate_document (document, store, writer->package, writer->actions);
  if (batch->shared_folder != NULL)
    upp_import_check_origin (document, batch->shared_folder);
  if (document->problems->len == 0)
    {
      if (!store_document (store, document, result, writer->careful))
        writer_take_back (writer);
      else if (result->status != UPP_IMPORT_REJECTED)
        {
          /* Kept until the transaction commits. */
          writer->stored_bytes += g_bytes_get_size (document->bytes);
          g_ptr_array_add (writer->stored, g_steal_pointer (&document));
          g_array_append_val (writer->stored_index, index);
        }
    }
  /* A new package, or a rollback (which drops the store's cached
   * definition that @actions points into): index again. */
  if (kind == UPP_DOCUMENT_PACKAGE || result->status == UPP_IMPORT_REJECTED)
    {
      g_clear_pointer (&writer->actions, g_hash_table_unref);
      g_clear_pointer (&writer->package, upp_package_unref);
    }

  if (++writer->in_this_transaction >= FILES_PER_TRANSACTION || kind == UPP_DOCUMENT_PACKAGE ||
      writer->stored_bytes >= BYTES_PER_TRANSACTION)
    writer_commit (writer);
  /* A package stored among the reports: check the next ones against it. */
  if (kind == UPP_DOCUMENT_PACKAGE && batch->generation > 0)
    publish_package (batch, store);

done:
  g_clear_pointer (&document, upp_document_free);
  writer_keep_problems (writer, result);
  if (writer->progress != NULL)
    writer->progress (++writer->done, writer->results->len, writer->user_data);
}

static GPtrArray *import_batch (UppStore          *store,
                                GPtrArray         *files,
                                const char        *shared_folder,
                                UppImportProgress  progress,
                                gpointer           user_data,
                                GCancellable      *cancellable);

/* Orders the indexes of parsed package documents by revision (one that
 * did not parse first), then by position in the batch. */
static int
compare_revisions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  Batch *batch = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  const UppPackage *p = batch->documents[i]->package;
  const UppPackage *q = batch->documents[j]->package;
  int r = p != NULL ? p->revision : 0;
  int s = q != NULL ? q->revision : 0;

  if (r != s)
    return r < s ? -1 : 1;
  return i < j ? -1 : i > j;
}

/* The threads that parse besides the storing thread: one per processor
 * after the first, up to eight in all, or as many as UPP_IMPORT_THREADS
 * says in all (HACKING.md: on a machine shared with others, or to measure
 * one file at a time). */
static guint
count_parsing_threads (void)
{
  const char *text = g_getenv ("UPP_IMPORT_THREADS");
  guint64 n = MIN (g_get_num_processors (), 8);

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 64, &n, NULL))
    n = MIN (g_get_num_processors (), 8);
  return n - 1;
}

/**
 * upp_import_files:
 * @store: a #UppStore
 * @files: (element-type filename): files, e.g. from upp_import_collect_files()
 * @progress: (nullable) (scope call): called after each file is handled
 * @user_data: for @progress
 * @cancellable: (nullable): a #GCancellable; files not yet stored are
 *   rejected as cancelled
 *
 * Imports a batch: every file is read and parsed (in parallel), package
 * definitions are stored first, then reports, in the order of @files. A
 * file whose bytes the store has already is not parsed again. Each file is
 * stored whole or not at all.
 *
 * Returns: (transfer full) (element-type UppImportResult): one result per
 *   file, in the order of @files
 */
GPtrArray *
upp_import_files (UppStore          *store,
                  GPtrArray         *files,
                  UppImportProgress  progress,
                  gpointer           user_data,
                  GCancellable      *cancellable)
{
  return import_batch (store, files, NULL, progress, user_data, cancellable);
}

static GPtrArray *
import_batch (UppStore          *store,
              GPtrArray         *files,
              const char        *shared_folder,
              UppImportProgress  progress,
              gpointer           user_data,
              GCancellable      *cancellable)
{
  Batch batch = { 0 };
  Writer writer = { 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree gboolean *maybe_package = NULL;
  g_autofree gboolean *handled = NULL;
  g_autoptr(GArray) packages = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = files->len;
  /* Storing takes longer than parsing: this thread, which stores, keeps a
   * processor of its own, and parses only when it would wait. */
  guint n_threads = count_parsing_threads ();

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (files != NULL, NULL);

  batch.store = store;
  batch.files = files;
  batch.n_files = n;
  batch.cancellable = cancellable;
  batch.shared_folder = shared_folder;
  batch.known = upp_store_get_document_kinds (store);
  batch.documents = g_new0 (UppDocument *, n);
  batch.known_kind = g_new0 (const char *, n);
  batch.claimed = g_new0 (gint, n);
  batch.ready = g_new0 (gboolean, n);
  batch.garbage = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_free);
  batch.old_actions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  batch.old_packages = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_package_unref);
  batch.checked = g_new0 (guint, n);
  g_mutex_init (&batch.mutex);
  g_cond_init (&batch.cond);
  maybe_package = g_new0 (gboolean, n);
  handled = g_new0 (gboolean, n);

  for (guint i = 0; i < MIN (n_threads, n); i++)
    g_ptr_array_add (threads, g_thread_new ("upp-import", i == 0 ? first_parse_thread
                                                                 : parse_thread, &batch));

  writer.store = store;
  writer.batch = &batch;
  writer.stored = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_free);
  writer.stored_index = g_array_new (FALSE, FALSE, sizeof (guint));
  writer.results = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_import_result_free);
  g_ptr_array_set_size (writer.results, n);
  writer.progress = progress;
  writer.user_data = user_data;

  /* Which files may be packages, while the workers begin. */
  for (guint i = 0; i < n; i++)
    maybe_package[i] = upp_import_sniff_file (g_ptr_array_index (files, i), buffer);
  g_byte_array_set_size (buffer, 0);

  upp_store_begin_batch (store);
  /* Packages by revision: revisions count up one at a time, whatever
   * order the files come in. */
  for (guint i = 0; i < n; i++)
    if (maybe_package[i] && wait_for_document (&batch, i)->kind == UPP_DOCUMENT_PACKAGE &&
        batch.known_kind[i] == NULL)
      g_array_append_val (packages, i);
  g_array_sort_with_data (packages, compare_revisions, &batch);
  for (guint j = 0; j < packages->len; j++)
    {
      guint i = g_array_index (packages, guint, j);

      write_document (&writer, &batch, i, cancellable);
      handled[i] = TRUE;
    }
  publish_package (&batch, store);
  /* Then the rest in order. (A package here is one that changed since it
   * was looked at: stored as it comes.) */
  for (guint i = 0; i < n; i++)
    if (!handled[i])
      {
        wait_for_document (&batch, i);
        write_document (&writer, &batch, i, cancellable);
      }
  writer_commit (&writer);
  g_mutex_lock (&batch.mutex);
  batch.stored_all = TRUE;
  g_cond_broadcast (&batch.cond);
  g_mutex_unlock (&batch.mutex);
  upp_store_end_batch (store);

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_clear_pointer (&writer.actions, g_hash_table_unref);
  g_clear_pointer (&writer.package, upp_package_unref);
  g_ptr_array_unref (writer.stored);
  g_array_unref (writer.stored_index);
  g_hash_table_unref (batch.known);
  g_ptr_array_unref (batch.garbage);
  g_clear_pointer (&batch.actions, g_hash_table_unref);
  g_clear_pointer (&batch.package, upp_package_unref);
  g_ptr_array_unref (batch.old_actions);
  g_ptr_array_unref (batch.old_packages);
  g_free (batch.checked);
  g_free (batch.documents);
  g_free (batch.known_kind);
  g_free (batch.claimed);
  g_free (batch.ready);
  g_mutex_clear (&batch.mutex);
  g_cond_clear (&batch.cond);
  return writer.results;
}

typedef struct
{
  UppStore          *store;
  GPtrArray         *files;
  const char        *shared_folder;
  UppImportProgress  progress;
  gpointer           user_data;
  GCancellable      *cancellable;
  GPtrArray         *results;
} Background;

static gpointer
background_thread (gpointer data)
{
  Background *background = data;

#ifdef __linux__
  /* On Linux the nice value belongs to the thread, and the threads it
   * starts (the parsers) inherit it. */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), BACKGROUND_NICE) != 0)
    g_debug ("Could not lower the import's priority: %s", g_strerror (errno));
#endif
  background->results = import_batch (background->store, background->files,
                                      background->shared_folder, background->progress,
                                      background->user_data, background->cancellable);
  return NULL;
}

/**
 * upp_import_files_in_background:
 * @store: a #UppStore
 * @files: (element-type filename): the files
 * @progress: (nullable) (scope call): called after each file
 * @user_data: for @progress
 * @cancellable: (nullable): a #GCancellable
 *
 * upp_import_files() in threads of a lower priority, waiting for them: for
 * an import nobody waits on at the screen (the window's, the watched
 * folder's). On two cores, an import that parses and stores at full speed
 * otherwise leaves the window's thread, and the thread in which pango
 * matches fonts for it, waiting 100–200 ms at a time to run. Call it from
 * a worker thread.
 *
 * Returns: (transfer full) (element-type UppImportResult): as for
 *   upp_import_files()
 */
GPtrArray *
upp_import_files_in_background (UppStore          *store,
                                GPtrArray         *files,
                                UppImportProgress  progress,
                                gpointer           user_data,
                                GCancellable      *cancellable)
{
  Background background = { store, files, NULL, progress, user_data, cancellable, NULL };

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (files != NULL, NULL);

  g_thread_join (g_thread_new ("upp-import", background_thread, &background));
  return background.results;
}

/**
 * upp_import_shared_files:
 * @store: a #UppStore
 * @shared_folder: the shared folder the files were found in
 * @files: (element-type filename): files in its subfolders
 * @cancellable: (nullable): a #GCancellable
 *
 * As upp_import_files_in_background(), for files from the shared folder,
 * where anyone may write: its folder rule holds (docs/security.md). A
 * report is taken only from the folder of its department, a package
 * revision only from leadership's folder (%UPP_LEADERSHIP_FOLDER); the
 * share's access rights decide who may write there.
 *
 * Returns: (transfer full) (element-type UppImportResult): as for
 *   upp_import_files()
 */
GPtrArray *
upp_import_shared_files (UppStore     *store,
                         const char   *shared_folder,
                         GPtrArray    *files,
                         GCancellable *cancellable)
{
  Background background = { store, files, shared_folder, NULL, NULL, cancellable, NULL };

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (shared_folder != NULL, NULL);
  g_return_val_if_fail (files != NULL, NULL);

  g_thread_join (g_thread_new ("upp-import", background_thread, &background));
  return background.results;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_task_return_pointer (task,
                         upp_import_files_in_background (source_object, task_data, NULL, NULL,
                                                         cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

/**
 * upp_import_files_async:
 * @store: a #UppStore
 * @files: (element-type filename): the files
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the batch is done
 * @user_data: for @callback
 *
 * Runs upp_import_files() in a worker thread.
 */
void
upp_import_files_async (UppStore            *store,
                        GPtrArray           *files,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UPP_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_import_files_async);
  g_task_set_task_data (task, g_ptr_array_ref (files), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, import_thread);
}

/**
 * upp_import_files_finish:
 * @store: a #UppStore
 * @result: the #GAsyncResult given to the callback
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppImportResult): one result per file
 */
GPtrArray *
upp_import_files_finish (UppStore      *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_import_files_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
upp_import_status_get_label (UppImportStatus status)
{
  switch (status)
    {
    case UPP_IMPORT_IMPORTED: return _("imported");
    case UPP_IMPORT_DUPLICATE: return _("already imported");
    case UPP_IMPORT_SUPERSEDED: return _("imported, supersedes an earlier revision");
    case UPP_IMPORT_KEPT_OLDER: return _("kept, a later revision counts");
    case UPP_IMPORT_PENDING: return _("kept for review: the revision takes effect when accepted");
    case UPP_IMPORT_OTHER_PACKAGE: return _("another action package’s, left for its own database");
    case UPP_IMPORT_REJECTED: return _("rejected");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * upp_import_result_format:
 * @result: a result
 *
 * Returns: (transfer full): one line per file, “FILE: imported”, or the
 *   problems of a rejected file, one per line
 */
char *
upp_import_result_format (const UppImportResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (result->status != UPP_IMPORT_REJECTED)
    {
      g_string_printf (text, "%s: %s", result->path, upp_import_status_get_label (result->status));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint i = 0; i < result->problems->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (result->problems, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

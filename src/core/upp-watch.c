/* upp-watch.c — an inbox folder that imports the reports dropped into it
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-watch"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "upp-blocking.h"
#include "upp-error.h"
#include "upp-import.h"
#include "upp-watch.h"

/* A file counts as written when its size and modification time have not
 * changed for this long: a report copied over a network share arrives in
 * pieces, and must not be read half-way. */
#define SETTLE_USEC (1 * G_USEC_PER_SEC)
#define POLL_MSEC 250
/* The folder is listed again this often: the monitor sees no files in its
 * subfolders, and on a network share none that other computers write. */
#define RESCAN_MSEC (15 * 1000)

/* The folder is usually a network share: listing it and stat()ing its files
 * can take as long as the server likes. The main thread therefore only
 * collects the names the monitor reports; a worker ("a round") lists the
 * folder the first time, stats what is pending, and imports what has
 * settled. One round runs at a time. A round holds no reference to the
 * watch, so dropping the watch cancels the round and stops its import. */

struct _UppWatch
{
  GObject       parent_instance;

  /* owned */
  UppStore     *store;
  GFile        *folder;
  GFileMonitor *monitor;
  GHashTable   *pending;    /* path → FileState; owned by the running round while it runs */
  GHashTable   *arrived;    /* paths the monitor reported during a round (a set) */
  GHashTable   *handled;    /* path → FileState of files imported; owned by the running round */
  gint64        last_scan;
  GCancellable *cancellable;
  guint         poll_id;
  gboolean      round_running;
  gboolean      scanned;
};

typedef struct
{
  goffset size;
  gint64  mtime;
  gint64  unchanged_since;
} FileState;

typedef struct
{
  UppStore   *store;
  char       *folder;
  GHashTable *pending;      /* path → FileState, in and out */
  GHashTable *handled;      /* path → FileState as imported, in and out */
  gboolean    scan;         /* list the folder first */
  char       *failure;      /* out: why the folder could not be listed */
} Round;

enum { IMPORTED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UppWatch, upp_watch, G_TYPE_OBJECT)

static void schedule_round (UppWatch *self);

static gboolean
is_candidate (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  /* Editors and copy tools write hidden temporary files first. */
  return name[0] != '.' && g_str_has_suffix (name, ".json");
}

static GHashTable *
pending_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
pending_add (GHashTable *pending,
             const char *path)
{
  if (is_candidate (path) && !g_hash_table_contains (pending, path))
    g_hash_table_insert (pending, g_strdup (path), g_new0 (FileState, 1));
}

static void
round_free (Round *round)
{
  g_clear_object (&round->store);
  g_free (round->folder);
  g_clear_pointer (&round->pending, g_hash_table_unref);
  g_clear_pointer (&round->handled, g_hash_table_unref);
  g_free (round->failure);
  g_free (round);
}

/* Worker thread. */
static gboolean
file_is_settled (const char *path,
                 FileState  *state,
                 gint64      now)
{
  GStatBuf st;

  upp_blocking_check ("A look at the shared folder");
  /* The file itself: a link is not followed (the import refuses it). */
  if (g_lstat (path, &st) != 0)
    return FALSE;
  if (st.st_size != state->size || (gint64) st.st_mtime != state->mtime ||
      state->unchanged_since == 0)
    {
      state->size = st.st_size;
      state->mtime = st.st_mtime;
      state->unchanged_since = now;
      return FALSE;
    }
  return now - state->unchanged_since >= SETTLE_USEC;
}

/* Whether @path is new, or changed since it was imported. Worker thread. */
static gboolean
is_new_or_changed (Round      *round,
                   const char *path)
{
  FileState *seen = g_hash_table_lookup (round->handled, path);
  GStatBuf st;

  if (seen == NULL)
    return TRUE;
  return g_lstat (path, &st) != 0 || st.st_size != seen->size || (gint64) st.st_mtime != seen->mtime;
}

static void
scan_one (Round      *round,
          const char *folder,
          gboolean    top)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &error);
  if (dir == NULL && top)
    round->failure = g_strdup (error->message);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf st;

      /* A department's folder, or leadership's: one level, and never
       * through a link. */
      if (top && name[0] != '.' && g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
        scan_one (round, path, FALSE);
      else if (is_candidate (path) && is_new_or_changed (round, path))
        pending_add (round->pending, path);
    }
}

/* The folder and its subfolders, for files that arrived while nobody
 * watched, or that the monitor cannot see. Worker thread. */
static void
scan_folder (Round *round)
{
  upp_blocking_check ("Listing the shared folder");
  scan_one (round, round->folder, TRUE);
}

static void
round_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Round *round = task_data;
  g_autoptr(GPtrArray) ready = g_ptr_array_new_with_free_func (g_free);
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer path, state;

  if (round->scan)
    scan_folder (round);

  g_hash_table_iter_init (&iter, round->pending);
  while (g_hash_table_iter_next (&iter, &path, &state) &&
         !g_cancellable_is_cancelled (cancellable))
    {
      GStatBuf st;

      if (g_lstat (path, &st) != 0)
        g_hash_table_iter_remove (&iter);
      else if (file_is_settled (path, state, now))
        {
          g_ptr_array_add (ready, g_strdup (path));
          g_hash_table_insert (round->handled, g_strdup (path),
                               g_memdup2 (state, sizeof (FileState)));
          g_hash_table_iter_remove (&iter);
        }
    }

  if (ready->len == 0 || g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task,
                         upp_import_shared_files (round->store, round->folder, ready, cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
round_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(UppWatch) self = g_weak_ref_get (user_data);
  Round *round = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer path, state;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  if (self == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  /* What is still settling, and what the monitor reported meanwhile. */
  self->round_running = FALSE;
  /* A reference, not a steal: the task (and the round with it) may be
   * freed in the worker's thread. */
  g_clear_pointer (&self->pending, g_hash_table_unref);
  self->pending = g_hash_table_ref (round->pending);
  g_clear_pointer (&self->handled, g_hash_table_unref);
  self->handled = g_hash_table_ref (round->handled);
  g_hash_table_iter_init (&iter, self->arrived);
  while (g_hash_table_iter_next (&iter, &path, &state))
    pending_add (self->pending, path);
  g_hash_table_remove_all (self->arrived);

  if (round->failure != NULL)
    g_signal_emit (self, signals[FAILED], 0, round->failure);
  if (results != NULL)
    g_signal_emit (self, signals[IMPORTED], 0, results);
  schedule_round (self);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static gboolean
poll_pending (gpointer user_data)
{
  UppWatch *self = user_data;
  g_autoptr(GTask) task = NULL;
  GWeakRef *ref;
  Round *round;

  self->poll_id = 0;
  if (self->round_running)
    return G_SOURCE_REMOVE;

  round = g_new0 (Round, 1);
  round->store = g_object_ref (self->store);
  round->folder = g_file_get_path (self->folder);
  round->pending = g_steal_pointer (&self->pending);
  round->handled = g_steal_pointer (&self->handled);
  round->scan = !self->scanned ||
                g_get_monotonic_time () - self->last_scan >= RESCAN_MSEC * (gint64) 1000;
  if (round->scan)
    self->last_scan = g_get_monotonic_time ();
  self->scanned = TRUE;
  self->handled = pending_new ();
  self->pending = pending_new ();
  self->round_running = TRUE;

  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, self->cancellable, round_done, ref);
  g_task_set_source_tag (task, poll_pending);
  g_task_set_task_data (task, round, (GDestroyNotify) round_free);
  /* The result is wanted even when cancelled: it carries the pending set. */
  g_task_set_check_cancellable (task, FALSE);
  g_object_set_data_full (G_OBJECT (task), "watch", ref, (GDestroyNotify) weak_ref_free);
  g_task_run_in_thread (task, round_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_round (UppWatch *self)
{
  if (self->poll_id != 0 || self->round_running)
    return;
  /* Nothing settling: the next look is the next scan. */
  if (self->scanned && g_hash_table_size (self->pending) == 0)
    self->poll_id = g_timeout_add (RESCAN_MSEC, poll_pending, self);
  else
    self->poll_id = g_timeout_add (self->scanned ? POLL_MSEC : 0, poll_pending, self);
}

/* A new folder (a department's, moved or made) is listed at the next
 * round, not at the next scan. */
static void
scan_soon (UppWatch *self)
{
  self->last_scan = G_MININT64 / 2;
  if (self->round_running)
    return;
  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->poll_id = g_timeout_add (POLL_MSEC, poll_pending, self);
}

static void
add_pending (UppWatch   *self,
             const char *path)
{
  if (!is_candidate (path))
    {
      scan_soon (self);
      return;
    }
  if (self->round_running)
    g_hash_table_add (self->arrived, g_strdup (path));
  else
    pending_add (self->pending, path);
  schedule_round (self);
}

static void
on_changed (GFileMonitor      *monitor,
            GFile             *file,
            GFile             *other_file,
            GFileMonitorEvent  event,
            UppWatch          *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      add_pending (self, g_file_peek_path (file));
      break;
    case G_FILE_MONITOR_EVENT_RENAMED:
      if (other_file != NULL)
        add_pending (self, g_file_peek_path (other_file));
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

static void
upp_watch_dispose (GObject *object)
{
  UppWatch *self = UPP_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (upp_watch_parent_class)->dispose (object);
}

static void
upp_watch_finalize (GObject *object)
{
  UppWatch *self = UPP_WATCH (object);

  g_clear_object (&self->folder);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->handled, g_hash_table_unref);
  g_hash_table_unref (self->arrived);

  G_OBJECT_CLASS (upp_watch_parent_class)->finalize (object);
}

static void
upp_watch_class_init (UppWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upp_watch_dispose;
  object_class->finalize = upp_watch_finalize;

  /**
   * UppWatch::imported:
   * @self: the watch
   * @results: (element-type UppImportResult): what happened to each file
   *
   * Emitted in the main context after each batch of settled files.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * UppWatch::failed:
   * @self: the watch
   * @message: why the folder could not be read (gone, not a folder, the
   *   share unreachable)
   *
   * Emitted in the main context when the folder could not be listed.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
upp_watch_init (UppWatch *self)
{
  self->pending = pending_new ();
  self->handled = pending_new ();
  self->arrived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/* Starts watching with @monitor, made for @folder. */
static UppWatch *
watch_new_with_monitor (UppStore     *store,
                        GFile        *folder,
                        GFileMonitor *monitor)
{
  UppWatch *self = g_object_new (UPP_TYPE_WATCH, NULL);

  self->store = g_object_ref (store);
  self->folder = g_object_ref (folder);
  self->monitor = g_object_ref (monitor);
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_changed), self);
  schedule_round (self);
  return self;
}

/* Registering the folder with inotify looks its path up: on a network
 * share, as long as the server likes. */
static GFileMonitor *
monitor_folder (GFile   *folder,
                GError **error)
{
  upp_blocking_check ("Watching the shared folder");
  return g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
}

/**
 * upp_watch_new:
 * @store: the store to import into
 * @folder: the folder to watch
 * @error: a #GError
 *
 * Watches @folder and imports every `*.json` file that appears in it (and
 * those already there) once it has stopped growing. Runs in the thread-
 * default main context; listing the folder, checking files and importing
 * run in a worker thread. Dropping the last reference stops a running
 * import: what it committed stays, the rest is left for the next watch.
 * A folder that cannot be read is reported by #UppWatch::failed.
 *
 * Registering the folder for change notifications waits for the folder's
 * file system; a thread that must not wait uses upp_watch_new_async().
 *
 * Returns: (transfer full): the watch, or %NULL with @error set
 */
UppWatch *
upp_watch_new (UppStore    *store,
               const char  *folder,
               GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileMonitor) monitor = NULL;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  /* The folder itself is looked at by the first round, in the worker: on
   * a network share, even that can take long. */
  file = g_file_new_for_path (folder);
  monitor = monitor_folder (file, error);
  if (monitor == NULL)
    return NULL;
  return watch_new_with_monitor (store, file, monitor);
}

typedef struct
{
  UppStore *store;
  GFile    *folder;
} Creation;

static void
creation_free (Creation *creation)
{
  g_object_unref (creation->store);
  g_object_unref (creation->folder);
  g_free (creation);
}

static void
monitor_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Creation *creation = task_data;
  GError *error = NULL;
  GFileMonitor *monitor = monitor_folder (creation->folder, &error);

  if (monitor == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, monitor, g_object_unref);
}

/**
 * upp_watch_new_async:
 * @store: the store to import into
 * @folder: the folder to watch
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when the watch is
 *   made
 * @user_data: for @callback
 *
 * As upp_watch_new(), with the folder registered for change notifications
 * in a worker thread. The watch runs in the global default main context,
 * which must be the caller's (it is the GUI's): the notifications are
 * delivered to the context of the thread that registered the folder.
 */
void
upp_watch_new_async (UppStore            *store,
                     const char          *folder,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Creation *creation;

  g_return_if_fail (UPP_IS_STORE (store));
  g_return_if_fail (folder != NULL);
  g_return_if_fail (g_main_context_get_thread_default () == NULL ||
                    g_main_context_get_thread_default () == g_main_context_default ());

  creation = g_new0 (Creation, 1);
  creation->store = g_object_ref (store);
  creation->folder = g_file_new_for_path (folder);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_watch_new_async);
  g_task_set_task_data (task, creation, (GDestroyNotify) creation_free);
  g_task_run_in_thread (task, monitor_thread);
}

/**
 * upp_watch_new_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: a #GError
 *
 * Returns: (transfer full): the watch, or %NULL with @error set (also
 *   when it was cancelled)
 */
UppWatch *
upp_watch_new_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_autoptr(GFileMonitor) monitor = NULL;
  Creation *creation;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_watch_new_async, NULL);

  monitor = g_task_propagate_pointer (G_TASK (result), error);
  if (monitor == NULL)
    return NULL;
  creation = g_task_get_task_data (G_TASK (result));
  return watch_new_with_monitor (creation->store, creation->folder, monitor);
}

/**
 * upp_watch_rescan:
 * @self: a #UppWatch
 *
 * Lists the folder and its subfolders again at once, instead of at the
 * next regular scan: what a user asks for who knows a file is there.
 */
void
upp_watch_rescan (UppWatch *self)
{
  g_return_if_fail (UPP_IS_WATCH (self));
  scan_soon (self);
}

const char *
upp_watch_get_folder (UppWatch *self)
{
  g_return_val_if_fail (UPP_IS_WATCH (self), NULL);
  return g_file_peek_path (self->folder);
}

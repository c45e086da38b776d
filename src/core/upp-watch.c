/* upp-watch.c — an inbox folder that imports the reports dropped into it
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-watch"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "upp-error.h"
#include "upp-import.h"
#include "upp-watch.h"

/* A file counts as written when its size and modification time have not
 * changed for this long: a report copied over a network share arrives in
 * pieces, and must not be read half-way. */
#define SETTLE_USEC (1 * G_USEC_PER_SEC)
#define POLL_MSEC 250

struct _UppWatch
{
  GObject       parent_instance;

  /* owned */
  UppStore     *store;
  GFile        *folder;
  GFileMonitor *monitor;
  GHashTable   *pending;    /* path → FileState */
  GCancellable *cancellable;
  guint         poll_id;
  gboolean      importing;
};

typedef struct
{
  goffset size;
  gint64  mtime;
  gint64  unchanged_since;
} FileState;

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UppWatch, upp_watch, G_TYPE_OBJECT)

static gboolean poll_pending (gpointer user_data);

static gboolean
is_candidate (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  /* Editors and copy tools write hidden temporary files first. */
  return name[0] != '.' && g_str_has_suffix (name, ".json");
}

static void
add_pending (UppWatch   *self,
             const char *path)
{
  if (!is_candidate (path))
    return;
  if (!g_hash_table_contains (self->pending, path))
    g_hash_table_insert (self->pending, g_strdup (path), g_new0 (FileState, 1));
  if (self->poll_id == 0)
    self->poll_id = g_timeout_add (POLL_MSEC, poll_pending, self);
}

static gboolean
file_is_settled (const char *path,
                 FileState  *state,
                 gint64      now)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
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

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(UppWatch) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  self->importing = FALSE;
  results = upp_import_files_finish (UPP_STORE (source), result, &error);
  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Import from %s failed: %s", g_file_peek_path (self->folder), error->message);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, results);
  if (g_hash_table_size (self->pending) > 0 && self->poll_id == 0)
    self->poll_id = g_timeout_add (POLL_MSEC, poll_pending, self);
}

static gboolean
poll_pending (gpointer user_data)
{
  UppWatch *self = user_data;
  g_autoptr(GPtrArray) ready = g_ptr_array_new_with_free_func (g_free);
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer path, state;

  if (self->importing)
    return G_SOURCE_CONTINUE;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &path, &state))
    {
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_hash_table_iter_remove (&iter);
      else if (file_is_settled (path, state, now))
        {
          g_ptr_array_add (ready, g_strdup (path));
          g_hash_table_iter_remove (&iter);
        }
    }

  if (ready->len > 0)
    {
      self->importing = TRUE;
      upp_import_files_async (self->store, ready, self->cancellable, import_done,
                              g_object_ref (self));
    }

  if (g_hash_table_size (self->pending) == 0)
    {
      self->poll_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
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

/* Files that arrived while nobody watched: the same files again are no-ops
 * for the store, so a full scan at start is cheap and safe. */
static void
scan_folder (UppWatch *self)
{
  g_autoptr(GDir) dir = g_dir_open (g_file_peek_path (self->folder), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (g_file_peek_path (self->folder), name, NULL);
      add_pending (self, path);
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
  g_hash_table_unref (self->pending);

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
}

static void
upp_watch_init (UppWatch *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cancellable = g_cancellable_new ();
}

/**
 * upp_watch_new:
 * @store: the store to import into
 * @folder: the folder to watch
 * @error: a #GError
 *
 * Watches @folder and imports every `*.json` file that appears in it (and
 * those already there) once it has stopped growing. Runs in the thread-
 * default main context; the imports run in a worker thread.
 *
 * Returns: (transfer full): the watch, or %NULL with @error set
 */
UppWatch *
upp_watch_new (UppStore    *store,
               const char  *folder,
               GError     **error)
{
  g_autoptr(UppWatch) self = NULL;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("%s is not a folder"), folder);
      return NULL;
    }

  self = g_object_new (UPP_TYPE_WATCH, NULL);
  self->store = g_object_ref (store);
  self->folder = g_file_new_for_path (folder);
  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return NULL;
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_changed), self);
  scan_folder (self);

  return g_steal_pointer (&self);
}

const char *
upp_watch_get_folder (UppWatch *self)
{
  g_return_val_if_fail (UPP_IS_WATCH (self), NULL);
  return g_file_peek_path (self->folder);
}

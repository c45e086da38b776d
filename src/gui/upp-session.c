/* upp-session.c — what the window presents: a store, a week, filters
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-session"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-demo.h"
#include "upp-import.h"
#include "upp-store-monitor.h"
#include "upp-session.h"
#include "upp-watch.h"

/* The session owns every piece of state the window shows and does every
 * blocking thing in a worker thread: opening the store, the queries of a
 * week (one UppDashboard), the detail of the selected action, imports and
 * notes. Widgets only read it and listen to its notifications. */

struct _UppSession
{
  GObject           parent_instance;

  /* owned */
  UppStore         *store;
  char             *error;
  UppDashboard     *dashboard;
  UppActionDetails *details;
  UppActionFilter   filter;
  char             *selected_action;
  char             *reports_folder;
  UppWatch         *watch;
  UppStoreMonitor  *monitor;          /* another program's commits */
  GPtrArray        *last_results;
  GQueue            import_queue;      /* GPtrArray of paths: imports waiting their turn */
  GCancellable     *cancellable;
  GCancellable     *import_cancellable;
  GCancellable     *watch_cancellable;  /* the watch being made, or NULL */

  GDate             today_date;
  UppWeek           today;
  UppWeek           week;
  guint             load_generation;
  guint             details_generation;
  guint             n_busy;
  guint             import_done;
  guint             import_total;
  guint             loading : 1;
  guint             importing : 1;
};

G_DEFINE_FINAL_TYPE (UppSession, upp_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ERROR,
  PROP_LOADING,
  PROP_BUSY,
  PROP_DASHBOARD,
  PROP_WEEK_KEY,
  PROP_TODAY_KEY,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  PROP_DEPARTMENT,
  PROP_STATE_FILTER,
  PROP_GOAL,
  PROP_SEARCH,
  PROP_SELECTED_ACTION,
  PROP_DETAILS,
  PROP_IMPORTING,
  PROP_IMPORT_DONE,
  PROP_IMPORT_TOTAL,
  PROP_IMPORTS_WAITING,
  PROP_REPORTS_FOLDER,
  N_PROPS
};

enum {
  FILTER_CHANGED,
  IMPORTED,
  IMPORT_STOPPED,
  NOTE_SAVED,
  FAILED,
  IMPORT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void reload (UppSession *self);
static void load_details (UppSession *self);
static void queue_import (UppSession *self,
                          GPtrArray  *paths);
static void start_next_import (UppSession *self);
static void update_watch (UppSession *self);

static void
hold_busy (UppSession *self)
{
  if (self->n_busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
release_busy (UppSession *self)
{
  g_assert (self->n_busy > 0);
  if (--self->n_busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_error (UppSession *self,
           const char *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
notify_week (UppSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEK_KEY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

/* Opening */

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UppSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) store = upp_store_open_finish (result, &error);

  release_busy (self);
  if (store == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->loading = FALSE;
          set_error (self, error->message);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
        }
      return;
    }

  /* The window never waits for the database: a query on its thread is a
   * programmer's error, caught where it is made. */
  upp_store_check_blocking (store);
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_clear_object (&self->monitor);
  self->monitor = upp_store_monitor_new (store);
  g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (reload), self);
  update_watch (self);
  reload (self);
  start_next_import (self);
}

/**
 * upp_session_open:
 * @self: a #UppSession
 * @path: the database file
 *
 * Opens @path in a worker thread, then loads the dashboard of the current
 * week. #UppSession:loading is %TRUE until the first dashboard is there;
 * #UppSession:error says what went wrong, if anything did.
 */
void
upp_session_open (UppSession *self,
                  const char *path)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  g_return_if_fail (path != NULL);

  set_error (self, NULL);
  if (!self->loading)
    {
      self->loading = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  hold_busy (self);
  upp_store_open_async (path, self->cancellable, open_done, g_object_ref (self));
}

/* The dashboard of the week */

typedef struct
{
  UppStore *store;
  UppWeek   week;
  GDate     today;
  char     *code;
  char     *text;
  GPtrArray *paths;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_clear_object (&data->store);
  g_free (data->code);
  g_free (data->text);
  g_clear_pointer (&data->paths, g_ptr_array_unref);
  g_free (data);
}

static TaskData *
task_data_new (UppSession *self)
{
  TaskData *data = g_new0 (TaskData, 1);

  data->store = g_object_ref (self->store);
  data->week = self->week;
  data->today = self->today_date;
  return data;
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(GError) error = NULL;
  UppDashboard *dashboard;

  dashboard = upp_dashboard_load (data->store, data->week, &data->today, &error);
  if (dashboard == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dashboard, (GDestroyNotify) upp_dashboard_unref);
}

static void
reload_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  UppSession *self = UPP_SESSION (source);
  g_autoptr(UppDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = GPOINTER_TO_UINT (user_data);

  dashboard = g_task_propagate_pointer (G_TASK (result), &error);
  release_busy (self);
  if (generation != self->load_generation)
    return;

  self->loading = FALSE;
  if (dashboard == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  /* A database whose package starts after "today" opens on its first week. */
  if (!upp_dashboard_is_empty (dashboard) &&
      upp_week_compare (self->week, dashboard->first_week) < 0)
    {
      g_clear_pointer (&self->dashboard, upp_dashboard_unref);
      self->dashboard = g_steal_pointer (&dashboard);
      upp_session_set_week (self, self->dashboard->first_week);
      return;
    }

  g_clear_pointer (&self->dashboard, upp_dashboard_unref);
  self->dashboard = g_steal_pointer (&dashboard);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DASHBOARD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  notify_week (self);
  load_details (self);
}

static void
reload (UppSession *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL)
    return;

  self->load_generation++;
  if (!self->loading)
    {
      self->loading = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  hold_busy (self);
  task = g_task_new (self, self->cancellable, reload_done,
                     GUINT_TO_POINTER (self->load_generation));
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, task_data_new (self), (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, reload_thread);
}

/* The selected action */

static void
details_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(GError) error = NULL;
  UppActionDetails *details;

  details = upp_action_details_load (data->store, data->code, data->week, &error);
  if (details == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, details, (GDestroyNotify) upp_action_details_unref);
}

static void
details_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  UppSession *self = UPP_SESSION (source);
  g_autoptr(UppActionDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  guint generation = GPOINTER_TO_UINT (user_data);

  details = g_task_propagate_pointer (G_TASK (result), &error);
  release_busy (self);
  if (generation != self->details_generation)
    return;
  if (details == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }

  g_clear_pointer (&self->details, upp_action_details_unref);
  self->details = g_steal_pointer (&details);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
}

static void
load_details (UppSession *self)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  self->details_generation++;
  if (self->selected_action == NULL || self->store == NULL)
    {
      if (self->details != NULL)
        {
          g_clear_pointer (&self->details, upp_action_details_unref);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
        }
      return;
    }

  hold_busy (self);
  data = task_data_new (self);
  data->code = g_strdup (self->selected_action);
  task = g_task_new (self, self->cancellable, details_done,
                     GUINT_TO_POINTER (self->details_generation));
  g_task_set_source_tag (task, load_details);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, details_thread);
}

/* Notes */

static void
note_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!upp_store_set_note (data->store, data->code, data->week, data->text, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
note_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  UppSession *self = UPP_SESSION (source);
  TaskData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  release_busy (self);
  if (ok && self->details != NULL && g_strcmp0 (self->details->code, data->code) == 0 &&
      upp_week_compare (self->details->week, data->week) == 0)
    {
      g_free (self->details->note);
      self->details->note = data->text != NULL && *data->text != '\0' ? g_strdup (data->text)
                                                                      : NULL;
    }
  g_signal_emit (self, signals[NOTE_SAVED], 0, data->code, ok,
                 error != NULL ? error->message : NULL);
}

/**
 * upp_session_save_note:
 * @self: a #UppSession
 * @code: the action
 * @week: the week the note is for
 * @text: (nullable): the note; empty removes it
 *
 * Stores the leadership note in a worker thread, then emits
 * #UppSession::note-saved.
 */
void
upp_session_save_note (UppSession *self,
                       const char *code,
                       UppWeek     week,
                       const char *text)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (UPP_IS_SESSION (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (self->store != NULL);

  hold_busy (self);
  data = task_data_new (self);
  data->code = g_strdup (code);
  data->week = week;
  data->text = g_strdup (text);
  task = g_task_new (self, NULL, note_done, NULL);
  g_task_set_source_tag (task, upp_session_save_note);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, note_thread);
}

/**
 * upp_session_reload:
 * @self: a #UppSession
 *
 * Loads the dashboard again, after something the session did not do
 * itself changed the database (a decision, another program's import).
 */
void
upp_session_reload (UppSession *self)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  reload (self);
}

/* Imports */

/* Shared between the main thread and the import threads: the importer
 * calls back after every file, from whichever thread read it, so the
 * numbers go through atomics and at most one idle is queued at a time —
 * 2,000 files must not mean 2,000 main-loop wake-ups. */
typedef struct
{
  GWeakRef      session;
  GMainContext *context;
  int           done;
  int           total;
  int           queued;
} Progress;

static void
progress_clear (Progress *progress)
{
  g_weak_ref_clear (&progress->session);
  g_main_context_unref (progress->context);
}

static void
progress_unref (Progress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

static gboolean
progress_idle (gpointer user_data)
{
  Progress *progress = user_data;
  g_autoptr(UppSession) self = g_weak_ref_get (&progress->session);
  guint done, total;

  g_atomic_int_set (&progress->queued, 0);
  if (self == NULL || !self->importing)
    return G_SOURCE_REMOVE;

  done = g_atomic_int_get (&progress->done);
  total = g_atomic_int_get (&progress->total);
  if (total != self->import_total)
    {
      self->import_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT_TOTAL]);
    }
  if (done != self->import_done)
    {
      self->import_done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT_DONE]);
    }
  return G_SOURCE_REMOVE;
}

static void
progress_queue (Progress *progress)
{
  if (g_atomic_int_compare_and_exchange (&progress->queued, 0, 1))
    g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, progress_idle,
                                g_atomic_rc_box_acquire (progress),
                                (GDestroyNotify) progress_unref);
}

static void
on_import_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  Progress *progress = user_data;

  g_atomic_int_set (&progress->done, done);
  g_atomic_int_set (&progress->total, total);
  progress_queue (progress);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  Progress *progress = g_object_get_data (G_OBJECT (task), "progress");
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();   /* borrowed strings */
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < data->paths->len; i++)
    g_ptr_array_add (paths, g_ptr_array_index (data->paths, i));
  g_ptr_array_add (paths, NULL);
  files = upp_import_collect_files ((const char * const *) paths->pdata, &error);
  if (files == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_atomic_int_set (&progress->total, files->len);
  progress_queue (progress);
  g_task_return_pointer (task,
                         upp_import_files_in_background (data->store, files, on_import_progress,
                                                         progress, cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

static guint
count_stored (GPtrArray *results)
{
  guint n = 0;

  for (guint i = 0; i < results->len; i++)
    if (((UppImportResult *) g_ptr_array_index (results, i))->status != UPP_IMPORT_REJECTED)
      n++;
  return n;
}

static void
import_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  UppSession *self = UPP_SESSION (source);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean stopped = g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));

  results = g_task_propagate_pointer (G_TASK (result), &error);
  release_busy (self);
  self->importing = FALSE;
  g_clear_object (&self->import_cancellable);

  if (results == NULL)
    g_signal_emit (self, signals[FAILED], 0, error->message);
  else
    {
      g_clear_pointer (&self->last_results, g_ptr_array_unref);
      self->last_results = g_ptr_array_ref (results);
      /* A stopped import keeps what it committed: said first, then
       * listed like any other. */
      if (stopped)
        {
          guint stored = count_stored (results);

          g_signal_emit (self, signals[IMPORT_STOPPED], 0, stored, results->len - stored);
        }
      g_signal_emit (self, signals[IMPORTED], 0, results, FALSE);
      reload (self);
    }

  start_next_import (self);
  if (!self->importing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);
}

static void
start_import (UppSession *self,
              GPtrArray  *paths)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;
  Progress *progress;

  progress = g_atomic_rc_box_new0 (Progress);
  g_weak_ref_init (&progress->session, self);
  progress->context = g_main_context_ref_thread_default ();

  g_assert (self->import_cancellable == NULL);
  self->import_cancellable = g_cancellable_new ();
  self->importing = TRUE;
  self->import_done = 0;
  self->import_total = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTING]);

  hold_busy (self);
  data = task_data_new (self);
  data->paths = g_ptr_array_ref (paths);
  task = g_task_new (self, self->import_cancellable, import_done, NULL);
  g_task_set_source_tag (task, start_import);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  /* Cancelling stops the import between files; what it stored stays, and
   * its results say which files those are. */
  g_task_set_check_cancellable (task, FALSE);
  g_object_set_data_full (G_OBJECT (task), "progress", progress, (GDestroyNotify) progress_unref);
  g_task_run_in_thread (task, import_thread);
}

/* One import at a time: each waits its turn (and for the store to open),
 * and each has its own progress. */
static void
start_next_import (UppSession *self)
{
  g_autoptr(GPtrArray) paths = NULL;

  if (self->store == NULL || self->importing || g_queue_is_empty (&self->import_queue))
    return;
  paths = g_queue_pop_head (&self->import_queue);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTS_WAITING]);
  start_import (self, paths);
}

static void
queue_import (UppSession *self,
              GPtrArray  *paths)
{
  g_queue_push_tail (&self->import_queue, g_ptr_array_ref (paths));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTS_WAITING]);
  start_next_import (self);
}

/**
 * upp_session_import:
 * @self: a #UppSession
 * @paths: (array zero-terminated=1): files and folders
 *
 * Imports @paths (folders: the `*.json` files in them) in a worker thread.
 * #UppSession:importing, #UppSession:import-done and
 * #UppSession:import-total follow its progress; #UppSession::imported
 * reports each file's outcome, and the dashboard is reloaded.
 */
void
upp_session_import (UppSession         *self,
                    const char * const *paths)
{
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (UPP_IS_SESSION (self));
  g_return_if_fail (paths != NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (copy, g_strdup (paths[i]));
  if (copy->len > 0)
    queue_import (self, copy);
}

/**
 * upp_session_import_files:
 * @self: a #UppSession
 * @files: (element-type GFile): files and folders, from a file chooser or
 *   a drop
 *
 * Like upp_session_import(); files without a local path are reported
 * through #UppSession::failed.
 */
void
upp_session_import_files (UppSession *self,
                          GListModel *files)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_if_fail (UPP_IS_SESSION (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
      else
        {
          g_autofree char *uri = g_file_get_uri (file);
          g_autofree char *message = g_strdup_printf (_("%s is not a local file"), uri);

          g_signal_emit (self, signals[FAILED], 0, message);
        }
    }
  if (paths->len > 0)
    queue_import (self, paths);
}

/**
 * upp_session_request_import:
 * @self: a #UppSession
 * @files: (element-type GFile): files to import
 *
 * Asks the window that presents the session to import @files as if they
 * were dropped on it, so that it shows the outcome: how a window that
 * does not know the main window (the report form) imports. See
 * #UppSession::import-requested.
 */
void
upp_session_request_import (UppSession *self,
                            GListModel *files)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  g_signal_emit (self, signals[IMPORT_REQUESTED], 0, files);
}

/**
 * upp_session_import_example:
 * @self: a #UppSession
 *
 * Imports the example package and its reports.
 *
 * Returns: %FALSE if the example is not installed
 */
gboolean
upp_session_import_example (UppSession *self)
{
  g_autofree char *folder = upp_demo_find_folder ();
  g_auto(GStrv) paths = NULL;

  g_return_val_if_fail (UPP_IS_SESSION (self), FALSE);

  if (folder == NULL)
    return FALSE;
  paths = upp_demo_get_paths (folder);
  upp_session_import (self, (const char * const *) paths);
  return TRUE;
}

/**
 * upp_session_cancel_import:
 * @self: a #UppSession
 *
 * Stops the running import after the file it is storing, and drops the
 * imports waiting their turn. What was stored stays;
 * #UppSession::import-stopped says how much.
 */
void
upp_session_cancel_import (UppSession *self)
{
  g_return_if_fail (UPP_IS_SESSION (self));

  if (!g_queue_is_empty (&self->import_queue))
    {
      g_queue_clear_full (&self->import_queue, (GDestroyNotify) g_ptr_array_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORTS_WAITING]);
    }
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

/**
 * upp_session_get_imports_waiting:
 * @self: a #UppSession
 *
 * Returns: how many imports wait for the running one to finish
 */
guint
upp_session_get_imports_waiting (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), 0);
  return g_queue_get_length (&self->import_queue);
}

/* The inbox folder */

static void
on_watch_imported (UppWatch   *watch,
                   GPtrArray  *results,
                   UppSession *self)
{
  g_clear_pointer (&self->last_results, g_ptr_array_unref);
  self->last_results = g_ptr_array_ref (results);
  g_signal_emit (self, signals[IMPORTED], 0, results, TRUE);
  reload (self);
}

static void
on_watch_failed (UppWatch   *watch,
                 const char *message,
                 UppSession *self)
{
  g_autofree char *text = g_strdup_printf (_("Cannot watch the reports folder: %s"), message);

  g_signal_emit (self, signals[FAILED], 0, text);
}

static void
watch_made (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  UppWatch *watch = upp_watch_new_finish (result, &error);
  UppSession *self = user_data;
  g_autofree char *message = NULL;

  /* Cancelled: the session is gone, or watches another folder now. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->watch_cancellable);
  if (watch == NULL)
    {
      message = g_strdup_printf (_("Cannot watch the reports folder: %s"), error->message);
      g_signal_emit (self, signals[FAILED], 0, message);
      return;
    }
  self->watch = watch;
  g_signal_connect (self->watch, "imported", G_CALLBACK (on_watch_imported), self);
  g_signal_connect (self->watch, "failed", G_CALLBACK (on_watch_failed), self);
}

/* The folder is registered for change notifications in a worker: on a
 * network share that waits for the server. */
static void
update_watch (UppSession *self)
{
  if (self->watch_cancellable != NULL)
    g_cancellable_cancel (self->watch_cancellable);
  g_clear_object (&self->watch_cancellable);
  if (self->watch != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watch, self);
      g_clear_object (&self->watch);
    }
  if (self->store == NULL || self->reports_folder == NULL || *self->reports_folder == '\0')
    return;

  self->watch_cancellable = g_cancellable_new ();
  upp_watch_new_async (self->store, self->reports_folder, self->watch_cancellable, watch_made,
                       self);
}

/* Accessors */

UppStore *
upp_session_get_store (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), NULL);
  return self->store;
}

const char *
upp_session_get_error (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), NULL);
  return self->error;
}

gboolean
upp_session_get_loading (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), FALSE);
  return self->loading;
}

/**
 * upp_session_get_busy:
 * @self: a #UppSession
 *
 * Returns: whether any worker thread of the session is still running
 */
gboolean
upp_session_get_busy (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), FALSE);
  return self->n_busy > 0;
}

/**
 * upp_session_get_dashboard:
 * @self: a #UppSession
 *
 * Returns: (transfer none) (nullable): the dashboard of the week last
 *   loaded, %NULL before the first load
 */
UppDashboard *
upp_session_get_dashboard (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), NULL);
  return self->dashboard;
}

UppWeek
upp_session_get_week (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), UPP_WEEK_INIT (0, 0));
  return self->week;
}

UppWeek
upp_session_get_today (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), UPP_WEEK_INIT (0, 0));
  return self->today;
}

void
upp_session_get_today_date (UppSession *self,
                            GDate      *out_date)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  *out_date = self->today_date;
}

static gboolean
has_range (UppSession *self)
{
  return self->dashboard != NULL && !upp_dashboard_is_empty (self->dashboard);
}

static UppWeek
clamp_week (UppSession *self,
            UppWeek     week)
{
  if (!has_range (self))
    return week;
  if (upp_week_compare (week, self->dashboard->first_week) < 0)
    return self->dashboard->first_week;
  if (upp_week_compare (week, self->dashboard->last_week) > 0)
    return self->dashboard->last_week;
  return week;
}

/**
 * upp_session_set_week:
 * @self: a #UppSession
 * @week: the week to show
 *
 * Shows @week, kept between the package's first reporting week and the
 * later of this week and the last week reported on.
 */
void
upp_session_set_week (UppSession *self,
                      UppWeek     week)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  g_return_if_fail (upp_week_is_valid (week));

  week = clamp_week (self, week);
  if (upp_week_compare (week, self->week) == 0)
    return;
  self->week = week;
  notify_week (self);
  reload (self);
}

gboolean
upp_session_can_go_back (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), FALSE);
  return has_range (self) && upp_week_compare (self->week, self->dashboard->first_week) > 0;
}

gboolean
upp_session_can_go_forward (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), FALSE);
  return has_range (self) && upp_week_compare (self->week, self->dashboard->last_week) < 0;
}

void
upp_session_step_week (UppSession *self,
                       int         n_weeks)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  upp_session_set_week (self, upp_week_add (self->week, n_weeks));
}

void
upp_session_go_to_today (UppSession *self)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  upp_session_set_week (self, self->today);
}

const UppActionFilter *
upp_session_get_filter (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), NULL);
  return &self->filter;
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
filter_changed (UppSession *self,
                guint       prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[FILTER_CHANGED], 0);
}

void
upp_session_set_department (UppSession *self,
                            const char *department)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  if (replace_string (&self->filter.department, department))
    filter_changed (self, PROP_DEPARTMENT);
}

/**
 * upp_session_set_state_filter:
 * @self: a #UppSession
 * @state: a #UppState, or -1 (or %UPP_N_STATES) for any
 */
void
upp_session_set_state_filter (UppSession *self,
                              int         state)
{
  g_return_if_fail (UPP_IS_SESSION (self));

  if (state < 0 || state > UPP_N_STATES)
    state = UPP_N_STATES;
  if ((int) self->filter.state == state)
    return;
  self->filter.state = state;
  filter_changed (self, PROP_STATE_FILTER);
}

void
upp_session_set_goal (UppSession *self,
                      const char *goal)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  if (replace_string (&self->filter.goal, goal))
    filter_changed (self, PROP_GOAL);
}

void
upp_session_set_search (UppSession *self,
                        const char *search)
{
  g_return_if_fail (UPP_IS_SESSION (self));
  if (replace_string (&self->filter.search, search))
    filter_changed (self, PROP_SEARCH);
}

void
upp_session_clear_filters (UppSession *self)
{
  g_return_if_fail (UPP_IS_SESSION (self));

  g_object_freeze_notify (G_OBJECT (self));
  upp_session_set_department (self, NULL);
  upp_session_set_state_filter (self, -1);
  upp_session_set_goal (self, NULL);
  upp_session_set_search (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
upp_session_get_selected_action (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), NULL);
  return self->selected_action;
}

void
upp_session_set_selected_action (UppSession *self,
                                 const char *code)
{
  g_return_if_fail (UPP_IS_SESSION (self));

  if (!replace_string (&self->selected_action, code))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTION]);
  load_details (self);
}

/**
 * upp_session_get_details:
 * @self: a #UppSession
 *
 * Returns: (transfer none) (nullable): the history, indicators and note of
 *   the selected action, once loaded
 */
UppActionDetails *
upp_session_get_details (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), NULL);
  return self->details;
}

gboolean
upp_session_get_importing (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), FALSE);
  return self->importing;
}

guint
upp_session_get_import_done (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), 0);
  return self->import_done;
}

guint
upp_session_get_import_total (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), 0);
  return self->import_total;
}

/**
 * upp_session_get_last_results:
 * @self: a #UppSession
 *
 * Returns: (transfer none) (nullable) (element-type UppImportResult): the
 *   outcome of the last import batch
 */
GPtrArray *
upp_session_get_last_results (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), NULL);
  return self->last_results;
}

const char *
upp_session_get_reports_folder (UppSession *self)
{
  g_return_val_if_fail (UPP_IS_SESSION (self), NULL);
  return self->reports_folder;
}

void
upp_session_set_reports_folder (UppSession *self,
                                const char *folder)
{
  g_return_if_fail (UPP_IS_SESSION (self));

  if (!replace_string (&self->reports_folder, folder))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORTS_FOLDER]);
  update_watch (self);
}

/* GObject */

static void
upp_session_dispose (GObject *object)
{
  UppSession *self = UPP_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  if (self->watch_cancellable != NULL)
    g_cancellable_cancel (self->watch_cancellable);
  g_clear_object (&self->watch_cancellable);
  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_clear_object (&self->watch);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->dashboard, upp_dashboard_unref);
  g_clear_pointer (&self->details, upp_action_details_unref);
  g_clear_pointer (&self->last_results, g_ptr_array_unref);
  g_queue_clear_full (&self->import_queue, (GDestroyNotify) g_ptr_array_unref);

  G_OBJECT_CLASS (upp_session_parent_class)->dispose (object);
}

static void
upp_session_finalize (GObject *object)
{
  UppSession *self = UPP_SESSION (object);

  g_clear_object (&self->cancellable);
  upp_action_filter_clear (&self->filter);
  g_free (self->selected_action);
  g_free (self->reports_folder);
  g_free (self->error);

  G_OBJECT_CLASS (upp_session_parent_class)->finalize (object);
}

static void
upp_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UppSession *self = UPP_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;
    case PROP_DASHBOARD:
      g_value_set_boxed (value, self->dashboard);
      break;
    case PROP_WEEK_KEY:
      g_value_set_int (value, upp_week_to_key (self->week));
      break;
    case PROP_TODAY_KEY:
      g_value_set_int (value, upp_week_to_key (self->today));
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, upp_session_can_go_back (self));
      break;
    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, upp_session_can_go_forward (self));
      break;
    case PROP_DEPARTMENT:
      g_value_set_string (value, self->filter.department);
      break;
    case PROP_STATE_FILTER:
      g_value_set_int (value, self->filter.state >= UPP_N_STATES ? -1 : (int) self->filter.state);
      break;
    case PROP_GOAL:
      g_value_set_string (value, self->filter.goal);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->filter.search);
      break;
    case PROP_SELECTED_ACTION:
      g_value_set_string (value, self->selected_action);
      break;
    case PROP_DETAILS:
      g_value_set_pointer (value, self->details);
      break;
    case PROP_IMPORTING:
      g_value_set_boolean (value, self->importing);
      break;
    case PROP_IMPORT_DONE:
      g_value_set_uint (value, self->import_done);
      break;
    case PROP_IMPORT_TOTAL:
      g_value_set_uint (value, self->import_total);
      break;
    case PROP_IMPORTS_WAITING:
      g_value_set_uint (value, g_queue_get_length (&self->import_queue));
      break;
    case PROP_REPORTS_FOLDER:
      g_value_set_string (value, self->reports_folder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  UppSession *self = UPP_SESSION (object);

  switch (prop_id)
    {
    case PROP_WEEK_KEY:
      upp_session_set_week (self, upp_week_from_key (g_value_get_int (value)));
      break;
    case PROP_DEPARTMENT:
      upp_session_set_department (self, g_value_get_string (value));
      break;
    case PROP_STATE_FILTER:
      upp_session_set_state_filter (self, g_value_get_int (value));
      break;
    case PROP_GOAL:
      upp_session_set_goal (self, g_value_get_string (value));
      break;
    case PROP_SEARCH:
      upp_session_set_search (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_ACTION:
      upp_session_set_selected_action (self, g_value_get_string (value));
      break;
    case PROP_REPORTS_FOLDER:
      upp_session_set_reports_folder (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_session_class_init (UppSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = upp_session_dispose;
  object_class->finalize = upp_session_finalize;
  object_class->get_property = upp_session_get_property;
  object_class->set_property = upp_session_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, UPP_TYPE_STORE, ro);
  properties[PROP_ERROR] = g_param_spec_string ("error", NULL, NULL, NULL, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_DASHBOARD] = g_param_spec_boxed ("dashboard", NULL, NULL, UPP_TYPE_DASHBOARD,
                                                   ro);
  properties[PROP_WEEK_KEY] = g_param_spec_int ("week-key", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_TODAY_KEY] = g_param_spec_int ("today-key", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_CAN_GO_BACK] = g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_GO_FORWARD] = g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                                                          ro);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, rw);
  properties[PROP_STATE_FILTER] = g_param_spec_int ("state-filter", NULL, NULL, -1,
                                                    UPP_N_STATES - 1, -1, rw);
  properties[PROP_GOAL] = g_param_spec_string ("goal", NULL, NULL, NULL, rw);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, rw);
  properties[PROP_SELECTED_ACTION] = g_param_spec_string ("selected-action", NULL, NULL, NULL,
                                                          rw);
  properties[PROP_DETAILS] = g_param_spec_pointer ("details", NULL, NULL, ro);
  properties[PROP_IMPORTING] = g_param_spec_boolean ("importing", NULL, NULL, FALSE, ro);
  properties[PROP_IMPORT_DONE] = g_param_spec_uint ("import-done", NULL, NULL, 0, G_MAXUINT, 0,
                                                    ro);
  properties[PROP_IMPORT_TOTAL] = g_param_spec_uint ("import-total", NULL, NULL, 0, G_MAXUINT,
                                                     0, ro);
  properties[PROP_IMPORTS_WAITING] = g_param_spec_uint ("imports-waiting", NULL, NULL, 0,
                                                        G_MAXUINT, 0, ro);
  properties[PROP_REPORTS_FOLDER] = g_param_spec_string ("reports-folder", NULL, NULL, NULL, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UppSession::filter-changed:
   *
   * Any of the action list's filters changed.
   */
  signals[FILTER_CHANGED] = g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  /**
   * UppSession::import-stopped:
   * @n_stored: files stored before the import was cancelled
   * @n_not_stored: files it did not store
   *
   * Emitted just before #UppSession::imported when the import was
   * cancelled.
   */
  signals[IMPORT_STOPPED] = g_signal_new ("import-stopped", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * UppSession::imported:
   * @results: (element-type UppImportResult): each file's outcome
   * @from_folder: the watched reports folder imported them
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_PTR_ARRAY,
                                    G_TYPE_BOOLEAN);

  /**
   * UppSession::note-saved:
   * @code: the action
   * @ok: whether it was stored
   * @message: (nullable): why not
   */
  signals[NOTE_SAVED] = g_signal_new ("note-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING,
                                      G_TYPE_BOOLEAN, G_TYPE_STRING);

  /**
   * UppSession::failed:
   * @message: what went wrong, for people
   *
   * Something the user asked for (an import, a query) failed.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * UppSession::import-requested:
   * @files: (element-type GFile): the files to import
   *
   * upp_session_request_import() was called: the window that presents
   * the session imports @files and shows the outcome.
   */
  signals[IMPORT_REQUESTED] = g_signal_new ("import-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            1, G_TYPE_LIST_MODEL);
}

static void
upp_session_init (UppSession *self)
{
  self->cancellable = g_cancellable_new ();
  upp_action_filter_init (&self->filter);
  upp_dashboard_get_today (&self->today_date);
  self->today = upp_week_from_date (&self->today_date);
  self->week = self->today;
}

UppSession *
upp_session_new (void)
{
  return g_object_new (UPP_TYPE_SESSION, NULL);
}

/* upp-store-monitor.c — tells when another program changed the database
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `uppfoljning-cli import` in a terminal, a scheduled job or a second
 * window write to the same database through connections of their own. A
 * window must show what they wrote without being restarted. SQLite tells a
 * connection when another has committed (PRAGMA data_version); this asks
 * it every few seconds, in a worker thread, and emits ::changed.
 */

#define G_LOG_DOMAIN "upp-store-monitor"

#include "config.h"

#include "upp-store-monitor.h"

/* Often enough that a window catches up while one looks at it; each look
 * is one pragma, no I/O beyond the shared-memory index of the WAL. */
#define POLL_SECONDS 2

struct _UppStoreMonitor
{
  GObject       parent_instance;

  UppStore     *store;
  GCancellable *cancellable;
  guint         poll_id;
  gboolean      looking;
};

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UppStoreMonitor, upp_store_monitor, G_TYPE_OBJECT)

static void
look_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_task_return_boolean (task, upp_store_changed_elsewhere (task_data));
}

static void
look_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UppStoreMonitor) self = g_weak_ref_get (user_data);
  gboolean changed = g_task_propagate_boolean (G_TASK (result), NULL);

  g_weak_ref_clear (user_data);
  g_free (user_data);
  if (self == NULL)
    return;
  self->looking = FALSE;
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
look (gpointer user_data)
{
  UppStoreMonitor *self = user_data;
  g_autoptr(GTask) task = NULL;
  GWeakRef *ref;

  if (self->looking)
    return G_SOURCE_CONTINUE;
  self->looking = TRUE;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, self->cancellable, look_done, ref);
  g_task_set_source_tag (task, look);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, look_thread);
  return G_SOURCE_CONTINUE;
}

static void
upp_store_monitor_dispose (GObject *object)
{
  UppStoreMonitor *self = UPP_STORE_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (upp_store_monitor_parent_class)->dispose (object);
}

static void
upp_store_monitor_class_init (UppStoreMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = upp_store_monitor_dispose;

  /**
   * UppStoreMonitor::changed:
   *
   * Another connection committed to the database, in the thread-default
   * main context of the monitor's creation.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
upp_store_monitor_init (UppStoreMonitor *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * upp_store_monitor_new:
 * @store: an open store
 *
 * Returns: (transfer full): a monitor that emits ::changed when another
 *   program commits to @store's database
 */
UppStoreMonitor *
upp_store_monitor_new (UppStore *store)
{
  UppStoreMonitor *self;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);

  self = g_object_new (UPP_TYPE_STORE_MONITOR, NULL);
  self->store = g_object_ref (store);
  self->poll_id = g_timeout_add_seconds (POLL_SECONDS, look, self);
  /* The first look only learns where the database is now. */
  look (self);
  return self;
}

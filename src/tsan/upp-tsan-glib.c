/* upp-tsan-glib.c — lets ThreadSanitizer see GLib's mutexes and conditions
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked into the core library of a -Db_sanitize=thread build only.
 * Debian's GLib is not built with TSan, and on Linux GMutex and GCond are
 * futexes, not pthread mutexes, so TSan cannot see that a g_mutex_lock()
 * orders one thread's writes before another's reads: every handover under
 * a GMutex would be reported as a race. The same holds for a GTask: what
 * the caller prepared reaches the worker, and the worker's result the
 * caller, through GLib's own locks. These wrappers take the place of
 * GLib's functions for the program's own calls (GLib's calls to itself do
 * not go through the symbol table), call the real ones, and tell TSan
 * about the order GLib guarantees. They add no ordering of their own.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <gio/gio.h>

void __tsan_acquire (void *addr);
void __tsan_release (void *addr);

#define REAL(type, name, args)                                     \
  static type (*real) args = NULL;                                 \
  if (G_UNLIKELY (real == NULL))                                   \
    real = (type (*) args) dlsym (RTLD_NEXT, name)

void
g_mutex_lock (GMutex *mutex)
{
  REAL (void, "g_mutex_lock", (GMutex *));
  real (mutex);
  __tsan_acquire (mutex);
}

void
g_mutex_unlock (GMutex *mutex)
{
  REAL (void, "g_mutex_unlock", (GMutex *));
  __tsan_release (mutex);
  real (mutex);
}

gboolean
g_mutex_trylock (GMutex *mutex)
{
  REAL (gboolean, "g_mutex_trylock", (GMutex *));
  if (!real (mutex))
    return FALSE;
  __tsan_acquire (mutex);
  return TRUE;
}

void
g_cond_wait (GCond  *cond,
             GMutex *mutex)
{
  REAL (void, "g_cond_wait", (GCond *, GMutex *));
  __tsan_release (mutex);
  real (cond, mutex);
  __tsan_acquire (mutex);
}

gboolean
g_cond_wait_until (GCond  *cond,
                   GMutex *mutex,
                   gint64  end_time)
{
  gboolean signalled;
  REAL (gboolean, "g_cond_wait_until", (GCond *, GMutex *, gint64));

  __tsan_release (mutex);
  signalled = real (cond, mutex, end_time);
  __tsan_acquire (mutex);
  return signalled;
}

/* GRecMutex: GLib keeps a recursive pthread mutex behind it, but creates
 * it itself, in a call TSan is told not to watch (.ci/tsan.supp), so TSan
 * would not know it is recursive. The program's own recursive mutexes (the
 * store's lock) are therefore made here, through calls TSan sees. Only the
 * program uses them, so their storage (->p) is ours. */

static pthread_mutex_t *
rec_impl (GRecMutex *mutex)
{
  static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_t *impl = g_atomic_pointer_get (&mutex->p);

  if (G_UNLIKELY (impl == NULL))
    {
      pthread_mutexattr_t attr;

      pthread_mutex_lock (&init_lock);
      impl = mutex->p;
      if (impl == NULL)
        {
          impl = g_new0 (pthread_mutex_t, 1);
          pthread_mutexattr_init (&attr);
          pthread_mutexattr_settype (&attr, PTHREAD_MUTEX_RECURSIVE);
          pthread_mutex_init (impl, &attr);
          pthread_mutexattr_destroy (&attr);
          g_atomic_pointer_set (&mutex->p, impl);
        }
      pthread_mutex_unlock (&init_lock);
    }
  return impl;
}

void
g_rec_mutex_init (GRecMutex *mutex)
{
  mutex->p = NULL;
  rec_impl (mutex);
}

void
g_rec_mutex_clear (GRecMutex *mutex)
{
  pthread_mutex_t *impl = mutex->p;

  if (impl != NULL)
    {
      pthread_mutex_destroy (impl);
      g_free (impl);
      mutex->p = NULL;
    }
}

void
g_rec_mutex_lock (GRecMutex *mutex)
{
  pthread_mutex_lock (rec_impl (mutex));
}

gboolean
g_rec_mutex_trylock (GRecMutex *mutex)
{
  return pthread_mutex_trylock (rec_impl (mutex)) == 0;
}

void
g_rec_mutex_unlock (GRecMutex *mutex)
{
  pthread_mutex_unlock (rec_impl (mutex));
}

/* Reference-counted boxes (the store's package definition): the last
 * release may come in another thread than the uses; GLib's atomic count
 * orders them, which TSan cannot see. Each release is a release, and the
 * clear function, run by the last one in its thread, an acquire. */

static __thread GDestroyNotify current_clear;

static void
clear_trampoline (gpointer mem_block)
{
  GDestroyNotify clear = current_clear;

  __tsan_acquire (mem_block);
  if (clear != NULL)
    clear (mem_block);
}

void
g_atomic_rc_box_release_full (gpointer       mem_block,
                              GDestroyNotify clear_func)
{
  GDestroyNotify outer = current_clear;
  REAL (void, "g_atomic_rc_box_release_full", (gpointer, GDestroyNotify));

  __tsan_release (mem_block);
  current_clear = clear_func;
  real (mem_block, clear_trampoline);
  current_clear = outer;
}

/* GTask: run_in_thread hands everything set up so far to the worker; the
 * worker's return_* hands its result to whoever propagates it or reads
 * the task afterwards (in the callback, in the caller's thread); and the
 * callback is over before the task data is freed, in whichever thread
 * drops the last reference. */

typedef struct
{
  GTask              *task;
  GAsyncReadyCallback callback;
  GDestroyNotify      destroy;
} TaskInfo;

static pthread_mutex_t infos_lock = PTHREAD_MUTEX_INITIALIZER;
static GHashTable *callbacks;   /* task → TaskInfo (callback) */
static GHashTable *destroys;    /* task data → TaskInfo (destroy) */

static TaskInfo *
take_info (GHashTable *table,
           gpointer    key)
{
  TaskInfo *info = NULL;

  pthread_mutex_lock (&infos_lock);
  if (table != NULL)
    g_hash_table_steal_extended (table, key, NULL, (gpointer *) &info);
  pthread_mutex_unlock (&infos_lock);
  return info;
}

static void
put_info (GHashTable **table,
          gpointer     key,
          TaskInfo    *info)
{
  pthread_mutex_lock (&infos_lock);
  if (*table == NULL)
    *table = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (*table, key, info);
  pthread_mutex_unlock (&infos_lock);
}

static void
callback_trampoline (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TaskInfo *info = take_info (callbacks, result);

  __tsan_acquire (result);
  if (info != NULL && info->callback != NULL)
    info->callback (source, result, user_data);
  __tsan_release (result);
  g_free (info);
}

GTask *
g_task_new (gpointer            source_object,
            GCancellable       *cancellable,
            GAsyncReadyCallback callback,
            gpointer            callback_data)
{
  GTask *task;
  TaskInfo *info = g_new0 (TaskInfo, 1);
  REAL (GTask *, "g_task_new", (gpointer, GCancellable *, GAsyncReadyCallback, gpointer));

  task = real (source_object, cancellable, callback_trampoline, callback_data);
  info->task = task;
  info->callback = callback;
  put_info (&callbacks, task, info);
  return task;
}

static void
destroy_trampoline (gpointer data)
{
  TaskInfo *info = take_info (destroys, data);

  if (info == NULL)
    return;
  __tsan_acquire (info->task);
  if (info->destroy != NULL)
    info->destroy (data);
  g_free (info);
}

void
g_task_set_task_data (GTask          *task,
                      gpointer        task_data,
                      GDestroyNotify  task_data_destroy)
{
  TaskInfo *info = g_new0 (TaskInfo, 1);
  REAL (void, "g_task_set_task_data", (GTask *, gpointer, GDestroyNotify));

  info->task = task;
  info->destroy = task_data_destroy;
  put_info (&destroys, task_data, info);
  real (task, task_data, destroy_trampoline);
}

static GQuark
func_quark (void)
{
  return g_quark_from_static_string ("upp-tsan-task-func");
}

static void
trampoline (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GTaskThreadFunc func;

  __tsan_acquire (task);
  func = (GTaskThreadFunc) g_object_get_qdata (G_OBJECT (task), func_quark ());
  func (task, source_object, task_data, cancellable);
}

void
g_task_run_in_thread (GTask           *task,
                      GTaskThreadFunc  task_func)
{
  REAL (void, "g_task_run_in_thread", (GTask *, GTaskThreadFunc));
  g_object_set_qdata (G_OBJECT (task), func_quark (), (gpointer) task_func);
  __tsan_release (task);
  real (task, trampoline);
}

void
g_task_return_pointer (GTask          *task,
                       gpointer        result,
                       GDestroyNotify  result_destroy)
{
  REAL (void, "g_task_return_pointer", (GTask *, gpointer, GDestroyNotify));
  __tsan_release (task);
  real (task, result, result_destroy);
}

void
g_task_return_boolean (GTask    *task,
                       gboolean  result)
{
  REAL (void, "g_task_return_boolean", (GTask *, gboolean));
  __tsan_release (task);
  real (task, result);
}

void
g_task_return_int (GTask  *task,
                   gssize  result)
{
  REAL (void, "g_task_return_int", (GTask *, gssize));
  __tsan_release (task);
  real (task, result);
}

void
g_task_return_error (GTask  *task,
                     GError *error)
{
  REAL (void, "g_task_return_error", (GTask *, GError *));
  __tsan_release (task);
  real (task, error);
}

gpointer
g_task_propagate_pointer (GTask   *task,
                          GError **error)
{
  REAL (gpointer, "g_task_propagate_pointer", (GTask *, GError **));
  __tsan_acquire (task);
  return real (task, error);
}

gboolean
g_task_propagate_boolean (GTask   *task,
                          GError **error)
{
  REAL (gboolean, "g_task_propagate_boolean", (GTask *, GError **));
  __tsan_acquire (task);
  return real (task, error);
}

gssize
g_task_propagate_int (GTask   *task,
                      GError **error)
{
  REAL (gssize, "g_task_propagate_int", (GTask *, GError **));
  __tsan_acquire (task);
  return real (task, error);
}

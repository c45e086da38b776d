/* upp-tsan-glib.c — lets ThreadSanitizer see GLib's mutexes and conditions
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked into the test programs of a -Db_sanitize=thread build only.
 * Debian's GLib is not built with TSan, and on Linux GMutex and GCond are
 * futexes, not pthread mutexes, so TSan cannot see that a g_mutex_lock()
 * orders one thread's writes before another's reads: every handover under
 * a GMutex would be reported as a race. These wrappers take the place of
 * GLib's functions for the program's own calls (GLib's calls to itself do
 * not go through the symbol table), call the real ones, and tell TSan
 * about the acquire and release.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <glib.h>

void __tsan_acquire (void *addr);
void __tsan_release (void *addr);

#define REAL(type, name, args)                                     \
  static type (*real) args = NULL;                                 \
  if (G_UNLIKELY (real == NULL))                                   \
    real = (type (*) args) dlsym (RTLD_NEXT, name)

void     g_mutex_lock       (GMutex *mutex);
void     g_mutex_unlock     (GMutex *mutex);
gboolean g_mutex_trylock    (GMutex *mutex);
void     g_cond_wait        (GCond  *cond,
                             GMutex *mutex);
gboolean g_cond_wait_until  (GCond  *cond,
                             GMutex *mutex,
                             gint64  end_time);

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

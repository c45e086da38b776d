/* upp-blocking.c — a thread that must never wait: the check
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-blocking"

#include "config.h"

#include "upp-blocking.h"

/* The GUI's main thread must never wait for SQLite (another connection may
 * hold the write lock for seconds) or for the shared folder (a network
 * share can take as long as it likes). The GUI names its main thread here;
 * the store and the watched folder call upp_blocking_check() where they
 * would wait, and a call from that thread is a programmer's error: a
 * critical, which the tests make fatal. The CLI names no thread. */

static GThread *forbidden;   /* atomic */

/**
 * upp_blocking_forbid_in_this_thread:
 *
 * From now on, upp_blocking_check() in the calling thread is a critical.
 */
void
upp_blocking_forbid_in_this_thread (void)
{
  g_atomic_pointer_set (&forbidden, g_thread_self ());
}

/**
 * upp_blocking_allow_again:
 *
 * Lifts upp_blocking_forbid_in_this_thread(), for tests that set up their
 * data in the main thread.
 */
void
upp_blocking_allow_again (void)
{
  g_atomic_pointer_set (&forbidden, NULL);
}

/**
 * upp_blocking_check:
 * @what: what would wait, for the message (“a database query”)
 *
 * Says so, as a critical, when called from the thread that must not wait.
 */
void
upp_blocking_check (const char *what)
{
  GThread *thread = g_atomic_pointer_get (&forbidden);

  if (G_UNLIKELY (thread != NULL && thread == g_thread_self ()))
    g_critical ("%s on the main thread: the window would stop until it is done", what);
}

/* upp-error.c
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "upp-error.h"

/* Not G_DEFINE_QUARK: its first calls from two threads at once (an import's
 * workers, the window) race on a plain static. g_once_init_*() orders them. */
GQuark
upp_error_quark (void)
{
  static gsize quark = 0;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("upp-error-quark"));
  return (GQuark) quark;
}

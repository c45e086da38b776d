/* upp-blocking.h — a thread that must never wait: the check
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void upp_blocking_forbid_in_this_thread (void);
void upp_blocking_allow_again           (void);
void upp_blocking_check                 (const char *what);

G_END_DECLS

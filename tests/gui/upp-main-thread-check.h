/* upp-main-thread-check.h — what the GUI thread asks of the database, for the tests
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void       upp_main_thread_check_begin (void);
GPtrArray *upp_main_thread_check_end   (void);

G_END_DECLS

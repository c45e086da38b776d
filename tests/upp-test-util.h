/* upp-test-util.h — what several tests need: the demo store, clean-up, a
 * look into a database file
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-store.h"

G_BEGIN_DECLS

UppStore *upp_test_open_demo   (const char *path);
void      upp_test_remove_tree (const char *path);
gint64    upp_test_query_int64 (const char *path,
                                const char *sql);
guint     upp_test_accept_revisions (UppStore *store);

G_END_DECLS

/* upp-demo.h — where the example action package is
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *upp_demo_find_folder (void);
GStrv  upp_demo_get_paths   (const char *folder);

G_END_DECLS

/* upp-package-switcher.h — the action packages followed, to open one in a window of its own
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWindow *upp_package_switcher_new (GtkWindow *parent);

G_END_DECLS

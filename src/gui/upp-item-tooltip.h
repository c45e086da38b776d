/* upp-item-tooltip.h — tooltips of list rows, answered when asked
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkBuilderScope    *upp_item_tooltip_scope_new    (void);
GtkListItemFactory *upp_item_tooltip_factory      (GtkListItemFactory *factory);
void                upp_item_tooltip_column_view  (GtkColumnView      *view);

G_END_DECLS

/* upp-key-figure.h — one key figure tile of the overview
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "upp-dashboard.h"

G_BEGIN_DECLS

#define UPP_TYPE_KEY_FIGURE (upp_key_figure_get_type ())

G_DECLARE_FINAL_TYPE (UppKeyFigure, upp_key_figure, UPP, KEY_FIGURE, GtkWidget)

GtkWidget  *upp_key_figure_new       (void);
void        upp_key_figure_set_tile  (UppKeyFigure  *self,
                                      const UppTile *tile);
int         upp_key_figure_get_value (UppKeyFigure  *self);
int         upp_key_figure_get_state (UppKeyFigure  *self);
const char *upp_key_figure_get_caption (UppKeyFigure *self);

G_END_DECLS

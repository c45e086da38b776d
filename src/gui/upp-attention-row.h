/* upp-attention-row.h — one action on the "Needs attention" list
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "upp-dashboard.h"

G_BEGIN_DECLS

#define UPP_TYPE_ATTENTION_ROW (upp_attention_row_get_type ())

G_DECLARE_FINAL_TYPE (UppAttentionRow, upp_attention_row, UPP, ATTENTION_ROW, GtkListBoxRow)

GtkWidget  *upp_attention_row_new       (const UppAttentionItem *item);
const char *upp_attention_row_get_code  (UppAttentionRow        *self);
const char *upp_attention_row_get_reason (UppAttentionRow       *self);

G_END_DECLS

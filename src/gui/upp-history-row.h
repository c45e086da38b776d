/* upp-history-row.h — one report entry in an action's history
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "upp-dashboard.h"

G_BEGIN_DECLS

#define UPP_TYPE_HISTORY_ROW (upp_history_row_get_type ())

G_DECLARE_FINAL_TYPE (UppHistoryRow, upp_history_row, UPP, HISTORY_ROW, GtkListBoxRow)

GtkWidget      *upp_history_row_new      (const UppHistoryEntry *entry,
                                          const char            *department_name);
UppHistoryMark  upp_history_row_get_mark (UppHistoryRow         *self);
UppWeek         upp_history_row_get_week (UppHistoryRow         *self);

G_END_DECLS

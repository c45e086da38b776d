/* upp-report-text-row.h — a multi-line text field in a boxed list
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UPP_TYPE_REPORT_TEXT_ROW (upp_report_text_row_get_type ())

G_DECLARE_FINAL_TYPE (UppReportTextRow, upp_report_text_row, UPP, REPORT_TEXT_ROW, AdwPreferencesRow)

GtkWidget   *upp_report_text_row_new           (const char       *title,
                                                const char       *hint);
char        *upp_report_text_row_get_text      (UppReportTextRow *self);
void         upp_report_text_row_set_text      (UppReportTextRow *self,
                                                const char       *text);
void         upp_report_text_row_set_editable  (UppReportTextRow *self,
                                                gboolean          editable);
const char  *upp_report_text_row_get_message   (UppReportTextRow *self);
void         upp_report_text_row_set_message   (UppReportTextRow *self,
                                                const char       *message);
void         upp_report_text_row_set_previous  (UppReportTextRow *self,
                                                const char       *previous);
GtkTextView *upp_report_text_row_get_text_view (UppReportTextRow *self);

G_END_DECLS

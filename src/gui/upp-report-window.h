/* upp-report-window.h — writing (or reading) a department's weekly report
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "upp-report-builder.h"

G_BEGIN_DECLS

/* The form's parent is the main window, seen only as a GtkWindow with a
 * `session` property: the form does not include upp-window.h. */
typedef struct _UppWindow UppWindow;

#define UPP_TYPE_REPORT_WINDOW (upp_report_window_get_type ())

G_DECLARE_FINAL_TYPE (UppReportWindow, upp_report_window, UPP, REPORT_WINDOW, AdwWindow)

UppReportWindow     *upp_report_window_new               (UppWindow        *parent);
void                 upp_report_window_new_for_document_async (UppWindow           *parent,
                                                               gint64               document_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
void                 upp_report_window_new_for_file_async (UppWindow           *parent,
                                                           GFile               *file,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
UppReportWindow     *upp_report_window_new_finish        (GAsyncResult     *result,
                                                          GError          **error);

gboolean             upp_report_window_select            (UppReportWindow  *self,
                                                          const char       *department,
                                                          UppWeek           week);
const UppReportForm *upp_report_window_get_form          (UppReportWindow  *self);
gboolean             upp_report_window_get_read_only     (UppReportWindow  *self);
gboolean             upp_report_window_get_can_save      (UppReportWindow  *self);
gboolean             upp_report_window_get_busy          (UppReportWindow  *self);
GPtrArray           *upp_report_window_get_problems      (UppReportWindow  *self);
GPtrArray           *upp_report_window_get_changes       (UppReportWindow  *self);
GtkWidget           *upp_report_window_get_field         (UppReportWindow  *self,
                                                          const char       *key);
GtkWidget           *upp_report_window_get_field_row     (UppReportWindow  *self,
                                                          const char       *key);
const char          *upp_report_window_get_field_message (UppReportWindow  *self,
                                                          const char       *key);
void                 upp_report_window_validate_now      (UppReportWindow  *self);
void                 upp_report_window_save_draft_now    (UppReportWindow  *self);
char                *upp_report_window_get_filename      (UppReportWindow  *self);
void                 upp_report_window_save_to_file      (UppReportWindow  *self,
                                                          GFile            *file);
void                 upp_report_window_import            (UppReportWindow  *self);
void                 upp_report_window_discard           (UppReportWindow  *self);

G_END_DECLS

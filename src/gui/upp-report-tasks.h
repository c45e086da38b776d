/* upp-report-tasks.h — the report form's store work, in worker threads
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "upp-dashboard.h"
#include "upp-report-builder.h"

G_BEGIN_DECLS

/**
 * UppReportLoad:
 * @form: the values to show: the draft, else the report sent for the week
 *   (without its `submitted`), else the template
 * @n_reports: how many reports were already sent for the week
 * @from_draft: whether @form is the draft
 */
typedef struct
{
  UppReportForm *form;
  guint          n_reports;
  gboolean       from_draft;
} UppReportLoad;

/**
 * UppReportSent:
 * @form: a report as it was sent
 * @previous: (nullable): the revision it corrects
 * @revision: 1 for the original, 2… for corrections
 * @display_name: (nullable): the file's name, for a report from a file
 * @dashboard: (nullable): the dashboard whose package @form was read with
 */
typedef struct
{
  UppReportForm *form;
  UppReportForm *previous;
  int            revision;
  char          *display_name;
  UppDashboard  *dashboard;
} UppReportSent;

void           upp_report_load_free          (UppReportLoad        *self);
void           upp_report_sent_free          (UppReportSent        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppReportLoad, upp_report_load_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppReportSent, upp_report_sent_free)

void           upp_report_load_async         (UppStore             *store,
                                              UppDashboard         *dashboard,
                                              const char           *department,
                                              UppWeek               week,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
UppReportLoad *upp_report_load_finish        (GAsyncResult         *result,
                                              GError              **error);

void           upp_report_draft_write_async  (UppStore             *store,
                                              const char           *department,
                                              UppWeek               week,
                                              const char           *json,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       upp_report_draft_write_finish (GAsyncResult         *result,
                                              GError              **error);

void           upp_report_validate_async     (UppStore             *store,
                                              const UppReportForm  *form,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray     *upp_report_validate_finish    (GAsyncResult         *result,
                                              GError              **error);

void           upp_report_final_async        (UppStore             *store,
                                              const UppReportForm  *form,
                                              int                   revision,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GBytes        *upp_report_final_finish       (GAsyncResult         *result,
                                              GPtrArray           **out_problems,
                                              GError              **error);

void           upp_report_open_document_async (UppStore            *store,
                                               UppDashboard        *dashboard,
                                               gint64               document_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
void           upp_report_open_file_async    (UppStore             *store,
                                              UppDashboard         *dashboard,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
UppReportSent *upp_report_open_finish        (GAsyncResult         *result,
                                              GError              **error);

void           upp_report_import_file_write_async  (const char           *name,
                                                    GBytes               *bytes,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char          *upp_report_import_file_write_finish (GAsyncResult         *result,
                                                    GError              **error);
void           upp_report_import_file_remove       (const char           *path);

G_END_DECLS

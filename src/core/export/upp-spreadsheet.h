/* upp-spreadsheet.h — the actions and the reporting as an .xlsx workbook
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-store.h"

G_BEGIN_DECLS

gboolean upp_spreadsheet_write (UppStore     *store,
                                UppWeek       week,
                                GDateTime    *generated,
                                const char   *path,
                                GError      **error);

void     upp_spreadsheet_write_async  (UppStore            *store,
                                       UppWeek              week,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean upp_spreadsheet_write_finish (UppStore            *store,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS

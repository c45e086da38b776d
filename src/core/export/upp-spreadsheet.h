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

G_END_DECLS

/* upp-reports-page.h — who reported, what was imported, and importing more
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "upp-session.h"

G_BEGIN_DECLS

#define UPP_TYPE_REPORTS_PAGE (upp_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (UppReportsPage, upp_reports_page, UPP, REPORTS_PAGE, AdwBin)

void        upp_reports_page_set_session   (UppReportsPage *self,
                                            UppSession     *session);
void        upp_reports_page_show_results  (UppReportsPage *self,
                                            GPtrArray      *results);
GListModel *upp_reports_page_get_results   (UppReportsPage *self);
GListModel *upp_reports_page_get_documents (UppReportsPage *self);
const char *upp_reports_page_get_summary   (UppReportsPage *self);

G_END_DECLS

/* upp-overview-page.h — key figures, charts and what needs attention
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "upp-session.h"

G_BEGIN_DECLS

#define UPP_TYPE_OVERVIEW_PAGE (upp_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (UppOverviewPage, upp_overview_page, UPP, OVERVIEW_PAGE, AdwBin)

void        upp_overview_page_set_session   (UppOverviewPage *self,
                                             UppSession      *session);
GtkWidget  *upp_overview_page_get_figure    (UppOverviewPage *self,
                                             UppTileKind      kind);
GtkListBox *upp_overview_page_get_attention (UppOverviewPage *self);

G_END_DECLS

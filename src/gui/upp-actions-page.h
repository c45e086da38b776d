/* upp-actions-page.h — the sortable, filterable action list and one action's detail
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "upp-action-detail.h"
#include "upp-session.h"

G_BEGIN_DECLS

#define UPP_TYPE_ACTIONS_PAGE (upp_actions_page_get_type ())

G_DECLARE_FINAL_TYPE (UppActionsPage, upp_actions_page, UPP, ACTIONS_PAGE, AdwBin)

void             upp_actions_page_set_session  (UppActionsPage *self,
                                                UppSession     *session);
void             upp_actions_page_show_action  (UppActionsPage *self,
                                                const char     *code);
void             upp_actions_page_focus_search (UppActionsPage *self);
void             upp_actions_page_show_most_severe (UppActionsPage *self);
GListModel      *upp_actions_page_get_model    (UppActionsPage *self);
UppActionDetail *upp_actions_page_get_detail   (UppActionsPage *self);
GtkDropDown     *upp_actions_page_get_dropdown (UppActionsPage *self,
                                                const char     *which);

G_END_DECLS

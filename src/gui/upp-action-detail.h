/* upp-action-detail.h — one action: facts, note, indicators, history
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "upp-session.h"

G_BEGIN_DECLS

#define UPP_TYPE_ACTION_DETAIL (upp_action_detail_get_type ())

G_DECLARE_FINAL_TYPE (UppActionDetail, upp_action_detail, UPP, ACTION_DETAIL, AdwBin)

void         upp_action_detail_set_session (UppActionDetail *self,
                                            UppSession      *session);
GtkListBox  *upp_action_detail_get_history (UppActionDetail *self);
GtkTextView *upp_action_detail_get_note_view (UppActionDetail *self);
void         upp_action_detail_save_note   (UppActionDetail *self);
const char  *upp_action_detail_get_code    (UppActionDetail *self);

G_END_DECLS

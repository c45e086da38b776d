/* upp-status-badge.h — a state as symbol and text, never colour alone
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPP_TYPE_STATUS_BADGE (upp_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (UppStatusBadge, upp_status_badge, UPP, STATUS_BADGE, GtkWidget)

GtkWidget *upp_status_badge_new       (void);
int        upp_status_badge_get_state (UppStatusBadge *self);
void       upp_status_badge_set_state (UppStatusBadge *self,
                                       int             state);

G_END_DECLS

/* upp-action-item.h — one row of the action list
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "upp-dashboard.h"

G_BEGIN_DECLS

#define UPP_TYPE_ACTION_ITEM (upp_action_item_get_type ())

G_DECLARE_FINAL_TYPE (UppActionItem, upp_action_item, UPP, ACTION_ITEM, GObject)

UppActionItem         *upp_action_item_new        (UppDashboard  *dashboard,
                                                   guint          index);
const UppActionStatus *upp_action_item_get_status (UppActionItem *self);
const char            *upp_action_item_get_code   (UppActionItem *self);

G_END_DECLS

/* upp-result-item.h — one file's outcome in an import
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "upp-import.h"

G_BEGIN_DECLS

#define UPP_TYPE_RESULT_ITEM (upp_result_item_get_type ())

G_DECLARE_FINAL_TYPE (UppResultItem, upp_result_item, UPP, RESULT_ITEM, GObject)

UppResultItem         *upp_result_item_new        (GPtrArray     *results,
                                                   guint          index);
const UppImportResult *upp_result_item_get_result (UppResultItem *self);

G_END_DECLS

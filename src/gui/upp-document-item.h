/* upp-document-item.h — one row of the imported documents list
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "upp-dashboard.h"

G_BEGIN_DECLS

#define UPP_TYPE_DOCUMENT_ITEM (upp_document_item_get_type ())

G_DECLARE_FINAL_TYPE (UppDocumentItem, upp_document_item, UPP, DOCUMENT_ITEM, GObject)

UppDocumentItem       *upp_document_item_new      (UppDashboard    *dashboard,
                                                   guint            index);
const UppDocumentInfo *upp_document_item_get_info (UppDocumentItem *self);

G_END_DECLS

/* upp-store-monitor.h — tells when another program changed the database
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "upp-store.h"

G_BEGIN_DECLS

#define UPP_TYPE_STORE_MONITOR (upp_store_monitor_get_type ())

G_DECLARE_FINAL_TYPE (UppStoreMonitor, upp_store_monitor, UPP, STORE_MONITOR, GObject)

UppStoreMonitor *upp_store_monitor_new (UppStore *store);

G_END_DECLS

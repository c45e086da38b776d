/* upp-watch.h — an inbox folder that imports the reports dropped into it
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-store.h"

G_BEGIN_DECLS

#define UPP_TYPE_WATCH (upp_watch_get_type ())

G_DECLARE_FINAL_TYPE (UppWatch, upp_watch, UPP, WATCH, GObject)

UppWatch   *upp_watch_new        (UppStore             *store,
                                  const char           *folder,
                                  GError              **error);
void        upp_watch_new_async  (UppStore             *store,
                                  const char           *folder,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
UppWatch   *upp_watch_new_finish (GAsyncResult         *result,
                                  GError              **error);
const char *upp_watch_get_folder (UppWatch             *self);
void        upp_watch_rescan     (UppWatch             *self);

G_END_DECLS

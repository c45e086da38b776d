/* upp-revision-review.h — a package revision that waits: the banner that says so, and the review
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "upp-session.h"

G_BEGIN_DECLS

#define UPP_TYPE_REVISION_BANNER (upp_revision_banner_get_type ())

G_DECLARE_FINAL_TYPE (UppRevisionBanner, upp_revision_banner, UPP, REVISION_BANNER, GtkWidget)

void        upp_revision_banner_set_session (UppRevisionBanner *self,
                                             UppSession        *session);
GtkWindow  *upp_revision_banner_review      (UppRevisionBanner *self);

G_END_DECLS

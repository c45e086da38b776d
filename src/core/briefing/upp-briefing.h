/* upp-briefing.h — the weekly PDF briefing for the municipal director
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "upp-store.h"
#include "upp-week.h"

G_BEGIN_DECLS

/* A4 in points: what upp_briefing_draw_page() draws into. */
#define UPP_BRIEFING_PAGE_WIDTH  595.2756
#define UPP_BRIEFING_PAGE_HEIGHT 841.8898

/**
 * UppBriefingOptions:
 * @week: the week the briefing is "as of"
 * @summary: leave out the free texts (comments, next steps, risks and
 *   leadership notes): the variant for readers outside the leadership
 * @generated: (nullable): the "generated" date and the PDF's creation
 *   date; %NULL takes `SOURCE_DATE_EPOCH` from the environment, or now
 * @organisation: (nullable): the PDF's author and the name on the first
 *   page; %NULL takes the package's organisation
 * @language: (nullable): the document language for the PDF catalog, such
 *   as "sv-SE" or "en"; %NULL takes "sv-SE" when the messages locale is
 *   Swedish, else "en"
 *
 * What to write. All pointers are borrowed for the duration of the call;
 * the async variant copies them.
 */
typedef struct
{
  UppWeek     week;
  gboolean    summary;
  GDateTime  *generated;
  const char *organisation;
  const char *language;
} UppBriefingOptions;

/**
 * UppBriefing:
 *
 * A briefing laid out into pages, ready to draw. Opaque.
 */
typedef struct _UppBriefing UppBriefing;

UppBriefing *upp_briefing_new              (UppStore                  *store,
                                            const UppBriefingOptions  *options,
                                            GError                   **error);
guint        upp_briefing_get_n_pages      (UppBriefing               *self);
const char  *upp_briefing_get_title        (UppBriefing               *self);
void         upp_briefing_draw_page        (UppBriefing               *self,
                                            cairo_t                   *cr,
                                            guint                      page);
void         upp_briefing_free             (UppBriefing               *self);

gboolean     upp_briefing_write            (UppStore                  *store,
                                            const UppBriefingOptions  *options,
                                            const char                *path,
                                            GError                   **error);
gboolean     upp_briefing_write_to_stream  (UppStore                  *store,
                                            const UppBriefingOptions  *options,
                                            GOutputStream             *stream,
                                            GCancellable              *cancellable,
                                            GError                   **error);
void         upp_briefing_write_async      (UppStore                  *store,
                                            const UppBriefingOptions  *options,
                                            GFile                     *file,
                                            GCancellable              *cancellable,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data);
gboolean     upp_briefing_write_finish     (UppStore                  *store,
                                            GAsyncResult              *result,
                                            GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppBriefing, upp_briefing_free)

G_END_DECLS

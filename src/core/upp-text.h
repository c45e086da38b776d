/* upp-text.h — characters a text from the shared folder may not show unseen
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A document's text may hold this many line breaks (docs/formats.md). */
#define UPP_TEXT_MAX_LINE_BREAKS 20
/* … and this many combining marks on one character. */
#define UPP_TEXT_MAX_MARKS 3

gboolean  upp_text_is_control      (gunichar    c);
gboolean  upp_text_is_bidi_control (gunichar    c);
gboolean  upp_text_is_mark         (gunichar    c);

char     *upp_text_escape          (const char *text,
                                    gssize      length);
char     *upp_text_tame            (const char *text,
                                    guint       max_line_breaks);

G_END_DECLS

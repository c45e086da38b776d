/* upp-guard.h — keep personal identity numbers out of the reports
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * UppGuardMatch:
 * @offset: byte offset of the number in the text, at its first digit
 * @length: its length in bytes to the end of its last digit, separators
 *   and invisible characters between included
 * @masked: (owned): the number as the guard reads it, masked, in ASCII
 *   digits, e.g. `19xxxxxx-xx12`; it may be shorter or longer than @length
 *
 * A personal identity or coordination number found by upp_guard_find().
 * Release the contents with upp_guard_match_clear(), or declare it as
 * `g_auto(UppGuardMatch) match = { 0 };`.
 */
typedef struct
{
  gsize  offset;
  gsize  length;
  char  *masked;
} UppGuardMatch;

void      upp_guard_match_clear  (UppGuardMatch *match);
gboolean  upp_guard_find         (const char    *text,
                                  gssize         length,
                                  UppGuardMatch *out_match);
char     *upp_guard_check_text   (const char    *text);
char     *upp_guard_mask_text    (const char    *text);
char     *upp_guard_check_number (double         value);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UppGuardMatch, upp_guard_match_clear)

G_END_DECLS

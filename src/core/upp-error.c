/* upp-error.c
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "upp-error.h"

G_DEFINE_QUARK (upp-error-quark, upp_error)

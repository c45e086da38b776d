/* upp-format-limits.h — how large a document may be
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Below both the importer and the store: the importer reads no more, and
 * the store bounds what a stored copy may inflate to by it. */

/* Reports and packages larger than this are refused without being read. */
#define UPP_IMPORT_MAX_BYTES (8 * 1024 * 1024)

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

/* A document keeps at most this many problems; the others are only
 * counted, and one last line says how many there were. A hostile file of
 * 8 MB gives hundreds of thousands of problems, and every one would be
 * kept, shown and printed. */
#define UPP_MAX_PROBLEMS 100

/* No problem message is longer than this many bytes (it may quote a key of
 * megabytes): longer ones are cut, with "…". */
#define UPP_MAX_PROBLEM_LENGTH 1000

/* A batch keeps the problems of its files, up to UPP_MAX_PROBLEMS each, until
 * it has kept this many in all; a rejected file after that keeps its first
 * problem and a line that says more were not kept. Whatever its files say,
 * a batch's results are then at most about this many problems (each at most
 * UPP_MAX_PROBLEM_LENGTH bytes) and two lines a file. */
#define UPP_IMPORT_BATCH_PROBLEMS 10000

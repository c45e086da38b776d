/* upp-document.h — a document being imported: its file, its kind, what was read from it
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "upp-model.h"

G_BEGIN_DECLS

typedef enum
{
  UPP_DOCUMENT_UNKNOWN,
  UPP_DOCUMENT_PACKAGE,
  UPP_DOCUMENT_REPORT,
} UppDocumentKind;

/**
 * UppDocument:
 * @path: the file it came from
 * @kind: package or report, once that much is known
 * @bytes: (nullable): the file's bytes, once read
 * @sha256: (nullable): their SHA-256
 * @package: (nullable): the parsed definition
 * @report: (nullable): the parsed report
 * @problems: (element-type utf8): one message per problem, each naming the
 *   file and the place; empty when the document is valid
 */
typedef struct
{
  char            *path;
  UppDocumentKind  kind;
  GBytes          *bytes;
  char            *sha256;
  UppPackage      *package;
  UppReport       *report;
  GPtrArray       *problems;
} UppDocument;

void upp_document_free (UppDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppDocument, upp_document_free)

G_END_DECLS

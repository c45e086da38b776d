/* upp-import-private.h — what the importer's files share
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-format.h"
#include "upp-import.h"
#include "upp-store-private.h"

G_BEGIN_DECLS

/* upp-import-files.c */
GBytes      *upp_import_read_document_bytes (const char       *path,
                                             GError          **error);
gboolean     upp_import_sniff_file          (const char       *path,
                                             GByteArray       *buffer);

/* upp-import-validate.c */
int          upp_import_compare_strings     (gconstpointer     a,
                                             gconstpointer     b);
GHashTable  *upp_import_index_actions       (const UppPackage *package);
void         upp_import_validate_report     (Checker          *checker,
                                             UppReport        *report,
                                             const UppPackage *package,
                                             GHashTable       *actions);
void         upp_import_check_origin        (UppDocument      *document,
                                             const char       *shared_folder);
void         upp_import_validate_document   (UppDocument      *document,
                                             UppStore         *store,
                                             const UppPackage *package,
                                             GHashTable       *actions);

G_END_DECLS

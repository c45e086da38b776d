/* upp-import.h — documents in: read, parse, validate, guard, store
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "upp-document.h"
#include "upp-format-limits.h"
#include "upp-store.h"

G_BEGIN_DECLS

/**
 * UppImportStatus:
 * @UPP_IMPORT_IMPORTED: stored and in force
 * @UPP_IMPORT_DUPLICATE: the same bytes were imported before
 * @UPP_IMPORT_SUPERSEDED: stored; it supersedes an earlier revision
 * @UPP_IMPORT_KEPT_OLDER: stored, but a later revision already counts
 * @UPP_IMPORT_REJECTED: nothing stored; see the problems
 */
typedef enum
{
  UPP_IMPORT_IMPORTED,
  UPP_IMPORT_DUPLICATE,
  UPP_IMPORT_SUPERSEDED,
  UPP_IMPORT_KEPT_OLDER,
  UPP_IMPORT_PENDING,
  UPP_IMPORT_OTHER_PACKAGE,
  UPP_IMPORT_REJECTED,
} UppImportStatus;

/**
 * UppImportResult:
 * @path: the file
 * @kind: what it was
 * @status: what happened
 * @problems: (element-type utf8): why it was rejected
 */
typedef struct
{
  char            *path;
  UppDocumentKind  kind;
  UppImportStatus  status;
  GPtrArray       *problems;
} UppImportResult;

/**
 * UppImportProgress:
 * @done: files handled so far
 * @total: files in the batch
 * @user_data: closure
 *
 * Called from the thread that runs the import.
 */
/**
 * UppPendingRevision:
 * @info: the stored revision
 * @changes: (element-type utf8): what it would change, in words
 * @problems: (element-type utf8): why it cannot take effect now (empty if
 *   it can)
 * @is_next: whether it is the revision after the one in force, the only
 *   one that can be accepted now
 *
 * A package revision that waits for a decision, ready for review.
 */
/* The subfolder of the shared folder that leadership writes in: package
 * revisions come from there (docs/security.md). The same name on every
 * desktop, so not translated. */
#define UPP_LEADERSHIP_FOLDER "ledning"

typedef struct
{
  UppRevisionInfo *info;
  GPtrArray       *changes;
  GPtrArray       *problems;
  gboolean         is_next;
} UppPendingRevision;

void upp_pending_revision_free (UppPendingRevision *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppPendingRevision, upp_pending_revision_free)

typedef void (*UppImportProgress) (guint    done,
                                   guint    total,
                                   gpointer user_data);

void             upp_import_result_free       (UppImportResult *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppImportResult, upp_import_result_free)

UppDocument     *upp_document_load            (const char          *path,
                                               UppStore            *store);
UppDocument     *upp_document_parse           (const char          *display_name,
                                               GBytes              *bytes,
                                               UppStore            *store);
GPtrArray       *upp_import_collect_files     (const char * const  *paths,
                                               GError             **error);
GPtrArray       *upp_import_files             (UppStore            *store,
                                               GPtrArray           *files,
                                               UppImportProgress    progress,
                                               gpointer             user_data,
                                               GCancellable        *cancellable);
GPtrArray       *upp_import_files_in_background (UppStore          *store,
                                                 GPtrArray         *files,
                                                 UppImportProgress  progress,
                                                 gpointer           user_data,
                                                 GCancellable      *cancellable);
GPtrArray       *upp_import_shared_files      (UppStore            *store,
                                               const char          *shared_folder,
                                               GPtrArray           *files,
                                               GCancellable        *cancellable);
void             upp_import_files_async       (UppStore            *store,
                                               GPtrArray           *files,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray       *upp_import_files_finish      (UppStore            *store,
                                               GAsyncResult        *result,
                                               GError             **error);
UppDocument     *upp_import_read_revision     (UppStore            *store,
                                               const UppRevisionInfo *info,
                                               GError             **error);
GPtrArray       *upp_import_describe_claims   (GPtrArray           *paths,
                                               const UppPackage    *package);
GPtrArray       *upp_import_list_pending_revisions (UppStore       *store,
                                                    GError        **error);
gboolean         upp_import_decide_revision   (UppStore            *store,
                                               const char          *sha256,
                                               gboolean             accept,
                                               const char          *by,
                                               GError             **error);
const char      *upp_import_status_get_label  (UppImportStatus      status);
char            *upp_import_result_format     (const UppImportResult *result);

char            *upp_report_template          (UppStore            *store,
                                               const char          *department,
                                               UppWeek              week,
                                               GError             **error);

G_END_DECLS

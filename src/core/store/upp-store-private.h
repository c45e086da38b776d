/* upp-store-private.h — what the importer may do to the store
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-store.h"

G_BEGIN_DECLS

/**
 * UppStoreOutcome:
 * @UPP_STORE_ADDED: stored and in force
 * @UPP_STORE_DUPLICATE: the same bytes were imported before; nothing done
 * @UPP_STORE_SUPERSEDED: stored and in force; an earlier revision is kept
 *   but no longer counts
 * @UPP_STORE_KEPT_OLDER: stored, but a later revision already counts
 */
typedef enum
{
  UPP_STORE_ADDED,
  UPP_STORE_DUPLICATE,
  UPP_STORE_SUPERSEDED,
  UPP_STORE_KEPT_OLDER,
  UPP_STORE_PENDING,
} UppStoreOutcome;

gboolean    upp_store_begin               (UppStore          *self,
                                           GError           **error);
gboolean    upp_store_commit              (UppStore          *self,
                                           GError           **error);
void        upp_store_rollback            (UppStore          *self);
gboolean    upp_store_savepoint           (UppStore          *self,
                                           const char        *name,
                                           GError           **error);
gboolean    upp_store_release             (UppStore          *self,
                                           const char        *name,
                                           GError           **error);
void        upp_store_rollback_to         (UppStore          *self,
                                           const char        *name);

void        upp_store_begin_batch         (UppStore          *self);
void        upp_store_end_batch           (UppStore          *self);

gboolean    upp_store_has_document        (UppStore          *self,
                                           const char        *sha256);
GHashTable *upp_store_get_document_kinds  (UppStore          *self);
GHashTable *upp_store_get_reported_actions (UppStore         *self);
gboolean    upp_store_add_package         (UppStore          *self,
                                           const UppPackage  *package,
                                           GBytes            *bytes,
                                           const char        *sha256,
                                           const char        *filename,
                                           UppStoreOutcome   *out_outcome,
                                           GError           **error);
gboolean    upp_store_decide_revision     (UppStore          *self,
                                           const char        *sha256,
                                           const UppPackage  *package,
                                           const char        *by,
                                           GError           **error);
gboolean    upp_store_add_report          (UppStore          *self,
                                           const UppReport   *report,
                                           GBytes            *bytes,
                                           const char        *sha256,
                                           const char        *filename,
                                           UppStoreOutcome   *out_outcome,
                                           GError           **error);

G_END_DECLS

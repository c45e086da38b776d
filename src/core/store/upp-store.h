/* upp-store.h — the SQLite store and its "as of week W" queries
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "upp-model.h"
#include "upp-status.h"

G_BEGIN_DECLS

#define UPP_STORE_SCHEMA_VERSION 9

#define UPP_TYPE_STORE (upp_store_get_type ())

G_DECLARE_FINAL_TYPE (UppStore, upp_store, UPP, STORE, GObject)

/**
 * UppActionStatus:
 *
 * One action as of a week: its definition's essentials, the lead's latest
 * entry and the derived state with its reason.
 */
typedef struct
{
  char      *code;
  char      *title;
  char      *goal;
  char      *lead;
  char      *lead_name;
  GDate      start;            /* invalid when the package gives none */
  GDate      deadline;
  UppState   state;
  gboolean   contradiction;
  char      *reason;
  gboolean   has_entry;        /* the lead ever reported at or before the week */
  UppWeek    entry_week;
  UppStatus  entry_status;
  int        progress;
  char      *comment;          /* nullable, from the latest lead entry */
  char      *next_steps;       /* nullable */
  char      *risks;            /* nullable */
} UppActionStatus;

/**
 * UppStatusChange:
 *
 * An action whose state differs between the week before and the week.
 */
typedef struct
{
  char     *code;
  char     *title;
  char     *lead;
  UppState  from;
  UppState  to;
} UppStatusChange;

/**
 * UppHistoryEntry:
 *
 * One report entry on an action, any department, as shown in its history.
 */
typedef struct
{
  char      *action;
  UppWeek    week;
  char      *department;
  gboolean   is_lead;
  UppStatus  status;
  int        progress;
  char      *comment;
  char      *next_steps;
  char      *risks;
  char      *submitted;
  int        revision;         /* 1, or 2… for corrections */
  gboolean   is_current;       /* FALSE when a later correction superseded it */
} UppHistoryEntry;

/**
 * UppNote:
 *
 * A leadership note on an action for a week.
 */
typedef struct
{
  char    *action;
  UppWeek  week;
  char    *text;
  char    *updated;
} UppNote;

/**
 * UppDocumentInfo:
 *
 * An imported document (package definition or report), kept whole.
 */
typedef struct
{
  gint64    id;
  char     *kind;              /* "package" or "report" */
  char     *filename;
  char     *sha256;
  char     *imported;
  char     *department;        /* reports only */
  UppWeek   week;              /* reports only */
  char     *submitted;         /* reports only */
  int       revision;          /* package revision, or report revision for the week */
  gboolean  is_current;        /* in force: not superseded */
  gboolean  pending;           /* package revisions: waits for a decision */
  gboolean  refused;           /* package revisions: refused on this desktop */
} UppDocumentInfo;

/**
 * UppRevisionState:
 * @UPP_REVISION_IN_FORCE: the definition in force
 * @UPP_REVISION_EARLIER: in force once, or older than the one in force
 * @UPP_REVISION_PENDING: newer than the one in force, waiting for a decision
 * @UPP_REVISION_REFUSED: refused on this desktop
 */
typedef enum
{
  UPP_REVISION_IN_FORCE,
  UPP_REVISION_EARLIER,
  UPP_REVISION_PENDING,
  UPP_REVISION_REFUSED,
} UppRevisionState;

/**
 * UppRevisionInfo:
 *
 * A stored package revision and what was decided about it.
 */
typedef struct
{
  gint64            document_id;
  int               revision;
  char             *sha256;
  char             *filename;
  char             *imported;
  UppRevisionState  state;
  char             *decided_by;  /* nullable: before decisions were recorded */
  char             *decided_at;  /* nullable */
} UppRevisionInfo;

void upp_revision_info_free  (UppRevisionInfo *self);
void upp_action_status_free  (UppActionStatus *self);
void upp_status_change_free  (UppStatusChange *self);
void upp_history_entry_free  (UppHistoryEntry *self);
void upp_note_free           (UppNote         *self);
void upp_document_info_free  (UppDocumentInfo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppActionStatus, upp_action_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppStatusChange, upp_status_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppHistoryEntry, upp_history_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppNote, upp_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppRevisionInfo, upp_revision_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppDocumentInfo, upp_document_info_free)

char       *upp_store_get_default_path        (void);
UppStore   *upp_store_open                    (const char   *path,
                                               GError      **error);
void        upp_store_check_blocking          (UppStore     *self);
void        upp_store_open_async              (const char          *path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
UppStore   *upp_store_open_finish             (GAsyncResult        *result,
                                               GError             **error);
const char *upp_store_get_path                (UppStore     *self);
gboolean    upp_store_has_package             (UppStore     *self);

UppPackage *upp_store_ref_package           (UppStore     *self);
UppPackage *upp_store_get_package             (UppStore     *self,
                                               GError      **error);
int         upp_store_get_package_revision    (UppStore     *self);
gboolean    upp_store_changed_elsewhere       (UppStore     *self);
const char *upp_store_get_network_filesystem  (UppStore     *self);
UppWeek     upp_store_get_first_week          (UppStore     *self);
UppWeek     upp_store_get_last_report_week    (UppStore     *self);

GPtrArray  *upp_store_query_status            (UppStore     *self,
                                               UppWeek       week,
                                               const char   *lead,
                                               GError      **error);
void        upp_store_count_states            (GPtrArray    *statuses,
                                               UppStateCounts *out_counts);
GPtrArray  *upp_store_query_department_counts (UppStore     *self,
                                               UppWeek       week,
                                               GError      **error);
GPtrArray  *upp_store_query_compliance        (UppStore     *self,
                                               UppWeek       last_week,
                                               guint         n_weeks,
                                               GError      **error);
GPtrArray  *upp_store_query_changes           (UppStore     *self,
                                               UppWeek       week,
                                               GError      **error);
GPtrArray  *upp_store_query_deadlines         (UppStore     *self,
                                               UppWeek       week,
                                               guint         n_weeks,
                                               GError      **error);
GPtrArray  *upp_store_query_trend             (UppStore     *self,
                                               UppWeek       week,
                                               GError      **error);
GPtrArray  *upp_store_query_indicator_series  (UppStore     *self,
                                               UppWeek       week,
                                               const char   *action,
                                               GError      **error);
GPtrArray  *upp_store_query_history           (UppStore     *self,
                                               const char   *action,
                                               UppWeek       week,
                                               GError      **error);
GPtrArray  *upp_store_query_latest_entries   (UppStore     *self,
                                               const char   *department,
                                               UppWeek       before,
                                               GError      **error);
GHashTable *upp_store_get_indicator_values    (UppStore     *self,
                                               const char   *department,
                                               UppWeek       week,
                                               const char   *action);
GPtrArray  *upp_store_list_missing_reports    (UppStore     *self,
                                               UppWeek       week,
                                               GError      **error);

char       *upp_store_get_note                (UppStore     *self,
                                               const char   *action,
                                               UppWeek       week,
                                               GError      **error);
gboolean    upp_store_set_note                (UppStore     *self,
                                               const char   *action,
                                               UppWeek       week,
                                               const char   *text,
                                               GError      **error);
GPtrArray  *upp_store_list_notes              (UppStore     *self,
                                               UppWeek       week,
                                               GError      **error);
GHashTable *upp_store_query_summaries         (UppStore     *self,
                                               UppWeek       week,
                                               GError      **error);

gboolean    upp_store_save_draft              (UppStore     *self,
                                               const char   *department,
                                               UppWeek       week,
                                               const char   *json,
                                               GError      **error);
char       *upp_store_get_draft               (UppStore     *self,
                                               const char   *department,
                                               UppWeek       week);
gboolean    upp_store_delete_draft            (UppStore     *self,
                                               const char   *department,
                                               UppWeek       week,
                                               GError      **error);

GPtrArray  *upp_store_list_revisions          (UppStore     *self,
                                               GError      **error);
int         upp_store_get_latest_revision     (UppStore     *self);
const char *upp_revision_state_get_label      (UppRevisionState state);
GPtrArray  *upp_store_list_documents          (UppStore     *self,
                                               GError      **error);
GPtrArray  *upp_store_list_reports            (UppStore     *self,
                                               const char   *department,
                                               UppWeek       week,
                                               GError      **error);
GHashTable *upp_store_get_reporting_departments (UppStore   *self,
                                                 GError    **error);
GBytes     *upp_store_get_document_bytes      (UppStore     *self,
                                               gint64        id,
                                               GError      **error);
char       *upp_store_dump                    (UppStore     *self,
                                               GError      **error);
gboolean    upp_store_backup                  (UppStore     *self,
                                               const char   *path,
                                               GError      **error);

G_END_DECLS

/* upp-dashboard.h — what the desktop dashboard shows for a week, and why
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "upp-store.h"

G_BEGIN_DECLS

/* The GUI only presents: every decision about what a tile says, which
 * actions need attention and in what order, how a deadline reads and which
 * rows a filter keeps is made here, without GTK, and unit tested. */

/**
 * UppTileKind:
 *
 * The key figures of the overview, in the order they are shown.
 */
typedef enum
{
  UPP_TILE_ACTIONS,
  UPP_TILE_DONE,
  UPP_TILE_ON_TRACK,
  UPP_TILE_AT_RISK,
  UPP_TILE_DELAYED,
  UPP_TILE_OVERDUE,
  UPP_TILE_UNREPORTED,
  UPP_N_TILES
} UppTileKind;

/**
 * UppTrend:
 * @UPP_TREND_NONE: nothing to compare with
 * @UPP_TREND_SAME: the same as the week before
 * @UPP_TREND_BETTER: a change for the better
 * @UPP_TREND_WORSE: a change for the worse
 * @UPP_TREND_NEUTRAL: a change that is neither (the number of actions)
 */
typedef enum
{
  UPP_TREND_NONE,
  UPP_TREND_SAME,
  UPP_TREND_BETTER,
  UPP_TREND_WORSE,
  UPP_TREND_NEUTRAL,
} UppTrend;

/**
 * UppTile:
 * @kind: which figure
 * @state: the state it counts, %UPP_N_STATES for all actions
 * @value: the number shown
 * @previous: the same number the week before, -1 when unknown
 * @percent: @value as a share of all actions, 0–100
 * @trend: how @value moved since the week before
 * @alert: a state that needs attention, and there are some
 * @label: "Done"
 * @caption: one line under the number: "+1 since week 39", "43 % of 14"
 * @description: the whole tile as one sentence for screen readers
 */
typedef struct
{
  UppTileKind  kind;
  UppState     state;
  int          value;
  int          previous;
  int          percent;
  UppTrend     trend;
  gboolean     alert;
  char        *label;
  char        *caption;
  char        *description;
} UppTile;

void      upp_tile_clear                  (UppTile              *tile);

void      upp_dashboard_compute_tiles     (const UppStateCounts *counts,
                                           const UppStateCounts *previous,
                                           UppWeek               week,
                                           UppTile               out_tiles[UPP_N_TILES]);

/**
 * UppAttentionKind:
 *
 * Why an action is on the "Needs attention" list, the most severe first.
 */
typedef enum
{
  UPP_ATTENTION_OVERDUE,
  UPP_ATTENTION_DELAYED,
  UPP_ATTENTION_CONTRADICTION,
  UPP_ATTENTION_AT_RISK,
  UPP_ATTENTION_UNREPORTED,
} UppAttentionKind;

/**
 * UppAttentionItem:
 * @code: the action code
 * @title: the action title
 * @lead: the lead department's code
 * @lead_name: its name
 * @kind: why it is listed
 * @state: the derived state
 * @contradiction: the report says on track (or not started) although the
 *   deadline has passed
 * @severity: higher is more severe; the list is sorted by it
 * @deadline: the deadline
 * @reason: one sentence for people: "4 weeks overdue (deadline 2026-10-30);
 *   last report: delayed in week 48"
 * @comment: (nullable): the lead's latest comment
 */
typedef struct
{
  char             *code;
  char             *title;
  char             *lead;
  char             *lead_name;
  UppAttentionKind  kind;
  UppState          state;
  gboolean          contradiction;
  int               severity;
  GDate             deadline;
  char             *reason;
  char             *comment;
} UppAttentionItem;

void        upp_attention_item_free       (UppAttentionItem     *self);

/**
 * UppMissingReports:
 * @lead: the department's code
 * @lead_name: its name
 * @actions: (element-type UppActionStatus): the actions it leads and has
 *   not reported on for the week, in package order; borrowed from the
 *   statuses the group was made from
 *
 * Who to remind: one department's unreported actions. Not a decision for
 * the director, so not on the "Needs a decision" list.
 */
typedef struct
{
  char      *lead;
  char      *lead_name;
  GPtrArray *actions;
} UppMissingReports;

void        upp_missing_reports_free      (UppMissingReports    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppMissingReports, upp_missing_reports_free)

gboolean    upp_dashboard_needs_decision  (const UppActionStatus *status);
GPtrArray  *upp_dashboard_missing_reports (GPtrArray            *statuses);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppAttentionItem, upp_attention_item_free)

GPtrArray  *upp_dashboard_attention       (GPtrArray            *statuses,
                                           UppWeek               week,
                                           const GDate          *reference);

void        upp_dashboard_reference_date  (UppWeek               week,
                                           const GDate          *today,
                                           int                   due_weekday,
                                           GDate                *out_date);
char       *upp_dashboard_deadline_text   (const GDate          *deadline,
                                           const GDate          *reference,
                                           UppState              state);
gboolean    upp_dashboard_deadline_passed (const GDate          *deadline,
                                           const GDate          *reference,
                                           UppState              state);
char       *upp_dashboard_week_title      (UppWeek               week);
char       *upp_dashboard_week_relation   (UppWeek               week,
                                           UppWeek               today);
char       *upp_dashboard_last_report_text (const UppActionStatus *status);

/**
 * UppActionFilter:
 * @department: (nullable): only actions this department leads
 * @state: only actions in this state; %UPP_N_STATES for any
 * @goal: (nullable): only actions serving this goal
 * @search: (nullable): words that must all occur in the code, title, goal,
 *   lead department or latest comment, in any case
 */
typedef struct
{
  char     *department;
  UppState  state;
  char     *goal;
  char     *search;
} UppActionFilter;

void        upp_action_filter_init        (UppActionFilter      *filter);
void        upp_action_filter_clear       (UppActionFilter      *filter);
gboolean    upp_action_filter_is_empty    (const UppActionFilter *filter);
gboolean    upp_action_filter_matches     (const UppActionFilter *filter,
                                           const UppActionStatus *status);
guint       upp_action_filter_count       (const UppActionFilter *filter,
                                           GPtrArray             *statuses);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UppActionFilter, upp_action_filter_clear)

/**
 * UppHistoryMark:
 * @UPP_HISTORY_ORIGINAL: the only revision of that week's report
 * @UPP_HISTORY_CORRECTED: a correction, in force
 * @UPP_HISTORY_SUPERSEDED: replaced by a later correction; shown dimmed
 */
typedef enum
{
  UPP_HISTORY_ORIGINAL,
  UPP_HISTORY_CORRECTED,
  UPP_HISTORY_SUPERSEDED,
} UppHistoryMark;

UppHistoryMark upp_dashboard_history_mark       (const UppHistoryEntry *entry);
const char    *upp_dashboard_history_mark_label (UppHistoryMark         mark);

char       *upp_dashboard_import_summary  (GPtrArray            *results);
const char *upp_dashboard_document_status (const UppDocumentInfo *info);

/**
 * UppDashboard:
 * @week: the "as of" week
 * @today: the current week (the week of the @today given to the load)
 * @first_week: the earliest week worth showing: the package's first
 *   reporting week (@week when the store is empty)
 * @last_week: the latest: the current week, or the latest week a report
 *   was imported for when that is later
 * @reference: the day deadlines are measured from (see
 *   upp_dashboard_reference_date())
 * @package: (nullable): the package definition in force (a copy), %NULL
 *   when the store is empty
 * @statuses: (element-type UppActionStatus): every action as of @week
 * @counts: their states
 * @previous: the states the week before
 * @has_previous: whether @previous means anything (@week is after the
 *   first reporting week)
 * @tiles: the key figures
 * @attention: (element-type UppAttentionItem): what needs attention:
 *   first what needs a decision, the most severe first (@n_decisions of
 *   them), then the unreported actions grouped by department
 * @n_decisions: how many of @attention need a decision
 * @missing: (element-type UppMissingReports): the unreported actions by
 *   department, for the "Missing Reports" section
 * @departments: (element-type UppDepartmentCounts): for the chart
 * @deadlines: (element-type UppDeadline): for the chart
 * @trend: (element-type UppTrendPoint): for the chart
 * @compliance: (element-type UppComplianceRow): the last
 *   %UPP_DASHBOARD_COMPLIANCE_WEEKS weeks, for the heat map
 * @documents: (element-type UppDocumentInfo): every imported document
 * @pending_revisions: (element-type UppPendingRevision): package revisions
 *   that wait for a decision, with what they would change
 *
 * Everything the windows show for one week, loaded in one go (in a worker
 * thread) and then only read. Reference counted; every field is immutable.
 */
typedef struct
{
  UppWeek         week;
  UppWeek         today;
  UppWeek         first_week;
  UppWeek         last_week;
  GDate           reference;
  UppPackage     *package;
  GPtrArray      *statuses;
  UppStateCounts  counts;
  UppStateCounts  previous;
  gboolean        has_previous;
  UppTile         tiles[UPP_N_TILES];
  GPtrArray      *attention;
  guint           n_decisions;
  GPtrArray      *missing;
  GPtrArray      *departments;
  GPtrArray      *deadlines;
  GPtrArray      *trend;
  GPtrArray      *compliance;
  GPtrArray      *documents;
  GPtrArray      *pending_revisions;
} UppDashboard;

#define UPP_DASHBOARD_DEADLINE_WEEKS 8
#define UPP_DASHBOARD_COMPLIANCE_WEEKS 12

void                   upp_dashboard_get_today   (GDate              *out_date);
UppDashboard          *upp_dashboard_load        (UppStore           *store,
                                                  UppWeek             week,
                                                  const GDate        *today,
                                                  GError            **error);
#define UPP_TYPE_DASHBOARD (upp_dashboard_get_type ())
GType                  upp_dashboard_get_type    (void) G_GNUC_CONST;
UppDashboard          *upp_dashboard_ref         (UppDashboard       *self);
void                   upp_dashboard_unref       (UppDashboard       *self);
gboolean               upp_dashboard_is_empty    (const UppDashboard *self);
const UppActionStatus *upp_dashboard_find_status (const UppDashboard *self,
                                                  const char         *code);
const UppAction       *upp_dashboard_find_action (const UppDashboard *self,
                                                  const char         *code);
const char            *upp_dashboard_department_name (const UppDashboard *self,
                                                      const char         *code);
const char            *upp_dashboard_goal_title  (const UppDashboard *self,
                                                  const char         *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppDashboard, upp_dashboard_unref)

/**
 * UppActionDetails:
 * @code: the action
 * @week: as of this week
 * @history: (element-type UppHistoryEntry): its report entries, newest
 *   week first
 * @indicators: (element-type UppIndicatorSeries): its indicators
 * @note: (nullable): the leadership note for @week
 *
 * What the detail pane shows beside the list, loaded in a worker thread.
 * Reference counted, so that a chart can keep the series it draws alive.
 */
typedef struct
{
  char      *code;
  UppWeek    week;
  GPtrArray *history;
  GPtrArray *indicators;
  char      *note;
} UppActionDetails;

UppActionDetails *upp_action_details_load  (UppStore          *store,
                                            const char        *code,
                                            UppWeek            week,
                                            GError           **error);
UppActionDetails *upp_action_details_ref   (UppActionDetails  *self);
void              upp_action_details_unref (UppActionDetails  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppActionDetails, upp_action_details_unref)

G_END_DECLS

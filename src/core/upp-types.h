/* upp-types.h — the domain model
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "upp-week.h"

G_BEGIN_DECLS

/**
 * UppStatus:
 *
 * What a department reports for an action in a week.
 */
typedef enum
{
  UPP_STATUS_NOT_STARTED,
  UPP_STATUS_ON_TRACK,
  UPP_STATUS_AT_RISK,
  UPP_STATUS_DELAYED,
  UPP_STATUS_DONE,
  UPP_N_STATUSES
} UppStatus;

/**
 * UppState:
 *
 * What the follow-up shows for an action as of a week: a reported status,
 * or one of the two the store derives (overdue, unreported). The order is
 * the order of legends and stacked bars: finished first, worst last.
 */
typedef enum
{
  UPP_STATE_DONE,
  UPP_STATE_ON_TRACK,
  UPP_STATE_NOT_STARTED,
  UPP_STATE_AT_RISK,
  UPP_STATE_DELAYED,
  UPP_STATE_OVERDUE,
  UPP_STATE_UNREPORTED,
  UPP_N_STATES
} UppState;

/**
 * UppCompliance:
 *
 * How a department reported in one week.
 */
typedef enum
{
  UPP_COMPLIANCE_ON_TIME,
  UPP_COMPLIANCE_LATE,
  UPP_COMPLIANCE_CORRECTED,
  UPP_COMPLIANCE_MISSING,
  UPP_COMPLIANCE_NOT_DUE,
  UPP_N_COMPLIANCE
} UppCompliance;

typedef enum
{
  UPP_DIRECTION_UP,
  UPP_DIRECTION_DOWN,
} UppDirection;

const char *upp_status_to_string      (UppStatus      status);
gboolean    upp_status_from_string    (const char    *text,
                                       UppStatus     *out_status);
const char *upp_status_get_label      (UppStatus      status);
UppState    upp_status_to_state       (UppStatus      status);
char       *upp_status_describe       (UppStatus      status);

const char *upp_state_to_string       (UppState       state);
const char *upp_state_get_label       (UppState       state);
const char *upp_state_get_symbol      (UppState       state);
int         upp_state_get_severity    (UppState       state);
gboolean    upp_state_needs_attention (UppState       state);

char       *upp_state_format_count    (UppState       state,
                                       int            n);
char       *upp_compliance_format_count (UppCompliance compliance,
                                         int           n);

const char *upp_compliance_to_string  (UppCompliance  compliance);
const char *upp_compliance_get_label  (UppCompliance  compliance);

/**
 * UppStateCounts:
 * @counts: actions per #UppState
 * @total: the sum of @counts
 */
typedef struct
{
  int counts[UPP_N_STATES];
  int total;
} UppStateCounts;

/* Rows of the "as of week W" queries, shared by the store, the charts, the
 * GUI and the briefing. Each array type below is a GPtrArray that owns its
 * rows (free function set). */

/**
 * UppDepartmentCounts: one department's actions (as lead) by state.
 */
typedef struct
{
  char           *code;
  char           *name;
  gboolean        partner;
  UppStateCounts  counts;
} UppDepartmentCounts;

/**
 * UppDeadline: one action on the deadline timeline.
 */
typedef struct
{
  char     *action_code;
  char     *title;
  char     *lead_code;
  GDate     deadline;
  UppState  state;
} UppDeadline;

/**
 * UppTrendPoint: the state counts of one week.
 */
typedef struct
{
  UppWeek        week;
  UppStateCounts counts;
} UppTrendPoint;

/**
 * UppComplianceRow: one department's reporting over @n_weeks weeks,
 * the oldest first (@first_week).
 */
typedef struct
{
  char          *department_code;
  char          *department_name;
  gboolean       partner;
  UppWeek        first_week;
  guint          n_weeks;
  UppCompliance *cells;
} UppComplianceRow;

/**
 * UppIndicatorSeries: one indicator of one action over the weeks it was
 * reported, the oldest first. Weeks without a value are simply absent.
 */
typedef struct
{
  char         *action_code;
  char         *indicator_code;
  char         *name;
  char         *unit;
  gboolean      has_target;
  double        target;
  UppDirection  direction;
  guint         n_points;
  UppWeek      *weeks;
  double       *values;
} UppIndicatorSeries;

void upp_department_counts_free (UppDepartmentCounts *self);
void upp_deadline_free          (UppDeadline         *self);
void upp_trend_point_free       (UppTrendPoint       *self);
void upp_compliance_row_free    (UppComplianceRow    *self);
void upp_indicator_series_free  (UppIndicatorSeries  *self);

void upp_state_counts_add       (UppStateCounts      *counts,
                                 UppState             state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppDepartmentCounts, upp_department_counts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppDeadline, upp_deadline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppTrendPoint, upp_trend_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppComplianceRow, upp_compliance_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppIndicatorSeries, upp_indicator_series_free)

G_END_DECLS

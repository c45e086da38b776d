/* upp-chart-draw.h — the status charts, painted into any cairo_t
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "upp-chart-style.h"
#include "upp-types.h"
#include "upp-week.h"

G_BEGIN_DECLS

/**
 * UppChartKind:
 * @UPP_CHART_STATUS_RING: actions by state as a ring, total in the middle
 * @UPP_CHART_DEPARTMENTS: one stacked bar of states per department
 * @UPP_CHART_DEADLINES: deadlines of the coming weeks, and the overdue ones
 * @UPP_CHART_TREND: stacked columns of states, week by week
 * @UPP_CHART_COMPLIANCE: a heat map of reporting, departments × weeks
 * @UPP_CHART_INDICATOR: one indicator against its target
 */
typedef enum
{
  UPP_CHART_STATUS_RING,
  UPP_CHART_DEPARTMENTS,
  UPP_CHART_DEADLINES,
  UPP_CHART_TREND,
  UPP_CHART_COMPLIANCE,
  UPP_CHART_INDICATOR,
  UPP_N_CHARTS
} UppChartKind;

#define UPP_CHART_DEFAULT_WEEKS 8

/**
 * UppChartData:
 * @kind: which chart
 * @week: the "as of" week; "today" for the deadline chart and the last
 *   column of the heat map
 * @n_weeks: deadlines: weeks ahead, @week included; compliance: columns,
 *   ending at @week. 0 means %UPP_CHART_DEFAULT_WEEKS
 * @counts: status ring: the state counts
 * @departments: departments chart: #UppDepartmentCounts rows
 * @deadlines: deadline chart: #UppDeadline rows, overdue ones included
 * @trend: trend chart: #UppTrendPoint rows, the oldest first
 * @compliance: heat map: #UppComplianceRow rows
 * @indicator: indicator chart: the series
 *
 * What one chart shows. All pointers are borrowed; only the fields of
 * @kind are read, and %NULL or empty means "no data" (the chart says so).
 */
typedef struct
{
  UppChartKind              kind;
  UppWeek                   week;
  guint                     n_weeks;
  const UppStateCounts     *counts;
  GPtrArray                *departments;
  GPtrArray                *deadlines;
  GPtrArray                *trend;
  GPtrArray                *compliance;
  const UppIndicatorSeries *indicator;
} UppChartData;

void  upp_chart_draw     (cairo_t             *cr,
                          const UppChartStyle *style,
                          const UppChartData  *data,
                          double               width,
                          double               height);
char *upp_chart_describe (const UppChartData  *data);

double upp_chart_get_deadlines_height (cairo_t             *cr,
                                       const UppChartStyle *style,
                                       const UppChartData  *data,
                                       double               width,
                                       guint                max_lanes);

G_END_DECLS

/* upp-chart-layout.h — the arithmetic of the charts, without any drawing
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "upp-types.h"
#include "upp-week.h"

G_BEGIN_DECLS

/* Everything here works in the chart's user-space units (points on paper,
 * logical pixels on screen) and knows nothing of cairo or Pango: text
 * widths come in as numbers. That keeps every decision about where things
 * go unit-testable with exact expected values. */

/**
 * UppChartRect:
 * @x: left edge
 * @y: top edge
 * @width: width
 * @height: height
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} UppChartRect;

gboolean upp_chart_rect_intersects (const UppChartRect *a,
                                    const UppChartRect *b);

#define UPP_CHART_MAX_TICKS 16

/**
 * UppChartScale:
 * @min: the start of the axis (0 for counts)
 * @max: the end of the axis, a whole number of @step
 * @step: the distance between ticks: 1, 2, 2.5 or 5 times a power of ten
 * @n_ticks: number of entries in @ticks, @min and @max included
 * @ticks: the tick values
 * @decimals: digits after the decimal point that the tick labels need
 */
typedef struct
{
  double min;
  double max;
  double step;
  guint  n_ticks;
  double ticks[UPP_CHART_MAX_TICKS];
  guint  decimals;
} UppChartScale;

void    upp_chart_scale_init_counts   (UppChartScale        *scale,
                                       int                   max_count,
                                       guint                 max_intervals);
void    upp_chart_scale_init_values   (UppChartScale        *scale,
                                       double                lo,
                                       double                hi,
                                       guint                 max_intervals);
double  upp_chart_scale_fraction      (const UppChartScale  *scale,
                                       double                value);
char   *upp_chart_scale_format        (const UppChartScale  *scale,
                                       double                value);

void    upp_chart_layout_percentages  (const UppStateCounts *counts,
                                       int                   out_percent[UPP_N_STATES]);

/**
 * UppChartArc:
 * @state: the state of this segment
 * @count: its number of actions, never 0
 * @start_angle: radians, cairo's direction (clockwise on screen)
 * @end_angle: radians, greater than @start_angle
 */
typedef struct
{
  UppState state;
  int      count;
  double   start_angle;
  double   end_angle;
} UppChartArc;

guint   upp_chart_layout_ring         (const UppStateCounts *counts,
                                       double                start_angle,
                                       UppChartArc           out_arcs[UPP_N_STATES]);

/**
 * UppChartSpan:
 * @start: where a stacked segment begins along the value axis
 * @length: its length; 0 for a state with no actions
 */
typedef struct
{
  double start;
  double length;
} UppChartSpan;

void    upp_chart_layout_stack        (const UppStateCounts *counts,
                                       const UppChartScale  *scale,
                                       double                origin,
                                       double                length,
                                       UppChartSpan          out_spans[UPP_N_STATES]);

/**
 * UppChartBands:
 * @start: where the first band's slot begins
 * @step: the distance from one band to the next
 * @thickness: the drawn thickness of each band, centred in its slot
 * @n: the number of bands
 *
 * Equal slots along an axis: the rows of a bar chart, the columns of a
 * column chart.
 */
typedef struct
{
  double start;
  double step;
  double thickness;
  guint  n;
} UppChartBands;

void    upp_chart_bands_init          (UppChartBands        *bands,
                                       guint                 n,
                                       double                start,
                                       double                length,
                                       double                fill_ratio,
                                       double                max_thickness);
double  upp_chart_bands_center        (const UppChartBands  *bands,
                                       guint                 i);

guint   upp_chart_layout_visible_rows (guint                 n_rows,
                                       double                available,
                                       double                min_step);
guint   upp_chart_layout_label_stride (guint                 n_labels,
                                       double                spacing,
                                       double                label_width,
                                       double                min_gap);
guint   upp_chart_layout_flow         (const double         *widths,
                                       guint                 n,
                                       double                max_width,
                                       double                row_height,
                                       double                gap_x,
                                       double                gap_y,
                                       UppChartRect         *out_rects);

/**
 * UppChartTimeline:
 * @first_day: Julian day of the Monday of the "as of" week
 * @n_weeks: weeks shown from that Monday on
 * @x: where the Monday of the first week is
 * @width: the width of the @n_weeks weeks
 * @has_past: whether there is a zone for deadlines before @first_day
 * @past_first_day: the earliest of those deadlines
 * @past_x: leftmost mark centre in the zone for earlier deadlines
 * @past_width: the range of mark centres in that zone
 *
 * The deadline chart's horizontal axis: the coming weeks at a linear scale,
 * and left of them a compressed zone for what is already past, so that one
 * deadline a year ago does not squeeze the coming weeks into a corner.
 */
typedef struct
{
  guint32  first_day;
  guint    n_weeks;
  double   x;
  double   width;
  gboolean has_past;
  guint32  past_first_day;
  double   past_x;
  double   past_width;
} UppChartTimeline;

void     upp_chart_timeline_init       (UppChartTimeline       *timeline,
                                        UppWeek                 week,
                                        guint                   n_weeks,
                                        double                  x,
                                        double                  width);
void     upp_chart_timeline_set_past   (UppChartTimeline       *timeline,
                                        const GDate            *earliest,
                                        double                  past_x,
                                        double                  past_width);
double   upp_chart_timeline_week_x     (const UppChartTimeline *timeline,
                                        guint                   i);
gboolean upp_chart_timeline_locate     (const UppChartTimeline *timeline,
                                        const GDate            *date,
                                        double                 *out_x,
                                        int                    *out_week);

/**
 * UppChartLaneItem:
 * @x: the centre of the item's mark
 * @label_width: the width of its label; 0 for none
 * @min_x: the leftmost edge mark and label may reach
 * @max_x: the rightmost edge mark and label may reach
 */
typedef struct
{
  double x;
  double label_width;
  double min_x;
  double max_x;
} UppChartLaneItem;

/**
 * UppChartLaneParams:
 * @mark_width: the width of a mark
 * @label_gap: the space between a mark and its label
 * @spacing: the least space between neighbours in one lane
 * @max_lanes: how many lanes fit
 */
typedef struct
{
  double mark_width;
  double label_gap;
  double spacing;
  guint  max_lanes;
} UppChartLaneParams;

/**
 * UppChartLanePlacement:
 * @lane: 0 is next to the axis; -1 if the item did not fit at all
 * @labelled: whether its label is shown
 * @label_x: the left edge of the label, when @labelled
 */
typedef struct
{
  int      lane;
  gboolean labelled;
  double   label_x;
} UppChartLanePlacement;

guint    upp_chart_layout_lanes        (const UppChartLaneItem   *items,
                                        const guint              *order,
                                        guint                     n,
                                        const UppChartLaneParams *params,
                                        UppChartLanePlacement    *out_placements);

/**
 * UppChartGrid:
 * @x: left edge of the first column
 * @y: top edge of the first row
 * @cell_width: width of one cell
 * @cell_height: height of one cell
 * @gap: space between cells
 * @n_rows: rows
 * @n_columns: columns
 */
typedef struct
{
  double x;
  double y;
  double cell_width;
  double cell_height;
  double gap;
  guint  n_rows;
  guint  n_columns;
} UppChartGrid;

void          upp_chart_grid_init     (UppChartGrid           *grid,
                                       guint                   n_rows,
                                       guint                   n_columns,
                                       const UppChartRect     *area,
                                       double                  gap,
                                       double                  max_cell_height);
void          upp_chart_grid_cell     (const UppChartGrid     *grid,
                                       guint                   row,
                                       guint                   column,
                                       UppChartRect           *out_rect);
UppCompliance upp_chart_compliance_at (const UppComplianceRow *row,
                                       UppWeek                 week);
void          upp_chart_compliance_fill (const UppComplianceRow *row,
                                         UppWeek                 first_week,
                                         guint                   n_columns,
                                         UppCompliance          *out_cells);

double        upp_chart_week_fraction (UppWeek                 first,
                                       UppWeek                 last,
                                       UppWeek                 week);

G_END_DECLS

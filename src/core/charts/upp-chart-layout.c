/* upp-chart-layout.c
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "upp-chart-layout.h"

/**
 * upp_chart_rect_intersects:
 * @a: a rectangle
 * @b: another rectangle
 *
 * Returns: %TRUE if @a and @b share some area; touching edges do not count
 */
gboolean
upp_chart_rect_intersects (const UppChartRect *a,
                           const UppChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* ---- Scales ---------------------------------------------------------- */

/* The "nice" steps: 1, 2, 2.5 and 5 times a power of ten. 2.5 only from 25
 * on for counts, which must stay whole numbers. */
static double
nice_step (double raw,
           gboolean integers)
{
  static const double mantissas[] = { 1, 2, 2.5, 5, 10 };
  double magnitude;

  if (raw <= 0 || !isfinite (raw))
    return 1;

  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    {
      double step = mantissas[i] * magnitude;

      if (integers && (step < 1 || fmod (step, 1.0) != 0))
        continue;
      if (step >= raw * (1 - 1e-9))
        return step;
    }
  return 10 * magnitude;
}

static void
scale_fill_ticks (UppChartScale *scale)
{
  guint n = (guint) llround ((scale->max - scale->min) / scale->step) + 1;

  g_assert (n >= 2 && n <= UPP_CHART_MAX_TICKS);
  scale->n_ticks = n;
  for (guint i = 0; i < n; i++)
    scale->ticks[i] = scale->min + i * scale->step;
}

/**
 * upp_chart_scale_init_counts:
 * @scale: (out caller-allocates): the scale
 * @max_count: the largest count to show
 * @max_intervals: at most this many steps between 0 and the top tick (2–15)
 *
 * A scale for counts: it starts at zero, because a bar that starts
 * elsewhere lies about its length, and steps by whole numbers, because
 * there is no half an action. An empty chart still gets an axis 0–1.
 */
void
upp_chart_scale_init_counts (UppChartScale *scale,
                             int            max_count,
                             guint          max_intervals)
{
  double step;

  g_return_if_fail (scale != NULL);

  max_intervals = CLAMP (max_intervals, 2, UPP_CHART_MAX_TICKS - 1);
  max_count = MAX (max_count, 1);

  step = nice_step ((double) max_count / max_intervals, TRUE);
  while (ceil (max_count / step) > max_intervals)
    step = nice_step (step * 1.01, TRUE);

  memset (scale, 0, sizeof *scale);
  scale->min = 0;
  scale->step = step;
  scale->max = ceil (max_count / step) * step;
  scale->decimals = 0;
  scale_fill_ticks (scale);
}

static guint
decimals_for_step (double step)
{
  double digits = -floor (log10 (step) + 1e-9);
  double mantissa = step / pow (10, -digits);

  /* 2.5 needs one more digit than 2 or 5 */
  return (guint) MAX (0, digits + (fabs (mantissa - 2.5) < 1e-6 ? 1 : 0));
}

/**
 * upp_chart_scale_init_values:
 * @scale: (out caller-allocates): the scale
 * @lo: the smallest value to show
 * @hi: the largest value to show
 * @max_intervals: at most this many steps between the end ticks (2–15)
 *
 * A scale for measured values (indicators), whose ticks need not be whole
 * numbers and whose axis need not start at zero.
 */
void
upp_chart_scale_init_values (UppChartScale *scale,
                             double         lo,
                             double         hi,
                             guint          max_intervals)
{
  double step;

  g_return_if_fail (scale != NULL);

  max_intervals = CLAMP (max_intervals, 2, UPP_CHART_MAX_TICKS - 1);
  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (hi < lo)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  if (hi - lo < 1e-9)
    {
      /* One value: give it some room above and below. */
      double pad = fabs (hi) > 1e-9 ? fabs (hi) * 0.1 : 1;
      lo -= pad;
      hi += pad;
    }

  step = nice_step ((hi - lo) / max_intervals, FALSE);
  while ((ceil (hi / step - 1e-9) - floor (lo / step + 1e-9)) > max_intervals)
    step = nice_step (step * 1.01, FALSE);

  memset (scale, 0, sizeof *scale);
  scale->step = step;
  scale->min = floor (lo / step + 1e-9) * step;
  scale->max = ceil (hi / step - 1e-9) * step;
  scale->decimals = decimals_for_step (step);
  scale_fill_ticks (scale);
}

/**
 * upp_chart_scale_fraction:
 * @scale: a scale
 * @value: a value
 *
 * Returns: where @value lies on the axis, 0 at @scale's min, 1 at its max
 */
double
upp_chart_scale_fraction (const UppChartScale *scale,
                          double               value)
{
  g_return_val_if_fail (scale != NULL, 0);

  if (scale->max <= scale->min)
    return 0;
  return (value - scale->min) / (scale->max - scale->min);
}

/**
 * upp_chart_scale_format:
 * @scale: a scale
 * @value: a tick value
 *
 * Returns: (transfer full): @value with as many decimals as the scale's
 *   step needs, in the locale's number format
 */
char *
upp_chart_scale_format (const UppChartScale *scale,
                        double               value)
{
  g_return_val_if_fail (scale != NULL, NULL);

  /* Avoid "-0" from rounding. */
  if (fabs (value) < scale->step * 1e-6)
    value = 0;
  return g_strdup_printf ("%.*f", (int) scale->decimals, value);
}

/* ---- Ring and stacks ------------------------------------------------- */

/**
 * upp_chart_layout_percentages:
 * @counts: state counts
 * @out_percent: (out caller-allocates): whole percentages per state
 *
 * Rounds the shares of each state by the largest-remainder method, so the
 * legend always adds up to exactly 100 % (or all zeros when there is
 * nothing to count). A state with actions may still round to 0; the
 * drawing shows that as "<1%".
 */
void
upp_chart_layout_percentages (const UppStateCounts *counts,
                              int                   out_percent[UPP_N_STATES])
{
  double remainders[UPP_N_STATES];
  int total = 0;
  int sum = 0;

  g_return_if_fail (counts != NULL);

  memset (out_percent, 0, sizeof (int) * UPP_N_STATES);
  for (guint i = 0; i < UPP_N_STATES; i++)
    total += MAX (counts->counts[i], 0);
  if (total <= 0)
    return;

  for (guint i = 0; i < UPP_N_STATES; i++)
    {
      double exact = 100.0 * MAX (counts->counts[i], 0) / total;

      out_percent[i] = (int) floor (exact);
      remainders[i] = exact - out_percent[i];
      sum += out_percent[i];
    }

  while (sum < 100)
    {
      guint best = 0;

      for (guint i = 1; i < UPP_N_STATES; i++)
        if (remainders[i] > remainders[best])
          best = i;
      out_percent[best]++;
      remainders[best] = -1;
      sum++;
    }
}

/**
 * upp_chart_layout_ring:
 * @counts: state counts
 * @start_angle: where the first segment starts (-π/2 is twelve o'clock)
 * @out_arcs: (out caller-allocates): the segments
 *
 * One segment per state with actions, in #UppState order, clockwise. The
 * last segment ends at exactly @start_angle + 2π.
 *
 * Returns: the number of segments
 */
guint
upp_chart_layout_ring (const UppStateCounts *counts,
                       double                start_angle,
                       UppChartArc           out_arcs[UPP_N_STATES])
{
  guint n = 0;
  int cumulative = 0;
  int total = 0;

  g_return_val_if_fail (counts != NULL, 0);

  /* The sum of the counts, not @counts->total, so that the ring always
   * closes. */
  for (guint i = 0; i < UPP_N_STATES; i++)
    total += MAX (counts->counts[i], 0);
  if (total <= 0)
    return 0;

  for (guint i = 0; i < UPP_N_STATES; i++)
    {
      int count = counts->counts[i];

      if (count <= 0)
        continue;
      out_arcs[n].state = i;
      out_arcs[n].count = count;
      out_arcs[n].start_angle = start_angle + 2 * G_PI * cumulative / total;
      cumulative += count;
      out_arcs[n].end_angle = start_angle + 2 * G_PI * cumulative / total;
      n++;
    }

  return n;
}

/**
 * upp_chart_layout_stack:
 * @counts: state counts
 * @scale: the value axis
 * @origin: where the axis' minimum is
 * @length: how long the whole axis is
 * @out_spans: (out caller-allocates): one span per state
 *
 * The segments of one stacked bar (or column), each as long as its count
 * on @scale, one after the other in #UppState order.
 */
void
upp_chart_layout_stack (const UppStateCounts *counts,
                        const UppChartScale  *scale,
                        double                origin,
                        double                length,
                        UppChartSpan          out_spans[UPP_N_STATES])
{
  double per_unit;
  double at = origin;

  g_return_if_fail (counts != NULL);
  g_return_if_fail (scale != NULL);

  per_unit = scale->max > scale->min ? length / (scale->max - scale->min) : 0;
  for (guint i = 0; i < UPP_N_STATES; i++)
    {
      out_spans[i].start = at;
      out_spans[i].length = MAX (counts->counts[i], 0) * per_unit;
      at += out_spans[i].length;
    }
}

/* ---- Bands, rows, strides, flow -------------------------------------- */

/**
 * upp_chart_bands_init:
 * @bands: (out caller-allocates): the bands
 * @n: how many
 * @start: where the first slot begins
 * @length: the length of all slots together
 * @fill_ratio: the part of a slot the band fills (0–1)
 * @max_thickness: no band is thicker than this; 0 for no limit
 */
void
upp_chart_bands_init (UppChartBands *bands,
                      guint          n,
                      double         start,
                      double         length,
                      double         fill_ratio,
                      double         max_thickness)
{
  g_return_if_fail (bands != NULL);

  bands->n = n;
  bands->start = start;
  bands->step = n > 0 ? length / n : 0;
  bands->thickness = bands->step * CLAMP (fill_ratio, 0, 1);
  if (max_thickness > 0)
    bands->thickness = MIN (bands->thickness, max_thickness);
}

/**
 * upp_chart_bands_center:
 * @bands: bands
 * @i: a band
 *
 * Returns: the middle of band @i
 */
double
upp_chart_bands_center (const UppChartBands *bands,
                        guint                i)
{
  return bands->start + (i + 0.5) * bands->step;
}

/**
 * upp_chart_layout_visible_rows:
 * @n_rows: rows there are
 * @available: the space for them
 * @min_step: the least space one row can do with
 *
 * Returns: how many rows to draw. When not all fit, one slot is kept free
 *   for a "+3 more" row, so this is then at most the fitting rows less one.
 */
guint
upp_chart_layout_visible_rows (guint  n_rows,
                               double available,
                               double min_step)
{
  guint fitting;

  if (min_step <= 0 || n_rows * min_step <= available + 1e-9)
    return n_rows;

  fitting = (guint) MAX (0, floor ((available + 1e-9) / min_step));
  return fitting > 0 ? fitting - 1 : 0;
}

/**
 * upp_chart_layout_label_stride:
 * @n_labels: labels along an axis, one per slot
 * @spacing: the distance between two slots
 * @label_width: the widest label
 * @min_gap: the least space between two labels
 *
 * Thins out axis labels: every label, every 2nd, 4th, … week (13 and 26 and
 * 52 for quarters, half years and years), whichever is the first that
 * keeps the labels apart.
 *
 * Returns: label every this many slots; @n_labels or more means only the
 *   first one fits
 */
guint
upp_chart_layout_label_stride (guint  n_labels,
                               double spacing,
                               double label_width,
                               double min_gap)
{
  static const guint strides[] = { 1, 2, 4, 8, 13, 26, 52 };

  if (n_labels <= 1)
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (strides); i++)
    if (strides[i] * spacing >= label_width + min_gap)
      return strides[i];
  return MAX (n_labels, 53);
}

/**
 * upp_chart_layout_flow:
 * @widths: (array length=n): the widths of the items
 * @n: how many items
 * @max_width: the width of a line
 * @row_height: the height of a row
 * @gap_x: space between items in a row
 * @gap_y: space between rows
 * @out_rects: (out caller-allocates) (array length=n): where each goes,
 *   relative to the top left corner
 *
 * Lays out legend entries like words in a paragraph. An item wider than a
 * line gets a line of its own (the drawing ellipsizes it).
 *
 * Returns: the number of rows
 */
guint
upp_chart_layout_flow (const double *widths,
                       guint         n,
                       double        max_width,
                       double        row_height,
                       double        gap_x,
                       double        gap_y,
                       UppChartRect *out_rects)
{
  guint row = 0;
  double x = 0;

  if (n == 0)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      double w = MIN (widths[i], max_width);

      if (x > 0 && x + w > max_width + 1e-9)
        {
          row++;
          x = 0;
        }
      out_rects[i] = (UppChartRect) { x, row * (row_height + gap_y), w, row_height };
      x += w + gap_x;
    }

  return row + 1;
}

/* ---- Timeline -------------------------------------------------------- */

static guint32
julian_of_monday (UppWeek week)
{
  GDate monday;

  upp_week_get_monday (week, &monday);
  return g_date_get_julian (&monday);
}

/**
 * upp_chart_timeline_init:
 * @timeline: (out caller-allocates): the timeline
 * @week: the "as of" week, the first one shown
 * @n_weeks: how many weeks from @week on
 * @x: where @week's Monday is
 * @width: the width of all @n_weeks weeks
 */
void
upp_chart_timeline_init (UppChartTimeline *timeline,
                         UppWeek           week,
                         guint             n_weeks,
                         double            x,
                         double            width)
{
  g_return_if_fail (timeline != NULL);
  g_return_if_fail (upp_week_is_valid (week));

  memset (timeline, 0, sizeof *timeline);
  timeline->first_day = julian_of_monday (week);
  timeline->n_weeks = MAX (n_weeks, 1);
  timeline->x = x;
  timeline->width = width;
}

/**
 * upp_chart_timeline_set_past:
 * @timeline: a timeline
 * @earliest: (nullable): the earliest deadline before the first week, or
 *   %NULL if there is none
 * @past_x: the leftmost mark centre in the zone for past deadlines
 * @past_width: the range of mark centres in that zone
 *
 * Past deadlines are placed by how long ago they were, but compressed into
 * a zone of fixed width: the earliest at @past_x, yesterday at
 * @past_x + @past_width.
 */
void
upp_chart_timeline_set_past (UppChartTimeline *timeline,
                             const GDate      *earliest,
                             double            past_x,
                             double            past_width)
{
  g_return_if_fail (timeline != NULL);

  timeline->has_past = earliest != NULL && g_date_valid (earliest) &&
                       g_date_get_julian (earliest) < timeline->first_day;
  timeline->past_first_day = timeline->has_past ? g_date_get_julian (earliest) : 0;
  timeline->past_x = past_x;
  timeline->past_width = past_width;
}

/**
 * upp_chart_timeline_week_x:
 * @timeline: a timeline
 * @i: 0 for the first week, up to n_weeks for the end of the last
 *
 * Returns: the position of the Monday that starts week @i
 */
double
upp_chart_timeline_week_x (const UppChartTimeline *timeline,
                           guint                   i)
{
  return timeline->x + timeline->width * i / timeline->n_weeks;
}

/**
 * upp_chart_timeline_locate:
 * @timeline: a timeline
 * @date: a deadline
 * @out_x: (out) (optional): the centre of its mark: the middle of its day
 * @out_week: (out) (optional): which week it is in, -1 for the past zone
 *
 * Returns: %FALSE if @date lies after the last week, or before the first
 *   week without a zone for the past
 */
gboolean
upp_chart_timeline_locate (const UppChartTimeline *timeline,
                           const GDate            *date,
                           double                 *out_x,
                           int                    *out_week)
{
  guint32 day;
  double x;
  int week;

  g_return_val_if_fail (timeline != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  day = g_date_get_julian (date);
  if (day >= timeline->first_day)
    {
      guint32 offset = day - timeline->first_day;
      double day_width = timeline->width / (7.0 * timeline->n_weeks);

      if (offset >= 7 * timeline->n_weeks)
        return FALSE;
      x = timeline->x + (offset + 0.5) * day_width;
      week = offset / 7;
    }
  else if (timeline->has_past && day >= timeline->past_first_day)
    {
      guint32 span = timeline->first_day - 1 - timeline->past_first_day;

      x = span == 0 ? timeline->past_x + timeline->past_width
                    : timeline->past_x + timeline->past_width *
                      (day - timeline->past_first_day) / span;
      week = -1;
    }
  else
    return FALSE;

  if (out_x != NULL)
    *out_x = x;
  if (out_week != NULL)
    *out_week = week;
  return TRUE;
}

/* ---- Lanes ----------------------------------------------------------- */

/* One lane's occupied intervals, kept sorted and disjoint, so a collision
 * check is a binary search. A lane holds at most its width divided by the
 * mark width, so placing n items costs n × lanes × log(capacity), however
 * many of them end up hidden. */
typedef struct
{
  double lo;
  double hi;
} Interval;

static guint
lane_lower_bound (GArray *lane,
                  double  lo)
{
  guint a = 0;
  guint b = lane->len;

  while (a < b)
    {
      guint mid = (a + b) / 2;

      if (g_array_index (lane, Interval, mid).lo < lo)
        a = mid + 1;
      else
        b = mid;
    }
  return a;
}

static gboolean
lane_is_free (GArray *lane,
              double  lo,
              double  hi,
              double  spacing)
{
  guint i = lane_lower_bound (lane, lo);

  if (i > 0 && g_array_index (lane, Interval, i - 1).hi + spacing > lo)
    return FALSE;
  if (i < lane->len && g_array_index (lane, Interval, i).lo < hi + spacing)
    return FALSE;
  return TRUE;
}

static void
lane_take (GArray *lane,
           double  lo,
           double  hi)
{
  Interval interval = { lo, hi };

  g_array_insert_val (lane, lane_lower_bound (lane, lo), interval);
}

/* Tries the label right of the mark, then left of it; both must stay
 * inside the item's bounds. */
static gboolean
try_labelled (GArray                   *lane,
              const UppChartLaneItem   *item,
              const UppChartLaneParams *params,
              UppChartLanePlacement    *out)
{
  double half = params->mark_width / 2;
  double extra = params->label_gap + item->label_width;
  double right_hi = item->x + half + extra;
  double left_lo = item->x - half - extra;

  if (right_hi <= item->max_x + 1e-9 &&
      lane_is_free (lane, item->x - half, right_hi, params->spacing))
    {
      lane_take (lane, item->x - half, right_hi);
      out->label_x = item->x + half + params->label_gap;
      return TRUE;
    }
  if (left_lo >= item->min_x - 1e-9 &&
      lane_is_free (lane, left_lo, item->x + half, params->spacing))
    {
      lane_take (lane, left_lo, item->x + half);
      out->label_x = left_lo;
      return TRUE;
    }
  return FALSE;
}

static gboolean
try_mark_only (GArray                   *lane,
               const UppChartLaneItem   *item,
               const UppChartLaneParams *params)
{
  double half = params->mark_width / 2;

  if (!lane_is_free (lane, item->x - half, item->x + half, params->spacing))
    return FALSE;
  lane_take (lane, item->x - half, item->x + half);
  return TRUE;
}

static void
place_item (GPtrArray                *lanes,
            const UppChartLaneItem   *item,
            const UppChartLaneParams *params,
            UppChartLanePlacement    *out)
{
  out->lane = -1;
  out->labelled = FALSE;
  out->label_x = 0;

  if (item->label_width > 0)
    for (guint l = 0; l < lanes->len; l++)
      if (try_labelled (lanes->pdata[l], item, params, out))
        {
          out->lane = l;
          out->labelled = TRUE;
          return;
        }

  for (guint l = 0; l < lanes->len; l++)
    if (try_mark_only (lanes->pdata[l], item, params))
      {
        out->lane = l;
        return;
      }
}

/**
 * upp_chart_layout_lanes:
 * @items: (array length=n): marks with labels
 * @order: (array length=n) (nullable): the order in which items claim
 *   space, most important first; %NULL for the order of @items
 * @n: how many items
 * @params: sizes
 * @out_placements: (out caller-allocates) (array length=n): where each
 *   item went, indexed like @items
 *
 * Stacks marks into lanes along an axis so that no two marks or labels
 * overlap. Each item in turn takes the lowest lane where its mark and label
 * fit; if none has room for the label, the lowest where the mark alone
 * fits; else it is left out. The caller counts what lost its label and
 * says so ("+3 more").
 *
 * Returns: the number of items shown with their label
 */
guint
upp_chart_layout_lanes (const UppChartLaneItem   *items,
                        const guint              *order,
                        guint                     n,
                        const UppChartLaneParams *params,
                        UppChartLanePlacement    *out_placements)
{
  g_autoptr(GPtrArray) lanes = NULL;
  guint n_labelled = 0;

  g_return_val_if_fail (params != NULL, 0);
  g_return_val_if_fail (n == 0 || (items != NULL && out_placements != NULL), 0);

  lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint l = 0; l < params->max_lanes; l++)
    g_ptr_array_add (lanes, g_array_new (FALSE, FALSE, sizeof (Interval)));

  for (guint k = 0; k < n; k++)
    {
      guint i = order != NULL ? order[k] : k;

      g_return_val_if_fail (i < n, n_labelled);
      place_item (lanes, &items[i], params, &out_placements[i]);
      if (out_placements[i].labelled)
        n_labelled++;
    }

  return n_labelled;
}

/* ---- Heat map, weeks ------------------------------------------------- */

/**
 * upp_chart_grid_init:
 * @grid: (out caller-allocates): the grid
 * @n_rows: rows
 * @n_columns: columns
 * @area: the space for all cells
 * @gap: the space between neighbouring cells
 * @max_cell_height: cells grow no taller than this; 0 for no limit
 *
 * Cells share the width evenly; they fill the height up to
 * @max_cell_height, so a heat map of three departments does not turn into
 * three tall stripes.
 */
void
upp_chart_grid_init (UppChartGrid       *grid,
                     guint               n_rows,
                     guint               n_columns,
                     const UppChartRect *area,
                     double              gap,
                     double              max_cell_height)
{
  g_return_if_fail (grid != NULL);
  g_return_if_fail (area != NULL);

  grid->x = area->x;
  grid->y = area->y;
  grid->gap = gap;
  grid->n_rows = n_rows;
  grid->n_columns = n_columns;
  grid->cell_width = n_columns > 0 ? MAX (0, (area->width - gap * (n_columns - 1)) / n_columns) : 0;
  grid->cell_height = n_rows > 0 ? MAX (0, (area->height - gap * (n_rows - 1)) / n_rows) : 0;
  if (max_cell_height > 0)
    grid->cell_height = MIN (grid->cell_height, max_cell_height);
}

/**
 * upp_chart_grid_cell:
 * @grid: a grid
 * @row: a row
 * @column: a column
 * @out_rect: (out caller-allocates): the cell
 */
void
upp_chart_grid_cell (const UppChartGrid *grid,
                     guint               row,
                     guint               column,
                     UppChartRect       *out_rect)
{
  g_return_if_fail (grid != NULL && out_rect != NULL);

  out_rect->x = grid->x + column * (grid->cell_width + grid->gap);
  out_rect->y = grid->y + row * (grid->cell_height + grid->gap);
  out_rect->width = grid->cell_width;
  out_rect->height = grid->cell_height;
}

/**
 * upp_chart_compliance_at:
 * @row: a department's reporting
 * @week: a week
 *
 * Returns: how the department reported in @week; %UPP_COMPLIANCE_NOT_DUE
 *   outside the weeks @row covers
 */
UppCompliance
upp_chart_compliance_at (const UppComplianceRow *row,
                         UppWeek                 week)
{
  int i;

  g_return_val_if_fail (row != NULL, UPP_COMPLIANCE_NOT_DUE);

  if (row->cells == NULL || !upp_week_is_valid (row->first_week) || !upp_week_is_valid (week))
    return UPP_COMPLIANCE_NOT_DUE;
  i = upp_week_diff (week, row->first_week);
  if (i < 0 || (guint) i >= row->n_weeks || row->cells[i] >= UPP_N_COMPLIANCE)
    return UPP_COMPLIANCE_NOT_DUE;
  return row->cells[i];
}

/**
 * upp_chart_compliance_fill:
 * @row: a department's reporting
 * @first_week: the week of the first column
 * @n_columns: how many weeks from @first_week on
 * @out_cells: (out caller-allocates) (array length=n_columns): the cells
 *
 * One row of the heat map at once: what upp_chart_compliance_at() says for
 * each week, with one week calculation instead of one per cell.
 */
void
upp_chart_compliance_fill (const UppComplianceRow *row,
                           UppWeek                 first_week,
                           guint                   n_columns,
                           UppCompliance          *out_cells)
{
  int offset = 0;
  gboolean valid;

  g_return_if_fail (row != NULL);
  g_return_if_fail (n_columns == 0 || out_cells != NULL);

  valid = row->cells != NULL && upp_week_is_valid (row->first_week) && upp_week_is_valid (first_week);
  if (valid)
    offset = upp_week_diff (first_week, row->first_week);
  for (guint col = 0; col < n_columns; col++)
    {
      gint64 i = (gint64) offset + col;

      out_cells[col] = valid && i >= 0 && i < row->n_weeks && row->cells[i] < UPP_N_COMPLIANCE
                       ? row->cells[i] : UPP_COMPLIANCE_NOT_DUE;
    }
}

/**
 * upp_chart_week_fraction:
 * @first: the week at the left end
 * @last: the week at the right end
 * @week: a week
 *
 * Returns: where @week lies between @first (0) and @last (1); 0.5 when
 *   they are the same week
 */
double
upp_chart_week_fraction (UppWeek first,
                         UppWeek last,
                         UppWeek week)
{
  int span = upp_week_diff (last, first);

  if (span <= 0)
    return 0.5;
  return (double) upp_week_diff (week, first) / span;
}

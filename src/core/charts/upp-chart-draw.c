/* upp-chart-draw.c — the six charts, their text alternatives, and the entry points
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "upp-chart-draw-private.h"

/* One drawing path for the widget (gtk_snapshot_append_cairo), the PDF
 * briefing (a cairo PDF surface) and the tests (an image surface): every
 * chart is painted here from a style, the data and a size, with its
 * geometry from upp-chart-layout.c. */

/* ---- 1. Status ring ----------------------------------------------------- */

static char *
format_percent (int percent,
                int count)
{
  /* A state with actions never reads "0%". */
  if (count > 0 && percent == 0)
    return g_strdup_printf (C_("chart legend", "<%d%%"), 1);
  return g_strdup_printf (C_("chart legend", "%d%%"), percent);
}

typedef struct
{
  double label_w;
  double count_w;
  double percent_w;
  double row_h;
  double width;
  double height;
} RingLegend;

static void
ring_legend_measure (Chart                *c,
                     const UppStateCounts *counts,
                     const int            *percent,
                     RingLegend           *legend)
{
  memset (legend, 0, sizeof *legend);
  for (guint i = 0; i < UPP_N_STATES; i++)
    {
      g_autofree char *count = upp_chart_format_count (counts->counts[i]);
      g_autofree char *pct = format_percent (percent[i], counts->counts[i]);

      legend->label_w = MAX (legend->label_w,
                             upp_chart_text_width (c, FONT_LABEL, upp_state_get_label (i)));
      legend->count_w = MAX (legend->count_w, upp_chart_text_width (c, FONT_STRONG, count));
      legend->percent_w = MAX (legend->percent_w, upp_chart_text_width (c, FONT_LABEL, pct));
    }
  legend->row_h = MAX (c->chip + c->em * 0.45, c->line_height[FONT_LABEL] * 1.3);
  legend->width = c->chip + c->em * 0.5 + legend->label_w + c->em * 1.2 +
                  legend->count_w + c->em * 0.9 + legend->percent_w;
  legend->height = UPP_N_STATES * legend->row_h;
}

static void
ring_legend_draw (Chart                *c,
                  const UppStateCounts *counts,
                  const int            *percent,
                  const RingLegend     *legend,
                  double                x,
                  double                y)
{
  double count_right = x + c->chip + c->em * 0.5 + legend->label_w + c->em * 1.2 + legend->count_w;
  double percent_right = x + legend->width;

  upp_chart_ensure_symbols (c);
  for (guint i = 0; i < UPP_N_STATES; i++)
    {
      double cy = y + (i + 0.5) * legend->row_h;
      gboolean empty = counts->counts[i] == 0;
      double alpha = empty ? 0.45 : 1;
      g_autofree char *count = upp_chart_format_count (counts->counts[i]);
      g_autofree char *pct = format_percent (percent[i], counts->counts[i]);

      upp_chart_draw_chip (c, x, cy, &c->style->state_colors[i], upp_chart_state_hatch (c, i),
                           &c->state_symbols[i], empty ? 0.35 : 1);
      upp_chart_source_fg (c, c->alpha_text * alpha);
      upp_chart_text_show (c, FONT_LABEL, upp_state_get_label (i), x + c->chip + c->em * 0.5, cy,
                           ALIGN_START, -1);
      upp_chart_text_show (c, FONT_STRONG, count, count_right, cy, ALIGN_END, -1);
      upp_chart_source_fg (c, c->alpha_secondary * alpha);
      upp_chart_text_show (c, FONT_LABEL, pct, percent_right, cy, ALIGN_END, -1);
    }
}

static void
ring_segments_draw (Chart                *c,
                    const UppStateCounts *counts,
                    double                cx,
                    double                cy,
                    double                r_outer,
                    double                r_inner)
{
  UppChartArc arcs[UPP_N_STATES];
  guint n = upp_chart_layout_ring (counts, -G_PI_2, arcs);
  /* A gap of constant width between segments, measured at mid-radius. */
  double gap = n > 1 ? MAX (c->em * 0.16, 2 * c->hairline) / ((r_outer + r_inner) / 2) : 0;

  for (guint i = 0; i < n; i++)
    {
      double a0 = arcs[i].start_angle;
      double a1 = arcs[i].end_angle;

      /* A sliver narrower than the gap stays visible as a sliver. */
      if (a1 - a0 > 2 * gap)
        {
          a0 += gap / 2;
          a1 -= gap / 2;
        }
      cairo_new_sub_path (c->cr);
      cairo_arc (c->cr, cx, cy, r_outer, a0, a1);
      cairo_arc_negative (c->cr, cx, cy, r_inner, a1, a0);
      cairo_close_path (c->cr);
      upp_chart_fill_area (c, &c->style->state_colors[arcs[i].state],
                           upp_chart_state_hatch (c, arcs[i].state));
    }
}

static void
ring_center_draw (Chart                *c,
                  const UppStateCounts *counts,
                  double                cx,
                  double                cy,
                  double                r_inner)
{
  g_autofree char *total = upp_chart_format_count (counts->total);
  const char *caption = g_dngettext (GETTEXT_PACKAGE, "action", "actions", counts->total);
  double size = CLAMP (r_inner * 0.62, c->em * 1.2, c->em * 3.4);
  gboolean with_caption = r_inner > c->em * 2.4;
  double width;

  pango_font_description_set_absolute_size (c->fonts[FONT_BIG], size * PANGO_SCALE);
  /* "2000" must keep clear of the ring, not just fit inside it. */
  width = upp_chart_text_width (c, FONT_BIG, total);
  if (width > r_inner * 1.3)
    {
      size *= r_inner * 1.3 / width;
      pango_font_description_set_absolute_size (c->fonts[FONT_BIG], size * PANGO_SCALE);
    }
  c->line_height[FONT_BIG] = size * 1.17;
  upp_chart_source_fg (c, c->alpha_text);
  upp_chart_text_show (c, FONT_BIG, total, cx,
                       with_caption ? cy - c->line_height[FONT_SMALL] * 0.45 : cy,
                       ALIGN_CENTER, 2 * r_inner * 0.9);
  if (with_caption)
    {
      upp_chart_source_fg (c, c->alpha_secondary);
      upp_chart_text_show (c, FONT_SMALL, caption, cx,
                           cy + c->line_height[FONT_BIG] * 0.42, ALIGN_CENTER, 2 * r_inner * 0.85);
    }
}

static void
draw_status_ring (Chart              *c,
                  const UppChartData *data)
{
  const UppStateCounts *counts = data->counts;
  int percent[UPP_N_STATES];
  RingLegend legend;
  double gap = c->em * 2;
  double avail_w, avail_h, d, group_w, x0, cx, cy, r, thickness;
  gboolean beside;

  if (counts == NULL || counts->total <= 0)
    {
      upp_chart_draw_no_data (c);
      return;
    }

  upp_chart_layout_percentages (counts, percent);
  ring_legend_measure (c, counts, percent, &legend);

  avail_w = c->width - 2 * c->pad;
  avail_h = c->height - 2 * c->pad;
  /* Legend beside the ring or below it: whichever leaves the larger ring
   * (long Swedish labels make the legend wide). */
  beside = MIN (avail_h, avail_w - legend.width - gap) >=
           MIN (avail_w, avail_h - legend.height - c->em);
  if (beside)
    {
      d = MIN (avail_h, avail_w - legend.width - gap);
      d = MIN (d, c->em * 22);
      group_w = d + gap + legend.width;
      x0 = (c->width - group_w) / 2;
      cx = x0 + d / 2;
      cy = c->height / 2;
      ring_legend_draw (c, counts, percent, &legend, x0 + d + gap, (c->height - legend.height) / 2);
    }
  else
    {
      d = MIN (avail_w, avail_h - legend.height - c->em);
      d = MAX (d, c->em * 3);
      cx = c->width / 2;
      cy = c->pad + d / 2;
      ring_legend_draw (c, counts, percent, &legend, (c->width - legend.width) / 2,
                        c->pad + d + c->em);
    }

  r = d / 2;
  thickness = MAX (r * 0.3, c->em * 0.8);
  ring_segments_draw (c, counts, cx, cy, r, r - thickness);
  ring_center_draw (c, counts, cx, cy, r - thickness);
}

/* ---- 2. Departments ----------------------------------------------------- */

typedef struct
{
  UppChartRect   plot;       /* the value axis spans plot.x .. plot.x + width */
  UppChartScale  scale;
  UppChartBands  bands;
  double         label_x;
  double         label_w;
  guint          n_visible;
  guint          n_rows;
} BarsLayout;

static Font
total_font (Chart *c)
{
  return c->row_font == FONT_SMALL ? FONT_SMALL_STRONG : FONT_STRONG;
}

static void
bars_draw_axis (Chart            *c,
                const BarsLayout *l)
{
  double bottom = l->plot.y + l->plot.height;

  cairo_set_line_width (c->cr, c->hairline);
  for (guint i = 0; i < l->scale.n_ticks; i++)
    {
      double x = l->plot.x + l->plot.width * upp_chart_scale_fraction (&l->scale, l->scale.ticks[i]);
      g_autofree char *text = upp_chart_scale_format (&l->scale, l->scale.ticks[i]);

      upp_chart_vline (c, x, l->plot.y, bottom);
      upp_chart_source_fg (c, i == 0 ? c->alpha_axis : c->alpha_grid);
      cairo_stroke (c->cr);
      upp_chart_source_fg (c, c->alpha_secondary);
      upp_chart_text_show (c, FONT_SMALL, text, x,
                           bottom + c->em * 0.35 + c->line_height[FONT_SMALL] / 2,
                           ALIGN_CENTER, -1);
    }
}

/* All bars, one state at a time: one path and one fill per state. */
static void
bars_draw_segments (Chart            *c,
                    GPtrArray        *departments,
                    const BarsLayout *l)
{
  double radius = MIN (l->bands.thickness / 2, c->em * 0.25);
  g_autofree Box *boxes = g_new (Box, MAX (l->n_visible, 1));

  for (guint s = 0; s < UPP_N_STATES; s++)
    {
      guint n = 0;

      for (guint i = 0; i < l->n_visible; i++)
        {
          const UppDepartmentCounts *dept = departments->pdata[i];
          UppChartSpan spans[UPP_N_STATES];
          UppChartRect r;
          gboolean last = TRUE;

          if (dept->counts.counts[s] <= 0)
            continue;
          upp_chart_layout_stack (&dept->counts, &l->scale, l->plot.x, l->plot.width, spans);
          for (guint t = s + 1; t < UPP_N_STATES; t++)
            if (dept->counts.counts[t] > 0)
              last = FALSE;
          r = (UppChartRect) { spans[s].start,
                               upp_chart_bands_center (&l->bands, i) - l->bands.thickness / 2,
                               spans[s].length, l->bands.thickness };
          upp_chart_snap_rect (c, &r);
          boxes[n++] = (Box) { r, last ? radius : 0, FALSE };
        }
      upp_chart_fill_boxes (c, boxes, n, &c->style->state_colors[s], upp_chart_state_hatch (c, s),
                            c->style->outlines);
    }
}

static void
bars_draw_labels (Chart            *c,
                  GPtrArray        *departments,
                  const BarsLayout *l)
{
  for (guint i = 0; i < l->n_visible; i++)
    {
      const UppDepartmentCounts *dept = departments->pdata[i];
      double cy = upp_chart_bands_center (&l->bands, i);
      double end = l->plot.x + l->plot.width * upp_chart_scale_fraction (&l->scale, dept->counts.total);
      g_autofree char *total = upp_chart_format_count (dept->counts.total);

      upp_chart_draw_department_label (c, upp_chart_department_name (dept->name, dept->code),
                                       dept->partner, l->label_x, cy, l->label_w);
      upp_chart_source_fg (c, c->alpha_text);
      upp_chart_text_show (c, total_font (c), total, end + c->em * 0.4, cy, ALIGN_START, -1);
    }
  if (l->n_visible < departments->len)
    upp_chart_draw_more_rows (c, departments->len - l->n_visible, l->label_x,
                              upp_chart_bands_center (&l->bands, l->n_visible));
}

/* Rows as tall as they may be, the block of legend, bars and axis
 * centred vertically, so four departments do not huddle at the top of a
 * tall chart. */
static void
bars_layout (Chart      *c,
             GPtrArray  *departments,
             int         max_total,
             double      legend_h,
             BarsLayout *l)
{
  double axis_h = c->line_height[FONT_SMALL] + c->em * 0.35;
  double avail = c->height - 2 * c->pad - legend_h - c->em * 0.9 - axis_h;
  double min_step = c->line_height[FONT_LABEL] * 1.2;
  double step, top, total_w = 0;

  memset (l, 0, sizeof *l);
  /* Twenty departments get the small font before any is left out. */
  if (departments->len * min_step > avail)
    {
      c->row_font = FONT_SMALL;
      min_step = c->line_height[FONT_SMALL] * 1.1;
    }
  l->n_visible = upp_chart_layout_visible_rows (departments->len, avail, min_step);
  l->n_rows = l->n_visible < departments->len ? l->n_visible + 1 : departments->len;
  step = MIN (avail / MAX (l->n_rows, 1), c->em * 2.8);
  top = c->pad + legend_h + c->em * 0.9 + MAX (0, (avail - step * l->n_rows) / 2);
  upp_chart_bands_init (&l->bands, l->n_rows, top, step * l->n_rows, 0.62, c->em * 1.4);

  l->label_x = c->pad;
  l->label_w = upp_chart_label_column_width (c, departments, l->n_visible, FALSE);
  for (guint i = 0; i < l->n_visible; i++)
    {
      g_autofree char *text =
          upp_chart_format_count (((UppDepartmentCounts *) departments->pdata[i])->counts.total);
      total_w = MAX (total_w, upp_chart_text_width (c, total_font (c), text));
    }
  l->plot.x = l->label_x + l->label_w + c->em * 0.9;
  l->plot.y = top - c->em * 0.3;
  l->plot.width = MAX (c->width - c->pad - l->plot.x - total_w - c->em * 0.4, c->em);
  l->plot.height = step * l->n_rows + c->em * 0.3;
  upp_chart_scale_init_counts (&l->scale, max_total,
                               (guint) CLAMP (l->plot.width / (c->em * 4), 2, 8));
}

static void
draw_departments (Chart              *c,
                  const UppChartData *data)
{
  GPtrArray *departments = data->departments;
  UppStateCounts sum = { { 0 }, 0 };
  LegendItem items[UPP_N_STATES];
  UppChartRect rects[UPP_N_STATES];
  BarsLayout l;
  double legend_h;
  int max_total = 0;
  guint n_items;

  if (departments == NULL || departments->len == 0)
    {
      upp_chart_draw_no_data (c);
      return;
    }
  for (guint i = 0; i < departments->len; i++)
    {
      const UppDepartmentCounts *dept = departments->pdata[i];

      for (guint s = 0; s < UPP_N_STATES; s++)
        sum.counts[s] += MAX (dept->counts.counts[s], 0);
      max_total = MAX (max_total, dept->counts.total);
    }
  if (max_total <= 0)
    {
      upp_chart_draw_no_data (c);
      return;
    }

  n_items = upp_chart_state_legend_items (c, &sum, items);
  legend_h = upp_chart_legend_layout (c, items, n_items, c->width - 2 * c->pad, rects);
  bars_layout (c, departments, max_total, legend_h, &l);
  upp_chart_legend_draw (c, items, n_items, rects, c->pad, l.plot.y - c->em * 0.6 - legend_h);
  bars_draw_axis (c, &l);
  bars_draw_segments (c, departments, &l);
  bars_draw_labels (c, departments, &l);
}

/* ---- 3. Deadlines ------------------------------------------------------- */

typedef struct
{
  const UppDeadline *deadline;
  int                week;
  double             y;
} Mark;

typedef struct
{
  UppChartTimeline timeline;
  double           header_cy; /* of the "+3 more" row */
  double           top;      /* of the lanes */
  double           axis_y;
  double           lane_h;
  double           past_left;
  double           past_right;
  double           future_right;
  guint            n_weeks;
  gboolean         two_years; /* the weeks shown reach into the next year */
} Timeline;

static int
compare_marks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Mark *marks = user_data;
  const Mark *ma = &marks[*(const guint *) a];
  const Mark *mb = &marks[*(const guint *) b];
  int sa = upp_state_get_severity (ma->deadline->state);
  int sb = upp_state_get_severity (mb->deadline->state);
  int by_date;

  /* The worst first, then the soonest: they get the labels. */
  if (sa != sb)
    return sb - sa;
  by_date = g_date_compare (&ma->deadline->deadline, &mb->deadline->deadline);
  if (by_date != 0)
    return by_date;
  return g_strcmp0 (ma->deadline->action_code, mb->deadline->action_code);
}

static gboolean
find_earliest_past (GPtrArray *deadlines,
                    guint32    first_day,
                    GDate     *out_earliest)
{
  gboolean found = FALSE;

  for (guint i = 0; i < deadlines->len; i++)
    {
      const UppDeadline *d = deadlines->pdata[i];

      if (!g_date_valid (&d->deadline) || g_date_get_julian (&d->deadline) >= first_day)
        continue;
      if (!found || g_date_compare (&d->deadline, out_earliest) < 0)
        *out_earliest = d->deadline;
      found = TRUE;
    }
  return found;
}

static void
timeline_setup (Chart              *c,
                const UppChartData *data,
                Timeline           *t)
{
  GDate earliest;
  double plot_w = c->width - 2 * c->pad;
  double past_w = 0;
  double zone_gap = 0;
  gboolean has_past;

  memset (t, 0, sizeof *t);
  t->n_weeks = data->n_weeks > 0 ? data->n_weeks : UPP_CHART_DEFAULT_WEEKS;
  t->two_years = upp_week_add (data->week, t->n_weeks - 1).year != data->week.year;

  upp_chart_timeline_init (&t->timeline, data->week, t->n_weeks, 0, 0);
  g_date_clear (&earliest, 1);
  has_past = find_earliest_past (data->deadlines, t->timeline.first_day, &earliest);
  if (has_past)
    {
      past_w = CLAMP (plot_w * 0.16, c->em * 5, c->em * 9);
      zone_gap = c->em * 1.2;
    }
  t->past_left = c->pad;
  t->past_right = c->pad + past_w;
  t->future_right = c->width - c->pad;
  upp_chart_timeline_init (&t->timeline, data->week, t->n_weeks,
                           t->past_right + zone_gap, t->future_right - t->past_right - zone_gap);
  upp_chart_timeline_set_past (&t->timeline, has_past ? &earliest : NULL,
                               t->past_left + c->chip / 2, past_w - c->chip);
}

/* From the top: the legend, a row for "+3 more", the lanes, the axis.
 * With @n_lanes 0, as many lanes as fit; else the block is only as tall
 * as those lanes and centred, so a dozen deadlines do not sit under a
 * tall empty sky. Returns the top of the legend. */
static double
timeline_set_rows (Chart    *c,
                   Timeline *t,
                   double    legend_h,
                   guint     n_lanes)
{
  double legend_block = legend_h > 0 ? legend_h + c->em * 0.8 : 0;
  double header_h = c->line_height[FONT_SMALL] + c->em * 0.4;
  /* Week labels, and the years under them when the weeks reach into the
   * next: "W53 W1 W2" alone would read as going back. */
  double axis_h = (t->two_years ? 2 : 1) * c->line_height[FONT_SMALL] + c->em * 0.5;
  double lanes_h;
  double offset = 0;

  t->lane_h = MAX (c->chip, c->line_height[FONT_SMALL]) + c->em * 0.3;
  lanes_h = c->height - 2 * c->pad - legend_block - header_h - axis_h;
  if (n_lanes > 0 && n_lanes * t->lane_h + c->em * 0.3 < lanes_h)
    {
      offset = (lanes_h - n_lanes * t->lane_h - c->em * 0.3) / 2;
      lanes_h = n_lanes * t->lane_h + c->em * 0.3;
    }
  t->header_cy = c->pad + offset + legend_block + c->line_height[FONT_SMALL] / 2;
  t->top = c->pad + offset + legend_block + header_h;
  t->axis_y = t->top + lanes_h;
  return c->pad + offset;
}

static void
timeline_draw_axis (Chart          *c,
                    const Timeline *t,
                    UppWeek         week)
{
  const UppChartTimeline *tl = &t->timeline;
  double week_w = tl->width / tl->n_weeks;
  double label_y = t->axis_y + c->em * 0.4 + c->line_height[FONT_SMALL] / 2;
  g_autofree char *widest = upp_chart_week_label (UPP_WEEK_INIT (2026, 52));
  /* Measured in bold: this week's label is bold and must fit too. */
  guint stride = upp_chart_layout_label_stride (tl->n_weeks, week_w,
                                                upp_chart_text_width (c, FONT_STRONG, widest),
                                                c->em * 0.5);
  double x0 = upp_chart_timeline_week_x (tl, 0);

  /* This week: a light band, and a strong line where it begins. */
  upp_chart_source_fg (c, c->alpha_grid * 0.5);
  cairo_rectangle (c->cr, upp_chart_snap (c, x0, TRUE), t->top,
                   upp_chart_snap (c, upp_chart_timeline_week_x (tl, 1), TRUE) -
                   upp_chart_snap (c, x0, TRUE),
                   t->axis_y - t->top);
  cairo_fill (c->cr);

  cairo_set_line_width (c->cr, c->hairline);
  for (guint i = 1; i < tl->n_weeks; i++)
    upp_chart_vline (c, upp_chart_timeline_week_x (tl, i), t->top, t->axis_y);
  upp_chart_source_fg (c, c->alpha_grid);
  cairo_stroke (c->cr);

  upp_chart_hline (c, x0, t->future_right, t->axis_y);
  if (tl->has_past)
    upp_chart_hline (c, t->past_left, t->past_right, t->axis_y);
  upp_chart_source_fg (c, c->alpha_axis);
  cairo_stroke (c->cr);

  cairo_set_line_width (c->cr, 2 * c->hairline);
  upp_chart_vline (c, x0, t->top - c->em * 0.2, t->axis_y + c->em * 0.25);
  upp_chart_source_fg (c, c->alpha_text * 0.8);
  cairo_stroke (c->cr);

  for (guint i = 0, last_year = 0; i < tl->n_weeks; i += stride)
    {
      UppWeek shown = upp_week_add (week, i);
      g_autofree char *text = upp_chart_week_label (shown);
      double cx = upp_chart_timeline_week_x (tl, i) + week_w / 2;

      upp_chart_source_fg (c, i == 0 ? c->alpha_text : c->alpha_secondary);
      upp_chart_text_show (c, i == 0 ? FONT_STRONG : FONT_SMALL, text, cx, label_y,
                           ALIGN_CENTER_INSIDE, -1);
      /* As under the trend: the year under the first label and where it
       * changes. */
      if (t->two_years && (guint) shown.year != last_year)
        {
          g_autofree char *year = g_strdup_printf ("%d", shown.year);

          upp_chart_source_fg (c, c->alpha_secondary);
          upp_chart_text_show (c, FONT_SMALL, year, cx, label_y + c->line_height[FONT_SMALL],
                               ALIGN_CENTER_INSIDE, -1);
        }
      last_year = shown.year;
    }
  if (tl->has_past)
    {
      upp_chart_source_fg (c, c->alpha_secondary);
      upp_chart_text_show (c, FONT_SMALL, C_("deadline chart", "Earlier"),
                           (t->past_left + t->past_right) / 2, label_y, ALIGN_CENTER,
                           t->past_right - t->past_left);
    }
}

/* Each deadline of the coming weeks, or of the past, as a mark. */
static GArray *
collect_marks (const UppChartData *data,
               const Timeline     *t,
               GArray             *items)
{
  GArray *marks = g_array_sized_new (FALSE, FALSE, sizeof (Mark), data->deadlines->len);

  for (guint i = 0; i < data->deadlines->len; i++)
    {
      const UppDeadline *d = data->deadlines->pdata[i];
      UppChartLaneItem item = { 0 };
      Mark mark = { d, 0, 0 };

      if (!g_date_valid (&d->deadline) || d->state >= UPP_N_STATES ||
          !upp_chart_timeline_locate (&t->timeline, &d->deadline, &item.x, &mark.week))
        continue;
      item.min_x = mark.week < 0 ? t->past_left : t->timeline.x;
      item.max_x = mark.week < 0 ? t->past_right : t->future_right;
      g_array_append_val (marks, mark);
      g_array_append_val (items, item);
    }
  return marks;
}

/* Per state, all discs as one path: first in the edge colour, then the
 * fill a hairline smaller on top (two fills rasterize much faster than a
 * fill and a stroke), then the symbols as one glyph run. */
static void
marks_draw (Chart                       *c,
            const Mark                  *marks,
            const UppChartLaneItem      *items,
            const UppChartLanePlacement *placed,
            guint                        n)
{
  g_autofree cairo_glyph_t *at = g_new (cairo_glyph_t, MAX (n, 1));
  double r = c->chip / 2;

  upp_chart_ensure_symbols (c);
  for (guint s = 0; s < UPP_N_STATES; s++)
    {
      const UppRgba *fill = &c->style->state_colors[s];
      UppRgba ink = upp_chart_contrast_ink (fill);
      guint k = 0;

      for (guint i = 0; i < n; i++)
        if (placed[i].lane >= 0 && marks[i].deadline->state == s)
          at[k++] = (cairo_glyph_t) { 0, items[i].x, marks[i].y };
      if (k == 0)
        continue;

      for (guint i = 0; i < k; i++)
        {
          cairo_new_sub_path (c->cr);
          cairo_arc (c->cr, at[i].x, at[i].y, r, 0, 2 * G_PI);
        }
      upp_chart_source_edge (c, fill);
      cairo_fill (c->cr);
      for (guint i = 0; i < k; i++)
        {
          cairo_new_sub_path (c->cr);
          cairo_arc (c->cr, at[i].x, at[i].y, r - c->hairline, 0, 2 * G_PI);
        }
      upp_chart_source_rgba (c, fill, 1);
      cairo_fill (c->cr);
      upp_chart_source_rgba (c, &ink, 1);
      upp_chart_symbols_show (c, &c->state_symbols[s], at, k);
    }
}

static void
labels_draw (Chart                       *c,
             const Mark                  *marks,
             const UppChartLanePlacement *placed,
             guint                        n)
{
  upp_chart_source_fg (c, c->alpha_text);
  for (guint i = 0; i < n; i++)
    if (placed[i].labelled)
      upp_chart_code_show (c, marks[i].deadline->action_code, placed[i].label_x, marks[i].y);
}

/* "+12 more" above each week whose labels had to be thinned out. */
static void
hidden_counts_draw (Chart                       *c,
                    const Timeline              *t,
                    const Mark                  *marks,
                    const UppChartLanePlacement *placed,
                    guint                        n)
{
  g_autofree guint *hidden = g_new0 (guint, t->n_weeks + 1);
  double week_w = t->timeline.width / t->n_weeks;
  double cy = t->header_cy;

  for (guint i = 0; i < n; i++)
    if (!placed[i].labelled)
      hidden[marks[i].week + 1]++;

  upp_chart_source_fg (c, c->alpha_secondary);
  for (guint b = 0; b <= t->n_weeks; b++)
    {
      g_autofree char *text = NULL;
      double room = b == 0 ? t->past_right - t->past_left : week_w - c->em * 0.2;
      double cx = b == 0 ? (t->past_left + t->past_right) / 2
                         : upp_chart_timeline_week_x (&t->timeline, b - 1) + week_w / 2;

      if (hidden[b] == 0)
        continue;
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", hidden[b]),
                              hidden[b]);
      if (upp_chart_text_width (c, FONT_SMALL, text) > room)
        {
          g_free (text);
          text = g_strdup_printf ("+%u", hidden[b]);
        }
      upp_chart_text_show (c, FONT_SMALL, text, cx, cy, ALIGN_CENTER, room);
    }
}

/* Labels go to the worst and soonest first; returns the lanes used. */
static guint
deadlines_place (Chart                 *c,
                 const Timeline        *t,
                 Mark                  *m,
                 UppChartLaneItem      *items,
                 guint                  n,
                 UppChartLanePlacement *placed)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  UppChartLaneParams params;
  guint n_lanes = 0;

  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      items[i].label_width = upp_chart_code_width (c, m[i].deadline->action_code != NULL
                                                      ? m[i].deadline->action_code : "");
    }
  g_qsort_with_data (order, n, sizeof (guint), compare_marks, m);

  params.mark_width = c->chip;
  params.label_gap = c->em * 0.25;
  /* Wide enough that a label is read with its own mark, not the next. */
  params.spacing = c->em * 0.6;
  params.max_lanes = (guint) MAX (1, floor ((t->axis_y - c->em * 0.3 - t->top) / t->lane_h));
  upp_chart_layout_lanes (items, order, n, &params, placed);
  for (guint i = 0; i < n; i++)
    n_lanes = MAX (n_lanes, (guint) (placed[i].lane + 1));
  return n_lanes;
}

static void
draw_no_deadlines (Chart          *c,
                   const Timeline *t)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "No deadlines in the next week",
                                                        "No deadlines in the next %u weeks",
                                                        t->n_weeks), t->n_weeks);
  upp_chart_draw_message (c, text);
}

/* The deadlines laid out in @c's height: their marks in lanes under the
 * legend, as many lanes as fit. */
typedef struct
{
  Timeline               t;
  GArray                *items;   /* UppChartLaneItem */
  GArray                *marks;   /* Mark */
  UppChartLanePlacement *placed;
  LegendItem             legend[UPP_N_STATES];
  UppChartRect           rects[UPP_N_STATES];
  guint                  n_legend;
  double                 legend_h;
  guint                  n_lanes;
} Deadlines;

static void
deadlines_lay_out (Chart              *c,
                   const UppChartData *data,
                   Deadlines          *d)
{
  UppStateCounts present = { { 0 }, 0 };
  Mark *m;

  timeline_setup (c, data, &d->t);
  d->items = g_array_new (FALSE, FALSE, sizeof (UppChartLaneItem));
  d->marks = collect_marks (data, &d->t, d->items);
  m = (Mark *) (gpointer) d->marks->data;

  for (guint i = 0; i < d->marks->len; i++)
    upp_state_counts_add (&present, m[i].deadline->state);
  d->n_legend = upp_chart_state_legend_items (c, &present, d->legend);
  d->legend_h = upp_chart_legend_layout (c, d->legend, d->n_legend, c->width - 2 * c->pad,
                                         d->rects);

  timeline_set_rows (c, &d->t, d->legend_h, 0);
  d->placed = g_new0 (UppChartLanePlacement, MAX (d->marks->len, 1));
  d->n_lanes = deadlines_place (c, &d->t, m, (UppChartLaneItem *) (gpointer) d->items->data,
                                d->marks->len, d->placed);
}

static void
deadlines_clear (Deadlines *d)
{
  g_clear_pointer (&d->items, g_array_unref);
  g_clear_pointer (&d->marks, g_array_unref);
  g_clear_pointer (&d->placed, g_free);
}

static gboolean
has_deadlines (const UppChartData *data)
{
  return data->deadlines != NULL && data->deadlines->len > 0 && upp_week_is_valid (data->week);
}

static void
draw_deadlines (Chart              *c,
                const UppChartData *data)
{
  Deadlines d = { 0 };
  double legend_y;
  Mark *m;

  if (!has_deadlines (data))
    {
      upp_chart_draw_no_data (c);
      return;
    }

  deadlines_lay_out (c, data, &d);
  m = (Mark *) (gpointer) d.marks->data;
  /* Placed in all the height there is; then the lanes used are centred. */
  legend_y = timeline_set_rows (c, &d.t, d.legend_h, MAX (d.n_lanes, 3));
  for (guint i = 0; i < d.marks->len; i++)
    m[i].y = d.t.axis_y - c->em * 0.3 - (d.placed[i].lane + 0.5) * d.t.lane_h;

  upp_chart_legend_draw (c, d.legend, d.n_legend, d.rects, c->pad, legend_y);
  timeline_draw_axis (c, &d.t, data->week);
  marks_draw (c, m, (UppChartLaneItem *) (gpointer) d.items->data, d.placed, d.marks->len);
  labels_draw (c, m, d.placed, d.marks->len);
  hidden_counts_draw (c, &d.t, m, d.placed, d.marks->len);
  if (d.marks->len == 0)
    draw_no_deadlines (c, &d.t);
  deadlines_clear (&d);
}

/* ---- 4. Trend ----------------------------------------------------------- */

/* Week labels under the columns, the last (the "as of" week) always
 * labelled, thinned out backwards from it; the year under the first label
 * and wherever it changes. */
static void
draw_week_labels (Chart               *c,
                  const UppChartBands *bands,
                  GPtrArray           *trend,
                  double               y,
                  gboolean             with_years)
{
  g_autofree char *widest = upp_chart_week_label (UPP_WEEK_INIT (2026, 52));
  guint stride = upp_chart_layout_label_stride (bands->n, bands->step,
                                                upp_chart_text_width (c, FONT_SMALL, widest),
                                                c->em * 0.7);
  int last_year = 0;

  upp_chart_source_fg (c, c->alpha_secondary);
  for (guint k = 0; k < bands->n; k++)
    {
      guint i = (bands->n - 1) % stride + k;
      UppWeek week;
      double cx;
      g_autofree char *text = NULL;

      if (i >= bands->n || k % stride != 0)
        continue;
      /* Each column's own week: the store may leave out weeks. */
      week = ((const UppTrendPoint *) trend->pdata[i])->week;
      cx = upp_chart_bands_center (bands, i);
      text = upp_chart_week_label (week);
      upp_chart_text_show (c, FONT_SMALL, text, cx, y, ALIGN_CENTER_INSIDE, -1);
      if (with_years && week.year != last_year)
        {
          g_autofree char *year = g_strdup_printf ("%d", week.year);
          upp_chart_text_show (c, FONT_SMALL, year, cx, y + c->line_height[FONT_SMALL],
                               ALIGN_CENTER_INSIDE, -1);
        }
      last_year = week.year;
    }
}

static void
trend_draw_columns (Chart               *c,
                    GPtrArray           *trend,
                    const UppChartScale *scale,
                    const UppChartRect  *plot,
                    const UppChartBands *bands)
{
  double bottom = plot->y + plot->height;
  g_autofree Box *boxes = g_new (Box, trend->len);
  /* Outlines only around separate columns; on touching ones they would
   * be a black mesh. */
  gboolean outlines = c->style->outlines && bands->thickness >= c->em * 0.6;

  for (guint s = 0; s < UPP_N_STATES; s++)
    {
      guint n = 0;

      for (guint i = 0; i < trend->len; i++)
        {
          const UppTrendPoint *p = trend->pdata[i];
          UppChartSpan spans[UPP_N_STATES];
          UppChartRect r;
          double cx = upp_chart_bands_center (bands, i);

          if (p->counts.counts[s] <= 0)
            continue;
          /* Stacked upwards: span starts count from the bottom. */
          upp_chart_layout_stack (&p->counts, scale, 0, plot->height, spans);
          r = (UppChartRect) { cx - bands->thickness / 2, bottom - spans[s].start - spans[s].length,
                               bands->thickness, spans[s].length };
          upp_chart_snap_rect (c, &r);
          boxes[n++] = (Box) { r, 0, FALSE };
        }
      upp_chart_fill_boxes (c, boxes, n, &c->style->state_colors[s], upp_chart_state_hatch (c, s),
                            outlines);
    }
}

static void
draw_trend (Chart              *c,
            const UppChartData *data)
{
  GPtrArray *trend = data->trend;
  UppStateCounts sum = { { 0 }, 0 };
  LegendItem items[UPP_N_STATES];
  UppChartRect rects[UPP_N_STATES];
  UppChartScale scale;
  UppChartBands bands;
  UppChartRect plot;
  const UppTrendPoint *first, *last;
  double legend_h, axis_h, tick_w;
  gboolean with_years;
  int max_total = 0;
  guint n_items;

  if (trend == NULL || trend->len == 0)
    {
      upp_chart_draw_no_data (c);
      return;
    }
  for (guint i = 0; i < trend->len; i++)
    {
      const UppTrendPoint *p = trend->pdata[i];

      for (guint s = 0; s < UPP_N_STATES; s++)
        sum.counts[s] += MAX (p->counts.counts[s], 0);
      max_total = MAX (max_total, p->counts.total);
    }
  if (max_total <= 0)
    {
      upp_chart_draw_no_data (c);
      return;
    }
  first = trend->pdata[0];
  last = trend->pdata[trend->len - 1];
  with_years = first->week.year != last->week.year;

  n_items = upp_chart_state_legend_items (c, &sum, items);
  legend_h = upp_chart_legend_layout (c, items, n_items, c->width - 2 * c->pad, rects);
  upp_chart_legend_draw (c, items, n_items, rects, c->pad, c->pad);

  axis_h = c->em * 0.4 + c->line_height[FONT_SMALL] * (with_years ? 2 : 1);
  plot.y = c->pad + legend_h + c->em * 1.1;
  plot.height = c->height - c->pad - axis_h - plot.y;
  upp_chart_scale_init_counts (&scale, max_total,
                               (guint) CLAMP (plot.height / (c->em * 2.6), 2, 6));
  tick_w = upp_chart_widest_tick (c, &scale);
  plot.x = c->pad + tick_w + c->em * 0.5;
  plot.width = c->width - c->pad - plot.x;

  /* Few weeks: separate columns. Many: they touch and read as an area. */
  upp_chart_bands_init (&bands, trend->len, plot.x, plot.width,
                        plot.width / trend->len >= c->em * 0.8 ? 0.7 : 1.0, c->em * 3);

  upp_chart_draw_value_grid (c, &scale, &plot, plot.x - c->em * 0.5);
  trend_draw_columns (c, trend, &scale, &plot, &bands);
  draw_week_labels (c, &bands, trend,
                    plot.y + plot.height + c->em * 0.4 + c->line_height[FONT_SMALL] / 2, with_years);
}

/* ---- 5. Reporting compliance --------------------------------------------- */

typedef struct
{
  UppChartGrid grid;
  UppWeek      first_week;
  double       label_w;
  guint        n_visible;
} HeatLayout;

static guint
compliance_legend_items (Chart      *c,
                         LegendItem  items[UPP_N_COMPLIANCE])
{
  upp_chart_ensure_symbols (c);
  for (guint i = 0; i < UPP_N_COMPLIANCE; i++)
    items[i] = (LegendItem) { upp_compliance_get_label (i), &c->style->compliance_colors[i],
                              upp_chart_compliance_hatch (c, i),
                              upp_chart_compliance_symbol (i) != NULL
                              ? &c->compliance_symbols[i] : NULL };
  return UPP_N_COMPLIANCE;
}

static void
heat_draw_cells (Chart            *c,
                 GPtrArray        *rows,
                 const HeatLayout *l)
{
  const UppChartGrid *g = &l->grid;
  guint n_cells = MAX (g->n_rows * g->n_columns, 1);
  g_autofree cairo_glyph_t *at = g_new (cairo_glyph_t, n_cells);
  g_autofree UppCompliance *kinds = g_new (UppCompliance, n_cells);
  g_autofree Box *boxes = g_new (Box, n_cells);
  gboolean symbols = g->cell_width >= c->chip && g->cell_height >= c->chip;
  double radius = MIN (c->em * 0.2, MIN (g->cell_width, g->cell_height) / 4);

  upp_chart_ensure_symbols (c);
  for (guint r = 0; r < l->n_visible; r++)
    upp_chart_compliance_fill (rows->pdata[r], l->first_week, g->n_columns, kinds + r * g->n_columns);
  for (guint k = 0; k < UPP_N_COMPLIANCE; k++)
    {
      const UppRgba *fill = &c->style->compliance_colors[k];
      UppRgba ink = upp_chart_contrast_ink (fill);
      guint n = 0;

      for (guint r = 0; r < l->n_visible; r++)
        for (guint col = 0; col < g->n_columns; col++)
          {
            UppChartRect cell;

            if (kinds[r * g->n_columns + col] != k)
              continue;
            upp_chart_grid_cell (g, r, col, &cell);
            upp_chart_snap_rect (c, &cell);
            boxes[n] = (Box) { cell, radius, TRUE };
            at[n++] = (cairo_glyph_t) { 0, cell.x + cell.width / 2, cell.y + cell.height / 2 };
          }
      if (n == 0)
        continue;
      upp_chart_fill_boxes (c, boxes, n, fill, upp_chart_compliance_hatch (c, k),
                            c->style->outlines);
      if (symbols && upp_chart_compliance_symbol (k) != NULL)
        {
          cairo_set_source_rgba (c->cr, ink.red, ink.green, ink.blue, ink.alpha);
          upp_chart_symbols_show (c, &c->compliance_symbols[k], at, n);
        }
    }
}

static void
heat_draw_labels (Chart            *c,
                  GPtrArray        *rows,
                  const HeatLayout *l)
{
  const UppChartGrid *g = &l->grid;
  UppChartBands columns = { g->x - g->gap / 2, g->cell_width + g->gap, g->cell_width, g->n_columns };
  g_autofree char *widest = upp_chart_week_label (UPP_WEEK_INIT (2026, 52));
  guint stride = upp_chart_layout_label_stride (g->n_columns, columns.step,
                                                upp_chart_text_width (c, FONT_SMALL, widest),
                                                c->em * 0.6);
  double label_y = g->y - c->em * 0.45 - c->line_height[FONT_SMALL] / 2;

  for (guint k = 0; k < g->n_columns; k++)
    {
      guint i = (g->n_columns - 1) % stride + k;
      g_autofree char *text = NULL;

      if (i >= g->n_columns || k % stride != 0)
        continue;
      text = upp_chart_week_label (upp_week_add (l->first_week, i));
      upp_chart_source_fg (c, i == g->n_columns - 1 ? c->alpha_text : c->alpha_secondary);
      upp_chart_text_show (c, i == g->n_columns - 1 ? FONT_STRONG : FONT_SMALL, text,
                           upp_chart_bands_center (&columns, i), label_y, ALIGN_CENTER_INSIDE, -1);
    }

  for (guint r = 0; r < l->n_visible; r++)
    {
      const UppComplianceRow *row = rows->pdata[r];

      upp_chart_draw_department_label (c, upp_chart_department_name (row->department_name,
                                                                     row->department_code),
                                       row->partner, c->pad,
                                       g->y + r * (g->cell_height + g->gap) + g->cell_height / 2,
                                       l->label_w);
    }
  if (l->n_visible < rows->len)
    upp_chart_draw_more_rows (c, rows->len - l->n_visible, c->pad,
                              g->y + l->n_visible * (g->cell_height + g->gap) + g->cell_height / 2);
}

/* The grid as tall as its rows need (up to a square-ish cell), and week
 * labels, grid and legend centred vertically as one block. */
static double
heat_layout (Chart              *c,
             GPtrArray          *rows,
             guint               n_columns,
             double              legend_h,
             HeatLayout         *l)
{
  double header_h = c->line_height[FONT_SMALL] + c->em * 0.45;
  double legend_gap = c->em * 1.0;
  double avail = c->height - 2 * c->pad - header_h - legend_gap - legend_h;
  double min_step = c->line_height[FONT_LABEL] * 1.15;
  double grid_h, offset, gap;
  UppChartRect area;
  guint n_slots;

  if (rows->len * min_step > avail)
    {
      c->row_font = FONT_SMALL;
      min_step = c->line_height[FONT_SMALL] * 1.05;
    }
  l->n_visible = upp_chart_layout_visible_rows (rows->len, avail, min_step);
  n_slots = l->n_visible < rows->len ? l->n_visible + 1 : rows->len;
  l->label_w = upp_chart_label_column_width (c, rows, l->n_visible, TRUE);

  area.x = c->pad + l->label_w + c->em * 0.9;
  area.width = c->width - c->pad - area.x;
  area.height = avail;
  gap = CLAMP (area.width / n_columns * 0.12, c->hairline, c->em * 0.25);
  upp_chart_grid_init (&l->grid, n_slots, n_columns, &area, gap, c->em * 2.2);
  grid_h = n_slots * (l->grid.cell_height + gap) - gap;
  offset = MAX (0, (avail - grid_h) / 2);
  l->grid.y = c->pad + offset + header_h;
  l->grid.n_rows = l->n_visible;
  return l->grid.y + grid_h + legend_gap;
}

static void
draw_compliance (Chart              *c,
                 const UppChartData *data)
{
  GPtrArray *rows = data->compliance;
  LegendItem items[UPP_N_COMPLIANCE];
  UppChartRect rects[UPP_N_COMPLIANCE];
  HeatLayout l;
  guint n_columns = data->n_weeks > 0 ? data->n_weeks : UPP_CHART_DEFAULT_WEEKS;
  double legend_h, legend_y;
  guint n_items;

  if (rows == NULL || rows->len == 0 || !upp_week_is_valid (data->week))
    {
      upp_chart_draw_no_data (c);
      return;
    }

  memset (&l, 0, sizeof l);
  l.first_week = upp_week_add (data->week, -(int) (n_columns - 1));
  n_items = compliance_legend_items (c, items);
  legend_h = upp_chart_legend_layout (c, items, n_items, c->width - 2 * c->pad, rects);
  legend_y = heat_layout (c, rows, n_columns, legend_h, &l);

  heat_draw_cells (c, rows, &l);
  heat_draw_labels (c, rows, &l);
  upp_chart_legend_draw (c, items, n_items, rects, c->pad, legend_y);
}

/* ---- 6. Indicator ----------------------------------------------------- */

/* As many decimals as the size of the number calls for: 12, 4.5, 0.73. */
static char *
format_value (double value)
{
  double magnitude = fabs (value);
  int decimals = fabs (value - round (value)) < 1e-9 ? 0
               : magnitude < 1 ? 2
               : magnitude < 100 ? 1 : 0;

  return g_strdup_printf ("%.*f", decimals, value);
}

static char *
format_with_unit (double      value,
                  const char *unit)
{
  g_autofree char *number = format_value (value);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  /* Translators: a value and its unit, as in "12 st" or "85 %" */
  return g_strdup_printf (C_("indicator value", "%s %s"), number, unit);
}

static void
indicator_scale (const UppIndicatorSeries *s,
                 UppChartScale            *scale,
                 guint                     max_intervals)
{
  double lo = s->values[0];
  double hi = s->values[0];

  for (guint i = 1; i < s->n_points; i++)
    {
      lo = MIN (lo, s->values[i]);
      hi = MAX (hi, s->values[i]);
    }
  if (s->has_target)
    {
      double room = MAX (fabs (hi - lo), fabs (s->target)) * 0.1;

      /* Keep some of the good side of the target in view. */
      if (s->direction == UPP_DIRECTION_UP)
        hi = MAX (hi, s->target + room);
      else
        lo = MIN (lo, s->target - room);
      lo = MIN (lo, s->target);
      hi = MAX (hi, s->target);
    }
  /* From zero when the values are positive and zero is not far off, so a
   * small wobble does not look like a big change. */
  if (lo >= 0 && lo <= hi * 0.5)
    lo = 0;
  upp_chart_scale_init_values (scale, lo, hi, max_intervals);
}

static void
indicator_draw_target (Chart                    *c,
                       const UppIndicatorSeries *s,
                       const UppChartScale      *scale,
                       const UppChartRect       *plot)
{
  const double dash[] = { c->em * 0.45, c->em * 0.3 };
  double y = plot->y + plot->height * (1 - upp_chart_scale_fraction (scale, s->target));
  gboolean up = s->direction == UPP_DIRECTION_UP;

  /* The side of the target that is good, faintly in the "on track" hue. */
  upp_chart_source_rgba (c, &c->style->state_colors[UPP_STATE_ON_TRACK], 0.12);
  cairo_rectangle (c->cr, plot->x, up ? plot->y : y, plot->width,
                   up ? y - plot->y : plot->y + plot->height - y);
  cairo_fill (c->cr);

  cairo_set_line_width (c->cr, 1.5 * c->hairline);
  cairo_set_dash (c->cr, dash, 2, 0);
  upp_chart_hline (c, plot->x, plot->x + plot->width, y);
  upp_chart_source_fg (c, c->alpha_text * 0.75);
  cairo_stroke (c->cr);
  cairo_set_dash (c->cr, NULL, 0, 0);
}

/* "A3 · Target ≥ 20 st": in the header, where it cannot collide with the
 * line whatever the values do. */
static char *
indicator_subtitle (const UppIndicatorSeries *s)
{
  g_autofree char *target = NULL;
  const char *code = s->action_code != NULL ? s->action_code : "";

  if (!s->has_target)
    return g_strdup (code);
  target = format_with_unit (s->target, s->unit);
  if (s->direction == UPP_DIRECTION_UP)
    /* Translators: an action code and an indicator's target */
    return g_strdup_printf (C_("indicator", "%s · Target ≥ %s"), code, target);
  return g_strdup_printf (C_("indicator", "%s · Target ≤ %s"), code, target);
}

static void
indicator_draw_line (Chart                    *c,
                     const UppIndicatorSeries *s,
                     const UppChartScale      *scale,
                     const UppChartRect       *plot)
{
  UppWeek first = s->weeks[0];
  UppWeek last = s->weeks[s->n_points - 1];
  double r = c->em * 0.2;

  cairo_new_path (c->cr);
  for (guint i = 0; i < s->n_points; i++)
    {
      double x = plot->x + plot->width * upp_chart_week_fraction (first, last, s->weeks[i]);
      double y = plot->y + plot->height * (1 - upp_chart_scale_fraction (scale, s->values[i]));

      cairo_line_to (c->cr, x, y);
    }
  cairo_set_line_width (c->cr, MAX (c->em * 0.14, 1.5 * c->hairline));
  cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
  upp_chart_source_fg (c, c->alpha_text * 0.85);
  cairo_stroke (c->cr);

  for (guint i = 0; i < s->n_points; i++)
    {
      double x = plot->x + plot->width * upp_chart_week_fraction (first, last, s->weeks[i]);
      double y = plot->y + plot->height * (1 - upp_chart_scale_fraction (scale, s->values[i]));

      cairo_new_sub_path (c->cr);
      cairo_arc (c->cr, x, y, i + 1 == s->n_points ? r * 1.6 : r, 0, 2 * G_PI);
    }
  cairo_fill (c->cr);
}

static void
draw_indicator (Chart              *c,
                const UppChartData *data)
{
  const UppIndicatorSeries *s = data->indicator;
  UppChartScale scale;
  UppChartRect plot;
  g_autofree char *value = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *first_label = NULL;
  g_autofree char *last_label = NULL;
  double header_cy, value_w, tick_w, axis_y;

  if (s == NULL || s->n_points == 0 || s->weeks == NULL || s->values == NULL)
    {
      upp_chart_draw_no_data (c);
      return;
    }

  header_cy = c->pad + c->line_height[FONT_STRONG] / 2;
  value = format_with_unit (s->values[s->n_points - 1], s->unit);
  subtitle = indicator_subtitle (s);
  value_w = upp_chart_text_width (c, FONT_STRONG, value);
  upp_chart_source_fg (c, c->alpha_text);
  upp_chart_text_show (c, FONT_STRONG, value, c->width - c->pad, header_cy, ALIGN_END, -1);
  upp_chart_text_show (c, FONT_STRONG, s->name != NULL ? s->name : s->indicator_code, c->pad,
                       header_cy, ALIGN_START, c->width - 2 * c->pad - value_w - c->em);
  upp_chart_source_fg (c, c->alpha_secondary);
  upp_chart_text_show (c, FONT_SMALL, subtitle, c->pad,
                       header_cy + (c->line_height[FONT_STRONG] + c->line_height[FONT_SMALL]) / 2,
                       ALIGN_START, c->width - 2 * c->pad);

  plot.y = c->pad + c->line_height[FONT_STRONG] + c->line_height[FONT_SMALL] + c->em * 0.9;
  axis_y = c->height - c->pad - c->line_height[FONT_SMALL] / 2;
  plot.height = MAX (axis_y - c->line_height[FONT_SMALL] / 2 - c->em * 0.4 - plot.y, c->em);
  indicator_scale (s, &scale, (guint) CLAMP (plot.height / (c->em * 2.2), 2, 5));
  tick_w = upp_chart_widest_tick (c, &scale);
  plot.x = c->pad + tick_w + c->em * 0.5;
  plot.width = c->width - c->pad - c->em * 0.4 - plot.x;

  upp_chart_draw_value_grid (c, &scale, &plot, plot.x - c->em * 0.5);
  if (s->has_target)
    indicator_draw_target (c, s, &scale, &plot);
  indicator_draw_line (c, s, &scale, &plot);

  first_label = upp_chart_week_label (s->weeks[0]);
  last_label = upp_chart_week_label (s->weeks[s->n_points - 1]);
  upp_chart_source_fg (c, c->alpha_secondary);
  if (s->n_points > 1)
    {
      upp_chart_text_show (c, FONT_SMALL, first_label, plot.x, axis_y, ALIGN_START, -1);
      upp_chart_text_show (c, FONT_SMALL, last_label, plot.x + plot.width + c->em * 0.4, axis_y,
                           ALIGN_END, -1);
    }
  else
    upp_chart_text_show (c, FONT_SMALL, last_label, plot.x + plot.width / 2, axis_y,
                         ALIGN_CENTER, -1);
}

/* ---- Text alternatives ------------------------------------------------ */

/* The accessible description in the GUI and the caption in the briefing:
 * the numbers a sighted reader takes from the chart, in one or two
 * sentences. */

static void
append_item (GString    *list,
             const char *item)
{
  if (list->len > 0)
    g_string_append (list, C_("list separator", ", "));
  g_string_append (list, item);
}

static char *
actions_text (int n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d action", "%d actions", n), n);
}

/* "14 actions: 3 done, 5 on track; 1 overdue": the derived states, which
 * need attention whatever was reported, after the semicolon. */
static char *
describe_counts (const UppStateCounts *counts)
{
  g_autoptr(GString) reported = g_string_new (NULL);
  g_autoptr(GString) derived = g_string_new (NULL);
  g_autofree char *head = actions_text (counts->total);

  for (guint i = 0; i < UPP_N_STATES; i++)
    {
      g_autofree char *item = NULL;

      if (counts->counts[i] <= 0)
        continue;
      item = upp_state_format_count (i, counts->counts[i]);
      append_item (i == UPP_STATE_OVERDUE || i == UPP_STATE_UNREPORTED ? derived : reported, item);
    }
  if (reported->len > 0 && derived->len > 0)
    /* Translators: "14 actions: 3 done, 5 on track; 1 overdue" */
    return g_strdup_printf (C_("chart description", "%s: %s; %s"), head, reported->str, derived->str);
  return g_strdup_printf (C_("chart description", "%s: %s"), head,
                          reported->len > 0 ? reported->str : derived->str);
}

static int
attention_count (const UppStateCounts *counts)
{
  int n = 0;

  for (guint i = 0; i < UPP_N_STATES; i++)
    if (upp_state_needs_attention (i))
      n += MAX (counts->counts[i], 0);
  return n;
}

static int
compare_by_attention (gconstpointer a,
                      gconstpointer b)
{
  const UppDepartmentCounts *da = *(UppDepartmentCounts * const *) a;
  const UppDepartmentCounts *db = *(UppDepartmentCounts * const *) b;

  return attention_count (&db->counts) - attention_count (&da->counts);
}

static char *
describe_departments (GPtrArray *departments)
{
  /* Borrowed rows: a plain copy, without the rows' free function. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (departments->len);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *n_depts = NULL;
  g_autofree char *n_actions = NULL;
  g_autofree char *attention = NULL;
  guint n_listed = 0;
  int total = 0;

  for (guint i = 0; i < departments->len; i++)
    {
      g_ptr_array_add (sorted, departments->pdata[i]);
      total += MAX (((UppDepartmentCounts *) departments->pdata[i])->counts.total, 0);
    }
  /* Stable, so equal departments keep the order of the chart. */
  g_ptr_array_sort (sorted, compare_by_attention);
  for (guint i = 0; i < sorted->len && n_listed < 3; i++, n_listed++)
    {
      const UppDepartmentCounts *d = sorted->pdata[i];
      g_autofree char *item = NULL;
      int n = attention_count (&d->counts);

      if (n == 0)
        break;
      /* Translators: a department and how many of its actions need attention */
      item = g_strdup_printf (C_("chart description", "%s %d of %d"),
                              upp_chart_department_name (d->name, d->code), n, d->counts.total);
      append_item (list, item);
    }
  if (n_listed < sorted->len && n_listed == 3 &&
      attention_count (&((UppDepartmentCounts *) sorted->pdata[3])->counts) > 0)
    {
      guint more = 0;
      g_autofree char *item = NULL;

      for (guint i = 3; i < sorted->len; i++)
        if (attention_count (&((UppDepartmentCounts *) sorted->pdata[i])->counts) > 0)
          more++;
      item = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more department",
                                           "%u more departments", more), more);
      append_item (list, item);
    }

  n_depts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u department", "%u departments",
                                          departments->len), departments->len);
  n_actions = actions_text (total);
  if (list->len > 0)
    attention = g_strdup_printf (C_("chart description", "Needing attention: %s."), list->str);
  else
    attention = g_strdup (_("No action needs attention."));
  /* Translators: "4 departments, 14 actions. Needing attention: …" */
  return g_strdup_printf (C_("chart description", "%s, %s. %s"), n_depts, n_actions, attention);
}

static char *
describe_deadlines (const UppChartData *data)
{
  guint n_weeks = data->n_weeks > 0 ? data->n_weeks : UPP_CHART_DEFAULT_WEEKS;
  UppChartTimeline timeline;
  const UppDeadline *first = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *head = NULL;
  g_autofree char *count = NULL;
  int n_coming = 0;
  int n_overdue = 0;

  upp_chart_timeline_init (&timeline, data->week, n_weeks, 0, 1);
  for (guint i = 0; i < data->deadlines->len; i++)
    {
      const UppDeadline *d = data->deadlines->pdata[i];

      if (!g_date_valid (&d->deadline))
        continue;
      if (d->state == UPP_STATE_OVERDUE)
        n_overdue++;
      if (!upp_chart_timeline_locate (&timeline, &d->deadline, NULL, NULL))
        continue;
      n_coming++;
      if (first == NULL || g_date_compare (&d->deadline, &first->deadline) < 0)
        first = d;
    }

  head = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next %u week", "Next %u weeks", n_weeks),
                          n_weeks);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d deadline", "%d deadlines", n_coming),
                           n_coming);
  /* Translators: "Next 8 weeks: 5 deadlines" */
  g_string_printf (text, C_("chart description", "%s: %s"), head, count);
  if (n_overdue > 0)
    {
      g_autofree char *overdue = upp_state_format_count (UPP_STATE_OVERDUE, n_overdue);
      g_string_append_printf (text, C_("chart description", "; %s"), overdue);
    }
  g_string_append (text, C_("chart description", "."));
  if (first != NULL)
    {
      g_autofree char *date = upp_date_format (&first->deadline);
      g_string_append_c (text, ' ');
      g_string_append_printf (text, C_("chart description", "First due: %s on %s."),
                              first->action_code, date);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_trend (GPtrArray *trend)
{
  const UppTrendPoint *first = trend->pdata[0];
  const UppTrendPoint *last = trend->pdata[trend->len - 1];
  g_autofree char *from = upp_week_format (first->week);
  g_autofree char *to = upp_week_format (last->week);
  g_autofree char *of = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %d action",
                                                      "of %d actions", last->counts.total),
                                         last->counts.total);

  if (trend->len == 1)
    return g_strdup_printf (C_("chart description", "%s: %d done, %d needing attention (%s)."),
                            to, last->counts.counts[UPP_STATE_DONE],
                            attention_count (&last->counts), of);
  /* Translators: "2026-W25 to 2026-W48: done 0 → 3, needing attention 2 → 5 (of 14 actions)." */
  return g_strdup_printf (C_("chart description",
                             "%s to %s: done %d → %d, needing attention %d → %d (%s)."),
                          from, to,
                          first->counts.counts[UPP_STATE_DONE], last->counts.counts[UPP_STATE_DONE],
                          attention_count (&first->counts), attention_count (&last->counts), of);
}

static char *
describe_compliance (const UppChartData *data)
{
  guint n_columns = data->n_weeks > 0 ? data->n_weeks : UPP_CHART_DEFAULT_WEEKS;
  UppWeek first = upp_week_add (data->week, -(int) (n_columns - 1));
  int counts[UPP_N_COMPLIANCE] = { 0 };
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *from = upp_week_format (first);
  g_autofree char *to = upp_week_format (data->week);
  g_autofree char *text = NULL;

  for (guint r = 0; r < data->compliance->len; r++)
    {
      const UppComplianceRow *row = data->compliance->pdata[r];
      g_autofree UppCompliance *cells = g_new (UppCompliance, n_columns);

      upp_chart_compliance_fill (row, first, n_columns, cells);
      for (guint col = 0; col < n_columns; col++)
        counts[cells[col]]++;
      if (upp_chart_compliance_at (row, data->week) == UPP_COMPLIANCE_MISSING)
        append_item (missing, row->department_code);
    }
  for (guint k = 0; k < UPP_N_COMPLIANCE; k++)
    if (k != UPP_COMPLIANCE_NOT_DUE && counts[k] > 0)
      {
        g_autofree char *item = upp_compliance_format_count (k, counts[k]);
        append_item (list, item);
      }
  if (list->len == 0)
    g_string_assign (list, _("no reports due"));

  /* Translators: "Reporting 2026-W41 to 2026-W48: 28 on time, 2 late." */
  text = g_strdup_printf (C_("chart description", "Reporting %s to %s: %s."), from, to, list->str);
  if (missing->len == 0)
    return g_steal_pointer (&text);
  return g_strdup_printf (C_("chart description", "%s Missing in %s: %s."), text, to, missing->str);
}

static char *
describe_indicator (const UppIndicatorSeries *s)
{
  const char *name = s->name != NULL ? s->name : s->indicator_code;
  g_autofree char *last = format_with_unit (s->values[s->n_points - 1], s->unit);
  g_autofree char *last_week = upp_week_format (s->weeks[s->n_points - 1]);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: "Trygghetsvandringar: 12 st in 2026-W48" */
  g_string_printf (text, C_("chart description", "%s: %s in %s"), name, last, last_week);
  if (s->n_points > 1)
    {
      g_autofree char *first = format_with_unit (s->values[0], s->unit);
      g_autofree char *first_week = upp_week_format (s->weeks[0]);
      g_string_append_printf (text, C_("chart description", ", from %s in %s"), first, first_week);
    }
  if (s->has_target)
    {
      g_autofree char *target = format_with_unit (s->target, s->unit);
      g_string_append_printf (text, s->direction == UPP_DIRECTION_UP
                                    ? C_("chart description", "; target %s, higher is better")
                                    : C_("chart description", "; target %s, lower is better"),
                              target);
    }
  g_string_append (text, C_("chart description", "."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
has_data (const UppChartData *data)
{
  switch (data->kind)
    {
    case UPP_CHART_STATUS_RING:
      return data->counts != NULL && data->counts->total > 0;
    case UPP_CHART_DEPARTMENTS:
      return data->departments != NULL && data->departments->len > 0;
    case UPP_CHART_DEADLINES:
      return has_deadlines (data);
    case UPP_CHART_TREND:
      return data->trend != NULL && data->trend->len > 0;
    case UPP_CHART_COMPLIANCE:
      return data->compliance != NULL && data->compliance->len > 0 && upp_week_is_valid (data->week);
    case UPP_CHART_INDICATOR:
      return data->indicator != NULL && data->indicator->n_points > 0 &&
             data->indicator->weeks != NULL && data->indicator->values != NULL;
    case UPP_N_CHARTS:
    default:
      return FALSE;
    }
}

/**
 * upp_chart_describe:
 * @data: what a chart shows
 *
 * A short text with the chart's main numbers, for people who cannot see
 * it: the GUI sets it as the chart's accessible description, the briefing
 * prints it beside the chart. Translated.
 *
 * Returns: (transfer full): the description
 */
char *
upp_chart_describe (const UppChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  if (!has_data (data))
    return g_strdup (_("No data for this week"));

  switch (data->kind)
    {
    case UPP_CHART_STATUS_RING: return describe_counts (data->counts);
    case UPP_CHART_DEPARTMENTS: return describe_departments (data->departments);
    case UPP_CHART_DEADLINES: return describe_deadlines (data);
    case UPP_CHART_TREND: return describe_trend (data->trend);
    case UPP_CHART_COMPLIANCE: return describe_compliance (data);
    case UPP_CHART_INDICATOR: return describe_indicator (data->indicator);
    case UPP_N_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- Entry points ---------------------------------------------------- */

/**
 * upp_chart_draw:
 * @cr: where to draw: a GTK snapshot's context, a PDF page, an image
 * @style: colours, fonts, snapping
 * @data: the chart and its data
 * @width: the width of the chart in @cr's user space
 * @height: its height
 *
 * Draws one chart into the rectangle (0, 0, @width, @height) of @cr's user
 * space, whatever surface is behind it. Without data the chart says so
 * instead of drawing empty axes. @cr's state is restored afterwards.
 */
void
upp_chart_draw (cairo_t             *cr,
                const UppChartStyle *style,
                const UppChartData  *data,
                double               width,
                double               height)
{
  Chart c;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (data != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  if (style->fill_background)
    {
      cairo_set_source_rgba (cr, style->background.red, style->background.green,
                             style->background.blue, style->background.alpha);
      cairo_paint (cr);
    }

  upp_chart_init (&c, cr, style, width, height);
  switch (data->kind)
    {
    case UPP_CHART_STATUS_RING: draw_status_ring (&c, data); break;
    case UPP_CHART_DEPARTMENTS: draw_departments (&c, data); break;
    case UPP_CHART_DEADLINES: draw_deadlines (&c, data); break;
    case UPP_CHART_TREND: draw_trend (&c, data); break;
    case UPP_CHART_COMPLIANCE: draw_compliance (&c, data); break;
    case UPP_CHART_INDICATOR: draw_indicator (&c, data); break;
    case UPP_N_CHARTS:
    default:
      g_critical ("Unknown chart kind %d", data->kind);
      break;
    }
  upp_chart_clear (&c);
  cairo_restore (cr);
}

/**
 * upp_chart_get_deadlines_height:
 * @cr: a context like the one the chart will be drawn into, for measuring
 * @style: colours, fonts, snapping
 * @data: a %UPP_CHART_DEADLINES chart and its data
 * @width: the width the chart will be drawn at
 * @max_lanes: the most lanes of marks to make room for
 *
 * The height at which the deadline chart shows every mark (or @max_lanes
 * lanes of them, the rest counted as "+3 more") without empty lanes: what
 * a page, unlike a card on screen, can give it.
 *
 * Returns: the height in @cr's user space
 */
double
upp_chart_get_deadlines_height (cairo_t             *cr,
                                const UppChartStyle *style,
                                const UppChartData  *data,
                                double               width,
                                guint                max_lanes)
{
  /* Tall enough for any number of lanes: the height is taken apart into
   * what the lanes get and what the rest needs. */
  const double tall = 1e5;
  Deadlines d = { 0 };
  Chart c;
  double rest;
  guint n_lanes;

  g_return_val_if_fail (cr != NULL && style != NULL && data != NULL, 0);
  g_return_val_if_fail (data->kind == UPP_CHART_DEADLINES, 0);

  upp_chart_init (&c, cr, style, width, tall);
  if (!has_deadlines (data))
    {
      upp_chart_clear (&c);
      return c.em * 8;
    }
  deadlines_lay_out (&c, data, &d);
  rest = tall - (d.t.axis_y - d.t.top);
  n_lanes = CLAMP (d.n_lanes, 3, MAX (max_lanes, 3));
  deadlines_clear (&d);
  upp_chart_clear (&c);
  return ceil (rest + n_lanes * d.t.lane_h + c.em * 0.3);
}

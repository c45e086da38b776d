/* upp-chart-deadlines.c — chart 3: the deadlines of the coming weeks, and the overdue ones
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

gboolean
upp_chart_has_deadlines (const UppChartData *data)
{
  return data->deadlines != NULL && data->deadlines->len > 0 && upp_week_is_valid (data->week);
}

void
upp_chart_draw_deadlines (Chart              *c,
                          const UppChartData *data)
{
  Deadlines d = { 0 };
  double legend_y;
  Mark *m;

  if (!upp_chart_has_deadlines (data))
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
  if (!upp_chart_has_deadlines (data))
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

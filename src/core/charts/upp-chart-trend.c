/* upp-chart-trend.c — chart 4: stacked columns of states, week by week
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include "upp-chart-draw-private.h"

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

void
upp_chart_draw_trend (Chart              *c,
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

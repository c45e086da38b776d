/* upp-chart-departments.c — chart 2: one stacked bar of states per department
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <string.h>

#include "upp-chart-draw-private.h"

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

void
upp_chart_draw_departments (Chart              *c,
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

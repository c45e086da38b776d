/* upp-chart-compliance.c — chart 5: a heat map of reporting, departments × weeks
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

void
upp_chart_draw_compliance (Chart              *c,
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

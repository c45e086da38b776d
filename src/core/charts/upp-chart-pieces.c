/* upp-chart-pieces.c — what several charts draw: messages, legends, department labels, axes
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-chart-draw-private.h"

void
upp_chart_draw_message (Chart      *c,
                        const char *message)
{
  upp_chart_source_fg (c, c->alpha_secondary);
  upp_chart_text_show (c, FONT_LABEL, message, c->width / 2, c->height / 2, ALIGN_CENTER,
                       c->width - 2 * c->pad);
}

void
upp_chart_draw_no_data (Chart *c)
{
  upp_chart_draw_message (c, _("No data for this week"));
}

/* One symbol in @ink; over a hatched fill it gets a halo of the fill
 * colour, so the hatch lines do not cut through it. */
static void
symbol_show (Chart         *c,
             const Symbol  *symbol,
             double         x,
             double         y,
             const UppRgba *ink,
             const UppRgba *halo)
{
  cairo_glyph_t glyph = { symbol->glyph, x + symbol->dx, y + symbol->dy };

  if (symbol->font == NULL)
    return;
  cairo_set_scaled_font (c->cr, symbol->font);
  if (halo != NULL)
    {
      cairo_glyph_path (c->cr, &glyph, 1);
      cairo_set_line_width (c->cr, c->chip * 0.2);
      cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
      upp_chart_source_rgba (c, halo, 1);
      cairo_stroke (c->cr);
    }
  upp_chart_source_rgba (c, ink, 1);
  cairo_show_glyphs (c->cr, &glyph, 1);
}

/* A legend swatch: a rounded square in the fill, its pattern, and the
 * symbol on top. */
void
upp_chart_draw_chip (Chart         *c,
                     double         x,
                     double         cy,
                     const UppRgba *fill,
                     Hatch          hatch,
                     const Symbol  *symbol,
                     double         alpha)
{
  double s = c->chip;
  double y = cy - s / 2;
  UppRgba faded = *fill;
  UppRgba ink = upp_chart_contrast_ink (fill);

  faded.alpha *= alpha;
  upp_chart_path_round_rect (c->cr, x, y, s, s, s * 0.22);
  upp_chart_fill_area (c, &faded, hatch);
  if (!c->style->outlines)
    {
      upp_chart_path_round_rect (c->cr, x + c->hairline / 2, y + c->hairline / 2,
                                 s - c->hairline, s - c->hairline, s * 0.22);
      cairo_set_line_width (c->cr, c->hairline);
      upp_chart_source_edge (c, &faded);
      cairo_stroke (c->cr);
    }
  if (symbol != NULL)
    {
      ink.alpha *= alpha;
      symbol_show (c, symbol, x + s / 2, cy, &ink, hatch != HATCH_NONE ? &faded : NULL);
    }
}

static double
legend_row_height (Chart *c)
{
  return MAX (c->chip, c->line_height[FONT_LABEL]);
}

static void
legend_widths (Chart            *c,
               const LegendItem *items,
               guint             n,
               Font              font,
               double           *widths)
{
  for (guint i = 0; i < n; i++)
    widths[i] = c->chip + c->em * 0.4 + upp_chart_text_width (c, font, items[i].label);
}

/* Lays out a flowing legend; returns its height. More than two rows of it
 * (a narrow chart) and it takes the small font. */
double
upp_chart_legend_layout (Chart            *c,
                         const LegendItem *items,
                         guint             n,
                         double            max_width,
                         UppChartRect     *rects)
{
  double widths[UPP_N_STATES + UPP_N_COMPLIANCE] = { 0 };
  double row_h = legend_row_height (c);
  double gap_x = c->em * 1.1;
  double gap_y = c->em * 0.35;
  double lo = 0;
  double hi = max_width;
  guint rows;

  g_assert (n <= G_N_ELEMENTS (widths));
  c->legend_font = FONT_LABEL;
  legend_widths (c, items, n, c->legend_font, widths);
  rows = upp_chart_layout_flow (widths, n, max_width, row_h, gap_x, gap_y, rects);
  if (rows > 2)
    {
      c->legend_font = FONT_SMALL;
      gap_x = c->em * 0.8;
      legend_widths (c, items, n, c->legend_font, widths);
      rows = upp_chart_layout_flow (widths, n, max_width, row_h, gap_x, gap_y, rects);
    }

  /* Balance wrapped rows (4 + 3 rather than 6 + 1): the narrowest line
   * width that needs no more rows. */
  for (guint i = 0; rows > 1 && i < 12; i++)
    {
      double mid = (lo + hi) / 2;

      if (upp_chart_layout_flow (widths, n, mid, row_h, gap_x, gap_y, rects) > rows)
        lo = mid;
      else
        hi = mid;
    }
  upp_chart_layout_flow (widths, n, hi, row_h, gap_x, gap_y, rects);
  return rows > 0 ? rows * row_h + (rows - 1) * gap_y : 0;
}

void
upp_chart_legend_draw (Chart              *c,
                       const LegendItem   *items,
                       guint               n,
                       const UppChartRect *rects,
                       double              x,
                       double              y)
{
  for (guint i = 0; i < n; i++)
    {
      double cy = y + rects[i].y + rects[i].height / 2;
      double tx = x + rects[i].x + c->chip + c->em * 0.4;

      upp_chart_draw_chip (c, x + rects[i].x, cy, items[i].fill, items[i].hatch,
                           items[i].symbol, 1);
      upp_chart_source_fg (c, c->alpha_text);
      /* Slack for rounding: only an entry wider than the line (and
       * clamped by the flow) is ellipsized. */
      upp_chart_text_show (c, c->legend_font, items[i].label, tx, cy, ALIGN_START,
                           x + rects[i].x + rects[i].width - tx + c->em * 0.5);
    }
}

/* The states that occur in @sum, as legend entries. */
guint
upp_chart_state_legend_items (Chart                *c,
                              const UppStateCounts *sum,
                              LegendItem            items[UPP_N_STATES])
{
  guint n = 0;

  upp_chart_ensure_symbols (c);
  for (guint i = 0; i < UPP_N_STATES; i++)
    if (sum->counts[i] > 0)
      items[n++] = (LegendItem) { upp_state_get_label (i), &c->style->state_colors[i],
                                  upp_chart_state_hatch (c, i), &c->state_symbols[i] };
  return n;
}

static double
partner_tag_width (Chart *c)
{
  if (c->partner_w <= 0)
    c->partner_w = upp_chart_text_width (c, FONT_SMALL, C_("department tag", "partner")) +
                   c->em * 0.8;
  return c->partner_w;
}

static void
draw_partner_tag (Chart  *c,
                  double  x,
                  double  cy)
{
  double w = partner_tag_width (c);
  double h = c->line_height[FONT_SMALL] + c->em * 0.1;

  upp_chart_path_round_rect (c->cr, x + c->hairline / 2, cy - h / 2, w - c->hairline, h, h / 2);
  cairo_set_line_width (c->cr, c->hairline);
  upp_chart_source_fg (c, c->alpha_axis);
  cairo_stroke (c->cr);
  upp_chart_source_fg (c, c->alpha_secondary);
  upp_chart_text_show (c, FONT_SMALL, C_("department tag", "partner"), x + w / 2, cy,
                       ALIGN_CENTER, -1);
}

const char *
upp_chart_department_name (const char *name,
                           const char *code)
{
  if (name != NULL && *name != '\0')
    return name;
  return code != NULL ? code : "";
}

static double
department_label_width (Chart      *c,
                        const char *name,
                        gboolean    partner)
{
  double w = upp_chart_text_width (c, c->row_font, name);

  return partner ? w + c->em * 0.45 + partner_tag_width (c) : w;
}

/* A department's name, ellipsized so that it and its partner tag fit in
 * @max_width. */
void
upp_chart_draw_department_label (Chart      *c,
                                 const char *name,
                                 gboolean    partner,
                                 double      x,
                                 double      cy,
                                 double      max_width)
{
  double tag = partner ? c->em * 0.45 + partner_tag_width (c) : 0;
  double w;

  upp_chart_source_fg (c, c->alpha_text);
  w = upp_chart_text_show (c, c->row_font, name, x, cy, ALIGN_START, MAX (max_width - tag, c->em));
  if (partner)
    draw_partner_tag (c, x + w + c->em * 0.45, cy);
}

double
upp_chart_label_column_width (Chart     *c,
                              GPtrArray *rows,
                              guint      n,
                              gboolean   heat_map)
{
  double widest = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *name;
      gboolean partner;

      if (heat_map)
        {
          const UppComplianceRow *row = rows->pdata[i];
          name = upp_chart_department_name (row->department_name, row->department_code);
          partner = row->partner;
        }
      else
        {
          const UppDepartmentCounts *row = rows->pdata[i];
          name = upp_chart_department_name (row->name, row->code);
          partner = row->partner;
        }
      widest = MAX (widest, department_label_width (c, name, partner));
    }
  /* Long Swedish names are ellipsized rather than allowed to squeeze the
   * bars. */
  return MIN (widest, MAX (c->width * 0.36, c->em * 6));
}

void
upp_chart_draw_more_rows (Chart  *c,
                          guint   n_more,
                          double  x,
                          double  cy)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more department",
                                       "+%u more departments", n_more), n_more);
  upp_chart_source_fg (c, c->alpha_secondary);
  upp_chart_text_show (c, FONT_SMALL, text, x, cy, ALIGN_START, -1);
}

char *
upp_chart_week_label (UppWeek week)
{
  /* Translators: a week number on a chart axis, as short as possible */
  return g_strdup_printf (C_("chart axis", "W%d"), week.week);
}

/* With the locale's digit grouping: "2 000" in Swedish, "2,000" in
 * English, "2000" in C. */
char *
upp_chart_format_count (int count)
{
  return g_strdup_printf ("%'d", count);
}

/* A y axis of counts: grid lines across the plot and labels on the left. */
void
upp_chart_draw_value_grid (Chart               *c,
                           const UppChartScale *scale,
                           const UppChartRect  *plot,
                           double               label_right)
{
  cairo_set_line_width (c->cr, c->hairline);
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double y = plot->y + plot->height * (1 - upp_chart_scale_fraction (scale, scale->ticks[i]));
      g_autofree char *text = upp_chart_scale_format (scale, scale->ticks[i]);

      upp_chart_hline (c, plot->x, plot->x + plot->width, y);
      upp_chart_source_fg (c, scale->ticks[i] == 0 ? c->alpha_axis : c->alpha_grid);
      cairo_stroke (c->cr);
      upp_chart_source_fg (c, c->alpha_secondary);
      upp_chart_text_show (c, FONT_SMALL, text, label_right, y, ALIGN_END, -1);
    }
}

double
upp_chart_widest_tick (Chart               *c,
                       const UppChartScale *scale)
{
  double w = 0;

  for (guint i = 0; i < scale->n_ticks; i++)
    {
      g_autofree char *text = upp_chart_scale_format (scale, scale->ticks[i]);
      w = MAX (w, upp_chart_text_width (c, FONT_SMALL, text));
    }
  return w;
}

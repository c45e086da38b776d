/* upp-chart-status-ring.c — chart 1: actions by state as a ring, the total in the middle
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-chart-draw-private.h"

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

void
upp_chart_draw_status_ring (Chart              *c,
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

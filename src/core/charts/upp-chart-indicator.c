/* upp-chart-indicator.c — chart 6: one indicator against its target
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "upp-chart-draw-private.h"

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

char *
upp_chart_format_with_unit (double      value,
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
  target = upp_chart_format_with_unit (s->target, s->unit);
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

void
upp_chart_draw_indicator (Chart              *c,
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
  value = upp_chart_format_with_unit (s->values[s->n_points - 1], s->unit);
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

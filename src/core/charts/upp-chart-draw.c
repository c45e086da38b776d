/* upp-chart-draw.c — the entry point that paints any chart into any cairo_t
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include "upp-chart-draw-private.h"

/* One drawing path for the widget (gtk_snapshot_append_cairo), the PDF
 * briefing (a cairo PDF surface) and the tests (an image surface): every
 * chart is painted through here from a style, the data and a size, with its
 * geometry from upp-chart-layout.c. */

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
    case UPP_CHART_STATUS_RING: upp_chart_draw_status_ring (&c, data); break;
    case UPP_CHART_DEPARTMENTS: upp_chart_draw_departments (&c, data); break;
    case UPP_CHART_DEADLINES: upp_chart_draw_deadlines (&c, data); break;
    case UPP_CHART_TREND: upp_chart_draw_trend (&c, data); break;
    case UPP_CHART_COMPLIANCE: upp_chart_draw_compliance (&c, data); break;
    case UPP_CHART_INDICATOR: upp_chart_draw_indicator (&c, data); break;
    case UPP_N_CHARTS:
    default:
      g_critical ("Unknown chart kind %d", data->kind);
      break;
    }
  upp_chart_clear (&c);
  cairo_restore (cr);
}

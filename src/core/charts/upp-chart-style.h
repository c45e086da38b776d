/* upp-chart-style.h — colours, fonts and rendering choices of the charts
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "upp-types.h"

G_BEGIN_DECLS

/**
 * UppRgba:
 * @red: 0–1
 * @green: 0–1
 * @blue: 0–1
 * @alpha: 0–1
 *
 * A colour in sRGB, not premultiplied. Core has no GDK, so this is the
 * chart's own small colour type; a #GdkRGBA has the same layout of doubles
 * and the widget converts field by field.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} UppRgba;

#define UPP_RGBA_INIT(r, g, b, a) ((UppRgba) { (r), (g), (b), (a) })

/**
 * UppChartStyleKind:
 * @UPP_CHART_STYLE_LIGHT: the light GNOME window, transparent background
 * @UPP_CHART_STYLE_DARK: the dark GNOME window, transparent background
 * @UPP_CHART_STYLE_HIGH_CONTRAST: black on white, outlines and patterns
 * @UPP_CHART_STYLE_PRINT: white paper, no pixel snapping, patterns on
 */
typedef enum
{
  UPP_CHART_STYLE_LIGHT,
  UPP_CHART_STYLE_DARK,
  UPP_CHART_STYLE_HIGH_CONTRAST,
  UPP_CHART_STYLE_PRINT,
  UPP_N_CHART_STYLES
} UppChartStyleKind;

/**
 * UppChartStyle:
 * @kind: what upp_chart_style_init() started from
 * @background: the background; painted only if @fill_background
 * @fill_background: %FALSE in the widget, which has its own background
 * @foreground: text colour; grid lines and secondary text are this colour
 *   with less alpha
 * @state_colors: one fill per #UppState, safe for colour-blind readers
 * @compliance_colors: one fill per #UppCompliance
 * @font_family: a Pango family list such as "Cantarell" or "DejaVu Sans"
 * @font_size: the label size in user-space units: points on paper, logical
 *   pixels on screen (the drawing sets Pango's resolution to 72 dpi so that
 *   one point is one unit)
 * @pixel_snap: snap lines and bar edges to device pixels (screen only)
 * @patterns: hatch overdue, unreported and missing areas as a second cue
 *   besides colour
 * @outlines: outline every filled shape in the foreground colour
 *
 * Everything a chart needs to look right in one place. A plain struct, so
 * each widget can keep its own copy and tweak it.
 */
typedef struct
{
  UppChartStyleKind kind;
  UppRgba           background;
  gboolean          fill_background;
  UppRgba           foreground;
  UppRgba           state_colors[UPP_N_STATES];
  UppRgba           compliance_colors[UPP_N_COMPLIANCE];
  const char       *font_family;
  double            font_size;
  gboolean          pixel_snap;
  gboolean          patterns;
  gboolean          outlines;
} UppChartStyle;

void     upp_chart_style_init           (UppChartStyle     *style,
                                         UppChartStyleKind  kind);
void     upp_chart_style_set_foreground (UppChartStyle     *style,
                                         const UppRgba     *foreground);
gboolean upp_chart_style_is_hatched     (const UppChartStyle *style,
                                         UppState           state);

gboolean upp_rgba_parse                 (UppRgba           *rgba,
                                         const char        *hex);
double   upp_rgba_get_luminance         (const UppRgba     *rgba);

G_END_DECLS

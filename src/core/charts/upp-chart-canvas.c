/* upp-chart-canvas.c — a chart's drawing context: set-up, colours, snapping, fills, patterns
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "upp-chart-draw-private.h"

/* ---- Colours ---------------------------------------------------------- */

void
upp_chart_source_rgba (Chart         *c,
                       const UppRgba *rgba,
                       double         alpha)
{
  cairo_set_source_rgba (c->cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

void
upp_chart_source_fg (Chart  *c,
                     double  alpha)
{
  upp_chart_source_rgba (c, &c->style->foreground, alpha);
}

/* The ink for symbols and hatching on top of a fill: dark on light fills
 * (yellow, sky blue, grey), white on dark ones. */
UppRgba
upp_chart_contrast_ink (const UppRgba *fill)
{
  if (upp_rgba_get_luminance (fill) > 0.4)
    return UPP_RGBA_INIT (0, 0, 0, 0.78);
  return UPP_RGBA_INIT (1, 1, 1, 0.95);
}

/* The edge of a filled mark: its own colour, darker; in high contrast the
 * foreground itself. */
void
upp_chart_source_edge (Chart         *c,
                       const UppRgba *fill)
{
  if (c->style->outlines)
    upp_chart_source_fg (c, 1);
  else
    cairo_set_source_rgba (c->cr, fill->red * 0.62, fill->green * 0.62,
                           fill->blue * 0.62, fill->alpha);
}

/* ---- Pixel snapping --------------------------------------------------- */

/* On screen, edges go to device pixel boundaries and one-pixel lines to
 * pixel centres, so lines are crisp and adjacent fills leave no seams. In a
 * PDF there are no pixels, so nothing moves. The transform is assumed to be
 * a scale and a translation, which is what GTK and the briefing use. */
double
upp_chart_snap (Chart    *c,
                double    v,
                gboolean  horizontal)
{
  double x = horizontal ? v : 0;
  double y = horizontal ? 0 : v;

  if (!c->style->pixel_snap)
    return v;
  cairo_user_to_device (c->cr, &x, &y);
  if (horizontal)
    x = round (x);
  else
    y = round (y);
  cairo_device_to_user (c->cr, &x, &y);
  return horizontal ? x : y;
}

static double
snap_line (Chart    *c,
           double    v,
           gboolean  horizontal)
{
  double x = horizontal ? v : 0;
  double y = horizontal ? 0 : v;

  if (!c->style->pixel_snap)
    return v;
  cairo_user_to_device (c->cr, &x, &y);
  if (horizontal)
    x = floor (x) + 0.5;
  else
    y = floor (y) + 0.5;
  cairo_device_to_user (c->cr, &x, &y);
  return horizontal ? x : y;
}

void
upp_chart_snap_rect (Chart        *c,
                     UppChartRect *r)
{
  double x0 = upp_chart_snap (c, r->x, TRUE);
  double x1 = upp_chart_snap (c, r->x + r->width, TRUE);
  double y0 = upp_chart_snap (c, r->y, FALSE);
  double y1 = upp_chart_snap (c, r->y + r->height, FALSE);

  *r = (UppChartRect) { x0, y0, x1 - x0, y1 - y0 };
}

void
upp_chart_hline (Chart  *c,
                 double  x0,
                 double  x1,
                 double  y)
{
  y = snap_line (c, y, FALSE);
  cairo_move_to (c->cr, x0, y);
  cairo_line_to (c->cr, x1, y);
}

void
upp_chart_vline (Chart  *c,
                 double  x,
                 double  y0,
                 double  y1)
{
  x = snap_line (c, x, TRUE);
  cairo_move_to (c->cr, x, y0);
  cairo_line_to (c->cr, x, y1);
}

/* ---- Paths and patterns ------------------------------------------------ */

void
upp_chart_path_round_rect (cairo_t *cr,
                           double   x,
                           double   y,
                           double   w,
                           double   h,
                           double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  if (r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI_2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI_2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI_2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

/* A bar segment; the last one of a bar gets a rounded free end. */
static void
path_bar (cairo_t  *cr,
          double    x,
          double    y,
          double    w,
          double    h,
          double    r,
          gboolean  round_end)
{
  r = MIN (r, MIN (w, h / 2));
  if (!round_end || r <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_move_to (cr, x, y);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI_2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI_2);
  cairo_line_to (cr, x, y + h);
  cairo_close_path (cr);
}

Hatch
upp_chart_state_hatch (Chart    *c,
                       UppState  state)
{
  if (!upp_chart_style_is_hatched (c->style, state))
    return HATCH_NONE;
  return state == UPP_STATE_OVERDUE ? HATCH_FORWARD : HATCH_BACKWARD;
}

Hatch
upp_chart_compliance_hatch (Chart         *c,
                            UppCompliance  compliance)
{
  return c->style->patterns && compliance == UPP_COMPLIANCE_MISSING ? HATCH_FORWARD : HATCH_NONE;
}

/* Hatches the current path (and consumes it). The lines are anchored to
 * the page, not the shape, so that neighbouring segments of one state line
 * up into one pattern. */
static void
hatch_path (Chart         *c,
            Hatch          hatch,
            const UppRgba *under)
{
  UppRgba ink = upp_chart_contrast_ink (under);
  double spacing = MAX (c->em * 0.5, 4 * c->hairline) * G_SQRT2;
  double x1, y1, x2, y2;
  double k0, k1;

  if (hatch == HATCH_NONE)
    {
      cairo_new_path (c->cr);
      return;
    }

  cairo_save (c->cr);
  cairo_clip (c->cr);
  cairo_clip_extents (c->cr, &x1, &y1, &x2, &y2);
  cairo_set_source_rgba (c->cr, ink.red, ink.green, ink.blue, ink.alpha * 0.5);
  cairo_set_line_width (c->cr, MAX (c->em * 0.12, c->hairline));

  /* "/" lines are x + y = k, "\" lines are x - y = k. */
  k0 = hatch == HATCH_FORWARD ? x1 + y1 : x1 - y2;
  k1 = hatch == HATCH_FORWARD ? x2 + y2 : x2 - y1;
  for (double k = floor (k0 / spacing) * spacing; k <= k1; k += spacing)
    {
      if (hatch == HATCH_FORWARD)
        {
          cairo_move_to (c->cr, k - y1, y1);
          cairo_line_to (c->cr, k - y2, y2);
        }
      else
        {
          cairo_move_to (c->cr, k + y1, y1);
          cairo_line_to (c->cr, k + y2, y2);
        }
    }
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

/* Fills the current path in @fill, hatches it, outlines it in high
 * contrast, and leaves no path. */
void
upp_chart_fill_area (Chart         *c,
                     const UppRgba *fill,
                     Hatch          hatch)
{
  cairo_path_t *path;

  upp_chart_source_rgba (c, fill, 1);
  if (hatch == HATCH_NONE && !c->style->outlines)
    {
      cairo_fill (c->cr);
      return;
    }

  path = cairo_copy_path (c->cr);
  cairo_fill_preserve (c->cr);
  hatch_path (c, hatch, fill);
  if (c->style->outlines)
    {
      cairo_append_path (c->cr, path);
      cairo_set_line_width (c->cr, c->hairline);
      upp_chart_source_fg (c, 1);
      cairo_stroke (c->cr);
    }
  cairo_path_destroy (path);
}

static void
path_boxes (Chart     *c,
            const Box *boxes,
            guint      n,
            double     inset)
{
  for (guint i = 0; i < n; i++)
    {
      const UppChartRect *r = &boxes[i].rect;
      double w = r->width - 2 * inset;
      double h = r->height - 2 * inset;
      double radius = MAX (boxes[i].radius - inset, 0);

      if (w <= 0 || h <= 0)
        continue;
      if (boxes[i].round_all)
        upp_chart_path_round_rect (c->cr, r->x + inset, r->y + inset, w, h, radius);
      else
        path_bar (c->cr, r->x + inset, r->y + inset, w, h, radius, radius > 0);
    }
}

/* Like upp_chart_fill_area(), but the high-contrast outline is a frame one hairline
 * wide around a fill one hairline smaller: two fills instead of a stroke,
 * which is several times faster for hundreds of boxes. */
void
upp_chart_fill_boxes (Chart         *c,
                      const Box     *boxes,
                      guint          n,
                      const UppRgba *fill,
                      Hatch          hatch,
                      gboolean       outlines)
{
  double inset = 0;

  if (n == 0)
    return;
  if (outlines)
    {
      /* Even-odd over the box and the box inset: just the frame, so a
       * translucent fill ("not due") does not show black through it. */
      inset = c->hairline;
      path_boxes (c, boxes, n, 0);
      path_boxes (c, boxes, n, inset);
      cairo_set_fill_rule (c->cr, CAIRO_FILL_RULE_EVEN_ODD);
      upp_chart_source_fg (c, 1);
      cairo_fill (c->cr);
      cairo_set_fill_rule (c->cr, CAIRO_FILL_RULE_WINDING);
    }
  path_boxes (c, boxes, n, inset);
  upp_chart_source_rgba (c, fill, 1);
  if (hatch == HATCH_NONE)
    {
      cairo_fill (c->cr);
      return;
    }
  cairo_fill_preserve (c->cr);
  hatch_path (c, hatch, fill);
}

/* ---- Setting up ------------------------------------------------------- */

static PangoFontDescription *
font_new (const UppChartStyle *style,
          double               size,
          PangoWeight          weight)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, style->font_family != NULL
                                           ? style->font_family : "sans-serif");
  /* Absolute: one unit is one point on paper, one logical pixel on screen,
   * whatever resolution Pango was told. */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  return desc;
}

void
upp_chart_init (Chart               *c,
                cairo_t             *cr,
                const UppChartStyle *style,
                double               width,
                double               height)
{
  cairo_font_options_t *options;
  double dx = 1;
  double dy = 1;
  gboolean hc = style->outlines;

  memset (c, 0, sizeof *c);
  c->cr = cr;
  c->style = style;
  c->width = width;
  c->height = height;
  c->em = style->font_size > 0 ? style->font_size : 12;
  c->pad = round (c->em * 0.9);
  c->chip = round (c->em * 1.15);

  cairo_device_to_user_distance (cr, &dx, &dy);
  c->hairline = style->pixel_snap ? fabs (dx) : 0.5;

  c->alpha_text = 1;
  c->alpha_secondary = hc ? 1 : 0.72;
  c->alpha_grid = hc ? 0.35 : 0.12;
  c->alpha_axis = hc ? 1 : 0.45;

  c->row_font = FONT_LABEL;
  c->layout = pango_cairo_create_layout (cr);
  /* Metrics without hinting: the same text is the same width on screen
   * and on paper, so a chart breaks its lines the same way in both. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (c->layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (c->layout);

  c->fonts[FONT_LABEL] = font_new (style, c->em, PANGO_WEIGHT_NORMAL);
  c->fonts[FONT_SMALL] = font_new (style, c->em * 0.86, PANGO_WEIGHT_NORMAL);
  c->fonts[FONT_STRONG] = font_new (style, c->em, PANGO_WEIGHT_BOLD);
  c->fonts[FONT_SMALL_STRONG] = font_new (style, c->em * 0.86, PANGO_WEIGHT_BOLD);
  c->fonts[FONT_BIG] = font_new (style, c->em * 2.2, PANGO_WEIGHT_BOLD);
  for (guint i = 0; i < N_FONTS; i++)
    {
      PangoRectangle logical;

      upp_chart_text_prepare (c, i, "Åg", -1);
      pango_layout_get_extents (c->layout, NULL, &logical);
      c->line_height[i] = logical.height / (double) PANGO_SCALE;
      c->baseline[i] = pango_layout_get_baseline (c->layout) / (double) PANGO_SCALE;
    }
}

void
upp_chart_clear (Chart *c)
{
  for (guint i = 0; i < UPP_N_STATES; i++)
    g_clear_pointer (&c->state_symbols[i].font, cairo_scaled_font_destroy);
  for (guint i = 0; i < UPP_N_COMPLIANCE; i++)
    g_clear_pointer (&c->compliance_symbols[i].font, cairo_scaled_font_destroy);
  g_clear_pointer (&c->ascii.font, cairo_scaled_font_destroy);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&c->fonts[i], pango_font_description_free);
  g_clear_object (&c->layout);
}

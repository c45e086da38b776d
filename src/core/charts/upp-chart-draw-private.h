/* upp-chart-draw-private.h — what the chart files share: the drawing context and its helpers
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "upp-chart-draw.h"
#include "upp-chart-layout.h"

G_BEGIN_DECLS

/* Speed matters because the widget redraws on every resize: all text goes
 * through one PangoLayout per draw, and what repeats hundreds of times (the
 * deadline marks, their symbols and their ASCII codes) is drawn as batched
 * paths and glyph runs rather than one layout each. */

typedef enum
{
  FONT_LABEL,
  FONT_SMALL,
  FONT_STRONG,
  FONT_SMALL_STRONG,
  FONT_BIG,
  N_FONTS
} Font;

typedef enum
{
  ALIGN_START,
  ALIGN_CENTER,
  ALIGN_END,
  ALIGN_CENTER_INSIDE   /* centred, but moved in to stay off the edges */
} Align;

typedef enum
{
  HATCH_NONE,
  HATCH_FORWARD,
  HATCH_BACKWARD
} Hatch;

/* A symbol as a single glyph, so that a thousand marks are one
 * cairo_show_glyphs() call instead of a thousand layouts. */
typedef struct
{
  cairo_scaled_font_t *font;
  unsigned long        glyph;
  double               dx;
  double               dy;
} Symbol;

/* The advances of printable ASCII in FONT_SMALL: action codes ("A3",
 * "K12.4") are measured by adding these up and drawn as glyph runs. */
typedef struct
{
  cairo_scaled_font_t *font;
  unsigned long        glyphs[128];
  double               advances[128];
  gboolean             known[128];
} AsciiFont;

typedef struct
{
  cairo_t              *cr;
  const UppChartStyle  *style;
  double                width;
  double                height;

  /* Sizes, all derived from the style's font size. */
  double                em;
  double                pad;
  double                chip;
  double                hairline;

  /* Foreground alpha per role: texts, axis labels, grid lines, axes. */
  double                alpha_text;
  double                alpha_secondary;
  double                alpha_grid;
  double                alpha_axis;

  PangoLayout          *layout;
  PangoFontDescription *fonts[N_FONTS];
  Font                  row_font;      /* department names: smaller when many */
  double                partner_w;     /* the "partner" tag, measured once */
  Font                  legend_font;   /* chosen by upp_chart_legend_layout() */
  double                line_height[N_FONTS];
  double                baseline[N_FONTS];

  gboolean              have_symbols;
  Symbol                state_symbols[UPP_N_STATES];
  Symbol                compliance_symbols[UPP_N_COMPLIANCE];
  gboolean              have_ascii;
  AsciiFont             ascii;
} Chart;

/* Rectangles (bar segments, columns, heat map cells) in one batch. */
typedef struct
{
  UppChartRect rect;
  double       radius;
  gboolean     round_all;   /* else only the right end (a bar's free end) */
} Box;

typedef struct
{
  const char    *label;
  const UppRgba *fill;
  Hatch          hatch;
  const Symbol  *symbol;
} LegendItem;

/* upp-chart-canvas.c */
void    upp_chart_source_rgba      (Chart         *c,
                                    const UppRgba *rgba,
                                    double         alpha);
void    upp_chart_source_fg        (Chart  *c,
                                    double  alpha);
UppRgba upp_chart_contrast_ink     (const UppRgba *fill);
void    upp_chart_source_edge      (Chart         *c,
                                    const UppRgba *fill);
double  upp_chart_snap             (Chart    *c,
                                    double    v,
                                    gboolean  horizontal);
void    upp_chart_snap_rect        (Chart        *c,
                                    UppChartRect *r);
void    upp_chart_hline            (Chart  *c,
                                    double  x0,
                                    double  x1,
                                    double  y);
void    upp_chart_vline            (Chart  *c,
                                    double  x,
                                    double  y0,
                                    double  y1);
void    upp_chart_path_round_rect  (cairo_t *cr,
                                    double   x,
                                    double   y,
                                    double   w,
                                    double   h,
                                    double   r);
Hatch   upp_chart_state_hatch      (Chart    *c,
                                    UppState  state);
Hatch   upp_chart_compliance_hatch (Chart         *c,
                                    UppCompliance  compliance);
void    upp_chart_fill_area        (Chart         *c,
                                    const UppRgba *fill,
                                    Hatch          hatch);
void    upp_chart_fill_boxes       (Chart         *c,
                                    const Box     *boxes,
                                    guint          n,
                                    const UppRgba *fill,
                                    Hatch          hatch,
                                    gboolean       outlines);
void    upp_chart_init             (Chart               *c,
                                    cairo_t             *cr,
                                    const UppChartStyle *style,
                                    double               width,
                                    double               height);
void    upp_chart_clear            (Chart *c);

/* upp-chart-text.c */
void        upp_chart_text_prepare      (Chart      *c,
                                         Font        font,
                                         const char *text,
                                         double      max_width);
double      upp_chart_text_width        (Chart      *c,
                                         Font        font,
                                         const char *text);
double      upp_chart_text_show         (Chart      *c,
                                         Font        font,
                                         const char *text,
                                         double      x,
                                         double      cy,
                                         Align       align,
                                         double      max_width);
const char *upp_chart_compliance_symbol (UppCompliance compliance);
void        upp_chart_ensure_symbols    (Chart *c);
void        upp_chart_symbols_show      (Chart               *c,
                                         const Symbol        *symbol,
                                         const cairo_glyph_t *positions,
                                         guint                n);
double      upp_chart_code_width        (Chart      *c,
                                         const char *text);
void        upp_chart_code_show         (Chart      *c,
                                         const char *text,
                                         double      x,
                                         double      cy);

/* upp-chart-pieces.c */
void        upp_chart_draw_message          (Chart      *c,
                                             const char *message);
void        upp_chart_draw_no_data          (Chart *c);
void        upp_chart_draw_chip             (Chart         *c,
                                             double         x,
                                             double         cy,
                                             const UppRgba *fill,
                                             Hatch          hatch,
                                             const Symbol  *symbol,
                                             double         alpha);
double      upp_chart_legend_layout         (Chart            *c,
                                             const LegendItem *items,
                                             guint             n,
                                             double            max_width,
                                             UppChartRect     *rects);
void        upp_chart_legend_draw           (Chart              *c,
                                             const LegendItem   *items,
                                             guint               n,
                                             const UppChartRect *rects,
                                             double              x,
                                             double              y);
guint       upp_chart_state_legend_items    (Chart                *c,
                                             const UppStateCounts *sum,
                                             LegendItem            items[UPP_N_STATES]);
const char *upp_chart_department_name       (const char *name,
                                             const char *code);
void        upp_chart_draw_department_label (Chart      *c,
                                             const char *name,
                                             gboolean    partner,
                                             double      x,
                                             double      cy,
                                             double      max_width);
double      upp_chart_label_column_width    (Chart     *c,
                                             GPtrArray *rows,
                                             guint      n,
                                             gboolean   heat_map);
void        upp_chart_draw_more_rows        (Chart  *c,
                                             guint   n_more,
                                             double  x,
                                             double  cy);
char       *upp_chart_week_label            (UppWeek week);
char       *upp_chart_format_count          (int count);
void        upp_chart_draw_value_grid       (Chart               *c,
                                             const UppChartScale *scale,
                                             const UppChartRect  *plot,
                                             double               label_right);
double      upp_chart_widest_tick           (Chart               *c,
                                             const UppChartScale *scale);

/* upp-chart-status-ring.c */
void upp_chart_draw_status_ring (Chart              *c,
                                 const UppChartData *data);

/* upp-chart-departments.c */
void upp_chart_draw_departments (Chart              *c,
                                 const UppChartData *data);

/* upp-chart-deadlines.c */
gboolean upp_chart_has_deadlines  (const UppChartData *data);
void     upp_chart_draw_deadlines (Chart              *c,
                                   const UppChartData *data);

/* upp-chart-trend.c */
void upp_chart_draw_trend (Chart              *c,
                           const UppChartData *data);

/* upp-chart-compliance.c */
void upp_chart_draw_compliance (Chart              *c,
                                const UppChartData *data);

/* upp-chart-indicator.c */
char *upp_chart_format_with_unit (double      value,
                                  const char *unit);
void  upp_chart_draw_indicator   (Chart              *c,
                                  const UppChartData *data);

G_END_DECLS

/* upp-chart-text.c — text on a chart: one layout per draw, symbols and codes as glyph runs
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <string.h>

#include "upp-chart-draw-private.h"
#include "upp-text.h"

void
upp_chart_text_prepare (Chart      *c,
                        Font        font,
                        const char *text,
                        double      max_width)
{
  g_autofree char *tamed = NULL;

  /* One line, whatever a stored name holds (upp_text_tame()); plain ASCII,
   * most labels, as it is. */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7F)
      {
        text = tamed = upp_text_tame (text, 0);
        break;
      }

  pango_layout_set_font_description (c->layout, c->fonts[font]);
  if (max_width > 0)
    {
      pango_layout_set_width (c->layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (c->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (c->layout, -1);
      pango_layout_set_ellipsize (c->layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_text (c->layout, text, -1);
}

double
upp_chart_text_width (Chart      *c,
                      Font        font,
                      const char *text)
{
  PangoRectangle logical;

  upp_chart_text_prepare (c, font, text, -1);
  pango_layout_get_extents (c->layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

/* Draws one line of text in the current source, its box vertically centred
 * on @cy, and ellipsized to @max_width when that is positive. Returns the
 * width it took. */
double
upp_chart_text_show (Chart      *c,
                     Font        font,
                     const char *text,
                     double      x,
                     double      cy,
                     Align       align,
                     double      max_width)
{
  PangoRectangle logical;
  double w;

  upp_chart_text_prepare (c, font, text, max_width);
  pango_layout_get_extents (c->layout, NULL, &logical);
  w = logical.width / (double) PANGO_SCALE;
  if (align == ALIGN_CENTER)
    x -= w / 2;
  else if (align == ALIGN_END)
    x -= w;
  else if (align == ALIGN_CENTER_INSIDE)
    x = CLAMP (x - w / 2, c->pad / 2, c->width - c->pad / 2 - w);
  cairo_move_to (c->cr, x - logical.x / (double) PANGO_SCALE,
                 cy - c->line_height[font] / 2);
  pango_cairo_show_layout (c->cr, c->layout);
  return w;
}

static const PangoGlyphItem *
first_run (PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);

  if (line == NULL || line->runs == NULL)
    return NULL;
  return line->runs->data;
}

static gboolean
symbol_init (Chart      *c,
             Symbol     *symbol,
             const char *text)
{
  const PangoGlyphItem *run;
  PangoGlyph glyph;
  PangoRectangle ink;

  memset (symbol, 0, sizeof *symbol);
  pango_layout_set_text (c->layout, text, -1);
  run = first_run (c->layout);
  if (run == NULL || run->glyphs->num_glyphs < 1)
    return FALSE;
  glyph = run->glyphs->glyphs[0].glyph;
  if (glyph & PANGO_GLYPH_UNKNOWN_FLAG)
    return FALSE;

  pango_font_get_glyph_extents (run->item->analysis.font, glyph, &ink, NULL);
  symbol->font = cairo_scaled_font_reference (
      pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font)));
  symbol->glyph = glyph;
  /* From the centre of the ink to the glyph origin. */
  symbol->dx = -(ink.x + ink.width / 2.0) / PANGO_SCALE;
  symbol->dy = -(ink.y + ink.height / 2.0) / PANGO_SCALE;
  return TRUE;
}

const char *
upp_chart_compliance_symbol (UppCompliance compliance)
{
  switch (compliance)
    {
    case UPP_COMPLIANCE_ON_TIME: return "✓";
    case UPP_COMPLIANCE_LATE: return "◷";
    case UPP_COMPLIANCE_CORRECTED: return "✎";
    case UPP_COMPLIANCE_MISSING: return "✕";
    case UPP_COMPLIANCE_NOT_DUE:
    case UPP_N_COMPLIANCE:
    default:
      return NULL;
    }
}

/* The symbols at a size that fits in a chip, prepared once per draw. */
void
upp_chart_ensure_symbols (Chart *c)
{
  g_autoptr(PangoFontDescription) desc = NULL;

  if (c->have_symbols)
    return;
  c->have_symbols = TRUE;

  desc = pango_font_description_copy (c->fonts[FONT_STRONG]);
  pango_font_description_set_absolute_size (desc, c->chip * 0.68 * PANGO_SCALE);
  pango_layout_set_font_description (c->layout, desc);
  pango_layout_set_width (c->layout, -1);
  for (guint i = 0; i < UPP_N_STATES; i++)
    symbol_init (c, &c->state_symbols[i], upp_state_get_symbol (i));
  for (guint i = 0; i < UPP_N_COMPLIANCE; i++)
    if (upp_chart_compliance_symbol (i) != NULL)
      symbol_init (c, &c->compliance_symbols[i], upp_chart_compliance_symbol (i));
}

void
upp_chart_symbols_show (Chart                *c,
                        const Symbol         *symbol,
                        const cairo_glyph_t  *positions,
                        guint                 n)
{
  g_autofree cairo_glyph_t *glyphs = NULL;

  if (symbol->font == NULL || n == 0)
    return;
  glyphs = g_new (cairo_glyph_t, n);
  for (guint i = 0; i < n; i++)
    glyphs[i] = (cairo_glyph_t) { symbol->glyph, positions[i].x + symbol->dx,
                                  positions[i].y + symbol->dy };
  cairo_set_scaled_font (c->cr, symbol->font);
  cairo_show_glyphs (c->cr, glyphs, n);
}

/* Measures all of printable ASCII with one layout. Advances come from the
 * font, not the shaped line, so kerning between neighbours in this sample
 * does not leak into them. */
static void
ensure_ascii (Chart *c)
{
  char sample[96];
  const PangoGlyphItem *run;
  PangoFont *font;

  if (c->have_ascii)
    return;
  c->have_ascii = TRUE;

  for (guint i = 0; i < 95; i++)
    sample[i] = (char) (32 + i);
  sample[95] = '\0';
  upp_chart_text_prepare (c, FONT_SMALL, sample, -1);
  run = first_run (c->layout);
  if (run == NULL)
    return;

  font = run->item->analysis.font;
  for (int g = 0; g < run->glyphs->num_glyphs; g++)
    {
      int byte = run->item->offset + run->glyphs->log_clusters[g];
      guchar ch = (guchar) sample[byte];
      PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
      PangoRectangle logical;

      if (ch >= 128 || (glyph & PANGO_GLYPH_UNKNOWN_FLAG) || c->ascii.known[ch])
        continue;
      pango_font_get_glyph_extents (font, glyph, NULL, &logical);
      c->ascii.glyphs[ch] = glyph;
      c->ascii.advances[ch] = logical.width / (double) PANGO_SCALE;
      c->ascii.known[ch] = TRUE;
    }
  c->ascii.font = cairo_scaled_font_reference (
      pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font)));
}

static gboolean
ascii_covers (Chart      *c,
              const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 128 || !c->ascii.known[*p])
      return FALSE;
  return c->ascii.font != NULL;
}

/* The width of a short label in FONT_SMALL, cheaply when it is ASCII. */
double
upp_chart_code_width (Chart      *c,
                      const char *text)
{
  double w = 0;

  ensure_ascii (c);
  if (!ascii_covers (c, text))
    return upp_chart_text_width (c, FONT_SMALL, text);
  for (const guchar *p = (const guchar *) text; *p; p++)
    w += c->ascii.advances[*p];
  return w;
}

/* Draws a short FONT_SMALL label whose box is centred on @cy, starting at
 * @x. ASCII goes out as one glyph run with its text attached (the PDF
 * stays searchable); anything else through Pango. */
void
upp_chart_code_show (Chart      *c,
                     const char *text,
                     double      x,
                     double      cy)
{
  cairo_glyph_t glyphs[64];
  cairo_text_cluster_t clusters[64];
  double baseline;
  guint n = 0;

  ensure_ascii (c);
  if (!ascii_covers (c, text) || strlen (text) > G_N_ELEMENTS (glyphs))
    {
      upp_chart_text_show (c, FONT_SMALL, text, x, cy, ALIGN_START, -1);
      return;
    }

  baseline = cy - c->line_height[FONT_SMALL] / 2 + c->baseline[FONT_SMALL];
  for (const guchar *p = (const guchar *) text; *p; p++, n++)
    {
      glyphs[n] = (cairo_glyph_t) { c->ascii.glyphs[*p], x, baseline };
      clusters[n] = (cairo_text_cluster_t) { 1, 1 };
      x += c->ascii.advances[*p];
    }
  cairo_set_scaled_font (c->cr, c->ascii.font);
  cairo_show_text_glyphs (c->cr, text, n, glyphs, n, clusters, n, 0);
}

/* upp-chart-style.c
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include "upp-chart-style.h"

/* The state palettes start from Okabe & Ito's colour-blind safe set
 * (bluish green, blue, sky blue, yellow, orange, vermillion) plus a grey for
 * "unreported". The order of severity runs from cool to hot, so even
 * readers who see no hue at all read "blue is fine, red-brown is bad" from
 * lightness. test-chart.c simulates protanopia, deuteranopia and tritanopia
 * (Machado 2009) and asserts a minimum CIELAB distance between every pair,
 * so any change here has to keep them apart. */
static const char * const light_states[UPP_N_STATES] = {
  "#0072B2", /* done: blue */
  "#009E73", /* on track: bluish green */
  "#56B4E9", /* not started: sky blue */
  "#F0E442", /* at risk: yellow */
  "#E69F00", /* delayed: orange */
  "#D55E00", /* overdue: vermillion */
  "#BBBBBB", /* unreported: grey, hatched */
};

/* On a dark window the blues need more light to stand off the background. */
static const char * const dark_states[UPP_N_STATES] = {
  "#2F86CF", "#16A87D", "#7CCBF2", "#F0E442", "#E69F00", "#F0622A", "#B4B4B4",
};

/* Deeper, more saturated fills; outlines carry the edge against white. */
static const char * const high_contrast_states[UPP_N_STATES] = {
  "#005A9C", "#00845F", "#4AA8E0", "#EBD800", "#D98C00", "#C13F00", "#A8A8A8",
};

static void
set_palette (UppChartStyle      *style,
             const char * const *states)
{
  for (guint i = 0; i < UPP_N_STATES; i++)
    upp_rgba_parse (&style->state_colors[i], states[i]);

  /* Reporting reuses the state colours so that the same hue means the same
   * thing across the charts: green is in order, orange late, red-brown
   * missing (hatched like overdue). */
  style->compliance_colors[UPP_COMPLIANCE_ON_TIME] = style->state_colors[UPP_STATE_ON_TRACK];
  style->compliance_colors[UPP_COMPLIANCE_LATE] = style->state_colors[UPP_STATE_DELAYED];
  style->compliance_colors[UPP_COMPLIANCE_CORRECTED] = style->state_colors[UPP_STATE_DONE];
  style->compliance_colors[UPP_COMPLIANCE_MISSING] = style->state_colors[UPP_STATE_OVERDUE];
}

/**
 * upp_chart_style_init:
 * @style: (out caller-allocates): the style to fill
 * @kind: which of the four base styles
 *
 * Fills @style with a complete style. The screen styles use the libadwaita
 * window colours; a widget should follow with
 * upp_chart_style_set_foreground() from its CSS colour.
 */
void
upp_chart_style_init (UppChartStyle     *style,
                      UppChartStyleKind  kind)
{
  UppRgba white = UPP_RGBA_INIT (1, 1, 1, 1);

  g_return_if_fail (style != NULL);
  g_return_if_fail (kind < UPP_N_CHART_STYLES);

  memset (style, 0, sizeof *style);
  style->kind = kind;
  style->background = white;
  style->fill_background = FALSE;
  style->font_family = "Cantarell, DejaVu Sans, sans-serif";
  style->font_size = 13.0;
  style->pixel_snap = TRUE;
  style->patterns = TRUE;
  style->outlines = FALSE;

  switch (kind)
    {
    case UPP_CHART_STYLE_LIGHT:
      set_palette (style, light_states);
      /* libadwaita's window_fg_color */
      upp_chart_style_set_foreground (style, &UPP_RGBA_INIT (0, 0, 6 / 255.0, 0.8));
      break;

    case UPP_CHART_STYLE_DARK:
      set_palette (style, dark_states);
      upp_rgba_parse (&style->background, "#242424");
      upp_chart_style_set_foreground (style, &white);
      break;

    case UPP_CHART_STYLE_HIGH_CONTRAST:
      set_palette (style, high_contrast_states);
      style->outlines = TRUE;
      upp_chart_style_set_foreground (style, &UPP_RGBA_INIT (0, 0, 0, 1));
      break;

    case UPP_CHART_STYLE_PRINT:
      set_palette (style, light_states);
      style->fill_background = TRUE;
      style->pixel_snap = FALSE;
      style->font_family = "DejaVu Sans, sans-serif";
      style->font_size = 9.0;
      upp_chart_style_set_foreground (style, &UPP_RGBA_INIT (0.1, 0.1, 0.1, 1));
      break;

    case UPP_N_CHART_STYLES:
    default:
      g_assert_not_reached ();
    }
}

/**
 * upp_chart_style_set_foreground:
 * @style: a style
 * @foreground: the text colour, such as the widget's CSS `color`
 *
 * Sets the foreground and what derives from it: every text, axis and grid
 * line is @foreground with some alpha, so the charts follow the theme.
 */
void
upp_chart_style_set_foreground (UppChartStyle *style,
                                const UppRgba *foreground)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (foreground != NULL);

  style->foreground = *foreground;
  /* "Not due" is no colour at all: a faint cell, so the heat map shows
   * where a report could exist without claiming anything about it. */
  style->compliance_colors[UPP_COMPLIANCE_NOT_DUE] = *foreground;
  style->compliance_colors[UPP_COMPLIANCE_NOT_DUE].alpha = foreground->alpha * 0.07;
}

/**
 * upp_chart_style_is_hatched:
 * @style: a style
 * @state: a state
 *
 * Returns: %TRUE if areas of @state get a hatch pattern on top of their
 *   colour: the two states the store derives (overdue, unreported), which
 *   are the ones a reader must not confuse with a reported status
 */
gboolean
upp_chart_style_is_hatched (const UppChartStyle *style,
                            UppState             state)
{
  return style->patterns &&
         (state == UPP_STATE_OVERDUE || state == UPP_STATE_UNREPORTED);
}

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

/**
 * upp_rgba_parse:
 * @rgba: (out): the colour
 * @hex: `#RRGGBB` or `#RRGGBBAA`
 *
 * Returns: %TRUE if @hex was well formed; @rgba is untouched otherwise
 */
gboolean
upp_rgba_parse (UppRgba    *rgba,
                const char *hex)
{
  double channels[4] = { 0, 0, 0, 1 };
  size_t len;

  g_return_val_if_fail (rgba != NULL, FALSE);

  if (hex == NULL || hex[0] != '#')
    return FALSE;
  len = strlen (hex + 1);
  if (len != 6 && len != 8)
    return FALSE;

  for (guint i = 0; i < len / 2; i++)
    {
      int hi = hex_digit (hex[1 + 2 * i]);
      int lo = hex_digit (hex[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      channels[i] = (hi * 16 + lo) / 255.0;
    }

  *rgba = UPP_RGBA_INIT (channels[0], channels[1], channels[2], channels[3]);
  return TRUE;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * upp_rgba_get_luminance:
 * @rgba: a colour
 *
 * Returns: the WCAG relative luminance (0 black, 1 white), ignoring alpha;
 *   used to choose dark or light symbols on a coloured mark
 */
double
upp_rgba_get_luminance (const UppRgba *rgba)
{
  return 0.2126 * linear_channel (rgba->red) +
         0.7152 * linear_channel (rgba->green) +
         0.0722 * linear_channel (rgba->blue);
}

/* upp-briefing-indicators.c — section 7, "Indicators": a small multiple for each indicator
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"

#define MAX_INDICATOR_CHARTS 24
#define MAX_INDICATOR_VALUES 8

/* A value as people read it: whole numbers without decimals, others with
 * one, in the locale's decimal sign (3,5 in Swedish). */
static char *
format_value (double      value,
              const char *unit)
{
  g_autofree char *number = NULL;

  if (value == (gint64) value)
    number = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  else
    number = g_strdup_printf ("%.1f", value);
  if (upp_briefing_has_text (unit))
    return g_strdup_printf ("%s %s", number, unit);
  return g_steal_pointer (&number);
}

/* How far the latest value is from the target, relative to the target;
 * 0 when on the right side of it. */
static double
distance_from_target (const UppIndicatorSeries *series)
{
  double latest = series->values[series->n_points - 1];
  double gap;

  if (!series->has_target)
    return 0;
  gap = series->direction == UPP_DIRECTION_UP ? series->target - latest : latest - series->target;
  if (gap <= 0)
    return 0;
  return gap / MAX (ABS (series->target), 1e-9);
}

static int
compare_by_distance (gconstpointer a,
                     gconstpointer b)
{
  double da = distance_from_target (*(UppIndicatorSeries * const *) a);
  double db = distance_from_target (*(UppIndicatorSeries * const *) b);

  return da < db ? 1 : da > db ? -1 : 0;
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  GHashTable *positions = user_data;

  return GPOINTER_TO_INT (g_hash_table_lookup (positions, *(gpointer *) a)) -
         GPOINTER_TO_INT (g_hash_table_lookup (positions, *(gpointer *) b));
}

/* The numbers of one small multiple: the last weeks' values and the
 * target, under the chart. */
static char *
indicator_numbers (const UppIndicatorSeries *series)
{
  GString *text = g_string_new (NULL);
  guint first = series->n_points > MAX_INDICATOR_VALUES ? series->n_points - MAX_INDICATOR_VALUES : 0;
  g_autofree char *unit = upp_briefing_esc (series->unit);
  g_autofree char *name = upp_briefing_esc (series->name != NULL ? series->name
                                                                 : series->indicator_code);

  /* The full name first: the chart's title may have had to shorten it.
   * No-break spaces keep a week with its value and a target with its
   * unit. */
  g_string_append_printf (text, "%s. ", name);
  if (series->has_target)
    {
      g_autofree char *target = format_value (series->target, NULL);
      g_autofree char *label = upp_briefing_esc (_("Target"));

      g_string_append_printf (text, "%s %s\u00a0%s%s%s", label,
                              series->direction == UPP_DIRECTION_UP ? "≥" : "≤", target,
                              upp_briefing_has_text (unit) ? "\u00a0" : "", unit);
    }
  else
    {
      g_autofree char *label = upp_briefing_esc (_("No target"));

      g_string_append (text, label);
    }
  g_string_append (text, ". ");
  for (guint i = first; i < series->n_points; i++)
    {
      g_autofree char *value = format_value (series->values[i], NULL);
      g_autofree char *week = g_strdup_printf (C_("short", "W%d"), series->weeks[i].week);

      g_string_append_printf (text, "%s%s\u00a0<b>%s</b>", i > first ? "\u00a0· " : "", week, value);
    }
  return g_string_free (text, FALSE);
}

void
upp_section_indicators (UppBuilder *b)
{
  UppBriefing *self = b->self;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);
  double gutter = 18;
  double cell = (UPP_TEXT_WIDTH - gutter) / 2;
  guint n_with_values = 0;

  upp_builder_section_begin (b, _("Indicators"), "indicators");
  for (guint i = 0; i < self->indicators->len; i++)
    {
      UppIndicatorSeries *series = self->indicators->pdata[i];

      g_hash_table_insert (positions, series, GINT_TO_POINTER (i));
      if (series->n_points > 0)
        {
          g_ptr_array_add (shown, series);
          n_with_values++;
        }
    }

  if (n_with_values == 0)
    {
      upp_builder_empty_note (b, _("No indicator values have been reported yet."));
      upp_builder_section_end (b);
      return;
    }

  /* Small multiples stop being comparable, and the briefing readable, when
   * there are hundreds: then the ones furthest from their targets. */
  if (shown->len > MAX_INDICATOR_CHARTS)
    {
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      g_ptr_array_sort (shown, compare_by_distance);
      g_ptr_array_set_size (shown, MAX_INDICATOR_CHARTS);
      g_ptr_array_sort_with_data (shown, compare_by_position, positions);
      text = g_strdup_printf (_("Each chart shows an indicator week by week against its target "
                                "(the dashed line), with the latest values below it. Of the %u "
                                "indicators with values, these are the %u furthest from their "
                                "targets, in package order."), n_with_values, shown->len);
      markup = upp_briefing_esc (text);
      upp_builder_paragraph (b, markup);
    }
  else
    {
      g_autofree char *markup = upp_briefing_esc (_("Each chart shows an indicator week by week "
                                                    "against its target (the dashed line), with "
                                                    "the latest values below it."));
      upp_builder_paragraph (b, markup);
    }

  for (guint i = 0; i < shown->len; i += 2)
    {
      UppChunk *chunk = upp_chunk_new (self);
      double height = 0;

      for (guint k = 0; k < 2 && i + k < shown->len; k++)
        {
          const UppIndicatorSeries *series = shown->pdata[i + k];
          const UppAction *action = g_hash_table_lookup (self->action_by_code, series->action_code);
          g_autofree char *caption = upp_briefing_action_cell (series->action_code,
                                                               action != NULL ? action->title : "");
          g_autofree char *numbers = indicator_numbers (series);
          UppChartData data = { .kind = UPP_CHART_INDICATOR, .week = self->week,
                                .indicator = series };
          double x = UPP_MARGIN_LEFT + k * (cell + gutter);
          PangoLayout *layout;
          double y = 0;

          layout = upp_briefing_text (self, UPP_TEXT_FIGURE_LABEL, caption, cell, PANGO_ALIGN_LEFT);
          upp_chunk_add_line (chunk, x, 0, x + cell, 0, 0.5, UPP_RULE);
          y += 4;
          upp_chunk_tag_begin (chunk, "P", NULL, TRUE);
          upp_chunk_add_text (chunk, layout, x, y, UPP_INK_SECONDARY);
          upp_chunk_tag_end (chunk, "P");
          y += upp_layout_height (layout) + 2;

          upp_briefing_chunk_add_figure (self, chunk, upp_briefing_figure_new (self, &data), x, y,
                                         cell, 112);
          y += 112 + 2;

          layout = upp_briefing_text (self, UPP_TEXT_FIGURE_LABEL, numbers, cell, PANGO_ALIGN_LEFT);
          upp_chunk_tag_begin (chunk, "P", NULL, TRUE);
          upp_chunk_add_text (chunk, layout, x, y, UPP_INK);
          upp_chunk_tag_end (chunk, "P");
          y += upp_layout_height (layout);
          height = MAX (height, y);
        }
      chunk->height = height;
      chunk->space_before = 16;
      chunk->space_after = 8;
      upp_flow_add (&b->flow, chunk);
    }
  upp_builder_section_end (b);
}

/* upp-briefing-deadlines.c — section 5, "Deadlines": overdue and coming deadlines
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"

/* As tall as the lanes of marks need, up to a dozen: a page has the room
 * a card on screen does not. Measured on a surface that keeps nothing. */
static double
deadline_chart_height (UppBriefing        *self,
                       const UppChartData *data)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double height = upp_chart_get_deadlines_height (cr, &self->chart_style, data, UPP_TEXT_WIDTH,
                                                  12);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

void
upp_section_deadlines (UppBuilder *b)
{
  UppBriefing *self = b->self;
  UppWeek last = upp_week_add (self->week, UPP_N_DEADLINE_WEEKS - 1);
  /* Across the new year in words, not as “2026-W48 – 2027-W02”, which a
   * line may break at a hyphen. */
  g_autofree char *intro = last.year == self->week.year
                            ? g_strdup_printf (_("Overdue actions, and actions not yet done whose "
                                                 "deadline falls in weeks %d–%d."),
                                               self->week.week, last.week)
                            : g_strdup_printf (_("Overdue actions, and actions not yet done whose "
                                                 "deadline falls between week %d of %d and week "
                                                 "%d of %d."),
                                               self->week.week, self->week.year, last.week,
                                               last.year);
  g_autofree char *intro_markup = upp_briefing_esc (intro);

  upp_builder_section_begin (b, _("Deadlines"), "deadlines");
  upp_builder_paragraph (b, intro_markup);
  {
    UppChartData data = { .kind = UPP_CHART_DEADLINES, .week = self->week,
                          .n_weeks = UPP_N_DEADLINE_WEEKS, .deadlines = self->deadlines };

    upp_builder_figure_block (b, &data, deadline_chart_height (self, &data));
  }
  if (self->deadlines->len == 0)
    upp_builder_empty_note (b, _("No deadlines in these weeks, and none overdue."));
  else
    {
      UppColumn columns[] = {
        { 62, PANGO_ALIGN_LEFT }, { 34, PANGO_ALIGN_RIGHT }, { 0, PANGO_ALIGN_LEFT },
        { 40, PANGO_ALIGN_LEFT }, { 78, PANGO_ALIGN_LEFT },
      };
      const char *headers[] = { _("Deadline"), _("Week"), _("Action"), _("Lead"), _("Status") };
      UppTable table;

      upp_builder_table_begin (&table, b, columns, G_N_ELEMENTS (columns), headers);
      for (guint i = 0; i < self->deadlines->len; i++)
        {
          const UppDeadline *row = self->deadlines->pdata[i];
          g_autofree char *date = upp_briefing_format_date (&row->deadline);
          g_autofree char *week = g_strdup_printf ("%d", upp_week_from_date (&row->deadline).week);
          g_autofree char *action = upp_briefing_action_cell (row->action_code, row->title);
          g_autofree char *lead = upp_briefing_esc (row->lead_code);
          g_autofree char *state = upp_briefing_state_markup (row->state);

          upp_builder_table_row (&table, (const char *[]) { date, week, action, lead, state });
        }
      upp_builder_table_end (&table);
    }
  upp_builder_section_end (b);
}

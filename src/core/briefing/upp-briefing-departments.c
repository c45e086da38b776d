/* upp-briefing-departments.c — section 4, "Departments": status by department and reporting
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"

static char *
count_cell (int count)
{
  if (count == 0)
    return g_strdup ("<span foreground=\"#999999\">0</span>");
  return g_strdup_printf ("%d", count);
}

static char *
bold (const char *text)
{
  g_autofree char *markup = upp_briefing_esc (text);

  return g_strdup_printf ("<b>%s</b>", markup);
}

/* A count in a table: zero in grey, so that the others stand out; a sum
 * in bold. */
static char *
number_cell (int      count,
             gboolean sum)
{
  if (sum)
    return g_strdup_printf ("<b>%d</b>", count);
  return count_cell (count);
}

static char *
department_label (const char *name,
                  gboolean    partner)
{
  g_autofree char *markup = upp_briefing_esc (name);
  g_autofree char *tag = NULL;

  if (!partner)
    return g_steal_pointer (&markup);
  tag = upp_briefing_esc (_("partner"));
  return g_strdup_printf ("%s <span foreground=\"#555555\">(%s)</span>", markup, tag);
}

void
upp_section_departments (UppBuilder *b)
{
  UppBriefing *self = b->self;
  g_autofree char *compliance_title = g_strdup_printf (_("Reporting in the last %d weeks"),
                                                       UPP_N_COMPLIANCE_WEEKS);
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  upp_builder_section_begin (b, _("Departments"), "departments");

  upp_builder_heading (b, UPP_TEXT_H2, _("Status by department"), NULL);
  {
    UppChartData data = { .kind = UPP_CHART_DEPARTMENTS, .week = self->week,
                          .departments = self->department_counts };

    upp_builder_figure_block (b, &data, MIN (60 + 20.0 * self->department_counts->len, 420));
  }
  {
    /* Like the chart's legend, only the states some action is in: the
     * names of the departments need the room. */
    UppColumn columns[2 + UPP_N_STATES] = { { 0, PANGO_ALIGN_LEFT }, { 44, PANGO_ALIGN_RIGHT } };
    g_autoptr(GPtrArray) state_headers = g_ptr_array_new_with_free_func (g_free);
    const char *headers[2 + UPP_N_STATES] = { NULL };
    g_autofree char *department_header = NULL;
    g_autofree char *actions_header = NULL;
    UppState shown[UPP_N_STATES];
    guint n_shown = 0;
    UppTable table;

    for (guint s = 0; s < UPP_N_STATES; s++)
      {
        UppState state = upp_briefing_state_order[s];
        g_autofree char *label = NULL;

        if (self->counts.counts[state] == 0)
          continue;
        columns[2 + n_shown] = (UppColumn) { n_shown < 6 ? 50 : 46, PANGO_ALIGN_RIGHT };
        /* The symbol above the word: the words are too wide side by side. */
        label = upp_briefing_esc (upp_state_get_label (state));
        g_ptr_array_add (state_headers,
                         g_strdup_printf ("<span foreground=\"#%06x\">%s</span>\n%s",
                                          upp_briefing_state_inks[state],
                                          upp_state_get_symbol (state), label));
        headers[2 + n_shown] = state_headers->pdata[n_shown];
        shown[n_shown++] = state;
      }
    if (n_shown == UPP_N_STATES)
      for (guint s = 0; s < n_shown; s++)
        columns[2 + s].width = 46;

    headers[0] = department_header = upp_briefing_esc (_("Department"));
    headers[1] = actions_header = upp_briefing_esc (_("Actions"));
    upp_builder_table_begin_full (&table, b, columns, 2 + n_shown, headers, TRUE);
    for (guint i = 0; i <= self->department_counts->len; i++)
      {
        /* The departments, then their sum in bold. */
        const UppDepartmentCounts *row = i < self->department_counts->len
                                         ? self->department_counts->pdata[i] : NULL;
        const UppStateCounts *counts = row != NULL ? &row->counts : &self->counts;
        g_autofree char *name = row != NULL ? department_label (row->name, row->partner)
                                            : bold (_("All departments"));
        g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
        const char *row_cells[2 + UPP_N_STATES] = { name };

        if (counts->total == 0)
          continue;
        g_ptr_array_add (cells, number_cell (counts->total, row == NULL));
        for (guint s = 0; s < n_shown; s++)
          g_ptr_array_add (cells, number_cell (counts->counts[shown[s]], row == NULL));
        for (guint c = 0; c < cells->len; c++)
          row_cells[1 + c] = cells->pdata[c];
        upp_builder_table_row (&table, row_cells);
      }
    upp_builder_table_end (&table);
  }

  upp_builder_heading (b, UPP_TEXT_H2, compliance_title, NULL);
  {
    UppChartData data = { .kind = UPP_CHART_COMPLIANCE, .week = self->week,
                          .n_weeks = UPP_N_COMPLIANCE_WEEKS, .compliance = self->compliance };

    upp_builder_figure_block (b, &data, MIN (50 + 18.0 * self->compliance->len, 420));
  }
  {
    /* The heat map shows the weeks; the table counts them and names the
     * weeks that were not on time. */
    UppColumn columns[] = {
      { 150, PANGO_ALIGN_LEFT }, { 40, PANGO_ALIGN_RIGHT }, { 40, PANGO_ALIGN_RIGHT },
      { 52, PANGO_ALIGN_RIGHT }, { 44, PANGO_ALIGN_RIGHT }, { 0, PANGO_ALIGN_LEFT },
    };
    const char *headers[] = {
      _("Department"), upp_compliance_get_label (UPP_COMPLIANCE_ON_TIME),
      upp_compliance_get_label (UPP_COMPLIANCE_LATE),
      upp_compliance_get_label (UPP_COMPLIANCE_CORRECTED),
      upp_compliance_get_label (UPP_COMPLIANCE_MISSING), _("Weeks not on time"),
    };
    UppTable table;

    upp_builder_table_begin (&table, b, columns, G_N_ELEMENTS (columns), headers);
    for (guint i = 0; i < self->compliance->len; i++)
      {
        const UppComplianceRow *row = self->compliance->pdata[i];
        g_autofree char *name = department_label (row->department_name, row->partner);
        int counts[UPP_N_COMPLIANCE] = { 0 };
        g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GString) weeks = g_string_new (NULL);
        const UppCompliance kinds[4] = {
          UPP_COMPLIANCE_ON_TIME, UPP_COMPLIANCE_LATE, UPP_COMPLIANCE_CORRECTED,
          UPP_COMPLIANCE_MISSING,
        };

        for (guint w = 0; w < row->n_weeks; w++)
          {
            UppCompliance c = row->cells[w];
            UppWeek week = upp_week_add (row->first_week, w);
            g_autofree char *label = NULL;
            g_autofree char *week_label = NULL;

            counts[c]++;
            if (c != UPP_COMPLIANCE_LATE && c != UPP_COMPLIANCE_MISSING)
              continue;
            {
              g_autofree char *lower = g_utf8_strdown (upp_compliance_get_label (c), -1);

              label = upp_briefing_esc (lower);
            }
            week_label = g_strdup_printf (C_("short", "W%d"), week.week);
            if (weeks->len > 0)
              g_string_append (weeks, ", ");
            if (c == UPP_COMPLIANCE_MISSING)
              g_string_append_printf (weeks, "<span foreground=\"#%06x\"><b>%s %s</b></span>",
                                      upp_briefing_state_inks[UPP_STATE_OVERDUE], week_label,
                                      label);
            else
              g_string_append_printf (weeks, "%s %s", week_label, label);
          }
        for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
          g_ptr_array_add (cells, count_cell (counts[kinds[k]]));
        if (weeks->len == 0)
          g_string_append (weeks, "–");
        upp_builder_table_row (&table, (const char *[]) { name, cells->pdata[0], cells->pdata[1],
                                                          cells->pdata[2], cells->pdata[3],
                                                          weeks->str });

        if (row->cells[row->n_weeks - 1] == UPP_COMPLIANCE_MISSING)
          {
            if (missing->len > 0)
              g_string_append (missing, ", ");
            g_string_append (missing, row->department_name);
            n_missing++;
          }
      }
    upp_builder_table_end (&table);
  }

  upp_builder_heading (b, UPP_TEXT_H2, _("Not reported this week"), NULL);
  if (n_missing == 0)
    {
      g_autofree char *text = g_strdup_printf (_("Every department with actions has reported for "
                                                 "week %d."), self->week.week);
      upp_builder_empty_note (b, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("No report for week %d from: %s."),
                                               self->week.week, missing->str);
      g_autofree char *markup = upp_briefing_esc (text);

      upp_builder_paragraph (b, markup);
    }
  upp_builder_section_end (b);
}

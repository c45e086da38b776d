/* upp-chart-describe.c — the charts' text alternatives: their main numbers in a sentence or two
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-chart-draw-private.h"

/* The accessible description in the GUI and the caption in the briefing:
 * the numbers a sighted reader takes from the chart, in one or two
 * sentences. */

static void
append_item (GString    *list,
             const char *item)
{
  if (list->len > 0)
    g_string_append (list, C_("list separator", ", "));
  g_string_append (list, item);
}

static char *
actions_text (int n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d action", "%d actions", n), n);
}

/* "14 actions: 3 done, 5 on track; 1 overdue": the derived states, which
 * need attention whatever was reported, after the semicolon. */
static char *
describe_counts (const UppStateCounts *counts)
{
  g_autoptr(GString) reported = g_string_new (NULL);
  g_autoptr(GString) derived = g_string_new (NULL);
  g_autofree char *head = actions_text (counts->total);

  for (guint i = 0; i < UPP_N_STATES; i++)
    {
      g_autofree char *item = NULL;

      if (counts->counts[i] <= 0)
        continue;
      item = upp_state_format_count (i, counts->counts[i]);
      append_item (i == UPP_STATE_OVERDUE || i == UPP_STATE_UNREPORTED ? derived : reported, item);
    }
  if (reported->len > 0 && derived->len > 0)
    /* Translators: "14 actions: 3 done, 5 on track; 1 overdue" */
    return g_strdup_printf (C_("chart description", "%s: %s; %s"), head, reported->str, derived->str);
  return g_strdup_printf (C_("chart description", "%s: %s"), head,
                          reported->len > 0 ? reported->str : derived->str);
}

static int
attention_count (const UppStateCounts *counts)
{
  int n = 0;

  for (guint i = 0; i < UPP_N_STATES; i++)
    if (upp_state_needs_attention (i))
      n += MAX (counts->counts[i], 0);
  return n;
}

static int
compare_by_attention (gconstpointer a,
                      gconstpointer b)
{
  const UppDepartmentCounts *da = *(UppDepartmentCounts * const *) a;
  const UppDepartmentCounts *db = *(UppDepartmentCounts * const *) b;

  return attention_count (&db->counts) - attention_count (&da->counts);
}

static char *
describe_departments (GPtrArray *departments)
{
  /* Borrowed rows: a plain copy, without the rows' free function. */
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (departments->len);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *n_depts = NULL;
  g_autofree char *n_actions = NULL;
  g_autofree char *attention = NULL;
  guint n_listed = 0;
  int total = 0;

  for (guint i = 0; i < departments->len; i++)
    {
      g_ptr_array_add (sorted, departments->pdata[i]);
      total += MAX (((UppDepartmentCounts *) departments->pdata[i])->counts.total, 0);
    }
  /* Stable, so equal departments keep the order of the chart. */
  g_ptr_array_sort (sorted, compare_by_attention);
  for (guint i = 0; i < sorted->len && n_listed < 3; i++, n_listed++)
    {
      const UppDepartmentCounts *d = sorted->pdata[i];
      g_autofree char *item = NULL;
      int n = attention_count (&d->counts);

      if (n == 0)
        break;
      /* Translators: a department and how many of its actions need attention */
      item = g_strdup_printf (C_("chart description", "%s %d of %d"),
                              upp_chart_department_name (d->name, d->code), n, d->counts.total);
      append_item (list, item);
    }
  if (n_listed < sorted->len && n_listed == 3 &&
      attention_count (&((UppDepartmentCounts *) sorted->pdata[3])->counts) > 0)
    {
      guint more = 0;
      g_autofree char *item = NULL;

      for (guint i = 3; i < sorted->len; i++)
        if (attention_count (&((UppDepartmentCounts *) sorted->pdata[i])->counts) > 0)
          more++;
      item = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more department",
                                           "%u more departments", more), more);
      append_item (list, item);
    }

  n_depts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u department", "%u departments",
                                          departments->len), departments->len);
  n_actions = actions_text (total);
  if (list->len > 0)
    attention = g_strdup_printf (C_("chart description", "Needing attention: %s."), list->str);
  else
    attention = g_strdup (_("No action needs attention."));
  /* Translators: "4 departments, 14 actions. Needing attention: …" */
  return g_strdup_printf (C_("chart description", "%s, %s. %s"), n_depts, n_actions, attention);
}

static char *
describe_deadlines (const UppChartData *data)
{
  guint n_weeks = data->n_weeks > 0 ? data->n_weeks : UPP_CHART_DEFAULT_WEEKS;
  UppChartTimeline timeline;
  const UppDeadline *first = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *head = NULL;
  g_autofree char *count = NULL;
  int n_coming = 0;
  int n_overdue = 0;

  upp_chart_timeline_init (&timeline, data->week, n_weeks, 0, 1);
  for (guint i = 0; i < data->deadlines->len; i++)
    {
      const UppDeadline *d = data->deadlines->pdata[i];

      if (!g_date_valid (&d->deadline))
        continue;
      if (d->state == UPP_STATE_OVERDUE)
        n_overdue++;
      if (!upp_chart_timeline_locate (&timeline, &d->deadline, NULL, NULL))
        continue;
      n_coming++;
      if (first == NULL || g_date_compare (&d->deadline, &first->deadline) < 0)
        first = d;
    }

  head = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Next %u week", "Next %u weeks", n_weeks),
                          n_weeks);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d deadline", "%d deadlines", n_coming),
                           n_coming);
  /* Translators: "Next 8 weeks: 5 deadlines" */
  g_string_printf (text, C_("chart description", "%s: %s"), head, count);
  if (n_overdue > 0)
    {
      g_autofree char *overdue = upp_state_format_count (UPP_STATE_OVERDUE, n_overdue);
      g_string_append_printf (text, C_("chart description", "; %s"), overdue);
    }
  g_string_append (text, C_("chart description", "."));
  if (first != NULL)
    {
      g_autofree char *date = upp_date_format (&first->deadline);
      g_string_append_c (text, ' ');
      g_string_append_printf (text, C_("chart description", "First due: %s on %s."),
                              first->action_code, date);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_trend (GPtrArray *trend)
{
  const UppTrendPoint *first = trend->pdata[0];
  const UppTrendPoint *last = trend->pdata[trend->len - 1];
  g_autofree char *from = upp_week_format (first->week);
  g_autofree char *to = upp_week_format (last->week);
  g_autofree char *of = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %d action",
                                                      "of %d actions", last->counts.total),
                                         last->counts.total);

  if (trend->len == 1)
    return g_strdup_printf (C_("chart description", "%s: %d done, %d needing attention (%s)."),
                            to, last->counts.counts[UPP_STATE_DONE],
                            attention_count (&last->counts), of);
  /* Translators: "2026-W25 to 2026-W48: done 0 → 3, needing attention 2 → 5 (of 14 actions)." */
  return g_strdup_printf (C_("chart description",
                             "%s to %s: done %d → %d, needing attention %d → %d (%s)."),
                          from, to,
                          first->counts.counts[UPP_STATE_DONE], last->counts.counts[UPP_STATE_DONE],
                          attention_count (&first->counts), attention_count (&last->counts), of);
}

static char *
describe_compliance (const UppChartData *data)
{
  guint n_columns = data->n_weeks > 0 ? data->n_weeks : UPP_CHART_DEFAULT_WEEKS;
  UppWeek first = upp_week_add (data->week, -(int) (n_columns - 1));
  int counts[UPP_N_COMPLIANCE] = { 0 };
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *from = upp_week_format (first);
  g_autofree char *to = upp_week_format (data->week);
  g_autofree char *text = NULL;

  for (guint r = 0; r < data->compliance->len; r++)
    {
      const UppComplianceRow *row = data->compliance->pdata[r];
      g_autofree UppCompliance *cells = g_new (UppCompliance, n_columns);

      upp_chart_compliance_fill (row, first, n_columns, cells);
      for (guint col = 0; col < n_columns; col++)
        counts[cells[col]]++;
      if (upp_chart_compliance_at (row, data->week) == UPP_COMPLIANCE_MISSING)
        append_item (missing, row->department_code);
    }
  for (guint k = 0; k < UPP_N_COMPLIANCE; k++)
    if (k != UPP_COMPLIANCE_NOT_DUE && counts[k] > 0)
      {
        g_autofree char *item = upp_compliance_format_count (k, counts[k]);
        append_item (list, item);
      }
  if (list->len == 0)
    g_string_assign (list, _("no reports due"));

  /* Translators: "Reporting 2026-W41 to 2026-W48: 28 on time, 2 late." */
  text = g_strdup_printf (C_("chart description", "Reporting %s to %s: %s."), from, to, list->str);
  if (missing->len == 0)
    return g_steal_pointer (&text);
  return g_strdup_printf (C_("chart description", "%s Missing in %s: %s."), text, to, missing->str);
}

static char *
describe_indicator (const UppIndicatorSeries *s)
{
  const char *name = s->name != NULL ? s->name : s->indicator_code;
  g_autofree char *last = upp_chart_format_with_unit (s->values[s->n_points - 1], s->unit);
  g_autofree char *last_week = upp_week_format (s->weeks[s->n_points - 1]);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: "Trygghetsvandringar: 12 st in 2026-W48" */
  g_string_printf (text, C_("chart description", "%s: %s in %s"), name, last, last_week);
  if (s->n_points > 1)
    {
      g_autofree char *first = upp_chart_format_with_unit (s->values[0], s->unit);
      g_autofree char *first_week = upp_week_format (s->weeks[0]);
      g_string_append_printf (text, C_("chart description", ", from %s in %s"), first, first_week);
    }
  if (s->has_target)
    {
      g_autofree char *target = upp_chart_format_with_unit (s->target, s->unit);
      g_string_append_printf (text, s->direction == UPP_DIRECTION_UP
                                    ? C_("chart description", "; target %s, higher is better")
                                    : C_("chart description", "; target %s, lower is better"),
                              target);
    }
  g_string_append (text, C_("chart description", "."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
has_data (const UppChartData *data)
{
  switch (data->kind)
    {
    case UPP_CHART_STATUS_RING:
      return data->counts != NULL && data->counts->total > 0;
    case UPP_CHART_DEPARTMENTS:
      return data->departments != NULL && data->departments->len > 0;
    case UPP_CHART_DEADLINES:
      return upp_chart_has_deadlines (data);
    case UPP_CHART_TREND:
      return data->trend != NULL && data->trend->len > 0;
    case UPP_CHART_COMPLIANCE:
      return data->compliance != NULL && data->compliance->len > 0 && upp_week_is_valid (data->week);
    case UPP_CHART_INDICATOR:
      return data->indicator != NULL && data->indicator->n_points > 0 &&
             data->indicator->weeks != NULL && data->indicator->values != NULL;
    case UPP_N_CHARTS:
    default:
      return FALSE;
    }
}

/**
 * upp_chart_describe:
 * @data: what a chart shows
 *
 * A short text with the chart's main numbers, for people who cannot see
 * it: the GUI sets it as the chart's accessible description, the briefing
 * prints it beside the chart. Translated.
 *
 * Returns: (transfer full): the description
 */
char *
upp_chart_describe (const UppChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  if (!has_data (data))
    return g_strdup (_("No data for this week"));

  switch (data->kind)
    {
    case UPP_CHART_STATUS_RING: return describe_counts (data->counts);
    case UPP_CHART_DEPARTMENTS: return describe_departments (data->departments);
    case UPP_CHART_DEADLINES: return describe_deadlines (data);
    case UPP_CHART_TREND: return describe_trend (data->trend);
    case UPP_CHART_COMPLIANCE: return describe_compliance (data);
    case UPP_CHART_INDICATOR: return describe_indicator (data->indicator);
    case UPP_N_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

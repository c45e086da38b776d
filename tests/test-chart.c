/* test-chart.c — chart layout, colours, drawing to PNG and PDF, descriptions
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#if __has_include (<poppler.h>)
#include <poppler.h>
#define HAVE_POPPLER 1
#else
#define HAVE_POPPLER 0
#endif

#include "upp-chart-draw.h"
#include "upp-chart-layout.h"
#include "upp-chart-style.h"
#include "upp-types.h"
#include "upp-week.h"

#define TEST_FONT "DejaVu Sans"

/* ---- Test data ---------------------------------------------------------- */

/* Shaped like the demo package: 14 actions, four departments (the police
 * as a partner), weeks 2026-W25 to W48. */
typedef struct
{
  UppWeek             week;
  UppStateCounts      counts;
  GPtrArray          *departments;
  GPtrArray          *deadlines;
  GPtrArray          *trend;
  GPtrArray          *compliance;
  UppIndicatorSeries *indicator;
  guint               deadline_weeks;
  guint               compliance_weeks;
} Fixture;

static void
fixture_free (Fixture *f)
{
  g_clear_pointer (&f->departments, g_ptr_array_unref);
  g_clear_pointer (&f->deadlines, g_ptr_array_unref);
  g_clear_pointer (&f->trend, g_ptr_array_unref);
  g_clear_pointer (&f->compliance, g_ptr_array_unref);
  g_clear_pointer (&f->indicator, upp_indicator_series_free);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

static void
set_counts (UppStateCounts *counts,
            const int       values[UPP_N_STATES])
{
  counts->total = 0;
  for (guint i = 0; i < UPP_N_STATES; i++)
    {
      counts->counts[i] = values[i];
      counts->total += values[i];
    }
}

static UppDepartmentCounts *
department_new (const char *code,
                const char *name,
                gboolean    partner,
                const int   values[UPP_N_STATES])
{
  UppDepartmentCounts *d = g_new0 (UppDepartmentCounts, 1);

  d->code = g_strdup (code);
  d->name = g_strdup (name);
  d->partner = partner;
  set_counts (&d->counts, values);
  return d;
}

static UppDeadline *
deadline_new (const char *code,
              const char *date,
              UppState    state)
{
  UppDeadline *d = g_new0 (UppDeadline, 1);

  d->action_code = g_strdup (code);
  d->title = g_strdup_printf ("Action %s", code);
  d->lead_code = g_strdup ("SOC");
  g_assert_true (upp_date_parse (date, &d->deadline));
  d->state = state;
  return d;
}

static UppComplianceRow *
compliance_row_new (const char *code,
                    const char *name,
                    gboolean    partner,
                    UppWeek     first_week,
                    const char *pattern)
{
  UppComplianceRow *row = g_new0 (UppComplianceRow, 1);

  row->department_code = g_strdup (code);
  row->department_name = g_strdup (name);
  row->partner = partner;
  row->first_week = first_week;
  row->n_weeks = strlen (pattern);
  row->cells = g_new (UppCompliance, row->n_weeks);
  /* o on time, l late, c corrected, m missing, - not due */
  for (guint i = 0; i < row->n_weeks; i++)
    row->cells[i] = pattern[i] == 'o' ? UPP_COMPLIANCE_ON_TIME
                  : pattern[i] == 'l' ? UPP_COMPLIANCE_LATE
                  : pattern[i] == 'c' ? UPP_COMPLIANCE_CORRECTED
                  : pattern[i] == 'm' ? UPP_COMPLIANCE_MISSING
                  : UPP_COMPLIANCE_NOT_DUE;
  return row;
}

static UppTrendPoint *
trend_point_new (UppWeek   week,
                 const int values[UPP_N_STATES])
{
  UppTrendPoint *p = g_new0 (UppTrendPoint, 1);

  p->week = week;
  set_counts (&p->counts, values);
  return p;
}

static const int demo_counts[UPP_N_STATES] = { 3, 5, 1, 2, 1, 1, 1 };

static void
demo_departments (Fixture *f)
{
  static const int soc[UPP_N_STATES] = { 1, 2, 0, 1, 0, 1, 0 };
  static const int utb[UPP_N_STATES] = { 1, 2, 0, 0, 1, 0, 0 };
  static const int ks[UPP_N_STATES] = { 1, 1, 1, 0, 0, 0, 0 };
  static const int pol[UPP_N_STATES] = { 0, 0, 0, 1, 0, 0, 1 };

  f->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_department_counts_free);
  g_ptr_array_add (f->departments, department_new ("SOC", "Socialförvaltningen", FALSE, soc));
  g_ptr_array_add (f->departments, department_new ("UTB", "Utbildningsförvaltningen", FALSE, utb));
  g_ptr_array_add (f->departments, department_new ("KS", "Kommunstyrelsens förvaltning", FALSE, ks));
  g_ptr_array_add (f->departments, department_new ("POL", "Polismyndigheten", TRUE, pol));
}

static void
demo_deadlines (Fixture *f)
{
  static const struct { const char *code, *date; UppState state; } rows[] = {
    { "A1", "2026-11-06", UPP_STATE_OVERDUE },
    { "A2", "2026-11-16", UPP_STATE_OVERDUE },
    { "A3", "2026-11-27", UPP_STATE_AT_RISK },
    { "A4", "2026-11-27", UPP_STATE_ON_TRACK },
    { "A5", "2026-12-04", UPP_STATE_ON_TRACK },
    { "A6", "2026-12-11", UPP_STATE_DELAYED },
    { "A7", "2026-12-18", UPP_STATE_DONE },
    { "A8", "2026-12-18", UPP_STATE_ON_TRACK },
    { "A9", "2026-12-31", UPP_STATE_NOT_STARTED },
    { "A10", "2027-01-08", UPP_STATE_ON_TRACK },
    { "A11", "2027-01-15", UPP_STATE_UNREPORTED },
    { "A12", "2027-03-31", UPP_STATE_ON_TRACK },
    { "A13", "2027-06-30", UPP_STATE_ON_TRACK },
    { "A14", "2026-12-01", UPP_STATE_DONE },
  };

  f->deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_deadline_free);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_ptr_array_add (f->deadlines, deadline_new (rows[i].code, rows[i].date, rows[i].state));
}

/* 24 weeks from "14 actions, most not started" to the demo's counts. */
static void
demo_trend (Fixture *f)
{
  static const int start[UPP_N_STATES] = { 0, 4, 10, 0, 0, 0, 0 };

  f->trend = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_trend_point_free);
  for (guint i = 0; i < 24; i++)
    {
      int values[UPP_N_STATES];
      int sum = 0;

      for (guint s = 0; s < UPP_N_STATES; s++)
        if (s != UPP_STATE_ON_TRACK)
          {
            values[s] = (int) round (start[s] + (demo_counts[s] - start[s]) * (int) i / 23.0);
            sum += values[s];
          }
      values[UPP_STATE_ON_TRACK] = 14 - sum;
      g_ptr_array_add (f->trend, trend_point_new (upp_week_add (UPP_WEEK_INIT (2026, 25), i), values));
    }
}

static void
demo_compliance (Fixture *f)
{
  UppWeek first = UPP_WEEK_INIT (2026, 25);

  f->compliance = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_compliance_row_free);
  g_ptr_array_add (f->compliance, compliance_row_new ("SOC", "Socialförvaltningen", FALSE, first,
                                                      "oooooooooooooooooloooooo"));
  g_ptr_array_add (f->compliance, compliance_row_new ("UTB", "Utbildningsförvaltningen", FALSE, first,
                                                      "ooooooooooooooooooocoool"));
  g_ptr_array_add (f->compliance, compliance_row_new ("KS", "Kommunstyrelsens förvaltning", FALSE, first,
                                                      "oooooooooooooooooooooooo"));
  g_ptr_array_add (f->compliance, compliance_row_new ("POL", "Polismyndigheten", TRUE, first,
                                                      "-------------------oolom"));
}

static UppIndicatorSeries *
indicator_new (guint  n_points,
               guint  every,
               double from,
               double to)
{
  UppIndicatorSeries *s = g_new0 (UppIndicatorSeries, 1);
  UppWeek first = upp_week_add (UPP_WEEK_INIT (2026, 48), -(int) ((n_points - 1) * every));

  s->action_code = g_strdup ("A3");
  s->indicator_code = g_strdup ("I1");
  s->name = g_strdup ("Trygghetsvandringar");
  s->unit = g_strdup ("st");
  s->has_target = TRUE;
  s->target = 20;
  s->direction = UPP_DIRECTION_UP;
  s->n_points = n_points;
  s->weeks = g_new (UppWeek, n_points);
  s->values = g_new (double, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      s->weeks[i] = upp_week_add (first, i * every);
      /* A rise with a wobble, the same every run. */
      s->values[i] = round (from + (to - from) * i / MAX (n_points - 1, 1) + (i % 3 == 1 ? 1 : 0));
    }
  return s;
}

static Fixture *
fixture_demo (void)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->week = UPP_WEEK_INIT (2026, 48);
  set_counts (&f->counts, demo_counts);
  demo_departments (f);
  demo_deadlines (f);
  demo_trend (f);
  demo_compliance (f);
  f->indicator = indicator_new (12, 2, 4, 12);
  f->deadline_weeks = 8;
  f->compliance_weeks = 8;
  return f;
}

/* The large set: 2,000 actions, 20 departments with long names, 104 weeks
 * of history, spread by a seeded generator. */
static const char * const long_names[] = {
  "Kommunstyrelsens förvaltning",
  "Socialförvaltningen, individ- och familjeomsorgen",
  "Samhällsbyggnadsförvaltningen, avdelningen för trygghet och säkerhet",
  "Utbildningsförvaltningen",
  "Kultur- och fritidsförvaltningen",
  "Miljö- och hälsoskyddsförvaltningen",
};

static void
large_departments (Fixture *f,
                   GRand   *rand)
{
  int left[UPP_N_STATES];

  memcpy (left, f->counts.counts, sizeof left);
  f->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_department_counts_free);
  for (guint d = 0; d < 20; d++)
    {
      int values[UPP_N_STATES];
      g_autofree char *code = g_strdup_printf ("D%02u", d + 1);
      g_autofree char *name = g_strdup_printf ("%s %u", long_names[d % G_N_ELEMENTS (long_names)], d + 1);

      for (guint s = 0; s < UPP_N_STATES; s++)
        {
          values[s] = d == 19 ? left[s] : MIN (left[s], g_rand_int_range (rand, 0, 2 * f->counts.counts[s] / 20 + 1));
          left[s] -= values[s];
        }
      g_ptr_array_add (f->departments, department_new (code, name, d % 7 == 6, values));
    }
}

static void
large_deadlines (Fixture *f,
                 GRand   *rand)
{
  GDate monday;

  upp_week_get_monday (f->week, &monday);
  f->deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_deadline_free);
  for (guint i = 0; i < 2000; i++)
    {
      UppDeadline *d = g_new0 (UppDeadline, 1);
      int offset = g_rand_int_range (rand, -120, 240);

      d->action_code = g_strdup_printf ("K%u.%u", i / 100 + 1, i % 100 + 1);
      d->title = g_strdup ("Åtgärd");
      d->lead_code = g_strdup_printf ("D%02u", i % 20 + 1);
      d->deadline = monday;
      if (offset >= 0)
        g_date_add_days (&d->deadline, offset);
      else
        g_date_subtract_days (&d->deadline, -offset);
      d->state = offset < 0 ? (i % 5 == 0 ? UPP_STATE_DONE : UPP_STATE_OVERDUE)
                            : (UppState) g_rand_int_range (rand, 0, UPP_STATE_OVERDUE + 2) % UPP_N_STATES;
      if (offset >= 0 && d->state == UPP_STATE_OVERDUE)
        d->state = UPP_STATE_AT_RISK;
      g_ptr_array_add (f->deadlines, d);
    }
}

static void
large_trend_and_compliance (Fixture *f,
                            GRand   *rand)
{
  UppWeek first = upp_week_add (f->week, -103);

  f->trend = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_trend_point_free);
  for (guint i = 0; i < 104; i++)
    {
      int values[UPP_N_STATES];
      int sum = 0;

      for (guint s = 0; s < UPP_N_STATES; s++)
        if (s != UPP_STATE_NOT_STARTED)
          {
            values[s] = (int) (f->counts.counts[s] * (i + 1) / 104.0);
            sum += values[s];
          }
      values[UPP_STATE_NOT_STARTED] = 2000 - sum;
      g_ptr_array_add (f->trend, trend_point_new (upp_week_add (first, i), values));
    }

  f->compliance = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_compliance_row_free);
  for (guint d = 0; d < 20; d++)
    {
      char pattern[105];
      g_autofree char *code = g_strdup_printf ("D%02u", d + 1);
      g_autofree char *name = g_strdup_printf ("%s %u", long_names[d % G_N_ELEMENTS (long_names)], d + 1);

      for (guint i = 0; i < 104; i++)
        pattern[i] = "oooooooollcm-"[g_rand_int_range (rand, 0, 13)];
      pattern[104] = '\0';
      g_ptr_array_add (f->compliance, compliance_row_new (code, name, d % 7 == 6, first, pattern));
    }
}

static Fixture *
fixture_large (void)
{
  static const int counts[UPP_N_STATES] = { 420, 780, 240, 210, 130, 140, 80 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260611);
  Fixture *f = g_new0 (Fixture, 1);

  f->week = UPP_WEEK_INIT (2026, 48);
  set_counts (&f->counts, counts);
  large_departments (f, rand);
  large_deadlines (f, rand);
  large_trend_and_compliance (f, rand);
  f->indicator = indicator_new (104, 1, 3, 17);
  f->deadline_weeks = 8;
  f->compliance_weeks = 26;
  return f;
}

/* One action, one department, one week: the other extreme. */
static Fixture *
fixture_single (void)
{
  static const int one[UPP_N_STATES] = { 0, 0, 0, 1, 0, 0, 0 };
  Fixture *f = g_new0 (Fixture, 1);

  f->week = UPP_WEEK_INIT (2026, 48);
  set_counts (&f->counts, one);
  f->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_department_counts_free);
  g_ptr_array_add (f->departments, department_new ("KS", "Kommunstyrelsens förvaltning", FALSE, one));
  f->deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_deadline_free);
  g_ptr_array_add (f->deadlines, deadline_new ("A1", "2026-12-09", UPP_STATE_AT_RISK));
  f->trend = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_trend_point_free);
  g_ptr_array_add (f->trend, trend_point_new (f->week, one));
  f->compliance = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_compliance_row_free);
  g_ptr_array_add (f->compliance, compliance_row_new ("KS", "Kommunstyrelsens förvaltning", FALSE,
                                                      f->week, "o"));
  f->indicator = indicator_new (1, 1, 7, 7);
  f->deadline_weeks = 8;
  f->compliance_weeks = 8;
  return f;
}

static UppChartData
chart_data (const Fixture *f,
            UppChartKind   kind)
{
  UppChartData data = { 0 };

  data.kind = kind;
  data.week = f->week;
  data.n_weeks = kind == UPP_CHART_DEADLINES ? f->deadline_weeks
               : kind == UPP_CHART_COMPLIANCE ? f->compliance_weeks : 0;
  data.counts = &f->counts;
  data.departments = f->departments;
  data.deadlines = f->deadlines;
  data.trend = f->trend;
  data.compliance = f->compliance;
  data.indicator = f->indicator;
  return data;
}

static void
test_style (UppChartStyle     *style,
            UppChartStyleKind  kind)
{
  upp_chart_style_init (style, kind);
  style->font_family = TEST_FONT;
}

static const char * const kind_names[UPP_N_CHARTS] = {
  "ring", "departments", "deadlines", "trend", "compliance", "indicator",
};

static const char * const style_names[UPP_N_CHART_STYLES] = {
  "light", "dark", "high-contrast", "print",
};

static char *
output_path (const char *file)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (builddir != NULL ? builddir : g_test_get_dir (G_TEST_BUILT),
                                           "charts", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, file, NULL);
}

/* ---- Scales ------------------------------------------------------------- */

static void
assert_ticks (int           max_count,
              const double *expected,
              guint         n_expected)
{
  UppChartScale scale;

  upp_chart_scale_init_counts (&scale, max_count, 5);
  g_assert_cmpuint (scale.n_ticks, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpfloat (scale.ticks[i], ==, expected[i]);
  g_assert_cmpfloat (scale.min, ==, 0);
  g_assert_cmpfloat (scale.max, ==, expected[n_expected - 1]);
}

static void
test_scale_counts (void)
{
  static const double t0[] = { 0, 1 };
  static const double t7[] = { 0, 2, 4, 6, 8 };
  static const double t13[] = { 0, 5, 10, 15 };
  static const double t2000[] = { 0, 500, 1000, 1500, 2000 };
  static const double t14[] = { 0, 5, 10, 15 };
  static const double t104[] = { 0, 25, 50, 75, 100, 125 };

  assert_ticks (0, t0, G_N_ELEMENTS (t0));
  assert_ticks (1, t0, G_N_ELEMENTS (t0));
  assert_ticks (7, t7, G_N_ELEMENTS (t7));
  assert_ticks (13, t13, G_N_ELEMENTS (t13));
  assert_ticks (14, t14, G_N_ELEMENTS (t14));
  assert_ticks (104, t104, G_N_ELEMENTS (t104));
  assert_ticks (2000, t2000, G_N_ELEMENTS (t2000));

  /* Every count: from zero, whole steps, covers the value, few ticks. */
  for (int max = 0; max <= 5000; max++)
    for (guint intervals = 2; intervals <= 8; intervals++)
      {
        UppChartScale scale;

        upp_chart_scale_init_counts (&scale, max, intervals);
        g_assert_cmpfloat (scale.ticks[0], ==, 0);
        g_assert_cmpfloat (scale.max, >=, max);
        g_assert_cmpuint (scale.n_ticks, <=, intervals + 1);
        g_assert_cmpfloat (scale.step, ==, floor (scale.step));
        g_assert_cmpfloat (scale.step, >=, 1);
      }
}

static void
test_scale_values (void)
{
  UppChartScale scale;
  g_autofree char *label = NULL;

  upp_chart_scale_init_values (&scale, 0, 20, 4);
  g_assert_cmpuint (scale.n_ticks, ==, 5);
  g_assert_cmpfloat (scale.ticks[4], ==, 20);
  g_assert_cmpuint (scale.decimals, ==, 0);

  upp_chart_scale_init_values (&scale, 0.3, 0.72, 4);
  g_assert_cmpfloat_with_epsilon (scale.min, 0.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (scale.max, 0.8, 1e-9);
  g_assert_cmpuint (scale.n_ticks, ==, 4);
  g_assert_cmpuint (scale.decimals, ==, 1);
  label = upp_chart_scale_format (&scale, scale.ticks[1]);
  g_assert_cmpstr (label, ==, "0.4");

  upp_chart_scale_init_values (&scale, 0, 10, 4);
  g_assert_cmpfloat (scale.step, ==, 2.5);
  g_assert_cmpuint (scale.decimals, ==, 1);

  /* One value gets room around it. */
  upp_chart_scale_init_values (&scale, 7, 7, 4);
  g_assert_cmpfloat (scale.min, <, 7);
  g_assert_cmpfloat (scale.max, >, 7);

  g_assert_cmpfloat (upp_chart_scale_fraction (&scale, scale.min), ==, 0);
  g_assert_cmpfloat (upp_chart_scale_fraction (&scale, scale.max), ==, 1);
}

/* ---- Layout ------------------------------------------------------------- */

static void
test_percentages (void)
{
  static const int expected[UPP_N_STATES] = { 22, 36, 7, 14, 7, 7, 7 };
  static const int tiny_values[UPP_N_STATES] = { 1999, 1, 0, 0, 0, 0, 0 };
  UppStateCounts counts;
  int percent[UPP_N_STATES];
  int sum = 0;

  set_counts (&counts, demo_counts);
  upp_chart_layout_percentages (&counts, percent);
  for (guint i = 0; i < UPP_N_STATES; i++)
    {
      g_assert_cmpint (percent[i], ==, expected[i]);
      sum += percent[i];
    }
  g_assert_cmpint (sum, ==, 100);

  set_counts (&counts, tiny_values);
  upp_chart_layout_percentages (&counts, percent);
  g_assert_cmpint (percent[0], ==, 100);
  g_assert_cmpint (percent[1], ==, 0);

  memset (&counts, 0, sizeof counts);
  upp_chart_layout_percentages (&counts, percent);
  for (guint i = 0; i < UPP_N_STATES; i++)
    g_assert_cmpint (percent[i], ==, 0);
}

static void
test_ring (void)
{
  UppStateCounts counts;
  UppChartArc arcs[UPP_N_STATES];
  double sum = 0;
  guint n;

  set_counts (&counts, demo_counts);
  n = upp_chart_layout_ring (&counts, -G_PI_2, arcs);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpfloat (arcs[0].start_angle, ==, -G_PI_2);
  for (guint i = 0; i < n; i++)
    {
      double span = arcs[i].end_angle - arcs[i].start_angle;

      g_assert_cmpint (arcs[i].count, ==, counts.counts[arcs[i].state]);
      g_assert_cmpfloat_with_epsilon (span, 2 * G_PI * arcs[i].count / 14.0, 1e-12);
      if (i > 0)
        g_assert_cmpfloat (arcs[i].start_angle, ==, arcs[i - 1].end_angle);
      sum += span;
    }
  g_assert_cmpfloat_with_epsilon (sum, 2 * G_PI, 1e-12);
  g_assert_cmpfloat (arcs[n - 1].end_angle, ==, -G_PI_2 + 2 * G_PI);

  /* States without actions get no segment. */
  counts.counts[UPP_STATE_AT_RISK] = 0;
  counts.total -= 2;
  n = upp_chart_layout_ring (&counts, 0, arcs);
  g_assert_cmpuint (n, ==, 6);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (arcs[i].state, !=, UPP_STATE_AT_RISK);

  memset (&counts, 0, sizeof counts);
  g_assert_cmpuint (upp_chart_layout_ring (&counts, 0, arcs), ==, 0);
}

static void
test_stack_and_bands (void)
{
  static const int values[UPP_N_STATES] = { 3, 5, 0, 2, 0, 0, 0 };
  UppStateCounts counts;
  UppChartScale scale;
  UppChartSpan spans[UPP_N_STATES];
  UppChartBands bands;

  set_counts (&counts, values);
  upp_chart_scale_init_counts (&scale, 10, 5);
  g_assert_cmpfloat (scale.max, ==, 10);
  upp_chart_layout_stack (&counts, &scale, 100, 200, spans);
  g_assert_cmpfloat (spans[UPP_STATE_DONE].start, ==, 100);
  g_assert_cmpfloat (spans[UPP_STATE_DONE].length, ==, 60);
  g_assert_cmpfloat (spans[UPP_STATE_ON_TRACK].start, ==, 160);
  g_assert_cmpfloat (spans[UPP_STATE_ON_TRACK].length, ==, 100);
  g_assert_cmpfloat (spans[UPP_STATE_NOT_STARTED].length, ==, 0);
  g_assert_cmpfloat (spans[UPP_STATE_AT_RISK].start, ==, 260);
  g_assert_cmpfloat (spans[UPP_STATE_AT_RISK].length, ==, 40);

  upp_chart_bands_init (&bands, 4, 10, 200, 0.6, 0);
  g_assert_cmpfloat (bands.step, ==, 50);
  g_assert_cmpfloat (bands.thickness, ==, 30);
  g_assert_cmpfloat (upp_chart_bands_center (&bands, 0), ==, 35);
  g_assert_cmpfloat (upp_chart_bands_center (&bands, 3), ==, 185);
  upp_chart_bands_init (&bands, 4, 10, 200, 0.6, 20);
  g_assert_cmpfloat (bands.thickness, ==, 20);

  g_assert_cmpuint (upp_chart_layout_visible_rows (4, 100, 20), ==, 4);
  g_assert_cmpuint (upp_chart_layout_visible_rows (20, 100, 20), ==, 4);
  g_assert_cmpuint (upp_chart_layout_visible_rows (20, 10, 20), ==, 0);

  /* 104 weeks of 5 units under labels 30 wide: every 8th. */
  g_assert_cmpuint (upp_chart_layout_label_stride (104, 5, 30, 8), ==, 8);
  g_assert_cmpuint (upp_chart_layout_label_stride (8, 70, 30, 8), ==, 1);
  g_assert_cmpuint (upp_chart_layout_label_stride (8, 30, 30, 8), ==, 2);
}

static void
test_flow (void)
{
  static const double widths[] = { 60, 80, 50, 120, 300 };
  UppChartRect rects[G_N_ELEMENTS (widths)];
  guint rows;

  rows = upp_chart_layout_flow (widths, G_N_ELEMENTS (widths), 200, 16, 10, 4, rects);
  g_assert_cmpuint (rows, ==, 3);
  g_assert_cmpfloat (rects[1].x, ==, 70);
  g_assert_cmpfloat (rects[2].x, ==, 0);
  g_assert_cmpfloat (rects[2].y, ==, 20);
  g_assert_cmpfloat (rects[3].x, ==, 60);
  g_assert_cmpfloat (rects[4].y, ==, 40);
  g_assert_cmpfloat (rects[4].width, ==, 200);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (widths); j++)
      g_assert_false (upp_chart_rect_intersects (&rects[i], &rects[j]));
}

static void
test_timeline (void)
{
  UppChartTimeline tl;
  GDate date;
  double x;
  int week;

  /* 2026-W48 starts on Monday 23 November; 8 weeks over 560 units make a
   * day 10 units wide, with marks in the middle of their day. */
  upp_chart_timeline_init (&tl, UPP_WEEK_INIT (2026, 48), 8, 100, 560);
  upp_date_parse ("2026-11-23", &date);
  g_assert_true (upp_chart_timeline_locate (&tl, &date, &x, &week));
  g_assert_cmpfloat_with_epsilon (x, 105, 1e-9);
  g_assert_cmpint (week, ==, 0);
  upp_date_parse ("2026-11-29", &date);
  g_assert_true (upp_chart_timeline_locate (&tl, &date, &x, &week));
  g_assert_cmpfloat_with_epsilon (x, 165, 1e-9);
  g_assert_cmpint (week, ==, 0);
  upp_date_parse ("2026-11-30", &date);
  g_assert_true (upp_chart_timeline_locate (&tl, &date, &x, &week));
  g_assert_cmpfloat_with_epsilon (x, 175, 1e-9);
  g_assert_cmpint (week, ==, 1);
  /* 2026 has a week 53; the eighth week is 2027-W02, ending 17 January. */
  upp_date_parse ("2027-01-17", &date);
  g_assert_true (upp_chart_timeline_locate (&tl, &date, &x, &week));
  g_assert_cmpfloat_with_epsilon (x, 655, 1e-9);
  g_assert_cmpint (week, ==, 7);
  upp_date_parse ("2027-01-18", &date);
  g_assert_false (upp_chart_timeline_locate (&tl, &date, &x, &week));
  g_assert_cmpfloat (upp_chart_timeline_week_x (&tl, 8), ==, 660);

  /* Without a zone for the past, the past is not on the chart. */
  upp_date_parse ("2026-11-13", &date);
  g_assert_false (upp_chart_timeline_locate (&tl, &date, &x, &week));

  /* The zone maps the earliest deadline to its left end, yesterday to its
   * right end. */
  upp_date_parse ("2026-11-03", &date);
  upp_chart_timeline_set_past (&tl, &date, 10, 60);
  g_assert_true (upp_chart_timeline_locate (&tl, &date, &x, &week));
  g_assert_cmpfloat_with_epsilon (x, 10, 1e-9);
  g_assert_cmpint (week, ==, -1);
  upp_date_parse ("2026-11-22", &date);
  g_assert_true (upp_chart_timeline_locate (&tl, &date, &x, NULL));
  g_assert_cmpfloat_with_epsilon (x, 70, 1e-9);
  upp_date_parse ("2026-11-13", &date);
  g_assert_true (upp_chart_timeline_locate (&tl, &date, &x, NULL));
  g_assert_cmpfloat_with_epsilon (x, 10 + 60 * 10 / 19.0, 1e-9);
  upp_date_parse ("2026-11-02", &date);
  g_assert_false (upp_chart_timeline_locate (&tl, &date, &x, NULL));
}

static void
lane_rects (const UppChartLaneItem      *item,
            const UppChartLanePlacement *placed,
            const UppChartLaneParams    *params,
            UppChartRect                *mark,
            UppChartRect                *label)
{
  double y = placed->lane * 10.0;

  *mark = (UppChartRect) { item->x - params->mark_width / 2, y, params->mark_width, 10 };
  *label = (UppChartRect) { placed->label_x, y, placed->labelled ? item->label_width : 0, 10 };
}

static void
assert_no_overlaps (const UppChartLaneItem      *items,
                    const UppChartLanePlacement *placed,
                    guint                        n,
                    const UppChartLaneParams    *params)
{
  for (guint i = 0; i < n; i++)
    {
      UppChartRect mi, li;

      if (placed[i].lane < 0)
        continue;
      g_assert_cmpint (placed[i].lane, <, (int) params->max_lanes);
      lane_rects (&items[i], &placed[i], params, &mi, &li);
      if (placed[i].labelled)
        {
          g_assert_cmpfloat (li.x, >=, items[i].min_x - 1e-9);
          g_assert_cmpfloat (li.x + li.width, <=, items[i].max_x + 1e-9);
        }
      for (guint j = i + 1; j < n; j++)
        {
          UppChartRect mj, lj;

          if (placed[j].lane != placed[i].lane)
            continue;
          lane_rects (&items[j], &placed[j], params, &mj, &lj);
          g_assert_false (upp_chart_rect_intersects (&mi, &mj));
          g_assert_false (upp_chart_rect_intersects (&mi, &lj));
          g_assert_false (upp_chart_rect_intersects (&li, &mj));
          g_assert_false (upp_chart_rect_intersects (&li, &lj));
        }
    }
}

static void
test_lanes_simple (void)
{
  UppChartLaneParams params = { 10, 2, 3, 3 };
  UppChartLaneItem items[] = {
    { 50, 20, 0, 200 }, { 50, 20, 0, 200 }, { 50, 20, 0, 200 }, { 50, 20, 0, 200 },
    { 195, 20, 0, 200 },
  };
  UppChartLanePlacement placed[G_N_ELEMENTS (items)];
  guint labelled;

  labelled = upp_chart_layout_lanes (items, NULL, G_N_ELEMENTS (items), &params, placed);
  /* Same day: stacked lane over lane until the lanes run out. */
  g_assert_cmpint (placed[0].lane, ==, 0);
  g_assert_cmpint (placed[1].lane, ==, 1);
  g_assert_cmpint (placed[2].lane, ==, 2);
  g_assert_cmpint (placed[3].lane, ==, -1);
  g_assert_true (placed[0].labelled);
  g_assert_cmpfloat (placed[0].label_x, ==, 57);
  /* At the right edge the label goes left of its mark. */
  g_assert_cmpint (placed[4].lane, ==, 0);
  g_assert_true (placed[4].labelled);
  g_assert_cmpfloat (placed[4].label_x, ==, 195 - 5 - 2 - 20);
  g_assert_cmpuint (labelled, ==, 4);
  assert_no_overlaps (items, placed, G_N_ELEMENTS (items), &params);
}

static void
test_lanes_many (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  UppChartLaneParams params = { 12, 3, 4, 12 };
  guint n = 2000;
  g_autofree UppChartLaneItem *items = g_new (UppChartLaneItem, n);
  g_autofree UppChartLanePlacement *placed = g_new (UppChartLanePlacement, n);
  g_autofree guint *order = g_new (guint, n);
  guint labelled, shown = 0;

  for (guint i = 0; i < n; i++)
    {
      items[i] = (UppChartLaneItem) { g_rand_double_range (rand, 10, 590),
                                      g_rand_double_range (rand, 12, 40), 0, 600 };
      order[i] = n - 1 - i;
    }
  labelled = upp_chart_layout_lanes (items, order, n, &params, placed);
  for (guint i = 0; i < n; i++)
    if (placed[i].lane >= 0)
      shown++;
  g_test_message ("2000 items: %u labelled, %u shown", labelled, shown);
  g_assert_cmpuint (labelled, >, 50);
  g_assert_cmpuint (shown, <, n);
  g_assert_cmpuint (shown, >, labelled);
  assert_no_overlaps (items, placed, n, &params);
}

static void
test_grid (void)
{
  UppChartGrid grid;
  UppChartRect area = { 100, 20, 400, 200 };
  UppChartRect cell;
  g_autoptr(UppComplianceRow) row = NULL;

  upp_chart_grid_init (&grid, 4, 8, &area, 2, 30);
  g_assert_cmpfloat (grid.cell_width, ==, (400 - 14) / 8.0);
  g_assert_cmpfloat (grid.cell_height, ==, 30);
  upp_chart_grid_cell (&grid, 1, 2, &cell);
  g_assert_cmpfloat (cell.x, ==, 100 + 2 * (48.25 + 2));
  g_assert_cmpfloat (cell.y, ==, 20 + 32);
  upp_chart_grid_cell (&grid, 3, 7, &cell);
  g_assert_cmpfloat (cell.x + cell.width, ==, 500);

  upp_chart_grid_init (&grid, 10, 8, &area, 2, 30);
  g_assert_cmpfloat (grid.cell_height, ==, (200 - 18) / 10.0);

  row = compliance_row_new ("POL", "Polismyndigheten", TRUE, UPP_WEEK_INIT (2026, 52), "olcm-");
  g_assert_cmpint (upp_chart_compliance_at (row, UPP_WEEK_INIT (2026, 51)), ==, UPP_COMPLIANCE_NOT_DUE);
  g_assert_cmpint (upp_chart_compliance_at (row, UPP_WEEK_INIT (2026, 52)), ==, UPP_COMPLIANCE_ON_TIME);
  g_assert_cmpint (upp_chart_compliance_at (row, UPP_WEEK_INIT (2026, 53)), ==, UPP_COMPLIANCE_LATE);
  g_assert_cmpint (upp_chart_compliance_at (row, UPP_WEEK_INIT (2027, 1)), ==, UPP_COMPLIANCE_CORRECTED);
  g_assert_cmpint (upp_chart_compliance_at (row, UPP_WEEK_INIT (2027, 2)), ==, UPP_COMPLIANCE_MISSING);
  g_assert_cmpint (upp_chart_compliance_at (row, UPP_WEEK_INIT (2027, 3)), ==, UPP_COMPLIANCE_NOT_DUE);
  g_assert_cmpint (upp_chart_compliance_at (row, UPP_WEEK_INIT (2027, 4)), ==, UPP_COMPLIANCE_NOT_DUE);

  g_assert_cmpfloat (upp_chart_week_fraction (UPP_WEEK_INIT (2026, 48), UPP_WEEK_INIT (2027, 2),
                                              UPP_WEEK_INIT (2026, 53)), ==, 5 / 7.0);
}

/* ---- Colours under colour-vision deficiency ----------------------------- */

/* Machado, Oliveira & Fernandes 2009, severity 1, on linear RGB. */
static const double cvd_matrices[4][3][3] = {
  { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
  { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
  { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
  { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
};
static const char * const cvd_names[] = { "normal vision", "protanopia", "deuteranopia", "tritanopia" };

static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 0.008856 ? cbrt (t) : 7.787 * t + 16.0 / 116;
}

static void
to_lab (const UppRgba *rgba,
        guint          cvd,
        double         lab[3])
{
  double lin[3] = { srgb_to_linear (rgba->red), srgb_to_linear (rgba->green), srgb_to_linear (rgba->blue) };
  double sim[3];
  double x, y, z;

  for (guint i = 0; i < 3; i++)
    sim[i] = CLAMP (cvd_matrices[cvd][i][0] * lin[0] + cvd_matrices[cvd][i][1] * lin[1] +
                    cvd_matrices[cvd][i][2] * lin[2], 0, 1);
  x = (0.4124 * sim[0] + 0.3576 * sim[1] + 0.1805 * sim[2]) / 0.95047;
  y = 0.2126 * sim[0] + 0.7152 * sim[1] + 0.0722 * sim[2];
  z = (0.0193 * sim[0] + 0.1192 * sim[1] + 0.9505 * sim[2]) / 1.08883;
  lab[0] = 116 * lab_f (y) - 16;
  lab[1] = 500 * (lab_f (x) - lab_f (y));
  lab[2] = 200 * (lab_f (y) - lab_f (z));
}

static double
delta_e (const UppRgba *a,
         const UppRgba *b,
         guint          cvd)
{
  double la[3], lb[3];

  to_lab (a, cvd, la);
  to_lab (b, cvd, lb);
  return sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
               (la[2] - lb[2]) * (la[2] - lb[2]));
}

/* ΔE*ab of 12 between two flat areas is an obvious difference (2.3 is
 * "just noticeable"); the palettes are tuned to keep at least that under
 * every simulated deficiency, which also covers the colours' role as
 * neighbours in stacked bars. */
#define MIN_DELTA_E 12.0

static double
min_pairwise (const UppRgba *colors,
              guint          n,
              guint          cvd)
{
  double worst = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      worst = MIN (worst, delta_e (&colors[i], &colors[j], cvd));
  return worst;
}

static void
test_palette_colour_blind (void)
{
  for (guint kind = 0; kind < UPP_N_CHART_STYLES; kind++)
    {
      UppChartStyle style;

      upp_chart_style_init (&style, kind);
      for (guint cvd = 0; cvd < G_N_ELEMENTS (cvd_names); cvd++)
        {
          double states = min_pairwise (style.state_colors, UPP_N_STATES, cvd);
          double reporting = min_pairwise (style.compliance_colors, UPP_COMPLIANCE_NOT_DUE, cvd);

          g_test_message ("%s, %s: states ΔE ≥ %.1f, reporting ΔE ≥ %.1f",
                          style_names[kind], cvd_names[cvd], states, reporting);
          g_assert_cmpfloat (states, >=, MIN_DELTA_E);
          g_assert_cmpfloat (reporting, >=, MIN_DELTA_E);
        }
      /* The second cue: overdue and unreported are hatched. */
      g_assert_true (upp_chart_style_is_hatched (&style, UPP_STATE_OVERDUE));
      g_assert_true (upp_chart_style_is_hatched (&style, UPP_STATE_UNREPORTED));
      g_assert_false (upp_chart_style_is_hatched (&style, UPP_STATE_ON_TRACK));
    }
}

static void
test_style_kinds (void)
{
  UppChartStyle style;
  UppRgba fg = UPP_RGBA_INIT (0.2, 0.3, 0.4, 0.5);
  UppRgba parsed;

  upp_chart_style_init (&style, UPP_CHART_STYLE_PRINT);
  g_assert_true (style.fill_background);
  g_assert_false (style.pixel_snap);
  g_assert_cmpfloat (style.background.red, ==, 1);
  upp_chart_style_init (&style, UPP_CHART_STYLE_LIGHT);
  g_assert_false (style.fill_background);
  g_assert_true (style.pixel_snap);
  upp_chart_style_init (&style, UPP_CHART_STYLE_HIGH_CONTRAST);
  g_assert_true (style.outlines);

  upp_chart_style_set_foreground (&style, &fg);
  g_assert_cmpfloat (style.foreground.blue, ==, 0.4);
  g_assert_cmpfloat_with_epsilon (style.compliance_colors[UPP_COMPLIANCE_NOT_DUE].alpha, 0.5 * 0.07, 1e-12);

  g_assert_true (upp_rgba_parse (&parsed, "#FF8000"));
  g_assert_cmpfloat (parsed.green, ==, 128 / 255.0);
  g_assert_cmpfloat (parsed.alpha, ==, 1);
  g_assert_false (upp_rgba_parse (&parsed, "FF8000"));
  g_assert_false (upp_rgba_parse (&parsed, "#FF80"));
  g_assert_false (upp_rgba_parse (&parsed, "#GG8000"));
}

/* ---- Drawing to images -------------------------------------------------- */

static void
read_pixel (cairo_surface_t *surface,
            int              x,
            int              y,
            double           rgba[4])
{
  const guchar *data;
  guint32 pixel;
  double a;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  pixel = *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);
  a = (pixel >> 24) / 255.0;
  rgba[3] = a;
  /* Unpremultiply. */
  rgba[0] = a > 0 ? ((pixel >> 16) & 0xff) / 255.0 / a : 0;
  rgba[1] = a > 0 ? ((pixel >> 8) & 0xff) / 255.0 / a : 0;
  rgba[2] = a > 0 ? (pixel & 0xff) / 255.0 / a : 0;
}

static cairo_surface_t *
draw_to_image (const UppChartStyle *style,
               const UppChartData  *data,
               int                  width,
               int                  height,
               const char          *png_name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  upp_chart_draw (cr, style, data, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  if (png_name != NULL)
    {
      g_autofree char *path = output_path (png_name);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
    }
  return surface;
}

/* On a transparent widget background the PNG would be hard to judge, so
 * the screen styles are saved over their window colour. */
static cairo_surface_t *
draw_for_viewing (UppChartStyleKind   kind,
                  const UppChartData *data,
                  int                 width,
                  int                 height,
                  const char         *png_name)
{
  UppChartStyle style;

  test_style (&style, kind);
  style.fill_background = TRUE;
  return draw_to_image (&style, data, width, height, png_name);
}

static void
draw_all (const Fixture *f,
          const char    *set_name)
{
  static const int sizes[][2] = { { 640, 400 }, { 320, 240 } };

  for (guint kind = 0; kind < UPP_N_CHARTS; kind++)
    for (guint s = 0; s < UPP_N_CHART_STYLES; s++)
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          UppChartData data = chart_data (f, kind);
          g_autofree char *name = g_strdup_printf ("chart-%s-%s%s%s.png", kind_names[kind],
                                                   style_names[s], set_name,
                                                   z == 1 ? "-narrow" : "");
          cairo_surface_t *surface = draw_for_viewing (s, &data, sizes[z][0], sizes[z][1], name);

          cairo_surface_destroy (surface);
        }
}

static void
test_draw_demo (void)
{
  g_autoptr(Fixture) f = fixture_demo ();

  draw_all (f, "");
}

static void
test_draw_large (void)
{
  g_autoptr(Fixture) f = fixture_large ();

  draw_all (f, "-large");
}

static void
test_draw_single (void)
{
  g_autoptr(Fixture) f = fixture_single ();

  draw_all (f, "-single");
}

/* Whatever the size, even none: no cairo error, no warning. */
static void
test_draw_tiny (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 24, 16 }, { 90, 60 }, { 2000, 80 }, { 80, 1200 } };
  g_autoptr(Fixture) f = fixture_large ();
  UppChartStyle style;

  test_style (&style, UPP_CHART_STYLE_LIGHT);
  for (guint kind = 0; kind < UPP_N_CHARTS; kind++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        UppChartData data = chart_data (f, kind);

        cairo_surface_destroy (draw_to_image (&style, &data, sizes[z][0], sizes[z][1], NULL));
      }
}

/* Scans the middle row from the left to the first run of ink: the ring's
 * left edge (nine o'clock), and returns the colour in the middle of it. */
static void
ring_left_colour (cairo_surface_t *surface,
                  double           rgba[4])
{
  int width = cairo_image_surface_get_width (surface);
  int y = cairo_image_surface_get_height (surface) / 2;
  double bg[4];
  int start = -1;
  int end = -1;

  read_pixel (surface, 0, y, bg);
  for (int x = 1; x < width && end < 0; x++)
    {
      double px[4];
      gboolean differs;

      read_pixel (surface, x, y, px);
      differs = fabs (px[0] - bg[0]) + fabs (px[1] - bg[1]) + fabs (px[2] - bg[2]) +
                fabs (px[3] - bg[3]) > 0.05;
      if (differs && start < 0)
        start = x;
      else if (!differs && start >= 0)
        end = x;
    }
  g_assert_cmpint (start, >, 0);
  g_assert_cmpint (end, >, start + 6);
  read_pixel (surface, (start + end) / 2, y, rgba);
}

static void
assert_colour (const double   rgba[4],
               const UppRgba *expected)
{
  g_assert_cmpfloat_with_epsilon (rgba[0], expected->red, 1.5 / 255);
  g_assert_cmpfloat_with_epsilon (rgba[1], expected->green, 1.5 / 255);
  g_assert_cmpfloat_with_epsilon (rgba[2], expected->blue, 1.5 / 255);
  g_assert_cmpfloat_with_epsilon (rgba[3], 1, 1.5 / 255);
}

static void
test_ring_pixels (void)
{
  g_autoptr(Fixture) f = fixture_demo ();
  static const int one_state[UPP_N_STATES] = { 0, 14, 0, 0, 0, 0, 0 };
  UppStateCounts counts;

  for (guint s = 0; s < UPP_N_CHART_STYLES; s++)
    {
      UppChartStyle style;
      UppChartData data = chart_data (f, UPP_CHART_STATUS_RING);
      cairo_surface_t *surface;
      double rgba[4];

      test_style (&style, s);
      style.fill_background = TRUE;

      /* With the demo's counts, nine o'clock is 75 % round from twelve:
       * actions 10 and 11 of 14, both "at risk". */
      surface = draw_to_image (&style, &data, 640, 400, NULL);
      ring_left_colour (surface, rgba);
      assert_colour (rgba, &style.state_colors[UPP_STATE_AT_RISK]);
      cairo_surface_destroy (surface);

      set_counts (&counts, one_state);
      data.counts = &counts;
      surface = draw_to_image (&style, &data, 320, 240, NULL);
      ring_left_colour (surface, rgba);
      assert_colour (rgba, &style.state_colors[UPP_STATE_ON_TRACK]);
      cairo_surface_destroy (surface);
    }
}

static gboolean
has_ink (cairo_surface_t *surface,
         int              x0,
         int              y0,
         int              x1,
         int              y1)
{
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        double px[4];

        read_pixel (surface, x, y, px);
        if (px[0] + px[1] + px[2] < 1.5)
          return TRUE;
      }
  return FALSE;
}

static void
test_empty (void)
{
  UppStateCounts zero = { { 0 }, 0 };
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  UppIndicatorSeries no_points = { 0 };

  for (guint kind = 0; kind < UPP_N_CHARTS; kind++)
    {
      UppChartStyle style;
      UppChartData data = { kind, UPP_WEEK_INIT (2026, 48), 0, &zero, none, none, none, none, &no_points };
      g_autofree char *name = g_strdup_printf ("chart-%s-empty-print.png", kind_names[kind]);
      g_autofree char *text = upp_chart_describe (&data);
      cairo_surface_t *surface;
      double px[4];

      test_style (&style, UPP_CHART_STYLE_PRINT);
      surface = draw_to_image (&style, &data, 640, 400, name);
      read_pixel (surface, 3, 3, px);
      g_assert_cmpfloat (px[0] + px[1] + px[2] + px[3], ==, 4);
      read_pixel (surface, 636, 396, px);
      g_assert_cmpfloat (px[0] + px[1] + px[2] + px[3], ==, 4);
      /* "No data for this week" in the middle, nothing at the edges. */
      g_assert_true (has_ink (surface, 240, 190, 400, 210));
      g_assert_false (has_ink (surface, 0, 0, 640, 150));
      g_assert_false (has_ink (surface, 0, 250, 640, 400));
      cairo_surface_destroy (surface);

      g_assert_cmpstr (text, ==, "No data for this week");

      /* NULL pointers are "no data" too. */
      data = (UppChartData) { kind, UPP_WEEK_INIT (2026, 48), 0, NULL, NULL, NULL, NULL, NULL, NULL };
      surface = draw_to_image (&style, &data, 320, 240, NULL);
      g_assert_true (has_ink (surface, 100, 110, 220, 130));
      cairo_surface_destroy (surface);
    }
}

/* Deadlines exist, but none in the weeks shown: the axis stays, with a
 * note instead of marks. */
static void
test_deadlines_beyond (void)
{
  g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_deadline_free);
  UppChartData data = { UPP_CHART_DEADLINES, UPP_WEEK_INIT (2026, 48), 4 };
  UppChartStyle style;
  cairo_surface_t *surface;
  g_autofree char *text = NULL;

  g_ptr_array_add (later, deadline_new ("B7", "2027-06-30", UPP_STATE_ON_TRACK));
  data.deadlines = later;
  test_style (&style, UPP_CHART_STYLE_PRINT);
  surface = draw_to_image (&style, &data, 640, 400, "chart-deadlines-none-ahead-print.png");
  g_assert_true (has_ink (surface, 240, 190, 400, 210));
  cairo_surface_destroy (surface);

  text = upp_chart_describe (&data);
  g_assert_cmpstr (text, ==, "Next 4 weeks: 0 deadlines.");
}

#if HAVE_POPPLER
/* The text of @data drawn alone on a PDF page of @width × @height. */
static char *
chart_pdf_text (const UppChartStyle *style,
                const UppChartData  *data,
                double               width,
                double               height)
{
  g_autofree char *path = output_path ("chart-alone.pdf");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc;
  PopplerPage *page;
  char *text;

  upp_chart_draw (cr, style, data, width, height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}
#endif

/* The height a page gives the deadline chart: one lane more for each mark
 * that would not fit, up to the most asked for, and at that height every
 * mark is drawn; with half a lane less, one is counted instead. (Heights
 * are rounded up to whole points: lanes are measured to within one.) */
static void
test_deadlines_height (void)
{
#if HAVE_POPPLER
  cairo_surface_t *measure = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (measure);
  UppChartStyle style;
  double heights[3];
  const guint counts[3] = { 1, 6, 20 };
  double lane = 0;

  test_style (&style, UPP_CHART_STYLE_PRINT);
  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      g_autoptr(GPtrArray) same_week = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_deadline_free);
      UppChartData data = { UPP_CHART_DEADLINES, UPP_WEEK_INIT (2026, 48), 8 };

      for (guint i = 0; i < counts[k]; i++)
        {
          g_autofree char *code = g_strdup_printf ("Q%u", i + 1);

          g_ptr_array_add (same_week, deadline_new (code, "2026-12-16", UPP_STATE_ON_TRACK));
        }
      data.deadlines = same_week;
      heights[k] = upp_chart_get_deadlines_height (cr, &style, &data, 480, 12);

      if (counts[k] == 6)
        {
          g_autofree char *all = NULL;
          g_autofree char *short_of_one = NULL;

          /* Three lanes at least: one mark gets as much as three. */
          lane = (heights[1] - heights[0]) / 3;
          g_assert_cmpfloat (lane, >, 8);
          all = chart_pdf_text (&style, &data, 480, heights[1]);
          for (guint i = 0; i < counts[k]; i++)
            {
              g_autofree char *code = g_strdup_printf ("Q%u", i + 1);

              g_assert_nonnull (strstr (all, code));
            }
          g_assert_null (strstr (all, "more"));
          short_of_one = chart_pdf_text (&style, &data, 480, heights[1] - lane / 2);
          g_assert_nonnull (strstr (short_of_one, "+1 more"));
        }
    }
  /* Twenty marks get twelve lanes, six more than six marks. */
  g_assert_cmpfloat (fabs (heights[2] - heights[1] - 6 * lane), <=, 1);
  cairo_destroy (cr);
  cairo_surface_destroy (measure);
#else
  g_test_skip ("poppler-glib is not available");
#endif
}

static void
test_transparent_background (void)
{
  g_autoptr(Fixture) f = fixture_demo ();
  UppChartData data = chart_data (f, UPP_CHART_DEPARTMENTS);
  UppChartStyle style;
  cairo_surface_t *surface;
  double px[4];

  test_style (&style, UPP_CHART_STYLE_DARK);
  surface = draw_to_image (&style, &data, 640, 400, NULL);
  read_pixel (surface, 1, 399, px);
  g_assert_cmpfloat (px[3], ==, 0);
  cairo_surface_destroy (surface);
}

/* The same picture at twice the scale, as GTK draws on a HiDPI screen. */
static void
test_device_scale (void)
{
  g_autoptr(Fixture) f = fixture_demo ();
  UppChartData data = chart_data (f, UPP_CHART_DEADLINES);
  UppChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  g_autofree char *path = output_path ("chart-deadlines-light-2x.png");
  cairo_t *cr;

  test_style (&style, UPP_CHART_STYLE_LIGHT);
  style.fill_background = TRUE;
  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  upp_chart_draw (cr, &style, &data, 640, 400);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Small multiples: several indicators side by side in one surface, each
 * drawn through a translated context, as the briefing lays them out. */
static void
test_indicator_multiples (void)
{
  g_autoptr(UppIndicatorSeries) up = indicator_new (12, 2, 4, 12);
  g_autoptr(UppIndicatorSeries) down = indicator_new (20, 1, 48, 21);
  g_autoptr(UppIndicatorSeries) flat = indicator_new (6, 4, 0.4, 0.6);
  const UppIndicatorSeries *series[] = { up, down, flat };
  g_autofree char *path = output_path ("chart-indicator-multiples-light.png");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3 * 240, 160);
  cairo_t *cr = cairo_create (surface);
  UppChartStyle style;

  g_free (down->name);
  down->name = g_strdup ("Svarstid för anmälningar om oro för barn");
  g_free (down->unit);
  down->unit = g_strdup ("dagar");
  down->direction = UPP_DIRECTION_DOWN;
  down->target = 28;
  g_free (flat->name);
  flat->name = g_strdup ("Andel trygga i enkäten");
  g_free (flat->unit);
  flat->unit = NULL;
  flat->has_target = FALSE;
  for (guint i = 0; i < flat->n_points; i++)
    flat->values[i] = 0.62 + 0.03 * (i % 3) + 0.01 * i;

  test_style (&style, UPP_CHART_STYLE_LIGHT);
  style.fill_background = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (series); i++)
    {
      UppChartData data = { UPP_CHART_INDICATOR, UPP_WEEK_INIT (2026, 48) };

      data.indicator = series[i];
      cairo_save (cr);
      cairo_translate (cr, i * 240, 0);
      upp_chart_draw (cr, &style, &data, 240, 160);
      cairo_restore (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Not a benchmark (bench/ has those): a note of how long a draw takes, in
 * the test log. */
static void
test_draw_time (void)
{
  g_autoptr(Fixture) f = fixture_large ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_t *cr = cairo_create (surface);
  UppChartStyle style;

  test_style (&style, UPP_CHART_STYLE_LIGHT);
  for (guint kind = 0; kind < UPP_N_CHARTS; kind++)
    {
      UppChartData data = chart_data (f, kind);
      gint64 start;
      guint rounds = 20;

      upp_chart_draw (cr, &style, &data, 640, 400);
      start = g_get_monotonic_time ();
      for (guint i = 0; i < rounds; i++)
        upp_chart_draw (cr, &style, &data, 640, 400);
      g_test_message ("%s, large set: %.2f ms per draw", kind_names[kind],
                      (g_get_monotonic_time () - start) / 1000.0 / rounds);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ---- Drawing to PDF ----------------------------------------------------- */

static void
test_pdf (void)
{
#if HAVE_POPPLER
  /* Up to four texts for each chart; the deadlines of 2026-W48 to W2
   * reach into 2027, which the axis says under W1. */
  static const char * const expected[UPP_N_CHARTS][4] = {
    { "14", "On track", "36%" },
    { "Socialförvaltningen", "Polismyndigheten", "partner" },
    { "A3", "A11", "W48", "2027" },
    { "W48", "At risk", "15" },
    { "Kommunstyrelsens förvaltning", "W48", "Missing" },
    { "Trygghetsvandringar", "12 st", "A3 · Target ≥ 20 st" },
  };
  g_autoptr(Fixture) f = fixture_demo ();
  g_autofree char *path = output_path ("charts.pdf");
  g_autofree char *uri = NULL;
  PopplerDocument *doc;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 480, 300);
  cairo_t *cr = cairo_create (surface);
  UppChartStyle style;

  test_style (&style, UPP_CHART_STYLE_PRINT);
  for (guint kind = 0; kind < UPP_N_CHARTS; kind++)
    {
      UppChartData data = chart_data (f, kind);

      upp_chart_draw (cr, &style, &data, 480, 300);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, UPP_N_CHARTS);
  for (guint kind = 0; kind < UPP_N_CHARTS; kind++)
    {
      PopplerPage *page = poppler_document_get_page (doc, kind);
      g_autofree char *text = poppler_page_get_text (page);

      g_test_message ("page %u: %s", kind + 1, text);
      for (guint i = 0; i < G_N_ELEMENTS (expected[kind]) && expected[kind][i] != NULL; i++)
        if (strstr (text, expected[kind][i]) == NULL)
          g_error ("“%s” not found on the %s page: %s", expected[kind][i], kind_names[kind], text);
      g_object_unref (page);
    }
  g_object_unref (doc);
#else
  g_test_skip ("poppler-glib is not available");
#endif
}

/* ---- Descriptions ------------------------------------------------------- */

static void
assert_description (const Fixture *f,
                    UppChartKind   kind,
                    const char    *expected)
{
  UppChartData data = chart_data (f, kind);
  g_autofree char *text = upp_chart_describe (&data);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_describe (void)
{
  g_autoptr(Fixture) f = fixture_demo ();
  static const int one[UPP_N_STATES] = { 0, 1, 0, 0, 0, 0, 0 };
  static const int bad[UPP_N_STATES] = { 0, 0, 0, 0, 0, 2, 1 };

  assert_description (f, UPP_CHART_STATUS_RING,
                      "14 actions: 3 done, 5 on track, 1 not started, 2 at risk, 1 delayed; "
                      "1 overdue, 1 unreported");
  assert_description (f, UPP_CHART_DEPARTMENTS,
                      "4 departments, 14 actions. Needing attention: "
                      "Socialförvaltningen 2 of 5, Polismyndigheten 2 of 2, "
                      "Utbildningsförvaltningen 1 of 4.");
  assert_description (f, UPP_CHART_DEADLINES,
                      "Next 8 weeks: 10 deadlines; 2 overdue. First due: A3 on 2026-11-27.");
  assert_description (f, UPP_CHART_TREND,
                      "2026-W25 to 2026-W48: done 0 → 3, needing attention 0 → 5 (of 14 actions).");
  assert_description (f, UPP_CHART_COMPLIANCE,
                      "Reporting 2026-W41 to 2026-W48: 24 on time, 3 late, 1 corrected, 1 missing. "
                      "Missing in 2026-W48: POL.");
  assert_description (f, UPP_CHART_INDICATOR,
                      "Trygghetsvandringar: 12 st in 2026-W48, from 4 st in 2026-W26; "
                      "target 20 st, higher is better.");

  set_counts (&f->counts, one);
  assert_description (f, UPP_CHART_STATUS_RING, "1 action: 1 on track");
  set_counts (&f->counts, bad);
  assert_description (f, UPP_CHART_STATUS_RING, "3 actions: 2 overdue, 1 unreported");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/scale/counts", test_scale_counts);
  g_test_add_func ("/chart/scale/values", test_scale_values);
  g_test_add_func ("/chart/layout/percentages", test_percentages);
  g_test_add_func ("/chart/layout/ring", test_ring);
  g_test_add_func ("/chart/layout/stack-and-bands", test_stack_and_bands);
  g_test_add_func ("/chart/layout/flow", test_flow);
  g_test_add_func ("/chart/layout/timeline", test_timeline);
  g_test_add_func ("/chart/layout/lanes-simple", test_lanes_simple);
  g_test_add_func ("/chart/layout/lanes-many", test_lanes_many);
  g_test_add_func ("/chart/layout/grid", test_grid);
  g_test_add_func ("/chart/style/colour-blind", test_palette_colour_blind);
  g_test_add_func ("/chart/style/kinds", test_style_kinds);
  g_test_add_func ("/chart/draw/demo", test_draw_demo);
  g_test_add_func ("/chart/draw/large", test_draw_large);
  g_test_add_func ("/chart/draw/single", test_draw_single);
  g_test_add_func ("/chart/draw/tiny", test_draw_tiny);
  g_test_add_func ("/chart/draw/ring-pixels", test_ring_pixels);
  g_test_add_func ("/chart/draw/empty", test_empty);
  g_test_add_func ("/chart/draw/deadlines-beyond", test_deadlines_beyond);
  g_test_add_func ("/chart/draw/deadlines-height", test_deadlines_height);
  g_test_add_func ("/chart/draw/transparent", test_transparent_background);
  g_test_add_func ("/chart/draw/device-scale", test_device_scale);
  g_test_add_func ("/chart/draw/indicator-multiples", test_indicator_multiples);
  g_test_add_func ("/chart/draw/time", test_draw_time);
  g_test_add_func ("/chart/draw/pdf", test_pdf);
  g_test_add_func ("/chart/describe", test_describe);

  return g_test_run ();
}

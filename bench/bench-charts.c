/* bench-charts.c — how long each chart takes to draw
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Queries the data of the last reported week once, then draws each chart
 * into an ARGB32 image surface of the size the window gives it (800×480,
 * light style, pixel snapping on), SAMPLES times after one warm-up draw.
 * Prints one line per chart: name median min max, in milliseconds.
 *
 *   bench-charts DB [SAMPLES]
 */

#include <cairo.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "upp-chart-draw.h"
#include "upp-store.h"

static const char * const names[UPP_N_CHARTS] = {
  "status-ring", "departments", "deadlines", "trend", "compliance", "indicator",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
check (gconstpointer result,
       GError       *error,
       const char   *what)
{
  if (result == NULL)
    {
      fprintf (stderr, "bench-charts: %s: %s\n", what, error != NULL ? error->message : "failed");
      exit (1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) status = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) trend = NULL;
  g_autoptr(GPtrArray) compliance = NULL;
  g_autoptr(GPtrArray) series = NULL;
  const UppIndicatorSeries *longest = NULL;
  UppStateCounts counts;
  UppChartStyle style;
  cairo_surface_t *surface;
  UppWeek week;
  int samples;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-charts DB [SAMPLES]\n");
      return 2;
    }
  samples = argc > 2 ? atoi (argv[2]) : 21;

  store = upp_store_open (argv[1], &error);
  check (store, error, "open");
  week = upp_store_get_last_report_week (store);
  status = upp_store_query_status (store, week, NULL, &error);
  check (status, error, "status");
  upp_store_count_states (status, &counts);
  departments = upp_store_query_department_counts (store, week, &error);
  check (departments, error, "department counts");
  deadlines = upp_store_query_deadlines (store, week, UPP_CHART_DEFAULT_WEEKS, &error);
  check (deadlines, error, "deadlines");
  trend = upp_store_query_trend (store, week, &error);
  check (trend, error, "trend");
  compliance = upp_store_query_compliance (store, week, UPP_CHART_DEFAULT_WEEKS, &error);
  check (compliance, error, "compliance");
  series = upp_store_query_indicator_series (store, week, NULL, &error);
  check (series, error, "indicator series");
  for (guint i = 0; i < series->len; i++)
    {
      const UppIndicatorSeries *s = g_ptr_array_index (series, i);
      if (longest == NULL || s->n_points > longest->n_points)
        longest = s;
    }

  upp_chart_style_init (&style, UPP_CHART_STYLE_LIGHT);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 480);

  for (int kind = 0; kind < UPP_N_CHARTS; kind++)
    {
      UppChartData data = {
        .kind = kind,
        .week = week,
        .counts = &counts,
        .departments = departments,
        .deadlines = deadlines,
        .trend = trend,
        .compliance = compliance,
        .indicator = longest,
      };
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      for (int i = 0; i <= samples; i++)
        {
          cairo_t *cr = cairo_create (surface);
          gint64 t0 = g_get_monotonic_time ();
          double ms;

          upp_chart_draw (cr, &style, &data, 800, 480);
          cairo_surface_flush (surface);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          cairo_destroy (cr);
          if (i > 0)
            g_array_append_val (times, ms);
        }
      g_array_sort (times, compare_doubles);
      printf ("%s %.3f %.3f %.3f\n", names[kind], g_array_index (times, double, times->len / 2),
              g_array_index (times, double, 0), g_array_index (times, double, times->len - 1));
    }

  cairo_surface_destroy (surface);
  return 0;
}

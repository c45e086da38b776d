/* bench-query.c — how long switching the week takes on a database
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times what a week switch in the window asks of the store: the status of
 * every action, the counts per department, the trend since the first week
 * and the compliance heat map (8 weeks). Each sample switches to another of
 * the last 13 weeks. Prints one line per sample in milliseconds:
 *   total status department_counts trend compliance
 *
 *   bench-query DB [SAMPLES]
 */

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "upp-store.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
check (gpointer    result,
       GError     *error,
       const char *what)
{
  if (result == NULL)
    {
      fprintf (stderr, "bench-query: %s: %s\n", what, error != NULL ? error->message : "failed");
      exit (1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  UppWeek last;
  int samples;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-query DB [SAMPLES]\n");
      return 2;
    }
  samples = argc > 2 ? atoi (argv[2]) : 21;

  store = upp_store_open (argv[1], &error);
  check (store, error, "open");
  last = upp_store_get_last_report_week (store);

  /* Sample 0 is the warm-up (page cache, statement parsing); it is printed
   * too, marked, so that the runner can leave it out. */
  for (int i = 0; i <= samples; i++)
    {
      UppWeek week = upp_week_add (last, -(i * 5 % 13));
      g_autoptr(GPtrArray) status = NULL;
      g_autoptr(GPtrArray) departments = NULL;
      g_autoptr(GPtrArray) trend = NULL;
      g_autoptr(GPtrArray) compliance = NULL;
      double t0, t1, t2, t3, t4;

      t0 = now_ms ();
      status = upp_store_query_status (store, week, NULL, &error);
      check (status, error, "status");
      t1 = now_ms ();
      departments = upp_store_query_department_counts (store, week, &error);
      check (departments, error, "department counts");
      t2 = now_ms ();
      trend = upp_store_query_trend (store, week, &error);
      check (trend, error, "trend");
      t3 = now_ms ();
      compliance = upp_store_query_compliance (store, week, 8, &error);
      check (compliance, error, "compliance");
      t4 = now_ms ();

      printf ("%s%.3f %.3f %.3f %.3f %.3f\n", i == 0 ? "# warm-up " : "", t4 - t0, t1 - t0,
              t2 - t1, t3 - t2, t4 - t3);
    }
  return 0;
}

/* test-week.c — ISO 8601 weeks
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "upp-error.h"
#include "upp-week.h"

#include <string.h>

static void
assert_week_eq (UppWeek week,
                int     year,
                int     number)
{
  g_assert_cmpint (week.year, ==, year);
  g_assert_cmpint (week.week, ==, number);
}

static void
assert_monday (UppWeek     week,
               const char *expected)
{
  GDate monday;
  g_autofree char *text = NULL;

  upp_week_get_monday (week, &monday);
  text = upp_date_format (&monday);
  g_assert_cmpstr (text, ==, expected);
}

static UppWeek
week_of (const char *date_text)
{
  GDate date;

  g_assert_true (upp_date_parse (date_text, &date));
  return upp_week_from_date (&date);
}

static void
test_weeks_in_year (void)
{
  g_assert_cmpint (upp_weeks_in_year (2026), ==, 53);
  g_assert_cmpint (upp_weeks_in_year (2020), ==, 53);
  g_assert_cmpint (upp_weeks_in_year (2015), ==, 53);
  g_assert_cmpint (upp_weeks_in_year (2021), ==, 52);
  g_assert_cmpint (upp_weeks_in_year (2025), ==, 52);
  g_assert_cmpint (upp_weeks_in_year (2027), ==, 52);
}

static void
test_parse_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  UppWeek week;

  g_assert_true (upp_week_parse ("2026-W25", &week, &error));
  g_assert_no_error (error);
  assert_week_eq (week, 2026, 25);
  text = upp_week_format (week);
  g_assert_cmpstr (text, ==, "2026-W25");

  g_assert_true (upp_week_parse ("2026W05", &week, NULL));
  assert_week_eq (week, 2026, 5);
  g_assert_true (upp_week_parse ("2026-W53", &week, NULL));
  assert_week_eq (week, 2026, 53);
  g_assert_true (upp_week_parse ("2020-W53", &week, NULL));
}

static void
test_parse_errors (void)
{
  const char *bad[] = { "2026-W99", "banana", "2026-W00", "2021-W53", "2026-W5",
                        "26-W05", "2026-W055", "", "2026-25", " 2026-W25" };
  UppWeek week = UPP_WEEK_INIT (1, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (upp_week_parse (bad[i], &week, &error));
      g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
  /* Untouched on failure. */
  assert_week_eq (week, 1, 1);
}

static void
test_arithmetic (void)
{
  assert_week_eq (upp_week_add (UPP_WEEK_INIT (2026, 53), 1), 2027, 1);
  assert_week_eq (upp_week_add (UPP_WEEK_INIT (2027, 1), -1), 2026, 53);
  assert_week_eq (upp_week_add (UPP_WEEK_INIT (2020, 53), 1), 2021, 1);
  assert_week_eq (upp_week_add (UPP_WEEK_INIT (2021, 52), 1), 2022, 1);
  assert_week_eq (upp_week_add (UPP_WEEK_INIT (2026, 25), 104), 2028, 24);
  assert_week_eq (upp_week_add (UPP_WEEK_INIT (2026, 25), 0), 2026, 25);
  g_assert_cmpint (upp_week_diff (UPP_WEEK_INIT (2027, 1), UPP_WEEK_INIT (2026, 52)), ==, 2);
  g_assert_cmpint (upp_week_diff (UPP_WEEK_INIT (2026, 25), UPP_WEEK_INIT (2026, 48)), ==, -23);
  g_assert_cmpint (upp_week_compare (UPP_WEEK_INIT (2026, 53), UPP_WEEK_INIT (2027, 1)), <, 0);
  assert_week_eq (upp_week_from_key (upp_week_to_key (UPP_WEEK_INIT (2026, 7))), 2026, 7);
}

static void
test_monday (void)
{
  assert_monday (UPP_WEEK_INIT (2026, 1), "2025-12-29");  /* week 1 starts in December */
  assert_monday (UPP_WEEK_INIT (2026, 25), "2026-06-15");
  assert_monday (UPP_WEEK_INIT (2026, 53), "2026-12-28");
  assert_monday (UPP_WEEK_INIT (2020, 53), "2020-12-28");
  assert_monday (UPP_WEEK_INIT (2021, 52), "2021-12-27");
  assert_monday (UPP_WEEK_INIT (2025, 1), "2024-12-30");
}

static void
test_week_of_date (void)
{
  assert_week_eq (week_of ("2026-06-11"), 2026, 24);
  assert_week_eq (week_of ("2025-12-29"), 2026, 1);
  assert_week_eq (week_of ("2027-01-03"), 2026, 53);
  assert_week_eq (week_of ("2027-01-04"), 2027, 1);
  assert_week_eq (week_of ("2021-01-03"), 2020, 53);
  assert_week_eq (week_of ("2022-01-02"), 2021, 52);
  assert_week_eq (week_of ("2024-12-30"), 2025, 1);
}

static void
test_dates (void)
{
  GDate date;

  g_assert_true (upp_date_parse ("2026-02-28", &date));
  g_assert_false (upp_date_parse ("2026-02-29", &date));
  g_assert_true (upp_date_parse ("2028-02-29", &date));
  g_assert_false (upp_date_parse ("2026-6-1", &date));
  g_assert_false (upp_date_parse ("2026-13-01", &date));
  g_assert_false (upp_date_parse ("2026-06-11T00:00", &date));
  g_assert_false (upp_date_parse (NULL, &date));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/week/weeks-in-year", test_weeks_in_year);
  g_test_add_func ("/week/parse-format", test_parse_format);
  g_test_add_func ("/week/parse-errors", test_parse_errors);
  g_test_add_func ("/week/arithmetic", test_arithmetic);
  g_test_add_func ("/week/monday", test_monday);
  g_test_add_func ("/week/week-of-date", test_week_of_date);
  g_test_add_func ("/week/dates", test_dates);

  return g_test_run ();
}

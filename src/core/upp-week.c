/* upp-week.c
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-week"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "upp-error.h"
#include "upp-week.h"

/* A year has 53 ISO weeks when 1 January is a Thursday, or a Wednesday in a
 * leap year; equivalently, when 28 December falls in week 53. */
int
upp_weeks_in_year (int iso_year)
{
  g_autoptr(GDate) dec28 = NULL;

  if (iso_year < 1 || iso_year > 9998)
    return 0;

  dec28 = g_date_new_dmy (28, G_DATE_DECEMBER, iso_year);
  return g_date_get_iso8601_week_of_year (dec28);
}

gboolean
upp_week_is_valid (UppWeek week)
{
  return week.year >= 1900 && week.year <= 9998 &&
         week.week >= 1 && week.week <= upp_weeks_in_year (week.year);
}

/**
 * upp_week_parse:
 * @text: a week as `2026-W25` (also accepted: `2026W25`, `2026-w25`)
 * @out_week: (out): the week
 * @error: set to %UPP_ERROR_INVALID_WEEK with a message for people
 *
 * Returns: %TRUE if @text names a week that exists
 */
gboolean
upp_week_parse (const char  *text,
                UppWeek     *out_week,
                GError     **error)
{
  const char *p = text;
  int year = 0;
  int week = 0;
  int n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_week != NULL, FALSE);

  for (n = 0; n < 4 && g_ascii_isdigit (*p); n++, p++)
    year = year * 10 + (*p - '0');
  if (n != 4)
    goto bad_format;
  if (*p == '-')
    p++;
  if (*p != 'W' && *p != 'w')
    goto bad_format;
  p++;
  for (n = 0; n < 2 && g_ascii_isdigit (*p); n++, p++)
    week = week * 10 + (*p - '0');
  if (n != 2 || *p != '\0')
    goto bad_format;

  if (!upp_week_is_valid (UPP_WEEK_INIT (year, week)))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK,
                   /* Translators: the first %s is what the user wrote */
                   _("“%s” is not a week: %d has weeks 1 to %d"),
                   text, year, upp_weeks_in_year (year));
      return FALSE;
    }

  *out_week = UPP_WEEK_INIT (year, week);
  return TRUE;

bad_format:
  g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK,
               _("“%s” is not a week; expected an ISO week such as 2026-W25"),
               text);
  return FALSE;
}

char *
upp_week_format (UppWeek week)
{
  return g_strdup_printf ("%04d-W%02d", week.year, week.week);
}

UppWeek
upp_week_from_date (const GDate *date)
{
  int week;
  int year;

  g_return_val_if_fail (date != NULL && g_date_valid (date), UPP_WEEK_INIT (0, 0));

  week = g_date_get_iso8601_week_of_year (date);
  year = g_date_get_year (date);
  /* Early January can belong to last year's week 52/53, late December to
   * next year's week 1. */
  if (week >= 52 && g_date_get_month (date) == G_DATE_JANUARY)
    year--;
  else if (week == 1 && g_date_get_month (date) == G_DATE_DECEMBER)
    year++;

  return UPP_WEEK_INIT (year, week);
}

UppWeek
upp_week_today (void)
{
  g_autoptr(GDateTime) now = NULL;
  const char *fake = g_getenv ("UPP_TODAY");
  GDate date;

  /* Tests and screenshots pin "today" to get the same picture every run. */
  if (fake != NULL && upp_date_parse (fake, &date))
    return upp_week_from_date (&date);

  now = g_date_time_new_now_local ();
  return UPP_WEEK_INIT (g_date_time_get_week_numbering_year (now),
                        g_date_time_get_week_of_year (now));
}

/**
 * upp_now_unix:
 *
 * The moment now, in seconds since 1970, by the clock upp_week_today()
 * reads: with `UPP_TODAY` set (tests, screenshots), the last second of
 * that day in the local time zone, so that anything dated that day is not
 * yet in the future.
 *
 * Returns: seconds since 1970-01-01 UTC
 */
gint64
upp_now_unix (void)
{
  const char *fake = g_getenv ("UPP_TODAY");
  GDate date;

  if (fake != NULL && upp_date_parse (fake, &date))
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();
      g_autoptr(GDateTime) end = g_date_time_new (local, g_date_get_year (&date),
                                                  g_date_get_month (&date),
                                                  g_date_get_day (&date), 23, 59, 59);

      return g_date_time_to_unix (end);
    }
  return g_get_real_time () / G_USEC_PER_SEC;
}

void
upp_week_get_day (UppWeek  week,
                  int      weekday,
                  GDate   *out_date)
{
  GDate jan4;
  int jan4_weekday;

  g_return_if_fail (upp_week_is_valid (week));
  g_return_if_fail (weekday >= 1 && weekday <= 7);

  /* 4 January is always in week 1. */
  g_date_clear (&jan4, 1);
  g_date_set_dmy (&jan4, 4, G_DATE_JANUARY, week.year);
  jan4_weekday = g_date_get_weekday (&jan4); /* Monday = 1 */

  *out_date = jan4;
  g_date_subtract_days (out_date, jan4_weekday - 1);
  g_date_add_days (out_date, (week.week - 1) * 7 + (weekday - 1));
}

void
upp_week_get_monday (UppWeek  week,
                     GDate   *out_date)
{
  upp_week_get_day (week, 1, out_date);
}

UppWeek
upp_week_add (UppWeek week,
              int     n_weeks)
{
  GDate monday;

  g_return_val_if_fail (upp_week_is_valid (week), week);

  upp_week_get_monday (week, &monday);
  if (n_weeks >= 0)
    g_date_add_days (&monday, n_weeks * 7);
  else
    g_date_subtract_days (&monday, -n_weeks * 7);

  return upp_week_from_date (&monday);
}

/* Returns a - b in weeks. */
int
upp_week_diff (UppWeek a,
               UppWeek b)
{
  GDate da;
  GDate db;

  upp_week_get_monday (a, &da);
  upp_week_get_monday (b, &db);
  return (int) (g_date_get_julian (&da) - (gint64) g_date_get_julian (&db)) / 7;
}

int
upp_week_compare (UppWeek a,
                  UppWeek b)
{
  return upp_week_to_key (a) - upp_week_to_key (b);
}

int
upp_week_to_key (UppWeek week)
{
  return week.year * 100 + week.week;
}

UppWeek
upp_week_from_key (int key)
{
  return UPP_WEEK_INIT (key / 100, key % 100);
}

/**
 * upp_date_parse:
 * @text: a date as `2026-06-11`, exactly
 * @out_date: (out): the date
 *
 * Returns: %TRUE if @text is a real calendar date in that form
 */
gboolean
upp_date_parse (const char *text,
                GDate      *out_date)
{
  int y, m, d;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1900 || y > 9998 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, d, m, y);
  return TRUE;
}

char *
upp_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

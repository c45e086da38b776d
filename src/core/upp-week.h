/* upp-week.h — ISO 8601 weeks (2026-W25)
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * UppWeek:
 * @year: the ISO week-numbering year (not always the calendar year)
 * @week: 1–52 or 1–53
 *
 * An ISO 8601 week. Passed by value. The store keeps it as the integer
 * key `year * 100 + week`, which sorts the same way as the weeks.
 */
typedef struct
{
  int year;
  int week;
} UppWeek;

#define UPP_WEEK_INIT(y, w) ((UppWeek) { (y), (w) })

gboolean upp_week_is_valid      (UppWeek      week);
int      upp_weeks_in_year      (int          iso_year);
gboolean upp_week_parse         (const char  *text,
                                 UppWeek     *out_week,
                                 GError     **error);
char    *upp_week_format        (UppWeek      week);
UppWeek  upp_week_from_date     (const GDate *date);
UppWeek  upp_week_today         (void);
gint64   upp_now_unix           (void);

/* How far ahead of this desktop's clock another's may be: a time stamp
 * up to this much later than now is not yet "in the future". */
#define UPP_CLOCK_SKEW_SECONDS (5 * 60)
void     upp_week_get_monday    (UppWeek      week,
                                 GDate       *out_date);
void     upp_week_get_day       (UppWeek      week,
                                 int          weekday,
                                 GDate       *out_date);
UppWeek  upp_week_add           (UppWeek      week,
                                 int          n_weeks);
int      upp_week_diff          (UppWeek      a,
                                 UppWeek      b);
int      upp_week_compare       (UppWeek      a,
                                 UppWeek      b);
int      upp_week_to_key        (UppWeek      week);
UppWeek  upp_week_from_key      (int          key);

gboolean upp_date_parse         (const char  *text,
                                 GDate       *out_date);
char    *upp_date_format        (const GDate *date);

G_END_DECLS

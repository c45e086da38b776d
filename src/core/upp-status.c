/* upp-status.c — the rules of the derived state, in one place
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-status"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-status.h"

static char *
describe_last_report (const UppLatestEntry *latest)
{
  g_autofree char *status = NULL;

  if (!latest->has_entry)
    return g_strdup (_("never reported"));

  status = g_utf8_strdown (upp_status_get_label (latest->status), -1);
  /* Translators: “last report: week 30, on track” */
  return g_strdup_printf (_("last report: week %d, %s"), latest->week.week, status);
}

/**
 * upp_derive_state:
 * @start: (nullable): the action's start date
 * @deadline: the action's deadline
 * @week: the week the follow-up is "as of"
 * @latest: the lead department's latest entry at or before @week
 * @with_reason: whether to write @out->reason (lists of 2,000 actions over
 *   104 weeks for a trend chart need only the state)
 * @out: (out caller-allocates): the result; clear it with
 *   upp_derived_state_clear()
 *
 * The rules, in order:
 *
 * 1. Reported done at or before @week: done. Done stays done, even when the
 *    department no longer reports on it or the deadline has passed.
 * 2. The deadline fell in a week before @week: overdue, whatever the report
 *    says. A report of “on track” or “not started” then is a contradiction.
 * 3. Not yet started (start after @week) and no report this week: not started.
 * 4. No report from the lead department for @week itself: unreported — shown
 *   as such, not as last week's status.
 * 5. Otherwise: the reported status.
 */
void
upp_derive_state (const GDate          *start,
                  const GDate          *deadline,
                  UppWeek               week,
                  const UppLatestEntry *latest,
                  gboolean              with_reason,
                  UppDerivedState      *out)
{
  gboolean reported_this_week;

  g_return_if_fail (deadline != NULL && g_date_valid (deadline));
  g_return_if_fail (latest != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  reported_this_week = latest->has_entry && upp_week_compare (latest->week, week) == 0;

  if (latest->has_entry && latest->status == UPP_STATUS_DONE)
    {
      out->state = UPP_STATE_DONE;
      if (with_reason)
        out->reason = g_strdup_printf (_("done (last report: week %d)"), latest->week.week);
      return;
    }

  if (upp_week_compare (upp_week_from_date (deadline), week) < 0)
    {
      out->state = UPP_STATE_OVERDUE;
      out->contradiction = latest->has_entry &&
                           (latest->status == UPP_STATUS_ON_TRACK ||
                            latest->status == UPP_STATUS_NOT_STARTED);
      if (with_reason)
        {
          g_autofree char *date = upp_date_format (deadline);
          g_autofree char *last = describe_last_report (latest);

          /* Translators: “deadline 2026-08-31 passed, last report: week 30, on track” */
          out->reason = g_strdup_printf (_("deadline %s passed, %s"), date, last);
        }
      return;
    }

  if (!reported_this_week && start != NULL && g_date_valid (start))
    {
      GDate sunday;

      upp_week_get_day (week, 7, &sunday);
      if (g_date_compare (start, &sunday) > 0)
        {
          out->state = UPP_STATE_NOT_STARTED;
          if (with_reason)
            {
              g_autofree char *date = upp_date_format (start);
              out->reason = g_strdup_printf (_("starts %s"), date);
            }
          return;
        }
    }

  if (!reported_this_week)
    {
      out->state = UPP_STATE_UNREPORTED;
      if (with_reason)
        {
          g_autofree char *last = describe_last_report (latest);

          /* Translators: “no report for week 30; last report: week 29, on track” */
          out->reason = g_strdup_printf (_("no report for week %d; %s"), week.week, last);
        }
      return;
    }

  out->state = upp_status_to_state (latest->status);
  if (with_reason)
    {
      g_autofree char *status = g_utf8_strdown (upp_status_get_label (latest->status), -1);

      /* Translators: “reported at risk, 40 %” */
      out->reason = g_strdup_printf (_("reported %s, %d %%"), status, latest->progress);
    }
}

void
upp_derived_state_clear (UppDerivedState *derived)
{
  g_clear_pointer (&derived->reason, g_free);
}

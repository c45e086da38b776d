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

/* The overdue rule — the one place that decides when a deadline has
 * passed. Everything else (the state, the counts, the tables, "3 days
 * overdue", "in 5 days") is derived from upp_status_reference_day() and
 * upp_status_days_to_deadline(); see docs/status.md. */

/**
 * upp_status_get_today:
 * @out_date: (out caller-allocates): today's date
 *
 * Today in the local time zone, or the date in the environment variable
 * `UPP_TODAY` (as upp_week_today() honours it) for tests and screenshots.
 */
void
upp_status_get_today (GDate *out_date)
{
  const char *fake = g_getenv ("UPP_TODAY");
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (out_date != NULL);

  if (fake != NULL && upp_date_parse (fake, out_date))
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * upp_status_reference_day:
 * @week: the week the follow-up is "as of"
 * @due_weekday: the package's reporting day, 1 = Monday … 7 = Sunday
 * @today: (nullable): today's date; %NULL when no week is the current one
 * @out_date: (out caller-allocates): the day
 *
 * The moment "as of week W" means for a deadline: the day deadlines are
 * measured from. In the current week (@today lies in @week) it is today;
 * in any other week, past or future, it is the week's reporting day, so
 * that looking back at week 30 reads as it did on the day week 30's
 * reports were due, and a past briefing stays the same document. A
 * deadline is met by the end of its day: it has passed when it lies
 * before the reference day.
 */
void
upp_status_reference_day (UppWeek      week,
                          int          due_weekday,
                          const GDate *today,
                          GDate       *out_date)
{
  g_return_if_fail (out_date != NULL);

  if (today != NULL && g_date_valid (today) &&
      upp_week_compare (upp_week_from_date (today), week) == 0)
    {
      *out_date = *today;
      return;
    }
  upp_week_get_day (week, CLAMP (due_weekday, 1, 7), out_date);
}

/**
 * upp_status_days_to_deadline:
 * @deadline: a deadline
 * @reference: the reference day (upp_status_reference_day())
 *
 * Returns: how many days @deadline lies after @reference: 0 on the day
 *   itself, negative once it has passed ("3 days overdue" is -3)
 */
int
upp_status_days_to_deadline (const GDate *deadline,
                             const GDate *reference)
{
  g_return_val_if_fail (deadline != NULL && g_date_valid (deadline), 0);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), 0);

  return (int) ((gint64) g_date_get_julian (deadline) - (gint64) g_date_get_julian (reference));
}

/**
 * upp_status_deadline_passed:
 * @deadline: a deadline
 * @reference: the reference day (upp_status_reference_day())
 *
 * Returns: whether @deadline lies before @reference
 */
gboolean
upp_status_deadline_passed (const GDate *deadline,
                            const GDate *reference)
{
  return upp_status_days_to_deadline (deadline, reference) < 0;
}

/**
 * upp_derive_state_quick:
 * @start_week: upp_week_to_key() of the start date's week, or 0 for none
 * @deadline_day: g_date_get_julian() of the deadline
 * @reference_day: g_date_get_julian() of the week's reference day
 *   (upp_status_reference_day())
 * @week: the week the follow-up is "as of"
 * @latest: the lead department's latest entry at or before @week
 * @out_contradiction: (out) (optional): set as for upp_derive_state()
 *
 * The rules of upp_derive_state() on precomputed day and week numbers,
 * without the reason: for trends over thousands of actions and a hundred
 * weeks.
 *
 * Returns: the state
 */
UppState
upp_derive_state_quick (int                   start_week,
                        guint32               deadline_day,
                        guint32               reference_day,
                        UppWeek               week,
                        const UppLatestEntry *latest,
                        gboolean             *out_contradiction)
{
  int week_key = upp_week_to_key (week);
  gboolean reported_this_week = latest->has_entry && upp_week_to_key (latest->week) == week_key;

  if (out_contradiction != NULL)
    *out_contradiction = FALSE;

  if (latest->has_entry && latest->status == UPP_STATUS_DONE)
    return UPP_STATE_DONE;

  if (deadline_day < reference_day)
    {
      if (out_contradiction != NULL)
        *out_contradiction = latest->has_entry && (latest->status == UPP_STATUS_ON_TRACK ||
                                                   latest->status == UPP_STATUS_NOT_STARTED);
      return UPP_STATE_OVERDUE;
    }

  /* A start after the week's Sunday is a start in a later week. */
  if (!reported_this_week && start_week > week_key)
    return UPP_STATE_NOT_STARTED;

  if (!reported_this_week)
    return UPP_STATE_UNREPORTED;

  return upp_status_to_state (latest->status);
}

static char *
explain_state (UppState              state,
               const GDate          *start,
               const GDate          *deadline,
               UppWeek               week,
               const UppLatestEntry *latest)
{
  g_autofree char *last = describe_last_report (latest);
  g_autofree char *date = NULL;
  g_autofree char *status = NULL;

  switch (state)
    {
    case UPP_STATE_DONE:
      return g_strdup_printf (_("done (last report: week %d)"), latest->week.week);

    case UPP_STATE_OVERDUE:
      date = upp_date_format (deadline);
      /* Translators: “deadline 2026-08-31 passed, last report: week 30, on track” */
      return g_strdup_printf (_("deadline %s passed, %s"), date, last);

    case UPP_STATE_UNREPORTED:
      /* Translators: “no report for week 30; last report: week 29, on track” */
      return g_strdup_printf (_("no report for week %d; %s"), week.week, last);

    case UPP_STATE_NOT_STARTED:
      if (!latest->has_entry || upp_week_compare (latest->week, week) != 0)
        {
          date = upp_date_format (start);
          return g_strdup_printf (_("starts %s"), date);
        }
      G_GNUC_FALLTHROUGH;
    case UPP_STATE_ON_TRACK:
    case UPP_STATE_AT_RISK:
    case UPP_STATE_DELAYED:
    case UPP_N_STATES:
    default:
      status = g_utf8_strdown (upp_status_get_label (latest->status), -1);
      /* Translators: “reported at risk, 40 %” */
      return g_strdup_printf (_("reported %s, %d %%"), status, latest->progress);
    }
}

static int
week_key_of (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? upp_week_to_key (upp_week_from_date (date)) : 0;
}

/**
 * upp_derive_state:
 * @start: (nullable): the action's start date
 * @deadline: the action's deadline
 * @week: the week the follow-up is "as of"
 * @reference: the week's reference day (upp_status_reference_day())
 * @latest: the lead department's latest entry at or before @week
 * @with_reason: whether to write @out->reason
 * @out: (out caller-allocates): the result; clear it with
 *   upp_derived_state_clear()
 *
 * The rules, in order:
 *
 * 1. Reported done at or before @week: done. Done stays done, even when the
 *    department no longer reports on it or the deadline has passed.
 * 2. The deadline lies before @reference: overdue, whatever the report
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
                  const GDate          *reference,
                  const UppLatestEntry *latest,
                  gboolean              with_reason,
                  UppDerivedState      *out)
{
  g_return_if_fail (deadline != NULL && g_date_valid (deadline));
  g_return_if_fail (reference != NULL && g_date_valid (reference));
  g_return_if_fail (latest != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->state = upp_derive_state_quick (week_key_of (start), g_date_get_julian (deadline),
                                       g_date_get_julian (reference), week, latest,
                                       &out->contradiction);
  if (with_reason)
    out->reason = explain_state (out->state, start, deadline, week, latest);
}

void
upp_derived_state_clear (UppDerivedState *derived)
{
  g_clear_pointer (&derived->reason, g_free);
}

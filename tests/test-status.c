/* test-status.c — the rules of the derived state
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "upp-dashboard.h"
#include "upp-status.h"

typedef struct
{
  const char *name;
  const char *start;       /* NULL: none */
  const char *deadline;
  int         week;        /* 2026-Wnn */
  gboolean    has_entry;
  int         entry_week;
  UppStatus   status;
  int         progress;
  UppState    expected;
  gboolean    contradiction;
  const char *reason;
} Case;

static const Case cases[] = {
  { "reported this week", "2026-06-15", "2026-12-18", 30, TRUE, 30, UPP_STATUS_AT_RISK, 40,
    UPP_STATE_AT_RISK, FALSE, "reported at risk, 40 %" },
  { "unreported, not last week's green", "2026-06-15", "2026-12-18", 31, TRUE, 30,
    UPP_STATUS_ON_TRACK, 40, UPP_STATE_UNREPORTED, FALSE,
    "no report for week 31; last report: week 30, on track" },
  { "never reported", "2026-06-15", "2026-12-18", 31, FALSE, 0, 0, 0,
    UPP_STATE_UNREPORTED, FALSE, "no report for week 31; never reported" },
  { "overdue whatever the report says", "2026-06-15", "2026-08-31", 37, TRUE, 37,
    UPP_STATUS_ON_TRACK, 90, UPP_STATE_OVERDUE, TRUE,
    "deadline 2026-08-31 passed, last report: week 37, on track" },
  { "overdue and delayed is no contradiction", NULL, "2026-08-31", 37, TRUE, 36,
    UPP_STATUS_DELAYED, 60, UPP_STATE_OVERDUE, FALSE,
    "deadline 2026-08-31 passed, last report: week 36, delayed" },
  { "a deadline on the reporting day is not yet overdue", NULL, "2026-09-04", 36, TRUE, 36,
    UPP_STATUS_ON_TRACK, 90, UPP_STATE_ON_TRACK, FALSE, "reported on track, 90 %" },
  { "a deadline earlier in the week is overdue by its reporting day", NULL, "2026-08-31", 36,
    TRUE, 36, UPP_STATUS_ON_TRACK, 90, UPP_STATE_OVERDUE, TRUE,
    "deadline 2026-08-31 passed, last report: week 36, on track" },
  { "done stays done, unreported and past deadline", NULL, "2026-08-31", 45, TRUE, 33,
    UPP_STATUS_DONE, 100, UPP_STATE_DONE, FALSE, "done (last report: week 33)" },
  { "not started before its start", "2026-10-01", "2026-12-18", 30, FALSE, 0, 0, 0,
    UPP_STATE_NOT_STARTED, FALSE, "starts 2026-10-01" },
  { "start within the week counts as started", "2026-07-26", "2026-12-18", 30, FALSE, 0, 0, 0,
    UPP_STATE_UNREPORTED, FALSE, "no report for week 30; never reported" },
  { "a report before the start wins", "2026-10-01", "2026-12-18", 30, TRUE, 30,
    UPP_STATUS_ON_TRACK, 5, UPP_STATE_ON_TRACK, FALSE, "reported on track, 5 %" },
  { "overdue never reported", NULL, "2026-07-01", 30, FALSE, 0, 0, 0,
    UPP_STATE_OVERDUE, FALSE, "deadline 2026-07-01 passed, never reported" },
};

static void
test_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      GDate start, deadline;
      UppLatestEntry latest = { c->has_entry, UPP_WEEK_INIT (2026, c->entry_week), c->status,
                                c->progress };
      g_auto(UppDerivedState) derived = { 0 };
      GDate reference;

      g_test_message ("case: %s", c->name);
      if (c->start != NULL)
        g_assert_true (upp_date_parse (c->start, &start));
      else
        g_date_clear (&start, 1);
      g_assert_true (upp_date_parse (c->deadline, &deadline));

      upp_status_reference_day (UPP_WEEK_INIT (2026, c->week), 5, NULL, &reference);
      upp_derive_state (&start, &deadline, UPP_WEEK_INIT (2026, c->week), &reference, &latest,
                        TRUE, &derived);
      g_assert_cmpstr (upp_state_to_string (derived.state), ==, upp_state_to_string (c->expected));
      g_assert_cmpint (derived.contradiction, ==, c->contradiction);
      g_assert_cmpstr (derived.reason, ==, c->reason);

      /* Without a reason, the same state. */
      {
        g_auto(UppDerivedState) quick = { 0 };

        upp_derive_state (&start, &deadline, UPP_WEEK_INIT (2026, c->week), &reference, &latest,
                          FALSE, &quick);
        g_assert_cmpint (quick.state, ==, derived.state);
        g_assert_null (quick.reason);
      }
    }
}

/* The one overdue rule, for a deadline on each day of weeks W-1, W and
 * W+1, as of week W: in a past week (measured from W's reporting day,
 * Friday) and in the current week on each of its days (measured from
 * today). The state, the contradiction, "deadline passed", the phrase
 * ("3 days overdue", "today", "in 5 days") and the counts all agree. */
static void
check_day (UppWeek      week,
           const GDate *today,
           const GDate *deadline)
{
  GDate reference;
  GDate expected_reference;
  GDate start;
  UppLatestEntry latest = { TRUE, week, UPP_STATUS_ON_TRACK, 50 };
  g_auto(UppDerivedState) derived = { 0 };
  g_autofree char *phrase = NULL;
  UppActionStatus status = { 0 };
  UppStateCounts counts = { 0 };
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  int days;
  gboolean passed;

  upp_status_reference_day (week, 5, today, &reference);
  if (today != NULL && upp_week_compare (upp_week_from_date (today), week) == 0)
    expected_reference = *today;
  else
    upp_week_get_day (week, 5, &expected_reference);
  g_assert_cmpint (g_date_compare (&reference, &expected_reference), ==, 0);
  /* The same day for the dashboard's phrases. */
  if (today != NULL)
    {
      GDate dashboard_reference;

      upp_dashboard_reference_date (week, today, 5, &dashboard_reference);
      g_assert_cmpint (g_date_compare (&dashboard_reference, &reference), ==, 0);
    }

  days = (int) g_date_get_julian (deadline) - (int) g_date_get_julian (&reference);
  passed = days < 0;
  g_assert_cmpint (upp_status_days_to_deadline (deadline, &reference), ==, days);
  g_assert_true (upp_status_deadline_passed (deadline, &reference) == passed);

  g_assert_true (upp_date_parse ("2026-01-05", &start));
  upp_derive_state (&start, deadline, week, &reference, &latest, TRUE, &derived);
  g_assert_cmpint (derived.state, ==, passed ? UPP_STATE_OVERDUE : UPP_STATE_ON_TRACK);
  g_assert_true (derived.contradiction == passed);
  g_assert_cmpint (upp_derive_state_quick (upp_week_to_key (upp_week_from_date (&start)),
                                           g_date_get_julian (deadline),
                                           g_date_get_julian (&reference), week, &latest, NULL),
                   ==, derived.state);

  g_assert_true (upp_dashboard_deadline_passed (deadline, &reference, derived.state) == passed);
  phrase = upp_dashboard_deadline_text (deadline, &reference, derived.state);
  g_assert_nonnull (phrase);
  g_assert_true ((strstr (phrase, "overdue") != NULL) == passed);
  if (days == 0)
    g_assert_cmpstr (phrase, ==, "today");

  /* The count follows the state, and the attention list the count. */
  status.code = (char *) "X1";
  status.title = (char *) "Test";
  status.lead = (char *) "KS";
  status.lead_name = (char *) "Kommunstyrelsens förvaltning";
  status.deadline = *deadline;
  status.state = derived.state;
  status.contradiction = derived.contradiction;
  status.has_entry = TRUE;
  status.entry_week = week;
  status.entry_status = UPP_STATUS_ON_TRACK;
  g_ptr_array_add (statuses, &status);
  upp_store_count_states (statuses, &counts);
  g_assert_cmpint (counts.counts[UPP_STATE_OVERDUE], ==, passed ? 1 : 0);
  {
    g_autoptr(GPtrArray) items = upp_dashboard_attention (statuses, week, &reference);

    g_assert_cmpuint (items->len, ==, passed ? 1 : 0);
    if (passed)
      {
        const UppAttentionItem *item = items->pdata[0];

        g_assert_cmpint (item->kind, ==, UPP_ATTENTION_OVERDUE);
        g_assert_nonnull (strstr (item->reason, phrase + 1));
      }
  }
}

static void
test_overdue_weekdays (void)
{
  UppWeek week = UPP_WEEK_INIT (2026, 49);

  /* As of a past week, W-1, W and W+1 day by day; then as of the current
   * week on each of its days. */
  for (int offset = -1; offset <= 1; offset++)
    for (int day = 1; day <= 7; day++)
      {
        GDate deadline;
        GDate today;

        upp_week_get_day (upp_week_add (week, offset), day, &deadline);
        g_test_message ("past week, deadline %d-%d", offset, day);
        check_day (week, NULL, &deadline);
        upp_week_get_day (upp_week_add (week, 3), 2, &today);
        check_day (week, &today, &deadline);
        for (int today_day = 1; today_day <= 7; today_day++)
          {
            upp_week_get_day (week, today_day, &today);
            g_test_message ("current week, today %d, deadline %d-%d", today_day, offset, day);
            check_day (week, &today, &deadline);
          }
      }

  /* The cases a reader asked about: a Monday deadline (2026-11-30) as of
   * its own week is overdue by the reporting day, 4 days; a Friday one is
   * due "today"; a Monday one of the next week is "in 3 days". */
  {
    GDate deadline;
    GDate reference;
    g_autofree char *late = NULL;
    g_autofree char *due = NULL;
    g_autofree char *coming = NULL;

    upp_status_reference_day (week, 5, NULL, &reference);
    g_assert_true (upp_date_parse ("2026-11-30", &deadline));
    late = upp_dashboard_deadline_text (&deadline, &reference, UPP_STATE_OVERDUE);
    g_assert_cmpstr (late, ==, "4 days overdue");
    g_assert_true (upp_date_parse ("2026-12-04", &deadline));
    due = upp_dashboard_deadline_text (&deadline, &reference, UPP_STATE_ON_TRACK);
    g_assert_cmpstr (due, ==, "today");
    g_assert_true (upp_date_parse ("2026-12-07", &deadline));
    coming = upp_dashboard_deadline_text (&deadline, &reference, UPP_STATE_ON_TRACK);
    g_assert_cmpstr (coming, ==, "in 3 days");
  }
}

static void
test_severity (void)
{
  /* The order of "needs attention": overdue, delayed, at risk, unreported. */
  g_assert_cmpint (upp_state_get_severity (UPP_STATE_OVERDUE), >,
                   upp_state_get_severity (UPP_STATE_DELAYED));
  g_assert_cmpint (upp_state_get_severity (UPP_STATE_DELAYED), >,
                   upp_state_get_severity (UPP_STATE_AT_RISK));
  g_assert_cmpint (upp_state_get_severity (UPP_STATE_AT_RISK), >,
                   upp_state_get_severity (UPP_STATE_UNREPORTED));
  g_assert_true (upp_state_needs_attention (UPP_STATE_UNREPORTED));
  g_assert_false (upp_state_needs_attention (UPP_STATE_NOT_STARTED));
  g_assert_false (upp_state_needs_attention (UPP_STATE_DONE));
}

static void
test_strings (void)
{
  UppStatus status;

  for (guint s = 0; s < UPP_N_STATUSES; s++)
    {
      g_assert_true (upp_status_from_string (upp_status_to_string (s), &status));
      g_assert_cmpint (status, ==, s);
    }
  g_assert_false (upp_status_from_string ("klar", &status));
  g_assert_false (upp_status_from_string ("On-Track", &status));
  g_assert_false (upp_status_from_string (NULL, &status));
  for (guint s = 0; s < UPP_N_STATES; s++)
    {
      g_assert_nonnull (upp_state_get_label (s));
      g_assert_nonnull (upp_state_get_symbol (s));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/status/rules", test_rules);
  g_test_add_func ("/status/overdue-weekdays", test_overdue_weekdays);
  g_test_add_func ("/status/severity", test_severity);
  g_test_add_func ("/status/strings", test_strings);

  return g_test_run ();
}

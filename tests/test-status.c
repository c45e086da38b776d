/* test-status.c — the rules of the derived state
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

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
  { "deadline week itself is not yet overdue", NULL, "2026-08-31", 36, TRUE, 36,
    UPP_STATUS_ON_TRACK, 90, UPP_STATE_ON_TRACK, FALSE, "reported on track, 90 %" },
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

      g_test_message ("case: %s", c->name);
      if (c->start != NULL)
        g_assert_true (upp_date_parse (c->start, &start));
      else
        g_date_clear (&start, 1);
      g_assert_true (upp_date_parse (c->deadline, &deadline));

      upp_derive_state (&start, &deadline, UPP_WEEK_INIT (2026, c->week), &latest, TRUE, &derived);
      g_assert_cmpstr (upp_state_to_string (derived.state), ==, upp_state_to_string (c->expected));
      g_assert_cmpint (derived.contradiction, ==, c->contradiction);
      g_assert_cmpstr (derived.reason, ==, c->reason);

      /* Without a reason, the same state. */
      {
        g_auto(UppDerivedState) quick = { 0 };

        upp_derive_state (&start, &deadline, UPP_WEEK_INIT (2026, c->week), &latest, FALSE, &quick);
        g_assert_cmpint (quick.state, ==, derived.state);
        g_assert_null (quick.reason);
      }
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
  g_test_add_func ("/status/severity", test_severity);
  g_test_add_func ("/status/strings", test_strings);

  return g_test_run ();
}

/* test-store-import.c — what the store derives from imported reports
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here goes through the importer with the fixtures in
 * tests/data/import/good/: the package TEST-PKG (first week 2026-W25,
 * reports due on Fridays) with
 *
 *   A1  lead SOC, UTB and POL contribute, 2026-06-15 … 2026-12-18
 *   A2  lead SOC, POL contributes,        2026-06-15 … 2026-07-10 (week 28)
 *   A3  lead UTB, SOC contributes,        2026-08-17 … 2026-10-30 (week 44)
 *   A4  lead POL,                          2026-06-15 … 2026-07-31 (week 31)
 *
 * and the reports of SOC (weeks 25, 26, 27 and its correction, 29), UTB
 * (25, 26) and POL (25, 26; A4 done in week 26).
 */

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "upp-error.h"
#include "upp-import.h"
#include "upp-store.h"
#include "upp-test-util.h"

#define W(n) UPP_WEEK_INIT (2026, (n))

static UppStore *
open_store_with_good_set (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "import", "good", NULL);
  const char *paths[] = { good, NULL };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  UppStore *store = upp_store_open (path, &error);

  g_assert_no_error (error);
  files = upp_import_collect_files (paths, &error);
  g_assert_no_error (error);
  results = upp_import_files (store, files, NULL, NULL, NULL);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, i))->status, !=,
                     UPP_IMPORT_REJECTED);
  return store;
}

static char *
dump (UppStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = upp_store_dump (store, &error);

  g_assert_no_error (error);
  return text;
}

static const UppActionStatus *
find_status (GPtrArray  *rows,
             const char *code)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const UppActionStatus *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->code, code))
        return row;
    }
  g_error ("No row for %s", code);
  return NULL;
}

/* The state of each action as of a week, and why */

typedef struct
{
  int         week;
  const char *action;
  UppState    state;
  gboolean    contradiction;
  const char *reason;
} StateCase;

static const StateCase state_cases[] = {
  { 25, "A1", UPP_STATE_ON_TRACK, FALSE, "reported on track, 10 %" },
  { 25, "A3", UPP_STATE_NOT_STARTED, FALSE, "reported not started, 0 %" },
  { 26, "A2", UPP_STATE_AT_RISK, FALSE, "reported at risk, 30 %" },
  /* The correction (submitted later) counts, not the first report. */
  { 27, "A1", UPP_STATE_DELAYED, FALSE, "reported delayed, 25 %" },
  { 27, "A2", UPP_STATE_ON_TRACK, FALSE, "reported on track, 45 %" },
  /* Before its start, without a report that week: not started. */
  { 27, "A3", UPP_STATE_NOT_STARTED, FALSE, "starts 2026-08-17" },
  /* No report from the lead for the week: unreported, not last week's. */
  { 28, "A1", UPP_STATE_UNREPORTED, FALSE, "no report for week 28; last report: week 27, "
    "delayed" },
  /* The deadline's own week is not yet overdue. */
  { 28, "A2", UPP_STATE_UNREPORTED, FALSE, "no report for week 28; last report: week 27, "
    "on track" },
  { 29, "A1", UPP_STATE_ON_TRACK, FALSE, "reported on track, 35 %" },
  /* Past the deadline and not done: overdue, and “on track” contradicts. */
  { 29, "A2", UPP_STATE_OVERDUE, TRUE, "deadline 2026-07-10 passed, last report: week 27, "
    "on track" },
  { 30, "A1", UPP_STATE_UNREPORTED, FALSE, "no report for week 30; last report: week 29, "
    "on track" },
  /* Done stays done, without reports and past the deadline (week 31). */
  { 26, "A4", UPP_STATE_DONE, FALSE, "done (last report: week 26)" },
  { 30, "A4", UPP_STATE_DONE, FALSE, "done (last report: week 26)" },
  { 45, "A4", UPP_STATE_DONE, FALSE, "done (last report: week 26)" },
  /* Started (week 34) and not reported on. */
  { 34, "A3", UPP_STATE_UNREPORTED, FALSE, "no report for week 34; last report: week 26, "
    "not started" },
  { 45, "A3", UPP_STATE_OVERDUE, TRUE, "deadline 2026-10-30 passed, last report: week 26, "
    "not started" },
  /* Before the first reporting week nothing has started. */
  { 24, "A1", UPP_STATE_NOT_STARTED, FALSE, "starts 2026-06-15" },
};

static void
test_states (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");

  for (guint i = 0; i < G_N_ELEMENTS (state_cases); i++)
    {
      const StateCase *c = &state_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = upp_store_query_status (store, W (c->week), NULL, &error);
      const UppActionStatus *row;

      g_test_message ("%s in week %d", c->action, c->week);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 4);
      row = find_status (rows, c->action);
      g_assert_cmpstr (upp_state_to_string (row->state), ==, upp_state_to_string (c->state));
      g_assert_cmpint (row->contradiction, ==, c->contradiction);
      g_assert_cmpstr (row->reason, ==, c->reason);
    }
}

static void
test_status_rows (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = upp_store_query_status (store, W (28), NULL, &error);
  g_autoptr(GPtrArray) soc = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  const UppActionStatus *row;
  g_autofree char *deadline = NULL;
  UppStateCounts counts;

  g_assert_no_error (error);
  /* Package order, with the lead's latest entry at or before the week. */
  g_assert_cmpstr (((UppActionStatus *) g_ptr_array_index (rows, 0))->code, ==, "A1");
  g_assert_cmpstr (((UppActionStatus *) g_ptr_array_index (rows, 3))->code, ==, "A4");
  row = find_status (rows, "A1");
  g_assert_cmpstr (row->title, ==, "Kvällsnärvaro av fältassistenter");
  g_assert_cmpstr (row->goal, ==, "G1");
  g_assert_cmpstr (row->lead, ==, "SOC");
  g_assert_cmpstr (row->lead_name, ==, "Socialförvaltningen");
  deadline = upp_date_format (&row->deadline);
  g_assert_cmpstr (deadline, ==, "2026-12-18");
  g_assert_true (row->has_entry);
  g_assert_cmpint (row->entry_week.week, ==, 27);
  g_assert_cmpint (row->entry_status, ==, UPP_STATUS_DELAYED);
  g_assert_cmpint (row->progress, ==, 25);
  g_assert_cmpstr (row->comment, ==, "Två pass; rättad rapport.");

  /* The lead's entries only: UTB's and POL's entries on A1 do not count. */
  row = find_status (rows, "A3");
  g_assert_cmpint (row->entry_week.week, ==, 26);

  upp_store_count_states (rows, &counts);
  g_assert_cmpint (counts.total, ==, 4);
  g_assert_cmpint (counts.counts[UPP_STATE_UNREPORTED], ==, 2);
  g_assert_cmpint (counts.counts[UPP_STATE_NOT_STARTED], ==, 1);
  g_assert_cmpint (counts.counts[UPP_STATE_DONE], ==, 1);

  soc = upp_store_query_status (store, W (28), "SOC", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soc->len, ==, 2);

  bad = upp_store_query_status (store, UPP_WEEK_INIT (2026, 54), NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK);
}

typedef struct
{
  int week;
  int done, on_track, not_started, at_risk, delayed, overdue, unreported;
} TrendCase;

static void
test_trend (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = upp_store_query_trend (store, W (45), &error);
  g_autoptr(GPtrArray) none = NULL;
  const TrendCase expected[] = {
    /*  week done on-track not-started at-risk delayed overdue unreported */
    { 25, 0, 3, 1, 0, 0, 0, 0 },
    { 26, 1, 1, 1, 1, 0, 0, 0 },
    { 27, 1, 1, 1, 0, 1, 0, 0 },
    { 28, 1, 0, 1, 0, 0, 0, 2 },
    { 29, 1, 1, 1, 0, 0, 1, 0 },
    { 30, 1, 0, 1, 0, 0, 1, 1 },
    { 34, 1, 0, 0, 0, 0, 1, 2 },
    { 45, 1, 0, 0, 0, 0, 2, 1 },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 45 - 25 + 1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TrendCase *c = &expected[i];
      const UppTrendPoint *point = g_ptr_array_index (points, c->week - 25);
      g_autoptr(GPtrArray) rows = upp_store_query_status (store, W (c->week), NULL, &error);
      UppStateCounts counts;

      g_test_message ("week %d", c->week);
      g_assert_cmpint (point->week.week, ==, c->week);
      g_assert_cmpint (point->counts.counts[UPP_STATE_DONE], ==, c->done);
      g_assert_cmpint (point->counts.counts[UPP_STATE_ON_TRACK], ==, c->on_track);
      g_assert_cmpint (point->counts.counts[UPP_STATE_NOT_STARTED], ==, c->not_started);
      g_assert_cmpint (point->counts.counts[UPP_STATE_AT_RISK], ==, c->at_risk);
      g_assert_cmpint (point->counts.counts[UPP_STATE_DELAYED], ==, c->delayed);
      g_assert_cmpint (point->counts.counts[UPP_STATE_OVERDUE], ==, c->overdue);
      g_assert_cmpint (point->counts.counts[UPP_STATE_UNREPORTED], ==, c->unreported);
      g_assert_cmpint (point->counts.total, ==, 4);

      /* The one-pass trend agrees with the week-by-week status. */
      upp_store_count_states (rows, &counts);
      g_assert_cmpmem (&counts, sizeof counts, &point->counts, sizeof point->counts);
    }

  none = upp_store_query_trend (store, W (20), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_department_counts (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = upp_store_query_department_counts (store, W (29), &error);
  const UppDepartmentCounts *soc, *utb, *pol;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  soc = g_ptr_array_index (rows, 0);
  utb = g_ptr_array_index (rows, 1);
  pol = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (soc->code, ==, "SOC");
  g_assert_cmpint (soc->counts.total, ==, 2);
  g_assert_cmpint (soc->counts.counts[UPP_STATE_ON_TRACK], ==, 1);
  g_assert_cmpint (soc->counts.counts[UPP_STATE_OVERDUE], ==, 1);
  g_assert_cmpstr (utb->code, ==, "UTB");
  g_assert_cmpint (utb->counts.counts[UPP_STATE_NOT_STARTED], ==, 1);
  g_assert_cmpstr (pol->code, ==, "POL");
  g_assert_true (pol->partner);
  g_assert_false (soc->partner);
  g_assert_cmpint (pol->counts.counts[UPP_STATE_DONE], ==, 1);
}

static void
assert_change (GPtrArray  *changes,
               guint       index,
               const char *code,
               UppState    from,
               UppState    to)
{
  const UppStatusChange *change = g_ptr_array_index (changes, index);

  g_assert_cmpstr (change->code, ==, code);
  g_assert_cmpstr (upp_state_to_string (change->from), ==, upp_state_to_string (from));
  g_assert_cmpstr (upp_state_to_string (change->to), ==, upp_state_to_string (to));
}

static void
test_changes (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) w25 = upp_store_query_changes (store, W (25), &error);
  g_autoptr(GPtrArray) w27 = upp_store_query_changes (store, W (27), &error);
  g_autoptr(GPtrArray) w28 = upp_store_query_changes (store, W (28), &error);
  g_autoptr(GPtrArray) w31 = upp_store_query_changes (store, W (31), &error);

  g_assert_no_error (error);
  /* The first week: what started. A3 was not started and still is. */
  g_assert_cmpuint (w25->len, ==, 3);
  assert_change (w25, 0, "A1", UPP_STATE_NOT_STARTED, UPP_STATE_ON_TRACK);
  assert_change (w25, 1, "A2", UPP_STATE_NOT_STARTED, UPP_STATE_ON_TRACK);
  assert_change (w25, 2, "A4", UPP_STATE_NOT_STARTED, UPP_STATE_ON_TRACK);

  g_assert_cmpuint (w27->len, ==, 2);
  assert_change (w27, 0, "A1", UPP_STATE_ON_TRACK, UPP_STATE_DELAYED);
  assert_change (w27, 1, "A2", UPP_STATE_AT_RISK, UPP_STATE_ON_TRACK);
  g_assert_cmpstr (((UppStatusChange *) g_ptr_array_index (w27, 0))->lead, ==, "SOC");

  g_assert_cmpuint (w28->len, ==, 2);
  assert_change (w28, 0, "A1", UPP_STATE_DELAYED, UPP_STATE_UNREPORTED);
  assert_change (w28, 1, "A2", UPP_STATE_ON_TRACK, UPP_STATE_UNREPORTED);

  /* Nothing moves in week 31; A4's deadline passes, but it is done. */
  g_assert_cmpuint (w31->len, ==, 0);
}

static void
assert_deadlines (UppStore   *store,
                  int         week,
                  guint       n_weeks,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = upp_store_query_deadlines (store, W (week), n_weeks, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const UppDeadline *row = g_ptr_array_index (rows, i);
      g_autofree char *date = upp_date_format (&row->deadline);

      g_string_append_printf (text, "%s%s %s %s %s", i > 0 ? ", " : "", row->action_code, date,
                              row->lead_code, upp_state_to_string (row->state));
    }
  g_assert_cmpstr (text->str, ==, expected);
}

static void
test_deadlines (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");

  assert_deadlines (store, 28, 4, "A2 2026-07-10 SOC unreported, A4 2026-07-31 POL done");
  assert_deadlines (store, 28, 1, "A2 2026-07-10 SOC unreported");
  /* Overdue ones stay on the list, whatever the window. */
  assert_deadlines (store, 30, 4, "A2 2026-07-10 SOC overdue, A4 2026-07-31 POL done");
  assert_deadlines (store, 32, 2, "A2 2026-07-10 SOC overdue");
  assert_deadlines (store, 40, 5, "A2 2026-07-10 SOC overdue, A3 2026-10-30 UTB unreported");
}

static void
assert_compliance_row (const UppComplianceRow *row,
                       const char             *code,
                       const UppCompliance    *expected)
{
  g_assert_cmpstr (row->department_code, ==, code);
  for (guint w = 0; w < row->n_weeks; w++)
    {
      g_test_message ("%s, week %u", code, w);
      g_assert_cmpstr (upp_compliance_to_string (row->cells[w]), ==,
                       upp_compliance_to_string (expected[w]));
    }
}

static void
test_compliance (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = upp_store_query_compliance (store, W (28), 5, &error);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) none_missing = NULL;
  const UppCompliance soc[] = { UPP_COMPLIANCE_NOT_DUE, UPP_COMPLIANCE_ON_TIME,
                                UPP_COMPLIANCE_ON_TIME, UPP_COMPLIANCE_CORRECTED,
                                UPP_COMPLIANCE_MISSING };
  /* UTB's week 26 came on Saturday 01:30 where it was written (+02:00),
   * though it was still Friday in UTC: late. POL's came on Friday 23:30 at
   * -05:00, Saturday in UTC: on time. The report's own offset decides. */
  const UppCompliance utb[] = { UPP_COMPLIANCE_NOT_DUE, UPP_COMPLIANCE_ON_TIME,
                                UPP_COMPLIANCE_LATE, UPP_COMPLIANCE_MISSING,
                                UPP_COMPLIANCE_MISSING };
  const UppCompliance pol[] = { UPP_COMPLIANCE_NOT_DUE, UPP_COMPLIANCE_ON_TIME,
                                UPP_COMPLIANCE_ON_TIME, UPP_COMPLIANCE_MISSING,
                                UPP_COMPLIANCE_MISSING };

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      const UppComplianceRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpuint (row->n_weeks, ==, 5);
      g_assert_cmpint (row->first_week.week, ==, 24);
    }
  assert_compliance_row (g_ptr_array_index (rows, 0), "SOC", soc);
  assert_compliance_row (g_ptr_array_index (rows, 1), "UTB", utb);
  assert_compliance_row (g_ptr_array_index (rows, 2), "POL", pol);
  g_assert_true (((UppComplianceRow *) g_ptr_array_index (rows, 2))->partner);

  missing = upp_store_list_missing_reports (store, W (29), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_cmpstr (((UppComplianceRow *) g_ptr_array_index (missing, 0))->department_code, ==,
                   "UTB");
  g_assert_cmpstr (((UppComplianceRow *) g_ptr_array_index (missing, 1))->department_code, ==,
                   "POL");
  none_missing = upp_store_list_missing_reports (store, W (25), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none_missing->len, ==, 0);
}

static void
assert_series (const UppIndicatorSeries *series,
               const char               *action,
               const char               *indicator,
               const int                *weeks,
               const double             *values,
               guint                     n_points)
{
  g_assert_cmpstr (series->action_code, ==, action);
  g_assert_cmpstr (series->indicator_code, ==, indicator);
  g_assert_cmpuint (series->n_points, ==, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      g_assert_cmpint (series->weeks[i].week, ==, weeks[i]);
      g_assert_cmpfloat (series->values[i], ==, values[i]);
    }
}

static void
test_indicator_series (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = upp_store_query_indicator_series (store, W (29), NULL, &error);
  g_autoptr(GPtrArray) a1 = upp_store_query_indicator_series (store, W (26), "A1", &error);
  const UppIndicatorSeries *shifts;
  /* The lead's values only (POL's 5 in week 25 is not in them), and the
   * correction's of week 27 (14, not 12). */
  const int weeks[] = { 25, 26, 27, 29 };
  const double shift_values[] = { 3, 4, 2, 4 };
  const double met_values[] = { 25, 30, 14, 35 };
  const int contact_weeks[] = { 25, 26, 27 };
  const double contact_values[] = { 5, 8, 13 };

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  shifts = g_ptr_array_index (all, 0);
  assert_series (shifts, "A1", "shifts", weeks, shift_values, 4);
  g_assert_cmpstr (shifts->name, ==, "Kvällspass per vecka");
  g_assert_cmpstr (shifts->unit, ==, "pass");
  g_assert_true (shifts->has_target);
  g_assert_cmpfloat (shifts->target, ==, 4);
  g_assert_cmpint (shifts->direction, ==, UPP_DIRECTION_UP);
  assert_series (g_ptr_array_index (all, 1), "A1", "met", weeks, met_values, 4);
  assert_series (g_ptr_array_index (all, 2), "A2", "contacts", contact_weeks, contact_values, 3);

  /* As of an earlier week, only what was known then. */
  g_assert_cmpuint (a1->len, ==, 2);
  assert_series (g_ptr_array_index (a1, 0), "A1", "shifts", weeks, shift_values, 2);
}

static void
test_history (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = upp_store_query_history (store, "A1", W (27), &error);
  const struct { int week; const char *department; gboolean lead; int revision; gboolean current;
                 UppStatus status; } expected[] = {
    { 27, "SOC", TRUE, 2, TRUE, UPP_STATUS_DELAYED },
    { 27, "SOC", TRUE, 1, FALSE, UPP_STATUS_AT_RISK },
    { 26, "SOC", TRUE, 1, TRUE, UPP_STATUS_ON_TRACK },
    { 25, "SOC", TRUE, 1, TRUE, UPP_STATUS_ON_TRACK },
    { 25, "POL", FALSE, 1, TRUE, UPP_STATUS_ON_TRACK },
    { 25, "UTB", FALSE, 1, TRUE, UPP_STATUS_ON_TRACK },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      const UppHistoryEntry *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (row->week.week, ==, expected[i].week);
      g_assert_cmpstr (row->department, ==, expected[i].department);
      g_assert_cmpint (row->is_lead, ==, expected[i].lead);
      g_assert_cmpint (row->revision, ==, expected[i].revision);
      g_assert_cmpint (row->is_current, ==, expected[i].current);
      g_assert_cmpint (row->status, ==, expected[i].status);
    }
  g_assert_cmpstr (((UppHistoryEntry *) g_ptr_array_index (rows, 0))->submitted, ==,
                   "2026-07-06T08:00:00+02:00");
  g_assert_cmpstr (((UppHistoryEntry *) g_ptr_array_index (rows, 4))->comment, ==,
                   "Polisen deltar i två pass.");
}

static void
test_notes (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (upp_store_set_note (store, "A2", W (29), "Följ upp med SOC.", &error));
  g_assert_no_error (error);
  g_assert_true (upp_store_set_note (store, "A1", W (29), "Bra.", &error));
  g_assert_true (upp_store_set_note (store, "A1", W (30), "Nästa vecka.", &error));
  /* Setting again replaces. */
  g_assert_true (upp_store_set_note (store, "A2", W (29), "Följ upp med SOC på måndag.", &error));
  g_assert_no_error (error);

  text = upp_store_get_note (store, "A2", W (29), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Följ upp med SOC på måndag.");

  notes = upp_store_list_notes (store, W (29), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  /* In package order. */
  g_assert_cmpstr (((UppNote *) g_ptr_array_index (notes, 0))->action, ==, "A1");
  g_assert_cmpstr (((UppNote *) g_ptr_array_index (notes, 1))->action, ==, "A2");
  g_assert_cmpstr (((UppNote *) g_ptr_array_index (notes, 1))->text, ==,
                   "Följ upp med SOC på måndag.");
  g_assert_nonnull (((UppNote *) g_ptr_array_index (notes, 1))->updated);

  /* Empty removes it. */
  g_assert_true (upp_store_set_note (store, "A2", W (29), "", &error));
  g_assert_no_error (error);
  gone = upp_store_get_note (store, "A2", W (29), &error);
  g_assert_no_error (error);
  g_assert_null (gone);

  /* Not for an action the package does not have; nothing changes. */
  before = dump (store);
  g_assert_false (upp_store_set_note (store, "A99", W (29), "Nej.", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_documents (void)
{
  g_autoptr(UppStore) store = open_store_with_good_set (":memory:");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = upp_store_list_documents (store, &error);
  const UppDocumentInfo *first;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "good",
                                                 "package.json", NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 10);
  first = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (first->kind, ==, "package");
  g_assert_cmpstr (first->filename, ==, "package.json");
  g_assert_cmpint (first->revision, ==, 1);
  g_assert_true (first->is_current);

  /* Kept whole, byte for byte. */
  bytes = upp_store_get_document_bytes (store, first->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, length);

  g_assert_null (upp_store_get_document_bytes (store, 12345, &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND);
}

/* Files on disk */

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_permissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-store-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (dir, "data", "uppfoljning", NULL);
  g_autofree char *path = g_build_filename (folder, "uppfoljning.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(UppStore) store = NULL;
  mode_t old_umask = umask (022);

  g_assert_no_error (error);
  store = open_store_with_good_set (path);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  /* The write-ahead log holds the same data. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (wal), ==, 0600);

  g_clear_object (&store);
  umask (old_umask);
  upp_test_remove_tree (dir);
}

static void
test_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "live.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "backup.db", NULL);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(UppStore) restored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *original = NULL;
  g_autofree char *backed_up = NULL;

  g_assert_no_error (error);
  store = open_store_with_good_set (path);
  g_assert_true (upp_store_set_note (store, "A1", W (27), "Anteckning.", &error));
  g_assert_no_error (error);

  g_assert_true (upp_store_backup (store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (copy), ==, 0600);

  /* The copy opens, is the same, and answers the same. */
  restored = upp_store_open (copy, &error);
  g_assert_no_error (error);
  original = dump (store);
  backed_up = dump (restored);
  g_assert_cmpstr (original, ==, backed_up);
  rows = upp_store_query_status (restored, W (29), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_status (rows, "A2")->state, ==, UPP_STATE_OVERDUE);

  /* Backing up over an older copy replaces it. */
  g_clear_object (&restored);
  g_assert_true (upp_store_backup (store, copy, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  upp_test_remove_tree (dir);
}

/* How the store asks for the indicator series of all actions. */
#define SERIES_QUERY \
  "SELECT e.action, v.indicator, e.week, v.value" \
  " FROM entry e JOIN entry_indicator v ON v.report_id = e.report_id AND v.action = e.action" \
  " WHERE e.is_current AND e.is_lead AND e.week <= 202640 ORDER BY e.action, e.week"

/* How many columns @sql's program reads from rows of the entry table
 * itself (not from an index): the rows are large, with their texts. */
static guint
count_entry_row_reads (sqlite3    *db,
                       const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;
  int entry_root = 0;
  int entry_cursor = -1;
  guint reads = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE name = 'entry'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  entry_root = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  /* Columns of EXPLAIN: addr, opcode, p1, p2, … */
  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *opcode = (const char *) sqlite3_column_text (stmt, 1);
      int p1 = sqlite3_column_int (stmt, 2);
      int p2 = sqlite3_column_int (stmt, 3);

      if (g_str_equal (opcode, "OpenRead") && p2 == entry_root)
        entry_cursor = p1;
      else if (g_str_equal (opcode, "Column") && p1 == entry_cursor)
        reads++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (entry_cursor, >=, 0);
  return reads;
}

/* sqlite3_exec() callback: the first column of the first row. */
static int
first_text (void  *user_data,
            int    n_columns,
            char **values,
            char **names)
{
  char **out = user_data;

  if (*out == NULL)
    *out = g_strdup (values[0]);
  return 0;
}

static void
set_user_version (const char *path,
                  int         version,
                  gboolean    rollback_journal)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("%sPRAGMA user_version = %d",
                                          rollback_journal ? "PRAGMA journal_mode = DELETE; " : "",
                                          version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
assert_refused_untouched (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  UppStore *store;

  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
  store = upp_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_SCHEMA_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_schema_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(UppStore) store = NULL;

  g_assert_no_error (error);
  store = open_store_with_good_set (path);
  g_clear_object (&store);

  /* A database the app wrote, then a newer version migrated. */
  set_user_version (path, UPP_STORE_SCHEMA_VERSION + 1, FALSE);
  assert_refused_untouched (path);
  /* Again: refusing must not have changed what the next try sees. */
  assert_refused_untouched (path);

  /* A newer database in rollback-journal mode: opening it must not switch
   * it to WAL (which rewrites the header) before the version is read. */
  set_user_version (path, UPP_STORE_SCHEMA_VERSION + 7, TRUE);
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    gsize before_length, after_length;
    UppStore *refused;

    g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));
    refused = upp_store_open (path, &error);
    g_assert_null (refused);
    g_assert_error (error, UPP_ERROR, UPP_ERROR_SCHEMA_TOO_NEW);
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
    g_assert_cmpmem (before, before_length, after, after_length);
  }

  upp_test_remove_tree (dir);
}

/* Files are stored without a savepoint each; when one fails half-way, the
 * transaction is taken back and what it held before is stored again: a
 * failing file between two good ones in a batch leaves them stored, as if
 * it had not been there. */
static void
test_atomic_middle (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "middle.db", NULL);
  g_autofree char *before = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                   "good-bom-crlf.json", NULL);
  g_autofree char *failing = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                    "report-SOC-2026-W28.json", NULL);
  g_autofree char *after = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                  "good-negative-zero.json", NULL);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(UppStore) reference = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) alone = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const UppImportResult *result;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  store = open_store_with_good_set (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER fail BEFORE INSERT ON entry_indicator"
                                     " WHEN NEW.action = 'A2' AND NEW.indicator = 'contacts'"
                                     "   AND NEW.value = 15"
                                     " BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_ptr_array_add (files, before);
  g_ptr_array_add (files, failing);
  g_ptr_array_add (files, after);
  results = upp_import_files (store, files, NULL, NULL, NULL);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->status, ==, UPP_IMPORT_IMPORTED);
  g_assert_cmpuint (result->problems->len, ==, 0);
  result = g_ptr_array_index (results, 1);
  g_assert_cmpint (result->status, ==, UPP_IMPORT_REJECTED);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result->problems, 0), "injected failure"));
  result = g_ptr_array_index (results, 2);
  g_assert_cmpint (result->status, ==, UPP_IMPORT_IMPORTED);

  reference = open_store_with_good_set (":memory:");
  g_ptr_array_remove_index (files, 1);
  alone = upp_import_files (reference, files, NULL, NULL, NULL);
  a = dump (store);
  b = dump (reference);
  g_assert_cmpstr (a, ==, b);

  g_clear_object (&store);
  upp_test_remove_tree (dir);
}

/* Every entry of every action, as the history shows them. */
static char *
history_text (UppStore *store)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *actions[] = { "A1", "A2", "A3", "A4" };

  for (guint a = 0; a < G_N_ELEMENTS (actions); a++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = upp_store_query_history (store, actions[a], W (52), &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          const UppHistoryEntry *row = g_ptr_array_index (rows, i);

          g_string_append_printf (text, "%s %d %s %d %d %d %d %d\n", row->action, row->week.week,
                                  row->department, row->is_lead, row->status, row->progress,
                                  row->revision, row->is_current);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Back to schema 5's document table, as the app wrote it: each document
 * stored as it was read, and no column saying so. */
static void
documents_back_to_schema_5 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) store = upp_store_open (path, &error);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  sqlite3 *db = NULL;
  sqlite3_stmt *update = NULL;

  g_assert_no_error (error);
  documents = upp_store_list_documents (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      const UppDocumentInfo *info = g_ptr_array_index (documents, i);

      g_ptr_array_add (contents, upp_store_get_document_bytes (store, info->id, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE document SET bytes = ?2 WHERE id = ?1", -1,
                                       &update, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < documents->len; i++)
    {
      const UppDocumentInfo *info = g_ptr_array_index (documents, i);
      GBytes *bytes = g_ptr_array_index (contents, i);

      sqlite3_bind_int64 (update, 1, info->id);
      sqlite3_bind_blob64 (update, 2, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_changes (db), ==, 1);
      sqlite3_reset (update);
    }
  sqlite3_finalize (update);
  g_assert_cmpint (sqlite3_exec (db, UPP_TEST_REPORTS_BACK_TO_SCHEMA_7
                                     "ALTER TABLE document DROP COLUMN encoding;"
                                     "DROP INDEX entry_lead_history;"
                                     "CREATE INDEX entry_lead_history"
                                     "  ON entry (action, week, status, progress)"
                                     "  WHERE is_current AND is_lead;"
                                     "PRAGMA user_version = 5; COMMIT;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A database of schema 3, with reports in it, is migrated with all its
 * data: the entries move to a table with the same rows and row ids, and
 * the indicator values that refer to them stay. */
static void
test_migrate_entries (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "schema3.db", NULL);
  g_autoptr(UppStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rowids_before = NULL;
  g_autofree char *rowids_after = NULL;
  g_autofree char *history_before = NULL;
  g_autofree char *history_after = NULL;
  sqlite3 *db = NULL;
  char *text = NULL;

  g_assert_no_error (error);
  store = open_store_with_good_set (path);
  before = dump (store);
  history_before = history_text (store);
  g_clear_object (&store);

  /* Back to schema 3's entry table, as the app wrote it. */
  documents_back_to_schema_5 (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "PRAGMA foreign_keys = OFF; BEGIN;"
    "CREATE TABLE entry_old ("
    "  report_id INTEGER NOT NULL REFERENCES report (id) ON DELETE CASCADE,"
    "  action TEXT NOT NULL REFERENCES action (code),"
    "  department TEXT NOT NULL,"
    "  week INTEGER NOT NULL,"
    "  status TEXT NOT NULL"
    "    CHECK (status IN ('not-started', 'on-track', 'at-risk', 'delayed', 'done')),"
    "  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),"
    "  comment TEXT, next_steps TEXT, risks TEXT,"
    "  is_current INTEGER NOT NULL DEFAULT 0,"
    "  is_lead INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (report_id, action));"
    "INSERT INTO entry_old (rowid, report_id, action, department, week, status, progress,"
    "  comment, next_steps, risks, is_current, is_lead)"
    "  SELECT rowid * 7, report_id, action, department, week, status, progress, comment,"
    "    next_steps, risks, is_current, is_lead FROM entry;"
    "DROP TABLE entry; ALTER TABLE entry_old RENAME TO entry;"
    "CREATE INDEX entry_lead_history ON entry (action, week, status, progress)"
    "  WHERE is_current AND is_lead;"
    "CREATE INDEX entry_by_action ON entry (action, week);"
    "PRAGMA user_version = 3; COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT group_concat (r) FROM (SELECT rowid AS r FROM entry ORDER BY rowid)",
                                 first_text, &rowids_before, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
  history_after = history_text (store);
  g_assert_cmpstr (history_before, ==, history_after);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT group_concat (r) FROM (SELECT rowid AS r FROM entry ORDER BY rowid)",
                                 first_text, &rowids_after, NULL), ==, SQLITE_OK);
  g_assert_cmpstr (rowids_before, ==, rowids_after);
  g_assert_cmpint (sqlite3_exec (db, "SELECT sql FROM sqlite_schema WHERE name = 'entry'",
                                 first_text, &text, NULL), ==, SQLITE_OK);
  g_assert_null (strstr (text, "status IN"));
  g_assert_nonnull (strstr (text, "status = 'done'"));
  g_free (text);
  text = NULL;
  /* Schema 5: the second index by action holds what the first does not. */
  g_assert_cmpint (sqlite3_exec (db, "SELECT sql FROM sqlite_schema WHERE name = 'entry_by_action'",
                                 first_text, &text, NULL), ==, SQLITE_OK);
  g_assert_nonnull (strstr (text, "WHERE NOT (is_current AND is_lead)"));
  g_free (text);
  text = NULL;
  /* Schema 7: the indicator series (the briefing's costliest query) reads
   * the lead history from its index alone, never the large entry rows. */
  g_assert_cmpint (sqlite3_exec (db, "SELECT sql FROM sqlite_schema WHERE name = 'entry_lead_history'",
                                 first_text, &text, NULL), ==, SQLITE_OK);
  g_assert_nonnull (strstr (text, "(action, week, status, progress, report_id)"));
  g_free (text);
  text = NULL;
  g_assert_cmpuint (count_entry_row_reads (db, SERIES_QUERY), ==, 0);
  g_assert_cmpint (sqlite3_exec (db, "SELECT user_version || ' ' || (SELECT COUNT(*) FROM"
                                     " pragma_foreign_key_check) FROM pragma_user_version",
                                 first_text, &text, NULL), ==, SQLITE_OK);
  g_assert_cmpstr (text, ==, G_STRINGIFY (UPP_STORE_SCHEMA_VERSION) " 0");
  g_free (text);
  /* Still refused: a status that is none of the five. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entry SET status = 'late' WHERE rowid = 7",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
  upp_test_remove_tree (dir);
}

/* Documents as stored (schema 6) */

/* Checks every document of @store (whose file is @path): it reads back as
 * the bytes of its file in good/ or in the folder above, and the store
 * keeps the SHA-256 of those bytes; a deflated one is stored in fewer
 * bytes than its file, any other as it is. Returns how many are deflated. */
static guint
check_documents (UppStore   *store,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = upp_store_list_documents (store, &error);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "import", "good", NULL);
  g_autofree char *import = g_test_build_filename (G_TEST_DIST, "data", "import", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stored = NULL;
  guint n_deflated = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT encoding, length (bytes) FROM document"
                                           " WHERE id = ?1", -1, &stored, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < documents->len; i++)
    {
      const UppDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autofree char *file = g_build_filename (good, info->filename, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sha256 = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *encoding;
      gint64 stored_size;
      gsize length;

      if (!g_file_test (file, G_FILE_TEST_EXISTS))
        {
          g_free (file);
          file = g_build_filename (import, info->filename, NULL);
        }
      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_assert_cmpstr (info->sha256, ==, sha256);

      bytes = upp_store_get_document_bytes (store, info->id, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);

      sqlite3_bind_int64 (stored, 1, info->id);
      g_assert_cmpint (sqlite3_step (stored), ==, SQLITE_ROW);
      encoding = (const char *) sqlite3_column_text (stored, 0);
      stored_size = sqlite3_column_int64 (stored, 1);
      if (g_str_equal (encoding, "deflate"))
        {
          g_assert_cmpint (stored_size, <, length);
          n_deflated++;
        }
      else
        {
          g_assert_cmpstr (encoding, ==, "identity");
          g_assert_cmpint (stored_size, ==, length);
        }
      sqlite3_reset (stored);
    }
  sqlite3_finalize (stored);
  sqlite3_close (db);
  return n_deflated;
}

static void
import_one (UppStore        *store,
            const char      *file,
            UppImportStatus  expected)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;

  g_ptr_array_add (files, (gpointer) file);
  results = upp_import_files (store, files, NULL, NULL, NULL);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==, expected);
}

#define STORED_SIZE "SELECT SUM (length (bytes)) FROM document"

/* New documents are stored deflated and read back as they were; a store of
 * schema 5 keeps its documents as they are, readable as before, and
 * re-imports of them are still found. */
static void
test_migrate_documents (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "schema5.db", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "import", "good", NULL);
  g_autofree char *package = g_build_filename (good, "package.json", NULL);
  g_autofree char *report = g_build_filename (good, "SOC-2026-W25.json", NULL);
  g_autofree char *later = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                  "good-negative-zero.json", NULL);
  const char *folders[] = { good, NULL };
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 files_size = 0;
  GStatBuf st;

  g_assert_no_error (error);
  files = upp_import_collect_files (folders, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 10);
  for (guint i = 0; i < files->len; i++)
    {
      g_assert_cmpint (g_stat (g_ptr_array_index (files, i), &st), ==, 0);
      files_size += st.st_size;
    }

  store = open_store_with_good_set (path);
  /* All ten fixtures, even the smallest (300 bytes), shrink; together to
   * less than two thirds, the package (1,888 bytes) to less than half. */
  g_assert_cmpuint (check_documents (store, path), ==, 10);
  g_assert_cmpint (upp_test_query_int64 (path, STORED_SIZE), <, files_size * 2 / 3);
  g_assert_cmpint (g_stat (package, &st), ==, 0);
  g_assert_cmpint (upp_test_query_int64 (path, STORED_SIZE " WHERE filename = 'package.json'"),
                   <, st.st_size / 2);
  before = dump (store);
  g_clear_object (&store);

  documents_back_to_schema_5 (path);
  g_assert_cmpint (upp_test_query_int64 (path, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (upp_test_query_int64 (path, STORED_SIZE), ==, files_size);

  /* Migrated, the documents stay as they were stored. */
  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (upp_test_query_int64 (path, "PRAGMA user_version"), ==,
                   UPP_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (check_documents (store, path), ==, 0);
  g_assert_cmpint (upp_test_query_int64 (path, STORED_SIZE), ==, files_size);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Their hashes are of the bytes as read: importing them again finds them. */
  results = upp_import_files (store, files, NULL, NULL, NULL);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, i))->status, ==,
                     UPP_IMPORT_DUPLICATE);
  import_one (store, package, UPP_IMPORT_DUPLICATE);
  import_one (store, report, UPP_IMPORT_DUPLICATE);

  /* A document imported after the migration is stored deflated, and found
   * again by the hash of its bytes as read. */
  import_one (store, later, UPP_IMPORT_IMPORTED);
  g_assert_cmpuint (check_documents (store, path), ==, 1);
  g_assert_cmpint (upp_test_query_int64 (path, "SELECT COUNT (*) FROM document"
                                               " WHERE filename = 'good-negative-zero.json'"
                                               " AND encoding = 'deflate'"), ==, 1);
  import_one (store, later, UPP_IMPORT_DUPLICATE);

  g_clear_object (&store);
  upp_test_remove_tree (dir);
}

/* Writes @size bytes of @data as document @id's stored copy. */
static void
set_stored_bytes (const char   *path,
                  gint64        id,
                  const char   *encoding,
                  const guint8 *data,
                  gsize         size)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE document SET encoding = ?2, bytes = ?3"
                                           " WHERE id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, encoding, -1, SQLITE_STATIC);
  /* A zero-length blob, not NULL, for no bytes. */
  if (size == 0)
    sqlite3_bind_zeroblob (stmt, 3, 0);
  else
    sqlite3_bind_blob64 (stmt, 3, data, size, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A damaged stored copy is an error that says so, never a crash or wrong
 * bytes. */
static void
test_damaged_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "import", "good",
                                                 "package.json", NULL);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *deflated = NULL;
  g_autofree char *id_text = NULL;
  gsize length, deflated_size;
  gint64 id;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  struct
  {
    const char *what;
    gsize       offset;  /* of the bytes, in the stored copy… */
    gsize       size;
    guint8      flip;    /* …with the middle byte xor this */
    gboolean    file;    /* or the file's own bytes, said to be deflated */
    gboolean    extra;   /* or the stored copy and one byte more */
  } cases[] = {
    { "a flipped byte", 0, 0, 0x55, FALSE, FALSE },
    { "cut in the middle", 0, 1, 0, FALSE, FALSE },
    { "cut before its checksum", 0, 2, 0, FALSE, FALSE },
    { "empty", 0, 3, 0, FALSE, FALSE },
    { "not deflated", 0, 0, 0, TRUE, FALSE },
    { "bytes after its end", 0, 0, 0, FALSE, TRUE },
  };

  g_assert_no_error (error);
  store = open_store_with_good_set (path);
  documents = upp_store_list_documents (store, &error);
  g_assert_no_error (error);
  id = ((const UppDocumentInfo *) g_ptr_array_index (documents, 0))->id;
  id_text = g_strdup_printf (" %" G_GINT64_FORMAT " ", id);
  g_assert_true (g_file_get_contents (file, &contents, &length, NULL));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT bytes FROM document WHERE id = ?1"
                                           " AND encoding = 'deflate'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  deflated_size = sqlite3_column_bytes (stmt, 0);
  deflated = g_memdup2 (sqlite3_column_blob (stmt, 0), deflated_size);
  sqlite3_finalize (stmt);
  /* Only the two encodings. */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE document SET encoding = 'gzip'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree guint8 *damaged = g_malloc (deflated_size + 1);
      gsize size = deflated_size;

      memcpy (damaged, deflated, deflated_size);
      if (cases[i].flip != 0)
        damaged[deflated_size / 2] ^= cases[i].flip;
      if (cases[i].size == 1)
        size = deflated_size / 2;
      else if (cases[i].size == 2)
        size = deflated_size - 2;
      else if (cases[i].size == 3)
        size = 0;
      if (cases[i].extra)
        damaged[size++] = '\n';
      g_test_message ("%s", cases[i].what);
      if (cases[i].file)
        set_stored_bytes (path, id, "deflate", (const guint8 *) contents, length);
      else
        set_stored_bytes (path, id, "deflate", damaged, size);

      bytes = upp_store_get_document_bytes (store, id, &error);
      g_assert_null (bytes);
      g_assert_error (error, UPP_ERROR, UPP_ERROR_DATABASE);
      g_assert_nonnull (strstr (error->message, "damaged"));
      g_assert_nonnull (strstr (error->message, id_text));
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }

  /* The intact copy reads again: it was the damage. */
  set_stored_bytes (path, id, "deflate", deflated, deflated_size);
  bytes = upp_store_get_document_bytes (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);

  g_clear_object (&store);
  upp_test_remove_tree (dir);
}

/* Imports report-SOC-2026-W28.json, which @trigger makes fail on its
 * entry for A2, in one batch with a good file: the failing file is rejected
 * whole with one problem that names it and says @expected, the good one is
 * stored, and the store ends as if only the good one had been imported,
 * with no row left dangling. */
static void
check_failing_file_in_batch (const char *trigger,
                             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "atomic.db", NULL);
  g_autofree char *failing = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                    "report-SOC-2026-W28.json", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                 "good-negative-zero.json", NULL);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(UppStore) reference = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) alone = NULL;
  const UppImportResult *result;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  char *dangling = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  store = open_store_with_good_set (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, trigger, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_ptr_array_add (files, failing);
  g_ptr_array_add (files, good);
  results = upp_import_files (store, files, NULL, NULL, NULL);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpint (result->status, ==, UPP_IMPORT_REJECTED);
  g_assert_cmpuint (result->problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (result->problems, 0), failing));
  g_assert_nonnull (strstr (g_ptr_array_index (result->problems, 0), expected));
  result = g_ptr_array_index (results, 1);
  g_assert_cmpint (result->status, ==, UPP_IMPORT_IMPORTED);
  {
    g_autoptr(UppPackage) package = upp_store_ref_package (store);

    g_assert_nonnull (upp_package_find_action (package, "A2"));
  }

  /* The same as importing only the good file. */
  reference = open_store_with_good_set (":memory:");
  g_ptr_array_remove_index (files, 0);
  alone = upp_import_files (reference, files, NULL, NULL, NULL);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (alone, 0))->status, ==,
                   UPP_IMPORT_IMPORTED);
  a = dump (store);
  b = dump (reference);
  g_assert_cmpstr (a, ==, b);

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT COUNT(*) FROM pragma_foreign_key_check",
                                 first_text, &dangling, NULL), ==, SQLITE_OK);
  g_assert_cmpstr (dangling, ==, "0");
  g_free (dangling);
  sqlite3_close (db);
  upp_test_remove_tree (dir);
}

/* A file is stored whole or not at all: a failure half-way through one
 * (here a trigger that refuses its second entry) takes back everything of
 * that file and nothing of the others in the batch. */
static void
test_atomic (void)
{
  check_failing_file_in_batch ("CREATE TRIGGER fail BEFORE INSERT ON entry"
                               " WHEN NEW.action = 'A2' AND NEW.week = 202628"
                               " BEGIN SELECT RAISE (ABORT, 'injected failure'); END",
                               "injected failure");
}

/* A row that would refer to a missing row (here a trigger deletes the
 * action an entry is on): the same. */
static void
test_atomic_foreign_key (void)
{
  check_failing_file_in_batch ("CREATE TRIGGER dangle AFTER INSERT ON entry"
                               " WHEN NEW.action = 'A2' AND NEW.week = 202628"
                               " BEGIN DELETE FROM action WHERE code = 'A2'; END",
                               "FOREIGN KEY");
}

static UppImportStatus
import_fixture (UppStore   *store,
                const char *name,
                char      **out_problems)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(GPtrArray) files = upp_import_collect_files (paths, NULL);
  g_autoptr(GPtrArray) results = upp_import_files (store, files, NULL, NULL, NULL);
  const UppImportResult *result = g_ptr_array_index (results, 0);

  if (out_problems != NULL)
    *out_problems = upp_import_result_format (result);
  return result->status;
}

/* A revision may drop an action nobody reported on, but not one that has
 * leadership notes: those exist in this database only. */
static void
test_revision_keeps_notes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) with_note = upp_store_open (":memory:", &error);
  g_autoptr(UppStore) without = upp_store_open (":memory:", &error);
  g_autofree char *problems = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (import_fixture (with_note, "good/package.json", NULL), ==, UPP_IMPORT_IMPORTED);
  g_assert_cmpint (import_fixture (without, "good/package.json", NULL), ==, UPP_IMPORT_IMPORTED);

  g_assert_true (upp_store_set_note (with_note, "A2", W (27), "Följ upp med SOC", &error));
  g_assert_no_error (error);
  /* No note holds a personal identity number, whoever writes it. */
  g_assert_false (upp_store_set_note (with_note, "A2", W (27), "Gäller 121212 1212", &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_SENSITIVE);
  g_clear_error (&error);
  before = dump (with_note);
  g_assert_cmpint (import_fixture (with_note, "package-rev2-drops-action.json", &problems), ==,
                   UPP_IMPORT_PENDING);
  {
    g_autoptr(GPtrArray) revisions = upp_store_list_revisions (with_note, &error);
    const UppRevisionInfo *waiting = g_ptr_array_index (revisions, 1);

    g_assert_false (upp_import_decide_revision (with_note, waiting->sha256, TRUE, "Testet",
                                                &error));
    g_assert_nonnull (strstr (error->message, "drops the action “A2”, which has leadership notes"));
    g_clear_error (&error);
  }
  g_free (before);
  before = dump (with_note);
  after = dump (with_note);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (import_fixture (without, "package-rev2-drops-action.json", NULL), ==,
                   UPP_IMPORT_PENDING);
  g_assert_cmpuint (upp_test_accept_revisions (without), ==, 1);
  {
    g_autoptr(UppPackage) package = upp_store_ref_package (without);

    g_assert_null (upp_package_find_action (package, "A2"));
    g_assert_nonnull (upp_package_find_action (package, "A3"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("UPP_TODAY", "2026-12-31", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-import/states", test_states);
  g_test_add_func ("/store-import/revision-keeps-notes", test_revision_keeps_notes);
  g_test_add_func ("/store-import/status-rows", test_status_rows);
  g_test_add_func ("/store-import/trend", test_trend);
  g_test_add_func ("/store-import/department-counts", test_department_counts);
  g_test_add_func ("/store-import/changes", test_changes);
  g_test_add_func ("/store-import/deadlines", test_deadlines);
  g_test_add_func ("/store-import/compliance", test_compliance);
  g_test_add_func ("/store-import/indicator-series", test_indicator_series);
  g_test_add_func ("/store-import/history", test_history);
  g_test_add_func ("/store-import/notes", test_notes);
  g_test_add_func ("/store-import/documents", test_documents);
  g_test_add_func ("/store-import/permissions", test_permissions);
  g_test_add_func ("/store-import/backup", test_backup);
  g_test_add_func ("/store-import/schema-too-new", test_schema_too_new);
  g_test_add_func ("/store-import/migrate-entries", test_migrate_entries);
  g_test_add_func ("/store-import/migrate-documents", test_migrate_documents);
  g_test_add_func ("/store-import/damaged-document", test_damaged_document);
  g_test_add_func ("/store-import/atomic", test_atomic);
  g_test_add_func ("/store-import/atomic-foreign-key", test_atomic_foreign_key);
  g_test_add_func ("/store-import/atomic-middle", test_atomic_middle);

  return g_test_run ();
}

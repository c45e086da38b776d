/* test-dashboard.c — what the dashboard shows, on the demo database
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "upp-dashboard.h"
#include "upp-error.h"
#include "upp-import.h"

static char *tmp_dir;
static UppStore *demo_store;

static GDate
date_of (const char *text)
{
  GDate date;

  g_assert_true (upp_date_parse (text, &date));
  return date;
}

static GPtrArray *
demo_files (void)
{
  const char *source = g_getenv ("UPP_SOURCE_DIR");
  g_autofree char *folder = NULL;
  g_autofree char *reports = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[3];
  GPtrArray *files;

  g_assert_nonnull (source);
  folder = g_build_filename (source, "data", "demo", NULL);
  reports = g_build_filename (folder, "reports", NULL);
  paths[0] = folder;
  paths[1] = reports;
  paths[2] = NULL;
  files = upp_import_collect_files (paths, &error);
  g_assert_no_error (error);
  return files;
}

static UppDashboard *
load_week (int week)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  UppDashboard *dashboard;

  upp_dashboard_get_today (&today);
  dashboard = upp_dashboard_load (demo_store, UPP_WEEK_INIT (2026, week), &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dashboard);
  return dashboard;
}

static const UppAttentionItem *
attention_at (const UppDashboard *dashboard,
              guint               i)
{
  g_assert_cmpuint (i, <, dashboard->attention->len);
  return g_ptr_array_index (dashboard->attention, i);
}

static void
test_today (void)
{
  GDate today;
  g_autofree char *text = NULL;

  upp_dashboard_get_today (&today);
  text = upp_date_format (&today);
  g_assert_cmpstr (text, ==, "2026-11-27");
}

static void
test_import_summary (void)
{
  g_autoptr(GPtrArray) files = demo_files ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autofree char *again = NULL;
  g_autofree char *none = NULL;
  UppImportResult rejected = { (char *) "bad.json", UPP_DOCUMENT_REPORT, UPP_IMPORT_REJECTED,
                               NULL };
  UppImportResult duplicate = { (char *) "old.json", UPP_DOCUMENT_REPORT, UPP_IMPORT_DUPLICATE,
                                NULL };
  UppImportResult report = { (char *) "new.json", UPP_DOCUMENT_REPORT, UPP_IMPORT_IMPORTED, NULL };
  g_autoptr(GPtrArray) mixed = g_ptr_array_new ();
  g_autofree char *mixed_text = NULL;

  /* Importing the demo twice: the second batch changes nothing. */
  results = upp_import_files (demo_store, files, NULL, NULL, NULL);
  again = upp_dashboard_import_summary (results);
  g_assert_cmpstr (again, ==, "97 files already imported");

  none = upp_dashboard_import_summary (empty);
  g_assert_cmpstr (none, ==, "No files to import");

  g_ptr_array_add (mixed, &report);
  g_ptr_array_add (mixed, &report);
  g_ptr_array_add (mixed, &report);
  g_ptr_array_add (mixed, &duplicate);
  g_ptr_array_add (mixed, &rejected);
  mixed_text = upp_dashboard_import_summary (mixed);
  g_assert_cmpstr (mixed_text, ==, "3 reports imported, 1 file already imported, 1 file rejected");
}

static void
test_tiles_week_40 (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (40);
  g_autoptr(GPtrArray) statuses = NULL;
  UppStateCounts counts;
  const UppTile *tiles = dashboard->tiles;

  /* The tiles say what the store computes. */
  statuses = upp_store_query_status (demo_store, UPP_WEEK_INIT (2026, 40), NULL, NULL);
  upp_store_count_states (statuses, &counts);
  g_assert_cmpint (tiles[UPP_TILE_ACTIONS].value, ==, counts.total);
  for (int i = UPP_TILE_DONE; i < UPP_N_TILES; i++)
    g_assert_cmpint (tiles[i].value, ==, counts.counts[tiles[i].state]);

  g_assert_cmpint (tiles[UPP_TILE_ACTIONS].value, ==, 14);
  g_assert_cmpstr (tiles[UPP_TILE_ACTIONS].label, ==, "Actions");
  g_assert_cmpstr (tiles[UPP_TILE_ACTIONS].caption, ==, "3 need attention");
  g_assert_cmpstr (tiles[UPP_TILE_ACTIONS].description, ==,
                   "14 actions in week 40, 3 need attention");

  g_assert_cmpint (tiles[UPP_TILE_DONE].value, ==, 6);
  g_assert_cmpint (tiles[UPP_TILE_DONE].previous, ==, 6);
  g_assert_cmpint (tiles[UPP_TILE_DONE].percent, ==, 43);
  g_assert_cmpint (tiles[UPP_TILE_DONE].trend, ==, UPP_TREND_SAME);
  g_assert_cmpstr (tiles[UPP_TILE_DONE].caption, ==, "Same as week 39");
  g_assert_cmpstr (tiles[UPP_TILE_DONE].description, ==,
                   "Done: 6 of 14 actions (43 %), as many as in week 39");
  g_assert_false (tiles[UPP_TILE_DONE].alert);

  g_assert_cmpint (tiles[UPP_TILE_ON_TRACK].value, ==, 5);
  g_assert_cmpstr (tiles[UPP_TILE_ON_TRACK].caption, ==, "−1 since week 39");
  g_assert_cmpint (tiles[UPP_TILE_ON_TRACK].trend, ==, UPP_TREND_WORSE);
  g_assert_cmpstr (tiles[UPP_TILE_ON_TRACK].description, ==,
                   "On track: 5 of 14 actions (36 %), 1 fewer than in week 39");

  g_assert_cmpint (tiles[UPP_TILE_DELAYED].value, ==, 2);
  g_assert_cmpstr (tiles[UPP_TILE_DELAYED].caption, ==, "+1 since week 39");
  g_assert_cmpint (tiles[UPP_TILE_DELAYED].trend, ==, UPP_TREND_WORSE);
  g_assert_true (tiles[UPP_TILE_DELAYED].alert);
  g_assert_cmpstr (tiles[UPP_TILE_DELAYED].description, ==,
                   "Delayed: 2 of 14 actions (14 %), 1 more than in week 39");

  g_assert_cmpint (tiles[UPP_TILE_AT_RISK].value, ==, 1);
  g_assert_cmpint (tiles[UPP_TILE_OVERDUE].value, ==, 0);
  g_assert_false (tiles[UPP_TILE_OVERDUE].alert);
  g_assert_cmpint (tiles[UPP_TILE_UNREPORTED].value, ==, 0);
}

static void
test_tiles_first_week (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (25);

  /* Nothing to compare with in the first reporting week: the share. */
  g_assert_false (dashboard->has_previous);
  g_assert_cmpint (dashboard->tiles[UPP_TILE_DONE].previous, ==, -1);
  g_assert_cmpint (dashboard->tiles[UPP_TILE_DONE].trend, ==, UPP_TREND_NONE);
  g_assert_true (g_str_has_suffix (dashboard->tiles[UPP_TILE_DONE].caption, "% of all actions"));
  g_assert_true (g_str_has_suffix (dashboard->tiles[UPP_TILE_DONE].description, " %)"));
}

static void
test_tiles_trend_better (void)
{
  UppStateCounts now = { { 0 }, 0 };
  UppStateCounts before = { { 0 }, 0 };
  UppTile tiles[UPP_N_TILES];

  now.counts[UPP_STATE_DONE] = 3;
  now.counts[UPP_STATE_AT_RISK] = 1;
  now.total = 4;
  before.counts[UPP_STATE_DONE] = 1;
  before.counts[UPP_STATE_AT_RISK] = 3;
  before.total = 4;
  upp_dashboard_compute_tiles (&now, &before, UPP_WEEK_INIT (2027, 1), tiles);
  g_assert_cmpint (tiles[UPP_TILE_DONE].trend, ==, UPP_TREND_BETTER);
  g_assert_cmpstr (tiles[UPP_TILE_DONE].caption, ==, "+2 since week 53");
  g_assert_cmpint (tiles[UPP_TILE_AT_RISK].trend, ==, UPP_TREND_BETTER);
  g_assert_cmpstr (tiles[UPP_TILE_AT_RISK].caption, ==, "−2 since week 53");
  g_assert_cmpstr (tiles[UPP_TILE_ACTIONS].caption, ==, "1 needs attention");
  g_assert_cmpint (tiles[UPP_TILE_ACTIONS].trend, ==, UPP_TREND_SAME);
  for (int i = 0; i < UPP_N_TILES; i++)
    upp_tile_clear (&tiles[i]);
}

static const UppActionStatus *
find_status (const UppDashboard *dashboard,
             const char         *code)
{
  for (guint i = 0; i < dashboard->statuses->len; i++)
    if (g_str_equal (((UppActionStatus *) dashboard->statuses->pdata[i])->code, code))
      return dashboard->statuses->pdata[i];
  g_assert_not_reached ();
}

static void
test_attention_week_40 (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (40);
  const UppAttentionItem *item;

  /* Delayed before at risk; of the two delayed the earlier deadline. */
  g_assert_cmpuint (dashboard->attention->len, ==, 3);
  item = attention_at (dashboard, 0);
  g_assert_cmpstr (item->code, ==, "A13");
  g_assert_cmpint (item->kind, ==, UPP_ATTENTION_DELAYED);
  g_assert_cmpstr (item->reason, ==,
                   "Reported delayed in week 40 (74 % done); deadline 2026-10-16, in 2 weeks");
  g_assert_nonnull (item->comment);

  item = attention_at (dashboard, 1);
  g_assert_cmpstr (item->code, ==, "A7");
  g_assert_cmpint (item->kind, ==, UPP_ATTENTION_DELAYED);
  g_assert_cmpstr (item->reason, ==,
                   "Reported delayed in week 40 (64 % done); deadline 2026-10-30, in 4 weeks");

  item = attention_at (dashboard, 2);
  g_assert_cmpstr (item->code, ==, "A12");
  g_assert_cmpint (item->kind, ==, UPP_ATTENTION_AT_RISK);
  g_assert_cmpstr (item->lead_name, ==, "Socialförvaltningen");
  g_assert_cmpstr (item->reason, ==,
                   "Reported at risk in week 40 (42 % done); deadline 2026-11-13, in 6 weeks");
}

static void
test_attention_contradiction (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (44);
  const UppAttentionItem *item;

  /* A13 is past its deadline but its department still says "on track". */
  g_assert_cmpuint (dashboard->attention->len, ==, 2);
  item = attention_at (dashboard, 0);
  g_assert_cmpstr (item->code, ==, "A13");
  g_assert_cmpint (item->kind, ==, UPP_ATTENTION_OVERDUE);
  g_assert_true (item->contradiction);
  g_assert_cmpstr (item->reason, ==,
                   "2 weeks overdue (deadline 2026-10-16), yet reported on track in week 44");
  item = attention_at (dashboard, 1);
  g_assert_cmpstr (item->code, ==, "A7");
  g_assert_cmpint (item->kind, ==, UPP_ATTENTION_DELAYED);
}

static void
test_attention_overdue (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (48);
  const UppAttentionItem *item;

  /* Week 48 holds today (2026-11-27): counted from today. */
  g_assert_cmpuint (dashboard->attention->len, ==, 1);
  item = attention_at (dashboard, 0);
  g_assert_cmpstr (item->code, ==, "A7");
  g_assert_false (item->contradiction);
  g_assert_cmpstr (item->reason, ==,
                   "4 weeks overdue (deadline 2026-10-30); last report: delayed in week 48");
  g_assert_cmpint (dashboard->tiles[UPP_TILE_OVERDUE].value, ==, 1);
  g_assert_true (dashboard->tiles[UPP_TILE_OVERDUE].alert);
}

static void
test_attention_unreported (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (33);
  guint unreported = 0;

  /* Education sent no report for week 33. */
  for (guint i = 0; i < dashboard->attention->len; i++)
    {
      const UppAttentionItem *item = attention_at (dashboard, i);

      if (item->kind != UPP_ATTENTION_UNREPORTED)
        continue;
      unreported++;
      g_assert_cmpstr (item->lead, ==, "UTB");
      g_assert_true (g_str_has_prefix (item->reason,
                                       "No report from Utbildningsförvaltningen for week 33; "
                                       "last report: "));
      g_assert_true (g_str_has_suffix (item->reason, "in week 32"));
    }
  g_assert_cmpuint (unreported, ==, 2);
  g_assert_cmpint (dashboard->tiles[UPP_TILE_UNREPORTED].value, ==, 2);
}

/* Week 49: four actions unreported; A7 and A14 overdue (A14's deadline,
 * Monday 2026-11-30, passed by the reporting day). The decisions come
 * first; the reminders follow, a department at a time, in the order of the
 * departments' first actions. */
static void
test_attention_missing_reports (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (49);
  static const char * const codes[] = { "A1", "A4", "A5", "A8" };
  static const char * const leads[] = { "SOC", "KS", "KS", "UTB" };
  const UppMissingReports *group;

  g_assert_cmpuint (dashboard->n_decisions, ==, 2);
  /* Its last report, on track, contradicts the passed deadline: first. */
  g_assert_cmpstr (attention_at (dashboard, 0)->code, ==, "A14");
  g_assert_cmpstr (attention_at (dashboard, 0)->reason, ==,
                   "4 days overdue (deadline 2026-11-30), yet reported on track in week 48");
  g_assert_cmpint (dashboard->tiles[UPP_TILE_OVERDUE].value, ==, 2);
  for (guint i = 0; i < dashboard->n_decisions; i++)
    {
      const UppAttentionItem *item = attention_at (dashboard, i);

      g_assert_cmpint (item->kind, !=, UPP_ATTENTION_UNREPORTED);
      g_assert_true (upp_dashboard_needs_decision (find_status (dashboard, item->code)));
    }
  g_assert_cmpuint (dashboard->attention->len, ==, dashboard->n_decisions + 4);
  for (guint i = 0; i < 4; i++)
    {
      const UppAttentionItem *item = attention_at (dashboard, dashboard->n_decisions + i);

      g_assert_cmpint (item->kind, ==, UPP_ATTENTION_UNREPORTED);
      g_assert_cmpstr (item->code, ==, codes[i]);
      g_assert_cmpstr (item->lead, ==, leads[i]);
    }

  g_assert_cmpuint (dashboard->missing->len, ==, 3);
  group = g_ptr_array_index (dashboard->missing, 0);
  g_assert_cmpstr (group->lead, ==, "SOC");
  g_assert_cmpstr (group->lead_name, ==, "Socialförvaltningen");
  g_assert_cmpuint (group->actions->len, ==, 1);
  group = g_ptr_array_index (dashboard->missing, 1);
  g_assert_cmpstr (group->lead, ==, "KS");
  g_assert_cmpuint (group->actions->len, ==, 2);
  g_assert_cmpstr (((UppActionStatus *) group->actions->pdata[1])->code, ==, "A5");
  group = g_ptr_array_index (dashboard->missing, 2);
  g_assert_cmpstr (group->lead, ==, "UTB");
  g_assert_cmpuint (group->actions->len, ==, 1);
}

/* Only what needs a decision: not the unreported, not the done. */
static void
test_needs_decision (void)
{
  UppActionStatus status = { 0 };

  for (UppState state = 0; state < UPP_N_STATES; state++)
    {
      status.state = state;
      status.contradiction = FALSE;
      g_assert_true (upp_dashboard_needs_decision (&status) ==
                     (state == UPP_STATE_OVERDUE || state == UPP_STATE_DELAYED ||
                      state == UPP_STATE_AT_RISK));
      status.contradiction = TRUE;
      g_assert_true (upp_dashboard_needs_decision (&status));
    }
}

/* A deadline on Wednesday, reported on track on Friday of the same week:
 * by the one overdue rule the deadline has passed on the reporting day,
 * so the action is overdue, and the report a contradiction. */
static void
test_attention_within_week (void)
{
  UppActionStatus on_track = { 0 };
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = NULL;
  GDate reference;
  UppLatestEntry latest = { TRUE, UPP_WEEK_INIT (2026, 42), UPP_STATUS_ON_TRACK, 80 };
  g_auto(UppDerivedState) derived = { 0 };
  const UppAttentionItem *item;

  upp_status_reference_day (UPP_WEEK_INIT (2026, 42), 5, NULL, &reference);
  on_track.code = (char *) "X1";
  on_track.title = (char *) "Test";
  on_track.lead = (char *) "KS";
  on_track.lead_name = (char *) "Kommunstyrelsens förvaltning";
  on_track.deadline = date_of ("2026-10-14");
  on_track.has_entry = TRUE;
  on_track.entry_week = UPP_WEEK_INIT (2026, 42);
  on_track.entry_status = UPP_STATUS_ON_TRACK;
  upp_derive_state (NULL, &on_track.deadline, UPP_WEEK_INIT (2026, 42), &reference, &latest,
                    FALSE, &derived);
  on_track.state = derived.state;
  on_track.contradiction = derived.contradiction;
  g_assert_cmpint (on_track.state, ==, UPP_STATE_OVERDUE);
  g_ptr_array_add (statuses, &on_track);

  items = upp_dashboard_attention (statuses, UPP_WEEK_INIT (2026, 42), &reference);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->code, ==, "X1");
  g_assert_cmpint (item->kind, ==, UPP_ATTENTION_OVERDUE);
  g_assert_true (item->contradiction);
  g_assert_cmpstr (item->reason, ==,
                   "2 days overdue (deadline 2026-10-14), yet reported on track in week 42");
}

static void
test_deadline_text (void)
{
  static const struct
  {
    const char *deadline;
    UppState    state;
    const char *expected;
  } cases[] = {
    { "2026-10-02", UPP_STATE_ON_TRACK, "today" },
    { "2026-10-03", UPP_STATE_ON_TRACK, "tomorrow" },
    { "2026-10-07", UPP_STATE_ON_TRACK, "in 5 days" },
    { "2026-10-15", UPP_STATE_AT_RISK, "in 13 days" },
    { "2026-10-16", UPP_STATE_AT_RISK, "in 2 weeks" },
    { "2026-10-01", UPP_STATE_DELAYED, "1 day overdue" },
    { "2026-09-29", UPP_STATE_OVERDUE, "3 days overdue" },
    { "2026-09-11", UPP_STATE_OVERDUE, "3 weeks overdue" },
    { "2026-09-29", UPP_STATE_DONE, NULL },
  };
  GDate reference = date_of ("2026-10-02");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate deadline = date_of (cases[i].deadline);
      g_autofree char *text = upp_dashboard_deadline_text (&deadline, &reference, cases[i].state);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (upp_dashboard_deadline_passed (&deadline, &reference, cases[i].state) ==
                     (cases[i].expected != NULL && strstr (cases[i].expected, "overdue") != NULL));
    }
}

static void
test_reference_date (void)
{
  GDate today = date_of ("2026-11-25");
  GDate reference;
  g_autofree char *same = NULL;
  g_autofree char *past = NULL;

  upp_dashboard_reference_date (UPP_WEEK_INIT (2026, 48), &today, 5, &reference);
  same = upp_date_format (&reference);
  g_assert_cmpstr (same, ==, "2026-11-25");
  upp_dashboard_reference_date (UPP_WEEK_INIT (2026, 40), &today, 5, &reference);
  past = upp_date_format (&reference);
  g_assert_cmpstr (past, ==, "2026-10-02");
}

static void
test_week_texts (void)
{
  g_autofree char *title = upp_dashboard_week_title (UPP_WEEK_INIT (2026, 48));
  g_autofree char *same = upp_dashboard_week_relation (UPP_WEEK_INIT (2026, 48),
                                                       UPP_WEEK_INIT (2026, 48));
  g_autofree char *last = upp_dashboard_week_relation (UPP_WEEK_INIT (2026, 47),
                                                       UPP_WEEK_INIT (2026, 48));
  g_autofree char *ago = upp_dashboard_week_relation (UPP_WEEK_INIT (2026, 40),
                                                      UPP_WEEK_INIT (2026, 48));
  g_autofree char *next = upp_dashboard_week_relation (UPP_WEEK_INIT (2027, 1),
                                                       UPP_WEEK_INIT (2026, 53));
  g_autofree char *ahead = upp_dashboard_week_relation (UPP_WEEK_INIT (2027, 2),
                                                        UPP_WEEK_INIT (2026, 53));

  g_assert_cmpstr (title, ==, "Week 48, 2026");
  g_assert_cmpstr (same, ==, "This week");
  g_assert_cmpstr (last, ==, "Last week");
  g_assert_cmpstr (ago, ==, "8 weeks ago");
  g_assert_cmpstr (next, ==, "Next week");
  g_assert_cmpstr (ahead, ==, "In 2 weeks");
}

static void
test_filter (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (40);
  g_auto(UppActionFilter) filter;
  const UppActionStatus *a12;

  upp_action_filter_init (&filter);
  g_assert_true (upp_action_filter_is_empty (&filter));
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 14);

  filter.department = g_strdup ("SOC");
  g_assert_false (upp_action_filter_is_empty (&filter));
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 4);
  filter.state = UPP_STATE_ON_TRACK;
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 2);
  g_clear_pointer (&filter.department, g_free);
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 5);
  filter.state = UPP_N_STATES;

  filter.goal = g_strdup ("G1");
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 6);
  g_clear_pointer (&filter.goal, g_free);

  /* Case-insensitive, every word must match, comments count. */
  filter.search = g_strdup ("VANDRING");
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 2);
  a12 = upp_dashboard_find_status (dashboard, "A12");
  g_assert_nonnull (a12);
  g_assert_true (upp_action_filter_matches (&filter, a12));
  g_free (filter.search);
  filter.search = g_strdup ("vandring  belysning");
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 1);
  g_free (filter.search);
  filter.search = g_strdup ("a13");
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 1);
  g_free (filter.search);
  filter.search = g_strdup ("socialförvaltningen");
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 4);
  g_free (filter.search);
  filter.search = g_strdup ("nothing like this");
  g_assert_cmpuint (upp_action_filter_count (&filter, dashboard->statuses), ==, 0);
}

static void
test_dashboard_load (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (40);
  const UppComplianceRow *row;
  g_autofree char *last = NULL;

  g_assert_false (upp_dashboard_is_empty (dashboard));
  g_assert_cmpuint (dashboard->statuses->len, ==, 14);
  g_assert_cmpuint (dashboard->departments->len, ==, 4);
  g_assert_cmpuint (dashboard->trend->len, ==, 16);    /* weeks 25–40 */
  g_assert_cmpuint (dashboard->compliance->len, ==, 4);
  row = g_ptr_array_index (dashboard->compliance, 0);
  g_assert_cmpuint (row->n_weeks, ==, UPP_DASHBOARD_COMPLIANCE_WEEKS);
  g_assert_cmpuint (dashboard->documents->len, ==, 97);
  g_assert_cmpint (dashboard->today.week, ==, 48);
  g_assert_cmpint (dashboard->first_week.week, ==, 25);
  g_assert_cmpint (dashboard->last_week.week, ==, 48);
  g_assert_cmpstr (upp_dashboard_department_name (dashboard, "UTB"), ==,
                   "Utbildningsförvaltningen");
  g_assert_cmpstr (upp_dashboard_department_name (dashboard, "XX"), ==, "XX");
  g_assert_true (g_str_has_prefix (upp_dashboard_goal_title (dashboard, "G4"), "Ökad kommunikation"));
  g_assert_nonnull (upp_dashboard_find_action (dashboard, "A1"));
  g_assert_null (upp_dashboard_find_status (dashboard, "A99"));

  last = upp_dashboard_last_report_text (upp_dashboard_find_status (dashboard, "A1"));
  g_assert_cmpstr (last, ==, "Week 40");
}

static void
test_dashboard_empty (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "empty.db", NULL);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(UppDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = date_of ("2026-10-02");

  store = upp_store_open (path, &error);
  g_assert_no_error (error);
  dashboard = upp_dashboard_load (store, UPP_WEEK_INIT (2026, 40), &today, &error);
  g_assert_no_error (error);
  g_assert_true (upp_dashboard_is_empty (dashboard));
  g_assert_cmpuint (dashboard->statuses->len, ==, 0);
  g_assert_cmpuint (dashboard->attention->len, ==, 0);
  g_assert_cmpint (dashboard->tiles[UPP_TILE_ACTIONS].value, ==, 0);
  g_assert_cmpint (dashboard->today.week, ==, 40);

  g_assert_null (upp_dashboard_load (store, UPP_WEEK_INIT (2026, 60), &today, &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK);
}

static void
test_history_marks (void)
{
  g_autoptr(UppActionDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  guint corrected = 0, superseded = 0, week_40 = 0;

  /* KS corrected its week 36 report (KS-2026-W36-rev2.json). */
  details = upp_action_details_load (demo_store, "A7", UPP_WEEK_INIT (2026, 40), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (details->code, ==, "A7");
  for (guint i = 0; i < details->history->len; i++)
    {
      const UppHistoryEntry *entry = g_ptr_array_index (details->history, i);
      UppHistoryMark mark = upp_dashboard_history_mark (entry);

      g_assert_cmpint (upp_week_compare (entry->week, UPP_WEEK_INIT (2026, 40)), <=, 0);
      if (entry->week.week == 40)
        week_40++;
      if (mark == UPP_HISTORY_CORRECTED)
        {
          corrected++;
          g_assert_cmpint (entry->week.week, ==, 36);
          g_assert_cmpstr (upp_dashboard_history_mark_label (mark), ==, "corrected");
        }
      else if (mark == UPP_HISTORY_SUPERSEDED)
        {
          superseded++;
          g_assert_cmpint (entry->week.week, ==, 36);
          g_assert_cmpstr (upp_dashboard_history_mark_label (mark), ==, "superseded");
        }
    }
  g_assert_cmpuint (corrected, ==, 1);
  g_assert_cmpuint (superseded, ==, 1);
  g_assert_cmpuint (week_40, >=, 1);
  g_assert_null (details->note);
  g_assert_cmpuint (details->indicators->len, >, 0);

  g_assert_true (upp_store_set_note (demo_store, "A7", UPP_WEEK_INIT (2026, 40), "Följ upp", NULL));
  g_clear_pointer (&details, upp_action_details_unref);
  details = upp_action_details_load (demo_store, "A7", UPP_WEEK_INIT (2026, 40), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (details->note, ==, "Följ upp");
  g_assert_true (upp_store_set_note (demo_store, "A7", UPP_WEEK_INIT (2026, 40), NULL, NULL));
}

static void
test_document_status (void)
{
  g_autoptr(UppDashboard) dashboard = load_week (40);
  guint superseded = 0;

  for (guint i = 0; i < dashboard->documents->len; i++)
    {
      const UppDocumentInfo *info = g_ptr_array_index (dashboard->documents, i);

      if (g_str_equal (upp_dashboard_document_status (info), "Superseded"))
        {
          superseded++;
          g_assert_cmpstr (info->department, ==, "KS");
          g_assert_cmpint (info->week.week, ==, 36);
        }
      else
        g_assert_cmpstr (upp_dashboard_document_status (info), ==, "In force");
    }
  g_assert_cmpuint (superseded, ==, 1);
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int rc;

  g_setenv ("UPP_TODAY", "2026-11-27", TRUE);
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("upp-dashboard-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmp_dir, "demo.db", NULL);
  demo_store = upp_store_open (db, &error);
  g_assert_no_error (error);
  files = demo_files ();
  results = upp_import_files (demo_store, files, NULL, NULL, NULL);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, i))->status, !=,
                     UPP_IMPORT_REJECTED);

  g_test_add_func ("/dashboard/today", test_today);
  g_test_add_func ("/dashboard/import-summary", test_import_summary);
  g_test_add_func ("/dashboard/tiles/week-40", test_tiles_week_40);
  g_test_add_func ("/dashboard/tiles/first-week", test_tiles_first_week);
  g_test_add_func ("/dashboard/tiles/trend", test_tiles_trend_better);
  g_test_add_func ("/dashboard/attention/week-40", test_attention_week_40);
  g_test_add_func ("/dashboard/attention/contradiction", test_attention_contradiction);
  g_test_add_func ("/dashboard/attention/overdue", test_attention_overdue);
  g_test_add_func ("/dashboard/attention/unreported", test_attention_unreported);
  g_test_add_func ("/dashboard/attention/within-week", test_attention_within_week);
  g_test_add_func ("/dashboard/attention/missing-reports", test_attention_missing_reports);
  g_test_add_func ("/dashboard/needs-decision", test_needs_decision);
  g_test_add_func ("/dashboard/deadline-text", test_deadline_text);
  g_test_add_func ("/dashboard/reference-date", test_reference_date);
  g_test_add_func ("/dashboard/week-texts", test_week_texts);
  g_test_add_func ("/dashboard/filter", test_filter);
  g_test_add_func ("/dashboard/load", test_dashboard_load);
  g_test_add_func ("/dashboard/empty", test_dashboard_empty);
  g_test_add_func ("/dashboard/history-marks", test_history_marks);
  g_test_add_func ("/dashboard/document-status", test_document_status);

  rc = g_test_run ();

  g_clear_object (&demo_store);
  rm_rf (tmp_dir);
  g_free (tmp_dir);
  return rc;
}

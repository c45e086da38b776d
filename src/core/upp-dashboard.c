/* upp-dashboard.c — what the desktop dashboard shows for a week, and why
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-dashboard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-dashboard.h"
#include "upp-error.h"
#include "upp-import.h"

/* Tiles */

static const UppState tile_states[UPP_N_TILES] = {
  UPP_N_STATES,
  UPP_STATE_DONE,
  UPP_STATE_ON_TRACK,
  UPP_STATE_AT_RISK,
  UPP_STATE_DELAYED,
  UPP_STATE_OVERDUE,
  UPP_STATE_UNREPORTED,
};

void
upp_tile_clear (UppTile *tile)
{
  g_clear_pointer (&tile->label, g_free);
  g_clear_pointer (&tile->caption, g_free);
  g_clear_pointer (&tile->description, g_free);
}

static int
count_needing_attention (const UppStateCounts *counts)
{
  int n = 0;

  for (int s = 0; s < UPP_N_STATES; s++)
    if (upp_state_needs_attention (s))
      n += counts->counts[s];
  return n;
}

static int
tile_value (const UppStateCounts *counts,
            UppState              state)
{
  return state == UPP_N_STATES ? counts->total : counts->counts[state];
}

/* More done or on track is better; more of anything else is worse. */
static UppTrend
judge_trend (UppState state,
             int      value,
             int      previous)
{
  gboolean up_is_good;

  if (previous < 0)
    return UPP_TREND_NONE;
  if (value == previous)
    return UPP_TREND_SAME;
  if (state == UPP_N_STATES)
    return UPP_TREND_NEUTRAL;
  up_is_good = state == UPP_STATE_DONE || state == UPP_STATE_ON_TRACK;
  return (value > previous) == up_is_good ? UPP_TREND_BETTER : UPP_TREND_WORSE;
}

static char *
format_delta (int     delta,
              UppWeek previous_week)
{
  if (delta == 0)
    /* Translators: a key figure that did not change since the week before */
    return g_strdup_printf (_("Same as week %d"), previous_week.week);
  if (delta > 0)
    /* Translators: “+2 since week 39” under a key figure */
    return g_strdup_printf (_("+%d since week %d"), delta, previous_week.week);
  /* Translators: “−2 since week 39” under a key figure; a real minus sign */
  return g_strdup_printf (_("−%d since week %d"), -delta, previous_week.week);
}

static char *
describe_tile (const UppTile *tile,
               int            total,
               UppWeek        previous_week)
{
  int delta = tile->value - tile->previous;

  /* Translators: “Done: 6 of 14 actions (43 %)”, read by screen readers */
  g_autofree char *figure = g_strdup_printf (_("%s: %d of %d actions (%d %%)"), tile->label,
                                             tile->value, total, tile->percent);

  if (tile->previous < 0)
    return g_steal_pointer (&figure);
  if (delta == 0)
    /* Translators: “Done: 6 of 14 actions (43 %), as many as in week 39” */
    return g_strdup_printf (_("%s, as many as in week %d"), figure, previous_week.week);
  if (delta > 0)
    /* Translators: “Delayed: 2 of 14 actions (14 %), 1 more than in week 39” */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d more than in week %d",
                                         "%s, %d more than in week %d", delta),
                            figure, delta, previous_week.week);
  /* Translators: “On track: 5 of 14 actions (36 %), 1 fewer than in week 39” */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d fewer than in week %d",
                                       "%s, %d fewer than in week %d", -delta),
                          figure, -delta, previous_week.week);
}

/**
 * upp_dashboard_compute_tiles:
 * @counts: the states as of @week
 * @previous: (nullable): the states the week before, or %NULL when there
 *   is no week before (the first reporting week)
 * @week: the week
 * @out_tiles: (out caller-allocates): the tiles; clear each with
 *   upp_tile_clear()
 *
 * What each key figure says: its number, a caption with the change since
 * the week before (or its share of all actions when there is nothing to
 * compare with), whether the change is for the better, and one sentence
 * for screen readers.
 */
void
upp_dashboard_compute_tiles (const UppStateCounts *counts,
                             const UppStateCounts *previous,
                             UppWeek               week,
                             UppTile               out_tiles[UPP_N_TILES])
{
  UppWeek previous_week = upp_week_add (week, -1);

  g_return_if_fail (counts != NULL);

  for (int i = 0; i < UPP_N_TILES; i++)
    {
      UppTile *tile = &out_tiles[i];
      UppState state = tile_states[i];

      memset (tile, 0, sizeof *tile);
      tile->kind = i;
      tile->state = state;
      tile->value = tile_value (counts, state);
      tile->previous = previous != NULL ? tile_value (previous, state) : -1;
      tile->percent = counts->total > 0 ? (tile->value * 100 + counts->total / 2) / counts->total
                                        : 0;
      tile->trend = judge_trend (state, tile->value, tile->previous);
      tile->alert = state != UPP_N_STATES && upp_state_needs_attention (state) && tile->value > 0;

      if (state == UPP_N_STATES)
        {
          int attention = count_needing_attention (counts);

          tile->label = g_strdup (_("Actions"));
          if (attention == 0)
            tile->caption = g_strdup (_("None needs attention"));
          else
            tile->caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d needs attention",
                                                          "%d need attention", attention),
                                             attention);
          /* Translators: “14 actions in week 40, 3 need attention” */
          tile->description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%d action in week %d, %s",
                                                            "%d actions in week %d, %s",
                                                            tile->value),
                                               tile->value, week.week, tile->caption);
          continue;
        }

      tile->label = g_strdup (upp_state_get_label (state));
      if (tile->previous >= 0)
        tile->caption = format_delta (tile->value - tile->previous, previous_week);
      else
        /* Translators: “43 % of all actions” under a key figure */
        tile->caption = g_strdup_printf (_("%d %% of all actions"), tile->percent);
      tile->description = describe_tile (tile, counts->total, previous_week);
    }
}

/* Weeks and deadlines */

/**
 * upp_dashboard_get_today:
 * @out_date: (out caller-allocates): today's date
 *
 * Today, or the date in the environment variable `UPP_TODAY` (as
 * upp_week_today() honours it) for tests and screenshots.
 */
void
upp_dashboard_get_today (GDate *out_date)
{
  upp_status_get_today (out_date);
}

/**
 * upp_dashboard_reference_date:
 * @week: the "as of" week
 * @today: today's date
 * @due_weekday: the day reports are due, 1 = Monday … 7 = Sunday
 * @out_date: (out caller-allocates): the date
 *
 * The day "in 5 days" and "3 days overdue" are counted from: the one
 * overdue rule's reference day (upp_status_reference_day()), which also
 * decides the state. Today in the current week, otherwise the reporting day
 * of @week, so that looking back at week 30 reads as it did in week 30.
 */
void
upp_dashboard_reference_date (UppWeek      week,
                              const GDate *today,
                              int          due_weekday,
                              GDate       *out_date)
{
  g_return_if_fail (today != NULL && g_date_valid (today));

  upp_status_reference_day (week, due_weekday, today, out_date);
}

static int
days_between (const GDate *from,
              const GDate *to)
{
  return upp_status_days_to_deadline (to, from);
}

/**
 * upp_dashboard_deadline_passed:
 * @deadline: the deadline
 * @reference: the reference date
 * @state: the action's state
 *
 * Returns: whether the deadline lies before @reference and the action is
 *   not done
 */
gboolean
upp_dashboard_deadline_passed (const GDate *deadline,
                               const GDate *reference,
                               UppState     state)
{
  g_return_val_if_fail (deadline != NULL && reference != NULL, FALSE);

  if (state == UPP_STATE_DONE || !g_date_valid (deadline) || !g_date_valid (reference))
    return FALSE;
  return upp_status_deadline_passed (deadline, reference);
}

static char *
format_days (int days)
{
  int weeks;

  if (days == 0)
    return g_strdup (C_("deadline", "today"));
  if (days == 1)
    return g_strdup (C_("deadline", "tomorrow"));
  if (days > 1 && days < 14)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  if (days >= 14)
    {
      weeks = days / 7;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d week", "in %d weeks", weeks),
                              weeks);
    }
  if (days > -14)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                         -days),
                            -days);
  weeks = -days / 7;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week overdue", "%d weeks overdue",
                                       weeks),
                          weeks);
}

/**
 * upp_dashboard_deadline_text:
 * @deadline: the deadline
 * @reference: the day to count from (upp_dashboard_reference_date())
 * @state: the action's state
 *
 * Returns: (transfer full) (nullable): "in 5 days", "tomorrow", "today",
 *   "3 days overdue", "in 6 weeks"; %NULL for a done action, whose deadline
 *   no longer counts down
 */
char *
upp_dashboard_deadline_text (const GDate *deadline,
                             const GDate *reference,
                             UppState     state)
{
  g_return_val_if_fail (deadline != NULL && reference != NULL, NULL);

  if (state == UPP_STATE_DONE || !g_date_valid (deadline) || !g_date_valid (reference))
    return NULL;
  return format_days (days_between (reference, deadline));
}

/**
 * upp_dashboard_week_title:
 * @week: a week
 *
 * Returns: (transfer full): "Week 48, 2026"
 */
char *
upp_dashboard_week_title (UppWeek week)
{
  /* Translators: the week selector's label, “Week 48, 2026” */
  return g_strdup_printf (_("Week %d, %d"), week.week, week.year);
}

/**
 * upp_dashboard_week_relation:
 * @week: a week
 * @today: the current week
 *
 * Returns: (transfer full): "This week", "Last week", "3 weeks ago",
 *   "Next week", "In 2 weeks"
 */
char *
upp_dashboard_week_relation (UppWeek week,
                             UppWeek today)
{
  int diff = upp_week_diff (week, today);

  if (diff == 0)
    return g_strdup (_("This week"));
  if (diff == -1)
    return g_strdup (_("Last week"));
  if (diff == 1)
    return g_strdup (_("Next week"));
  if (diff < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week ago", "%d weeks ago", -diff),
                            -diff);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d week", "In %d weeks", diff), diff);
}

/**
 * upp_dashboard_last_report_text:
 * @status: an action's status
 *
 * Returns: (transfer full): "Week 40", or "Never" when the lead department
 *   never reported on the action
 */
char *
upp_dashboard_last_report_text (const UppActionStatus *status)
{
  g_return_val_if_fail (status != NULL, NULL);

  if (!status->has_entry)
    return g_strdup (C_("last report", "Never"));
  /* Translators: the week of an action's latest report, “Week 40” */
  return g_strdup_printf (_("Week %d"), status->entry_week.week);
}

/* Needs attention */

void
upp_attention_item_free (UppAttentionItem *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->title);
  g_free (self->lead);
  g_free (self->lead_name);
  g_free (self->reason);
  g_free (self->comment);
  g_free (self);
}

static char *
status_word (UppStatus status)
{
  return g_utf8_strdown (upp_status_get_label (status), -1);
}

static char *
describe_latest (const UppActionStatus *status)
{
  g_autofree char *word = NULL;

  if (!status->has_entry)
    return g_strdup (_("never reported"));
  word = status_word (status->entry_status);
  /* Translators: “last report: on track in week 32” */
  return g_strdup_printf (_("last report: %s in week %d"), word, status->entry_week.week);
}

static char *
describe_deadline (const UppActionStatus *status,
                   const GDate           *reference)
{
  g_autofree char *date = upp_date_format (&status->deadline);
  g_autofree char *when = upp_dashboard_deadline_text (&status->deadline, reference,
                                                       status->state);

  /* Translators: “deadline 2026-10-30, in 4 weeks” */
  return g_strdup_printf (_("deadline %s, %s"), date, when);
}

static UppAttentionItem *
attention_item_new (const UppActionStatus *status,
                    UppAttentionKind       kind,
                    int                    severity)
{
  UppAttentionItem *item = g_new0 (UppAttentionItem, 1);

  item->code = g_strdup (status->code);
  item->title = g_strdup (status->title);
  item->lead = g_strdup (status->lead);
  item->lead_name = g_strdup (status->lead_name);
  item->kind = kind;
  item->state = status->state;
  item->contradiction = status->contradiction;
  item->severity = severity;
  item->deadline = status->deadline;
  item->comment = g_strdup (status->comment);
  return item;
}

static UppAttentionItem *
judge_attention (const UppActionStatus *status,
                 UppWeek                week,
                 const GDate           *reference)
{
  UppAttentionItem *item = NULL;
  g_autofree char *date = upp_date_format (&status->deadline);
  g_autofree char *word = status->has_entry ? status_word (status->entry_status) : NULL;

  switch (status->state)
    {
    case UPP_STATE_OVERDUE:
      {
        g_autofree char *late = format_days (days_between (reference, &status->deadline));

        /* A report that says "on track" after the deadline is worse than an
         * honest "delayed": the department has not noticed. */
        item = attention_item_new (status, UPP_ATTENTION_OVERDUE,
                                   status->contradiction ? 650 : 600);
        if (status->contradiction)
          /* Translators: “4 weeks overdue (deadline 2026-10-16), yet reported on track in week 44” */
          item->reason = g_strdup_printf (_("%s (deadline %s), yet reported %s in week %d"),
                                          late, date, word, status->entry_week.week);
        else
          {
            g_autofree char *latest = describe_latest (status);

            /* Translators: “4 weeks overdue (deadline 2026-10-30); last report: delayed in week 48” */
            item->reason = g_strdup_printf (_("%s (deadline %s); %s"), late, date, latest);
          }
        item->reason[0] = g_ascii_toupper (item->reason[0]);
      }
      break;

    case UPP_STATE_DELAYED:
    case UPP_STATE_AT_RISK:
      {
        g_autofree char *deadline = describe_deadline (status, reference);

        item = attention_item_new (status,
                                   status->state == UPP_STATE_DELAYED ? UPP_ATTENTION_DELAYED
                                                                      : UPP_ATTENTION_AT_RISK,
                                   status->state == UPP_STATE_DELAYED ? 500 : 400);
        /* Translators: “Reported at risk in week 40 (42 % done); deadline 2026-11-13, in 6 weeks” */
        item->reason = g_strdup_printf (_("Reported %s in week %d (%d %% done); %s"), word,
                                        status->entry_week.week, status->progress, deadline);
      }
      break;

    case UPP_STATE_UNREPORTED:
      {
        g_autofree char *latest = describe_latest (status);

        item = attention_item_new (status, UPP_ATTENTION_UNREPORTED, 0);
        /* Translators: “No report from Socialförvaltningen for week 33; last report: on track in week 32” */
        item->reason = g_strdup_printf (_("No report from %s for week %d; %s"),
                                        status->lead_name != NULL ? status->lead_name
                                                                  : status->lead,
                                        week.week, latest);
      }
      break;

    /* Not overdue: by the one overdue rule, their deadline has not passed. */
    case UPP_STATE_ON_TRACK:
    case UPP_STATE_NOT_STARTED:
    case UPP_STATE_DONE:
    case UPP_N_STATES:
    default:
      break;
    }

  return item;
}

typedef struct
{
  UppAttentionItem *item;
  guint             position;
  guint             group;     /* the lead's first position, for the unreported */
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;
  gboolean a_missing = ra->item->kind == UPP_ATTENTION_UNREPORTED;
  gboolean b_missing = rb->item->kind == UPP_ATTENTION_UNREPORTED;
  int by_date;

  /* Decisions first; then who to remind, a department at a time. */
  if (a_missing != b_missing)
    return a_missing ? 1 : -1;
  if (a_missing)
    {
      if (ra->group != rb->group)
        return ra->group < rb->group ? -1 : 1;
      return ra->position < rb->position ? -1 : ra->position > rb->position;
    }
  if (ra->item->severity != rb->item->severity)
    return ra->item->severity > rb->item->severity ? -1 : 1;
  by_date = g_date_compare (&ra->item->deadline, &rb->item->deadline);
  if (by_date != 0)
    return by_date;
  return ra->position < rb->position ? -1 : ra->position > rb->position;
}

/**
 * upp_dashboard_attention:
 * @statuses: (element-type UppActionStatus): rows of upp_store_query_status()
 * @week: their week
 * @reference: the day deadlines are counted from
 *
 * The "Needs attention" list: first what needs a decision (overdue,
 * delayed and at-risk actions, and the reports that contradict the
 * definition), each with a sentence saying why, the most severe first:
 * overdue with a contradicting report, overdue, delayed, a contradiction,
 * at risk; then the earliest deadline; then package order. After them the
 * unreported actions, who to remind rather than what to decide, grouped by
 * lead department in package order (upp_dashboard_missing_reports()).
 *
 * Returns: (transfer full) (element-type UppAttentionItem): the items
 */
GPtrArray *
upp_dashboard_attention (GPtrArray   *statuses,
                         UppWeek      week,
                         const GDate *reference)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *items;

  g_return_val_if_fail (statuses != NULL, NULL);
  g_return_val_if_fail (reference != NULL && g_date_valid (reference), NULL);

  for (guint i = 0; i < statuses->len; i++)
    {
      const UppActionStatus *status = g_ptr_array_index (statuses, i);
      UppAttentionItem *item = judge_attention (status, week, reference);

      if (status->lead != NULL && !g_hash_table_contains (groups, status->lead))
        g_hash_table_insert (groups, status->lead, GUINT_TO_POINTER (i));
      if (item != NULL)
        g_array_append_val (ranked, ((Ranked) { item, i,
                                                GPOINTER_TO_UINT (g_hash_table_lookup (groups,
                                                                                       status->lead)) }));
    }
  g_array_sort (ranked, compare_ranked);

  items = g_ptr_array_new_full (ranked->len, (GDestroyNotify) upp_attention_item_free);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (items, g_array_index (ranked, Ranked, i).item);
  return items;
}

/**
 * upp_dashboard_needs_decision:
 * @status: an action's status
 *
 * Returns: whether the action needs a decision: overdue, delayed or at
 *   risk, or reported in contradiction with its definition. An unreported
 *   action does not: it needs a reminder to its department.
 */
gboolean
upp_dashboard_needs_decision (const UppActionStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  return status->contradiction || status->state == UPP_STATE_OVERDUE ||
         status->state == UPP_STATE_DELAYED || status->state == UPP_STATE_AT_RISK;
}

void
upp_missing_reports_free (UppMissingReports *self)
{
  if (self == NULL)
    return;
  g_free (self->lead);
  g_free (self->lead_name);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_free (self);
}

/**
 * upp_dashboard_missing_reports:
 * @statuses: (element-type UppActionStatus): rows of upp_store_query_status()
 *
 * The "Missing Reports" section: the unreported actions, grouped by lead
 * department, the departments in the order of their first action.
 *
 * Returns: (transfer full) (element-type UppMissingReports): one group per
 *   department with unreported actions; the groups borrow from @statuses
 */
GPtrArray *
upp_dashboard_missing_reports (GPtrArray *statuses)
{
  g_autoptr(GHashTable) by_lead = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_missing_reports_free);

  g_return_val_if_fail (statuses != NULL, groups);

  for (guint i = 0; i < statuses->len; i++)
    {
      UppActionStatus *status = g_ptr_array_index (statuses, i);
      UppMissingReports *group;

      if (status->state != UPP_STATE_UNREPORTED)
        continue;
      group = g_hash_table_lookup (by_lead, status->lead != NULL ? status->lead : "");
      if (group == NULL)
        {
          group = g_new0 (UppMissingReports, 1);
          group->lead = g_strdup (status->lead != NULL ? status->lead : "");
          group->lead_name = g_strdup (status->lead_name != NULL ? status->lead_name
                                                                 : group->lead);
          group->actions = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_lead, group->lead, group);
        }
      g_ptr_array_add (group->actions, status);
    }
  return groups;
}

/* Filters */

void
upp_action_filter_init (UppActionFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->state = UPP_N_STATES;
}

void
upp_action_filter_clear (UppActionFilter *filter)
{
  g_clear_pointer (&filter->department, g_free);
  g_clear_pointer (&filter->goal, g_free);
  g_clear_pointer (&filter->search, g_free);
  filter->state = UPP_N_STATES;
}

gboolean
upp_action_filter_is_empty (const UppActionFilter *filter)
{
  g_return_val_if_fail (filter != NULL, TRUE);

  return (filter->department == NULL || *filter->department == '\0') &&
         filter->state >= UPP_N_STATES &&
         (filter->goal == NULL || *filter->goal == '\0') &&
         (filter->search == NULL || *filter->search == '\0');
}

/* Case and accents fold the same way on both sides: "vandring" finds
 * "Föräldravandringar", "KS" finds "ks". */
static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

static gboolean
search_matches (const char            *search,
                const UppActionStatus *status)
{
  g_autofree char *needle = fold (search);
  g_autofree char *haystack = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = g_strjoin ("\n",
                                       status->code != NULL ? status->code : "",
                                       status->title != NULL ? status->title : "",
                                       status->goal != NULL ? status->goal : "",
                                       status->lead != NULL ? status->lead : "",
                                       status->lead_name != NULL ? status->lead_name : "",
                                       status->comment != NULL ? status->comment : "",
                                       NULL);

  haystack = fold (joined);
  words = g_strsplit_set (needle, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * upp_action_filter_matches:
 * @filter: a filter
 * @status: an action's status
 *
 * Returns: whether the action list shows @status under @filter: every set
 *   criterion must hold
 */
gboolean
upp_action_filter_matches (const UppActionFilter *filter,
                           const UppActionStatus *status)
{
  g_return_val_if_fail (filter != NULL, TRUE);
  g_return_val_if_fail (status != NULL, FALSE);

  if (filter->department != NULL && *filter->department != '\0' &&
      g_strcmp0 (filter->department, status->lead) != 0)
    return FALSE;
  if (filter->state < UPP_N_STATES && filter->state != status->state)
    return FALSE;
  if (filter->goal != NULL && *filter->goal != '\0' && g_strcmp0 (filter->goal, status->goal) != 0)
    return FALSE;
  if (filter->search != NULL && *filter->search != '\0' && !search_matches (filter->search, status))
    return FALSE;
  return TRUE;
}

/**
 * upp_action_filter_count:
 * @filter: a filter
 * @statuses: (element-type UppActionStatus): rows
 *
 * Returns: how many of @statuses @filter keeps
 */
guint
upp_action_filter_count (const UppActionFilter *filter,
                         GPtrArray             *statuses)
{
  guint n = 0;

  for (guint i = 0; i < statuses->len; i++)
    if (upp_action_filter_matches (filter, g_ptr_array_index (statuses, i)))
      n++;
  return n;
}

/* History, documents, imports */

/**
 * upp_dashboard_history_mark:
 * @entry: a history entry
 *
 * Returns: whether @entry is superseded by a later correction (dimmed),
 *   a correction in force (marked "corrected") or neither
 */
UppHistoryMark
upp_dashboard_history_mark (const UppHistoryEntry *entry)
{
  g_return_val_if_fail (entry != NULL, UPP_HISTORY_ORIGINAL);

  if (!entry->is_current)
    return UPP_HISTORY_SUPERSEDED;
  if (entry->revision > 1)
    return UPP_HISTORY_CORRECTED;
  return UPP_HISTORY_ORIGINAL;
}

const char *
upp_dashboard_history_mark_label (UppHistoryMark mark)
{
  switch (mark)
    {
    case UPP_HISTORY_CORRECTED: return C_("history", "corrected");
    case UPP_HISTORY_SUPERSEDED: return C_("history", "superseded");
    case UPP_HISTORY_ORIGINAL:
    default:
      return NULL;
    }
}

/**
 * upp_dashboard_document_status:
 * @info: an imported document
 *
 * Returns: "In force" or "Superseded"
 */
const char *
upp_dashboard_document_status (const UppDocumentInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (info->refused)
    return C_("document", "Refused");
  if (info->pending)
    return C_("document", "Waiting for a decision");
  return info->is_current ? C_("document", "In force") : C_("document", "Superseded");
}

/**
 * upp_dashboard_import_summary:
 * @results: (element-type UppImportResult): one batch's results
 *
 * Returns: (transfer full): one line for a toast: "3 reports imported",
 *   "1 package imported, 96 reports imported", "2 files already imported,
 *   1 file rejected"
 */
char *
upp_dashboard_import_summary (GPtrArray *results)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint packages = 0, reports = 0, duplicates = 0, rejected = 0, pending = 0;

  g_return_val_if_fail (results != NULL, NULL);

  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);

      switch (result->status)
        {
        case UPP_IMPORT_IMPORTED:
        case UPP_IMPORT_SUPERSEDED:
        case UPP_IMPORT_KEPT_OLDER:
          if (result->kind == UPP_DOCUMENT_PACKAGE)
            packages++;
          else
            reports++;
          break;
        case UPP_IMPORT_DUPLICATE:
          duplicates++;
          break;
        case UPP_IMPORT_PENDING:
          pending++;
          break;
        case UPP_IMPORT_OTHER_PACKAGE:
          break;
        case UPP_IMPORT_REJECTED:
        default:
          rejected++;
          break;
        }
    }

  if (results->len == 0)
    return g_strdup (_("No files to import"));
  if (packages > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u package imported",
                                                          "%u packages imported", packages),
                                             packages));
  if (reports > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report imported",
                                                          "%u reports imported", reports),
                                             reports));
  if (duplicates > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u file already imported",
                                                          "%u files already imported",
                                                          duplicates),
                                             duplicates));
  if (pending > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u package revision waits for a decision",
                                                          "%u package revisions wait for a decision",
                                                          pending),
                                             pending));
  if (rejected > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file rejected",
                                                          "%u files rejected", rejected),
                                             rejected));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* The dashboard of a week */

static void
upp_dashboard_free (UppDashboard *self)
{
  for (int i = 0; i < UPP_N_TILES; i++)
    upp_tile_clear (&self->tiles[i]);
  g_clear_pointer (&self->package, upp_package_free);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->attention, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->deadlines, g_ptr_array_unref);
  g_clear_pointer (&self->trend, g_ptr_array_unref);
  g_clear_pointer (&self->compliance, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->pending_revisions, g_ptr_array_unref);
}

/* A boxed type, so that the GUI can hold a dashboard in a property. */
G_DEFINE_BOXED_TYPE (UppDashboard, upp_dashboard, upp_dashboard_ref, upp_dashboard_unref)

UppDashboard *
upp_dashboard_ref (UppDashboard *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
upp_dashboard_unref (UppDashboard *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) upp_dashboard_free);
}

static GPtrArray *
empty_array (GDestroyNotify free_func)
{
  return g_ptr_array_new_with_free_func (free_func);
}

/**
 * upp_dashboard_load:
 * @store: a #UppStore
 * @week: the "as of" week
 * @today: today's date (upp_dashboard_get_today())
 * @error: a #GError
 *
 * Runs every query the overview, the action list and the reports view need
 * for @week. Blocks: call it in a worker thread. A store without a package
 * gives an empty dashboard (upp_dashboard_is_empty()), not an error.
 *
 * Returns: (transfer full): the dashboard, or %NULL with @error set
 */
UppDashboard *
upp_dashboard_load (UppStore     *store,
                    UppWeek       week,
                    const GDate  *today,
                    GError      **error)
{
  g_autoptr(UppDashboard) self = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  UppWeek first;
  int due_weekday = 5;
  int n_weeks;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!upp_week_is_valid (week))
    {
      g_autofree char *text = upp_week_format (week);

      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK, _("%s is not a week"), text);
      return NULL;
    }

  self = g_atomic_rc_box_new0 (UppDashboard);
  self->week = week;
  self->today = upp_week_from_date (today);
  self->package = upp_store_get_package (store, NULL);
  if (self->package != NULL)
    due_weekday = self->package->due_weekday;
  upp_dashboard_reference_date (week, today, due_weekday, &self->reference);
  self->first_week = self->package != NULL ? self->package->first_week : week;
  self->last_week = self->today;
  if (self->package != NULL)
    {
      UppWeek last_report = upp_store_get_last_report_week (store);

      if (upp_week_compare (last_report, self->last_week) > 0)
        self->last_week = last_report;
    }

  if (self->package == NULL)
    {
      self->statuses = empty_array ((GDestroyNotify) upp_action_status_free);
      self->attention = empty_array ((GDestroyNotify) upp_attention_item_free);
      self->missing = empty_array ((GDestroyNotify) upp_missing_reports_free);
      self->departments = empty_array ((GDestroyNotify) upp_department_counts_free);
      self->deadlines = empty_array ((GDestroyNotify) upp_deadline_free);
      self->trend = empty_array ((GDestroyNotify) upp_trend_point_free);
      self->compliance = empty_array ((GDestroyNotify) upp_compliance_row_free);
      self->documents = upp_store_list_documents (store, error);
      if (self->documents == NULL)
        return NULL;
      self->pending_revisions = g_ptr_array_new ();
      upp_dashboard_compute_tiles (&self->counts, NULL, week, self->tiles);
      return g_steal_pointer (&self);
    }

  if ((self->statuses = upp_store_query_status (store, week, NULL, error)) == NULL)
    return NULL;
  upp_store_count_states (self->statuses, &self->counts);

  first = self->package->first_week;
  self->has_previous = upp_week_compare (week, first) > 0;
  if (self->has_previous)
    {
      if ((previous = upp_store_query_status (store, upp_week_add (week, -1), NULL, error)) == NULL)
        return NULL;
      upp_store_count_states (previous, &self->previous);
    }
  upp_dashboard_compute_tiles (&self->counts, self->has_previous ? &self->previous : NULL, week,
                               self->tiles);
  self->attention = upp_dashboard_attention (self->statuses, week, &self->reference);
  for (guint i = 0; i < self->attention->len; i++)
    if (((UppAttentionItem *) self->attention->pdata[i])->kind != UPP_ATTENTION_UNREPORTED)
      self->n_decisions++;
  self->missing = upp_dashboard_missing_reports (self->statuses);

  n_weeks = CLAMP (upp_week_diff (week, first) + 1, 1, UPP_DASHBOARD_COMPLIANCE_WEEKS);
  if ((self->departments = upp_store_query_department_counts (store, week, error)) == NULL ||
      (self->deadlines = upp_store_query_deadlines (store, week, UPP_DASHBOARD_DEADLINE_WEEKS,
                                                    error)) == NULL ||
      (self->trend = upp_store_query_trend (store, week, error)) == NULL ||
      (self->compliance = upp_store_query_compliance (store, week, n_weeks, error)) == NULL ||
      (self->documents = upp_store_list_documents (store, error)) == NULL ||
      (self->pending_revisions = upp_import_list_pending_revisions (store, error)) == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * upp_dashboard_is_empty:
 * @self: a dashboard
 *
 * Returns: whether the store held no action package: the window offers the
 *   example and an import instead
 */
gboolean
upp_dashboard_is_empty (const UppDashboard *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->package == NULL;
}

const UppActionStatus *
upp_dashboard_find_status (const UppDashboard *self,
                           const char         *code)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; code != NULL && i < self->statuses->len; i++)
    {
      const UppActionStatus *status = g_ptr_array_index (self->statuses, i);

      if (g_strcmp0 (status->code, code) == 0)
        return status;
    }
  return NULL;
}

const UppAction *
upp_dashboard_find_action (const UppDashboard *self,
                           const char         *code)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->package == NULL || code == NULL)
    return NULL;
  return upp_package_find_action (self->package, code);
}

/**
 * upp_dashboard_department_name:
 * @self: a dashboard
 * @code: a department code
 *
 * Returns: (transfer none): the department's name, or @code itself when
 *   the package does not know it
 */
const char *
upp_dashboard_department_name (const UppDashboard *self,
                               const char         *code)
{
  const UppDepartment *department;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->package == NULL || code == NULL)
    return code;
  department = upp_package_find_department (self->package, code);
  return department != NULL ? department->name : code;
}

/**
 * upp_dashboard_goal_title:
 * @self: a dashboard
 * @code: a goal code
 *
 * Returns: (transfer none): the goal's title, or @code when unknown
 */
const char *
upp_dashboard_goal_title (const UppDashboard *self,
                          const char         *code)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; self->package != NULL && code != NULL && i < self->package->goals->len; i++)
    {
      const UppGoal *goal = g_ptr_array_index (self->package->goals, i);

      if (g_strcmp0 (goal->code, code) == 0)
        return goal->title;
    }
  return code;
}

/* The detail of one action */

/**
 * upp_action_details_load:
 * @store: a #UppStore
 * @code: an action code
 * @week: the "as of" week
 * @error: a #GError
 *
 * The history, the indicator series and the leadership note of one action.
 * Blocks: call it in a worker thread.
 *
 * Returns: (transfer full): the details, or %NULL with @error set
 */
UppActionDetails *
upp_action_details_load (UppStore    *store,
                         const char  *code,
                         UppWeek      week,
                         GError     **error)
{
  g_autoptr(UppActionDetails) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  self = g_atomic_rc_box_new0 (UppActionDetails);
  self->code = g_strdup (code);
  self->week = week;
  if ((self->history = upp_store_query_history (store, code, week, error)) == NULL ||
      (self->indicators = upp_store_query_indicator_series (store, week, code, error)) == NULL)
    return NULL;
  self->note = upp_store_get_note (store, code, week, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

static void
upp_action_details_clear (UppActionDetails *self)
{
  g_free (self->code);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_free (self->note);
}

UppActionDetails *
upp_action_details_ref (UppActionDetails *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
upp_action_details_unref (UppActionDetails *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) upp_action_details_clear);
}

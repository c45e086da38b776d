/* upp-briefing.c — the weekly PDF briefing for the municipal director
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "upp-briefing-private.h"
#include "upp-error.h"

#define UPP_N_COMPLIANCE_WEEKS 8
#define UPP_N_DEADLINE_WEEKS   8
#define MAX_INDICATOR_CHARTS 24
#define MAX_INDICATOR_VALUES 8
#define MAX_DONE_TITLES    12

static guint32
rgba_to_rgb (const UppRgba *rgba)
{
  return ((guint32) (rgba->red * 255 + 0.5) << 16) | ((guint32) (rgba->green * 255 + 0.5) << 8) |
         (guint32) (rgba->blue * 255 + 0.5);
}

static const char *
department_name (UppBriefing *self,
                 const char  *code)
{
  const UppDepartment *department = upp_package_find_department (self->package, code);

  return department != NULL ? department->name : code;
}

/* Options */

/* The language the messages come out in: what gettext itself looks at,
 * LANGUAGE unless the locale is C, then the messages locale. */
static char *
default_language (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");
  gboolean c_locale = messages == NULL || g_str_equal (messages, "C") ||
                      g_str_equal (messages, "POSIX");
  const char *name = messages;

  if (!c_locale && language != NULL && *language != '\0')
    name = language;
  if (name != NULL && g_str_has_prefix (name, "sv"))
    return g_strdup ("sv-SE");
  return g_strdup ("en");
}

GDateTime *
upp_briefing_default_generated (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0' && seconds >= 0)
        return g_date_time_new_from_unix_utc (seconds);
      g_warning ("SOURCE_DATE_EPOCH=%s is not a number of seconds; using the time now", epoch);
    }
  return g_date_time_new_now_utc ();
}

/* Data: every query once, then grouping in memory. */

static int
compare_deadline_rows (gconstpointer a,
                       gconstpointer b)
{
  const UppDeadline *da = *(UppDeadline * const *) a;
  const UppDeadline *db = *(UppDeadline * const *) b;
  int by_date = g_date_compare (&da->deadline, &db->deadline);

  return by_date != 0 ? by_date : g_strcmp0 (da->action_code, db->action_code);
}

static gboolean
collect (UppBriefing  *self,
         UppStore     *store,
         GError      **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) by_department = g_hash_table_new (g_str_hash, g_str_equal);
  UppWeek last_deadline_week = upp_week_add (self->week, UPP_N_DEADLINE_WEEKS - 1);

  self->package = upp_store_get_package (store, error);
  if (self->package == NULL)
    return FALSE;
  self->action_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->package->actions->len; i++)
    {
      UppAction *action = g_ptr_array_index (self->package->actions, i);

      g_hash_table_insert (self->action_by_code, action->code, action);
    }

  self->statuses = upp_store_query_status (store, self->week, NULL, error);
  if (self->statuses == NULL)
    return FALSE;
  self->before = upp_store_query_status (store, upp_week_add (self->week, -1), NULL, error);
  if (self->before == NULL)
    return FALSE;
  upp_store_count_states (self->statuses, &self->counts);

  /* Departments and deadlines, as the store would give them, from the one
   * status query. */
  self->department_counts = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_department_counts_free);
  for (guint i = 0; i < self->package->departments->len; i++)
    {
      const UppDepartment *department = g_ptr_array_index (self->package->departments, i);
      UppDepartmentCounts *row = g_new0 (UppDepartmentCounts, 1);

      row->code = g_strdup (department->code);
      row->name = g_strdup (department->name);
      row->partner = department->partner;
      g_ptr_array_add (self->department_counts, row);
      g_hash_table_insert (by_department, row->code, row);
    }

  self->deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_deadline_free);
  for (guint i = 0; i < self->statuses->len; i++)
    {
      const UppActionStatus *status = g_ptr_array_index (self->statuses, i);
      UppDepartmentCounts *row = g_hash_table_lookup (by_department, status->lead);
      UppWeek due = upp_week_from_date (&status->deadline);

      if (row != NULL)
        upp_state_counts_add (&row->counts, status->state);

      if (status->state == UPP_STATE_OVERDUE ||
          (upp_week_compare (due, self->week) >= 0 &&
           upp_week_compare (due, last_deadline_week) <= 0 && status->state != UPP_STATE_DONE))
        {
          UppDeadline *deadline = g_new0 (UppDeadline, 1);

          deadline->action_code = g_strdup (status->code);
          deadline->title = g_strdup (status->title);
          deadline->lead_code = g_strdup (status->lead);
          deadline->deadline = status->deadline;
          deadline->state = status->state;
          g_ptr_array_add (self->deadlines, deadline);
        }
    }
  g_ptr_array_sort (self->deadlines, compare_deadline_rows);

  self->compliance = upp_store_query_compliance (store, self->week, UPP_N_COMPLIANCE_WEEKS, error);
  if (self->compliance == NULL)
    return FALSE;

  self->notes = upp_store_list_notes (store, self->week, error);
  if (self->notes == NULL)
    return FALSE;
  self->note_by_action = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->notes->len; i++)
    {
      UppNote *note = g_ptr_array_index (self->notes, i);

      if (upp_briefing_has_text (note->text))
        g_hash_table_insert (self->note_by_action, note->action, note);
    }

  /* Corrections: reports for this week that were corrected, and any
   * correction sent in this week. */
  documents = upp_store_list_documents (store, error);
  if (documents == NULL)
    return FALSE;
  self->corrections = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_info_free);
  for (guint i = 0; i < documents->len; i++)
    {
      UppDocumentInfo *info = g_ptr_array_index (documents, i);
      GDate submitted;
      gboolean sent_this_week = FALSE;

      if (g_strcmp0 (info->kind, "report") != 0 || info->revision < 2 || !info->is_current)
        continue;
      if (info->submitted != NULL && strlen (info->submitted) >= 10)
        {
          g_autofree char *day = g_strndup (info->submitted, 10);

          sent_this_week = upp_date_parse (day, &submitted) &&
                           upp_week_compare (upp_week_from_date (&submitted), self->week) == 0;
        }
      if (sent_this_week || upp_week_compare (info->week, self->week) == 0)
        g_ptr_array_add (self->corrections, g_steal_pointer (&g_ptr_array_index (documents, i)));
    }

  return TRUE;
}

/* 1. The first page */

static char *
week_range (UppWeek week)
{
  GDate monday;
  GDate sunday;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  upp_week_get_day (week, 1, &monday);
  upp_week_get_day (week, 7, &sunday);
  from = upp_date_format (&monday);
  to = upp_date_format (&sunday);
  return g_strdup_printf ("%s – %s", from, to);
}

static guint
upp_briefing_count_needing_attention (UppBriefing *self)
{
  guint n = 0;

  for (guint i = 0; i < self->statuses->len; i++)
    if (upp_state_needs_attention (((UppActionStatus *) g_ptr_array_index (self->statuses, i))->state))
      n++;
  return n;
}

static guint
count_missing (UppBriefing *self)
{
  guint n = 0;

  for (guint i = 0; i < self->compliance->len; i++)
    {
      const UppComplianceRow *row = g_ptr_array_index (self->compliance, i);

      if (row->cells[row->n_weeks - 1] == UPP_COMPLIANCE_MISSING)
        n++;
    }
  return n;
}

static void
title_block (UppBuilder *b)
{
  UppBriefing *self = b->self;
  UppChunk *chunk = upp_chunk_new (self);
  g_autofree char *organisation = upp_briefing_esc (self->organisation);
  g_autofree char *title = upp_briefing_esc (self->package->title);
  g_autofree char *subtitle = g_strdup_printf (_("Situation report week %d"), self->week.week);
  g_autofree char *subtitle_markup = upp_briefing_esc (subtitle);
  g_autofree char *range = week_range (self->week);
  g_autofree char *generated_date = g_date_time_format (self->generated, "%Y-%m-%d");
  g_autofree char *meta = NULL;
  PangoLayout *layout;
  double y = 0;

  /* Translators: week 2026-W40: dates; generated: date */
  meta = g_strdup_printf (_("%d-W%02d: %s · Generated %s"), self->week.year, self->week.week,
                          range, generated_date);
  {
    char *markup = upp_briefing_esc (meta);

    g_free (meta);
    meta = markup;
  }
  if (self->summary)
    {
      g_autofree char *note = upp_briefing_esc (_("Summary: without comments, next steps, risks "
                                                  "and leadership notes"));
      g_autofree char *with_note = g_strdup_printf ("%s\n<b>%s</b>", meta, note);

      g_free (meta);
      meta = g_steal_pointer (&with_note);
    }

  upp_chunk_tag_begin (chunk, "P", NULL, TRUE);
  layout = upp_briefing_text (self, UPP_TEXT_ORGANISATION, organisation, UPP_TEXT_WIDTH,
                              PANGO_ALIGN_LEFT);
  upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, y, UPP_INK_SECONDARY);
  y += upp_layout_height (layout) + 6;
  upp_chunk_tag_end (chunk, "P");

  upp_chunk_add_dest (chunk, "cover", 0);
  upp_chunk_tag_begin (chunk, "H1", NULL, TRUE);
  layout = upp_briefing_text (self, UPP_TEXT_TITLE, title, UPP_TEXT_WIDTH, PANGO_ALIGN_LEFT);
  upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, y, UPP_INK);
  y += upp_layout_height (layout) + 4;
  upp_chunk_tag_end (chunk, "H1");

  upp_chunk_tag_begin (chunk, "P", NULL, TRUE);
  layout = upp_briefing_text (self, UPP_TEXT_SUBTITLE, subtitle_markup, UPP_TEXT_WIDTH,
                              PANGO_ALIGN_LEFT);
  upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, y, UPP_INK);
  y += upp_layout_height (layout) + 6;
  upp_chunk_tag_end (chunk, "P");

  upp_chunk_tag_begin (chunk, "P", NULL, TRUE);
  layout = upp_briefing_text (self, UPP_TEXT_META, meta, UPP_TEXT_WIDTH, PANGO_ALIGN_LEFT);
  upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, y, UPP_INK_SECONDARY);
  y += upp_layout_height (layout) + 10;
  upp_chunk_tag_end (chunk, "P");

  upp_chunk_add_line (chunk, UPP_MARGIN_LEFT, y, UPP_MARGIN_LEFT + UPP_TEXT_WIDTH, y, 1.5, UPP_INK);
  chunk->height = y;
  chunk->space_after = 18;
  upp_flow_add (&b->flow, chunk);
  upp_briefing_add_outline (self, -1, subtitle, "cover");
}

static void
key_figures (UppBuilder *b)
{
  UppBriefing *self = b->self;
  UppChunk *chunk = upp_chunk_new (self);
  double cell = UPP_TEXT_WIDTH / (UPP_N_STATES + 1);
  double height = 0;
  int number_size = self->counts.total >= 10000 ? 13 : self->counts.total >= 1000 ? 16 : 20;

  upp_chunk_tag_begin (chunk, "Table", NULL, FALSE);
  upp_chunk_tag_begin (chunk, "TR", NULL, FALSE);
  for (int i = -1; i < UPP_N_STATES; i++)
    {
      UppState state = i >= 0 ? upp_briefing_state_order[i] : UPP_N_STATES;
      /* The total has the most digits: it sets one size for the row, so
       * that 2000 stays on one line in its eighth of the width. */
      g_autofree char *number = g_strdup_printf ("<span size=\"%dpt\">%d</span>", number_size,
                                                 i >= 0 ? self->counts.counts[state]
                                                        : self->counts.total);
      g_autofree char *label = i >= 0 ? upp_briefing_state_markup (state)
                                      : upp_briefing_esc (_("Actions"));
      double x = UPP_MARGIN_LEFT + (i + 1) * cell;
      PangoLayout *value = upp_briefing_text (self, UPP_TEXT_FIGURE_NUMBER, number, -1,
                                              PANGO_ALIGN_LEFT);
      PangoLayout *caption = upp_briefing_text (self, UPP_TEXT_FIGURE_LABEL, label, cell - 6,
                                                PANGO_ALIGN_LEFT);
      double y = 8;

      /* A bar in the state's colour on top: the colour of the charts, with
       * the symbol and the word below for those who cannot see it. */
      upp_chunk_add_rect (chunk, x, 0, cell - 6, 3,
                          i >= 0 ? rgba_to_rgb (&self->chart_style.state_colors[state]) : UPP_INK);
      upp_chunk_tag_begin (chunk, "TD", NULL, TRUE);
      upp_chunk_add_text (chunk, value, x, y, UPP_INK);
      y += upp_layout_height (value) + 1;
      upp_chunk_add_text (chunk, caption, x, y, UPP_INK_SECONDARY);
      y += upp_layout_height (caption);
      upp_chunk_tag_end (chunk, "TD");
      height = MAX (height, y);
    }
  upp_chunk_tag_end (chunk, "TR");
  upp_chunk_tag_end (chunk, "Table");
  chunk->height = height;
  chunk->space_after = 14;
  upp_flow_add (&b->flow, chunk);
}

static void
in_brief (UppBuilder *b)
{
  UppBriefing *self = b->self;
  guint attention = upp_briefing_count_needing_attention (self);
  guint missing = count_missing (self);
  guint changes = 0;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->statuses->len && i < self->before->len; i++)
    if (((UppActionStatus *) g_ptr_array_index (self->statuses, i))->state !=
        ((UppActionStatus *) g_ptr_array_index (self->before, i))->state)
      changes++;

  if (attention == 0)
    g_ptr_array_add (lines, g_strdup (_("No action needs a decision.")));
  else
    {
      g_autoptr(GString) which = g_string_new (NULL);

      /* The most severe first, as in the section. */
      for (int severity = upp_state_get_severity (UPP_STATE_OVERDUE); severity >= 0; severity--)
        for (guint state = 0; state < UPP_N_STATES; state++)
          {
            g_autofree char *count = NULL;

            if (upp_state_get_severity (state) != severity || !upp_state_needs_attention (state) ||
                self->counts.counts[state] == 0)
              continue;
            count = upp_state_format_count (state, self->counts.counts[state]);
            g_string_append_printf (which, "%s%s", which->len > 0 ? ", " : "", count);
          }
      /* Translators: “3 actions need a decision: 2 delayed, 1 at risk.” */
      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u action needs a decision: %s.",
                                                            "%u actions need a decision: %s.",
                                                            attention), attention, which->str));
    }
  if (missing == 0)
    g_ptr_array_add (lines, g_strdup_printf (_("Every department has reported for week %d."),
                                             self->week.week));
  else
    g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u department has not reported for "
                                                          "week %d.",
                                                          "%u departments have not reported for "
                                                          "week %d.", missing),
                                             missing, self->week.week));
  g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u action changed status since week %d.",
                                                        "%u actions changed status since week %d.",
                                                        changes),
                                           changes, upp_week_add (self->week, -1).week));
  g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u deadline is overdue or falls in the "
                                                        "next %d weeks.",
                                                        "%u deadlines are overdue or fall in the "
                                                        "next %d weeks.",
                                                        self->deadlines->len),
                                           self->deadlines->len, UPP_N_DEADLINE_WEEKS));

  /* The status ring, its legend giving the numbers, right under the key
   * figures it pictures; then the week in four sentences. */
  {
    UppChunk *chunk = upp_chunk_new (self);
    UppChartData data = { .kind = UPP_CHART_STATUS_RING, .week = self->week,
                          .counts = &self->counts };

    chunk->height = 140;
    chunk->space_after = 14;
    upp_briefing_chunk_add_figure (self, chunk, upp_briefing_figure_new (self, &data),
                                   UPP_MARGIN_LEFT, 0, UPP_TEXT_WIDTH, chunk->height);
    upp_flow_add (&b->flow, chunk);
  }

  upp_builder_heading (b, UPP_TEXT_H2, _("In brief"), NULL);
  upp_flow_tag_begin (&b->flow, "L");
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *text = upp_briefing_esc (g_ptr_array_index (lines, i));
      g_autofree char *markup = g_strdup_printf ("–\t%s", text);
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 14);
      PangoLayout *layout = upp_briefing_text (self, UPP_TEXT_BODY, markup, UPP_TEXT_WIDTH,
                                               PANGO_ALIGN_LEFT);
      UppChunk *chunk = upp_chunk_new (self);

      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
      pango_layout_set_indent (layout, pango_units_from_double (-14));
      chunk->height = upp_layout_height (layout);
      chunk->space_after = 3;
      upp_chunk_tag_begin (chunk, "LI", NULL, TRUE);
      upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, 0, UPP_INK);
      upp_chunk_tag_end (chunk, "LI");
      upp_flow_add (&b->flow, chunk);
    }
  upp_flow_tag_end (&b->flow, "L");
}

typedef struct
{
  const char *title;
  const char *dest;
} TocEntry;

static void
contents (UppBuilder     *b,
          const TocEntry *entries,
          guint           n_entries)
{
  UppBriefing *self = b->self;
  double right = UPP_MARGIN_LEFT + UPP_TEXT_WIDTH;

  upp_builder_heading (b, UPP_TEXT_H2, _("Contents"), NULL);
  upp_flow_tag_begin (&b->flow, "TOC");
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *title = upp_briefing_esc (entries[i].title);
      g_autofree char *markup = g_strdup_printf ("%u\t%s", i + 1, title);
      /* Translators: what a link in the contents does, for a screen reader */
      g_autofree char *description = g_strdup_printf (_("Go to %s"), entries[i].title);
      PangoLayout *layout = upp_briefing_text (self, UPP_TEXT_TOC, markup, -1, PANGO_ALIGN_LEFT);
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 18);
      UppChunk *chunk = upp_chunk_new (self);
      double height;
      UppOp *op;

      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
      height = upp_layout_height (layout);
      chunk->height = height + 7;
      chunk->space_after = 0;
      upp_chunk_tag_begin (chunk, "TOCI", NULL, FALSE);
      upp_chunk_link_begin (chunk, entries[i].dest, description);
      upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, 3.5, UPP_INK);
      op = upp_chunk_add_op (chunk, UPP_OP_PAGE_REF);
      op->attributes = g_strdup (entries[i].dest);
      op->x = right;
      op->y = 3.5;
      op->color = UPP_INK;
      upp_chunk_tag_end (chunk, CAIRO_TAG_LINK);
      upp_chunk_tag_end (chunk, "TOCI");
      /* Dotted leaders would only be noise; a hairline below each entry
       * carries the eye to the page number. */
      upp_chunk_add_line (chunk, UPP_MARGIN_LEFT, chunk->height, right, chunk->height, 0.35,
                          UPP_RULE_LIGHT);
      upp_flow_add (&b->flow, chunk);
    }
  upp_flow_tag_end (&b->flow, "TOC");
}

/* 2. Needs a decision */

static int
compare_by_severity (gconstpointer a,
                     gconstpointer b)
{
  const UppActionStatus *sa = *(UppActionStatus * const *) a;
  const UppActionStatus *sb = *(UppActionStatus * const *) b;
  int by_severity = upp_state_get_severity (sb->state) - upp_state_get_severity (sa->state);

  if (by_severity != 0)
    return by_severity;
  if (sa->contradiction != sb->contradiction)
    return sa->contradiction ? -1 : 1;
  return g_date_compare (&sa->deadline, &sb->deadline);
}

static void
upp_section_needs_decision (UppBuilder *b)
{
  UppBriefing *self = b->self;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < self->statuses->len; i++)
    {
      UppActionStatus *status = g_ptr_array_index (self->statuses, i);

      if (upp_state_needs_attention (status->state))
        g_ptr_array_add (items, status);
    }
  /* g_ptr_array_sort is not stable; break ties on package order. */
  g_ptr_array_sort (items, compare_by_severity);

  upp_builder_section_begin (b, _("Needs a decision"), "decisions");
  if (items->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No action is overdue, delayed, at risk or "
                                                 "unreported in week %d."), self->week.week);
      upp_builder_empty_note (b, text);
    }
  else
    {
      g_autofree char *intro = g_strdup_printf (_("Overdue, delayed, at-risk and unreported "
                                                  "actions, the most severe first. Each title "
                                                  "leads to the action in its department’s "
                                                  "section."));
      g_autofree char *intro_markup = upp_briefing_esc (intro);

      upp_builder_paragraph (b, intro_markup);
    }

  for (guint i = 0; i < items->len; i++)
    upp_builder_action_card (b, g_ptr_array_index (items, i), TRUE);
  upp_builder_section_end (b);
}

/* 3. Changes since last week */

static void
upp_section_changes (UppBuilder *b)
{
  UppBriefing *self = b->self;
  UppWeek previous = upp_week_add (self->week, -1);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) done = g_ptr_array_new ();
  g_autoptr(GPtrArray) risks = g_ptr_array_new ();
  g_autofree char *title = g_strdup_printf (_("Changes since week %d"), previous.week);

  for (guint i = 0; i < self->statuses->len && i < self->before->len; i++)
    {
      UppActionStatus *now = g_ptr_array_index (self->statuses, i);
      UppActionStatus *then = g_ptr_array_index (self->before, i);
      gboolean reported_now = now->has_entry && upp_week_compare (now->entry_week, self->week) == 0;

      g_assert (g_str_equal (now->code, then->code));
      if (now->state != then->state)
        {
          /* Pairs: now, then. */
          g_ptr_array_add (changed, now);
          g_ptr_array_add (changed, then);
        }
      if (now->state == UPP_STATE_DONE && then->state != UPP_STATE_DONE)
        g_ptr_array_add (done, now);
      if ((now->state == UPP_STATE_AT_RISK && then->state != UPP_STATE_AT_RISK) ||
          (reported_now && upp_briefing_has_text (now->risks) &&
           g_strcmp0 (now->risks, then->risks) != 0))
        g_ptr_array_add (risks, now);
    }

  upp_builder_section_begin (b, title, "changes");

  upp_builder_heading (b, UPP_TEXT_H2, _("Status changes"), NULL);
  if (changed->len == 0)
    upp_builder_empty_note (b, _("No action changed status."));
  else
    {
      UppColumn columns[] = {
        { 0, PANGO_ALIGN_LEFT }, { 44, PANGO_ALIGN_LEFT },
        { 78, PANGO_ALIGN_LEFT }, { 78, PANGO_ALIGN_LEFT },
      };
      g_autofree char *was = g_strdup_printf (_("Week %d"), previous.week);
      g_autofree char *is = g_strdup_printf (_("Week %d"), self->week.week);
      const char *headers[] = { _("Action"), _("Lead"), was, is };
      UppTable table;

      upp_builder_table_begin (&table, b, columns, G_N_ELEMENTS (columns), headers);
      for (guint i = 0; i < changed->len; i += 2)
        {
          UppActionStatus *now = changed->pdata[i];
          UppActionStatus *then = changed->pdata[i + 1];
          g_autofree char *action = upp_briefing_action_cell (now->code, now->title);
          g_autofree char *lead = upp_briefing_esc (now->lead);
          g_autofree char *from = upp_briefing_state_markup (then->state);
          g_autofree char *to = upp_briefing_state_markup (now->state);

          upp_builder_table_row (&table, (const char *[]) { action, lead, from, to });
        }
      upp_builder_table_end (&table);
    }

  upp_builder_heading (b, UPP_TEXT_H2, _("Newly done"), NULL);
  if (done->len == 0)
    upp_builder_empty_note (b, _("No action was reported done this week."));
  else
    {
      upp_flow_tag_begin (&b->flow, "L");
      for (guint i = 0; i < done->len; i++)
        {
          UppActionStatus *status = done->pdata[i];
          g_autofree char *lead = upp_briefing_esc (status->lead_name);

          upp_builder_action_item (b, status, lead, "LI", NULL, 3, FALSE);
        }
      upp_flow_tag_end (&b->flow, "L");
    }

  upp_builder_heading (b, UPP_TEXT_H2, _("New risks"), NULL);
  if (risks->len == 0)
    upp_builder_empty_note (b, _("No new risks were reported."));
  for (guint i = 0; i < risks->len; i++)
    {
      UppActionStatus *status = risks->pdata[i];
      g_autofree char *state = upp_briefing_state_markup (status->state);
      gboolean with_text = !self->summary && upp_briefing_has_text (status->risks);

      upp_builder_action_item (b, status, state, "P", NULL, with_text ? 9 : 3, with_text);
      if (with_text)
        {
          g_autofree char *markup = upp_briefing_labelled (C_("briefing", "Risks"), status->risks);

          upp_builder_indented_paragraph (b, UPP_TEXT_BODY, markup, 2, FALSE);
        }
    }

  upp_builder_heading (b, UPP_TEXT_H2, _("Corrected reports"), NULL);
  if (self->corrections->len == 0)
    upp_builder_empty_note (b, _("No report was corrected."));
  for (guint i = 0; i < self->corrections->len; i++)
    {
      UppDocumentInfo *info = self->corrections->pdata[i];
      g_autofree char *text = g_strdup_printf (_("%s corrected its report for week %d "
                                                 "(revision %d, sent %s)."),
                                               department_name (self, info->department),
                                               info->week.week, info->revision,
                                               info->submitted != NULL ? info->submitted : "–");
      g_autofree char *markup = upp_briefing_esc (text);

      upp_flow_paragraph (&b->flow, UPP_TEXT_BODY, markup, 0, 2, "P", FALSE);
    }
  upp_builder_section_end (b);
}

/* 4. Departments */

static char *
count_cell (int count)
{
  if (count == 0)
    return g_strdup ("<span foreground=\"#999999\">0</span>");
  return g_strdup_printf ("%d", count);
}

static char *
bold (const char *text)
{
  g_autofree char *markup = upp_briefing_esc (text);

  return g_strdup_printf ("<b>%s</b>", markup);
}

/* A count in a table: zero in grey, so that the others stand out; a sum
 * in bold. */
static char *
number_cell (int      count,
             gboolean sum)
{
  if (sum)
    return g_strdup_printf ("<b>%d</b>", count);
  return count_cell (count);
}

static char *
department_label (const char *name,
                  gboolean    partner)
{
  g_autofree char *markup = upp_briefing_esc (name);
  g_autofree char *tag = NULL;

  if (!partner)
    return g_steal_pointer (&markup);
  tag = upp_briefing_esc (_("partner"));
  return g_strdup_printf ("%s <span foreground=\"#555555\">(%s)</span>", markup, tag);
}

static void
upp_section_departments (UppBuilder *b)
{
  UppBriefing *self = b->self;
  g_autofree char *compliance_title = g_strdup_printf (_("Reporting in the last %d weeks"),
                                                       UPP_N_COMPLIANCE_WEEKS);
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  upp_builder_section_begin (b, _("Departments"), "departments");

  upp_builder_heading (b, UPP_TEXT_H2, _("Status by department"), NULL);
  {
    UppChartData data = { .kind = UPP_CHART_DEPARTMENTS, .week = self->week,
                          .departments = self->department_counts };

    upp_builder_figure_block (b, &data, MIN (60 + 20.0 * self->department_counts->len, 420));
  }
  {
    /* Like the chart's legend, only the states some action is in: the
     * names of the departments need the room. */
    UppColumn columns[2 + UPP_N_STATES] = { { 0, PANGO_ALIGN_LEFT }, { 44, PANGO_ALIGN_RIGHT } };
    g_autoptr(GPtrArray) state_headers = g_ptr_array_new_with_free_func (g_free);
    const char *headers[2 + UPP_N_STATES] = { NULL };
    g_autofree char *department_header = NULL;
    g_autofree char *actions_header = NULL;
    UppState shown[UPP_N_STATES];
    guint n_shown = 0;
    UppTable table;

    for (guint s = 0; s < UPP_N_STATES; s++)
      {
        UppState state = upp_briefing_state_order[s];
        g_autofree char *label = NULL;

        if (self->counts.counts[state] == 0)
          continue;
        columns[2 + n_shown] = (UppColumn) { n_shown < 6 ? 50 : 46, PANGO_ALIGN_RIGHT };
        /* The symbol above the word: the words are too wide side by side. */
        label = upp_briefing_esc (upp_state_get_label (state));
        g_ptr_array_add (state_headers,
                         g_strdup_printf ("<span foreground=\"#%06x\">%s</span>\n%s",
                                          upp_briefing_state_inks[state],
                                          upp_state_get_symbol (state), label));
        headers[2 + n_shown] = state_headers->pdata[n_shown];
        shown[n_shown++] = state;
      }
    if (n_shown == UPP_N_STATES)
      for (guint s = 0; s < n_shown; s++)
        columns[2 + s].width = 46;

    headers[0] = department_header = upp_briefing_esc (_("Department"));
    headers[1] = actions_header = upp_briefing_esc (_("Actions"));
    upp_builder_table_begin_full (&table, b, columns, 2 + n_shown, headers, TRUE);
    for (guint i = 0; i <= self->department_counts->len; i++)
      {
        /* The departments, then their sum in bold. */
        const UppDepartmentCounts *row = i < self->department_counts->len
                                         ? self->department_counts->pdata[i] : NULL;
        const UppStateCounts *counts = row != NULL ? &row->counts : &self->counts;
        g_autofree char *name = row != NULL ? department_label (row->name, row->partner)
                                            : bold (_("All departments"));
        g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
        const char *row_cells[2 + UPP_N_STATES] = { name };

        if (counts->total == 0)
          continue;
        g_ptr_array_add (cells, number_cell (counts->total, row == NULL));
        for (guint s = 0; s < n_shown; s++)
          g_ptr_array_add (cells, number_cell (counts->counts[shown[s]], row == NULL));
        for (guint c = 0; c < cells->len; c++)
          row_cells[1 + c] = cells->pdata[c];
        upp_builder_table_row (&table, row_cells);
      }
    upp_builder_table_end (&table);
  }

  upp_builder_heading (b, UPP_TEXT_H2, compliance_title, NULL);
  {
    UppChartData data = { .kind = UPP_CHART_COMPLIANCE, .week = self->week,
                          .n_weeks = UPP_N_COMPLIANCE_WEEKS, .compliance = self->compliance };

    upp_builder_figure_block (b, &data, MIN (50 + 18.0 * self->compliance->len, 420));
  }
  {
    /* The heat map shows the weeks; the table counts them and names the
     * weeks that were not on time. */
    UppColumn columns[] = {
      { 150, PANGO_ALIGN_LEFT }, { 40, PANGO_ALIGN_RIGHT }, { 40, PANGO_ALIGN_RIGHT },
      { 52, PANGO_ALIGN_RIGHT }, { 44, PANGO_ALIGN_RIGHT }, { 0, PANGO_ALIGN_LEFT },
    };
    const char *headers[] = {
      _("Department"), upp_compliance_get_label (UPP_COMPLIANCE_ON_TIME),
      upp_compliance_get_label (UPP_COMPLIANCE_LATE),
      upp_compliance_get_label (UPP_COMPLIANCE_CORRECTED),
      upp_compliance_get_label (UPP_COMPLIANCE_MISSING), _("Weeks not on time"),
    };
    UppTable table;

    upp_builder_table_begin (&table, b, columns, G_N_ELEMENTS (columns), headers);
    for (guint i = 0; i < self->compliance->len; i++)
      {
        const UppComplianceRow *row = self->compliance->pdata[i];
        g_autofree char *name = department_label (row->department_name, row->partner);
        int counts[UPP_N_COMPLIANCE] = { 0 };
        g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GString) weeks = g_string_new (NULL);
        const UppCompliance kinds[4] = {
          UPP_COMPLIANCE_ON_TIME, UPP_COMPLIANCE_LATE, UPP_COMPLIANCE_CORRECTED,
          UPP_COMPLIANCE_MISSING,
        };

        for (guint w = 0; w < row->n_weeks; w++)
          {
            UppCompliance c = row->cells[w];
            UppWeek week = upp_week_add (row->first_week, w);
            g_autofree char *label = NULL;
            g_autofree char *week_label = NULL;

            counts[c]++;
            if (c != UPP_COMPLIANCE_LATE && c != UPP_COMPLIANCE_MISSING)
              continue;
            {
              g_autofree char *lower = g_utf8_strdown (upp_compliance_get_label (c), -1);

              label = upp_briefing_esc (lower);
            }
            week_label = g_strdup_printf (C_("short", "W%d"), week.week);
            if (weeks->len > 0)
              g_string_append (weeks, ", ");
            if (c == UPP_COMPLIANCE_MISSING)
              g_string_append_printf (weeks, "<span foreground=\"#%06x\"><b>%s %s</b></span>",
                                      upp_briefing_state_inks[UPP_STATE_OVERDUE], week_label,
                                      label);
            else
              g_string_append_printf (weeks, "%s %s", week_label, label);
          }
        for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
          g_ptr_array_add (cells, count_cell (counts[kinds[k]]));
        if (weeks->len == 0)
          g_string_append (weeks, "–");
        upp_builder_table_row (&table, (const char *[]) { name, cells->pdata[0], cells->pdata[1],
                                                          cells->pdata[2], cells->pdata[3],
                                                          weeks->str });

        if (row->cells[row->n_weeks - 1] == UPP_COMPLIANCE_MISSING)
          {
            if (missing->len > 0)
              g_string_append (missing, ", ");
            g_string_append (missing, row->department_name);
            n_missing++;
          }
      }
    upp_builder_table_end (&table);
  }

  upp_builder_heading (b, UPP_TEXT_H2, _("Not reported this week"), NULL);
  if (n_missing == 0)
    {
      g_autofree char *text = g_strdup_printf (_("Every department with actions has reported for "
                                                 "week %d."), self->week.week);
      upp_builder_empty_note (b, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("No report for week %d from: %s."),
                                               self->week.week, missing->str);
      g_autofree char *markup = upp_briefing_esc (text);

      upp_builder_paragraph (b, markup);
    }
  upp_builder_section_end (b);
}

/* 5. Deadlines */

/* As tall as the lanes of marks need, up to a dozen: a page has the room
 * a card on screen does not. Measured on a surface that keeps nothing. */
static double
deadline_chart_height (UppBriefing        *self,
                       const UppChartData *data)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double height = upp_chart_get_deadlines_height (cr, &self->chart_style, data, UPP_TEXT_WIDTH,
                                                  12);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

static void
upp_section_deadlines (UppBuilder *b)
{
  UppBriefing *self = b->self;
  UppWeek last = upp_week_add (self->week, UPP_N_DEADLINE_WEEKS - 1);
  /* Across the new year in words, not as “2026-W48 – 2027-W02”, which a
   * line may break at a hyphen. */
  g_autofree char *intro = last.year == self->week.year
                            ? g_strdup_printf (_("Overdue actions, and actions not yet done whose "
                                                 "deadline falls in weeks %d–%d."),
                                               self->week.week, last.week)
                            : g_strdup_printf (_("Overdue actions, and actions not yet done whose "
                                                 "deadline falls between week %d of %d and week "
                                                 "%d of %d."),
                                               self->week.week, self->week.year, last.week,
                                               last.year);
  g_autofree char *intro_markup = upp_briefing_esc (intro);

  upp_builder_section_begin (b, _("Deadlines"), "deadlines");
  upp_builder_paragraph (b, intro_markup);
  {
    UppChartData data = { .kind = UPP_CHART_DEADLINES, .week = self->week,
                          .n_weeks = UPP_N_DEADLINE_WEEKS, .deadlines = self->deadlines };

    upp_builder_figure_block (b, &data, deadline_chart_height (self, &data));
  }
  if (self->deadlines->len == 0)
    upp_builder_empty_note (b, _("No deadlines in these weeks, and none overdue."));
  else
    {
      UppColumn columns[] = {
        { 62, PANGO_ALIGN_LEFT }, { 34, PANGO_ALIGN_RIGHT }, { 0, PANGO_ALIGN_LEFT },
        { 40, PANGO_ALIGN_LEFT }, { 78, PANGO_ALIGN_LEFT },
      };
      const char *headers[] = { _("Deadline"), _("Week"), _("Action"), _("Lead"), _("Status") };
      UppTable table;

      upp_builder_table_begin (&table, b, columns, G_N_ELEMENTS (columns), headers);
      for (guint i = 0; i < self->deadlines->len; i++)
        {
          const UppDeadline *row = self->deadlines->pdata[i];
          g_autofree char *date = upp_briefing_format_date (&row->deadline);
          g_autofree char *week = g_strdup_printf ("%d", upp_week_from_date (&row->deadline).week);
          g_autofree char *action = upp_briefing_action_cell (row->action_code, row->title);
          g_autofree char *lead = upp_briefing_esc (row->lead_code);
          g_autofree char *state = upp_briefing_state_markup (row->state);

          upp_builder_table_row (&table, (const char *[]) { date, week, action, lead, state });
        }
      upp_builder_table_end (&table);
    }
  upp_builder_section_end (b);
}

/* 6. Per department */

/* Actions that were done before this week, one line each: their comments
 * are history, and a package late in its life is mostly done. */
static void
done_earlier (UppBuilder *b,
              GPtrArray  *list,
              GHashTable *done_before)
{
  UppBriefing *self = b->self;
  g_autofree char *label = NULL;
  g_autofree char *label_markup = NULL;
  guint n = 0;
  UppChunk *chunk;
  PangoLayout *layout;

  for (guint i = 0; i < list->len; i++)
    if (g_hash_table_contains (done_before, list->pdata[i]))
      n++;
  if (n == 0)
    return;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s Done before week %d: %u action",
                                        "%s Done before week %d: %u actions", n),
                           upp_state_get_symbol (UPP_STATE_DONE), self->week.week, n);
  label_markup = upp_briefing_esc (label);
  layout = upp_briefing_text (self, UPP_TEXT_LABEL, label_markup, UPP_TEXT_WIDTH, PANGO_ALIGN_LEFT);
  chunk = upp_chunk_new (self);
  chunk->height = upp_layout_height (layout);
  chunk->space_before = 14;
  chunk->space_after = 4;
  chunk->keep_with_next = TRUE;
  upp_chunk_tag_begin (chunk, "P", NULL, TRUE);
  upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, 0, UPP_INK_SECONDARY);
  upp_chunk_tag_end (chunk, "P");
  upp_flow_add (&b->flow, chunk);

  /* A long list would only repeat the appendix: then the codes alone. */
  if (n > MAX_DONE_TITLES)
    {
      g_autoptr(GString) codes = g_string_new (NULL);
      g_autofree char *note = upp_briefing_esc (_("The appendix has their titles."));

      for (guint i = 0; i < list->len; i++)
        {
          const UppActionStatus *status = list->pdata[i];
          g_autofree char *code = NULL;

          if (!g_hash_table_contains (done_before, status))
            continue;
          code = upp_briefing_esc (status->code);
          g_string_append_printf (codes, "%s%s", codes->len > 0 ? ", " : "", code);
        }
      g_string_append_printf (codes, ". %s", note);
      upp_flow_paragraph (&b->flow, UPP_TEXT_TABLE, codes->str, 0, 0, "P", FALSE);
      return;
    }

  upp_flow_tag_begin (&b->flow, "L");
  for (guint i = 0; i < list->len; i++)
    {
      const UppActionStatus *status = list->pdata[i];
      g_autofree char *dest = NULL;

      if (!g_hash_table_contains (done_before, status))
        continue;
      dest = upp_briefing_dest_name ("action-", status->code);
      upp_builder_action_item (b, status, NULL, "LI", dest, 2, FALSE);
    }
  upp_flow_tag_end (&b->flow, "L");
}

/* The actions one department leads, in a section of their own under
 * "Actions by department" (its outline entry is @outline_parent). */
static void
department_actions (UppBuilder *b,
                    guint       d,
                    int         outline_parent)
{
  UppBriefing *self = b->self;
  const UppDepartmentCounts *department = self->department_counts->pdata[d];
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autoptr(GHashTable) done_before = g_hash_table_new (NULL, NULL);
  g_autofree char *dest = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) summary = NULL;

  for (guint i = 0; i < self->statuses->len; i++)
    {
      UppActionStatus *status = self->statuses->pdata[i];
      UppActionStatus *then = i < self->before->len ? self->before->pdata[i] : NULL;

      if (g_strcmp0 (status->lead, department->code) != 0)
        continue;
      /* Done last week already: old news, listed briefly after the cards. */
      if (status->state == UPP_STATE_DONE && then != NULL && then->state == UPP_STATE_DONE)
        g_hash_table_add (done_before, status);
      g_ptr_array_add (list, status);
    }
  if (list->len == 0)
    return;

  dest = upp_briefing_dest_name ("department-", department->code);
  title = department->partner ? g_strdup_printf (_("%s (partner)"), department->name)
                              : g_strdup (department->name);
  summary = g_string_new (NULL);

  upp_flow_tag_begin (&b->flow, "Sect");
  upp_builder_heading (b, UPP_TEXT_H2, title, dest);
  upp_briefing_add_outline (self, outline_parent, title, dest);

  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "Leads %d action: ",
                                                "Leads %d actions: ", department->counts.total),
                          department->counts.total);
  for (guint s = 0, n = 0; s < UPP_N_STATES; s++)
    {
      UppState state = upp_briefing_state_order[s];
      g_autofree char *count = NULL;

      if (department->counts.counts[state] == 0)
        continue;
      count = upp_state_format_count (state, department->counts.counts[state]);
      g_string_append_printf (summary, "%s%s", n++ > 0 ? ", " : "", count);
    }
  g_string_append (summary, ".");
  {
    g_autofree char *markup = upp_briefing_esc (summary->str);

    upp_flow_paragraph (&b->flow, UPP_TEXT_BODY, markup, 0, 0, "P", FALSE);
  }

  for (guint i = 0; i < list->len; i++)
    if (!g_hash_table_contains (done_before, list->pdata[i]))
      upp_builder_action_card (b, list->pdata[i], FALSE);
  done_earlier (b, list, done_before);
  upp_flow_tag_end (&b->flow, "Sect");
}

/* 7. Indicators */

/* A value as people read it: whole numbers without decimals, others with
 * one, in the locale's decimal sign (3,5 in Swedish). */
static char *
format_value (double      value,
              const char *unit)
{
  g_autofree char *number = NULL;

  if (value == (gint64) value)
    number = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  else
    number = g_strdup_printf ("%.1f", value);
  if (upp_briefing_has_text (unit))
    return g_strdup_printf ("%s %s", number, unit);
  return g_steal_pointer (&number);
}

/* How far the latest value is from the target, relative to the target;
 * 0 when on the right side of it. */
static double
distance_from_target (const UppIndicatorSeries *series)
{
  double latest = series->values[series->n_points - 1];
  double gap;

  if (!series->has_target)
    return 0;
  gap = series->direction == UPP_DIRECTION_UP ? series->target - latest : latest - series->target;
  if (gap <= 0)
    return 0;
  return gap / MAX (ABS (series->target), 1e-9);
}

static int
compare_by_distance (gconstpointer a,
                     gconstpointer b)
{
  double da = distance_from_target (*(UppIndicatorSeries * const *) a);
  double db = distance_from_target (*(UppIndicatorSeries * const *) b);

  return da < db ? 1 : da > db ? -1 : 0;
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  GHashTable *positions = user_data;

  return GPOINTER_TO_INT (g_hash_table_lookup (positions, *(gpointer *) a)) -
         GPOINTER_TO_INT (g_hash_table_lookup (positions, *(gpointer *) b));
}

/* The numbers of one small multiple: the last weeks' values and the
 * target, under the chart. */
static char *
indicator_numbers (const UppIndicatorSeries *series)
{
  GString *text = g_string_new (NULL);
  guint first = series->n_points > MAX_INDICATOR_VALUES ? series->n_points - MAX_INDICATOR_VALUES : 0;
  g_autofree char *unit = upp_briefing_esc (series->unit);
  g_autofree char *name = upp_briefing_esc (series->name != NULL ? series->name
                                                                 : series->indicator_code);

  /* The full name first: the chart's title may have had to shorten it.
   * No-break spaces keep a week with its value and a target with its
   * unit. */
  g_string_append_printf (text, "%s. ", name);
  if (series->has_target)
    {
      g_autofree char *target = format_value (series->target, NULL);
      g_autofree char *label = upp_briefing_esc (_("Target"));

      g_string_append_printf (text, "%s %s\u00a0%s%s%s", label,
                              series->direction == UPP_DIRECTION_UP ? "≥" : "≤", target,
                              upp_briefing_has_text (unit) ? "\u00a0" : "", unit);
    }
  else
    {
      g_autofree char *label = upp_briefing_esc (_("No target"));

      g_string_append (text, label);
    }
  g_string_append (text, ". ");
  for (guint i = first; i < series->n_points; i++)
    {
      g_autofree char *value = format_value (series->values[i], NULL);
      g_autofree char *week = g_strdup_printf (C_("short", "W%d"), series->weeks[i].week);

      g_string_append_printf (text, "%s%s\u00a0<b>%s</b>", i > first ? "\u00a0· " : "", week, value);
    }
  return g_string_free (text, FALSE);
}

static void
upp_section_indicators (UppBuilder *b)
{
  UppBriefing *self = b->self;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);
  double gutter = 18;
  double cell = (UPP_TEXT_WIDTH - gutter) / 2;
  guint n_with_values = 0;

  upp_builder_section_begin (b, _("Indicators"), "indicators");
  for (guint i = 0; i < self->indicators->len; i++)
    {
      UppIndicatorSeries *series = self->indicators->pdata[i];

      g_hash_table_insert (positions, series, GINT_TO_POINTER (i));
      if (series->n_points > 0)
        {
          g_ptr_array_add (shown, series);
          n_with_values++;
        }
    }

  if (n_with_values == 0)
    {
      upp_builder_empty_note (b, _("No indicator values have been reported yet."));
      upp_builder_section_end (b);
      return;
    }

  /* Small multiples stop being comparable, and the briefing readable, when
   * there are hundreds: then the ones furthest from their targets. */
  if (shown->len > MAX_INDICATOR_CHARTS)
    {
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      g_ptr_array_sort (shown, compare_by_distance);
      g_ptr_array_set_size (shown, MAX_INDICATOR_CHARTS);
      g_ptr_array_sort_with_data (shown, compare_by_position, positions);
      text = g_strdup_printf (_("Each chart shows an indicator week by week against its target "
                                "(the dashed line), with the latest values below it. Of the %u "
                                "indicators with values, these are the %u furthest from their "
                                "targets, in package order."), n_with_values, shown->len);
      markup = upp_briefing_esc (text);
      upp_builder_paragraph (b, markup);
    }
  else
    {
      g_autofree char *markup = upp_briefing_esc (_("Each chart shows an indicator week by week "
                                                    "against its target (the dashed line), with "
                                                    "the latest values below it."));
      upp_builder_paragraph (b, markup);
    }

  for (guint i = 0; i < shown->len; i += 2)
    {
      UppChunk *chunk = upp_chunk_new (self);
      double height = 0;

      for (guint k = 0; k < 2 && i + k < shown->len; k++)
        {
          const UppIndicatorSeries *series = shown->pdata[i + k];
          const UppAction *action = g_hash_table_lookup (self->action_by_code, series->action_code);
          g_autofree char *caption = upp_briefing_action_cell (series->action_code,
                                                               action != NULL ? action->title : "");
          g_autofree char *numbers = indicator_numbers (series);
          UppChartData data = { .kind = UPP_CHART_INDICATOR, .week = self->week,
                                .indicator = series };
          double x = UPP_MARGIN_LEFT + k * (cell + gutter);
          PangoLayout *layout;
          double y = 0;

          layout = upp_briefing_text (self, UPP_TEXT_FIGURE_LABEL, caption, cell, PANGO_ALIGN_LEFT);
          upp_chunk_add_line (chunk, x, 0, x + cell, 0, 0.5, UPP_RULE);
          y += 4;
          upp_chunk_tag_begin (chunk, "P", NULL, TRUE);
          upp_chunk_add_text (chunk, layout, x, y, UPP_INK_SECONDARY);
          upp_chunk_tag_end (chunk, "P");
          y += upp_layout_height (layout) + 2;

          upp_briefing_chunk_add_figure (self, chunk, upp_briefing_figure_new (self, &data), x, y,
                                         cell, 112);
          y += 112 + 2;

          layout = upp_briefing_text (self, UPP_TEXT_FIGURE_LABEL, numbers, cell, PANGO_ALIGN_LEFT);
          upp_chunk_tag_begin (chunk, "P", NULL, TRUE);
          upp_chunk_add_text (chunk, layout, x, y, UPP_INK);
          upp_chunk_tag_end (chunk, "P");
          y += upp_layout_height (layout);
          height = MAX (height, y);
        }
      chunk->height = height;
      chunk->space_before = 16;
      chunk->space_after = 8;
      upp_flow_add (&b->flow, chunk);
    }
  upp_builder_section_end (b);
}

/* 8. Appendix */

static void
upp_section_appendix (UppBuilder *b)
{
  UppBriefing *self = b->self;
  UppColumn columns[] = {
    { 0, PANGO_ALIGN_LEFT }, { 40, PANGO_ALIGN_LEFT }, { 62, PANGO_ALIGN_LEFT },
    { 80, PANGO_ALIGN_LEFT }, { 48, PANGO_ALIGN_RIGHT },
  };
  const char *headers[] = { _("Action"), _("Lead"), _("Deadline"), _("Status"), _("Progress") };
  UppTable table;

  upp_builder_section_begin (b, _("Appendix: all actions"), "appendix");
  upp_builder_table_begin (&table, b, columns, G_N_ELEMENTS (columns), headers);
  for (guint i = 0; i < self->statuses->len; i++)
    {
      const UppActionStatus *status = self->statuses->pdata[i];
      g_autofree char *action = upp_briefing_action_cell (status->code, status->title);
      g_autofree char *lead = upp_briefing_esc (status->lead);
      g_autofree char *deadline = upp_briefing_format_date (&status->deadline);
      g_autofree char *state = upp_briefing_state_markup (status->state);
      g_autofree char *progress = status->has_entry ? g_strdup_printf ("%d %%", status->progress)
                                                    : g_strdup ("–");

      upp_builder_table_row (&table, (const char *[]) { action, lead, deadline, state, progress });
    }
  upp_builder_table_end (&table);
  upp_builder_section_end (b);
}

/* The whole document */

static void
running_texts (UppBriefing *self)
{
  g_autofree char *title = upp_briefing_esc (self->package->title);
  g_autofree char *week = g_strdup_printf (_("Situation report week %d"), self->week.week);
  g_autofree char *week_markup = upp_briefing_esc (week);
  g_autofree char *generated_date = g_date_time_format (self->generated, "%Y-%m-%d");
  g_autofree char *footer = self->summary
                            ? g_strdup_printf (_("%s · Generated %s · Summary"),
                                               self->organisation, generated_date)
                            : g_strdup_printf (_("%s · Generated %s"), self->organisation,
                                               generated_date);
  g_autofree char *footer_markup = upp_briefing_esc (footer);
  PangoLayout *layout;

  layout = upp_briefing_text (self, UPP_TEXT_RUNNING, title, UPP_TEXT_WIDTH * 0.6,
                              PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  g_ptr_array_add (self->running, g_object_ref (layout));
  g_ptr_array_add (self->running, g_object_ref (upp_briefing_text (self, UPP_TEXT_RUNNING,
                                                                   week_markup, -1,
                                                                   PANGO_ALIGN_LEFT)));
  g_ptr_array_add (self->running, g_object_ref (upp_briefing_text (self, UPP_TEXT_RUNNING,
                                                                   footer_markup, -1,
                                                                   PANGO_ALIGN_LEFT)));
  for (guint p = 0; p < self->pages->len; p++)
    {
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), p + 1, self->pages->len);

      g_ptr_array_add (self->running, g_object_ref (upp_briefing_text (self, UPP_TEXT_RUNNING,
                                                                       text, -1,
                                                                       PANGO_ALIGN_LEFT)));
    }
}

/* The column of action codes: as wide as the widest code in the bold of
 * the action titles, and a gap. Only the longest codes are measured (one
 * line each in one layout; a layout of thousands of lines is slow). */
static void
measure_hang (UppBriefing *self)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  gsize longest = 0;
  guint n = 0;
  PangoLayout *layout;

  for (guint i = 0; i < self->statuses->len; i++)
    longest = MAX (longest, g_utf8_strlen (((UppActionStatus *) self->statuses->pdata[i])->code, -1));
  for (guint i = 0; i < self->statuses->len && n < 32; i++)
    {
      const char *code = ((UppActionStatus *) self->statuses->pdata[i])->code;
      g_autofree char *markup = NULL;

      if (g_utf8_strlen (code, -1) + 1 < longest)
        continue;
      markup = upp_briefing_esc (code);
      g_string_append_printf (codes, "%s\n", markup);
      n++;
    }
  layout = upp_briefing_text (self, UPP_TEXT_H3, codes->str, -1, PANGO_ALIGN_LEFT);
  self->hang = MAX (34, ceil (upp_layout_width (layout)) + 9);
}

/* The indicator series are the one slow query (every value of every
 * indicator up to the week); it runs in a thread of its own while the
 * other sections are laid out. The store serialises its queries, so this
 * starts after the others. */
typedef struct
{
  UppStore  *store;
  UppWeek    week;
  GError    *error;
} UppSeriesQuery;

static gpointer
query_series (gpointer data)
{
  UppSeriesQuery *query = data;
  return upp_store_query_indicator_series (query->store, query->week, NULL, &query->error);
}

/* The sections are laid out on their own, in as many threads as there are
 * processors: each section cuts its content into chunks with a context of
 * its thread (layouts, chunks, figures and outline entries of its own, the
 * data shared and only read), and the flow then places them in document
 * order. Placing is cheap; shaping the text is what takes the time. */

typedef void (*SectionFunc) (UppBuilder *b,
                             guint       part);

typedef struct
{
  SectionFunc  build;
  guint        part;        /* for build: which department */
  double       cost;        /* a guess, in action cards */
  UppBriefing  local;       /* the briefing's data, with layout state of its own */
  GPtrArray   *recording;   /* what the section added to its flow */
} Section;

typedef struct
{
  UppBriefing *self;
  Section     *sections;
  guint       *order;       /* the sections, the costliest first */
  guint        n_sections;
  int          next;        /* atomic: the next of order to take */
} SectionQueue;

/* An outline entry under the last top-level entry placed before it: a
 * department's, under "Actions by department" in a section before. */
#define UPP_OUTLINE_UNDER_LAST (-2)

static guint layout_threads;

/* For tests: how many threads lay out the sections (0: one a processor). */
void
upp_briefing_set_layout_threads (guint n_threads)
{
  layout_threads = n_threads;
}

static void
upp_section_cover (UppBuilder *b,
                   guint       part)
{
  g_autofree char *changes_title = g_strdup_printf (_("Changes since week %d"),
                                                    upp_week_add (b->self->week, -1).week);
  const TocEntry toc[] = {
    { _("Needs a decision"), "decisions" },
    { changes_title, "changes" },
    { _("Departments"), "departments" },
    { _("Deadlines"), "deadlines" },
    { _("Actions by department"), "actions" },
    { _("Indicators"), "indicators" },
    { _("Appendix: all actions"), "appendix" },
  };

  upp_flow_tag_begin (&b->flow, "Sect");
  title_block (b);
  key_figures (b);
  in_brief (b);
  contents (b, toc, G_N_ELEMENTS (toc));
  upp_flow_tag_end (&b->flow, "Sect");
}

/* "Actions by department" is cut in one section a department, so that
 * the threads share the longest part of the briefing. */
static void
upp_section_actions_begin (UppBuilder *b,
                           guint       part)
{
  upp_builder_section_begin (b, _("Actions by department"), "actions");
  if (b->self->summary)
    {
      g_autofree char *text = upp_briefing_esc (_("This summary leaves out comments, next steps, "
                                                  "risks and leadership notes."));

      upp_builder_paragraph (b, text);
    }
}

static void
upp_section_actions_of_department (UppBuilder *b,
                                   guint       d)
{
  department_actions (b, d, UPP_OUTLINE_UNDER_LAST);
}

static void
upp_section_actions_end (UppBuilder *b,
                         guint       part)
{
  upp_builder_section_end (b);
}

/* The sections that need no more than their UppBuilder. */
static void
needs_decision_section (UppBuilder *b,
                        guint       part)
{
  upp_section_needs_decision (b);
}

static void
changes_section (UppBuilder *b,
                 guint       part)
{
  upp_section_changes (b);
}

static void
departments_section (UppBuilder *b,
                     guint       part)
{
  upp_section_departments (b);
}

static void
deadlines_section (UppBuilder *b,
                   guint       part)
{
  upp_section_deadlines (b);
}

static void
appendix_section (UppBuilder *b,
                  guint       part)
{
  upp_section_appendix (b);
}

static void
lay_out_section (UppBriefing  *self,
                 Section      *section,
                 PangoContext *context)
{
  UppBriefing *local = &section->local;
  UppBuilder b = { local };

  *local = *self;
  local->context = context;
  local->cell_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  local->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  local->chunks = g_ptr_array_new ();
  local->figures = g_ptr_array_new ();
  local->outline = g_array_new (FALSE, TRUE, sizeof (UppOutlineEntry));
  /* Only the flow that places the sections uses these. */
  local->font_map = NULL;
  local->pages = NULL;
  local->dest_pages = NULL;
  local->page_refs = NULL;
  local->running = NULL;

  upp_flow_init (&b.flow, local);
  upp_flow_record (&b.flow);
  section->build (&b, section->part);
  section->recording = upp_flow_stop_recording (&b.flow);
  upp_flow_finish (&b.flow, FALSE);
}

static void
run_sections (SectionQueue *queue,
              PangoContext *context)
{
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&queue->next, 1);

      if (i >= queue->n_sections)
        break;
      lay_out_section (queue->self, &queue->sections[queue->order[i]], context);
    }
}

static gpointer
section_thread (gpointer data)
{
  PangoContext *context = upp_briefing_new_context ();

  run_sections (data, context);
  g_object_unref (context);
  return NULL;
}

/* Takes over what @section made; places it in @b's flow when @place. */
static void
absorb_section (UppBuilder *b,
                Section    *section,
                gboolean    place)
{
  UppBriefing *self = b->self;
  UppBriefing *local = &section->local;
  guint figure_base = self->figures->len;
  guint outline_base = self->outline->len;
  GHashTableIter iter;
  gpointer layout;

  /* Figures and outline entries are numbered in the whole document. */
  for (guint i = 0; i < local->chunks->len; i++)
    {
      UppChunk *chunk = local->chunks->pdata[i];

      for (guint j = 0; j < chunk->ops->len; j++)
        if (g_array_index (chunk->ops, UppOp, j).kind == UPP_OP_FIGURE)
          g_array_index (chunk->ops, UppOp, j).index += figure_base;
    }
  for (guint i = 0; i < local->figures->len; i++)
    g_ptr_array_add (self->figures, local->figures->pdata[i]);
  g_clear_pointer (&local->figures, g_ptr_array_unref);
  for (guint i = 0; i < local->outline->len; i++)
    {
      UppOutlineEntry entry = g_array_index (local->outline, UppOutlineEntry, i);

      if (entry.parent >= 0)
        entry.parent += outline_base;
      else if (entry.parent == UPP_OUTLINE_UNDER_LAST)
        for (entry.parent = self->outline->len - 1; entry.parent >= 0; entry.parent--)
          if (g_array_index (self->outline, UppOutlineEntry, entry.parent).parent < 0)
            break;
      g_array_append_val (self->outline, entry);
    }
  g_clear_pointer (&local->outline, g_array_unref);

  for (guint i = 0; i < local->layouts->len; i++)
    g_ptr_array_add (self->layouts, local->layouts->pdata[i]);
  g_ptr_array_set_free_func (local->layouts, NULL);
  g_clear_pointer (&local->layouts, g_ptr_array_unref);
  g_hash_table_iter_init (&iter, local->cell_cache);
  while (g_hash_table_iter_next (&iter, NULL, &layout))
    g_ptr_array_add (self->layouts, g_object_ref (layout));
  g_clear_pointer (&local->cell_cache, g_hash_table_unref);
  for (guint i = 0; i < local->chunks->len; i++)
    g_ptr_array_add (self->chunks, local->chunks->pdata[i]);
  g_clear_pointer (&local->chunks, g_ptr_array_unref);

  if (place)
    upp_flow_replay (&b->flow, section->recording);
  g_clear_pointer (&section->recording, g_ptr_array_unref);
}

static void
add_section (GArray      *sections,
             SectionFunc  build,
             guint        part,
             double       cost)
{
  Section section = { build, part, cost };

  g_array_append_val (sections, section);
}

static int
compare_cost (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const Section *sections = data;
  double ca = sections[*(const guint *) a].cost;
  double cb = sections[*(const guint *) b].cost;

  return ca > cb ? -1 : ca < cb ? 1 : 0;
}

static gboolean
upp_briefing_build (UppBriefing    *self,
                    GThread        *series_thread,
                    UppSeriesQuery *series_query,
                    GError        **error)
{
  g_autoptr(GArray) sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_autofree guint *order = NULL;
  g_autofree double *cards = g_new0 (double, self->department_counts->len);
  g_autoptr(GHashTable) department_index = g_hash_table_new (g_str_hash, g_str_equal);
  SectionQueue queue = { self };
  guint n_threads = layout_threads > 0 ? layout_threads
                                       : (guint) CLAMP (g_get_num_processors (), 1, 4);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  UppBuilder b = { self };
  double n = self->statuses->len;
  guint appendix_index;
  gboolean ok;

  measure_hang (self);
  /* GDate computes its fields when first asked, even through a const
   * pointer: ask now, before threads read the same dates. */
  for (guint i = 0; i < self->statuses->len; i++)
    {
      UppActionStatus *status = self->statuses->pdata[i];

      if (g_date_valid (&status->deadline))
        {
          (void) g_date_get_julian (&status->deadline);
          (void) g_date_get_year (&status->deadline);
        }
    }

  /* What each department's section holds: cards, and one line for each
   * action done before this week. */
  for (guint d = 0; d < self->department_counts->len; d++)
    g_hash_table_insert (department_index,
                         ((UppDepartmentCounts *) self->department_counts->pdata[d])->code,
                         GUINT_TO_POINTER (d + 1));
  for (guint i = 0; i < self->statuses->len; i++)
    {
      const UppActionStatus *status = self->statuses->pdata[i];
      const UppActionStatus *then = i < self->before->len ? self->before->pdata[i] : NULL;
      guint d = GPOINTER_TO_UINT (g_hash_table_lookup (department_index, status->lead));

      if (d > 0)
        cards[d - 1] += status->state == UPP_STATE_DONE && then != NULL &&
                        then->state == UPP_STATE_DONE ? 0.05 : 1;
    }

  /* In document order; the indicators come before the appendix, once
   * their query is done. The costs are rough guesses in action cards,
   * from profiles at M: only their order matters. */
  add_section (sections, upp_section_cover, 0, 2);
  add_section (sections, needs_decision_section, 0, upp_briefing_count_needing_attention (self));
  add_section (sections, changes_section, 0, 0.05 * n);
  add_section (sections, departments_section, 0, 1);
  add_section (sections, deadlines_section, 0, 1 + 0.15 * self->deadlines->len);
  add_section (sections, upp_section_actions_begin, 0, 1);
  for (guint d = 0; d < self->department_counts->len; d++)
    add_section (sections, upp_section_actions_of_department, d, cards[d]);
  add_section (sections, upp_section_actions_end, 0, 0);
  appendix_index = sections->len;
  add_section (sections, appendix_section, 0, 0.16 * n);

  /* The costliest first, so that no thread is left with a long one last. */
  order = g_new (guint, sections->len);
  for (guint i = 0; i < sections->len; i++)
    order[i] = i;
  g_qsort_with_data (order, sections->len, sizeof (guint), compare_cost, sections->data);
  queue.sections = (Section *) sections->data;
  queue.order = order;
  queue.n_sections = sections->len;

  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("upp-briefing-layout", section_thread, &queue));
  run_sections (&queue, self->context);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);

  self->indicators = g_thread_join (series_thread);
  ok = self->indicators != NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&series_query->error));

  upp_flow_init (&b.flow, self);
  if (ok)
    upp_flow_tag_begin (&b.flow, "Document");
  for (guint i = 0; i < sections->len; i++)
    {
      if (i == appendix_index && ok)
        upp_section_indicators (&b);
      absorb_section (&b, &g_array_index (sections, Section, i), ok);
    }
  if (!ok)
    {
      upp_flow_finish (&b.flow, FALSE);
      return FALSE;
    }
  upp_flow_tag_end (&b.flow, "Document");
  upp_flow_finish (&b.flow, TRUE);

  upp_briefing_finish_layout (self);
  running_texts (self);
  return TRUE;
}

/* Public API */

/**
 * upp_briefing_new:
 * @store: a #UppStore with a package
 * @options: what to write
 * @error: a #GError
 *
 * Queries the store, checks every text that would go into the briefing
 * with the sensitive-data guard, and lays the briefing out into A4 pages
 * (its sections in threads of their own, one a processor). Safe to call in
 * a worker thread; the result may then be drawn in another thread, one
 * thread at a time.
 *
 * Returns: (transfer full): the briefing, or %NULL with @error set (the
 *   error is %UPP_ERROR_SENSITIVE and names the text when the guard
 *   refuses)
 */
UppBriefing *
upp_briefing_new (UppStore                  *store,
                  const UppBriefingOptions  *options,
                  GError                   **error)
{
  g_autoptr(UppBriefing) self = NULL;
  UppSeriesQuery series_query = { 0 };
  GThread *series_thread;
  gint64 start;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!upp_week_is_valid (options->week))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK, _("%d-W%02d is not a week"),
                   options->week.year, options->week.week);
      return NULL;
    }

  self = g_new0 (UppBriefing, 1);
  self->week = options->week;
  self->summary = options->summary;
  self->generated = options->generated != NULL ? g_date_time_ref (options->generated)
                                               : upp_briefing_default_generated ();
  self->language = options->language != NULL ? g_strdup (options->language) : default_language ();

  start = g_get_monotonic_time ();
  if (!collect (self, store, error))
    return NULL;
  g_debug ("queries: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  self->organisation = g_strdup (options->organisation != NULL ? options->organisation
                                                               : self->package->organisation);
  if (!upp_briefing_guard (self, error))
    return NULL;

  self->title = g_strdup_printf (_("%s: situation report week %d"), self->package->title,
                                 self->week.week);
  self->subject = g_strdup_printf (_("Follow-up of the action package as of week %d-W%02d"),
                                   self->week.year, self->week.week);
  self->keywords = g_strdup_printf ("%s, %d-W%02d, %s", self->package->code, self->week.year,
                                    self->week.week, self->summary ? _("summary") : _("briefing"));

  series_query.store = store;
  series_query.week = self->week;
  series_thread = g_thread_new ("upp-briefing-series", query_series, &series_query);

  start = g_get_monotonic_time ();
  upp_briefing_layout_init (self);
  if (!upp_briefing_build (self, series_thread, &series_query, error))
    return NULL;
  g_debug ("layout: %u pages in %.0f ms", self->pages->len,
           (g_get_monotonic_time () - start) / 1000.0);
  return g_steal_pointer (&self);
}

/**
 * upp_briefing_get_n_pages:
 * @self: a #UppBriefing
 *
 * Returns: the number of pages
 */
guint
upp_briefing_get_n_pages (UppBriefing *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

/**
 * upp_briefing_get_title:
 * @self: a #UppBriefing
 *
 * Returns: the document title, as in the PDF's metadata
 */
const char *
upp_briefing_get_title (UppBriefing *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/**
 * upp_briefing_draw_page:
 * @self: a #UppBriefing
 * @cr: a cairo context whose user space is an A4 page in points, origin
 *   at the top left (%UPP_BRIEFING_PAGE_WIDTH × %UPP_BRIEFING_PAGE_HEIGHT)
 * @page: the page, from 0
 *
 * Draws one page, as it is in the PDF, for a #GtkPrintOperation or a
 * preview. Pages may be drawn in any order and more than once.
 */
void
upp_briefing_draw_page (UppBriefing *self,
                        cairo_t     *cr,
                        guint        page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  upp_briefing_render_page (self, cr, page, FALSE);
}

/**
 * upp_briefing_free:
 * @self: (nullable): a #UppBriefing
 */
void
upp_briefing_free (UppBriefing *self)
{
  if (self == NULL)
    return;
  upp_briefing_layout_clear (self);
  g_clear_pointer (&self->generated, g_date_time_unref);
  g_free (self->organisation);
  g_free (self->language);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->keywords);
  g_clear_pointer (&self->package, upp_package_free);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->before, g_ptr_array_unref);
  g_clear_pointer (&self->department_counts, g_ptr_array_unref);
  g_clear_pointer (&self->compliance, g_ptr_array_unref);
  g_clear_pointer (&self->deadlines, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->note_by_action, g_hash_table_unref);
  g_clear_pointer (&self->action_by_code, g_hash_table_unref);
  g_clear_pointer (&self->corrections, g_ptr_array_unref);
  g_free (self);
}

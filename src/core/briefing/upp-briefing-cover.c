/* upp-briefing-cover.c — section 1, the first page: key figures, in brief, contents
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"
#include "upp-dashboard.h"

static guint32
rgba_to_rgb (const UppRgba *rgba)
{
  return ((guint32) (rgba->red * 255 + 0.5) << 16) | ((guint32) (rgba->green * 255 + 0.5) << 8) |
         (guint32) (rgba->blue * 255 + 0.5);
}

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

guint
upp_briefing_count_needing_attention (UppBriefing *self)
{
  guint n = 0;

  for (guint i = 0; i < self->statuses->len; i++)
    if (upp_dashboard_needs_decision (g_ptr_array_index (self->statuses, i)))
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

/* The key figures: a table of one header row (the states, with their
 * symbols) and one row of numbers. On paper each number stands above its
 * caption; the tags read the captions first, as column headers. */
static void
key_figures (UppBuilder *b)
{
  UppBriefing *self = b->self;
  UppChunk *chunk = upp_chunk_new (self);
  double cell = UPP_TEXT_WIDTH / (UPP_N_STATES + 1);
  double height = 0;
  double number_height = 0;
  int number_size = self->counts.total >= 10000 ? 13 : self->counts.total >= 1000 ? 16 : 20;
  PangoLayout *values[UPP_N_STATES + 1];
  PangoLayout *captions[UPP_N_STATES + 1];

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

      values[i + 1] = upp_briefing_text (self, UPP_TEXT_FIGURE_NUMBER, number, -1,
                                         PANGO_ALIGN_LEFT);
      captions[i + 1] = upp_briefing_text (self, UPP_TEXT_FIGURE_LABEL, label, cell - 6,
                                           PANGO_ALIGN_LEFT);
      number_height = MAX (number_height, upp_layout_height (values[i + 1]));
    }

  upp_chunk_tag_begin (chunk, "Table", NULL, FALSE);
  upp_chunk_tag_begin (chunk, "TR", NULL, FALSE);
  for (int i = -1; i < UPP_N_STATES; i++)
    {
      UppState state = i >= 0 ? upp_briefing_state_order[i] : UPP_N_STATES;
      double x = UPP_MARGIN_LEFT + (i + 1) * cell;
      double y = 8 + number_height + 1;

      /* A bar in the state's colour on top: the colour of the charts, with
       * the symbol and the word below for those who cannot see it. */
      upp_chunk_add_rect (chunk, x, 0, cell - 6, 3,
                          i >= 0 ? rgba_to_rgb (&self->chart_style.state_colors[state]) : UPP_INK);
      upp_chunk_tag_begin (chunk, "TH", NULL, TRUE);
      upp_chunk_add_text (chunk, captions[i + 1], x, y, UPP_INK_SECONDARY);
      upp_chunk_tag_end (chunk, "TH");
      height = MAX (height, y + upp_layout_height (captions[i + 1]));
    }
  upp_chunk_tag_end (chunk, "TR");
  upp_chunk_tag_begin (chunk, "TR", NULL, FALSE);
  for (int i = -1; i < UPP_N_STATES; i++)
    {
      upp_chunk_tag_begin (chunk, "TD", NULL, TRUE);
      upp_chunk_add_text (chunk, values[i + 1], UPP_MARGIN_LEFT + (i + 1) * cell, 8, UPP_INK);
      upp_chunk_tag_end (chunk, "TD");
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

            if (upp_state_get_severity (state) != severity || state == UPP_STATE_UNREPORTED ||
                !upp_state_needs_attention (state) || self->counts.counts[state] == 0)
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
  if (self->counts.counts[UPP_STATE_UNREPORTED] > 0)
    g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%d action has no report from its lead "
                                                          "department (Missing Reports).",
                                                          "%d actions have no report from their "
                                                          "lead department (Missing Reports).",
                                                          self->counts.counts[UPP_STATE_UNREPORTED]),
                                             self->counts.counts[UPP_STATE_UNREPORTED]));
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
      upp_chunk_tag_begin (chunk, "LI", NULL, FALSE);
      upp_chunk_tag_begin (chunk, "LBody", NULL, TRUE);
      upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, 0, UPP_INK);
      upp_chunk_tag_end (chunk, "LBody");
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

void
upp_section_cover (UppBuilder *b,
                   guint       part)
{
  g_autofree char *changes_title = g_strdup_printf (_("Changes since week %d"),
                                                    upp_week_add (b->self->week, -1).week);
  const TocEntry toc[] = {
    { _("Needs a decision"), "decisions" },
    { _("Missing Reports"), "missing" },
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
  /* The summary's sections follow on the same pages: no contents. */
  if (!b->self->summary)
    contents (b, toc, G_N_ELEMENTS (toc));
  upp_flow_tag_end (&b->flow, "Sect");
}

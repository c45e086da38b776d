/* upp-briefing-changes.c — section 3, "Changes since week N": what changed since last week
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"

static const char *
department_name (UppBriefing *self,
                 const char  *code)
{
  const UppDepartment *department = upp_package_find_department (self->package, code);

  return department != NULL ? department->name : code;
}

void
upp_section_changes (UppBuilder *b)
{
  UppBriefing *self = b->self;
  UppWeek previous = upp_week_add (self->week, -1);
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GPtrArray) done = g_ptr_array_new ();
  g_autoptr(GPtrArray) risks = g_ptr_array_new ();
  g_autofree char *title = g_strdup_printf (_("Changes since week %d"), previous.week);
  guint n_corrections = self->summary ? MIN (self->corrections->len, self->summary_items)
                                      : self->corrections->len;

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
      guint n_rows = self->summary ? MIN (changed->len, 2 * self->summary_items) : changed->len;
      UppTable table;

      upp_builder_table_begin (&table, b, columns, G_N_ELEMENTS (columns), headers);
      for (guint i = 0; i < n_rows; i += 2)
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
      if (self->summary && changed->len > 2 * self->summary_items)
        upp_builder_more_note (b, (changed->len - 2 * self->summary_items) / 2);
    }

  upp_builder_heading (b, UPP_TEXT_H2, _("Newly done"), NULL);
  if (done->len == 0)
    upp_builder_empty_note (b, _("No action was reported done this week."));
  else
    {
      guint n_items = self->summary ? MIN (done->len, self->summary_items) : done->len;

      upp_flow_tag_begin (&b->flow, "L");
      for (guint i = 0; i < n_items; i++)
        {
          UppActionStatus *status = done->pdata[i];
          g_autofree char *lead = upp_briefing_esc (status->lead_name);

          upp_builder_action_item (b, status, lead, "LI", NULL, 3, FALSE);
        }
      upp_flow_tag_end (&b->flow, "L");
      if (self->summary && done->len > self->summary_items)
        upp_builder_more_note (b, done->len - self->summary_items);
    }

  /* Risks are the departments' words: not in the summary. */
  if (self->summary)
    g_ptr_array_set_size (risks, 0);
  else
    upp_builder_heading (b, UPP_TEXT_H2, _("New risks"), NULL);
  if (risks->len == 0 && !self->summary)
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
  for (guint i = 0; i < n_corrections; i++)
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
  upp_builder_more_note (b, self->corrections->len - n_corrections);
  upp_builder_section_end (b);
}

/* upp-briefing-by-department.c — section 6, "Actions by department": the actions as cards
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"

#define MAX_DONE_TITLES    12

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
  /* The department's own words on the week, before its actions. Free
   * text: not in the summary variant. */
  if (!self->summary)
    {
      const char *text = g_hash_table_lookup (self->summaries, department->code);

      if (upp_briefing_has_text (text))
        {
          g_autofree char *label = g_strdup_printf (C_("briefing", "Summary of week %d"),
                                                    self->week.week);
          g_autofree char *markup = upp_briefing_labelled (label, text);

          upp_flow_paragraph (&b->flow, UPP_TEXT_BODY, markup, 0, 4, "P", FALSE);
        }
    }

  for (guint i = 0; i < list->len; i++)
    if (!g_hash_table_contains (done_before, list->pdata[i]))
      upp_builder_action_card (b, list->pdata[i], FALSE);
  done_earlier (b, list, done_before);
  upp_flow_tag_end (&b->flow, "Sect");
}

/* "Actions by department" is cut in one section a department, so that
 * the threads share the longest part of the briefing. */
void
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

void
upp_section_actions_of_department (UppBuilder *b,
                                   guint       d)
{
  department_actions (b, d, UPP_OUTLINE_UNDER_LAST);
}

void
upp_section_actions_end (UppBuilder *b,
                         guint       part)
{
  upp_builder_section_end (b);
}

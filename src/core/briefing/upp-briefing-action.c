/* upp-briefing-action.c — one action as the briefing shows it: a card, or a line of a list
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"

#define HANG (b->self->hang)

/* The title line of an action: the code hangs in the margin column, the
 * title wraps beside it. Linked to the action's place in its department's
 * section when @link is set, else that place itself. */
static void
action_title (UppBuilder            *b,
              const UppActionStatus *status,
              gboolean               link)
{
  UppBriefing *self = b->self;
  g_autofree char *dest = upp_briefing_dest_name ("action-", status->code);
  /* The summary has no department sections to lead to. */
  gboolean as_link = link && !self->summary;
  g_autofree char *code = upp_briefing_esc (status->code);
  g_autofree char *title = upp_briefing_esc (status->title);
  g_autofree char *markup = g_strdup_printf ("%s\t%s", code, title);
  /* Translators: what a link to an action does, for a screen reader */
  g_autofree char *description = as_link ? g_strdup_printf (_("Go to %s %s in its department’s "
                                                           "section"), status->code,
                                                         status->title)
                                      : NULL;
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, HANG);
  const char *tag = link ? "H2" : "H3";
  PangoLayout *layout;
  UppChunk *chunk = upp_chunk_new (self);

  layout = upp_briefing_text (self, UPP_TEXT_H3, markup, UPP_TEXT_WIDTH, PANGO_ALIGN_LEFT);
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_indent (layout, pango_units_from_double (-HANG));

  chunk->height = upp_layout_height (layout);
  chunk->space_before = 14;
  chunk->space_after = 1;
  chunk->keep_with_next = TRUE;
  if (!link)
    upp_chunk_add_dest (chunk, dest, 0);
  /* In "Needs a decision" the actions are the section's subheadings; in a
   * department's section they are a level below the department. */
  upp_chunk_tag_begin (chunk, tag, NULL, !as_link);
  if (as_link)
    upp_chunk_link_begin (chunk, dest, description);
  upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, 0, UPP_INK);
  if (as_link)
    upp_chunk_tag_end (chunk, CAIRO_TAG_LINK);
  upp_chunk_tag_end (chunk, tag);
  upp_flow_add (&b->flow, chunk);
}

void
upp_builder_indented_paragraph (UppBuilder   *b,
                                UppTextStyle  style,
                                const char   *markup,
                                double        space_before,
                                gboolean      keep_with_next)
{
  upp_flow_paragraph (&b->flow, style, markup, HANG, space_before, "P", keep_with_next);
}

/* One action on one line of a list, the code in the margin column, and
 * after the title what the list is about (@suffix, markup), in grey. */
void
upp_builder_action_item (UppBuilder            *b,
                         const UppActionStatus *status,
                         const char            *suffix,
                         const char            *tag,
                         const char            *dest,
                         double                 space_before,
                         gboolean               keep_with_next)
{
  UppBriefing *self = b->self;
  g_autofree char *code = upp_briefing_esc (status->code);
  g_autofree char *title = upp_briefing_esc (status->title);
  g_autofree char *markup = NULL;
  PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, HANG);
  PangoLayout *layout;
  UppChunk *chunk = upp_chunk_new (self);

  if (suffix != NULL)
    markup = g_strdup_printf ("<b>%s</b>\t%s <span foreground=\"#555555\">· %s</span>", code,
                              title, suffix);
  else
    markup = g_strdup_printf ("<b>%s</b>\t%s", code, title);
  layout = upp_briefing_text (self, UPP_TEXT_TABLE, markup, UPP_TEXT_WIDTH, PANGO_ALIGN_LEFT);
  pango_layout_set_tabs (layout, tabs);
  pango_tab_array_free (tabs);
  pango_layout_set_indent (layout, pango_units_from_double (-HANG));

  chunk->height = upp_layout_height (layout);
  chunk->space_before = space_before;
  chunk->space_after = 3;
  chunk->keep_with_next = keep_with_next;
  if (dest != NULL)
    upp_chunk_add_dest (chunk, dest, 0);
  /* A list item's content is its body (PDF/UA: LI holds LBody). */
  if (g_str_equal (tag, "LI"))
    {
      upp_chunk_tag_begin (chunk, "LI", NULL, FALSE);
      upp_chunk_tag_begin (chunk, "LBody", NULL, TRUE);
      upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, 0, UPP_INK);
      upp_chunk_tag_end (chunk, "LBody");
      upp_chunk_tag_end (chunk, "LI");
    }
  else
    {
      upp_chunk_tag_begin (chunk, tag, NULL, TRUE);
      upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, 0, UPP_INK);
      upp_chunk_tag_end (chunk, tag);
    }
  upp_flow_add (&b->flow, chunk);
}

static void
action_free_texts (UppBuilder            *b,
                   const UppActionStatus *status,
                   gboolean               next_steps)
{
  UppBriefing *self = b->self;
  const UppNote *note = g_hash_table_lookup (self->note_by_action, status->code);
  g_autofree char *comment_label = NULL;
  const struct { const char *label; const char *text; } fields[] = {
    { NULL, status->comment },
    { C_("briefing", "Next steps"), next_steps ? status->next_steps : NULL },
    { C_("briefing", "Risks"), status->risks },
    { C_("briefing", "Leadership note"), note != NULL ? note->text : NULL },
  };

  if (self->summary)
    return;
  /* An old comment says so: the lead has not reported this week. */
  if (status->has_entry && upp_week_compare (status->entry_week, self->week) != 0)
    comment_label = g_strdup_printf (C_("briefing", "Comment, week %d"), status->entry_week.week);
  else
    comment_label = g_strdup (C_("briefing", "Comment"));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *markup = NULL;

      if (!upp_briefing_has_text (fields[i].text))
        continue;
      markup = upp_briefing_labelled (fields[i].label != NULL ? fields[i].label : comment_label,
                                      fields[i].text);
      upp_builder_indented_paragraph (b, UPP_TEXT_BODY, markup, 3, FALSE);
    }
}

/* The facts line under an action's title: state first, in its ink. */
static char *
action_facts (UppBriefing           *self,
              const UppActionStatus *status,
              gboolean               with_lead)
{
  const UppAction *action = g_hash_table_lookup (self->action_by_code, status->code);
  g_autofree char *state = upp_briefing_state_markup (status->state);
  g_autofree char *deadline = upp_briefing_format_date (&status->deadline);
  g_autofree char *deadline_text = g_strdup_printf (_("Deadline %s"), deadline);
  g_autofree char *deadline_markup = upp_briefing_esc (deadline_text);
  GString *facts = g_string_new (NULL);
  gboolean as_reported = status->has_entry &&
                         upp_week_compare (status->entry_week, self->week) == 0 &&
                         upp_status_to_state (status->entry_status) == status->state;

  g_string_append_printf (facts, "<span foreground=\"#1a1a1a\">%s</span>", state);
  if (status->has_entry)
    g_string_append_printf (facts, " · %d %%", status->progress);
  /* An overdue action's reason names its deadline already. */
  if (status->state != UPP_STATE_OVERDUE)
    g_string_append_printf (facts, " · %s", deadline_markup);
  /* The reason only when it says more than the state and the progress. */
  if (!as_reported && upp_briefing_has_text (status->reason))
    {
      g_autofree char *reason = upp_briefing_esc (status->reason);

      g_string_append_printf (facts, " · %s", reason);
    }
  if (with_lead)
    {
      g_autofree char *text = g_strdup_printf (_("Lead: %s"), status->lead_name);
      g_autofree char *markup = upp_briefing_esc (text);

      g_string_append_printf (facts, " · %s", markup);
    }
  else if (action != NULL && action->contributors->len > 0)
    {
      g_autoptr(GString) codes = g_string_new (NULL);
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      for (guint c = 0; c < action->contributors->len; c++)
        g_string_append_printf (codes, "%s%s", c > 0 ? ", " : "",
                                (char *) action->contributors->pdata[c]);
      text = g_strdup_printf (_("With %s"), codes->str);
      markup = upp_briefing_esc (text);
      g_string_append_printf (facts, " · %s", markup);
    }
  return g_string_free (facts, FALSE);
}

void
upp_builder_action_card (UppBuilder            *b,
                         const UppActionStatus *status,
                         gboolean               link)
{
  g_autofree char *facts = action_facts (b->self, status, link);
  g_autofree char *markup = g_strdup_printf ("<span foreground=\"#555555\">%s</span>", facts);

  const UppNote *note = g_hash_table_lookup (b->self->note_by_action, status->code);
  gboolean more = status->contradiction ||
                  (!b->self->summary &&
                   (upp_briefing_has_text (status->comment) ||
                    upp_briefing_has_text (status->risks) ||
                    (!link && upp_briefing_has_text (status->next_steps)) ||
                    (note != NULL && upp_briefing_has_text (note->text))));

  action_title (b, status, link);
  /* The facts stay with the first lines of the texts below them. */
  upp_builder_indented_paragraph (b, UPP_TEXT_SMALL, markup, 0, more);
  if (status->contradiction)
    {
      g_autofree char *deadline = upp_briefing_format_date (&status->deadline);
      g_autofree char *label = g_strdup_printf (_("Contradiction: the last report says “%s”, "
                                                  "but the deadline %s has passed."),
                                                upp_status_get_label (status->entry_status),
                                                deadline);
      g_autofree char *label_markup = upp_briefing_esc (label);
      g_autofree char *text = g_strdup_printf ("<b>⚠ %s</b>", label_markup);

      upp_builder_indented_paragraph (b, UPP_TEXT_SMALL, text, 3, FALSE);
    }
  action_free_texts (b, status, !link);
}

/* upp-briefing-decisions.c — section 2, "Needs a decision": the most severe first
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"
#include "upp-dashboard.h"

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

void
upp_section_needs_decision (UppBuilder *b)
{
  UppBriefing *self = b->self;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  for (guint i = 0; i < self->statuses->len; i++)
    {
      UppActionStatus *status = g_ptr_array_index (self->statuses, i);

      if (upp_dashboard_needs_decision (status))
        g_ptr_array_add (items, status);
    }
  /* g_ptr_array_sort is not stable; break ties on package order. */
  g_ptr_array_sort (items, compare_by_severity);

  upp_builder_section_begin (b, _("Needs a decision"), "decisions");
  if (items->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("No action is overdue, delayed or at risk "
                                                 "in week %d."), self->week.week);
      upp_builder_empty_note (b, text);
    }
  else
    {
      /* The summary has no department sections to lead to. */
      g_autofree char *intro = self->summary
                               ? g_strdup (_("Overdue, delayed and at-risk actions, and reports "
                                             "that contradict the definition, the most severe "
                                             "first, each with its reason."))
                               : g_strdup (_("Overdue, delayed and at-risk actions, and "
                                             "reports that contradict the definition, the "
                                             "most severe first, each with its reason. Each "
                                             "title leads to the action in its department’s "
                                             "section."));
      g_autofree char *intro_markup = upp_briefing_esc (intro);

      upp_builder_paragraph (b, intro_markup);
    }

  for (guint i = 0; i < items->len; i++)
    {
      if (self->summary && i == self->summary_items)
        {
          upp_builder_more_note (b, items->len - i);
          break;
        }
      upp_builder_action_card (b, g_ptr_array_index (items, i), TRUE);
    }
  upp_builder_section_end (b);
}

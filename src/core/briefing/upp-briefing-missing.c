/* upp-briefing-missing.c — section 3, "Missing Reports": who to remind, by department
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"
#include "upp-dashboard.h"

/* An unreported action is a reminder to a department, not a decision for
 * the director: the section is short, one paragraph a department, and
 * follows "Needs a decision" on the same page when there is room. */

static char *
describe_action (const UppActionStatus *status)
{
  g_autofree char *code = upp_briefing_esc (status->code);
  g_autofree char *title = upp_briefing_esc (status->title);
  g_autofree char *last = status->has_entry
                          /* Translators: when the lead last reported on an action, “last week 47” */
                          ? g_strdup_printf (_("last report week %d"), status->entry_week.week)
                          : g_strdup (_("never reported"));
  g_autofree char *last_markup = upp_briefing_esc (last);

  return g_strdup_printf ("<b>%s</b> %s (%s)", code, title, last_markup);
}

void
upp_section_missing_reports (UppBuilder *b)
{
  UppBriefing *self = b->self;
  g_autoptr(GPtrArray) groups = upp_dashboard_missing_reports (self->statuses);
  const char *title = _("Missing Reports");

  upp_flow_tag_begin (&b->flow, "Sect");
  upp_builder_heading (b, UPP_TEXT_H1, title, "missing");
  upp_briefing_add_outline (self, -1, title, "missing");
  if (groups->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("Every lead department has reported on its "
                                                 "actions for week %d."), self->week.week);
      upp_builder_empty_note (b, text);
    }
  else
    {
      g_autofree char *intro = g_strdup_printf (_("Actions whose lead department has not "
                                                  "reported on them for week %d, by "
                                                  "department: who to remind."),
                                                self->week.week);
      g_autofree char *intro_markup = upp_briefing_esc (intro);

      upp_builder_paragraph (b, intro_markup);
    }

  for (guint i = 0; i < groups->len; i++)
    {
      const UppMissingReports *group = groups->pdata[i];
      g_autofree char *name = upp_briefing_esc (group->lead_name);
      g_autoptr(GString) markup = g_string_new (NULL);

      if (self->summary && i == self->summary_items)
        {
          guint n_more = 0;

          for (guint j = i; j < groups->len; j++)
            n_more += ((UppMissingReports *) groups->pdata[j])->actions->len;
          upp_builder_more_note (b, n_more);
          break;
        }
      g_string_append_printf (markup, "<b>%s</b> (%u): ", name, group->actions->len);
      for (guint j = 0; j < group->actions->len; j++)
        {
          /* The summary: codes only, a line's worth. */
          const UppActionStatus *status = group->actions->pdata[j];
          g_autofree char *action = NULL;

          if (self->summary && j == UPP_SUMMARY_MAX_ITEMS)
            {
              g_string_append (markup, " …");
              break;
            }
          action = self->summary ? upp_briefing_esc (status->code) : describe_action (status);
          g_string_append_printf (markup, "%s%s", j > 0 ? (self->summary ? ", " : "; ") : "",
                                  action);
        }
      g_string_append (markup, ".");
      upp_flow_paragraph (&b->flow, UPP_TEXT_BODY, markup->str, 0, 5, "P", FALSE);
    }
  upp_flow_tag_end (&b->flow, "Sect");
}

/* upp-briefing-appendix.c — section 8, "Appendix: all actions": one table row for each action
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"

void
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

/* upp-briefing-guard.c — the guard pass: no personal identity number goes into the PDF
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"
#include "upp-error.h"
#include "upp-guard.h"

/* The guard: nothing that goes into the PDF may hold a personal identity
 * number. The summary leaves the free texts out, so it checks only what it
 * prints. */

static gboolean
guard_field (const char  *text,
             const char  *what,
             GError     **error)
{
  g_autofree char *masked = upp_guard_check_text (text);

  if (masked == NULL)
    return TRUE;
  g_set_error (error, UPP_ERROR, UPP_ERROR_SENSITIVE,
               /* Translators: the first %s names the text, such as “A7 comment (week 40)” */
               _("%s contains a personal identity number (%s); the briefing was not written. "
                 "Remove the number, or export the summary, which leaves out comments, risks "
                 "and notes."),
               what, masked);
  return FALSE;
}

gboolean
upp_briefing_guard (UppBriefing  *self,
                    GError      **error)
{
  if (!guard_field (self->package->title, _("The package title"), error) ||
      !guard_field (self->organisation, _("The organisation"), error))
    return FALSE;

  for (guint i = 0; i < self->package->departments->len; i++)
    {
      const UppDepartment *department = g_ptr_array_index (self->package->departments, i);
      g_autofree char *what = g_strdup_printf (_("The name of department %s"), department->code);

      if (!guard_field (department->name, what, error))
        return FALSE;
    }

  for (guint i = 0; i < self->package->actions->len; i++)
    {
      const UppAction *action = g_ptr_array_index (self->package->actions, i);

      for (guint j = 0; j < action->indicators->len; j++)
        {
          const UppIndicator *indicator = g_ptr_array_index (action->indicators, j);
          /* Translators: “A7 indicator visits” */
          g_autofree char *what = g_strdup_printf (_("%s indicator %s"), action->code,
                                                   indicator->code);

          if (!guard_field (indicator->name, what, error) ||
              !guard_field (indicator->unit, what, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < self->statuses->len; i++)
    {
      const UppActionStatus *status = g_ptr_array_index (self->statuses, i);
      g_autofree char *what = g_strdup_printf (_("%s title"), status->code);
      const struct { const char *text; const char *format; } fields[] = {
        /* Translators: “A7 comment (week 40)” */
        { status->comment, N_("%s comment (week %d)") },
        { status->next_steps, N_("%s next steps (week %d)") },
        { status->risks, N_("%s risks (week %d)") },
      };

      if (!guard_field (status->title, what, error))
        return FALSE;
      if (self->summary || !status->has_entry)
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *field = NULL;

          if (fields[f].text == NULL)
            continue;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          field = g_strdup_printf (_(fields[f].format), status->code, status->entry_week.week);
#pragma GCC diagnostic pop
          if (!guard_field (fields[f].text, field, error))
            return FALSE;
        }
    }

  if (!self->summary)
    for (guint i = 0; i < self->package->departments->len; i++)
      {
        const UppDepartment *department = g_ptr_array_index (self->package->departments, i);
        const char *text = g_hash_table_lookup (self->summaries, department->code);
        /* Translators: “The summary of SOC’s report (week 40)” */
        g_autofree char *what = g_strdup_printf (_("The summary of %s’s report (week %d)"),
                                                 department->code, self->week.week);

        if (text != NULL && !guard_field (text, what, error))
          return FALSE;
      }

  if (!self->summary)
    for (guint i = 0; i < self->notes->len; i++)
      {
        const UppNote *note = g_ptr_array_index (self->notes, i);
        /* Translators: “A7 leadership note (week 40)” */
        g_autofree char *what = g_strdup_printf (_("%s leadership note (week %d)"), note->action,
                                                 note->week.week);

        if (!guard_field (note->text, what, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
refuse_number (const char  *what,
               const char  *masked,
               GError     **error)
{
  g_set_error (error, UPP_ERROR, UPP_ERROR_SENSITIVE,
               /* Translators: the first %s names the number, such as “A7 indicator visits
                * (week 40)” */
               _("%s is a number that reads as a personal identity number (%s); the briefing "
                 "was not written. Send a corrected report or package definition."),
               what, masked);
  return FALSE;
}

/* The indicators' values and targets, once their query is done. Import
 * refuses such a number, but a database filled before it read numbers so
 * may hold one. */
gboolean
upp_briefing_guard_indicators (UppBriefing  *self,
                               GError      **error)
{
  for (guint i = 0; i < self->indicators->len; i++)
    {
      const UppIndicatorSeries *series = g_ptr_array_index (self->indicators, i);
      g_autofree char *masked = NULL;

      if (series->has_target && (masked = upp_guard_check_number (series->target)) != NULL)
        {
          /* Translators: “The target of A7 indicator visits” */
          g_autofree char *what = g_strdup_printf (_("The target of %s indicator %s"),
                                                   series->action_code,
                                                   series->indicator_code);

          return refuse_number (what, masked, error);
        }
      for (guint j = 0; j < series->n_points; j++)
        {
          g_autofree char *what = NULL;

          masked = upp_guard_check_number (series->values[j]);
          if (masked == NULL)
            continue;
          /* Translators: “A7 indicator visits (week 40)” */
          what = g_strdup_printf (_("%s indicator %s (week %d)"), series->action_code,
                                  series->indicator_code, series->weeks[j].week);
          return refuse_number (what, masked, error);
        }
    }
  return TRUE;
}

/* upp-types.c
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-types"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-types.h"

static const char * const status_strings[UPP_N_STATUSES] = {
  "not-started", "on-track", "at-risk", "delayed", "done",
};

static const char * const state_strings[UPP_N_STATES] = {
  "done", "on-track", "not-started", "at-risk", "delayed", "overdue", "unreported",
};

static const char * const compliance_strings[UPP_N_COMPLIANCE] = {
  "on-time", "late", "corrected", "missing", "not-due",
};

const char *
upp_status_to_string (UppStatus status)
{
  g_return_val_if_fail (status < UPP_N_STATUSES, NULL);
  return status_strings[status];
}

gboolean
upp_status_from_string (const char *text,
                        UppStatus  *out_status)
{
  for (guint i = 0; i < UPP_N_STATUSES; i++)
    if (g_strcmp0 (text, status_strings[i]) == 0)
      {
        *out_status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
upp_status_get_label (UppStatus status)
{
  return upp_state_get_label (upp_status_to_state (status));
}

UppState
upp_status_to_state (UppStatus status)
{
  switch (status)
    {
    case UPP_STATUS_NOT_STARTED: return UPP_STATE_NOT_STARTED;
    case UPP_STATUS_ON_TRACK: return UPP_STATE_ON_TRACK;
    case UPP_STATUS_AT_RISK: return UPP_STATE_AT_RISK;
    case UPP_STATUS_DELAYED: return UPP_STATE_DELAYED;
    case UPP_STATUS_DONE: return UPP_STATE_DONE;
    case UPP_N_STATUSES:
    default:
      g_return_val_if_reached (UPP_STATE_UNREPORTED);
    }
}

/**
 * upp_status_describe:
 * @status: a reported status
 *
 * Returns: (transfer full): the status as the app shows it in text, its
 *   state's symbol and label (“● On track”), the same in every view
 */
char *
upp_status_describe (UppStatus status)
{
  UppState state = upp_status_to_state (status);

  return g_strdup_printf ("%s %s", upp_state_get_symbol (state), upp_state_get_label (state));
}

const char *
upp_state_to_string (UppState state)
{
  g_return_val_if_fail (state < UPP_N_STATES, NULL);
  return state_strings[state];
}

const char *
upp_state_get_label (UppState state)
{
  switch (state)
    {
    case UPP_STATE_DONE: return C_("status", "Done");
    case UPP_STATE_ON_TRACK: return C_("status", "On track");
    case UPP_STATE_NOT_STARTED: return C_("status", "Not started");
    case UPP_STATE_AT_RISK: return C_("status", "At risk");
    case UPP_STATE_DELAYED: return C_("status", "Delayed");
    case UPP_STATE_OVERDUE: return C_("status", "Overdue");
    case UPP_STATE_UNREPORTED: return C_("status", "Unreported");
    case UPP_N_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The second cue beside colour: a symbol that survives grey-scale print and
 * colour-blind eyes. Plain Unicode in DejaVu Sans, so screen and PDF agree. */
const char *
upp_state_get_symbol (UppState state)
{
  switch (state)
    {
    case UPP_STATE_DONE: return "✓";
    case UPP_STATE_ON_TRACK: return "●";
    case UPP_STATE_NOT_STARTED: return "○";
    case UPP_STATE_AT_RISK: return "▲";
    case UPP_STATE_DELAYED: return "◆";
    case UPP_STATE_OVERDUE: return "✕";
    case UPP_STATE_UNREPORTED: return "?";
    case UPP_N_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Higher is worse: the order of "needs attention" lists. */
int
upp_state_get_severity (UppState state)
{
  switch (state)
    {
    case UPP_STATE_OVERDUE: return 6;
    case UPP_STATE_DELAYED: return 5;
    case UPP_STATE_AT_RISK: return 4;
    case UPP_STATE_UNREPORTED: return 3;
    case UPP_STATE_NOT_STARTED: return 2;
    case UPP_STATE_ON_TRACK: return 1;
    case UPP_STATE_DONE: return 0;
    case UPP_N_STATES:
    default:
      g_return_val_if_reached (0);
    }
}

gboolean
upp_state_needs_attention (UppState state)
{
  return upp_state_get_severity (state) >= upp_state_get_severity (UPP_STATE_UNREPORTED);
}

const char *
upp_compliance_to_string (UppCompliance compliance)
{
  g_return_val_if_fail (compliance < UPP_N_COMPLIANCE, NULL);
  return compliance_strings[compliance];
}

const char *
upp_compliance_get_label (UppCompliance compliance)
{
  switch (compliance)
    {
    case UPP_COMPLIANCE_ON_TIME: return C_("reporting", "On time");
    case UPP_COMPLIANCE_LATE: return C_("reporting", "Late");
    case UPP_COMPLIANCE_CORRECTED: return C_("reporting", "Corrected");
    case UPP_COMPLIANCE_MISSING: return C_("reporting", "Missing");
    case UPP_COMPLIANCE_NOT_DUE: return C_("reporting", "Not due");
    case UPP_N_COMPLIANCE:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
upp_state_counts_add (UppStateCounts *counts,
                      UppState        state)
{
  g_return_if_fail (state < UPP_N_STATES);
  counts->counts[state]++;
  counts->total++;
}

void
upp_department_counts_free (UppDepartmentCounts *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self);
}

void
upp_deadline_free (UppDeadline *self)
{
  if (self == NULL)
    return;
  g_free (self->action_code);
  g_free (self->title);
  g_free (self->lead_code);
  g_free (self);
}

void
upp_trend_point_free (UppTrendPoint *self)
{
  g_free (self);
}

void
upp_compliance_row_free (UppComplianceRow *self)
{
  if (self == NULL)
    return;
  g_free (self->department_code);
  g_free (self->department_name);
  g_free (self->cells);
  g_free (self);
}

void
upp_indicator_series_free (UppIndicatorSeries *self)
{
  if (self == NULL)
    return;
  g_free (self->action_code);
  g_free (self->indicator_code);
  g_free (self->name);
  g_free (self->unit);
  g_free (self->weeks);
  g_free (self->values);
  g_free (self);
}

/**
 * upp_state_format_count:
 * @state: a state
 * @n: how many actions are in it
 *
 * Returns: (transfer full): “3 delayed”, with the plural the language needs
 *   (Swedish “3 klara”, not “3 klar”)
 */
char *
upp_state_format_count (UppState state,
                        int      n)
{
  switch (state)
    {
    case UPP_STATE_DONE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d done", "%d done", n), n);
    case UPP_STATE_ON_TRACK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d on track", "%d on track", n), n);
    case UPP_STATE_NOT_STARTED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d not started", "%d not started", n), n);
    case UPP_STATE_AT_RISK:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d at risk", "%d at risk", n), n);
    case UPP_STATE_DELAYED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d delayed", "%d delayed", n), n);
    case UPP_STATE_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d overdue", "%d overdue", n), n);
    case UPP_STATE_UNREPORTED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unreported", "%d unreported", n), n);
    case UPP_N_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * upp_compliance_format_count:
 * @compliance: a kind of reporting
 * @n: how many reports
 *
 * Returns: (transfer full): “2 late”, with the plural the language needs
 */
char *
upp_compliance_format_count (UppCompliance compliance,
                             int           n)
{
  switch (compliance)
    {
    case UPP_COMPLIANCE_ON_TIME:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d on time", "%d on time", n), n);
    case UPP_COMPLIANCE_LATE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d late", "%d late", n), n);
    case UPP_COMPLIANCE_CORRECTED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d corrected", "%d corrected", n), n);
    case UPP_COMPLIANCE_MISSING:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d missing", "%d missing", n), n);
    case UPP_COMPLIANCE_NOT_DUE:
    case UPP_N_COMPLIANCE:
    default:
      g_return_val_if_reached (NULL);
    }
}

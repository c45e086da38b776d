/* upp-report-field.c — a field of the report form: what is typed in it goes to the values
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-report-text-row.h"
#include "upp-report-window-private.h"

/* After the last key press: check the report, then keep the draft. */
#define VALIDATE_DELAY_MS 150
#define DRAFT_DELAY_MS 1000

/* Fields go before their widgets do (a rebuild, dispose): nothing may call
 * back into a freed field. */
void
upp_report_field_free (UppReportField *field)
{
  if (field->input != NULL)
    g_signal_handlers_disconnect_by_data (field->input, field);
  g_free (field->key);
  g_free (field->action);
  g_free (field->name);
  g_free (field->indicator);
  g_free (field->place);
  g_free (field->message);
  g_free (field);
}

const char *
upp_report_field_label (const char *name)
{
  if (g_strcmp0 (name, "status") == 0)
    return _("Status");
  if (g_strcmp0 (name, "progress") == 0)
    return _("Progress");
  if (g_strcmp0 (name, "comment") == 0)
    return _("This week");
  if (g_strcmp0 (name, "next_steps") == 0)
    return _("Next steps");
  if (g_strcmp0 (name, "risks") == 0)
    return _("Risks and problems");
  if (g_strcmp0 (name, "reporter") == 0)
    return _("Your role");
  if (g_strcmp0 (name, "summary") == 0)
    return _("Summary");
  if (g_strcmp0 (name, "week") == 0)
    return _("Week");
  if (g_strcmp0 (name, "department") == 0)
    return _("Department");
  return name;
}

UppReportField *
upp_report_window_add_field (UppReportWindow *self,
                             const char      *action,
                             const char      *name,
                             const char      *indicator,
                             const char      *place,
                             GtkWidget       *input,
                             GtkWidget       *row)
{
  UppReportField *field = g_new0 (UppReportField, 1);

  field->window = self;
  field->key = upp_report_form_key (action, name, indicator);
  field->action = g_strdup (action);
  field->name = g_strdup (name);
  field->indicator = g_strdup (indicator);
  field->input = input;
  field->row = row;
  if (action != NULL)
    /* Translators: where a problem is, “A12, Progress” */
    field->place = g_strdup_printf (_("%s, %s"), action, place);
  else
    field->place = g_strdup (place);
  g_hash_table_replace (self->fields, field->key, field);
  return field;
}

static char *
editable_text (GtkWidget *widget)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

void
upp_report_window_replace (char **field,
                           char  *value)
{
  g_free (*field);
  *field = value;
}

static gboolean
validate_timeout (gpointer user_data)
{
  UppReportWindow *self = user_data;

  self->validate_id = 0;
  upp_report_window_validate_now (self);
  return G_SOURCE_REMOVE;
}

static gboolean
draft_timeout (gpointer user_data)
{
  UppReportWindow *self = user_data;

  self->draft_id = 0;
  upp_report_window_save_draft_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_validation (UppReportWindow *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  self->validate_id = g_timeout_add (VALIDATE_DELAY_MS, validate_timeout, self);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->draft_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout, self);
}

/* What the user did → the values. */
void
upp_report_field_on_changed (UppReportField *field)
{
  UppReportWindow *self = field->window;
  UppReportFormEntry *entry = NULL;

  if (self->loading > 0 || self->form == NULL || self->read_only)
    return;
  if (field->action != NULL)
    {
      entry = upp_report_form_find_entry (self->form, field->action);
      g_return_if_fail (entry != NULL);
    }

  if (g_str_equal (field->name, "reporter"))
    upp_report_window_replace (&self->form->reporter, editable_text (field->input));
  else if (g_str_equal (field->name, "summary"))
    upp_report_window_replace (&self->form->summary,
                               upp_report_text_row_get_text (UPP_REPORT_TEXT_ROW (field->input)));
  else if (g_str_equal (field->name, "status"))
    entry->status = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (field->input)),
                         UPP_N_STATUSES - 1);
  else if (g_str_equal (field->name, "progress"))
    entry->progress = (int) gtk_range_get_value (GTK_RANGE (field->input));
  else if (g_str_equal (field->name, "comment"))
    upp_report_window_replace (&entry->comment,
                               upp_report_text_row_get_text (UPP_REPORT_TEXT_ROW (field->input)));
  else if (g_str_equal (field->name, "next_steps"))
    upp_report_window_replace (&entry->next_steps,
                               upp_report_text_row_get_text (UPP_REPORT_TEXT_ROW (field->input)));
  else if (g_str_equal (field->name, "risks"))
    upp_report_window_replace (&entry->risks,
                               upp_report_text_row_get_text (UPP_REPORT_TEXT_ROW (field->input)));
  else if (g_str_equal (field->name, "indicators"))
    {
      g_autofree char *text = editable_text (field->input);

      upp_report_form_set_indicator (self->form, field->action, field->indicator, text);
    }

  if (entry != NULL)
    upp_report_window_update_expander (self, entry->action);
  /* A check on the values before this change is stale now. */
  self->generation++;
  self->dirty = TRUE;
  schedule_validation (self);
}

/* upp-report-load.c — choosing a department and week, and loading the form for them
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-a11y.h"
#include "upp-dashboard.h"
#include "upp-report-text-row.h"
#include "upp-report-window-private.h"

static void
update_title (UppReportWindow *self)
{
  const UppPackage *package = upp_report_window_get_package (self);
  const UppDepartment *department = package != NULL && self->form != NULL
                                      ? upp_package_find_department (package, self->form->department)
                                      : NULL;
  g_autofree char *week = self->form != NULL ? upp_dashboard_week_title (self->form->week) : NULL;
  g_autofree char *subtitle = NULL;
  const char *name = department != NULL ? department->name
                                        : self->form != NULL ? self->form->department : "";

  if (self->form == NULL)
    return;
  if (self->revision > 1)
    /* Translators: the report window's subtitle, “Socialförvaltningen · Week 48, 2026 · Correction” */
    subtitle = g_strdup_printf (_("%s · %s · Correction"), name, week);
  else
    /* Translators: the report window's subtitle, “Socialförvaltningen · Week 49, 2026” */
    subtitle = g_strdup_printf (_("%s · %s"), name, week);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
on_restored_discard (UppReportWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "report.discard", NULL);
}

/* While a department's week loads: the choices stay, so that another one
 * can supersede it; the rest waits behind a spinner. */
static void
show_loading (UppReportWindow *self,
              gboolean         loading)
{
  gtk_widget_set_visible (self->loading_group, loading);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reporter_row), !loading);
  gtk_widget_set_sensitive (self->summary_row, !loading);
  if (!loading)
    return;

  g_clear_pointer (&self->form, upp_report_form_free);
  upp_report_window_clear_entries (self);
  upp_report_window_set_problems (self, NULL);
  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_row), "");
  upp_report_text_row_set_text (UPP_REPORT_TEXT_ROW (self->summary_row), "");
  self->loading--;
  adw_preferences_group_set_description (self->report_group, NULL);
  adw_window_title_set_subtitle (self->window_title, NULL);
  upp_report_window_update_actions (self);
}

/* The form on what was loaded. */
static void
show_form (UppReportWindow *self,
           UppReportLoad   *load)
{
  const char *description;
  GtkWidget *focus;

  self->form = g_steal_pointer (&load->form);
  self->revision = load->n_reports + 1;
  self->dirty = FALSE;
  self->form_serial++;
  self->generation++;

  self->loading++;
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_row), self->form->reporter);
  upp_report_text_row_set_text (UPP_REPORT_TEXT_ROW (self->summary_row), self->form->summary);
  self->loading--;
  upp_report_window_build_entries (self);
  upp_a11y_name_preferences (GTK_WIDGET (self->page), _("Weekly Report"));

  if (load->n_reports > 0)
    description = _("This week was already reported: the form shows that report. Saving writes a "
                    "correction that replaces it.");
  else
    description = _("Pre-filled from your last report: update what changed this week. What you "
                    "write is kept as a draft until you save or import the report.");
  adw_preferences_group_set_description (self->report_group, description);
  update_title (self);
  upp_report_window_update_actions (self);
  upp_report_window_validate_now (self);

  /* The first field, with its focus ring, when the form first shows and
   * the person is not in it yet (choosing another week reloads it). Not a
   * text field: a reload makes the form insensitive, and a GtkText losing
   * focus that way warns that it "did not receive a focus-out event". */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (!self->focus_placed && !self->closing
      && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->page))))
    {
      self->focus_placed = TRUE;
      gtk_widget_grab_focus (GTK_WIDGET (self->department_row));
      gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
    }

  if (load->from_draft)
    {
      AdwToast *toast = adw_toast_new (_("Your draft was restored"));

      adw_toast_set_button_label (toast, _("_Discard"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_restored_discard), self,
                               G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UppReportWindow) self = upp_report_pending_take (user_data, NULL, NULL);
  g_autoptr(UppReportLoad) load = NULL;
  g_autoptr(GError) error = NULL;

  load = upp_report_load_finish (result, &error);
  /* Superseded by another department or week (whose load now shows), or
   * the form is gone. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->load_department, g_free);
  show_loading (self, FALSE);
  if (load == NULL)
    {
      upp_report_window_show_toast (self, error->message);
      upp_report_window_update_actions (self);
      return;
    }
  show_form (self, load);
}

/* Opens the form on @department's report for @week, in the background:
 * the draft if there is one, else the report already sent for that week
 * (saving then writes a correction), else the skeleton the CLI's template
 * gives. Supersedes a load on its way. */
static gboolean
load_report (UppReportWindow *self,
             const char      *department,
             UppWeek          week)
{
  UppStore *store = upp_report_window_get_store (self);

  if (store == NULL || upp_report_window_get_package (self) == NULL)
    return FALSE;
  /* Already shown, or on its way. */
  if (self->load_department != NULL)
    {
      if (g_str_equal (self->load_department, department) &&
          upp_week_compare (self->load_week, week) == 0)
        return TRUE;
    }
  else if (self->form != NULL && g_strcmp0 (self->form->department, department) == 0 &&
           upp_week_compare (self->form->week, week) == 0)
    return TRUE;

  /* Leaving a report for another: what was typed stays a draft. The write
   * runs before the load (and any later one), so coming back to this week
   * finds it. */
  upp_report_window_save_draft_now (self);
  g_clear_handle_id (&self->validate_id, g_source_remove);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  upp_report_window_replace (&self->load_department, g_strdup (department));
  self->load_week = week;
  self->generation++;
  show_loading (self, TRUE);

  upp_report_load_async (store, self->dashboard, department, week, self->load_cancellable,
                         on_loaded, upp_report_pending_new (self));
  return TRUE;
}

static const char *
selected_department (UppReportWindow *self)
{
  guint i = adw_combo_row_get_selected (self->department_row);

  return i < self->department_codes->len ? g_ptr_array_index (self->department_codes, i) : NULL;
}

static gboolean
selected_week (UppReportWindow *self,
               UppWeek         *out_week)
{
  guint i = adw_combo_row_get_selected (self->week_row);

  if (i >= self->weeks->len)
    return FALSE;
  *out_week = g_array_index (self->weeks, UppWeek, i);
  return TRUE;
}

static gboolean
load_chosen (UppReportWindow *self)
{
  const char *department = selected_department (self);
  UppWeek week;

  if (department == NULL || !selected_week (self, &week))
    return FALSE;
  g_settings_set_string (self->settings, "last-department", department);
  return load_report (self, department, week);
}

void
upp_report_window_on_choice_changed (UppReportWindow *self)
{
  if (self->loading > 0 || self->read_only)
    return;
  load_chosen (self);
}

void
upp_report_window_fill_choices (UppReportWindow *self)
{
  const UppPackage *package = upp_report_window_get_package (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) weeks = gtk_string_list_new (NULL);
  UppWeek today = upp_session_get_today (self->session);

  g_ptr_array_set_size (self->department_codes, 0);
  g_array_set_size (self->weeks, 0);
  for (guint i = 0; package != NULL && i < package->departments->len; i++)
    {
      const UppDepartment *department = g_ptr_array_index (package->departments, i);

      gtk_string_list_append (names, department->name);
      g_ptr_array_add (self->department_codes, g_strdup (department->code));
    }
  /* This week first, back to the first reporting week: a report for a
   * week to come would be refused. */
  for (UppWeek week = today;
       package != NULL && upp_week_compare (week, package->first_week) >= 0 && self->weeks->len < 104;
       week = upp_week_add (week, -1))
    {
      g_autofree char *title = upp_dashboard_week_title (week);
      g_autofree char *relation = upp_dashboard_week_relation (week, today);
      g_autofree char *label = NULL;

      if (upp_week_diff (week, today) >= -1)
        /* Translators: a week to report on, “Week 49, 2026 · This week” */
        label = g_strdup_printf (C_("week choice", "%s · %s"), title, relation);
      else
        label = g_strdup (title);
      gtk_string_list_append (weeks, label);
      g_array_append_val (self->weeks, week);
    }

  self->loading++;
  adw_combo_row_set_model (self->department_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->week_row, G_LIST_MODEL (weeks));
  self->loading--;
}

/**
 * upp_report_window_select:
 * @self: a #UppReportWindow
 * @department: a department's code
 * @week: a week, not after this week
 *
 * Shows @department's report for @week, as choosing them in the form does:
 * loaded in the background (see upp_report_window_get_busy()), superseding
 * a load on its way.
 *
 * Returns: %FALSE if the package has no such department or the week
 *   cannot be reported on
 */
gboolean
upp_report_window_select (UppReportWindow *self,
                          const char      *department,
                          UppWeek          week)
{
  guint d = G_MAXUINT, w = G_MAXUINT;

  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), FALSE);
  g_return_val_if_fail (!self->read_only, FALSE);

  for (guint i = 0; i < self->department_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->department_codes, i), department) == 0)
      d = i;
  for (guint i = 0; i < self->weeks->len; i++)
    if (upp_week_compare (g_array_index (self->weeks, UppWeek, i), week) == 0)
      w = i;
  if (d == G_MAXUINT || w == G_MAXUINT)
    return FALSE;

  self->loading++;
  adw_combo_row_set_selected (self->department_row, d);
  adw_combo_row_set_selected (self->week_row, w);
  self->loading--;
  return load_chosen (self);
}

/* upp-report-window.c — writing (or reading) a department's weekly report
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form holds a UppReportForm and only presents it: every change goes
 * into the values, the values are built into the report JSON and checked
 * with the importer's own rules (upp_report_form_validate()), and each
 * problem is shown at the field its JSON path names. While there are
 * problems the report cannot be saved or imported. What is typed is kept
 * as a draft in the database (debounced, and on close) until the report is
 * saved as a file, imported, or discarded.
 *
 * Opened on a report that was sent (from the Reports view or a file), the
 * same form shows it read-only, with the fields a correction changed
 * highlighted and the values they replaced.
 *
 * This file holds the window itself: its construction, actions, getters
 * and teardown. The rest, one part a file, shares the instance struct in
 * upp-report-window-private.h:
 *   upp-report-field.c      a field: what typing in it does to the values
 *   upp-report-problems.c   checking the values, problems at their fields
 *   upp-report-entries.c    the groups and action entries built from them
 *   upp-report-load.c       choosing department and week, loading the form
 *   upp-report-draft.c      the draft kept in the database; discarding it
 *   upp-report-save.c       saving the report as a file, or importing it
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "upp-dashboard.h"
#include "upp-error.h"
#include "upp-import.h"
#include "upp-report-text-row.h"
#include "upp-report-window-private.h"

G_DEFINE_FINAL_TYPE (UppReportWindow, upp_report_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DRAFT_KEPT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
upp_report_window_emit_saved (UppReportWindow *self,
                              GFile           *file,
                              gboolean         ok)
{
  g_signal_emit (self, signals[SAVED], 0, file, ok);
}

UppStore *
upp_report_window_get_store (UppReportWindow *self)
{
  return self->session != NULL ? upp_session_get_store (self->session) : NULL;
}

const UppPackage *
upp_report_window_get_package (UppReportWindow *self)
{
  UppStore *store = upp_report_window_get_store (self);

  return store != NULL ? upp_store_peek_package (store) : NULL;
}

void
upp_report_window_show_toast (UppReportWindow *self,
                              const char      *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
upp_report_window_update_actions (UppReportWindow *self)
{
  gboolean ok = !self->read_only && self->form != NULL && self->problems != NULL &&
                self->problems->len == 0 && self->import_path == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.import", ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.discard",
                                 !self->read_only && self->form != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.show-problem",
                                 self->problems != NULL && self->problems->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.import-file",
                                 self->read_only && self->source_file != NULL);
}

/* Public */

const UppReportForm *
upp_report_window_get_form (UppReportWindow *self)
{
  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), NULL);
  return self->form;
}

gboolean
upp_report_window_get_read_only (UppReportWindow *self)
{
  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), FALSE);
  return self->read_only;
}

/**
 * upp_report_window_get_can_save:
 * @self: a #UppReportWindow
 *
 * Returns: whether Save (and Import) are possible: the report is being
 *   written and the importer's rules find no problem in it
 */
gboolean
upp_report_window_get_can_save (UppReportWindow *self)
{
  GtkWidget *button = NULL;

  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), FALSE);

  /* What the user sees: the split button's own button follows the action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->save_button));
       child != NULL && button == NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && !GTK_IS_MENU_BUTTON (child))
      button = child;
  return !self->read_only && self->problems != NULL && self->problems->len == 0 &&
         self->import_path == NULL && button != NULL && gtk_widget_is_sensitive (button);
}

/**
 * upp_report_window_get_problems:
 * @self: a #UppReportWindow
 *
 * Returns: (transfer none) (element-type UppReportProblem) (nullable): the
 *   problems found by the last check
 */
GPtrArray *
upp_report_window_get_problems (UppReportWindow *self)
{
  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), NULL);
  return self->problems;
}

/**
 * upp_report_window_get_changes:
 * @self: a #UppReportWindow
 *
 * Returns: (transfer none) (element-type UppReportChange) (nullable): read
 *   only, what the shown correction changed against the revision before
 */
GPtrArray *
upp_report_window_get_changes (UppReportWindow *self)
{
  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), NULL);
  return self->changes;
}

/**
 * upp_report_window_get_field:
 * @self: a #UppReportWindow
 * @key: a field's key (see upp_report_form_key())
 *
 * Returns: (transfer none) (nullable): the widget the field is typed in:
 *   an #AdwEntryRow, a #UppReportTextRow, an #AdwComboRow or a #GtkScale
 */
GtkWidget *
upp_report_window_get_field (UppReportWindow *self,
                             const char      *key)
{
  UppReportField *field;

  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), NULL);

  field = g_hash_table_lookup (self->fields, key);
  return field != NULL ? field->input : NULL;
}

/* Returns: (transfer none) (nullable): the row that shows the field's
 * error style */
GtkWidget *
upp_report_window_get_field_row (UppReportWindow *self,
                                 const char      *key)
{
  UppReportField *field;

  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), NULL);

  field = g_hash_table_lookup (self->fields, key);
  return field != NULL ? field->row : NULL;
}

/* Returns: (nullable): the problem shown at the field */
const char *
upp_report_window_get_field_message (UppReportWindow *self,
                                     const char      *key)
{
  UppReportField *field;

  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), NULL);

  field = g_hash_table_lookup (self->fields, key);
  return field != NULL ? field->message : NULL;
}

/* GObject */

static gboolean
upp_report_window_close_request (GtkWindow *window)
{
  UppReportWindow *self = UPP_REPORT_WINDOW (window);

  if (self->dirty && !self->read_only && self->form != NULL)
    {
      upp_report_window_save_draft_now (self);
      if (self->parent != NULL && !self->dirty)
        g_signal_emit (self, signals[DRAFT_KEPT], 0);
    }
  return GTK_WINDOW_CLASS (upp_report_window_parent_class)->close_request (window);
}

static void
upp_report_window_dispose (GObject *object)
{
  UppReportWindow *self = UPP_REPORT_WINDOW (object);

  /* Destroyed with the main window: what was typed is kept all the same. */
  upp_report_window_save_draft_now (self);
  g_clear_handle_id (&self->validate_id, g_source_remove);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  g_clear_handle_id (&self->focus_id, g_source_remove);
  g_clear_weak_pointer (&self->focus_target);
  g_clear_weak_pointer (&self->focus_row);
  g_cancellable_cancel (self->cancellable);
  upp_report_window_forget_import (self);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->expanders, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_REPORT_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->source_file);

  G_OBJECT_CLASS (upp_report_window_parent_class)->dispose (object);
}

static void
upp_report_window_finalize (GObject *object)
{
  UppReportWindow *self = UPP_REPORT_WINDOW (object);

  g_clear_pointer (&self->form, upp_report_form_free);
  g_clear_pointer (&self->previous, upp_report_form_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->department_codes, g_ptr_array_unref);
  g_clear_pointer (&self->weeks, g_array_unref);
  g_free (self->import_path);

  G_OBJECT_CLASS (upp_report_window_parent_class)->finalize (object);
}

static void
upp_report_window_class_init (UppReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = upp_report_window_dispose;
  object_class->finalize = upp_report_window_finalize;
  window_class->close_request = upp_report_window_close_request;

  /**
   * UppReportWindow::saved:
   * @file: the report file
   * @ok: whether it was written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_BOOLEAN);

  /**
   * UppReportWindow::draft-kept:
   *
   * The form is closing and what was typed in it is kept as a draft (see
   * upp_report_window_get_form() for its department and week): the main
   * window says so.
   */
  signals[DRAFT_KEPT] = g_signal_new ("draft-kept", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (UPP_TYPE_REPORT_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-report-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, import_file_button);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, page);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, report_group);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, department_row);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, week_row);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, week_message_row);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, week_message_label);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, reporter_row);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, reporter_message_row);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, reporter_message_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_choice_changed",
                                                G_CALLBACK (upp_report_window_on_choice_changed));

  gtk_widget_class_install_action (widget_class, "report.save", NULL,
                                   upp_report_window_save_action);
  gtk_widget_class_install_action (widget_class, "report.import", NULL,
                                   upp_report_window_import_action);
  gtk_widget_class_install_action (widget_class, "report.import-file", NULL,
                                   upp_report_window_import_file_action);
  gtk_widget_class_install_action (widget_class, "report.discard", NULL,
                                   upp_report_window_discard_action);
  gtk_widget_class_install_action (widget_class, "report.show-problem", NULL,
                                   upp_report_window_show_problem_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
upp_report_window_init (UppReportWindow *self)
{
  UppReportField *field;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("se.lysekil.Uppfoljning");
  self->cancellable = g_cancellable_new ();
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) upp_report_field_free);
  self->expanders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_ptr_array_new ();
  self->department_codes = g_ptr_array_new_with_free_func (g_free);
  self->weeks = g_array_new (FALSE, FALSE, sizeof (UppWeek));

  /* The report's own fields. */
  field = upp_report_window_add_field (self, NULL, "reporter", NULL,
                                       upp_report_field_label ("reporter"),
                                       GTK_WIDGET (self->reporter_row),
                                       GTK_WIDGET (self->reporter_row));
  field->message_row = self->reporter_message_row;
  field->message_label = self->reporter_message_label;
  g_signal_connect_swapped (self->reporter_row, "changed", G_CALLBACK (upp_report_field_on_changed),
                            field);

  self->summary_row = upp_report_text_row_new (_("S_ummary of the week"),
                                               _("The department’s picture of the week, for "
                                                 "leadership: counts and progress, no names"));
  adw_preferences_group_add (self->report_group, self->summary_row);
  field = upp_report_window_add_field (self, NULL, "summary", NULL,
                                       upp_report_field_label ("summary"), self->summary_row,
                                       self->summary_row);
  g_signal_connect_swapped (self->summary_row, "changed", G_CALLBACK (upp_report_field_on_changed),
                            field);

  field = upp_report_window_add_field (self, NULL, "week", NULL, upp_report_field_label ("week"),
                                       GTK_WIDGET (self->week_row), GTK_WIDGET (self->week_row));
  field->message_row = self->week_message_row;
  field->message_label = self->week_message_label;
  field = upp_report_window_add_field (self, NULL, "department", NULL,
                                       upp_report_field_label ("department"),
                                       GTK_WIDGET (self->department_row),
                                       GTK_WIDGET (self->department_row));

  upp_report_window_update_actions (self);
}

/* The form reads and writes the session @parent presents (its `session`
 * property); it does not need to know the main window otherwise. */
UppReportWindow *
upp_report_window_create (GtkWindow *parent)
{
  UppReportWindow *self = g_object_new (UPP_TYPE_REPORT_WINDOW,
                                        "transient-for", parent,
                                        "application", gtk_window_get_application (GTK_WINDOW (parent)),
                                        NULL);

  self->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  g_object_get (parent, "session", &self->session, NULL);
  return self;
}

/**
 * upp_report_window_new:
 * @parent: the main window (any window with a #UppSession in its `session`
 *   property)
 *
 * A form for a new weekly report: the department chosen last (the
 * `last-department` setting) and this week, or what was drafted for them.
 *
 * Returns: (transfer none): the window, not yet shown, owned by GTK until
 *   it is destroyed
 */
UppReportWindow *
upp_report_window_new (UppWindow *parent)
{
  UppReportWindow *self;
  g_autofree char *last = NULL;
  const char *department = NULL;
  const UppPackage *package;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  self = upp_report_window_create (GTK_WINDOW (parent));
  package = upp_report_window_get_package (self);
  upp_report_window_fill_choices (self);
  last = g_settings_get_string (self->settings, "last-department");
  if (package != NULL && upp_package_find_department (package, last) != NULL)
    department = last;
  else if (self->department_codes->len > 0)
    department = g_ptr_array_index (self->department_codes, 0);
  if (department != NULL && self->weeks->len > 0)
    upp_report_window_select (self, department, g_array_index (self->weeks, UppWeek, 0));
  return self;
}

/* Read-only */

static void
build_read_only (UppReportWindow *self,
                 const char      *source_name)
{
  const UppPackage *package = upp_report_window_get_package (self);
  const UppDepartment *department = package != NULL
                                      ? upp_package_find_department (package, self->form->department)
                                      : NULL;
  AdwPreferencesGroup *group;
  g_autofree char *week = upp_dashboard_week_title (self->form->week);
  g_autofree char *submitted = NULL;
  g_autofree char *revision = NULL;
  g_autoptr(GDateTime) when = NULL;
  GtkWidget *row;

  self->read_only = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->report_group), FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  gtk_widget_set_visible (self->import_file_button, self->source_file != NULL);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, TRUE);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, TRUE);
  g_hash_table_remove_all (self->fields);

  if (self->previous != NULL)
    self->changes = upp_report_form_diff (self->previous, self->form);

  /* The report's own fields, in a group built like the entries' (and kept
   * when those are rebuilt). */
  group = upp_report_window_new_group (self, _("Report"),
                                       self->previous != NULL
                                         ? _("A correction. What it changed is highlighted, with "
                                             "what the report said before.")
                                         : NULL);
  g_ptr_array_remove (self->groups, group);
  when = self->form->submitted != NULL ? g_date_time_new_from_iso8601 (self->form->submitted, NULL)
                                       : NULL;
  submitted = when != NULL ? g_date_time_format (when, "%Y-%m-%d %H:%M")
                           : g_strdup (self->form->submitted != NULL ? self->form->submitted : "—");
  adw_preferences_group_add (group, upp_report_window_new_value_row (self, _("Department"),
                                                                     department != NULL
                                                                       ? department->name
                                                                       : self->form->department,
                                                                     NULL));
  adw_preferences_group_add (group, upp_report_window_new_value_row (self, _("Week"), week, NULL));
  adw_preferences_group_add (group, upp_report_window_new_value_row (self, _("Submitted"),
                                                                     submitted, NULL));
  if (self->revision > 1)
    revision = g_strdup_printf (_("Correction %d"), self->revision - 1);
  else
    revision = g_strdup (C_("revision", "Original"));
  adw_preferences_group_add (group, upp_report_window_new_value_row (self, _("Revision"),
                                                                     revision, NULL));
  adw_preferences_group_add (group, upp_report_window_new_value_row (self, _("Reporter"),
                                                                     *self->form->reporter != '\0'
                                                                       ? self->form->reporter : "—",
                                                                     "reporter"));
  adw_preferences_group_add (group, upp_report_window_new_text_row (self, NULL, "summary",
                                                                    _("Summary"), NULL,
                                                                    self->form->summary, &row));
  for (guint i = 0; self->changes != NULL && i < self->changes->len; i++)
    {
      const UppReportChange *change = g_ptr_array_index (self->changes, i);

      if (strchr (change->key, '/') == NULL && *change->after == '\0' &&
          upp_report_form_find_entry (self->form, change->key) == NULL)
        {
          /* Translators: an action reported on before, not in the correction */
          g_autofree char *title = g_strdup_printf (_("No longer reported: %s"), change->key);

          row = upp_report_window_new_value_row (self, title, change->before, NULL);
          gtk_widget_add_css_class (row, "changed");
          adw_preferences_group_add (group, row);
        }
    }

  upp_report_window_build_entries (self);

  adw_window_title_set_title (self->window_title, _("Weekly Report"));
  {
    g_autofree char *subtitle = g_strdup_printf (_("%s · %s"),
                                                 department != NULL ? department->name
                                                                    : self->form->department,
                                                 week);

    adw_window_title_set_subtitle (self->window_title, subtitle);
  }
  if (source_name != NULL)
    gtk_window_set_title (GTK_WINDOW (self), source_name);
  upp_report_window_update_actions (self);
}

static gboolean
open_read_only (UppReportWindow *self,
                GBytes          *bytes,
                const char      *source_name,
                GError         **error)
{
  const char *data;
  gsize length;
  g_autoptr(UppReportForm) form = NULL;
  UppStore *store = upp_report_window_get_store (self);
  gint64 previous;
  guint n_earlier = 0;

  data = g_bytes_get_data (bytes, &length);
  form = upp_report_form_new_from_json (data, length, upp_report_window_get_package (self), error);
  if (form == NULL)
    return FALSE;

  self->form = g_steal_pointer (&form);
  self->revision = 1;
  if (store != NULL && self->form->submitted != NULL)
    {
      /* The revision this one corrects: the last submitted before it; and
       * its place among the week's reports, counted from the original. */
      previous = upp_report_find_document (store, self->form->department, self->form->week,
                                           self->form->submitted, &n_earlier);
      if (previous > 0)
        self->previous = upp_report_window_form_from_document (self, previous, NULL);
      self->revision = n_earlier + 1;
    }
  build_read_only (self, source_name);
  return TRUE;
}

/**
 * upp_report_window_new_for_document:
 * @parent: the main window (any window with a #UppSession in its `session`
 *   property)
 * @document_id: a report's id in the store (see upp_store_list_documents())
 * @error: a #GError
 *
 * Shows a report as it was imported, read-only; a correction with what it
 * changed against the revision before.
 *
 * Returns: (transfer none) (nullable): the window, not yet shown
 */
UppReportWindow *
upp_report_window_new_for_document (UppWindow *parent,
                                    gint64     document_id,
                                    GError   **error)
{
  UppReportWindow *self;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  self = upp_report_window_create (GTK_WINDOW (parent));
  bytes = upp_report_window_get_store (self) != NULL
            ? upp_store_get_document_bytes (upp_report_window_get_store (self), document_id, error)
            : NULL;
  if (bytes == NULL || !open_read_only (self, bytes, NULL, error))
    {
      if (bytes == NULL && error != NULL && *error == NULL)
        g_set_error_literal (error, UPP_ERROR, UPP_ERROR_NOT_FOUND, _("The database is not open"));
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

/**
 * upp_report_window_new_for_file:
 * @parent: the main window (any window with a #UppSession in its `session`
 *   property)
 * @file: a report file
 * @error: a #GError
 *
 * Shows a report file read-only, with an Import button; a correction with
 * what it changed against the revision the database holds.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL if @file
 *   is not a weekly report
 */
UppReportWindow *
upp_report_window_new_for_file (UppWindow *parent,
                                GFile     *file,
                                GError   **error)
{
  UppReportWindow *self;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  gsize length;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE
                            "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > UPP_IMPORT_MAX_BYTES)
    {
      g_set_error_literal (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT, _("Not a weekly report"));
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;
  if (!json_parser_load_from_data (parser, contents, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "format",
                                                             ""), "uppfoljning-report") != 0)
    {
      g_set_error_literal (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT, _("Not a weekly report"));
      return NULL;
    }

  self = upp_report_window_create (GTK_WINDOW (parent));
  self->source_file = g_object_ref (file);
  name = g_strdup (g_file_info_get_display_name (info));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!open_read_only (self, bytes, name, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

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
 *   upp-report-read-only.c  a sent report (or a correction) read-only
 *
 * The window never waits on SQL: what it asks of the store runs in worker
 * threads (upp-report-tasks.c) and comes back to it through a
 * UppReportPending, which holds it weakly: a result never keeps a closed
 * form alive, and one for an older state of the values is dropped.
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-a11y.h"
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

/* The definition in force, as the dashboard the form was opened from has
 * it: read without asking the store. */
const UppPackage *
upp_report_window_get_package (UppReportWindow *self)
{
  return self->dashboard != NULL ? self->dashboard->package : NULL;
}

UppReportPending *
upp_report_pending_new (UppReportWindow *self)
{
  UppReportPending *pending = g_new0 (UppReportPending, 1);

  g_weak_ref_init (&pending->window, self);
  pending->generation = self->generation;
  pending->form_serial = self->form_serial;
  return pending;
}

/* Frees @pending. Returns: (transfer full) (nullable): the window, unless
 * it is gone or going */
UppReportWindow *
upp_report_pending_take (UppReportPending *pending,
                         guint            *out_generation,
                         guint            *out_form_serial)
{
  UppReportWindow *self = g_weak_ref_get (&pending->window);

  if (out_generation != NULL)
    *out_generation = pending->generation;
  if (out_form_serial != NULL)
    *out_form_serial = pending->form_serial;
  g_weak_ref_clear (&pending->window);
  g_free (pending);
  if (self != NULL && self->disposed)
    g_clear_object (&self);
  return self;
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.import", ok && !self->sending);
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

/**
 * upp_report_window_get_busy:
 * @self: a #UppReportWindow
 *
 * Returns: whether the form is loading, a check of the values is due or
 *   running, or a draft is being written: what it shows may still change
 */
gboolean
upp_report_window_get_busy (UppReportWindow *self)
{
  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), FALSE);

  return self->load_department != NULL || self->validate_id != 0 || self->n_checks > 0 ||
         self->n_writes > 0;
}

/* GObject */

/* Closed while drafts are being written, or while the report is on its
 * way into the database: the window goes once they are written and the
 * import is done (hidden meanwhile), so that a draft that could not be
 * kept is not lost with it, nor the import it asked for. */
static gboolean
has_work_to_finish (UppReportWindow *self)
{
  return self->n_writes > 0 || self->sending || self->import_path != NULL;
}

void
upp_report_window_finish_close (UppReportWindow *self)
{
  if (!self->closing || has_work_to_finish (self))
    return;
  if (self->kept_on_close && self->parent != NULL && !self->dirty)
    g_signal_emit (self, signals[DRAFT_KEPT], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
upp_report_window_close_request (GtkWindow *window)
{
  UppReportWindow *self = UPP_REPORT_WINDOW (window);

  if (self->closing)
    return TRUE;
  if (self->dirty && !self->read_only && self->form != NULL)
    {
      upp_report_window_save_draft_now (self);
      self->kept_on_close = TRUE;
    }
  if (has_work_to_finish (self))
    {
      self->closing = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (upp_report_window_parent_class)->close_request (window);
}

static void
upp_report_window_dispose (GObject *object)
{
  UppReportWindow *self = UPP_REPORT_WINDOW (object);

  /* Destroyed with the main window: what was typed is kept all the same,
   * by a write that holds what it needs. */
  if (!self->disposed)
    upp_report_window_save_draft_now (self);
  self->disposed = TRUE;
  g_clear_handle_id (&self->validate_id, g_source_remove);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  g_clear_handle_id (&self->focus_id, g_source_remove);
  g_clear_weak_pointer (&self->focus_target);
  g_clear_weak_pointer (&self->focus_row);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
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
  g_clear_pointer (&self->dashboard, upp_dashboard_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
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
  g_clear_pointer (&self->saved_bytes, g_bytes_unref);
  g_free (self->saved_name);
  g_free (self->load_department);

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
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, loading_group);
  gtk_widget_class_bind_template_child (widget_class, UppReportWindow, loading_spinner);
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
  upp_a11y_fix_entry_row (self->reporter_row);
  upp_a11y_fix_mnemonics (GTK_WIDGET (self));
  upp_a11y_name_split_button (self->save_button, _("More Ways to Send"));

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
  UppDashboard *dashboard;

  self->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  g_object_get (parent, "session", &self->session, NULL);
  /* The form keeps the dashboard it was opened with: its package is what
   * the form is built from, without asking the store. */
  dashboard = self->session != NULL ? upp_session_get_dashboard (self->session) : NULL;
  self->dashboard = dashboard != NULL ? upp_dashboard_ref (dashboard) : NULL;
  return self;
}

/**
 * upp_report_window_new:
 * @parent: the main window (any window with a #UppSession in its `session`
 *   property)
 *
 * A form for a new weekly report: the department chosen last (the
 * `last-department` setting) and this week, or what was drafted for them.
 * It shows that it is loading until they are there (see
 * upp_report_window_get_busy()).
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

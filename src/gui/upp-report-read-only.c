/* upp-report-read-only.c — a sent report shown read-only; a correction with what it changed
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-dashboard.h"
#include "upp-report-window-private.h"

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

/* The window on a report read in a worker thread. */
static UppReportWindow *
new_read_only (GtkWindow     *parent,
               UppReportSent *sent,
               GFile         *file)
{
  UppReportWindow *self = upp_report_window_create (parent);

  /* The package the report was read with. */
  g_clear_pointer (&self->dashboard, upp_dashboard_unref);
  self->dashboard = g_steal_pointer (&sent->dashboard);
  self->form = g_steal_pointer (&sent->form);
  self->previous = g_steal_pointer (&sent->previous);
  self->revision = sent->revision;
  if (file != NULL)
    self->source_file = g_object_ref (file);
  build_read_only (self, sent->display_name);
  return self;
}

typedef struct
{
  GWeakRef  parent;
  GFile    *file;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_weak_ref_clear (&data->parent);
  g_clear_object (&data->file);
  g_free (data);
}

static GTask *
new_open_task (UppWindow           *parent,
               GFile               *file,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               UppStore           **out_store,
               UppDashboard       **out_dashboard)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);
  g_autoptr(UppSession) session = NULL;

  /* The main window is not kept alive for the read. */
  g_weak_ref_init (&data->parent, parent);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_object_get (parent, "session", &session, NULL);
  *out_store = session != NULL ? upp_session_get_store (session) : NULL;
  *out_dashboard = session != NULL ? upp_session_get_dashboard (session) : NULL;
  return task;
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (task);
  g_autoptr(UppReportSent) sent = NULL;
  g_autoptr(GtkWindow) parent = NULL;
  g_autoptr(GError) error = NULL;

  sent = upp_report_open_finish (result, &error);
  if (sent == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  parent = g_weak_ref_get (&data->parent);
  if (parent == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The window was closed"));
      return;
    }
  g_task_return_pointer (task, g_object_ref (new_read_only (parent, sent, data->file)),
                         g_object_unref);
}

/**
 * upp_report_window_new_for_document_async:
 * @parent: the main window (any window with a #UppSession in its `session`
 *   property)
 * @document_id: a report's id in the store (see upp_store_list_documents())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the window is ready
 * @user_data: for @callback
 *
 * A window that shows a report as it was imported, read-only; a correction
 * with what it changed against the revision before. The report is read in
 * a worker thread; the window is made when it is there.
 */
void
upp_report_window_new_for_document_async (UppWindow           *parent,
                                          gint64               document_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  GTask *task;
  UppStore *store;
  UppDashboard *dashboard;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_open_task (parent, NULL, cancellable, callback, user_data, &store, &dashboard);
  g_task_set_source_tag (task, upp_report_window_new_for_document_async);
  upp_report_open_document_async (store, dashboard, document_id, cancellable, on_opened, task);
}

/**
 * upp_report_window_new_for_file_async:
 * @parent: the main window (any window with a #UppSession in its `session`
 *   property)
 * @file: a report file, from outside: double-clicked, opened with the app
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the window is ready, or @file is not a report
 * @user_data: for @callback
 *
 * A window that shows a report file read-only, with an Import button; a
 * correction with what it changed against the revision the database holds.
 * The file is read (at most %UPP_IMPORT_MAX_BYTES) and checked with the
 * importer's strict reader in a worker thread; the window is made only
 * when that says it is a weekly report.
 */
void
upp_report_window_new_for_file_async (UppWindow           *parent,
                                      GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  UppStore *store;
  UppDashboard *dashboard;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_open_task (parent, file, cancellable, callback, user_data, &store, &dashboard);
  g_task_set_source_tag (task, upp_report_window_new_for_file_async);
  upp_report_open_file_async (store, dashboard, file, cancellable, on_opened, task);
}

/**
 * upp_report_window_new_finish:
 * @result: the result of upp_report_window_new_for_document_async() or
 *   upp_report_window_new_for_file_async()
 * @error: a #GError; %UPP_ERROR_INVALID_DOCUMENT for a file that is not a
 *   weekly report
 *
 * Returns: (transfer full) (nullable): the window, not yet shown: present
 *   it (or destroy it)
 */
UppReportWindow *
upp_report_window_new_finish (GAsyncResult  *result,
                              GError       **error)
{
  gpointer tag;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  tag = g_task_get_source_tag (G_TASK (result));
  g_return_val_if_fail (tag == upp_report_window_new_for_document_async ||
                        tag == upp_report_window_new_for_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

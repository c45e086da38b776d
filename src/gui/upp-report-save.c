/* upp-report-save.c — sending the report: saved as a file, or imported into this database
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "upp-import.h"
#include "upp-report-window-private.h"

/* Saving */

typedef struct
{
  UppReportWindow *self;
  GFile           *file;
  GBytes          *bytes;
  char            *department;   /* of the report saved, whatever the form shows now */
  UppWeek          week;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->department);
  g_free (data);
}

/* The report as it will be sent, from upp_report_final_async(): %NULL,
 * with the problems shown at their fields or the final check's in a
 * toast, when it cannot be sent. */
static GBytes *
finish_final (UppReportWindow *self,
              GAsyncResult    *result,
              guint            generation)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = upp_report_final_finish (result, &problems, &error);

  self->n_checks--;
  if (problems != NULL)
    {
      if (generation == self->generation)
        upp_report_window_set_problems (self, g_steal_pointer (&problems));
      return NULL;
    }
  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        upp_report_window_show_toast (self, error->message);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* The final check, in a worker thread, on the values as they are now. */
static void
start_final (UppReportWindow     *self,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  self->n_checks++;
  upp_report_final_async (upp_report_window_get_store (self), self->form, self->revision,
                          self->cancellable, callback, user_data);
}

static void
on_saved_draft_deleted (UppReportWindow *self,
                        gboolean         ok,
                        gpointer         user_data)
{
  GFile *file = user_data;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;

  /* Translators: a toast, “Saved as SOC-2026-W49.json” */
  message = g_strdup_printf (_("Saved as %s"), basename);
  upp_report_window_show_toast (self, message);
  upp_report_window_emit_saved (self, file, TRUE);
}

static void
on_file_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaveData *data = user_data;
  UppReportWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error) || self->disposed)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          message = g_strdup_printf (_("The report was not saved: %s"), error->message);
          upp_report_window_show_toast (self, message);
          upp_report_window_emit_saved (self, data->file, FALSE);
        }
      save_data_free (data);
      return;
    }

  /* Sent: the draft has served its purpose. ::saved once it is gone. */
  if (self->form != NULL && g_str_equal (self->form->department, data->department) &&
      upp_week_compare (self->form->week, data->week) == 0)
    {
      g_clear_handle_id (&self->draft_id, g_source_remove);
      self->dirty = FALSE;
    }
  upp_report_window_write_draft (self, data->department, data->week, NULL,
                                 on_saved_draft_deleted, g_object_ref (data->file),
                                 g_object_unref);
  save_data_free (data);
}

typedef struct
{
  UppReportPending *pending;
  GFile            *file;
  char             *department;
  UppWeek           week;
} FinalForFile;

static void
on_final_for_file (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  FinalForFile *final = user_data;
  g_autoptr(GFile) file = final->file;
  g_autofree char *department = final->department;
  UppWeek week = final->week;
  guint generation;
  g_autoptr(UppReportWindow) self = upp_report_pending_take (final->pending, &generation, NULL);
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data;

  g_free (final);
  if (self == NULL)
    return;
  bytes = finish_final (self, result, generation);
  if (bytes == NULL)
    return;
  /* Unless the form changes meanwhile, Import sends these very bytes. */
  g_clear_pointer (&self->saved_bytes, g_bytes_unref);
  g_clear_pointer (&self->saved_name, g_free);
  if (generation == self->generation)
    {
      self->saved_bytes = g_bytes_ref (bytes);
      self->saved_name = g_file_get_basename (file);
      self->saved_generation = generation;
    }
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->bytes = g_steal_pointer (&bytes);
  data->department = g_steal_pointer (&department);
  data->week = week;
  g_file_replace_contents_bytes_async (file, data->bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, self->cancellable,
                                       on_file_written, data);
}

/**
 * upp_report_window_save_to_file:
 * @self: a #UppReportWindow
 * @file: where to write the report
 *
 * Checks the report (submitted now) once more and writes it, in the
 * background, then deletes the draft; #UppReportWindow::saved tells how it
 * went. What "Save…" ends in once a file is chosen. Writes nothing while
 * the report has problems: they are shown instead.
 */
void
upp_report_window_save_to_file (UppReportWindow *self,
                                GFile           *file)
{
  FinalForFile *final;

  g_return_if_fail (UPP_IS_REPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->read_only);

  if (self->form == NULL)
    return;
  g_clear_handle_id (&self->validate_id, g_source_remove);
  final = g_new0 (FinalForFile, 1);
  final->pending = upp_report_pending_new (self);
  final->file = g_object_ref (file);
  final->department = g_strdup (self->form->department);
  final->week = self->form->week;
  start_final (self, on_final_for_file, final);
}

/**
 * upp_report_window_get_filename:
 * @self: a #UppReportWindow
 *
 * Returns: (transfer full): the name to save the report under,
 *   `SOC-2026-W49.json`, or `SOC-2026-W48-rev2.json` for a correction
 */
char *
upp_report_window_get_filename (UppReportWindow *self)
{
  g_return_val_if_fail (UPP_IS_REPORT_WINDOW (self), NULL);
  g_return_val_if_fail (self->form != NULL, NULL);

  return upp_report_form_get_filename (self->form, self->revision);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     UppReportWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        upp_report_window_save_to_file (self, file);
    }
  g_clear_object (&self->chooser);
}

void
upp_report_window_save_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  UppReportWindow *self = UPP_REPORT_WINDOW (widget);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GFile) current = NULL;

  /* The problems shown are those of the last check; saving checks once
   * more. */
  if (!upp_report_window_get_can_save (self))
    return;
  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Save Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (json, _("Reports (JSON)"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_pattern (json, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
  name = upp_report_window_get_filename (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  /* The shared folder the departments drop their reports in, if the
   * preferences name one. */
  folder = g_settings_get_string (self->settings, "reports-folder");
  if (*folder == '\0' && g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    {
      g_free (folder);
      folder = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
    }
  /* Not looked at here: the folder may be on a share that takes its time
   * to answer, and the chooser reads it without blocking the window (or in
   * the portal's process); one that is gone leaves the chooser where it is. */
  if (*folder != '\0')
    {
      current = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Importing into this database: the same path as the Reports view */

void
upp_report_window_forget_import (UppReportWindow *self)
{
  if (self->imported_id != 0 && self->session != NULL)
    g_signal_handler_disconnect (self->session, self->imported_id);
  self->imported_id = 0;
  if (self->import_path == NULL)
    return;
  /* The temporary file goes in a worker: not a disk wait on this thread. */
  upp_report_import_file_remove (self->import_path);
  g_clear_pointer (&self->import_path, g_free);
  g_clear_pointer (&self->import_department, g_free);
}

static void
on_imported (UppSession      *session,
             GPtrArray       *results,
             gboolean         from_folder,
             UppReportWindow *self)
{
  const UppImportResult *ours = NULL;

  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);

      if (g_strcmp0 (result->path, self->import_path) == 0)
        ours = result;
    }
  if (ours == NULL)
    return;

  if (ours->status == UPP_IMPORT_REJECTED)
    {
      g_autofree char *text = upp_import_result_format (ours);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      upp_report_window_forget_import (self);
      upp_report_window_update_actions (self);
      upp_report_window_finish_close (self);
      return;
    }

  /* In the database now; the main window shows the outcome in the Reports
   * view. The form goes once the draft is deleted. */
  upp_report_window_write_draft (self, self->import_department, self->import_week, NULL, NULL,
                                 NULL, NULL);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->dirty = FALSE;
  upp_report_window_forget_import (self);
  if (self->closing)
    upp_report_window_finish_close (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* The report is in its file: the window imports it. */
static void
on_import_file_written (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  guint form_serial;
  g_autoptr(UppReportWindow) self = upp_report_pending_take (user_data, NULL, &form_serial);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = upp_report_import_file_write_finish (result, &error);
  g_autoptr(GListStore) files = NULL;
  g_autoptr(GFile) file = NULL;

  if (self != NULL)
    self->sending = FALSE;
  if (self == NULL || self->parent == NULL || self->form == NULL ||
      form_serial != self->form_serial)
    {
      /* Gone, or another department or week chosen meanwhile. */
      if (path != NULL)
        upp_report_import_file_remove (path);
      if (self != NULL)
        {
          upp_report_window_update_actions (self);
          upp_report_window_finish_close (self);
        }
      return;
    }
  if (path == NULL)
    {
      upp_report_window_show_toast (self, error->message);
      upp_report_window_update_actions (self);
      upp_report_window_finish_close (self);
      return;
    }
  self->import_path = g_steal_pointer (&path);
  self->import_department = g_strdup (self->form->department);
  self->import_week = self->form->week;
  self->imported_id = g_signal_connect (self->session, "imported", G_CALLBACK (on_imported), self);
  upp_report_window_update_actions (self);

  files = g_list_store_new (G_TYPE_FILE);
  file = g_file_new_for_path (self->import_path);
  g_list_store_append (files, file);
  upp_session_request_import (self->session, G_LIST_MODEL (files));
  upp_report_window_finish_close (self);
}

/* Hands @bytes to the main window's import, as the file @name: written in
 * a worker first. Still sending until it is written (a form closed
 * meanwhile waits, hidden, for the import). */
static void
import_bytes (UppReportWindow *self,
              GBytes          *bytes,
              const char      *name)
{
  self->sending = TRUE;
  upp_report_window_update_actions (self);
  upp_report_import_file_write_async (name, bytes, on_import_file_written,
                                      upp_report_pending_new (self));
}

static void
on_final_for_import (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  guint generation, form_serial;
  g_autoptr(UppReportWindow) self = upp_report_pending_take (user_data, &generation, &form_serial);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  if (self == NULL)
    return;
  bytes = finish_final (self, result, generation);
  /* Another department or week was chosen meanwhile: not imported. */
  if (bytes == NULL || self->parent == NULL || self->import_path != NULL || self->form == NULL ||
      form_serial != self->form_serial)
    {
      self->sending = FALSE;
      upp_report_window_update_actions (self);
      upp_report_window_finish_close (self);
      return;
    }
  /* A file named as the department would name it: import messages and the
   * documents list show that name. */
  name = upp_report_window_get_filename (self);
  import_bytes (self, bytes, name);
}

/**
 * upp_report_window_import:
 * @self: a #UppReportWindow
 *
 * Imports the report into the database the main window shows, through
 * the same path as files dropped on it; when department and leadership
 * share a computer. The report is checked once more in the background
 * first. On success the draft is deleted and the form closes; the main
 * window shows the outcome. Does nothing while the report has problems:
 * they are shown instead.
 */
void
upp_report_window_import (UppReportWindow *self)
{
  g_return_if_fail (UPP_IS_REPORT_WINDOW (self));
  g_return_if_fail (!self->read_only);

  if (self->parent == NULL || self->import_path != NULL || self->sending || self->form == NULL)
    return;
  /* Saved and not changed since: the saved document, not a second one
   * submitted a few seconds later that would look like a correction. */
  if (self->saved_bytes != NULL && self->saved_generation == self->generation)
    {
      g_autoptr(GBytes) bytes = g_bytes_ref (self->saved_bytes);
      g_autofree char *name = g_strdup (self->saved_name);

      import_bytes (self, bytes, name);
      return;
    }
  g_clear_handle_id (&self->validate_id, g_source_remove);
  self->sending = TRUE;
  upp_report_window_update_actions (self);
  start_final (self, on_final_for_import, upp_report_pending_new (self));
}

void
upp_report_window_import_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  upp_report_window_import (UPP_REPORT_WINDOW (widget));
}

void
upp_report_window_import_file_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  UppReportWindow *self = UPP_REPORT_WINDOW (widget);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (self->parent == NULL || self->source_file == NULL)
    return;
  g_list_store_append (files, self->source_file);
  upp_session_request_import (self->session, G_LIST_MODEL (files));
  gtk_window_close (GTK_WINDOW (self));
}

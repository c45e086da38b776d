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
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_bytes_unref (data->bytes);
  g_free (data);
}

/* The report as it will be sent: submitted now, and once more checked
 * with the importer's rules on the very bytes. */
static GBytes *
build_final (UppReportWindow *self)
{
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UppDocument) document = NULL;

  upp_report_window_validate_now (self);
  if (self->problems == NULL || self->problems->len > 0)
    return NULL;
  upp_report_window_replace (&self->form->submitted, upp_report_now ());
  json = upp_report_form_to_json (self->form);
  g_clear_pointer (&self->form->submitted, g_free);
  name = upp_report_form_get_filename (self->form, self->revision);
  bytes = g_bytes_new (json, strlen (json));
  document = upp_document_parse (name, bytes, upp_report_window_get_store (self));
  if (document->problems->len > 0)
    {
      upp_report_window_show_toast (self, g_ptr_array_index (document->problems, 0));
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static void
on_file_written (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SaveData *data = user_data;
  UppReportWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (data->file);
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          message = g_strdup_printf (_("The report was not saved: %s"), error->message);
          upp_report_window_show_toast (self, message);
          upp_report_window_emit_saved (self, data->file, FALSE);
        }
      save_data_free (data);
      return;
    }

  /* Sent: the draft has served its purpose. */
  upp_report_window_delete_draft (self);
  /* Translators: a toast, “Saved as SOC-2026-W49.json” */
  message = g_strdup_printf (_("Saved as %s"), basename);
  upp_report_window_show_toast (self, message);
  upp_report_window_emit_saved (self, data->file, TRUE);
  save_data_free (data);
}

/**
 * upp_report_window_save_to_file:
 * @self: a #UppReportWindow
 * @file: where to write the report
 *
 * Writes the report (submitted now) in the background, then deletes the
 * draft; #UppReportWindow::saved tells how it went. What "Save…" ends in
 * once a file is chosen. Does nothing while the report has problems.
 */
void
upp_report_window_save_to_file (UppReportWindow *self,
                                GFile           *file)
{
  SaveData *data;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (UPP_IS_REPORT_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->read_only);

  bytes = build_final (self);
  if (bytes == NULL)
    return;
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->bytes = g_steal_pointer (&bytes);
  g_file_replace_contents_bytes_async (file, data->bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, self->cancellable,
                                       on_file_written, data);
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

  upp_report_window_validate_now (self);
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
  if (*folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
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
  g_autofree char *folder = NULL;

  if (self->imported_id != 0 && self->session != NULL)
    g_signal_handler_disconnect (self->session, self->imported_id);
  self->imported_id = 0;
  if (self->import_path == NULL)
    return;
  folder = g_path_get_dirname (self->import_path);
  g_remove (self->import_path);
  g_rmdir (folder);
  g_clear_pointer (&self->import_path, g_free);
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
      return;
    }

  /* In the database now; the main window shows the outcome in the Reports
   * view. */
  upp_report_window_delete_draft (self);
  upp_report_window_forget_import (self);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * upp_report_window_import:
 * @self: a #UppReportWindow
 *
 * Imports the report into the database the main window shows, through
 * the same path as files dropped on it; when department and leadership
 * share a computer. On success the draft is deleted and the form closes;
 * the main window shows the outcome. Does nothing while the report has
 * problems.
 */
void
upp_report_window_import (UppReportWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) files = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (UPP_IS_REPORT_WINDOW (self));
  g_return_if_fail (!self->read_only);

  if (self->parent == NULL || self->import_path != NULL)
    return;
  bytes = build_final (self);
  if (bytes == NULL)
    return;

  /* A file named as the department would name it: import messages and the
   * documents list show that name. */
  folder = g_dir_make_tmp ("uppfoljning-report-XXXXXX", &error);
  if (folder == NULL)
    {
      upp_report_window_show_toast (self, error->message);
      return;
    }
  name = upp_report_window_get_filename (self);
  self->import_path = g_build_filename (folder, name, NULL);
  if (!g_file_set_contents (self->import_path, g_bytes_get_data (bytes, NULL),
                            g_bytes_get_size (bytes), &error))
    {
      upp_report_window_show_toast (self, error->message);
      upp_report_window_forget_import (self);
      return;
    }
  self->imported_id = g_signal_connect (self->session, "imported", G_CALLBACK (on_imported), self);
  upp_report_window_update_actions (self);

  files = g_list_store_new (G_TYPE_FILE);
  file = g_file_new_for_path (self->import_path);
  g_list_store_append (files, file);
  upp_session_request_import (self->session, G_LIST_MODEL (files));
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

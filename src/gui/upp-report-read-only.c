/* upp-report-read-only.c — a sent report shown read-only; a correction with what it changed
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "upp-dashboard.h"
#include "upp-error.h"
#include "upp-import.h"
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

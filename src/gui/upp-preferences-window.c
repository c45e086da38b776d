/* upp-preferences-window.c — reports folder, organisation, export folder
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-a11y.h"
#include "upp-preferences-window.h"

struct _UppPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwActionRow         *reports_folder_row;
  GtkWidget            *reports_folder_clear;
  AdwEntryRow          *organisation_row;
  AdwActionRow         *export_folder_row;
  GtkWidget            *export_folder_clear;
  GtkWidget            *reports_folder_choose;
  GtkWidget            *export_folder_choose;

  /* owned */
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  char                 *choosing_key;
};

G_DEFINE_FINAL_TYPE (UppPreferencesWindow, upp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_folder_row (UppPreferencesWindow *self,
                   AdwActionRow         *row,
                   GtkWidget            *clear,
                   const char           *key,
                   const char           *unset)
{
  g_autofree char *folder = g_settings_get_string (self->settings, key);

  adw_action_row_set_subtitle (row, *folder != '\0' ? folder : unset);
  gtk_widget_set_visible (clear, *folder != '\0');
}

static void
update (UppPreferencesWindow *self)
{
  update_folder_row (self, self->reports_folder_row, self->reports_folder_clear,
                     "reports-folder", _("No folder is watched"));
  update_folder_row (self, self->export_folder_row, self->export_folder_clear,
                     "export-folder", _("Documents"));
}

static void
on_chooser_response (GtkNativeDialog      *dialog,
                     int                   response,
                     UppPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, self->choosing_key, path);
    }
  g_clear_object (&self->chooser);
}

static void
choose_folder (UppPreferencesWindow *self,
               const char           *key,
               const char           *title)
{
  g_autofree char *current = g_settings_get_string (self->settings, key);

  if (self->chooser != NULL)
    return;
  g_free (self->choosing_key);
  self->choosing_key = g_strdup (key);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (*current != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (current);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), file, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_reports_folder_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  choose_folder (UPP_PREFERENCES_WINDOW (widget), "reports-folder", _("Reports Folder"));
}

static void
clear_reports_folder_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  g_settings_reset (UPP_PREFERENCES_WINDOW (widget)->settings, "reports-folder");
}

static void
choose_export_folder_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  choose_folder (UPP_PREFERENCES_WINDOW (widget), "export-folder", _("Export Folder"));
}

static void
clear_export_folder_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  g_settings_reset (UPP_PREFERENCES_WINDOW (widget)->settings, "export-folder");
}

static void
upp_preferences_window_dispose (GObject *object)
{
  UppPreferencesWindow *self = UPP_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (upp_preferences_window_parent_class)->dispose (object);
}

static void
upp_preferences_window_finalize (GObject *object)
{
  UppPreferencesWindow *self = UPP_PREFERENCES_WINDOW (object);

  g_free (self->choosing_key);

  G_OBJECT_CLASS (upp_preferences_window_parent_class)->finalize (object);
}

static void
upp_preferences_window_class_init (UppPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_preferences_window_dispose;
  object_class->finalize = upp_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UppPreferencesWindow, reports_folder_row);
  gtk_widget_class_bind_template_child (widget_class, UppPreferencesWindow, reports_folder_choose);
  gtk_widget_class_bind_template_child (widget_class, UppPreferencesWindow, export_folder_choose);
  gtk_widget_class_bind_template_child (widget_class, UppPreferencesWindow, reports_folder_clear);
  gtk_widget_class_bind_template_child (widget_class, UppPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, UppPreferencesWindow, export_folder_row);
  gtk_widget_class_bind_template_child (widget_class, UppPreferencesWindow, export_folder_clear);

  gtk_widget_class_install_action (widget_class, "prefs.choose-reports-folder", NULL,
                                   choose_reports_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.clear-reports-folder", NULL,
                                   clear_reports_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.choose-export-folder", NULL,
                                   choose_export_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.clear-export-folder", NULL,
                                   clear_export_folder_action);
}

static void
upp_preferences_window_init (UppPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upp_a11y_fix_entry_row (self->organisation_row);
  /* The rows they activate name them too ("Choose the reports folder
   * Reports Folder"): their own names say it all. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->reports_folder_choose),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->export_folder_choose),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  upp_a11y_name_preferences (GTK_WIDGET (self), _("Preferences"));

  self->settings = g_settings_new ("se.lysekil.Uppfoljning");
  g_settings_bind (self->settings, "organisation-name", self->organisation_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->settings, "changed::reports-folder", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->settings, "changed::export-folder", G_CALLBACK (update), self);
  update (self);
}

GtkWidget *
upp_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (UPP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

/* upp-package-switcher.c — the action packages followed, to open one in a window of its own
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each package has a database of its own in the data folder
 * (upp-packages.c); the user never names one. The switcher lists them with
 * their title, organisation and last reported week, read in a worker (it
 * opens each database), and opens the one chosen in its own window, or
 * brings forward the window that already shows it.
 */

#define G_LOG_DOMAIN "upp-package-switcher"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-application.h"
#include "upp-package-switcher.h"
#include "upp-packages.h"

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *entries = upp_packages_list (&error);

  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_row_activated (AdwActionRow *row,
                  GtkWindow    *switcher)
{
  const char *path = g_object_get_data (G_OBJECT (row), "upp-path");
  GtkApplication *app = gtk_window_get_application (gtk_window_get_transient_for (switcher));

  upp_application_open_database (UPP_APPLICATION (app), path);
  gtk_window_destroy (switcher);
}

static void
list_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GtkWindow *switcher = GTK_WINDOW (source);
  GtkWidget *group = g_object_get_data (G_OBJECT (switcher), "upp-group");
  GtkWidget *spinner = g_object_get_data (G_OBJECT (switcher), "upp-spinner");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = g_task_propagate_pointer (G_TASK (result), &error);
  gtk_widget_set_visible (spinner, FALSE);
  gtk_widget_set_visible (group, TRUE);
  if (entries == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), error->message);
      return;
    }
  if (entries->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No action packages yet: import a package file, "
                                             "or open the example."));
  for (guint i = 0; i < entries->len; i++)
    {
      const UppPackageEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *week = upp_week_format (entry->last_week);
      /* Translators: “LYS-TRYGG-2026 · Lysekils kommun · last week 2026-W49” */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · last week %s"), entry->code,
                                                   entry->organisation, week);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "upp-path", g_strdup (entry->path), g_free);
      g_object_set_data_full (G_OBJECT (row), "upp-code", g_strdup (entry->code), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), switcher);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

/**
 * upp_package_switcher_new:
 * @parent: the window it is opened from
 *
 * Returns: (transfer none): the switcher, presented; it lists the
 *   packages once they are read
 */
GtkWindow *
upp_package_switcher_new (GtkWindow *parent)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autoptr(GTask) task = NULL;

  gtk_window_set_title (GTK_WINDOW (window), _("Open Action Package"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 480);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Action Packages"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each opens in a window of its own."));
  gtk_widget_set_visible (group, FALSE);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reading the action packages"), -1);
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), spinner);
  gtk_box_append (GTK_BOX (content), group);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data (G_OBJECT (window), "upp-group", group);
  g_object_set_data (G_OBJECT (window), "upp-spinner", spinner);

  task = g_task_new (window, NULL, list_done, NULL);
  g_task_set_source_tag (task, upp_package_switcher_new);
  g_task_run_in_thread (task, list_thread);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

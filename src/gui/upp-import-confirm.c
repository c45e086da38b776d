/* upp-import-confirm.c — before files are imported by hand, whose they say they are
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file in the shared folder is a department's because only that
 * department may write in its folder there. A file chosen, dropped or
 * opened by hand is not bound to a folder: whoever imports it vouches for
 * it. So the window first says whose the files claim to be (read in a
 * worker: a folder of them can take a while) and asks.
 */

#define G_LOG_DOMAIN "upp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-import.h"
#include "upp-window.h"

typedef struct
{
  GWeakRef    window;
  GListModel *files;
  GPtrArray  *paths;
  UppPackage *package;   /* (nullable) */
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  g_weak_ref_clear (&confirm->window);
  g_clear_object (&confirm->files);
  g_clear_pointer (&confirm->paths, g_ptr_array_unref);
  g_clear_pointer (&confirm->package, upp_package_unref);
  g_free (confirm);
}

static void
claims_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Confirm *confirm = task_data;

  g_task_return_pointer (task, upp_import_describe_claims (confirm->paths, confirm->package),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GListModel       *files)
{
  UppWindow *window = UPP_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "import") == 0 && window != NULL)
    upp_window_import_files (window, files);
}

static void
claims_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Confirm *confirm = g_task_get_task_data (G_TASK (result));
  g_autoptr(UppWindow) window = g_weak_ref_get (&confirm->window);
  g_autoptr(GPtrArray) lines = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  guint n = g_list_model_get_n_items (confirm->files);
  GtkWidget *dialog;

  if (window == NULL || lines == NULL)
    return;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u File?", "Import %u Files?",
                                          n), n);
  g_string_append (body, g_dngettext (GETTEXT_PACKAGE,
                                      "Whoever imports a file vouches for it; only the shared "
                                      "folder tells whose a file is. This one says it is:",
                                      "Whoever imports a file vouches for it; only the shared "
                                      "folder tells whose a file is. These say they are:", n));
  g_string_append (body, "\n");
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (body, "\n• %s", (const char *) g_ptr_array_index (lines, i));

  dialog = adw_message_dialog_new (GTK_WINDOW (window), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response),
                         g_object_ref (confirm->files), (GClosureNotify) (void (*) (void)) g_object_unref,
                         0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * upp_window_confirm_import:
 * @self: a #UppWindow
 * @files: (element-type GFile): files and folders chosen, dropped or
 *   opened by hand
 *
 * Says whose the files claim to be and imports them if the user agrees.
 */
void
upp_window_confirm_import (UppWindow  *self,
                           GListModel *files)
{
  g_autoptr(GTask) task = NULL;
  UppDashboard *dashboard;
  Confirm *confirm;
  guint n;

  g_return_if_fail (UPP_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  if (n == 0)
    return;
  /* bench/run and bench/stalls open files to time their import, with no
   * one to answer (src/gui/main.c). */
  if (g_strcmp0 (g_getenv ("UPP_EXIT_AFTER_IMPORT"), "1") == 0)
    {
      upp_window_import_files (self, files);
      return;
    }
  confirm = g_new0 (Confirm, 1);
  g_weak_ref_init (&confirm->window, self);
  confirm->files = g_object_ref (files);
  confirm->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (confirm->paths, path);
    }
  dashboard = upp_session_get_dashboard (upp_window_get_session (self));
  if (dashboard != NULL && dashboard->package != NULL)
    confirm->package = upp_package_ref (dashboard->package);

  task = g_task_new (NULL, NULL, claims_done, NULL);
  g_task_set_source_tag (task, upp_window_confirm_import);
  g_task_set_task_data (task, confirm, (GDestroyNotify) confirm_free);
  g_task_run_in_thread (task, claims_thread);
}

/**
 * upp_window_drop_value:
 * @self: a #UppWindow
 * @value: a #GdkFileList value, as a drop delivers it
 *
 * What a drop of files and folders on the window does.
 *
 * Returns: whether the drop was accepted
 */
gboolean
upp_window_drop_value (UppWindow    *self,
                       const GValue *value)
{
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GdkFileList *list;
  g_autoptr(GSList) list_files = NULL;

  g_return_val_if_fail (UPP_IS_WINDOW (self), FALSE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  list = g_value_get_boxed (value);
  list_files = gdk_file_list_get_files (list);
  for (GSList *l = list_files; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  if (g_list_model_get_n_items (G_LIST_MODEL (files)) == 0)
    return FALSE;
  upp_window_confirm_import (self, G_LIST_MODEL (files));
  return TRUE;
}

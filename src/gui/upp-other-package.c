/* upp-other-package.c — a package file that is not this database's: opened in its own
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database follows one package. A file of another package imported here
 * is refused by the store; instead of leaving it at that, the window
 * offers to open that package in its own database (created in the data
 * folder if it is new) and window, with the file imported there.
 */

#define G_LOG_DOMAIN "upp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-application.h"
#include "upp-import.h"
#include "upp-packages.h"
#include "upp-window.h"

typedef struct
{
  char *file;
  char *code;
  char *database;
} Other;

static void
other_free (Other *other)
{
  g_free (other->file);
  g_free (other->code);
  g_free (other->database);
  g_free (other);
}

typedef struct
{
  GPtrArray *files;     /* paths of package files the import refused */
  char      *current;   /* this database's package code, or NULL */
} Search;

static void
search_free (Search *search)
{
  g_ptr_array_unref (search->files);
  g_free (search->current);
  g_free (search);
}

/* Worker thread: which of the files are whole packages of another code,
 * and where that package's database is (or goes). */
static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Search *search = task_data;
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) other_free);

  for (guint i = 0; i < search->files->len; i++)
    {
      g_autoptr(UppDocument) document = upp_document_load (g_ptr_array_index (search->files, i),
                                                           NULL);
      Other *other;

      if (document->package == NULL || document->problems->len > 0 ||
          g_strcmp0 (document->package->code, search->current) == 0)
        continue;
      other = g_new0 (Other, 1);
      other->file = g_strdup (g_ptr_array_index (search->files, i));
      other->code = g_strdup (document->package->code);
      other->database = upp_packages_find (other->code, TRUE, NULL);
      if (other->database == NULL)
        {
          other_free (other);
          continue;
        }
      g_ptr_array_add (found, other);
    }
  g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_open_clicked (AdwToast *toast,
                 Other    *other)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "upp-window");
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  GtkWindow *window;
  const char *paths[] = { other->file, NULL };

  if (app == NULL)
    return;
  window = upp_application_open_database (UPP_APPLICATION (app), other->database);
  /* Queued until its database is open. */
  upp_session_import (upp_window_get_session (UPP_WINDOW (window)), paths);
}

static void
search_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(UppWindow) self = g_weak_ref_get (user_data);
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);

  g_weak_ref_clear (user_data);
  g_free (user_data);
  if (self == NULL || found == NULL)
    return;
  for (guint i = 0; i < found->len; i++)
    {
      Other *other = g_ptr_array_steal_index (found, i--);
      g_autofree char *name = g_path_get_basename (other->file);
      /* Translators: “LYS-SKOLA-2027.json is the action package LYS-SKOLA-2027, not this one” */
      g_autofree char *text = g_strdup_printf (_("%s is the action package %s, not this one"),
                                               name, other->code);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("_Open Package"));
      adw_toast_set_timeout (toast, 0);
      g_object_set_data (G_OBJECT (toast), "upp-window", self);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked), other,
                             (GClosureNotify) (void (*) (void)) other_free, 0);
      upp_window_show_toast_object (self, toast);
    }
}

/**
 * upp_window_offer_other_packages:
 * @self: a #UppWindow
 * @results: (element-type UppImportResult): an import's results
 *
 * For each package file the import refused that is another package (read
 * again in a worker), a toast offers to open that package in its own
 * database and window, with the file imported there.
 */
void
upp_window_offer_other_packages (UppWindow *self,
                                 GPtrArray *results)
{
  g_autoptr(GTask) task = NULL;
  UppDashboard *dashboard = upp_session_get_dashboard (upp_window_get_session (self));
  Search *search;
  GWeakRef *ref;

  g_return_if_fail (UPP_IS_WINDOW (self));

  search = g_new0 (Search, 1);
  search->files = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);

      if (result->status == UPP_IMPORT_REJECTED && result->kind == UPP_DOCUMENT_PACKAGE)
        g_ptr_array_add (search->files, g_strdup (result->path));
    }
  if (search->files->len == 0)
    {
      search_free (search);
      return;
    }
  if (dashboard != NULL && dashboard->package != NULL)
    search->current = g_strdup (dashboard->package->code);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, NULL, search_done, ref);
  g_task_set_source_tag (task, upp_window_offer_other_packages);
  g_task_set_task_data (task, search, (GDestroyNotify) search_free);
  g_task_run_in_thread (task, search_thread);
}

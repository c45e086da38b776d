/* upp-application.c
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-application.h"
#include "upp-blocking.h"
#include "upp-package-switcher.h"
#include "upp-preferences-window.h"
#include "upp-report-window.h"
#include "upp-window.h"

struct _UppApplication
{
  AdwApplication parent_instance;

  /* owned */
  char          *db_path;
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (UppApplication, upp_application, ADW_TYPE_APPLICATION)

/* The database: --db PATH, else the one opened last, else the default. */
static char *
choose_database (UppApplication *self)
{
  g_autofree char *last = NULL;

  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  last = g_settings_get_string (self->settings, "last-database");
  if (*last != '\0')
    return g_steal_pointer (&last);
  return upp_store_get_default_path ();
}

static void
on_store_opened (UppSession     *session,
                 GParamSpec     *pspec,
                 UppApplication *self)
{
  UppStore *store = upp_session_get_store (session);

  if (store != NULL)
    g_settings_set_string (self->settings, "last-database", upp_store_get_path (store));
}

/* The main window files go to: the one focused last. The report form and
 * the preferences are application windows too, and may be the active one. */
static UppWindow *
find_main_window (UppApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (UPP_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static UppWindow *
ensure_window (UppApplication *self)
{
  GtkWindow *window = GTK_WINDOW (find_main_window (self));
  g_autoptr(UppSession) session = NULL;
  g_autofree char *path = NULL;

  if (window != NULL)
    return UPP_WINDOW (window);

  session = upp_session_new ();
  g_signal_connect_object (session, "notify::store", G_CALLBACK (on_store_opened), self, 0);
  window = GTK_WINDOW (upp_window_new (GTK_APPLICATION (self), session));

  /* The window is on screen before the database is open: the store and
   * the first week's queries run in worker threads. */
  path = choose_database (self);
  upp_session_open (session, path);
  return UPP_WINDOW (window);
}

/**
 * upp_application_open_database:
 * @self: the application
 * @path: a package's database
 *
 * Brings forward the window that shows @path, or opens it in a new one,
 * with a session of its own: several packages side by side.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
upp_application_open_database (UppApplication *self,
                               const char     *path)
{
  g_autoptr(UppSession) session = NULL;
  GtkWindow *window;

  g_return_val_if_fail (UPP_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      UppStore *store = UPP_IS_WINDOW (l->data)
                          ? upp_session_get_store (upp_window_get_session (l->data)) : NULL;

      if (store != NULL && g_strcmp0 (upp_store_get_path (store), path) == 0)
        {
          gtk_window_present (l->data);
          return l->data;
        }
    }
  session = upp_session_new ();
  g_signal_connect_object (session, "notify::store", G_CALLBACK (on_store_opened), self, 0);
  window = GTK_WINDOW (upp_window_new (GTK_APPLICATION (self), session));
  upp_session_open (session, path);
  gtk_window_present (window);
  return window;
}

static void
open_package_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UppApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (parent == NULL)
    parent = GTK_WINDOW (ensure_window (self));
  upp_package_switcher_new (parent);
}

static void
upp_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (UPP_APPLICATION (app))));
}

/* Files opened with the app: each is read and checked with the
 * importer's strict reader in a worker thread, once the database is open
 * to compare a correction with. A weekly report opens to be read (with an
 * Import button); the rest (packages, folders, anything that is not a
 * report) is imported together once all are checked, in the order given,
 * and the import says what is wrong with it. */
typedef struct
{
  GWeakRef   window;
  GPtrArray *files;      /* GFile */
  gboolean  *to_import;
  guint      n_pending;
} OpenBatch;

typedef struct
{
  OpenBatch *batch;
  guint      index;
} OpenItem;

static void
open_batch_done (OpenBatch *batch)
{
  g_autoptr(UppWindow) window = g_weak_ref_get (&batch->window);
  g_autoptr(GListStore) list = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; i < batch->files->len; i++)
    if (batch->to_import[i])
      g_list_store_append (list, g_ptr_array_index (batch->files, i));
  if (window != NULL && g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
    {
      upp_window_show_view (window, "reports");
      upp_window_confirm_import (window, G_LIST_MODEL (list));
    }
  g_weak_ref_clear (&batch->window);
  g_ptr_array_unref (batch->files);
  g_free (batch->to_import);
  g_free (batch);
}

static void
on_file_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  OpenItem *item = user_data;
  OpenBatch *batch = item->batch;
  g_autoptr(GError) error = NULL;
  g_autoptr(UppReportWindow) report = upp_report_window_new_finish (result, &error);

  if (report != NULL)
    gtk_window_present (GTK_WINDOW (report));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    batch->to_import[item->index] = TRUE;
  g_free (item);
  if (--batch->n_pending == 0)
    open_batch_done (batch);
}

static void
open_files (UppWindow *window,
            GPtrArray *files)
{
  OpenBatch *batch;

  if (files->len == 0)
    return;
  batch = g_new0 (OpenBatch, 1);
  g_weak_ref_init (&batch->window, window);
  batch->files = g_ptr_array_ref (files);
  batch->to_import = g_new0 (gboolean, files->len);
  batch->n_pending = files->len;
  for (guint i = 0; i < files->len; i++)
    {
      OpenItem *item = g_new0 (OpenItem, 1);

      item->batch = batch;
      item->index = i;
      upp_report_window_new_for_file_async (window, g_ptr_array_index (files, i), NULL,
                                            on_file_opened, item);
    }
}

static void
on_ready_to_open (UppSession *session,
                  GParamSpec *pspec,
                  UppWindow  *window)
{
  g_autoptr(GPtrArray) files = NULL;

  if (upp_session_get_dashboard (session) == NULL && upp_session_get_error (session) == NULL)
    return;
  files = g_object_steal_data (G_OBJECT (window), "upp-files-to-open");
  g_signal_handlers_disconnect_by_func (session, on_ready_to_open, window);
  if (files != NULL)
    open_files (window, files);
}

static void
upp_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  UppWindow *window = ensure_window (UPP_APPLICATION (app));
  UppSession *session = upp_window_get_session (window);
  GPtrArray *pending = g_object_get_data (G_OBJECT (window), "upp-files-to-open");
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_window_present (GTK_WINDOW (window));
  if (upp_session_get_dashboard (session) != NULL || upp_session_get_error (session) != NULL)
    {
      for (int i = 0; i < n_files; i++)
        g_ptr_array_add (list, g_object_ref (files[i]));
      open_files (window, list);
      return;
    }
  if (pending == NULL)
    {
      pending = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (window), "upp-files-to-open", pending,
                              (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect_object (session, "notify::dashboard", G_CALLBACK (on_ready_to_open), window,
                               0);
      g_signal_connect_object (session, "notify::error", G_CALLBACK (on_ready_to_open), window, 0);
    }
  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (pending, g_object_ref (files[i]));
}

static int
upp_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  UppApplication *self = UPP_APPLICATION (app);
  const char *db_path = NULL;

  /* A G_OPTION_ARG_FILENAME arrives as a bytestring. */
  if (g_variant_dict_lookup (options, "db", "^&ay", &db_path))
    upp_application_set_db_path (self, db_path);

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing the windows lets each one save its size and a pending note. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (app);
  GtkWidget *preferences = upp_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Uppföljning authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Follow-up"),
                        "application-icon", APP_ID,
                        "developer-name", "The Uppföljning authors",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/lysekil/uppfoljning",
                        "issue-url", "https://github.com/lysekil/uppfoljning/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Uppföljning authors",
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
upp_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", quit_action },
    { "preferences", preferences_action },
    { "about", about_action },
    { "open-package", open_package_action },
  };
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.open-package", { "<Control><Alt>o", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.previous-week", { "<Alt>Left", "<Control>Page_Up", NULL } },
    { "win.next-week", { "<Alt>Right", "<Control>Page_Down", NULL } },
    { "win.this-week", { "<Alt>Home", NULL } },
    { "win.write-report", { "<Control>n", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.import-folder", { "<Control><Shift>o", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export-briefing", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.view::overview", { "<Alt>1", NULL } },
    { "win.view::actions", { "<Alt>2", NULL } },
    { "win.view::reports", { "<Alt>3", NULL } },
  };

  G_APPLICATION_CLASS (upp_application_parent_class)->startup (app);

  /* The window's thread never waits for the database or the shared folder:
   * the session's store and the watched folder check it (upp-blocking.h). */
  upp_blocking_forbid_in_this_thread ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
upp_application_dispose (GObject *object)
{
  UppApplication *self = UPP_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (upp_application_parent_class)->dispose (object);
}

static void
upp_application_finalize (GObject *object)
{
  UppApplication *self = UPP_APPLICATION (object);

  g_free (self->db_path);

  G_OBJECT_CLASS (upp_application_parent_class)->finalize (object);
}

static void
upp_application_class_init (UppApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = upp_application_dispose;
  object_class->finalize = upp_application_finalize;
  app_class->startup = upp_application_startup;
  app_class->activate = upp_application_activate;
  app_class->open = upp_application_open;
  app_class->handle_local_options = upp_application_handle_local_options;
}

static void
upp_application_init (UppApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database"), N_("PATH") },
    { NULL }
  };

  self->settings = g_settings_new ("se.lysekil.Uppfoljning");
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

UppApplication *
upp_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  return g_object_new (UPP_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", "/se/lysekil/Uppfoljning",
                       NULL);
}

const char *
upp_application_get_db_path (UppApplication *self)
{
  g_return_val_if_fail (UPP_IS_APPLICATION (self), NULL);
  return self->db_path;
}

/**
 * upp_application_set_db_path:
 * @self: a #UppApplication
 * @path: (nullable): the database to open instead of the last one
 */
void
upp_application_set_db_path (UppApplication *self,
                             const char     *path)
{
  g_return_if_fail (UPP_IS_APPLICATION (self));

  g_free (self->db_path);
  self->db_path = g_strdup (path);
}

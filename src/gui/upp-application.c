/* upp-application.c
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-application"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-application.h"

struct _UppApplication
{
  AdwApplication parent_instance;

  /* owned */
  char *db_path;
};

G_DEFINE_FINAL_TYPE (UppApplication, upp_application, ADW_TYPE_APPLICATION)

static void
upp_application_activate (GApplication *app)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, _("Follow-up"));
      gtk_window_set_default_size (window, 1100, 760);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                          adw_status_page_new ());
    }

  gtk_window_present (window);
}

static int
upp_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  UppApplication *self = UPP_APPLICATION (app);
  const char *db_path = NULL;

  if (g_variant_dict_lookup (options, "db", "&s", &db_path))
    {
      g_free (self->db_path);
      self->db_path = g_strdup (db_path);
    }

  return -1;
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

  object_class->finalize = upp_application_finalize;
  app_class->activate = upp_application_activate;
  app_class->handle_local_options = upp_application_handle_local_options;
}

static void
upp_application_init (UppApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database"), N_("PATH") },
    { NULL }
  };

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

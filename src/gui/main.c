/* main.c — the uppfoljning executable
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "upp-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UppApplication) app = NULL;
  const char *localedir = g_getenv ("UPP_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* UPP_LOCALEDIR lets an uninstalled build find its translations. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Follow-up"));

  app = upp_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

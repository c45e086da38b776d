/* upp-network-notice.c — a database on a network drive: said once, whole, with how to share instead
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-window.h"

/**
 * upp_window_tell_network_drive:
 * @self: a #UppWindow
 *
 * When its session has opened a database on a network file system, which
 * is this window's alone while it is open (upp_store_open() locks it):
 * says so, and how desktops should share instead, in a dialog rather than
 * a toast that would cut the text. Nothing for a local database.
 */
void
upp_window_tell_network_drive (UppWindow *self)
{
  UppStore *store = upp_session_get_store (upp_window_get_session (self));
  const char *filesystem = store != NULL ? upp_store_get_network_filesystem (store) : NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  g_return_if_fail (UPP_IS_WINDOW (self));

  if (filesystem == NULL)
    return;
  text = g_strdup_printf (_("The database is on a network drive (%s): while it is open here, no "
                            "other computer or program can open it. Keep each computer’s "
                            "database on the computer, and share the folder of documents "
                            "instead."), filesystem);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Database on a Network Drive"), text);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* upp-window.h — the main window: presents a UppSession
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "upp-actions-page.h"
#include "upp-overview-page.h"
#include "upp-reports-page.h"
#include "upp-session.h"

G_BEGIN_DECLS

#define UPP_TYPE_WINDOW (upp_window_get_type ())

G_DECLARE_FINAL_TYPE (UppWindow, upp_window, UPP, WINDOW, AdwApplicationWindow)

UppWindow       *upp_window_new               (GtkApplication *application,
                                               UppSession     *session);
UppSession      *upp_window_get_session       (UppWindow      *self);
void             upp_window_show_view         (UppWindow      *self,
                                               const char     *name);
const char      *upp_window_get_view          (UppWindow      *self);
const char      *upp_window_get_state         (UppWindow      *self);
void             upp_window_import_files      (UppWindow      *self,
                                               GListModel     *files);
gboolean         upp_window_drop_value        (UppWindow      *self,
                                               const GValue   *value);
void             upp_window_show_toast        (UppWindow      *self,
                                               const char     *title);
UppOverviewPage *upp_window_get_overview_page (UppWindow      *self);
UppActionsPage  *upp_window_get_actions_page  (UppWindow      *self);
UppReportsPage  *upp_window_get_reports_page  (UppWindow      *self);
GtkWidget       *upp_window_get_revision_banner (UppWindow    *self);
void             upp_window_confirm_import    (UppWindow      *self,
                                               GListModel     *files);
void             upp_window_offer_other_packages (UppWindow   *self,
                                                  GPtrArray   *results);
void             upp_window_show_toast_object (UppWindow      *self,
                                               AdwToast       *toast);
void             upp_window_tell_network_drive (UppWindow     *self);
const char      *upp_window_get_week_label    (UppWindow      *self);
GtkMenuButton   *upp_window_get_week_button   (UppWindow      *self);
void             upp_window_export_briefing   (UppWindow      *self,
                                               GFile          *file,
                                               gboolean        summary);
void             upp_window_print_briefing    (UppWindow      *self,
                                               const char     *export_path);

G_END_DECLS

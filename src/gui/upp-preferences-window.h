/* upp-preferences-window.h — reports folder, organisation, export folder
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UPP_TYPE_PREFERENCES_WINDOW (upp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (UppPreferencesWindow, upp_preferences_window, UPP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *upp_preferences_window_new (GtkWindow *parent);

G_END_DECLS

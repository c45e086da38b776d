/* upp-gui-test-util.h — waiting and screenshots for the GUI tests
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "upp-window.h"

G_BEGIN_DECLS

typedef gboolean (*UppTestCondition) (gpointer data);

gboolean upp_test_is_drawn       (gpointer          data);
void upp_test_wait_for        (UppTestCondition  condition,
                               gpointer          data,
                               const char       *what);
void upp_test_drain           (void);
void upp_test_wait_idle       (UppWindow        *window);
void upp_test_settle          (int               msec);
void upp_test_save_screenshot (GtkWidget        *widget,
                               const char       *dir,
                               const char       *name);

G_END_DECLS

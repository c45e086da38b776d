/* upp-gui-test-util.h — waiting and screenshots for the GUI tests
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "upp-application.h"
#include "upp-report-window.h"
#include "upp-window.h"

G_BEGIN_DECLS

/**
 * UppGuiTest:
 * @app: the application the windows under test belong to
 * @tmp_dir: a scratch folder, removed with everything in it at the end
 * @demo_db: the demo database in @tmp_dir, imported as of its last week
 * @screenshot_dir: where screenshots go (<build>/tests/gui/screenshots)
 *
 * What every GUI test program shares.
 */
typedef struct
{
  UppApplication *app;
  char           *tmp_dir;
  char           *demo_db;
  char           *screenshot_dir;
} UppGuiTest;

gboolean upp_gui_test_init      (UppGuiTest       *test,
                                 int              *argc,
                                 char           ***argv,
                                 const char       *app_id,
                                 const char       *today);
int      upp_gui_test_run       (UppGuiTest       *test);
char    *upp_gui_test_copy_demo (const UppGuiTest *test,
                                 const char       *name);

typedef gboolean (*UppTestCondition) (gpointer data);

gboolean upp_test_is_drawn       (gpointer          data);
void upp_test_wait_for        (UppTestCondition  condition,
                               gpointer          data,
                               const char       *what);
void upp_test_drain           (void);
void upp_test_wait_idle       (UppWindow        *window);
UppStore *upp_test_open_store_of (UppWindow     *window);
void upp_test_wait_report     (UppReportWindow  *report);
void upp_test_settle          (int               msec);
void upp_test_collect          (GtkWidget        *root,
                               GType             type,
                               GPtrArray        *found);
GtkWidget *upp_test_find_button (GtkWidget      *root,
                                 const char     *label);
char *upp_test_answer_dialog   (UppWindow        *window,
                                const char       *response);
void upp_test_save_screenshot (GtkWidget        *widget,
                               const char       *dir,
                               const char       *name);

G_END_DECLS

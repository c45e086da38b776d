/* upp-a11y.h — names for what GTK 4.8 leaves unnamed
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UPP_TYPE_ROW_NAME (upp_row_name_get_type ())

G_DECLARE_FINAL_TYPE (UppRowName, upp_row_name, UPP, ROW_NAME, GtkWidget)

void upp_a11y_name_row          (GtkWidget     *inside,
                                 const char    *label);
void upp_a11y_name_drop_down    (GtkDropDown   *drop_down,
                                 const char    *label);
void upp_a11y_name_column_view  (GtkColumnView *view,
                                 const char    *label);
void upp_a11y_fix_calendar      (GtkCalendar   *calendar);
void upp_a11y_name_status_page  (AdwStatusPage *page);
void upp_a11y_name_split_button (AdwSplitButton *button,
                                 const char     *label);
void upp_a11y_fix_entry_row     (AdwEntryRow   *row);
void upp_a11y_drop_empty_description (AdwActionRow *row);
void upp_a11y_name_shortcuts_window (GtkShortcutsWindow *window);
void upp_a11y_name_preferences  (GtkWidget     *root,
                                 const char    *page_label);
void upp_a11y_fix_mnemonics     (GtkWidget     *root);

G_END_DECLS

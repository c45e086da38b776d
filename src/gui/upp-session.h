/* upp-session.h — what the window presents: a store, a week, filters
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "upp-dashboard.h"

G_BEGIN_DECLS


#define UPP_TYPE_SESSION (upp_session_get_type ())

G_DECLARE_FINAL_TYPE (UppSession, upp_session, UPP, SESSION, GObject)

UppSession             *upp_session_new                 (void);

void                    upp_session_open                (UppSession    *self,
                                                         const char    *path);
UppStore               *upp_session_get_store           (UppSession    *self);
const char             *upp_session_get_error           (UppSession    *self);
gboolean                upp_session_get_loading         (UppSession    *self);
gboolean                upp_session_get_busy            (UppSession    *self);
UppDashboard           *upp_session_get_dashboard       (UppSession    *self);

UppWeek                 upp_session_get_week            (UppSession    *self);
void                    upp_session_set_week            (UppSession    *self,
                                                         UppWeek        week);
UppWeek                 upp_session_get_today           (UppSession    *self);
void                    upp_session_get_today_date      (UppSession    *self,
                                                         GDate         *out_date);
gboolean                upp_session_can_go_back         (UppSession    *self);
gboolean                upp_session_can_go_forward      (UppSession    *self);
void                    upp_session_step_week           (UppSession    *self,
                                                         int            n_weeks);
void                    upp_session_go_to_today         (UppSession    *self);

const UppActionFilter  *upp_session_get_filter          (UppSession    *self);
void                    upp_session_set_department      (UppSession    *self,
                                                         const char    *department);
void                    upp_session_set_state_filter    (UppSession    *self,
                                                         int            state);
void                    upp_session_set_goal            (UppSession    *self,
                                                         const char    *goal);
void                    upp_session_set_search          (UppSession    *self,
                                                         const char    *search);
void                    upp_session_clear_filters       (UppSession    *self);

const char             *upp_session_get_selected_action (UppSession    *self);
void                    upp_session_set_selected_action (UppSession    *self,
                                                         const char    *code);
UppActionDetails       *upp_session_get_details         (UppSession    *self);
void                    upp_session_save_note           (UppSession    *self,
                                                         const char    *code,
                                                         UppWeek        week,
                                                         const char    *text);

void                    upp_session_reload              (UppSession    *self);

void                    upp_session_import              (UppSession    *self,
                                                         const char * const *paths);
void                    upp_session_import_files        (UppSession    *self,
                                                         GListModel    *files);
void                    upp_session_request_import      (UppSession    *self,
                                                         GListModel    *files);
gboolean                upp_session_import_example      (UppSession    *self);
void                    upp_session_cancel_import       (UppSession    *self);
gboolean                upp_session_get_importing       (UppSession    *self);
guint                   upp_session_get_import_done     (UppSession    *self);
guint                   upp_session_get_import_total    (UppSession    *self);
guint                   upp_session_get_imports_waiting (UppSession    *self);
GPtrArray              *upp_session_get_last_results    (UppSession    *self);

const char             *upp_session_get_reports_folder  (UppSession    *self);
void                    upp_session_set_reports_folder  (UppSession    *self,
                                                         const char    *folder);

G_END_DECLS

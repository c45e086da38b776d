/* upp-report-window-private.h — what the report window's files share
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-report-tasks.h"
#include "upp-report-window.h"
#include "upp-session.h"

G_BEGIN_DECLS

typedef struct _UppReportField UppReportField;

struct _UppReportWindow
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  AdwSplitButton       *save_button;
  GtkWidget            *import_file_button;
  GtkRevealer          *problems_revealer;
  GtkLabel             *problems_label;
  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *report_group;
  GtkWidget            *loading_group;
  GtkSpinner           *loading_spinner;
  AdwComboRow          *department_row;
  AdwComboRow          *week_row;
  GtkWidget            *week_message_row;
  GtkLabel             *week_message_label;
  AdwEntryRow          *reporter_row;
  GtkWidget            *reporter_message_row;
  GtkLabel             *reporter_message_label;

  /* borrowed: weak pointer */
  GtkWindow            *parent;        /* the window that presents the session */

  /* owned */
  UppSession           *session;
  UppDashboard         *dashboard;     /* its package is the one in force */
  GSettings            *settings;
  UppReportForm        *form;
  UppReportForm        *previous;      /* read-only: the revision corrected */
  GHashTable           *fields;        /* key → UppReportField */
  GHashTable           *expanders;     /* action code → AdwExpanderRow */
  GPtrArray            *groups;        /* the groups built for the entries */
  GPtrArray            *problems;      /* UppReportProblem */
  GPtrArray            *changes;       /* UppReportChange, read-only */
  GPtrArray            *department_codes;
  GArray               *weeks;
  GtkWidget            *summary_row;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;   /* cancelled in dispose */
  GCancellable         *load_cancellable;
  char                 *load_department; /* the load on its way, or NULL */
  UppWeek               load_week;
  GFile                *source_file;   /* read-only, opened from a file */
  char                 *import_path;
  /* What Save… wrote, while the form is as it was then: Import sends the
   * same bytes, so that the saved file is that same document. */
  GBytes               *saved_bytes;
  char                 *saved_name;
  guint                 saved_generation;
  char                 *import_department; /* what is being imported: its draft goes */
  UppWeek               import_week;

  guint                 validate_id;
  guint                 draft_id;
  guint                 imported_id;
  guint                 focus_id;
  GtkWidget            *focus_target;  /* weak */
  GtkWidget            *focus_row;     /* weak */
  int                   revision;      /* what saving writes: 1, or 2… */
  guint                 loading;       /* widgets set by code, not by the user */
  guint                 generation;    /* +1 on every edit and load: older checks are stale */
  guint                 form_serial;   /* +1 on every load */
  guint                 n_checks;      /* checks running in worker threads */
  guint                 n_writes;      /* draft writes running in worker threads */
  gboolean              read_only;
  gboolean              dirty;
  gboolean              sending;       /* the final check and the file, before an import */
  gboolean              closing;       /* closed, waiting for the draft writes */
  gboolean              kept_on_close; /* a draft was kept when closing */
  gboolean              disposed;
  gboolean              focus_placed;  /* on the first field, once */
};

/* A field of the form: what is typed in it goes to the values. */
struct _UppReportField
{
  UppReportWindow *window;
  char            *key;
  char            *action;     /* NULL for the report's own fields */
  char            *name;       /* "status", "comment", "indicators", "summary"… */
  char            *indicator;
  char            *place;      /* for the problem summary: “A12, Progress” */
  GtkWidget       *input;      /* AdwEntryRow, UppReportTextRow, AdwComboRow, GtkScale */
  GtkWidget       *row;        /* the row that shows the error style */
  GtkWidget       *message_row;
  GtkLabel        *message_label;
  char            *message;
};

/* A pending result's way back to the window: dropped when the window is
 * gone (results never keep it alive) or when it is stale. */
typedef struct
{
  GWeakRef window;
  guint    generation;
  guint    form_serial;
} UppReportPending;

UppReportPending    *upp_report_pending_new                 (UppReportWindow  *self);
UppReportWindow     *upp_report_pending_take                (UppReportPending *pending,
                                                             guint            *out_generation,
                                                             guint            *out_form_serial);

/* The window */
UppReportWindow     *upp_report_window_create               (GtkWindow        *parent);
UppStore            *upp_report_window_get_store            (UppReportWindow  *self);
const UppPackage    *upp_report_window_get_package          (UppReportWindow  *self);
void                 upp_report_window_show_toast           (UppReportWindow  *self,
                                                             const char       *title);
void                 upp_report_window_update_actions       (UppReportWindow  *self);
void                 upp_report_window_emit_saved           (UppReportWindow  *self,
                                                             GFile            *file,
                                                             gboolean          ok);
void                 upp_report_window_finish_close         (UppReportWindow  *self);

/* Fields */
UppReportField      *upp_report_window_add_field            (UppReportWindow  *self,
                                                             const char       *action,
                                                             const char       *name,
                                                             const char       *indicator,
                                                             const char       *place,
                                                             GtkWidget        *input,
                                                             GtkWidget        *row);
void                 upp_report_field_free                  (UppReportField   *field);
const char          *upp_report_field_label                 (const char       *name);
void                 upp_report_field_on_changed            (UppReportField   *field);
void                 upp_report_window_replace              (char            **field,
                                                             char             *value);

/* Problems */
guint                upp_report_window_count_problems       (UppReportWindow  *self,
                                                             const char       *action);
void                 upp_report_window_set_problems         (UppReportWindow  *self,
                                                             GPtrArray        *problems);
void                 upp_report_window_show_problem_action  (GtkWidget        *widget,
                                                             const char       *action_name,
                                                             GVariant         *parameter);

/* Building the form */
void                 upp_report_window_build_entries        (UppReportWindow  *self);
void                 upp_report_window_clear_entries        (UppReportWindow  *self);
void                 upp_report_window_update_expander      (UppReportWindow  *self,
                                                             const char       *action);
AdwPreferencesGroup *upp_report_window_new_group            (UppReportWindow  *self,
                                                             const char       *title,
                                                             const char       *description);
GtkWidget           *upp_report_window_new_value_row        (UppReportWindow  *self,
                                                             const char       *title,
                                                             const char       *value,
                                                             const char       *key);
GtkWidget           *upp_report_window_new_text_row         (UppReportWindow  *self,
                                                             const char       *action,
                                                             const char       *name,
                                                             const char       *title,
                                                             const char       *hint,
                                                             const char       *text,
                                                             GtkWidget       **out_row);

/* Loading a department's week */
void                 upp_report_window_fill_choices         (UppReportWindow  *self);
void                 upp_report_window_on_choice_changed    (UppReportWindow  *self);

/* Drafts */
typedef void       (*UppReportWritten)                      (UppReportWindow  *self,
                                                             gboolean          ok,
                                                             gpointer          user_data);

void                 upp_report_window_write_draft          (UppReportWindow  *self,
                                                             const char       *department,
                                                             UppWeek           week,
                                                             const char       *json,
                                                             UppReportWritten  done,
                                                             gpointer          done_data,
                                                             GDestroyNotify    done_destroy);
void                 upp_report_window_delete_draft         (UppReportWindow  *self);
void                 upp_report_window_discard_action       (GtkWidget        *widget,
                                                             const char       *action_name,
                                                             GVariant         *parameter);

/* Saving and importing */
void                 upp_report_window_forget_import        (UppReportWindow  *self);
void                 upp_report_window_save_action          (GtkWidget        *widget,
                                                             const char       *action_name,
                                                             GVariant         *parameter);
void                 upp_report_window_import_action        (GtkWidget        *widget,
                                                             const char       *action_name,
                                                             GVariant         *parameter);
void                 upp_report_window_import_file_action   (GtkWidget        *widget,
                                                             const char       *action_name,
                                                             GVariant         *parameter);

G_END_DECLS

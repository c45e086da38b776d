/* upp-window.c — the main window: presents a UppSession
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-briefing.h"
#include "upp-demo.h"
#include "upp-import.h"
#include "upp-report-window.h"
#include "upp-revision-review.h"
#include "upp-a11y.h"
#include "upp-spreadsheet.h"
#include "upp-window.h"

struct _UppWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *week_box;
  GtkMenuButton        *week_button;
  GtkStack             *week_button_stack;
  GtkLabel             *week_label;
  GtkWidget            *this_week_button;
  GtkWidget            *export_button;
  GtkPopover           *week_popover;
  GtkCalendar          *calendar;
  GtkRevealer          *import_revealer;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  UppRevisionBanner    *revision_banner;
  GtkStack             *main_stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  AdwBin               *overview_bin;
  AdwBin               *actions_bin;
  UppReportsPage       *reports_page;
  /* built on first use, inside the bins above (borrowed) */
  UppOverviewPage      *overview_page;
  UppActionsPage       *actions_page;

  /* owned */
  UppSession           *session;
  GSettings            *settings;
  GtkFileChooserNative *chooser;
  GtkFileChooserNative *export_chooser;
  GCancellable         *cancellable;
  char                 *week_title;

  guint                 narrow_idle;
  gboolean              narrow;
  gboolean              restored_department;
  gboolean              import_stopped;  /* its toast is shown; ::imported adds none */
  gboolean              has_example;
  guint                 updating_calendar;
  gboolean              focus_placed;
};

G_DEFINE_FINAL_TYPE (UppWindow, upp_window, ADW_TYPE_APPLICATION_WINDOW)

static UppOverviewPage *ensure_overview_page (UppWindow *self);
static UppActionsPage  *ensure_actions_page  (UppWindow *self);

/* Below this width the header bar has no room for the week's name. */
#define NARROW_WIDTH 640

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Presenting the session */

static gboolean
is_narrow (UppWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height;

  if (width <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  return width > 0 && width < NARROW_WIDTH;
}

/* Narrow: the week button shows a calendar icon (the week is the title
 * then), "This week" lives in the calendar popover and exporting in the
 * menu, and the title is no longer centred strictly, which needs room on
 * both sides. */
static void
apply_width (UppWindow *self,
             gboolean   on_dashboard)
{
  self->narrow = is_narrow (self);
  adw_header_bar_set_centering_policy (self->header_bar, self->narrow ? ADW_CENTERING_POLICY_LOOSE
                                                                      : ADW_CENTERING_POLICY_STRICT);
  gtk_stack_set_visible_child_name (self->week_button_stack, self->narrow ? "icon" : "label");
  gtk_widget_set_visible (self->this_week_button, !self->narrow);
  gtk_widget_set_visible (self->export_button, on_dashboard && !self->narrow);
}

static void
update_state (UppWindow *self)
{
  UppDashboard *dashboard = upp_session_get_dashboard (self->session);
  const char *error = upp_session_get_error (self->session);
  gboolean loading = error == NULL && dashboard == NULL;
  gboolean on_dashboard = error == NULL && dashboard != NULL && !upp_dashboard_is_empty (dashboard);
  gboolean was_dashboard;
  const char *page;

  if (error != NULL)
    page = "error";
  else if (loading)
    page = "loading";
  else if (!on_dashboard)
    page = "empty";
  else
    page = "dashboard";

  if (error != NULL)
    adw_status_page_set_description (self->error_page, error);
  was_dashboard = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") == 0;
  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_spinner_set_spinning (self->spinner, loading);

  apply_width (self, on_dashboard);
  gtk_widget_set_visible (self->week_box, on_dashboard);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, on_dashboard);
  adw_view_switcher_title_set_title (self->switcher_title,
                                     on_dashboard && self->week_title != NULL
                                       ? self->week_title : gtk_window_get_title (GTK_WINDOW (self)));
  if (!on_dashboard)
    adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    on_dashboard &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", on_dashboard);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-briefing", on_dashboard);

  /* When the dashboard first shows, focus starts on the week it shows
   * (not on whatever GTK chose in the header while it loaded), with its
   * focus ring. */
  if (on_dashboard && !was_dashboard && !self->focus_placed)
    {
      self->focus_placed = TRUE;
      gtk_widget_grab_focus (GTK_WIDGET (self->week_button));
      gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", on_dashboard);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.write-report", on_dashboard);
}

static void
update_week (UppWindow *self)
{
  UppWeek week = upp_session_get_week (self->session);
  UppWeek today = upp_session_get_today (self->session);
  g_autofree char *relation = upp_dashboard_week_relation (week, today);
  g_autofree char *tooltip = NULL;

  g_free (self->week_title);
  self->week_title = upp_dashboard_week_title (week);
  gtk_label_set_label (self->week_label, self->week_title);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "dashboard"))
    {
      adw_view_switcher_title_set_title (self->switcher_title, self->week_title);
      adw_view_switcher_title_set_subtitle (self->switcher_title, relation);
    }

  /* Translators: tooltip of the week button, “Week 40, 2026 — 8 weeks ago. Choose another week” */
  tooltip = g_strdup_printf (_("%s — %s. Choose another week"), self->week_title, relation);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->week_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->week_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-week",
                                 upp_session_can_go_back (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-week",
                                 upp_session_can_go_forward (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.this-week",
                                 upp_week_compare (week, today) != 0);
}

static void
restore_department (UppWindow *self)
{
  UppDashboard *dashboard = upp_session_get_dashboard (self->session);
  g_autofree char *department = NULL;

  if (self->restored_department || dashboard == NULL || upp_dashboard_is_empty (dashboard))
    return;
  self->restored_department = TRUE;
  department = g_settings_get_string (self->settings, "last-department");
  if (*department != '\0' && upp_package_find_department (dashboard->package, department) != NULL)
    upp_session_set_department (self->session, department);
}

static void
on_dashboard_changed (UppWindow *self)
{
  restore_department (self);
  update_state (self);
  update_week (self);
}

static void
on_department_changed (UppWindow *self)
{
  const char *department = upp_session_get_filter (self->session)->department;

  if (self->restored_department)
    g_settings_set_string (self->settings, "last-department",
                           department != NULL ? department : "");
}

static void
update_import (UppWindow *self)
{
  gboolean importing = upp_session_get_importing (self->session);
  guint done = upp_session_get_import_done (self->session);
  guint total = upp_session_get_import_total (self->session);
  guint waiting = upp_session_get_imports_waiting (self->session);
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->import_revealer, importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-example",
                                 self->has_example && !importing);
  if (!importing)
    return;
  if (total == 0)
    {
      text = g_strdup (_("Looking for files…"));
      gtk_progress_bar_pulse (self->import_progress);
    }
  else
    {
      /* Translators: “Importing 120 of 2000 files…” */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u of %u file…",
                                           "Importing %u of %u files…", total),
                              done, total);
      gtk_progress_bar_set_fraction (self->import_progress, (double) done / total);
    }
  if (waiting > 0)
    {
      g_autofree char *line = g_steal_pointer (&text);

      /* Translators: the import bar, “Importing 12 of 40 files… 1 more import waits its turn” */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %u more import waits its turn",
                                           "%s %u more imports wait their turn", waiting),
                              line, waiting);
    }
  gtk_label_set_label (self->import_label, text);
}

static gboolean
anything_new (GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    if (((UppImportResult *) g_ptr_array_index (results, i))->status != UPP_IMPORT_DUPLICATE &&
        ((UppImportResult *) g_ptr_array_index (results, i))->status != UPP_IMPORT_OTHER_PACKAGE)
      return TRUE;
  return FALSE;
}

static void
on_imported (UppWindow *self,
             GPtrArray *results,
             gboolean   from_folder)
{
  g_autofree char *summary = NULL;
  AdwToast *toast;

  upp_window_offer_other_packages (self, results);
  /* The watched folder is scanned at every start; files seen before are
   * no news. A stopped import has said what it kept (on_import_stopped). */
  if (from_folder && !anything_new (results))
    return;
  if (self->import_stopped)
    {
      self->import_stopped = FALSE;
      return;
    }

  summary = upp_dashboard_import_summary (results);
  toast = adw_toast_new (summary);
  if (!g_str_equal (upp_window_get_view (self), "reports"))
    {
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.view");
      adw_toast_set_action_target_value (toast, g_variant_new_string ("reports"));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_import_stopped (UppWindow *self,
                   guint      n_stored,
                   guint      n_not_stored)
{
  g_autofree char *stored = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Translators: the first half of “Import stopped: 40 files imported, 60 not. What was imported is kept.” */
  stored = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import stopped: %u file imported",
                                         "Import stopped: %u files imported", n_stored),
                            n_stored);
  /* Translators: the second half; %s is the first */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u not. What was imported is kept.",
                                       "%s, %u not. What was imported is kept.", n_not_stored),
                          stored, n_not_stored);
  toast = adw_toast_new (text);
  if (!g_str_equal (upp_window_get_view (self), "reports"))
    {
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.view");
      adw_toast_set_action_target_value (toast, g_variant_new_string ("reports"));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* The ::imported that follows needs no toast of its own. */
  self->import_stopped = TRUE;
}

static void
on_note_saved (UppWindow  *self,
               const char *code,
               gboolean    ok,
               const char *message)
{
  g_autofree char *text = NULL;

  if (ok)
    /* Translators: a toast, “Note on A13 saved” */
    text = g_strdup_printf (_("Note on %s saved"), code);
  else
    text = g_strdup_printf (_("Could not save the note: %s"), message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
on_failed (UppWindow  *self,
           const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_title_visible_changed (UppWindow *self)
{
  gboolean on_dashboard;

  /* Also notified while the template is being built. */
  if (self->main_stack == NULL || self->switcher_bar == NULL)
    return;
  on_dashboard = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "dashboard") == 0;

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    on_dashboard &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static gboolean
apply_narrow (gpointer user_data)
{
  UppWindow *self = user_data;

  self->narrow_idle = 0;
  update_state (self);
  return G_SOURCE_REMOVE;
}

static void
upp_window_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  UppWindow *self = UPP_WINDOW (widget);
  gboolean narrow = width < NARROW_WIDTH;

  GTK_WIDGET_CLASS (upp_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Decided on the window's width, not on what fits in the header bar, so
   * that it cannot flip back and forth; applied after this allocation,
   * because nothing may change size in the middle of one. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle == 0)
        self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_narrow, self, NULL);
    }
}

static void
on_week_popover_show (UppWindow *self)
{
  UppWeek week = upp_session_get_week (self->session);
  UppWeek today = upp_session_get_today (self->session);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;
  GDate date;

  if (upp_week_compare (week, today) == 0)
    upp_session_get_today_date (self->session, &date);
  else
    upp_week_get_monday (week, &date);
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  /* GTK 4.8's calendar does not expose its days: say the chosen one. */
  day = g_date_time_format (when, "%x");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, day, -1);
  self->updating_calendar++;
  gtk_calendar_select_day (self->calendar, when);
  self->updating_calendar--;
}

static void
on_day_selected (UppWindow *self)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (self->updating_calendar > 0)
    return;
  when = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  upp_session_set_week (self->session, upp_week_from_date (&date));
  gtk_popover_popdown (self->week_popover);
}

/* Importing */

/**
 * upp_window_import_files:
 * @self: a #UppWindow
 * @files: (element-type GFile): files and folders
 *
 * Imports them in the background and shows the outcome in the Reports view.
 * Drops, the file chooser and files opened with the application all end
 * here.
 */
void
upp_window_import_files (UppWindow  *self,
                         GListModel *files)
{
  g_return_if_fail (UPP_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (g_list_model_get_n_items (files) == 0)
    return;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "dashboard"))
    upp_window_show_view (self, "reports");
  upp_session_import_files (self->session, files);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         UppWindow     *self)
{
  return upp_window_drop_value (self, value);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     UppWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      upp_window_confirm_import (self, files);
    }
  g_clear_object (&self->chooser);
}

static void
run_chooser (UppWindow            *self,
             GtkFileChooserAction  action)
{
  gboolean folders = action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;
  g_autoptr(GtkFileFilter) json = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (folders ? _("Import Folders") : _("Import Files"),
                                               GTK_WINDOW (self), action, _("_Import"),
                                               _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (!folders)
    {
      json = gtk_file_filter_new ();
      gtk_file_filter_set_name (json, _("Reports and packages (JSON)"));
      gtk_file_filter_add_mime_type (json, "application/json");
      gtk_file_filter_add_pattern (json, "*.json");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
      all = gtk_file_filter_new ();
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The briefing */

typedef struct
{
  UppWindow *window;
  GFile     *file;
  gboolean   spreadsheet;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->window);
  g_object_unref (export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
on_briefing_written (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  UppWindow *self = export->window;
  GFile *file = export->file;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (export->spreadsheet ? !upp_spreadsheet_write_finish (UPP_STORE (source), result, &error)
                          : !upp_briefing_write_finish (UPP_STORE (source), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: the error says why, e.g. which text the sensitive-data guard refused */
      message = g_strdup_printf (export->spreadsheet ? _("The spreadsheet was not saved: %s")
                                                     : _("The briefing was not saved: %s"),
                                 error->message);
      on_failed (self, message);
      return;
    }

  toast = adw_toast_new (export->spreadsheet ? _("Spreadsheet saved") : _("Briefing saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-file");
  adw_toast_set_action_target_value (toast, g_variant_new_take_string (g_file_get_uri (file)));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_signal_emit_by_name (self, "briefing-saved", file);
}

static void
fill_briefing_options (UppWindow          *self,
                       UppBriefingOptions *options,
                       gboolean            summary,
                       char              **organisation)
{
  *organisation = g_settings_get_string (self->settings, "organisation-name");
  memset (options, 0, sizeof *options);
  options->week = upp_session_get_week (self->session);
  options->summary = summary;
  options->organisation = **organisation != '\0' ? *organisation : NULL;
}

/**
 * upp_window_export_briefing:
 * @self: a #UppWindow
 * @file: where to write the PDF
 * @summary: leave the free texts out
 *
 * Writes the briefing of the shown week in a worker thread, then offers
 * to open it; what the file chooser of "Export Briefing…" ends in.
 */
void
upp_window_export_briefing (UppWindow *self,
                            GFile     *file,
                            gboolean   summary)
{
  UppStore *store = upp_session_get_store (self->session);
  UppBriefingOptions options;
  g_autofree char *organisation = NULL;
  Export *export;

  g_return_if_fail (UPP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (store == NULL)
    return;
  fill_briefing_options (self, &options, summary, &organisation);
  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->file = g_object_ref (file);
  upp_briefing_write_async (store, &options, file, self->cancellable, on_briefing_written, export);
}

/* The actions as a spreadsheet, in a worker thread; a name that ends in
 * .pdf (the suggested one) becomes .xlsx. */
static void
export_spreadsheet (UppWindow *self,
                    GFile     *file)
{
  UppStore *store = upp_session_get_store (self->session);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *stem = NULL;
  g_autofree char *xlsx = NULL;
  Export *export;

  if (store == NULL || path == NULL)
    return;
  stem = g_str_has_suffix (path, ".pdf") ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
  xlsx = g_str_has_suffix (stem, ".xlsx") ? g_strdup (stem) : g_strconcat (stem, ".xlsx", NULL);
  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->file = g_file_new_for_path (xlsx);
  export->spreadsheet = TRUE;
  upp_spreadsheet_write_async (store, upp_session_get_week (self->session), xlsx,
                               self->cancellable, on_briefing_written, export);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    UppWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const char *contents = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "contents");

      if (file != NULL && g_strcmp0 (contents, "spreadsheet") == 0)
        export_spreadsheet (self, file);
      else if (file != NULL)
        upp_window_export_briefing (self, file, g_strcmp0 (contents, "summary") == 0);
    }
  g_clear_object (&self->export_chooser);
}

static void
export_briefing_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UppWindow *self = UPP_WINDOW (widget);
  g_autofree char *folder = g_settings_get_string (self->settings, "export-folder");
  g_autofree char *week = upp_week_format (upp_session_get_week (self->session));
  g_autofree char *name = NULL;
  g_autoptr(GFile) current = NULL;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  const char *options[] = { "full", "summary", "spreadsheet", NULL };
  const char *labels[] = { _("Everything, with comments and notes"),
                           _("Summary without free texts"),
                           _("Spreadsheet of the actions (.xlsx)"), NULL };

  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
      return;
    }

  self->export_chooser = gtk_file_chooser_native_new (_("Export Briefing"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                      _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), pdf);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->export_chooser), "contents",
                               _("Contents"), options, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->export_chooser), "contents", "full");

  /* Translators: the suggested file name of a briefing, “Briefing 2026-W40.pdf” */
  name = g_strdup_printf (_("Briefing %s.pdf"), week);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  if (*folder == '\0' && g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    {
      g_free (folder);
      folder = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
    }
  if (*folder != '\0')
    {
      current = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->export_chooser), current, NULL);
    }
  g_signal_connect (self->export_chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              UppBriefing       *briefing)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale = gtk_print_context_get_width (context) / UPP_BRIEFING_PAGE_WIDTH;

  /* The page as in the PDF, scaled to the paper's printable width. */
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  upp_briefing_draw_page (briefing, cr, page);
  cairo_restore (cr);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               UppWindow               *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (_("The briefing was not printed: %s"),
                                 error != NULL ? error->message : "");
      on_failed (self, message);
    }
  g_signal_handlers_disconnect_by_data (operation, self);
}

static void
run_print (UppWindow   *self,
           UppBriefing *briefing,
           const char  *export_path)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, upp_briefing_get_n_pages (briefing));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, upp_briefing_get_title (briefing));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "briefing", briefing,
                          (GDestroyNotify) upp_briefing_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), briefing);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), self);

  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                        GTK_WINDOW (self), &error);
    }
  else
    {
      gtk_print_operation_set_allow_async (operation, TRUE);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                        GTK_WINDOW (self), &error);
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The briefing was not printed: %s"),
                                                  error->message);

      on_failed (self, message);
    }
}

typedef struct
{
  UppStore           *store;
  UppBriefingOptions  options;
  char               *organisation;
  char               *export_path;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_clear_object (&data->store);
  g_free (data->organisation);
  g_free (data->export_path);
  g_free (data);
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PrintData *data = task_data;
  g_autoptr(GError) error = NULL;
  UppBriefing *briefing = upp_briefing_new (data->store, &data->options, &error);

  if (briefing == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, briefing, (GDestroyNotify) upp_briefing_free);
}

static void
on_laid_out (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  UppWindow *self = UPP_WINDOW (source);
  PrintData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  UppBriefing *briefing = g_task_propagate_pointer (G_TASK (result), &error);

  if (briefing == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The briefing was not printed: %s"), error->message);
      on_failed (self, message);
      return;
    }
  run_print (self, briefing, data->export_path);
}

/**
 * upp_window_print_briefing:
 * @self: a #UppWindow
 * @export_path: (nullable): write the printed pages to this PDF instead of
 *   asking for a printer (for tests)
 *
 * Lays the briefing out in a worker thread, then prints it with
 * #GtkPrintOperation, page by page with upp_briefing_draw_page().
 */
void
upp_window_print_briefing (UppWindow  *self,
                           const char *export_path)
{
  UppStore *store = upp_session_get_store (self->session);
  g_autoptr(GTask) task = NULL;
  PrintData *data;

  g_return_if_fail (UPP_IS_WINDOW (self));

  if (store == NULL)
    return;
  data = g_new0 (PrintData, 1);
  data->store = g_object_ref (store);
  fill_briefing_options (self, &data->options, FALSE, &data->organisation);
  data->export_path = g_strdup (export_path);
  task = g_task_new (self, self->cancellable, on_laid_out, NULL);
  g_task_set_source_tag (task, upp_window_print_briefing);
  g_task_set_task_data (task, data, (GDestroyNotify) print_data_free);
  g_task_run_in_thread (task, layout_thread);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  upp_window_print_briefing (UPP_WINDOW (widget), NULL);
}

/* Actions */

static void
previous_week_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  upp_session_step_week (UPP_WINDOW (widget)->session, -1);
}

static void
next_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  upp_session_step_week (UPP_WINDOW (widget)->session, 1);
}

static void
this_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UppWindow *self = UPP_WINDOW (widget);

  upp_session_go_to_today (self->session);
  gtk_popover_popdown (self->week_popover);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  run_chooser (UPP_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_chooser (UPP_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  upp_session_cancel_import (UPP_WINDOW (widget)->session);
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UppWindow *self = UPP_WINDOW (widget);

  if (!upp_session_import_example (self->session))
    on_failed (self, _("The example is not installed"));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UppWindow *self = UPP_WINDOW (widget);

  upp_window_show_view (self, "actions");
  upp_actions_page_focus_search (ensure_actions_page (self));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  upp_window_show_view (UPP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UppWindow *self = UPP_WINDOW (widget);

  upp_window_show_view (self, "actions");
  upp_actions_page_show_action (ensure_actions_page (self),
                                g_variant_get_string (parameter, NULL));
}

static void
show_state_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UppWindow *self = UPP_WINDOW (widget);

  /* A key figure opens the list of the actions it counts. */
  upp_session_clear_filters (self->session);
  upp_session_set_state_filter (self->session, g_variant_get_int32 (parameter));
  upp_window_show_view (self, "actions");
}

static void
show_attention_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UppWindow *self = UPP_WINDOW (widget);

  upp_window_show_view (self, "actions");
  upp_actions_page_show_most_severe (ensure_actions_page (self));
}

static void
on_draft_kept (UppWindow       *self,
               UppReportWindow *report)
{
  g_autofree char *week = upp_dashboard_week_title (upp_report_window_get_form (report)->week);
  g_autofree char *text = NULL;

  /* Translators: a toast in the main window, “The draft for Week 49, 2026 is kept” */
  text = g_strdup_printf (_("The draft for %s is kept"), week);
  upp_window_show_toast (self, text);
}

static void
write_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UppReportWindow *report = upp_report_window_new (UPP_WINDOW (widget));

  g_signal_connect_object (report, "draft-kept", G_CALLBACK (on_draft_kept), widget,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (report));
}

static void
on_document_opened (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppReportWindow) report = upp_report_window_new_finish (result, &error);
  g_autoptr(UppWindow) self = g_weak_ref_get (user_data);

  g_weak_ref_clear (user_data);
  g_free (user_data);
  if (report != NULL)
    gtk_window_present (GTK_WINDOW (report));
  else if (self != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    on_failed (self, error->message);
}

static void
open_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GWeakRef *self = g_new0 (GWeakRef, 1);

  /* Read in a worker thread; the window opens when the report is there. */
  g_weak_ref_init (self, widget);
  upp_report_window_new_for_document_async (UPP_WINDOW (widget), g_variant_get_int64 (parameter),
                                            NULL, on_document_opened, self);
}

/* Public */

void
upp_window_show_view (UppWindow  *self,
                      const char *name)
{
  g_return_if_fail (UPP_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
upp_window_get_view (UppWindow *self)
{
  g_return_val_if_fail (UPP_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * upp_window_get_state:
 * @self: a #UppWindow
 *
 * Returns: "loading", "error", "empty" or "dashboard"
 */
const char *
upp_window_get_state (UppWindow *self)
{
  g_return_val_if_fail (UPP_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

void
upp_window_show_toast_object (UppWindow *self,
                              AdwToast  *toast)
{
  g_return_if_fail (UPP_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
upp_window_show_toast (UppWindow  *self,
                       const char *title)
{
  g_return_if_fail (UPP_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* The overview and the actions are built when first shown or asked for:
 * the first frame, a spinner while the store opens, needs neither. */
static UppOverviewPage *
ensure_overview_page (UppWindow *self)
{
  if (self->overview_page == NULL)
    {
      self->overview_page = g_object_new (UPP_TYPE_OVERVIEW_PAGE, NULL);
      adw_bin_set_child (self->overview_bin, GTK_WIDGET (self->overview_page));
      if (self->session != NULL)
        upp_overview_page_set_session (self->overview_page, self->session);
    }
  return self->overview_page;
}

static UppActionsPage *
ensure_actions_page (UppWindow *self)
{
  if (self->actions_page == NULL)
    {
      self->actions_page = g_object_new (UPP_TYPE_ACTIONS_PAGE, NULL);
      adw_bin_set_child (self->actions_bin, GTK_WIDGET (self->actions_page));
      if (self->session != NULL)
        upp_actions_page_set_session (self->actions_page, self->session);
    }
  return self->actions_page;
}

static void
on_overview_bin_map (UppWindow *self)
{
  ensure_overview_page (self);
}

static void
on_actions_bin_map (UppWindow *self)
{
  ensure_actions_page (self);
}

UppSession *
upp_window_get_session (UppWindow *self)
{
  g_return_val_if_fail (UPP_IS_WINDOW (self), NULL);
  return self->session;
}

UppOverviewPage *
upp_window_get_overview_page (UppWindow *self)
{
  g_return_val_if_fail (UPP_IS_WINDOW (self), NULL);
  return ensure_overview_page (self);
}

UppActionsPage *
upp_window_get_actions_page (UppWindow *self)
{
  g_return_val_if_fail (UPP_IS_WINDOW (self), NULL);
  return ensure_actions_page (self);
}

UppReportsPage *
upp_window_get_reports_page (UppWindow *self)
{
  g_return_val_if_fail (UPP_IS_WINDOW (self), NULL);
  return self->reports_page;
}

GtkMenuButton *
upp_window_get_week_button (UppWindow *self)
{
  g_return_val_if_fail (UPP_IS_WINDOW (self), NULL);
  return self->week_button;
}

/**
 * upp_window_get_revision_banner:
 * @self: a #UppWindow
 *
 * Returns: (transfer none): the #UppRevisionBanner under the header bar
 */
GtkWidget *
upp_window_get_revision_banner (UppWindow *self)
{
  g_return_val_if_fail (UPP_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->revision_banner);
}

const char *
upp_window_get_week_label (UppWindow *self)
{
  g_return_val_if_fail (UPP_IS_WINDOW (self), NULL);
  return gtk_label_get_label (self->week_label);
}

/* GObject */

static void
connect_session (UppWindow *self)
{
  g_signal_connect_swapped (self->session, "notify::dashboard",
                            G_CALLBACK (on_dashboard_changed), self);
  g_signal_connect_swapped (self->session, "notify::error", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (self->session, "notify::week-key", G_CALLBACK (update_week), self);
  g_signal_connect_swapped (self->session, "notify::department",
                            G_CALLBACK (on_department_changed), self);
  g_signal_connect_swapped (self->session, "notify::importing", G_CALLBACK (update_import), self);
  g_signal_connect_swapped (self->session, "notify::imports-waiting", G_CALLBACK (update_import),
                            self);
  g_signal_connect_swapped (self->session, "import-stopped", G_CALLBACK (on_import_stopped), self);
  g_signal_connect_swapped (self->session, "notify::import-done", G_CALLBACK (update_import),
                            self);
  g_signal_connect_swapped (self->session, "notify::import-total", G_CALLBACK (update_import),
                            self);
  g_signal_connect_swapped (self->session, "imported", G_CALLBACK (on_imported), self);
  g_signal_connect_swapped (self->session, "note-saved", G_CALLBACK (on_note_saved), self);
  g_signal_connect_swapped (self->session, "failed", G_CALLBACK (on_failed), self);
  g_signal_connect_swapped (self->session, "notify::store",
                            G_CALLBACK (upp_window_tell_network_drive), self);
  g_signal_connect_swapped (self->session, "import-requested", G_CALLBACK (upp_window_import_files),
                            self);

  if (self->overview_page != NULL)
    upp_overview_page_set_session (self->overview_page, self->session);
  if (self->actions_page != NULL)
    upp_actions_page_set_session (self->actions_page, self->session);
  upp_reports_page_set_session (self->reports_page, self->session);
  upp_revision_banner_set_session (self->revision_banner, self->session);
  g_settings_bind (self->settings, "reports-folder", self->session, "reports-folder",
                   G_SETTINGS_BIND_GET);

  on_dashboard_changed (self);
  update_import (self);
}

static gboolean
upp_window_close_request (GtkWindow *window)
{
  UppWindow *self = UPP_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (upp_window_parent_class)->close_request (window);
}

static void
upp_window_constructed (GObject *object)
{
  UppWindow *self = UPP_WINDOW (object);

  G_OBJECT_CLASS (upp_window_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = upp_session_new ();
  connect_session (self);
}

static void
upp_window_dispose (GObject *object)
{
  UppWindow *self = UPP_WINDOW (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->export_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->export_chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->session != NULL)
    {
      g_settings_unbind (self->session, "reports-folder");
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (upp_window_parent_class)->dispose (object);
}

static void
upp_window_finalize (GObject *object)
{
  UppWindow *self = UPP_WINDOW (object);

  g_free (self->week_title);

  G_OBJECT_CLASS (upp_window_parent_class)->finalize (object);
}

static void
upp_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  UppWindow *self = UPP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  UppWindow *self = UPP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_window_class_init (UppWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = upp_window_constructed;
  object_class->dispose = upp_window_dispose;
  object_class->finalize = upp_window_finalize;
  object_class->get_property = upp_window_get_property;
  object_class->set_property = upp_window_set_property;
  window_class->close_request = upp_window_close_request;
  widget_class->size_allocate = upp_window_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, UPP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (UPP_TYPE_REPORTS_PAGE);
  g_type_ensure (UPP_TYPE_REVISION_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UppWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, week_box);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, week_button);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, week_button_stack);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, week_label);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, this_week_button);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, week_popover);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, calendar);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, revision_banner);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, overview_bin);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, actions_bin);
  gtk_widget_class_bind_template_child (widget_class, UppWindow, reports_page);
  gtk_widget_class_bind_template_callback (widget_class, on_title_visible_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_week_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "win.previous-week", NULL, previous_week_action);
  gtk_widget_class_install_action (widget_class, "win.next-week", NULL, next_week_action);
  gtk_widget_class_install_action (widget_class, "win.this-week", NULL, this_week_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.show-action", "s", show_action_action);
  gtk_widget_class_install_action (widget_class, "win.show-state", "i", show_state_action);
  gtk_widget_class_install_action (widget_class, "win.show-attention", NULL,
                                   show_attention_action);
  gtk_widget_class_install_action (widget_class, "win.export-briefing", NULL,
                                   export_briefing_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", "s", open_file_action);
  gtk_widget_class_install_action (widget_class, "win.write-report", NULL, write_report_action);
  gtk_widget_class_install_action (widget_class, "win.open-document", "x", open_document_action);

  /**
   * UppWindow::briefing-saved:
   * @file: the PDF
   */
  g_signal_new ("briefing-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
upp_window_init (UppWindow *self)
{
  g_autofree char *example = NULL;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  upp_a11y_fix_mnemonics (GTK_WIDGET (self));
  upp_a11y_fix_calendar (self->calendar);
  upp_a11y_name_status_page (self->error_page);
  upp_a11y_name_status_page (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->main_stack,
                                                                           "empty")));
  g_signal_connect_swapped (self->overview_bin, "map", G_CALLBACK (on_overview_bin_map), self);
  g_signal_connect_swapped (self->actions_bin, "map", G_CALLBACK (on_actions_bin_map), self);

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new ("se.lysekil.Uppfoljning");
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);

  /* Files and folders dropped anywhere on the window are imported. */
  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->main_stack), GTK_EVENT_CONTROLLER (target));

  example = upp_demo_find_folder ();
  self->has_example = example != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-example", self->has_example);
}

UppWindow *
upp_window_new (GtkApplication *application,
                UppSession     *session)
{
  UppWindow *self = g_object_new (UPP_TYPE_WINDOW,
                                 "application", application,
                                 "session", session,
                                 NULL);
  GtkShortcutsWindow *overlay;

  /* GtkApplication loads the shortcuts window when the window joins it. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  upp_a11y_name_shortcuts_window (overlay);
  return self;
}

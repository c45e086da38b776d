/* test-report.c — writing a weekly report in the form, under Xvfb
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo is imported as of 2026-11-27 (week 48, its last); the tests then
 * move "today" to 2026-12-04, so that week 49 is this week: the week the
 * demo's departments write next.
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "upp-application.h"
#include "upp-gui-test-util.h"
#include "upp-test-util.h"
#include "upp-document-item.h"
#include "upp-import.h"
#include "upp-report-tasks.h"
#include "upp-report-text-row.h"
#include "upp-report-window.h"
#include "upp-window.h"

#define WEEK_49 UPP_WEEK_INIT (2026, 49)

static UppGuiTest gui;

/* Windows */

static UppWindow *
open_window (const char *db)
{
  g_autoptr(UppSession) session = upp_session_new ();
  UppWindow *window = g_object_ref (upp_window_new (GTK_APPLICATION (gui.app), session));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  upp_session_open (session, db);
  upp_test_wait_idle (window);
  return window;
}

static void
close_window (UppWindow *window)
{
  upp_test_wait_idle (window);
  gtk_window_destroy (GTK_WINDOW (window));
  upp_test_drain ();
  g_assert_finalize_object (window);
}

static gboolean
is_destroyed (gpointer data)
{
  return !gtk_widget_get_realized (data) && gtk_widget_get_parent (data) == NULL &&
         g_list_find (gtk_application_get_windows (GTK_APPLICATION (gui.app)), data) == NULL;
}

/* Closes a report window as its Cancel button does and checks that nothing
 * of it is left. */
static void
close_report (UppReportWindow *report)
{
  if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (gui.app)), report) != NULL)
    gtk_window_close (GTK_WINDOW (report));
  upp_test_wait_for (is_destroyed, report, "the report window to close");
  upp_test_drain ();
  g_assert_finalize_object (report);
}

static UppReportWindow *
find_report_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (gui.app)); l != NULL; l = l->next)
    if (UPP_IS_REPORT_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* "Write Report…" as the menu and Ctrl+N do it. */
static UppReportWindow *
write_report (UppWindow *window,
              int        width,
              int        height)
{
  UppReportWindow *report;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.write-report", NULL));
  report = find_report_window ();
  g_assert_nonnull (report);
  g_object_ref (report);
  gtk_window_set_default_size (GTK_WINDOW (report), width, height);
  upp_test_wait_for (upp_test_is_drawn, report, "the report window to show");
  /* Loaded (and checked) in worker threads. */
  upp_test_wait_report (report);
  return report;
}

/* The check runs in a worker thread: until its problems are shown. */
static void
check_now (UppReportWindow *report)
{
  upp_report_window_validate_now (report);
  upp_test_wait_report (report);
}

/* Filling in fields through their widgets, as a person would. */

static GtkWidget *
field (UppReportWindow *report,
       const char      *key)
{
  GtkWidget *widget = upp_report_window_get_field (report, key);

  if (widget == NULL)
    g_error ("The form has no field %s", key);
  return widget;
}

static void
type_text (UppReportWindow *report,
           const char      *key,
           const char      *text)
{
  GtkWidget *widget = field (report, key);

  if (UPP_IS_REPORT_TEXT_ROW (widget))
    upp_report_text_row_set_text (UPP_REPORT_TEXT_ROW (widget), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
choose_status (UppReportWindow *report,
               const char      *action,
               UppStatus        status)
{
  g_autofree char *key = g_strconcat (action, "/status", NULL);

  adw_combo_row_set_selected (ADW_COMBO_ROW (field (report, key)), status);
}

static void
set_progress (UppReportWindow *report,
              const char      *action,
              int              progress)
{
  g_autofree char *key = g_strconcat (action, "/progress", NULL);

  gtk_range_set_value (GTK_RANGE (field (report, key)), progress);
}

/* What the user sees of Save: the split button's own button. */
static gboolean
save_sensitive (UppReportWindow *report)
{
  return upp_report_window_get_can_save (report);
}

static gboolean
saved_flag (gpointer data)
{
  return *(int *) data != 0;
}

static void
on_saved (UppReportWindow *report,
          GFile           *file,
          gboolean         ok,
          int             *result)
{
  *result = ok ? 1 : -1;
}

static UppActionStatus *
find_status (GPtrArray  *statuses,
             const char *code)
{
  for (guint i = 0; i < statuses->len; i++)
    {
      UppActionStatus *status = g_ptr_array_index (statuses, i);

      if (g_str_equal (status->code, code))
        return status;
    }
  g_error ("No action %s", code);
  return NULL;
}

/* Tests */

static void
test_shortcut (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui.app),
                                                                "win.write-report");

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>n"));
}

static void
test_write_save_import (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "write");
  g_autofree char *path = g_build_filename (gui.tmp_dir, "SOC-2026-W49.json", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("se.lysekil.Uppfoljning");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const UppReportForm *form;
  UppWindow *window;
  UppReportWindow *report;
  g_autoptr(UppStore) store = NULL;
  int saved = 0;
  int status = -1;

  g_settings_set_string (settings, "last-department", "SOC");
  window = open_window (db);
  store = upp_test_open_store_of (window);
  report = write_report (window, 900, 1000);

  /* The department chosen last and this week, pre-filled from week 48. */
  form = upp_report_window_get_form (report);
  g_assert_false (upp_report_window_get_read_only (report));
  g_assert_cmpstr (form->department, ==, "SOC");
  g_assert_cmpint (upp_week_compare (form->week, WEEK_49), ==, 0);
  g_assert_cmpuint (form->entries->len, ==, 11);
  g_assert_cmpint (gtk_range_get_value (GTK_RANGE (field (report, "A1/progress"))), ==, 88);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (report, "A2/status"))), ==,
                    UPP_STATUS_DONE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (report,
                                                               "A1/indicators/evening-shifts"))),
                   ==, "5");
  name = upp_report_window_get_filename (report);
  g_assert_cmpstr (name, ==, "SOC-2026-W49.json");
  /* Untouched, it is the command line's template for SOC and week 49. */
  {
    g_autofree char *template = upp_report_template (store, "SOC", WEEK_49, &error);
    g_autofree char *json = upp_report_form_to_json (form);
    g_autoptr(JsonNode) a = upp_test_template_as_form_writes (template);
    g_autoptr(JsonNode) b = json_from_string (json, &error);

    g_assert_no_error (error);
    json_object_remove_member (json_node_get_object (b), "submitted");
    g_assert_true (json_node_equal (a, b));
  }
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-form");

  /* A week's report: what changed since week 48. */
  type_text (report, "reporter", "Enhetschef IFO");
  type_text (report, "summary", "Två pass ställdes in; i övrigt enligt plan.");
  choose_status (report, "A1", UPP_STATUS_AT_RISK);
  set_progress (report, "A1", 90);
  type_text (report, "A1/comment", "3 pass genomförda av 5 planerade. Samlingar av unga vid "
                                   "busstationen sent på lördagen, ingen eskalering. Fältgruppen "
                                   "samverkade med polisen vid två tillfällen.");
  type_text (report, "A1/risks", "Sjukfrånvaro i fältgruppen.");
  type_text (report, "A1/indicators/evening-shifts", "3");
  choose_status (report, "A12", UPP_STATUS_DONE);
  set_progress (report, "A12", 100);
  type_text (report, "A12/comment", "Sista vandringen genomförd.");
  set_progress (report, "A14", 95);
  check_now (report);
  g_assert_cmpuint (upp_report_window_get_problems (report)->len, ==, 0);
  g_assert_true (save_sensitive (report));
  g_assert_cmpint (form->entries->len, ==, 11);
  g_assert_cmpint (upp_report_form_find_entry (form, "A1")->status, ==, UPP_STATUS_AT_RISK);
  g_assert_cmpint (upp_report_form_find_entry (form, "A1")->progress, ==, 90);
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-form-filled");

  /* Saved as a file, the path "Save…" takes after the file chooser. */
  g_signal_connect (report, "saved", G_CALLBACK (on_saved), &saved);
  upp_report_window_save_to_file (report, file);
  upp_test_wait_for (saved_flag, &saved, "the report to be saved");
  g_assert_cmpint (saved, ==, 1);
  g_assert_null (upp_store_get_draft (store, "SOC", WEEK_49));

  /* The command line's check takes it. */
  {
    const char *argv[] = { g_getenv ("UPP_CLI"), "check", "--db", db, path, NULL };

    g_assert_nonnull (argv[0]);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                  &error);
    g_assert_no_error (error);
    g_test_message ("check: %s%s", out, err);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "OK"));
  }

  /* Imported into this database, as when department and leadership share
   * a computer: the form closes and the statuses change. */
  statuses = upp_store_query_status (store, WEEK_49, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_status (statuses, "A1")->state, ==, UPP_STATE_UNREPORTED);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  /* A day later by the clock: a report made now would be submitted now. */
  g_setenv ("UPP_TODAY", "2026-12-05", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "report.import", NULL));
  close_report (report);
  upp_test_wait_idle (window);
  g_assert_cmpstr (upp_window_get_view (window), ==, "reports");

  statuses = upp_store_query_status (store, WEEK_49, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (find_status (statuses, "A1")->state, ==, UPP_STATE_AT_RISK);
  g_assert_cmpint (find_status (statuses, "A1")->progress, ==, 90);
  g_assert_cmpint (find_status (statuses, "A12")->state, ==, UPP_STATE_DONE);
  g_assert_cmpint (find_status (statuses, "A14")->progress, ==, 95);
  g_assert_cmpstr (find_status (statuses, "A1")->risks, ==, "Sjukfrånvaro i fältgruppen.");
  g_assert_null (upp_store_get_draft (store, "SOC", WEEK_49));

  /* One document, one truth: what was imported is the saved file itself,
   * not a second report a few seconds later that reads as a correction;
   * the saved file, put in the shared folder, is already imported. */
  {
    g_autoptr(GPtrArray) reports = upp_store_list_reports (store, "SOC", WEEK_49, &error);
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) results = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (reports->len, ==, 1);
    g_ptr_array_add (files, g_strdup (path));
    results = upp_import_files (store, files, NULL, NULL, NULL);
    g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                     UPP_IMPORT_DUPLICATE);
  }
  g_setenv ("UPP_TODAY", "2026-12-04", TRUE);

  g_settings_reset (settings, "last-department");
  close_window (window);
}

static void
test_identity_number (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "identity");
  g_autoptr(GSettings) settings = g_settings_new ("se.lysekil.Uppfoljning");
  UppWindow *window = open_window (db);
  UppReportWindow *report;
  const char *message;
  GtkWidget *row;

  g_settings_set_string (settings, "last-department", "SOC");
  report = write_report (window, 900, 1000);
  check_now (report);
  g_assert_true (save_sensitive (report));

  /* A personal identity number typed into a comment: flagged at the field,
   * masked, and Save is off. */
  type_text (report, "A14/comment", "Samtal med 19811218-9876 om stöd.");
  check_now (report);
  g_assert_false (save_sensitive (report));
  message = upp_report_window_get_field_message (report, "A14/comment");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "19xxxxxx-xx76"));
  g_assert_null (strstr (message, "1218"));
  row = upp_report_window_get_field_row (report, "A14/comment");
  g_assert_true (gtk_widget_has_css_class (row, "field-error"));
  g_assert_false (upp_report_window_get_can_save (report));
  /* Saving anyway writes nothing. */
  {
    g_autofree char *path = g_build_filename (gui.tmp_dir, "refused.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);

    upp_report_window_save_to_file (report, file);
    upp_test_wait_report (report);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
  /* Live, as the user types: the check runs after a pause, not on demand. */
  type_text (report, "summary", "Ärende 198112189876.");
  g_assert_null (upp_report_window_get_field_message (report, "summary"));
  upp_test_settle (400);
  upp_test_wait_report (report);
  g_assert_nonnull (upp_report_window_get_field_message (report, "summary"));
  g_assert_nonnull (strstr (upp_report_window_get_field_message (report, "summary"),
                            "19xxxxxxxx76"));

  /* Every rule of import, at its field: done means 100 %, an indicator is
   * a number. */
  type_text (report, "summary", "");
  choose_status (report, "A12", UPP_STATUS_DONE);
  set_progress (report, "A12", 95);
  type_text (report, "A2/indicators/contacts-made", "tolv");
  check_now (report);
  g_assert_cmpuint (upp_report_window_get_problems (report)->len, ==, 3);
  /* "Show" goes to the first problem: opens its action, focuses the field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "report.show-problem", NULL));
  upp_test_settle (500);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (upp_report_text_row_get_text_view (
                   UPP_REPORT_TEXT_ROW (field (report, "A14/comment"))))));
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-problems");
  type_text (report, "A14/comment", "Samtal om stöd.");
  check_now (report);
  g_assert_null (upp_report_window_get_field_message (report, "A14/comment"));
  g_assert_cmpstr (upp_report_window_get_field_message (report, "A12/progress"), ==,
                   "is 95, but the status is done; a done action is at 100");
  g_assert_cmpstr (upp_report_window_get_field_message (report, "A2/indicators/contacts-made"),
                   ==, "expected a number");
  g_assert_false (save_sensitive (report));

  set_progress (report, "A12", 100);
  type_text (report, "A2/indicators/contacts-made", "12");
  check_now (report);
  g_assert_true (save_sensitive (report));

  /* Texts that can't mislead, pasted in: a direction override and 21
   * lines, each at its field. */
  {
    g_autoptr(GString) lines = g_string_new (NULL);

    for (guint i = 0; i < 21; i++)
      g_string_append (lines, "En rad.\n");
    type_text (report, "A14/comment", "Budget: 1\u202e000 05 kr");
    type_text (report, "summary", lines->str);
    check_now (report);
    g_assert_false (save_sensitive (report));
    g_assert_true (g_str_has_prefix (upp_report_window_get_field_message (report, "A14/comment"),
                                     "contains U+202E (character 10)"));
    g_assert_cmpstr (upp_report_window_get_field_message (report, "summary"), ==,
                     "has 21 line breaks; at most 20 are allowed");
    type_text (report, "A14/comment", "Budget: 1 000 05 kr");
    type_text (report, "summary", "");
    check_now (report);
    g_assert_true (save_sensitive (report));
  }

  /* Left with a draft: discarded, nothing stays. */
  upp_report_window_discard (report);
  close_report (report);
  {
    g_autoptr(UppStore) store = upp_test_open_store_of (window);

    g_assert_null (upp_store_get_draft (store, "SOC", WEEK_49));
  }
  g_settings_reset (settings, "last-department");
  close_window (window);
}

/* The dialog the form's Discard opens, transient for @report. */
static AdwMessageDialog *
ask_to_discard (UppReportWindow *report)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "report.discard", NULL));
  upp_test_drain ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (report))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  return dialog;
}

/* Clicks the button of @dialog whose label is @label, as a person would. */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  GtkWidget *button = NULL;
  GPtrArray *pending = g_ptr_array_new ();

  g_ptr_array_add (pending, dialog);
  while (button == NULL && pending->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (pending, pending->len - 1);

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        button = widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (pending, child);
    }
  g_ptr_array_unref (pending);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  upp_test_drain ();
}

static void
test_draft (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "draft");
  g_autoptr(GSettings) settings = g_settings_new ("se.lysekil.Uppfoljning");
  UppWindow *window = open_window (db);
  g_autoptr(UppStore) store = upp_test_open_store_of (window);
  UppReportWindow *report;
  AdwMessageDialog *dialog;
  g_autofree char *draft = NULL;
  g_autofree char *summary = NULL;

  g_settings_set_string (settings, "last-department", "UTB");
  report = write_report (window, 900, 900);
  g_assert_cmpstr (upp_report_window_get_form (report)->department, ==, "UTB");
  type_text (report, "summary", "Halvvägs skriven.");
  type_text (report, "reporter", "Rektor");
  set_progress (report, "A8", 77);
  /* Closed before the draft's pause is over: kept on close. */
  close_report (report);
  draft = upp_store_get_draft (store, "UTB", WEEK_49);
  g_assert_nonnull (draft);
  g_assert_nonnull (strstr (draft, "Halvvägs skriven."));

  /* Opened again: restored. */
  report = write_report (window, 900, 900);
  summary = upp_report_text_row_get_text (UPP_REPORT_TEXT_ROW (field (report, "summary")));
  g_assert_cmpstr (summary, ==, "Halvvägs skriven.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (report, "reporter"))), ==,
                   "Rektor");
  g_assert_cmpint (gtk_range_get_value (GTK_RANGE (field (report, "A8/progress"))), ==, 77);

  /* Kept as the user types, after a pause. */
  type_text (report, "reporter", "Biträdande rektor");
  upp_test_settle (1300);
  upp_test_wait_report (report);
  g_clear_pointer (&draft, g_free);
  draft = upp_store_get_draft (store, "UTB", WEEK_49);
  g_assert_nonnull (strstr (draft, "Biträdande rektor"));

  /* Another week starts from its own report, not from this draft. */
  g_assert_true (upp_report_window_select (report, "UTB", UPP_WEEK_INIT (2026, 48)));
  upp_test_wait_report (report);
  g_assert_cmpstr (upp_report_window_get_form (report)->reporter, !=, "Biträdande rektor");
  g_clear_pointer (&summary, g_free);
  summary = upp_report_text_row_get_text (UPP_REPORT_TEXT_ROW (field (report, "summary")));
  g_assert_cmpstr (summary, !=, "Halvvägs skriven.");
  /* Week 48 was reported: saving it writes a correction. */
  {
    g_autofree char *name = upp_report_window_get_filename (report);

    g_assert_cmpstr (name, ==, "UTB-2026-W48-rev2.json");
  }
  g_assert_true (upp_report_window_select (report, "UTB", WEEK_49));
  upp_test_wait_report (report);
  g_clear_pointer (&summary, g_free);
  summary = upp_report_text_row_get_text (UPP_REPORT_TEXT_ROW (field (report, "summary")));
  g_assert_cmpstr (summary, ==, "Halvvägs skriven.");

  /* Discard asks first; Cancel keeps the draft and the form. */
  dialog = ask_to_discard (report);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard the Draft?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "What you wrote for Week 49, 2026 will be lost.");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  click_response (dialog, "_Cancel");
  g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (gui.app)), report));
  g_clear_pointer (&draft, g_free);
  draft = upp_store_get_draft (store, "UTB", WEEK_49);
  g_assert_nonnull (draft);
  /* Discard: the draft goes, and the form with it. */
  click_response (ask_to_discard (report), "_Discard");
  close_report (report);
  g_assert_null (upp_store_get_draft (store, "UTB", WEEK_49));
  g_settings_reset (settings, "last-department");
  close_window (window);
}

static void
test_narrow_and_dark (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "narrow");
  g_autoptr(GSettings) settings = g_settings_new ("se.lysekil.Uppfoljning");
  AdwStyleManager *manager = adw_style_manager_get_default ();
  UppWindow *window = open_window (db);
  UppReportWindow *report;

  g_settings_set_string (settings, "last-department", "SOC");
  report = write_report (window, 360, 760);
  type_text (report, "A1/comment", "3 pass genomförda av 5 planerade.");
  check_now (report);
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-narrow");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (report)), <=, 360);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  type_text (report, "A1/indicators/evening-shifts", "tre");
  check_now (report);
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-narrow-dark");
  gtk_window_set_default_size (GTK_WINDOW (report), 900, 1000);
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  upp_test_drain ();

  upp_report_window_discard (report);
  close_report (report);
  g_settings_reset (settings, "last-department");
  close_window (window);
}

static gboolean
has_change (GPtrArray  *changes,
            const char *key)
{
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    if (g_str_equal (((UppReportChange *) g_ptr_array_index (changes, i))->key, key))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The documents list fills in a batch per frame: all of the dashboard's. */
static gboolean
documents_listed (gpointer data)
{
  UppWindow *window = data;
  UppDashboard *dashboard = upp_session_get_dashboard (upp_window_get_session (window));
  GListModel *documents = upp_reports_page_get_documents (upp_window_get_reports_page (window));

  return dashboard != NULL && g_list_model_get_n_items (documents) == dashboard->documents->len;
}

/* Double-clicking (or Enter on) a report in the Reports view's documents. */
static void
activate_document (UppWindow *window,
                   gint64     id)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (upp_window_get_reports_page (window)),
                                     GTK_TYPE_COLUMN_VIEW);
  GListModel *model;
  guint n;

  g_assert_nonnull (view);
  upp_test_wait_for (documents_listed, window, "the documents list");
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UppDocumentItem) item = g_list_model_get_item (model, i);

      if (upp_document_item_get_info (item)->id == id)
        {
          g_signal_emit_by_name (view, "activate", i);
          return;
        }
    }
  g_error ("Document %" G_GINT64_FORMAT " is not in the list", id);
}

static gboolean
report_window_open (gpointer data)
{
  return find_report_window () != NULL;
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* A file opened with the app: read and checked in a worker thread. */
static UppReportWindow *
open_file (UppWindow  *window,
           GFile      *file,
           GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  upp_report_window_new_for_file_async (window, file, NULL, on_opened, &result);
  upp_test_wait_for (is_set, &result, "the file to be read");
  return upp_report_window_new_finish (result, error);
}

static void
test_read_only (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "read-only");
  g_autofree char *source = g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "tests", "gui", "data",
                                              "SOC-2026-W40-rev2.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  UppWindow *window = open_window (db);
  g_autoptr(UppStore) store = upp_test_open_store_of (window);
  UppReportWindow *report;
  gint64 id;

  /* From the Reports view's documents: KS's corrected week 36. */
  id = upp_report_find_document (store, "KS", UPP_WEEK_INIT (2026, 36), NULL, NULL);
  g_assert_cmpint (id, >, 0);
  upp_window_show_view (window, "reports");
  upp_test_wait_idle (window);
  activate_document (window, id);
  /* Read in a worker thread: the window opens when the report is there. */
  upp_test_wait_for (report_window_open, NULL, "the report to open");
  report = find_report_window ();
  g_assert_nonnull (report);
  g_object_ref (report);
  gtk_window_set_default_size (GTK_WINDOW (report), 900, 1000);
  g_assert_true (upp_report_window_get_read_only (report));
  g_assert_false (upp_report_window_get_can_save (report));
  g_assert_cmpstr (upp_report_window_get_form (report)->department, ==, "KS");
  /* What the correction changed against revision 1. */
  g_assert_true (has_change (upp_report_window_get_changes (report), "A7/status"));
  g_assert_true (has_change (upp_report_window_get_changes (report), "summary"));
  g_assert_false (has_change (upp_report_window_get_changes (report), "A3/status"));
  g_assert_null (upp_report_window_get_field (report, "A7/status"));
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-correction");
  close_report (report);

  /* A report file, double-clicked: read-only, compared with the week's
   * report in the database, with Import. */
  report = open_file (window, file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  gtk_window_present (GTK_WINDOW (report));
  g_assert_true (upp_report_window_get_read_only (report));
  g_assert_cmpuint (upp_report_window_get_changes (report)->len, >, 0);
  gtk_window_set_default_size (GTK_WINDOW (report), 360, 760);
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-correction-narrow");
  close_report (report);

  /* Not a report: a package is imported instead, by the caller. */
  {
    g_autofree char *package_path = g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "data", "demo",
                                                      "package.json", NULL);
    g_autoptr(GFile) package = g_file_new_for_path (package_path);
    g_autoptr(GError) not_report = NULL;

    g_assert_null (open_file (window, package, &not_report));
    g_assert_nonnull (not_report);
  }
  close_window (window);
}

static void
on_draft_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (upp_report_draft_write_finish (result, &error));
  g_assert_no_error (error);
  *(int *) user_data = 1;
}

/* While the database is busy (another program writes to it), the form
 * shows that it is loading instead of waiting for it; a department or week
 * chosen meanwhile supersedes the load on its way. */
static void
test_loading (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "loading");
  g_autoptr(GSettings) settings = g_settings_new ("se.lysekil.Uppfoljning");
  UppWindow *window;
  UppReportWindow *report;
  g_autoptr(UppStore) store = NULL;
  sqlite3 *other = NULL;
  int written = 0;

  g_settings_set_string (settings, "last-department", "SOC");
  window = open_window (db);
  store = upp_test_open_store_of (window);

  /* Another program holds the write lock; a draft write waits for it, and
   * the form's loads wait behind the write (they run in order). */
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  upp_report_draft_write_async (store, "KS", UPP_WEEK_INIT (2026, 40), NULL, on_draft_written,
                                &written);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.write-report", NULL));
  report = g_object_ref (find_report_window ());
  gtk_window_set_default_size (GTK_WINDOW (report), 900, 760);
  upp_test_wait_for (upp_test_is_drawn, report, "the report window to show");
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-loading");
  g_assert_true (upp_report_window_get_busy (report));
  g_assert_null (upp_report_window_get_form (report));
  g_assert_false (upp_report_window_get_can_save (report));
  g_assert_null (upp_report_window_get_field (report, "A1/progress"));

  /* Chosen while it loads: the last choice wins. */
  g_assert_true (upp_report_window_select (report, "SOC", UPP_WEEK_INIT (2026, 48)));
  g_assert_true (upp_report_window_select (report, "UTB", UPP_WEEK_INIT (2026, 48)));
  upp_test_drain ();
  g_assert_null (upp_report_window_get_form (report));
  g_assert_cmpint (written, ==, 0);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  upp_test_wait_report (report);
  g_assert_cmpint (written, ==, 1);
  g_assert_false (upp_report_window_get_busy (report));
  g_assert_cmpstr (upp_report_window_get_form (report)->department, ==, "UTB");
  g_assert_cmpint (upp_week_compare (upp_report_window_get_form (report)->week,
                                     UPP_WEEK_INIT (2026, 48)), ==, 0);
  {
    g_autofree char *name = upp_report_window_get_filename (report);

    g_assert_cmpstr (name, ==, "UTB-2026-W48-rev2.json");
  }
  g_assert_nonnull (upp_report_window_get_field (report, "A8/progress"));
  g_assert_cmpuint (upp_report_window_get_problems (report)->len, ==, 0);
  g_assert_true (upp_report_window_get_can_save (report));
  upp_test_save_screenshot (GTK_WIDGET (report), gui.screenshot_dir, "report-loaded");

  close_report (report);
  g_settings_reset (settings, "last-department");
  close_window (window);
}

/* Everything the form does (load, check, keep the draft, leave a week
 * for another, save, import; show a sent report, open a report file)
 * asks nothing of the database on the GUI thread: the session's store
 * makes a statement there a critical (upp_store_check_blocking), which
 * the tests make fatal. */
static void
test_main_thread (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "main-thread");
  g_autofree char *path = g_build_filename (gui.tmp_dir, "main-thread.json", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "tests", "gui", "data",
                                              "SOC-2026-W40-rev2.json", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("se.lysekil.Uppfoljning");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) report_file = g_file_new_for_path (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) own_store = NULL;
  UppWindow *window;
  UppReportWindow *report;
  gint64 id;
  int saved = 0;

  g_settings_set_string (settings, "last-department", "SOC");
  window = open_window (db);
  own_store = upp_test_open_store_of (window);
  id = upp_report_find_document (own_store, "KS", UPP_WEEK_INIT (2026, 36), NULL, NULL);
  g_assert_cmpint (id, >, 0);

  report = write_report (window, 900, 900);
  type_text (report, "reporter", "Enhetschef IFO");
  type_text (report, "A1/comment", "3 pass genomförda av 5 planerade.");
  check_now (report);
  g_assert_cmpuint (upp_report_window_get_problems (report)->len, ==, 0);
  /* The draft, after the pause; then another week and back. */
  upp_test_settle (1300);
  upp_test_wait_report (report);
  type_text (report, "summary", "I stort sett enligt plan.");
  g_assert_true (upp_report_window_select (report, "SOC", UPP_WEEK_INIT (2026, 48)));
  upp_test_wait_report (report);
  g_assert_true (upp_report_window_select (report, "SOC", WEEK_49));
  upp_test_wait_report (report);
  g_assert_cmpstr (upp_report_window_get_form (report)->summary, ==, "I stort sett enligt plan.");
  /* Saved, then imported. */
  g_signal_connect (report, "saved", G_CALLBACK (on_saved), &saved);
  upp_report_window_save_to_file (report, file);
  upp_test_wait_for (saved_flag, &saved, "the report to be saved");
  g_assert_cmpint (saved, ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (report), "report.import", NULL));
  close_report (report);
  upp_test_wait_idle (window);

  /* Sent reports, read-only. */
  upp_window_show_view (window, "reports");
  upp_test_wait_idle (window);
  activate_document (window, id);
  upp_test_wait_for (report_window_open, NULL, "the report to open");
  report = g_object_ref (find_report_window ());
  g_assert_true (upp_report_window_get_read_only (report));
  close_report (report);
  report = open_file (window, report_file, &error);
  g_assert_no_error (error);
  g_assert_true (upp_report_window_get_read_only (report));
  gtk_window_present (GTK_WINDOW (report));
  close_report (report);
  g_settings_reset (settings, "last-department");
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* A week after the demo's last: week 49 is this week, the one to report on. */
  if (!upp_gui_test_init (&gui, &argc, &argv, "se.lysekil.Uppfoljning.TestReport", "2026-12-04"))
    return 0;

  g_test_add_func ("/report/shortcut", test_shortcut);
  g_test_add_func ("/report/write-save-import", test_write_save_import);
  g_test_add_func ("/report/identity-number", test_identity_number);
  g_test_add_func ("/report/draft", test_draft);
  g_test_add_func ("/report/narrow-and-dark", test_narrow_and_dark);
  g_test_add_func ("/report/read-only", test_read_only);
  g_test_add_func ("/report/loading", test_loading);
  g_test_add_func ("/report/main-thread", test_main_thread);

  return upp_gui_test_run (&gui);
}

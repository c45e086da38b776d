/* test-window.c — the main window on the demo database, under Xvfb
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "upp-action-detail.h"
#include "upp-actions-page.h"
#include "upp-application.h"
#include "upp-gui-test-util.h"
#include "upp-test-util.h"
#include "upp-attention-row.h"
#include "upp-chart-view.h"
#include "upp-history-row.h"
#include "upp-import.h"
#include "upp-key-figure.h"
#include "upp-result-item.h"
#include "upp-window.h"

static UppGuiTest gui;

/* Windows */

static UppWindow *
open_window (const char *db,
             int         width,
             int         height)
{
  g_autoptr(UppSession) session = upp_session_new ();
  UppWindow *window = g_object_ref (upp_window_new (GTK_APPLICATION (gui.app), session));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  upp_session_open (session, db);
  upp_test_wait_idle (window);
  /* The settings remember the last view across windows; start from the
   * first. */
  upp_window_show_view (window, "overview");
  return window;
}

static void
close_window (UppWindow *window)
{
  upp_test_wait_idle (window);
  gtk_window_destroy (GTK_WINDOW (window));
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  g_assert_finalize_object (window);
}

static void
activate_on (UppWindow  *window,
             gpointer    widget,
             const char *action,
             GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
  upp_test_wait_idle (window);
}

static void
activate (UppWindow  *window,
          const char *action,
          GVariant   *parameter)
{
  activate_on (window, window, action, parameter);
}

/* Assertions on what the window shows */

static void
assert_tiles_match_store (UppWindow *window,
                          int        week)
{
  UppOverviewPage *overview = upp_window_get_overview_page (window);
  g_autoptr(UppStore) store = upp_test_open_store_of (window);
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  UppStateCounts counts;
  static const UppState states[UPP_N_TILES] = {
    UPP_N_STATES, UPP_STATE_DONE, UPP_STATE_ON_TRACK, UPP_STATE_AT_RISK, UPP_STATE_DELAYED,
    UPP_STATE_OVERDUE, UPP_STATE_UNREPORTED,
  };

  statuses = upp_store_query_status (store, UPP_WEEK_INIT (2026, week),
                                     NULL, &error);
  g_assert_no_error (error);
  upp_store_count_states (statuses, &counts);

  for (int i = 0; i < UPP_N_TILES; i++)
    {
      UppKeyFigure *figure = UPP_KEY_FIGURE (upp_overview_page_get_figure (overview, i));
      int expected = states[i] == UPP_N_STATES ? counts.total : counts.counts[states[i]];

      g_assert_cmpint (upp_key_figure_get_value (figure), ==, expected);
    }
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child))
      n++;
  return n;
}

static const char *
attention_code (UppWindow *window,
                int        index)
{
  GtkListBox *list = upp_overview_page_get_attention (upp_window_get_overview_page (window));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return upp_attention_row_get_code (UPP_ATTENTION_ROW (row));
}

static int
figure_value (UppWindow   *window,
              UppTileKind  kind)
{
  return upp_key_figure_get_value (UPP_KEY_FIGURE (
    upp_overview_page_get_figure (upp_window_get_overview_page (window), kind)));
}

/* Tests */

static void
assert_accel (const char *action,
              const char *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (gui.app), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

static void
test_shortcuts (void)
{
  /* The keys the issue asks for, on the actions the window installs. */
  assert_accel ("win.previous-week", "<Alt>Left");
  assert_accel ("win.previous-week", "<Control>Page_Up");
  assert_accel ("win.next-week", "<Alt>Right");
  assert_accel ("win.next-week", "<Control>Page_Down");
  assert_accel ("win.import", "<Control>o");
  assert_accel ("win.search", "<Control>f");
  assert_accel ("app.preferences", "<Control>comma");
  assert_accel ("app.quit", "<Control>q");
  assert_accel ("window.close", "<Control>w");
  assert_accel ("win.export-briefing", "<Control>e");
  assert_accel ("win.print", "<Control>p");
}

static void
test_overview_weeks (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "overview");
  UppWindow *window = open_window (db, 1280, 800);
  GtkListBox *attention = upp_overview_page_get_attention (upp_window_get_overview_page (window));

  g_assert_cmpstr (upp_window_get_state (window), ==, "dashboard");
  g_assert_cmpstr (upp_window_get_week_label (window), ==, "Week 40, 2026");
  assert_tiles_match_store (window, 40);
  g_assert_cmpint (figure_value (window, UPP_TILE_ACTIONS), ==, 14);
  g_assert_cmpint (figure_value (window, UPP_TILE_DELAYED), ==, 2);
  g_assert_cmpstr (upp_key_figure_get_caption (UPP_KEY_FIGURE (
                     upp_overview_page_get_figure (upp_window_get_overview_page (window),
                                                   UPP_TILE_DELAYED))),
                   ==, "+1 since week 39");
  g_assert_cmpuint (count_rows (attention), ==, 3);
  g_assert_cmpstr (attention_code (window, 0), ==, "A13");
  g_assert_cmpstr (attention_code (window, 1), ==, "A7");
  g_assert_cmpstr (attention_code (window, 2), ==, "A12");
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "overview");

  /* A week back: one action fewer delayed, one fewer needing attention. */
  activate (window, "win.previous-week", NULL);
  g_assert_cmpstr (upp_window_get_week_label (window), ==, "Week 39, 2026");
  assert_tiles_match_store (window, 39);
  g_assert_cmpint (figure_value (window, UPP_TILE_DELAYED), ==, 1);
  g_assert_cmpint (figure_value (window, UPP_TILE_ON_TRACK), ==, 6);
  g_assert_cmpuint (count_rows (attention), ==, 2);

  /* Further back, to week 33: Education did not report. */
  upp_session_set_week (upp_window_get_session (window), UPP_WEEK_INIT (2026, 33));
  upp_test_wait_idle (window);
  assert_tiles_match_store (window, 33);
  g_assert_cmpint (figure_value (window, UPP_TILE_UNREPORTED), ==, 2);

  /* And forward again, past "today": week 44, when A13 is overdue although
   * reported on track. */
  upp_session_set_week (upp_window_get_session (window), UPP_WEEK_INIT (2026, 43));
  upp_test_wait_idle (window);
  activate (window, "win.next-week", NULL);
  g_assert_cmpstr (upp_window_get_week_label (window), ==, "Week 44, 2026");
  assert_tiles_match_store (window, 44);
  g_assert_cmpint (figure_value (window, UPP_TILE_OVERDUE), ==, 1);
  g_assert_cmpstr (attention_code (window, 0), ==, "A13");

  activate (window, "win.this-week", NULL);
  g_assert_cmpstr (upp_window_get_week_label (window), ==, "Week 40, 2026");
  assert_tiles_match_store (window, 40);

  close_window (window);
}

static guint
visible_rows (UppWindow *window)
{
  return g_list_model_get_n_items (upp_actions_page_get_model (upp_window_get_actions_page (window)));
}

static guint
string_index (GtkDropDown *dropdown,
              const char  *label)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_suffix (gtk_string_object_get_string (item), label))
        return i;
    }
  g_error ("No “%s” in the drop-down", label);
}

static gboolean
search_applied (gpointer data)
{
  return visible_rows (data) == 2;
}

static void
test_actions_filter (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "filter");
  UppWindow *window = open_window (db, 1280, 800);
  UppActionsPage *page = upp_window_get_actions_page (window);
  GtkDropDown *department = upp_actions_page_get_dropdown (page, "department");
  GtkDropDown *state = upp_actions_page_get_dropdown (page, "state");
  GtkDropDown *goal = upp_actions_page_get_dropdown (page, "goal");
  GtkWidget *search;

  activate (window, "win.view", g_variant_new_string ("actions"));
  g_assert_cmpstr (upp_window_get_view (window), ==, "actions");
  g_assert_cmpuint (visible_rows (window), ==, 14);

  gtk_drop_down_set_selected (department, string_index (department, "Socialförvaltningen"));
  g_assert_cmpuint (visible_rows (window), ==, 4);
  gtk_drop_down_set_selected (state, string_index (state, "On track"));
  g_assert_cmpuint (visible_rows (window), ==, 2);
  gtk_drop_down_set_selected (department, 0);
  g_assert_cmpuint (visible_rows (window), ==, 5);
  gtk_drop_down_set_selected (state, 0);
  gtk_drop_down_set_selected (goal, string_index (goal, "G4 · Ökad kommunikation internt och externt"));
  g_assert_cmpuint (visible_rows (window), ==, 4);
  activate_on (window, page, "actions.clear-filters", NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (goal), ==, 0);
  g_assert_cmpuint (visible_rows (window), ==, 14);

  /* Ctrl+F's action focuses the search entry; typing filters. */
  activate (window, "win.search", NULL);
  search = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (search);
  search = gtk_widget_get_ancestor (search, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "vandring");
  upp_test_wait_for (search_applied, window, "the search to apply");
  g_assert_cmpstr (upp_session_get_filter (upp_window_get_session (window))->search, ==,
                   "vandring");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  activate_on (window, page, "actions.clear-filters", NULL);

  /* A key figure opens the list of the actions it counts. */
  activate (window, "win.show-state", g_variant_new_int32 (UPP_STATE_DELAYED));
  g_assert_cmpuint (visible_rows (window), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (state), ==, UPP_STATE_DELAYED + 1);

  close_window (window);
}

static gboolean
details_loaded (gpointer data)
{
  UppActionDetails *details = upp_session_get_details (upp_window_get_session (data));

  return details != NULL && g_str_equal (details->code, "A7");
}

static void
test_action_detail (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "detail");
  UppWindow *window = open_window (db, 1280, 800);
  UppActionsPage *page = upp_window_get_actions_page (window);
  UppActionDetail *detail = upp_actions_page_get_detail (page);
  GtkListBox *history = upp_action_detail_get_history (detail);
  UppSession *session = upp_window_get_session (window);
  g_autoptr(UppStore) own_store = upp_test_open_store_of (window);
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  guint corrected = 0, superseded = 0;

  /* From the attention list of the overview to the action. */
  activate (window, "win.show-action", g_variant_new_string ("A7"));
  upp_test_wait_for (details_loaded, window, "the detail of A7");
  upp_test_wait_idle (window);
  g_assert_cmpstr (upp_window_get_view (window), ==, "actions");
  g_assert_cmpstr (upp_session_get_selected_action (session), ==, "A7");

  expected = upp_store_query_history (own_store, "A7",
                                      UPP_WEEK_INIT (2026, 40), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (history), ==, expected->len);
  g_assert_cmpuint (count_rows (history), >, 10);
  for (int i = 0; i < (int) count_rows (history); i++)
    {
      UppHistoryRow *row = UPP_HISTORY_ROW (gtk_list_box_get_row_at_index (history, i));
      UppHistoryMark mark = upp_history_row_get_mark (row);

      g_assert_cmpint (upp_history_row_get_week (row).week, ==,
                       ((UppHistoryEntry *) g_ptr_array_index (expected, i))->week.week);
      if (mark == UPP_HISTORY_CORRECTED)
        corrected++;
      else if (mark == UPP_HISTORY_SUPERSEDED)
        {
          superseded++;
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "superseded"));
        }
    }
  g_assert_cmpuint (corrected, ==, 1);
  g_assert_cmpuint (superseded, ==, 1);
  g_assert_cmpstr (upp_action_detail_get_code (detail), ==, "A7");
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "actions-detail");
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (history), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t point;

    GtkWidget *content = gtk_viewport_get_child (GTK_VIEWPORT (
      gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (history), content,
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 300);
    upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "actions-history");
  }

  /* A week back, the history ends a week earlier. */
  activate (window, "win.previous-week", NULL);
  upp_test_wait_for (details_loaded, window, "the detail of A7 in week 39");
  g_assert_cmpint (upp_session_get_details (session)->week.week, ==, 39);

  close_window (window);
}

static void
test_note (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "note");
  UppWindow *window = open_window (db, 1280, 800);
  UppActionDetail *detail = upp_actions_page_get_detail (upp_window_get_actions_page (window));
  GtkTextView *view = upp_action_detail_get_note_view (detail);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  const char *text = "Kommundirektören vill ha en ny tidplan till nästa möte.";

  activate (window, "win.show-action", g_variant_new_string ("A7"));
  upp_test_wait_for (details_loaded, window, "the detail of A7");
  upp_test_wait_idle (window);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "detail.save-note", NULL));
  upp_test_wait_idle (window);
  g_assert_cmpstr (upp_session_get_details (upp_window_get_session (window))->note, ==, text);

  /* Read back from the database itself, through another connection. */
  store = upp_store_open (db, &error);
  g_assert_no_error (error);
  stored = upp_store_get_note (store, "A7", UPP_WEEK_INIT (2026, 40), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, text);

  /* A personal identity number, however written, is stopped where it is
   * typed: Save does nothing, and the note stays as it was. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view),
                            "Samtal med 19121212\u20111212 om tidplanen.", -1);
  gtk_widget_activate_action (GTK_WIDGET (view), "detail.save-note", NULL);
  upp_action_detail_save_note (detail);
  upp_test_wait_idle (window);
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "note-refused");
  g_assert_cmpstr (upp_session_get_details (upp_window_get_session (window))->note, ==, text);
  g_clear_pointer (&stored, g_free);
  stored = upp_store_get_note (store, "A7", UPP_WEEK_INIT (2026, 40), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, text);

  close_window (window);
}

static gboolean
results_shown (gpointer data)
{
  return g_list_model_get_n_items (upp_reports_page_get_results (data)) > 0;
}

static gboolean
all_documents_listed (gpointer data)
{
  return g_list_model_get_n_items (upp_reports_page_get_documents (data)) == 98;
}

static GValue *
file_list_value (const char * const *names)
{
  const char *source = g_getenv ("UPP_SOURCE_DIR");
  GSList *files = NULL;
  GValue *value = g_new0 (GValue, 1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (source, "tests", "gui", "data", names[i], NULL);

      files = g_slist_append (files, g_file_new_for_path (path));
    }
  g_value_init (value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);
  return value;
}

static void
free_value (GValue *value)
{
  g_value_unset (value);
  g_free (value);
}

/* Widgets of @root with the CSS class @name, depth first. */
static void
collect_with_class (GtkWidget  *root,
                    const char *name,
                    GPtrArray  *found)
{
  if (gtk_widget_has_css_class (root, name))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_with_class (child, name, found);
}

/* Counts the widgets in the rows of list and column views under @widget
 * that have a tooltip, and those whose tooltip text was set. */
static void
count_row_tooltips (GtkWidget *widget,
                    gboolean   in_rows,
                    guint     *n_tooltips,
                    guint     *n_texts)
{
  if (in_rows && gtk_widget_get_has_tooltip (widget))
    (*n_tooltips)++;
  if (in_rows && gtk_widget_get_tooltip_text (widget) != NULL)
    (*n_texts)++;
  in_rows = in_rows || GTK_IS_LIST_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_row_tooltips (child, in_rows, n_tooltips, n_texts);
}

/* Rows answer tooltip queries when the pointer rests on them; none has its
 * tooltip text set when it is bound (in GTK 4.8 each set asks the X server
 * where the pointer is, and a list binds up to 200 rows at once). A result
 * row's icon says its status that way. */
static void
assert_row_tooltips (UppWindow      *window,
                     UppReportsPage *reports)
{
  g_autoptr(GPtrArray) icons = g_ptr_array_new ();
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  guint n_tooltips = 0;
  guint n_texts = 0;

  count_row_tooltips (GTK_WIDGET (window), FALSE, &n_tooltips, &n_texts);
  g_assert_cmpuint (n_tooltips, >, 0);
  g_assert_cmpuint (n_texts, ==, 0);

  collect_with_class (GTK_WIDGET (reports), "result-icon", icons);
  g_assert_cmpuint (icons->len, >, 0);
  for (guint i = 0; i < icons->len; i++)
    {
      GtkWidget *icon = g_ptr_array_index (icons, i);
      gboolean shown = FALSE;

      g_assert_true (gtk_widget_get_has_tooltip (icon));
      g_signal_emit_by_name (icon, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
      g_assert_true (shown);
    }
}

static void
test_import_drop (void)
{
  static const char * const names[] = {
    "SOC-2026-W40-rev2.json", "UTB-2026-W40-broken.json", NULL
  };
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "import");
  UppWindow *window = open_window (db, 1280, 800);
  UppReportsPage *reports = upp_window_get_reports_page (window);
  GValue *value = file_list_value (names);
  g_autoptr(UppResultItem) first = NULL;
  g_autoptr(UppResultItem) second = NULL;
  g_autofree char *message = NULL;
  g_autofree char *status = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *question = NULL;

  g_assert_cmpint (figure_value (window, UPP_TILE_DELAYED), ==, 2);

  /* What a drop of the two files on the window does: first, whose they
   * say they are; Cancel imports nothing. */
  g_assert_true (upp_window_drop_value (window, value));
  g_free (upp_test_answer_dialog (window, "cancel"));
  upp_test_wait_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (upp_reports_page_get_results (reports)), ==, 0);
  g_assert_true (upp_window_drop_value (window, value));
  question = upp_test_answer_dialog (window, "import");
  g_test_message ("%s", question);
  g_assert_nonnull (strstr (question, "• 1 report from Socialförvaltningen (SOC), week 2026-W40"));
  g_assert_nonnull (strstr (question, "• 1 file that is neither"));
  upp_test_wait_for (results_shown, reports, "the import results");
  upp_test_wait_idle (window);
  g_assert_cmpstr (upp_window_get_view (window), ==, "reports");
  g_assert_cmpuint (g_list_model_get_n_items (upp_reports_page_get_results (reports)), ==, 2);

  /* The rejected file first, with the importer's message. */
  first = g_list_model_get_item (upp_reports_page_get_results (reports), 0);
  g_assert_cmpint (upp_result_item_get_result (first)->status, ==, UPP_IMPORT_REJECTED);
  g_object_get (first, "message", &message, "filename", &filename, NULL);
  g_assert_cmpstr (filename, ==, "UTB-2026-W40-broken.json");
  g_assert_true (g_str_has_prefix (message, "entries[0].status: "));
  g_assert_nonnull (strstr (message, "“green” is not a status"));
  second = g_list_model_get_item (upp_reports_page_get_results (reports), 1);
  g_assert_cmpint (upp_result_item_get_result (second)->status, ==, UPP_IMPORT_SUPERSEDED);
  g_object_get (second, "status-label", &status, NULL);
  g_assert_cmpstr (status, ==, "imported, supersedes an earlier revision");
  g_assert_cmpstr (upp_reports_page_get_summary (reports), ==,
                   "1 report imported, 1 file rejected");
  assert_row_tooltips (window, reports);

  /* The correction counts: A12 is delayed now, not at risk. */
  g_assert_cmpint (figure_value (window, UPP_TILE_DELAYED), ==, 3);
  g_assert_cmpint (figure_value (window, UPP_TILE_AT_RISK), ==, 0);
  /* A large list fills in over a few frames. */
  upp_test_wait_for (all_documents_listed, reports, "98 documents");
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "reports");

  /* The same files again: nothing new. */
  g_assert_true (upp_window_drop_value (window, value));
  g_free (upp_test_answer_dialog (window, "import"));
  upp_test_wait_idle (window);
  g_clear_object (&second);
  second = g_list_model_get_item (upp_reports_page_get_results (reports), 1);
  g_assert_cmpint (upp_result_item_get_result (second)->status, ==, UPP_IMPORT_DUPLICATE);
  g_assert_cmpstr (upp_reports_page_get_summary (reports), ==,
                   "1 file already imported, 1 file rejected");

  free_value (value);
  close_window (window);
}

static gboolean
all_results_shown (gpointer data)
{
  return g_list_model_get_n_items (upp_reports_page_get_results (data)) == 300;
}

/* 300 results: a first batch at once, the rest a batch at a time from the
 * main loop (a list view lays out each row as it is added), rejected files
 * first, in order. */
static void
test_many_results (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "many-results");
  UppWindow *window = open_window (db, 1280, 800);
  UppReportsPage *reports = upp_window_get_reports_page (window);
  g_autoptr(GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) upp_import_result_free);
  GListModel *shown = upp_reports_page_get_results (reports);
  guint n_first;

  for (guint i = 0; i < 300; i++)
    {
      UppImportResult *result = g_new0 (UppImportResult, 1);

      result->path = g_strdup_printf ("/reports/file-%03u.json", i);
      result->status = i % 100 == 99 ? UPP_IMPORT_REJECTED : UPP_IMPORT_IMPORTED;
      result->problems = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (results, result);
    }
  upp_reports_page_show_results (reports, results);
  n_first = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n_first, >, 0);
  g_assert_cmpuint (n_first, <, 300);
  upp_test_wait_for (all_results_shown, reports, "all 300 results");
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(UppResultItem) item = g_list_model_get_item (shown, i);
      guint file = i < 3 ? 99 + 100 * i : i - 3 + (i - 3) / 99;

      g_assert_cmpuint (file, ==, strtoul (strrchr (upp_result_item_get_result (item)->path,
                                                    '-') + 1, NULL, 10));
    }

  /* Shown again while the first are still being added: only the new ones. */
  upp_reports_page_show_results (reports, results);
  upp_reports_page_show_results (reports, results);
  upp_test_wait_for (all_results_shown, reports, "all 300 results again");
  upp_test_wait_idle (window);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 300);

  close_window (window);
}

static gboolean
shows_dashboard (gpointer data)
{
  return g_str_equal (upp_window_get_state (data), "dashboard");
}

static void
test_empty_and_example (void)
{
  g_autofree char *db = g_build_filename (gui.tmp_dir, "empty.db", NULL);
  UppWindow *window = open_window (db, 1100, 760);

  g_assert_cmpstr (upp_window_get_state (window), ==, "empty");
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "empty");

  /* "Open Example" imports the demo package into this database. Reports
   * after "today" (week 40) are refused as from the future. */
  activate (window, "win.open-example", NULL);
  upp_test_wait_for (shows_dashboard, window, "the example to load");
  upp_test_wait_idle (window);
  g_assert_cmpint (figure_value (window, UPP_TILE_ACTIONS), ==, 14);
  assert_tiles_match_store (window, 40);

  close_window (window);
}

static void
test_narrow (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "narrow");
  UppWindow *window = open_window (db, 360, 760);

  g_assert_cmpstr (upp_window_get_state (window), ==, "dashboard");
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "narrow-overview");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  activate (window, "win.show-action", g_variant_new_string ("A12"));
  upp_test_wait_idle (window);
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "narrow-detail");
  activate_on (window, upp_window_get_actions_page (window), "actions.back", NULL);
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "narrow-actions");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  activate (window, "win.view", g_variant_new_string ("reports"));
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "narrow-reports");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

  close_window (window);
}

static void
test_dark (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "dark");
  AdwStyleManager *manager = adw_style_manager_get_default ();
  UppWindow *window = open_window (db, 1280, 800);
  GtkWidget *figure = upp_overview_page_get_figure (upp_window_get_overview_page (window),
                                                    UPP_TILE_DONE);
  GtkWidget *charts = gtk_widget_get_next_sibling (gtk_widget_get_parent (
    gtk_widget_get_parent (figure)));
  UppChartView *chart;

  /* The first chart card: flowboxchild → box → label, chart. */
  chart = UPP_CHART_VIEW (gtk_widget_get_last_child (
    gtk_widget_get_first_child (gtk_widget_get_first_child (charts))));
  g_assert_cmpint (upp_chart_view_get_style (chart)->kind, ==, UPP_CHART_STYLE_LIGHT);
  g_assert_nonnull (upp_chart_view_get_description (chart));
  g_assert_true (g_str_has_prefix (upp_chart_view_get_description (chart), ""));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  upp_test_wait_idle (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (chart));
  g_assert_cmpint (upp_chart_view_get_style (chart)->kind, ==, UPP_CHART_STYLE_DARK);
  /* Text in the charts takes the widget's (now light) foreground colour. */
  g_assert_cmpfloat (upp_chart_view_get_style (chart)->foreground.red, >, 0.8);
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "dark-overview");

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  upp_test_wait_idle (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (chart));
  g_assert_cmpint (upp_chart_view_get_style (chart)->kind, ==, UPP_CHART_STYLE_LIGHT);

  close_window (window);
}

static gboolean
file_written (gpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (data);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL && g_file_info_get_size (info) > 1000;
}

static void
on_briefing_saved (UppWindow *window,
                   GFile     *file,
                   gboolean  *saved)
{
  *saved = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_briefing (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "briefing");
  g_autofree char *pdf = g_build_filename (gui.tmp_dir, "Briefing 2026-W40.pdf", NULL);
  g_autofree char *printed = g_build_filename (gui.screenshot_dir, "printed-briefing.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  UppWindow *window = open_window (db, 1280, 800);
  gboolean saved = FALSE;

  /* What "Export Briefing…" does once a file is chosen. */
  g_signal_connect (window, "briefing-saved", G_CALLBACK (on_briefing_saved), &saved);
  upp_window_export_briefing (window, file, FALSE);
  upp_test_wait_for (flag_set, &saved, "the briefing to be written");
  assert_pdf (pdf);

  /* "Print…" draws the same pages through GtkPrintOperation; exported to a
   * file here instead of a printer. */
  g_mkdir_with_parents (gui.screenshot_dir, 0755);
  g_remove (printed);
  upp_window_print_briefing (window, printed);
  upp_test_wait_for (file_written, printed, "the briefing to be printed");
  assert_pdf (printed);

  g_signal_handlers_disconnect_by_data (window, &saved);
  close_window (window);
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

static void
test_calendar (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "calendar");
  UppWindow *window = open_window (db, 1280, 800);
  GtkMenuButton *button = upp_window_get_week_button (window);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  GtkCalendar *calendar = GTK_CALENDAR (find_descendant (popover, GTK_TYPE_CALENDAR));
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 9, 16, 12, 0, 0);

  gtk_menu_button_popup (button);
  upp_test_save_screenshot (popover, gui.screenshot_dir, "week-popover");

  /* Picking a day picks its ISO week: Wednesday 16 September is in week 38. */
  gtk_calendar_select_day (calendar, day);
  upp_test_wait_idle (window);
  g_assert_cmpstr (upp_window_get_week_label (window), ==, "Week 38, 2026");
  g_assert_false (gtk_widget_get_visible (popover));
  assert_tiles_match_store (window, 38);

  close_window (window);
}

static gboolean
results_from_folder (gpointer data)
{
  GListModel *results = upp_reports_page_get_results (data);

  return g_list_model_get_n_items (results) == 1;
}

static void
test_watched_folder (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "watch");
  g_autofree char *folder = g_build_filename (gui.tmp_dir, "inbox", NULL);
  g_autofree char *source = g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "tests", "gui", "data",
                                              "SOC-2026-W40-rev2.json", NULL);
  g_autofree char *outside = g_build_filename (gui.tmp_dir, "SOC", NULL);
  g_autofree char *written = g_build_filename (outside, "SOC-2026-W40-rev2.json", NULL);
  g_autofree char *soc = g_build_filename (folder, "SOC", NULL);
  g_autofree char *target = g_build_filename (soc, "SOC-2026-W40-rev2.json", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("se.lysekil.Uppfoljning");
  g_autofree char *contents = NULL;
  gsize length;
  UppWindow *window;
  g_autoptr(UppResultItem) item = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  window = open_window (db, 1280, 800);

  /* The reports folder of the preferences: a report saved there is
   * imported as it arrives, with a toast. */
  g_settings_set_string (settings, "reports-folder", folder);
  g_assert_cmpstr (upp_session_get_reports_folder (upp_window_get_session (window)), ==, folder);
  /* SOC's folder arrives in the shared folder with its report. */
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  g_assert_true (g_file_set_contents (written, contents, length, NULL));
  g_assert_cmpint (g_rename (outside, soc), ==, 0);
  upp_test_wait_for (results_from_folder, upp_window_get_reports_page (window),
            "the watched folder's report");
  upp_test_wait_idle (window);
  item = g_list_model_get_item (upp_reports_page_get_results (upp_window_get_reports_page (window)),
                                0);
  g_assert_cmpint (upp_result_item_get_result (item)->status, ==, UPP_IMPORT_SUPERSEDED);
  g_assert_cmpint (figure_value (window, UPP_TILE_DELAYED), ==, 3);

  g_settings_reset (settings, "reports-folder");
  g_assert_null (upp_session_get_reports_folder (upp_window_get_session (window)));
  g_remove (target);
  g_rmdir (soc);
  g_rmdir (folder);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The window looks at the demo from week 40. */
  if (!upp_gui_test_init (&gui, &argc, &argv, "se.lysekil.Uppfoljning.Test", "2026-10-02"))
    return 0;

  g_test_add_func ("/window/shortcuts", test_shortcuts);
  g_test_add_func ("/window/overview-weeks", test_overview_weeks);
  g_test_add_func ("/window/actions-filter", test_actions_filter);
  g_test_add_func ("/window/action-detail", test_action_detail);
  g_test_add_func ("/window/note", test_note);
  g_test_add_func ("/window/import-drop", test_import_drop);
  g_test_add_func ("/window/many-results", test_many_results);
  g_test_add_func ("/window/empty-and-example", test_empty_and_example);
  g_test_add_func ("/window/narrow", test_narrow);
  g_test_add_func ("/window/dark", test_dark);
  g_test_add_func ("/window/briefing", test_briefing);
  g_test_add_func ("/window/calendar", test_calendar);
  g_test_add_func ("/window/watched-folder", test_watched_folder);

  return upp_gui_test_run (&gui);
}

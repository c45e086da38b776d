/* test-revisions.c — a package revision from a file waits in the window
 * until someone reviews it: what it changes, who decides, accept or refuse
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "upp-application.h"
#include "upp-gui-test-util.h"
#include "upp-import.h"
#include "upp-revision-review.h"
#include "upp-test-util.h"
#include "upp-window.h"

static UppGuiTest gui;

static UppWindow *
open_window (const char *db)
{
  g_autoptr(UppSession) session = upp_session_new ();
  UppWindow *window = g_object_ref (upp_window_new (GTK_APPLICATION (gui.app), session));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
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

/* The demo package as revision @revision, with @from replaced by @to. */
static char *
write_revision (int         revision,
                const char *from,
                const char *to)
{
  g_autofree char *source = g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "data", "demo",
                                              "package.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *name = g_strdup_printf ("package-rev%d.json", revision);
  g_autofree char *number = g_strdup_printf ("\"revision\": %d,", revision);
  g_autoptr(GString) copy = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (gui.tmp_dir, name, NULL);

  g_assert_true (g_file_get_contents (source, &text, NULL, &error));
  copy = g_string_new (text);
  g_assert_cmpuint (g_string_replace (copy, "\"revision\": 1,", number, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (copy, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, copy->str, copy->len, &error));
  return path;
}

static gboolean
has_pending (gpointer data)
{
  UppDashboard *dashboard = upp_session_get_dashboard (upp_window_get_session (data));

  return dashboard != NULL && !upp_session_get_busy (upp_window_get_session (data)) &&
         dashboard->pending_revisions != NULL && dashboard->pending_revisions->len > 0;
}

static gboolean
has_no_pending (gpointer data)
{
  UppDashboard *dashboard = upp_session_get_dashboard (upp_window_get_session (data));

  return dashboard != NULL && !upp_session_get_busy (upp_window_get_session (data)) &&
         dashboard->pending_revisions != NULL && dashboard->pending_revisions->len == 0;
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* The button, which must be there. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = upp_test_find_button (root, label);

  if (button == NULL)
    g_error ("no button “%s”", label);
  return button;
}

static char *
row_titles (GtkWidget *root)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GString) titles = g_string_new (NULL);

  upp_test_collect (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (titles, "%s\n",
                            adw_preferences_row_get_title (g_ptr_array_index (rows, i)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static const UppRevisionInfo *
find_revision (GPtrArray *revisions,
               int        revision,
               UppRevisionState state)
{
  for (guint i = 0; i < revisions->len; i++)
    {
      const UppRevisionInfo *info = g_ptr_array_index (revisions, i);

      if (info->revision == revision && info->state == state)
        return info;
    }
  return NULL;
}

static GtkWindow *
review (UppWindow *window)
{
  UppRevisionBanner *banner = UPP_REVISION_BANNER (upp_window_get_revision_banner (window));
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_first_child (GTK_WIDGET (banner)));
  GtkWindow *dialog;

  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  dialog = upp_revision_banner_review (banner);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  upp_test_drain ();
  return dialog;
}

static void
decide (GtkWindow  *dialog,
        const char *by,
        const char *button)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  gpointer watched = dialog;

  upp_test_collect (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, entries);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "");
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), button)));
  gtk_editable_set_text (g_ptr_array_index (entries, 0), by);
  g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), button)));
  g_object_add_weak_pointer (G_OBJECT (dialog), &watched);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), button), "clicked");
  upp_test_wait_for (is_gone, &watched, "the review to close");
}

/* A revision imported from a file shows in a banner and changes nothing;
 * the review lists the moved deadline and the new reporting day, and
 * accepting it (by someone named) puts it in force. A later one is
 * refused, and both decisions are kept with who made them. */
static void
test_review_accept_refuse (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "revisions");
  g_autofree char *rev2 = write_revision (2, "\"due_weekday\": 5", "\"due_weekday\": 4");
  g_autofree char *rev3 = write_revision (3, "\"due_weekday\": 5", "\"due_weekday\": 1");
  UppWindow *window = open_window (db);
  UppSession *session = upp_window_get_session (window);
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  const char *first[] = { rev2, NULL };
  const char *second[] = { rev3, NULL };
  const UppRevisionInfo *info;
  GtkWindow *dialog;
  g_autofree char *titles = NULL;

  upp_session_import (session, first);
  upp_test_wait_for (has_pending, window, "the revision to wait for a decision");
  g_assert_cmpint (upp_session_get_dashboard (session)->package->revision, ==, 1);
  g_assert_cmpint (upp_session_get_dashboard (session)->package->due_weekday, ==, 5);
  upp_test_settle (300);
  upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "revision-banner");

  dialog = review (window);
  titles = row_titles (GTK_WIDGET (dialog));
  g_test_message ("%s", titles);
  g_assert_nonnull (strstr (titles, "Reports due on Friday → Thursday\n"));
  upp_test_save_screenshot (GTK_WIDGET (dialog), gui.screenshot_dir, "revision-review");
  decide (dialog, "KS 2026/123", "_Accept");
  upp_test_wait_for (has_no_pending, window, "the revision to be in force");
  g_assert_cmpint (upp_session_get_dashboard (session)->package->revision, ==, 2);
  g_assert_cmpint (upp_session_get_dashboard (session)->package->due_weekday, ==, 4);

  /* Cancel decides nothing: the revision still waits. */
  upp_session_import (session, second);
  upp_test_wait_for (has_pending, window, "the next revision to wait");
  dialog = review (window);
  {
    gpointer watched = dialog;

    g_object_add_weak_pointer (G_OBJECT (dialog), &watched);
    g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Cancel"), "clicked");
    upp_test_wait_for (is_gone, &watched, "the review to close");
  }
  g_assert_true (has_pending (window));
  dialog = review (window);
  decide (dialog, "Kommundirektören", "_Refuse Revision");
  upp_test_wait_for (has_no_pending, window, "the revision to be refused");
  g_assert_cmpint (upp_session_get_dashboard (session)->package->revision, ==, 2);

  /* The Reports view's documents say what became of each revision. */
  {
    GPtrArray *documents = upp_session_get_dashboard (session)->documents;
    guint n_checked = 0;

    for (guint i = 0; i < documents->len; i++)
      {
        const UppDocumentInfo *document = g_ptr_array_index (documents, i);

        if (g_strcmp0 (document->kind, "package") != 0)
          continue;
        g_assert_cmpstr (upp_dashboard_document_status (document), ==,
                         document->revision == 3 ? "Refused"
                         : document->revision == 2 ? "In force" : "Superseded");
        n_checked++;
      }
    g_assert_cmpuint (n_checked, ==, 3);
  }

  store = upp_test_open_store_of (window);
  revisions = upp_store_list_revisions (store, &error);
  g_assert_no_error (error);
  info = find_revision (revisions, 2, UPP_REVISION_IN_FORCE);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->decided_by, ==, "KS 2026/123");
  info = find_revision (revisions, 3, UPP_REVISION_REFUSED);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->decided_by, ==, "Kommundirektören");

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!upp_gui_test_init (&gui, &argc, &argv, "se.lysekil.Uppfoljning.TestRevisions",
                          "2026-12-04"))
    return 0;

  g_test_add_func ("/revisions/review-accept-refuse", test_review_accept_refuse);

  return upp_gui_test_run (&gui);
}

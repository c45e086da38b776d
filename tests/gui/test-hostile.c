/* test-hostile.c — files that are not reports, through every way into the GUI, under Xvfb
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file from outside reaches the app by being opened with it (double-click,
 * `uppfoljning FILE`: the application's open handler), dropped on the main
 * window, or imported from its file chooser. Whatever it holds, the app
 * stays up, says what is wrong with it, and stores nothing. Before the
 * strict reader came first, a file of 200,000 `[` opened with the app
 * crashed it in json-glib's recursion.
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "upp-application.h"
#include "upp-error.h"
#include "upp-gui-test-util.h"
#include "upp-import.h"
#include "upp-report-window.h"
#include "upp-reports-page.h"
#include "upp-result-item.h"
#include "upp-test-util.h"
#include "upp-window.h"

static UppGuiTest gui;

/* The files */

typedef struct
{
  const char *name;
  const char *message;   /* part of what the importer says; NULL: anything */
} Hostile;

static const Hostile hostile[] = {
  { "deep.json", "nested more than 32 levels deep" },
  { "huge.json", "may be at most 8 MB" },
  { "random.json", NULL },
  { "latin1.json", "invalid UTF-8" },
  { "empty.json", "is empty" },
  { "array.json", "expected a JSON object" },
};

static char *hostile_dir;

static void
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (hostile_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static void
write_hostile_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);
  g_autoptr(GString) huge = g_string_new ("{\"format\": \"uppfoljning-report\", \"summary\": \"");
  g_autofree char *deep = NULL;
  guint8 random[4096];

  hostile_dir = g_build_filename (gui.tmp_dir, "hostile", NULL);
  g_assert_cmpint (g_mkdir (hostile_dir, 0700), ==, 0);

  /* One level of nesting per byte: json-glib recursed once per level. */
  deep = g_strnfill (200000, '[');
  write_file ("deep.json", deep, -1);
  /* Would be a report, but is 9 MiB: refused without being read. */
  while (huge->len < 9 * 1024 * 1024)
    g_string_append (huge, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_string_append (huge, "\"}");
  write_file ("huge.json", huge->str, huge->len);
  for (guint i = 0; i < sizeof random; i++)
    random[i] = g_rand_int_range (rand, 0, 256);
  write_file ("random.json", (const char *) random, sizeof random);
  /* Latin-1 “åäö” in a report: not UTF-8. */
  write_file ("latin1.json",
              "{\"format\": \"uppfoljning-report\", \"summary\": \"\xe5\xe4\xf6\"}", -1);
  write_file ("empty.json", "", 0);
  write_file ("array.json", "[{\"format\": \"uppfoljning-report\", \"week\": \"2026-W49\"}]", -1);
}

static GFile *
hostile_file (const Hostile *file)
{
  g_autofree char *path = g_build_filename (hostile_dir, file->name, NULL);

  return g_file_new_for_path (path);
}

/* Windows */

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

static guint
count_documents (UppWindow *window)
{
  g_autoptr(UppStore) store = upp_test_open_store_of (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = upp_store_list_documents (store, &error);

  g_assert_no_error (error);
  return documents->len;
}

static guint
count_report_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (gui.app)); l != NULL; l = l->next)
    n += UPP_IS_REPORT_WINDOW (l->data);
  return n;
}

/* The ways in */

typedef enum
{
  BY_OPEN,     /* the application's open handler: double-click, `uppfoljning FILE` */
  BY_DROP,     /* a drop on the main window */
  BY_IMPORT,   /* Import… in the main window */
} Way;

static void
bring_in (UppWindow *window,
          GFile     *file,
          Way        way)
{
  switch (way)
    {
    case BY_OPEN:
      /* What g_application_open() does in the primary instance. */
      g_signal_emit_by_name (gui.app, "open", &file, 1, "");
      break;

    case BY_DROP:
      {
        GValue value = G_VALUE_INIT;
        GSList list = { file, NULL };

        g_value_init (&value, GDK_TYPE_FILE_LIST);
        g_value_take_boxed (&value, gdk_file_list_new_from_list (&list));
        g_assert_true (upp_window_drop_value (window, &value));
        g_value_unset (&value);
      }
      break;

    case BY_IMPORT:
      {
        g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

        g_list_store_append (files, file);
        upp_window_import_files (window, G_LIST_MODEL (files));
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_imported (UppSession *session,
             GPtrArray  *results,
             gboolean    from_folder,
             guint      *n_imports)
{
  (*n_imports)++;
}

typedef struct
{
  guint *n_imports;
  guint  before;
} ImportWait;

static gboolean
import_done (gpointer data)
{
  ImportWait *wait = data;

  return *wait->n_imports > wait->before;
}

/* Each file, one after the other, in the demo database: rejected with
 * the importer's reason, in the Reports view's results; nothing stored, no
 * report window, the app still there. */
static void
test_hostile (gconstpointer data)
{
  Way way = GPOINTER_TO_INT (data);
  static const char * const way_names[] = { "open", "drop", "import" };
  g_autofree char *db_name = g_strconcat ("hostile-", way_names[way], NULL);
  g_autofree char *db = upp_gui_test_copy_demo (&gui, db_name);
  UppWindow *window = open_window (db);
  UppSession *session = upp_window_get_session (window);
  UppReportsPage *reports = upp_window_get_reports_page (window);
  guint n_documents = count_documents (window);
  guint n_imports = 0;

  g_signal_connect (session, "imported", G_CALLBACK (on_imported), &n_imports);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GFile) file = hostile_file (&hostile[i]);
      ImportWait wait = { &n_imports, n_imports };
      const UppImportResult *result;
      g_autoptr(UppResultItem) item = NULL;
      g_autofree char *filename = NULL;
      g_autofree char *message = NULL;
      gboolean rejected = FALSE;

      g_test_message ("%s, by %s", hostile[i].name, way_names[way]);
      bring_in (window, file, way);
      /* By hand: first whose it says it is (read by the strict reader too). */
      if (way != BY_IMPORT)
        g_free (upp_test_answer_dialog (window, "import"));
      upp_test_wait_for (import_done, &wait, "the file to be imported");
      upp_test_wait_idle (window);

      /* The app is up, on the same database. */
      g_assert_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (gui.app)),
                                     window));
      g_assert_null (upp_session_get_error (session));

      /* The reason, from the importer. */
      g_assert_cmpuint (upp_session_get_last_results (session)->len, ==, 1);
      result = g_ptr_array_index (upp_session_get_last_results (session), 0);
      g_assert_cmpint (result->status, ==, UPP_IMPORT_REJECTED);
      g_assert_cmpuint (result->problems->len, >, 0);

      /* Shown: the result row in the Reports view. */
      g_assert_cmpstr (upp_window_get_view (window), ==, "reports");
      g_assert_cmpuint (g_list_model_get_n_items (upp_reports_page_get_results (reports)), ==, 1);
      item = g_list_model_get_item (upp_reports_page_get_results (reports), 0);
      g_object_get (item, "filename", &filename, "message", &message, "rejected", &rejected, NULL);
      g_assert_cmpstr (filename, ==, hostile[i].name);
      g_assert_true (rejected);
      g_assert_nonnull (message);
      g_assert_cmpstr (message, !=, "");
      if (hostile[i].message != NULL && strstr (message, hostile[i].message) == NULL)
        g_error ("%s: “%s” does not say “%s”", hostile[i].name, message,
                 hostile[i].message);
      g_assert_cmpstr (upp_reports_page_get_summary (reports), ==, "1 file rejected");

      /* Nothing stored, nothing opened. */
      g_assert_cmpuint (count_documents (window), ==, n_documents);
      g_assert_cmpuint (count_report_windows (), ==, 0);
    }
  if (way == BY_OPEN)
    upp_test_save_screenshot (GTK_WIDGET (window), gui.screenshot_dir, "hostile-opened");

  g_signal_handlers_disconnect_by_func (session, on_imported, &n_imports);
  close_window (window);
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

/* What the open handler asks first, file by file: not a report (so the
 * import says why), and no window. */
static void
test_not_a_report (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "not-a-report");
  UppWindow *window = open_window (db);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GFile) file = hostile_file (&hostile[i]);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(UppReportWindow) report = NULL;

      upp_report_window_new_for_file_async (window, file, NULL, on_opened, &result);
      upp_test_wait_for (is_set, &result, "the file to be read");
      report = upp_report_window_new_finish (result, &error);
      g_assert_null (report);
      g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT);
      g_assert_cmpuint (count_report_windows (), ==, 0);
    }

  /* A folder is not a report either: it is imported. */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (hostile_dir);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    upp_report_window_new_for_file_async (window, folder, NULL, on_opened, &result);
    upp_test_wait_for (is_set, &result, "the folder to be looked at");
    g_assert_null (upp_report_window_new_finish (result, &error));
    g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT);
  }
  close_window (window);
}

/* All at once, opened with the app: each rejected, in the order given, in
 * one import. */
static void
test_open_all (void)
{
  g_autofree char *db = upp_gui_test_copy_demo (&gui, "open-all");
  UppWindow *window = open_window (db);
  UppSession *session = upp_window_get_session (window);
  UppReportsPage *reports = upp_window_get_reports_page (window);
  guint n_documents = count_documents (window);
  guint n_imports = 0;
  ImportWait wait = { &n_imports, 0 };
  GFile *files[G_N_ELEMENTS (hostile)];
  GListModel *results;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    files[i] = hostile_file (&hostile[i]);
  g_signal_connect (session, "imported", G_CALLBACK (on_imported), &n_imports);
  g_signal_emit_by_name (gui.app, "open", files, (int) G_N_ELEMENTS (hostile), "");
  {
    g_autofree char *question = upp_test_answer_dialog (window, "import");

    g_assert_nonnull (strstr (question, "• 6 files that are neither"));
  }
  upp_test_wait_for (import_done, &wait, "the files to be imported");
  upp_test_wait_idle (window);
  g_assert_cmpuint (n_imports, ==, 1);

  results = upp_reports_page_get_results (reports);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, G_N_ELEMENTS (hostile));
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(UppResultItem) item = g_list_model_get_item (results, i);
      gboolean rejected = FALSE;

      g_object_get (item, "rejected", &rejected, NULL);
      g_assert_true (rejected);
    }
  g_assert_cmpstr (upp_reports_page_get_summary (reports), ==, "6 files rejected");
  g_assert_cmpuint (count_documents (window), ==, n_documents);
  g_assert_cmpuint (count_report_windows (), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_object_unref (files[i]);
  g_signal_handlers_disconnect_by_func (session, on_imported, &n_imports);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  if (!upp_gui_test_init (&gui, &argc, &argv, "se.lysekil.Uppfoljning.TestHostile", "2026-12-04"))
    return 0;
  write_hostile_files ();

  g_test_add_data_func ("/hostile/open", GINT_TO_POINTER (BY_OPEN), test_hostile);
  g_test_add_data_func ("/hostile/drop", GINT_TO_POINTER (BY_DROP), test_hostile);
  g_test_add_data_func ("/hostile/import", GINT_TO_POINTER (BY_IMPORT), test_hostile);
  g_test_add_func ("/hostile/not-a-report", test_not_a_report);
  g_test_add_func ("/hostile/open-all", test_open_all);

  rc = upp_gui_test_run (&gui);
  g_free (hostile_dir);
  return rc;
}

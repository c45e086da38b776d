/* upp-cli.c — uppfoljning-cli: the app's jobs without a screen
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-cli"

#include "config.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "upp-briefing.h"
#include "upp-demo.h"
#include "upp-error.h"
#include "upp-import.h"
#include "upp-package-changes.h"
#include "upp-packages.h"
#include "upp-report-builder.h"
#include "upp-spreadsheet.h"
#include "upp-store.h"
#include "upp-text.h"
#include "upp-watch.h"
#include "upp-week.h"

/* Exit codes: 0 success, 1 the job failed (or some files were rejected),
 * 2 usage error. */
enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

typedef struct
{
  const char *name;
  const char *summary;
  int (*run) (int argc, char **argv);
} Command;

static char *db_path;
static char *package_code;
/* The database open_store() made for --package, to take back if the files
 * turn out to be another package's. */
static char *created_path;

static const GOptionEntry db_option[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
    N_("The database (default: the app’s database in the user data folder)"), N_("PATH") },
  { "package", 0, 0, G_OPTION_ARG_STRING, &package_code,
    N_("The database of this package, in the user data folder, instead of --db"), N_("CODE") },
  { NULL }
};

/* Everything the CLI prints goes through say() or say_text(). File names,
 * keys, titles and department names come from the shared folder, and
 * problems and errors quote them: a control character in one could move
 * the cursor, retitle the terminal or, as a newline, forge a line of its
 * own. So all of it is spelt out (upp_text_escape()): only the line ends
 * of @format itself are written as they are, and so @format ends a line
 * only with its trailing newlines. */
static void G_GNUC_PRINTF (2, 3)
say (FILE       *stream,
     const char *format,
     ...)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  gsize n_ends = 0;
  gsize length;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  for (gsize i = strlen (format); i > 0 && format[i - 1] == '\n'; i--)
    n_ends++;
  /* The format's last characters are the output's last. */
  length = strlen (message);
  g_assert (n_ends <= length);
  escaped = upp_text_escape (message, length - n_ends);
  fputs (escaped, stream);
  for (gsize i = 0; i < n_ends; i++)
    fputc ('\n', stream);
}

/* Text of several lines that the CLI trusts to have them, such as the
 * help: each line spelt out as by say(). */
static void
say_text (FILE       *stream,
          const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = upp_text_escape (lines[i], -1);

      fputs (escaped, stream);
      if (lines[i + 1] != NULL)
        fputc ('\n', stream);
    }
}

static int G_GNUC_PRINTF (1, 2)
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  say (stderr, "uppfoljning-cli: %s\n", message);
  return EXIT_FAILED;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  say (stderr, "uppfoljning-cli: %s\n\n", message);
  say_text (stderr, help);
  return EXIT_USAGE;
}

/* Parses a subcommand's options; returns -1 when parsing succeeded. */
static int
parse_options (GOptionContext  *context,
               const GOptionEntry *entries,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, db_option, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (context, error->message);
  return -1;
}

/* Opens an existing database; the CLI does not create one by accident,
 * except for `demo` and `import`. */
static UppStore *
open_store (gboolean create)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = upp_store_get_default_path ();
  g_autofree char *package_path = NULL;
  const char *path = db_path != NULL ? db_path : default_path;
  UppStore *store;

  if (package_code != NULL && db_path != NULL)
    {
      fail (_("give --db or --package, not both"));
      return NULL;
    }
  if (package_code != NULL)
    {
      package_path = upp_packages_find (package_code, create, &error);
      if (package_path == NULL)
        {
          fail ("%s", error->message);
          return NULL;
        }
      path = package_path;
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        created_path = g_strdup (path);
    }

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fail (_("there is no database at %s; create one with “uppfoljning-cli demo” or "
              "“uppfoljning-cli import”"), path);
      return NULL;
    }

  store = upp_store_open (path, &error);
  if (store == NULL)
    fail ("%s", error->message);
  return store;
}

/* After an import into a database made for --package: the files must have
 * been that package's. If not, the new database goes again. */
static gboolean
check_created_package (UppStore **store)
{
  g_autoptr(UppPackage) package = NULL;
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (created_path == NULL)
    return TRUE;
  package = upp_store_ref_package (*store);
  if (package != NULL && g_str_equal (package->code, package_code))
    return TRUE;
  g_clear_object (store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (created_path, suffixes[i], NULL);

      g_remove (file);
    }
  if (package != NULL)
    fail (_("these files are the package %s, not %s; nothing was kept"), package->code,
          package_code);
  else
    fail (_("these files hold no package definition for %s; import its package file first"),
          package_code);
  return FALSE;
}

static gboolean
parse_week_option (const char *text,
                   UppWeek    *out_week)
{
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      *out_week = upp_week_today ();
      return TRUE;
    }
  if (!upp_week_parse (text, out_week, &error))
    {
      fail ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Pads or cuts @text to @width characters (not bytes: åäö are one each). */
static void
print_cell (const char *text,
            int         width)
{
  g_autofree char *escaped = upp_text_escape (text != NULL ? text : "", -1);
  glong length = g_utf8_strlen (escaped, -1);

  /* Escaped first, so that the columns count what is seen. */
  if (length > width)
    {
      g_autofree char *cut = g_utf8_substring (escaped, 0, width - 1);
      say (stdout, "%s… ", cut);
    }
  else
    say (stdout, "%s%*s ", escaped, (int) (width - length), "");
}

/* import */

/* “FILE: imported”, or each problem of a rejected file on a line of its
 * own: a newline in a file's name does not start a line. */
static void
print_result (const UppImportResult *result)
{
  if (result->status != UPP_IMPORT_REJECTED)
    {
      say (stdout, "%s: %s\n", result->path, upp_import_status_get_label (result->status));
      return;
    }
  for (guint i = 0; i < result->problems->len; i++)
    say (stderr, "%s\n", (const char *) g_ptr_array_index (result->problems, i));
}

static int
print_results (GPtrArray *results)
{
  guint counts[UPP_IMPORT_REJECTED + 1] = { 0 };

  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);

      counts[result->status]++;
      print_result (result);
    }

  say (stdout, _("%u imported, %u already imported, %u superseded earlier revisions, "
                 "%u kept as older revisions, %u rejected\n"),
       counts[UPP_IMPORT_IMPORTED], counts[UPP_IMPORT_DUPLICATE], counts[UPP_IMPORT_SUPERSEDED],
       counts[UPP_IMPORT_KEPT_OLDER], counts[UPP_IMPORT_REJECTED]);
  if (counts[UPP_IMPORT_PENDING] > 0)
    say (stdout, g_dngettext (GETTEXT_PACKAGE,
                              "%u package revision waits for a decision (see “revisions”)\n",
                              "%u package revisions wait for a decision (see “revisions”)\n",
                              counts[UPP_IMPORT_PENDING]),
         counts[UPP_IMPORT_PENDING]);
  return counts[UPP_IMPORT_REJECTED] > 0 ? EXIT_FAILED : EXIT_OK;
}

static void
print_watch_batch (UppWatch  *watch,
                   GPtrArray *results,
                   gpointer   user_data)
{
  print_results (results);
  fflush (stdout);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static int
watch_folder (UppStore   *store,
              const char *folder)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(UppWatch) watch = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return fail (_("%s is not a folder"), folder);
  watch = upp_watch_new (store, folder, &error);
  if (watch == NULL)
    return fail ("%s", error->message);
  g_signal_connect (watch, "imported", G_CALLBACK (print_watch_batch), NULL);

  say (stdout, _("Watching %s for new reports; press Ctrl+C to stop.\n"), folder);
  fflush (stdout);
  g_unix_signal_add (SIGINT, quit_loop, loop);
  g_unix_signal_add (SIGTERM, quit_loop, loop);
  g_main_loop_run (loop);
  return EXIT_OK;
}

/* Accepts the revisions of @results that wait, in order of revision (as
 * they were stored). */
static gboolean
accept_imported_revisions (UppStore   *store,
                           GPtrArray  *results,
                           const char *by)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);
      g_autofree char *contents = NULL;
      gsize length;

      if (result->status != UPP_IMPORT_PENDING)
        continue;
      if (!g_file_get_contents (result->path, &contents, &length, &error))
        return fail ("%s", error->message) == EXIT_OK;
      g_hash_table_add (imported, g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                               (const guchar *) contents, length));
    }

  revisions = upp_store_list_revisions (store, &error);
  if (revisions == NULL)
    return fail ("%s", error->message) == EXIT_OK;
  for (guint i = 0; i < revisions->len; i++)
    {
      const UppRevisionInfo *info = g_ptr_array_index (revisions, i);

      if (!g_hash_table_contains (imported, info->sha256))
        continue;
      if (!upp_import_decide_revision (store, info->sha256, TRUE, by, &error))
        return fail ("%s", error->message) == EXIT_OK;
      say (stdout, _("Revision %d is in force.\n"), info->revision);
    }
  return TRUE;
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *watch_dir = NULL;
  g_autofree char *accept_by = NULL;
  const GOptionEntry entries[] = {
    { "watch", 0, 0, G_OPTION_ARG_FILENAME, &watch_dir,
      N_("Keep importing files that appear in this folder until interrupted"), N_("FOLDER") },
    { "accept-revisions", 0, 0, G_OPTION_ARG_STRING, &accept_by,
      N_("Put the package revisions among these files in force at once, decided by WHO"),
      N_("WHO") },
    { NULL }
  };
  int rc;

  context = g_option_context_new (_("FILE|FOLDER… — import package definitions and reports"));
  g_option_context_set_summary (context,
                                _("Folders: every *.json file in them. Package definitions are "
                                  "imported first, then reports, in any order given.\n"
                                  "Exit status: 0 all imported, 1 some rejected, 2 usage error."));
  if ((rc = parse_options (context, entries, &argc, &argv)) >= 0)
    return rc;
  if (argc < 2 && watch_dir == NULL)
    return usage_error (context, _("name at least one file or folder"));

  store = open_store (TRUE);
  if (store == NULL)
    return EXIT_FAILED;

  if (argc >= 2)
    {
      files = upp_import_collect_files ((const char * const *) argv + 1, &error);
      if (files == NULL)
        return fail ("%s", error->message);
      results = upp_import_files (store, files, NULL, NULL, NULL);
      rc = print_results (results);
      if (!check_created_package (&store))
        return EXIT_FAILED;
      if (accept_by != NULL && !accept_imported_revisions (store, results, accept_by))
        rc = EXIT_FAILED;
    }
  else
    rc = EXIT_OK;

  if (watch_dir != NULL)
    return watch_folder (store, watch_dir);
  return rc;
}

/* check */

/* Whether a template (format version 2) was changed more than an hour
 * after its `submitted`: made on Monday and filled in on Friday, it still
 * says Monday, and a report is judged late or on time by that. (Any other
 * report may have been copied since: its time says nothing then.) */
static gboolean
report_changed_since_submitted (const char      *path,
                                const UppReport *report)
{
  GStatBuf st;

  return report->version >= 2 && g_stat (path, &st) == 0 &&
         (gint64) st.st_mtime > report->submitted_unix + 3600;
}

/* Sets `submitted` in the file to now, the rest of it byte for byte. */
static gboolean
fix_submitted_in_file (const char *path,
                       const char *submitted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *old_value = g_strdup_printf ("\"%s\"", submitted);
  g_autofree char *now = upp_report_now ();
  g_autofree char *new_value = g_strdup_printf ("\"%s\"", now);
  g_autoptr(GString) text = NULL;
  const char *key;
  const char *value;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      say (stderr, "%s\n", error->message);
      return FALSE;
    }
  /* The member "submitted", then its value: the first after the key. */
  key = strstr (contents, "\"submitted\"");
  value = key != NULL ? strstr (key, old_value) : NULL;
  if (value == NULL)
    {
      say (stderr, _("%s: “submitted” could not be found to set it\n"), path);
      return FALSE;
    }
  text = g_string_new_len (contents, value - contents);
  g_string_append (text, new_value);
  g_string_append (text, value + strlen (old_value));
  if (!g_file_set_contents (path, text->str, text->len, &error))
    {
      say (stderr, "%s\n", error->message);
      return FALSE;
    }
  say (stdout, _("%s: “submitted” set to %s\n"), path, now);
  return TRUE;
}

static int
cmd_check (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  gboolean standalone = FALSE;
  gboolean fix_submitted = FALSE;
  const GOptionEntry entries[] = {
    { "standalone", 0, 0, G_OPTION_ARG_NONE, &standalone,
      N_("Check the format only, without a database"), NULL },
    { "fix-submitted", 0, 0, G_OPTION_ARG_NONE, &fix_submitted,
      N_("Set “submitted” to now in reports changed after it (a template filled in later)"),
      NULL },
    { NULL }
  };
  guint n_bad = 0;
  int rc;

  context = g_option_context_new (_("FILE… — validate files without importing them"));
  g_option_context_set_summary (context,
                                _("Lists every problem of every file. With a database (the "
                                  "default one, or --db) the files are also checked against the "
                                  "package: departments, actions, indicators, weeks."));
  if ((rc = parse_options (context, entries, &argc, &argv)) >= 0)
    return rc;
  if (argc < 2)
    return usage_error (context, _("name at least one file"));

  if (!standalone)
    {
      store = open_store (FALSE);
      if (store == NULL)
        return EXIT_FAILED;
    }

  files = upp_import_collect_files ((const char * const *) argv + 1, &error);
  if (files == NULL)
    return fail ("%s", error->message);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(UppDocument) document = upp_document_load (path, store);

      if (document->report != NULL && report_changed_since_submitted (path, document->report))
        {
          if (!fix_submitted)
            say (stderr, _("%s: “submitted” says %s, but the file was changed after that; if it "
                           "was filled in since (a template), set it to when it is sent: "
                           "uppfoljning-cli check --fix-submitted %s\n"),
                 path, document->report->submitted, path);
          else if (fix_submitted_in_file (path, document->report->submitted))
            {
              g_clear_pointer (&document, upp_document_free);
              document = upp_document_load (path, store);
            }
          else
            n_bad++;
        }
      if (document->problems->len == 0)
        {
          say (stdout, _("%s: OK\n"), document->path);
          continue;
        }
      n_bad++;
      for (guint j = 0; j < document->problems->len; j++)
        say (stderr, "%s\n", (const char *) g_ptr_array_index (document->problems, j));
    }

  return n_bad > 0 ? EXIT_FAILED : EXIT_OK;
}

/* template */

/* @json for a terminal: a control or direction character in a text (a
 * title stored before they were refused) as a JSON escape, which means
 * the same to a JSON reader. Raw, JSON has only its line ends and spaces
 * between the texts. */
static char *
json_for_terminal (const char *json)
{
  GString *out = g_string_sized_new (strlen (json));

  for (const char *p = json; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((upp_text_is_control (c) && c != '\n' && c != '\t' && c != '\r') ||
          upp_text_is_bidi_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static int
cmd_template (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *department = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  const GOptionEntry entries[] = {
    { "department", 0, 0, G_OPTION_ARG_STRING, &department, N_("The department’s code"),
      N_("CODE") },
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("The week (default: this week)"),
      N_("2026-W25") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (default: standard output)"),
      N_("FILE") },
    { NULL }
  };
  UppWeek week;
  int rc;

  context = g_option_context_new (_("— write a report skeleton for a department and week"));
  if ((rc = parse_options (context, entries, &argc, &argv)) >= 0)
    return rc;
  if (department == NULL)
    return usage_error (context, _("--department is required"));
  if (!parse_week_option (week_text, &week))
    return EXIT_FAILED;

  store = open_store (FALSE);
  if (store == NULL)
    return EXIT_FAILED;

  json = upp_report_template (store, department, week, &error);
  if (json == NULL)
    return fail ("%s", error->message);

  if (output == NULL || g_str_equal (output, "-"))
    {
      g_autofree char *shown = json_for_terminal (json);

      fputs (shown, stdout);
    }
  else if (!g_file_set_contents (output, json, -1, &error))
    return fail ("%s", error->message);
  return EXIT_OK;
}

/* demo */

static int
cmd_demo (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = upp_demo_find_folder ();
  g_auto(GStrv) paths = NULL;
  guint rejected = 0;
  int rc;

  context = g_option_context_new (_("— create a database filled with the demo action package"));
  if ((rc = parse_options (context, NULL, &argc, &argv)) >= 0)
    return rc;
  if (folder == NULL)
    return fail (_("the demo data is not installed (set UPP_DEMO_DIR to its folder)"));

  store = open_store (TRUE);
  if (store == NULL)
    return EXIT_FAILED;

  paths = upp_demo_get_paths (folder);
  files = upp_import_collect_files ((const char * const *) paths, &error);
  if (files == NULL)
    return fail ("%s", error->message);

  results = upp_import_files (store, files, NULL, NULL, NULL);
  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);

      if (result->status == UPP_IMPORT_REJECTED)
        {
          print_result (result);
          rejected++;
        }
    }
  if (rejected > 0)
    return fail (_("%u demo files were rejected"), rejected);
  if (!check_created_package (&store))
    return EXIT_FAILED;

  say (stdout, _("Created %s with the demo package and %u files.\n"),
       upp_store_get_path (store), results->len);
  return EXIT_OK;
}

/* status */

static int
cmd_status (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *department = NULL;
  g_autofree char *week_label = NULL;
  const GOptionEntry entries[] = {
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("As of this week (default: this week)"),
      N_("2026-W25") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &department,
      N_("Only the actions this department leads"), N_("CODE") },
    { NULL }
  };
  g_autoptr(UppPackage) package = NULL;
  UppStateCounts counts;
  UppWeek week;
  int status_width = 0;
  int rc;

  context = g_option_context_new (_("— the state of every action as of a week"));
  if ((rc = parse_options (context, entries, &argc, &argv)) >= 0)
    return rc;
  if (!parse_week_option (week_text, &week))
    return EXIT_FAILED;

  store = open_store (FALSE);
  if (store == NULL)
    return EXIT_FAILED;

  package = upp_store_ref_package (store);
  if (department != NULL &&
      (package == NULL || upp_package_find_department (package, department) == NULL))
    return fail (_("“%s” is not one of the package’s departments"), department);

  rows = upp_store_query_status (store, week, department, &error);
  if (rows == NULL)
    return fail ("%s", error->message);

  /* As wide as the longest label in this language, symbol included. */
  for (guint state = 0; state < UPP_N_STATES; state++)
    status_width = MAX (status_width, (int) g_utf8_strlen (upp_state_get_label (state), -1) + 2);

  week_label = upp_week_format (week);
  say (stdout, _("Status as of %s\n\n"), week_label);
  print_cell (C_("column", "Code"), 6);
  print_cell (C_("column", "Action"), 40);
  print_cell (C_("column", "Lead"), 5);
  print_cell (C_("column", "Deadline"), 10);
  print_cell (C_("column", "Status"), status_width);
  say (stdout, "%s\n", C_("column", "Reason"));

  for (guint i = 0; i < rows->len; i++)
    {
      const UppActionStatus *row = g_ptr_array_index (rows, i);
      g_autofree char *deadline = upp_date_format (&row->deadline);
      g_autofree char *status = g_strdup_printf ("%s %s", upp_state_get_symbol (row->state),
                                                 upp_state_get_label (row->state));

      print_cell (row->code, 6);
      print_cell (row->title, 40);
      print_cell (row->lead, 5);
      print_cell (deadline, 10);
      print_cell (status, status_width);
      say (stdout, "%s", row->reason != NULL ? row->reason : "");
      if (row->contradiction)
        {
          g_autofree char *reported = g_utf8_strdown (upp_status_get_label (row->entry_status), -1);
          /* Translators: after the reason an overdue action is shown with */
          say (stdout, _(" (contradiction: reported %s)"), reported);
        }
      say (stdout, "\n");
    }

  upp_store_count_states (rows, &counts);
  say (stdout, "\n");
  for (guint s = 0; s < UPP_N_STATES; s++)
    say (stdout, "%s%s %d", s > 0 ? ", " : "", upp_state_get_label (s), counts.counts[s]);
  say (stdout, g_dngettext (GETTEXT_PACKAGE, " — %d action\n", " — %d actions\n", counts.total),
       counts.total);
  return EXIT_OK;
}

/* weeks */

static int
cmd_weeks (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *week_text = NULL;
  int n_weeks = 8;
  const GOptionEntry entries[] = {
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("The last week (default: this week)"),
      N_("2026-W25") },
    { "count", 'n', 0, G_OPTION_ARG_INT, &n_weeks, N_("How many weeks (default: 8)"), N_("N") },
    { NULL }
  };
  UppWeek week;
  int rc;

  context = g_option_context_new (_("— which departments reported on time, late, or not at all"));
  if ((rc = parse_options (context, entries, &argc, &argv)) >= 0)
    return rc;
  if (n_weeks < 1 || n_weeks > 520)
    return usage_error (context, _("--count must be between 1 and 520"));
  if (!parse_week_option (week_text, &week))
    return EXIT_FAILED;

  store = open_store (FALSE);
  if (store == NULL)
    return EXIT_FAILED;

  rows = upp_store_query_compliance (store, week, n_weeks, &error);
  if (rows == NULL)
    return fail ("%s", error->message);

  print_cell (C_("column", "Department"), 30);
  for (int w = 0; w < n_weeks; w++)
    {
      /* Translators: a column header for ISO week 33 */
      g_autofree char *label = g_strdup_printf (C_("week column", "W%02d"),
                                                upp_week_add (week, w - n_weeks + 1).week);
      print_cell (label, 10);
    }
  say (stdout, "\n");

  for (guint i = 0; i < rows->len; i++)
    {
      const UppComplianceRow *row = g_ptr_array_index (rows, i);

      print_cell (row->department_name, 30);
      for (guint w = 0; w < row->n_weeks; w++)
        print_cell (upp_compliance_get_label (row->cells[w]), 10);
      say (stdout, "\n");
    }
  return EXIT_OK;
}

/* backup */

static int
cmd_backup (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  context = g_option_context_new (_("FILE — copy the database, consistently, while in use"));
  g_option_context_set_summary (context, _("Restore by opening the copy with --db, or by "
                                           "copying it over the database while the app is "
                                           "closed."));
  if ((rc = parse_options (context, NULL, &argc, &argv)) >= 0)
    return rc;
  if (argc != 2)
    return usage_error (context, _("name the backup file"));

  store = open_store (FALSE);
  if (store == NULL)
    return EXIT_FAILED;
  if (!upp_store_backup (store, argv[1], &error))
    return fail ("%s", error->message);
  say (stdout, _("Backed up %s to %s\n"), upp_store_get_path (store), argv[1]);
  return EXIT_OK;
}

/* export-pdf */

static int
cmd_export_pdf (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) generated = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *output = NULL;
  gboolean summary = FALSE;
  const GOptionEntry entries[] = {
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("As of this week (default: this week)"),
      N_("2026-W25") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary,
      N_("Two pages without free text: key figures, what needs a decision, missing reports, "
         "the week’s changes"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The generated date (default: SOURCE_DATE_EPOCH, or today)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE; “-” for standard output"), N_("FILE") },
    { NULL }
  };
  UppBriefingOptions options = { 0 };
  int rc;

  context = g_option_context_new (_("— write the PDF briefing for a week"));
  g_option_context_set_summary (context,
                                _("Refuses, and writes nothing, when a text that would go into "
                                  "the briefing holds a personal identity number.\n"
                                  "Exit status: 0 written, 1 failed, 2 usage error."));
  if ((rc = parse_options (context, entries, &argc, &argv)) >= 0)
    return rc;
  if (output == NULL)
    return usage_error (context, _("name the PDF file with -o FILE (or -o - for standard output)"));
  if (argc > 1)
    return usage_error (context, _("unexpected arguments"));
  if (date_text != NULL)
    {
      GDate date;

      if (!upp_date_parse (date_text, &date))
        return usage_error (context, _("--date must be a date such as 2026-06-11"));
      generated = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                       g_date_get_day (&date), 0, 0, 0);
    }
  if (!parse_week_option (week_text, &options.week))
    return EXIT_FAILED;

  store = open_store (FALSE);
  if (store == NULL)
    return EXIT_FAILED;

  options.summary = summary;
  options.generated = generated;
  if (g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
      gconstpointer data;
      gsize size;

      if (!upp_briefing_write_to_stream (store, &options, memory, NULL, &error) ||
          !g_output_stream_close (memory, NULL, &error))
        return fail ("%s", error->message);
      data = g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory));
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        return fail (_("could not write the PDF to standard output"));
      return EXIT_OK;
    }

  if (!upp_briefing_write (store, &options, output, &error))
    return fail ("%s", error->message);
  return EXIT_OK;
}

/* export-xlsx */

static int
cmd_export_xlsx (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *week_text = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("As of this week (default: this week)"),
      N_("2026-W25") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), N_("FILE") },
    { NULL }
  };
  UppWeek week;
  int rc;

  context = g_option_context_new (_("— write the actions and the reporting as a spreadsheet"));
  g_option_context_set_summary (context,
                                _("An .xlsx workbook: every action as of the week, and each "
                                  "department’s reporting week by week. Refuses, and writes "
                                  "nothing, when a text holds a personal identity number.\n"
                                  "Exit status: 0 written, 1 failed, 2 usage error."));
  if ((rc = parse_options (context, entries, &argc, &argv)) >= 0)
    return rc;
  if (output == NULL)
    return usage_error (context, _("name the spreadsheet file with -o FILE"));
  if (argc > 1)
    return usage_error (context, _("unexpected arguments"));
  if (!parse_week_option (week_text, &week))
    return EXIT_FAILED;

  store = open_store (FALSE);
  if (store == NULL)
    return EXIT_FAILED;
  if (!upp_spreadsheet_write (store, week, NULL, output, &error))
    return fail ("%s", error->message);
  return EXIT_OK;
}

/* revisions, accept-revision, refuse-revision */

static void
print_revision_changes (UppStore              *store,
                        const UppPackage      *current,
                        const UppRevisionInfo *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppDocument) document = upp_import_read_revision (store, info, &error);
  g_autoptr(GPtrArray) changes = NULL;

  if (document == NULL)
    {
      say (stdout, "    %s\n", error->message);
      return;
    }
  for (guint i = 0; i < document->problems->len; i++)
    say (stdout, "    %s\n", (const char *) g_ptr_array_index (document->problems, i));
  if (document->package == NULL || current == NULL)
    return;
  changes = upp_package_describe_changes (current, document->package);
  if (changes->len == 0)
    say (stdout, "    %s\n", _("No changes to the definition in force"));
  for (guint i = 0; i < changes->len; i++)
    say (stdout, "    %s\n", (const char *) g_ptr_array_index (changes, i));
}

static int
cmd_revisions (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(UppPackage) current = NULL;
  g_autoptr(GError) error = NULL;
  guint pending = 0;
  int rc;

  context = g_option_context_new (_("— the package revisions, and what waits for a decision"));
  g_option_context_set_summary (context,
                                _("A revision from a file or the shared folder takes effect only "
                                  "when someone here accepts it. For each one that waits, what it "
                                  "would change is listed."));
  if ((rc = parse_options (context, NULL, &argc, &argv)) >= 0)
    return rc;
  if (argc > 1)
    return usage_error (context, _("this command takes no arguments"));

  store = open_store (FALSE);
  if (store == NULL)
    return EXIT_FAILED;
  revisions = upp_store_list_revisions (store, &error);
  if (revisions == NULL)
    return fail ("%s", error->message);
  current = upp_store_ref_package (store);

  for (guint i = 0; i < revisions->len; i++)
    {
      const UppRevisionInfo *info = g_ptr_array_index (revisions, i);
      g_autofree char *short_sha = g_strndup (info->sha256, 12);

      say (stdout, _("Revision %d, %s: %s (%s, imported %s)"), info->revision,
              upp_revision_state_get_label (info->state), info->filename, short_sha,
              info->imported);
      if (info->decided_by != NULL)
        say (stdout, info->state == UPP_REVISION_REFUSED ? _("; refused by %s on %s")
                                                    : _("; accepted by %s on %s"),
                info->decided_by, info->decided_at);
      say (stdout, "\n");
      if (info->state == UPP_REVISION_PENDING)
        {
          pending++;
          print_revision_changes (store, current, info);
        }
    }
  if (pending > 0)
    say (stdout, "\n%s\n", _("Accept one with “uppfoljning-cli accept-revision --by WHO SHA256”, or "
                        "refuse it with “refuse-revision”."));
  return EXIT_OK;
}

static int
decide_revision (int         argc,
                 char      **argv,
                 gboolean    accept)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *by = NULL;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Who decided, by role or name (recorded with the decision)"), N_("WHO") },
    { NULL }
  };
  int rc;

  context = g_option_context_new (accept ? _("SHA256 — put a package revision that waits in force")
                                         : _("SHA256 — refuse a package revision that waits"));
  g_option_context_set_summary (context, _("SHA256 is the revision’s SHA-256 as “revisions” shows "
                                           "it (its beginning is enough)."));
  if ((rc = parse_options (context, entries, &argc, &argv)) >= 0)
    return rc;
  if (argc != 2)
    return usage_error (context, _("name one revision by its SHA-256"));
  if (by == NULL)
    return usage_error (context, _("say who decided with --by"));

  store = open_store (FALSE);
  if (store == NULL)
    return EXIT_FAILED;
  if (!upp_import_decide_revision (store, argv[1], accept, by, &error))
    return fail ("%s", error->message);
  if (accept)
    say (stdout, _("Revision %d is in force.\n"), upp_store_get_package_revision (store));
  else
    say (stdout, "%s\n", _("The revision was refused; the definition in force is unchanged."));
  return EXIT_OK;
}

static int
cmd_accept_revision (int    argc,
                     char **argv)
{
  return decide_revision (argc, argv, TRUE);
}

static int
cmd_refuse_revision (int    argc,
                     char **argv)
{
  return decide_revision (argc, argv, FALSE);
}

/* packages */

static int
cmd_packages (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  context = g_option_context_new (_("— the action packages followed in the data folder"));
  g_option_context_set_summary (context, _("Each has a database of its own; name one with "
                                           "--package CODE in any command."));
  if ((rc = parse_options (context, NULL, &argc, &argv)) >= 0)
    return rc;
  if (argc > 1)
    return usage_error (context, _("this command takes no arguments"));

  entries = upp_packages_list (&error);
  if (entries == NULL)
    return fail ("%s", error->message);
  if (entries->len == 0)
    say (stdout, "%s\n", _("No action packages yet: import one with “uppfoljning-cli import "
                           "--package CODE FILE”, or try “uppfoljning-cli demo”."));
  for (guint i = 0; i < entries->len; i++)
    {
      const UppPackageEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *week = upp_week_format (entry->last_week);

      /* Translators: “LYS-TRYGG-2026  Åtgärdspaket för trygghet — Lysekils kommun, last week 2026-W49” */
      say (stdout, _("%s  %s — %s, last week %s\n"), entry->code, entry->title,
           entry->organisation, week);
      say (stdout, "    %s\n", entry->path);
    }
  return EXIT_OK;
}

static const Command commands[] = {
  { "demo", N_("Create a database filled with the demo data"), cmd_demo },
  { "import", N_("Import package definitions and weekly reports"), cmd_import },
  { "check", N_("Validate files without importing them"), cmd_check },
  { "status", N_("The state of every action as of a week"), cmd_status },
  { "weeks", N_("Reporting compliance per department and week"), cmd_weeks },
  { "template", N_("Write a report skeleton for a department and week"), cmd_template },
  { "backup", N_("Copy the database while it is in use"), cmd_backup },
  { "export-pdf", N_("Write the PDF briefing for a week"), cmd_export_pdf },
  { "packages", N_("The action packages followed in the data folder"), cmd_packages },
  { "export-xlsx", N_("Write the actions and the reporting as a spreadsheet"), cmd_export_xlsx },
  { "revisions", N_("The package revisions, and what waits for a decision"), cmd_revisions },
  { "accept-revision", N_("Put a package revision that waits in force"), cmd_accept_revision },
  { "refuse-revision", N_("Refuse a package revision that waits"), cmd_refuse_revision },
  { NULL, NULL, NULL },
};

static void
print_usage (FILE *stream)
{
  say (stream, "%s\n\n", _("Usage: uppfoljning-cli COMMAND [OPTION…]"));
  say (stream, "%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    say (stream, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  say (stream, "\n");
  say (stream, "%s\n", _("Run “uppfoljning-cli COMMAND --help” for a command’s options."));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("UPP_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      say (stdout, "uppfoljning-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        int rc = commands[i].run (argc - 1, argv + 1);
        g_clear_pointer (&db_path, g_free);
        g_clear_pointer (&package_code, g_free);
        g_clear_pointer (&created_path, g_free);
        return rc;
      }

  say (stderr, _("uppfoljning-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}

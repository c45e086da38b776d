/* upp-spreadsheet.c — the actions and the reporting as an .xlsx workbook
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-spreadsheet"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "upp-error.h"
#include "upp-guard.h"
#include "upp-spreadsheet.h"
#include "upp-text.h"

/* Leadership sorts and filters the action table in a spreadsheet: one
 * sheet of actions as of a week, one of the reporting by department and
 * week. Dates are dates and numbers numbers, the header row is frozen and
 * filters, headers are in the language of the messages. Every text passes
 * the guard, as in the briefing, and is tamed (no control characters, no
 * direction overrides: a spreadsheet shows them as little as a page). */

/* The weeks of reporting the second sheet holds, up to the week. */
#define N_REPORTING_WEEKS 52

typedef struct
{
  lxw_workbook  *workbook;
  lxw_format    *header;
  lxw_format    *date;
  lxw_format    *percent;
} Book;

static gboolean
guard_text (const char  *text,
            const char  *what,
            GError     **error)
{
  g_autofree char *masked = upp_guard_check_text (text);

  if (masked == NULL)
    return TRUE;
  g_set_error (error, UPP_ERROR, UPP_ERROR_SENSITIVE,
               /* Translators: the first %s names the text, such as “A7 comment (week 40)” */
               _("%s contains a personal identity number (%s); the spreadsheet was not written. "
                 "Remove the number."),
               what, masked);
  return FALSE;
}

static void
write_text (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *tamed = NULL;

  if (text == NULL || *text == '\0')
    return;
  tamed = upp_text_tame (text, 40);
  worksheet_write_string (sheet, row, col, tamed, format);
}

static void
write_date (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const GDate   *date)
{
  lxw_datetime value = { 0 };

  if (date == NULL || !g_date_valid (date))
    return;
  value.year = g_date_get_year (date);
  value.month = g_date_get_month (date);
  value.day = g_date_get_day (date);
  worksheet_write_datetime (sheet, row, col, &value, book->date);
}

static void
write_header (Book               *book,
              lxw_worksheet      *sheet,
              const char * const *headers,
              const double       *widths,
              guint               n)
{
  for (guint c = 0; c < n; c++)
    {
      worksheet_write_string (sheet, 0, c, headers[c], book->header);
      worksheet_set_column (sheet, c, c, widths[c], NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
}

static gboolean
write_actions (Book        *book,
               UppStore    *store,
               UppPackage  *package,
               UppWeek      week,
               GError     **error)
{
  g_autofree char *name = g_strdup_printf (_("Actions week %d"), week.week);
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);
  g_autoptr(GPtrArray) statuses = upp_store_query_status (store, week, NULL, error);
  const char *headers[] = {
    C_("column", "Code"), C_("column", "Action"), C_("column", "Goal"), C_("column", "Lead"),
    C_("column", "Contributors"), C_("column", "Start"), C_("column", "Deadline"),
    C_("column", "Status"), C_("column", "Reason"), C_("column", "Progress"),
    C_("column", "Latest comment"), C_("column", "Next steps"), C_("column", "Risks"),
  };
  const double widths[] = { 8, 48, 32, 28, 16, 11, 11, 18, 48, 10, 60, 48, 48 };

  if (statuses == NULL)
    return FALSE;
  write_header (book, sheet, headers, widths, G_N_ELEMENTS (headers));

  for (guint i = 0; i < statuses->len; i++)
    {
      const UppActionStatus *status = statuses->pdata[i];
      const UppAction *action = upp_package_find_action (package, status->code);
      const UppGoal *goal = NULL;
      g_autoptr(GString) contributors = g_string_new (NULL);
      lxw_row_t row = i + 1;
      const struct { const char *text; const char *format; } texts[] = {
        /* Translators: “A7 title” */
        { status->title, N_("%s title") },
        { status->comment, N_("%s comment (week %d)") },
        { status->next_steps, N_("%s next steps (week %d)") },
        { status->risks, N_("%s risks (week %d)") },
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autofree char *what = NULL;

          if (texts[t].text == NULL)
            continue;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
          what = g_strdup_printf (_(texts[t].format), status->code, status->entry_week.week);
#pragma GCC diagnostic pop
          if (!guard_text (texts[t].text, what, error))
            return FALSE;
        }

      for (guint g = 0; package->goals != NULL && g < package->goals->len; g++)
        if (g_strcmp0 (((UppGoal *) package->goals->pdata[g])->code, status->goal) == 0)
          goal = package->goals->pdata[g];
      for (guint c = 0; action != NULL && c < action->contributors->len; c++)
        g_string_append_printf (contributors, "%s%s", c > 0 ? ", " : "",
                                (char *) action->contributors->pdata[c]);

      write_text (sheet, row, 0, status->code, NULL);
      write_text (sheet, row, 1, status->title, NULL);
      write_text (sheet, row, 2, goal != NULL ? goal->title : status->goal, NULL);
      write_text (sheet, row, 3, status->lead_name != NULL ? status->lead_name : status->lead,
                  NULL);
      write_text (sheet, row, 4, contributors->str, NULL);
      write_date (book, sheet, row, 5, &status->start);
      write_date (book, sheet, row, 6, &status->deadline);
      write_text (sheet, row, 7, upp_state_get_label (status->state), NULL);
      write_text (sheet, row, 8, status->reason, NULL);
      if (status->has_entry)
        worksheet_write_number (sheet, row, 9, status->progress / 100.0, book->percent);
      write_text (sheet, row, 10, status->comment, NULL);
      write_text (sheet, row, 11, status->next_steps, NULL);
      write_text (sheet, row, 12, status->risks, NULL);
    }
  worksheet_autofilter (sheet, 0, 0, statuses->len, G_N_ELEMENTS (headers) - 1);
  return TRUE;
}

static gboolean
write_reporting (Book        *book,
                 UppStore    *store,
                 UppPackage  *package,
                 UppWeek      week,
                 GError     **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, _("Reporting"));
  int n_weeks = CLAMP (upp_week_diff (week, package->first_week) + 1, 1, N_REPORTING_WEEKS);
  g_autoptr(GPtrArray) rows = upp_store_query_compliance (store, week, n_weeks, error);
  const char *headers[] = {
    C_("column", "Department"), C_("column", "Week"), C_("column", "Week starts"),
    C_("column", "Reporting"),
  };
  const double widths[] = { 32, 10, 12, 14 };
  lxw_row_t row = 0;

  if (rows == NULL)
    return FALSE;
  write_header (book, sheet, headers, widths, G_N_ELEMENTS (headers));

  /* One row per department and week: what a filter and a pivot table
   * want, rather than a grid. */
  for (guint i = 0; i < rows->len; i++)
    {
      const UppComplianceRow *department = rows->pdata[i];

      for (guint w = 0; w < department->n_weeks; w++)
        {
          UppWeek this_week = upp_week_add (department->first_week, w);
          g_autofree char *label = upp_week_format (this_week);
          GDate monday;

          row++;
          write_text (sheet, row, 0, department->department_name, NULL);
          write_text (sheet, row, 1, label, NULL);
          upp_week_get_day (this_week, 1, &monday);
          write_date (book, sheet, row, 2, &monday);
          write_text (sheet, row, 3, upp_compliance_get_label (department->cells[w]), NULL);
        }
    }
  worksheet_autofilter (sheet, 0, 0, row, G_N_ELEMENTS (headers) - 1);
  return TRUE;
}

static gboolean
take_error (lxw_error   status,
            const char *path,
            GError    **error)
{
  if (status == LXW_NO_ERROR)
    return FALSE;
  g_set_error (error, UPP_ERROR, UPP_ERROR_FAILED, _("Could not write %s: %s"), path,
               lxw_strerror (status));
  return TRUE;
}

/**
 * upp_spreadsheet_write:
 * @store: a #UppStore with a package
 * @week: the week the actions are "as of"
 * @generated: (nullable): the creation date it records; %NULL for now
 *   (or `SOURCE_DATE_EPOCH`)
 * @path: the .xlsx file to write; replaced whole, or not at all
 * @error: a #GError
 *
 * Writes two sheets: every action as of @week (code, title, goal, lead,
 * contributors, start, deadline, status, reason, progress, latest comment,
 * next steps, risks) and the reporting of each department in each week up
 * to @week. Refuses, writing nothing, when a text holds a personal
 * identity number. Blocks: call it in a worker thread.
 *
 * Returns: whether the file was written
 */
gboolean
upp_spreadsheet_write (UppStore    *store,
                       UppWeek      week,
                       GDateTime   *generated,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(UppPackage) package = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) now = NULL;
  lxw_workbook_options options = { 0 };
  lxw_doc_properties properties = { 0 };
  Book book = { 0 };
  gboolean ok;
  lxw_error status;
  locale_t c_numbers;
  locale_t previous;
  int fd;

  g_return_val_if_fail (UPP_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!upp_week_is_valid (week))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK, _("%d-W%02d is not a week"),
                   week.year, week.week);
      return FALSE;
    }
  package = upp_store_get_package (store, error);
  if (package == NULL)
    return FALSE;

  /* Next to the file, then renamed over it: a reader never sees half. */
  dir = g_path_get_dirname (path);
  tmp_path = g_build_filename (dir, ".uppfoljning-XXXXXX.xlsx", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, UPP_ERROR, UPP_ERROR_FAILED, _("Could not write %s: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);

  /* libxlsxwriter writes numbers with snprintf: under a Swedish locale
   * 0.8 would become "0,8", which no spreadsheet reads. This thread writes
   * with the C locale's numbers, whatever the process's. */
  c_numbers = newlocale (LC_NUMERIC_MASK, "C", duplocale (uselocale ((locale_t) 0)));
  previous = uselocale (c_numbers);
  book.workbook = workbook_new_opt (tmp_path, &options);
  if (book.workbook == NULL)
    {
      uselocale (previous);
      freelocale (c_numbers);
      g_unlink (tmp_path);
      g_set_error (error, UPP_ERROR, UPP_ERROR_FAILED, _("Could not write %s"), path);
      return FALSE;
    }
  book.header = workbook_add_format (book.workbook);
  format_set_bold (book.header);
  format_set_bottom (book.header, LXW_BORDER_THIN);
  book.date = workbook_add_format (book.workbook);
  format_set_num_format (book.date, "yyyy-mm-dd");
  book.percent = workbook_add_format (book.workbook);
  format_set_num_format (book.percent, "0%");

  title = g_strdup_printf (_("%s: actions as of week %d"), package->title, week.week);
  now = generated != NULL ? g_date_time_ref (generated) : NULL;
  if (now == NULL)
    {
      const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

      now = epoch != NULL && *epoch != '\0'
            ? g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10))
            : g_date_time_new_now_utc ();
    }
  properties.title = title;
  properties.company = package->organisation;
  properties.created = (time_t) g_date_time_to_unix (now);
  workbook_set_properties (book.workbook, &properties);

  ok = guard_text (package->title, _("The package title"), error) &&
       write_actions (&book, store, package, week, error) &&
       write_reporting (&book, store, package, week, error);
  status = workbook_close (book.workbook);
  uselocale (previous);
  freelocale (c_numbers);
  if (ok && take_error (status, path, error))
    ok = FALSE;
  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_set_error (error, UPP_ERROR, UPP_ERROR_FAILED, _("Could not write %s: %s"), path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}

typedef struct
{
  UppWeek    week;
  GDateTime *generated;
  char      *path;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_date_time_unref (data->generated);
  g_free (data->path);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (upp_spreadsheet_write (source, data->week, data->generated, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * upp_spreadsheet_write_async:
 * @store: a #UppStore with a package
 * @week: the week the actions are "as of"
 * @path: the .xlsx file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the export failed
 * @user_data: for @callback
 *
 * upp_spreadsheet_write() in a worker thread, for the GUI. Finish with
 * upp_spreadsheet_write_finish().
 */
void
upp_spreadsheet_write_async (UppStore            *store,
                             UppWeek              week,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (UPP_IS_STORE (store));
  g_return_if_fail (path != NULL);

  data = g_new0 (WriteData, 1);
  data->week = week;
  /* "Now" is fixed here, not in the thread. */
  data->generated = g_date_time_new_now_utc ();
  data->path = g_strdup (path);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_spreadsheet_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * upp_spreadsheet_write_finish:
 * @store: the #UppStore given to upp_spreadsheet_write_async()
 * @result: the #GAsyncResult given to the callback
 * @error: a #GError
 *
 * Returns: %TRUE if the workbook was written
 */
gboolean
upp_spreadsheet_write_finish (UppStore      *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_spreadsheet_write_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

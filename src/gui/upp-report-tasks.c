/* upp-report-tasks.c — the report form's store work, in worker threads
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report window never waits on SQL: a query can wait the store's busy
 * timeout behind an import or the command line. Everything it asks of the
 * store runs here, in GTask threads, on what the task data holds (a
 * reference on the store, the dashboard whose package is in force, copies
 * of the values), never on widgets. The window applies the results in the
 * callbacks, or drops them when they are stale.
 *
 * Loads and draft writes run one after the other, in the order the GUI
 * started them: leaving a week writes its draft and coming back reads it,
 * so the read must see the write; and two writes of one draft must land in
 * the order they were made.
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "upp-blocking.h"
#include "upp-error.h"
#include "upp-import.h"
#include "upp-report-tasks.h"

void
upp_report_load_free (UppReportLoad *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->form, upp_report_form_free);
  g_free (self);
}

void
upp_report_sent_free (UppReportSent *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->form, upp_report_form_free);
  g_clear_pointer (&self->previous, upp_report_form_free);
  g_clear_pointer (&self->dashboard, upp_dashboard_unref);
  g_free (self->display_name);
  g_free (self);
}

static const UppPackage *
dashboard_package (UppDashboard *dashboard)
{
  return dashboard != NULL ? dashboard->package : NULL;
}

/* One after the other */

static GMutex serial_lock;
static GQueue serial_waiting = G_QUEUE_INIT; /* GTask, each with its function */
static gboolean serial_running;

static GQuark
serial_func_quark (void)
{
  return g_quark_from_static_string ("upp-report-serial-func");
}

static void
serial_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GTaskThreadFunc func = g_object_get_qdata (G_OBJECT (task), serial_func_quark ());
  GTask *next;

  func (task, source_object, task_data, cancellable);

  /* The next one starts when this one is done, not before. */
  g_mutex_lock (&serial_lock);
  next = g_queue_pop_head (&serial_waiting);
  if (next == NULL)
    serial_running = FALSE;
  g_mutex_unlock (&serial_lock);
  if (next != NULL)
    {
      g_task_run_in_thread (next, serial_thread);
      g_object_unref (next);
    }
}

static void
run_in_order (GTask           *task,
              GTaskThreadFunc  func)
{
  g_object_set_qdata (G_OBJECT (task), serial_func_quark (), func);
  g_mutex_lock (&serial_lock);
  if (serial_running)
    {
      g_queue_push_tail (&serial_waiting, g_object_ref (task));
      g_mutex_unlock (&serial_lock);
      return;
    }
  serial_running = TRUE;
  g_mutex_unlock (&serial_lock);
  g_task_run_in_thread (task, serial_thread);
}

/* A report in the store, read with @package */
static UppReportForm *
form_from_document (UppStore          *store,
                    gint64             id,
                    const UppPackage  *package,
                    GError           **error)
{
  g_autoptr(GBytes) bytes = upp_store_get_document_bytes (store, id, error);
  const char *data;
  gsize length;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return upp_report_form_new_from_json (data, length, package, error);
}

/* Loading a department's week */

typedef struct
{
  UppStore     *store;
  UppDashboard *dashboard;
  char         *department;
  UppWeek       week;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->dashboard, upp_dashboard_unref);
  g_free (data->department);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  const UppPackage *package = dashboard_package (data->dashboard);
  g_autoptr(UppReportLoad) load = g_new0 (UppReportLoad, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;
  gint64 existing;

  /* Superseded by another department or week before it started. */
  if (g_task_return_error_if_cancelled (task))
    return;

  existing = upp_report_find_document (data->store, data->department, data->week, NULL,
                                       &load->n_reports);
  draft = upp_store_get_draft (data->store, data->department, data->week);
  if (draft != NULL)
    load->form = upp_report_form_new_from_json (draft, -1, package, NULL);
  load->from_draft = load->form != NULL;
  if (load->form == NULL && existing > 0)
    load->form = form_from_document (data->store, existing, package, NULL);
  if (load->form == NULL)
    load->form = upp_report_form_new_template (data->store, data->department, data->week, &error);
  if (load->form == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A draft's `submitted` is when it was last kept, a report's when it
   * was sent: this one is submitted when it is saved. */
  g_clear_pointer (&load->form->submitted, g_free);
  g_task_return_pointer (task, g_steal_pointer (&load), (GDestroyNotify) upp_report_load_free);
}

/**
 * upp_report_load_async:
 * @store: the store
 * @dashboard: (nullable): the dashboard whose package is in force
 * @department: a department's code
 * @week: the week to report on
 * @cancellable: (nullable): cancelled when another week supersedes this one
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Finds what the form shows for @department and @week: the draft if there
 * is one, else the report already sent for that week (saving then writes a
 * correction), else the skeleton the command line's template gives. Runs
 * after the loads and draft writes started before it.
 */
void
upp_report_load_async (UppStore            *store,
                       UppDashboard        *dashboard,
                       const char          *department,
                       UppWeek              week,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (UPP_IS_STORE (store));
  g_return_if_fail (department != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_report_load_async);
  data = g_new0 (LoadData, 1);
  data->store = g_object_ref (store);
  data->dashboard = dashboard != NULL ? upp_dashboard_ref (dashboard) : NULL;
  data->department = g_strdup (department);
  data->week = week;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  run_in_order (task, load_thread);
}

/**
 * upp_report_load_finish:
 * @result: the result
 * @error: a #GError; %G_IO_ERROR_CANCELLED when superseded
 *
 * Returns: (transfer full) (nullable): what to show
 */
UppReportLoad *
upp_report_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_report_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Drafts */

typedef struct
{
  UppStore *store;
  char     *department;
  UppWeek   week;
  char     *json;
} DraftData;

static void
draft_data_free (DraftData *data)
{
  g_clear_object (&data->store);
  g_free (data->department);
  g_free (data->json);
  g_free (data);
}

static void
draft_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DraftData *data = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* A draft is small and written in one statement; the store serialises
   * it with any import that runs. */
  if (data->json != NULL)
    ok = upp_store_save_draft (data->store, data->department, data->week, data->json, &error);
  else
    ok = upp_store_delete_draft (data->store, data->department, data->week, &error);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * upp_report_draft_write_async:
 * @store: the store
 * @department: a department's code
 * @week: the week
 * @json: (nullable): the draft to keep; %NULL deletes it
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Keeps (or deletes) the draft of @department's report for @week, after
 * the loads and draft writes started before. Not cancellable: what was
 * typed is written even when the form is gone; the task holds what it
 * needs.
 */
void
upp_report_draft_write_async (UppStore            *store,
                              const char          *department,
                              UppWeek              week,
                              const char          *json,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DraftData *data;

  g_return_if_fail (UPP_IS_STORE (store));
  g_return_if_fail (department != NULL);

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, upp_report_draft_write_async);
  data = g_new0 (DraftData, 1);
  data->store = g_object_ref (store);
  data->department = g_strdup (department);
  data->week = week;
  data->json = g_strdup (json);
  g_task_set_task_data (task, data, (GDestroyNotify) draft_data_free);
  run_in_order (task, draft_thread);
}

/**
 * upp_report_draft_write_finish:
 * @result: the result
 * @error: a #GError
 *
 * Returns: whether the draft was written (or deleted)
 */
gboolean
upp_report_draft_write_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_report_draft_write_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Checking with the importer's rules */

typedef struct
{
  UppStore      *store;
  UppReportForm *form;
  int            revision;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->form, upp_report_form_free);
  g_free (data);
}

static GTask *
new_check_task (UppStore            *store,
                const UppReportForm *form,
                int                  revision,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  CheckData *data = g_new0 (CheckData, 1);

  data->store = store != NULL ? g_object_ref (store) : NULL;
  data->form = upp_report_form_copy (form);
  data->revision = revision;
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  return task;
}

static void
validate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  CheckData *data = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, upp_report_form_validate (data->form, data->store),
                         (GDestroyNotify) g_ptr_array_unref);
}

/**
 * upp_report_validate_async:
 * @store: (nullable): the store whose package the report is checked
 *   against; %NULL checks it by itself
 * @form: the values, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * upp_report_form_validate() on a copy of @form, in a worker thread.
 */
void
upp_report_validate_async (UppStore            *store,
                           const UppReportForm *form,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (store == NULL || UPP_IS_STORE (store));
  g_return_if_fail (form != NULL);

  task = new_check_task (store, form, 1, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_report_validate_async);
  g_task_run_in_thread (task, validate_thread);
}

/**
 * upp_report_validate_finish:
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppReportProblem): the problems,
 *   empty when there are none
 */
GPtrArray *
upp_report_validate_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_report_validate_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GBytes    *bytes;
  GPtrArray *problems;
} Final;

static void
final_free (Final *final)
{
  g_clear_pointer (&final->bytes, g_bytes_unref);
  g_clear_pointer (&final->problems, g_ptr_array_unref);
  g_free (final);
}

static void
final_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  Final *final;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UppDocument) document = NULL;
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  problems = upp_report_form_validate (data->form, data->store);
  if (problems->len == 0)
    {
      /* As it will be sent: submitted now, and checked once more on the
       * very bytes. */
      data->form->submitted = upp_report_now ();
      json = upp_report_form_to_json (data->form);
      name = upp_report_form_get_filename (data->form, data->revision);
      bytes = g_bytes_new (json, strlen (json));
      document = upp_document_parse (name, bytes, data->store);
      if (document->problems->len > 0)
        {
          g_task_return_new_error (task, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT, "%s",
                                   (const char *) g_ptr_array_index (document->problems, 0));
          return;
        }
    }
  final = g_new0 (Final, 1);
  final->problems = problems->len > 0 ? g_steal_pointer (&problems) : NULL;
  final->bytes = final->problems == NULL ? g_steal_pointer (&bytes) : NULL;
  g_task_return_pointer (task, final, (GDestroyNotify) final_free);
}

/**
 * upp_report_final_async:
 * @store: (nullable): as for upp_report_validate_async()
 * @form: the values, copied
 * @revision: what saving writes: 1, or 2… for a correction
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * The report as it will be sent, in a worker thread: checked with the
 * importer's rules, then submitted now and checked once more on the very
 * bytes.
 */
void
upp_report_final_async (UppStore            *store,
                        const UppReportForm *form,
                        int                  revision,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (store == NULL || UPP_IS_STORE (store));
  g_return_if_fail (form != NULL);

  task = new_check_task (store, form, revision, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_report_final_async);
  g_task_run_in_thread (task, final_thread);
}

/**
 * upp_report_final_finish:
 * @result: the result
 * @out_problems: (out) (transfer full) (optional) (element-type UppReportProblem):
 *   set when the values have problems: nothing is returned then, and no
 *   error is set
 * @error: a #GError: the final check on the bytes failed
 *
 * Returns: (transfer full) (nullable): the report's bytes, to be sent
 */
GBytes *
upp_report_final_finish (GAsyncResult  *result,
                         GPtrArray    **out_problems,
                         GError       **error)
{
  Final *final;
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_report_final_async, NULL);

  if (out_problems != NULL)
    *out_problems = NULL;
  final = g_task_propagate_pointer (G_TASK (result), error);
  if (final == NULL)
    return NULL;
  if (out_problems != NULL)
    *out_problems = g_steal_pointer (&final->problems);
  bytes = g_steal_pointer (&final->bytes);
  final_free (final);
  return bytes;
}

/* A report as it was sent */

typedef struct
{
  UppStore     *store;
  UppDashboard *dashboard;
  gint64        document_id;
  GFile        *file;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->dashboard, upp_dashboard_unref);
  g_clear_object (&data->file);
  g_free (data);
}

/* The form of @bytes, a report; with the revision it corrects. */
static UppReportSent *
read_sent (OpenData  *data,
           GBytes    *bytes,
           GError   **error)
{
  const UppPackage *package = dashboard_package (data->dashboard);
  g_autoptr(UppReportSent) sent = g_new0 (UppReportSent, 1);
  const char *contents;
  gsize length;
  gint64 previous;
  guint n_earlier = 0;

  contents = g_bytes_get_data (bytes, &length);
  sent->form = upp_report_form_new_from_json (contents, length, package, error);
  if (sent->form == NULL)
    return NULL;
  sent->revision = 1;
  sent->dashboard = data->dashboard != NULL ? upp_dashboard_ref (data->dashboard) : NULL;
  if (data->store != NULL && sent->form->submitted != NULL)
    {
      /* The revision this one corrects: the last submitted before it; and
       * its place among the week's reports, counted from the original. */
      previous = upp_report_find_document (data->store, sent->form->department, sent->form->week,
                                           sent->form->submitted, &n_earlier);
      if (previous > 0)
        sent->previous = form_from_document (data->store, previous, package, NULL);
      sent->revision = n_earlier + 1;
    }
  return g_steal_pointer (&sent);
}

static void
open_document_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  UppReportSent *sent;

  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = upp_store_get_document_bytes (data->store, data->document_id, &error);
  sent = bytes != NULL ? read_sent (data, bytes, &error) : NULL;
  if (sent == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, sent, (GDestroyNotify) upp_report_sent_free);
}

/**
 * upp_report_open_document_async:
 * @store: (nullable): the store; %NULL fails: the database is not open
 * @dashboard: (nullable): the dashboard whose package is in force
 * @document_id: a report's id in the store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Reads a report as it was imported, and the revision it corrects.
 * Finish with upp_report_open_finish().
 */
void
upp_report_open_document_async (UppStore            *store,
                                UppDashboard        *dashboard,
                                gint64               document_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (store == NULL || UPP_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_report_open_document_async);
  if (store == NULL)
    {
      g_task_return_new_error (task, UPP_ERROR, UPP_ERROR_NOT_FOUND, "%s",
                               _("The database is not open"));
      return;
    }
  data = g_new0 (OpenData, 1);
  data->store = g_object_ref (store);
  data->dashboard = dashboard != NULL ? upp_dashboard_ref (dashboard) : NULL;
  data->document_id = document_id;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_document_thread);
}

static GError *
not_a_report (void)
{
  return g_error_new_literal (UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT, _("Not a weekly report"));
}

/* The file's bytes, if it is a regular file of at most
 * UPP_IMPORT_MAX_BYTES: read in pieces, so that a file that grows while it
 * is read is not read to its end. */
static GBytes *
read_file (GFile         *file,
           char         **out_display_name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  guint8 piece[64 * 1024];

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE
                            "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  /* A folder, a device or a pipe is not a report (and a pipe would block
   * the read); a file too large is not read at all. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > UPP_IMPORT_MAX_BYTES)
    {
      g_propagate_error (error, not_a_report ());
      return NULL;
    }
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  buffer = g_byte_array_new ();
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), piece, sizeof piece, cancellable,
                                      error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (buffer, piece, n);
      if (buffer->len > UPP_IMPORT_MAX_BYTES)
        {
          g_propagate_error (error, not_a_report ());
          return NULL;
        }
    }
  *out_display_name = g_strdup (g_file_info_get_display_name (info));
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static void
open_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UppDocument) document = NULL;
  g_autofree char *name = NULL;
  UppReportSent *sent;

  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = read_file (data->file, &name, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The strict reader first: it has a depth limit, checks the encoding and
   * reports problems without recursing. Only a report goes any further;
   * json-glib, which recurses once per level, sees nothing else. */
  document = upp_document_parse (name, bytes, data->store);
  if (document->kind != UPP_DOCUMENT_REPORT)
    {
      g_task_return_error (task, not_a_report ());
      return;
    }
  sent = read_sent (data, bytes, &error);
  if (sent == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sent->display_name = g_steal_pointer (&name);
  g_task_return_pointer (task, sent, (GDestroyNotify) upp_report_sent_free);
}

/**
 * upp_report_open_file_async:
 * @store: (nullable): the store the report is compared with
 * @dashboard: (nullable): the dashboard whose package is in force
 * @file: a file from outside: double-clicked, opened with the app
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Reads a report file (at most %UPP_IMPORT_MAX_BYTES), checks with the
 * importer's strict reader that it is a weekly report, and finds the
 * revision it corrects. Anything else (a package, a folder, a file too
 * large, too deep, not UTF-8, not JSON) fails with
 * %UPP_ERROR_INVALID_DOCUMENT: for the import to report. Finish with
 * upp_report_open_finish().
 */
void
upp_report_open_file_async (UppStore            *store,
                            UppDashboard        *dashboard,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (store == NULL || UPP_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_report_open_file_async);
  data = g_new0 (OpenData, 1);
  data->store = store != NULL ? g_object_ref (store) : NULL;
  data->dashboard = dashboard != NULL ? upp_dashboard_ref (dashboard) : NULL;
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_file_thread);
}

/**
 * upp_report_open_finish:
 * @result: the result of upp_report_open_document_async() or
 *   upp_report_open_file_async()
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the report
 */
UppReportSent *
upp_report_open_finish (GAsyncResult  *result,
                        GError       **error)
{
  gpointer tag;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  tag = g_task_get_source_tag (G_TASK (result));
  g_return_val_if_fail (tag == upp_report_open_document_async || tag == upp_report_open_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The report as a file for the importer: in a folder of its own under the
 * temporary directory, named as the department would name it */

/* Writes @bytes as @name in a new temporary folder; the file's path. */
static char *
write_import_file (const char  *name,
                   GBytes      *bytes,
                   GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;

  upp_blocking_check ("Writing the report to import");
  folder = g_dir_make_tmp ("uppfoljning-report-XXXXXX", error);
  if (folder == NULL)
    return NULL;
  path = g_build_filename (folder, name, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            error))
    {
      g_rmdir (folder);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Removes the file and its folder. */
static void
remove_import_file (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  upp_blocking_check ("Removing the imported report");
  g_remove (path);
  g_rmdir (folder);
}

typedef struct
{
  char   *name;
  GBytes *bytes;
} ImportFileData;

static void
import_file_data_free (ImportFileData *data)
{
  g_free (data->name);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
write_import_file_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  ImportFileData *data = task_data;
  GError *error = NULL;
  char *path = write_import_file (data->name, data->bytes, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

/**
 * upp_report_import_file_write_async:
 * @name: the file's name
 * @bytes: the report
 * @callback: called when it is written
 * @user_data: for @callback
 *
 * Writes the report, in a worker thread, as @name in a new folder under
 * the temporary directory: the file the form asks the window to import.
 */
void
upp_report_import_file_write_async (const char          *name,
                                    GBytes              *bytes,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportFileData *data;

  g_return_if_fail (name != NULL && bytes != NULL);

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, upp_report_import_file_write_async);
  data = g_new0 (ImportFileData, 1);
  data->name = g_strdup (name);
  data->bytes = g_bytes_ref (bytes);
  g_task_set_task_data (task, data, (GDestroyNotify) import_file_data_free);
  g_task_run_in_thread (task, write_import_file_thread);
}

/**
 * upp_report_import_file_write_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: a #GError
 *
 * Returns: (transfer full): the file's path, or %NULL with @error set;
 *   remove it with upp_report_import_file_remove()
 */
char *
upp_report_import_file_write_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        upp_report_import_file_write_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
remove_import_file_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  remove_import_file (task_data);
  g_task_return_boolean (task, TRUE);
}

/**
 * upp_report_import_file_remove:
 * @path: a path from upp_report_import_file_write_finish()
 *
 * Removes the file and its folder, in a worker thread.
 */
void
upp_report_import_file_remove (const char *path)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, upp_report_import_file_remove);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, remove_import_file_thread);
}

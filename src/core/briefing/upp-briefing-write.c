/* upp-briefing-write.c — writing the PDF: to a stream, to a file, or in a worker thread
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "upp-briefing-private.h"

/* The PDF; join @freeing once it is written. */
static GBytes *
render (UppStore                  *store,
        const UppBriefingOptions  *options,
        GCancellable              *cancellable,
        GThread                  **freeing,
        GError                   **error)
{
  g_autoptr(UppBriefing) self = NULL;

  *freeing = NULL;
  self = upp_briefing_new (store, options, error);
  if (self == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return upp_briefing_render_pdf (g_steal_pointer (&self), freeing, error);
}

/**
 * upp_briefing_write_to_stream:
 * @store: a #UppStore with a package
 * @options: what to write
 * @stream: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Writes the briefing as a tagged PDF. Nothing is written when the
 * sensitive-data guard refuses, or anything else fails before the first
 * byte: the whole PDF is made in memory first.
 *
 * Returns: %TRUE on success
 */
gboolean
upp_briefing_write_to_stream (UppStore                  *store,
                              const UppBriefingOptions  *options,
                              GOutputStream             *stream,
                              GCancellable              *cancellable,
                              GError                   **error)
{
  g_autoptr(GBytes) pdf = NULL;
  GThread *freeing;
  gboolean ok = FALSE;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  pdf = render (store, options, cancellable, &freeing, error);
  if (pdf != NULL)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (pdf, &size);

      ok = g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
    }
  if (freeing != NULL)
    g_thread_join (freeing);
  return ok;
}

/* The PDF replaces the file whole (a temporary file renamed over it), or
 * the file is left as it was. */
static gboolean
write_file (UppStore                  *store,
            const UppBriefingOptions  *options,
            GFile                     *file,
            GCancellable              *cancellable,
            GError                   **error)
{
  GThread *freeing;
  g_autoptr(GBytes) pdf = render (store, options, cancellable, &freeing, error);
  gboolean ok = FALSE;

  if (pdf != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (pdf, &size);

      ok = g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                    cancellable, error);
    }
  if (freeing != NULL)
    g_thread_join (freeing);
  return ok;
}

/**
 * upp_briefing_write:
 * @store: a #UppStore with a package
 * @options: what to write
 * @path: the PDF file to write (replaced whole, or not at all)
 * @error: a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
upp_briefing_write (UppStore                  *store,
                    const UppBriefingOptions  *options,
                    const char                *path,
                    GError                   **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  return write_file (store, options, file, NULL, error);
}

typedef struct
{
  UppBriefingOptions  options;
  char               *organisation;
  char               *language;
  GFile              *file;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->options.generated, g_date_time_unref);
  g_free (data->organisation);
  g_free (data->language);
  g_clear_object (&data->file);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  GError *error = NULL;

  if (write_file (source_object, &data->options, data->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * upp_briefing_write_async:
 * @store: a #UppStore with a package
 * @options: what to write; copied
 * @file: the PDF file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the export failed
 * @user_data: for @callback
 *
 * Writes the briefing in a worker thread, for the GUI. Finish with
 * upp_briefing_write_finish().
 */
void
upp_briefing_write_async (UppStore                 *store,
                          const UppBriefingOptions *options,
                          GFile                    *file,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (UPP_IS_STORE (store));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (WriteData, 1);
  data->options = *options;
  /* Fix "now" here, not in the thread. */
  data->options.generated = options->generated != NULL ? g_date_time_ref (options->generated)
                                                       : upp_briefing_default_generated ();
  data->organisation = g_strdup (options->organisation);
  data->language = g_strdup (options->language);
  data->options.organisation = data->organisation;
  data->options.language = data->language;
  data->file = g_object_ref (file);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_briefing_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * upp_briefing_write_finish:
 * @store: the #UppStore given to upp_briefing_write_async()
 * @result: the #GAsyncResult given to the callback
 * @error: a #GError
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
upp_briefing_write_finish (UppStore      *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_briefing_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

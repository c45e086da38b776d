/* upp-report-draft.c — what was typed, kept in the database until the report is sent or discarded
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-dashboard.h"
#include "upp-report-window-private.h"

typedef struct
{
  UppReportPending *pending;
  GApplication     *app;      /* held: the process waits for the write */
  gboolean          save;     /* a draft kept, not deleted */
  UppReportWritten  done;
  gpointer          done_data;
  GDestroyNotify    done_destroy;
} Write;

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Write *write = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = upp_report_draft_write_finish (result, &error);
  guint form_serial;
  g_autoptr(UppReportWindow) self = upp_report_pending_take (write->pending, NULL, &form_serial);

  if (self == NULL)
    {
      /* The form is gone (destroyed with the main window): nobody to tell
       * but the log. */
      if (!ok && write->save)
        g_warning ("The draft was not kept: %s", error->message);
      else if (!ok)
        g_warning ("Could not delete the draft: %s", error->message);
    }
  else
    {
      self->n_writes--;
      if (!ok && write->save)
        {
          g_autofree char *message = g_strdup_printf (_("The draft was not kept: %s"),
                                                      error->message);

          /* Still to be kept, and the form stays open so that it is not
           * lost with it. */
          if (form_serial == self->form_serial)
            self->dirty = TRUE;
          if (self->closing)
            {
              self->closing = FALSE;
              self->kept_on_close = FALSE;
              gtk_window_present (GTK_WINDOW (self));
            }
          upp_report_window_show_toast (self, message);
        }
      else if (!ok)
        g_warning ("Could not delete the draft: %s", error->message);
      if (write->done != NULL)
        write->done (self, ok, write->done_data);
      upp_report_window_finish_close (self);
    }

  if (write->done_destroy != NULL)
    write->done_destroy (write->done_data);
  if (write->app != NULL)
    {
      g_application_release (write->app);
      g_object_unref (write->app);
    }
  g_free (write);
}

/* Keeps @json as the draft of @department's report for @week, or deletes
 * the draft when @json is %NULL, in a worker thread; then calls @done if
 * the window is still there. */
void
upp_report_window_write_draft (UppReportWindow  *self,
                               const char       *department,
                               UppWeek           week,
                               const char       *json,
                               UppReportWritten  done,
                               gpointer          done_data,
                               GDestroyNotify    done_destroy)
{
  UppStore *store = upp_report_window_get_store (self);
  Write *write;

  if (store == NULL)
    {
      if (done != NULL)
        done (self, FALSE, done_data);
      if (done_destroy != NULL)
        done_destroy (done_data);
      return;
    }
  write = g_new0 (Write, 1);
  write->pending = upp_report_pending_new (self);
  write->save = json != NULL;
  write->done = done;
  write->done_data = done_data;
  write->done_destroy = done_destroy;
  /* Closing the last window must not end the process before what was
   * typed is in the database. */
  write->app = g_application_get_default ();
  if (write->app != NULL)
    {
      g_object_ref (write->app);
      g_application_hold (write->app);
    }
  self->n_writes++;
  upp_report_draft_write_async (store, department, week, json, on_written, write);
}

/**
 * upp_report_window_save_draft_now:
 * @self: a #UppReportWindow
 *
 * Keeps what was typed in the database, if anything changed since the
 * last draft: the form is restored from it when the same department and
 * week are opened again. The draft is written in the background; while it
 * is, upp_report_window_get_busy() is %TRUE.
 */
void
upp_report_window_save_draft_now (UppReportWindow *self)
{
  g_autofree char *json = NULL;

  g_return_if_fail (UPP_IS_REPORT_WINDOW (self));

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (!self->dirty || self->read_only || self->form == NULL ||
      upp_report_window_get_store (self) == NULL)
    return;
  /* What is typed from now on makes the form dirty again. */
  json = upp_report_form_to_json (self->form);
  self->dirty = FALSE;
  upp_report_window_write_draft (self, self->form->department, self->form->week, json, NULL, NULL,
                                 NULL);
}

void
upp_report_window_delete_draft (UppReportWindow *self)
{
  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->dirty = FALSE;
  if (self->form == NULL)
    return;
  upp_report_window_write_draft (self, self->form->department, self->form->week, NULL, NULL, NULL,
                                 NULL);
}

/* Discarding */

/**
 * upp_report_window_discard:
 * @self: a #UppReportWindow
 *
 * Deletes the draft and closes the form, without asking. The form goes
 * once the draft is deleted.
 */
void
upp_report_window_discard (UppReportWindow *self)
{
  g_return_if_fail (UPP_IS_REPORT_WINDOW (self));

  upp_report_window_delete_draft (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     UppReportWindow  *self)
{
  if (g_str_equal (response, "discard"))
    upp_report_window_discard (self);
}

void
upp_report_window_discard_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  UppReportWindow *self = UPP_REPORT_WINDOW (widget);
  g_autofree char *week = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->form == NULL)
    return;
  week = upp_dashboard_week_title (self->form->week);
  /* Translators: “What you wrote for Week 49, 2026 will be lost.” */
  body = g_strdup_printf (_("What you wrote for %s will be lost."), week);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Draft?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

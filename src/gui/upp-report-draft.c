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

/**
 * upp_report_window_save_draft_now:
 * @self: a #UppReportWindow
 *
 * Keeps what was typed in the database, if anything changed since the
 * last draft: the form is restored from it when the same department and
 * week are opened again.
 */
void
upp_report_window_save_draft_now (UppReportWindow *self)
{
  UppStore *store;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_return_if_fail (UPP_IS_REPORT_WINDOW (self));

  g_clear_handle_id (&self->draft_id, g_source_remove);
  store = upp_report_window_get_store (self);
  if (!self->dirty || self->read_only || self->form == NULL || store == NULL)
    return;
  /* A draft is small and written in one statement; the store serialises
   * it with any import that runs. */
  json = upp_report_form_to_json (self->form);
  if (!upp_store_save_draft (store, self->form->department, self->form->week, json, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The draft was not kept: %s"), error->message);

      upp_report_window_show_toast (self, message);
      return;
    }
  self->dirty = FALSE;
}

void
upp_report_window_delete_draft (UppReportWindow *self)
{
  UppStore *store = upp_report_window_get_store (self);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_id, g_source_remove);
  self->dirty = FALSE;
  if (store == NULL || self->form == NULL)
    return;
  if (!upp_store_delete_draft (store, self->form->department, self->form->week, &error))
    g_warning ("Could not delete the draft: %s", error->message);
}

/* Discarding */

/**
 * upp_report_window_discard:
 * @self: a #UppReportWindow
 *
 * Deletes the draft and closes the form, without asking.
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

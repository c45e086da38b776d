/* upp-report-problems.c — the importer's rules run on the form: each
 * problem shown at its field, the summary above, and going to one
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-report-text-row.h"
#include "upp-report-window-private.h"

static void
set_field_message (UppReportField *field,
                   const char     *message)
{
  if (g_strcmp0 (field->message, message) == 0)
    return;
  g_free (field->message);
  field->message = g_strdup (message);

  if (UPP_IS_REPORT_TEXT_ROW (field->input))
    {
      upp_report_text_row_set_message (UPP_REPORT_TEXT_ROW (field->input), message);
      return;
    }
  if (field->message_label != NULL)
    gtk_label_set_label (field->message_label, message != NULL ? message : "");
  if (field->message_row != NULL)
    gtk_widget_set_visible (field->message_row, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (field->row, "field-error");
      if (ADW_IS_ENTRY_ROW (field->row))
        gtk_widget_add_css_class (field->row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "field-error");
      gtk_widget_remove_css_class (field->row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field->input), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
update_problem_summary (UppReportWindow *self)
{
  guint n = self->problems != NULL ? self->problems->len : 0;
  g_autofree char *text = NULL;

  if (n == 1)
    {
      const UppReportProblem *problem = g_ptr_array_index (self->problems, 0);
      UppReportField *field = problem->key != NULL
                                ? g_hash_table_lookup (self->fields, problem->key) : NULL;
      const char *place = field != NULL ? field->place : problem->key;

      if (place != NULL)
        /* Translators: the one problem that blocks saving, “A12, Progress: is 95, but …” */
        text = g_strdup_printf (_("Cannot be saved yet — %s: %s"), place, problem->message);
      else
        text = g_strdup_printf (_("Cannot be saved yet — %s"), problem->message);
    }
  else if (n > 1)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u problem must be fixed before the report can be saved",
                                         "%u problems must be fixed before the report can be saved",
                                         n),
                            n);
  if (text != NULL)
    gtk_label_set_label (self->problems_label, text);
  gtk_revealer_set_reveal_child (self->problems_revealer, n > 0);
}

static void
apply_problems (UppReportWindow *self)
{
  g_autoptr(GHashTable) messages = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      const UppReportProblem *problem = g_ptr_array_index (self->problems, i);

      /* The first problem of a field is the one to fix first. */
      if (problem->key != NULL && !g_hash_table_contains (messages, problem->key))
        g_hash_table_insert (messages, problem->key, problem->message);
    }

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      UppReportField *field = value;

      set_field_message (field, g_hash_table_lookup (messages, field->key));
    }

  if (self->form != NULL)
    for (guint i = 0; i < self->form->entries->len; i++)
      {
        const UppReportFormEntry *entry = g_ptr_array_index (self->form->entries, i);

        upp_report_window_update_expander (self, entry->action);
      }
  update_problem_summary (self);
  upp_report_window_update_actions (self);
}

guint
upp_report_window_count_problems (UppReportWindow *self,
                                  const char      *action)
{
  gsize length = strlen (action);
  guint n = 0;

  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      const UppReportProblem *problem = g_ptr_array_index (self->problems, i);

      if (problem->key != NULL && g_str_has_prefix (problem->key, action) &&
          (problem->key[length] == '\0' || problem->key[length] == '/'))
        n++;
    }
  return n;
}

/* Shows @problems (taking them; %NULL: not checked yet) at their fields. */
void
upp_report_window_set_problems (UppReportWindow *self,
                                GPtrArray       *problems)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = problems;
  apply_problems (self);
}

static void
on_validated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  guint generation;
  g_autoptr(UppReportWindow) self = upp_report_pending_take (user_data, &generation, NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = upp_report_validate_finish (result, &error);
  if (self == NULL)
    return;
  self->n_checks--;
  /* Checked on values that have changed since: the check that follows the
   * change (or the next load) brings the problems of what is shown. */
  if (problems == NULL || generation != self->generation)
    return;
  upp_report_window_set_problems (self, g_steal_pointer (&problems));
}

/**
 * upp_report_window_validate_now:
 * @self: a #UppReportWindow
 *
 * Checks the report with the importer's rules now, instead of after the
 * pause in typing, and shows the problems. The check runs in a worker
 * thread, on a copy of the values; upp_report_window_get_busy() is %TRUE
 * until its problems are shown.
 */
void
upp_report_window_validate_now (UppReportWindow *self)
{
  g_return_if_fail (UPP_IS_REPORT_WINDOW (self));

  g_clear_handle_id (&self->validate_id, g_source_remove);
  if (self->form == NULL || self->read_only)
    return;
  self->n_checks++;
  upp_report_validate_async (upp_report_window_get_store (self), self->form, self->cancellable,
                             on_validated, upp_report_pending_new (self));
}

/* Going to a problem */

/* Scrolls the page so that the whole row shows, its message too, not only
 * the focused widget in it. */
static gboolean
reveal_timeout (gpointer user_data)
{
  UppReportWindow *self = user_data;
  GtkWidget *scrolled;
  graphene_rect_t bounds;

  self->focus_id = 0;
  scrolled = self->focus_row != NULL
               ? gtk_widget_get_ancestor (self->focus_row, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  if (scrolled != NULL &&
      gtk_widget_compute_bounds (self->focus_row, scrolled, &bounds))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double value = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);
      double top = value + bounds.origin.y - 12;
      double bottom = value + bounds.origin.y + bounds.size.height + 12;

      if (bottom > value + page)
        value = bottom - page;
      if (top < value)
        value = top;
      gtk_adjustment_set_value (adjustment, value);
    }
  g_clear_weak_pointer (&self->focus_row);
  return G_SOURCE_REMOVE;
}

static gboolean
focus_timeout (gpointer user_data)
{
  UppReportWindow *self = user_data;

  self->focus_id = 0;
  if (self->focus_target != NULL)
    gtk_widget_grab_focus (self->focus_target);
  g_clear_weak_pointer (&self->focus_target);
  self->focus_id = g_timeout_add (50, reveal_timeout, self);
  return G_SOURCE_REMOVE;
}

static void
show_field (UppReportWindow *self,
            UppReportField  *field)
{
  GtkWidget *target = field->input;
  guint delay = 0;

  if (UPP_IS_REPORT_TEXT_ROW (field->input))
    target = GTK_WIDGET (upp_report_text_row_get_text_view (UPP_REPORT_TEXT_ROW (field->input)));
  if (field->action != NULL)
    {
      AdwExpanderRow *expander = g_hash_table_lookup (self->expanders, field->action);

      if (expander != NULL && !adw_expander_row_get_expanded (expander))
        {
          adw_expander_row_set_expanded (expander, TRUE);
          /* Once the rows have slid open: a hidden row takes no focus. */
          delay = 300;
        }
    }
  g_clear_handle_id (&self->focus_id, g_source_remove);
  g_set_weak_pointer (&self->focus_target, target);
  g_set_weak_pointer (&self->focus_row, field->message_row != NULL &&
                                          gtk_widget_get_visible (field->message_row)
                                          ? field->message_row : field->row);
  if (delay == 0)
    focus_timeout (self);
  else
    self->focus_id = g_timeout_add (delay, focus_timeout, self);
}

void
upp_report_window_show_problem_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  UppReportWindow *self = UPP_REPORT_WINDOW (widget);

  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    {
      const UppReportProblem *problem = g_ptr_array_index (self->problems, i);
      UppReportField *field = problem->key != NULL
                                ? g_hash_table_lookup (self->fields, problem->key) : NULL;

      if (field == NULL && problem->key != NULL)
        {
          /* A problem of an action's entry as a whole: open it. */
          AdwExpanderRow *expander = g_hash_table_lookup (self->expanders, problem->key);

          if (expander != NULL)
            {
              adw_expander_row_set_expanded (expander, TRUE);
              gtk_widget_grab_focus (GTK_WIDGET (expander));
              return;
            }
        }
      if (field != NULL)
        {
          show_field (self, field);
          return;
        }
    }
}

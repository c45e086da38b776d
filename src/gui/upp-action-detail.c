/* upp-action-detail.c — one action: facts, note, indicators, history
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-action-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-a11y.h"
#include "upp-action-detail.h"
#include "upp-chart-view.h"
#include "upp-guard.h"
#include "upp-history-row.h"
#include "upp-status-badge.h"

struct _UppActionDetail
{
  AdwBin            parent_instance;

  /* template widgets */
  GtkStack         *stack;
  GtkLabel         *code_label;
  GtkLabel         *title_label;
  GtkLabel         *goal_label;
  AdwActionRow     *status_row;
  UppStatusBadge   *status_badge;
  AdwActionRow     *progress_row;
  GtkProgressBar   *progress_bar;
  GtkLabel         *progress_label;
  AdwActionRow     *deadline_row;
  AdwActionRow     *lead_row;
  AdwActionRow     *contributors_row;
  GtkLabel         *description_label;
  GtkLabel         *note_heading;
  GtkTextView      *note_view;
  GtkButton        *save_button;
  GtkLabel         *note_state_label;
  GtkWidget        *indicators_group;
  GtkFlowBox       *indicators_box;
  GtkListBox       *history_list;
  GtkLabel         *history_heading;

  /* owned */
  UppSession       *session;
  UppActionDetails *details;     /* what the lists below show */
  char             *note_code;   /* whose note the text view holds */
  UppWeek           note_week;

  gboolean          note_dirty;
  gboolean          note_blocked;  /* holds a personal identity number: not saved */
  gboolean          loading_note;
};

G_DEFINE_FINAL_TYPE (UppActionDetail, upp_action_detail, ADW_TYPE_BIN)

static void
set_note_dirty (UppActionDetail *self,
                gboolean         dirty)
{
  self->note_dirty = dirty;
  if (!dirty)
    {
      self->note_blocked = FALSE;
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_state_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_state_label), "dim-label");
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), dirty);
  gtk_label_set_label (self->note_state_label, dirty ? _("Unsaved changes") : "");
}

static char *
note_text (UppActionDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_steal_pointer (&text));
}

/**
 * upp_action_detail_save_note:
 * @self: a #UppActionDetail
 *
 * Stores the note being edited, if it changed; the session reports the
 * outcome with #UppSession::note-saved.
 */
void
upp_action_detail_save_note (UppActionDetail *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (UPP_IS_ACTION_DETAIL (self));

  if (!self->note_dirty || self->note_blocked || self->note_code == NULL ||
      self->session == NULL)
    return;
  text = note_text (self);
  upp_session_save_note (self->session, self->note_code, self->note_week, text);
  set_note_dirty (self, FALSE);
}

static void
on_save_clicked (UppActionDetail *self)
{
  upp_action_detail_save_note (self);
}

/* The guard runs where the note is typed: a personal identity number
 * blocks saving, and the label says why, whole. */
static void
on_note_changed (UppActionDetail *self)
{
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  g_autofree char *message = NULL;

  if (self->loading_note)
    return;
  set_note_dirty (self, TRUE);
  text = note_text (self);
  number = upp_guard_check_text (text);
  self->note_blocked = number != NULL;
  if (number == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->note_state_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->note_state_label), "dim-label");
      return;
    }
  message = g_strdup_printf (_("Contains a personal identity number (%s): remove it to save. "
                               "Notes give counts and progress, never identity numbers."), number);
  gtk_label_set_label (self->note_state_label, message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_state_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->note_state_label), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
}

static void
on_note_focus_leave (UppActionDetail *self)
{
  upp_action_detail_save_note (self);
}

static void
load_note (UppActionDetail  *self,
           const char       *code,
           UppWeek           week,
           const char       *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *heading = NULL;

  /* Switching to another action or week keeps what was typed. */
  if (self->note_dirty && (g_strcmp0 (self->note_code, code) != 0 ||
                           upp_week_compare (self->note_week, week) != 0))
    upp_action_detail_save_note (self);
  else if (self->note_dirty)
    return;

  g_free (self->note_code);
  self->note_code = g_strdup (code);
  self->note_week = week;
  self->loading_note = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->loading_note = FALSE;
  set_note_dirty (self, FALSE);

  /* Translators: heading of the leadership note, “Leadership Note, Week 40” */
  heading = g_strdup_printf (_("Leadership Note, Week %d"), week.week);
  gtk_label_set_label (self->note_heading, heading);
}

static char *
department_names (UppDashboard *dashboard,
                  GPtrArray    *codes)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, upp_dashboard_department_name (dashboard,
                                                             g_ptr_array_index (codes, i)));
    }
  if (names->len == 0)
    return g_strdup (C_("contributors", "None"));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* "reported delayed, 64 %" starts a line of its own here. */
static char *
capitalize (const char *text)
{
  g_autofree char *first = NULL;
  const char *rest;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  rest = g_utf8_next_char (text);
  first = g_utf8_strup (text, rest - text);
  return g_strconcat (first, rest, NULL);
}

static void
update_facts (UppActionDetail *self)
{
  UppDashboard *dashboard = upp_session_get_dashboard (self->session);
  const char *code = upp_session_get_selected_action (self->session);
  const UppActionStatus *status = NULL;
  const UppAction *action = NULL;
  g_autofree char *code_text = NULL;
  g_autofree char *goal_text = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *contributors = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *reason = NULL;

  if (dashboard != NULL && code != NULL)
    {
      status = upp_dashboard_find_status (dashboard, code);
      action = upp_dashboard_find_action (dashboard, code);
    }
  if (status == NULL || action == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "detail");

  /* Translators: “A13 · Goal G1” */
  code_text = g_strdup_printf (_("%s · Goal %s"), status->code, status->goal);
  gtk_label_set_label (self->code_label, code_text);
  gtk_label_set_label (self->title_label, status->title);
  goal_text = g_strdup (upp_dashboard_goal_title (dashboard, status->goal));
  gtk_label_set_label (self->goal_label, goal_text);

  upp_status_badge_set_state (self->status_badge, status->state);
  reason = capitalize (status->reason);
  adw_action_row_set_subtitle (self->status_row, reason);

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 status->has_entry ? CLAMP (status->progress, 0, 100) / 100.0 : 0);
  progress = status->has_entry ? g_strdup_printf (_("%d %%"), status->progress) : g_strdup ("—");
  gtk_label_set_label (self->progress_label, progress);

  deadline = upp_date_format (&status->deadline);
  relative = upp_dashboard_deadline_text (&status->deadline, &dashboard->reference, status->state);
  /* Translators: “2026-10-16 · in 2 weeks” */
  deadline_text = relative != NULL ? g_strdup_printf (_("%s · %s"), deadline, relative)
                                   : g_strdup (deadline);
  adw_action_row_set_subtitle (self->deadline_row, deadline_text);
  if (upp_dashboard_deadline_passed (&status->deadline, &dashboard->reference, status->state))
    gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "overdue");

  adw_action_row_set_subtitle (self->lead_row,
                               status->lead_name != NULL ? status->lead_name : status->lead);
  contributors = department_names (dashboard, action->contributors);
  adw_action_row_set_subtitle (self->contributors_row, contributors);

  gtk_label_set_label (self->description_label,
                       action->description != NULL ? action->description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), action->description != NULL);
}

static GtkWidget *
indicator_card (UppActionDetails         *details,
                const UppIndicatorSeries *series)
{
  GtkBuilder *builder = gtk_builder_new_from_resource ("/se/lysekil/Uppfoljning/ui/upp-indicator-card.ui");
  GtkWidget *card = GTK_WIDGET (g_object_ref (gtk_builder_get_object (builder, "card")));
  UppChartView *chart = UPP_CHART_VIEW (gtk_builder_get_object (builder, "chart"));
  g_autofree char *latest = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;
  const char *unit = series->unit != NULL ? series->unit : "";

  if (series->n_points > 0)
    /* The chart draws its own title and latest value; its accessible label
   * says the same in words. */
  /* Translators: an indicator's latest value, “140 besök in week 40” */
    latest = g_strdup_printf (_("%g %s in week %d"), series->values[series->n_points - 1], unit,
                              series->weeks[series->n_points - 1].week);
  else
    latest = g_strdup (_("No values reported yet"));
  if (series->has_target)
    /* Translators: “140 besök in week 40 · target 120” */
    target = g_strdup_printf (_("%s · target %g"), latest, series->target);

  upp_chart_view_set_data (chart,
                           &(UppChartData) { .kind = UPP_CHART_INDICATOR,
                                             .week = details->week,
                                             .indicator = series },
                           upp_action_details_ref (details),
                           (GDestroyNotify) upp_action_details_unref);
  text = g_strdup_printf ("%s: %s", series->name, target != NULL ? target : latest);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  g_object_unref (builder);
  return card;
}

static void
update_details (UppActionDetail *self)
{
  UppActionDetails *details = upp_session_get_details (self->session);
  UppDashboard *dashboard = upp_session_get_dashboard (self->session);
  const char *code = upp_session_get_selected_action (self->session);
  GtkWidget *child;
  g_autofree char *history_heading = NULL;

  if (details == NULL || dashboard == NULL || g_strcmp0 (details->code, code) != 0)
    return;

  load_note (self, details->code, details->week, details->note);
  if (details == self->details)
    return;

  g_clear_pointer (&self->details, upp_action_details_unref);
  self->details = upp_action_details_ref (details);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->indicators_box))) != NULL)
    gtk_flow_box_remove (self->indicators_box, child);
  for (guint i = 0; i < details->indicators->len; i++)
    {
      g_autoptr(GtkWidget) card = indicator_card (details,
                                                  g_ptr_array_index (details->indicators, i));

      gtk_flow_box_append (self->indicators_box, card);
      /* A card only shows a chart, an image with its description: it is
       * read, not focused. */
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
  gtk_widget_set_visible (self->indicators_group, details->indicators->len > 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  for (guint i = 0; i < details->history->len; i++)
    {
      const UppHistoryEntry *entry = g_ptr_array_index (details->history, i);

      gtk_list_box_append (self->history_list,
                           upp_history_row_new (entry,
                                                upp_dashboard_department_name (dashboard,
                                                                               entry->department)));
    }
  /* Translators: “History up to Week 40” */
  history_heading = g_strdup_printf (_("Reports up to Week %d"), details->week.week);
  gtk_label_set_label (self->history_heading, history_heading);
}

static void
on_selection_changed (UppActionDetail *self)
{
  update_facts (self);
  update_details (self);
}

void
upp_action_detail_set_session (UppActionDetail *self,
                               UppSession      *session)
{
  g_return_if_fail (UPP_IS_ACTION_DETAIL (self));
  g_return_if_fail (UPP_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_swapped (session, "notify::dashboard", G_CALLBACK (update_facts), self);
  g_signal_connect_swapped (session, "notify::selected-action",
                            G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (session, "notify::details", G_CALLBACK (update_details), self);
  on_selection_changed (self);
}

GtkListBox *
upp_action_detail_get_history (UppActionDetail *self)
{
  g_return_val_if_fail (UPP_IS_ACTION_DETAIL (self), NULL);
  return self->history_list;
}

GtkTextView *
upp_action_detail_get_note_view (UppActionDetail *self)
{
  g_return_val_if_fail (UPP_IS_ACTION_DETAIL (self), NULL);
  return self->note_view;
}

const char *
upp_action_detail_get_code (UppActionDetail *self)
{
  g_return_val_if_fail (UPP_IS_ACTION_DETAIL (self), NULL);
  return self->details != NULL ? self->details->code : NULL;
}

static void
save_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  upp_action_detail_save_note (UPP_ACTION_DETAIL (widget));
}

static void
upp_action_detail_dispose (GObject *object)
{
  UppActionDetail *self = UPP_ACTION_DETAIL (object);

  if (self->session != NULL)
    {
      /* A note typed but not saved is not lost when the window closes. */
      upp_action_detail_save_note (self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_clear_object (&self->session);
  g_clear_pointer (&self->details, upp_action_details_unref);
  /* Tear the tree down through the bin first: the leaflet and stack pages
   * must go before the template drops its references to their children. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_ACTION_DETAIL);

  G_OBJECT_CLASS (upp_action_detail_parent_class)->dispose (object);
}

static void
upp_action_detail_finalize (GObject *object)
{
  UppActionDetail *self = UPP_ACTION_DETAIL (object);

  g_free (self->note_code);

  G_OBJECT_CLASS (upp_action_detail_parent_class)->finalize (object);
}

static void
upp_action_detail_class_init (UppActionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_action_detail_dispose;
  object_class->finalize = upp_action_detail_finalize;

  g_type_ensure (UPP_TYPE_STATUS_BADGE);
  g_type_ensure (UPP_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-action-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, code_label);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, goal_label);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, status_badge);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, progress_row);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, progress_label);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, lead_row);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, contributors_row);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, description_label);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, note_heading);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, note_view);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, save_button);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, note_state_label);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, indicators_group);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, indicators_box);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, history_list);
  gtk_widget_class_bind_template_child (widget_class, UppActionDetail, history_heading);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_focus_leave);

  gtk_widget_class_install_action (widget_class, "detail.save-note", NULL, save_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "detail.save-note", NULL);
}

static void
upp_action_detail_init (UppActionDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  upp_a11y_drop_empty_description (self->progress_row);
  set_note_dirty (self, FALSE);
  upp_a11y_fix_mnemonics (GTK_WIDGET (self));
  upp_a11y_name_status_page (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")));
}

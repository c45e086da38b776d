/* upp-history-row.c — one report entry in an action's history
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-history-row"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-history-row.h"
#include "upp-status-badge.h"

struct _UppHistoryRow
{
  GtkListBoxRow   parent_instance;

  /* template widgets */
  GtkLabel       *week_label;
  GtkLabel       *department_label;
  GtkLabel       *mark_label;
  UppStatusBadge *badge;
  GtkLabel       *progress_label;
  GtkLabel       *comment_label;
  GtkLabel       *next_steps_label;
  GtkLabel       *risks_label;

  UppHistoryMark  mark;
  UppWeek         week;
};

G_DEFINE_FINAL_TYPE (UppHistoryRow, upp_history_row, GTK_TYPE_LIST_BOX_ROW)

static void
upp_history_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_HISTORY_ROW);

  G_OBJECT_CLASS (upp_history_row_parent_class)->dispose (object);
}

static void
upp_history_row_class_init (UppHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_history_row_dispose;

  g_type_ensure (UPP_TYPE_STATUS_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UppHistoryRow, week_label);
  gtk_widget_class_bind_template_child (widget_class, UppHistoryRow, department_label);
  gtk_widget_class_bind_template_child (widget_class, UppHistoryRow, mark_label);
  gtk_widget_class_bind_template_child (widget_class, UppHistoryRow, badge);
  gtk_widget_class_bind_template_child (widget_class, UppHistoryRow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, UppHistoryRow, comment_label);
  gtk_widget_class_bind_template_child (widget_class, UppHistoryRow, next_steps_label);
  gtk_widget_class_bind_template_child (widget_class, UppHistoryRow, risks_label);
}

static void
upp_history_row_init (UppHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_optional (GtkLabel   *label,
              const char *heading,
              const char *text)
{
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  if (text == NULL || *text == '\0')
    return;
  if (heading == NULL)
    {
      gtk_label_set_label (label, text);
      return;
    }
  escaped = g_markup_escape_text (text, -1);
  markup = g_strdup_printf ("<b>%s</b> %s", heading, escaped);
  gtk_label_set_markup (label, markup);
}

/* The row is what takes focus: a screen reader says its week, department,
 * status and progress, and the start of the comment. */
static void
name_row (UppHistoryRow *self,
          const char    *week,
          const char    *department,
          const char    *mark_label,
          UppState       state,
          const char    *progress,
          const char    *comment)
{
  g_autofree char *start = NULL;
  g_autofree char *label = NULL;

  if (comment != NULL && g_utf8_strlen (comment, -1) > 80)
    {
      g_autofree char *cut = g_utf8_substring (comment, 0, 80);

      start = g_strconcat (cut, "…", NULL);
    }
  else
    start = g_strdup (comment != NULL ? comment : "");
  /* Translators: a report in an action's history, read by a screen reader:
   * “Week 48, Socialförvaltningen, lead. On track, 60 %. The comment…” */
  label = g_strdup_printf (_("%s, %s%s%s. %s, %s. %s"), week, department,
                           mark_label != NULL ? ", " : "", mark_label != NULL ? mark_label : "",
                           upp_state_get_label (state), progress, start);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/**
 * upp_history_row_new:
 * @entry: the entry
 * @department_name: the name of its department
 *
 * Returns: (transfer floating): the row; superseded entries are dimmed,
 *   corrections marked
 */
GtkWidget *
upp_history_row_new (const UppHistoryEntry *entry,
                     const char            *department_name)
{
  UppHistoryRow *self;
  g_autofree char *week = NULL;
  g_autofree char *department = NULL;
  g_autofree char *progress = NULL;
  const char *mark_label;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (UPP_TYPE_HISTORY_ROW, NULL);
  self->mark = upp_dashboard_history_mark (entry);
  self->week = entry->week;

  /* Translators: a week in an action's history */
  week = g_strdup_printf (_("Week %d"), entry->week.week);
  gtk_label_set_label (self->week_label, week);
  if (entry->is_lead)
    /* Translators: “Socialförvaltningen, lead” */
    department = g_strdup_printf (_("%s, lead"), department_name);
  else
    department = g_strdup (department_name);
  gtk_label_set_label (self->department_label, department);

  mark_label = upp_dashboard_history_mark_label (self->mark);
  gtk_widget_set_visible (GTK_WIDGET (self->mark_label), mark_label != NULL);
  if (mark_label != NULL)
    gtk_label_set_label (self->mark_label, mark_label);
  if (self->mark == UPP_HISTORY_SUPERSEDED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "superseded");
  else if (self->mark == UPP_HISTORY_CORRECTED)
    gtk_widget_add_css_class (GTK_WIDGET (self), "corrected");

  upp_status_badge_set_state (self->badge, upp_status_to_state (entry->status));
  progress = g_strdup_printf (_("%d %%"), entry->progress);
  gtk_label_set_label (self->progress_label, progress);

  set_optional (self->comment_label, NULL, entry->comment);
  set_optional (self->next_steps_label, _("Next steps:"), entry->next_steps);
  set_optional (self->risks_label, _("Risks:"), entry->risks);
  name_row (self, week, department, mark_label, upp_status_to_state (entry->status), progress,
            entry->comment);
  return GTK_WIDGET (self);
}

UppHistoryMark
upp_history_row_get_mark (UppHistoryRow *self)
{
  g_return_val_if_fail (UPP_IS_HISTORY_ROW (self), UPP_HISTORY_ORIGINAL);
  return self->mark;
}

UppWeek
upp_history_row_get_week (UppHistoryRow *self)
{
  g_return_val_if_fail (UPP_IS_HISTORY_ROW (self), UPP_WEEK_INIT (0, 0));
  return self->week;
}

/* upp-action-item.c — one row of the action list
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-action-item"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-action-item.h"

/* A read-only view of one UppActionStatus of a dashboard, with the values
 * the column view shows and sorts by as properties, so that cells and
 * sorters can be declared in the .ui file with expressions. */

struct _UppActionItem
{
  GObject                parent_instance;

  /* owned */
  UppDashboard          *dashboard;
  char                  *deadline_text;
  char                  *deadline_relative;
  char                  *last_report;

  /* borrowed from the dashboard */
  const UppActionStatus *status;
  guint                  position;
};

G_DEFINE_FINAL_TYPE (UppActionItem, upp_action_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_GOAL,
  PROP_GOAL_TITLE,
  PROP_LEAD,
  PROP_LEAD_NAME,
  PROP_POSITION,
  PROP_DEADLINE_JULIAN,
  PROP_DEADLINE_TEXT,
  PROP_DEADLINE_RELATIVE,
  PROP_OVERDUE,
  PROP_DEADLINE_CLASSES,
  PROP_STATE,
  PROP_SEVERITY,
  PROP_PROGRESS,
  PROP_FRACTION,
  PROP_PROGRESS_TEXT,
  PROP_LAST_REPORT,
  PROP_LAST_WEEK_KEY,
  PROP_ROW_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
upp_action_item_finalize (GObject *object)
{
  UppActionItem *self = UPP_ACTION_ITEM (object);

  g_clear_pointer (&self->dashboard, upp_dashboard_unref);
  g_free (self->deadline_text);
  g_free (self->deadline_relative);
  g_free (self->last_report);

  G_OBJECT_CLASS (upp_action_item_parent_class)->finalize (object);
}

static void
upp_action_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UppActionItem *self = UPP_ACTION_ITEM (object);
  const UppActionStatus *status = self->status;

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, status->code);
      break;
    case PROP_TITLE:
      g_value_set_string (value, status->title);
      break;
    case PROP_GOAL:
      g_value_set_string (value, status->goal);
      break;
    case PROP_GOAL_TITLE:
      g_value_set_string (value, upp_dashboard_goal_title (self->dashboard, status->goal));
      break;
    case PROP_LEAD:
      g_value_set_string (value, status->lead);
      break;
    case PROP_LEAD_NAME:
      g_value_set_string (value, status->lead_name);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_DEADLINE_JULIAN:
      g_value_set_uint (value, g_date_valid (&status->deadline)
                                 ? g_date_get_julian (&status->deadline) : 0);
      break;
    case PROP_DEADLINE_TEXT:
      g_value_set_string (value, self->deadline_text);
      break;
    case PROP_DEADLINE_RELATIVE:
      g_value_set_string (value, self->deadline_relative);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, upp_dashboard_deadline_passed (&status->deadline,
                                                                 &self->dashboard->reference,
                                                                 status->state));
      break;
    case PROP_DEADLINE_CLASSES:
      {
        /* The relative deadline is dim, or red once it has passed. */
        static const char * const overdue[] = { "caption", "deadline-passed", NULL };
        static const char * const coming[] = { "caption", "dim-label", NULL };

        g_value_set_boxed (value, upp_dashboard_deadline_passed (&status->deadline,
                                                                 &self->dashboard->reference,
                                                                 status->state)
                                    ? overdue : coming);
      }
      break;
    case PROP_STATE:
      g_value_set_int (value, status->state);
      break;
    case PROP_SEVERITY:
      g_value_set_int (value, upp_state_get_severity (status->state));
      break;
    case PROP_PROGRESS:
      g_value_set_int (value, status->has_entry ? status->progress : -1);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, status->has_entry ? CLAMP (status->progress, 0, 100) / 100.0
                                                   : 0.0);
      break;
    case PROP_PROGRESS_TEXT:
      if (status->has_entry)
        g_value_take_string (value, g_strdup_printf (_("%d %%"), status->progress));
      else
        g_value_set_string (value, "—");
      break;
    case PROP_LAST_REPORT:
      g_value_set_string (value, self->last_report);
      break;
    case PROP_LAST_WEEK_KEY:
      g_value_set_int (value, status->has_entry ? upp_week_to_key (status->entry_week) : 0);
      break;
    case PROP_ROW_LABEL:
      /* What a screen reader says for the row: code, title, state and
       * deadline, then the last report. */
      g_value_take_string (value,
                           /* Translators: an action's row in the list, read by a screen
                            * reader: “A1 · Title. On track. Deadline 2026-12-31, in 5
                            * weeks. Last report: Week 48” */
                           g_strdup_printf (_("%s · %s. %s. Deadline %s%s%s. Last report: %s"),
                                            status->code, status->title,
                                            upp_state_get_label (status->state),
                                            self->deadline_text,
                                            *self->deadline_relative != '\0' ? ", " : "",
                                            self->deadline_relative, self->last_report));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_action_item_class_init (UppActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = upp_action_item_finalize;
  object_class->get_property = upp_action_item_get_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_GOAL] = g_param_spec_string ("goal", NULL, NULL, NULL, ro);
  properties[PROP_GOAL_TITLE] = g_param_spec_string ("goal-title", NULL, NULL, NULL, ro);
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, NULL, ro);
  properties[PROP_LEAD_NAME] = g_param_spec_string ("lead-name", NULL, NULL, NULL, ro);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_DEADLINE_JULIAN] = g_param_spec_uint ("deadline-julian", NULL, NULL, 0,
                                                        G_MAXUINT, 0, ro);
  properties[PROP_DEADLINE_TEXT] = g_param_spec_string ("deadline-text", NULL, NULL, NULL, ro);
  properties[PROP_DEADLINE_RELATIVE] = g_param_spec_string ("deadline-relative", NULL, NULL,
                                                            NULL, ro);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, ro);
  properties[PROP_DEADLINE_CLASSES] = g_param_spec_boxed ("deadline-classes", NULL, NULL,
                                                         G_TYPE_STRV, ro);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, UPP_N_STATES - 1, 0, ro);
  properties[PROP_SEVERITY] = g_param_spec_int ("severity", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_PROGRESS] = g_param_spec_int ("progress", NULL, NULL, -1, 100, -1, ro);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_PROGRESS_TEXT] = g_param_spec_string ("progress-text", NULL, NULL, NULL, ro);
  properties[PROP_LAST_REPORT] = g_param_spec_string ("last-report", NULL, NULL, NULL, ro);
  properties[PROP_LAST_WEEK_KEY] = g_param_spec_int ("last-week-key", NULL, NULL, 0, G_MAXINT,
                                                     0, ro);
  properties[PROP_ROW_LABEL] = g_param_spec_string ("row-label", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
upp_action_item_init (UppActionItem *self)
{
}

/**
 * upp_action_item_new:
 * @dashboard: the dashboard
 * @index: the row in its statuses
 *
 * Returns: (transfer full): the item; it keeps @dashboard alive
 */
UppActionItem *
upp_action_item_new (UppDashboard *dashboard,
                     guint         index)
{
  UppActionItem *self;

  g_return_val_if_fail (dashboard != NULL, NULL);
  g_return_val_if_fail (index < dashboard->statuses->len, NULL);

  self = g_object_new (UPP_TYPE_ACTION_ITEM, NULL);
  self->dashboard = upp_dashboard_ref (dashboard);
  self->status = g_ptr_array_index (dashboard->statuses, index);
  self->position = index;
  self->deadline_text = g_date_valid (&self->status->deadline)
                          ? upp_date_format (&self->status->deadline) : g_strdup ("—");
  self->deadline_relative = upp_dashboard_deadline_text (&self->status->deadline,
                                                         &dashboard->reference,
                                                         self->status->state);
  if (self->deadline_relative == NULL)
    self->deadline_relative = g_strdup ("");
  self->last_report = upp_dashboard_last_report_text (self->status);
  return self;
}

const UppActionStatus *
upp_action_item_get_status (UppActionItem *self)
{
  g_return_val_if_fail (UPP_IS_ACTION_ITEM (self), NULL);
  return self->status;
}

const char *
upp_action_item_get_code (UppActionItem *self)
{
  g_return_val_if_fail (UPP_IS_ACTION_ITEM (self), NULL);
  return self->status->code;
}

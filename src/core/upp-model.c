/* upp-model.c
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-model"

#include "config.h"

#include "upp-model.h"

UppGoal *
upp_goal_new (void)
{
  return g_new0 (UppGoal, 1);
}

void
upp_goal_free (UppGoal *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->title);
  g_free (self);
}

UppDepartment *
upp_department_new (void)
{
  return g_new0 (UppDepartment, 1);
}

void
upp_department_free (UppDepartment *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self);
}

UppIndicator *
upp_indicator_new (void)
{
  return g_new0 (UppIndicator, 1);
}

void
upp_indicator_free (UppIndicator *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->name);
  g_free (self->unit);
  g_free (self);
}

UppAction *
upp_action_new (void)
{
  UppAction *self = g_new0 (UppAction, 1);

  self->contributors = g_ptr_array_new_with_free_func (g_free);
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_indicator_free);
  g_date_clear (&self->start, 1);
  g_date_clear (&self->deadline, 1);
  return self;
}

void
upp_action_free (UppAction *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->title);
  g_free (self->description);
  g_free (self->goal);
  g_free (self->lead);
  g_ptr_array_unref (self->contributors);
  g_ptr_array_unref (self->indicators);
  g_free (self);
}

UppPackage *
upp_package_new (void)
{
  /* Reference-counted: the store hands out its cached definition to
   * threads that may outlive the next import. */
  UppPackage *self = g_atomic_rc_box_new0 (UppPackage);

  self->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_goal_free);
  self->departments = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_department_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_action_free);
  self->due_weekday = 5;
  g_date_clear (&self->decided, 1);
  return self;
}

static void
package_clear (UppPackage *self)
{
  g_free (self->code);
  g_free (self->title);
  g_free (self->organisation);
  g_free (self->decided_by);
  g_ptr_array_unref (self->goals);
  g_ptr_array_unref (self->departments);
  g_ptr_array_unref (self->actions);
}

UppPackage *
upp_package_ref (UppPackage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

/**
 * upp_package_free:
 * @self: (nullable): a package
 *
 * Drops a reference: the same as upp_package_unref().
 */
void
upp_package_free (UppPackage *self)
{
  if (self != NULL)
    g_atomic_rc_box_release_full (self, (GDestroyNotify) package_clear);
}

void
upp_package_unref (UppPackage *self)
{
  upp_package_free (self);
}

UppIndicatorValue *
upp_indicator_value_new (void)
{
  return g_new0 (UppIndicatorValue, 1);
}

void
upp_indicator_value_free (UppIndicatorValue *self)
{
  if (self == NULL)
    return;
  g_free (self->indicator);
  g_free (self);
}

UppEntry *
upp_entry_new (void)
{
  UppEntry *self = g_new0 (UppEntry, 1);

  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_indicator_value_free);
  return self;
}

void
upp_entry_free (UppEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->action);
  g_free (self->comment);
  g_free (self->next_steps);
  g_free (self->risks);
  g_ptr_array_unref (self->indicators);
  g_free (self);
}

UppReport *
upp_report_new (void)
{
  UppReport *self = g_new0 (UppReport, 1);

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_entry_free);
  g_date_clear (&self->submitted_date, 1);
  return self;
}

void
upp_report_free (UppReport *self)
{
  if (self == NULL)
    return;
  g_free (self->package);
  g_free (self->department);
  g_free (self->submitted);
  g_free (self->reporter);
  g_free (self->summary);
  g_ptr_array_unref (self->entries);
  g_free (self);
}

UppAction *
upp_package_find_action (const UppPackage *self,
                         const char       *code)
{
  for (guint i = 0; i < self->actions->len; i++)
    {
      UppAction *action = g_ptr_array_index (self->actions, i);

      if (g_strcmp0 (action->code, code) == 0)
        return action;
    }
  return NULL;
}

UppDepartment *
upp_package_find_department (const UppPackage *self,
                             const char       *code)
{
  for (guint i = 0; i < self->departments->len; i++)
    {
      UppDepartment *department = g_ptr_array_index (self->departments, i);

      if (g_strcmp0 (department->code, code) == 0)
        return department;
    }
  return NULL;
}

gboolean
upp_action_involves (const UppAction *self,
                     const char      *department)
{
  if (g_strcmp0 (self->lead, department) == 0)
    return TRUE;
  for (guint i = 0; i < self->contributors->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->contributors, i), department) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @department leads or contributes to any action of @self. */
gboolean
upp_package_department_has_actions (const UppPackage *self,
                                    const char       *department)
{
  for (guint i = 0; i < self->actions->len; i++)
    if (upp_action_involves (g_ptr_array_index (self->actions, i), department))
      return TRUE;
  return FALSE;
}

UppIndicator *
upp_action_find_indicator (const UppAction *self,
                           const char      *code)
{
  for (guint i = 0; i < self->indicators->len; i++)
    {
      UppIndicator *indicator = g_ptr_array_index (self->indicators, i);

      if (g_strcmp0 (indicator->code, code) == 0)
        return indicator;
    }
  return NULL;
}

/* upp-package-format.c — the package definition: goals, departments, actions, indicators
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-format-private.h"

/* The package definition */

static void
parse_indicators (Checker     *checker,
                  const Jv    *object,
                  const Where *where,
                  UppAction   *action)
{
  static const char * const allowed[] = { "code", "name", "unit", "target", "direction", NULL };
  const Jv *array = upp_get_array (checker, object, where, "indicators", FALSE, MAX_INDICATORS);
  const Where *list = AT (where, "indicators");

  for (guint i = 0; array != NULL && i < array->length; i++)
    {
      const Where *path = AT_INDEX (list, i);
      const Jv *o = upp_get_object (checker, &array->v.items[i], path);
      g_autoptr(UppIndicator) indicator = NULL;
      const char *direction;

      if (o == NULL)
        continue;
      upp_check_members (checker, o, path, allowed);
      indicator = upp_indicator_new ();
      indicator->code = upp_get_code (checker, o, path, "code", TRUE);
      indicator->name = upp_get_text (checker, o, path, "name", TRUE, MAX_NAME_LENGTH);
      indicator->unit = upp_get_text (checker, o, path, "unit", FALSE, MAX_CODE_LENGTH);
      indicator->has_target = jv_get_member (o, "target") != NULL &&
                              upp_get_number (checker, o, path, "target", FALSE,
                                              &indicator->target);
      direction = upp_get_string (checker, o, path, "direction", FALSE, 8);
      if (direction != NULL && !g_str_equal (direction, "up") && !g_str_equal (direction, "down"))
        upp_problem (checker, AT (path, "direction"),
                     _("“%s” is not a direction; expected up or down"), direction);
      indicator->direction = g_strcmp0 (direction, "down") == 0 ? UPP_DIRECTION_DOWN
                                                                  : UPP_DIRECTION_UP;
      if (indicator->code != NULL && upp_action_find_indicator (action, indicator->code) != NULL)
        upp_problem (checker, AT (path, "code"), _("the indicator “%s” is defined twice"),
                     indicator->code);
      else if (indicator->code != NULL && indicator->name != NULL)
        g_ptr_array_add (action->indicators, g_steal_pointer (&indicator));
    }
}

static void
parse_contributors (Checker     *checker,
                    const Jv    *object,
                    const Where *where,
                    UppAction   *action)
{
  const Jv *array = upp_get_array (checker, object, where, "contributors", FALSE, MAX_CONTRIBUTORS);
  const Where *list = AT (where, "contributors");

  for (guint i = 0; array != NULL && i < array->length; i++)
    {
      const Jv *node = &array->v.items[i];
      const char *code;

      if (node->kind != JV_STRING)
        {
          upp_problem (checker, AT_INDEX (list, i), _("expected a department code"));
          continue;
        }
      code = node->v.string;
      if (upp_action_involves (action, code))
        upp_problem (checker, AT_INDEX (list, i), _("“%s” is listed twice (or is also the lead)"),
                     code);
      else
        g_ptr_array_add (action->contributors, g_strdup (code));
    }
}

static UppAction *
parse_action (Checker     *checker,
              const Jv    *o,
              const Where *path)
{
  static const char * const allowed[] = { "code", "title", "description", "goal", "lead",
                                          "contributors", "start", "deadline", "indicators",
                                          NULL };
  g_autoptr(UppAction) action = upp_action_new ();

  upp_check_members (checker, o, path, allowed);
  action->code = upp_get_code (checker, o, path, "code", TRUE);
  action->title = upp_get_text (checker, o, path, "title", TRUE, MAX_NAME_LENGTH);
  action->description = upp_get_text (checker, o, path, "description", FALSE, MAX_TEXT_LENGTH);
  action->goal = upp_get_code (checker, o, path, "goal", TRUE);
  action->lead = upp_get_code (checker, o, path, "lead", TRUE);
  upp_get_date (checker, o, path, "start", FALSE, &action->start);
  upp_get_date (checker, o, path, "deadline", TRUE, &action->deadline);
  parse_contributors (checker, o, path, action);
  parse_indicators (checker, o, path, action);

  if (g_date_valid (&action->start) && g_date_valid (&action->deadline) &&
      g_date_compare (&action->start, &action->deadline) > 0)
    upp_problem (checker, AT (path, "deadline"), _("is before the start date"));

  if (action->code == NULL || action->title == NULL || action->goal == NULL ||
      action->lead == NULL || !g_date_valid (&action->deadline))
    return NULL;
  return g_steal_pointer (&action);
}

static void
parse_goals_and_departments (Checker    *checker,
                             const Jv   *root,
                             UppPackage *package)
{
  static const char * const goal_fields[] = { "code", "title", NULL };
  static const char * const department_fields[] = { "code", "name", "partner", NULL };
  g_autoptr(GHashTable) seen = upp_code_set_new ();
  const Jv *goals = upp_get_array (checker, root, NULL, "goals", TRUE, MAX_GOALS);
  const Jv *departments = upp_get_array (checker, root, NULL, "departments", TRUE, MAX_DEPARTMENTS);

  for (guint i = 0; goals != NULL && i < goals->length; i++)
    {
      const Where *path = AT_INDEX (AT (NULL, "goals"), i);
      const Jv *o = upp_get_object (checker, &goals->v.items[i], path);
      g_autoptr(UppGoal) goal = upp_goal_new ();

      if (o == NULL)
        continue;
      upp_check_members (checker, o, path, goal_fields);
      goal->code = upp_get_code (checker, o, path, "code", TRUE);
      goal->title = upp_get_text (checker, o, path, "title", TRUE, MAX_GOAL_TITLE_LENGTH);
      if (goal->code != NULL && !upp_add_unique (seen, goal->code))
        upp_problem (checker, path, _("the goal “%s” is defined twice"), goal->code);
      /* Even without a good title: the actions of a goal whose title is
       * wrong are not wrong too. (With a problem there is no package.) */
      else if (goal->code != NULL)
        g_ptr_array_add (package->goals, g_steal_pointer (&goal));
    }

  g_hash_table_remove_all (seen);
  for (guint i = 0; departments != NULL && i < departments->length; i++)
    {
      const Where *path = AT_INDEX (AT (NULL, "departments"), i);
      const Jv *o = upp_get_object (checker, &departments->v.items[i], path);
      g_autoptr(UppDepartment) department = upp_department_new ();

      if (o == NULL)
        continue;
      upp_check_members (checker, o, path, department_fields);
      department->code = upp_get_code (checker, o, path, "code", TRUE);
      department->name = upp_get_text (checker, o, path, "name", TRUE, MAX_NAME_LENGTH);
      department->partner = upp_get_boolean (checker, o, path, "partner", FALSE);
      if (department->code != NULL && !upp_add_unique (seen, department->code))
        upp_problem (checker, path, _("the department “%s” is defined twice"), department->code);
      else if (department->code != NULL)
        g_ptr_array_add (package->departments, g_steal_pointer (&department));
    }

  if (goals != NULL && package->goals->len == 0 && goals->length == 0)
    upp_problem (checker, AT (NULL, "goals"), _("is empty; a package has at least one goal"));
  if (departments != NULL && departments->length == 0)
    upp_problem (checker, AT (NULL, "departments"),
                 _("is empty; a package has at least one department"));
}

static gboolean
has_goal (const UppPackage *package,
          const char       *code)
{
  for (guint i = 0; i < package->goals->len; i++)
    if (g_str_equal (((UppGoal *) g_ptr_array_index (package->goals, i))->code, code))
      return TRUE;
  return FALSE;
}

static void
parse_actions (Checker    *checker,
               const Jv   *root,
               UppPackage *package)
{
  g_autoptr(GHashTable) seen = upp_code_set_new ();
  const Jv *actions = upp_get_array (checker, root, NULL, "actions", TRUE, MAX_ACTIONS);

  for (guint i = 0; actions != NULL && i < actions->length; i++)
    {
      const Where *path = AT_INDEX (AT (NULL, "actions"), i);
      const Jv *o = upp_get_object (checker, &actions->v.items[i], path);
      g_autoptr(UppAction) action = o != NULL ? parse_action (checker, o, path) : NULL;

      if (action == NULL)
        continue;
      if (!upp_add_unique (seen, action->code))
        {
          upp_problem (checker, path, _("the action “%s” is defined twice"), action->code);
          continue;
        }
      if (!has_goal (package, action->goal))
        upp_problem (checker, AT (path, "goal"), _("“%s” is not one of the package’s goals"),
                     action->goal);
      if (upp_package_find_department (package, action->lead) == NULL)
        upp_problem (checker, AT (path, "lead"), _("“%s” is not one of the package’s departments"),
                     action->lead);
      for (guint j = 0; j < action->contributors->len; j++)
        if (upp_package_find_department (package, g_ptr_array_index (action->contributors, j)) ==
            NULL)
          upp_problem (checker, AT_INDEX (AT (path, "contributors"), j),
                       _("“%s” is not one of the package’s departments"),
                       (char *) g_ptr_array_index (action->contributors, j));
      g_ptr_array_add (package->actions, g_steal_pointer (&action));
    }

  if (actions != NULL && actions->length == 0)
    upp_problem (checker, AT (NULL, "actions"), _("is empty; a package has at least one action"));
}

UppPackage *
upp_parse_package (Checker  *checker,
                   const Jv *root)
{
  static const char * const allowed[] = { "format", "version", "code", "revision", "title",
                                          "organisation", "decided", "decided_by", "reporting",
                                          "goals", "departments", "actions", NULL };
  static const char * const reporting_fields[] = { "first_week", "due_weekday", NULL };
  g_autoptr(UppPackage) package = upp_package_new ();
  const Jv *reporting;
  const Where *reporting_path = AT (NULL, "reporting");
  guint n_problems = upp_checker_count (checker);

  upp_check_members (checker, root, NULL, allowed);
  if (!upp_check_header (checker, root, 1, NULL))
    return NULL;

  package->code = upp_get_code (checker, root, NULL, "code", TRUE);
  upp_get_integer (checker, root, NULL, "revision", TRUE, 1, MAX_REVISION, &package->revision);
  package->title = upp_get_text (checker, root, NULL, "title", TRUE, MAX_NAME_LENGTH);
  package->organisation = upp_get_text (checker, root, NULL, "organisation", TRUE, MAX_NAME_LENGTH);
  upp_get_date (checker, root, NULL, "decided", FALSE, &package->decided);
  package->decided_by = upp_get_text (checker, root, NULL, "decided_by", FALSE, MAX_NAME_LENGTH);

  reporting = upp_get_object (checker, upp_get_member (checker, root, NULL, "reporting", TRUE),
                              reporting_path);
  if (reporting != NULL)
    {
      upp_check_members (checker, reporting, reporting_path, reporting_fields);
      upp_get_week (checker, reporting, reporting_path, "first_week", &package->first_week);
      upp_get_integer (checker, reporting, reporting_path, "due_weekday", FALSE, 1, 7,
                       &package->due_weekday);
    }

  parse_goals_and_departments (checker, root, package);
  parse_actions (checker, root, package);

  if (upp_checker_count (checker) > n_problems)
    return NULL;
  return g_steal_pointer (&package);
}

/* upp-package-changes.c — what a package revision changes, in words
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown before someone accepts a revision that came from a file or the
 * shared folder: the changes that decide statuses (leads, deadlines,
 * reporting rules, actions) must be seen before they take effect.
 */

#define G_LOG_DOMAIN "upp-model"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-package-changes.h"
#include "upp-week.h"

static const char *
weekday_name (int weekday)
{
  switch (weekday)
    {
    case 1: return _("Monday");
    case 2: return _("Tuesday");
    case 3: return _("Wednesday");
    case 4: return _("Thursday");
    case 5: return _("Friday");
    case 6: return _("Saturday");
    case 7: return _("Sunday");
    default: return "?";
    }
}

static char *
format_date_or_none (const GDate *date)
{
  return g_date_valid (date) ? upp_date_format (date) : g_strdup (C_("date", "none"));
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The contributors as a set: their order means nothing. */
static char *
join_contributors (const UppAction *action)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; i < action->contributors->len; i++)
    g_ptr_array_add (codes, g_ptr_array_index (action->contributors, i));
  if (codes->len == 0)
    return g_strdup (C_("contributors", "none"));
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (", ", (char **) codes->pdata);
}

static void
add (GPtrArray  *changes,
     char       *text)
{
  g_ptr_array_add (changes, text);
}

static void
compare_text (GPtrArray  *changes,
              const char *what,
              const char *old_text,
              const char *new_text)
{
  if (g_strcmp0 (old_text, new_text) != 0)
    add (changes, g_strdup_printf (_("%s: “%s” → “%s”"), what, old_text != NULL ? old_text : "",
                                   new_text != NULL ? new_text : ""));
}

static void
compare_indicators (GPtrArray       *changes,
                    const UppAction *old_action,
                    const UppAction *new_action)
{
  for (guint i = 0; i < new_action->indicators->len; i++)
    {
      const UppIndicator *n = g_ptr_array_index (new_action->indicators, i);
      const UppIndicator *o = upp_action_find_indicator (old_action, n->code);

      if (o == NULL)
        add (changes, g_strdup_printf (_("%s: new indicator “%s”"), new_action->code, n->name));
      else if (o->has_target != n->has_target || (n->has_target && o->target != n->target) ||
               o->direction != n->direction)
        add (changes, g_strdup_printf (_("%s: the target of “%s” changed"), new_action->code,
                                       n->name));
    }
  for (guint i = 0; i < old_action->indicators->len; i++)
    {
      const UppIndicator *o = g_ptr_array_index (old_action->indicators, i);

      if (upp_action_find_indicator (new_action, o->code) == NULL)
        add (changes, g_strdup_printf (_("%s: indicator “%s” removed"), new_action->code, o->name));
    }
}

static void
compare_action (GPtrArray       *changes,
                const UppAction *o,
                const UppAction *n)
{
  g_autofree char *old_contributors = join_contributors (o);
  g_autofree char *new_contributors = join_contributors (n);
  g_autofree char *what = NULL;

  if (g_strcmp0 (o->lead, n->lead) != 0)
    add (changes, g_strdup_printf (_("%s: lead department %s → %s"), n->code, o->lead, n->lead));
  if (g_date_compare (&o->deadline, &n->deadline) != 0)
    {
      g_autofree char *before = format_date_or_none (&o->deadline);
      g_autofree char *after = format_date_or_none (&n->deadline);

      add (changes, g_strdup_printf (_("%s: deadline %s → %s"), n->code, before, after));
    }
  if (g_date_valid (&o->start) != g_date_valid (&n->start) ||
      (g_date_valid (&o->start) && g_date_compare (&o->start, &n->start) != 0))
    {
      g_autofree char *before = format_date_or_none (&o->start);
      g_autofree char *after = format_date_or_none (&n->start);

      add (changes, g_strdup_printf (_("%s: start %s → %s"), n->code, before, after));
    }
  if (g_strcmp0 (old_contributors, new_contributors) != 0)
    add (changes, g_strdup_printf (_("%s: contributing departments %s → %s"), n->code,
                                   old_contributors, new_contributors));
  what = g_strdup_printf (_("%s: title"), n->code);
  compare_text (changes, what, o->title, n->title);
  if (g_strcmp0 (o->goal, n->goal) != 0)
    add (changes, g_strdup_printf (_("%s: goal %s → %s"), n->code, o->goal, n->goal));
  if (g_strcmp0 (o->description, n->description) != 0)
    add (changes, g_strdup_printf (_("%s: the description changed"), n->code));
  compare_indicators (changes, o, n);
}

/**
 * upp_package_describe_changes:
 * @old_package: the definition in force
 * @new_package: a revision of it
 *
 * What @new_package changes, one sentence per change: the reporting rules
 * first, then departments, goals and actions in the revision's order.
 *
 * Returns: (transfer full) (element-type utf8): the changes; empty if none
 */
GPtrArray *
upp_package_describe_changes (const UppPackage *old_package,
                              const UppPackage *new_package)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (old_package != NULL && new_package != NULL, changes);

  if (upp_week_compare (old_package->first_week, new_package->first_week) != 0)
    {
      g_autofree char *before = upp_week_format (old_package->first_week);
      g_autofree char *after = upp_week_format (new_package->first_week);

      add (changes, g_strdup_printf (_("First reporting week %s → %s"), before, after));
    }
  if (old_package->due_weekday != new_package->due_weekday)
    add (changes, g_strdup_printf (_("Reports due on %s → %s"),
                                   weekday_name (old_package->due_weekday),
                                   weekday_name (new_package->due_weekday)));
  compare_text (changes, _("Title"), old_package->title, new_package->title);
  compare_text (changes, _("Organisation"), old_package->organisation, new_package->organisation);

  for (guint i = 0; i < new_package->departments->len; i++)
    {
      const UppDepartment *n = g_ptr_array_index (new_package->departments, i);
      const UppDepartment *o = upp_package_find_department (old_package, n->code);

      if (o == NULL)
        add (changes, g_strdup_printf (_("New department %s, %s"), n->code, n->name));
      else
        {
          g_autofree char *what = g_strdup_printf (_("Department %s"), n->code);

          compare_text (changes, what, o->name, n->name);
          if (o->partner != n->partner)
            add (changes, g_strdup_printf (n->partner ? _("%s is now a partner, not a department")
                                                      : _("%s is now a department, not a partner"),
                                           n->code));
        }
    }
  for (guint i = 0; i < old_package->departments->len; i++)
    {
      const UppDepartment *o = g_ptr_array_index (old_package->departments, i);

      if (upp_package_find_department (new_package, o->code) == NULL)
        add (changes, g_strdup_printf (_("Department %s removed"), o->code));
    }

  for (guint i = 0; i < new_package->goals->len; i++)
    {
      const UppGoal *n = g_ptr_array_index (new_package->goals, i);
      const UppGoal *o = NULL;

      for (guint j = 0; j < old_package->goals->len && o == NULL; j++)
        if (g_str_equal (((const UppGoal *) g_ptr_array_index (old_package->goals, j))->code,
                         n->code))
          o = g_ptr_array_index (old_package->goals, j);
      if (o == NULL)
        add (changes, g_strdup_printf (_("New goal %s: %s"), n->code, n->title));
      else
        {
          g_autofree char *what = g_strdup_printf (_("Goal %s"), n->code);

          compare_text (changes, what, o->title, n->title);
        }
    }

  for (guint i = 0; i < old_package->goals->len; i++)
    {
      const UppGoal *o = g_ptr_array_index (old_package->goals, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < new_package->goals->len && !kept; j++)
        kept = g_str_equal (((const UppGoal *) g_ptr_array_index (new_package->goals, j))->code,
                            o->code);
      if (!kept)
        add (changes, g_strdup_printf (_("Goal %s removed"), o->code));
    }

  for (guint i = 0; i < new_package->actions->len; i++)
    {
      const UppAction *n = g_ptr_array_index (new_package->actions, i);
      const UppAction *o = upp_package_find_action (old_package, n->code);

      if (o == NULL)
        {
          g_autofree char *deadline = format_date_or_none (&n->deadline);

          add (changes, g_strdup_printf (_("New action %s: %s (lead %s, deadline %s)"), n->code,
                                         n->title, n->lead, deadline));
        }
      else
        compare_action (changes, o, n);
    }
  for (guint i = 0; i < old_package->actions->len; i++)
    {
      const UppAction *o = g_ptr_array_index (old_package->actions, i);

      if (upp_package_find_action (new_package, o->code) == NULL)
        add (changes, g_strdup_printf (_("Action %s removed: %s"), o->code, o->title));
    }
  return changes;
}

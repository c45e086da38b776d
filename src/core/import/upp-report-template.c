/* upp-report-template.c — a report to fill in, from the department's latest entries
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "upp-error.h"
#include "upp-import.h"

/* Templates */

static void
add_entry_skeleton (JsonBuilder           *builder,
                    UppStore              *store,
                    const UppAction       *action,
                    const UppHistoryEntry *last,
                    const char            *department)
{
  UppStatus status = last != NULL ? last->status : UPP_STATUS_NOT_STARTED;
  g_autoptr(GHashTable) values = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, action->code);
  /* For whoever fills it in by hand: which action this is (format
   * version 2; read-only, the import does not use it). */
  json_builder_set_member_name (builder, "about");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, action->title);
  if (g_date_valid (&action->deadline))
    {
      g_autofree char *deadline = upp_date_format (&action->deadline);

      json_builder_set_member_name (builder, "deadline");
      json_builder_add_string_value (builder, deadline);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, upp_status_to_string (status));
  json_builder_set_member_name (builder, "progress");
  json_builder_add_int_value (builder, last != NULL ? last->progress : 0);
  json_builder_set_member_name (builder, "comment");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "next_steps");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "risks");
  json_builder_add_string_value (builder, "");

  /* Every indicator, with the last value where there is one. One nobody
   * reported is unknown, not 0: null, which the checker explains until the
   * department writes the number or removes the line. */
  values = last != NULL ? upp_store_get_indicator_values (store, department, last->week,
                                                          action->code)
                        : NULL;
  if (action->indicators->len > 0)
    {
      json_builder_set_member_name (builder, "indicators");
      json_builder_begin_object (builder);
      for (guint i = 0; i < action->indicators->len; i++)
        {
          const UppIndicator *indicator = g_ptr_array_index (action->indicators, i);
          const double *value = values != NULL ? g_hash_table_lookup (values, indicator->code)
                                                : NULL;

          json_builder_set_member_name (builder, indicator->code);
          if (value == NULL)
            json_builder_add_null_value (builder);
          else if (*value == floor (*value) && fabs (*value) < 1e15)
            json_builder_add_int_value (builder, (gint64) *value);
          else
            json_builder_add_double_value (builder, *value);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* Now, by the clock upp_week_today() reads: with UPP_TODAY set (tests,
 * screenshots) that day at noon, so that a template is not from the
 * future of the week its checks take for this one. */
static GDateTime *
template_now (void)
{
  const char *fake = g_getenv ("UPP_TODAY");
  GDate date;

  if (fake != NULL && upp_date_parse (fake, &date))
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      return g_date_time_new (local, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
    }
  return g_date_time_new_now_local ();
}

/**
 * upp_report_template:
 * @store: a #UppStore
 * @department: a department code
 * @week: the week to report on
 * @error: a #GError
 *
 * A report skeleton with one entry per action @department leads (first)
 * or contributes to, in package order, pre-filled with the department's
 * latest status, progress and indicator values before @week. Texts are
 * left empty for the department to write.
 *
 * Returns: (transfer full): the JSON text
 */
char *
upp_report_template (UppStore    *store,
                     const char  *department,
                     UppWeek      week,
                     GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GHashTable) by_action = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = template_now ();
  g_autofree char *submitted = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *week_text = upp_week_format (week);
  g_autofree char *text = NULL;
  g_autoptr(UppPackage) package = NULL;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (department != NULL, NULL);

  if (!upp_week_is_valid (week))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK, _("%d-W%02d is not a week"),
                   week.year, week.week);
      return NULL;
    }

  package = upp_store_ref_package (store);
  if (package == NULL)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
                   _("The database holds no action package yet; import one first"));
      return NULL;
    }
  if (upp_package_find_department (package, department) == NULL)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not one of the package’s departments"), department);
      return NULL;
    }
  /* A report needs at least one entry: a template without any would be
   * refused on import. */
  if (!upp_package_department_has_actions (package, department))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT,
                   _("“%s” neither leads nor contributes to any action: it has nothing to "
                     "report"), department);
      return NULL;
    }

  latest = upp_store_query_latest_entries (store, department, week, error);
  if (latest == NULL)
    return NULL;
  for (guint i = 0; i < latest->len; i++)
    {
      UppHistoryEntry *entry = g_ptr_array_index (latest, i);
      g_hash_table_insert (by_action, entry->action, entry);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "uppfoljning-report");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 2);
  json_builder_set_member_name (builder, "package");
  json_builder_add_string_value (builder, package->code);
  json_builder_set_member_name (builder, "department");
  json_builder_add_string_value (builder, department);
  json_builder_set_member_name (builder, "week");
  json_builder_add_string_value (builder, week_text);
  json_builder_set_member_name (builder, "submitted");
  json_builder_add_string_value (builder, submitted);
  json_builder_set_member_name (builder, "reporter");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  /* Lead actions first, then contributions, each in package order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < package->actions->len; i++)
      {
        const UppAction *action = g_ptr_array_index (package->actions, i);
        gboolean leads = g_str_equal (action->lead, department);

        if ((pass == 0) != leads || !upp_action_involves (action, department))
          continue;
        add_entry_skeleton (builder, store, action, g_hash_table_lookup (by_action, action->code),
                            department);
      }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

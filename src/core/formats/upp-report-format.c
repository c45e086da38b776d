/* upp-report-format.c — the weekly report: who, which week, one entry per action
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-format-private.h"

static const char * const status_list = "not-started, on-track, at-risk, delayed, done";

/* The weekly report */

static void
parse_entry_indicators (Checker     *checker,
                        const Jv    *o,
                        const Where *path,
                        UppEntry    *entry)
{
  const Where *ipath = AT (path, "indicators");
  const Jv *values = upp_get_object (checker, jv_get_member (o, "indicators"), ipath);

  for (guint i = 0; values != NULL && i < values->length; i++)
    {
      const JvMember *member = &values->v.members[i];
      g_autoptr(UppIndicatorValue) value = upp_indicator_value_new ();

      /* What a template leaves for the department to fill in. */
      if (member->value.kind == JV_NULL)
        upp_problem (checker, AT (ipath, member->key),
                     _("has no value yet; write this week’s number, or remove the line if it "
                       "is not known"));
      else if (upp_get_number_value (checker, &member->value, AT (ipath, member->key),
                                     &value->value))
        {
          value->indicator = g_strdup (member->key);
          g_ptr_array_add (entry->indicators, g_steal_pointer (&value));
        }
    }
}

/* Version 2: what the entry's action is, for whoever fills the report in
 * by hand (uppfoljning-cli template writes it). Read-only: checked, and
 * not used; the package says what the action is. */
static void
check_about (Checker     *checker,
             const Jv    *o,
             const Where *path)
{
  static const char * const allowed[] = { "title", "deadline", NULL };
  const Where *about_path = AT (path, "about");
  const Jv *about = jv_get_member (o, "about");
  g_autofree char *title = NULL;
  GDate deadline;

  if (about == NULL || upp_get_object (checker, about, about_path) == NULL)
    return;
  upp_check_members (checker, about, about_path, allowed);
  title = upp_get_text (checker, about, about_path, "title", FALSE, MAX_TEXT_LENGTH);
  upp_get_date (checker, about, about_path, "deadline", FALSE, &deadline);
}

static UppEntry *
parse_entry (Checker     *checker,
             const Jv    *o,
             const Where *path,
             int          version)
{
  static const char * const allowed[] = { "action", "status", "progress", "comment",
                                          "next_steps", "risks", "indicators", NULL };
  static const char * const allowed_2[] = { "action", "status", "progress", "comment",
                                            "next_steps", "risks", "indicators", "about", NULL };
  g_autoptr(UppEntry) entry = upp_entry_new ();
  const char *status;
  gboolean ok = TRUE;

  upp_check_members (checker, o, path, version >= 2 ? allowed_2 : allowed);
  if (version >= 2)
    check_about (checker, o, path);
  entry->action = upp_get_code (checker, o, path, "action", TRUE);
  status = upp_get_string (checker, o, path, "status", TRUE, 32);
  if (status != NULL && !upp_status_from_string (status, &entry->status))
    {
      upp_problem (checker, AT (path, "status"), _("“%s” is not a status; expected one of %s"),
                   status, status_list);
      ok = FALSE;
    }
  ok &= upp_get_integer (checker, o, path, "progress", TRUE, 0, 100, &entry->progress);
  if (ok && entry->status == UPP_STATUS_DONE && entry->progress != 100)
    upp_problem (checker, AT (path, "progress"),
                 _("is %d, but the status is done; a done action is at 100"), entry->progress);
  entry->comment = upp_get_text (checker, o, path, "comment", FALSE, MAX_TEXT_LENGTH);
  entry->next_steps = upp_get_text (checker, o, path, "next_steps", FALSE, MAX_TEXT_LENGTH);
  entry->risks = upp_get_text (checker, o, path, "risks", FALSE, MAX_TEXT_LENGTH);
  parse_entry_indicators (checker, o, path, entry);

  if (entry->action == NULL || status == NULL || !ok)
    return NULL;
  return g_steal_pointer (&entry);
}

static void
parse_submitted (Checker   *checker,
                 const Jv  *root,
                 UppReport *report)
{
  const char *text = upp_get_string (checker, root, NULL, "submitted", TRUE, 40);
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (text == NULL)
    return;
  /* With a UTC offset only: a time without one means different moments on
   * different desktops, and import order must not matter. */
  if (strlen (text) >= 20 && (text[strlen (text) - 1] == 'Z' || strchr (text + 19, '+') ||
                              strchr (text + 19, '-')))
    when = g_date_time_new_from_iso8601 (text, NULL);
  if (when == NULL)
    {
      upp_problem (checker, AT (NULL, "submitted"),
                   _("“%s” is not a date and time with a UTC offset; "
                     "expected such as 2026-06-19T15:30:00+02:00"), text);
      return;
    }

  /* Time zones on Earth lie between −12:00 and +14:00; GLib accepts up to
   * ±24:00, which would let a report seem up to a day earlier or later. */
  if (ABS (g_date_time_get_utc_offset (when)) > 14 * G_TIME_SPAN_HOUR)
    {
      upp_problem (checker, AT (NULL, "submitted"),
                   _("“%s” has a UTC offset no time zone has; expected between −14:00 and +14:00"),
                   text);
      return;
    }

  report->submitted = g_strdup (text);
  report->submitted_unix = g_date_time_to_unix (when);
  g_date_time_get_ymd (when, &y, &m, &d);
  g_date_set_dmy (&report->submitted_date, d, m, y);
}

UppReport *
upp_parse_report (Checker  *checker,
                  const Jv *root)
{
  static const char * const allowed[] = { "format", "version", "package", "department", "week",
                                          "submitted", "reporter", "summary", "entries", NULL };
  g_autoptr(UppReport) report = upp_report_new ();
  /* The actions of the entries kept in @report, which outlives it. */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const Jv *entries;
  guint n_problems = upp_checker_count (checker);
  int version = 1;

  upp_check_members (checker, root, NULL, allowed);
  if (!upp_check_header (checker, root, 2, &version))
    return NULL;
  report->version = version;

  report->package = upp_get_code (checker, root, NULL, "package", TRUE);
  report->department = upp_get_code (checker, root, NULL, "department", TRUE);
  upp_get_week (checker, root, NULL, "week", &report->week);
  parse_submitted (checker, root, report);
  report->reporter = upp_get_text (checker, root, NULL, "reporter", FALSE, MAX_NAME_LENGTH);
  report->summary = upp_get_text (checker, root, NULL, "summary", FALSE, MAX_TEXT_LENGTH);

  entries = upp_get_array (checker, root, NULL, "entries", TRUE, MAX_ENTRIES);
  /* Not one problem for each of many thousand entries too. */
  if (entries != NULL && entries->length > MAX_ENTRIES)
    return NULL;
  if (entries != NULL && entries->length == 0)
    upp_problem (checker, AT (NULL, "entries"),
                 _("is empty; a report has an entry for at least one action"));

  for (guint i = 0; entries != NULL && i < entries->length; i++)
    {
      const Where *path = AT_INDEX (AT (NULL, "entries"), i);
      const Jv *o = upp_get_object (checker, &entries->v.items[i], path);
      g_autoptr(UppEntry) entry = o != NULL ? parse_entry (checker, o, path, version) : NULL;

      if (entry == NULL)
        continue;
      /* (Adding a key that is there would replace it with the copy in
       * this entry, which is dropped.) */
      if (g_hash_table_contains (seen, entry->action))
        {
          upp_problem (checker, AT (path, "action"),
                       _("“%s” has a second entry; one entry per action"), entry->action);
          continue;
        }
      g_hash_table_add (seen, entry->action);
      g_ptr_array_add (report->entries, g_steal_pointer (&entry));
    }

  if (upp_checker_count (checker) > n_problems)
    return NULL;
  return g_steal_pointer (&report);
}

/* upp-briefing.c — the briefing: its options, its data and the public API
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "upp-briefing-private.h"
#include "upp-error.h"

/* Options */

/* The language the messages come out in: what gettext itself looks at,
 * LANGUAGE unless the locale is C, then the messages locale. */
static char *
default_language (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");
  gboolean c_locale = messages == NULL || g_str_equal (messages, "C") ||
                      g_str_equal (messages, "POSIX");
  const char *name = messages;

  if (!c_locale && language != NULL && *language != '\0')
    name = language;
  if (name != NULL && g_str_has_prefix (name, "sv"))
    return g_strdup ("sv-SE");
  return g_strdup ("en");
}

GDateTime *
upp_briefing_default_generated (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0' && seconds >= 0)
        return g_date_time_new_from_unix_utc (seconds);
      g_warning ("SOURCE_DATE_EPOCH=%s is not a number of seconds; using the time now", epoch);
    }
  return g_date_time_new_now_utc ();
}

/* Data: every query once, then grouping in memory. */

static int
compare_deadline_rows (gconstpointer a,
                       gconstpointer b)
{
  const UppDeadline *da = *(UppDeadline * const *) a;
  const UppDeadline *db = *(UppDeadline * const *) b;
  int by_date = g_date_compare (&da->deadline, &db->deadline);

  return by_date != 0 ? by_date : g_strcmp0 (da->action_code, db->action_code);
}

static gboolean
collect (UppBriefing  *self,
         UppStore     *store,
         GError      **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GHashTable) by_department = g_hash_table_new (g_str_hash, g_str_equal);
  UppWeek last_deadline_week = upp_week_add (self->week, UPP_N_DEADLINE_WEEKS - 1);

  self->package = upp_store_get_package (store, error);
  if (self->package == NULL)
    return FALSE;
  self->action_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->package->actions->len; i++)
    {
      UppAction *action = g_ptr_array_index (self->package->actions, i);

      g_hash_table_insert (self->action_by_code, action->code, action);
    }

  self->statuses = upp_store_query_status (store, self->week, NULL, error);
  if (self->statuses == NULL)
    return FALSE;
  self->before = upp_store_query_status (store, upp_week_add (self->week, -1), NULL, error);
  if (self->before == NULL)
    return FALSE;
  upp_store_count_states (self->statuses, &self->counts);

  /* Departments and deadlines, as the store would give them, from the one
   * status query. */
  self->department_counts = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_department_counts_free);
  for (guint i = 0; i < self->package->departments->len; i++)
    {
      const UppDepartment *department = g_ptr_array_index (self->package->departments, i);
      UppDepartmentCounts *row = g_new0 (UppDepartmentCounts, 1);

      row->code = g_strdup (department->code);
      row->name = g_strdup (department->name);
      row->partner = department->partner;
      g_ptr_array_add (self->department_counts, row);
      g_hash_table_insert (by_department, row->code, row);
    }

  self->deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_deadline_free);
  for (guint i = 0; i < self->statuses->len; i++)
    {
      const UppActionStatus *status = g_ptr_array_index (self->statuses, i);
      UppDepartmentCounts *row = g_hash_table_lookup (by_department, status->lead);
      UppWeek due = upp_week_from_date (&status->deadline);

      if (row != NULL)
        upp_state_counts_add (&row->counts, status->state);

      if (status->state == UPP_STATE_OVERDUE ||
          (upp_week_compare (due, self->week) >= 0 &&
           upp_week_compare (due, last_deadline_week) <= 0 && status->state != UPP_STATE_DONE))
        {
          UppDeadline *deadline = g_new0 (UppDeadline, 1);

          deadline->action_code = g_strdup (status->code);
          deadline->title = g_strdup (status->title);
          deadline->lead_code = g_strdup (status->lead);
          deadline->deadline = status->deadline;
          deadline->state = status->state;
          g_ptr_array_add (self->deadlines, deadline);
        }
    }
  g_ptr_array_sort (self->deadlines, compare_deadline_rows);

  self->compliance = upp_store_query_compliance (store, self->week, UPP_N_COMPLIANCE_WEEKS, error);
  if (self->compliance == NULL)
    return FALSE;

  self->notes = upp_store_list_notes (store, self->week, error);
  if (self->notes == NULL)
    return FALSE;
  self->note_by_action = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->notes->len; i++)
    {
      UppNote *note = g_ptr_array_index (self->notes, i);

      if (upp_briefing_has_text (note->text))
        g_hash_table_insert (self->note_by_action, note->action, note);
    }

  self->summaries = upp_store_query_summaries (store, self->week, error);
  if (self->summaries == NULL)
    return FALSE;

  /* Corrections: reports for this week that were corrected, and any
   * correction sent in this week. */
  documents = upp_store_list_documents (store, error);
  if (documents == NULL)
    return FALSE;
  self->corrections = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_info_free);
  for (guint i = 0; i < documents->len; i++)
    {
      UppDocumentInfo *info = g_ptr_array_index (documents, i);
      GDate submitted;
      gboolean sent_this_week = FALSE;

      if (g_strcmp0 (info->kind, "report") != 0 || info->revision < 2 || !info->is_current)
        continue;
      if (info->submitted != NULL && strlen (info->submitted) >= 10)
        {
          g_autofree char *day = g_strndup (info->submitted, 10);

          sent_this_week = upp_date_parse (day, &submitted) &&
                           upp_week_compare (upp_week_from_date (&submitted), self->week) == 0;
        }
      if (sent_this_week || upp_week_compare (info->week, self->week) == 0)
        g_ptr_array_add (self->corrections, g_steal_pointer (&g_ptr_array_index (documents, i)));
    }

  return TRUE;
}

static gpointer
query_series (gpointer data)
{
  UppSeriesQuery *query = data;
  return upp_store_query_indicator_series (query->store, query->week, NULL, &query->error);
}

/* Public API */

/**
 * upp_briefing_new:
 * @store: a #UppStore with a package
 * @options: what to write
 * @error: a #GError
 *
 * Queries the store, checks every text that would go into the briefing
 * with the sensitive-data guard, and lays the briefing out into A4 pages
 * (its sections in threads of their own, one a processor). Safe to call in
 * a worker thread; the result may then be drawn in another thread, one
 * thread at a time.
 *
 * Returns: (transfer full): the briefing, or %NULL with @error set (the
 *   error is %UPP_ERROR_SENSITIVE and names the text when the guard
 *   refuses)
 */
UppBriefing *
upp_briefing_new (UppStore                  *store,
                  const UppBriefingOptions  *options,
                  GError                   **error)
{
  g_autoptr(UppBriefing) self = NULL;
  UppSeriesQuery series_query = { 0 };
  GThread *series_thread;
  gint64 start;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!upp_week_is_valid (options->week))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK, _("%d-W%02d is not a week"),
                   options->week.year, options->week.week);
      return NULL;
    }

  self = g_new0 (UppBriefing, 1);
  self->week = options->week;
  self->summary = options->summary;
  self->generated = options->generated != NULL ? g_date_time_ref (options->generated)
                                               : upp_briefing_default_generated ();
  self->language = options->language != NULL ? g_strdup (options->language) : default_language ();

  start = g_get_monotonic_time ();
  if (!collect (self, store, error))
    return NULL;
  g_debug ("queries: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  self->organisation = g_strdup (options->organisation != NULL ? options->organisation
                                                               : self->package->organisation);
  if (!upp_briefing_guard (self, error))
    return NULL;

  self->title = g_strdup_printf (_("%s: situation report week %d"), self->package->title,
                                 self->week.week);
  self->subject = g_strdup_printf (_("Follow-up of the action package as of week %d-W%02d"),
                                   self->week.year, self->week.week);
  self->keywords = g_strdup_printf ("%s, %d-W%02d, %s", self->package->code, self->week.year,
                                    self->week.week, self->summary ? _("summary") : _("briefing"));

  /* The summary shows no indicators: no need for their slow query. */
  series_query.store = store;
  series_query.week = self->week;
  series_thread = self->summary ? NULL
                                : g_thread_new ("upp-briefing-series", query_series, &series_query);

  start = g_get_monotonic_time ();
  /* The summary keeps to two pages: when its lists make it longer, it is
   * laid out again with shorter ones (8, 5, 3, 2, 1 items). */
  self->summary_items = UPP_SUMMARY_MAX_ITEMS;
  for (;;)
    {
      upp_briefing_layout_init (self);
      if (!upp_briefing_build (self, series_thread, &series_query, error))
        return NULL;
      if (!self->summary || self->pages->len <= UPP_SUMMARY_MAX_PAGES ||
          self->summary_items <= 1)
        break;
      g_debug ("summary: %u pages with %u items a list", self->pages->len,
               self->summary_items);
      self->summary_items = self->summary_items * 2 / 3;
      upp_briefing_layout_clear (self);
      g_clear_pointer (&self->indicators, g_ptr_array_unref);
    }
  g_debug ("layout: %u pages in %.0f ms", self->pages->len,
           (g_get_monotonic_time () - start) / 1000.0);
  return g_steal_pointer (&self);
}

/**
 * upp_briefing_get_n_pages:
 * @self: a #UppBriefing
 *
 * Returns: the number of pages
 */
guint
upp_briefing_get_n_pages (UppBriefing *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

/**
 * upp_briefing_get_title:
 * @self: a #UppBriefing
 *
 * Returns: the document title, as in the PDF's metadata
 */
const char *
upp_briefing_get_title (UppBriefing *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

/**
 * upp_briefing_draw_page:
 * @self: a #UppBriefing
 * @cr: a cairo context whose user space is an A4 page in points, origin
 *   at the top left (%UPP_BRIEFING_PAGE_WIDTH × %UPP_BRIEFING_PAGE_HEIGHT)
 * @page: the page, from 0
 *
 * Draws one page, as it is in the PDF, for a #GtkPrintOperation or a
 * preview. Pages may be drawn in any order and more than once.
 */
void
upp_briefing_draw_page (UppBriefing *self,
                        cairo_t     *cr,
                        guint        page)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  upp_briefing_render_page (self, cr, page, FALSE);
}

/**
 * upp_briefing_free:
 * @self: (nullable): a #UppBriefing
 */
void
upp_briefing_free (UppBriefing *self)
{
  if (self == NULL)
    return;
  upp_briefing_layout_clear (self);
  g_clear_pointer (&self->generated, g_date_time_unref);
  g_free (self->organisation);
  g_free (self->language);
  g_free (self->title);
  g_free (self->subject);
  g_free (self->keywords);
  g_clear_pointer (&self->package, upp_package_free);
  g_clear_pointer (&self->statuses, g_ptr_array_unref);
  g_clear_pointer (&self->before, g_ptr_array_unref);
  g_clear_pointer (&self->department_counts, g_ptr_array_unref);
  g_clear_pointer (&self->compliance, g_ptr_array_unref);
  g_clear_pointer (&self->deadlines, g_ptr_array_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->note_by_action, g_hash_table_unref);
  g_clear_pointer (&self->action_by_code, g_hash_table_unref);
  g_clear_pointer (&self->corrections, g_ptr_array_unref);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_free (self);
}

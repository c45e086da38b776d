/* upp-briefing-build.c — the whole document: the sections laid out in threads, placed in order
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "upp-briefing-private.h"

static void
running_texts (UppBriefing *self)
{
  g_autofree char *title = upp_briefing_esc (self->package->title);
  g_autofree char *week = g_strdup_printf (_("Situation report week %d"), self->week.week);
  g_autofree char *week_markup = upp_briefing_esc (week);
  g_autofree char *generated_date = g_date_time_format (self->generated, "%Y-%m-%d");
  g_autofree char *footer = self->summary
                            ? g_strdup_printf (_("%s · Generated %s · Summary"),
                                               self->organisation, generated_date)
                            : g_strdup_printf (_("%s · Generated %s"), self->organisation,
                                               generated_date);
  g_autofree char *footer_markup = upp_briefing_esc (footer);
  PangoLayout *layout;

  layout = upp_briefing_text (self, UPP_TEXT_RUNNING, title, UPP_TEXT_WIDTH * 0.6,
                              PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  g_ptr_array_add (self->running, g_object_ref (layout));
  g_ptr_array_add (self->running, g_object_ref (upp_briefing_text (self, UPP_TEXT_RUNNING,
                                                                   week_markup, -1,
                                                                   PANGO_ALIGN_LEFT)));
  g_ptr_array_add (self->running, g_object_ref (upp_briefing_text (self, UPP_TEXT_RUNNING,
                                                                   footer_markup, -1,
                                                                   PANGO_ALIGN_LEFT)));
  for (guint p = 0; p < self->pages->len; p++)
    {
      g_autofree char *text = g_strdup_printf (_("Page %u of %u"), p + 1, self->pages->len);

      g_ptr_array_add (self->running, g_object_ref (upp_briefing_text (self, UPP_TEXT_RUNNING,
                                                                       text, -1,
                                                                       PANGO_ALIGN_LEFT)));
    }
}

/* The column of action codes: as wide as the widest code in the bold of
 * the action titles, and a gap. Only the longest codes are measured (one
 * line each in one layout; a layout of thousands of lines is slow). */
static void
measure_hang (UppBriefing *self)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  gsize longest = 0;
  guint n = 0;
  PangoLayout *layout;

  for (guint i = 0; i < self->statuses->len; i++)
    longest = MAX (longest, g_utf8_strlen (((UppActionStatus *) self->statuses->pdata[i])->code, -1));
  for (guint i = 0; i < self->statuses->len && n < 32; i++)
    {
      const char *code = ((UppActionStatus *) self->statuses->pdata[i])->code;
      g_autofree char *markup = NULL;

      if (g_utf8_strlen (code, -1) + 1 < longest)
        continue;
      markup = upp_briefing_esc (code);
      g_string_append_printf (codes, "%s\n", markup);
      n++;
    }
  layout = upp_briefing_text (self, UPP_TEXT_H3, codes->str, -1, PANGO_ALIGN_LEFT);
  self->hang = MAX (34, ceil (upp_layout_width (layout)) + 9);
}

/* The sections are laid out on their own, in as many threads as there are
 * processors: each section cuts its content into chunks with a context of
 * its thread (layouts, chunks, figures and outline entries of its own, the
 * data shared and only read), and the flow then places them in document
 * order. Placing is cheap; shaping the text is what takes the time. */

typedef void (*SectionFunc) (UppBuilder *b,
                             guint       part);

typedef struct
{
  SectionFunc  build;
  guint        part;        /* for build: which department */
  double       cost;        /* a guess, in action cards */
  UppBriefing  local;       /* the briefing's data, with layout state of its own */
  GPtrArray   *recording;   /* what the section added to its flow */
} Section;

typedef struct
{
  UppBriefing *self;
  Section     *sections;
  guint       *order;       /* the sections, the costliest first */
  guint        n_sections;
  int          next;        /* atomic: the next of order to take */
} SectionQueue;

static guint layout_threads;

/* For tests: how many threads lay out the sections (0: one a processor). */
void
upp_briefing_set_layout_threads (guint n_threads)
{
  layout_threads = n_threads;
}

/* The sections that need no more than their UppBuilder. */
static void
needs_decision_section (UppBuilder *b,
                        guint       part)
{
  upp_section_needs_decision (b);
  upp_section_missing_reports (b);
}

static void
changes_section (UppBuilder *b,
                 guint       part)
{
  upp_section_changes (b);
}

static void
departments_section (UppBuilder *b,
                     guint       part)
{
  upp_section_departments (b);
}

static void
deadlines_section (UppBuilder *b,
                   guint       part)
{
  upp_section_deadlines (b);
}

static void
appendix_section (UppBuilder *b,
                  guint       part)
{
  upp_section_appendix (b);
}

static void
lay_out_section (UppBriefing  *self,
                 Section      *section,
                 PangoContext *context)
{
  UppBriefing *local = &section->local;
  UppBuilder b = { local };

  *local = *self;
  local->context = context;
  local->cell_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  local->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  local->chunks = g_ptr_array_new ();
  local->figures = g_ptr_array_new ();
  local->outline = g_array_new (FALSE, TRUE, sizeof (UppOutlineEntry));
  /* Only the flow that places the sections uses these. */
  local->font_map = NULL;
  local->pages = NULL;
  local->dest_pages = NULL;
  local->page_refs = NULL;
  local->running = NULL;

  upp_flow_init (&b.flow, local);
  upp_flow_record (&b.flow);
  section->build (&b, section->part);
  section->recording = upp_flow_stop_recording (&b.flow);
  upp_flow_finish (&b.flow, FALSE);
}

static void
run_sections (SectionQueue *queue,
              PangoContext *context)
{
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&queue->next, 1);

      if (i >= queue->n_sections)
        break;
      lay_out_section (queue->self, &queue->sections[queue->order[i]], context);
    }
}

static gpointer
section_thread (gpointer data)
{
  PangoContext *context = upp_briefing_new_context ();

  run_sections (data, context);
  g_object_unref (context);
  return NULL;
}

/* Takes over what @section made; places it in @b's flow when @place. */
static void
absorb_section (UppBuilder *b,
                Section    *section,
                gboolean    place)
{
  UppBriefing *self = b->self;
  UppBriefing *local = &section->local;
  guint figure_base = self->figures->len;
  guint outline_base = self->outline->len;
  GHashTableIter iter;
  gpointer layout;

  /* Figures and outline entries are numbered in the whole document. */
  for (guint i = 0; i < local->chunks->len; i++)
    {
      UppChunk *chunk = local->chunks->pdata[i];

      for (guint j = 0; j < chunk->ops->len; j++)
        if (g_array_index (chunk->ops, UppOp, j).kind == UPP_OP_FIGURE)
          g_array_index (chunk->ops, UppOp, j).index += figure_base;
    }
  for (guint i = 0; i < local->figures->len; i++)
    g_ptr_array_add (self->figures, local->figures->pdata[i]);
  g_clear_pointer (&local->figures, g_ptr_array_unref);
  for (guint i = 0; i < local->outline->len; i++)
    {
      UppOutlineEntry entry = g_array_index (local->outline, UppOutlineEntry, i);

      if (entry.parent >= 0)
        entry.parent += outline_base;
      else if (entry.parent == UPP_OUTLINE_UNDER_LAST)
        for (entry.parent = self->outline->len - 1; entry.parent >= 0; entry.parent--)
          if (g_array_index (self->outline, UppOutlineEntry, entry.parent).parent < 0)
            break;
      g_array_append_val (self->outline, entry);
    }
  g_clear_pointer (&local->outline, g_array_unref);

  for (guint i = 0; i < local->layouts->len; i++)
    g_ptr_array_add (self->layouts, local->layouts->pdata[i]);
  g_ptr_array_set_free_func (local->layouts, NULL);
  g_clear_pointer (&local->layouts, g_ptr_array_unref);
  g_hash_table_iter_init (&iter, local->cell_cache);
  while (g_hash_table_iter_next (&iter, NULL, &layout))
    g_ptr_array_add (self->layouts, g_object_ref (layout));
  g_clear_pointer (&local->cell_cache, g_hash_table_unref);
  for (guint i = 0; i < local->chunks->len; i++)
    g_ptr_array_add (self->chunks, local->chunks->pdata[i]);
  g_clear_pointer (&local->chunks, g_ptr_array_unref);

  if (place)
    upp_flow_replay (&b->flow, section->recording);
  g_clear_pointer (&section->recording, g_ptr_array_unref);
}

static void
add_section (GArray      *sections,
             SectionFunc  build,
             guint        part,
             double       cost)
{
  Section section = { build, part, cost };

  g_array_append_val (sections, section);
}

static int
compare_cost (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const Section *sections = data;
  double ca = sections[*(const guint *) a].cost;
  double cb = sections[*(const guint *) b].cost;

  return ca > cb ? -1 : ca < cb ? 1 : 0;
}

gboolean
upp_briefing_build (UppBriefing    *self,
                    GThread        *series_thread,
                    UppSeriesQuery *series_query,
                    GError        **error)
{
  g_autoptr(GArray) sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_autofree guint *order = NULL;
  g_autofree double *cards = g_new0 (double, self->department_counts->len);
  g_autoptr(GHashTable) department_index = g_hash_table_new (g_str_hash, g_str_equal);
  SectionQueue queue = { self };
  guint n_threads = layout_threads > 0 ? layout_threads
                                       : (guint) CLAMP (g_get_num_processors (), 1, 4);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  UppBuilder b = { self };
  double n = self->statuses->len;
  guint appendix_index;
  gboolean ok;

  measure_hang (self);
  /* GDate computes its fields when first asked, even through a const
   * pointer: ask now, before threads read the same dates. */
  for (guint i = 0; i < self->statuses->len; i++)
    {
      UppActionStatus *status = self->statuses->pdata[i];

      if (g_date_valid (&status->deadline))
        {
          (void) g_date_get_julian (&status->deadline);
          (void) g_date_get_year (&status->deadline);
        }
    }

  /* What each department's section holds: cards, and one line for each
   * action done before this week. */
  for (guint d = 0; d < self->department_counts->len; d++)
    g_hash_table_insert (department_index,
                         ((UppDepartmentCounts *) self->department_counts->pdata[d])->code,
                         GUINT_TO_POINTER (d + 1));
  for (guint i = 0; i < self->statuses->len; i++)
    {
      const UppActionStatus *status = self->statuses->pdata[i];
      const UppActionStatus *then = i < self->before->len ? self->before->pdata[i] : NULL;
      guint d = GPOINTER_TO_UINT (g_hash_table_lookup (department_index, status->lead));

      if (d > 0)
        cards[d - 1] += status->state == UPP_STATE_DONE && then != NULL &&
                        then->state == UPP_STATE_DONE ? 0.05 : 1;
    }

  /* In document order; the indicators come before the appendix, once
   * their query is done. The costs are rough guesses in action cards,
   * from profiles at M: only their order matters. */
  add_section (sections, upp_section_cover, 0, 2);
  add_section (sections, needs_decision_section, 0, upp_briefing_count_needing_attention (self));
  add_section (sections, changes_section, 0, 0.05 * n);
  /* The summary: key figures, the ring, what needs a decision, the
   * missing reports and the week's changes, on two pages at most. */
  appendix_index = G_MAXUINT;
  if (!self->summary)
    {
      add_section (sections, departments_section, 0, 1);
      add_section (sections, deadlines_section, 0, 1 + 0.15 * self->deadlines->len);
      add_section (sections, upp_section_actions_begin, 0, 1);
      for (guint d = 0; d < self->department_counts->len; d++)
        add_section (sections, upp_section_actions_of_department, d, cards[d]);
      add_section (sections, upp_section_actions_end, 0, 0);
      appendix_index = sections->len;
      add_section (sections, appendix_section, 0, 0.16 * n);
    }

  /* The costliest first, so that no thread is left with a long one last. */
  order = g_new (guint, sections->len);
  for (guint i = 0; i < sections->len; i++)
    order[i] = i;
  g_qsort_with_data (order, sections->len, sizeof (guint), compare_cost, sections->data);
  queue.sections = (Section *) sections->data;
  queue.order = order;
  queue.n_sections = sections->len;

  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("upp-briefing-layout", section_thread, &queue));
  run_sections (&queue, self->context);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (threads->pdata[i]);

  self->indicators = series_thread != NULL
                     ? g_thread_join (series_thread)
                     : g_ptr_array_new_with_free_func ((GDestroyNotify) upp_indicator_series_free);
  ok = self->indicators != NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&series_query->error));
  else
    ok = upp_briefing_guard_indicators (self, error);

  upp_flow_init (&b.flow, self);
  if (ok)
    upp_flow_tag_begin (&b.flow, "Document");
  for (guint i = 0; i < sections->len; i++)
    {
      if (i == appendix_index && ok)
        upp_section_indicators (&b);
      absorb_section (&b, &g_array_index (sections, Section, i), ok);
    }
  if (!ok)
    {
      upp_flow_finish (&b.flow, FALSE);
      return FALSE;
    }
  upp_flow_tag_end (&b.flow, "Document");
  upp_flow_finish (&b.flow, TRUE);

  upp_briefing_finish_layout (self);
  running_texts (self);
  return TRUE;
}

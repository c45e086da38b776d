/* upp-briefing-layout.c — text, chunks and the page flow
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <string.h>

#include "upp-briefing-private.h"

/* The type: DejaVu Sans for structure (headings, tables, figures, the
 * running header) and DejaVu Serif for running text, which is what is read
 * at length. Sizes in points; the context runs at 72 dpi so that one point
 * is one unit. Line spacing is a factor of the font's line height. */
static const struct
{
  const char *font;
  double      line_spacing;
} text_styles[UPP_N_TEXT_STYLES] = {
  [UPP_TEXT_ORGANISATION] = { "DejaVu Sans Bold 9.5", 0 },
  [UPP_TEXT_TITLE] = { "DejaVu Sans Bold 22", 1.05 },
  [UPP_TEXT_SUBTITLE] = { "DejaVu Sans 15", 0 },
  [UPP_TEXT_META] = { "DejaVu Sans 9", 1.3 },
  [UPP_TEXT_H1] = { "DejaVu Sans Bold 16", 1.05 },
  [UPP_TEXT_H2] = { "DejaVu Sans Bold 12", 1.05 },
  [UPP_TEXT_H3] = { "DejaVu Sans Bold 10", 1.1 },
  [UPP_TEXT_BODY] = { "DejaVu Serif 10", 1.2 },
  [UPP_TEXT_LABEL] = { "DejaVu Sans Bold 7.5", 0 },
  [UPP_TEXT_SMALL] = { "DejaVu Sans 8.5", 1.2 },
  [UPP_TEXT_TABLE] = { "DejaVu Sans 8.5", 1.15 },
  [UPP_TEXT_TABLE_HEAD] = { "DejaVu Sans 7", 1.1 },
  [UPP_TEXT_FIGURE_NUMBER] = { "DejaVu Sans Bold 20", 0 },
  [UPP_TEXT_FIGURE_LABEL] = { "DejaVu Sans 8", 0 },
  [UPP_TEXT_RUNNING] = { "DejaVu Sans 7.5", 0 },
  [UPP_TEXT_TOC] = { "DejaVu Sans 10", 0 },
};

#define BODY_HEIGHT (UPP_TEXT_BOTTOM - UPP_MARGIN_TOP)

/**
 * upp_briefing_new_context:
 *
 * A context on a font map of its own: safe in a worker thread (a font map
 * is for one thread at a time; every thread that lays text out gets its
 * own), and unaffected by whatever the screen's font settings are. Layouts
 * keep their context and font map alive; once a thread is done with them,
 * another may draw them.
 *
 * Returns: (transfer full): a new context
 */
PangoContext *
upp_briefing_new_context (void)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options;

  pango_cairo_context_set_resolution (context, 72.0);

  /* Unhinted metrics: the same line breaks on paper, in a print preview
   * and in the PDF, whatever the target's resolution. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

void
upp_briefing_layout_init (UppBriefing *self)
{
  self->context = upp_briefing_new_context ();
  self->font_map = g_object_ref (pango_context_get_font_map (self->context));

  for (guint i = 0; i < UPP_N_TEXT_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (text_styles[i].font);

  upp_chart_style_init (&self->chart_style, UPP_CHART_STYLE_PRINT);

  self->cell_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->chunks = g_ptr_array_new ();
  self->pages = g_ptr_array_new ();
  self->figures = g_ptr_array_new ();
  self->dest_pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->outline = g_array_new (FALSE, TRUE, sizeof (UppOutlineEntry));
  self->page_refs = g_ptr_array_new_with_free_func (g_object_unref);
  self->running = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
clear_ops (GArray *ops)
{
  for (guint i = 0; i < ops->len; i++)
    {
      g_free (g_array_index (ops, UppOp, i).attributes);
      g_free (g_array_index (ops, UppOp, i).description);
    }
  g_array_free (ops, TRUE);
}

void
upp_briefing_layout_clear (UppBriefing *self)
{
  if (self->chunks != NULL)
    {
      for (guint i = 0; i < self->chunks->len; i++)
        {
          UppChunk *chunk = g_ptr_array_index (self->chunks, i);

          clear_ops (chunk->ops);
          g_free (chunk);
        }
      g_clear_pointer (&self->chunks, g_ptr_array_unref);
    }
  if (self->pages != NULL)
    {
      for (guint i = 0; i < self->pages->len; i++)
        {
          UppPage *page = g_ptr_array_index (self->pages, i);

          clear_ops (page->ops);
          g_free (page);
        }
      g_clear_pointer (&self->pages, g_ptr_array_unref);
    }
  if (self->figures != NULL)
    {
      for (guint i = 0; i < self->figures->len; i++)
        {
          UppFigure *figure = g_ptr_array_index (self->figures, i);

          g_free (figure->alt);
          g_free (figure);
        }
      g_clear_pointer (&self->figures, g_ptr_array_unref);
    }
  if (self->outline != NULL)
    {
      for (guint i = 0; i < self->outline->len; i++)
        {
          g_free (g_array_index (self->outline, UppOutlineEntry, i).title);
          g_free (g_array_index (self->outline, UppOutlineEntry, i).dest);
        }
      g_clear_pointer (&self->outline, g_array_unref);
    }
  g_clear_pointer (&self->dest_pages, g_hash_table_unref);
  g_clear_pointer (&self->page_refs, g_ptr_array_unref);
  g_clear_pointer (&self->running, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->cell_cache, g_hash_table_unref);
  for (guint i = 0; i < UPP_N_TEXT_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
}

static PangoLayout *
make_text (UppBriefing    *self,
           UppTextStyle    style,
           const char     *markup,
           double          width,
           PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoAttrList *attributes;

  pango_layout_set_font_description (layout, self->fonts[style]);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      /* Headers break between words only; text may break a long word. */
      pango_layout_set_wrap (layout, style == UPP_TEXT_TABLE_HEAD ? PANGO_WRAP_WORD
                                                                  : PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  if (text_styles[style].line_spacing > 0)
    pango_layout_set_line_spacing (layout, text_styles[style].line_spacing);
  pango_layout_set_markup (layout, markup, -1);

  /* A table cell "code<tab>title": the code hangs in a column of its own. */
  if (style == UPP_TEXT_TABLE && strchr (markup, '\t') != NULL)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                                self->hang);

      pango_layout_set_tabs (layout, tabs);
      pango_tab_array_free (tabs);
      pango_layout_set_indent (layout, pango_units_from_double (-self->hang));
    }

  /* Tabular figures, so that numbers line up in columns. (DejaVu's
   * figures are tabular anyway; this is for a fallback font.) */
  if (style != UPP_TEXT_TABLE && style != UPP_TEXT_TABLE_HEAD && style != UPP_TEXT_TOC &&
      style != UPP_TEXT_FIGURE_NUMBER)
    return layout;
  attributes = pango_layout_get_attributes (layout);
  attributes = attributes != NULL ? pango_attr_list_copy (attributes) : pango_attr_list_new ();
  pango_attr_list_insert_before (attributes, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);

  return layout;
}

/* A layout owned by the briefing, for one place in the document. */
PangoLayout *
upp_briefing_text (UppBriefing    *self,
                   UppTextStyle    style,
                   const char     *markup,
                   double          width,
                   PangoAlignment  align)
{
  PangoLayout *layout = make_text (self, style, markup, width, align);

  g_ptr_array_add (self->layouts, layout);
  return layout;
}

/* A layout shared by every place with the same text in the same style and
 * width: table cells repeat ("On track", a department code, a date) in a
 * briefing of 2,000 actions, and each shaping costs. */
PangoLayout *
upp_briefing_cached_text (UppBriefing    *self,
                          UppTextStyle    style,
                          const char     *markup,
                          double          width,
                          PangoAlignment  align)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%d\x1f%d\x1f%s", style, align,
                                          (int) (width * 100), markup);
  PangoLayout *layout = g_hash_table_lookup (self->cell_cache, key);

  if (layout == NULL)
    {
      layout = make_text (self, style, markup, width, align);
      g_hash_table_insert (self->cell_cache, g_steal_pointer (&key), layout);
    }
  return layout;
}

double
upp_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.height);
}

double
upp_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.x + logical.width);
}

double
upp_layout_baseline (PangoLayout *layout)
{
  return pango_units_to_double (pango_layout_get_baseline (layout));
}

/* Chunks */

UppChunk *
upp_chunk_new (UppBriefing *self)
{
  UppChunk *chunk = g_new0 (UppChunk, 1);

  chunk->ops = g_array_new (FALSE, TRUE, sizeof (UppOp));
  g_ptr_array_add (self->chunks, chunk);
  return chunk;
}

UppOp *
upp_chunk_add_op (UppChunk  *chunk,
                  UppOpKind  kind)
{
  UppOp op = { 0 };

  op.kind = kind;
  op.first_line = -1;
  g_array_append_val (chunk->ops, op);
  return &g_array_index (chunk->ops, UppOp, chunk->ops->len - 1);
}

void
upp_chunk_add_text (UppChunk    *chunk,
                    PangoLayout *layout,
                    double       x,
                    double       y,
                    guint32      color)
{
  UppOp *op = upp_chunk_add_op (chunk, UPP_OP_TEXT);

  op->layout = layout;
  op->x = x;
  op->y = y;
  op->color = color;
}

void
upp_chunk_add_line (UppChunk *chunk,
                    double    x1,
                    double    y1,
                    double    x2,
                    double    y2,
                    double    width,
                    guint32   color)
{
  UppOp *op = upp_chunk_add_op (chunk, UPP_OP_LINE);

  op->x = x1;
  op->y = y1;
  op->width = x2 - x1;
  op->height = y2 - y1;
  op->line_width = width;
  op->color = color;
}

void
upp_chunk_add_rect (UppChunk *chunk,
                    double    x,
                    double    y,
                    double    width,
                    double    height,
                    guint32   color)
{
  UppOp *op = upp_chunk_add_op (chunk, UPP_OP_RECT);

  op->x = x;
  op->y = y;
  op->width = width;
  op->height = height;
  op->color = color;
}

void
upp_chunk_tag_begin (UppChunk   *chunk,
                     const char *tag,
                     const char *attributes,
                     gboolean    leaf)
{
  UppOp *op = upp_chunk_add_op (chunk, UPP_OP_TAG_BEGIN);

  op->tag = tag;
  op->attributes = g_strdup (attributes);
  op->leaf = leaf;
}

/* A link to a named destination; @text says where it goes, for readers
 * that cannot see it. */
void
upp_chunk_link_begin (UppChunk   *chunk,
                      const char *dest,
                      const char *text)
{
  UppOp *op = upp_chunk_add_op (chunk, UPP_OP_TAG_BEGIN);

  op->tag = CAIRO_TAG_LINK;
  op->attributes = g_strdup_printf ("dest='%s'", dest);
  op->description = g_strdup (text);
  op->leaf = TRUE;
}

void
upp_chunk_tag_end (UppChunk   *chunk,
                   const char *tag)
{
  UppOp *op = upp_chunk_add_op (chunk, UPP_OP_TAG_END);

  op->tag = tag;
}

/* A named destination, whose page the contents list can look up once the
 * flow has placed it. */
void
upp_chunk_add_dest (UppChunk   *chunk,
                    const char *name,
                    double      y)
{
  UppOp *op = upp_chunk_add_op (chunk, UPP_OP_DEST);

  op->attributes = g_strdup (name);
  op->y = y;
}

/* The flow */

void
upp_flow_init (UppFlow     *flow,
               UppBriefing *self)
{
  memset (flow, 0, sizeof *flow);
  flow->briefing = self;
  flow->queue = g_ptr_array_new ();
  flow->open_tags = g_array_new (FALSE, TRUE, sizeof (UppOp));
}

static void
emit (UppFlow     *flow,
      const UppOp *source,
      double       dy)
{
  UppBriefing *self = flow->briefing;
  UppOp op = *source;

  op.y += dy;
  op.attributes = g_strdup (source->attributes);
  op.description = g_strdup (source->description);

  switch (op.kind)
    {
    case UPP_OP_TAG_BEGIN:
      g_array_append_val (flow->open_tags, op);
      break;

    case UPP_OP_TAG_END:
      g_assert (flow->open_tags->len > 0);
      g_assert (g_str_equal (g_array_index (flow->open_tags, UppOp, flow->open_tags->len - 1).tag,
                             op.tag));
      g_array_set_size (flow->open_tags, flow->open_tags->len - 1);
      break;

    case UPP_OP_DEST:
      {
        g_hash_table_insert (self->dest_pages, g_strdup (op.attributes),
                             GUINT_TO_POINTER (self->pages->len));
      }
      break;

    case UPP_OP_FIGURE:
      {
        UppFigure *figure = g_ptr_array_index (self->figures, op.index);

        figure->page = self->pages->len - 1;
        figure->x = op.x;
        figure->y = op.y;
        figure->width = op.width;
        figure->height = op.height;
      }
      break;

    case UPP_OP_TEXT:
    case UPP_OP_LINE:
    case UPP_OP_RECT:
    case UPP_OP_PROGRESS:
    case UPP_OP_PAGE_REF:
    default:
      break;
    }

  g_array_append_val (flow->page->ops, op);
}

static void
new_page (UppFlow  *flow,
          UppChunk *for_chunk)
{
  UppBriefing *self = flow->briefing;
  UppPage *page = g_new0 (UppPage, 1);
  gboolean reopen = FALSE;
  UppOp leaf = { 0 };

  /* A paragraph broken across pages becomes two tagged paragraphs: marked
   * content must not run into the next page's running header. */
  if (flow->page != NULL && flow->open_tags->len > 0)
    {
      leaf = g_array_index (flow->open_tags, UppOp, flow->open_tags->len - 1);
      if (leaf.leaf)
        {
          UppOp end = { .kind = UPP_OP_TAG_END, .tag = leaf.tag, .first_line = -1 };

          leaf.attributes = g_strdup (leaf.attributes);
          leaf.description = g_strdup (leaf.description);
          emit (flow, &end, 0);
          reopen = TRUE;
        }
    }

  page->ops = g_array_new (FALSE, TRUE, sizeof (UppOp));
  g_ptr_array_add (self->pages, page);
  flow->page = page;
  flow->y = UPP_MARGIN_TOP;
  flow->page_empty = TRUE;

  /* A table's header again, untagged: it repeats what the tagged header
   * on the first page already says. */
  if (for_chunk != NULL && for_chunk->repeat != NULL && !for_chunk->is_header)
    {
      UppChunk *header = for_chunk->repeat;

      for (guint i = 0; i < header->ops->len; i++)
        {
          const UppOp *op = &g_array_index (header->ops, UppOp, i);

          if (op->kind != UPP_OP_TAG_BEGIN && op->kind != UPP_OP_TAG_END)
            emit (flow, op, flow->y);
        }
      flow->y += header->height;
    }

  if (reopen)
    {
      emit (flow, &leaf, 0);
      g_free (leaf.attributes);
      g_free (leaf.description);
    }
}

static void
place (UppFlow  *flow,
       UppChunk *chunk)
{
  double space;

  if (flow->page == NULL)
    new_page (flow, NULL);

  /* Zero-height chunks (structure tags) take no room and no spacing. */
  if (chunk->height <= 0)
    {
      for (guint i = 0; i < chunk->ops->len; i++)
        emit (flow, &g_array_index (chunk->ops, UppOp, i), flow->y);
      flow->last_after = MAX (flow->last_after, chunk->space_after);
      return;
    }

  space = flow->page_empty ? 0 : MAX (flow->last_after, chunk->space_before);
  if (chunk->height > 0 && !flow->page_empty &&
      flow->y + space + chunk->height > UPP_TEXT_BOTTOM + 0.01)
    {
      new_page (flow, chunk);
      space = 0;
    }

  flow->y += space;
  for (guint i = 0; i < chunk->ops->len; i++)
    emit (flow, &g_array_index (chunk->ops, UppOp, i), flow->y);
  flow->y += chunk->height;
  flow->last_after = chunk->space_after;
  if (chunk->height > 0)
    flow->page_empty = FALSE;
}

static void
flush (UppFlow *flow)
{
  double total = 0;
  double after = flow->last_after;
  UppChunk *first = NULL;

  if (flow->queue->len == 0)
    return;

  for (guint i = 0; i < flow->queue->len; i++)
    {
      UppChunk *chunk = g_ptr_array_index (flow->queue, i);

      if (chunk->height <= 0)
        continue;
      if (first == NULL)
        first = chunk;
      total += MAX (after, chunk->space_before) + chunk->height;
      after = chunk->space_after;
    }

  if (first != NULL && flow->page == NULL)
    new_page (flow, NULL);

  if (first != NULL && flow->break_pending)
    {
      if (!flow->page_empty)
        new_page (flow, NULL);
      flow->break_pending = FALSE;
    }

  /* Keep the chain together (a heading with the first lines of what
   * follows, a table header with its first row) if it fits on a page. */
  if (first != NULL && !flow->page_empty && total <= BODY_HEIGHT &&
      flow->y + total > UPP_TEXT_BOTTOM + 0.01)
    new_page (flow, first);

  for (guint i = 0; i < flow->queue->len; i++)
    place (flow, g_ptr_array_index (flow->queue, i));
  g_ptr_array_set_size (flow->queue, 0);
}

void
upp_flow_add (UppFlow  *flow,
              UppChunk *chunk)
{
  if (flow->recording != NULL)
    {
      g_ptr_array_add (flow->recording, chunk);
      return;
    }
  g_ptr_array_add (flow->queue, chunk);
  if (!chunk->keep_with_next)
    flush (flow);
}

void
upp_flow_tag_begin (UppFlow    *flow,
                    const char *tag)
{
  UppChunk *chunk = upp_chunk_new (flow->briefing);

  upp_chunk_tag_begin (chunk, tag, NULL, FALSE);
  chunk->keep_with_next = TRUE;
  upp_flow_add (flow, chunk);
}

void
upp_flow_tag_end (UppFlow    *flow,
                  const char *tag)
{
  UppChunk *chunk = upp_chunk_new (flow->briefing);

  upp_chunk_tag_end (chunk, tag);
  upp_flow_add (flow, chunk);
}

/* The next content starts a new page, unless the page is still empty. */
void
upp_flow_page_break (UppFlow *flow)
{
  if (flow->recording != NULL)
    {
      /* NULL in a recording stands for the page break. */
      g_ptr_array_add (flow->recording, NULL);
      return;
    }
  flush (flow);
  flow->break_pending = TRUE;
}

/* Content can be cut into chunks before its place in the flow is reached:
 * the appendix is, while the indicators' query still runs. */
void
upp_flow_record (UppFlow *flow)
{
  g_assert (flow->recording == NULL);
  flow->recording = g_ptr_array_new ();
}

GPtrArray *
upp_flow_stop_recording (UppFlow *flow)
{
  return g_steal_pointer (&flow->recording);
}

void
upp_flow_replay (UppFlow   *flow,
                 GPtrArray *recording)
{
  for (guint i = 0; i < recording->len; i++)
    {
      if (recording->pdata[i] == NULL)
        upp_flow_page_break (flow);
      else
        upp_flow_add (flow, recording->pdata[i]);
    }
}

void
upp_flow_finish (UppFlow  *flow,
                 gboolean  complete)
{
  if (complete)
    {
      flush (flow);
      g_assert (flow->open_tags->len == 0);
    }
  g_clear_pointer (&flow->queue, g_ptr_array_unref);
  g_clear_pointer (&flow->open_tags, g_array_unref);
  g_clear_pointer (&flow->recording, g_ptr_array_unref);
}

/* A paragraph, cut into lines so that it can break across pages: never
 * fewer than two lines at the foot of a page or at the head of the next. */
void
upp_flow_paragraph (UppFlow      *flow,
                    UppTextStyle  style,
                    const char   *markup,
                    double        indent,
                    double        space_before,
                    const char   *tag,
                    gboolean      keep_with_next)
{
  UppBriefing *self = flow->briefing;
  /* Shared, like table cells: the same risk or next step is often
   * reported for many actions. */
  PangoLayout *layout = upp_briefing_cached_text (self, style, markup, UPP_TEXT_WIDTH - indent,
                                                  PANGO_ALIGN_LEFT);
  int n_lines = pango_layout_get_line_count (layout);
  PangoLayoutIter *iter;
  double *tops;
  double height = upp_layout_height (layout);
  int i = 0;

  if (n_lines <= 4)
    {
      UppChunk *chunk = upp_chunk_new (self);

      chunk->height = height;
      chunk->space_before = space_before;
      chunk->keep_with_next = keep_with_next;
      if (tag != NULL)
        upp_chunk_tag_begin (chunk, tag, NULL, TRUE);
      upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT + indent, 0, UPP_INK);
      if (tag != NULL)
        upp_chunk_tag_end (chunk, tag);
      upp_flow_add (flow, chunk);
      return;
    }

  tops = g_new (double, n_lines + 1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      tops[i++] = pango_units_to_double (logical.y);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  tops[n_lines] = height;

  for (i = 0; i < n_lines; i++)
    {
      UppChunk *chunk = upp_chunk_new (self);
      UppOp *op;

      chunk->height = tops[i + 1] - tops[i];
      chunk->space_before = i == 0 ? space_before : 0;
      /* Lines 0–1 stay together, and so do the last two. */
      chunk->keep_with_next = i == 0 || i >= n_lines - 2 ? (i == n_lines - 1 ? keep_with_next : TRUE)
                                                         : FALSE;
      if (i == 0 && tag != NULL)
        upp_chunk_tag_begin (chunk, tag, NULL, TRUE);
      op = upp_chunk_add_op (chunk, UPP_OP_TEXT);
      op->layout = layout;
      op->x = UPP_MARGIN_LEFT + indent;
      op->y = 0;
      op->color = UPP_INK;
      op->first_line = i;
      op->n_lines = 1;
      if (i == n_lines - 1 && tag != NULL)
        upp_chunk_tag_end (chunk, tag);
      upp_flow_add (flow, chunk);
    }
  g_free (tops);
}

/* Tables */

#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.5

/* Numbers sit at the right of their column, so the left padding of a
 * right-aligned column only keeps its header off the neighbour's. */
static double
cell_pad_left (const UppColumn *columns,
               guint            c)
{
  if (c == 0)
    return 0;
  return columns[c].align == PANGO_ALIGN_RIGHT ? CELL_PAD_X / 2 : CELL_PAD_X;
}

static UppChunk *
table_chunk (UppBriefing     *self,
             const UppColumn *columns,
             guint            n_columns,
             const char     **cells,
             gboolean         header)
{
  UppChunk *chunk = upp_chunk_new (self);
  PangoLayout **layouts = g_newa (PangoLayout *, n_columns);
  double *heights = g_newa (double, n_columns);
  double height = 0;
  double x = UPP_MARGIN_LEFT;

  for (guint c = 0; c < n_columns; c++)
    {
      double pad_left = cell_pad_left (columns, c);
      double pad_right = c == n_columns - 1 ? 0 : CELL_PAD_X;

      layouts[c] = upp_briefing_cached_text (self, header ? UPP_TEXT_TABLE_HEAD : UPP_TEXT_TABLE,
                                             cells[c] != NULL ? cells[c] : "",
                                             columns[c].width - pad_left - pad_right,
                                             columns[c].align);
      heights[c] = upp_layout_height (layouts[c]);
      height = MAX (height, heights[c]);
    }

  chunk->height = height + 2 * CELL_PAD_Y;
  upp_chunk_tag_begin (chunk, "TR", NULL, FALSE);
  for (guint c = 0; c < n_columns; c++)
    {
      double pad_left = cell_pad_left (columns, c);
      /* Headers sit on the rule below them; cells hang from the top. */
      double y = header ? CELL_PAD_Y + height - heights[c] : CELL_PAD_Y;

      upp_chunk_tag_begin (chunk, header ? "TH" : "TD", NULL, TRUE);
      upp_chunk_add_text (chunk, layouts[c], x + pad_left, y, header ? UPP_INK_SECONDARY : UPP_INK);
      upp_chunk_tag_end (chunk, header ? "TH" : "TD");
      x += columns[c].width;
    }
  upp_chunk_tag_end (chunk, "TR");

  if (header)
    upp_chunk_add_line (chunk, UPP_MARGIN_LEFT, chunk->height, x, chunk->height, 0.8, UPP_INK);
  else
    upp_chunk_add_line (chunk, UPP_MARGIN_LEFT, chunk->height, x, chunk->height, 0.35,
                        UPP_RULE_LIGHT);
  return chunk;
}

UppChunk *
upp_table_header (UppBriefing     *self,
                  const UppColumn *columns,
                  guint            n_columns,
                  const char     **cells)
{
  UppChunk *chunk = table_chunk (self, columns, n_columns, cells, TRUE);

  chunk->is_header = TRUE;
  chunk->keep_with_next = TRUE;
  return chunk;
}

UppChunk *
upp_table_row (UppBriefing     *self,
               const UppColumn *columns,
               guint            n_columns,
               const char     **cells,
               UppChunk        *header)
{
  UppChunk *chunk = table_chunk (self, columns, n_columns, cells, FALSE);

  chunk->repeat = header;
  if (header != NULL)
    header->repeat = header;
  return chunk;
}

/* Once placed: the page numbers of the contents list. */
void
upp_briefing_finish_layout (UppBriefing *self)
{
  for (guint p = 0; p < self->pages->len; p++)
    {
      UppPage *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->ops->len; i++)
        {
          UppOp *op = &g_array_index (page->ops, UppOp, i);
          g_autofree char *number = NULL;
          guint target;

          if (op->kind != UPP_OP_PAGE_REF)
            continue;
          target = GPOINTER_TO_UINT (g_hash_table_lookup (self->dest_pages, op->attributes));
          g_assert (target > 0);
          number = g_strdup_printf ("%u", target);
          op->index = self->page_refs->len;
          g_ptr_array_add (self->page_refs,
                           make_text (self, UPP_TEXT_TOC, number, -1, PANGO_ALIGN_LEFT));
        }
    }
}

/* upp-briefing-blocks.c — the building blocks of the content: markup, headings, tables, figures
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-briefing-private.h"
#include "upp-text.h"

/* Symbols in ink dark enough to read as text on white; the fills of the
 * charts are lighter and carry an outline instead. */
const guint32 upp_briefing_state_inks[UPP_N_STATES] = {
  [UPP_STATE_DONE] = 0x0066a0,
  [UPP_STATE_ON_TRACK] = 0x00805d,
  [UPP_STATE_NOT_STARTED] = 0x2c86c0,
  [UPP_STATE_AT_RISK] = 0x9c8c00,
  [UPP_STATE_DELAYED] = 0xb97a00,
  [UPP_STATE_OVERDUE] = 0xc04e00,
  [UPP_STATE_UNREPORTED] = 0x767676,
};

/* The order of the key figures and of the state columns: as the legend. */
const UppState upp_briefing_state_order[UPP_N_STATES] = {
  UPP_STATE_DONE, UPP_STATE_ON_TRACK, UPP_STATE_NOT_STARTED, UPP_STATE_AT_RISK,
  UPP_STATE_DELAYED, UPP_STATE_OVERDUE, UPP_STATE_UNREPORTED,
};

/* Small helpers */

/* Every text of the briefing goes through here into markup. Tamed first
 * (upp_text_tame()): a database may hold a text from before the formats
 * refused what misleads or blows a page up, such as a direction override
 * or 4,000 line breaks (docs/formats.md), and no one text may turn into
 * pages of blank lines or a column of accents. */
char *
upp_briefing_esc (const char *text)
{
  g_autofree char *tamed = upp_text_tame (text != NULL ? text : "", UPP_TEXT_MAX_LINE_BREAKS);

  return g_markup_escape_text (tamed, -1);
}

gboolean
upp_briefing_has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

char *
upp_briefing_format_date (const GDate *date)
{
  return g_date_valid (date) ? upp_date_format (date) : g_strdup ("–");
}

/* Destination names go into the PDF as they are: ASCII letters, digits,
 * '-' and '.', anything else as _XX. */
char *
upp_briefing_dest_name (const char *prefix,
                        const char *code)
{
  GString *name = g_string_new (prefix);

  for (const guchar *p = (const guchar *) code; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '.')
        g_string_append_c (name, *p);
      else
        g_string_append_printf (name, "_%02X", *p);
    }
  return g_string_free (name, FALSE);
}

/* A state as symbol and word, never colour alone: the symbol in the
 * state's ink, the word in the text's. */
char *
upp_briefing_state_markup (UppState state)
{
  g_autofree char *label = upp_briefing_esc (upp_state_get_label (state));

  return g_strdup_printf ("<span foreground=\"#%06x\">%s</span> %s",
                          upp_briefing_state_inks[state], upp_state_get_symbol (state), label);
}

/* Building blocks of the content */

int
upp_briefing_add_outline (UppBriefing *self,
                          int          parent,
                          const char  *title,
                          const char  *dest)
{
  UppOutlineEntry entry = { parent, g_strdup (title), g_strdup (dest) };

  g_array_append_val (self->outline, entry);
  return self->outline->len - 1;
}

void
upp_builder_heading (UppBuilder   *b,
                     UppTextStyle  style,
                     const char   *text,
                     const char   *dest)
{
  UppBriefing *self = b->self;
  g_autofree char *markup = upp_briefing_esc (text);
  PangoLayout *layout = upp_briefing_text (self, style, markup, UPP_TEXT_WIDTH, PANGO_ALIGN_LEFT);
  UppChunk *chunk = upp_chunk_new (self);
  const char *tag = style == UPP_TEXT_H1 ? "H1" : style == UPP_TEXT_H2 ? "H2" : "H3";

  chunk->height = upp_layout_height (layout);
  chunk->keep_with_next = TRUE;
  switch ((int) style)
    {
    case UPP_TEXT_H1:
      /* Nothing at the top of a page; where a section runs on after
       * another (Missing Reports, the summary), a clear gap. */
      chunk->space_before = 28;
      chunk->space_after = 12;
      break;
    case UPP_TEXT_H2:
      chunk->space_before = 20;
      chunk->space_after = 7;
      break;
    default:
      chunk->space_before = 14;
      chunk->space_after = 4;
      break;
    }
  if (dest != NULL)
    upp_chunk_add_dest (chunk, dest, 0);
  upp_chunk_tag_begin (chunk, tag, NULL, TRUE);
  upp_chunk_add_text (chunk, layout, UPP_MARGIN_LEFT, 0, UPP_INK);
  upp_chunk_tag_end (chunk, tag);
  if (style == UPP_TEXT_H1)
    {
      chunk->height += 5;
      upp_chunk_add_line (chunk, UPP_MARGIN_LEFT, chunk->height, UPP_MARGIN_LEFT + UPP_TEXT_WIDTH,
                          chunk->height, 0.8, UPP_INK);
    }
  upp_flow_add (&b->flow, chunk);
}

void
upp_builder_section_begin (UppBuilder *b,
                           const char *title,
                           const char *dest)
{
  /* The summary runs on: two pages at most. */
  if (!b->self->summary)
    upp_flow_page_break (&b->flow);
  upp_flow_tag_begin (&b->flow, "Sect");
  upp_builder_heading (b, UPP_TEXT_H1, title, dest);
  upp_briefing_add_outline (b->self, -1, title, dest);
}

void
upp_builder_section_end (UppBuilder *b)
{
  upp_flow_tag_end (&b->flow, "Sect");
}

void
upp_builder_paragraph (UppBuilder *b,
                       const char *markup)
{
  upp_flow_paragraph (&b->flow, UPP_TEXT_BODY, markup, 0, 0, "P", FALSE);
}

/* A run-in label in the sans face before a text in the serif one. */
char *
upp_briefing_labelled (const char *label,
                       const char *text)
{
  g_autofree char *label_markup = upp_briefing_esc (label);
  g_autofree char *text_markup = upp_briefing_esc (text);

  return g_strdup_printf ("<span font_family=\"DejaVu Sans\" weight=\"bold\" size=\"8.5pt\" "
                          "foreground=\"#555555\">%s</span>  %s",
                          label_markup, text_markup);
}

/* Where the summary stops a list: how many more, and where they are. */
void
upp_builder_more_note (UppBuilder *b,
                       guint       n_more)
{
  g_autofree char *text = NULL;

  if (n_more == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "… and %u more; the full briefing lists them all.",
                                       "… and %u more; the full briefing lists them all.",
                                       n_more), n_more);
  upp_builder_empty_note (b, text);
}

void
upp_builder_empty_note (UppBuilder *b,
                        const char *text)
{
  g_autofree char *markup = upp_briefing_esc (text);
  g_autofree char *italic = g_strdup_printf ("<i>%s</i>", markup);

  upp_flow_paragraph (&b->flow, UPP_TEXT_BODY, italic, 0, 0, "P", FALSE);
}

/* @headers are plain text, or markup when @markup. */
void
upp_builder_table_begin_full (UppTable        *table,
                              UppBuilder      *b,
                              UppColumn       *columns,
                              guint            n_columns,
                              const char     **headers,
                              gboolean         markup)
{
  g_autoptr(GPtrArray) escaped = g_ptr_array_new_with_free_func (g_free);
  double fixed = 0;
  int flexible = -1;

  /* One column may have width 0: it takes what the others leave. */
  for (guint c = 0; c < n_columns; c++)
    {
      if (columns[c].width > 0)
        fixed += columns[c].width;
      else
        flexible = c;
    }
  if (flexible >= 0)
    columns[flexible].width = UPP_TEXT_WIDTH - fixed;

  table->b = b;
  table->columns = columns;
  table->n_columns = n_columns;
  if (!markup)
    {
      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (escaped, upp_briefing_esc (headers[c]));
      headers = (const char **) escaped->pdata;
    }
  upp_flow_tag_begin (&b->flow, "Table");
  table->header = upp_table_header (b->self, columns, n_columns, headers);
  table->header->space_before = 4;
  upp_flow_add (&b->flow, table->header);
}

void
upp_builder_table_begin (UppTable        *table,
                         UppBuilder      *b,
                         UppColumn       *columns,
                         guint            n_columns,
                         const char     **headers)
{
  upp_builder_table_begin_full (table, b, columns, n_columns, headers, FALSE);
}

void
upp_builder_table_row (UppTable    *table,
                       const char **cells)
{
  upp_flow_add (&table->b->flow, upp_table_row (table->b->self, table->columns, table->n_columns,
                                                cells, table->header));
}

void
upp_builder_table_end (UppTable *table)
{
  UppChunk *space = upp_chunk_new (table->b->self);

  upp_flow_tag_end (&table->b->flow, "Table");
  /* Room below the table before what follows. */
  space->space_after = 10;
  upp_flow_add (&table->b->flow, space);
}

char *
upp_briefing_action_cell (const char *code,
                          const char *title)
{
  g_autofree char *code_markup = upp_briefing_esc (code);
  g_autofree char *title_markup = upp_briefing_esc (title);

  return g_strdup_printf ("<b>%s</b>\t%s", code_markup, title_markup);
}

UppFigure *
upp_briefing_figure_new (UppBriefing        *self,
                         const UppChartData *data)
{
  UppFigure *figure = g_new0 (UppFigure, 1);

  figure->data = *data;
  /* A copy: the counts may be those of a section's own briefing, which
   * is gone once the section is placed. */
  if (data->counts != NULL)
    {
      figure->counts = *data->counts;
      figure->data.counts = &figure->counts;
    }
  figure->alt = upp_chart_describe (data);
  g_ptr_array_add (self->figures, figure);
  return figure;
}

void
upp_briefing_chunk_add_figure (UppBriefing *self,
                               UppChunk    *chunk,
                               UppFigure   *figure,
                               double       x,
                               double       y,
                               double       width,
                               double       height)
{
  UppOp *op;

  upp_chunk_tag_begin (chunk, "Figure", NULL, TRUE);
  op = upp_chunk_add_op (chunk, UPP_OP_FIGURE);
  op->x = x;
  op->y = y;
  op->width = width;
  op->height = height;
  for (guint i = 0; i < self->figures->len; i++)
    if (g_ptr_array_index (self->figures, i) == figure)
      op->index = i;
  upp_chunk_tag_end (chunk, "Figure");
}

void
upp_builder_figure_block (UppBuilder         *b,
                          const UppChartData *data,
                          double              height)
{
  UppChunk *chunk = upp_chunk_new (b->self);
  UppFigure *figure = upp_briefing_figure_new (b->self, data);

  chunk->height = height;
  chunk->space_before = 6;
  chunk->space_after = 8;
  chunk->keep_with_next = TRUE;
  upp_briefing_chunk_add_figure (b->self, chunk, figure, UPP_MARGIN_LEFT, 0, UPP_TEXT_WIDTH,
                                 height);
  upp_flow_add (&b->flow, chunk);
}

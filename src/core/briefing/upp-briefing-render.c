/* upp-briefing-render.c — the page renderer: one laid-out page into any cairo_t
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "upp-briefing-private.h"

static void
set_color (cairo_t *cr,
           guint32  color)
{
  cairo_set_source_rgb (cr, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

static void
draw_text (cairo_t     *cr,
           const UppOp *op)
{
  PangoLayoutIter *iter;
  int line = 0;
  double top = 0;

  set_color (cr, op->color);
  if (op->first_line < 0)
    {
      cairo_move_to (cr, op->x, op->y);
      pango_cairo_show_layout (cr, op->layout);
      return;
    }

  iter = pango_layout_get_iter (op->layout);
  do
    {
      PangoRectangle logical;

      if (line < op->first_line)
        continue;
      if (line >= op->first_line + op->n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (line == op->first_line)
        top = pango_units_to_double (logical.y);
      cairo_move_to (cr, op->x + pango_units_to_double (logical.x),
                     op->y + pango_units_to_double (pango_layout_iter_get_baseline (iter)) - top);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (line++, pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_progress (cairo_t     *cr,
               const UppOp *op)
{
  double fraction = MIN (op->index, 100) / 100.0;

  set_color (cr, 0xe4e4e4);
  cairo_rectangle (cr, op->x, op->y, op->width, op->height);
  cairo_fill (cr);
  set_color (cr, op->color);
  cairo_rectangle (cr, op->x, op->y, op->width * fraction, op->height);
  cairo_fill (cr);
}

static void
draw_figure (UppBriefing *self,
             cairo_t     *cr,
             const UppOp *op)
{
  UppFigure *figure = g_ptr_array_index (self->figures, op->index);

  cairo_save (cr);
  cairo_translate (cr, op->x, op->y);
  cairo_rectangle (cr, 0, 0, op->width, op->height);
  cairo_clip (cr);
  upp_chart_draw (cr, &self->chart_style, &figure->data, op->width, op->height);
  cairo_restore (cr);
}

static void
draw_running (UppBriefing *self,
              cairo_t     *cr,
              guint        page)
{
  PangoLayout *header_left = g_ptr_array_index (self->running, 0);
  PangoLayout *header_right = g_ptr_array_index (self->running, 1);
  PangoLayout *footer_left = g_ptr_array_index (self->running, 2);
  PangoLayout *footer_right = g_ptr_array_index (self->running, 3 + page);
  double right = UPP_BRIEFING_PAGE_WIDTH - UPP_MARGIN_RIGHT;
  double header_base = UPP_MARGIN_TOP - 30;
  double footer_top = UPP_TEXT_BOTTOM + 26;

  set_color (cr, UPP_INK_SECONDARY);
  if (page > 0)
    {
      cairo_move_to (cr, UPP_MARGIN_LEFT, header_base - upp_layout_baseline (header_left));
      pango_cairo_show_layout (cr, header_left);
      cairo_move_to (cr, right - upp_layout_width (header_right),
                     header_base - upp_layout_baseline (header_right));
      pango_cairo_show_layout (cr, header_right);

      set_color (cr, UPP_RULE);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, UPP_MARGIN_LEFT, header_base + 5);
      cairo_line_to (cr, right, header_base + 5);
      cairo_stroke (cr);
    }

  set_color (cr, UPP_RULE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, UPP_MARGIN_LEFT, footer_top - 6);
  cairo_line_to (cr, right, footer_top - 6);
  cairo_stroke (cr);

  set_color (cr, UPP_INK_SECONDARY);
  cairo_move_to (cr, UPP_MARGIN_LEFT, footer_top);
  pango_cairo_show_layout (cr, footer_left);
  cairo_move_to (cr, right - upp_layout_width (footer_right), footer_top);
  pango_cairo_show_layout (cr, footer_right);
}

/**
 * upp_briefing_render_page:
 * @self: a laid-out briefing
 * @cr: a context whose user space is the A4 page in points
 * @page: 0-based
 * @tagged: pass the structure tags, links and destinations on to @cr;
 *   only for a PDF surface drawn page after page, in order
 *
 * The one page renderer, for the PDF and for printing.
 */
void
upp_briefing_render_page (UppBriefing *self,
                          cairo_t     *cr,
                          guint        page,
                          gboolean     tagged)
{
  const UppPage *p;

  g_return_if_fail (page < self->pages->len);
  p = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  /* First the running header and footer, outside any structure element:
   * they are page furniture, not content. */
  draw_running (self, cr, page);

  for (guint i = 0; i < p->ops->len; i++)
    {
      const UppOp *op = &g_array_index (p->ops, UppOp, i);

      switch (op->kind)
        {
        case UPP_OP_TEXT:
          draw_text (cr, op);
          break;

        case UPP_OP_LINE:
          set_color (cr, op->color);
          cairo_set_line_width (cr, op->line_width);
          cairo_move_to (cr, op->x, op->y);
          cairo_rel_line_to (cr, op->width, op->height);
          cairo_stroke (cr);
          break;

        case UPP_OP_RECT:
          set_color (cr, op->color);
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_fill (cr);
          break;

        case UPP_OP_PROGRESS:
          draw_progress (cr, op);
          break;

        case UPP_OP_FIGURE:
          draw_figure (self, cr, op);
          break;

        case UPP_OP_PAGE_REF:
          {
            PangoLayout *layout = g_ptr_array_index (self->page_refs, op->index);

            set_color (cr, op->color);
            cairo_move_to (cr, op->x - upp_layout_width (layout), op->y);
            pango_cairo_show_layout (cr, layout);
          }
          break;

        case UPP_OP_TAG_BEGIN:
          if (tagged)
            cairo_tag_begin (cr, op->tag, op->attributes != NULL ? op->attributes : "");
          break;

        case UPP_OP_TAG_END:
          if (tagged)
            cairo_tag_end (cr, op->tag);
          break;

        case UPP_OP_DEST:
          if (tagged)
            {
              g_autofree char *attributes = NULL;

              /* Whole points: cairo 1.16 reads "x=62.5" with the locale's
               * decimal sign and fails under a Swedish LC_NUMERIC. The view
               * opens a little above the target. */
              attributes = g_strdup_printf ("name='%s' x=%d y=%d", op->attributes, (int) op->x,
                                            (int) MAX (op->y - 12, 0));
              cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
              cairo_tag_end (cr, CAIRO_TAG_DEST);
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

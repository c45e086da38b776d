/* upp-briefing-pdf.c — the tagged PDF: the laid-out pages drawn on a PDF surface, then completed
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "upp-briefing-private.h"
#include "upp-error.h"
#include "upp-pdf-tags.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gpointer
free_in_thread (gpointer data)
{
  upp_briefing_free (data);
  return NULL;
}

/* Draws the pages into a PDF and completes it. Takes @self: its thousands
 * of layouts are freed in a thread of their own, @freeing, while the PDF
 * is finished, completed and written; the caller joins it. */
GBytes *
upp_briefing_render_pdf (UppBriefing  *self,
                         GThread     **freeing,
                         GError      **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree char *creator = g_strdup_printf ("Uppföljning %s", PACKAGE_VERSION);
  g_autofree char *created = g_date_time_format (self->generated, "%Y-%m-%dT%H:%M:%S");
  g_autofree int *outline_ids = NULL;
  g_autofree UppPdfFigure *figures = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *language = g_strdup (self->language);
  guint n_figures = self->figures->len;
  g_autofree char *title = g_strdup (self->title);
  g_autofree char *author = g_strdup (self->organisation);
  g_autofree char *subject = g_strdup (self->subject);
  g_autofree char *keywords = g_strdup (self->keywords);
  g_autofree char *created_utc = g_date_time_format (self->generated, "%Y-%m-%dT%H:%M:%S%:z");
  /* Copies: the briefing is freed while the PDF is completed. */
  UppPdfMetadata metadata = { title, author, subject, keywords, creator, created_utc };
  GBytes *pdf;
  gint64 start;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  *freeing = NULL;
  surface = cairo_pdf_surface_create_for_stream (append_bytes, buffer, UPP_BRIEFING_PAGE_WIDTH,
                                                 UPP_BRIEFING_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->organisation);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, self->keywords);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  /* A fixed creation date is also what makes cairo's output the same
   * bytes on every run. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  start = g_get_monotonic_time ();
  cr = cairo_create (surface);
  for (guint p = 0; p < self->pages->len; p++)
    {
      /* White paper first. cairo finds out which parts of a page it can
       * write as PDF by adding the area of every operation to a region;
       * with thousands of lines and rules on a page that region is a
       * long list of rectangles, each addition costlier than the last,
       * unless one operation already covers the page. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      upp_briefing_render_page (self, cr, p, TRUE);
      cairo_show_page (cr);
    }

  outline_ids = g_new0 (int, self->outline->len);
  for (guint i = 0; i < self->outline->len; i++)
    {
      const UppOutlineEntry *entry = &g_array_index (self->outline, UppOutlineEntry, i);
      g_autofree char *link = g_strdup_printf ("dest='%s'", entry->dest);

      outline_ids[i] = cairo_pdf_surface_add_outline (surface,
                                                      entry->parent >= 0
                                                      ? outline_ids[entry->parent]
                                                      : CAIRO_PDF_OUTLINE_ROOT,
                                                      entry->title, link,
                                                      CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }

  /* The links' texts, in the order cairo writes their annotations. */
  links = g_ptr_array_new ();
  for (guint p = 0; p < self->pages->len; p++)
    {
      const UppPage *page = self->pages->pdata[p];

      for (guint i = 0; i < page->ops->len; i++)
        {
          const UppOp *op = &g_array_index (page->ops, UppOp, i);

          if (op->kind == UPP_OP_TAG_BEGIN && g_str_equal (op->tag, CAIRO_TAG_LINK))
            {
              /* Copies, like the figures' texts: the briefing is freed
               * while they are used. */
              char *text = g_strdup (op->description);

              g_ptr_array_add (texts, text);
              g_ptr_array_add (links, text);
            }
        }
    }

  figures = g_new0 (UppPdfFigure, MAX (n_figures, 1));
  for (guint i = 0; i < n_figures; i++)
    {
      const UppFigure *figure = self->figures->pdata[i];
      char *alt = g_strdup (figure->alt);

      g_ptr_array_add (texts, alt);
      figures[i] = (UppPdfFigure) { alt, figure->page, figure->x, figure->y, figure->width,
                                    figure->height };
    }

  /* The pages are drawn: cairo holds what it still needs (its own
   * references to the fonts), and the briefing can go while cairo writes
   * the fonts and the structure and the PDF is completed. */
  *freeing = g_thread_new ("upp-briefing-free", free_in_thread, self);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_FAILED, _("Could not draw the briefing: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  g_debug ("cairo: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  {
    g_autoptr(GBytes) raw = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

    start = g_get_monotonic_time ();
    pdf = upp_pdf_complete_tagging (raw, &metadata, language, UPP_BRIEFING_PAGE_HEIGHT, figures,
                                    n_figures,
                                    (const char * const *) links->pdata, links->len, error);
    g_debug ("tagging: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  }
  return pdf;
}

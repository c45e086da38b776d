/* upp-pdf-tags.h — what cairo 1.16 leaves out of a tagged PDF, added with qpdf
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * UppPdfFigure:
 * @alt: the alternative text of the figure
 * @page: the page it is on, counted from 0
 * @x: left edge, in cairo's user space (points, origin top left)
 * @y: top edge, likewise
 * @width: width
 * @height: height
 *
 * One `Figure` structure element, in the order the drawing opened them.
 */
typedef struct
{
  const char *alt;
  guint       page;
  double      x;
  double      y;
  double      width;
  double      height;
} UppPdfFigure;

/**
 * UppPdfMetadata:
 * @title: the document title, as in the document information dictionary
 * @author: (nullable): who made it (the organisation)
 * @subject: (nullable): what it is about
 * @keywords: (nullable): keywords
 * @creator: (nullable): the program
 * @created: the creation date, ISO 8601 with its offset ("2026-11-27T00:00:00Z")
 *
 * What the XMP metadata says, the same as cairo's information dictionary.
 */
typedef struct
{
  const char *title;
  const char *author;
  const char *subject;
  const char *keywords;
  const char *creator;
  const char *created;
} UppPdfMetadata;

GByteArray *upp_pdf_mark_artifacts (const guint8     *data,
                                    gsize             length);

GBytes *upp_pdf_complete_tagging (GBytes             *pdf,
                                  const UppPdfMetadata *metadata,
                                  const char         *language,
                                  double              page_height,
                                  const UppPdfFigure *figures,
                                  guint               n_figures,
                                  const char * const *links,
                                  guint               n_links,
                                  GError            **error);

G_END_DECLS

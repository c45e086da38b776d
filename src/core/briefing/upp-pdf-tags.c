/* upp-pdf-tags.c — what cairo 1.16 leaves out of a tagged PDF, added with qpdf
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <qpdf/qpdf-c.h>
#include <stdlib.h>

#include "upp-error.h"
#include "upp-pdf-tags.h"

/* cairo 1.16 writes the structure tree, the marked content and the parent
 * tree, but not the catalog entries that tell a reader the file is tagged
 * (/MarkInfo), what language it is in (/Lang) and that the window should
 * show the title rather than the file name (/ViewerPreferences), nor any
 * attribute of a structure element, so figures have no /Alt. Rather than
 * patch bytes, we load the file with qpdf, change objects and let qpdf
 * write a consistent file with a cross-reference table it computed and an
 * /ID derived from the content, so that equal input gives equal output. */

typedef struct
{
  qpdf_data           qpdf;
  const UppPdfFigure *figures;
  guint               n_figures;
  guint               next_figure;
  double              page_height;
} Tagger;

static gboolean
take_error (qpdf_data   qpdf,
            GError    **error)
{
  qpdf_error e;

  if (!qpdf_has_error (qpdf))
    return FALSE;
  e = qpdf_get_error (qpdf);
  g_set_error (error, UPP_ERROR, UPP_ERROR_FAILED,
               _("Could not complete the PDF’s accessibility information: %s"),
               qpdf_get_error_full_text (qpdf, e));
  return TRUE;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Never the locale's decimal comma: this goes into PDF syntax. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
describe_figure (Tagger  *tagger,
                 qpdf_oh  element)
{
  const UppPdfFigure *figure;
  g_autofree char *x1 = NULL;
  g_autofree char *y1 = NULL;
  g_autofree char *x2 = NULL;
  g_autofree char *y2 = NULL;
  g_autofree char *attributes = NULL;

  if (tagger->next_figure >= tagger->n_figures)
    return;
  figure = &tagger->figures[tagger->next_figure++];

  qpdf_oh_replace_key (tagger->qpdf, element, "/Alt",
                       qpdf_oh_new_unicode_string (tagger->qpdf, figure->alt));

  /* PDF space has its origin at the bottom left. */
  x1 = format_number (figure->x);
  y1 = format_number (tagger->page_height - figure->y - figure->height);
  x2 = format_number (figure->x + figure->width);
  y2 = format_number (tagger->page_height - figure->y);
  attributes = g_strdup_printf ("<< /O /Layout /Placement /Block /BBox [ %s %s %s %s ] >>",
                                x1, y1, x2, y2);
  qpdf_oh_replace_key (tagger->qpdf, element, "/A", qpdf_oh_parse (tagger->qpdf, attributes));
}

/* Depth first through /K, which is the document order cairo wrote the
 * elements in: the same order the drawing opened them. */
static void
visit (Tagger  *tagger,
       qpdf_oh  object,
       guint    depth)
{
  qpdf_data qpdf = tagger->qpdf;
  qpdf_oh kids;

  if (depth > 64)
    return;

  if (qpdf_oh_is_array (qpdf, object))
    {
      int n = qpdf_oh_get_array_n_items (qpdf, object);

      for (int i = 0; i < n; i++)
        {
          qpdf_oh item = qpdf_oh_get_array_item (qpdf, object, i);

          visit (tagger, item, depth + 1);
          qpdf_oh_release (qpdf, item);
        }
      return;
    }

  if (!qpdf_oh_is_dictionary (qpdf, object))
    return;

  if (qpdf_oh_has_key (qpdf, object, "/S"))
    {
      qpdf_oh type = qpdf_oh_get_key (qpdf, object, "/S");
      gboolean figure = qpdf_oh_is_name_and_equals (qpdf, type, "/Figure");
      gboolean header = qpdf_oh_is_name_and_equals (qpdf, type, "/TH");
      /* Figures are drawn only directly in grouping elements, header
       * cells only in tables' rows; lists and paragraphs, most of the
       * tree, need not be read. */
      gboolean group = qpdf_oh_is_name_and_equals (qpdf, type, "/Document") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/Sect") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/Div") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/Part") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/Art") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/TR");
      /* Header cells are in a table's first row only: the rest of a table
       * of 2,000 rows need not be read. */
      gboolean table = qpdf_oh_is_name_and_equals (qpdf, type, "/Table") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/THead");

      qpdf_oh_release (qpdf, type);
      if (table)
        {
          qpdf_oh rows = qpdf_oh_get_key (qpdf, object, "/K");
          gboolean several = qpdf_oh_is_array (qpdf, rows) &&
                             qpdf_oh_get_array_n_items (qpdf, rows) > 0;
          qpdf_oh first = several ? qpdf_oh_get_array_item (qpdf, rows, 0) : qpdf_oh_new_null (qpdf);

          visit (tagger, several ? first : rows, depth + 1);
          qpdf_oh_release (qpdf, first);
          qpdf_oh_release (qpdf, rows);
          return;
        }
      if (figure)
        describe_figure (tagger, object);
      /* The briefing's tables have their headers in their top row: each
       * header cell heads its column. */
      if (header && !qpdf_oh_has_key (qpdf, object, "/A"))
        qpdf_oh_replace_key (qpdf, object, "/A",
                             qpdf_oh_parse (qpdf, "<< /O /Table /Scope /Column >>"));
      if (!group)
        return;
    }

  if (!qpdf_oh_has_key (qpdf, object, "/K"))
    return;
  kids = qpdf_oh_get_key (qpdf, object, "/K");
  visit (tagger, kids, depth + 1);
  qpdf_oh_release (qpdf, kids);
}

/* Link annotations get a /Contents (what the link does, for screen
 * readers), and pages with annotations the structure order for tabbing. */
static void
describe_links (qpdf_data           qpdf,
                const char * const *links,
                guint               n_links)
{
  int n_pages = qpdf_get_num_pages (qpdf);
  guint next = 0;

  for (int p = 0; p < n_pages; p++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, p);
      qpdf_oh annots;
      int n;

      if (!qpdf_oh_has_key (qpdf, page, "/Annots"))
        continue;
      qpdf_oh_replace_key (qpdf, page, "/Tabs", qpdf_oh_new_name (qpdf, "/S"));
      annots = qpdf_oh_get_key (qpdf, page, "/Annots");
      n = qpdf_oh_get_array_n_items (qpdf, annots);
      for (int i = 0; i < n; i++)
        {
          qpdf_oh annot = qpdf_oh_get_array_item (qpdf, annots, i);
          qpdf_oh subtype = qpdf_oh_get_key (qpdf, annot, "/Subtype");

          /* Printed with the page (PDF/UA: the Print flag, 4). */
          if (qpdf_oh_is_name_and_equals (qpdf, subtype, "/Link"))
            qpdf_oh_replace_key (qpdf, annot, "/F", qpdf_oh_new_integer (qpdf, 4));
          if (qpdf_oh_is_name_and_equals (qpdf, subtype, "/Link") && next < n_links &&
              links[next] != NULL)
            qpdf_oh_replace_key (qpdf, annot, "/Contents",
                                 qpdf_oh_new_unicode_string (qpdf, links[next++]));
          qpdf_oh_release (qpdf, subtype);
          qpdf_oh_release (qpdf, annot);
        }
      qpdf_oh_release (qpdf, annots);
      qpdf_oh_release (qpdf, page);
    }
  if (next != n_links)
    g_warning ("%u links drawn but %u link annotations found", n_links, next);
}

/* zlib at level 1, as the store deflates documents: three times faster
 * than qpdf's own compression of a few hundred pages' content, for a few
 * per cent more bytes. */
static GBytes *
deflate_fast (const guint8 *data,
              gsize         length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB,
                                                                 1);
  g_autoptr(GByteArray) out = g_byte_array_sized_new (length / 3 + 64);
  gsize read = 0;

  for (;;)
    {
      guint8 buffer[65536];
      gsize bytes_read = 0;
      gsize written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (compressor), data + read, length - read, buffer,
                                    sizeof buffer, G_CONVERTER_INPUT_AT_END, &bytes_read,
                                    &written, NULL);
      read += bytes_read;
      g_byte_array_append (out, buffer, written);
      if (result == G_CONVERTER_FINISHED || result == G_CONVERTER_ERROR)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Every page's drawing outside a tag becomes a pagination artifact
 * (upp_pdf_mark_artifacts()); the content is written anew, one stream a
 * page, deflated. */
static void
mark_artifacts (qpdf_data qpdf)
{
  int n_pages = qpdf_get_num_pages (qpdf);

  for (int p = 0; p < n_pages; p++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, p);
      qpdf_oh contents = qpdf_oh_get_key (qpdf, page, "/Contents");
      unsigned char *data = NULL;
      size_t length = 0;

      if (qpdf_oh_get_page_content_data (qpdf, page, &data, &length) == QPDF_SUCCESS)
        {
          g_autoptr(GByteArray) marked = upp_pdf_mark_artifacts (data, length);
          g_autoptr(GBytes) deflated = deflate_fast (marked->data, marked->len);
          gsize deflated_length;
          const guint8 *deflated_data = g_bytes_get_data (deflated, &deflated_length);
          qpdf_oh filter = qpdf_oh_new_name (qpdf, "/FlateDecode");
          qpdf_oh null = qpdf_oh_new_null (qpdf);

          if (!qpdf_oh_is_stream (qpdf, contents))
            {
              qpdf_oh_release (qpdf, contents);
              contents = qpdf_oh_new_stream (qpdf);
              qpdf_oh_replace_key (qpdf, page, "/Contents", contents);
            }
          qpdf_oh_replace_stream_data (qpdf, contents, deflated_data, deflated_length, filter,
                                       null);
          qpdf_oh_release (qpdf, filter);
          qpdf_oh_release (qpdf, null);
        }
      free (data);
      qpdf_oh_release (qpdf, contents);
      qpdf_oh_release (qpdf, page);
    }
}

/* cairo writes its TrueType subsets as CIDFontType2 with glyph IDs as
 * CIDs, the identity mapping PDF assumes without a /CIDToGIDMap; PDF/UA
 * (7.21.3.2) wants it said. The fonts are in the pages' resources and in
 * those of the forms they draw. */
static void
map_fonts_in (qpdf_data   qpdf,
              qpdf_oh     resources,
              GHashTable *seen,
              guint       depth)
{
  qpdf_oh fonts;
  qpdf_oh forms;

  if (depth > 8 || !qpdf_oh_is_dictionary (qpdf, resources))
    return;

  fonts = qpdf_oh_get_key (qpdf, resources, "/Font");
  if (qpdf_oh_is_dictionary (qpdf, fonts))
    {
      qpdf_oh_begin_dict_key_iter (qpdf, fonts);
      while (qpdf_oh_dict_more_keys (qpdf))
        {
          const char *key = qpdf_oh_dict_next_key (qpdf);
          qpdf_oh font = qpdf_oh_get_key (qpdf, fonts, key);
          qpdf_oh descendants = qpdf_oh_get_key (qpdf, font, "/DescendantFonts");
          int n = qpdf_oh_is_array (qpdf, descendants)
                  ? qpdf_oh_get_array_n_items (qpdf, descendants) : 0;

          for (int i = 0; i < n; i++)
            {
              qpdf_oh cid_font = qpdf_oh_get_array_item (qpdf, descendants, i);
              qpdf_oh subtype = qpdf_oh_get_key (qpdf, cid_font, "/Subtype");

              if (qpdf_oh_is_name_and_equals (qpdf, subtype, "/CIDFontType2") &&
                  !qpdf_oh_has_key (qpdf, cid_font, "/CIDToGIDMap"))
                qpdf_oh_replace_key (qpdf, cid_font, "/CIDToGIDMap",
                                     qpdf_oh_new_name (qpdf, "/Identity"));
              qpdf_oh_release (qpdf, subtype);
              qpdf_oh_release (qpdf, cid_font);
            }
          qpdf_oh_release (qpdf, descendants);
          qpdf_oh_release (qpdf, font);
        }
    }
  qpdf_oh_release (qpdf, fonts);

  forms = qpdf_oh_get_key (qpdf, resources, "/XObject");
  if (qpdf_oh_is_dictionary (qpdf, forms))
    {
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

      qpdf_oh_begin_dict_key_iter (qpdf, forms);
      while (qpdf_oh_dict_more_keys (qpdf))
        g_ptr_array_add (keys, g_strdup (qpdf_oh_dict_next_key (qpdf)));
      for (guint i = 0; i < keys->len; i++)
        {
          qpdf_oh form = qpdf_oh_get_key (qpdf, forms, keys->pdata[i]);
          int id = qpdf_oh_get_object_id (qpdf, form);

          if (qpdf_oh_is_stream (qpdf, form) &&
              (id == 0 || g_hash_table_add (seen, GINT_TO_POINTER (id))))
            {
              qpdf_oh dict = qpdf_oh_get_dict (qpdf, form);
              qpdf_oh inner = qpdf_oh_get_key (qpdf, dict, "/Resources");

              map_fonts_in (qpdf, inner, seen, depth + 1);
              qpdf_oh_release (qpdf, inner);
              qpdf_oh_release (qpdf, dict);
            }
          qpdf_oh_release (qpdf, form);
        }
    }
  qpdf_oh_release (qpdf, forms);
}

static void
map_fonts (qpdf_data qpdf)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int n_pages = qpdf_get_num_pages (qpdf);

  for (int p = 0; p < n_pages; p++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, p);
      qpdf_oh resources = qpdf_oh_get_key (qpdf, page, "/Resources");

      map_fonts_in (qpdf, resources, seen, 0);
      qpdf_oh_release (qpdf, resources);
      qpdf_oh_release (qpdf, page);
    }
}

static void
append_element (GString    *xmp,
                const char *element,
                const char *container,
                const char *value,
                const char *lang)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_markup_escape_text (value, -1);
  if (container == NULL)
    g_string_append_printf (xmp, "   <%s>%s</%s>\n", element, escaped, element);
  else
    g_string_append_printf (xmp, "   <%s><rdf:%s><rdf:li%s>%s</rdf:li></rdf:%s></%s>\n", element,
                            container, lang != NULL ? lang : "", escaped, container, element);
}

/* XMP metadata: what the information dictionary says, in the form PDF/UA
 * reads it, and the claim to PDF/UA-1. No claim to PDF/A: the file is not
 * PDF/A (it has transparency groups, and its fonts lack what PDF/A-2
 * asks of their widths). */
static void
add_metadata (qpdf_data             qpdf,
              qpdf_oh               root,
              const UppPdfMetadata *metadata,
              const char           *language)
{
  g_autoptr(GString) xmp = g_string_new ("<?xpacket begin=\"\xef\xbb\xbf\" "
                                         "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                                         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                                         " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                                         "  <rdf:Description rdf:about=\"\"\n"
                                         "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                                         "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                                         "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                                         "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                                         "   <dc:format>application/pdf</dc:format>\n");
  qpdf_oh stream;
  qpdf_oh null;

  append_element (xmp, "dc:title", "Alt", metadata->title, " xml:lang=\"x-default\"");
  append_element (xmp, "dc:creator", "Seq", metadata->author, NULL);
  append_element (xmp, "dc:description", "Alt", metadata->subject, " xml:lang=\"x-default\"");
  append_element (xmp, "dc:language", "Bag", language, NULL);
  append_element (xmp, "pdf:Keywords", NULL, metadata->keywords, NULL);
  append_element (xmp, "xmp:CreatorTool", NULL, metadata->creator, NULL);
  append_element (xmp, "xmp:CreateDate", NULL, metadata->created, NULL);
  g_string_append (xmp, "   <pdfuaid:part>1</pdfuaid:part>\n"
                        "  </rdf:Description>\n"
                        " </rdf:RDF>\n"
                        "</x:xmpmeta>\n"
                        "<?xpacket end=\"r\"?>");

  stream = qpdf_oh_new_stream (qpdf);
  null = qpdf_oh_new_null (qpdf);
  qpdf_oh_replace_stream_data (qpdf, stream, (const unsigned char *) xmp->str, xmp->len, null,
                               null);
  {
    qpdf_oh dict = qpdf_oh_get_dict (qpdf, stream);

    qpdf_oh_replace_key (qpdf, dict, "/Type", qpdf_oh_new_name (qpdf, "/Metadata"));
    qpdf_oh_replace_key (qpdf, dict, "/Subtype", qpdf_oh_new_name (qpdf, "/XML"));
    qpdf_oh_release (qpdf, dict);
  }
  qpdf_oh_replace_key (qpdf, root, "/Metadata", stream);
  qpdf_oh_release (qpdf, null);
  qpdf_oh_release (qpdf, stream);
}

/**
 * upp_pdf_complete_tagging:
 * @pdf: a PDF that cairo wrote with structure tags
 * @metadata: what its XMP metadata says
 * @language: the document's language, such as "sv-SE"
 * @page_height: the height of the pages in points
 * @figures: (array length=n_figures): the figures, in the order their
 *   `Figure` tags were opened
 * @n_figures: the number of @figures
 * @links: (array length=n_links): what each link annotation leads to, in
 *   the order of the pages and, on a page, of drawing
 * @n_links: the number of @links
 * @error: a #GError
 *
 * Marks @pdf as tagged, sets its language, asks viewers to show its title,
 * adds XMP metadata that claims PDF/UA-1, makes whatever is drawn outside
 * a tag a pagination artifact, and gives every figure its alternative text
 * and bounding box, every header cell its scope, every link its
 * description and the Print flag, every CIDFontType2 its /CIDToGIDMap and
 * every page the structure's tab order.
 *
 * Returns: (transfer full): the completed PDF, or %NULL with @error set
 */
GBytes *
upp_pdf_complete_tagging (GBytes             *pdf,
                          const UppPdfMetadata *metadata,
                          const char         *language,
                          double              page_height,
                          const UppPdfFigure *figures,
                          guint               n_figures,
                          const char * const *links,
                          guint               n_links,
                          GError            **error)
{
  Tagger tagger = { 0 };
  qpdf_data qpdf;
  qpdf_oh root;
  qpdf_oh tree;
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  GBytes *result = NULL;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);

  if (qpdf_read_memory (qpdf, "briefing.pdf", data, size, NULL) & QPDF_ERRORS)
    {
      take_error (qpdf, error);
      goto out;
    }

  root = qpdf_get_root (qpdf);
  qpdf_oh_replace_key (qpdf, root, "/MarkInfo", qpdf_oh_parse (qpdf, "<< /Marked true >>"));
  qpdf_oh_replace_key (qpdf, root, "/Lang", qpdf_oh_new_unicode_string (qpdf, language));
  qpdf_oh_replace_key (qpdf, root, "/ViewerPreferences",
                       qpdf_oh_parse (qpdf, "<< /DisplayDocTitle true >>"));
  add_metadata (qpdf, root, metadata, language);
  mark_artifacts (qpdf);
  map_fonts (qpdf);

  tagger.qpdf = qpdf;
  tagger.figures = figures;
  tagger.n_figures = n_figures;
  tagger.page_height = page_height;
  tree = qpdf_oh_get_key (qpdf, root, "/StructTreeRoot");
  if (qpdf_oh_is_dictionary (qpdf, tree))
    visit (&tagger, tree, 0);
  if (tagger.next_figure != n_figures)
    g_warning ("%u figures drawn but %u figure elements found", n_figures, tagger.next_figure);
  describe_links (qpdf, links, n_links);
  if (take_error (qpdf, error))
    goto out;

  if (qpdf_init_write_memory (qpdf) & QPDF_ERRORS)
    {
      take_error (qpdf, error);
      goto out;
    }
  /* An /ID from the content, not from the time: same data, same bytes. */
  qpdf_set_deterministic_ID (qpdf, QPDF_TRUE);
  /* No object streams (PDF/A-1 forbids them, and they cost a third of the
   * time), and cairo's compressed streams pass through as they are. */
  qpdf_set_object_stream_mode (qpdf, qpdf_o_disable);
  qpdf_set_decode_level (qpdf, qpdf_dl_none);
  if (qpdf_write (qpdf) & QPDF_ERRORS)
    {
      take_error (qpdf, error);
      goto out;
    }
  result = g_bytes_new (qpdf_get_buffer (qpdf), qpdf_get_buffer_length (qpdf));

out:
  qpdf_cleanup (&qpdf);
  return result;
}

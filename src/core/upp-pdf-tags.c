/* upp-pdf-tags.c — what cairo 1.16 leaves out of a tagged PDF, added to its file
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <qpdf/qpdf-c.h>
#include <string.h>

#include "upp-error.h"
#include "upp-pdf-tags.h"

/* cairo 1.16 writes the structure tree, the marked content and the parent
 * tree, but not the catalog entries that say what language the file is in
 * (/Lang) and that the window should show the title rather than the file
 * name (/ViewerPreferences), nor any attribute of a structure element, so
 * figures have no /Alt. The objects to change are found by reading the
 * file's structure, never by searching its bytes; they are written anew,
 * with a cross-reference table computed for the result and an /ID derived
 * from the content, so that equal input gives equal output. */

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
      /* Figures are drawn only directly in grouping elements; tables,
       * lists and paragraphs, most of the tree, need not be read. */
      gboolean group = qpdf_oh_is_name_and_equals (qpdf, type, "/Document") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/Sect") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/Div") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/Part") ||
                       qpdf_oh_is_name_and_equals (qpdf, type, "/Art");

      qpdf_oh_release (qpdf, type);
      if (figure)
        describe_figure (tagger, object);
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

/* The fast way, for the files cairo writes: a classic cross-reference
 * table, every object at the offset it gives, no object streams, no
 * encryption. Reading them is simple, and the objects to change are a
 * few hundred of tens of thousands: copy the others as they are, write
 * the changed ones anew, and a cross-reference table for the result.
 * A file that looks any other way (a later cairo may write object
 * streams) goes through qpdf instead. */

typedef struct
{
  const char *start;
  const char *end;
} Span;

typedef struct
{
  const char         *data;
  gsize               size;
  guint               n_objects;
  gsize              *offsets;    /* by object number; 0 for object 0 */
  gsize               xref;
  Span                trailer;
  GHashTable         *changed;    /* object number → GString, its new value */

  const UppPdfFigure *figures;
  guint               n_figures;
  guint               next_figure;
  const char * const *links;
  guint               n_links;
  guint               next_link;
  double              page_height;
} Editor;

#define MAX_DEPTH 64

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

static inline gboolean
is_white (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static inline gboolean
is_delimiter (char c)
{
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
         c == '}' || c == '/' || c == '%';
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end)
    {
      if (is_white (*p))
        p++;
      else if (*p == '%')
        while (p < end && *p != '\n' && *p != '\r')
          p++;
      else
        break;
    }
  return p;
}

/* Digits at @p as a number; the end of them, or NULL if there are none. */
static const char *
parse_uint (const char *p,
            const char *end,
            guint64    *value)
{
  const char *start = p;

  *value = 0;
  while (p < end && g_ascii_isdigit (*p) && p - start < 18)
    *value = *value * 10 + (guint64) (*p++ - '0');
  return p > start && (p == end || !g_ascii_isdigit (*p)) ? p : NULL;
}

static const char *skip_item (const char *p,
                              const char *end,
                              guint       depth);

/* The end of the object at @p: a name, string, dictionary, array or
 * other token. NULL if it is none of them. */
static const char *
skip_value (const char *p,
            const char *end,
            guint       depth)
{
  if (p >= end || depth > MAX_DEPTH)
    return NULL;

  switch (*p)
    {
    case '/':
      for (p++; p < end && !is_white (*p) && !is_delimiter (*p); p++)
        ;
      return p;

    case '(':
      {
        int open = 0;

        for (; p < end; p++)
          {
            if (*p == '\\')
              p++;
            else if (*p == '(')
              open++;
            else if (*p == ')' && --open == 0)
              return p + 1;
          }
        return NULL;
      }

    case '<':
      if (p + 1 < end && p[1] == '<')
        {
          for (p = skip_space (p + 2, end); p < end; p = skip_space (p, end))
            {
              if (*p == '>')
                return p + 1 < end && p[1] == '>' ? p + 2 : NULL;
              if (*p != '/' || (p = skip_value (p, end, depth + 1)) == NULL)
                return NULL;
              if ((p = skip_item (skip_space (p, end), end, depth + 1)) == NULL)
                return NULL;
            }
          return NULL;
        }
      p = memchr (p, '>', end - p);
      return p != NULL ? p + 1 : NULL;

    case '[':
      for (p = skip_space (p + 1, end); p < end; p = skip_space (p, end))
        {
          if (*p == ']')
            return p + 1;
          if ((p = skip_item (p, end, depth + 1)) == NULL)
            return NULL;
        }
      return NULL;

    default:
      {
        const char *start = p;

        while (p < end && !is_white (*p) && !is_delimiter (*p))
          p++;
        return p > start ? p : NULL;
      }
    }
}

/* Like skip_value(), but "12 0 R" is one item. */
static const char *
skip_item (const char *p,
           const char *end,
           guint       depth)
{
  const char *after = skip_value (p, end, depth);
  const char *q;
  guint64 number;

  if (after == NULL || parse_uint (p, after, &number) != after)
    return after;
  q = skip_space (after, end);
  if ((q = parse_uint (q, end, &number)) == NULL)
    return after;
  q = skip_space (q, end);
  if (q < end && *q == 'R' && (q + 1 == end || is_white (q[1]) || is_delimiter (q[1])))
    return q + 1;
  return after;
}

static gboolean
span_equals (Span        span,
             const char *text)
{
  gsize length = strlen (text);

  return (gsize) (span.end - span.start) == length && memcmp (span.start, text, length) == 0;
}

static gboolean
is_dictionary (Span span)
{
  return span.end - span.start >= 4 && span.start[0] == '<' && span.start[1] == '<';
}

static gboolean
is_array (Span span)
{
  return span.end - span.start >= 2 && span.start[0] == '[';
}

/* The object number of a reference "12 0 R", or 0. */
static guint
span_ref (Span span)
{
  guint64 number;
  guint64 generation;
  const char *p = parse_uint (span.start, span.end, &number);

  if (p == NULL || span.end[-1] != 'R')
    return 0;
  p = skip_space (p, span.end);
  if (parse_uint (p, span.end, &generation) == NULL || generation != 0 || number > G_MAXUINT)
    return 0;
  return number;
}

/* Calls @func with each key and value of @dict until it returns FALSE. */
static gboolean
dict_foreach (Span       dict,
              gboolean (*func) (Span key, Span value, gpointer data),
              gpointer   data)
{
  const char *p = dict.start + 2;
  const char *end = dict.end - 2;

  for (p = skip_space (p, end); p < end; p = skip_space (p, end))
    {
      Span key = { p, skip_value (p, end, 0) };
      Span value;

      if (*p != '/' || key.end == NULL)
        return FALSE;
      value.start = skip_space (key.end, end);
      value.end = skip_item (value.start, end, 0);
      if (value.end == NULL)
        return FALSE;
      if (!func (key, value, data))
        break;
      p = value.end;
    }
  return TRUE;
}

typedef struct
{
  const char *key;
  Span        value;
  gboolean    found;
} Lookup;

static gboolean
lookup_entry (Span     key,
              Span     value,
              gpointer data)
{
  Lookup *lookup = data;

  if (!span_equals (key, lookup->key))
    return TRUE;
  lookup->value = value;
  lookup->found = TRUE;
  return FALSE;
}

static gboolean
dict_get (Span        dict,
          const char *key,
          Span       *value)
{
  Lookup lookup = { key, { NULL, NULL }, FALSE };

  if (!is_dictionary (dict) || !dict_foreach (dict, lookup_entry, &lookup) || !lookup.found)
    return FALSE;
  *value = lookup.value;
  return TRUE;
}

/* The value of object @number, as its "N 0 obj" at its offset says. */
static gboolean
object_value (Editor *e,
              guint   number,
              Span   *value)
{
  const char *end = e->data + e->xref;
  const char *p;
  guint64 n;

  if (number == 0 || number >= e->n_objects)
    return FALSE;
  p = e->data + e->offsets[number];
  if ((p = parse_uint (p, end, &n)) == NULL || n != number)
    return FALSE;
  p = skip_space (p, end);
  if ((p = parse_uint (p, end, &n)) == NULL || n != 0)
    return FALSE;
  p = skip_space (p, end);
  if (end - p < 3 || memcmp (p, "obj", 3) != 0)
    return FALSE;
  value->start = skip_space (p + 3, end);
  value->end = skip_item (value->start, end, 0);
  return value->end != NULL;
}

/* @value itself, or the object it refers to; @number is that object's
 * number, or 0 for a direct value. */
static gboolean
resolve (Editor *e,
         Span    value,
         Span   *resolved,
         guint  *number)
{
  guint ref = span_ref (value);

  *number = ref;
  if (ref == 0)
    {
      *resolved = value;
      return TRUE;
    }
  return object_value (e, ref, resolved);
}

typedef struct
{
  const char * const *keys;
  GString            *out;
} Rewrite;

static gboolean
copy_entry (Span     key,
            Span     value,
            gpointer data)
{
  Rewrite *rewrite = data;

  for (guint i = 0; rewrite->keys[i] != NULL; i++)
    if (span_equals (key, rewrite->keys[i]))
      return TRUE;
  g_string_append (rewrite->out, "\n   ");
  g_string_append_len (rewrite->out, key.start, key.end - key.start);
  g_string_append_c (rewrite->out, ' ');
  g_string_append_len (rewrite->out, value.start, value.end - value.start);
  return TRUE;
}

/* Object @number, a dictionary, gets the entries @keys[i] = @values[i]
 * (a NULL-terminated list), replacing any it had. */
static gboolean
set_entries (Editor             *e,
             guint               number,
             const char * const *keys,
             const char * const *values)
{
  GString *out = g_string_new ("<<");
  Rewrite rewrite = { keys, out };
  Span dict;

  /* Changed twice: start from the new value. */
  if (g_hash_table_contains (e->changed, GUINT_TO_POINTER (number)))
    {
      GString *before = g_hash_table_lookup (e->changed, GUINT_TO_POINTER (number));

      dict.start = before->str;
      dict.end = before->str + before->len;
    }
  else if (!object_value (e, number, &dict))
    {
      g_string_free (out, TRUE);
      return FALSE;
    }
  if (!is_dictionary (dict) || !dict_foreach (dict, copy_entry, &rewrite))
    {
      g_string_free (out, TRUE);
      return FALSE;
    }
  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (out, "\n   %s %s", keys[i], values[i]);
  g_string_append (out, "\n>>");
  g_hash_table_insert (e->changed, GUINT_TO_POINTER (number), out);
  return TRUE;
}

/* A text string: PDFDocEncoding's ASCII part as a literal, anything else
 * as UTF-16BE with a byte order mark. */
static char *
text_string (const char *utf8)
{
  GString *out = g_string_new (NULL);
  gboolean ascii = TRUE;

  for (const guchar *p = (const guchar *) utf8; *p != '\0'; p++)
    if (*p >= 0x80 || *p < 0x20)
      ascii = FALSE;

  if (ascii)
    {
      g_string_append_c (out, '(');
      for (const char *p = utf8; *p != '\0'; p++)
        {
          if (*p == '(' || *p == ')' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, ')');
    }
  else
    {
      glong n = 0;
      g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);

      static const char hex[] = "0123456789ABCDEF";

      g_string_append (out, "<FEFF");
      for (glong i = 0; utf16 != NULL && i < n; i++)
        {
          char unit[4] = {
            hex[(utf16[i] >> 12) & 0xf], hex[(utf16[i] >> 8) & 0xf],
            hex[(utf16[i] >> 4) & 0xf], hex[utf16[i] & 0xf],
          };

          g_string_append_len (out, unit, 4);
        }
      g_string_append_c (out, '>');
    }
  return g_string_free (out, FALSE);
}

static gboolean
describe_figure_fast (Editor *e,
                      guint   number)
{
  const UppPdfFigure *figure;
  const char *keys[] = { "/Alt", "/A", NULL };
  g_autofree char *alt = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *x1 = NULL;
  g_autofree char *y1 = NULL;
  g_autofree char *x2 = NULL;
  g_autofree char *y2 = NULL;

  if (e->next_figure >= e->n_figures)
    return TRUE;
  figure = &e->figures[e->next_figure++];
  alt = text_string (figure->alt);
  x1 = format_number (figure->x);
  y1 = format_number (e->page_height - figure->y - figure->height);
  x2 = format_number (figure->x + figure->width);
  y2 = format_number (e->page_height - figure->y);
  attributes = g_strdup_printf ("<< /O /Layout /Placement /Block /BBox [ %s %s %s %s ] >>",
                                x1, y1, x2, y2);
  return set_entries (e, number, keys, (const char *[]) { alt, attributes, NULL });
}

/* As visit() does with qpdf: depth first through /K, into the grouping
 * elements only. */
static gboolean
visit_fast (Editor *e,
            Span    value,
            guint   depth)
{
  Span object;
  Span type;
  Span kids;
  guint number;

  if (depth > MAX_DEPTH)
    return TRUE;
  if (!resolve (e, value, &object, &number))
    return FALSE;

  if (is_array (object))
    {
      const char *end = object.end - 1;

      for (const char *p = skip_space (object.start + 1, end); p < end; p = skip_space (p, end))
        {
          Span item = { p, skip_item (p, end, 0) };

          if (item.end == NULL || !visit_fast (e, item, depth + 1))
            return FALSE;
          p = item.end;
        }
      return TRUE;
    }

  if (!is_dictionary (object))
    return TRUE;

  if (dict_get (object, "/S", &type))
    {
      gboolean group = span_equals (type, "/Document") || span_equals (type, "/Sect") ||
                       span_equals (type, "/Div") || span_equals (type, "/Part") ||
                       span_equals (type, "/Art");

      if (span_equals (type, "/Figure"))
        {
          /* A direct dictionary cannot be replaced on its own. */
          if (number == 0 || !describe_figure_fast (e, number))
            return FALSE;
        }
      if (!group)
        return TRUE;
    }

  if (!dict_get (object, "/K", &kids))
    return TRUE;
  return visit_fast (e, kids, depth + 1);
}

static gboolean
describe_annotations (Editor *e,
                      guint   page,
                      Span    annots)
{
  Span array;
  guint number;
  const char *end;

  if (!resolve (e, annots, &array, &number) || !is_array (array))
    return FALSE;
  end = array.end - 1;
  for (const char *p = skip_space (array.start + 1, end); p < end; p = skip_space (p, end))
    {
      Span item = { p, skip_item (p, end, 0) };
      Span annot;
      Span subtype;

      if (item.end == NULL || !resolve (e, item, &annot, &number))
        return FALSE;
      p = item.end;
      if (dict_get (annot, "/Subtype", &subtype) && span_equals (subtype, "/Link") &&
          e->next_link < e->n_links && e->links[e->next_link] != NULL)
        {
          g_autofree char *contents = text_string (e->links[e->next_link++]);

          if (number == 0 ||
              !set_entries (e, number, (const char *[]) { "/Contents", NULL },
                            (const char *[]) { contents, NULL }))
            return FALSE;
        }
    }
  return set_entries (e, page, (const char *[]) { "/Tabs", NULL }, (const char *[]) { "/S", NULL });
}

/* The page tree, in page order. */
static gboolean
visit_pages (Editor *e,
             Span    value,
             guint   depth)
{
  Span node;
  Span kids;
  Span annots;
  guint number;

  if (depth > MAX_DEPTH || !resolve (e, value, &node, &number) || number == 0 ||
      !is_dictionary (node))
    return FALSE;

  if (dict_get (node, "/Kids", &kids))
    {
      Span array;
      guint array_number;
      const char *end;

      if (!resolve (e, kids, &array, &array_number) || !is_array (array))
        return FALSE;
      end = array.end - 1;
      for (const char *p = skip_space (array.start + 1, end); p < end; p = skip_space (p, end))
        {
          Span item = { p, skip_item (p, end, 0) };

          if (item.end == NULL || !visit_pages (e, item, depth + 1))
            return FALSE;
          p = item.end;
        }
      return TRUE;
    }

  if (dict_get (node, "/Annots", &annots))
    return describe_annotations (e, number, annots);
  return TRUE;
}

/* The cross-reference table and trailer of a file as cairo writes it. */
static gboolean
read_xref (Editor *e)
{
  const char *data = e->data;
  const char *end = data + e->size;
  const char *p = end - MIN (e->size, 1024);
  const char *found = NULL;
  guint64 value;
  guint64 count;

  if (e->size < 64 || memcmp (data, "%PDF-1.", 7) != 0)
    return FALSE;
  for (; p + 9 <= end; p++)
    if (memcmp (p, "startxref", 9) == 0)
      found = p;
  if (found == NULL)
    return FALSE;
  p = skip_space (found + 9, end);
  if ((p = parse_uint (p, end, &value)) == NULL || value >= e->size)
    return FALSE;
  e->xref = value;

  p = data + e->xref;
  if (end - p < 5 || memcmp (p, "xref", 4) != 0)
    return FALSE;
  p = skip_space (p + 4, end);
  if ((p = parse_uint (p, end, &value)) == NULL || value != 0)
    return FALSE;
  p = skip_space (p, end);
  if ((p = parse_uint (p, end, &count)) == NULL || count < 2 || count > G_MAXUINT / 2)
    return FALSE;
  /* One section, entries of exactly 20 bytes. */
  if (p < end && *p == '\r')
    p++;
  if (p < end && *p == '\n')
    p++;
  if ((gsize) (end - p) < count * 20)
    return FALSE;
  e->n_objects = count;
  e->offsets = g_new0 (gsize, count);
  for (guint i = 0; i < count; i++, p += 20)
    {
      guint64 offset;
      guint64 generation;

      if (parse_uint (p, p + 10, &offset) != p + 10 || p[10] != ' ' ||
          parse_uint (p + 11, p + 16, &generation) != p + 16 || p[16] != ' ')
        return FALSE;
      if (i == 0)
        {
          if (p[17] != 'f')
            return FALSE;
          continue;
        }
      /* Every other object is in use, at an offset before the table. */
      if (p[17] != 'n' || generation != 0 || offset == 0 || offset >= e->xref)
        return FALSE;
      e->offsets[i] = offset;
    }

  p = skip_space (p, end);
  if (end - p < 7 || memcmp (p, "trailer", 7) != 0)
    return FALSE;
  e->trailer.start = skip_space (p + 7, end);
  e->trailer.end = skip_value (e->trailer.start, end, 0);
  return e->trailer.end != NULL && is_dictionary (e->trailer);
}

typedef struct
{
  GString  *out;
  gboolean  unknown;
} TrailerCopy;

static gboolean
copy_trailer_entry (Span     key,
                    Span     value,
                    gpointer data)
{
  TrailerCopy *copy = data;

  if (span_equals (key, "/Size") || span_equals (key, "/ID"))
    return TRUE;
  /* An update, encryption, a cross-reference stream: not cairo's file. */
  if (span_equals (key, "/Prev") || span_equals (key, "/Encrypt") || span_equals (key, "/XRefStm"))
    {
      copy->unknown = TRUE;
      return FALSE;
    }
  g_string_append (copy->out, "\n   ");
  g_string_append_len (copy->out, key.start, key.end - key.start);
  g_string_append_c (copy->out, ' ');
  g_string_append_len (copy->out, value.start, value.end - value.start);
  return TRUE;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const gsize *offsets = data;
  gsize oa = offsets[*(const guint *) a];
  gsize ob = offsets[*(const guint *) b];

  return oa < ob ? -1 : oa > ob ? 1 : 0;
}

/* The objects in file order, each copied or written anew, then a new
 * table and trailer with an /ID from the content. */
static GBytes *
write_edited (Editor *e)
{
  g_autofree guint *order = g_new (guint, e->n_objects - 1);
  g_autofree gsize *new_offsets = g_new0 (gsize, e->n_objects);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  g_autoptr(GString) trailer = g_string_new (NULL);
  GByteArray *out;
  TrailerCopy copy = { trailer, FALSE };
  const char *id;
  gsize xref;
  char line[32];

  if (!dict_foreach (e->trailer, copy_trailer_entry, &copy) || copy.unknown)
    return NULL;

  for (guint i = 1; i < e->n_objects; i++)
    order[i - 1] = i;
  g_qsort_with_data (order, e->n_objects - 1, sizeof (guint), compare_offsets, e->offsets);
  /* The bytes of one object run to the start of the next. */
  for (guint i = 1; i < e->n_objects - 1; i++)
    if (e->offsets[order[i]] == e->offsets[order[i - 1]])
      return NULL;

  out = g_byte_array_sized_new (e->size + 64 * g_hash_table_size (e->changed) + 4096);
  g_byte_array_append (out, (const guint8 *) e->data, e->offsets[order[0]]);
  for (guint i = 0; i < e->n_objects - 1; i++)
    {
      guint number = order[i];
      gsize from = e->offsets[number];
      gsize to = i + 1 < e->n_objects - 1 ? e->offsets[order[i + 1]] : e->xref;
      GString *changed = g_hash_table_lookup (e->changed, GUINT_TO_POINTER (number));

      new_offsets[number] = out->len;
      if (changed == NULL)
        {
          g_byte_array_append (out, (const guint8 *) e->data + from, to - from);
          continue;
        }
      g_snprintf (line, sizeof line, "%u 0 obj\n", number);
      g_byte_array_append (out, (const guint8 *) line, strlen (line));
      g_byte_array_append (out, (const guint8 *) changed->str, changed->len);
      g_byte_array_append (out, (const guint8 *) "\nendobj\n", 8);
    }

  xref = out->len;
  /* Ten digits an offset. */
  if ((guint64) xref > G_GUINT64_CONSTANT (9999999999))
    {
      g_byte_array_unref (out);
      return NULL;
    }
  g_snprintf (line, sizeof line, "xref\n0 %u\n", e->n_objects);
  g_byte_array_append (out, (const guint8 *) line, strlen (line));
  g_byte_array_append (out, (const guint8 *) "0000000000 65535 f \n", 20);
  for (guint i = 1; i < e->n_objects; i++)
    {
      /* "0000001234 00000 n \n", twenty thousand times */
      gsize offset = new_offsets[i];

      memcpy (line, "0000000000 00000 n \n", 20);
      for (int digit = 9; digit >= 0 && offset > 0; digit--, offset /= 10)
        line[digit] = '0' + offset % 10;
      g_byte_array_append (out, (const guint8 *) line, 20);
    }

  /* Same content, same /ID: a digest of everything above. */
  g_checksum_update (checksum, out->data, out->len);
  id = g_checksum_get_string (checksum);
  g_string_prepend (trailer, "trailer\n<<");
  g_string_append_printf (trailer, "\n   /Size %u\n   /ID [ <%s> <%s> ]\n>>\nstartxref\n%"
                          G_GSIZE_FORMAT "\n%%%%EOF\n", e->n_objects, id, id, xref);
  g_byte_array_append (out, (const guint8 *) trailer->str, trailer->len);
  return g_byte_array_free_to_bytes (out);
}

/* NULL when @pdf is not a file this understands. */
static GBytes *
complete_in_place (GBytes             *pdf,
                   const char         *language,
                   double              page_height,
                   const UppPdfFigure *figures,
                   guint               n_figures,
                   const char * const *links,
                   guint               n_links)
{
  Editor e = { 0 };
  g_autofree char *lang = text_string (language);
  const char *catalog_keys[] = { "/MarkInfo", "/Lang", "/ViewerPreferences", NULL };
  const char *catalog_values[] = { "<< /Marked true >>", lang, "<< /DisplayDocTitle true >>",
                                   NULL };
  GBytes *result = NULL;
  Span root;
  Span catalog;
  Span value;
  guint root_number;

  e.data = g_bytes_get_data (pdf, &e.size);
  e.changed = g_hash_table_new_full (NULL, NULL, NULL, free_string);
  e.figures = figures;
  e.n_figures = n_figures;
  e.links = links;
  e.n_links = n_links;
  e.page_height = page_height;

  if (!read_xref (&e) || !dict_get (e.trailer, "/Root", &root) ||
      (root_number = span_ref (root)) == 0 || !object_value (&e, root_number, &catalog) ||
      !is_dictionary (catalog))
    goto out;

  if (dict_get (catalog, "/StructTreeRoot", &value) && !visit_fast (&e, value, 0))
    goto out;
  if (!dict_get (catalog, "/Pages", &value) || !visit_pages (&e, value, 0))
    goto out;
  if (!set_entries (&e, root_number, catalog_keys, catalog_values))
    goto out;

  result = write_edited (&e);
  if (result == NULL)
    goto out;
  if (e.next_figure != n_figures)
    g_warning ("%u figures drawn but %u figure elements found", n_figures, e.next_figure);
  if (e.next_link != n_links)
    g_warning ("%u links drawn but %u link annotations found", n_links, e.next_link);

out:
  g_hash_table_unref (e.changed);
  g_free (e.offsets);
  return result;
}

/* The general way: qpdf */

/**
 * upp_pdf_complete_tagging_with_qpdf:
 * @pdf: a tagged PDF
 * @language: as for upp_pdf_complete_tagging()
 * @page_height: likewise
 * @figures: (array length=n_figures): likewise
 * @n_figures: likewise
 * @links: (array length=n_links): likewise
 * @n_links: likewise
 * @error: a #GError
 *
 * What upp_pdf_complete_tagging() does, for any PDF that qpdf reads: qpdf
 * loads it, changes the objects and writes the whole file anew. Slower;
 * upp_pdf_complete_tagging() falls back to it when @pdf is not the plain
 * file cairo 1.16 writes.
 *
 * Returns: (transfer full): the completed PDF, or %NULL with @error set
 */
GBytes *
upp_pdf_complete_tagging_with_qpdf (GBytes             *pdf,
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

/**
 * upp_pdf_complete_tagging:
 * @pdf: a PDF that cairo wrote with structure tags
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
 * Marks @pdf as tagged, sets its language, asks viewers to show its title
 * and gives every figure its alternative text and bounding box, every link
 * its description, and every page the structure's tab order.
 *
 * Returns: (transfer full): the completed PDF, or %NULL with @error set
 */
GBytes *
upp_pdf_complete_tagging (GBytes             *pdf,
                          const char         *language,
                          double              page_height,
                          const UppPdfFigure *figures,
                          guint               n_figures,
                          const char * const *links,
                          guint               n_links,
                          GError            **error)
{
  GBytes *result;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  result = complete_in_place (pdf, language, page_height, figures, n_figures, links, n_links);
  if (result != NULL)
    return result;
  g_debug ("Not a PDF as cairo 1.16 writes it; completing it with qpdf");
  return upp_pdf_complete_tagging_with_qpdf (pdf, language, page_height, figures, n_figures,
                                             links, n_links, error);
}

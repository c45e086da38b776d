/* upp-pdf-artifacts.c — what a page draws outside any tag becomes an artifact
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-briefing"

#include "config.h"

#include <string.h>

#include "upp-pdf-tags.h"

/* PDF/UA-1 wants every mark on a page either tagged (in marked content the
 * structure tree points to) or an artifact. The briefing tags its content;
 * what it draws outside any tag is the page's furniture: the white paper,
 * the running header and footer and their rules, the bars and hairlines
 * between rows, the repeated header of a table broken over pages. cairo
 * 1.16 has no way to say "artifact" (newer cairo has an "Artifact" tag), so
 * the page's content stream is read once more and each run of drawing
 * outside marked content is wrapped in a pagination artifact. A run never
 * crosses a BT or ET: marked content and text objects must nest. */

#define OPEN_ARTIFACT "\n/Artifact <</Type /Pagination>> BDC\n"
#define CLOSE_ARTIFACT "\nEMC\n"

static gboolean
is_space (guint8 c)
{
  return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static gboolean
is_delimiter (guint8 c)
{
  return strchr ("()<>[]{}/%", c) != NULL && c != 0;
}

/* The operators that start or are part of a graphics object: what an
 * artifact must hold when it is drawn outside a tag. */
static gboolean
draws (const char *op,
       gsize       length)
{
  static const char * const ops[] = {
    "m", "l", "c", "v", "y", "h", "re", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n",
    "W", "W*", "Tj", "TJ", "'", "\"", "Do", "sh", "BI",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (strlen (ops[i]) == length && memcmp (ops[i], op, length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
op_is (const guint8 *op,
       gsize         length,
       const char   *name)
{
  return strlen (name) == length && memcmp (op, name, length) == 0;
}

/* Skips a literal string "(…)" from its opening parenthesis. */
static gsize
skip_string (const guint8 *data,
             gsize         length,
             gsize         i)
{
  int depth = 0;

  for (; i < length; i++)
    {
      if (data[i] == '\\')
        i++;
      else if (data[i] == '(')
        depth++;
      else if (data[i] == ')' && --depth == 0)
        return i + 1;
    }
  return length;
}

/* From after "ID": the image data up to an "EI" between white space. */
static gsize
skip_inline_image (const guint8 *data,
                   gsize         length,
                   gsize         i)
{
  for (i = i + 1; i + 1 < length; i++)
    if (data[i] == 'E' && data[i + 1] == 'I' && is_space (data[i - 1]) &&
        (i + 2 == length || is_space (data[i + 2]) || is_delimiter (data[i + 2])))
      return i + 2;
  return length;
}

/**
 * upp_pdf_mark_artifacts:
 * @data: (array length=length): a page's content, decoded
 * @length: its length
 *
 * Returns: (transfer full): the content with every drawing outside marked
 *   content wrapped in `/Artifact <</Type /Pagination>> BDC … EMC`
 */
GByteArray *
upp_pdf_mark_artifacts (const guint8 *data,
                        gsize         length)
{
  GByteArray *out = g_byte_array_sized_new (length + length / 16 + 64);
  gsize copied = 0;
  gsize i = 0;
  gssize operands = -1;   /* where the current operator's operands start */
  int depth = 0;          /* marked content */
  gboolean open = FALSE;  /* an artifact of ours */

#define INSERT_AT(pos, text) \
  G_STMT_START { \
    g_byte_array_append (out, data + copied, (pos) - copied); \
    g_byte_array_append (out, (const guint8 *) (text), strlen (text)); \
    copied = (pos); \
  } G_STMT_END

  while (i < length)
    {
      guint8 c = data[i];
      gsize start = i;

      if (is_space (c))
        {
          i++;
          continue;
        }
      if (c == '%')
        {
          while (i < length && data[i] != '\n' && data[i] != '\r')
            i++;
          continue;
        }

      /* Operands */
      if (c == '(' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
          c == '/' || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')
        {
          if (operands < 0)
            operands = start;
          if (c == '(')
            i = skip_string (data, length, i);
          else if (c == '<' && i + 1 < length && data[i + 1] == '<')
            i += 2;
          else if (c == '>' && i + 1 < length && data[i + 1] == '>')
            i += 2;
          else if (c == '<')
            {
              while (i < length && data[i] != '>')
                i++;
              i++;
            }
          else if (c == '/' || (c != '[' && c != ']' && c != '{' && c != '}' && c != '>'))
            {
              i++;
              while (i < length && !is_space (data[i]) && !is_delimiter (data[i]))
                i++;
            }
          else
            i++;
          continue;
        }

      /* A keyword: true, false and null are operands, the rest operators. */
      while (i < length && !is_space (data[i]) && !is_delimiter (data[i]))
        i++;
      {
        const guint8 *op = data + start;
        gsize op_length = i - start;
        gsize at = operands >= 0 ? (gsize) operands : start;

        if (op_is (op, op_length, "true") || op_is (op, op_length, "false") ||
            op_is (op, op_length, "null"))
          {
            if (operands < 0)
              operands = start;
            continue;
          }
        operands = -1;

        if (op_is (op, op_length, "BDC") || op_is (op, op_length, "BMC"))
          {
            if (open)
              INSERT_AT (at, CLOSE_ARTIFACT);
            open = FALSE;
            depth++;
          }
        else if (op_is (op, op_length, "EMC"))
          depth = MAX (depth - 1, 0);
        else if (op_is (op, op_length, "BT") || op_is (op, op_length, "ET"))
          {
            if (open)
              INSERT_AT (at, CLOSE_ARTIFACT);
            open = FALSE;
          }
        else if (depth == 0 && !open && draws ((const char *) op, op_length))
          {
            INSERT_AT (at, OPEN_ARTIFACT);
            open = TRUE;
          }

        if (op_is (op, op_length, "BI"))
          {
            /* Its dictionary, then "ID", then data. */
            while (i + 1 < length && !(data[i] == 'I' && data[i + 1] == 'D' &&
                                       is_space (data[i - 1])))
              i++;
            i = skip_inline_image (data, length, i + 2);
          }
      }
    }
  if (open)
    INSERT_AT (length, CLOSE_ARTIFACT);
  g_byte_array_append (out, data + copied, length - copied);
#undef INSERT_AT
  return out;
}

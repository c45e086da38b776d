/* upp-document.c — a document by itself: its encoding, its JSON, its format
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-format-private.h"

/* Documents */

void
upp_document_free (UppDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->sha256);
  g_clear_pointer (&self->package, upp_package_free);
  g_clear_pointer (&self->report, upp_report_free);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

UppDocument *
upp_document_new (const char *path)
{
  UppDocument *document = g_new0 (UppDocument, 1);

  document->path = g_strdup (path);
  document->problems = g_ptr_array_new_with_free_func (g_free);
  return document;
}

/* Reading */

void
upp_document_problem (UppDocument *document,
                      const char  *message)
{
  upp_add_problem (document->problems, g_strdup_printf ("%s: %s", document->path, message));
}

static void
line_and_column (const char *data,
                 gsize       offset,
                 guint      *out_line,
                 guint      *out_column)
{
  guint line = 1;
  guint column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        column++;
    }
  *out_line = line;
  *out_column = column;
}

/* Checks what JSON parsers are lenient about: NUL bytes and invalid UTF-8.
 * Skips a UTF-8 byte order mark. Returns the text to parse, or NULL. */
static const char *
check_encoding (UppDocument *document,
                gsize       *out_length)
{
  gsize length;
  const char *data = g_bytes_get_data (document->bytes, &length);
  const char *nul;
  const char *end = NULL;
  guint line, column;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* Before anything looks at the bytes: an empty GBytes may hold NULL. */
  if (length == 0)
    {
      upp_document_problem (document, _("is empty; expected a JSON document"));
      return NULL;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_autofree char *message = NULL;

      line_and_column (data, nul - data, &line, &column);
      message = g_strdup_printf (_("%u:%u: contains a NUL byte; expected UTF-8 text"), line, column);
      /* FILE:LINE:COL, without the space after FILE: */
      upp_add_problem (document->problems, g_strdup_printf ("%s:%s", document->path, message));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      line_and_column (data, end - data, &line, &column);
      upp_add_problem (document->problems,
                       g_strdup_printf (_("%s:%u:%u: invalid UTF-8; documents must be UTF-8 "
                                          "(save the file as UTF-8)"),
                                        document->path, line, column));
      return NULL;
    }

  *out_length = length;
  return data;
}

/* Reads the document into @syntax's tree; NULL with a problem if it is not
 * strict JSON. */
static const Jv *
parse_json (UppDocument   *document,
            UppJsonReader *syntax,
            const char    *data,
            gsize          length)
{
  const Jv *root = upp_json_reader_read (syntax, data, length);
  guint line, column;

  if (root != NULL)
    return root;
  if (syntax->error == NULL)
    {
      line_and_column (data, syntax->escaped_duplicate_at - data, &line, &column);
      upp_add_problem (document->problems,
                       g_strdup_printf (_("%s:%u:%u: the key “%s” appears twice in one object; "
                                          "each key may appear once"),
                                        document->path, line, column,
                                        syntax->escaped_duplicate));
      return NULL;
    }

  line_and_column (data, syntax->error_at - data, &line, &column);
  upp_add_problem (document->problems,
                   g_strdup_printf ("%s:%u:%u: %s", document->path, line, column, syntax->error));
  return NULL;
}

/* Checks the tree of a document and reads the package or report in it. */
static void
parse_root (UppDocument *document,
            Checker     *checker,
            const Jv    *root)
{
  const char *format;

  if (root->kind != JV_OBJECT)
    {
      upp_document_problem (document, _("expected a JSON object with a “format” field"));
      return;
    }
  upp_check_texts (checker, root, NULL);

  format = upp_get_string (checker, root, NULL, "format", TRUE, 64);
  if (format == NULL)
    return;
  if (g_str_equal (format, "uppfoljning-package"))
    {
      document->kind = UPP_DOCUMENT_PACKAGE;
      document->package = upp_parse_package (checker, root);
    }
  else if (g_str_equal (format, "uppfoljning-report"))
    {
      document->kind = UPP_DOCUMENT_REPORT;
      document->report = upp_parse_report (checker, root);
    }
  else
    upp_problem (checker, AT (NULL, "format"),
                 _("“%s” is not a known format; expected uppfoljning-package or "
                   "uppfoljning-report"),
                 format);
}

/* Parses and checks a document by itself, without the store. */
void
upp_format_parse_document (UppDocument *document)
{
  Checker checker = { document->path, document->problems };
  UppJsonReader syntax;
  const Jv *root;
  const char *data;
  gsize length = 0;

  if (document->sha256 == NULL)
    document->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document->bytes);

  data = check_encoding (document, &length);
  if (data == NULL)
    return;
  root = parse_json (document, &syntax, data, length);
  if (root != NULL)
    parse_root (document, &checker, root);
  upp_checker_finish (&checker);
  upp_json_reader_clear (&syntax);
}

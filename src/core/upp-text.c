/* upp-text.c — characters a text from the shared folder may not show unseen
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-text"

#include "config.h"

#include <string.h>

#include "upp-text.h"

/**
 * upp_text_is_control:
 * @c: a character
 *
 * The C0 and C1 control characters and DEL (a terminal acts on them), and
 * the line and paragraph separators U+2028 and U+2029 (a layout breaks the
 * line at them, as at a newline).
 *
 * Returns: whether @c is one of them
 */
gboolean
upp_text_is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
}

/**
 * upp_text_is_bidi_control:
 * @c: a character
 *
 * The characters that change the direction of the text around them: the
 * embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, and
 * the marks U+200E, U+200F and U+061C. A mark looks harmless, but next to
 * digits and spaces it reorders them as well ("1 RLM 000 05" shows the
 * groups of a number swapped). Text in any script is shown in its own
 * direction without them.
 *
 * Returns: whether @c is one of them
 */
gboolean
upp_text_is_bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/**
 * upp_text_is_mark:
 * @c: a character
 *
 * Returns: whether @c is a combining mark (an accent drawn on the
 *   character before it: Unicode's Mn, Mc and Me)
 */
gboolean
upp_text_is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

static void
append_escape (GString  *out,
               gunichar  c)
{
  static const char * const named[0x20] = {
    ['\a'] = "\\a", ['\b'] = "\\b", ['\t'] = "\\t", ['\n'] = "\\n",
    ['\v'] = "\\v", ['\f'] = "\\f", ['\r'] = "\\r", [0x1B] = "\\e",
  };

  if (c < G_N_ELEMENTS (named) && named[c] != NULL)
    g_string_append (out, named[c]);
  else if (c < 0x80)
    g_string_append_printf (out, "\\x%02x", c);
  else
    g_string_append_printf (out, "\\u%04x", c);
}

/**
 * upp_text_escape:
 * @text: text, not necessarily valid UTF-8
 * @length: its length in bytes, or -1 if it ends with a NUL
 *
 * @text for a terminal or a one-line label: every control character
 * (newline and tab too), every direction control and every byte that is
 * not UTF-8 spelt out as an escape, such as `\e`, `\n`, `\x7f`, `\u0085`
 * or `\u202e` (a byte that is not UTF-8 as `\xff`). Everything else stays
 * as it is, å, ä and ö included, and so does a backslash: the escapes are
 * there to be seen, not to be read back.
 *
 * Returns: (transfer full): the text with its escapes
 */
char *
upp_text_escape (const char *text,
                 gssize      length)
{
  const char *p = text;
  const char *end;
  GString *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  out = g_string_sized_new (length);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (upp_text_is_control (c) || upp_text_is_bidi_control (c))
        append_escape (out, c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/**
 * upp_text_tame:
 * @text: valid UTF-8
 * @max_line_breaks: how many line breaks to keep
 *
 * @text as a layout may show it, however it was stored: documents are
 * refused today for what this takes out (docs/formats.md), but a database
 * may hold texts imported before. Drops control and direction characters
 * and any combining mark after the first #UPP_TEXT_MAX_MARKS on one
 * character; makes a tab, a line or paragraph separator, and every line
 * break after the first @max_line_breaks a space.
 *
 * Returns: (transfer full): the tamed text
 */
char *
upp_text_tame (const char *text,
               guint       max_line_breaks)
{
  GString *out;
  guint n_breaks = 0;
  guint n_marks = 0;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean mark = upp_text_is_mark (c);

      n_marks = mark ? n_marks + 1 : 0;
      if (c == '\n' && n_breaks++ < max_line_breaks)
        g_string_append_c (out, '\n');
      else if (c == '\t' || c == '\n' || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else if (upp_text_is_control (c) || upp_text_is_bidi_control (c) ||
               (mark && n_marks > UPP_TEXT_MAX_MARKS))
        continue;
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

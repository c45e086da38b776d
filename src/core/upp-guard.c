/* upp-guard.c — keep personal identity numbers out of the reports
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-guard"

#include "config.h"

#include <math.h>
#include <string.h>

#include "upp-guard.h"

/* A Swedish personal identity number (personnummer) is YYMMDD-NNNC, with
 * '+' instead of '-' from the year the holder turns 100, or YYYYMMDDNNNC
 * with or without a '-'. A coordination number (samordningsnummer) has the
 * day plus 60. C is a Luhn check digit over the ten digits YYMMDDNNNC.
 *
 * The guard reads the text as a person would see it, so that the number
 * cannot be hidden from it by how it is written:
 *
 * - Every character is taken in its compatibility decomposition (NFKD, as
 *   g_unichar_fully_decompose() gives it): fullwidth, superscript, circled
 *   or mathematical digits are digits, a fullwidth full stop is a '.'. This
 *   is NFKC for our purposes: NFKC's composition step only joins letters
 *   and marks, which never make or break a digit or a separator, and
 *   decomposing one character at a time tells where each piece came from.
 * - Format characters (Unicode category Cf: zero-width space and joiner,
 *   soft hyphen, word joiner, bidi controls) and combining marks are
 *   invisible and skipped: "1212\u00AD121212" is ten digits in a row.
 * - Every Unicode decimal digit counts (Arabic-Indic, Devanagari…).
 * - A run of white space (any, the no-break space included), dashes (any
 *   Unicode dash punctuation, U+2212 MINUS SIGN), full stops and plus
 *   signs between two groups of digits is a separator.
 * - When the text holds a bidi control, it is read backwards too: a
 *   right-to-left override shows "2121-212121" as "121212-1212".
 *
 * Only these groupings are candidates: one group of 10 or 12 digits, or a
 * group of 6 or 8 digits, a separator and a group of 4 ('+' only after 6).
 * Groups are maximal: digits glued to a group make it another length, so a
 * 16-digit card number or a 7-digit run is not one. Digits beyond the
 * groups do not matter: in 0-121212-1212 or 3300 121212-1212 (a bank
 * account made of a personnummer) the number still shows, and is found.
 * Amounts in groups of three (1 212 121 212 kr), phone numbers in pairs,
 * dates, case numbers (KS 2026/123, 2026-000123), postcodes and ISO weeks
 * never have these shapes, or fail the date or the Luhn check.
 *
 * This runs over every text of every imported report: one pass over the
 * text (two with a bidi control), no regex, and no allocation unless a
 * number is found. */

#define MAX_DIGITS 12
#define MAX_GAP_TEXT 16

typedef struct
{
  guint8 digits[MAX_DIGITS];
  guint  n_digits;  /* may be more than MAX_DIGITS; then only counted */
  gsize  start;     /* bytes of the original text: the first digit's character… */
  gsize  end;       /* …to the end of the last digit's character */
} Group;

typedef struct
{
  gboolean found;
  gsize    start;
  gsize    end;
  char     text[MAX_DIGITS + MAX_GAP_TEXT + 1];  /* the number as read: ASCII digits, separators */
  guint    n_digits;
} Candidate;

typedef struct
{
  Group     group;       /* the group being read, if n_digits > 0 */
  Group     last;        /* the group before it… */
  gboolean  last_joins;  /* …if only a separator lies between them */
  gboolean  gap_plus;    /* the separator holds a '+' */
  char      gap_text[MAX_GAP_TEXT];
  gsize     gap_length;
  Candidate match;
} Scanner;

typedef enum
{
  UNIT_OTHER,
  UNIT_DIGIT,
  UNIT_SEPARATOR,
  UNIT_INVISIBLE,
} UnitKind;

static gboolean
date_is_valid (int year,
               int month,
               int day)
{
  if (day > 60)
    day -= 60;  /* coordination number */

  return month >= 1 && month <= 12 &&
         day >= 1 && day <= g_date_get_days_in_month (month, year);
}

static gboolean
luhn_is_valid (const guint8 *digits)
{
  guint sum = 0;

  /* Weights 2, 1, 2, 1, …; the check digit itself gets weight 1, so a
   * right number sums to a multiple of ten. */
  for (guint i = 0; i < 10; i++)
    {
      guint v = digits[i] * (i % 2 == 0 ? 2 : 1);

      sum += v > 9 ? v - 9 : v;
    }

  return sum % 10 == 0;
}

static gboolean
digits_are_valid (const guint8 *d,
                  guint         n_digits)
{
  if (n_digits == 12)
    {
      int century = d[0] * 10 + d[1];
      int year = century * 100 + d[2] * 10 + d[3];

      if (century < 18 || century > 20)
        return FALSE;
      if (!date_is_valid (year, d[4] * 10 + d[5], d[6] * 10 + d[7]))
        return FALSE;
      return luhn_is_valid (d + 2);
    }
  else
    {
      int yy = d[0] * 10 + d[1];
      int month = d[2] * 10 + d[3];
      int day = d[4] * 10 + d[5];

      /* The century is unknown; only 29 February tells them apart
       * (000229 is 2000-02-29, as 1900 was no leap year). */
      if (!date_is_valid (1900 + yy, month, day) &&
          !date_is_valid (2000 + yy, month, day))
        return FALSE;
      return luhn_is_valid (d);
    }
}

#define D UNIT_DIGIT
#define S UNIT_SEPARATOR
static const guint8 ascii_kinds[128] = {
  ['\t'] = S, ['\n'] = S, ['\v'] = S, ['\f'] = S, ['\r'] = S,
  [' '] = S, ['+'] = S, ['-'] = S, ['.'] = S,
  ['0'] = D, ['1'] = D, ['2'] = D, ['3'] = D, ['4'] = D,
  ['5'] = D, ['6'] = D, ['7'] = D, ['8'] = D, ['9'] = D,
};
#undef D
#undef S

static UnitKind
classify (gunichar  c,
          int      *out_digit)
{
  GUnicodeType type;
  int digit;

  if (c < 0x80)
    {
      *out_digit = c - '0';
      return ascii_kinds[c];
    }

  digit = g_unichar_digit_value (c);
  if (digit >= 0)
    {
      *out_digit = digit;
      return UNIT_DIGIT;
    }

  type = g_unichar_type (c);
  if (type == G_UNICODE_FORMAT || type == G_UNICODE_NON_SPACING_MARK ||
      type == G_UNICODE_ENCLOSING_MARK)
    return UNIT_INVISIBLE;
  if (type == G_UNICODE_DASH_PUNCTUATION || c == 0x2212 /* MINUS SIGN */ ||
      g_unichar_isspace (c) || type == G_UNICODE_SPACE_SEPARATOR)
    return UNIT_SEPARATOR;
  return UNIT_OTHER;
}

/* An ASCII byte that is neither a digit nor a separator. */
static inline gboolean
ascii_is_inert (char byte)
{
  return (guchar) byte < 0x80 && ascii_kinds[(guchar) byte] == UNIT_OTHER;
}

static gsize
append_digits (char        *text,
               gsize        at,
               const Group *group)
{
  for (guint i = 0; i < group->n_digits; i++)
    text[at++] = '0' + group->digits[i];
  return at;
}

/* @group has just ended. Is it, alone or after the last one, a number? */
static gboolean
scanner_check (Scanner     *s,
               const Group *group)
{
  Candidate *m = &s->match;
  gsize at = 0;

  if (group->n_digits == 10 || group->n_digits == 12)
    {
      if (!digits_are_valid (group->digits, group->n_digits))
        return FALSE;
      at = append_digits (m->text, 0, group);
      m->n_digits = group->n_digits;
      m->start = group->start;
      m->end = group->end;
    }
  else if (group->n_digits == 4 && s->last_joins &&
           (s->last.n_digits == 6 || (s->last.n_digits == 8 && !s->gap_plus)))
    {
      guint8 digits[MAX_DIGITS];

      memcpy (digits, s->last.digits, s->last.n_digits);
      memcpy (digits + s->last.n_digits, group->digits, 4);
      if (!digits_are_valid (digits, s->last.n_digits + 4))
        return FALSE;
      at = append_digits (m->text, 0, &s->last);
      memcpy (m->text + at, s->gap_text, s->gap_length);
      at = append_digits (m->text, at + s->gap_length, group);
      m->n_digits = s->last.n_digits + 4;
      /* Read backwards, the groups come in the other order. */
      m->start = MIN (s->last.start, group->start);
      m->end = MAX (s->last.end, group->end);
    }
  else
    {
      return FALSE;
    }

  m->text[at] = '\0';
  m->found = TRUE;
  return TRUE;
}

/* Feeds one character of the text as read (after decomposition) that
 * comes from the bytes @start to @end of the original. Returns TRUE when
 * a number has been found; then s->match holds it. */
static gboolean
scanner_feed_unit (Scanner  *s,
                   UnitKind  kind,
                   gunichar  c,
                   int       digit,
                   gsize     start,
                   gsize     end)
{
  if (kind == UNIT_INVISIBLE)
    return FALSE;

  if (kind == UNIT_DIGIT)
    {
      Group *g = &s->group;

      if (g->n_digits == 0)
        {
          g->start = start;
          g->end = end;
        }
      if (g->n_digits < MAX_DIGITS)
        g->digits[g->n_digits] = digit;
      g->n_digits = MIN (g->n_digits + 1, G_MAXUINT - 1);
      /* Backwards, each character starts before the last one. */
      g->start = MIN (g->start, start);
      g->end = MAX (g->end, end);
      return FALSE;
    }

  /* Anything else ends the group being read. */
  if (s->group.n_digits > 0)
    {
      gboolean found = scanner_check (s, &s->group);

      s->last = s->group;
      s->group.n_digits = 0;
      s->last_joins = TRUE;
      s->gap_plus = FALSE;
      s->gap_length = 0;
      if (found)
        return TRUE;
    }

  if (kind == UNIT_OTHER)
    {
      s->last_joins = FALSE;
      return FALSE;
    }

  /* A separator, kept for the mask: white space as a plain space. */
  if (c == '+')
    s->gap_plus = TRUE;
  if (s->last_joins)
    {
      char utf8[6] = { ' ' };
      gsize n = 1;

      if (c < 0x80)
        utf8[0] = c == '+' || c == '.' || c == '-' ? (char) c : ' ';
      else if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR)
        n = g_unichar_to_utf8 (c, utf8);  /* a dash */
      if (s->gap_length + n <= MAX_GAP_TEXT)
        {
          memcpy (s->gap_text + s->gap_length, utf8, n);
          s->gap_length += n;
        }
    }
  return FALSE;
}

static gboolean
scanner_feed (Scanner  *s,
              gunichar  c,
              gsize     start,
              gsize     end)
{
  int digit = 0;
  UnitKind kind = classify (c, &digit);

  return scanner_feed_unit (s, kind, c, digit, start, end);
}

/* The end of the text ends the group being read. */
static gboolean
scanner_finish (Scanner *s)
{
  return scanner_feed (s, '\0', 0, 0);
}

/* Feeds the character at @p, decomposed, from @p to @next. */
static gboolean
feed_character (Scanner    *s,
                const char *text,
                const char *p,
                const char *next,
                gunichar    c,
                gboolean    backwards)
{
  gunichar pieces[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n_pieces;

  if (c < 0x80)
    return scanner_feed (s, c, p - text, next - text);

  /* A letter is a letter in any form (its decomposition begins with one,
   * and the rest is letters, marks and spaces between them): no need to
   * take it apart. Most of a Swedish text is ASCII and åäö. */
  switch ((int) g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
      return scanner_feed_unit (s, UNIT_OTHER, c, 0, p - text, next - text);
    default:
      break;
    }

  n_pieces = g_unichar_fully_decompose (c, TRUE, pieces, G_N_ELEMENTS (pieces));
  for (gsize i = 0; i < n_pieces; i++)
    if (scanner_feed (s, pieces[backwards ? n_pieces - 1 - i : i], p - text, next - text))
      return TRUE;
  return FALSE;
}

/* The character at @p, or (gunichar) -1 for a byte that starts none. */
static gunichar
character_at (const char  *p,
              const char  *end,
              const char **out_next)
{
  gunichar c;

  if ((guchar) *p < 0x80)
    {
      *out_next = p + 1;
      return (guchar) *p;
    }
  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *out_next = p + 1;
      return (gunichar) -1;
    }
  *out_next = g_utf8_next_char (p);
  return c;
}

static void
scan_forwards (Scanner    *s,
               const char *text,
               const char *from,
               const char *end)
{
  const char *p = from;

  while (p < end)
    {
      const char *next;
      gunichar c;

      /* Between numbers, ASCII letters and punctuation change nothing. */
      if (s->group.n_digits == 0 && !s->last_joins)
        {
          while (p < end && ascii_is_inert (*p))
            p++;
          if (p == end)
            break;
        }

      c = character_at (p, end, &next);
      /* Bytes that are not UTF-8 are no digits and no separators. */
      if (feed_character (s, text, p, next, c == (gunichar) -1 ? 0xFFFD : c, FALSE))
        return;
      p = next;
    }
  scanner_finish (s);
}

/* Reads the text from its end. Each match found replaces the one before,
 * so that the last (the one that starts first) is kept. */
static void
scan_backwards (Scanner    *s,
                const char *text,
                const char *from,
                const char *end)
{
  const char *q = end;
  Candidate best = { 0 };

  while (q > from)
    {
      const char *p = q - 1;
      const char *next;
      gunichar c;

      /* Back to the start of the character ending at @q, if it is one. */
      while (p > from && q - p < 4 && ((guchar) *p & 0xC0) == 0x80)
        p--;
      c = character_at (p, end, &next);
      if (c == (gunichar) -1 || next != q)
        {
          p = q - 1;
          c = 0xFFFD;
        }
      if (feed_character (s, text, p, q, c, TRUE))
        best = s->match;
      q = p;
    }
  if (scanner_finish (s))
    best = s->match;
  s->match = best;
}

/* U+061C ARABIC LETTER MARK, U+200E/F, U+202A–U+202E and U+2066–U+2069:
 * the characters that can turn the order of digits on the screen. */
static gboolean
has_bidi_control (const char *text,
                  const char *end)
{
  for (const guchar *u = (const guchar *) text; u + 1 < (const guchar *) end; u++)
    {
      if (u[0] == 0xD8 && u[1] == 0x9C)
        return TRUE;
      if (u[0] == 0xE2 && u + 2 < (const guchar *) end &&
          ((u[1] == 0x80 && (u[2] == 0x8E || u[2] == 0x8F || (u[2] >= 0xAA && u[2] <= 0xAE))) ||
           (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)))
        return TRUE;
    }
  return FALSE;
}

static char *
mask_number (const Candidate *m)
{
  char *masked = g_strdup (m->text);
  guint keep_front = m->n_digits == 12 ? 2 : 0;  /* the century says little */
  guint k = 0;

  for (char *p = masked; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        continue;
      if (k >= keep_front && k < m->n_digits - 2)
        *p = 'x';
      k++;
    }

  return masked;
}

/* The first number in @from to @end (within @text, to which the offsets
 * are relative), forwards or, when @bidi, backwards: the one that starts
 * first. A number ends where a group of digits ends, so a search that goes
 * on from the end of the last one finds what a search of the whole text
 * would. */
static gboolean
find_number (const char *text,
             const char *from,
             const char *end,
             gboolean    bidi,
             Candidate  *out)
{
  Scanner forwards = { 0 };

  scan_forwards (&forwards, text, from, end);
  if (bidi)
    {
      Scanner backwards = { 0 };

      scan_backwards (&backwards, text, from, end);
      if (backwards.match.found &&
          (!forwards.match.found || backwards.match.start < forwards.match.start))
        forwards.match = backwards.match;
    }
  *out = forwards.match;
  return out->found;
}

/**
 * upp_guard_match_clear:
 * @match: a match filled by upp_guard_find()
 *
 * Frees the contents of @match, not @match itself, and zeroes it so that
 * it can be used again.
 */
void
upp_guard_match_clear (UppGuardMatch *match)
{
  g_return_if_fail (match != NULL);

  g_clear_pointer (&match->masked, g_free);
  match->offset = 0;
  match->length = 0;
}

/**
 * upp_guard_find:
 * @text: UTF-8 text
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 * @out_match: (out caller-allocates) (optional): the first number found;
 *   overwritten only when one is found, release with upp_guard_match_clear()
 *
 * Looks for a Swedish personal identity number or coordination number in
 * any of the forms `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`,
 * `YYYYMMDD-NNNC` and `YYYYMMDDNNNC`. A number counts only if its date
 * exists (day plus 60 for coordination numbers), the century of the
 * 12-digit forms is 18, 19 or 20 and the Luhn check digit is right, so
 * phone numbers, case numbers and dates are left alone.
 *
 * The text is read as a person sees it: in compatibility decomposition,
 * without invisible (format) characters, with any Unicode decimal digit
 * as a digit and any run of spaces, dashes, full stops or plus signs as
 * the separator; backwards too when it holds a bidi control. The match
 * gives the bytes of @text, as written, from the first digit of the
 * number to its last; the mask is the number as read, in ASCII digits.
 *
 * Fast enough to run on every text of an import; it allocates only when
 * a number is found and @out_match is given.
 *
 * Returns: %TRUE if @text holds such a number
 */
gboolean
upp_guard_find (const char    *text,
                gssize         length,
                UppGuardMatch *out_match)
{
  Candidate match;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return FALSE;

  if (!find_number (text, text, text + length, has_bidi_control (text, text + length), &match))
    return FALSE;

  if (out_match != NULL)
    {
      out_match->offset = match.start;
      out_match->length = match.end - match.start;
      out_match->masked = mask_number (&match);
    }
  return TRUE;
}

/**
 * upp_guard_check_text:
 * @text: (nullable): nul-terminated UTF-8 text
 *
 * Convenience for callers that report errors; see upp_guard_find().
 *
 * Returns: (transfer full) (nullable): %NULL if @text is clean or %NULL,
 *   else the first number found, masked as `19xxxxxx-xx12`
 */
char *
upp_guard_check_text (const char *text)
{
  g_auto(UppGuardMatch) match = { 0 };

  if (text == NULL || !upp_guard_find (text, -1, &match))
    return NULL;

  return g_steal_pointer (&match.masked);
}

/**
 * upp_guard_mask_text:
 * @text: nul-terminated UTF-8 text
 *
 * Masks every number upp_guard_find() would find in @text, for messages
 * that quote a document. (Searching on from each number with
 * upp_guard_find() would miss one that only a bidi control before it
 * turns around.) No number is left in the result.
 *
 * Returns: (transfer full) (nullable): %NULL if @text holds no number,
 *   else @text with each masked
 */
char *
upp_guard_mask_text (const char *text)
{
  g_autoptr(GString) masked = NULL;
  const char *end;
  const char *from;
  gboolean bidi;
  Candidate match;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + strlen (text);
  bidi = has_bidi_control (text, end);
  for (from = text; find_number (text, from, end, bidi, &match); from = text + match.end)
    {
      g_autofree char *number = mask_number (&match);

      if (masked == NULL)
        masked = g_string_new (NULL);
      g_string_append_len (masked, from, text + match.start - from);
      g_string_append (masked, number);
    }
  if (masked == NULL)
    return NULL;
  g_string_append (masked, from);
  return g_string_free (g_steal_pointer (&masked), FALSE);
}

/**
 * upp_guard_check_number:
 * @value: a number of a document, such as an indicator value
 *
 * Whether @value, as it would be written out, reads as a personal identity
 * number: 1212121212 or 1212121212.0 does, and so does 121212.1212. A
 * number has no leading zero, so a whole number of nine digits is read
 * with one (512121234 as 0512121234, born in the 2000s).
 *
 * Returns: (transfer full) (nullable): %NULL if @value is clean, else the
 *   number masked as `xxxxxxxx12`
 */
char *
upp_guard_check_number (double value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  char *masked;

  if (!isfinite (value))
    return NULL;

  /* The shortest form that reads back as the same number, as a person
   * would write it (1212121212, not 1212121212.0000000). */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (text, sizeof text, formats[i], fabs (value));
      if (g_ascii_strtod (text, NULL) == fabs (value))
        break;
    }

  masked = upp_guard_check_text (text);
  if (masked != NULL)
    return masked;

  if (floor (value) == value && fabs (value) >= 1e8 && fabs (value) < 1e9)
    {
      char padded[12];

      g_snprintf (padded, sizeof padded, "0%.0f", fabs (value));
      masked = upp_guard_check_text (padded);
      if (masked != NULL)
        memmove (masked, masked + 1, strlen (masked));  /* the zero was never written */
      return masked;
    }

  return NULL;
}

/* upp-guard.c — keep personal identity numbers out of the reports
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-guard"

#include "config.h"

#include <string.h>

#include "upp-guard.h"

/* A Swedish personal identity number (personnummer) is YYMMDD-NNNC, with
 * '+' instead of '-' from the year the holder turns 100, or YYYYMMDDNNNC
 * with or without a '-'. A coordination number (samordningsnummer) has the
 * day plus 60. C is a Luhn check digit over the ten digits YYMMDDNNNC.
 *
 * This runs over every text of every imported report, so it is a single
 * pass over the bytes with no regex and no allocation unless a number is
 * found. Only ASCII digits count; UTF-8 continuation bytes are never ASCII,
 * so Swedish letters around a number need no special care. */

#define MAX_DIGITS 12

/* U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN, U+2013 EN DASH and U+2212
 * MINUS SIGN: what word processors put between digits instead of '-'. */
static inline gboolean
is_unicode_dash (const char *p)
{
  const guchar *u = (const guchar *) p;

  return u[0] == 0xE2 &&
         ((u[1] == 0x80 && (u[2] == 0x90 || u[2] == 0x91 || u[2] == 0x93)) ||
          (u[1] == 0x88 && u[2] == 0x92));
}

/* Returns the length in bytes of a separator starting at @p, or 0. */
static gsize
separator_at (const char *p,
              const char *end,
              gboolean    allow_plus)
{
  if (p >= end)
    return 0;
  if (*p == '-' || (allow_plus && *p == '+'))
    return 1;
  if (end - p >= 3 && is_unicode_dash (p))
    return 3;
  return 0;
}

/* Returns the length in bytes of a separator ending just before @p, or 0. */
static gsize
separator_before (const char *start,
                  const char *p)
{
  if (p - start >= 1 && (p[-1] == '-' || p[-1] == '+'))
    return 1;
  if (p - start >= 3 && is_unicode_dash (p - 3))
    return 3;
  return 0;
}

/* Digits joined to a candidate by a dash or plus are one longer number,
 * such as an account number 12-811218-9876 or a code 811218-9876-01. */
static gboolean
joined_before (const char *start,
               const char *p)
{
  gsize sep = separator_before (start, p);
  const char *q = p - sep;

  return sep > 0 && q > start && g_ascii_isdigit (q[-1]);
}

static gboolean
joined_after (const char *p,
              const char *end)
{
  gsize sep = separator_at (p, end, TRUE);

  return sep > 0 && p + sep < end && g_ascii_isdigit (p[sep]);
}

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

/* @run starts a run of @n_run ASCII digits that is not joined to digits
 * before it. Returns the end of the number if the run (with a separator
 * and four more digits for the 6- and 8-digit forms) is one. */
static const char *
match_candidate (const char *run,
                 gsize       n_run,
                 const char *end,
                 guint8     *digits,
                 guint      *n_digits)
{
  const char *p = run + n_run;

  if (n_run == 6 || n_run == 8)
    {
      const char *tail;
      gsize sep = separator_at (p, end, n_run == 6);

      if (sep == 0)
        return NULL;
      tail = p + sep;
      for (p = tail; p < end && g_ascii_isdigit (*p); p++)
        ;
      if (p - tail != 4)
        return NULL;
      memcpy (digits + n_run, tail, 4);
      *n_digits = n_run + 4;
    }
  else if (n_run == 10 || n_run == 12)
    {
      *n_digits = n_run;
    }
  else
    {
      return NULL;
    }

  if (joined_after (p, end))
    return NULL;

  memcpy (digits, run, n_run);
  for (guint i = 0; i < *n_digits; i++)
    digits[i] -= '0';

  return digits_are_valid (digits, *n_digits) ? p : NULL;
}

static char *
mask_number (const char *number,
             gsize       length,
             guint       n_digits)
{
  char *masked = g_strndup (number, length);
  guint keep_front = n_digits == 12 ? 2 : 0;  /* the century says little */
  guint k = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (masked[i]))
        continue;
      if (k >= keep_front && k < n_digits - 2)
        masked[i] = 'x';
      k++;
    }

  return masked;
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
 * phone numbers, case numbers and dates are left alone. Digits that go on
 * before or after the number, directly or across a dash or plus, make it
 * part of a longer number, which is not flagged.
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
  const char *p;
  const char *end;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return FALSE;
  p = text;
  end = text + length;

  while (p < end)
    {
      guint8 digits[MAX_DIGITS];
      guint n_digits = 0;
      const char *run;
      const char *number_end;

      /* A number can only start where a run of digits starts. */
      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }

      run = p;
      while (p < end && g_ascii_isdigit (*p))
        p++;

      if (joined_before (text, run))
        continue;

      number_end = match_candidate (run, p - run, end, digits, &n_digits);
      if (number_end == NULL)
        continue;

      if (out_match != NULL)
        {
          out_match->offset = run - text;
          out_match->length = number_end - run;
          out_match->masked = mask_number (run, number_end - run, n_digits);
        }
      return TRUE;
    }

  return FALSE;
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

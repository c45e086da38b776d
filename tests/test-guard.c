/* test-guard.c — personal identity and coordination numbers
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "upp-guard.h"

#include <math.h>
#include <string.h>

/* All numbers below have been given a right Luhn check digit unless the
 * case says otherwise, so that only the rule under test can reject them.
 * 811218-9876 and 121212-1212 are well-known test numbers. */
typedef struct
{
  const char *text;
  gssize      offset;   /* -1: nothing to find */
  gsize       length;
  const char *masked;
} GuardCase;

static const GuardCase valid_cases[] = {
  /* Every form */
  { "811218-9876", 0, 11, "xxxxxx-xx76" },
  { "811218+9876", 0, 11, "xxxxxx+xx76" },
  { "8112189876", 0, 10, "xxxxxxxx76" },
  { "19811218-9876", 0, 13, "19xxxxxx-xx76" },
  { "198112189876", 0, 12, "19xxxxxxxx76" },
  { "121212-1212", 0, 11, "xxxxxx-xx12" },
  { "19121212-1212", 0, 13, "19xxxxxx-xx12" },
  { "20121212-1212", 0, 13, "20xxxxxx-xx12" },
  { "201212121212", 0, 12, "20xxxxxxxx12" },
  { "18991231-1231", 0, 13, "18xxxxxx-xx31" },
  /* Coordination numbers: day + 60, so 61–91 */
  { "811278-9873", 0, 11, "xxxxxx-xx73" },
  { "811278+9873", 0, 11, "xxxxxx+xx73" },
  { "8112789873", 0, 10, "xxxxxxxx73" },
  { "19811278-9873", 0, 13, "19xxxxxx-xx73" },
  { "198112789873", 0, 12, "19xxxxxxxx73" },
  { "810191-2346", 0, 11, "xxxxxx-xx46" },
  /* Leap days */
  { "000229-1235", 0, 11, "xxxxxx-xx35" },
  { "20000229-1235", 0, 13, "20xxxxxx-xx35" },
  { "040229-1231", 0, 11, "xxxxxx-xx31" },
  { "19040229-1231", 0, 13, "19xxxxxx-xx31" },
  { "000289-1232", 0, 11, "xxxxxx-xx32" },
  /* Dashes from word processors are kept in the mask */
  { "811218\u20139876", 0, 13, "xxxxxx\u2013xx76" },
  /* U+2011 NON-BREAKING HYPHEN is U+2010 HYPHEN in compatibility form */
  { "19811218\u20119876", 0, 15, "19xxxxxx\u2010xx76" },
  { "811218\u22129876", 0, 13, "xxxxxx\u2212xx76" },
  { "811218\u20109876", 0, 13, "xxxxxx\u2010xx76" },
  /* In Swedish text, at the start and at the end */
  { "Åsa Öberg (811218-9876) bor på Ängsvägen.", 13, 11, "xxxxxx-xx76" },
  { "Ärende för 121212-1212", 13, 11, "xxxxxx-xx12" },
  { "198112189876 är här", 0, 12, "19xxxxxxxx76" },
  { "åäö811218-9876åäö", 6, 11, "xxxxxx-xx76" },
  { "Brev från Öckerö – pnr 19811218-9876 – ändrat", 28, 13, "19xxxxxx-xx76" },
  { "pnr:8112189876.", 4, 10, "xxxxxxxx76" },
  { "(811218-9876)", 1, 11, "xxxxxx-xx76" },
  /* A dash or plus with no digit beyond it joins nothing */
  { "-811218-9876", 1, 11, "xxxxxx-xx76" },
  { "811218-9876-", 0, 11, "xxxxxx-xx76" },
  { "+8112189876+", 1, 10, "xxxxxxxx76" },
  { "1 811218-9876", 2, 11, "xxxxxx-xx76" },
  /* The first real one wins */
  { "811218-9875 och 121212-1212", 16, 11, "xxxxxx-xx12" },
  { "121212-1212 och 811218-9876", 0, 11, "xxxxxx-xx12" },
  { "Tel 0523-61 30 00, pnr 811218-9876", 23, 11, "xxxxxx-xx76" },
  /* Any run of separators is one */
  { "811218--9876", 0, 12, "xxxxxx--xx76" },
  { "811218 - 9876", 0, 13, "xxxxxx - xx76" },
  { "811218 + 9876", 0, 13, "xxxxxx + xx76" },
  { "121212.1212", 0, 11, "xxxxxx.xx12" },
  { "121212\n1212", 0, 11, "xxxxxx xx12" },
  /* Digits beyond the number do not hide it: it still shows in whole, as
   * in a personal account (clearing number + personnummer) */
  { "1-811218-9876", 2, 11, "xxxxxx-xx76" },
  { "811218-9876-1", 0, 11, "xxxxxx-xx76" },
  { "811218-9876+1", 0, 11, "xxxxxx-xx76" },
  { "1+8112189876", 2, 10, "xxxxxxxx76" },
  { "19811218-9876-01", 0, 13, "19xxxxxx-xx76" },
  { "12-19811218-9876", 3, 13, "19xxxxxx-xx76" },
  { "1\u2013811218-9876", 4, 11, "xxxxxx-xx76" },
  { "811218-9876\u20131", 0, 11, "xxxxxx-xx76" },
  { "Personkonto 3300-811218-9876", 17, 11, "xxxxxx-xx76" },
  /* A number in figures is one, whatever follows */
  { "1212121212.0", 0, 10, "xxxxxxxx12" },
  { "1212121212,5 kr", 0, 10, "xxxxxxxx12" },
};

static const char * const clean_texts[] = {
  "",
  "Inget att se här.",
  /* Luhn failures */
  "811218-9875",
  "811218+9870",
  "8112189877",
  "19811218-9870",
  "198112189871",
  "811278-9874",
  /* Right Luhn digit, no such date */
  "810230-1234",
  "19810230-1234",
  "198102301234",
  "811301-1236",
  "810100-1231",
  "811232-1230",
  "810012-1238",
  "19000229-1235",
  "030229-1232",
  "20030229-1232",
  /* Coordination day 60 is day 0, 92 is day 32 */
  "810160-1238",
  "811292-1237",
  /* Century other than 18, 19, 20 */
  "17811218-9876",
  "21811218-9876",
  "178112189876",
  /* Only the 10-digit form takes '+' */
  "19811218+9876",
  /* Part of a longer digit run */
  "1811218-9876",
  "28112189876",
  "0198112189876",
  "19811218987612",
  "811218-98761",
  "811218-987",
  /* Phone numbers, case numbers, dates and the like */
  "Ring 0523-61 30 00 eller 070-123 45 67.",
  "Ring 0701234567 efter lunch.",
  "+46 523 61 30 00",
  "KS 2026/123",
  "Dnr KS 2026-000123",
  "2026-06-11",
  "Möte 2026-06-11 kl. 10.00, vecka 2026-W24",
  "20260611",
  "Belopp 1 234 567 kr, 12,5 %",
  /* Organisation numbers: month 20 and up */
  "Lysekils kommun, org.nr 212000-1355",
  "556036-0793",
  "Org.nr 212000\u00a01355",
  /* With the separators that are now read, these still are not numbers */
  "Tel 0523-61 30 00",
  "Tel 0523\u00a061\u00a030\u00a000",
  "Mobil 070-123 45 67",
  "Mobil 070\u2011123\u00a045\u00a067",
  "+46 70 123 45 67",
  "08-123 456 78",
  "2026-12-04",
  "２０２６-１２-０４",
  "2026-12-04 12:12",
  "Möte 2026-12-04 kl. 10.00\u201312.00",
  "KS 2026/123",
  "Dnr 2026-000123",
  "Dnr KS 2026\u2013000123, KS 2026\u2013000124",
  "Vecka 2026-W49",
  "2026-W49-4",
  "453 80 Lysekil",
  "150 000 kr",
  "150\u00a0000\u00a0kr",
  "1 212 121 212 kr",
  "1\u00a0212\u00a0121\u00a0212 kr",
  "1.212.121.212 kr",
  "121 212 1212",
  "12 12 12-1212",
  "Kostnad 1212121 kr",
  "Summa 2 500 000,50 kr",
  /* Nine digits are not ten, in a text */
  "512121234",
  /* A bidi control reads the text backwards too, and this is no number
   * either way */
  "\u202eMöte 2026-12-04, dnr KS 2026/123\u202c",
  "\u200fTel 0523-61 30 00",
};

static char *
describe (const char *text,
          gboolean    found,
          gssize      offset,
          gsize       length,
          const char *masked)
{
  if (!found)
    return g_strdup_printf ("“%s”: clean", text);

  return g_strdup_printf ("“%s”: offset %" G_GSSIZE_FORMAT ", length %" G_GSIZE_FORMAT ", %s",
                          text, offset, length, masked);
}

static void
assert_case (const GuardCase *c)
{
  g_auto(UppGuardMatch) match = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  gboolean found;

  found = upp_guard_find (c->text, -1, &match);
  expected = describe (c->text, c->offset >= 0, c->offset, c->length, c->masked);
  actual = describe (c->text, found, match.offset, match.length, match.masked);
  g_assert_cmpstr (actual, ==, expected);

  if (found)
    {
      guint n_shown = 0;

      /* The match is within the text; the mask shows no more than the
       * century and the last two digits, in ASCII. */
      g_assert_cmpuint (match.offset + match.length, <=, strlen (c->text));
      g_assert_true (g_utf8_validate (match.masked, -1, NULL));
      for (const char *p = match.masked; *p != '\0'; p++)
        n_shown += g_ascii_isdigit (*p);
      g_assert_cmpuint (n_shown, <=, 4);
    }

  /* The text in NFKC gives the same answer: the guard reads it so. */
  {
    g_autofree char *nfkc = g_utf8_normalize (c->text, -1, G_NORMALIZE_ALL_COMPOSE);

    g_assert_cmpint (upp_guard_find (nfkc, -1, NULL), ==, found);
  }

  /* Same answer without out_match, and from the convenience function. */
  g_assert_cmpint (upp_guard_find (c->text, -1, NULL), ==, found);
  {
    g_autofree char *checked = upp_guard_check_text (c->text);

    g_assert_cmpstr (checked, ==, found ? match.masked : NULL);
  }
}

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    assert_case (&valid_cases[i]);
}

static void
test_clean (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (clean_texts); i++)
    {
      GuardCase c = { clean_texts[i], -1, 0, NULL };

      assert_case (&c);
    }
}

/* What a security review wrote to get 121212-1212 past the guard. Each
 * passed the guard before it read the text as a person sees it. */
static const GuardCase evasions[] = {
  { "121212 1212", 0, 11, "xxxxxx xx12" },                          /* space */
  { "121212\u00a01212", 0, 12, "xxxxxx xx12" },                     /* no-break space */
  { "121212\u200b1212", 0, 13, "xxxxxxxx12" },                      /* zero-width space */
  { "121212\u00ad1212", 0, 12, "xxxxxxxx12" },                      /* soft hyphen */
  { "121212\u20601212", 0, 13, "xxxxxxxx12" },                      /* word joiner */
  { "121212\u20141212", 0, 13, "xxxxxx\u2014xx12" },                /* em dash */
  { "\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12", 0, 31,
    "xxxxxx-xx12" },                                                 /* fullwidth digits */
  { "\u0661\u0662\u0661\u0662\u0661\u0662-\u0661\u0662\u0661\u0662", 0, 21,
    "xxxxxx-xx12" },                                                 /* Arabic-Indic digits */
  { "Pnr \u202e2121-212121\u202c, klart", 7, 11, "xxxxxx-xx12" },  /* right-to-left override */
  { "0-121212-1212", 2, 11, "xxxxxx-xx12" },                        /* digits before it */
};

static const char * const evasion_names[] = {
  "space", "no-break-space", "zero-width-space", "soft-hyphen", "word-joiner", "em-dash",
  "fullwidth-digits", "arabic-indic-digits", "right-to-left-override", "joined-digits",
};

G_STATIC_ASSERT (G_N_ELEMENTS (evasions) == G_N_ELEMENTS (evasion_names));

static void
test_evasion (gconstpointer data)
{
  assert_case (data);
}

/* More of the same kind, several at once. */
static const GuardCase more_evasions[] = {
  { "12\u200b12\u200b12\u2009\u2013\u20091\u200d212", 0, 28, "xxxxxx \u2013 xx12" },
  { "\u00b9\u00b2\u00b9\u00b2\u00b9\u00b2-\u00b9\u00b2\u00b9\u00b2", 0, 21, "xxxxxx-xx12" },
  { "\u2460\u2461\u2460\u2461\u2460\u2461\u2460\u2461\u2460\u2461", 0, 30, "xxxxxxxx12" },
  { "\u06f1\u06f2\u06f1\u06f2\u06f1\u06f2\u06f1\u06f2\u06f1\u06f2", 0, 20, "xxxxxxxx12" },
  { "\u0967\u0968\u0967\u0968\u0967\u0968-\u0967\u0968\u0967\u0968", 0, 31, "xxxxxx-xx12" },
  { "\U0001d7cf\U0001d7d0\U0001d7cf\U0001d7d0\U0001d7cf\U0001d7d01212", 0, 28, "xxxxxxxx12" },
  { "1\u20e32\u20e31\u20e32\u20e31\u20e32\u20e31\u20e32\u20e31\u20e32\u20e3", 0, 37,
    "xxxxxxxx12" },
  { "121212\uff0e1212", 0, 13, "xxxxxx.xx12" },
  { "121212\uff0b1212", 0, 13, "xxxxxx+xx12" },
  { "121212\u22121212", 0, 13, "xxxxxx\u2212xx12" },
  { "121212\u30001212", 0, 13, "xxxxxx xx12" },
  { "121212\u202f1212", 0, 13, "xxxxxx xx12" },
  { "19121212\u00a0\u00a0\u00a01212", 0, 18, "19xxxxxx   xx12" },
  { "\u202e2121\u00a0212121\u202c", 3, 12, "xxxxxx xx12" },
  { "\u202e2121212121", 3, 10, "xxxxxxxx12" },
  { "\u20672121-21212191\u2069", 3, 13, "19xxxxxx-xx12" },
  /* Forwards and backwards in one text: the one that comes first */
  { "\u202e2121-212121\u202c och 811218-9876", 3, 11, "xxxxxx-xx12" },
  { "811218-9876 och \u202e2121-212121\u202c", 0, 11, "xxxxxx-xx76" },
};

static void
test_more_evasions (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (more_evasions); i++)
    assert_case (&more_evasions[i]);
}

/* The form of numbers in a document: indicator values, targets. */
static void
test_number (void)
{
  const struct { double value; const char *masked; } cases[] = {
    { 1212121212, "xxxxxxxx12" },
    { 1212121212.0, "xxxxxxxx12" },
    { -1212121212, "xxxxxxxx12" },
    { 8112189876, "xxxxxxxx76" },
    { 198112189876, "19xxxxxxxx76" },
    { 121212.1212, "xxxxxx.xx12" },
    /* As it would be printed, the number shows */
    { 1212121212.5, "xxxxxxxx12" },
    /* No leading zero in a number: 0512121237 is written 512121237 */
    { 512121237, "xxxxxxx37" },
    /* Clean */
    { 0, NULL },
    { 150000, NULL },
    { 1234567.5, NULL },
    { 1212121213, NULL },
    { 123456789, NULL },
    { 1e20, NULL },
    { 20261204, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = upp_guard_check_number (cases[i].value);

      g_assert_cmpstr (masked, ==, cases[i].masked);
    }
  g_assert_null (upp_guard_check_number (INFINITY));
  g_assert_null (upp_guard_check_number (NAN));
}

static void
test_mask_text (void)
{
  const struct { const char *text; const char *masked; } cases[] = {
    { "Inget här, tel 070-123 45 67.", NULL },
    { "Ring 811218-9876 eller 19121212 1212.", "Ring xxxxxx-xx76 eller 19xxxxxx xx12." },
    { "Pnr \u202e2121-212121\u202c och 811218-9876", "Pnr \u202exxxxxx-xx12\u202c och xxxxxx-xx76" },
    /* Found from the start, the override before the first number also
     * turns around what comes after it. */
    { "\u202e1212121212 a 2121-212121", "\u202exxxxxxxx12 a xxxxxx-xx12" },
  };
  GRand *rand = g_rand_new_with_seed (21);
  const char * const pieces[] = {
    "1", "2", "8", "9", "0", "121212", "1212", "811218", "9876", "19", " ", "-", "+", ".", ",",
    "a", "\u00a0", "\u00ad", "\u200b", "\u2014", "\u202e", "\u2067", "\uff11", "\u0662",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = upp_guard_mask_text (cases[i].text);

      g_assert_cmpstr (masked, ==, cases[i].masked);
    }

  /* Whatever the text, no number is left when it is masked. */
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *masked = NULL;
      guint n = g_rand_int_range (rand, 1, 40);

      for (guint j = 0; j < n; j++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      masked = upp_guard_mask_text (text->str);
      g_assert_cmpint (masked != NULL, ==, upp_guard_find (text->str, text->len, NULL));
      if (masked != NULL && upp_guard_find (masked, -1, NULL))
        g_error ("“%s” masked is “%s”, which still holds a number", text->str, masked);
    }
  g_rand_free (rand);
}

static void
test_length (void)
{
  g_auto(UppGuardMatch) match = { 0 };
  g_autofree char *exact = NULL;
  const char with_nul[] = "abc\0" "811218-9876";

  /* The digit after the given length does not count. */
  g_assert_false (upp_guard_find ("811218-98761", -1, NULL));
  g_assert_true (upp_guard_find ("811218-98761", 11, &match));
  g_assert_cmpuint (match.offset, ==, 0);
  g_assert_cmpuint (match.length, ==, 11);
  g_assert_cmpstr (match.masked, ==, "xxxxxx-xx76");
  upp_guard_match_clear (&match);

  /* A number cut off by the length is not one. */
  g_assert_true (upp_guard_find ("Pnr 811218-9876", -1, NULL));
  g_assert_false (upp_guard_find ("Pnr 811218-9876", 14, NULL));
  g_assert_false (upp_guard_find ("19811218-9876", 12, NULL));
  g_assert_false (upp_guard_find ("811218-9876", 0, NULL));
  g_assert_false (upp_guard_find (NULL, 0, NULL));

  /* The separator at the very end of the given length joins nothing. */
  g_assert_true (upp_guard_find ("811218-9876-1", 12, NULL));

  /* Past a nul byte, when the length says so. */
  g_assert_false (upp_guard_find (with_nul, -1, NULL));
  g_assert_true (upp_guard_find (with_nul, sizeof with_nul - 1, &match));
  g_assert_cmpuint (match.offset, ==, 4);
  g_assert_cmpuint (match.length, ==, 11);
  upp_guard_match_clear (&match);

  /* A buffer with no nul at all: nothing may be read past it. */
  exact = g_malloc (13);
  memcpy (exact, "19811218-9876", 13);
  g_assert_true (upp_guard_find (exact, 13, &match));
  g_assert_cmpuint (match.offset, ==, 0);
  g_assert_cmpuint (match.length, ==, 13);
  g_assert_cmpstr (match.masked, ==, "19xxxxxx-xx76");
  upp_guard_match_clear (&match);

  /* A multibyte dash cut in half by the length is no separator. */
  g_assert_false (upp_guard_find ("811218\u20139876", 7, NULL));
}

static void
test_match_lifecycle (void)
{
  UppGuardMatch match = { 99, 99, NULL };

  /* Untouched when nothing is found. */
  g_assert_false (upp_guard_find ("070-123 45 67", -1, &match));
  g_assert_cmpuint (match.offset, ==, 99);
  g_assert_cmpuint (match.length, ==, 99);
  g_assert_null (match.masked);

  g_assert_true (upp_guard_find ("x 121212-1212", -1, &match));
  g_assert_cmpuint (match.offset, ==, 2);
  g_assert_cmpstr (match.masked, ==, "xxxxxx-xx12");

  upp_guard_match_clear (&match);
  g_assert_cmpuint (match.offset, ==, 0);
  g_assert_cmpuint (match.length, ==, 0);
  g_assert_null (match.masked);
  upp_guard_match_clear (&match);  /* twice is fine */
}

static void
test_check_text (void)
{
  g_autofree char *masked = NULL;

  g_assert_null (upp_guard_check_text (NULL));
  g_assert_null (upp_guard_check_text ("Allt väl, dnr KS 2026/123."));
  masked = upp_guard_check_text ("Gäller 19121212-1212.");
  g_assert_cmpstr (masked, ==, "19xxxxxx-xx12");
}

static void
test_long_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(UppGuardMatch) match = { 0 };
  gsize before;

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "Tel 0523-61 30 00, dnr KS 2026/123, möte 2026-06-11; "
                           "belopp 1 234 567 kr; 811218-9875; 20260611; ");
  g_assert_false (upp_guard_find (text->str, text->len, NULL));

  before = text->len;
  g_string_append (text, "198112189876");
  g_assert_true (upp_guard_find (text->str, text->len, &match));
  g_assert_cmpuint (match.offset, ==, before);
  g_assert_cmpuint (match.length, ==, 12);
  g_assert_cmpstr (match.masked, ==, "19xxxxxxxx76");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/guard/valid", test_valid);
  g_test_add_func ("/guard/clean", test_clean);
  for (guint i = 0; i < G_N_ELEMENTS (evasions); i++)
    {
      g_autofree char *path = g_strconcat ("/guard/evasion/", evasion_names[i], NULL);

      g_test_add_data_func (path, &evasions[i], test_evasion);
    }
  g_test_add_func ("/guard/more-evasions", test_more_evasions);
  g_test_add_func ("/guard/number", test_number);
  g_test_add_func ("/guard/mask-text", test_mask_text);
  g_test_add_func ("/guard/length", test_length);
  g_test_add_func ("/guard/match-lifecycle", test_match_lifecycle);
  g_test_add_func ("/guard/check-text", test_check_text);
  g_test_add_func ("/guard/long-text", test_long_text);

  return g_test_run ();
}

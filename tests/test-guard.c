/* test-guard.c — personal identity and coordination numbers
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "upp-guard.h"

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
  { "19811218\u20119876", 0, 15, "19xxxxxx\u2011xx76" },
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
  "811218--9876",
  "811218 - 9876",
  /* Joined to more digits by a dash or plus */
  "1-811218-9876",
  "811218-9876-1",
  "811218-9876+1",
  "1+8112189876",
  "19811218-9876-01",
  "12-19811218-9876",
  "1\u2013811218-9876",
  "811218-9876\u20131",
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
      /* The mask keeps the length and the separator. */
      g_assert_cmpuint (strlen (match.masked), ==, match.length);
      g_assert_true (g_utf8_validate (match.masked, -1, NULL));
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
  g_test_add_func ("/guard/length", test_length);
  g_test_add_func ("/guard/match-lifecycle", test_match_lifecycle);
  g_test_add_func ("/guard/check-text", test_check_text);
  g_test_add_func ("/guard/long-text", test_long_text);

  return g_test_run ();
}

/* test-text.c — characters a text may not show unseen: escaped, tamed
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "upp-text.h"

#include <string.h>

static void
test_escape (void)
{
  const struct
  {
    const char *text;
    gssize      length;
    const char *escaped;
  } cases[] = {
    { "a\x1b]0;PWNED\a\x1b[2J\nFAKE: imported.json", -1,
      "a\\e]0;PWNED\\a\\e[2J\\nFAKE: imported.json" },
    { "tab\there\r\n", -1, "tab\\there\\r\\n" },
    { "del\x7f bs\b nul", -1, "del\\x7f bs\\b nul" },
    { "nel\xc2\x85 csi\xc2\x9b", -1, "nel\\u0085 csi\\u009b" },
    { "1\xe2\x80\xae" "000 05 kr", -1, "1\\u202e000 05 kr" },
    { "\xe2\x81\xa6x\xe2\x81\xa9 \xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", -1,
      "\\u2066x\\u2069 \\u200e\\u200f\\u061c" },
    { "line\xe2\x80\xa8para\xe2\x80\xa9", -1, "line\\u2028para\\u2029" },
    /* What stays: Swedish, other scripts, accents, emoji, a backslash. */
    { "Åtgärd för ökad trygghet", -1, "Åtgärd för ökad trygghet" },
    { "e\xcc\x81 😀 مرحبا C:\\n", -1, "e\xcc\x81 😀 مرحبا C:\\n" },
    /* Bytes that are not UTF-8 (a file name may be any bytes). */
    { "bad\xff\xc3", -1, "bad\\xff\\xc3" },
    /* A length: the NUL inside is a control too. */
    { "a\0b", 3, "a\\x00b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = upp_text_escape (cases[i].text, cases[i].length);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }
}

static void
test_tame (void)
{
  g_autoptr(GString) breaks = g_string_new (NULL);
  g_autoptr(GString) accents = g_string_new ("e");
  g_autofree char *tamed = NULL;
  guint n = 0;

  for (guint i = 0; i < 4000; i++)
    g_string_append (breaks, "x\n");
  tamed = upp_text_tame (breaks->str, UPP_TEXT_MAX_LINE_BREAKS);
  for (const char *p = tamed; *p != '\0'; p++)
    n += *p == '\n';
  g_assert_cmpuint (n, ==, UPP_TEXT_MAX_LINE_BREAKS);
  g_assert_cmpuint (strlen (tamed), ==, breaks->len);
  g_clear_pointer (&tamed, g_free);

  for (guint i = 0; i < 3999; i++)
    g_string_append (accents, "\xcc\x81");
  g_string_append (accents, "ta\xcc\x88\xcc\x84");
  tamed = upp_text_tame (accents->str, 0);
  g_assert_cmpstr (tamed, ==, "e\xcc\x81\xcc\x81\xcc\x81ta\xcc\x88\xcc\x84");
  g_clear_pointer (&tamed, g_free);

  tamed = upp_text_tame ("Budget: 1\xe2\x80\xae" "000 05 kr\x1b[2J\xc2\x85\tå\xe2\x80\xa8ö\nslut",
                         0);
  g_assert_cmpstr (tamed, ==, "Budget: 1000 05 kr[2J å ö slut");
  g_clear_pointer (&tamed, g_free);

  tamed = upp_text_tame ("Åtgärd\nför\ntrygghet", 2);
  g_assert_cmpstr (tamed, ==, "Åtgärd\nför\ntrygghet");
}

static void
test_classes (void)
{
  g_assert_true (upp_text_is_control ('\n'));
  g_assert_true (upp_text_is_control (0x7F));
  g_assert_true (upp_text_is_control (0x85));
  g_assert_true (upp_text_is_control (0x2028));
  g_assert_false (upp_text_is_control (' '));
  g_assert_false (upp_text_is_control (0xA0));
  g_assert_false (upp_text_is_control (0xE5));
  g_assert_true (upp_text_is_bidi_control (0x202E));
  g_assert_true (upp_text_is_bidi_control (0x2069));
  g_assert_true (upp_text_is_bidi_control (0x200F));
  g_assert_false (upp_text_is_bidi_control (0x200D));
  g_assert_true (upp_text_is_mark (0x0301));
  g_assert_true (upp_text_is_mark (0x20E3));
  g_assert_false (upp_text_is_mark ('e'));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/escape", test_escape);
  g_test_add_func ("/text/tame", test_tame);
  g_test_add_func ("/text/classes", test_classes);

  return g_test_run ();
}

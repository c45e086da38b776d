/* test-json-reader.c — the strict RFC 8259 reader by itself
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "upp-json-reader.h"

static gboolean
reads (const char *text,
       gsize       length,
       char      **out_error)
{
  UppJsonReader reader = { 0 };
  gboolean ok = upp_json_reader_read (&reader, text, length) != NULL;

  if (out_error != NULL)
    *out_error = g_strdup (reader.error != NULL ? reader.error : reader.escaped_duplicate);
  upp_json_reader_clear (&reader);
  return ok;
}

/* JSONTestSuite's parsing corpus: every y_ file is JSON and is read, every
 * n_ file is not and is refused; i_ files may go either way but must not
 * crash. The exceptions are the reader's documented limits. */
static void
test_json_test_suite (void)
{
  const char *shared = g_getenv ("UPP_SHARED_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n_yes = 0, n_no = 0;
  /* JSON, but refused on purpose (docs/formats.md): a key twice in one
   * object (RFC 8259 leaves the meaning open; a document must say one
   * thing), and an escaped NUL (no text of ours may hold one). */
  static const char *refused_on_purpose[] = {
    "y_object_duplicated_key.json",
    "y_object_duplicated_key_and_value.json",
    "y_object_escaped_null_in_key.json",
    "y_string_null_escape.json",
    NULL,
  };

  if (shared != NULL)
    dir = g_build_filename (shared, "testdata", "JSONTestSuite", "test_parsing", NULL);
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("JSONTestSuite is not there (UPP_SHARED_DIR/testdata/JSONTestSuite)");
      return;
    }
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *error = NULL;
      gsize length;
      gboolean ok;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      ok = reads (text, length, &error);
      if (g_strv_contains (refused_on_purpose, name))
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
        }
      else if (name[0] == 'y')
        {
          if (!ok)
            g_test_message ("%s refused: %s", name, error);
          g_assert_true (ok);
          n_yes++;
        }
      else if (name[0] == 'n')
        {
          if (ok)
            g_test_message ("%s read", name);
          g_assert_false (ok);
          g_assert_nonnull (error);
          n_no++;
        }
    }
  g_assert_cmpuint (n_yes, >, 90);
  g_assert_cmpuint (n_no, >, 180);
}

/* Nesting: as deep as a report needs, and a clear refusal far below what
 * would exhaust the stack; 200,000 levels are refused without recursing. */
static void
test_depth (void)
{
  g_autofree char *error = NULL;
  g_autofree char *deep = g_strnfill (200000, '[');
  g_autofree char *open32 = g_strnfill (32, '[');
  g_autofree char *close32 = g_strnfill (32, ']');
  g_autofree char *levels32 = g_strconcat (open32, close32, NULL);
  g_autofree char *levels33 = g_strconcat ("[", open32, close32, "]", NULL);

  /* 32 levels (a report needs 4); 33 are too many. */
  g_assert_true (reads (levels32, strlen (levels32), NULL));
  g_assert_false (reads (levels33, strlen (levels33), NULL));
  g_assert_false (reads (deep, strlen (deep), &error));
  g_assert_nonnull (error);
}

/* What json-glib lets through and a document must not have. */
static void
test_strict (void)
{
  const char *refused[] = {
    "{\"a\": 1,}", "[1,]", "{\"a\": 1, \"a\": 2}", "{\"\\u0061\": 1, \"a\": 2}",
    "\"\\ud800\"", "01", "NaN", "[1] [2]", "\"a\x01b\"", "{\"a\" 1}", "",
  };
  const char *read[] = {
    "{\"a\": [1, 2.5e3, -0, true, false, null, \"\\u00e5\\n\"]}", "[]", "{}", "\"x\"", "0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *error = NULL;

      g_assert_false (reads (refused[i], strlen (refused[i]), &error));
      g_assert_nonnull (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    g_assert_true (reads (read[i], strlen (read[i]), NULL));
}

/* upp_json_text_is_valid: the gate before json-glib. */
static void
test_text_is_valid (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (upp_json_text_is_valid ("{\"week\": \"2026-W48\"}", 20, &error));
  g_assert_no_error (error);
  g_assert_false (upp_json_text_is_valid ("{\"a\": 1, \"a\": 2}", 16, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“a”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/json-test-suite", test_json_test_suite);
  g_test_add_func ("/json-reader/depth", test_depth);
  g_test_add_func ("/json-reader/strict", test_strict);
  g_test_add_func ("/json-reader/text-is-valid", test_text_is_valid);

  return g_test_run ();
}

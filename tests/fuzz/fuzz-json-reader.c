/* fuzz-json-reader.c — libFuzzer target: any bytes through the strict JSON
 * reader alone (formats/upp-json-reader.c)
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader either returns a tree or says what is wrong; it never reads
 * past the end, never recurses per level, and its error names a place
 * inside the text. See docs/fuzzing.md.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "upp-json-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  UppJsonReader reader = { 0 };
  /* A copy of exactly @size bytes, so that ASan catches a read past the
   * end (g_memdup2 of nothing is NULL, which no caller passes). */
  char *text;
  const Jv *root;

  /* The reader's callers hand it UTF-8 only (upp-document.c checks it). */
  if (!g_utf8_validate_len ((const char *) data, size, NULL))
    return 0;
  text = g_malloc (MAX (size, 1));
  memcpy (text, data, size);
  root = upp_json_reader_read (&reader, text, size);

  if (root == NULL && reader.error == NULL && reader.escaped_duplicate == NULL)
    abort ();
  if (root == NULL && reader.error != NULL &&
      (reader.error_at < text || reader.error_at > text + size))
    abort ();
  upp_json_reader_clear (&reader);
  g_free (text);
  return 0;
}

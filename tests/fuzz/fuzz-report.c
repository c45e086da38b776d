/* fuzz-report.c — libFuzzer target: any bytes through the importer
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is parsed and validated against a store that holds the test
 * package (tests/data/import/good/package.json), so the store checks run
 * too. A valid input is also written to the store inside a transaction that
 * is rolled back, so every run starts from the same state. See
 * docs/fuzzing.md.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "upp-guard.h"
#include "upp-import.h"
#include "upp-store-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static UppStore *store;

/* g_error() traps (SIGTRAP), which libFuzzer does not catch; abort() it
 * catches and saves the input. */
#define fail(...) G_STMT_START { g_printerr (__VA_ARGS__); g_printerr ("\n"); abort (); } G_STMT_END

static void
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  const UppImportResult *result;

  /* Weeks up to the end of 2026 are in the past, whenever this runs. */
  g_setenv ("UPP_TODAY", "2026-12-31", TRUE);

  store = upp_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_ptr_array_add (files, g_strdup (FUZZ_PACKAGE));
  results = upp_import_files (store, files, NULL, NULL, NULL);
  result = g_ptr_array_index (results, 0);
  if (result->status != UPP_IMPORT_IMPORTED)
    fail ("Could not import %s", FUZZ_PACKAGE);
}

/* What must hold for any input, beyond "no crash, no hang, no leak". */
static void
check_invariants (const UppDocument *document)
{
  for (guint i = 0; i < document->problems->len; i++)
    {
      const char *message = g_ptr_array_index (document->problems, i);

      if (!g_str_has_prefix (message, "fuzz.json") || !g_utf8_validate (message, -1, NULL))
        fail ("A problem that does not name the file or is not UTF-8: %s", message);
      if (upp_guard_find (message, -1, NULL))
        fail ("A problem that repeats a personal identity number: %s", message);
    }

  if (document->problems->len == 0 &&
      (document->kind == UPP_DOCUMENT_UNKNOWN ||
       (document->package == NULL && document->report == NULL)))
    fail ("A document without problems and without content");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UppDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  UppStoreOutcome outcome;

  if (store == NULL)
    open_store ();

  bytes = g_bytes_new (data, size);
  document = upp_document_parse ("fuzz.json", bytes, store);
  check_invariants (document);

  if (document->problems->len > 0)
    return 0;

  /* Valid: the store must take it (or say why, without crashing), and
   * give it back. */
  if (!upp_store_begin (store, &error))
    fail ("%s", error->message);
  if (document->package != NULL)
    upp_store_add_package (store, document->package, document->bytes, document->sha256,
                           "fuzz.json", &outcome, NULL);
  else
    upp_store_add_report (store, document->report, document->bytes, document->sha256,
                          "fuzz.json", &outcome, NULL);
  upp_store_rollback (store);
  return 0;
}

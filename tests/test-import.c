/* test-import.c — the importer: every rule, hostile input, order, revisions
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are in tests/data/import/: good/ holds a small package (three
 * departments, one a partner, four actions) and its reports; bad-*.json
 * break one rule each; package-rev*.json are later revisions; crash-*.json
 * are inputs that once crashed the importer (found by tests/fuzz/).
 */

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upp-error.h"
#include "upp-import.h"
#include "upp-store.h"
#include "upp-test-util.h"
#include "upp-text.h"
#include "upp-watch.h"

/* Weeks up to the end of 2026 are in the past, whenever this runs. */
#define TODAY "2026-12-31"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static UppStore *
open_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  UppStore *store = upp_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static char *
dump (UppStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = upp_store_dump (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static char *
join_problems (GPtrArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) g_ptr_array_index (problems, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Imports files (and folders) given as absolute paths, as one batch. */
static GPtrArray *
import_paths (UppStore           *store,
              const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = upp_import_collect_files (paths, &error);

  g_assert_no_error (error);
  return upp_import_files (store, files, NULL, NULL, NULL);
}

/* Imports one file; returns its status and, in @out_problems, its problems
 * one per line. */
static UppImportStatus
import_one (UppStore    *store,
            const char  *path,
            char       **out_problems)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GPtrArray) results = import_paths (store, paths);
  const UppImportResult *result;

  g_assert_cmpuint (results->len, ==, 1);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpstr (result->path, ==, path);
  if (out_problems != NULL)
    *out_problems = join_problems (result->problems);
  if (result->status != UPP_IMPORT_REJECTED)
    g_assert_cmpuint (result->problems->len, ==, 0);
  return result->status;
}

static void
import_fixture_ok (UppStore   *store,
                   const char *name)
{
  g_autofree char *path = fixture (name);
  g_autofree char *problems = NULL;

  if (import_one (store, path, &problems) == UPP_IMPORT_REJECTED)
    g_error ("%s was rejected:\n%s", name, problems);
}

/* A store with good/: the package and its nine reports. */
static UppStore *
store_with_good_set (void)
{
  UppStore *store = open_memory_store ();
  g_autofree char *good = fixture ("good");
  const char *paths[] = { good, NULL };
  g_autoptr(GPtrArray) results = import_paths (store, paths);

  g_assert_cmpuint (results->len, ==, 10);
  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);
      g_autofree char *problems = join_problems (result->problems);

      g_assert_cmpstr (problems, ==, "");
      g_assert_cmpint (result->status, !=, UPP_IMPORT_REJECTED);
    }
  return store;
}

static char *
write_temp_file (const char *dir,
                 const char *name,
                 const char *data,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

/* The good set */

static void
test_good_set (void)
{
  g_autoptr(UppStore) store = open_memory_store ();
  g_autofree char *good = fixture ("good");
  const char *paths[] = { good, NULL };
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  /* Sorted by name: the correction (…-rev2) sorts before what it corrects,
   * and the package last; packages are still stored first. */
  const struct { const char *name; UppImportStatus status; } expected[] = {
    { "POL-2026-W25.json", UPP_IMPORT_IMPORTED },
    { "POL-2026-W26.json", UPP_IMPORT_IMPORTED },
    { "SOC-2026-W25.json", UPP_IMPORT_IMPORTED },
    { "SOC-2026-W26.json", UPP_IMPORT_IMPORTED },
    { "SOC-2026-W27-rev2.json", UPP_IMPORT_IMPORTED },
    { "SOC-2026-W27.json", UPP_IMPORT_KEPT_OLDER },
    { "SOC-2026-W29.json", UPP_IMPORT_IMPORTED },
    { "UTB-2026-W25.json", UPP_IMPORT_IMPORTED },
    { "UTB-2026-W26.json", UPP_IMPORT_IMPORTED },
    { "package.json", UPP_IMPORT_IMPORTED },
  };

  first = import_paths (store, paths);
  g_assert_cmpuint (first->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < first->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (first, i);
      g_autofree char *name = g_path_get_basename (result->path);

      g_assert_cmpstr (name, ==, expected[i].name);
      g_assert_cmpint (result->status, ==, expected[i].status);
      g_assert_cmpint (result->kind, ==, g_str_equal (name, "package.json") ? UPP_DOCUMENT_PACKAGE
                                                                            : UPP_DOCUMENT_REPORT);
    }

  /* The same bytes again: a no-op, file by file. */
  before = dump (store);
  second = import_paths (store, paths);
  for (guint i = 0; i < second->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (second, i);
      g_autofree char *line = upp_import_result_format (result);
      g_autofree char *expected_line = g_strconcat (result->path, ": already imported", NULL);

      g_assert_cmpint (result->status, ==, UPP_IMPORT_DUPLICATE);
      g_assert_cmpstr (line, ==, expected_line);
      /* Known by its SHA-256, not parsed, and still of the right kind. */
      g_assert_cmpint (result->kind, ==, g_str_has_suffix (result->path, "package.json")
                                         ? UPP_DOCUMENT_PACKAGE : UPP_DOCUMENT_REPORT);
    }
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_result_format (void)
{
  g_autoptr(UppStore) store = open_memory_store ();
  g_autofree char *package = fixture ("good/package.json");
  g_autofree char *older = fixture ("good/SOC-2026-W27.json");
  g_autofree char *newer = fixture ("good/SOC-2026-W27-rev2.json");
  g_autofree char *bad = fixture ("bad-status-unknown.json");
  g_autofree char *worse = fixture ("bad-three-problems.json");
  const char *paths[] = { bad, older, package, newer, worse, NULL };
  g_autoptr(GPtrArray) results = import_paths (store, paths);
  const char *labels[] = {
    "rejected", "imported", "imported", "imported, supersedes an earlier revision", "rejected",
  };

  /* One result per file, in the order given, whatever was stored first. */
  g_assert_cmpuint (results->len, ==, 5);
  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);
      g_autofree char *line = upp_import_result_format (result);

      g_assert_cmpstr (result->path, ==, paths[i]);
      g_assert_cmpstr (upp_import_status_get_label (result->status), ==, labels[i]);
      if (result->status != UPP_IMPORT_REJECTED)
        {
          g_autofree char *expected = g_strdup_printf ("%s: %s", paths[i], labels[i]);
          g_assert_cmpstr (line, ==, expected);
        }
      else
        {
          /* One line per problem, each naming the file. */
          g_auto(GStrv) lines = g_strsplit (line, "\n", -1);

          g_assert_cmpuint (g_strv_length (lines), ==, result->problems->len);
          for (guint j = 0; lines[j] != NULL; j++)
            g_assert_true (g_str_has_prefix (lines[j], paths[i]));
        }
    }
  g_assert_cmpuint (((UppImportResult *) g_ptr_array_index (results, 4))->problems->len, ==, 3);
  g_assert_cmpstr (upp_import_status_get_label (UPP_IMPORT_DUPLICATE), ==, "already imported");
  g_assert_cmpstr (upp_import_status_get_label (UPP_IMPORT_KEPT_OLDER), ==,
                   "kept, a later revision counts");
}

/* One bad file per rule */

typedef struct
{
  const char *file;
  const char *expected;   /* a substring of the problems; the file name starts it */
  guint       n_problems; /* 0: any number */
} BadCase;

static const BadCase bad_cases[] = {
  /* Bytes and syntax: FILE:LINE:COL */
  { "bad-syntax.json", "bad-syntax.json:14:7: unexpected “\"”; expected “,” or “}”", 1 },
  { "bad-truncated.json", "bad-truncated.json:14:1: the file ends too early, expected a key in "
    "double quotes; is it complete?", 1 },
  { "bad-empty.json", "bad-empty.json: is empty; expected a JSON document", 1 },
  { "crash-whitespace-only.json", "crash-whitespace-only.json:1:2: the file ends too early, "
    "expected a value; is it complete?", 1 },
  { "bad-not-object.json", "bad-not-object.json: expected a JSON object with a “format” field", 1 },
  { "bad-nul-byte.json", "bad-nul-byte.json:14:23: contains a NUL byte; expected UTF-8 text", 1 },
  { "bad-invalid-utf8.json", "bad-invalid-utf8.json:14:24: invalid UTF-8; documents must be UTF-8 "
    "(save the file as UTF-8)", 1 },
  { "bad-escaped-nul.json", "bad-escaped-nul.json:14:23: the escape \\u0000 (a NUL character) is "
    "not allowed in a text", 1 },
  { "bad-lone-surrogate.json", "bad-lone-surrogate.json:14:24: the escape \\uD800 is the first "
    "half of a surrogate pair without the second", 1 },
  { "bad-duplicate-key.json", "bad-duplicate-key.json:7:3: the key “week” appears twice in one "
    "object; each key may appear once", 1 },
  /* The format */
  { "bad-format.json", "bad-format.json: format: “uppfoljning-rapport” is not a known format; "
    "expected uppfoljning-package or uppfoljning-report", 1 },
  { "bad-version.json", "bad-version.json: version: version 3 is not known; this version of "
    "Uppföljning reads versions 1 to 2", 1 },
  { "bad-missing-field.json", "bad-missing-field.json: department: missing; this field is "
    "required", 1 },
  { "bad-unknown-field.json", "bad-unknown-field.json: entries[0].colour: unknown field; expected "
    "one of action, status, progress, comment, next_steps, risks, indicators", 1 },
  { "bad-unknown-top-field.json", "bad-unknown-top-field.json: signed_by: unknown field; expected "
    "one of format, version, package, department, week, submitted, reporter, summary, entries", 1 },
  { "bad-entries-type.json", "bad-entries-type.json: entries: expected an array", 1 },
  { "bad-wrong-types.json", "bad-wrong-types.json: entries[4].progress: expected a number", 15 },
  { "bad-status-unknown.json", "bad-status-unknown.json: entries[0].status: “klar” is not a "
    "status; expected one of not-started, on-track, at-risk, delayed, done", 1 },
  { "bad-progress-range.json", "bad-progress-range.json: entries[0].progress: 101 is out of "
    "range; expected 0 to 100", 1 },
  { "bad-progress-fraction.json", "bad-progress-fraction.json: entries[0].progress: 50.5 is not a "
    "whole number", 1 },
  { "bad-progress-type.json", "bad-progress-type.json: entries[0].progress: expected a number", 1 },
  { "bad-number-huge.json", "bad-number-huge.json: entries[0].progress: is not a finite number", 1 },
  { "bad-done-not-100.json", "bad-done-not-100.json: entries[1].progress: is 90, but the status "
    "is done; a done action is at 100", 1 },
  { "bad-submitted-no-offset.json", "bad-submitted-no-offset.json: submitted: "
    "“2026-07-10T12:00:00” is not a date and time with a UTC offset; expected such as "
    "2026-06-19T15:30:00+02:00", 1 },
  { "bad-submitted-future.json", "bad-submitted-future.json: submitted: "
    "2099-01-02T09:00:00+01:00 is later than now; a report cannot be submitted in the future "
    "(is the clock of the computer that wrote it right?)", 1 },
  { "bad-submitted-invalid.json", "bad-submitted-invalid.json: submitted: "
    "“2026-02-30T12:00:00+02:00” is not a date and time with a UTC offset", 1 },
  { "bad-text-too-long.json", "bad-text-too-long.json: entries[0].comment: is 4001 characters "
    "long; at most 4000 are allowed", 1 },
  { "bad-duplicate-entry.json", "bad-duplicate-entry.json: entries[1].action: “A1” has a second "
    "entry; one entry per action", 1 },
  { "bad-personnummer.json", "bad-personnummer.json: entries[0].comment: contains a personal "
    "identity number (19xxxxxx-xx76); reports give counts and progress, never names or identity "
    "numbers", 1 },
  /* Hidden with a zero-width space, no-break spaces and an em dash; and a
   * decimal indicator value */
  { "bad-personnummer-hidden.json", "bad-personnummer-hidden.json: entries[0].comment: contains a "
    "personal identity number (19xxxxxx \u2014 xx76)", 2 },
  { "bad-personnummer-elsewhere.json", "bad-personnummer-elsewhere.json: "
    "entries[0].indicators.xxxxxx-xx76: the key contains a personal identity number "
    "(xxxxxx-xx76)", 0 },
  { "bad-three-problems.json", "bad-three-problems.json: entries[1].progress: -5 is out of range; "
    "expected 0 to 100", 3 },
  { "crash-duplicate-entry-uaf.json", "crash-duplicate-entry-uaf.json: entries[4].action: “A7” has "
    "a second entry; one entry per action", 0 },
  /* Against the store */
  { "bad-package-unknown.json", "bad-package-unknown.json: package: “OTHER-PKG” is not the "
    "package this database follows (TEST-PKG)", 1 },
  { "bad-department-unknown.json", "bad-department-unknown.json: department: “KULTUR” is not one "
    "of the package’s departments", 1 },
  { "bad-action-unknown.json", "bad-action-unknown.json: entries[1].action: “A99” is not an "
    "action of the package", 1 },
  { "bad-action-not-own.json", "bad-action-not-own.json: entries[1].action: SOC neither leads nor "
    "contributes to “A4”; report only on your own actions", 2 },
  { "bad-indicator-unknown.json", "bad-indicator-unknown.json: entries[0].indicators.visitors: "
    "“visitors” is not an indicator of A1", 1 },
  { "bad-week-invalid.json", "bad-week-invalid.json: week: “2026-W54” is not a week: 2026 has "
    "weeks 1 to 53", 1 },
  { "bad-week-before-first.json", "bad-week-before-first.json: week: week 2026-W20 is before the "
    "first reporting week 2026-W25", 1 },
  { "bad-week-future.json", "bad-week-future.json: week: week 2099-W01 is in the future", 1 },
  /* Package definitions */
  { "bad-package-date.json", "bad-package-date.json: actions[1].start: “2026-02-30” is not a "
    "date; expected YYYY-MM-DD, such as 2026-06-11", 1 },
  { "bad-package-deadline-before-start.json", "bad-package-deadline-before-start.json: "
    "actions[2].deadline: is before the start date", 1 },
  { "bad-package-lead-unknown.json", "bad-package-lead-unknown.json: actions[3].lead: “KULTUR” is "
    "not one of the package’s departments", 1 },
  { "bad-package-first-week.json", "bad-package-first-week.json: reporting.first_week: "
    "“2026-W60” is not a week", 1 },
  { "package-rev1-changed.json", "package-rev1-changed.json: revision: revision 1 of TEST-PKG was "
    "already imported with other content; a changed package needs a higher revision", 1 },
  { "package-rev2-drops-action.json", "package-rev2-drops-action.json: actions: revision 2 drops "
    "the action “A2”, which has reports; keep it in the package (it may be marked done in "
    "reports)", 1 },
  { "package-rev2-drops-department.json", "package-rev2-drops-department.json: departments: "
    "revision 2 drops the department “UTB”, which has sent reports; keep it in the package", 2 },
};

static void
test_bad_files (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autofree char *before = dump (store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autofree char *path = fixture (c->file);
      g_autofree char *problems = NULL;
      g_autofree char *checked = NULL;
      g_autofree char *after = NULL;
      g_autoptr(UppDocument) document = NULL;
      g_auto(GStrv) lines = NULL;

      g_test_message ("%s", c->file);
      g_assert_cmpint (import_one (store, path, &problems), ==, UPP_IMPORT_REJECTED);
      if (strstr (problems, c->expected) == NULL)
        g_error ("%s: expected “%s” among:\n%s", c->file, c->expected, problems);

      /* Every problem names the file; none repeats an identity number. */
      lines = g_strsplit (problems, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), >, 1);
      for (guint j = 0; lines[j] != NULL && lines[j][0] != '\0'; j++)
        {
          g_assert_true (g_str_has_prefix (lines[j], path));
          g_assert_false (strstr (lines[j], "811218-9876") != NULL);
        }
      if (c->n_problems > 0)
        g_assert_cmpuint (g_strv_length (lines) - 1, ==, c->n_problems);

      /* Nothing stored. */
      after = dump (store);
      g_assert_cmpstr (before, ==, after);

      /* `check` says the same as `import`. */
      document = upp_document_load (path, store);
      checked = join_problems (document->problems);
      g_assert_cmpstr (checked, ==, problems);
    }
}

/* Every bad-*.json fixture is in the table above. */
static void
test_bad_files_complete (void)
{
  g_autofree char *dir = fixture ("");
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      gboolean found = FALSE;

      if (!g_str_has_prefix (name, "bad-"))
        continue;
      n++;
      for (guint i = 0; i < G_N_ELEMENTS (bad_cases) && !found; i++)
        found = g_str_equal (bad_cases[i].file, name);
      if (!found)
        g_error ("%s has no row in bad_cases", name);
    }
  g_assert_cmpuint (n, >=, 40);
}

/* Without a store, the checks of the format alone. */
static void
test_check_standalone (void)
{
  g_autofree char *unknown = fixture ("bad-action-unknown.json");
  g_autofree char *status = fixture ("bad-status-unknown.json");
  g_autoptr(UppDocument) a = upp_document_load (unknown, NULL);
  g_autoptr(UppDocument) b = upp_document_load (status, NULL);

  /* Which actions exist only the store knows. */
  g_assert_cmpuint (a->problems->len, ==, 0);
  g_assert_cmpint (a->kind, ==, UPP_DOCUMENT_REPORT);
  g_assert_nonnull (a->report);
  g_assert_cmpstr (a->report->department, ==, "SOC");
  g_assert_cmpuint (a->report->entries->len, ==, 2);
  g_assert_cmpuint (strlen (a->sha256), ==, 64);

  g_assert_cmpuint (b->problems->len, ==, 1);
  g_assert_null (b->report);
}

/* Special files, sizes, nesting, numbers */

static void
assert_rejected_quickly (UppStore   *store,
                         const char *path,
                         const char *expected)
{
  g_autofree char *before = dump (store);
  g_autofree char *problems = NULL;
  g_autofree char *after = NULL;

  /* "Quickly": a hang would run into the test's timeout. */
  g_assert_cmpint (import_one (store, path, &problems), ==, UPP_IMPORT_REJECTED);
  if (strstr (problems, expected) == NULL)
    g_error ("expected “%s” among:\n%s", expected, problems);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_hostile_files (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  g_autofree char *big = NULL;
  g_autofree char *over = NULL;
  g_autofree char *zero = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *subdir = NULL;
  int fd;

  g_assert_no_error (error);

  /* 50 MB, refused by its size without being read: a sparse file. */
  big = g_build_filename (dir, "big.json", NULL);
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  close (fd);
  assert_rejected_quickly (store, big, "big.json: is 50.0 MB; reports and packages may be at "
                           "most 8 MB");

  over = g_build_filename (dir, "over.json", NULL);
  fd = g_open (over, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (ftruncate (fd, UPP_IMPORT_MAX_BYTES + 1), ==, 0);
  close (fd);
  assert_rejected_quickly (store, over, "over.json: is 8.0 MB; reports and packages may be at "
                           "most 8 MB");

  /* Endless or blocking: a symlink to /dev/zero, a FIFO nobody writes. A
   * link named by itself is followed (docs/formats.md): to what is not a
   * regular file, which is not opened. */
  zero = g_build_filename (dir, "zero.json", NULL);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  {
    const char *paths[] = { zero, NULL };
    g_autoptr(GPtrArray) results = import_paths (store, paths);
    const UppImportResult *result = g_ptr_array_index (results, 0);
    g_autofree char *problems = join_problems (result->problems);

    g_assert_cmpint (result->status, ==, UPP_IMPORT_REJECTED);
    g_assert_cmpstr (problems, ==, "/dev/zero: is not a regular file\n");
  }

  fifo = g_build_filename (dir, "fifo.json", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_rejected_quickly (store, fifo, "fifo.json: is not a regular file");

  missing = g_build_filename (dir, "missing.json", NULL);
  assert_rejected_quickly (store, missing, "missing.json: cannot be read: No such file or "
                           "directory");

  subdir = g_build_filename (dir, "folder.json", NULL);
  g_assert_cmpint (g_mkdir (subdir, 0700), ==, 0);
  {
    g_autoptr(UppDocument) document = upp_document_load (subdir, store);
    g_autofree char *problems = join_problems (document->problems);

    g_assert_nonnull (strstr (problems, "folder.json: is not a regular file"));
  }

  upp_test_remove_tree (dir);
}

/* A valid report padded with spaces to exactly the size limit is read. */
static void
test_size_limit_exact (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  g_autofree char *source = fixture ("report-SOC-2026-W28.json");
  g_autofree char *text = NULL;
  g_autofree char *padded = NULL;
  g_autofree char *path = NULL;
  gsize length;

  g_assert_no_error (error);
  g_file_get_contents (source, &text, &length, &error);
  g_assert_no_error (error);
  padded = g_malloc (UPP_IMPORT_MAX_BYTES);
  memcpy (padded, text, length);
  memset (padded + length, ' ', UPP_IMPORT_MAX_BYTES - length);
  path = write_temp_file (dir, "padded.json", padded, UPP_IMPORT_MAX_BYTES);

  g_assert_cmpint (import_one (store, path, NULL), ==, UPP_IMPORT_IMPORTED);
  upp_test_remove_tree (dir);
}

static void
test_deep_nesting (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  const guint levels = 100000;
  g_autoptr(GString) arrays = g_string_new (NULL);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) in_report = g_string_new ("{\"format\": \"uppfoljning-report\", \"summary\": ");
  g_autofree char *a = NULL;
  g_autofree char *o = NULL;
  g_autofree char *r = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < levels; i++)
    {
      g_string_append_c (arrays, '[');
      g_string_append (objects, "{\"a\":");
    }
  g_string_append (objects, "1");
  for (guint i = 0; i < levels; i++)
    {
      g_string_append_c (arrays, ']');
      g_string_append_c (objects, '}');
    }
  for (guint i = 0; i < 40; i++)
    g_string_append_c (in_report, '[');
  for (guint i = 0; i < 40; i++)
    g_string_append_c (in_report, ']');
  g_string_append (in_report, "}");

  a = write_temp_file (dir, "arrays.json", arrays->str, arrays->len);
  o = write_temp_file (dir, "objects.json", objects->str, objects->len);
  r = write_temp_file (dir, "in-report.json", in_report->str, in_report->len);
  assert_rejected_quickly (store, a, "arrays.json:1:33: nested more than 32 levels deep");
  assert_rejected_quickly (store, o, "objects.json:1:161: nested more than 32 levels deep");
  assert_rejected_quickly (store, r, "in-report.json:1:76: nested more than 32 levels deep");
  upp_test_remove_tree (dir);
}

/* 32 levels parse (and are then no report); 33 do not. */
static void
test_nesting_limit (void)
{
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autoptr(GString) deep = NULL;
  g_autoptr(GBytes) ok_bytes = NULL;
  g_autoptr(GBytes) deep_bytes = NULL;
  g_autoptr(UppDocument) a = NULL;
  g_autoptr(UppDocument) b = NULL;

  for (guint i = 0; i < 32; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < 32; i++)
    g_string_append_c (ok, ']');
  deep = g_string_new_len (ok->str, ok->len);
  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');

  ok_bytes = g_bytes_new (ok->str, ok->len);
  deep_bytes = g_bytes_new (deep->str, deep->len);
  a = upp_document_parse ("ok.json", ok_bytes, NULL);
  b = upp_document_parse ("deep.json", deep_bytes, NULL);
  g_assert_cmpuint (a->problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (a->problems, 0), ==,
                   "ok.json: expected a JSON object with a “format” field");
  g_assert_cmpuint (b->problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (b->problems, 0), ==,
                   "deep.json:1:33: nested more than 32 levels deep; reports and packages need "
                   "at most 5");
}

typedef struct
{
  const char *replace;    /* in report-SOC-2026-W28.json */
  const char *with;
  const char *expected;   /* NULL: imports */
} TextCase;

/* What json-glib alone would take or get wrong, and JSON edge cases. */
#define MANY_KEYS \
  ", \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6, \"k7\": 7, \"k8\": 8, " \
  "\"k9\": 9, \"k10\": 10, \"k11\": 11, \"k12\": 12, \"k13\": 13, \"k14\": 14, \"k15\": 15, " \
  "\"k16\": 16, \"k17\": 17, \"k18\": 18, \"k19\": 19, \"k20\": 20"

static const TextCase text_cases[] = {
  { "\"progress\": 30", "\"progress\": 99999999999999999999",
    "t.json:13:19: the number 99999999999999999999 is too large; whole numbers may have at most "
    "15 digits" },
  { "\"progress\": 30", "\"progress\": -9223372036854775809", "t.json:13:19: the number" },
  { "\"progress\": 30", "\"progress\": 0x1E", "t.json:13:19: “0x1E” is not a number as JSON "
    "writes them" },
  { "\"progress\": 30", "\"progress\": 030", "t.json:13:19: “030” is not a number as JSON writes "
    "them" },
  { "\"progress\": 30", "\"progress\": 3.", "t.json:13:19: “3.” is not a number" },
  { "\"progress\": 30", "\"progress\": NaN", "t.json:13:19: unexpected “N”; expected a value" },
  { "\"progress\": 30", "\"progress\": Infinity", "t.json:13:19: unexpected “I”; expected a "
    "value" },
  { "\"progress\": 30", "\"progress\": 1e400", "t.json: entries[0].progress: is not a finite "
    "number" },
  { "\"progress\": 30", "\"progress\": -0", NULL },
  { "\"progress\": 30", "\"progress\": 3e1", NULL },
  { "\"progress\": 30", "\"progress\": 30.0", NULL },
  { "\"progress\": 30", "\"progress\": 1e-400", NULL },
  { "\"progress\": 30", "\"progress\": 30 /* ok */", "t.json:13:22: comments are not allowed in "
    "JSON" },
  { "\"status\": \"on-track\"", "\"status\": 'on-track'", "t.json:12:17: texts and keys are "
    "written in double quotes (\"), not single ones" },
  { "\"progress\": 30", "progress: 30", "t.json:13:7: unexpected “p”; expected a key in double "
    "quotes" },
  { "\"met\": 20\n", "\"met\": 20,\n", "t.json:18:7: unexpected “}”; expected a key in double "
    "quotes" },
  { "Pass enligt plan.", "Pass\tenligt plan.", "t.json:14:23: a control character (U+0009) in a "
    "text; write it as an escape such as \\n or \\t" },
  { "Pass enligt plan.", "Pass\\x enligt plan.", "t.json:14:23: “\\x” is not an escape" },
  { "Pass enligt plan.", "Pass \\uDC00 enligt plan.", "t.json:14:24: the escape \\uDC00 is the "
    "second half of a surrogate pair without the first" },
  { "Pass enligt plan.", "Pass \\ud83d\\ude00 \\u00e5 \\\"enligt\\\" plan.", NULL },
  { "Pass enligt plan.", "Pass \\u00", "t.json:14:24: expected four hex digits after \\u" },
  { "\"week\": \"2026-W28\",", "\"week\": \"2026-W28\", \"w\\u0065ek\": \"2026-W27\",",
    "t.json:6:46: the key “week” appears twice in one object" },
  /* Written with an escape, as the last member of its object: reported
   * where json-glib did, at the value's end. */
  { "\"met\": 20\n", "\"met\": 20, \"m\\u0065t\": 21\n",
    "t.json:17:33: the key “met” appears twice in one object" },
  /* Objects of more than a few members look keys up otherwise. */
  { "\"met\": 20\n", "\"met\": 20" MANY_KEYS ", \"shifts\": 4\n",
    "t.json:17:222: the key “shifts” appears twice in one object" },
  { "\"met\": 20\n", "\"met\": 20" MANY_KEYS ", \"sh\\u0069fts\": 4\n",
    "t.json:17:237: the key “shifts” appears twice in one object" },
  { "\"met\": 20\n",
    "\"met\": 20" MANY_KEYS ", \"sh\\u0069fts\": 4, \"sh\\u0069fts\": 5\n",
    "t.json:17:240: the key “sh\\u0069fts” appears twice in one object" },
  { "\n}\n", "\n}\n{}\n", "t.json:31:1: more text after the end of the document; a file holds "
    "one JSON value" },
  { "\n}\n", "\n}\n\n\r\n\t \n", NULL },
};

static void
test_json_text (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autofree char *source = fixture ("report-SOC-2026-W28.json");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &text, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      const TextCase *c = &text_cases[i];
      g_autoptr(GString) s = g_string_new (text);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(UppDocument) document = NULL;
      g_autofree char *problems = NULL;

      g_test_message ("%s → %s", c->replace, c->with);
      g_assert_cmpuint (g_string_replace (s, c->replace, c->with, 1), ==, 1);
      bytes = g_bytes_new (s->str, s->len);
      document = upp_document_parse ("t.json", bytes, store);
      problems = join_problems (document->problems);
      if (c->expected == NULL)
        g_assert_cmpstr (problems, ==, "");
      else if (strstr (problems, c->expected) == NULL)
        g_error ("expected “%s” among:\n%s", c->expected, problems);
      if (c->expected == NULL && g_str_equal (c->with, "\"progress\": -0"))
        g_assert_cmpint (((UppEntry *) g_ptr_array_index (document->report->entries, 0))->progress,
                         ==, 0);
      if (c->expected == NULL && g_str_has_prefix (c->with, "Pass \\ud83d"))
        g_assert_cmpstr (((UppEntry *) g_ptr_array_index (document->report->entries, 0))->comment,
                         ==, "Pass 😀 å \"enligt\" plan.");
    }
}

/* A byte order mark and CRLF line ends are fine; -0 is 0. */
static void
test_bom_crlf (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const UppHistoryEntry *entry;

  import_fixture_ok (store, "good-bom-crlf.json");
  import_fixture_ok (store, "good-negative-zero.json");

  history = upp_store_query_history (store, "A3", UPP_WEEK_INIT (2026, 28), &error);
  g_assert_no_error (error);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpint (entry->week.week, ==, 28);
  g_assert_cmpint (entry->progress, ==, 0);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpint (entry->week.week, ==, 27);
  g_assert_cmpstr (entry->comment, ==, "Inget nytt.");
  g_assert_cmpstr (entry->submitted, ==, "2026-07-03T15:00:00+02:00");
}

/* 10,000 entries is the limit; a report of more is refused whole, and a
 * wrong one of 10,000 gets its 10,000 problems fast. */
static void
test_many_entries (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autoptr(GString) over = g_string_new ("{\"format\": \"uppfoljning-report\", \"version\": 1, "
                                          "\"package\": \"TEST-PKG\", \"department\": \"SOC\", "
                                          "\"week\": \"2026-W30\", \"submitted\": "
                                          "\"2026-07-24T12:00:00+02:00\", \"entries\": [");
  g_autoptr(GString) wrong = g_string_new (over->str);
  g_autoptr(GBytes) over_bytes = NULL;
  g_autoptr(GBytes) wrong_bytes = NULL;
  g_autoptr(UppDocument) a = NULL;
  g_autoptr(UppDocument) b = NULL;
  g_autofree char *before = dump (store);
  g_autofree char *after = NULL;

  for (guint i = 0; i < 10001; i++)
    g_string_append_printf (over, "%s{\"action\": \"X%u\", \"status\": \"on-track\", "
                            "\"progress\": 1}", i > 0 ? "," : "", i);
  g_string_append (over, "]}");
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (wrong, "%s{\"action\": \"A1\", \"status\": \"bra\", \"progress\": 1}",
                            i > 0 ? "," : "");
  g_string_append (wrong, "]}");

  g_test_timer_start ();
  over_bytes = g_bytes_new (over->str, over->len);
  wrong_bytes = g_bytes_new (wrong->str, wrong->len);
  a = upp_document_parse ("over.json", over_bytes, store);
  b = upp_document_parse ("wrong.json", wrong_bytes, store);

  g_assert_cmpuint (a->problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (a->problems, 0), ==,
                   "over.json: entries: has 10001 items; at most 10000 are allowed");
  /* The first UPP_MAX_PROBLEMS, and how many more. */
  g_assert_cmpuint (b->problems->len, ==, UPP_MAX_PROBLEMS + 1);
  g_assert_cmpstr (g_ptr_array_index (b->problems, UPP_MAX_PROBLEMS - 1), ==,
                   "wrong.json: entries[99].status: “bra” is not a status; expected one of "
                   "not-started, on-track, at-risk, delayed, done");
  g_assert_cmpstr (g_ptr_array_index (b->problems, UPP_MAX_PROBLEMS), ==,
                   "wrong.json: and 9900 more problems");
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

/* A package with @n_goals goals and @n_departments departments, one action
 * with @n_contributors contributors and @n_indicators indicators, and a
 * first department name, goal title and action title of the lengths given
 * (in characters: "å" is two bytes). */
typedef struct
{
  guint n_goals;
  guint n_departments;
  guint n_contributors;
  guint n_indicators;
  guint name_length;
  guint goal_title_length;
  guint action_title_length;
} PackageShape;

static char *
repeat_character (const char *c,
                  guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, c);
  return g_string_free (text, FALSE);
}

static GBytes *
package_of_shape (const PackageShape *shape)
{
  GString *json = g_string_new ("{\"format\": \"uppfoljning-package\", \"version\": 1, "
                                "\"code\": \"LIMITS\", \"revision\": 1, \"title\": \"Gränser\", "
                                "\"organisation\": \"Testkommunen\", "
                                "\"reporting\": {\"first_week\": \"2026-W25\"}, \"goals\": [");
  g_autofree char *name = repeat_character ("å", shape->name_length);
  g_autofree char *goal_title = repeat_character ("å", shape->goal_title_length);
  g_autofree char *action_title = repeat_character ("å", shape->action_title_length);

  for (guint i = 0; i < shape->n_goals; i++)
    g_string_append_printf (json, "%s{\"code\": \"G%u\", \"title\": \"%s\"}", i > 0 ? ", " : "",
                            i, i == 0 ? goal_title : "Mål");
  g_string_append (json, "], \"departments\": [");
  for (guint i = 0; i < shape->n_departments; i++)
    g_string_append_printf (json, "%s{\"code\": \"D%u\", \"name\": \"%s\"}", i > 0 ? ", " : "",
                            i, i == 0 ? name : "Förvaltning");
  g_string_append_printf (json, "], \"actions\": [{\"code\": \"A1\", \"title\": \"%s\", "
                          "\"goal\": \"G0\", \"lead\": \"D0\", \"start\": \"2026-06-15\", "
                          "\"deadline\": \"2026-12-18\", \"contributors\": [", action_title);
  for (guint i = 0; i < shape->n_contributors; i++)
    g_string_append_printf (json, "%s\"D%u\"", i > 0 ? ", " : "", i + 1);
  g_string_append (json, "], \"indicators\": [");
  for (guint i = 0; i < shape->n_indicators; i++)
    g_string_append_printf (json, "%s{\"code\": \"I%u\", \"name\": \"Mått\"}", i > 0 ? ", " : "",
                            i);
  g_string_append (json, "]}]}");
  return g_string_free_to_bytes (json);
}

/* The problems of a package of @shape, one a line. */
static char *
package_problems (const PackageShape *shape)
{
  g_autoptr(GBytes) bytes = package_of_shape (shape);
  g_autoptr(UppDocument) document = upp_document_parse ("limits.json", bytes, NULL);

  g_ptr_array_add (document->problems, NULL);
  return g_strjoinv ("\n", (char **) document->problems->pdata);
}

/* The limits of the published JSON Schemas and docs/formats.md, each
 * allowed up to its value and refused one above it, by name. */
static void
test_package_limits (void)
{
  /* 99 contributors: 100 departments are the lead and 99 others. */
  const PackageShape at_limits = { 50, 100, 99, 20, 200, 300, 200 };
  const struct
  {
    PackageShape  shape;
    const char   *expected;
  } over[] = {
    { { 51, 100, 99, 20, 200, 300, 200 },
      "limits.json: goals: has 51 items; at most 50 are allowed" },
    { { 50, 101, 99, 20, 200, 300, 200 },
      "limits.json: departments: has 101 items; at most 100 are allowed" },
    { { 50, 102, 101, 20, 200, 300, 200 },
      "limits.json: departments: has 102 items; at most 100 are allowed\n"
      "limits.json: actions[0].contributors: has 101 items; at most 100 are allowed" },
    { { 50, 100, 99, 21, 200, 300, 200 },
      "limits.json: actions[0].indicators: has 21 items; at most 20 are allowed" },
    { { 50, 100, 99, 20, 201, 300, 200 },
      "limits.json: departments[0].name: is 201 characters long; at most 200 are allowed" },
    { { 50, 100, 99, 20, 200, 301, 200 },
      "limits.json: goals[0].title: is 301 characters long; at most 300 are allowed" },
    { { 50, 100, 99, 20, 200, 300, 201 },
      "limits.json: actions[0].title: is 201 characters long; at most 200 are allowed" },
  };
  g_autofree char *none = package_problems (&at_limits);

  g_assert_cmpstr (none, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (over); i++)
    {
      g_autofree char *problems = package_problems (&over[i].shape);

      g_assert_cmpstr (problems, ==, over[i].expected);
    }
}

/* A revision above the limit, a report without entries, and the template
 * of a department that has nothing to report. */
static void
test_empty_and_out_of_range (void)
{
  const PackageShape shape = { 2, 4, 1, 1, 20, 20, 20 };
  g_autoptr(GBytes) package = package_of_shape (&shape);
  g_autofree char *text = g_strndup (g_bytes_get_data (package, NULL), g_bytes_get_size (package));
  g_auto(GStrv) halves = g_strsplit (text, "\"revision\": 1,", 2);
  g_autofree char *late = g_strjoin ("\"revision\": 1000001,", halves[0], halves[1], NULL);
  g_autoptr(GBytes) late_bytes = g_bytes_new (late, strlen (late));
  g_autoptr(UppDocument) revised = upp_document_parse ("limits.json", late_bytes, NULL);
  static const char empty_report[] =
    "{\"format\": \"uppfoljning-report\", \"version\": 1, \"package\": \"LIMITS\", "
    "\"department\": \"D0\", \"week\": \"2026-W30\", "
    "\"submitted\": \"2026-07-24T12:00:00+02:00\", \"entries\": []}";
  g_autoptr(GBytes) empty_bytes = g_bytes_new_static (empty_report, strlen (empty_report));
  g_autoptr(UppDocument) empty = upp_document_parse ("empty.json", empty_bytes, NULL);
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *template = NULL;
  g_autofree char *lead = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (revised->problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (revised->problems, 0), ==,
                   "limits.json: revision: 1000001 is out of range; expected 1 to 1000000");
  g_assert_cmpuint (empty->problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (empty->problems, 0), ==,
                   "empty.json: entries: is empty; a report has an entry for at least one action");

  /* D0 leads the action, D1 contributes; D2 and D3 have no part in it. */
  path = write_temp_file (dir, "package.json", text, -1);
  g_assert_cmpint (import_one (store, path, NULL), ==, UPP_IMPORT_IMPORTED);
  template = upp_report_template (store, "D3", UPP_WEEK_INIT (2026, 30), &error);
  g_assert_null (template);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==,
                   "“D3” neither leads nor contributes to any action: it has nothing to report");
  g_clear_error (&error);
  lead = upp_report_template (store, "D1", UPP_WEEK_INIT (2026, 30), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (lead, "\"action\" : \"A1\""));
  upp_test_remove_tree (dir);
}

/* A package of 10,000 actions and a report on every one: imported, fast. */
static void
test_many_actions (void)
{
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  g_autoptr(GString) package = g_string_new ("{\"format\": \"uppfoljning-package\", "
                                             "\"version\": 1, \"code\": \"BIG\", "
                                             "\"revision\": 1, \"title\": \"Stort\", "
                                             "\"organisation\": \"Kommunen\", \"reporting\": "
                                             "{\"first_week\": \"2026-W25\", \"due_weekday\": 5}, "
                                             "\"goals\": [{\"code\": \"G1\", \"title\": \"Mål\"}], "
                                             "\"departments\": [{\"code\": \"SOC\", \"name\": "
                                             "\"Soc\"}], \"actions\": [");
  g_autoptr(GString) report = g_string_new ("{\"format\": \"uppfoljning-report\", \"version\": 1, "
                                            "\"package\": \"BIG\", \"department\": \"SOC\", "
                                            "\"week\": \"2026-W30\", \"submitted\": "
                                            "\"2026-07-24T12:00:00+02:00\", \"entries\": [");
  g_autoptr(GString) values = g_string_new ("[");
  g_autofree char *package_path = NULL;
  g_autofree char *report_path = NULL;
  g_autofree char *values_path = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const guint n = 10000;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (package, "%s{\"code\": \"A%u\", \"title\": \"Åtgärd %u\", "
                              "\"goal\": \"G1\", \"lead\": \"SOC\", \"start\": \"2026-06-15\", "
                              "\"deadline\": \"2026-12-18\", \"indicators\": [{\"code\": "
                              "\"n\", \"name\": \"Antal\"}]}", i > 0 ? "," : "", i, i);
      g_string_append_printf (report, "%s{\"action\": \"A%u\", \"status\": \"on-track\", "
                              "\"progress\": %u, \"comment\": \"Enligt plan.\", "
                              "\"next_steps\": \"Fortsätt.\", \"risks\": \"Inga.\", "
                              "\"indicators\": {\"n\": %u}}", i > 0 ? "," : "", i, i % 101, i);
    }
  g_string_append (package, "]}");
  g_string_append (report, "]}");
  for (guint i = 0; i < 2000001; i++)
    g_string_append (values, i > 0 ? ",0" : "0");
  g_string_append (values, "]");

  package_path = write_temp_file (dir, "package.json", package->str, package->len);
  report_path = write_temp_file (dir, "report.json", report->str, report->len);
  values_path = write_temp_file (dir, "values.json", values->str, values->len);

  g_test_timer_start ();
  g_assert_cmpint (import_one (store, package_path, NULL), ==, UPP_IMPORT_IMPORTED);
  g_assert_cmpint (import_one (store, report_path, NULL), ==, UPP_IMPORT_IMPORTED);
  rows = upp_store_query_status (store, UPP_WEEK_INIT (2026, 30), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n);
  g_assert_cmpint (((UppActionStatus *) g_ptr_array_index (rows, n - 1))->state, ==,
                   UPP_STATE_ON_TRACK);
  g_assert_cmpint (((UppActionStatus *) g_ptr_array_index (rows, n - 1))->progress, ==,
                   (n - 1) % 101);
  g_test_message ("10,000 actions and entries in %.2f s", g_test_timer_elapsed ());

  /* An 8 MB "[0,0,0,…]" would take 350 MB in json-glib: counted first. */
  assert_rejected_quickly (store, values_path, "values.json:1:4000000: holds more than 2000000 "
                           "values; reports and packages have far fewer");
  upp_test_remove_tree (dir);
}

/* Random bytes, fixed seed: always a problem, never a crash. */
static void
test_garbage (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260619);
  static const char alphabet[] = "{}[]\":,0123456789-.eE truefalsnl\\u\n\t\"format\"";

  for (guint i = 0; i < 2000; i++)
    {
      guint length = g_rand_int_range (rand, 0, 600);
      g_autofree guint8 *data = g_malloc (length + 1);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(UppDocument) document = NULL;

      for (guint j = 0; j < length; j++)
        data[j] = i % 2 == 0 ? g_rand_int_range (rand, 0, 256)
                             : alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      bytes = g_bytes_new (data, length);
      document = upp_document_parse ("garbage.json", bytes, store);
      g_assert_cmpuint (document->problems->len, >, 0);
      for (guint j = 0; j < document->problems->len; j++)
        {
          const char *problem = g_ptr_array_index (document->problems, j);

          g_assert_true (g_str_has_prefix (problem, "garbage.json"));
          g_assert_true (g_utf8_validate (problem, -1, NULL));
        }
    }
}

/* Every file of JSONTestSuite's parsing corpus: a clear error each (none is
 * a report), no crash, no hang, nothing stored. */
static void
test_json_test_suite (void)
{
  const char *shared = g_getenv ("UPP_SHARED_DIR");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(UppStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *name;
  guint n_syntax = 0;

  if (shared != NULL)
    dir = g_build_filename (shared, "testdata", "JSONTestSuite", "test_parsing", NULL);
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("JSONTestSuite is not there (UPP_SHARED_DIR/testdata/JSONTestSuite)");
      return;
    }

  store = store_with_good_set ();
  before = dump (store);
  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(UppDocument) document = upp_document_load (path, store);

      if (document->problems->len == 0)
        g_error ("%s was taken for a valid document", name);
      for (guint j = 0; j < document->problems->len; j++)
        {
          const char *problem = g_ptr_array_index (document->problems, j);

          g_assert_true (g_str_has_prefix (problem, path));
          g_assert_true (g_utf8_validate (problem, -1, NULL));
        }

      /* Not JSON at all: the strict checker says where, before anything
       * else looks at it. */
      if (name[0] == 'n')
        {
          const char *rest = (const char *) g_ptr_array_index (document->problems, 0) +
                             strlen (path);

          if (!(rest[0] == ':' && g_ascii_isdigit (rest[1])) && !g_str_equal (rest, ": is empty; "
                                                                                "expected a JSON "
                                                                                "document"))
            g_error ("%s: no place in “%s”", name, rest);
          n_syntax++;
        }
      g_ptr_array_add (files, g_steal_pointer (&path));
    }
  g_assert_cmpuint (files->len, >=, 300);
  g_assert_cmpuint (n_syntax, >=, 180);

  /* All at once, as a batch: every file rejected, nothing stored. */
  results = upp_import_files (store, files, NULL, NULL, NULL);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, i))->status, ==,
                     UPP_IMPORT_REJECTED);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

/* Inputs the fuzzer found (crash-*.json) and the whole seed corpus, through
 * the parser with a store, as the fuzz target does. */
static void
test_fuzz_regressions (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  const char *dirs[] = { "data/import", "fuzz/corpus" };
  guint n_crashes = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, dirs[d], NULL);
      g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
      const char *name;

      g_assert_nonnull (handle);
      while ((name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autofree char *data = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(UppDocument) document = NULL;
          gsize length;

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            continue;
          g_assert_true (g_file_get_contents (path, &data, &length, NULL));
          bytes = g_bytes_new_take (g_steal_pointer (&data), length);
          document = upp_document_parse ("fuzz.json", bytes, store);
          if (g_str_has_prefix (name, "crash-"))
            {
              g_assert_cmpuint (document->problems->len, >, 0);
              n_crashes++;
            }
          if (document->problems->len == 0)
            g_assert_true (document->report != NULL || document->package != NULL);
        }
    }
  g_assert_cmpuint (n_crashes, >=, 2);
}

/* The sensitive-data guard */

static void
test_guard (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autofree char *source = fixture ("report-SOC-2026-W28.json");
  g_autofree char *text = NULL;
  const struct { const char *replace; const char *with; const char *expected; } cases[] = {
    { "Pass enligt plan.", "Ring 811218-9876.", "t.json: entries[0].comment: contains a personal "
      "identity number (xxxxxx-xx76)" },
    { "Enhetschef", "Enhetschef 198112189876", "t.json: reporter: contains a personal identity "
      "number (19xxxxxxxx76)" },
    /* A coordination number: the day plus 60. */
    { "Pass enligt plan.", "Samordningsnummer 701063-2391.", "t.json: entries[0].comment: contains "
      "a personal identity number (xxxxxx-xx91)" },
    /* Escaped digits are digits. */
    { "Pass enligt plan.", "\\u0038\\u00311218-9876", "t.json: entries[0].comment: contains a "
      "personal identity number (xxxxxx-xx76)" },
    /* Wherever it is: a status, an action code, a key, a number. */
    { "\"on-track\"", "\"811218-9876\"", "t.json: entries[0].status: contains a personal identity "
      "number (xxxxxx-xx76)" },
    { "\"action\": \"A2\"", "\"action\": \"811218-9876\"", "t.json: entries[1].action: contains a "
      "personal identity number (xxxxxx-xx76)" },
    { "\"shifts\": 3", "\"shifts\": 8112189876", "t.json: entries[0].indicators.shifts: the number "
      "reads as a personal identity number (xxxxxxxx76)" },
    /* A decimal that is a whole number is the same number. */
    { "\"shifts\": 3", "\"shifts\": 8112189876.0", "t.json: entries[0].indicators.shifts: the "
      "number reads as a personal identity number (xxxxxxxx76)" },
    { "\"shifts\": 3", "\"shifts\": 8.112189876e9", "t.json: entries[0].indicators.shifts: the "
      "number reads as a personal identity number (xxxxxxxx76)" },
    { "\"shifts\": 3", "\"shifts\": -198112189876.0", "t.json: entries[0].indicators.shifts: the "
      "number reads as a personal identity number (19xxxxxxxx76)" },
    /* What people see is what the guard reads. */
    { "Pass enligt plan.", "Ring 811218\u00a09876.", "t.json: entries[0].comment: contains a "
      "personal identity number (xxxxxx xx76)" },
    { "Pass enligt plan.", "Ring \u202e6789-812118\u202c.", "t.json: entries[0].comment: contains "
      "a personal identity number (xxxxxx-xx76)" },
    { "Pass enligt plan.", "Ring \uff18\uff11\uff11\uff12\uff11\uff18 9876.", "t.json: "
      "entries[0].comment: contains a personal identity number (xxxxxx xx76)" },
    { "\"reporter\"", "\"811218-9876\": 1, \"reporter\"", "t.json: xxxxxx-xx76: the key contains a "
      "personal identity number (xxxxxx-xx76)" },
  };

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) s = g_string_new (text);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(UppDocument) document = NULL;
      g_autofree char *problems = NULL;

      g_assert_cmpuint (g_string_replace (s, cases[i].replace, cases[i].with, 1), ==, 1);
      bytes = g_bytes_new (s->str, s->len);
      document = upp_document_parse ("t.json", bytes, store);
      problems = join_problems (document->problems);
      if (strstr (problems, cases[i].expected) == NULL)
        g_error ("expected “%s” among:\n%s", cases[i].expected, problems);
      /* Not one message repeats the number, whatever quoted it. */
      g_assert_null (strstr (problems, "1218-9876"));
      g_assert_null (strstr (problems, "12189876"));
      g_assert_null (strstr (problems, "1063-2391"));
    }

  /* Phone numbers, dates and case numbers are not identity numbers. */
  {
    g_autoptr(GString) s = g_string_new (text);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(UppDocument) document = NULL;

    g_string_replace (s, "Pass enligt plan.", "Ring 0523-61 30 00 eller 070-123 45 67, "
                      "ärende 2026-1234, dnr KS 2026/123, möte 2026-07-08 (vecka 2026-W28), "
                      "150 000 kr av 1 212 121 212 kr.", 1);
    g_string_replace (s, "\"shifts\": 3", "\"shifts\": 20260708.5", 1);
    bytes = g_bytes_new (s->str, s->len);
    document = upp_document_parse ("t.json", bytes, store);
    g_assert_cmpuint (document->problems->len, ==, 0);
  }
}

/* Texts that can't mislead (docs/formats.md, "Texts"): each @with in place
 * of @replace in @file gives @expected among its problems, or none. */
typedef struct
{
  const char *file;
  const char *replace;
  const char *with;
  const char *expected;
} ShapeCase;

static char *
repeat (const char *text,
        guint       times)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, text);
  return g_string_free (s, FALSE);
}

static void
check_shape_case (UppStore        *store,
                  const ShapeCase *c)
{
  g_autofree char *source = fixture (c->file);
  g_autofree char *text = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UppDocument) document = NULL;
  g_autofree char *problems = NULL;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  s = g_string_new (text);
  g_assert_cmpuint (g_string_replace (s, c->replace, c->with, 1), ==, 1);
  bytes = g_bytes_new (s->str, s->len);
  document = upp_document_parse ("t.json", bytes, store);
  problems = join_problems (document->problems);
  if (c->expected == NULL)
    {
      if (*problems != '\0')
        g_error ("%.60s…: expected no problem, got:\n%s", c->with, problems);
      return;
    }
  if (strstr (problems, c->expected) == NULL)
    g_error ("expected “%s” among:\n%s", c->expected, problems);
  /* The message itself shows no control or direction character. */
  for (const char *p = problems; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      g_assert_true (ch == '\n' || (!upp_text_is_control (ch) && !upp_text_is_bidi_control (ch)));
    }
}

static void
test_text_shape (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  const char *report = "report-SOC-2026-W28.json";
  const char *package = "good/package.json";
  g_autofree char *accents = repeat ("\\u0301", 3999);
  g_autofree char *umlauts = repeat ("\\u0308", 40);
  g_autofree char *newlines = repeat ("\\n", 4000);
  g_autofree char *lines_20 = repeat ("rad\\n", 20);
  g_autofree char *marks_3999 = g_strconcat ("\"comment\": \"e", accents, "\"", NULL);
  g_autofree char *breaks_4000 = g_strconcat ("\"comment\": \"", newlines, "\"", NULL);
  g_autofree char *breaks_20 = g_strconcat ("\"comment\": \"", lines_20, "\"", NULL);
  g_autofree char *breaks_21 = g_strconcat ("\"comment\": \"", lines_20, "rad\\n\"", NULL);
  g_autofree char *name_marks = g_strconcat ("\"name\": \"Socialfo", umlauts, "\"", NULL);
  const ShapeCase cases[] = {
    /* "Budget: 1 000 05 kr" shown as "150 000 kr". */
    { report, "Pass enligt plan.", "Budget: 1\\u202e000 05 kr",
      "t.json: entries[0].comment: contains U+202E (character 10), which changes the direction" },
    /* Reads "The action is done". */
    { report, "\"reporter\": \"Enhetschef\"",
      "\"reporter\": \"Enhetschef\", \"summary\": \"\\u202eenod si noitca ehT\"",
      "t.json: summary: contains U+202E (character 1)" },
    { report, "Pass enligt plan.", "a\\u2066b\\u2069", "t.json: entries[0].comment: contains U+2066" },
    { report, "Pass enligt plan.", "1\\u200f000", "t.json: entries[0].comment: contains U+200F" },
    { report, "Pass enligt plan.", "1\\u061c000", "t.json: entries[0].comment: contains U+061C" },
    /* 3,999 accents on one letter: a line across the page header. */
    { report, "\"comment\": \"Pass enligt plan.\"", marks_3999,
      "t.json: entries[0].comment: has more than 3 accents or other combining marks on one "
      "character (character 5)" },
    { package, "\"name\": \"Socialförvaltningen\"", name_marks,
      "t.json: departments[0].name: has more than 3 accents" },
    /* 4,000 line breaks: a 12-page briefing of 1,944 pages. */
    { report, "\"comment\": \"Pass enligt plan.\"", breaks_4000,
      "t.json: entries[0].comment: has 4000 line breaks; at most 20 are allowed" },
    { report, "\"comment\": \"Pass enligt plan.\"", breaks_21,
      "t.json: entries[0].comment: has 21 line breaks; at most 20 are allowed" },
    /* Control characters: a terminal acts on them, a page hides them. */
    { report, "Pass enligt plan.", "\\u001b]0;PWNED\\u0007\\u001b[2J",
      "t.json: entries[0].comment: contains the control character U+001B (character 1); a text "
      "may hold line breaks and tabs, but no other control characters" },
    { report, "Pass enligt plan.", "Pass\\r\\nplan", "contains the control character U+000D" },
    { report, "Pass enligt plan.", "Pass\\u0085plan", "contains the control character U+0085" },
    { report, "Pass enligt plan.", "Pass\\u007fplan", "contains the control character U+007F" },
    { report, "Pass enligt plan.", "Pass\\u2028plan", "contains the control character U+2028" },
    { report, "Enhetschef", "Enhets\\u0008chef", "t.json: reporter: contains the control character "
      "U+0008" },
    { package, "Kvällsnärvaro av fältassistenter", "Kvällsnärvaro\\u202e av fältassistenter",
      "t.json: actions[0].title: contains U+202E" },
    { package, "Testkommunen", "Test\\u001bkommunen", "t.json: organisation: contains the control "
      "character U+001B" },
    /* A key: its escapes shown, no raw control in the message. */
    { report, "\"reporter\"", "\"x\\u001b[2J\\nFAKE\": 1, \"reporter\"",
      "t.json: x\\e[2J\\nFAKE: the key contains the control or direction character U+001B" },
    { report, "\"shifts\"", "\"shi\\u202efts\"", "the key contains the control or direction "
      "character U+202E" },
    /* What texts may hold: line breaks (20), tabs, up to 3 marks, any
     * script, emoji. */
    { report, "\"comment\": \"Pass enligt plan.\"", breaks_20, NULL },
    { report, "Pass enligt plan.", "Pass\\tenligt\\nplan.", NULL },
    { report, "Pass enligt plan.", "Tie\\u0302\\u0323ng Vie\\u0323\\u0302t, a\\u0308\\u0304\\u0301, "
      "å ä ö, Ω, 😀, 1\\ufe0f\\u20e3", NULL },
    { report, "Pass enligt plan.", "مرحبا שלום", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_shape_case (store, &cases[i]);
}

/* Corrections, idempotence and order */

static char *
dump_after_import (const char * const *paths,
                   gboolean            one_by_one)
{
  g_autoptr(UppStore) store = open_memory_store ();

  if (!one_by_one)
    {
      g_autoptr(GPtrArray) results = import_paths (store, paths);

      for (guint i = 0; i < results->len; i++)
        {
          const UppImportResult *result = g_ptr_array_index (results, i);

          if (result->status == UPP_IMPORT_REJECTED)
            g_error ("%s", (const char *) g_ptr_array_index (result->problems, 0));
        }
    }
  else
    for (guint i = 0; paths[i] != NULL; i++)
      {
        g_autofree char *problems = NULL;

        if (import_one (store, paths[i], &problems) == UPP_IMPORT_REJECTED)
          g_error ("%s", problems);
      }

  return dump (store);
}

static void
test_correction (void)
{
  g_autofree char *package = fixture ("good/package.json");
  g_autofree char *older = fixture ("good/SOC-2026-W27.json");
  g_autofree char *newer = fixture ("good/SOC-2026-W27-rev2.json");
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  const char *forward[] = { package, older, newer, NULL };
  const char *backward[] = { package, newer, older, NULL };
  g_autofree char *a = dump_after_import (forward, TRUE);
  g_autofree char *b = dump_after_import (backward, TRUE);
  guint n_reports = 0;

  g_assert_cmpstr (a, ==, b);

  g_assert_cmpint (import_one (store, package, NULL), ==, UPP_IMPORT_IMPORTED);
  g_assert_cmpint (import_one (store, older, NULL), ==, UPP_IMPORT_IMPORTED);
  g_assert_cmpint (import_one (store, newer, NULL), ==, UPP_IMPORT_SUPERSEDED);
  g_assert_cmpint (import_one (store, older, NULL), ==, UPP_IMPORT_DUPLICATE);

  /* Both kept, the later submitted counts. */
  documents = upp_store_list_documents (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      const UppDocumentInfo *info = g_ptr_array_index (documents, i);

      if (!g_str_equal (info->kind, "report"))
        continue;
      n_reports++;
      g_assert_cmpstr (info->department, ==, "SOC");
      g_assert_cmpint (info->week.week, ==, 27);
      if (info->revision == 2)
        {
          g_assert_true (info->is_current);
          g_assert_cmpstr (info->filename, ==, "SOC-2026-W27-rev2.json");
          g_assert_cmpstr (info->submitted, ==, "2026-07-06T08:00:00+02:00");
        }
      else
        {
          g_assert_cmpint (info->revision, ==, 1);
          g_assert_false (info->is_current);
          g_assert_cmpstr (info->filename, ==, "SOC-2026-W27.json");
        }
    }
  g_assert_cmpuint (n_reports, ==, 2);

  history = upp_store_query_history (store, "A1", UPP_WEEK_INIT (2026, 27), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((UppHistoryEntry *) g_ptr_array_index (history, 0))->status, ==,
                   UPP_STATUS_DELAYED);
  g_assert_cmpint (((UppHistoryEntry *) g_ptr_array_index (history, 1))->status, ==,
                   UPP_STATUS_AT_RISK);
}

/* A correction is dated by its writer, and the latest counts: one dated
 * after now, or with a UTC offset no time zone has (GLib takes ±24:00),
 * would beat every genuine correction for days. Both are refused; a clock
 * a few minutes ahead is not. */
static void
test_submitted_times (void)
{
  g_autofree char *package = fixture ("good/package.json");
  g_autofree char *original = fixture ("good/SOC-2026-W27.json");
  g_autofree char *text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-times-XXXXXX", NULL);
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  gint64 now = upp_now_unix ();
  struct { gint64 ahead; const char *offset; UppImportStatus status; const char *problem; } cases[] = {
    { 60, "+00:00", UPP_IMPORT_SUPERSEDED, NULL },
    { 10 * 60, "+00:00", UPP_IMPORT_REJECTED, "is later than now; a report cannot be submitted in the future" },
    /* The forged correction of the review: 23:59:59-24:00 on a day before
     * today is a moment up to a day later than it seems. */
    { -3 * 24 * 3600, "-24:00", UPP_IMPORT_REJECTED, "has a UTC offset no time zone has" },
    { -3 * 24 * 3600, "+14:30", UPP_IMPORT_REJECTED, "has a UTC offset no time zone has" },
    { -3 * 24 * 3600, "-12:00", UPP_IMPORT_KEPT_OLDER, NULL },
  };

  g_assert_true (g_file_get_contents (original, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (import_one (store, package, NULL), ==, UPP_IMPORT_IMPORTED);
  g_assert_cmpint (import_one (store, original, NULL), ==, UPP_IMPORT_IMPORTED);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (cases[i].offset);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now + cases[i].ahead);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *when = NULL;
      g_autofree char *stamp = NULL;
      g_autofree char *forged = NULL;
      g_autofree char *name = g_strdup_printf ("SOC-2026-W27-%u.json", i);
      g_autofree char *path = NULL;
      g_autofree char *problems = NULL;
      g_autoptr(GRegex) submitted = g_regex_new ("\"submitted\": \"[^\"]*\"", 0, 0, NULL);

      if (zone != NULL)
        local = g_date_time_to_timezone (utc, zone);
      /* GLib makes no ±24:00 zone (UTC instead); write such a time by hand. */
      if (local == NULL || (g_date_time_get_utc_offset (local) == 0 && cases[i].offset[1] != '0'))
        {
          g_autoptr(GDateTime) shifted = g_date_time_add_hours (utc, -24);

          when = g_date_time_format (shifted, "%Y-%m-%dT%H:%M:%S");
          stamp = g_strdup_printf ("\"submitted\": \"%s%s\"", when, cases[i].offset);
        }
      else
        {
          when = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
          stamp = g_strdup_printf ("\"submitted\": \"%s\"", when);
        }
      forged = g_regex_replace_literal (submitted, text, -1, 0, stamp, 0, NULL);
      g_assert_nonnull (strstr (forged, stamp));
      path = write_temp_file (dir, name, forged, -1);

      g_test_message ("%s", stamp);
      g_assert_cmpint (import_one (store, path, &problems), ==, cases[i].status);
      if (cases[i].problem != NULL)
        g_assert_nonnull (strstr (problems, cases[i].problem));
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Two reports for one department and week submitted at the same moment:
 * the larger SHA-256 counts, in either order. */
static void
test_correction_tie (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  g_autofree char *package = fixture ("good/package.json");
  g_autofree char *source = fixture ("report-SOC-2026-W28.json");
  g_autofree char *text = NULL;
  g_autoptr(GString) other = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autofree char *sha_one = NULL;
  g_autofree char *sha_two = NULL;
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(GPtrArray) documents = NULL;
  const char *forward[] = { package, NULL, NULL, NULL };
  const char *backward[] = { package, NULL, NULL, NULL };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *winner;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  other = g_string_new (text);
  g_string_replace (other, "\"on-track\"", "\"at-risk\"", 1);
  one = write_temp_file (dir, "one.json", text, -1);
  two = write_temp_file (dir, "two.json", other->str, other->len);
  sha_one = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  sha_two = g_compute_checksum_for_string (G_CHECKSUM_SHA256, other->str, other->len);

  forward[1] = backward[2] = one;
  forward[2] = backward[1] = two;
  a = dump_after_import (forward, TRUE);
  b = dump_after_import (backward, TRUE);
  g_assert_cmpstr (a, ==, b);

  g_assert_cmpint (import_one (store, package, NULL), ==, UPP_IMPORT_IMPORTED);
  g_assert_cmpint (import_one (store, one, NULL), ==, UPP_IMPORT_IMPORTED);
  g_assert_cmpint (import_one (store, two, NULL), ==,
                   strcmp (sha_two, sha_one) > 0 ? UPP_IMPORT_SUPERSEDED : UPP_IMPORT_KEPT_OLDER);
  winner = strcmp (sha_one, sha_two) > 0 ? sha_one : sha_two;
  documents = upp_store_list_documents (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      const UppDocumentInfo *info = g_ptr_array_index (documents, i);

      if (g_str_equal (info->kind, "report"))
        g_assert_cmpint (info->is_current, ==, g_str_equal (info->sha256, winner));
    }
  upp_test_remove_tree (dir);
}

/* The same bytes under another name are the same document. */
static void
test_same_bytes_other_name (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  g_autofree char *source = fixture ("good/SOC-2026-W25.json");
  g_autofree char *text = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *before = dump (store);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  copy = write_temp_file (dir, "kopia av rapporten.json", text, -1);
  g_assert_cmpint (import_one (store, copy, NULL), ==, UPP_IMPORT_DUPLICATE);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
  upp_test_remove_tree (dir);
}

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

/* Any order, one batch or file by file, gives the same dump, byte for byte.
 * Packages come first file by file too: a report for an action that only a
 * later revision defines is (rightly) refused before that revision. */
/* Packages (by path, which orders these revisions) before reports. */
static int
compare_package_paths (gconstpointer a,
                       gconstpointer b)
{
  const char *p = *(const char * const *) a, *q = *(const char * const *) b;
  gboolean p_package = strstr (p, "package") != NULL, q_package = strstr (q, "package") != NULL;

  if (p_package != q_package)
    return p_package ? -1 : 1;
  return p_package ? strcmp (p, q) : 0;
}

static void
test_order_independence (void)
{
  g_autofree char *good = fixture ("good");
  g_autofree char *rev2 = fixture ("package-rev2.json");
  g_autofree char *bom = fixture ("good-bom-crlf.json");
  g_autofree char *negzero = fixture ("good-negative-zero.json");
  g_autofree char *w28 = fixture ("report-SOC-2026-W28.json");
  const char *paths[] = { good, rev2, bom, negzero, w28, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = upp_import_collect_files (paths, &error);
  g_autofree char *reference = NULL;
  const guint32 seeds[] = { 1, 2, 3, 25, 2026, 424242 };

  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 14);
  g_ptr_array_add (files, NULL);
  reference = dump_after_import ((const char * const *) files->pdata, FALSE);
  g_ptr_array_remove_index (files, files->len - 1);

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seeds[s]);
      g_autoptr(GPtrArray) order = g_ptr_array_new ();
      g_autoptr(GPtrArray) packages_first = g_ptr_array_new ();
      g_autofree char *batch = NULL;
      g_autofree char *single = NULL;

      for (guint i = 0; i < files->len; i++)
        g_ptr_array_add (order, files->pdata[i]);
      shuffle (order, rand);
      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < order->len; i++)
          if ((strstr (order->pdata[i], "package") != NULL) == (pass == 0))
            g_ptr_array_add (packages_first, order->pdata[i]);
      /* The first package a database gets is in force (importing it is
       * deciding to follow it); the next waits for a decision. So one by
       * one, revision 1 comes first, as a batch orders them. */
      g_ptr_array_sort (packages_first, compare_package_paths);

      g_ptr_array_add (order, NULL);
      g_ptr_array_add (packages_first, NULL);
      batch = dump_after_import ((const char * const *) order->pdata, FALSE);
      single = dump_after_import ((const char * const *) packages_first->pdata, TRUE);
      g_assert_cmpstr (batch, ==, reference);
      g_assert_cmpstr (single, ==, reference);
    }
}

/* A file the store has already is "already imported" without being parsed
 * or checked again: here its week has become "in the future" since (the
 * clock turned back), which a new file would be rejected for. */
static void
test_known_not_parsed (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autofree char *known = fixture ("good/SOC-2026-W29.json");
  g_autofree char *new_file = fixture ("report-SOC-2026-W28.json");
  g_autofree char *problems = NULL;
  g_autofree char *before = dump (store);
  g_autofree char *after = NULL;
  const char *paths[] = { known, NULL };
  g_autoptr(GPtrArray) results = NULL;

  g_setenv ("UPP_TODAY", "2026-07-01", TRUE);
  results = import_paths (store, paths);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                   UPP_IMPORT_DUPLICATE);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->kind, ==,
                   UPP_DOCUMENT_REPORT);
  g_assert_cmpint (import_one (store, new_file, &problems), ==, UPP_IMPORT_REJECTED);
  g_assert_nonnull (strstr (problems, "is in the future"));
  g_setenv ("UPP_TODAY", TODAY, TRUE);

  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

/* Packages are stored before reports wherever they are in the batch, also
 * one whose format is written with escapes and sorts last. */
static void
test_package_found_late (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  g_autofree char *source = fixture ("good/package.json");
  g_autofree char *report = fixture ("good/SOC-2026-W25.json");
  g_autofree char *text = NULL;
  g_autofree char *report_text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GString) s = NULL;
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(GPtrArray) results = NULL;
  const char *paths[] = { NULL, NULL };

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  s = g_string_new (text);
  g_assert_cmpuint (g_string_replace (s, "\"uppfoljning-package\"",
                                      "\"uppfoljning\\u002dpackag\\u0065\"", 1), ==, 1);
  g_assert_true (g_file_get_contents (report, &report_text, NULL, NULL));
  copy = write_temp_file (dir, "a-report.json", report_text, -1);
  escaped = write_temp_file (dir, "z-package.json", s->str, s->len);
  paths[0] = dir;

  results = import_paths (store, paths);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                   UPP_IMPORT_IMPORTED);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 1))->status, ==,
                   UPP_IMPORT_IMPORTED);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 1))->kind, ==,
                   UPP_DOCUMENT_PACKAGE);
  upp_test_remove_tree (dir);
}

/* In a batch, reports are checked against the package by the workers or
 * by the storing thread, whichever comes first: the same problems either
 * way, as upp_document_load() finds. */
static void
test_checked_in_batch (void)
{
  static const char * const bad[] = {
    "bad-action-not-own.json", "bad-action-unknown.json", "bad-department-unknown.json",
    "bad-indicator-unknown.json", "bad-week-before-first.json", "bad-week-future.json",
    "bad-submitted-future.json",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  g_autofree char *package = fixture ("good/package.json");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(UppStore) alone = open_memory_store ();

  g_assert_no_error (error);
  g_assert_cmpint (import_one (alone, package, NULL), ==, UPP_IMPORT_IMPORTED);
  g_ptr_array_add (files, g_strdup (package));
  for (guint copy = 0; copy < 12; copy++)
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *source = fixture (bad[i]);
        g_autofree char *text = NULL;
        g_autofree char *name = g_strdup_printf ("%02u-%s", copy, bad[i]);
        gsize length;

        g_assert_true (g_file_get_contents (source, &text, &length, NULL));
        g_ptr_array_add (files, write_temp_file (dir, name, text, length));
      }

  results = upp_import_files (store, files, NULL, NULL, NULL);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                   UPP_IMPORT_IMPORTED);
  for (guint i = 1; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);
      g_autoptr(UppDocument) document = upp_document_load (result->path, alone);
      g_autofree char *problems = join_problems (result->problems);
      g_autofree char *expected = join_problems (document->problems);

      g_assert_cmpint (result->status, ==, UPP_IMPORT_REJECTED);
      g_assert_cmpstr (expected, !=, "");
      g_assert_cmpstr (problems, ==, expected);
    }
  upp_test_remove_tree (dir);
}

/* Package revisions */
/* Package revisions */

static void
test_package_revisions (void)
{
  g_autofree char *rev1 = fixture ("good/package.json");
  g_autofree char *rev2 = fixture ("package-rev2.json");
  g_autofree char *report = fixture ("good/SOC-2026-W25.json");
  g_autoptr(UppStore) store = open_memory_store ();
  const char *up[] = { rev1, rev2, report, NULL };
  const char *down[] = { rev2, rev1, report, NULL };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(UppPackage) package = NULL;
  const UppAction *action;
  g_autofree char *deadline = NULL;
  g_autofree char *problems = NULL;

  /* In one batch, rev2 then rev1 ends where rev1 then rev2 does. */
  a = dump_after_import (up, FALSE);
  b = dump_after_import (down, FALSE);
  g_assert_cmpstr (a, ==, b);

  g_assert_cmpint (import_one (store, rev1, NULL), ==, UPP_IMPORT_IMPORTED);
  import_fixture_ok (store, "good/SOC-2026-W25.json");
  g_assert_cmpint (import_one (store, rev2, NULL), ==, UPP_IMPORT_PENDING);
  g_assert_cmpint (import_one (store, rev1, NULL), ==, UPP_IMPORT_DUPLICATE);

  /* Until someone here accepts it, revision 2 changes nothing. */
  {
    g_autoptr(UppPackage) waiting = upp_store_ref_package (store);

    g_assert_cmpint (waiting->revision, ==, 1);
    g_assert_null (upp_package_find_action (waiting, "A5"));
  }
  g_assert_cmpuint (upp_test_accept_revisions (store), ==, 1);

  package = upp_store_ref_package (store);
  g_assert_cmpint (package->revision, ==, 2);
  g_assert_cmpuint (package->actions->len, ==, 5);
  action = upp_package_find_action (package, "A5");
  g_assert_nonnull (action);
  g_assert_cmpstr (action->lead, ==, "UTB");
  action = upp_package_find_action (package, "A1");
  deadline = upp_date_format (&action->deadline);
  g_assert_cmpstr (deadline, ==, "2027-01-29");
  g_assert_cmpstr (action->title, ==, "Kvälls- och helgnärvaro av fältassistenter");

  /* A report on the new action is now taken. */
  {
    g_autofree char *source = fixture ("report-SOC-2026-W28.json");
    g_autofree char *text = NULL;
    g_autoptr(GString) s = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(UppDocument) document = NULL;

    g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
    s = g_string_new (text);
    g_string_replace (s, "\"A2\"", "\"A5\"", 1);
    g_string_replace (s, "\"contacts\": 15", "", 1);
    bytes = g_bytes_new (s->str, s->len);
    document = upp_document_parse ("a5.json", bytes, store);
    problems = join_problems (document->problems);
    g_assert_cmpstr (problems, ==, "");
  }

  /* An older revision that arrives late is kept, and changes nothing. */
  {
    g_autoptr(UppStore) late = open_memory_store ();

    g_assert_cmpint (import_one (late, rev2, NULL), ==, UPP_IMPORT_IMPORTED);
    g_assert_cmpint (import_one (late, rev1, NULL), ==, UPP_IMPORT_KEPT_OLDER);
    g_assert_cmpint (upp_store_get_package_revision (late), ==, 2);
  }
}

static void
test_package_revision_refused (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autofree char *before = dump (store);
  const struct { const char *file; const char *expected; } cases[] = {
    { "package-rev2-drops-action.json", "revision 2 drops the action “A2”, which has reports" },
    { "package-rev2-drops-department.json", "revision 2 drops the department “UTB”, which has "
      "sent reports" },
    { "package-rev1-changed.json", "revision 1 of TEST-PKG was already imported with other "
      "content" },
    { "../../../data/demo/package.json", "code: this database follows the package TEST-PKG, not "
      "LYS-TRYGG-2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autofree char *problems = NULL;
      g_autofree char *after = NULL;

      g_assert_cmpint (import_one (store, path, &problems), ==, UPP_IMPORT_REJECTED);
      if (strstr (problems, cases[i].expected) == NULL)
        g_error ("expected “%s” among:\n%s", cases[i].expected, problems);
      after = dump (store);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpint (upp_store_get_package_revision (store), ==, 1);
    }
}

/* The review's takeover: a copy of the package with a huge revision and a
 * later first reporting week. It is refused (revisions count up one at a
 * time); the same change as the next revision only waits, and whoever
 * refuses it is recorded. Genuine reports keep coming in meanwhile, and
 * the genuine next revision can still be accepted. */
static void
test_package_takeover (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autofree char *original = fixture ("good/package.json");
  g_autofree char *genuine = fixture ("package-rev2.json");
  g_autofree char *text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-takeover-XXXXXX", NULL);
  g_autofree char *before = dump (store);
  g_autofree char *after = NULL;
  g_autofree char *problems = NULL;
  g_autoptr(GString) forged = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *next = NULL;
  const UppRevisionInfo *info;

  g_assert_true (g_file_get_contents (original, &text, NULL, NULL));
  forged = g_string_new (text);
  g_assert_cmpuint (g_string_replace (forged, "\"revision\": 1,", "\"revision\": 1000000,", 1),
                    ==, 1);
  g_assert_cmpuint (g_string_replace (forged, "\"first_week\": \"2026-W25\"",
                                      "\"first_week\": \"2027-W01\"", 1), ==, 1);
  huge = write_temp_file (dir, "package.json", forged->str, forged->len);
  g_assert_cmpint (import_one (store, huge, &problems), ==, UPP_IMPORT_REJECTED);
  g_assert_nonnull (strstr (problems, "revision 1000000 of TEST-PKG skips a revision: revisions "
                                      "count up one at a time, and the latest this database "
                                      "holds is 1"));
  after = dump (store);
  g_assert_cmpstr (before, ==, after);

  /* As revision 2 it is kept, for review only. */
  g_string_replace (forged, "\"revision\": 1000000,", "\"revision\": 2,", 1);
  next = write_temp_file (dir, "package-2.json", forged->str, forged->len);
  g_assert_cmpint (import_one (store, next, NULL), ==, UPP_IMPORT_PENDING);
  g_assert_cmpint (upp_store_get_package_revision (store), ==, 1);
  g_assert_cmpint (upp_store_get_first_week (store).year, ==, 2026);
  import_fixture_ok (store, "report-SOC-2026-W28.json");

  /* The genuine revision 2 may wait beside it. */
  g_assert_cmpint (import_one (store, genuine, NULL), ==, UPP_IMPORT_PENDING);
  revisions = upp_store_list_revisions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 3);
  info = g_ptr_array_index (revisions, 0);
  g_assert_cmpint (info->state, ==, UPP_REVISION_IN_FORCE);
  info = g_ptr_array_index (revisions, 1);
  g_assert_cmpint (info->state, ==, UPP_REVISION_PENDING);
  g_assert_cmpstr (info->filename, ==, "package-2.json");

  g_assert_true (upp_import_decide_revision (store, info->sha256, FALSE, "Kommundirektören",
                                             &error));
  g_assert_no_error (error);
  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = upp_store_list_revisions (store, &error);
  info = g_ptr_array_index (revisions, 1);
  g_assert_cmpint (info->state, ==, UPP_REVISION_REFUSED);
  g_assert_cmpstr (info->decided_by, ==, "Kommundirektören");
  g_assert_nonnull (info->decided_at);
  g_assert_cmpint (upp_store_get_package_revision (store), ==, 1);

  /* Refused stays refused; a gap cannot be accepted either. */
  g_assert_false (upp_import_decide_revision (store, info->sha256, TRUE, "Någon", &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT);
  g_clear_error (&error);

  info = g_ptr_array_index (revisions, 2);
  g_assert_cmpint (info->state, ==, UPP_REVISION_PENDING);
  g_assert_false (upp_import_decide_revision (store, info->sha256, TRUE, "", &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (upp_import_decide_revision (store, info->sha256, TRUE, "KS 2026/123", &error));
  g_assert_no_error (error);
  g_assert_cmpint (upp_store_get_package_revision (store), ==, 2);

  upp_test_remove_tree (dir);
}

/* A report before its package is refused with a reason. */
static void
test_report_without_package (void)
{
  g_autoptr(UppStore) store = open_memory_store ();
  g_autofree char *path = fixture ("good/SOC-2026-W25.json");
  g_autofree char *problems = NULL;

  g_assert_cmpint (import_one (store, path, &problems), ==, UPP_IMPORT_REJECTED);
  g_assert_nonnull (strstr (problems, "SOC-2026-W25.json: package: the database holds no package "
                            "yet; import the package definition first"));
}

/* Batches: folders, progress, cancellation, async */

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  gint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (total, ==, 3);
  g_atomic_int_inc (calls);
}

static void
test_collect_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-import-XXXXXX", &error);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *other = NULL;
  g_autofree char *single = fixture ("good/package.json");
  const char *paths[] = { dir, single, NULL };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(GPtrArray) results = NULL;
  gint calls = 0;

  g_assert_no_error (error);
  b = write_temp_file (dir, "b.json", "{}", -1);
  a = write_temp_file (dir, "a.json", "[]", -1);
  hidden = write_temp_file (dir, ".hidden.json", "{}", -1);
  other = write_temp_file (dir, "notes.txt", "{}", -1);

  files = upp_import_collect_files (paths, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (files, 0), ==, a);
  g_assert_cmpstr (g_ptr_array_index (files, 1), ==, b);
  g_assert_cmpstr (g_ptr_array_index (files, 2), ==, single);

  results = upp_import_files (store, files, on_progress, &calls, NULL);
  g_assert_cmpint (calls, ==, 3);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                   UPP_IMPORT_REJECTED);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 2))->status, ==,
                   UPP_IMPORT_IMPORTED);

  {
    const char *missing[] = { "/nonexistent/folder/", NULL };
    g_autoptr(GPtrArray) none = upp_import_collect_files (missing, &error);

    /* A missing path is kept as a file, to be reported as unreadable. */
    g_assert_no_error (error);
    g_assert_cmpuint (none->len, ==, 1);
  }
  upp_test_remove_tree (dir);
}

static void
test_cancel (void)
{
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *good = fixture ("good");
  const char *paths[] = { good, NULL };
  g_autoptr(GPtrArray) files = upp_import_collect_files (paths, NULL);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *text = NULL;

  g_cancellable_cancel (cancellable);
  results = upp_import_files (store, files, NULL, NULL, cancellable);
  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);
      g_autofree char *line = upp_import_result_format (result);

      g_assert_cmpint (result->status, ==, UPP_IMPORT_REJECTED);
      g_assert_true (g_str_has_suffix (line, ": import cancelled"));
    }
  g_assert_false (upp_store_has_package (store));
  text = dump (store);
  g_assert_null (strstr (text, "TEST-PKG"));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = upp_import_files_finish (UPP_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(UppStore) store = open_memory_store ();
  g_autofree char *good = fixture ("good");
  const char *paths[] = { good, NULL };
  g_autoptr(GPtrArray) files = upp_import_collect_files (paths, NULL);
  g_autoptr(GPtrArray) results = NULL;

  upp_import_files_async (store, files, NULL, on_import_done, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (results->len, ==, 10);
  g_assert_cmpint (upp_store_get_package_revision (store), ==, 1);
}

/* Templates */

static void
test_template (void)
{
  g_autoptr(UppStore) store = store_with_good_set ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = upp_report_template (store, "SOC", UPP_WEEK_INIT (2026, 30), &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UppDocument) document = NULL;
  g_autofree char *problems = NULL;
  const UppEntry *entry;
  char *none;

  g_assert_no_error (error);
  bytes = g_bytes_new (json, strlen (json));
  document = upp_document_parse ("template.json", bytes, store);
  problems = join_problems (document->problems);
  g_assert_cmpstr (problems, ==, "");

  g_assert_cmpstr (document->report->department, ==, "SOC");
  g_assert_cmpint (document->report->week.week, ==, 30);
  /* Lead actions first (A1, A2), then contributions (A3), pre-filled with
   * the latest entries before the week: A1 from week 29, A2 from the
   * correction of week 27. */
  g_assert_cmpuint (document->report->entries->len, ==, 3);
  entry = g_ptr_array_index (document->report->entries, 0);
  g_assert_cmpstr (entry->action, ==, "A1");
  g_assert_cmpint (entry->status, ==, UPP_STATUS_ON_TRACK);
  g_assert_cmpint (entry->progress, ==, 35);
  g_assert_cmpuint (entry->indicators->len, ==, 2);
  g_assert_cmpfloat (((UppIndicatorValue *) g_ptr_array_index (entry->indicators, 0))->value, ==, 4);
  g_assert_cmpfloat (((UppIndicatorValue *) g_ptr_array_index (entry->indicators, 1))->value, ==, 35);
  entry = g_ptr_array_index (document->report->entries, 1);
  g_assert_cmpstr (entry->action, ==, "A2");
  g_assert_cmpint (entry->status, ==, UPP_STATUS_ON_TRACK);
  g_assert_cmpint (entry->progress, ==, 45);
  entry = g_ptr_array_index (document->report->entries, 2);
  g_assert_cmpstr (entry->action, ==, "A3");
  g_assert_cmpint (entry->status, ==, UPP_STATUS_NOT_STARTED);
  /* The template's empty texts are texts left out. */
  g_assert_null (entry->comment);
  g_assert_null (document->report->reporter);

  /* The partner: its own action, then the one it contributes to. */
  {
    g_autofree char *pol = upp_report_template (store, "POL", UPP_WEEK_INIT (2026, 27), &error);
    g_autoptr(GString) filled = NULL;
    g_autoptr(GBytes) pol_bytes = NULL;
    g_autoptr(UppDocument) pol_document = NULL;
    g_autofree char *pol_problems = NULL;

    g_assert_no_error (error);
    /* Every indicator is listed: one POL never reported is left empty, and
     * the checker says what to do with it. */
    g_assert_nonnull (strstr (pol, "\"shifts\" : null"));
    pol_bytes = g_bytes_new (pol, strlen (pol));
    pol_document = upp_document_parse ("pol.json", pol_bytes, store);
    pol_problems = join_problems (pol_document->problems);
    g_assert_cmpstr (pol_problems, ==, "pol.json: entries[1].indicators.shifts: has no value yet; "
                                       "write this week’s number, or remove the line if it is "
                                       "not known\n"
                                       "pol.json: entries[2].indicators.contacts: has no value "
                                       "yet; write this week’s number, or remove the line if it "
                                       "is not known\n");
    /* Filled in, as the department would. */
    filled = g_string_new (pol);
    g_assert_cmpuint (g_string_replace (filled, ": null", ": 2", 0), ==, 2);
    g_bytes_unref (pol_bytes);
    upp_document_free (pol_document);
    pol_bytes = g_bytes_new (filled->str, filled->len);
    pol_document = upp_document_parse ("pol.json", pol_bytes, store);
    g_assert_cmpuint (pol_document->problems->len, ==, 0);
    g_assert_cmpuint (pol_document->report->entries->len, ==, 3);
    entry = g_ptr_array_index (pol_document->report->entries, 0);
    g_assert_cmpstr (entry->action, ==, "A4");
    g_assert_cmpint (entry->status, ==, UPP_STATUS_DONE);
    g_assert_cmpint (entry->progress, ==, 100);
    entry = g_ptr_array_index (pol_document->report->entries, 1);
    g_assert_cmpstr (entry->action, ==, "A1");
    g_assert_cmpint (entry->progress, ==, 10);
    /* POL reported "met" on A1 in week 25, never "shifts": "met" is
     * pre-filled with 5; "shifts" was empty, never 0, and is what POL
     * wrote in (2). */
    g_assert_cmpuint (entry->indicators->len, ==, 2);
    g_assert_cmpstr (((UppIndicatorValue *) g_ptr_array_index (entry->indicators, 0))->indicator,
                     ==, "shifts");
    g_assert_cmpfloat (((UppIndicatorValue *) g_ptr_array_index (entry->indicators, 0))->value,
                       ==, 2);
    g_assert_cmpstr (((UppIndicatorValue *) g_ptr_array_index (entry->indicators, 1))->indicator,
                     ==, "met");
    g_assert_cmpfloat (((UppIndicatorValue *) g_ptr_array_index (entry->indicators, 1))->value,
                       ==, 5);
    entry = g_ptr_array_index (pol_document->report->entries, 2);
    g_assert_cmpstr (entry->action, ==, "A2");
    g_assert_cmpuint (entry->indicators->len, ==, 1);
  }

  none = upp_report_template (store, "KULTUR", UPP_WEEK_INIT (2026, 30), &error);
  g_assert_null (none);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  none = upp_report_template (store, "SOC", UPP_WEEK_INIT (2026, 54), &error);
  g_assert_null (none);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK);
  g_clear_error (&error);

  {
    g_autoptr(UppStore) empty = open_memory_store ();

    none = upp_report_template (empty, "SOC", UPP_WEEK_INIT (2026, 30), &error);
    g_assert_null (none);
    g_assert_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND);
  }
}

/* The inbox */

typedef struct
{
  GMainLoop *loop;
  guint      n_batches;
  guint      n_imported;
  guint      n_rejected;
  char      *problems;
} WatchState;

static void
on_watch_imported (UppWatch   *watch,
                   GPtrArray  *results,
                   WatchState *state)
{
  state->n_batches++;
  for (guint i = 0; i < results->len; i++)
    {
      const UppImportResult *result = g_ptr_array_index (results, i);

      if (result->status == UPP_IMPORT_IMPORTED)
        state->n_imported++;
      else if (result->status == UPP_IMPORT_REJECTED)
        {
          g_autofree char *old = state->problems;
          g_autofree char *more = join_problems (result->problems);

          state->n_rejected++;
          state->problems = g_strconcat (old != NULL ? old : "", more, NULL);
        }
    }
  g_main_loop_quit (state->loop);
}

typedef struct
{
  char   *path;
  char   *text;
  gsize   length;
  int     fd;
} SlowWriter;

static gboolean
write_second_half (gpointer user_data)
{
  SlowWriter *writer = user_data;
  gsize half = writer->length / 2;

  g_assert_cmpint (write (writer->fd, writer->text + half, writer->length - half), ==,
                   (gssize) (writer->length - half));
  close (writer->fd);
  writer->fd = -1;
  return G_SOURCE_REMOVE;
}

static gboolean
watch_timeout (gpointer user_data)
{
  g_error ("The watch did not import the file within 20 s");
  return G_SOURCE_REMOVE;
}

static void
test_watch (void)
{
  g_autoptr(UppStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("upp-inbox-XXXXXX", &error);
  g_autofree char *source = fixture ("report-SOC-2026-W28.json");
  g_autofree char *soc = g_build_filename (dir, "SOC", NULL);
  g_autoptr(UppWatch) watch = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  WatchState state = { loop, 0, 0, 0, NULL };
  SlowWriter writer = { 0 };
  g_autoptr(GPtrArray) statuses = NULL;
  guint timeout_id;

  g_assert_no_error (error);
  import_fixture_ok (store, "good/package.json");
  watch = upp_watch_new (store, dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upp_watch_get_folder (watch), ==, dir);
  g_signal_connect (watch, "imported", G_CALLBACK (on_watch_imported), &state);

  /* Half now, the rest 600 ms later: less than the time a file must stay
   * unchanged, more than the watch's polling interval. */
  /* In SOC's own folder of the shared folder; the watch is told to look
   * (a user's Look Now, or its next scan). */
  g_assert_cmpint (g_mkdir (soc, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &writer.text, &writer.length, NULL));
  writer.path = g_build_filename (soc, "SOC-2026-W28.json", NULL);
  writer.fd = g_open (writer.path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (writer.fd, >=, 0);
  g_assert_cmpint (write (writer.fd, writer.text, writer.length / 2), ==,
                   (gssize) (writer.length / 2));
  upp_watch_rescan (watch);
  g_timeout_add (600, write_second_half, &writer);
  timeout_id = g_timeout_add_seconds (20, watch_timeout, NULL);

  g_main_loop_run (loop);
  g_source_remove (timeout_id);

  g_assert_cmpint (writer.fd, ==, -1);
  g_assert_cmpstr (state.problems, ==, NULL);
  g_assert_cmpuint (state.n_batches, ==, 1);
  g_assert_cmpuint (state.n_imported, ==, 1);
  g_assert_cmpuint (state.n_rejected, ==, 0);

  statuses = upp_store_query_status (store, UPP_WEEK_INIT (2026, 28), "SOC", &error);
  g_assert_no_error (error);
  g_assert_cmpint (((UppActionStatus *) g_ptr_array_index (statuses, 0))->state, ==,
                   UPP_STATE_ON_TRACK);
  g_assert_cmpint (((UppActionStatus *) g_ptr_array_index (statuses, 0))->progress, ==, 30);

  g_clear_object (&watch);
  g_free (writer.path);
  g_free (writer.text);
  upp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("UPP_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/good-set", test_good_set);
  g_test_add_func ("/import/result-format", test_result_format);
  g_test_add_func ("/import/bad-files", test_bad_files);
  g_test_add_func ("/import/bad-files-complete", test_bad_files_complete);
  g_test_add_func ("/import/check-standalone", test_check_standalone);
  g_test_add_func ("/import/text-shape", test_text_shape);
  g_test_add_func ("/import/hostile-files", test_hostile_files);
  g_test_add_func ("/import/size-limit-exact", test_size_limit_exact);
  g_test_add_func ("/import/deep-nesting", test_deep_nesting);
  g_test_add_func ("/import/nesting-limit", test_nesting_limit);
  g_test_add_func ("/import/json-text", test_json_text);
  g_test_add_func ("/import/bom-crlf", test_bom_crlf);
  g_test_add_func ("/import/many-entries", test_many_entries);
  g_test_add_func ("/import/many-actions", test_many_actions);
  g_test_add_func ("/import/package-limits", test_package_limits);
  g_test_add_func ("/import/empty-and-out-of-range", test_empty_and_out_of_range);
  g_test_add_func ("/import/garbage", test_garbage);
  g_test_add_func ("/import/json-test-suite", test_json_test_suite);
  g_test_add_func ("/import/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/import/guard", test_guard);
  g_test_add_func ("/import/correction", test_correction);
  g_test_add_func ("/import/correction-tie", test_correction_tie);
  g_test_add_func ("/import/submitted-times", test_submitted_times);
  g_test_add_func ("/import/same-bytes-other-name", test_same_bytes_other_name);
  g_test_add_func ("/import/order-independence", test_order_independence);
  g_test_add_func ("/import/known-not-parsed", test_known_not_parsed);
  g_test_add_func ("/import/package-found-late", test_package_found_late);
  g_test_add_func ("/import/checked-in-batch", test_checked_in_batch);
  g_test_add_func ("/import/package-revisions", test_package_revisions);
  g_test_add_func ("/import/package-revision-refused", test_package_revision_refused);
  g_test_add_func ("/import/package-takeover", test_package_takeover);
  g_test_add_func ("/import/report-without-package", test_report_without_package);
  g_test_add_func ("/import/collect-files", test_collect_files);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/async", test_async);
  g_test_add_func ("/import/template", test_template);
  g_test_add_func ("/import/watch", test_watch);

  return g_test_run ();
}

/* test-links.c — the shared folder is not a way out: links in it are not
 * followed, FIFOs and devices are not read, a backup is not redirected
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upp-import.h"
#include "upp-store.h"
#include "upp-test-util.h"
#include "upp-watch.h"

/* What must never be read through the shared folder. */
#define SECRET "HEMLIGT-4711"

#define LINK_REFUSED ": is a symbolic link; links are not followed in the shared folder"

typedef struct
{
  char *dir;
  char *share;       /* the shared folder */
  char *outside;     /* a folder beside it, with the secrets */
  char *db;
} Fixture;

static char *
demo_file (const char *name)
{
  return g_build_filename (g_getenv ("UPP_SOURCE_DIR"), "data", "demo", name, NULL);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
copy_demo (const char *name,
           const char *target)
{
  g_autofree char *source = demo_file (name);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
}

/* A shared folder with one report, and three things planted in it: links
 * to secrets outside (one that would be read as JSON and quoted, one that
 * is not JSON, whose first character a JSON error would quote), and a
 * FIFO nobody writes. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret_json = NULL;
  g_autofree char *shadow = NULL;
  g_autofree char *link = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *report = NULL;

  fixture->dir = g_dir_make_tmp ("upp-links-XXXXXX", &error);
  g_assert_no_error (error);
  /* SOC's folder in the shared folder, where its reports belong. */
  fixture->share = g_build_filename (fixture->dir, "share", "SOC", NULL);
  fixture->outside = g_build_filename (fixture->dir, "outside", NULL);
  fixture->db = g_build_filename (fixture->dir, "links.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->share, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->outside, 0700), ==, 0);

  secret_json = g_build_filename (fixture->outside, "secret.json", NULL);
  write_file (secret_json, "{\"format\": \"" SECRET "\"}");
  shadow = g_build_filename (fixture->outside, "shadow", NULL);
  write_file (shadow, SECRET ":$6$salt$hash:20000:0:99999:7:::\n");

  link = g_build_filename (fixture->share, "a-secret.json", NULL);
  g_assert_cmpint (symlink (secret_json, link), ==, 0);
  g_clear_pointer (&link, g_free);
  link = g_build_filename (fixture->share, "b-shadow.json", NULL);
  g_assert_cmpint (symlink ("../../outside/shadow", link), ==, 0);
  fifo = g_build_filename (fixture->share, "c-fifo.json", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  report = g_build_filename (fixture->share, "SOC-2026-W30.json", NULL);
  copy_demo ("reports/SOC-2026-W30.json", report);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  upp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->share);
  g_free (fixture->outside);
  g_free (fixture->db);
}

static UppStore *
open_store_with_package (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) store = upp_store_open (path, &error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;

  g_assert_no_error (error);
  g_ptr_array_add (files, demo_file ("package.json"));
  results = upp_import_files (store, files, NULL, NULL, NULL);
  g_assert_cmpint (((UppImportResult *) g_ptr_array_index (results, 0))->status, ==,
                   UPP_IMPORT_IMPORTED);
  return g_steal_pointer (&store);
}

/* Every result's lines, one text. */
static char *
results_text (GPtrArray *results)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      g_autofree char *line = upp_import_result_format (g_ptr_array_index (results, i));

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What the share's import says: the report imported, each planted thing
 * refused by name, and nothing of the secrets. */
static void
assert_share_results (Fixture   *fixture,
                      GPtrArray *results)
{
  g_autofree char *text = results_text (results);
  g_autofree char *expected = g_strdup_printf ("%s/SOC-2026-W30.json: imported\n"
                                               "%s/a-secret.json" LINK_REFUSED "\n"
                                               "%s/b-shadow.json" LINK_REFUSED "\n"
                                               "%s/c-fifo.json: is not a regular file\n",
                                               fixture->share, fixture->share, fixture->share,
                                               fixture->share);

  g_assert_cmpstr (text, ==, expected);
  g_assert_null (strstr (text, SECRET));
  g_assert_null (strstr (text, "HEMLIGT"));
}

/* Importing the folder: the links and the FIFO are refused without
 * reading them (a FIFO read would wait for ever: the test's timeout). */
static void
test_folder_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(UppStore) store = open_store_with_package (fixture->db);
  g_autoptr(GError) error = NULL;
  const char *paths[] = { fixture->share, NULL };
  g_autoptr(GPtrArray) files = upp_import_collect_files (paths, &error);
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *dump = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 4);
  results = upp_import_files (store, files, NULL, NULL, NULL);
  assert_share_results (fixture, results);
  g_ptr_array_remove_index (files, 0); /* the report */

  dump = upp_store_dump (store, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (dump, SECRET));

  /* Checked without importing, the same. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(UppDocument) document = upp_document_load (g_ptr_array_index (files, i), store);

      g_assert_cmpuint (document->problems->len, ==, 1);
      g_assert_null (strstr (g_ptr_array_index (document->problems, 0), SECRET));
    }
}

/* The command line says the same, on either stream. */
static void
test_folder_import_cli (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *argv[] = { g_getenv ("UPP_CLI"), "import", "--db", fixture->db, fixture->share,
                         NULL };
  const char *check[] = { g_getenv ("UPP_CLI"), "check", "--db", fixture->db, fixture->share,
                          NULL };
  g_autoptr(GError) error = NULL;
  UppStore *store = open_store_with_package (fixture->db);

  g_object_unref (store);
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *link = g_strdup_printf ("%s/a-secret.json" LINK_REFUSED, fixture->share);
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) (round == 0 ? argv : check), NULL,
                                   G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      if (strstr (err, link) == NULL)
        g_error ("expected “%s” in:\n%s", link, err);
      g_assert_null (strstr (out, "HEMLIGT"));
      g_assert_null (strstr (err, "HEMLIGT"));
    }
}

/* A file named by itself (on the command line, in Open…) is the user's
 * choice, and a link to it is followed: to the file it points to. */
static void
test_named_link (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(UppStore) store = open_store_with_package (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *report = g_build_filename (fixture->outside, "SOC-2026-W31.json", NULL);
  g_autofree char *link = g_build_filename (fixture->share, "mine.json", NULL);
  const char *paths[] = { link, NULL };
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  copy_demo ("reports/SOC-2026-W31.json", report);
  g_assert_cmpint (symlink (report, link), ==, 0);
  files = upp_import_collect_files (paths, &error);
  g_assert_no_error (error);
  results = upp_import_files (store, files, NULL, NULL, NULL);
  text = results_text (results);
  expected = g_strdup_printf ("%s: imported\n", report);
  g_assert_cmpstr (text, ==, expected);
}

static void
on_imported (UppWatch   *watch,
             GPtrArray  *results,
             GPtrArray **out)
{
  *out = g_ptr_array_ref (results);
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(UppImportResult * const *) a)->path, (*(UppImportResult * const *) b)->path);
}

/* The watched folder: the same refusals. */
static void
test_watch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(UppStore) store = open_store_with_package (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *shared_folder = g_path_get_dirname (fixture->share);
  g_autoptr(UppWatch) watch = upp_watch_new (store, shared_folder, &error);
  g_autoptr(GPtrArray) results = NULL;

  g_assert_no_error (error);
  g_signal_connect (watch, "imported", G_CALLBACK (on_imported), &results);
  for (guint i = 0; i < 200 && results == NULL; i++)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

      g_timeout_add (50, quit_loop, loop);
      g_main_loop_run (loop);
    }
  g_assert_nonnull (results);
  /* The watch's order is its own. */
  g_ptr_array_sort (results, compare_paths);
  assert_share_results (fixture, results);
}

/* A backup's name in a folder others write: a link planted there, and one
 * where SQLite's journal would go, are replaced or left alone, and the
 * files they point to are not written. */
static void
test_backup_link (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(UppStore) store = open_store_with_package (fixture->db);
  g_autoptr(UppStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *victim = g_build_filename (fixture->outside, "victim", NULL);
  g_autofree char *journal_victim = g_build_filename (fixture->outside, "journal-victim", NULL);
  g_autofree char *target = g_build_filename (fixture->share, "backup.db", NULL);
  g_autofree char *journal = g_build_filename (fixture->share, "backup.db-journal", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *name;
  GStatBuf st;

  write_file (victim, "victim " SECRET "\n");
  write_file (journal_victim, "journal victim\n");
  g_assert_cmpint (symlink (victim, target), ==, 0);
  g_assert_cmpint (symlink (journal_victim, journal), ==, 0);

  g_assert_true (upp_store_backup (store, target, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "victim " SECRET "\n");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (journal_victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "journal victim\n");

  /* The link is replaced by the backup, a private file. */
  g_assert_cmpint (g_lstat (target, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  before = upp_store_dump (store, &error);
  g_assert_no_error (error);
  /* (Left alone, the planted journal would be taken for the copy's.) */
  g_assert_cmpint (g_unlink (journal), ==, 0);
  copy = upp_store_open (target, &error);
  g_assert_no_error (error);
  after = upp_store_dump (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);

  /* Nothing of the work is left behind. */
  dir = g_dir_open (fixture->share, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".uppfoljning-backup-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("/links/folder-import", test_folder_import);
  ADD ("/links/folder-import-cli", test_folder_import_cli);
  ADD ("/links/named-link", test_named_link);
  ADD ("/links/watch", test_watch);
  ADD ("/links/backup", test_backup_link);
#undef ADD

  return g_test_run ();
}

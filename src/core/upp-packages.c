/* upp-packages.c — the action packages this user follows: one database each, in the data folder
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database follows one package; following several is having several
 * databases, which the user never has to name: each lives in the data
 * folder as `packages/<CODE>.db` (the first one, from before, stays where
 * it was: `uppfoljning.db`), and is found by its package's code.
 */

#define G_LOG_DOMAIN "upp-packages"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "upp-error.h"
#include "upp-packages.h"
#include "upp-store.h"

void
upp_package_entry_free (UppPackageEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->code);
  g_free (self->title);
  g_free (self->organisation);
  g_free (self);
}

/**
 * upp_packages_get_folder:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/uppfoljning/packages`
 */
char *
upp_packages_get_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "uppfoljning", "packages", NULL);
}

static UppPackageEntry *
read_entry (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UppStore) store = upp_store_open (path, &error);
  g_autoptr(UppPackage) package = NULL;
  UppPackageEntry *entry;

  if (store == NULL)
    {
      g_debug ("%s is left out of the packages: %s", path, error->message);
      return NULL;
    }
  package = upp_store_ref_package (store);
  if (package == NULL)
    return NULL;
  entry = g_new0 (UppPackageEntry, 1);
  entry->path = g_strdup (path);
  entry->code = g_strdup (package->code);
  entry->title = g_strdup (package->title);
  entry->organisation = g_strdup (package->organisation);
  entry->last_week = upp_store_get_last_report_week (store);
  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const UppPackageEntry *p = *(const UppPackageEntry * const *) a;
  const UppPackageEntry *q = *(const UppPackageEntry * const *) b;

  return g_strcmp0 (p->code, q->code);
}

/**
 * upp_packages_list:
 * @error: a #GError
 *
 * Every package with a database in the data folder, by code. A database
 * without a package yet, or one that cannot be opened, is left out.
 * Opens each database: run it in a worker thread.
 *
 * Returns: (transfer full) (element-type UppPackageEntry): the packages
 */
GPtrArray *
upp_packages_list (GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_package_entry_free);
  g_autofree char *first = upp_store_get_default_path ();
  g_autofree char *folder = upp_packages_get_folder ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  if (g_file_test (first, G_FILE_TEST_IS_REGULAR))
    {
      UppPackageEntry *entry = read_entry (first);

      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      UppPackageEntry *entry;

      if (!g_str_has_suffix (name, ".db") || name[0] == '.')
        continue;
      path = g_build_filename (folder, name, NULL);
      entry = read_entry (path);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

/**
 * upp_packages_find:
 * @code: a package's code
 * @create: whether a database that does not exist yet is wanted
 * @error: a #GError
 *
 * The database that follows the package @code: the one in the data
 * folder that holds it, or, with @create, where a new one for it goes.
 *
 * Returns: (transfer full): its path, or %NULL with @error set
 */
char *
upp_packages_find (const char  *code,
                   gboolean     create,
                   GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (code != NULL, NULL);

  /* The rule of the formats, and never a name a path could be made of. */
  if (*code == '\0' || *code == '.' || strlen (code) > 64 ||
      strspn (code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-") !=
        strlen (code))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a package code; expected letters, digits, “_”, “.” or “-”"),
                   code);
      return NULL;
    }

  entries = upp_packages_list (error);
  if (entries == NULL)
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    {
      UppPackageEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->code, code))
        return g_strdup (entry->path);
    }
  if (!create)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
                   _("no database follows the package %s; import its package file with "
                     "“uppfoljning-cli import --package %s FILE”"), code, code);
      return NULL;
    }
  folder = upp_packages_get_folder ();
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the folder %s: %s"), folder, g_strerror (saved));
      return NULL;
    }
  name = g_strconcat (code, ".db", NULL);
  return g_build_filename (folder, name, NULL);
}

/* upp-import-claims.c — whose the files say they are, before someone imports them by hand
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file from the shared folder is a department's because of the folder it
 * is in (docs/security.md). A file imported by hand (a mail attachment, a
 * USB stick) is vouched for by whoever imports it; so before they do, the
 * window tells them whose the files say they are.
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-import-private.h"

typedef struct
{
  char    *department;
  UppWeek  first;
  UppWeek  last;
  guint    n;
} Claim;

static void
claim_free (Claim *claim)
{
  g_free (claim->department);
  g_free (claim);
}

static int
compare_claims (gconstpointer a,
                gconstpointer b)
{
  const Claim *p = *(const Claim * const *) a, *q = *(const Claim * const *) b;

  return g_strcmp0 (p->department, q->department);
}

/**
 * upp_import_describe_claims:
 * @paths: (element-type filename): the files and folders chosen
 * @package: (nullable): the package in force, for the departments' names
 *
 * Reads and parses the files (no store is touched) and says whose they
 * claim to be: one line per department with its reports' weeks, one per
 * package revision, and how many files are neither. Runs in a worker
 * thread; reading a folder can take long.
 *
 * Returns: (transfer full) (element-type utf8): the lines, for people
 */
GPtrArray *
upp_import_describe_claims (GPtrArray        *paths,
                            const UppPackage *package)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);
  g_autoptr(GHashTable) by_department = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GArray) revisions = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;
  guint unreadable = 0;

  g_return_val_if_fail (paths != NULL, NULL);

  g_ptr_array_add (paths, NULL);
  files = upp_import_collect_files ((const char * const *) paths->pdata, &error);
  g_ptr_array_remove_index (paths, paths->len - 1);
  if (files == NULL)
    {
      g_ptr_array_add (lines, g_strdup (error->message));
      return g_steal_pointer (&lines);
    }

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(UppDocument) document = upp_document_load (g_ptr_array_index (files, i), NULL);

      if (document->report != NULL)
        {
          const UppReport *report = document->report;
          Claim *claim = g_hash_table_lookup (by_department, report->department);

          if (claim == NULL)
            {
              claim = g_new0 (Claim, 1);
              claim->department = g_strdup (report->department);
              claim->first = claim->last = report->week;
              g_ptr_array_add (claims, claim);
              g_hash_table_insert (by_department, claim->department, claim);
            }
          if (upp_week_compare (report->week, claim->first) < 0)
            claim->first = report->week;
          if (upp_week_compare (report->week, claim->last) > 0)
            claim->last = report->week;
          claim->n++;
        }
      else if (document->package != NULL)
        g_array_append_val (revisions, document->package->revision);
      else
        unreadable++;
    }

  g_ptr_array_sort (claims, compare_claims);
  for (guint i = 0; i < claims->len; i++)
    {
      const Claim *claim = g_ptr_array_index (claims, i);
      const UppDepartment *department = package != NULL
                                          ? upp_package_find_department (package, claim->department)
                                          : NULL;
      g_autofree char *who = department != NULL
                               ? g_strdup_printf ("%s (%s)", department->name, department->code)
                               : g_strdup (claim->department);
      g_autofree char *first = upp_week_format (claim->first);
      g_autofree char *last = upp_week_format (claim->last);

      if (upp_week_compare (claim->first, claim->last) == 0)
        g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u report from %s, week %s",
                                                              "%u reports from %s, week %s",
                                                              claim->n), claim->n, who, first));
      else
        g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u report from %s, weeks %s to %s",
                                                              "%u reports from %s, weeks %s to %s",
                                                              claim->n), claim->n, who, first,
                                                 last));
    }
  for (guint i = 0; i < revisions->len; i++)
    g_ptr_array_add (lines, g_strdup_printf (_("Revision %d of the action package"),
                                             g_array_index (revisions, int, i)));
  if (unreadable > 0)
    g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u file that is neither (it will be "
                                                          "refused, with the reason)",
                                                          "%u files that are neither (they will "
                                                          "be refused, with the reason)",
                                                          unreadable), unreadable));
  return g_steal_pointer (&lines);
}

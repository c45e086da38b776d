/* upp-import-validate.c — a document against what the store holds; checked without storing
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-import-private.h"

/* Checks against what the store holds */

void
upp_import_validate_report (Checker          *checker,
                            UppReport        *report,
                            const UppPackage *package,
                            GHashTable       *actions)
{
  UppWeek today = upp_week_today ();
  gboolean known_department;

  if (package == NULL)
    {
      upp_problem (checker, AT (NULL, "package"),
                   _("the database holds no package yet; import the package definition first"));
      return;
    }
  if (!g_str_equal (report->package, package->code))
    upp_problem (checker, AT (NULL, "package"),
                 _("“%s” is not the package this database follows (%s)"), report->package,
                 package->code);
  known_department = upp_package_find_department (package, report->department) != NULL;
  if (!known_department)
    upp_problem (checker, AT (NULL, "department"),
                 _("“%s” is not one of the package’s departments"), report->department);
  if (upp_week_compare (report->week, package->first_week) < 0)
    upp_problem (checker, AT (NULL, "week"),
                 _("week %d-W%02d is before the first reporting week %d-W%02d"),
                 report->week.year, report->week.week, package->first_week.year,
                 package->first_week.week);
  if (upp_week_compare (report->week, today) > 0)
    upp_problem (checker, AT (NULL, "week"), _("week %d-W%02d is in the future"), report->week.year,
                 report->week.week);
  /* The latest `submitted` of a department's week counts: one dated ahead
   * would beat every genuine correction until its time came. So a report
   * cannot be from later than now, but for a few minutes of clock skew
   * between the desktop that wrote it and this one. */
  if (report->submitted != NULL && report->submitted_unix > upp_now_unix () + UPP_CLOCK_SKEW_SECONDS)
    upp_problem (checker, AT (NULL, "submitted"),
                 _("%s is later than now; a report cannot be submitted in the future "
                   "(is the clock of the computer that wrote it right?)"),
                 report->submitted);

  for (guint i = 0; i < report->entries->len; i++)
    {
      const UppEntry *entry = g_ptr_array_index (report->entries, i);
      const UppAction *action = g_hash_table_lookup (actions, entry->action);
      const Where *path = AT_INDEX (AT (NULL, "entries"), i);

      if (action == NULL)
        {
          upp_problem (checker, AT (path, "action"), _("“%s” is not an action of the package"),
                       entry->action);
          continue;
        }
      /* An unknown department is one problem, not one per entry. */
      if (known_department && !upp_action_involves (action, report->department))
        upp_problem (checker, AT (path, "action"),
                     _("%s neither leads nor contributes to “%s”; report only on your own actions"),
                     report->department, entry->action);
      for (guint j = 0; j < entry->indicators->len; j++)
        {
          const UppIndicatorValue *value = g_ptr_array_index (entry->indicators, j);

          if (upp_action_find_indicator (action, value->indicator) == NULL)
            upp_problem (checker, AT (AT (path, "indicators"), value->indicator),
                         _("“%s” is not an indicator of %s"), value->indicator, entry->action);
        }
    }
}

int
upp_import_compare_strings (gconstpointer a,
                            gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The codes in @set that @is_defined says @package no longer defines, sorted
 * so that messages come in the same order every time. */
static GPtrArray *
find_dropped (GHashTable       *set,
              const UppPackage *package,
              gboolean        (*is_defined) (const UppPackage *package, const char *code))
{
  GPtrArray *dropped = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer code;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    if (!is_defined (package, code))
      g_ptr_array_add (dropped, code);
  g_ptr_array_sort (dropped, upp_import_compare_strings);
  return dropped;
}

static gboolean
defines_action (const UppPackage *package,
                const char       *code)
{
  return upp_package_find_action (package, code) != NULL;
}

static gboolean
defines_department (const UppPackage *package,
                    const char       *code)
{
  return upp_package_find_department (package, code) != NULL;
}

static void
validate_package_against_store (Checker           *checker,
                                const UppDocument *document,
                                UppStore          *store)
{
  const UppPackage *package = document->package;
  g_autoptr(UppPackage) current = store != NULL ? upp_store_ref_package (store) : NULL;
  g_autoptr(GHashTable) reported = NULL;
  g_autoptr(GHashTable) departments = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  int latest;

  if (current == NULL)
    return;
  if (!g_str_equal (current->code, package->code))
    {
      upp_problem (checker, AT (NULL, "code"), _("this database follows the package %s, not %s"),
                   current->code, package->code);
      return;
    }
  if (package->revision == current->revision && !upp_store_has_document (store, document->sha256))
    {
      upp_problem (checker, AT (NULL, "revision"),
                   _("revision %d of %s was already imported with other content; "
                     "a changed package needs a higher revision"),
                   package->revision, package->code);
      return;
    }
  if (package->revision <= current->revision)
    return; /* the same file again, or kept as an older revision: nothing in force changes */
  latest = upp_store_get_latest_revision (store);
  if (package->revision > latest + 1 && !upp_store_has_document (store, document->sha256))
    {
      upp_problem (checker, AT (NULL, "revision"),
                   _("revision %d of %s skips a revision: revisions count up one at a time, "
                     "and the latest this database holds is %d"),
                   package->revision, package->code, latest);
      return;
    }

  reported = upp_store_get_reported_actions (store);
  dropped = find_dropped (reported, package, defines_action);
  for (guint i = 0; i < dropped->len; i++)
    upp_problem (checker, AT (NULL, "actions"),
                 _("revision %d drops the action “%s”, which has reports; "
                   "keep it in the package (it may be marked done in reports)"),
                 package->revision, (const char *) g_ptr_array_index (dropped, i));

  /* The store's foreign keys would refuse it too, but in SQL's words. */
  departments = upp_store_get_reporting_departments (store, NULL);
  if (departments == NULL)
    departments = g_hash_table_new (g_str_hash, g_str_equal);
  g_clear_pointer (&dropped, g_ptr_array_unref);
  dropped = find_dropped (departments, package, defines_department);
  for (guint i = 0; i < dropped->len; i++)
    upp_problem (checker, AT (NULL, "departments"),
                 _("revision %d drops the department “%s”, which has sent reports; "
                   "keep it in the package"),
                 package->revision, (const char *) g_ptr_array_index (dropped, i));
}

GHashTable *
upp_import_index_actions (const UppPackage *package)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; package != NULL && i < package->actions->len; i++)
    {
      UppAction *action = g_ptr_array_index (package->actions, i);
      g_hash_table_insert (index, action->code, action);
    }
  return index;
}

/* The shared folder's rule: who wrote a file is who may write in the
 * folder it is in, as the share's access rights decide (docs/security.md).
 * A report is taken from its own department's folder, a package revision
 * from leadership's. One level deep, no more: a file elsewhere is refused
 * with where it should be. (A signature can be checked here later, beside
 * or instead of the folder.) */
void
upp_import_check_origin (UppDocument *document,
                         const char  *shared_folder)
{
  g_autofree char *dir = g_path_get_dirname (document->path);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *folder = g_path_get_basename (dir);
  g_autofree char *root = g_canonicalize_filename (shared_folder, NULL);
  g_autofree char *canonical_dir = g_canonicalize_filename (dir, NULL);
  g_autofree char *canonical_parent = g_canonicalize_filename (parent, NULL);
  g_autofree char *message = NULL;
  const char *owner;

  if (document->report != NULL)
    owner = document->report->department;
  else if (document->package != NULL)
    owner = UPP_LEADERSHIP_FOLDER;
  else
    return;

  if (g_str_equal (canonical_dir, root))
    message = g_strdup_printf (_("is at the top of the shared folder; it is read only from the "
                                 "folder “%s” in it, which only %s may write in"), owner,
                               document->report != NULL ? owner : _("leadership"));
  else if (!g_str_equal (canonical_parent, root))
    message = g_strdup_printf (_("is not in a folder of its own directly in the shared folder; "
                                 "it is read only from the folder “%s”"), owner);
  else if (!g_str_equal (folder, owner) && document->report != NULL)
    message = g_strdup_printf (_("is a report for %s, but it is in the folder “%s”; a "
                                 "department’s reports are read only from its own folder "
                                 "(“%s”), so that no one can report for another"),
                               owner, folder, owner);
  else if (!g_str_equal (folder, owner))
    message = g_strdup_printf (_("is a package revision, but it is in the folder “%s”; package "
                                 "revisions are read only from leadership’s folder (“%s”)"),
                               folder, owner);
  if (message != NULL)
    upp_add_problem (document->problems, g_strdup_printf ("%s: %s", document->path, message));
}

/* Checks a parsed document against the store's package definition. */
void
upp_import_validate_document (UppDocument      *document,
                              UppStore         *store,
                              const UppPackage *package,
                              GHashTable       *actions)
{
  Checker checker = { document->path, document->problems };

  if (document->package != NULL)
    validate_package_against_store (&checker, document, store);
  else if (document->report != NULL)
    upp_import_validate_report (&checker, document->report, package, actions);
  upp_checker_finish (&checker);
}

/**
 * upp_document_parse:
 * @display_name: the file's name, for messages
 * @bytes: the document
 * @store: (nullable): the store to check against; %NULL checks the document
 *   by itself
 *
 * Parses and validates a document without storing it — what `check` does.
 *
 * Returns: (transfer full): the document with its problems (empty if valid)
 */
UppDocument *
upp_document_parse (const char *display_name,
                    GBytes     *bytes,
                    UppStore   *store)
{
  UppDocument *document;
  g_autoptr(GHashTable) actions = NULL;
  g_autoptr(UppPackage) package = NULL;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (store == NULL || UPP_IS_STORE (store), NULL);

  document = upp_document_new (display_name);
  document->bytes = g_bytes_ref (bytes);
  upp_format_parse_document (document);
  if (document->problems->len == 0 && store != NULL)
    {
      package = upp_store_ref_package (store);
      actions = upp_import_index_actions (package);
      upp_import_validate_document (document, store, package, actions);
    }
  return document;
}

/**
 * upp_document_load:
 * @path: a file
 * @store: (nullable): as for upp_document_parse()
 *
 * Reads (safely: size limit, regular files only) and parses a document.
 *
 * Returns: (transfer full): the document with its problems
 */
UppDocument *
upp_document_load (const char *path,
                   UppStore   *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  UppDocument *document;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (store == NULL || UPP_IS_STORE (store), NULL);

  bytes = upp_import_read_document_bytes (path, &error);
  if (bytes == NULL)
    {
      document = upp_document_new (path);
      upp_document_problem (document, error->message);
      return document;
    }
  return upp_document_parse (path, bytes, store);
}

/* upp-import-revisions.c — deciding about a package revision that waits: checked again, then in force or refused
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-error.h"
#include "upp-guard.h"
#include "upp-import-private.h"
#include "upp-package-changes.h"

/* The stored revision whose SHA-256 begins with @sha256. */
static UppRevisionInfo *
find_revision (UppStore    *store,
               const char  *sha256,
               GError     **error)
{
  g_autoptr(GPtrArray) revisions = upp_store_list_revisions (store, error);
  guint found = G_MAXUINT;

  if (revisions == NULL)
    return NULL;
  for (guint i = 0; i < revisions->len; i++)
    {
      const UppRevisionInfo *info = g_ptr_array_index (revisions, i);

      if (!g_str_has_prefix (info->sha256, sha256))
        continue;
      if (found != G_MAXUINT)
        {
          g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT,
                       _("more than one package revision has a SHA-256 that begins with %s; "
                         "give more of it"), sha256);
          return NULL;
        }
      found = i;
    }
  if (found == G_MAXUINT || *sha256 == '\0')
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
                   _("this database holds no package revision with the SHA-256 %s"), sha256);
      return NULL;
    }
  return g_ptr_array_steal_index (revisions, found);
}

/**
 * upp_import_read_revision:
 * @store: a #UppStore
 * @info: a revision from upp_store_list_revisions()
 * @error: a #GError
 *
 * The stored revision, parsed and checked against the store as it is now,
 * for review: what it would change, and whether it still could.
 *
 * Returns: (transfer full) (nullable): the document with its problems, or
 *   %NULL if it could not be read
 */
UppDocument *
upp_import_read_revision (UppStore               *store,
                          const UppRevisionInfo  *info,
                          GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  bytes = upp_store_get_document_bytes (store, info->document_id, error);
  if (bytes == NULL)
    return NULL;
  return upp_document_parse (info->filename, bytes, store);
}

/**
 * upp_import_decide_revision:
 * @store: a #UppStore
 * @sha256: the SHA-256 of a stored revision that waits for a decision, or
 *   the beginning of it
 * @accept: %TRUE to put it in force, %FALSE to refuse it
 * @by: who decided (a role or a name, as they choose)
 * @error: a #GError
 *
 * Decides about a package revision that came from a file or the shared
 * folder. Accepting checks it again, against the store as it is now (a
 * report may have arrived since on an action it drops), and puts it in
 * force; refusing keeps it, refused. Both are recorded with @by and the
 * time.
 *
 * Returns: %TRUE if decided
 */
gboolean
upp_import_decide_revision (UppStore    *store,
                            const char  *sha256,
                            gboolean     accept,
                            const char  *by,
                            GError     **error)
{
  g_autoptr(UppRevisionInfo) info = NULL;
  g_autoptr(UppDocument) document = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (UPP_IS_STORE (store), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (by != NULL, FALSE);

  number = upp_guard_check_text (by);
  if (*by == '\0' || !g_utf8_validate (by, -1, NULL) || g_utf8_strlen (by, -1) > 200 ||
      number != NULL)
    {
      g_set_error_literal (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT,
                           _("say who decided, by role or name, without a personal identity number"));
      return FALSE;
    }
  info = find_revision (store, sha256, error);
  if (info == NULL)
    return FALSE;
  if (info->state != UPP_REVISION_PENDING)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                   _("revision %d (%s) is not waiting for a decision: it is %s"), info->revision,
                   info->filename, upp_revision_state_get_label (info->state));
      return FALSE;
    }
  if (!accept)
    return upp_store_decide_revision (store, info->sha256, NULL, by, error);

  document = upp_import_read_revision (store, info, error);
  if (document == NULL)
    return FALSE;
  if (document->problems->len > 0 || document->package == NULL)
    {
      g_autofree char *problems = NULL;

      g_ptr_array_add (document->problems, NULL);
      problems = g_strjoinv ("\n", (char **) document->problems->pdata);
      g_ptr_array_remove_index (document->problems, document->problems->len - 1);
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_DOCUMENT,
                   _("revision %d cannot take effect:\n%s"), info->revision, problems);
      return FALSE;
    }
  return upp_store_decide_revision (store, info->sha256, document->package, by, error);
}

void
upp_pending_revision_free (UppPendingRevision *self)
{
  if (self == NULL)
    return;
  upp_revision_info_free (self->info);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

/**
 * upp_import_list_pending_revisions:
 * @store: a #UppStore
 * @error: a #GError
 *
 * The package revisions that wait for a decision, each with what it would
 * change against the definition in force and whether it could take effect
 * now: what someone needs to see before deciding.
 *
 * Returns: (transfer full) (element-type UppPendingRevision): by revision
 */
GPtrArray *
upp_import_list_pending_revisions (UppStore  *store,
                                   GError   **error)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(UppPackage) current = NULL;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);

  revisions = upp_store_list_revisions (store, error);
  if (revisions == NULL)
    return NULL;
  current = upp_store_ref_package (store);
  pending = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_pending_revision_free);
  for (guint i = 0; i < revisions->len; i++)
    {
      UppRevisionInfo *info = g_ptr_array_index (revisions, i);
      g_autoptr(UppDocument) document = NULL;
      g_autoptr(GError) local_error = NULL;
      UppPendingRevision *item;

      if (info->state != UPP_REVISION_PENDING)
        continue;
      item = g_new0 (UppPendingRevision, 1);
      item->is_next = current != NULL && info->revision == current->revision + 1;
      item->problems = g_ptr_array_new_with_free_func (g_free);
      document = upp_import_read_revision (store, info, &local_error);
      if (document == NULL)
        g_ptr_array_add (item->problems, g_strdup (local_error->message));
      else
        for (guint j = 0; j < document->problems->len; j++)
          g_ptr_array_add (item->problems, g_strdup (g_ptr_array_index (document->problems, j)));
      if (document != NULL && document->package != NULL && current != NULL)
        item->changes = upp_package_describe_changes (current, document->package);
      else
        item->changes = g_ptr_array_new_with_free_func (g_free);
      item->info = g_ptr_array_steal_index (revisions, i--);
      g_ptr_array_add (pending, item);
    }
  return g_steal_pointer (&pending);
}

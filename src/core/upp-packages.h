/* upp-packages.h — the action packages this user follows: one database each, in the data folder
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "upp-week.h"

G_BEGIN_DECLS

/**
 * UppPackageEntry:
 * @path: the database
 * @code: the package's code
 * @title: its title
 * @organisation: whose it is
 * @last_week: the latest week a report was imported for, or the first
 *   reporting week
 */
typedef struct
{
  char    *path;
  char    *code;
  char    *title;
  char    *organisation;
  UppWeek  last_week;
} UppPackageEntry;

void        upp_package_entry_free   (UppPackageEntry *self);
char       *upp_packages_get_folder  (void);
GPtrArray  *upp_packages_list        (GError     **error);
char       *upp_packages_find        (const char  *code,
                                      gboolean     create,
                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppPackageEntry, upp_package_entry_free)

G_END_DECLS

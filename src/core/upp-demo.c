/* upp-demo.c — where the example action package is
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-demo"

#include "config.h"

#include "upp-demo.h"

/**
 * upp_demo_find_folder:
 *
 * Returns: (transfer full) (nullable): the folder with the example action
 *   package: `$UPP_DEMO_DIR`, the installed copy or the source tree's
 */
char *
upp_demo_find_folder (void)
{
  const char *candidates[] = {
    g_getenv ("UPP_DEMO_DIR"),
    PKGDATADIR "/demo",
    SOURCE_DEMO_DIR,
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && g_file_test (candidates[i], G_FILE_TEST_IS_DIR))
      return g_strdup (candidates[i]);
  return NULL;
}

/**
 * upp_demo_get_paths:
 * @folder: from upp_demo_find_folder()
 *
 * Returns: (transfer full): what to import for the example: @folder (the
 *   package) and its `reports` folder where there is one
 */
GStrv
upp_demo_get_paths (const char *folder)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *reports = g_build_filename (folder, "reports", NULL);

  g_return_val_if_fail (folder != NULL, NULL);

  g_strv_builder_add (builder, folder);
  if (g_file_test (reports, G_FILE_TEST_IS_DIR))
    g_strv_builder_add (builder, reports);
  return g_strv_builder_end (builder);
}

/* upp-test-util.h — what several tests need: the demo store, clean-up, a
 * look into a database file
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "upp-store.h"

G_BEGIN_DECLS

UppStore *upp_test_open_demo   (const char *path);
/* SQL that takes a store of schema 8 back to schema 7's report table, which
 * stored each report's revision: for tests that migrate from older schemas. */
#define UPP_TEST_REPORTS_BACK_TO_SCHEMA_7                                                 \
  "DROP INDEX report_current;"                                                            \
  "ALTER TABLE report ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;"                    \
  "UPDATE report SET revision = (SELECT n FROM (SELECT r.id, row_number () OVER"          \
  "  (PARTITION BY r.department, r.week ORDER BY r.submitted_unix, d.sha256) AS n"        \
  "  FROM report r JOIN document d ON d.id = r.document_id) x WHERE x.id = report.id);"

void      upp_test_remove_tree (const char *path);
gint64    upp_test_query_int64 (const char *path,
                                const char *sql);
guint     upp_test_accept_revisions (UppStore *store);
JsonNode *upp_test_template_as_form_writes (const char *template);

G_END_DECLS

/* upp-format-private.h — what the checkers of the two formats share
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-format.h"
#include "upp-json-reader.h"

G_BEGIN_DECLS

/* The limits of data/uppfoljning-package.schema.json and
 * -report.schema.json (and docs/formats.md), in characters or items. */
#define MAX_CODE_LENGTH 32
#define MAX_NAME_LENGTH 200
#define MAX_GOAL_TITLE_LENGTH 300
#define MAX_TEXT_LENGTH 4000
#define MAX_GOALS 50
#define MAX_DEPARTMENTS 100
#define MAX_ACTIONS 10000
#define MAX_CONTRIBUTORS 100
#define MAX_INDICATORS 20
#define MAX_ENTRIES 10000
#define MAX_REVISION 1000000

/* upp-format-checker.c: sets of codes, typed access with messages */
GHashTable  *upp_code_set_new     (void);
gboolean     upp_add_unique       (GHashTable         *seen,
                                   const char         *code);

gboolean     upp_check_members    (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char * const *allowed);
const Jv    *upp_get_member       (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   gboolean            required);
const char  *upp_get_string       (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   gboolean            required,
                                   guint               max_length);
char        *upp_get_code         (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   gboolean            required);
gboolean     upp_get_number_value (Checker            *checker,
                                   const Jv           *node,
                                   const Where        *where,
                                   double             *out_value);
gboolean     upp_get_number       (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   gboolean            required,
                                   double             *out_value);
gboolean     upp_get_integer      (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   gboolean            required,
                                   gint64              min,
                                   gint64              max,
                                   int                *out_value);
gboolean     upp_get_date         (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   gboolean            required,
                                   GDate              *out_date);
gboolean     upp_get_week         (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   UppWeek            *out_week);
const Jv    *upp_get_object       (Checker            *checker,
                                   const Jv           *node,
                                   const Where        *where);
const Jv    *upp_get_array        (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   gboolean            required,
                                   guint               max);
gboolean     upp_get_boolean      (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   gboolean            fallback);
void         upp_check_texts      (Checker            *checker,
                                   const Jv           *node,
                                   const Where        *where);
char        *upp_get_text         (Checker            *checker,
                                   const Jv           *object,
                                   const Where        *where,
                                   const char         *name,
                                   gboolean            required,
                                   guint               max_length);
gboolean     upp_check_header     (Checker            *checker,
                                   const Jv           *root,
                                   int                 newest,
                                   int                *out_version);

/* upp-package-format.c, upp-report-format.c */
UppPackage  *upp_parse_package    (Checker            *checker,
                                   const Jv           *root);
UppReport   *upp_parse_report     (Checker            *checker,
                                   const Jv           *root);

G_END_DECLS

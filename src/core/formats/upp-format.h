/* upp-format.h — what the importer uses of the formats: problems, a document by itself
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-document.h"
#include "upp-format-limits.h"

G_BEGIN_DECLS

/* A checker collects the problems of one document, each prefixed with the
 * file's name, so that `check` can list them at once: the first
 * UPP_MAX_PROBLEMS of them, and upp_checker_finish() adds how many more
 * there were. @n_more counts those; a checker starts with it zero. */
typedef struct
{
  const char *name;
  GPtrArray  *problems;
  guint       n_more;
} Checker;

/* Where in a document a problem is: a member of, or an index into, its
 * parent (NULL for the document itself). Built on the stack as the
 * validators descend, and spelt out ("entries[3].status") only for a
 * problem. */
typedef struct _Where Where;

struct _Where
{
  const Where *parent;
  const char  *member;  /* or NULL for an index */
  guint        index;
};

#define AT(parent, name) (&(const Where) { (parent), (name), 0 })
#define AT_INDEX(parent, i) (&(const Where) { (parent), NULL, (i) })

void         upp_add_problem           (GPtrArray   *problems,
                                        char        *message);
void         upp_problem               (Checker     *checker,
                                        const Where *where,
                                        const char  *format,
                                        ...) G_GNUC_PRINTF (3, 4);
guint        upp_checker_count         (const Checker *checker);
void         upp_checker_finish        (Checker     *checker);

UppDocument *upp_document_new          (const char  *path);
void         upp_document_problem      (UppDocument *document,
                                        const char  *message);
/* Reads the package or report in the document's bytes and checks it by
 * itself; what the store holds is upp_document_parse()'s to check. */
void         upp_format_parse_document (UppDocument *document);

G_END_DECLS

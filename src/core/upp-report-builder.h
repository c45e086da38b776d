/* upp-report-builder.h — a weekly report as a form holds it: values in,
 * JSON out, the importer's problems mapped back to fields, corrections
 * compared with the revision before
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "upp-store.h"

G_BEGIN_DECLS

/**
 * UppReportFormIndicator:
 * @code: the indicator's code
 * @text: the value as typed; empty when it was not measured
 */
typedef struct
{
  char *code;
  char *text;
} UppReportFormIndicator;

/**
 * UppReportFormEntry:
 * @action: the action's code
 * @status: the reported status
 * @progress: 0–100
 * @comment: never %NULL; empty when there is nothing to say
 * @next_steps: never %NULL
 * @risks: never %NULL
 * @indicators: (element-type UppReportFormIndicator): the action's
 *   indicators, in package order
 */
typedef struct
{
  char      *action;
  UppStatus  status;
  int        progress;
  char      *comment;
  char      *next_steps;
  char      *risks;
  GPtrArray *indicators;
} UppReportFormEntry;

/**
 * UppReportForm:
 * @package: the package's code
 * @department: the reporting department's code
 * @week: the reported week
 * @submitted: (nullable): when it was submitted; %NULL means now, when the
 *   JSON is built
 * @reporter: never %NULL; a role, not a name
 * @summary: never %NULL
 * @entries: (element-type UppReportFormEntry): in report order: the actions
 *   the department leads first, then those it contributes to, each in
 *   package order (as upp_report_template() writes them)
 *
 * The values of a report form. Texts are kept as typed, indicator values
 * too: whether they are numbers is for the importer's rules to say.
 */
typedef struct
{
  char      *package;
  char      *department;
  UppWeek    week;
  char      *submitted;
  char      *reporter;
  char      *summary;
  GPtrArray *entries;
} UppReportForm;

/**
 * UppReportProblem:
 * @key: (nullable): the field it belongs to (see upp_report_form_key()),
 *   or %NULL for the report as a whole
 * @path: (nullable): the JSON path the importer named, e.g.
 *   `entries[3].progress`
 * @message: what is wrong, without the file's name and the path
 */
typedef struct
{
  char *key;
  char *path;
  char *message;
} UppReportProblem;

/**
 * UppReportChange:
 * @key: the field that changed (see upp_report_form_key()); an action's
 *   code alone when its whole entry was added or dropped
 * @before: the value in the earlier revision, as shown to people; empty
 *   when there was none
 * @after: the value now, as shown to people; empty when there is none
 */
typedef struct
{
  char *key;
  char *before;
  char *after;
} UppReportChange;

UppReportForm      *upp_report_form_new            (void);
void                upp_report_form_free           (UppReportForm       *self);
UppReportFormEntry *upp_report_form_entry_new      (const char          *action);
void                upp_report_form_entry_free     (UppReportFormEntry  *self);
void                upp_report_problem_free        (UppReportProblem    *self);
void                upp_report_change_free         (UppReportChange     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppReportForm, upp_report_form_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppReportFormEntry, upp_report_form_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppReportProblem, upp_report_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppReportChange, upp_report_change_free)

UppReportForm      *upp_report_form_new_from_json  (const char          *json,
                                                    gssize               length,
                                                    const UppPackage    *package,
                                                    GError             **error);
UppReportForm      *upp_report_form_new_template   (UppStore            *store,
                                                    const char          *department,
                                                    UppWeek              week,
                                                    GError             **error);
UppReportForm      *upp_report_form_copy           (const UppReportForm *self);
UppReportFormEntry *upp_report_form_find_entry     (const UppReportForm *self,
                                                    const char          *action);
const char         *upp_report_form_get_indicator  (const UppReportForm *self,
                                                    const char          *action,
                                                    const char          *indicator);
gboolean            upp_report_form_set_indicator  (UppReportForm       *self,
                                                    const char          *action,
                                                    const char          *indicator,
                                                    const char          *text);

char               *upp_report_form_to_json        (const UppReportForm *self);
char               *upp_report_form_get_filename   (const UppReportForm *self,
                                                    int                  revision);
char               *upp_report_now                 (void);

char               *upp_report_form_key            (const char          *action,
                                                    const char          *field,
                                                    const char          *indicator);
char               *upp_report_form_key_for_path   (const UppReportForm *self,
                                                    const char          *path);
GPtrArray          *upp_report_form_map_problems   (const UppReportForm *self,
                                                    const char          *display_name,
                                                    GPtrArray           *problems);
GPtrArray          *upp_report_form_validate       (const UppReportForm *self,
                                                    UppStore            *store);

GPtrArray          *upp_report_form_diff           (const UppReportForm *before,
                                                    const UppReportForm *after);

gint64              upp_report_find_document       (UppStore            *store,
                                                    const char          *department,
                                                    UppWeek              week,
                                                    const char          *before,
                                                    guint               *out_n_reports);

G_END_DECLS

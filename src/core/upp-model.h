/* upp-model.h — package definitions and weekly reports
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-types.h"

G_BEGIN_DECLS

typedef struct
{
  char     *code;
  char     *title;
} UppGoal;

typedef struct
{
  char     *code;
  char     *name;
  gboolean  partner;       /* the police: a partner, not a municipal department */
} UppDepartment;

typedef struct
{
  char         *code;
  char         *name;
  char         *unit;      /* nullable */
  gboolean      has_target;
  double        target;
  UppDirection  direction;
} UppIndicator;

typedef struct
{
  char      *code;
  char      *title;
  char      *description;  /* nullable */
  char      *goal;
  char      *lead;
  GPtrArray *contributors; /* department codes (char *) */
  GDate      start;        /* invalid (cleared) when absent */
  GDate      deadline;
  GPtrArray *indicators;   /* UppIndicator */
} UppAction;

typedef struct
{
  char      *code;
  int        revision;
  char      *title;
  char      *organisation;
  GDate      decided;      /* invalid when absent */
  char      *decided_by;   /* nullable */
  UppWeek    first_week;
  int        due_weekday;  /* 1 = Monday … 7 = Sunday */
  GPtrArray *goals;        /* UppGoal */
  GPtrArray *departments;  /* UppDepartment */
  GPtrArray *actions;      /* UppAction */
} UppPackage;

typedef struct
{
  char   *indicator;
  double  value;
} UppIndicatorValue;

typedef struct
{
  char      *action;
  UppStatus  status;
  int        progress;
  char      *comment;      /* nullable */
  char      *next_steps;   /* nullable */
  char      *risks;        /* nullable */
  GPtrArray *indicators;   /* UppIndicatorValue */
} UppEntry;

typedef struct
{
  char      *package;
  char      *department;
  UppWeek    week;
  char      *submitted;      /* as written: 2026-06-19T15:30:00+02:00 */
  gint64     submitted_unix; /* for ordering corrections */
  GDate      submitted_date; /* the date where it was written, for "on time" */
  char      *reporter;       /* nullable; a role, never a name */
  char      *summary;        /* nullable */
  GPtrArray *entries;        /* UppEntry */
  int        version;        /* of the format: 2 is what `template` writes */
} UppReport;

UppGoal           *upp_goal_new               (void);
void               upp_goal_free              (UppGoal           *self);
UppDepartment     *upp_department_new         (void);
void               upp_department_free        (UppDepartment     *self);
UppIndicator      *upp_indicator_new          (void);
void               upp_indicator_free         (UppIndicator      *self);
UppAction         *upp_action_new             (void);
void               upp_action_free            (UppAction         *self);
UppPackage        *upp_package_new            (void);
void               upp_package_free           (UppPackage        *self);
UppPackage        *upp_package_ref            (UppPackage        *self);
void               upp_package_unref          (UppPackage        *self);
UppIndicatorValue *upp_indicator_value_new    (void);
void               upp_indicator_value_free   (UppIndicatorValue *self);
UppEntry          *upp_entry_new              (void);
void               upp_entry_free             (UppEntry          *self);
UppReport         *upp_report_new             (void);
void               upp_report_free            (UppReport         *self);

UppAction         *upp_package_find_action    (const UppPackage  *self,
                                               const char        *code);
UppDepartment     *upp_package_find_department (const UppPackage *self,
                                                const char       *code);
gboolean           upp_package_department_has_actions (const UppPackage *self,
                                                       const char       *department);
gboolean           upp_action_involves        (const UppAction   *self,
                                               const char        *department);
UppIndicator      *upp_action_find_indicator  (const UppAction   *self,
                                               const char        *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppGoal, upp_goal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppDepartment, upp_department_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppIndicator, upp_indicator_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppAction, upp_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppPackage, upp_package_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppIndicatorValue, upp_indicator_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppEntry, upp_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UppReport, upp_report_free)

G_END_DECLS

/* upp-status.h — how an action's state for a week is derived
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "upp-types.h"

G_BEGIN_DECLS

/**
 * UppLatestEntry:
 * @has_entry: whether the lead department ever reported on the action
 *   at or before the week
 * @week: the week of that latest entry
 * @status: its status
 * @progress: its progress, 0–100
 *
 * The lead department's latest report entry on an action at or before a
 * week — the only input besides the action's dates that its state needs.
 */
typedef struct
{
  gboolean  has_entry;
  UppWeek   week;
  UppStatus status;
  int       progress;
} UppLatestEntry;

/**
 * UppDerivedState:
 * @state: what to show
 * @contradiction: the report says on track (or not started) although the
 *   deadline has passed (upp_status_deadline_passed())
 * @reason: (nullable): why, for people; owned by the struct
 */
typedef struct
{
  UppState  state;
  gboolean  contradiction;
  char     *reason;
} UppDerivedState;

void upp_status_get_today      (GDate                *out_date);
void upp_status_reference_day (UppWeek               week,
                               int                   due_weekday,
                               const GDate          *today,
                               GDate                *out_date);
int  upp_status_days_to_deadline (const GDate       *deadline,
                                  const GDate       *reference);
gboolean upp_status_deadline_passed (const GDate    *deadline,
                                     const GDate    *reference);

void upp_derive_state         (const GDate          *start,
                               const GDate          *deadline,
                               UppWeek               week,
                               const GDate          *reference,
                               const UppLatestEntry *latest,
                               gboolean              with_reason,
                               UppDerivedState      *out);
void upp_derived_state_clear  (UppDerivedState      *derived);
UppState upp_derive_state_quick (int                   start_week,
                                 guint32               deadline_day,
                                 guint32               reference_day,
                                 UppWeek               week,
                                 const UppLatestEntry *latest,
                                 gboolean             *out_contradiction);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UppDerivedState, upp_derived_state_clear)

G_END_DECLS

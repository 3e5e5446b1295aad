/* lin-roster-fill.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-roster.h"

G_BEGIN_DECLS

typedef enum
{
  LIN_ROSTER_UNFILLED_SKILL,     /* no one has the skills the line needs */
  LIN_ROSTER_UNFILLED_AWAY,      /* everyone with them is away then */
  LIN_ROSTER_UNFILLED_BUSY,      /* everyone else free is on another shift then */
} LinRosterUnfilledReason;

typedef struct
{
  int                      shift;    /* index in the roster */
  guint                    missing;  /* people */
  LinRosterUnfilledReason  reason;
} LinRosterUnfilled;

typedef struct
{
  GPtrArray *added;       /* of LinRecord: new assignments, not saved */
  GArray    *unfilled;    /* of LinRosterUnfilled */
  guint      soft_left;   /* soft rules broken in the period afterwards */
} LinRosterFill;

LinRosterFill *lin_roster_fill           (LinRoster               *roster,
                                          gint64                   from,
                                          gint64                   to,
                                          guint32                  seed,
                                          const LinRosterSettings *settings);
void           lin_roster_fill_free      (LinRosterFill           *fill);
char          *lin_roster_unfilled_describe (LinRoster            *roster,
                                          const LinRosterUnfilled *unfilled);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinRosterFill, lin_roster_fill_free)

G_END_DECLS

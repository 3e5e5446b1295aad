/* lin-roster-month-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The month's day cells (lin-roster-month-day.c), for the month and its
 * tests.
 */

#pragma once

#include "lin-roster-month.h"

G_BEGIN_DECLS

/* A shift's or a day's state, as CSS classes */
enum {
  LIN_ROSTER_MONTH_GAP       = 1 << 0,
  LIN_ROSTER_MONTH_HARD      = 1 << 1,
  LIN_ROSTER_MONTH_SOFT      = 1 << 2,
  LIN_ROSTER_MONTH_CANCELLED = 1 << 3,
  LIN_ROSTER_MONTH_TODAY     = 1 << 4,
  LIN_ROSTER_MONTH_OUTSIDE   = 1 << 5,  /* a day of the weeks around the month */
};

#define LIN_TYPE_ROSTER_MONTH_DAY (lin_roster_month_day_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterMonthDay, lin_roster_month_day, LIN, ROSTER_MONTH_DAY, GtkWidget)

void        lin_roster_month_day_set_n_lines (LinRosterMonthDay *self,
                                              guint              n_lines);
void        lin_roster_month_day_set_line    (LinRosterMonthDay *self,
                                              guint              i,
                                              const char        *name,
                                              const guint8      *states,
                                              guint              n_shifts,
                                              guint              missing);
void        lin_roster_month_day_set         (LinRosterMonthDay *self,
                                              guint              julian,
                                              guint              state,
                                              char              *spoken);
guint       lin_roster_month_day_get_julian (LinRosterMonthDay *self);
const char *lin_roster_month_day_get_label  (LinRosterMonthDay *self);

G_END_DECLS

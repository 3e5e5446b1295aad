/* lin-roster-week.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-roster.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_WEEK (lin_roster_week_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterWeek, lin_roster_week, LIN, ROSTER_WEEK, GtkWidget)

GtkWidget *lin_roster_week_new           (void);
void       lin_roster_week_set_roster    (LinRosterWeek *self,
                                          LinRoster     *roster,
                                          GArray        *violations);
void       lin_roster_week_set_week      (LinRosterWeek *self,
                                          GDate         *monday);
void       lin_roster_week_set_day_start (LinRosterWeek *self,
                                          guint          hour);
int        lin_roster_week_get_selected  (LinRosterWeek *self);
void       lin_roster_week_select        (LinRosterWeek *self,
                                          int            shift);

char      *lin_roster_week_format_day   (gint64         instant);

G_END_DECLS

/* lin-roster-month.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-roster.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_MONTH (lin_roster_month_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterMonth, lin_roster_month, LIN, ROSTER_MONTH, GtkWidget)

GtkWidget *lin_roster_month_new           (void);
void       lin_roster_month_set_roster    (LinRosterMonth *self,
                                           LinRoster      *roster,
                                           GArray         *violations);
void       lin_roster_month_set_month     (LinRosterMonth *self,
                                           GDate          *day);
void       lin_roster_month_set_day_start (LinRosterMonth *self,
                                           guint           hour);
gboolean   lin_roster_month_get_focus_day (LinRosterMonth *self,
                                           GDate          *day);
void       lin_roster_month_focus_day     (LinRosterMonth *self,
                                           GDate          *day);

G_END_DECLS

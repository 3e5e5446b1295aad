/* lin-roster-rota.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-roster.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_ROTA (lin_roster_rota_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterRota, lin_roster_rota, LIN, ROSTER_ROTA, GtkWidget)

GtkWidget *lin_roster_rota_new            (void);
void       lin_roster_rota_set_roster     (LinRosterRota *self,
                                           LinRoster     *roster,
                                           GArray        *violations);
void       lin_roster_rota_set_month      (LinRosterRota *self,
                                           GDate         *day);
void       lin_roster_rota_set_day_start  (LinRosterRota *self,
                                           guint          hour);
gboolean   lin_roster_rota_get_focus_cell (LinRosterRota *self,
                                           int           *person,
                                           GDate         *day);
void       lin_roster_rota_focus_cell     (LinRosterRota *self,
                                           int            person,
                                           GDate         *day);

G_END_DECLS

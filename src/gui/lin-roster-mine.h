/* lin-roster-mine.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"
#include "lin-roster.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_MINE (lin_roster_mine_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterMine, lin_roster_mine, LIN, ROSTER_MINE, AdwBin)

GtkWidget *lin_roster_mine_new         (void);
void       lin_roster_mine_set_context (LinRosterMine *self,
                                        LinContext    *context);
void       lin_roster_mine_set_roster  (LinRosterMine *self,
                                        LinRoster     *roster,
                                        GArray        *violations);
int        lin_roster_mine_get_person  (LinRosterMine *self);
void       lin_roster_mine_set_person  (LinRosterMine *self,
                                        int            person);

G_END_DECLS

/* lin-roster-people.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_PEOPLE (lin_roster_people_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterPeople, lin_roster_people, LIN, ROSTER_PEOPLE, AdwWindow)

GtkWidget *lin_roster_people_new         (GtkWindow       *parent,
                                          LinContext      *context);
void       lin_roster_people_add_person  (LinRosterPeople *self);
void       lin_roster_people_edit_person (LinRosterPeople *self,
                                          int              person);
void       lin_roster_people_add_line    (LinRosterPeople *self);
void       lin_roster_people_edit_line   (LinRosterPeople *self,
                                          int              line);
gboolean   lin_roster_people_save        (LinRosterPeople *self);

G_END_DECLS

/* lin-roster-view.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_VIEW (lin_roster_view_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterView, lin_roster_view, LIN, ROSTER_VIEW, AdwBin)

void       lin_roster_view_set_context (LinRosterView *self,
                                        LinContext    *context);
void       lin_roster_view_show_week   (LinRosterView *self,
                                        GDate         *day);
void       lin_roster_view_show_mode   (LinRosterView *self,
                                        const char    *mode);
void       lin_roster_view_select      (LinRosterView *self,
                                        int            shift);
void       lin_roster_view_assign      (LinRosterView *self,
                                        int            person);
void       lin_roster_view_auto_fill   (LinRosterView *self);
void       lin_roster_view_undo_fill   (LinRosterView *self);
GtkWidget *lin_roster_view_get_week    (LinRosterView *self);

G_END_DECLS
